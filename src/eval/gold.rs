//! The lines of a gold file and of a prediction file, as score.py reads them.

use crate::enrich::{Document, Enrichment, QuoteKind, TextField};
use serde::{Deserialize, Serialize};

/// One gold article (a line of the gold JSONL).
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct GoldArticle {
    /// Article id, matched against the prediction's `id` (a JSON number is kept as its text).
    #[serde(deserialize_with = "id_string")]
    pub id: String,
    /// Language code (`fr`, `en`); `None` lets the core detect it.
    #[serde(default)]
    pub lang: Option<String>,
    /// Headline.
    #[serde(default)]
    pub title: Option<String>,
    /// Body text, under the contract's `text` name.
    #[serde(default)]
    pub text: Option<String>,
    /// Body text, under the contract's `body` name.
    #[serde(default)]
    pub body: Option<String>,
    /// Body text, under the contract's `content` name.
    #[serde(default)]
    pub content: Option<String>,
    /// Entities expected in the article (MISC ones are not scored).
    #[serde(default)]
    pub entities: Vec<GoldEntity>,
    /// Direct quotes expected in the article.
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

/// An entity of a gold article.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct GoldEntity {
    /// Canonical name.
    pub name: String,
    /// `PER`/`LOC`/`ORG` (or a synonym `etype` maps); anything else or `None` is MISC, not scored.
    #[serde(rename = "type", default)]
    pub entity_type: Option<String>,
    /// Other names the entity goes by; a predicted entity matches on any of them or `name`.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A quote of a gold article (direct, or reported in `indirect_quotes`).
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct GoldQuote {
    /// The quoted words, without the quotation marks.
    pub text: String,
    /// The speaker's name (matched through the gold entity's name and aliases); `None` means the
    /// quote has no speaker, and a prediction is right only if it names none either.
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
    /// Article id, matched against the gold article's `id`.
    pub id: String,
    /// Language the prediction was made in; `None` if the output gave none.
    #[serde(default)]
    pub lang: Option<String>,
    /// Predicted entities.
    #[serde(default)]
    pub entities: Vec<PredEntity>,
    /// Predicted quotes, direct and indirect.
    #[serde(default)]
    pub quotes: Vec<PredQuote>,
}

/// A predicted entity, as the scorer reads it.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct PredEntity {
    /// Canonical name; `None` if the output gave none.
    #[serde(default)]
    pub name: Option<String>,
    /// Entity type as written (`PER`, `LOC`, `ORG`, ...); `None` or unknown counts as MISC.
    #[serde(rename = "type", default)]
    pub entity_type: Option<String>,
    /// Its mentions; their texts are further forms the entity can match gold on.
    #[serde(default)]
    pub mentions: Vec<PredMention>,
}

/// A mention of a predicted entity.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct PredMention {
    /// The mention's surface text; `None` if the output gave none.
    #[serde(default)]
    pub text: Option<String>,
}

/// A predicted quote, as the scorer reads it.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct PredQuote {
    /// The quoted words; `None` reads as empty text.
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
