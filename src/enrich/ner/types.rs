//! The NER's own types: its spans and its load errors.

use std::path::PathBuf;

/// Errors loading or running a pipeline. Messages name the file and the offending value.
#[derive(Debug, thiserror::Error)]
pub enum NerError {
    /// A file could not be read.
    #[error("cannot read {path:?}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The read error.
        source: std::io::Error,
    },
    /// A file was read but does not hold what the pipeline needs.
    #[error("invalid model file {path:?}: {reason}")]
    Format {
        /// The file.
        path: PathBuf,
        /// What is wrong, naming the value.
        reason: String,
    },
}

/// An entity span found by the model: byte offsets into the text, and the model's raw label
/// (`PER`, `LOC`, `ORG`, `MISC` for French; OntoNotes labels for English).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntSpan {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The model's label.
    pub label: String,
}
