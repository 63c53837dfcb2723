#!/bin/sh
# Builds the libFuzzer targets (Fuzz/Targets/*.swift) into .build-fuzz/: the core is compiled once
# with -sanitize=fuzzer,address (coverage instrumentation + AddressSanitizer), then each target file
# is linked against it. Needs only the Swift toolchain (its clang runtime ships libFuzzer) and
# libxml2-dev. Normal `swift build` / `swift test` never see this folder.
#   Fuzz/build.sh [target…]      (default: every target)
set -eu
cd "$(dirname "$0")/.."
OUT=.build-fuzz
mkdir -p "$OUT/obj"
SAN=-sanitize=fuzzer,address
INC="-I Sources/CLibXML2 -Xcc -I/usr/include/libxml2"
filter() { grep -v "warning: Cannot export local symbol" >&2 || true; }

targets=${*:-$(cd Fuzz/Targets && ls *.swift | sed 's/\.swift$//')}
core_sources=$(find Sources/DramatisCore -name '*.swift' | sort)

# Rebuild the core only when one of its sources is newer than the object.
stale=0
[ -f "$OUT/obj/DramatisCore.o" ] || stale=1
if [ $stale = 0 ] && [ -n "$(find Sources/DramatisCore -name '*.swift' -newer "$OUT/obj/DramatisCore.o")" ]; then stale=1; fi
if [ $stale = 1 ]; then
    echo "fuzz: compiling DramatisCore (instrumented, -O)…" >&2
    # shellcheck disable=SC2086
    swiftc -O -wmo -parse-as-library -module-name DramatisCore -enable-testing $SAN $INC \
        -suppress-warnings -emit-module -emit-module-path "$OUT/obj/DramatisCore.swiftmodule" \
        -c $core_sources -o "$OUT/obj/DramatisCore.o" 2>&1 | filter
    [ -f "$OUT/obj/DramatisCore.o" ]
fi
for t in $targets; do
    echo "fuzz: linking $t" >&2
    # shellcheck disable=SC2086
    swiftc -O -parse-as-library -module-name "Fuzz_$t" $SAN $INC -I "$OUT/obj" \
        -suppress-warnings "Fuzz/Targets/$t.swift" "$OUT/obj/DramatisCore.o" -lxml2 -o "$OUT/$t" 2>&1 | filter
    [ -x "$OUT/$t" ]
done
