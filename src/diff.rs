//! Semantic diff of two extractions: what changed in meaning, not in bytes.
//!
//! Records are matched by content, never by position: spans (which move
//! whenever text is inserted before them) and index fields are ignored.
//! Identical records pair first; what is left pairs by identity (the same
//! sentence edited, the same reference name, the same infobox key) and is
//! reported as changed; the rest is added or removed. So an inserted
//! paragraph shows as its own records added, and nothing after it changes.

use serde::Serialize;
use serde_json::{Value, json};

use crate::model::Article;

/// Additions, removals and changes of one part of the document.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PartDiff {
    pub added: Vec<Value>,
    pub removed: Vec<Value>,
    pub changed: Vec<Change>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub old: Value,
    pub new: Value,
}

impl PartDiff {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// The whole diff, one key per part of the document.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Diff {
    pub sections: PartDiff,
    pub infobox: PartDiff,
    pub events: PartDiff,
    pub money: PartDiff,
    pub citations: PartDiff,
    pub see_also: PartDiff,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.parts().iter().all(|(_, p)| p.is_empty())
    }

    fn parts(&self) -> [(&'static str, &PartDiff); 6] {
        [
            ("sections", &self.sections),
            ("infobox", &self.infobox),
            ("events", &self.events),
            ("money", &self.money),
            ("citations", &self.citations),
            ("see_also", &self.see_also),
        ]
    }
}

/// Fields that locate a record rather than say what it means.
const VOLATILE: &[&str] = &["span", "uses", "citations", "events", "money"];

fn strip(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(k, _)| !VOLATILE.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), strip(v)))
                .collect(),
        ),
        other => other.clone(),
    }
}

fn records<T: Serialize>(items: &[T]) -> Vec<Value> {
    items
        .iter()
        .map(|x| strip(&serde_json::to_value(x).unwrap_or(Value::Null)))
        .collect()
}

/// Words of a string, for sentence similarity.
fn words(s: &str) -> std::collections::BTreeSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_lowercase)
        .collect()
}

/// Jaccard similarity of the words of two strings (numbers left out, so an
/// edited figure keeps its sentence's identity).
fn similar(a: &str, b: &str) -> f64 {
    let (a, b) = (words(a), words(b));
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let inter = a.intersection(&b).count() as f64;
    let union = a.union(&b).count() as f64;
    inter / union
}

fn str_of<'v>(v: &'v Value, k: &str) -> &'v str {
    v.get(k).and_then(Value::as_str).unwrap_or("")
}

/// A record without its context fields.
fn meaning(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(k, _)| k.as_str() != "sentence")
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Pairs identical records, then pairs what is left by `score` (highest
/// first, at least `threshold`), in order of the old records.
fn match_lists(
    old: Vec<Value>,
    new: Vec<Value>,
    score: impl Fn(&Value, &Value) -> f64,
    threshold: f64,
) -> PartDiff {
    let mut new_left: Vec<Option<Value>> = new.into_iter().map(Some).collect();
    let mut old_left = Vec::new();
    for o in old {
        // The sentence is context, not meaning: an event whose sentence had
        // a figure edited is the same event.
        let key = meaning(&o);
        match new_left
            .iter()
            .position(|n| n.as_ref().is_some_and(|n| meaning(n) == key))
        {
            Some(i) => new_left[i] = None,
            None => old_left.push(o),
        }
    }
    let mut d = PartDiff::default();
    for o in old_left {
        let best = new_left
            .iter()
            .enumerate()
            .filter_map(|(i, n)| n.as_ref().map(|n| (i, score(&o, n))))
            .filter(|(_, s)| *s >= threshold)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        match best {
            Some((i, _)) => {
                let n = new_left[i].take().unwrap_or(Value::Null);
                d.changed.push(Change { old: o, new: n });
            }
            None => d.removed.push(o),
        }
    }
    d.added = new_left.into_iter().flatten().collect();
    d
}

/// The semantic difference from `old` to `new`.
pub fn diff(old: &Article, new: &Article) -> Diff {
    let sentence_score = |a: &Value, b: &Value| -> f64 {
        let same_section = a.get("section") == b.get("section");
        let s = similar(str_of(a, "sentence"), str_of(b, "sentence"));
        if same_section { s } else { s * 0.8 }
    };
    let events = match_lists(
        records(&old.events),
        records(&new.events),
        |a, b| {
            let same_expr =
                str_of(a, "text") == str_of(b, "text") && str_of(a, "date") == str_of(b, "date");
            if same_expr { 1.0 } else { sentence_score(a, b) }
        },
        0.6,
    );
    let money = match_lists(
        records(&old.money),
        records(&new.money),
        |a, b| {
            let same_flow = a.get("trade").is_some_and(|t| !t.is_null())
                && a.get("trade") == b.get("trade")
                && a.get("year") == b.get("year");
            if same_flow { 1.0 } else { sentence_score(a, b) }
        },
        0.6,
    );
    let citations = match_lists(
        records(&old.citations),
        records(&new.citations),
        |a, b| {
            let same = |k: &str| !str_of(a, k).is_empty() && str_of(a, k) == str_of(b, k);
            if same("ref_name") || same("url") || same("title") {
                1.0
            } else {
                similar(str_of(a, "raw"), str_of(b, "raw"))
            }
        },
        0.6,
    );
    // Sections: by path; a heading renamed in place (same level, same
    // parent, same neighbours) is a change.
    let sections = match_lists(
        records(&old.sections),
        records(&new.sections),
        |a, b| {
            let pa = a.get("path").and_then(Value::as_array);
            let pb = b.get("path").and_then(Value::as_array);
            match (pa, pb) {
                (Some(pa), Some(pb))
                    if pa.len() == pb.len() && a.get("level") == b.get("level") =>
                {
                    let parent_same =
                        pa[..pa.len().saturating_sub(1)] == pb[..pb.len().saturating_sub(1)];
                    if parent_same { 0.7 } else { 0.0 }
                }
                _ => 0.0,
            }
        },
        0.7,
    );
    let field_list = |a: &Article| -> Vec<Value> {
        let mut v: Vec<Value> = a
            .infobox
            .iter()
            .flat_map(|ib| ib.fields.iter())
            .map(|f| json!({"key": f.key, "value": f.value}))
            .collect();
        if let Some(ib) = &a.infobox {
            v.insert(0, json!({"key": "(name)", "value": ib.name}));
        }
        v
    };
    let infobox = match_lists(
        field_list(old),
        field_list(new),
        |a, b| {
            if a.get("key") == b.get("key") {
                1.0
            } else {
                0.0
            }
        },
        1.0,
    );
    let see_also = match_lists(
        old.see_also.iter().map(|s| json!(s)).collect(),
        new.see_also.iter().map(|s| json!(s)).collect(),
        |_, _| 0.0,
        1.0,
    );
    Diff {
        sections,
        infobox,
        events,
        money,
        citations,
        see_also,
    }
}

/// A short human label for a record.
fn label(part: &str, v: &Value) -> String {
    match part {
        "sections" => format!(
            "{} (level {})",
            str_of(v, "title"),
            v.get("level").unwrap_or(&Value::Null)
        ),
        "infobox" => format!(
            "{}: {}",
            str_of(v, "key"),
            v.get("value").map_or(String::new(), |x| x
                .as_str()
                .map_or(x.to_string(), str::to_string))
        ),
        "events" => format!("{} \"{}\"", str_of(v, "date"), str_of(v, "text")),
        "money" => format!(
            "{} {} \"{}\"{}",
            v.get("amount").unwrap_or(&Value::Null),
            str_of(v, "currency"),
            str_of(v, "text"),
            v.get("year")
                .and_then(Value::as_i64)
                .map_or(String::new(), |y| format!(" ({y})"))
        ),
        "citations" => {
            let t = str_of(v, "title");
            if t.is_empty() {
                str_of(v, "raw").chars().take(80).collect()
            } else {
                t.to_string()
            }
        }
        _ => v.as_str().map_or(v.to_string(), str::to_string),
    }
}

/// The diff as text for people: one line per part that changed, then one
/// line per record (`+` added, `-` removed, `~` changed).
pub fn human(d: &Diff) -> String {
    let mut out = String::new();
    if d.is_empty() {
        out.push_str("no changes in meaning\n");
        return out;
    }
    for (name, p) in d.parts() {
        if p.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "{name}: {} added, {} removed, {} changed\n",
            p.added.len(),
            p.removed.len(),
            p.changed.len()
        ));
        for v in &p.added {
            out.push_str(&format!("  + {}\n", label(name, v)));
        }
        for v in &p.removed {
            out.push_str(&format!("  - {}\n", label(name, v)));
        }
        for c in &p.changed {
            out.push_str(&format!(
                "  ~ {} -> {}\n",
                label(name, &c.old),
                label(name, &c.new)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, process_article};

    fn doc(s: &str) -> Article {
        process_article(s, &Config::default())
    }

    #[test]
    fn unchanged_is_empty() {
        let a = doc("= T =\n\nOn 9 January 1992 it began.\n");
        assert!(diff(&a, &a).is_empty());
    }

    #[test]
    fn inserted_paragraph_adds_only_its_records() {
        let a = doc("= T =\n\nIt began on 9 January 1992.\n\nIn 2020, A exported $5 to B.\n");
        let b = doc(
            "= T =\n\nIt began on 9 January 1992.\n\nIn 2001 a treaty was signed.\n\nIn 2020, A exported $5 to B.\n",
        );
        let d = diff(&a, &b);
        assert_eq!(d.events.added.len(), 1);
        assert_eq!(d.events.added[0]["date"], "2001");
        assert!(d.events.removed.is_empty() && d.events.changed.is_empty());
        assert!(d.money.is_empty());
    }

    #[test]
    fn edited_figure_is_a_change() {
        let a = doc("= T =\n\nIn 2020, Ukraine exported US$7,710 to North Korea.\n");
        let b = doc("= T =\n\nIn 2020, Ukraine exported US$8,100 to North Korea.\n");
        let d = diff(&a, &b);
        assert_eq!(d.money.changed.len(), 1, "{d:#?}");
        assert_eq!(d.money.changed[0].old["amount"], 7710);
        assert_eq!(d.money.changed[0].new["amount"], 8100);
        assert!(human(&d).contains("7710 USD \"US$7,710\" (2020) -> 8100 USD \"US$8,100\" (2020)"));
    }
}
