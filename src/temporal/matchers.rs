//! One named matcher per written form of a date, and the table that says
//! in which order they are tried.

use super::primitives::*;
use super::relative::{DEICTIC_OPENERS, deictic, month_or_weekday_from_now, relative};
use super::value::*;
use super::vocabulary::*;
use crate::lexicon::calendar::{FOREIGN_MONTHS, SEASONS, WEEKDAYS};
use crate::lexicon::calendar::{HOLIDAYS, MONTHS};
use crate::lexicon::numbers::NUMBER_WORDS;
use crate::lexicon::numbers::ORDINAL_WORDS;
use crate::lexicon::{in_list, lookup};
use crate::tokens::{Kind, Lower, Tok};
use std::sync::LazyLock;

/// The token kinds a matcher can start on, as bits.
const NUM: u8 = 1;
const PUNCT: u8 = 2;
const WORD: u8 = 4;

/// Vocabulary a matcher can open with, for the trigger filter.
pub(super) enum Opens {
    List(&'static [&'static str]),
    Months(&'static [(&'static str, u8)]),
    Numbers(&'static [(&'static str, i32)]),
    Holidays(&'static [(&'static [&'static str], u8, u8)]),
}

impl Opens {
    pub(super) fn words(&self) -> Box<dyn Iterator<Item = &'static str>> {
        match *self {
            Opens::List(l) => Box::new(l.iter().copied()),
            Opens::Months(t) => Box::new(t.iter().map(|(w, _)| *w)),
            Opens::Numbers(t) => Box::new(t.iter().map(|(w, _)| *w)),
            // The trigger filter ignores case; the matcher checks it.
            Opens::Holidays(t) => Box::new(t.iter().map(|(name, ..)| name[0])),
        }
    }
}

/// A matcher's function: the text, its tokens, the token to start at.
type Run = fn(&str, &[Tok<'_>], usize) -> Match;

/// One written form of a date.
pub(super) struct Matcher {
    /// How tests and notes name it.
    #[cfg_attr(not(test), allow(dead_code))]
    pub name: &'static str,
    /// [`NUM`], [`PUNCT`], [`WORD`]: the kinds of token it can start on.
    starts: u8,
    /// The words it can start on, when it starts on words.
    pub opens: &'static [Opens],
    /// A sentence it reads, and the expression it finds there: tested
    /// through the whole pipeline.
    #[cfg_attr(not(test), allow(dead_code))]
    pub example: (&'static str, &'static str),
    pub run: Run,
}

/// Every matcher, in order of precedence: at a token, the first that
/// matches wins, so longer forms stand before the forms they contain
/// ("9 January 1992" before "January 1992" before "1992"). Adding a form
/// is adding a row: its opening words join the trigger filter by
/// themselves.
pub(super) const MATCHERS: &[Matcher] = &[
    Matcher {
        name: "weekday_date",
        starts: WORD,
        opens: &[Opens::List(WEEKDAYS)],
        example: (
            "It fell on Monday, 9 January 1992.",
            "Monday, 9 January 1992",
        ),
        run: weekday_date,
    },
    Matcher {
        name: "fiscal_year",
        starts: WORD,
        opens: &[Opens::List(&["fy"])],
        example: ("Sales grew in FY2022.", "FY2022"),
        run: |_, t, i| fiscal_year(t, i),
    },
    Matcher {
        name: "month_day_year",
        starts: WORD,
        opens: &[Opens::Months(MONTHS)],
        example: ("It opened on January 9, 1992.", "January 9, 1992"),
        run: |_, t, i| month_day_year(t, i),
    },
    Matcher {
        name: "month_year",
        starts: WORD,
        opens: &[Opens::Months(MONTHS)],
        example: ("It opened in January 1992.", "January 1992"),
        run: |_, t, i| month_year(t, i),
    },
    Matcher {
        name: "iso_date",
        starts: NUM,
        opens: &[],
        example: ("It opened on 2022-07-13.", "2022-07-13"),
        run: |_, t, i| iso_date(t, i),
    },
    Matcher {
        name: "day_month_year",
        starts: NUM,
        opens: &[],
        example: ("It opened on 9 January 1992.", "9 January 1992"),
        run: |_, t, i| day_month_year(t, i),
    },
    Matcher {
        name: "foreign_date",
        starts: NUM,
        opens: &[],
        example: ("Es wurde am 3. Mai 1990 eröffnet.", "3. Mai 1990"),
        run: |_, t, i| foreign_date(t, i),
    },
    Matcher {
        name: "season_or_quarter",
        starts: NUM | WORD,
        opens: &[
            Opens::List(SEASONS),
            Opens::List(PERIOD_CODES),
            Opens::Numbers(ORDINAL_WORDS),
        ],
        example: ("Work began in the summer of 1964.", "summer of 1964"),
        run: |_, t, i| season_or_quarter(t, i),
    },
    Matcher {
        name: "decade",
        starts: NUM | PUNCT,
        opens: &[],
        example: ("It grew in the 1990s.", "1990s"),
        run: |_, t, i| decade(t, i),
    },
    Matcher {
        name: "short_year",
        starts: PUNCT,
        opens: &[],
        example: ("In 1990 it began, and in '99 it ended.", "'99"),
        run: |_, t, i| short_year(t, i),
    },
    Matcher {
        name: "century",
        starts: NUM | WORD,
        opens: &[Opens::Numbers(ORDINAL_WORDS), Opens::List(&["twenty"])],
        example: ("It was built in the 19th century.", "19th century"),
        run: |_, t, i| century(t, i),
    },
    Matcher {
        name: "year_range",
        starts: NUM,
        opens: &[],
        example: ("The war lasted 1939–45.", "1939–45"),
        run: |_, t, i| year_range(t, i),
    },
    Matcher {
        name: "bare_year",
        starts: NUM | WORD,
        opens: &[Opens::List(ERA_BEFORE)],
        example: ("The town burned in AD 79.", "AD 79"),
        run: |_, t, i| bare_year(t, i),
    },
    Matcher {
        name: "deictic",
        starts: WORD,
        opens: &[Opens::List(DEICTIC_OPENERS)],
        example: ("It was signed yesterday.", "yesterday"),
        run: |_, t, i| deictic(t, i),
    },
    Matcher {
        name: "month_or_weekday_from_now",
        starts: WORD,
        opens: &[Opens::Months(MONTHS), Opens::List(WEEKDAYS)],
        example: ("It was signed in June last year.", "June last year"),
        run: |_, t, i| month_or_weekday_from_now(t, i),
    },
    Matcher {
        name: "lone_month",
        starts: WORD,
        opens: &[Opens::Months(MONTHS)],
        example: ("In 1990 it began. It ended in May.", "May"),
        run: |_, t, i| lone_month(t, i),
    },
    Matcher {
        name: "holiday",
        starts: WORD,
        opens: &[Opens::Holidays(HOLIDAYS)],
        example: ("It fell on Christmas 1963.", "Christmas 1963"),
        run: |_, t, i| holiday(t, i),
    },
    Matcher {
        name: "day_of_month",
        starts: WORD,
        opens: &[Opens::List(&["the"])],
        example: ("In May 1990 it began. It ended on the 20th.", "20th"),
        run: |_, t, i| day_of_month(t, i),
    },
    Matcher {
        name: "relative",
        starts: NUM | WORD,
        opens: &[Opens::Numbers(NUMBER_WORDS), Opens::List(RELATIVE_OPENERS)],
        example: (
            "On 3 May 1990 it began. Two days later it ended.",
            "Two days later",
        ),
        run: |_, t, i| relative(t, i),
    },
];

/// For each token kind, the matchers that can start on it, in precedence
/// order: the table filtered once.
static BY_KIND: LazyLock<[Vec<Run>; 3]> = LazyLock::new(|| {
    let of = |bit: u8| {
        MATCHERS
            .iter()
            .filter(|m| m.starts & bit != 0)
            .map(|m| m.run)
            .collect()
    };
    [of(NUM), of(PUNCT), of(WORD)]
});

/// The first matcher, in precedence order, that reads an expression
/// starting at token `i`.
pub(super) fn match_at(text: &str, toks: &[Tok<'_>], i: usize) -> Match {
    let kind = match toks[i].kind {
        Kind::Num => 0,
        Kind::Punct => 1,
        Kind::Word => 2,
    };
    BY_KIND[kind].iter().find_map(|run| run(text, toks, i))
}

/// `2022-07-13`
pub(super) fn iso_date(toks: &[Tok<'_>], i: usize) -> Match {
    let (y, 4) = digits(toks, i)? else {
        return None;
    };
    let adjacent = |k: usize| toks.get(k).is_some_and(|t| !t.space_before);
    if !(is_punct(toks, i + 1, "-") && adjacent(i + 1) && adjacent(i + 2)) {
        return None;
    }
    // In prose "2007-08" is a season (a year range), so only a full
    // year-month-day counts as ISO.
    let (m, 2) = digits(toks, i + 2)? else {
        return None;
    };
    if !(is_punct(toks, i + 3, "-") && adjacent(i + 3) && adjacent(i + 4)) {
        return None;
    }
    let (d, 2) = digits(toks, i + 4)? else {
        return None;
    };
    let next = i + 5;
    if !(1..=12).contains(&m)
        || toks
            .get(next)
            .is_some_and(|t| !t.space_before && t.kind != Kind::Punct)
    {
        return None;
    }
    let v = DateVal::day(Some(y), m as u8, d as u8);
    Some((next, Mention::new(span(toks, i, next), v)))
}

/// `Monday, 9 January 1992`, `Monday, January 9, 1992`
pub(super) fn weekday_date(text: &str, toks: &[Tok<'_>], i: usize) -> Match {
    let w = word(toks, i)?;
    if !in_list(WEEKDAYS, w) || !w.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let mut j = i + 1;
    if is_punct(toks, j, ",") {
        j += 1;
    }
    if is_word(toks, j, "the") {
        j += 1;
    }
    let (next, mut m) = day_month_year(toks, j).or_else(|| month_day_year(toks, j))?;
    let _ = text;
    m.range = toks[i].start..m.range.end;
    Some((next, m))
}

/// `9 January 1992`, `1st of May 1992`, `23 October`, `3–6 May 2004`
pub(super) fn day_month_year(toks: &[Tok<'_>], i: usize) -> Match {
    let (d, mut j) = day(toks, i)?;
    // "3–6 May 2004": a day range sharing month and year.
    let mut end_day = None;
    if is_dash(toks, j) {
        if let Some((d2, k)) = day(toks, j + 1) {
            if month(toks, k).is_some() {
                end_day = Some(d2);
                j = k;
            }
        }
    }
    if is_word(toks, j, "of") {
        j += 1;
    }
    let (m, j) = month(toks, j)?;
    day_tail(toks, i, j, m, d, end_day)
}

/// `3. Mai 1990`, `1. oktober 2007`, `12 mars 2020`, `3 de mayo de 1990`:
/// a day, a month named in another language, and a year. Only whole
/// dates: alone, several of these names are English words or names
/// ("Mars", "Mai"), and with a day and a year they are not.
pub(super) fn foreign_date(toks: &[Tok<'_>], i: usize) -> Match {
    let (d, mut j) = day(toks, i)?;
    if is_punct(toks, j, ".") && !toks[j].space_before {
        j += 1;
    }
    if is_word(toks, j, "de") {
        j += 1;
    }
    let m = lookup(FOREIGN_MONTHS, word(toks, j)?)?;
    j += 1;
    if is_word(toks, j, "de") {
        j += 1;
    }
    let (y, _, next) = year(toks, j)?;
    Some((
        next,
        Mention::new(span(toks, i, next), DateVal::day(Some(y), m, d)),
    ))
}

/// `of that year`, `of the same year`, `of the following year`, `of the
/// previous year`: returns the year offset and the index after it.
pub(super) fn year_phrase(toks: &[Tok<'_>], i: usize) -> Option<(i32, usize)> {
    if !is_word(toks, i, "of") {
        return None;
    }
    let mut j = i + 1;
    let offset = match Lower::new(word(toks, j)?).as_str() {
        "that" | "this" => {
            j += 1;
            if is_word(toks, j, "same") {
                j += 1;
            }
            0
        }
        "the" => {
            j += 1;
            let o = match Lower::new(word(toks, j)?).as_str() {
                "same" => 0,
                "following" | "next" => 1,
                "previous" | "preceding" => -1,
                _ => return None,
            };
            j += 1;
            o
        }
        _ => return None,
    };
    if !is_word(toks, j, "year") {
        return None;
    }
    Some((offset, j + 1))
}

/// What follows a day and month in both orders: `[,] year`, or "of that
/// year", then the mention (with a shared-month day range's end).
pub(super) fn day_tail(
    toks: &[Tok<'_>],
    i: usize,
    mut j: usize,
    m: u8,
    d: u8,
    end_day: Option<u8>,
) -> Match {
    let save = j;
    let mut y = None;
    if is_punct(toks, j, ",") {
        j += 1;
    }
    if let Some((yv, _, k)) = year(toks, j) {
        y = Some(yv);
        j = k;
    } else {
        j = save;
    }
    let offset = if y.is_none() {
        year_phrase(toks, j)
    } else {
        None
    };
    if let Some((_, k)) = offset {
        j = k;
    }
    let mut mention = Mention::new(span(toks, i, j), DateVal::day(y, m, d));
    mention.year_offset = offset.map(|(o, _)| o);
    if let Some(d2) = end_day {
        mention.end = Some(DateVal::day(y, m, d2));
    }
    Some((j, mention))
}

/// `January 9, 1992`, `May 1st`, `Aug. 14`, `May 3–6, 2004`
pub(super) fn month_day_year(toks: &[Tok<'_>], i: usize) -> Match {
    let (m, j) = month(toks, i)?;
    let (d, mut j) = day(toks, j)?;
    let mut end_day = None;
    if is_dash(toks, j) {
        if let Some((d2, k)) = day(toks, j + 1) {
            end_day = Some(d2);
            j = k;
        }
    }
    day_tail(toks, i, j, m, d, end_day)
}

/// `July 2022`, `October of 1963`, `March–June 2018`
pub(super) fn month_year(toks: &[Tok<'_>], i: usize) -> Match {
    let (m, mut j) = month(toks, i)?;
    let mut end_month = None;
    if is_dash(toks, j) || is_word(toks, j, "to") {
        if let Some((m2, k)) = month(toks, j + 1) {
            if year(toks, k).is_some() {
                end_month = Some(m2);
                j = k;
            }
        }
    }
    if is_word(toks, j, "of") || is_punct(toks, j, ",") {
        j += 1;
    }
    let (y, _, next) = year(toks, j)?;
    let mut mention = Mention::new(span(toks, i, next), DateVal::month(Some(y), m));
    if let Some(m2) = end_month {
        mention.end = Some(DateVal::month(Some(y), m2));
    }
    Some((next, mention))
}

/// A month alone where it reads as a date: after a preposition or a
/// qualifier ("in October", "by early October", "from March to June").
pub(super) fn lone_month(toks: &[Tok<'_>], i: usize) -> Match {
    let (m, mut next) = month(toks, i)?;
    let offset = year_phrase(toks, next);
    if offset.is_none() {
        // "mid-September", "early-May"
        let hyphenated = i >= 2
            && is_punct(toks, i - 1, "-")
            && !toks[i].space_before
            && word(toks, i - 2).is_some_and(|w| in_list(&["mid", "early", "late"], w));
        let prev = i.checked_sub(1).and_then(|p| word(toks, p));
        if !hyphenated && !prev.is_some_and(|p| in_list(DATE_PREPOSITIONS, p)) {
            return None;
        }
        // "May" after "in" could be a name; "March" a verb after "to".
        let w = toks[i].s;
        if (w == "May" || w == "March") && prev.is_some_and(|p| p.eq_ignore_ascii_case("to")) {
            return None;
        }
    }
    if let Some((_, k)) = offset {
        next = k;
    }
    let mut mention = Mention::new(span(toks, i, next), DateVal::month(None, m));
    mention.year_offset = offset.map(|(o, _)| o);
    Some((next, mention))
}

/// `Christmas 1963`, `New Year's Day`, `Christmas Eve`: fixed holidays.
pub(super) fn holiday(toks: &[Tok<'_>], i: usize) -> Match {
    let w = word(toks, i)?;
    // The first word as written ("Christmas", not "christmas"), the rest
    // in any case; an apostrophe is either one, glued to its word.
    let fits = |name: &[&str]| {
        name.iter().enumerate().all(|(k, part)| {
            let Some(t) = toks.get(i + k) else {
                return false;
            };
            match *part {
                "'" => matches!(t.s, "'" | "’") && !t.space_before,
                _ if k == 0 => t.s == *part,
                _ => t.kind == Kind::Word && t.s.eq_ignore_ascii_case(part),
            }
        })
    };
    if !HOLIDAYS.iter().any(|(name, ..)| name[0] == w) {
        return None;
    }
    let &(name, m, d) = HOLIDAYS.iter().find(|(name, ..)| fits(name))?;
    let mut j = i + name.len();
    let mut y = None;
    if let Some((yv, _, k)) = year(toks, j) {
        y = Some(yv);
        j = k;
    } else {
        // Without a year, only as a time: "by Christmas", "on New Year's Day".
        let prev = i.checked_sub(1).and_then(|p| word(toks, p))?;
        if !in_list(
            &[
                "by", "on", "at", "before", "after", "until", "till", "since",
            ],
            prev,
        ) {
            return None;
        }
    }
    Some((j, Mention::new(span(toks, i, j), DateVal::day(y, m, d))))
}

/// `summer of 1964` (a year), `the second quarter of 1997`, `the 2nd
/// quarter of 1997` (a month range)
pub(super) fn season_or_quarter(toks: &[Tok<'_>], i: usize) -> Match {
    if let Some(w) = word(toks, i) {
        if in_list(SEASONS, w) {
            let mut j = i + 1;
            if is_word(toks, j, "of") {
                j += 1;
            }
            let (y, _, next) = year(toks, j)?;
            return Some((next, Mention::new(span(toks, i, next), DateVal::year(y))));
        }
        // "Q3 2019", "H1 2020": a quarter or half written as a code.
        if let (Some(months @ (3 | 6)), Some((n, 1))) = (
            match w {
                "Q" => Some(3),
                "H" => Some(6),
                _ => None,
            },
            digits(toks, i + 1),
        ) {
            if toks[i + 1].space_before || n < 1 || n > 12 / months {
                return None;
            }
            let mut j = i + 2;
            if is_punct(toks, j, "/") && !toks[j].space_before {
                j += 1;
            }
            let (y, _, next) = year(toks, j)?;
            let first = ((n - 1) * months + 1) as u8;
            let mut m = Mention::new(span(toks, i, next), DateVal::month(Some(y), first));
            m.end = Some(DateVal::month(Some(y), first + months as u8 - 1));
            return Some((next, m));
        }
        let q = ["first", "second", "third", "fourth"]
            .iter()
            .position(|q| q.eq_ignore_ascii_case(w))?;
        return quarter_tail(toks, i, i + 1, q as u8 + 1);
    }
    let (v, _) = digits(toks, i)?;
    if !(1..=4).contains(&v)
        || !matches!(word(toks, i + 1), Some("st" | "nd" | "rd" | "th"))
        || toks[i + 1].space_before
    {
        return None;
    }
    quarter_tail(toks, i, i + 2, v as u8)
}

pub(super) fn quarter_tail(toks: &[Tok<'_>], i: usize, j: usize, q: u8) -> Match {
    if !is_word(toks, j, "quarter") || !is_word(toks, j + 1, "of") {
        return None;
    }
    let (y, _, next) = year(toks, j + 2)?;
    let mut m = Mention::new(span(toks, i, next), DateVal::month(Some(y), q * 3 - 2));
    m.end = Some(DateVal::month(Some(y), q * 3));
    Some((next, m))
}

/// `1990s`, `1990's`, `'90s`, `1930s BC`
pub(super) fn decade(toks: &[Tok<'_>], i: usize) -> Match {
    let mut j = i;
    let apostrophe = is_punct(toks, j, "'") || is_punct(toks, j, "’");
    if apostrophe {
        j += 1;
    }
    let (v, n) = digits(toks, j)?;
    if v % 10 != 0 || !(n == 4 || n == 3 || (apostrophe && n == 2)) {
        return None;
    }
    let mut k = j + 1;
    if (is_punct(toks, k, "'") || is_punct(toks, k, "’")) && !toks[k].space_before {
        k += 1;
    }
    if word(toks, k) != Some("s") || toks[k].space_before {
        return None;
    }
    k += 1;
    let mut y = if n == 2 { 1900 + v } else { v };
    match era(toks, k) {
        Some((bc, next)) => {
            if bc {
                // "the 470s BC" runs 479..470 BC; its first year is 479 BC.
                y = astronomical(v + 9, true);
            }
            k = next;
        }
        // "the 470s" without an era is too ambiguous ("the 300s" of a
        // count); only 4-digit decades stand alone.
        None if n == 3 => return None,
        None => {}
    }
    let mut m = Mention::new(
        span(toks, i, k),
        DateVal {
            year: Some(y),
            month: None,
            day: None,
            precision: Precision::Decade,
        },
    );
    m.short_decade = n == 2;
    Some((k, m))
}

/// `the 19th century`, `19th-century`, `the nineteenth century`, `3rd
/// century BC`
pub(super) fn century(toks: &[Tok<'_>], i: usize) -> Match {
    let (n, mut j) = ordinal_number(toks, i)?;
    if is_punct(toks, j, "-") {
        j += 1;
    }
    // "the 16th and 17th centuries", "from the 6th to 8th centuries": two
    // ordinals sharing the plural.
    let mut last = None;
    if !is_word(toks, j, "century") {
        let joined = is_dash(toks, j)
            || is_word(toks, j, "and")
            || is_word(toks, j, "to")
            || is_word(toks, j, "or");
        let (n2, mut k) = joined.then(|| ordinal_number(toks, j + 1)).flatten()?;
        if is_punct(toks, k, "-") {
            k += 1;
        }
        if !is_word(toks, k, "centuries") || n2 <= n {
            return None;
        }
        last = Some(n2);
        j = k;
    }
    j += 1;
    let in_range = |n: i32| (1..=30).contains(&n);
    if !in_range(n) || last.is_some_and(|l| !in_range(l)) {
        return None;
    }
    let mut bc = false;
    if let Some((b, next)) = era(toks, j) {
        bc = b;
        j = next;
    }
    let first_year = |n: i32| {
        if bc {
            astronomical(n * 100, true)
        } else {
            (n - 1) * 100
        }
    };
    let century = |n: i32| DateVal {
        year: Some(first_year(n)),
        month: None,
        day: None,
        precision: Precision::Century,
    };
    let mut m = Mention::new(span(toks, i, j), century(n));
    m.end = last.map(century);
    Some((j, m))
}

/// An ordinal in digits ("19th") or words ("nineteenth", "twenty-first"),
/// and the index after it.
fn ordinal_number(toks: &[Tok<'_>], i: usize) -> Option<(i32, usize)> {
    if let Some((v, _)) = digits(toks, i) {
        if !matches!(word(toks, i + 1), Some("st" | "nd" | "rd" | "th")) || toks[i + 1].space_before
        {
            return None;
        }
        return Some((v, i + 2));
    }
    let w = word(toks, i)?;
    // "twenty-first" is three tokens.
    if w.eq_ignore_ascii_case("twenty")
        && is_punct(toks, i + 1, "-")
        && is_word(toks, i + 2, "first")
    {
        return Some((21, i + 3));
    }
    Some((lookup(ORDINAL_WORDS, w)?, i + 1))
}

/// `2014–2016`, `1939-45`, `2022–23`, `264–241 BC`
pub(super) fn year_range(toks: &[Tok<'_>], i: usize) -> Match {
    let (v1, n1) = digits(toks, i)?;
    if !is_dash(toks, i + 1) {
        return None;
    }
    let (v2, n2) = digits(toks, i + 2)?;
    // "2001 — 91(4)": a journal's year, volume and issue.
    if toks
        .get(i + 3)
        .is_some_and(|t| t.s == "(" && !t.space_before)
    {
        return None;
    }
    let mut next = i + 3;
    let bc = match era(toks, next) {
        Some((bc, k)) => {
            next = k;
            Some(bc)
        }
        None => None,
    };
    let (y1, y2) = match (n1, n2, bc) {
        (_, _, Some(true)) if v2 < v1 && n1 >= n2 => {
            (astronomical(v1, true), astronomical(v2, true))
        }
        (4, 4, _) if v2 > v1 => (v1, v2),
        (4, 2, _) if v2 > v1 % 100 => (v1, v1 - v1 % 100 + v2),
        (4, 1, _) if v2 > v1 % 10 => (v1, v1 - v1 % 10 + v2),
        (3 | 4, 3 | 4, Some(false)) if v2 > v1 => (v1, v2),
        _ => return None,
    };
    // "In 2007–2008 13.5 million people …": after a preposition, a
    // figure right after the range starts the next phrase; the context
    // checks on the token after it do not apply.
    let figure_after = toks.get(next).is_some_and(|t| t.kind == Kind::Num)
        && word(toks, i.wrapping_sub(1))
            .is_some_and(|p| in_list(&["in", "from", "during", "between", "by", "since"], p));
    let context_ok = if figure_after {
        year_context_ok(toks, i, toks.len())
    } else {
        year_context_ok(toks, i, next)
    };
    if bc.is_none() && (!(1000..=2199).contains(&y1) || !context_ok) {
        return None;
    }
    let mut m = Mention::new(span(toks, i, next), DateVal::year(y1));
    m.end = Some(DateVal::year(y2));
    Some((next, m))
}

/// A year on its own where it is a date, not a count or an identifier.
pub(super) fn bare_year(toks: &[Tok<'_>], i: usize) -> Match {
    if let Some(m) = three_digit_year(toks, i) {
        return Some(m);
    }
    let (y, explicit_era, next) = year(toks, i)?;
    if !explicit_era && !year_context_ok(toks, i, next) {
        return None;
    }
    Some((next, Mention::new(span(toks, i, next), DateVal::year(y))))
}

/// `FY2022`, `FY 2019`: a fiscal year, dated by the year it is named for.
pub(super) fn fiscal_year(toks: &[Tok<'_>], i: usize) -> Match {
    if toks[i].s != "FY" {
        return None;
    }
    let (y, 4) = digits(toks, i + 1)? else {
        return None;
    };
    if !(1000..=2999).contains(&y) {
        return None;
    }
    Some((i + 2, Mention::new(span(toks, i, i + 2), DateVal::year(y))))
}

/// `in 499,`: three digits after a preposition, then punctuation or the
/// end. Only the narrative can say whether it is a (BC) year.
pub(super) fn three_digit_year(toks: &[Tok<'_>], i: usize) -> Match {
    let (v, 3) = digits(toks, i)? else {
        return None;
    };
    let prev = word(toks, i.checked_sub(1)?)?;
    if !in_list(
        &[
            "in", "by", "until", "since", "of", "from", "to", "and", "before", "after",
        ],
        prev,
    ) {
        return None;
    }
    let ends = match toks.get(i + 1) {
        None => true,
        Some(t) => t.kind == Kind::Punct && matches!(t.s, "," | "." | ";" | ")" | "–" | "-"),
    };
    if !ends || era(toks, i + 1).is_some() {
        return None;
    }
    let mut m = Mention::new(span(toks, i, i + 1), DateVal::year(v));
    m.era_from_narrative = true;
    Some((i + 1, m))
}

/// `'99`, `'89`: a two-digit year after an apostrophe; the century comes
/// from the narrative.
pub(super) fn short_year(toks: &[Tok<'_>], i: usize) -> Match {
    if !(is_punct(toks, i, "'") || is_punct(toks, i, "’")) {
        return None;
    }
    if i > 0 && !toks[i].space_before && toks[i - 1].kind == Kind::Word {
        return None;
    }
    let (v, 2) = digits(toks, i + 1)? else {
        return None;
    };
    if toks.get(i + 1).is_some_and(|t| t.space_before)
        || toks
            .get(i + 2)
            .is_some_and(|t| !t.space_before && t.kind != Kind::Punct)
    {
        return None;
    }
    let mut m = Mention::new(span(toks, i, i + 2), DateVal::year(1900 + v));
    m.short_decade = true;
    Some((i + 2, m))
}

/// `the 20th`, `the 13th`: a day of the narrative's month, only where
/// nothing but punctuation or a conjunction follows (so "the 20th Division"
/// and "the 19th century" are not taken).
pub(super) fn day_of_month(toks: &[Tok<'_>], i: usize) -> Match {
    if !is_word(toks, i, "the") {
        return None;
    }
    let (d, n) = digits(toks, i + 1)?;
    if n > 2 || !(1..=31).contains(&d) {
        return None;
    }
    if !matches!(word(toks, i + 2), Some("st" | "nd" | "rd" | "th")) || toks[i + 2].space_before {
        return None;
    }
    let after_ok = match toks.get(i + 3) {
        None => true,
        Some(t) if t.kind == Kind::Punct => matches!(t.s, "," | "." | ";" | ")" | ":"),
        Some(t) => in_list(&["and", "to", "or", "when"], t.s),
    };
    // "the 16th and 17th centuries": ordinals of centuries.
    let centuries = (i + 4..i + 8)
        .any(|k| word(toks, k).is_some_and(|w| in_list(&["century", "centuries"], w)));
    if !after_ok || centuries {
        return None;
    }
    let mut m = Mention::new(span(toks, i + 1, i + 3), DateVal::year(0));
    m.relative = Some(Relative::DayOfMonth(d as u8));
    Some((i + 3, m))
}
