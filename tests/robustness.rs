//! Random documents built from markup fragments, in both dialects: no
//! panic, and every document passes the schema and span checks. A cheap,
//! deterministic stand-in for a fuzzer (fixed seeds, so failures replay).

use wikistruct::{Config, Dialect, process_article, schema};

/// Fragments chosen to collide: unclosed and nested markup, multi-byte
/// characters next to markup, dates and amounts broken in odd places.
const FRAGMENTS: &[&str] = &[
    "{{",
    "}}",
    "{{{",
    "}}}",
    "[[",
    "]]",
    "|",
    "=",
    "==",
    " ==\n",
    "\n",
    "\n\n",
    "'''",
    "''",
    "<ref>",
    "</ref>",
    "<ref name=\"a\"/>",
    "<ref name=a>",
    "<!--",
    "-->",
    "{|",
    "|}",
    "|-",
    "!",
    "* ",
    "# ",
    ": ",
    "- ",
    "= T =\n",
    "Infobox\n",
    "- Key: value\n",
    "{{Infobox x|a=1|b=",
    "{{cite web|title=T|date=5 May 2020}}",
    "{{start date|1992|1|9}}",
    "{{US$|7,710}}",
    "{{circa|1850}}",
    "{{nowrap|5 May",
    "{{ubl|a|",
    "{{plainlist|\n* x\n* ",
    "{{formatnum:1234",
    "[[3 March]] [[",
    "{{marriage|A|1990|",
    "{{sfn|Wertz|2016}}",
    "[http://x.org y]",
    "&nbsp;",
    "&#x41;",
    "&amp",
    "é",
    "€",
    "—",
    "’",
    "日本",
    "🎉",
    "On 23 October",
    " 9 January 1992",
    " in 1998,",
    " the 1990s",
    " 264 BC",
    " US$7,710",
    " $55,500",
    " €40–55 million",
    " between $10 and $20 million",
    " 1,500 troops",
    " U.S. ",
    ". ",
    "Mr. ",
    "\u{feff}",
    "\r\n",
    "\t",
    "<nowiki>",
    "</nowiki>",
    "<br/>",
    "[[File:x.png|thumb|cap]]",
    "__TOC__",
    "two days later",
    " the following year",
    "==See also==\n",
    "==References==\n",
    "==Bibliography==\n",
    "Wertz, Daniel. \"T\". ",
];

/// A small deterministic generator (xorshift), so no extra crate is needed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn random_markup_never_panics_and_always_validates() {
    // WIKISTRUCT_SEED replays or explores one seed; CI runs these three.
    let seeds: Vec<u64> = match std::env::var("WIKISTRUCT_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
    {
        Some(seed) => vec![seed],
        None => vec![0x9e37_79b9_7f4a_7c15, 21, 25],
    };
    for seed in seeds {
        run_seed(seed);
    }
}

fn run_seed(seed: u64) {
    let mut rng = Rng(seed);
    for case in 0..1500 {
        let n = (rng.next() % 60) as usize;
        let mut doc = String::new();
        for _ in 0..n {
            doc.push_str(FRAGMENTS[(rng.next() % FRAGMENTS.len() as u64) as usize]);
        }
        for dialect in [Dialect::Plain, Dialect::Wikitext] {
            let config = Config {
                dialect: Some(dialect),
                ..Config::default()
            };
            let tree = wikistruct::stages::parse(&doc, dialect).check();
            assert!(
                tree.is_empty(),
                "seed {seed} case {case} ({dialect:?}) {doc:?}: {tree:#?}"
            );
            let article = process_article(&doc, &config);
            let problems = schema::check_article(&article, Some(&doc));
            assert!(
                problems.is_empty(),
                "seed {seed} case {case} ({dialect:?}) {doc:?}: {problems:#?}"
            );
        }
    }
}

/// The jsonl writer buffers a line whole only where the estimate is small:
/// a 6 KB table row of figures gives JSON a hundred times its size, which
/// the input's size alone (what the writer went by) did not show, so a
/// 600 KB row once held a 77 MB line in memory.
#[test]
fn json_size_estimate_follows_the_records_not_the_input() {
    let src = format!("{{|\n| 1990{}\n|}}\n", " || $5".repeat(1000));
    let a = wikistruct::process_article(&src, &wikistruct::Config::default());
    let actual = wikistruct::batch::to_json(&a, true).len() as u64;
    let estimate = wikistruct::batch::json_size_estimate(&a);
    assert!(actual > 20 * src.len() as u64, "{actual} for {}", src.len());
    assert!(
        estimate >= actual / 2 && estimate <= actual * 4,
        "estimate {estimate}, actual {actual}"
    );
}
