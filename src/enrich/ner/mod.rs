//! Native spaCy v3 NER (fr_core_news_md, en_core_web_sm 3.8.0): tokenizer, sentence
//! boundaries, tok2vec and the greedy transition-based decoder, loaded from the pipeline
//! directory as pip installs it. See `../shared/notes/spacy-ner-inference.md`.

pub(crate) mod features;
pub mod hash;
pub(crate) mod layers;
pub mod model;
pub mod pyre;
pub mod sentences;
pub mod step;
pub mod tok2vec;
pub mod tokenizer;
mod unicode_tables;
pub(crate) mod weights;

pub use model::NerModel;

use std::path::PathBuf;

/// Errors loading or running a pipeline. Messages name the file and the offending value.
#[derive(Debug, thiserror::Error)]
pub enum NerError {
    #[error("cannot read {path:?}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("invalid model file {path:?}: {reason}")]
    Format { path: PathBuf, reason: String },
}

/// An entity span found by the model: byte offsets into the text, and the model's raw label
/// (`PER`, `LOC`, `ORG`, `MISC` for French; OntoNotes labels for English).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntSpan {
    pub start: usize,
    pub end: usize,
    pub label: String,
}

/// A language's full NER pipeline: tokenizer, sentence boundaries, model.
pub struct Pipeline {
    lang: String,
    tokenizer: tokenizer::Tokenizer,
    model: NerModel,
}

impl Pipeline {
    /// Load the tokenizer and the NER model from a spaCy pipeline directory.
    pub fn load(lang: &str, dir: &std::path::Path) -> Result<Pipeline, NerError> {
        Ok(Pipeline {
            lang: lang.to_string(),
            tokenizer: tokenizer::Tokenizer::load(dir)?,
            model: NerModel::load(dir)?,
        })
    }

    /// Tokens of a text, as spaCy's tokenizer makes them.
    pub fn tokenize(&self, text: &str) -> Vec<tokenizer::Token> {
        self.tokenizer.tokenize(text)
    }

    /// Entity spans of one text (byte offsets, raw labels).
    pub fn entities(&self, text: &str) -> Vec<EntSpan> {
        let tokens = self.tokenizer.tokenize(text);
        let starts = sentences::sentence_starts(text, &tokens, &self.lang);
        self.model.predict(text, &tokens, &starts)
    }
}

/// Map a model label to the contract's entity type.
pub fn entity_type(label: &str) -> crate::enrich::EntityType {
    use crate::enrich::EntityType::*;
    match label {
        "PER" | "PERSON" => Person,
        "LOC" | "GPE" | "FAC" => Location,
        "ORG" => Organization,
        _ => Misc,
    }
}
