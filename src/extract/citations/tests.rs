//! The citation parsers, on entries and refs of every style.

use super::entry::*;
use super::template::*;
use super::*;
use crate::model;

fn names(c: &Citation) -> Vec<(Option<&str>, Option<&str>)> {
    c.authors
        .iter()
        .map(|a| (a.last.as_deref(), a.first.as_deref()))
        .collect()
}

#[test]
fn rendered_wikipedia_style() {
    let c = parse_entry(
        "Wertz, Daniel; Oh, JJ (2016). \"DPRK Diplomatic Relations\". NCNK. National Committee on North Korea. Retrieved 12 May 2024. https://www.ncnk.org/x.pdf",
    );
    assert_eq!(
        names(&c),
        [(Some("Wertz"), Some("Daniel")), (Some("Oh"), Some("JJ"))]
    );
    assert_eq!(c.title.as_deref(), Some("DPRK Diplomatic Relations"));
    assert_eq!(c.date.as_deref(), Some("2016"));
    assert_eq!(c.access_date.as_deref(), Some("2024-05-12"));
    assert_eq!(c.url.as_deref(), Some("https://www.ncnk.org/x.pdf"));
    assert_eq!(c.work.as_deref(), Some("NCNK"));
    assert_eq!(
        c.publisher.as_deref(),
        Some("National Committee on North Korea")
    );
}

#[test]
fn seed_style_author_and_title() {
    let c = parse_entry("Wertz, Daniel. \"DPRK Diplomatic Relations\"");
    assert_eq!(names(&c), [(Some("Wertz"), Some("Daniel"))]);
    assert_eq!(c.title.as_deref(), Some("DPRK Diplomatic Relations"));
    assert_eq!(c.date, None);
}

#[test]
fn apa_book_with_place_and_pages() {
    let c = parse_entry(
        "Kuzio, T., & Wilson, A. (1994). Ukraine: Perestroika to independence. Kyiv: Dukh i Litera. pp. 112–130. ISBN 978-0-333-60390-6",
    );
    assert_eq!(
        names(&c),
        [(Some("Kuzio"), Some("T.")), (Some("Wilson"), Some("A."))]
    );
    assert_eq!(c.date.as_deref(), Some("1994"));
    assert_eq!(
        c.title.as_deref(),
        Some("Ukraine: Perestroika to independence")
    );
    assert_eq!(c.place.as_deref(), Some("Kyiv"));
    assert_eq!(c.publisher.as_deref(), Some("Dukh i Litera"));
    assert_eq!(c.pages.as_deref(), Some("112–130"));
    assert_eq!(c.isbn.as_deref(), Some("978-0-333-60390-6"));
}

#[test]
fn chicago_book() {
    let c =
        parse_entry("Lankov, Andrei. The Real North Korea. Oxford: Oxford University Press, 2013.");
    assert_eq!(names(&c), [(Some("Lankov"), Some("Andrei"))]);
    assert_eq!(c.title.as_deref(), Some("The Real North Korea"));
    assert_eq!(c.place.as_deref(), Some("Oxford"));
    assert_eq!(c.publisher.as_deref(), Some("Oxford University Press"));
    assert_eq!(c.date.as_deref(), Some("2013"));
}

#[test]
fn mla_article() {
    let c = parse_entry(
        "Smith, John, and Jane Doe. \"Trade in Asia.\" Journal of Trade, vol. 3, 2019, pp. 1-10. doi:10.1000/xyz123.",
    );
    assert_eq!(
        names(&c),
        [(Some("Smith"), Some("John")), (Some("Doe"), Some("Jane"))]
    );
    assert_eq!(c.title.as_deref(), Some("Trade in Asia"));
    assert_eq!(c.work.as_deref(), Some("Journal of Trade"));
    assert_eq!(c.pages.as_deref(), Some("1-10"));
    assert_eq!(c.doi.as_deref(), Some("10.1000/xyz123"));
    assert_eq!(c.date.as_deref(), Some("2019"));
}

#[test]
fn template_dates() {
    let p = |k: &str, v: &str| (k.to_string(), v.to_string());
    let c = from_template(&[
        p("date", "2016-08"),
        p("access-date", "2024-05-12"),
        p("last", "Wertz"),
        p("first", "Daniel"),
    ]);
    assert_eq!(c.date.as_deref(), Some("2016-08"));
    assert_eq!(c.access_date.as_deref(), Some("2024-05-12"));
    let c = from_template(&[p("date", "May 3, 2019"), p("author", "Reuters Staff")]);
    assert_eq!(c.date.as_deref(), Some("2019-05-03"));
    assert_eq!(c.authors[0].name, "Reuters Staff");
}

#[test]
fn template_authors() {
    let p = |k: &str, v: &str| (k.to_string(), v.to_string());
    let c = from_template(&[
        p("last1", "Yoon"),
        p("first1", "Min"),
        p("last2", "Park"),
        p("first2", "Ji"),
        p("author3", "Reuters Staff"),
    ]);
    let names: Vec<&str> = c.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Yoon, Min", "Park, Ji", "Reuters Staff"]);
    let v = from_template(&[p("vauthors", "Smith JA, Jones B")]);
    assert_eq!(v.authors[0].last.as_deref(), Some("Smith"));
    assert_eq!(v.authors[1].first.as_deref(), Some("B"));
    assert_eq!(split_number("author2-last"), ("author-last", Some(2)));
    assert_eq!(split_number("access-date"), ("access-date", None));
}

#[test]
fn rendered_reference_list_entries() {
    let c = parse_entry(
        "^ Wertz, Daniel. \"DPRK Diplomatic Relations\" (PDF). NCNK. Retrieved 12 May 2024.",
    );
    assert_eq!(names(&c), [(Some("Wertz"), Some("Daniel"))]);
    assert_eq!(c.work.as_deref(), Some("NCNK"));
    let c = parse_entry(
        "^ a b c \"North Korea recognises Crimea\". BBC News. 12 March 2017. Retrieved 3 April 2017.",
    );
    assert!(c.authors.is_empty());
    assert_eq!(c.title.as_deref(), Some("North Korea recognises Crimea"));
    assert_eq!(c.work.as_deref(), Some("BBC News"));
    assert_eq!(c.date.as_deref(), Some("2017-03-12"));
    let c = parse_entry("↑ Smith, John (2020). \"Trade report\" (in Russian). Kommersant.");
    assert_eq!(names(&c), [(Some("Smith"), Some("John"))]);
    assert_eq!(c.work.as_deref(), Some("Kommersant"));
}

#[test]
fn apa_web_date() {
    let c = parse_entry(
        "Smith, J. (2019, May 3). Title of the article. The Guardian. https://www.theguardian.com/x",
    );
    assert_eq!(names(&c), [(Some("Smith"), Some("J."))]);
    assert_eq!(c.date.as_deref(), Some("2019-05-03"));
    assert_eq!(c.title.as_deref(), Some("Title of the article"));
    assert_eq!(c.url.as_deref(), Some("https://www.theguardian.com/x"));
}

#[test]
fn organisation_author() {
    let c =
        parse_entry("Ministry of Foreign Affairs of Ukraine (2020). \"Relations with the DPRK\".");
    assert_eq!(c.authors.len(), 1);
    assert_eq!(c.authors[0].last, None);
    assert_eq!(c.authors[0].name, "Ministry of Foreign Affairs of Ukraine");
}

/// Wikitext through the whole pipeline, for the linking rules.
fn wiki(src: &str) -> model::Article {
    let config = crate::Config {
        dialect: Some(crate::Dialect::Wikitext),
        ..crate::Config::default()
    };
    crate::process_article(src, &config)
}

#[test]
fn hand_written_refs_keep_their_link() {
    let a = wiki(
        "Gamma.<ref>[http://example.com/page Example page], ''The Daily'', retrieved 5 May 2020.</ref>\n",
    );
    let c = &a.citations[0];
    assert_eq!(c.url.as_deref(), Some("http://example.com/page"));
    assert_eq!(c.title.as_deref(), Some("Example page"));
    assert_eq!(c.work.as_deref(), Some("The Daily"));
    assert_eq!(c.access_date.as_deref(), Some("2020-05-05"));
    let b = wiki("Bare.<ref>[https://x.org/a]</ref>\n");
    assert_eq!(b.citations[0].url.as_deref(), Some("https://x.org/a"));
    assert_eq!(b.citations[0].title, None);
}

#[test]
fn hand_written_refs_read_their_marked_title() {
    let fields = |src: &str| {
        let a = wiki(&format!("Text.<ref>{src}</ref>\n"));
        let c = a.citations[0].clone();
        let authors: Vec<String> = c.authors.iter().map(|a| a.name.clone()).collect();
        (
            authors,
            c.title,
            c.date,
            c.access_date,
            c.work,
            c.publisher,
            c.pages,
        )
    };
    let s = |v: &str| Some(v.to_string());
    // The link's text is the title, even after a comma and a year.
    assert_eq!(
        fields(
            "[http://x.ca/cne CNE – About Us], [[Canadian National Exhibition]] (2006). Retrieved 2006-12-29."
        ),
        (
            vec![],
            s("CNE – About Us"),
            s("2006"),
            s("2006-12-29"),
            s("Canadian National Exhibition"),
            None,
            None
        )
    );
    // An italic title after a few names; a book's publisher follows.
    assert_eq!(
        fields(
            "Larry Christiansen, ''Storming the Barricades'', Gambit Publications, 2000, p. 154."
        ),
        (
            vec!["Larry Christiansen".to_string()],
            s("Storming the Barricades"),
            s("2000"),
            None,
            None,
            s("Gambit Publications"),
            s("154")
        )
    );
    // German: "S." marks pages, "abgerufen am" the access date.
    let (authors, title, date, _, _, _, pages) =
        fields("Rottman: ''The Bazooka.'' 2012, S. 29–30.");
    assert_eq!(
        (authors, title, date, pages),
        (
            vec!["Rottman".to_string()],
            s("The Bazooka"),
            s("2012"),
            s("29–30")
        )
    );
    assert_eq!(
        fields("Alexis Deveria: [http://caniuse.com Can I use], abgerufen am 24. Januar 2015.").3,
        s("2015-01-24")
    );
    // Italics inside prose are not a title; a link naming a site is not
    // one either.
    assert_ne!(
        fields("Grant notes the ''Book of Optics'' has other names.").1,
        s("Book of Optics")
    );
    assert_eq!(
        fields("Kennedy: ''History of the Shaped Charge Effect.'' 1983 [http://www.dtic.mil/a.pdf dtic.mil]").1,
        s("History of the Shaped Charge Effect")
    );
    assert_eq!(fields("Shaw, pg. 40").6, s("40"));
    // The marks are the renderer's: a title that continues with a
    // capitalised word or a link is still the title, an entity in the
    // link's text is decoded, a linked italic title is read, and a
    // year that closes the names is the date.
    let (authors, title, ..) =
        fields("Carl Smith: ''US Paratrooper 1941–1945.'' Osprey Publishing, 2000, S. 63");
    assert_eq!(
        (authors, title),
        (
            vec!["Carl Smith".to_string()],
            s("US Paratrooper 1941–1945")
        )
    );
    assert_eq!(
        fields("[http://x.uk/a.pdf Fact sheet&nbsp;– gov.uk], Ministry of Justice").1,
        s("Fact sheet – gov.uk")
    );
    let (authors, title, ..) =
        fields("[[Caro, Robert A.]] ''[[The Years of Lyndon Johnson]]''. New York: Knopf, 2002.");
    assert_eq!(
        (authors, title),
        (
            vec!["Caro, Robert A.".to_string()],
            s("The Years of Lyndon Johnson")
        )
    );
    let (authors, title, date, ..) =
        fields("Sochen, June. 1972. ''The New Woman.'' New York: Quadrangle.");
    assert_eq!(
        (authors, title, date),
        (
            vec!["Sochen, June".to_string()],
            s("The New Woman"),
            s("1972")
        )
    );
    // Single curly quotes: an apostrophe inside does not close them.
    assert_eq!(
        fields("Smith, J. (2001) ‘Alhazen’s problem’, Optics Review.").1,
        s("Alhazen’s problem")
    );
    assert_eq!(
        fields(
            "Reese, Jennifer [http://wp.example/a ‘Big Magic’: Gilbert’s advice] Washington Post"
        )
        .1,
        s("‘Big Magic’: Gilbert’s advice")
    );
    // Bibliography entries read their marks the same way; an italic
    // word inside a name is not the title.
    let a = wiki(
        "Text.\n==Bibliography==\n* [[April Carter|Carter, April]], ''The Political Theory of Anarchism'', Harper & Row. 1971.\n* Maclean, ''Sir'' John (1870) ''Parochial History''. London: Nichols. Reissued 1990.\n",
    );
    let got: Vec<_> = a
        .citations
        .iter()
        .map(|c| {
            (
                c.title.clone(),
                c.publisher.clone(),
                c.date.clone(),
                c.work.clone(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                s("The Political Theory of Anarchism"),
                s("Harper & Row"),
                s("1971"),
                None
            ),
            (s("Parochial History"), s("Nichols"), s("1870"), None),
        ]
    );
    // A quote inside the link's text stays.
    assert_eq!(
        fields("[http://bbc.co.uk/7 \"Ancient skeleton was 'even older'\"]. [[BBC News]]. 30 October 2007.").1,
        s("Ancient skeleton was 'even older'")
    );
}

#[test]
fn template_titles_lose_typed_quotes() {
    assert_eq!(unquote("\"Acme profits\""), "Acme profits");
    assert_eq!(unquote("“Acme”"), "Acme");
    assert_eq!(unquote("\"A\" and \"B\""), "\"A\" and \"B\"");
    assert_eq!(unquote("Plain"), "Plain");
    assert_eq!(unquote("\""), "\"");
}

#[test]
fn sfn_links_by_author_and_year_prefix() {
    let a = wiki(
        "A claim.{{sfn|Smith|2019a}} Another.{{sfn|smith|1990}} Third.{{sfn|Jones}}\n\
         ==Bibliography==\n\
         * {{cite book|last=Smith|title=Early|year=1990}}\n\
         * {{cite book|last=Smith|title=Later|year=2019}}\n\
         * {{cite book|last1=Brown|last2=Jones|title=Joint|date=5 May 2001}}\n",
    );
    let title = |i: usize| a.citations[i].title.as_deref();
    let uses = |i: usize| a.citations[i].uses.len();
    assert_eq!(title(1), Some("Later"));
    assert_eq!(uses(1), 1, "2019a matches 2019");
    assert_eq!(uses(0), 1, "case-insensitive author, exact year");
    assert_eq!(title(2), Some("Joint"));
    assert_eq!(uses(2), 1, "any author of the entry, no year given");
}

#[test]
fn a_ref_holding_a_short_citation_reads_as_its_entry() {
    let a = wiki(
        "A claim.<ref>{{harvnb|Lind|2001|pp=30–31}}.</ref> More.<ref>{{harvnb|Nobody|1900}}</ref>\n\
         ==Sources==\n\
         * {{cite book|last=Lind|first=Anna|title=My Husband|year=2001|publisher=Norstedts}}\n",
    );
    // Every <ref> stays a ref citation of its own.
    let refs: Vec<_> = a
        .citations
        .iter()
        .filter(|c| c.kind == CitationKind::Ref)
        .collect();
    assert_eq!(refs.len(), 2);
    assert_eq!(refs[0].title.as_deref(), Some("My Husband"));
    assert_eq!(refs[0].publisher.as_deref(), Some("Norstedts"));
    assert_eq!(refs[0].pages.as_deref(), Some("30–31"));
    assert_eq!(refs[1].title, None, "no entry to point to");
    let entry = a
        .citations
        .iter()
        .find(|c| c.kind == CitationKind::Bibliography)
        .expect("entry");
    assert_eq!(entry.uses.len(), 1, "the harvnb is a use of its entry");
}

/// A ref that opens with its short citation and quotes the source after
/// it reads as the entry pointed to; one that only mentions a short
/// citation inside its note does not.
#[test]
fn a_ref_opening_with_a_short_citation_and_a_quote_reads_as_its_entry() {
    let a = wiki(
        "A claim.<ref>{{Harvnb|Lind|2001|p=39}}: \"As a rigorous writer, she is sometimes credited with the method.\"</ref> \
         More.<ref>For her method, see e.g. {{harvnb|Lind|2001|p=40}}.</ref>\n\
         ==Sources==\n\
         * {{cite book|last=Lind|first=Anna|title=My Husband|year=2001|publisher=Norstedts}}\n",
    );
    let refs: Vec<_> = a
        .citations
        .iter()
        .filter(|c| c.kind == CitationKind::Ref)
        .collect();
    assert_eq!(refs[0].title.as_deref(), Some("My Husband"));
    assert_eq!(refs[0].pages.as_deref(), Some("39"));
    assert!(refs[0].raw.contains("As a rigorous writer"));
    assert_ne!(refs[1].title.as_deref(), Some("My Husband"));
}

#[test]
fn named_refs_first_definition_wins_and_reuses_count() {
    let a = wiki(
        "One.<ref name=\"a\">First def.</ref> Two.<ref name=a /> \
         Three.<ref name=\"a\">Second def.</ref> Four.<ref group=n name=a>Other group.</ref>\n",
    );
    assert_eq!(a.citations.len(), 2);
    assert_eq!(a.citations[0].uses.len(), 2);
    assert_eq!(a.citations[1].uses.len(), 0);
}

/// The first citation of an article holding one ref with `body`.
fn hand_cite(body: &str) -> model::Citation {
    wiki(&format!("Text.<ref>{body}</ref>\n")).citations[0].clone()
}

/// The names of a citation's authors.
fn author_names(c: &model::Citation) -> Vec<String> {
    c.authors.iter().map(|a| a.name.clone()).collect()
}

/// The failures a walk through real hand-written refs found, in their
/// shapes: notes before the author, organisations, connectors left by a
/// cut field, access dates written "accessdate:", a site after the
/// headline, a date split by a comma, a place after the paper, editors'
/// roles, quotes around a "See also" entry.
#[test]
fn hand_written_refs_as_real_pages_write_them() {
    let c = hand_cite(
        "Discussion, photo and bibliography in Okasha, Elisabeth (1993). ''Corpus of Inscribed Stones''. Leicester: University Press, pp. 126-128",
    );
    assert_eq!(author_names(&c), ["Okasha, Elisabeth"]);
    assert_eq!(c.title.as_deref(), Some("Corpus of Inscribed Stones"));

    let c = hand_cite("Ordnance Survey ''One-inch Map of Great Britain, sheet 186''. 1961");
    assert_eq!(author_names(&c), ["Ordnance Survey"]);
    assert_eq!(c.authors[0].last, None, "an organisation is no person");

    let c = hand_cite(
        "Colin Day, ''National Service in Cornwall'', at www.example.com/days.html (accessed 7 December 2010).",
    );
    assert_eq!(c.publisher, None);
    assert_eq!(c.access_date.as_deref(), Some("2010-12-07"));

    let c = hand_cite(
        "Cornish Guardian: [http://example.com/story Wheelchair racer breaks record | Cornish Guardian], accessdate: 23 June 2016",
    );
    assert_eq!(c.title.as_deref(), Some("Wheelchair racer breaks record"));
    assert_eq!(c.access_date.as_deref(), Some("2016-06-23"));

    let c = hand_cite(
        "[http://example.com/a \"Harper finds a director\"]. ''[[The Globe and Mail]]'', August 31, 2011.",
    );
    assert_eq!(c.work.as_deref(), Some("The Globe and Mail"));
    assert_eq!(c.date.as_deref(), Some("2011-08-31"));

    let c = hand_cite("\"Illiterate Recruits\" in ''The Times'' (London) (23 August 1947).");
    assert_eq!(c.work.as_deref(), Some("The Times"));
    assert_eq!(c.place.as_deref(), Some("London"));

    let c = hand_cite(
        "Individualist anarchist Benjamin Tucker defined it as follows \"They found that they must turn\" [http://example.org/t Benjamin Tucker. Individual Liberty.]",
    );
    assert!(c.authors.is_empty(), "{:?}", c.authors);

    let c = hand_cite("Green u.&nbsp;a.: ''The Ordnance Department.'' 1955, S. 354.");
    assert_eq!(author_names(&c), ["Green"]);

    let c = hand_cite(
        "Gary Chartier and Charles W. Johnson (eds). ''Markets Not Capitalism''. Minor Compositions, 2011",
    );
    assert_eq!(author_names(&c), ["Gary Chartier", "Charles W. Johnson"]);

    let a = wiki("Text.\n\n==See also==\n*\"[[Hiding in the Light]]\"\n* [[Optics]]\n");
    assert_eq!(a.see_also, ["Hiding in the Light", "Optics"]);
}

/// Editors' roles after a comma or in parentheses, a German access date,
/// and the book a piece is in ("In: …").
#[test]
fn hand_written_refs_roles_access_dates_and_books() {
    let c = hand_cite("Graham, Robert, ed., ''A Documentary History of Libertarian Ideas''.");
    assert_eq!(author_names(&c), ["Graham, Robert"]);
    let c = hand_cite(
        "Outhwaite, William &amp; Tourain, Alain (Eds.). (2003). Anarchism. Blackwell Publishing.",
    );
    assert_eq!(author_names(&c), ["Outhwaite, William", "Tourain, Alain"]);
    let c = hand_cite(
        "[[Ronald Hamowy|Hamowy, Ronald]] (editor). ''The Encyclopedia of Libertarianism,'' SAGE, 2008",
    );
    assert_eq!(author_names(&c), ["Hamowy, Ronald"]);
    let c = hand_cite(
        "[https://www.example.de/a.html Firefox 42], Welt.de, abgerufen am 4. November 2015",
    );
    assert_eq!(c.access_date.as_deref(), Some("2015-11-04"));
    let c = hand_cite(
        "[[Griselda Pollock]], ''Inscriptions in the feminine''. In: ''Inside the Visible'' edited by Catherine de Zegher. MIT Press, 1996.",
    );
    assert_eq!(c.work.as_deref(), Some("Inside the Visible"));
    assert_eq!(c.place, None);
    assert_eq!(c.publisher.as_deref(), Some("MIT Press"));
}

/// A source "quoted in", a short citation, a newspaper's weekday, names
/// written first name first between commas.
#[test]
fn hand_written_refs_short_forms_and_name_lists() {
    let c = hand_cite(
        "quoted in Billington, James H. 1998. ''Fire in the minds of men'' New Jersey: Transaction Books, p 417.",
    );
    assert_eq!(author_names(&c), ["Billington, James H."]);
    assert_eq!(c.date.as_deref(), Some("1998"));
    let c = hand_cite("Seirawan, pp. 161-67.");
    assert_eq!(author_names(&c), ["Seirawan"]);
    assert_eq!(
        (c.title.as_deref(), c.pages.as_deref()),
        (None, Some("161-67"))
    );
    let c = hand_cite(
        "[http://example.com/a Visible minority will mean white] Toronto Star (Wed March 10, 2010)",
    );
    assert_eq!(c.date.as_deref(), Some("2010-03-10"));
    let c = hand_cite(
        "Ted Honderich, Carmen García Trevijano, ''Oxford Encyclopaedia of Philosophy''.",
    );
    assert_eq!(
        author_names(&c),
        ["Ted Honderich", "Carmen García Trevijano"]
    );
    let c = hand_cite("Field, Clive D. (November 2009). \"British religion in numbers\".");
    assert_eq!(author_names(&c), ["Field, Clive D."]);
}

/// A title naming its author at its end.
#[test]
fn hand_written_title_by_its_author() {
    let c = hand_cite(
        "[http://example.org/le961210.html The Free Love Movement and Radical Individualism By Wendy McElroy]",
    );
    assert_eq!(author_names(&c), ["Wendy McElroy"]);
    assert_eq!(
        c.title.as_deref(),
        Some("The Free Love Movement and Radical Individualism")
    );
    // Not a name: "by" in a title about something.
    let c = hand_cite("[http://example.org/a Growth by Sector in 2010]");
    assert!(c.authors.is_empty());
}

/// Dates of references written in other languages: a month and a year,
/// a day with its full stop.
#[test]
fn hand_written_refs_dates_in_other_languages() {
    let c = hand_cite("Pienaar, Hans “Rapport” 31 Januarie 2010");
    assert_eq!(c.date.as_deref(), Some("2010-01-31"));
    let c = hand_cite("TM 9-294, März 1944, S. 2.");
    assert_eq!(c.date.as_deref(), Some("1944-03"));
    let c = hand_cite("HAT Taal-en-feitegids, Pearson, Desember 2013, ISBN 978-1-77578-243-8");
    assert_eq!(c.date.as_deref(), Some("2013-12"));
    assert_eq!(c.isbn.as_deref(), Some("978-1-77578-243-8"));
}

/// What follows a book's title: its imprint in parentheses, an edition
/// before the publisher, a year closing the publisher, a note after a
/// semicolon, the author after "by"; two names with a middle initial.
#[test]
fn hand_written_refs_imprints_and_editions() {
    let c = hand_cite(
        "Daniel Guerin, ''Anarchism: From Theory to Practice'' (New York: Monthly Review Press, 1970).",
    );
    assert_eq!(
        (c.place.as_deref(), c.publisher.as_deref()),
        (Some("New York"), Some("Monthly Review Press"))
    );
    assert_eq!(c.date.as_deref(), Some("1970"));
    let c = hand_cite("Pevsner, N. (1970) ''Cornwall''; second ed. Penguin Books");
    assert_eq!(c.publisher.as_deref(), Some("Penguin Books"));
    let c = hand_cite("Perlin, Terry M. ''Contemporary Anarchism'', Transaction Books, NJ 1979.");
    assert_eq!(c.date.as_deref(), Some("1979"));
    let c = hand_cite(
        "Thorn, C. et al. (eds.) (1979) ''Cornwall''. Chichester: Phillimore; entries 4,3-4.22",
    );
    assert_eq!(c.publisher.as_deref(), Some("Phillimore"));
    let c = hand_cite("[http://example.org/a.html \"Anarchist-Communism\" by Alain Pengam]");
    assert_eq!(author_names(&c), ["Alain Pengam"]);
    let c = hand_cite(
        "Norman Polmar, Thomas B. Allen: ''World War II: the Encyclopedia''. Random House, 1996",
    );
    assert_eq!(author_names(&c), ["Norman Polmar", "Thomas B. Allen"]);
}

/// Shapes a fresh sample of hand-written refs got wrong: a language note
/// in parentheses, a series note in parentheses before the imprint, an
/// editor's "ed." and an edition before the title, and a work followed
/// by its publisher after a comma.
#[test]
fn hand_written_refs_notes_editors_and_imprints() {
    let c = hand_cite(
        "[http://www.example.org/report/ ''The State of Mozilla Annual Report''], Mozilla, abgerufen am 21. Dezember 2011 (englisch).",
    );
    assert_eq!(
        c.title.as_deref(),
        Some("The State of Mozilla Annual Report")
    );
    assert_eq!(c.work, None);
    assert_eq!(c.access_date.as_deref(), Some("2011-12-21"));
    let c = hand_cite("Smith, John (2001). ''A History''. Penguin (in English).");
    assert_eq!(c.publisher.as_deref(), Some("Penguin"));
    let c = hand_cite(
        "Maclean, ''Sir'' John (1870) ''Parochial and Family History of the Parish and Borough of Bodmin''. (Parochial and Family History of the Deanery of Trigg Minor; pt. 2.) London: Nichols & Sons",
    );
    assert_eq!(
        (
            c.place.as_deref(),
            c.publisher.as_deref(),
            c.work.as_deref()
        ),
        (Some("London"), Some("Nichols & Sons"), None)
    );
    let c = hand_cite(
        "Cannon, John, ed. (2nd edn., 2009). [https://books.example.org/?id=T ''A Dictionary of British History'']. Oxford University Press. p. 144.",
    );
    assert_eq!(c.title.as_deref(), Some("A Dictionary of British History"));
    assert_eq!(c.publisher.as_deref(), Some("Oxford University Press"));
    assert_eq!(c.date.as_deref(), Some("2009"));
    let c = hand_cite(
        "\"Anarchism.\" ''[[The Oxford Companion to Philosophy]]'', [[Oxford University Press]], 2007, p. 31.",
    );
    assert_eq!(c.title.as_deref(), Some("Anarchism"));
    assert_eq!(
        (c.work.as_deref(), c.publisher.as_deref()),
        (
            Some("The Oxford Companion to Philosophy"),
            Some("Oxford University Press")
        )
    );
}

/// An external link's text may hold a wikilink, which does not close it;
/// and its URL is the source's, where the text names the site bare.
#[test]
fn hand_written_refs_links_inside_links_and_bare_sites() {
    let c = hand_cite(
        "[http://www.example.com/anarchism \"Anarchism\" at the ''[[Encyclopedia Britannica]]'' online.]",
    );
    assert_eq!(c.url.as_deref(), Some("http://www.example.com/anarchism"));
    assert_eq!(c.title.as_deref(), Some("Anarchism"));
    assert!(
        !c.work.as_deref().unwrap_or_default().contains('['),
        "{:?}",
        c.work
    );
    let c = hand_cite(
        "Survey, British. [http://www.bgs.ac.uk/mines/coal.html \"Coal | Mines & quarries\"]. ''www.bgs.ac.uk''. Retrieved 7 July 2015.",
    );
    assert_eq!(
        c.url.as_deref(),
        Some("http://www.bgs.ac.uk/mines/coal.html")
    );
    assert_eq!(c.work.as_deref(), Some("www.bgs.ac.uk"));
    assert_eq!(c.access_date.as_deref(), Some("2015-07-07"));
}

/// A second date standing alone after the date of publication is the day
/// the source was read, never a publisher: "… #4. 1922. 13 October 2002.
/// http://…".
#[test]
fn hand_written_refs_a_second_bare_date_is_the_access_date() {
    let c = hand_cite(
        "Fabbri, Luigi. \"Anarchism and Communism.\" Northeastern Anarchist #4. 1922. 13 October 2002. http://example.org/fabbri.html",
    );
    assert_eq!(c.date.as_deref(), Some("1922"));
    assert_eq!(c.access_date.as_deref(), Some("2002-10-13"));
    assert_eq!(c.publisher, None);
    assert_eq!(c.work.as_deref(), Some("Northeastern Anarchist #4"));
}

/// After an article's title an institution published it, where a
/// periodical is its work; an editor's "Note: …" is no field.
#[test]
fn hand_written_refs_institutions_publish_periodicals_hold() {
    let c = hand_cite(
        "[http://www.example.org/tennis.asp History of Tennis] [[International Tennis Federation]]. Retrieved 28 July 2008.",
    );
    assert_eq!(
        (c.work.as_deref(), c.publisher.as_deref()),
        (None, Some("International Tennis Federation"))
    );
    let c = hand_cite(
        "[http://news.example.org/1/551486.stm True birthplace of Wales's literary hero]. BBC News. Retrieved 28 April 2012.",
    );
    assert_eq!(
        (c.work.as_deref(), c.publisher.as_deref()),
        (Some("BBC News"), None)
    );
    let c = hand_cite(
        "[http://data.example.org/wdi World Development Indicators], [[World Bank]]. Retrieved 29 June 2011. Note: Used for Bermuda, Chad and Cyprus.",
    );
    assert_eq!(
        (
            c.work.as_deref(),
            c.publisher.as_deref(),
            c.place.as_deref()
        ),
        (None, Some("World Bank"), None)
    );
    let c = hand_cite(
        "''U. S. rocket ordnance, development and use in world war II.'' [[United States Government Printing Office]], Washington 1946, S. 24 [http://books.example.org/pt?id=30 books.example.org].",
    );
    assert_eq!(
        c.publisher.as_deref(),
        Some("United States Government Printing Office")
    );
    assert_eq!(c.place.as_deref(), Some("Washington"));
    assert_eq!(c.work.as_deref(), Some("books.example.org"));
}

/// A title in plain single quotes, a work with its volume number after a
/// comma, and a title that ends with a colon before its URL.
#[test]
fn hand_written_refs_single_quotes_volumes_and_colons() {
    let c = hand_cite(
        "Semmel, Stuart. 'Reading the Tangible Past: British Tourism, Collecting, and Memory after Waterloo', ''Representations'', 69 (2000), pp.&nbsp;9&ndash;37.",
    );
    assert_eq!(author_names(&c), ["Semmel, Stuart"]);
    assert_eq!(
        c.title.as_deref(),
        Some("Reading the Tangible Past: British Tourism, Collecting, and Memory after Waterloo")
    );
    assert_eq!(c.work.as_deref(), Some("Representations"));
    assert_eq!(c.date.as_deref(), Some("2000"));
    // A site's name before its address: the work the page is part of.
    let c = hand_cite("Everything explained: http://everything.example.org/Mark_Behr/");
    assert_eq!(c.work.as_deref(), Some("Everything explained"));
    assert_eq!(c.title, None);
    // An apostrophe is no quotation mark.
    let c = hand_cite("Smith, John. Britain's 'Hidden' Wars. Penguin, 2001.");
    assert_ne!(c.title.as_deref(), Some("Hidden"));
}

/// A chapter's title, then "in" the book (a title with a subtitle) and
/// its publisher: the colon is the subtitle's, not a place's.
#[test]
fn hand_written_refs_chapter_in_a_book_with_a_subtitle() {
    let c = hand_cite(
        "Gottlieb, Evan. 'Fighting Words: British Poetry and the Napoleonic Wars', in ''Romantic Globalism: British Literature and Modern World Order, 1750–1830'', University of Ohio Press, 2014, pp.&nbsp;68&ndash;94.",
    );
    assert_eq!(
        c.title.as_deref(),
        Some("Fighting Words: British Poetry and the Napoleonic Wars")
    );
    assert_eq!(c.place, None);
    assert_eq!(c.publisher.as_deref(), Some("University of Ohio Press"));
    assert_eq!(
        c.work.as_deref(),
        Some("Romantic Globalism: British Literature and Modern World Order, 1750–1830")
    );
    let c = hand_cite("Smith, J. (1990). ''Tales''. London: Nichols & Sons.");
    assert_eq!(c.place.as_deref(), Some("London"));
}

/// A volume number before the publisher is no part of its name, and a
/// saint's "St." ends no segment.
#[test]
fn hand_written_refs_volumes_before_publishers_and_saints() {
    let c = hand_cite("''Chess Informant'', Volume 60, Šahovski Informator, 1994, p. 6.");
    assert_eq!(c.publisher.as_deref(), Some("Šahovski Informator"));
    assert_eq!(c.date.as_deref(), Some("1994"));
    let c = hand_cite("Smith, John. ''The Island''. St. Martin's Press, 1990.");
    assert_eq!(c.publisher.as_deref(), Some("St. Martin's Press"));
    let c = hand_cite(
        "[http://www.example.org/review.pdf \"The cultural superpower\"]. Journal of the Society, Norway. Volume 6. No. 1. Winter 2011",
    );
    assert_eq!(c.publisher, None);
    assert_eq!(c.date.as_deref(), Some("2011"));
}

/// A long quotation from the source, then the source: the quotation is
/// no title, and quotes inside it do not end it.
#[test]
fn hand_written_refs_a_quotation_then_its_source() {
    let c = hand_cite(
        "\"The river was wide and slow in those years, and the town grew on both of its banks. Everyone who lived there knew the ferry, and the \"old bridge\" was only a story then.\" [http://example.org/river \"The River Towns\" by Anna Weber at ''Valley Review'']",
    );
    assert_eq!(c.title.as_deref(), Some("The River Towns"));
    assert_eq!(author_names(&c), ["Anna Weber"]);
    assert_eq!(c.work.as_deref(), Some("Valley Review"));
    assert_eq!(c.url.as_deref(), Some("http://example.org/river"));
    let c = hand_cite(
        "\"Every one of the mills along the river had closed by the end of the decade, and the workers who had come for them moved on to the cities of the coast.\" Hans Keller. ''The Mill Valley: A History''. Routledge. London. 1999. p. 12",
    );
    assert_eq!(author_names(&c), ["Hans Keller"]);
    assert_eq!(c.title.as_deref(), Some("The Mill Valley: A History"));
    assert_eq!(c.publisher.as_deref(), Some("Routledge"));
    assert_eq!(c.pages.as_deref(), Some("12"));
    // A short quoted title is still the title.
    let c = hand_cite("\"River towns\". ''Valley Review''. 2001.");
    assert_eq!(c.title.as_deref(), Some("River towns"));
}

/// Sites named before their address, publishers' names, editions in other
/// languages, an italic title quoting a phrase, Arabic commas and page
/// marks.
#[test]
fn hand_written_refs_sites_publishers_editions_and_scripts() {
    let c = hand_cite("Valley Gazette: http://www.example.org/obituaries/1234");
    assert_eq!(c.work.as_deref(), Some("Valley Gazette"));
    assert_eq!(c.title, None);
    let c = hand_cite("Weber, Anna: http://www.example.org/weber.pdf");
    assert_eq!(author_names(&c), ["Weber, Anna"]);
    // A publisher's name after an article's title and its page.
    let c = hand_cite("Hans Keller (2010). \"Rivers and Mills\". p. 222. Routledge");
    assert_eq!(c.publisher.as_deref(), Some("Routledge"));
    assert_eq!(c.work, None);
    // "The Blackwell Encyclopaedia …" names a house but is a book.
    let c = hand_cite(
        "Keller, Hans. \"Mills.\" 1987. ''The Blackwell Encyclopaedia of Rivers''. Blackwell Publishing. p. 11.",
    );
    assert_eq!(
        c.work.as_deref(),
        Some("The Blackwell Encyclopaedia of Rivers")
    );
    assert_eq!(c.publisher.as_deref(), Some("Blackwell Publishing"));
    // An edition after the publisher, in Afrikaans.
    let c = hand_cite("Weber, A. “Oor die rivier” Tafelberg-Uitgewers Beperk Eerste uitgawe 1998");
    assert_eq!(c.publisher.as_deref(), Some("Tafelberg-Uitgewers Beperk"));
    assert_eq!(c.date.as_deref(), Some("1998"));
    // A book after its place.
    let c = hand_cite(
        "Anna Weber (2010) ''Modern Rivers'', 3rd edition, Oxford, Wiley-Blackwell p. 129",
    );
    assert_eq!(c.publisher.as_deref(), Some("Wiley-Blackwell"));
    assert_eq!(c.place.as_deref(), Some("Oxford"));
    // Quotes inside an italic title are the title's.
    let c = hand_cite(
        "Anna Weber, ''Le lotte del \"biennio rosso\" a Valle'', Cappelli, 1982, pag. 179.",
    );
    assert_eq!(author_names(&c), ["Anna Weber"]);
    assert_eq!(
        c.title.as_deref(),
        Some("Le lotte del \"biennio rosso\" a Valle")
    );
    assert_eq!(c.pages.as_deref(), Some("179"));
    assert_eq!(c.date.as_deref(), Some("1982"));
    // Arabic: no capitals, its own comma, "ص" for the page.
    let c = hand_cite("هادي العلوي, ''شخصيات في التاريخ'', دار النشر، بيروت، 1995، ص36");
    assert_eq!(author_names(&c), ["هادي العلوي"]);
    assert_eq!(c.title.as_deref(), Some("شخصيات في التاريخ"));
    assert_eq!(c.date.as_deref(), Some("1995"));
    assert_eq!(c.pages.as_deref(), Some("36"));
    // "by" a name, then where the piece appeared.
    let c = hand_cite(
        "[http://example.org/m \"Manifesto of the Valley\" by Hans Keller] on [[example.org]]",
    );
    assert_eq!(author_names(&c), ["Hans Keller"]);
    assert_eq!(c.work.as_deref(), Some("example.org"));
    // Years in parentheses inside the quoted title are the title's.
    let c =
        hand_cite("[http://example.org/t.pdf \"Valley Federation (1952–1960)\" by Hans Keller]");
    assert_eq!(c.date, None);
    // A dash before the work joins it.
    let c = hand_cite(
        "[http://example.org/p Valley, Portable Edition] – Unterseite bei ''[[Valley]]''",
    );
    assert!(!c.work.as_deref().unwrap_or("").starts_with('–'));
}

/// Prose before the names, ended by a dash; an introduction to a book
/// written by someone else.
#[test]
fn hand_written_refs_a_dash_before_the_names_and_a_part_of_a_book() {
    let c = hand_cite(
        "It may have been the same cross as the third.--Keller, A. G. (1896) ''Old Valley Crosses''. Truro: Joseph Pollard; pp. 46, 57",
    );
    assert_eq!(author_names(&c), ["Keller, A. G."]);
    assert_eq!(c.title.as_deref(), Some("Old Valley Crosses"));
    let c = hand_cite(
        "Weber, Anna. Introduction to ''Selected Writings of Hans Keller'', Anchor Books, 1969, p. 33",
    );
    assert_eq!(author_names(&c), ["Weber, Anna"]);
    assert_eq!(c.title.as_deref(), Some("Selected Writings of Hans Keller"));
    assert_eq!(c.publisher.as_deref(), Some("Anchor Books"));
    assert_eq!(c.date.as_deref(), Some("1969"));
}

/// A quotation run straight into its source's name, a German "vom" date,
/// a year then the publisher after a link, and a place after a book's
/// publisher.
#[test]
fn hand_written_refs_quotation_against_source_dates_and_places() {
    let c = hand_cite(
        "\"It is important to tell the valley towns from the river towns, which at times go by the same name (for example, the mill towns).\"[[Hans Keller]], ''[http://example.org/b The Politics of Rivers]'', Edinburgh University Press, 2010, p. 43",
    );
    assert_eq!(author_names(&c), ["Hans Keller"]);
    assert_eq!(c.title.as_deref(), Some("The Politics of Rivers"));
    assert_eq!(c.publisher.as_deref(), Some("Edinburgh University Press"));
    // An inner quote's close, then the quotation's, then a full stop.
    let c = hand_cite(
        "\"Markets, properly understood, have always been about the river, and the towns along it have the best claim to the name “valley.”\".[http://example.org/v \"A Good Word\"] by [[Hans Keller]] at website of Valley Society",
    );
    assert_eq!(c.title.as_deref(), Some("A Good Word"));
    assert_eq!(author_names(&c), ["Hans Keller"]);
    assert_eq!(c.work.as_deref(), Some("Valley Society"));
    let c = hand_cite(
        "[http://example.org/h Letzte Beta erschienen], Artikel bei ''[[Heise online]]'' vom 6.&nbsp;Mai 2011.",
    );
    assert_eq!(c.date.as_deref(), Some("2011-05-06"));
    let c = hand_cite(
        "[http://example.org/p Population Trends, Issues 75–82, p.38], 1994, UK Office of Population Censuses",
    );
    assert_eq!(c.date.as_deref(), Some("1994"));
    // A year between the publisher and a note on the copy; pages in
    // brackets.
    let c = hand_cite(
        "Keller, Hans. Valley Socialism. C. Scribner's sons, 1901, Original from Harvard University. p. 261.",
    );
    assert_eq!(c.date.as_deref(), Some("1901"));
    assert_eq!(c.publisher.as_deref(), Some("C. Scribner's sons"));
    let c = hand_cite("Keller, Hans \"Valley Ideology, 1868–1898\" [p. 135].");
    assert_eq!(c.pages.as_deref(), Some("135"));
    assert_eq!(c.work, None);
    // Title and journal each quoted; a volume and season in Afrikaans.
    let c = hand_cite(
        "Weber, Anna “Die rivier en die dorp” “Tydskrif vir Valleie” Jaargang 45 no. 2, Lente 2008",
    );
    assert_eq!(c.title.as_deref(), Some("Die rivier en die dorp"));
    assert_eq!(c.work.as_deref(), Some("Tydskrif vir Valleie"));
    assert_eq!(c.publisher, None);
    assert_eq!(c.date.as_deref(), Some("2008"));
    // A quotation after the source; the link's text a whole entry.
    let c = hand_cite(
        "[http://example.org/i Hans van der Keller (2011) An Interview with Anna Weber]: \"''My father and his mother spoke as much English as Afrikaans in the home. My sister and I grew up speaking both English and Afrikaans, and a bit of Swahili, as we were raised.''\"",
    );
    assert_eq!(author_names(&c), ["Hans van der Keller"]);
    assert_eq!(c.date.as_deref(), Some("2011"));
    assert_eq!(c.title.as_deref(), Some("An Interview with Anna Weber"));
    assert_eq!(c.work, None);
    // Quotes after the marked title are a later field's.
    let c = hand_cite(
        "Keller, Hans. [http://example.org/w ''Who is a Villager?''], [[Valley Foundation]], \"Ideas on Rivers,\" May 1955.",
    );
    assert_eq!(author_names(&c), ["Keller, Hans"]);
    assert_eq!(c.title.as_deref(), Some("Who is a Villager?"));
    // A bracket opened by a link without an address.
    let c = hand_cite("[Article 59(3) in Chapter 2 of the [[Constitution of the Valley]]");
    assert_eq!(
        c.title.as_deref(),
        Some("Article 59(3) in Chapter 2 of the Constitution of the Valley")
    );
    // A title may open with a connector's word; a work after one loses it.
    let c = hand_cite("Keller, Hans. In Search of the Valley. Penguin Books, 2001.");
    assert_eq!(c.title.as_deref(), Some("In Search of the Valley"));
    let c = hand_cite("[http://example.org/o \"1943–1945: Valley partisans\"] on [[example.org]]");
    assert_eq!(c.work.as_deref(), Some("example.org"));
    // A quote left alone at a field's end goes; a paired one stays.
    let c = hand_cite(
        "Keller, Hans '[http://example.org/a ''Valley''] (Montreal: Black Rose Books 2005)",
    );
    assert_eq!(author_names(&c), ["Keller, Hans"]);
    let c = hand_cite(
        "\"After the union in 1707, the official name became 'Great Valley'\", ''The Pageant'', Cengage Learning",
    );
    assert_eq!(
        c.title.as_deref(),
        Some("After the union in 1707, the official name became 'Great Valley'")
    );
    // A chapter "in" its editors' book.
    let c = hand_cite(
        "Weber, A. \"A reappraisal of the mills\", in Keller, Hans C. and Roth, Eva S., eds (1990), ''Reappraisals of the Valley''. Cambridge University Press. p. 248.",
    );
    assert_eq!(c.work.as_deref(), Some("Reappraisals of the Valley"));
    assert_eq!(c.publisher.as_deref(), Some("Cambridge University Press"));
    let c = hand_cite(
        "Weber, Anna, [http://example.org/b \"Valley, a transformation\"], in H. Keller. ed. (2005). ''The Changing Valley''. Amsterdam: Het Spinhuis. pp. 44–58.",
    );
    assert_eq!(c.work.as_deref(), Some("The Changing Valley"));
    assert_eq!(c.publisher.as_deref(), Some("Het Spinhuis"));
    assert_eq!(c.place.as_deref(), Some("Amsterdam"));
    // A link without text, then the paper's name.
    let c = hand_cite("[http://example.org/d/861734] Valle Información");
    assert_eq!(c.work.as_deref(), Some("Valle Información"));
    assert_eq!(c.title, None);
    let c = hand_cite("Hans Keller. ''Rivers and Education''. Routledge. New York. 2006. p. 7");
    assert_eq!(c.publisher.as_deref(), Some("Routledge"));
    assert_eq!(c.place.as_deref(), Some("New York"));
    assert_eq!(c.work, None);
}

/// Dates at a segment's edge (numeric European, German), the source a
/// quotation is quoted in, a town and its state, a reviser before the
/// work, a title that goes on past its link, notes after the imprint, a
/// periodical's issue after "by".
#[test]
fn hand_written_refs_edge_dates_contributors_places_and_notes() {
    let c = hand_cite("[http://example.org/a Interview mit Hans Keller: Das Tal], vt 27.10.2015");
    assert_eq!(c.date.as_deref(), Some("2015-10-27"));
    assert_eq!(c.work.as_deref(), Some("vt"));
    let c = hand_cite(
        "Valley Online: ''TIMELINE; Key dates of the Valley Mill.'' 9. Juni 2012 [http://example.org/t example.org]",
    );
    assert_eq!(c.date.as_deref(), Some("2012-06-09"));
    // An issue's number is no day.
    let c = hand_cite(
        "[http://example.org/m [[Hans Keller]]. \"Rivers: The Valley and Its Own\" on ''[[Valley Earth]]''. Vol. 2. No. 3 May 1907]",
    );
    assert_ne!(c.date.as_deref(), Some("1907-05-03"));
    let c = hand_cite(
        "\"What the river reaches is the valley's; and let the valley claim as its own everything the river is strong enough to reach, as far as the hills allow.\" In Keller, Hans. 1980. ''Rivers in the Dramas of Anna Weber''. Valley Press. p. 27.",
    );
    assert_eq!(author_names(&c), ["Keller, Hans"]);
    let c = hand_cite(
        "Hans Keller, ''Rivers in Valley Culture: A Sociology of Mills'', Burlington, VT, 2010, p. 25.",
    );
    assert_eq!(c.place.as_deref(), Some("Burlington, VT"));
    assert_eq!(c.publisher, None);
    let c = hand_cite(
        "Weber, A. (2004) ‘Keller, Sir Hans, first miller (1785–1853)’, rev. Eva T. Roth, ''Valley Dictionary of National Biography'', Valley University Press, 2004",
    );
    assert_eq!(
        c.work.as_deref(),
        Some("Valley Dictionary of National Biography")
    );
    assert_eq!(c.publisher.as_deref(), Some("Valley University Press"));
    let c = hand_cite(
        "[[Valley Board|Valley Audit Board]] [http://example.org/c Mill Report] for January to December 2010. Retrieved February 16, 2012.",
    );
    assert_eq!(
        c.title.as_deref(),
        Some("Mill Report for January to December 2010")
    );
    assert_eq!(c.work, None);
    let c = hand_cite(
        "Keller, Hans, ed., ''The Valley Reader'' (Mill Books 1977; ISBN 0-00-634011-3): An anthology of writings from valley millers and farmers including [[Anna Weber|Weber]], and many others.",
    );
    assert_eq!(c.publisher.as_deref(), Some("Mill Books"));
    assert_eq!(c.work, None);
    let c = hand_cite(
        "Keller, Hans, ''Rivers: A Graphic Guide'', (Mill Press, 1987): An overview, updating the classic, and illustrated throughout with woodcut-style artwork.",
    );
    assert_eq!(c.work, None);
    let c = hand_cite(
        "\"I see the dichotomies made between the river and the valley as false dichotomies and feel that those who accept them are impoverishing their own critique.\"[http://example.org/p \"MY RIVERS\" by Willful Valley Vol. 2, No. 12]",
    );
    assert_eq!(c.work.as_deref(), Some("Willful Valley"));
    assert!(c.authors.is_empty());
}

/// An issue of a periodical named as the title, a paper's name after a
/// link without text, and a publisher followed by where it published.
#[test]
fn hand_written_refs_issues_papers_and_places_after_publishers() {
    let c = hand_cite("''Valleyx, n. 8'', [Vol. 4(3)], 1998.");
    assert_eq!(c.work.as_deref(), Some("Valleyx"));
    assert_eq!((c.title, c.publisher), (None, None));
    assert_eq!(c.date.as_deref(), Some("1998"));
    let c = hand_cite("[http://example.org/v/777547] Valley Star (Wed March 10, 2010)");
    assert_eq!(c.work.as_deref(), Some("Valley Star"));
    assert!(c.authors.is_empty());
    assert_eq!(c.date.as_deref(), Some("2010-03-10"));
    let c = hand_cite(
        "''Volume One: From Mills to Rivers (300CE to 1939)'', [[Mill Books]], Montréal and London 2005.",
    );
    assert_eq!(c.publisher.as_deref(), Some("Mill Books"));
    assert_eq!(c.place.as_deref(), Some("Montréal and London"));
    let c = hand_cite("Keller, Hans. ''Valley Rivers'', Mill Books, New Brunswick, NJ 1979.");
    assert_eq!(c.publisher.as_deref(), Some("Mill Books"));
    assert_eq!(c.place.as_deref(), Some("New Brunswick, NJ"));
    let c = hand_cite("Hans Keller. Rivers and Mills. Valley Publishing, Ltd., 2007. p. 119.");
    assert_eq!(c.publisher.as_deref(), Some("Valley Publishing, Ltd."));
    assert_eq!(c.place, None);
}

/// Years before "by" belong to the title; "Stand:" gives the day a page
/// was read; a title runs into its imprint; a city alone is a place.
#[test]
fn hand_written_refs_titles_by_authors_as_of_dates_and_cities() {
    let c = hand_cite("[http://example.org/n EL RIO DEL VALLE (1890–1939) by Hans Peter Keller]");
    assert_eq!(author_names(&c), ["Hans Peter Keller"]);
    assert_eq!(c.title.as_deref(), Some("EL RIO DEL VALLE (1890–1939)"));
    assert_eq!(c.date, None);
    let c = hand_cite("[http://example.org/h Valley open: Das Tal gibt auf; Stand: 13. März 2016]");
    assert_eq!(c.title.as_deref(), Some("Valley open: Das Tal gibt auf"));
    assert_eq!(c.access_date.as_deref(), Some("2016-03-13"));
    let c = hand_cite("Keller, Hans. Rivers, London: Mill Books Ltd., 2004. p. 85");
    assert_eq!(c.title.as_deref(), Some("Rivers"));
    assert_eq!(c.place.as_deref(), Some("London"));
    assert_eq!(c.publisher.as_deref(), Some("Mill Books Ltd."));
    let c = hand_cite(
        "Keller, Hans (5 December 2011). [http://example.org/g \"Gap between the rivers\"]. ''The Daily Valley''. London.",
    );
    assert_eq!(c.work.as_deref(), Some("The Daily Valley"));
    assert_eq!(c.place.as_deref(), Some("London"));
    assert_eq!(c.publisher, None);
}

/// A year before a site's name, a title opening with an article, and a
/// link's text after a book's publisher (a site, not a place).
#[test]
fn hand_written_refs_years_before_sites_titles_with_articles_and_linked_sites() {
    let c = hand_cite(
        "Hans Keller: ''History of the Valley Effect.'' 1983 [http://example.org/v.pdf example.org] (PDF)",
    );
    assert_eq!(c.date.as_deref(), Some("1983"));
    assert_eq!(c.publisher.as_deref(), Some("example.org"));
    let c = hand_cite("The Prisoner of the Valley. Clifton, NJ: Mill Press, 2017.");
    assert!(c.authors.is_empty());
    assert_eq!(c.title.as_deref(), Some("The Prisoner of the Valley"));
    assert_eq!(c.place.as_deref(), Some("Clifton, NJ"));
    let c = hand_cite(
        "Hans Keller, Anna Weber, ''Key thinkers in rivers'', Valley University Press US, 2005, {{ISBN|0-19-518767-9}}, [http://example.org/b?id=V&pg=PA166 Valley Print, p. 166]",
    );
    assert_eq!(c.place, None);
    assert_eq!(c.work.as_deref(), Some("Valley Print"));
}

/// An issue's month after its numbers, a one-word organisation after
/// "by", and a second link's title before the work.
#[test]
fn hand_written_refs_issue_months_lowercase_bylines_and_second_links() {
    let c = hand_cite(
        "[http://example.org/x.html#142 [[Hans Keller]]. \"Rivers: The Valley and Its Own\" on ''[[Valley Earth (magazine)|Valley Earth]]''. Vol. 2. No. 3 May 1907]",
    );
    assert_eq!(c.date.as_deref(), Some("1907-05"));
    assert_eq!(c.publisher, None);
    let c = hand_cite("[http://example.org/g \"hans keller and informal rivers\" by valleyed]");
    assert_eq!(author_names(&c), ["valleyed"]);
    assert_eq!(c.work, None);
    let c = hand_cite(
        "[http://example.org/a The Mills of England] and [http://example.org/b Valley: The Mill Period], Encyclopædia of Valleys Online.",
    );
    assert_eq!(c.title.as_deref(), Some("The Mills of England"));
    assert_eq!(c.work.as_deref(), Some("Encyclopædia of Valleys Online"));
}

/// A quoted work after "from", an institution and its part as one author
/// before the title, and a printing office as a publisher.
#[test]
fn hand_written_refs_quoted_works_institutions_and_printing_offices() {
    let c = hand_cite(
        "[[Hans Keller|Keller]], Hans. ''\"[http://example.org/ch03.htm Chapter 3. Rivers as the cause of the valley]\"'' from ''\"[[What is a Valley?]]\"'', 1840",
    );
    assert_eq!(c.work.as_deref(), Some("What is a Valley?"));
    let c = hand_cite(
        "Valley University, School of Rivers and Applied Mills: ''Mill History.'' [http://example.org/h example.org]",
    );
    assert_eq!(
        author_names(&c),
        ["Valley University, School of Rivers and Applied Mills"]
    );
    assert_eq!(c.title.as_deref(), Some("Mill History"));
    let c = hand_cite("Keller, Hans. ''Rivers''. Valley Printing Office, Ottawa, 1946.");
    assert_eq!(c.publisher.as_deref(), Some("Valley Printing Office"));
    assert_eq!(c.place.as_deref(), Some("Ottawa"));
}

/// Titles that quote inside their quotes, in a link or after an
/// unclosed one.
#[test]
fn hand_written_refs_titles_quoting_inside_their_quotes() {
    let c = hand_cite(
        "[http://example.org/j3 \"J.3.2 What are \"valley\" federations?\"] in An Anarchist Valley",
    );
    assert_eq!(
        c.title.as_deref(),
        Some("J.3.2 What are \"valley\" federations?")
    );
    assert_eq!(c.work.as_deref(), Some("An Anarchist Valley"));
    let c = hand_cite(
        "[http://example.org/k \"Chapter 41: The \"Millers\"\" in ''The Great Valley Revolution 1789–1793'' by Hans Keller",
    );
    assert_eq!(c.title.as_deref(), Some("Chapter 41: The \"Millers\""));
}

/// An editor's name before a parenthesised imprint, an edition in
/// parentheses after a work, and the publisher after a work read first
/// as one.
#[test]
fn hand_written_refs_editors_before_imprints_and_works_before_publishers() {
    let c = hand_cite(
        "Keller, ''Solution to the Valley Problem'', ed. H. Weber (New York: Mill Press, 1927), p. 45.",
    );
    assert_eq!(c.publisher.as_deref(), Some("Mill Press"));
    assert_eq!(c.place.as_deref(), Some("New York"));
    let c = hand_cite(
        "Keller, Hans &amp; Weber, Anna (Eds.). (2003). Rivers. The Valley Dictionary of Modern Mills (2nd Edition, p. 12). Mill Publishing.",
    );
    assert_eq!(
        c.work.as_deref(),
        Some("The Valley Dictionary of Modern Mills")
    );
    assert_eq!(c.publisher.as_deref(), Some("Mill Publishing"));
}

/// A day after a colon in a link's text, and a group's longer name after
/// "by".
#[test]
fn hand_written_refs_days_after_colons_and_groups_after_by() {
    let c = hand_cite("[http://example.org/g Valley article: March 14, 2006]");
    assert_eq!(c.title.as_deref(), Some("Valley article"));
    assert_eq!(c.date.as_deref(), Some("2006-03-14"));
    let c = hand_cite(
        "[http://example.org/f \"Valley Communism & Mill Communism\" by Gruppo Comunista Anarchico di Valle]",
    );
    assert_eq!(author_names(&c), ["Gruppo Comunista Anarchico di Valle"]);
    assert_eq!(c.work, None);
}

/// A day's number before its month in a German date, the writer before
/// an italic work, a second page mark and ISBN, and the Norwegian
/// "retrieved".
#[test]
fn hand_written_refs_ordinal_days_writers_second_marks_and_henta() {
    let c = hand_cite(
        "[//example.org/r.html Valley 1.5 Release Notes] (englisch), Meldung bei ''Valley'' vom 29. November 2005.",
    );
    assert_eq!(c.date.as_deref(), Some("2005-11-29"));
    // "Meldung bei": what kind of piece, then "at" the work.
    assert_eq!(c.work.as_deref(), Some("Valley"));
    let c = hand_cite(
        "\"Plan town of 45,000 on Valley farms\", Hans K. Keller, ''[[Valley Star]]'', March 12, 1953, p. 3.",
    );
    assert_eq!(author_names(&c), ["Hans K. Keller"]);
    assert_eq!(c.work.as_deref(), Some("Valley Star"));
    let c = hand_cite(
        "Keller, Hans (editor). ''The Encyclopedia of Valleys,'' Mill, 2008, [http://example.org/b?id=y pp. 10–12], [http://example.org/b?id=z p 195], ISBN 978-1-4129-6580-4, ISBN 978-1-4129-6580-4",
    );
    assert_eq!(c.work, None);
    assert_eq!(c.isbn.as_deref(), Some("978-1-4129-6580-4"));
    let c = hand_cite(
        "[http://example.org/a.pdf Valley Årsrapport 2009], side 36. Henta 21. oktober 2012",
    );
    assert_eq!(c.access_date.as_deref(), Some("2012-10-21"));
    assert_eq!(c.publisher, None);
}

/// An institution's name of up to eight words publishes; a short name
/// before it after a comma is the work.
#[test]
fn hand_written_refs_long_institutions_and_works_before_them() {
    let c = hand_cite(
        "[http://example.org/p Valley Trends, Issues 75–82, p.38], 1994, UK Office of Valley Censuses and Surveys",
    );
    assert_eq!(
        c.publisher.as_deref(),
        Some("UK Office of Valley Censuses and Surveys")
    );
    assert_eq!(c.work, None);
    let c = hand_cite(
        "[http://example.org/l Mills by mother tongue in Valley] [[Census metropolitan area|CMA]], Statistics Valley (2001). Retrieved 2006-12-05.",
    );
    assert_eq!(c.publisher.as_deref(), Some("Statistics Valley"));
}

/// A chapter's number before its title, and the book "In" its writer's
/// name after it, with years inside the book's title.
#[test]
fn hand_written_refs_chapters_in_their_writers_books() {
    let c = hand_cite(
        "Chapter 7, ''[[Rivers|Valleyism]], The New Mill''. In Hans Keller, ''The Valley millers: the heroic years, 1868–1936''. Mill Press, 1998, p. 115.",
    );
    assert_eq!(author_names(&c), ["Hans Keller"]);
    assert_eq!(c.title.as_deref(), Some("Valleyism, The New Mill"));
    assert_eq!(
        c.work.as_deref(),
        Some("The Valley millers: the heroic years, 1868–1936")
    );
    assert_eq!(c.publisher.as_deref(), Some("Mill Press"));
    assert_eq!(c.date.as_deref(), Some("1998"));
    assert_eq!(c.place, None);
}

/// Labels before an address: a writer "in" a work "on" a day, and a
/// linked writer before a site.
#[test]
fn hand_written_refs_bylines_before_addresses() {
    let c = hand_cite(
        "Hans Keller in Valley24 op 29 November 2015: http://example.org/n/behr-20151129",
    );
    assert_eq!(author_names(&c), ["Hans Keller"]);
    assert_eq!(c.work.as_deref(), Some("Valley24"));
    assert_eq!(c.date.as_deref(), Some("2015-11-29"));
    assert_eq!(c.title, None);
    let c = hand_cite("[[Anna Weber]] ValleyNet: http://example.org/v/mill/");
    assert_eq!(author_names(&c), ["Anna Weber"]);
    assert_eq!(c.work.as_deref(), Some("ValleyNet"));
}

/// A link's text that is the whole ref, with "St." in a place's name: no
/// writer "Keller-Weber, St" and title "Valley Open".
#[test]
fn hand_written_refs_saint_is_no_given_name() {
    let c = hand_cite("[http://example.org/g?id=1 Keller-Weber, St. Valley Open 1993]");
    assert!(c.authors.is_empty(), "{:?}", c.authors);
    assert_eq!(
        c.title.as_deref(),
        Some("Keller-Weber, St. Valley Open 1993")
    );
    let c = hand_cite("Resolutions from the St. Mill Congress, Vol. 1, p. 100");
    assert!(c.authors.is_empty(), "{:?}", c.authors);
}

/// A title in plain single quotes after the writer's name, the publisher
/// after it without a stop.
#[test]
fn hand_written_refs_single_quoted_titles() {
    let c = hand_cite("Weber, Hans. 'Mills of the Valley' Mill Press (2004) p. 248");
    assert_eq!(author_names(&c), ["Weber, Hans"]);
    assert_eq!(c.title.as_deref(), Some("Mills of the Valley"));
    assert_eq!(c.publisher.as_deref(), Some("Mill Press"));
    assert_eq!(c.date.as_deref(), Some("2004"));
    assert_eq!(c.pages.as_deref(), Some("248"));
    // Inside a title, quoted words stay part of it.
    let c = hand_cite("Weber, Hans. ''The Valley's 'Hidden' Mills''. Mill Press, 2004.");
    assert_eq!(c.title.as_deref(), Some("The Valley's 'Hidden' Mills"));
}

/// A blog's page title as the browser shows it, "Post « Blog": the post is
/// the title, the blog the work, and years in the post's title are no
/// date.
#[test]
fn hand_written_refs_blog_page_titles() {
    let c = hand_cite(
        "[http://example.org/b/ Valley Mills: A History, Volume Two: The New Mills (1939–1977) « Hans Keller's Mill Weblog]",
    );
    assert!(c.authors.is_empty(), "{:?}", c.authors);
    assert_eq!(
        c.title.as_deref(),
        Some("Valley Mills: A History, Volume Two: The New Mills (1939–1977)")
    );
    assert_eq!(c.work.as_deref(), Some("Hans Keller's Mill Weblog"));
    assert_eq!(c.date, None);
}

/// A note in prose, then the source it draws on in its last sentences:
/// the writer and the italic title, not the prose as a title.
#[test]
fn hand_written_refs_prose_then_source() {
    let c = hand_cite(
        "Valley historian Hans Keller reports that the valley press was widely read by members of [[guild]] groups and by members of the millers' union. There were also the cases of prominent millers who were members of the guild. Hans Keller. ''Mills of the Valley: 1923–1938.'' ISBN 978-84-96044-87-6",
    );
    assert_eq!(author_names(&c), ["Hans Keller"]);
    assert_eq!(c.title.as_deref(), Some("Mills of the Valley: 1923–1938"));
    assert_eq!(c.publisher, None);
    assert_eq!(c.isbn.as_deref(), Some("978-84-96044-87-6"));
}

/// An article's number in an encyclopedia is no year; "at the ''Work''"
/// leaves no "the" on the work; who hosted a programme is no publisher.
#[test]
fn hand_written_refs_numbers_articles_and_hosts() {
    let c =
        hand_cite("Weber, Hans, \"Mills\", ''Valley Encyclopedia'', Volume 1, Article No. 1917");
    assert_eq!(c.title.as_deref(), Some("Mills"));
    assert_eq!(c.date, None);
    assert_eq!(c.work.as_deref(), Some("Valley Encyclopedia"));
    let c =
        hand_cite("Weber, Hans, \"Mills\", ''The Valley Pageant, Volume 1'', Mill Learning (2012)");
    assert_eq!(c.work.as_deref(), Some("The Valley Pageant"));
    assert_eq!(c.publisher.as_deref(), Some("Mill Learning"));
    let c = hand_cite(
        "[http://example.org/e/mills \"Mills\" at the ''[[Valley Encyclopedia]]'' online.]",
    );
    assert_eq!(c.title.as_deref(), Some("Mills"));
    assert_eq!(c.work.as_deref(), Some("Valley Encyclopedia online"));
    let c = hand_cite(
        "[http://example.org/r/mills \"Mills\"], [[Valley Radio]] programme, Thursday 7 December 2006. Hosted by [[Hans Keller]] of Valley Radio, with Anna Weber, Professor of Milling at [[Valley University]].",
    );
    assert_eq!(c.title.as_deref(), Some("Mills"));
    assert_eq!(c.date.as_deref(), Some("2006-12-07"));
    assert_eq!(c.publisher, None);
}

/// "l'Echange, article in ''Le Libertaire'' no 6, 21 September 1858, New
/// York": the kind of piece and the issue's number are no part of the
/// work, and a day between commas is the date.
#[test]
fn hand_written_refs_kinds_of_piece_and_dates_between_commas() {
    let c = hand_cite(
        "\"l'Moulin\", article in ''Le Meunier'' no 6, 21 September 1858, New York. [http://example.org/m/n06]",
    );
    assert_eq!(c.title.as_deref(), Some("l'Moulin"));
    assert_eq!(c.work.as_deref(), Some("Le Meunier"));
    assert_eq!(c.date.as_deref(), Some("1858-09-21"));
    assert_eq!(c.place.as_deref(), Some("New York"));
}

/// A journal article's whole entry as a link's text: "Title, Journal,
/// 12:1, 1-26" after the writer and year.
#[test]
fn hand_written_refs_journal_volume_and_pages_after_the_title() {
    let c = hand_cite(
        "[http://example.org/doi/10.1/2 Hans Keller (2011) An Interview with Anna Weber, Millstone, 12:1, 1-26]",
    );
    assert_eq!(author_names(&c), ["Hans Keller"]);
    assert_eq!(c.date.as_deref(), Some("2011"));
    assert_eq!(c.title.as_deref(), Some("An Interview with Anna Weber"));
    assert_eq!(c.work.as_deref(), Some("Millstone"));
    assert_eq!(c.pages.as_deref(), Some("1-26"));
}

/// A site's name before a colon and the title ("Valley Online: ''Key
/// dates …''") is the work, not a writer.
#[test]
fn hand_written_refs_sites_before_colons() {
    let c = hand_cite("Valley-Mills Online: ''Key dates in Mill History.'' 9. Juni 2012");
    assert!(c.authors.is_empty(), "{:?}", c.authors);
    assert_eq!(c.work.as_deref(), Some("Valley-Mills Online"));
    assert_eq!(c.title.as_deref(), Some("Key dates in Mill History"));
    assert_eq!(c.date.as_deref(), Some("2012-06-09"));
}

/// Link texts that are whole entries, parts between commas: "Writer,
/// Headline, Site" and "Site News, headline".
#[test]
fn hand_written_refs_link_texts_that_are_entries() {
    let c =
        hand_cite("[https://example.org/a/1 Anna Weber, Meet The Valley's New Miller, Mill360]");
    assert_eq!(author_names(&c), ["Anna Weber"]);
    assert_eq!(c.title.as_deref(), Some("Meet The Valley's New Miller"));
    assert_eq!(c.work.as_deref(), Some("Mill360"));
    let c = hand_cite(
        "[http://example.org/n?s=1 Valley Law School News, Anna Weber (JD '06) appointed Miller of the Eastern Valley]",
    );
    assert!(c.authors.is_empty(), "{:?}", c.authors);
    assert_eq!(c.work.as_deref(), Some("Valley Law School News"));
    assert_eq!(
        c.title.as_deref(),
        Some("Anna Weber (JD '06) appointed Miller of the Eastern Valley")
    );
    let c = hand_cite(
        "[https://example.org/p?r=9 Hans Keller, Anna Weber Wins Valley Title, ''Valley Times'', September 26, 1999]",
    );
    assert_eq!(author_names(&c), ["Hans Keller"]);
    assert_eq!(c.title.as_deref(), Some("Anna Weber Wins Valley Title"));
    assert_eq!(c.work.as_deref(), Some("Valley Times"));
    assert_eq!(c.date.as_deref(), Some("1999-09-26"));
    // A title with commas in it stays whole.
    let c = hand_cite("[http://example.org/h Mills, Rivers and Weirs of the Valley]");
    assert_eq!(
        c.title.as_deref(),
        Some("Mills, Rivers and Weirs of the Valley")
    );
    assert!(c.authors.is_empty() && c.work.is_none(), "{c:?}");
}

/// Access dates written without leading zeros ("Retrieved 2015-3-4"), a
/// paper's name after an italic headline, a year and a note after an
/// italic work, and who translated or edited a book after its name.
#[test]
fn hand_written_refs_short_iso_dates_papers_and_translators() {
    let c = hand_cite(
        "[https://example.org/maps/@39.1 Valley map: Mill boundaries] -Retrieved 2015-3-4",
    );
    assert_eq!(c.title.as_deref(), Some("Valley map: Mill boundaries"));
    assert_eq!(c.access_date.as_deref(), Some("2015-03-04"));
    assert_eq!(c.work, None);
    let c = hand_cite(
        "[[Anna Weber]]: ''[http://example.org/2006/10/01/mills.html So the Mill Is a Guide?]'' Valley Times, 1. Oktober 2006",
    );
    assert_eq!(author_names(&c), ["Anna Weber"]);
    assert_eq!(c.work.as_deref(), Some("Valley Times"));
    assert_eq!(c.publisher, None);
    assert_eq!(c.date.as_deref(), Some("2006-10-01"));
    let c = hand_cite("\"Mills\", ''[[Millpedia]] Online Encyclopedia'' 2006 (UK version).");
    assert_eq!(c.title.as_deref(), Some("Mills"));
    assert_eq!(c.work.as_deref(), Some("Millpedia Online Encyclopedia"));
    assert_eq!(c.date.as_deref(), Some("2006"));
    let c = hand_cite(
        "\"[http://example.org/m.htm On the Millers' Association]\" in ''Keller on Mills'', translated and edited by Anna Weber, 1971.",
    );
    assert_eq!(c.work.as_deref(), Some("Keller on Mills"));
    assert_eq!(c.date.as_deref(), Some("1971"));
}

/// A quotation first (its stop outside the quotes), then the work; a
/// dictionary's name before a colon and the quotation from it; a quoted
/// journal's name with its volume after it.
#[test]
fn hand_written_refs_quotations_dictionaries_and_quoted_journals() {
    let c = hand_cite(
        "\"In 1707, on the union of the valleys, 'Great Valley' became the official name of the mill country, and so continued until the union with the river in 1801\". ''Valley Congressional serial set, Issue 10'' (1895)",
    );
    assert_eq!(c.title, None);
    assert_eq!(c.work.as_deref(), Some("Valley Congressional serial set"));
    assert_eq!(c.date.as_deref(), Some("1895"));
    let c = hand_cite(
        "Valley English Dictionary: \"Mill Isles: a geographical term for the islands comprising Great Mill and the Weir with all their offshore islands including the Isle of Mills and the Channel Weirs.\"",
    );
    assert_eq!(c.title, None);
    assert_eq!(c.work.as_deref(), Some("Valley English Dictionary"));
    let c = hand_cite("Weber, Anna “Tydskrif vir Meulens” Jaargang 32 no. 3, Augustus 1994");
    assert_eq!(author_names(&c), ["Weber, Anna"]);
    assert_eq!(c.title, None);
    assert_eq!(c.work.as_deref(), Some("Tydskrif vir Meulens"));
    assert_eq!(c.date.as_deref(), Some("1994-08"));
}

/// "Published on Revista ''ADN''" names the work (the site found before
/// it then published it); a publisher inside a book's marked title; the
/// German "Verlag" before a publisher's name.
#[test]
fn hand_written_refs_published_on_publishers_in_titles_and_verlag() {
    let c = hand_cite(
        "[http://example.org/adn/7e.html \"Mills – Weirs, Races\" by Hans Keller at Asociacion de Molinos de Valle. Published on Revista ''Muela''. Winter 2003]",
    );
    assert_eq!(author_names(&c), ["Hans Keller"]);
    assert_eq!(c.title.as_deref(), Some("Mills – Weirs, Races"));
    assert_eq!(c.work.as_deref(), Some("Revista Muela"));
    assert_eq!(
        c.publisher.as_deref(),
        Some("Asociacion de Molinos de Valle")
    );
    let c = hand_cite(
        "[[Anna Weber]], ''[http://example.org/b?id=1 The Politics of Milling, Valley University Press,]'' 2010, p. 43",
    );
    assert_eq!(c.title.as_deref(), Some("The Politics of Milling"));
    assert_eq!(c.publisher.as_deref(), Some("Valley University Press"));
    assert_eq!(c.date.as_deref(), Some("2010"));
    let c = hand_cite(
        "Hans Keller: ''The Mills of the Valley.'' Verlag Mill Publishing Company, 2002, S. 240",
    );
    assert_eq!(c.publisher.as_deref(), Some("Mill Publishing Company"));
}

/// A title run on into its publisher and city without a stop; the
/// Norwegian "side 12" for a page.
#[test]
fn hand_written_refs_publishers_after_titles_and_norwegian_pages() {
    let c = hand_cite(
        "Weber, A., and Keller, H., (Eds.) (2010) Mill Diseases Current and Emerging Principles, Hans Wiley and Sons, Millbrook",
    );
    assert_eq!(
        c.title.as_deref(),
        Some("Mill Diseases Current and Emerging Principles")
    );
    assert_eq!(c.publisher.as_deref(), Some("Hans Wiley and Sons"));
    assert_eq!(c.place.as_deref(), Some("Millbrook"));
    let c = hand_cite(
        "[http://example.org/a.pdf Mølle Årsrapport 2010], side 12. Henta 21. oktober 2012",
    );
    assert_eq!(c.title.as_deref(), Some("Mølle Årsrapport 2010"));
    assert_eq!(c.pages.as_deref(), Some("12"));
    assert_eq!(c.work, None);
}

/// "The \"Illegalists\" by Doug Imrie": an article before a quoted title
/// opens the title, no writer "The"; "ch 1" after a book is where in it;
/// "Writer, foreword to …" as a link's text.
#[test]
fn hand_written_refs_articles_before_quotes_chapters_and_forewords() {
    let c = hand_cite(
        "[http://example.org/l/mills.htm The \"Millers\" by Hans Keller. From \"Mill: a Journal\", Fall–Winter, 1994–95]",
    );
    assert_eq!(author_names(&c), ["Hans Keller"]);
    assert_eq!(c.title.as_deref(), Some("The \"Millers\""));
    assert_eq!(c.work.as_deref(), Some("Mill: a Journal"));
    let c = hand_cite(
        "[http://example.org/l/mills.htm The \"Millers\"], by Hans Keller (published by [[Mill: A Journal of Weirs]])",
    );
    assert_eq!(author_names(&c), ["Hans Keller"]);
    assert_eq!(c.work.as_deref(), Some("Mill: A Journal of Weirs"));
    let c = hand_cite("Anna Weber, ''The mill movement in the Valley, 1866-1928'' (1999) ch 1.");
    assert_eq!(c.date.as_deref(), Some("1999"));
    assert_eq!(c.publisher, None);
    let c = hand_cite(
        "[http://example.org/k/foreword.html Hans Keller, foreword to Mill Press 1978 edition of Anna Weber's ''Breakdown of Mills.'']",
    );
    assert_eq!(author_names(&c), ["Hans Keller"]);
    assert_eq!(
        c.title.as_deref(),
        Some("foreword to Mill Press 1978 edition of Anna Weber's Breakdown of Mills")
    );
}

/// "Everhart, Robert B. The Public School Monopoly …": the names end at
/// the initial before the title; "''Dictionary'', ''Anarchism'' entry":
/// the entry is the title, the dictionary its work; "Resolutions …, in
/// ''Book''": the piece in the book.
#[test]
fn hand_written_refs_initials_entries_and_pieces_in_books() {
    let c = hand_cite(
        "Keller, Hans B. The Public Mill Monopoly: A Critical Analysis of Milling in Valley Society. Valley Institute for Mill Research, 1982. p. 115.",
    );
    assert_eq!(author_names(&c), ["Keller, Hans B."]);
    assert_eq!(
        c.title.as_deref(),
        Some("The Public Mill Monopoly: A Critical Analysis of Milling in Valley Society")
    );
    assert_eq!(
        c.publisher.as_deref(),
        Some("Valley Institute for Mill Research")
    );
    let c = hand_cite(
        "Weber, Anna. ''The Valley Dictionary of Milling'', ''Weirs'' entry, p. 21, 2002.",
    );
    assert_eq!(c.title.as_deref(), Some("Weirs"));
    assert_eq!(c.work.as_deref(), Some("The Valley Dictionary of Milling"));
    assert_eq!(c.publisher, None);
    let c = hand_cite(
        "Resolutions from the St. Mill Congress, in ''Mills: A Documentary History'', Vol. 1, p. 100",
    );
    assert_eq!(
        c.title.as_deref(),
        Some("Resolutions from the St. Mill Congress")
    );
    assert_eq!(c.work.as_deref(), Some("Mills: A Documentary History"));
}

/// "Ed. Iain McLean" before the publisher; a "See also" note after the
/// source; a known publishing house after an unquoted title.
#[test]
fn hand_written_refs_capital_editors_see_also_and_houses() {
    let c = hand_cite(
        "Weber, Anna. \"Mills.\" ''The Concise Valley Dictionary of Milling''. Ed. Hans Keller and Eva Roth. Oxford University Press, 2003.",
    );
    assert_eq!(c.publisher.as_deref(), Some("Oxford University Press"));
    assert_eq!(
        c.work.as_deref(),
        Some("The Concise Valley Dictionary of Milling")
    );
    let c = hand_cite(
        "Hans Keller, “Of Mills and Millers,” The Valley Times, June 5, 1972. See also [[Anna Weber]], “A Mill Education,” The Valley Times, July 30, 1972.",
    );
    assert_eq!(c.title.as_deref(), Some("Of Mills and Millers"));
    assert_eq!(c.work.as_deref(), Some("The Valley Times"));
    assert_eq!(c.publisher, None);
    let c = hand_cite("''Mill Giant'' pp. 297–8, citing Weber, ed., ''Mill Profiles'', pp. 396–7.");
    assert_eq!(c.title.as_deref(), Some("Mill Giant"));
    assert_eq!(c.publisher, None);
    let c = hand_cite("MOL Taal-en-meulgids, Pearson, Desember 2013, ISBN 978-1-77578-243-8");
    assert_eq!(c.title.as_deref(), Some("MOL Taal-en-meulgids"));
    assert_eq!(c.publisher.as_deref(), Some("Pearson"));
}

/// A linked writer's name after the title, last in the ref; a paper's
/// short quoted name before the day it printed the piece.
#[test]
fn hand_written_refs_linked_writers_last_and_quoted_papers() {
    let c = hand_cite(
        "[http://example.org/k.html#toc2 ''Mills: From Theory to Practice''] [[Hans Keller]]",
    );
    assert_eq!(author_names(&c), ["Hans Keller"]);
    assert_eq!(c.title.as_deref(), Some("Mills: From Theory to Practice"));
    assert_eq!(c.publisher, None);
    let c = hand_cite("Van Weber, Anna “Die Meul” 18 Mei 1993");
    assert_eq!(author_names(&c), ["Van Weber, Anna"]);
    assert_eq!(c.title, None);
    assert_eq!(c.work.as_deref(), Some("Die Meul"));
    assert_eq!(c.date.as_deref(), Some("1993-05-18"));
    // A title, not a paper, where more follows the date.
    let c = hand_cite("Weber, Anna “Mills” 18 Mei 1993, Valley Press");
    assert_eq!(c.title.as_deref(), Some("Mills"));
}

/// "in ''Book'' by Writer" inside a link's text; the German "vom" before
/// a day that a site's name follows; a magazine's short quoted name
/// before the month of its issue.
#[test]
fn hand_written_refs_books_by_writers_vom_and_monthly_papers() {
    let c = hand_cite(
        "[http://example.org/k/mills.html#toc42 \"Chapter 41: The \"Millers\"\" in ''The Great Valley Mills 1789–1793'' by Hans Keller]",
    );
    assert_eq!(c.title.as_deref(), Some("Chapter 41: The \"Millers\""));
    assert_eq!(c.work.as_deref(), Some("The Great Valley Mills 1789–1793"));
    assert_eq!(author_names(&c), ["Hans Keller"]);
    let c = hand_cite(
        "''Col. Hans Keller, Inventor of the Mill.'' In: ''[[Valley Independent]].'' vom 4. November 1978 [https://example.org/n?id=1 example.org]",
    );
    assert_eq!(c.work.as_deref(), Some("Valley Independent"));
    assert_eq!(c.date.as_deref(), Some("1978-11-04"));
    let c = hand_cite("De Weber, Anna “Meul” Junie 2000");
    assert_eq!(c.work.as_deref(), Some("Meul"));
    assert_eq!(c.date.as_deref(), Some("2000-06"));
}

/// "Writer, Advocate, Headline" as a link's text; a note on editions after
/// the publisher's year; a journal's volume and issue after its name.
#[test]
fn hand_written_refs_advocates_edition_notes_and_volume_issues() {
    let c = hand_cite(
        "[https://example.org/n/2013/judge Anna Weber, Valley Advocate, At 35, Mill High alumna becomes miller (video)]",
    );
    assert_eq!(author_names(&c), ["Anna Weber"]);
    assert_eq!(c.work.as_deref(), Some("Valley Advocate"));
    assert_eq!(
        c.title.as_deref(),
        Some("At 35, Mill High alumna becomes miller")
    );
    let c = hand_cite(
        "Weber, Anna S. (1964). ''The Great Mill: A History of Mills for Millers''. House of Grant, 1964 (and earlier editions and printings).",
    );
    assert_eq!(c.publisher.as_deref(), Some("House of Grant"));
    let c = hand_cite(
        "Keller, Hans, [http://example.org/s/1 \"Anna Weber's Mill: reading as triumph,\"] ''Millstones'', '''5'''(1), Spring 1975, pp. 62-68.",
    );
    assert_eq!(c.work.as_deref(), Some("Millstones"));
    assert_eq!(c.date.as_deref(), Some("1975"));
}

/// Leftovers of broken markup ("|url=" before the address, a second "]"
/// after a link) are no part of a field; a year said twice is no
/// publisher.
#[test]
fn hand_written_refs_broken_markup_and_repeated_years() {
    let c = hand_cite("Mill.50 letter |url=https://example.org/government/mill-letter");
    assert_eq!(c.title.as_deref(), Some("Mill.50 letter"));
    let c =
        hand_cite("[http://example.org/teams/565146/ List of Valley matches]] in Mill's website");
    assert_eq!(c.work.as_deref(), Some("Mill's website"));
    let c = hand_cite(
        "Weber, Anna (2007). [http://example.org/2007/mills.shtml Sailing against mills]. Valley Radio. 2007.",
    );
    assert_eq!(c.date.as_deref(), Some("2007"));
    assert_eq!(c.work.as_deref(), Some("Valley Radio"));
    assert_eq!(c.publisher, None);
    let c = hand_cite("''The Royal Mill Corps Journal.'' Bände 5–7, S. 184.");
    assert_eq!(c.publisher, None);
    assert_eq!(c.pages.as_deref(), Some("184"));
}

/// A quotation that ends without a stop, straight before the source's own
/// quoted title, is no title.
#[test]
fn hand_written_refs_quotations_before_quoted_titles() {
    let c = hand_cite(
        "\"Origin of MILL\nMedieval Latin molina, from Latin, from mola millstone, from mol- + ina place — more at mill- First Known Use: 1539\" [http://example.org/dictionary/mill \"Mill\" at Valley Webster dictionary online]",
    );
    assert_eq!(c.title.as_deref(), Some("Mill"));
    assert_eq!(c.work.as_deref(), Some("Valley Webster dictionary online"));
}

/// Several sources listed in one ref: its fields are the first one's.
#[test]
fn hand_written_refs_lists_of_sources() {
    let c = hand_cite(
        "\n* Weber, Anna. Mills: A Very Short Introduction. Valley University Press 2004 p. 62\n* Keller, Hans. Mill Seeds Beneath the Snow. Mill Press. 2006, p. 4\n",
    );
    assert_eq!(author_names(&c), ["Weber, Anna"]);
    assert_eq!(c.title.as_deref(), Some("Mills: A Very Short Introduction"));
    assert_eq!(c.pages.as_deref(), Some("62"));
    assert_ne!(c.date.as_deref(), Some("2006"));
}

/// A link's text holding the writer's name and then the italic title to
/// its end: the italics mark the title, stops inside it and all.
#[test]
fn hand_written_refs_italic_titles_inside_links() {
    let c = hand_cite(
        "[http://example.org/k/mills.html#toc13 Hans Keller.  ''Resisting the Mill State. The weir and miller tradition'']",
    );
    assert_eq!(author_names(&c), ["Hans Keller"]);
    assert_eq!(
        c.title.as_deref(),
        Some("Resisting the Mill State. The weir and miller tradition")
    );
    assert_eq!(c.publisher, None);
}

/// A periodical's issue month after its name, the year in the date.
#[test]
fn hand_written_refs_issue_months_after_works() {
    let c = hand_cite(
        "Weber, Anna, [http://example.org/a?n=8205 \"Daring but Divided\"] (''Mill Review'' November 2002).",
    );
    assert_eq!(c.work.as_deref(), Some("Mill Review"));
    assert_eq!(c.date.as_deref(), Some("2002-11"));
}

/// The German "from … bis …" days a volume covers are no publisher.
#[test]
fn hand_written_refs_german_date_ranges() {
    let c = hand_cite(
        "Mill Record Band 106, Teil 11. 23. Juni 1960, bis 30. Juni 1960, [[Valley Government Printing Office]], Washington, 1960, S. 75",
    );
    assert_eq!(
        c.publisher.as_deref(),
        Some("Valley Government Printing Office")
    );
    assert_eq!(c.place.as_deref(), Some("Washington"));
    assert_eq!(c.date.as_deref(), Some("1960"));
}
