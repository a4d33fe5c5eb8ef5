//! Temporal expressions: recognition in running text and normalisation.
//!
//! [`find`] tokenises a stretch of text (words, numbers and punctuation with
//! byte offsets) and tries, at each token, one named matcher per form: ISO
//! dates, day-month-year, month-day-year, month-year, a lone month after a
//! preposition, seasons and quarters, decades, centuries, years in date
//! context, and relative expressions ("two days later"). A second pass joins
//! neighbours into ranges ("from 2014 to 2016", "between A and B",
//! "A – B") and attaches qualifiers ("before", "early", "circa"…).
//!
//! What it returns is not yet anchored: a mention without a year says so,
//! and [`crate::extract::events`] fills it from the narrative.
//!
//! Years: AD years are plain integers; BC years use astronomical numbering
//! (1 BC is 0, 264 BC is -263), as the contract requires.

use std::ops::Range;

use crate::lexicon::calendar::{FOREIGN_MONTHS, MONTHS, SEASONS, WEEKDAYS};
use crate::lexicon::currency;
use crate::lexicon::numbers::{NUMBER_WORDS, ORDINAL_WORDS};
use crate::lexicon::{in_list, lookup};
use crate::model::{Precision, Qualifier};
use crate::tokens::{Kind, Lower, Tok, tokenize};

/// A point in time at some precision; `year` is `None` where the text named
/// none ("23 October").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateVal {
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub precision: Precision,
}

impl DateVal {
    pub fn year(y: i32) -> DateVal {
        DateVal {
            year: Some(y),
            month: None,
            day: None,
            precision: Precision::Year,
        }
    }
    fn month(year: Option<i32>, m: u8) -> DateVal {
        DateVal {
            year,
            month: Some(m),
            day: None,
            precision: Precision::Month,
        }
    }
    fn day(year: Option<i32>, m: u8, d: u8) -> DateVal {
        DateVal {
            year,
            month: Some(m),
            day: Some(d),
            precision: Precision::Day,
        }
    }

    /// The contract's `date` string: `1992-01-09`, `2022-07`, `1998`,
    /// `-0263`, or `--10-23` / `--10` without a year.
    pub fn iso(&self) -> String {
        use std::fmt::Write;
        // One allocation: written for every event and citation date.
        let mut s = String::with_capacity(11);
        let _ = match self.year {
            Some(y) if y < 0 => write!(s, "-{:04}", -i64::from(y)),
            Some(y) => write!(s, "{y:04}"),
            None => write!(s, "-"),
        };
        if matches!(self.precision, Precision::Day | Precision::Month) {
            if let Some(m) = self.month {
                let _ = write!(s, "-{m:02}");
            }
            if self.precision == Precision::Day {
                if let Some(d) = self.day {
                    let _ = write!(s, "-{d:02}");
                }
            }
        }
        s
    }

    /// Is this a real calendar date at its precision? (Checked with jiff.)
    pub fn is_valid(&self) -> bool {
        match (self.month, self.day) {
            (Some(m), Some(d)) => {
                // Without a year, check against a leap year so 29 February
                // passes until a year is known.
                let y = self.year.unwrap_or(2000);
                i16::try_from(y)
                    .ok()
                    .and_then(|y| jiff::civil::Date::new(y, m as i8, d as i8).ok())
                    .is_some()
            }
            (Some(m), None) => (1..=12).contains(&m),
            _ => true,
        }
    }
}

/// A relative expression, resolved against the narrative later.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relative {
    /// "that same day", "in the same year", "that month".
    Same(Precision),
    /// "two days later" (+2 days), "the previous year" (-1 year).
    Offset(i32, Precision),
    /// "the 20th": a day of the narrative's month.
    DayOfMonth(u8),
}

/// One temporal expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte range of the expression in the searched text.
    pub range: Range<usize>,
    pub start: DateVal,
    /// The end of a range ("2014–2016"), else `None`.
    pub end: Option<DateVal>,
    pub qualifier: Option<Qualifier>,
    pub relative: Option<Relative>,
    /// The expression names a decade or year with two digits ("the '90s",
    /// "'99"): its century comes from the narrative.
    pub short_decade: bool,
    /// "August of that year" (0), "of the following year" (+1): the year is
    /// the narrative's plus this offset.
    pub year_offset: Option<i32>,
    /// A three-digit year with no era after a preposition ("in 499"): a
    /// BC year where the narrative is in BC years, else no date at all.
    pub era_from_narrative: bool,
}

impl Mention {
    fn new(range: Range<usize>, start: DateVal) -> Mention {
        Mention {
            range,
            start,
            end: None,
            qualifier: None,
            relative: None,
            short_decade: false,
            year_offset: None,
            era_from_narrative: false,
        }
    }
}

/// All temporal expressions of `text`, in order, not overlapping.
pub fn find(text: &str) -> Vec<Mention> {
    find_in(text, &tokenize(text))
}

/// [`find`] over tokens already made from `text` (shared with the money
/// recogniser, so each text is tokenised once).
pub fn find_in(text: &str, toks: &[Tok<'_>]) -> Vec<Mention> {
    let mut out: Vec<(usize, usize, Mention)> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !could_start(&toks[i]) {
            i += 1;
            continue;
        }
        if let Some(next) = skip_identifier(toks, i) {
            i = next;
            continue;
        }
        match match_at(text, toks, i) {
            Some((next, m)) => {
                out.push((i, next, m));
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    let joined = join_ranges(text, toks, out);
    joined
        .into_iter()
        .map(|(a, b, m)| qualify(text, toks, a, b, m))
        .collect()
}

/// Parses a whole string as one date ("12 May 2024", "2019", "May 2020",
/// "2020-05-12"): for citation fields. Returns `None` unless one expression
/// with a year covers the string's non-punctuation text.
pub fn parse_date(s: &str) -> Option<DateVal> {
    let s = s
        .trim()
        .trim_matches(|c: char| c == '(' || c == ')' || c == '.' || c == ',');
    // Citation fields are parsed by the thousand: answer the common
    // shapes without the tokenizer. Every date here has a year, so a
    // string without a digit has none.
    let b = s.as_bytes();
    if !b.iter().any(u8::is_ascii_digit) {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i32> {
        let d = b.get(r)?;
        d.iter()
            .all(u8::is_ascii_digit)
            .then(|| d.iter().fold(0, |v, c| v * 10 + i32::from(c - b'0')))
    };
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        if let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) {
            let v = DateVal {
                year: Some(y),
                month: u8::try_from(m).ok(),
                day: u8::try_from(d).ok(),
                precision: Precision::Day,
            };
            return v.is_valid().then_some(v);
        }
    }
    parse_date_slow(s)
}

/// [`parse_date`] through the recogniser, for every other shape.
fn parse_date_slow(s: &str) -> Option<DateVal> {
    let ms = find(s);
    let m = ms.first()?;
    let rest = format!("{}{}", &s[..m.range.start], &s[m.range.end..]);
    if m.start.year.is_some()
        && m.relative.is_none()
        && rest.chars().all(|c| !c.is_alphanumeric())
        && m.start.is_valid()
    {
        Some(m.start)
    } else {
        None
    }
}

// ---------------------------------------------------------------------------
// vocabulary

/// Words after which a lone month or a bare year reads as a date.
const DATE_PREPOSITIONS: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "before",
    "after",
    "during",
    "from",
    "of",
    "around",
    "on",
    "to",
    "through",
    "throughout",
    "between",
    "and",
    "early",
    "mid",
    "late",
    "circa",
    "c",
    "ca",
    "about",
    "that",
    "this",
    "last",
    "next",
    "following",
    "until",
    "into",
    "within",
    "beginning",
    "end",
    "middle",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "or",
];

/// Words that, right before a number, make it an identifier or a measure.
const NUMBER_BLOCKERS: &[&str] = &[
    "route",
    "highway",
    "interstate",
    "boeing",
    "airbus",
    "flight",
    "number",
    "no",
    "nos",
    "page",
    "pages",
    "p",
    "pp",
    "isbn",
    "issn",
    "model",
    "type",
    "version",
    "v",
    "vol",
    "volume",
    "chapter",
    "section",
    "article",
    "resolution",
    "rule",
    "code",
    "tel",
    "room",
    "suite",
    "unit",
    "platoon",
    "squad",
    "regiment",
    "battalion",
    "brigade",
    "division",
    "corps",
    "army",
    "fleet",
    "hill",
    "height",
    "point",
    "grade",
    "class",
    "series",
    "mk",
    "opus",
    "op",
    "catalogue",
    "doi",
    "us$",
    "usd",
    "eur",
    "gbp",
    "jpy",
    "rs",
    "km",
    "mi",
];

/// Words that, right after a number, make it a count or a measure.
const COUNT_NOUNS: &[&str] = &[
    "troops",
    "soldiers",
    "men",
    "women",
    "people",
    "persons",
    "personnel",
    "tonnes",
    "tons",
    "ton",
    "tonne",
    "kg",
    "kilograms",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "mile",
    "m",
    "metres",
    "meters",
    "feet",
    "ft",
    "yards",
    "dollars",
    "euros",
    "pounds",
    "casualties",
    "deaths",
    "dead",
    "killed",
    "wounded",
    "prisoners",
    "aircraft",
    "planes",
    "tanks",
    "ships",
    "vessels",
    "vehicles",
    "guns",
    "units",
    "copies",
    "votes",
    "members",
    "employees",
    "workers",
    "students",
    "residents",
    "inhabitants",
    "households",
    "acres",
    "hectares",
    "square",
    "percent",
    "per",
    "hours",
    "hrs",
    "hr",
    "horsepower",
    "hp",
    "rounds",
    "shells",
    "sorties",
    "civilians",
    "refugees",
    "children",
    "fighters",
    "combatants",
    "infantry",
    "cavalry",
    "horses",
    "cannons",
    "artillery",
    "divisions",
    "regiments",
    "battalions",
    "brigades",
    "corps",
    "sailors",
    "marines",
    "airmen",
    "officers",
    "strong",
    "seats",
    "points",
    "runs",
    "goals",
    "yards",
    "species",
    "pages",
    "words",
    "items",
    "times",
    "cases",
    "barrels",
    "bbl",
    "cc",
    "mm",
    "cm",
    "lb",
    "lbs",
    "oz",
    "mph",
    "kph",
    "kmh",
    "degrees",
    "°",
    "volts",
    "watts",
    "mw",
    "kw",
    "gw",
    "bits",
    "bytes",
    "kb",
    "mb",
    "gb",
    "tb",
    "calories",
    "votes",
    "of",
];

/// Software named with a year ("Windows 2000", "Windows Server 2008",
/// "Office 2010"): as written, capitalised.
const PRODUCT_NAMES: &[&str] = &["Windows", "Server", "Office", "Studio", "SQL"];

/// Words that end a street address after its number.
const STREET_TYPES: &[&str] = &[
    "Street",
    "St",
    "Avenue",
    "Ave",
    "Road",
    "Rd",
    "Boulevard",
    "Blvd",
    "Lane",
    "Drive",
    "Way",
    "Place",
    "Square",
    "Terrace",
    "Court",
    "Crescent",
    "Highway",
    "Parkway",
];

/// Plural nouns after a year that are still date modifiers ("the 2020
/// elections" is handled by the determiner rule; these also work without
/// one: "2022 Winter Olympics" is capitalised, so only lowercase matters).
const YEAR_PLURAL_OK: &[&str] = &[
    "elections",
    "olympics",
    "games",
    "protests",
    "riots",
    "floods",
    "attacks",
    "talks",
    "negotiations",
    "hostilities",
    "sanctions",
    "offensives",
    "campaigns",
    "reforms",
];

/// Words that can open a temporal expression or an identifier to skip,
/// lowercase and sorted for binary search.
const TRIGGER_WORDS: &[&str] = &[
    "a",
    "ad",
    "an",
    "apr",
    "april",
    "aug",
    "august",
    "autumn",
    "ce",
    "christmas",
    "dec",
    "december",
    "doi",
    "earlier",
    "early",
    "eight",
    "eighteen",
    "eighteenth",
    "eighth",
    "eleven",
    "eleventh",
    "fall",
    "feb",
    "february",
    "fifteen",
    "fifteenth",
    "fifth",
    "fifty",
    "first",
    "five",
    "forty",
    "four",
    "fourteen",
    "fourteenth",
    "fourth",
    "friday",
    "fy",
    "h",
    "http",
    "https",
    "isbn",
    "issn",
    "jan",
    "january",
    "jul",
    "july",
    "jun",
    "june",
    "late",
    "later",
    "mar",
    "march",
    "may",
    "monday",
    "new",
    "nine",
    "nineteen",
    "nineteenth",
    "ninth",
    "nov",
    "november",
    "oct",
    "october",
    "one",
    "q",
    "saturday",
    "second",
    "sep",
    "sept",
    "september",
    "seven",
    "seventeen",
    "seventeenth",
    "seventh",
    "six",
    "sixteen",
    "sixteenth",
    "sixth",
    "spring",
    "summer",
    "sunday",
    "ten",
    "tenth",
    "that",
    "the",
    "third",
    "thirteen",
    "thirteenth",
    "thirty",
    "this",
    "three",
    "thursday",
    "tuesday",
    "twelfth",
    "twelve",
    "twentieth",
    "twenty",
    "two",
    "wednesday",
    "winter",
    "www",
];

/// A word's filter key: its length and first seven bytes, lowercased, in
/// one integer. Two words share a key only if they share length and
/// prefix; a false match just means the matchers are tried and say no.
fn word_key(w: &[u8]) -> u64 {
    let mut key = (w.len().min(255) as u64) << 56;
    for (i, b) in w.iter().take(7).enumerate() {
        key |= (b.to_ascii_lowercase() as u64) << (8 * (6 - i));
    }
    key
}

static TRIGGER_KEYS: std::sync::LazyLock<Vec<u64>> = std::sync::LazyLock::new(|| {
    let mut keys: Vec<u64> = TRIGGER_WORDS
        .iter()
        .map(|w| word_key(w.as_bytes()))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
});

/// Can a matcher start at this token? A cheap filter: numbers, apostrophes
/// (`'90s`) and the few words that open a date, so most tokens of running
/// text are passed over without trying any matcher.
fn could_start(t: &Tok<'_>) -> bool {
    match t.kind {
        Kind::Num => true,
        Kind::Punct => matches!(t.s, "'" | "’"),
        Kind::Word => {
            let b = t.s.as_bytes();
            b.len() < 16
                && TRIGGER_SHAPES[b[0] as usize] & (1 << b.len()) != 0
                && TRIGGER_KEYS.binary_search(&word_key(b)).is_ok()
        }
    }
}

/// For each first byte, a bit per length: is there a trigger word of that
/// first letter (either case) and length? One look-up turns away most
/// words before the binary search.
static TRIGGER_SHAPES: [u16; 256] = trigger_shapes();

const fn trigger_shapes() -> [u16; 256] {
    let mut table = [0u16; 256];
    let mut i = 0;
    while i < TRIGGER_WORDS.len() {
        let w = TRIGGER_WORDS[i].as_bytes();
        if w.len() < 16 {
            let first = w[0];
            table[first as usize] |= 1 << w.len();
            table[first.to_ascii_uppercase() as usize] |= 1 << w.len();
        }
        i += 1;
    }
    table
}

// ---------------------------------------------------------------------------
// token helpers

fn word<'t>(toks: &[Tok<'t>], i: usize) -> Option<&'t str> {
    toks.get(i).filter(|t| t.kind == Kind::Word).map(|t| t.s)
}

fn is_word(toks: &[Tok<'_>], i: usize, w: &str) -> bool {
    word(toks, i).is_some_and(|s| s.eq_ignore_ascii_case(w))
}

fn is_punct(toks: &[Tok<'_>], i: usize, p: &str) -> bool {
    toks.get(i)
        .is_some_and(|t| t.kind == Kind::Punct && t.s == p)
}

fn is_dash(toks: &[Tok<'_>], i: usize) -> bool {
    toks.get(i)
        .is_some_and(|t| t.kind == Kind::Punct && matches!(t.s, "-" | "–" | "—" | "/"))
}

/// Plain digits (no separators), their value and digit count.
fn digits(toks: &[Tok<'_>], i: usize) -> Option<(i32, usize)> {
    let t = toks.get(i)?;
    if t.kind != Kind::Num || !t.s.bytes().all(|b| b.is_ascii_digit()) || t.s.len() > 4 {
        return None;
    }
    t.s.parse().ok().map(|v| (v, t.s.len()))
}

/// A month name (capitalised), with an optional full stop after an
/// abbreviation; returns the month and the index after it.
fn month(toks: &[Tok<'_>], i: usize) -> Option<(u8, usize)> {
    let w = word(toks, i)?;
    if !w.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let m = lookup(MONTHS, w)?;
    let mut next = i + 1;
    if w.len() <= 4 && is_punct(toks, next, ".") && !toks[next].space_before {
        next += 1;
    } else if w.len() <= 4
        && !w.eq_ignore_ascii_case("may")
        && !w.eq_ignore_ascii_case("june")
        && !w.eq_ignore_ascii_case("july")
    {
        // A bare abbreviation ("Sept 3") must be followed by a number.
        digits(toks, next)?;
    }
    Some((m, next))
}

/// A day of the month, with an optional ordinal suffix ("1st", "23rd").
fn day(toks: &[Tok<'_>], i: usize) -> Option<(u8, usize)> {
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
fn era(toks: &[Tok<'_>], i: usize) -> Option<(bool, usize)> {
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
fn astronomical(y: i32, bc: bool) -> i32 {
    if bc { 1 - y } else { y }
}

/// A year with an optional era after it ("1992", "264 BC") or before it
/// ("AD 79"). Without an era only 4-digit years from 1000 to 2199 count.
fn year(toks: &[Tok<'_>], i: usize) -> Option<(i32, bool, usize)> {
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
fn skip_identifier(toks: &[Tok<'_>], i: usize) -> Option<usize> {
    let w = word(toks, i)?;
    if matches!(
        Lower::new(w).as_str(),
        "isbn" | "issn" | "doi" | "http" | "https" | "www"
    ) {
        let mut j = i + 1;
        // Skip a ":" or "/" and then everything up to the next space.
        while j < toks.len() && (!toks[j].space_before || j == i + 1) {
            j += 1;
        }
        return Some(j);
    }
    None
}

// ---------------------------------------------------------------------------
// matchers, tried in order at each token

type Match = Option<(usize, Mention)>;

fn match_at(text: &str, toks: &[Tok<'_>], i: usize) -> Match {
    // Only the matchers that can start with this kind of token, in the
    // order of precedence (longer forms first).
    match toks[i].kind {
        Kind::Num => iso_date(toks, i)
            .or_else(|| day_month_year(toks, i))
            .or_else(|| foreign_date(toks, i))
            .or_else(|| season_or_quarter(toks, i))
            .or_else(|| decade(toks, i))
            .or_else(|| century(toks, i))
            .or_else(|| year_range(toks, i))
            .or_else(|| bare_year(toks, i))
            .or_else(|| relative(toks, i)),
        Kind::Punct => decade(toks, i).or_else(|| short_year(toks, i)),
        Kind::Word => weekday_date(text, toks, i)
            .or_else(|| fiscal_year(toks, i))
            .or_else(|| month_day_year(toks, i))
            .or_else(|| month_year(toks, i))
            .or_else(|| season_or_quarter(toks, i))
            .or_else(|| century(toks, i))
            .or_else(|| bare_year(toks, i))
            .or_else(|| lone_month(toks, i))
            .or_else(|| holiday(toks, i))
            .or_else(|| day_of_month(toks, i))
            .or_else(|| relative(toks, i)),
    }
}

fn span(toks: &[Tok<'_>], a: usize, b: usize) -> Range<usize> {
    toks[a].start..toks[b - 1].end()
}

/// `2022-07-13`
fn iso_date(toks: &[Tok<'_>], i: usize) -> Match {
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
fn weekday_date(text: &str, toks: &[Tok<'_>], i: usize) -> Match {
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
fn day_month_year(toks: &[Tok<'_>], i: usize) -> Match {
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
fn foreign_date(toks: &[Tok<'_>], i: usize) -> Match {
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
fn year_phrase(toks: &[Tok<'_>], i: usize) -> Option<(i32, usize)> {
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
fn day_tail(toks: &[Tok<'_>], i: usize, mut j: usize, m: u8, d: u8, end_day: Option<u8>) -> Match {
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
fn month_day_year(toks: &[Tok<'_>], i: usize) -> Match {
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
fn month_year(toks: &[Tok<'_>], i: usize) -> Match {
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
fn lone_month(toks: &[Tok<'_>], i: usize) -> Match {
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
fn holiday(toks: &[Tok<'_>], i: usize) -> Match {
    let w = word(toks, i)?;
    let (m, d, mut j) = match w {
        "Christmas" if is_word(toks, i + 1, "Eve") => (12, 24, i + 2),
        "Christmas" => (12, 25, i + 1),
        "New" if is_word(toks, i + 1, "Year") && is_possessive(toks, i + 3) => {
            match word(toks, i + 4) {
                Some("Day") => (1, 1, i + 5),
                Some("Eve") => (12, 31, i + 5),
                _ => return None,
            }
        }
        _ => return None,
    };
    // "Christmas Day"
    if is_word(toks, j, "Day") && m == 12 && d == 25 {
        j += 1;
    }
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
fn season_or_quarter(toks: &[Tok<'_>], i: usize) -> Match {
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

fn quarter_tail(toks: &[Tok<'_>], i: usize, j: usize, q: u8) -> Match {
    if !is_word(toks, j, "quarter") || !is_word(toks, j + 1, "of") {
        return None;
    }
    let (y, _, next) = year(toks, j + 2)?;
    let mut m = Mention::new(span(toks, i, next), DateVal::month(Some(y), q * 3 - 2));
    m.end = Some(DateVal::month(Some(y), q * 3));
    Some((next, m))
}

/// `1990s`, `1990's`, `'90s`, `1930s BC`
fn decade(toks: &[Tok<'_>], i: usize) -> Match {
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
fn century(toks: &[Tok<'_>], i: usize) -> Match {
    let (n, mut j) = if let Some((v, _)) = digits(toks, i) {
        if !matches!(word(toks, i + 1), Some("st" | "nd" | "rd" | "th")) || toks[i + 1].space_before
        {
            return None;
        }
        (v, i + 2)
    } else {
        let w = word(toks, i)?;
        // "twenty-first" is three tokens.
        if w.eq_ignore_ascii_case("twenty")
            && is_punct(toks, i + 1, "-")
            && is_word(toks, i + 2, "first")
        {
            (21, i + 3)
        } else {
            (lookup(ORDINAL_WORDS, w)?, i + 1)
        }
    };
    if is_punct(toks, j, "-") {
        j += 1;
    }
    if !is_word(toks, j, "century") {
        return None;
    }
    j += 1;
    if !(1..=30).contains(&n) {
        return None;
    }
    let mut y = (n - 1) * 100;
    if let Some((bc, next)) = era(toks, j) {
        if bc {
            y = astronomical(n * 100, true);
        }
        j = next;
    }
    Some((
        j,
        Mention::new(
            span(toks, i, j),
            DateVal {
                year: Some(y),
                month: None,
                day: None,
                precision: Precision::Century,
            },
        ),
    ))
}

/// `2014–2016`, `1939-45`, `2022–23`, `264–241 BC`
fn year_range(toks: &[Tok<'_>], i: usize) -> Match {
    let (v1, n1) = digits(toks, i)?;
    if !is_dash(toks, i + 1) {
        return None;
    }
    let (v2, n2) = digits(toks, i + 2)?;
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
fn bare_year(toks: &[Tok<'_>], i: usize) -> Match {
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
fn fiscal_year(toks: &[Tok<'_>], i: usize) -> Match {
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
fn three_digit_year(toks: &[Tok<'_>], i: usize) -> Match {
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
fn short_year(toks: &[Tok<'_>], i: usize) -> Match {
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
fn day_of_month(toks: &[Tok<'_>], i: usize) -> Match {
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
    if !after_ok {
        return None;
    }
    let mut m = Mention::new(span(toks, i + 1, i + 3), DateVal::year(0));
    m.relative = Some(Relative::DayOfMonth(d as u8));
    Some((i + 3, m))
}

/// Rejects numbers that are counts, measures, money or identifiers.
fn year_context_ok(toks: &[Tok<'_>], i: usize, next: usize) -> bool {
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
fn is_possessive(toks: &[Tok<'_>], i: usize) -> bool {
    word(toks, i) == Some("s")
        && i >= 1
        && matches!(toks[i - 1].s, "'" | "’")
        && !toks[i - 1].space_before
}

/// Relative expressions: "two days later", "the following year", "that same
/// day", "in the same year", "the previous month", "the day before".
/// The words that can stand second in a relative expression: a unit
/// ("two days later"), "in" ("later in the year"), a part ("the end of"),
/// or a determiner's complement ("the following year", "that same day").
const RELATIVE_SECOND: &[&str] = &[
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

fn relative(toks: &[Tok<'_>], i: usize) -> Match {
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
    let opens = first.is_some_and(|w| {
        lookup(NUMBER_WORDS, w).is_some()
            || in_list(
                &["the", "that", "this", "later", "late", "earlier", "early"],
                w,
            )
    }) || (first.is_none() && digits(toks, i).is_some());
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

// ---------------------------------------------------------------------------
// second pass: ranges and qualifiers

/// Joins `from A to B`, `between A and B` and `A – B` into one mention.
fn join_ranges(
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
            let opener = a0
                .checked_sub(1)
                .and_then(|p| word(toks, p))
                .map(str::to_ascii_lowercase);
            match between {
                1 if is_dash(toks, a1) => true,
                1 => matches!(
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
fn compatible(a: &DateVal, b: &DateVal) -> bool {
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
fn qualify(text: &str, toks: &[Tok<'_>], a: usize, b: usize, mut m: Mention) -> Mention {
    let _ = (text, b);
    if m.relative.is_some() {
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

#[cfg(test)]
mod tests;

#[cfg(test)]
mod trigger_tests {
    use super::*;

    #[test]
    fn trigger_words_are_sorted_and_cover_the_vocabulary() {
        assert!(TRIGGER_WORDS.windows(2).all(|w| w[0] < w[1]));
        let vocab = MONTHS
            .iter()
            .map(|(w, _)| *w)
            .chain(WEEKDAYS.iter().copied())
            .chain(
                ORDINAL_WORDS
                    .iter()
                    .map(|(w, _)| *w)
                    .filter(|w| !w.contains('-')),
            )
            .chain(NUMBER_WORDS.iter().map(|(w, _)| *w));
        for w in vocab {
            assert!(TRIGGER_WORDS.binary_search(&w).is_ok(), "{w} missing");
        }
    }
}
