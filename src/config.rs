//! Typed configuration: defaults (here, in one place) ← TOML file ← `VERBATIM__SECTION__KEY`
//! environment variables. Validated at start-up; errors name the key and the bad value.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

/// Errors of configuration loading. Each names the key or file and the offending value.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file {path:?}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("config file {path:?} is not valid TOML: {message}")]
    Syntax { path: PathBuf, message: String },
    #[error("config key `{key}`: {message}")]
    Key { key: String, message: String },
    #[error("environment variable {var}: {message}")]
    Env { var: String, message: String },
}

fn key_err(key: &str, message: impl Into<String>) -> ConfigError {
    ConfigError::Key {
        key: key.to_string(),
        message: message.into(),
    }
}

/// The whole configuration of the daemon.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub kafka: KafkaConfig,
    pub http: HttpConfig,
    pub limits: LimitsConfig,
    pub pipeline: PipelineConfig,
    pub nlp: NlpConfig,
    pub kb: KbConfig,
    pub output: OutputConfig,
    pub telemetry: crate::otlp::TelemetryConfig,
    pub log: LogConfig,
}

/// Kafka connection and topics.
#[derive(Clone, Debug, Deserialize, Serialize)]
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
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
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
#[derive(Clone, Debug, Deserialize, Serialize)]
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
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct LimitsConfig {
    /// Largest accepted message value in bytes; larger inputs are dead-lettered as `too_large`.
    pub max_article_bytes: usize,
    /// Most tokens (words, marks, elisions) an article may have, all text fields together;
    /// more are dead-lettered as `too_many_tokens` before the NER and the parser run, whose work
    /// and memory grow with the token count. 100,000 tokens is about 500 KB of prose, several
    /// times the longest news article; 0 turns the limit off.
    pub max_tokens: usize,
}

impl Default for LimitsConfig {
    fn default() -> Self {
        Self {
            max_article_bytes: 1 << 20,
            max_tokens: 100_000,
        }
    }
}

/// Processing.
#[derive(Clone, Debug, Deserialize, Serialize)]
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
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
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

/// Most permits a tokio semaphore holds.
const MAX_PERMITS: usize = usize::MAX >> 4;

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
#[derive(Clone, Debug, Deserialize, Serialize)]
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
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct KbConfig {
    /// Built-in places KB written by `scripts/kb`; empty to link to the newsroom's files only.
    pub places: PathBuf,
    /// The newsroom's KB files: TSV (`id type name aliases`, aliases separated by `|`) or JSON
    /// lines (`.jsonl`). Their entries win over the built-in ones. A string is read as a
    /// comma-separated list (`VERBATIM__KB__FILES=a.tsv,b.jsonl`).
    #[serde(deserialize_with = "paths_or_list")]
    pub files: Vec<PathBuf>,
    /// How often, in milliseconds, the daemon looks for changed KB files; 0 = on SIGHUP only.
    pub watch_interval_ms: u64,
}

/// A list of paths, or one string of comma-separated paths (as an environment variable gives).
fn paths_or_list<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<PathBuf>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Paths {
        List(Vec<PathBuf>),
        Joined(String),
    }
    Ok(match Paths::deserialize(d)? {
        Paths::List(l) => l,
        Paths::Joined(s) => s
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
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct OutputConfig {
    /// Add `tokens` (per token: field, text, offsets, POS, lemma, head, dependency) to every
    /// output message; needs `nlp.syntax`.
    pub tokens: bool,
    /// Input headers forwarded to the output message and W3C trace context.
    pub headers: crate::pipeline::headers::HeadersConfig,
}

/// Log output format.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Pretty,
    Json,
}

/// Logging.
#[derive(Clone, Debug, Deserialize, Serialize)]
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
        let mut root = match path {
            Some(p) => {
                let text = std::fs::read_to_string(p).map_err(|source| ConfigError::Read {
                    path: p.to_path_buf(),
                    source,
                })?;
                text.parse::<toml::Table>()
                    .map_err(|e| ConfigError::Syntax {
                        path: p.to_path_buf(),
                        message: e.to_string(),
                    })?
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
            apply_env(&mut root, &defaults, &var, &value)?;
        }
        let de = toml::Value::Table(root);
        let cfg: Config = serde_path_to_error::deserialize(de).map_err(|e| {
            let key = e.path().to_string();
            key_err(&key, e.into_inner().to_string())
        })?;
        cfg.validate()?;
        Ok(cfg)
    }

    /// Check values serde cannot: addresses, non-empty names, ranges, distinct topics.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let k = &self.kafka;
        for (key, v) in [
            ("kafka.brokers", &k.brokers),
            ("kafka.group_id", &k.group_id),
            ("kafka.input_topic", &k.input_topic),
            ("kafka.output_topic", &k.output_topic),
            ("kafka.dlq_topic", &k.dlq_topic),
        ] {
            if v.trim().is_empty() {
                return Err(key_err(key, format!("must not be empty (got {v:?})")));
            }
        }
        for b in k.brokers.split(',') {
            let b = b.trim();
            let ok = b
                .rsplit_once(':')
                .is_some_and(|(h, p)| !h.is_empty() && p.parse::<u16>().is_ok());
            if !ok {
                return Err(key_err(
                    "kafka.brokers",
                    format!("{b:?} is not host:port (got {:?})", k.brokers),
                ));
            }
        }
        for (key, topic) in [
            ("kafka.input_topic", &k.input_topic),
            ("kafka.output_topic", &k.output_topic),
            ("kafka.dlq_topic", &k.dlq_topic),
        ] {
            let valid = topic.len() <= 249
                && topic
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
            if !valid {
                return Err(key_err(
                    key,
                    format!("{topic:?} is not a valid Kafka topic name"),
                ));
            }
        }
        if k.output_topic == k.input_topic {
            return Err(key_err(
                "kafka.output_topic",
                format!("{:?} must differ from kafka.input_topic", k.output_topic),
            ));
        }
        if k.dlq_topic == k.input_topic {
            return Err(key_err(
                "kafka.dlq_topic",
                format!("{:?} must differ from kafka.input_topic", k.dlq_topic),
            ));
        }
        if k.commit_interval_ms == 0 {
            return Err(key_err("kafka.commit_interval_ms", "must be > 0 (got 0)"));
        }
        for (section, props) in [
            ("kafka.consumer", &k.consumer),
            ("kafka.producer", &k.producer),
        ] {
            for key in props.keys() {
                if MANAGED_PROPS.contains(&key.as_str()) {
                    return Err(key_err(
                        &format!("{section}.\"{key}\""),
                        "is managed by verbatim (its delivery guarantees depend on it) and cannot be set",
                    ));
                }
            }
        }
        if self.http.listen.parse::<SocketAddr>().is_err() {
            return Err(key_err(
                "http.listen",
                format!(
                    "{:?} is not an address like 127.0.0.1:9464",
                    self.http.listen
                ),
            ));
        }
        if self.limits.max_article_bytes == 0 {
            return Err(key_err("limits.max_article_bytes", "must be > 0 (got 0)"));
        }
        if self.pipeline.max_in_flight == 0 {
            return Err(key_err("pipeline.max_in_flight", "must be > 0 (got 0)"));
        }
        // tokio's semaphore holds at most usize::MAX >> 3 permits.
        if self.pipeline.max_in_flight > MAX_PERMITS {
            return Err(key_err(
                "pipeline.max_in_flight",
                format!(
                    "{} is too large (max {MAX_PERMITS})",
                    self.pipeline.max_in_flight
                ),
            ));
        }
        if self.pipeline.max_in_flight_bytes < self.limits.max_article_bytes
            || self.pipeline.max_in_flight_bytes > MAX_PERMITS
        {
            return Err(key_err(
                "pipeline.max_in_flight_bytes",
                format!(
                    "{} must be at least limits.max_article_bytes ({}) and at most {MAX_PERMITS}",
                    self.pipeline.max_in_flight_bytes, self.limits.max_article_bytes
                ),
            ));
        }
        let need = (self.limits.max_article_bytes as f64 * OUTPUT_GROWTH).ceil() as usize;
        let have = self.kafka.producer_max_message_bytes();
        if have < need {
            return Err(key_err(
                "kafka.producer.\"message.max.bytes\"",
                format!(
                    "{have} is too small for the output of the largest accepted article: \
                     limits.max_article_bytes = {} grows up to {OUTPUT_GROWTH}× when enriched; \
                     raise kafka.producer.\"message.max.bytes\" to at least {need} or lower \
                     limits.max_article_bytes to at most {}",
                    self.limits.max_article_bytes,
                    (have as f64 / OUTPUT_GROWTH) as usize
                ),
            ));
        }
        if self.pipeline.concurrency > 1024 {
            return Err(key_err(
                "pipeline.concurrency",
                format!(
                    "{} is too many threads (max 1024)",
                    self.pipeline.concurrency
                ),
            ));
        }
        if self.pipeline.transaction_max_messages == 0 {
            return Err(key_err(
                "pipeline.transaction_max_messages",
                "must be > 0 (got 0)",
            ));
        }
        if self.pipeline.transaction_interval_ms == 0 {
            return Err(key_err(
                "pipeline.transaction_interval_ms",
                "must be > 0 (got 0)",
            ));
        }
        if self.pipeline.article_timeout_ms == 0 {
            return Err(key_err(
                "pipeline.article_timeout_ms",
                "must be > 0 (got 0)",
            ));
        }
        if self.pipeline.drain_timeout_secs == 0 {
            return Err(key_err(
                "pipeline.drain_timeout_secs",
                "must be > 0 (got 0)",
            ));
        }
        for lang in self.nlp.models.keys() {
            if lang.len() != 2 || !lang.chars().all(|c| c.is_ascii_lowercase()) {
                return Err(key_err(
                    &format!("nlp.models.{lang}"),
                    "language must be an ISO 639-1 code like fr or en",
                ));
            }
        }
        if self.output.tokens && !self.nlp.syntax {
            return Err(key_err(
                "output.tokens",
                "needs nlp.syntax = true (got output.tokens = true, nlp.syntax = false)",
            ));
        }
        self.output
            .headers
            .validate()
            .map_err(|e| key_err("output.headers", e.to_string()))?;
        self.telemetry
            .endpoint()
            .map_err(|e| key_err("telemetry.otlp_endpoint", e.to_string()))?;
        if tracing_subscriber::EnvFilter::try_new(&self.log.level).is_err() {
            return Err(key_err(
                "log.level",
                format!(
                    "{:?} is not a valid filter (e.g. info, verbatim=debug)",
                    self.log.level
                ),
            ));
        }
        Ok(())
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

/// Apply one `VERBATIM__A__B__C=value` variable to the TOML tree. Free-form librdkafka maps take
/// `_` as `.` (`VERBATIM__KAFKA__CONSUMER__SECURITY_PROTOCOL` → `security.protocol`).
fn apply_env(
    root: &mut toml::Table,
    defaults: &toml::Table,
    var: &str,
    value: &str,
) -> Result<(), ConfigError> {
    let path: Vec<String> = var[ENV_PREFIX.len()..]
        .split("__")
        .map(|s| s.to_ascii_lowercase())
        .collect();
    if path.iter().any(|p| p.is_empty()) || path.len() < 2 {
        return Err(ConfigError::Env {
            var: var.to_string(),
            message: "expected VERBATIM__SECTION__KEY".into(),
        });
    }
    let free_form =
        path.len() == 3 && path[0] == "kafka" && (path[1] == "consumer" || path[1] == "producer")
            || path.len() == 3 && path[0] == "nlp" && path[1] == "models";
    let mut table = root;
    for (i, seg) in path.iter().enumerate() {
        let last = i == path.len() - 1;
        if last {
            let (key, val) = if free_form && path[0] == "kafka" {
                (
                    seg.replace('_', "."),
                    toml::Value::String(value.to_string()),
                )
            } else if free_form {
                (seg.clone(), toml::Value::String(value.to_string()))
            } else if default_is_string(defaults, &path) {
                // `VERBATIM__KAFKA__GROUP_ID=123` is the group "123", not a number.
                (seg.clone(), toml::Value::String(value.to_string()))
            } else {
                (seg.clone(), env_value(value))
            };
            table.insert(key, val);
        } else {
            let entry = table
                .entry(seg.clone())
                .or_insert_with(|| toml::Value::Table(toml::Table::new()));
            table = match entry {
                toml::Value::Table(t) => t,
                _ => {
                    return Err(ConfigError::Env {
                        var: var.to_string(),
                        message: format!("`{}` is not a section", path[..=i].join(".")),
                    })
                }
            };
        }
    }
    Ok(())
}

/// An env value is read as a TOML scalar when it parses as one (`42`, `true`), else a string.
/// Whether the key at `path` holds a string in the default config.
fn default_is_string(defaults: &toml::Table, path: &[String]) -> bool {
    let mut t = defaults;
    for (i, seg) in path.iter().enumerate() {
        match t.get(seg) {
            Some(toml::Value::Table(next)) if i + 1 < path.len() => t = next,
            Some(toml::Value::String(_)) => return i + 1 == path.len(),
            _ => return false,
        }
    }
    false
}

fn env_value(v: &str) -> toml::Value {
    if let Ok(i) = v.parse::<i64>() {
        return toml::Value::Integer(i);
    }
    match v {
        "true" => toml::Value::Boolean(true),
        "false" => toml::Value::Boolean(false),
        _ => toml::Value::String(v.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(toml_text: &str, env: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("c.toml");
        std::fs::write(&p, toml_text).unwrap();
        Config::load_with_env(
            Some(&p),
            env.iter().map(|(a, b)| (a.to_string(), b.to_string())),
        )
    }

    #[test]
    fn shipped_config_is_valid_and_equals_defaults() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("config/verbatim.toml");
        let c = Config::load_with_env(Some(&path), []).unwrap();
        let d = Config::default();
        assert_eq!(c.redacted_toml(), d.redacted_toml());
    }

    #[test]
    fn numeric_looking_env_values_stay_strings_for_string_keys() {
        let c = load(
            "",
            &[
                ("VERBATIM__KAFKA__GROUP_ID", "123"),
                ("VERBATIM__KAFKA__CLIENT_ID", "007"),
            ],
        )
        .unwrap();
        assert_eq!(c.kafka.group_id, "123");
        assert_eq!(c.kafka.client_id, "007");
        let c = load("", &[("VERBATIM__PIPELINE__MAX_IN_FLIGHT", "64")]).unwrap();
        assert_eq!(c.pipeline.max_in_flight, 64);
    }

    #[test]
    fn in_flight_limits_and_sizes_are_validated() {
        let e = load(
            "",
            &[("VERBATIM__PIPELINE__MAX_IN_FLIGHT", "18446744073709551615")],
        );
        assert!(e
            .unwrap_err()
            .to_string()
            .contains("pipeline.max_in_flight"));
        let e = load(
            "",
            &[("VERBATIM__KAFKA__PRODUCER__MESSAGE_MAX_BYTES", "1000000")],
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.contains("message.max.bytes") && e.contains("limits.max_article_bytes"),
            "{e}"
        );
        let e = load("", &[("VERBATIM__PIPELINE__MAX_IN_FLIGHT_BYTES", "1000")])
            .unwrap_err()
            .to_string();
        assert!(e.contains("pipeline.max_in_flight_bytes"), "{e}");
        let ok = load(
            "",
            &[
                ("VERBATIM__KAFKA__PRODUCER__MESSAGE_MAX_BYTES", "1000000"),
                ("VERBATIM__LIMITS__MAX_ARTICLE_BYTES", "400000"),
            ],
        );
        assert!(ok.is_ok(), "{:?}", ok.err());
    }

    #[test]
    fn env_overrides() {
        let c = load(
            "[kafka]\nbrokers = \"a:1\"\n",
            &[
                ("VERBATIM__KAFKA__BROKERS", "127.0.0.1:9092"),
                ("VERBATIM__PIPELINE__CONCURRENCY", "3"),
                ("VERBATIM__KAFKA__CONSUMER__SASL_PASSWORD", "hunter2"),
                ("OTHER", "x"),
            ],
        )
        .unwrap();
        assert_eq!(c.kafka.brokers, "127.0.0.1:9092");
        assert_eq!(c.pipeline.concurrency, 3);
        assert_eq!(c.kafka.consumer["sasl.password"], "hunter2");
        let shown = c.redacted_toml();
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(shown.contains("***"));
    }

    #[test]
    fn kb_files_from_a_list_or_a_comma_separated_string() {
        let c = load("[kb]\nfiles = [\"a.tsv\", \"b.jsonl\"]\n", &[]).unwrap();
        assert_eq!(
            c.kb.files,
            [PathBuf::from("a.tsv"), PathBuf::from("b.jsonl")]
        );
        let c = load("", &[("VERBATIM__KB__FILES", "x.tsv, y.tsv")]).unwrap();
        assert_eq!(c.kb.files, [PathBuf::from("x.tsv"), PathBuf::from("y.tsv")]);
        assert!(
            load("[kb]\nfile = []\n", &[]).is_err(),
            "unknown keys are refused"
        );
    }

    #[test]
    fn errors_name_key_and_value() {
        let e = load("[kafka]\nbrokers = \"nope\"\n", &[])
            .unwrap_err()
            .to_string();
        assert!(e.contains("kafka.brokers") && e.contains("nope"), "{e}");
        let e = load("[kafka]\nbrokrs = \"a:1\"\n", &[])
            .unwrap_err()
            .to_string();
        assert!(e.contains("brokrs"), "{e}");
        let e = load("", &[("VERBATIM__PIPELINE__CONCURRENCY", "many")])
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("pipeline.concurrency") && e.contains("many"),
            "{e}"
        );
        let e = load("[http]\nlisten = \"localhost\"\n", &[])
            .unwrap_err()
            .to_string();
        assert!(e.contains("http.listen") && e.contains("localhost"), "{e}");
        let e = load("[log]\nformat = \"xml\"\n", &[])
            .unwrap_err()
            .to_string();
        assert!(e.contains("log.format") && e.contains("xml"), "{e}");
        let e = load("[kafka.consumer]\n\"enable.auto.commit\" = \"true\"\n", &[])
            .unwrap_err()
            .to_string();
        assert!(e.contains("enable.auto.commit"), "{e}");
    }
}
