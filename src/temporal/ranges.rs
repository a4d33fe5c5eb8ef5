//! The second pass: neighbours joined into ranges ("from 2014 to 2016",
//! "between A and B") and qualifiers attached ("before", "early",
//! "circa").

use super::primitives::*;
use super::value::*;
use crate::tokens::{Kind, Lower, Tok};

/// Joins `from A to B`, `between A and B` and `A – B` into one mention.
pub(super) fn join_ranges(
    text: &str,
    toks: &[Tok<'_>],
    found: Vec<(usize, usize, Mention)>,
) -> Vec<(usize, usize, Mention)> {
    let _ = text;
    let mut out: Vec<(usize, usize, Mention)> = Vec::with_capacity(found.len());
    let mut it = found.into_iter().peekable();
    while let Some((a0, a1, a)) = it.next() {
        let joinable = |b0: usize| -> bool {
            if a.relative.is_some() || a.end.is_some() {
                return false;
            }
            let between = b0.saturating_sub(a1);
            // "from the 1940s to the 1980s": an article may stand before
            // each end.
            let the = |k: usize| is_word(toks, k, "the");
            let before = a0.checked_sub(1).filter(|&p| !the(p)).or(a0.checked_sub(2));
            let opener = before
                .and_then(|p| word(toks, p))
                .map(str::to_ascii_lowercase);
            match between {
                1 if is_dash(toks, a1) => true,
                1 | 2 if between == 1 || the(a1 + 1) => matches!(
                    (
                        opener.as_deref(),
                        word(toks, a1).map(str::to_ascii_lowercase).as_deref(),
                    ),
                    (Some("from"), Some("to" | "until" | "till" | "through"))
                        | (Some("between"), Some("and"))
                ),
                _ => false,
            }
        };
        if let Some((b0, _, b)) = it.peek() {
            if joinable(*b0)
                && b.relative.is_none()
                && b.end.is_none()
                && compatible(&a.start, &b.start)
            {
                let (_, b1, b) = it.next().expect("peeked");
                let mut start = a.start;
                if start.year.is_none() {
                    start.year = b.start.year;
                }
                let key = |d: &DateVal| (d.year, d.month.unwrap_or(0), d.day.unwrap_or(0));
                if start.year.is_some() == b.start.year.is_some() && key(&start) > key(&b.start) {
                    out.push((a0, a1, a));
                    continue;
                }
                let mut m = Mention::new(a.range.start..b.range.end, start);
                m.end = Some(b.start);
                out.push((a0, b1, m));
                continue;
            }
        }
        out.push((a0, a1, a));
    }
    out
}

/// Can `a` and `b` be the two ends of one range?
pub(super) fn compatible(a: &DateVal, b: &DateVal) -> bool {
    let rank = |p: Precision| -> u8 {
        match p {
            Precision::Day => 0,
            Precision::Month => 1,
            Precision::Year => 2,
            Precision::Decade => 3,
            Precision::Century => 4,
        }
    };
    let order_ok = match (a.year, b.year) {
        (Some(x), Some(y)) => x <= y,
        _ => true,
    };
    rank(a.precision).abs_diff(rank(b.precision)) <= 1 && order_ok
}

/// Attaches a qualifier from the words before the mention. Modifiers that
/// belong to the expression ("early", "mid-", "c.") widen its range; the
/// prepositions ("before", "since", "by") stay outside it.
pub(super) fn qualify(text: &str, toks: &[Tok<'_>], a: usize, b: usize, mut m: Mention) -> Mention {
    let _ = (text, b);
    // Dates from the narrative keep their words as they are; dates from
    // the day of writing take qualifiers ("late last July", "since last
    // year").
    if m.relative.is_some_and(|r| !r.needs_reference()) {
        return m;
    }
    let mut j = a;
    // Expression-internal modifiers, nearest first.
    if j >= 2 && is_punct(toks, j - 1, "-") && !toks[j].space_before {
        if let Some(w) = word(toks, j - 2) {
            let q = match Lower::new(w).as_str() {
                "mid" => Some(Qualifier::Mid),
                "early" => Some(Qualifier::Early),
                "late" => Some(Qualifier::Late),
                "pre" => Some(Qualifier::Before),
                "post" => Some(Qualifier::After),
                _ => None,
            };
            if q.is_some() {
                m.qualifier = q;
                j -= 2;
                m.range.start = toks[j].start;
            }
        }
    }
    if m.qualifier.is_none() && j >= 1 {
        if let Some(w) = word(toks, j - 1) {
            let q = match Lower::new(w).as_str() {
                "early" => Some(Qualifier::Early),
                "mid" | "middle" => Some(Qualifier::Mid),
                "late" => Some(Qualifier::Late),
                "circa" | "about" | "around" | "approximately" | "roughly" => {
                    Some(Qualifier::Circa)
                }
                _ => None,
            };
            if let Some(q) = q {
                m.qualifier = Some(q);
                j -= 1;
                m.range.start = toks[j].start;
            }
        } else if is_punct(toks, j - 1, ".")
            && j >= 2
            && word(toks, j - 2).is_some_and(|w| w == "c" || w == "ca")
        {
            m.qualifier = Some(Qualifier::Circa);
            j -= 2;
            m.range.start = toks[j].start;
        }
    }
    // "the end of 1944", "the beginning of May", "the middle of 1943"
    if m.qualifier.is_none() && j >= 2 && is_word(toks, j - 1, "of") {
        let q = match word(toks, j - 2).map(str::to_ascii_lowercase).as_deref() {
            Some("end" | "close") => Some(Qualifier::Late),
            Some("beginning" | "start") => Some(Qualifier::Early),
            Some("middle") => Some(Qualifier::Mid),
            _ => None,
        };
        if q.is_some() {
            m.qualifier = q;
            return m;
        }
    }
    if m.qualifier.is_some() {
        return m;
    }
    // Prepositions, possibly with "the" or a possessive between
    // ("Before the 2022 invasion", "since Russia's 2022 invasion").
    let mut k = j;
    if k >= 1 && is_word(toks, k - 1, "the") {
        k -= 1;
    } else if k >= 3 && is_possessive(toks, k - 1) && toks[k - 3].kind == Kind::Word {
        k -= 3;
    }
    if k >= 1 {
        let q = match word(toks, k - 1).map(str::to_ascii_lowercase).as_deref() {
            Some("before") => Some(Qualifier::Before),
            Some("after") => Some(Qualifier::After),
            Some("since") => Some(Qualifier::Since),
            Some("until" | "till" | "til") => Some(Qualifier::Until),
            Some("by") => Some(Qualifier::By),
            Some("to") if k >= 2 && is_word(toks, k - 2, "prior") => Some(Qualifier::Before),
            Some("to") if k >= 2 && is_word(toks, k - 2, "up") => Some(Qualifier::Until),
            _ => None,
        };
        // "by" before a year in a modifier ("by the 2022 law") is rare; the
        // rule takes it as a qualifier.
        if m.end.is_none() || q != Some(Qualifier::By) {
            m.qualifier = q;
        }
    }
    m
}
