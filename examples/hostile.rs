//! Generates hostile and broken wikitext at two sizes, four times apart,
//! runs the whole pipeline on each and prints the time ratio: about 4 means
//! linear, 16 quadratic. A script that prints figures, not a test: times on
//! shared machines are noise, ratios within one run are not.
//!
//! `cargo run --release --example hostile`

use std::hint::black_box;
use std::time::Instant;

use wikistruct::{Config, batch, process_article};

/// The allocator the CLI uses.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Each case: a name and a generator of about `n` repetitions.
type Case = (&'static str, fn(usize) -> String);

fn cases() -> Vec<Case> {
    vec![
        ("unclosed {{", |n| "text {{cite web|title=x\n".repeat(n)),
        ("unclosed [[", |n| "a [[link|text and more\n".repeat(n)),
        ("unclosed <ref>", |n| {
            "fact.<ref>Smith 2001. Title\n".repeat(n)
        }),
        ("unclosed {|", |n| "{|\n| cell 3 May 1990\n".repeat(n)),
        ("unclosed <!--", |n| "words <!-- comment\n".repeat(n)),
        ("nested {{", |n| "{{x|".repeat(n) + &"}}".repeat(n)),
        ("nested [[", |n| "[[a|".repeat(n) + &"]]".repeat(n)),
        ("one long line", |n| {
            "On 3 May 1990 a [[link]] cost $5 million.<ref>x</ref> ".repeat(n)
        }),
        ("named refs", |n| {
            (0..n)
                .map(|i| format!("Fact {i}.<ref name=\"r{i}\">A {i}. T. 2020.</ref>\n"))
                .chain((0..n).map(|i| format!("Again<ref name=\"r{i}\"/>\n")))
                .collect()
        }),
        ("escaped refs", |n| {
            (0..n)
                .map(|i| format!("Fact {i} &amp; more.&lt;ref name=&quot;r{}&quot;&gt;A. 2020.&lt;/ref&gt;\n", i % 50))
                .collect()
        }),
        ("sfn to bibliography", |n| {
            let mut s = "Text {{sfn|A1|2000}}.\n".repeat(n);
            s.push_str("==Bibliography==\n");
            for i in 0..n {
                s.push_str(&format!(
                    "* {{{{cite book|last=A{i}|title=T|year=2000}}}}\n"
                ));
            }
            s
        }),
        ("one row of figures", |n| {
            "{|\n| 1990".to_string() + &" || $5".repeat(n) + "\n|}\n"
        }),
        ("table cells", |n| {
            let mut s = "{|\n".to_string();
            for i in 0..n {
                s.push_str(&format!("|-\n| {i} || 3 May 1990 || $5\n"));
            }
            s + "|}\n"
        }),
    ]
}

fn seconds(text: &str) -> f64 {
    let config = Config {
        dialect: Some(wikistruct::Dialect::Wikitext),
        ..Config::default()
    };
    // Best of three: the least disturbed run.
    (0..3)
        .map(|_| {
            let t = Instant::now();
            let out = process_article(black_box(text), &config);
            black_box(batch::to_json(&out, true).len());
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let base: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(5_000);
    println!(
        "{:<22} {:>10} {:>10} {:>8}",
        "case", "bytes 1x", "bytes 4x", "time 4x/1x"
    );
    let mut worst: f64 = 0.0;
    for (name, make) in cases() {
        let small = make(base);
        let large = make(base * 4);
        let ratio = seconds(&large) / seconds(&small);
        worst = worst.max(ratio);
        println!(
            "{name:<22} {:>10} {:>10} {ratio:>8.1}",
            small.len(),
            large.len()
        );
    }
    println!("worst ratio {worst:.1} (4 is linear, 16 quadratic)");
}
