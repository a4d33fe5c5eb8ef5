//! `wikistruct dump`: the command over MediaWiki XML dumps. The job is the
//! library's (`wikistruct::dump`); this file is its flags, its output
//! file, its progress line and its summary.

use std::collections::HashSet;
use std::io::{BufRead, BufReader, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use clap::{Args, ValueEnum};
use wikistruct::IoReason;
use wikistruct::dump::{self, output, run};

use super::{DialectArg, EXIT_NOTHING_DONE, EXIT_OK, EXIT_SOME_FAILED, inform, report};

/// Extract every article of a MediaWiki XML dump.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  wikistruct dump enwiki-latest-pages-articles.xml.bz2 --out enwiki.jsonl\n  wikistruct dump enwiki-…-multistream.xml.bz2 --index enwiki-…-multistream-index.txt.bz2 --out enwiki.jsonl\n  curl …/Special:Export/Bodmin | wikistruct dump - --out -\n  wikistruct dump dump.xml --out out.jsonl --resume   # after a kill"
)]
pub struct DumpArgs {
    /// The export: `.xml` or `.xml.bz2` (by its bytes, not its name);
    /// `-` reads standard input.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Where to write one JSON document per line, in dump order; `-` is
    /// standard output. The file appears when the run is done (until then
    /// it is FILE.part).
    #[arg(long, short = 'o', value_name = "OUT.jsonl")]
    out: PathBuf,
    /// The multistream index (`…-multistream-index.txt.bz2`): the dump's
    /// bzip2 streams are then decoded and extracted on every core.
    #[arg(long, value_name = "FILE")]
    index: Option<PathBuf>,
    /// Namespaces to extract, by number (0: articles, 14: categories).
    #[arg(long, value_delimiter = ',', default_value = "0", value_name = "N,…")]
    namespaces: Vec<i64>,
    /// Extract redirect pages too (skipped by default).
    #[arg(long)]
    redirects: bool,
    /// Only the pages whose titles this file lists, one per line.
    #[arg(long, value_name = "FILE")]
    titles: Option<PathBuf>,
    /// Stop after this many documents.
    #[arg(long, value_name = "N")]
    limit: Option<u64>,
    /// Go on from a run that stopped: keep the documents in OUT.part (a
    /// torn last line is redone) and extract the pages not yet in it.
    #[arg(long)]
    resume: bool,
    /// Exit with status 1 when a document has a diagnostic of this
    /// severity or worse, for quality gates.
    #[arg(long, value_enum, value_name = "LEVEL")]
    fail_on: Option<FailOn>,
    /// Input dialect (default: wikitext, which dumps hold).
    #[arg(long, value_enum)]
    dialect: Option<DialectArg>,
    /// The largest page read whole, in bytes (default 64 MiB, at most 1 GiB).
    #[arg(long, value_name = "BYTES", value_parser = clap::value_parser!(u64).range(1..))]
    max_bytes: Option<u64>,
    /// Number of worker threads (default: one per core).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    /// Print nothing but errors.
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FailOn {
    Warning,
    Error,
}

/// Runs the command; the exit status.
pub fn dump_command(args: &DumpArgs) -> u8 {
    match prepare_and_run(args) {
        Ok(code) => code,
        Err(message) => {
            report(message);
            EXIT_NOTHING_DONE
        }
    }
}

fn prepare_and_run(args: &DumpArgs) -> Result<u8, String> {
    if let Some(n) = args.jobs {
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(usize::from(n))
            .build_global();
    }
    let to_stdout = args.out.as_os_str() == "-";
    if args.resume && to_stdout {
        return Err("--resume needs an output file (--out OUT.jsonl), not standard output".into());
    }
    let name = args.file.display().to_string();
    let stdin = args.file.as_os_str() == "-";
    let (input, input_len) = open_input(args, stdin)?;

    let mut selection = run::Selection {
        namespaces: args.namespaces.clone(),
        redirects: args.redirects,
        limit: args.limit,
        ..run::Selection::default()
    };
    if let Some(path) = &args.titles {
        selection.titles = Some(read_titles(path)?);
    }
    let config = dump::PageConfig {
        name,
        dialect: args.dialect.map(Into::into),
        max_bytes: args
            .max_bytes
            .map(|b| usize::try_from(b).unwrap_or(usize::MAX)),
    };

    let (mut sink, file): (Box<dyn Write>, Option<std::fs::File>) = if to_stdout {
        let out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout());
        (Box::new(out), None)
    } else {
        let (f, resumed) = output::open(&args.out, args.resume).map_err(|e| e.to_string())?;
        if args.resume && !args.quiet {
            inform(format!(
                "{}: resuming after {} documents{}",
                output::partial_path(&args.out).display(),
                resumed.documents,
                if resumed.dropped_bytes > 0 {
                    format!(
                        " ({} bytes of a torn last line dropped)",
                        resumed.dropped_bytes
                    )
                } else {
                    String::new()
                }
            ));
        }
        selection.done_ids = resumed.done_ids;
        selection.done_titles = resumed.done_titles;
        let writer = f
            .try_clone()
            .map_err(|e| format!("{}: {e}", args.out.display()))?;
        (
            Box::new(std::io::BufWriter::with_capacity(1 << 20, writer)),
            Some(f),
        )
    };

    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    let _ = ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst));

    let progress = Arc::new(run::Progress::default());
    let started = Instant::now();
    let ticker = (!args.quiet && std::io::stderr().is_terminal())
        .then(|| spawn_progress(progress.clone(), input_len, started));

    let mut failures = 0u64;
    let mut on_failure = |m: &str| {
        failures += 1;
        report(m);
    };
    let result = run::run(
        input,
        selection,
        config,
        &mut sink,
        &progress,
        &stop,
        &mut on_failure,
    );
    drop(sink);
    if let Some((done, handle)) = ticker {
        done.store(true, Ordering::SeqCst);
        let _ = handle.join();
    }
    let (summary, fatal) = match result {
        Ok(s) => (s, None),
        Err(f) => (f.summary, Some(f.message)),
    };
    let interrupted = stop.load(Ordering::SeqCst);
    if let Some(f) = file {
        if fatal.is_none() && !interrupted {
            output::finish(f, &args.out).map_err(|e| e.to_string())?;
        } else {
            let _ = f.sync_all();
            inform(format!(
                "the run stopped: the documents so far are in {}; rerun with --resume to go on",
                output::partial_path(&args.out).display()
            ));
        }
    }
    if !args.quiet {
        print_summary(&summary, started.elapsed());
    }
    if let Some(m) = &fatal {
        report(format!("{}: {m}", args.file.display()));
        return Ok(if summary.written > 0 {
            EXIT_SOME_FAILED
        } else {
            EXIT_NOTHING_DONE
        });
    }
    let gate = match args.fail_on {
        Some(FailOn::Warning) => summary.with_warnings + summary.with_errors > 0,
        Some(FailOn::Error) => summary.with_errors > 0,
        None => false,
    };
    Ok(if failures > 0 || gate || interrupted {
        EXIT_SOME_FAILED
    } else {
        EXIT_OK
    })
}

/// The dump (plain or bzip2) or the multistream pair, and the input's
/// size where it is known (for the ETA).
fn open_input(args: &DumpArgs, stdin: bool) -> Result<(run::Input, Option<u64>), String> {
    let shown = args.file.display();
    if let Some(index) = &args.index {
        if stdin {
            return Err(
                "--index needs the dump as a file (it seeks to each stream), not `-`".into(),
            );
        }
        let dump = std::fs::File::open(&args.file)
            .map_err(|e| format!("{shown}: cannot read: {}", IoReason(&e)))?;
        let len = dump.metadata().ok().map(|m| m.len());
        let index_file = std::fs::File::open(index)
            .map_err(|e| format!("{}: cannot read: {}", index.display(), IoReason(&e)))?;
        let index_reader = dump::open_export(BufReader::with_capacity(1 << 16, index_file))
            .map_err(|e| format!("{}: cannot read: {}", index.display(), IoReason(&e)))?;
        return Ok((
            run::Input::Multistream {
                dump,
                index: index_reader,
            },
            len,
        ));
    }
    let (reader, len): (Box<dyn BufRead + Send>, Option<u64>) = if stdin {
        (
            Box::new(BufReader::with_capacity(1 << 16, std::io::stdin())),
            None,
        )
    } else {
        let f = std::fs::File::open(&args.file)
            .map_err(|e| format!("{shown}: cannot read: {}", IoReason(&e)))?;
        let len = f.metadata().ok().map(|m| m.len());
        (Box::new(BufReader::with_capacity(1 << 16, f)), len)
    };
    Ok((run::Input::Export(reader), len))
}

fn read_titles(path: &Path) -> Result<HashSet<String>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read: {}", path.display(), IoReason(&e)))?;
    Ok(text
        .lines()
        .map(run::normalize_title)
        .filter(|t| !t.is_empty())
        .collect())
}

/// A progress line on stderr, redrawn five times a second: pages, pages/s,
/// MB/s of input and the time left where the input's size is known.
fn spawn_progress(
    progress: Arc<run::Progress>,
    input_len: Option<u64>,
    started: Instant,
) -> (Arc<AtomicBool>, std::thread::JoinHandle<()>) {
    let done = Arc::new(AtomicBool::new(false));
    let flag = done.clone();
    let handle = std::thread::spawn(move || {
        let bar = match input_len {
            Some(len) => indicatif::ProgressBar::new(len).with_style(
                indicatif::ProgressStyle::with_template(
                    "{bar:30} {percent:>3}% {msg} ({eta} left)",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            ),
            None => indicatif::ProgressBar::new_spinner(),
        };
        while !flag.load(Ordering::SeqCst) {
            let read = progress.input_bytes.load(Ordering::Relaxed);
            let written = progress.written.load(Ordering::Relaxed);
            let secs = started.elapsed().as_secs_f64().max(1e-3);
            bar.set_position(read);
            bar.set_message(format!(
                "{written} pages, {:.0} pages/s, {:.1} MB/s",
                written as f64 / secs,
                read as f64 / secs / 1e6
            ));
            std::thread::sleep(Duration::from_millis(200));
        }
        bar.finish_and_clear();
    });
    (done, handle)
}

fn print_summary(s: &run::Summary, elapsed: Duration) {
    let secs = elapsed.as_secs_f64().max(1e-3);
    let mut skipped = Vec::new();
    for (n, what) in [
        (s.skipped_redirect, "redirects"),
        (s.skipped_namespace, "in other namespaces"),
        (s.skipped_not_wikitext, "not wikitext"),
        (s.skipped_not_selected, "not selected"),
        (s.skipped_done, "already done"),
    ] {
        if n > 0 {
            skipped.push(format!("{n} {what}"));
        }
    }
    let skipped = if skipped.is_empty() {
        String::new()
    } else {
        format!("; skipped: {}", skipped.join(", "))
    };
    let _ = writeln!(
        std::io::stderr(),
        "{} pages read, {} written, {} failed{skipped}; {} with warnings, {} with errors \
         ({secs:.1} s, {:.0} pages/s, {:.1} MB/s of wikitext){}",
        s.pages,
        s.written,
        s.failed,
        s.with_warnings,
        s.with_errors,
        s.written as f64 / secs,
        s.text_bytes as f64 / secs / 1e6,
        if s.stopped_early {
            ", stopped early"
        } else {
            ""
        }
    );
}
