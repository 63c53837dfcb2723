#!/usr/bin/env bash
# The unit, CLI, export and loader tests (`swift test`), with a short summary; the full log is
# out/swift-test.log. Called by `make test-core` and, as its first step, by scripts/test-all.sh.
# SCRATCH_PATH selects the build folder (default .build).
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p out
swift test --scratch-path "${SCRATCH_PATH:-.build}" > out/swift-test.log 2>&1
status=$?
grep -vE '^\[[0-9]+/[0-9]+\]|prohibited flag|^(Building|Compiling|Write|Linking)' out/swift-test.log | grep -vE '^[[:space:]]*$' | grep -E '✘|✔ Suite|error|Test run|Executed|failed|passed after' | grep -v '✔ Test' | tail -n 60
exit $status
