#!/usr/bin/env bash
# The Spark route end to end: 1,000 records (PolNeAR texts, some as HTML, six bad ones) through
# examples/spark/analyze.py in Spark's local mode at local[1] and local[2]; checks that every
# record came back exactly once and the bad ones as error lines. Installs what it needs: Java
# (Debian's openjdk-17-jre-headless) and pyspark from PyPI into a venv ($SPARK_VENV, default
# .venv-spark in the project, ignored by git). DRAMATIS_BIN: a built binary (default: a release
# build into .build-release). usage: examples/spark/test.sh [RECORDS] [MASTERS...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
count=${1:-1000}; shift || true
masters=("$@"); [ ${#masters[@]} -gt 0 ] || masters=("local[1]" "local[2]")
shared=${DRAMATIS_SHARED:-../shared}
texts=$shared/eval/polnear-train; [ -d "$texts" ] || texts=$shared/eval/polnear-dev

sudo_() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v java > /dev/null; then
  sudo_ apt-get update -qq && sudo_ apt-get install -y -qq openjdk-17-jre-headless > /dev/null
fi
venv=${SPARK_VENV:-$root/.venv-spark}
if ! "$venv/bin/python" -c 'import pyspark' 2> /dev/null; then
  python3 -m venv "$venv" && "$venv/bin/pip" install -q pyspark
fi
bin=${DRAMATIS_BIN:-}
if [ -z "$bin" ]; then
  swift build -c release --product dramatis --scratch-path .build-release > /dev/null
  bin=$root/.build-release/release/dramatis
fi
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
{ read -r bad; read -r words; } < <(python3 "$here/make_records.py" "$texts" "$count" "$tmp/records.jsonl")
echo "$count records ($words words) from $texts; bad records: $bad"
passed=0 failed=0
for master in "${masters[@]}"; do
  out=$tmp/out-${master//[^a-z0-9]/}
  start=$(date +%s.%N)
  if ! "$venv/bin/python" "$here/analyze.py" "$tmp/records.jsonl" "$out" --master "$master" --dramatis "$bin" \
        --parquet "$out.parquet" > "$tmp/spark.log" 2>&1; then
    tail -n 20 "$tmp/spark.log"; echo "FAIL: analyze.py at $master"; failed=$((failed + 1)); continue
  fi
  secs=$(echo "$(date +%s.%N) - $start" | bc)
  if python3 "$here/check_results.py" "$tmp/records.jsonl" "$out" "$bad" \
     && "$venv/bin/python" -c 'import sys; from pyspark.sql import SparkSession
s = SparkSession.builder.master("local[1]").getOrCreate()
n = s.read.parquet(sys.argv[1]).count(); s.stop(); sys.exit(0 if n == int(sys.argv[2]) else f"parquet: {n} rows")' \
        "$out.parquet" "$count" 2> /dev/null; then
    printf '%s: %.1f s whole job (Spark start-up included), %.0f words/s, Parquet table of %d rows: ok\n' \
      "$master" "$secs" "$(echo "$words / $secs" | bc -l)" "$count"
    passed=$((passed + 1))
  else
    echo "FAIL: results at $master"; failed=$((failed + 1))
  fi
done
echo "spark: $passed passed, $failed failed"
[ "$failed" = 0 ]
