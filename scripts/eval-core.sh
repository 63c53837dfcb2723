#!/usr/bin/env bash
# Quick accuracy loop for the core: builds dramatis-eval only and scores a gold set.
# Usage: [SCRATCH=.build-X] scripts/eval-core.sh [main|polnear] [score.py args…]
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${DRAMATIS_SHARED:-../shared}
scratch=${SCRATCH:-.build-core}
set_name=${1:-main}; shift || true
swift build --product dramatis-eval --scratch-path "$scratch" 2>&1 | grep -E "error" && exit 1
. scripts/gold-sets.sh
gold=$(mktemp -d); pred=$(mktemp -d)
gold_set "$set_name" "$gold"
gold_runner_args "$gold"
"$scratch"/debug/dramatis-eval "$pred" "${RUNNER_ARGS[@]}"
python3 "$shared/eval/score.py" "$gold" "$pred" "$@"
echo "predictions: $pred"
