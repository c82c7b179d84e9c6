//! Scoring against gold annotations, with exactly the definitions of `../shared/eval/score.py`:
//! entity P/R/F1 (typed and untyped), quote P/R/F1 (≥ 60 % word overlap of the longer) and
//! attributed-quote P/R/F1, overall and per language, plus the articles with the most errors.

use crate::enrich::{Document, Enricher, Enrichment, QuoteKind, TextField};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("cannot read gold file {path:?}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("gold file {path:?} line {line}: {reason}")]
    Format {
        path: String,
        line: usize,
        reason: String,
    },
}

/// One gold article (a line of the gold JSONL).
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct GoldArticle {
    #[serde(deserialize_with = "id_string")]
    pub id: String,
    #[serde(default)]
    pub lang: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub body: Option<String>,
    #[serde(default)]
    pub content: Option<String>,
    #[serde(default)]
    pub entities: Vec<GoldEntity>,
    #[serde(default)]
    pub quotes: Vec<GoldQuote>,
    /// Reported speech; absent means not annotated (predicted indirect quotes are not counted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indirect_quotes: Option<Vec<GoldQuote>>,
}

fn id_string<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(match serde_json::Value::deserialize(d)? {
        serde_json::Value::String(s) => s,
        v => v.to_string(),
    })
}

#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct GoldEntity {
    pub name: String,
    #[serde(rename = "type", default)]
    pub entity_type: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct GoldQuote {
    pub text: String,
    #[serde(default)]
    pub speaker: Option<String>,
}

impl GoldArticle {
    /// The article as the core reads it: title first, then the body field.
    pub fn document(&self) -> Document<'_> {
        let mut fields = Vec::new();
        for (name, v) in [
            ("title", &self.title),
            ("text", &self.text),
            ("body", &self.body),
            ("content", &self.content),
        ] {
            if let Some(t) = v.as_deref().filter(|t| !t.is_empty()) {
                fields.push(TextField { name, text: t });
            }
        }
        Document {
            fields,
            lang: self.lang.as_deref(),
        }
    }
}

/// What the scorer reads of a prediction (the output contract's shape).
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct Prediction {
    pub id: String,
    #[serde(default)]
    pub lang: Option<String>,
    #[serde(default)]
    pub entities: Vec<PredEntity>,
    #[serde(default)]
    pub quotes: Vec<PredQuote>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct PredEntity {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(rename = "type", default)]
    pub entity_type: Option<String>,
    #[serde(default)]
    pub mentions: Vec<PredMention>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct PredMention {
    #[serde(default)]
    pub text: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct PredQuote {
    #[serde(default)]
    pub text: Option<String>,
    /// The speaker's name (`{"name": ...}` in the contract; a plain string is accepted too).
    #[serde(default, deserialize_with = "speaker_name")]
    pub speaker: Option<String>,
    /// `indirect` for reported speech; anything else (or absent) is a direct quote.
    #[serde(default)]
    pub kind: Option<String>,
}

fn speaker_name<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match serde_json::Value::deserialize(d)? {
        serde_json::Value::String(s) => Some(s),
        serde_json::Value::Object(o) => o.get("name").and_then(|n| n.as_str()).map(str::to_string),
        _ => None,
    })
}

impl Prediction {
    /// The scored part of an [`Enrichment`] of article `id`.
    pub fn from_enrichment(id: &str, e: &Enrichment) -> Self {
        Prediction {
            id: id.to_string(),
            lang: e.lang.clone(),
            entities: e
                .entities
                .iter()
                .map(|x| PredEntity {
                    name: Some(x.name.clone()),
                    entity_type: Some(x.entity_type.as_str().to_string()),
                    mentions: x
                        .mentions
                        .iter()
                        .map(|m| PredMention {
                            text: Some(m.text.clone()),
                        })
                        .collect(),
                })
                .collect(),
            quotes: e
                .quotes
                .iter()
                .map(|q| PredQuote {
                    text: Some(q.text.clone()),
                    speaker: q.speaker.as_ref().map(|s| s.name.clone()),
                    kind: Some(
                        match q.kind {
                            QuoteKind::Direct => "direct",
                            QuoteKind::Indirect => "indirect",
                        }
                        .to_string(),
                    ),
                })
                .collect(),
        }
    }

    /// The prediction as a contract-shaped JSON line (`speaker` as `{"name": ...}`).
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "id": self.id,
            "lang": self.lang,
            "entities": self.entities.iter().map(|e| serde_json::json!({
                "name": e.name, "type": e.entity_type,
                "mentions": e.mentions.iter().map(|m| serde_json::json!({"text": m.text})).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "quotes": self.quotes.iter().map(|q| serde_json::json!({
                "text": q.text,
                "speaker": q.speaker.as_ref().map(|s| serde_json::json!({"name": s})),
                "kind": q.kind,
            })).collect::<Vec<_>>(),
        })
    }
}

/// score.py's `norm()`: NFKD without combining marks, lower case, `’` → `'`, `-` → space, leading
/// articles removed the way its regex removes them, non-word characters → space, spaces collapsed.
pub fn norm(s: Option<&str>) -> String {
    use unicode_normalization::char::canonical_combining_class;
    use unicode_normalization::UnicodeNormalization;
    let Some(s) = s else { return String::new() };
    let s: String = s
        .nfkd()
        .filter(|c| canonical_combining_class(*c) == 0)
        .collect();
    let s = s.to_lowercase().replace('’', "'").replace('-', " ");
    let mut rest = s.trim();
    // ^(?:(?:le|la|les|l'|l’|the|de|du|des|d'|d’)\s*)+ : each round takes the first alternative
    // that matches, then any whitespace.
    const ALTS: [&str; 11] = [
        "le", "la", "les", "l'", "l’", "the", "de", "du", "des", "d'", "d’",
    ];
    while let Some(a) = ALTS.iter().find(|a| rest.starts_with(**a)) {
        rest = rest[a.len()..].trim_start();
    }
    let mapped: String = rest
        .chars()
        .map(|c| {
            if is_word(c) || c == '\'' || c == ' ' {
                c
            } else {
                ' '
            }
        })
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// score.py's `words()`: `\w+` runs of the NFC, lower-cased text.
pub fn words(s: Option<&str>) -> Vec<String> {
    use unicode_normalization::UnicodeNormalization;
    let s: String = s.unwrap_or("").nfc().collect::<String>().to_lowercase();
    s.split(|c: char| !is_word(c))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// score.py's `etype()`.
pub fn etype(t: Option<&str>) -> &'static str {
    match t.unwrap_or("").to_lowercase().as_str() {
        "per" | "person" => "PER",
        "loc" | "location" | "gpe" | "place" => "LOC",
        "org" | "organization" | "organisation" => "ORG",
        _ => "MISC",
    }
}

/// Raw counts of one article (or a sum of articles).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Typed entities: (tp, pred, gold, canonical).
    pub ent: (usize, usize, usize, usize),
    pub ent_untyped: (usize, usize, usize),
    pub quote: (usize, usize, usize),
    pub attr: (usize, usize, usize),
    /// Reported speech found, and found with the right speaker.
    pub indirect: (usize, usize, usize),
    pub indirect_attr: (usize, usize, usize),
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.ent = (
            self.ent.0 + o.ent.0,
            self.ent.1 + o.ent.1,
            self.ent.2 + o.ent.2,
            self.ent.3 + o.ent.3,
        );
        for (a, b) in [
            (&mut self.ent_untyped, o.ent_untyped),
            (&mut self.quote, o.quote),
            (&mut self.attr, o.attr),
            (&mut self.indirect, o.indirect),
            (&mut self.indirect_attr, o.indirect_attr),
        ] {
            *a = (a.0 + b.0, a.1 + b.1, a.2 + b.2);
        }
    }

    /// Errors of an article: false positives plus false negatives, over entities, quotes and
    /// attributions.
    pub fn errors(&self) -> usize {
        let e = |tp: usize, p: usize, g: usize| (p - tp.min(p)) + (g - tp.min(g));
        e(self.ent.0, self.ent.1, self.ent.2)
            + e(self.quote.0, self.quote.1, self.quote.2)
            + e(self.attr.0, self.attr.1, self.attr.2)
    }
}

/// Precision, recall, F1 and their counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Prf {
    pub p: f64,
    pub r: f64,
    pub f1: f64,
    pub tp: usize,
    pub pred: usize,
    pub gold: usize,
}

/// score.py's `prf()`.
pub fn prf(tp: usize, np: usize, ng: usize) -> Prf {
    let p = if np > 0 {
        tp as f64 / np as f64
    } else if ng == 0 {
        1.0
    } else {
        0.0
    };
    let r = if ng > 0 { tp as f64 / ng as f64 } else { 1.0 };
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    Prf {
        p,
        r,
        f1,
        tp,
        pred: np,
        gold: ng,
    }
}

/// The figures of a set of articles.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Scores {
    pub articles: usize,
    pub ent: Prf,
    /// Share of matched entities whose predicted name is the gold full name.
    pub canonical: f64,
    pub ent_untyped: Prf,
    pub quote: Prf,
    pub attr: Prf,
    pub indirect: Prf,
    pub indirect_attr: Prf,
}

impl Scores {
    fn from_counts(c: &Counts, articles: usize) -> Self {
        Scores {
            articles,
            ent: prf(c.ent.0, c.ent.1, c.ent.2),
            canonical: if c.ent.0 > 0 {
                c.ent.3 as f64 / c.ent.0 as f64
            } else {
                0.0
            },
            ent_untyped: prf(c.ent_untyped.0, c.ent_untyped.1, c.ent_untyped.2),
            quote: prf(c.quote.0, c.quote.1, c.quote.2),
            attr: prf(c.attr.0, c.attr.1, c.attr.2),
            indirect: prf(c.indirect.0, c.indirect.1, c.indirect.2),
            indirect_attr: prf(c.indirect_attr.0, c.indirect_attr.1, c.indirect_attr.2),
        }
    }
}

/// One article's result.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ArticleResult {
    pub id: String,
    pub lang: String,
    pub counts: Counts,
    pub errors: usize,
}

/// The result of an evaluation run.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct EvalReport {
    pub articles: usize,
    pub missing: usize,
    pub overall: Scores,
    pub per_lang: BTreeMap<String, Scores>,
    /// Articles with the most errors, worst first (at most 5).
    pub worst: Vec<ArticleResult>,
}

impl EvalReport {
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let mut block = |name: &str, s: &Scores| {
            out.push_str(&format!("== {name} ({} articles)\n", s.articles));
            for (k, v) in [
                ("ent", &s.ent),
                ("ent_untyped", &s.ent_untyped),
                ("quote", &s.quote),
                ("attr", &s.attr),
                ("indirect", &s.indirect),
                ("indirect_attr", &s.indirect_attr),
            ] {
                if k.starts_with("indirect") && v.gold == 0 && v.pred == 0 {
                    continue;
                }
                out.push_str(&format!(
                    "{k:12} P {:.3}  R {:.3}  F1 {:.3}  (tp {}, pred {}, gold {})\n",
                    v.p, v.r, v.f1, v.tp, v.pred, v.gold
                ));
            }
            out.push_str(&format!(
                "canonical names among matched entities: {:.3}\n",
                s.canonical
            ));
        };
        block("overall", &self.overall);
        for (l, s) in &self.per_lang {
            block(l, s);
        }
        out.push_str(&format!(
            "articles {}, missing {}\nmost errors:\n",
            self.articles, self.missing
        ));
        for a in &self.worst {
            out.push_str(&format!(
                "  {} ({}): {} errors {:?}\n",
                a.id, a.lang, a.errors, a.counts
            ));
        }
        out
    }
}

fn forms_of(e: &GoldEntity) -> HashSet<String> {
    let mut f: HashSet<String> = HashSet::from([norm(Some(&e.name))]);
    f.extend(e.aliases.iter().map(|a| norm(Some(a))));
    f
}

/// score.py's `score_article()`: the counts of one prediction (or none) against its gold.
pub fn score_article(gold: &GoldArticle, pred: Option<&Prediction>) -> Counts {
    let mut out = Counts::default();
    let gents: Vec<&GoldEntity> = gold
        .entities
        .iter()
        .filter(|e| etype(e.entity_type.as_deref()) != "MISC")
        .collect();
    let gforms: Vec<HashSet<String>> = gents.iter().map(|e| forms_of(e)).collect();
    let pents: Vec<&PredEntity> = pred
        .map(|p| {
            p.entities
                .iter()
                .filter(|e| etype(e.entity_type.as_deref()) != "MISC")
                .collect()
        })
        .unwrap_or_default();
    let pforms: Vec<HashSet<String>> = pents
        .iter()
        .map(|pe| {
            let mut f: HashSet<String> = HashSet::from([norm(pe.name.as_deref())]);
            f.extend(pe.mentions.iter().map(|m| norm(m.text.as_deref())));
            f.remove("");
            f
        })
        .collect();
    let (mut used, mut tp, mut canon) = (HashSet::new(), 0, 0);
    for (pi, pe) in pents.iter().enumerate() {
        for (gi, ge) in gents.iter().enumerate() {
            if used.contains(&gi)
                || etype(ge.entity_type.as_deref()) != etype(pe.entity_type.as_deref())
            {
                continue;
            }
            if !pforms[pi].is_disjoint(&gforms[gi]) {
                used.insert(gi);
                tp += 1;
                canon += usize::from(norm(pe.name.as_deref()) == norm(Some(&ge.name)));
                break;
            }
        }
    }
    out.ent = (tp, pents.len(), gents.len(), canon);
    let (mut used_u, mut tp_u) = (HashSet::new(), 0);
    for pf in &pforms {
        for (gi, gf) in gforms.iter().enumerate() {
            if !used_u.contains(&gi) && !pf.is_disjoint(gf) {
                used_u.insert(gi);
                tp_u += 1;
                break;
            }
        }
    }
    out.ent_untyped = (tp_u, pents.len(), gents.len());

    let all_forms: Vec<(String, HashSet<String>)> = gold
        .entities
        .iter()
        .map(|e| (norm(Some(&e.name)), forms_of(e)))
        .collect();
    let gold_speaker_forms = |name: &str| -> HashSet<String> {
        let n = norm(Some(name));
        all_forms
            .iter()
            .find(|(k, _)| *k == n)
            .map(|(_, f)| f.clone())
            .unwrap_or_else(|| HashSet::from([n]))
    };
    let quotes: Vec<&PredQuote> = pred
        .map(|p| {
            p.quotes
                .iter()
                .filter(|q| words(q.text.as_deref()).len() >= 3)
                .collect()
        })
        .unwrap_or_default();
    let (direct, indirect): (Vec<&PredQuote>, Vec<&PredQuote>) = quotes
        .into_iter()
        .partition(|q| q.kind.as_deref() != Some("indirect"));
    let m = match_quotes(&gold.quotes, &direct, 0.6, &gold_speaker_forms);
    (out.quote, out.attr) = (m.found, m.attributed);
    if let Some(gi) = &gold.indirect_quotes {
        let m = match_quotes(gi, &indirect, 0.5, &gold_speaker_forms);
        (out.indirect, out.indirect_attr) = (m.found, m.attributed);
    }
    out
}

/// Quote counts: (tp, pred, gold) of the quotes found, and of those with the right speaker.
struct QuoteCounts {
    found: (usize, usize, usize),
    attributed: (usize, usize, usize),
}

/// score.py's `match()`: pairs by word overlap of the longer (at least `threshold`), best
/// first, then speakers compared through the gold entity's forms.
fn match_quotes(
    gq: &[GoldQuote],
    pq: &[&PredQuote],
    threshold: f64,
    gold_speaker_forms: &dyn Fn(&str) -> HashSet<String>,
) -> QuoteCounts {
    let gw: Vec<Vec<String>> = gq.iter().map(|g| words(Some(&g.text))).collect();
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (pi, p) in pq.iter().enumerate() {
        let pw = words(p.text.as_deref());
        let mut pc: HashMap<&str, usize> = HashMap::new();
        for w in &pw {
            *pc.entry(w).or_default() += 1;
        }
        for (gi, g) in gw.iter().enumerate() {
            let mut gc: HashMap<&str, usize> = HashMap::new();
            for w in g {
                *gc.entry(w).or_default() += 1;
            }
            let ov: usize = pc
                .iter()
                .map(|(w, n)| (*n).min(gc.get(w).copied().unwrap_or(0)))
                .sum();
            let r = ov as f64 / pw.len().max(g.len()).max(1) as f64;
            if r >= threshold {
                pairs.push((r, pi, gi));
            }
        }
    }
    pairs.sort_by(|a, b| b.partial_cmp(a).unwrap_or(std::cmp::Ordering::Equal));
    let (mut up, mut ug, mut qtp, mut atp) = (HashSet::new(), HashSet::new(), 0, 0);
    for (_, pi, gi) in pairs {
        if up.contains(&pi) || ug.contains(&gi) {
            continue;
        }
        up.insert(pi);
        ug.insert(gi);
        qtp += 1;
        let ps = pq[pi].speaker.as_deref().filter(|s| !s.is_empty());
        match gq[gi].speaker.as_deref().filter(|s| !s.is_empty()) {
            None => atp += usize::from(ps.is_none()),
            Some(gs) => {
                if ps.is_some_and(|ps| gold_speaker_forms(gs).contains(&norm(Some(ps)))) {
                    atp += 1;
                }
            }
        }
    }
    QuoteCounts {
        found: (qtp, pq.len(), gq.len()),
        attributed: (atp, pq.len(), gq.len()),
    }
}

/// Score predictions (matched to gold by id) against gold articles.
pub fn score(gold: &[GoldArticle], preds: &[Prediction]) -> EvalReport {
    let by_id: HashMap<&str, &Prediction> = preds.iter().map(|p| (p.id.as_str(), p)).collect();
    let mut total = Counts::default();
    let mut per_lang: BTreeMap<String, (Counts, usize)> = BTreeMap::new();
    let mut results = Vec::new();
    let mut missing = 0;
    for g in gold {
        let p = by_id.get(g.id.as_str()).copied();
        missing += usize::from(p.is_none());
        let c = score_article(g, p);
        total.add(&c);
        let lang = g.lang.clone().unwrap_or_else(|| "und".to_string());
        let e = per_lang.entry(lang.clone()).or_default();
        e.0.add(&c);
        e.1 += 1;
        results.push(ArticleResult {
            id: g.id.clone(),
            lang,
            errors: c.errors(),
            counts: c,
        });
    }
    results.sort_by_key(|r| std::cmp::Reverse(r.errors));
    results.truncate(5);
    results.retain(|r| r.errors > 0);
    EvalReport {
        articles: gold.len(),
        missing,
        overall: Scores::from_counts(&total, gold.len()),
        per_lang: per_lang
            .into_iter()
            .map(|(l, (c, n))| (l, Scores::from_counts(&c, n)))
            .collect(),
        worst: results,
    }
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
) -> Result<(EvalReport, Vec<Prediction>), EvalError> {
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
    Ok((score(&gold, &preds), preds))
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

    /// Prints the enrichment of any article file with its dumped spans:
    /// `VERBATIM_ARTICLES=a.jsonl VERBATIM_SPANS=s.jsonl cargo test --lib show_articles -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn show_articles() {
        let (Ok(a), Ok(s)) = (
            std::env::var("VERBATIM_ARTICLES"),
            std::env::var("VERBATIM_SPANS"),
        ) else {
            return;
        };
        let en = Enricher::new(EnricherConfig::default()).unwrap();
        let spans = spans_from(Path::new(&s));
        for g in read_gold(Path::new(&a)).unwrap() {
            let e = enrich_spacy(&en, &spans, &g).unwrap();
            eprintln!("===== {}", g.id);
            for x in &e.entities {
                let forms: std::collections::BTreeSet<&str> =
                    x.mentions.iter().map(|m| m.text.as_str()).collect();
                eprintln!("  {:12} {:30} {:?}", x.entity_type.as_str(), x.name, forms);
            }
            for q in &e.quotes {
                eprintln!(
                    "  Q [{}] {:?} <- {:?} ({:?})",
                    q.field,
                    q.text,
                    q.speaker.as_ref().map(|s| &s.name),
                    q.cue
                );
            }
        }
    }

    /// Writes the predictions with spaCy spans to target/dev-pred.jsonl for inspection.
    #[test]
    fn dev_predictions_dump() {
        let gold = shared().join("eval/dev.jsonl");
        let en = Enricher::new(EnricherConfig::default()).unwrap();
        let spans = spacy_spans();
        let all = read_gold(&gold).unwrap();
        let mut lines = Vec::new();
        for g in &all {
            let e = enrich_spacy(&en, &spans, g).unwrap();
            let mut v = serde_json::to_value(&e).unwrap();
            v["id"] = serde_json::Value::String(g.id.clone());
            lines.push(v.to_string());
        }
        let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/dev-pred.jsonl");
        std::fs::write(out, lines.join("\n") + "\n").unwrap();
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
