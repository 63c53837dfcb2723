#!/usr/bin/env bash
# Quick accuracy loop for the core: builds dramatis-eval only and scores a gold set.
# Usage: scripts/eval-core.sh [main|polnear] [score.py args…]
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${DRAMATIS_SHARED:-../shared}
set_name=${1:-main}; shift || true
swift build --product dramatis-eval --scratch-path .build-core 2>&1 | grep -E "error" && exit 1
gold=$(mktemp -d); pred=$(mktemp -d)
case "$set_name" in
  main) cp "$shared"/eval/seed.txt "$shared"/eval/seed.gold.json "$shared"/eval/dev/*.txt "$shared"/eval/dev/*.gold.json "$gold"/ ;;
  polnear) cp "$shared"/eval/polnear-dev/*.txt "$shared"/eval/polnear-dev/*.gold.json "$gold"/ ;;
esac
args=()
for t in "$gold"/*.txt; do
  n=$(basename "$t" .txt)
  d=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("published") or "")' "$gold/$n.gold.json")
  args+=("$t=$d")
done
.build-core/debug/dramatis-eval "$pred" "${args[@]}"
python3 "$shared/eval/score.py" "$gold" "$pred" "$@"
echo "predictions: $pred"
