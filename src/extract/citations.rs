//! Citations: the entries of bibliography-like sections, split into fields.
//!
//! Entries are written in many styles (APA, MLA, Chicago, the rendered
//! Wikipedia cite style). The parser peels off what is unambiguous wherever
//! it stands (URL, DOI, ISBN, pages, "Retrieved …"), then reads the rest in
//! the order these styles share: authors, date (often in parentheses),
//! title (quoted, or the first segment), then work, place and publisher.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::Context;
use crate::document::{BlockKind, Mark, MarkKind, Text};
use crate::model::{self, Author, Citation, CitationKind};
use crate::temporal;
use crate::text::one_line;

static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:https?://|www\.)[^\s<>\x22]+").expect("valid regex"));
static DOI: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bdoi:?\s*(10\.\d{4,9}/[^\s\x22<>]+)").expect("valid regex"));
static ISBN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bISBN(?:-1[03])?:?\s*((?:97[89][\s-]?)?(?:\d[\s-]?){9}[\dX])\b")
        .expect("valid regex")
});
static PAGES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[\s,(])(pp?\.?|pg\.|pgs\.|pages?|(?-i:S\.))\s*([0-9ivxlcdm]+(?:\s*[–—-]\s*[0-9ivxlcdm]+)?(?:(?:,|\s+and|\s*&)\s*\d{1,3}(?:\s*[–—-]\s*\d{1,3})?)*)\b")
        .expect("valid regex")
});
static RETRIEVED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:retrieved|accessed|archived|abgerufen|consulté)(?:\s+(?:on|am|le))?\s+(\d{4}-\d\d-\d\d|\d\d?\.\s*\p{L}+\s+\d{4}|[^.;()]+?\d{4})\b\.?")
        .expect("valid regex")
});
/// A journal's "12 (3): 45–60": volume, issue and pages.
static VOLUME_PAGES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b\d+\s*(?:\(\s*[\w–-]+\s*\))?\s*:\s*([0-9]+(?:\s*[–—-]\s*[0-9]+)?)\b")
        .expect("valid regex")
});
static QUOTED: LazyLock<Regex> = LazyLock::new(|| {
    // Single curly quotes close only before a space, a stop or the
    // end, so an apostrophe ("Alhazen’s") does not end the title.
    Regex::new(r#""([^"]+)"|“([^”]+)”|‘(.+?)’(?:[\s,.;:]|$)"#).expect("valid regex")
});
static PAREN_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(([^()]*\d{4}[a-z]?[^()]*)\)").expect("valid regex"));
static FORMAT_NOTES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*\((?:PDF|pdf|DOC|Excel|PowerPoint|[Ii]n [A-Z][a-z]+(?: and [A-Z][a-z]+)?|[Vv]ideo|[Aa]udio|[Pp]ress release)\)")
        .expect("valid regex")
});
static PLACE_PUBLISHER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^([A-Z][^:,]{1,40}(?:,\s*[A-Z][^:,]{1,25})?):\s*(.+?)(?:,\s*(?:c\.\s*)?\d{4}[a-z]?)?$",
    )
    .expect("valid regex")
});

/// Words that mark an author as an organisation rather than a person.
const ORG_WORDS: &[&str] = &[
    "ministry",
    "agency",
    "institute",
    "university",
    "council",
    "committee",
    "office",
    "department",
    "bank",
    "association",
    "organization",
    "organisation",
    "union",
    "foundation",
    "centre",
    "center",
    "service",
    "commission",
    "news",
    "press",
    "times",
    "reuters",
    "bbc",
    "corporation",
    "inc",
    "ltd",
    "group",
    "government",
    "society",
    "museum",
    "library",
    "nations",
    "world",
    "international",
    "company",
    "staff",
    "board",
    "bureau",
    "network",
    "project",
    "embassy",
    "party",
    "forces",
    "army",
    "navy",
    "journal",
    "post",
    "herald",
];

/// An empty citation of `kind`, fields to be filled.
pub fn empty(kind: CitationKind) -> Citation {
    Citation {
        kind,
        authors: Vec::new(),
        title: None,
        date: None,
        access_date: None,
        work: None,
        publisher: None,
        place: None,
        url: None,
        pages: None,
        isbn: None,
        doi: None,
        ref_name: None,
        raw: String::new(),
        section: Vec::new(),
        span: model::Span {
            start: 0,
            end: 0,
            line: 1,
            column: 1,
        },
        uses: Vec::new(),
    }
}

/// Removes the text of `m` from `rest` (replacing it by a separator so the
/// segments around it stay apart).
fn cut(rest: &mut String, range: std::ops::Range<usize>) {
    rest.replace_range(range, " ¦ ");
}

/// Parses one bibliography entry (as plain text on one line).
pub fn parse_entry(entry: &str) -> Citation {
    let mut c = empty(CitationKind::Bibliography);
    let mut rest = strip_backlinks(entry).to_string();
    // Format and language notes are not fields: "(PDF)", "(in Russian)".
    // Each regex runs only where its literal can be: most entries hold no
    // format note, page number or place of publication.
    let notes: Vec<_> = if rest.contains('(') {
        FORMAT_NOTES.find_iter(&rest).map(|m| m.range()).collect()
    } else {
        Vec::new()
    };
    for r in notes.into_iter().rev() {
        rest.replace_range(r, "");
    }

    if let Some(m) = rest.contains("10.").then(|| DOI.captures(&rest)).flatten() {
        c.doi = Some(trim_tail(&m[1]).to_string());
        let r = m.get(0).map(|g| g.range()).unwrap_or_default();
        cut(&mut rest, r);
    }
    if let Some(m) = (rest.contains("http") || rest.contains("www."))
        .then(|| URL.find(&rest))
        .flatten()
    {
        c.url = Some(trim_tail(m.as_str()).to_string());
        let r = m.range();
        cut(&mut rest, r);
    }
    if let Some(m) = (rest.contains("ISBN") || rest.contains("isbn"))
        .then(|| ISBN.captures(&rest))
        .flatten()
    {
        c.isbn = Some(m[1].trim().to_string());
        let r = m.get(0).map(|g| g.range()).unwrap_or_default();
        cut(&mut rest, r);
    }
    if let Some(m) = ["etrieved", "ccessed", "rchived", "bgerufen", "onsulté"]
        .iter()
        .any(|w| rest.contains(w))
        .then(|| RETRIEVED.captures(&rest))
        .flatten()
    {
        c.access_date = temporal::parse_date(&m[1]).map(|d| d.iso());
        let r = m.get(0).map(|g| g.range()).unwrap_or_default();
        cut(&mut rest, r);
    }
    if let Some(m) = has_page_marker(&rest)
        .then(|| PAGES.captures(&rest))
        .flatten()
    {
        c.pages = Some(m[2].to_string());
        let g = m.get(0).map(|g| g.range()).unwrap_or_default();
        cut(&mut rest, g);
    }
    if let Some(m) = (c.pages.is_none() && rest.contains("):"))
        .then(|| VOLUME_PAGES.captures(&rest))
        .flatten()
    {
        c.pages = Some(m[1].to_string());
        let g = m.get(0).map(|g| g.range()).unwrap_or_default();
        cut(&mut rest, g);
    }

    // Authors end where the date in parentheses or the quoted title begins.
    let quoted = QUOTED.captures(&rest).and_then(|m| {
        let g = m.get(0)?;
        let t = m.get(1).or_else(|| m.get(2)).or_else(|| m.get(3))?.as_str();
        // A field cut from inside the title ("[url Title, p. 7]") leaves
        // its mark at the end.
        let t = t.trim().trim_end_matches([',', '.', ' ', '¦']);
        Some((g.range(), t.to_string()))
    });
    let paren = PAREN_DATE.captures(&rest).and_then(|m| {
        let g = m.get(0)?;
        let d = citation_date(&m[1])?;
        Some((g.range(), d.iso()))
    });
    let boundary = [
        paren.as_ref().map(|(r, _)| r.start),
        quoted.as_ref().map(|(r, _)| r.start),
    ]
    .into_iter()
    .flatten()
    .min();

    let (mut author_part, after_authors) = match boundary {
        Some(b) => (rest[..b].to_string(), b),
        None => match first_segment_end(&rest) {
            Some(e) if looks_like_names(&rest[..e]) => (rest[..e].to_string(), e),
            _ => (String::new(), 0),
        },
    };
    if paren.is_none() {
        // Chicago's author-date style: "Sochen, June. 1972. \"Title\"".
        if let Some((names, year)) = trailing_year(&author_part) {
            c.date = Some(year.iso());
            author_part = names.to_string();
        }
    }
    c.authors = parse_authors(&author_part);

    let mut tail = rest[after_authors..].to_string();
    if let Some((_, d)) = &paren {
        c.date = Some(d.clone());
        if let Some(m) = PAREN_DATE.find(&tail) {
            let r = m.range();
            cut(&mut tail, r);
        }
    }
    if let Some((_, t)) = &quoted {
        c.title = Some(t.clone());
        if let Some(m) = QUOTED.find(&tail) {
            let r = m.range();
            tail.replace_range(r, " ¦ ");
        }
    }

    // What is left: segments separated by ". " or our cut marks.
    let mut segments: Vec<String> = split_segments(&tail);
    if c.date.is_none() {
        // A date standing alone as a segment or at the end of one (MLA,
        // Chicago: "Kyiv: Dukh i Litera, 2019").
        for seg in segments.iter_mut() {
            if let Some(d) = temporal::parse_date(seg) {
                c.date = Some(d.iso());
                seg.clear();
                break;
            }
            if let Some((head, last)) = seg.rsplit_once(", ") {
                if let Some(d) = temporal::parse_date(last) {
                    c.date = Some(d.iso());
                    *seg = head.to_string();
                    break;
                }
            }
        }
        segments.retain(|s| !s.is_empty());
    }
    let mut segments = segments.into_iter();
    if c.title.is_none() {
        c.title = segments.next();
    }
    for seg in segments {
        if let Some(m) = seg
            .contains(':')
            .then(|| PLACE_PUBLISHER.captures(&seg))
            .flatten()
        {
            if c.publisher.is_none() {
                c.place = Some(m[1].trim().to_string());
                c.publisher = Some(m[2].trim().to_string());
                continue;
            }
        }
        if c.work.is_none() && quoted.is_some() {
            // MLA's "Work, vol. 3, 2019": the work is before the first comma.
            let w = seg.split(", vol").next().unwrap_or(&seg).trim();
            c.work = Some(w.to_string());
        } else if c.publisher.is_none() {
            c.publisher = Some(seg);
        }
    }
    c
}

/// A year that closes an author list ("Sochen, June. 1972."): the names
/// before it and the year.
fn trailing_year(authors: &str) -> Option<(&str, temporal::DateVal)> {
    let t = authors.trim_end_matches([' ', '.', ',']);
    let (names, year) = t.rsplit_once(' ')?;
    let separated = names.ends_with(['.', ',']);
    if !separated || year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((names, temporal::parse_date(year)?))
}

/// Can [`PAGES`] match in `s`: is there a "p." or "pp" or "page" or "p 1"
/// or "pg.", in any case, or the German "S."?
fn has_page_marker(s: &str) -> bool {
    let b = s.as_bytes();
    b.windows(2).enumerate().any(|(i, w)| {
        // The German "S. 12", not the end of "U.S.".
        (w == b"S."
            && (i == 0 || b[i - 1] == b' ')
            && b.get(i + 2..i + 4)
                .is_some_and(|n| n[0] == b' ' && n[1].is_ascii_digit()))
            || w[0].eq_ignore_ascii_case(&b'p')
                && (w[1] == b'.'
                    || w[1].eq_ignore_ascii_case(&b'p')
                    || (w[1] == b' ' && b.get(i + 2).is_some_and(u8::is_ascii_digit))
                    || (w[1] == b'g' && matches!(b.get(i + 2), Some(b'.' | b's')))
                    || b.get(i..i + 4)
                        .is_some_and(|p| p.eq_ignore_ascii_case(b"page")))
    })
}

/// A date as citations write it: "2019", "2019a" (a second work of the
/// year), "12 May 2024", or APA's "2019, May 3".
fn citation_date(s: &str) -> Option<temporal::DateVal> {
    let s = s.trim();
    // ISO year-month, which prose does not use but citation templates do.
    if let Some((y, m)) = s.split_once('-') {
        if y.len() == 4 && m.len() == 2 && y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
            let month: u8 = m.parse().ok()?;
            return (1..=12).contains(&month).then(|| temporal::DateVal {
                year: y.parse().ok(),
                month: Some(month),
                day: None,
                precision: crate::model::Precision::Month,
            });
        }
    }
    if let Some((year, rest)) = s.split_once(',') {
        if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) {
            if let Some(d) = temporal::parse_date(&format!("{} {year}", rest.trim())) {
                return Some(d);
            }
        }
    }
    temporal::parse_date(s.trim_end_matches(char::is_alphabetic))
}

/// Drops the back-link marks of references copied from a rendered page:
/// "^", "↑", and the "a b c" letters of a reference cited several times.
fn strip_backlinks(entry: &str) -> &str {
    let mut s = entry.trim_start();
    let Some(rest) = s.strip_prefix('^').or_else(|| s.strip_prefix('↑')) else {
        return s;
    };
    s = rest.trim_start();
    // "a b c": single lowercase letters, each followed by a space.
    while let [b, b' ', ..] = s.as_bytes() {
        if !b.is_ascii_lowercase() {
            break;
        }
        s = &s[2..];
    }
    s.trim_start()
}

/// Drops punctuation that ends a sentence rather than a URL or DOI.
fn trim_tail(s: &str) -> &str {
    s.trim_end_matches(['.', ',', ';', ')', ']', '\''])
}

/// Byte offset of the first ". " that is not after an initial.
fn first_segment_end(s: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = s[from..].find(". ").map(|i| i + from) {
        let before = s[..i].rsplit([' ', ',', '.']).next().unwrap_or("");
        if before.chars().count() > 1 || before.is_empty() {
            return Some(i + 1);
        }
        from = i + 2;
    }
    None
}

/// Does this read as a list of personal or organisation names?
fn looks_like_names(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty()
        && s.len() <= 160
        && !s.chars().any(|c| c.is_ascii_digit())
        && (s.contains(',') || s.split_whitespace().count() <= 4)
}

/// Splits what follows the title into segments at ". ", `¦` marks and
/// sentence-like breaks, dropping empty ones.
fn split_segments(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for chunk in s.split('¦') {
        let mut start = 0;
        let chunk = chunk.trim();
        let mut from = 0;
        while let Some(i) = chunk[from..].find(". ").map(|i| i + from) {
            let before = chunk[..i].rsplit([' ', '.']).next().unwrap_or("");
            if before.chars().count() > 1
                && !matches!(before, "vol" | "ed" | "eds" | "no" | "Vol" | "No" | "Ed")
            {
                out.push(chunk[start..i].to_string());
                start = i + 2;
            }
            from = i + 2;
        }
        out.push(chunk[start..].to_string());
    }
    out.into_iter()
        .map(|s| {
            s.trim()
                .trim_matches(|c: char| c == '.' || c == ',' || c == ';' || c.is_whitespace())
                .to_string()
        })
        // Volume and issue numbers ("14 (2):") are not a work or publisher;
        // a year alone ("''The Bazooka.'' 2012, S. 29") is the date.
        .filter(|s| s.chars().any(char::is_alphabetic) || temporal::parse_date(s).is_some())
        .collect()
}

/// Splits an author list: `Last, First; Last, First`, `Last, F., & Last,
/// F.`, `Last, First, and First Last`, `Organisation`.
pub fn parse_authors(s: &str) -> Vec<Author> {
    let mut s = s.trim().trim_end_matches([',', ';', ':']).trim();
    // Drop a final full stop, but not the one of an initial ("Wilson, A.").
    if let Some(body) = s.strip_suffix('.') {
        let last = body.rsplit([' ', ',', '.']).next().unwrap_or("");
        if last.chars().count() != 1 {
            s = body;
        }
    }
    let s = s.trim().trim_end_matches(" et al").trim();
    if s.is_empty() {
        return Vec::new();
    }
    let mut names: Vec<String> = Vec::new();
    for part in s.split(';') {
        let part = part.trim();
        // "A, and B" / "A and B" / "A & B"
        let pieces: Vec<&str> = part
            .split(" & ")
            .flat_map(|p| p.split(", and "))
            .flat_map(|p| p.split(" and "))
            .collect();
        for p in pieces {
            let p = p.trim().trim_matches(',').trim();
            if p.is_empty() {
                continue;
            }
            // "Smith, J., Doe, A." → pairs of (Last, Initials).
            let commas: Vec<&str> = p.split(", ").collect();
            if commas.len() >= 4 && commas.len() % 2 == 0 {
                for pair in commas.chunks(2) {
                    names.push(format!("{}, {}", pair[0], pair[1]));
                }
            } else {
                names.push(p.to_string());
            }
        }
    }
    names.into_iter().map(|n| author(&n)).collect()
}

/// One author name, split into last and first where it is a person.
pub fn author(name: &str) -> Author {
    let name = name.trim().trim_end_matches(',').trim();
    let lower = name.to_lowercase();
    let is_org = lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| ORG_WORDS.contains(&w))
        || (name.len() > 1 && name.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()))
        || name.split_whitespace().count() > 4;
    if is_org {
        return Author {
            name: name.to_string(),
            last: None,
            first: None,
        };
    }
    if let Some((last, first)) = name.split_once(',') {
        return Author {
            name: name.to_string(),
            last: Some(last.trim().to_string()),
            first: Some(first.trim().to_string()).filter(|f| !f.is_empty()),
        };
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.as_slice() {
        [] => Author {
            name: String::new(),
            last: None,
            first: None,
        },
        [one] => Author {
            name: name.to_string(),
            last: Some(one.to_string()),
            first: None,
        },
        [init @ .., last] => Author {
            name: name.to_string(),
            last: Some(last.to_string()),
            first: Some(init.join(" ")),
        },
    }
}

/// Every citation of the document in document order: bibliography entries
/// (list items of bibliography-like sections, read from their `{{cite}}`
/// template where they have one) and `<ref>`s. A named ref defined once and
/// reused is one citation whose `uses` lists every reuse; `{{sfn}}` short
/// footnotes become uses of the bibliography entry they point to.
///
/// Also returns, for each ref tag and each sfn of the document, the index
/// of its citation, so records can cite by position.
pub fn all(ctx: &Context<'_, '_>) -> Citations {
    let doc = ctx.doc;
    let mut out: Vec<Citation> = Vec::new();
    // Bibliography entries, with cite templates where present.
    for (i, b) in doc.blocks.iter().enumerate() {
        if !ctx.in_citation_section(i) {
            continue;
        }
        let BlockKind::ListItem { text, .. } = &b.kind else {
            continue;
        };
        let cite = cite_within(&doc.cites, text.span);
        let mut c = match cite {
            Some(t) => from_template(&t.params),
            None => hand_written(text, ctx.doc.source),
        };
        c.kind = CitationKind::Bibliography;
        c.raw = ctx.source(text.span).to_string();
        c.section = ctx.path(i);
        c.span = ctx.span(text.span);
        out.push(c);
    }
    let by_author_year = sfn_targets(&out);
    // Short citations in document order, to find those inside a ref.
    let mut sfn_starts: Vec<(usize, usize)> = doc
        .sfns
        .iter()
        .enumerate()
        .map(|(i, s)| (s.span.start, i))
        .collect();
    sfn_starts.sort_unstable();
    // Refs: definitions become citations, reuses become uses.
    let mut ref_citation = vec![None; doc.refs.len()];
    // Hashed: an article may hold tens of thousands of named refs.
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let mut pending_uses: Vec<(usize, String)> = Vec::new();
    for (k, r) in doc.refs.iter().enumerate() {
        let key = r
            .name
            .as_ref()
            .map(|n| format!("{}\u{0}{n}", r.group.as_deref().unwrap_or("")));
        if let Some(key) = &key {
            if let Some(&idx) = by_name.get(key) {
                out[idx].uses.push(ctx.span(r.span));
                ref_citation[k] = Some(idx);
                continue;
            }
        }
        let Some(content) = r.content else {
            if let Some(key) = key {
                pending_uses.push((k, key));
            }
            continue;
        };
        let cite = cite_within(&doc.cites, content);
        // `<ref>{{harvnb|Lind|2001|pp=30–31}}</ref>`: a short citation and
        // nothing else to read; the ref reads as the bibliography entry it
        // points to, at its own pages.
        let short = (cite.is_none()
            && r.text
                .as_str()
                .chars()
                .filter(|c| c.is_alphabetic())
                .count()
                <= 3)
            .then(|| {
                let first = sfn_starts.partition_point(|&(at, _)| at < content.start);
                let &(at, i) = sfn_starts.get(first)?;
                (at < content.end).then_some(&doc.sfns[i])
            })
            .flatten()
            .and_then(|s| Some((sfn_target(&by_author_year, s)?, s)));
        let mut c = match cite {
            None if short.is_some() => {
                let (idx, s) = short.expect("checked");
                let mut c = out[idx].clone();
                c.uses.clear();
                c.pages = s.pages.clone().or(c.pages);
                c
            }
            Some(t) => from_template(&t.params),
            None => hand_written(&r.text, ctx.doc.source),
        };
        c.kind = CitationKind::Ref;
        c.ref_name = r.name.clone();
        c.raw = ctx.source(r.span).to_string();
        c.section = section_at(ctx, r.span.start);
        c.span = ctx.span(r.span);
        out.push(c);
        let idx = out.len() - 1;
        ref_citation[k] = Some(idx);
        if let Some(key) = key {
            by_name.insert(key, idx);
        }
    }
    // Reuses that came before their definition (list-defined references).
    for (k, key) in pending_uses {
        if let Some(&idx) = by_name.get(&key) {
            let span = ctx.span(doc.refs[k].span);
            out[idx].uses.push(span);
            ref_citation[k] = Some(idx);
        }
    }
    let sfn_citation: Vec<Option<usize>> = doc
        .sfns
        .iter()
        .map(|s| {
            let idx = sfn_target(&by_author_year, s)?;
            out[idx].uses.push(ctx.span(s.span));
            Some(idx)
        })
        .collect();
    // Document order, with the index maps following the move.
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by_key(|&i| (out[i].span.start, out[i].span.end));
    let mut new_index = vec![0; out.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let mut slots: Vec<Option<Citation>> = out.into_iter().map(Some).collect();
    let list = order.iter().filter_map(|&i| slots[i].take()).collect();
    Citations {
        list,
        ref_citation: ref_citation
            .into_iter()
            .map(|o| o.map(|i| new_index[i]))
            .collect(),
        sfn_citation: sfn_citation
            .into_iter()
            .map(|o| o.map(|i| new_index[i]))
            .collect(),
    }
}

/// `{{sfn|Last|Year}}` targets: (lowercase last name, date prefix of up to
/// [`SFN_YEAR_BYTES`] bytes, or none) → the first bibliography entry with
/// that author and date. A map, so ten thousand footnotes stay linear.
type SfnTargets = HashMap<(String, Option<String>), usize>;

fn sfn_targets(out: &[Citation]) -> SfnTargets {
    let mut by_author_year = SfnTargets::new();
    for (idx, c) in out.iter().enumerate() {
        if c.kind != CitationKind::Bibliography {
            continue;
        }
        for x in &c.authors {
            let last = x.last.as_deref().unwrap_or(&x.name).to_ascii_lowercase();
            let prefixes = c
                .date
                .as_deref()
                .map(|d| (0..=SFN_YEAR_BYTES).filter_map(move |k| d.get(..k)));
            for p in std::iter::once(None)
                .chain(prefixes.into_iter().flatten().map(|p| Some(p.to_string())))
            {
                by_author_year.entry((last.clone(), p)).or_insert(idx);
            }
        }
    }
    by_author_year
}

/// The bibliography entry a short citation points to: the first with its
/// first author and a date starting with its year.
fn sfn_target(targets: &SfnTargets, s: &crate::document::Sfn) -> Option<usize> {
    let last = s.authors.first()?.trim().to_ascii_lowercase();
    let year = s
        .year
        .as_deref()
        .map(|y| y[..crate::text::floor_char_boundary(y, SFN_YEAR_BYTES.min(y.len()))].to_string());
    targets.get(&(last, year)).copied()
}

/// A hand-written ref usually opens with `[url Title]`: the link's mark
/// gives the URL, and its text is the title (what follows it, up to a
/// comma, the work).
fn use_external_link(c: &mut Citation, text: &Text<'_>, src: &str) {
    let Some((url, shown)) = text.marks.iter().find_map(|m| match m.kind {
        MarkKind::ExternalLink { url } => Some((url, &text.as_str()[m.range.clone()])),
        _ => None,
    }) else {
        return;
    };
    if c.url.is_none() {
        c.url = Some(src[url].to_string());
    }
    let shown = one_line(&unquote(shown));
    let Some(title) = c.title.take() else {
        c.title = (!shown.is_empty()).then_some(shown);
        return;
    };
    match title.strip_prefix(shown.as_str()) {
        Some(rest) if !shown.is_empty() => {
            let rest = rest.trim_start_matches([',', '.', ' ']).trim();
            if let Some(d) = temporal::parse_date(rest) {
                // "[url Title] 22 September 2008": a date, not a work.
                c.date.get_or_insert_with(|| d.iso());
            } else if c.work.is_none() && !rest.is_empty() {
                c.work = Some(rest.to_string());
            }
            c.title = Some(shown);
        }
        _ => c.title = Some(title),
    }
}

/// A citation written by hand, not with a template: its rendered text
/// parsed as a bibliography entry, with the title its marks show and the
/// URL of its external link.
fn hand_written(text: &Text<'_>, src: &str) -> Citation {
    let (entry, mark) = mark_title(text);
    let mut c = parse_entry(&entry);
    if mark == Some(TitleMark::Italic) && c.place.is_some() {
        // A book with its "Place: Publisher": what is left after them is
        // a note ("Reissued 1988"), not a journal; `raw` keeps it.
        c.work = None;
    } else if mark == Some(TitleMark::Italic) && c.work.is_some() {
        // After a book's title comes its publisher
        // ("''Storming the Barricades'', Gambit Publications"), where after
        // an article's comes its journal; what follows the publisher is
        // where the book was found. A "Place: Publisher" already read
        // stands.
        std::mem::swap(&mut c.publisher, &mut c.work);
    }
    use_external_link(&mut c, text, src);
    c
}

/// A hand-written ref's rendered text on one line, with the title its
/// wikitext marks put in quotation marks so that [`parse_entry`] reads it
/// as the title, as it reads a quoted one: the text of its external link
/// ("[url CNE – About Us], Canadian National Exhibition (2006)"), else
/// its first italic run ("Mayo: ''The Ordnance Department.'' 1968"),
/// whichever comes first. Left alone where the ref already quotes
/// something.
fn mark_title(text: &Text<'_>) -> (String, Option<TitleMark>) {
    let rendered = text.as_str();
    let unmarked = || (one_line(rendered), None);
    // Double quotes mark a title already; single ones may sit inside the
    // marked title ("[url Elizabeth Gilbert’s ‘Big Magic’]"), and the
    // double quotes put around it come first.
    if rendered.contains(['"', '“', '”']) {
        return unmarked();
    }
    let shown = |m: &Mark| &rendered[m.range.clone()];
    let link = text
        .marks
        .iter()
        .find(|m| matches!(m.kind, MarkKind::ExternalLink { .. }))
        // "[url dtic.mil]" names the site, not the work.
        .filter(|m| {
            let t = shown(m).trim();
            let site = t.contains('.') && !t.contains(char::is_whitespace);
            !t.is_empty() && !site
        })
        .map(|m| (m, TitleMark::Link));
    // An italic run stands as a title unless it is one word that a
    // capitalised word after it continues into a name ("Maclean, ''Sir''
    // John (1870)").
    let italic = text
        .marks
        .iter()
        .filter(|m| m.kind == MarkKind::Italic && !shown(m).trim().is_empty())
        .find(|m| {
            let one_word = !shown(m).trim().contains(char::is_whitespace);
            let after = &rendered[m.range.end..];
            !(one_word
                && after.starts_with(' ')
                && after.trim_start().starts_with(char::is_uppercase))
        })
        .map(|m| (m, TitleMark::Italic));
    // Italics first: where both start at one place, an italic link is a
    // book's title ("''[url The Collection]''").
    let Some((m, mark)) = [italic, link]
        .into_iter()
        .flatten()
        .min_by_key(|(m, _)| m.range.start)
    else {
        return unmarked();
    };
    let title = shown(m);
    let core = title.trim().trim_end_matches([',', '.']);
    if core.is_empty() || core.contains(['[', '{', '<', '|']) {
        return unmarked();
    }
    let i = m.range.start + (title.len() - title.trim_start().len());
    let (before, after) = (&rendered[..i], &rendered[i + core.len()..]);
    let (words_before, words_after) = (trim_to_words(before), trim_to_words(after));
    // A title follows at most a few names ("Rottman: ''The Bazooka.''"),
    // not prose ("… notes the ''Book of Optics''"), and leaves something
    // to read as the rest of the entry.
    let names_before = words_before.split_whitespace().count() <= 8
        && words_before.split_whitespace().all(|w| {
            let w = w.trim_matches(|c: char| matches!(c, ',' | ':' | ';' | '.'));
            w.is_empty()
                || w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '(')
                || NAME_PARTICLES.contains(&w)
        });
    if !names_before || words_after.is_empty() && words_before.is_empty() {
        return unmarked();
    }
    (one_line(&format!("{before}\"{core}\"{after}")), Some(mark))
}

/// The lowercase words that names and their roles hold ("Department of
/// the Army", "Green u. a.", "Williamson, ed."), as they stand before a
/// hand-written ref's title.
const NAME_PARTICLES: &[&str] = &[
    "of", "the", "and", "&", "van", "von", "der", "den", "de", "du", "da", "la", "le", "y", "u",
    "a", "et", "al", "ed", "eds", "hrsg", "dir",
];

/// `s` without the punctuation and space at its ends (an opening
/// parenthesis stays: "(2006)").
fn trim_to_words(s: &str) -> &str {
    s.trim_matches(|c: char| !c.is_alphanumeric() && c != '(')
}

/// Which wikitext mark showed a hand-written ref's title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TitleMark {
    /// The text of its external link.
    Link,
    /// Its first italic run.
    Italic,
}

/// How much of an `{{sfn}}` year must begin the entry's date: "2019a"
/// matches 2019.
const SFN_YEAR_BYTES: usize = 4;

/// The first citation template inside `span` (templates are sorted by
/// start, so a binary search finds it).
fn cite_within(
    cites: &[crate::document::CiteTemplate],
    span: crate::span::Span,
) -> Option<&crate::document::CiteTemplate> {
    let i = cites.partition_point(|c| c.span.start < span.start);
    cites.get(i).filter(|c| span.contains(c.span))
}

/// A title without the quotation marks some editors type around it
/// (`title="Acme profits"`): the contract's titles carry none.
fn unquote(t: &str) -> String {
    let t = t.trim();
    for (open, close) in [('"', '"'), ('“', '”'), ('\'', '\''), ('‘', '’')] {
        if let Some(inner) = t.strip_prefix(open).and_then(|r| r.strip_suffix(close)) {
            if !inner.is_empty() && !inner.contains([open, close]) {
                return inner.trim().to_string();
            }
        }
    }
    t.to_string()
}

/// The citations and, per ref tag and sfn, the citation each points to.
pub struct Citations {
    pub list: Vec<Citation>,
    pub ref_citation: Vec<Option<usize>>,
    pub sfn_citation: Vec<Option<usize>>,
}

/// The section path at source offset `at`.
fn section_at(ctx: &Context<'_, '_>, at: usize) -> Vec<String> {
    let i = ctx.doc.blocks.partition_point(|b| b.span.start <= at);
    i.checked_sub(1).map_or_else(Vec::new, |b| ctx.path(b))
}

/// `last12` → ("last", Some(12)); `author-last3` → ("author-last", Some(3));
/// `author3-last` → ("author-last", Some(3)); `title` → ("title", None).
fn split_number(key: &str) -> (&str, Option<usize>) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn names(c: &Citation) -> Vec<(Option<&str>, Option<&str>)> {
        c.authors
            .iter()
            .map(|a| (a.last.as_deref(), a.first.as_deref()))
            .collect()
    }

    #[test]
    fn rendered_wikipedia_style() {
        let c = parse_entry(
            "Wertz, Daniel; Oh, JJ (2016). \"DPRK Diplomatic Relations\". NCNK. National Committee on North Korea. Retrieved 12 May 2024. https://www.ncnk.org/x.pdf",
        );
        assert_eq!(
            names(&c),
            [(Some("Wertz"), Some("Daniel")), (Some("Oh"), Some("JJ"))]
        );
        assert_eq!(c.title.as_deref(), Some("DPRK Diplomatic Relations"));
        assert_eq!(c.date.as_deref(), Some("2016"));
        assert_eq!(c.access_date.as_deref(), Some("2024-05-12"));
        assert_eq!(c.url.as_deref(), Some("https://www.ncnk.org/x.pdf"));
        assert_eq!(c.work.as_deref(), Some("NCNK"));
        assert_eq!(
            c.publisher.as_deref(),
            Some("National Committee on North Korea")
        );
    }

    #[test]
    fn seed_style_author_and_title() {
        let c = parse_entry("Wertz, Daniel. \"DPRK Diplomatic Relations\"");
        assert_eq!(names(&c), [(Some("Wertz"), Some("Daniel"))]);
        assert_eq!(c.title.as_deref(), Some("DPRK Diplomatic Relations"));
        assert_eq!(c.date, None);
    }

    #[test]
    fn apa_book_with_place_and_pages() {
        let c = parse_entry(
            "Kuzio, T., & Wilson, A. (1994). Ukraine: Perestroika to independence. Kyiv: Dukh i Litera. pp. 112–130. ISBN 978-0-333-60390-6",
        );
        assert_eq!(
            names(&c),
            [(Some("Kuzio"), Some("T.")), (Some("Wilson"), Some("A."))]
        );
        assert_eq!(c.date.as_deref(), Some("1994"));
        assert_eq!(
            c.title.as_deref(),
            Some("Ukraine: Perestroika to independence")
        );
        assert_eq!(c.place.as_deref(), Some("Kyiv"));
        assert_eq!(c.publisher.as_deref(), Some("Dukh i Litera"));
        assert_eq!(c.pages.as_deref(), Some("112–130"));
        assert_eq!(c.isbn.as_deref(), Some("978-0-333-60390-6"));
    }

    #[test]
    fn chicago_book() {
        let c = parse_entry(
            "Lankov, Andrei. The Real North Korea. Oxford: Oxford University Press, 2013.",
        );
        assert_eq!(names(&c), [(Some("Lankov"), Some("Andrei"))]);
        assert_eq!(c.title.as_deref(), Some("The Real North Korea"));
        assert_eq!(c.place.as_deref(), Some("Oxford"));
        assert_eq!(c.publisher.as_deref(), Some("Oxford University Press"));
        assert_eq!(c.date.as_deref(), Some("2013"));
    }

    #[test]
    fn mla_article() {
        let c = parse_entry(
            "Smith, John, and Jane Doe. \"Trade in Asia.\" Journal of Trade, vol. 3, 2019, pp. 1-10. doi:10.1000/xyz123.",
        );
        assert_eq!(
            names(&c),
            [(Some("Smith"), Some("John")), (Some("Doe"), Some("Jane"))]
        );
        assert_eq!(c.title.as_deref(), Some("Trade in Asia"));
        assert_eq!(c.work.as_deref(), Some("Journal of Trade"));
        assert_eq!(c.pages.as_deref(), Some("1-10"));
        assert_eq!(c.doi.as_deref(), Some("10.1000/xyz123"));
        assert_eq!(c.date.as_deref(), Some("2019"));
    }

    #[test]
    fn template_dates() {
        let p = |k: &str, v: &str| (k.to_string(), v.to_string());
        let c = from_template(&[
            p("date", "2016-08"),
            p("access-date", "2024-05-12"),
            p("last", "Wertz"),
            p("first", "Daniel"),
        ]);
        assert_eq!(c.date.as_deref(), Some("2016-08"));
        assert_eq!(c.access_date.as_deref(), Some("2024-05-12"));
        let c = from_template(&[p("date", "May 3, 2019"), p("author", "Reuters Staff")]);
        assert_eq!(c.date.as_deref(), Some("2019-05-03"));
        assert_eq!(c.authors[0].name, "Reuters Staff");
    }

    #[test]
    fn template_authors() {
        let p = |k: &str, v: &str| (k.to_string(), v.to_string());
        let c = from_template(&[
            p("last1", "Yoon"),
            p("first1", "Min"),
            p("last2", "Park"),
            p("first2", "Ji"),
            p("author3", "Reuters Staff"),
        ]);
        let names: Vec<&str> = c.authors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["Yoon, Min", "Park, Ji", "Reuters Staff"]);
        let v = from_template(&[p("vauthors", "Smith JA, Jones B")]);
        assert_eq!(v.authors[0].last.as_deref(), Some("Smith"));
        assert_eq!(v.authors[1].first.as_deref(), Some("B"));
        assert_eq!(split_number("author2-last"), ("author-last", Some(2)));
        assert_eq!(split_number("access-date"), ("access-date", None));
    }

    #[test]
    fn rendered_reference_list_entries() {
        let c = parse_entry(
            "^ Wertz, Daniel. \"DPRK Diplomatic Relations\" (PDF). NCNK. Retrieved 12 May 2024.",
        );
        assert_eq!(names(&c), [(Some("Wertz"), Some("Daniel"))]);
        assert_eq!(c.work.as_deref(), Some("NCNK"));
        let c = parse_entry(
            "^ a b c \"North Korea recognises Crimea\". BBC News. 12 March 2017. Retrieved 3 April 2017.",
        );
        assert!(c.authors.is_empty());
        assert_eq!(c.title.as_deref(), Some("North Korea recognises Crimea"));
        assert_eq!(c.work.as_deref(), Some("BBC News"));
        assert_eq!(c.date.as_deref(), Some("2017-03-12"));
        let c = parse_entry("↑ Smith, John (2020). \"Trade report\" (in Russian). Kommersant.");
        assert_eq!(names(&c), [(Some("Smith"), Some("John"))]);
        assert_eq!(c.work.as_deref(), Some("Kommersant"));
    }

    #[test]
    fn apa_web_date() {
        let c = parse_entry(
            "Smith, J. (2019, May 3). Title of the article. The Guardian. https://www.theguardian.com/x",
        );
        assert_eq!(names(&c), [(Some("Smith"), Some("J."))]);
        assert_eq!(c.date.as_deref(), Some("2019-05-03"));
        assert_eq!(c.title.as_deref(), Some("Title of the article"));
        assert_eq!(c.url.as_deref(), Some("https://www.theguardian.com/x"));
    }

    #[test]
    fn organisation_author() {
        let c = parse_entry(
            "Ministry of Foreign Affairs of Ukraine (2020). \"Relations with the DPRK\".",
        );
        assert_eq!(c.authors.len(), 1);
        assert_eq!(c.authors[0].last, None);
        assert_eq!(c.authors[0].name, "Ministry of Foreign Affairs of Ukraine");
    }

    /// Wikitext through the whole pipeline, for the linking rules.
    fn wiki(src: &str) -> model::Article {
        let config = crate::Config {
            dialect: Some(crate::Dialect::Wikitext),
            ..crate::Config::default()
        };
        crate::process_article(src, &config)
    }

    #[test]
    fn hand_written_refs_keep_their_link() {
        let a = wiki(
            "Gamma.<ref>[http://example.com/page Example page], ''The Daily'', retrieved 5 May 2020.</ref>\n",
        );
        let c = &a.citations[0];
        assert_eq!(c.url.as_deref(), Some("http://example.com/page"));
        assert_eq!(c.title.as_deref(), Some("Example page"));
        assert_eq!(c.work.as_deref(), Some("The Daily"));
        assert_eq!(c.access_date.as_deref(), Some("2020-05-05"));
        let b = wiki("Bare.<ref>[https://x.org/a]</ref>\n");
        assert_eq!(b.citations[0].url.as_deref(), Some("https://x.org/a"));
        assert_eq!(b.citations[0].title, None);
    }

    #[test]
    fn hand_written_refs_read_their_marked_title() {
        let fields = |src: &str| {
            let a = wiki(&format!("Text.<ref>{src}</ref>\n"));
            let c = a.citations[0].clone();
            let authors: Vec<String> = c.authors.iter().map(|a| a.name.clone()).collect();
            (
                authors,
                c.title,
                c.date,
                c.access_date,
                c.work,
                c.publisher,
                c.pages,
            )
        };
        let s = |v: &str| Some(v.to_string());
        // The link's text is the title, even after a comma and a year.
        assert_eq!(
            fields(
                "[http://x.ca/cne CNE – About Us], [[Canadian National Exhibition]] (2006). Retrieved 2006-12-29."
            ),
            (
                vec![],
                s("CNE – About Us"),
                s("2006"),
                s("2006-12-29"),
                s("Canadian National Exhibition"),
                None,
                None
            )
        );
        // An italic title after a few names; a book's publisher follows.
        assert_eq!(
            fields(
                "Larry Christiansen, ''Storming the Barricades'', Gambit Publications, 2000, p. 154."
            ),
            (
                vec!["Larry Christiansen".to_string()],
                s("Storming the Barricades"),
                s("2000"),
                None,
                None,
                s("Gambit Publications"),
                s("154")
            )
        );
        // German: "S." marks pages, "abgerufen am" the access date.
        let (authors, title, date, _, _, _, pages) =
            fields("Rottman: ''The Bazooka.'' 2012, S. 29–30.");
        assert_eq!(
            (authors, title, date, pages),
            (
                vec!["Rottman".to_string()],
                s("The Bazooka"),
                s("2012"),
                s("29–30")
            )
        );
        assert_eq!(
            fields("Alexis Deveria: [http://caniuse.com Can I use], abgerufen am 24. Januar 2015.")
                .3,
            s("2015-01-24")
        );
        // Italics inside prose are not a title; a link naming a site is not
        // one either.
        assert_ne!(
            fields("Grant notes the ''Book of Optics'' has other names.").1,
            s("Book of Optics")
        );
        assert_eq!(
            fields("Kennedy: ''History of the Shaped Charge Effect.'' 1983 [http://www.dtic.mil/a.pdf dtic.mil]").1,
            s("History of the Shaped Charge Effect")
        );
        assert_eq!(fields("Shaw, pg. 40").6, s("40"));
        // The marks are the renderer's: a title that continues with a
        // capitalised word or a link is still the title, an entity in the
        // link's text is decoded, a linked italic title is read, and a
        // year that closes the names is the date.
        let (authors, title, ..) =
            fields("Carl Smith: ''US Paratrooper 1941–1945.'' Osprey Publishing, 2000, S. 63");
        assert_eq!(
            (authors, title),
            (
                vec!["Carl Smith".to_string()],
                s("US Paratrooper 1941–1945")
            )
        );
        assert_eq!(
            fields("[http://x.uk/a.pdf Fact sheet&nbsp;– gov.uk], Ministry of Justice").1,
            s("Fact sheet – gov.uk")
        );
        let (authors, title, ..) = fields(
            "[[Caro, Robert A.]] ''[[The Years of Lyndon Johnson]]''. New York: Knopf, 2002.",
        );
        assert_eq!(
            (authors, title),
            (
                vec!["Caro, Robert A.".to_string()],
                s("The Years of Lyndon Johnson")
            )
        );
        let (authors, title, date, ..) =
            fields("Sochen, June. 1972. ''The New Woman.'' New York: Quadrangle.");
        assert_eq!(
            (authors, title, date),
            (
                vec!["Sochen, June".to_string()],
                s("The New Woman"),
                s("1972")
            )
        );
        // Single curly quotes: an apostrophe inside does not close them.
        assert_eq!(
            fields("Smith, J. (2001) ‘Alhazen’s problem’, Optics Review.").1,
            s("Alhazen’s problem")
        );
        assert_eq!(
            fields("Reese, Jennifer [http://wp.example/a ‘Big Magic’: Gilbert’s advice] Washington Post").1,
            s("‘Big Magic’: Gilbert’s advice")
        );
        // Bibliography entries read their marks the same way; an italic
        // word inside a name is not the title.
        let a = wiki(
            "Text.\n==Bibliography==\n* [[April Carter|Carter, April]], ''The Political Theory of Anarchism'', Harper & Row. 1971.\n* Maclean, ''Sir'' John (1870) ''Parochial History''. London: Nichols. Reissued 1990.\n",
        );
        let got: Vec<_> = a
            .citations
            .iter()
            .map(|c| {
                (
                    c.title.clone(),
                    c.publisher.clone(),
                    c.date.clone(),
                    c.work.clone(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    s("The Political Theory of Anarchism"),
                    s("Harper & Row"),
                    s("1971"),
                    None
                ),
                (s("Parochial History"), s("Nichols"), s("1870"), None),
            ]
        );
        // A quote inside the link's text stays.
        assert_eq!(
            fields("[http://bbc.co.uk/7 \"Ancient skeleton was 'even older'\"]. [[BBC News]]. 30 October 2007.").1,
            s("Ancient skeleton was 'even older'")
        );
    }

    #[test]
    fn template_titles_lose_typed_quotes() {
        assert_eq!(unquote("\"Acme profits\""), "Acme profits");
        assert_eq!(unquote("“Acme”"), "Acme");
        assert_eq!(unquote("\"A\" and \"B\""), "\"A\" and \"B\"");
        assert_eq!(unquote("Plain"), "Plain");
        assert_eq!(unquote("\""), "\"");
    }

    #[test]
    fn sfn_links_by_author_and_year_prefix() {
        let a = wiki(
            "A claim.{{sfn|Smith|2019a}} Another.{{sfn|smith|1990}} Third.{{sfn|Jones}}\n\
             ==Bibliography==\n\
             * {{cite book|last=Smith|title=Early|year=1990}}\n\
             * {{cite book|last=Smith|title=Later|year=2019}}\n\
             * {{cite book|last1=Brown|last2=Jones|title=Joint|date=5 May 2001}}\n",
        );
        let title = |i: usize| a.citations[i].title.as_deref();
        let uses = |i: usize| a.citations[i].uses.len();
        assert_eq!(title(1), Some("Later"));
        assert_eq!(uses(1), 1, "2019a matches 2019");
        assert_eq!(uses(0), 1, "case-insensitive author, exact year");
        assert_eq!(title(2), Some("Joint"));
        assert_eq!(uses(2), 1, "any author of the entry, no year given");
    }

    #[test]
    fn a_ref_holding_a_short_citation_reads_as_its_entry() {
        let a = wiki(
            "A claim.<ref>{{harvnb|Lind|2001|pp=30–31}}.</ref> More.<ref>{{harvnb|Nobody|1900}}</ref>\n\
             ==Sources==\n\
             * {{cite book|last=Lind|first=Anna|title=My Husband|year=2001|publisher=Norstedts}}\n",
        );
        // Every <ref> stays a ref citation of its own.
        let refs: Vec<_> = a
            .citations
            .iter()
            .filter(|c| c.kind == CitationKind::Ref)
            .collect();
        assert_eq!(refs.len(), 2);
        assert_eq!(refs[0].title.as_deref(), Some("My Husband"));
        assert_eq!(refs[0].publisher.as_deref(), Some("Norstedts"));
        assert_eq!(refs[0].pages.as_deref(), Some("30–31"));
        assert_eq!(refs[1].title, None, "no entry to point to");
        let entry = a
            .citations
            .iter()
            .find(|c| c.kind == CitationKind::Bibliography)
            .expect("entry");
        assert_eq!(entry.uses.len(), 1, "the harvnb is a use of its entry");
    }

    #[test]
    fn named_refs_first_definition_wins_and_reuses_count() {
        let a = wiki(
            "One.<ref name=\"a\">First def.</ref> Two.<ref name=a /> \
             Three.<ref name=\"a\">Second def.</ref> Four.<ref group=n name=a>Other group.</ref>\n",
        );
        assert_eq!(a.citations.len(), 2);
        assert_eq!(a.citations[0].uses.len(), 2);
        assert_eq!(a.citations[1].uses.len(), 0);
    }
}
