#!/usr/bin/env bash
# The Slurm recipe end to end: starts the one-node cluster (slurm-start.sh), runs a tiny
# scenario as a 3-task job array with slurm-run.sh, runs it again unsharded, and checks that
# the merged folder is byte-identical to the single run (`diff -r`); stops the cluster on any
# exit. Skipped ("slurm test skipped: REASON", exit 0) only where Slurm cannot run at all:
# not root (the daemons run as root), or neither Slurm nor apt-get to install it. Any other
# failure exits 1: a failed build, shard, merge or comparison, and under CI=true (as .ci/run
# sets) also a failure to install, start or stop the cluster, the project's own scripts
# included; outside CI those print "slurm test skipped: REASON (a failure under CI=true)".
# The binary: FLUXSIM, or the release build (built here if FLUXSIM is not set).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export PATH=$PATH:/usr/sbin:/sbin
skip() { echo "slurm test skipped: $*"; exit 0; }
fail() { echo "slurm test FAILED: $*" >&2; exit 1; }
# A cluster that would not install, start or stop: a failure in CI, where it must work.
cluster_failed() { if [[ ${CI:-} == true ]]; then fail "$*"; else skip "$* (a failure under CI=true)"; fi; }
# Runs a command with its output in log file $1, shown only if the command fails.
quiet() { local log=$1; shift; "$@" >"$log" 2>&1 || { cat "$log" >&2; return 1; }; }

[[ $(id -u) -eq 0 ]] || skip "not root (the daemons run as root)"
command -v apt-get >/dev/null || command -v sbatch >/dev/null || skip "no Slurm and no apt-get to install it"
tmp=$(mktemp -d)
# A cluster that was up before the test is left as it was; one started here is stopped,
# and a stop that fails fails the test under CI (daemons left running would outlive it).
started=no
cleanup() {
  local status=$?
  if [[ $started == yes ]] && ! "$here/slurm-stop.sh"; then
    echo "slurm test: slurm-stop.sh failed" >&2
    if [[ ${CI:-} == true ]]; then status=1; fi
  fi
  rm -rf "$tmp"
  exit "$status"
}
trap cleanup EXIT

if [[ -z ${FLUXSIM:-} ]]; then
  cd "$here/../.."
  FLUXSIM=$(Scripts/release-binary.sh) || fail "the release build (Scripts/release-binary.sh) failed"
fi
export FLUXSIM

if ! scontrol ping 2>/dev/null | grep -q 'is UP'; then
  started=yes
  start=$SECONDS
  if ! "$here/slurm-start.sh" 2>"$tmp/start.log"; then
    cat "$tmp/start.log" >&2
    reason=$(grep '^slurm-start:' "$tmp/start.log" | tail -n 1 || true)
    cluster_failed "${reason:-slurm-start.sh failed: $(tail -n 1 "$tmp/start.log")}"
  fi
  echo "cluster up in $((SECONDS - start)) s"
fi

cat >"$tmp/shard-test.yaml" <<'YAML'
name: shard-test
horizon: 20d
sample: 1d
replications: 6
fleet: { nodes: { cumulus: 40, nimbus: 20, stratus: 20 } }
YAML
start=$SECONDS
quiet "$tmp/run.log" "$here/slurm-run.sh" "$tmp/shard-test.yaml" 3 "$tmp/sharded" || {
  tail -n +1 "$tmp/sharded/logs"/* >&2 2>/dev/null || true
  fail "slurm-run.sh exited with an error"
}
echo "3-task array and merge in $((SECONDS - start)) s"
quiet "$tmp/single.log" "$FLUXSIM" run "$tmp/shard-test.yaml" --out "$tmp/single" || fail "the single run failed"
diff -r "$tmp/sharded/merged" "$tmp/single" >&2 || fail "merged shards differ from the single run"
echo "slurm: shard/merge output identical to a single run"
