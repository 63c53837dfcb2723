#!/usr/bin/env bash
# Validates what makes Dramatis installable like any GNOME app: the desktop file, AppStream
# metainfo, GSettings schema, icons and Flatpak manifest; then a meson build staged with
# --destdir, run from / with the source tree hidden, and again after moving the whole prefix.
#
# Environment: DRAMATIS_MESON_BUILDDIR (default .build-meson, reused between runs).
# Exit status: 0 when every check passed, 1 otherwise; a summary is printed at the end.
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
APP_ID=io.github.dramatis.Dramatis
APP_PATH=/io/github/dramatis/Dramatis/
RES=Resources
BUILD_DIR=${DRAMATIS_MESON_BUILDDIR:-$ROOT/.build-meson}
for d in /opt/swift/usr/bin /usr/share/swift/usr/bin; do
  command -v swift >/dev/null 2>&1 || { [ -x "$d/swift" ] && PATH="$d:$PATH"; }
done

TMP=$(mktemp -d /tmp/dramatis-validate.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
passed=()
failed=()
skipped=()
n=0

# check NAME COMMAND…: runs the command in a subshell, records PASS/FAIL, shows its output on
# failure.
check() {
  local name=$1; shift
  n=$((n + 1))
  local log="$TMP/check-$n.log"
  if ( "$@" ) >"$log" 2>&1; then
    passed+=("$name"); echo "PASS  $name"; sed -n 's/^info: /      /p' "$log"
  else
    failed+=("$name"); echo "FAIL  $name"; tail -n 40 "$log" | sed 's/^/      /'
  fi
}
# fail MESSAGE: ends the current check (checks run in subshells).
fail() { echo "$*" >&2; exit 1; }
# no_output COMMAND…: succeeds when the command succeeds and prints nothing (hints count).
no_output() {
  local out; out=$("$@" 2>&1); local rc=$?
  [ -n "$out" ] && echo "$out"
  [ $rc -eq 0 ] && [ -z "$out" ]
}

# ---- The files themselves -------------------------------------------------------------------

check "desktop-file-validate $RES/$APP_ID.desktop (no errors, warnings or hints)" \
  no_output desktop-file-validate "$RES/$APP_ID.desktop"

# --strict fails on warnings and infos too; --pedantic only shows the pedantic hints (the app ID
# has capitals, which is the GNOME convention, and is reported as a pedantic hint).
check "appstreamcli validate --no-net --strict --pedantic $RES/$APP_ID.metainfo.xml" \
  appstreamcli validate --no-net --strict --pedantic "$RES/$APP_ID.metainfo.xml"

check "glib-compile-schemas --strict --dry-run $RES/" \
  glib-compile-schemas --strict --dry-run "$RES/"

schema_keys() {
  local dir="$TMP/schemas"
  mkdir -p "$dir" && cp "$RES/$APP_ID.gschema.xml" "$dir/" && glib-compile-schemas --strict "$dir" || return 1
  export GSETTINGS_SCHEMA_DIR="$dir" GSETTINGS_BACKEND=memory
  [ "$(gsettings list-schemas --print-paths | grep "^$APP_ID ")" = "$APP_ID $APP_PATH" ] \
    || fail "schema $APP_ID is not at $APP_PATH"
  local expected="article-font color-scheme highlight-types last-folder library-add-opened positions-minimum-confidence window-height window-maximized window-width"
  local keys; keys=$(gsettings list-keys "$APP_ID" | sort | tr '\n' ' ' | sed 's/ $//')
  [ "$keys" = "$expected" ] || fail "keys: '$keys', expected '$expected'"
  [ "$(gsettings range "$APP_ID" color-scheme | tr '\n' ' ')" = "enum 'default' 'light' 'dark' " ] \
    || fail "color-scheme range: $(gsettings range "$APP_ID" color-scheme)"
  [ "$(gsettings get "$APP_ID" highlight-types)" = "['person', 'organization', 'place', 'group', 'event', 'law']" ] \
    || fail "highlight-types default: $(gsettings get "$APP_ID" highlight-types)"
  # The entity types must be exactly those of dramatis.analysis/1 (EntityType in DramatisCore).
  local core; core=$(grep -h -A1 'enum EntityType' Sources/DramatisCore/Model/*.swift | sed -n 's/^ *case //p' | tr -d ' ')
  [ "$core" = "person,organization,place,group,event,law" ] || fail "EntityType in the core is now: $core"
  # Values outside the enum or flags are refused.
  ! gsettings set "$APP_ID" highlight-types "['person', 'weather']" 2>/dev/null || fail "accepted an unknown entity type"
  ! gsettings set "$APP_ID" color-scheme "'sepia'" 2>/dev/null || fail "accepted an unknown color scheme"
  [ "$(gsettings get "$APP_ID" article-font)" = "'Serif 12'" ] || fail "article-font default"
  # The positions threshold is a probability.
  [ "$(gsettings range "$APP_ID" positions-minimum-confidence | tr '\n' ' ')" = "range d 0.0 1.0 " ] \
    || fail "positions-minimum-confidence range: $(gsettings range "$APP_ID" positions-minimum-confidence)"
  ! gsettings set "$APP_ID" positions-minimum-confidence 1.5 2>/dev/null || fail "accepted a confidence above 1"
  # Opened articles go to the library unless the user turns it off.
  [ "$(gsettings get "$APP_ID" library-add-opened)" = "true" ] || fail "library-add-opened default"
  ! gsettings set "$APP_ID" library-add-opened "'yes'" 2>/dev/null || fail "accepted a non-boolean library-add-opened"
}
check "GSettings schema $APP_ID: path, keys, defaults, ranges" schema_keys

icons() {
  local scalable="$RES/icons/hicolor/scalable/apps/$APP_ID.svg"
  local symbolic="$RES/icons/hicolor/symbolic/apps/$APP_ID-symbolic.svg"
  for f in "$scalable" "$symbolic"; do [ -f "$f" ] || fail "missing $f"; done
  grep -q 'viewBox="0 0 128 128"' "$scalable" || fail "$scalable is not on the 128 px grid"
  grep -q 'viewBox="0 0 16 16"' "$symbolic" || fail "$symbolic is not on the 16 px grid"
  # A symbolic icon has one colour (mask colours aside), so that GTK can recolour it.
  local colours; colours=$(grep -v '<mask\|<rect width="16" height="16" fill="#ffffff"\|fill="#000000"' "$symbolic" \
    | grep -o '#[0-9a-fA-F]\{6\}' | sort -u | tr '\n' ' ')
  [ "$colours" = "#2e3436 " ] || fail "symbolic icon colours: $colours"
  # Both render (librsvg is what GTK uses) and are not blank.
  for spec in "$scalable:128" "$scalable:32" "$symbolic:16" "$symbolic:64"; do
    local f=${spec%:*} size=${spec##*:}
    local png="$TMP/icon-$size.png"
    rsvg-convert -w "$size" -h "$size" "$f" -o "$png" || fail "rsvg-convert failed on $f"
    local opaque; opaque=$(convert "$png" -alpha extract -format '%[fx:mean]' info:)
    awk -v m="$opaque" 'BEGIN { exit !(m > 0.15 && m < 0.95) }' || fail "$f at $size px covers $opaque of its area"
  done
}
check "icons: scalable and symbolic exist, render with librsvg, symbolic is monochrome" icons

same_id() {
  grep -qx "Icon=$APP_ID" "$RES/$APP_ID.desktop" || fail "desktop file Icon= is not $APP_ID"
  grep -qx "Exec=dramatis %U" "$RES/$APP_ID.desktop" || fail "desktop file Exec= is not 'dramatis %U'"
  grep -q "<id>$APP_ID</id>" "$RES/$APP_ID.metainfo.xml" || fail "metainfo <id>"
  grep -q "<launchable type=\"desktop-id\">$APP_ID.desktop</launchable>" "$RES/$APP_ID.metainfo.xml" || fail "metainfo launchable"
  grep -q "<binary>dramatis</binary>" "$RES/$APP_ID.metainfo.xml" || fail "metainfo provides binary"
  grep -q "<schema id=\"$APP_ID\" path=\"$APP_PATH\">" "$RES/$APP_ID.gschema.xml" || fail "schema id/path"
  grep -q "^app_id = '$APP_ID'" meson.build || fail "meson.build app_id"
  [ "$(jq -r .id "$APP_ID.json")" = "$APP_ID" ] || fail "Flatpak manifest id"
  # The window registers the same ID with GApplication (once it exists).
  if [ -d Sources/DramatisApp ] && grep -rq 'io\.github\.' Sources/DramatisApp; then
    grep -rq "\"$APP_ID\"" Sources/DramatisApp || fail "Sources/DramatisApp uses another application ID"
  fi
}
check "one application ID ($APP_ID) in desktop file, metainfo, schema, meson, manifest, app" same_id

screenshots() {
  # The metainfo points at docs/ images by URL (appstreamcli --no-net does not fetch them); each
  # must be a file of docs/ in this tree.
  local urls; urls=$(grep -o '<image>[^<]*</image>' "$RES/$APP_ID.metainfo.xml" | sed 's/<[^>]*>//g')
  [ -n "$urls" ] || fail "no screenshots in the metainfo"
  for u in $urls; do
    case "$u" in https://raw.githubusercontent.com/*/main/docs/*.png) ;; *) fail "unexpected screenshot URL $u" ;; esac
    [ -f "docs/${u##*/}" ] || fail "docs/${u##*/} (screenshot of the metainfo) is missing"
    [ "$(head -c 8 "docs/${u##*/}" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "docs/${u##*/} is not a PNG"
  done
}
if ls docs/screenshot-*.png >/dev/null 2>&1; then
  check "metainfo screenshots exist in docs/" screenshots
else
  skipped+=("metainfo screenshots exist in docs/ (no docs/screenshot-*.png committed yet)")
  echo "SKIP  metainfo screenshots exist in docs/ (no docs/screenshot-*.png yet)"
fi

versions() {
  local meson_v metainfo_v core_v
  meson_v=$(sed -n "s/^ *version: '\([^']*\)'.*/\1/p" meson.build | head -1)
  metainfo_v=$(grep -o '<release version="[^"]*"' "$RES/$APP_ID.metainfo.xml" | head -1 | cut -d'"' -f2)
  core_v=$(grep -h -A1 'enum DramatisVersion' Sources/DramatisCore/Model/*.swift | sed -n 's/.*string = "\(.*\)".*/\1/p')
  echo "info: meson $meson_v, metainfo newest release $metainfo_v, DramatisVersion $core_v"
  [ -n "$meson_v" ] && [ "$meson_v" = "$metainfo_v" ] && [ "$meson_v" = "$core_v" ]
}
check "version agrees in meson.build, the newest metainfo release and DramatisVersion" versions

manifest() {
  jq -e . "$APP_ID.json" >/dev/null || fail "not JSON"
  [ "$(jq -r .command "$APP_ID.json")" = dramatis ] || fail "command is not dramatis"
  [ "$(jq -r '.modules[-1].buildsystem' "$APP_ID.json")" = meson ] || fail "last module does not build with meson"
  jq -e '.["sdk-extensions"] | index("org.freedesktop.Sdk.Extension.swift6")' "$APP_ID.json" >/dev/null || fail "no swift6 SDK extension"
  for a in --share=ipc --socket=fallback-x11 --socket=wayland --device=dri --share=network; do
    jq -e --arg a "$a" '.["finish-args"] | index($a)' "$APP_ID.json" >/dev/null || fail "finish-args lack $a"
  done
  # Every git dependency that SwiftPM pins must be a vendored source of the manifest.
  local pinned; pinned=$(jq -r '.modules[-1].sources[] | select(.type == "git") | .commit' "$APP_ID.json")
  if [ -f Package.resolved ]; then
    for rev in $(jq -r '.pins[].state.revision' Package.resolved); do
      grep -qx "$rev" <<<"$pinned" || fail "Package.resolved pins $rev, which the manifest does not vendor"
    done
  fi
  # flatpak-builder parses it offline and warns about unknown properties (run from $TMP: it
  # leaves a .flatpak-builder/ folder in its working directory).
  local out; out=$(cd "$TMP" && flatpak-builder --show-manifest "$ROOT/$APP_ID.json" 2>&1 >/dev/null)
  [ -z "$out" ] || fail "flatpak-builder --show-manifest: $out"
}
check "Flatpak manifest $APP_ID.json: parses (flatpak-builder --show-manifest), meson module, swift6, vendored pins" manifest

# ---- Build dependencies ----------------------------------------------------------------------

missing_libcurl() {
  # meson.build declares every build dependency: on a machine without libcurl's development files
  # (pkg-config cannot see libcurl.pc) `meson setup` must stop at once, naming it, instead of
  # failing at the final link. Every other .pc file stays visible.
  local pc="$TMP/pc-without-libcurl" out="$TMP/meson-nocurl.log"
  mkdir -p "$pc"
  for d in $(pkg-config --variable pc_path pkg-config | tr ':' ' '); do
    [ -d "$d" ] || continue
    for f in "$d"/*.pc; do [ -e "$f" ] && [ "$(basename "$f")" != libcurl.pc ] && ln -sf "$f" "$pc/"; done
  done
  pkg-config --exists libcurl || fail "libcurl.pc is not installed here (scripts/install-deps.sh): nothing to hide"
  ! PKG_CONFIG_LIBDIR="$pc" PKG_CONFIG_PATH= pkg-config --exists libcurl || fail "libcurl.pc still visible"
  if PKG_CONFIG_LIBDIR="$pc" PKG_CONFIG_PATH= meson setup "$TMP/meson-nocurl" >"$out" 2>&1; then
    cat "$out"; fail "meson setup succeeded without libcurl"
  fi
  grep -q 'ERROR: Dependency "libcurl" not found' "$out" || { cat "$out"; fail "meson setup failed, but not naming libcurl"; }
  echo "info: $(grep -m1 'ERROR: Dependency "libcurl"' "$out")"
}
check "meson setup without libcurl's development files stops naming libcurl" missing_libcurl

# ---- Staged install -------------------------------------------------------------------------

STAGE="$TMP/stage"
built=0
meson_build() {
  if [ -f "$BUILD_DIR/build.ninja" ]; then
    meson setup --reconfigure "$BUILD_DIR" --prefix=/usr || return 1
  else
    meson setup "$BUILD_DIR" --prefix=/usr || return 1
  fi
  local start=$SECONDS
  meson compile -C "$BUILD_DIR" 2>&1 | grep -v 'prohibited flag' | tail -n 60
  [ "${PIPESTATUS[0]}" -eq 0 ] || return 1
  echo "info: meson compile: $((SECONDS - start)) s"
  meson install -C "$BUILD_DIR" --destdir "$STAGE" --no-rebuild
}
check "meson setup $BUILD_DIR --prefix=/usr && meson compile && meson install --destdir <tmp>/stage" meson_build
[ -x "$STAGE/usr/bin/dramatis" ] && built=1

installed_files() {
  local p="$1" missing=0
  for f in bin/dramatis \
           "share/applications/$APP_ID.desktop" \
           "share/metainfo/$APP_ID.metainfo.xml" \
           "share/glib-2.0/schemas/$APP_ID.gschema.xml" \
           "share/icons/hicolor/scalable/apps/$APP_ID.svg" \
           "share/icons/hicolor/symbolic/apps/$APP_ID-symbolic.svg" \
           share/dramatis/data/articles/seed.txt \
           share/dramatis/data/articles/seed.meta.json \
           share/dramatis/data/lexicons/stopwords.txt; do
    [ -e "$p/$f" ] || { echo "missing: $f"; missing=1; }
  done
  [ ! -f "$RES/dramatis.css" ] || [ -f "$p/share/dramatis/Resources/dramatis.css" ] || { echo "missing: share/dramatis/Resources/dramatis.css"; missing=1; }
  [ ! -d "$RES/templates" ] || [ -d "$p/share/dramatis/Resources/templates" ] || { echo "missing: share/dramatis/Resources/templates"; missing=1; }
  # Nothing of the build machine leaks into the installed text files.
  if grep -rl "$ROOT" "$p/share" 2>/dev/null; then echo "installed files mention $ROOT"; missing=1; fi
  # The installed desktop file and metainfo are valid as installed (not only in the source tree).
  no_output desktop-file-validate "$p/share/applications/$APP_ID.desktop" || { echo "installed desktop file invalid"; missing=1; }
  appstreamcli validate --no-net --strict --pedantic "$p/share/metainfo/$APP_ID.metainfo.xml" \
    || { echo "installed metainfo invalid"; missing=1; }
  # The installed schema compiles where GLib looks for it.
  glib-compile-schemas --strict "$p/share/glib-2.0/schemas" || missing=1
  GSETTINGS_SCHEMA_DIR="$p/share/glib-2.0/schemas" GSETTINGS_BACKEND=memory \
    gsettings get "$APP_ID" window-width || missing=1
  [ $missing -eq 0 ]
}

# hidden COMMAND…: runs the command from / in a private mount namespace where the source tree is
# an empty tmpfs, so DataDirectory cannot fall back to it (walking up to Package.swift, or the
# compiled-in #filePath).
hidden() {
  local un=(unshare --mount)
  [ "$(id -u)" -eq 0 ] || un=(unshare --mount --map-root-user)
  "${un[@]}" sh -c 'root=$1; shift; mount -t tmpfs tmpfs "$root" && [ ! -e "$root/Package.swift" ] && cd / && exec "$@"' \
    sh "$ROOT" "$@"
}

# run_installed PREFIX: --version and analyze of the installed sample article, source tree hidden.
run_installed() {
  local p="$1" out="$TMP/analysis.json" err="$TMP/analysis.err"
  local v; v=$(hidden "$p/bin/dramatis" --version) || fail "dramatis --version failed: $v"
  echo "info: --version: $v"
  [ "$v" = "dramatis $(sed -n "s/^ *version: '\([^']*\)'.*/\1/p" meson.build | head -1)" ] || fail "unexpected version '$v'"
  hidden "$p/bin/dramatis" analyze "$p/share/dramatis/data/articles/seed.txt" --format json >"$out" 2>"$err" \
    || { cat "$err"; fail "dramatis analyze failed"; }
  if [ -s "$err" ]; then cat "$err"; fail "dramatis analyze wrote to stderr (data not found?)"; fi
  grep -qF '"schema" : "dramatis.analysis/1"' "$out" || fail 'no "schema" : "dramatis.analysis/1" in the output'
  local want got
  want=$(jq -r .title "$p/share/dramatis/data/articles/seed.meta.json")
  got=$(jq -r .article.title "$out") || fail "output is not JSON"
  [ -n "$want" ] && [ "$got" = "$want" ] || fail "title '$got', expected '$want'"
  echo "info: analysis: $(wc -c <"$out") bytes, title '$got', $(jq '.entities | length' "$out") entities"
}

control() {
  # The same binary without its share/ folder must miss the data: proves the checks above can
  # fail, i.e. that the source tree is really hidden and the data came from the installed prefix.
  mkdir -p "$TMP/lonely/bin" && cp "$STAGE/usr/bin/dramatis" "$TMP/lonely/bin/" || return 1
  local err="$TMP/lonely.err" rc=0
  hidden "$TMP/lonely/bin/dramatis" analyze "$STAGE/usr/share/dramatis/data/articles/seed.txt" --format json \
    >/dev/null 2>"$err" || rc=$?
  [ $rc -ne 0 ] || [ -s "$err" ] || fail "a binary without installed data ran cleanly: the source tree is not hidden"
  echo "info: without share/dramatis: exit $rc, $(head -1 "$err")"
}

desktop_launch() {
  # What the desktop does: the installed desktop file's Exec line with a file:// URI for %U. The
  # window (under Xvfb, first frame then exit) must open it and read the installed style sheet
  # and GSettings schema.
  local p="$1" exec
  exec=$(sed -n 's/^Exec=//p' "$p/share/applications/$APP_ID.desktop")
  [ "$exec" = "dramatis %U" ] || fail "Exec=$exec"
  local uri="file://$p/share/dramatis/data/articles/seed.txt" trace="$TMP/gui.trace" out="$TMP/gui.out"
  # The installed schema, compiled as the post-install step of a real install would; the window
  # reads its keys (an unknown key or a wrong type aborts it). Memory backend: no dconf writes.
  glib-compile-schemas --strict "$p/share/glib-2.0/schemas" || fail "installed schema does not compile"
  hidden env DRAMATIS_FIRST_FRAME_EXIT=1 GDK_DEBUG=gl-disable \
    GSETTINGS_SCHEMA_DIR="$p/share/glib-2.0/schemas" GSETTINGS_BACKEND=memory timeout 120 \
    xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
    strace -f -qq -e trace=openat -o "$trace" "$p/bin/dramatis" "$uri" >"$out" 2>"$TMP/gui.err" \
    || { cat "$out" "$TMP/gui.err"; fail "the window exited with an error"; }
  grep -q '^first-frame' "$out" || { cat "$out" "$TMP/gui.err"; fail "no first frame"; }
  grep -q "\"$p/share/dramatis/data/articles/seed.txt\"" "$trace" || fail "the window did not open $uri"
  grep -q "\"$p/share/dramatis/Resources/dramatis.css\"" "$trace" \
    || fail "the window did not read $p/share/dramatis/Resources/dramatis.css"
  grep -q "\"$p/share/glib-2.0/schemas/gschemas.compiled\"" "$trace" \
    || fail "the window did not read the installed GSettings schema"
  echo "info: $(grep '^first-frame' "$out")"
}

static_runtime() {
  # -Dstatic_swift_stdlib=true (the default): the installed binary needs no Swift toolchain.
  if ldd "$STAGE/usr/bin/dramatis" | grep -E 'libswift|libFoundation|libdispatch|not found'; then
    fail "the binary links Swift runtime libraries dynamically"
  fi
}

if [ $built -eq 1 ]; then
  check "installed files under <tmp>/stage/usr (data, Resources, desktop integration)" installed_files "$STAGE/usr"
  check "staged binary links no Swift runtime library (static stdlib)" static_runtime
  check "staged /usr: --version and analyze seed.txt from / with the source tree hidden" run_installed "$STAGE/usr"
  check "control: the binary alone (no share/dramatis) reports missing data" control
  check "desktop Exec line opens a file:// URI in the window (Xvfb), installed CSS, schema and article read" \
    desktop_launch "$STAGE/usr"
  MOVED="$TMP/elsewhere/opt/dramatis-relocated"
  mkdir -p "$(dirname "$MOVED")" && mv "$STAGE/usr" "$MOVED"
  check "relocated prefix ($MOVED): --version and analyze again" run_installed "$MOVED"
else
  for c in "installed files" "static runtime" "staged run" "control" "desktop launch" "relocated run"; do
    failed+=("$c (not run: the meson build failed)"); echo "FAIL  $c (not run: the meson build failed)"
  done
fi

echo
echo "validate.sh: ${#passed[@]} passed, ${#failed[@]} failed, ${#skipped[@]} skipped"
for f in "${failed[@]}"; do echo "  failed: $f"; done
for f in "${skipped[@]}"; do echo "  skipped: $f"; done
[ ${#failed[@]} -eq 0 ]
