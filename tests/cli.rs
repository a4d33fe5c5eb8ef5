//! The command line as a user meets it: exit codes, error messages naming
//! the file, batches that survive a bad file, determinism across threads.

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn wikistruct(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wikistruct"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("runs")
}

/// Runs the tool with `input` on its standard input.
fn wikistruct_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_wikistruct"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("write");
    child.wait_with_output().expect("wait")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const SEED: &str = "input/north-korea-ukraine-relations.txt";

#[test]
fn one_file_prints_json() {
    let o = wikistruct(&["extract", SEED]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["schema_version"], "1.0");
    assert_eq!(v["source"]["dialect"], "plain");
    let c = wikistruct(&["extract", "--compact", SEED]);
    assert_eq!(c.stdout.iter().filter(|b| **b == b'\n').count(), 1);
}

#[test]
fn missing_path_is_an_error_naming_it() {
    let o = wikistruct(&["extract", "no/such/file.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no/such/file.txt"), "{}", stderr(&o));
}

#[test]
fn bad_inputs_each_get_a_clear_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cases: &[(&str, &[u8], &str)] = &[
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n", "empty file"),
        ("binary.txt", b"= T =\n\x00\x01\x02", "binary"),
        ("latin1.txt", b"= T =\nCaf\xe9 society\n", "not valid UTF-8"),
    ];
    for (name, bytes, want) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("write");
        let o = wikistruct(&["extract", path.to_str().expect("utf-8 path")]);
        assert_eq!(o.status.code(), Some(2), "{name}");
        let err = stderr(&o);
        assert!(err.contains(name) && err.contains(want), "{name}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    // The UTF-8 error says where.
    let o = wikistruct(&[
        "extract",
        dir.path().join("latin1.txt").to_str().expect("path"),
    ]);
    assert!(
        stderr(&o).contains("at byte 9 (line 2, column 4)"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn directory_without_articles() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("notes.md"), "x").expect("write");
    let out = dir.path().join("out");
    let o = wikistruct(&[
        "extract",
        dir.path().to_str().expect("p"),
        "--out",
        out.to_str().expect("p"),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no articles found"), "{}", stderr(&o));
}

#[test]
fn several_files_need_out() {
    let o = wikistruct(&["extract", SEED, SEED, "input"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--out"), "{}", stderr(&o));
}

#[test]
fn batch_with_a_bad_file_writes_the_others() {
    let dir = tempfile::tempdir().expect("tempdir");
    let src = dir.path().join("in");
    std::fs::create_dir_all(src.join("sub")).expect("mkdir");
    std::fs::copy(SEED, src.join("good.txt")).expect("copy");
    std::fs::copy(SEED, src.join("sub/nested.wiki")).expect("copy");
    std::fs::write(src.join("bad.txt"), b"\xff\xfe").expect("write");
    std::fs::write(src.join(".hidden.txt"), b"= H =").expect("write");
    std::fs::copy(SEED, src.join("good.wiki")).expect("copy");
    let out = dir.path().join("out");
    let o = wikistruct(&[
        "extract",
        src.to_str().expect("p"),
        "--out",
        out.to_str().expect("p"),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("bad.txt"));
    // Same stem, two extensions: both kept.
    assert!(out.join("good.txt.json").is_file());
    assert!(out.join("good.wiki.json").is_file());
    assert!(out.join("sub/nested.json").is_file());
    assert!(!out.join(".hidden.json").exists());
    assert!(!out.join("bad.json").exists());
    // No temporary files left behind.
    let leftovers: Vec<_> = std::fs::read_dir(&out)
        .expect("out")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn stdin_is_read_with_dash() {
    let o = wikistruct_stdin(&["extract", "-"], b"= T =\n\nIt began on 9 January 1992.\n");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["source"]["name"], "-");
    assert_eq!(v["events"][0]["date"], "1992-01-09");
}

#[test]
fn one_thread_and_many_give_identical_bytes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let src = dir.path().join("in");
    std::fs::create_dir_all(&src).expect("mkdir");
    let seed = std::fs::read_to_string(SEED).expect("seed");
    for i in 0..24 {
        std::fs::write(
            src.join(format!("a{i:02}.txt")),
            seed.replace("2020", &format!("{}", 1990 + i)),
        )
        .expect("write");
    }
    let run = |threads: &str, out: &Path| {
        let o = Command::new(env!("CARGO_BIN_EXE_wikistruct"))
            .args([
                "extract",
                src.to_str().expect("p"),
                "--out",
                out.to_str().expect("p"),
            ])
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .expect("runs");
        assert_eq!(o.status.code(), Some(0));
        // The summary's elapsed time is the one thing allowed to differ.
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        err.split(" (").next().unwrap_or("").to_string()
    };
    let (a, b) = (dir.path().join("one"), dir.path().join("many"));
    assert_eq!(run("1", &a), run("8", &b));
    for i in 0..24 {
        let name = format!("a{i:02}.json");
        assert_eq!(
            std::fs::read(a.join(&name)).expect("a"),
            std::fs::read(b.join(&name)).expect("b")
        );
    }
}

#[test]
fn second_run_skips_unchanged_and_prune_removes_orphans() {
    let dir = tempfile::tempdir().expect("tempdir");
    let src = dir.path().join("in");
    std::fs::create_dir_all(&src).expect("mkdir");
    for i in 0..5 {
        std::fs::copy(SEED, src.join(format!("a{i}.txt"))).expect("copy");
    }
    let out = dir.path().join("out");
    let args = [
        "extract",
        src.to_str().expect("p"),
        "--out",
        out.to_str().expect("p"),
    ];
    let first = wikistruct(&args);
    assert!(
        stderr(&first).contains("5 extracted, 0 unchanged, 0 failed, 0 pruned"),
        "{}",
        stderr(&first)
    );
    let second = wikistruct(&args);
    assert!(
        stderr(&second).contains("0 extracted, 5 unchanged"),
        "{}",
        stderr(&second)
    );
    // Change one article: only it is redone.
    std::fs::write(src.join("a2.txt"), "= Changed =\n\nIn 1999 it changed.\n").expect("write");
    let third = wikistruct(&args);
    assert!(
        stderr(&third).contains("1 extracted, 4 unchanged"),
        "{}",
        stderr(&third)
    );
    // --force redoes everything.
    let mut forced = args.to_vec();
    forced.push("--force");
    assert!(stderr(&wikistruct(&forced)).contains("5 extracted, 0 unchanged"));
    // A deleted article's output is reported, then pruned.
    std::fs::remove_file(src.join("a4.txt")).expect("rm");
    let fourth = wikistruct(&args);
    assert!(
        stderr(&fourth).contains("a4.json: its article is gone"),
        "{}",
        stderr(&fourth)
    );
    assert!(out.join("a4.json").exists());
    let mut prune = args.to_vec();
    prune.push("--prune");
    let fifth = wikistruct(&prune);
    assert!(stderr(&fifth).contains("1 pruned"), "{}", stderr(&fifth));
    assert!(!out.join("a4.json").exists());
    // A temporary file left by a killed run is cleaned up, never an output.
    std::fs::write(out.join(".a0.json.tmp-99999"), "{").expect("write");
    wikistruct(&args);
    assert!(!out.join(".a0.json.tmp-99999").exists());
}

/// JSON Lines over a folder: one line per good article in input order
/// whatever the threads, a bad file in the middle reported and skipped,
/// and the batch's exit code says some failed.
#[test]
fn jsonl_over_files_keeps_input_order_past_a_bad_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let src = dir.path().join("in");
    std::fs::create_dir_all(&src).expect("mkdir");
    for i in 0..40 {
        let name = src.join(format!("a{i:02}.txt"));
        if i == 17 {
            std::fs::write(name, b"\xff\xfe").expect("write");
        } else {
            std::fs::write(
                name,
                format!("= Article {i} =\n\nFounded in {}.\n", 1900 + i),
            )
            .expect("write");
        }
    }
    for threads in ["1", "4"] {
        let o = Command::new(env!("CARGO_BIN_EXE_wikistruct"))
            .args(["extract", src.to_str().expect("p"), "--format", "jsonl"])
            .args(["--jobs", threads])
            .output()
            .expect("runs");
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert!(stderr(&o).contains("a17.txt"), "{}", stderr(&o));
        let titles: Vec<String> = std::str::from_utf8(&o.stdout)
            .expect("utf-8")
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).expect("one document per line");
                v["title"].as_str().expect("title").to_string()
            })
            .collect();
        let expected: Vec<String> = (0..40)
            .filter(|&i| i != 17)
            .map(|i| format!("Article {i}"))
            .collect();
        assert_eq!(titles, expected, "{threads} threads");
    }
}

#[test]
fn jsonl_from_files_and_from_stdin() {
    let o = wikistruct(&["extract", "input", "--format", "jsonl"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let lines: Vec<&str> = std::str::from_utf8(&o.stdout)
        .expect("utf-8")
        .lines()
        .collect();
    assert_eq!(
        lines.len(),
        std::fs::read_dir("input").expect("input").count()
    );
    for l in &lines {
        let v: serde_json::Value = serde_json::from_str(l).expect("one document per line");
        assert_eq!(v["schema_version"], "1.0");
    }

    let o = wikistruct_stdin(
        &["extract", "-", "--format", "jsonl"],
        b"{\"title\": \"A\", \"text\": \"It began on 9 January 1992.\"}\nnot json\n{\"title\": \"B\", \"text\": \"In 2020 it ended.\"}\n",
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("line 2"));
    let docs: Vec<serde_json::Value> = std::str::from_utf8(&o.stdout)
        .expect("utf-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["title"], "A");
    assert_eq!(docs[0]["events"][0]["date"], "1992-01-09");
    assert_eq!(docs[1]["title"], "B");
}

#[test]
fn diff_reports_meaning() {
    let dir = tempfile::tempdir().expect("tempdir");
    let seed = std::fs::read_to_string(SEED).expect("seed");
    let edited = seed.replace("US$7,710", "US$8,100").replace(
        "==Trade==",
        "In March 2026, talks resumed in Geneva.\n\n==Trade==",
    );
    let (a, b) = (dir.path().join("old.txt"), dir.path().join("new.txt"));
    std::fs::write(&a, &seed).expect("write");
    std::fs::write(&b, &edited).expect("write");
    let same = wikistruct(&["diff", a.to_str().expect("p"), a.to_str().expect("p")]);
    assert_eq!(same.status.code(), Some(0));
    let o = wikistruct(&[
        "diff",
        a.to_str().expect("p"),
        b.to_str().expect("p"),
        "--json",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let d: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(
        d["events"]["added"].as_array().map(Vec::len),
        Some(1),
        "{d:#}"
    );
    assert_eq!(d["events"]["added"][0]["date"], "2026-03");
    assert_eq!(d["events"]["removed"].as_array().map(Vec::len), Some(0));
    assert_eq!(d["events"]["changed"].as_array().map(Vec::len), Some(0));
    assert_eq!(d["money"]["changed"].as_array().map(Vec::len), Some(1));
    assert_eq!(d["money"]["changed"][0]["new"]["amount"], 8100);
    assert!(d["sections"]["added"].as_array().is_some_and(Vec::is_empty));
    let bad = wikistruct(&["diff", "no/such.json", a.to_str().expect("p")]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn options_that_conflict_are_refused() {
    // --out writes files, --format jsonl standard output: not both.
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("o");
    let o = wikistruct(&[
        "extract",
        SEED,
        "--out",
        out.to_str().unwrap(),
        "--format",
        "jsonl",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("give one of them"), "{}", stderr(&o));
    assert!(!out.exists());
    // No threads is no way to work.
    let o = wikistruct(&["extract", SEED, "--jobs", "0"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("--jobs"), "{}", stderr(&o));
}

#[test]
fn out_has_a_short_form() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("o");
    let o = wikistruct(&["extract", SEED, "-o", out.to_str().unwrap(), "--quiet"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(out.join("north-korea-ukraine-relations.json").exists());
}

/// The codes of a document's diagnostics, in order.
fn diagnostic_codes(doc: &serde_json::Value) -> Vec<&str> {
    doc["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect()
}

#[test]
fn max_bytes_cuts_an_article_with_a_diagnostic() {
    let o = wikistruct(&["extract", SEED, "--max-bytes", "2000", "--compact"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let codes = diagnostic_codes(&doc);
    assert!(codes.contains(&"article-too-large"), "{codes:?}");
    let o = wikistruct(&["extract", SEED, "--max-bytes", "0"]);
    assert_eq!(o.status.code(), Some(2));
}

/// An option the text overrules, or one that fights it, is said on stderr
/// and kept in the document as a diagnostic: `--title` for an article with
/// a title line, `--dialect plain` on wikitext.
#[test]
fn overruled_options_are_warned_about() {
    let o = wikistruct(&["extract", SEED, "--title", "Another title"]);
    assert!(o.status.success());
    let err = stderr(&o);
    assert!(
        err.contains("warning") && err.contains("Another title"),
        "{err}"
    );
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(doc["title"], "North Korea–Ukraine relations");
    let codes = diagnostic_codes(&doc);
    assert!(codes.contains(&"title-option-ignored"), "{codes:?}");

    // The same title as the line's: nothing to say.
    let o = wikistruct(&["extract", SEED, "--title", "North Korea–Ukraine relations"]);
    assert!(!stderr(&o).contains("warning"), "{}", stderr(&o));

    let wiki = "{{Infobox town\n| name = X\n}}\n'''X''' is a [[town]].<ref>A.</ref>\n";
    let o = wikistruct_stdin(&["extract", "-", "--dialect", "plain"], wiki.as_bytes());
    let err = stderr(&o);
    assert!(err.contains("looks like wikitext"), "{err}");
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(doc["diagnostics"][0]["code"], "dialect-mismatch");
    // Wikitext forced on text without markup (a dump's stub) is fine.
    let o = wikistruct_stdin(
        &["extract", "-", "--dialect", "wikitext"],
        b"A stub about a town.\n",
    );
    assert!(!stderr(&o).contains("warning"), "{}", stderr(&o));
}

/// Errors say what is wrong in words, once, with the place: a missing
/// file without the system's error number, `--out` naming a file before
/// any article is read, a bad JSON-Lines request by its line and column.
#[test]
fn errors_say_what_is_wrong_in_words() {
    let o = wikistruct(&["extract", "no-such-article.txt"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("no-such-article.txt") && err.contains("no such file or directory"),
        "{err}"
    );
    assert!(!err.contains("os error"), "{err}");

    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("afile");
    std::fs::write(&file, "x").expect("write");
    let o = wikistruct(&["extract", "input", "--out", file.to_str().expect("p")]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("--out names a file"), "{err}");

    let o = wikistruct_stdin(
        &["extract", "-", "--format", "jsonl"],
        b"{\"title\": \"A\", \"text\": \"= A =\\n\\nIn 1990.\"}\n\n{\"title\": 3}\n",
    );
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("-: line 3, column 11: expected"), "{err}");
    assert!(!err.contains("at line 1"), "{err}");

    let o = wikistruct(&["diff", "--help"]);
    let help = String::from_utf8_lossy(&o.stdout);
    assert!(
        help.contains("JSON document") && help.contains("article file"),
        "{help}"
    );
}

/// What people expect of a command-line tool: completions for their
/// shell, a manual page, plain errors when piped, a word about an input
/// far larger than any article.
#[test]
fn completions_manual_and_plain_piped_errors() {
    for shell in ["bash", "zsh", "fish"] {
        let o = wikistruct(&["completions", shell]);
        assert!(o.status.success(), "{shell}");
        let script = String::from_utf8_lossy(&o.stdout);
        assert!(
            script.contains("wikistruct") && script.contains("extract"),
            "{shell}"
        );
    }
    let o = wikistruct(&["man"]);
    assert!(o.status.success());
    let page = String::from_utf8_lossy(&o.stdout);
    assert!(
        page.contains(".TH wikistruct 1") && page.contains("extract"),
        "{page}"
    );

    let o = wikistruct(&["extract", "no-such-article.txt"]);
    assert!(!stderr(&o).contains('\u{1b}'), "colour when piped");

    let big = format!("= Big =\n\n{}\n", "In 1990 it grew. ".repeat(600_000));
    let o = wikistruct_stdin(&["extract", "-", "--max-bytes", "4000"], big.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("larger than any real article"), "{err}");
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let codes = diagnostic_codes(&doc);
    assert_eq!(codes.first(), Some(&"article-unusually-large"), "{codes:?}");
    assert!(codes.contains(&"article-too-large"), "{codes:?}");
}
