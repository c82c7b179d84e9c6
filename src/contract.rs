//! The wire contract: input articles, output messages, dead-letter headers, and their JSON Schema.
//! Nothing else defines what goes on the wire. See the README's "Message contract" section and `docs/schema/`.

use crate::enrich::{Credit, Document, Enrichment, Entity, Quote, TextField};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

/// Version of the output message layout.
pub const SCHEMA_VERSION: u32 = 1;

/// Body fields in order of preference: the first present and non-empty one is the article text.
pub const BODY_FIELDS: [&str; 3] = ["body", "text", "content"];

/// Dead-letter headers added to the original message's headers.
pub mod headers {
    /// Stable error kind (`DeadLetterKind::as_str`), a bounded set.
    pub const ERROR_KIND: &str = "verbatim-error-kind";
    /// Human-readable error message naming the offending value.
    pub const ERROR: &str = "verbatim-error";
    /// Topic the original message was consumed from.
    pub const SOURCE_TOPIC: &str = "verbatim-source-topic";
    /// Partition of the original message (decimal).
    pub const SOURCE_PARTITION: &str = "verbatim-source-partition";
    /// Offset of the original message in its partition (decimal).
    pub const SOURCE_OFFSET: &str = "verbatim-source-offset";
    /// Size in bytes of the original payload, when the dead letter does not carry it whole.
    pub const ORIGINAL_SIZE: &str = "verbatim-original-size";
    /// Bytes of the original payload kept (a prefix), when it did not fit the size limit.
    pub const PAYLOAD_TRUNCATED: &str = "verbatim-payload-truncated";
}

/// Why an input cannot be enriched. `kind()` is the metric label and the `verbatim-error-kind` header.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// Null or empty payload.
    #[error("message has no value (null or empty payload)")]
    Empty,
    /// Payload larger than `limits.max_article_bytes`.
    #[error("message value is {size} bytes, above limits.max_article_bytes = {max}")]
    TooLarge {
        /// Payload size in bytes.
        size: usize,
        /// The configured limit in bytes.
        max: usize,
    },
    /// Payload is not UTF-8.
    #[error("message value is not valid UTF-8: {detail}")]
    InvalidUtf8 {
        /// The decoder's message (where the first invalid byte is).
        detail: String,
    },
    /// Payload is UTF-8 but not JSON.
    #[error("message value is not valid JSON: {detail}")]
    InvalidJson {
        /// The parser's message (line and column).
        detail: String,
    },
    /// Payload is JSON but not an object.
    #[error("message value must be a JSON object, got {found}")]
    NotObject {
        /// JSON type found instead (`"array"`, `"string"`, ...).
        found: &'static str,
    },
    /// A field the contract reads (`id`, `title`, `body`, ...) has the wrong type.
    #[error("field `{field}` must be {expected}, got {found}")]
    InvalidField {
        /// Top-level field name.
        field: String,
        /// What the contract accepts there.
        expected: &'static str,
        /// A short preview of the value found.
        found: String,
    },
    /// Neither a title nor a body field with non-blank text.
    #[error("article has no text: title and body/text/content are all absent or empty")]
    MissingText,
}

impl DecodeError {
    /// Stable, bounded error kind for metrics and headers.
    pub fn kind(&self) -> DeadLetterKind {
        match self {
            DecodeError::Empty => DeadLetterKind::Empty,
            DecodeError::TooLarge { .. } => DeadLetterKind::TooLarge,
            DecodeError::InvalidUtf8 { .. } => DeadLetterKind::InvalidUtf8,
            DecodeError::InvalidJson { .. } => DeadLetterKind::InvalidJson,
            DecodeError::NotObject { .. } => DeadLetterKind::NotObject,
            DecodeError::InvalidField { .. } => DeadLetterKind::InvalidField,
            DecodeError::MissingText => DeadLetterKind::MissingText,
        }
    }
}

/// Why an input went to the dead-letter topic: the `verbatim-error-kind` header and the
/// `kind` label of `verbatim_dead_letters_total` (a bounded set).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DeadLetterKind {
    /// Null or empty payload.
    Empty,
    /// Payload above `limits.max_article_bytes`.
    TooLarge,
    /// Payload is not UTF-8.
    InvalidUtf8,
    /// Payload is not JSON.
    InvalidJson,
    /// Payload is JSON but not an object.
    NotObject,
    /// A recognised field has the wrong type.
    InvalidField,
    /// No title and no body.
    MissingText,
    /// The article has more tokens than `limits.max_tokens`.
    TooManyTokens,
    /// The core returned an error.
    EnrichError,
    /// The core panicked (or its worker vanished).
    Panic,
    /// Enrichment exceeded `pipeline.article_timeout_ms` of working time.
    Timeout,
    /// The enriched output exceeds what the producer or the broker accepts.
    OutputTooLarge,
    /// The broker refused the output for good (invalid topic, authorization, policy).
    OutputRejected,
}

impl DeadLetterKind {
    /// Every kind, for pre-registering metric series.
    pub const ALL: [DeadLetterKind; 13] = [
        DeadLetterKind::Empty,
        DeadLetterKind::TooLarge,
        DeadLetterKind::InvalidUtf8,
        DeadLetterKind::InvalidJson,
        DeadLetterKind::NotObject,
        DeadLetterKind::InvalidField,
        DeadLetterKind::MissingText,
        DeadLetterKind::TooManyTokens,
        DeadLetterKind::EnrichError,
        DeadLetterKind::Panic,
        DeadLetterKind::Timeout,
        DeadLetterKind::OutputTooLarge,
        DeadLetterKind::OutputRejected,
    ];

    /// The stable wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            DeadLetterKind::Empty => "empty",
            DeadLetterKind::TooLarge => "too_large",
            DeadLetterKind::InvalidUtf8 => "invalid_utf8",
            DeadLetterKind::InvalidJson => "invalid_json",
            DeadLetterKind::NotObject => "not_object",
            DeadLetterKind::InvalidField => "invalid_field",
            DeadLetterKind::MissingText => "missing_text",
            DeadLetterKind::TooManyTokens => "too_many_tokens",
            DeadLetterKind::EnrichError => "enrich_error",
            DeadLetterKind::Panic => "panic",
            DeadLetterKind::Timeout => "timeout",
            DeadLetterKind::OutputTooLarge => "output_too_large",
            DeadLetterKind::OutputRejected => "output_rejected",
        }
    }
}

/// Where a message came from, used for the id fallback and dead-letter headers.
#[derive(Clone, Debug, Default)]
pub struct Origin<'a> {
    /// Kafka topic (or a file name for offline commands).
    pub topic: &'a str,
    /// Kafka partition.
    pub partition: i32,
    /// Offset within the partition (or line number for offline commands).
    pub offset: i64,
    /// Kafka message key; used as the id when the article has none and the key is non-empty UTF-8.
    pub key: Option<&'a [u8]>,
}

/// A decoded input article. The original object is kept whole and passed through.
#[derive(Clone, Debug)]
pub struct Article<'a> {
    /// The parsed top-level object (for reading fields; output echoes `raw`).
    pub object: Map<String, Value>,
    /// The input JSON exactly as received (echoed byte for byte: numbers beyond 2^53 or with
    /// trailing zeros, key order and escapes stay as the producer wrote them).
    pub raw: &'a RawValue,
    /// The article id: input `id` (a number's digits as written), else the Kafka key, else
    /// `topic/partition/offset`. Never empty.
    pub id: String,
    /// Which of `body`/`text`/`content` holds the text, if any.
    pub body_field: Option<&'static str>,
}

impl Article<'_> {
    /// The text fields for the enrichment core: title first, then the body field.
    pub fn document(&self) -> Document<'_> {
        let mut fields = Vec::with_capacity(2);
        if let Some(Value::String(t)) = self.object.get("title") {
            if !t.trim().is_empty() {
                fields.push(TextField {
                    name: "title",
                    text: t,
                });
            }
        }
        if let Some(f) = self.body_field {
            if let Some(Value::String(t)) = self.object.get(f) {
                fields.push(TextField { name: f, text: t });
            }
        }
        let lang = match self.object.get("lang") {
            Some(Value::String(l)) if !l.trim().is_empty() => Some(l.as_str()),
            _ => None,
        };
        Document { fields, lang }
    }
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn preview(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 60 {
        format!(
            "{}… ({})",
            s.chars().take(60).collect::<String>(),
            json_type(v)
        )
    } else {
        format!("{s} ({})", json_type(v))
    }
}

/// Decode one message value into an [`Article`], or say why it cannot be.
pub fn decode<'a>(
    payload: Option<&'a [u8]>,
    origin: &Origin<'_>,
    max_bytes: usize,
) -> Result<Article<'a>, DecodeError> {
    let bytes = payload.unwrap_or_default();
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if bytes.len() > max_bytes {
        return Err(DecodeError::TooLarge {
            size: bytes.len(),
            max: max_bytes,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| DecodeError::InvalidUtf8 {
        detail: e.to_string(),
    })?;
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    let invalid = |e: serde_json::Error| DecodeError::InvalidJson {
        detail: e.to_string(),
    };
    let raw: &RawValue = serde_json::from_str(text).map_err(invalid)?;
    let value: Value = serde_json::from_str(raw.get()).map_err(invalid)?;
    let object = match value {
        Value::Object(m) => m,
        other => {
            return Err(DecodeError::NotObject {
                found: json_type(&other),
            })
        }
    };
    for f in [
        "title",
        "body",
        "text",
        "content",
        "lang",
        "url",
        "published_at",
        "source",
    ] {
        match object.get(f) {
            None | Some(Value::Null) | Some(Value::String(_)) => {}
            Some(v) => {
                return Err(DecodeError::InvalidField {
                    field: f.to_string(),
                    expected: "a string or null",
                    found: preview(v),
                })
            }
        }
    }
    let id = match object.get("id") {
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        // The digits as written: a Value number would round ids beyond 2^64 (or 2^53 in
        // consumers that read JSON numbers as doubles) and reformat decimals.
        Some(Value::Number(n)) => raw_field(raw, "id").unwrap_or_else(|| n.to_string()),
        None | Some(Value::Null) => origin
            .key
            .and_then(|k| std::str::from_utf8(k).ok())
            .filter(|k| !k.is_empty())
            .map(str::to_string)
            .unwrap_or_else(|| format!("{}/{}/{}", origin.topic, origin.partition, origin.offset)),
        Some(v) => {
            return Err(DecodeError::InvalidField {
                field: "id".into(),
                expected: "a non-empty string or a number",
                found: preview(v),
            })
        }
    };
    let non_empty =
        |f: &str| matches!(object.get(f), Some(Value::String(s)) if !s.trim().is_empty());
    let body_field = BODY_FIELDS.into_iter().find(|f| non_empty(f));
    if body_field.is_none() && !non_empty("title") {
        return Err(DecodeError::MissingText);
    }
    Ok(Article {
        object,
        raw,
        id,
        body_field,
    })
}

/// The text of top-level field `name` of `raw` exactly as written.
fn raw_field(raw: &RawValue, name: &str) -> Option<String> {
    let fields: std::collections::HashMap<String, &RawValue> =
        serde_json::from_str(raw.get()).ok()?;
    fields.get(name).map(|v| v.get().to_string())
}

/// Processing facts added to every output (extra fields are allowed by the contract).
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct Processing {
    /// verbatim version that produced the message.
    pub verbatim_version: String,
    /// Whether `lang` was detected rather than given by the input.
    pub lang_detected: bool,
    /// Whether verbatim has models for `lang` (if not, entities and quotes are empty).
    pub lang_supported: bool,
    /// False when the daemon runs with `pipeline.enrich = false` (passthrough).
    pub enriched: bool,
}

/// The output message: the input article unchanged plus what verbatim found in it.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct OutputMessage<'a> {
    /// Layout version; 1.
    pub schema_version: u32,
    /// The article id: input `id`, else the Kafka key, else `topic/partition/offset`.
    pub id: String,
    /// ISO 639-1 language used for processing; null when unknown.
    pub lang: Option<String>,
    /// The input object, unchanged (byte for byte).
    #[schemars(with = "Map<String, Value>")]
    pub article: &'a RawValue,
    /// Canonical entities with all their mentions.
    pub entities: Vec<Entity>,
    /// Direct quotations with their speakers.
    pub quotes: Vec<Quote>,
    /// Bylines and photo credits found in the text (their names are not entities); absent when
    /// there are none. An added, optional field of schema version 1.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub credits: Vec<Credit>,
    /// Per-token analysis of the text fields, present only with `output.tokens = true`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Vec<crate::enrich::syntax::output::TokenOut>>,
    /// How the message was produced (versions, whether enrichment ran).
    pub processing: Processing,
    /// What decided each entity and quote: only from `verbatim enrich --explain`, never from
    /// the daemon. A debugging format outside the contract (its rule names follow the rules,
    /// which change between versions), so the JSON Schema leaves it out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(skip)]
    pub explain: Option<crate::enrich::Explain>,
}

/// Build the output message for an article and its enrichment (`None` = passthrough).
pub fn output<'a>(article: Article<'a>, enrichment: Option<Enrichment>) -> OutputMessage<'a> {
    let enriched = enrichment.is_some();
    let e = enrichment.unwrap_or_else(|| Enrichment {
        lang: article.document().lang.map(str::to_string),
        ..Default::default()
    });
    OutputMessage {
        schema_version: SCHEMA_VERSION,
        id: article.id,
        lang: e.lang,
        article: article.raw,
        entities: e.entities,
        quotes: e.quotes,
        credits: e.credits,
        tokens: e.tokens,
        processing: Processing {
            verbatim_version: env!("CARGO_PKG_VERSION").to_string(),
            lang_detected: e.lang_detected,
            lang_supported: e.lang_supported,
            enriched,
        },
        explain: e.explain,
    }
}

/// Serialise an output message to its wire form (compact JSON).
pub fn encode(msg: &OutputMessage<'_>) -> Vec<u8> {
    // Serialising a tree of strings, numbers and maps cannot fail.
    serde_json::to_vec(msg).unwrap_or_default()
}

/// The input article as the contract describes it (for the JSON Schema only; decoding reads the
/// object dynamically so that unknown fields pass through untouched).
#[derive(JsonSchema)]
#[allow(dead_code)]
pub struct InputArticle {
    /// Article id (string or number). Absent: the Kafka key, else `topic/partition/offset`.
    id: Option<InputId>,
    /// Headline. At least one of title and body/text/content must be non-empty.
    title: Option<String>,
    /// Article text (the first non-empty of body, text, content is used).
    body: Option<String>,
    /// Article text, alternative name.
    text: Option<String>,
    /// Article text, alternative name.
    content: Option<String>,
    /// ISO 639-1 language; detected when absent.
    lang: Option<String>,
    url: Option<String>,
    published_at: Option<String>,
    source: Option<String>,
    /// Unknown fields are kept and passed through.
    #[serde(flatten)]
    extra: Map<String, Value>,
}

#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum InputId {
    String(String),
    Number(f64),
}

/// JSON Schemas of the input and output messages, pretty-printed.
pub fn schemas() -> (String, String) {
    let input = schemars::schema_for!(InputArticle);
    let output = schemars::schema_for!(OutputMessage);
    (
        serde_json::to_string_pretty(&input).unwrap_or_default() + "\n",
        serde_json::to_string_pretty(&output).unwrap_or_default() + "\n",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin() -> Origin<'static> {
        Origin {
            topic: "in",
            partition: 2,
            offset: 7,
            key: None,
        }
    }

    fn dec(s: &[u8]) -> Result<Article<'_>, DecodeError> {
        decode(Some(s), &origin(), 1000)
    }

    #[test]
    fn big_numeric_ids_and_the_echoed_article_keep_their_bytes() {
        let input =
            br#"{"id": 123456789012345678901234567890, "t\\u00e9": 1.10, "title": "Le maire"}"#;
        let a = dec(input).unwrap();
        assert_eq!(a.id, "123456789012345678901234567890");
        let out = encode(&output(a, None));
        let text = std::str::from_utf8(&out).unwrap();
        assert!(text.contains(std::str::from_utf8(input).unwrap()), "{text}");
        let a = dec(br#"{"id": 9007199254740993, "title": "x"}"#).unwrap();
        assert_eq!(a.id, "9007199254740993");
    }

    #[test]
    fn decode_errors_have_kinds() {
        assert_eq!(
            decode(None, &origin(), 10).unwrap_err().kind().as_str(),
            "empty"
        );
        assert_eq!(dec(b"").unwrap_err().kind().as_str(), "empty");
        assert_eq!(dec(&[b'x'; 1001]).unwrap_err().kind().as_str(), "too_large");
        assert_eq!(
            dec(b"{\"title\": \"\xff\"}").unwrap_err().kind().as_str(),
            "invalid_utf8"
        );
        assert_eq!(
            dec(b"{\"title\": ").unwrap_err().kind().as_str(),
            "invalid_json"
        );
        assert_eq!(dec(b"[1]").unwrap_err().kind().as_str(), "not_object");
        let e = dec(br#"{"body": 42}"#).unwrap_err();
        assert_eq!(e.kind().as_str(), "invalid_field");
        assert!(e.to_string().contains("body") && e.to_string().contains("42"));
        assert_eq!(
            dec(br#"{"body": "  ", "title": ""}"#)
                .unwrap_err()
                .kind()
                .as_str(),
            "missing_text"
        );
        assert_eq!(
            dec(br#"{"id": {}, "body": "x"}"#)
                .unwrap_err()
                .kind()
                .as_str(),
            "invalid_field"
        );
    }

    #[test]
    fn id_fallbacks_and_fields() {
        let a = dec(br#"{"id": 12, "content": "Bonjour", "extra": [1]}"#).unwrap();
        assert_eq!(a.id, "12");
        assert_eq!(a.body_field, Some("content"));
        let a = dec(br#"{"title": "T", "text": "x"}"#).unwrap();
        assert_eq!(a.id, "in/2/7");
        let o = Origin {
            key: Some(b"k1"),
            ..origin()
        };
        let a = decode(Some(br#"{"title": "T"}"#), &o, 100).unwrap();
        assert_eq!(a.id, "k1");
        assert_eq!(a.body_field, None);
        assert_eq!(a.document().fields.len(), 1);
    }

    #[test]
    fn output_keeps_article_and_unknown_fields() {
        let a = dec(br#"{"id": "a", "body": "Texte", "extra": {"x": 1}}"#).unwrap();
        let out = output(a, None);
        let v: Value = serde_json::from_slice(&encode(&out)).unwrap();
        assert_eq!(v["schema_version"], 1);
        assert_eq!(v["article"]["extra"]["x"], 1);
        assert_eq!(v["processing"]["enriched"], false);
    }

    #[test]
    fn shipped_schemas_are_current() {
        let (input, output) = schemas();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/schema");
        let read = |f: &str| std::fs::read_to_string(dir.join(f)).unwrap_or_default();
        assert!(
            read("input.schema.json") == input && read("output.schema.json") == output,
            "docs/schema is stale: run `cargo run -- schema --write docs/schema`"
        );
    }
}
