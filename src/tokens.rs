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

#[derive(Debug, Clone, Copy)]
pub struct Tok<'t> {
    pub s: &'t str,
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub space_before: bool,
}

/// Splits `text` into tokens. Linear in the text; allocates only the vector.
pub fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let bytes = text.as_bytes();
    let mut toks = Vec::with_capacity(text.len() / 4);
    let mut space = true;
    let mut i = 0;
    while i < text.len() {
        let c = text[i..].chars().next().unwrap_or(' ');
        let start = i;
        let kind = if c.is_whitespace() {
            i += c.len_utf8();
            space = true;
            continue;
        } else if c.is_ascii_digit() {
            i += 1;
            while i < bytes.len() {
                let b = bytes[i];
                let separator = (b == b',' || b == b'.')
                    && i + 1 < bytes.len()
                    && bytes[i + 1].is_ascii_digit()
                    && (b == b'.' || group_of_three(bytes, i + 1));
                if b.is_ascii_digit() || separator {
                    i += 1;
                } else {
                    break;
                }
            }
            Kind::Num
        } else if c.is_alphabetic() {
            i += c.len_utf8();
            while let Some(n) = text[i..].chars().next() {
                if n.is_alphabetic() {
                    i += n.len_utf8();
                } else {
                    break;
                }
            }
            Kind::Word
        } else {
            i += c.len_utf8();
            Kind::Punct
        };
        toks.push(Tok {
            s: &text[start..i],
            start,
            end: i,
            kind,
            space_before: space,
        });
        space = false;
    }
    toks
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
    fn adjacent_pieces() {
        let t = tokenize("the 1990s and Russia's");
        let s: Vec<&str> = t.iter().map(|t| t.s).collect();
        assert_eq!(s, ["the", "1990", "s", "and", "Russia", "'", "s"]);
        assert!(!t[2].space_before);
    }
}
