//! Kafka clients: configuration, and the consumer context that reacts to rebalances, commits,
//! statistics and client errors.

use super::lag::LagGuard;
use super::offsets::OffsetTracker;
use crate::config::KafkaConfig;
use crate::http::Health;
use crate::metrics::Metrics;
use rdkafka::client::ClientContext;
use rdkafka::config::ClientConfig;
use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer, ConsumerContext, Rebalance};
use rdkafka::error::{KafkaError, KafkaResult};
use rdkafka::statistics::Statistics;
use rdkafka::{Offset, TopicPartitionList};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use tracing::{info, warn};

/// Shared by the consumer callbacks and the pipeline tasks.
pub struct Ctx {
    pub metrics: Arc<Metrics>,
    pub health: Arc<Health>,
    pub tracker: Arc<Mutex<OffsetTracker>>,
    pub input_topic: String,
    /// At-least-once commits the revoked partitions' watermarks; exactly-once commits offsets
    /// only inside transactions.
    pub commit_on_revoke: bool,
    /// Orders lag writes of the probe against rebalances (see [`super::lag`]).
    pub lag_guard: LagGuard,
}

impl ClientContext for Ctx {
    fn stats(&self, stats: Statistics) {
        if stats.brokers.values().any(|b| b.state == "UP") {
            self.health.broker_seen();
        }
    }

    fn error(&self, error: KafkaError, reason: &str) {
        self.metrics
            .kafka_errors
            .with_label_values(&["consumer"])
            .inc();
        crate::telemetry::kafka_client_error("consumer", &error, reason);
    }

    fn log(&self, level: rdkafka::config::RDKafkaLogLevel, fac: &str, log_message: &str) {
        crate::telemetry::kafka_client_log("consumer", level, fac, log_message);
    }
}

/// The producer's callbacks: its client errors are counted and logged like the consumer's,
/// and a fatal one marks the producer failing at once (the lanes rebuild it).
#[derive(Clone)]
pub struct ProducerCtx {
    pub metrics: Arc<Metrics>,
    pub health: Arc<Health>,
}

impl ClientContext for ProducerCtx {
    fn error(&self, error: KafkaError, reason: &str) {
        self.metrics
            .kafka_errors
            .with_label_values(&["producer"])
            .inc();
        if matches!(
            error.rdkafka_error_code(),
            Some(rdkafka::error::RDKafkaErrorCode::Fatal)
        ) {
            self.health.producer_ok.store(false, Ordering::Relaxed);
        }
        crate::telemetry::kafka_client_error("producer", &error, reason);
    }

    fn log(&self, level: rdkafka::config::RDKafkaLogLevel, fac: &str, log_message: &str) {
        crate::telemetry::kafka_client_log("producer", level, fac, log_message);
    }
}

impl ConsumerContext for Ctx {
    fn pre_rebalance(&self, consumer: &BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        match rebalance {
            Rebalance::Revoke(tpl) => {
                self.metrics
                    .consumer
                    .rebalances
                    .with_label_values(&["revoke"])
                    .inc();
                let mut commit = TopicPartitionList::new();
                {
                    let mut tracker = self.tracker.lock().unwrap_or_else(|e| e.into_inner());
                    for el in tpl.elements() {
                        if let Some(off) = tracker.revoke(el.partition()) {
                            let _ = commit.add_partition_offset(
                                el.topic(),
                                el.partition(),
                                Offset::Offset(off),
                            );
                        }
                    }
                }
                self.lag_guard.rebalanced(
                    &self.metrics.consumer.lag,
                    &self.input_topic,
                    &partitions(tpl),
                );
                self.health.assignment_lost.store(true, Ordering::Relaxed);
                // Commit what is done for the partitions we lose, before the next owner reads them.
                if commit.count() > 0 && self.commit_on_revoke {
                    match consumer.commit(&commit, CommitMode::Sync) {
                        Ok(()) => {
                            self.metrics
                                .consumer
                                .commits
                                .with_label_values(&["ok"])
                                .inc();
                        }
                        Err(e) => {
                            self.metrics
                                .consumer
                                .commits
                                .with_label_values(&["error"])
                                .inc();
                            warn!(error = %e, "commit on revocation failed; the next owner will re-read those messages");
                        }
                    }
                }
                info!(partitions = ?partitions(tpl), "partitions revoked");
                self.metrics.consumer.assigned_partitions.set(0);
            }
            Rebalance::Assign(tpl) => {
                self.metrics
                    .consumer
                    .rebalances
                    .with_label_values(&["assign"])
                    .inc();
                let mut tracker = self.tracker.lock().unwrap_or_else(|e| e.into_inner());
                for el in tpl.elements() {
                    tracker.assign(el.partition());
                }
                self.metrics
                    .consumer
                    .assigned_partitions
                    .set(tpl.count() as i64);
                self.lag_guard
                    .rebalanced(&self.metrics.consumer.lag, &self.input_topic, &[]);
                self.health.group_joined.store(true, Ordering::Relaxed);
                self.health.assignment_lost.store(false, Ordering::Relaxed);
                info!(partitions = ?partitions(tpl), "partitions assigned");
            }
            Rebalance::Error(e) => warn!(error = %e, "rebalance error"),
        }
    }

    fn commit_callback(&self, result: KafkaResult<()>, _offsets: &TopicPartitionList) {
        if let Err(e) = result {
            warn!(error = %e, "offset commit failed");
        }
    }
}

fn partitions(tpl: &TopicPartitionList) -> Vec<i32> {
    tpl.elements().iter().map(|e| e.partition()).collect()
}

/// A Kafka error as shown to people: a client-config error names the property and its value,
/// except when the property holds (or looks like it holds) a secret, whose value is never shown.
pub fn describe(e: &KafkaError) -> String {
    match e {
        KafkaError::ClientConfig(_, desc, key, value) => {
            if crate::config::is_secret(key) {
                let desc = if value.is_empty() {
                    desc.clone()
                } else {
                    desc.replace(value.as_str(), "***")
                };
                format!("{desc} (property {key:?} = ***)")
            } else {
                format!("{desc} (property {key:?} = {value:?})")
            }
        }
        other => other.to_string(),
    }
}

/// Build both clients' configurations without connecting: librdkafka rejects unknown
/// properties and invalid values here, as `run` would. Errors are redacted ([`describe`]).
pub fn check_properties(k: &KafkaConfig) -> Result<(), String> {
    use rdkafka::consumer::BaseConsumer;
    use rdkafka::producer::BaseProducer;
    consumer_config(k)
        .create::<BaseConsumer>()
        .map_err(|e| format!("kafka.consumer: {}", describe(&e)))?;
    producer_config(k)
        .create::<BaseProducer>()
        .map_err(|e| format!("kafka.producer: {}", describe(&e)))?;
    Ok(())
}

/// Consumer properties: verbatim's managed settings, then the user's extra properties.
pub fn consumer_config(k: &KafkaConfig) -> ClientConfig {
    let mut c = ClientConfig::new();
    c.set("bootstrap.servers", &k.brokers)
        .set("group.id", &k.group_id)
        .set("client.id", &k.client_id)
        .set("enable.auto.commit", "false")
        .set("enable.auto.offset.store", "false")
        .set("auto.offset.reset", "earliest")
        .set("enable.partition.eof", "false")
        .set("statistics.interval.ms", "5000");
    for (key, v) in &k.consumer {
        c.set(key, v);
    }
    c
}

/// The transactional id: configured, else `verbatim-<group>-<hostname>`.
pub fn transactional_id(k: &KafkaConfig) -> String {
    if !k.transactional_id.is_empty() {
        return k.transactional_id.clone();
    }
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|h| h.trim().to_string())
        .unwrap_or_else(|_| "localhost".into());
    format!("verbatim-{}-{host}", k.group_id)
}

/// Producer properties: idempotent (no duplicates or reordering from retries), then the user's.
pub fn producer_config(k: &KafkaConfig) -> ClientConfig {
    let mut c = ClientConfig::new();
    c.set("bootstrap.servers", &k.brokers)
        .set("client.id", &k.client_id)
        .set("enable.idempotence", "true")
        .set("linger.ms", "5")
        .set(
            "message.max.bytes",
            crate::config::DEFAULT_PRODUCER_MESSAGE_MAX_BYTES.to_string(),
        );
    for (key, v) in &k.producer {
        c.set(key, v);
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use rdkafka::consumer::BaseConsumer;
    use rdkafka::producer::BaseProducer;

    #[test]
    fn secrets_never_appear_in_client_errors() {
        for (key, value) in [
            ("sasl.passwd", "hunter2-planted"),
            ("sasl.password", "hunter2-planted"),
            ("ssl.key.password", "hunter2-planted"),
            ("sasl.oauthbearer.client.secret", "hunter2-planted"),
        ] {
            let mut k = KafkaConfig::default();
            k.producer.insert(key.into(), value.into());
            k.producer.insert("no.such.property".into(), "x".into());
            let shown = check_properties(&k).err().unwrap_or_default();
            assert!(!shown.contains("hunter2"), "{key}: {shown}");
        }
        let mut k = KafkaConfig::default();
        k.consumer
            .insert("sasl.passwd".into(), "hunter2-planted".into());
        let shown = check_properties(&k).unwrap_err();
        assert!(
            shown.contains("sasl.passwd") && !shown.contains("hunter2"),
            "{shown}"
        );
        let mut k = KafkaConfig::default();
        k.consumer.insert("fetch.wait.max.ms".into(), "soon".into());
        let shown = check_properties(&k).unwrap_err();
        assert!(
            shown.contains("fetch.wait.max.ms") && shown.contains("soon"),
            "{shown}"
        );
    }

    /// TLS and SASL (PLAIN, SCRAM) are compiled in: librdkafka accepts the properties.
    #[test]
    fn tls_and_sasl_properties_are_supported() {
        for mech in ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] {
            let mut k = KafkaConfig::default();
            for props in [&mut k.consumer, &mut k.producer] {
                props.insert("security.protocol".into(), "SASL_SSL".into());
                props.insert("sasl.mechanisms".into(), mech.into());
                props.insert("sasl.username".into(), "u".into());
                props.insert("sasl.password".into(), "p".into());
            }
            let c: Result<BaseConsumer, _> = consumer_config(&k).create();
            assert!(c.is_ok(), "{mech}: {:?}", c.err());
            let p: Result<BaseProducer, _> = producer_config(&k).create();
            assert!(p.is_ok(), "{mech}: {:?}", p.err());
        }
    }
}
