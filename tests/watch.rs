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

    let (mut child, rx) = spawn_watch(&src, &out, &[]);
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

/// Starts `wikistruct watch src --out out` with `extra` flags; its stdout
/// lines arrive on the receiver.
fn spawn_watch(
    src: &Path,
    out: &Path,
    extra: &[&str],
) -> (std::process::Child, mpsc::Receiver<String>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_wikistruct"))
        .args(["watch", src.to_str().expect("p"), "--out"])
        .arg(out)
        .args(extra)
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
    (child, rx)
}

/// Bytes the process has read so far (Linux's /proc), if known.
fn bytes_read(pid: u32) -> Option<u64> {
    let io = std::fs::read_to_string(format!("/proc/{pid}/io")).ok()?;
    io.lines()
        .find_map(|l| l.strip_prefix("rchar: "))
        .and_then(|n| n.trim().parse().ok())
}

/// With no edits the watcher rests: it reads nothing (its own reads of
/// the articles once raised events that made it resync without end), and
/// a file that fails is reported once, not on every loop.
#[test]
fn watch_rests_and_reports_a_failure_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let src = dir.path().join("articles");
    let out = dir.path().join("out");
    std::fs::create_dir_all(&src).expect("mkdir");
    let body = "In 1990 it began. ".repeat(2000);
    for k in 0..5 {
        std::fs::write(
            src.join(format!("a{k}.txt")),
            format!("= A{k} =\n\n{body}\n"),
        )
        .expect("write");
    }
    std::fs::write(src.join("bad.txt"), b"= Bad =\n\n\xff\xfe not UTF-8\n").expect("write");
    let (mut child, rx) = spawn_watch(&src, &out, &[]);
    let mut lines = Vec::new();
    while !lines.iter().any(|l: &String| l.starts_with("watching")) {
        lines.push(rx.recv_timeout(Duration::from_secs(20)).expect("a line"));
    }
    // One edit: its sync reads every article, which once raised the events
    // of the next sync, and so on without end.
    std::fs::write(src.join("new.txt"), "= New =\n\nIn 1991 it went on.\n").expect("write");
    wait_for("new.json", || out.join("new.json").exists());
    // Rest for a while; a resync would read the 180 KB of articles again.
    std::thread::sleep(Duration::from_millis(800));
    let before = bytes_read(child.id());
    std::thread::sleep(Duration::from_secs(3));
    let after = bytes_read(child.id());
    lines.extend(rx.try_iter());
    let _ = child.kill();
    let _ = child.wait();
    let failures = lines.iter().filter(|l| l.starts_with("failed")).count();
    assert_eq!(failures, 1, "{lines:?}");
    match (before, after) {
        (Some(b), Some(a)) => assert!(a - b < 20_000, "read {} bytes at rest", a - b),
        _ => {
            use std::io::Write as _;
            let _ = writeln!(
                std::io::stderr(),
                "skipping the read check: no /proc/PID/io here"
            );
        }
    }
}

/// `--quiet` prints failures only; a folder that does not exist is named
/// as such.
#[test]
fn watch_quiet_and_missing_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let src = dir.path().join("articles");
    let out = dir.path().join("out");
    std::fs::create_dir_all(&src).expect("mkdir");
    std::fs::write(src.join("a.txt"), "= A =\n\nIn 1990 it began.\n").expect("write");
    let (mut child, rx) = spawn_watch(&src, &out, &["--quiet", "--jobs", "1"]);
    wait_for("a.json", || out.join("a.json").exists());
    std::fs::write(src.join("b.txt"), b"\xff\xfe").expect("write");
    let line = rx.recv_timeout(Duration::from_secs(20)).expect("a line");
    assert!(
        line.starts_with("failed") && line.contains("b.txt"),
        "{line}"
    );
    let _ = child.kill();
    let _ = child.wait();

    let o = Command::new(env!("CARGO_BIN_EXE_wikistruct"))
        .args(["watch", "no-such-folder", "--out", "o"])
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("no-such-folder: no such directory"), "{err}");
}
