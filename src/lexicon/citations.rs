//! Citation vocabulary: the words that mark a name as an organisation's,
//! the lowercase words names hold, and the connecting words that are no
//! field of a hand-written reference.

/// Words that mark a name as an institution's ("Council of Europe",
/// "Statistics Canada"). With [`PERIODICAL_WORDS`] they are the words
/// that mark an author as an organisation rather than a person
/// ([`is_org_word`]).
pub const INSTITUTION_WORDS: &[&str] = &[
    "ministry",
    "agency",
    "institute",
    "university",
    "school",
    "college",
    "faculty",
    "council",
    "committee",
    "office",
    "department",
    "bank",
    "association",
    "organization",
    "organisation",
    "union",
    "foundation",
    "centre",
    "center",
    "service",
    "commission",
    "corporation",
    "inc",
    "ltd",
    "group",
    "government",
    "society",
    "museum",
    "library",
    "nations",
    "world",
    "international",
    "company",
    "staff",
    "board",
    "bureau",
    "project",
    "embassy",
    "party",
    "forces",
    "army",
    "navy",
    "survey",
    "authority",
    "trust",
    "institution",
    "academy",
    "archives",
    "census",
    "statistics",
];

/// The lowercase words that names and their roles hold ("Department of
/// the Army", "Green u. a.", "Williamson, ed."), as they stand before a
/// hand-written ref's title.
pub const NAME_PARTICLES: &[&str] = &[
    "of",
    "the",
    "and",
    "&",
    "van",
    "von",
    "der",
    "den",
    "de",
    "du",
    "da",
    "la",
    "le",
    "y",
    "u",
    "a",
    "et",
    "al",
    "ed",
    "eds",
    "hrsg",
    "dir",
    "di",
    "del",
    "della",
    "dos",
    "das",
    "do",
    "zu",
    "ter",
    "ten",
    "op",
    "af",
    "av",
    "ibn",
    "bin",
    "bint",
    "el",
    "trans",
    "tr",
    "comp",
    "coord",
    "editor",
    "editors",
    "translator",
];

/// Words that join a reference's fields rather than fill one ("… Part 1,
/// at www.example.com", "in The Times"): alone they are no publisher,
/// and before a work they are not part of its name.
pub const CONNECTORS: &[&str] = &[
    "at",
    "in",
    "from",
    "via",
    "on",
    "see",
    "cited in",
    "quoted in",
    "website of",
];

/// Cities where books and papers are published, as citations name them
/// alone after a work ("''The Daily Telegraph''. London."): a place of
/// publication, never a publisher.
pub const PUBLICATION_PLACES: &[&str] = &[
    "London",
    "New York",
    "Paris",
    "Oxford",
    "Cambridge",
    "Chicago",
    "Boston",
    "Toronto",
    "Montreal",
    "Montréal",
    "Ottawa",
    "Vancouver",
    "Berlin",
    "Leipzig",
    "Munich",
    "München",
    "Stuttgart",
    "Frankfurt",
    "Hamburg",
    "Vienna",
    "Wien",
    "Zurich",
    "Zürich",
    "Geneva",
    "Amsterdam",
    "Brussels",
    "Madrid",
    "Barcelona",
    "Lisbon",
    "Rome",
    "Roma",
    "Milan",
    "Milano",
    "Moscow",
    "Warsaw",
    "Prague",
    "Budapest",
    "Stockholm",
    "Oslo",
    "Copenhagen",
    "Helsinki",
    "Edinburgh",
    "Glasgow",
    "Manchester",
    "Dublin",
    "Washington",
    "Philadelphia",
    "Baltimore",
    "Princeton",
    "New Haven",
    "Ithaca",
    "Berkeley",
    "Los Angeles",
    "San Francisco",
    "Sydney",
    "Melbourne",
    "Auckland",
    "Tokyo",
    "Beijing",
    "Shanghai",
    "Hong Kong",
    "Singapore",
    "New Delhi",
    "Delhi",
    "Mumbai",
    "Karachi",
    "Lahore",
    "Islamabad",
    "Cape Town",
    "Johannesburg",
    "Pretoria",
    "Cairo",
    "Jerusalem",
    "Istanbul",
    "Buenos Aires",
    "Mexico City",
    "São Paulo",
];

/// Marks before a chapter's number at an entry's start ("Chapter 7,
/// ''The New Ferment''. In …"): where in a book the piece is, no author.
pub const CHAPTER_MARKS: &[&str] = &["Chapter", "Ch.", "Kapitel", "Chapitre"];

/// Abbreviations a stop follows inside an entry's fields ("vol. 3", "ed.
/// H. Cohen", "Mt. Vernon"): the stop ends no segment or sentence there.
pub const ABBREVIATIONS: &[&str] = &[
    "vol", "ed", "eds", "no", "Vol", "No", "Ed", "St", "Ste", "Sta", "Mt", "Ft", "Dr", "Mr", "rev",
    "trans", "tr",
];

/// Marks before the number of a volume or an issue ("Vol. 2", "No. 3",
/// "n. 8"), as compared: case aside. A number after one is no day
/// ("No. 3 May 1907"), and a name before one is a periodical's.
pub const NUMBER_MARKS: &[&str] = &[
    "vol.", "vol", "volume", "no.", "no", "nr.", "n.", "issue", "number", "#",
];

/// The marks among [`NUMBER_MARKS`] of an issue, not a volume: "Parallax,
/// n. 8" is an issue of a periodical, "History of World War I, Volume 3"
/// a book's volume.
pub const ISSUE_MARKS: &[&str] = &["no.", "no", "nr.", "n.", "issue", "number", "#"];

/// "On" before a date in a byline ("Gerrit Olivier in Netwerk24 op 29
/// November 2015"): English, Afrikaans, German, French.
pub const DATED_ON: &[&str] = &["on", "op", "am", "le"];

/// "At" between the kind of a piece and the work it is in ("Meldung bei
/// ''Mozilla''"): German.
pub const PIECE_AT: &[&str] = &["bei"];

/// Kinds of piece named before "in" and the work they are in ("article
/// in ''Le Libertaire''"), as compared: case aside.
pub const PIECE_KINDS: &[&str] = &[
    "article",
    "interview",
    "review",
    "letter",
    "editorial",
    "essay",
    "column",
    "obituary",
    "report",
];

/// A company's legal form written after its name and a comma
/// ("Ashgate Publishing, Ltd"): never a place of publication.
pub const COMPANY_FORMS: &[&str] = &[
    "Ltd", "Inc", "Co", "LLC", "PLC", "plc", "GmbH", "AG", "SA", "NV", "BV", "AB", "AS", "Oy",
];

/// Lowercase words that carry a title on past its quotes or its link's
/// text ("[url Circulation Report] for January to December 2010"), where
/// a connector ("in", "at", "by") would name where or by whom instead.
pub const TITLE_CONTINUATIONS: &[&str] = &[
    "for", "of", "to", "with", "during", "between", "under", "against", "about", "versus",
];

/// Marks before the name of who edited, revised or translated a work, in
/// an imprint ("rev. Roger T. Stearn, ''Oxford Dictionary of National
/// Biography''", "ed. H. Cohen (New York: …)"): the name is no
/// publisher's.
pub const CONTRIBUTOR_MARKS: &[&str] = &[
    "ed. ",
    "edited by ",
    "rev. ",
    "revised by ",
    "trans. ",
    "tr. ",
    "translated by ",
    "translated and edited by ",
    "edited and translated by ",
    "Ed. ",
    "Eds. ",
    "eds. ",
    "Edited by ",
    "Trans. ",
    "Translated by ",
];

/// Credits of a broadcast or a recording after its title ("Hosted by
/// Melvyn Bragg of the BBC, with John Keane, …"): a note on who took
/// part, no publisher (`raw` keeps it). A writer's "by" is read apart.
pub const CREDIT_NOTES: &[&str] = &[
    "Hosted by ",
    "hosted by ",
    "Presented by ",
    "presented by ",
    "Narrated by ",
    "narrated by ",
    "Interviewed by ",
    "interviewed by ",
    "Directed by ",
    "directed by ",
    "Produced by ",
    "produced by ",
];

/// The parts of a book its writer may have written alone, named before
/// the book's title ("Introduction to ''Selected Writings''"), as
/// compared: case aside.
pub const BOOK_PARTS: &[&str] = &[
    "introduction to",
    "preface to",
    "foreword to",
    "afterword to",
    "prologue to",
    "epilogue to",
    "notes to",
];

/// The roles written after an editor's or translator's name, in
/// parentheses or after a comma, as compared: lowercase, without full
/// stops ("Charles W. Johnson (eds)", "Graham, Robert, ed.").
pub const NAME_ROLES: &[&str] = &[
    "ed",
    "eds",
    "editor",
    "editors",
    "hrsg",
    "hg",
    "dir",
    "trans",
    "tr",
    "comp",
    "translator",
];

/// Languages as a reference's language note names them, lowercase, in
/// English and in German (the German Wikipedia's refs end "(englisch)"):
/// "(English)", "(in French)" and "(englisch)" say which language the
/// source is in, and are no work or publisher.
pub const LANGUAGES: &[&str] = &[
    "arabic",
    "chinese",
    "czech",
    "danish",
    "dutch",
    "english",
    "finnish",
    "french",
    "german",
    "greek",
    "hebrew",
    "hungarian",
    "italian",
    "japanese",
    "korean",
    "norwegian",
    "persian",
    "polish",
    "portuguese",
    "romanian",
    "russian",
    "spanish",
    "swedish",
    "turkish",
    "ukrainian",
    "arabisch",
    "chinesisch",
    "dänisch",
    "deutsch",
    "englisch",
    "finnisch",
    "französisch",
    "griechisch",
    "italienisch",
    "japanisch",
    "koreanisch",
    "niederländisch",
    "norwegisch",
    "polnisch",
    "portugiesisch",
    "russisch",
    "schwedisch",
    "spanisch",
    "tschechisch",
    "türkisch",
    "ukrainisch",
    "ungarisch",
];

/// Words that mark a name as a publisher's ("Oxford University Press",
/// "Penguin Books", "Suhrkamp Verlag"): after a work and a comma, such a
/// name is who published it, not part of the work's name.
pub const PUBLISHER_WORDS: &[&str] = &[
    "press",
    "printing",
    "publishing",
    "publishers",
    "publisher",
    "publications",
    "books",
    "verlag",
    "editions",
    "éditions",
    "editorial",
    "sons",
    "uitgewers",
    "uitgeverij",
    "edizioni",
    "editore",
    "editori",
    "ediciones",
    "editora",
    "wydawnictwo",
    "издательство",
];

/// Words for an edition, after its ordinal ("2nd ed.", "Eerste
/// uitgawe", "2. Auflage"), as compared: lowercase, without a full stop.
pub const EDITION_WORDS: &[&str] = &[
    "ed", "edn", "edition", "uitgawe", "druk", "auflage", "aufl", "édition", "éd", "edizione",
    "edición", "wydanie", "utgåva", "udgave", "painos",
];

/// Ordinals written as words before an edition, as compared: lowercase.
pub const EDITION_ORDINALS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "revised",
    "new",
    "expanded",
    "eerste",
    "tweede",
    "derde",
    "erste",
    "zweite",
    "dritte",
    "première",
    "deuxième",
    "prima",
    "seconda",
    "primera",
    "segunda",
];

/// The seasons an issue of a journal is named by in the other big
/// Wikipedias' languages ("Jaargang 45 no. 2, Lente 2008"), lowercase;
/// the English ones are `calendar::SEASONS`.
pub const FOREIGN_SEASONS: &[&str] = &[
    "lente",
    "somer",
    "herfs",
    "voorjaar",
    "zomer",
    "najaar",
    "frühling",
    "frühjahr",
    "sommer",
    "herbst",
    "printemps",
    "été",
    "automne",
    "hiver",
    "primavera",
    "verano",
    "otoño",
    "invierno",
    "estate",
    "autunno",
    "inverno",
];

/// Publishing houses whose names hold none of [`PUBLISHER_WORDS`]
/// ("Routledge", "Springer", "iUniverse"), as compared: lowercase, one
/// word of the name. After a title such a name is who published it, not
/// the periodical it appeared in.
pub const PUBLISHER_NAMES: &[&str] = &[
    "routledge",
    "springer",
    "wiley",
    "elsevier",
    "macmillan",
    "palgrave",
    "penguin",
    "blackwell",
    "brill",
    "verso",
    "bloomsbury",
    "harpercollins",
    "knopf",
    "doubleday",
    "heinemann",
    "longman",
    "longmans",
    "methuen",
    "faber",
    "praeger",
    "greenwood",
    "ashgate",
    "iuniverse",
    "scribner",
    "scribner's",
    "putnam",
    "mcgraw-hill",
    "pearson",
    "kluwer",
    "mouton",
    "gruyter",
    "cassell",
    "hutchinson",
    "picador",
    "virago",
    "osprey",
    "westview",
    "prometheus",
    "einaudi",
    "feltrinelli",
    "laterza",
    "mondadori",
    "cappelli",
    "gallimard",
    "flammarion",
    "hachette",
    "larousse",
    "seuil",
    "suhrkamp",
    "rowohlt",
    "fischer",
    "tafelberg",
];

/// Words that name a periodical or a news service ("BBC News", "The Globe
/// and Mail", "Reuters"): after an article's title such a name is the work
/// it appeared in, where an institution's ("Council of Europe", "Library
/// and Archives Canada") is who published it.
pub const PERIODICAL_WORDS: &[&str] = &[
    "news",
    "times",
    "reuters",
    "bbc",
    "journal",
    "post",
    "herald",
    "guardian",
    "gazette",
    "chronicle",
    "tribune",
    "telegraph",
    "observer",
    "mail",
    "express",
    "magazine",
    "daily",
    "weekly",
    "network",
    "review",
    "press",
    "star",
    "courier",
    "dispatch",
    "bulletin",
    "globe",
    "inquirer",
    "online",
    "advocate",
];

/// Whether `w` (lowercase) marks a name as an organisation's: an
/// institution's or a periodical's.
pub fn is_org_word(w: &str) -> bool {
    INSTITUTION_WORDS.contains(&w) || PERIODICAL_WORDS.contains(&w)
}
