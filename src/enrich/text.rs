//! Small text utilities shared by the core: byte ↔ code-point offsets, id slugs, datelines.

use unicode_normalization::UnicodeNormalization;

/// Longest dateline, in bytes: "NEW ORLEANS, La., March 3 (AP) — " fits.
pub const MAX_DATELINE: usize = 64;

/// The length in bytes of a dateline opening `s`, 0 without one: a place in capitals, maybe
/// a date and a news agency in parentheses, then a spaced dash ("LONDON (Reuters) - ", "PARIS
/// (AFP) – ", "BOSTON — "). It tells where the story was written, not what was said.
pub fn dateline_len(s: &str) -> usize {
    let Some(dash) = s
        .char_indices()
        .take_while(|(i, _)| *i < MAX_DATELINE)
        .find(|(i, c)| matches!(c, '-' | '–' | '—') && s[..*i].ends_with(' '))
        .map(|(i, _)| i)
    else {
        return 0;
    };
    let head = s[..dash].trim_end();
    // The place: the words before a comma or a parenthesis, in capitals.
    let place = head.split([',', '(']).next().unwrap_or("").trim();
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    let shouted = letters >= 2 && !place.chars().any(char::is_lowercase);
    let rest_ok = head[place.len()..].chars().all(|c| c != '\n');
    let after = &s[dash..];
    let dash_len = after.chars().next().map_or(1, char::len_utf8);
    if !(shouted && rest_ok && after[dash_len..].starts_with(' ')) {
        return 0;
    }
    dash + dash_len + 1
}

/// The place of a dateline opening `s` ("BRIANÇON" of "BRIANÇON, France (AFP) - "), in bytes
/// from the start; `None` without a dateline.
pub fn dateline_place(s: &str) -> Option<usize> {
    (dateline_len(s) > 0).then(|| s.find([',', '(']).unwrap_or(s.len()).min(dateline_len(s)))
}

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
