#!/usr/bin/env bash
# The engine with its internal checks on: built with FLUXSIM_INTERNAL_CHECKS, it recomputes
# every invariant of its bookkeeping (supply against the rules and against what nodes were
# paid, payee lists in payment order, per-state counts, producer and alive sets, the app
# market's room and counts) after every block and every event, and traps naming the one
# that broke. Runs the FluxSim tests and a small scenario with every model on (uptime,
# churn, apps, a GBM price, ROI churn) that way.
#
# A release build in its own scratch folder (.build-checks/, so the usual .build/ keeps
# its objects): each check is a pass over the fleet, which in a debug build makes the
# FluxSim tests take over ten minutes; in release the whole pass takes about five on two
# cores from clean (3.5 building, 1.5 running), and seconds to rebuild after a change.
set -euo pipefail
cd "$(dirname "$0")/.."
flags=(-c release --scratch-path .build-checks -Xswiftc -DFLUXSIM_INTERNAL_CHECKS -Xswiftc -enable-testing)
swift build "${flags[@]}" --build-tests
swift test "${flags[@]}" --skip-build --filter FluxSimTests
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/internal-checks.yaml" <<'YAML'
name: internal-checks
description: Every model at once, small and short, for the engine's internal checks.
horizon: 30d
fleet:
  nodes: { cumulus: 120, nimbus: 60, stratus: 60 }
  uptime:
    online: { exponential: { mean: 5d } }
    offline: { lognormal: { median: 6h, sigma: 1.2 } }
  churn: { exits: 0.2/month, joins: 0.2/month }
apps:
  arrivals: 40/day
  catalogue:
    - { name: web, weight: 3, components: [{ cpu: 0.5, ram: 1GB, hdd: 10GB }], instances: 3, subscription: 2000, renewal: 80% }
    - { name: big, weight: 1, components: [{ cpu: 6, ram: 20GB, hdd: 100GB }], instances: 2, subscription: 3000, renewal: 50% }
economics:
  flux_usd: { gbm: { start: 0.3, drift: 0%/year, volatility: 80%/year } }
  hosting: { cumulus: $8/month, nimbus: $20/month, stratus: $45/month }
  opportunity_cost: 5%/year
  roi_churn: { exits: 0.3/month, joins: 0.3/month }
sample: 1d
replications: 2
YAML
"$(swift build "${flags[@]}" --show-bin-path)/fluxsim" run "$tmp/internal-checks.yaml" --out "$tmp/out"
echo "internal checks: FluxSim tests and an end-to-end run passed with every invariant checked after each step"
