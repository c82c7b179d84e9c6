//! Telemetry of quality, per language: what the enrichment found, counted at the edge (the
//! core returns the enrichment; the worker path counts it here). The shares that tell whether
//! quality drifts are ratios of these counters (see deploy/prometheus/alerts.yml):
//! quotes attributed / quotes, entities linked / entities, entities or quotes per article,
//! articles in `und` or `other` / articles.
//!
//! The `lang` label is bounded: a language the build supports (its code), `other` for a
//! language told or declared but not supported, `und` when none could be told.

use super::counter_vec;
use crate::enrich::{Enrichment, QuoteKind};
use prometheus::{IntCounterVec, Registry};

/// `lang` label of an article whose language is known but not supported.
pub const OTHER: &str = "other";
/// `lang` label of an article whose language could not be told (ISO 639-2 "undetermined").
pub const UNDETERMINED: &str = "und";

/// Per-language counters of what the enrichment found.
#[derive(Clone)]
pub struct QualityMetrics {
    /// Articles enriched, by language.
    pub articles: IntCounterVec,
    /// Quotes found, by language, kind (direct, indirect) and whether a speaker was attributed.
    pub quotes: IntCounterVec,
    /// Entities found, by language and whether they were linked to the knowledge base.
    pub entities: IntCounterVec,
}

/// The `lang` label of one enrichment.
pub fn lang_label(e: &Enrichment) -> &str {
    match e.lang.as_deref() {
        Some(code) if e.lang_supported => code,
        Some(_) => OTHER,
        None => UNDETERMINED,
    }
}

fn kind_label(k: QuoteKind) -> &'static str {
    match k {
        QuoteKind::Direct => "direct",
        QuoteKind::Indirect => "indirect",
    }
}

fn bool_label(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

impl QualityMetrics {
    pub(super) fn register(r: &Registry) -> QualityMetrics {
        let q = QualityMetrics {
            articles: counter_vec(
                r,
                "verbatim_articles_total",
                "Articles enriched, by language: a supported language's code, other (told but not supported) or und (undetermined).",
                &["lang"],
            ),
            quotes: counter_vec(
                r,
                "verbatim_quality_quotes_total",
                "Quotes found, by language, kind (direct, indirect) and whether a speaker was attributed.",
                &["lang", "kind", "attributed"],
            ),
            entities: counter_vec(
                r,
                "verbatim_quality_entities_total",
                "Entities found, by language and whether they were linked to the knowledge base (kb_linked).",
                &["lang", "kb_linked"],
            ),
        };
        q.precreate([OTHER, UNDETERMINED]);
        q
    }

    /// Create the series of these languages at zero, so that dashboards and ratios see zeros,
    /// not gaps, before the first article of a language.
    pub fn precreate<'a>(&self, langs: impl IntoIterator<Item = &'a str>) {
        for lang in langs {
            self.articles.with_label_values(&[lang]);
            for kind in [QuoteKind::Direct, QuoteKind::Indirect] {
                for a in [true, false] {
                    self.quotes
                        .with_label_values(&[lang, kind_label(kind), bool_label(a)]);
                }
            }
            for linked in [true, false] {
                self.entities.with_label_values(&[lang, bool_label(linked)]);
            }
        }
    }

    /// Count one enrichment.
    pub fn observe(&self, e: &Enrichment) {
        let lang = lang_label(e);
        self.articles.with_label_values(&[lang]).inc();
        for q in &e.quotes {
            self.quotes
                .with_label_values(&[lang, kind_label(q.kind), bool_label(q.speaker.is_some())])
                .inc();
        }
        let linked = e.entities.iter().filter(|x| x.kb_id.is_some()).count() as u64;
        let unlinked = e.entities.len() as u64 - linked;
        self.entities
            .with_label_values(&[lang, "true"])
            .inc_by(linked);
        self.entities
            .with_label_values(&[lang, "false"])
            .inc_by(unlinked);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::{Entity, EntityType, Quote, Speaker};

    fn quote(kind: QuoteKind, speaker: Option<&str>) -> Quote {
        Quote {
            text: "We will build it.".into(),
            field: "body".into(),
            start: 0,
            end: 17,
            speaker: speaker.map(|n| Speaker {
                name: n.into(),
                entity_id: None,
            }),
            cue: None,
            kind,
        }
    }

    fn entity(kb: Option<&str>) -> Entity {
        Entity {
            id: "person:ann-lee".into(),
            name: "Ann Lee".into(),
            entity_type: EntityType::Person,
            label: None,
            mentions: Vec::new(),
            kb_id: kb.map(String::from),
            kb_name: None,
        }
    }

    fn value(m: &IntCounterVec, labels: &[&str]) -> u64 {
        m.with_label_values(labels).get()
    }

    #[test]
    fn counts_by_language_kind_attribution_and_link() {
        let r = Registry::new();
        let q = QualityMetrics::register(&r);
        q.precreate(["xx"]);
        let e = Enrichment {
            lang: Some("xx".into()),
            lang_supported: true,
            quotes: vec![
                quote(QuoteKind::Direct, Some("Ann Lee")),
                quote(QuoteKind::Direct, None),
                quote(QuoteKind::Indirect, Some("Ann Lee")),
            ],
            entities: vec![entity(Some("kb:1")), entity(None), entity(None)],
            ..Default::default()
        };
        q.observe(&e);
        assert_eq!(value(&q.articles, &["xx"]), 1);
        assert_eq!(value(&q.quotes, &["xx", "direct", "true"]), 1);
        assert_eq!(value(&q.quotes, &["xx", "direct", "false"]), 1);
        assert_eq!(value(&q.quotes, &["xx", "indirect", "true"]), 1);
        assert_eq!(value(&q.quotes, &["xx", "indirect", "false"]), 0);
        assert_eq!(value(&q.entities, &["xx", "true"]), 1);
        assert_eq!(value(&q.entities, &["xx", "false"]), 2);
    }

    #[test]
    fn unsupported_and_undetermined_languages_have_bounded_labels() {
        let r = Registry::new();
        let q = QualityMetrics::register(&r);
        for (lang, supported, label) in [
            (Some("de"), false, OTHER),
            (Some("zz"), false, OTHER),
            (None, false, UNDETERMINED),
        ] {
            let e = Enrichment {
                lang: lang.map(String::from),
                lang_supported: supported,
                ..Default::default()
            };
            assert_eq!(lang_label(&e), label);
            q.observe(&e);
        }
        assert_eq!(value(&q.articles, &[OTHER]), 2);
        assert_eq!(value(&q.articles, &[UNDETERMINED]), 1);
        let langs: std::collections::BTreeSet<String> = r
            .gather()
            .iter()
            .flat_map(|f| f.get_metric().to_vec())
            .flat_map(|m| m.get_label().to_vec())
            .filter(|l| l.name() == "lang")
            .map(|l| l.value().to_string())
            .collect();
        assert_eq!(langs, [OTHER, UNDETERMINED].map(String::from).into());
    }
}
