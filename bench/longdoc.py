#!/usr/bin/env python3
"""Writes one long document of about N words (whitespace-separated tokens): the evaluation
articles (seed, dev/, polnear-dev/) concatenated as paragraphs, repeated until N words, cut at a
paragraph boundary (the last paragraph is trimmed to hit N exactly).
usage: longdoc.py N OUT [ARTICLE…]"""
import glob
import os
import sys

n, out = int(sys.argv[1]), sys.argv[2]
files = sys.argv[3:]
if not files:
    ev = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "eval")
    files = [os.path.join(ev, "seed.txt")] + sorted(glob.glob(os.path.join(ev, "dev", "*.txt"))) \
        + sorted(glob.glob(os.path.join(ev, "polnear-dev", "*.txt")))
paragraphs = []
for f in files:
    with open(f, encoding="utf-8") as fh:
        paragraphs += [p.strip() for p in fh.read().split("\n\n") if p.strip()]
words = 0
with open(out, "w", encoding="utf-8") as fh:
    fh.write("A long document\n\n")
    words += 3
    while words < n:
        for p in paragraphs:
            w = p.split()
            if words + len(w) >= n:
                w = w[: n - words]
                fh.write(" ".join(w) + "\n")
                words += len(w)
                break
            fh.write(p + "\n\n")
            words += len(w)
print(words)
