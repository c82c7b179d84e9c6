//! Scoring against gold annotations, with exactly the definitions of `../shared/eval/score.py`:
//! entity P/R/F1 (typed and untyped), quote P/R/F1 (≥ 60 % word overlap of the longer) and
//! attributed-quote P/R/F1, overall and per language, plus the articles with the most errors.
//!
//! Rooms: [`gold`] (the gold and prediction lines), [`score`](mod@score) (score.py's matching, and what
//! each article missed or added), [`report`] (counts, P/R/F1, the text report).

pub mod gold;
pub mod report;
pub mod score;

pub use gold::{
    GoldArticle, GoldEntity, GoldQuote, PredEntity, PredMention, PredQuote, Prediction,
};
pub use report::{prf, ArticleResult, Counts, EvalReport, Prf, Scores};
pub use score::{
    etype, explain, match_article, norm, score, score_article, words, ArticleMatch, Details,
};

use crate::enrich::{Enricher, Enrichment};
use std::path::Path;

/// Why a gold file cannot be evaluated.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// The gold file cannot be read.
    #[error("cannot read gold file {path:?}: {source}")]
    Io {
        /// The gold file's path.
        path: String,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// A non-blank line of the gold file is not a gold article.
    #[error("gold file {path:?} line {line}: {reason}")]
    Format {
        /// The gold file's path.
        path: String,
        /// 1-based line number.
        line: usize,
        /// The JSON decoder's message.
        reason: String,
    },
}

/// Score (gold, predicted enrichment) pairs: the pure entry point, no files, no models.
pub fn score_enrichments(pairs: &[(GoldArticle, Enrichment)]) -> EvalReport {
    let gold: Vec<GoldArticle> = pairs.iter().map(|(g, _)| g.clone()).collect();
    let preds: Vec<Prediction> = pairs
        .iter()
        .map(|(g, e)| Prediction::from_enrichment(&g.id, e))
        .collect();
    score(&gold, &preds)
}

/// Read a gold JSONL file.
pub fn read_gold(path: &Path) -> Result<Vec<GoldArticle>, EvalError> {
    let p = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: p.clone(),
        source,
    })?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|e| EvalError::Format {
                path: p.clone(),
                line: i + 1,
                reason: e.to_string(),
            })
        })
        .collect()
}

/// Evaluate any predictor on a gold file (an article the predictor fails on counts as missing).
pub fn evaluate_with(
    gold_path: &Path,
    mut predict: impl FnMut(&GoldArticle) -> Option<Enrichment>,
) -> Result<(EvalReport, Vec<Prediction>), EvalError> {
    let gold = read_gold(gold_path)?;
    let preds: Vec<Prediction> = gold
        .iter()
        .filter_map(|g| predict(g).map(|e| Prediction::from_enrichment(&g.id, &e)))
        .collect();
    Ok((score(&gold, &preds), preds))
}

/// Evaluate the daemon's message path on a gold file (`verbatim eval --gold FILE`): every gold
/// line goes to `process` as an input message (a gold line is a valid input article), and what it
/// returns is read as an output message, exactly as a consumer of the output topic would read it.
/// A line that `process` refuses (dead letter) counts as missing.
pub fn evaluate_messages(
    gold_path: &Path,
    mut process: impl FnMut(usize, &[u8]) -> Option<Vec<u8>>,
) -> Result<Evaluation, EvalError> {
    let p = gold_path.display().to_string();
    let text = std::fs::read_to_string(gold_path).map_err(|source| EvalError::Io {
        path: p.clone(),
        source,
    })?;
    let mut gold = Vec::new();
    let mut preds = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let g: GoldArticle = serde_json::from_str(line).map_err(|e| EvalError::Format {
            path: p.clone(),
            line: i + 1,
            reason: e.to_string(),
        })?;
        let out = process(i + 1, line.as_bytes());
        if let Some(pred) = out.and_then(|v| serde_json::from_slice::<Prediction>(&v).ok()) {
            preds.push(pred);
        }
        gold.push(g);
    }
    Ok(Evaluation {
        report: score(&gold, &preds),
        gold,
        preds,
    })
}

/// A finished evaluation: the report, and the lines it was made from.
pub struct Evaluation {
    /// Scores overall, per language and per article.
    pub report: EvalReport,
    /// Every gold article, in file order.
    pub gold: Vec<GoldArticle>,
    /// The predictions that came back (lines dead-lettered by `process` have none).
    pub preds: Vec<Prediction>,
}

impl Evaluation {
    /// Gold articles with nothing annotated (no entity, quote or reported speech): scoring
    /// them says nothing, and a gold file made only of them is probably not a gold file.
    pub fn unannotated(&self) -> usize {
        self.gold
            .iter()
            .filter(|g| {
                g.entities.is_empty()
                    && g.quotes.is_empty()
                    && g.indirect_quotes.as_ref().is_none_or(Vec::is_empty)
            })
            .count()
    }

    /// [`explain`] of this evaluation.
    pub fn explain(&self) -> String {
        explain(&self.gold, &self.preds)
    }
}

/// Evaluate the enricher alone on a gold file (tests and benches; the CLI goes through
/// [`evaluate_messages`]).
pub fn evaluate(enricher: &Enricher, gold_path: &Path) -> Result<EvalReport, EvalError> {
    evaluate_with(gold_path, |g| enricher.enrich(&g.document()).ok()).map(|r| r.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norm_matches_python() {
        // Expected values printed by score.py's norm().
        for (s, want) in [
            ("Les Nations Unies", "s nations unies"),
            ("Leonard", "onard"),
            ("the Theo", "o"),
            ("l’ONU", "onu"),
            ("Delaware", "ware"),
            ("D'Addario", "addario"),
            ("Don \"Moose\" Jamison", "don moose jamison"),
            ("Cap- Vert", "cap vert"),
            ("Bélarus", "belarus"),
        ] {
            assert_eq!(norm(Some(s)), want, "{s}");
        }
        assert_eq!(
            words(Some("J.J. Abrams is amazing.")),
            ["j", "j", "abrams", "is", "amazing"]
        );
    }

    #[test]
    fn scores_pairs() {
        let gold: GoldArticle = serde_json::from_str(
            r#"{"id": 7, "lang": "fr", "text": "x", "entities": [{"name": "Jean Dupuis", "type": "PER", "aliases": ["Dupuis"]}, {"name": "Lyon", "type": "LOC", "aliases": []}],
               "quotes": [{"text": "nous partons demain matin", "speaker": "Jean Dupuis"}, {"text": "rien à ajouter ici", "speaker": null}]}"#,
        )
        .unwrap();
        let pred: Prediction = serde_json::from_str(
            r#"{"id": "7", "entities": [{"name": "Dupuis", "type": "person", "mentions": []}, {"name": "Jean Dupuis", "type": "person", "mentions": []}, {"name": "Lyon", "type": "organization", "mentions": []}],
               "quotes": [{"text": "nous partons demain", "speaker": {"name": "Dupuis"}}, {"text": "rien à ajouter ici", "speaker": "X"}, {"text": "un deux", "speaker": null}]}"#,
        )
        .unwrap();
        let c = score_article(&gold, Some(&pred));
        assert_eq!(c.ent, (1, 3, 2, 0));
        assert_eq!(c.ent_untyped, (2, 3, 2));
        assert_eq!(c.quote, (2, 2, 2));
        assert_eq!(c.attr, (1, 2, 2));
        let d = match_article(&gold, Some(&pred)).details;
        assert_eq!(d.missed_entities, ["Lyon (LOC)"]);
        assert_eq!(d.extra_entities, ["Jean Dupuis (PER)", "Lyon (ORG)"]);
        assert_eq!(d.extra_quotes.len(), 0, "“un deux” has under 3 words");
        assert_eq!(d.wrong_speakers.len(), 1, "{:?}", d.wrong_speakers);
        assert!(d.wrong_speakers[0].contains("gold nobody, predicted X"));
        let text = explain(std::slice::from_ref(&gold), std::slice::from_ref(&pred));
        assert!(text.contains("entity missed: Lyon (LOC)"), "{text}");
        let r = score(&[gold], &[pred]);
        assert!((r.overall.quote.f1 - 1.0).abs() < 1e-9);
        assert!(r.to_text().contains("attr"));
    }
}

/// Dev-set checks with spaCy's spans (tests/fixtures/dev-ner-spans.jsonl) as the NER input.
#[cfg(test)]
pub(crate) mod dev {
    use super::*;
    use crate::enrich::ner::EntSpan;
    use crate::enrich::EnricherConfig;
    use std::collections::HashMap;
    use std::path::PathBuf;

    /// `../shared` of the checkout (CI: /work/main/../shared), or `$VERBATIM_SHARED`, or /work/shared.
    pub fn shared() -> PathBuf {
        if let Ok(p) = std::env::var("VERBATIM_SHARED") {
            return PathBuf::from(p);
        }
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")
    }

    /// spaCy's spans of the dev set: (article id, field name) → spans in bytes.
    pub fn spacy_spans() -> HashMap<(String, String), Vec<EntSpan>> {
        spans_from(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dev-ner-spans.jsonl"),
        )
    }

    /// Spans dumped by `scripts/dump-ner-spans.py`.
    pub fn spans_from(path: &Path) -> HashMap<(String, String), Vec<EntSpan>> {
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

    /// Enrich a gold article with spaCy's spans as the NER input.
    pub fn enrich_spacy(
        en: &Enricher,
        spans: &HashMap<(String, String), Vec<EntSpan>>,
        g: &GoldArticle,
    ) -> Option<Enrichment> {
        let doc = g.document();
        let sp: Vec<(usize, EntSpan)> = doc
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
        en.enrich_with_spans(&doc, &sp).ok()
    }

    /// score.py's JSON result on a gold file and predictions.
    fn python_score(gold: &Path, preds: &[Prediction]) -> serde_json::Value {
        let dir = tempfile::tempdir().expect("tempdir");
        let pp = dir.path().join("pred.jsonl");
        let lines: Vec<String> = preds.iter().map(|p| p.to_json().to_string()).collect();
        std::fs::write(&pp, lines.join("\n") + "\n").expect("write preds");
        let out = std::process::Command::new("python3")
            .arg(shared().join("eval/score.py"))
            .arg(gold)
            .arg(&pp)
            .arg("--json")
            .output()
            .expect("python3");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("score.py json")
    }

    fn assert_same(rust: &Scores, py: &serde_json::Value) {
        for (k, v) in [
            ("ent", &rust.ent),
            ("ent_untyped", &rust.ent_untyped),
            ("quote", &rust.quote),
            ("attr", &rust.attr),
            ("indirect", &rust.indirect),
            ("indirect_attr", &rust.indirect_attr),
        ] {
            let p = &py[k];
            for (name, x) in [("p", v.p), ("r", v.r), ("f1", v.f1)] {
                let y = p[name].as_f64().unwrap_or(f64::NAN);
                assert!((x - y).abs() < 0.0006, "{k}.{name}: rust {x} python {y}");
            }
            assert_eq!(
                (v.tp, v.pred, v.gold),
                (
                    p["tp"].as_u64().unwrap() as usize,
                    p["pred"].as_u64().unwrap() as usize,
                    p["gold"].as_u64().unwrap() as usize
                ),
                "{k}"
            );
        }
        assert!((rust.canonical - py["ent"]["canonical"].as_f64().unwrap()).abs() < 0.0006);
    }

    #[test]
    fn rust_scorer_equals_python_scorer_on_dev() {
        let gold = shared().join("eval/dev.jsonl");
        let en = Enricher::new(EnricherConfig::default()).unwrap();
        let spans = spacy_spans();
        for (name, report_preds) in [
            (
                "spacy+rules",
                evaluate_with(&gold, |g| enrich_spacy(&en, &spans, g)).unwrap(),
            ),
            (
                "capitalised runs",
                evaluate_with(&gold, |g| en.enrich(&g.document()).ok()).unwrap(),
            ),
        ] {
            let (report, preds) = report_preds;
            eprintln!("---- {name}\n{}", report.to_text());
            assert_same(&report.overall, &python_score(&gold, &preds));
            // Per language, score.py on the gold lines of that language.
            let all = read_gold(&gold).unwrap();
            for (lang, scores) in &report.per_lang {
                let dir = tempfile::tempdir().unwrap();
                let gp = dir.path().join("gold.jsonl");
                let lines: Vec<String> = all
                    .iter()
                    .filter(|g| g.lang.as_deref() == Some(lang))
                    .map(|g| serde_json::to_string(g).unwrap())
                    .collect();
                std::fs::write(&gp, lines.join("\n") + "\n").unwrap();
                let py = python_score(&gp, &preds);
                eprintln!("score.py {name} {lang}: {py}");
                assert_same(scores, &py);
            }
        }
    }
}

/// The seed article with spaCy's spans: its 12 entities and 5 attributed quotes.
#[cfg(test)]
mod golden {
    use super::dev::{enrich_spacy, shared, spacy_spans};
    use super::*;
    use crate::enrich::EnricherConfig;

    #[test]
    fn seed_article() {
        let text = std::fs::read_to_string(shared().join("fixtures/seed-fr.gold.json")).unwrap();
        let gold: GoldArticle = serde_json::from_str(&text).unwrap();
        let en = Enricher::new(EnricherConfig::default()).unwrap();
        let e = enrich_spacy(&en, &spacy_spans(), &gold).unwrap();
        let c = score_article(&gold, Some(&Prediction::from_enrichment(&gold.id, &e)));
        assert_eq!(c.ent, (12, 12, 12, c.ent.3), "{:#?}", e.entities);
        assert_eq!(c.quote, (5, 5, 5), "{:#?}", e.quotes);
        assert_eq!(c.attr, (5, 5, 5), "{:#?}", e.quotes);
        let body = gold.text.as_deref().unwrap();
        let chars: Vec<char> = body.chars().collect();
        for q in &e.quotes {
            assert_eq!(chars[q.start..q.end].iter().collect::<String>(), q.text);
        }
        for x in &e.entities {
            for m in &x.mentions {
                assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.text);
            }
        }
        let poutine = e
            .entities
            .iter()
            .find(|x| x.name == "Vladimir Poutine")
            .unwrap();
        assert_eq!(poutine.id, "person:vladimir-poutine");
        assert!(e
            .quotes
            .iter()
            .any(|q| q.cue.as_deref() == Some("a-t-il ajouté")));
    }
}
