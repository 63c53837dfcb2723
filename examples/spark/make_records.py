"""Writes N JSON Lines records for the Spark test from a folder of articles (NAME.txt), cycling
through them, with a few bad records among them; prints the ids of the bad ones as JSON and,
on a second line, the words of the good records' texts."""
import json
import sys
from pathlib import Path


def main():
    folder, count, out = Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    if not texts:
        sys.exit(f"make_records.py: no .txt articles in {folder}")
    # Bad records, each of a different kind, spread through the input.
    bad = {
        17: lambda i: json.dumps({"id": i, "url": "https://example.org/no-text"}),            # no text
        101: lambda i: '{"id": %d, "text": "an unterminated string' % i,                     # invalid JSON
        333: lambda i: json.dumps({"id": i, "text": "\u0000\u0001ELF\u0000\u0000\u0002\u0003"}),  # binary
        500: lambda i: json.dumps({"id": i, "text": 12345}),                                  # text not a string
        777: lambda i: json.dumps({"id": i, "text": "a", "html": "<p>a</p>"}),               # both
        901: lambda i: json.dumps({"id": i, "text": "Text.", "published": "yesterday"}),      # bad date
    }
    words = 0
    with out.open("w", encoding="utf-8") as f:
        for i in range(count):
            if i in bad:
                f.write(bad[i](i) + "\n")
            elif i % 50 == 7:  # some HTML records
                words += len(texts[i % len(texts)].split())
                body = "".join(f"<p>{p}</p>" for p in texts[i % len(texts)].split("\n\n"))
                f.write(json.dumps({"id": i, "html": f"<html><body><article>{body}</article></body></html>",
                                    "url": f"https://example.org/{i}"}) + "\n")
            else:
                words += len(texts[i % len(texts)].split())
                f.write(json.dumps({"id": i, "text": texts[i % len(texts)], "published": "2016-01-15"}) + "\n")
    print(json.dumps(sorted(bad)))
    print(words)


if __name__ == "__main__":
    main()
