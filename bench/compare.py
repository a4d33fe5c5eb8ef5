#!/usr/bin/env python3
"""wikistruct against other wikitext parsers, as users run them.

Sets up, in a scratch folder (target/compare/), parse-wiki-text-2 (a Rust
program built against the pinned crate), mwparserfromhell and
wikitextparser (pinned, in a virtual environment) and wtf_wikipedia
(pinned, with npm), all from the package registries; builds the corpus
(the 70 wikitext articles of ../shared/corpora/wikitext copied ten times,
about 16 MB, one file each); then times each tool as a whole process,
single-threaded, runs alternating between tools, and prints the median
CPU time (user + sys) of --runs runs, MB/s per core, the ratio to
parse-wiki-text-2's MB/s and peak RSS.

    python3 bench/compare.py [--runs 5] [--copies 10] [--only wikistruct,pwt2]

Each tool parses every file; the syntax-only parsers build their tree and
count its nodes (so the tree is not optimised away), wikistruct writes its
JSON Lines to /dev/null, and with --out to a folder of files.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

import measure

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRATCH = os.path.join(ROOT, "target", "compare")
CORPUS_SRC = os.path.join(ROOT, "..", "shared", "corpora", "wikitext")

PWT2_VERSION = "=0.2.0"
MWPFH_VERSION = "0.7.2"
WTP_VERSION = "0.56.4"
WTF_VERSION = "10.4.2"

PWT2_MAIN = r"""
use std::io::Read;
fn count(nodes: &[parse_wiki_text_2::Node]) -> usize { nodes.len() }
fn main() {
    let config = parse_wiki_text_2::Configuration::default();
    let mut total = 0usize;
    let mut failed = 0usize;
    let mut text = String::new();
    for dir in std::env::args().skip(1) {
        let mut paths: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
        paths.sort();
        for p in paths {
            text.clear();
            std::fs::File::open(&p).unwrap().read_to_string(&mut text).unwrap();
            match config.parse(&text) {
                Ok(out) => total += count(&out.nodes) + out.warnings.len(),
                Err(_) => failed += 1,
            }
        }
    }
    println!("{total} nodes, {failed} timed out");
}
"""

PY_MWPFH = r"""
import os, sys, mwparserfromhell
n = 0
for d in sys.argv[1:]:
    for name in sorted(os.listdir(d)):
        with open(os.path.join(d, name), encoding="utf-8") as f:
            n += len(mwparserfromhell.parse(f.read()).nodes)
print(n, "nodes")
"""

PY_WTP = r"""
import os, sys, wikitextparser
n = 0
for d in sys.argv[1:]:
    for name in sorted(os.listdir(d)):
        with open(os.path.join(d, name), encoding="utf-8") as f:
            p = wikitextparser.parse(f.read())
            n += len(p.templates) + len(p.wikilinks) + len(p.sections)
print(n, "nodes")
"""

JS_WTF = r"""
const fs = require('fs'), path = require('path'), wtf = require('wtf_wikipedia');
let n = 0;
for (const d of process.argv.slice(2)) {
  for (const name of fs.readdirSync(d).sort()) {
    const doc = wtf(fs.readFileSync(path.join(d, name), 'utf8'));
    n += doc.sentences().length + doc.templates().length;
  }
}
console.log(n, 'nodes');
"""


def sh(cmd, **kw):
    print("+", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, check=True, **kw)


def setup_pwt2():
    d = os.path.join(SCRATCH, "pwt2")
    os.makedirs(os.path.join(d, "src"), exist_ok=True)
    with open(os.path.join(d, "Cargo.toml"), "w") as f:
        f.write(
            '[package]\nname = "pwt2-bench"\nversion = "0.0.0"\nedition = "2021"\n\n'
            f'[dependencies]\nparse-wiki-text-2 = "{PWT2_VERSION}"\n\n'
            # The release profile as `cargo install` builds it.
            "[workspace]\n"
        )
    with open(os.path.join(d, "src", "main.rs"), "w") as f:
        f.write(PWT2_MAIN)
    sh(["cargo", "build", "--release", "--quiet"], cwd=d)
    return [os.path.join(d, "target", "release", "pwt2-bench")]


def setup_python():
    venv = os.path.join(SCRATCH, "venv")
    py = os.path.join(venv, "bin", "python")
    if not os.path.exists(py):
        sh([sys.executable, "-m", "venv", venv])
    sh([py, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
        f"mwparserfromhell=={MWPFH_VERSION}", f"wikitextparser=={WTP_VERSION}"])
    scripts = {}
    for name, body in [("mwparserfromhell", PY_MWPFH), ("wikitextparser", PY_WTP)]:
        # Not named after the module, which it would shadow.
        path = os.path.join(SCRATCH, f"bench_{name}.py")
        with open(path, "w") as f:
            f.write(body)
        scripts[name] = [py, path]
    return scripts


def setup_node():
    d = os.path.join(SCRATCH, "node")
    os.makedirs(d, exist_ok=True)
    if not os.path.exists(os.path.join(d, "node_modules", "wtf_wikipedia")):
        with open(os.path.join(d, "package.json"), "w") as f:
            f.write('{"name": "wtf-bench", "private": true}\n')
        sh(["npm", "install", "--silent", "--no-audit", "--no-fund", f"wtf_wikipedia@{WTF_VERSION}"], cwd=d)
    path = os.path.join(d, "wtf.js")
    with open(path, "w") as f:
        f.write(JS_WTF)
    return ["node", path]


def build_corpus(copies):
    d = os.path.join(SCRATCH, f"corpus-x{copies}")
    if os.path.isdir(d):
        return d
    names = sorted(n for n in os.listdir(CORPUS_SRC) if n.endswith(".txt"))
    tmp = d + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    for k in range(copies):
        for n in names:
            shutil.copyfile(os.path.join(CORPUS_SRC, n), os.path.join(tmp, f"{k:02}-{n}"))
    os.rename(tmp, d)
    return d


def run(cmd):
    """CPU seconds (user + sys) and peak RSS in bytes of one process."""
    _, cpu, rss, code, err = measure.run(cmd)
    if code != 0:
        raise SystemExit(f"{cmd[0]} failed: {err[-500:]}")
    return cpu, rss


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--only", help="comma-separated tool names")
    args = ap.parse_args()
    if not os.path.isdir(CORPUS_SRC):
        raise SystemExit(f"{CORPUS_SRC} is absent: nothing to measure")
    os.makedirs(SCRATCH, exist_ok=True)
    corpus = build_corpus(args.copies)
    size = sum(os.path.getsize(os.path.join(corpus, n)) for n in os.listdir(corpus))
    sh(["cargo", "build", "--release", "--quiet"], cwd=ROOT)
    ws = os.path.join(ROOT, "target", "release", "wikistruct")
    out = tempfile.mkdtemp(prefix="wikistruct-compare-")
    tools = {
        "wikistruct": [ws, "extract", corpus, "--format", "jsonl", "--jobs", "1", "--dialect", "wikitext"],
        "wikistruct --out": [ws, "extract", corpus, "--out", out, "--jobs", "1", "--force", "--quiet",
                             "--dialect", "wikitext"],
    }
    wanted = set(args.only.split(",")) if args.only else None
    def want(name):
        return wanted is None or name in wanted
    # The baseline every ratio is against: always run.
    tools["parse-wiki-text-2"] = setup_pwt2() + [corpus]
    if want("mwparserfromhell") or want("wikitextparser"):
        for name, cmd in setup_python().items():
            if want(name):
                tools[name] = cmd + [corpus]
    if want("wtf_wikipedia"):
        tools["wtf_wikipedia"] = setup_node() + [corpus]
    tools = {k: v for k, v in tools.items() if want(k) or k == "parse-wiki-text-2"}
    env_note = f"{os.cpu_count()} cores, {os.uname().sysname} {os.uname().machine}"
    print(f"corpus: {len(os.listdir(corpus))} files, {size / 1e6:.1f} MB; {args.runs} runs each, alternating; {env_note}")
    results = {k: [] for k in tools}
    for _ in range(args.runs):
        for name, cmd in tools.items():
            results[name].append(run(cmd))
    shutil.rmtree(out, ignore_errors=True)
    base = size / 1e6 / statistics.median(c for c, _ in results["parse-wiki-text-2"])
    print("| tool | CPU s (median) | MB/s per core | vs parse-wiki-text-2 | peak RSS MB |")
    print("|---|---|---|---|---|")
    for name, rs in results.items():
        cpu = statistics.median(c for c, _ in rs)
        rss = max(r for _, r in rs)
        mbs = size / 1e6 / cpu
        print(f"| {name} | {cpu:.2f} | {mbs:.1f} | {mbs / base:.2f} | {rss / 2**20:.0f} |")


if __name__ == "__main__":
    main()
