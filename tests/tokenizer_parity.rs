//! Parity of the native tokenizer and sentence splitter with spaCy 3.8 (full pipeline), on
//! `tests/fixtures/spacy-reference.jsonl` (written by `scripts/spacy-reference`).
//! Needs the models: `scripts/models`.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use verbatim::enrich::ner::sentences::{sentence_starts, SentenceRules};
use verbatim::enrich::ner::tokenizer::{Token, Tokenizer};

/// One of spaCy's tokens: code-point offsets and the NORM when it differs from the text.
struct RefToken {
    start: usize,
    end: usize,
    norm: Option<String>,
}

/// A token span in code points.
type Span = (usize, usize);

struct Doc {
    id: String,
    lang: String,
    text: String,
    tokens: Vec<RefToken>,
    space: Vec<bool>,
    sent_starts: Vec<usize>,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn load_fixture() -> Vec<Doc> {
    let path = root().join("tests/fixtures/spacy-reference.jsonl");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run scripts/spacy-reference)", path.display()));
    text.lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let tokens = v["tokens"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| {
                    let t = t.as_array().unwrap();
                    RefToken {
                        start: t[0].as_u64().unwrap() as usize,
                        end: t[1].as_u64().unwrap() as usize,
                        norm: t.get(2).and_then(|n| n.as_str()).map(str::to_string),
                    }
                })
                .collect();
            Doc {
                id: v["id"].as_str().unwrap().to_string(),
                lang: v["lang"].as_str().unwrap().to_string(),
                text: v["text"].as_str().unwrap().to_string(),
                tokens,
                space: v["space"]
                    .as_str()
                    .unwrap()
                    .chars()
                    .map(|c| c == '1')
                    .collect(),
                sent_starts: v["sent_starts"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x.as_u64().unwrap() as usize)
                    .collect(),
            }
        })
        .collect()
}

fn tokenizer(name: &str) -> Tokenizer {
    let dir = root().join("models").join(name);
    assert!(
        dir.join("tokenizer").exists(),
        "{} is missing: run scripts/models to fetch the spaCy pipelines",
        dir.display()
    );
    Tokenizer::load(&dir).unwrap_or_else(|e| panic!("loading {name}: {e}"))
}

/// Byte offset -> code point offset.
fn cp_map(text: &str) -> Vec<usize> {
    let mut m = vec![0; text.len() + 1];
    let mut cp = 0;
    for (b, c) in text.char_indices() {
        for x in &mut m[b..b + c.len_utf8()] {
            *x = cp;
        }
        cp += 1;
    }
    m[text.len()] = cp;
    m
}

#[derive(Default)]
struct Stats {
    docs: usize,
    docs_exact: usize,
    ref_tokens: usize,
    same_tokens: usize,
    norm_mismatch: usize,
    // sentence starts, on docs whose tokens are identical (token 0 excluded)
    sent_docs: usize,
    sent_docs_exact: usize,
    sent_tp: usize,
    sent_fp: usize,
    sent_fn: usize,
    sent_tokens: usize,
    sent_same: usize,
}

/// Compares our tokens of one doc with spaCy's; prints the first differing docs.
fn compare_tokens(d: &Doc, got: &[Token], got_cp: &[Span], st: &mut Stats, shown: &mut usize) {
    let want: Vec<Span> = d.tokens.iter().map(|t| (t.start, t.end)).collect();
    let got_set: HashSet<Span> = got_cp.iter().copied().collect();
    st.docs += 1;
    st.ref_tokens += want.len();
    st.same_tokens += want.iter().filter(|w| got_set.contains(w)).count();
    let mut norms_ok = true;
    if got_cp == want {
        for (g, w) in got.iter().zip(&d.tokens) {
            if let Some(n) = &w.norm {
                if g.norm.as_ref() != Some(n) {
                    norms_ok = false;
                    st.norm_mismatch += 1;
                }
            }
        }
    }
    let space: Vec<bool> = got.iter().map(|t| t.space_after).collect();
    if got_cp == want && space == d.space && norms_ok {
        st.docs_exact += 1;
    } else if *shown < 15 {
        *shown += 1;
        let chars: Vec<char> = d.text.chars().collect();
        let s = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
        let gs: Vec<String> = got_cp
            .iter()
            .filter(|x| !want.contains(x))
            .map(|&(a, b)| s(a, b))
            .collect();
        let ws: Vec<String> = want
            .iter()
            .filter(|x| !got_set.contains(x))
            .map(|&(a, b)| s(a, b))
            .collect();
        eprintln!(
            "TOKEN DIFF {}: ours {gs:?} spaCy {ws:?} (space equal: {}, norms ok: {norms_ok})",
            d.id,
            space == d.space
        );
    }
}

/// Compares sentence starts on a doc whose tokens equal spaCy's (token 0 excluded); with
/// `SENT_DIFF` set, prints the first differences.
fn compare_sentences(d: &Doc, got: &[Token], st: &mut Stats, shown: &mut usize) {
    let want: Vec<Span> = d.tokens.iter().map(|t| (t.start, t.end)).collect();
    let ss = sentence_starts(&d.text, got, &SentenceRules::for_code(&d.lang));
    let mut want_ss = vec![false; want.len()];
    for &i in &d.sent_starts {
        want_ss[i] = true;
    }
    st.sent_docs += 1;
    if ss == want_ss {
        st.sent_docs_exact += 1;
    }
    for i in 1..want.len() {
        st.sent_tokens += 1;
        st.sent_same += usize::from(ss[i] == want_ss[i]);
        match (ss[i], want_ss[i]) {
            (true, true) => st.sent_tp += 1,
            (true, false) => st.sent_fp += 1,
            (false, true) => st.sent_fn += 1,
            _ => {}
        }
        if ss[i] != want_ss[i] && *shown < 40 && std::env::var("SENT_DIFF").is_ok() {
            *shown += 1;
            let chars: Vec<char> = d.text.chars().collect();
            let a = want[i.saturating_sub(4)].0;
            let b = want[(i + 3).min(want.len() - 1)].1;
            let ctx: String = chars[a..want[i].0].iter().collect::<String>()
                + "‖"
                + &chars[want[i].0..b].iter().collect::<String>();
            eprintln!(
                "SENT {} {}: {:?}",
                d.id,
                if ss[i] { "extra" } else { "missed" },
                ctx
            );
        }
    }
}

/// Prints one language's figures and returns the goals it misses.
fn check(lang: &str, st: &Stats) -> Vec<String> {
    let mut failures = Vec::new();
    let agree = 100.0 * st.same_tokens as f64 / st.ref_tokens.max(1) as f64;
    let p = st.sent_tp as f64 / (st.sent_tp + st.sent_fp).max(1) as f64;
    let r = st.sent_tp as f64 / (st.sent_tp + st.sent_fn).max(1) as f64;
    let f1 = 2.0 * p * r / (p + r).max(1e-9);
    eprintln!(
        "{lang}: tokens {}/{} identical ({agree:.3}%), docs exact {}/{} ({:.1}%), norm mismatches {}",
        st.same_tokens,
        st.ref_tokens,
        st.docs_exact,
        st.docs,
        100.0 * st.docs_exact as f64 / st.docs.max(1) as f64,
        st.norm_mismatch
    );
    eprintln!(
        "{lang}: sentence starts on {} docs: token agreement {:.2}%, P {:.1}% R {:.1}% F1 {:.1}% ({} tp, {} fp, {} fn), docs exact {}/{}",
        st.sent_docs,
        100.0 * st.sent_same as f64 / st.sent_tokens.max(1) as f64,
        100.0 * p,
        100.0 * r,
        100.0 * f1,
        st.sent_tp,
        st.sent_fp,
        st.sent_fn,
        st.sent_docs_exact,
        st.sent_docs
    );
    if agree < 99.5 {
        failures.push(format!("{lang}: token agreement {agree:.3}% < 99.5%"));
    }
    if st.norm_mismatch > 0 {
        failures.push(format!("{lang}: {} NORM mismatches", st.norm_mismatch));
    }
    if f1 < SENT_F1_FLOOR {
        failures.push(format!(
            "{lang}: sentence-start F1 {:.1}% < {:.0}%",
            100.0 * f1,
            100.0 * SENT_F1_FLOOR
        ));
    }
    failures
}

#[test]
fn tokenizer_and_sentences_match_spacy() {
    let docs = load_fixture();
    let toks: BTreeMap<&str, Tokenizer> = [
        ("fr", tokenizer("fr_core_news_md")),
        ("en", tokenizer("en_core_web_sm")),
    ]
    .into_iter()
    .collect();
    let mut stats: BTreeMap<String, Stats> = BTreeMap::new();
    let mut shown = 0;
    let mut sent_shown = 0;
    for d in &docs {
        let st = stats.entry(d.lang.clone()).or_default();
        let got: Vec<Token> = toks[d.lang.as_str()].tokenize(&d.text);
        let m = cp_map(&d.text);
        let got_cp: Vec<Span> = got.iter().map(|t| (m[t.start], m[t.end])).collect();
        compare_tokens(d, &got, &got_cp, st, &mut shown);
        let same = got_cp.len() == d.tokens.len()
            && got_cp
                .iter()
                .zip(&d.tokens)
                .all(|(g, w)| *g == (w.start, w.end));
        if same {
            compare_sentences(d, &got, st, &mut sent_shown);
        }
    }
    let failures: Vec<String> = stats.iter().flat_map(|(l, st)| check(l, st)).collect();
    assert!(failures.is_empty(), "{failures:?}");
}

/// Sanity floor for sentence-start F1 against spaCy's parser (measured values are printed).
const SENT_F1_FLOOR: f64 = 0.80;
