#!/usr/bin/env python3
"""Prints the side-by-side accuracy table from the score.py --json files bench/accuracy.sh writes.
usage: accuracy_table.py DIR   (DIR holds {main,polnear}-{dramatis,peer}.score.json)"""
import json
import os
import sys

d = sys.argv[1]
rows = [("entities overall", ("entities", "overall")),
        ("statements direct", ("statements", "direct")),
        ("statements indirect", ("statements", "indirect")),
        ("statements overall (detection)", ("statements", "overall")),
        ("statements end-to-end", ("statements", "end_to_end")),
        ("attribution accuracy", ("statements", "attribution")),
        ("timeline dates", ("timeline", "dates")),
        ("positions triples", ("positions", "triples"))]


def cell(t, path):
    m = t
    for k in path:
        m = (m or {}).get(k)
    if m is None:
        return "–"
    if "accuracy" in m:
        return "%.3f" % m["accuracy"] if m.get("of") else "–"
    f = lambda x: "–" if x is None else "%.3f" % x
    return "%s / %s / %s" % (f(m.get("precision")), f(m.get("recall")), f(m.get("f1")))


for s, title in (("main", "main set (seed + dev)"), ("polnear", "polnear-dev (statements only)")):
    tot = {p: json.load(open(os.path.join(d, f"{s}-{p}.score.json")))["total"] for p in ("dramatis", "peer")}
    print(f"### {title}\n\n| metric (P / R / F1) | dramatis | peer (spaCy + textacy) |\n| --- | --- | --- |")
    for name, path in rows:
        if s == "polnear" and path[0] in ("timeline", "positions"):
            continue
        print(f"| {name} | {cell(tot['dramatis'], path)} | {cell(tot['peer'], path)} |")
    print()
