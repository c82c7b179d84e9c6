//! Sentence boundaries that agree with spaCy's parser. (work in progress)

use super::tokenizer::Token;

/// `true` at each token that starts a sentence (token 0 is always `true`).
pub fn sentence_starts(_text: &str, tokens: &[Token], _lang: &str) -> Vec<bool> {
    let mut v = vec![false; tokens.len()];
    if let Some(f) = v.first_mut() {
        *f = true;
    }
    v
}
