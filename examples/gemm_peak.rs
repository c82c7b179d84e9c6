//! GFLOP/s of the models' GEMM (`ner::gemm::gemm_packed`, weights packed once) on square
//! matrices and on the encoder's shape, against this CPU's single-core FMA peak measured with a
//! register-only loop (no memory traffic). Numbers for docs/benchmarks.md, not a test.
//!
//!   cargo run --release --example gemm_peak
//!
//! Each figure is the best of 7 timed runs (the machine is shared: the best run is the one
//! least disturbed). One multiply-add counts as 2 FLOP.

use std::hint::black_box;
use std::time::{Duration, Instant};

use verbatim::enrich::ner::gemm::{gemm_packed, PackedB, Store};

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

/// The best time of 7 runs of `f` (each run `reps` calls), per call.
fn best(reps: u32, mut f: impl FnMut()) -> Duration {
    f();
    (0..7)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..reps {
                f();
            }
            t.elapsed() / reps
        })
        .min()
        .unwrap_or_default()
}

/// GFLOP/s of `C[m×n] = A[m×k]·Bᵀ` with `A` rows at stride `lda`.
fn gemm_gflops(m: usize, k: usize, n: usize, lda: usize) -> f64 {
    let a = values((m - 1) * lda + k, 1);
    let b = values(n * k, 2);
    let packed = PackedB::pack(n, k, &b, k);
    let mut c = vec![0.0f32; m * n];
    let flop = 2.0 * (m * n * k) as f64;
    let reps = (2e9 / flop).ceil().max(1.0) as u32;
    let t = best(reps, || {
        gemm_packed(m, black_box(&a), lda, &packed, Store::Overwrite, &mut c);
        black_box(&c);
    });
    flop / t.as_secs_f64() / 1e9
}

/// Single-core FMA peak: independent FMA chains (24 in 16-lane AVX-512 registers, else 12 in
/// 8-lane AVX2 ones: more than latency × pipes, fewer than the registers), no loads; `None`
/// without either.
#[cfg(target_arch = "x86_64")]
fn peak_gflops() -> Option<(&'static str, f64)> {
    const ITERS: usize = 10_000_000;
    if is_x86_feature_detected!("avx512f") {
        // SAFETY: the CPU has AVX-512F (checked above).
        let t = best(1, || unsafe { fma_loop_512::<24>(ITERS) });
        let flop = 2.0 * 16.0 * (24 * ITERS) as f64;
        return Some(("AVX-512", flop / t.as_secs_f64() / 1e9));
    }
    if is_x86_feature_detected!("avx2") && is_x86_feature_detected!("fma") {
        // SAFETY: the CPU has AVX2 and FMA (checked above).
        let t = best(1, || unsafe { fma_loop_256::<12>(ITERS) });
        let flop = 2.0 * 8.0 * (12 * ITERS) as f64;
        return Some(("AVX2", flop / t.as_secs_f64() / 1e9));
    }
    None
}

#[cfg(not(target_arch = "x86_64"))]
fn peak_gflops() -> Option<(&'static str, f64)> {
    None
}

/// `C` chains of `iters` dependent FMAs on 16-lane registers.
///
/// # Safety
/// The CPU has AVX-512F.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f")]
unsafe fn fma_loop_512<const C: usize>(iters: usize) {
    use std::arch::x86_64::{_mm512_fmadd_ps, _mm512_set1_ps};
    let a = _mm512_set1_ps(black_box(0.999_999));
    let b = _mm512_set1_ps(black_box(1e-7));
    let mut acc = [_mm512_set1_ps(1.0); C];
    for _ in 0..iters {
        for x in acc.iter_mut() {
            *x = _mm512_fmadd_ps(*x, a, b);
        }
    }
    black_box(acc);
}

/// `C` chains of `iters` dependent FMAs on 8-lane registers.
///
/// # Safety
/// The CPU has AVX2 and FMA.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn fma_loop_256<const C: usize>(iters: usize) {
    use std::arch::x86_64::{_mm256_fmadd_ps, _mm256_set1_ps};
    let a = _mm256_set1_ps(black_box(0.999_999));
    let b = _mm256_set1_ps(black_box(1e-7));
    let mut acc = [_mm256_set1_ps(1.0); C];
    for _ in 0..iters {
        for x in acc.iter_mut() {
            *x = _mm256_fmadd_ps(*x, a, b);
        }
    }
    black_box(acc);
}

fn main() {
    match peak_gflops() {
        Some((isa, g)) => println!("FMA peak ({isa}, registers only, 1 core): {g:.1} GFLOP/s"),
        None => println!("FMA peak: no AVX2/AVX-512 on this CPU"),
    }
    for s in [128, 256, 512, 1024] {
        println!(
            "gemm_packed {s}×{s}×{s}: {:.1} GFLOP/s",
            gemm_gflops(s, s, s, s)
        );
    }
    println!(
        "gemm_packed 608×288×288 (encoder layer): {:.1} GFLOP/s",
        gemm_gflops(608, 288, 288, 288)
    );
    println!(
        "gemm_packed 608×288×288 seq2col rows (lda 96): {:.1} GFLOP/s",
        gemm_gflops(608, 288, 288, 96)
    );
    println!(
        "gemm_packed 608×64×1024 (parser lower layer): {:.1} GFLOP/s",
        gemm_gflops(608, 64, 1024, 64)
    );
}
