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

use crate::tokens::{Tok, tokenize};

mod matchers;
mod primitives;
mod ranges;
mod relative;
mod value;
mod vocabulary;

use matchers::match_at;
use primitives::skip_identifier;
use ranges::{join_ranges, qualify};
pub use value::{DateVal, Mention, Precision, Qualifier, Relative};
use vocabulary::could_start;

/// All temporal expressions of `text`, in order, not overlapping.
pub fn find(text: &str) -> Vec<Mention> {
    find_in(text, &tokenize(text))
}

/// `find` over tokens already made from `text` (shared with the money
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

/// The longest text [`parse_date`] reads as one date, in bytes: "Wednesday,
/// the 12th of September 2012" is 36; a longer string holds more than a
/// date.
pub const MAX_DATE_TEXT: usize = 100;

/// Parses a whole string as one date ("12 May 2024", "2019", "May 2020",
/// "2020-05-12"): for citation fields. Returns `None` unless one expression
/// with a year covers the string's non-punctuation text.
pub fn parse_date(s: &str) -> Option<DateVal> {
    let s = s
        .trim()
        .trim_matches(|c: char| c == '(' || c == ')' || c == '.' || c == ',');
    // No one date is written longer; the citation parser tries the text
    // after every separator of a field, and tokenising each of those
    // suffixes whole made a long field cost its length squared.
    if s.len() > MAX_DATE_TEXT {
        return None;
    }
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

#[cfg(test)]
mod tests;

#[cfg(test)]
mod table_tests {
    use super::matchers::MATCHERS;
    use super::vocabulary::trigger_words;
    use crate::lexicon::calendar::{MONTHS, WEEKDAYS};
    use crate::lexicon::numbers::{NUMBER_WORDS, ORDINAL_WORDS};
    use crate::tokens::tokenize;
    use crate::{Config, process_article};

    /// The derived filter holds the vocabulary the matchers read, so no
    /// matcher is silently never tried.
    #[test]
    fn trigger_words_cover_the_vocabulary() {
        let triggers: Vec<String> = trigger_words().map(str::to_lowercase).collect();
        let vocab = MONTHS
            .iter()
            .map(|(w, _)| *w)
            .chain(WEEKDAYS.iter().copied())
            .chain(ORDINAL_WORDS.iter().map(|(w, _)| *w))
            .chain(NUMBER_WORDS.iter().map(|(w, _)| *w))
            .filter(|w| !w.contains('-'));
        for w in vocab {
            assert!(triggers.iter().any(|t| t == w), "{w} missing");
        }
    }

    /// Every matcher reads its own example where it stands, and that
    /// expression comes out of the whole pipeline as an event.
    #[test]
    fn every_matcher_fires_on_its_example() {
        for m in MATCHERS {
            let (sentence, expr) = m.example;
            let toks = tokenize(sentence);
            // A matcher may start before its expression ("the 20th"
            // reads "the" and reports "20th").
            let fired = (0..toks.len()).any(|i| {
                (m.run)(sentence, &toks, i)
                    .is_some_and(|(_, found)| &sentence[found.range.clone()] == expr)
            });
            assert!(fired, "{}: does not read {expr:?} in {sentence:?}", m.name);
            // A reference date, for the forms told from the day of writing.
            let config = Config {
                reference_date: Some(jiff::civil::date(2013, 6, 14)),
                ..Config::default()
            };
            let article = process_article(sentence, &config);
            assert!(
                article.events.iter().any(|e| e.text == expr),
                "{}: {expr:?} not an event of {sentence:?}: {:?}",
                m.name,
                article.events.iter().map(|e| &e.text).collect::<Vec<_>>()
            );
        }
    }

    /// Matcher names are unique: a test failure names one row.
    #[test]
    fn matcher_names_are_unique() {
        let mut names: Vec<&str> = MATCHERS.iter().map(|m| m.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), MATCHERS.len());
    }
}
