//! The infobox: the first one in the article, fields in source order.

use super::Context;
use crate::diagnostics::{Diagnostic, DiagnosticKind};
use crate::document::BlockKind;
use crate::model;
use crate::text::one_line;

/// The first infobox, and a warning for each further one (whose fields are
/// still searched for events and money, but not listed as the infobox).
pub fn infobox(ctx: &Context<'_, '_>) -> (Option<model::Infobox>, Vec<Diagnostic>) {
    let mut found = None;
    let mut diags = Vec::new();
    for block in &ctx.doc.blocks {
        let BlockKind::Infobox { name, fields } = &block.kind else {
            continue;
        };
        if found.is_some() {
            diags.push(Diagnostic::new(block.span, DiagnosticKind::SecondInfobox));
            continue;
        }
        found = Some(model::Infobox {
            name: name.as_ref().map(|n| one_line(n.as_str())),
            fields: fields
                .iter()
                .map(|f| model::InfoboxField {
                    key: one_line(f.key.as_str()),
                    value: one_line(f.value.as_str()),
                    span: ctx.span(f.span),
                    events: Vec::new(),
                    money: Vec::new(),
                    citations: Vec::new(),
                })
                .collect(),
        });
    }
    (found, diags)
}

/// Lists on each field the events, money records and citations found in
/// its value, so a field carries what its templates and text mean, typed.
/// A value that renders as nothing but references (`area_footnotes =
/// <ref>…</ref>`) shows their footnote marks, as readers see it.
pub fn link_values(
    ib: &mut model::Infobox,
    events: &[model::Event],
    money: &[model::Money],
    citations: &[model::Citation],
) {
    // Where each citation stands (its ref, and every reuse), by position:
    // a field finds its own by binary search, not by a pass over all.
    let mut marks: Vec<(u64, u64, usize)> = citations
        .iter()
        .enumerate()
        .flat_map(|(i, c)| {
            std::iter::once(&c.span)
                .chain(&c.uses)
                .map(move |sp| (sp.start, sp.end, i))
        })
        .collect();
    marks.sort_unstable();
    for f in &mut ib.fields {
        let (s, e) = (f.span.start, f.span.end);
        let from = marks.partition_point(|m| m.0 < s);
        let mut cited: Vec<usize> = marks[from..]
            .iter()
            .take_while(|m| m.0 < e)
            .filter(|m| m.1 <= e)
            .map(|m| m.2)
            .collect();
        cited.sort_unstable();
        cited.dedup();
        f.citations = cited;
        if f.value.trim().is_empty() && !f.citations.is_empty() {
            f.value = f.citations.iter().map(|i| format!("[{}]", i + 1)).collect();
        }
        let inside = |sp: &model::Span| sp.start >= s && sp.end <= e;
        f.events = events
            .iter()
            .enumerate()
            .filter(|(_, x)| x.infobox_field.is_some() && inside(&x.span))
            .map(|(i, _)| i)
            .collect();
        f.money = money
            .iter()
            .enumerate()
            .filter(|(_, x)| x.infobox_field.is_some() && inside(&x.span))
            .map(|(i, _)| i)
            .collect();
    }
}

#[cfg(test)]
mod tests {
    use crate::{Config, Dialect, process_article};

    /// A field that is only references shows their footnote marks and
    /// lists them; a field with text lists its references too.
    #[test]
    fn fields_link_their_citations() {
        let src = "{{Infobox settlement\n| name = Toronto<ref name=\"n\">{{cite web |title=Names |url=https://x.org}}</ref>\n| area_footnotes = <ref>{{cite web |title=Area |url=https://y.org}}</ref>\n| population_footnotes = <ref name=\"n\" />\n| plain = none\n}}\nToronto is a city.\n";
        let config = Config {
            dialect: Some(Dialect::Wikitext),
            ..Config::default()
        };
        let a = process_article(src, &config);
        let ib = a.infobox.expect("infobox");
        let by_key = |k: &str| ib.fields.iter().find(|f| f.key == k).expect(k);
        let title = |i: usize| a.citations[i].title.as_deref();
        let name = by_key("name");
        assert_eq!(name.value, "Toronto");
        assert_eq!(name.citations.len(), 1);
        assert_eq!(title(name.citations[0]), Some("Names"));
        let area = by_key("area_footnotes");
        assert_eq!(area.citations.len(), 1);
        assert_eq!(title(area.citations[0]), Some("Area"));
        assert_eq!(area.value, format!("[{}]", area.citations[0] + 1));
        let reuse = by_key("population_footnotes");
        assert_eq!(reuse.citations, name.citations);
        assert!(by_key("plain").citations.is_empty());
        let problems =
            crate::schema::check_article(&crate::process_article(src, &config), Some(src));
        assert!(problems.is_empty(), "{problems:?}");
    }
}
