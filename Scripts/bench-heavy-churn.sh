#!/usr/bin/env bash
# CPU time of the heavy-churn model (issue 14 and ../shared/bench: 10,000 nodes split
# 5,000 / 3,000 / 2,000, always online, each leaving with probability 1e-5 a block and as
# many joining), 64 jobs of about 100,000 and of about 200,000 blocks from the measured
# tip, `fluxsim run` on one worker pinned to one core. Prints each run's CPU seconds
# (user + system), then per binary the best whole run of each length and the marginal
# cost of 100,000 blocks (the longer run less the shorter, in the same round: start-up,
# setup and outputs cancel), and with BASELINE the baseline's over this build's.
#   BASELINE=/path/to/older/fluxsim ROUNDS=3 Scripts/bench-heavy-churn.sh
# Rounds alternate the binaries, so that the machine's noise falls on both alike.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${ROUNDS:-3}
if ! [[ $rounds =~ ^[1-9][0-9]?$ ]]; then
  echo "bench-heavy-churn: ROUNDS must be a whole number from 1 to 99, found '$rounds'" >&2
  exit 2
fi
if [[ -n ${BASELINE:-} && ! -x $BASELINE ]]; then
  echo "bench-heavy-churn: BASELINE=$BASELINE is not an executable" >&2
  exit 2
fi
current=$(Scripts/release-binary.sh)
binaries=("$current")
names=(current)
if [[ -n ${BASELINE:-} ]]; then
  binaries+=("$BASELINE")
  names+=(baseline)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# 30 s a block: 50,000 minutes is about 100,000 blocks (a few slots stay empty).
for minutes in 50000 100000; do
  cat >"$work/heavy-$minutes.yaml" <<YAML
name: heavy-churn
description: Issue 14's heavy-churn model, 64 jobs of ${minutes} minutes.
horizon: ${minutes}min
fleet:
  nodes: { cumulus: 5000, nimbus: 3000, stratus: 2000 }
  uptime: always
  churn: { exits: 0.0288/day, joins: 0.0288/day }
replications: 64
seed: 7
YAML
done
cpu() {
  local binary=$1 minutes=$2
  rm -rf "$work/out"
  if ! /usr/bin/time -f "%U %S" -o "$work/time" taskset -c 0 "$binary" run "$work/heavy-$minutes.yaml" \
    --workers 1 --out "$work/out" >/dev/null 2>"$work/stderr"; then
    echo "bench-heavy-churn: $binary failed:" >&2
    cat "$work/stderr" >&2
    exit 1
  fi
  awk '{ printf "%.2f", $1 + $2 }' "$work/time"
}
: >"$work/results"
for round in $(seq "$rounds"); do
  for i in "${!binaries[@]}"; do
    short=$(cpu "${binaries[$i]}" 50000)
    long=$(cpu "${binaries[$i]}" 100000)
    echo "heavy-churn: round $round ${names[$i]}: 100k blocks ${short} s, 200k blocks ${long} s CPU"
    echo "${names[$i]} $short $long" >>"$work/results"
  done
done
# Best whole runs; the marginal cost as the median of the rounds' differences (the best
# difference would pick the luckiest pairing of two noisy runs).
awk -v rounds="$rounds" '
  function median(list,    n, values, i, j, t) {
    n = split(list, values, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (values[j] < values[i]) { t = values[i]; values[i] = values[j]; values[j] = t }
    return n % 2 ? values[(n + 1) / 2] : (values[n / 2] + values[n / 2 + 1]) / 2
  }
  { short[$1] = (short[$1] == "" || $2 < short[$1]) ? $2 : short[$1]
    long[$1] = (long[$1] == "" || $3 < long[$1]) ? $3 : long[$1]
    margins[$1] = margins[$1] " " ($3 - $2) }
  END {
    for (name in short) {
      margin[name] = median(margins[name])
      printf "heavy-churn: %s, best of %d: 100k blocks %.2f s, 200k %.2f s; marginal 100k blocks %.2f s (median)\n",
        name, rounds, short[name], long[name], margin[name]
    }
    if ("baseline" in short)
      printf "heavy-churn: baseline / current: 100k %.2f×, 200k %.2f×, marginal %.2f×\n",
        short["baseline"] / short["current"], long["baseline"] / long["current"], margin["baseline"] / margin["current"]
  }' "$work/results"
