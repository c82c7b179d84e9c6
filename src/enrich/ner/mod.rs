//! Native spaCy v3 NER (fr_core_news_md, en_core_web_sm 3.8.0): tokenizer, sentence
//! boundaries, tok2vec and the greedy transition-based decoder, loaded from the pipeline
//! directory as pip installs it. See `../shared/notes/spacy-ner-inference.md`.

mod features;
pub mod hash;
pub mod model;
pub mod pyre;
pub mod sentences;
pub mod tokenizer;
mod unicode_tables;
mod weights;

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
