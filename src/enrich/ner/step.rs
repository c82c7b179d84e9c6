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
/// Classes per block of [`UpperBlocks`], and the lane count of [`dot`]'s accumulators.
const LANES: usize = 8;
// `dot` has no remainder on a hidden vector, so `scores` need not handle one.
const _: () = assert!(HID.is_multiple_of(LANES));

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
    /// The upper layer again, interleaved for [`StepModel::scores`].
    up_blocks: UpperBlocks,
}

/// The upper layer's weights in blocks of [`LANES`] classes, the classes of a block interleaved
/// (`[block][p][class % LANES]`, zero-padded past the last class), so that one pass over the
/// hidden vector scores a whole block with the accumulators of [`dot`] side by side.
#[derive(Debug)]
struct UpperBlocks {
    w: Vec<[f32; LANES]>,
}

impl UpperBlocks {
    fn new(up_w: &[f32], n_classes: usize) -> UpperBlocks {
        let blocks = n_classes.div_ceil(LANES);
        let mut w = vec![[0.0f32; LANES]; blocks * HID];
        for (c, row) in up_w.chunks_exact(HID).enumerate().take(n_classes) {
            for (p, v) in row.iter().enumerate() {
                w[(c / LANES) * HID + p][c % LANES] = *v;
            }
        }
        UpperBlocks { w }
    }

    /// `dot(W[c], hid) + bias[c]` for every class `c` into `out`, bit for bit: each class keeps
    /// [`dot`]'s 8 lane accumulators (lane `i` sums `p ≡ i mod 8` in order, multiply then add)
    /// and its reduction order; only 8 classes are computed side by side.
    fn scores(&self, bias: &[f32], hid: &[f32; HID], out: &mut Vec<f32>) {
        #[cfg(target_arch = "x86_64")]
        if is_x86_feature_detected!("avx") {
            // SAFETY: the CPU supports AVX (checked just above).
            unsafe { self.scores_avx(bias, hid, out) };
            return;
        }
        self.scores_portable(bias, hid, out);
    }

    /// [`UpperBlocks::scores`] compiled for AVX: wider vectors, the same operations (no FMA
    /// contraction), so the same bits.
    ///
    /// # Safety
    /// The CPU must support AVX.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx")]
    unsafe fn scores_avx(&self, bias: &[f32], hid: &[f32; HID], out: &mut Vec<f32>) {
        self.scores_portable(bias, hid, out);
    }

    /// The portable body of [`UpperBlocks::scores`].
    #[inline(always)]
    fn scores_portable(&self, bias: &[f32], hid: &[f32; HID], out: &mut Vec<f32>) {
        let n = bias.len();
        out.clear();
        for (b, block) in self.w.chunks_exact(HID).enumerate() {
            // acc[i][c]: lane i of class c's accumulators in `dot`.
            let mut acc = [[0.0f32; LANES]; LANES];
            for (chunk_w, chunk_h) in block.chunks_exact(LANES).zip(hid.chunks_exact(LANES)) {
                for (lane, (w, h)) in acc.iter_mut().zip(chunk_w.iter().zip(chunk_h)) {
                    for (a, wv) in lane.iter_mut().zip(w) {
                        *a += wv * h;
                    }
                }
            }
            // `dot`'s reduction: the (empty) remainder sum, then the lanes in order.
            let empty: f32 = std::iter::empty::<f32>().sum();
            let mut s = [empty; LANES];
            for lane in &acc {
                for (sv, a) in s.iter_mut().zip(lane) {
                    *sv += a;
                }
            }
            let first = b * LANES;
            let take = LANES.min(n - first);
            out.extend(
                s[..take]
                    .iter()
                    .zip(&bias[first..first + take])
                    .map(|(sv, bias)| sv + bias),
            );
        }
    }
}

/// The lower layer applied to every token of a doc: `n × nF × HID·LP`.
pub struct Precomputed {
    data: Vec<f32>,
    /// The projection it was computed from (kept only to hand its buffer back).
    proj: Vec<f32>,
}

impl Drop for Precomputed {
    fn drop(&mut self) {
        Spare::put(
            std::mem::take(&mut self.data),
            std::mem::take(&mut self.proj),
        );
    }
}

/// Buffers of [`StepModel::precompute`] kept for the next doc of the same thread, so that a
/// worker does not allocate (and fault in) megabytes per doc. Buffers over [`SPARE_MAX`]
/// floats are freed instead of kept.
#[derive(Default)]
struct Spare {
    data: Vec<f32>,
    proj: Vec<f32>,
}

/// The largest buffer kept in [`Spare`] (16 MiB: a 4,096-token doc's parser features).
const SPARE_MAX: usize = 1 << 22;

thread_local! {
    static SPARE: std::cell::Cell<Spare> = std::cell::Cell::new(Spare::default());
}

impl Spare {
    /// This thread's spare buffers (empty ones if none, or if the thread is ending).
    fn take() -> Spare {
        SPARE.try_with(|s| s.take()).unwrap_or_default()
    }

    /// Keeps the larger of each buffer and the one already kept (when not over the cap).
    fn put(data: Vec<f32>, proj: Vec<f32>) {
        fn keep(kept: Vec<f32>, new: Vec<f32>) -> Vec<f32> {
            if new.capacity() > kept.capacity() && new.capacity() <= SPARE_MAX {
                new
            } else {
                kept
            }
        }
        let _ = SPARE.try_with(|s| {
            let kept = s.take();
            s.set(Spare {
                data: keep(kept.data, data),
                proj: keep(kept.proj, proj),
            });
        });
    }
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
        let up_w = l.param(upper, "W", &[n_classes, HID])?;
        Ok(StepModel {
            up_blocks: UpperBlocks::new(&up_w, n_classes),
            nf,
            lin_w: l.packed(lin, "W", &[HID, WIDTH])?,
            lin_b: l.param(lin, "b", &[HID])?,
            low_w: l.packed(lower, "W", &[nf, HID, LP, HID])?,
            low_b: l.param(lower, "b", &[HID, LP])?,
            low_pad: l.param(lower, "pad", &[1, nf, HID, LP])?,
            up_w,
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
    /// The buffers come from this thread's [`Spare`] and go back to it when dropped.
    pub fn precompute(&self, tokvec: &[f32], n: usize) -> Precomputed {
        let mut spare = Spare::take();
        affine(n, tokvec, &self.lin_w, &self.lin_b, &mut spare.proj);
        let mut data = spare.data;
        // Every element is overwritten by the product: only growth needs filling.
        data.resize(n * self.nf * FO, 0.0);
        gemm_packed(
            n,
            &spare.proj,
            HID,
            &self.low_w,
            Store::Overwrite,
            &mut data,
        );
        Precomputed {
            data,
            proj: spare.proj,
        }
    }

    /// The hidden layer for one state: `ids[f]` is the token of feature `f`, or `None`
    /// (the learned padding).
    pub fn hidden(&self, pre: &Precomputed, ids: &[Option<usize>], hid: &mut [f32; HID]) {
        #[cfg(target_arch = "x86_64")]
        if is_x86_feature_detected!("avx") {
            // SAFETY: the CPU supports AVX (checked just above).
            unsafe { self.hidden_avx(pre, ids, hid) };
            return;
        }
        self.hidden_portable(pre, ids, hid);
    }

    /// [`StepModel::hidden`] compiled for AVX (same operations, so the same bits).
    ///
    /// # Safety
    /// The CPU must support AVX.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx")]
    unsafe fn hidden_avx(&self, pre: &Precomputed, ids: &[Option<usize>], hid: &mut [f32; HID]) {
        self.hidden_portable(pre, ids, hid);
    }

    /// The portable body of [`StepModel::hidden`].
    #[inline(always)]
    fn hidden_portable(&self, pre: &Precomputed, ids: &[Option<usize>], hid: &mut [f32; HID]) {
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

    /// The scores of every class for a hidden vector into `out` (resized to the class count),
    /// bit-identical to [`StepModel::score`] per class (see [`UpperBlocks::scores`]).
    pub fn scores(&self, hid: &[f32; HID], out: &mut Vec<f32>) {
        self.up_blocks.scores(&self.up_b, hid, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator of varied floats (signs, magnitudes, exact zeros).
    fn values(n: usize, seed: u32) -> Vec<f32> {
        let mut x = seed.wrapping_mul(2_654_435_761).wrapping_add(1);
        (0..n)
            .map(|i| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                if i % 29 == 0 {
                    0.0
                } else {
                    (x as f32 / u32::MAX as f32 - 0.5) * (1 << (x % 7)) as f32
                }
            })
            .collect()
    }

    #[test]
    fn blocked_scores_match_dot_bit_for_bit() {
        for n_classes in [1, 7, 8, 13, 74, 105] {
            let w = values(n_classes * HID, n_classes as u32);
            let bias = values(n_classes, 99);
            let blocks = UpperBlocks::new(&w, n_classes);
            let mut out = vec![1.0; 3];
            for seed in 0..4 {
                let hid: [f32; HID] = values(HID, seed).try_into().unwrap();
                // The dispatched path (AVX where the CPU has it) and the portable one.
                let mut portable = Vec::new();
                blocks.scores(&bias, &hid, &mut out);
                blocks.scores_portable(&bias, &hid, &mut portable);
                assert_eq!(out.len(), n_classes);
                assert_eq!(portable.len(), n_classes);
                for c in 0..n_classes {
                    let want = dot(&w[c * HID..(c + 1) * HID], &hid) + bias[c];
                    assert_eq!(out[c].to_bits(), want.to_bits(), "class {c} of {n_classes}");
                    assert_eq!(portable[c].to_bits(), want.to_bits(), "portable {c}");
                }
            }
        }
    }

    #[test]
    fn spare_keeps_the_larger_buffer_up_to_the_cap() {
        Spare::put(Vec::with_capacity(10), Vec::with_capacity(3));
        Spare::put(Vec::with_capacity(5), Vec::with_capacity(SPARE_MAX + 1));
        let s = Spare::take();
        assert!(s.data.capacity() >= 10);
        assert!(s.proj.capacity() >= 3 && s.proj.capacity() <= SPARE_MAX);
        // Taken: the next doc of this thread starts without it.
        assert_eq!(Spare::take().data.capacity(), 0);
    }
}
