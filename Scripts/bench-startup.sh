#!/usr/bin/env bash
# Start-up of fluxsim: what a tiny run (60 nodes, 10 blocks, one job) spends before its
# first block. Prints, for the release binary (or $BINARY):
#   - CPU milliseconds (perf stat task-clock, mean of $RUNS runs) of `--version` (loading
#     and linking alone), `validate` (plus reading the YAML) and the whole tiny `run`;
#   - start-up measured directly: the time from the process's exec to its first job
#     (kernel timestamps of the exec tracepoint and of a uprobe at `JobRunner.stream`,
#     `perf probe`, run as root), wall time of one thread pinned to a core, median of $RUNS;
#   - with callgrind, the instructions executed before the job's first block (the entry
#     of `JobRunner.stream`: `runJob` is inlined), and the share of them in the dynamic
#     loader, argument parsing, the scenario loader and the working manifest.
# The machine is shared and noisy: CPU time, a median and instruction counts.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-30}
if [[ -z ${BINARY:-} ]]; then
  BINARY=$(Scripts/release-binary.sh)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/tiny.yaml" <<'YAML'
name: tiny
description: A start-up probe, ten blocks.
rules: { base: mainnet, supply_mode: observed }
start: { height: 2917115, time: 2026-09-03T01:32:00Z, difficulty: 0.07 }
horizon: { height: 2917125 }
fleet:
  nodes: { cumulus: 30, nimbus: 15, stratus: 15 }
replications: 1
seed: 1
YAML
cpu_ms() {
  perf stat -r "$runs" -x, -e task-clock "$@" 2>&1 >/dev/null | awk -F, '/task-clock/ { printf "%.1f", $1 }'
}
echo "startup: --version  $(cpu_ms "$BINARY" --version) ms CPU (mean of $runs)"
echo "startup: validate   $(cpu_ms "$BINARY" validate "$work/tiny.yaml") ms CPU"
echo "startup: tiny run   $(cpu_ms "$BINARY" run "$work/tiny.yaml" --out "$work/out" --quiet) ms CPU"
# Start-up itself, measured: the time from the process's exec to the entry of
# `JobRunner.stream` (where the jobs start), from the kernel's timestamps of the exec
# tracepoint and of a uprobe at that entry (`perf probe`; needs root and uprobes). Wall
# time of a single thread pinned to one core; the median and the range of $RUNS runs.
entry=$(nm "$BINARY" | awk '$2 == "T" && $3 ~ /9JobRunnerO6stream_/ && !found { print $1; found = 1 }')
if [[ -n $entry ]] && perf probe -q -x "$BINARY" -a "fluxsim_startup:first_job=0x$entry" 2>/dev/null; then
  for _ in $(seq "$runs"); do
    rm -rf "$work/out"
    perf record -q -o "$work/probe.data" -e sched:sched_process_exec -e fluxsim_startup:first_job -- \
      taskset -c 0 "$BINARY" run "$work/tiny.yaml" --out "$work/out" --quiet >/dev/null 2>&1
    # The exec of `taskset` itself comes first; the binary's exec is the second event.
    perf script -i "$work/probe.data" -F time,event 2>/dev/null |
      awk '{ gsub(":", "", $1); t[++n] = $1 } END { if (n == 3) printf "%.2f\n", (t[3] - t[2]) * 1000 }'
  done | sort -n | awk '{ v[NR] = $1 } END {
    if (NR) printf "startup: exec to first job %.1f ms (median of %d; %.1f … %.1f)\n", v[int((NR + 1) / 2)], NR, v[1], v[NR] }'
  perf probe -q -d 'fluxsim_startup:*' 2>/dev/null || true
else
  echo "startup: exec to first job not measured (perf probe needs root and uprobes)"
fi
# valgrind 3.19 cannot read Swift 6's debug info: profile a copy without it (symbols stay).
cp "$BINARY" "$work/fluxsim"
strip --strip-debug "$work/fluxsim"
(cd "$work" && valgrind --tool=callgrind --callgrind-out-file="$work/cg" --dump-before='*9JobRunnerO6stream_*' \
  ./fluxsim run tiny.yaml --out "$work/out" --quiet >/dev/null 2>&1)
before=$(ls "$work"/cg.* | sort -t. -k2 -n | head -1)
total=$(awk '/^summary:/ { print $2 }' "$before")
echo "startup: $total instructions before the first block"
annotate() { callgrind_annotate --inclusive=yes "$before" 2>/dev/null; }
for part in "dynamic loader:rtld.c:_dl_start " "argument parsing:parseAsRoot" "scenario loading:LoaderO4load4file" \
  "working manifest:ManifestV4plan"; do
  count=$(annotate | grep -E "${part#*:}" | head -1 | awk '{ gsub(",", "", $1); print $1 }' || true)
  printf "startup:   %-18s %5.1f%%\n" "${part%%:*}" "$(echo "scale=3; 100 * ${count:-0} / $total" | bc)"
done
