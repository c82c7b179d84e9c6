//! Shared thinc building blocks for the native spaCy components (NER, tok2vec, tagger, parser):
//! a row-major `A·Bᵀ` GEMM, Maxout and LayerNorm rows, dot products, and a loader that finds
//! layers by name in a thinc model file.

use std::path::Path;

use matrixmultiply::sgemm;
use rmpv::Value;

use super::gemm::{gemm_packed, PackedB, Store};
use super::weights::{f32s, format_err, read_thinc_model, Node, Param};
use super::NerError;

/// tok2vec width (every pipeline here uses 96).
pub(crate) const WIDTH: usize = 96;

/// `c[m×n] = a[m×k] · bᵀ + beta·c`, with `b` rows of length `k` at stride `ldb`
/// (`b` is n rows), `a` rows at stride `lda`, all row-major.
#[allow(clippy::too_many_arguments)]
pub(crate) fn gemm_abt(
    m: usize,
    k: usize,
    n: usize,
    a: &[f32],
    lda: usize,
    b: &[f32],
    ldb: usize,
    beta: f32,
    c: &mut [f32],
) {
    if m == 0 || n == 0 {
        return;
    }
    assert!(k == 0 || a.len() >= (m - 1) * lda + k);
    assert!(k == 0 || b.len() >= (n - 1) * ldb + k);
    assert!(c.len() >= m * n);
    // SAFETY: the asserts above bound every index sgemm reads or writes.
    unsafe {
        sgemm(
            m,
            k,
            n,
            1.0,
            a.as_ptr(),
            lda as isize,
            1,
            b.as_ptr(),
            1,
            ldb as isize,
            beta,
            c.as_mut_ptr(),
            n as isize,
            1,
        );
    }
}

/// `out[m×n] = a[m×k] · wᵀ + bias` for a dense layer with packed `w` (n × k) and `bias` (n).
pub(crate) fn affine(m: usize, a: &[f32], w: &PackedB, bias: &[f32], out: &mut Vec<f32>) {
    debug_assert_eq!(w.n(), bias.len());
    out.clear();
    out.reserve(m * bias.len());
    for _ in 0..m {
        out.extend_from_slice(bias);
    }
    gemm_packed(m, a, w.k(), w, Store::Add, out);
}

/// Sum with 8 independent lanes (vectorizes; summation order like a BLAS kernel's).
#[inline]
pub(crate) fn lane_sum(x: &[f32]) -> f32 {
    let mut acc = [0.0f32; 8];
    let mut chunks = x.chunks_exact(8);
    for c in &mut chunks {
        for (a, v) in acc.iter_mut().zip(c) {
            *a += v;
        }
    }
    let mut s = chunks.remainder().iter().sum::<f32>();
    for a in acc {
        s += a;
    }
    s
}

/// Dot product with 8 independent lanes.
#[inline]
pub(crate) fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0.0f32; 8];
    let mut ca = a.chunks_exact(8);
    let mut cb = b.chunks_exact(8);
    for (x, y) in (&mut ca).zip(&mut cb) {
        for i in 0..8 {
            acc[i] += x[i] * y[i];
        }
    }
    let mut s: f32 = ca
        .remainder()
        .iter()
        .zip(cb.remainder())
        .map(|(x, y)| x * y)
        .sum();
    for v in acc {
        s += v;
    }
    s
}

/// In-place LayerNorm over one row (population variance, eps 1e-8 inside the root).
#[inline]
pub(crate) fn layernorm(x: &mut [f32], g: &[f32], b: &[f32]) {
    debug_assert_eq!(x.len(), WIDTH);
    let n = x.len() as f32;
    let mean = lane_sum(x) / n;
    let mut d = [0.0f32; WIDTH];
    for (dv, v) in d.iter_mut().zip(x.iter()) {
        *dv = (v - mean) * (v - mean);
    }
    let var = lane_sum(&d[..x.len().min(WIDTH)]) / n + 1e-8;
    let inv = 1.0 / var.sqrt();
    for ((v, g), b) in x.iter_mut().zip(g).zip(b) {
        *v = (*v - mean) * inv * g + b;
    }
}

/// `out[o] = max_p y[o*pieces+p]` (the first maximum wins, as thinc's argmax).
#[inline]
pub(crate) fn maxout_row(y: &[f32], pieces: usize, out: &mut [f32]) {
    for (o, chunk) in out.iter_mut().zip(y.chunks_exact(pieces)) {
        let mut m = chunk[0];
        for &v in &chunk[1..] {
            if v > m {
                m = v;
            }
        }
        *o = m;
    }
}

/// Index of the first maximum of `x` (strict `>`), `None` when empty.
#[inline]
pub(crate) fn argmax(x: &[f32]) -> Option<usize> {
    let mut best: Option<(usize, f32)> = None;
    for (i, &v) in x.iter().enumerate() {
        if best.is_none_or(|(_, b)| v > b) {
            best = Some((i, v));
        }
    }
    best.map(|b| b.0)
}

/// A thinc model file's nodes, with typed lookups whose errors name the file.
pub(crate) struct Loader<'a> {
    pub path: &'a Path,
    pub nodes: Vec<Node>,
    /// The file's bytes, where the params' values lie.
    bytes: Vec<u8>,
}

impl<'a> Loader<'a> {
    /// Reads the thinc model at `path`.
    pub(crate) fn open(path: &'a Path) -> Result<Loader<'a>, NerError> {
        let model = read_thinc_model(path)?;
        Ok(Loader {
            path,
            nodes: model.nodes,
            bytes: model.bytes,
        })
    }

    pub(crate) fn err(&self, reason: impl Into<String>) -> NerError {
        format_err(self.path, reason)
    }

    /// The nodes with this name, in `walk()` order.
    pub(crate) fn by_name(&self, name: &str) -> Vec<&Node> {
        self.nodes.iter().filter(|n| n.name == name).collect()
    }

    /// The first node with this name.
    pub(crate) fn first(&self, name: &str) -> Result<&Node, NerError> {
        self.nodes
            .iter()
            .find(|n| n.name == name)
            .ok_or_else(|| self.err(format!("no {name} layer")))
    }

    /// A parameter of a node, checked against the expected shape, decoded from the file.
    pub(crate) fn param(
        &self,
        node: &Node,
        name: &str,
        shape: &[usize],
    ) -> Result<Vec<f32>, NerError> {
        let a: &Param = node
            .params
            .get(name)
            .ok_or_else(|| self.err(format!("layer {} has no param {name}", node.name)))?;
        if a.shape != shape {
            return Err(self.err(format!(
                "layer {} param {name} has shape {:?}, expected {shape:?}",
                node.name, a.shape
            )));
        }
        let bytes = self
            .bytes
            .get(a.bytes.clone())
            .ok_or_else(|| self.err(format!("layer {} param {name} is cut", node.name)))?;
        Ok(f32s(bytes))
    }

    /// A parameter checked against `shape`, packed for [`gemm_packed`] as a matrix whose rows
    /// are its last dimension (the other dimensions, multiplied, give the number of rows).
    pub(crate) fn packed(
        &self,
        node: &Node,
        name: &str,
        shape: &[usize],
    ) -> Result<PackedB, NerError> {
        let w = self.param(node, name, shape)?;
        let rows: usize = shape[..shape.len() - 1].iter().product();
        let cols = shape[shape.len() - 1];
        Ok(PackedB::pack(rows, cols, &w, cols))
    }

    /// The first dimension of a parameter (e.g. the number of classes of an output layer).
    pub(crate) fn rows(&self, node: &Node, name: &str) -> Result<usize, NerError> {
        node.params
            .get(name)
            .and_then(|a| a.shape.first().copied())
            .ok_or_else(|| self.err(format!("layer {} has no param {name}", node.name)))
    }

    pub(crate) fn attr_u64(&self, node: &Node, name: &str) -> Result<u64, NerError> {
        node.attrs
            .get(name)
            .and_then(Value::as_u64)
            .ok_or_else(|| self.err(format!("layer {} has no int attr {name}", node.name)))
    }
}
