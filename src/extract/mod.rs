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

use crate::document::{BlockKind, Document, MarkKind, Text};
use crate::model;
use crate::money::Amount;
use crate::temporal::Mention;
use std::sync::Arc;

use crate::sentence;
use crate::span::{LineIndex, Span};
use crate::text::one_line;

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
    /// The path of records before the first heading. A section's path is
    /// shared by every record in it (`model::Section::path`): a record
    /// used to copy it, a vector and a string per level.
    no_path: Arc<[String]>,
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
            no_path: Arc::from(Vec::new()),
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
    pub fn path(&self, block: usize) -> Arc<[String]> {
        self.block_section
            .get(block)
            .copied()
            .flatten()
            .map_or_else(|| self.no_path.clone(), |s| self.sections[s].path.clone())
    }

    /// The path of records outside every section.
    pub fn no_path(&self) -> Arc<[String]> {
        self.no_path.clone()
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

    /// The dates and the amounts of every text unit, in unit order, from
    /// one tokenisation per unit that is let go once the unit is scanned:
    /// tokens are 32 bytes each, about six times the text, and holding
    /// every unit's at once was the largest share of a long article's
    /// peak memory. Each unit's finds are in text order, before the limits
    /// per sentence.
    ///
    /// A unit longer than [`SCAN_CHUNK`] (a page of markup without blank
    /// lines is one paragraph) is scanned a run of whole sentences at a
    /// time, so that its tokens never number more than a run's: a date or
    /// an amount lies inside one sentence.
    pub fn scan(&self) -> (Vec<Vec<Mention>>, Vec<Vec<Amount>>) {
        self.units
            .iter()
            .map(|u| {
                let text = u.text.as_str();
                let (mut dates, mut amounts) = if text.len() <= SCAN_CHUNK {
                    scan_text(text)
                } else {
                    let mut dates = Vec::new();
                    let mut amounts = Vec::new();
                    for run in sentence_runs(u.sentences(), text.len()) {
                        let (d, a) = scan_text(&text[run.clone()]);
                        dates.extend(d.into_iter().map(|mut m| {
                            m.range = m.range.start + run.start..m.range.end + run.start;
                            m
                        }));
                        amounts.extend(a.into_iter().map(|mut m| {
                            m.range = m.range.start + run.start..m.range.end + run.start;
                            m
                        }));
                    }
                    (dates, amounts)
                };
                // Most units hold one or two finds, in vectors grown for
                // four: held for every unit until extraction, the spare
                // room was most of a table's memory.
                dates.shrink_to_fit();
                amounts.shrink_to_fit();
                (dates, amounts)
            })
            .unzip()
    }

    /// Every stretch of running text that events and money are found in, in
    /// document order: paragraphs, list items (outside bibliography
    /// sections), table cells, and infobox values.
    pub fn text_units(&self) -> &[TextUnit<'d, 'a>] {
        &self.units
    }

    fn build_units(&self) -> Vec<TextUnit<'d, 'a>> {
        // Sized once (a unit per text block, one per infobox field, the
        // headings over): grown by doubling, a table's units were held
        // twice over at the last growth.
        let bound = self
            .doc
            .blocks
            .iter()
            .map(|b| match &b.kind {
                BlockKind::Infobox { fields, .. } => fields.len(),
                _ => 1,
            })
            .sum();
        let mut out = Vec::with_capacity(bound);
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
                            sentence_texts: std::sync::OnceLock::new(),
                            whole: true,
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
    /// Each sentence's one-line text, made on first use and shared by the
    /// records of that sentence.
    sentence_texts: std::sync::OnceLock<Vec<std::sync::OnceLock<Arc<str>>>>,
    /// Whether the unit is an infobox value (one sentence).
    whole: bool,
}

impl<'d, 'a> TextUnit<'d, 'a> {
    fn prose(block: usize, text: &'d Text<'a>) -> TextUnit<'d, 'a> {
        TextUnit {
            block,
            text,
            field: None,
            sentences: std::sync::OnceLock::new(),
            sentence_texts: std::sync::OnceLock::new(),
            whole: false,
        }
    }

    /// The sentences of the unit. A "sentence" longer than
    /// [`MAX_SENTENCE`] is a segmentation failure (a list run together,
    /// markup without stops): it is cut at spaces into pieces of at most
    /// that size, so that the records' sentences, each one of these
    /// pieces, together stay within the size of the text however many
    /// records there are.
    pub fn sentences(&self) -> &[std::ops::Range<usize>] {
        self.sentences.get_or_init(|| {
            let text = self.text.as_str();
            if self.whole {
                return split_long(text, std::iter::once(0..text.len()));
            }
            split_long(text, sentence::sentences(text).into_iter())
        })
    }

    /// The sentence holding rendered byte `at`, as plain text on one line,
    /// shared by every record of that sentence.
    pub fn sentence_at(&self, at: usize) -> Arc<str> {
        let Some(i) = self.sentence_index(at) else {
            return one_line(&self.text.as_str()[self.sentence_range(at)]).into();
        };
        let texts = self.sentence_texts.get_or_init(|| {
            (0..self.sentences().len())
                .map(|_| std::sync::OnceLock::new())
                .collect()
        });
        texts[i]
            .get_or_init(|| one_line(&self.text.as_str()[self.sentences()[i].clone()]).into())
            .clone()
    }

    /// The byte range of the sentence holding rendered byte `at`; outside
    /// every sentence (white space between them), the unit where it is
    /// short, else a window of [`MAX_SENTENCE`] around `at`, cut at spaces.
    pub fn sentence_range(&self, at: usize) -> std::ops::Range<usize> {
        if let Some(i) = self.sentence_index(at) {
            return self.sentences()[i].clone();
        }
        let text = self.text.as_str();
        if text.len() <= MAX_SENTENCE {
            return 0..text.len();
        }
        let half = MAX_SENTENCE / 2;
        let at = crate::text::floor_char_boundary(text, at.min(text.len()));
        let lo = crate::text::floor_char_boundary(text, at.saturating_sub(half));
        let hi = crate::text::floor_char_boundary(text, (at + half).min(text.len()));
        let lo = text[lo..at].find(' ').map_or(lo, |p| lo + p + 1);
        let hi = text[at..hi].rfind(' ').map_or(hi, |p| at + p);
        lo.min(at)..hi.max(at)
    }

    /// Indices of the citations cited in the sentence holding rendered byte
    /// `at`: the refs and short footnotes standing in it or right after its
    /// final stop (before the next sentence begins), where writers put them.
    pub fn cited(&self, at: usize, cits: &citations::Citations) -> Vec<usize> {
        if self.text.anchors.is_empty() {
            return Vec::new();
        }
        let (from, to) = match self.sentence_index(at) {
            // A sentence: up to where the next one begins.
            Some(i) => (
                self.sentences()[i].start,
                self.sentences().get(i + 1).map_or(usize::MAX, |n| n.start),
            ),
            // Between sentences: the window only.
            None => {
                let window = self.sentence_range(at);
                (window.start, window.end)
            }
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

/// The most text tokenised at once, in bytes: a text unit longer than this
/// is scanned in runs of whole sentences of about this size. Tokens take
/// about six times the text's size, so one paragraph of megabytes
/// tokenised whole was most of a hostile page's peak memory; real
/// paragraphs stay far below it, and are scanned whole.
pub const SCAN_CHUNK: usize = 64 << 10;

/// The dates and amounts of `text`, from one tokenisation let go after.
fn scan_text(text: &str) -> (Vec<Mention>, Vec<Amount>) {
    let tokens = crate::tokens::tokenize(text);
    (
        crate::temporal::find_in(text, &tokens),
        crate::money::find_in(&tokens),
    )
}

/// Consecutive runs of `sentences` (in order, covering text of `len`
/// bytes, with gaps of white space between them), each run at least
/// [`SCAN_CHUNK`] bytes but its last, cut only between sentences; the
/// runs together cover the whole text.
fn sentence_runs(sentences: &[std::ops::Range<usize>], len: usize) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    let mut start = 0;
    for s in sentences {
        if s.start > start && s.start - start >= SCAN_CHUNK {
            runs.push(start..s.start);
            start = s.start;
        }
    }
    if start < len || runs.is_empty() {
        runs.push(start..len);
    }
    runs
}

/// The most dates, or amounts, taken from one sentence; the rest are
/// skipped with a `sentence-record-limit` diagnostic. Every record repeats
/// its sentence (up to [`MAX_SENTENCE`] bytes), so this bounds the output
/// per input byte; a real sentence, even a list of years run together,
/// stays below it.
pub const MAX_RECORDS_PER_SENTENCE: usize = 100;

impl TextUnit<'_, '_> {
    /// `items` (in text order, each starting at rendered byte `start`)
    /// with at most [`MAX_RECORDS_PER_SENTENCE`] per sentence; where some
    /// were skipped, one diagnostic on the first sentence that had too
    /// many, counting `what` were skipped in the unit.
    pub fn limit_per_sentence<T>(
        &self,
        items: Vec<T>,
        start: impl Fn(&T) -> usize,
        what: &'static str,
        diags: &mut Vec<crate::diagnostics::Diagnostic>,
    ) -> Vec<T> {
        if items.len() <= MAX_RECORDS_PER_SENTENCE {
            return items;
        }
        let mut kept = Vec::with_capacity(items.len());
        let (mut current, mut count) = (None, 0);
        let mut skipped: Option<(Span, usize)> = None;
        for item in items {
            let at = start(&item);
            let s = self.sentence_index(at);
            if s != current {
                (current, count) = (s, 0);
            }
            count += 1;
            if count > MAX_RECORDS_PER_SENTENCE {
                let first = || self.text.source_span(self.sentence_range(at));
                skipped.get_or_insert_with(|| (first(), 0)).1 += 1;
            } else {
                kept.push(item);
            }
        }
        if let Some((span, skipped)) = skipped {
            let kind = crate::diagnostics::DiagnosticKind::SentenceRecordLimit {
                what,
                skipped,
                limit: MAX_RECORDS_PER_SENTENCE,
            };
            diags.push(crate::diagnostics::Diagnostic::new(span, kind));
        }
        kept
    }
}

/// `ranges` with every range longer than [`MAX_SENTENCE`] cut into pieces
/// of at most that size, each ending after a space where one is in its
/// second half (else at a character boundary); the pieces tile the range.
fn split_long(
    text: &str,
    ranges: impl Iterator<Item = std::ops::Range<usize>>,
) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    for r in ranges {
        let mut lo = r.start;
        while r.end - lo > MAX_SENTENCE {
            // Characters are at most 4 bytes: both lie well past `lo`.
            let hi = crate::text::floor_char_boundary(text, lo + MAX_SENTENCE);
            let mid = crate::text::floor_char_boundary(text, lo + MAX_SENTENCE / 2);
            let cut = text[mid..hi].rfind(' ').map_or(hi, |p| mid + p + 1);
            out.push(lo..cut);
            lo = cut;
        }
        out.push(lo..r.end);
    }
    out
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
            BlockKind::ListItem { text, .. } => {
                let entry = leading_link_text(text).unwrap_or_else(|| one_line(text.as_str()));
                Some(crate::text::unquote(&entry))
            }
            _ => None,
        })
        .filter(|s| !s.is_empty())
        .collect()
}

/// The shown text of the wikilink an entry opens with, where something
/// follows it: "[[Economy of Veltria]] – the economy" is the entry
/// "Economy of Veltria", the annotation after it is not part of the name.
fn leading_link_text(text: &Text<'_>) -> Option<String> {
    let s = text.as_str();
    let lead = s.len() - s.trim_start().len();
    let link = text
        .marks
        .iter()
        .take_while(|m| m.range.start <= lead)
        .find(|m| m.range.start == lead && matches!(m.kind, MarkKind::Link { .. }))?;
    if s[link.range.end..].trim().is_empty() {
        return None;
    }
    let shown = one_line(&s[link.range.clone()]);
    (!shown.is_empty()).then_some(shown)
}

#[cfg(test)]
mod scan_tests {
    use super::*;

    /// Runs cut between sentences only, each but the last at least
    /// `SCAN_CHUNK` long, covering the text.
    #[test]
    fn sentence_runs_cut_between_sentences() {
        let step = 1000;
        let len = 10 * SCAN_CHUNK + 17;
        let sentences: Vec<_> = (0..len / step)
            .map(|i| i * step..(i * step + step - 1).min(len))
            .collect();
        let runs = sentence_runs(&sentences, len);
        assert!(runs.len() > 1);
        assert_eq!(runs[0].start, 0);
        assert_eq!(runs.last().map(|r| r.end), Some(len));
        for w in runs.windows(2) {
            assert_eq!(w[0].end, w[1].start);
            assert!(w[0].len() >= SCAN_CHUNK);
            assert!(sentences.iter().any(|s| s.start == w[1].start));
        }
        assert_eq!(
            sentence_runs(&[], 10),
            vec![std::ops::Range { start: 0, end: 10 }]
        );
    }

    /// A paragraph longer than a scan's chunk gives every date and amount
    /// it holds, each at its own text, as a short one does.
    #[test]
    fn long_units_are_scanned_whole() {
        let n = 5000;
        let src = "On 3 May 1990 it cost $5 million. ".repeat(n);
        assert!(src.len() > 2 * SCAN_CHUNK);
        let config = crate::Config {
            dialect: Some(crate::Dialect::Wikitext),
            ..Default::default()
        };
        let a = crate::process_article(&src, &config);
        assert_eq!(a.events.len(), n);
        assert_eq!(a.money.len(), n);
        for e in &a.events {
            assert_eq!(
                &src[e.span.start as usize..e.span.end as usize],
                "3 May 1990"
            );
        }
        for m in &a.money {
            assert_eq!(
                &src[m.span.start as usize..m.span.end as usize],
                "$5 million"
            );
        }
    }
}
