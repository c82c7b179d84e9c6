//! One analysis per field, made once and read by every rule room (entities, quotes): the rule
//! tokens (lower-case forms, word and capital flags) and the byte ↔ code-point offsets. The NER
//! keeps its own spaCy-compatible tokens.

use super::profile::Profile;
use super::text::CharOffsets;
use super::tokens::{tokenize, Tok};
use super::types::Document;

/// The analysis of one text field.
pub struct FieldAnalysis<'a> {
    /// Name of the field (`title`, `body`, ...).
    pub name: &'a str,
    /// The field's text; token offsets are bytes into it.
    pub text: &'a str,
    /// Byte ↔ code-point offsets of `text`.
    pub offs: CharOffsets,
    /// Rule tokens of `text`, split as the language profile says.
    pub toks: Vec<Tok>,
}

/// The analysis of every field of a document, in reading order.
pub struct Analysis<'a> {
    /// The document analysed.
    pub doc: &'a Document<'a>,
    /// One analysis per field of `doc`, same order.
    pub fields: Vec<FieldAnalysis<'a>>,
}

impl<'a> Analysis<'a> {
    /// Tokenise and index every field of `doc` once, with the language of `res`.
    pub fn new(doc: &'a Document<'a>, res: &Profile) -> Self {
        let fields = doc
            .fields
            .iter()
            .map(|f| FieldAnalysis {
                name: f.name,
                text: f.text,
                offs: CharOffsets::new(f.text),
                toks: tokenize(f.text, &res.tokens),
            })
            .collect();
        Analysis { doc, fields }
    }
}
