//! Whole-pipeline throughput (parse, every extractor, JSON written), in
//! bytes of input per second.
//!
//! Inputs: the articles of `input/`, the 70 real wikitext articles of
//! `../shared/corpora/wikitext/` when that folder is present, and generated
//! pathological inputs scaled in size, so that superlinear growth shows.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use wikistruct::{Config, batch, process_article};

/// mimalloc: the pipeline makes many small, short-lived allocations (one
/// per record field), where it is measurably faster than the system
/// allocator (about 15% of the whole run on the wikitext corpus).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn load(dir: &Path) -> Vec<String> {
    let Ok(jobs) = batch::collect_jobs(&[dir.to_path_buf()]) else {
        return Vec::new();
    };
    jobs.iter()
        .filter_map(|j| std::fs::read_to_string(&j.input).ok())
        .collect()
}

fn run_all(articles: &[String]) -> usize {
    let config = Config::default();
    articles
        .iter()
        .map(|a| {
            let out = process_article(a, &config);
            // Count events so a fast but empty pipeline cannot win.
            batch::to_json(&out, true).len() + out.events.len()
        })
        .sum()
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("pipeline");
    let sets = [
        ("input", load(Path::new("input"))),
        (
            "wikitext-corpus",
            load(Path::new("../shared/corpora/wikitext")),
        ),
        (
            "wikiwars-dev",
            load(Path::new("../shared/corpora/wikiwars-dev")),
        ),
    ];
    for (name, articles) in &sets {
        if articles.is_empty() {
            eprintln!("skipping {name}: not present");
            continue;
        }
        let bytes: usize = articles.iter().map(String::len).sum();
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_function(*name, |b| {
            b.iter(|| black_box(run_all(black_box(articles))))
        });
        // Everything but the JSON text.
        g.bench_function(format!("{name}/no-json"), |b| {
            b.iter(|| {
                articles
                    .iter()
                    .map(|a| {
                        process_article(black_box(a), &Config::default())
                            .events
                            .len()
                    })
                    .sum::<usize>()
            })
        });
        // The markup stage alone, for comparison with syntax-only parsers.
        g.bench_function(format!("{name}/parse-only"), |b| {
            b.iter(|| {
                articles
                    .iter()
                    .map(|a| {
                        let d = wikistruct::stages::detect_dialect(a);
                        wikistruct::stages::parse(black_box(a), d).blocks.len()
                    })
                    .sum::<usize>()
            })
        });
    }
    // Pathological inputs at 1x, 4x, 16x: time per byte must stay flat.
    let seed =
        std::fs::read_to_string("input/north-korea-ukraine-relations.txt").unwrap_or_default();
    for n in [1usize, 4, 16] {
        let text = vec![seed.clone(); n * 4].join("\n");
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(format!("seed-x{}", n * 4), |b| {
            b.iter(|| black_box(run_all(std::slice::from_ref(&text))))
        });
        let long_line = "On 3 May 1990 a 1,500 troop unit of U.S. forces moved. ".repeat(2000 * n);
        g.throughput(Throughput::Bytes(long_line.len() as u64));
        g.bench_function(format!("one-long-paragraph-x{n}"), |b| {
            b.iter(|| black_box(run_all(std::slice::from_ref(&long_line))))
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
