//! MediaWiki wikitext → [`Document`].
//!
//! Three steps, each linear in the input:
//! 1. [`scan::Scan`] pairs every `{{ }}`, `{{{ }}}` and `[[ ]]`, finds
//!    comments, `<nowiki>`-like regions and `<ref>` tags, with an explicit
//!    nesting limit; broken markup is diagnosed there and degrades locally.
//! 2. The block loop below walks logical lines (a line break inside a
//!    template or ref does not end a line) and classifies them: headings,
//!    list items, tables, standalone templates (the infobox), paragraphs.
//! 3. [`inline::Renderer`] turns each block's markup into plain text with a
//!    map back to source bytes.
//!
//! ```text
//! heading    = 1*6"=" title 1*6"=" EOL
//! list-item  = 1*("*" / "#" / ":" / ";") text EOL
//! table      = "{|" *(row / cell / caption / line) "|}"
//! infobox    = "{{" "Infobox" [name] *("|" key "=" value) "}}"
//! paragraph  = 1*line                      ; until a blank line or another block
//! ```

mod inline;
mod scan;
mod templates;

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{is_not, take_while, take_while1},
    character::complete::{char, multispace0},
    sequence::delimited,
};

use crate::diagnostics::{Diagnostic, DiagnosticKind};
use crate::document::{
    Block, BlockKind, Dialect, Document, Field, MAX_INFOBOX_FIELDS, RefTag, SourceMap, Text,
};
use crate::lexicon::markup;
use crate::span::Span;
use inline::Renderer;
use scan::Scan;

/// Parses a wikitext article. Never fails.
#[cfg(test)]
pub fn parse(src: &str) -> Document<'_> {
    parse_page(src, None)
}

/// [`parse`] for a page whose name is known: `{{PAGENAME}}` shows it.
pub fn parse_page<'s>(src: &'s str, page: Option<&'s str>) -> Document<'s> {
    let scan = Scan::new(src);
    let mut r = Renderer::new(src, &scan);
    r.page = page;
    let mut blocks = Vec::new();
    let mut diagnostics = scan.diagnostics.clone();
    let bytes = src.as_bytes();
    let mut pos = if src.starts_with('\u{feff}') { 3 } else { 0 };

    if let Some(target) = redirect_target(&src[pos..]) {
        diagnostics.push(Diagnostic::new(
            Span::new(pos, scan.line_end(bytes, pos)),
            DiagnosticKind::Redirect {
                target: target.to_string(),
            },
        ));
    }

    while pos < bytes.len() {
        let end = scan.line_end(bytes, pos);
        let line = Span::new(pos, end);
        let text = &src[line];
        let next = (end + 1).min(bytes.len()).max(end);
        if text.trim().is_empty() {
            pos = next.max(pos + 1);
            continue;
        }
        let lead = text.len() - text.trim_start_matches([' ', '\t']).len();
        let body = &text[lead..];
        if body.starts_with('=') {
            if let Some(block) = heading(&mut r, line, &mut diagnostics) {
                blocks.push(block);
                pos = next;
                continue;
            }
        }
        if body.starts_with("{|") {
            pos = table(&mut r, &scan, pos + lead, &mut blocks, &mut diagnostics);
            continue;
        }
        if body.starts_with(['*', '#', ':', ';']) {
            let marks = body
                .bytes()
                .take_while(|c| matches!(c, b'*' | b'#' | b':' | b';'))
                .count();
            let item = Span::new(pos + lead + marks, end).trim(src);
            let cites_before = r.cites.len();
            let text = r.text(item);
            // An item that is only a {{cite}} renders as nothing but is a
            // bibliography entry all the same.
            if !text.as_str().trim().is_empty() || r.cites.len() > cites_before {
                blocks.push(Block {
                    span: line,
                    kind: BlockKind::ListItem {
                        marker: body.chars().next().unwrap_or('*'),
                        depth: marks.min(255) as u8,
                        text,
                    },
                });
            }
            pos = next;
            continue;
        }
        if body.starts_with("----") {
            pos = next;
            continue;
        }
        if body.starts_with("{{") {
            if let Some(block) = standalone_template(&mut r, &scan, pos + lead, end) {
                blocks.push(block);
                pos = next;
                continue;
            }
        }
        // A paragraph: logical lines until a blank line or another block.
        let start = pos;
        let mut stop = end;
        let mut p = next;
        while p < bytes.len() {
            let e = scan.line_end(bytes, p);
            let t = &src[p..e];
            let b = t.trim_start_matches([' ', '\t']);
            if t.trim().is_empty()
                || b.starts_with(['=', '*', '#', ':', ';'])
                || b.starts_with("{|")
                || b.starts_with("----")
                || (b.starts_with("{{")
                    && is_standalone_infobox(&mut r, &scan, p + (t.len() - b.len()), e))
            {
                break;
            }
            stop = e;
            p = (e + 1).min(bytes.len()).max(e);
            if e >= bytes.len() {
                break;
            }
        }
        let span = Span::new(start, stop).trim(src);
        let text = r.text(span);
        if !text.as_str().trim().is_empty() {
            blocks.push(Block {
                span,
                kind: BlockKind::Paragraph(text),
            });
        }
        pos = if p > pos { p } else { bytes.len() };
    }

    // An infobox inside running text (after other templates on its line,
    // or within a paragraph) still is the article's infobox.
    let has_infobox = blocks
        .iter()
        .any(|b| matches!(b.kind, BlockKind::Infobox { .. }));
    if !has_infobox {
        if let Some(span) = r.inline_infoboxes.first().copied() {
            let block = infobox_block(&mut r, span);
            let at = blocks.partition_point(|b| b.span.start <= span.start);
            blocks.insert(at, block);
        }
    }

    // File captions, as their own blocks where they stand.
    let captions = std::mem::take(&mut r.captions);
    for span in captions {
        let text = r.text(span);
        if !text.as_str().trim().is_empty() {
            let at = blocks.partition_point(|b| b.span.start <= span.start);
            blocks.insert(
                at,
                Block {
                    span,
                    kind: BlockKind::Paragraph(text),
                },
            );
        }
    }

    let refs = refs(&mut r, &scan);
    let mut cites = std::mem::take(&mut r.cites);
    cites.sort_by_key(|c| c.span.start);
    if !r.unknown.is_empty() {
        let total = r.unknown_calls();
        let names: Vec<String> = r
            .unknown
            .iter()
            .map(|(n, (c, _))| format!("{n} ({c})"))
            .collect();
        // One finding for them all, at the first unknown call.
        let first = r.unknown.values().map(|(_, s)| *s).min_by_key(|s| s.start);
        diagnostics.push(Diagnostic::new(
            first.unwrap_or(Span::new(0, 0)),
            DiagnosticKind::UnknownTemplates { total, names },
        ));
    }
    diagnostics.extend(std::mem::take(&mut r.diagnostics));
    Document {
        source: src,
        dialect: Dialect::Wikitext,
        title: None,
        blocks,
        diagnostics,
        refs,
        cites,
        sfns: std::mem::take(&mut r.sfns),
    }
}

/// `#REDIRECT [[Target]]`: the target.
fn redirect_target(s: &str) -> Option<&str> {
    let t = s.trim_start();
    if !t.as_bytes().get(..9)?.eq_ignore_ascii_case(b"#redirect") {
        return None;
    }
    let open = t.find("[[")? + 2;
    let close = t[open..].find("]]")? + open;
    Some(t[open..close].trim())
}

/// A heading line: `== Title ==`.
fn heading<'s>(
    r: &mut Renderer<'s, '_>,
    line: Span,
    diags: &mut Vec<Diagnostic>,
) -> Option<Block<'s>> {
    let src = r.src;
    let raw = &src[line];
    let lead = raw.len() - raw.trim_start_matches([' ', '\t']).len();
    let line = Span::new(line.start + lead, line.end);
    let mut text = src[line].trim_end();
    // "== Title ==<!-- note -->": comments after the closing run.
    while text.ends_with("-->") {
        match text.rfind("<!--") {
            Some(p) => text = text[..p].trim_end(),
            None => break,
        }
    }
    let open = text.bytes().take_while(|&c| c == b'=').count();
    let inner = text.trim_end_matches('=');
    let close = text.len() - inner.len();
    if open == 0 || close == 0 || inner.len() <= open {
        return None;
    }
    let title = Span::new(line.start + open, line.start + inner.len()).trim(src);
    if title.is_empty() {
        return None;
    }
    let mut level = open.min(close);
    if open != close {
        diags.push(Diagnostic::new(
            line,
            DiagnosticKind::UnbalancedHeading { open, close, level },
        ));
    }
    if level > 6 {
        level = 6;
    }
    Some(Block {
        span: Span::new(line.start, line.start + text.len()),
        kind: BlockKind::Heading {
            level: level as u8,
            title: r.text(title),
        },
    })
}

/// Is the template at `at` an infobox standing alone on its logical line?
fn is_standalone_infobox(r: &mut Renderer<'_, '_>, scan: &Scan, at: usize, end: usize) -> bool {
    match scan.pair_at(at) {
        Some((close, _)) if r.src[close..end].trim().is_empty() => {
            markup::infobox_kind(&r.call(Span::new(at, close)).name).is_some()
        }
        _ => false,
    }
}

/// A template alone on its line: the infobox, or another template whose
/// rendering (often nothing: navigation, maintenance tags) is a paragraph.
fn standalone_template<'s>(
    r: &mut Renderer<'s, '_>,
    scan: &Scan,
    at: usize,
    end: usize,
) -> Option<Block<'s>> {
    let (close, _) = scan.pair_at(at)?;
    let src = r.src;
    if !src[close..end].trim().is_empty() {
        return None;
    }
    let span = Span::new(at, close);
    markup::infobox_kind(&r.call(span).name)?;
    Some(infobox_block(r, span))
}

/// The infobox block of the template at `span`: its name after "Infobox",
/// and its arguments as fields in order (positional ones keyed "1", "2"…).
fn infobox_block<'s>(r: &mut Renderer<'s, '_>, span: Span) -> Block<'s> {
    let src = r.src;
    let call = r.call(span);
    // The kind as written: after the prefix (as many characters as the
    // normalised prefix has), or before the Polish suffix. A comment after
    // the name stays in the span; rendering drops it.
    let raw = &src[call.raw_name];
    let lead = raw.len() - raw.trim_start().len();
    let name_span = match markup::INFOBOX_PREFIXES
        .iter()
        .find(|p| call.name.starts_with(**p))
    {
        Some(p) => {
            let written = raw.trim_start();
            let skip = written
                .char_indices()
                .nth(p.chars().count())
                .map_or(written.len(), |(i, _)| i);
            let kind = written[skip..].trim_start_matches([' ', '_', '\t', '-', ':']);
            Span::new(call.raw_name.end - kind.len(), call.raw_name.end)
        }
        None => {
            let written = raw.trim_end();
            let cut = written.len().saturating_sub(" infobox".len());
            match written.get(..cut) {
                Some(kind)
                    if written[cut..]
                        .replace('_', " ")
                        .eq_ignore_ascii_case(" infobox") =>
                {
                    Span::new(call.raw_name.start + lead, call.raw_name.start + kind.len())
                }
                _ => call.raw_name,
            }
        }
    };
    // Rendered, not sliced: a comment in the name ("Infobox album <!-- See
    // WikiProject Albums -->") is no part of it.
    let clean = crate::text::one_line(&r.plain(name_span, scan::MAX_NESTING - 1).replace('_', " "));
    let name = (!clean.is_empty()).then(|| Text {
        map: SourceMap::Pieces(vec![crate::document::Piece::new(
            0,
            clean.len(),
            name_span,
            false,
            None,
        )]),
        text: std::borrow::Cow::Owned(clean),
        span: name_span,
        anchors: Vec::new(),
        marks: Vec::new(),
    });
    let mut fields = Vec::new();
    let mut positional = 0;
    for a in &call.args {
        if fields.len() == MAX_INFOBOX_FIELDS {
            let skipped = Span::new(a.span.start, span.end.saturating_sub(2).max(a.span.start));
            let kind = DiagnosticKind::InfoboxFieldLimit {
                total: call.args.len(),
                limit: MAX_INFOBOX_FIELDS,
            };
            r.diagnostics.push(Diagnostic::new(skipped, kind));
            break;
        }
        let key = match &a.name {
            Some(_) => {
                let eq = r.find_top_level(a.span, b'=').unwrap_or(a.span.end);
                Text::verbatim(src, Span::new(a.span.start, eq).trim(src))
            }
            None => {
                if src[a.value].trim().is_empty() {
                    continue;
                }
                positional += 1;
                Text {
                    text: std::borrow::Cow::Owned(positional.to_string()),
                    map: SourceMap::Pieces(Vec::new()),
                    span: Span::new(a.value.start, a.value.start),
                    anchors: Vec::new(),
                    marks: Vec::new(),
                }
            }
        };
        let unknown_before = r.unknown_calls();
        let mut value = r.list_text(a.value);
        if value.as_str().trim().is_empty() {
            if let Some(file) = image_file(src, a.value) {
                value = file;
            } else if r.unknown_calls() > unknown_before {
                // A template we cannot render (one that reads a data page,
                // `{{Scottish football updater|RaithRov}}`) made the value
                // empty: the markup as written says more than nothing, and
                // a diagnostic says why it is markup.
                // Up to its footnotes, which stay anchors, not text.
                let end = src[a.value]
                    .find("<ref")
                    .map_or(a.value.end, |i| a.value.start + i);
                let written = Span::new(a.value.start, end).trim(src);
                value = Text::verbatim(src, written);
                r.diagnostics.push(Diagnostic::new(
                    written,
                    DiagnosticKind::InfoboxValueAsWritten {
                        key: key.as_str().to_string(),
                    },
                ));
            }
        }
        fields.push(Field {
            span: a.span.trim(src),
            key,
            value,
        });
    }
    Block {
        span,
        kind: BlockKind::Infobox { name, fields },
    }
}

/// An infobox value that is an image (`[[File:Crest.png|180px]]`, which
/// renders as no text) as its file's name, as the plain dialect gives it:
/// the first file link of `span`, if any.
fn image_file<'s>(src: &'s str, span: Span) -> Option<Text<'s>> {
    let value = &src[span];
    let mut from = 0;
    while let Some(k) = value[from..].find("[[") {
        let start = from + k + 2;
        from = start;
        let end = value[start..]
            .find(['|', ']', '\n'])
            .map_or(value.len(), |e| start + e);
        let target = &value[start..end];
        let Some((ns, name)) = target.split_once(':') else {
            continue;
        };
        if !markup::FILE_NAMESPACES.contains(&ns.trim().to_lowercase().as_str()) {
            continue;
        }
        let lead = name.len() - name.trim_start().len();
        let name_start = span.start + start + ns.len() + 1 + lead;
        let file = Span::new(name_start, name_start + name.trim().len());
        if !file.is_empty() {
            return Some(Text::verbatim(src, file));
        }
    }
    None
}

/// A table from `{|` at `at` to its `|}`: one block per cell. Returns the
/// position after the table.
fn table<'s>(
    r: &mut Renderer<'s, '_>,
    scan: &Scan,
    at: usize,
    blocks: &mut Vec<Block<'s>>,
    diags: &mut Vec<Diagnostic>,
) -> usize {
    let src = r.src;
    let bytes = src.as_bytes();
    let mut depth = 0usize;
    let mut p = at;
    // (header, content span, row start) of the cells so far
    let mut cells: Vec<(bool, Span, usize)> = Vec::new();
    let mut row = at;
    let mut end_of_table = None;
    while p < bytes.len() {
        let e = scan.line_end(bytes, p);
        let line = &src[p..e];
        let lead = line.len() - line.trim_start().len();
        let t = line.trim_start();
        let body_at = p + lead;
        if t.starts_with("{|") {
            depth += 1;
        } else if t.starts_with("|}") {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                end_of_table = Some((e + 1).min(bytes.len()));
                break;
            }
        } else if t.starts_with("|-") {
            row = body_at;
        } else if let Some(rest) = t.strip_prefix("|+") {
            cells.push((true, Span::new(e - rest.len(), e), body_at));
        } else if t.starts_with('|') || t.starts_with('!') {
            let header = t.starts_with('!');
            let content = Span::new(body_at + 1, e);
            let sep = if header { b'!' } else { b'|' };
            for c in split_cells(r, content, sep) {
                cells.push((header, c, row));
            }
        } else if let Some(last) = cells.last_mut() {
            // A continuation line of the previous cell.
            last.1 = Span::new(last.1.start, e);
        }
        p = (e + 1).min(bytes.len()).max(e + usize::from(e == p));
        if e >= bytes.len() {
            break;
        }
    }
    let after = match end_of_table {
        Some(a) => a,
        None => {
            diags.push(Diagnostic::new(
                Span::new(at, (at + 2).min(bytes.len())),
                DiagnosticKind::UnclosedTable,
            ));
            bytes.len()
        }
    };
    for (header, span, row) in cells {
        let span = span.trim(src);
        let text = r.text(span);
        if !text.as_str().trim().is_empty() {
            blocks.push(Block {
                span,
                kind: BlockKind::TableCell { header, text, row },
            });
        }
    }
    after.max(at + 1)
}

/// Splits a table line's content into cells at `||` (or `!!`), dropping
/// `attributes |` prefixes: as in MediaWiki, what stands before a single
/// `|` in a cell is its attribute list.
fn split_cells(r: &Renderer<'_, '_>, content: Span, sep: u8) -> Vec<Span> {
    let src = r.src;
    let parts = r.split(content, sep);
    let mut out = Vec::new();
    let mut i = 0;
    while i < parts.len() {
        let mut cur = parts[i];
        // A doubled separator leaves an empty part between two cells.
        if cur.is_empty() && i > 0 {
            i += 1;
            continue;
        }
        if sep == b'|' {
            if parts.get(i + 1).is_some_and(|n| !n.is_empty()) {
                cur = parts[i + 1];
                i += 1;
            }
        } else {
            let pieces = r.split(cur, b'|');
            if pieces.len() >= 2 && looks_like_attributes(&src[pieces[0]]) {
                cur = Span::new(pieces[1].start, cur.end);
            }
        }
        out.push(cur);
        i += 1;
    }
    out
}

/// `style="…"`, `colspan=2`, `align=center`: cell attributes.
fn looks_like_attributes(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty() && attributes(s).is_ok_and(|(rest, n)| rest.trim().is_empty() && n > 0)
}

/// Attribute list: `name="value" name='value' name=value`; returns how many.
///
/// ```text
/// attributes = *(WSP name "=" value)
/// value      = DQUOTE *(not DQUOTE) DQUOTE / "'" *(not "'") "'" / 1*(not WSP "/" ">")
/// ```
fn attributes(input: &str) -> IResult<&str, usize> {
    let mut n = 0;
    let mut input = input;
    while let Ok((rest, _)) = attribute(input) {
        n += 1;
        input = rest;
    }
    Ok((input, n))
}

/// One `name=value` attribute.
fn attribute(input: &str) -> IResult<&str, (&str, &str)> {
    let (input, _) = multispace0.parse(input)?;
    let (input, name) =
        take_while1(|c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_').parse(input)?;
    let (input, _) = (multispace0, char('='), multispace0).parse(input)?;
    let (input, value) = attr_value(input)?;
    Ok((input, (name, value)))
}

/// A quoted or bare attribute value.
fn attr_value(input: &str) -> IResult<&str, &str> {
    alt((
        delimited(char('"'), take_while(|c| c != '"'), char('"')),
        delimited(char('\''), take_while(|c| c != '\''), char('\'')),
        is_not(" \t\n/>\""),
    ))
    .parse(input)
}

/// The value of attribute `key` in a tag's attribute text.
fn attr<'a>(attrs: &'a str, key: &str) -> Option<&'a str> {
    let mut input = attrs;
    loop {
        match attribute(input) {
            Ok((rest, (name, value))) => {
                if name.eq_ignore_ascii_case(key) {
                    return Some(value.trim());
                }
                input = rest;
            }
            Err(_) => {
                // Skip one character of junk ("/") and try again.
                let mut chars = input.chars();
                chars.next()?;
                input = chars.as_str();
            }
        }
    }
}

/// The document's refs: names, groups, and their content rendered (which
/// also records the citation templates inside).
fn refs(r: &mut Renderer<'_, '_>, scan: &Scan) -> Vec<RefTag> {
    let src = r.src;
    scan.refs
        .iter()
        .map(|raw| {
            let attrs = &src[raw.attrs.0.min(raw.attrs.1)..raw.attrs.1];
            let content = raw.content.map(|(a, b)| Span::new(a, b));
            let text = match content {
                Some(c) => r.text(c),
                None => Text::verbatim("", Span::new(0, 0)),
            };
            RefTag {
                span: raw.span,
                name: attr(attrs, "name")
                    .map(str::to_string)
                    .filter(|n| !n.is_empty()),
                group: attr(attrs, "group")
                    .map(str::to_string)
                    .filter(|g| !g.is_empty()),
                content: content.filter(|c| !src[*c].trim().is_empty()),
                text,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
