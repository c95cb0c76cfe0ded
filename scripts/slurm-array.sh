#!/usr/bin/env bash
# Runs one forecast as a real Slurm job array on a single-node cluster started
# on this machine, and checks that the merged shards print exactly what a
# single run prints (text and --json).
#
#   bash scripts/slurm-array.sh [R2CAST [SCENARIO]]
#
#   R2CAST     the binary; default $R2CAST, else .build/debug/r2cast under the
#              repository (a release build works as well)
#   SCENARIO   default $R2CAST_SCENARIO, else scenarios/baseline.r2s
#   $R2CAST_TRIALS (default 40k) and $R2CAST_SEED (default 1): the run
#
# What it does: installs the Debian packages when missing (slurmctld, slurmd,
# slurm-client, munge), writes a slurm.conf for one node, starts munged,
# slurmctld and slurmd by hand (no systemd), waits for the node to be idle,
# submits scripts/slurm/forecast-array.sbatch (the job script docs/SCALING.md
# shows) with `sbatch --array=0-3 --wait`, merges the four parts with
# `r2cast merge` and compares with `r2cast run`. The daemons it started are
# stopped and its files removed on every exit.
#
# Runs as root (package install, daemons running jobs as root), without a
# terminal. Set R2CAST_SLURM_KEEP=1 to keep the cluster's folder (logs).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
PATH=$PATH:/usr/sbin:/sbin   # the daemons, for a root shell whose PATH lacks them

fail() { echo "slurm-array: FAILED: $*" >&2; exit 1; }
say() { echo "slurm-array: $*" >&2; }

[ "$(id -u)" -eq 0 ] || fail "must run as root (it installs packages and starts Slurm's daemons); try: sudo bash $0 $*"

bin=${1:-${R2CAST:-$root/.build/debug/r2cast}}
scenario=${2:-${R2CAST_SCENARIO:-$root/scenarios/baseline.r2s}}
trials=${R2CAST_TRIALS:-40k}    # a debug build runs about 7,500 trials a second on 2 cores
seed=${R2CAST_SEED:-1}
tasks=4                                 # --array=0-3
[ -x "$bin" ] || fail "no r2cast binary at $bin (build it, or pass its path)"
[ -f "$scenario" ] || fail "no scenario file $scenario"
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
scenario=$(cd "$(dirname "$scenario")" && pwd)/$(basename "$scenario")
jobscript=$root/scripts/slurm/forecast-array.sbatch
started=$SECONDS

# --- Packages ---------------------------------------------------------------
need_packages() {
    local c
    for c in munged slurmctld slurmd sbatch sinfo scancel; do
        command -v "$c" >/dev/null || return 0
    done
    return 1
}
if need_packages; then
    say "installing slurmctld slurmd slurm-client munge"
    export DEBIAN_FRONTEND=noninteractive
    apt=(apt-get install -y -qq --no-install-recommends slurmctld slurmd slurm-client munge)
    if ! "${apt[@]}" </dev/null >/dev/null; then
        apt-get update -qq </dev/null
        "${apt[@]}" </dev/null >/dev/null
    fi
    need_packages && fail "Slurm or munge still missing after apt-get install"
fi
[ -f /etc/munge/munge.key ] || fail "/etc/munge/munge.key is missing (the munge package creates it)"

# --- Clusters left by earlier runs ------------------------------------------
# Each run keeps everything in its own folder /tmp/r2cast-slurm.XXXXXX and
# records its daemons' pids there. A folder whose owner (this script) is gone
# was left by a run killed before its trap ran: stop the daemons whose command
# line names that folder (so never an unrelated process) and remove it. Runs
# still in progress are left alone; they use other ports and another socket.
running() { # PID: alive and not a zombie (an orphan's zombie waits for pid 1 to reap it)
    local state
    state=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null) || return 1
    [ -n "$state" ] && [ "${state%% *}" != Z ]
}
stop_daemons() { # FOLDER: stop the processes recorded in FOLDER/pids, newest first
    local dir=$1 name pid i
    for name in sbatch slurmd slurmctld munged; do
        [ -f "$dir/pids/$name" ] || continue
        pid=$(cat "$dir/pids/$name")
        [ -n "$pid" ] && grep -qF "$dir" "/proc/$pid/cmdline" 2>/dev/null || continue
        kill -TERM "$pid" 2>/dev/null || continue
        for ((i = 0; i < 100; i++)); do
            running "$pid" || break
            sleep 0.1
        done
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
}
for old in /tmp/r2cast-slurm.*; do
    [ -d "$old" ] || continue
    owner=$(cat "$old/owner" 2>/dev/null || true)
    if [ -n "$owner" ] && grep -q slurm-array "/proc/$owner/cmdline" 2>/dev/null; then
        continue
    fi
    # No owner yet: another run between mktemp and writing it, unless old.
    [ -n "$owner" ] || [ -n "$(find "$old" -maxdepth 0 -mmin +10)" ] || continue
    say "stopping a cluster left by an earlier run ($old)"
    stop_daemons "$old"
    rm -rf "$old"
done

# --- This run's cluster ------------------------------------------------------
# slurm.conf goes into this run's folder and every Slurm command finds it
# through SLURM_CONF (the daemons get it with -f), rather than into
# /etc/slurm: a Slurm already configured on the machine is left untouched,
# two runs cannot overwrite each other's configuration, and removing the
# folder leaves nothing behind. Ports, munge socket, state, spool, pid and
# log files are all this run's own for the same reason.
dir=$(mktemp -d /tmp/r2cast-slurm.XXXXXX)
chmod 755 "$dir"
echo $$ >"$dir/owner"
mkdir -p "$dir/pids" "$dir/etc" "$dir/state" "$dir/spool" "$dir/log" "$dir/munge" \
    "$dir/work/bin" "$dir/work/logs"
chown munge:munge "$dir/munge"
chmod 755 "$dir/munge"   # munged: socket folder searchable by all, writable by it alone

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    set +e
    # Jobs still queued or running (this cluster is ours alone): cancel them
    # while slurmctld is up, so that no task outlives the cluster.
    if [ "${SLURM_CONF:-}" = "$dir/etc/slurm.conf" ] && [ -f "$dir/pids/slurmctld" ] &&
        kill -0 "$(cat "$dir/pids/slurmctld")" 2>/dev/null && [ -n "$(squeue -h -o %A 2>/dev/null)" ]; then
        squeue -h -o %A 2>/dev/null | xargs -r scancel 2>/dev/null
        for ((i = 0; i < 50; i++)); do
            [ -z "$(squeue -h -o %A 2>/dev/null)" ] && break
            sleep 0.1
        done
    fi
    if [ "$status" -ne 0 ]; then
        for f in "$dir"/log/* "$dir"/munge/munged.log "$dir"/work/logs/*; do
            [ -s "$f" ] || continue
            echo "--- last lines of $f" >&2
            tail -n 15 "$f" >&2
        done
    fi
    stop_daemons "$dir"
    if [ "${R2CAST_SLURM_KEEP:-}" = 1 ]; then
        say "kept $dir"
    else
        rm -rf "$dir"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for ((i = 0; i < 50; i++)); do
    port=$((20000 + RANDOM % 40000))
    port_free "$port" && port_free "$((port + 1))" && break
done
port_free "$port" && port_free "$((port + 1))" || fail "found no two free ports"
node=$(hostname -s)
# The node as slurmd sees the hardware (CPUs, sockets, cores, memory), so that
# the configuration cannot disagree with it and drain the node.
hardware=$(slurmd -C 2>/dev/null | sed -n 's/^NodeName=[^ ]* //p' | head -n 1)
[ -n "$hardware" ] || hardware="CPUs=$(nproc)"
export SLURM_CONF=$dir/etc/slurm.conf
cat >"$SLURM_CONF" <<EOF
# Written by scripts/slurm-array.sh: one node, this run only.
ClusterName=r2cast
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$dir/munge/socket
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/builtin
SchedulerParameters=batch_sched_delay=0
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
MailProg=/bin/true
ReturnToService=2
# sbatch --wait polls every 2 s only while that is under MinJobAge / 2.
MinJobAge=5
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/state/slurmctld.pid
SlurmdPidFile=$dir/spool/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
NodeName=$node NodeAddr=127.0.0.1 $hardware State=UNKNOWN
PartitionName=r2cast Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
# A Slurm environment inherited from an enclosing job must not leak in.
for v in "${!SLURM_@}"; do [ "$v" = SLURM_CONF ] || unset "$v"; done

alive() { kill -0 "$(cat "$dir/pids/$1")" 2>/dev/null || fail "$1 exited at start (its log follows)"; }
wait_for() { # SECONDS DESCRIPTION COMMAND...: poll COMMAND every 0.2 s
    local limit=$1 what=$2 i
    shift 2
    for ((i = 0; i < limit * 5; i++)); do
        "$@" && return 0
        for d in munged slurmctld slurmd; do [ -f "$dir/pids/$d" ] && alive "$d"; done
        sleep 0.2
    done
    fail "timed out after ${limit}s waiting for $what"
}

setpriv --reuid=munge --regid=munge --init-groups \
    /usr/sbin/munged --foreground --socket="$dir/munge/socket" \
    --pid-file="$dir/munge/munged.pid" --log-file="$dir/munge/munged.log" \
    --seed-file="$dir/munge/munged.seed" </dev/null >"$dir/log/munged.out" 2>&1 &
echo $! >"$dir/pids/munged"
wait_for 10 "munged's socket" test -S "$dir/munge/socket"

slurmctld -D -f "$SLURM_CONF" </dev/null >"$dir/log/slurmctld.out" 2>&1 &
echo $! >"$dir/pids/slurmctld"
ctld_up() { scontrol ping >/dev/null 2>&1; }
wait_for 20 "slurmctld to answer" ctld_up

slurmd -D -N "$node" -f "$SLURM_CONF" </dev/null >"$dir/log/slurmd.out" 2>&1 &
echo $! >"$dir/pids/slurmd"
node_idle() { [ "$(sinfo -h -n "$node" -o %t 2>/dev/null)" = idle ]; }
wait_for 30 "node $node to be idle" node_idle
say "cluster up in $((SECONDS - started))s (node $node: $hardware; ports $port-$((port + 1)))"

# --- The job array ---------------------------------------------------------
# The shards run the scenario file itself, as docs/SCALING.md does; a single
# run of that file would also print its other queries and expectations, so
# the reference is a file that includes it and asks only `forecast`.
work=$dir/work
ln -s "$bin" "$work/bin/r2cast"
export PATH=$work/bin:$PATH
printf 'include "%s"\nforecast\n' "$scenario" >"$work/single.r2s"
array_started=$SECONDS
# In the background with its pid recorded, so that a signal interrupts the
# wait and the trap (or a later run) stops it with the daemons.
(cd "$work" && exec timeout 120 sbatch --parsable --wait --array=0-$((tasks - 1)) \
    --output="$work/logs/%x-%A_%a.out" "$jobscript" \
    "$scenario" "$work/parts" --trials "$trials" --seed "$seed" >"$work/sbatch.out") &
echo $! >"$dir/pids/sbatch"
status=0
wait "$(cat "$dir/pids/sbatch")" || status=$?
job=$(cut -d';' -f1 "$work/sbatch.out")
[ "$status" -ne 124 ] || fail "the array job ${job:-?} did not finish within 120 s"
[ "$status" -eq 0 ] || fail "sbatch --wait exited with $status, the highest task status (job ${job:-not submitted})"
say "array job $job: $tasks tasks done in $((SECONDS - array_started))s"

parts=("$work"/parts/part-*.json)
[ "${#parts[@]}" -eq "$tasks" ] && [ -f "${parts[0]}" ] ||
    fail "expected $tasks parts in $work/parts, found: $(ls "$work/parts" 2>/dev/null | tr '\n' ' ')"
for ((i = 0; i < tasks; i++)); do
    log="$work/logs/r2cast-forecast-${job}_$i.out"
    grep -q "^shard $((i + 1))/$tasks: " "$log" 2>/dev/null ||
        fail "array task $i did not report shard $((i + 1))/$tasks in $log"
done

r2cast merge "${parts[@]}" >"$work/merged.txt" || fail "r2cast merge failed"
r2cast merge "${parts[@]}" --json >"$work/merged.json" || fail "r2cast merge --json failed"
r2cast run "$work/single.r2s" --trials "$trials" --seed "$seed" >"$work/single.txt" ||
    fail "the single run failed"
r2cast run "$work/single.r2s" --trials "$trials" --seed "$seed" --json >"$work/single.json" ||
    fail "the single run --json failed"
[ -s "$work/single.txt" ] && [ -s "$work/single.json" ] || fail "the single run printed nothing"
if ! cmp -s "$work/merged.txt" "$work/single.txt"; then
    diff "$work/single.txt" "$work/merged.txt" | head -20 >&2 || true
    fail "merged stdout differs from the single run (< single, > merged)"
fi
if ! cmp -s "$work/merged.json" "$work/single.json"; then
    diff "$work/single.json" "$work/merged.json" | head -c 2000 >&2 || true
    fail "merged --json differs from the single run (< single, > merged)"
fi
echo "slurm: $tasks array tasks, merged == single run (stdout and JSON); $trials trials of $(basename "$scenario"), $((SECONDS - started))s"
