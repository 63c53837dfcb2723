#!/usr/bin/env bash
# Scores the HTML body extraction of `dramatis analyze` on the saved news pages of the
# article-extraction-benchmark in ../shared/eval/html-dev (the benchmark's own shingle F1).
# usage: bench/html.sh [--pages]     (--pages: also the per-page table, worst first, via bench/html_pages.py)
# Skipped with a message when ../shared (or $DRAMATIS_SHARED) is not there.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${DRAMATIS_SHARED:-../shared}
dev="$shared/eval/html-dev"
if [ ! -f "$dev/ground-truth.json" ] || [ ! -f "$shared/eval/html_score.py" ]; then
  echo "bench/html.sh: skipped ($dev not found)"
  exit 0
fi
scratch=${SCRATCH:-.build}
mkdir -p out
swift build --product dramatis --scratch-path "$scratch" > out/html-build.log 2>&1 \
  || { grep -E 'error' out/html-build.log | head; echo "bench/html.sh: build failed"; exit 1; }
bin="$scratch/debug/dramatis"
python3 "$shared/eval/html_score.py" "$dev" "$bin" analyze --format json
if [ "${1:-}" = --pages ]; then
  out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
  python3 bench/html_pages.py "$dev" "$out" "$bin" analyze --format json
fi
