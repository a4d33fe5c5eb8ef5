#!/usr/bin/env python3
"""The Spark job, tested as a user would run it: installs PySpark into
`target/spark-venv` (and a Java runtime where none is found), runs
`wikistruct_spark.py` with `spark-submit --master local[2]` over generated
articles, as JSON Lines and as a multistream dump with its index, and
checks that its documents equal the single-machine ones:

    python3 examples/spark/test_spark.py [--binary target/debug/wikistruct]

Articles are the corpus's (`../shared/corpora/wikitext`) where it is
present, and generated ones in any case, so the test runs on a fresh
machine without `../shared`.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENV = ROOT / "target" / "spark-venv"
PYSPARK = "pyspark==3.5.9"  # runs on Java 8, 11 and 17
CORPUS = ROOT.parent / "shared" / "corpora" / "wikitext"


def log(msg: str) -> None:
    print(f"spark test: {msg}", file=sys.stderr, flush=True)


def ensure_java() -> None:
    if shutil.which("java"):
        return
    log("no Java runtime: installing one from the Debian packages")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    subprocess.run([*sudo, "apt-get", "update", "-qq"], check=True)
    subprocess.run(
        [*sudo, "apt-get", "install", "-y", "-qq", "openjdk-17-jre-headless"], check=True
    )


def ensure_pyspark() -> Path:
    python = VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    probe = subprocess.run([str(python), "-c", "import pyspark"], capture_output=True)
    if probe.returncode != 0:
        log(f"installing {PYSPARK} into {VENV.relative_to(ROOT)}")
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", PYSPARK],
            check=True,
        )
    return VENV / "bin" / "spark-submit"


def generated_articles(n: int) -> list[tuple[str, str]]:
    """Wikitext articles of the shapes real ones have, none alike."""
    out = []
    for i in range(n):
        place = ["Zürich", "Bodmin", "東京", "Lagos", "Ελλάδα"][i % 5] + f" {i}"
        text = (
            f"{{{{Infobox settlement\n| name = {place}\n| population = {1000 + 37 * i}\n}}}}\n"
            f"'''{place}''' is a town.<ref>{{{{cite news |title=News of {place} |date={1 + i % 28} May 2020"
            f" |work=The Times}}}}</ref> In October {1990 + i % 30} the council met; on 23 October"
            f" it spent £{1 + i % 9} million &amp; more.\n\n== History ==\nFounded in {1500 + i}.\n"
        )
        out.append((place, text))
    return out


def articles() -> list[tuple[str, str]]:
    found = []
    if CORPUS.is_dir():
        for p in sorted(CORPUS.iterdir()):
            if p.is_file():
                found.append((p.stem.replace("-", " "), p.read_text(encoding="utf-8")))
    else:
        log(f"{CORPUS} is absent: generated articles only")
    return found + generated_articles(200)


def read_parts(folder: Path) -> list[str]:
    lines = []
    for part in sorted(folder.glob("part-*")):
        lines.extend(l for l in part.read_text(encoding="utf-8").splitlines() if l)
    return lines


def without_name(line: str) -> dict:
    doc = json.loads(line)
    doc["source"].pop("name")
    return doc


def submit(spark_submit: Path, args: list[str], expect: int = 0) -> None:
    env = dict(os.environ, PYSPARK_PYTHON=str(VENV / "bin" / "python"))
    cmd = [
        str(spark_submit),
        "--master",
        "local[2]",
        "--conf",
        "spark.ui.enabled=false",
        str(ROOT / "examples" / "spark" / "wikistruct_spark.py"),
        *args,
    ]
    # Spark's own log is long: shown only when the job fails.
    run = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if run.returncode != expect:
        sys.stderr.write(run.stdout + run.stderr)
        raise SystemExit(f"spark-submit exited {run.returncode}, not {expect}")
    for line in (run.stdout + run.stderr).splitlines():
        if "wikistruct on Spark" in line:
            log(line)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--binary", type=Path, default=ROOT / "target" / "debug" / "wikistruct")
    args = ap.parse_args()
    binary = args.binary.resolve()
    if not binary.exists():
        subprocess.run(["cargo", "build", "--locked", "--quiet"], cwd=ROOT, check=True)
    ensure_java()
    spark_submit = ensure_pyspark()

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        docs = articles()
        jsonl = tmp / "articles.jsonl"
        with open(jsonl, "w", encoding="utf-8") as f:
            for title, text in docs:
                f.write(json.dumps({"title": title, "text": text}, ensure_ascii=False) + "\n")

        # JSON Lines: byte-identical to `extract - --format jsonl`.
        local = subprocess.run(
            [str(binary), "extract", "-", "--format", "jsonl"],
            stdin=open(jsonl, "rb"),
            capture_output=True,
            check=True,
        ).stdout.decode("utf-8").splitlines()
        submit(spark_submit, [str(jsonl), str(tmp / "out-jsonl"), "--binary", str(binary), "--partitions", "5"])
        spark = read_parts(tmp / "out-jsonl")
        assert len(local) == len(docs), (len(local), len(docs))
        if spark != local:
            bad = next(i for i, (a, b) in enumerate(zip(spark + [""] * len(local), local)) if a != b)
            raise SystemExit(f"JSON Lines: document {bad} differs ({len(spark)} from Spark, {len(local)} local)")
        log(f"JSON Lines: {len(spark)} documents, identical to extract's")

        # A line that is no article fails the job (exit 2), not silently.
        bad = tmp / "bad.jsonl"
        bad.write_text(jsonl.read_text(encoding="utf-8").split("\n", 1)[0] + '\n{"title": "x"}\n')
        submit(spark_submit, [str(bad), str(tmp / "out-bad"), "--binary", str(binary)], expect=2)
        log("JSON Lines: a malformed line fails the job")

        # A multistream dump split by its index.
        art_dir = tmp / "articles"
        art_dir.mkdir()
        for k, (title, text) in enumerate(docs):
            (art_dir / f"{k:04d}-{title.replace(' ', '-').replace('/', '-')}.txt").write_text(text, encoding="utf-8")
        prefix = tmp / "gen"
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "make_dump.py"), str(prefix), str(art_dir), "--pages", str(len(docs))],
            check=True,
        )
        dump = f"{prefix}-multistream.xml.bz2"
        index = f"{prefix}-multistream-index.txt.bz2"
        local = subprocess.run(
            [str(binary), "dump", dump, "--index", index, "--out", "-", "--quiet"],
            capture_output=True,
            check=True,
        ).stdout.decode("utf-8").splitlines()
        submit(
            spark_submit,
            ["--dump", dump, "--index", index, str(tmp / "out-dump"), "--binary", str(binary), "--partitions", "3"],
        )
        spark = read_parts(tmp / "out-dump")
        if [without_name(l) for l in spark] != [without_name(l) for l in local]:
            raise SystemExit(f"dump: documents differ ({len(spark)} from Spark, {len(local)} local)")
        # `dump` skips redirects (the corpus holds one); the rest is there.
        pages = sum(1 for _, t in docs if not t.lstrip().upper().startswith("#REDIRECT"))
        assert len(spark) == pages, (len(spark), pages)
        log(f"dump: {len(spark)} documents, equal to dump's")
    return 0


if __name__ == "__main__":
    sys.exit(main())
