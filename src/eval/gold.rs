//! The lines of a gold file and of a prediction file, as score.py reads them.

use crate::enrich::{Document, Enrichment, QuoteKind, TextField};
use serde::{Deserialize, Serialize};

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
