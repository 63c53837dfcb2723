#!/usr/bin/env bash
# Renders the scalable app icon to the fixed sizes of the hicolor theme. Why: GTK on X11 loads
# the window icon at fixed sizes, and a PNG spares every start-up the SVG loader (librsvg:
# about 6 MB resident and its dynamic loading). Re-run after editing the SVG; needs rsvg-convert
# (Debian package librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")/../Resources/icons/hicolor"
svg=scalable/apps/io.github.dramatis.Dramatis.svg
for size in 16 24 32 48 64 128 256; do
  mkdir -p "${size}x${size}/apps"
  rsvg-convert -w "$size" -h "$size" "$svg" -o "${size}x${size}/apps/io.github.dramatis.Dramatis.png"
done
