#!/usr/bin/env bash
# Build copyedit with profile-guided optimisation (PGO) for bulk runs.
#
#   bash scripts/build-pgo.sh [TRAINING...]
#
# TRAINING: text files, folders of text files, or .jsonl files with a "text"
# field, ideally a sample of the corpus to be cleaned; by default the
# bundled samples/. The script builds an instrumented binary, runs it over
# the training text (as files and as JSON Lines), merges the profile with
# llvm-profdata (the toolchain's llvm-tools component, installed with rustup
# if missing) and builds target/pgo/release/copyedit with it. The result
# writes the same output as the plain release build, with fewer and
# better-placed instructions: see docs/performance.md for the measurement.
set -euo pipefail
cd "$(dirname "$0")/.."

SYSROOT=$(rustc --print sysroot)
HOST=$(rustc -vV | sed -n 's/^host: //p')
PROFDATA=$SYSROOT/lib/rustlib/$HOST/bin/llvm-profdata
if [ ! -x "$PROFDATA" ]; then
    echo "build-pgo: installing the llvm-tools component for llvm-profdata" >&2
    rustup component add llvm-tools >&2
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# The instrumented build writes its counts under a fixed path, so that it is
# rebuilt only when the code changes (RUSTFLAGS is part of cargo's
# fingerprint).
RAW=$PWD/target/pgo-gen/profiles
if [ $# -eq 0 ]; then
    set -- samples/*.txt
fi

echo "build-pgo: instrumented build (target/pgo-gen)" >&2
RUSTFLAGS="-Cprofile-generate=$RAW" \
    cargo build --release --quiet --bin copyedit --target-dir target/pgo-gen
GEN=target/pgo-gen/release/copyedit
# Build scripts and proc macros built by that build ran instrumented too
# (the lexicon's table layout among them); their counts would make the
# code the training runs look colder than it is, so only the training's
# own counts are kept.
rm -rf "$RAW"

# The training runs: every text file alone (the per-file path) and all of
# them as one JSON Lines stream (the bulk path), every .jsonl file as is.
TEXTS=()
for t in "$@"; do
    if [ -d "$t" ]; then
        while IFS= read -r -d '' f; do TEXTS+=("$f"); done < <(find "$t" -type f -name '*.txt' -print0)
    elif [[ "$t" == *.jsonl ]]; then
        "$GEN" fix --jsonl --quiet --on-error skip "$t" > /dev/null
    else
        TEXTS+=("$t")
    fi
done
if [ ${#TEXTS[@]} -gt 0 ]; then
    for f in "${TEXTS[@]}"; do
        "$GEN" fix "$f" > /dev/null
    done
    python3 - "$WORK/train.jsonl" "${TEXTS[@]}" <<'PY'
import json, sys
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8", errors="replace") as f:
            out.write(json.dumps({"text": f.read()}) + "\n")
PY
    for _ in $(seq 20); do
        "$GEN" fix --jsonl --quiet --threads 1 "$WORK/train.jsonl" > /dev/null
    done
fi

"$PROFDATA" merge -o "$WORK/copyedit.profdata" "$RAW"
# The profile's path is new on every run, so cargo cannot take a binary
# built with an older profile for up to date.
echo "build-pgo: optimised build (target/pgo)" >&2
RUSTFLAGS="-Cprofile-use=$WORK/copyedit.profdata" \
    cargo build --release --quiet --bin copyedit --target-dir target/pgo
echo target/pgo/release/copyedit
