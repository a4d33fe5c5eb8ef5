//! The JSON Schema (draft 2020-12) of the output, generated from the model
//! types so it cannot drift from them, and the validator every document
//! passes before it is written.

use std::sync::LazyLock;

use serde_json::Value;

use crate::model::Article;
use crate::validate::{self, Problem};

/// The schema's `$id`: a stable name, not a place to fetch it from.
pub const SCHEMA_ID: &str = "urn:wikistruct:schema:1";

/// The schema as a JSON value.
pub fn schema() -> Value {
    let schema = schemars::schema_for!(Article);
    let mut v = serde_json::to_value(&schema).unwrap_or(Value::Null);
    require_all(&mut v);
    if let Value::Object(map) = &mut v {
        map.insert("$id".into(), Value::String(SCHEMA_ID.into()));
        map.insert(
            "description".into(),
            Value::String(
                "One article extracted by wikistruct (contract schema version 1). \
                 Fields may be added in minor versions; none is renamed or removed \
                 without a new major schema_version."
                    .into(),
            ),
        );
    }
    v
}

/// Marks every property of every object schema as required: the contract
/// says every field is always present (`null`, never omitted), which
/// schemars does not assume for `Option` fields.
fn require_all(v: &mut Value) {
    match v {
        Value::Object(map) => {
            if let Some(Value::Object(props)) = map.get("properties") {
                let keys: Vec<Value> = props.keys().cloned().map(Value::String).collect();
                map.insert("required".into(), Value::Array(keys));
            }
            for child in map.values_mut() {
                require_all(child);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(require_all),
        _ => {}
    }
}

/// The schema pretty-printed with a final newline, as committed in
/// `schema/wikistruct.schema.json`.
pub fn schema_text() -> String {
    let mut s = serde_json::to_string_pretty(&schema()).unwrap_or_default();
    s.push('\n');
    s
}

/// Compiled once per process: compiling is far slower than validating.
static VALIDATOR: LazyLock<Option<jsonschema::Validator>> =
    LazyLock::new(|| jsonschema::validator_for(&schema()).ok());

/// Schema errors of a JSON document, each with its JSON pointer.
pub fn check_schema(doc: &Value) -> Vec<Problem> {
    let Some(validator) = VALIDATOR.as_ref() else {
        return vec![Problem {
            pointer: String::new(),
            message: "the built-in schema does not compile".into(),
        }];
    };
    validator
        .iter_errors(doc)
        .map(|e| Problem {
            pointer: e.instance_path().to_string(),
            message: e.to_string(),
        })
        .collect()
}

/// Every check on an article: the schema, the checks it cannot express,
/// and, given the source, the span checks.
pub fn check_article(article: &Article, src: Option<&str>) -> Vec<Problem> {
    let value = serde_json::to_value(article).unwrap_or(Value::Null);
    let mut problems = check_schema(&value);
    problems.extend(validate::check_document(article));
    if let Some(src) = src {
        problems.extend(validate::check_spans(article, src));
    }
    problems
}

/// Checks a JSON document read from disk: the schema, the document checks
/// (wherever the document still reads as one), and with `src` the hash,
/// then, for the same bytes only, the spans.
pub fn check_json(doc: &Value, src: Option<&str>) -> Vec<Problem> {
    let mut problems = check_schema(doc);
    // The semantic checks run even where the schema fails: a document
    // with one bad field still says what else is wrong with it.
    let article = match serde_json::from_value::<Article>(doc.clone()) {
        Ok(a) => a,
        Err(e) => {
            if problems.is_empty() {
                problems.push(Problem {
                    pointer: String::new(),
                    message: format!("does not read as a wikistruct document: {e}"),
                });
            }
            return problems;
        }
    };
    problems.extend(validate::check_document(&article));
    if let Some(src) = src {
        let sha = crate::sha256_hex(src.as_bytes());
        if article.source.sha256 == sha {
            problems.extend(validate::check_spans(&article, src));
        } else {
            // Another article's spans cannot be checked against this one:
            // one problem that says so, not one per record.
            problems.push(Problem {
                pointer: "/source/sha256".into(),
                message: format!(
                    "the document was made from other bytes (sha256 {}), not this article \
                     ({sha}); its spans were not checked against it",
                    article.source.sha256
                ),
            });
        }
    }
    problems
}
