//! Markup vocabulary: namespaces, templates that render as nothing, and
//! character entities.

/// The File namespace as the big Wikipedias write it (lowercase): its
/// links are images, shown with their captions.
pub const FILE_NAMESPACES: &[&str] = &[
    "file",
    "image",
    "datei",
    "bild",
    "fichier",
    "archivo",
    "imagen",
    "immagine",
    "ficheiro",
    "arquivo",
    "bestand",
    "fil",
    "plik",
    "soubor",
    "tiedosto",
    "dosya",
    "файл",
    "изображение",
];

/// The Category namespace, likewise: its links render as nothing.
pub const CATEGORY_NAMESPACES: &[&str] = &[
    "category",
    "kategorie",
    "kategori",
    "catégorie",
    "categoría",
    "categoria",
    "categorie",
    "kategoria",
    "kategória",
    "luokka",
    "категория",
];

/// Interwiki prefixes of the sister projects (`[[s:Act of Union
/// 1707|Article One]]`, `[[wikt:foo]]`): unlike an interlanguage link
/// (`[[de:Foo]]`, which goes to the page's language list), such a link
/// shows in the text like any other. Several are as short as a language
/// code, so they are listed.
pub const INTERWIKI_PREFIXES: &[&str] = &[
    "w",
    "s",
    "q",
    "n",
    "b",
    "v",
    "c",
    "m",
    "d",
    "f",
    "mw",
    "voy",
    "wikt",
    "wiktionary",
    "wikipedia",
    "wikisource",
    "wikiquote",
    "wikinews",
    "wikibooks",
    "wikiversity",
    "wikivoyage",
    "wikidata",
    "wikispecies",
    "species",
    "commons",
    "meta",
    "metawikimedia",
    "mediawikiwiki",
    "foundation",
    "wmf",
    "incubator",
    "phab",
];

/// Templates known to render as nothing (maintenance tags, navigation,
/// layout), which are therefore not reported as unknown.
pub const SILENT_TEMPLATES: &[&str] = &[
    "reflist",
    "refbegin",
    "refend",
    "references",
    "main",
    "main article",
    "see also",
    "further",
    "about",
    "for",
    "other uses",
    "redirect",
    "distinguish",
    "citation needed",
    "cn",
    "fact",
    "clarify",
    "when",
    "who",
    "which",
    "by whom",
    "dubious",
    "failed verification",
    "better source needed",
    "update",
    "efn",
    "efn-ua",
    "efn-lr",
    "refn",
    "notelist",
    "notelist-ua",
    "coord",
    "authority control",
    "portal",
    "portal bar",
    "commons category",
    "commons",
    "defaultsort",
    "short description",
    "use dmy dates",
    "use mdy dates",
    "use british english",
    "use american english",
    "clear",
    "clear left",
    "clear right",
    "-",
    "toc",
    "toc limit",
    "col-begin",
    "col-end",
    "col-break",
    "div col",
    "div col end",
    "col div",
    "reflist-talk",
    "multiple issues",
    "unreferenced",
    "more citations needed",
    "refimprove",
    "citation style",
    "stub",
    "pp",
    "pp-semi-indef",
    "pp-move-indef",
    "good article",
    "featured article",
    "flagicon",
    "wikiquote",
    "wiktionary",
    "wikisource",
    "spoken wikipedia",
    "lead too short",
    "cleanup",
    "orphan",
    "dead link",
    "webarchive",
    "increase",
    "decrease",
    "steady",
    "increase2",
    "decrease2",
    "colorbox",
    "italic title",
    "commonscat",
    "subscription required",
    "verify source",
    "navboxes",
    "normdaten",
    "personendaten",
    "engvarb",
    "official website",
    "sister project links",
    "expand list",
    // A figure space for aligning numbers: readers see no character.
    "0",
    "cbignore",
    "rp",
    "page needed",
    "sfn whitelist",
    "harvnb",
    "harv",
    "harvp",
    "harvtxt",
    "sfnm",
    "sfnp",
    "sfn",
    "anchor",
    "ipa",
    "ipac-en",
    "respell",
    "audio",
    "listen",
    "pronunciation",
    "image",
    "multiple image",
    "quote box",
    "cquote",
    "blockquote",
    "quote",
    "navbox",
    "sidebar",
    "expand section",
    "empty section",
];

/// The entities an XML writer escapes (what a dump reader that forgot
/// to unescape leaves behind), and what they stand for.
pub const XML_ENTITIES: &[(&str, char)] = &[
    ("&lt;", '<'),
    ("&gt;", '>'),
    ("&quot;", '"'),
    ("&amp;", '&'),
    ("&#39;", '\''),
    ("&#039;", '\''),
    ("&apos;", '\''),
];

/// Named HTML entities as wiki editors write them, and what each stands
/// for. Spaces of every width read as one space; invisible marks as
/// nothing. Numeric entities (`&#8211;`) are decoded by number.
pub const HTML_ENTITIES: &[(&str, &str)] = &[
    ("nbsp", " "),
    ("ensp", " "),
    ("emsp", " "),
    ("thinsp", " "),
    ("numsp", " "),
    ("puncsp", " "),
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("ndash", "–"),
    ("mdash", "—"),
    ("minus", "−"),
    ("times", "×"),
    ("hellip", "…"),
    ("shy", ""),
    ("zwj", ""),
    ("zwnj", ""),
    ("lrm", ""),
    ("rlm", ""),
    ("laquo", "«"),
    ("raquo", "»"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("euro", "€"),
    ("pound", "£"),
    ("yen", "¥"),
    ("cent", "¢"),
    ("deg", "°"),
    ("middot", "·"),
    ("bull", "•"),
    ("frac12", "½"),
    ("frac14", "¼"),
    ("frac34", "¾"),
    ("prime", "′"),
    ("Prime", "″"),
];

/// What the named entity `&name;` stands for (`name` without `&` and `;`).
pub fn html_entity(name: &str) -> Option<&'static str> {
    HTML_ENTITIES
        .iter()
        .find(|(k, _)| *k == name)
        .map(|(_, v)| *v)
}

// Template families: each template name once. The renderer dispatches on
// these; a family's members render alike.

/// Citation templates: `{{cite web}}`, `{{cite book}}`, `{{citation}}`,
/// `{{vcite journal}}` (by lowercase name).
pub fn is_cite_template(name: &str) -> bool {
    name.starts_with("cite ") || name == "citation" || name == "cite" || name.starts_with("vcite")
}

/// The German Wikipedia's citation templates, whose keys
/// [`german_cite_key`] puts into English.
pub const GERMAN_CITE_TEMPLATES: &[&str] = &["internetquelle", "literatur", "google buch"];

/// The English key of a German citation-template key.
pub fn german_cite_key(k: &str) -> Option<&'static str> {
    Some(match k {
        "titel" => "title",
        "autor" | "autoren" => "author",
        "hrsg" | "herausgeber" | "verlag" => "publisher",
        "werk" | "sammelwerk" => "work",
        "datum" => "date",
        "jahr" => "year",
        "zugriff" | "abruf" => "access-date",
        "ort" => "location",
        "seiten" | "seite" => "pages",
        "online" => "url",
        "kapitel" => "chapter",
        _ => return None,
    })
}

/// Short citations that point at a bibliography entry by author and year.
pub const SHORT_CITE_TEMPLATES: &[&str] = &[
    "sfn",
    "sfnp",
    "sfnm",
    "harvnb",
    "harvp",
    "harv",
    "harvtxt",
    "harvcoltxt",
    "harvcol",
];

/// Magic words that show the page's name (normalised: lowercase); the
/// `…ee` forms show it with underscores, as in a URL.
pub const PAGE_NAME_WORDS: &[&str] = &[
    "pagename",
    "pagenamee",
    "fullpagename",
    "fullpagenamee",
    "basepagename",
    "rootpagename",
    "subpagename",
    "articlepagename",
    "subjectpagename",
];

/// Templates that show their first argument as it is (formatting, flags,
/// interlanguage links).
pub const WRAPPER_TEMPLATES: &[&str] = &[
    "nowrap",
    "nobr",
    "small",
    "smaller",
    "big",
    "larger",
    "nobold",
    "noitalic",
    "em",
    "strong",
    "mvar",
    "var",
    "smallcaps",
    "sc",
    "ill",
    "interlanguage link",
    "abbr",
    "keypress",
    "samp",
    "code",
    "tooltip",
    "nowrap begin",
    "serif",
    "sans-serif",
    "script",
    "flag",
    "flagcountry",
    "flagu",
    "flagdeco",
    "section link",
    "no wrap",
    "visible anchor",
    "vanchor",
    "lang-x",
];

/// Lists laid out inline or one item a line: their items, in order.
pub const LIST_TEMPLATES: &[&str] = &[
    "hlist",
    "flatlist",
    "ubl",
    "ublist",
    "unbulleted list",
    "plainlist",
    "bulleted list",
    "bulleted",
    "ordered list",
    "collapsible list",
    "br separated entries",
    "comma separated entries",
];

/// Templates that show a date from year|month|day arguments or one date
/// argument.
pub const DATE_TEMPLATES: &[&str] = &[
    "start date",
    "start date and age",
    "end date",
    "end date and age",
    "birth date",
    "birth date and age",
    "death date",
    "death date and age",
    "dts",
    "date",
    "film date",
    "release date",
    "start-date",
    "end-date",
    "birth-date",
    "death-date",
    "birth year and age",
    "death year and age",
    "birth date and age2",
    "formatdate",
    "format date",
    "datum",
];

/// Tags whose content is not wikitext: the name, the start of its closing
/// tag, and whether the content shows as it is (`<nowiki>`, `<pre>`) or
/// not at all (formulas, galleries, code, scores).
pub const OPAQUE_TAGS: &[(&str, &str, bool)] = &[
    ("nowiki", "</nowiki", true),
    ("pre", "</pre", true),
    ("math", "</math", false),
    ("gallery", "</gallery", false),
    ("timeline", "</timeline", false),
    ("score", "</score", false),
    ("chem", "</chem", false),
    ("ce", "</ce", false),
    ("graph", "</graph", false),
    ("mapframe", "</mapframe", false),
    ("syntaxhighlight", "</syntaxhighlight", false),
    ("source", "</source", false),
    ("templatedata", "</templatedata", false),
    ("imagemap", "</imagemap", false),
    ("hiero", "</hiero", false),
];

/// The [`OPAQUE_TAGS`] row of a lowercase tag name.
pub fn opaque_tag(name: &str) -> Option<&'static (&'static str, &'static str, bool)> {
    OPAQUE_TAGS.iter().find(|(n, _, _)| *n == name)
}

/// How the big Wikipedias name their infobox templates (the name
/// lowercase, underscores as spaces): a prefix before the kind
/// ("Infobox country", Norwegian "Infoboks verksemd", Spanish "Ficha de
/// país", Portuguese "Info/Empresa", Finnish "Tietolaatikko yritys",
/// Turkish "Bilgi kutusu şirket", Japanese "基礎情報 会社", Korean "정보상자
/// 회사", Russian "Карточка компании", Ukrainian "Картка:Компанія"), or
/// the Polish suffix ("Przedsiębiorstwo infobox"). Longest first.
pub const INFOBOX_PREFIXES: &[&str] = &[
    "bilgi kutusu",
    "tietolaatikko",
    "ficha de",
    "infobox",
    "infoboks",
    "карточка",
    "картка:",
    "картка",
    "基礎情報",
    "정보상자",
    "info/",
];

/// The kind an infobox template names ("country" for "Infobox country",
/// "" for a bare "Infobox"), or `None` when the name is no infobox's.
/// `name` is lowercase with spaces for underscores.
pub fn infobox_kind(name: &str) -> Option<&str> {
    if let Some(kind) = INFOBOX_PREFIXES.iter().find_map(|p| name.strip_prefix(p)) {
        return Some(kind.trim_start_matches([' ', '\t', '-', ':']));
    }
    name.strip_suffix(" infobox").map(str::trim)
}

/// Stock-exchange templates: `{{NYSE|IBM}}` shows "NYSE: IBM". Compared
/// lowercase.
pub const STOCK_EXCHANGE_TEMPLATES: &[&str] = &[
    "nyse",
    "nasdaq",
    "nyse american",
    "nyse arca",
    "otc pink",
    "lse",
    "tsx",
    "tsx-v",
    "tsxv",
    "asx",
    "nzx",
    "bmv",
    "bse",
    "nse",
    "sehk",
    "hkex",
    "tyo",
    "tse",
    "krx",
    "sgx",
    "fwb",
    "xetra",
    "euronext",
    "six",
    "omx",
    "nasdaq nordic",
    "bit",
    "bmad",
    "jse",
    "bm&f bovespa",
    "b3",
    "moex",
    "ose",
    "oslo stock exchange",
    "sse",
    "szse",
    "idx",
    "set",
    "wse",
    "ise",
];
