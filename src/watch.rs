//! Watch mode: keep a folder of outputs in step with a folder of articles.
//!
//! Every batch of debounced file-system events triggers one incremental
//! rerun of the whole folder (walk, hash, redo what changed, remove outputs
//! whose article is gone). Rerunning the folder rather than interpreting
//! each event makes create, rename, delete and the save-by-rename of editors
//! all come out right, and costs little because unchanged articles are only
//! hashed.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use notify_debouncer_mini::{new_debouncer, notify::RecursiveMode};

use crate::Config;
use crate::batch::{self, Outcome, RunOptions};

/// How long events must be quiet before a rerun: long enough to gather an
/// editor's write-rename-delete burst into one rerun.
const DEBOUNCE: Duration = Duration::from_millis(300);

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

/// Watches `dir` until `stop` is set (Ctrl-C), printing one line per
/// change through `print`. Runs one sync first.
pub fn watch(
    dir: &Path,
    out: &Path,
    config: &Config,
    stop: Arc<AtomicBool>,
    print: &mut dyn FnMut(&str),
) -> Result<(), String> {
    let out_abs = absolute(out);
    for line in sync(dir, out, config) {
        print(&line);
    }
    let (tx, rx) = std::sync::mpsc::channel();
    let mut debouncer = new_debouncer(DEBOUNCE, tx).map_err(|e| format!("cannot watch: {e}"))?;
    debouncer
        .watcher()
        .watch(dir, RecursiveMode::Recursive)
        .map_err(|e| format!("{}: cannot watch: {e}", dir.display()))?;
    print(&format!("watching {} (Ctrl-C to stop)", dir.display()));
    while !stop.load(Ordering::SeqCst) {
        match rx.recv_timeout(Duration::from_millis(200)) {
            Ok(Ok(events)) => {
                // Changes inside the output folder (when it sits inside the
                // watched one) are our own writes.
                let relevant = events
                    .iter()
                    .any(|e| !absolute(&e.path).starts_with(&out_abs));
                if relevant {
                    for line in sync(dir, out, config) {
                        print(&line);
                    }
                }
            }
            Ok(Err(e)) => print(&format!("watch error: {e}")),
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
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
