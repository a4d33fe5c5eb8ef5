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
    /// What a rate is per ("$5 per share", "$12 an hour"), as written.
    pub per: Option<String>,
}

mod parts;
mod words;

use parts::{
    Core, any_number, core, is_word, prefix_currency, scale, suffix_currency, suffix_in_reach,
};

/// All amounts of `text`, in order (the tests' entry; the pipeline
/// tokenises once and calls [`find_in`]).
#[cfg(test)]
pub fn find(text: &str) -> Vec<Amount> {
    find_in(&crate::tokens::tokenize(text))
}

/// `find` over tokens already made from the text.
pub fn find_in(toks: &[Tok<'_>]) -> Vec<Amount> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let opens = match toks[i].kind {
            // A bare number is an amount only with a currency after it
            // (past digit groups and a scale word), or as the low end of a
            // range whose high end has one ("10-20 dollars"): check that
            // cheaply before parsing the number.
            Kind::Num => suffix_in_reach(toks, i) || range_joiner_after(toks, i),
            Kind::Punct => prefix_currency(toks, i).is_some(),
            Kind::Word => prefix_currency(toks, i).is_some() || words::could_open(toks, i),
        };
        if !opens {
            i += 1;
            continue;
        }
        let Some((mut amount, k)) = amount_at(toks, i) else {
            i += 1;
            continue;
        };
        qualify(toks, i, k, &mut amount);
        amount.per = rate(toks, k);
        out.push(amount);
        i = k.max(i + 1);
    }
    out
}

/// The amount starting at token `i` (a core, and the range or the minor
/// units that complete it), and the index after it.
fn amount_at(toks: &[Tok<'_>], i: usize) -> Option<(Amount, usize)> {
    let first = core(toks, i).or_else(|| low_end_before_currency(toks, i))?;
    let cur = first.currency?;
    let mut amount = Amount {
        range: first.range.clone(),
        amount: first.value,
        max: None,
        currency: cur,
        approximate: false,
        bound: None,
        per: None,
    };
    let mut k = first.next;
    // "£3 10s 6d": pounds, shillings and pence, where the sum is exact.
    if let Some((extra, end, n)) = shillings_and_pence(toks, &first) {
        if let Some(sum) = amount.amount.checked_add(extra) {
            amount.amount = sum;
            amount.range.end = end;
            return Some((amount, n));
        }
    }
    // "3 dollars 50 cents", "$20 and 43c", "15 dollars and 50".
    if let Some((cents, end, n)) = minor_after(toks, &first) {
        if let Some(sum) = amount.amount.checked_add(cents) {
            amount.amount = sum;
            amount.range.end = end;
            return Some((amount, n));
        }
    }
    // Range: "–", "to", "and" (after "between"), then a second amount
    // or a bare number sharing the currency.
    if let Some(((v2, s2), end, n2)) = range_end(toks, i, &first, cur) {
        let mut low = amount.amount;
        // The scale is shared when only the second has one and the first is
        // the smaller number ("$10 and $20 million").
        if first.scale.is_none() && !first.minor {
            if let Some(p) = s2 {
                if low <= v2.scale(-p) {
                    low = low.scale(p);
                }
            }
        }
        if low <= v2 {
            amount.amount = low;
            amount.max = Some(v2);
            amount.range = amount.range.start..end;
            k = n2;
        }
    }
    Some((amount, k))
}

/// Is token `i + 1`, or the one after a scale, a range joiner? The cheap
/// test before [`low_end_before_currency`].
fn range_joiner_after(toks: &[Tok<'_>], i: usize) -> bool {
    let mut j = i + 1;
    if let Some((_, n)) = scale(toks, j, false) {
        j = n;
    }
    is_joiner(toks, j)
}

fn is_joiner(toks: &[Tok<'_>], k: usize) -> bool {
    toks.get(k).is_some_and(|t| {
        (t.kind == Kind::Punct && matches!(t.s, "-" | "–" | "—"))
            || (t.kind == Kind::Word && matches!(t.s, "to" | "and"))
    })
}

/// A range that writes the currency once, after its high end: "10-20
/// dollars", "between 10 and 20 million yen", "from 40 to 55 million
/// euros". The low end, as a core with the high end's currency.
fn low_end_before_currency(toks: &[Tok<'_>], i: usize) -> Option<Core> {
    let (v, mut j) = any_number(toks, i)?;
    let mut sc = None;
    if let Some((p, n)) = scale(toks, j, false) {
        sc = Some(p);
        j = n;
    }
    let between = i >= 1 && is_word(toks, i - 1, "between");
    if !is_joiner(toks, j) || (toks[j].s == "and" && !between) {
        return None;
    }
    // The high end must be a bare number with its currency after it.
    if prefix_currency(toks, j + 1).is_some() {
        return None;
    }
    let high = core(toks, j + 1)?;
    let minor = if high.minor { -2 } else { 0 };
    Some(Core {
        range: toks[i].start..toks[j - 1].end(),
        value: v.scale(sc.unwrap_or(0) + minor),
        scale: sc,
        currency: high.currency,
        named: high.named,
        minor: high.minor,
        next: j,
    })
}

/// The high end of a range after `first`: its value and the power of its
/// scale word, where it ends in the text, and the token after it.
type RangeEnd = ((Decimal, Option<i32>), usize, usize);

fn range_end(toks: &[Tok<'_>], i: usize, first: &Core, cur: Currency) -> Option<RangeEnd> {
    let k = first.next;
    if !is_joiner(toks, k) {
        return None;
    }
    let between = i >= 1 && is_word(toks, i - 1, "between");
    if toks[k].s == "and" && !between {
        return None;
    }
    let second = core(toks, k + 1).or_else(|| {
        // "€40–55 million": a bare number with a scale.
        let (v, mut n) = any_number(toks, k + 1)?;
        let mut s2 = None;
        if let Some((p, m)) = scale(toks, n, false) {
            s2 = Some(p);
            n = m;
        }
        Some(Core {
            range: toks[k + 1].start..toks[n - 1].end(),
            value: v.scale(s2.unwrap_or(0) + if first.minor { -2 } else { 0 }),
            scale: s2,
            currency: None,
            named: false,
            minor: false,
            next: n,
        })
    })?;
    second.currency.is_none_or(|c| c == cur).then_some((
        (second.value, second.scale),
        second.range.end,
        second.next,
    ))
}

/// Minor units completing an amount named in major units: "3 dollars 50
/// cents", "thirteen dollars and forty-five cents", "$20 and 43c", "15
/// dollars and 50". Their value in major units, where they end, and the
/// token after them.
fn minor_after(toks: &[Tok<'_>], first: &Core) -> Option<(Decimal, usize, usize)> {
    if first.minor || first.scale.is_some() {
        return None;
    }
    let mut k = first.next;
    let and = is_word(toks, k, "and");
    if and {
        k += 1;
    }
    let (v, n) = any_number(toks, k)?;
    if v > Decimal::parse("99")? {
        return None;
    }
    let major = first.currency?;
    if let Some(s) = suffix_currency(toks, n) {
        // Cents of the dollar written ("3 dollars 50 cents") or of the one
        // a sign fixed ("US$20 and 43c").
        let same = s.currency == major
            || (s.currency == Currency::Dollar && matches!(major, Currency::Code(_)));
        return (s.minor == -2 && same).then(|| (v.scale(-2), toks[s.next - 1].end(), s.next));
    }
    // "15 dollars and 50": two digits and nothing more after a named
    // currency.
    let ends = toks
        .get(n)
        .is_none_or(|t| t.kind == Kind::Punct && t.s != "%");
    (and && first.named && toks[k].kind == Kind::Num && toks[k].s.len() == 2 && ends)
        .then(|| (v.scale(-2), toks[n - 1].end(), n))
}

/// "£3 10s 6d", "£2 5s": shillings (twenty to the pound) and pence
/// (twelve to the shilling) after pounds, as British money was written
/// before 1971. Their value in pounds where it is an exact decimal (10s 6d
/// is 0.525), where they end, and the token after them.
fn shillings_and_pence(toks: &[Tok<'_>], first: &Core) -> Option<(Decimal, usize, usize)> {
    if first.currency != Some(Currency::Code("GBP")) || first.scale.is_some() || first.minor {
        return None;
    }
    // A count glued to its letter: "10s", "6d".
    let part = |k: usize, letter: &str, max: u32| -> Option<u32> {
        let (n, l) = (toks.get(k)?, toks.get(k + 1)?);
        let v: u32 = n.s.parse().ok()?;
        (n.kind == Kind::Num && l.s == letter && !l.space_before && v <= max).then_some(v)
    };
    let mut k = first.next;
    let shillings = part(k, "s", 19)?;
    k += 2;
    let pence = part(k, "d", 11);
    if pence.is_some() {
        k += 2;
    }
    // In 1/240ths of a pound; exact in decimals when 240 divides it times
    // a power of ten up to 10^4.
    let d = u64::from(shillings * 12 + pence.unwrap_or(0));
    let (num, places) = (0..=4).find_map(|p| {
        let scaled = d * 10u64.pow(p);
        (scaled % 240 == 0).then_some((scaled / 240, p))
    })?;
    let value = Decimal::parse(&num.to_string())?.scale(-(places as i32));
    Some((value, toks[k - 1].end(), k))
}

/// What a rate is per, after the amount: "per share", "a share", "an
/// hour", "/hour".
fn rate(toks: &[Tok<'_>], k: usize) -> Option<String> {
    let unit = |j: usize| {
        toks.get(j)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.s.to_lowercase())
    };
    let known = |u: &String| lexicon::RATE_UNITS.contains(&u.as_str());
    match toks.get(k)?.s {
        "per" => {
            unit(k + 1).filter(|u| toks[k + 1].s.starts_with(char::is_lowercase) && !u.is_empty())
        }
        "a" | "an" => unit(k + 1).filter(known),
        "/" if toks.get(k + 1).is_some_and(|t| !t.space_before) => unit(k + 1).filter(known),
        _ => None,
    }
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
