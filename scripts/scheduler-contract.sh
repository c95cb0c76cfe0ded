#!/usr/bin/env bash
# Contract test of the documented job scripts, without a scheduler: runs them
# with the environment Slurm and Kubernetes give an array task or a pod, and
# checks that the merged parts print what a single run prints.
#
#   bash scripts/scheduler-contract.sh [R2CAST]
#
# R2CAST: the binary; default $R2CAST, else .build/debug/r2cast under the
# repository. Checks, each in a clean environment (env -i):
#
# - scripts/slurm/forecast-array.sbatch, run with bash as the tasks of
#   --array=0-3 and of --array=1-4 (SLURM_ARRAY_JOB_ID, SLURM_ARRAY_TASK_ID,
#   _COUNT, _MIN, _MAX, _STEP, SLURM_JOB_ID, SLURM_CPUS_PER_TASK as Slurm 22.05
#   sets them): both merge to the single run (text and --json), and their
#   parts are the same bytes shard by shard;
# - the args script of scripts/k8s/forecast-job.yaml, run with /bin/sh -c as
#   the manifest's command does, with its env and JOB_COMPLETION_INDEX for
#   each of its completions (TRIALS and RESULTS lowered and redirected here);
#   SHARDS must equal completions;
# - docs/SCALING.md shows both files verbatim, and neither does arithmetic;
# - the refusals: --shard env outside any scheduler (exit 64, naming
#   SLURM_ARRAY_TASK_ID), a step-2 Slurm array, JOB_COMPLETION_INDEX without
#   /N, and an index beyond N.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
fail() { echo "scheduler-contract: FAILED: $*" >&2; exit 1; }

bin=${1:-${R2CAST:-$root/.build/debug/r2cast}}
[ -x "$bin" ] || fail "no r2cast binary at $bin (build it, or pass its path)"
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
sbatch_file=$root/scripts/slurm/forecast-array.sbatch
manifest=$root/scripts/k8s/forecast-job.yaml
docs=$root/docs/SCALING.md
scenario=$root/scenarios/baseline.r2s
trials=2001                     # uneven: 4 and 8 shards of unequal size
seed=1
started=$SECONDS

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/bin" "$tmp/work"
ln -s "$bin" "$tmp/bin/r2cast"
# What every task or pod starts from: r2cast on PATH, nothing else inherited.
clean=(env -i "PATH=$tmp/bin:/usr/local/bin:/usr/bin:/bin" "HOME=$tmp")

# --- The documented files ----------------------------------------------------
# Every fenced block of docs/SCALING.md, one file each.
awk -v out="$tmp/block" '
    /^```/ { if (inside) { inside = 0 } else { inside = 1; n++; printf "" > (out n) } next }
    inside { print >> (out n) }
' "$docs"
shown() {
    local block
    for block in "$tmp"/block*; do cmp -s "$block" "$1" && return 0; done
    return 1
}
shown "$sbatch_file" || fail "docs/SCALING.md does not show scripts/slurm/forecast-array.sbatch verbatim"
shown "$manifest" || fail "docs/SCALING.md does not show scripts/k8s/forecast-job.yaml verbatim"
if grep -n '\$((' "$sbatch_file" "$manifest" >&2; then
    fail "a job script does shell arithmetic; --shard env is there so that none is needed"
fi

# --- The single run: the reference ---------------------------------------------
# A single run of the scenario file would also print its other queries and
# expectations; a file that includes it and asks only `forecast` prints what
# `r2cast merge` prints.
reference() { # SCENARIO-FILE SEED: writes $tmp/ref-NAME-SEED.txt and .json once
    local ref
    ref=$tmp/ref-$(basename "$1" .r2s)-$2
    [ -f "$ref.txt" ] && return
    printf 'include "%s"\nforecast\n' "$1" >"$ref.r2s"
    "${clean[@]}" r2cast run "$ref.r2s" --trials "$trials" --seed "$2" >"$ref.txt"
    "${clean[@]}" r2cast run "$ref.r2s" --trials "$trials" --seed "$2" --json >"$ref.json"
}
check_merge() { # LABEL SCENARIO-FILE SEED COUNT PART...: merged == the single run
    local label=$1 file=$2 seed=$3 count=$4 name
    shift 4
    name=$(basename "$file" .r2s)-$seed
    [ "$#" -eq "$count" ] && [ -f "$1" ] || fail "$label: expected $count parts, found $# ($*)"
    reference "$file" "$seed"
    "${clean[@]}" r2cast merge "$@" >"$tmp/merged.txt" || fail "$label: r2cast merge failed"
    "${clean[@]}" r2cast merge "$@" --json >"$tmp/merged.json" || fail "$label: r2cast merge --json failed"
    if ! cmp -s "$tmp/merged.txt" "$tmp/ref-$name.txt"; then
        diff "$tmp/ref-$name.txt" "$tmp/merged.txt" | head -20 >&2 || true
        fail "$label: merged stdout differs from the single run (< single, > merged)"
    fi
    cmp -s "$tmp/merged.json" "$tmp/ref-$name.json" ||
        fail "$label: merged --json differs from the single run"
    echo "scheduler-contract: $label: $count parts merged == single run (stdout and JSON)"
}

# --- Slurm ------------------------------------------------------------------------
slurm_task() { # FIRST LAST STEP ID PARTS: the sbatch file as task ID of --array=FIRST-LAST:STEP
    local first=$1 last=$2 step=$3 id=$4 parts=$5
    (cd "$tmp/work" && "${clean[@]}" \
        SLURM_JOB_ID=$((700 + id)) SLURM_ARRAY_JOB_ID=700 SLURM_ARRAY_TASK_ID="$id" \
        SLURM_ARRAY_TASK_COUNT=$(((last - first) / step + 1)) SLURM_ARRAY_TASK_MIN="$first" \
        SLURM_ARRAY_TASK_MAX="$last" SLURM_ARRAY_TASK_STEP="$step" SLURM_CPUS_PER_TASK=2 \
        bash "$sbatch_file" "$scenario" "$parts" --trials "$trials" --seed "$seed")
}
for first in 0 1; do
    last=$((first + 3))
    parts=$tmp/slurm-$first-$last
    pids=()
    for ((id = first; id <= last; id++)); do   # the tasks run at the same time, as they may
        slurm_task "$first" "$last" 1 "$id" "$parts" 2>"$tmp/slurm-task-$id.log" &
        pids+=($!)
    done
    for ((id = first; id <= last; id++)); do
        wait "${pids[id - first]}" ||
            { cat "$tmp/slurm-task-$id.log" >&2; fail "slurm --array=$first-$last: task $id failed"; }
    done
    check_merge "slurm --array=$first-$last" "$scenario" "$seed" 4 "$parts"/part-*.json
done
for ((i = 0; i < 4; i++)); do
    cmp -s "$tmp/slurm-0-3/part-$i.json" "$tmp/slurm-1-4/part-$((i + 1)).json" ||
        fail "slurm: task $i of --array=0-3 and task $((i + 1)) of --array=1-4 wrote different parts"
done

# --- Kubernetes ----------------------------------------------------------------
grep -q '^ *command: \["/bin/sh", "-c"\]' "$manifest" || fail "$manifest: expected command [\"/bin/sh\", \"-c\"]"
# The literal block under `args: - |`, its indentation removed.
args=$(awk '
    /^ *args: *$/ { state = 1; next }
    state == 1 { if ($0 ~ /^ *- \| *$/) { state = 2; next } exit }
    state == 2 {
        if ($0 ~ /^ *$/) { print ""; next }
        match($0, /^ */)
        if (indent == "") indent = RLENGTH
        if (RLENGTH < indent || indent == 0) exit
        print substr($0, indent + 1)
    }' "$manifest")
[ -n "$args" ] || fail "$manifest: no args script found"
mapfile -t podenv < <(sed -n 's/^ *- { name: \([A-Z_]*\), value: "\([^"]*\)" }.*$/\1=\2/p' "$manifest")
completions=$(sed -n 's/^ *completions: *\([0-9][0-9]*\).*$/\1/p' "$manifest")
[ -n "$completions" ] || fail "$manifest: no completions"
k8s_scenario=""
k8s_seed=""
for kv in "${podenv[@]}"; do
    case $kv in
    SHARDS=*) [ "${kv#SHARDS=}" = "$completions" ] ||
        fail "$manifest: SHARDS is ${kv#SHARDS=} but completions is $completions" ;;
    SCENARIO=*) k8s_scenario=$root/scenarios/${kv#SCENARIO=}.r2s ;;
    SEED=*) k8s_seed=${kv#SEED=} ;;
    esac
done
[ -f "$k8s_scenario" ] || fail "$manifest: SCENARIO names no file of scenarios/"
[ -n "$k8s_seed" ] || fail "$manifest: no SEED"
results=$tmp/k8s-results
pids=()
for ((i = 0; i < completions; i++)); do
    # A pod: the container's env, then the Job controller's index; the
    # workingDir holds scenarios/ as the repository does. All at once, as
    # with parallelism = completions.
    (cd "$root" && "${clean[@]}" HOSTNAME="r2cast-baseline-$i-x7k2p" "${podenv[@]}" \
        TRIALS="$trials" RESULTS="$results" JOB_COMPLETION_INDEX="$i" /bin/sh -c "$args") \
        2>"$tmp/pod-$i.log" &
    pids+=($!)
done
for ((i = 0; i < completions; i++)); do
    wait "${pids[i]}" || { cat "$tmp/pod-$i.log" >&2; fail "kubernetes: pod $i failed"; }
done
check_merge "kubernetes Indexed Job ($completions completions)" "$k8s_scenario" "$k8s_seed" "$completions" \
    "$results/$(basename "$k8s_scenario" .r2s)"/part-*.json

# --- Refusals ------------------------------------------------------------------
refused() { # LABEL TEXT-IN-STDERR COMMAND...: exits 64 and says TEXT, writes no part
    local label=$1 text=$2 status=0
    shift 2
    rm -rf "$tmp/refused"
    mkdir -p "$tmp/refused"
    (cd "$tmp/refused" && "$@") >"$tmp/out" 2>"$tmp/err" || status=$?
    [ "$status" -eq 64 ] || { cat "$tmp/err" >&2; fail "$label: exit status $status, expected 64"; }
    grep -qF -- "$text" "$tmp/err" || { cat "$tmp/err" >&2; fail "$label: the message does not say \`$text\`"; }
    [ -z "$(find "$tmp/refused" -name '*.json')" ] || fail "$label: a part was written"
    echo "scheduler-contract: refused: $label"
}
refused "--shard env with no scheduler variables" "SLURM_ARRAY_TASK_ID" \
    "${clean[@]}" r2cast run "$scenario" --trials 1000 --shard env --out part.json
refused "a step-2 array (--array=0-6:2)" "one range with step 1" \
    slurm_task 0 6 2 2 "$tmp/refused/parts"
refused "JOB_COMPLETION_INDEX with --shard env (no /N)" "env/N" \
    "${clean[@]}" JOB_COMPLETION_INDEX=0 r2cast run "$scenario" --trials 1000 --shard env --out part.json
refused "JOB_COMPLETION_INDEX 8 with --shard env/8" "index 8 of 8" \
    "${clean[@]}" JOB_COMPLETION_INDEX=8 r2cast run "$scenario" --trials 1000 --shard env/8 --out part.json

echo "scheduler-contract: passed in $((SECONDS - started))s"
