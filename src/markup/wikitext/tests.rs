//! Wikitext constructs, case by case, with placeholder words.

use super::*;
use crate::document::BlockKind;

fn rendered(src: &str) -> Vec<String> {
    parse(src)
        .blocks
        .iter()
        .map(|b| match &b.kind {
            BlockKind::Heading { level, title } => format!("h{level}:{}", title.as_str()),
            BlockKind::Paragraph(t) => format!("p:{}", t.as_str().trim()),
            BlockKind::ListItem { text, .. } => format!("l:{}", text.as_str().trim()),
            BlockKind::TableCell { header, text, .. } => format!(
                "{}:{}",
                if *header { "th" } else { "td" },
                text.as_str().trim()
            ),
            BlockKind::Infobox { fields, .. } => format!(
                "ib:{}",
                fields
                    .iter()
                    .map(|f| format!("{}={}", f.key.as_str(), f.value.as_str().trim()))
                    .collect::<Vec<_>>()
                    .join(";")
            ),
        })
        .collect()
}

#[test]
fn links_formatting_and_comments() {
    assert_eq!(
        rendered("[[alpha]] [[alpha|beta]]gamma [[alpha|]]"),
        ["p:alpha betagamma alpha"]
    );
    assert_eq!(rendered("'''bold''' ''it'' <!-- c -->x"), ["p:bold it x"]);
    assert_eq!(
        rendered("[https://e.org text here] [https://e.org]"),
        ["p:text here"]
    );
    assert_eq!(
        rendered("a [[File:x.png|thumb|cap]] b [[Category:C]]"),
        ["p:a  b", "p:cap"]
    );
    assert_eq!(
        rendered("[[File:x.jpg|thumb|left|200px|Kyiv in [[1992]]]]\nText."),
        ["p:Text.", "p:Kyiv in 1992"]
    );
    assert_eq!(
        rendered("[[Image:y.png|thumb|upright=1.2]]"),
        Vec::<String>::new()
    );
    assert_eq!(rendered("x&nbsp;y &ndash; z"), ["p:x y – z"]);
    assert_eq!(rendered("<nowiki>{{no}}</nowiki> __NOTOC__"), ["p:{{no}}"]);
}

#[test]
fn headings_lists_and_paragraphs() {
    assert_eq!(
        rendered("Lead.\n\n== History ==\n* one\n# two\n: three\nText\nmore\n\n=== Sub ==="),
        [
            "p:Lead.",
            "h2:History",
            "l:one",
            "l:two",
            "l:three",
            "p:Text\nmore",
            "h3:Sub"
        ]
    );
}

#[test]
fn templates_render_as_readers_see_them() {
    assert_eq!(
        rendered("On {{start date|1992|1|9}}, {{nowrap|[[Kyiv]] city}} paid {{US$|7,710}}."),
        ["p:On 9 January 1992, Kyiv city paid US$7,710."]
    );
    assert_eq!(
        rendered("{{convert|5|km|mi}} and {{lang|fr|bonjour}} {{circa|1850}}"),
        ["p:5 km and bonjour c. 1850"]
    );
    assert_eq!(
        rendered(
            "{{ubl|[[Ann Lee]] (CEO)|Bo Ek}}; {{hlist|a||b}}; {{ISBN|978-0-19}}; {{url|example.com|Example}}; {{formatdate|2010-05-03}} {{increase}}"
        ),
        ["p:Ann Lee (CEO), Bo Ek; a, b; ISBN 978-0-19; Example; 3 May 2010"]
    );
    assert_eq!(
        rendered(
            "{{ubl|{{no such}}|[[File:x.png]]|{{longitem|[[Prize]]}}|Last}} French{{\\}}Bulgarian"
        ),
        ["p:Prize, Last French / Bulgarian"]
    );
    assert_eq!(
        rendered("{{NOK|4.2 billion}} and {{CHF|12}}{{TOP}}{{USA|5}}{{ABC|5}}{{PHP|x}}"),
        ["p:NOK 4.2 billion and CHF 12"]
    );
    assert_eq!(
        rendered(
            "{{HMS|Queen Elizabeth|R08|6}}; {{USS|Maine}}; {{height|ft=5|in=3}}; {{height|meter=1.77}}; {{Baseball year|1974}}; {{Version|o|38.0}}; {{Fs player|no=1|nat=Scotland|name=[[Kevin Cuthbert]]|pos=GK}}"
        ),
        ["p:HMS Queen Elizabeth (R08); USS Maine; 5 ft 3 in; 1.77 m; 1974; 38.0; Kevin Cuthbert"]
    );
    assert_eq!(
        rendered(
            "{{nihongo|Tokyo Tower|東京タワー|Tōkyō tawā}}; {{nihongo||東京|Tōkyō}}; {{nihongo|Edo}}"
        ),
        ["p:Tokyo Tower (東京タワー, Tōkyō tawā); 東京 (Tōkyō); Edo"]
    );
    assert_eq!(
        rendered("{{dts|2005|May|3}}, {{dts|1990|sep}}, {{dts|1990|Foo|3}}"),
        ["p:3 May 2005, September 1990, 1990"]
    );
    assert_eq!(
        rendered("{{hlist\n | [[Scots]]\n | Ulster Scots\n  <!--Brittonic-->\n | Welsh\n}}"),
        ["p:Scots, Ulster Scots, Welsh"]
    );
    assert_eq!(
        rendered("{{linktext|高麗|靑磁}}, {{linktext|[[Goryeo]]}}"),
        ["p:高麗靑磁, Goryeo"]
    );
    assert_eq!(rendered("x {{unknown thing|a}} y"), ["p:x  y"]);
    let doc = parse("x {{unknown thing|a}} y");
    assert!(
        doc.diagnostics
            .iter()
            .any(|d| d.message().contains("unknown thing (1)") && d.span == Span::new(2, 21))
    );
}

/// The document check found it: the name was sliced from the source with
/// its comment ("album <!-- See WikiProject_Albums -->").
#[test]
fn infobox_name_leaves_out_a_comment() {
    let src =
        "{{Infobox album <!-- See Wikipedia:WikiProject_Albums -->\n| Name = Tour EP\n}}\nText.";
    let doc = parse(src);
    let BlockKind::Infobox { name, .. } = &doc.blocks[0].kind else {
        panic!("{:?}", doc.blocks[0]);
    };
    assert_eq!(name.as_ref().map(|n| n.as_str()), Some("album"));
    assert!(doc.check().is_empty(), "{:?}", doc.check());
}

/// The first block's infobox fields as (key, value).
fn infobox_fields<'d>(doc: &'d crate::document::Document<'_>) -> Vec<(&'d str, &'d str)> {
    let BlockKind::Infobox { fields, .. } = &doc.blocks[0].kind else {
        panic!("{:?}", doc.blocks[0]);
    };
    fields
        .iter()
        .map(|f| (f.key.as_str(), f.value.as_str()))
        .collect()
}

#[test]
fn infobox_fields_in_order() {
    let src = "{{Infobox_country\n| name = Kestria\n| capital = [[Veltra]]\n| founded = {{start date|1992|1|9}}\n| empty =\n| teams =\n* [[Alpha]] (1990)\n* {{nowrap|Beta}}\n}}\nText.";
    let doc = parse(src);
    let BlockKind::Infobox { name, .. } = &doc.blocks[0].kind else {
        panic!("{:?}", doc.blocks[0]);
    };
    assert_eq!(name.as_ref().map(|n| n.as_str()), Some("country"));
    let kv = infobox_fields(&doc);
    assert_eq!(
        kv,
        [
            ("name", "Kestria"),
            ("capital", "Veltra"),
            ("founded", "9 January 1992"),
            ("empty", ""),
            ("teams", "Alpha (1990), Beta")
        ]
    );
    assert_eq!(rendered(src)[1], "p:Text.");
}

/// Values that once rendered as nothing: coordinates, lists numbered
/// `|1=`, a collapsible list whose items render as nothing, entries
/// separated by line breaks, an image.
#[test]
fn infobox_values_that_render_as_nothing_no_more() {
    let src = "{{Infobox place\n\
        | decimal = {{coord|41.893269|-87.622511|display=inline}}\n\
        | dms = {{Coord|45|32|22|N|89|45|19|W|region:US-WI|display=inline,title}}\n\
        | dm = {{coord|51|30|N|0|7|W|type:city}}\n\
        | south = {{coord|-33.86|151.21}}\n\
        | at_title = {{coord|1|2|display=title}}\n\
        | not_numbers = {{coord|x|y}}\n\
        | mps = {{Collapsible list\n|title = List of MPs\n|1=[[Mark Adler]]\n|2=[[Carolyn Bennett|C. Bennett]]\n}}\n\
        | name = {{collapsible list\n | title = United Kingdom\n | {{Infobox |subbox=yes |data1=x}}\n}}\n\
        | place = {{br separated entries |Senate Secretariat |[[Parliament House]] |Islamabad}}\n\
        | logo = [[Datei:BBDO Logo.png|90px|Logo]]\n\
        | country = {{USA}}\n\
        | land = {{GER|size=20px}} [[Berlin]]\n\
        | traded_as = {{BMV|ALSEA}}\n\
        }}\nText.";
    let doc = parse(src);
    let kv = infobox_fields(&doc);
    assert_eq!(
        kv,
        [
            ("decimal", "41.893269°N 87.622511°W"),
            ("dms", "45°32′22″N 89°45′19″W"),
            ("dm", "51°30′N 0°7′W"),
            ("south", "33.86°S 151.21°E"),
            ("at_title", ""),
            ("not_numbers", ""),
            ("mps", "Mark Adler, C. Bennett"),
            ("name", "United Kingdom"),
            ("place", "Senate Secretariat, Parliament House, Islamabad"),
            ("logo", "BBDO Logo.png"),
            ("country", "United States"),
            ("land", "Germany Berlin"),
            ("traded_as", "BMV: ALSEA"),
        ]
    );
    assert!(doc.check().is_empty(), "{:?}", doc.check());
}

/// The page's name shows where the text asks for it (`{{PAGENAME}}`, a
/// map caption), and a value made only of a template we cannot render is
/// given as written, with a diagnostic, rather than as nothing.
#[test]
fn infobox_values_that_name_the_page_or_cannot_be_rendered() {
    let src = "{{Infobox country\n\
        | map_caption = {{map_caption |countryprefix=the |location_color=dark green \
          |region=Europe |region_color=dark grey |subregion=the [[European&nbsp;Union]] \
          |subregion_color=green}}\n\
        | common_name = {{PAGENAME}}\n\
        | league = {{Scottish football updater|RaithRov}}<ref name=\"c\"/>\n\
        | influenced = {{hlist |}}\n\
        }}\nText.";
    let doc = parse_page(src, Some("Fooland"));
    let kv = infobox_fields(&doc);
    assert_eq!(
        kv,
        [
            (
                "map_caption",
                "Location of the Fooland (dark green) – in Europe (dark grey) – in the \
                 European Union (green)"
            ),
            ("common_name", "Fooland"),
            ("league", "{{Scottish football updater|RaithRov}}"),
            ("influenced", ""),
        ]
    );
    let codes: Vec<_> = doc.diagnostics.iter().map(|d| d.kind.code()).collect();
    assert!(codes.contains(&"infobox-value-as-written"), "{codes:?}");
    assert!(doc.check().is_empty(), "{:?}", doc.check());
    // Without a page name the caption still reads, without a broken name.
    let doc = parse(src);
    assert!(
        infobox_fields(&doc)[0]
            .1
            .starts_with("Location (dark green) – in Europe")
    );
}

#[test]
fn refs_are_anchors_and_citations() {
    let src = "Fact.<ref name=\"a\">{{cite web |last=Wertz |first=Daniel |title=DPRK |url=https://x.org |date=2016-05-12}}</ref> Again.<ref name=a /> Plain.<ref>Smith, J. (2001). \"T\".</ref>";
    let doc = parse(src);
    assert_eq!(doc.refs.len(), 3);
    assert_eq!(doc.refs[0].name.as_deref(), Some("a"));
    assert_eq!(doc.refs[1].name.as_deref(), Some("a"));
    assert!(doc.refs[1].content.is_none());
    assert_eq!(doc.cites.len(), 1);
    assert_eq!(doc.cites[0].name, "cite web");
    let BlockKind::Paragraph(t) = &doc.blocks[0].kind else {
        panic!()
    };
    assert_eq!(t.as_str(), "Fact. Again. Plain.");
    assert_eq!(t.anchors.len(), 3);
}

#[test]
fn magic_words_lists_and_marriages() {
    assert_eq!(
        rendered(
            "{{formatnum:1234567}} {{formatnum:-9876.5}} {{formatnum:abc}} {{lc:ABC}} {{uc:def}}"
        ),
        ["p:1,234,567 -9,876.5 abc abc DEF"]
    );
    assert_eq!(
        rendered(
            "{{plainlist|\n* [[Ann]]\n* [[Bo]] {{small|(b. 1990)}}\n}} and {{marriage|Jane Doe|1990|2001}}"
        ),
        ["p:Ann, Bo (b. 1990) and Jane Doe (m. 1990–2001)"]
    );
    assert_eq!(
        rendered("{{collapsible list|title=Kids|A|B}} x{{sup|2}}{{br}}{{0}}5"),
        ["p:A, B x2 5"]
    );
    let doc = parse("{{formatnum:12}} {{padleft:7|3|0}} {{DEFAULTSORT:Smith, John}}");
    let said = |what: &str| doc.diagnostics.iter().any(|d| d.message().contains(what));
    assert!(said("padleft:7 (1)"));
    assert!(!said("defaultsort"));
}

#[test]
fn german_citation_templates_map_to_english_fields() {
    let doc = parse(
        "Satz.<ref>{{Internetquelle |url=http://x.de |titel=Ein Titel |autor=Max Muster |hrsg=Verlag X |datum=2016-05-12 |zugriff=2017-01-02}}</ref>",
    );
    assert_eq!(doc.cites.len(), 1);
    let keys: Vec<&str> = doc.cites[0]
        .params
        .iter()
        .map(|(k, _)| k.as_str())
        .collect();
    assert_eq!(
        keys,
        ["url", "title", "author", "publisher", "date", "access-date"]
    );
}

#[test]
fn localized_file_and_category_links() {
    assert_eq!(
        rendered(
            "A [[Datei:X.jpg|mini|hochkant=1.3|Die Bildunterschrift]] b [[Kategorie:Y]] [[Категория:Z]] c"
        ),
        ["p:A  b   c", "p:Die Bildunterschrift"]
    );
}

#[test]
fn tables_give_cells() {
    let src = "{| class=\"wikitable\"\n|+ Caption\n! Year !! Value\n|-\n| 2001 || style=\"x\" | $5 million\n|-\n| 2002\n| more\ntext\n|}\nAfter.";
    assert_eq!(
        rendered(src),
        [
            "th:Caption",
            "th:Year",
            "th:Value",
            "td:2001",
            "td:$5 million",
            "td:2002",
            "td:more\ntext",
            "p:After."
        ]
    );
}

#[test]
fn broken_markup_degrades_locally() {
    for src in [
        "{{unclosed\n== H ==\nText.",
        "[[unclosed\n== H ==\nText.",
        "<ref>unclosed\n== H ==\nText.",
        "{| unclosed\n| a\n== H ==\nText.",
        "<!-- unclosed\n== H ==\nText.",
    ] {
        let doc = parse(src);
        assert!(!doc.diagnostics.is_empty(), "{src:?}");
        let has_heading = doc
            .blocks
            .iter()
            .any(|b| matches!(&b.kind, BlockKind::Heading { title, .. } if title.as_str() == "H"));
        // An unclosed table swallows to the end (as MediaWiki does), the
        // rest keep the heading.
        if !src.starts_with("{|") {
            assert!(has_heading, "{src:?}: {:?}", rendered(src));
        }
    }
}

#[test]
fn hostile_inputs_finish() {
    let deep = "{{a|".repeat(10_000) + &"}}".repeat(10_000);
    let _ = parse(&deep);
    let open = "{{".repeat(50_000);
    let _ = parse(&open);
    let long = "x [[a]] {{b}} ''c'' ".repeat(250_000);
    let _ = parse(&long);
    let refs = "<ref>".repeat(20_000);
    let _ = parse(&refs);
    let comments = "<!--".repeat(20_000);
    let _ = parse(&comments);
}

#[test]
fn attribute_parsers_and_what_they_leave() {
    assert_eq!(attr_value("\"a b\" rest"), Ok((" rest", "a b")));
    assert_eq!(attr_value("'x'/>"), Ok(("/>", "x")));
    assert_eq!(attr_value("bare/>"), Ok(("/>", "bare")));
    assert_eq!(
        attribute(" name = \"a\" group=g"),
        Ok((" group=g", ("name", "a")))
    );
    assert_eq!(
        attributes("class=\"wikitable\" style='x' | cell"),
        Ok((" | cell", 2))
    );
    assert_eq!(attr(" name=\"Rottman 12\" /", "name"), Some("Rottman 12"));
    assert_eq!(attr(" group=note name=n1", "name"), Some("n1"));
    assert_eq!(attr(" group=note", "name"), None);
    assert!(looks_like_attributes(" style=\"x\" "));
    assert!(!looks_like_attributes(" 2001 "));
}

#[test]
fn redirects_are_reported() {
    let doc = parse("#REDIRECT [[Target page]]\n");
    assert!(
        doc.diagnostics
            .iter()
            .any(|d| d.message().contains("redirect to `Target page`"))
    );
    // Short or multi-byte starts are not redirects and do not panic.
    let _ = parse("#RÉ");
    let _ = parse("—");
}

#[test]
fn record_spans_take_cut_constructs_whole() {
    let config = crate::Config {
        dialect: Some(crate::Dialect::Wikitext),
        ..crate::Config::default()
    };
    let texts = |src: &str| -> Vec<String> {
        crate::process_article(src, &config)
            .events
            .into_iter()
            .map(|e| e.text)
            .collect()
    };
    assert_eq!(
        texts("On [[3 March]] [[1990]] it rained."),
        ["[[3 March]] [[1990]]"]
    );
    assert_eq!(texts("Built {{circa|1850}}."), ["{{circa|1850}}"]);
    assert_eq!(
        texts("On {{nowrap|5 May}} 2020 it rained."),
        ["{{nowrap|5 May}} 2020"]
    );
    // Wholly inside one construct: the exact words.
    assert_eq!(texts("On {{nowrap|5 May 2020}} it rained."), ["5 May 2020"]);
}

#[test]
fn see_also_entries_are_the_linked_names() {
    let a = crate::process_article(
        "Intro.\n\n== See also ==\n* [[Economy of Veltria]] – the economy\n* [[List of X|Xs]], a list\n* {{annotated link|Foo Bar}}\n* [[Paris, Texas]]\n* Plain entry\n",
        &crate::Config {
            dialect: Some(crate::Dialect::Wikitext),
            ..Default::default()
        },
    );
    assert_eq!(
        a.see_also,
        [
            "Economy of Veltria",
            "Xs",
            "Foo Bar",
            "Paris, Texas",
            "Plain entry"
        ]
    );
}

/// The infobox templates of other big Wikipedias are infoboxes, named
/// after their kind.
#[test]
fn infobox_names_of_other_wikipedias() {
    for (src, kind) in [
        (
            "{{Infoboks verksemd\n| namn = Statoil ASA\n}}\nTekst.",
            "verksemd",
        ),
        ("{{Ficha de país\n| nombre = Chile\n}}\nTexto.", "país"),
        ("{{Info/Empresa\n| nome = Petrobras\n}}\nTexto.", "Empresa"),
        (
            "{{Przedsiębiorstwo infobox\n| nazwa = Orlen\n}}\nTekst.",
            "Przedsiębiorstwo",
        ),
        ("{{Miasto_infobox\n| nazwa = Łódź\n}}\nTekst.", "Miasto"),
        ("{{基礎情報 会社\n| 社名 = ソニー\n}}\n本文。", "会社"),
        ("{{Infobox_country\n| name = Kestria\n}}\nText.", "country"),
    ] {
        let doc = parse(src);
        let BlockKind::Infobox { name, fields } = &doc.blocks[0].kind else {
            panic!("{src}: {:?}", doc.blocks[0]);
        };
        assert_eq!(name.as_ref().map(|n| n.as_str()), Some(kind), "{src}");
        assert_eq!(fields.len(), 1, "{src}");
        assert!(doc.check().is_empty(), "{src}: {:?}", doc.check());
    }
    // A template whose name only contains the word is none.
    assert!(markup::infobox_kind("navbox with infobox links").is_none());
}

#[test]
fn sister_project_links_show_where_language_links_do_not() {
    // `[[s:…|…]]` is a link to Wikisource, shown in the sentence; a
    // language code is the page's interlanguage link, shown nowhere.
    assert_eq!(
        rendered("See [[s:Act of Union 1707#Article 1|Article One]] of the Act.[[de:Akt]]"),
        ["p:See Article One of the Act."]
    );
    assert_eq!(
        rendered("A [[voy:Paris|guide]], a [[wikt:word]] and [[commons:Foo|pictures]]."),
        ["p:A guide, a wikt:word and pictures."]
    );
}
