//! Growth on repeated markup, in the style of quadratic-input tests: the
//! input picks an opener and closer from the wiki tokens below (or gives
//! its own) and a middle; the pipeline runs on `prefix×N + middle +
//! suffix×N` at N and at 16·N, and the target fails when the larger costs
//! far more than 16 times the smaller: in allocations (a count, so the same
//! on a loaded machine), in peak heap, or in time. Linear is 16, quadratic
//! 256; the bound is 64. Time, the best of three runs, is only judged once
//! the larger run takes 200 ms: below that a busy machine's scheduling
//! decides it (the first version judged it from 20 ms, and a run beside
//! three other fuzzers failed on an input whose instruction count grows
//! 3.5 times per ×4).
#![no_main]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use libfuzzer_sys::fuzz_target;
use wikistruct::{Config, Dialect, process_article};

/// Counts live and peak heap bytes.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static ALLOCS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(live, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Openers and closers that pair, or fail to, in each dialect.
const SHAPES: &[(&str, &str)] = &[
    ("{{", "}}"),
    ("{{x|", "}}"),
    ("[[", "]]"),
    ("[[a|", "]]"),
    ("<ref>", "</ref>"),
    ("<ref name=\"a\">", "</ref>"),
    ("{|\n| ", "\n|}\n"),
    ("'''", "''"),
    ("<!--", "-->"),
    ("<!--\n", "\n"),
    ("| field = value\n", "}}\n"),
    ("- Key: value\n", "\n"),
    ("On 3 May 1990, ", "in 1991. "),
    ("$5 million, ", "€3 billion. "),
    ("* ", "\n"),
    ("==", "==\n"),
    ("&lt;ref&gt;", "&lt;/ref&gt;"),
    ("{{cite web|title=", "|date=5 May 2020}}"),
];

/// What one run costs: seconds (best of three), peak heap bytes and
/// allocations.
fn cost(text: &str, dialect: Dialect) -> (f64, usize, usize) {
    let config = Config {
        dialect: Some(dialect),
        ..Config::default()
    };
    let mut best = (f64::INFINITY, 0, 0);
    for _ in 0..3 {
        let base = LIVE.load(Ordering::Relaxed);
        PEAK.store(base, Ordering::Relaxed);
        let allocs = ALLOCS.load(Ordering::Relaxed);
        let t = Instant::now();
        let article = process_article(text, &config);
        std::hint::black_box(&article);
        let secs = t.elapsed().as_secs_f64();
        drop(article);
        let peak = PEAK.load(Ordering::Relaxed).saturating_sub(base);
        best = (
            best.0.min(secs),
            peak,
            ALLOCS.load(Ordering::Relaxed) - allocs,
        );
    }
    best
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(rest) = std::str::from_utf8(rest) else {
        return;
    };
    let (prefix, suffix, middle) = match SHAPES.get(pick as usize % (SHAPES.len() + 1)) {
        Some((p, s)) => (p.to_string(), s.to_string(), rest.to_string()),
        // The input's own shape: `prefix\0suffix\0middle`.
        None => {
            let mut parts = rest.splitn(3, '\0');
            let p = parts
                .next()
                .unwrap_or("")
                .chars()
                .take(16)
                .collect::<String>();
            let s = parts
                .next()
                .unwrap_or("")
                .chars()
                .take(16)
                .collect::<String>();
            (p, s, parts.next().unwrap_or("").to_string())
        }
    };
    if prefix.is_empty() && suffix.is_empty() {
        return;
    }
    let middle: String = middle.chars().take(64).collect();
    let dialect = if pick & 0x80 == 0 {
        Dialect::Wikitext
    } else {
        Dialect::Plain
    };
    let make = |n: usize| format!("{}{middle}{}", prefix.repeat(n), suffix.repeat(n));
    let n = (2000 / (prefix.len() + suffix.len())).max(1);
    let (small, large) = (make(n), make(16 * n));
    // Warm up (lazy tables, first-use allocations), then measure.
    cost(&small, dialect);
    let (t1, m1, a1) = cost(&small, dialect);
    let (t16, m16, a16) = cost(&large, dialect);
    let shape = format!("{prefix:?} … {suffix:?}, {dialect:?}");
    assert!(
        a16 <= 64 * a1.max(64),
        "allocations grew {:.0} times for 16 times the input ({shape})",
        a16 as f64 / a1.max(1) as f64
    );
    assert!(
        m16 <= 64 * m1.max(4096),
        "peak heap grew {:.0} times for 16 times the input ({shape})",
        m16 as f64 / m1.max(1) as f64
    );
    if t16 > 0.2 {
        assert!(
            t16 <= 64.0 * t1.max(1e-4),
            "time grew {:.0} times for 16 times the input ({shape})",
            t16 / t1.max(1e-6)
        );
    }
});
