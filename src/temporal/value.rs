//! The date value every stage shares: a point in time at some precision,
//! its ISO 8601 form, and what a recogniser found.

use std::ops::Range;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How fine a date is, as the contract names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    Year,
    Decade,
    Century,
}

/// A word that bounds or blurs a date ("before 1990", "early May").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Qualifier {
    Before,
    After,
    Since,
    Until,
    By,
    Circa,
    Early,
    Mid,
    Late,
}

/// A matcher's answer: the token index after the expression, and what it
/// found.
pub(super) type Match = Option<(usize, Mention)>;

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
    pub(super) fn month(year: Option<i32>, m: u8) -> DateVal {
        DateVal {
            year,
            month: Some(m),
            day: None,
            precision: Precision::Month,
        }
    }
    pub(super) fn day(year: Option<i32>, m: u8, d: u8) -> DateVal {
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

    /// Reads the contract's `date` string back: `YYYY`, `YYYY-MM`,
    /// `YYYY-MM-DD` (years may be signed, as BC years are), `--MM`,
    /// `--MM-DD`; `None` for anything else or a date that is not in the
    /// calendar. The precision is what the form shows (a decade reads back
    /// as its first year). The inverse of [`DateVal::iso`].
    pub fn parse_iso(s: &str) -> Option<DateVal> {
        let (year, rest) = if let Some(r) = s.strip_prefix("--") {
            (None, r)
        } else {
            let (neg, body) = match s.strip_prefix('-') {
                Some(b) => (true, b),
                None => (false, s),
            };
            let ylen = body.find('-').unwrap_or(body.len());
            if ylen < 4 || !body[..ylen].bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let y: i32 = body[..ylen].parse().ok()?;
            let rest = body[ylen..].strip_prefix('-').unwrap_or("");
            if ylen < body.len() && rest.is_empty() {
                return None;
            }
            (Some(if neg { -y } else { y }), rest)
        };
        let parts = if rest.is_empty() {
            Vec::new()
        } else {
            rest.split('-').collect::<Vec<_>>()
        };
        if parts.len() > 2
            || parts
                .iter()
                .any(|p| p.len() != 2 || !p.bytes().all(|b| b.is_ascii_digit()))
            || (year.is_none() && parts.is_empty())
        {
            return None;
        }
        let month: Option<u8> = parts.first().and_then(|m| m.parse().ok());
        let day: Option<u8> = parts.get(1).and_then(|d| d.parse().ok());
        let precision = match (month, day) {
            (_, Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        };
        let v = DateVal {
            year,
            month,
            day,
            precision,
        };
        (month.is_none_or(|m| (1..=12).contains(&m)) && v.is_valid()).then_some(v)
    }

    /// A key that orders dates in time (a missing part counts as 0): for
    /// checking that a range does not end before it starts.
    pub fn order_key(&self) -> (i32, u8, u8) {
        (
            self.year.unwrap_or(0),
            self.month.unwrap_or(0),
            self.day.unwrap_or(0),
        )
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
    /// "this year", "earlier this month": the reference date's year or
    /// month; without a reference date, the narrative's (as "that year").
    This(Precision),
    /// "yesterday" (-1 day), "last year" (-1 year), "four years ago",
    /// "next month": counted from the reference date only.
    FromReference(i32, Precision),
    /// "last July", "July this year", "June last year": a month near the
    /// reference date. With `last`, the latest such month before the
    /// reference date's; else the month of the reference year plus
    /// `years`.
    MonthFromReference { month: u8, years: i32, last: bool },
    /// "on Friday" (1 is Monday): the nearest such day before the
    /// reference date, or after it where the sentence speaks of the future.
    Weekday { weekday: u8, future: bool },
}

impl Relative {
    /// Is it dated from the reference date (and so not at all without one)?
    pub fn needs_reference(self) -> bool {
        matches!(
            self,
            Relative::FromReference(..)
                | Relative::MonthFromReference { .. }
                | Relative::Weekday { .. }
        )
    }
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
    pub(super) fn new(range: Range<usize>, start: DateVal) -> Mention {
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
