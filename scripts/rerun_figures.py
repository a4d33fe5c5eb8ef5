#!/usr/bin/env python3
"""Figures for the rerun workflow on 1,000 generated articles.

Usage: rerun_figures.py [BINARY]   (default target/release/wikistruct)
Prints the time of a first run, of a rerun with no change, of a rerun after
one article changed, their ratios, and checks that killing a run midway
leaves only complete, valid outputs.
"""

import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time

BIN = sys.argv[1] if len(sys.argv) > 1 else "target/release/wikistruct"
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]


def article(i, rng):
    year = rng.randint(1900, 2024)
    paras = []
    for p in range(rng.randint(5, 15)):
        m = rng.choice(MONTHS)
        paras.append(
            f"In {m} {year + p}, the council of Town{i} met {rng.randint(2, 9)} times. "
            f"On {rng.randint(1, 28)} {m}, it approved US${rng.randint(1, 999)},{rng.randint(100, 999)} "
            f"for roads. Two days later, Town{i} exported ${rng.randint(1, 90)} million of grain to Port{p}."
        )
    body = "\n\n".join(paras)
    return (f"= Town{i} =\n\nInfobox settlement\n- Founded: {year}\n- Budget: €{rng.randint(1, 9)}.5 million ({year})\n\n"
            f"{body}\n\n==History==\nIt grew in the {year // 10 * 10}s.\n\n==See also==\n- Town{i + 1}\n")


def run(args):
    t = time.perf_counter()
    p = subprocess.run([BIN, "extract", *args], capture_output=True, text=True)
    return time.perf_counter() - t, p.stderr.strip().splitlines()[-1] if p.stderr.strip() else ""


def main():
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as d:
        src, out = os.path.join(d, "in"), os.path.join(d, "out")
        os.makedirs(src)
        for i in range(1000):
            with open(os.path.join(src, f"town{i:04}.txt"), "w", encoding="utf-8") as f:
                f.write(article(i, rng))
        size = sum(os.path.getsize(os.path.join(src, n)) for n in os.listdir(src))
        first, s1 = run([src, "--out", out])
        second, s2 = run([src, "--out", out])
        with open(os.path.join(src, "town0500.txt"), "a", encoding="utf-8") as f:
            f.write("\nIn 2025 a bridge opened.\n")
        third, s3 = run([src, "--out", out])
        print(f"1000 articles, {size / 1e6:.1f} MB")
        print(f"first run:        {first:.2f} s   [{s1}]")
        print(f"no-change rerun:  {second:.2f} s   [{s2}]  = {second / first:.3f} of the first")
        print(f"one-change rerun: {third:.2f} s   [{s3}]  = {third / first:.3f} of the first")

        # Kill a forced run midway; every output left must be complete JSON.
        p = subprocess.Popen([BIN, "extract", src, "--out", out, "--force", "--quiet"])
        time.sleep(first / 3)
        p.send_signal(signal.SIGKILL)
        p.wait()
        bad = 0
        temps = 0
        for n in os.listdir(out):
            if ".tmp-" in n:
                temps += 1
                continue
            try:
                json.load(open(os.path.join(out, n), encoding="utf-8"))
            except Exception:
                bad += 1
        print(f"killed mid-run: {bad} corrupt outputs, {temps} temporary files left "
              f"(removed by the next run)")
        after, s4 = run([src, "--out", out])
        leftover = [n for n in os.listdir(out) if ".tmp-" in n]
        print(f"next run: [{s4}], {len(leftover)} temporary files left")
        return 1 if bad or leftover else 0


if __name__ == "__main__":
    sys.exit(main())
