#!/usr/bin/python3
"""Startup of the window: time from process start to the first frame with the sample article
analysed and shown, and resident memory then; beside an empty AdwApplicationWindow measured the
same way (`dramatis --empty-window`), and beside the same article opened as a saved analysis (JSON), which
shows what the window costs without the analysis. CPU is the process's user + system time up to
the first frame (all threads), which a busy machine disturbs less than wall time. Median of N runs each, interleaved. Run inside Xvfb
(bench/window.sh does that).

Renderers (RENDERERS selects them):
  default  nothing set: the empty window gets GTK's default (GL, on llvmpipe without a GPU);
           Dramatis makes its own choice (cairo without GL when the machine has no GPU render
           node, see SoftwareRendering in DramatisApplication.swift)
  gl       GSK_RENDERER=gl for both: the same renderer, GL
  nogl     GDK_DEBUG=gl-disable GSK_RENDERER=cairo for both: the same renderer, cairo, GL never set up
  cairo    GSK_RENDERER=cairo for both (GL still set up at start)

usage: window.py BINARY ARTICLE [RUNS]
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

BINARY, ARTICLE = sys.argv[1], sys.argv[2]
RUNS = int(sys.argv[3]) if len(sys.argv) > 3 else 5
RENDERERS = os.environ.get("RENDERERS", "default gl nogl").split()
BENCH_LIBRARY = os.path.join(tempfile.mkdtemp(prefix="dramatis-bench-"), "library.sqlite")


def measure(args, renderer):
    # A library of its own: a benchmark must not add the sample to the user's library.
    env = dict(os.environ, DRAMATIS_NON_UNIQUE="1", DRAMATIS_LIBRARY=BENCH_LIBRARY)
    env.pop("GSK_RENDERER", None)
    env.pop("GDK_DEBUG", None)
    if renderer == "nogl":
        env["GDK_DEBUG"] = "gl-disable"
        env["GSK_RENDERER"] = "cairo"
    elif renderer != "default":
        env["GSK_RENDERER"] = renderer
    start = time.monotonic()  # CLOCK_MONOTONIC, the clock the app prints
    out = subprocess.run([BINARY, *args, "--first-frame-exit"], env=env, capture_output=True,
                         text=True, timeout=120)
    for line in out.stdout.splitlines():
        if line.startswith("first-frame "):
            fields = dict(f.split("=") for f in line.split()[1:])
            return ((float(fields["monotonic"]) - start) * 1000, int(fields["rss-kb"]) / 1024,
                    float(fields.get("cpu-ms", "nan")))
    raise SystemExit(f"no first-frame line from {args} (status {out.returncode}):\n{out.stderr[-2000:]}")


# The same article as a saved analysis: what the window costs without the analysis.
SAVED = os.path.join(tempfile.mkdtemp(prefix="dramatis-bench-"), "sample.json")
with open(SAVED, "wb") as f:
    f.write(subprocess.run([BINARY, "analyze", ARTICLE, "--format", "json"], check=True,
                           capture_output=True).stdout)

print(f"{'renderer':<9} {'window':<30} {'first frame (ms)':>17} {'min–max':>13} {'RSS (MB)':>9} {'CPU (ms)':>9}")
for renderer in RENDERERS:
    results = {"app": [], "empty": [], "saved": []}
    measure(["--empty-window"], renderer)  # warm the page cache once
    for _ in range(RUNS):
        results["empty"].append(measure(["--empty-window"], renderer))
        results["app"].append(measure([ARTICLE], renderer))
        results["saved"].append(measure([SAVED], renderer))
    medians = {}
    for key, label in [("empty", "empty AdwApplicationWindow"), ("app", "Dramatis, sample analysed"),
                       ("saved", "Dramatis, saved analysis")]:
        ms = [r[0] for r in results[key]]
        rss = [r[1] for r in results[key]]
        cpu = [r[2] for r in results[key]]
        medians[key] = (statistics.median(ms), statistics.median(rss))
        print(f"{renderer:<9} {label:<30} {statistics.median(ms):>17.0f} {min(ms):>6.0f}–{max(ms):<6.0f} "
              f"{statistics.median(rss):>9.1f} {statistics.median(cpu):>9.0f}")
    (app_ms, app_rss), (empty_ms, empty_rss) = medians["app"], medians["empty"]
    print(f"{renderer:<9} {'→ sample vs empty window':<30} {app_ms / empty_ms:>16.2f}× {'':>13} {app_rss - empty_rss:>+9.1f}")
