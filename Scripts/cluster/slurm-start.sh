#!/usr/bin/env bash
# Starts a one-node Slurm cluster on this machine (Debian, as root; no systemd needed):
# installs slurmctld, slurmd, slurm-client and munge if missing, writes /etc/slurm/slurm.conf
# for this host (addresses pinned to 127.0.0.1, CPUs and memory from `slurmd -C`), starts
# munged (as the munge user), slurmctld and slurmd, and waits until the node is idle.
# Rerunning it while the cluster is up does nothing. Stop it with slurm-stop.sh.
set -euo pipefail
export PATH=$PATH:/usr/sbin:/sbin
die() { echo "slurm-start: $*" >&2; exit 1; }
# Waits up to $1 seconds for the command after it to succeed.
wait_for() { local deadline=$((SECONDS + $1)); shift; until "$@"; do ((SECONDS < deadline)) || return 1; sleep 0.5; done; }
controller_up() { scontrol ping 2>/dev/null | grep -q 'is UP'; }
node_state() { sinfo -h -N -n "$node" -o %T 2>/dev/null || true; }
# Up: taking jobs (idle, or busy with some when the script is rerun).
node_up() { [[ $(node_state) =~ ^(idle|mixed|allocated|completing)$ ]]; }
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
running() { [[ -f $1 ]] && kill -0 "$(cat "$1")" 2>/dev/null; }
munge_ok() { munge -n 2>/dev/null | unmunge >/dev/null 2>&1; }
# Up, or drained by an earlier failure (that survives restarts): then resume it.
node_ready() {
  node_up && return 0
  case $(node_state) in
    drain*) scontrol update nodename="$node" state=resume ;;
  esac
  return 1
}
conf=/etc/slurm/slurm.conf
marker="# Written by fluxsim Scripts/cluster/slurm-start.sh: a one-node cluster on 127.0.0.1."

[[ $(id -u) -eq 0 ]] || die "must run as root (the daemons run as root)"
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null \
  || ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
  command -v apt-get >/dev/null || die "Slurm is not installed and there is no apt-get"
  echo "Installing slurmctld slurmd slurm-client munge…" >&2
  apt-get update -qq || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    slurmctld slurmd slurm-client munge >/dev/null || die "apt-get install failed"
fi

node=$(hostname -s)
if controller_up && running /run/slurmd.pid && node_up; then
  echo "slurm-start: already running (node $node $(node_state))" >&2
  exit 0
fi
[[ ! -e $conf ]] || grep -qxF "$marker" "$conf" || die "$conf exists and was not written by this script; not replacing it"
for port in 6817 6818; do
  if port_busy "$port" && ! controller_up; then die "port $port is busy"; fi
done

# munge: the package makes the key at install; run munged as its user if it is not answering.
install -d -o munge -g munge -m 0755 /run/munge
[[ -f /etc/munge/munge.key ]] || runuser -u munge -- mungekey --create
if ! munge_ok; then
  runuser -u munge -- munged
  wait_for 10 munge_ok || die "munged does not answer"
fi

# The node line from the hardware (`slurmd -C`), under this host's short name.
hardware=$(slurmd -C | head -n 1 | sed 's/^NodeName=[^ ]* //')
[[ $hardware == *CPUs=* ]] || die "slurmd -C gave no CPU count: $hardware"
install -d /var/log/slurm /var/spool/slurmctld /var/spool/slurmd
cat >"$conf.new" <<CONF
$marker
# proctrack/linuxproc and task/none: cgroups do not work in containers without systemd.
ClusterName=fluxsim
SlurmctldHost=$node(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
MailProg=/bin/true
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldPort=6817
SlurmdPort=6818
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
MinJobAge=300
KillWait=5
Waittime=0
NodeName=$node NodeAddr=127.0.0.1 $hardware State=UNKNOWN
PartitionName=debug Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF
mv "$conf.new" "$conf"

# slurmctld exits 0 even when it dies at once: only `scontrol ping` tells.
running /run/slurmctld.pid || slurmctld
wait_for 30 controller_up || die "slurmctld did not come up; see /var/log/slurm/slurmctld.log"
running /run/slurmd.pid || slurmd -N "$node"
wait_for 60 node_ready || die "node $node is not up but '$(node_state)'; see /var/log/slurm/slurmd.log"
echo "slurm-start: node $node $(node_state) ($hardware)" >&2
