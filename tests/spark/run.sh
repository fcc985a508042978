#!/usr/bin/env bash
# copyedit under Spark: rdd.pipe on a local cluster of two executor JVMs.
#
#   bash tests/spark/run.sh
#
# Creates target/spark-venv with pyspark from PyPI (needs Java 17 on PATH),
# builds the release binary, generates 100k JSONL records, runs
# tests/spark/pipe_job.py (the recipe docs/distributed.md shows) through
# spark-submit on local-cluster[2,1,1024], and checks:
#   1. the job succeeds on two executors,
#   2. the joined output is byte-identical to one copyedit process,
#   3. a malformed record fails the job (checkCode=True), and copyedit's
#      message in the executor log names the record's line.
# Prints "N passed, M failed" and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
VENV=$ROOT/target/spark-venv
RECORDS=${SPARK_TEST_RECORDS:-100000}

if ! "$VENV/bin/python" -c 'import pyspark' 2>/dev/null; then
    python3 -m venv "$VENV" && "$VENV/bin/pip" install -q pyspark || { echo "cannot install pyspark"; exit 2; }
fi
cargo build --release --quiet --bin copyedit || { echo "build failed"; exit 2; }
BIN=$ROOT/target/release/copyedit

WORK=$(mktemp -d "$ROOT/target/spark-test.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export PYSPARK_PYTHON="$VENV/bin/python" PYSPARK_DRIVER_PYTHON="$VENV/bin/python"
MASTER='local-cluster[2,1,1024]'
passed=0
failed=0
check() { # name, then a command that succeeds when the check holds
    local name=$1; shift
    if "$@"; then passed=$((passed + 1)); echo "ok - $name"
    else failed=$((failed + 1)); echo "FAILED - $name"; fi
}
submit() { # input, output dir, log prefix
    (cd "$WORK" && "$VENV/bin/spark-submit" --master "$MASTER" --files "$BIN" \
        "$ROOT/tests/spark/pipe_job.py" "$1" "$2" > "$3.out" 2> "$3.err")
}

"$VENV/bin/python" tests/spark/make_records.py --out "$WORK/in.jsonl" --records "$RECORDS"
"$BIN" fix --jsonl --quiet < "$WORK/in.jsonl" > "$WORK/expected.jsonl"
echo "input: $(wc -l < "$WORK/in.jsonl") records, $(du -h "$WORK/in.jsonl" | cut -f1)"

submit "$WORK/in.jsonl" "$WORK/out" "$WORK/good"
good=$?
check "pipe job succeeds" test "$good" -eq 0
check "job ran on two executors" grep -q '^executors: 2$' "$WORK/good.out"
check "several partitions came back" test "$(ls "$WORK"/out/part-* 2>/dev/null | wc -l)" -ge 2
cat "$WORK"/out/part-* > "$WORK/joined.jsonl" 2>/dev/null
check "joined output is byte-identical to one process" cmp -s "$WORK/joined.jsonl" "$WORK/expected.jsonl"

"$VENV/bin/python" tests/spark/make_records.py --out "$WORK/bad.jsonl" --records 20000 --bad-line 12345
submit "$WORK/bad.jsonl" "$WORK/out-bad" "$WORK/bad"
bad=$?
check "a malformed record fails the job" test "$bad" -ne 0
check "the job error carries copyedit's exit code" grep -q 'exited with error code 2' "$WORK/bad.err"
# copyedit's own message goes to the executor's stderr log, under the local
# cluster's work folder (inside the pyspark package).
SPARK_WORK=$("$VENV/bin/python" -c 'import os, pyspark; print(os.path.join(os.path.dirname(pyspark.__file__), "work"))')
APPS=$(grep -ho 'app-[0-9]*-[0-9]*' "$WORK/good.err" "$WORK/bad.err" | sort -u)
BAD_APP=$(grep -o 'app-[0-9]*-[0-9]*' "$WORK/bad.err" | head -n 1)
check "the executor log names the malformed record's line" \
    grep -qs 'copyedit: error: -:[0-9]*: malformed JSON' "$SPARK_WORK/$BAD_APP"/*/stderr
check "no output is committed for the failed job" test ! -e "$WORK/out-bad/_SUCCESS"

if [ "$failed" -gt 0 ]; then
    echo "--- spark logs (last lines) ---"
    tail -n 30 "$WORK/good.err" "$WORK/bad.err" 2>/dev/null
fi
for app in $APPS; do rm -rf "${SPARK_WORK:?}/$app"; done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
