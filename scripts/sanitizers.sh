#!/bin/sh
# Runs the core test suite under AddressSanitizer and ThreadSanitizer, each in its own scratch
# folder (.build-asan, .build-tsan), and prints one line per sanitizer. Too slow for .ci/run
# (each is a full instrumented build); run it before a release or after touching unsafe code.
#   scripts/sanitizers.sh [address|thread]…     (default: both)
set -u
cd "$(dirname "$0")/.."
status=0
for san in ${*:-address thread}; do
    case $san in
        address) scratch=.build-asan
                 # The lexicon caches live for the whole process on purpose: no leak report.
                 export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} ;;
        thread)  scratch=.build-tsan
                 export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1} ;;
        *) echo "unknown sanitizer: $san" >&2; exit 2 ;;
    esac
    mkdir -p "$scratch"
    log=$scratch/sanitizer.log
    start=$(date +%s)
    swift test --sanitize="$san" --scratch-path "$scratch" --filter DramatisCoreTests >"$log" 2>&1
    rc=$?
    reports=$(grep -c "ERROR: AddressSanitizer\|WARNING: ThreadSanitizer\|SUMMARY: .*Sanitizer" "$log")
    tests=$(grep -Eo "Test run with [0-9]+ tests? in [0-9]+ suites? (passed|failed) after [0-9.]+ seconds( with [0-9]+ (known )?issues?)?" "$log" | tail -1)
    echo "$san: exit $rc, $reports sanitizer reports, $(( $(date +%s) - start )) s — ${tests:-no test summary} (log: $log)"
    if [ $rc -ne 0 ] || [ "$reports" -ne 0 ]; then status=1; fi
done
exit $status
