#!/usr/bin/env bash
# Positions accuracy loop: builds dramatis-eval and scores the positions rows on one gold set.
# Usage: scripts/eval-positions.sh main|polnear-positions|train [score.py args…]
#   main               seed + dev/ (../shared/eval)
#   polnear-positions  data/eval/positions-polnear-dev/ (hand annotations) beside the polnear-dev texts
#   train              data/train/positions-polnear-train/ beside the polnear-train texts (training data)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${DRAMATIS_SHARED:-../shared}
scratch=${SCRATCH:-.build-pos}
set_name=${1:-main}; shift || true
swift build --product dramatis-eval --scratch-path "$scratch" 2>&1 | grep -E "error" && exit 1
. scripts/gold-sets.sh
gold=$(mktemp -d); pred=$(mktemp -d)
case "$set_name" in
  main) gold_set main "$gold" ;;
  polnear-positions) for g in data/eval/positions-polnear-dev/*.gold.json; do
      n=$(basename "$g" .gold.json); cp "$g" "$gold/"; cp "$shared/eval/polnear-dev/$n.txt" "$gold/"; done ;;
  train) for g in data/train/positions-polnear-train/*.gold.json; do
      n=$(basename "$g" .gold.json); cp "$g" "$gold/"; cp "$shared/eval/polnear-train/$n.txt" "$gold/"; done ;;
  *) echo "unknown set $set_name" >&2; exit 2 ;;
esac
gold_runner_args "$gold"
"$scratch"/debug/dramatis-eval "$pred" "${RUNNER_ARGS[@]}"
python3 "$shared/eval/score.py" "$gold" "$pred" "$@" | grep -E -i "^ *position|TOTAL" || true
echo "gold: $gold predictions: $pred"
