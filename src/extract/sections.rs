//! Sections: the heading outline with paths.

use crate::document::{BlockKind, Document};
use crate::model;
use crate::span::LineIndex;

/// Every heading in document order with its path, and for each block the
/// index of the section it stands in (`None` before the first heading).
///
/// A path is the chain of open headings of lower level: a level-4 heading
/// right after a level-2 one has a path of two titles, not a gap.
pub fn outline(doc: &Document<'_>, lines: &LineIndex) -> (Vec<model::Section>, Vec<Option<usize>>) {
    // Sized once: grown by doubling, a page of headings held its sections
    // twice over at the last growth.
    let headings = doc
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Heading { .. }))
        .count();
    let mut sections = Vec::with_capacity(headings);
    let mut block_section = Vec::with_capacity(doc.blocks.len());
    // (level, title) of the headings currently open.
    let mut stack: Vec<(u8, String)> = Vec::new();
    let mut current = None;
    for block in &doc.blocks {
        if let BlockKind::Heading { level, title } = &block.kind {
            while stack.last().is_some_and(|(l, _)| *l >= *level) {
                stack.pop();
            }
            let title = crate::text::one_line(title.as_str());
            stack.push((*level, title.clone()));
            let (line, column) = lines.line_col(doc.source, block.span.start);
            sections.push(model::Section {
                level: *level,
                title,
                path: stack
                    .iter()
                    .map(|(_, t)| t.clone())
                    .collect::<Vec<_>>()
                    .into(),
                span: model::Span {
                    start: block.span.start as u64,
                    end: block.span.end as u64,
                    line: line as u64,
                    column: column as u64,
                },
            });
            current = Some(sections.len() - 1);
        }
        block_section.push(current);
    }
    (sections, block_section)
}
