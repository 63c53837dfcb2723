#!/usr/bin/env python3
"""Per-page shingle F1 on an article-extraction-benchmark folder (e.g. ../shared/eval/html-dev),
worst first, to see which pages fail and why. Uses the benchmark's own evaluate.py.
usage: bench/html_pages.py DIR OUT_DIR CMD...   (CMD PAGE.html must print dramatis.analysis/1 JSON;
the extracted bodies and the gold bodies are written to OUT_DIR/KEY.pred.txt and KEY.gold.txt)"""
import gzip, json, subprocess, sys, importlib.util, pathlib
from concurrent.futures import ThreadPoolExecutor

bench, out, cmd = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), sys.argv[3:]
out.mkdir(parents=True, exist_ok=True)
spec = importlib.util.spec_from_file_location("aeb_eval", bench / "evaluate.py")
aeb = importlib.util.module_from_spec(spec); spec.loader.exec_module(aeb)
truth = json.load(open(bench / "ground-truth.json"))

def run(key):
    page = out / f"{key}.html"
    page.write_bytes(gzip.decompress((bench / "html" / f"{key}.html.gz").read_bytes()))
    r = subprocess.run(cmd + [str(page)], capture_output=True, timeout=60)
    try:
        body = json.loads(r.stdout)["article"]["text"]
    except Exception:
        body = ""
        (out / f"{key}.err.txt").write_bytes(r.stderr)
    page.unlink()
    return key, body

with ThreadPoolExecutor(2) as pool:
    preds = dict(pool.map(run, truth))
rows = []
for key, body in preds.items():
    gold = truth[key].get("articleBody", "")
    (out / f"{key}.pred.txt").write_text(body)
    (out / f"{key}.gold.txt").write_text(gold)
    tp, fp, fn = aeb.string_shingle_matching(true=gold, pred=body)
    p = aeb.precision_score(tp, fp, fn); r = aeb.recall_score(tp, fp, fn)
    f = 0 if p + r == 0 else 2 * p * r / (p + r)
    rows.append((f, p, r, key, len(gold), len(body)))
for f, p, r, key, lg, lp in sorted(rows):
    print(f"{f:.3f} P={p:.3f} R={r:.3f} gold={lg:6d} pred={lp:6d} {key}")
m = aeb.evaluate(truth, {k: {"articleBody": v} for k, v in preds.items()}, n_bootstrap=2)
print(f"f1={m['f1']:.3f} precision={m['precision']:.3f} recall={m['recall']:.3f} under0.5={sum(r[0] < 0.5 for r in rows)}")
