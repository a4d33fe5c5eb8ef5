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
    /// "Rs." / "Rs": the rupee of India, Pakistan, Sri Lanka or Nepal, as
    /// the article's country decides; Indian by default.
    Rupee,
    /// The word "pounds" alone: sterling where the paragraph speaks of
    /// money, else a weight ("the supply (2 million pounds)").
    Pounds,
}

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
}

const fn row(code: &'static str) -> Row {
    Row {
        code,
        symbols: &[],
        dollar_prefixes: &[],
        names: &[],
        templates: &[],
        shown_as: "",
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
        names: &["pesos"],
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
        names: &["indian rupees", "rupees"],
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
        ..row("CNY")
    },
    Row {
        names: &["japanese yen", "yen"],
        templates: &["jpy", "yen", "¥"],
        shown_as: "¥",
        ..row("JPY")
    },
    Row {
        symbols: &["₽"],
        names: &["russian rubles", "rubles", "roubles", "ruble", "rouble"],
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
        ..row("PLN")
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
];

/// Three-letter words that are ISO codes but mostly English ("ALL 5
/// solutions", "TOP 10"): never read as codes in running text.
pub const CODE_LOOKALIKES: &[&str] = &[
    "ALL", "CUP", "TOP", "MOP", "BOB", "GEL", "LAK", "AND", "MAD",
];

/// The countries that write their rupee "Rs.", with its code. India last:
/// it is also the default.
pub const RUPEE_COUNTRIES: &[(&str, &str)] = &[
    ("Pakistan", "PKR"),
    ("Sri Lanka", "LKR"),
    ("Nepal", "NPR"),
    ("India", "INR"),
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
    if let Some((_, c)) = AMBIGUOUS_SYMBOLS.iter().find(|(k, _)| *k == s) {
        return Some(*c);
    }
    CURRENCIES
        .iter()
        .find(|r| r.symbols.contains(&s))
        .map(|r| Currency::Code(r.code))
}

/// Is `s` a currency symbol the money recogniser reads? A number glued
/// after one is money, never a year.
pub fn is_symbol(s: &str) -> bool {
    symbol(s).is_some()
}

/// The dollar that letters glued before `$` name (`US` → USD).
pub fn dollar_prefix(letters: &str) -> Option<&'static str> {
    CURRENCIES
        .iter()
        .find(|r| r.dollar_prefixes.contains(&letters))
        .map(|r| r.code)
}

/// A three-letter ISO 4217 code as written in running text: capitals, in
/// the ISO table, and not an English word ([`CODE_LOOKALIKES`]).
pub fn iso_code(w: &str) -> Option<&'static str> {
    if w.len() != 3 || !w.bytes().all(|b| b.is_ascii_uppercase()) || CODE_LOOKALIKES.contains(&w) {
        return None;
    }
    iso_code_any(w)
}

/// A code in the ISO table, whatever English word it also is (a template
/// named `{{TOP|…}}` in capitals is the Tongan paʻanga).
pub fn iso_code_any(w: &str) -> Option<&'static str> {
    iso_currency::Currency::from_code(w).map(|c| c.code())
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

/// Is `code` a dollar (or a `$`-written peso or real), so that a bare `$`
/// after it means the same currency?
pub fn is_dollar_code(code: &str) -> bool {
    CURRENCIES
        .iter()
        .any(|r| r.code == code && !r.dollar_prefixes.is_empty())
        || DOLLAR_NAMINGS.iter().any(|(_, c)| *c == code)
}
