#!/usr/bin/env bash
# Fails when the compiler reports a deprecated API in our own code (Sources/, Tests/). SwiftPM
# builds incrementally, so a file compiled earlier prints no warning in a later build log; its
# serialized diagnostics (NAME.dia beside the object files) keep the last compile's warnings, so
# both the log of this build and every .dia of our targets are read. Dependencies are skipped.
# SCRATCH_PATH selects the build folder (default .build, shared with `swift test`).
set -uo pipefail
cd "$(dirname "$0")/../.."
scratch=${SCRATCH_PATH:-.build}
mkdir -p out
log=out/deprecations-build.log
if ! swift build --build-tests --scratch-path "$scratch" > "$log" 2>&1; then
  grep -E 'error' "$log" | head -20; echo "deprecations: build failed"; exit 1
fi
found=0
# The textual log: warnings of the files compiled now.
if grep -E '/(Sources|Tests)/[^ ]*\.swift:[0-9]+:[0-9]+: warning: .*deprecated' "$log" | grep -v '/checkouts/' | sort -u; then found=1; fi
# The serialized diagnostics of every file compiled before. Our targets are the folders of
# Sources/ and Tests/ (SwiftPM names the build folder after the module, '-' becoming '_').
bin=$(swift build --scratch-path "$scratch" --show-bin-path)
for dir in Sources/* Tests/*; do
  [ -d "$dir" ] || continue
  t=$(basename "$dir" | tr '-' '_')
  for dia in "$bin/$t.build"/*.dia; do
    [ -e "$dia" ] || continue
    # Only files that still exist: a removed source leaves its last diagnostics behind.
    [ -n "$(find "$dir" -name "$(basename "${dia%.dia}").swift" -print -quit)" ] || continue
    if strings "$dia" | grep -q 'is deprecated'; then
      echo "$dir/…/$(basename "${dia%.dia}").swift: $(strings "$dia" | grep 'is deprecated' | sort -u | head -3 | tr '\n' ' ')"
      found=1
    fi
  done
done
if [ "$found" -ne 0 ]; then echo "deprecations: deprecated APIs used in our code (above)"; exit 1; fi
echo "deprecations: none in Sources/ or Tests/"
