//! The plain rendered dialect: one small nom parser per line rule (see the
//! grammar in [`crate::markup`]), and a block loop that groups lines.

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, take_till1, take_while, take_while1},
    character::complete::{char, space0, space1},
    combinator::{all_consuming, rest, verify},
};

use crate::diagnostics::{Diagnostic, DiagnosticKind};
use crate::document::{Block, BlockKind, Dialect, Document, Field, MAX_INFOBOX_FIELDS, Text};
use crate::span::Span;

/// Deepest heading level; MediaWiki stops at six too.
const MAX_LEVEL: usize = 6;

/// A line of the source without its line break, and where it starts.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    text: &'a str,
    start: usize,
}

impl Line<'_> {
    fn span(&self) -> Span {
        Span::new(self.start, self.start + self.text.len())
    }
    fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
    /// The span of `part`, a sub-slice of this line.
    fn sub(&self, part: &str) -> Span {
        Span::of_subslice(self.start, self.text, part)
    }
}

/// Splits the source into lines, dropping `\n` and a `\r` before it.
fn lines(src: &str) -> Vec<Line<'_>> {
    let mut out = Vec::with_capacity(src.len() / 60 + 1);
    // A byte-order mark is not article text: the first line starts after it.
    let mut start = 0;
    let src_body = match src.strip_prefix('\u{feff}') {
        Some(rest) => {
            start = '\u{feff}'.len_utf8();
            rest
        }
        None => src,
    };
    for piece in src_body.split_inclusive('\n') {
        let text = piece.strip_suffix('\n').unwrap_or(piece);
        let text = text.strip_suffix('\r').unwrap_or(text);
        out.push(Line { text, start });
        start += piece.len();
    }
    out
}

/// A run of `=` signs; returns how many.
///
/// ```text
/// equals = 1*"="
/// ```
fn equals(input: &str) -> IResult<&str, usize> {
    take_while1(|c| c == '=').map(str::len).parse(input)
}

/// A heading or title line: the opening run, the inner text and the closing
/// run (0 when the line has none).
///
/// ```text
/// heading-line = equals *SP title *SP [equals] *SP
/// ```
fn heading_line(input: &str) -> IResult<&str, (usize, &str, usize)> {
    let (after_open, open) = equals.parse(input)?;
    let body = after_open.trim_end();
    let inner = body.trim_end_matches('=');
    let close = body.len() - inner.len();
    let title = inner.trim();
    if title.is_empty() {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        )));
    }
    Ok(("", (open, title, close)))
}

/// The infobox header line; returns the name, if any.
///
/// ```text
/// infobox = "Infobox" [1*SP name] *SP
/// ```
fn infobox_header(input: &str) -> IResult<&str, Option<&str>> {
    let name = verify(rest, |s: &str| {
        let s = s.trim();
        !s.is_empty() && s.len() <= 80 && !s.ends_with(['.', ':', ';', ','])
    });
    all_consuming((
        tag("Infobox"),
        alt((
            (space1, name).map(|(_, n): (&str, &str)| Some(n.trim())),
            space0.map(|_| None),
        )),
    ))
    .map(|(_, name)| name)
    .parse(input)
}

/// A list marker run and its depth: `-`, `**`, `#`, followed by a space.
///
/// ```text
/// list-prefix = 1*("-" / "*" / "#") 1*SP
/// ```
fn list_prefix(input: &str) -> IResult<&str, (char, usize)> {
    let (input, marks) = take_while1(|c| matches!(c, '-' | '*' | '#')).parse(input)?;
    let (input, _) = space1.parse(input)?;
    let first = marks.chars().next().unwrap_or('-');
    Ok((input, (first, marks.len())))
}

/// An infobox field after its marker: key, colon, value.
///
/// ```text
/// field = key ":" *SP value      ; key has no ":", value may (URLs)
/// ```
fn field(input: &str) -> IResult<&str, (&str, &str)> {
    let (input, key) = take_till1(|c| c == ':').parse(input)?;
    let (input, _) = char(':').parse(input)?;
    let (input, _) = take_while(|c: char| c == ' ' || c == '\t').parse(input)?;
    let (input, value) = rest.parse(input)?;
    Ok((input, (key, value)))
}

/// Parses an article in the plain dialect.
pub fn parse(src: &str) -> Document<'_> {
    let lines = lines(src);
    let mut p = BlockParser {
        src,
        lines: &lines,
        pos: 0,
        title: None,
        blocks: Vec::new(),
        diagnostics: Vec::new(),
        seen_content: false,
    };
    p.run();
    Document {
        source: src,
        dialect: Dialect::Plain,
        title: p.title,
        blocks: p.blocks,
        diagnostics: p.diagnostics,
        refs: Vec::new(),
        cites: Vec::new(),
        sfns: Vec::new(),
    }
}

struct BlockParser<'s, 'l> {
    src: &'s str,
    lines: &'l [Line<'s>],
    pos: usize,
    title: Option<Text<'s>>,
    blocks: Vec<Block<'s>>,
    diagnostics: Vec<Diagnostic>,
    /// True once anything but blank lines has been seen: a `= T =` line is
    /// the title only before that.
    seen_content: bool,
}

impl<'s> BlockParser<'s, '_> {
    fn run(&mut self) {
        while let Some(&line) = self.lines.get(self.pos) {
            if line.is_blank() {
                self.pos += 1;
                continue;
            }
            if let Ok((_, (open, title, close))) = heading_line(line.text) {
                self.heading(line, open, title, close);
                self.pos += 1;
            } else if let Ok((_, name)) = infobox_header(line.text) {
                self.infobox(line, name);
            } else if let Ok((rest, (marker, depth))) = list_prefix(line.text) {
                let text = Text::verbatim(self.src, line.sub(rest).trim(self.src));
                self.blocks.push(Block {
                    span: line.span(),
                    kind: BlockKind::ListItem {
                        marker,
                        depth: depth.min(u8::MAX as usize) as u8,
                        text,
                    },
                });
                self.pos += 1;
            } else {
                self.paragraph();
            }
            self.seen_content = true;
        }
    }

    fn heading(&mut self, line: Line<'s>, open: usize, title: &'s str, close: usize) {
        let title_span = line.sub(title);
        let text = Text::verbatim(self.src, title_span);
        if open == 1 && close == 1 && !self.seen_content && self.title.is_none() {
            self.title = Some(text);
            return;
        }
        let mut level = if close == 0 { open } else { open.min(close) };
        if close == 0 {
            self.diagnostics.push(Diagnostic::new(
                line.span(),
                DiagnosticKind::UnclosedHeading { open },
            ));
        } else if open != close {
            self.diagnostics.push(Diagnostic::new(
                line.span(),
                DiagnosticKind::UnbalancedHeading { open, close, level },
            ));
        }
        if level > MAX_LEVEL {
            self.diagnostics.push(Diagnostic::new(
                line.span(),
                DiagnosticKind::HeadingTooDeep {
                    level,
                    max: MAX_LEVEL,
                },
            ));
            level = MAX_LEVEL;
        }
        self.blocks.push(Block {
            span: line.span(),
            kind: BlockKind::Heading {
                level: level as u8,
                title: text,
            },
        });
    }

    fn infobox(&mut self, header: Line<'s>, name: Option<&'s str>) {
        let name = name.map(|n| Text::verbatim(self.src, header.sub(n)));
        let mut fields = Vec::new();
        let mut skipped: Option<(Span, usize)> = None;
        let mut end = header.span().end;
        self.pos += 1;
        while let Some(&line) = self.lines.get(self.pos) {
            if line.is_blank() {
                break;
            }
            let Ok((rest, _)) = list_prefix(line.text) else {
                break;
            };
            if fields.len() >= MAX_INFOBOX_FIELDS {
                // Past the limit: the field lines are still the infobox's
                // (taken, not read as list items), counted for the warning.
                skipped.get_or_insert((line.span(), 0)).1 += 1;
                end = line.span().end;
                self.pos += 1;
                continue;
            }
            match field(rest) {
                Ok((_, (key, value))) if !key.trim().is_empty() => {
                    fields.push(Field {
                        span: line.span(),
                        key: Text::verbatim(self.src, line.sub(key).trim(self.src)),
                        value: Text::verbatim(self.src, line.sub(value).trim(self.src)),
                    });
                }
                _ => {
                    self.diagnostics.push(Diagnostic::new(
                        line.span(),
                        DiagnosticKind::InfoboxFieldWithoutColon,
                    ));
                    let key = line.sub(rest).trim(self.src);
                    fields.push(Field {
                        span: line.span(),
                        key: Text::verbatim(self.src, key),
                        value: Text::verbatim(self.src, Span::new(key.end, key.end)),
                    });
                }
            }
            end = line.span().end;
            self.pos += 1;
        }
        if let Some((first, n)) = skipped {
            let kind = DiagnosticKind::InfoboxFieldLimit {
                total: fields.len() + n,
                limit: MAX_INFOBOX_FIELDS,
            };
            self.diagnostics
                .push(Diagnostic::new(Span::new(first.start, end), kind));
        }
        self.blocks.push(Block {
            span: Span::new(header.start, end),
            kind: BlockKind::Infobox { name, fields },
        });
    }

    /// Consecutive lines that no other rule claims.
    fn paragraph(&mut self) {
        let first = self.lines[self.pos];
        let mut last = first;
        self.pos += 1;
        while let Some(&line) = self.lines.get(self.pos) {
            if line.is_blank()
                || heading_line(line.text).is_ok()
                || infobox_header(line.text).is_ok()
                || list_prefix(line.text).is_ok()
            {
                break;
            }
            last = line;
            self.pos += 1;
        }
        let span = Span::new(first.start, last.span().end).trim(self.src);
        self.blocks.push(Block {
            span,
            kind: BlockKind::Paragraph(Text::verbatim(self.src, span)),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equals_counts_and_leaves_the_rest() {
        assert_eq!(equals("=== x"), Ok((" x", 3)));
        assert!(equals("x").is_err());
    }

    #[test]
    fn heading_line_levels() {
        assert_eq!(heading_line("==History=="), Ok(("", (2, "History", 2))));
        assert_eq!(
            heading_line("==== Russian invasion ====  "),
            Ok(("", (4, "Russian invasion", 4)))
        );
        assert_eq!(heading_line("= T ="), Ok(("", (1, "T", 1))));
        assert_eq!(heading_line("==Open"), Ok(("", (2, "Open", 0))));
        assert_eq!(heading_line("===Odd=="), Ok(("", (3, "Odd", 2))));
        assert!(heading_line("====").is_err());
        assert!(heading_line("no").is_err());
    }

    #[test]
    fn infobox_header_with_and_without_name() {
        assert_eq!(infobox_header("Infobox"), Ok(("", None)));
        assert_eq!(
            infobox_header("Infobox country "),
            Ok(("", Some("country")))
        );
        assert!(infobox_header("Infoboxes are useful.").is_err());
        assert!(infobox_header("Infobox templates are described below.").is_err());
    }

    #[test]
    fn list_prefix_depth_and_rest() {
        assert_eq!(list_prefix("- item"), Ok(("item", ('-', 1))));
        assert_eq!(list_prefix("** deep"), Ok(("deep", ('*', 2))));
        assert_eq!(list_prefix("#  two"), Ok(("two", ('#', 1))));
        assert!(list_prefix("-item").is_err());
        assert!(list_prefix("text").is_err());
    }

    #[test]
    fn field_value_keeps_later_colons() {
        assert_eq!(
            field("Website: https://example.org/a:b"),
            Ok(("", ("Website", "https://example.org/a:b")))
        );
        assert_eq!(field("Empty:"), Ok(("", ("Empty", ""))));
        assert!(field("no colon").is_err());
    }

    #[test]
    fn blocks_of_a_small_article() {
        let src = "= T =\n\nInfobox\n- A: 1\n- B:\n\nPara one\ncontinues.\n\n==H==\n- x\n";
        let doc = parse(src);
        assert_eq!(doc.title.as_ref().map(|t| t.as_str()), Some("T"));
        let kinds: Vec<&str> = doc
            .blocks
            .iter()
            .map(|b| match &b.kind {
                BlockKind::Heading { .. } => "h",
                BlockKind::Infobox { .. } => "i",
                BlockKind::Paragraph(_) => "p",
                BlockKind::ListItem { .. } => "l",
                BlockKind::TableCell { .. } => "t",
            })
            .collect();
        assert_eq!(kinds, ["i", "p", "h", "l"]);
        assert_eq!(&src[doc.blocks[1].span], "Para one\ncontinues.");
        assert!(doc.diagnostics.is_empty());
    }

    #[test]
    fn mismatched_heading_is_diagnosed() {
        let doc = parse("===A==\n");
        assert_eq!(doc.diagnostics.len(), 1);
        match &doc.blocks[0].kind {
            BlockKind::Heading { level, .. } => assert_eq!(*level, 2),
            other => panic!("expected heading, got {other:?}"),
        }
    }
}
