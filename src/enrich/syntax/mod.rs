//! Native spaCy syntax (fr_core_news_md, en_core_web_sm 3.8.0): the shared `tok2vec`, the tagger
//! (English) or morphologizer (French), the dependency parser, the attribute ruler and the rule
//! lemmatizer, loaded from the pipeline directory and run in spaCy's order on spaCy's tokens.
//! The NER keeps its own tok2vec and sentence boundaries (`super::ner`).

mod analysis;
mod arc_eager;
mod attribute_ruler;
mod lemma_tables;
mod lemmatizer;
pub mod morph;
mod msgpack_cursor;
pub mod output;
mod parser;
mod tagger;
mod tree;

use std::path::Path;

pub use analysis::{Analysis, Morph, Pos, SyntaxToken};
pub use attribute_ruler::AttributeRuler;
pub use lemmatizer::Lemmatizer;
pub use parser::Parser;
pub use tagger::Tagger;

use super::ner::layers::Loader;
use super::ner::tok2vec::{Attr, Tok2Vec};
use super::ner::tokenizer::Token;
use super::ner::vectors::VectorSource;
use super::ner::weights::join;
use attribute_ruler::{TokenAttrs, TokenText};
use lemmatizer::LemmaInput;
use tagger::TagLabel;

/// Errors loading a syntax pipeline; the message names the file and the offending value.
#[derive(Debug, thiserror::Error)]
pub enum SyntaxError {
    /// A component could not be loaded.
    #[error("syntax model {component} in {dir:?}: {source}")]
    Load {
        /// The spaCy component (`tok2vec`, `tagger`, `parser`, ...).
        component: &'static str,
        /// The pipeline directory.
        dir: std::path::PathBuf,
        /// Why.
        source: super::ner::NerError,
    },
}

/// The analysis of one field of a document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldAnalysis {
    /// Index of the field in the document.
    pub field: usize,
    /// Its tokens' analysis.
    pub analysis: Analysis,
}

/// Multiply-adds per token of each component's forward pass (the parser's per-step cost is
/// counted per transition; a doc of n tokens takes about 2n transitions).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Work {
    /// The shared tok2vec: embedding row sums and the 4 encoder layers.
    pub tok2vec: usize,
    /// The tagger or morphologizer's output layer.
    pub tagger: usize,
    /// The parser's tok2vec projection and lower layer, per token.
    pub parser_precompute: usize,
    /// One parser transition: feature row sums and the upper layer.
    pub parser_step: usize,
}

/// A language's syntax components.
#[derive(Debug)]
pub struct SyntaxModel {
    tok2vec: Tok2Vec,
    tagger: Tagger,
    parser: Parser,
    ruler: AttributeRuler,
    lemmatizer: Lemmatizer,
}

impl SyntaxModel {
    /// Loads the components from a spaCy pipeline directory (e.g. `models/en_core_web_sm`).
    pub fn load(dir: &Path) -> Result<SyntaxModel, SyntaxError> {
        SyntaxModel::load_with(dir, &VectorSource::new(dir))
    }

    /// [`SyntaxModel::load`] with the pipeline's static vectors from `vectors` (the NER's
    /// tok2vec reads the same ones: one key map for both).
    pub fn load_with(dir: &Path, vectors: &VectorSource) -> Result<SyntaxModel, SyntaxError> {
        let err = |component| {
            move |source| SyntaxError::Load {
                component,
                dir: dir.to_path_buf(),
                source,
            }
        };
        let t2v_path = join(dir, "tok2vec/model");
        let tok2vec = Loader::open(&t2v_path)
            .and_then(|l| {
                let attrs = [
                    Attr::Norm,
                    Attr::Prefix,
                    Attr::Suffix,
                    Attr::Shape,
                    Attr::Spacy,
                    Attr::IsSpace,
                ];
                Tok2Vec::load(&l, &attrs, vectors)
            })
            .map_err(err("tok2vec"))?;
        Ok(SyntaxModel {
            tok2vec,
            tagger: Tagger::load(dir).map_err(err("tagger"))?,
            parser: Parser::load(dir).map_err(err("parser"))?,
            ruler: AttributeRuler::load(dir).map_err(err("attribute_ruler"))?,
            lemmatizer: Lemmatizer::load(dir).map_err(err("lemmatizer"))?,
        })
    }

    /// Multiply-adds per token of each component.
    pub fn work(&self) -> Work {
        Work {
            tok2vec: self.tok2vec.macs_per_token(),
            tagger: self.tagger.macs_per_token(),
            parser_precompute: self.parser.step_model().precompute_macs_per_token(),
            parser_step: self.parser.step_model().step_macs(),
        }
    }

    /// Analyses one text given its tokens (byte spans, spaCy tokenization): one tok2vec pass
    /// shared by the tagger and the parser, then the attribute ruler and the lemmatizer.
    pub fn analyze(&self, text: &str, tokens: &[Token]) -> Analysis {
        let n = tokens.len();
        if n == 0 {
            return Analysis::default();
        }
        let texts: Vec<TokenText> = tokens
            .iter()
            .map(|t| TokenText::new(text.get(t.start..t.end).unwrap_or("")))
            .collect();
        let tokvec = self.tok2vec.forward(text, tokens);
        let mut attrs: Vec<TokenAttrs> = self
            .tagger
            .predict(&tokvec, n)
            .into_iter()
            .map(|label| match label {
                TagLabel::Tag(tag) => TokenAttrs {
                    tag: tag.clone(),
                    ..TokenAttrs::default()
                },
                TagLabel::PosMorph { pos, morph } => TokenAttrs {
                    pos: pos.clone(),
                    morph: morph.clone(),
                    ..TokenAttrs::default()
                },
            })
            .collect();
        let spaces: Vec<bool> = texts.iter().map(|t| t.is_space).collect();
        let (tree, _) = self.parser.parse(&tokvec, &spaces);
        drop(tokvec);
        for (a, dep) in attrs.iter_mut().zip(&tree.deps) {
            a.dep.clone_from(dep);
        }
        self.ruler.apply(&texts, &mut attrs);
        for (a, t) in attrs.iter_mut().zip(&texts) {
            if a.lemma.is_empty() {
                a.lemma = self.lemmatizer.lemma(&LemmaInput {
                    text: t.orth,
                    pos: &a.pos,
                    morph: &a.morph,
                });
            }
        }
        let tokens = tokens
            .iter()
            .zip(attrs)
            .enumerate()
            .map(|(i, (t, a))| SyntaxToken {
                start: t.start,
                end: t.end,
                tag: a.tag,
                pos: Pos::parse(&a.pos),
                morph: Morph(a.morph),
                lemma: a.lemma,
                head: tree.heads[i],
                dep: a.dep,
                sent_start: tree.sent_starts[i],
            })
            .collect();
        Analysis::new(tokens)
    }
}
