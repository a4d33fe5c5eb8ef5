#!/usr/bin/env python3
"""Builds a MediaWiki XML export out of article files, the way Wikimedia
publishes dumps, for the dump benchmark and for trying `wikistruct dump`:

    python3 bench/make_dump.py OUT_PREFIX --pages N [ARTICLE_DIR]

writes OUT_PREFIX.xml, OUT_PREFIX.xml.bz2 (one bzip2 stream) and
OUT_PREFIX-multistream.xml.bz2 with OUT_PREFIX-multistream-index.txt.bz2
(a stream of 100 pages each, the header and the footer in streams of their
own, and an `offset:page_id:title` line per page).

Pages cycle through the article files (default: ../shared/corpora/wikitext)
with distinct titles and ids; every tenth page is followed by a redirect to
it and every twentieth by a talk page (namespace 1), as in real dumps.
"""

from __future__ import annotations

import argparse
import bz2
import sys
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

ROOT = Path(__file__).resolve().parent.parent
HEADER = """<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="en">
  <siteinfo>
    <sitename>Generated</sitename>
    <dbname>generatedwiki</dbname>
    <namespaces>
      <namespace key="0" case="first-letter" />
      <namespace key="1" case="first-letter">Talk</namespace>
    </namespaces>
  </siteinfo>
"""
FOOTER = "</mediawiki>\n"


def page_xml(title: str, ns: int, page_id: int, text: str, redirect: str | None = None) -> str:
    redirect_tag = f"    <redirect title={quoteattr(redirect)} />\n" if redirect else ""
    day = 1 + page_id % 28
    return (
        "  <page>\n"
        f"    <title>{escape(title)}</title>\n"
        f"    <ns>{ns}</ns>\n"
        f"    <id>{page_id}</id>\n"
        f"{redirect_tag}"
        "    <revision>\n"
        f"      <id>{page_id * 10}</id>\n"
        f"      <timestamp>2024-03-{day:02d}T12:00:00Z</timestamp>\n"
        "      <contributor><username>Gen</username><id>1</id></contributor>\n"
        "      <model>wikitext</model>\n"
        "      <format>text/x-wiki</format>\n"
        f'      <text bytes="{len(text.encode())}" xml:space="preserve">{escape(text)}</text>\n'
        "    </revision>\n"
        "  </page>\n"
    )


def pages(articles: list[Path], count: int):
    """(title, ns, id, xml) for `count` article pages and their companions."""
    next_id = 1
    for i in range(count):
        path = articles[i % len(articles)]
        title = path.stem.replace("-", " ")
        if i >= len(articles):
            title = f"{title} ({i // len(articles)})"
        text = path.read_text(encoding="utf-8")
        pid = next_id
        next_id += 1
        yield title, 0, pid, page_xml(title, 0, pid, text)
        if i % 10 == 9:
            rid = next_id
            next_id += 1
            rtitle = f"{title} (redirect)"
            yield rtitle, 0, rid, page_xml(rtitle, 0, rid, f"#REDIRECT [[{title}]]", title)
        if i % 20 == 19:
            tid = next_id
            next_id += 1
            ttitle = f"Talk:{title}"
            yield ttitle, 1, tid, page_xml(ttitle, 1, tid, "Talk about 1 May 2020.")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("prefix", type=Path)
    ap.add_argument("--pages", type=int, default=700)
    ap.add_argument("articles", nargs="?", type=Path, default=ROOT.parent / "shared/corpora/wikitext")
    args = ap.parse_args()
    articles = sorted(p for p in args.articles.iterdir() if p.is_file())
    if not articles:
        print(f"no articles in {args.articles}", file=sys.stderr)
        return 2
    prefix = args.prefix
    prefix.parent.mkdir(parents=True, exist_ok=True)
    plain = open(f"{prefix}.xml", "w", encoding="utf-8")
    single = bz2.BZ2File(f"{prefix}.xml.bz2", "w")
    multi = open(f"{prefix}-multistream.xml.bz2", "wb")
    index_lines: list[str] = []

    def emit(chunk: str) -> None:
        plain.write(chunk)
        single.write(chunk.encode())

    emit(HEADER)
    multi.write(bz2.compress(HEADER.encode()))
    batch: list[tuple[str, int, str]] = []

    def flush_batch() -> None:
        if not batch:
            return
        offset = multi.tell()
        data = "".join(x for _, _, x in batch)
        multi.write(bz2.compress(data.encode()))
        index_lines.extend(f"{offset}:{pid}:{title}" for title, pid, _ in batch)
        batch.clear()

    for title, _ns, pid, xml in pages(articles, args.pages):
        emit(xml)
        batch.append((title, pid, xml))
        if len(batch) == 100:
            flush_batch()
    flush_batch()
    emit(FOOTER)
    multi.write(bz2.compress(FOOTER.encode()))
    plain.close()
    single.close()
    multi.close()
    Path(f"{prefix}-multistream-index.txt.bz2").write_bytes(
        bz2.compress(("\n".join(index_lines) + "\n").encode())
    )
    size = Path(f"{prefix}.xml").stat().st_size
    print(f"{prefix}: {len(index_lines)} pages, {size / 1e6:.1f} MB of XML", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
