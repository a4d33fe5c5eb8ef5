//! Relative expressions, resolved against the narrative later: "two days
//! later", "the following year", "that same day".

use super::primitives::*;
use super::value::*;
use super::vocabulary::*;
use crate::lexicon::calendar::WEEKDAYS;
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
    "week",
    "weeks",
    "decade",
    "decades",
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

/// A unit of time: its precision and how many of it one stands for (a
/// week is seven days; the contract has no week precision).
fn time_unit(toks: &[Tok<'_>], k: usize) -> Option<(Precision, i32)> {
    Some(match Lower::new(word(toks, k)?).as_str() {
        "day" | "days" => (Precision::Day, 1),
        "week" | "weeks" => (Precision::Day, 7),
        "month" | "months" => (Precision::Month, 1),
        "year" | "years" => (Precision::Year, 1),
        "decade" | "decades" => (Precision::Decade, 1),
        _ => return None,
    })
}

pub(super) fn relative(toks: &[Tok<'_>], i: usize) -> Match {
    // Weeks count as seven days only where a count goes with them ("two
    // weeks later"); "the following week" has no precision to be written.
    let unit = |k: usize| -> Option<Precision> {
        time_unit(toks, k).filter(|(_, n)| *n == 1).map(|(p, _)| p)
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
        let (u, per) = time_unit(toks, i + 1)?;
        let after = Lower::new(word(toks, i + 2)?);
        let dir = match after.as_str() {
            "later" | "after" | "afterwards" | "afterward" => 1,
            "earlier" | "before" | "prior" | "previously" => -1,
            // "four years ago": from the day of writing, not the story.
            "ago" => {
                let mut m = Mention::new(span(toks, i, i + 3), DateVal::year(0));
                m.relative = Some(Relative::FromReference(-n * per, u));
                return Some((i + 3, m));
            }
            _ => return None,
        };
        // "a week after the launch", "two days before its fall": counted
        // from an event, which has no date to count from ("four days
        // later the army …" is an adverb, counted from the story).
        let preposition = matches!(after.as_str(), "after" | "before" | "prior");
        let determiner = word(toks, i + 3).is_some_and(|w| {
            matches!(
                Lower::new(w).as_str(),
                "the" | "its" | "his" | "her" | "their" | "this" | "that" | "a" | "an"
            )
        });
        if preposition && determiner {
            return None;
        }
        let mut m = Mention::new(span(toks, i, i + 3), DateVal::year(0));
        m.relative = Some(Relative::Offset(n * dir * per, u));
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
            let mut said_same = false;
            let mut offset = 0;
            match word(toks, j).map(Lower::new).as_deref() {
                Some("same") => {
                    same = true;
                    said_same = true;
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
            // "it survives to this day.": still, not a date ("referred to
            // this day as the Black Day" is one).
            let clause_ends = toks
                .get(j + 1)
                .is_none_or(|t| matches!(t.s, "." | "," | ";" | ")"));
            if w == "this"
                && u == Precision::Day
                && clause_ends
                && i.checked_sub(1)
                    .and_then(|p| word(toks, p))
                    .is_some_and(|p| in_list(&["to", "until", "till"], p))
            {
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
            m.relative = Some(match (offset, w) {
                // "this year": the year of writing, where it is known.
                (0, "this") if !said_same => Relative::This(u),
                (0, _) => Relative::Same(u),
                _ => Relative::Offset(offset, u),
            });
            Some((j, m))
        }
        _ => None,
    }
}

/// Words that name a day by the day of writing.
const DAYS_FROM_TODAY: &[(&str, i32)] = &[
    ("today", 0),
    ("tonight", 0),
    ("yesterday", -1),
    ("tomorrow", 1),
];

/// Words that open a date told from the day of writing.
pub(super) const DEICTIC_OPENERS: &[&str] = &[
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "last",
    "next",
    "this",
    "earlier",
    "later",
];

/// Words in a sentence that tell of the future: "on Friday" after them is
/// the Friday to come.
const FUTURE_WORDS: &[&str] = &[
    "will",
    "shall",
    "scheduled",
    "planned",
    "plans",
    "expected",
    "upcoming",
];

/// Dates told from the day of writing: "today", "yesterday", "last year",
/// "next month", "this decade", "earlier this year", "later this month",
/// "last July", "June last year", "on Friday", "last Friday". Resolved
/// against the reference date; without one, only "this year" and its kin
/// are dated (from the narrative, as before).
pub(super) fn deictic(toks: &[Tok<'_>], i: usize) -> Match {
    let w = Lower::new(word(toks, i)?);
    let w = w.as_str();
    let rel = |j: usize, r: Relative| {
        let mut m = Mention::new(span(toks, i, j), DateVal::year(0));
        m.relative = Some(r);
        Some((j, m))
    };
    if let Some(n) = lookup(DAYS_FROM_TODAY, w) {
        // "Today Show", "Yesterday" (a song): a capital inside a sentence
        // is a name.
        let capital_inside = toks[i].s.starts_with(char::is_uppercase)
            && i > 0
            && !matches!(toks[i - 1].s, "." | "!" | "?" | "\"" | "“");
        if capital_inside {
            return None;
        }
        return rel(i + 1, Relative::FromReference(n, Precision::Day));
    }
    // "this morning", "this evening": today.
    if w == "this"
        && word(toks, i + 1)
            .is_some_and(|n| matches!(Lower::new(n).as_str(), "morning" | "afternoon" | "evening"))
    {
        return rel(i + 2, Relative::FromReference(0, Precision::Day));
    }
    // "earlier this year", "later this month"
    if matches!(w, "earlier" | "later") && is_word(toks, i + 1, "this") {
        let (u, 1) = time_unit(toks, i + 2)? else {
            return None;
        };
        return rel(i + 3, Relative::This(u));
    }
    let offset = match w {
        "last" => -1,
        "next" => 1,
        "this" => 0,
        _ => return None,
    };
    // "last year", "next month", "this decade" ("this year" is the
    // relative matcher's, which also knows "this same year").
    if let Some((u, 1)) = time_unit(toks, i + 1) {
        if word(toks, i + 1).is_some_and(|s| s.ends_with('s'))
            || offset == 0 && u != Precision::Decade
        {
            return None;
        }
        return rel(i + 2, Relative::FromReference(offset, u));
    }
    // "last July", "next March": a capitalised month.
    if let Some((m, j)) = month(toks, i + 1).filter(|(_, j)| *j == i + 2) {
        if offset == 0 {
            return rel(
                j,
                Relative::MonthFromReference {
                    month: m,
                    years: 0,
                    last: false,
                },
            );
        }
        return rel(
            j,
            Relative::MonthFromReference {
                month: m,
                years: offset,
                last: offset < 0,
            },
        );
    }
    // "last Friday", "next Monday"
    let day = weekday(toks, i + 1)?;
    rel(
        i + 2,
        Relative::Weekday {
            weekday: day,
            future: offset >= 0,
        },
    )
}

/// "June last year", "July this year", "on Friday": a month or weekday
/// told from the day of writing, matched at the month or the day.
pub(super) fn month_or_weekday_from_now(toks: &[Tok<'_>], i: usize) -> Match {
    let rel = |j: usize, r: Relative| {
        let mut m = Mention::new(span(toks, i, j), DateVal::year(0));
        m.relative = Some(r);
        Some((j, m))
    };
    if let Some((m, j)) = month(toks, i) {
        let years = match word(toks, j).map(Lower::new).as_deref() {
            Some("last") => -1,
            Some("this") => 0,
            Some("next") => 1,
            _ => return None,
        };
        if !is_word(toks, j + 1, "year") {
            return None;
        }
        return rel(
            j + 2,
            Relative::MonthFromReference {
                month: m,
                years,
                last: false,
            },
        );
    }
    // "on Friday": after "on", not a name ("Good Friday", "Friday the 13th").
    let day = weekday(toks, i)?;
    if !i.checked_sub(1).is_some_and(|p| is_word(toks, p, "on"))
        || word(toks, i + 1).is_some_and(|n| n.starts_with(char::is_uppercase))
    {
        return None;
    }
    // The sentence's tense: look back and on to its stops.
    let stop = |t: &Tok<'_>| matches!(t.s, "." | "!" | "?");
    let back = toks[..i].iter().rev().take_while(|t| !stop(t));
    let on = toks[i..].iter().take_while(|t| !stop(t));
    let future = back
        .chain(on)
        .any(|t| FUTURE_WORDS.iter().any(|f| t.s.eq_ignore_ascii_case(f)));
    rel(
        i + 1,
        Relative::Weekday {
            weekday: day,
            future,
        },
    )
}

/// A weekday's name, capitalised (1 is Monday).
fn weekday(toks: &[Tok<'_>], i: usize) -> Option<u8> {
    let w = word(toks, i)?;
    if !w.starts_with(char::is_uppercase) {
        return None;
    }
    WEEKDAYS
        .iter()
        .position(|d| d.eq_ignore_ascii_case(w))
        .map(|p| p as u8 + 1)
}
