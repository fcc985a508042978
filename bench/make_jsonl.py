#!/usr/bin/env python3
"""Write a JSONL benchmark input: dirty news articles, one record per article.

The articles come from a folder of dirty .txt files (e.g. the output of the
evaluation harness's corrupt.py); they are repeated, in a fixed shuffled
order, until the file reaches --mb megabytes of article text. Each record
carries a few other fields, so the benchmark also pays for skipping them.
"""
import argparse
import json
import pathlib
import random


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", required=True, help="folder of .txt articles")
    ap.add_argument("--out", required=True, help="JSONL file to write")
    ap.add_argument("--mb", type=float, default=64, help="megabytes of article text")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    files = sorted(pathlib.Path(a.articles).glob("*.txt"))
    if not files:
        raise SystemExit(f"no .txt files in {a.articles}")
    texts = [(f.stem, f.read_text(encoding="utf-8")) for f in files]
    rng = random.Random(a.seed)
    target = int(a.mb * 1e6)
    written = 0
    n = 0
    with open(a.out, "w", encoding="utf-8") as out:
        while written < target:
            rng.shuffle(texts)
            for name, text in texts:
                rec = {"id": n, "url": f"https://news.example.com/{name}", "lang": "en", "text": text}
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                written += len(text.encode("utf-8"))
                n += 1
                if written >= target:
                    break
    print(f"{n} records, {written / 1e6:.1f} MB of text -> {a.out}")


if __name__ == "__main__":
    main()
