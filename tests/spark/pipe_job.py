"""Clean the "text" field of a JSONL corpus with copyedit on Spark.

    spark-submit --master MASTER --files /path/to/copyedit \
        pipe_job.py INPUT OUTPUT [FIELD]

--files ships the binary to every executor's working directory, where the
command below finds it as ./copyedit. Each task pipes its partition through
one copyedit process (one thread: Spark already runs one task per core).
checkCode=True turns a non-zero exit (a malformed record) into a failed task
and so a failed job; PySpark's default, checkCode=False, would keep the lines
written before the error and silently drop the rest of the partition.
"""
import sys

from pyspark.sql import SparkSession


def main(inp, out, field="text"):
    spark = SparkSession.builder.appName("copyedit").getOrCreate()
    sc = spark.sparkContext
    cmd = f"./copyedit fix --jsonl --field {field} --threads 1 --quiet"
    records = sc.textFile(inp)
    records.pipe(cmd, checkCode=True).saveAsTextFile(out)
    # The executors that took part (the driver is not one of them).
    print(f"executors: {sc._jsc.sc().getExecutorMemoryStatus().size() - 1}")
    spark.stop()


if __name__ == "__main__":
    main(*sys.argv[1:])
