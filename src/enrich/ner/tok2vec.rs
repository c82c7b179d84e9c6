//! spaCy's `Tok2Vec.v2` (MultiHashEmbed.v2 + MaxoutWindowEncoder.v2, width 96, depth 4,
//! window 1, 3 pieces), as used by the NER's own tok2vec and by the shared `tok2vec`
//! component the tagger, morphologizer and parser listen to. See
//! `shared/notes/spacy-ner-inference.md` §2–4.
//!
//! Precomputation: the embedding Maxout is linear in its concatenated input, so each HashEmbed
//! table row and each static vector row is projected through its block of the Maxout weights
//! once (`rows × 288`). At predict time the embedding layer is then one row addition per hash
//! (4 per attribute, +1 static vector) per token. The hash tables are projected at load (a few
//! thousand rows each, most of them hit by any article); the static vectors (20,000 rows in
//! fr_core_news_md, of which a run of a few hundred articles touches a fraction) are projected
//! row by row on first use, in one batch per doc, with the same GEMM as a whole-table projection
//! (its results do not depend on the number of rows: see [`StaticVectors::project_missing`]).
//! The encoder runs batched over all tokens of a doc (one GEMM per layer).

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use super::features::{is_space, prefix, shape_into, suffix, Lexicon};
use super::gemm::{gemm_packed, PackedB, Store};
use super::hash::murmur3_128_u64;
use super::layers::{gemm_abt, layernorm, maxout_row, Loader, WIDTH};
use super::tokenizer::Token;
use super::vectors::{StaticTable, VectorSource};
use super::weights::{format_err, join, read_lexeme_norm};
use super::NerError;

/// Maxout pieces in tok2vec.
const PIECES: usize = 3;
/// Maxout output before the max: WIDTH × PIECES.
const WP: usize = WIDTH * PIECES;
/// Encoder padding rows on each side (receptive field).
const PAD: usize = 4;
/// Encoder depth.
const DEPTH: usize = 4;
/// Tokens ahead whose embedding rows are prefetched.
const PREFETCH_AHEAD: usize = 1;
/// Row index of a word without a static vector.
const NO_ROW: u32 = u32::MAX;

/// The table rows of a doc's embeddings: `per_token` row indices per token, in summing order
/// (4 per hash table, then the static vector's or [`NO_ROW`]).
struct EmbedRows {
    per_token: usize,
    rows: Vec<u32>,
}

impl EmbedRows {
    /// The row indices of token `i`, `None` past the last token.
    fn token(&self, i: usize) -> Option<&[u32]> {
        self.rows.get(i * self.per_token..(i + 1) * self.per_token)
    }
}

/// A token attribute embedded by MultiHashEmbed, in the order of the config's `attrs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Attr {
    Norm,
    Prefix,
    Suffix,
    Shape,
    /// Whether a space follows the token (spaCy `SPACY`, 0 or 1).
    Spacy,
    /// Whether the token is whitespace (0 or 1).
    IsSpace,
}

#[derive(Debug)]
struct HashTable {
    attr: Attr,
    seed: u32,
    rows: usize,
    /// `rows × WP`: each row of `E` through this column's block of the embed Maxout.
    proj: Vec<f32>,
}

/// A projected static-vector row: `vector @ W_sv.T` through the static block of the embed Maxout.
type ProjRow = Box<[f32; WP]>;

#[derive(Debug)]
struct StaticVectors {
    /// The pipeline's raw vectors and key → row map, shared with its other tok2vec.
    table: Arc<StaticTable>,
    /// Width of a raw vector.
    dim: usize,
    /// The static vectors' `W` (`WIDTH × dim`), packed in blocks of [`MM_KC`] columns.
    w_sv: Vec<KBlock>,
    /// The static block of the embed Maxout's `W` (`WP × WIDTH`), packed.
    w_embed: PackedB,
    /// One cell per raw row, filled the first time a doc uses the row (shared by the worker
    /// threads: a row raced by two threads is computed twice, identically, and set once).
    proj: Vec<OnceLock<ProjRow>>,
}

impl StaticVectors {
    /// The projected row `r`, if it has been projected.
    #[inline]
    fn row(&self, r: u32) -> Option<&[f32]> {
        self.proj.get(r as usize)?.get().map(|row| &row[..])
    }

    /// Projects the rows among `rows` that no doc has used yet (every `per_token`-th entry from
    /// `slot` on), in one batch for the doc, with weights packed at load.
    fn project_missing(&self, rows: &[u32], per_token: usize, slot: usize) {
        let mut missing: Vec<u32> = rows
            .iter()
            .skip(slot)
            .step_by(per_token)
            .copied()
            .filter(|&r| self.proj.get(r as usize).is_some_and(|c| c.get().is_none()))
            .collect();
        if missing.is_empty() {
            return;
        }
        missing.sort_unstable();
        missing.dedup();
        let (m, dim) = (missing.len(), self.dim);
        let data = &self.table.vectors.data;
        let mut a = Vec::with_capacity(m * dim);
        for &r in &missing {
            let r = r as usize;
            a.extend_from_slice(&data[r * dim..(r + 1) * dim]);
        }
        let p = project(m, &a, dim, &self.w_sv, &self.w_embed);
        for (&r, values) in missing.iter().zip(p.chunks_exact(WP)) {
            let mut row: ProjRow = Box::new([0.0; WP]);
            row.copy_from_slice(values);
            // Set by another thread meanwhile: same values, keep either.
            let _ = self.proj[r as usize].set(row);
        }
    }
}

#[derive(Debug)]
struct EncoderLayer {
    /// Maxout `W` (WP × 3·WIDTH), row `o*PIECES+p`, packed.
    w: PackedB,
    b: Vec<f32>,
    g: Vec<f32>,
    beta: Vec<f32>,
}

/// A loaded tok2vec: embedding tables (pre-projected), static vectors, encoder.
#[derive(Debug)]
pub struct Tok2Vec {
    lexicon: Lexicon,
    tables: Vec<HashTable>,
    statics: Option<StaticVectors>,
    embed_b: Vec<f32>,
    embed_g: Vec<f32>,
    embed_beta: Vec<f32>,
    encoder: Vec<EncoderLayer>,
}

impl Tok2Vec {
    /// Loads the tok2vec layers found in `l` (a component's thinc model). `attrs` are the
    /// embedded attributes in column order; `vectors` gives the pipeline's `vocab/` (static
    /// vectors, read once per pipeline, and norms).
    pub(crate) fn load(
        l: &Loader,
        attrs: &[Attr],
        vectors: &VectorSource,
    ) -> Result<Tok2Vec, NerError> {
        let mut hashembeds = Vec::new();
        for n in l.by_name("hashembed") {
            let col = l.attr_u64(n, "column")? as usize;
            let seed = l.attr_u64(n, "seed")? as u32;
            hashembeds.push((col, seed, n));
        }
        hashembeds.sort_by_key(|h| h.0);
        if hashembeds.len() != attrs.len() || hashembeds.iter().enumerate().any(|(i, h)| h.0 != i) {
            return Err(l.err(format!(
                "expected {} hashembed layers, columns 0..{}, found {}",
                attrs.len(),
                attrs.len(),
                hashembeds.len()
            )));
        }
        let maxouts = l.by_name("maxout");
        let norms = l.by_name("layernorm");
        if maxouts.len() != DEPTH + 1 || norms.len() != DEPTH + 1 {
            return Err(l.err(format!(
                "expected {} maxout and layernorm layers, found {} and {}",
                DEPTH + 1,
                maxouts.len(),
                norms.len()
            )));
        }
        let statics_node = l.by_name("static_vectors").into_iter().next();
        let n_static = statics_node.map_or(0, |_| WIDTH);
        let embed_in = attrs.len() * WIDTH + n_static;
        let embed_w = l.param(maxouts[0], "W", &[WIDTH, PIECES, embed_in])?;

        let mut tables = Vec::with_capacity(attrs.len());
        for ((col, seed, node), &attr) in hashembeds.iter().zip(attrs) {
            let rows = l.rows(node, "E")?;
            let e = l.param(node, "E", &[rows, WIDTH])?;
            let mut proj = vec![0.0f32; rows * WP];
            let off = col * WIDTH;
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
                attr,
                seed: *seed,
                rows,
                proj,
            });
        }
        let statics = match statics_node {
            None => None,
            Some(node) => Some(load_statics(
                l,
                node,
                vectors,
                &embed_w[attrs.len() * WIDTH..],
                embed_in,
            )?),
        };
        let mut encoder = Vec::with_capacity(DEPTH);
        for i in 1..=DEPTH {
            encoder.push(EncoderLayer {
                w: l.packed(maxouts[i], "W", &[WIDTH, PIECES, 3 * WIDTH])?,
                b: l.param(maxouts[i], "b", &[WIDTH, PIECES])?,
                g: l.param(norms[i], "G", &[WIDTH])?,
                beta: l.param(norms[i], "b", &[WIDTH])?,
            });
        }
        let lookups = join(vectors.dir(), "vocab/lookups.bin");
        let lexeme_norm = if lookups.exists() {
            read_lexeme_norm(&lookups)?
        } else {
            HashMap::new()
        };
        let lexicon = Lexicon::new(lexeme_norm).map_err(|r| format_err(&lookups, r))?;
        Ok(Tok2Vec {
            lexicon,
            tables,
            statics,
            embed_b: l.param(maxouts[0], "b", &[WIDTH, PIECES])?,
            embed_g: l.param(norms[0], "G", &[WIDTH])?,
            embed_beta: l.param(norms[0], "b", &[WIDTH])?,
            encoder,
        })
    }

    /// Multiply-adds per token of one forward pass (embedding sums, encoder GEMMs).
    pub fn macs_per_token(&self) -> usize {
        let embed = (self.tables.len() * 4 + usize::from(self.statics.is_some())) * WP;
        embed + DEPTH * 3 * WIDTH * WP
    }

    /// The tok2vec output of one doc: `tokens.len() × 96`, row-major. `tokens` are byte spans
    /// into `text` (spaCy tokenization).
    pub fn forward(&self, text: &str, tokens: &[Token]) -> Vec<f32> {
        let n = tokens.len();
        if n == 0 {
            return Vec::new();
        }
        let np = n + 2 * PAD;
        // Padded state: np rows (PAD zero rows, the tokens, PAD zero rows) between two guard
        // rows that stay zero (the out-of-range neighbours of seq2col).
        let mut x = vec![0.0f32; (np + 2) * WIDTH];
        let rows = self.embed_rows(text, tokens);
        if let Some(st) = &self.statics {
            st.project_missing(&rows.rows, rows.per_token, rows.per_token - 1);
        }
        let mut acc = [0.0f32; WP];
        let mut picked: Vec<&[f32]> = Vec::with_capacity(rows.per_token);
        for i in 0..n {
            if let Some(ahead) = rows.token(i + PREFETCH_AHEAD) {
                self.prefetch(ahead);
            }
            picked.clear();
            for (slot, &r) in rows.token(i).unwrap_or(&[]).iter().enumerate() {
                picked.extend(self.row(slot, r));
            }
            sum_rows(&mut acc, &self.embed_b, &picked);
            let out = &mut x[(PAD + 1 + i) * WIDTH..(PAD + 2 + i) * WIDTH];
            maxout_row(&acc, PIECES, out);
            layernorm(out, &self.embed_g, &self.embed_beta);
        }
        encode(&self.encoder, &mut x, np);
        x.drain(..(PAD + 1) * WIDTH);
        x.truncate(n * WIDTH);
        x
    }

    /// The table rows each token's embedding sums, hashed for the whole doc first so the
    /// summing loop can prefetch the rows of the tokens ahead (the tables are megabytes: the
    /// rows come from memory, not from cache).
    fn embed_rows(&self, text: &str, tokens: &[Token]) -> EmbedRows {
        let per_token = self.tables.len() * 4 + usize::from(self.statics.is_some());
        let mut rows = Vec::with_capacity(tokens.len() * per_token);
        let mut norm_buf = String::new();
        let mut shape_buf = String::new();
        for tok in tokens {
            let t = text.get(tok.start..tok.end).unwrap_or("");
            for table in &self.tables {
                let id = match table.attr {
                    Attr::Norm => {
                        self.lexicon
                            .norm_into(t, tok.norm.as_deref(), &mut norm_buf);
                        self.lexicon.string_id(&norm_buf)
                    }
                    Attr::Prefix => self.lexicon.string_id(prefix(t)),
                    Attr::Suffix => self.lexicon.string_id(suffix(t)),
                    Attr::Shape => {
                        shape_into(t, &mut shape_buf);
                        self.lexicon.string_id(&shape_buf)
                    }
                    Attr::Spacy => u64::from(tok.space_after),
                    Attr::IsSpace => u64::from(is_space(t)),
                };
                for h in murmur3_128_u64(id, table.seed) {
                    // `rows` fits in u32: a table's rows are counted in thousands.
                    rows.push((h as usize % table.rows) as u32);
                }
            }
            if let Some(st) = &self.statics {
                let row = st.table.keys.get(self.lexicon.string_id(t));
                rows.push(row.unwrap_or(NO_ROW));
            }
        }
        EmbedRows { per_token, rows }
    }

    /// Row `r` of the table behind `slot` (4 slots per hash table, then the static vectors);
    /// `None` for a word without a static vector.
    #[inline]
    fn row(&self, slot: usize, r: u32) -> Option<&[f32]> {
        let proj = match self.tables.get(slot / 4) {
            Some(table) => &table.proj,
            None if r == NO_ROW => return None,
            None => return self.statics.as_ref()?.row(r),
        };
        let r = r as usize;
        proj.get(r * WP..(r + 1) * WP)
    }

    /// Asks the CPU to bring one token's rows into cache (a hint: no effect on the results).
    #[inline]
    fn prefetch(&self, rows: &[u32]) {
        #[cfg(target_arch = "x86_64")]
        for (slot, &r) in rows.iter().enumerate() {
            if let Some(row) = self.row(slot, r) {
                // The first line of the row: the reads of the rest follow it in order.
                // SAFETY: a prefetch never faults; the address is the row's first value.
                unsafe {
                    std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(
                        row.as_ptr().cast::<i8>(),
                    )
                };
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = rows;
    }
}

/// Encoder: DEPTH × residual(seq2col → Maxout → LayerNorm) over the padded matrix.
/// seq2col row i = [X[i-1], X[i], X[i+1]] is the contiguous slice starting at guard-
/// shifted row i of `x`, so the GEMM reads `x` directly with a row stride of WIDTH.
///
/// Each layer computes only the rows the layers after it read: the token rows and, on each
/// side, one padding row per layer still to come ([`layer_rows`]); the other padding rows
/// feed nothing the output depends on.
fn encode(encoder: &[EncoderLayer], x: &mut [f32], np: usize) {
    let n = np - 2 * PAD;
    let mut y = vec![0.0f32; layer_rows(0, n).len() * WP];
    let mut h = [0.0f32; WIDTH];
    for (depth, layer) in encoder.iter().enumerate() {
        let rows = layer_rows(depth, n);
        let m = rows.len();
        let y = &mut y[..m * WP];
        for row in y.chunks_exact_mut(WP) {
            row.copy_from_slice(&layer.b);
        }
        gemm_packed(m, &x[rows.start * WIDTH..], WIDTH, &layer.w, Store::Add, y);
        let out = &mut x[(rows.start + 1) * WIDTH..(rows.end + 1) * WIDTH];
        for (yr, xr) in y.chunks_exact(WP).zip(out.chunks_exact_mut(WIDTH)) {
            maxout_row(yr, PIECES, &mut h);
            layernorm(&mut h, &layer.g, &layer.beta);
            for (xv, hv) in xr.iter_mut().zip(&h) {
                *xv += hv;
            }
        }
    }
}

/// The padded rows (`0..n + 2·PAD`) encoder layer `depth` (from 0) computes for `n` tokens:
/// the tokens' rows `PAD..PAD + n` widened by one row per later layer on each side (the
/// receptive field of the layers still to come).
fn layer_rows(depth: usize, n: usize) -> std::ops::Range<usize> {
    let margin = DEPTH - 1 - depth;
    PAD - margin..PAD + n + margin
}

/// Values of one output chunk kept in registers while every row is added to it.
const CHUNK: usize = 32;

/// `acc = bias + rows[0] + rows[1] + ...`, element by element in that order (spaCy's
/// concatenation through the embedding Maxout, pre-projected): with AVX-512 the whole sum stays
/// in 18 registers while each row streams through once, else [`sum_rows_portable`].
#[inline]
fn sum_rows(acc: &mut [f32; WP], bias: &[f32], rows: &[&[f32]]) {
    #[cfg(target_arch = "x86_64")]
    if is_x86_feature_detected!("avx512f") {
        assert!(bias.len() >= WP && rows.iter().all(|r| r.len() >= WP));
        // SAFETY: the CPU has AVX-512F; the bias and every row hold WP values (asserted).
        unsafe { sum_rows_avx512(acc, bias, rows) };
        return;
    }
    sum_rows_portable(acc, bias, rows);
}

/// [`sum_rows`] in 16-lane registers: the same additions, in the same order, per element.
///
/// # Safety
/// The CPU has AVX-512F; `bias` and every row hold at least `WP` values.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f")]
unsafe fn sum_rows_avx512(acc: &mut [f32; WP], bias: &[f32], rows: &[&[f32]]) {
    use std::arch::x86_64::{__m512, _mm512_add_ps, _mm512_loadu_ps, _mm512_storeu_ps};
    const LANES: usize = 16;
    const REGS: usize = WP / LANES;
    // SAFETY: i·16 + 16 ≤ WP ≤ bias.len() (the caller's bound).
    let mut sum: [__m512; REGS] =
        std::array::from_fn(|i| unsafe { _mm512_loadu_ps(bias.as_ptr().add(i * LANES)) });
    for row in rows {
        let p = row.as_ptr();
        for (i, s) in sum.iter_mut().enumerate() {
            // SAFETY: i·16 + 16 ≤ WP ≤ row.len() (the caller's bound).
            *s = _mm512_add_ps(*s, unsafe { _mm512_loadu_ps(p.add(i * LANES)) });
        }
    }
    for (i, s) in sum.iter().enumerate() {
        // SAFETY: i·16 + 16 ≤ WP = acc.len().
        unsafe { _mm512_storeu_ps(acc.as_mut_ptr().add(i * LANES), *s) };
    }
}

/// [`sum_rows`] without SIMD intrinsics: chunk by chunk with the chunk in registers, so each
/// row is read once and the rows' memory reads overlap.
#[inline]
fn sum_rows_portable(acc: &mut [f32; WP], bias: &[f32], rows: &[&[f32]]) {
    for (c, (out, b)) in acc
        .chunks_exact_mut(CHUNK)
        .zip(bias.chunks_exact(CHUNK))
        .enumerate()
    {
        let mut a = [0.0f32; CHUNK];
        a.copy_from_slice(b);
        for row in rows {
            for (av, v) in a.iter_mut().zip(&row[c * CHUNK..(c + 1) * CHUNK]) {
                *av += v;
            }
        }
        out.copy_from_slice(&a);
    }
}

/// The pipeline's static vectors with this tok2vec's weights: the static vectors' `W` and the
/// static block of the embed Maxout (`embed_w` from that block on, rows at stride `embed_in`).
/// No row is projected yet (see [`StaticVectors::project_missing`]).
fn load_statics(
    l: &Loader,
    node: &super::weights::Node,
    source: &VectorSource,
    embed_w: &[f32],
    embed_in: usize,
) -> Result<StaticVectors, NerError> {
    let table = source.table()?;
    let &[nrows, dim] = table.vectors.shape.as_slice() else {
        return Err(format_err(
            &join(source.dir(), "vocab/vectors"),
            "vectors are not 2-d",
        ));
    };
    let w_sv = l.param(node, "W", &[WIDTH, dim])?;
    Ok(StaticVectors {
        table,
        dim,
        w_sv: pack_k_blocks(&w_sv, WIDTH, dim),
        w_embed: PackedB::pack(WP, WIDTH, embed_w, embed_in),
        proj: (0..nrows).map(|_| OnceLock::new()).collect(),
    })
}

/// Depth of `matrixmultiply`'s `k` blocks for `f32` (`S_KC`, its default build).
const MM_KC: usize = 256;

/// Columns `k0..k0 + w.k()` of a weight matrix, packed.
#[derive(Debug)]
struct KBlock {
    k0: usize,
    w: PackedB,
}

/// Packs `n` rows of length `k` in blocks of [`MM_KC`] columns.
fn pack_k_blocks(b: &[f32], n: usize, k: usize) -> Vec<KBlock> {
    (0..k)
        .step_by(MM_KC)
        .map(|k0| KBlock {
            k0,
            w: PackedB::pack(n, MM_KC.min(k - k0), &b[k0..], k),
        })
        .collect()
}

/// `(a · w_svᵀ) · w_embedᵀ` for `m` raw vectors of length `dim` (`m × WP`).
///
/// The numbers are those of the whole-table projection with `matrixmultiply` that loading did
/// before (`gemm_abt`), bit for bit: that GEMM computes each output as an FMA chain over `k`
/// from zero, one chain per block of [`MM_KC`], each block's chain added to the output (`c +
/// ab`, one rounding) — whatever the number of rows or the row's place in a tile. `gemm_packed`
/// computes one FMA chain from zero per call and stores or adds it the same way, so one call
/// per block gives the same sums (checked in `tests::projection_matches_matrixmultiply`).
fn project(m: usize, a: &[f32], dim: usize, w_sv: &[KBlock], w_embed: &PackedB) -> Vec<f32> {
    let mut s = vec![0.0f32; m * WIDTH];
    for (i, block) in w_sv.iter().enumerate() {
        let store = if i == 0 { Store::Overwrite } else { Store::Add };
        gemm_packed(m, &a[block.k0..], dim, &block.w, store, &mut s);
    }
    let mut p = vec![0.0f32; m * WP];
    gemm_packed(m, &s, WIDTH, w_embed, Store::Overwrite, &mut p);
    p
}

#[cfg(test)]
mod tests;
