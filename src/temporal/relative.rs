//! Relative expressions, resolved against the narrative later: "two days
//! later", "the following year", "that same day".

use super::primitives::*;
use super::value::*;
use super::vocabulary::*;
use crate::lexicon::numbers::NUMBER_WORDS;
use crate::lexicon::{in_list, lookup};
use crate::tokens::{Lower, Tok};

/// Relative expressions: "two days later", "the following year", "that same
/// day", "in the same year", "the previous month", "the day before".
/// The words that can stand second in a relative expression: a unit
/// ("two days later"), "in" ("later in the year"), a part ("the end of"),
/// or a determiner's complement ("the following year", "that same day").
pub(super) const RELATIVE_SECOND: &[&str] = &[
    "day",
    "days",
    "month",
    "months",
    "year",
    "years",
    "in",
    "end",
    "beginning",
    "start",
    "middle",
    "close",
    "same",
    "following",
    "next",
    "subsequent",
    "previous",
    "preceding",
    "prior",
];

pub(super) fn relative(toks: &[Tok<'_>], i: usize) -> Match {
    let unit = |k: usize| -> Option<Precision> {
        match Lower::new(word(toks, k)?).as_str() {
            "day" | "days" => Some(Precision::Day),
            "month" | "months" => Some(Precision::Month),
            "year" | "years" => Some(Precision::Year),
            _ => None,
        }
    };
    // Cheap checks first: every form has one of a few words second, and
    // this matcher is tried at every number and every "the".
    if !word(toks, i + 1).is_some_and(|w| in_list(RELATIVE_SECOND, w)) {
        return None;
    }
    // Then the words that can open one.
    let first = word(toks, i);
    let opens = first
        .is_some_and(|w| lookup(NUMBER_WORDS, w).is_some() || in_list(RELATIVE_OPENERS, w))
        || (first.is_none() && digits(toks, i).is_some());
    if !opens {
        return None;
    }
    let lw = Lower::new(first.unwrap_or(toks[i].s));
    let w = lw.as_str();
    // N units later / earlier
    let count =
        lookup(NUMBER_WORDS, w).or_else(|| digits(toks, i).map(|(v, _)| v).filter(|v| *v < 100));
    if let Some(n) = count {
        let u = unit(i + 1)?;
        let dir = match Lower::new(word(toks, i + 2)?).as_str() {
            "later" | "after" | "afterwards" | "afterward" | "on" => 1,
            "earlier" | "before" | "prior" | "previously" | "ago" => -1,
            _ => return None,
        };
        let mut m = Mention::new(span(toks, i, i + 3), DateVal::year(0));
        m.relative = Some(Relative::Offset(n * dir, u));
        return Some((i + 3, m));
    }
    // "later in the year", "late in the year", "earlier in the year"
    if matches!(w, "later" | "late" | "earlier" | "early")
        && is_word(toks, i + 1, "in")
        && word(toks, i + 2).is_some_and(|d| in_list(&["the", "that"], d))
    {
        let u = unit(i + 3)?;
        if u == Precision::Day || word(toks, i + 3).is_some_and(|s| s.ends_with('s')) {
            return None;
        }
        let mut m = Mention::new(span(toks, i, i + 4), DateVal::year(0));
        m.relative = Some(Relative::Same(u));
        m.qualifier = Some(if w.starts_with("late") {
            Qualifier::Late
        } else {
            Qualifier::Early
        });
        return Some((i + 4, m));
    }
    // "the end of the year", "the beginning of that month"
    if w == "the"
        && word(toks, i + 1)
            .is_some_and(|p| in_list(&["end", "beginning", "start", "middle", "close"], p))
        && is_word(toks, i + 2, "of")
        && word(toks, i + 3).is_some_and(|d| in_list(&["the", "that"], d))
    {
        let u = unit(i + 4)?;
        if u == Precision::Day || word(toks, i + 4).is_some_and(|s| s.ends_with('s')) {
            return None;
        }
        let q = match Lower::new(toks[i + 1].s).as_str() {
            "end" | "close" => Qualifier::Late,
            "middle" => Qualifier::Mid,
            _ => Qualifier::Early,
        };
        let mut m = Mention::new(span(toks, i, i + 5), DateVal::year(0));
        m.relative = Some(Relative::Same(u));
        m.qualifier = Some(q);
        return Some((i + 5, m));
    }
    match w {
        "the" | "that" | "this" => {
            let mut j = i + 1;
            let mut same = w != "the";
            let mut offset = 0;
            match word(toks, j).map(Lower::new).as_deref() {
                Some("same") => {
                    same = true;
                    j += 1;
                }
                Some("following" | "next" | "subsequent") if w == "the" => {
                    offset = 1;
                    j += 1;
                }
                Some("previous" | "preceding" | "prior") if w == "the" => {
                    offset = -1;
                    j += 1;
                }
                _ => {}
            }
            let u = unit(j)?;
            if word(toks, j).is_some_and(|s| s.ends_with('s')) {
                return None;
            }
            j += 1;
            // "the day before" / "the day after"
            if w == "the" && offset == 0 && !same && u == Precision::Day {
                match word(toks, j).map(Lower::new).as_deref() {
                    Some("before") => offset = -1,
                    Some("after") => offset = 1,
                    _ => return None,
                }
                // "the day after the battle" is event-based: not resolved.
                if word(toks, j + 1).is_some()
                    && !is_punct(toks, j + 1, ",")
                    && !is_punct(toks, j + 1, ".")
                {
                    return None;
                }
                j += 1;
            } else if offset == 0 && !same {
                return None;
            }
            // "that year's" is fine; "that day of" is usually event-based.
            let mut m = Mention::new(span(toks, i, j), DateVal::year(0));
            m.relative = Some(if offset == 0 {
                Relative::Same(u)
            } else {
                Relative::Offset(offset, u)
            });
            Some((j, m))
        }
        _ => None,
    }
}
