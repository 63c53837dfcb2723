#!/usr/bin/env bash
# Scaling check (issue #22): the release CLI (`dramatis analyze FILE --format json`) on generated
# input families (scripts/scaling_inputs.py) at 100 KB, 1 MB and 10 MB. Prints a Markdown table
# (family, CPU seconds at each size, growth of the time per MB from 100 KB to 10 MB, what the
# interactive 2 s budget did at 1 MB) and fails when that growth is over 3× for any family, or
# when a 1 MB input neither finishes nor stops with the time-limit message within the budget.
#   scripts/scaling.sh [family…]            (default: every family)
# Environment: DRAMATIS_BIN (default: a release build in .build-scaling), SCALING_SIZES
# (default "100000 1000000 10000000"), SCALING_TIMEOUT (seconds per run, default 900).
# Times are CPU seconds (user + system: steadier than wall-clock on a machine shared with other
# work) minus the start-up (a one-line article), so lexicon loading does not hide growth at
# 100 KB. The timed runs use --no-size-limit (10 MB is over the interactive million characters)
# and --time-limit 0, so the true time is measured; the budget column is a separate 1 MB run
# with the interactive defaults, wall-clock.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${DRAMATIS_BIN:-}" ]; then
  swift build -c release --product dramatis --scratch-path .build-scaling >/dev/null \
    || { echo "scaling.sh: release build failed" >&2; exit 1; }
  DRAMATIS_BIN=.build-scaling/release/dramatis
fi
export DRAMATIS_DATA_DIR=${DRAMATIS_DATA_DIR:-$PWD/data}
sizes=(${SCALING_SIZES:-100000 1000000 10000000})
timeout_s=${SCALING_TIMEOUT:-900}
budget_s=2
families=("$@")
[ ${#families[@]} -gt 0 ] || mapfile -t families < <(python3 scripts/scaling_inputs.py --list)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# run FILE ARGS…: sets CPU (user + system seconds, ">TIMEOUT" or "exitN") and WALL.
run() {
  local file=$1; shift
  local rc=0
  timeout "$timeout_s" /usr/bin/time -f '%U %S %e' -o "$tmp/time" "$DRAMATIS_BIN" analyze "$file" --format json "$@" \
    >"$tmp/out.json" 2>"$tmp/err" || rc=$?
  WALL=$(tail -n 1 "$tmp/time" 2>/dev/null | awk '{print $3}')
  if [ $rc -eq 124 ]; then CPU=">$timeout_s"; elif [ $rc -ne 0 ]; then CPU="exit$rc"
  else CPU=$(tail -n 1 "$tmp/time" | awk '{print $1 + $2}'); fi
}

echo "Scaling test: start-up." > "$tmp/tiny.txt"
run "$tmp/tiny.txt"; s1=$CPU w1=$WALL
run "$tmp/tiny.txt"
startup=$(awk -v a="$s1" -v b="$CPU" 'BEGIN {print (a < b) ? a : b}')
startup_wall=$(awk -v a="$w1" -v b="$WALL" 'BEGIN {print (a < b) ? a : b}')

header="| family |"; rule="|---|"
for s in "${sizes[@]}"; do header+=" $(numfmt --to=si "$s")B (s) |"; rule+="---:|"; done
header+=" per-MB growth | 1 MB with the 2 s budget |"; rule+="---:|---|"
echo "$header"; echo "$rule"
status=0
for f in "${families[@]}"; do
  ext=txt; [ "$f" = html-nested ] && ext=html
  row="| $f |"; times=(); budget="–"
  for s in "${sizes[@]}"; do
    file="$tmp/$f-$s.$ext"
    python3 scripts/scaling_inputs.py "$f" "$s" "$file"
    run "$file" --no-size-limit --time-limit 0
    if [[ $CPU == exit* ]]; then echo "scaling.sh: $f at $s bytes: $(head -c 300 "$tmp/err")" >&2; status=1; fi
    times+=("$CPU"); row+=" $(printf '%s' "$CPU" | awk '/^[0-9.]+$/ {printf "%.2f", $1; next} {print}') |"
    if [ "$s" -eq 1000000 ]; then
      # The interactive run: it must finish, or stop with the time-limit message, within the
      # budget (plus start-up and a margin for the stage that notices).
      run "$file"
      if [ "$CPU" = exit1 ] && grep -q "time limit" "$tmp/err"; then budget="stopped after ${WALL} s"
      elif [[ $CPU == exit* || $CPU == ">"* ]]; then budget="FAILED ($CPU)"; status=1
      else budget="finished in ${WALL} s"; fi
      if ! awk -v w="$WALL" -v s0="$startup_wall" -v b="$budget_s" 'BEGIN { exit !(w - s0 <= b + 0.5) }'; then
        budget+=" (over the budget)"; status=1
      fi
      if [ "$(wc -l < "$tmp/err")" -gt 1 ] || { [ -s "$tmp/err" ] && [ -s "$tmp/out.json" ]; }; then
        budget+=" (not a one-line message without output)"; status=1
      fi
    fi
    rm -f "$file"
  done
  first=${times[0]} last=${times[${#times[@]}-1]}
  ratio=$(awk -v a="$first" -v b="$last" -v sa="${sizes[0]}" -v sb="${sizes[${#sizes[@]}-1]}" -v s0="$startup" 'BEGIN {
    if (a !~ /^[0-9.]+$/ || b !~ /^[0-9.]+$/) { print "n/a"; exit }
    # Floor the small time at 10 ms above start-up so timer noise cannot make the ratio explode.
    pa = (a - s0 > 0.01 ? a - s0 : 0.01) / sa; pb = (b - s0 > 0.01 ? b - s0 : 0.01) / sb
    printf "%.2f", pb / pa }')
  row+=" ${ratio}× | $budget |"
  echo "$row"
  if [ "$ratio" = n/a ] || awk -v r="$ratio" 'BEGIN { exit !(r > 3) }'; then status=1; fi
done
echo
echo "CPU seconds; start-up (one-line article): ${startup} s CPU, ${startup_wall} s wall. Growth = ((t(10 MB) − start-up)/10 MB) ÷ ((t(100 KB) − start-up)/100 KB)."
[ $status -eq 0 ] || echo "scaling.sh: FAILED (growth over 3×, a run that did not finish, or the 1 MB budget not held)" >&2
exit $status
