//! Typed configuration: defaults (here, in one place) ← TOML file ← `VERBATIM__SECTION__KEY`
//! environment variables. Validated at start-up; errors name the key, the bad value and where
//! it was set (the file, or the environment variable). Relative paths written in the file are
//! read from the file's directory (`sources.rs`).

mod sources;
mod validate;

pub use sources::{Origins, ValueSource};
pub use validate::is_listen_address;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use sources::{apply_env, resolve_relative_paths};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Errors of configuration loading. Each names the key or file and the offending value.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    // The I/O error is part of the message, not a chained source: each cause is said once.
    /// The config file could not be read.
    #[error("cannot read config file {path:?}: {error}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why reading it failed.
        error: std::io::Error,
    },
    /// The config file is not TOML.
    #[error("config file {path:?} is not valid TOML: {message}")]
    Syntax {
        /// The file.
        path: PathBuf,
        /// The TOML parser's message.
        message: String,
    },
    /// A key has a value of the wrong type or out of range, or is unknown.
    #[error("config key `{key}`{}: {message}", origin_note(.origin.as_ref()))]
    Key {
        /// The dotted key (`pipeline.concurrency`).
        key: String,
        /// What is wrong with its value.
        message: String,
        /// Where the value was set; `None` for a default.
        origin: Option<ValueSource>,
    },
    /// A `VERBATIM__*` environment variable could not be read as a config value.
    #[error("environment variable {var}: {message}")]
    Env {
        /// The variable's name.
        var: String,
        /// What is wrong with it.
        message: String,
    },
}

fn origin_note(origin: Option<&ValueSource>) -> String {
    origin.map(|o| format!(" ({o})")).unwrap_or_default()
}

/// An error about `key`, before its origin is known ([`Origins::annotate`] adds it).
fn key_err(key: &str, message: impl Into<String>) -> ConfigError {
    ConfigError::Key {
        key: key.to_string(),
        message: message.into(),
        origin: None,
    }
}

/// The whole configuration of the daemon.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Brokers, topics, consumer group and the Kafka clients' own properties.
    pub kafka: KafkaConfig,
    /// The /metrics, /healthz and /readyz listener.
    pub http: HttpConfig,
    /// Sizes past which an input is dead-lettered instead of enriched.
    pub limits: LimitsConfig,
    /// Worker threads, back-pressure, time limits and the delivery guarantee.
    pub pipeline: PipelineConfig,
    /// The spaCy pipelines per language and whether the syntax runs.
    pub nlp: NlpConfig,
    /// The knowledge-base files entities are linked to.
    pub kb: KbConfig,
    /// What the output message carries besides the contract (headers, tokens).
    pub output: OutputConfig,
    /// Span export to an OTLP collector.
    pub telemetry: crate::otlp::TelemetryConfig,
    /// Log format and level.
    pub log: LogConfig,
    /// Where each value was set, for error messages.
    #[serde(skip)]
    #[schemars(skip)]
    pub origins: Origins,
}

/// Kafka connection and topics.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct KafkaConfig {
    /// Comma-separated bootstrap brokers, `host:port[,host:port...]`.
    pub brokers: String,
    /// Consumer group id; all instances of one deployment share it.
    pub group_id: String,
    /// Topic the articles are read from.
    pub input_topic: String,
    /// Topic the enriched articles are written to.
    pub output_topic: String,
    /// Topic for inputs that cannot be enriched (original payload + error headers).
    pub dlq_topic: String,
    /// Client id reported to the brokers.
    pub client_id: String,
    /// Exactly-once only: the producer's transactional id; empty = `verbatim-<group_id>-<hostname>`.
    /// Must be stable per instance and unique within the group.
    pub transactional_id: String,
    /// Milliseconds between commits of acknowledged offsets.
    pub commit_interval_ms: u64,
    /// Extra librdkafka properties for the consumer (TLS, SASL, tuning), e.g. `"security.protocol" = "SASL_SSL"`.
    pub consumer: BTreeMap<String, String>,
    /// Extra librdkafka properties for the producer.
    pub producer: BTreeMap<String, String>,
    /// What to do when the broker refuses a dead letter for good, even without its payload
    /// (dead-letter topic missing, not authorized, size limit below the headers):
    /// `stop` (default: exit with a fatal error, the offset stays uncommitted) or `skip`
    /// (log, count `verbatim_dead_letter_failures_total`, commit past the input).
    pub on_dead_letter_failure: DeadLetterFailurePolicy,
}

/// `kafka.on_dead_letter_failure`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum DeadLetterFailurePolicy {
    /// Stop the daemon with a fatal error naming the input.
    #[default]
    Stop,
    /// Log, count and move on.
    Skip,
}

/// The producer's `message.max.bytes` unless configured: room for the output of the largest
/// accepted article (`limits.max_article_bytes` × [`OUTPUT_GROWTH`]). librdkafka's own default
/// (1,000,000) is below the output of a 1 MiB article. Outputs above what the broker or topic
/// accepts (`max.message.bytes`) are dead-lettered as `output_too_large`.
pub const DEFAULT_PRODUCER_MESSAGE_MAX_BYTES: usize = 3_000_000;

/// Largest ratio of output to input size: the output echoes the article and adds entities,
/// quotes and offsets (1.5–2.2× measured on news; 2.5 leaves a margin).
pub const OUTPUT_GROWTH: f64 = 2.5;

impl KafkaConfig {
    /// The producer's `message.max.bytes` (verbatim's default when not set).
    pub fn producer_max_message_bytes(&self) -> usize {
        self.producer
            .get("message.max.bytes")
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(DEFAULT_PRODUCER_MESSAGE_MAX_BYTES)
    }
}

impl Default for KafkaConfig {
    fn default() -> Self {
        Self {
            brokers: "127.0.0.1:9092".into(),
            group_id: "verbatim".into(),
            input_topic: "articles".into(),
            output_topic: "articles.enriched".into(),
            dlq_topic: "articles.dlq".into(),
            client_id: "verbatim".into(),
            transactional_id: String::new(),
            commit_interval_ms: 1000,
            consumer: BTreeMap::new(),
            producer: BTreeMap::new(),
            on_dead_letter_failure: DeadLetterFailurePolicy::Stop,
        }
    }
}

/// Metrics and health endpoint.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct HttpConfig {
    /// Address of `/metrics`, `/healthz`, `/readyz`, e.g. `0.0.0.0:9464`.
    pub listen: String,
}

impl Default for HttpConfig {
    fn default() -> Self {
        Self {
            listen: "127.0.0.1:9464".into(),
        }
    }
}

/// Input limits.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct LimitsConfig {
    /// Largest accepted message value in bytes; larger inputs are dead-lettered as `too_large`.
    pub max_article_bytes: usize,
    /// Most tokens (words, marks, elisions) an article may have, all text fields together;
    /// more are dead-lettered as `too_many_tokens` before the NER and the parser run, whose work
    /// and memory grow with the token count. 25,000 tokens is about 125 KB of prose (20,000
    /// words, three times a long feature) and about 2 s of one core with the syntax on (measured:
    /// ~12,000 tokens/s, release build); 0 turns the limit off.
    pub max_tokens: usize,
}

impl Default for LimitsConfig {
    fn default() -> Self {
        Self {
            max_article_bytes: 1 << 20,
            max_tokens: 25_000,
        }
    }
}

/// Processing.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct PipelineConfig {
    /// Enrichment worker threads; 0 = one per CPU core.
    pub concurrency: usize,
    /// Most messages consumed but not yet acknowledged at once (back-pressure bound).
    pub max_in_flight: usize,
    /// Most input bytes (payload + key) consumed but not yet acknowledged at once: bounds memory
    /// by size as `max_in_flight` does by count (a message held in flight costs about three
    /// times its size with its output). A single message larger than this still goes, alone.
    pub max_in_flight_bytes: usize,
    /// Seconds to finish in-flight work on shutdown before abandoning it (uncommitted, so re-read later).
    pub drain_timeout_secs: u64,
    /// Longest time one article may take from hand-off to the workers to its result; past it the
    /// input is dead-lettered with reason `timeout` (the stuck worker's late result is discarded).
    pub article_timeout_ms: u64,
    /// When false, articles pass through without enrichment (a Kafka-only ceiling for benchmarks).
    pub enrich: bool,
    /// `at-least-once` (default) or `exactly-once` (transactions; brokers must be Kafka ≥ 2.5).
    pub delivery: Delivery,
    /// Exactly-once: most messages per transaction.
    pub transaction_max_messages: usize,
    /// Exactly-once: longest wait, in milliseconds, to fill a transaction before committing it.
    pub transaction_interval_ms: u64,
}

/// Delivery guarantee of the daemon.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Delivery {
    /// Commit input offsets after the outputs are acknowledged; duplicates possible after a crash.
    AtLeastOnce,
    /// Outputs and input offsets in one Kafka transaction per batch; readers use read_committed.
    ExactlyOnce,
}

impl Default for PipelineConfig {
    fn default() -> Self {
        Self {
            concurrency: 0,
            max_in_flight: 512,
            max_in_flight_bytes: 64 << 20,
            drain_timeout_secs: 30,
            article_timeout_ms: 10_000,
            enrich: true,
            delivery: Delivery::AtLeastOnce,
            transaction_max_messages: 200,
            transaction_interval_ms: 100,
        }
    }
}

impl PipelineConfig {
    /// Worker count after resolving 0 to the number of cores.
    pub fn workers(&self) -> usize {
        if self.concurrency == 0 {
            std::thread::available_parallelism().map_or(2, |n| n.get())
        } else {
            self.concurrency
        }
    }
}

/// Language models.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct NlpConfig {
    /// Run the pipelines' syntax (tagger or morphologizer, parser, attribute ruler, lemmatizer)
    /// on every article; attribution reads the parse. false = NER only (faster; attribution
    /// falls back on its word rules).
    pub syntax: bool,
    /// Pipeline directory per language (ISO 639-1), as `scripts/models` unpacks them.
    pub models: BTreeMap<String, PathBuf>,
}

impl Default for NlpConfig {
    fn default() -> Self {
        let mut models = BTreeMap::new();
        models.insert("fr".into(), PathBuf::from("models/fr_core_news_md"));
        models.insert("en".into(), PathBuf::from("models/en_core_web_sm"));
        Self {
            syntax: true,
            models,
        }
    }
}

/// Knowledge base the entities are linked to (`kb_id`): the built-in places and the newsroom's
/// own files. The daemon reloads them on SIGHUP and when a file changes.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct KbConfig {
    /// Built-in places KB written by `scripts/kb`; empty to link to the newsroom's files only.
    pub places: PathBuf,
    /// The newsroom's KB files: TSV (`id type name aliases`, aliases separated by `|`) or JSON
    /// lines (`.jsonl`). Their entries win over the built-in ones. A string is read as a
    /// comma-separated list (`VERBATIM__KB__FILES=a.tsv,b.jsonl`).
    #[serde(deserialize_with = "paths_or_list")]
    #[schemars(with = "PathsOrList")]
    pub files: Vec<PathBuf>,
    /// How often, in milliseconds, the daemon looks for changed KB files; 0 = on SIGHUP only.
    pub watch_interval_ms: u64,
}

/// A list of paths, or one string of comma-separated paths (as an environment variable gives).
#[derive(Deserialize, JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)] // read by serde and schemars only
enum PathsOrList {
    List(Vec<PathBuf>),
    Joined(String),
}

fn paths_or_list<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<PathBuf>, D::Error> {
    Ok(match PathsOrList::deserialize(d)? {
        PathsOrList::List(l) => l,
        PathsOrList::Joined(s) => s
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
            .collect(),
    })
}

impl Default for KbConfig {
    fn default() -> Self {
        Self {
            places: PathBuf::from("models/kb/places.tsv"),
            files: Vec::new(),
            watch_interval_ms: 2_000,
        }
    }
}

/// Optional parts of the output message.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct OutputConfig {
    /// Add `tokens` (per token: field, text, offsets, POS, lemma, head, dependency) to every
    /// output message; needs `nlp.syntax`.
    pub tokens: bool,
    /// Input headers forwarded to the output message and W3C trace context.
    pub headers: crate::pipeline::headers::HeadersConfig,
}

/// Log output format.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable lines, for a terminal.
    Pretty,
    /// One JSON object per line, for log shippers.
    Json,
}

/// Logging.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct LogConfig {
    /// `pretty` (human) or `json` (one object per line).
    pub format: LogFormat,
    /// `tracing` filter, e.g. `info` or `verbatim=debug,rdkafka=warn`.
    pub level: String,
}

impl Default for LogConfig {
    fn default() -> Self {
        Self {
            format: LogFormat::Pretty,
            level: "info".into(),
        }
    }
}

/// Environment variable prefix; `VERBATIM__KAFKA__BROKERS` sets `kafka.brokers`.
pub const ENV_PREFIX: &str = "VERBATIM__";

impl Config {
    /// Load from an optional file and the process environment, then validate.
    pub fn load(path: Option<&Path>) -> Result<Config, ConfigError> {
        Self::load_with_env(path, std::env::vars())
    }

    /// Load from an optional file and the given environment, then validate.
    pub fn load_with_env(
        path: Option<&Path>,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Config, ConfigError> {
        let mut origins = Origins::default();
        let mut root = match path {
            Some(p) => {
                let text = std::fs::read_to_string(p).map_err(|error| ConfigError::Read {
                    path: p.to_path_buf(),
                    error,
                })?;
                let mut table = text
                    .parse::<toml::Table>()
                    .map_err(|e| ConfigError::Syntax {
                        path: p.to_path_buf(),
                        message: e.to_string(),
                    })?;
                origins.record_file(&table, p);
                resolve_relative_paths(&mut table, p);
                table
            }
            None => toml::Table::new(),
        };
        let mut vars: Vec<(String, String)> = env
            .into_iter()
            .filter(|(k, _)| k.starts_with(ENV_PREFIX))
            .collect();
        vars.sort();
        let defaults = toml::Table::try_from(Config::default()).unwrap_or_default();
        for (var, value) in vars {
            let key = apply_env(&mut root, &defaults, &var, &value)?;
            origins.record_env(key, &var, &value);
        }
        let de = toml::Value::Table(root);
        let mut cfg: Config = serde_path_to_error::deserialize(de).map_err(|e| {
            let key = e.path().to_string();
            origins.annotate(key_err(&key, e.into_inner().to_string()))
        })?;
        cfg.validate().map_err(|e| origins.annotate(e))?;
        cfg.origins = origins;
        Ok(cfg)
    }

    /// An error about `key` that says where its value was set.
    pub fn key_error(&self, key: &str, message: impl Into<String>) -> ConfigError {
        self.origins.annotate(key_err(key, message))
    }

    /// JSON Schema of the config file (`verbatim schema --config`), for editors and CI checks.
    pub fn json_schema() -> String {
        let schema = schemars::schema_for!(Config);
        serde_json::to_string_pretty(&schema).unwrap_or_default()
    }

    /// The effective config as TOML with secrets replaced by `***`.
    pub fn redacted_toml(&self) -> String {
        let mut c = self.clone();
        for props in [&mut c.kafka.consumer, &mut c.kafka.producer] {
            for (k, v) in props.iter_mut() {
                if is_secret(k) {
                    *v = "***".into();
                }
            }
        }
        toml::to_string_pretty(&c).unwrap_or_else(|e| format!("# cannot render config: {e}"))
    }
}

/// librdkafka properties verbatim sets itself because its guarantees depend on them.
pub const MANAGED_PROPS: &[&str] = &[
    "transactional.id",
    "isolation.level",
    "enable.auto.commit",
    "enable.auto.offset.store",
    "enable.idempotence",
    "group.id",
    "bootstrap.servers",
];

/// Whether a librdkafka property holds a secret (never logged or printed).
pub fn is_secret(key: &str) -> bool {
    let k = key.to_ascii_lowercase();
    // Broad on purpose: a mistyped secret property ("sasl.passwd") is a secret too.
    [
        "pass",
        "pwd",
        "secret",
        "token",
        "key",
        "jaas",
        "extensions",
        "credential",
        "sasl.oauthbearer.config",
    ]
    .iter()
    .any(|s| k.contains(s))
}

#[cfg(test)]
mod tests;
