//! Batches: finding articles on disk, running the pipeline on them in
//! parallel, and writing outputs atomically.
//!
//! Order is deterministic: inputs are sorted, processed with rayon's indexed
//! `collect` (which keeps input order), and reported and written in that
//! order, so one thread and many threads give the same bytes.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::error::Error;
use crate::{Config, model, process_bytes};

/// File extensions taken as articles when walking a directory.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "wiki", "wikitext", "mediawiki"];

/// One article to process: where to read it and, in a batch, where its
/// output goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    pub input: PathBuf,
    /// The output path, relative to the output directory.
    pub output: PathBuf,
}

/// Expands the paths a user gave into jobs: files as they are, directories
/// walked recursively for article files (hidden entries skipped), outputs
/// mirroring the directory structure. Sorted and deduplicated.
pub fn collect_jobs(paths: &[PathBuf]) -> Result<Vec<Job>, Error> {
    let mut jobs = Vec::new();
    for path in paths {
        let meta = fs::metadata(path).map_err(|source| Error::Read {
            path: path.clone(),
            source,
        })?;
        if meta.is_dir() {
            let before = jobs.len();
            walk(path, path, &mut jobs).map_err(|source| Error::Read {
                path: path.clone(),
                source,
            })?;
            if jobs.len() == before {
                return Err(Error::Invalid {
                    path: path.clone(),
                    message: format!(
                        "no articles found (looked for files ending in .{})",
                        ARTICLE_EXTENSIONS.join(", .")
                    ),
                });
            }
        } else {
            jobs.push(Job {
                input: path.clone(),
                output: output_name(Path::new(path.file_name().unwrap_or(path.as_os_str()))),
            });
        }
    }
    jobs.sort_by(|a, b| a.input.cmp(&b.input));
    jobs.dedup_by(|a, b| a.input == b.input);
    disambiguate(&mut jobs);
    Ok(jobs)
}

/// Two inputs that would write the same output (`a.txt` and `a.wiki`)
/// keep their extension instead (`a.txt.json`, `a.wiki.json`), so no
/// output overwrites another.
fn disambiguate(jobs: &mut [Job]) {
    let mut counts = std::collections::BTreeMap::new();
    for j in jobs.iter() {
        *counts.entry(j.output.clone()).or_insert(0usize) += 1;
    }
    for j in jobs.iter_mut() {
        if counts.get(&j.output).copied().unwrap_or(0) > 1 {
            let mut name = j.input.file_name().unwrap_or_default().to_os_string();
            name.push(".json");
            j.output.set_file_name(name);
        }
    }
}

fn walk(root: &Path, dir: &Path, jobs: &mut Vec<Job>) -> std::io::Result<()> {
    let mut entries: Vec<_> = fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let kind = entry.file_type()?;
        if kind.is_dir() {
            walk(root, &path, jobs)?;
        } else if is_article(&path) {
            let rel = path.strip_prefix(root).unwrap_or(&path);
            jobs.push(Job {
                output: output_name(rel),
                input: path,
            });
        }
    }
    Ok(())
}

fn is_article(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// `dir/name.txt` → `dir/name.json`.
fn output_name(rel: &Path) -> PathBuf {
    rel.with_extension("json")
}

/// Reads and processes one article file.
pub fn process_file(path: &Path, config: &Config) -> Result<model::Article, Error> {
    let bytes = fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let mut config = config.clone();
    config.name = path.display().to_string();
    if config.page_name.is_none() {
        config.page_name = default_title(path);
    }
    let mut article = process_bytes(path, &bytes, &config)?;
    name_after_file(&mut article, path);
    Ok(article)
}

/// Titles an article that has none (no title line, no `--title`) after
/// its file. Done after extraction, not through [`Config::title`], which
/// stands for a title the user gave (and is warned about when the text
/// overrules it).
fn name_after_file(article: &mut model::Article, path: &Path) {
    if article.title.is_none() {
        article.title = default_title(path);
    }
}

/// The title of an article without a title line: its file stem, with
/// underscores as spaces.
pub fn default_title(path: &Path) -> Option<String> {
    let stem = path.file_stem()?.to_str()?;
    Some(stem.replace('_', " "))
}

/// Serialises an article: pretty (two-space indent) or compact, always with
/// a final newline.
pub fn to_json(article: &model::Article, compact: bool) -> String {
    let mut buf = Vec::new();
    // Writing to a Vec cannot fail, and serde_json writes UTF-8.
    match write_json(&mut buf, article, compact).map(|()| String::from_utf8(buf)) {
        Ok(Ok(s)) => s,
        Ok(Err(e)) => format!("{{\"error\": \"serialization failed: {e}\"}}\n"),
        Err(e) => format!("{{\"error\": \"serialization failed: {e}\"}}\n"),
    }
}

/// Serialises an article straight into `w` (pretty or compact, with a
/// final newline). The JSON is never held whole: on dense articles it is
/// tens of times the input (every record repeats its sentence), and a
/// buffer of it was most of the peak memory.
pub fn write_json(
    mut w: impl Write,
    article: &model::Article,
    compact: bool,
) -> std::io::Result<()> {
    if compact {
        serde_json::to_writer(&mut w, article)?;
    } else {
        serde_json::to_writer_pretty(&mut w, article)?;
    }
    w.write_all(b"\n")
}

/// About how many bytes an article's JSON will take, without writing it:
/// every event and figure repeats its sentence, so on a dense article
/// (a table row of figures) the JSON is a hundred times the input, and
/// the input's size says nothing about it. Within a small factor (0.4 to
/// 2.4 times the real size on all but the smallest corpus articles): used
/// to decide whether a line may be buffered whole, never to size a buffer.
pub fn json_size_estimate(article: &model::Article) -> u64 {
    /// Keys, punctuation, span and flags of one record.
    const PER_RECORD: u64 = 256;
    let sentences = |s: &str| s.len() as u64 + PER_RECORD;
    let events: u64 = article.events.iter().map(|e| sentences(&e.sentence)).sum();
    let money: u64 = article.money.iter().map(|m| sentences(&m.sentence)).sum();
    let citations: u64 = article
        .citations
        .iter()
        .map(|c| c.raw.len() as u64 + PER_RECORD)
        .sum();
    let rest = (article.sections.len() + article.diagnostics.len()) as u64 * PER_RECORD;
    events + money + citations + rest + article.source.bytes
}

/// Writes `contents` to `path` atomically: a temporary file in the same
/// directory, flushed, then renamed over the target. A reader (or a crash)
/// never sees a half-written file.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), Error> {
    write_atomic_with(path, |w| w.write_all(contents))
}

/// [`write_atomic`] for contents that `fill` writes (through a buffer) into
/// the temporary file.
pub fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Error> {
    let wrap = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(wrap)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut f = std::io::BufWriter::with_capacity(1 << 16, fs::File::create(&tmp)?);
        fill(&mut f)?;
        let f = f
            .into_inner()
            .map_err(std::io::IntoInnerError::into_error)?;
        f.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.map_err(wrap)
}

/// What happened to one job.
#[derive(Debug)]
pub enum Outcome {
    /// Extracted and written.
    Written(PathBuf),
    /// The existing output was current: same input bytes, same generator,
    /// written after the running binary was built.
    Unchanged(PathBuf),
    Failed(Error),
}

/// How a batch runs.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    pub compact: bool,
    /// Redo every article, current or not.
    pub force: bool,
}

/// The fields of an existing output that decide whether it is current.
#[derive(serde::Deserialize)]
struct Stamp {
    source: StampSource,
    generator: model::Generator,
}

#[derive(serde::Deserialize)]
struct StampSource {
    sha256: String,
}

/// Is the output at `target` current for input `bytes`? It is when it
/// records the same input hash and the same generator, and was written
/// after the running binary was built (so a rebuilt tool redoes its
/// outputs, as `make` would).
fn is_current(target: &Path, bytes: &[u8], built: Option<std::time::SystemTime>) -> bool {
    let Ok(meta) = fs::metadata(target) else {
        return false;
    };
    if let (Some(built), Ok(written)) = (built, meta.modified()) {
        if written < built {
            return false;
        }
    }
    let Ok(text) = fs::read(target) else {
        return false;
    };
    let Ok(stamp) = serde_json::from_slice::<Stamp>(&text) else {
        return false;
    };
    stamp.generator.name == env!("CARGO_PKG_NAME")
        && stamp.generator.version == env!("CARGO_PKG_VERSION")
        && stamp.source.sha256 == crate::sha256_hex(bytes)
}

/// When the running binary was built (its file's modification time).
fn binary_time() -> Option<std::time::SystemTime> {
    std::env::current_exe()
        .ok()
        .and_then(|p| fs::metadata(p).ok())
        .and_then(|m| m.modified().ok())
}

/// Processes every job in parallel and writes each output under `out`,
/// skipping current outputs unless `force`. Results come back in job order;
/// `on_done` is called once per finished job (from worker threads), e.g. to
/// advance a progress bar.
pub fn run(
    jobs: &[Job],
    out: &Path,
    config: &Config,
    opts: &RunOptions,
    on_done: &(dyn Fn() + Sync),
) -> Vec<Outcome> {
    let built = binary_time();
    jobs.par_iter()
        .map(|job| {
            let target = out.join(&job.output);
            let outcome = run_one(job, &target, config, opts, built);
            on_done();
            outcome
        })
        .collect()
}

fn run_one(
    job: &Job,
    target: &Path,
    config: &Config,
    opts: &RunOptions,
    built: Option<std::time::SystemTime>,
) -> Outcome {
    let bytes = match fs::read(&job.input) {
        Ok(b) => b,
        Err(source) => {
            return Outcome::Failed(Error::Read {
                path: job.input.clone(),
                source,
            });
        }
    };
    if !opts.force && is_current(target, &bytes, built) {
        return Outcome::Unchanged(target.to_path_buf());
    }
    let mut config = config.clone();
    config.name = job.input.display().to_string();
    match process_bytes(&job.input, &bytes, &config) {
        Ok(mut article) => {
            name_after_file(&mut article, &job.input);
            match write_atomic_with(target, |w| write_json(w, &article, opts.compact)) {
                Ok(()) => Outcome::Written(target.to_path_buf()),
                Err(e) => Outcome::Failed(e),
            }
        }
        Err(e) => Outcome::Failed(e),
    }
}

/// Outputs under `out` that no job writes (their article was deleted or
/// renamed), sorted; and temporary files left by an interrupted run.
pub fn orphans(jobs: &[Job], out: &Path) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let wanted: std::collections::BTreeSet<PathBuf> =
        jobs.iter().map(|j| out.join(&j.output)).collect();
    let mut orphans = Vec::new();
    let mut temps = Vec::new();
    let mut stack = vec![out.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                if !name.starts_with('.') {
                    stack.push(p);
                }
            } else if name.starts_with('.') && name.contains(".json.tmp-") {
                temps.push(p);
            } else if name.ends_with(".json") && !wanted.contains(&p) {
                orphans.push(p);
            }
        }
    }
    orphans.sort();
    temps.sort();
    (orphans, temps)
}

/// Work run on rayon's pool and taken back in the order it was given, with
/// at most `window` pieces between giving and taking; each piece carries a
/// label (its input's name, say) to report it by.
///
/// This is what streaming output needs: `par_iter().collect()` keeps order
/// too, but only by holding every result until the last one is made, so
/// memory grows with the batch; here it is bounded by the window. Each
/// piece runs under `catch_unwind`, because rayon aborts the process on a
/// panicking spawned job: a panic becomes that piece's [`Panicked`], and
/// the pieces after it go on.
pub struct InOrder<T, L = ()> {
    pending: std::collections::VecDeque<(L, std::sync::mpsc::Receiver<T>)>,
    window: usize,
}

/// A piece of [`InOrder`] work that panicked instead of giving its result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panicked;

impl<T: Send + 'static, L> InOrder<T, L> {
    /// An empty queue holding at most `window` pieces (at least one).
    pub fn new(window: usize) -> Self {
        let window = window.max(1);
        InOrder {
            pending: std::collections::VecDeque::with_capacity(window),
            window,
        }
    }

    /// Starts `work` on the pool.
    pub fn spawn(&mut self, label: L, work: impl FnOnce() -> T + Send + 'static) {
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        rayon::spawn(move || {
            let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work));
            // The receiver is gone only when the taker stopped early.
            if let Ok(done) = done {
                let _ = tx.send(done);
            }
        });
        self.pending.push_back((label, rx));
    }

    /// True when the window is full: take before spawning more.
    pub fn is_full(&self) -> bool {
        self.pending.len() >= self.window
    }

    /// True when nothing is pending.
    pub fn is_empty(&self) -> bool {
        self.pending.is_empty()
    }

    /// Waits for the oldest piece: `None` when none is pending.
    pub fn take(&mut self) -> Option<(L, Result<T, Panicked>)> {
        // A closed channel means the sender was dropped unsent: the piece
        // panicked.
        let (label, rx) = self.pending.pop_front()?;
        Some((label, rx.recv().map_err(|_| Panicked)))
    }
}

#[cfg(test)]
mod in_order_tests {
    use super::*;

    #[test]
    fn results_come_back_in_order_and_a_panic_stays_its_own() {
        let mut q = InOrder::new(3);
        let mut got = Vec::new();
        for i in 0..20u64 {
            if q.is_full() {
                got.push(q.take().unwrap());
            }
            q.spawn(i, move || {
                // Later pieces finish first, so order is not by chance.
                std::thread::sleep(std::time::Duration::from_millis(20 - i));
                if i == 7 {
                    panic!("piece 7");
                }
                i
            });
        }
        while let Some(r) = q.take() {
            got.push(r);
        }
        let want: Vec<_> = (0..20u64)
            .map(|i| (i, if i == 7 { Err(Panicked) } else { Ok(i) }))
            .collect();
        assert_eq!(got, want);
    }
}
