#!/usr/bin/env bash
# Writes the analyses a speed change must leave unchanged, so two builds can be compared:
#   scripts/same-output.sh BIN OUTDIR     then: diff OUTDIR-a.md5 OUTDIR-b.md5 (or diff -r the folders)
# The JSON of `analyze` on the seed, dev/ and polnear-dev/ texts, on every scaling family at
# 40 KB (scripts/scaling_inputs.py), and the JSON Lines of the polnear-train folder (the batch).
# EVAL: the shared evaluation folder (default ../shared/eval).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$1 out=$2
E=${EVAL:-../shared/eval}
export DRAMATIS_DATA_DIR=${DRAMATIS_DATA_DIR:-$PWD/data}
mkdir -p "$out"
# One fixed input path for the families: the article's source (its path) is in the JSON.
in=${TMPDIR:-/tmp}/dramatis-same-output
for f in "$E"/seed.txt "$E"/dev/*.txt "$E"/polnear-dev/*.txt; do
  "$bin" analyze "$f" --format json > "$out/$(basename "$f" .txt).json"
done
for fam in $(python3 scripts/scaling_inputs.py --list); do
  ext=txt; [ "$fam" = html-nested ] && ext=html
  python3 scripts/scaling_inputs.py "$fam" 40000 "$in.$ext"
  "$bin" analyze "$in.$ext" --format json --no-size-limit --time-limit 0 > "$out/fam-$fam.json"
  rm -f "$in.$ext"
done
"$bin" analyze "$E"/polnear-train --format jsonl > "$out/polnear-train.jsonl"
(cd "$out" && md5sum -- *) > "$out.md5"
echo "wrote $out ($(ls "$out" | wc -l) files) and $out.md5"
