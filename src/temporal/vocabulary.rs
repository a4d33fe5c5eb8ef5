//! The date recogniser's own context words (what makes a number a count,
//! an address or a date) and the trigger filter derived from the matcher
//! table. Months, weekdays and number words are the lexicon's.

use std::sync::LazyLock;

use super::matchers::MATCHERS;
use crate::tokens::{Kind, Tok};

/// Words after which a lone month or a bare year reads as a date.
pub(super) const DATE_PREPOSITIONS: &[&str] = &[
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
pub(super) const NUMBER_BLOCKERS: &[&str] = &[
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
pub(super) const COUNT_NOUNS: &[&str] = &[
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
    // Units {{convert}} writes after its number ("1680 mi").
    "mi",
    "nmi",
    "sqmi",
    "mph",
    "ha",
    "yd",
    "oz",
    "lbs",
    "hp",
    "kW",
    "MW",
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
pub(super) const PRODUCT_NAMES: &[&str] = &["Windows", "Server", "Office", "Studio", "SQL"];

/// Words that end a street address after its number.
pub(super) const STREET_TYPES: &[&str] = &[
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
pub(super) const YEAR_PLURAL_OK: &[&str] = &[
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

/// Words that open an identifier whose digits are never dates (ISBNs,
/// DOIs, URLs): the scan skips past them.
pub(super) const IDENTIFIER_WORDS: &[&str] = &["isbn", "issn", "doi", "http", "https", "www"];

/// Words that open a relative expression besides a number ("the
/// following year", "later in the year").
pub(super) const RELATIVE_OPENERS: &[&str] =
    &["the", "that", "this", "later", "late", "earlier", "early"];

/// An era written before its year ("AD 79", "A.D. 79").
pub(super) const ERA_BEFORE: &[&str] = &["ad", "ce", "a"];

/// A quarter or half written as a code ("Q3 2019", "H1 2020").
pub(super) const PERIOD_CODES: &[&str] = &["q", "h"];

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

/// The trigger filter: every word some matcher can open with, or an
/// identifier to skip. Derived from the matcher table, so a new matcher's
/// words are never left out of a hand-kept list.
struct Triggers {
    /// Sorted, deduplicated [`word_key`]s.
    keys: Vec<u64>,
    /// For each first byte, a bit per length: is there a trigger word of
    /// that first letter (either case) and length? One look-up turns away
    /// most words before the binary search.
    shapes: [u16; 256],
}

static TRIGGERS: LazyLock<Triggers> = LazyLock::new(|| {
    let mut keys = Vec::new();
    let mut shapes = [0u16; 256];
    for w in trigger_words() {
        let b = w.as_bytes();
        keys.push(word_key(b));
        if b.len() < 16 {
            shapes[b[0].to_ascii_lowercase() as usize] |= 1 << b.len();
            shapes[b[0].to_ascii_uppercase() as usize] |= 1 << b.len();
        }
    }
    keys.sort_unstable();
    keys.dedup();
    Triggers { keys, shapes }
});

/// Every word that can open a match (in any case: the filter ignores it;
/// a hyphenated word is several tokens and opens with its first, listed
/// on its own).
pub(super) fn trigger_words() -> impl Iterator<Item = &'static str> {
    MATCHERS
        .iter()
        .flat_map(|m| m.opens.iter().flat_map(|w| w.words()))
        .chain(IDENTIFIER_WORDS.iter().copied())
        .filter(|w| !w.contains('-'))
}

/// Can a matcher start at this token? A cheap filter: numbers, apostrophes
/// (`'90s`) and the few words that open a date, so most tokens of running
/// text are passed over without trying any matcher.
pub(super) fn could_start(t: &Tok<'_>) -> bool {
    match t.kind {
        Kind::Num => true,
        Kind::Punct => matches!(t.s, "'" | "’"),
        Kind::Word => {
            let b = t.s.as_bytes();
            let triggers = &*TRIGGERS;
            b.len() < 16
                && triggers.shapes[b[0] as usize] & (1 << b.len()) != 0
                && triggers.keys.binary_search(&word_key(b)).is_ok()
        }
    }
}
