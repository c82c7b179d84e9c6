//! The transition-based NER (spaCy 3.8 `ner`, greedy): its own tok2vec, the shared
//! state-scoring model and the BILUO decoder, see `shared/notes/spacy-ner-inference.md` §2–6.

use std::path::Path;

use super::layers::Loader;
use super::step::{Precomputed, StepModel, HID};
use super::tok2vec::{Attr, Tok2Vec};
use super::tokenizer::Token;
use super::types::{EntSpan, NerError};
use super::vectors::VectorSource;
use super::weights::{format_err, join, read_moves_table};

/// NER state features: b0, the open entity's start, b0-1 inside an entity.
const NF: usize = 3;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Move {
    Begin,
    In,
    Last,
    Unit,
    Out,
}

#[derive(Clone, Copy, Debug)]
struct Action {
    mv: Move,
    /// Index into `labels`; `None` for the empty label (always invalid except for `O`).
    label: Option<usize>,
}

/// A loaded spaCy NER component (its own tok2vec, lower and upper layers, moves).
#[derive(Debug)]
pub struct NerModel {
    tok2vec: Tok2Vec,
    step: StepModel,
    actions: Vec<Action>,
    labels: Vec<String>,
}

impl NerModel {
    /// Loads the NER of a spaCy pipeline directory (e.g. `models/fr_core_news_md`).
    pub fn load(model_dir: &Path) -> Result<NerModel, NerError> {
        NerModel::load_with(model_dir, &VectorSource::new(model_dir))
    }

    /// [`NerModel::load`] with the pipeline's static vectors from `vectors`.
    pub fn load_with(model_dir: &Path, vectors: &VectorSource) -> Result<NerModel, NerError> {
        if !model_dir.is_dir() {
            return Err(NerError::Io {
                path: model_dir.to_path_buf(),
                source: std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    "model directory not found",
                ),
            });
        }
        let model_path = join(model_dir, "ner/model");
        let l = Loader::open(&model_path)?;
        let attrs = [Attr::Norm, Attr::Prefix, Attr::Suffix, Attr::Shape];
        let tok2vec = Tok2Vec::load(&l, &attrs, vectors)?;
        let step = StepModel::load(&l, NF)?;
        let (actions, labels) = read_moves(&join(model_dir, "ner/moves"))?;
        if actions.len() != step.n_classes() {
            return Err(l.err(format!(
                "upper layer has {} outputs but ner/moves gives {} actions",
                step.n_classes(),
                actions.len()
            )));
        }
        Ok(NerModel {
            tok2vec,
            step,
            actions,
            labels,
        })
    }

    /// The entity labels, in the model's class order.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// Runs the NER on one doc. `tokens` are byte spans into `text` (spaCy tokenization);
    /// `sent_starts[i]` is true where token `i` starts a sentence (entities never cross one).
    /// Returns the entities in order, with byte offsets and raw labels.
    pub fn predict(&self, text: &str, tokens: &[Token], sent_starts: &[bool]) -> Vec<EntSpan> {
        let n = tokens.len();
        if n == 0 {
            return Vec::new();
        }
        let spaces: Vec<bool> = tokens
            .iter()
            .map(|t| super::features::is_space(text.get(t.start..t.end).unwrap_or("")))
            .collect();
        let tokvec = self.tok2vec.forward(text, tokens);
        let pre = self.step.precompute(&tokvec, n);
        drop(tokvec);
        self.decode(tokens, sent_starts, &spaces, &pre)
    }

    fn decode(
        &self,
        tokens: &[Token],
        sent_starts: &[bool],
        spaces: &[bool],
        pre: &Precomputed,
    ) -> Vec<EntSpan> {
        let n = tokens.len();
        let mut ents = Vec::new();
        let mut open: Option<(usize, usize)> = None;
        let mut hid = [0.0f32; HID];
        for (b0, &space) in spaces.iter().enumerate().take(n) {
            let start = open.map(|o| o.0);
            let prev = start.map(|_| b0 - 1);
            self.step.hidden(pre, &[Some(b0), start, prev], &mut hid);

            let last = b0 + 1 == n;
            let next_is_start = sent_starts.get(b0 + 1).copied().unwrap_or(false);
            let mut best: Option<(usize, f32)> = None;
            for (a, act) in self.actions.iter().enumerate() {
                let valid = match (act.mv, act.label) {
                    (Move::Out, _) => open.is_none(),
                    (_, None) => false,
                    (Move::Begin, Some(_)) => open.is_none() && !last && !next_is_start && !space,
                    (Move::In, Some(l)) => open.map(|o| o.1) == Some(l) && !last && !next_is_start,
                    (Move::Last, Some(l)) => open.map(|o| o.1) == Some(l),
                    (Move::Unit, Some(_)) => open.is_none() && !space,
                };
                if !valid {
                    continue;
                }
                let s = self.step.score(a, &hid);
                if best.is_none_or(|(_, bs)| s > bs) {
                    best = Some((a, s));
                }
            }
            let Some((a, _)) = best else { break };
            let act = self.actions[a];
            match (act.mv, act.label) {
                (Move::Begin, Some(l)) => open = Some((b0, l)),
                (Move::Last, Some(l)) => {
                    if let Some((s, _)) = open.take() {
                        ents.push(self.span(tokens, s, b0 + 1, l));
                    }
                }
                (Move::Unit, Some(l)) => ents.push(self.span(tokens, b0, b0 + 1, l)),
                _ => {}
            }
        }
        ents
    }

    fn span(&self, tokens: &[Token], start: usize, end: usize, label: usize) -> EntSpan {
        EntSpan {
            start: tokens[start].start,
            end: tokens[end - 1].end,
            label: self.labels[label].clone(),
        }
    }
}

/// Parses `ner/moves` into the class list (action ids ascending; inside each, labels by
/// (freq, label) descending; `O` only with the empty label) and the entity labels.
fn read_moves(path: &Path) -> Result<(Vec<Action>, Vec<String>), NerError> {
    let ids = read_moves_table(path)?;
    let mut actions = Vec::new();
    let mut labels: Vec<String> = Vec::new();
    for (id, labs) in &ids {
        let mv = match id {
            1 => Move::Begin,
            2 => Move::In,
            3 => Move::Last,
            4 => Move::Unit,
            5 => Move::Out,
            _ => continue,
        };
        if mv == Move::Out {
            actions.push(Action { mv, label: None });
            continue;
        }
        for lab in labs {
            let label = if lab.is_empty() {
                None
            } else {
                Some(match labels.iter().position(|l| l == lab) {
                    Some(i) => i,
                    None => {
                        labels.push(lab.clone());
                        labels.len() - 1
                    }
                })
            };
            actions.push(Action { mv, label });
        }
    }
    if labels.is_empty() {
        return Err(format_err(path, "no entity labels"));
    }
    Ok((actions, labels))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn load_missing_dir_names_path() {
        let err = NerModel::load(Path::new("/nonexistent/fr_core_news_md")).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("/nonexistent/fr_core_news_md"), "{msg}");
    }

    #[test]
    fn load_missing_file_names_path() {
        let dir = std::env::temp_dir().join(format!("verbatim-ner-empty-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let err = NerModel::load(&dir).unwrap_err();
        let msg = err.to_string();
        std::fs::remove_dir_all(&dir).ok();
        assert!(msg.contains("ner/model"), "{msg}");
    }
}
