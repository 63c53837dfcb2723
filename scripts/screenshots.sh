#!/usr/bin/env bash
# Regenerates docs/screenshot-{article,timeline,empty,dark}.png under Xvfb (needs a debug build).
# Runs with a throw-away HOME, so the "Recent" list of the empty state shows only the article
# opened here (as ~/Documents/…), never this machine's history or paths.
# usage: scripts/screenshots.sh [ARTICLE] (default: the reference article)
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${SCRATCH_PATH:-.build}
swift build --scratch-path "$scratch" > /dev/null
binary="$PWD/$(swift build --scratch-path "$scratch" --show-bin-path | sed "s#^$PWD/##")/dramatis"
source_article=${1:-data/articles/seed.txt}
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
mkdir -p "$home/Documents"
cp "$source_article" "$home/Documents/"
meta="${source_article%.*}.meta.json"
[ -e "$meta" ] && cp "$meta" "$home/Documents/"
article="$home/Documents/$(basename "$source_article")"
run() {
  HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config" \
    xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
    /usr/bin/python3 scripts/screenshots.py "$binary" "$article" docs
}
mkdir -p docs
run
DARK=1 run
