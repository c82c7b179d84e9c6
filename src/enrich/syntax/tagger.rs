//! The tagger (English: fine-grained `TAG`) and the morphologizer (French: `POS` and morphological
//! features from one label), both spaCy `Tagger.v2`: a softmax layer over the listened tok2vec
//! output; the guess is the highest score (the softmax does not change the argmax).

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use crate::enrich::ner::gemm::PackedB;
use crate::enrich::ner::layers::{affine, argmax, Loader, WIDTH};
use crate::enrich::ner::weights::{format_err, join, read_bytes};
use crate::enrich::ner::NerError;

const SYMBOLS_JSON: &str = include_str!("../../../resources/ner/symbols.json");

/// What a class sets on a token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum TagLabel {
    /// A fine-grained tag (tagger).
    Tag(String),
    /// Coarse POS and normalised features (morphologizer).
    PosMorph { pos: String, morph: String },
}

/// A loaded tagger or morphologizer.
#[derive(Debug)]
pub struct Tagger {
    w: PackedB,
    b: Vec<f32>,
    labels: Vec<TagLabel>,
}

/// A JSON object's entries in file order (the morphologizer's class order).
struct Ordered(Vec<(String, serde_json::Value)>);

impl<'de> Deserialize<'de> for Ordered {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Ordered;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Ordered, A::Error> {
                let mut v = Vec::new();
                while let Some(entry) = m.next_entry::<String, serde_json::Value>()? {
                    v.push(entry);
                }
                Ok(Ordered(v))
            }
        }
        d.deserialize_map(V)
    }
}

#[derive(Deserialize)]
struct TaggerCfg {
    labels: Vec<String>,
}

#[derive(Deserialize)]
struct MorphologizerCfg {
    labels_morph: Ordered,
    labels_pos: HashMap<String, u64>,
}

impl Tagger {
    /// Loads `tagger/` or, when there is none, `morphologizer/` of a pipeline directory.
    pub fn load(model_dir: &Path) -> Result<Tagger, NerError> {
        let (component, labels) = if join(model_dir, "tagger/model").is_file() {
            ("tagger", tagger_labels(&join(model_dir, "tagger/cfg"))?)
        } else {
            (
                "morphologizer",
                morphologizer_labels(&join(model_dir, "morphologizer/cfg"))?,
            )
        };
        let path = join(model_dir, &format!("{component}/model"));
        let l = Loader::open(&path)?;
        let softmax = l.first("softmax")?;
        let n = l.rows(softmax, "W")?;
        if n != labels.len() {
            return Err(l.err(format!(
                "softmax has {n} outputs but {component}/cfg has {} labels",
                labels.len()
            )));
        }
        Ok(Tagger {
            w: l.packed(softmax, "W", &[n, WIDTH])?,
            b: l.param(softmax, "b", &[n])?,
            labels,
        })
    }

    /// Multiply-adds per token.
    pub fn macs_per_token(&self) -> usize {
        self.w.n() * self.w.k()
    }

    /// The class of every token, from the doc's tok2vec output (`n × 96`).
    pub(crate) fn predict(&self, tokvec: &[f32], n: usize) -> Vec<&TagLabel> {
        let mut scores = Vec::new();
        affine(n, tokvec, &self.w, &self.b, &mut scores);
        scores
            .chunks_exact(self.b.len())
            .map(|row| &self.labels[argmax(row).unwrap_or(0)])
            .collect()
    }
}

fn read_json<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<T, NerError> {
    let bytes = read_bytes(path)?;
    serde_json::from_slice(&bytes).map_err(|e| format_err(path, format!("JSON: {e}")))
}

fn tagger_labels(path: &Path) -> Result<Vec<TagLabel>, NerError> {
    let cfg: TaggerCfg = read_json(path)?;
    Ok(cfg.labels.into_iter().map(TagLabel::Tag).collect())
}

fn morphologizer_labels(path: &Path) -> Result<Vec<TagLabel>, NerError> {
    let cfg: MorphologizerCfg = read_json(path)?;
    let symbols: HashMap<String, u64> = serde_json::from_str(SYMBOLS_JSON)
        .map_err(|e| format_err(path, format!("embedded symbols.json: {e}")))?;
    let names: HashMap<u64, String> = symbols.into_iter().map(|(k, v)| (v, k)).collect();
    let mut out = Vec::with_capacity(cfg.labels_morph.0.len());
    for (label, morph) in cfg.labels_morph.0 {
        let morph = morph
            .as_str()
            .ok_or_else(|| format_err(path, format!("morph of label {label:?} is not a string")))?;
        let pos_id = cfg
            .labels_pos
            .get(&label)
            .ok_or_else(|| format_err(path, format!("label {label:?} has no POS")))?;
        let pos = if *pos_id == 0 {
            String::new()
        } else {
            names
                .get(pos_id)
                .cloned()
                .ok_or_else(|| format_err(path, format!("unknown POS id {pos_id} of {label:?}")))?
        };
        out.push(TagLabel::PosMorph {
            pos,
            morph: super::morph::normalize(morph),
        });
    }
    Ok(out)
}
