//! Fault injection with librdkafka's in-process mock cluster (fast; the real-broker tests are in
//! daemon_kafka.rs): broker down and up, request errors, latency. The daemon runs in-process so
//! its readiness can be read directly.

use rdkafka::config::ClientConfig;
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::message::Message;
use rdkafka::mocking::MockCluster;
use rdkafka::producer::{FutureProducer, FutureRecord};
use rdkafka::types::{RDKafkaApiKey, RDKafkaRespErr};
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};
use verbatim::config::Config;
use verbatim::enrich::{Enricher, EnricherConfig};
use verbatim::Health;
use verbatim::Metrics;

fn article(i: usize) -> String {
    serde_json::json!({"id": format!("m{i}"), "lang": "fr",
        "body": format!("Le ministre Paul Martin a parlé à Lille le jour {i}. « Nous tiendrons nos engagements », a-t-il dit.")})
    .to_string()
}

async fn produce(brokers: &str, topic: &str, range: std::ops::Range<usize>) {
    let p: FutureProducer = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .set("message.timeout.ms", "60000")
        .create()
        .unwrap();
    for i in range {
        let body = article(i);
        let key = format!("m{i}");
        p.send(
            FutureRecord::to(topic).key(&key).payload(&body),
            Duration::from_secs(30),
        )
        .await
        .map_err(|(e, _)| e)
        .expect("produce");
    }
}

static READERS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// A `read_committed` consumer (librdkafka's default, written out) of `topic` from its start, in
/// a group of its own.
fn reader(brokers: &str, topic: &str) -> BaseConsumer {
    let c: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .set(
            "group.id",
            format!(
                "reader-{}",
                READERS.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            ),
        )
        .set("auto.offset.reset", "earliest")
        .set("enable.auto.commit", "false")
        .set("isolation.level", "read_committed")
        .create()
        .unwrap();
    c.subscribe(&[topic]).unwrap();
    c
}

/// Read the output topic until `n` distinct ids arrived; returns id → count.
async fn collect(
    brokers: &str,
    topic: &str,
    n: usize,
    timeout: Duration,
) -> BTreeMap<String, usize> {
    let c = reader(brokers, topic);
    let mut seen = BTreeMap::new();
    let start = Instant::now();
    while seen.len() < n && start.elapsed() < timeout {
        match c.poll(Duration::from_millis(100)) {
            Some(Ok(m)) => {
                let id = String::from_utf8_lossy(m.key().unwrap_or_default()).into_owned();
                *seen.entry(id).or_insert(0) += 1;
            }
            _ => tokio::time::sleep(Duration::from_millis(10)).await,
        }
    }
    seen
}

async fn wait_for(timeout: Duration, mut f: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < timeout {
        if f() {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    f()
}

/// A one-broker mock cluster with topics in/out/dlq (2 partitions) and a daemon config for it.
fn mock_setup() -> (
    MockCluster<'static, rdkafka::producer::DefaultProducerContext>,
    String,
    Config,
) {
    let mock = MockCluster::new(1).unwrap();
    let brokers = mock.bootstrap_servers();
    for t in ["in", "out", "dlq"] {
        mock.create_topic(t, 2, 1).unwrap();
    }
    let mut cfg = Config::default();
    cfg.kafka.brokers = brokers.clone();
    cfg.kafka.input_topic = "in".into();
    cfg.kafka.output_topic = "out".into();
    cfg.kafka.dlq_topic = "dlq".into();
    (mock, brokers, cfg)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn broker_down_and_up_request_errors_and_latency_lose_nothing() {
    let (mock, brokers, mut cfg) = mock_setup();
    cfg.kafka.commit_interval_ms = 100;
    cfg.kafka
        .producer
        .insert("message.timeout.ms".into(), "5000".into());
    let enricher = Arc::new(Enricher::new(EnricherConfig::default()).unwrap());
    let metrics = Arc::new(Metrics::new());
    let health = Arc::new(Health::default());
    let (stop, stop_rx) = tokio::sync::watch::channel(false);
    let daemon = {
        let (cfg, m, h) = (cfg.clone(), metrics.clone(), health.clone());
        tokio::spawn(async move { verbatim::pipeline::run(&cfg, enricher, m, h, stop_rx).await })
    };

    produce(&brokers, "in", 0..30).await;
    assert_eq!(
        collect(&brokers, "out", 30, Duration::from_secs(60))
            .await
            .len(),
        30
    );
    assert!(
        wait_for(Duration::from_secs(30), || health
            .not_ready_reason()
            .is_none())
        .await
    );

    // Produce requests fail a few times with retriable errors, and the broker is slow.
    mock.request_errors(
        RDKafkaApiKey::Produce,
        &[RDKafkaRespErr::RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION; 4],
    );
    mock.broker_round_trip_time(1, Duration::from_millis(300))
        .unwrap();
    produce(&brokers, "in", 30..50).await;
    assert_eq!(
        collect(&brokers, "out", 50, Duration::from_secs(60))
            .await
            .len(),
        50
    );
    mock.broker_round_trip_time(1, Duration::ZERO).unwrap();

    // The broker goes away: the daemon stays up and reports not ready.
    mock.broker_down(1).unwrap();
    let went_unready = wait_for(Duration::from_secs(40), || {
        health.not_ready_reason() == Some("broker unreachable")
    })
    .await;
    assert!(
        went_unready,
        "readiness while down: {:?}",
        health.not_ready_reason()
    );
    assert!(!daemon.is_finished(), "the daemon survives a broker outage");
    mock.broker_up(1).unwrap();
    produce(&brokers, "in", 50..80).await;
    let seen = collect(&brokers, "out", 80, Duration::from_secs(90)).await;
    assert_eq!(seen.len(), 80, "nothing lost across the outage");
    let dups: usize = seen.values().map(|c| c - 1).sum();
    eprintln!(
        "mock faults: sent 80, received {} distinct, {dups} duplicates",
        seen.len()
    );
    assert!(
        wait_for(Duration::from_secs(40), || health
            .not_ready_reason()
            .is_none())
        .await,
        "ready again: {:?}",
        health.not_ready_reason()
    );

    stop.send(true).unwrap();
    let summary = tokio::time::timeout(Duration::from_secs(60), daemon)
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    assert_eq!(summary.abandoned, 0);
    assert!(
        metrics
            .render()
            .contains("verbatim_messages_produced_total 80"),
        "each output acknowledged once"
    );
}

/// Reads `out` from the start as a `read_committed` reader of its own group until `n` records
/// came (or 60 s passed), lingers 2 s for records that should not come, and counts the records
/// per key.
async fn read_committed_keys(brokers: &str, n: usize) -> BTreeMap<String, usize> {
    let c = reader(brokers, "out");
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut count = |m: &rdkafka::message::BorrowedMessage<'_>| {
        *seen
            .entry(String::from_utf8_lossy(m.key().unwrap_or_default()).into_owned())
            .or_insert(0) += 1;
    };
    let start = Instant::now();
    let mut got = 0;
    while got < n && start.elapsed() < Duration::from_secs(60) {
        match c.poll(Duration::from_millis(100)) {
            Some(Ok(m)) => {
                count(&m);
                got += 1;
            }
            _ => tokio::time::sleep(Duration::from_millis(10)).await,
        }
    }
    // Linger a little: nothing more may arrive (no duplicates).
    let until = Instant::now() + Duration::from_secs(2);
    while Instant::now() < until {
        if let Some(Ok(m)) = c.poll(Duration::from_millis(100)) {
            count(&m);
        }
    }
    seen
}

/// Exactly-once mode on the mock cluster: transactional outputs with the input offsets in the
/// same transactions; an offset commit rejected as from a stale generation makes the transaction
/// abort and retry. The mock does not hide aborted records, so the only duplicates allowed are
/// those of the aborted transaction.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exactly_once_transactions_commit_outputs_and_offsets_together() {
    let (mock, brokers, mut cfg) = mock_setup();
    cfg.kafka.group_id = "eos".into();
    cfg.kafka.transactional_id = "verbatim-eos-test".into();
    cfg.pipeline.delivery = verbatim::config::Delivery::ExactlyOnce;
    cfg.pipeline.transaction_max_messages = 7;
    let enricher = Arc::new(Enricher::new(EnricherConfig::default()).unwrap());
    let metrics = Arc::new(Metrics::new());
    let health = Arc::new(Health::default());
    let (stop, stop_rx) = tokio::sync::watch::channel(false);
    let daemon = {
        let (cfg, m, h) = (cfg.clone(), metrics.clone(), health.clone());
        tokio::spawn(async move { verbatim::pipeline::run(&cfg, enricher, m, h, stop_rx).await })
    };
    produce(&brokers, "in", 0..20).await;
    let seen = read_committed_keys(&brokers, 20).await;
    assert_eq!(seen.len(), 20, "every input once: {seen:?}");
    assert!(seen.values().all(|&c| c == 1), "no duplicates: {seen:?}");

    // The group coordinator rejects one offset commit as from a stale generation (abortable):
    // the transaction is aborted and retried, and readers still see each output once.
    mock.request_errors(
        RDKafkaApiKey::TxnOffsetCommit,
        &[RDKafkaRespErr::RD_KAFKA_RESP_ERR_ILLEGAL_GENERATION],
    );
    produce(&brokers, "in", 20..40).await;
    let seen = read_committed_keys(&brokers, 40).await;
    assert_eq!(seen.len(), 40, "every input: {}", seen.len());
    let dups: usize = seen.values().map(|c| c - 1).sum();
    let text = metrics.render();
    let aborted: usize = text
        .lines()
        .find(|l| l.starts_with("verbatim_transactions_total{result=\"aborted\"}"))
        .and_then(|l| l.rsplit(' ').next()?.parse().ok())
        .unwrap_or(0);
    eprintln!("exactly-once (mock): sent 40, distinct {}, duplicates {dups}, aborted transactions {aborted}", seen.len());
    // The mock cluster, like tansu, does not hide aborted records from read_committed readers
    // (a Kafka >= 2.5 broker does): the only extra records allowed are those of the aborted
    // transactions, at most transaction_max_messages each.
    assert!(
        aborted >= 1,
        "the injected error went through abort and retry"
    );
    assert!(
        dups <= 7 * aborted,
        "duplicates {dups} come only from {aborted} aborted transaction(s)"
    );

    // (The committed offsets themselves are checked against the real broker in
    // tests/daemon_kafka.rs: the mock cluster accepts TxnOffsetCommit but, as observed here,
    // does not return those offsets from OffsetFetch.)
    assert!(
        !text.contains("verbatim_transactions_total{result=\"committed\"} 0"),
        "{text}"
    );
    stop.send(true).unwrap();
    tokio::time::timeout(Duration::from_secs(60), daemon)
        .await
        .unwrap()
        .unwrap()
        .unwrap();
}
