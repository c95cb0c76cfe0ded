#!/usr/bin/env bash
# The engine and session tests under ThreadSanitizer and AddressSanitizer
# (docs/FUZZING.md, "Sanitizers").
#   bash scripts/sanitize.sh [thread|address|all]
# Each sanitizer builds the tests in its own folder (.build-tsan,
# .build-asan; a debug build, so the lane machine's buffers also check
# their bounds) and runs the suites that drive the engine's threads and
# unsafe buffers and the session over them: R2EngineTests,
# R2NotebookTests, R2ForecastTests and FuzzReplayTests. A report fails the
# run: TSan and ASan end the process with an error on the first one.
set -euo pipefail
cd "$(dirname "$0")/.."

which="${1:-all}"
suites='R2EngineTests|R2NotebookTests|R2ForecastTests|FuzzReplayTests'

run() {
    local sanitizer="$1" folder="$2"
    echo "=== $sanitizer sanitizer: building into $folder ===" >&2
    swift build --build-tests --sanitize="$sanitizer" --scratch-path "$folder" >&2
    echo "=== $sanitizer sanitizer: $suites ===" >&2
    # halt_on_error: the first report fails the run; leaks are not checked
    # (the Swift runtime's own caches read as leaks).
    TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" \
        ASAN_OPTIONS="halt_on_error=1 detect_leaks=0" \
        swift test --skip-build --sanitize="$sanitizer" --scratch-path "$folder" --filter "$suites"
}

case "$which" in
thread) run thread .build-tsan ;;
address) run address .build-asan ;;
all)
    run thread .build-tsan
    run address .build-asan
    ;;
*)
    echo "usage: bash scripts/sanitize.sh [thread|address|all]" >&2
    exit 2
    ;;
esac
