//! Inline wikitext → plain text as a reader sees it, with a map back to
//! source bytes.
//!
//! Links render as their text (with link trails), formatting marks vanish,
//! comments and `<ref>`s are removed (a ref is remembered as an anchor at its
//! position), HTML entities are decoded, and templates render through
//! [`super::templates`]. Every construct's extent comes from the
//! [`Scan`], so rendering never searches for a closer and stays linear.

use std::borrow::Cow;
use std::collections::BTreeMap;

use super::scan::{MAX_NESTING, Opaque, PairKind, Scan, open_tag};
use super::templates;
use crate::diagnostics::Diagnostic;
use crate::document::{Anchor, CiteTemplate, Mark, MarkKind, Piece, SourceMap, Text};
use crate::lexicon::markup;
use crate::span::Span;

/// Rendered text under construction.
#[derive(Debug, Default)]
pub struct Builder {
    pub text: String,
    pub pieces: Vec<Piece>,
    pub anchors: Vec<(usize, Anchor)>,
    /// The outermost template or link being rendered, recorded on each
    /// piece (see [`Piece::within`]).
    pub within: Option<Span>,
    pub marks: Vec<Mark>,
    /// Where the open italic and bold runs began in the rendered text.
    italic: Option<usize>,
    bold: Option<usize>,
}

impl Builder {
    /// Appends source bytes `span` as they are.
    pub fn verbatim(&mut self, src: &str, span: Span) {
        if span.is_empty() {
            return;
        }
        let r = self.text.len();
        self.text.push_str(&src[span]);
        if let Some(last) = self.pieces.last_mut() {
            if last.verbatim()
                && last.source().end == span.start
                && last.rendered() + last.len() == r
                && last.within() == self.within
            {
                last.extend(span.len(), span.end);
                return;
            }
        }
        self.pieces
            .push(Piece::new(r, span.len(), span, true, self.within));
    }

    /// Where the text ends now, for [`Builder::truncate`].
    pub fn mark(&self) -> (usize, usize) {
        (self.text.len(), self.pieces.len())
    }

    /// Drops the white space at the end of the text, back to `floor` at
    /// most: a list item's last line break and indentation.
    pub fn trim_end(&mut self, floor: usize) {
        let keep = floor + self.text[floor..].trim_end().len();
        if keep < self.text.len() {
            let pieces = self.pieces.partition_point(|p| p.rendered() < keep);
            self.truncate((keep, pieces));
        }
    }

    /// Marks rendered text `start..` (up to the end now) as `kind`.
    pub fn mark_since(&mut self, start: usize, kind: MarkKind) {
        self.marks.push(Mark {
            range: start..self.text.len(),
            kind,
        });
    }

    /// An italic or bold quote run: opens a run of its kind, or closes
    /// the open one into a mark. A run that spans a line break is not one
    /// (the wiki ends it at the line's end).
    fn toggle(&mut self, kind: MarkKind) {
        let open = match kind {
            MarkKind::Italic => &mut self.italic,
            _ => &mut self.bold,
        };
        match open.take() {
            None => *open = Some(self.text.len()),
            Some(start) => {
                if !self.text[start..].contains('\n') {
                    self.mark_since(start, kind);
                }
            }
        }
    }

    /// Drops what was appended since `mark` (anchors added since stay,
    /// moved back to the new end).
    pub fn truncate(&mut self, (len, pieces): (usize, usize)) {
        self.marks.retain(|m| m.range.start < len);
        for m in &mut self.marks {
            m.range.end = m.range.end.min(len);
        }
        for open in [&mut self.italic, &mut self.bold] {
            if open.is_some_and(|s| s > len) {
                *open = None;
            }
        }
        self.text.truncate(len);
        self.pieces.truncate(pieces);
        if let Some(last) = self.pieces.last_mut() {
            // The last piece may be cut (a verbatim one extended in place, or
            // a synthesised " · " trimmed to " ·").
            last.cut(len.saturating_sub(last.rendered()));
        }
        for (p, _) in &mut self.anchors {
            *p = (*p).min(len);
        }
    }

    /// Starts rendering the inside of construct `span`: it becomes the
    /// pieces' `within` unless an outer one already is. Returns the value to
    /// restore afterwards.
    pub fn enter(&mut self, span: Span) -> Option<Span> {
        let outer = self.within;
        self.within.get_or_insert(span);
        outer
    }

    /// Appends text produced by markup at `span` (a template, an entity).
    pub fn synth(&mut self, span: Span, s: &str) {
        if s.is_empty() {
            return;
        }
        let r = self.text.len();
        self.text.push_str(s);
        self.pieces
            .push(Piece::new(r, s.len(), span, false, self.within));
    }

    pub fn into_text<'a>(mut self, span: Span) -> Text<'a> {
        // Marks are pushed as they close: put them in order of start, an
        // outer one before the inner ones it holds.
        self.marks
            .sort_by_key(|m| (m.range.start, std::cmp::Reverse(m.range.end)));
        // Most blocks are one verbatim stretch of their source: an offset
        // maps them the same, and holds no list of pieces (a paragraph's
        // largest allocation after its text).
        let map = match self.pieces.as_slice() {
            [p] if p.verbatim()
                && p.within().is_none()
                && p.rendered() == 0
                && p.len() == self.text.len() =>
            {
                SourceMap::Offset(p.source().start)
            }
            _ => SourceMap::Pieces(self.pieces),
        };
        Text {
            text: Cow::Owned(self.text),
            map,
            span,
            anchors: self.anchors,
            marks: self.marks,
        }
    }
}

/// One template argument: `name=value` or a positional value.
#[derive(Debug, Clone)]
pub struct Arg {
    pub name: Option<String>,
    /// The whole argument, name included.
    pub span: Span,
    /// The value, trimmed of surrounding white space.
    pub value: Span,
}

/// A parsed template call.
#[derive(Debug, Clone)]
pub struct Call {
    /// Normalised name: trimmed, underscores as spaces, lowercase.
    pub name: String,
    /// The name as written, trimmed.
    pub raw_name: Span,
    pub args: Vec<Arg>,
    pub span: Span,
}

impl Call {
    /// The `n`th positional argument (1-based).
    pub fn positional(&self, n: usize) -> Option<Span> {
        self.args
            .iter()
            .filter(|a| a.name.is_none())
            .nth(n - 1)
            .map(|a| a.value)
            .or_else(|| {
                let key = n.to_string();
                self.named(&key)
            })
    }

    /// The positional arguments, as MediaWiki numbers them (the unnamed ones
    /// count 1, 2, …, and `|3=x` is the third, overriding an unnamed third),
    /// in the order they are written.
    pub fn positional_args(&self) -> Vec<Span> {
        let mut numbered: Vec<(usize, Span)> = Vec::new();
        let mut next = 1;
        for a in &self.args {
            let n = match &a.name {
                None => {
                    next += 1;
                    next - 1
                }
                Some(k) => match k.parse::<usize>() {
                    Ok(n) => n,
                    Err(_) => continue,
                },
            };
            match numbered.iter_mut().find(|(m, _)| *m == n) {
                Some(slot) => slot.1 = a.value,
                None => numbered.push((n, a.value)),
            }
        }
        // In the order written: the rendered text maps forward through the
        // source ("|2=b|1=a" shows "b, a", as only a perverse page writes).
        numbered.sort_by_key(|(_, s)| s.start);
        numbered.into_iter().map(|(_, s)| s).collect()
    }

    /// The named argument `key` (compared lowercase).
    pub fn named(&self, key: &str) -> Option<Span> {
        self.args
            .iter()
            .find(|a| a.name.as_deref() == Some(key))
            .map(|a| a.value)
    }
}

/// Renders inline wikitext of one article, collecting what it meets.
pub struct Renderer<'s, 'c> {
    pub src: &'s str,
    pub scan: &'c Scan,
    pub cites: Vec<CiteTemplate>,
    pub sfns: Vec<crate::document::Sfn>,
    /// Templates rendered as nothing because they are not known, by name:
    /// how many calls, and the first call's span.
    pub unknown: BTreeMap<String, (usize, Span)>,
    /// Infobox templates met inside running text (not alone on a line).
    pub inline_infoboxes: Vec<Span>,
    /// Captions of files and images, which readers see beside the text.
    pub captions: Vec<Span>,
    pub diagnostics: Vec<Diagnostic>,
    /// The page's name, where the caller knows it: `{{PAGENAME}}` and the
    /// templates that default to it (`{{map caption}}`) show it.
    pub page: Option<&'s str>,
}

impl<'s, 'c> Renderer<'s, 'c> {
    pub fn new(src: &'s str, scan: &'c Scan) -> Renderer<'s, 'c> {
        Renderer {
            src,
            scan,
            page: None,
            cites: Vec::new(),
            sfns: Vec::new(),
            unknown: BTreeMap::new(),
            inline_infoboxes: Vec::new(),
            captions: Vec::new(),
            diagnostics: Vec::new(),
        }
    }

    /// How many template calls have rendered as nothing so far because
    /// their template is not known.
    pub fn unknown_calls(&self) -> usize {
        self.unknown.values().map(|(n, _)| n).sum()
    }

    /// Counts a call of `name` that renders as nothing because the
    /// template is not known (the first call's span is kept).
    pub fn note_unknown(&mut self, name: &str, span: Span) {
        self.unknown.entry(name.to_string()).or_insert((0, span)).0 += 1;
    }

    /// Renders `span` into a [`Text`].
    pub fn text<'a>(&mut self, span: Span) -> Text<'a> {
        // Rendered text is mostly its source with the markup left out: room
        // for the source at once, rather than the text doubling its way up
        // (seven allocations for a 300-byte paragraph, a tenth of all the
        // pipeline made), and the spare room given back below.
        let mut b = Builder {
            text: String::with_capacity(span.len()),
            ..Builder::default()
        };
        self.render(&mut b, span, 0);
        if b.text.capacity() - b.text.len() > b.text.len() / 4 + 64 {
            b.text.shrink_to_fit();
        }
        b.into_text(span)
    }

    /// Renders `span` into a [`Text`], a bulleted list (`* a` lines, as
    /// infobox values hold them) as its items joined with commas.
    pub fn list_text<'a>(&mut self, span: Span) -> Text<'a> {
        let items = templates::bullet_items(self, span);
        if items.len() <= 1 {
            return self.text(span);
        }
        let mut b = Builder::default();
        self.render_items(&mut b, span, &items, 0);
        b.into_text(span)
    }

    /// Renders `items` joined with ", ", leaving out those that render as
    /// nothing (an image, an unknown template) with their separators.
    pub fn render_items(&mut self, b: &mut Builder, whole: Span, items: &[Span], depth: usize) {
        let mut any = false;
        for &item in items {
            let mark = b.mark();
            if any {
                b.synth(whole, ", ");
            }
            let before = b.text.len();
            self.render(b, item, depth);
            if b.text[before..].trim().is_empty() {
                b.truncate(mark);
            } else {
                b.trim_end(before);
                any = true;
            }
        }
    }

    /// Renders `span` to a plain string (for template parameters).
    pub fn plain(&mut self, span: Span, depth: usize) -> String {
        // Most parameter values are plain words: no markup, no renderer.
        if let Some(text) = self.src.get(span.start..span.end) {
            if RENDER_STOPS.find(text.as_bytes(), 0).is_none() {
                return crate::text::one_line(text);
            }
        }
        let mut b = Builder::default();
        self.render(&mut b, span, depth);
        crate::text::one_line(&b.text)
    }

    /// Renders source `span` into `b`.
    pub fn render(&mut self, b: &mut Builder, span: Span, depth: usize) {
        let src = self.src;
        let bytes = src.as_bytes();
        let end = span.end.min(bytes.len());
        let mut i = span.start;
        let mut run = i;
        macro_rules! flush {
            () => {
                if run < i {
                    b.verbatim(src, Span::new(run, i));
                }
            };
        }
        while i < end {
            match bytes[i] {
                b'{' => {
                    if let Some((close, kind)) = self.scan.pair_at(i).filter(|p| p.0 <= end) {
                        flush!();
                        if depth < MAX_NESTING {
                            let outer = b.enter(Span::new(i, close));
                            match kind {
                                PairKind::Param => self.param(b, Span::new(i, close), depth),
                                _ => self.template(b, Span::new(i, close), depth),
                            }
                            b.within = outer;
                        }
                        i = close;
                        run = i;
                        continue;
                    }
                    i += 1;
                }
                b'[' => {
                    if let Some((close, PairKind::Link)) =
                        self.scan.pair_at(i).filter(|p| p.0 <= end)
                    {
                        flush!();
                        let trail = bytes[close..end]
                            .iter()
                            .take_while(|c| c.is_ascii_lowercase())
                            .count();
                        if depth < MAX_NESTING {
                            let outer = b.enter(Span::new(i, close));
                            let start = b.text.len();
                            if let Some(target) = self.link(b, Span::new(i, close), depth) {
                                b.mark_since(start, MarkKind::Link { target });
                            }
                            b.within = outer;
                        }
                        b.verbatim(src, Span::new(close, close + trail));
                        i = close + trail;
                        run = i;
                        continue;
                    }
                    // A `]` inside a `<nowiki>` or comment does not close it:
                    // taken as text (the fuzzer found the link rendered the
                    // region's rest twice, mapping back in the source).
                    let link = external_link_end(bytes, i, end)
                        .filter(|&close| !self.scan.opaque_across(i, close - 1));
                    if let Some(close) = link {
                        flush!();
                        let inner = Span::new(i + 1, close - 1);
                        let space = bytes[inner.start..inner.end]
                            .iter()
                            .position(|&c| c == b' ');
                        let start = b.text.len();
                        let url_end = space.map_or(inner.end, |sp| inner.start + sp);
                        if let Some(sp) = space {
                            let outer = b.enter(Span::new(i, close));
                            self.render(b, Span::new(inner.start + sp + 1, inner.end), depth + 1);
                            b.within = outer;
                        }
                        let url = Span::new(inner.start, url_end);
                        b.mark_since(start, MarkKind::ExternalLink { url });
                        i = close;
                        run = i;
                        continue;
                    }
                    i += 1;
                }
                b'<' => {
                    if let Some((close, what)) = self.scan.opaque_at(i) {
                        flush!();
                        if let Opaque::Literal { content } = what {
                            b.verbatim(src, Span::new(content.0 as usize, content.1 as usize));
                        }
                        i = close.min(end).max(i + 1);
                        run = i;
                        continue;
                    }
                    if let Some(r) = self.scan.ref_at(i) {
                        flush!();
                        b.anchors.push((b.text.len(), Anchor::Ref(r)));
                        i = self.scan.refs[r].span.end.min(end).max(i + 1);
                        run = i;
                        continue;
                    }
                    if let Some(tag_end) = tag_end(bytes, i) {
                        flush!();
                        let name = bytes[i + 1..]
                            .iter()
                            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'/')
                            .map(|c| c.to_ascii_lowercase())
                            .collect::<Vec<u8>>();
                        if name == b"br" || name == b"br/" {
                            b.synth(Span::new(i, tag_end), " ");
                        }
                        i = tag_end;
                        run = i;
                        continue;
                    }
                    i += 1;
                }
                b'\'' => {
                    let n = bytes[i..end].iter().take_while(|&&c| c == b'\'').count();
                    if n >= 2 {
                        // '' italic, ''' bold, ''''' both; a fourth is a
                        // literal apostrophe before bold.
                        let marks = match n {
                            2 | 3 | 5 => n,
                            4 => 3,
                            _ => 5,
                        };
                        let keep = n - marks;
                        i += keep;
                        flush!();
                        i += marks;
                        run = i;
                        if marks != 3 {
                            b.toggle(MarkKind::Italic);
                        }
                        if marks != 2 {
                            b.toggle(MarkKind::Bold);
                        }
                        continue;
                    }
                    i += 1;
                }
                b'&' => {
                    if let Some((len, s)) = entity(&src[i..end]) {
                        flush!();
                        b.synth(Span::new(i, i + len), &s);
                        i += len;
                        run = i;
                        continue;
                    }
                    i += 1;
                }
                b'_' => {
                    if let Some(len) = magic_word(&bytes[i..end]) {
                        flush!();
                        i += len;
                        run = i;
                        continue;
                    }
                    i += 1;
                }
                _ => {
                    i = RENDER_STOPS.find(&bytes[..end], i + 1).unwrap_or(end);
                }
            }
        }
        flush!();
    }

    /// `{{{1|default}}}`: the default, if any.
    fn param(&mut self, b: &mut Builder, span: Span, depth: usize) {
        let inner = Span::new(span.start + 3, span.end - 3);
        let parts = self.split(inner, b'|');
        if let Some(default) = parts.get(1) {
            self.render(b, *default, depth + 1);
        }
    }

    /// `[[Target|text]]`: the text, or the target; files and categories
    /// render as nothing. Returns the target's span where the link shows
    /// as one.
    fn link(&mut self, b: &mut Builder, span: Span, depth: usize) -> Option<Span> {
        let inner = Span::new(span.start + 2, span.end - 2);
        // Most links are `[[Target]]` or `[[Target|text]]`: the first
        // top-level bar is all they need, without a vector of parts.
        let bar = self.find_top_level(inner, b'|');
        let head = Span::new(inner.start, bar.unwrap_or(inner.end));
        let target = &self.src[head];
        let t = target.trim_start();
        let colon_lead = t.starts_with(':');
        if !colon_lead {
            if let Some((prefix, _)) = t.split_once(':') {
                // Namespace names are case-insensitive, in any script.
                let prefix = prefix.trim().to_lowercase();
                let prefix = prefix.as_str();
                let file = markup::FILE_NAMESPACES.contains(&prefix);
                // A language code (two or three letters) not also a
                // sister project's prefix is an interlanguage link.
                let language = (2..=3).contains(&prefix.len())
                    && prefix.chars().all(|c| c.is_ascii_lowercase())
                    && !markup::INTERWIKI_PREFIXES.contains(&prefix);
                let hidden = file
                    || markup::CATEGORY_NAMESPACES.contains(&prefix)
                    || prefix == "media"
                    || language;
                if file {
                    let parts = self.split(inner, b'|');
                    if let Some(c) = caption(self.src, &parts[1..]) {
                        self.captions.push(c);
                    }
                }
                if hidden {
                    return None;
                }
            }
        }
        match bar {
            Some(bar) => {
                let text = Span::new(bar + 1, inner.end);
                if text.trim(self.src).is_empty() {
                    // The pipe trick: "[[Paris, Texas|]]" shows "Paris".
                    let shown = target.split([',', '(']).next().unwrap_or(target).trim();
                    let start = head.start + (target.len() - target.trim_start().len());
                    b.verbatim(self.src, Span::new(start, start + shown.len()));
                } else {
                    self.render(b, text, depth + 1);
                }
            }
            None => {
                let lead = target.len() - t.len() + usize::from(colon_lead);
                let shown = Span::new(head.start + lead, head.end).trim(self.src);
                self.render(b, shown, depth + 1);
            }
        }
        Some(head.trim(self.src))
    }

    /// `{{name|args}}`: dispatched to the known-template table.
    fn template(&mut self, b: &mut Builder, span: Span, depth: usize) {
        let call = self.call(span);
        if call.name.starts_with('#') || call.name.is_empty() {
            return; // parser functions
        }
        templates::render(self, b, &call, depth + 1);
    }

    /// Parses a template call: name and arguments split at top-level `|`.
    pub fn call(&mut self, span: Span) -> Call {
        let inner = Span::new(
            span.start + 2,
            span.end.saturating_sub(2).max(span.start + 2),
        );
        let parts = self.split(inner, b'|');
        let raw_name = parts[0].trim(self.src);
        let mut name = String::with_capacity(raw_name.len());
        for c in self.src[raw_name].chars() {
            match c {
                '_' => name.push(' '),
                c if c.is_whitespace() => {
                    if !name.ends_with(' ') {
                        name.push(' ');
                    }
                }
                c => name.extend(c.to_lowercase()),
            }
        }
        // Comments inside the name ("Infobox<!-- x -->country").
        if name.contains("<!--") {
            name = self.plain(raw_name, MAX_NESTING - 1).to_lowercase();
        }
        let bare = name
            .trim()
            .trim_start_matches("template:")
            .trim_start_matches("subst:")
            .trim();
        // Most names need no trimming: keep the string rather than copy it.
        let name = if bare.len() == name.len() {
            name
        } else {
            bare.to_string()
        };
        let args = parts[1..]
            .iter()
            .map(|&p| {
                if let Some(eq) = self.find_top_level(p, b'=') {
                    let key = self.src[p.start..eq].trim().to_lowercase();
                    if !key.is_empty() {
                        let value = Span::new(eq + 1, p.end).trim(self.src);
                        return Arg {
                            name: Some(key),
                            span: p,
                            value,
                        };
                    }
                }
                Arg {
                    name: None,
                    span: p,
                    value: p.trim(self.src),
                }
            })
            .collect();
        Call {
            name,
            raw_name,
            args,
            span,
        }
    }

    /// Splits `span` at top-level occurrences of `sep` (outside nested
    /// templates, links, comments, refs and tags).
    pub fn split(&self, span: Span, sep: u8) -> Vec<Span> {
        let mut out = Vec::new();
        let mut start = span.start;
        while let Some(at) = self.find_top_level(Span::new(start, span.end), sep) {
            out.push(Span::new(start, at));
            start = at + 1;
        }
        out.push(Span::new(start, span.end));
        out
    }

    /// The first top-level `sep` in `span`. Plain bytes are skipped in
    /// bulk; nested constructs are jumped over with the scan's pairs.
    pub fn find_top_level(&self, span: Span, sep: u8) -> Option<usize> {
        debug_assert!(
            SPLIT_STOPS.contains(sep),
            "separator {sep} not in SPLIT_STOPS"
        );
        let bytes = &self.src.as_bytes()[..span.end.min(self.src.len())];
        let mut i = span.start;
        while let Some(j) = SPLIT_STOPS.find(bytes, i) {
            let c = bytes[j];
            if c == sep {
                return Some(j);
            }
            let skip = match c {
                b'{' | b'[' => self.scan.pair_at(j).map(|p| p.0),
                b'<' => self
                    .scan
                    .opaque_at(j)
                    .map(|o| o.0)
                    .or_else(|| self.scan.ref_at(j).map(|r| self.scan.refs[r].span.end)),
                _ => None,
            };
            i = match skip {
                Some(e) if e > j && e <= span.end => e,
                _ => j + 1,
            };
        }
        None
    }
}

/// The bytes [`Renderer::find_top_level`] stops at: the separators it is
/// asked for and the openers of constructs it jumps over.
const SPLIT_STOPS: crate::bytes::ByteSet = crate::bytes::ByteSet::new(b"|=!\n{[<");

/// The bytes that may start markup in running text.
const RENDER_STOPS: crate::bytes::ByteSet = crate::bytes::ByteSet::new(b"{[<'&_");

/// The caption of `[[File:x|thumb|left|200px|Caption]]`: the last part
/// that is not an image option.
fn caption(src: &str, parts: &[Span]) -> Option<Span> {
    let last = parts.last()?.trim(src);
    let t = src[last].trim();
    let option = t.is_empty()
        || matches!(
            t.to_ascii_lowercase().as_str(),
            "thumb"
                | "thumbnail"
                | "mini"
                | "miniatur"
                | "miniatura"
                | "vignette"
                | "hochkant"
                | "rechts"
                | "links"
                | "zentriert"
                | "ohne"
                | "rahmenlos"
                | "gerahmt"
                | "droite"
                | "gauche"
                | "centré"
                | "derecha"
                | "izquierda"
                | "destra"
                | "sinistra"
                | "frame"
                | "framed"
                | "frameless"
                | "left"
                | "right"
                | "center"
                | "centre"
                | "none"
                | "upright"
                | "border"
                | "baseline"
                | "middle"
                | "top"
                | "bottom"
                | "text-top"
                | "text-bottom"
                | "sub"
                | "super"
        )
        || t.ends_with("px")
            && t.trim_end_matches("px")
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'x')
        || [
            "alt=",
            "link=",
            "class=",
            "page=",
            "lang=",
            "upright=",
            "thumb=",
            "thumbnail=",
            "hochkant=",
            "mini=",
            "alternativtext=",
        ]
        .iter()
        .any(|p| t.to_ascii_lowercase().starts_with(p));
    (!option).then_some(last)
}

/// The end (after `]`) of an external link `[scheme://… text]` at `i`.
fn external_link_end(b: &[u8], i: usize, end: usize) -> Option<usize> {
    let rest = &b[i + 1..end];
    let scheme = ["http://", "https://", "ftp://", "//", "mailto:", "news:"]
        .iter()
        .any(|s| rest.len() >= s.len() && rest[..s.len()].eq_ignore_ascii_case(s.as_bytes()));
    if !scheme {
        return None;
    }
    // Bounded: a link does not span lines or run past 2000 bytes.
    let limit = rest.len().min(2000);
    let rest = &rest[..limit];
    // A wikilink in its text does not close it: MediaWiki reads internal
    // links first, so "[url "Anarchism" at the [[Britannica]] online.]"
    // is one link whose text holds another.
    let mut j = 0;
    while j < rest.len() {
        match rest[j] {
            b'\n' => return None,
            b']' => return Some(i + 1 + j + 1),
            b'[' if rest.get(j + 1) == Some(&b'[') => {
                let inner = &rest[j + 2..];
                let stop = inner.iter().position(|&c| c == b'\n' || c == b']');
                match stop {
                    Some(k) if inner[k] == b']' && inner.get(k + 1) == Some(&b']') => {
                        j += 2 + k + 2;
                    }
                    _ => j += 1,
                }
            }
            _ => j += 1,
        }
    }
    None
}

/// The end of an HTML-like opening or closing tag at `i`, if it is one.
fn tag_end(b: &[u8], i: usize) -> Option<usize> {
    if b.get(i + 1) == Some(&b'/') {
        let n = b[i + 2..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if n == 0 {
            return None;
        }
        let j = i + 2 + n;
        let sp = b[j..].iter().take_while(|c| **c == b' ').count();
        return (b.get(j + sp) == Some(&b'>')).then_some(j + sp + 1);
    }
    open_tag(b, i).map(|(_, e, _)| e)
}

/// `__NOTOC__` and the other behaviour switches.
fn magic_word(b: &[u8]) -> Option<usize> {
    if !b.starts_with(b"__") {
        return None;
    }
    let n = b[2..].iter().take_while(|c| c.is_ascii_uppercase()).count();
    (n >= 3 && b[2 + n..].starts_with(b"__")).then_some(n + 4)
}

/// An HTML entity at the start of `s`: its length and what it stands for.
fn entity(s: &str) -> Option<(usize, String)> {
    let semi = s.as_bytes().iter().take(12).position(|&c| c == b';')?;
    let body = &s[1..semi];
    let decoded = if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(code)?.to_string()
    } else {
        markup::html_entity(body)?.to_string()
    };
    Some((semi + 1, decoded))
}
