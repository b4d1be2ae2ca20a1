#!/usr/bin/env bash
# The project's test command (README and CI): dependencies, format lint, build, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/install-deps.sh
Scripts/format.sh --lint
swift build --build-tests
swift test --skip-build
# The mainnet rules against flux-rules.md §9 and their golden baselines.
"$(swift build --show-bin-path)/fluxsim" check Scenarios/checks/mainnet-rules.yaml
# The PoN block-timing backtest (59 million blocks: the release binary; the suite runs a
# shortened one, NetworkOutageTests.theBacktestShortenedForADebugBuild).
release=$(Scripts/release-binary.sh)
"$release" check Scenarios/checks/backtest-pon-2026.yaml
