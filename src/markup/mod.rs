//! Stage 1: markup → [`Document`]. nom lives only in this module.
//!
//! # Grammar of the plain dialect
//!
//! The plain dialect is line-based. Each line is classified by the first
//! rule below that matches it; anything else is paragraph text, never an
//! error.
//!
//! ```text
//! title-line   = "=" *SP title *SP "="                ; only before any content
//! heading      = 2*6"=" *SP title *SP 2*6"="          ; level = number of "="
//! infobox      = "Infobox" [SP name] EOL *field-line   ; ends at a blank line
//! field-line   = list-marker SP key ":" [SP value]
//! list-item    = 1*list-marker SP text                ; depth = number of markers
//! list-marker  = "-" / "*" / "#"
//! blank        = *WSP EOL
//! paragraph    = 1*text-line                          ; consecutive other lines
//! ```

pub mod plain;
pub mod wikitext;

use crate::document::{Dialect, Document};

/// Parses `src` in the given dialect. Never fails: malformed markup becomes
/// diagnostics on the document.
pub fn parse(src: &str, dialect: Dialect) -> Document<'_> {
    parse_page(src, dialect, None)
}

/// [`parse`] for a page whose name is known (a file's title, a dump page's
/// title): wikitext's `{{PAGENAME}}`, and templates that show the page's
/// name by default, render it.
pub fn parse_page<'s>(src: &'s str, dialect: Dialect, page: Option<&'s str>) -> Document<'s> {
    let mut doc = match dialect {
        Dialect::Plain => plain::parse(src),
        Dialect::Wikitext => wikitext::parse_page(src, page),
    };
    let has_heading = doc
        .blocks
        .iter()
        .any(|b| matches!(b.kind, crate::document::BlockKind::Heading { .. }));
    if !has_heading {
        if let Some(d) = headings_inside_lines(src) {
            doc.diagnostics.push(d);
            doc.diagnostics.sort_by_key(|d| (d.span.start, d.span.end));
        }
    }
    doc
}

/// Heading marks in the middle of lines (`… text. ==History== The club …`),
/// in an article without a heading: its line breaks were most likely lost
/// on the way (joined into one line), and a heading counts only at a
/// line's start, so the article has no sections. Said rather than guessed
/// around: at least two such marks, the first one's span.
fn headings_inside_lines(src: &str) -> Option<crate::diagnostics::Diagnostic> {
    use crate::diagnostics::{Diagnostic, DiagnosticKind};
    let bytes = src.as_bytes();
    let mut found = 0usize;
    let mut first = None;
    let mut i = 0;
    // Whether the line of the mark holds text before it, kept as the scan
    // moves on (looking back to the line's start at each mark would be
    // quadratic on one long line of them).
    let (mut scanned, mut line_has_text) = (0usize, false);
    while let Some(k) = memchr::memmem::find(&bytes[i..], b" ==") {
        let open = i + k + 1;
        let new = &bytes[scanned..open - 1];
        let since_break = match memchr::memrchr(b'\n', new) {
            Some(p) => {
                line_has_text = false;
                &new[p + 1..]
            }
            None => new,
        };
        line_has_text |= since_break.iter().any(|b| !b.is_ascii_whitespace());
        scanned = open - 1;
        let marks = bytes[open..].iter().take_while(|&&b| b == b'=').count();
        let inner = open + marks;
        // The title: up to 200 bytes on the same line, then as many `=`.
        let close = bytes[inner..]
            .iter()
            .take(200)
            .position(|&b| b == b'=' || b == b'\n')
            .map(|p| inner + p);
        i = inner;
        let Some(close) = close.filter(|&c| c > inner && bytes[c] == b'=') else {
            continue;
        };
        let closing = bytes[close..].iter().take_while(|&&b| b == b'=').count();
        let after = bytes.get(close + closing).copied();
        if (2..=6).contains(&marks)
            && closing == marks
            && line_has_text
            && matches!(after, None | Some(b' ' | b'\n' | b'\r'))
        {
            found += 1;
            first.get_or_insert(crate::span::Span::new(open, close + closing));
            i = close + closing;
        }
    }
    let span = first.filter(|_| found >= 2)?;
    Some(Diagnostic::new(
        span,
        DiagnosticKind::HeadingsInsideLines { count: found },
    ))
}

/// Guesses the dialect from the text: templates, wikilinks, `<ref>` tags or
/// `'''bold'''` mean wikitext; otherwise plain.
pub fn detect_dialect(src: &str) -> Dialect {
    let sample = &src.as_bytes()[..crate::text::floor_char_boundary(src, 64 * 1024)];
    // One pass, stopping at the second signal.
    let mut hits = 0;
    let mut i = 0;
    while i + 1 < sample.len() && hits < 2 {
        let w = &sample[i..];
        if w.starts_with(b"{{")
            || w.starts_with(b"[[")
            || w.starts_with(b"<ref")
            || w.starts_with(b"'''")
            || w.starts_with(b"{|")
        {
            hits += 1;
            i += 2;
        } else {
            i += 1;
        }
    }
    // An article opening with a template (its infobox) is wikitext: the
    // plain dialect opens with its `= Title =` line.
    let opening = src.trim_start();
    if hits >= 2 || opening.starts_with("#REDIRECT") || opening.starts_with("{{") {
        Dialect::Wikitext
    } else {
        Dialect::Plain
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(src: &str, dialect: Dialect) -> Vec<&'static str> {
        parse(src, dialect)
            .diagnostics
            .iter()
            .map(|d| d.kind.code())
            .collect()
    }

    /// An article whose line breaks were lost keeps its heading marks in
    /// the middle of its one line: said, once, at the first.
    #[test]
    fn headings_inside_lines_are_said() {
        let one_line =
            "'''X''' is a club. ==History== It began. ===Early years=== Then. ==Honours== None.";
        for dialect in [Dialect::Wikitext, Dialect::Plain] {
            let doc = parse(one_line, dialect);
            let d: Vec<_> = doc
                .diagnostics
                .iter()
                .filter(|d| d.kind.code() == "headings-inside-lines")
                .collect();
            assert_eq!(d.len(), 1, "{dialect:?}: {:?}", doc.diagnostics);
            assert_eq!(&one_line[d[0].span.start..d[0].span.end], "==History==");
            assert!(d[0].kind.to_string().starts_with("3 heading marks"));
        }
    }

    /// Not for an article with headings, one stray mark, or `==` that is
    /// no heading (comparisons, unbalanced marks).
    #[test]
    fn no_word_where_headings_are_fine() {
        let with_headings = "Intro. ==Mid== text.\n\n==History==\nIt began. ==Also== this.\n";
        assert!(!codes(with_headings, Dialect::Wikitext).contains(&"headings-inside-lines"));
        for src in [
            "One stray ==Mark== in a line.",
            "If a == b and c == d then x ==y=== z.",
            "Code: x ==1== y ==2==3 and more.",
        ] {
            assert!(
                !codes(src, Dialect::Wikitext).contains(&"headings-inside-lines"),
                "{src}"
            );
        }
    }
}
