//! The shared corpora, where present: every real wikitext article goes
//! through the whole pipeline with no panic and a document that passes
//! every check. Skips with a message where `../shared` is absent.

use std::path::Path;

use wikistruct::{Config, Dialect, batch, schema};

/// The wikitext corpus, or `None` (with a message) where it is absent.
fn corpus() -> Option<&'static Path> {
    let dir = Path::new("../shared/corpora/wikitext");
    if dir.is_dir() {
        Some(dir)
    } else {
        // Straight to stderr: cargo shows it, where it hides what
        // `eprintln!` prints from a passing test.
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), "skipping: {} is absent", dir.display());
        None
    }
}

/// The corpus articles are wikitext.
fn wikitext() -> Config {
    Config {
        dialect: Some(Dialect::Wikitext),
        ..Config::default()
    }
}

#[test]
fn every_wikitext_corpus_article_extracts_and_validates() {
    let Some(dir) = corpus() else { return };
    let jobs = batch::collect_jobs(&[dir.to_path_buf()]).expect("corpus files");
    assert!(
        jobs.len() >= 70,
        "expected the 70 corpus articles, found {}",
        jobs.len()
    );
    let config = wikitext();
    for job in jobs {
        let src = std::fs::read_to_string(&job.input).expect("utf-8");
        // The document tree's invariants (children inside parents,
        // siblings in order, spans on characters), then the output's.
        let tree = wikistruct::stages::parse(&src, Dialect::Wikitext).check();
        assert!(tree.is_empty(), "{}: {tree:#?}", job.input.display());
        let article = wikistruct::process_article(&src, &config);
        let problems = schema::check_article(&article, Some(&src));
        assert!(
            problems.is_empty(),
            "{}: {problems:#?}",
            job.input.display()
        );
    }
}

#[test]
fn refs_are_all_accounted_for() {
    let Some(dir) = corpus() else { return };
    let config = wikitext();
    let src = std::fs::read_to_string(dir.join("raith_rovers.txt")).expect("article");
    let a = wikistruct::process_article(&src, &config);
    let refs: Vec<_> = a
        .citations
        .iter()
        .filter(|c| c.kind == wikistruct::model::CitationKind::Ref)
        .collect();
    let cited = refs.len() + refs.iter().map(|c| c.uses.len()).sum::<usize>();
    let tags = src.matches("<ref").count() - src.matches("<references").count();
    assert_eq!(cited, tags);
}

/// An article HTML-escaped once too often (as a dump read without
/// unescaping gives it) reads as the article itself: the same records, and
/// spans that quote the escaped input.
#[test]
fn escaped_articles_read_as_the_articles_themselves() {
    let Some(dir) = corpus() else { return };
    let config = wikitext();
    for name in ["toronto.txt", "julia_kristeva.txt", "al_Haytham.txt"] {
        let src = std::fs::read_to_string(dir.join(name)).expect("article");
        let escaped = src
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;");
        let plain = wikistruct::process_article(&src, &config);
        let a = wikistruct::process_article(&escaped, &config);
        let titles = |x: &wikistruct::model::Article| -> Vec<Option<String>> {
            x.citations.iter().map(|c| c.title.clone()).collect()
        };
        let dates = |x: &wikistruct::model::Article| -> Vec<String> {
            x.events.iter().map(|e| e.date.clone()).collect()
        };
        assert_eq!(titles(&a), titles(&plain), "{name}");
        assert_eq!(dates(&a), dates(&plain), "{name}");
        assert_eq!(a.money.len(), plain.money.len(), "{name}");
        let problems = schema::check_article(&a, Some(&escaped));
        assert!(problems.is_empty(), "{name}: {problems:#?}");
    }
}
