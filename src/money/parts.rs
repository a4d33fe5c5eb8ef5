//! The pieces an amount is made of: a currency before the number (a
//! symbol, a code, a prefixed `$`), the number (digits in any grouping, or
//! words), a scale, and a currency after it (a name, a code, a sign, a
//! minor unit).

use std::ops::Range;

use super::words::word_number;
use super::{Currency, Decimal};
use crate::lexicon::currency as lexicon;
use crate::lexicon::numbers;
use crate::tokens::{Kind, Tok};

pub(super) fn is_word(toks: &[Tok<'_>], i: usize, w: &str) -> bool {
    toks.get(i)
        .is_some_and(|t| t.kind == Kind::Word && t.s.eq_ignore_ascii_case(w))
}

fn glued(toks: &[Tok<'_>], i: usize) -> bool {
    toks.get(i).is_some_and(|t| !t.space_before)
}

/// A three-letter ISO 4217 code (checked against the `iso_currency` table).
fn iso_code(t: &Tok<'_>) -> Option<&'static str> {
    if t.kind != Kind::Word {
        return None;
    }
    lexicon::iso_code(t.s)
}

/// A currency symbol or prefix starting at token `i`: returns the
/// currency and the index after it.
pub(super) fn prefix_currency(toks: &[Tok<'_>], i: usize) -> Option<(Currency, usize)> {
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
        // US$, A$, HK$, AUD$, "US $5", "hk $ 300": letters before `$`,
        // glued or one space away. A lone letter or "ca" spaced from it is
        // English ("a $5 bill", "ca $300" is circa).
        if toks.get(i + 1).is_some_and(|d| d.s == "$") {
            let spaced_ok = t.s.len() >= 2 && t.s != "ca"
                || t.s.len() == 1 && t.s != "A" && t.s.bytes().all(|b| b.is_ascii_uppercase());
            if glued(toks, i + 1) || spaced_ok {
                if let Some(code) = lexicon::dollar_prefix(t.s) {
                    return Some((Currency::Code(code), i + 2));
                }
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
        // "Rs. 500 crore", "Rs 20,000", "DM 5 million", "kr 100".
        let rupee = (t.s == "Rs").then_some(Currency::ByCountry(&lexicon::RUPEES));
        if let Some(c) = rupee.or_else(|| lexicon::sign(t.s)) {
            let dot = toks.get(i + 1).is_some_and(|d| d.s == ".") && glued(toks, i + 1);
            return Some((c, i + 1 + usize::from(dot)));
        }
    }
    None
}

/// A number with its separators: thousands with commas, full stops (as
/// much of Europe writes them), spaces or apostrophes ("1 000 000",
/// "1'000"); Indian lakh grouping ("12,34,567.89"); a decimal comma before
/// a scale or a currency ("€1,5 Mrd.", "1.234.567,89 €"). Returns the value
/// and the index after it.
pub(super) fn number(toks: &[Tok<'_>], i: usize) -> Option<(Decimal, usize)> {
    let t = toks.get(i)?;
    if t.kind != Kind::Num {
        return None;
    }
    let digits = |t: &Tok<'_>| t.kind == Kind::Num && t.s.bytes().all(|b| b.is_ascii_digit());
    if let Some(v) = indian(toks, i) {
        return Some(v);
    }
    let mut text = t.s.replace(',', "");
    let mut j = i + 1;
    let european = !t.s.contains(',') && dot_groups(t.s);
    // "100.000 USD", "1.500.000 Dollar": full stops between groups of three
    // are thousands separators. A single group before a scale word stays a
    // decimal ("$1.125 billion").
    if european && (t.s.matches('.').count() > 1 || scale(toks, j, false).is_none()) {
        text = t.s.replace('.', "");
    }
    if digits(t) && t.s.len() <= 3 {
        // "1 000 000", "1'000": groups of three after a group of one to
        // three, spaced or after a glued apostrophe.
        loop {
            let tick = toks.get(j).is_some_and(|p| matches!(p.s, "'" | "’"))
                && glued(toks, j)
                && glued(toks, j + 1);
            let g = if tick { j + 1 } else { j };
            match toks.get(g) {
                Some(n) if digits(n) && n.s.len() == 3 && (tick || n.space_before) => {
                    text.push_str(n.s);
                    j = g + 1;
                }
                _ => break,
            }
        }
    }
    // A decimal comma: "1,5 Mrd.", "1.234.567,89 €" — only where a scale or
    // a currency follows, so "1,5 and 7" stays a list.
    if (digits(t) && t.s.len() <= 3 || european)
        && toks.get(j).is_some_and(|c| c.s == ",")
        && glued(toks, j)
        && glued(toks, j + 1)
        && toks
            .get(j + 1)
            .is_some_and(|f| digits(f) && (1..=2).contains(&f.s.len()))
        && (scale(toks, j + 2, false).is_some() || suffix_currency(toks, j + 2).is_some())
    {
        text = format!("{text}.{}", toks[j + 1].s);
        j += 2;
    }
    Some((Decimal::parse(&text)?, j))
}

/// "12,34,567.89", "1,00,000": the Indian grouping, which the tokenizer
/// splits at its two-digit groups.
fn indian(toks: &[Tok<'_>], i: usize) -> Option<(Decimal, usize)> {
    let first = &toks[i];
    if !(1..=2).contains(&first.s.len())
        || toks.get(i + 1).is_none_or(|c| c.s != ",")
        || !glued(toks, i + 1)
        || !first.s.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    // The glued run of numbers and commas after it.
    let mut s = first.s.to_string();
    let mut j = i + 1;
    while toks.get(j).is_some_and(|c| c.s == ",") && glued(toks, j) && glued(toks, j + 1) {
        match toks.get(j + 1) {
            Some(n) if n.kind == Kind::Num => {
                s.push(',');
                s.push_str(n.s);
                j += 2;
            }
            _ => break,
        }
    }
    // Groups of two, then one of three with the decimals.
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let groups: Vec<&str> = int.split(',').collect();
    let (last, middle) = groups[1..].split_last()?;
    let lakh = !middle.is_empty()
        && middle.iter().all(|g| g.len() == 2)
        && last.len() == 3
        && groups[1..]
            .iter()
            .all(|g| g.bytes().all(|b| b.is_ascii_digit()));
    if !lakh {
        return None;
    }
    let plain = if frac.is_empty() {
        int.replace(',', "")
    } else {
        format!("{}.{frac}", int.replace(',', ""))
    };
    Some((Decimal::parse(&plain)?, j))
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
/// it: `after_symbol`). "Mio." and "Mrd." take their full stop.
pub(super) fn scale(toks: &[Tok<'_>], i: usize, after_symbol: bool) -> Option<(i32, usize)> {
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
    let dot = matches!(t.s, "Mio" | "Mrd" | "mio" | "mrd")
        && toks.get(i + 1).is_some_and(|d| d.s == ".")
        && glued(toks, i + 1);
    let next = i + 1 + usize::from(dot);
    // "lakh crore", "hundred thousand": a larger scale word after a
    // smaller one multiplies it.
    if long && !dot {
        if let Some(q) = toks
            .get(next)
            .filter(|n| n.kind == Kind::Word && n.s.len() > 3)
            .and_then(|n| numbers::scale_of(n.s))
            .filter(|q| *q > p)
        {
            return Some((p + q, next + 1));
        }
    }
    Some((p, next))
}

/// A currency after a number: what it is, the index after it, and the
/// power of ten of a minor unit (cents: -2; a major unit: 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Suffix {
    pub currency: Currency,
    pub next: usize,
    pub minor: i32,
    /// Named in words ("dollars", "cents"), not a code or a sign.
    pub named: bool,
}

/// A currency name, code, sign or minor unit after a number.
pub(super) fn suffix_currency(toks: &[Tok<'_>], i: usize) -> Option<Suffix> {
    let t = toks.get(i)?;
    let of = |currency, next, minor, named| {
        Some(Suffix {
            currency,
            next,
            minor,
            named,
        })
    };
    // A number after it is the sign's own amount: "in 2020 $5 million" is
    // not 2020 dollars.
    let no_number_after = |k: usize| toks.get(k).is_none_or(|n| n.kind != Kind::Num);
    if t.kind == Kind::Punct {
        if t.s == "$" || !t.s.is_ascii() {
            if let Some((c, p)) = lexicon::minor_unit(t.s) {
                return of(c, i + 1, p, false);
            }
            if let Some(c) = lexicon::symbol(t.s).filter(|_| no_number_after(i + 1)) {
                return of(c, i + 1, 0, false);
            }
        }
        return None;
    }
    if t.kind != Kind::Word {
        return None;
    }
    if let Some(code) = iso_code(t) {
        return of(Currency::Code(code), i + 1, 0, false);
    }
    if let Some(c) = lexicon::sign(t.s).filter(|_| no_number_after(i + 1)) {
        // "500 руб.": the sign's abbreviating stop.
        let dot = toks.get(i + 1).is_some_and(|d| d.s == ".") && glued(toks, i + 1) && t.s == "руб";
        return of(c, i + 1 + usize::from(dot), 0, false);
    }
    // "50p", "20c": one-letter minor units only glued to their number, and
    // standing alone after it ("02t3500p0273385t" is an identifier).
    let alone = toks
        .get(i + 1)
        .is_none_or(|n| n.space_before || n.kind == Kind::Punct);
    if t.s.len() > 1 || !t.space_before && alone {
        if let Some((c, p)) = lexicon::minor_unit(t.s) {
            return of(c, i + 1, p, true);
        }
    }
    // "euro cents": a minor unit of two words, before the name "euro".
    if t.s.eq_ignore_ascii_case("euro") && is_word(toks, i + 1, "cents") {
        return of(Currency::Code("EUR"), i + 2, -2, true);
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
        if lexicon::LOWERCASE_ONLY.contains(&name.words[0].as_str()) && t.s != name.words[0] {
            continue;
        }
        // "2 million pounds of gunpowder" is a weight.
        if name.currency == Currency::Pounds && name.words.len() == 1 && is_word(toks, end, "of") {
            return None;
        }
        return of(name.currency, end, 0, true);
    }
    None
}

/// One `[currency] number [scale] [currency]` stretch.
pub(super) struct Core {
    pub range: Range<usize>,
    /// The value with its scale and minor unit applied.
    pub value: Decimal,
    /// The power of ten of a written scale word, if any.
    pub scale: Option<i32>,
    pub currency: Option<Currency>,
    /// The currency came after the number in words ("dollars", "cents").
    pub named: bool,
    /// The currency was a minor unit ("cents").
    pub minor: bool,
    /// The token index after it.
    pub next: usize,
}

/// A number in digits or in words at `i`: its value and the index after.
pub(super) fn any_number(toks: &[Tok<'_>], i: usize) -> Option<(Decimal, usize)> {
    number(toks, i).or_else(|| word_number(toks, i))
}

/// Is there a currency name, code or sign right after the number at `i`?
pub(super) fn suffix_in_reach(toks: &[Tok<'_>], i: usize) -> bool {
    let mut j = i + 1;
    while toks
        .get(j)
        .is_some_and(|g| g.kind == Kind::Num && g.s.len() == 3)
    {
        j += 1;
    }
    // Past a decimal comma or apostrophe group ("1,5 Mrd.", "1'000 CHF").
    if toks.get(j).is_some_and(|c| matches!(c.s, "," | "'" | "’"))
        && toks
            .get(j + 1)
            .is_some_and(|n| n.kind == Kind::Num && !n.space_before)
    {
        j += 2;
    }
    if let Some((_, n)) = scale(toks, j, false) {
        j = n;
    }
    suffix_currency(toks, j).is_some()
}

/// The core of an amount at token `i`: `[currency] number [scale]
/// [currency]`.
pub(super) fn core(toks: &[Tok<'_>], i: usize) -> Option<Core> {
    let (pre, j) = match prefix_currency(toks, i) {
        Some((c, j)) => (Some(c), j),
        None => (None, i),
    };
    // A prefix must be glued to its number or one space away; words take
    // no prefix ("$ five" is not written).
    let (value, mut k) = match pre {
        Some(_) => number(toks, j)?,
        None => any_number(toks, j)?,
    };
    let plain_digits = |t: &Tok<'_>| t.s.bytes().all(|b| b.is_ascii_digit());
    // A number glued to a word before it ("A320", "t3500") is part of a
    // name or an identifier.
    if pre.is_none()
        && j > 0
        && !toks[j].space_before
        && matches!(toks[j - 1].kind, Kind::Word | Kind::Num)
    {
        return None;
    }
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
    let mut named = false;
    let mut minor = 0;
    if cur.is_none() {
        let s = suffix_currency(toks, k)?;
        // "720p" is a video format; "two won the race" a verb.
        if toks[k].s == "p" && lexicon::VIDEO_LINES.contains(&toks[j].s) {
            return None;
        }
        if toks[j].kind == Kind::Word && toks[k].s.eq_ignore_ascii_case("won") {
            return None;
        }
        cur = Some(s.currency);
        named = s.named;
        minor = s.minor;
        k = s.next;
    } else if let Some(s) = suffix_currency(toks, k) {
        // "$5 million USD", "US$ 5 dollars": a code after a symbol confirms it.
        if let (Some(Currency::Dollar), Currency::Code(c), 0) = (pre, s.currency, s.minor) {
            cur = Some(Currency::Code(c));
            k = s.next;
        }
    }
    Some(Core {
        range: toks[i].start..toks[k - 1].end(),
        value: value.scale(sc.unwrap_or(0) + minor),
        scale: sc,
        currency: cur,
        named,
        minor: minor != 0,
        next: k,
    })
}
