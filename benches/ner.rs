//! Words/s of `NerModel::predict` on the dev texts (docs `<lang>-dev*`, not the case variants, of
//! `tests/fixtures/ner-reference.json`) with spaCy's own tokens and sentence starts.
//! Compare with `scripts/bench-ner-spacy` (same docs; words = tokens).

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use verbatim::enrich::ner::tokenizer::Token;
use verbatim::enrich::ner::NerModel;

struct Doc {
    text: String,
    tokens: Vec<Token>,
    sent_starts: Vec<bool>,
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
            sent_starts: d["sent_starts"]
                .as_array()
                .map(|s| s.iter().map(|b| b.as_bool().unwrap_or(false)).collect())
                .unwrap_or_default(),
        })
        .collect()
}

fn bench_ner(c: &mut Criterion) {
    let mut group = c.benchmark_group("ner");
    for (lang, dir) in [("fr", "fr_core_news_md"), ("en", "en_core_web_sm")] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("models")
            .join(dir);
        let Ok(model) = NerModel::load(&dir) else {
            eprintln!("skipping {lang}: cannot load {}", dir.display());
            continue;
        };
        let docs = dev_docs(lang);
        let words: usize = docs.iter().map(|d| d.tokens.len()).sum();
        group.throughput(Throughput::Elements(words as u64));
        group.bench_function(format!("predict_{lang}_dev_{words}_words"), |b| {
            b.iter(|| {
                let mut n = 0;
                for d in &docs {
                    n += model.predict(&d.text, &d.tokens, &d.sent_starts).len();
                }
                n
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_ner);
criterion_main!(benches);
