//! The `wikistruct` command line: parses flags into a library [`Config`],
//! runs the library, and maps outcomes to exit codes.

use std::io::{BufRead, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use wikistruct::batch::{self, Outcome, RunOptions};
use wikistruct::{Config, Dialect, IoReason, model};

#[path = "cli/dump.rs"]
mod dump_cmd;

/// mimalloc: the pipeline makes many small, short-lived allocations (one
/// per record field), where it is measurably faster than the system
/// allocator (about 15% of the whole run on the wikitext corpus).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Everything went through (for `diff`: nothing changed).
pub(crate) const EXIT_OK: u8 = 0;
/// Some files of a batch failed and the others were written (for
/// `validate`: a document failed; for `diff`: something changed).
pub(crate) const EXIT_SOME_FAILED: u8 = 1;
/// Nothing could be done (bad arguments, unreadable or invalid input).
pub(crate) const EXIT_NOTHING_DONE: u8 = 2;

/// Turn wiki-style article text into structured, validated JSON.
///
/// Reads articles in the plain rendered dialect (`= Title =`, `==Heading==`,
/// an `Infobox` block, `- ` list items) or MediaWiki wikitext, and emits one
/// JSON document per article: title, sections, infobox, dated events, money,
/// citations, "See also" and diagnostics, each with byte spans into the input.
#[derive(Debug, Parser)]
#[command(name = "wikistruct", version, about, long_about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract JSON from one or more articles.
    ///
    /// One file without --out prints its JSON on standard output. Several
    /// files, or a directory (walked recursively for .txt, .wiki, .wikitext
    /// and .mediawiki files, hidden ones skipped), need --out: one .json is
    /// written per article, atomically, mirroring the directory structure.
    /// Articles whose output is current (same input bytes, same tool) are
    /// skipped unless --force.
    ///
    /// Exit status: 0 when every article was extracted, 1 when some of a
    /// batch failed (the rest are still written), 2 when nothing could be done.
    #[command(
        after_help = "Examples:\n  wikistruct extract input/article.txt\n  wikistruct extract input --out output\n  wikistruct extract input --format jsonl | jq .title\n  cat article.txt | wikistruct extract -"
    )]
    Extract {
        /// Article files or directories; `-` reads standard input.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Directory to write one JSON file per article into.
        #[arg(long, short = 'o', value_name = "DIR")]
        out: Option<PathBuf>,
        /// Write compact JSON instead of pretty-printed.
        #[arg(long)]
        compact: bool,
        /// Output format: one file or document per article (json), or one
        /// compact document per line on standard output (jsonl). With `-`
        /// and jsonl, standard input is JSON Lines of {"title", "text"}.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Input dialect; detected from the text when not given.
        #[arg(long, value_enum)]
        dialect: Option<DialectArg>,
        /// Title for articles without a title line (default: the file name).
        #[arg(long)]
        title: Option<String>,
        /// The date the articles were written (YYYY-MM-DD): "yesterday",
        /// "last year" and "on Friday" are dated from it. A JSON-Lines input
        /// line may give its own as "reference_date".
        #[arg(long, value_name = "YYYY-MM-DD")]
        reference_date: Option<jiff::civil::Date>,
        /// The largest article read whole, in bytes (default 64 MiB, at
        /// most 1 GiB); a longer one is read up to the last line end within
        /// the limit, with an `article-too-large` diagnostic.
        #[arg(long, value_name = "BYTES", value_parser = clap::value_parser!(u64).range(1..))]
        max_bytes: Option<u64>,
        /// Number of worker threads (default: one per core).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        jobs: Option<u16>,
        /// Redo every article, even those whose output is current.
        #[arg(long)]
        force: bool,
        /// Remove outputs under --out whose article no longer exists.
        #[arg(long)]
        prune: bool,
        /// Print nothing but errors.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Extract every article of a MediaWiki XML dump (.xml or .xml.bz2),
    /// one JSON document per line, in dump order.
    ///
    /// Reads the export as a stream (memory does not grow with the dump),
    /// each page's latest revision; the page title is the document's
    /// title and the revision's date the reference date. `source` gains
    /// `page_id`, `revision_id` and `timestamp`. Articles only by default
    /// (namespace 0, no redirects). A page that fails is reported with its
    /// title and id, and the run goes on.
    ///
    /// Exit status: 0 when every selected page was extracted, 1 when some
    /// failed (or --fail-on found a diagnostic, or the run stopped early),
    /// 2 when nothing could be done.
    Dump(dump_cmd::DumpArgs),
    /// Keep --out in step with a folder of articles as they change.
    ///
    /// Extracts what is out of date, then re-extracts an article whenever it
    /// is created or changed and removes its output when it is deleted or
    /// renamed away, printing one line per change. Ctrl-C stops it.
    Watch {
        /// The folder of articles.
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// The folder of outputs.
        #[arg(long, short = 'o', value_name = "DIR")]
        out: PathBuf,
        /// Input dialect; detected from the text when not given.
        #[arg(long, value_enum)]
        dialect: Option<DialectArg>,
        /// Print only failures (each once, until it changes).
        #[arg(long, short)]
        quiet: bool,
        /// Number of worker threads (default: one per core).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        jobs: Option<u16>,
    },
    /// Show what changed in meaning between two versions of an article.
    ///
    /// Takes two JSON documents or two article files. Sections, infobox
    /// fields, events, money, citations and "See also" entries are matched by
    /// content, so an inserted paragraph shows as what it adds and nothing
    /// else. Exit status: 0 when nothing changed, 1 when something did, 2 on
    /// error.
    Diff {
        /// The earlier version: a wikistruct JSON document (`.json`) or an
        /// article file (extracted first, its dialect detected).
        #[arg(value_name = "OLD")]
        old: PathBuf,
        /// The later version, as OLD; the two may be of different kinds.
        #[arg(value_name = "NEW")]
        new: PathBuf,
        /// One JSON object with a key per part, for programs.
        #[arg(long)]
        json: bool,
        /// The date relative dates in article files are dated from.
        #[arg(long, value_name = "YYYY-MM-DD")]
        reference_date: Option<jiff::civil::Date>,
    },
    /// Print the JSON Schema (draft 2020-12) that every document follows.
    Schema,
    /// Print a shell's completion script.
    ///
    /// bash: `wikistruct completions bash > ~/.local/share/bash-completion/completions/wikistruct`;
    /// zsh: `wikistruct completions zsh > ~/.zfunc/_wikistruct`;
    /// fish: `wikistruct completions fish > ~/.config/fish/completions/wikistruct.fish`.
    Completions {
        #[arg(value_enum, value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), for `man`.
    ///
    /// `wikistruct man > ~/.local/share/man/man1/wikistruct.1`, then
    /// `man wikistruct`.
    Man,
    /// Check JSON documents against the schema and the checks it cannot
    /// express (real dates, ranges in order, section paths, citation
    /// indices).
    ///
    /// Prints one line per problem: the file, the JSON pointer and the
    /// reason. Exit status 0 when all pass, 1 otherwise, 2 when a file
    /// cannot be read.
    Validate {
        /// JSON documents written by `wikistruct extract` (or edited since).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// The article the documents were made from: also check that every
        /// span lies inside it and points at its record's text.
        #[arg(long, value_name = "ARTICLE")]
        source: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Json,
    Jsonl,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum DialectArg {
    Plain,
    Wikitext,
}

impl From<DialectArg> for Dialect {
    fn from(d: DialectArg) -> Dialect {
        match d {
            DialectArg::Plain => Dialect::Plain,
            DialectArg::Wikitext => Dialect::Wikitext,
        }
    }
}

/// What `extract` was asked to do, beyond the library's [`Config`].
struct ExtractArgs {
    paths: Vec<PathBuf>,
    out: Option<PathBuf>,
    compact: bool,
    format: Format,
    force: bool,
    prune: bool,
    quiet: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Extract {
            paths,
            out,
            compact,
            format,
            dialect,
            title,
            reference_date,
            max_bytes,
            jobs,
            force,
            prune,
            quiet,
        } => {
            if let Some(n) = jobs {
                // Only fails when a pool already exists, which it cannot here.
                let _ = rayon::ThreadPoolBuilder::new()
                    .num_threads(usize::from(n))
                    .build_global();
            }
            let config = Config {
                name: String::new(),
                dialect: dialect.map(Dialect::from),
                title,
                page_name: None,
                reference_date,
                max_bytes: max_bytes.map(|b| usize::try_from(b).unwrap_or(usize::MAX)),
            };
            let args = ExtractArgs {
                paths,
                out,
                compact,
                format,
                force,
                prune,
                quiet,
            };
            extract(&args, &config)
        }
        Command::Dump(args) => dump_cmd::dump_command(&args),
        Command::Watch {
            dir,
            out,
            dialect,
            quiet,
            jobs,
        } => watch(&dir, &out, dialect, quiet, jobs),
        Command::Diff {
            old,
            new,
            json,
            reference_date,
        } => diff(&old, &new, json, reference_date),
        Command::Schema => print_stdout(&wikistruct::schema::schema_text()),
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "wikistruct", &mut out);
            print_stdout(&String::from_utf8_lossy(&out))
        }
        Command::Man => {
            let mut out = Vec::new();
            match clap_mangen::Man::new(Cli::command()).render(&mut out) {
                Ok(()) => print_stdout(&String::from_utf8_lossy(&out)),
                Err(e) => {
                    report(format!("cannot render the manual page: {e}"));
                    EXIT_NOTHING_DONE
                }
            }
        }
        Command::Validate { files, source } => validate(&files, source.as_deref()),
    };
    ExitCode::from(code)
}

/// Says on stderr where an option was overruled by the text or fights it,
/// or where the input is far larger than any article (the document
/// carries the same as a diagnostic), so that none passes without a word.
fn warn_options(name: &str, article: &model::Article) {
    for w in option_warnings(name, article) {
        say(Level::Warning, w);
    }
}

/// The lines [`warn_options`] prints, for a worker to make and the thread
/// that owns stderr to print in input order.
fn option_warnings(name: &str, article: &model::Article) -> Vec<String> {
    article
        .diagnostics
        .iter()
        .filter(|d| {
            matches!(
                d.code.as_str(),
                "title-option-ignored" | "dialect-mismatch" | "article-unusually-large"
            )
        })
        .map(|d| format!("{name}: warning: {}", d.message))
        .collect()
}

/// Prints `message` on stderr as `wikistruct: message`.
pub(crate) fn report(message: impl std::fmt::Display) {
    say(Level::Error, message);
}

/// Prints a notice (not a failure) on stderr: `wikistruct: message`.
pub(crate) fn inform(message: impl std::fmt::Display) {
    say(Level::Note, message);
}

#[derive(Clone, Copy)]
enum Level {
    Error,
    Warning,
    Note,
}

/// One line on stderr, its `wikistruct:` in colour where stderr is a
/// terminal and `NO_COLOR` is unset or empty (red for a failure, yellow
/// for a warning, bold for a notice); plain when piped.
fn say(level: Level, message: impl std::fmt::Display) {
    static COLOUR: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    let colour = *COLOUR.get_or_init(|| {
        std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
    });
    let (start, end) = match (colour, level) {
        (false, _) => ("", ""),
        (true, Level::Error) => ("\x1b[1;31m", "\x1b[0m"),
        (true, Level::Warning) => ("\x1b[1;33m", "\x1b[0m"),
        (true, Level::Note) => ("\x1b[1m", "\x1b[0m"),
    };
    let _ = writeln!(std::io::stderr(), "{start}wikistruct:{end} {message}");
}

/// Writes to stdout, treating a closed pipe as success.
fn print_stdout(s: &str) -> u8 {
    print_with(|w| w.write_all(s.as_bytes()))
}

/// Writes a document to standard output as it is serialised.
fn print_article(article: &model::Article, compact: bool) -> u8 {
    print_with(|w| batch::write_json(w, article, compact))
}

fn print_with(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> u8 {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Ok(()) => EXIT_OK,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            report(format!("cannot write to standard output: {e}"));
            EXIT_NOTHING_DONE
        }
    }
}

fn extract(args: &ExtractArgs, config: &Config) -> u8 {
    if args.format == Format::Jsonl && args.out.is_some() {
        report(
            "--format jsonl writes one line per article to standard output, --out one file per \
             article: give one of them",
        );
        return EXIT_NOTHING_DONE;
    }
    if let Some(out) = &args.out {
        if let Err(e) = out_folder(out) {
            report(e);
            return EXIT_NOTHING_DONE;
        }
    }
    if args.paths.iter().any(|p| p.as_os_str() == "-") {
        if args.paths.len() > 1 {
            report("`-` (standard input) cannot be combined with other paths");
            return EXIT_NOTHING_DONE;
        }
        return match args.format {
            Format::Jsonl => jsonl_stdin(config),
            Format::Json => stdin_article(args, config),
        };
    }
    let jobs = match batch::collect_jobs(&args.paths) {
        Ok(jobs) => jobs,
        Err(e) => {
            report(e);
            return EXIT_NOTHING_DONE;
        }
    };
    if args.format == Format::Jsonl {
        return jsonl_files(&jobs, config);
    }
    let Some(out) = &args.out else {
        let single_file = jobs.len() == 1 && args.paths.len() == 1 && !args.paths[0].is_dir();
        if !single_file {
            report(format!(
                "{} articles given: several files or a directory need --out DIR (or --format jsonl)",
                jobs.len()
            ));
            return EXIT_NOTHING_DONE;
        }
        return match batch::process_file(&jobs[0].input, config) {
            Ok(article) => {
                warn_options(&jobs[0].input.display().to_string(), &article);
                print_article(&article, args.compact)
            }
            Err(e) => {
                report(e);
                EXIT_NOTHING_DONE
            }
        };
    };
    batch_to_dir(&jobs, out, args, config)
}

/// Refuses an output folder that is a file, before any article is read
/// (each would fail with the system's "File exists").
fn out_folder(out: &Path) -> Result<(), String> {
    if out.exists() && !out.is_dir() {
        return Err(format!(
            "{}: --out names a file; it must be a folder, which gets one JSON file per article",
            out.display()
        ));
    }
    Ok(())
}

/// The batch case: every job written under `out`, a summary on stderr.
fn batch_to_dir(jobs: &[batch::Job], out: &Path, args: &ExtractArgs, config: &Config) -> u8 {
    let started = Instant::now();
    let bar = (std::io::stderr().is_terminal() && !args.quiet && jobs.len() > 1).then(|| {
        let bar = indicatif::ProgressBar::new(jobs.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} articles ({eta} left)")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let opts = RunOptions {
        compact: args.compact,
        force: args.force,
    };
    let outcomes = batch::run(jobs, out, config, &opts, &|| {
        if let Some(b) = &bar {
            b.inc(1);
        }
    });
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let (orphans, temps) = batch::orphans(jobs, out);
    // Temporary files of an interrupted run are never outputs.
    for t in temps {
        let _ = std::fs::remove_file(t);
    }
    let mut pruned = 0;
    for o in &orphans {
        if args.prune {
            match std::fs::remove_file(o) {
                Ok(()) => pruned += 1,
                Err(e) => report(format!("{}: cannot remove: {}", o.display(), IoReason(&e))),
            }
        } else if !args.quiet {
            inform(format!(
                "{}: its article is gone (remove it with --prune)",
                o.display()
            ));
        }
    }
    let (mut written, mut unchanged, mut failed) = (0, 0, 0);
    for o in &outcomes {
        match o {
            Outcome::Written(_) => written += 1,
            Outcome::Unchanged(_) => unchanged += 1,
            Outcome::Failed(e) => {
                failed += 1;
                report(e);
            }
        }
    }
    if !args.quiet {
        let _ = writeln!(
            std::io::stderr(),
            "{written} extracted, {unchanged} unchanged, {failed} failed, {pruned} pruned ({:.1} s)",
            started.elapsed().as_secs_f64()
        );
    }
    match (written + unchanged, failed) {
        (_, 0) => EXIT_OK,
        (0, _) => EXIT_NOTHING_DONE,
        _ => EXIT_SOME_FAILED,
    }
}

/// One article from standard input.
fn stdin_article(args: &ExtractArgs, config: &Config) -> u8 {
    let mut bytes = Vec::new();
    if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
        report(format!("-: cannot read standard input: {}", IoReason(&e)));
        return EXIT_NOTHING_DONE;
    }
    let mut config = config.clone();
    config.name = "-".into();
    match wikistruct::process_bytes(Path::new("-"), &bytes, &config) {
        Ok(article) => {
            warn_options("-", &article);
            match &args.out {
                Some(dir) => match batch::write_atomic_with(&dir.join("stdin.json"), |w| {
                    batch::write_json(w, &article, args.compact)
                }) {
                    Ok(()) => EXIT_OK,
                    Err(e) => {
                        report(e);
                        EXIT_NOTHING_DONE
                    }
                },
                None => print_article(&article, args.compact),
            }
        }
        Err(e) => {
            report(e);
            EXIT_NOTHING_DONE
        }
    }
}

/// `--format jsonl` over files: one compact document per line, in input
/// order. Each article is extracted and serialised by a worker; this
/// thread writes the finished lines in order. A sliding window of
/// articles is in flight (never a barrier per chunk, where the workers
/// wait for the slowest article of each), so memory holds a few
/// documents, not the batch, and the serialising is shared by the workers.
fn jsonl_files(jobs: &[batch::Job], config: &Config) -> u8 {
    /// What a worker hands back: the document's line, or for a large
    /// article the document itself, to be serialised straight into the
    /// output (its JSON is tens of times the input on dense articles, and
    /// a buffer of it would be most of the peak memory).
    enum Line {
        Serialised(Vec<u8>, Vec<String>),
        Large(Box<model::Article>),
    }
    /// Up to this size (estimated) an article's line is made by its worker.
    const SERIALISE_IN_WORKER: u64 = 4 << 20;

    let config = Arc::new(config.clone());
    let mut failed = 0;
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let mut queue = batch::InOrder::new(rayon::current_num_threads() * 4);
    // Writes the oldest article's line; false when the output is closed.
    let mut take = |queue: &mut batch::InOrder<_, &Path>, failed: &mut usize| {
        match queue.take() {
            None => true,
            Some((_, Ok(Ok(Line::Serialised(line, warnings))))) => {
                for w in warnings {
                    say(Level::Warning, w);
                }
                out.write_all(&line).is_ok()
            }
            Some((_, Ok(Ok(Line::Large(a))))) => {
                warn_options(&a.source.name, &a);
                batch::write_json(&mut out, &a, true).is_ok()
            }
            Some((_, Ok(Err(e)))) => {
                *failed += 1;
                report(e);
                true
            }
            // The article failed, the batch goes on.
            Some((input, Err(batch::Panicked))) => {
                *failed += 1;
                report(format!("{}: extraction failed", input.display()));
                true
            }
        }
    };
    for job in jobs {
        if queue.is_full() && !take(&mut queue, &mut failed) {
            return EXIT_OK; // closed pipe
        }
        let (input, config) = (job.input.clone(), Arc::clone(&config));
        queue.spawn(job.input.as_path(), move || {
            batch::process_file(&input, &config).map(|a| {
                let estimate = batch::json_size_estimate(&a);
                if estimate > SERIALISE_IN_WORKER {
                    return Line::Large(Box::new(a));
                }
                // The line is about the size of the input or larger (the
                // estimate decides, but overshoots too far to size it).
                let mut line = Vec::with_capacity(a.source.bytes as usize);
                // Writing to a Vec cannot fail.
                let _ = batch::write_json(&mut line, &a, true);
                Line::Serialised(line, option_warnings(&a.source.name, &a))
            })
        });
    }
    while !queue.is_empty() {
        if !take(&mut queue, &mut failed) {
            return EXIT_OK;
        }
    }
    if out.flush().is_err() {
        return EXIT_OK;
    }
    exit_for(jobs.len(), failed)
}

/// `--format jsonl` with `-`: standard input is JSON Lines of
/// `{"title": …, "text": …}`; each line is answered by one document line.
fn jsonl_stdin(config: &Config) -> u8 {
    #[derive(serde::Deserialize)]
    struct Request {
        title: Option<String>,
        #[serde(default)]
        reference_date: Option<jiff::civil::Date>,
        text: String,
    }
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let (mut total, mut failed) = (0, 0);
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                report(format!("-: line {}: cannot read: {}", n + 1, IoReason(&e)));
                failed += 1;
                break;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        total += 1;
        let req: Request = match serde_json::from_str(&line) {
            Ok(r) => r,
            Err(e) => {
                // serde_json ends its message with "at line 1 column N",
                // the line within this one line: say the column alone.
                let message = e.to_string();
                let message = message
                    .rsplit_once(" at line ")
                    .map_or(message.as_str(), |(m, _)| m);
                report(format!(
                    "-: line {}, column {}: expected {{\"title\": …, \"text\": …}}: {message}",
                    n + 1,
                    e.column()
                ));
                failed += 1;
                continue;
            }
        };
        let mut cfg = config.clone();
        cfg.name = "-".into();
        cfg.title = req.title.or(cfg.title);
        cfg.reference_date = req.reference_date.or(cfg.reference_date);
        match wikistruct::process_bytes(Path::new("-"), req.text.as_bytes(), &cfg) {
            Ok(a) => {
                if batch::write_json(&mut out, &a, true).is_err() {
                    return EXIT_OK;
                }
                // Answer each request as it comes, for pipelines.
                let _ = out.flush();
            }
            Err(e) => {
                report(format!("-: line {}: {e}", n + 1));
                failed += 1;
            }
        }
    }
    exit_for(total, failed)
}

fn exit_for(total: usize, failed: usize) -> u8 {
    match (total - failed.min(total), failed) {
        (_, 0) => EXIT_OK,
        (0, _) => EXIT_NOTHING_DONE,
        _ => EXIT_SOME_FAILED,
    }
}

fn watch(
    dir: &Path,
    out: &Path,
    dialect: Option<DialectArg>,
    quiet: bool,
    jobs: Option<u16>,
) -> u8 {
    if !dir.is_dir() {
        let why = if dir.exists() {
            "not a directory (watch takes a folder of articles)"
        } else {
            "no such directory"
        };
        report(format!("{}: {why}", dir.display()));
        return EXIT_NOTHING_DONE;
    }
    if let Err(e) = out_folder(out) {
        report(e);
        return EXIT_NOTHING_DONE;
    }
    if let Some(n) = jobs {
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(usize::from(n))
            .build_global();
    }
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    if let Err(e) =
        ctrlc::set_handler(move || flag.store(true, std::sync::atomic::Ordering::SeqCst))
    {
        report(format!("cannot handle Ctrl-C: {e}"));
        return EXIT_NOTHING_DONE;
    }
    let config = Config {
        name: String::new(),
        dialect: dialect.map(Dialect::from),
        title: None,
        page_name: None,
        reference_date: None,
        max_bytes: None,
    };
    let mut print = |line: &str| {
        let _ = writeln!(std::io::stdout(), "{line}");
    };
    let options = wikistruct::watch::WatchOptions { quiet };
    match wikistruct::watch::watch(dir, out, &config, options, stop, &mut print) {
        Ok(()) => EXIT_OK,
        Err(e) => {
            report(e);
            EXIT_NOTHING_DONE
        }
    }
}

/// Reads a document: JSON as it is, an article by extracting it.
fn load(path: &Path, reference_date: Option<jiff::civil::Date>) -> Result<model::Article, String> {
    let bytes = std::fs::read(path)
        .map_err(|e| format!("{}: cannot read: {}", path.display(), IoReason(&e)))?;
    if path.extension().is_some_and(|e| e == "json") {
        serde_json::from_slice(&bytes)
            .map_err(|e| format!("{}: not a wikistruct document: {e}", path.display()))
    } else {
        let config = Config {
            reference_date,
            ..Config::default()
        };
        batch::process_file(path, &config).map_err(|e| e.to_string())
    }
}

fn diff(old: &Path, new: &Path, json: bool, reference_date: Option<jiff::civil::Date>) -> u8 {
    let (a, b) = match (load(old, reference_date), load(new, reference_date)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => {
            report(e);
            return EXIT_NOTHING_DONE;
        }
    };
    let d = wikistruct::diff::diff(&a, &b);
    let text = if json {
        let mut s = serde_json::to_string_pretty(&d).unwrap_or_default();
        s.push('\n');
        s
    } else {
        wikistruct::diff::human(&d)
    };
    if print_stdout(&text) != EXIT_OK {
        return EXIT_NOTHING_DONE;
    }
    if d.is_empty() {
        EXIT_OK
    } else {
        EXIT_SOME_FAILED
    }
}

fn validate(files: &[PathBuf], source: Option<&Path>) -> u8 {
    let src = match source.map(std::fs::read_to_string).transpose() {
        Ok(s) => s,
        Err(e) => {
            report(format!(
                "{}: cannot read: {}",
                source.map_or(String::new(), |p| p.display().to_string()),
                IoReason(&e)
            ));
            return EXIT_NOTHING_DONE;
        }
    };
    let mut failed = false;
    let mut unreadable = false;
    let mut out = String::new();
    for f in files {
        let doc = std::fs::read_to_string(f)
            .map_err(|e| format!("cannot read: {}", IoReason(&e)))
            .and_then(|t| {
                serde_json::from_str::<serde_json::Value>(&t).map_err(|e| format!("not JSON: {e}"))
            });
        match doc {
            Ok(doc) => {
                let problems = wikistruct::schema::check_json(&doc, src.as_deref());
                for p in &problems {
                    let pointer = if p.pointer.is_empty() {
                        "/"
                    } else {
                        &p.pointer
                    };
                    out.push_str(&format!("{}: {pointer}: {}\n", f.display(), p.message));
                }
                failed |= !problems.is_empty();
            }
            Err(e) => {
                report(format!("{}: {e}", f.display()));
                unreadable = true;
            }
        }
    }
    if print_stdout(&out) != EXIT_OK {
        return EXIT_NOTHING_DONE;
    }
    if unreadable {
        EXIT_NOTHING_DONE
    } else if failed {
        EXIT_SOME_FAILED
    } else {
        EXIT_OK
    }
}
