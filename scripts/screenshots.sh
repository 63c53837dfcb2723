#!/usr/bin/env bash
# Regenerates docs/screenshot-{article,timeline,empty,dark}.png under Xvfb (needs a debug build).
# usage: scripts/screenshots.sh [ARTICLE] (default: the reference article)
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${SCRATCH_PATH:-.build}
swift build --scratch-path "$scratch" > /dev/null
binary="$(swift build --scratch-path "$scratch" --show-bin-path)/dramatis"
article=${1:-data/articles/seed.txt}
run() { xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- /usr/bin/python3 scripts/screenshots.py "$binary" "$article" docs; }
mkdir -p docs
run
DARK=1 run
