#!/usr/bin/env bash
# Runs every test of the project; called by `make test` and by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== swift test =="
swift test 2>&1 | tee /tmp/dramatis-swift-test.log | grep -vE '^\[[0-9]+/[0-9]+\]|prohibited flag' || true
status=${PIPESTATUS[0]}
if [ "$status" -ne 0 ]; then echo "swift test failed ($status)"; exit "$status"; fi
for t in scripts/tests/*.sh; do
  [ -e "$t" ] || continue
  echo "== $t =="
  bash "$t"
done
echo "== accuracy on the evaluation set (report) =="
bash scripts/evaluate.sh || true
