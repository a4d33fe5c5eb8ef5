//! Stage 3: extractors, pure functions over a [`Document`].
//!
//! Each submodule reads the tree (and the source only through spans) and
//! returns owned model values. [`Context`] holds what several extractors
//! share: the line index for spans and the section each block belongs to.

pub mod citations;
pub mod events;
pub mod infobox;
pub mod money;
pub mod sections;

use crate::document::{BlockKind, Document, Text};
use crate::model;
use crate::sentence;
use crate::span::{LineIndex, Span};

/// Section titles whose lists are citations, compared case-insensitively.
const CITATION_SECTIONS: &[&str] = &[
    "bibliography",
    "references",
    "sources",
    "works cited",
    "further reading",
    "notes",
    "notes and references",
    "references and notes",
    "citations",
    "literature",
];

/// What the extractors share for one document.
pub struct Context<'d, 'a> {
    pub doc: &'d Document<'a>,
    pub lines: LineIndex,
    pub sections: Vec<model::Section>,
    /// For each block, the index into `sections` of the section it is in.
    pub block_section: Vec<Option<usize>>,
    /// For each section, whether its title names a bibliography-like
    /// section (asked for every block, so worked out once).
    citation_section: Vec<bool>,
    /// The stretches of running text, with their sentences, built once for
    /// every extractor that reads them.
    units: Vec<TextUnit<'d, 'a>>,
}

impl<'d, 'a> Context<'d, 'a> {
    pub fn new(doc: &'d Document<'a>) -> Context<'d, 'a> {
        let lines = LineIndex::new(doc.source);
        let (sections, block_section) = sections::outline(doc, &lines);
        let citation_section = sections
            .iter()
            .map(|s| is_citation_section(&s.title))
            .collect();
        let mut ctx = Context {
            doc,
            lines,
            sections,
            block_section,
            citation_section,
            units: Vec::new(),
        };
        ctx.units = ctx.build_units();
        ctx
    }

    /// The model span (with line and column) of a byte span.
    pub fn span(&self, span: Span) -> model::Span {
        let (line, column) = self.lines.line_col(self.doc.source, span.start);
        model::Span {
            start: span.start as u64,
            end: span.end as u64,
            line: line as u64,
            column: column as u64,
        }
    }

    /// The section path of block `i`.
    pub fn path(&self, block: usize) -> Vec<String> {
        self.block_section
            .get(block)
            .copied()
            .flatten()
            .map_or_else(Vec::new, |s| self.sections[s].path.clone())
    }

    /// The title of the innermost section holding block `i`.
    pub fn section_title(&self, block: usize) -> Option<&str> {
        let s = self.block_section.get(block).copied().flatten()?;
        Some(self.sections[s].title.as_str())
    }

    /// Is block `i` inside a bibliography-like section?
    pub fn in_citation_section(&self, block: usize) -> bool {
        self.block_section
            .get(block)
            .copied()
            .flatten()
            .is_some_and(|s| self.citation_section[s])
    }

    /// The source text of `span` exactly as written.
    pub fn source(&self, span: Span) -> &'a str {
        &self.doc.source[span]
    }

    /// Every stretch of running text that events and money are found in, in
    /// document order: paragraphs, list items (outside bibliography
    /// sections), table cells, and infobox values.
    pub fn text_units(&self) -> &[TextUnit<'d, 'a>] {
        &self.units
    }

    fn build_units(&self) -> Vec<TextUnit<'d, 'a>> {
        let mut out = Vec::new();
        for (i, block) in self.doc.blocks.iter().enumerate() {
            match &block.kind {
                BlockKind::Paragraph(text) => out.push(TextUnit::prose(i, text)),
                BlockKind::ListItem { text, .. } if !self.in_citation_section(i) => {
                    out.push(TextUnit::prose(i, text))
                }
                BlockKind::TableCell { text, .. } => out.push(TextUnit::prose(i, text)),
                BlockKind::Infobox { fields, .. } => {
                    for f in fields {
                        out.push(TextUnit {
                            block: i,
                            text: &f.value,
                            field: Some(f.key.as_str()),
                            sentences: std::sync::OnceLock::new(),
                            whole: true,
                            tokens: crate::tokens::tokenize(f.value.as_str()),
                        });
                    }
                }
                _ => {}
            }
        }
        out
    }
}

/// Is `title` the name of a bibliography-like section?
pub fn is_citation_section(title: &str) -> bool {
    let t = title.trim().to_lowercase();
    CITATION_SECTIONS.contains(&t.as_str())
}

/// A stretch of text with its sentences.
pub struct TextUnit<'d, 'a> {
    pub block: usize,
    pub text: &'d Text<'a>,
    /// The infobox field key, for an infobox value.
    pub field: Option<&'d str>,
    /// Byte ranges of the sentences in `text.text` (an infobox value is one
    /// sentence), computed on first use: most text units hold no record.
    sentences: std::sync::OnceLock<Vec<std::ops::Range<usize>>>,
    /// Whether the unit is an infobox value (one sentence).
    whole: bool,
    /// The tokens of `text.text`, shared by the date and money recognisers.
    pub tokens: Vec<crate::tokens::Tok<'d>>,
}

impl<'d, 'a> TextUnit<'d, 'a> {
    fn prose(block: usize, text: &'d Text<'a>) -> TextUnit<'d, 'a> {
        TextUnit {
            block,
            text,
            field: None,
            sentences: std::sync::OnceLock::new(),
            whole: false,
            tokens: crate::tokens::tokenize(text.as_str()),
        }
    }

    /// The sentences of the unit.
    pub fn sentences(&self) -> &[std::ops::Range<usize>] {
        self.sentences.get_or_init(|| {
            if self.whole {
                std::iter::once(0..self.text.as_str().len()).collect()
            } else {
                sentence::sentences(self.text.as_str())
            }
        })
    }

    /// The sentence holding rendered byte `at`, as plain text on one line.
    pub fn sentence_at(&self, at: usize) -> String {
        one_line(&self.text.as_str()[self.sentence_range(at)])
    }

    /// The byte range of the sentence holding rendered byte `at`. A
    /// "sentence" longer than [`MAX_SENTENCE`] is a segmentation failure
    /// (a list run together, markup without stops); then the range is a
    /// window of that size around `at`, cut at spaces, so that the output
    /// stays linear in the input however many records share it.
    pub fn sentence_range(&self, at: usize) -> std::ops::Range<usize> {
        let text = self.text.as_str();
        let r = self
            .sentence_index(at)
            .map_or(0..text.len(), |i| self.sentences()[i].clone());
        if r.len() <= MAX_SENTENCE {
            return r;
        }
        let half = MAX_SENTENCE / 2;
        let lo = crate::markup::floor_char_boundary(text, at.saturating_sub(half).max(r.start));
        let hi = crate::markup::floor_char_boundary(text, (at + half).min(r.end));
        let lo = text[lo..at.max(lo)].find(' ').map_or(lo, |p| lo + p + 1);
        let hi = text[at.min(hi)..hi]
            .rfind(' ')
            .map_or(hi, |p| at.min(hi) + p);
        lo.min(at)..hi.max(at.min(r.end))
    }

    /// Indices of the citations cited in the sentence holding rendered byte
    /// `at`: the refs and short footnotes standing in it or right after its
    /// final stop (before the next sentence begins), where writers put them.
    pub fn cited(&self, at: usize, cits: &citations::Citations) -> Vec<usize> {
        if self.text.anchors.is_empty() {
            return Vec::new();
        }
        let window = self.sentence_range(at);
        let (from, to) = match self.sentence_index(at) {
            // A whole sentence: up to where the next one begins.
            Some(i) if self.sentences()[i] == window => (
                window.start,
                self.sentences().get(i + 1).map_or(usize::MAX, |n| n.start),
            ),
            // An over-long one: the window only.
            _ => (window.start, window.end),
        };
        // Anchors are in rendered order: take the run inside [from, to).
        let anchors = &self.text.anchors;
        let first = anchors.partition_point(|(p, _)| *p < from);
        let mut out: Vec<usize> = anchors[first..]
            .iter()
            .take_while(|(p, _)| *p < to)
            .filter_map(|(_, a)| match a {
                crate::document::Anchor::Ref(k) => cits.ref_citation.get(*k).copied().flatten(),
                crate::document::Anchor::Sfn(k) => cits.sfn_citation.get(*k).copied().flatten(),
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Index of the sentence holding rendered byte `at` (binary search: the
    /// sentences are sorted and disjoint).
    pub fn sentence_index(&self, at: usize) -> Option<usize> {
        let sentences = self.sentences();
        let i = sentences.partition_point(|r| r.end <= at);
        sentences.get(i).filter(|r| r.start <= at).map(|_| i)
    }
}

/// The longest sentence reported whole, in bytes; real sentences stay far
/// below it.
pub const MAX_SENTENCE: usize = 1000;

/// Folds line breaks and runs of white space into single spaces, and
/// trims both ends: what `split_whitespace` and a join would give, in one
/// pass that copies runs of text whole (every record's sentence goes
/// through here).
pub fn one_line(s: &str) -> String {
    /// The bytes that can begin white space; all others are skipped in bulk.
    const CANDIDATES: crate::bytes::ByteSet =
        crate::bytes::ByteSet::new(b" \t\n\r\x0b\x0c\xC2\xE1\xE2\xE3");
    let b = s.as_bytes();
    if is_one_line(b) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let push = |out: &mut String, w: &str| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    };
    let mut word_start = None;
    let mut i = 0;
    while let Some(j) = CANDIDATES.find(b, i) {
        if j > i {
            word_start.get_or_insert(i);
        }
        match white_space_len(b, j) {
            0 => {
                word_start.get_or_insert(j);
                i = j + 1;
            }
            n => {
                if let Some(w) = word_start.take() {
                    push(&mut out, &s[w..j]);
                }
                i = j + n;
            }
        }
    }
    if i < b.len() {
        word_start.get_or_insert(i);
    }
    if let Some(w) = word_start {
        push(&mut out, &s[w..]);
    }
    out
}

/// Is `b` already on one line: no white space but single spaces, none at
/// either end? Checked eight bytes per step; most sentences are, and are
/// then copied whole.
fn is_one_line(b: &[u8]) -> bool {
    /// Bytes that may begin white space other than a plain space.
    const OTHER: crate::bytes::ByteSet =
        crate::bytes::ByteSet::new(b"\t\n\r\x0b\x0c\xC2\xE1\xE2\xE3");
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    if memchr::memmem::find(b, b"  ").is_some() {
        return false;
    }
    let mut i = 0;
    while let Some(j) = OTHER.find(b, i) {
        if white_space_len(b, j) > 0 {
            return false;
        }
        i = j + 1;
    }
    true
}

/// The length of the white-space character (as `char::is_whitespace`
/// defines it) starting at byte `i`, or 0. Decodes only the few lead bytes
/// that can begin one.
fn white_space_len(b: &[u8], i: usize) -> usize {
    let at = |k: usize| b.get(i + k).copied().unwrap_or(0);
    match b[i] {
        b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => 1,
        // U+0085, U+00A0
        0xC2 if matches!(at(1), 0x85 | 0xA0) => 2,
        // U+1680
        0xE1 if at(1) == 0x9A && at(2) == 0x80 => 3,
        // U+2000–U+200A, U+2028, U+2029, U+202F; U+205F
        0xE2 if at(1) == 0x80 && matches!(at(2), 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF) => 3,
        0xE2 if at(1) == 0x81 && at(2) == 0x9F => 3,
        // U+3000
        0xE3 if at(1) == 0x80 && at(2) == 0x80 => 3,
        _ => 0,
    }
}

/// The "See also" entries: the list items of a section so named.
pub fn see_also(ctx: &Context<'_, '_>) -> Vec<String> {
    ctx.doc
        .blocks
        .iter()
        .enumerate()
        .filter(|(i, _)| {
            ctx.section_title(*i)
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("see also"))
        })
        .filter_map(|(_, b)| match &b.kind {
            BlockKind::ListItem { text, .. } => Some(
                leading_link_text(ctx.source(text.span)).unwrap_or_else(|| one_line(text.as_str())),
            ),
            _ => None,
        })
        .filter(|s| !s.is_empty())
        .collect()
}

/// The shown text of the wikilink an entry opens with, where something
/// follows it: "[[Economy of Veltria]] – the economy" is the entry
/// "Economy of Veltria", the annotation after it is not part of the name.
fn leading_link_text(source: &str) -> Option<String> {
    let inner = source.trim_start().strip_prefix("[[")?;
    let close = inner.find("]]")?;
    let link = &inner[..close];
    if link.contains(['[', '{', '<', '\n']) || inner[close + 2..].trim().is_empty() {
        return None;
    }
    let shown = link.rsplit('|').next().unwrap_or(link);
    let shown = one_line(&shown.replace("'''", "").replace("''", ""));
    (!shown.is_empty()).then_some(shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_agrees_with_split_whitespace() {
        let mut samples: Vec<String> = [
            "",
            " ",
            "a",
            "  a  b\n\tc  ",
            "x\u{a0}y\u{2003}z\u{3000}w",
            "\u{85}lead",
            "trail\u{2029}",
            "dash – “quote” é",
            "\u{1680}\u{205f}\u{202f}",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Every character up to U+3000 between two words.
        samples.extend(
            (0..=0x3000u32)
                .filter_map(char::from_u32)
                .map(|c| format!("a{c}b {c}")),
        );
        for s in samples {
            let want = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(one_line(&s), want, "{s:?}");
        }
    }
}
