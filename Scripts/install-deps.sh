#!/usr/bin/env bash
# Installs the system libraries fluxsim links against (GSL, found through pkg-config),
# if they are missing. Debian/Ubuntu; uses sudo when not run as root.
set -euo pipefail
if pkg-config --exists gsl 2>/dev/null; then
  exit 0
fi
as_root=()
[[ $(id -u) -eq 0 ]] || as_root=(sudo)
echo "Installing libgsl-dev and pkg-config…" >&2
"${as_root[@]}" apt-get update
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y libgsl-dev pkg-config
