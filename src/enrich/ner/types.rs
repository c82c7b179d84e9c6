//! The NER's own types: its spans and its load errors.

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
