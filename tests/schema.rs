//! The published schema: current, satisfied by every output, and rejecting
//! hand-broken documents with the right pointer and a readable reason.

use std::process::Command;

use serde_json::{Value, json};
use wikistruct::schema;

const SEED: &str = "input/north-korea-ukraine-relations.txt";

fn seed_doc() -> (Value, String) {
    let src = std::fs::read_to_string(SEED).expect("seed");
    let a = wikistruct::process_article(&src, &wikistruct::Config::default());
    (serde_json::to_value(&a).expect("json"), src)
}

/// The problems of `doc`, as `pointer: message` lines.
fn problems(doc: &Value, src: Option<&str>) -> Vec<(String, String)> {
    schema::check_json(doc, src)
        .into_iter()
        .map(|p| (p.pointer, p.message))
        .collect()
}

#[test]
fn committed_schema_is_current() {
    let have = std::fs::read_to_string("schema/wikistruct.schema.json").unwrap_or_default();
    assert!(
        have == schema::schema_text(),
        "schema/wikistruct.schema.json is out of date: run `cargo run -- schema > schema/wikistruct.schema.json`"
    );
}

#[test]
fn every_output_and_snapshot_input_validates() {
    for entry in std::fs::read_dir("output").expect("output/") {
        let path = entry.expect("entry").path();
        let doc: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("json");
        let src_path = doc["source"]["name"]
            .as_str()
            .expect("source name")
            .to_string();
        let src = std::fs::read_to_string(&src_path).ok();
        assert!(
            src.is_some(),
            "{} names {src_path}, which is not there",
            path.display()
        );
        let p = problems(&doc, src.as_deref());
        assert!(p.is_empty(), "{}: {p:#?}", path.display());
    }
}

#[test]
fn a_missing_field_is_named() {
    let (mut doc, _) = seed_doc();
    doc["events"][0]
        .as_object_mut()
        .expect("object")
        .remove("precision");
    let p = problems(&doc, None);
    assert_eq!(p[0].0, "/events/0");
    assert!(p[0].1.contains("precision"), "{p:?}");
}

#[test]
fn a_wrong_enum_is_named() {
    let (mut doc, _) = seed_doc();
    doc["events"][1]["precision"] = json!("fortnight");
    let p = problems(&doc, None);
    assert_eq!(p[0].0, "/events/1/precision");
    assert!(p[0].1.contains("fortnight"), "{p:?}");
}

#[test]
fn a_bad_currency_code_is_named() {
    let (mut doc, _) = seed_doc();
    doc["money"][0]["currency"] = json!("dollars");
    let p = problems(&doc, None);
    assert_eq!(p[0].0, "/money/0/currency");
}

#[test]
fn a_span_past_the_end_is_named() {
    let (mut doc, src) = seed_doc();
    doc["events"][2]["span"]["end"] = json!(src.len() + 10);
    let p = problems(&doc, Some(&src));
    assert_eq!(p[0].0, "/events/2/span");
    assert!(p[0].1.contains("outside the input"), "{p:?}");
}

#[test]
fn a_span_that_misses_its_text_is_named() {
    let (mut doc, src) = seed_doc();
    let start = doc["events"][3]["span"]["start"].as_u64().expect("start");
    doc["events"][3]["span"]["start"] = json!(start + 1);
    let p = problems(&doc, Some(&src));
    assert_eq!(p[0].0, "/events/3/span");
    assert!(p[0].1.contains("not the record's text"), "{p:?}");
}

#[test]
fn an_impossible_date_is_named() {
    let (mut doc, _) = seed_doc();
    doc["events"][1]["date"] = json!("1992-02-30");
    let p = problems(&doc, None);
    assert_eq!(p[0].0, "/events/1/date");
    assert!(p[0].1.contains("not a calendar date"), "{p:?}");
}

#[test]
fn a_range_ending_before_it_starts_is_named() {
    let (mut doc, _) = seed_doc();
    doc["events"][1]["end"] = json!("1990");
    let p = problems(&doc, None);
    assert_eq!(p[0].0, "/events/1/end");
}

#[test]
fn a_broken_section_path_is_named() {
    let (mut doc, _) = seed_doc();
    doc["sections"][2]["path"] = json!(["History", "Russian invasion of Ukraine"]);
    let p = problems(&doc, None);
    assert_eq!(p[0].0, "/sections/2/path");
}

#[test]
fn validate_command_reports_file_pointer_and_reason() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut doc, _) = seed_doc();
    doc["events"][1]["precision"] = json!("fortnight");
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, serde_json::to_string(&doc).expect("json")).expect("write");
    let o = Command::new(env!("CARGO_BIN_EXE_wikistruct"))
        .args([
            "validate",
            bad.to_str().expect("p"),
            "output/north-korea-ukraine-relations.json",
        ])
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("bad.json: /events/1/precision: "), "{out}");
    assert_eq!(out.lines().count(), 1, "{out}");

    let good = Command::new(env!("CARGO_BIN_EXE_wikistruct"))
        .args([
            "validate",
            "output/north-korea-ukraine-relations.json",
            "--source",
            SEED,
        ])
        .output()
        .expect("runs");
    assert_eq!(
        good.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&good.stdout)
    );
}

/// Checked against another article, a document gets one problem saying
/// so, not a span mismatch for every record.
#[test]
fn the_wrong_source_is_one_problem() {
    let (doc, _) = seed_doc();
    let other = std::fs::read_to_string("input/port-of-veltra-trade-agreement.txt").expect("input");
    let p = problems(&doc, Some(&other));
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].0, "/source/sha256");
    assert!(p[0].1.contains("not checked"), "{p:?}");
}

/// A document that fails the schema is still given the checks the schema
/// cannot make, where it reads as a document.
#[test]
fn semantic_checks_run_when_the_schema_fails() {
    let (mut doc, _) = seed_doc();
    doc["money"][0]["currency"] = json!("usd");
    doc["events"][1]["date"] = json!("1992-02-30");
    let pointers: Vec<String> = problems(&doc, None).into_iter().map(|p| p.0).collect();
    assert!(
        pointers.contains(&"/money/0/currency".to_string()),
        "{pointers:?}"
    );
    assert!(
        pointers.contains(&"/events/1/date".to_string()),
        "{pointers:?}"
    );
}
