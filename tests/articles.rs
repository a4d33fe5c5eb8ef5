//! Every article of `input/`: a snapshot of its full JSON, the span
//! invariants, and the committed `output/` being what the tool makes now.

use std::path::{Path, PathBuf};

use wikistruct::{Config, batch, validate};

fn inputs() -> Vec<PathBuf> {
    let jobs = batch::collect_jobs(&[PathBuf::from("input")]).expect("input/ has articles");
    jobs.into_iter().map(|j| j.input).collect()
}

#[test]
fn snapshots_of_every_input() {
    insta::glob!("../input", "**/*.{txt,wiki,wikitext,mediawiki}", |path| {
        let rel = Path::new("input").join(path.file_name().expect("file"));
        let article = batch::process_file(&rel, &Config::default()).expect("extracts");
        insta::assert_json_snapshot!(article);
    });
}

#[test]
fn every_span_points_at_its_own_text() {
    for path in inputs() {
        let src = std::fs::read_to_string(&path).expect("utf-8");
        let article = wikistruct::process_article(&src, &Config::default());
        let mut problems = validate::check_spans(&article, &src);
        problems.extend(validate::check_document(&article));
        assert!(problems.is_empty(), "{}: {problems:#?}", path.display());
        // Section and infobox spans hold their titles and keys as written
        // (in the plain dialect; wikitext renders markup away).
        if article.source.dialect != wikistruct::model::DialectName::Plain {
            continue;
        }
        for s in &article.sections {
            let text = &src[s.span.start as usize..s.span.end as usize];
            assert!(text.contains(&s.title), "{text:?} lacks {:?}", s.title);
        }
        if let Some(ib) = &article.infobox {
            for f in &ib.fields {
                let text = &src[f.span.start as usize..f.span.end as usize];
                assert!(text.contains(&f.key) && text.contains(&f.value), "{text:?}");
            }
        }
    }
}

#[test]
fn committed_output_is_current() {
    for path in inputs() {
        let article = batch::process_file(&path, &Config::default()).expect("extracts");
        let want = batch::to_json(&article, false);
        let rel = path.strip_prefix("input").expect("under input/");
        let out = Path::new("output").join(rel).with_extension("json");
        let have = std::fs::read_to_string(&out).unwrap_or_default();
        assert!(
            have == want,
            "{} is out of date: run `cargo run --release -- extract input --out output`",
            out.display()
        );
    }
}

#[test]
fn seed_article_checks() {
    let path = Path::new("input/north-korea-ukraine-relations.txt");
    let a = batch::process_file(path, &Config::default()).expect("extracts");
    assert_eq!(a.title.as_deref(), Some("North Korea–Ukraine relations"));
    assert_eq!(a.sections.len(), 6);
    assert_eq!(
        *a.sections[2].path,
        [
            "History",
            "Russo-Ukrainian war",
            "Russian invasion of Ukraine"
        ]
    );
    let ib = a.infobox.as_ref().expect("infobox");
    assert_eq!(ib.fields[0].key, "Map");
    assert_eq!(a.see_also.len(), 5);
    assert_eq!(a.citations[0].authors[0].last.as_deref(), Some("Wertz"));
    assert_eq!(
        a.citations[0].title.as_deref(),
        Some("DPRK Diplomatic Relations")
    );
    let dates: Vec<(&str, bool)> = a
        .events
        .iter()
        .map(|e| (e.date.as_str(), e.year_inferred))
        .collect();
    assert_eq!(
        dates,
        [
            ("2022-07", false),
            ("1992-01-09", false),
            ("1998", false),
            ("2022", false),
            ("2017", false),
            ("2022-07-13", false),
            ("2024-10", false),
            ("2024-10-23", true),
            ("2024-10-28", true),
            ("2024-11-04", true),
            ("2022", false),
            ("2025-02-27", false),
            ("2025-11", false),
            ("2020", false),
        ]
    );
    let oct23 = &a.events[7];
    assert!(
        oct23
            .sentence
            .starts_with("On 23 October, U.S. Defense Secretary")
    );
    assert!(oct23.sentence.ends_with("Russia-Ukraine conflict."));
}
