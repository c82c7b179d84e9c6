//! Counts, precision/recall/F1 and the text report.

use serde::Serialize;
use std::collections::BTreeMap;

/// Raw counts of one article (or a sum of articles).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Typed PER/LOC/ORG entities: (tp, pred, gold, canonical), canonical being the matches
    /// whose predicted name normalises to the gold name.
    pub ent: (usize, usize, usize, usize),
    /// Entities matched by name whatever their type: (tp, pred, gold).
    pub ent_untyped: (usize, usize, usize),
    /// Direct quotes: (tp, pred, gold), a match needing ≥ 60 % word overlap.
    pub quote: (usize, usize, usize),
    /// Direct quotes matched and given the right speaker: (tp, pred, gold).
    pub attr: (usize, usize, usize),
    /// Reported speech found (≥ 50 % word overlap): (tp, pred, gold); zero when the gold
    /// article does not annotate it.
    pub indirect: (usize, usize, usize),
    /// Reported speech found with the right speaker: (tp, pred, gold).
    pub indirect_attr: (usize, usize, usize),
}

impl Counts {
    pub(crate) fn add(&mut self, o: &Counts) {
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
    /// Precision in 0..=1 (1 when nothing was predicted and nothing expected).
    pub p: f64,
    /// Recall in 0..=1 (1 when nothing was expected).
    pub r: f64,
    /// Harmonic mean of `p` and `r` (0 when both are 0).
    pub f1: f64,
    /// True positives.
    pub tp: usize,
    /// Number predicted.
    pub pred: usize,
    /// Number expected by the gold.
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
    /// Number of gold articles in the set.
    pub articles: usize,
    /// Typed entities (see [`Counts::ent`]).
    pub ent: Prf,
    /// Share of matched entities whose predicted name is the gold full name (0 with no match).
    pub canonical: f64,
    /// Entities whatever their type.
    pub ent_untyped: Prf,
    /// Direct quotes found.
    pub quote: Prf,
    /// Direct quotes found with the right speaker.
    pub attr: Prf,
    /// Reported speech found.
    pub indirect: Prf,
    /// Reported speech found with the right speaker.
    pub indirect_attr: Prf,
}

impl Scores {
    pub(crate) fn from_counts(c: &Counts, articles: usize) -> Self {
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
    /// Gold article id.
    pub id: String,
    /// Gold language, `und` when the gold gives none.
    pub lang: String,
    /// The article's counts.
    pub counts: Counts,
    /// False positives plus false negatives ([`Counts::errors`]).
    pub errors: usize,
}

/// The result of an evaluation run.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct EvalReport {
    /// Number of gold articles.
    pub articles: usize,
    /// Gold articles with no prediction of the same id (scored as finding nothing).
    pub missing: usize,
    /// Figures over all articles.
    pub overall: Scores,
    /// Figures per gold language (`und` when the gold gives none), sorted by code.
    pub per_lang: BTreeMap<String, Scores>,
    /// Articles with the most errors, worst first (at most 5).
    pub worst: Vec<ArticleResult>,
}

impl EvalReport {
    /// The human-readable report `verbatim eval` prints: P/R/F1 blocks overall and per language
    /// (indirect lines only when there is reported speech), then the worst articles.
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
