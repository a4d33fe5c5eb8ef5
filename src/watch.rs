//! Watch mode: keep a folder of outputs in step with a folder of articles.
//!
//! Every burst of file-system changes triggers one incremental
//! rerun of the whole folder (walk, hash, redo what changed, remove outputs
//! whose article is gone). Rerunning the folder rather than interpreting
//! each event makes create, rename, delete and the save-by-rename of editors
//! all come out right, and costs little because unchanged articles are only
//! hashed.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::RecvTimeoutError;
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher};

use crate::Config;
use crate::batch::{self, Outcome, RunOptions};

/// How long events must be quiet before a rerun: long enough to gather an
/// editor's write-rename-delete burst into one rerun.
const DEBOUNCE: Duration = Duration::from_millis(300);

/// The longest a burst of changes that never pauses (a file written all
/// along) delays a sync.
const MAX_BURST: Duration = Duration::from_secs(2);

/// One rerun: brings `out` in step with `dir`; returns one line per change
/// ("updated …", "removed …", "failed …").
pub fn sync(dir: &Path, out: &Path, config: &Config) -> Vec<String> {
    let mut lines = Vec::new();
    let jobs = match batch::collect_jobs(&[dir.to_path_buf()]) {
        Ok(jobs) => jobs,
        Err(e) => {
            // An empty folder is a state, not an error, while watching.
            if dir.is_dir() {
                Vec::new()
            } else {
                lines.push(format!("failed {e}"));
                return lines;
            }
        }
    };
    let outcomes = batch::run(&jobs, out, config, &RunOptions::default(), &|| {});
    for (job, o) in jobs.iter().zip(&outcomes) {
        match o {
            Outcome::Written(p) => lines.push(format!(
                "updated {} -> {}",
                job.input.display(),
                p.display()
            )),
            Outcome::Failed(e) => lines.push(format!("failed {e}")),
            Outcome::Unchanged(_) => {}
        }
    }
    let (orphans, temps) = batch::orphans(&jobs, out);
    for p in temps {
        let _ = std::fs::remove_file(p);
    }
    for p in orphans {
        if std::fs::remove_file(&p).is_ok() {
            lines.push(format!("removed {} (its article is gone)", p.display()));
        }
    }
    lines
}

/// What `watch` prints and how.
#[derive(Debug, Clone, Copy, Default)]
pub struct WatchOptions {
    /// Print only failures (and each only once until it changes).
    pub quiet: bool,
}

/// Whether a file-system event can change what the folder holds. Opening,
/// reading and closing a file unwritten are not changes: they are what a
/// sync itself does to every input and output, and taking them for edits
/// made the watcher resync without end (inotify reports opens).
fn is_change(kind: &EventKind) -> bool {
    !matches!(kind, EventKind::Access(_))
}

/// Watches `dir` until `stop` is set (Ctrl-C), printing one line per
/// change through `print`. Runs one sync first, then one per burst of
/// changes, once they have been quiet for 300 ms; at rest it reads
/// nothing. A failure is printed once, and again only when its message
/// changes or after the file was extracted.
pub fn watch(
    dir: &Path,
    out: &Path,
    config: &Config,
    options: WatchOptions,
    stop: Arc<AtomicBool>,
    print: &mut dyn FnMut(&str),
) -> Result<(), String> {
    let out_abs = absolute(out);
    let mut failing: HashSet<String> = HashSet::new();
    let mut report = |lines: Vec<String>, print: &mut dyn FnMut(&str)| {
        let mut now = HashSet::new();
        for line in lines {
            if line.starts_with("failed ") {
                if !failing.contains(&line) {
                    print(&line);
                }
                now.insert(line);
            } else if !options.quiet {
                print(&line);
            }
        }
        failing = now;
    };
    report(sync(dir, out, config), print);

    let (tx, rx) = std::sync::mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher = notify::recommended_watcher(move |e| {
        let _ = tx.send(e);
    })
    .map_err(|e| format!("cannot watch: {e}"))?;
    watcher
        .watch(dir, RecursiveMode::Recursive)
        .map_err(|e| format!("{}: cannot watch: {e}", dir.display()))?;
    if !options.quiet {
        print(&format!("watching {} (Ctrl-C to stop)", dir.display()));
    }
    // Changes inside the output folder (when it sits inside the watched
    // one) are our own writes.
    let relevant = |e: &notify::Event| {
        is_change(&e.kind) && e.paths.iter().any(|p| !absolute(p).starts_with(&out_abs))
    };
    let mut dirty = false;
    let mut burst = Instant::now();
    while !stop.load(Ordering::SeqCst) {
        // Waiting for the first change of a burst, at most a while (to
        // see Ctrl-C); then for the burst to end.
        let wait = if dirty {
            DEBOUNCE
        } else {
            Duration::from_millis(200)
        };
        match rx.recv_timeout(wait) {
            Ok(Ok(event)) => {
                if relevant(&event) && !dirty {
                    dirty = true;
                    burst = Instant::now();
                }
                if dirty && burst.elapsed() >= MAX_BURST {
                    dirty = false;
                    report(sync(dir, out, config), print);
                }
            }
            Ok(Err(e)) => print(&format!("watch error: {e}")),
            Err(RecvTimeoutError::Timeout) => {
                if dirty {
                    dirty = false;
                    report(sync(dir, out, config), print);
                }
            }
            Err(RecvTimeoutError::Disconnected) => break,
        }
    }
    Ok(())
}

fn absolute(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| {
        std::env::current_dir()
            .map(|d| d.join(p))
            .unwrap_or_else(|_| p.to_path_buf())
    })
}
