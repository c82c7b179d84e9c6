//! Per-stage throughput of the daemon's CPU path on the fixture articles
//! (`tests/fixtures/demo-articles.jsonl`, `tests/fixtures/seed-fr.input.json` and, when present,
//! the dev texts of `../shared/eval/dev.jsonl`): decode, tokenizer, NER, the whole core
//! (`Enricher::enrich`) and encode. Criterion reports words/s (words = whitespace-separated words
//! of the title and body); a summary of articles/s (1 and 2 threads) is printed first.
//!
//!   cargo bench --bench pipeline                        all stages
//!   cargo bench --bench pipeline -- core                one stage
//!   VERBATIM_BENCH_CORE=FILE.jsonl cargo bench --bench pipeline
//!       only the core's articles/s on 1 and 2 threads over the articles of FILE, printed as one
//!       JSON line (what `scripts/bench` compares the end-to-end throughput with)

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput};
use verbatim::contract::{self, Origin};
use verbatim::enrich::ner::Pipeline;
use verbatim::enrich::{Enricher, EnricherConfig};

const MAX_BYTES: usize = 1 << 20;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Input payloads (the bytes a Kafka message would carry).
fn fixture_payloads() -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let r = root();
    if let Ok(s) = std::fs::read_to_string(r.join("tests/fixtures/demo-articles.jsonl")) {
        out.extend(
            s.lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| l.as_bytes().to_vec()),
        );
    }
    if let Ok(s) = std::fs::read_to_string(r.join("tests/fixtures/seed-fr.input.json")) {
        out.push(s.into_bytes());
    }
    // The dev texts, without their gold annotations (an input carries only article fields).
    match std::fs::read_to_string(r.join("../shared/eval/dev.jsonl")) {
        Ok(s) => {
            for l in s.lines().filter(|l| !l.trim().is_empty()) {
                let Ok(serde_json::Value::Object(mut m)) = serde_json::from_str(l) else {
                    continue;
                };
                m.remove("entities");
                m.remove("quotes");
                out.push(serde_json::to_vec(&m).expect("json"));
            }
        }
        Err(_) => eprintln!("note: ../shared/eval/dev.jsonl absent, benching the fixtures only"),
    }
    out
}

fn file_payloads(path: &Path) -> Vec<Vec<u8>> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.as_bytes().to_vec())
        .collect()
}

fn enricher() -> Enricher {
    let models = [
        ("fr", "models/fr_core_news_md"),
        ("en", "models/en_core_web_sm"),
    ]
    .into_iter()
    .map(|(l, d)| (l.to_string(), root().join(d)))
    .collect();
    // The built-in places KB as the daemon loads it (linking is part of the core's cost).
    let kb = verbatim::load_kb(&verbatim::config::KbConfig {
        places: root().join("models/kb/places.tsv"),
        ..Default::default()
    })
    .expect("places KB (run scripts/kb)");
    Enricher::new(EnricherConfig {
        models,
        ..Default::default()
    })
    .expect("models (run scripts/models)")
    .with_kb(verbatim::enrich::kb::KbHandle::new(kb))
}

fn decode(p: &[u8]) -> contract::Article<'_> {
    contract::decode(Some(p), &Origin::default(), MAX_BYTES).expect("fixture decodes")
}

fn words(a: &contract::Article<'_>) -> usize {
    a.document()
        .fields
        .iter()
        .map(|f| f.text.split_whitespace().count())
        .sum()
}

/// CPU seconds (user + system, all threads) of this process so far, from `/proc/self/stat`
/// (clock ticks of 1/100 s, the Linux default); 0 where there is no procfs.
fn cpu_secs() -> f64 {
    let Ok(s) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    let f: Vec<&str> = s
        .rsplit_once(')')
        .map_or("", |x| x.1)
        .split_whitespace()
        .collect();
    let tick = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (tick(11) + tick(12)) / 100.0
}

/// Articles/s and CPU ms per article of the whole CPU path of one message (decode, enrich,
/// encode) on `threads` threads sharing one `Enricher`, for about `secs` seconds.
fn core_rate(e: &Enricher, payloads: &[Vec<u8>], threads: usize, secs: f64) -> (f64, f64) {
    let next = AtomicUsize::new(0);
    let deadline = Instant::now() + Duration::from_secs_f64(secs);
    let t0 = Instant::now();
    let c0 = cpu_secs();
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                while Instant::now() < deadline {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let a = decode(&payloads[i % payloads.len()]);
                    let en = e.enrich(&a.document()).ok();
                    std::hint::black_box(contract::encode(&contract::output(a, en)));
                }
            });
        }
    });
    let n = next.load(Ordering::Relaxed) as f64;
    (
        n / t0.elapsed().as_secs_f64(),
        1000.0 * (cpu_secs() - c0) / n.max(1.0),
    )
}

type Rate = (f64, f64);

fn summary(e: &Enricher, payloads: &[Vec<u8>], secs: f64) -> (Rate, Rate) {
    let _ = core_rate(e, payloads, 1, 0.3); // warm up
    (
        core_rate(e, payloads, 1, secs),
        core_rate(e, payloads, 2, secs),
    )
}

fn bench_stages(c: &mut Criterion, e: &Enricher, payloads: &[Vec<u8>]) {
    let articles: Vec<contract::Article> = payloads.iter().map(|p| decode(p)).collect();
    let n_words: usize = articles.iter().map(words).sum();
    let bytes: usize = payloads.iter().map(Vec::len).sum();
    let langs: Vec<String> = articles
        .iter()
        .map(|a| {
            e.enrich(&a.document())
                .ok()
                .and_then(|en| en.lang)
                .unwrap_or_default()
        })
        .collect();
    let pipelines: Vec<(String, Pipeline)> = [
        ("fr", "models/fr_core_news_md"),
        ("en", "models/en_core_web_sm"),
    ]
    .into_iter()
    .map(|(l, d)| {
        (
            l.to_string(),
            Pipeline::load(l, &root().join(d)).expect("model"),
        )
    })
    .collect();
    let pipeline = |lang: &str| pipelines.iter().find(|(l, _)| l == lang).map(|(_, p)| p);
    let texts: Vec<(&Pipeline, &str)> = articles
        .iter()
        .zip(&langs)
        .filter_map(|(a, l)| pipeline(l).map(|p| (p, a)))
        .flat_map(|(p, a)| a.document().fields.into_iter().map(move |f| (p, f.text)))
        .collect();
    let enrichments: Vec<_> = articles
        .iter()
        .map(|a| e.enrich(&a.document()).ok())
        .collect();
    eprintln!(
        "pipeline bench: {} articles, {n_words} words, {bytes} bytes",
        articles.len()
    );

    let mut g = c.benchmark_group("pipeline");
    g.sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    g.throughput(Throughput::Elements(n_words as u64));
    g.bench_function("decode", |b| {
        b.iter(|| {
            payloads
                .iter()
                .map(|p| decode(p).object.len())
                .sum::<usize>()
        })
    });
    g.bench_function("tokenizer", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|(p, t)| p.tokenize(t).len())
                .sum::<usize>()
        })
    });
    g.bench_function("ner", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|(p, t)| p.entities(t).len())
                .sum::<usize>()
        })
    });
    g.bench_function("core", |b| {
        b.iter(|| {
            articles
                .iter()
                .filter_map(|a| e.enrich(&a.document()).ok())
                .map(|en| en.entities.len())
                .sum::<usize>()
        })
    });
    g.bench_function("encode", |b| {
        b.iter_batched(
            || articles.clone().into_iter().zip(enrichments.clone()),
            |it| {
                it.map(|(a, en)| contract::encode(&contract::output(a, en)).len())
                    .sum::<usize>()
            },
            criterion::BatchSize::SmallInput,
        )
    });
    g.finish();
}

fn main() {
    let e = enricher();
    if let Some(file) = std::env::var_os("VERBATIM_BENCH_CORE") {
        let payloads = file_payloads(Path::new(&file));
        let secs = std::env::var("VERBATIM_BENCH_SECS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(5.0);
        let (one, two) = summary(&e, &payloads, secs);
        println!(
            "{{\"articles\": {}, \"core_1t_articles_per_s\": {:.1}, \"core_2t_articles_per_s\": {:.1}, \"core_1t_cpu_ms_per_article\": {:.2}, \"core_2t_cpu_ms_per_article\": {:.2}}}",
            payloads.len(), one.0, two.0, one.1, two.1
        );
        return;
    }
    let payloads = fixture_payloads();
    let total_words: usize = payloads.iter().map(|p| words(&decode(p))).sum();
    let (one, two) = summary(&e, &payloads, 3.0);
    eprintln!(
        "core (decode+enrich+encode) on {} fixture articles: 1 thread {:.1} articles/s ({:.0} words/s, {:.2} CPU ms/article); 2 threads {:.1} articles/s ({:.0} words/s, {:.2} CPU ms/article)",
        payloads.len(),
        one.0,
        one.0 * total_words as f64 / payloads.len() as f64,
        one.1,
        two.0,
        two.0 * total_words as f64 / payloads.len() as f64,
        two.1,
    );
    let mut c = Criterion::default().configure_from_args();
    bench_stages(&mut c, &e, &payloads);
    c.final_summary();
}
