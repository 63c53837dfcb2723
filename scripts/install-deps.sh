#!/usr/bin/env bash
# Installs the Debian 12 packages Dramatis needs to build, run and test, when any is missing.
set -euo pipefail
packages=(
  pkg-config libgtk-4-dev libadwaita-1-dev libxml2-dev libcairo2-dev libpango1.0-dev iso-codes
  xvfb xauth dbus dbus-x11 at-spi2-core python3-pyatspi python3-dogtail imagemagick
  poppler-utils desktop-file-utils appstream meson ninja-build libglib2.0-bin cmark
  librsvg2-bin jq flatpak-builder libcurl4-openssl-dev strace libsqlite3-dev sqlite3 bc
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
if ! command -v swift >/dev/null 2>&1; then
  for d in /opt/swift/usr/bin /usr/share/swift/usr/bin; do [ -x "$d/swift" ] && export PATH="$d:$PATH"; done
  command -v swift >/dev/null 2>&1 || { echo "Swift 6 is needed (https://swift.org/install); not found on PATH" >&2; exit 1; }
fi
