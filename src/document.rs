//! Stage 2: the document tree that both dialects' parsers build and every
//! extractor reads.
//!
//! The tree is flat on purpose: an article is a sequence of blocks (headings,
//! the infobox, paragraphs, list items), and the section structure is derived
//! from the headings by the extractors. Every block and every piece of text
//! carries its byte span into the source.

use std::borrow::Cow;
use std::ops::Range;

use crate::diagnostics::Diagnostic;
use crate::span::Span;

/// Which markup language an article is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// The rendered dialect: `= Title =`, `==Heading==`, `Infobox` blocks,
    /// `- ` list items.
    Plain,
    /// MediaWiki wikitext.
    Wikitext,
}

impl Dialect {
    pub fn as_str(self) -> &'static str {
        match self {
            Dialect::Plain => "plain",
            Dialect::Wikitext => "wikitext",
        }
    }
}

/// A parsed article: the source, its blocks in order, and what the parser
/// had to say about malformed markup.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    pub source: &'a str,
    pub dialect: Dialect,
    /// The title line (`= T =`), if the article has one.
    pub title: Option<Text<'a>>,
    pub blocks: Vec<Block<'a>>,
    pub diagnostics: Vec<Diagnostic>,
    /// Wikitext `<ref>` tags in source order (empty for the plain dialect).
    pub refs: Vec<RefTag>,
    /// Citation templates (`{{cite …}}`, `{{citation}}`) in source order.
    pub cites: Vec<CiteTemplate>,
    /// `{{sfn|Author|Year}}` short citations in the order they were
    /// rendered (an infobox's refs may come before the text around it).
    pub sfns: Vec<Sfn>,
}

/// A `<ref>` tag: a definition (`<ref name="x">…</ref>`) or a reuse
/// (`<ref name="x" />`).
#[derive(Debug, Clone)]
pub struct RefTag {
    pub span: Span,
    pub name: Option<String>,
    pub group: Option<String>,
    /// The content between the tags; `None` for a self-closing reuse.
    pub content: Option<Span>,
    /// The content as rendered text, with its source map and marks (empty
    /// for a reuse).
    pub text: Text<'static>,
}

/// A citation template with its parameters, rendered to plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CiteTemplate {
    pub span: Span,
    /// The template name, lowercased ("cite web", "citation").
    pub name: String,
    /// Named parameters in order, names lowercased and trimmed.
    pub params: Vec<(String, String)>,
}

/// A short footnote `{{sfn|Last|Year|p=…}}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sfn {
    pub span: Span,
    /// The authors' last names.
    pub authors: Vec<String>,
    pub year: Option<String>,
    /// Its `p=`, `pp=` or `loc=` argument.
    pub pages: Option<String>,
}

/// Something cited at a point of rendered text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// Index into [`Document::refs`].
    Ref(usize),
    /// Index into [`Document::sfns`].
    Sfn(usize),
}

/// One block of the article with the span of all its markup.
#[derive(Debug, Clone)]
pub struct Block<'a> {
    pub span: Span,
    pub kind: BlockKind<'a>,
}

#[derive(Debug, Clone)]
pub enum BlockKind<'a> {
    /// `==History==`: `level` is the number of `=` (the smaller side where
    /// the two differ).
    Heading { level: u8, title: Text<'a> },
    /// `Infobox name` followed by `- Key: value` lines.
    Infobox {
        name: Option<Text<'a>>,
        fields: Vec<Field<'a>>,
    },
    /// Running text: one or more consecutive non-blank lines.
    Paragraph(Text<'a>),
    /// `- item`, `* item`, `# item`; `depth` is the number of markers.
    ListItem {
        marker: char,
        depth: u8,
        text: Text<'a>,
    },
    /// One cell of a wikitext table (`| cell`, `! header`). `row` is the
    /// byte offset where the cell's row begins: cells with the same `row`
    /// share a row, which is the context a figure's year may come from.
    TableCell {
        header: bool,
        text: Text<'a>,
        row: usize,
    },
}

/// One `Key: value` line of an infobox.
#[derive(Debug, Clone)]
pub struct Field<'a> {
    pub span: Span,
    pub key: Text<'a>,
    pub value: Text<'a>,
}

/// Text as a reader sees it, with a map back to source bytes.
///
/// In the plain dialect the text is a slice of the source and the map is a
/// plain offset. In wikitext the rendering drops markup and expands
/// templates, so the map is a list of pieces; either way extractors search
/// `text` and turn what they find into source spans with
/// [`Text::source_span`].
#[derive(Debug, Clone)]
pub struct Text<'a> {
    pub text: Cow<'a, str>,
    pub map: SourceMap,
    /// The source span of the whole text.
    pub span: Span,
    /// References cited in the text, at rendered byte offsets (wikitext).
    pub anchors: Vec<(usize, Anchor)>,
    /// What the markup marked in the rendered text (links and their
    /// targets, italics), in order of where each mark starts: the
    /// extractors read titles and link names from these, never from the
    /// markup again (wikitext; empty for the plain dialect).
    pub marks: Vec<Mark>,
}

/// A stretch of rendered text that the markup marked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// Where the marked text stands in the rendered text.
    pub range: Range<usize>,
    pub kind: MarkKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKind {
    /// `[[Target|text]]`: the source span of its target.
    Link { target: Span },
    /// `[url text]`: the source span of its URL. A bare `[url]` marks an
    /// empty range where it stood.
    ExternalLink { url: Span },
    /// Italics.
    Italic,
    /// Bold.
    Bold,
}

/// How byte offsets of rendered text map to byte offsets of the source.
#[derive(Debug, Clone)]
pub enum SourceMap {
    /// Rendered byte `i` is source byte `base + i`.
    Offset(usize),
    /// Rendered text made of pieces, sorted by `rendered`.
    Pieces(Vec<Piece>),
}

/// The most fields an infobox lists; the rest are skipped with an
/// `infobox-field-limit` diagnostic. Real infoboxes have at most a few
/// hundred; a generated one with hundreds of thousands would make every
/// record's infobox look-up and the document itself grow without bound.
pub const MAX_INFOBOX_FIELDS: usize = 1000;

/// A stretch of rendered text and where it came from.
///
/// Stored in 32-bit offsets: a page's source map holds one piece per
/// stretch between markup (a paragraph of bold and italic words holds one
/// for every few bytes), and at 64 bytes a piece the map was most of the
/// document's memory. Offsets saturate at `u32::MAX`, which no article
/// within [`crate::MAX_ARTICLE_BYTES`] reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    rendered: u32,
    len: u32,
    source: (u32, u32),
    within: (u32, u32),
    verbatim: bool,
    has_within: bool,
}

/// `n` in 32 bits (saturating: see [`Piece`]).
fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Piece {
    /// A piece of `len` rendered bytes at `rendered`, made from `source`.
    /// `verbatim`: the stretch is a copy of the source byte for byte (so
    /// offsets inside it map one to one); otherwise it was produced by a
    /// template or other markup, and any part of it maps to the whole
    /// source. `within`: the outermost template or link the stretch was
    /// rendered from inside of, if any: a span that starts inside one and
    /// ends outside it (or inside another) is widened to the whole
    /// construct, so that no span cuts a template or link in half
    /// ("{{nowrap|5 May}} 2020").
    pub fn new(
        rendered: usize,
        len: usize,
        source: Span,
        verbatim: bool,
        within: Option<Span>,
    ) -> Piece {
        let w = within.unwrap_or_default();
        Piece {
            rendered: narrow(rendered),
            len: narrow(len),
            source: (narrow(source.start), narrow(source.end)),
            within: (narrow(w.start), narrow(w.end)),
            verbatim,
            has_within: within.is_some(),
        }
    }

    /// Start of the stretch in the rendered text.
    pub fn rendered(&self) -> usize {
        self.rendered as usize
    }

    /// Length of the stretch in the rendered text.
    pub fn len(&self) -> usize {
        self.len as usize
    }

    /// Whether the stretch is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The source it came from.
    pub fn source(&self) -> Span {
        Span::new(self.source.0 as usize, self.source.1 as usize)
    }

    /// Whether the stretch is a copy of its source byte for byte.
    pub fn verbatim(&self) -> bool {
        self.verbatim
    }

    /// The outermost template or link the stretch was rendered inside.
    pub fn within(&self) -> Option<Span> {
        self.has_within
            .then(|| Span::new(self.within.0 as usize, self.within.1 as usize))
    }

    /// Extends a verbatim piece by the source bytes straight after it,
    /// up to `source_end` (`extra` rendered bytes).
    pub fn extend(&mut self, extra: usize, source_end: usize) {
        self.len = narrow(self.len() + extra);
        self.source.1 = narrow(source_end);
    }

    /// Cuts the piece to its first `keep` rendered bytes: a verbatim
    /// piece's source shrinks with it, byte for byte; a synthesised one
    /// still stands for its whole construct, whose bytes are not its
    /// text's (cutting those could end inside a character).
    pub fn cut(&mut self, keep: usize) {
        if keep < self.len() {
            self.len = narrow(keep);
            if self.verbatim {
                self.source.1 = narrow(self.source().start + keep);
            }
        }
    }
}

impl<'a> Text<'a> {
    /// Text that is the source slice `span` itself.
    pub fn verbatim(src: &'a str, span: Span) -> Text<'a> {
        Text {
            text: Cow::Borrowed(&src[span]),
            map: SourceMap::Offset(span.start),
            span,
            anchors: Vec::new(),
            marks: Vec::new(),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The source span that produced rendered bytes `r`.
    pub fn source_span(&self, r: Range<usize>) -> Span {
        match &self.map {
            SourceMap::Offset(base) => Span::new(base + r.start, base + r.end),
            SourceMap::Pieces(pieces) => {
                if pieces.is_empty() {
                    return Span::new(self.span.start, self.span.start);
                }
                let mut start = map_start(pieces, r.start);
                if r.end <= r.start {
                    return Span::new(start, start);
                }
                let mut end = map_end(pieces, r.end);
                let (first, last) = (piece_at(pieces, r.start), piece_at(pieces, r.end - 1));
                // A stretch a template produced maps whole: an end that
                // falls inside it ("c. " then "1850" from `{{circa|1850}}`)
                // moves to its edge.
                let (fs, ls) = (first.source(), last.source());
                if !first.verbatim() && fs.start < end && end < fs.end {
                    end = fs.end;
                }
                if !last.verbatim() && ls.start < start && start < ls.end {
                    start = ls.start;
                }
                // Ends inside different constructs: take each whole.
                if first.within() != last.within() {
                    if let Some(w) = first.within() {
                        start = start.min(w.start);
                    }
                    if let Some(w) = last.within() {
                        end = end.max(w.end);
                    }
                }
                Span::new(start, end.max(start))
            }
        }
    }
}

/// The piece holding rendered byte `r` (the last one starting at or before).
fn piece_at(pieces: &[Piece], r: usize) -> &Piece {
    let i = pieces.partition_point(|p| p.rendered() <= r);
    &pieces[i.saturating_sub(1)]
}

fn map_start(pieces: &[Piece], r: usize) -> usize {
    let p = piece_at(pieces, r);
    let source = p.source();
    if p.verbatim() {
        (source.start + (r - p.rendered()).min(p.len())).min(source.end)
    } else {
        source.start
    }
}

fn map_end(pieces: &[Piece], r_end: usize) -> usize {
    let p = piece_at(pieces, r_end - 1);
    let source = p.source();
    if p.verbatim() {
        (source.start + (r_end - p.rendered()).min(p.len())).min(source.end)
    } else {
        source.end
    }
}

impl Document<'_> {
    /// The tree's invariants, for the fuzz targets and robustness tests
    /// (every problem, described; empty when all hold): every span lies in
    /// the source on character boundaries; a block's texts and fields lie
    /// inside it (children inside parents); fields, refs and citation
    /// templates come in source order (siblings ordered); a text's pieces
    /// tile it in order, their verbatim sources in order too (the map is
    /// monotonic), and its marks and anchors lie inside it. Blocks
    /// themselves may nest (a caption inside its paragraph), and short
    /// footnotes come in rendering order, so neither is required to be in
    /// source order.
    pub fn check(&self) -> Vec<String> {
        let mut c = Checker {
            src: self.source,
            problems: Vec::new(),
        };
        let inside =
            |inner: Span, outer: Span| outer.start <= inner.start && inner.end <= outer.end;
        if let Some(t) = &self.title {
            c.text(&|| "title".into(), t);
        }
        for (i, b) in self.blocks.iter().enumerate() {
            c.span(&|| format!("block {i}"), b.span);
            let mut texts: Vec<(String, &Text<'_>)> = Vec::new();
            match &b.kind {
                BlockKind::Heading { title, .. } => texts.push(("title".into(), title)),
                BlockKind::Paragraph(t)
                | BlockKind::ListItem { text: t, .. }
                | BlockKind::TableCell { text: t, .. } => texts.push(("text".into(), t)),
                BlockKind::Infobox { name, fields } => {
                    if let Some(n) = name {
                        texts.push(("name".into(), n));
                    }
                    for (j, f) in fields.iter().enumerate() {
                        c.span(&|| format!("block {i} field {j}"), f.span);
                        if !inside(f.span, b.span) {
                            c.problems
                                .push(format!("block {i} field {j}: outside its infobox"));
                        }
                        if j > 0 && f.span.start < fields[j - 1].span.start {
                            c.problems
                                .push(format!("block {i} field {j}: before the field before it"));
                        }
                        texts.push((format!("field {j} key"), &f.key));
                        texts.push((format!("field {j} value"), &f.value));
                    }
                }
            }
            for (name, t) in texts {
                let at = || format!("block {i} {name}");
                c.text(&at, t);
                if !inside(t.span, b.span) {
                    c.problems.push(format!(
                        "{}: text span {:?} outside its block {:?}",
                        at(),
                        t.span,
                        b.span
                    ));
                }
            }
        }
        c.ordered("ref", self.refs.iter().map(|r| r.span.start));
        c.ordered("cite", self.cites.iter().map(|t| t.span.start));
        for (i, r) in self.refs.iter().enumerate() {
            let at = || format!("ref {i}");
            c.span(&at, r.span);
            if let Some(content) = r.content {
                if c.span(&at, content) && !inside(content, r.span) {
                    c.problems.push(format!("ref {i}: content outside the tag"));
                }
            }
            c.text(&at, &r.text);
        }
        for (i, d) in self.diagnostics.iter().enumerate() {
            c.span(&|| format!("diagnostic {i}"), d.span);
        }
        c.problems
    }
}

/// Collects the problems [`Document::check`] finds.
struct Checker<'s> {
    src: &'s str,
    problems: Vec<String>,
}

impl Checker<'_> {
    /// Is `s` a span of the source on character boundaries? (Noted if not.)
    fn span(&mut self, at: &dyn Fn() -> String, s: Span) -> bool {
        let src = self.src;
        let ok = s.start <= s.end
            && s.end <= src.len()
            && src.is_char_boundary(s.start)
            && src.is_char_boundary(s.end);
        if !ok {
            self.problems.push(format!(
                "{}: span {s:?} is not on the source's characters",
                at()
            ));
        }
        ok
    }

    fn ordered(&mut self, name: &str, starts: impl Iterator<Item = usize>) {
        let mut last = 0;
        for (i, s) in starts.enumerate() {
            if s < last {
                self.problems
                    .push(format!("{name} {i}: before the one before it"));
            }
            last = s;
        }
    }

    /// One text's invariants.
    fn text(&mut self, at: &dyn Fn() -> String, t: &Text<'_>) {
        self.span(at, t.span);
        let text = t.as_str();
        match &t.map {
            SourceMap::Offset(base) => {
                let s = Span::new(*base, base + text.len());
                if self.span(at, s) && &self.src[s.start..s.end] != text {
                    self.problems
                        .push(format!("{}: offset-mapped text is not its source", at()));
                }
            }
            SourceMap::Pieces(pieces) => {
                // The map is monotonic: reading on never maps back in the
                // source. (A synthesised piece stands for its whole
                // template, which may begin before the verbatim text
                // rendered inside it.)
                let mut last_verbatim = 0;
                for (k, p) in pieces.iter().enumerate().filter(|(_, p)| p.verbatim()) {
                    if p.source().start < last_verbatim {
                        self.problems.push(format!(
                            "{}: piece {k} maps before the text before it",
                            at()
                        ));
                    }
                    last_verbatim = p.source().end;
                }
                let mut next = 0;
                for (k, p) in pieces.iter().enumerate() {
                    if p.rendered() != next {
                        self.problems.push(format!(
                            "{}: piece {k} starts at {} not {next}",
                            at(),
                            p.rendered()
                        ));
                    }
                    next = p.rendered() + p.len();
                    self.span(at, p.source());
                    if p.verbatim() && p.source().len() != p.len() {
                        self.problems.push(format!(
                            "{}: verbatim piece {k} differs in length from its source",
                            at()
                        ));
                    }
                    if let Some(w) = p.within() {
                        self.span(at, w);
                    }
                }
                // No pieces: a synthesised text (a positional key) that
                // maps to its span as a whole.
                if !pieces.is_empty() && next != text.len() {
                    self.problems.push(format!(
                        "{}: pieces cover {next} of {} bytes",
                        at(),
                        text.len()
                    ));
                }
            }
        }
        for m in &t.marks {
            if m.range.start > m.range.end
                || m.range.end > text.len()
                || !text.is_char_boundary(m.range.start)
                || !text.is_char_boundary(m.range.end)
            {
                self.problems
                    .push(format!("{}: mark {:?} outside the text", at(), m.range));
            }
        }
        if t.anchors.windows(2).any(|w| w[1].0 < w[0].0)
            || t.anchors.iter().any(|a| a.0 > text.len())
        {
            self.problems.push(format!(
                "{}: anchors out of order or outside the text",
                at()
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_map_verbatim_and_atomic_stretches() {
        // Source: "On {{date|1992}} it" rendered as "On 1992 it".
        let text = Text {
            text: Cow::Owned("On 1992 it".into()),
            map: SourceMap::Pieces(vec![
                Piece::new(0, 3, Span::new(0, 3), true, None),
                Piece::new(3, 4, Span::new(3, 16), false, None),
                Piece::new(7, 3, Span::new(16, 19), true, None),
            ]),
            span: Span::new(0, 19),
            anchors: Vec::new(),
            marks: Vec::new(),
        };
        assert_eq!(text.source_span(3..7), Span::new(3, 16));
        assert_eq!(text.source_span(0..2), Span::new(0, 2));
        assert_eq!(text.source_span(8..10), Span::new(17, 19));
        assert_eq!(text.source_span(4..5), Span::new(3, 16));
    }
}
