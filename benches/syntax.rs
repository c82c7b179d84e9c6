//! Words/s of `SyntaxModel::analyze` (shared tok2vec, tagger or morphologizer, parser, attribute
//! ruler, lemmatizer) on the dev texts of `tests/fixtures/ner-reference.json` with spaCy's own
//! tokens (the docs of benches/ner.rs), and the GFLOP/s `matrixmultiply` and the models' own
//! GEMM with pre-packed weights (`ner::gemm`) reach on the encoder's GEMM shape on this CPU.
//! Prints the multiply-adds per token of each component once.
//! Compare with `scripts/bench-syntax` (end to end, against Python spaCy).

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use verbatim::enrich::ner::gemm::{gemm_packed, PackedB, Store};
use verbatim::enrich::ner::tokenizer::Token;
use verbatim::enrich::syntax::SyntaxModel;

struct Doc {
    text: String,
    tokens: Vec<Token>,
}

fn dev_docs(lang: &str) -> Vec<Doc> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ner-reference.json");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("json");
    v["docs"]
        .as_array()
        .expect("docs")
        .iter()
        .filter(|d| {
            d["id"].as_str().is_some_and(|id| {
                id.starts_with(&format!("{lang}-dev"))
                    && !id.ends_with("-upper")
                    && !id.ends_with("-lower")
            })
        })
        .map(|d| Doc {
            text: d["text"].as_str().unwrap_or("").to_string(),
            tokens: d["tokens"]
                .as_array()
                .map(|ts| {
                    ts.iter()
                        .map(|t| Token {
                            start: t[0].as_u64().unwrap_or(0) as usize,
                            end: t[1].as_u64().unwrap_or(0) as usize,
                            space_after: t[2].as_bool().unwrap_or(false),
                            norm: t[3].as_str().map(str::to_string),
                        })
                        .collect()
                })
                .unwrap_or_default(),
        })
        .collect()
}

fn bench_syntax(c: &mut Criterion) {
    let mut group = c.benchmark_group("syntax");
    for (lang, dir) in [("fr", "fr_core_news_md"), ("en", "en_core_web_sm")] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("models")
            .join(dir);
        let model = match SyntaxModel::load(&dir) {
            Ok(m) => m,
            Err(e) => {
                eprintln!("skipping {lang}: {e}");
                continue;
            }
        };
        eprintln!("{lang}: multiply-adds per token {:?}", model.work());
        let docs = dev_docs(lang);
        let words: usize = docs.iter().map(|d| d.tokens.len()).sum();
        group.throughput(Throughput::Elements(words as u64));
        group.bench_function(format!("analyze_{lang}_dev_{words}_words"), |b| {
            b.iter(|| {
                let mut n = 0;
                for d in &docs {
                    n += model.analyze(&d.text, &d.tokens).len();
                }
                n
            })
        });
    }
    group.finish();
}

/// The encoder GEMM of a 600-token doc: (608 × 288) · (288 × 288)ᵀ.
fn bench_sgemm(c: &mut Criterion) {
    let (m, k, n) = (608usize, 288usize, 288usize);
    let a: Vec<f32> = (0..m * k).map(|i| (i % 7) as f32 * 0.1).collect();
    let b: Vec<f32> = (0..n * k).map(|i| (i % 5) as f32 * 0.1).collect();
    let mut out = vec![0.0f32; m * n];
    let mut group = c.benchmark_group("sgemm");
    // Elements = floating-point operations (2 per multiply-add): GElem/s = GFLOP/s.
    group.throughput(Throughput::Elements((2 * m * k * n) as u64));
    group.bench_function("matrixmultiply_608x288x288", |bch| {
        bch.iter(|| {
            // SAFETY: the buffers hold m×k, n×k and m×n elements, row-major, as strided here.
            unsafe {
                matrixmultiply::sgemm(
                    m,
                    k,
                    n,
                    1.0,
                    a.as_ptr(),
                    k as isize,
                    1,
                    b.as_ptr(),
                    1,
                    k as isize,
                    0.0,
                    out.as_mut_ptr(),
                    n as isize,
                    1,
                );
            }
            out[0]
        })
    });
    // The same product with B packed once (as the models pack their weights at load).
    let packed = PackedB::pack(n, k, &b, k);
    group.bench_function("packed_608x288x288", |bch| {
        bch.iter(|| {
            gemm_packed(m, &a, k, &packed, Store::Overwrite, &mut out);
            out[0]
        })
    });
    // The encoder's real operand: overlapping seq2col rows of a 96-wide state (lda 96).
    let x: Vec<f32> = (0..(m + 2) * 96).map(|i| (i % 11) as f32 * 0.1).collect();
    group.bench_function("packed_608x288x288_seq2col", |bch| {
        bch.iter(|| {
            gemm_packed(m, &x, 96, &packed, Store::Add, &mut out);
            out[0]
        })
    });
    group.finish();
}

criterion_group!(benches, bench_syntax, bench_sgemm);
criterion_main!(benches);
