//! Single-precision GEMM `C = A·Bᵀ (+ C)` for the forward passes, with the weight operand `B`
//! packed once at load ([`PackedB`]): panels of [`NR`] output columns, `k`-major, so the
//! micro-kernel reads each panel contiguously and no call repacks anything. `A` (the
//! activations) is read in place with any row stride (the tok2vec encoder's seq2col rows
//! overlap). An AVX2+FMA 6×16 micro-kernel runs when the CPU has it
//! (`is_x86_feature_detected!`), else a portable kernel of the same layout.
//!
//! Every output is one accumulator summed over `p = 0..k` in order, then added to `C` or stored:
//! the results differ from another BLAS only in rounding (FMA, summation order).

/// Output columns per packed panel (two 8-lane AVX registers).
pub const NR: usize = 16;
/// Rows per micro-kernel call.
const MR: usize = 6;
/// Rows of `A` per block (kept in L2 while every panel of `B` passes over it).
const MC: usize = 96;

/// Whether [`gemm_packed`] stores or adds the product.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Store {
    /// `C = A·Bᵀ`
    Overwrite,
    /// `C += A·Bᵀ` (e.g. onto rows pre-filled with a bias)
    Add,
}

/// A weight matrix `B` (`n` rows of length `k`; the product uses `Bᵀ`) in panel layout:
/// panel `j` holds columns `j·NR .. j·NR+NR` of `Bᵀ` as `k` rows of `NR` values; columns past
/// `n` are zero.
#[derive(Clone, Debug)]
pub struct PackedB {
    n: usize,
    k: usize,
    data: Vec<f32>,
}

impl PackedB {
    /// Packs `n` rows of length `k` found at stride `ldb` in `b`.
    pub fn pack(n: usize, k: usize, b: &[f32], ldb: usize) -> PackedB {
        assert!(n == 0 || k == 0 || b.len() >= (n - 1) * ldb + k);
        let panels = n.div_ceil(NR);
        let mut data = vec![0.0f32; panels * k * NR];
        for (j, panel) in data.chunks_exact_mut(k * NR).enumerate() {
            for c in 0..NR.min(n - j * NR) {
                let row = &b[(j * NR + c) * ldb..(j * NR + c) * ldb + k];
                for (p, &v) in row.iter().enumerate() {
                    panel[p * NR + c] = v;
                }
            }
        }
        PackedB { n, k, data }
    }

    /// Output columns.
    pub fn n(&self) -> usize {
        self.n
    }

    /// Inner dimension.
    pub fn k(&self) -> usize {
        self.k
    }

    fn panel(&self, j: usize) -> &[f32] {
        &self.data[j * self.k * NR..(j + 1) * self.k * NR]
    }
}

/// `C[m×n] (=|+=) A[m×k] · Bᵀ`, `A` rows at stride `lda`, `C` row-major with `n` columns.
pub fn gemm_packed(m: usize, a: &[f32], lda: usize, b: &PackedB, store: Store, c: &mut [f32]) {
    let (n, k) = (b.n, b.k);
    if m == 0 || n == 0 {
        return;
    }
    assert!(k == 0 || a.len() >= (m - 1) * lda + k);
    assert!(c.len() >= m * n);
    let kernel = Kernel::detect();
    for ib in (0..m).step_by(MC) {
        let ie = (ib + MC).min(m);
        for j in 0..n.div_ceil(NR) {
            let panel = b.panel(j);
            let cols = NR.min(n - j * NR);
            for i in (ib..ie).step_by(MR) {
                let tile = Tile {
                    rows: MR.min(ie - i),
                    cols,
                    row0: i,
                    col0: j * NR,
                };
                kernel.run(k, a, lda, panel, tile, store, c, n);
            }
        }
    }
}

/// Where one micro-kernel call writes: `rows × cols` of `C` from (`row0`, `col0`).
#[derive(Clone, Copy, Debug)]
struct Tile {
    rows: usize,
    cols: usize,
    row0: usize,
    col0: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kernel {
    Portable,
    #[cfg(target_arch = "x86_64")]
    Avx2Fma,
}

impl Kernel {
    fn detect() -> Kernel {
        #[cfg(target_arch = "x86_64")]
        {
            use std::sync::OnceLock;
            static HAS: OnceLock<bool> = OnceLock::new();
            let has = *HAS.get_or_init(|| {
                is_x86_feature_detected!("avx2") && is_x86_feature_detected!("fma")
            });
            if has {
                return Kernel::Avx2Fma;
            }
        }
        Kernel::Portable
    }

    /// Computes one tile into `acc` and writes it to `C`.
    #[allow(clippy::too_many_arguments)]
    #[inline]
    fn run(
        self,
        k: usize,
        a: &[f32],
        lda: usize,
        panel: &[f32],
        t: Tile,
        store: Store,
        c: &mut [f32],
        ldc: usize,
    ) {
        // Rows past the tile repeat its first row (valid memory; their results are dropped).
        let rows: [&[f32]; MR] = std::array::from_fn(|r| {
            let i = t.row0 + if r < t.rows { r } else { 0 };
            &a[i * lda..i * lda + k]
        });
        // A full tile goes straight into C (no local buffer: with a small k the buffer's copy
        // cost as much as the products).
        #[cfg(target_arch = "x86_64")]
        if self == Kernel::Avx2Fma && t.rows == MR && t.cols == NR {
            let at = t.row0 * ldc + t.col0;
            assert!(ldc >= NR && c.len() >= at + (MR - 1) * ldc + NR);
            let out = avx2::Out {
                c: c[at..].as_mut_ptr(),
                ldc,
                add: store == Store::Add,
            };
            // SAFETY: `detect` saw AVX2 and FMA; the assert bounds the 6 rows of 16 written.
            unsafe { avx2::kernel(k, &rows, panel, out) };
            return;
        }
        let mut acc = [[0.0f32; NR]; MR];
        match self {
            Kernel::Portable => portable(k, &rows, panel, &mut acc),
            // SAFETY: `detect` saw AVX2 and FMA; every row holds k values and the panel k·NR;
            // `acc` is 6 rows of 16.
            #[cfg(target_arch = "x86_64")]
            Kernel::Avx2Fma => unsafe {
                let out = avx2::Out {
                    c: acc.as_mut_ptr().cast::<f32>(),
                    ldc: NR,
                    add: false,
                };
                avx2::kernel(k, &rows, panel, out)
            },
        }
        for (r, acc_row) in acc.iter().enumerate().take(t.rows) {
            let at = (t.row0 + r) * ldc + t.col0;
            let out = &mut c[at..at + t.cols];
            match store {
                Store::Overwrite => out.copy_from_slice(&acc_row[..t.cols]),
                Store::Add => {
                    for (o, v) in out.iter_mut().zip(acc_row) {
                        *o += v;
                    }
                }
            }
        }
    }
}

fn portable(k: usize, rows: &[&[f32]; MR], panel: &[f32], acc: &mut [[f32; NR]; MR]) {
    for (p, b) in panel.chunks_exact(NR).enumerate().take(k) {
        for (r, acc_row) in acc.iter_mut().enumerate() {
            let av = rows[r][p];
            for (x, bv) in acc_row.iter_mut().zip(b) {
                *x += av * bv;
            }
        }
    }
}

#[cfg(target_arch = "x86_64")]
mod avx2 {
    use super::{MR, NR};
    use std::arch::x86_64::{
        __m256, _mm256_add_ps, _mm256_broadcast_ss, _mm256_fmadd_ps, _mm256_loadu_ps,
        _mm256_setzero_ps, _mm256_storeu_ps,
    };

    /// Where [`kernel`] writes: 6 rows of 16 at `c`, row stride `ldc`; added or stored.
    pub(super) struct Out {
        pub c: *mut f32,
        pub ldc: usize,
        pub add: bool,
    }

    /// The 6×16 micro-kernel: 12 accumulator registers, 2 panel loads and 6 broadcasts per `p`;
    /// the registers go straight to `out` (`C + AB` or `AB`).
    ///
    /// # Safety
    /// The CPU has AVX2 and FMA; each row holds `k` values and `panel` `k·NR`; `out` bounds 6
    /// rows of 16 writable floats.
    #[target_feature(enable = "avx2,fma")]
    pub(super) unsafe fn kernel(k: usize, rows: &[&[f32]; MR], panel: &[f32], out: Out) {
        debug_assert!(panel.len() >= k * NR && rows.iter().all(|r| r.len() >= k));
        let mut lo: [__m256; MR] = [_mm256_setzero_ps(); MR];
        let mut hi: [__m256; MR] = [_mm256_setzero_ps(); MR];
        let b = panel.as_ptr();
        let a: [*const f32; MR] = std::array::from_fn(|r| rows[r].as_ptr());
        for p in 0..k {
            // SAFETY: p < k, so p·NR + 16 ≤ panel.len() and p < every row's length.
            unsafe {
                let b0 = _mm256_loadu_ps(b.add(p * NR));
                let b1 = _mm256_loadu_ps(b.add(p * NR + 8));
                for r in 0..MR {
                    let av = _mm256_broadcast_ss(&*a[r].add(p));
                    lo[r] = _mm256_fmadd_ps(av, b0, lo[r]);
                    hi[r] = _mm256_fmadd_ps(av, b1, hi[r]);
                }
            }
        }
        for r in 0..MR {
            // SAFETY: row r < 6 of `out`, 16 floats (the caller's bound).
            unsafe {
                let cr = out.c.add(r * out.ldc);
                if out.add {
                    lo[r] = _mm256_add_ps(lo[r], _mm256_loadu_ps(cr));
                    hi[r] = _mm256_add_ps(hi[r], _mm256_loadu_ps(cr.add(8)));
                }
                _mm256_storeu_ps(cr, lo[r]);
                _mm256_storeu_ps(cr.add(8), hi[r]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Naive `A·Bᵀ` in f64.
    fn reference(m: usize, n: usize, k: usize, a: &[f32], lda: usize, b: &[f32]) -> Vec<f64> {
        let mut c = vec![0.0f64; m * n];
        for i in 0..m {
            for j in 0..n {
                c[i * n + j] = (0..k)
                    .map(|p| f64::from(a[i * lda + p]) * f64::from(b[j * k + p]))
                    .sum();
            }
        }
        c
    }

    /// Deterministic values in [-1, 1).
    fn values(len: usize, seed: u64) -> Vec<f32> {
        let mut s = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        (0..len)
            .map(|_| {
                s ^= s << 13;
                s ^= s >> 7;
                s ^= s << 17;
                ((s >> 40) as f32 / (1u64 << 23) as f32) - 1.0
            })
            .collect()
    }

    fn check(m: usize, n: usize, k: usize, lda: usize, kernel: Kernel) {
        let a = values((m.max(1) - 1) * lda + k, 1 + m as u64);
        let b = values(n * k, 7 + n as u64);
        let packed = PackedB::pack(n, k, &b, k);
        let want = reference(m, n, k, &a, lda, &b);
        let mut c = vec![0.5f32; m * n];
        // Same loop as gemm_packed, with the kernel under test.
        for i in (0..m).step_by(MR) {
            for j in 0..n.div_ceil(NR) {
                let tile = Tile {
                    rows: MR.min(m - i),
                    cols: NR.min(n - j * NR),
                    row0: i,
                    col0: j * NR,
                };
                kernel.run(k, &a, lda, packed.panel(j), tile, Store::Add, &mut c, n);
            }
        }
        for (i, (got, want)) in c.iter().zip(&want).enumerate() {
            let want = want + 0.5;
            assert!(
                (f64::from(*got) - want).abs() < 1e-4 * (1.0 + want.abs()),
                "{kernel:?} {m}×{n}×{k}: C[{i}] = {got}, expected {want}"
            );
        }
    }

    #[test]
    fn portable_kernel_matches_the_naive_product_on_ragged_shapes() {
        for (m, n, k, lda) in [
            (1, 1, 1, 1),
            (7, 17, 5, 5),
            (13, 50, 96, 96),
            (20, 288, 288, 96),
        ] {
            check(m, n, k, lda, Kernel::Portable);
        }
    }

    #[test]
    fn detected_kernel_matches_the_naive_product_on_ragged_shapes() {
        for (m, n, k, lda) in [
            (1, 1, 1, 1),
            (7, 17, 5, 5),
            (13, 197, 96, 96),
            (20, 288, 288, 96),
        ] {
            check(m, n, k, lda, Kernel::detect());
        }
    }

    #[test]
    fn overwrite_ignores_what_c_held_and_blocks_cover_every_row() {
        let (m, n, k) = (2 * MC + 5, 20, 9);
        let a = values(m * k, 3);
        let b = values(n * k, 4);
        let packed = PackedB::pack(n, k, &b, k);
        let mut c = vec![f32::NAN; m * n];
        gemm_packed(m, &a, k, &packed, Store::Overwrite, &mut c);
        let want = reference(m, n, k, &a, k, &b);
        for (got, want) in c.iter().zip(&want) {
            assert!((f64::from(*got) - want).abs() < 1e-4 * (1.0 + want.abs()));
        }
    }
}
