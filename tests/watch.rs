//! Watch mode driven as a user would: create, edit, save-by-rename, rename
//! and delete articles, then stop with Ctrl-C (SIGINT).

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Waits until `cond` holds, up to a generous bound (file-system events on
/// a loaded machine can take a while); fails with `what` otherwise.
fn wait_for(what: &str, cond: impl Fn() -> bool) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(20) {
        if cond() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("timed out waiting for: {what}");
}

fn json_title(p: &Path) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(p).ok()?).ok()?;
    v["title"].as_str().map(str::to_string)
}

#[test]
fn watch_follows_edits_renames_and_deletes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let src = dir.path().join("articles");
    let out = dir.path().join("out");
    std::fs::create_dir_all(&src).expect("mkdir");
    std::fs::write(src.join("a.txt"), "= Alpha =\n\nIn 1990 it began.\n").expect("write");

    let mut child = Command::new(env!("CARGO_BIN_EXE_wikistruct"))
        .args([
            "watch",
            src.to_str().expect("p"),
            "--out",
            out.to_str().expect("p"),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let (tx, rx) = mpsc::channel();
    let stdout = child.stdout.take().expect("stdout");
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    // The first sync, then the watcher is ready.
    let ready = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("first line");
    assert!(ready.starts_with("updated"), "{ready}");
    let watching = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("watching line");
    assert!(watching.starts_with("watching"), "{watching}");
    assert_eq!(json_title(&out.join("a.json")).as_deref(), Some("Alpha"));

    // Create.
    std::fs::write(src.join("b.txt"), "= Beta =\n\nIn 1991 it went on.\n").expect("write");
    wait_for("b.json", || {
        json_title(&out.join("b.json")).as_deref() == Some("Beta")
    });

    // Edit in place.
    std::fs::write(src.join("a.txt"), "= Alpha two =\n\nIn 1992 it changed.\n").expect("write");
    wait_for("a.json updated", || {
        json_title(&out.join("a.json")).as_deref() == Some("Alpha two")
    });

    // Save by rename, as editors do: write a temporary file, rename over.
    std::fs::write(src.join(".a.txt.swp"), "= Alpha three =\n").expect("write");
    std::fs::rename(src.join(".a.txt.swp"), src.join("a.txt")).expect("rename");
    wait_for("a.json after save-by-rename", || {
        json_title(&out.join("a.json")).as_deref() == Some("Alpha three")
    });

    // Rename an article: the old output goes, the new one comes.
    std::fs::rename(src.join("b.txt"), src.join("c.txt")).expect("rename");
    wait_for("c.json and no b.json", || {
        out.join("c.json").exists() && !out.join("b.json").exists()
    });

    // Delete.
    std::fs::remove_file(src.join("c.txt")).expect("rm");
    wait_for("c.json removed", || !out.join("c.json").exists());

    // Ctrl-C stops it cleanly, leaving no temporary files.
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
    let start = Instant::now();
    let code = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s.code();
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "did not stop on SIGINT"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(code, Some(0));
    let leftovers: Vec<_> = std::fs::read_dir(&out)
        .expect("out")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
    let lines: Vec<String> = rx.try_iter().collect();
    assert!(lines.iter().any(|l| l.starts_with("removed")), "{lines:?}");
}
