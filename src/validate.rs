//! Checks on an [`Article`] that a JSON Schema cannot express: spans that
//! point at their own text, real calendar dates, ordered ranges, section
//! paths that agree with levels, citation indices that exist.
//!
//! They run on every document before it is written (see
//! [`crate::batch`]) and from `wikistruct validate --source`.

use crate::model::{Article, Span};
use crate::temporal::DateVal;

/// One failed check: a JSON pointer into the document and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub pointer: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.pointer, self.message)
    }
}

/// Every check a written document passes, on the typed value: the forms
/// the JSON Schema's patterns and bounds state ([`check_forms`]), then
/// [`check_document`], and with `src` [`check_spans`]. This is what runs
/// before a document is written: the types already guarantee the schema's
/// shape (fields, kinds, enums), so no JSON value is built to check it;
/// the tests run the full schema check on every document of the corpora
/// and of the robustness inputs to keep the two in agreement.
pub fn check_all(a: &Article, src: Option<&str>) -> Vec<Problem> {
    let mut p = check_forms(a);
    p.extend(check_document(a));
    if let Some(src) = src {
        p.extend(check_spans(a, src));
    }
    p
}

/// The string forms and bounds of the schema that the Rust types do not
/// enforce: the version, the hash, ISO dates, currency codes, 1-based
/// lines, columns and heading levels.
pub fn check_forms(a: &Article) -> Vec<Problem> {
    let mut p = Vec::new();
    let mut push = |pointer: String, message: String| p.push(Problem { pointer, message });
    let version = a.schema_version.strip_prefix("1.");
    if !version.is_some_and(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit())) {
        push(
            "/schema_version".into(),
            format!("`{}` is not a 1.x version", a.schema_version),
        );
    }
    let sha = &a.source.sha256;
    if sha.len() != 64 || !sha.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        push(
            "/source/sha256".into(),
            format!("`{sha}` is not a lowercase hex SHA-256"),
        );
    }
    // Pointers are built only for a failure: these loops see every record.
    let date = |push: &mut dyn FnMut(String, String), at: &dyn Fn() -> String, d: Option<&str>| {
        if let Some(d) = d.filter(|d| !is_date_form(d)) {
            push(at(), format!("`{d}` is not in the contract's date form"));
        }
    };
    let span = |push: &mut dyn FnMut(String, String), at: &dyn Fn() -> String, s: &Span| {
        if s.line == 0 || s.column == 0 {
            push(
                format!("{}/span", at()),
                "lines and columns count from 1".into(),
            );
        }
    };
    for (i, s) in a.sections.iter().enumerate() {
        span(&mut push, &|| format!("/sections/{i}"), &s.span);
        if s.level == 0 {
            push(format!("/sections/{i}/level"), "levels count from 1".into());
        }
    }
    if let Some(ib) = &a.infobox {
        for (i, f) in ib.fields.iter().enumerate() {
            span(&mut push, &|| format!("/infobox/fields/{i}"), &f.span);
        }
    }
    for (i, e) in a.events.iter().enumerate() {
        date(&mut push, &|| format!("/events/{i}/date"), Some(&e.date));
        date(&mut push, &|| format!("/events/{i}/end"), e.end.as_deref());
        span(&mut push, &|| format!("/events/{i}"), &e.span);
    }
    for (i, m) in a.money.iter().enumerate() {
        let c = m.currency.as_bytes();
        if c.len() != 3 || !c.iter().all(u8::is_ascii_uppercase) {
            push(
                format!("/money/{i}/currency"),
                format!("`{}` is not an ISO 4217 code", m.currency),
            );
        }
        span(&mut push, &|| format!("/money/{i}"), &m.span);
    }
    for (i, c) in a.citations.iter().enumerate() {
        date(
            &mut push,
            &|| format!("/citations/{i}/date"),
            c.date.as_deref(),
        );
        let at = || format!("/citations/{i}/access_date");
        date(&mut push, &at, c.access_date.as_deref());
        span(&mut push, &|| format!("/citations/{i}"), &c.span);
        for (j, u) in c.uses.iter().enumerate() {
            span(&mut push, &|| format!("/citations/{i}/uses/{j}"), u);
        }
    }
    for (i, d) in a.diagnostics.iter().enumerate() {
        span(&mut push, &|| format!("/diagnostics/{i}"), &d.span);
    }
    p
}

/// The contract's date form (the schema's `DATE_PATTERN`): `YYYY`,
/// `YYYY-MM`, `YYYY-MM-DD`, each with an optional leading `-`, or `--MM`,
/// `--MM-DD`. Only the shape: [`parse_iso`] checks the calendar.
fn is_date_form(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: &[u8]| r.iter().all(u8::is_ascii_digit);
    let rest = if let Some(r) = b.strip_prefix(b"--") {
        if r.len() < 2 || !digits(&r[..2]) {
            return false;
        }
        &r[2..]
    } else {
        let y = b.strip_prefix(b"-").unwrap_or(b);
        if y.len() < 4 || !digits(&y[..4]) {
            return false;
        }
        match &y[4..] {
            [] => return true,
            [b'-', m1, m2, r @ ..] if m1.is_ascii_digit() && m2.is_ascii_digit() => r,
            _ => return false,
        }
    };
    match rest {
        [] => true,
        [b'-', d1, d2] => d1.is_ascii_digit() && d2.is_ascii_digit(),
        _ => false,
    }
}

/// Checks that need only the document.
pub fn check_document(a: &Article) -> Vec<Problem> {
    let mut p = Vec::new();
    let mut push = |pointer: String, message: String| p.push(Problem { pointer, message });
    // Document order, as the model promises.
    for (name, starts) in [
        (
            "events",
            a.events.iter().map(|e| e.span.start).collect::<Vec<_>>(),
        ),
        ("money", a.money.iter().map(|m| m.span.start).collect()),
        (
            "citations",
            a.citations.iter().map(|c| c.span.start).collect(),
        ),
        (
            "sections",
            a.sections.iter().map(|s| s.span.start).collect(),
        ),
    ] {
        if let Some(i) = starts.windows(2).position(|w| w[1] < w[0]) {
            push(
                format!("/{name}/{}", i + 1),
                format!(
                    "{name} are not in document order: this one starts before the one before it"
                ),
            );
        }
    }
    for (i, e) in a.events.iter().enumerate() {
        let at = format!("/events/{i}");
        let start = parse_iso(&e.date);
        if start.is_none() {
            push(
                format!("{at}/date"),
                format!("`{}` is not a calendar date", e.date),
            );
        }
        if let Some(end) = &e.end {
            match (start, parse_iso(end)) {
                (_, None) => push(
                    format!("{at}/end"),
                    format!("`{end}` is not a calendar date"),
                ),
                (Some(s), Some(t)) if t < s => push(
                    format!("{at}/end"),
                    format!("range ends ({end}) before it starts ({})", e.date),
                ),
                _ => {}
            }
        }
        for (j, c) in e.citations.iter().enumerate() {
            if *c >= a.citations.len() {
                push(
                    format!("{at}/citations/{j}"),
                    format!("citation index {c} does not exist"),
                );
            }
        }
    }
    for (i, m) in a.money.iter().enumerate() {
        let at = format!("/money/{i}");
        if let (Some(max), Some(min)) = (
            m.max_amount.as_ref().and_then(|n| n.as_f64()),
            m.amount.as_f64(),
        ) {
            if max < min {
                push(
                    format!("{at}/max_amount"),
                    format!("max_amount {max} is below amount {min}"),
                );
            }
        }
        for (j, c) in m.citations.iter().enumerate() {
            if *c >= a.citations.len() {
                push(
                    format!("{at}/citations/{j}"),
                    format!("citation index {c} does not exist"),
                );
            }
        }
    }
    if let Some(ib) = &a.infobox {
        for (i, f) in ib.fields.iter().enumerate() {
            for (list, indices, len) in [
                ("events", &f.events, a.events.len()),
                ("money", &f.money, a.money.len()),
                ("citations", &f.citations, a.citations.len()),
            ] {
                for (j, k) in indices.iter().enumerate() {
                    if *k >= len {
                        push(
                            format!("/infobox/fields/{i}/{list}/{j}"),
                            format!("{list} index {k} does not exist"),
                        );
                    }
                }
            }
        }
    }
    for (i, c) in a.citations.iter().enumerate() {
        for (name, d) in [("date", &c.date), ("access_date", &c.access_date)] {
            if let Some(d) = d {
                if parse_iso(d).is_none() {
                    push(
                        format!("/citations/{i}/{name}"),
                        format!("`{d}` is not a calendar date"),
                    );
                }
            }
        }
    }
    // Paths: each section's path ends with its title, and its parent is the
    // nearest earlier section of lower level.
    let mut stack: Vec<(u8, &str)> = Vec::new();
    for (i, s) in a.sections.iter().enumerate() {
        while stack.last().is_some_and(|(l, _)| *l >= s.level) {
            stack.pop();
        }
        stack.push((s.level, s.title.as_str()));
        let want: Vec<&str> = stack.iter().map(|(_, t)| *t).collect();
        if s.path.iter().map(String::as_str).ne(want.iter().copied()) {
            push(
                format!("/sections/{i}/path"),
                format!(
                    "path {:?} does not agree with the levels of the headings before it (expected {want:?})",
                    s.path
                ),
            );
        }
    }
    p
}

/// Checks that need the article source too: every span inside the input,
/// on character boundaries, and pointing at the record's own text.
pub fn check_spans(a: &Article, src: &str) -> Vec<Problem> {
    let mut p = Vec::new();
    let mut check = |pointer: String, span: &Span, text: Option<&str>| {
        let (s, e) = (span.start as usize, span.end as usize);
        if s > e || e > src.len() {
            p.push(Problem {
                pointer: format!("{pointer}/span"),
                message: format!("span {s}..{e} lies outside the input ({} bytes)", src.len()),
            });
            return;
        }
        if !src.is_char_boundary(s) || !src.is_char_boundary(e) {
            p.push(Problem {
                pointer: format!("{pointer}/span"),
                message: format!("span {s}..{e} does not lie on character boundaries"),
            });
            return;
        }
        if let Some(t) = text {
            if &src[s..e] != t {
                p.push(Problem {
                    pointer: format!("{pointer}/span"),
                    message: format!(
                        "input[{s}..{e}] is {:?}, not the record's text {t:?}",
                        &src[s..e]
                    ),
                });
            }
        }
    };
    for (i, s) in a.sections.iter().enumerate() {
        check(format!("/sections/{i}"), &s.span, None);
    }
    if let Some(ib) = &a.infobox {
        for (i, f) in ib.fields.iter().enumerate() {
            check(format!("/infobox/fields/{i}"), &f.span, None);
        }
    }
    for (i, e) in a.events.iter().enumerate() {
        check(format!("/events/{i}"), &e.span, Some(&e.text));
    }
    for (i, m) in a.money.iter().enumerate() {
        check(format!("/money/{i}"), &m.span, Some(&m.text));
    }
    for (i, c) in a.citations.iter().enumerate() {
        check(format!("/citations/{i}"), &c.span, Some(&c.raw));
    }
    for (i, d) in a.diagnostics.iter().enumerate() {
        check(format!("/diagnostics/{i}"), &d.span, None);
    }
    p
}

/// Parses a contract date string into a comparable, validated value
/// (year, month, day; a missing part is 0), with the date type's own codec.
pub fn parse_iso(s: &str) -> Option<(i32, u8, u8)> {
    DateVal::parse_iso(s).map(|d| d.order_key())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_forms() {
        assert_eq!(parse_iso("1992-01-09"), Some((1992, 1, 9)));
        assert_eq!(parse_iso("2022-07"), Some((2022, 7, 0)));
        assert_eq!(parse_iso("-0263"), Some((-263, 0, 0)));
        assert_eq!(parse_iso("--10-23"), Some((0, 10, 23)));
        assert_eq!(parse_iso("2020-02-30"), None);
        assert_eq!(parse_iso("2020-13"), None);
        assert_eq!(parse_iso("20"), None);
        assert_eq!(parse_iso("2020-"), None);
    }

    #[test]
    fn date_forms_are_the_schema_pattern() {
        for ok in ["1992", "1992-01", "1992-01-09", "-0263", "--10", "--10-23"] {
            assert!(is_date_form(ok), "{ok}");
        }
        for bad in [
            "199",
            "19920",
            "1992-1",
            "1992-01-9",
            "1992-01-09-",
            "--1",
            "--10-2",
            "---10",
            "1992/01",
            "",
            "-",
            "--",
            "1992-01-090",
        ] {
            assert!(!is_date_form(bad), "{bad}");
        }
    }
}
