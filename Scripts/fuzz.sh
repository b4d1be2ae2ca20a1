#!/usr/bin/env bash
# The mutation fuzzer on demand: Scripts/fuzz.sh [MUTANTS] [SEED] (default 5000, 1).
# Mutates the bundled scenarios and rules files and runs each mutant through the debug
# binary (Tests/fluxsimTests/MutationFuzzTests.swift); failing mutants are kept in
# ${TMPDIR:-/tmp}/fluxsim-fuzz-failures/. CI runs 300 mutants with seed 1 in the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --build-tests
FLUXSIM_FUZZ_MUTANTS=${1:-5000} FLUXSIM_FUZZ_SEED=${2:-1} swift test --skip-build --filter MutationFuzzTests
