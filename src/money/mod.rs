//! Monetary amounts: recognition in running text, with exact decimal
//! amounts.
//!
//! [`find`] walks the tokens of a text and, at each number, reads an amount
//! in any of the forms people write: a symbol or ISO code before the number
//! (`$`, `US$`, `€`, `USD 45 million`, `UAH3.04`), or a currency word or
//! code after it (`45 million euros`, `45 million USD`), with thousands
//! separators, decimals and scale words or abbreviations (`$3.2bn`,
//! `£12m`), ranges with a shared scale (`between $10 and $20 million`,
//! `€40–55 million`), approximations (`about`, `(estimated)`) and bounds
//! (`over`, `up to`). Which currency an ambiguous symbol means (`$`, `¥`,
//! `₩`) is decided by the extractor, which sees the whole article.

use std::ops::Range;

pub use crate::decimal::Decimal;

use crate::tokens::{Kind, Tok};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::lexicon::currency as lexicon;
pub use crate::lexicon::currency::Currency;
use crate::lexicon::numbers;

/// A bound on an amount ("over $5 million", "up to €3 billion").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// "over", "more than", "above", "exceeding".
    Over,
    /// "less than", "under", "below".
    Under,
    /// "at least", "no less than".
    AtLeast,
    /// "up to", "at most", "no more than".
    AtMost,
}

/// One amount found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amount {
    /// Byte range of the amount (currency, number, scale) in the text.
    pub range: Range<usize>,
    pub amount: Decimal,
    pub max: Option<Decimal>,
    pub currency: Currency,
    pub approximate: bool,
    pub bound: Option<Bound>,
}

// ---------------------------------------------------------------------------
// vocabulary

fn is_word(toks: &[Tok<'_>], i: usize, w: &str) -> bool {
    toks.get(i)
        .is_some_and(|t| t.kind == Kind::Word && t.s.eq_ignore_ascii_case(w))
}

/// A three-letter ISO 4217 code (checked against the `iso_currency` table).
fn iso_code(t: &Tok<'_>) -> Option<&'static str> {
    if t.kind != Kind::Word {
        return None;
    }
    lexicon::iso_code(t.s)
}

/// A currency symbol or prefix ending at or starting at token `i`: returns
/// the currency and the index after it.
fn prefix_currency(toks: &[Tok<'_>], i: usize) -> Option<(Currency, usize)> {
    let t = toks.get(i)?;
    if t.kind == Kind::Punct {
        // Commas and stops are most tokens: only `$` and non-ASCII symbols
        // can be currencies.
        if t.s != "$" && t.s.is_ascii() {
            return None;
        }
        return lexicon::symbol(t.s).map(|c| (c, i + 1));
    }
    if t.kind == Kind::Word {
        // US$, A$, HK$: letters glued to `$`.
        if toks
            .get(i + 1)
            .is_some_and(|d| d.s == "$" && !d.space_before)
        {
            if let Some(code) = lexicon::dollar_prefix(t.s) {
                return Some((Currency::Code(code), i + 2));
            }
        }
        // U.S.$
        let seq = |k: usize, w: &str| toks.get(i + k).is_some_and(|x| x.s == w);
        if t.s == "U" && seq(1, ".") && seq(2, "S") && seq(3, ".") && seq(4, "$") {
            return Some((Currency::Code("USD"), i + 5));
        }
        if let Some(code) = iso_code(t) {
            return Some((Currency::Code(code), i + 1));
        }
        // "Rs. 500 crore", "Rs 20,000".
        if t.s == "Rs" {
            let dot = toks
                .get(i + 1)
                .is_some_and(|d| d.s == "." && !d.space_before);
            return Some((Currency::Rupee, i + 1 + usize::from(dot)));
        }
    }
    None
}

/// A number with its separators, and thousands written with spaces
/// ("1 000 000"). Returns the value and the index after it.
fn number(toks: &[Tok<'_>], i: usize) -> Option<(Decimal, usize)> {
    let t = toks.get(i)?;
    if t.kind != Kind::Num {
        return None;
    }
    let mut text = t.s.replace(',', "");
    let mut j = i + 1;
    // "100.000 USD", "1.500.000 Dollar": full stops between groups of three
    // are thousands separators, as German and much of Europe write them. A
    // single group before a scale word stays a decimal ("$1.125 billion").
    if !t.s.contains(',')
        && dot_groups(t.s)
        && (t.s.matches('.').count() > 1 || scale(toks, j, false).is_none())
    {
        text = t.s.replace('.', "");
    }
    // "1 000 000": groups of three digits after a group of one to three.
    if t.s.len() <= 3 && t.s.bytes().all(|b| b.is_ascii_digit()) {
        while toks.get(j).is_some_and(|g| {
            g.kind == Kind::Num && g.s.len() == 3 && g.s.bytes().all(|b| b.is_ascii_digit())
        }) {
            text.push_str(toks[j].s);
            j += 1;
        }
    }
    Some((Decimal::parse(&text)?, j))
}

/// Is `s` digits with full stops between groups of exactly three
/// ("100.000", "1.500.000")?
fn dot_groups(s: &str) -> bool {
    let mut parts = s.split('.');
    let head = parts.next().unwrap_or("");
    let mut any = false;
    let tail_ok = parts.all(|g| {
        any = true;
        g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit())
    });
    any && tail_ok
        && (1..=3).contains(&head.len())
        && head.bytes().all(|b| b.is_ascii_digit())
        && !head.starts_with('0')
}

/// A scale word after a number: returns its power of ten and the index
/// after it. One-letter abbreviations must be glued to the number, but
/// for "m" after a currency symbol ("£60 m", as the British press writes
/// it: `after_symbol`).
fn scale(toks: &[Tok<'_>], i: usize, after_symbol: bool) -> Option<(i32, usize)> {
    let t = toks.get(i)?;
    if t.kind != Kind::Word {
        return None;
    }
    let p = numbers::scale_of(t.s)?;
    let long = t.s.len() > 2 || t.s == "mn" || t.s == "bn" || t.s == "tn";
    if !long && t.space_before && !(after_symbol && matches!(t.s, "m" | "M")) {
        return None;
    }
    // "5 m long": a one-letter unit, not a scale, when a measure follows.
    if !long
        && toks
            .get(i + 1)
            .is_some_and(|n| n.kind == Kind::Word && !n.space_before)
    {
        return None;
    }
    Some((p, i + 1))
}

/// A currency name or code after a number: returns it and the index after.
fn suffix_currency(toks: &[Tok<'_>], i: usize) -> Option<(Currency, usize)> {
    let t = toks.get(i)?;
    if t.kind != Kind::Word {
        return None;
    }
    if let Some(code) = iso_code(t) {
        return Some((Currency::Code(code), i + 1));
    }
    // Names are grouped by their first word: most words after a number
    // start none.
    for name in lexicon::names_starting(t.s) {
        let fits = name
            .words
            .iter()
            .enumerate()
            .skip(1)
            .all(|(k, w)| toks.get(i + k).is_some_and(|t| t.s.eq_ignore_ascii_case(w)));
        if !fits {
            continue;
        }
        let end = i + name.words.len();
        // "2 million pounds of gunpowder" is a weight.
        if name.currency == Currency::Pounds && name.words.len() == 1 && is_word(toks, end, "of") {
            return None;
        }
        return Some((name.currency, end));
    }
    None
}

/// One `[currency] number [scale] [currency]` stretch.
struct Core {
    range: Range<usize>,
    /// The value with its scale applied.
    value: Decimal,
    /// The power of ten of a written scale word, if any.
    scale: Option<i32>,
    currency: Option<Currency>,
    /// The token index after it.
    next: usize,
}

/// Is there a currency name or code right after the number at `i`?
fn suffix_in_reach(toks: &[Tok<'_>], i: usize) -> bool {
    let mut j = i + 1;
    while toks
        .get(j)
        .is_some_and(|g| g.kind == Kind::Num && g.s.len() == 3)
    {
        j += 1;
    }
    if scale(toks, j, false).is_some() {
        j += 1;
    }
    suffix_currency(toks, j).is_some()
}

/// The core of an amount at token `i`: `[currency] number [scale]
/// [currency]`.
fn core(toks: &[Tok<'_>], i: usize) -> Option<Core> {
    let (pre, j) = match prefix_currency(toks, i) {
        Some((c, j)) => (Some(c), j),
        None => (None, i),
    };
    // A prefix must be glued to its number or one space away.
    let (value, mut k) = number(toks, j)?;
    let plain_digits = |t: &Tok<'_>| t.s.bytes().all(|b| b.is_ascii_digit());
    // "MUR521959": a code glued to a long run of digits is an identifier.
    if matches!(pre, Some(Currency::Code(_)))
        && !toks[j].space_before
        && toks[j].s.len() >= 6
        && plain_digits(&toks[j])
    {
        return None;
    }
    // "the 2013 Euro qualifiers": the championship, not a sum.
    if pre.is_none()
        && toks.get(k).is_some_and(|t| t.s == "Euro")
        && toks[j].s.len() == 4
        && plain_digits(&toks[j])
    {
        return None;
    }
    let mut sc = None;
    if let Some((p, n)) = scale(toks, k, pre.is_some()) {
        sc = Some(p);
        k = n;
    }
    let mut cur = pre;
    if cur.is_none() {
        let (c, n) = suffix_currency(toks, k)?;
        cur = Some(c);
        k = n;
    } else if let Some((Currency::Code(c), n)) = suffix_currency(toks, k) {
        // "$5 million USD", "US$ 5 dollars": a code after a symbol confirms it.
        if matches!(pre, Some(Currency::Dollar)) {
            cur = Some(Currency::Code(c));
            k = n;
        }
    }
    Some(Core {
        range: toks[i].start..toks[k - 1].end(),
        value: value.scale(sc.unwrap_or(0)),
        scale: sc,
        currency: cur,
        next: k,
    })
}

/// All amounts of `text`, in order (the tests' entry; the pipeline
/// tokenises once and calls [`find_in`]).
#[cfg(test)]
pub fn find(text: &str) -> Vec<Amount> {
    // Every amount has a digit; most paragraphs have none worth a token.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    find_in(&crate::tokens::tokenize(text))
}

/// `find` over tokens already made from the text.
pub fn find_in(toks: &[Tok<'_>]) -> Vec<Amount> {
    if !toks.iter().any(|t| t.kind == Kind::Num) {
        return Vec::new();
    }

    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let opens = match toks[i].kind {
            // A bare number is an amount only with a currency after it
            // (past digit groups and a scale word): check that cheaply
            // before parsing the number.
            Kind::Num => suffix_in_reach(toks, i),
            Kind::Punct | Kind::Word => prefix_currency(toks, i).is_some(),
        };
        if !opens {
            i += 1;
            continue;
        }
        // A number glued to a preceding word ("A320", "COVID-19") is not an
        // amount; the prefix forms (US$, UAH3) are handled by `core`.
        let Some(Core {
            range,
            value,
            scale: sc,
            currency: cur,
            next,
        }) = core(toks, i)
        else {
            i += 1;
            continue;
        };
        let Some(cur) = cur else {
            i += 1;
            continue;
        };
        let mut amount = Amount {
            range,
            amount: value,
            max: None,
            currency: cur,
            approximate: false,
            bound: None,
        };
        let mut k = next;
        // Range: "–", "to", "and" (after "between"), then a second amount
        // or a bare number sharing the currency.
        let joiner = toks.get(k).is_some_and(|t| {
            (t.kind == Kind::Punct && matches!(t.s, "-" | "–" | "—"))
                || (t.kind == Kind::Word && matches!(t.s, "to" | "and"))
        });
        if joiner {
            let second = core(toks, k + 1).or_else(|| {
                // "€40–55 million": a bare number with a scale.
                let (v, mut n) = number(toks, k + 1)?;
                let mut s2 = None;
                if let Some((p, m)) = scale(toks, n, false) {
                    s2 = Some(p);
                    n = m;
                }
                Some(Core {
                    range: toks[k + 1].start..toks[n - 1].end(),
                    value: v.scale(s2.unwrap_or(0)),
                    scale: s2,
                    currency: None,
                    next: n,
                })
            });
            if let Some(Core {
                range: r2,
                value: v2,
                scale: s2,
                currency: c2,
                next: n2,
            }) = second
            {
                let same_currency = c2.is_none_or(|c| c == cur);
                let between = i >= 1 && is_word(toks, i - 1, "between");
                let word_ok = toks[k].s != "and" || between;
                if same_currency && word_ok {
                    let mut low = value;
                    // The scale is shared when only the second has one and
                    // the first is the smaller number ("$10 and $20 million").
                    if sc.is_none() {
                        if let Some(p) = s2 {
                            let unscaled_high = v2.scale(-p);
                            if low <= unscaled_high {
                                low = low.scale(p);
                            }
                        }
                    }
                    if low <= v2 {
                        amount.amount = low;
                        amount.max = Some(v2);
                        amount.range = amount.range.start..r2.end;
                        k = n2;
                    }
                }
            }
        }
        qualify(toks, i, k, &mut amount);
        out.push(amount);
        i = k.max(i + 1);
    }
    out
}

/// Approximation and bound words before the amount, "(estimated)" after.
fn qualify(toks: &[Tok<'_>], start: usize, end: usize, a: &mut Amount) {
    let w = |k: usize| -> String {
        toks.get(k)
            .filter(|t| t.kind == Kind::Word)
            .map_or(String::new(), |t| t.s.to_ascii_lowercase())
    };
    let mut j = start;
    if j >= 1 && w(j - 1) == "between" {
        j -= 1;
    }
    let p1 = if j >= 1 { w(j - 1) } else { String::new() };
    let p2 = if j >= 2 { w(j - 2) } else { String::new() };
    let p3 = if j >= 3 { w(j - 3) } else { String::new() };
    match (p3.as_str(), p2.as_str(), p1.as_str()) {
        ("no", "less", "than") | (_, "at", "least") => a.bound = Some(Bound::AtLeast),
        ("no", "more", "than") | (_, "up", "to") | (_, "at", "most") => {
            a.bound = Some(Bound::AtMost)
        }
        (_, "more", "than") | (_, "greater", "than") | ("in", "excess", "of") => {
            a.bound = Some(Bound::Over)
        }
        (_, "less", "than") | (_, "fewer", "than") => a.bound = Some(Bound::Under),
        (_, _, "over" | "above" | "exceeding" | "upwards") => a.bound = Some(Bound::Over),
        (_, _, "under" | "below") => a.bound = Some(Bound::Under),
        _ => {}
    }
    let approx_words = [
        "about",
        "around",
        "roughly",
        "some",
        "nearly",
        "almost",
        "approximately",
        "approx",
        "circa",
        "estimated",
        "est",
        "c",
        "ca",
        "reportedly",
    ];
    if approx_words.contains(&p1.as_str())
        || (p1.is_empty() && j >= 2 && toks[j - 1].s == "." && approx_words.contains(&p2.as_str()))
    {
        a.approximate = true;
    }
    // "an estimated $5 million", "around $5–6 million"
    if p2 == "an" && p1 == "estimated" {
        a.approximate = true;
    }
    // "(estimated)" or "(est.)" right after.
    if toks.get(end).is_some_and(|t| t.s == "(")
        && toks.get(end + 1).is_some_and(|t| {
            t.s.eq_ignore_ascii_case("estimated") || t.s.eq_ignore_ascii_case("est")
        })
    {
        a.approximate = true;
    }
}

#[cfg(test)]
mod tests;
