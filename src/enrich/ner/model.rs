//! tok2vec + transition-based NER forward pass (spaCy 3.8 `ner`, greedy), see
//! `shared/notes/spacy-ner-inference.md` §2–6.
//!
//! Load-time precomputation: the embedding Maxout is linear in its concatenated input, so each
//! HashEmbed table row and each static vector row is projected through its block of the Maxout
//! weights once (`rows × 288`). At predict time the embedding layer is then 16 (+1) row
//! additions per token. The encoder, the tok2vec output layer and the parser's lower layer run
//! batched over all tokens of a doc (sgemm); the decoder then only sums 3 precomputed rows per step.

use std::collections::HashMap;
use std::path::Path;

use matrixmultiply::sgemm;
use rmpv::Value;

use super::features::{is_space, prefix, shape_into, suffix, Lexicon};
use super::hash::murmur3_128_u64;
use super::tokenizer::Token;
use super::types::{EntSpan, NerError};
use super::weights::{
    format_err, join, map_get, read_bytes, read_key2row, read_lexeme_norm, read_npy_f32,
    read_thinc_model, Array, Node,
};

/// tok2vec width.
const WIDTH: usize = 96;
/// Maxout pieces in tok2vec.
const PIECES: usize = 3;
/// Maxout output before the max: WIDTH × PIECES.
const WP: usize = WIDTH * PIECES;
/// Encoder padding rows on each side (receptive field).
const PAD: usize = 4;
/// Parser hidden width (tok2vec output width too).
const HID: usize = 64;
/// Parser lower-layer pieces.
const LP: usize = 2;
/// Parser state features.
const NF: usize = 3;
/// One feature's slice of a precomputed lower row: HID × LP.
const FO: usize = HID * LP;

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

#[derive(Debug)]
struct HashTable {
    seed: u32,
    rows: usize,
    /// `rows × WP`: each row of `E` through this column's block of the embed Maxout.
    proj: Vec<f32>,
}

#[derive(Debug)]
struct StaticVectors {
    key2row: HashMap<u64, u32>,
    /// `rows × WP`: `vectors @ W_sv.T` through the static block of the embed Maxout.
    proj: Vec<f32>,
}

#[derive(Debug)]
struct EncoderLayer {
    /// Maxout `W` (WP × 3·WIDTH), row `o*PIECES+p`.
    w: Vec<f32>,
    b: Vec<f32>,
    g: Vec<f32>,
    beta: Vec<f32>,
}

/// A loaded spaCy NER component (its own tok2vec, lower and upper layers, moves).
#[derive(Debug)]
pub struct NerModel {
    lexicon: Lexicon,
    tables: Vec<HashTable>,
    statics: Option<StaticVectors>,
    embed_b: Vec<f32>,
    embed_g: Vec<f32>,
    embed_beta: Vec<f32>,
    encoder: Vec<EncoderLayer>,
    /// tok2vec output linear (HID × WIDTH).
    lin_w: Vec<f32>,
    lin_b: Vec<f32>,
    /// Lower layer `W` as (NF·HID·LP × HID).
    low_w: Vec<f32>,
    low_b: Vec<f32>,
    low_pad: Vec<f32>,
    /// Upper layer (A × HID).
    up_w: Vec<f32>,
    up_b: Vec<f32>,
    actions: Vec<Action>,
    labels: Vec<String>,
}

/// `c[m×n] = a[m×k] · bᵀ + beta·c`, with `b` rows of length `k` at stride `ldb`
/// (`b` is n rows), `a` rows at stride `lda`, all row-major.
#[allow(clippy::too_many_arguments)]
fn gemm_abt(
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

/// Sum with 8 independent lanes (vectorizes; summation order like a BLAS kernel's).
#[inline]
fn lane_sum(x: &[f32]) -> f32 {
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
fn dot(a: &[f32], b: &[f32]) -> f32 {
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
fn layernorm(x: &mut [f32], g: &[f32], b: &[f32]) {
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

/// `out[o] = max_p y[o*PIECES+p]`.
#[inline]
fn maxout_row(y: &[f32], out: &mut [f32]) {
    for (o, chunk) in out.iter_mut().zip(y.chunks_exact(PIECES)) {
        let mut m = chunk[0];
        for &v in &chunk[1..] {
            if v > m {
                m = v;
            }
        }
        *o = m;
    }
}

struct Loader<'a> {
    path: &'a Path,
    nodes: Vec<Node>,
}

impl Loader<'_> {
    fn err(&self, reason: impl Into<String>) -> NerError {
        format_err(self.path, reason)
    }

    fn by_name(&self, name: &str) -> Vec<&Node> {
        self.nodes.iter().filter(|n| n.name == name).collect()
    }

    fn param(&self, node: &Node, name: &str, shape: &[usize]) -> Result<Vec<f32>, NerError> {
        let a: &Array = node
            .params
            .get(name)
            .ok_or_else(|| self.err(format!("layer {} has no param {name}", node.name)))?;
        if a.shape != shape {
            return Err(self.err(format!(
                "layer {} param {name} has shape {:?}, expected {shape:?}",
                node.name, a.shape
            )));
        }
        Ok(a.data.clone())
    }

    fn attr_u64(&self, node: &Node, name: &str) -> Result<u64, NerError> {
        node.attrs
            .get(name)
            .and_then(Value::as_u64)
            .ok_or_else(|| self.err(format!("layer {} has no int attr {name}", node.name)))
    }
}

impl NerModel {
    /// Loads the NER of a spaCy pipeline directory (e.g. `models/fr_core_news_md`).
    pub fn load(model_dir: &Path) -> Result<NerModel, NerError> {
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
        let l = Loader {
            path: &model_path,
            nodes: read_thinc_model(&model_path)?,
        };

        // HashEmbed tables, by column.
        let mut hashembeds: Vec<(u64, u32, &Node)> = Vec::new();
        for n in l.by_name("hashembed") {
            let col = l.attr_u64(n, "column")?;
            let seed = l.attr_u64(n, "seed")?;
            hashembeds.push((col, seed as u32, n));
        }
        hashembeds.sort_by_key(|h| h.0);
        if hashembeds.len() != 4 || hashembeds.iter().enumerate().any(|(i, h)| h.0 != i as u64) {
            return Err(l.err("expected 4 hashembed layers, columns 0..3"));
        }

        let maxouts = l.by_name("maxout");
        let norms = l.by_name("layernorm");
        if maxouts.len() != 5 || norms.len() != 5 {
            return Err(l.err(format!(
                "expected 5 maxout and 5 layernorm layers, found {} and {}",
                maxouts.len(),
                norms.len()
            )));
        }
        let statics_node = l.by_name("static_vectors").into_iter().next();
        let n_static = statics_node.map_or(0, |_| WIDTH);
        let embed_in = 4 * WIDTH + n_static;
        let embed_w = l.param(maxouts[0], "W", &[WIDTH, PIECES, embed_in])?;
        let embed_b = l.param(maxouts[0], "b", &[WIDTH, PIECES])?;
        let embed_g = l.param(norms[0], "G", &[WIDTH])?;
        let embed_beta = l.param(norms[0], "b", &[WIDTH])?;

        let mut tables = Vec::with_capacity(4);
        for (col, seed, node) in &hashembeds {
            let rows = node
                .params
                .get("E")
                .map(|a| a.shape.first().copied().unwrap_or(0))
                .unwrap_or(0);
            if rows == 0 {
                return Err(l.err(format!("hashembed column {col} has no rows")));
            }
            let e = l.param(node, "E", &[rows, WIDTH])?;
            let mut proj = vec![0.0f32; rows * WP];
            let off = *col as usize * WIDTH;
            gemm_abt(
                rows,
                WIDTH,
                WP,
                &e,
                WIDTH,
                &embed_w[off..],
                embed_in,
                0.0,
                &mut proj,
            );
            tables.push(HashTable {
                seed: *seed,
                rows,
                proj,
            });
        }

        let statics = match statics_node {
            None => None,
            Some(node) => {
                let vec_path = join(model_dir, "vocab/vectors");
                let vectors = read_npy_f32(&vec_path)?;
                let &[nrows, dim] = vectors.shape.as_slice() else {
                    return Err(format_err(&vec_path, "vectors are not 2-d"));
                };
                let w_sv = l.param(node, "W", &[WIDTH, dim])?;
                let mut s = vec![0.0f32; nrows * WIDTH];
                gemm_abt(
                    nrows,
                    dim,
                    WIDTH,
                    &vectors.data,
                    dim,
                    &w_sv,
                    dim,
                    0.0,
                    &mut s,
                );
                drop(vectors);
                let mut proj = vec![0.0f32; nrows * WP];
                gemm_abt(
                    nrows,
                    WIDTH,
                    WP,
                    &s,
                    WIDTH,
                    &embed_w[4 * WIDTH..],
                    embed_in,
                    0.0,
                    &mut proj,
                );
                let k2r_path = join(model_dir, "vocab/key2row");
                let key2row = read_key2row(&k2r_path)?;
                if key2row.values().any(|&r| r as usize >= nrows) {
                    return Err(format_err(&k2r_path, "row index out of range of vectors"));
                }
                Some(StaticVectors { key2row, proj })
            }
        };

        let mut encoder = Vec::with_capacity(4);
        for i in 1..5 {
            encoder.push(EncoderLayer {
                w: l.param(maxouts[i], "W", &[WIDTH, PIECES, 3 * WIDTH])?,
                b: l.param(maxouts[i], "b", &[WIDTH, PIECES])?,
                g: l.param(norms[i], "G", &[WIDTH])?,
                beta: l.param(norms[i], "b", &[WIDTH])?,
            });
        }

        let linears = l.by_name("linear");
        let lin = linears
            .iter()
            .find(|n| n.dims.get("nI") == Some(&(WIDTH as i64)))
            .ok_or_else(|| l.err("no linear layer with nI=96 (tok2vec output)"))?;
        let lin_w = l.param(lin, "W", &[HID, WIDTH])?;
        let lin_b = l.param(lin, "b", &[HID])?;
        let upper = linears
            .iter()
            .find(|n| n.dims.get("nI") == Some(&(HID as i64)))
            .ok_or_else(|| l.err("no linear layer with nI=64 (upper)"))?;
        let n_actions = upper
            .params
            .get("W")
            .and_then(|a| a.shape.first().copied())
            .ok_or_else(|| l.err("upper layer has no W"))?;
        let up_w = l.param(upper, "W", &[n_actions, HID])?;
        let up_b = l.param(upper, "b", &[n_actions])?;
        let lower = l
            .by_name("precomputable_affine")
            .into_iter()
            .next()
            .ok_or_else(|| l.err("no precomputable_affine layer"))?;
        let low_w = l.param(lower, "W", &[NF, HID, LP, HID])?;
        let low_b = l.param(lower, "b", &[HID, LP])?;
        let low_pad = l.param(lower, "pad", &[1, NF, HID, LP])?;

        let (actions, labels) = read_moves(&join(model_dir, "ner/moves"))?;
        if actions.len() != n_actions {
            return Err(l.err(format!(
                "upper layer has {n_actions} outputs but ner/moves gives {} actions",
                actions.len()
            )));
        }

        let lookups = join(model_dir, "vocab/lookups.bin");
        let lexeme_norm = if lookups.exists() {
            read_lexeme_norm(&lookups)?
        } else {
            HashMap::new()
        };
        let lexicon = Lexicon::new(lexeme_norm).map_err(|r| format_err(&lookups, r))?;

        Ok(NerModel {
            lexicon,
            tables,
            statics,
            embed_b,
            embed_g,
            embed_beta,
            encoder,
            lin_w,
            lin_b,
            low_w,
            low_b,
            low_pad,
            up_w,
            up_b,
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
        let np = n + 2 * PAD;
        // Padded tok2vec state: np rows (PAD zero rows, the tokens, PAD zero rows) between two
        // guard rows that stay zero (the out-of-range neighbours of seq2col).
        let mut x = vec![0.0f32; (np + 2) * WIDTH];
        let mut spaces = vec![false; n];

        // Embedding: features → projected rows → Maxout → LayerNorm.
        let mut norm_buf = String::new();
        let mut shape_buf = String::new();
        let mut acc = [0.0f32; WP];
        for (i, tok) in tokens.iter().enumerate() {
            let t = text.get(tok.start..tok.end).unwrap_or("");
            spaces[i] = is_space(t);
            self.lexicon
                .norm_into(t, tok.norm.as_deref(), &mut norm_buf);
            shape_into(t, &mut shape_buf);
            let ids = [
                self.lexicon.string_id(&norm_buf),
                self.lexicon.string_id(prefix(t)),
                self.lexicon.string_id(suffix(t)),
                self.lexicon.string_id(&shape_buf),
            ];
            acc.copy_from_slice(&self.embed_b);
            for (table, &id) in self.tables.iter().zip(&ids) {
                for h in murmur3_128_u64(id, table.seed) {
                    let r = h as usize % table.rows;
                    let row = &table.proj[r * WP..(r + 1) * WP];
                    for (a, v) in acc.iter_mut().zip(row) {
                        *a += v;
                    }
                }
            }
            if let Some(st) = &self.statics {
                if let Some(&r) = st.key2row.get(&self.lexicon.string_id(t)) {
                    let r = r as usize;
                    let row = &st.proj[r * WP..(r + 1) * WP];
                    for (a, v) in acc.iter_mut().zip(row) {
                        *a += v;
                    }
                }
            }
            let out = &mut x[(PAD + 1 + i) * WIDTH..(PAD + 2 + i) * WIDTH];
            maxout_row(&acc, out);
            layernorm(out, &self.embed_g, &self.embed_beta);
        }

        // Encoder: 4 × residual(seq2col → Maxout → LayerNorm), over the padded matrix.
        // seq2col row i = [X[i-1], X[i], X[i+1]] is the contiguous slice starting at guard-
        // shifted row i of `x`, so the GEMM reads `x` directly with a row stride of WIDTH.
        let mut y = vec![0.0f32; np * WP];
        let mut h = [0.0f32; WIDTH];
        for layer in &self.encoder {
            for row in y.chunks_exact_mut(WP) {
                row.copy_from_slice(&layer.b);
            }
            gemm_abt(
                np,
                3 * WIDTH,
                WP,
                &x,
                WIDTH,
                &layer.w,
                3 * WIDTH,
                1.0,
                &mut y,
            );
            for (yr, xr) in y
                .chunks_exact(WP)
                .zip(x.chunks_exact_mut(WIDTH).skip(1).take(np))
            {
                maxout_row(yr, &mut h);
                layernorm(&mut h, &layer.g, &layer.beta);
                for (xv, hv) in xr.iter_mut().zip(&h) {
                    *xv += hv;
                }
            }
        }
        drop(y);

        // tok2vec output: (n × HID).
        let mut tokvec = vec![0.0f32; n * HID];
        for row in tokvec.chunks_exact_mut(HID) {
            row.copy_from_slice(&self.lin_b);
        }
        gemm_abt(
            n,
            WIDTH,
            HID,
            &x[(PAD + 1) * WIDTH..],
            WIDTH,
            &self.lin_w,
            WIDTH,
            1.0,
            &mut tokvec,
        );
        drop(x);

        // Precomputed lower layer: (n × NF·HID·LP).
        let mut pre = vec![0.0f32; n * NF * FO];
        gemm_abt(
            n,
            HID,
            NF * FO,
            &tokvec,
            HID,
            &self.low_w,
            HID,
            0.0,
            &mut pre,
        );
        drop(tokvec);

        self.decode(tokens, sent_starts, &spaces, &pre)
    }

    fn decode(
        &self,
        tokens: &[Token],
        sent_starts: &[bool],
        spaces: &[bool],
        pre: &[f32],
    ) -> Vec<EntSpan> {
        let n = tokens.len();
        let mut ents = Vec::new();
        let mut open: Option<(usize, usize)> = None;
        let mut unmaxed = [0.0f32; FO];
        let mut hid = [0.0f32; HID];
        let feat = |tok: Option<usize>, f: usize| -> &[f32] {
            match tok {
                Some(t) => &pre[t * NF * FO + f * FO..t * NF * FO + (f + 1) * FO],
                None => &self.low_pad[f * FO..(f + 1) * FO],
            }
        };
        for (b0, &space) in spaces.iter().enumerate().take(n) {
            let start = open.map(|o| o.0);
            let prev = start.map(|_| b0 - 1);
            unmaxed.fill(0.0);
            for (f, tok) in [Some(b0), start, prev].into_iter().enumerate() {
                for (u, v) in unmaxed.iter_mut().zip(feat(tok, f)) {
                    *u += v;
                }
            }
            for (u, b) in unmaxed.iter_mut().zip(&self.low_b) {
                *u += b;
            }
            for (hv, pair) in hid.iter_mut().zip(unmaxed.chunks_exact(LP)) {
                *hv = if pair[1] > pair[0] { pair[1] } else { pair[0] };
            }

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
                let s = dot(&self.up_w[a * HID..(a + 1) * HID], &hid) + self.up_b[a];
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
    let bytes = read_bytes(path)?;
    let v = super::weights::decode_msgpack(path, &bytes)?;
    let json = map_get(&v, "moves")
        .and_then(|m| match m {
            Value::String(s) => s.as_str().map(str::to_string),
            Value::Binary(b) => String::from_utf8(b.clone()).ok(),
            _ => None,
        })
        .ok_or_else(|| format_err(path, "no \"moves\" string"))?;
    let moves: HashMap<String, HashMap<String, i64>> =
        serde_json::from_str(&json).map_err(|e| format_err(path, format!("moves JSON: {e}")))?;
    let mut ids: Vec<(u32, &HashMap<String, i64>)> = moves
        .iter()
        .filter_map(|(k, v)| k.parse::<u32>().ok().map(|k| (k, v)))
        .collect();
    ids.sort_by_key(|x| x.0);
    let mut actions = Vec::new();
    let mut labels: Vec<String> = Vec::new();
    for (id, labs) in ids {
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
        let mut sorted: Vec<(&String, i64)> = labs.iter().map(|(l, &f)| (l, f)).collect();
        sorted.sort_by(|a, b| (b.1, b.0).cmp(&(a.1, a.0)));
        for (lab, _) in sorted {
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
