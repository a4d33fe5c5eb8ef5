//! Sentence segmentation of running text.
//!
//! A sentence ends at `.`, `!`, `?` or an ellipsis (with any closing quotes
//! or brackets after it), followed by white space and something that can
//! start a sentence. The full stop of an abbreviation ("Mr.", "St.", "e.g.",
//! "No. 5", "Aug. 14"), an initial ("J. Smith") or a dotted acronym ("U.S.
//! Defense Secretary") does not end a sentence unless the next word is one
//! that typically opens a sentence ("U.S. The …" does split).

use std::ops::Range;

use crate::lexicon::calendar;

/// Abbreviations whose full stop never ends a sentence (lowercase, without
/// the final dot).
const ALWAYS_ABBREV: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "col", "lt", "sgt", "capt", "maj",
    "adm", "gov", "sen", "rep", "rev", "hon", "pres", "mt", "ft", "vs", "cf", "e.g", "i.e",
    "approx", "ca", "c", "fig", "vol", "vols", "ed", "eds", "pp", "p", "op", "cit", "ibid", "al",
    "inc", "ltd", "corp", "co", "bros", "dept", "univ", "assn", "est", "gov't", "cdr", "cmdr",
    "brig", "pvt", "cpl", "messrs", "mme", "mlle",
];

/// Abbreviations that do not end a sentence when a number follows
/// ("No. 5", "Aug. 14"), but may end one otherwise.
/// The months' abbreviations ("Aug. 14") are the calendar's, asked of the
/// lexicon.
const NUMERIC_ABBREV: &[&str] = &["no", "nos", "art", "sec", "ch", "para", "nr", "rs"];

/// Words that typically open a sentence: after an acronym or initial, one
/// of these means the full stop did end the sentence.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Their",
    "Its",
    "After",
    "Before",
    "During",
    "When",
    "While",
    "However",
    "But",
    "And",
    "As",
    "By",
    "For",
    "From",
    "Since",
    "Following",
    "Later",
    "Meanwhile",
    "Although",
    "Despite",
    "With",
    "Many",
    "Some",
    "Most",
    "Both",
    "Several",
];

const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '»'];

/// The bytes that may end a sentence: `.` `!` `?` and the lead byte of `…`.
const TERMINATORS: crate::bytes::ByteSet = crate::bytes::ByteSet::new(b".!?\xE2");

/// Byte ranges of the sentences of `text`, trimmed, in order. Covers every
/// non-space character of `text`.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Jump to the next possible terminator: an ASCII `.` `!` `?`, or the
        // lead byte 0xE2 of `…` (a lead byte is always a char boundary, and
        // continuation bytes never match, so `i` stays usable for slicing
        // whenever it is used for slicing below).
        let Some(at) = TERMINATORS.find(bytes, i) else {
            break;
        };
        i = at;
        let b = bytes[i];
        if b == 0xE2 && !text[i..].starts_with('…') {
            i += 1;
            continue;
        }
        // Extend over repeated terminators and closing quotes/brackets.
        let mut j = i + if b < 0x80 { 1 } else { '…'.len_utf8() };
        while j < bytes.len() {
            let c = text[j..].chars().next().unwrap_or(' ');
            if matches!(c, '.' | '!' | '?' | '…') || CLOSERS.contains(&c) {
                j += c.len_utf8();
            } else {
                break;
            }
        }
        // Must be followed by white space, then a sentence start.
        let after = &text[j..];
        let ws = after.len() - after.trim_start().len();
        if ws == 0 && j < bytes.len() {
            i = j;
            continue;
        }
        let next = after.trim_start();
        if j < bytes.len() && (!starts_sentence(next) || !ends_here(text, start, i, b, next)) {
            i = j;
            continue;
        }
        push_trimmed(text, start, j, &mut out);
        start = j;
        i = j;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    if !t.is_empty() {
        out.push(start + lead..start + lead + t.len());
    }
}

/// Can `next` open a sentence? An uppercase letter, a digit, or an opening
/// quote or bracket.
fn starts_sentence(next: &str) -> bool {
    match next.chars().next() {
        Some(c) => {
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[')
        }
        None => false,
    }
}

/// Decides whether the terminator at `dot` (inside the sentence that began
/// at `start`) ends the sentence, given the text that follows.
fn ends_here(text: &str, start: usize, dot: usize, term: u8, next: &str) -> bool {
    if term != b'.' {
        return true;
    }
    // An ellipsis ("...") before a capital is a sentence end.
    if text[..dot].ends_with("..") {
        return true;
    }
    let word = word_before(&text[start..dot]);
    if word.is_empty() {
        return true;
    }
    // A German or Scandinavian ordinal day: "am 19. Oktober 2005".
    if word.len() <= 2 && word.bytes().all(|b| b.is_ascii_digit()) {
        let month = next
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        if calendar::is_month_name(month) {
            return false;
        }
    }
    // The abbreviation lists are ASCII: an ASCII lowercase on the stack
    // compares the same as a full one.
    let lower = crate::tokens::Lower::new(word);
    let bare = lower.trim_end_matches('.');
    if ALWAYS_ABBREV.contains(&bare) {
        return false;
    }
    let next_is_number = next.starts_with(|c: char| c.is_ascii_digit());
    if next_is_number
        && (NUMERIC_ABBREV.contains(&bare) || calendar::month_abbreviations().any(|m| m == bare))
    {
        return false;
    }
    // Initials ("J.") and dotted acronyms ("U.S", "U.N"): the stop ends the
    // sentence only if a typical sentence opener follows.
    let is_initial = word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase());
    let is_acronym = word.contains('.')
        && word
            .split('.')
            .all(|p| p.chars().count() <= 2 && p.chars().all(char::is_alphabetic));
    if is_initial || is_acronym {
        let next_word: &str = next
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        return SENTENCE_STARTERS.contains(&next_word);
    }
    true
}

/// The word (letters, digits, inner dots and apostrophes) right before a
/// full stop.
fn word_before(s: &str) -> &str {
    let start = s
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '.' || *c == '\'')
        .last()
        .map_or(s.len(), |(i, _)| i);
    s[start..].trim_start_matches('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        sentences(t).into_iter().map(|r| &t[r]).collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        let cases: &[(&str, usize)] = &[
            (
                "On 23 October, U.S. Defense Secretary Lloyd Austin confirmed it. Zelenskyy spoke.",
                2,
            ),
            ("The U.N. Security Council met. It voted.", 2),
            (
                "Mr. Smith and Dr. Jones went to St. Petersburg. They stayed.",
                2,
            ),
            ("Several states, e.g. Peru, agreed. Others refused.", 2),
            ("He lived at No. 5 Main Street. Later he moved.", 2),
            ("On Aug. 14 the talks began. They ended in Jan. 1993.", 2),
            ("Growth was 3.5 percent. It fell.", 2),
            ("He said \"we will go.\" Then he left.", 2),
            ("They waited... Nothing happened.", 2),
            ("J. R. R. Tolkien wrote it. He was British.", 2),
            ("It was signed by the U.S. The treaty held.", 2),
            ("(This is bracketed.) Next one.", 2),
            ("Where? Here! Now.", 3),
            ("Am 19. Oktober 2005 kam er. Er blieb.", 2),
            ("They paid Rs. 500 crore. It rose.", 2),
            ("He won in 1990. October was cold.", 2),
        ];
        for (text, n) in cases {
            let got = split(text);
            assert_eq!(got.len(), *n, "{text:?} → {got:?}");
        }
    }

    #[test]
    fn keeps_the_closing_quote() {
        assert_eq!(
            split("He said \"yes.\" Then left."),
            ["He said \"yes.\"", "Then left."]
        );
    }

    #[test]
    fn lowercase_after_stop_does_not_split() {
        assert_eq!(split("approx. ten men. Then"), ["approx. ten men.", "Then"]);
        assert_eq!(split("a.b c. d"), ["a.b c. d"]);
    }
}
