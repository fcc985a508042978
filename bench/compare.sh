#!/usr/bin/env bash
# Measure copyedit against ftfy and sacremoses on the same JSONL input, in one run.
#
#   bash bench/compare.sh [MB]          (default 32 MB of article text)
#   PGO=1 bash bench/compare.sh [MB]    (also the build of scripts/build-pgo.sh)
#
# The input is made at run time from clean news articles dirtied by the
# evaluation harness's corrupt.py (COPYEDIT_CORPUS and COPYEDIT_EVAL name
# their folders; by default ../shared/corpus/dev and ../shared/eval beside the
# repository, or /work/shared/...). Nothing from the corpus is written into
# the repository: all files live in a temporary folder that is removed.
# Python tools run one process on one core over the same records' text
# (ftfy.fix_text; sacremoses MosesPunctNormalizer.normalize), so all three
# tools read the same bytes; copyedit runs in JSONL mode with all default rules.
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${1:-32}
find_dir() { for d in "$@"; do [ -d "$d" ] && { echo "$d"; return; }; done; return 1; }
CORPUS=${COPYEDIT_CORPUS:-$(find_dir ../shared/corpus/dev /work/shared/corpus/dev)} || { echo "no corpus: set COPYEDIT_CORPUS" >&2; exit 2; }
EVAL=${COPYEDIT_EVAL:-$(find_dir ../shared/eval /work/shared/eval)} || { echo "no eval harness: set COPYEDIT_EVAL" >&2; exit 2; }

VENV=target/bench-venv
if ! "$VENV/bin/python" -c 'import ftfy, sacremoses' 2>/dev/null; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q ftfy sacremoses
fi
cargo build --release --quiet --bin copyedit
BIN=target/release/copyedit
PGO_BIN=""
if [ "${PGO:-0}" = 1 ]; then
    PGO_BIN=$(bash scripts/build-pgo.sh | tail -1)
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 "$EVAL/corrupt.py" --in "$CORPUS" --out "$WORK/dirty" --seed 1 > /dev/null
python3 bench/make_jsonl.py --articles "$WORK/dirty/dirty" --out "$WORK/in.jsonl" --mb "$MB"
TEXT_BYTES=$("$VENV/bin/python" -c '
import json, sys
print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1], encoding="utf-8")))' "$WORK/in.jsonl")

# Seconds of wall time of one run of a command.
wall() {
    local s e
    s=$(date +%s.%N); "$@" > /dev/null; e=$(date +%s.%N)
    echo "$e - $s" | bc -l
}

# The copyedit configurations, each "name|binary|threads" (threads empty:
# all cores), run in turn for ROUNDS rounds so that a busy spell of the
# neighbours on a shared machine falls on all of them alike, not on one;
# each keeps its best time.
ROUNDS=3
declare -A BEST
run_rounds() {
    for _ in $(seq "$ROUNDS"); do
        for conf in "$@"; do
            IFS='|' read -r name bin threads <<< "$conf"
            local args=(fix --jsonl --quiet)
            [ -n "$threads" ] && args+=(--threads "$threads")
            local t
            t=$(wall "$bin" "${args[@]}" "$WORK/in.jsonl")
            if [ -z "${BEST[$name]:-}" ] || (( $(echo "$t < ${BEST[$name]}" | bc -l) )); then
                BEST[$name]=$t
            fi
        done
    done
}

py_tool() {
    "$VENV/bin/python" - "$1" "$WORK/in.jsonl" <<'PY'
import json, sys, time
tool, path = sys.argv[1], sys.argv[2]
texts = [json.loads(l)["text"] for l in open(path, encoding="utf-8")]
if tool == "ftfy":
    import ftfy
    fix = ftfy.fix_text
else:
    from sacremoses import MosesPunctNormalizer
    fix = MosesPunctNormalizer(lang="en").normalize
t = time.perf_counter()
for s in texts:
    fix(s)
print(time.perf_counter() - t)
PY
}

echo "input: $(wc -l < "$WORK/in.jsonl") records, $(echo "scale=1; $TEXT_BYTES / 1000000" | bc) MB of article text"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
T_FTFY=$(py_tool ftfy)
T_MOSES=$(py_tool sacremoses)
CONFS=("c1|$BIN|1" "c2|$BIN|2" "cn|$BIN|")
if [ -n "$PGO_BIN" ]; then
    if ! cmp -s <("$BIN" fix --jsonl --quiet "$WORK/in.jsonl") <("$PGO_BIN" fix --jsonl --quiet "$WORK/in.jsonl"); then
        echo "the PGO build's output differs from the release build's" >&2
        exit 1
    fi
    CONFS+=("p1|$PGO_BIN|1" "p2|$PGO_BIN|2")
fi
run_rounds "${CONFS[@]}"
T_C1=${BEST[c1]}; T_C2=${BEST[c2]}
ROWS=("ftfy (1 core)|$T_FTFY" "sacremoses (1 core)|$T_MOSES"
      "copyedit --threads 1|$T_C1" "copyedit --threads 2|$T_C2" "copyedit (all cores)|${BEST[cn]}")
if [ -n "$PGO_BIN" ]; then
    T_P1=${BEST[p1]}; T_P2=${BEST[p2]}
    ROWS+=("copyedit PGO --threads 1|$T_P1" "copyedit PGO --threads 2|$T_P2")
fi
rate() { echo "scale=2; $TEXT_BYTES / 1000000 / $1" | bc -l; }
R_FTFY=$(rate "$T_FTFY")
printf '%-28s %10s %10s %12s\n' tool seconds "MB/s" "x ftfy"
for row in "${ROWS[@]}"; do
    name=${row%%|*}; t=${row##*|}; r=$(rate "$t")
    printf '%-28s %10.2f %10.1f %12.1f\n' "$name" "$t" "$r" "$(echo "$r / $R_FTFY" | bc -l)"
done
printf 'copyedit 2 threads / 1 thread: %.2fx\n' "$(echo "$T_C1 / $T_C2" | bc -l)"
if [ -n "$PGO_BIN" ]; then
    printf 'copyedit PGO 2 threads / 1 thread: %.2fx\n' "$(echo "$T_P1 / $T_P2" | bc -l)"
fi
