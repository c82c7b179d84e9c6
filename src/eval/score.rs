//! score.py's matching: entities by shared normalised forms, quotes by word overlap, speakers
//! through the gold entity's forms; and, per article, what was missed or added, in words.

use super::gold::{GoldArticle, GoldEntity, GoldQuote, PredEntity, PredQuote, Prediction};
use super::report::{ArticleResult, Counts, EvalReport, Scores};
use std::collections::{BTreeMap, HashMap, HashSet};

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

fn forms_of(e: &GoldEntity) -> HashSet<String> {
    let mut f: HashSet<String> = HashSet::from([norm(Some(&e.name))]);
    f.extend(e.aliases.iter().map(|a| norm(Some(a))));
    f
}

/// What one article's prediction missed or added, in plain words (`verbatim eval --details`).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Details {
    /// Gold entities no predicted entity of the same type matched ("Name (PER)").
    pub missed_entities: Vec<String>,
    /// Predicted entities that matched no gold entity of their type.
    pub extra_entities: Vec<String>,
    /// Gold quotes not found (their first words), direct then reported.
    pub missed_quotes: Vec<String>,
    /// Predicted quotes matching no gold quote.
    pub extra_quotes: Vec<String>,
    /// Quotes found with another speaker than the gold's: "“words…” — gold X, predicted Y".
    pub wrong_speakers: Vec<String>,
}

impl Details {
    fn is_empty(&self) -> bool {
        *self == Details::default()
    }
}

/// The counts of one article and what made them fall short.
pub struct ArticleMatch {
    /// True positives, predicted and gold totals of the article.
    pub counts: Counts,
    /// The entities and quotes it missed, added or attributed wrongly.
    pub details: Details,
}

/// score.py's `score_article()`: the counts of one prediction (or none) against its gold.
pub fn score_article(gold: &GoldArticle, pred: Option<&Prediction>) -> Counts {
    match_article(gold, pred).counts
}

/// Entities of one side that count (typed PER/LOC/ORG), with their normalised forms.
struct Forms<'a, T> {
    items: Vec<&'a T>,
    forms: Vec<HashSet<String>>,
}

fn gold_entities(gold: &GoldArticle) -> Forms<'_, GoldEntity> {
    let items: Vec<&GoldEntity> = gold
        .entities
        .iter()
        .filter(|e| etype(e.entity_type.as_deref()) != "MISC")
        .collect();
    let forms = items.iter().map(|e| forms_of(e)).collect();
    Forms { items, forms }
}

fn predicted_entities(pred: Option<&Prediction>) -> Forms<'_, PredEntity> {
    let items: Vec<&PredEntity> = pred
        .map(|p| {
            p.entities
                .iter()
                .filter(|e| etype(e.entity_type.as_deref()) != "MISC")
                .collect()
        })
        .unwrap_or_default();
    let forms = items
        .iter()
        .map(|pe| {
            let mut f: HashSet<String> = HashSet::from([norm(pe.name.as_deref())]);
            f.extend(pe.mentions.iter().map(|m| norm(m.text.as_deref())));
            f.remove("");
            f
        })
        .collect();
    Forms { items, forms }
}

/// Counts and details of one prediction (or none) against its gold.
pub fn match_article(gold: &GoldArticle, pred: Option<&Prediction>) -> ArticleMatch {
    let mut out = Counts::default();
    let mut details = Details::default();
    let g = gold_entities(gold);
    let p = predicted_entities(pred);
    let (mut used, mut matched_pred, mut tp, mut canon) = (HashSet::new(), HashSet::new(), 0, 0);
    for (pi, pe) in p.items.iter().enumerate() {
        for (gi, ge) in g.items.iter().enumerate() {
            if used.contains(&gi)
                || etype(ge.entity_type.as_deref()) != etype(pe.entity_type.as_deref())
            {
                continue;
            }
            if !p.forms[pi].is_disjoint(&g.forms[gi]) {
                used.insert(gi);
                matched_pred.insert(pi);
                tp += 1;
                canon += usize::from(norm(pe.name.as_deref()) == norm(Some(&ge.name)));
                break;
            }
        }
    }
    out.ent = (tp, p.items.len(), g.items.len(), canon);
    let (mut used_u, mut tp_u) = (HashSet::new(), 0);
    for pf in &p.forms {
        for (gi, gf) in g.forms.iter().enumerate() {
            if !used_u.contains(&gi) && !pf.is_disjoint(gf) {
                used_u.insert(gi);
                tp_u += 1;
                break;
            }
        }
    }
    out.ent_untyped = (tp_u, p.items.len(), g.items.len());
    for (_, ge) in g
        .items
        .iter()
        .enumerate()
        .filter(|(i, _)| !used.contains(i))
    {
        let t = etype(ge.entity_type.as_deref());
        details.missed_entities.push(format!("{} ({t})", ge.name));
    }
    for (_, pe) in p
        .items
        .iter()
        .enumerate()
        .filter(|(i, _)| !matched_pred.contains(i))
    {
        let t = etype(pe.entity_type.as_deref());
        let name = pe.name.as_deref().unwrap_or("?");
        details.extra_entities.push(format!("{name} ({t})"));
    }
    score_quotes(gold, pred, &mut out, &mut details);
    ArticleMatch {
        counts: out,
        details,
    }
}

/// The quote half of [`match_article`]: direct quotes against `quotes`, reported speech against
/// `indirect_quotes` when the gold annotates it.
fn score_quotes(
    gold: &GoldArticle,
    pred: Option<&Prediction>,
    out: &mut Counts,
    details: &mut Details,
) {
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
    let m = match_quotes(&gold.quotes, &direct, 0.6, &gold_speaker_forms, details);
    (out.quote, out.attr) = (m.found, m.attributed);
    if let Some(gi) = &gold.indirect_quotes {
        let m = match_quotes(gi, &indirect, 0.5, &gold_speaker_forms, details);
        (out.indirect, out.indirect_attr) = (m.found, m.attributed);
    }
}

/// The first words of a quote, for a report line.
fn gist(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut s = words[..words.len().min(8)].join(" ");
    if words.len() > 8 {
        s.push('…');
    }
    format!("“{s}”")
}

/// Quote counts: (tp, pred, gold) of the quotes found, and of those with the right speaker.
struct QuoteCounts {
    found: (usize, usize, usize),
    attributed: (usize, usize, usize),
}

/// Word overlap of two word lists over the longer one's length (score.py's ratio).
fn overlap(pw: &[String], gw: &[String]) -> f64 {
    let mut gc: HashMap<&str, usize> = HashMap::new();
    for w in gw {
        *gc.entry(w).or_default() += 1;
    }
    let mut pc: HashMap<&str, usize> = HashMap::new();
    for w in pw {
        *pc.entry(w).or_default() += 1;
    }
    let ov: usize = pc
        .iter()
        .map(|(w, n)| (*n).min(gc.get(w).copied().unwrap_or(0)))
        .sum();
    ov as f64 / pw.len().max(gw.len()).max(1) as f64
}

/// score.py's `match()`: pairs by word overlap of the longer (at least `threshold`), best
/// first, then speakers compared through the gold entity's forms.
fn match_quotes(
    gq: &[GoldQuote],
    pq: &[&PredQuote],
    threshold: f64,
    gold_speaker_forms: &dyn Fn(&str) -> HashSet<String>,
    details: &mut Details,
) -> QuoteCounts {
    let gw: Vec<Vec<String>> = gq.iter().map(|g| words(Some(&g.text))).collect();
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (pi, p) in pq.iter().enumerate() {
        let pw = words(p.text.as_deref());
        for (gi, g) in gw.iter().enumerate() {
            let r = overlap(&pw, g);
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
        let gs = gq[gi].speaker.as_deref().filter(|s| !s.is_empty());
        let right = match gs {
            None => ps.is_none(),
            Some(gs) => ps.is_some_and(|ps| gold_speaker_forms(gs).contains(&norm(Some(ps)))),
        };
        if right {
            atp += 1;
        } else {
            details.wrong_speakers.push(format!(
                "{} — gold {}, predicted {}",
                gist(&gq[gi].text),
                gs.unwrap_or("nobody"),
                ps.unwrap_or("nobody")
            ));
        }
    }
    for (gi, g) in gq.iter().enumerate().filter(|(i, _)| !ug.contains(i)) {
        let who = g.speaker.as_deref().unwrap_or("nobody");
        details
            .missed_quotes
            .push(format!("{} ({who})", gist(&gq[gi].text)));
    }
    for (_, p) in pq.iter().enumerate().filter(|(i, _)| !up.contains(i)) {
        let who = p.speaker.as_deref().unwrap_or("nobody");
        let text = p.text.as_deref().unwrap_or_default();
        details.extra_quotes.push(format!("{} ({who})", gist(text)));
    }
    QuoteCounts {
        found: (qtp, pq.len(), gq.len()),
        attributed: (atp, pq.len(), gq.len()),
    }
}

/// Per article, in plain words, what the predictions missed and added (articles without an
/// error are left out). A missing prediction is said so.
pub fn explain(gold: &[GoldArticle], preds: &[Prediction]) -> String {
    let by_id: HashMap<&str, &Prediction> = preds.iter().map(|p| (p.id.as_str(), p)).collect();
    let mut out = String::new();
    for g in gold {
        let p = by_id.get(g.id.as_str()).copied();
        let d = match_article(g, p).details;
        if p.is_some() && d.is_empty() {
            continue;
        }
        let lang = g.lang.as_deref().unwrap_or("und");
        out.push_str(&format!(
            "== {} ({lang})
",
            g.id
        ));
        if p.is_none() {
            out.push_str("  no prediction (the article failed: see the dead-letter reason)\n");
            continue;
        }
        for (label, items) in [
            ("entity missed", &d.missed_entities),
            ("entity extra", &d.extra_entities),
            ("quote missed", &d.missed_quotes),
            ("quote extra", &d.extra_quotes),
            ("wrong speaker", &d.wrong_speakers),
        ] {
            for i in items {
                out.push_str(&format!("  {label}: {i}\n"));
            }
        }
    }
    out
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
        let c = match_article(g, p).counts;
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
