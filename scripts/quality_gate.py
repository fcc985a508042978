#!/usr/bin/env python3
"""Quality gate: run the evaluation harness on the dev corpus and fail when a
score falls below the minimums in .ci/quality-gate.json.

    python3 scripts/quality_gate.py [--shared ../shared] [--bin target/release/copyedit]

For each typography mode in the thresholds file (asis, curly) the harness is
run once; every listed error type must reach its minimum recall and precision
(in percent), and the stability run (clean text in) must stay at or below the
maximum changes per 1,000 words. Later work raises the minimums, never lowers
them. Exit 0 when all pass, 1 otherwise.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "copyedit"))
    ap.add_argument("--gate", default=os.path.join(ROOT, ".ci", "quality-gate.json"))
    a = ap.parse_args()
    evaluate = os.path.join(a.shared, "eval", "evaluate.py")
    if not os.path.exists(evaluate):
        sys.exit(f"quality gate: harness not found at {evaluate}")
    gate = json.load(open(a.gate))
    failures = 0
    checks = 0
    for mode, spec in gate.items():
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "results.json")
            cmd = [sys.executable, evaluate, "--cmd", f"{a.bin} fix", "--typography", mode,
                   "--jobs", str(os.cpu_count() or 2), "--json", out]
            p = subprocess.run(cmd, cwd=tmp, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            print(f"--- harness, typography {mode}")
            print(p.stdout.rstrip())
            if p.returncode != 0:
                print(f"FAIL harness exited {p.returncode}")
                failures += 1
                continue
            res = json.load(open(out))
        per_type = res["metrics"]["per_type"]
        for typ, (min_recall, min_precision) in spec["types"].items():
            m = per_type[typ]
            recall = 100 * m["recall"]
            precision = 100 * m["precision"] if m["edits"] else 100.0
            ok = recall >= min_recall and precision >= min_precision
            checks += 1
            failures += not ok
            print(f"{'ok  ' if ok else 'FAIL'} {mode:5} {typ:22} recall {recall:6.2f} >= {min_recall:6.2f}"
                  f"   precision {precision:6.2f} >= {min_precision:6.2f}")
        stab = res["stability"]["changes_per_1k_words"]
        ok = stab <= spec["stability_max"]
        checks += 1
        failures += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {mode:5} stability {stab:.3f} <= {spec['stability_max']} changes/1k words")
        for run, info in res["runs"].items():
            checks += 1
            if info["failures"]:
                print(f"FAIL {mode}: the cleaner failed on {info['failures']} {run} articles: {info['failure_examples'][:3]}")
                failures += 1
    print(f"quality: {checks - failures} passed, {failures} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
