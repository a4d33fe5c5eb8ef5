//! A small tokenizer shared by the temporal and money recognisers: words,
//! numbers and single punctuation characters, each with its byte range and
//! whether white space came before it.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters (any script).
    Word,
    /// Digits; thousands groups ("1,500") and decimals ("3.5") stay inside.
    Num,
    /// Any other single non-space character.
    Punct,
}

/// One token. Kept small (32 bytes): the recognisers walk millions of
/// them, and a paragraph's token vector is its largest allocation.
#[derive(Debug, Clone, Copy)]
pub struct Tok<'t> {
    pub s: &'t str,
    pub start: usize,
    pub kind: Kind,
    pub space_before: bool,
}

impl Tok<'_> {
    /// The byte offset after the token.
    #[inline]
    pub fn end(&self) -> usize {
        self.start + self.s.len()
    }
}

/// The longest word [`Lower`] holds; no vocabulary word is longer.
const LOWER_CAP: usize = 24;

/// A word lowercased (ASCII) on the stack, for matching against vocabulary
/// without allocating: the recognisers lowercase a word at almost every
/// token. A word longer than [`LOWER_CAP`] reads as the empty string, which
/// no vocabulary entry is.
#[derive(Clone, Copy)]
pub struct Lower {
    buf: [u8; LOWER_CAP],
    len: u8,
}

impl Lower {
    pub fn new(w: &str) -> Lower {
        let mut buf = [0u8; LOWER_CAP];
        let len = if w.len() <= LOWER_CAP {
            for (d, s) in buf.iter_mut().zip(w.bytes()) {
                *d = s.to_ascii_lowercase();
            }
            w.len()
        } else {
            0
        };
        Lower {
            buf,
            len: len as u8,
        }
    }

    pub fn as_str(&self) -> &str {
        // ASCII lowercasing keeps UTF-8 valid, so this never falls back.
        std::str::from_utf8(&self.buf[..self.len as usize]).unwrap_or("")
    }
}

impl std::ops::Deref for Lower {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

/// Splits `text` into tokens. Linear in the text; allocates only the vector.
pub fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let bytes = text.as_bytes();
    let mut toks = Vec::with_capacity(text.len() / 5);
    let mut space = true;
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let b = bytes[i];
        // ASCII is classified by byte; only other characters are decoded.
        let kind = if b.is_ascii_whitespace() {
            i += 1;
            space = true;
            continue;
        } else if b.is_ascii_digit() {
            i += 1;
            while i < bytes.len() {
                let c = bytes[i];
                let separator = (c == b',' || c == b'.')
                    && i + 1 < bytes.len()
                    && bytes[i + 1].is_ascii_digit()
                    && (c == b'.' || group_of_three(bytes, i + 1));
                if c.is_ascii_digit() || separator {
                    i += 1;
                } else {
                    break;
                }
            }
            Kind::Num
        } else if b.is_ascii_alphabetic() || (b >= 0x80 && starts_alphabetic(text, i)) {
            i = word_end(text, i);
            Kind::Word
        } else if b < 0x80 {
            i += 1;
            Kind::Punct
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            if c.is_whitespace() {
                space = true;
                continue;
            }
            Kind::Punct
        };
        toks.push(Tok {
            s: &text[start..i],
            start,
            kind,
            space_before: space,
        });
        space = false;
    }
    toks
}

/// Does the (non-ASCII) character at `i` count as a letter?
fn starts_alphabetic(text: &str, i: usize) -> bool {
    text[i..].chars().next().is_some_and(char::is_alphabetic)
}

/// The end of the run of letters starting at `i`.
fn word_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphabetic() {
            i += 1;
        } else if b >= 0x80 {
            match text[i..].chars().next() {
                Some(c) if c.is_alphabetic() => i += c.len_utf8(),
                _ => break,
            }
        } else {
            break;
        }
    }
    i
}

/// Are there exactly three digits at `i`, not followed by a fourth?
fn group_of_three(bytes: &[u8], i: usize) -> bool {
    bytes.len() >= i + 3
        && bytes[i..i + 3].iter().all(u8::is_ascii_digit)
        && bytes.get(i + 3).is_none_or(|b| !b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_separators() {
        let t = tokenize("1,500 troops, 3.5 and 9, 1992");
        let s: Vec<&str> = t.iter().map(|t| t.s).collect();
        assert_eq!(s, ["1,500", "troops", ",", "3.5", "and", "9", ",", "1992"]);
        assert!(!t[2].space_before);
    }

    #[test]
    fn non_ascii_letters_spaces_and_symbols() {
        let t = tokenize("Zürich\u{a0}€5 日本 —x");
        let s: Vec<&str> = t.iter().map(|t| t.s).collect();
        assert_eq!(s, ["Zürich", "€", "5", "日本", "—", "x"]);
        assert!(t[1].space_before, "a no-break space is white space");
        assert!(!t[2].space_before);
    }

    #[test]
    fn lower_on_the_stack() {
        assert_eq!(&*Lower::new("ThE"), "the");
        assert_eq!(&*Lower::new("Zürich"), "zürich");
        assert_eq!(&*Lower::new(&"x".repeat(LOWER_CAP + 1)), "");
    }

    #[test]
    fn adjacent_pieces() {
        let t = tokenize("the 1990s and Russia's");
        let s: Vec<&str> = t.iter().map(|t| t.s).collect();
        assert_eq!(s, ["the", "1990", "s", "and", "Russia", "'", "s"]);
        assert!(!t[2].space_before);
    }
}
