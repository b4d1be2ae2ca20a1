#!/usr/bin/env bash
# Runs a scenario as SHARDS one-core shard processes on this machine with GNU parallel (as
# many at a time as there are cores; JOBS to change that), then merges them:
#   Scripts/cluster/parallel-run.sh SCENARIO SHARDS OUT
# Shard K writes OUT/shard-K, the jobs whose index ≡ K (mod SHARDS); OUT/merged is
# byte-identical to a single `fluxsim run SCENARIO --out DIR`. Installs GNU parallel through
# apt if missing. The binary: FLUXSIM, or the release build.
set -euo pipefail
[[ $# -eq 3 && $2 =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 SCENARIO SHARDS OUT (SHARDS ≥ 1)" >&2; exit 64; }
here=$(cd "$(dirname "$0")" && pwd)
scenario=$1
shards=$2
out=$3
fluxsim=${FLUXSIM:-$(cd "$here/../.." && swift build -c release --show-bin-path)/fluxsim}
[[ -x $fluxsim ]] || { echo "parallel-run: no fluxsim at $fluxsim (swift build -c release, or set FLUXSIM)" >&2; exit 1; }
if ! parallel --version 2>/dev/null | grep -q 'GNU parallel'; then
  as_root=()
  [[ $(id -u) -eq 0 ]] || as_root=(sudo)
  echo "Installing GNU parallel…" >&2
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq parallel >/dev/null
fi

# Nothing of an earlier run (perhaps with another SHARDS) may reach or look like this one.
rm -rf "$out"/shard-* "$out/merged"
mkdir -p "$out"
# -q: the command is run as written, {} replaced by K; --halt: the first failure stops all.
seq 0 $((shards - 1)) | parallel -q --will-cite --halt now,fail=1 --jobs "${JOBS:-100%}" \
  "$fluxsim" run "$scenario" --shard "{}/$shards" --out "$out/shard-{}" --workers 1
parts=()
for ((k = 0; k < shards; k++)); do parts+=("$out/shard-$k"); done
"$fluxsim" merge "${parts[@]}" --out "$out/merged"
