//! Byte spans into the article source, and the line index that turns them
//! into 1-based line and column numbers at the edges (JSON, error messages).

use std::fmt;
use std::ops::{Index, Range};

/// A half-open byte range `start..end` into the article source.
///
/// Invariant: `start <= end`. Spans built by the parsers always lie on UTF-8
/// character boundaries; [`Span::new`] checks the order, and the model's
/// validation checks the boundaries before anything is written.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; an inverted pair is clamped to empty
    /// rather than trusted, so a bug upstream can never index out of order.
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The span of `part`, a sub-slice of `whole`, where `whole` starts at
    /// byte `base` of the source.
    pub fn of_subslice(base: usize, whole: &str, part: &str) -> Span {
        let off = part.as_ptr() as usize - whole.as_ptr() as usize;
        Span::new(base + off, base + off + part.len())
    }

    /// Shrinks the span to drop leading and trailing white space.
    pub fn trim(self, src: &str) -> Span {
        let s = &src[self.start..self.end];
        let lead = s.len() - s.trim_start().len();
        let t = s.trim();
        Span::new(self.start + lead, self.start + lead + t.len())
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl Index<Span> for str {
    type Output = str;
    fn index(&self, span: Span) -> &str {
        &self[span.start..span.end]
    }
}

/// Line starts of one article, built once, for byte offset → line:column.
///
/// Columns are counted in characters (Unicode scalar values), 1-based, as
/// the output contract says; lines are 1-based and split at `\n`.
///
/// Counting characters from the start of the line would cost the line's
/// length per lookup, which is quadratic on a one-line article; so the index
/// also keeps the running character count at every [`CHECKPOINT`] bytes,
/// and a lookup counts at most that many bytes.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// `(byte offset, characters before it)` at char boundaries, about
    /// every `CHECKPOINT` bytes; empty when the source is ASCII.
    checkpoints: Vec<(usize, usize)>,
}

/// Distance between character-count checkpoints: a lookup counts at most
/// this many bytes.
const CHECKPOINT: usize = 512;

impl LineIndex {
    pub fn new(src: &str) -> LineIndex {
        let mut starts = Vec::with_capacity(src.len() / 40 + 1);
        starts.push(0);
        starts.extend(memchr_newlines(src.as_bytes()).map(|i| i + 1));
        let mut checkpoints = Vec::new();
        if !src.is_ascii() {
            let mut chars = 0;
            let mut at = 0;
            while at < src.len() {
                checkpoints.push((at, chars));
                let next = crate::text::floor_char_boundary(src, at + CHECKPOINT);
                let next = if next <= at {
                    at + src[at..].chars().next().map_or(1, char::len_utf8)
                } else {
                    next
                };
                chars += src[at..next].chars().count();
                at = next;
            }
        }
        LineIndex {
            starts,
            checkpoints,
        }
    }

    /// Characters before byte `offset` (a char boundary) in `src`.
    fn chars_before(&self, src: &str, offset: usize) -> usize {
        if self.checkpoints.is_empty() {
            return offset;
        }
        let k = self.checkpoints.partition_point(|(b, _)| *b <= offset) - 1;
        let (b, c) = self.checkpoints[k];
        c + src.get(b..offset).map_or(offset - b, |s| s.chars().count())
    }

    /// 1-based line and character column of byte `offset` in `src`.
    pub fn line_col(&self, src: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(src.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        // A short stretch is counted directly; a long line through the
        // checkpoints.
        let col = match src.get(start..offset) {
            Some(seg) if self.checkpoints.is_empty() => seg.len(),
            Some(seg) if seg.len() <= CHECKPOINT => seg.chars().count(),
            _ => self.chars_before(src, offset) - self.chars_before(src, start),
        };
        (line + 1, col + 1)
    }
}

fn memchr_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b'\n', bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let src = "ab\nçé x\n";
        let idx = LineIndex::new(src);
        assert_eq!(idx.line_col(src, 0), (1, 1));
        assert_eq!(idx.line_col(src, 3), (2, 1));
        // 'x' is after two 2-byte chars and a space: byte 3+5=8, column 4.
        assert_eq!(idx.line_col(src, 8), (2, 4));
        assert_eq!(idx.line_col(src, src.len()), (3, 1));
    }

    #[test]
    fn long_non_ascii_line_uses_checkpoints() {
        let src = "é".repeat(3000) + "x";
        let idx = LineIndex::new(&src);
        assert_eq!(idx.line_col(&src, 6000), (1, 3001));
        assert_eq!(idx.line_col(&src, 1024), (1, 513));
    }

    #[test]
    fn trim_and_subslice() {
        let src = "  hello  ";
        assert_eq!(Span::new(0, src.len()).trim(src), Span::new(2, 7));
        let part = &src[2..7];
        assert_eq!(Span::of_subslice(10, src, part), Span::new(12, 17));
        assert_eq!(Span::new(5, 3), Span::new(5, 5));
    }
}
