//! Fast searches for "the next byte that matters" in ASCII-delimited
//! markup.
//!
//! The scanner and the renderer spend most of their time skipping plain
//! text between markup characters. A `position(|c| matches!(..))` loop
//! costs a few branches per byte; [`ByteSet::find`] instead tests eight
//! bytes per step with table look-ups OR-ed together and one branch, and
//! single needles go to `memchr`, which uses SIMD.

/// A set of bytes, as a 256-entry table built at compile time.
pub struct ByteSet([bool; 256]);

impl ByteSet {
    /// The set of the bytes of `members`.
    pub const fn new(members: &[u8]) -> ByteSet {
        let mut table = [false; 256];
        let mut i = 0;
        while i < members.len() {
            table[members[i] as usize] = true;
            i += 1;
        }
        ByteSet(table)
    }

    /// Is `b` in the set?
    #[inline]
    pub fn contains(&self, b: u8) -> bool {
        self.0[b as usize]
    }

    /// The index of the first byte of `hay[from..]` in the set.
    #[inline]
    pub fn find(&self, hay: &[u8], from: usize) -> Option<usize> {
        let t = &self.0;
        let mut i = from;
        while i + 8 <= hay.len() {
            let c = &hay[i..i + 8];
            // One branch per eight bytes: the look-ups are independent.
            if t[c[0] as usize]
                | t[c[1] as usize]
                | t[c[2] as usize]
                | t[c[3] as usize]
                | t[c[4] as usize]
                | t[c[5] as usize]
                | t[c[6] as usize]
                | t[c[7] as usize]
            {
                break;
            }
            i += 8;
        }
        hay.get(i..)?
            .iter()
            .position(|&b| t[b as usize])
            .map(|p| i + p)
    }
}

/// The index of the first `needle` byte in `hay[from..]`.
#[inline]
pub fn find_byte(hay: &[u8], needle: u8, from: usize) -> Option<usize> {
    memchr::memchr(needle, hay.get(from..)?).map(|p| p + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_member_at_every_offset_and_length() {
        const SET: ByteSet = ByteSet::new(b"<{\n");
        for len in 0..40 {
            for at in 0..=len {
                let mut hay = vec![b'a'; len];
                if at < len {
                    hay[at] = b'{';
                }
                for from in 0..=len {
                    let want = (at < len && at >= from).then_some(at);
                    assert_eq!(SET.find(&hay, from), want, "len {len} at {at} from {from}");
                }
            }
        }
        assert_eq!(SET.find(b"abc", 9), None);
        assert!(SET.contains(b'\n') && !SET.contains(b'}'));
    }

    #[test]
    fn find_byte_counts_from_the_start() {
        assert_eq!(find_byte(b"a\nb\n", b'\n', 2), Some(3));
        assert_eq!(find_byte(b"a", b'\n', 5), None);
    }
}
