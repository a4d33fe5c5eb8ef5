//! Numbers written as words, and the scale words and abbreviations that
//! multiply an amount.

use crate::tokens::Lower;

/// Cardinal numbers as words ("two days later"); "a" and "an" are one.
pub const NUMBER_WORDS: &[(&str, i32)] = &[
    ("a", 1),
    ("an", 1),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// Fractions that money is written with ("two and a half million", "half a
/// billion", "a quarter of a million"), in hundredths.
pub const FRACTION_WORDS: &[(&str, u32)] = &[("half", 50), ("quarter", 25)];

/// Ordinals as words ("the nineteenth century").
pub const ORDINAL_WORDS: &[(&str, i32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("twenty-first", 21),
];

/// Scale words and abbreviations with their power of ten. Case matters for
/// the one-letter forms: `M` and `m` are millions, `B` and `bn` billions,
/// `k` and `K` thousands.
pub fn scale_of(w: &str) -> Option<i32> {
    // Words in any case ("Million" in titles); abbreviations as written,
    // where case tells "M" (million) from "m" in other senses no less.
    if w.len() > 3 {
        return Some(match Lower::new(w).as_str() {
            "hundred" => 2,
            "thousand" => 3,
            "million" | "millions" => 6,
            "billion" | "billions" => 9,
            "trillion" | "trillions" => 12,
            // The Indian numbering system: a lakh is 10^5, a crore 10^7.
            "lakh" | "lakhs" => 5,
            "crore" | "crores" => 7,
            _ => return None,
        });
    }
    Some(match w {
        "k" | "K" => 3,
        "m" | "M" | "mn" | "mln" | "MM" => 6,
        "bn" | "B" | "b" | "bln" => 9,
        "tn" | "T" | "tr" => 12,
        "cr" => 7,
        // German and Dutch: "3 Mio. €", "1,5 Mrd.".
        "Mio" | "mio" => 6,
        "Mrd" | "mrd" => 9,
        _ => return None,
    })
}

/// The unit argument of `{{INRConvert|amount|unit}}`, as its documentation
/// spells the units ("c" crore, "l" or "lac" lakh, "lc" lakh crore), with
/// its power of ten; the scale words above in full as well.
pub fn inr_template_unit(code: &str) -> Option<i32> {
    Some(match code {
        "c" => 7,
        "l" | "lac" => 5,
        "lc" | "lakh crore" => 12,
        "b" => 9,
        "t" => 12,
        "thousand" | "million" | "billion" | "trillion" | "lakh" | "crore" | "k" | "m" | "bn"
        | "cr" => scale_of(code)?,
        _ => return None,
    })
}
