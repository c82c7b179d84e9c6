//! Throughput of the rules of the core alone (entities and quotes, given the NER spans): the dev
//! set's articles (`../shared/eval/dev.jsonl`, or `$VERBATIM_SHARED/eval/dev.jsonl`) with the
//! spaCy spans dumped in `tests/fixtures/dev-ner-spans.jsonl`. Criterion reports words/s.
//! Also the gazetteer's scan of a ~5,000-character text (`gazetteer find_in`), in bytes/s.
//!
//!   cargo bench --bench rules

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput};
use verbatim::enrich::gazetteer::gazetteer;
use verbatim::enrich::ner::EntSpan;
use verbatim::enrich::{Document, Enricher, EnricherConfig};
use verbatim::eval::read_gold;

fn shared() -> PathBuf {
    std::env::var("VERBATIM_SHARED").map_or_else(
        |_| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"),
        PathBuf::from,
    )
}

/// spaCy's spans of the dev set: (article id, field name) → spans in bytes.
fn dev_spans() -> HashMap<(String, String), Vec<EntSpan>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dev-ner-spans.jsonl");
    let mut out: HashMap<(String, String), Vec<EntSpan>> = HashMap::new();
    for l in std::fs::read_to_string(path).expect("span fixture").lines() {
        let v: serde_json::Value = serde_json::from_str(l).expect("span line");
        let s = |k: &str| v[k].as_str().unwrap_or_default().to_string();
        let n = |k: &str| v[k].as_u64().unwrap_or_default() as usize;
        out.entry((s("id"), s("field"))).or_default().push(EntSpan {
            start: n("bstart"),
            end: n("bend"),
            label: s("label"),
        });
    }
    out
}

fn main() {
    let gold = match read_gold(&shared().join("eval/dev.jsonl")) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("rules bench skipped: {e}");
            return;
        }
    };
    let spans = dev_spans();
    let en = Enricher::new(EnricherConfig::default()).expect("enricher");
    let inputs: Vec<(Document<'_>, Vec<(usize, EntSpan)>)> = gold
        .iter()
        .map(|g| {
            let doc = g.document();
            let sp = doc
                .fields
                .iter()
                .enumerate()
                .flat_map(|(i, f)| {
                    spans
                        .get(&(g.id.clone(), f.name.to_string()))
                        .into_iter()
                        .flatten()
                        .map(move |s| (i, s.clone()))
                })
                .collect();
            (doc, sp)
        })
        .collect();
    let words: usize = inputs
        .iter()
        .flat_map(|(d, _)| d.fields.iter())
        .map(|f| f.text.split_whitespace().count())
        .sum();
    let mut c = Criterion::default().configure_from_args();
    let mut g = c.benchmark_group("rules");
    g.throughput(Throughput::Elements(words as u64));
    g.bench_function("entities+quotes", |b| {
        b.iter(|| {
            for (d, sp) in &inputs {
                std::hint::black_box(en.enrich_with_spans(d, sp).expect("enrich"));
            }
        })
    });
    g.finish();
    gazetteer_scan(&mut c);
    c.final_summary();
}

/// The gazetteer's names found in an invented ~5,000-character text of both languages.
fn gazetteer_scan(c: &mut Criterion) {
    let para = "Le président français a reçu jeudi à l'Élysée le secrétaire général de \
                l'ONU, avant un sommet de l'Union européenne à Bruxelles. Selon l'AFP, \
                Samsung et Renault ont annoncé des investissements en Côte d'Ivoire. The \
                New York Times reported that Microsoft, Google and the U.S. Treasury met \
                officials from Germany, Japan and Brazil in Washington on Tuesday. ";
    let text = para.repeat(5000 / para.len() + 1);
    let g = gazetteer();
    let mut group = c.benchmark_group("gazetteer");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("find_in", |b| {
        b.iter(|| std::hint::black_box(g.find_in(std::hint::black_box(&text))))
    });
    group.finish();
}
