//! The first wikitext pass: one linear scan that pairs `{{`/`}}`,
//! `{{{`/`}}}` and `[[`/`]]`, finds opaque regions (comments, `<nowiki>`,
//! `<math>`, …) and `<ref>` tags.
//!
//! Later stages never search for a closer themselves: they ask the scan,
//! which keeps rendering linear. Searches for closing strings go through
//! [`Finder`], which remembers its last answer, so a thousand unclosed
//! comments cost one search, not a thousand.

use crate::bytes::ByteSet;
use crate::diagnostics::{Diagnostic, DiagnosticKind};
use crate::lexicon::markup;
use crate::span::Span;

/// How deep templates and links may nest. Real articles stay below 20;
/// deeper input is hostile or broken, and a limit keeps the stack (and any
/// recursion over it later) bounded.
pub const MAX_NESTING: usize = 100;

/// How many templates (and template parameters) one article may open.
/// The longest real articles hold a few thousand (lists with a flag per
/// row reach tens of thousands); every pair costs its place in the scan
/// and a call later, so a generated page of millions of `{{x}}` would cost
/// hundreds of megabytes. Past the limit, `{{` is text, with a diagnostic.
pub const MAX_TEMPLATES: usize = 200_000;

/// At most this many diagnostics of one kind are reported one by one; the
/// rest are counted in a summary, so broken input cannot flood the output.
const MAX_DIAGNOSTICS_PER_KIND: usize = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PairKind {
    Template,
    Param,
    Link,
}

/// What an opaque region holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opaque {
    /// `<!-- … -->`: dropped.
    Comment,
    /// `<nowiki>…</nowiki>`, `<pre>…</pre>`: content shown literally.
    Literal { content: (Pos, Pos) },
    /// `<math>`, `<gallery>`, `<timeline>`, …: dropped.
    Dropped,
}

/// A `<ref>` tag found by the scan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRef {
    pub span: Span,
    /// The opening tag's attributes text.
    pub attrs: (usize, usize),
    pub content: Option<(usize, usize)>,
}

#[derive(Debug, Default)]
pub struct Scan {
    /// `(opener start, closer end, kind)`, sorted by opener start.
    pairs: Vec<(Pos, Pos, PairKind)>,
    /// `(start, end, what)`, sorted and disjoint.
    pub opaque: Vec<(Pos, Pos, Opaque)>,
    pub refs: Vec<RawRef>,
    pub diagnostics: Vec<Diagnostic>,
    /// Top-level constructs as sorted, disjoint intervals: a line break
    /// inside one does not end a block.
    covered: Vec<(Pos, Pos)>,
}

/// A byte offset as the scan keeps it. An article is at most
/// [`crate::MAX_ARTICLE_BYTES`] (1 GiB), so 32 bits hold every offset, and
/// the scan's lists take half the room: a page of 400,000 unclosed
/// comments kept 40 bytes a comment, 21 MB at the last growth.
pub type Pos = u32;

/// `at` as a [`Pos`]: within the article size limit, it always fits.
fn pos(at: usize) -> Pos {
    debug_assert!(Pos::try_from(at).is_ok(), "offset {at} past any article");
    Pos::try_from(at).unwrap_or(Pos::MAX)
}

/// Forward search for a fixed needle that caches its last answer. Queries
/// must come in non-decreasing order of `from` (as the scan's do).
struct Finder {
    needle: &'static [u8],
    /// `Some(Some(p))`: the next match at or after the last query is at
    /// `p`; `Some(None)`: there is none; `None`: not searched yet.
    last: Option<Option<usize>>,
    ascii_case_insensitive: bool,
}

impl Finder {
    fn new(needle: &'static str, ci: bool) -> Finder {
        Finder {
            needle: needle.as_bytes(),
            last: None,
            ascii_case_insensitive: ci,
        }
    }

    fn find(&mut self, hay: &[u8], from: usize) -> Option<usize> {
        match self.last {
            Some(None) => return None,
            Some(Some(p)) if p >= from => return Some(p),
            _ => {}
        }
        // Every needle starts with a byte that has no case (`<`, `-`):
        // memchr finds candidates, then the rest is compared.
        let n = self.needle.len();
        let mut at = from;
        let found = loop {
            let Some(p) = memchr_from(hay, self.needle[0], at) else {
                break None;
            };
            let Some(w) = hay.get(p..p + n) else {
                break None;
            };
            let hit = if self.ascii_case_insensitive {
                w.eq_ignore_ascii_case(self.needle)
            } else {
                w == self.needle
            };
            if hit {
                break Some(p);
            }
            at = p + 1;
        };
        self.last = Some(found);
        found
    }
}

struct Open {
    at: usize,
    kind: PairKind,
}

/// Counts diagnostics per kind and reports the overflow once.
#[derive(Default)]
struct DiagSink {
    list: Vec<Diagnostic>,
    counts: [usize; 6],
    first_over: [Option<Span>; 6],
}

impl DiagSink {
    fn push(&mut self, kind: usize, d: Diagnostic) {
        self.counts[kind] += 1;
        if self.counts[kind] <= MAX_DIAGNOSTICS_PER_KIND {
            self.list.push(d);
        } else if self.first_over[kind].is_none() {
            self.first_over[kind] = Some(d.span);
        }
    }

    fn finish(mut self) -> Vec<Diagnostic> {
        for k in 0..self.counts.len() {
            if let Some(span) = self.first_over[k] {
                self.list.push(Diagnostic::new(
                    span,
                    DiagnosticKind::MoreOfKind {
                        count: self.counts[k] - MAX_DIAGNOSTICS_PER_KIND,
                    },
                ));
            }
        }
        self.list.sort_by_key(|d| (d.span.start, d.span.end));
        self.list
    }
}

const D_TEMPLATE: usize = 0;
const D_LINK: usize = 1;
const D_COMMENT: usize = 2;
const D_REF: usize = 3;
const D_NESTING: usize = 4;
const D_TAG: usize = 5;

impl Scan {
    /// Scans `src` once.
    pub fn new(src: &str) -> Scan {
        let b = src.as_bytes();
        let mut scan = Scan::default();
        let mut diags = DiagSink::default();
        let mut stack: Vec<Open> = Vec::new();
        let mut comment_end = Finder::new("-->", false);
        let mut ref_close = Finder::new("</ref>", true);
        let mut tag_closers: Vec<(&'static str, Finder)> = Vec::new();
        // Stack depth when the current <ref> opened: pairs opened inside a
        // ref must close inside it.
        let mut ref_base: Option<(usize, usize, usize, (usize, usize))> = None;
        let mut templates = 0usize;
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            match c {
                b'<' => {
                    if b[i..].starts_with(b"<!--") {
                        let end = match comment_end.find(b, i + 4) {
                            Some(p) => p + 3,
                            None => {
                                let eol = line_end(b, i);
                                diags.push(
                                    D_COMMENT,
                                    Diagnostic::new(
                                        Span::new(i, eol),
                                        DiagnosticKind::UnclosedComment,
                                    ),
                                );
                                eol
                            }
                        };
                        scan.opaque.push((pos(i), pos(end), Opaque::Comment));
                        i = end;
                        continue;
                    }
                    if let Some(r) = &ref_base {
                        if starts_with_ci(&b[i..], b"</ref") {
                            let close_end = memchr_from(b, b'>', i).map_or(b.len(), |p| p + 1);
                            close_ref(
                                &mut scan, &mut stack, &mut diags, r.0, r.1, r.3, i, close_end,
                            );
                            ref_base = None;
                            i = close_end;
                            continue;
                        }
                    }
                    if let Some((name, tag_end, self_closing)) = open_tag(b, i) {
                        let lower = name.to_ascii_lowercase();
                        if lower == "ref" {
                            if ref_base.is_some() {
                                // A ref inside a ref: the outer one was not
                                // closed. Close it here, locally.
                                let (start, depth, _, attrs) =
                                    ref_base.take().unwrap_or((i, 0, 0, (i, i)));
                                diags.push(
                                    D_REF,
                                    Diagnostic::new(
                                        Span::new(start, i),
                                        DiagnosticKind::UnclosedRefBeforeNext,
                                    ),
                                );
                                close_ref(
                                    &mut scan, &mut stack, &mut diags, start, depth, attrs, i, i,
                                );
                            }
                            let attrs = (
                                i + 4,
                                if self_closing {
                                    tag_end - 2
                                } else {
                                    tag_end - 1
                                },
                            );
                            if self_closing {
                                scan.refs.push(RawRef {
                                    span: Span::new(i, tag_end),
                                    attrs,
                                    content: None,
                                });
                            } else {
                                // Is there a closing tag at all?
                                match ref_close.find(b, tag_end) {
                                    Some(_) => ref_base = Some((i, stack.len(), tag_end, attrs)),
                                    None => {
                                        let eol = line_end(b, i);
                                        diags.push(
                                            D_REF,
                                            Diagnostic::new(
                                                Span::new(i, eol),
                                                DiagnosticKind::UnclosedRefAtLineEnd,
                                            ),
                                        );
                                        scan.refs.push(RawRef {
                                            span: Span::new(i, eol),
                                            attrs,
                                            content: Some((tag_end, eol.max(tag_end))),
                                        });
                                        scan.opaque.push((
                                            pos(i),
                                            pos(eol.max(tag_end)),
                                            Opaque::Dropped,
                                        ));
                                        i = eol.max(tag_end);
                                        continue;
                                    }
                                }
                            }
                            i = tag_end;
                            continue;
                        }
                        let opaque = markup::opaque_tag(&lower).filter(|_| !self_closing);
                        if let Some(&(_, closer, literal)) = opaque {
                            let finder = match tag_closers.iter_mut().find(|(n, _)| *n == closer) {
                                Some((_, f)) => f,
                                None => {
                                    tag_closers.push((closer, Finder::new(closer, true)));
                                    &mut tag_closers.last_mut().expect("pushed").1
                                }
                            };
                            let (content_end, end) = match finder.find(b, tag_end) {
                                Some(p) => (p, memchr_from(b, b'>', p).map_or(b.len(), |q| q + 1)),
                                None => {
                                    diags.push(
                                        D_TAG,
                                        Diagnostic::new(
                                            Span::new(i, tag_end),
                                            DiagnosticKind::UnclosedTag {
                                                tag: lower.to_string(),
                                            },
                                        ),
                                    );
                                    (tag_end, tag_end)
                                }
                            };
                            let what = if literal {
                                Opaque::Literal {
                                    content: (pos(tag_end), pos(content_end)),
                                }
                            } else {
                                Opaque::Dropped
                            };
                            scan.opaque.push((pos(i), pos(end), what));
                            i = end;
                            continue;
                        }
                    }
                    i += 1;
                }
                b'{' => {
                    let n = run(b, i, b'{');
                    let mut k = i;
                    let mut left = n;
                    while left >= 2 {
                        let kind = if left == 3 {
                            PairKind::Param
                        } else {
                            PairKind::Template
                        };
                        let width = if kind == PairKind::Param { 3 } else { 2 };
                        templates += 1;
                        if templates > MAX_TEMPLATES {
                            if templates == MAX_TEMPLATES + 1 {
                                diags.push(
                                    D_NESTING,
                                    Diagnostic::new(
                                        Span::new(k, k + width),
                                        DiagnosticKind::TemplateLimit {
                                            limit: MAX_TEMPLATES,
                                        },
                                    ),
                                );
                            }
                        } else if stack.len() >= MAX_NESTING {
                            diags.push(
                                D_NESTING,
                                Diagnostic::new(
                                    Span::new(k, k + width),
                                    DiagnosticKind::TemplateNesting { limit: MAX_NESTING },
                                ),
                            );
                        } else {
                            stack.push(Open { at: k, kind });
                        }
                        k += width;
                        left -= width;
                    }
                    i += n;
                }
                b'}' => {
                    let mut m = run(b, i, b'}');
                    let mut at = i;
                    let floor = ref_base.map_or(0, |r| r.1);
                    while m >= 2 && stack.len() > floor {
                        let top = stack.last().map(|o| o.kind);
                        match top {
                            Some(PairKind::Link) => {
                                let o = stack.pop().expect("non-empty");
                                diags.push(
                                    D_LINK,
                                    Diagnostic::new(
                                        Span::new(o.at, o.at + 2),
                                        DiagnosticKind::UnclosedLink,
                                    ),
                                );
                            }
                            Some(PairKind::Param) if m >= 3 => {
                                let o = stack.pop().expect("non-empty");
                                scan.pairs.push((pos(o.at), pos(at + 3), PairKind::Param));
                                at += 3;
                                m -= 3;
                            }
                            Some(_) => {
                                let o = stack.pop().expect("non-empty");
                                scan.pairs
                                    .push((pos(o.at), pos(at + 2), PairKind::Template));
                                at += 2;
                                m -= 2;
                            }
                            None => break,
                        }
                    }
                    i += run(b, i, b'}');
                }
                b'[' => {
                    let n = run(b, i, b'[');
                    if n >= 2 {
                        if stack.len() >= MAX_NESTING {
                            diags.push(
                                D_NESTING,
                                Diagnostic::new(
                                    Span::new(i, i + 2),
                                    DiagnosticKind::LinkNesting { limit: MAX_NESTING },
                                ),
                            );
                        } else {
                            stack.push(Open {
                                at: i + n - 2,
                                kind: PairKind::Link,
                            });
                        }
                    }
                    i += n;
                }
                b']' => {
                    // "]]]]" can close a link inside a link (a file caption
                    // with a link in it): close as many as the run allows.
                    let n = run(b, i, b']');
                    let mut at = i;
                    let mut m = n;
                    while m >= 2 && stack.last().is_some_and(|o| o.kind == PairKind::Link) {
                        let o = stack.pop().expect("non-empty");
                        scan.pairs.push((pos(o.at), pos(at + 2), PairKind::Link));
                        at += 2;
                        m -= 2;
                    }
                    i += n;
                }
                b'\n' => {
                    // Links do not span lines: unclosed ones end here.
                    while stack.last().is_some_and(|o| o.kind == PairKind::Link) {
                        let o = stack.pop().expect("non-empty");
                        diags.push(
                            D_LINK,
                            Diagnostic::new(
                                Span::new(o.at, o.at + 2),
                                DiagnosticKind::UnclosedLinkAtLineEnd,
                            ),
                        );
                    }
                    i += 1;
                }
                _ => {
                    // Jump to the next byte that matters.
                    i = SCAN_STOPS.find(b, i + 1).unwrap_or(b.len());
                }
            }
        }
        if let Some((start, depth, _, attrs)) = ref_base.take() {
            diags.push(
                D_REF,
                Diagnostic::new(Span::new(start, b.len()), DiagnosticKind::UnclosedRef),
            );
            close_ref(
                &mut scan,
                &mut stack,
                &mut diags,
                start,
                depth,
                attrs,
                b.len(),
                b.len(),
            );
        }
        for o in stack.drain(..) {
            let (what, close) = match o.kind {
                PairKind::Template => ("template", "}}"),
                PairKind::Param => ("template parameter", "}}}"),
                PairKind::Link => ("link", "]]"),
            };
            let kind = if o.kind == PairKind::Link {
                D_LINK
            } else {
                D_TEMPLATE
            };
            diags.push(
                kind,
                Diagnostic::new(
                    Span::new(o.at, o.at + if o.kind == PairKind::Param { 3 } else { 2 }),
                    DiagnosticKind::UnclosedAtEnd { what, close },
                ),
            );
        }
        scan.pairs.sort_unstable_by_key(|p| p.0);
        scan.opaque.sort_unstable_by_key(|o| o.0);
        scan.refs.sort_by_key(|r| r.span.start);
        scan.covered = covered(&scan);
        scan.diagnostics = diags.finish();
        scan
    }

    /// The pair opening exactly at `at`: its end and kind.
    pub fn pair_at(&self, at: usize) -> Option<(usize, PairKind)> {
        let i = self.pairs.binary_search_by_key(&pos(at), |p| p.0).ok()?;
        Some((self.pairs[i].1 as usize, self.pairs[i].2))
    }

    /// The opaque region starting exactly at `at`.
    pub fn opaque_at(&self, at: usize) -> Option<(usize, Opaque)> {
        let i = self.opaque.binary_search_by_key(&pos(at), |o| o.0).ok()?;
        Some((self.opaque[i].1 as usize, self.opaque[i].2))
    }

    /// Does an opaque region (a comment, `<nowiki>`…) start inside
    /// `from..to` and end after `to`? Then a closer found at `to` is
    /// inside it, and no closer at all.
    pub fn opaque_across(&self, from: usize, to: usize) -> bool {
        let (from, to) = (pos(from), pos(to));
        let first = self.opaque.partition_point(|o| o.0 < from);
        self.opaque[first..]
            .iter()
            .take_while(|o| o.0 < to)
            .any(|o| o.1 > to)
    }

    /// The index of the ref starting exactly at `at`.
    pub fn ref_at(&self, at: usize) -> Option<usize> {
        self.refs.binary_search_by_key(&at, |r| r.span.start).ok()
    }

    /// The end of the logical line starting at or after `from`: the next
    /// `\n` that is not inside a template, comment, ref or other construct.
    pub fn line_end(&self, src: &[u8], from: usize) -> usize {
        let mut p = from;
        loop {
            let Some(q) = memchr_from(src, b'\n', p) else {
                return src.len();
            };
            // The covered interval holding q, if any.
            let k = self.covered.partition_point(|c| c.0 as usize <= q);
            match k.checked_sub(1).map(|k| self.covered[k]) {
                Some((s, e)) if s as usize <= q && q < e as usize => p = e as usize,
                _ => return q,
            }
        }
    }
}

/// Records a closed (or force-closed) ref and drops pairs left open in it.
#[allow(clippy::too_many_arguments)]
fn close_ref(
    scan: &mut Scan,
    stack: &mut Vec<Open>,
    diags: &mut DiagSink,
    start: usize,
    depth: usize,
    attrs: (usize, usize),
    content_end: usize,
    end: usize,
) {
    while stack.len() > depth {
        let o = stack.pop().expect("non-empty");
        diags.push(
            D_TEMPLATE,
            Diagnostic::new(Span::new(o.at, o.at + 2), DiagnosticKind::UnclosedInRef),
        );
    }
    // `attrs.1` is the `>` of the opening tag.
    let content_start = attrs.1 + 1;
    scan.refs.push(RawRef {
        span: Span::new(start, end.max(start)),
        attrs,
        content: Some((content_start.min(content_end), content_end)),
    });
}

/// Top-level constructs (pairs, opaque regions, refs) merged into sorted
/// disjoint intervals.
fn covered(scan: &Scan) -> Vec<(Pos, Pos)> {
    let mut all: Vec<(Pos, Pos)> = scan
        .pairs
        .iter()
        .filter(|p| p.2 != PairKind::Link)
        .map(|p| (p.0, p.1))
        .chain(scan.opaque.iter().map(|o| (o.0, o.1)))
        .chain(
            scan.refs
                .iter()
                .map(|r| (pos(r.span.start), pos(r.span.end))),
        )
        .collect();
    all.sort_unstable();
    let mut out: Vec<(Pos, Pos)> = Vec::with_capacity(all.len());
    for (s, e) in all {
        match out.last_mut() {
            Some(last) if s < last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

fn run(b: &[u8], i: usize, c: u8) -> usize {
    b[i..].iter().take_while(|&&x| x == c).count()
}

fn memchr_from(b: &[u8], c: u8, from: usize) -> Option<usize> {
    crate::bytes::find_byte(b, c, from)
}

/// The bytes the scan acts on; everything else is skipped in bulk.
const SCAN_STOPS: ByteSet = ByteSet::new(b"<{}[]\n");

fn line_end(b: &[u8], from: usize) -> usize {
    memchr_from(b, b'\n', from).unwrap_or(b.len())
}

fn starts_with_ci(hay: &[u8], needle: &[u8]) -> bool {
    hay.len() >= needle.len() && hay[..needle.len()].eq_ignore_ascii_case(needle)
}

/// An opening HTML-like tag at `i`: its name, the index after `>`, and
/// whether it closes itself (`<ref name="a" />`). Tags do not span lines
/// and are at most 1000 bytes long, which bounds the search.
pub fn open_tag(b: &[u8], i: usize) -> Option<(&str, usize, bool)> {
    let name_len = b
        .get(i + 1..)?
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if name_len == 0 || !b[i + 1].is_ascii_alphabetic() {
        return None;
    }
    let after = i + 1 + name_len;
    if !matches!(b.get(after), Some(b' ' | b'\t' | b'>' | b'/' | b'\n')) {
        return None;
    }
    let limit = (after + 1000).min(b.len());
    let gt = b[after..limit]
        .iter()
        .position(|&c| c == b'>' || c == b'<')?
        + after;
    if b[gt] != b'>' {
        return None;
    }
    let self_closing = b[..gt].ends_with(b"/");
    let name = std::str::from_utf8(&b[i + 1..after]).ok()?;
    Some((name, gt + 1, self_closing))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_nest_and_close() {
        let s = Scan::new("a {{x|{{y}}|[[L|t]]}} {{{1}}} b");
        assert_eq!(s.pair_at(2), Some((21, PairKind::Template)));
        assert_eq!(s.pair_at(6), Some((11, PairKind::Template)));
        assert_eq!(s.pair_at(12), Some((19, PairKind::Link)));
        assert_eq!(s.pair_at(22), Some((29, PairKind::Param)));
        assert!(s.diagnostics.is_empty());
    }

    #[test]
    fn unclosed_constructs_degrade_locally() {
        let s = Scan::new("{{open\n== H ==\n[[link\ntext <!-- no end\nmore");
        assert_eq!(s.pair_at(0), None);
        assert!(s.diagnostics.len() >= 3, "{:?}", s.diagnostics);
        // The comment stops at the end of its line.
        assert_eq!(
            s.opaque[0].1 as usize,
            "{{open\n== H ==\n[[link\ntext <!-- no end".len()
        );
    }

    #[test]
    fn refs_and_opaque_tags() {
        let src = "x<ref name=\"a\">{{cite web|t=1}}</ref> y<ref name=a/> <nowiki>{{no}}</nowiki>";
        let s = Scan::new(src);
        assert_eq!(s.refs.len(), 2);
        let c = s.refs[0].content.expect("content");
        assert_eq!(&src[c.0..c.1], "{{cite web|t=1}}");
        assert_eq!(s.refs[1].content, None);
        assert!(matches!(s.opaque[0].2, Opaque::Literal { .. }));
        assert_eq!(s.pair_at(src.find("{{no").expect("pos")), None);
    }

    #[test]
    fn line_end_skips_multiline_templates() {
        let src = "a {{x\n|y}} b\nnext";
        let s = Scan::new(src);
        assert_eq!(
            s.line_end(src.as_bytes(), 0),
            src.find(" b\n").expect("pos") + 2
        );
    }

    #[test]
    fn deep_nesting_is_bounded() {
        let src = "{{".repeat(10_000) + &"}}".repeat(10_000);
        let s = Scan::new(&src);
        assert!(s.diagnostics.len() <= MAX_DIAGNOSTICS_PER_KIND * 6 + 6);
        assert!(s.pairs.len() <= MAX_NESTING);
    }
}
