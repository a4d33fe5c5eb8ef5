//! Wikitext that was HTML-escaped once too often: `&lt;ref&gt;` where the
//! article means `<ref>`. A database dump's XML holds wikitext this way, and
//! a reader that takes the text out without unescaping it hands us every
//! tag as text. Such an article is read unescaped, and every span of the
//! result is mapped back to the input as given, so `input[start..end]` is
//! still exactly the text of each record.

use crate::diagnostics::DiagnosticKind;
use crate::lexicon::markup::XML_ENTITIES;
use crate::model;
use crate::span::LineIndex;

/// An escaped article read back to wikitext, with the way home.
pub struct Unescaped {
    /// The wikitext.
    pub text: String,
    /// Where the first escaped ref tag stands in the input.
    at: usize,
    /// (offset in `text`, offset in the input) at both ends of every
    /// entity replaced, in order: between two checkpoints the bytes are the
    /// same.
    checkpoints: Vec<(usize, usize)>,
}

impl Unescaped {
    /// The input offset of `text` offset `at`; `hint` is where the last
    /// look-up ended. Spans come mostly in increasing order, so the search
    /// gallops forward from there: a binary search over the whole list
    /// (an entity every few bytes: millions of checkpoints) missed the
    /// cache on every record and grew faster than the article.
    fn to_input(&self, at: usize, hint: &std::cell::Cell<usize>) -> usize {
        let cps = &self.checkpoints;
        let from = hint.get().min(cps.len());
        let i = if from > 0 && cps[from - 1].0 > at {
            cps[..from].partition_point(|&(t, _)| t <= at)
        } else {
            // Gallop: the first step past `at`, then a search within it.
            let mut step = 1;
            let mut lo = from;
            while lo + step <= cps.len() && cps[lo + step - 1].0 <= at {
                lo += step;
                step *= 2;
            }
            let hi = (lo + step).min(cps.len());
            lo + cps[lo..hi].partition_point(|&(t, _)| t <= at)
        };
        hint.set(i);
        match i.checked_sub(1).map(|i| cps[i]) {
            Some((t, s)) => s + (at - t),
            None => at,
        }
    }
}

/// Where an escaped ref tag (`&lt;ref`) first stands, in an article that
/// has no real one: the sign of an article escaped once too often.
pub fn escaped_at(src: &str) -> Option<usize> {
    let at = memchr::memmem::find(src.as_bytes(), b"&lt;ref")?;
    memchr::memmem::find(src.as_bytes(), b"<ref")
        .is_none()
        .then_some(at)
}

/// The article unescaped, where [`escaped_at`] says it was escaped.
pub fn unescape(src: &str) -> Option<Unescaped> {
    let at = escaped_at(src)?;
    let mut text = String::with_capacity(src.len());
    let mut checkpoints = Vec::new();
    let mut from = 0;
    while let Some(amp) = crate::bytes::find_byte(src.as_bytes(), b'&', from) {
        let rest = &src[amp..];
        let Some((entity, c)) = XML_ENTITIES.iter().find(|(e, _)| rest.starts_with(e)) else {
            text.push_str(&src[from..=amp]);
            from = amp + 1;
            continue;
        };
        text.push_str(&src[from..amp]);
        checkpoints.push((text.len(), amp));
        text.push(*c);
        checkpoints.push((text.len(), amp + entity.len()));
        from = amp + entity.len();
    }
    text.push_str(&src[from..]);
    Some(Unescaped {
        text,
        at,
        checkpoints,
    })
}

/// Maps every span of `article` (made from `u.text`) back into `src`, and
/// the fields that quote the input (`text`, `raw`, `source`) with them;
/// adds a warning that says the article was read unescaped.
pub fn map_back(article: &mut model::Article, u: &Unescaped, src: &str) {
    let lines = LineIndex::new(src);
    let (line, column) = lines.line_col(src, u.at);
    let kind = DiagnosticKind::EscapedWikitext;
    let note = model::Diagnostic {
        severity: model::Severity::Warning,
        code: kind.code().to_string(),
        message: kind.to_string(),
        span: model::Span {
            start: u.at as u64,
            end: (u.at + "&lt;ref".len()) as u64,
            line: line as u64,
            column: column as u64,
        },
    };
    let hint = std::cell::Cell::new(0);
    let fix = |s: &mut model::Span| {
        let start = u.to_input(s.start as usize, &hint);
        let end = u.to_input(s.end as usize, &hint);
        let (line, column) = lines.line_col(src, start);
        *s = model::Span {
            start: start as u64,
            end: end as u64,
            line: line as u64,
            column: column as u64,
        };
    };
    let quote = |s: &model::Span| src[s.start as usize..s.end as usize].to_string();
    for s in &mut article.sections {
        fix(&mut s.span);
    }
    if let Some(ib) = article.infobox.as_mut() {
        for f in &mut ib.fields {
            fix(&mut f.span);
        }
    }
    for e in &mut article.events {
        fix(&mut e.span);
        e.text = quote(&e.span);
    }
    for m in &mut article.money {
        fix(&mut m.span);
        m.text = quote(&m.span);
    }
    for c in &mut article.citations {
        fix(&mut c.span);
        c.raw = quote(&c.span);
        for s in &mut c.uses {
            fix(s);
        }
    }
    for d in &mut article.diagnostics {
        fix(&mut d.span);
    }
    let i = article
        .diagnostics
        .partition_point(|d| d.span.start <= note.span.start);
    article.diagnostics.insert(i, note);
    // (Its hash is the caller's, made once from the input.)
    article.source.bytes = src.len() as u64;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_home() {
        let src = "a &lt;ref&gt;b&lt;/ref&gt; &amp;nbsp;c";
        let u = unescape(src).expect("escaped");
        assert_eq!(u.text, "a <ref>b</ref> &nbsp;c");
        let pairs = [(0, 0), (2, 2), (3, 6), (7, 13), (8, 14), (15, 27), (16, 32)];
        let hint = std::cell::Cell::new(0);
        for (t, s) in pairs {
            assert_eq!(u.to_input(t, &hint), s, "text offset {t}");
        }
        // Out of order, the same answers: the hint only speeds the search.
        for (t, s) in pairs.iter().rev().chain(pairs.iter().step_by(3)) {
            assert_eq!(u.to_input(*t, &hint), *s, "text offset {t}, out of order");
        }
        assert!(unescape("a <ref>b</ref> &lt;ref&gt;").is_none());
        assert!(unescape("plain &amp; text").is_none());
    }

    #[test]
    fn an_escaped_article_reads_as_wikitext_with_spans_into_the_input() {
        let src = "Zed began in [[Kyiv]] on 3 May 1990.&lt;ref name=&quot;a&quot;&gt;{{cite web|title=Start|date=4 May 1990}}&lt;/ref&gt; It cost $5 million.&lt;ref name=&quot;a&quot; /&gt;\n";
        let config = crate::Config {
            dialect: Some(crate::Dialect::Wikitext),
            ..Default::default()
        };
        let a = crate::process_article(src, &config);
        assert_eq!(a.citations.len(), 1);
        assert_eq!(a.citations[0].title.as_deref(), Some("Start"));
        assert_eq!(a.citations[0].uses.len(), 1);
        let raw = &a.citations[0].raw;
        assert!(raw.starts_with("&lt;ref name=&quot;a&quot;&gt;"), "{raw}");
        for (text, span) in a
            .events
            .iter()
            .map(|e| (&e.text, &e.span))
            .chain(a.money.iter().map(|m| (&m.text, &m.span)))
        {
            assert_eq!(&src[span.start as usize..span.end as usize], text);
        }
        assert_eq!(a.events[0].citations, [0]);
        assert_eq!(a.money[0].citations, [0]);
        assert!(
            a.diagnostics
                .iter()
                .any(|d| d.message.contains("HTML-escaped"))
        );
        assert_eq!(a.source.bytes, src.len() as u64);
        let problems = crate::schema::check_article(&a, Some(src));
        assert!(problems.is_empty(), "{problems:?}");
    }
}
