//! Small text utilities shared by the core: byte ↔ code-point offsets, id slugs.

use unicode_normalization::UnicodeNormalization;

/// Maps byte offsets of a `&str` to code-point offsets in O(log n).
pub struct CharOffsets {
    /// Byte offset of every char boundary, plus `len` at the end.
    bytes: Vec<usize>,
}

impl CharOffsets {
    /// Index the char boundaries of `text` (O(n) once; lookups are O(log n)).
    pub fn new(text: &str) -> Self {
        let mut bytes: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        bytes.push(text.len());
        Self { bytes }
    }

    /// Code-point offset of byte offset `b` (which must be a char boundary; otherwise the next one).
    pub fn char_of(&self, b: usize) -> usize {
        match self.bytes.binary_search(&b) {
            Ok(i) | Err(i) => i,
        }
    }

    /// Byte offset of code-point offset `c` (clamped to the end).
    pub fn byte_of(&self, c: usize) -> usize {
        self.bytes[c.min(self.bytes.len() - 1)]
    }
}

/// `person:vladimir-poutine` style slug: lowercase, accents stripped, non-alphanumerics → `-`.
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut dash = false;
    for c in s
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
    {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            dash = false;
        } else if !dash && !out.is_empty() {
            out.push('-');
            dash = true;
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_roundtrip() {
        let t = "é« a »b";
        let o = CharOffsets::new(t);
        for (ci, (bi, _)) in t.char_indices().enumerate() {
            assert_eq!(o.char_of(bi), ci);
            assert_eq!(o.byte_of(ci), bi);
        }
        assert_eq!(o.char_of(t.len()), t.chars().count());
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Vladimir Poutine"), "vladimir-poutine");
        assert_eq!(
            slug("Conseil des droits de l'Homme"),
            "conseil-des-droits-de-l-homme"
        );
        assert_eq!(slug("Bélarus"), "belarus");
    }
}
