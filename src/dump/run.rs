//! The whole dump job: pages read on one thread, extracted on the worker
//! pool, written in dump order on the caller's.
//!
//! Work moves in units (a multistream dump's bzip2 stream, or about a
//! hundred pages of a plain export). A reader thread makes them; each is
//! handed to the rayon pool as it comes, and the caller's thread writes
//! their documents in the order the units were made, holding at most
//! `2 × threads` units between reading and writing. So the output is in
//! dump order whatever the thread count, and memory is bounded by the
//! window, not the dump: every queue here has a fixed length.

use std::collections::HashSet;
use std::io::{BufRead, Read, Seek, SeekFrom, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::sync_channel;

use super::index::Streams;
use super::{Page, PageConfig, PageReader, decode_all, process_page};
use crate::batch::{InOrder, Panicked};
use crate::model;

/// Which pages become documents.
#[derive(Debug, Clone)]
pub struct Selection {
    /// Namespaces to extract (default: 0, the articles).
    pub namespaces: Vec<i64>,
    /// Extract redirect pages too.
    pub redirects: bool,
    /// Only these titles (compared with underscores as spaces).
    pub titles: Option<HashSet<String>>,
    /// Stop after this many documents in all (counting `done` ones).
    pub limit: Option<u64>,
    /// Pages already in the output (a resumed run): skipped.
    pub done_ids: HashSet<u64>,
    /// Pages without an id already in the output, by title.
    pub done_titles: HashSet<String>,
}

impl Default for Selection {
    fn default() -> Self {
        Selection {
            namespaces: vec![0],
            redirects: false,
            titles: None,
            limit: None,
            done_ids: HashSet::new(),
            done_titles: HashSet::new(),
        }
    }
}

/// A title as `--titles` files and the index write it: underscores are
/// spaces, and surrounding blanks do not count.
pub fn normalize_title(title: &str) -> String {
    title.trim().replace('_', " ")
}

impl Selection {
    fn wants_title(&self, title: &str) -> bool {
        self.titles
            .as_ref()
            .is_none_or(|t| t.contains(&normalize_title(title)))
    }

    fn is_done(&self, id: Option<u64>, title: &str) -> bool {
        match id {
            Some(id) => self.done_ids.contains(&id),
            None => self.done_titles.contains(title),
        }
    }

    fn judge(&self, page: &Page) -> Option<Skip> {
        if !self.namespaces.contains(&page.ns) {
            Some(Skip::Namespace)
        } else if page.redirect && !self.redirects {
            Some(Skip::Redirect)
        } else if page.model.as_deref().is_some_and(|m| m != "wikitext") {
            Some(Skip::NotWikitext)
        } else if !self.wants_title(&page.title) {
            Some(Skip::NotSelected)
        } else if self.is_done(page.id, &page.title) {
            Some(Skip::Done)
        } else {
            None
        }
    }
}

/// Why a page gave no document, for the summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Skip {
    Namespace,
    Redirect,
    NotWikitext,
    NotSelected,
    Done,
}

/// Where the pages come from.
pub enum Input {
    /// A whole export as its bytes are stored, plain XML or bzip2
    /// (decoded on the reader thread, after the bytes are counted for
    /// progress, so the count matches the file's size).
    Export(Box<dyn BufRead + Send>),
    /// A multistream dump and its index (the index plain or bzip2):
    /// streams are decoded on the workers.
    Multistream {
        dump: std::fs::File,
        index: Box<dyn BufRead + Send>,
    },
}

/// What the caller sees as the job goes.
#[derive(Debug, Default)]
pub struct Progress {
    /// Bytes of the input file read so far (compressed, for bzip2).
    pub input_bytes: AtomicU64,
    /// Pages written so far.
    pub written: AtomicU64,
}

/// Counts for the final summary and `--fail-on`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Pages read from the dump (every namespace).
    pub pages: u64,
    pub written: u64,
    pub failed: u64,
    pub skipped_namespace: u64,
    pub skipped_redirect: u64,
    pub skipped_not_wikitext: u64,
    pub skipped_not_selected: u64,
    pub skipped_done: u64,
    /// Documents with a warning (and no error), and with an error.
    pub with_warnings: u64,
    pub with_errors: u64,
    /// Bytes of wikitext of the pages written.
    pub text_bytes: u64,
    /// Whether the run stopped at `--limit` or on request before the end.
    pub stopped_early: bool,
}

/// One page's result, in unit order.
enum Outcome {
    Written {
        /// The document's line: `end` in the unit's buffer.
        end: usize,
        severity: Option<model::Severity>,
        text_bytes: u64,
    },
    Skipped(Skip),
    Failed(String),
}

/// A unit's results: its documents' lines back to back and what each
/// page gave.
struct Done {
    lines: Vec<u8>,
    outcomes: Vec<Outcome>,
    /// Pages counted without being decoded (a stream the index showed to
    /// be all skipped).
    skipped_unread: Vec<(Skip, u64)>,
}

/// What the reader thread sends.
enum Unit {
    Pages(Vec<Page>),
    Stream {
        start: u64,
        bytes: Vec<u8>,
    },
    Unread(Skip, u64),
    /// The input cannot be read on; what was before is still written.
    Fatal(String),
}

/// A unit of a plain export: this many pages, or fewer once their text
/// reaches `UNIT_BYTES`, so one worker's share stays small.
const UNIT_PAGES: usize = 100;
const UNIT_BYTES: usize = 8 << 20;

/// An error that ends the job: the input is unreadable or the output
/// cannot be written. The summary says what was done before it.
#[derive(Debug)]
pub struct Fatal {
    pub message: String,
    pub summary: Summary,
}

/// Runs the job: every selected page's document written to `out` as one
/// line, in dump order. `report` is called, in order, with a message for
/// each page that failed (the job goes on). `stop` ends it early (Ctrl-C);
/// what was written stays whole, line by line.
pub fn run(
    input: Input,
    selection: Selection,
    config: PageConfig,
    out: &mut dyn Write,
    progress: &Progress,
    stop: &AtomicBool,
    report: &mut dyn FnMut(&str),
) -> Result<Summary, Fatal> {
    let threads = rayon::current_num_threads().max(1);
    let window = threads * 2;
    let selection = Arc::new(selection);
    let config = Arc::new(config);
    let already = selection.done_ids.len() + selection.done_titles.len();
    let limit = selection.limit;

    let (unit_tx, unit_rx) = sync_channel::<Unit>(window);
    let reader_stop = Arc::new(AtomicBool::new(false));
    let reader_progress = Arc::new(AtomicU64::new(0));
    let reader = {
        let stop = reader_stop.clone();
        let bytes = reader_progress.clone();
        let selection = selection.clone();
        std::thread::spawn(move || read_units(input, &selection, &unit_tx, &stop, &bytes))
    };

    let mut summary = Summary::default();
    let mut pending: InOrder<Done> = InOrder::new(window);
    let mut fatal: Option<String> = None;
    let mut total = already as u64;
    let mut write_error = None;

    let mut write_done = |done: Done, summary: &mut Summary, total: &mut u64| -> bool {
        for (skip, n) in &done.skipped_unread {
            summary.pages += n;
            count_skip(summary, *skip, *n);
        }
        let mut start = 0;
        for o in done.outcomes {
            summary.pages += 1;
            match o {
                Outcome::Written {
                    end,
                    severity,
                    text_bytes,
                } => {
                    if limit.is_some_and(|l| *total >= l) {
                        summary.stopped_early = true;
                        return false;
                    }
                    if let Err(e) = out.write_all(&done.lines[start..end]) {
                        write_error = Some(e);
                        return false;
                    }
                    start = end;
                    *total += 1;
                    summary.written += 1;
                    summary.text_bytes += text_bytes;
                    match severity {
                        Some(model::Severity::Error) => summary.with_errors += 1,
                        Some(model::Severity::Warning) => summary.with_warnings += 1,
                        None => {}
                    }
                    progress.written.fetch_add(1, Ordering::Relaxed);
                }
                Outcome::Skipped(s) => count_skip(summary, s, 1),
                Outcome::Failed(m) => {
                    summary.failed += 1;
                    report(&m);
                }
            }
        }
        true
    };

    let mut going = true;
    for unit in unit_rx.iter() {
        progress
            .input_bytes
            .store(reader_progress.load(Ordering::Relaxed), Ordering::Relaxed);
        if stop.load(Ordering::Relaxed) {
            summary.stopped_early = true;
            break;
        }
        if let Unit::Fatal(m) = unit {
            fatal = Some(m);
            break;
        }
        if pending.is_full() {
            going = take(&mut pending, &mut |d| {
                write_done(d, &mut summary, &mut total)
            });
            if !going {
                break;
            }
        }
        let (selection, config) = (selection.clone(), config.clone());
        pending.spawn((), move || work(unit, &selection, &config));
    }
    while going && !pending.is_empty() {
        going = take(&mut pending, &mut |d| {
            write_done(d, &mut summary, &mut total)
        });
    }
    // The reader may be blocked on a full queue: tell it, and drain it.
    reader_stop.store(true, Ordering::Relaxed);
    drop(pending);
    for _ in unit_rx.try_iter() {}
    drop(unit_rx);
    let _ = reader.join();
    progress
        .input_bytes
        .store(reader_progress.load(Ordering::Relaxed), Ordering::Relaxed);
    if let Some(e) = write_error {
        return Err(Fatal {
            message: format!("cannot write the output: {e}"),
            summary,
        });
    }
    if let Err(e) = out.flush() {
        return Err(Fatal {
            message: format!("cannot write the output: {e}"),
            summary,
        });
    }
    match fatal {
        Some(message) => Err(Fatal { message, summary }),
        None => Ok(summary),
    }
}

/// Waits for the oldest unit and writes it; false when writing must stop.
fn take(pending: &mut InOrder<Done>, write: &mut dyn FnMut(Done) -> bool) -> bool {
    match pending.take() {
        Some(((), Ok(done))) => write(done),
        // A unit that panicked outside its pages (each page is run under
        // its own catch_unwind): nothing can be written for it.
        Some(((), Err(Panicked))) | None => true,
    }
}

fn count_skip(summary: &mut Summary, skip: Skip, n: u64) {
    let counter = match skip {
        Skip::Namespace => &mut summary.skipped_namespace,
        Skip::Redirect => &mut summary.skipped_redirect,
        Skip::NotWikitext => &mut summary.skipped_not_wikitext,
        Skip::NotSelected => &mut summary.skipped_not_selected,
        Skip::Done => &mut summary.skipped_done,
    };
    *counter += n;
}

/// The reader thread: units out of the input until its end, an error, or
/// `stop`.
fn read_units(
    input: Input,
    selection: &Selection,
    tx: &std::sync::mpsc::SyncSender<Unit>,
    stop: &AtomicBool,
    bytes_read: &AtomicU64,
) {
    let send = |u: Unit| !stop.load(Ordering::Relaxed) && tx.send(u).is_ok();
    match input {
        Input::Export(reader) => {
            let counted = Counted {
                inner: reader,
                count: bytes_read,
            };
            let decoded = match super::open_export(counted) {
                Ok(d) => d,
                Err(e) => {
                    send(Unit::Fatal(format!("cannot read: {e}")));
                    return;
                }
            };
            let mut pages = PageReader::new(decoded);
            let mut unit = Vec::new();
            let mut unit_bytes = 0;
            loop {
                match pages.next_page() {
                    Ok(Some(p)) => {
                        unit_bytes += p.text.as_ref().map_or(0, String::len);
                        unit.push(p);
                        if unit.len() >= UNIT_PAGES || unit_bytes >= UNIT_BYTES {
                            unit_bytes = 0;
                            if !send(Unit::Pages(std::mem::take(&mut unit))) {
                                return;
                            }
                        }
                    }
                    Ok(None) => break,
                    Err(e) => {
                        if !unit.is_empty() && !send(Unit::Pages(std::mem::take(&mut unit))) {
                            return;
                        }
                        send(Unit::Fatal(e.to_string()));
                        return;
                    }
                }
            }
            if !unit.is_empty() {
                send(Unit::Pages(unit));
            }
        }
        Input::Multistream { mut dump, index } => {
            for stream in Streams::new(index) {
                let stream = match stream {
                    Ok(s) => s,
                    Err(e) => {
                        send(Unit::Fatal(format!("the index: {e}")));
                        return;
                    }
                };
                // Streams the index shows to hold nothing wanted are not
                // read at all: a resumed run or a few titles cost little.
                let n = stream.pages.len() as u64;
                let unread = if stream
                    .pages
                    .iter()
                    .all(|(id, _)| selection.done_ids.contains(id))
                {
                    Some(Skip::Done)
                } else if !stream.pages.iter().any(|(_, t)| selection.wants_title(t)) {
                    Some(Skip::NotSelected)
                } else {
                    None
                };
                if let Some(skip) = unread {
                    bytes_read.store(stream.end.unwrap_or(stream.start), Ordering::Relaxed);
                    if !send(Unit::Unread(skip, n)) {
                        return;
                    }
                    continue;
                }
                let bytes = match read_range(&mut dump, stream.start, stream.end) {
                    Ok(b) => b,
                    Err(e) => {
                        send(Unit::Fatal(format!(
                            "cannot read the stream at byte {} of the dump: {e}",
                            stream.start
                        )));
                        return;
                    }
                };
                bytes_read.store(stream.start + bytes.len() as u64, Ordering::Relaxed);
                if !send(Unit::Stream {
                    start: stream.start,
                    bytes,
                }) {
                    return;
                }
            }
        }
    }
}

fn read_range(file: &mut std::fs::File, start: u64, end: Option<u64>) -> std::io::Result<Vec<u8>> {
    file.seek(SeekFrom::Start(start))?;
    let mut bytes = Vec::new();
    match end {
        Some(end) => {
            let len = end.saturating_sub(start);
            file.take(len).read_to_end(&mut bytes)?;
            if (bytes.len() as u64) < len {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::UnexpectedEof,
                    "the dump is shorter than its index says",
                ));
            }
        }
        None => {
            file.read_to_end(&mut bytes)?;
        }
    }
    Ok(bytes)
}

/// A reader that counts the bytes it has given, for progress.
struct Counted<'a, R> {
    inner: R,
    count: &'a AtomicU64,
}

impl<R: BufRead> Read for Counted<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counted<'_, R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amt: usize) {
        self.count.fetch_add(amt as u64, Ordering::Relaxed);
        self.inner.consume(amt);
    }
}

/// A worker's share: a unit's pages into documents.
fn work(unit: Unit, selection: &Selection, config: &PageConfig) -> Done {
    let mut done = Done {
        lines: Vec::new(),
        outcomes: Vec::new(),
        skipped_unread: Vec::new(),
    };
    match unit {
        Unit::Pages(pages) => {
            for p in &pages {
                page(p, selection, config, &mut done);
            }
        }
        Unit::Stream { start, bytes } => {
            let xml = match decode_all(bytes) {
                Ok(x) => x,
                Err(e) => {
                    done.outcomes.push(Outcome::Failed(format!(
                        "the stream at byte {start} of the dump: cannot decode bzip2: {e}"
                    )));
                    return done;
                }
            };
            for p in PageReader::fragment(xml.as_slice()) {
                match p {
                    Ok(p) => page(&p, selection, config, &mut done),
                    Err(e) => {
                        // The stream's other pages are lost, not the dump's.
                        done.outcomes.push(Outcome::Failed(format!(
                            "the stream at byte {start} of the dump: {e}"
                        )));
                        break;
                    }
                }
            }
        }
        Unit::Unread(skip, n) => done.skipped_unread.push((skip, n)),
        Unit::Fatal(_) => {}
    }
    done
}

/// One page: skipped, or its document appended as one line.
fn page(p: &Page, selection: &Selection, config: &PageConfig, done: &mut Done) {
    if let Some(skip) = selection.judge(p) {
        done.outcomes.push(Outcome::Skipped(skip));
        return;
    }
    // A page that panics the pipeline is a bug to report, not a reason to
    // lose the millions of pages after it.
    let result = catch_unwind(AssertUnwindSafe(|| process_page(p, config)));
    let outcome = match result {
        Ok(Ok(article)) => {
            let severity = article
                .diagnostics
                .iter()
                .map(|d| d.severity)
                .max_by_key(|s| match s {
                    model::Severity::Warning => 0,
                    model::Severity::Error => 1,
                });
            let before = done.lines.len();
            match crate::batch::write_json(&mut done.lines, &article, true) {
                Ok(()) => Outcome::Written {
                    end: done.lines.len(),
                    severity,
                    text_bytes: p.text.as_ref().map_or(0, |t| t.len() as u64),
                },
                Err(e) => {
                    done.lines.truncate(before);
                    Outcome::Failed(format!("page {}: cannot serialise: {e}", p.label()))
                }
            }
        }
        Ok(Err(e)) => Outcome::Failed(e.to_string()),
        Err(_) => Outcome::Failed(format!(
            "page {}: internal error (a panic); please report this page",
            p.label()
        )),
    };
    done.outcomes.push(outcome);
}
