#!/usr/bin/env bash
# Runs every test of the project; called by `make test` and by .ci/run.
# Order: swift test (scripts/test-core.sh: unit, CLI, export and loader tests), then each
# scripts/tests/*.sh (no deprecated APIs, GUI test under Xvfb, file validators and the staged
# meson install), then an accuracy report. `make test-core`, `make test-gui` and `make validate`
# run one part each.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p out
failed_steps=()
tests_passed=0
tests_failed=0

echo "== swift test =="
bash scripts/test-core.sh
status=$?
n=$(grep -oE 'Test run with [0-9]+ tests' out/swift-test.log | grep -oE '[0-9]+' | tail -1)
if [ "$status" -eq 0 ]; then tests_passed=$((tests_passed + ${n:-0})); else
  f=$(grep -cE '^✘ Test .* failed' out/swift-test.log); tests_failed=$((tests_failed + (f > 0 ? f : 1)))
  tests_passed=$((tests_passed + ${n:-0} - f)); failed_steps+=("swift test"); fi

for t in scripts/tests/*.sh; do
  [ -e "$t" ] || continue
  echo "== $t =="
  if bash "$t"; then tests_passed=$((tests_passed + 1)); else tests_failed=$((tests_failed + 1)); failed_steps+=("$t"); fi
done

echo "== accuracy on the evaluation set (report only) =="
bash scripts/evaluate.sh || echo "(accuracy report unavailable)"

echo
for s in "${failed_steps[@]}"; do echo "FAILED: $s"; done
echo "$tests_passed passed, $tests_failed failed"
[ "$tests_failed" -eq 0 ]
