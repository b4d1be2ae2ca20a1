#!/usr/bin/env bash
# Stops the one-node Slurm cluster of slurm-start.sh: `scontrol shutdown` (slurmctld and
# slurmd), waits for both to end, then stops munged; a daemon still there after 15 s gets
# SIGTERM. Daemons are found through their pid files, read before anything is stopped (each
# removes its own on the way out). Does nothing for a daemon that is not running, so it is
# safe in a trap and to rerun.
set -euo pipefail
export PATH=$PATH:/usr/sbin:/sbin
pid_of() { cat "$1" 2>/dev/null || true; }
alive() { [[ -n $1 ]] && kill -0 "$1" 2>/dev/null; }
# Waits up to $2 seconds for process $1 to end, then sends it SIGTERM and waits 5 s more.
stop() {
  local deadline=$((SECONDS + $2))
  while alive "$1" && ((SECONDS < deadline)); do sleep 0.2; done
  alive "$1" || return 0
  kill "$1"
  deadline=$((SECONDS + 5))
  while alive "$1" && ((SECONDS < deadline)); do sleep 0.2; done
  ! alive "$1" || { echo "slurm-stop: pid $1 is still running" >&2; return 1; }
}

slurmctld=$(pid_of /run/slurmctld.pid)
slurmd=$(pid_of /run/slurmd.pid)
munged=$(pid_of /run/munge/munged.pid)
grace=0
if alive "$slurmctld" && scontrol shutdown >/dev/null 2>&1; then grace=15; fi
status=0
stop "$slurmctld" "$grace" || status=1
stop "$slurmd" "$grace" || status=1
stop "$munged" 0 || status=1
exit "$status"
