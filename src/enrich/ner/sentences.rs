//! Sentence boundaries that agree with spaCy's parser. (placeholder)
