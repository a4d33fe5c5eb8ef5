//! Dated events: every temporal expression, anchored in the narrative.
//!
//! Recognition is [`crate::temporal::find`]; this module walks the text in
//! document order and does what a reader does with what it finds: an
//! expression without a year takes the year of the most recent dated
//! expression before it, a relative one ("two days later") resolves against
//! the most recent date of fitting precision, and impossible dates become
//! warnings instead of events.

use jiff::ToSpan;

use super::{Context, TextUnit};
use crate::diagnostics::Diagnostic;
use crate::model::{self, Precision};
use crate::temporal::{self, DateVal, Mention, Relative};

/// What the narrative has said so far, at each precision.
#[derive(Debug, Default, Clone, Copy)]
struct Anchor {
    year: Option<i32>,
    month: Option<(i32, u8)>,
    day: Option<jiff::civil::Date>,
}

impl Anchor {
    /// Records a resolved date as the newest reference point.
    fn update(&mut self, d: &DateVal) {
        let Some(y) = d.year else { return };
        match d.precision {
            Precision::Day => {
                self.year = Some(y);
                if let (Some(m), Some(dd)) = (d.month, d.day) {
                    self.month = Some((y, m));
                    self.day = civil(y, m, dd);
                }
            }
            Precision::Month => {
                self.year = Some(y);
                if let Some(m) = d.month {
                    self.month = Some((y, m));
                }
            }
            Precision::Year => self.year = Some(y),
            Precision::Decade | Precision::Century => {}
        }
    }

    /// Resolves a relative expression, or `None` with nothing to resolve
    /// against.
    fn resolve(&self, rel: Relative) -> Option<DateVal> {
        match rel {
            Relative::Same(Precision::Day) | Relative::Offset(_, Precision::Day) => {
                let n = if let Relative::Offset(n, _) = rel {
                    n
                } else {
                    0
                };
                let d = self.day?.checked_add((n as i64).days()).ok()?;
                Some(DateVal {
                    year: Some(d.year() as i32),
                    month: Some(d.month() as u8),
                    day: Some(d.day() as u8),
                    precision: Precision::Day,
                })
            }
            Relative::Same(Precision::Month) | Relative::Offset(_, Precision::Month) => {
                let n = if let Relative::Offset(n, _) = rel {
                    n
                } else {
                    0
                };
                let (y, m) = self.month?;
                let total = y * 12 + (m as i32 - 1) + n;
                Some(DateVal {
                    year: Some(total.div_euclid(12)),
                    month: Some((total.rem_euclid(12) + 1) as u8),
                    day: None,
                    precision: Precision::Month,
                })
            }
            Relative::Same(_) => self.year.map(DateVal::year),
            Relative::Offset(n, _) => self.year.map(|y| DateVal::year(y + n)),
        }
    }
}

fn civil(y: i32, m: u8, d: u8) -> Option<jiff::civil::Date> {
    jiff::civil::Date::new(i16::try_from(y).ok()?, m as i8, d as i8).ok()
}

/// Every temporal expression of the document, in document order, and the
/// diagnostics for impossible or unanchored dates.
pub fn events(ctx: &Context<'_, '_>) -> (Vec<model::Event>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut diags = Vec::new();
    let mut anchor = Anchor::default();
    for unit in ctx.text_units() {
        for m in temporal::find(unit.text.as_str()) {
            if let Some(ev) = resolve_mention(ctx, &unit, &m, &mut anchor, &mut diags) {
                out.push(ev);
            }
        }
    }
    (out, diags)
}

/// Turns one mention into an event, updating the anchor.
fn resolve_mention(
    ctx: &Context<'_, '_>,
    unit: &TextUnit<'_, '_>,
    m: &Mention,
    anchor: &mut Anchor,
    diags: &mut Vec<Diagnostic>,
) -> Option<model::Event> {
    let span = unit.text.source_span(m.range.clone());
    let written = ctx.source(span);
    let mut start = m.start;
    let mut end = m.end;
    let mut inferred = false;
    if let Some(rel) = m.relative {
        match anchor.resolve(rel) {
            Some(d) => {
                start = d;
                inferred = true;
            }
            None => {
                diags.push(Diagnostic::warning(
                    span,
                    format!(
                        "relative date `{written}` has no earlier date to resolve against; skipped"
                    ),
                ));
                return None;
            }
        }
    } else if m.short_decade {
        // "the '90s": the century of the narrative, else the 1900s.
        let century = anchor.year.map_or(1900, |y| y - y.rem_euclid(100));
        if let Some(y) = start.year.as_mut() {
            *y = century + y.rem_euclid(100);
        }
        inferred = true;
    } else if start.year.is_none() {
        if let Some(y) = anchor.year {
            start.year = Some(y);
            if let Some(e) = end.as_mut() {
                e.year.get_or_insert(y);
            }
            inferred = true;
        }
    }
    for d in std::iter::once(&start).chain(end.as_ref()) {
        if !d.is_valid() {
            diags.push(Diagnostic::warning(
                span,
                format!(
                    "`{written}` is not a calendar date ({}); no event recorded",
                    d.iso()
                ),
            ));
            return None;
        }
    }
    if start.year.is_none() {
        diags.push(Diagnostic::warning(
            span,
            format!(
                "no year in reach for `{written}`; kept as {} without a year",
                start.iso()
            ),
        ));
    } else {
        anchor.update(&start);
    }
    Some(model::Event {
        date: start.iso(),
        precision: start.precision,
        end: end.map(|e| e.iso()),
        qualifier: m.qualifier,
        year_inferred: inferred,
        text: written.to_string(),
        sentence: unit.sentence_at(m.range.start),
        section: ctx.path(unit.block),
        span: ctx.span(span),
        infobox_field: unit.field.map(super::one_line),
        citations: Vec::new(),
    })
}
