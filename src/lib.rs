//! # wikistruct
//!
//! Turns wiki-style article text into structured JSON: title, sections,
//! infobox, dated events, monetary figures, citations, "See also" and
//! diagnostics, every record with a byte span into the input.
//!
//! ```
//! let src = "= Example =\n\n==History==\nIt was founded on 9 January 1992.\n";
//! let article = wikistruct::process_article(src, &wikistruct::Config::default());
//! assert_eq!(article.title.as_deref(), Some("Example"));
//! assert_eq!(article.events[0].date, "1992-01-09");
//! ```
//!
//! Checking and comparing documents, and running over files:
//!
//! ```
//! use wikistruct::{Config, process_article, schema, diff};
//! let old = process_article("= A =\n\nFounded in 1990.\n", &Config::default());
//! let new = process_article("= A =\n\nFounded in 1991.\n", &Config::default());
//! // Every document the pipeline makes passes the schema and its invariants.
//! assert!(schema::check_article(&new, Some("= A =\n\nFounded in 1991.\n")).is_empty());
//! // What changed in meaning: one event.
//! assert_eq!(diff::diff(&old, &new).events.changed.len(), 1);
//! ```
//!
//! # The pipeline
//!
//! Each stage is a private module that only looks back at earlier ones
//! (`scripts/check_layers.py` checks it):
//! 1. text utilities (`text`, `span`, `tokens`, `decimal`, `diagnostics`);
//! 2. `lexicon`: every stage's vocabulary, each list once;
//! 3. `document`: blocks with spans and rendered text mapped to the source;
//! 4. `markup`: source text → document (nom parsers, both dialects);
//! 5. recognisers: `sentence`, `temporal` (dates), `money` (amounts);
//! 6. [`model`]: the serde types of the JSON contract;
//! 7. `extract`: pure functions from the document to model values;
//! 8. output: [`schema`] and [`validate`] (the checks every document
//!    passes), [`diff`];
//! 9. [`process_article`], and [`batch`] for files.

// The stages, private: the library's surface is the few items below.
mod bytes;
mod decimal;
mod diagnostics;
mod document;
mod error;
mod escape;
mod extract;
mod lexicon;
mod markup;
mod money;
mod sentence;
mod span;
mod temporal;
mod text;
mod tokens;

// The surface: the output model, checking and comparing documents, and
// running over files.
pub mod batch;
pub mod diff;
pub mod dump;
pub mod model;
pub mod schema;
pub mod validate;
#[cfg(feature = "cli")]
pub mod watch;

/// The pipeline's stages one by one, for this repository's benchmarks and
/// examples, which time each stage. Not part of the supported API: these
/// names may change in any release.
#[doc(hidden)]
pub mod stages {
    pub use crate::extract::{Context, citations, events, money};
    pub use crate::markup::{detect_dialect, parse};
    pub use crate::money::find_in as find_amounts;
    pub use crate::temporal::find_in as find_dates;
    pub use crate::tokens::tokenize;
}

pub use diagnostics::{Diagnostic, DiagnosticKind, Severity};
pub use document::Dialect;
pub use error::{Error, IoReason};
pub use text::sha256_hex;

/// What the library needs to know about one article besides its text.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The source name written to `source.name` (`-` for stdin).
    pub name: String,
    /// Force a dialect; `None` detects it from the text.
    pub dialect: Option<Dialect>,
    /// The title for articles without a title line (wikitext).
    pub title: Option<String>,
    /// The page's name where no title is given (an article file's name):
    /// what `{{PAGENAME}}` and templates that name the page show. Unlike
    /// [`Config::title`] it is not a title the user gave, so it neither
    /// titles the document nor is warned about.
    pub page_name: Option<String>,
    /// The date the text was written or retrieved: "yesterday", "last
    /// year", "on Friday" and "four years ago" are resolved against it.
    /// Without one they are not dated (and "this year" takes the
    /// narrative's year).
    pub reference_date: Option<jiff::civil::Date>,
    /// The largest article read whole, in bytes; `None` is
    /// [`DEFAULT_MAX_BYTES`]. A longer one is read up to the last line end
    /// within the limit, with an `article-too-large` diagnostic: a batch
    /// over a dump meets the odd page of generated megabytes, and it must
    /// cost no more than an article of this size. At most
    /// [`MAX_ARTICLE_BYTES`].
    pub max_bytes: Option<usize>,
}

/// The default of [`Config::max_bytes`]: 64 MiB, twenty times the longest
/// article of the large Wikipedias (about 3 MB of wikitext).
pub const DEFAULT_MAX_BYTES: usize = 64 << 20;

/// The largest [`Config::max_bytes`] honoured: 1 GiB. The document tree
/// keeps its offsets in 32 bits (a source map's pieces are most of its
/// memory), and rendered text may run somewhat past its source; no
/// article comes near (the longest are about 3 MB).
pub const MAX_ARTICLE_BYTES: usize = 1 << 30;

/// Above this size an input is said to be unusually large: the longest
/// articles of the large Wikipedias are about 3 MB of wikitext, so 8 MiB is
/// most likely not one article (a dump, a log, files run together), and
/// its user should hear so before trusting one document made of it.
pub const LARGE_ARTICLE_BYTES: usize = 8 << 20;

/// Runs the whole pipeline on one article's text.
pub fn process_article(src: &str, config: &Config) -> model::Article {
    let mut article = process_sized(src, config);
    // Hashed once, here: the document describes the input as given, which
    // the pipeline may have read unescaped or only in part.
    article.source.sha256 = sha256_hex(src.as_bytes());
    if src.len() > LARGE_ARTICLE_BYTES {
        let kind = DiagnosticKind::ArticleUnusuallyLarge { bytes: src.len() };
        let at_start = model::Span {
            start: 0,
            end: 0,
            line: 1,
            column: 1,
        };
        // At the start: it is about the whole input.
        article.diagnostics.insert(0, size_warning(&kind, at_start));
    }
    article
}

/// The pipeline within the size limit.
fn process_sized(src: &str, config: &Config) -> model::Article {
    let limit = config
        .max_bytes
        .unwrap_or(DEFAULT_MAX_BYTES)
        .min(MAX_ARTICLE_BYTES);
    if src.len() <= limit {
        return process_whole(src, config);
    }
    let cut = cut_at_line(src, limit);
    let mut article = process_whole(&src[..cut], config);
    // The document describes the input given, of which it read a prefix.
    article.source.bytes = src.len() as u64;
    let lines = span::LineIndex::new(src);
    let (line, column) = lines.line_col(src, cut);
    let kind = DiagnosticKind::ArticleTooLarge {
        bytes: src.len(),
        limit,
        read: cut,
    };
    let rest = model::Span {
        start: cut as u64,
        end: src.len() as u64,
        line: line as u64,
        column: column as u64,
    };
    // Every other record lies before the cut: the order holds.
    article.diagnostics.push(size_warning(&kind, rest));
    article
}

/// A warning about the input's size, made after the pipeline (which never
/// saw the whole input) at a span given in the document's terms.
fn size_warning(kind: &DiagnosticKind, span: model::Span) -> model::Diagnostic {
    model::Diagnostic {
        severity: model::Severity::Warning,
        code: kind.code().to_string(),
        message: kind.to_string(),
        span,
    }
}

/// Where to cut an article longer than `limit` bytes: after the last line
/// end within the limit, or (a single line) at the last space, or at a
/// character boundary.
fn cut_at_line(src: &str, limit: usize) -> usize {
    let head = &src[..text::floor_char_boundary(src, limit)];
    head.rfind('\n')
        .or_else(|| head.rfind(' '))
        .map_or(head.len(), |i| i + 1)
}

/// The pipeline on a whole text: unescaped first where it is HTML-escaped
/// wikitext.
fn process_whole(src: &str, config: &Config) -> model::Article {
    let dialect = config
        .dialect
        .unwrap_or_else(|| markup::detect_dialect(src));
    if dialect == Dialect::Wikitext {
        if let Some(u) = escape::unescape(src) {
            let mut article = process_text(&u.text, config, dialect);
            escape::map_back(&mut article, &u, src);
            return article;
        }
    }
    process_text(src, config, dialect)
}

/// Options the text overrules or that fight it, said in the document (and
/// by the command line on stderr) rather than left silent: a `--title` for
/// an article whose title line names it, and `--dialect plain` on text
/// that reads as wikitext. The other way round (wikitext forced on text
/// that looks plain) is not flagged: a dump's stub pages hold no markup.
fn option_diagnostics(src: &str, doc: &document::Document<'_>, config: &Config) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if let (Some(given), Some(t)) = (&config.title, &doc.title) {
        let title = text::one_line(t.as_str());
        if title != *given {
            out.push(Diagnostic::new(
                t.span,
                DiagnosticKind::TitleOptionIgnored {
                    title,
                    given: given.clone(),
                },
            ));
        }
    }
    if config.dialect == Some(Dialect::Plain) && markup::detect_dialect(src) == Dialect::Wikitext {
        out.push(Diagnostic::new(
            span::Span::new(0, 0),
            DiagnosticKind::DialectMismatch,
        ));
    }
    out
}

/// The pipeline on text of a known dialect.
fn process_text(src: &str, config: &Config, dialect: Dialect) -> model::Article {
    let page = config.title.as_deref().or(config.page_name.as_deref());
    let doc = markup::parse_page(src, dialect, page);
    let ctx = extract::Context::new(&doc);

    let cits = extract::citations::all(&ctx);
    let (mut infobox, infobox_diags) = extract::infobox::infobox(&ctx);
    let (dates, amounts) = ctx.scan();
    // Events come sorted by span (money looks their years up by span).
    let (events, event_dates, event_diags) =
        extract::events::events(&ctx, &cits, config.reference_date, dates);
    let (mut money, money_diags) = extract::money::money(&ctx, &event_dates, &cits, amounts);
    if !money.is_sorted_by_key(|m| (m.span.start, m.span.end)) {
        money.sort_by_key(|m| (m.span.start, m.span.end));
    }
    let citations = cits.list;
    if let Some(ib) = infobox.as_mut() {
        extract::infobox::link_values(ib, &events, &money, &citations);
    }
    let see_also = extract::see_also(&ctx);

    let mut diags: Vec<Diagnostic> = doc.diagnostics.clone();
    diags.extend(option_diagnostics(src, &doc, config));
    diags.extend(infobox_diags);
    diags.extend(event_diags);
    diags.extend(money_diags);
    diags.sort_by_key(|d| (d.span.start, d.span.end));

    let title = doc
        .title
        .as_ref()
        .map(|t| text::one_line(t.as_str()))
        .or_else(|| config.title.clone());

    model::Article {
        schema_version: model::SCHEMA_VERSION.to_string(),
        generator: model::Generator {
            name: env!("CARGO_PKG_NAME").to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
        },
        title,
        source: model::Source {
            name: config.name.clone(),
            // Set by `process_article`, from the input as given.
            sha256: String::new(),
            bytes: src.len() as u64,
            reference_date: config.reference_date.map(|d| d.to_string()),
            dialect: match dialect {
                Dialect::Plain => model::DialectName::Plain,
                Dialect::Wikitext => model::DialectName::Wikitext,
            },
            page_id: None,
            revision_id: None,
            timestamp: None,
        },
        sections: ctx.sections.clone(),
        infobox,
        events,
        money,
        citations,
        see_also,
        diagnostics: diags
            .iter()
            .map(|d| model::Diagnostic {
                severity: match d.severity() {
                    Severity::Warning => model::Severity::Warning,
                    Severity::Error => model::Severity::Error,
                },
                code: d.kind.code().to_string(),
                message: d.message(),
                span: ctx.span(d.span),
            })
            .collect(),
    }
}

/// Checks that raw bytes are article text and runs the pipeline on them.
///
/// Fails for an empty file, a binary file (a NUL byte) and invalid UTF-8,
/// naming the byte, line and column where decoding stopped.
pub fn process_bytes(
    path: &std::path::Path,
    bytes: &[u8],
    config: &Config,
) -> Result<model::Article, Error> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::Empty {
            path: path.to_path_buf(),
        });
    }
    // A dump given as an article would be one article titled after the
    // file, holding every page's markup: say what it is instead.
    if dump::is_bzip2(bytes) {
        return Err(Error::Invalid {
            path: path.to_path_buf(),
            message: "a bzip2-compressed file, not article text; if it is a MediaWiki XML dump, \
                      run `wikistruct dump` on it"
                .into(),
        });
    }
    if dump::looks_like_export(bytes) {
        return Err(Error::Invalid {
            path: path.to_path_buf(),
            message: "a MediaWiki XML export, not one article: run `wikistruct dump FILE \
                      --out OUT.jsonl` for a document per page"
                .into(),
        });
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::Binary {
            path: path.to_path_buf(),
            offset,
        });
    }
    let src = match std::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let offset = e.valid_up_to();
            // Safe: the prefix up to `valid_up_to` is valid UTF-8.
            let prefix = std::str::from_utf8(&bytes[..offset]).unwrap_or("");
            let (line, column) = span::LineIndex::new(prefix).line_col(prefix, offset);
            return Err(Error::InvalidUtf8 {
                path: path.to_path_buf(),
                offset,
                line,
                column,
            });
        }
    };
    let article = process_article(src, config);
    let problems = validate::check_all(&article, Some(src));
    if let Some(first) = problems.first() {
        return Err(Error::Invalid {
            path: path.to_path_buf(),
            message: format!(
                "output fails validation ({} problem{}), not written; first: {first}",
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            ),
        });
    }
    Ok(article)
}
