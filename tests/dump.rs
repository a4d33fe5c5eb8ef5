//! `wikistruct dump` as users run it, on dumps these tests build: plain
//! XML, one bzip2 stream, and a multistream file with its index, holding
//! articles, a redirect, talk pages, a page whose text was deleted,
//! non-ASCII titles and entities in the text. Every document must equal
//! what `extract` gives for that page's text, and every way of reading the
//! dump must give the same documents in the same order.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// One `<page>` of the dump.
struct Page {
    title: String,
    ns: i64,
    id: u64,
    text: Option<String>,
    redirect: Option<String>,
}

impl Page {
    fn timestamp(&self) -> String {
        format!("2024-03-{:02}T12:00:00Z", 1 + self.id % 28)
    }

    fn reference_date(&self) -> String {
        self.timestamp()[..10].to_string()
    }

    fn revision_id(&self) -> u64 {
        self.id * 10 + 7
    }

    /// Whether the default selection (namespace 0, no redirects) keeps it.
    fn is_article(&self) -> bool {
        self.ns == 0 && self.redirect.is_none()
    }

    /// The page as a dump holds it. Every fifth page spells its non-ASCII
    /// letters as character references, as some exporters do.
    fn xml(&self) -> String {
        let mut s = String::from("  <page>\n");
        s += &format!("    <title>{}</title>\n", escape(&self.title, false));
        s += &format!("    <ns>{}</ns>\n    <id>{}</id>\n", self.ns, self.id);
        if let Some(to) = &self.redirect {
            s += &format!("    <redirect title=\"{}\" />\n", escape(to, false));
        }
        s += "    <revision>\n";
        // An older revision's id first would be wrong: dumps of the latest
        // revision hold one; the parent id must not be taken for it.
        s += &format!("      <id>{}</id>\n", self.revision_id());
        s += &format!("      <parentid>{}</parentid>\n", self.revision_id() - 1);
        s += &format!("      <timestamp>{}</timestamp>\n", self.timestamp());
        s += "      <contributor>\n        <username>Editor</username>\n        <id>42</id>\n      </contributor>\n";
        s += "      <comment>copyedit &amp; refs</comment>\n";
        s += "      <model>wikitext</model>\n      <format>text/x-wiki</format>\n";
        match &self.text {
            Some(t) => {
                s += &format!(
                    "      <text bytes=\"{}\" xml:space=\"preserve\">{}</text>\n",
                    t.len(),
                    escape(t, self.id % 5 == 0)
                );
            }
            None => s += "      <text bytes=\"0\" deleted=\"deleted\" />\n",
        }
        s += "      <sha1>0</sha1>\n    </revision>\n  </page>\n";
        s
    }
}

fn escape(s: &str, char_refs: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if char_refs && !c.is_ascii() => out.push_str(&format!("&#{};", c as u32)),
            c => out.push(c),
        }
    }
    out
}

const HEADER: &str = r#"<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="0.11" xml:lang="en">
  <siteinfo>
    <sitename>Testwiki</sitename>
    <dbname>testwiki</dbname>
    <case>first-letter</case>
    <namespaces>
      <namespace key="0" case="first-letter" />
      <namespace key="1" case="first-letter">Talk</namespace>
    </namespaces>
  </siteinfo>
"#;
const FOOTER: &str = "</mediawiki>\n";

/// Article text in the shapes real pages have: an infobox, a cite
/// template in a ref, dates whose year comes from the narrative, money,
/// entities, a section, and sometimes an unclosed template (a warning).
fn article_text(i: u64, place: &str) -> String {
    let mut t = format!(
        "{{{{Infobox settlement\n| name = {place}\n| population = {}\n| established = {{{{start date|{}|5|1}}}}\n}}}}\n\
         '''{place}''' is a town in the north.<ref name=\"h{i}\">{{{{cite web |title=A history of {place} |last=Smith |first=Anna |date=3 May 2020 |url=https://example.org/{i}?a=1&b=2}}}}</ref> \
         In October 2024 the council met \"in public\" &amp; voted.&nbsp;On 23 October it spent £{} million on roads.<ref name=\"h{i}\" />\n\n\
         == History ==\nIt was founded in {} by <b>monks</b> (café records).\n",
        1000 + i * 37,
        1700 + i,
        1 + i % 9,
        1600 + i
    );
    if i % 7 == 3 {
        t += "\nA template left open: {{unclosed|x\n";
    }
    t
}

/// The pages of the test dump: `articles` generated articles, then the
/// special cases, interleaved the way real dumps order them.
fn pages(articles: u64) -> Vec<Page> {
    let names = ["Zürich", "東京", "Ελλάδα", "AT&T \"Long Lines\"", "Bodmin"];
    let mut out = Vec::new();
    let mut id = 10;
    for i in 0..articles {
        let title = format!("{} {i}", names[i as usize % names.len()]);
        id += 1 + i % 3;
        out.push(Page {
            title: title.clone(),
            ns: 0,
            id,
            text: Some(article_text(i, &title)),
            redirect: None,
        });
        if i % 10 == 4 {
            id += 1;
            out.push(Page {
                title: format!("Old name of {title}"),
                ns: 0,
                id,
                text: Some(format!("#REDIRECT [[{title}]]\n{{{{R from move}}}}\n")),
                redirect: Some(title.clone()),
            });
        }
        if i % 20 == 6 {
            id += 1;
            out.push(Page {
                title: format!("Talk:{title}"),
                ns: 1,
                id,
                text: Some("== Sources ==\nThe 1990 figure is wrong. ~~~~\n".into()),
                redirect: None,
            });
        }
        if i == 8 {
            id += 1;
            out.push(Page {
                title: "Deleted text".into(),
                ns: 0,
                id,
                text: None,
                redirect: None,
            });
        }
    }
    out
}

/// Writes the dump in every form; returns their paths.
struct Dump {
    dir: tempfile::TempDir,
    pages: Vec<Page>,
}

impl Dump {
    fn new(articles: u64) -> Dump {
        let dir = tempfile::tempdir().expect("temp dir");
        let pages = pages(articles);
        let mut xml = String::from(HEADER);
        for p in &pages {
            xml += &p.xml();
        }
        xml += FOOTER;
        std::fs::write(dir.path().join("dump.xml"), &xml).expect("write");
        std::fs::write(dir.path().join("dump.xml.bz2"), bz2(xml.as_bytes())).expect("write");

        // Multistream: the header, streams of 30 pages, the footer, each
        // its own bzip2 stream; the index names each page's stream.
        let mut multi = bz2(HEADER.as_bytes());
        let mut index = String::new();
        for chunk in pages.chunks(30) {
            let offset = multi.len();
            let mut s = String::new();
            for p in chunk {
                s += &p.xml();
                index += &format!("{offset}:{}:{}\n", p.id, p.title);
            }
            multi.extend(bz2(s.as_bytes()));
        }
        multi.extend(bz2(FOOTER.as_bytes()));
        std::fs::write(dir.path().join("multistream.xml.bz2"), multi).expect("write");
        std::fs::write(dir.path().join("index.txt.bz2"), bz2(index.as_bytes())).expect("write");
        Dump { dir, pages }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn arg(&self, name: &str) -> String {
        self.path(name).display().to_string()
    }

    fn articles(&self) -> Vec<&Page> {
        self.pages
            .iter()
            .filter(|p| p.is_article() && p.text.is_some())
            .collect()
    }
}

fn bz2(bytes: &[u8]) -> Vec<u8> {
    let mut e = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::fast());
    e.write_all(bytes).expect("compress");
    e.finish().expect("compress")
}

fn wikistruct(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_wikistruct"))
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().expect("stdin");
        let input = input.to_vec();
        // Written from a thread: the child's output may fill its pipe
        // before it has read all of its input.
        std::thread::spawn(move || pipe.write_all(&input));
    }
    child.wait_with_output().expect("wait")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn documents(jsonl: &[u8]) -> Vec<Value> {
    std::str::from_utf8(jsonl)
        .expect("UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON document per line"))
        .collect()
}

fn read_documents(path: &Path) -> Vec<Value> {
    documents(&std::fs::read(path).expect("output written"))
}

/// A document without what names where it came from (the input's name,
/// the page and revision ids), for comparing ways of reading one page.
fn content(doc: &Value) -> Value {
    let mut doc = doc.clone();
    let source = doc["source"].as_object_mut().expect("source");
    for k in ["name", "page_id", "revision_id", "timestamp"] {
        source.remove(k);
    }
    doc
}

/// Runs `dump` into `out` and returns its documents; the run must succeed
/// apart from the deleted page, which is reported by title and id.
fn dump_to(args: &[&str], out: &Path) -> Vec<Value> {
    let mut all = vec!["dump"];
    all.extend(args);
    let out_arg = out.display().to_string();
    all.extend(["--out", &out_arg, "--quiet"]);
    let o = wikistruct(&all, None);
    let err = stderr(&o);
    assert!(
        err.contains("Deleted text") && err.contains("has no text"),
        "the deleted page is reported: {err}"
    );
    assert_eq!(o.status.code(), Some(1), "a failed page exits 1: {err}");
    assert!(out.exists(), "{err}");
    assert!(!PathBuf::from(format!("{out_arg}.part")).exists());
    read_documents(out)
}

/// Each document equals what `extract - --format jsonl` gives for its
/// page's text, title and reference date, apart from where it came from.
fn assert_equal_to_extract(docs: &[Value], pages: &[&Page]) {
    let mut lines = String::new();
    for p in pages {
        let req = serde_json::json!({
            "title": p.title,
            "text": p.text.as_deref().unwrap_or_default(),
            "reference_date": p.reference_date(),
        });
        lines += &format!("{req}\n");
    }
    let o = wikistruct(
        &["extract", "-", "--format", "jsonl", "--dialect", "wikitext"],
        Some(lines.as_bytes()),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let extracted = documents(&o.stdout);
    assert_eq!(extracted.len(), docs.len());
    for (a, b) in docs.iter().zip(&extracted) {
        assert_eq!(content(a), content(b), "{}", a["title"]);
    }
}

/// The real articles of the shared corpus, where present, as pages of a
/// dump (their markup escaped as exports escape it): the documents equal
/// the per-article ones.
#[test]
fn corpus_articles_through_a_dump_equal_extract() {
    let dir = Path::new("../shared/corpora/wikitext");
    if !dir.is_dir() {
        // Straight to stderr: cargo shows it, where it hides what
        // `eprintln!` prints from a passing test.
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), "skipping: {} is absent", dir.display());
        return;
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    let pages: Vec<Page> = files
        .iter()
        .enumerate()
        .map(|(k, f)| Page {
            title: f
                .file_stem()
                .map(|s| s.to_string_lossy().replace('-', " "))
                .unwrap_or_default(),
            ns: 0,
            id: 100 + k as u64,
            text: Some(std::fs::read_to_string(f).expect("UTF-8")),
            redirect: None,
        })
        .filter(|p| {
            // The corpus holds a redirect, which the default selection skips.
            let t = p.text.as_deref().unwrap_or_default().trim_start();
            !t.get(..9)
                .is_some_and(|h| h.eq_ignore_ascii_case("#redirect"))
        })
        .collect();
    let mut xml = String::from(HEADER);
    for p in &pages {
        xml += &p.xml();
    }
    xml += FOOTER;
    let o = wikistruct(
        &["dump", "-", "--out", "-", "--quiet"],
        Some(xml.as_bytes()),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let docs = documents(&o.stdout);
    assert_eq!(docs.len(), pages.len());
    let refs: Vec<&Page> = pages.iter().collect();
    assert_equal_to_extract(&docs, &refs);
}

#[test]
fn every_form_of_the_dump_gives_the_per_article_documents_in_order() {
    let d = Dump::new(70);
    let plain = dump_to(&[&d.arg("dump.xml")], &d.path("plain.jsonl"));

    // Articles only, in dump order, each with its page's ids.
    let articles = d.articles();
    assert_eq!(plain.len(), articles.len());
    for (doc, page) in plain.iter().zip(&articles) {
        assert_eq!(doc["title"], page.title.as_str());
        let s = &doc["source"];
        assert_eq!(s["page_id"], page.id);
        assert_eq!(s["revision_id"], page.revision_id());
        assert_eq!(s["timestamp"], page.timestamp().as_str());
        assert_eq!(s["reference_date"], page.reference_date().as_str());
        assert_eq!(s["dialect"], "wikitext");
        assert_eq!(s["name"], d.arg("dump.xml").as_str());
    }

    // The same pages through `extract`'s JSON-Lines mode: equal documents.
    assert_equal_to_extract(&plain, &articles);

    // Entities were decoded before extraction: the text holds the
    // characters, the source's size and SHA-256 are the decoded text's,
    // and every span points into it.
    for (doc, page) in plain.iter().zip(&articles) {
        use sha2::Digest;
        let text = page.text.as_deref().unwrap_or_default();
        assert_eq!(doc["source"]["bytes"], text.len());
        let sha: String = sha2::Sha256::digest(text.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(doc["source"]["sha256"], sha.as_str());
        let article: wikistruct::model::Article =
            serde_json::from_value(doc.clone()).expect("a document");
        let problems = wikistruct::schema::check_article(&article, page.text.as_deref());
        assert!(problems.is_empty(), "{}: {problems:?}", page.title);
    }
    let first = &plain[0];
    let citation = &first["citations"][0];
    assert_eq!(citation["title"], "A history of Zürich 0");
    assert!(
        first["events"]
            .as_array()
            .expect("events")
            .iter()
            .any(|e| e["date"] == "2024-10-23"),
        "{}",
        first["events"]
    );

    // bzip2, standard input, and the multistream file with its index on
    // two threads: the same documents in the same order.
    let bz = dump_to(&[&d.arg("dump.xml.bz2")], &d.path("bz.jsonl"));
    let multi = dump_to(
        &[
            &d.arg("multistream.xml.bz2"),
            "--index",
            &d.arg("index.txt.bz2"),
            "--jobs",
            "2",
        ],
        &d.path("multi.jsonl"),
    );
    let xml = std::fs::read(d.path("dump.xml")).expect("read");
    let o = wikistruct(&["dump", "-", "--out", "-", "--quiet"], Some(&xml));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let piped = documents(&o.stdout);
    for other in [&bz, &multi, &piped] {
        assert_eq!(other.len(), plain.len());
        for (a, b) in plain.iter().zip(other.iter()) {
            assert_eq!(content(a), content(b));
            assert_eq!(a["source"]["page_id"], b["source"]["page_id"]);
        }
    }
}

#[test]
fn namespaces_and_redirects_are_chosen_by_flags() {
    let d = Dump::new(30);
    let docs = dump_to(
        &[&d.arg("dump.xml"), "--namespaces", "0,1", "--redirects"],
        &d.path("all.jsonl"),
    );
    let expected: Vec<&str> = d
        .pages
        .iter()
        .filter(|p| p.text.is_some())
        .map(|p| p.title.as_str())
        .collect();
    let titles: Vec<&str> = docs.iter().map(|d| d["title"].as_str().unwrap()).collect();
    assert_eq!(titles, expected);
    assert!(titles.iter().any(|t| t.starts_with("Talk:")));
    assert!(titles.iter().any(|t| t.starts_with("Old name of")));
}

/// The titles of the documents `dump` writes to standard output for the
/// dump `input` (a file of `d`) with `flags`; the run must succeed.
fn dumped_titles(d: &Dump, input: &str, flags: &[&str]) -> Vec<String> {
    let input = d.arg(input);
    let mut args = vec!["dump", &input, "--out", "-", "--quiet"];
    args.extend(flags);
    let o = wikistruct(&args, None);
    assert!(o.status.success(), "{}", stderr(&o));
    documents(&o.stdout)
        .iter()
        .map(|d| d["title"].as_str().expect("a title").to_string())
        .collect()
}

#[test]
fn titles_and_limit_select_pages() {
    let d = Dump::new(30);
    // Titles as URLs write them (underscores) or as pages do; case
    // counts, as it does on wikis whose first letters are not capitalised.
    let list = d.arg("titles.txt");
    std::fs::write(
        &list,
        "東京 1\n Bodmin_4 \nbodmin 9\nNo such page\nTalk:東京 6\n",
    )
    .expect("write");
    let index = d.arg("index.txt.bz2");
    let first_five: Vec<String> = d.articles()[..5].iter().map(|p| p.title.clone()).collect();
    for (input, extra) in [
        ("dump.xml", vec![]),
        ("multistream.xml.bz2", vec!["--index", index.as_str()]),
    ] {
        let mut flags = extra.clone();
        flags.extend(["--titles", list.as_str()]);
        // Talk pages are still left out: --titles narrows the selected
        // namespaces' pages, it does not widen them.
        assert_eq!(
            dumped_titles(&d, input, &flags),
            ["東京 1", "Bodmin 4"],
            "{input}"
        );
        let mut flags = extra.clone();
        flags.extend(["--limit", "5"]);
        assert_eq!(dumped_titles(&d, input, &flags), first_five, "{input}");
    }
}

#[test]
fn a_resumed_run_gives_the_uninterrupted_output() {
    let d = Dump::new(70);
    for (name, extra) in [
        ("dump.xml.bz2", None),
        ("multistream.xml.bz2", Some("index.txt.bz2")),
    ] {
        let mut args = vec![d.arg(name)];
        if let Some(index) = extra {
            args.extend(["--index".into(), d.arg(index)]);
        }
        let mut full_args = vec!["dump".to_string()];
        full_args.extend(args.iter().cloned());
        let full_args: Vec<&str> = full_args.iter().map(String::as_str).collect();
        let whole = d.path("whole.jsonl");
        dump_to(&full_args[1..], &whole);
        let whole_bytes = std::fs::read(&whole).expect("read");

        // A run killed in the middle of its 23rd line.
        let cut = whole_bytes
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .nth(21)
            .map(|(i, _)| i + 1 + 40)
            .expect("enough lines");
        let resumed = d.path("resumed.jsonl");
        std::fs::write(
            PathBuf::from(format!("{}.part", resumed.display())),
            &whole_bytes[..cut],
        )
        .expect("write");
        let mut resume_args = full_args.clone();
        resume_args.push("--resume");
        let docs = dump_to(&resume_args[1..], &resumed);
        assert_eq!(docs.len(), d.articles().len());
        assert!(
            std::fs::read(&resumed).expect("read") == whole_bytes,
            "{name}: the resumed output differs from the uninterrupted one"
        );
        std::fs::remove_file(&resumed).expect("remove");
    }
}

#[test]
fn fail_on_turns_diagnostics_into_the_exit_status() {
    // No deleted page here: only diagnostics can fail the run.
    let dir = tempfile::tempdir().expect("temp dir");
    let mut xml = String::from(HEADER);
    let clean = Page {
        title: "Clean".into(),
        ns: 0,
        id: 1,
        text: Some(article_text(0, "Clean")),
        redirect: None,
    };
    let warned = Page {
        title: "Warned".into(),
        ns: 0,
        id: 2,
        text: Some(article_text(3, "Warned")),
        redirect: None,
    };
    xml += &clean.xml();
    xml += &warned.xml();
    xml += FOOTER;
    let path = dir.path().join("d.xml");
    std::fs::write(&path, xml).expect("write");
    let p = path.display().to_string();

    let run = |extra: &[&str]| {
        let mut args = vec!["dump", &p, "--out", "-", "--quiet"];
        args.extend(extra);
        wikistruct(&args, None)
    };
    let o = run(&[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let docs = documents(&o.stdout);
    let severities: BTreeSet<String> = docs[1]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| d["severity"].as_str().unwrap().to_string())
        .collect();
    assert!(severities.contains("warning"), "{}", docs[1]["diagnostics"]);
    assert_eq!(run(&["--fail-on", "warning"]).status.code(), Some(1));
    let errors = severities.contains("error");
    assert_eq!(
        run(&["--fail-on", "error"]).status.code(),
        Some(if errors { 1 } else { 0 })
    );
}

#[test]
fn broken_xml_stops_with_its_position_and_keeps_what_was_done() {
    let d = Dump::new(10);
    let xml = std::fs::read_to_string(d.path("dump.xml")).expect("read");
    // Cut in the middle of the sixth page.
    let at = xml
        .match_indices("<page>")
        .nth(5)
        .map(|(i, _)| i + 40)
        .unwrap();
    let broken = d.path("broken.xml");
    std::fs::write(&broken, &xml[..at]).expect("write");
    let out = d.path("broken.jsonl");
    let o = wikistruct(
        &[
            "dump",
            &broken.display().to_string(),
            "--out",
            &out.display().to_string(),
        ],
        None,
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("broken.xml"), "{err}");
    assert!(err.contains("--resume"), "{err}");
    // Nothing is published as complete; the pages before the cut are kept.
    assert!(!out.exists());
    let part = read_documents(&PathBuf::from(format!("{}.part", out.display())));
    assert!(!part.is_empty() && part.len() <= 5, "{}", part.len());
}

#[test]
fn extract_refuses_a_dump_and_points_to_the_dump_command() {
    let d = Dump::new(3);
    for name in ["dump.xml", "dump.xml.bz2"] {
        let o = wikistruct(&["extract", &d.arg(name)], None);
        let err = stderr(&o);
        assert!(!o.status.success(), "{name}");
        assert!(err.contains(name), "{err}");
        assert!(err.contains("wikistruct dump"), "{err}");
        assert!(o.stdout.is_empty());
    }
}
