//! Properties of extraction over generated articles (proptest): the same
//! input gives the same bytes; a paragraph with neither dates nor money,
//! inserted between paragraphs, changes no event or money record but its
//! span; every document tree keeps its invariants (source maps in order,
//! children inside parents), in both dialects.

use proptest::prelude::*;
use wikistruct::{Config, Dialect, batch, model, process_article, stages};

/// Sentences that carry dates and money, in both dialects' markup.
const SENTENCES: &[&str] = &[
    "It was founded on 9 January 1992.",
    "In October 2024 the council met.",
    "On 23 October it voted.",
    "Trade grew in the 1990s.",
    "The budget was $5 million in 2011.",
    "Exports reached €40–55 million.",
    "Between 1990 and 1995 it grew.",
    "A [[link|named place]] stood there from 1850.",
    "The bridge cost {{US$|7,710}} million.",
    "It opened {{start date|1992|1|9}}.",
    "'''Bold''' words and ''italic'' words.",
    "Prices fell by 5 per cent.",
    "It rained.",
    "The town has a river.",
    "The following year it closed.",
];

/// Words that are no date, number or currency in any language we read.
const QUIET_WORDS: &[&str] = &[
    "the", "river", "town", "people", "green", "walked", "quietly", "along", "old", "stone",
    "houses", "near", "hills",
];

fn paragraphs() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(
        prop::collection::vec(prop::sample::select(SENTENCES), 1..4).prop_map(|s| s.join(" ")),
        1..8,
    )
}

fn quiet_paragraph() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(QUIET_WORDS), 3..12)
        .prop_map(|w| format!("{} {}.", capitalise(w[0]), w[1..].join(" ")))
}

fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn article(dialect: Dialect, paragraphs: &[String]) -> String {
    let head = match dialect {
        Dialect::Plain => "= Example =\n\n",
        Dialect::Wikitext => "",
    };
    format!("{head}==History==\n{}\n", paragraphs.join("\n\n"))
}

fn config(dialect: Dialect) -> Config {
    Config {
        dialect: Some(dialect),
        ..Config::default()
    }
}

/// The records with their spans left out.
fn meaning(a: &model::Article) -> (Vec<model::Event>, Vec<model::Money>) {
    let zero = model::Span {
        start: 0,
        end: 0,
        line: 1,
        column: 1,
    };
    let events = a
        .events
        .iter()
        .map(|e| model::Event {
            span: zero,
            ..e.clone()
        })
        .collect();
    let money = a
        .money
        .iter()
        .map(|m| model::Money {
            span: zero,
            ..m.clone()
        })
        .collect();
    (events, money)
}

fn dialects() -> impl Strategy<Value = Dialect> {
    prop_oneof![Just(Dialect::Plain), Just(Dialect::Wikitext)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn extraction_is_deterministic(d in dialects(), ps in paragraphs()) {
        let src = article(d, &ps);
        let a = batch::to_json(&process_article(&src, &config(d)), true);
        let b = batch::to_json(&process_article(&src, &config(d)), true);
        prop_assert_eq!(a, b);
    }

    #[test]
    fn a_quiet_paragraph_changes_only_spans(
        d in dialects(),
        ps in paragraphs(),
        quiet in quiet_paragraph(),
        at in any::<prop::sample::Index>(),
    ) {
        let before = process_article(&article(d, &ps), &config(d));
        let mut with = ps.clone();
        with.insert(at.index(ps.len() + 1), quiet);
        let after = process_article(&article(d, &with), &config(d));
        prop_assert_eq!(meaning(&before), meaning(&after));
    }

    #[test]
    fn document_trees_keep_their_invariants(d in dialects(), ps in paragraphs()) {
        let src = article(d, &ps);
        let problems = stages::parse(&src, d).check();
        prop_assert!(problems.is_empty(), "{:?}", problems);
    }
}
