#!/usr/bin/env bash
# Scores the CLI's JSON on the evaluation articles with ../shared/eval/score.py.
# Usage: scripts/evaluate.sh [GOLD_SET...]   sets: main (seed + dev, default), polnear
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${DRAMATIS_SHARED:-../shared}
[ -f "$shared/eval/score.py" ] || { echo "no $shared/eval/score.py: skipping the accuracy report"; exit 0; }
bin=${DRAMATIS_BIN:-.build/debug/dramatis}
[ -x "$bin" ] || swift build >/dev/null
. scripts/gold-sets.sh
sets=("$@"); [ ${#sets[@]} -gt 0 ] || sets=(main)
for set in "${sets[@]}"; do
  gold=$(mktemp -d); pred=$(mktemp -d)
  gold_set "$set" "$gold" || exit 2
  for t in "$gold"/*.txt; do
    n=$(basename "$t" .txt)
    d=$(gold_published "$t")
    # --time-limit 0: a debug build may be slower than the interactive limit; accuracy is not speed.
    "$bin" analyze "$t" ${d:+--published "$d"} --time-limit 0 --format json > "$pred/$n.json" || echo "failed: $n"
  done
  echo "-- $set --"
  python3 "$shared/eval/score.py" "$gold" "$pred" ${SCORE_ARGS:-} | tail -n ${SCORE_TAIL:-25}
  rm -rf "$gold" "$pred"
done
