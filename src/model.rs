//! Stage 4: the JSON wire format, exactly as `contract.md` (schema version 1)
//! describes it.
//!
//! These types only serialize and deserialize; the extractors build them.
//! Every contract field is always present: absent values are `null`, never
//! omitted. Ordering guarantees: `sections`, `events`, `money`, `citations`
//! and `diagnostics` are sorted by their span's start offset (document order);
//! infobox `fields` and `see_also` keep source order. The same input gives
//! the same bytes.

use std::sync::Arc;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The contract version this crate writes.
pub const SCHEMA_VERSION: &str = "1.0";

/// One article's extraction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Article {
    /// `"1.0"` for this contract; the minor number grows with additive
    /// changes, the major with breaking ones.
    #[schemars(regex(pattern = r"^1\.[0-9]+$"))]
    pub schema_version: String,
    /// What produced this document (name and version), so reruns can tell
    /// whether an existing output is current.
    pub generator: Generator,
    /// The article title: the `= Title =` line, or the page title of wikitext.
    pub title: Option<String>,
    pub source: Source,
    /// Every heading in document order (the title line excluded).
    pub sections: Vec<Section>,
    pub infobox: Option<Infobox>,
    /// Every temporal expression in prose, list items and infobox values, in
    /// document order.
    pub events: Vec<Event>,
    /// Every monetary amount, in document order.
    pub money: Vec<Money>,
    /// Bibliography entries and references, in document order.
    pub citations: Vec<Citation>,
    /// The entries of the "See also" section.
    pub see_also: Vec<String>,
    /// Malformed markup, impossible dates, anything skipped.
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Generator {
    pub name: String,
    pub version: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Source {
    /// The path as given on the command line, `-` for standard input.
    pub name: String,
    /// Lowercase hex SHA-256 of the input bytes.
    #[schemars(regex(pattern = r"^[0-9a-f]{64}$"))]
    pub sha256: String,
    /// Size of the input in bytes.
    pub bytes: u64,
    pub dialect: DialectName,
    /// The reference date relative dates were resolved against
    /// (`YYYY-MM-DD`), or null.
    #[serde(default)]
    pub reference_date: Option<String>,
    /// The page's id in the wiki, for documents made from an XML dump
    /// (`wikistruct dump`); absent otherwise.
    #[serde(default)]
    pub page_id: Option<u64>,
    /// The id of the revision whose text was read (dumps only).
    #[serde(default)]
    pub revision_id: Option<u64>,
    /// The revision's time, RFC 3339 in UTC (dumps only); its date is the
    /// reference date.
    #[serde(default)]
    #[schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$"))]
    pub timestamp: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum DialectName {
    Plain,
    Wikitext,
}

/// A byte range of the input with the line and column of its start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Span {
    /// UTF-8 byte offset of the first byte.
    pub start: u64,
    /// UTF-8 byte offset one past the last byte.
    pub end: u64,
    /// 1-based line of `start`.
    #[schemars(range(min = 1))]
    pub line: u64,
    /// 1-based column of `start`, counted in characters.
    #[schemars(range(min = 1))]
    pub column: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Section {
    /// Number of `=` on each side (2 for `==History==`).
    #[schemars(range(min = 1, max = 6))]
    pub level: u8,
    pub title: String,
    /// Titles from the top-level section down to this one.
    // Shared with the records of the section.
    pub path: Arc<[String]>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Infobox {
    /// The template name (`Infobox country` gives `country`), or null.
    pub name: Option<String>,
    /// Fields in source order.
    pub fields: Vec<InfoboxField>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct InfoboxField {
    pub key: String,
    /// The value as plain text.
    pub value: String,
    /// The span of the whole field (line, or template argument).
    pub span: Span,
    /// Indices into `events` of the dates found in the value.
    pub events: Vec<usize>,
    /// Indices into `money` of the amounts found in the value.
    pub money: Vec<usize>,
    /// Indices into `citations` of the references the value cites (a
    /// `<ref>` in it, or a reuse of a named one). A value that is only
    /// references shows their footnote marks, `[n]` for `citations[n-1]`.
    #[serde(default)]
    pub citations: Vec<usize>,
}

/// The precision and qualifier of a date are the date recogniser's own
/// types, written as the contract spells them.
pub use crate::temporal::{Precision, Qualifier};

/// What fixed an event's date: the text alone, an earlier date of the
/// narrative, or the reference date (the day of writing).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum DateAnchor {
    #[default]
    Text,
    Narrative,
    Reference,
}

/// ISO 8601 date at some precision, expanded (signed) years allowed, or the
/// XML Schema `--MM-DD` / `--MM` form where no year was in reach.
pub const DATE_PATTERN: &str = r"^(-?[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|--[0-9]{2}(-[0-9]{2})?)$";

/// One temporal expression.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Event {
    /// ISO 8601 at its precision (`1992-01-09`, `2022-07`, `1998`); a decade
    /// or century is its first year; `--10-23` where no year was in reach.
    #[schemars(regex(pattern = DATE_PATTERN))]
    pub date: String,
    pub precision: Precision,
    /// For a range, its end in the same form; else null.
    #[schemars(regex(pattern = DATE_PATTERN))]
    pub end: Option<String>,
    pub qualifier: Option<Qualifier>,
    /// True where the text names no year and it came from the narrative.
    pub year_inferred: bool,
    /// A date that comes round every year ("an annual carnival in July"):
    /// no year is inferred for it.
    #[serde(default)]
    pub recurring: bool,
    /// `text` where the text fixes the date, `narrative` where it comes
    /// from an earlier date ("the following year", "23 October" after
    /// "October 2024"), `reference` where from the reference date
    /// ("yesterday").
    #[serde(default)]
    pub anchor: DateAnchor,
    /// The expression exactly as written.
    pub text: String,
    /// The expression as readers see it: `text` rendered (in wikitext,
    /// `{{birth date|1941|6|24}}` is "24 June 1941"; in the plain dialect
    /// the same as `text`).
    #[serde(default)]
    pub display: String,
    /// The whole sentence holding it (for an infobox value: the value).
    // Shared: the records of one sentence hold it once.
    pub sentence: Arc<str>,
    /// The section path.
    // Shared: the records of one section hold its path once.
    pub section: Arc<[String]>,
    pub span: Span,
    /// The infobox field the expression stands in, or null.
    pub infobox_field: Option<String>,
    /// Indices into `citations` of the references cited in the sentence.
    pub citations: Vec<usize>,
}

/// A bound on an amount is the money recogniser's own type.
pub use crate::money::Bound;

/// Who traded with whom, for figures in trade sentences.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Trade {
    pub exporter: Option<String>,
    pub importer: Option<String>,
    pub goods: Option<String>,
}

/// One monetary amount.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Money {
    /// The amount with its scale applied ("$3.2bn" gives 3200000000).
    pub amount: serde_json::Number,
    /// The upper end of a range, else null.
    pub max_amount: Option<serde_json::Number>,
    /// ISO 4217 code.
    #[schemars(regex(pattern = r"^[A-Z]{3}$"))]
    pub currency: String,
    /// True where the text alone does not fix the currency (a bare `$`).
    pub currency_inferred: bool,
    /// "about", "around", "some", "an estimated", "(estimated)".
    pub approximate: bool,
    /// "over", "less than", "up to", "at least", or null.
    pub bound: Option<Bound>,
    /// What a rate is per ("share" in "$5 per share", "hour" in "$12 an
    /// hour"), or null.
    #[serde(default)]
    pub per: Option<String>,
    /// The year the figure refers to, or null.
    pub year: Option<i32>,
    // Boxed: most figures are no trade, and a document can hold hundreds
    // of thousands of figures. (Not a doc comment: those become the
    // schema's descriptions.)
    pub trade: Option<Box<Trade>>,
    /// The amount exactly as written.
    pub text: String,
    /// The amount as readers see it: `text` rendered (in wikitext,
    /// `[[Canadian dollar|C$]]7.6&nbsp;billion` is "C$7.6 billion").
    #[serde(default)]
    pub display: String,
    pub sentence: Arc<str>,
    // Shared: the records of one section hold its path once.
    pub section: Arc<[String]>,
    pub span: Span,
    /// The infobox field the amount stands in, or null.
    pub infobox_field: Option<String>,
    /// Indices into `citations` of the references cited in the sentence.
    pub citations: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum CitationKind {
    Bibliography,
    Ref,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Author {
    /// The name as written.
    pub name: String,
    /// Family name; null for an organisation.
    pub last: Option<String>,
    /// Given names; null for an organisation or where not given.
    pub first: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Citation {
    pub kind: CitationKind,
    pub authors: Vec<Author>,
    /// The work's title, without quotes.
    pub title: Option<String>,
    /// Publication date in the event `date` form.
    #[schemars(regex(pattern = DATE_PATTERN))]
    pub date: Option<String>,
    /// "Retrieved …" / `access-date`, in the event `date` form.
    #[schemars(regex(pattern = DATE_PATTERN))]
    pub access_date: Option<String>,
    pub work: Option<String>,
    pub publisher: Option<String>,
    pub place: Option<String>,
    pub url: Option<String>,
    pub pages: Option<String>,
    pub isbn: Option<String>,
    pub doi: Option<String>,
    /// The `<ref name=…>` name.
    pub ref_name: Option<String>,
    /// The entry exactly as written.
    pub raw: String,
    // Shared: the records of one section hold its path once.
    pub section: Arc<[String]>,
    pub span: Span,
    /// Spans where a named reference is cited again.
    pub uses: Vec<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable code for the kind of finding (`unclosed-ref`,
    /// `unknown-templates`, …): filter on it; messages may be reworded.
    #[serde(default)]
    pub code: String,
    pub message: String,
    pub span: Span,
}
