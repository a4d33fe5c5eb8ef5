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
