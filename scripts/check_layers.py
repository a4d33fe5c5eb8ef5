#!/usr/bin/env python3
"""Fails when a module of the library imports a later stage, or when the
top-level modules import each other in a cycle.

The pipeline's stages, earliest first; a module may use its own stage and
earlier ones only:

    text utilities -> lexicon -> document -> markup -> recognisers
      -> model -> extract -> output -> pipeline -> command line

(The document types come before the markup parsers that build them, and
the model's types before the extractors that fill them: each stage's
output type lives at or below it.) Test code (`#[cfg(test)]` modules and
`tests.rs` files) may use anything. Run by `.ci/run`:

    python3 scripts/check_layers.py          # prints the graph's arrows on failure
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"

STAGES = [
    ("text utilities", ["bytes", "text", "span", "tokens", "decimal", "diagnostics", "error"]),
    ("lexicon", ["lexicon"]),
    ("document", ["document"]),
    ("markup", ["markup"]),
    ("recognisers", ["sentence", "temporal", "money"]),
    ("model", ["model"]),
    ("extract", ["extract"]),
    ("output", ["schema", "validate", "diff"]),
    ("pipeline", ["lib", "escape"]),
    ("command line", ["batch", "dump", "watch", "main", "cli"]),
]
RANK = {m: i for i, (_, mods) in enumerate(STAGES) for m in mods}
# Items the crate root defines or re-exports, and the module they stand for.
ROOT_ITEMS = {
    "Config": "lib",
    "process_article": "lib",
    "process_bytes": "lib",
    "Article": "lib",
    "Diagnostic": "diagnostics",
    "Severity": "diagnostics",
    "Dialect": "document",
    "Error": "error",
    "sha256_hex": "text",
}


def module_of(path: Path) -> str:
    rel = path.relative_to(SRC)
    return rel.parts[0].removesuffix(".rs")


def library_code(text: str) -> str:
    """The file without comments and without test modules."""
    out, skipping = [], False
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if skipping:
            if line == "}":
                skipping = False
            i += 1
            continue
        if line.startswith("#[cfg(test)]"):
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if re.match(r"(pub(\(\w+\))? )?mod \w+ \{", nxt):
                skipping = True
            i += 2
            continue
        out.append(re.sub(r"//.*", "", line))
        i += 1
    return "\n".join(out)


def used_modules(code: str) -> set[str]:
    used: set[str] = set()
    for m in re.finditer(r"\bcrate::(\{[^;]*?\}|\w+)", code, re.S):
        target = m.group(1)
        names = (
            [p.strip().split("::")[0] for p in target[1:-1].split(",")]
            if target.startswith("{")
            else [target]
        )
        for n in names:
            n = n.strip().lstrip("{").strip()
            if not n or n == "self":
                continue
            used.add(ROOT_ITEMS.get(n, n))
    return used


def main() -> int:
    edges: dict[str, set[str]] = {}
    problems = []
    for path in sorted(SRC.rglob("*.rs")):
        if path.name == "tests.rs":
            continue
        mod = module_of(path)
        if mod not in RANK:
            problems.append(f"{path.relative_to(ROOT)}: module `{mod}` has no stage in {__file__}")
            continue
        for used in used_modules(library_code(path.read_text())):
            if used == mod:
                continue
            if used not in RANK:
                problems.append(f"{path.relative_to(ROOT)}: uses unknown `crate::{used}`")
                continue
            edges.setdefault(mod, set()).add(used)
            if RANK[used] > RANK[mod]:
                problems.append(
                    f"{path.relative_to(ROOT)}: `{mod}` ({STAGES[RANK[mod]][0]}) uses "
                    f"`{used}` ({STAGES[RANK[used]][0]}), a later stage"
                )
    # Cycles among modules of one stage.
    state: dict[str, int] = {}

    def visit(m: str, trail: list[str]) -> None:
        state[m] = 1
        for n in sorted(edges.get(m, ())):
            if state.get(n) == 1:
                problems.append("cycle: " + " -> ".join(trail[trail.index(n):] + [n]))
            elif n not in state:
                visit(n, trail + [n])
        state[m] = 2

    for m in sorted(edges):
        if m not in state:
            visit(m, [m])
    for p in problems:
        print(p)
    if problems:
        return 1
    print(f"layers: {len(edges)} modules, {sum(len(v) for v in edges.values())} arrows, "
          "none backward, no cycle")
    return 0


if __name__ == "__main__":
    sys.exit(main())
