//! spaCy lexical features: string ids (symbols / MurmurHash64A seed 1), NORM, PREFIX, SUFFIX,
//! SHAPE, IS_SPACE — with Python `str` predicates (tables generated from the spaCy venv's Python).

use std::collections::HashMap;

use super::hash::murmurhash64a;
use super::unicode_tables::{ALPHA, DIGIT, SPACE, UPPER};

const SYMBOLS_JSON: &str = include_str!("../../../resources/ner/symbols.json");
const BASE_NORMS_JSON: &str = include_str!("../../../resources/ner/base_norms.json");

/// The string tables needed to compute features: spaCy's reserved symbols, BASE_NORMS and the
/// model's `lexeme_norm` lookup table (English only).
#[derive(Debug)]
pub(crate) struct Lexicon {
    symbols: HashMap<String, u64>,
    base_norms: HashMap<String, String>,
    lexeme_norm: HashMap<u64, String>,
}

impl Lexicon {
    /// Parses the embedded tables. `lexeme_norm` maps `string_id(text)` to the norm.
    pub(crate) fn new(lexeme_norm: HashMap<u64, String>) -> Result<Self, String> {
        let symbols: HashMap<String, u64> = serde_json::from_str(SYMBOLS_JSON)
            .map_err(|e| format!("embedded symbols.json: {e}"))?;
        let base_norms: HashMap<String, String> = serde_json::from_str(BASE_NORMS_JSON)
            .map_err(|e| format!("embedded base_norms.json: {e}"))?;
        Ok(Lexicon {
            symbols,
            base_norms,
            lexeme_norm,
        })
    }

    /// spaCy's string id: 0 for "", the symbol id for the 457 reserved names, else
    /// MurmurHash64A(utf8, seed 1).
    #[inline]
    pub(crate) fn string_id(&self, s: &str) -> u64 {
        if s.is_empty() {
            return 0;
        }
        match self.symbols.get(s) {
            Some(&id) => id,
            None => murmurhash64a(s.as_bytes(), 1),
        }
    }

    /// The NORM string of a token into `buf`: the exception NORM if given, else
    /// `lexeme_norm[string_id(text)]`, else `BASE_NORMS[text]`, else Python `text.lower()`.
    pub(crate) fn norm_into(&self, text: &str, exc_norm: Option<&str>, buf: &mut String) {
        buf.clear();
        if let Some(n) = exc_norm {
            buf.push_str(n);
            return;
        }
        if !self.lexeme_norm.is_empty() {
            if let Some(n) = self.lexeme_norm.get(&self.string_id(text)) {
                buf.push_str(n);
                return;
            }
        }
        if let Some(n) = self.base_norms.get(text) {
            buf.push_str(n);
            return;
        }
        lower_into(text, buf);
    }
}

/// Python `str.lower()` (full Unicode lowercasing, final sigma included), appended to `buf`.
pub(crate) fn lower_into(text: &str, buf: &mut String) {
    if text.is_ascii() {
        buf.extend(text.chars().map(|c| c.to_ascii_lowercase()));
    } else {
        buf.push_str(&text.to_lowercase());
    }
}

#[inline]
fn in_table(table: &[(u32, u32)], c: char) -> bool {
    let c = c as u32;
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Python `c.isalpha()`.
#[inline]
pub(crate) fn py_isalpha(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        in_table(&ALPHA, c)
    }
}

/// Python `c.isupper()` for one character.
#[inline]
pub(crate) fn py_isupper(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else {
        in_table(&UPPER, c)
    }
}

/// Python `c.isdigit()`.
#[inline]
pub(crate) fn py_isdigit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        in_table(&DIGIT, c)
    }
}

/// Python `c.isspace()`.
#[inline]
pub(crate) fn py_isspace_char(c: char) -> bool {
    in_table(&SPACE, c)
}

/// spaCy `IS_SPACE`: Python `text.isspace()` (false for "").
pub(crate) fn is_space(text: &str) -> bool {
    !text.is_empty() && text.chars().all(py_isspace_char)
}

/// spaCy `PREFIX`: the first code point.
pub(crate) fn prefix(text: &str) -> &str {
    match text.char_indices().nth(1) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}

/// spaCy `SUFFIX`: the last 3 code points (the whole text if shorter).
pub(crate) fn suffix(text: &str) -> &str {
    match text.char_indices().rev().nth(2) {
        Some((i, _)) => &text[i..],
        None => text,
    }
}

/// spaCy `SHAPE` (`spacy.lang.lex_attrs.word_shape`) into `buf`.
pub(crate) fn shape_into(text: &str, buf: &mut String) {
    buf.clear();
    if text.chars().count() >= 100 {
        buf.push_str("LONG");
        return;
    }
    let mut last: Option<char> = None;
    let mut seq = 0usize;
    for c in text.chars() {
        let sc = if py_isalpha(c) {
            if py_isupper(c) {
                'X'
            } else {
                'x'
            }
        } else if py_isdigit(c) {
            'd'
        } else {
            c
        };
        if Some(sc) == last {
            seq += 1;
        } else {
            seq = 0;
            last = Some(sc);
        }
        if seq < 4 {
            buf.push(sc);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(s: &str) -> String {
        let mut b = String::new();
        shape_into(s, &mut b);
        b
    }

    /// Expected values from `spacy.lang.lex_attrs.word_shape` in the spaCy venv.
    #[test]
    fn shapes() {
        for (s, want) in [
            ("Xxxxxxxx", "Xxxxx"),
            ("1234567", "dddd"),
            ("Paris", "Xxxxx"),
            ("U.K.", "X.X."),
            ("$1,000.50", "$d,ddd.dd"),
            ("x²", "xd"),
            ("½", "½"),
            ("٣", "d"),
            ("İstanbul", "Xxxxx"),
            ("ΣΊΣΥΦΟΣ", "XXXX"),
            ("l'Élysée", "x'Xxxxx"),
            ("🎉", "🎉"),
            ("", ""),
        ] {
            assert_eq!(shape(s), want, "{s:?}");
        }
        assert_eq!(shape(&"a".repeat(100)), "LONG");
        assert_eq!(shape(&"a".repeat(99)), "xxxx");
    }

    #[test]
    fn affixes_and_space() {
        assert_eq!(prefix("Élysée"), "É");
        assert_eq!(prefix(""), "");
        assert_eq!(suffix("Élysée"), "sée");
        assert_eq!(suffix("ab"), "ab");
        assert!(is_space("\n\n"));
        assert!(is_space("\u{1c}"));
        assert!(!is_space(""));
        assert!(!is_space("\u{200b}"));
    }

    #[test]
    fn string_ids_and_norms() {
        let lex = Lexicon::new(HashMap::new()).unwrap();
        assert_eq!(lex.string_id(""), 0);
        assert_eq!(lex.string_id("X"), 101);
        assert_eq!(lex.string_id("_"), 456);
        assert_eq!(lex.string_id("Paris"), 10427160276079242800);
        let mut b = String::new();
        lex.norm_into("’", None, &mut b);
        assert_eq!(b, "'");
        lex.norm_into("«", None, &mut b);
        assert_eq!(b, "\"");
        lex.norm_into("ΣΊΣΥΦΟΣ", None, &mut b);
        assert_eq!(b, "σίσυφος");
        lex.norm_into("İ", None, &mut b);
        assert_eq!(b, "i\u{307}");
        lex.norm_into("n't", Some("not"), &mut b);
        assert_eq!(b, "not");
    }
}
