//! The calendar's words: months in every language the dates read,
//! weekdays, seasons.
//!
//! Month tables are `(name, number)` pairs compared ignoring ASCII case;
//! English abbreviations are rows of [`MONTHS`] so that "Sept. 3" and
//! "September 3" go through one matcher.

/// English months and their abbreviations (the abbreviations last: see
/// [`MONTH_ABBREVIATIONS`]).
pub const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// The abbreviations among [`MONTHS`] ("Aug", "Sept"): the sentence
/// splitter does not end a sentence at "Aug." when a number follows.
pub fn month_abbreviations() -> impl Iterator<Item = &'static str> {
    MONTHS.iter().skip(12).map(|(w, _)| *w)
}

/// The English name of month `m` (1-based), capitalised as written:
/// what date templates render.
pub fn month_name(m: u8) -> Option<&'static str> {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES.get(usize::from(m).checked_sub(1)?).copied()
}

/// A month named in full or by any prefix of three letters or more
/// ("May", "Sept", "december"), as date templates take their month
/// argument.
pub fn month_by_prefix(s: &str) -> Option<u8> {
    if s.len() < 3 || !s.is_ascii() {
        return None;
    }
    (1..=12u8).find(|&m| {
        month_name(m).is_some_and(|n| n.len() >= s.len() && n[..s.len()].eq_ignore_ascii_case(s))
    })
}

pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Seasons, as "summer of 1964" and "the following spring" name them.
pub const SEASONS: &[&str] = &["spring", "summer", "autumn", "fall", "winter"];

/// Month names of the other big Wikipedias' languages (German, French,
/// Spanish, Italian, Portuguese, Dutch and Afrikaans, the Scandinavian
/// languages), for the date matcher's whole foreign dates and for the
/// dates of citations. Compared ignoring ASCII case.
pub const FOREIGN_MONTHS: &[(&str, u8)] = &[
    ("januar", 1),
    ("jänner", 1),
    ("janvier", 1),
    ("enero", 1),
    ("gennaio", 1),
    ("janeiro", 1),
    ("januari", 1),
    ("januarie", 1),
    ("februar", 2),
    ("février", 2),
    ("febrero", 2),
    ("febbraio", 2),
    ("fevereiro", 2),
    ("februari", 2),
    ("februarie", 2),
    ("märz", 3),
    ("mars", 3),
    ("marzo", 3),
    ("março", 3),
    ("maart", 3),
    ("avril", 4),
    ("abril", 4),
    ("aprile", 4),
    ("mai", 5),
    ("mayo", 5),
    ("maggio", 5),
    ("maio", 5),
    ("mei", 5),
    ("juni", 6),
    ("junie", 6),
    ("juin", 6),
    ("junio", 6),
    ("giugno", 6),
    ("junho", 6),
    ("juli", 7),
    ("julie", 7),
    ("juillet", 7),
    ("julio", 7),
    ("luglio", 7),
    ("julho", 7),
    ("août", 8),
    ("agosto", 8),
    ("augustus", 8),
    ("augusti", 8),
    ("septembre", 9),
    ("septiembre", 9),
    ("setiembre", 9),
    ("settembre", 9),
    ("setembro", 9),
    ("oktober", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("ottobre", 10),
    ("outubro", 10),
    ("novembre", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("dezember", 12),
    ("décembre", 12),
    ("diciembre", 12),
    ("dicembre", 12),
    ("dezembro", 12),
    ("desember", 12),
];

/// Is `w` a month's name, in English or one of the languages
/// [`FOREIGN_MONTHS`] holds? For the sentence splitter: "am 19. Oktober"
/// does not end a sentence at "19.".
pub fn is_month_name(w: &str) -> bool {
    super::lookup(MONTHS, w).is_some() || super::lookup(FOREIGN_MONTHS, w).is_some()
}

/// Holidays on a fixed day, as tokens (`'` stands for either apostrophe),
/// with their month and day; longest first, so "Christmas Day" is read
/// before "Christmas". The first word is matched as written.
pub const HOLIDAYS: &[(&[&str], u8, u8)] = &[
    (&["New", "Year", "'", "s", "Day"], 1, 1),
    (&["New", "Year", "'", "s", "Eve"], 12, 31),
    (&["Christmas", "Eve"], 12, 24),
    (&["Christmas", "Day"], 12, 25),
    (&["Christmas"], 12, 25),
];
