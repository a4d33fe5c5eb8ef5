//! Citation templates (`{{cite web}}`, `{{Internetquelle}}`, …): their
//! parameters as fields.

use super::entry::*;
use crate::model::{Author, Citation, CitationKind};

/// `last12` → ("last", Some(12)); `author-last3` → ("author-last", Some(3));
/// `author3-last` → ("author-last", Some(3)); `title` → ("title", None).
pub(super) fn split_number(key: &str) -> (&str, Option<usize>) {
    let digits_at = key.find(|c: char| c.is_ascii_digit());
    match digits_at {
        None => (key, None),
        Some(i) => {
            let end = key[i..]
                .find(|c: char| !c.is_ascii_digit())
                .map_or(key.len(), |e| i + e);
            let num = key[i..end].parse().ok();
            let stem = match (&key[..i], &key[end..]) {
                ("author", "-last") => "author-last",
                ("author", "-first") => "author-first",
                (s, "") => s,
                _ => return (key, None),
            };
            (stem, num)
        }
    }
}

/// Maps `{{cite …}}` parameters to citation fields.
pub fn from_template(params: &[(String, String)]) -> Citation {
    let mut c = empty(CitationKind::Ref);
    let get = |keys: &[&str]| -> Option<String> {
        keys.iter()
            .find_map(|k| params.iter().find(|(n, _)| n == k))
            .map(|(_, v)| v.clone())
            .filter(|v| !v.is_empty())
    };
    // Authors: last/first, last1/first1…, author1…, read in one pass over
    // the parameters into slots by number (no number is slot 1).
    let mut slots: Vec<(Option<String>, Option<String>, Option<String>)> = Vec::new();
    for (key, value) in params {
        if value.is_empty() {
            continue;
        }
        let (stem, num) = split_number(key);
        let which = match stem {
            "last" | "surname" | "author-last" => 0,
            "first" | "given" | "author-first" => 1,
            "author" => 2,
            _ => continue,
        };
        let i = num.unwrap_or(1).clamp(1, 100) - 1;
        if slots.len() <= i {
            slots.resize(i + 1, (None, None, None));
        }
        let slot = &mut slots[i];
        let field = match which {
            0 => &mut slot.0,
            1 => &mut slot.1,
            _ => &mut slot.2,
        };
        field.get_or_insert_with(|| value.clone());
    }
    for (last, first, author) in slots {
        match (last, first, author) {
            (Some(l), f, _) => c.authors.push(Author {
                name: match &f {
                    Some(f) => format!("{l}, {f}"),
                    None => l.clone(),
                },
                last: Some(l),
                first: f,
            }),
            (None, _, Some(a)) => c.authors.extend(parse_authors(&a)),
            _ => {}
        }
    }
    if c.authors.is_empty() {
        if let Some(a) = get(&["vauthors"]) {
            // Vancouver style: "Smith JA, Jones B": family name first.
            c.authors = a
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|n| match n.rsplit_once(' ') {
                    Some((last, initials))
                        if initials.chars().all(|ch| ch.is_uppercase() || ch == '.') =>
                    {
                        Author {
                            name: n.to_string(),
                            last: Some(last.to_string()),
                            first: Some(initials.to_string()),
                        }
                    }
                    _ => author(n),
                })
                .collect();
        } else if let Some(a) = get(&["authors", "people"]) {
            c.authors = parse_authors(&a);
        }
    }
    c.title = get(&["title", "chapter", "script-title", "trans-title"]).map(|t| unquote(&t));
    c.date =
        get(&["date", "year", "publication-date"]).and_then(|d| citation_date(&d).map(|v| v.iso()));
    c.access_date = get(&["access-date", "accessdate", "access date"])
        .and_then(|d| citation_date(&d).map(|v| v.iso()));
    c.work = get(&[
        "website",
        "work",
        "newspaper",
        "journal",
        "magazine",
        "periodical",
        "encyclopedia",
        "series",
    ]);
    c.publisher = get(&["publisher", "agency", "institution"]);
    c.place = get(&["location", "place", "publication-place"]);
    c.url = get(&["url", "chapter-url"]);
    c.pages = get(&["pages", "page", "at"]);
    c.isbn = get(&["isbn", "isbn13"]);
    c.doi = get(&["doi"]);
    c
}
