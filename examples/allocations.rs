//! Allocations per megabyte of input, as the pipeline makes them: how many
//! blocks and bytes it allocates for each MB it reads, and the largest live
//! heap of any one article against that article's size. Counts, not times:
//! the same on a loaded machine, so a change's effect can be read off one
//! run. (DHAT's allocator stands in for the CLI's mimalloc here; the
//! counts are the program's, whichever allocator serves them.)
//!
//! `cargo run --release --example allocations -- [DIR]`
//! (default: `../shared/corpora/wikitext`).

use std::path::PathBuf;

use wikistruct::{Config, batch, process_article, stages};

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// The whole pipeline on one article, its JSON written nowhere.
fn extract(text: &str, config: &Config) {
    let _ = serde_json::to_writer(std::io::sink(), &process_article(text, config));
}

/// Prints what `count` found for a stage over `bytes` of input.
fn report(stage: &str, (blocks, total, _): (u64, u64, usize), bytes: usize) {
    println!(
        "{stage:>22}: {:8.0} allocations per MB, {:6.1} bytes allocated per input byte",
        blocks as f64 / (bytes as f64 / 1e6),
        total as f64 / bytes as f64
    );
}

/// (blocks, bytes) allocated, and the live peak in bytes, while `f` runs.
fn count(f: impl FnOnce()) -> (u64, u64, usize) {
    let profiler = dhat::Profiler::builder().testing().build();
    f();
    let stats = dhat::HeapStats::get();
    drop(profiler);
    (stats.total_blocks, stats.total_bytes, stats.max_bytes)
}

fn main() {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "../shared/corpora/wikitext".into()),
    );
    let jobs = match batch::collect_jobs(std::slice::from_ref(&dir)) {
        Ok(j) => j,
        Err(e) => {
            eprintln!("{}: {e}", dir.display());
            std::process::exit(2);
        }
    };
    let articles: Vec<(String, String)> = jobs
        .iter()
        .filter_map(|j| {
            let text = std::fs::read_to_string(&j.input).ok()?;
            Some((j.input.display().to_string(), text))
        })
        .collect();
    let bytes: usize = articles.iter().map(|(_, a)| a.len()).sum();
    let config = Config::default();
    // Lazy tables and compiled patterns are built once per process: built
    // here first, so the counts below are the per-article ones.
    for (_, a) in &articles {
        extract(a, &config);
    }
    println!("{} articles, {:.2} MB", articles.len(), bytes as f64 / 1e6);
    let parse = count(|| {
        for (_, a) in &articles {
            std::hint::black_box(stages::parse(a, stages::detect_dialect(a)).blocks.len());
        }
    });
    report("parse", parse, bytes);
    let all = count(|| articles.iter().for_each(|(_, a)| extract(a, &config)));
    report("pipeline + JSON", all, bytes);
    // The live peak of each article alone, against its size, for the
    // largest article and the worst of those over 64 KB (below that the
    // process's fixed tables dwarf the article).
    let mut peaks: Vec<(f64, &str, usize, usize)> = articles
        .iter()
        .filter(|(_, a)| a.len() >= 64 << 10)
        .map(|(name, a)| {
            let (_, _, peak) = count(|| extract(a, &config));
            (peak as f64 / a.len() as f64, name.as_str(), peak, a.len())
        })
        .collect();
    let show = |what: &str, (ratio, name, peak, len): (f64, &str, usize, usize)| {
        println!(
            "{what:>22}: {ratio:.1} times the article ({:.1} MB for {:.2} MB, {name})",
            peak as f64 / 1e6,
            len as f64 / 1e6
        )
    };
    if let Some(&largest) = peaks.iter().max_by_key(|p| p.3) {
        show("live heap, largest", largest);
    }
    peaks.sort_by(|a, b| b.0.total_cmp(&a.0));
    if let Some(&worst) = peaks.first() {
        show("live heap, worst", worst);
    }
}
