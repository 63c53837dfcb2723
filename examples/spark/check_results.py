"""Checks the Spark output: every record id back exactly once, the bad ones as error lines."""
import glob
import json
import re
import sys


def main():
    records, output, bad = sys.argv[1], sys.argv[2], set(json.loads(sys.argv[3]))
    # Every record starts with its id (make_records.py), the invalid-JSON ones too.
    ids = [int(re.match(r'\{"id": (\d+)', line).group(1)) for line in open(records, encoding="utf-8")]
    seen, errors, failures = {}, set(), []
    for path in sorted(glob.glob(f"{output}/part-*")):
        for line in open(path, encoding="utf-8"):
            doc = json.loads(line)
            seen[doc["id"]] = seen.get(doc["id"], 0) + 1
            if "error" in doc:
                errors.add(doc["id"])
            elif doc.get("schema") != "dramatis.analysis/1" or not doc.get("entities"):
                failures.append(f"record {doc['id']}: not an analysis with entities")
    missing = [i for i in ids if i not in seen]
    twice = [i for i, n in seen.items() if n > 1]
    unknown = [i for i in seen if i not in set(ids)]
    if missing: failures.append(f"{len(missing)} records missing, e.g. {missing[:5]}")
    if twice: failures.append(f"{len(twice)} records came back more than once, e.g. {twice[:5]}")
    if unknown: failures.append(f"{len(unknown)} results for ids that were not sent, e.g. {unknown[:5]}")
    if errors != bad: failures.append(f"error lines for {sorted(errors)}, expected {sorted(bad)}")
    for f in failures:
        print("FAIL:", f)
    print(f"{len(ids)} records, {sum(seen.values())} result lines, {len(errors)} error lines")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
