#!/usr/bin/env bash
# Accuracy of dramatis beside the peer (spaCy + textacy) on the main gold set (seed + dev) and
# polnear-dev, scored by ../shared/eval/score.py; prints the Markdown table of docs/accuracy.md.
# usage: bench/accuracy.sh     (builds the GTK-free dramatis-eval runner; sets up the peer if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${DRAMATIS_SHARED:-../shared}
swift build -c release --product dramatis-eval --scratch-path .build-bench > /dev/null 2>&1 \
  || { echo "bench/accuracy.sh: build of dramatis-eval failed"; exit 1; }
venv=${PEER_VENV:-$shared/../.venv-peer}
[ -x "$venv/bin/python" ] || bash "$shared/eval/setup-peer.sh" >&2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
score() { python3 "$shared/eval/score.py" "$1" "$2" --json; }
. scripts/gold-sets.sh
for set in main polnear; do
  gold="$tmp/$set-gold"; mkdir -p "$gold"
  gold_set "$set" "$gold"
  gold_runner_args "$gold"
  .build-bench/release/dramatis-eval "$tmp/$set-dramatis" "${RUNNER_ARGS[@]}"
  python3 "$shared/eval/peer_spacy.py" "$gold" "$tmp/$set-peer" > /dev/null 2>&1
  score "$gold" "$tmp/$set-dramatis" > "$tmp/$set-dramatis.score.json"
  score "$gold" "$tmp/$set-peer" > "$tmp/$set-peer.score.json"
done
python3 bench/accuracy_table.py "$tmp"
