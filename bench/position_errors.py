#!/usr/bin/env python3
"""Classify the positions errors of a scored run: each missed gold position and each spurious
prediction gets one kind, with the scorer's own matching rules (../shared/eval/score.py).

    python3 bench/position_errors.py GOLD_DIR PRED_DIR [--list]

Missed gold (actor, topic, stance):
  wrong stance      a prediction has its actor and topic, another stance
  wrong holder      a prediction has its topic (and stance) but another actor
  topic named differently  a prediction of that actor shares a content word of the topic
  not found         nothing of the above
Spurious predictions:
  wrong stance / wrong holder / topic named differently  as above, seen from the prediction
  outlet or journalist     the actor is no gold position holder and looks like a relay
  spurious          the actor holds no gold position or nothing shares a topic word
"""
import json, os, sys
sys.path.insert(0, os.environ.get("SCORE_DIR", os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval")))
import score  # noqa: E402


def classify(gold_dir, pred_dir, listing):
    miss, spur = {}, {}
    examples = []
    for f in sorted(os.listdir(gold_dir)):
        if not f.endswith(".gold.json"):
            continue
        name = f[:-len(".gold.json")]
        notes = score.Notes()
        gold = score.load_gold(os.path.join(gold_dir, f), os.path.join(gold_dir, name + ".txt"), notes)
        pred, _ = score.load_pred(os.path.join(pred_dir, name + ".json"), notes)
        golds, preds = gold.positions, pred.positions
        m = score.max_matching(len(preds), [{i: [j for j, g in enumerate(golds)
            if p["actor"] is not None and p["stance"] == g["stance"] and p["actor"].matches(g["actor"])
            and score.topics_match(p["topic"], g["topic"])] for i, p in enumerate(preds)}])
        used_g = set(m.values())
        def a_ok(p, g): return p["actor"] is not None and p["actor"].matches(g["actor"]) > 0
        def share(a, b): return bool(score.topic_tokens(a) & score.topic_tokens(b))
        for j, g in enumerate(golds):
            if j in used_g:
                continue
            if any(a_ok(p, g) and score.topics_match(p["topic"], g["topic"]) for i, p in enumerate(preds) if i not in m): k = "wrong stance"
            elif any(score.topics_match(p["topic"], g["topic"]) for p in preds): k = "wrong holder"
            elif any(a_ok(p, g) and share(p["topic"], g["topic"]) for p in preds): k = "topic named differently"
            else: k = "not found"
            miss[k] = miss.get(k, 0) + 1
            examples.append((name, "missed", k, "%s %s %s" % (g["actor_name"], g["stance"], g["topic"])))
        for i, p in enumerate(preds):
            if i in m:
                continue
            an = p["actor"].name if p["actor"] else None
            if any(a_ok(p, g) and score.topics_match(p["topic"], g["topic"]) for g in golds): k = "wrong stance"
            elif any(score.topics_match(p["topic"], g["topic"]) for g in golds): k = "wrong holder"
            elif any(a_ok(p, g) and share(p["topic"], g["topic"]) for g in golds): k = "topic named differently"
            elif not any(a_ok(p, g) for g in golds): k = "holder holds no gold position"
            else: k = "spurious topic"
            spur[k] = spur.get(k, 0) + 1
            examples.append((name, "spurious", k, "%s %s %s" % (an, p["stance"], p["topic"])))
    print("| kind | missed gold | spurious predictions |")
    print("| --- | --- | --- |")
    for k in ["wrong stance", "wrong holder", "topic named differently", "not found", "holder holds no gold position", "spurious topic"]:
        print("| %s | %s | %s |" % (k, miss.get(k, "") if k in ("wrong stance", "wrong holder", "topic named differently", "not found") else "",
                                    spur.get(k, "") if k != "not found" else ""))
    print("| total | %d | %d |" % (sum(miss.values()), sum(spur.values())))
    if listing:
        for e in examples:
            print("\t".join(e))


if __name__ == "__main__":
    classify(sys.argv[1], sys.argv[2], "--list" in sys.argv)
