//! spaCy's tokenizer algorithm driven by the model's own `tokenizer` file. (placeholder)

/// One token: byte offsets into the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Token-level NORM from a tokenizer exception, when the exception sets one.
    pub norm: Option<String>,
    /// Whether a single U+0020 space follows the token (spaCy's `whitespace_`).
    pub space_after: bool,
}
