//! Dated events: every temporal expression, anchored in the narrative.
//!
//! Recognition is `temporal::find`; this module walks the text in
//! document order and does what a reader does with what it finds: an
//! expression without a year takes the year of the most recent dated
//! expression before it, a relative one ("two days later") resolves against
//! the most recent date of fitting precision, and impossible dates become
//! warnings instead of events.

use jiff::ToSpan;

use super::{Context, TextUnit};
use crate::diagnostics::{Diagnostic, DiagnosticKind};
use crate::model::{self, Precision};
use crate::temporal::{self, DateVal, Mention, Relative};

/// What the narrative has said so far, at each precision.
#[derive(Debug, Default, Clone, Copy)]
struct Anchor {
    /// Has the current text unit set a day or month yet?
    fine_in_unit: bool,
    year: Option<i32>,
    month: Option<(i32, u8)>,
    day: Option<jiff::civil::Date>,
}

impl Anchor {
    /// Records a resolved date as the newest reference point. Only a date
    /// that states its own year (`stated`) makes the paragraph's fine
    /// dates outrank its years in passing: "takes place from mid-July …
    /// the first Caribana took place in 1967 … forty years later" counts
    /// from 1967, as the borrowed year of "mid-July" sets no scene.
    fn update(&mut self, d: &DateVal, stated: bool) {
        let Some(y) = d.year else { return };
        match d.precision {
            Precision::Day => {
                self.fine_in_unit |= stated;
                self.year = Some(y);
                if let (Some(m), Some(dd)) = (d.month, d.day) {
                    self.month = Some((y, m));
                    self.day = civil(y, m, dd);
                }
            }
            Precision::Month => {
                self.fine_in_unit |= stated;
                self.year = Some(y);
                if let Some(m) = d.month {
                    self.month = Some((y, m));
                }
            }
            Precision::Year => self.year = Some(y),
            Precision::Decade | Precision::Century => {}
        }
    }

    /// Resolves a relative expression against the narrative, or `None`
    /// with nothing to resolve against.
    fn resolve(&self, rel: Relative) -> Option<DateVal> {
        match rel {
            Relative::Same(p) | Relative::This(p) => self.offset(0, p),
            Relative::Offset(n, p) => self.offset(n, p),
            Relative::DayOfMonth(d) => {
                let (y, m) = self.month?;
                Some(DateVal {
                    year: Some(y),
                    month: Some(m),
                    day: Some(d),
                    precision: Precision::Day,
                })
            }
            // Told from the day of writing: the narrative cannot date it.
            Relative::FromReference(..)
            | Relative::MonthFromReference { .. }
            | Relative::Weekday { .. } => None,
        }
    }

    /// The narrative's date at precision `p`, moved by `n` of it.
    fn offset(&self, n: i32, p: Precision) -> Option<DateVal> {
        match p {
            Precision::Day => from_day(self.day?, n),
            Precision::Month => {
                let (y, m) = self.month?;
                Some(month_plus(y, m, n))
            }
            Precision::Year => self.year.map(|y| DateVal::year(y + n)),
            Precision::Decade => self.year.map(|y| decade(y, n)),
            Precision::Century => None,
        }
    }
}

/// Resolves an expression told from the day of writing ("yesterday",
/// "last July", "on Friday", "this year") against the reference date.
fn from_reference(rel: Relative, today: jiff::civil::Date) -> Option<DateVal> {
    let (y, m) = (i32::from(today.year()), today.month() as u8);
    match rel {
        Relative::This(p) => from_reference(Relative::FromReference(0, p), today),
        Relative::FromReference(n, p) => match p {
            Precision::Day => from_day(today, n),
            Precision::Month => Some(month_plus(y, m, n)),
            Precision::Year => Some(DateVal::year(y + n)),
            Precision::Decade => Some(decade(y, n)),
            Precision::Century => None,
        },
        Relative::MonthFromReference { month, years, last } => {
            // "last July": the latest July before this month.
            let year = if last {
                if month < m { y } else { y - 1 }
            } else {
                y + years
            };
            Some(month_plus(year, month, 0))
        }
        Relative::Weekday { weekday, future } => {
            let now = today.weekday().to_monday_one_offset() as i32;
            let w = i32::from(weekday);
            // The nearest such day before (or after) the day of writing,
            // never the day itself: that day is "today".
            let n = if future {
                (w - now).rem_euclid(7)
            } else {
                -(now - w).rem_euclid(7)
            };
            let n = if n == 0 {
                if future { 7 } else { -7 }
            } else {
                n
            };
            from_day(today, n)
        }
        Relative::Same(_) | Relative::Offset(..) | Relative::DayOfMonth(_) => None,
    }
}

fn from_day(day: jiff::civil::Date, n: i32) -> Option<DateVal> {
    let d = day.checked_add((n as i64).days()).ok()?;
    Some(DateVal {
        year: Some(d.year() as i32),
        month: Some(d.month() as u8),
        day: Some(d.day() as u8),
        precision: Precision::Day,
    })
}

fn month_plus(y: i32, m: u8, n: i32) -> DateVal {
    let total = y * 12 + (m as i32 - 1) + n;
    DateVal {
        year: Some(total.div_euclid(12)),
        month: Some((total.rem_euclid(12) + 1) as u8),
        day: None,
        precision: Precision::Month,
    }
}

/// The decade of year `y`, moved by `n` decades ("the previous decade").
fn decade(y: i32, n: i32) -> DateVal {
    DateVal {
        year: Some(y - y.rem_euclid(10) + 10 * n),
        month: None,
        day: None,
        precision: Precision::Decade,
    }
}

/// Words that make a date without a year one that comes round again.
/// ("each side" or "always" in a war story says nothing of the kind;
/// "each" counts only before a time word).
const RECURRING_CUES: &[&str] = &["every", "annual", "annually", "yearly"];

/// Is a date without a year in a sentence that speaks of every year ("an
/// annual carnival in July", "held each summer", "meets on the third
/// Tuesday in February")? Whole words only.
fn recurs(unit: &TextUnit<'_, '_>, m: &Mention) -> bool {
    let text = unit.text.as_str();
    let sentence = &text[unit.sentence_range(m.range.start)];
    let meets_on = sentence.contains("meets on") || sentence.contains("held on");
    let words: Vec<&str> = sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let each_time = words.windows(2).any(|p| {
        p[0].eq_ignore_ascii_case("each")
            && matches!(
                p[1].to_ascii_lowercase().as_str(),
                "year" | "summer" | "winter" | "spring" | "autumn" | "fall" | "month"
            )
    });
    meets_on
        || each_time
        || words
            .iter()
            .any(|w| RECURRING_CUES.iter().any(|c| c.eq_ignore_ascii_case(w)))
}

/// Does this mention move the narrative's reference point? Dates with a
/// month do. A bare year does where it sets the scene: within the first
/// words of its sentence ("In 1998, …", "By 1942 …"), or before the
/// paragraph has given a day or month of its own, or where nothing was set
/// before. A year in passing after the paragraph's own dates ("On 10 March
/// 1975 … a campaign planned for 1976") does not, so the story's "11 March"
/// after it keeps its year.
fn sets_narrative_year(unit: &TextUnit<'_, '_>, m: &Mention, d: &DateVal, anchor: &Anchor) -> bool {
    if anchor.year.is_none() || m.relative.is_some() || m.year_offset.is_some() {
        return true;
    }
    if matches!(d.precision, Precision::Day | Precision::Month) || !anchor.fine_in_unit {
        return true;
    }
    let text = unit.text.as_str();
    let sentence_start = unit
        .sentence_index(m.range.start)
        .map_or(0, |i| unit.sentences()[i].start);
    let before = &text[sentence_start..m.range.start];
    before.split_whitespace().count() <= 2
}

/// A story moves forward: "On April 1, …" right after "December 1864" is
/// in 1865. Only where the reference date is late in its year (from
/// September), the new month early (to June), and the new date opens its
/// sentence, which is how narration steps into a new year; a month named
/// in passing inside a sentence is more often a look back.
fn rollover(unit: &TextUnit<'_, '_>, m: &Mention, d: &DateVal, anchor: &Anchor) -> i32 {
    const LATE_FROM: u8 = 9;
    const EARLY_TO: u8 = 6;
    let (Some((ay, am)), Some(dm)) = (anchor.month, d.month) else {
        return 0;
    };
    if Some(ay) != anchor.year || m.year_offset.is_some() || am < LATE_FROM || dm > EARLY_TO {
        return 0;
    }
    let text = unit.text.as_str();
    let start = unit
        .sentence_index(m.range.start)
        .map_or(0, |i| unit.sentences()[i].start);
    let opens = text[start..m.range.start].split_whitespace().count() <= 2;
    i32::from(opens)
}

fn civil(y: i32, m: u8, d: u8) -> Option<jiff::civil::Date> {
    jiff::civil::Date::new(i16::try_from(y).ok()?, m as i8, d as i8).ok()
}

/// An event's date as a value, with its span in the source: what the
/// money extractor dates figures by, without reading the JSON strings
/// back.
#[derive(Debug, Clone, Copy)]
pub struct EventDate {
    pub span: crate::span::Span,
    pub date: DateVal,
    /// "by", "before", "since"…: a bound rather than a time the text is at.
    pub qualifier: Option<crate::model::Qualifier>,
}

/// Every temporal expression of the document, in source order, with the
/// dates as values beside them, and the diagnostics for impossible or
/// unanchored dates.
pub fn events(
    ctx: &Context<'_, '_>,
    cits: &super::citations::Citations,
    reference: Option<jiff::civil::Date>,
    found: Vec<Vec<temporal::Mention>>,
) -> (Vec<model::Event>, Vec<EventDate>, Vec<Diagnostic>) {
    // At most one record per mention: sized once, because on a page of
    // dates the doubling growth held the old and the new buffer at once.
    let mentions = found.iter().map(Vec::len).sum();
    let mut out = Vec::with_capacity(mentions);
    let mut dates = Vec::with_capacity(mentions);
    let mut diags = Vec::new();
    let mut anchor = Anchor::default();
    for (unit, found) in ctx.text_units().iter().zip(found) {
        // A paragraph's own day or month dates outrank its years in passing.
        anchor.fine_in_unit = false;
        let found = unit.limit_per_sentence(found, |m| m.range.start, "dates", &mut diags);
        for m in found {
            let found = resolve_mention(ctx, unit, &m, &mut anchor, reference, &mut diags);
            if let Some((mut ev, date)) = found {
                ev.citations = unit.cited(m.range.start, cits);
                out.push(ev);
                dates.push(date);
            }
        }
    }
    // Records come out in reading order of their text blocks; a block
    // nested in another (a file caption inside a paragraph) can put one
    // out of source order, so sort by span as the model promises.
    // (Checked first, and the records and their dates kept apart rather
    // than as pairs split afterwards: each copy of a long article's
    // records is tens of megabytes.)
    let key = |e: &model::Event| (e.span.start, e.span.end);
    if !out.is_sorted_by_key(key) {
        let mut order: Vec<usize> = (0..out.len()).collect();
        order.sort_by_key(|&i| key(&out[i]));
        let mut slots: Vec<Option<model::Event>> = out.into_iter().map(Some).collect();
        out = order.iter().filter_map(|&i| slots[i].take()).collect();
        dates = order.iter().map(|&i| dates[i]).collect();
    }
    (out, dates, diags)
}

/// Turns one mention into an event, updating the anchor.
fn resolve_mention(
    ctx: &Context<'_, '_>,
    unit: &TextUnit<'_, '_>,
    m: &Mention,
    anchor: &mut Anchor,
    reference: Option<jiff::civil::Date>,
    diags: &mut Vec<Diagnostic>,
) -> Option<(model::Event, EventDate)> {
    let span = unit.text.source_span(m.range.clone());
    let written = ctx.source(span);
    let mut start = m.start;
    let mut end = m.end;
    let mut inferred = false;
    let mut recurring = false;
    let mut from = model::DateAnchor::Text;
    if let Some(rel) = m.relative {
        // Told from the day of writing: dated from the reference date, and
        // without one not at all ("this year" then takes the narrative's).
        let dated = match reference.and_then(|r| from_reference(rel, r)) {
            Some(d) => Some((d, model::DateAnchor::Reference)),
            None if rel.needs_reference() => return None,
            None => anchor
                .resolve(rel)
                .map(|d| (d, model::DateAnchor::Narrative)),
        };
        match dated {
            Some((d, source)) => {
                start = d;
                inferred = true;
                from = source;
            }
            None => {
                diags.push(Diagnostic::new(
                    span,
                    DiagnosticKind::UnanchoredRelativeDate {
                        written: written.to_string(),
                    },
                ));
                return None;
            }
        }
    } else if m.era_from_narrative {
        // "in 499" is a year only in a narrative of BC years.
        match (anchor.year, start.year) {
            (Some(a), Some(v)) if a <= 0 => start.year = Some(1 - v),
            _ => return None,
        }
    } else if m.short_decade {
        // "the '90s", "'99": the latest such year not far past the
        // narrative's (so "'99" in a story of 1914 is 1899), else the 1900s.
        if let Some(y) = start.year.as_mut() {
            let two = y.rem_euclid(100);
            *y = match anchor.year {
                Some(a) => {
                    let mut c = a - a.rem_euclid(100) + two;
                    if c > a + 10 {
                        c -= 100;
                    }
                    c
                }
                None => 1900 + two,
            };
        }
        inferred = true;
    } else if start.year.is_none() && recurs(unit, m) {
        // "an annual carnival in July", "meets on the third Tuesday in
        // February": every year's, not one year's.
        recurring = true;
    } else if start.year.is_none() {
        if let Some(y) = anchor.year {
            let y = y + m.year_offset.unwrap_or(0) + rollover(unit, m, &start, anchor);
            start.year = Some(y);
            if let Some(e) = end.as_mut() {
                e.year.get_or_insert(y);
            }
            inferred = true;
        }
    }
    // "3 May 1990 – 6 June": the end shares the start's year.
    if let (Some(y), Some(e)) = (start.year, end.as_mut()) {
        if e.year.is_none() && e.month.is_some() {
            e.year = Some(y);
        }
    }
    // A "range" whose end comes first was two dates that only looked
    // joined ("23 October — 9 January 1992"): keep the start alone.
    if let Some(e) = &end {
        let key = |d: &DateVal| (d.year, d.month.unwrap_or(0), d.day.unwrap_or(0));
        let comparable = start.year.is_some() == e.year.is_some();
        if comparable && key(e) < key(&start) {
            diags.push(Diagnostic::new(
                span,
                DiagnosticKind::ReversedRange {
                    written: written.to_string(),
                },
            ));
            end = None;
        }
    }
    for d in std::iter::once(&start).chain(end.as_ref()) {
        if !d.is_valid() {
            diags.push(Diagnostic::new(
                span,
                DiagnosticKind::ImpossibleDate {
                    written: written.to_string(),
                    iso: d.iso(),
                },
            ));
            return None;
        }
    }
    if start.year.is_none() && !recurring {
        diags.push(Diagnostic::new(
            span,
            DiagnosticKind::NoYearInReach {
                written: written.to_string(),
                iso: start.iso(),
            },
        ));
    } else if sets_narrative_year(unit, m, &start, anchor) {
        anchor.update(&start, !inferred);
    }
    let event = model::Event {
        date: start.iso(),
        precision: start.precision,
        end: end.map(|e| e.iso()),
        qualifier: m.qualifier,
        year_inferred: inferred,
        recurring,
        anchor: if inferred && from == model::DateAnchor::Text {
            model::DateAnchor::Narrative
        } else {
            from
        },
        text: written.to_string(),
        display: crate::text::one_line(&unit.text.as_str()[m.range.clone()]),
        sentence: unit.sentence_at(m.range.start),
        section: ctx.path(unit.block),
        span: ctx.span(span),
        infobox_field: unit.field.map(crate::text::one_line),
        citations: Vec::new(),
    };
    Some((
        event,
        EventDate {
            span,
            date: start,
            qualifier: m.qualifier,
        },
    ))
}

#[cfg(test)]
mod tests {
    use crate::{Config, process_article};

    /// (date, year_inferred) of every event in `text`.
    fn dates(text: &str) -> Vec<(String, bool)> {
        process_article(text, &Config::default())
            .events
            .into_iter()
            .map(|e| (e.date, e.year_inferred))
            .collect()
    }

    fn d(s: &str, inferred: bool) -> (String, bool) {
        (s.to_string(), inferred)
    }

    #[test]
    fn year_comes_from_the_narrative() {
        assert_eq!(
            dates(
                "In October 2024, reports emerged. On 23 October, troops came. On 4 November, more."
            ),
            [
                d("2024-10", false),
                d("2024-10-23", true),
                d("2024-11-04", true)
            ]
        );
    }

    #[test]
    fn no_year_in_reach_keeps_month_and_day() {
        let a = process_article("On 23 October, troops came.", &Config::default());
        assert_eq!(a.events[0].date, "--10-23");
        assert!(!a.events[0].year_inferred);
        assert!(
            a.diagnostics
                .iter()
                .any(|x| x.message.contains("no year in reach"))
        );
    }

    #[test]
    fn borrowed_months_set_no_scene() {
        // "mid-July each summer" comes round every year and borrows no
        // year, so the year in passing after it still moves the narrative.
        assert_eq!(
            dates(
                "It ended in 2012. The fair runs from mid-July each summer. The first fair took place in 1967 in the park. Forty years later it was huge."
            ),
            [
                d("2012", false),
                d("--07", false),
                d("1967", false),
                d("2007", true)
            ]
        );
        assert_eq!(
            dates(
                "It ended in 2012. On 10 March 1975 they planned a campaign for 1976 in the park. Two days later it began."
            )
            .last(),
            Some(&d("1975-03-12", true))
        );
    }

    #[test]
    fn relative_expressions_resolve() {
        assert_eq!(
            dates("On 3 May 1990 it began. Two days later it ended. The following year was calm."),
            [
                d("1990-05-03", false),
                d("1990-05-05", true),
                d("1991", true)
            ]
        );
        assert_eq!(
            dates(
                "In June 1944 they landed. In August of that year Paris fell. By the end of the year it was over."
            ),
            [d("1944-06", false), d("1944-08", true), d("1944", true)]
        );
        assert_eq!(
            dates("In August 1918 the offensive began. It peaked on the 20th, and ended."),
            [d("1918-08", false), d("1918-08-20", true)]
        );
    }

    #[test]
    fn years_in_passing_do_not_move_the_story() {
        assert_eq!(
            dates(
                "On 10 March 1975, the offensive began, ahead of a campaign planned for 1976. On 11 March the town fell."
            ),
            [
                d("1975-03-10", false),
                d("1976", false),
                d("1975-03-11", true)
            ]
        );
    }

    #[test]
    fn narration_steps_into_the_next_year() {
        assert_eq!(
            dates("He reached Savannah in December 1864. On April 1, the army moved."),
            [d("1864-12", false), d("1865-04-01", true)]
        );
        // A month in passing inside a sentence is not a step forward.
        assert_eq!(
            dates("He reached Savannah in December 1864. The march of May was recalled."),
            [d("1864-12", false), d("1864-05", true)]
        );
        assert_eq!(
            dates("On 3 December 1864 it ended. The plan of 1 April had failed."),
            [d("1864-12-03", false), d("1864-04-01", true)]
        );
    }

    #[test]
    fn short_years_and_bc_narratives() {
        assert_eq!(
            dates("In 1914 the veterans of '99 marched."),
            [d("1914", false), d("1899", true)]
        );
        assert_eq!(
            dates("The revolt began in 499 BC. It was crushed in 494, at Lade."),
            [d("-0498", false), d("-0493", false)]
        );
        // Without a BC narrative, "in 494," is no date.
        assert_eq!(dates("It cost him in 494, at most."), []);
    }

    #[test]
    fn range_end_shares_the_start_year() {
        let a = process_article("It ran from 3 May 1990 to 6 June.", &Config::default());
        assert_eq!(
            (a.events[0].date.as_str(), a.events[0].end.as_deref()),
            ("1990-05-03", Some("1990-06-06"))
        );
    }

    #[test]
    fn impossible_dates_are_warnings() {
        let a = process_article("It was signed on February 30, 2020.", &Config::default());
        assert!(a.events.is_empty());
        assert!(a.diagnostics[0].message.contains("not a calendar date"));
    }
}

#[cfg(test)]
mod display_tests {
    use crate::{Config, Dialect, process_article};

    /// Records keep their source text (for the span) and also show the
    /// text as readers see it.
    #[test]
    fn records_display_what_readers_see() {
        let src = "'''A''' ({{birth date and age|1941|6|24|df=y}}) earned [[Canadian dollar|C$]]7.6&nbsp;billion in 1990.\n";
        let config = Config {
            dialect: Some(Dialect::Wikitext),
            ..Config::default()
        };
        let a = process_article(src, &config);
        let e = &a.events[0];
        assert_eq!(e.text, "{{birth date and age|1941|6|24|df=y}}");
        assert_eq!(e.display, "24 June 1941");
        let m = &a.money[0];
        assert_eq!(m.text, "[[Canadian dollar|C$]]7.6&nbsp;billion");
        assert_eq!(m.display, "C$7.6 billion");
        let plain = process_article("= A =\n\nIn May 1990 it cost $5.\n", &Config::default());
        assert_eq!(plain.events[0].display, plain.events[0].text);
        assert_eq!(plain.money[0].display, plain.money[0].text);
    }
}

#[cfg(test)]
mod reference_tests {
    use crate::model::DateAnchor;
    use crate::{Config, process_article};

    /// (text, date, anchor) of every event, with the reference date given.
    fn at(reference: Option<&str>, text: &str) -> Vec<(String, String, DateAnchor)> {
        let config = Config {
            reference_date: reference.map(|r| r.parse().expect("a date")),
            ..Config::default()
        };
        process_article(text, &config)
            .events
            .into_iter()
            .map(|e| (e.text, e.date, e.anchor))
            .collect()
    }

    fn r(text: &str, date: &str) -> (String, String, DateAnchor) {
        (text.to_string(), date.to_string(), DateAnchor::Reference)
    }

    #[test]
    fn dates_told_from_the_day_of_writing() {
        let on = |t: &str| at(Some("2013-06-14"), t);
        assert_eq!(
            on("It was signed yesterday."),
            [r("yesterday", "2013-06-13")]
        );
        assert_eq!(on("It opens tomorrow."), [r("tomorrow", "2013-06-15")]);
        assert_eq!(
            on("The bank failed four years ago."),
            [r("four years ago", "2009")]
        );
        assert_eq!(on("Sales fell last year."), [r("last year", "2012")]);
        assert_eq!(on("Sales rose this year."), [r("this year", "2013")]);
        assert_eq!(on("Prices rise next month."), [r("next month", "2013-07")]);
        assert_eq!(
            on("Earlier this year it moved."),
            [r("Earlier this year", "2013")]
        );
        assert_eq!(
            on("The strike ended last July."),
            [r("last July", "2012-07")]
        );
        assert_eq!(
            on("The strike began last March."),
            [r("last March", "2013-03")]
        );
        assert_eq!(
            on("It opened in June last year."),
            [r("June last year", "2012-06")]
        );
        // 14 June 2013 is a Friday: "on Friday" is the one before, or the
        // one after where the sentence tells of the future.
        assert_eq!(
            on("The minister resigned on Friday."),
            [r("Friday", "2013-06-07")]
        );
        assert_eq!(
            on("The minister will resign on Friday."),
            [r("Friday", "2013-06-21")]
        );
        assert_eq!(on("He arrived on Monday."), [r("Monday", "2013-06-10")]);
        // Without a reference date, they are not dated, and "this year"
        // is the narrative's, as before.
        assert!(at(None, "It was signed yesterday. Sales fell last year.").is_empty());
        assert_eq!(
            at(None, "In 2010 it opened. Sales rose this year."),
            [
                ("2010".to_string(), "2010".to_string(), DateAnchor::Text),
                (
                    "this year".to_string(),
                    "2010".to_string(),
                    DateAnchor::Narrative
                )
            ]
        );
        // Names are not dates: "the Today show", "Good Friday".
        assert!(on("She appeared on the Today show.").is_empty());
    }

    #[test]
    fn counted_from_the_story() {
        let story = |t: &str| at(None, t);
        let got = story("It began on 3 May 1990. Two weeks later it ended.");
        assert_eq!(got[1].1, "1990-05-17");
        assert_eq!(got[1].2, DateAnchor::Narrative);
        let got = story("The line opened in 1990. The following decade saw growth.");
        assert_eq!(got[1].1, "2000");
        // Counted from an event, not a date: no date.
        assert!(story("Thirteen months after its launch, it failed.").is_empty());
    }
}

#[cfg(test)]
mod recurring_tests {
    use crate::{Config, process_article};

    /// Dates that come round every year get no year from the narrative.
    #[test]
    fn recurring_dates_take_no_year() {
        let a = process_article(
            "In 1990 the town began an annual carnival in July. It meets on the third Tuesday in February.",
            &Config::default(),
        );
        let got: Vec<(String, bool, bool)> = a
            .events
            .iter()
            .map(|e| (e.date.clone(), e.recurring, e.year_inferred))
            .collect();
        assert_eq!(
            got,
            [
                ("1990".to_string(), false, false),
                ("--07".to_string(), true, false),
                ("--02".to_string(), true, false)
            ]
        );
        assert!(a.diagnostics.is_empty(), "{:?}", a.diagnostics);
        // One year's July stays one year's.
        let a = process_article(
            "In 1967 it began. It went missing in July.",
            &Config::default(),
        );
        assert_eq!(a.events[1].date, "1967-07");
        assert!(!a.events[1].recurring);
    }
}
