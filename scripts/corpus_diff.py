#!/usr/bin/env python3
"""What a change does to extraction on real text.

Extracts the corpora (`../shared/corpora/wikitext`, the WikiWars articles)
and `input/` with the current tree and with a given git revision, and prints
each article's semantic diff (`wikistruct diff`), then one summary that a
note can quote:

    python3 scripts/corpus_diff.py 057cace            # against a revision
    python3 scripts/corpus_diff.py 057cace --details  # every changed record
    python3 scripts/corpus_diff.py 057cace --ignore anchor,recurring
                                  # leave out fields the newer tree added

The revision is checked out into a git worktree under `target/corpus-diff/`
and built there with a target directory of its own (one per revision), so
repeated runs against the same revision only rebuild what changed. The current tree is built with
`cargo build --release`. Byte-identical outputs are counted apart from
semantic changes: a document can differ in bytes (a span, a diagnostic)
while `wikistruct diff` sees no change in meaning, and that is reported too.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = ["sections", "infobox", "events", "money", "citations", "see_also"]


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, check=True, **kw)


def build_revision(rev: str) -> Path:
    """Builds `rev` in a worktree of its own and returns its binary."""
    sha = run(["git", "rev-parse", "--verify", rev + "^{commit}"], cwd=ROOT,
              capture_output=True, text=True).stdout.strip()
    base = ROOT / "target" / "corpus-diff"
    tree = base / f"src-{sha[:12]}"
    if not tree.exists():
        base.mkdir(parents=True, exist_ok=True)
        run(["git", "worktree", "add", "--detach", "--force", str(tree), sha],
            cwd=ROOT, capture_output=True)
    # A target directory per revision: with one shared by all, cargo took
    # the binary built for a newer revision as fresh for an older one (its
    # sources' times are older than the binary) and the diff compared the
    # tree with itself.
    target = base / f"target-{sha[:12]}"
    env = dict(os.environ, CARGO_TARGET_DIR=str(target))
    run(["cargo", "build", "--release", "--quiet", "--bin", "wikistruct"],
        cwd=tree, env=env)
    return target / "release" / "wikistruct"


def build_current() -> Path:
    run(["cargo", "build", "--release", "--quiet", "--bin", "wikistruct"], cwd=ROOT)
    return ROOT / "target" / "release" / "wikistruct"


def corpora() -> list[tuple[str, Path]]:
    shared = ROOT.parent / "shared" / "corpora"
    found = [("input", ROOT / "input")]
    for name in ["wikitext", "wikiwars-dev"]:
        if (shared / name).is_dir():
            found.append((name, shared / name))
        else:
            print(f"note: {shared / name} is absent; skipped", file=sys.stderr)
    return found


def extract(binary: Path, src: Path, out: Path) -> None:
    # Exit 1 means some articles failed: the others are still compared.
    subprocess.run([str(binary), "extract", str(src), "--out", str(out),
                    "--force", "--quiet"], check=False)


def diagnostics(path: Path) -> list[tuple[str, str]]:
    doc = json.loads(path.read_text())
    return sorted((d["severity"], d["message"]) for d in doc.get("diagnostics", []))


def strip(path: Path, fields: set[str], to: Path) -> Path:
    """A copy of document `path` without `fields` in any record."""
    def walk(v):
        if isinstance(v, dict):
            return {k: walk(x) for k, x in v.items() if k not in fields}
        if isinstance(v, list):
            return [walk(x) for x in v]
        return v
    to.write_text(json.dumps(walk(json.loads(path.read_text()))))
    return to


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("rev", help="git revision to compare the current tree against")
    ap.add_argument("--details", action="store_true",
                    help="print every changed record, not only the counts")
    ap.add_argument("--ignore", default="",
                    help="comma-separated fields to leave out of every record before comparing "
                         "(fields a newer tree added, which would show every record as changed)")
    args = ap.parse_args()

    ignored = {f for f in args.ignore.split(",") if f}
    old_bin = build_revision(args.rev)
    new_bin = build_current()
    totals = {p: [0, 0, 0] for p in PARTS}
    articles = identical = span_only = changed = missing = diag_changed = 0
    with tempfile.TemporaryDirectory(prefix="corpus-diff-") as tmp:
        for name, src in corpora():
            old_out, new_out = Path(tmp, "old", name), Path(tmp, "new", name)
            extract(old_bin, src, old_out)
            extract(new_bin, src, new_out)
            for old in sorted(old_out.rglob("*.json")):
                rel = old.relative_to(old_out)
                new = new_out / rel
                articles += 1
                if not new.exists():
                    missing += 1
                    print(f"{name}/{rel}: no output from the current tree")
                    continue
                if old.read_bytes() == new.read_bytes():
                    identical += 1
                    continue
                if diagnostics(old) != diagnostics(new):
                    diag_changed += 1
                if ignored:
                    old, new = strip(old, ignored, Path(tmp, "a.json")), strip(new, ignored, Path(tmp, "b.json"))
                res = subprocess.run([str(new_bin), "diff", str(old), str(new), "--json"],
                                     capture_output=True, text=True)
                if res.returncode == 2:
                    print(f"{name}/{rel}: diff failed: {res.stderr.strip()}")
                    continue
                delta = json.loads(res.stdout)
                counts = {p: [len(delta[p][k]) for k in ("added", "removed", "changed")]
                          for p in PARTS}
                if not any(sum(c) for c in counts.values()):
                    span_only += 1
                    print(f"{name}/{rel}: bytes differ, meaning does not (spans or diagnostics)")
                    continue
                changed += 1
                line = ", ".join(f"{p} +{a} -{r} ~{c}" for p, (a, r, c) in counts.items()
                                 if a or r or c)
                print(f"{name}/{rel}: {line}")
                for p, c in counts.items():
                    for i in range(3):
                        totals[p][i] += c[i]
                if args.details:
                    text = subprocess.run([str(new_bin), "diff", str(old), str(new)],
                                          capture_output=True, text=True).stdout
                    for row in text.splitlines():
                        print("    " + row)

    print()
    print(f"corpus diff against {args.rev}: {articles} articles, {identical} byte-identical, "
          f"{span_only} differ only in spans or diagnostics, {changed} differ in meaning"
          + (f", {missing} missing" if missing else "")
          + f"; diagnostics differ in {diag_changed}")
    for p, (a, r, c) in totals.items():
        if a or r or c:
            print(f"  {p}: {a} added, {r} removed, {c} changed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
