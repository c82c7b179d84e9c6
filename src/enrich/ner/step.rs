//! The state-scoring model of spaCy's `TransitionBasedParser.v2` (hidden 64, maxout pieces 2,
//! `use_upper`), shared by the NER (3 state features) and the dependency parser (8):
//! tok2vec output → Linear(64) → precomputed lower layer per token and feature → per step, the
//! sum of the state's feature rows (or the learned padding) + bias → Maxout → upper layer scores.

use super::gemm::{gemm_packed, PackedB, Store};
use super::layers::{affine, dot, Loader, WIDTH};
use super::NerError;

/// Hidden width (and the width of the tok2vec projection).
pub(crate) const HID: usize = 64;
/// Lower-layer pieces.
const LP: usize = 2;
/// One feature's slice of a precomputed lower row: HID × LP.
const FO: usize = HID * LP;

/// Lower and upper layers of a transition-based component.
#[derive(Debug)]
pub struct StepModel {
    nf: usize,
    /// tok2vec projection (HID × WIDTH), packed.
    lin_w: PackedB,
    lin_b: Vec<f32>,
    /// Lower layer `W` as (nF·HID·LP × HID), packed.
    low_w: PackedB,
    low_b: Vec<f32>,
    low_pad: Vec<f32>,
    /// Upper layer (classes × HID).
    up_w: Vec<f32>,
    up_b: Vec<f32>,
}

/// The lower layer applied to every token of a doc: `n × nF × HID·LP`.
pub struct Precomputed {
    data: Vec<f32>,
}

impl StepModel {
    /// Finds the layers in a component's model file; `nf` is the number of state features.
    pub(crate) fn load(l: &Loader, nf: usize) -> Result<StepModel, NerError> {
        let linears = l.by_name("linear");
        let lin = linears
            .iter()
            .find(|n| n.dims.get("nI") == Some(&(WIDTH as i64)))
            .ok_or_else(|| l.err("no linear layer with nI=96 (tok2vec projection)"))?;
        let upper = linears
            .iter()
            .find(|n| n.dims.get("nI") == Some(&(HID as i64)))
            .ok_or_else(|| l.err("no linear layer with nI=64 (upper)"))?;
        let n_classes = l.rows(upper, "W")?;
        let lower = l.first("precomputable_affine")?;
        Ok(StepModel {
            nf,
            lin_w: l.packed(lin, "W", &[HID, WIDTH])?,
            lin_b: l.param(lin, "b", &[HID])?,
            low_w: l.packed(lower, "W", &[nf, HID, LP, HID])?,
            low_b: l.param(lower, "b", &[HID, LP])?,
            low_pad: l.param(lower, "pad", &[1, nf, HID, LP])?,
            up_w: l.param(upper, "W", &[n_classes, HID])?,
            up_b: l.param(upper, "b", &[n_classes])?,
        })
    }

    /// Number of output classes (transitions).
    pub fn n_classes(&self) -> usize {
        self.up_b.len()
    }

    /// Multiply-adds per token of `precompute` (projection + lower layer).
    pub fn precompute_macs_per_token(&self) -> usize {
        HID * WIDTH + self.nf * FO * HID
    }

    /// Multiply-adds of one transition step (feature sums + upper layer, all classes).
    pub fn step_macs(&self) -> usize {
        self.nf * FO + self.n_classes() * HID
    }

    /// Projects a doc's tok2vec output (`n × 96`) and applies the lower layer to every token.
    pub fn precompute(&self, tokvec: &[f32], n: usize) -> Precomputed {
        let mut proj = Vec::new();
        affine(n, tokvec, &self.lin_w, &self.lin_b, &mut proj);
        let mut data = vec![0.0f32; n * self.nf * FO];
        gemm_packed(n, &proj, HID, &self.low_w, Store::Overwrite, &mut data);
        Precomputed { data }
    }

    /// The hidden layer for one state: `ids[f]` is the token of feature `f`, or `None`
    /// (the learned padding).
    pub fn hidden(&self, pre: &Precomputed, ids: &[Option<usize>], hid: &mut [f32; HID]) {
        debug_assert_eq!(ids.len(), self.nf);
        let mut unmaxed = [0.0f32; FO];
        for (f, id) in ids.iter().enumerate() {
            let row = match id {
                Some(t) => {
                    let at = (t * self.nf + f) * FO;
                    &pre.data[at..at + FO]
                }
                None => &self.low_pad[f * FO..(f + 1) * FO],
            };
            for (u, v) in unmaxed.iter_mut().zip(row) {
                *u += v;
            }
        }
        for (u, b) in unmaxed.iter_mut().zip(&self.low_b) {
            *u += b;
        }
        for (hv, pair) in hid.iter_mut().zip(unmaxed.chunks_exact(LP)) {
            *hv = if pair[1] > pair[0] { pair[1] } else { pair[0] };
        }
    }

    /// The score of one class for a hidden vector.
    #[inline]
    pub fn score(&self, class: usize, hid: &[f32; HID]) -> f32 {
        dot(&self.up_w[class * HID..(class + 1) * HID], hid) + self.up_b[class]
    }
}
