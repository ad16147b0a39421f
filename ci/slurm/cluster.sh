#!/usr/bin/env bash
# A one-node Slurm cluster in a folder of its own, without systemd and without touching
# /etc/slurm: munged (as the munge user, on a private socket), slurmctld and slurmd on
# free ports, all state, logs and pid files under DIR.
#   ci/slurm/cluster.sh start DIR   prints "export SLURM_CONF=DIR/slurm.conf" when the node is idle
#   ci/slurm/cluster.sh stop DIR    stops the daemons started in DIR (by their pid files)
# start exits 77 with the reason when Slurm cannot start here (not root, packages missing,
# a daemon that does not come up): the caller skips, it does not fail.
set -uo pipefail
cmd=${1:-}; dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: ci/slurm/cluster.sh start|stop DIR" >&2; exit 2; }

stop() {
  for name in slurmd slurmctld munged; do
    local pidfile="$dir/$name.pid"
    [ -f "$pidfile" ] || continue
    local pid; pid=$(cat "$pidfile")
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$pidfile"
  done
}

skip() {
  echo "SKIP: Slurm cannot start here: $*" >&2
  stop
  exit 77
}

if [ "$cmd" = stop ]; then stop; exit 0; fi
[ "$cmd" = start ] || { echo "usage: ci/slurm/cluster.sh start|stop DIR" >&2; exit 2; }

[ "$(id -u)" -eq 0 ] || skip "the daemons must start as root (slurmd) and as the munge user (munged)"
for tool in munged slurmctld slurmd sbatch sinfo; do
  command -v "$tool" >/dev/null || skip "$tool is not installed (ci/setup installs slurmctld, slurmd, slurm-client, munge)"
done
id munge >/dev/null 2>&1 || skip "no munge user (the munge package creates it)"

mkdir -p "$dir"/{munge,state,spool,log}
dir=$(cd "$dir" && pwd)
chown munge:munge "$dir/munge"
chmod 0755 "$dir/munge"  # munged wants its socket folder searchable by all
# A key of our own: the cluster trusts no other.
dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 status=none
chown munge:munge "$dir/munge/munge.key"
chmod 0400 "$dir/munge/munge.key"

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
ctl_port=$(free_port); node_port=$(free_port)
while [ "$node_port" = "$ctl_port" ]; do node_port=$(free_port); done
cpus=$(nproc)
mem_mb=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 / 2 ))
host=$(hostname -s)

cat >"$dir/slurm.conf" <<CONF
ClusterName=credcheck
SlurmctldHost=$host
SlurmctldAddr=127.0.0.1
SlurmctldPort=$ctl_port
SlurmdPort=$node_port
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.socket.2
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
ReturnToService=2
# cons_tres with memory as a resource and a default per CPU: otherwise each array task
# takes the whole node and the tasks run one after another.
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU_Memory
DefMemPerCPU=512
# No 3 s pause between the tasks of an array.
SchedulerParameters=batch_sched_delay=0
SchedulerType=sched/backfill
MailProg=/bin/true
NodeName=localnode NodeHostname=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem_mb State=UNKNOWN
PartitionName=local Nodes=localnode Default=YES MaxTime=INFINITE State=UP
CONF

runuser -u munge -- munged --socket="$dir/munge/munge.socket.2" --key-file="$dir/munge/munge.key" \
  --pid-file="$dir/munge/munged.pid" --log-file="$dir/munge/munged.log" \
  --seed-file="$dir/munge/munged.seed" >>"$dir/log/munged.out" 2>&1 || skip "munged did not start: $(tail -n 3 "$dir/munge/munged.log" "$dir/log/munged.out" 2>/dev/null)"
for _ in $(seq 50); do [ -s "$dir/munge/munged.pid" ] && break; sleep 0.1; done
[ -s "$dir/munge/munged.pid" ] || skip "munged wrote no pid file"
cp "$dir/munge/munged.pid" "$dir/munged.pid"

export SLURM_CONF=$dir/slurm.conf
slurmctld -D -i -f "$SLURM_CONF" >>"$dir/log/slurmctld.out" 2>&1 &
echo $! >"$dir/slurmctld.pid.launch"
slurmd -D -N localnode -f "$SLURM_CONF" >>"$dir/log/slurmd.out" 2>&1 &
echo $! >"$dir/slurmd.pid.launch"
# The daemons write their own pid files; until they do, the launch pids stand in.
cp "$dir/slurmctld.pid.launch" "$dir/slurmctld.pid"
cp "$dir/slurmd.pid.launch" "$dir/slurmd.pid"

state=""
for _ in $(seq 600); do  # 60 s: measured ~7 s on this machine
  state=$(sinfo -h -o %t -n localnode 2>/dev/null | head -n 1)
  [ "$state" = idle ] && break
  kill -0 "$(cat "$dir/slurmctld.pid.launch")" 2>/dev/null || skip "slurmctld exited: $(tail -n 5 "$dir/log/slurmctld.log" "$dir/log/slurmctld.out" 2>/dev/null)"
  kill -0 "$(cat "$dir/slurmd.pid.launch")" 2>/dev/null || skip "slurmd exited: $(tail -n 5 "$dir/log/slurmd.log" "$dir/log/slurmd.out" 2>/dev/null)"
  sleep 0.1
done
[ "$state" = idle ] || skip "the node is '$state', not idle, after 60 s: $(tail -n 5 "$dir/log/slurmctld.log" 2>/dev/null)"
echo "export SLURM_CONF=$SLURM_CONF"
