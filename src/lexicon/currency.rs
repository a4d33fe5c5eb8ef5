//! Currencies: every way a text names one, in one table.
//!
//! The money recogniser reads amounts with these names, symbols and
//! prefixes; the date recogniser refuses a year glued to any of the same
//! symbols (`₺2015` is money, not a year); the template renderer shows a
//! currency template's amount with its symbol; the money extractor knows
//! which dollar an article has named. All of them ask this module, so what
//! one knows the others know.
//!
//! Names come from two places: the ISO 4217 table of the `iso_currency`
//! crate ("Namibian dollar", "Qatari riyal"), with their plurals, and the
//! hand-written [`CURRENCIES`] rows for what that table lacks: symbols,
//! `US$`-style prefixes, the short names people write ("euros",
//! "hryvnias"), templates, and the ambiguous words whose currency the
//! article decides ("dollars", "pounds").

use std::collections::HashMap;
use std::sync::LazyLock;

use iso_currency::IntoEnumIterator;

use crate::tokens::{Lower, tokenize};

/// The currency as the text gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Currency {
    /// Fixed by the text: a code, a prefixed symbol (`US$`), a name.
    Code(&'static str),
    /// A bare `$` or "dollars": the article's dollar, USD by default.
    Dollar,
    /// `¥`: yen, unless the article speaks of yuan.
    Yen,
    /// `₩`: South Korean won, unless the article speaks of North Korean won.
    Won,
    /// A name or sign several countries' currencies share ("Rs.",
    /// "francs", "pesos", "kr"): the country the sentence or the article
    /// names decides, else the table's default.
    ByCountry(&'static Shared),
    /// The word "pounds" alone: sterling where the paragraph speaks of
    /// money, else a weight ("the supply (2 million pounds)").
    Pounds,
}

/// A name or sign that several currencies share, and how to tell them
/// apart: the countries (or their adjectives) that name each.
#[derive(Debug, PartialEq, Eq)]
pub struct Shared {
    pub countries: &'static [(&'static str, &'static str)],
    /// The most likely reading where no country is named.
    pub default: &'static str,
}

/// "Rs.", "rupees": India last, as it is also the default.
pub static RUPEES: Shared = Shared {
    countries: &[
        ("Pakistan", "PKR"),
        ("Sri Lanka", "LKR"),
        ("Nepal", "NPR"),
        ("Mauritius", "MUR"),
        ("Seychelles", "SCR"),
        ("India", "INR"),
    ],
    default: "INR",
};

/// "francs": by default the French franc of history articles.
pub static FRANCS: Shared = Shared {
    countries: &[
        ("Switzerland", "CHF"),
        ("Swiss", "CHF"),
        ("Belgium", "BEF"),
        ("Belgian", "BEF"),
        ("Luxembourg", "LUF"),
        ("Congo", "CDF"),
        ("Rwanda", "RWF"),
        ("Burundi", "BIF"),
        ("Guinea", "GNF"),
        ("Djibouti", "DJF"),
        ("France", "FRF"),
        ("French", "FRF"),
    ],
    default: "FRF",
};

/// "pesos": the Mexican peso unless another country is named.
pub static PESOS: Shared = Shared {
    countries: &[
        ("Argentin", "ARS"),
        ("Chile", "CLP"),
        ("Colombia", "COP"),
        ("Philippin", "PHP"),
        ("Filipino", "PHP"),
        ("Cuba", "CUP"),
        ("Uruguay", "UYU"),
        ("Dominican", "DOP"),
        ("Mexic", "MXN"),
    ],
    default: "MXN",
};

/// "dinars".
pub static DINARS: Shared = Shared {
    countries: &[
        ("Serbia", "RSD"),
        ("Algeria", "DZD"),
        ("Kuwait", "KWD"),
        ("Jordan", "JOD"),
        ("Tunisia", "TND"),
        ("Libya", "LYD"),
        ("Bahrain", "BHD"),
        ("Iraq", "IQD"),
    ],
    default: "IQD",
};

/// "riyals" and "rials".
pub static RIYALS: Shared = Shared {
    countries: &[
        ("Qatar", "QAR"),
        ("Oman", "OMR"),
        ("Yemen", "YER"),
        ("Iran", "IRR"),
        ("Saudi", "SAR"),
    ],
    default: "SAR",
};

/// "kr" and "kroner": the Scandinavian crowns.
pub static CROWNS: Shared = Shared {
    countries: &[
        ("Norw", "NOK"),
        ("Denmark", "DKK"),
        ("Danish", "DKK"),
        ("Iceland", "ISK"),
        ("Swed", "SEK"),
    ],
    default: "SEK",
};

/// "lira": the Turkish lira today, the Italian one in Italy's history.
pub static LIRAS: Shared = Shared {
    countries: &[("Ital", "ITL"), ("Malt", "MTL"), ("Turk", "TRY")],
    default: "TRY",
};

/// What the recognisers know of one currency beyond the ISO table.
pub struct Row {
    /// ISO 4217 code.
    pub code: &'static str,
    /// Symbols that name this currency wherever they stand (`€`).
    pub symbols: &'static [&'static str],
    /// Letters glued before `$` that name this dollar (`US` of `US$`).
    pub dollar_prefixes: &'static [&'static str],
    /// Names as written after a number, lowercase, every inflection, beyond
    /// the ISO name and its plural ("us dollars", "euros").
    pub names: &'static [&'static str],
    /// Templates (lowercase names) that show an amount in this currency,
    /// and the symbol they show it with.
    pub templates: &'static [&'static str],
    pub shown_as: &'static str,
    /// Signs written as letters, before or after the number ("30 zł",
    /// "DM 5 million", "500 руб.").
    pub signs: &'static [&'static str],
}

const fn row(code: &'static str) -> Row {
    Row {
        code,
        symbols: &[],
        dollar_prefixes: &[],
        names: &[],
        templates: &[],
        shown_as: "",
        signs: &[],
    }
}

/// The hand-kept rows. A row lists only what the ISO table lacks; its
/// order is the order names are tried in when two spell the same words.
pub const CURRENCIES: &[Row] = &[
    Row {
        symbols: &[],
        dollar_prefixes: &["US", "U.S."],
        names: &[
            "us dollars",
            "us dollar",
            "u.s. dollars",
            "american dollars",
            "united states dollars",
        ],
        templates: &["us$", "usd", "us dollar"],
        shown_as: "US$",
        ..row("USD")
    },
    Row {
        dollar_prefixes: &["A", "AU"],
        names: &["australian dollars"],
        templates: &["aud", "a$"],
        shown_as: "A$",
        ..row("AUD")
    },
    Row {
        dollar_prefixes: &["C", "CA", "CAN"],
        names: &["canadian dollars"],
        templates: &["cad", "c$"],
        shown_as: "C$",
        ..row("CAD")
    },
    Row {
        dollar_prefixes: &["HK"],
        names: &["hong kong dollars"],
        templates: &["hk$", "hkd"],
        shown_as: "HK$",
        ..row("HKD")
    },
    Row {
        dollar_prefixes: &["NZ"],
        names: &["new zealand dollars"],
        templates: &["nz$", "nzd"],
        shown_as: "NZ$",
        ..row("NZD")
    },
    Row {
        dollar_prefixes: &["S", "SG"],
        names: &["singapore dollars"],
        ..row("SGD")
    },
    Row {
        dollar_prefixes: &["NT"],
        names: &["taiwan dollars", "new taiwan dollars"],
        ..row("TWD")
    },
    Row {
        dollar_prefixes: &["R"],
        ..row("BRL")
    },
    Row {
        dollar_prefixes: &["Mex"],
        ..row("MXN")
    },
    Row {
        symbols: &["£"],
        names: &["pounds sterling", "pound sterling", "british pounds"],
        templates: &["gbp", "£", "pound sterling"],
        shown_as: "£",
        ..row("GBP")
    },
    Row {
        names: &["swiss francs"],
        ..row("CHF")
    },
    Row {
        names: &["north korean won"],
        ..row("KPW")
    },
    Row {
        names: &["south korean won", "won"],
        templates: &["krw", "₩"],
        shown_as: "₩",
        ..row("KRW")
    },
    Row {
        symbols: &["₹"],
        names: &["indian rupees"],
        templates: &["inr", "₹", "indian rupee"],
        shown_as: "₹",
        ..row("INR")
    },
    Row {
        names: &["pakistani rupees"],
        ..row("PKR")
    },
    Row {
        symbols: &["₺"],
        names: &["turkish lira"],
        ..row("TRY")
    },
    Row {
        names: &["chinese yuan", "yuan", "renminbi", "rmb"],
        signs: &["元"],
        ..row("CNY")
    },
    Row {
        names: &["japanese yen", "yen"],
        signs: &["円"],
        templates: &["jpy", "yen", "¥"],
        shown_as: "¥",
        ..row("JPY")
    },
    Row {
        symbols: &["₽"],
        names: &["russian rubles", "rubles", "roubles", "ruble", "rouble"],
        signs: &["руб"],
        templates: &["rub", "₽"],
        shown_as: "₽",
        ..row("RUB")
    },
    Row {
        symbols: &["€"],
        names: &["euros", "euro"],
        templates: &["€", "eur", "euro"],
        shown_as: "€",
        ..row("EUR")
    },
    Row {
        symbols: &["₴"],
        names: &["hryvnias", "hryvnia", "hryvnas", "hryvnya"],
        templates: &["uah", "₴"],
        shown_as: "₴",
        ..row("UAH")
    },
    Row {
        symbols: &["₪"],
        names: &["shekels"],
        ..row("ILS")
    },
    Row {
        names: &["zlotys", "zloty"],
        signs: &["zł"],
        ..row("PLN")
    },
    Row {
        signs: &["Kč"],
        ..row("CZK")
    },
    Row {
        signs: &["Ft"],
        ..row("HUF")
    },
    // Currencies of history, which the ISO table no longer holds: their
    // codes are the withdrawn ISO 4217 ones.
    Row {
        names: &["french francs", "french franc"],
        ..row("FRF")
    },
    Row {
        names: &["belgian francs", "belgian franc"],
        ..row("BEF")
    },
    Row {
        names: &["luxembourg francs", "luxembourgish francs"],
        ..row("LUF")
    },
    Row {
        names: &[
            "deutsche marks",
            "deutsche mark",
            "deutschmarks",
            "deutschmark",
            "german marks",
            "d-marks",
        ],
        signs: &["DM"],
        ..row("DEM")
    },
    Row {
        names: &["italian lire", "italian lira", "lire"],
        ..row("ITL")
    },
    Row {
        names: &["spanish pesetas", "pesetas", "peseta"],
        ..row("ESP")
    },
    Row {
        names: &["dutch guilders", "guilders", "guilder"],
        ..row("NLG")
    },
    Row {
        names: &["portuguese escudos"],
        ..row("PTE")
    },
    Row {
        names: &["greek drachmas", "drachmas", "drachmae", "drachma"],
        ..row("GRD")
    },
    Row {
        names: &["austrian schillings", "schillings"],
        ..row("ATS")
    },
    Row {
        names: &["finnish markka", "finnish markkaa", "markkaa", "markka"],
        ..row("FIM")
    },
    Row {
        // Not "punts": American football has more of them than Ireland.
        names: &["irish pounds", "irish pound"],
        ..row("IEP")
    },
    Row {
        names: &["ecus", "ecu", "european currency units"],
        ..row("XEU")
    },
    Row {
        names: &[
            "soviet roubles",
            "soviet rubles",
            "soviet rouble",
            "soviet ruble",
        ],
        ..row("SUR")
    },
    Row {
        names: &["kronor", "swedish krona", "swedish kronor"],
        ..row("SEK")
    },
    Row {
        names: &["rand"],
        ..row("ZAR")
    },
    Row {
        symbols: &["₱"],
        ..row("PHP")
    },
    Row {
        symbols: &["₦"],
        ..row("NGN")
    },
    Row {
        symbols: &["₫"],
        ..row("VND")
    },
    Row {
        symbols: &["฿"],
        ..row("THB")
    },
];

/// Symbols whose currency the article decides, not the text: `₩` in
/// running text may be the North's won (its template is the South's).
const AMBIGUOUS_SYMBOLS: &[(&str, Currency)] = &[
    ("$", Currency::Dollar),
    ("¥", Currency::Yen),
    ("₩", Currency::Won),
];

/// Names after a number whose currency the article decides.
const AMBIGUOUS_NAMES: &[(&str, Currency)] = &[
    ("dollars", Currency::Dollar),
    ("dollar", Currency::Dollar),
    ("pounds", Currency::Pounds),
    // Colloquial: "ten bucks" (not "the Bucks", a team: the recogniser
    // reads these two in lowercase only), "a few quid".
    ("bucks", Currency::Dollar),
    ("quid", Currency::Code("GBP")),
    ("rupees", Currency::ByCountry(&RUPEES)),
    ("rupee", Currency::ByCountry(&RUPEES)),
    ("francs", Currency::ByCountry(&FRANCS)),
    ("franc", Currency::ByCountry(&FRANCS)),
    ("pesos", Currency::ByCountry(&PESOS)),
    ("dinars", Currency::ByCountry(&DINARS)),
    ("riyals", Currency::ByCountry(&RIYALS)),
    ("rials", Currency::ByCountry(&RIYALS)),
    ("kroner", Currency::ByCountry(&CROWNS)),
    ("lira", Currency::ByCountry(&LIRAS)),
];

/// Colloquial names read only as written in lowercase.
pub const LOWERCASE_ONLY: &[&str] = &["bucks", "quid"];

/// Signs written as letters that several currencies share.
const AMBIGUOUS_SIGNS: &[(&str, Currency)] = &[("kr", Currency::ByCountry(&CROWNS))];

/// Minor units, after a number: the currency of their major unit, and
/// how many of them make one (as a power of ten: a cent is 10^-2 of a
/// dollar). "p" counts only glued to its number ("50p").
pub const MINOR_UNITS: &[(&str, Currency, i32)] = &[
    ("cents", Currency::Dollar, -2),
    ("cent", Currency::Dollar, -2),
    ("¢", Currency::Dollar, -2),
    ("c", Currency::Dollar, -2),
    ("pence", Currency::Code("GBP"), -2),
    ("penny", Currency::Code("GBP"), -2),
    ("p", Currency::Code("GBP"), -2),
    ("kopecks", Currency::Code("RUB"), -2),
    ("kopeks", Currency::Code("RUB"), -2),
    ("kopeck", Currency::Code("RUB"), -2),
    ("kopek", Currency::Code("RUB"), -2),
    ("paise", Currency::Code("INR"), -2),
    ("paisa", Currency::Code("INR"), -2),
    ("pfennigs", Currency::Code("DEM"), -2),
    ("pfennig", Currency::Code("DEM"), -2),
    ("centimes", Currency::ByCountry(&FRANCS), -2),
    // "euro cents" is two words: the recogniser reads it after the names.
];

/// The minor unit `w` names (any case; "p" and "c" only as written, and
/// the caller checks they are glued), if it is one.
pub fn minor_unit(w: &str) -> Option<(Currency, i32)> {
    // Asked at every word after a number: turn most away by their first
    // letter, which no unit shares.
    if !matches!(
        w.as_bytes().first(),
        Some(b'c' | b'C' | b'p' | b'P' | b'k' | b'K' | 0xC2)
    ) {
        return None;
    }
    MINOR_UNITS
        .iter()
        .find(|(n, ..)| {
            if n.len() == 1 {
                *n == w
            } else {
                n.eq_ignore_ascii_case(w)
            }
        })
        .map(|(_, c, p)| (*c, *p))
}

/// Numbers that a glued "p" makes a video format, not pence ("720p").
pub const VIDEO_LINES: &[&str] = &[
    "144", "240", "360", "480", "576", "720", "1080", "1440", "2160",
];

/// Units a rate is per, after "a" or "an" ("$12 an hour", "470 pence a
/// share"); after "per" any word is.
pub const RATE_UNITS: &[&str] = &[
    "share", "hour", "day", "week", "month", "year", "head", "person", "barrel", "ton", "tonne",
    "kilogram", "kilo", "pound", "dozen", "unit", "copy", "ticket", "night", "gallon", "litre",
    "liter", "mile", "minute", "game", "episode", "seat", "acre", "piece", "page", "word",
];

/// The currency a sign written as letters stands for ("zł", "DM", "kr").
pub fn sign(w: &str) -> Option<Currency> {
    let (list, first) = &*SIGNS;
    if !w.as_bytes().first().is_some_and(|b| first[usize::from(*b)]) {
        return None;
    }
    list.iter().find(|(s, _)| *s == w).map(|(_, c)| *c)
}

/// Withdrawn ISO 4217 codes that history articles write ("FRF 528
/// million"), read as codes although the ISO table no longer holds them.
const LEGACY_CODES: &[&str] = &[
    "FRF", "BEF", "LUF", "DEM", "ITL", "ESP", "NLG", "PTE", "GRD", "ATS", "FIM", "IEP", "XEU",
    "SUR", "MTL",
];

/// Three-letter words that are ISO codes but mostly English ("ALL 5
/// solutions", "TOP 10"): never read as codes in running text.
pub const CODE_LOOKALIKES: &[&str] = &[
    "ALL", "CUP", "TOP", "MOP", "BOB", "GEL", "LAK", "AND", "MAD",
];

/// Words in a sentence that make its `¥` Japanese.
pub const YEN_CUES: &[&str] = &["Japan", "yen"];
/// Words in a sentence that make its `¥` Chinese.
pub const YUAN_CUES: &[&str] = &["China", "Chinese", "yuan", "renminbi", "RMB"];
/// Words anywhere in an article that make its `¥` Chinese.
pub const YUAN_ARTICLE_CUES: &[&str] = &["yuan", "renminbi", "RMB", "CNY"];
/// Words anywhere in an article that make its `₩` North Korean.
pub const KPW_ARTICLE_CUES: &[&str] = &["North Korean won", "KPW"];

/// Words that say a sentence weighs something, so its "pounds" are a
/// weight (matched inside words, lowercase: "weighed", "tons").
pub const WEIGHT_CUES: &[&str] = &[
    "weigh", "weight", "heavy", "load", "cargo", "payload", "ton", "lb",
];

/// Words that say a sentence is about money, so a bare "pounds" is
/// sterling rather than a weight (matched inside words, lowercase:
/// "subsidies", "investment").
pub const MONEY_CUES: &[&str] = &[
    "£",
    "sterling",
    "cost",
    "paid",
    "pay",
    "worth",
    "price",
    "spent",
    "spend",
    "budget",
    "fund",
    "loan",
    "debt",
    "revenue",
    "tax",
    "salary",
    "salaries",
    "wage",
    "profit",
    "sold",
    "bought",
    "invest",
    "grant",
    "fine",
    "compensation",
    "subsid",
    "bank",
    "money",
    "income",
    "economy",
];

/// The currency a symbol stands for when written alone (`€`, `$`), if
/// it is one the recognisers read.
pub fn symbol(s: &str) -> Option<Currency> {
    SYMBOLS.get(s).copied()
}

/// Every symbol, ambiguous ones first: asked at every `$` and every
/// non-ASCII punctuation mark of the text ("–", "’"), so hashed.
static SYMBOLS: LazyLock<HashMap<&'static str, Currency>> = LazyLock::new(|| {
    // The first to claim a spelling keeps it.
    let mut m: HashMap<&'static str, Currency> = AMBIGUOUS_SYMBOLS.iter().copied().collect();
    for r in CURRENCIES {
        for s in r.symbols {
            m.entry(*s).or_insert(Currency::Code(r.code));
        }
    }
    m
});

/// Signs and the first bytes they start with.
type Signs = (Vec<(&'static str, Currency)>, [bool; 256]);

/// Every sign written as letters, ambiguous ones first, and the first
/// bytes they start with: asked at every word of the text (a sign may
/// stand before its number), where a byte test turns nearly all away.
static SIGNS: LazyLock<Signs> = LazyLock::new(|| {
    let mut list: Vec<(&'static str, Currency)> = AMBIGUOUS_SIGNS.to_vec();
    for r in CURRENCIES {
        for s in r.signs {
            list.push((s, Currency::Code(r.code)));
        }
    }
    let mut first = [false; 256];
    for (s, _) in &list {
        first[usize::from(s.as_bytes()[0])] = true;
    }
    (list, first)
});

/// Is `s` a currency symbol the money recogniser reads? A number glued
/// after one is money, never a year.
pub fn is_symbol(s: &str) -> bool {
    symbol(s).is_some()
}

/// The dollar that letters before `$` name (`US` → USD, `hk` → HKD; a
/// three-letter code names itself: `AUD$`, `MXN$`).
pub fn dollar_prefix(letters: &str) -> Option<&'static str> {
    CURRENCIES
        .iter()
        .find(|r| {
            r.dollar_prefixes
                .iter()
                .any(|p| p.eq_ignore_ascii_case(letters))
        })
        .map(|r| r.code)
        .or_else(|| {
            (letters.len() == 3 && letters.bytes().all(|b| b.is_ascii_uppercase()))
                .then(|| iso_code_any(letters))
                .flatten()
        })
}

/// A three-letter ISO 4217 code as written in running text: capitals, in
/// the ISO table, and not an English word ([`CODE_LOOKALIKES`]).
pub fn iso_code(w: &str) -> Option<&'static str> {
    if w.len() != 3 || !w.bytes().all(|b| b.is_ascii_uppercase()) || CODE_LOOKALIKES.contains(&w) {
        return None;
    }
    iso_code_any(w)
}

/// A code in the ISO table (or a withdrawn one history articles use),
/// whatever English word it also is (a template named `{{TOP|…}}` in
/// capitals is the Tongan paʻanga).
pub fn iso_code_any(w: &str) -> Option<&'static str> {
    iso_currency::Currency::from_code(w)
        .map(|c| c.code())
        .or_else(|| LEGACY_CODES.iter().find(|c| **c == w).copied())
}

/// The symbol a currency template shows its amount with (`{{US$|5}}` is
/// `US$5`), by the template's lowercase name.
pub fn template_symbol(name: &str) -> Option<&'static str> {
    CURRENCIES
        .iter()
        .find(|r| r.templates.contains(&name))
        .map(|r| r.shown_as)
}

/// A currency name as tokens, lowercase, and what it stands for.
pub struct Name {
    pub words: Vec<String>,
    pub currency: Currency,
}

/// Every currency name, grouped by its first word (lowercase), each group
/// longest first: the recogniser looks a number's next word up once and
/// tries only the names that start with it.
pub static NAMES: LazyLock<HashMap<String, Vec<Name>>> = LazyLock::new(|| {
    let mut all: Vec<(String, Currency)> = Vec::new();
    for r in CURRENCIES {
        for n in r.names {
            all.push((n.to_string(), Currency::Code(r.code)));
        }
    }
    for (n, c) in AMBIGUOUS_NAMES {
        all.push((n.to_string(), *c));
    }
    for (code, name) in iso_names() {
        for form in inflections(&name) {
            all.push((form, Currency::Code(code)));
        }
    }
    let mut groups: HashMap<String, Vec<Name>> = HashMap::new();
    for (name, currency) in all {
        let words: Vec<String> = tokenize(&name).iter().map(|t| t.s.to_lowercase()).collect();
        let Some(first) = words.first().cloned() else {
            continue;
        };
        let group = groups.entry(first).or_default();
        // The first row that spells a name wins: hand rows before ISO names.
        if !group.iter().any(|n| n.words == words) {
            group.push(Name { words, currency });
        }
    }
    for g in groups.values_mut() {
        // Stable: among names of one length, table order stands.
        g.sort_by_key(|n| std::cmp::Reverse(n.words.len()));
    }
    groups
});

/// The names that start with word `w` (any case), longest first.
pub fn names_starting(w: &str) -> &'static [Name] {
    // Most words after a number are ASCII: lowercase them on the stack.
    let group = if w.is_ascii() {
        NAMES.get(Lower::new(w).as_str())
    } else {
        NAMES.get(&w.to_lowercase())
    };
    group.map_or(&[], Vec::as_slice)
}

/// The ISO table's names that read as English after a number ("Namibian
/// dollar"): circulating and historic currencies, not funds, metals or
/// test codes, and not names with notes in brackets or a slash
/// ("Renminbi (Chinese) yuan": its usable forms are hand rows).
fn iso_names() -> impl Iterator<Item = (&'static str, String)> {
    iso_currency::Currency::iter().filter_map(|c| {
        let flags = c.flags();
        let special = flags
            .iter()
            .any(|f| matches!(f, iso_currency::Flag::Fund | iso_currency::Flag::Special));
        let name = c.name();
        if special || name.contains(['(', '/']) || !name.contains(' ') {
            return None;
        }
        Some((c.code(), name.to_string()))
    })
}

/// Plurals that do not add an "s" to the last word, as English texts
/// write them.
const IRREGULAR_PLURALS: &[(&str, &[&str])] = &[
    ("krone", &["kroner"]),
    ("krona", &["kronor"]),
    ("króna", &["krónur"]),
    ("lira", &["lire", "liras"]),
    ("real", &["reais"]),
    ("leu", &["lei"]),
    ("lev", &["leva"]),
    ("yen", &[]),
    ("won", &[]),
    ("yuan", &[]),
    ("rand", &[]),
    ("baht", &[]),
    ("kip", &[]),
    ("riel", &["riels"]),
    ("rupiah", &[]),
    ("đồng", &[]),
    ("vatu", &[]),
    ("tenge", &[]),
    ("som", &[]),
    ("loti", &["maloti"]),
    ("lilangeni", &["emalangeni"]),
];

/// A name and its plurals, lowercase ("namibian dollar", "namibian
/// dollars").
fn inflections(name: &str) -> Vec<String> {
    let lower = name.to_lowercase();
    let (head, last) = lower.rsplit_once(' ').unwrap_or(("", &lower));
    let mut forms = vec![lower.clone()];
    let join = |w: &str| {
        if head.is_empty() {
            w.to_string()
        } else {
            format!("{head} {w}")
        }
    };
    match IRREGULAR_PLURALS.iter().find(|(s, _)| *s == last) {
        Some((_, plurals)) => forms.extend(plurals.iter().map(|p| join(p))),
        None => forms.push(join(&format!("{last}s"))),
    }
    forms
}

/// The dollars an article can name ("Australian dollar", "US dollar"),
/// with their codes: after one is named, a bare `$` means it. Derived from
/// every name ending in "dollar", as the ISO table and the rows spell it.
pub static DOLLAR_NAMINGS: LazyLock<Vec<(String, &'static str)>> = LazyLock::new(|| {
    let mut out: Vec<(String, &'static str)> = Vec::new();
    let mut push = |name: String, code: &'static str| {
        if !out.iter().any(|(n, _)| *n == name) {
            out.push((name, code));
        }
    };
    for (code, name) in iso_names() {
        if name.ends_with(" dollar") {
            push(name, code);
        }
    }
    push("Taiwan dollar".to_string(), "TWD");
    // The short forms people write, capitalised as in running text. Last:
    // where one text names several, the later in this list stands.
    push("US dollar".to_string(), "USD");
    push("U.S. dollar".to_string(), "USD");
    out
});

/// Is `code` a dollar, so that a bare `$` after it means the same
/// currency? Not the real or the peso, which also write `$` (`R$`, `Mex$`):
/// their sign fixes only its own amount.
pub fn is_dollar_code(code: &str) -> bool {
    DOLLAR_NAMINGS.iter().any(|(_, c)| *c == code)
}
