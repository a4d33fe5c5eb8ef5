//! The limits that keep hostile articles bounded: past each one the
//! article degrades with a diagnostic naming the limit, and the rest of it
//! is still extracted and valid.

use wikistruct::{Config, Dialect, process_article, schema};

fn codes(a: &wikistruct::model::Article) -> Vec<&str> {
    a.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

fn valid(a: &wikistruct::model::Article, src: &str) {
    let problems = schema::check_article(a, Some(src));
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn an_article_past_max_bytes_is_read_up_to_a_line_end() {
    let src = "= T =\n\nFounded on 3 May 1990.\nAnother line in 1991.\nThird line 1992.\n";
    let config = Config {
        max_bytes: Some(40),
        ..Config::default()
    };
    let a = process_article(src, &config);
    let dates: Vec<&str> = a.events.iter().map(|e| e.date.as_str()).collect();
    assert_eq!(dates, ["1990-05-03"]);
    assert_eq!(codes(&a), ["article-too-large"]);
    let d = &a.diagnostics[0];
    assert_eq!(
        &src[d.span.start as usize..d.span.end as usize],
        "Another line in 1991.\nThird line 1992.\n"
    );
    assert_eq!(d.span.line, 4);
    // The source block describes the whole input, as reruns compare it.
    assert_eq!(a.source.bytes, src.len() as u64);
    assert_eq!(a.source.sha256, wikistruct::sha256_hex(src.as_bytes()));
    valid(&a, src);
    // Within the limit nothing is cut.
    let whole = process_article(src, &Config::default());
    assert_eq!(whole.events.len(), 3);
    assert!(whole.diagnostics.is_empty());
}

#[test]
fn a_one_line_article_past_max_bytes_is_cut_at_a_space() {
    let src = "Prices rose in 1990 and fell in 1991 and rose again in 1992.";
    let config = Config {
        max_bytes: Some(30),
        dialect: Some(Dialect::Wikitext),
        ..Config::default()
    };
    let a = process_article(src, &config);
    assert_eq!(codes(&a), ["article-too-large"]);
    assert_eq!(a.events.len(), 1);
    valid(&a, src);
}

fn infobox_with(n: usize, wikitext: bool) -> String {
    if wikitext {
        let fields: String = (0..n)
            .map(|i| format!("| field{i} = value {i}\n"))
            .collect();
        format!("{{{{Infobox country\n{fields}}}}}\nText founded in 1990.\n")
    } else {
        let fields: String = (0..n).map(|i| format!("- Key {i}: value {i}\n")).collect();
        format!("= T =\nInfobox\n{fields}\nText founded in 1990.\n")
    }
}

#[test]
fn an_infobox_lists_at_most_the_field_limit_in_both_dialects() {
    for wikitext in [false, true] {
        let src = infobox_with(1500, wikitext);
        let a = process_article(&src, &Config::default());
        let ib = a.infobox.as_ref().expect("an infobox");
        assert_eq!(ib.fields.len(), 1000, "wikitext: {wikitext}");
        assert_eq!(codes(&a), ["infobox-field-limit"], "wikitext: {wikitext}");
        assert!(
            a.diagnostics[0].message.contains("1500 fields"),
            "{}",
            a.diagnostics[0].message
        );
        // The text after the infobox is still read.
        assert_eq!(a.events.last().map(|e| e.date.as_str()), Some("1990"));
        valid(&a, &src);
        // At the limit, no warning.
        let src = infobox_with(1000, wikitext);
        let a = process_article(&src, &Config::default());
        assert_eq!(a.infobox.as_ref().map(|i| i.fields.len()), Some(1000));
        assert!(codes(&a).is_empty(), "{:?}", codes(&a));
    }
}

#[test]
fn a_sentence_gives_at_most_the_record_limit() {
    let config = Config {
        dialect: Some(Dialect::Wikitext),
        ..Config::default()
    };
    // 150 years in one sentence, 150 amounts in another (each under the
    // 1000 bytes that a sentence is cut at).
    let years: Vec<String> = (1800..1950).map(|y| y.to_string()).collect();
    let amounts: Vec<String> = (1..=150).map(|n| format!("${n}")).collect();
    let src = format!(
        "Years {}.\n\nPrices {}.\n",
        years.join(", "),
        amounts.join(", ")
    );
    let a = process_article(&src, &config);
    assert_eq!(a.events.len(), 100);
    assert_eq!(a.money.len(), 100);
    assert_eq!(
        codes(&a),
        ["sentence-record-limit", "sentence-record-limit"]
    );
    assert!(
        a.diagnostics[0].message.starts_with("50 dates skipped"),
        "{}",
        a.diagnostics[0].message
    );
    assert!(
        a.diagnostics[1].message.starts_with("50 amounts skipped"),
        "{}",
        a.diagnostics[1].message
    );
    valid(&a, &src);
    // Two sentences of 60 each are under the limit.
    let src = format!(
        "Years {}. Years {}.\n",
        years[..60].join(", "),
        years[60..120].join(", ")
    );
    let a = process_article(&src, &config);
    assert_eq!(a.events.len(), 120);
    assert!(a.diagnostics.is_empty());
}

#[test]
fn an_article_opening_with_a_template_is_wikitext() {
    let a = process_article(
        "{{Infobox person\n| name = A\n}}\nBorn in 1990.\n",
        &Config::default(),
    );
    assert_eq!(a.source.dialect, wikistruct::model::DialectName::Wikitext);
    assert_eq!(a.infobox.map(|i| i.fields.len()), Some(1));
}

/// Past the templates one article may open (200,000, far beyond any real
/// article), `{{` is text, with one diagnostic; the document is whole and
/// valid.
#[test]
fn an_article_opens_at_most_the_template_limit() {
    let src = format!(
        "Start.\n\n{}\n\nIn 1990 it ended.\n",
        "{{x}} ".repeat(200_010)
    );
    let config = Config {
        dialect: Some(Dialect::Wikitext),
        ..Config::default()
    };
    let a = process_article(&src, &config);
    let c = codes(&a);
    assert_eq!(
        c.iter().filter(|c| **c == "template-limit").count(),
        1,
        "{c:?}"
    );
    assert_eq!(a.events.len(), 1);
    valid(&a, &src);
}
