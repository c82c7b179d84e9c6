//! The optional `tokens` output (`output.tokens = true`): the analysis of every token for users
//! who index text.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::FieldAnalysis;
use crate::enrich::Document;

/// One token of the output, in field and token order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct TokenOut {
    /// Input field the token lies in.
    pub field: String,
    /// The token text, `field[start:end]`.
    pub text: String,
    /// Code-point offset of the first character.
    pub start: usize,
    /// Code-point offset one past the last character.
    pub end: usize,
    /// Universal part of speech (`NOUN`, `VERB`, ...; `SPACE` for whitespace; "" when none).
    pub pos: String,
    /// Dictionary form of the token (the pipeline's rule lemmatizer and its lookup tables).
    pub lemma: String,
    /// Index in `tokens` of the syntactic head; a sentence root is its own head.
    pub head: usize,
    /// Dependency label (`ROOT` for a sentence root).
    pub dep: String,
}

/// The output tokens of a document's analysis.
pub fn tokens(doc: &Document<'_>, fields: &[FieldAnalysis]) -> Vec<TokenOut> {
    let mut out = Vec::new();
    for fa in fields {
        let Some(f) = doc.fields.get(fa.field) else {
            continue;
        };
        // Byte offset -> code-point offset.
        let mut cp = vec![0usize; f.text.len() + 1];
        let mut n = 0;
        for (b, c) in f.text.char_indices() {
            cp[b..b + c.len_utf8()].fill(n);
            n += 1;
        }
        cp[f.text.len()] = n;
        let base = out.len();
        for t in &fa.analysis.tokens {
            out.push(TokenOut {
                field: f.name.to_string(),
                text: f.text.get(t.start..t.end).unwrap_or("").to_string(),
                start: cp[t.start.min(f.text.len())],
                end: cp[t.end.min(f.text.len())],
                pos: t.pos.as_str().to_string(),
                lemma: t.lemma.clone(),
                head: base + t.head,
                dep: t.dep.clone(),
            });
        }
    }
    out
}
