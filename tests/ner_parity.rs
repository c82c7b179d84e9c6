//! Entity parity with spaCy 3.8: spaCy's own tokens and parser sentence starts (from
//! `tests/fixtures/ner-reference.json`, made by `scripts/ner-reference-dump`) are fed to
//! `NerModel::predict`, which must give exactly spaCy's `doc.ents`.
//! Needs the pipelines under `models/` (skipped with a message when they are absent).

use std::path::Path;
use std::time::Instant;

use verbatim::enrich::ner::tokenizer::Token;
use verbatim::enrich::ner::{EntSpan, NerModel};

fn model_dir(lang: &str) -> std::path::PathBuf {
    let name = if lang == "fr" {
        "fr_core_news_md"
    } else {
        "en_core_web_sm"
    };
    Path::new(env!("CARGO_MANIFEST_DIR")).join("models").join(name)
}

fn doc_inputs(d: &serde_json::Value) -> (String, Vec<Token>, Vec<bool>, Vec<EntSpan>) {
    let text = d["text"].as_str().unwrap().to_string();
    let tokens = d["tokens"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| Token {
            start: t[0].as_u64().unwrap() as usize,
            end: t[1].as_u64().unwrap() as usize,
            space_after: t[2].as_bool().unwrap(),
            norm: t[3].as_str().map(str::to_string),
        })
        .collect();
    let ss = d["sent_starts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b.as_bool().unwrap())
        .collect();
    let ents = d["ents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| EntSpan {
            start: e[0].as_u64().unwrap() as usize,
            end: e[1].as_u64().unwrap() as usize,
            label: e[2].as_str().unwrap().to_string(),
        })
        .collect();
    (text, tokens, ss, ents)
}

fn check_lang(lang: &str, fixture: &serde_json::Value) -> bool {
    let dir = model_dir(lang);
    if !dir.is_dir() {
        eprintln!("skipping {lang}: {} not found", dir.display());
        return true;
    }
    let t0 = Instant::now();
    let model = NerModel::load(&dir).expect("load");
    eprintln!("[{lang}] loaded in {:.2?}", t0.elapsed());
    let (mut docs, mut docs_ok, mut want_n, mut got_n, mut same) = (0, 0, 0, 0, 0);
    for d in fixture["docs"].as_array().unwrap() {
        if d["lang"] != lang {
            continue;
        }
        let (text, tokens, ss, want) = doc_inputs(d);
        let got = model.predict(&text, &tokens, &ss);
        docs += 1;
        want_n += want.len();
        got_n += got.len();
        same += got.iter().filter(|g| want.contains(g)).count();
        if got == want {
            docs_ok += 1;
        } else {
            eprintln!("[{lang}] {} differs:", d["id"]);
            for g in got.iter().filter(|g| !want.contains(g)) {
                eprintln!("  extra   {:?} {}", &text[g.start..g.end], g.label);
            }
            for w in want.iter().filter(|w| !got.contains(w)) {
                eprintln!("  missing {:?} {}", &text[w.start..w.end], w.label);
            }
        }
    }
    eprintln!(
        "[{lang}] docs exact {docs_ok}/{docs}; entities identical {same} (spaCy {want_n}, ours {got_n})"
    );
    docs_ok == docs && same == want_n && got_n == want_n
}

#[test]
fn ner_matches_spacy_on_spacy_tokens() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ner-reference.json");
    let fixture: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let fr = check_lang("fr", &fixture);
    let en = check_lang("en", &fixture);
    assert!(fr && en, "entity parity with spaCy failed (see stderr)");
}
