//! MediaWiki XML exports: the dump files wikis publish
//! (`*-pages-articles.xml`, `…-multistream.xml.bz2` with its index) and
//! Special:Export's output.
//!
//! An export is one `<mediawiki>` element holding a `<siteinfo>` and then
//! `<page>`s, each with its title, namespace, id, an optional `<redirect>`
//! and one or more `<revision>`s (the last is the latest), whose `<text>`
//! is the page's wikitext, XML-escaped. [`PageReader`] streams the pages
//! out one at a time with quick-xml, so a dump of any size is read in the
//! memory of its largest page; [`process_page`] runs the article pipeline
//! on one. [`run`] is the whole job, in parallel and in dump order.
//!
//! Multistream dumps are many bzip2 streams of 100 pages each, and their
//! index (`offset:page_id:title` per page, itself bzip2) says where each
//! stream starts: [`index`] reads it so the streams can be decoded on
//! every core at once.

pub mod index;
pub mod output;
pub mod run;

use std::io::{BufRead, Read};
use std::path::Path;

use quick_xml::events::Event;

use crate::{Config, Dialect, Error, model};

/// One page of an export, as the XML holds it, with its latest revision.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    pub title: String,
    /// The namespace number (`<ns>`); 0 where an old export has none.
    pub ns: i64,
    pub id: Option<u64>,
    /// The page has a `<redirect>` element, or its text starts with
    /// `#REDIRECT`.
    pub redirect: bool,
    pub revision_id: Option<u64>,
    /// The revision's `<timestamp>`, as written (ISO 8601, UTC).
    pub timestamp: Option<String>,
    /// The revision's content model (`wikitext`, `css`, `json`, …).
    pub model: Option<String>,
    /// The wikitext, its XML entities decoded; `None` where the revision's
    /// text is missing or deleted.
    pub text: Option<String>,
    /// Byte offset of the `<page>` tag in the decoded XML, for messages.
    pub offset: u64,
}

impl Page {
    /// `title (id N)`, for messages about the page.
    pub fn label(&self) -> String {
        match self.id {
            Some(id) => format!("{:?} (page id {id})", self.title),
            None => format!("{:?}", self.title),
        }
    }
}

/// An export that cannot be read on: malformed XML, or not an export.
#[derive(Debug, thiserror::Error)]
#[error("byte {offset} of the XML: {message}")]
pub struct XmlError {
    /// Byte offset in the decoded XML.
    pub offset: u64,
    pub message: String,
}

/// Streams the pages out of an export, or out of a fragment of one (a
/// multistream dump's stream holds `<page>`s with no root around them).
pub struct PageReader<R: BufRead> {
    xml: quick_xml::Reader<R>,
    buf: Vec<u8>,
    /// Whether the first element must be `<mediawiki>` (a whole export).
    expect_root: bool,
    seen_element: bool,
    done: bool,
}

impl<R: BufRead> PageReader<R> {
    /// A reader of a whole export: its root must be `<mediawiki>`.
    pub fn new(input: R) -> Self {
        Self::with_root(input, true)
    }

    /// A reader of a fragment: `<page>` elements, with or without the
    /// export's opening or closing tags around them.
    pub fn fragment(input: R) -> Self {
        Self::with_root(input, false)
    }

    fn with_root(input: R, expect_root: bool) -> Self {
        let mut xml = quick_xml::Reader::from_reader(input);
        let config = xml.config_mut();
        // A fragment may close the root it never opened (the last
        // stream of a multistream dump ends with `</mediawiki>`).
        config.check_end_names = expect_root;
        config.allow_unmatched_ends = !expect_root;
        config.expand_empty_elements = false;
        PageReader {
            xml,
            buf: Vec::with_capacity(1 << 16),
            expect_root,
            seen_element: false,
            done: false,
        }
    }

    fn error(&self, message: impl Into<String>) -> XmlError {
        XmlError {
            offset: self.xml.buffer_position(),
            message: message.into(),
        }
    }

    /// The next page, `None` at the end of the input.
    pub fn next_page(&mut self) -> Result<Option<Page>, XmlError> {
        if self.done {
            return Ok(None);
        }
        loop {
            self.buf.clear();
            let offset = self.xml.buffer_position();
            let event = match self.xml.read_event_into(&mut self.buf) {
                Ok(e) => e,
                Err(e) => {
                    self.done = true;
                    return Err(self.error(e.to_string()));
                }
            };
            match event {
                Event::Start(e) => {
                    let name = e.local_name().as_ref().to_vec();
                    let qname = e.name().as_ref().to_vec();
                    if !self.seen_element {
                        self.seen_element = true;
                        if self.expect_root && name != b"mediawiki" {
                            self.done = true;
                            return Err(self.error(format!(
                                "expected a MediaWiki export (root element <mediawiki>), found <{}>",
                                String::from_utf8_lossy(&name)
                            )));
                        }
                    }
                    match name.as_slice() {
                        b"page" => return self.page(offset).map(Some),
                        b"mediawiki" => {}
                        // siteinfo and anything else outside pages.
                        _ => self.skip(&qname)?,
                    }
                }
                Event::Eof => {
                    self.done = true;
                    if self.expect_root && !self.seen_element {
                        return Err(self.error("expected a MediaWiki export, found no element"));
                    }
                    return Ok(None);
                }
                _ => {}
            }
        }
    }

    /// Skips the element whose start tag (named `qname`) was just read,
    /// with all it holds.
    fn skip(&mut self, qname: &[u8]) -> Result<(), XmlError> {
        let mut scratch = Vec::new();
        self.xml
            .read_to_end_into(quick_xml::name::QName(qname), &mut scratch)
            .map(|_| ())
            .map_err(|e| self.error(e.to_string()))
    }

    /// Reads one `<page>` (its start tag just read) up to its end tag.
    fn page(&mut self, offset: u64) -> Result<Page, XmlError> {
        let mut page = Page {
            offset,
            ..Page::default()
        };
        // Where the reader is: 0 page, 1 revision, 2 inside a revision's
        // contributor (whose <id> is a user's, not the page's).
        let mut depth_in_revision = 0u8;
        loop {
            self.buf.clear();
            let event = self
                .xml
                .read_event_into(&mut self.buf)
                .map_err(|e| XmlError {
                    offset: self.xml.buffer_position(),
                    message: format!("in page {}: {e}", page.label()),
                })?;
            match event {
                Event::Start(e) => {
                    let name = e.local_name().as_ref().to_vec();
                    let qname = e.name().as_ref().to_vec();
                    match (depth_in_revision, name.as_slice()) {
                        (0, b"title") => page.title = self.text_of(&name)?,
                        (0, b"ns") => {
                            let t = self.text_of(&name)?;
                            page.ns = t
                                .trim()
                                .parse()
                                .map_err(|_| self.error(format!("<ns> is not a number: {t:?}")))?;
                        }
                        (0, b"id") => page.id = self.number(&name)?,
                        (0, b"revision") => {
                            // A later revision replaces an earlier one.
                            depth_in_revision = 1;
                            page.revision_id = None;
                            page.timestamp = None;
                            page.model = None;
                            page.text = None;
                        }
                        (1, b"id") => page.revision_id = self.number(&name)?,
                        (1, b"timestamp") => page.timestamp = Some(self.text_of(&name)?),
                        (1, b"model") => page.model = Some(self.text_of(&name)?),
                        (1, b"text") => page.text = Some(self.text_of(&name)?),
                        (1, b"contributor") => depth_in_revision = 2,
                        (_, b"redirect") => {
                            page.redirect = true;
                            self.skip(&qname)?;
                        }
                        _ => self.skip(&qname)?,
                    }
                }
                Event::Empty(e) => match e.local_name().as_ref() {
                    b"redirect" => page.redirect = true,
                    // `<text deleted="deleted" />` or an empty page.
                    b"text" if depth_in_revision == 1 => {
                        let deleted = e
                            .attributes()
                            .flatten()
                            .any(|a| a.key.local_name().as_ref() == b"deleted");
                        page.text = if deleted { None } else { Some(String::new()) };
                    }
                    _ => {}
                },
                Event::End(e) => match e.local_name().as_ref() {
                    b"page" => break,
                    b"revision" => depth_in_revision = 0,
                    b"contributor" => depth_in_revision = 1,
                    _ => {}
                },
                Event::Eof => {
                    return Err(self.error(format!(
                        "the input ends inside page {} (a truncated dump?)",
                        page.label()
                    )));
                }
                _ => {}
            }
        }
        if let Some(text) = &page.text {
            page.redirect |= is_redirect(text);
        }
        Ok(page)
    }

    /// A number element's value (`<id>`).
    fn number(&mut self, name: &[u8]) -> Result<Option<u64>, XmlError> {
        let t = self.text_of(name)?;
        t.trim()
            .parse()
            .map(Some)
            .map_err(|_| self.error(format!("<id> is not a number: {t:?}")))
    }

    /// The text content of the element `name` (its start tag just read),
    /// entities decoded and line ends normalised as XML 1.0 says, up to its
    /// end tag.
    fn text_of(&mut self, name: &[u8]) -> Result<String, XmlError> {
        let mut out = String::new();
        let mut depth = 0usize;
        let mut buf = Vec::new();
        loop {
            buf.clear();
            let event = self.xml.read_event_into(&mut buf).map_err(|e| XmlError {
                offset: self.xml.buffer_position(),
                message: e.to_string(),
            })?;
            match event {
                Event::Text(t) => {
                    out.push_str(&t.xml10_content().map_err(|e| self.error(e.to_string()))?);
                }
                Event::CData(t) => {
                    out.push_str(&t.xml10_content().map_err(|e| self.error(e.to_string()))?);
                }
                Event::GeneralRef(r) => {
                    let resolved = match r.resolve_char_ref() {
                        Ok(Some(c)) => Some(c.to_string()),
                        Ok(None) => r.decode().ok().and_then(|name| {
                            quick_xml::escape::resolve_xml_entity(&name).map(str::to_string)
                        }),
                        Err(_) => None,
                    };
                    match resolved {
                        Some(s) => out.push_str(&s),
                        // An entity the export does not define: kept as
                        // written rather than lost.
                        None => {
                            out.push('&');
                            out.push_str(&String::from_utf8_lossy(&r));
                            out.push(';');
                        }
                    }
                }
                Event::Start(_) => depth += 1,
                Event::End(e) if depth == 0 && e.local_name().as_ref() == name => break,
                Event::End(_) => depth = depth.saturating_sub(1),
                Event::Eof => {
                    return Err(self.error(format!(
                        "the input ends inside <{}>",
                        String::from_utf8_lossy(name)
                    )));
                }
                _ => {}
            }
        }
        Ok(out)
    }
}

impl<R: BufRead> Iterator for PageReader<R> {
    type Item = Result<Page, XmlError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_page().transpose()
    }
}

/// Whether wikitext is a redirect page (`#REDIRECT [[Target]]`, any case;
/// the English keyword, which every wiki also accepts).
fn is_redirect(text: &str) -> bool {
    let head = text.trim_start().as_bytes();
    head.len() >= 9 && head[..9].eq_ignore_ascii_case(b"#redirect")
}

/// The magic bytes of a bzip2 stream: `BZh`, a block size digit and the
/// block header `1AY&SY` (π's digits).
pub fn is_bzip2(head: &[u8]) -> bool {
    head.len() >= 10
        && head.starts_with(b"BZh")
        && head[3].is_ascii_digit()
        && head[4..10] == [0x31, 0x41, 0x59, 0x26, 0x53, 0x59]
}

/// Whether text starts like a MediaWiki export (`<?xml …?>` and comments
/// allowed before the root), looking at its first kilobytes only.
pub fn looks_like_export(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let mut rest = head.trim_ascii_start();
    loop {
        if rest.starts_with(b"<mediawiki") {
            return true;
        }
        let skip = if rest.starts_with(b"<?") {
            memchr::memmem::find(rest, b"?>").map(|i| i + 2)
        } else if rest.starts_with(b"<!--") {
            memchr::memmem::find(rest, b"-->").map(|i| i + 3)
        } else {
            None
        };
        match skip {
            Some(n) => rest = rest[n..].trim_ascii_start(),
            None => return false,
        }
    }
}

/// Opens an export, decoding bzip2 where the bytes are bzip2 (by their
/// magic, not the file name): plain and multistream dumps alike, since a
/// multistream file is bzip2 streams one after another.
pub fn open_export<'a>(
    mut input: impl BufRead + Send + 'a,
) -> std::io::Result<Box<dyn BufRead + Send + 'a>> {
    let head = input.fill_buf()?;
    if is_bzip2(head) {
        let decoder = bzip2::bufread::MultiBzDecoder::new(input);
        Ok(Box::new(std::io::BufReader::with_capacity(
            1 << 16,
            decoder,
        )))
    } else {
        Ok(Box::new(input))
    }
}

/// Decodes bytes that are bzip2 (one or several streams), or returns
/// them as they are.
pub fn decode_all(bytes: Vec<u8>) -> std::io::Result<Vec<u8>> {
    if !is_bzip2(&bytes) {
        return Ok(bytes);
    }
    let mut out = Vec::with_capacity(bytes.len() * 5);
    bzip2::read::MultiBzDecoder::new(bytes.as_slice()).read_to_end(&mut out)?;
    Ok(out)
}

/// How pages become documents.
#[derive(Debug, Clone, Default)]
pub struct PageConfig {
    /// The dump's name as given, written to `source.name`.
    pub name: String,
    /// Force a dialect (default: wikitext, which is what dumps hold).
    pub dialect: Option<Dialect>,
    /// As [`Config::max_bytes`].
    pub max_bytes: Option<usize>,
}

/// Runs the article pipeline on one page: its title is the document's
/// title, its revision's date the reference date for relative dates, and
/// `source` gains the page's and revision's ids and the timestamp.
/// Spans point into the page's wikitext as the XML decodes to.
pub fn process_page(page: &Page, config: &PageConfig) -> Result<model::Article, Error> {
    let path = Path::new(&config.name);
    let Some(text) = &page.text else {
        return Err(Error::Invalid {
            path: path.to_path_buf(),
            message: format!("page {}: its revision has no text (deleted?)", page.label()),
        });
    };
    let timestamp = page
        .timestamp
        .as_deref()
        .and_then(|t| t.trim().parse::<jiff::Timestamp>().ok());
    let article_config = Config {
        name: config.name.clone(),
        dialect: Some(config.dialect.unwrap_or(Dialect::Wikitext)),
        title: Some(page.title.clone()),
        page_name: None,
        reference_date: timestamp.map(|t| t.to_zoned_datetime(jiff::tz::TimeZone::UTC).date()),
        max_bytes: config.max_bytes,
    };
    let mut article =
        crate::process_bytes(path, text.as_bytes(), &article_config).map_err(|e| match e {
            // Say which page, not only which dump.
            Error::Invalid { path, message } => Error::Invalid {
                path,
                message: format!("page {}: {message}", page.label()),
            },
            Error::Empty { path } => Error::Invalid {
                path,
                message: format!("page {}: empty text", page.label()),
            },
            other => Error::Invalid {
                path: path.to_path_buf(),
                message: format!("page {}: {other}", page.label()),
            },
        })?;
    article.source.page_id = page.id;
    article.source.revision_id = page.revision_id;
    article.source.timestamp = timestamp.map(|t| t.to_string());
    Ok(article)
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXPORT: &str = r#"<?xml version="1.0"?>
<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="en">
  <siteinfo><sitename>Test</sitename><namespaces><namespace key="0" case="first-letter" /></namespaces></siteinfo>
  <page>
    <title>Caf&#233; &amp; Bar</title>
    <ns>0</ns>
    <id>12</id>
    <revision>
      <id>100</id>
      <timestamp>2020-01-01T00:00:00Z</timestamp>
      <contributor><username>A</username><id>999</id></contributor>
      <text>old</text>
    </revision>
    <revision>
      <id>101</id>
      <timestamp>2024-05-06T07:08:09Z</timestamp>
      <contributor><ip>1.2.3.4</ip></contributor>
      <model>wikitext</model>
      <format>text/x-wiki</format>
      <text bytes="30" xml:space="preserve">'''Caf&#233;''' &lt;ref&gt;x&lt;/ref&gt; &amp;nbsp;</text>
    </revision>
  </page>
  <page>
    <title>Old name</title><ns>0</ns><id>13</id>
    <redirect title="Caf&#233; &amp; Bar" />
    <revision><id>5</id><text>#REDIRECT [[Café &amp; Bar]]</text></revision>
  </page>
  <page>
    <title>Gone</title><ns>1</ns><id>14</id>
    <revision><id>6</id><text deleted="deleted" /></revision>
  </page>
</mediawiki>
"#;

    #[test]
    fn reads_pages_with_the_latest_revision_and_decoded_text() {
        let pages: Vec<Page> = PageReader::new(EXPORT.as_bytes())
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(pages.len(), 3);
        let p = &pages[0];
        assert_eq!(p.title, "Café & Bar");
        assert_eq!((p.ns, p.id, p.revision_id), (0, Some(12), Some(101)));
        assert_eq!(p.timestamp.as_deref(), Some("2024-05-06T07:08:09Z"));
        assert_eq!(p.model.as_deref(), Some("wikitext"));
        assert_eq!(p.text.as_deref(), Some("'''Café''' <ref>x</ref> &nbsp;"));
        assert!(!p.redirect);
        assert!(pages[1].redirect);
        assert_eq!((pages[2].ns, pages[2].text.as_deref()), (1, None));
    }

    #[test]
    fn a_page_becomes_a_document_with_its_ids() {
        let page = PageReader::new(EXPORT.as_bytes()).next().unwrap().unwrap();
        let config = PageConfig {
            name: "dump.xml".into(),
            ..PageConfig::default()
        };
        let a = process_page(&page, &config).unwrap();
        assert_eq!(a.title.as_deref(), Some("Café & Bar"));
        assert_eq!(a.source.page_id, Some(12));
        assert_eq!(a.source.revision_id, Some(101));
        assert_eq!(a.source.timestamp.as_deref(), Some("2024-05-06T07:08:09Z"));
        assert_eq!(a.source.reference_date.as_deref(), Some("2024-05-06"));
        assert_eq!(a.source.name, "dump.xml");
    }

    #[test]
    fn malformed_xml_and_other_roots_are_errors_with_offsets() {
        let err = PageReader::new("<html><body/></html>".as_bytes())
            .next()
            .unwrap()
            .unwrap_err();
        assert!(err.message.contains("<mediawiki>"), "{err}");
        let cut = &EXPORT[..EXPORT.find("<model>").unwrap()];
        let results: Vec<_> = PageReader::new(cut.as_bytes()).collect();
        let err = results.last().unwrap().as_ref().unwrap_err();
        assert!(err.message.contains("Café & Bar"), "{err}");
        assert!(err.offset > 0);
    }

    #[test]
    fn a_fragment_is_pages_without_a_root() {
        let start = EXPORT.find("  <page>").unwrap();
        let fragment = &EXPORT[start..];
        let pages: Vec<Page> = PageReader::fragment(fragment.as_bytes())
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(pages.len(), 3);
    }

    #[test]
    fn sniffs_exports_and_bzip2() {
        assert!(looks_like_export(EXPORT.as_bytes()));
        assert!(looks_like_export(b"\xEF\xBB\xBF<!-- x -->\n<mediawiki>"));
        assert!(!looks_like_export(b"'''Text''' <mediawiki>"));
        assert!(!is_bzip2(b"BZh9 not really"));
        let mut enc = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::fast());
        std::io::Write::write_all(&mut enc, EXPORT.as_bytes()).unwrap();
        let z = enc.finish().unwrap();
        assert!(is_bzip2(&z));
        assert_eq!(decode_all(z).unwrap(), EXPORT.as_bytes());
    }
}
