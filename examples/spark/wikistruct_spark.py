#!/usr/bin/env python3
"""wikistruct on Apache Spark: the executors run the `wikistruct` binary
through `RDD.pipe`, and Spark only moves the text.

Two inputs:

    # JSON Lines of {"title": …, "text": …[, "reference_date": …]}, one
    # article per line (a file, a folder, or a glob; any Hadoop path)
    spark-submit wikistruct_spark.py articles.jsonl out/ --binary ./wikistruct

    # a multistream dump split by its index: each task decodes whole bzip2
    # streams and pipes them, as an export, into `wikistruct dump -`
    spark-submit wikistruct_spark.py --dump enwiki-…-multistream.xml.bz2 \\
        --index enwiki-…-multistream-index.txt.bz2 out/ --binary ./wikistruct

`out/` is written with `saveAsTextFile`: part files holding one document
per line, in input order (part-00000 first). Each document equals what
`wikistruct extract - --format jsonl` (for JSON Lines) or `wikistruct dump`
(for a dump; only `source.name` differs, `-`) gives on one machine.

The job counts what went in and what came out, and exits 2 when an article
gave no document (a malformed line, a page whose text was deleted): the
binary's reasons are in the executors' logs. `--allow-failures` accepts
that.

On a cluster, ship the binary with the job: `spark-submit --files
target/release/wikistruct … --binary ./wikistruct` (Spark places `--files`
in each executor's working directory and marks them executable; build the
binary for the executors' platform). A dump must be on a path every
executor can open (a shared file system); JSON Lines can be anywhere Spark
reads.
"""

from __future__ import annotations

import argparse
import bz2
import shlex
import sys


def parse_args(argv: list[str]) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", nargs="?", help="JSON Lines of {title, text} (not with --dump)")
    ap.add_argument("output", help="output folder (saveAsTextFile)")
    ap.add_argument("--dump", help="a multistream dump (…-multistream.xml.bz2)")
    ap.add_argument("--index", help="its index (…-multistream-index.txt.bz2)")
    ap.add_argument("--binary", default="wikistruct", help="the wikistruct binary as executors see it")
    ap.add_argument("--partitions", type=int, default=0, help="tasks (default: 4 per core)")
    ap.add_argument("--dialect", choices=["plain", "wikitext"], help="force a dialect")
    ap.add_argument("--namespaces", default="0", help="dump namespaces, as for `wikistruct dump`")
    ap.add_argument("--redirects", action="store_true", help="dump: extract redirects too")
    ap.add_argument("--allow-failures", action="store_true", help="exit 0 when articles gave no document")
    args = ap.parse_args(argv)
    if (args.dump is None) == (args.input is None):
        ap.error("give JSON Lines (INPUT OUTPUT) or --dump with --index (OUTPUT)")
    if args.dump is not None and args.index is None:
        ap.error("--dump needs --index: the streams are what is distributed")
    return args


def read_index(path: str) -> list[tuple[int, list[int]]]:
    """The dump's page streams from its index (`offset:id:title` lines):
    (offset, page ids) in dump order."""
    streams: list[tuple[int, list[int]]] = []
    with bz2.open(path, "rt", encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line:
                continue
            offset, page_id, _title = line.split(":", 2)
            try:
                offset_n, id_n = int(offset), int(page_id)
            except ValueError:
                raise SystemExit(f"{path}: line {n}: expected offset:id:title, found {line!r}")
            if streams and streams[-1][0] == offset_n:
                streams[-1][1].append(id_n)
            elif streams and offset_n < streams[-1][0]:
                raise SystemExit(f"{path}: line {n}: offset {offset_n} goes back")
            else:
                streams.append((offset_n, [id_n]))
    return streams


def decode_stream(f, start: int, end: int | None) -> str:
    """The XML of the one bzip2 stream at `start` (it ends where the next
    one begins, or at its own end marker)."""
    f.seek(start)
    raw = f.read(end - start) if end is not None else f.read()
    d = bz2.BZ2Decompressor()
    return d.decompress(raw).decode("utf-8")


def header(dump: str, first: int) -> str:
    """The export's opening (`<mediawiki …>` and its siteinfo): the stream
    before the first page stream."""
    with open(dump, "rb") as f:
        return decode_stream(f, 0, first)


def dump_partition(dump: str, head: str):
    """An executor's part of the dump as one export on the binary's
    standard input: the opening, its streams' pages, the closing tag."""

    def run(ranges):
        yield head.rstrip("\n")
        with open(dump, "rb") as f:
            for start, end in ranges:
                yield decode_stream(f, start, end).rstrip("\n")
        yield "</mediawiki>"

    return run


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    from pyspark import SparkContext

    sc = SparkContext.getOrCreate()
    sc.setLogLevel("WARN")
    partitions = args.partitions or sc.defaultParallelism * 4
    flags = []
    if args.dialect:
        flags += ["--dialect", args.dialect]

    if args.dump is None:
        lines = sc.textFile(args.input, minPartitions=partitions)
        lines = lines.filter(lambda l: l.strip() != "")
        expected = lines.count()
        command = [args.binary, "extract", "-", "--format", "jsonl", *flags]
        docs = lines.pipe(shlex.join(command))
    else:
        streams = read_index(args.index)
        if not streams:
            raise SystemExit(f"{args.index}: no pages")
        head = header(args.dump, streams[0][0])
        ranges = [
            (start, streams[k + 1][0] if k + 1 < len(streams) else None)
            for k, (start, _ids) in enumerate(streams)
        ]
        # Contiguous slices of the streams: partition order is dump order.
        rdd = sc.parallelize(ranges, min(partitions, len(ranges)))
        exports = rdd.mapPartitions(dump_partition(args.dump, head))
        command = [args.binary, "dump", "-", "--out", "-", "--quiet", "--namespaces", args.namespaces]
        if args.redirects:
            command.append("--redirects")
        command += flags
        docs = exports.pipe(shlex.join(command))
        expected = None

    docs.saveAsTextFile(args.output)
    # Counted from what was written: exact even when tasks were retried,
    # and nothing is held in memory meanwhile.
    written = sc.textFile(args.output).count()
    if expected is None:
        print(f"wikistruct on Spark: {written} documents from {len(ranges)} streams", file=sys.stderr)
        sc.stop()
        return 0
    missing = expected - written
    print(f"wikistruct on Spark: {expected} articles in, {written} documents out", file=sys.stderr)
    sc.stop()
    if missing and not args.allow_failures:
        print(f"{missing} articles gave no document (see the executors' logs)", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
