#!/usr/bin/env bash
# The app market's cost counted rather than timed (issue 14: apps at most 1.5× the time
# without them). On this noisy machine a 5 % change hides in the spread of CPU times, so
# callgrind runs the forecast without apps (`bench forecast`) and the pair of runs that
# `bench forecast-apps` makes (the same job without apps, then with), with its cache
# simulation: level 1 as this machine's, the last level sized as its L2 (`getconf`;
# 512 KiB, 8-way here), the cache a random load that misses level 1 hopes to hit. The
# run with apps is the pair minus the run without (the two plain runs differ only in
# progress reports, 0.01 % of the instructions). Prints instructions, instruction-cache
# misses, level-1 data misses and L2 data misses of both runs and their ratios; with
# TOP=n, the n functions of the pair with the most L2 data read misses.
#
# The simulation prefetches nothing, so a sequential stream counts a miss a line that
# the hardware would have fetched ahead; the random loads (ledger entries, app records,
# per-node market arrays) are what it counts truly. YEARS (default 1: the market fills over the first months) sets the span.
set -euo pipefail
cd "$(dirname "$0")/.."
years=${YEARS:-1}
if [[ -n "${TOP:-}" && ! "$TOP" =~ ^[1-9][0-9]{0,3}$ ]]; then
  echo "profile-apps: TOP must be a whole number from 1 to 9999, found '$TOP'" >&2
  exit 2
fi
l2=$(getconf LEVEL2_CACHE_SIZE 2>/dev/null || true)
ways=$(getconf LEVEL2_CACHE_ASSOC 2>/dev/null || true)
# valgrind takes a cache whose set count (size / ways / 64) is a power of two; a size or
# way count that getconf does not give, or gives out of that shape, falls back to 512 KiB,
# 8-way (the digit limits keep bash's arithmetic far from overflow).
[[ "$l2" =~ ^[1-9][0-9]{0,9}$ && "$ways" =~ ^[1-9][0-9]{0,2}$ ]] || l2=0
sets=$((l2 > 0 ? l2 / (ways * 64) : 0))
if ((sets < 1 || (sets & (sets - 1)) != 0 || sets * ways * 64 != l2)); then
  echo "profile-apps: L2 of '$l2' bytes, '$ways'-way from getconf cannot be simulated; using 512 KiB, 8-way" >&2
  l2=524288
  ways=8
fi
release=$(Scripts/release-binary.sh)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# valgrind 3.19 cannot read Swift 6's debug info: the debug sections go, the symbols stay.
cp "$release" "$work/fluxsim"
strip --strip-debug "$work/fluxsim"
profile() {
  local name=$1
  shift
  valgrind --tool=callgrind --cache-sim=yes --LL="$l2,$ways,64" --callgrind-out-file="$work/$name.out" \
    "$work/fluxsim" bench "$@" --years "$years" >/dev/null 2>"$work/$name.log" || {
    # fluxsim's own message, without valgrind's lines.
    grep -v -E '^(==|--)[0-9]+(==|--)' "$work/$name.log" >&2
    exit 1
  }
  # The totals line: Ir Dr Dw I1mr D1mr D1mw ILmr DLmr DLmw, each with its percentage.
  callgrind_annotate "$work/$name.out" 2>/dev/null | grep 'PROGRAM TOTALS' | sed -E 's/\([^)]*\)//g; s/,//g' \
    | awk '{print $1, $4, $5 + $6, $8 + $9}' >"$work/$name.totals"
}
echo "profile-apps: $years years, L2 simulated as $((l2 / 1024)) KiB, $ways-way"
profile plain forecast
profile pair forecast-apps --count 1
read -r plainIr plainI1 plainD1 plainL2 <"$work/plain.totals"
read -r pairIr pairI1 pairD1 pairL2 <"$work/pair.totals"
awk -v a="$plainIr $plainI1 $plainD1 $plainL2" -v b="$pairIr $pairI1 $pairD1 $pairL2" 'BEGIN {
  split(a, p, " "); split(b, q, " ")
  split("instructions,I1 misses,D1 misses,L2 data misses", names, ",")
  printf "%-16s %16s %16s %8s\n", "", "without apps", "with apps", "ratio"
  for (i = 1; i <= 4; i++) {
    with = q[i] - p[i]
    printf "%-16s %16.0f %16.0f %8.2f\n", names[i], p[i], with, (p[i] > 0 ? with / p[i] : 0)
  }
}'
if [[ -n "${TOP:-}" ]]; then
  echo "profile-apps: the pair's $TOP functions with the most L2 data read misses"
  printf "%14s %11s %11s  %s\n" instructions "L2 reads" "L2 writes" function
  # Below the header and its rule, one line a function: nine counts ("." for none), each
  # with its percentage, then the function.
  callgrind_annotate --sort=DLmr "$work/pair.out" 2>/dev/null | sed -n '/file:function/,$p' \
    | sed -n "3,$((TOP + 2))p" | sed -E 's/\([^)]*\)//g' \
    | awk '{printf "%14s %11s %11s  %s\n", $1, $8, $9, substr($10, 1, 110)}'
fi
