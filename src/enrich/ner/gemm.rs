//! Single-precision GEMM `C = A·Bᵀ (+ C)` for the forward passes, with the weight operand `B`
//! packed once at load ([`PackedB`]): panels of `NR` output columns, `k`-major, so the
//! micro-kernel reads each panel contiguously and no call repacks anything. `A` (the
//! activations) is read in place with any row stride (the tok2vec encoder's seq2col rows
//! overlap). The micro-kernel is chosen once per process (`is_x86_feature_detected!`): an
//! AVX-512 6×32 kernel (panels of 32 columns), else an AVX2+FMA 6×16 kernel, else a portable
//! kernel of the 16-column layout; a [`PackedB`] remembers the kernel its layout is for.
//!
//! Every output is one accumulator summed over `p = 0..k` in order, then added to `C` or stored:
//! the results differ from another BLAS only in rounding (FMA, summation order), and the AVX-512
//! and AVX2 kernels give the same bits (both FMA the same products in the same order).

/// Output columns per packed panel of the AVX2 and portable kernels (two 8-lane registers).
const NR16: usize = 16;
/// Output columns per packed panel of the AVX-512 kernel (two 16-lane registers).
const NR32: usize = 32;
/// The widest panel.
const NR_MAX: usize = NR32;
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
/// panel `j` holds columns `j·nr .. j·nr+nr` of `Bᵀ` as `k` rows of `nr` values (`nr` the
/// width of `kernel`'s panels); columns past `n` are zero.
#[derive(Clone, Debug)]
pub struct PackedB {
    n: usize,
    k: usize,
    kernel: Kernel,
    data: Vec<f32>,
}

impl PackedB {
    /// Packs `n` rows of length `k` found at stride `ldb` in `b`, for this CPU's kernel.
    pub fn pack(n: usize, k: usize, b: &[f32], ldb: usize) -> PackedB {
        PackedB::pack_for(Kernel::detect(), n, k, b, ldb)
    }

    /// Packs for `kernel`'s panel width.
    fn pack_for(kernel: Kernel, n: usize, k: usize, b: &[f32], ldb: usize) -> PackedB {
        assert!(n == 0 || k == 0 || b.len() >= (n - 1) * ldb + k);
        let nr = kernel.nr();
        let panels = n.div_ceil(nr);
        let mut data = vec![0.0f32; panels * k * nr];
        for (j, panel) in data.chunks_exact_mut(k * nr).enumerate() {
            for c in 0..nr.min(n - j * nr) {
                let row = &b[(j * nr + c) * ldb..(j * nr + c) * ldb + k];
                for (p, &v) in row.iter().enumerate() {
                    panel[p * nr + c] = v;
                }
            }
        }
        PackedB { n, k, kernel, data }
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
        let len = self.k * self.kernel.nr();
        &self.data[j * len..(j + 1) * len]
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
    let kernel = b.kernel;
    let nr = kernel.nr();
    for ib in (0..m).step_by(MC) {
        let ie = (ib + MC).min(m);
        for j in 0..n.div_ceil(nr) {
            let panel = b.panel(j);
            let cols = nr.min(n - j * nr);
            for i in (ib..ie).step_by(MR) {
                let tile = Tile {
                    rows: MR.min(ie - i),
                    cols,
                    row0: i,
                    col0: j * nr,
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

/// Where a SIMD micro-kernel writes: `MR` rows of its panel width at `c`, row stride `ldc`;
/// added to what is there or stored.
#[cfg(target_arch = "x86_64")]
struct Out {
    c: *mut f32,
    ldc: usize,
    add: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kernel {
    Portable,
    #[cfg(target_arch = "x86_64")]
    Avx2Fma,
    #[cfg(target_arch = "x86_64")]
    Avx512,
}

impl Kernel {
    /// The fastest kernel this CPU runs (detected once).
    #[cfg(target_arch = "x86_64")]
    fn detect() -> Kernel {
        use std::sync::OnceLock;
        static BEST: OnceLock<Kernel> = OnceLock::new();
        *BEST.get_or_init(|| {
            if is_x86_feature_detected!("avx512f") {
                Kernel::Avx512
            } else if is_x86_feature_detected!("avx2") && is_x86_feature_detected!("fma") {
                Kernel::Avx2Fma
            } else {
                Kernel::Portable
            }
        })
    }

    /// The portable kernel (no SIMD kernel for this architecture).
    #[cfg(not(target_arch = "x86_64"))]
    fn detect() -> Kernel {
        Kernel::Portable
    }

    /// Columns per panel of this kernel's layout.
    fn nr(self) -> usize {
        match self {
            #[cfg(target_arch = "x86_64")]
            Kernel::Avx512 => NR32,
            _ => NR16,
        }
    }

    /// Runs the SIMD kernel into `out`.
    ///
    /// # Safety
    /// `self` is a SIMD kernel the CPU runs (from [`Kernel::detect`]); each row holds `k`
    /// values and `panel` `k·nr`; `out` bounds `MR` rows of `nr` writable floats.
    #[cfg(target_arch = "x86_64")]
    unsafe fn simd(self, k: usize, rows: &[&[f32]; MR], panel: &[f32], out: Out) {
        match self {
            // SAFETY: the caller's contract.
            Kernel::Avx2Fma => unsafe { avx2::kernel(k, rows, panel, out) },
            // SAFETY: the caller's contract.
            Kernel::Avx512 => unsafe { avx512::kernel(k, rows, panel, out) },
            Kernel::Portable => unreachable!("the portable kernel has no SIMD path"),
        }
    }

    /// Computes one tile and writes it to `C`.
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
        let nr = self.nr();
        // Rows past the tile repeat its first row (valid memory; their results are dropped).
        let rows: [&[f32]; MR] = std::array::from_fn(|r| {
            let i = t.row0 + if r < t.rows { r } else { 0 };
            &a[i * lda..i * lda + k]
        });
        assert!(panel.len() >= k * nr);
        // A full tile goes straight into C (no local buffer: with a small k the buffer's copy
        // cost as much as the products).
        #[cfg(target_arch = "x86_64")]
        if self != Kernel::Portable && t.rows == MR && t.cols == nr {
            let at = t.row0 * ldc + t.col0;
            assert!(ldc >= nr && c.len() >= at + (MR - 1) * ldc + nr);
            let out = Out {
                c: c[at..].as_mut_ptr(),
                ldc,
                add: store == Store::Add,
            };
            // SAFETY: `self` came from `detect`; rows hold k values, the panel k·nr (asserted);
            // the assert bounds the MR rows of nr written.
            unsafe { self.simd(k, &rows, panel, out) };
            return;
        }
        let mut acc = [[0.0f32; NR_MAX]; MR];
        match self {
            Kernel::Portable => portable(k, &rows, panel, &mut acc),
            // SAFETY: `self` came from `detect`; rows hold k values, the panel k·nr (asserted);
            // `acc` is MR rows of NR_MAX ≥ nr.
            #[cfg(target_arch = "x86_64")]
            _ => unsafe {
                let out = Out {
                    c: acc.as_mut_ptr().cast::<f32>(),
                    ldc: NR_MAX,
                    add: false,
                };
                self.simd(k, &rows, panel, out)
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

/// The portable kernel on 16-column panels.
fn portable(k: usize, rows: &[&[f32]; MR], panel: &[f32], acc: &mut [[f32; NR_MAX]; MR]) {
    for (p, b) in panel.chunks_exact(NR16).enumerate().take(k) {
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
    use super::{Out, MR, NR16};
    use std::arch::x86_64::{
        __m256, _mm256_add_ps, _mm256_broadcast_ss, _mm256_fmadd_ps, _mm256_loadu_ps,
        _mm256_setzero_ps, _mm256_storeu_ps,
    };

    /// The 6×16 micro-kernel: 12 accumulator registers, 2 panel loads and 6 broadcasts per `p`;
    /// the registers go straight to `out` (`C + AB` or `AB`).
    ///
    /// # Safety
    /// The CPU has AVX2 and FMA; each row holds `k` values and `panel` `k·16`; `out` bounds 6
    /// rows of 16 writable floats.
    #[target_feature(enable = "avx2,fma")]
    pub(super) unsafe fn kernel(k: usize, rows: &[&[f32]; MR], panel: &[f32], out: Out) {
        debug_assert!(panel.len() >= k * NR16 && rows.iter().all(|r| r.len() >= k));
        let mut lo: [__m256; MR] = [_mm256_setzero_ps(); MR];
        let mut hi: [__m256; MR] = [_mm256_setzero_ps(); MR];
        let b = panel.as_ptr();
        let a: [*const f32; MR] = std::array::from_fn(|r| rows[r].as_ptr());
        for p in 0..k {
            // SAFETY: p < k, so p·16 + 16 ≤ panel.len() and p < every row's length.
            unsafe {
                let b0 = _mm256_loadu_ps(b.add(p * NR16));
                let b1 = _mm256_loadu_ps(b.add(p * NR16 + 8));
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

#[cfg(target_arch = "x86_64")]
mod avx512 {
    use super::{Out, MR, NR32};
    use std::arch::x86_64::{
        __m512, _mm512_add_ps, _mm512_fmadd_ps, _mm512_loadu_ps, _mm512_set1_ps, _mm512_setzero_ps,
        _mm512_storeu_ps,
    };

    /// The 6×32 micro-kernel: 12 accumulator registers, 2 panel loads and 6 broadcasts per `p`
    /// (the AVX2 kernel's loop at twice the width, the same FMA per output in the same order);
    /// the registers go straight to `out` (`C + AB` or `AB`).
    ///
    /// # Safety
    /// The CPU has AVX-512F; each row holds `k` values and `panel` `k·32`; `out` bounds 6 rows
    /// of 32 writable floats.
    #[target_feature(enable = "avx512f")]
    pub(super) unsafe fn kernel(k: usize, rows: &[&[f32]; MR], panel: &[f32], out: Out) {
        debug_assert!(panel.len() >= k * NR32 && rows.iter().all(|r| r.len() >= k));
        let mut lo: [__m512; MR] = [_mm512_setzero_ps(); MR];
        let mut hi: [__m512; MR] = [_mm512_setzero_ps(); MR];
        let b = panel.as_ptr();
        let a: [*const f32; MR] = std::array::from_fn(|r| rows[r].as_ptr());
        for p in 0..k {
            // SAFETY: p < k, so p·32 + 32 ≤ panel.len() and p < every row's length.
            unsafe {
                let b0 = _mm512_loadu_ps(b.add(p * NR32));
                let b1 = _mm512_loadu_ps(b.add(p * NR32 + 16));
                for r in 0..MR {
                    let av = _mm512_set1_ps(*a[r].add(p));
                    lo[r] = _mm512_fmadd_ps(av, b0, lo[r]);
                    hi[r] = _mm512_fmadd_ps(av, b1, hi[r]);
                }
            }
        }
        for r in 0..MR {
            // SAFETY: row r < 6 of `out`, 32 floats (the caller's bound).
            unsafe {
                let cr = out.c.add(r * out.ldc);
                if out.add {
                    lo[r] = _mm512_add_ps(lo[r], _mm512_loadu_ps(cr));
                    hi[r] = _mm512_add_ps(hi[r], _mm512_loadu_ps(cr.add(16)));
                }
                _mm512_storeu_ps(cr, lo[r]);
                _mm512_storeu_ps(cr.add(16), hi[r]);
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

    /// `C = 0.5 + A·Bᵀ` through `kernel` (the loop of `gemm_packed` without the row blocks).
    fn product(m: usize, n: usize, k: usize, lda: usize, kernel: Kernel) -> Vec<f32> {
        let a = values((m.max(1) - 1) * lda + k, 1 + m as u64);
        let b = values(n * k, 7 + n as u64);
        let packed = PackedB::pack_for(kernel, n, k, &b, k);
        let nr = kernel.nr();
        let mut c = vec![0.5f32; m * n];
        for i in (0..m).step_by(MR) {
            for j in 0..n.div_ceil(nr) {
                let tile = Tile {
                    rows: MR.min(m - i),
                    cols: nr.min(n - j * nr),
                    row0: i,
                    col0: j * nr,
                };
                kernel.run(k, &a, lda, packed.panel(j), tile, Store::Add, &mut c, n);
            }
        }
        c
    }

    fn check(m: usize, n: usize, k: usize, lda: usize, kernel: Kernel) {
        let a = values((m.max(1) - 1) * lda + k, 1 + m as u64);
        let b = values(n * k, 7 + n as u64);
        let want = reference(m, n, k, &a, lda, &b);
        let c = product(m, n, k, lda, kernel);
        for (i, (got, want)) in c.iter().zip(&want).enumerate() {
            let want = want + 0.5;
            assert!(
                (f64::from(*got) - want).abs() < 1e-4 * (1.0 + want.abs()),
                "{kernel:?} {m}×{n}×{k}: C[{i}] = {got}, expected {want}"
            );
        }
    }

    /// Ragged shapes: partial row and column tiles, k of 1, overlapping rows (lda < k).
    const SHAPES: [(usize, usize, usize, usize); 6] = [
        (1, 1, 1, 1),
        (7, 17, 5, 5),
        (13, 50, 96, 96),
        (13, 197, 96, 96),
        (12, 64, 64, 64),
        (20, 288, 288, 96),
    ];

    #[test]
    fn portable_kernel_matches_the_naive_product_on_ragged_shapes() {
        for (m, n, k, lda) in SHAPES {
            check(m, n, k, lda, Kernel::Portable);
        }
    }

    #[test]
    fn detected_kernel_matches_the_naive_product_on_ragged_shapes() {
        for (m, n, k, lda) in SHAPES {
            check(m, n, k, lda, Kernel::detect());
        }
    }

    #[cfg(target_arch = "x86_64")]
    #[test]
    fn avx2_kernel_matches_the_naive_product_when_the_cpu_has_it() {
        if is_x86_feature_detected!("avx2") && is_x86_feature_detected!("fma") {
            for (m, n, k, lda) in SHAPES {
                check(m, n, k, lda, Kernel::Avx2Fma);
            }
        }
    }

    /// The AVX-512 kernel is a drop-in for the AVX2 one: the same bits, every shape.
    #[cfg(target_arch = "x86_64")]
    #[test]
    fn avx512_kernel_gives_the_avx2_kernels_bits_when_the_cpu_has_it() {
        if is_x86_feature_detected!("avx512f") && is_x86_feature_detected!("fma") {
            for (m, n, k, lda) in SHAPES {
                check(m, n, k, lda, Kernel::Avx512);
                let wide = product(m, n, k, lda, Kernel::Avx512);
                let narrow = product(m, n, k, lda, Kernel::Avx2Fma);
                let same = wide
                    .iter()
                    .zip(&narrow)
                    .all(|(w, n)| w.to_bits() == n.to_bits());
                assert!(same, "{m}×{n}×{k}: AVX-512 and AVX2 results differ");
            }
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
