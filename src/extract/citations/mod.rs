//! Citations: the entries of bibliography-like sections, split into fields.
//!
//! Entries are written in many styles (APA, MLA, Chicago, the rendered
//! Wikipedia cite style). The parser peels off what is unambiguous wherever
//! it stands (URL, DOI, ISBN, pages, "Retrieved …"), then reads the rest in
//! the order these styles share: authors, date (often in parentheses),
//! title (quoted, or the first segment), then work, place and publisher.

mod entry;
mod hand_written;
mod template;

use std::collections::HashMap;

use super::Context;
use crate::document::BlockKind;
use crate::model::{Citation, CitationKind};
pub use entry::{author, empty, parse_authors, parse_entry};
use hand_written::hand_written;
pub use template::from_template;

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
    // At most one citation per ref with content (a reuse adds a use):
    // reserved once, as doubling holds two vectors of citations at a time.
    out.reserve_exact(doc.refs.iter().filter(|r| r.content.is_some()).count());
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
        // points to, at its own pages. So does one that opens with its
        // short citation and quotes the source after it
        // (`{{Harvnb|Rooney|2012|p=39}}: "As a rigorous …"`): the quote
        // is no title, and `raw` keeps it.
        let rendered = r.text.as_str();
        let quotes_after = rendered.trim_start().starts_with([':', '"', '“', '(']);
        let bare = rendered.chars().filter(|c| c.is_alphabetic()).count() <= 3;
        let short = (cite.is_none() && (bare || quotes_after))
            .then(|| {
                let first = sfn_starts.partition_point(|&(at, _)| at < content.start);
                let &(at, i) = sfn_starts.get(first)?;
                let opens = ctx.doc.source[content.start..at].trim().is_empty();
                (at < content.end && (bare || opens)).then_some(&doc.sfns[i])
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
    // Moved into place by swaps along the permutation's cycles: a second
    // vector of citations, grown while the first is alive, was most of the
    // peak memory of a page of many refs (a citation is some 400 bytes).
    let mut list = out;
    let mut target = new_index.clone();
    for i in 0..list.len() {
        while target[i] != i {
            let j = target[i];
            list.swap(i, j);
            target.swap(i, j);
        }
    }
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

/// The citations and, per ref tag and sfn, the citation each points to.
pub struct Citations {
    pub list: Vec<Citation>,
    pub ref_citation: Vec<Option<usize>>,
    pub sfn_citation: Vec<Option<usize>>,
}

/// The section path at source offset `at`.
fn section_at(ctx: &Context<'_, '_>, at: usize) -> std::sync::Arc<[String]> {
    let i = ctx.doc.blocks.partition_point(|b| b.span.start <= at);
    i.checked_sub(1)
        .map_or_else(|| ctx.no_path(), |b| ctx.path(b))
}

#[cfg(test)]
mod tests;
