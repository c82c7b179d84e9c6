//! Table tests of quote detection and attribution, end to end through the real models
//! ([`Enricher::enrich`]), on hand-written news-style sentences (none taken from the dev set).
//!
//! Each case lists the quotes a careful reader would annotate under the gold conventions of
//! `../shared/README.md`: every direct quotation of at least 3 words, with the canonical full name
//! of its speaker, or `None` when the text does not say. Quote texts are matched the way the
//! scorer matches them (word overlap ≥ 60 % of the longer), speakers by normalised name; an
//! expected speaker may list alternatives separated by `|` (an organisation's fullest name is
//! sometimes a matter of NER span). Every predicted quote must be expected.
//!
//! `cargo test --test quotes_table -- --nocapture` prints every failing case.

use std::sync::OnceLock;
use verbatim::enrich::{Document, Enricher, EnricherConfig, QuoteKind, TextField};

fn enricher() -> &'static Enricher {
    static E: OnceLock<Enricher> = OnceLock::new();
    E.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut models = std::collections::BTreeMap::new();
        models.insert("fr".to_string(), root.join("models/fr_core_news_md"));
        models.insert("en".to_string(), root.join("models/en_core_web_sm"));
        // The daemon's default: the syntax on, attribution reading the parse.
        Enricher::new(EnricherConfig {
            models,
            syntax: true,
            ..Default::default()
        })
        .expect("models (run scripts/models)")
    })
}

type Want = &'static [(&'static str, Option<&'static str>)];

/// Words as the scorer sees them: lower case, accents kept, `\w+`.
fn words(s: &str) -> Vec<String> {
    s.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn norm(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let s: String = s
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase()
        .replace('’', "'")
        .replace('-', " ");
    let mut s = s.trim();
    for a in ["le ", "la ", "les ", "l'", "the "] {
        if let Some(r) = s.strip_prefix(a) {
            s = r.trim_start();
        }
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn overlap(a: &str, b: &str) -> f64 {
    let (aw, bw) = (words(a), words(b));
    let mut used = vec![false; bw.len()];
    let mut n = 0;
    for w in &aw {
        if let Some(i) = (0..bw.len()).find(|&i| !used[i] && &bw[i] == w) {
            used[i] = true;
            n += 1;
        }
    }
    n as f64 / aw.len().max(bw.len()).max(1) as f64
}

/// Why the case fails, or `None` when it passes.
fn check(lang: &str, text: &str, want: Want) -> Option<String> {
    let doc = Document {
        fields: vec![TextField { name: "body", text }],
        lang: Some(lang),
    };
    let out = enricher().enrich(&doc).expect("enrich");
    let got: Vec<(String, Option<String>)> = out
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct && words(&q.text).len() >= 3)
        .map(|q| (q.text.clone(), q.speaker.as_ref().map(|s| s.name.clone())))
        .collect();
    let mut problems = Vec::new();
    let mut used = vec![false; got.len()];
    for (wq, ws) in want {
        let hit = (0..got.len()).find(|&i| !used[i] && overlap(&got[i].0, wq) >= 0.6);
        match hit {
            None => problems.push(format!("missed quote {wq:?}")),
            Some(i) => {
                used[i] = true;
                let ok = match (ws, &got[i].1) {
                    (None, None) => true,
                    (Some(w), Some(g)) => w.split('|').any(|w| norm(w) == norm(g)),
                    _ => false,
                };
                if !ok {
                    problems.push(format!("quote {wq:?}: speaker {:?}, want {ws:?}", got[i].1));
                }
            }
        }
    }
    for (i, g) in got.iter().enumerate() {
        if !used[i] {
            problems.push(format!("extra quote {:?} ({:?})", g.0, g.1));
        }
    }
    (!problems.is_empty()).then(|| problems.join("; "))
}

fn run(lang: &str, cases: &[(&str, Want)]) {
    let mut failed = Vec::new();
    for (i, (text, want)) in cases.iter().enumerate() {
        if let Some(why) = check(lang, text, want) {
            failed.push(format!("[{lang} #{i}] {why}\n    text: {text:?}"));
        }
    }
    eprintln!(
        "{lang}: {}/{} cases pass",
        cases.len() - failed.len(),
        cases.len()
    );
    for f in &failed {
        eprintln!("{f}");
    }
    assert!(failed.is_empty(), "{} {lang} cases fail", failed.len());
}

#[path = "quotes_table/en.rs"]
mod en;
#[path = "quotes_table/fr.rs"]
mod fr;

#[test]
fn french_table() {
    run("fr", fr::FR);
}

#[test]
fn english_table() {
    run("en", en::EN);
}
