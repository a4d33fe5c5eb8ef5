#!/usr/bin/env python3
"""`wikistruct dump` end to end, as users run it:

    python3 bench/dump.py [--pages 1000] [--runs 3] [--binary target/release/wikistruct]

Builds dumps with bench/make_dump.py (the corpus articles cycled, with
redirects and talk pages), then times whole processes (median of --runs,
alternating) and prints, for the single-stream `.xml.bz2` and for the
multistream file with its index, with 1 thread and with every core:
wall time, CPU time, MB/s of XML (decompressed) per wall second, and
peak RSS. Also: the share of one thread's CPU time that decoding bzip2
and reading the XML take (`--namespaces 99`: every page decoded and
read, none extracted), the speed-up of N threads over one with the index, and
peak RSS at --pages and at ten times as many (flat memory).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import measure

ROOT = Path(__file__).resolve().parent.parent


def run(cmd: list[str]) -> tuple[float, float, int]:
    """(wall s, CPU s, peak RSS bytes) of one process."""
    wall, cpu, rss, code, err = measure.run(cmd)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} exited {code}: {err[-500:]}")
    return wall, cpu, rss


def make(prefix: Path, pages: int) -> int:
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "make_dump.py"), str(prefix), "--pages", str(pages)],
        check=True,
        stderr=subprocess.DEVNULL,
    )
    return (prefix.parent / f"{prefix.name}.xml").stat().st_size


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--binary", default=str(ROOT / "target" / "release" / "wikistruct"))
    args = ap.parse_args()
    if not (ROOT.parent / "shared" / "corpora" / "wikitext").is_dir():
        raise SystemExit("../shared/corpora/wikitext is absent: nothing to measure")
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "small"
        xml_bytes = make(small, args.pages)
        single = f"{small}.xml.bz2"
        multi = [f"{small}-multistream.xml.bz2", "--index", f"{small}-multistream-index.txt.bz2"]
        b = args.binary
        cases = {
            "bz2, 1 thread": [b, "dump", single, "--out", "-", "--quiet", "--jobs", "1"],
            f"bz2, {cores} threads": [b, "dump", single, "--out", "-", "--quiet", "--jobs", str(cores)],
            "multistream, 1 thread": [b, "dump", *multi, "--out", "-", "--quiet", "--jobs", "1"],
            f"multistream, {cores} threads": [b, "dump", *multi, "--out", "-", "--quiet", "--jobs", str(cores)],
            # Every page read and decoded, none extracted: namespace 99
            # holds none, so this is XML and bzip2 alone.
            "bz2 decode + XML only": [b, "dump", single, "--out", "-", "--quiet", "--jobs", "1", "--namespaces", "99"],
        }
        times: dict[str, list[tuple[float, float, int]]] = {k: [] for k in cases}
        for _ in range(args.runs):
            for name, cmd in cases.items():
                times[name].append(run(cmd))
        med = {k: tuple(statistics.median(r[i] for r in v) for i in range(3)) for k, v in times.items()}

        print(f"{args.pages} articles ({xml_bytes / 1e6:.1f} MB of XML), median of {args.runs} runs, {cores} cores")
        print("| run | wall s | CPU s | MB/s of XML (wall) | peak RSS MB |")
        print("|---|---|---|---|---|")
        for name, (wall, cpu, rss) in med.items():
            print(f"| {name} | {wall:.2f} | {cpu:.2f} | {xml_bytes / 1e6 / wall:.1f} | {rss / 1e6:.0f} |")
        one = med["multistream, 1 thread"]
        many = med[f"multistream, {cores} threads"]
        decode = med["bz2 decode + XML only"]
        print(f"\n{cores} threads over 1 with the index: {one[0] / many[0]:.2f}× (wall)")
        print(
            f"bzip2 decoding and XML reading: {decode[1] / med['bz2, 1 thread'][1]:.0%} "
            "of one thread's CPU time on the single-stream file"
        )

        big = Path(tmp) / "big"
        big_bytes = make(big, args.pages * 10)
        big_multi = [f"{big}-multistream.xml.bz2", "--index", f"{big}-multistream-index.txt.bz2"]
        _, _, rss_small = run([b, "dump", *multi, "--out", "-", "--quiet"])
        wall_big, _, rss_big = run([b, "dump", *big_multi, "--out", "-", "--quiet"])
        wall_big_one, _, _ = run([b, "dump", *big_multi, "--out", "-", "--quiet", "--jobs", "1"])
        _, _, rss_big_single = run([b, "dump", f"{big}.xml.bz2", "--out", "-", "--quiet"])
        print(
            f"{cores} threads over 1 with the index at {big_bytes / 1e6:.0f} MB of XML: "
            f"{wall_big_one / wall_big:.2f}× (wall, one run each; {big_bytes / 1e6 / wall_big:.1f} MB/s)"
        )
        print(
            f"peak RSS, multistream: {rss_small / 1e6:.0f} MB at {xml_bytes / 1e6:.0f} MB of XML, "
            f"{rss_big / 1e6:.0f} MB at {big_bytes / 1e6:.0f} MB ({rss_big / rss_small:.2f}×); "
            f"single stream at {big_bytes / 1e6:.0f} MB: {rss_big_single / 1e6:.0f} MB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
