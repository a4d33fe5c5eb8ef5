//! Amounts written in words: "five million", "one hundred and twenty",
//! "forty-five", "two and a half million", "half a billion", "a quarter of
//! a million", "a thousand".
//!
//! The value is summed in hundredths, so halves and quarters stay exact,
//! the way English builds numbers: units and tens add up, "hundred"
//! multiplies what is below it, and a scale word ("thousand", "million")
//! closes a group.

use crate::decimal::Decimal;
use crate::lexicon::lookup;
use crate::lexicon::numbers::{FRACTION_WORDS, NUMBER_WORDS, scale_of};
use crate::tokens::{Kind, Lower, Tok};

/// The words a number can open with but "a" and "an" (lowercase,
/// sorted): asked at most words of the text, so searched in halves.
static OPENING_WORDS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    let mut v: Vec<&str> = NUMBER_WORDS
        .iter()
        .map(|(w, _)| *w)
        .chain(FRACTION_WORDS.iter().map(|(w, _)| *w))
        .filter(|w| !matches!(*w, "a" | "an"))
        .collect();
    v.sort_unstable();
    v
});

/// A word's shape for [`SHAPES`]: its length and its first and last
/// letters (folded to six bits each).
fn shape(b: &[u8]) -> usize {
    let (Some(first), Some(last)) = (b.first(), b.last()) else {
        return 0;
    };
    let l = |c: &u8| usize::from(c.to_ascii_lowercase() & 0x3f);
    (b.len().min(15) << 12) | (l(first) << 6) | l(last)
}

/// Which shapes a word a number can open with has (and "a", "an").
static SHAPES: std::sync::LazyLock<Vec<bool>> = std::sync::LazyLock::new(|| {
    let mut v = vec![false; 1 << 16];
    for w in OPENING_WORDS.iter().chain(["a", "an"].iter()) {
        v[shape(w.as_bytes())] = true;
    }
    v
});

/// Can a number in words that is an amount start at word `i`? A cheap
/// test for every word of the text: a number word (or "a", "half" before a
/// multiplier), then the number read in full, then a currency after it.
pub(super) fn could_open(toks: &[Tok<'_>], i: usize) -> bool {
    let t = &toks[i];
    // A filter on length, first and last letter: most words of running
    // text ("the", "of", "and") share none of them with a number word.
    if !SHAPES[shape(t.s.as_bytes())] {
        return false;
    }
    let w = Lower::new(t.s);
    let starts = match w.as_str() {
        "a" | "an" => toks.get(i + 1).is_some_and(|n| {
            n.kind == Kind::Word
                && (scale_of(n.s).is_some() || lookup(FRACTION_WORDS, n.s).is_some())
        }),
        other => OPENING_WORDS.binary_search(&other).is_ok(),
    };
    starts
        && word_number(toks, i).is_some_and(|(_, n)| {
            super::parts::suffix_currency(toks, n).is_some()
                || super::parts::scale(toks, n, false)
                    .is_some_and(|(_, m)| super::parts::suffix_currency(toks, m).is_some())
        })
}

/// A number written in words starting at token `i`: its value and the
/// index after it. "a"/"an" count as one only before a multiplier or a
/// fraction ("a million", "a half"), never alone ("a dollar" is not read
/// here).
pub(super) fn word_number(toks: &[Tok<'_>], i: usize) -> Option<(Decimal, usize)> {
    let word = |k: usize| -> Option<Lower> {
        toks.get(k)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| Lower::new(t.s))
    };
    let cardinal = |w: &str| -> Option<u128> {
        match w {
            "a" | "an" => None,
            _ => lookup(NUMBER_WORDS, w).map(|v| v as u128),
        }
    };
    let multiplier = |k: usize| word(k).and_then(|w| scale_of(&w));
    let fraction = |k: usize| word(k).and_then(|w| lookup(FRACTION_WORDS, &w));
    let mut total: u128 = 0;
    let mut group: u128 = 0;
    let mut j = i;
    let mut end = None;
    while let Some(w) = word(j) {
        let w = w.as_str();
        if let Some(mut v) = cardinal(w) {
            // A number goes on only below what it holds: "twenty one",
            // "a hundred and five", not "one two" or "five twenty".
            let below_hundred = (group / 100) % 100;
            let fits =
                below_hundred == 0 || (below_hundred >= 20 && below_hundred % 10 == 0 && v < 10);
            if !fits {
                break;
            }
            j += 1;
            // "forty-five"
            if v >= 20 && v % 10 == 0 {
                let glued = |k: usize| toks.get(k).is_some_and(|t| !t.space_before);
                if toks.get(j).is_some_and(|t| t.s == "-") && glued(j) && glued(j + 1) {
                    if let Some(u) = word(j + 1).and_then(|u| cardinal(&u)).filter(|u| *u < 10) {
                        v += u;
                        j += 2;
                    }
                }
            }
            group += v * 100;
            end = Some(j);
            continue;
        }
        match w {
            // "a hundred", "a million", "a half", "a quarter of a million"
            "a" | "an" if multiplier(j + 1).is_some() => {
                group += 100;
                j += 1;
            }
            "a" | "an" if fraction(j + 1).is_some() => {
                // "two and a half", "a quarter": the fraction adds to the
                // group; "half a billion" is read at "half".
                group += u128::from(fraction(j + 1)?);
                j += 2;
                end = Some(j);
                // "a quarter of a million"
                if word(j).as_deref() == Some("of")
                    && matches!(word(j + 1).as_deref(), Some("a" | "an"))
                    && multiplier(j + 2).is_some()
                {
                    j += 2;
                }
            }
            "half" | "quarter" if end.is_none() => {
                // "half a billion"
                if !matches!(word(j + 1).as_deref(), Some("a" | "an"))
                    || multiplier(j + 2).is_none()
                {
                    break;
                }
                group += u128::from(fraction(j)?);
                j += 2;
            }
            "and" if end.is_some() => {
                // "one hundred and twenty", "two and a half": only where a
                // number goes on after it.
                // "and" joins below a hundred or a scale ("one hundred and
                // twenty", "a thousand and five"), not two numbers ("ten
                // and twenty"), and a fraction to anything.
                let after_round = group % 10_000 == 0 && (group > 0 || total > 0);
                let goes_on = after_round && word(j + 1).is_some_and(|n| cardinal(&n).is_some())
                    || (matches!(word(j + 1).as_deref(), Some("a" | "an"))
                        && fraction(j + 2).is_some());
                if !goes_on {
                    break;
                }
                j += 1;
            }
            _ => match multiplier(j) {
                Some(p) if group > 0 => {
                    let scaled = group.checked_mul(10u128.checked_pow(p as u32)?)?;
                    if p == 2 {
                        // "hundred" multiplies the group and goes on.
                        group = scaled;
                    } else {
                        total = total.checked_add(scaled)?;
                        group = 0;
                    }
                    j += 1;
                    end = Some(j);
                }
                _ => break,
            },
        }
    }
    let end = end?;
    let hundredths = total.checked_add(group)?;
    let value = Decimal::parse(&format!("{}.{:02}", hundredths / 100, hundredths % 100))?;
    Some((value, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn read(s: &str) -> Option<(String, String)> {
        let toks = tokenize(s);
        let (v, end) = word_number(&toks, 0)?;
        Some((v.to_plain_string(), s[..toks[end - 1].end()].to_string()))
    }

    #[test]
    fn numbers_in_words() {
        let want = |v: &str, text: &str| Some((v.to_string(), text.to_string()));
        assert_eq!(read("five million yen"), want("5000000", "five million"));
        assert_eq!(read("ten dollars"), want("10", "ten"));
        assert_eq!(read("a million dollars"), want("1000000", "a million"));
        assert_eq!(
            read("half a billion euros"),
            want("500000000", "half a billion")
        );
        assert_eq!(
            read("one hundred and twenty pounds"),
            want("120", "one hundred and twenty")
        );
        assert_eq!(
            read("two and a half million dollars"),
            want("2500000", "two and a half million")
        );
        assert_eq!(
            read("a quarter of a million dollars"),
            want("250000", "a quarter of a million")
        );
        assert_eq!(read("forty-five cents"), want("45", "forty-five"));
        assert_eq!(read("thirteen dollars"), want("13", "thirteen"));
        assert_eq!(
            read("three hundred thousand dollars"),
            want("300000", "three hundred thousand")
        );
        assert_eq!(
            read("one million two hundred thousand"),
            want("1200000", "one million two hundred thousand")
        );
        assert_eq!(read("a dollar"), None);
        assert_eq!(read("an apple"), None);
        assert_eq!(read("one two"), want("1", "one"));
        assert_eq!(read("twenty one dollars"), want("21", "twenty one"));
        assert_eq!(read("half the cost"), None);
        assert_eq!(read("ten and"), want("10", "ten"));
        assert_eq!(read("ten and twenty dollars"), want("10", "ten"));
        assert_eq!(
            read("a thousand and five"),
            want("1005", "a thousand and five")
        );
    }
}
