//! Token-level pieces the matchers are built from: a day, a month, a year
//! with its era, and the checks that keep counts and identifiers out.

use std::ops::Range;

use super::vocabulary::*;
use crate::lexicon::calendar::MONTHS;
use crate::lexicon::currency;
use crate::lexicon::{in_list, lookup};
use crate::tokens::{Kind, Lower, Tok};

pub(super) fn word<'t>(toks: &[Tok<'t>], i: usize) -> Option<&'t str> {
    toks.get(i).filter(|t| t.kind == Kind::Word).map(|t| t.s)
}

pub(super) fn is_word(toks: &[Tok<'_>], i: usize, w: &str) -> bool {
    word(toks, i).is_some_and(|s| s.eq_ignore_ascii_case(w))
}

pub(super) fn is_punct(toks: &[Tok<'_>], i: usize, p: &str) -> bool {
    toks.get(i)
        .is_some_and(|t| t.kind == Kind::Punct && t.s == p)
}

pub(super) fn is_dash(toks: &[Tok<'_>], i: usize) -> bool {
    toks.get(i)
        .is_some_and(|t| t.kind == Kind::Punct && matches!(t.s, "-" | "–" | "—" | "/"))
}

/// Plain digits (no separators), their value and digit count.
pub(super) fn digits(toks: &[Tok<'_>], i: usize) -> Option<(i32, usize)> {
    let t = toks.get(i)?;
    if t.kind != Kind::Num || !t.s.bytes().all(|b| b.is_ascii_digit()) || t.s.len() > 4 {
        return None;
    }
    t.s.parse().ok().map(|v| (v, t.s.len()))
}

/// A month name (capitalised), with an optional full stop after an
/// abbreviation; returns the month and the index after it.
pub(super) fn month(toks: &[Tok<'_>], i: usize) -> Option<(u8, usize)> {
    let w = word(toks, i)?;
    if !w.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let m = lookup(MONTHS, w)?;
    let mut next = i + 1;
    // "May", "June" and "July" are short but whole: a full stop after one
    // ends the sentence ("missing in July."), it abbreviates nothing.
    let abbreviation = w.len() <= 4 && !matches!(m, 5..=7);
    if abbreviation && is_punct(toks, next, ".") && !toks[next].space_before {
        next += 1;
    } else if abbreviation {
        // A bare abbreviation ("Sept 3") must be followed by a number.
        digits(toks, next)?;
    }
    Some((m, next))
}

/// A day of the month, with an optional ordinal suffix ("1st", "23rd").
pub(super) fn day(toks: &[Tok<'_>], i: usize) -> Option<(u8, usize)> {
    let (v, n) = digits(toks, i)?;
    if n > 2 || !(1..=31).contains(&v) {
        return None;
    }
    let mut next = i + 1;
    if let Some(w) = word(toks, next) {
        if !toks[next].space_before && in_list(&["st", "nd", "rd", "th"], w) {
            next += 1;
        } else if !toks[next].space_before {
            return None;
        }
    }
    if toks
        .get(next)
        .is_some_and(|t| t.kind == Kind::Num && !t.space_before)
    {
        return None;
    }
    Some((v as u8, next))
}

/// An era marker: returns true for BC/BCE, false for AD/CE.
pub(super) fn era(toks: &[Tok<'_>], i: usize) -> Option<(bool, usize)> {
    let w = word(toks, i)?;
    let (bc, mut next) = match w {
        "BC" | "BCE" | "B" => (true, i + 1),
        "AD" | "CE" | "A" => (false, i + 1),
        _ => return None,
    };
    if matches!(w, "B" | "A") {
        // "B.C." / "A.D." tokenised as B . C .
        if !(is_punct(toks, next, ".")
            && word(toks, next + 1).is_some_and(|c| c == "C" || c == "D"))
        {
            return None;
        }
        next += 2;
        if is_punct(toks, next, ".") {
            next += 1;
        }
    }
    Some((bc, next))
}

/// Converts a year as written plus era into an astronomical year.
pub(super) fn astronomical(y: i32, bc: bool) -> i32 {
    if bc { 1 - y } else { y }
}

/// A year with an optional era after it ("1992", "264 BC") or before it
/// ("AD 79"). Without an era only 4-digit years from 1000 to 2199 count.
pub(super) fn year(toks: &[Tok<'_>], i: usize) -> Option<(i32, bool, usize)> {
    if let Some((false, after_era)) = era(toks, i) {
        let (v, _) = digits(toks, after_era)?;
        return Some((v, true, after_era + 1));
    }
    let (v, n) = digits(toks, i)?;
    if toks
        .get(i + 1)
        .is_some_and(|t| !t.space_before && t.kind == Kind::Word)
    {
        return None;
    }
    if let Some((bc, next)) = era(toks, i + 1) {
        if v > 0 {
            return Some((astronomical(v, bc), true, next));
        }
    }
    if n == 4 && (1000..=2199).contains(&v) {
        return Some((v, false, i + 1));
    }
    None
}

/// Identifiers whose digits are never dates: ISBNs, DOIs, URLs. Returns the
/// index after the identifier.
pub(super) fn skip_identifier(toks: &[Tok<'_>], i: usize) -> Option<usize> {
    let w = word(toks, i)?;
    if IDENTIFIER_WORDS.contains(&Lower::new(w).as_str()) {
        let mut j = i + 1;
        // Skip a ":" or "/" and then everything up to the next space.
        while j < toks.len() && (!toks[j].space_before || j == i + 1) {
            j += 1;
        }
        return Some(j);
    }
    None
}

/// The byte range of tokens `a..b`.
pub(super) fn span(toks: &[Tok<'_>], a: usize, b: usize) -> Range<usize> {
    toks[a].start..toks[b - 1].end()
}

/// Rejects numbers that are counts, measures, money or identifiers.
pub(super) fn year_context_ok(toks: &[Tok<'_>], i: usize, next: usize) -> bool {
    let t = &toks[i];
    // Glued to a preceding word or number ("A320", "COVID-2019", "$1990").
    if i > 0 && !t.space_before {
        let p = &toks[i - 1];
        let hyphen_word = p.s == "-"
            && i >= 2
            && !p.space_before
            && toks[i - 2].kind == Kind::Word
            && !in_list(
                &["mid", "pre", "post", "early", "late", "c", "ca"],
                toks[i - 2].s,
            );
        if p.kind != Kind::Punct || hyphen_word || matches!(p.s, "#" | "№" | "." | ",") {
            return false;
        }
    }
    // After a currency symbol, glued or not ("$1990", "₺ 2015"): money.
    if i > 0 && toks[i - 1].kind == Kind::Punct && currency::is_symbol(toks[i - 1].s) {
        return false;
    }
    // The second number of a numeric range whose first was rejected
    // ("pp. 1990–1995").
    if i >= 2 && is_dash(toks, i - 1) && toks[i - 2].kind == Kind::Num {
        return false;
    }
    if let Some(prev) = word(toks, i.wrapping_sub(1)) {
        // "ON 1202": a vessel's Official Number (written in capitals,
        // where "on" in any case would block "on 1990 figures").
        if in_list(NUMBER_BLOCKERS, prev) || prev == "ON" || PRODUCT_NAMES.contains(&prev) {
            return false;
        }
    }
    // "p. 1990", "No. 2000"
    if i >= 2
        && is_punct(toks, i - 1, ".")
        && word(toks, i - 2).is_some_and(|w| in_list(NUMBER_BLOCKERS, w))
    {
        return false;
    }
    if let Some(n) = toks.get(next) {
        if n.kind == Kind::Punct
            && (n.s == "%"
                || (n.s == ":" && toks.get(next + 1).is_some_and(|t| t.kind == Kind::Num)))
        {
            return false;
        }
        if n.kind == Kind::Num {
            return false;
        }
    }
    // "for up to 1280 young people", "some 1500 new cars": a quantity word
    // before, a plural after a word that describes it.
    let quantity_before = word(toks, i.wrapping_sub(1)).is_some_and(|p| {
        in_list(
            &[
                "about",
                "some",
                "nearly",
                "almost",
                "over",
                "around",
                "approximately",
                "roughly",
                "than",
            ],
            p,
        ) || p.eq_ignore_ascii_case("to") && is_word(toks, i.wrapping_sub(2), "up")
    });
    let lower = |k: usize| word(toks, k).filter(|w| w.starts_with(char::is_lowercase));
    if quantity_before
        && lower(next).is_some()
        && lower(next + 1)
            .is_some_and(|n| in_list(COUNT_NOUNS, n) || n.len() > 3 && n.ends_with('s'))
    {
        return false;
    }
    // A street number: "1600 Pennsylvania Avenue", "221 Baker Street".
    if (next..next + 4).any(|k| word(toks, k).is_some_and(|w| in_list(STREET_TYPES, w)))
        && word(toks, next).is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
    {
        return false;
    }
    if let Some(w) = word(toks, next) {
        // "1,500 of the troops" counts; "a turnover in 2015 of some £70
        // billion" dates.
        let dated_of = w.eq_ignore_ascii_case("of")
            && word(toks, i.wrapping_sub(1)).is_some_and(|p| {
                in_list(
                    &["in", "since", "until", "during", "by", "before", "after"],
                    p,
                )
            });
        if in_list(COUNT_NOUNS, w) && !dated_of {
            return false;
        }
        let determiner = i > 0
            && (word(toks, i - 1)
                .is_some_and(|p| in_list(&["the", "its", "his", "her", "their", "a"], p))
                || is_possessive(toks, i - 1));
        let plural = w.starts_with(|c: char| c.is_lowercase())
            && w.len() > 3
            && w.ends_with(['s', 'S'])
            && !w.as_bytes()[w.len() - 2..].eq_ignore_ascii_case(b"ss")
            && !in_list(YEAR_PLURAL_OK, w)
            && !in_list(
                &[
                    "was",
                    "has",
                    "is",
                    "saw",
                    "as",
                    "thus",
                    "always",
                    "towards",
                    "afterwards",
                    "onwards",
                    "besides",
                ],
                w,
            );
        if plural && !determiner {
            return false;
        }
    }
    true
}

/// Is token `i` the `s` of a possessive ("Russia's")?
pub(super) fn is_possessive(toks: &[Tok<'_>], i: usize) -> bool {
    word(toks, i) == Some("s")
        && i >= 1
        && matches!(toks[i - 1].s, "'" | "’")
        && !toks[i - 1].space_before
}
