#!/usr/bin/env bash
# Fits data/models/positions.tsv (stance and confidence weights, threshold) on the hand-annotated
# training articles data/train/positions-polnear-train/NAME.gold.json, whose texts are PolNeAR's
# training split in ../shared/eval/polnear-train/NAME.txt (never committed). Deterministic.
# Usage: scripts/train-positions.sh [MODEL_OUT]   (default data/models/positions.tsv)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${DRAMATIS_SHARED:-../shared}
scratch=${SCRATCH:-.build-pos}
out=${1:-data/models/positions.tsv}
swift build --product dramatis-eval --scratch-path "$scratch" 2>&1 | grep -E "error" && exit 1
"$scratch"/debug/dramatis-eval train-positions "$out" data/train/positions-polnear-train "$shared/eval/polnear-train"
