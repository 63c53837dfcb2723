#!/usr/bin/env bash
# GUI test: builds (debug), then under Xvfb with a private D-Bus session drives the window over
# AT-SPI: scripts/tests/gui_test.py (the reference article: actors, mention click, statement,
# timeline) and scripts/tests/gui_test_window.py (markup shown literally, export from the window,
# the dark style surviving a restart, with a private compiled GSettings schema) and
# scripts/tests/gui_test_library.py (two articles quoting one person, that person's page in the
# Library view, a statement opening its article at its sentence). Fails on any
# failed step. SCRATCH_PATH selects the build folder (default .build, shared with `swift test`).
set -euo pipefail
cd "$(dirname "$0")/../.."
scratch=${SCRATCH_PATH:-.build}
mkdir -p out
if ! swift build --scratch-path "$scratch" > out/gui-test-build.log 2>&1; then
  grep -E 'error' out/gui-test-build.log | head -20 || tail -20 out/gui-test-build.log
  echo "gui-test: build failed"; exit 1
fi
binary="$(swift build --scratch-path "$scratch" --show-bin-path)/dramatis"
[ -x "$binary" ] || { echo "gui-test: no binary at $binary (build failed)"; exit 1; }
shot=${GUI_TEST_SCREENSHOT:-$PWD/out/gui-test.png}
schemas=$(mktemp -d /tmp/dramatis-schemas.XXXXXX)
# Opened articles go to the library: a private one, never the user's.
export DRAMATIS_LIBRARY="$schemas/library.sqlite"
trap 'rm -rf "$schemas"' EXIT
glib-compile-schemas --strict --targetdir="$schemas" Resources/
# Xvfb outside the D-Bus session: the other order makes synthesized clicks do nothing.
timeout 300 xvfb-run -a -s "-screen 0 1280x800x24" \
  dbus-run-session -- bash -c '
    set -e
    /usr/bin/python3 scripts/tests/gui_test.py "$1" data/articles/seed.txt "$2"
    /usr/bin/python3 scripts/tests/gui_test_window.py "$1" "$3" "${2%.png}-window.png"
    /usr/bin/python3 scripts/tests/gui_test_library.py "$1" "${2%.png}-library.png" "${2%.png}-actor.png"
  ' gui-test "$binary" "$shot" "$schemas"
