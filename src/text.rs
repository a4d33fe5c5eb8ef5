//! Text utilities every stage uses: white-space folding, char boundaries
//! and the input digest.

use sha2::{Digest, Sha256};

/// Folds line breaks and runs of white space into single spaces, and
/// trims both ends: what `split_whitespace` and a join would give, in one
/// pass that copies runs of text whole (every record's sentence goes
/// through here).
pub fn one_line(s: &str) -> String {
    /// The bytes that can begin white space; all others are skipped in bulk.
    const CANDIDATES: crate::bytes::ByteSet =
        crate::bytes::ByteSet::new(b" \t\n\r\x0b\x0c\xC2\xE1\xE2\xE3");
    let b = s.as_bytes();
    if is_one_line(b) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let push = |out: &mut String, w: &str| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    };
    let mut word_start = None;
    let mut i = 0;
    while let Some(j) = CANDIDATES.find(b, i) {
        if j > i {
            word_start.get_or_insert(i);
        }
        match white_space_len(b, j) {
            0 => {
                word_start.get_or_insert(j);
                i = j + 1;
            }
            n => {
                if let Some(w) = word_start.take() {
                    push(&mut out, &s[w..j]);
                }
                i = j + n;
            }
        }
    }
    if i < b.len() {
        word_start.get_or_insert(i);
    }
    if let Some(w) = word_start {
        push(&mut out, &s[w..]);
    }
    out
}

/// Is `b` already on one line: no white space but single spaces, none at
/// either end? Checked eight bytes per step; most sentences are, and are
/// then copied whole.
fn is_one_line(b: &[u8]) -> bool {
    /// Bytes that may begin white space other than a plain space.
    const OTHER: crate::bytes::ByteSet =
        crate::bytes::ByteSet::new(b"\t\n\r\x0b\x0c\xC2\xE1\xE2\xE3");
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    if memchr::memmem::find(b, b"  ").is_some() {
        return false;
    }
    let mut i = 0;
    while let Some(j) = OTHER.find(b, i) {
        if white_space_len(b, j) > 0 {
            return false;
        }
        i = j + 1;
    }
    true
}

/// The length of the white-space character (as `char::is_whitespace`
/// defines it) starting at byte `i`, or 0. Decodes only the few lead bytes
/// that can begin one.
fn white_space_len(b: &[u8], i: usize) -> usize {
    let at = |k: usize| b.get(i + k).copied().unwrap_or(0);
    match b[i] {
        b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => 1,
        // U+0085, U+00A0
        0xC2 if matches!(at(1), 0x85 | 0xA0) => 2,
        // U+1680
        0xE1 if at(1) == 0x9A && at(2) == 0x80 => 3,
        // U+2000–U+200A, U+2028, U+2029, U+202F; U+205F
        0xE2 if at(1) == 0x80 && matches!(at(2), 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF) => 3,
        0xE2 if at(1) == 0x81 && at(2) == 0x9F => 3,
        // U+3000
        0xE3 if at(1) == 0x80 && at(2) == 0x80 => 3,
        _ => 0,
    }
}

/// The largest char boundary at or below `i`.
pub fn floor_char_boundary(s: &str, i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    let mut i = i;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Lowercase hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// A name or title without the quotation marks written around it
/// (`title="Acme profits"`, a "See also" entry `"[[Hiding in the Light]]"`,
/// an episode's title): the contract's titles and names carry none.
pub fn unquote(t: &str) -> String {
    let t = t.trim();
    for (open, close) in [('"', '"'), ('“', '”'), ('\'', '\''), ('‘', '’')] {
        if let Some(inner) = t.strip_prefix(open).and_then(|r| r.strip_suffix(close)) {
            if !inner.is_empty() && !inner.contains([open, close]) {
                return inner.trim().to_string();
            }
        }
    }
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_agrees_with_split_whitespace() {
        let mut samples: Vec<String> = [
            "",
            " ",
            "a",
            "  a  b\n\tc  ",
            "x\u{a0}y\u{2003}z\u{3000}w",
            "\u{85}lead",
            "trail\u{2029}",
            "dash – “quote” é",
            "\u{1680}\u{205f}\u{202f}",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Every character up to U+3000 between two words.
        samples.extend(
            (0..=0x3000u32)
                .filter_map(char::from_u32)
                .map(|c| format!("a{c}b {c}")),
        );
        for s in samples {
            let want = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(one_line(&s), want, "{s:?}");
        }
    }
}
