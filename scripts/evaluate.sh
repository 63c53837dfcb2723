#!/usr/bin/env bash
# Scores the CLI's JSON on the evaluation articles with ../shared/eval/score.py.
# Usage: scripts/evaluate.sh [GOLD_SET...]   sets: main (seed + dev, default), polnear
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${DRAMATIS_SHARED:-../shared}
[ -f "$shared/eval/score.py" ] || { echo "no $shared/eval/score.py: skipping the accuracy report"; exit 0; }
bin=${DRAMATIS_BIN:-.build/debug/dramatis}
[ -x "$bin" ] || swift build >/dev/null
sets=("$@"); [ ${#sets[@]} -gt 0 ] || sets=(main)
for set in "${sets[@]}"; do
  gold=$(mktemp -d); pred=$(mktemp -d)
  case "$set" in
    main) cp "$shared"/eval/seed.txt "$shared"/eval/seed.gold.json "$shared"/eval/dev/*.txt "$shared"/eval/dev/*.gold.json "$gold"/ ;;
    polnear) cp "$shared"/eval/polnear-dev/*.txt "$shared"/eval/polnear-dev/*.gold.json "$gold"/ ;;
    *) echo "unknown set $set"; exit 2 ;;
  esac
  for t in "$gold"/*.txt; do
    n=$(basename "$t" .txt)
    d=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("published") or "")' "$gold/$n.gold.json")
    "$bin" analyze "$t" ${d:+--published "$d"} --format json > "$pred/$n.json" || echo "failed: $n"
  done
  echo "-- $set --"
  python3 "$shared/eval/score.py" "$gold" "$pred" ${SCORE_ARGS:-} | tail -n ${SCORE_TAIL:-25}
  rm -rf "$gold" "$pred"
done
