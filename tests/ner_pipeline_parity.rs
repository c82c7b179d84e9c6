//! End-to-end NER parity: verbatim's own tokenizer + sentence boundaries + model against the
//! entities of spaCy's FULL pipeline (parser included) on `tests/fixtures/spacy-reference.jsonl`.
//! Agreement = exact (start, end, label) spans in common, as 2·common / (ours + spaCy's).
//! Needs the models: `scripts/models`.
//!
//! Known, deliberate divergence (French): spaCy's parser sometimes starts a sentence inside a
//! name ("Les Nations | Unies", "Ayessa Ndinga | Yengué"), which cuts the entity short in spaCy.
//! verbatim's sentence splitter does not imitate those splits (the gold annotations agree with
//! the unsplit names). The test therefore also reports "explained" agreement, counting a
//! difference as explained only when a parser sentence start lies strictly inside verbatim's
//! span, and requires ≥ 98% raw agreement in English, ≥ 96% raw and ≥ 99.5% explained in French.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use verbatim::enrich::ner::Pipeline;
use verbatim::enrich::text::CharOffsets;

#[test]
fn full_pipeline_entities_match_spacy() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let fixture =
        std::fs::read_to_string(root.join("tests/fixtures/spacy-reference.jsonl")).unwrap();
    let mut pipes = BTreeMap::new();
    for (lang, dir) in [
        ("fr", "models/fr_core_news_md"),
        ("en", "models/en_core_web_sm"),
    ] {
        let p = Pipeline::load(lang, &root.join(dir))
            .unwrap_or_else(|e| panic!("{e}: fetch the models with scripts/models"));
        pipes.insert(lang, p);
    }
    // lang -> (common, ours, theirs, docs, docs exact, explained differences)
    let mut stats: BTreeMap<String, (usize, usize, usize, usize, usize, usize)> = BTreeMap::new();
    for line in fixture.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let lang = v["lang"].as_str().unwrap().to_string();
        let text = v["text"].as_str().unwrap();
        let theirs: HashSet<(usize, usize, String)> = v["ents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e[0].as_u64().unwrap() as usize,
                    e[1].as_u64().unwrap() as usize,
                    e[2].as_str().unwrap().to_string(),
                )
            })
            .collect();
        let offs = CharOffsets::new(text);
        let ours: HashSet<(usize, usize, String)> = pipes[lang.as_str()]
            .entities(text)
            .into_iter()
            .map(|s| (offs.char_of(s.start), offs.char_of(s.end), s.label))
            .collect();
        let common = ours.intersection(&theirs).count();
        // Parser sentence starts as code-point offsets.
        let toks = v["tokens"].as_array().unwrap();
        let starts: Vec<usize> = v["sent_starts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| toks[i.as_u64().unwrap() as usize][0].as_u64().unwrap() as usize)
            .collect();
        let split_inside = |a: usize, b: usize| starts.iter().any(|&s| a < s && s < b);
        // A difference is explained when our span is cut by a parser sentence start and every
        // spaCy span that differs lies inside such a span of ours.
        let ours_only: Vec<_> = ours.difference(&theirs).collect();
        let explained_ours = ours_only.iter().filter(|e| split_inside(e.0, e.1)).count();
        let explained_theirs = theirs
            .difference(&ours)
            .filter(|t| {
                ours_only
                    .iter()
                    .any(|e| split_inside(e.0, e.1) && e.0 <= t.0 && t.1 <= e.1)
            })
            .count();
        let st = stats.entry(lang).or_default();
        st.5 += explained_ours + explained_theirs;
        st.0 += common;
        st.1 += ours.len();
        st.2 += theirs.len();
        st.3 += 1;
        st.4 += usize::from(ours == theirs);
    }
    let mut failed = Vec::new();
    for (lang, (common, ours, theirs, docs, exact, explained)) in &stats {
        let total = (*ours + *theirs).max(1) as f64;
        let agreement = 2.0 * *common as f64 / total;
        let explained_agreement = (2.0 * *common as f64 + *explained as f64) / total;
        eprintln!(
            "NER parity {lang}: {common} common spans, verbatim {ours}, spaCy {theirs} → agreement {:.2}% \
             ({:.2}% counting parser splits inside names); docs exact {exact}/{docs}",
            100.0 * agreement,
            100.0 * explained_agreement
        );
        let (raw_min, explained_min) = if lang == "fr" {
            (0.96, 0.995)
        } else {
            (0.98, 0.98)
        };
        if agreement < raw_min || explained_agreement < explained_min {
            failed.push(format!(
                "{lang}: {:.2}% (explained {:.2}%)",
                100.0 * agreement,
                100.0 * explained_agreement
            ));
        }
    }
    assert_eq!(stats.len(), 2, "both languages are in the fixture");
    assert!(
        failed.is_empty(),
        "entity-span agreement below 98%: {failed:?}"
    );
}
