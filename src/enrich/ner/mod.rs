//! Native spaCy v3 NER (fr_core_news_md, en_core_web_sm 3.8.0): tokenizer, sentence
//! boundaries, tok2vec and the greedy transition-based decoder, loaded from the pipeline
//! directory as pip installs it. See `../shared/notes/spacy-ner-inference.md`.

pub(crate) mod features;
pub mod gemm;
pub mod hash;
pub(crate) mod layers;
pub mod model;
pub mod pyre;
pub mod sentences;
pub mod step;
pub mod tok2vec;
pub mod tokenizer;
mod unicode_tables;
pub mod vectors;
pub(crate) mod weights;

pub mod types;

pub use model::NerModel;
pub use types::{EntSpan, NerError};

/// A language's full NER pipeline: tokenizer, sentence boundaries, model.
pub struct Pipeline {
    sentences: sentences::SentenceRules,
    tokenizer: tokenizer::Tokenizer,
    model: NerModel,
}

impl Pipeline {
    /// Load the tokenizer and the NER model from a spaCy pipeline directory; `lang` (ISO 639-1)
    /// picks the sentence rules of its language profile.
    pub fn load(lang: &str, dir: &std::path::Path) -> Result<Pipeline, NerError> {
        Pipeline::load_with(lang, dir, &vectors::VectorSource::new(dir))
    }

    /// [`Pipeline::load`] with the pipeline's static vectors from `vectors` (shared with the
    /// syntax components loaded from the same source).
    pub fn load_with(
        lang: &str,
        dir: &std::path::Path,
        vectors: &vectors::VectorSource,
    ) -> Result<Pipeline, NerError> {
        Ok(Pipeline {
            sentences: sentences::SentenceRules::for_code(lang),
            tokenizer: tokenizer::Tokenizer::load(dir)?,
            model: NerModel::load_with(dir, vectors)?,
        })
    }

    /// Tokens of a text, as spaCy's tokenizer makes them.
    pub fn tokenize(&self, text: &str) -> Vec<tokenizer::Token> {
        self.tokenizer.tokenize(text)
    }

    /// Sentence starts of a tokenized text, by the rules of the pipeline's language.
    pub fn sentence_starts(&self, text: &str, tokens: &[tokenizer::Token]) -> Vec<bool> {
        sentences::sentence_starts(text, tokens, &self.sentences)
    }

    /// Entity spans of one text (byte offsets, raw labels).
    pub fn entities(&self, text: &str) -> Vec<EntSpan> {
        self.entities_in(text, &self.tokenizer.tokenize(text))
    }

    /// Entity spans of one text given its tokens ([`Pipeline::tokenize`] of `text`). A long
    /// text goes through the model in segments (`enrich::segment`), so its working memory stays
    /// bounded.
    pub fn entities_in(&self, text: &str, tokens: &[tokenizer::Token]) -> Vec<EntSpan> {
        use crate::enrich::segment::{segments, MAX_SEGMENT_TOKENS};
        let starts = self.sentence_starts(text, tokens);
        let mut out = Vec::new();
        for seg in segments(&starts, MAX_SEGMENT_TOKENS) {
            out.extend(self.model.predict(text, &tokens[seg.clone()], &starts[seg]));
        }
        out
    }
}
