#!/usr/bin/env python3
"""Write N synthetic JSONL records with scraped-text junk in their "text" field.

Deterministic for a given --seed. The records carry other fields (numbers,
nested objects, escaped strings) that copyedit must pass through untouched.
--bad-line K makes line K (1-based) malformed.
"""
import argparse
import json
import random

WORDS = (
    "the government said on Monday that it would increase spending and of to in a for was "
    "with talks between Moscow Kyiv officials have been expected after summit Paris where "
    "leaders agreed new measures 3,000 troops U.S. President warned market shares rose 2.5% "
    "by 10:30 analysts say growth is likely slow this year company profits café naïve Zürich"
).split()
JUNK = ["  ", "\u00a0", " \u200b", "\u00ad"]


def text(rng):
    paras = []
    for _ in range(rng.randint(1, 4)):
        sents = []
        for _ in range(rng.randint(1, 4)):
            words = [rng.choice(WORDS) for _ in range(rng.randint(4, 18))]
            out = words[0].capitalize()
            for w in words[1:]:
                out += rng.choice(JUNK) if rng.random() < 0.04 else " "
                out += w
            sents.append(out + ".")
        paras.append(" ".join(sents) + ("  " if rng.random() < 0.1 else ""))
    sep = "\n\n" if rng.random() < 0.5 else "\n \n"
    return sep.join(paras) + ("\n\n" if rng.random() < 0.2 else "")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", required=True)
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--bad-line", type=int, default=0)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    with open(a.out, "w", encoding="utf-8") as f:
        for i in range(1, a.records + 1):
            if i == a.bad_line:
                f.write('{"id": %d, "text": "unterminated\n' % i)
                continue
            rec = {"id": i, "meta": {"src": f"feed-{i % 7}", "score": i / 3}, "text": text(rng)}
            f.write(json.dumps(rec, ensure_ascii=rng.random() < 0.5) + "\n")


if __name__ == "__main__":
    main()
