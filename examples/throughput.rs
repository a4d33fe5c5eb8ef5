//! Prints the throughput of each pipeline stage on a folder of articles, as
//! ratios to the whole pipeline measured in the same run (absolute times on
//! shared machines are noise). Also a convenient target for `perf record`.
//!
//! `cargo run --release --example throughput -- [DIR] [ROUNDS]`
//! (default: `../shared/corpora/wikitext`, 30 rounds).

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use wikistruct::stages;
use wikistruct::{Config, batch, process_article};

/// The allocator the CLI uses.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn time(rounds: usize, mut f: impl FnMut() -> usize) -> Duration {
    // One warm-up round, then the best of `rounds`: the least disturbed.
    black_box(f());
    (0..rounds)
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "../shared/corpora/wikitext".into()),
    );
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(30);
    let only = std::env::var("STAGE").ok();
    let jobs = match batch::collect_jobs(std::slice::from_ref(&dir)) {
        Ok(j) => j,
        Err(e) => {
            eprintln!("{}: {e}", dir.display());
            std::process::exit(2);
        }
    };
    let articles: Vec<String> = jobs
        .iter()
        .filter_map(|j| std::fs::read_to_string(&j.input).ok())
        .collect();
    let bytes: usize = articles.iter().map(String::len).sum();
    let config = Config::default();
    type Stage<'a> = (&'a str, Box<dyn Fn() -> usize + 'a>);
    let stages: Vec<Stage> = vec![
        (
            "parse",
            Box::new(|| {
                articles
                    .iter()
                    .map(|a| stages::parse(a, stages::detect_dialect(a)).blocks.len())
                    .sum()
            }),
        ),
        (
            "parse+context",
            Box::new(|| {
                articles
                    .iter()
                    .map(|a| {
                        let doc = stages::parse(a, stages::detect_dialect(a));
                        stages::Context::new(&doc).text_units().len()
                    })
                    .sum()
            }),
        ),
        (
            "pipeline, no JSON",
            Box::new(|| {
                articles
                    .iter()
                    .map(|a| process_article(a, &config).events.len())
                    .sum()
            }),
        ),
        (
            "pipeline + JSON",
            Box::new(|| {
                articles
                    .iter()
                    .map(|a| batch::to_json(&process_article(a, &config), true).len())
                    .sum()
            }),
        ),
    ];
    println!(
        "{} articles, {:.2} MiB, best of {rounds} rounds",
        articles.len(),
        bytes as f64 / (1 << 20) as f64
    );
    if only.as_deref().is_none_or(|o| o == "breakdown") {
        breakdown(&articles, rounds);
    }
    for (name, f) in &stages {
        if only.as_deref().is_some_and(|o| !name.starts_with(o)) {
            continue;
        }
        let t = time(rounds, f);
        println!(
            "{name:>20}: {:8.1} MiB/s",
            bytes as f64 / (1 << 20) as f64 / t.as_secs_f64()
        );
    }
}

/// Share of each stage in the time of the stages run one after another.
fn breakdown(articles: &[String], rounds: usize) {
    let mut spent = [Duration::ZERO; 8];
    let names = [
        "parse",
        "context",
        "citations",
        "scan",
        "events",
        "money",
        "(date matching)",
        "(money matching)",
    ];
    for _ in 0..rounds.div_ceil(4) {
        for a in articles {
            let t = Instant::now();
            let doc = stages::parse(a, stages::detect_dialect(a));
            spent[0] += t.elapsed();
            let t = Instant::now();
            let ctx = stages::Context::new(&doc);
            spent[1] += t.elapsed();
            let t = Instant::now();
            let cits = stages::citations::all(&ctx);
            spent[2] += t.elapsed();
            // The scan tokenises each unit and runs both matchers; they
            // are timed again on their own below.
            let t = Instant::now();
            let (found_dates, found_amounts) = ctx.scan();
            spent[3] += t.elapsed();
            let t = Instant::now();
            let (_, dates, _) = stages::events::events(&ctx, &cits, None, found_dates);
            spent[4] += t.elapsed();
            let t = Instant::now();
            black_box(stages::money::money(&ctx, &dates, &cits, found_amounts).0);
            spent[5] += t.elapsed();
            let tokens: Vec<_> = ctx
                .text_units()
                .iter()
                .map(|u| stages::tokenize(u.text.as_str()))
                .collect();
            let t = Instant::now();
            for (u, toks) in ctx.text_units().iter().zip(&tokens) {
                black_box(wikistruct::stages::find_dates(u.text.as_str(), toks));
            }
            spent[6] += t.elapsed();
            let t = Instant::now();
            for toks in &tokens {
                black_box(wikistruct::stages::find_amounts(toks));
            }
            spent[7] += t.elapsed();
        }
    }
    let total: Duration = spent.iter().sum();
    let shares: Vec<String> = names
        .iter()
        .zip(spent)
        .map(|(n, d)| format!("{n} {:.0}%", 100.0 * d.as_secs_f64() / total.as_secs_f64()))
        .collect();
    println!("stage shares: {}", shares.join(", "));
}
