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
    match dialect {
        Dialect::Plain => plain::parse(src),
        Dialect::Wikitext => wikitext::parse(src),
    }
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
