#!/usr/bin/env bash
# Window startup benchmark: first frame and RSS of the app on the sample article vs an empty
# AdwApplicationWindow, median of 5 runs each under Xvfb, release build.
# usage: bench/window.sh [RUNS]   (RENDERERS="default gl nogl cairo" selects them; see bench/window.py)
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${SCRATCH_PATH:-.build}
mkdir -p out
if ! swift build -c release --scratch-path "$scratch" > out/bench-window-build.log 2>&1; then
  grep -E 'error' out/bench-window-build.log | head -20 || tail -20 out/bench-window-build.log
  echo "bench/window.sh: release build failed"; exit 1
fi
binary="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/dramatis"
xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
  /usr/bin/python3 bench/window.py "$binary" data/articles/seed.txt "${1:-5}" 2> >(grep -v dbus-daemon >&2)
