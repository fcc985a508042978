"""Clean the "text" field of a JSONL corpus with copyedit on Ray Data.

    python ray_job.py /path/to/copyedit INPUT OUTPUT [FIELD]

Each batch of lines goes through one copyedit process (one thread: Ray runs
one task per CPU). check=True makes a non-zero exit (a malformed record) fail
the task and the run; the line count is checked too, since the contract is
one line out per line in. preserve_order keeps the output in input order.
"""
import subprocess
import sys

import numpy as np
import ray


def main(binary, inp, out, field="text"):
    cmd = [binary, "fix", "--jsonl", "--field", field, "--threads", "1", "--quiet"]

    def fix_batch(batch):
        lines = batch["text"]
        data = ("\n".join(lines) + "\n").encode("utf-8")
        run = subprocess.run(cmd, input=data, capture_output=True, check=True)
        fixed = run.stdout.decode("utf-8").split("\n")[:-1]
        if len(fixed) != len(lines):
            raise RuntimeError(f"copyedit returned {len(fixed)} lines for {len(lines)}")
        return {"text": np.array(fixed, dtype=object)}

    ray.init()
    ray.data.DataContext.get_current().execution_options.preserve_order = True
    ds = ray.data.read_text(inp).map_batches(fix_batch, batch_size=4096, batch_format="numpy")
    with open(out, "w", encoding="utf-8") as f:
        for row in ds.iter_rows():
            f.write(row["text"] + "\n")
    ray.shutdown()


if __name__ == "__main__":
    main(*sys.argv[1:])
