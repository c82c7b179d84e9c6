//! tok2vec + transition-based NER forward pass. (placeholder)
