"""Analyse news articles on Apache Spark: an RDD of JSON Lines records piped through
`dramatis analyze --stdin --format jsonl` (RDD.pipe), the results written as JSON Lines and,
with --parquet, as a Parquet table.

A record is {"id", "text" | "html", "published", "url", "title"}; dramatis answers each with one
line, the analysis (dramatis.analysis/1) with the record's id first, or {"id", "line", "error"}.

    python analyze.py records.jsonl out/ --master 'local[2]'
    spark-submit --files /opt/dramatis/bin/dramatis analyze.py hdfs:///news/ hdfs:///news-out/ --dramatis ./dramatis
"""
import argparse
import json
import os
import shlex

from pyspark.sql import SparkSession
from pyspark.sql.types import StringType, StructField, StructType, LongType


# The command each partition runs. A bare file name in $DRAMATIS_BIN (a binary shipped with
# --files, which YARN and Kubernetes put in the executor's working directory) is looked for there
# first, then on PATH.
COMMAND = "sh -c " + shlex.quote('d="$DRAMATIS_BIN"; case "$d" in */*) ;; *) [ -x "./$d" ] && d="./$d";; esac; '
                                 'exec "$d" analyze --stdin --format jsonl')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", help="JSON Lines records: a file or folder any Spark reader takes (local, hdfs://, s3a://)")
    ap.add_argument("output", help="folder for the results as JSON Lines (part files, one line per record)")
    ap.add_argument("--master", help="Spark master, e.g. 'local[2]' (spark-submit sets it otherwise)")
    ap.add_argument("--dramatis", default="dramatis",
                    help="the dramatis binary on the executors: a path, a name on PATH, or the file name of one shipped with --files")
    ap.add_argument("--data-dir", help="DRAMATIS_DATA_DIR on the executors (default: found beside the binary)")
    ap.add_argument("--partitions", type=int, help="partitions to split the records into (default: Spark's parallelism)")
    ap.add_argument("--parquet", help="also write a Parquet table (id, error, line, analysis as JSON text) to this folder")
    args = ap.parse_args()

    builder = SparkSession.builder.appName("dramatis")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext

    records = sc.textFile(args.input)
    partitions = args.partitions or sc.defaultParallelism
    if records.getNumPartitions() != partitions:
        records = records.repartition(partitions)

    # RDD.pipe replaces the environment: pass on PATH and what dramatis reads.
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "DRAMATIS_BIN": args.dramatis}
    if args.data_dir:
        env["DRAMATIS_DATA_DIR"] = args.data_dir
    # checkCode: a dramatis that dies fails the task (Spark retries it) instead of losing records;
    # bad records do not make it die, they come back as error lines.
    results = records.pipe(COMMAND, env=env, checkCode=True)
    results.cache()
    results.saveAsTextFile(args.output)

    if args.parquet:
        def row(line):
            doc = json.loads(line)
            return (json.dumps(doc.get("id")), doc.get("error"), doc.get("line"), None if "error" in doc else line)
        schema = StructType([StructField("id", StringType()), StructField("error", StringType()),
                             StructField("line", LongType()), StructField("analysis", StringType())])
        spark.createDataFrame(results.map(row), schema).write.mode("overwrite").parquet(args.parquet)
    spark.stop()


if __name__ == "__main__":
    main()
