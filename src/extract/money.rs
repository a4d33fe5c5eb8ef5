//! Monetary figures in context: which currency an ambiguous symbol means in
//! this article, which year a figure refers to, and who traded with whom.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::events::EventDate;
use super::{Context, TextUnit};
use crate::diagnostics::Diagnostic;
use crate::document::BlockKind;
use crate::lexicon::currency::{self as lexicon, Shared};
use crate::model::{self, Precision, Qualifier, Trade};
use crate::money::{self, Amount, Currency};

/// A country or organisation name as written: capitalised words, joined by
/// "of" / "the" / "de" ("Republic of the Congo", "North Korea").
///
/// Letters are those of the Latin script (ASCII, Latin-1, Latin
/// Extended-A, -B and Additional: "Curaçao", "Łódź", "Đà Nẵng"), not every
/// Unicode letter: the patterns around the names are English sentences,
/// whose names are written in Latin letters, and `\p{Lu}`/`\p{L}` made
/// these patterns cost six times as much to compile, which every process
/// meeting a trade sentence paid (more than half the CPU time of
/// extracting one article).
const NAME: &str = r"(?:[Tt]he\s+)?[A-ZÀ-ÖØ-ÞĀ-ſḀ-ỿ][A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ’'.\-]*(?:\s+(?:(?:of|the|de|du|da|del|and\s+the)\s+)*[A-ZÀ-ÖØ-ÞĀ-ſḀ-ỿ][A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ’'.\-]*)*";

/// What stops a goods list.
const GOODS: &str = r"[^.;()]+?";

// The trade patterns' word boundaries are ASCII (`(?-u:\b)`): each sits
// beside an English keyword ("exports", "from"), where the two agree, and a
// Unicode `\b` both costs more to compile (paid by every process that
// meets a trade sentence) and stops the lazy DFA at the first non-ASCII
// byte of the sentence. (Names take Latin letters: see [`NAME`].)
static EXPORTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?P<exp>{NAME})\s+(?:also\s+|mainly\s+|mostly\s+)?(?:exported|exports|sold|sells|shipped|ships|supplied)(?-u:\b)")).expect("valid regex")
});
static IMPORTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?P<imp>{NAME})\s+(?:also\s+|mainly\s+|mostly\s+)?(?:imported|imports|bought|buys|purchased)(?-u:\b)")).expect("valid regex")
});
static POSSESSIVE_EXPORTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<exp>{NAME})(?:'s|’s)\s+(?:total\s+|main\s+)?exports(?-u:\b)"
    ))
    .expect("valid regex")
});
static POSSESSIVE_IMPORTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<imp>{NAME})(?:'s|’s)\s+(?:total\s+|main\s+)?imports(?-u:\b)"
    ))
    .expect("valid regex")
});
static EXPORTS_FROM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)[Ee]xports\s+(?:of\s+{GOODS}\s+)?from\s+(?P<exp>{NAME})\s+(?:to|into)\s+(?P<imp>{NAME})"
    ))
    .expect("valid regex")
});
static IMPORTS_FROM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?-u:\b)[Ii]mports\s+(?:of\s+{GOODS}\s+)?from\s+(?P<exp>{NAME})(?:\s+(?:to|into|by)\s+(?P<imp>{NAME}))?")).expect("valid regex")
});
static TO_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?-u:\b)(?:to|into)\s+(?P<n>{NAME})")).expect("valid regex")
});
static FROM_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?-u:\b)from\s+(?P<n>{NAME})")).expect("valid regex"));
static GOODS_BEING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:with|its|their)\s+(?:its\s+|their\s+)?(?:main|principal|chief|primary|largest)\s+(?:exports?|imports?|products?|goods)\s+(?:being|were|was|are|is|including)\s+(?:mostly\s+|mainly\s+|chiefly\s+|primarily\s+)?(?P<g>[^.;()]+)").expect("valid regex")
});
static GOODS_MAINLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:mainly|mostly|chiefly|primarily|principally|largely|predominantly|notably|especially|consisting\s+(?:mainly\s+|mostly\s+)?of)\s+(?P<g>[^.;()]+)").expect("valid regex")
});
static GOODS_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:worth\s+)?of\s+(?P<g>[^.;(),]+?)(?:\s+(?:to|from|into|in|was|were|per|each|a\s+year|annually)(?-u:\b)|[.;(),]|$)").expect("valid regex")
});
static EXPORTS_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:exports?|imports?|sales?|shipments?)\s+of\s+(?P<g>[^.;(),$€£¥₩]+?)\s+(?:to|from|into|were|was|worth|totalled|totaled|amounted|reached)(?-u:\b)").expect("valid regex")
});

/// " dollar", searched for in every text unit: a searcher built once
/// rather than one per unit.
static DOLLAR_WORD: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new(" dollar"));

/// Every monetary amount, in document order. `events` are the dates of
/// the document's events (in order): a figure's year comes from its
/// sentence's dates.
pub fn money(
    ctx: &Context<'_, '_>,
    events: &[EventDate],
    cits: &super::citations::Citations,
    found: Vec<Vec<Amount>>,
) -> (Vec<model::Money>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut diags = Vec::new();
    let units = ctx.text_units();
    let found: Vec<Vec<Amount>> = units
        .iter()
        .zip(found)
        .map(|(u, amounts)| u.limit_per_sentence(amounts, |a| a.range.start, "amounts", &mut diags))
        .collect();
    // At most one record per amount: sized once, because on a page of
    // figures the doubling growth held the old and the new buffer at once
    // (a third of the peak on a table row of figures).
    out.reserve_exact(found.iter().map(Vec::len).sum());
    // The dollar the article has named, which a bare `$` then means; before
    // any naming, the one dollar the whole article names, if only one.
    let mut dollar = sole_dollar(units, &found).unwrap_or("USD");
    // The article as readers see it (its text units), not its markup: a
    // cue inside a template argument or a comment is not a naming.
    let names = |w: &str| units.iter().any(|u| u.text.as_str().contains(w));
    // Whole-article questions, asked only when a `¥` or a won needs them:
    // each is a pass over the article.
    let yuan_article = std::cell::OnceCell::new();
    let yuan_article =
        || *yuan_article.get_or_init(|| lexicon::YUAN_ARTICLE_CUES.iter().any(|w| names(w)));
    let kpw_article = std::cell::OnceCell::new();
    let kpw_article =
        || *kpw_article.get_or_init(|| lexicon::KPW_ARTICLE_CUES.iter().any(|w| names(w)));
    let mut article_readings = Vec::new();
    // Infobox fields that date others, found on first need.
    let mut dating = None;
    for (unit, amounts) in units.iter().zip(found) {
        let text = unit.text.as_str();
        let names_dollar = DOLLAR_WORD.find(text.as_bytes()).is_some();
        if amounts.is_empty() {
            if names_dollar {
                for (name, code) in lexicon::DOLLAR_NAMINGS.iter() {
                    if text.contains(name.as_str()) {
                        dollar = code;
                    }
                }
            }
            continue;
        }
        // Dollar namings in this unit, by position.
        let mut namings: Vec<(usize, &str)> = lexicon::DOLLAR_NAMINGS
            .iter()
            .filter(|_| names_dollar)
            .flat_map(|(n, c)| text.match_indices(n.as_str()).map(move |(i, _)| (i, *c)))
            .collect();
        namings.sort();
        let mut naming = namings.into_iter().peekable();
        // Context questions, asked only when an amount needs them.
        let china = std::cell::OnceCell::new();
        for a in &amounts {
            while let Some((_, c)) = naming.next_if(|(p, _)| *p < a.range.start) {
                dollar = c;
            }
            let sentence = &text[unit.sentence_range(a.range.start)];
            let (code, inferred) = match a.currency {
                Currency::Code(c) => {
                    if lexicon::is_dollar_code(c) {
                        dollar = c;
                    }
                    (c, false)
                }
                Currency::Dollar => (dollar, true),
                Currency::Yen => (
                    yen(sentence, || {
                        *china.get_or_init(|| {
                            yuan_article() || text.contains("China") || text.contains("Chinese")
                        })
                    }),
                    true,
                ),
                Currency::Won => (if kpw_article() { "KPW" } else { "KRW" }, true),
                Currency::ByCountry(shared) => (
                    named_in(sentence, shared)
                        .unwrap_or_else(|| article_reading(&mut article_readings, shared, units)),
                    true,
                ),
                Currency::Pounds if pounds_are_money(sentence) => ("GBP", true),
                Currency::Pounds => continue,
            };
            // The year of the amount's sentence, else of the sentence
            // right before it in the same paragraph.
            // In a table, the cells before it in its row ("1992 | …
            // | £300,000") stand where the sentence before would.
            let year = unit
                .sentence_index(a.range.start)
                .and_then(|s| {
                    amount_year(ctx, unit, s, a, events)
                        .or_else(|| s.checked_sub(1).and_then(|p| scene_year(unit, p, events)))
                })
                .or_else(|| row_year(ctx, unit.block, events))
                .or_else(|| {
                    let k = field_key(unit.field?);
                    let dating = dating.get_or_insert_with(|| dating_fields(ctx));
                    span_year(dated_by(dating, unit.block, &k)?, events)
                });
            let mut m = record(ctx, unit, a, code, inferred, year);
            m.citations = unit.cited(a.range.start, cits);
            out.push(m);
        }
    }
    (out, diags)
}

/// The one kind of dollar an article names, by name ("Canadian dollar") or
/// by code ("C$7.6 billion"), if it names exactly one: a city article that
/// says "C$" once means Canadian dollars by its bare `$` before that too.
/// `None` where it names none or several.
fn sole_dollar(units: &[TextUnit<'_, '_>], found: &[Vec<Amount>]) -> Option<&'static str> {
    let mut sole: Option<&'static str> = None;
    let mut note = |c: &'static str| match sole {
        None => {
            sole = Some(c);
            true
        }
        Some(s) => s == c,
    };
    for (unit, amounts) in units.iter().zip(found) {
        let text = unit.text.as_str();
        if DOLLAR_WORD.find(text.as_bytes()).is_some() {
            for (name, code) in lexicon::DOLLAR_NAMINGS.iter() {
                if text.contains(name.as_str()) && !note(code) {
                    return None;
                }
            }
        }
        for a in amounts {
            if let Currency::Code(c) = a.currency {
                if lexicon::is_dollar_code(c) && !note(c) {
                    return None;
                }
            }
        }
    }
    sole
}

/// The currency of the first country `shared` lists that `text` names.
fn named_in(text: &str, shared: &Shared) -> Option<&'static str> {
    shared
        .countries
        .iter()
        .find(|(country, _)| text.contains(country))
        .map(|(_, code)| *code)
}

/// The reading of `shared` for the whole article: the currency of the
/// country it names most, else the table's default. Asked once per table
/// and article (`cache`).
fn article_reading(
    cache: &mut Vec<(&'static Shared, &'static str)>,
    shared: &'static Shared,
    units: &[TextUnit<'_, '_>],
) -> &'static str {
    if let Some((_, code)) = cache.iter().find(|(s, _)| std::ptr::eq(*s, shared)) {
        return code;
    }
    let code = shared
        .countries
        .iter()
        .map(|&(country, code)| {
            let n: usize = units
                .iter()
                .map(|u| u.text.as_str().matches(country).count())
                .sum();
            (n, code)
        })
        .filter(|(n, _)| *n > 0)
        // On a tie the later row stands (the tables list the default's
        // country last).
        .max_by_key(|(n, _)| *n)
        .map_or(shared.default, |(_, code)| code);
    cache.push((shared, code));
    code
}

/// `¥`: the sentence decides first (Japan or China named in it), then the
/// paragraph and article (`china`).
fn yen(sentence: &str, china: impl FnOnce() -> bool) -> &'static str {
    let japan = lexicon::YEN_CUES.iter().any(|w| sentence.contains(w));
    let chinese = lexicon::YUAN_CUES.iter().any(|w| sentence.contains(w));
    match (japan, chinese) {
        (true, false) => "JPY",
        (false, true) => "CNY",
        _ => {
            if china() {
                "CNY"
            } else {
                "JPY"
            }
        }
    }
}

/// Is a bare "pounds" in this sentence sterling? When the sentence speaks
/// of money and not of weight.
fn pounds_are_money(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    !lexicon::WEIGHT_CUES.iter().any(|w| lower.contains(w)) && speaks_of_money(&lower)
}

fn speaks_of_money(lower: &str) -> bool {
    lexicon::MONEY_CUES.iter().any(|w| lower.contains(w))
}

/// Builds the model record for one amount.
fn record(
    ctx: &Context<'_, '_>,
    unit: &TextUnit<'_, '_>,
    a: &Amount,
    code: &str,
    inferred: bool,
    year: Option<i32>,
) -> model::Money {
    let span = unit.text.source_span(a.range.clone());
    let sentence_range = unit.sentence_range(a.range.start);
    let sentence = &unit.text.as_str()[sentence_range.clone()];
    model::Money {
        amount: a.amount.to_json(),
        max_amount: a.max.map(money::Decimal::to_json),
        currency: code.to_string(),
        currency_inferred: inferred,
        approximate: a.approximate,
        bound: a.bound,
        per: a.per.clone(),
        year,
        trade: trade(
            sentence,
            a.range.start - sentence_range.start,
            a.range.end - sentence_range.start,
        )
        .map(Box::new),
        text: ctx.source(span).to_string(),
        display: crate::text::one_line(&unit.text.as_str()[a.range.clone()]),
        sentence: unit.sentence_at(a.range.start),
        section: ctx.path(unit.block),
        span: ctx.span(span),
        infobox_field: unit.field.map(crate::text::one_line),
        citations: Vec::new(),
    }
}

/// The infobox fields that date another field (`GDP_PPP_year` dates
/// `GDP_PPP`; also `… date`, `… as of`), as country and company infoboxes
/// write them: (block, dated key) → the dating field's value span. Built
/// once, so a figure's look-up costs no scan of the fields.
fn dating_fields(ctx: &Context<'_, '_>) -> HashMap<(usize, String), crate::span::Span> {
    let mut out = HashMap::new();
    for (i, b) in ctx.doc.blocks.iter().enumerate() {
        let BlockKind::Infobox { fields, .. } = &b.kind else {
            continue;
        };
        for f in fields {
            let key = field_key(f.key.as_str());
            for suffix in [" year", " date", " as of"] {
                if let Some(dated) = key.strip_suffix(suffix) {
                    out.entry((i, dated.trim().to_string()))
                        .or_insert(f.value.span);
                }
            }
        }
    }
    out
}

/// The field that dates infobox key `key` of block `block`: its own
/// (`GDP_PPP_year` for `GDP_PPP`), else its stem's, word by word
/// (`GDP_PPP_per_capita` is dated by `GDP_PPP_year`, as the infobox shows
/// them: one year for the figure and its per-capita line).
fn dated_by(
    dating: &HashMap<(usize, String), crate::span::Span>,
    block: usize,
    key: &str,
) -> Option<crate::span::Span> {
    let mut k = key;
    loop {
        if let Some(s) = dating.get(&(block, k.to_string())) {
            return Some(*s);
        }
        k = k.rsplit_once(' ')?.0.trim_end();
    }
}

/// An infobox key compared loosely: trimmed, underscores as spaces,
/// lowercase.
fn field_key(k: &str) -> String {
    k.trim().replace('_', " ").to_lowercase()
}

/// The year of the first dated event inside source span `span`; a year,
/// month or day before a decade or century ("In the 1960s …; by 1972 its
/// revenue was …" is 1972).
fn span_year(span: crate::span::Span, events: &[EventDate]) -> Option<i32> {
    span_year_where(span, events, |_| true)
}

/// [`span_year`] over the events that `keep` keeps.
fn span_year_where(
    span: crate::span::Span,
    events: &[EventDate],
    keep: impl Fn(&EventDate) -> bool,
) -> Option<i32> {
    let first = events.partition_point(|e| e.span.start < span.start);
    let inside = events[first..]
        .iter()
        .take_while(|e| e.span.end <= span.end)
        .filter(|e| keep(e));
    let fine = |e: &&EventDate| !matches!(e.date.precision, Precision::Decade | Precision::Century);
    inside
        .clone()
        .filter(fine)
        .find_map(|e| e.date.year)
        .or_else(|| inside.clone().find_map(|e| e.date.year))
}

/// The year of amount `a` of sentence `s`: a date written right after it
/// ("up from $4 million in 2018", "£300,000 (1992)") names its year;
/// otherwise the sentence's.
fn amount_year(
    ctx: &Context<'_, '_>,
    unit: &TextUnit<'_, '_>,
    s: usize,
    a: &Amount,
    events: &[EventDate],
) -> Option<i32> {
    let sentence = unit.text.source_span(unit.sentences().get(s)?.clone());
    let amount = unit.text.source_span(a.range.clone());
    let next = events.partition_point(|e| e.span.start < amount.end);
    let adjacent = events.get(next).filter(|e| {
        let (start, end) = (e.span.start, e.span.end);
        let gap = ctx.source(crate::span::Span::new(amount.end, start));
        end <= sentence.end && gap.len() <= MAX_YEAR_GAP && names_its_year(gap)
    });
    adjacent
        .and_then(|e| e.date.year)
        .or_else(|| span_year(sentence, events))
}

/// How many bytes may stand between an amount and the date that follows
/// it as its own.
const MAX_YEAR_GAP: usize = 24;

/// Does the text between an amount and the date after it make the date
/// the amount's own? Nothing or an opening parenthesis ("£300,000
/// (1992)"), or a few words ending in "in", "for" or "during" ("Rs. 500
/// crore in taxes in FY2019"), with no comma or figure between: "…, more
/// than in 2014" compares instead.
fn names_its_year(gap: &str) -> bool {
    let gap = gap.trim();
    if gap.is_empty() || gap == "(" {
        return true;
    }
    let words: Vec<&str> = gap.split_whitespace().collect();
    words.len() <= 4
        && gap.chars().all(|c| c.is_alphabetic() || c == ' ')
        && matches!(words.last(), Some(&("in" | "for" | "during")))
}

/// How many cells before a figure in its row are searched for its year.
const MAX_ROW_LOOKBACK: usize = 64;

/// The year of the nearest cell before table cell `block` in its row that
/// holds a dated event.
fn row_year(ctx: &Context<'_, '_>, block: usize, events: &[EventDate]) -> Option<i32> {
    let blocks = &ctx.doc.blocks;
    let BlockKind::TableCell { row, .. } = blocks.get(block)?.kind else {
        return None;
    };
    blocks[..block]
        .iter()
        .rev()
        .take_while(|b| matches!(b.kind, BlockKind::TableCell { row: r, .. } if r == row))
        // Real rows have a few dozen cells; the bound keeps a hostile row
        // of thousands of figures linear.
        .take(MAX_ROW_LOOKBACK)
        .find_map(|b| span_year(b.span, events))
}

/// The year sentence `s` of `unit` is set in, for the figures of the
/// sentence after it: its first date that is not a bound. A deadline or
/// a limit ("to be operational by 2026", "since 1990") says when something
/// will or did end or begin, not when the next sentence's figure holds
/// ("… by 2026. Crossrail … with a £15 billion projected cost").
fn scene_year(unit: &TextUnit<'_, '_>, s: usize, events: &[EventDate]) -> Option<i32> {
    let r = unit.sentences().get(s)?.clone();
    let bound = |e: &EventDate| {
        matches!(
            e.qualifier,
            Some(
                Qualifier::By
                    | Qualifier::Before
                    | Qualifier::Until
                    | Qualifier::Since
                    | Qualifier::After
            )
        )
    };
    span_year_where(unit.text.source_span(r), events, |e| !bound(e))
}

/// Capitalised words that open sentences but name no one.
const NOT_NAMES: &[&str] = &[
    "It", "He", "She", "They", "We", "I", "You", "This", "That", "These", "Those", "There", "Its",
    "Their", "His", "Her", "One", "Both", "Each", "All", "Some", "Most", "Which", "Who", "In",
    "On", "Then", "Later", "Also", "However",
];

/// The last match of `re` in `s`: the flow verb nearest the amount.
fn last<'s>(re: &Regex, s: &'s str) -> Option<regex::Captures<'s>> {
    re.captures_iter(s).last()
}

/// The words that the flow patterns are anchored on: a sentence without one
/// of them as a whole word cannot match any pattern. ("ship" inside
/// "relationship" or "export" inside "re-exported" does not count: the
/// patterns want a word boundary or white space there.)
const FLOW_WORDS: &[&str] = &[
    "exported",
    "exports",
    "Exports",
    "sold",
    "sells",
    "shipped",
    "ships",
    "supplied",
    "imported",
    "imports",
    "Imports",
    "bought",
    "buys",
    "purchased",
];

/// Whether `sentence` holds one of [`FLOW_WORDS`] as a whole word: one pass
/// over its runs of letters, with no searcher built per word. Splitting at
/// every non-letter cuts at least wherever the patterns' `\b` and `\s`
/// would, so no sentence that a pattern matches is turned away.
fn has_flow_word(sentence: &str) -> bool {
    sentence
        .split(|c: char| !c.is_alphabetic())
        .any(|w| (4..=9).contains(&w.len()) && FLOW_WORDS.contains(&w))
}

/// Who exported what to whom, where the sentence reports a trade flow
/// around the amount at `start..end` (byte offsets in `sentence`).
pub fn trade(sentence: &str, start: usize, end: usize) -> Option<Trade> {
    // Every flow pattern needs one of its verbs as a whole word; most
    // sentences with money have none, and skip the regexes.
    if !has_flow_word(sentence) {
        return None;
    }
    let clean = |s: &str| {
        let s = s.trim();
        let s = s
            .strip_prefix("the ")
            .or_else(|| s.strip_prefix("The "))
            .unwrap_or(s);
        let s = s
            .strip_suffix("'s")
            .or_else(|| s.strip_suffix("’s"))
            .unwrap_or(s);
        s.trim_end_matches(['.', ',', '’', '\'']).to_string()
    };
    // An amount can run past its sentence's end (the splitter cut inside
    // it, or the sentence is a window): read what the sentence holds.
    let start = start.min(sentence.len());
    let end = end.clamp(start, sentence.len());
    let mut exporter = None;
    let mut importer = None;
    // Flows named before the amount take precedence: the nearest verb wins.
    let before = &sentence[..start];
    let after = &sentence[end..];
    if let Some(c) = EXPORTS_FROM.captures(sentence) {
        exporter = Some(clean(&c["exp"]));
        importer = Some(clean(&c["imp"]));
    } else if let Some(c) = last(&EXPORTED, before).or_else(|| last(&POSSESSIVE_EXPORTS, before)) {
        exporter = Some(clean(&c["exp"]));
        let tail = &sentence[c.get(0).map_or(0, |m| m.end())..];
        importer = TO_NAME.captures(tail).map(|t| clean(&t["n"]));
    } else if let Some(c) = last(&IMPORTED, before).or_else(|| last(&POSSESSIVE_IMPORTS, before)) {
        importer = Some(clean(&c["imp"]));
        let tail = &sentence[c.get(0).map_or(0, |m| m.end())..];
        exporter = FROM_NAME.captures(tail).map(|t| clean(&t["n"]));
    } else if let Some(c) = IMPORTS_FROM.captures(sentence) {
        exporter = Some(clean(&c["exp"]));
        importer = c.name("imp").map(|m| clean(m.as_str()));
    }
    // Pronouns and determiners are not trading partners ("It sold for …").
    let named = |n: Option<String>| n.filter(|n| !NOT_NAMES.contains(&n.as_str()));
    let (exporter, importer) = (named(exporter), named(importer));
    if exporter.is_none() && importer.is_none() {
        return None;
    }
    let goods = GOODS_OF
        .captures(after)
        .map(|c| c["g"].to_string())
        .or_else(|| EXPORTS_OF.captures(sentence).map(|c| c["g"].to_string()))
        .or_else(|| GOODS_BEING.captures(sentence).map(|c| c["g"].to_string()))
        .or_else(|| GOODS_MAINLY.captures(after).map(|c| c["g"].to_string()))
        .map(|g| g.trim().trim_end_matches(',').trim().to_string())
        .filter(|g| !g.is_empty() && !g.starts_with(|c: char| c.is_ascii_digit()));
    Some(Trade {
        exporter,
        importer,
        goods,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, process_article};

    fn flow(s: &str) -> Option<(Option<String>, Option<String>, Option<String>)> {
        let a = money::find(s).into_iter().next().expect("an amount");
        trade(s, a.range.start, a.range.end).map(|t| (t.exporter, t.importer, t.goods))
    }

    fn some(
        e: &str,
        i: &str,
        g: Option<&str>,
    ) -> Option<(Option<String>, Option<String>, Option<String>)> {
        Some((Some(e.into()), Some(i.into()), g.map(Into::into)))
    }

    #[test]
    fn trade_patterns() {
        assert_eq!(
            flow("In 2020, Ukraine exported US$7,710 to North Korea."),
            some("Ukraine", "North Korea", None)
        );
        assert_eq!(
            flow(
                "North Korea exported $55,500 to Ukraine, with its main exports being mostly polyacetals."
            ),
            some("North Korea", "Ukraine", Some("polyacetals"))
        );
        assert_eq!(
            flow("Japan imported $3.2bn of natural gas from Qatar."),
            some("Qatar", "Japan", Some("natural gas"))
        );
        assert_eq!(
            flow("Exports from Germany to France were €5 billion, mainly cars and machinery."),
            some("Germany", "France", Some("cars and machinery"))
        );
        assert_eq!(
            flow(
                "Zimbabwe's exports to South Africa were worth $400 million, chiefly tobacco, iron ore and aluminium."
            ),
            some(
                "Zimbabwe",
                "South Africa",
                Some("tobacco, iron ore and aluminium")
            )
        );
        assert_eq!(
            flow("The United Kingdom sold £12m of machinery to the Republic of Ireland."),
            some("United Kingdom", "Republic of Ireland", Some("machinery"))
        );
        assert_eq!(flow("The project cost $5 million."), None);
        assert_eq!(flow("It sold for nearly £40,000."), None);
    }

    /// Names are Latin-script words (the patterns are English): accented
    /// letters and Latin Extended ones stay inside a name.
    #[test]
    fn trade_names_with_accented_letters() {
        assert_eq!(
            flow("Curaçao exported $2 billion of refined oil to Türkiye."),
            some("Curaçao", "Türkiye", Some("refined oil"))
        );
        assert_eq!(
            flow("Exports from Łódź Voivodeship to Österreich were €40 million."),
            some("Łódź Voivodeship", "Österreich", None)
        );
        assert_eq!(
            flow("Đà Nẵng exported $3 million of seafood to Japan."),
            some("Đà Nẵng", "Japan", Some("seafood"))
        );
    }

    #[test]
    fn flow_words_are_whole_words() {
        assert!(has_flow_word("Ukraine exported US$7,710 to North Korea."));
        assert!(has_flow_word("Exports² from Chile were $3 billion."));
        assert!(!has_flow_word("The relationship cost $5 million."));
        assert!(!has_flow_word("It re-exportedly cost $5."));
        assert!(!has_flow_word("Its supply chain cost $5 million."));
    }

    #[test]
    fn seed_trade_sentences() {
        let text = "= T =\n\n==Trade==\nIn 2020, Ukraine exported US$7,710 to North Korea. On the other hand, North Korea exported $55,500 to Ukraine, with its main exports being mostly polyacetals.\n";
        let a = process_article(text, &Config::default());
        assert_eq!(a.money.len(), 2);
        let (m1, m2) = (&a.money[0], &a.money[1]);
        assert_eq!(
            (
                m1.amount.to_string(),
                m1.currency.as_str(),
                m1.currency_inferred,
                m1.year
            ),
            ("7710".into(), "USD", false, Some(2020))
        );
        assert_eq!(
            (
                m2.amount.to_string(),
                m2.currency.as_str(),
                m2.currency_inferred,
                m2.year
            ),
            ("55500".into(), "USD", true, Some(2020))
        );
        let t = m2.trade.as_ref().expect("trade");
        assert_eq!(t.goods.as_deref(), Some("polyacetals"));
    }

    #[test]
    fn bare_dollar_follows_the_article() {
        let a = process_article(
            "It cost A$5 million in 2001. Later it cost $7 million.",
            &Config::default(),
        );
        assert_eq!(a.money[1].currency, "AUD");
        assert!(a.money[1].currency_inferred);
        // The one dollar an article names holds before its naming too.
        let c = process_article(
            "The fire cost $10 million. Later the budget was C$7.6 billion.",
            &Config::default(),
        );
        assert_eq!(c.money[0].currency, "CAD");
        // Two dollars named: each bare `$` takes the latest naming.
        let two = process_article(
            "The fire cost $10 million. It paid US$3 million and C$7 million. Then $2 million.",
            &Config::default(),
        );
        let codes: Vec<&str> = two.money.iter().map(|m| m.currency.as_str()).collect();
        assert_eq!(codes, ["USD", "USD", "CAD", "CAD"]);
        let y = process_article("The Chinese firm paid ¥300 million.", &Config::default());
        assert_eq!(y.money[0].currency, "CNY");
        let j = process_article("The firm paid ¥300 million.", &Config::default());
        assert_eq!(j.money[0].currency, "JPY");
        let w = process_article(
            "90% of the supply (2 million pounds) was imported.",
            &Config::default(),
        );
        assert!(w.money.is_empty());
        let p = process_article("The bridge cost 2 million pounds.", &Config::default());
        assert_eq!(p.money[0].currency, "GBP");
        let r = process_article("The dam cost Rs. 500 crore.", &Config::default());
        assert_eq!(
            (r.money[0].currency.as_str(), r.money[0].currency_inferred),
            ("INR", true)
        );
        assert_eq!(r.money[0].amount.to_string(), "5000000000");
        // The country the article names decides, the sentence's first.
        let r = process_article(
            "A road cost Rs 20,000. Pakistan built it; Pakistan paid. In India it cost Rs 9,000.",
            &Config::default(),
        );
        let codes: Vec<&str> = r.money.iter().map(|m| m.currency.as_str()).collect();
        assert_eq!(codes, ["PKR", "INR"]);
    }

    /// The years of the money records of a plain-dialect text.
    fn years(t: &str) -> Vec<Option<i32>> {
        process_article(t, &Config::default())
            .money
            .iter()
            .map(|m| m.year)
            .collect()
    }

    #[test]
    fn an_amount_takes_the_year_written_by_it() {
        assert_eq!(
            years("In 2019 revenue was $5 million, up from $4 million in 2018."),
            [Some(2019), Some(2018)]
        );
        assert_eq!(
            years("Revenue: US$ 1,714 million (2014), US$ 1,230 million (2013)."),
            [Some(2014), Some(2013)]
        );
        // A year before a decade: "by 1972", not "the 1960s".
        assert_eq!(
            years("In the 1960s the firm grew; by 1972 its revenue was $3 million."),
            [Some(1972)]
        );
        assert_eq!(
            years("It raised $3 billion in 2010, and paid Rs. 500 crore in taxes in FY2019."),
            [Some(2010), Some(2019)]
        );
        assert_eq!(
            years("In 2015 it earned $5 million, more than in 2014."),
            [Some(2015)]
        );
        // A date later in the sentence but not by the amount: the scene's.
        assert_eq!(
            years("In 2015 the firm, founded in 1998, earned $5 million."),
            [Some(2015)]
        );
    }

    #[test]
    fn infobox_money_has_its_year() {
        let a = process_article(
            "= T =\n\nInfobox\n- Trade volume: €1.9 billion (2019)\n",
            &Config::default(),
        );
        let m = &a.money[0];
        assert_eq!(
            (m.amount.to_string(), m.currency.as_str(), m.year),
            ("1900000000".into(), "EUR", Some(2019))
        );
        assert_eq!(m.infobox_field.as_deref(), Some("Trade volume"));
    }

    /// The years of the money records of a wikitext article.
    fn wikitext_years(src: &str) -> Vec<Option<i32>> {
        let config = Config {
            dialect: Some(crate::Dialect::Wikitext),
            ..Config::default()
        };
        let a = process_article(src, &config);
        a.money.iter().map(|m| m.year).collect()
    }

    #[test]
    fn infobox_figures_take_the_year_of_their_year_field() {
        let src = "{{Infobox country\n| GDP_PPP = $1.2 trillion\n| GDP_PPP_year = 2020\n| GDP_nominal = $900 billion\n}}\nText.\n";
        assert_eq!(wikitext_years(src), [Some(2020), None]);
        // The per-capita line shares its figure's year field.
        let src = "{{Infobox country\n| GDP_PPP = $2.880&nbsp;trillion\n| GDP_PPP_year = 2017\n| GDP_PPP_per_capita = $43,620\n| GDP_nominal_per_capita = $38,847\n}}\nText.\n";
        assert_eq!(wikitext_years(src), [Some(2017), Some(2017), None]);
    }

    /// A bound in the sentence before ("by 2026") sets no year for the
    /// next sentence's figure; a plain date there does.
    #[test]
    fn a_deadline_before_sets_no_year() {
        assert_eq!(
            years(
                "HS2 is to be operational by 2026. Crossrail is a project with a £15 billion projected cost."
            ),
            [None]
        );
        assert_eq!(
            years("In 2014 the line opened. It had cost £15 billion."),
            [Some(2014)]
        );
    }

    #[test]
    fn table_figures_take_the_year_of_their_row() {
        let src = "Intro.\n{|\n! Year !! Revenue\n|-\n| 2019 || $5 million\n|-\n| Later || $7 million\n|}\n";
        assert_eq!(
            wikitext_years(src),
            [Some(2019), None],
            "a row without a year gives none"
        );
    }
}
