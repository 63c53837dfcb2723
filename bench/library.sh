#!/usr/bin/env bash
# Benchmarks the library at 10,000 articles: `dramatis library add` throughput (analysis
# included: analysed on every core, one writer, one transaction per article), then an actor
# page and a search at that size. Prints a Markdown table.
# usage: bench/library.sh [N]     (N articles, default 10000)
# The articles are the PolNeAR training texts (../shared/eval/polnear-train), cycled to N; every
# copy after the first gets its own closing line and date, so each is a distinct article.
# Query times are measured inside the process (`--timing`: opening the file excluded); the
# process wall time (start-up included) is printed beside them.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
shared=${DRAMATIS_SHARED:-../shared}
scratch=${DRAMATIS_SCRATCH:-.build-release}
mkdir -p out
swift build -c release --product dramatis --scratch-path "$scratch" > out/bench-library-build.log 2>&1 \
  || { grep -E 'error' out/bench-library-build.log | head; echo "bench/library.sh: release build failed"; exit 1; }
bin="$scratch/release/dramatis"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 - "$shared/eval/polnear-train" "$n" > "$tmp/articles.jsonl" <<'EOF'
import datetime, glob, json, os, sys
folder, n = sys.argv[1], int(sys.argv[2])
texts = sorted(glob.glob(os.path.join(folder, "*.txt")))
if not texts:
    sys.exit("no texts in " + folder)
base = datetime.date(2015, 11, 1)
for i in range(n):
    path = texts[i % len(texts)]
    copy = i // len(texts)
    text = open(path, encoding="utf-8").read()
    if copy:
        text += "\n\nUpdate %d: this article was revised after publication." % copy
    date = base + datetime.timedelta(days=(i * 7) % 700)
    print(json.dumps({"id": "%s#%d" % (os.path.basename(path), copy), "text": text, "published": date.isoformat()}))
EOF
words=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].split()) for l in open(sys.argv[1])))" "$tmp/articles.jsonl")
lib="$tmp/library.sqlite"
start=$(date +%s.%N)
"$bin" library add --library "$lib" "$tmp/articles.jsonl" > "$tmp/add.out"
end=$(date +%s.%N)
cat "$tmp/add.out" >&2
seconds=$(echo "$end - $start" | bc -l)
rate=$(echo "$n / $seconds" | bc -l)
size=$(du -m "$lib" | cut -f1)

# The actor with the most statements: the biggest page.
actor=$(sqlite3 "$lib" "SELECT m.actor_id FROM statement s JOIN mention m ON m.id = s.mention_id GROUP BY m.actor_id ORDER BY COUNT(*) DESC LIMIT 1")
name=$(sqlite3 "$lib" "SELECT name FROM actor WHERE id = $actor")
statements=$(sqlite3 "$lib" "SELECT COUNT(*) FROM statement s JOIN mention m ON m.id = s.mention_id WHERE m.actor_id = $actor")
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
query() { # label, args… → "in-process ms|wall ms" medians of 5 runs
  local inproc=() wall=()
  for _ in 1 2 3 4 5; do
    local s e
    s=$(date +%s%N)
    "$bin" library "$@" --library "$lib" --timing > /dev/null 2> "$tmp/t"
    e=$(date +%s%N)
    inproc+=("$(grep -oE '[0-9.]+ ms' "$tmp/t" | grep -oE '[0-9.]+')")
    wall+=("$(( (e - s) / 1000000 ))")
  done
  echo "$(printf '%s\n' "${inproc[@]}" | median)|$(printf '%s\n' "${wall[@]}" | median)"
}
page=$(query actor "#$actor")
hits=$(sqlite3 "$lib" "SELECT COUNT(*) FROM statement_search WHERE statement_search MATCH 'president said'")
search=$(query search president said)

echo "## Library at $n articles ($(nproc) cores, release build)"
echo
echo "| measure | figure |"
echo "| --- | --- |"
printf '| add %d articles (%d words), analysis included | %.1f s, **%.0f articles/s** |\n' "$n" "$words" "$seconds" "$rate"
echo "| library file | $size MB |"
echo "| actor page: $name, $statements statements (in-process / process wall, median of 5) | **${page%|*} ms** / ${page#*|} ms |"
echo "| search \"president said\" ($hits statement matches, top 50 of each kind) | **${search%|*} ms** / ${search#*|} ms |"
