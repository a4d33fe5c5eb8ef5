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
                })
                .collect(),
        });
    }
    (found, diags)
}

/// Lists on each field the events and money records found in its value, so
/// a field carries what its templates and text mean, typed.
pub fn link_values(ib: &mut model::Infobox, events: &[model::Event], money: &[model::Money]) {
    for f in &mut ib.fields {
        let (s, e) = (f.span.start, f.span.end);
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
