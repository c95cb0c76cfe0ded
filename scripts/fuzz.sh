#!/usr/bin/env bash
# Fuzzes r2cast's readers with libFuzzer (docs/FUZZING.md).
#   bash scripts/fuzz.sh TARGET [SECONDS] [JOBS]   one target: language, shard, command, protocol
#   bash scripts/fuzz.sh all [SECONDS]              each target in turn
#   bash scripts/fuzz.sh keep TARGET                 keep the working corpus in the tree
# Builds `r2cast-fuzz` with -sanitize=fuzzer,address into .build-fuzz, then
# runs the target from its seed corpus (Tests/Corpus/fuzz/TARGET, read
# only) into a working corpus under .build-fuzz/corpus/TARGET, for SECONDS
# (default 600). Crashes, hangs (over 10 s an input) and inputs that take
# over 2 GB are written to .build-fuzz/findings/TARGET; once fixed, copy
# each into Tests/Corpus/fuzz/TARGET, where FuzzReplayTests replays it.
# libFuzzer's log of each run is kept in .build-fuzz/logs/TARGET-TIME.log
# (coverage, corpus and executions over time: docs/FUZZING.md's figures).
#
# A run also reads Tests/Corpus/fuzz-kept/TARGET: the inputs earlier runs
# found, minimised, so that a fresh clone (a new machine) goes on from
# where they stopped instead of from the seeds. `keep TARGET` rewrites it
# from the working corpus and the kept one: libFuzzer's merge (-merge=1)
# into an empty folder keeps the fewest inputs that cover every feature.
set -euo pipefail
cd "$(dirname "$0")/.."

target="${1:-}"
seconds="${2:-600}"
jobs="${3:-1}"
targets="language shard command protocol"
usage="usage: bash scripts/fuzz.sh language|shard|command|protocol|all [SECONDS] [JOBS], or keep TARGET"
keep=""
if [ "$target" = keep ]; then
    keep="${2:-}"
    case " $targets " in
    *" $keep "*) ;;
    *)
        echo "$usage" >&2
        exit 2
        ;;
    esac
else
    case " $targets all " in
    *" $target "*) ;;
    *)
        echo "$usage" >&2
        exit 2
        ;;
    esac
fi

# An optimised build with assertions kept (-assert-config Debug): Swift's
# own checks (overflow, bounds, exclusivity) and the lane buffers' debug
# bounds checks trap as findings, AddressSanitizer watches the unsafe
# buffers, and an input that runs the engine goes about ten times faster
# than in a debug build. R2FUZZ_CONFIG=debug builds without optimisation.
config="${R2FUZZ_CONFIG:-release}"
# libFuzzer's timeout is wall time: a fuzzer that shares its core (run
# under `nice` beside builds) can take 10 s over an input that takes 0.3 s
# alone. R2FUZZ_TIMEOUT raises it for such runs.
timeout="${R2FUZZ_TIMEOUT:-10}"
R2CAST_FUZZ=1 swift build -c "$config" --product r2cast-fuzz --scratch-path .build-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
    -Xswiftc -assert-config -Xswiftc Debug >&2
binary=.build-fuzz/$config/r2cast-fuzz

run() {
    local t="$1"
    local corpus=.build-fuzz/corpus/$t findings=.build-fuzz/findings/$t
    mkdir -p "$corpus" "$findings"
    # Files the harness reads (`:load a.r2s`) are in memory; the working
    # folder is a scratch one, so nothing an input does lands in the tree.
    local scratch
    scratch=$(mktemp -d)
    # Shard parts are JSON of 13 kB and more; the other inputs are lines.
    local max_len=8192
    if [ "$t" = shard ]; then max_len=32768; fi
    # With -jobs, libFuzzer runs each job in a child process that logs to
    # fuzz-N.log in the working folder; one job runs in this process and
    # logs to standard error. Either way the log is kept in .build-fuzz/logs.
    # Dictionaries of the words and fragments inputs are made of
    # (Tests/Corpus/fuzz-dictionaries): libFuzzer splices them into its
    # mutations, so keywords are found by insertion, not by chance.
    local dicts=() dict=()
    case "$t" in
    language) dicts=(language) ;;
    command) dicts=(language command) ;;
    protocol) dicts=(language command protocol) ;;
    esac
    if [ ${#dicts[@]} -gt 0 ]; then
        for d in "${dicts[@]}"; do cat "Tests/Corpus/fuzz-dictionaries/$d.dict"; done >"$scratch/inputs.dict"
        dict=(-dict="$scratch/inputs.dict")
    fi
    local kept=()
    if [ -d "Tests/Corpus/fuzz-kept/$t" ]; then kept=("$PWD/Tests/Corpus/fuzz-kept/$t"); fi
    local parallel=()
    if [ "$jobs" -gt 1 ]; then parallel=(-jobs="$jobs" -workers="$jobs"); fi
    mkdir -p .build-fuzz/logs
    local log
    log=.build-fuzz/logs/$t-$(date -u +%Y%m%dT%H%M%SZ).log
    echo "=== fuzz $t for ${seconds}s, log $log ===" >&2
    (cd "$scratch" && R2FUZZ_TARGET=$t ASAN_OPTIONS=detect_leaks=0 "$OLDPWD/$binary" \
        -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb=2048 -max_len="$max_len" \
        "${parallel[@]}" "${dict[@]}" -print_final_stats=1 \
        -artifact_prefix="$OLDPWD/$findings/" "$OLDPWD/$corpus" "$OLDPWD/Tests/Corpus/fuzz/$t" \
        "${kept[@]}") \
        2>"$log" || status=$?
    if [ "$jobs" -gt 1 ]; then cat "$scratch"/fuzz-*.log >>"$log"; fi
    grep -E "^(#[0-9]+[[:space:]]+DONE|Done |SUMMARY|==[0-9]+==ERROR)|Test unit written" "$log" >&2 || true
    rm -rf "$scratch"
    return "${status:-0}"
}

# The working corpus and the kept one, merged into the fewest inputs that
# cover every feature, replace Tests/Corpus/fuzz-kept/TARGET. Inputs are
# named by their SHA-1, as libFuzzer names them.
keep_corpus() {
    local t="$1" kept=Tests/Corpus/fuzz-kept/$1
    local scratch merged
    scratch=$(mktemp -d)
    merged=$(mktemp -d)
    # Copies, not the folders themselves: a fuzzer still running on the
    # working corpus replaces inputs as it shortens them, and the merge
    # stops at the first input that has gone.
    local sources=()
    local n=0
    for d in ".build-fuzz/corpus/$t" "$kept"; do
        if [ -d "$d" ]; then
            n=$((n + 1))
            cp -r "$d" "$scratch/from-$n"
            sources+=("$scratch/from-$n")
        fi
    done
    if [ ${#sources[@]} -eq 0 ]; then
        echo "nothing to keep: no working corpus in .build-fuzz/corpus/$t (run the fuzzer first)" >&2
        exit 1
    fi
    local max_len=8192
    if [ "$t" = shard ]; then max_len=32768; fi
    echo "=== keep $t: merging ${sources[*]} ===" >&2
    (cd "$scratch" && R2FUZZ_TARGET=$t ASAN_OPTIONS=detect_leaks=0 "$OLDPWD/$binary" \
        -merge=1 -timeout="$timeout" -rss_limit_mb=2048 -max_len="$max_len" "$merged" "${sources[@]}") \
        2>"$scratch/merge.log" || {
        tail -20 "$scratch/merge.log" >&2
        exit 1
    }
    grep -E "MERGE-OUTER: [0-9]+ new files" "$scratch/merge.log" >&2 || true
    mkdir -p "$(dirname "$kept")"
    local old="$kept.old.$$"
    if [ -d "$kept" ]; then mv "$kept" "$old"; fi
    mv "$merged" "$kept"
    rm -rf "$old" "$scratch"
    echo "kept $(find "$kept" -type f | wc -l) inputs ($(du -sh "$kept" | cut -f1)) in $kept" >&2
}

if [ -n "$keep" ]; then
    keep_corpus "$keep"
elif [ "$target" = all ]; then
    for t in $targets; do run "$t"; done
else
    run "$target"
fi
