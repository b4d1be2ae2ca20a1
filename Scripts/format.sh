#!/usr/bin/env bash
# Formats the sources in place, or with --lint checks them (CI runs the lint).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == "--lint" ]]; then
  swift format lint --strict --recursive --parallel Package.swift Sources Tests
else
  swift format format --in-place --recursive --parallel Package.swift Sources Tests
fi
