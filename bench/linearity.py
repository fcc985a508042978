#!/usr/bin/env python3
"""Is the cost of fixing a document linear in its length? Counted, not timed.

Runs `copyedit fix` with every rule on, under valgrind's callgrind, on
pathological single-document inputs (the shapes of benches/pathological.rs)
at doubling sizes, and prints instructions per input byte. Instruction counts
do not depend on what else the machine is doing, so the table is the same on
a loaded machine as on an idle one. Linear cost keeps the per-byte figure
flat as the size doubles; a quadratic scan doubles it each step.

    python3 bench/linearity.py [--sizes 65536,131072,262144,524288] [--bin PATH]

The fixed cost of a run (start-up, building the lexicon) is measured on a
one-line document and subtracted.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def fill(unit, n):
    reps = max(1, (n - 10) // len(unit.encode()))
    return "Start " + unit * reps + " end\n"


def nested(n):
    opens, closes = "\u201c([{\u2018\"'", "'\"\u2019}])\u201d"
    k = max(1, n // (len(opens.encode()) + len(closes.encode())))
    return "He said " + opens * k + "word" + closes * k + "\n"


def article_line(n):
    unit = "Word, and more words.Then the talks ended in paris on friday; i said so. "
    return fill(unit, n)


INPUTS = {
    "punctuation-run": lambda n: fill(",.;:!?\u2026-", n),
    "one-word": lambda n: fill("a", n),
    "nested-quotes-brackets": nested,
    "dots": lambda n: fill(".", n),
    "commas": lambda n: fill(",", n),
    "spaces": lambda n: fill(" ", n),
    "newlines": lambda n: fill("\n", n),
    "glued-sentences": lambda n: fill("word.Next,word;", n),
    "comma-list": lambda n: fill("tag,", n),
    "glued-capitals": lambda n: fill("word.AB ", n),
    "quoted-commas": lambda n: fill('"a,"b ', n),
    # Runs just within the prose limit (128 bytes): every mark is judged.
    "glued-runs-of-122": lambda n: fill("ab," * 40 + "ab ", n),
    "fix-every-3-bytes": lambda n: fill("a \u00a0", n),
    "invisible-run": lambda n: fill("\u200b\u00ad\ufeff", n),
    "combining-marks": lambda n: fill("e\u0301\u0308", n),
    "one-line-article": article_line,
}


def instructions(binary, path):
    with tempfile.NamedTemporaryFile(suffix=".cg") as out:
        cmd = [
            "valgrind", "--tool=callgrind", f"--callgrind-out-file={out.name}",
            binary, "fix", "--no-config", "--lang", "en", "--select", ",".join(RULES), path,
        ]
        res = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if res.returncode != 0:
            sys.exit(f"copyedit failed on {path}:\n{res.stderr}")
        m = re.search(r"Collected : (\d+)", res.stderr)
        if not m:
            sys.exit(f"no instruction count from callgrind:\n{res.stderr}")
        return int(m.group(1))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="65536,131072,262144,524288")
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "copyedit"))
    ap.add_argument("--only", help="comma-separated input names")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    if not os.path.exists(args.bin):
        subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "copyedit"], cwd=ROOT, check=True)
    global RULES
    listing = subprocess.run([args.bin, "rules"], capture_output=True, text=True, check=True).stdout
    RULES = [line.split()[0] for line in listing.splitlines() if line.strip()]
    names = args.only.split(",") if args.only else list(INPUTS)
    with tempfile.TemporaryDirectory() as tmp:
        # The smallest input every shape starts from: its cost (start-up,
        # the lexicon built on first use) is paid once per run, not per byte.
        tiny = os.path.join(tmp, "tiny.txt")
        with open(tiny, "w") as f:
            f.write(fill("paris", 0))
        base = instructions(args.bin, tiny)
        print(f"fixed cost: {base:,} instructions (a one-line document)")
        head = "".join(f"{s // 1024:>9}K" for s in sizes)
        print(f"{'input':<24}{head}   growth (last/first)")
        worst = 0.0
        for name in names:
            per_byte = []
            for n in sizes:
                path = os.path.join(tmp, f"{name}-{n}.txt")
                data = INPUTS[name](n).encode()
                with open(path, "wb") as f:
                    f.write(data)
                per_byte.append((instructions(args.bin, path) - base) / len(data))
            growth = per_byte[-1] / per_byte[0] if per_byte[0] > 0 else float("inf")
            worst = max(worst, growth)
            cells = "".join(f"{p:>10.0f}" for p in per_byte)
            print(f"{name:<24}{cells}   {growth:.2f}x", flush=True)
        print(f"instructions per byte; sizes grow {sizes[-1] // sizes[0]}x; worst growth {worst:.2f}x "
              f"(linear stays near 1x, quadratic would be {sizes[-1] // sizes[0]}x)")


RULES = []

if __name__ == "__main__":
    main()
