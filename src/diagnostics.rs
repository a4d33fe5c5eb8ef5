//! Diagnostics: what the parser and extractors noticed about malformed or
//! doubtful input. They never stop extraction; they travel with the output.
//!
//! Each finding is a [`DiagnosticKind`]: its message comes from one
//! `Display`, and its [`code`](DiagnosticKind::code) is a stable string that
//! downstream programs filter on (messages may be reworded; codes are not).

use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Every kind of finding. Messages follow one discipline: lowercase, no
/// trailing period, what was expected and what was found, then what was
/// done about it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DiagnosticKind {
    // --- markup, both dialects
    #[error("expected `{}` to close heading, found end of line", "=".repeat(*open))]
    UnclosedHeading { open: usize },
    #[error("heading opens with {open} `=` and closes with {close}, taking level {level}")]
    UnbalancedHeading {
        open: usize,
        close: usize,
        level: usize,
    },
    #[error("heading level {level} is deeper than {max}, taking {max}")]
    HeadingTooDeep { level: usize, max: usize },
    #[error(
        "{count} heading marks (`==…==`) stand inside lines, where they make no heading, and the \
         article has none: were its line breaks lost? No sections were made from them"
    )]
    HeadingsInsideLines { count: usize },
    #[error("expected `Key: value` in infobox, found no `:`; kept as a key with an empty value")]
    InfoboxFieldWithoutColon,
    #[error(
        "infobox field `{key}` renders as nothing because its templates are not known; its \
         value is given as written"
    )]
    InfoboxValueAsWritten { key: String },
    #[error("the infobox has {total} fields, more than the limit of {limit}; the rest are skipped")]
    InfoboxFieldLimit { total: usize, limit: usize },
    #[error(
        "the article is {bytes} bytes, more than the limit of {limit} (--max-bytes); only its \
         first {read} bytes were read"
    )]
    ArticleTooLarge {
        bytes: usize,
        limit: usize,
        read: usize,
    },
    #[error(
        "read as plain text as --dialect asked, but the text looks like wikitext (templates, \
         links, refs); without --dialect it would be read as wikitext"
    )]
    DialectMismatch,
    #[error(
        "the title line names the article `{title}`; the title given (--title) `{given}` is not used"
    )]
    TitleOptionIgnored { title: String, given: String },
    #[error(
        "the input is {:.1} MB, larger than any real article (the longest are about 3 MB of \
         wikitext): is it one article?",
        *bytes as f64 / 1e6
    )]
    ArticleUnusuallyLarge { bytes: usize },
    // --- wikitext
    #[error("the article opens more than {limit} templates; from here on `{{{{` is read as text")]
    TemplateLimit { limit: usize },
    #[error("the article is a redirect to `{target}`; nothing else to extract")]
    Redirect { target: String },
    #[error(
        "{total} template call{} rendered as nothing because the template is not known: {}",
        if *total == 1 { "" } else { "s" },
        names.join(", ")
    )]
    UnknownTemplates { total: usize, names: Vec<String> },
    #[error("unclosed table, expected `|}}`; the table ends at the end of the article")]
    UnclosedTable,
    #[error("unclosed comment, expected `-->`; the comment ends at the end of its line")]
    UnclosedComment,
    #[error("unclosed <ref>, expected `</ref>` before the next <ref>")]
    UnclosedRefBeforeNext,
    #[error("unclosed <ref>, expected `</ref>`; the reference ends at the end of its line")]
    UnclosedRefAtLineEnd,
    #[error("unclosed <ref>, expected `</ref>`")]
    UnclosedRef,
    #[error("unclosed <{tag}>, expected `</{tag}>`; taken as empty")]
    UnclosedTag { tag: String },
    #[error("template nesting exceeds the limit of {limit}; the rest is taken as text")]
    TemplateNesting { limit: usize },
    #[error("link nesting exceeds the limit of {limit}; the rest is taken as text")]
    LinkNesting { limit: usize },
    #[error("unclosed link, expected `]]`; taken as text")]
    UnclosedLink,
    #[error("unclosed link, expected `]]` before the end of the line; taken as text")]
    UnclosedLinkAtLineEnd,
    #[error("unclosed {what}, expected `{close}` before the end of the article; taken as text")]
    UnclosedAtEnd {
        what: &'static str,
        close: &'static str,
    },
    #[error("unclosed markup inside a <ref>, expected its closer before `</ref>`; taken as text")]
    UnclosedInRef,
    #[error("{count} more problems of this kind not listed one by one")]
    MoreOfKind { count: usize },
    #[error(
        "the wikitext is HTML-escaped (`&lt;ref&gt;` where `<ref>` belongs), as a dump read \
         without unescaping gives it: it was read unescaped, and spans point into the input \
         as given"
    )]
    EscapedWikitext,
    // --- extraction
    #[error("a second infobox was found; only the first is reported as `infobox`")]
    SecondInfobox,
    #[error("relative date `{written}` has no earlier date to resolve against; skipped")]
    UnanchoredRelativeDate { written: String },
    #[error("`{written}` ends before it starts; kept as a single date")]
    ReversedRange { written: String },
    #[error("`{written}` is not a calendar date ({iso}); no event recorded")]
    ImpossibleDate { written: String, iso: String },
    #[error("no year in reach for `{written}`; kept as {iso} without a year")]
    NoYearInReach { written: String, iso: String },
    #[error(
        "{skipped} {what} skipped in sentences holding more than {limit} (the first such \
         sentence is here)"
    )]
    SentenceRecordLimit {
        what: &'static str,
        skipped: usize,
        limit: usize,
    },
}

impl DiagnosticKind {
    /// The stable code of this kind, written to each JSON diagnostic's
    /// `code`: kebab-case, never reworded once released.
    pub fn code(&self) -> &'static str {
        use DiagnosticKind::*;
        match self {
            UnclosedHeading { .. } => "unclosed-heading",
            UnbalancedHeading { .. } => "unbalanced-heading",
            HeadingTooDeep { .. } => "heading-too-deep",
            HeadingsInsideLines { .. } => "headings-inside-lines",
            InfoboxFieldWithoutColon => "infobox-field-without-colon",
            InfoboxFieldLimit { .. } => "infobox-field-limit",
            InfoboxValueAsWritten { .. } => "infobox-value-as-written",
            ArticleTooLarge { .. } => "article-too-large",
            DialectMismatch => "dialect-mismatch",
            ArticleUnusuallyLarge { .. } => "article-unusually-large",
            TitleOptionIgnored { .. } => "title-option-ignored",
            Redirect { .. } => "redirect",
            UnknownTemplates { .. } => "unknown-templates",
            UnclosedTable => "unclosed-table",
            UnclosedComment => "unclosed-comment",
            UnclosedRefBeforeNext => "unclosed-ref-before-next",
            UnclosedRefAtLineEnd => "unclosed-ref-at-line-end",
            UnclosedRef => "unclosed-ref",
            UnclosedTag { .. } => "unclosed-tag",
            TemplateNesting { .. } => "template-nesting-limit",
            TemplateLimit { .. } => "template-limit",
            LinkNesting { .. } => "link-nesting-limit",
            UnclosedLink => "unclosed-link",
            UnclosedLinkAtLineEnd => "unclosed-link-at-line-end",
            UnclosedAtEnd { .. } => "unclosed-at-end",
            UnclosedInRef => "unclosed-in-ref",
            MoreOfKind { .. } => "more-of-kind",
            EscapedWikitext => "escaped-wikitext",
            SecondInfobox => "second-infobox",
            UnanchoredRelativeDate { .. } => "unanchored-relative-date",
            ReversedRange { .. } => "reversed-range",
            ImpossibleDate { .. } => "impossible-date",
            NoYearInReach { .. } => "no-year-in-reach",
            SentenceRecordLimit { .. } => "sentence-record-limit",
        }
    }

    /// How serious it is. Every kind today degrades locally and the rest
    /// of the article is still extracted, so every kind is a warning.
    pub fn severity(&self) -> Severity {
        Severity::Warning
    }
}

/// One finding, anchored at the markup it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub kind: DiagnosticKind,
    pub span: Span,
}

impl Diagnostic {
    pub fn new(span: Span, kind: DiagnosticKind) -> Diagnostic {
        Diagnostic { kind, span }
    }

    pub fn severity(&self) -> Severity {
        self.kind.severity()
    }

    pub fn message(&self) -> String {
        self.kind.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Codes are unique: a downstream filter on one never catches another.
    #[test]
    fn codes_are_unique_and_kebab_case() {
        let kinds = [
            DiagnosticKind::UnclosedHeading { open: 2 },
            DiagnosticKind::HeadingsInsideLines { count: 2 },
            DiagnosticKind::DialectMismatch,
            DiagnosticKind::TemplateLimit { limit: 9 },
            DiagnosticKind::ArticleUnusuallyLarge { bytes: 9 << 20 },
            DiagnosticKind::TitleOptionIgnored {
                title: "a".into(),
                given: "b".into(),
            },
            DiagnosticKind::UnbalancedHeading {
                open: 2,
                close: 3,
                level: 2,
            },
            DiagnosticKind::HeadingTooDeep { level: 7, max: 6 },
            DiagnosticKind::InfoboxFieldWithoutColon,
            DiagnosticKind::Redirect { target: "X".into() },
            DiagnosticKind::UnknownTemplates {
                total: 1,
                names: vec!["x (1)".into()],
            },
            DiagnosticKind::UnclosedTable,
            DiagnosticKind::UnclosedComment,
            DiagnosticKind::UnclosedRefBeforeNext,
            DiagnosticKind::UnclosedRefAtLineEnd,
            DiagnosticKind::UnclosedRef,
            DiagnosticKind::UnclosedTag {
                tag: "nowiki".into(),
            },
            DiagnosticKind::TemplateNesting { limit: 1 },
            DiagnosticKind::LinkNesting { limit: 1 },
            DiagnosticKind::UnclosedLink,
            DiagnosticKind::UnclosedLinkAtLineEnd,
            DiagnosticKind::UnclosedAtEnd {
                what: "template",
                close: "}}",
            },
            DiagnosticKind::UnclosedInRef,
            DiagnosticKind::MoreOfKind { count: 3 },
            DiagnosticKind::EscapedWikitext,
            DiagnosticKind::SecondInfobox,
            DiagnosticKind::UnanchoredRelativeDate {
                written: "x".into(),
            },
            DiagnosticKind::ReversedRange {
                written: "x".into(),
            },
            DiagnosticKind::ImpossibleDate {
                written: "x".into(),
                iso: "x".into(),
            },
            DiagnosticKind::NoYearInReach {
                written: "x".into(),
                iso: "x".into(),
            },
        ];
        let mut codes: Vec<&str> = kinds.iter().map(DiagnosticKind::code).collect();
        assert!(
            codes
                .iter()
                .all(|c| c.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
        );
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), kinds.len());
        assert_eq!(
            DiagnosticKind::UnclosedHeading { open: 2 }.to_string(),
            "expected `==` to close heading, found end of line"
        );
        assert_eq!(
            DiagnosticKind::UnclosedTable.to_string(),
            "unclosed table, expected `|}`; the table ends at the end of the article"
        );
    }
}
