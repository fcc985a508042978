#!/usr/bin/env bash
# copyedit under Ray Data: map_batches through a subprocess, on a local Ray.
#
#   bash tests/ray/run.sh
#
# Creates target/ray-venv with ray[data] from PyPI, builds the release binary,
# runs tests/ray/ray_job.py (the recipe docs/distributed.md shows) and checks
# that the output is byte-identical to one copyedit process and that a
# malformed record fails the run. Prints "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
VENV=$ROOT/target/ray-venv
RECORDS=${RAY_TEST_RECORDS:-20000}

if ! "$VENV/bin/python" -c 'import ray.data' 2>/dev/null; then
    python3 -m venv "$VENV" && "$VENV/bin/pip" install -q "ray[data]" || { echo "cannot install ray"; exit 2; }
fi
cargo build --release --quiet --bin copyedit || { echo "build failed"; exit 2; }
BIN=$ROOT/target/release/copyedit
WORK=$(mktemp -d "$ROOT/target/ray-test.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
passed=0
failed=0
check() {
    local name=$1; shift
    if "$@"; then passed=$((passed + 1)); echo "ok - $name"
    else failed=$((failed + 1)); echo "FAILED - $name"; fi
}

"$VENV/bin/python" tests/spark/make_records.py --out "$WORK/in.jsonl" --records "$RECORDS"
"$BIN" fix --jsonl --quiet < "$WORK/in.jsonl" > "$WORK/expected.jsonl"
"$VENV/bin/python" tests/ray/ray_job.py "$BIN" "$WORK/in.jsonl" "$WORK/out.jsonl" > "$WORK/good.log" 2>&1
check "ray job succeeds" test $? -eq 0
check "output is byte-identical to one process" cmp -s "$WORK/out.jsonl" "$WORK/expected.jsonl"

"$VENV/bin/python" tests/spark/make_records.py --out "$WORK/bad.jsonl" --records 5000 --bad-line 1234
"$VENV/bin/python" tests/ray/ray_job.py "$BIN" "$WORK/bad.jsonl" "$WORK/out-bad.jsonl" > "$WORK/bad.log" 2>&1
check "a malformed record fails the run" test $? -ne 0
check "the failure names copyedit's exit" grep -q 'returned non-zero exit status 2' "$WORK/bad.log"

if [ "$failed" -gt 0 ]; then tail -n 30 "$WORK/good.log" "$WORK/bad.log"; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
