//! The index of a multistream dump: one line `offset:page_id:title` per
//! page, where `offset` is the byte offset in the `.xml.bz2` of the bzip2
//! stream that holds the page (about 100 pages a stream). Read as a stream
//! itself: English Wikipedia's index has tens of millions of lines, and
//! holding it would make memory grow with the dump.

use std::io::BufRead;

/// One bzip2 stream of a multistream dump, and the pages the index puts
/// in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stream {
    /// Byte offset of the stream in the dump file.
    pub start: u64,
    /// Where the next stream starts; `None` for the last, which runs to
    /// the end of the file (and holds the closing `</mediawiki>`).
    pub end: Option<u64>,
    /// `(page id, title)` of each page in it, in index order.
    pub pages: Vec<(u64, String)>,
}

/// A malformed index line.
#[derive(Debug, thiserror::Error)]
#[error("index line {line}: {message}")]
pub struct IndexError {
    pub line: u64,
    pub message: String,
}

/// The streams of an index, in file order, read a line at a time.
pub struct Streams<R: BufRead> {
    lines: R,
    line_no: u64,
    line: String,
    /// The stream being gathered: every index line of one offset.
    current: Option<Stream>,
    done: bool,
}

impl<R: BufRead> Streams<R> {
    pub fn new(lines: R) -> Self {
        Streams {
            lines,
            line_no: 0,
            line: String::new(),
            current: None,
            done: false,
        }
    }

    fn fail(&mut self, message: String) -> Option<Result<Stream, IndexError>> {
        self.done = true;
        Some(Err(IndexError {
            line: self.line_no,
            message,
        }))
    }
}

/// Splits `offset:page_id:title` (the title may hold colons).
fn parse_line(line: &str) -> Result<(u64, u64, &str), String> {
    let mut parts = line.splitn(3, ':');
    let (Some(offset), Some(id), Some(title)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(format!("expected `offset:page_id:title`, found {line:?}"));
    };
    let offset = offset
        .parse()
        .map_err(|_| format!("the offset is not a number: {offset:?}"))?;
    let id = id
        .parse()
        .map_err(|_| format!("the page id is not a number: {id:?}"))?;
    Ok((offset, id, title))
}

impl<R: BufRead> Iterator for Streams<R> {
    type Item = Result<Stream, IndexError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        loop {
            self.line.clear();
            match self.lines.read_line(&mut self.line) {
                Ok(0) => {
                    self.done = true;
                    return self.current.take().map(Ok);
                }
                Ok(_) => {}
                Err(e) => return self.fail(format!("cannot read: {e}")),
            }
            self.line_no += 1;
            let line = self.line.trim_end_matches(['\n', '\r']);
            if line.is_empty() {
                continue;
            }
            let (offset, id, title) = match parse_line(line) {
                Ok(p) => p,
                Err(m) => return self.fail(m),
            };
            let title = title.to_string();
            match &mut self.current {
                Some(s) if s.start == offset => s.pages.push((id, title)),
                Some(s) if offset < s.start => {
                    let m = format!(
                        "offset {offset} comes after {}: the index is not in file order",
                        s.start
                    );
                    return self.fail(m);
                }
                current => {
                    let next = Stream {
                        start: offset,
                        end: None,
                        pages: vec![(id, title)],
                    };
                    if let Some(mut done) = current.replace(next) {
                        done.end = Some(offset);
                        return Some(Ok(done));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_lines_by_offset_and_bounds_each_stream_by_the_next() {
        let index = "600:1:A\n600:2:B: the sequel\n9000:3:C\n\n12000:4:D\n";
        let streams: Vec<Stream> = Streams::new(index.as_bytes())
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(streams.len(), 3);
        assert_eq!(streams[0].start, 600);
        assert_eq!(streams[0].end, Some(9000));
        assert_eq!(streams[0].pages[1], (2, "B: the sequel".to_string()));
        assert_eq!(streams[2].end, None);
    }

    #[test]
    fn malformed_and_unordered_lines_name_their_line() {
        let bad: Vec<_> = Streams::new("600:1:A\nx:2:B\n".as_bytes()).collect();
        let err = bad.last().unwrap().as_ref().unwrap_err();
        assert_eq!(err.line, 2);
        let unordered: Vec<_> = Streams::new("900:1:A\n600:2:B\n".as_bytes()).collect();
        assert!(unordered.last().unwrap().is_err());
    }
}
