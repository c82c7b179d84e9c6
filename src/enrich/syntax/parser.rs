//! The dependency parser (spaCy 3.8 `parser`, greedy): the shared state-scoring model with 8
//! state features over the listened tok2vec output, and the arc-eager transitions.

use std::path::Path;

use super::arc_eager::{Move, State};
use super::tree::{self, Tree};
use crate::enrich::ner::layers::Loader;
use crate::enrich::ner::step::{StepModel, HID};
use crate::enrich::ner::weights::{format_err, join, read_moves_table};
use crate::enrich::ner::NerError;

/// Parser state features (`TransitionBasedParser.v2`, state_type "parser").
const NF: usize = 8;

/// One output class: a move with a label (index into `labels`).
#[derive(Clone, Copy, Debug)]
struct Class {
    mv: Move,
    label: usize,
}

/// A loaded spaCy dependency parser.
#[derive(Debug)]
pub struct Parser {
    step: StepModel,
    classes: Vec<Class>,
    labels: Vec<String>,
}

/// Work counters of one parse, for throughput reports.
#[derive(Clone, Copy, Debug, Default)]
pub struct ParseStats {
    /// Transitions taken.
    pub steps: usize,
}

impl Parser {
    /// Loads `parser/model` and `parser/moves` of a pipeline directory.
    pub fn load(model_dir: &Path) -> Result<Parser, NerError> {
        let path = join(model_dir, "parser/model");
        let l = Loader::open(&path)?;
        let step = StepModel::load(&l, NF)?;
        let moves_path = join(model_dir, "parser/moves");
        let mut labels: Vec<String> = Vec::new();
        let mut classes = Vec::new();
        for (id, labs) in read_moves_table(&moves_path)? {
            let mv = Move::from_id(id)
                .ok_or_else(|| format_err(&moves_path, format!("unknown arc-eager move {id}")))?;
            for lab in labs {
                let label = match labels.iter().position(|l| *l == lab) {
                    Some(i) => i,
                    None => {
                        labels.push(lab);
                        labels.len() - 1
                    }
                };
                classes.push(Class { mv, label });
            }
        }
        if classes.len() != step.n_classes() {
            return Err(l.err(format!(
                "upper layer has {} outputs but parser/moves gives {} actions",
                step.n_classes(),
                classes.len()
            )));
        }
        Ok(Parser {
            step,
            classes,
            labels,
        })
    }

    /// The state-scoring model (for work counts).
    pub fn step_model(&self) -> &StepModel {
        &self.step
    }

    /// Parses one doc from its tok2vec output (`n × 96`). `is_space[i]` marks whitespace tokens.
    pub(crate) fn parse(&self, tokvec: &[f32], is_space: &[bool]) -> (Tree, ParseStats) {
        let n = is_space.len();
        let mut stats = ParseStats::default();
        let mut state = State::new(n);
        if n > 0 {
            let pre = self.step.precompute(tokvec, n);
            let mut hid = [0.0f32; HID];
            // Reused across steps: every class's score, computed in one blocked pass.
            let mut scores: Vec<f32> = Vec::with_capacity(self.classes.len());
            while !state.is_final() {
                self.step.hidden(&pre, &state.features(), &mut hid);
                let valid = state.valid();
                let mut best: Option<(usize, f32)> = None;
                if valid.any() {
                    self.step.scores(&hid, &mut scores);
                    for (c, (class, &s)) in self.classes.iter().zip(&scores).enumerate() {
                        if !valid.get(class.mv) {
                            continue;
                        }
                        if best.is_none_or(|(_, bs)| s > bs) {
                            best = Some((c, s));
                        }
                    }
                }
                stats.steps += 1;
                match best {
                    Some((c, _)) => state.apply(self.classes[c].mv, self.classes[c].label),
                    None => state.force_final(),
                }
            }
        }
        (tree::build(&state, &self.labels, is_space), stats)
    }
}
