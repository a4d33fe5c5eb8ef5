//! The `wikistruct` command line: parses flags into a library [`Config`],
//! runs the library, and maps outcomes to exit codes.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use wikistruct::batch::{self, Outcome};
use wikistruct::{Config, Dialect};

/// Everything went through.
const EXIT_OK: u8 = 0;
/// Some files of a batch failed; the others were written.
const EXIT_SOME_FAILED: u8 = 1;
/// Nothing could be done (bad arguments, unreadable or invalid input).
const EXIT_NOTHING_DONE: u8 = 2;

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
    /// and .mediawiki files), need --out: one <name>.json is written per
    /// article, atomically, mirroring the directory structure.
    ///
    /// Exit status: 0 when every article was extracted, 1 when some of a
    /// batch failed (the rest are still written), 2 when nothing could be done.
    #[command(
        after_help = "Examples:\n  wikistruct extract input/article.txt\n  wikistruct extract input --out output\n  cat article.txt | wikistruct extract -"
    )]
    Extract {
        /// Article files or directories; `-` reads standard input.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Directory to write one JSON file per article into.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Write compact JSON instead of pretty-printed.
        #[arg(long)]
        compact: bool,
        /// Input dialect; detected from the text when not given.
        #[arg(long, value_enum)]
        dialect: Option<DialectArg>,
        /// Title for articles without a title line (default: the file name).
        #[arg(long)]
        title: Option<String>,
        /// Number of worker threads (default: one per core).
        #[arg(long, value_name = "N")]
        jobs: Option<usize>,
    },
    /// Print the JSON Schema (draft 2020-12) that every document follows.
    Schema,
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

#[derive(Debug, Clone, Copy, ValueEnum)]
enum DialectArg {
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Extract {
            paths,
            out,
            compact,
            dialect,
            title,
            jobs,
        } => {
            if let Some(n) = jobs {
                // Only fails when a pool already exists, which it cannot here.
                let _ = rayon::ThreadPoolBuilder::new()
                    .num_threads(n.max(1))
                    .build_global();
            }
            let config = Config {
                name: String::new(),
                dialect: dialect.map(Dialect::from),
                title,
            };
            extract(&paths, out, compact, &config)
        }
        Command::Schema => print_stdout(&wikistruct::schema::schema_text()),
        Command::Validate { files, source } => validate(&files, source.as_deref()),
    };
    ExitCode::from(code)
}

/// Prints `message` on stderr as `wikistruct: message`.
fn report(message: impl std::fmt::Display) {
    let _ = writeln!(std::io::stderr(), "wikistruct: {message}");
}

/// Writes to stdout, treating a closed pipe as success.
fn print_stdout(s: &str) -> u8 {
    match std::io::stdout().lock().write_all(s.as_bytes()) {
        Ok(()) => EXIT_OK,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            report(format!("cannot write to standard output: {e}"));
            EXIT_NOTHING_DONE
        }
    }
}

fn extract(paths: &[PathBuf], out: Option<PathBuf>, compact: bool, config: &Config) -> u8 {
    // Standard input: one article, JSON on stdout.
    if paths.iter().any(|p| p.as_os_str() == "-") {
        if paths.len() > 1 {
            report("`-` (standard input) cannot be combined with other paths");
            return EXIT_NOTHING_DONE;
        }
        let mut bytes = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
            report(format!("-: cannot read standard input: {e}"));
            return EXIT_NOTHING_DONE;
        }
        let mut config = config.clone();
        config.name = "-".into();
        return match wikistruct::process_bytes(std::path::Path::new("-"), &bytes, &config) {
            Ok(article) => {
                let json = batch::to_json(&article, compact);
                match out {
                    Some(dir) => write_one(&dir.join("stdin.json"), &json),
                    None => print_stdout(&json),
                }
            }
            Err(e) => {
                report(e);
                EXIT_NOTHING_DONE
            }
        };
    }

    let jobs = match batch::collect_jobs(paths) {
        Ok(jobs) => jobs,
        Err(e) => {
            report(e);
            return EXIT_NOTHING_DONE;
        }
    };
    let Some(out) = out else {
        let single_file = jobs.len() == 1 && paths.len() == 1 && !paths[0].is_dir();
        if !single_file {
            report(format!(
                "{} articles given: several files or a directory need --out DIR",
                jobs.len()
            ));
            return EXIT_NOTHING_DONE;
        }
        return match batch::process_file(&jobs[0].input, config) {
            Ok(article) => print_stdout(&batch::to_json(&article, compact)),
            Err(e) => {
                report(e);
                EXIT_NOTHING_DONE
            }
        };
    };

    let outcomes = batch::run(&jobs, &out, config, compact);
    let failed = outcomes
        .iter()
        .filter(|o| matches!(o, Outcome::Failed(_)))
        .count();
    for o in &outcomes {
        if let Outcome::Failed(e) = o {
            report(e);
        }
    }
    let written = outcomes.len() - failed;
    let _ = writeln!(std::io::stderr(), "{written} extracted, {failed} failed");
    match (written, failed) {
        (_, 0) => EXIT_OK,
        (0, _) => EXIT_NOTHING_DONE,
        _ => EXIT_SOME_FAILED,
    }
}

fn validate(files: &[PathBuf], source: Option<&std::path::Path>) -> u8 {
    let src = match source.map(std::fs::read_to_string).transpose() {
        Ok(s) => s,
        Err(e) => {
            report(format!(
                "{}: cannot read: {e}",
                source.map_or(String::new(), |p| p.display().to_string())
            ));
            return EXIT_NOTHING_DONE;
        }
    };
    let mut failed = false;
    let mut unreadable = false;
    let mut out = String::new();
    for f in files {
        let doc = std::fs::read_to_string(f)
            .map_err(|e| format!("cannot read: {e}"))
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

fn write_one(path: &std::path::Path, json: &str) -> u8 {
    match batch::write_atomic(path, json.as_bytes()) {
        Ok(()) => EXIT_OK,
        Err(e) => {
            report(e);
            EXIT_NOTHING_DONE
        }
    }
}
