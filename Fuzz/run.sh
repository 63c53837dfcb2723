#!/bin/bash
# Runs every fuzz target for a bounded time and prints a summary.
#   Fuzz/run.sh [seconds-per-target] [target…]     (default: 60 s, every target)
# Builds first (Fuzz/build.sh). The growing corpus lives in .build-fuzz/corpus/<target> (seeded from
# Fuzz/corpus/<target>); crashing inputs are written to .build-fuzz/crashes/<target>/ — copy each
# one to Tests/Fixtures/fuzz-regressions/<target>/ once fixed, so `swift test` replays it.
# Exit status: 1 when any target found a crash, leak or timeout.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${1:-60}
shift || true
Fuzz/build.sh "$@"
targets=${*:-$(cd Fuzz/Targets && ls *.swift | sed 's/\.swift$//')}
export DRAMATIS_DATA_DIR=${DRAMATIS_DATA_DIR:-$PWD/data}
# Leak checking is off: the core caches its lexicons for the process on purpose.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1}
status=0
summary=()
for t in $targets; do
    corpus=.build-fuzz/corpus/$t crashes=.build-fuzz/crashes/$t log=.build-fuzz/$t.log
    mkdir -p "$corpus" "$crashes"
    echo "fuzz: running $t for ${SECONDS_PER_TARGET}s…" >&2
    set +e
    # -max_len: inputs up to 16 KB; -timeout: one input taking > FUZZ_TIMEOUT s (default 10) is a hang or a slow path;
    # -rss_limit_mb: more than 2 GB for one input is a bug too.
    ".build-fuzz/$t" "$corpus" "Fuzz/corpus/$t" -max_total_time="$SECONDS_PER_TARGET" -max_len=16384 \
        -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$crashes/" >"$log" 2>&1
    rc=$?
    set -e
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    line=$(grep -E '^#[0-9]+' "$log" | grep -E 'cov:' | tail -1)
    cov=$(grep -o 'cov: [0-9]*' <<<"$line" | grep -o '[0-9]*' || echo "?")
    ft=$(grep -o 'ft: [0-9]*' <<<"$line" | grep -o '[0-9]*' || echo "?")
    units=$(grep -o 'corp: [0-9]*' <<<"$line" | grep -o '[0-9]*' || echo "?")
    found=$(find "$crashes" -type f | wc -l)
    if [ $rc -ne 0 ] || [ "$found" -gt 0 ]; then status=1; fi
    summary+=("$(printf '%-8s %10s %7s %9s %8s %8s %5s' "$t" "$execs" "$cov" "$ft" "$units" "$found" "$rc")")
done
printf '%-8s %10s %7s %9s %8s %8s %5s\n' target execs cov features corpus crashes exit
printf '%s\n' "${summary[@]}"
[ $status -eq 0 ] || echo "fuzz: see .build-fuzz/<target>.log and .build-fuzz/crashes/" >&2
exit $status
