//! Tests of the tok2vec forward pass: embedding sums, encoder rows, static projections.

use super::*;

/// The signature of [`sum_rows`] and its variants.
type SumRows = fn(&mut [f32; WP], &[f32], &[&[f32]]);

/// The encoder over every padded row, as before the rows were trimmed.
fn encode_all_rows(encoder: &[EncoderLayer], x: &mut [f32], np: usize) {
    let mut y = vec![0.0f32; np * WP];
    let mut h = [0.0f32; WIDTH];
    for layer in encoder {
        for row in y.chunks_exact_mut(WP) {
            row.copy_from_slice(&layer.b);
        }
        gemm_packed(np, x, WIDTH, &layer.w, Store::Add, &mut y);
        for (yr, xr) in y
            .chunks_exact(WP)
            .zip(x.chunks_exact_mut(WIDTH).skip(1).take(np))
        {
            maxout_row(yr, PIECES, &mut h);
            layernorm(&mut h, &layer.g, &layer.beta);
            for (xv, hv) in xr.iter_mut().zip(&h) {
                *xv += hv;
            }
        }
    }
}

#[test]
fn the_encoder_computes_only_the_rows_the_output_depends_on_with_the_same_bits() {
    let encoder: Vec<EncoderLayer> = (0..DEPTH as u64)
        .map(|d| EncoderLayer {
            w: PackedB::pack(WP, 3 * WIDTH, &values(WP * 3 * WIDTH, 10 + d), 3 * WIDTH),
            b: values(WP, 20 + d),
            g: values(WIDTH, 30 + d),
            beta: values(WIDTH, 40 + d),
        })
        .collect();
    for n in [1, 2, 7, 40] {
        let np = n + 2 * PAD;
        let mut x = vec![0.0f32; (np + 2) * WIDTH];
        let tokens = values(n * WIDTH, n as u64);
        x[(PAD + 1) * WIDTH..(PAD + 1 + n) * WIDTH].copy_from_slice(&tokens);
        let mut full = x.clone();
        encode(&encoder, &mut x, np);
        encode_all_rows(&encoder, &mut full, np);
        let rows = (PAD + 1) * WIDTH..(PAD + 1 + n) * WIDTH;
        let same = x[rows.clone()]
            .iter()
            .zip(&full[rows])
            .all(|(a, b)| a.to_bits() == b.to_bits());
        assert!(same, "{n} tokens: trimmed and full encoders differ");
    }
    assert_eq!(layer_rows(DEPTH - 1, 5), PAD..PAD + 5);
    assert_eq!(layer_rows(0, 5), 1..2 * PAD + 4);
}

/// The chunked sum must add in the same order as one row after another: values where
/// float addition is not associative tell the orders apart.
#[test]
fn sum_rows_adds_bias_then_rows_in_order() {
    let bias: Vec<f32> = (0..WP)
        .map(|i| if i % 2 == 0 { 1.0e8 } else { 0.5 })
        .collect();
    let r1: Vec<f32> = (0..WP)
        .map(|i| if i % 3 == 0 { 1.0 } else { -0.25 })
        .collect();
    let r2: Vec<f32> = (0..WP)
        .map(|i| if i % 2 == 0 { -1.0e8 } else { 3.0 })
        .collect();
    let r3: Vec<f32> = (0..WP).map(|i| (i as f32) * 0.001).collect();
    let rows: Vec<&[f32]> = vec![&r1, &r2, &r3];
    // The dispatched sum (AVX-512 on a CPU that has it) and the portable one.
    for sum in [sum_rows as SumRows, sum_rows_portable] {
        let mut acc = [f32::NAN; WP];
        sum(&mut acc, &bias, &rows);
        for i in 0..WP {
            let want = ((bias[i] + r1[i]) + r2[i]) + r3[i];
            assert_eq!(acc[i].to_bits(), want.to_bits(), "element {i}");
        }
    }
    // The other order would differ here: (1e8 + 1) rounds to 1e8, so 1 is lost.
    assert_ne!(((bias[0] + r1[0]) + r2[0]), (bias[0] + r2[0]) + r1[0]);
}

/// Pseudo-random values of both signs and several magnitudes (xorshift).
fn values(n: usize, seed: u64) -> Vec<f32> {
    let mut x = seed;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            ((x % 20_001) as f32 - 10_000.0) / 997.0 * if x.is_multiple_of(5) { 30.0 } else { 1.0 }
        })
        .collect()
}

/// A static row projected on first use equals, bit for bit, the whole-table projection with
/// `matrixmultiply` (two `k` blocks: dim 300), for any batch size and row.
#[test]
fn projection_matches_matrixmultiply() {
    let (nrows, dim, embed_in) = (37, 300, 3 * WIDTH);
    let vectors = values(nrows * dim, 1);
    let w_sv = values(WIDTH * dim, 2);
    let embed_w = values(WP * embed_in, 3);
    let block = &embed_w[2 * WIDTH..];
    let mut s = vec![0.0f32; nrows * WIDTH];
    gemm_abt(nrows, dim, WIDTH, &vectors, dim, &w_sv, dim, 0.0, &mut s);
    let mut whole = vec![0.0f32; nrows * WP];
    gemm_abt(
        nrows, WIDTH, WP, &s, WIDTH, block, embed_in, 0.0, &mut whole,
    );

    let blocks = pack_k_blocks(&w_sv, WIDTH, dim);
    assert_eq!(blocks.len(), 2);
    let packed_embed = PackedB::pack(WP, WIDTH, block, embed_in);
    for picked in [vec![5usize], vec![0, 36, 7], (0..nrows).rev().collect()] {
        let mut a = Vec::new();
        for &r in &picked {
            a.extend_from_slice(&vectors[r * dim..(r + 1) * dim]);
        }
        let p = project(picked.len(), &a, dim, &blocks, &packed_embed);
        for (i, &r) in picked.iter().enumerate() {
            for o in 0..WP {
                let (got, want) = (p[i * WP + o], whole[r * WP + o]);
                assert_eq!(got.to_bits(), want.to_bits(), "row {r} output {o}");
            }
        }
    }
}

#[test]
fn sum_rows_of_no_rows_is_the_bias() {
    let bias: Vec<f32> = (0..WP).map(|i| i as f32).collect();
    for sum in [sum_rows as SumRows, sum_rows_portable] {
        let mut acc = [0.0f32; WP];
        sum(&mut acc, &bias, &[]);
        assert_eq!(&acc[..], &bias[..]);
    }
}
