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
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("models")
        .join(name)
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

/// Optional: the larger reference of the tokenizer work (`scripts/spacy-reference` format:
/// JSONL, code-point offsets, `space` string, `sent_starts` as token indices). Runs only when
/// `VERBATIM_SPACY_REFERENCE` names that file.
#[test]
fn ner_matches_spacy_reference_jsonl() {
    let Ok(path) = std::env::var("VERBATIM_SPACY_REFERENCE") else {
        eprintln!("VERBATIM_SPACY_REFERENCE not set; skipped");
        return;
    };
    let src = std::fs::read_to_string(&path).expect("read reference");
    let mut models = std::collections::HashMap::new();
    let mut all_ok = true;
    let mut stats: std::collections::BTreeMap<String, [usize; 5]> = Default::default();
    for line in src.lines().filter(|l| !l.trim().is_empty()) {
        let d: serde_json::Value = serde_json::from_str(line).expect("json line");
        let lang = d["lang"].as_str().unwrap().to_string();
        let model = models
            .entry(lang.clone())
            .or_insert_with(|| NerModel::load(&model_dir(&lang)).expect("load"));
        let text = d["text"].as_str().unwrap();
        // code point → byte offsets
        let mut b = Vec::with_capacity(text.len() + 1);
        b.extend(text.char_indices().map(|(i, _)| i));
        b.push(text.len());
        let space: Vec<char> = d["space"].as_str().unwrap_or("").chars().collect();
        let tokens: Vec<Token> = d["tokens"]
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
            .map(|(i, t)| Token {
                start: b[t[0].as_u64().unwrap() as usize],
                end: b[t[1].as_u64().unwrap() as usize],
                norm: t.get(2).and_then(|n| n.as_str()).map(str::to_string),
                space_after: space.get(i) == Some(&'1'),
            })
            .collect();
        let mut ss = vec![false; tokens.len()];
        for s in d["sent_starts"].as_array().unwrap() {
            if let Some(x) = ss.get_mut(s.as_u64().unwrap() as usize) {
                *x = true;
            }
        }
        let want: Vec<EntSpan> = d["ents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| EntSpan {
                start: b[e[0].as_u64().unwrap() as usize],
                end: b[e[1].as_u64().unwrap() as usize],
                label: e[2].as_str().unwrap().to_string(),
            })
            .collect();
        let got = model.predict(text, &tokens, &ss);
        let st = stats.entry(lang.clone()).or_default();
        st[0] += 1;
        st[1] += usize::from(got == want);
        st[2] += want.len();
        st[3] += got.len();
        st[4] += got.iter().filter(|g| want.contains(g)).count();
        if got != want {
            all_ok = false;
            eprintln!("[{lang}] {} differs", d["id"]);
        }
    }
    for (lang, s) in &stats {
        eprintln!(
            "[{lang}] reference jsonl: docs exact {}/{}; entities identical {} (spaCy {}, ours {})",
            s[1], s[0], s[4], s[2], s[3]
        );
    }
    assert!(all_ok, "entity parity with the reference failed");
}

/// Garbage in (offsets out of range or inside a code point, reversed spans, wrong
/// `sent_starts` length, whitespace-only docs): no panic, spans stay within the token list.
#[test]
fn predict_never_panics_on_odd_input() {
    let dir = model_dir("en");
    if !dir.is_dir() {
        return;
    }
    let model = NerModel::load(&dir).expect("load");
    let tok = |start, end| Token {
        start,
        end,
        norm: None,
        space_after: false,
    };
    let text = "Élysée Paris\n\n  New York 🎉";
    let cases: Vec<Vec<Token>> = vec![
        vec![],
        vec![tok(0, 1)],
        vec![
            tok(0, 1),
            tok(5, 2),
            tok(100, 200),
            tok(usize::MAX, usize::MAX),
        ],
        vec![tok(14, 16), tok(16, 18), tok(18, 21)],
        (0..text.len()).map(|i| tok(i, i + 1)).collect(),
    ];
    for tokens in &cases {
        for ss in [vec![], vec![true; tokens.len() + 3], vec![false; 1]] {
            let _ = model.predict(text, tokens, &ss);
            let _ = model.predict("", tokens, &ss);
        }
    }
    let ws = "\n\n \t ";
    let tokens = vec![tok(0, 2), tok(2, 3), tok(3, 5)];
    assert!(model.predict(ws, &tokens, &[]).is_empty());
}
