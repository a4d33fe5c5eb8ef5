//! The output file of a dump run, and resuming a run that was killed.
//!
//! Documents go to `OUT.part` beside `OUT`, renamed to `OUT` when the
//! run ends: `OUT` only ever holds a finished run, as with every file the
//! tool writes. A run that stops early (Ctrl-C, a kill, a full disk)
//! leaves `OUT.part`, and `--resume` goes on from it: every whole line is
//! a page done, and a torn last line (the kill came mid-write) is cut off
//! and its page redone. Since documents are written in dump order and
//! depend on their page alone, the resumed file is byte for byte the one
//! an uninterrupted run writes.

use std::collections::HashSet;
use std::fs::{self, File, OpenOptions};
use std::io::{BufRead, BufReader, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use crate::Error;

/// `OUT.part`, where a run writes until it is done.
pub fn partial_path(out: &Path) -> PathBuf {
    let mut name = out.file_name().unwrap_or_default().to_os_string();
    name.push(".part");
    out.with_file_name(name)
}

/// What a resumed run found already written.
#[derive(Debug, Default)]
pub struct Resumed {
    pub done_ids: HashSet<u64>,
    /// Titles of documents without a page id.
    pub done_titles: HashSet<String>,
    /// Whole documents kept.
    pub documents: u64,
    /// Bytes cut off the end: a torn or unreadable last line.
    pub dropped_bytes: u64,
}

/// The part of a document a resumed run reads.
#[derive(serde::Deserialize)]
struct Seen {
    title: Option<String>,
    source: SeenSource,
}

#[derive(serde::Deserialize)]
struct SeenSource {
    #[serde(default)]
    page_id: Option<u64>,
}

/// Opens the output for writing: fresh, or (with `resume`) after the
/// documents a stopped run left in `OUT.part` (or in a finished `OUT`).
pub fn open(out: &Path, resume: bool) -> Result<(File, Resumed), Error> {
    let part = partial_path(out);
    let wrap = |path: &Path, source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    if let Some(dir) = part.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(|e| wrap(dir, e))?;
    }
    if !resume {
        let f = File::create(&part).map_err(|e| wrap(&part, e))?;
        return Ok((f, Resumed::default()));
    }
    if !part.exists() && out.exists() {
        // A finished run resumed: go on from its output (a dump that
        // grew, or --limit raised).
        fs::rename(out, &part).map_err(|e| wrap(out, e))?;
    }
    let mut f = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&part)
        .map_err(|e| wrap(&part, e))?;
    let resumed = scan(&mut f).map_err(|e| wrap(&part, e))?;
    Ok((f, resumed))
}

/// Reads the documents in `f`, cuts it after the last whole one, and
/// leaves it positioned at its end for appending.
fn scan(f: &mut File) -> std::io::Result<Resumed> {
    let mut resumed = Resumed::default();
    let len = f.metadata()?.len();
    let mut keep = 0u64;
    {
        let mut reader = BufReader::with_capacity(1 << 16, &mut *f);
        let mut line = Vec::new();
        loop {
            line.clear();
            let n = reader.read_until(b'\n', &mut line)?;
            if n == 0 || line.last() != Some(&b'\n') {
                break;
            }
            let Ok(seen) = serde_json::from_slice::<Seen>(&line) else {
                break;
            };
            match seen.source.page_id {
                Some(id) => {
                    resumed.done_ids.insert(id);
                }
                None => {
                    resumed.done_titles.insert(seen.title.unwrap_or_default());
                }
            }
            resumed.documents += 1;
            keep += n as u64;
        }
    }
    resumed.dropped_bytes = len - keep;
    f.set_len(keep)?;
    f.seek(SeekFrom::Start(keep))?;
    Ok(resumed)
}

/// Ends a run that went through: `OUT.part`, flushed to disk, becomes
/// `OUT`.
pub fn finish(mut f: File, out: &Path) -> Result<(), Error> {
    let part = partial_path(out);
    let wrap = |source| Error::Write {
        path: out.to_path_buf(),
        source,
    };
    f.flush().map_err(wrap)?;
    f.sync_all().map_err(wrap)?;
    drop(f);
    fs::rename(&part, out).map_err(wrap)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resume_keeps_whole_documents_and_cuts_a_torn_line() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("o.jsonl");
        let whole =
            "{\"title\":\"A\",\"source\":{\"page_id\":1}}\n{\"title\":\"B\",\"source\":{}}\n";
        fs::write(
            partial_path(&out),
            format!("{whole}{{\"title\":\"C\",\"sou"),
        )
        .unwrap();
        let (mut f, r) = open(&out, true).unwrap();
        assert_eq!(r.documents, 2);
        assert!(r.done_ids.contains(&1));
        assert!(r.done_titles.contains("B"));
        assert_eq!(r.dropped_bytes, 17);
        f.write_all(b"next\n").unwrap();
        finish(f, &out).unwrap();
        assert_eq!(fs::read_to_string(&out).unwrap(), format!("{whole}next\n"));
        assert!(!partial_path(&out).exists());
    }

    #[test]
    fn a_fresh_run_starts_empty() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("sub/o.jsonl");
        let (f, r) = open(&out, false).unwrap();
        assert_eq!(r.documents, 0);
        finish(f, &out).unwrap();
        assert_eq!(fs::read(&out).unwrap(), b"");
    }
}
