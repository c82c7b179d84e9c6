//! The daemon: consume → decode + enrich on a worker pool → produce (output or dead letter) →
//! acknowledge → commit the per-partition watermark. At-least-once: an input offset is committed
//! only after its output (or dead letter) is acknowledged by the broker, and only when every
//! earlier offset of its partition is too.
//!
//! Order: results are produced in consumption order, so per-partition order of outputs equals
//! the input order (the idempotent producer keeps it through retries).

pub mod kafka;
pub mod offsets;
pub mod worker;

use crate::config::{Config, Delivery};
use crate::contract::headers as h;
use crate::enrich::Enricher;
use crate::http::Health;
use crate::metrics::Metrics;
use kafka::Ctx;
use offsets::OffsetTracker;
use rdkafka::consumer::{CommitMode, Consumer, StreamConsumer};
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::message::{Header, Headers, Message, OwnedHeaders, OwnedMessage};
use rdkafka::producer::{DeliveryFuture, FutureProducer, FutureRecord, Producer};
use rdkafka::{Offset, TopicPartitionList};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::{mpsc, oneshot, watch, OwnedSemaphorePermit, Semaphore};
use tracing::{debug, error, info, warn};
use worker::{Outcome, WorkerPool, WorkerSettings};

/// Errors that stop the daemon at start-up. Runtime faults are retried, never fatal.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error("cannot create the Kafka {client} for brokers {brokers:?}: {source}")]
    Client {
        client: &'static str,
        brokers: String,
        source: KafkaError,
    },
    #[error("cannot subscribe to input topic {topic:?}: {source}")]
    Subscribe { topic: String, source: KafkaError },
    #[error("exactly-once: cannot initialise transactions for transactional.id {id:?} (brokers must be Kafka >= 2.5): {source}")]
    InitTransactions { id: String, source: KafkaError },
    #[error("exactly-once: fatal transaction error, stopping (the next instance resumes from the last committed transaction): {0}")]
    Fatal(String),
}

/// Counts reported when the daemon stops.
#[derive(Debug, Default, Clone, Copy)]
pub struct RunSummary {
    pub consumed: u64,
    pub acknowledged: u64,
    pub abandoned: u64,
}

/// A consumed message on its way: its enrichment result, to be produced in order.
struct Pending {
    result: oneshot::Receiver<(OwnedMessage, Outcome)>,
    /// A copy of the input, dead-lettered if the worker does not answer in time.
    copy: OwnedMessage,
    deadline: tokio::time::Instant,
    partition: i32,
    offset: i64,
    generation: u64,
    permit: OwnedSemaphorePermit,
}

/// A message handed to the producer, waiting for the broker's acknowledgement.
struct InDelivery {
    delivery: Attempt,
    record: Record,
    /// The input message, for a dead letter if the output cannot be delivered at all.
    source: OwnedMessage,
    partition: i32,
    offset: i64,
    generation: u64,
    timestamp_ms: Option<i64>,
    _permit: OwnedSemaphorePermit,
}

/// What is produced, kept until acknowledged so it can be sent again.
struct Record {
    dlq: bool,
    kind: &'static str,
    key: Option<Vec<u8>>,
    value: Option<Vec<u8>>,
    headers: Option<OwnedHeaders>,
}

/// Run the daemon until `shutdown` turns true; then drain, commit and leave the group.
pub async fn run(
    cfg: &Config,
    enricher: Arc<Enricher>,
    metrics: Arc<Metrics>,
    health: Arc<Health>,
    mut shutdown: watch::Receiver<bool>,
) -> Result<RunSummary, PipelineError> {
    let k = &cfg.kafka;
    let tracker = Arc::new(Mutex::new(OffsetTracker::new()));
    let ctx = Ctx {
        metrics: metrics.clone(),
        health: health.clone(),
        tracker: tracker.clone(),
        input_topic: k.input_topic.clone(),
        commit_on_revoke: cfg.pipeline.delivery == Delivery::AtLeastOnce,
    };
    let eos = cfg.pipeline.delivery == Delivery::ExactlyOnce;
    let mut consumer_cfg = kafka::consumer_config(k);
    let mut producer_cfg = kafka::producer_config(k);
    let txn_id = kafka::transactional_id(k);
    if eos {
        consumer_cfg.set("isolation.level", "read_committed");
        producer_cfg.set("transactional.id", &txn_id);
    }
    let consumer: Arc<StreamConsumer<Ctx>> =
        Arc::new(consumer_cfg.create_with_context(ctx).map_err(|source| {
            PipelineError::Client {
                client: "consumer",
                brokers: k.brokers.clone(),
                source,
            }
        })?);
    let producer: FutureProducer =
        producer_cfg
            .create()
            .map_err(|source| PipelineError::Client {
                client: "producer",
                brokers: k.brokers.clone(),
                source,
            })?;
    if eos {
        let p = producer.clone();
        let r = tokio::task::spawn_blocking(move || p.init_transactions(Duration::from_secs(30)))
            .await
            .unwrap_or(Err(KafkaError::Canceled));
        r.map_err(|source| PipelineError::InitTransactions {
            id: txn_id.clone(),
            source,
        })?;
        info!(transactional_id = %txn_id, "exactly-once: transactions initialised");
    }
    consumer
        .subscribe(&[&k.input_topic])
        .map_err(|source| PipelineError::Subscribe {
            topic: k.input_topic.clone(),
            source,
        })?;
    info!(
        brokers = %k.brokers, group = %k.group_id, input = %k.input_topic,
        output = %k.output_topic, dlq = %k.dlq_topic, workers = cfg.pipeline.workers(),
        "verbatim daemon started"
    );

    let pool = WorkerPool::new(
        cfg.pipeline.workers(),
        enricher,
        WorkerSettings {
            max_article_bytes: cfg.limits.max_article_bytes,
            enrich: cfg.pipeline.enrich,
        },
        metrics.clone(),
    );
    let permits = Arc::new(Semaphore::new(cfg.pipeline.max_in_flight));
    let article_timeout = Duration::from_millis(cfg.pipeline.article_timeout_ms);
    let (order_tx, order_rx) = mpsc::channel::<Pending>(cfg.pipeline.max_in_flight);
    let (ack_tx, ack_rx) = mpsc::channel::<InDelivery>(cfg.pipeline.max_in_flight);

    let produce_task = tokio::spawn(produce_stage(
        order_rx,
        ack_tx,
        producer.clone(),
        k.output_topic.clone(),
        k.dlq_topic.clone(),
        eos,
    ));
    let (fatal_tx, mut fatal_rx) = watch::channel(false);
    let fatal_error: Arc<Mutex<Option<String>>> = Arc::new(Mutex::new(None));
    let ack_task = if eos {
        tokio::spawn(txn_stage(
            ack_rx,
            TxnCtx {
                producer: producer.clone(),
                consumer: consumer.clone(),
                output_topic: k.output_topic.clone(),
                dlq_topic: k.dlq_topic.clone(),
                input_topic: k.input_topic.clone(),
                tracker: tracker.clone(),
                metrics: metrics.clone(),
                health: health.clone(),
                max_messages: cfg.pipeline.transaction_max_messages,
                interval: Duration::from_millis(cfg.pipeline.transaction_interval_ms),
                fatal: (fatal_tx, fatal_error.clone()),
            },
        ))
    } else {
        tokio::spawn(ack_stage(
            ack_rx,
            producer.clone(),
            k.output_topic.clone(),
            k.dlq_topic.clone(),
            tracker.clone(),
            metrics.clone(),
            health.clone(),
        ))
    };
    let (stop_bg_tx, stop_bg) = watch::channel(false);
    let commit_task = tokio::spawn(commit_loop(
        consumer.clone(),
        tracker.clone(),
        metrics.clone(),
        k.input_topic.clone(),
        Duration::from_millis(k.commit_interval_ms),
        // Exactly-once commits offsets inside transactions only.
        if eos {
            watch::channel(true).1
        } else {
            stop_bg.clone()
        },
    ));
    let probe_task = tokio::spawn(probe_loop(
        consumer.clone(),
        health.clone(),
        k.input_topic.clone(),
        stop_bg,
    ));

    let mut summary = RunSummary::default();
    // Consume until told to stop.
    loop {
        let permit = tokio::select! {
            _ = wait_true(&mut shutdown) => break,
            _ = wait_true(&mut fatal_rx) => break,
            p = permits.clone().acquire_owned() => match p { Ok(p) => p, Err(_) => break },
        };
        let msg = tokio::select! {
            _ = wait_true(&mut shutdown) => break,
            _ = wait_true(&mut fatal_rx) => break,
            m = consumer.recv() => m,
        };
        let msg = match msg {
            Ok(m) => m.detach(),
            Err(e) => {
                metrics.kafka_errors.inc();
                warn!(error = %e, "consume error");
                tokio::time::sleep(Duration::from_millis(200)).await;
                continue;
            }
        };
        health.broker_seen();
        metrics.consumed.inc();
        metrics.in_flight.inc();
        summary.consumed += 1;
        let (partition, offset) = (msg.partition(), msg.offset());
        let generation = tracker
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .register(partition, offset);
        let copy = msg.clone();
        let deadline = tokio::time::Instant::now() + article_timeout;
        let result = pool.submit(msg).await;
        if order_tx
            .send(Pending {
                result,
                copy,
                deadline,
                partition,
                offset,
                generation,
                permit,
            })
            .await
            .is_err()
        {
            error!("produce stage stopped unexpectedly");
            break;
        }
    }

    // Drain: no more consumption; finish what is in flight within the deadline.
    health.stopping.store(true, Ordering::Relaxed);
    let in_flight = tracker.lock().unwrap_or_else(|e| e.into_inner()).pending();
    let deadline = Duration::from_secs(cfg.pipeline.drain_timeout_secs);
    info!(
        in_flight,
        deadline_secs = deadline.as_secs(),
        "stopping: draining in-flight messages"
    );
    drop(order_tx);
    let drained = tokio::time::timeout(deadline, async {
        let _ = produce_task.await;
        ack_task.await.unwrap_or(0)
    })
    .await;
    match drained {
        Ok(acked) => summary.acknowledged = acked,
        Err(_) => {
            let left = tracker.lock().unwrap_or_else(|e| e.into_inner()).pending();
            summary.abandoned = left as u64;
            warn!(abandoned = left, "drain deadline passed; unacknowledged messages stay uncommitted and will be re-read");
        }
    }
    let _ = stop_bg_tx.send(true);
    let _ = commit_task.await;
    // The probe's metadata call is bounded (4 s); wait so that ours is the last consumer handle.
    let _ = probe_task.await;
    if !eos {
        commit_now(
            &consumer,
            &tracker,
            &metrics,
            &cfg.kafka.input_topic,
            CommitMode::Sync,
        )
        .await;
    }
    let p2 = producer.clone();
    let _ = tokio::task::spawn_blocking(move || p2.flush(Duration::from_secs(5))).await;
    drop(pool);
    close_bounded(consumer, Duration::from_secs(10)).await;
    if let Some(e) = fatal_error.lock().unwrap_or_else(|e| e.into_inner()).take() {
        return Err(PipelineError::Fatal(e));
    }
    info!(
        consumed = summary.consumed,
        abandoned = summary.abandoned,
        "verbatim daemon stopped"
    );
    Ok(summary)
}

/// Leave the group and close the consumer, without letting a broker that never answers hold
/// the process: closing waits for the group coordinator, so it runs on its own thread.
async fn close_bounded(consumer: Arc<StreamConsumer<Ctx>>, limit: Duration) {
    let (tx, rx) = oneshot::channel();
    let spawned = std::thread::Builder::new()
        .name("verbatim-close".into())
        .spawn(move || {
            consumer.unsubscribe();
            drop(consumer);
            let _ = tx.send(());
        });
    if spawned.is_ok() && tokio::time::timeout(limit, rx).await.is_err() {
        warn!(
            secs = limit.as_secs(),
            "consumer did not close in time (group coordinator unreachable?); exiting anyway"
        );
    }
}

async fn wait_true(rx: &mut watch::Receiver<bool>) {
    while !*rx.borrow() {
        if rx.changed().await.is_err() {
            // Sender gone: nobody can ask us to stop any more; run until the process ends.
            std::future::pending::<()>().await;
        }
    }
}

/// Take results in consumption order and hand them to the producer.
async fn produce_stage(
    mut rx: mpsc::Receiver<Pending>,
    ack_tx: mpsc::Sender<InDelivery>,
    producer: FutureProducer,
    output_topic: String,
    dlq_topic: String,
    eos: bool,
) {
    while let Some(p) = rx.recv().await {
        let (msg, outcome) = match tokio::time::timeout_at(p.deadline, p.result).await {
            Ok(Ok(done)) => done,
            Ok(Err(_)) => (
                p.copy,
                Outcome::DeadLetter {
                    kind: "panic",
                    error: "the enrichment worker stopped without an answer".into(),
                },
            ),
            Err(_) => {
                warn!(
                    partition = p.partition,
                    offset = p.offset,
                    "article timed out; dead-lettering it"
                );
                (
                    p.copy,
                    Outcome::DeadLetter {
                        kind: "timeout",
                        error: "enrichment took longer than pipeline.article_timeout_ms".into(),
                    },
                )
            }
        };
        let record = match outcome {
            Outcome::Output { key, value } => Record {
                dlq: false,
                kind: "",
                key: Some(key),
                value: Some(value),
                headers: None,
            },
            Outcome::DeadLetter { kind, error } => {
                debug!(partition = p.partition, offset = p.offset, kind, %error, "dead letter");
                dead_letter(&msg, kind, &error)
            }
        };
        let timestamp_ms = msg.timestamp().to_millis();
        // Exactly-once: the transaction stage sends inside its transaction.
        let delivery = if eos {
            Attempt::NotSent
        } else {
            send(&producer, &record, &output_topic, &dlq_topic).await
        };
        let d = InDelivery {
            delivery,
            record,
            partition: p.partition,
            offset: p.offset,
            generation: p.generation,
            timestamp_ms,
            source: msg,
            _permit: p.permit,
        };
        if ack_tx.send(d).await.is_err() {
            return;
        }
    }
}

/// The dead-letter record: original key, payload and headers, plus why and where from.
fn dead_letter(msg: &OwnedMessage, kind: &'static str, error: &str) -> Record {
    let mut headers = OwnedHeaders::new();
    if let Some(orig) = msg.headers() {
        for hd in orig.iter() {
            headers = headers.insert(Header {
                key: hd.key,
                value: hd.value,
            });
        }
    }
    let partition = msg.partition().to_string();
    let offset = msg.offset().to_string();
    for (key, value) in [
        (h::ERROR_KIND, kind),
        (h::ERROR, error),
        (h::SOURCE_TOPIC, msg.topic()),
        (h::SOURCE_PARTITION, &partition),
        (h::SOURCE_OFFSET, &offset),
    ] {
        headers = headers.insert(Header {
            key,
            value: Some(value.as_bytes()),
        });
    }
    Record {
        dlq: true,
        kind,
        key: msg.key().map(<[u8]>::to_vec),
        value: msg.payload().map(<[u8]>::to_vec),
        headers: Some(headers),
    }
}

/// A delivery in progress, or an enqueue that failed without reaching the broker.
enum Attempt {
    NotSent,
    Sent(DeliveryFuture),
    Failed(KafkaError),
}

/// Enqueue a record in the producer, waiting while its local queue is full.
async fn send(
    producer: &FutureProducer,
    r: &Record,
    output_topic: &str,
    dlq_topic: &str,
) -> Attempt {
    let topic = if r.dlq { dlq_topic } else { output_topic };
    loop {
        let mut rec: FutureRecord<'_, [u8], [u8]> = FutureRecord::to(topic);
        if let Some(k) = &r.key {
            rec = rec.key(k.as_slice());
        }
        if let Some(v) = &r.value {
            rec = rec.payload(v.as_slice());
        }
        if let Some(hs) = &r.headers {
            rec = rec.headers(hs.clone());
        }
        match producer.send_result(rec) {
            Ok(f) => return Attempt::Sent(f),
            Err((KafkaError::MessageProduction(RDKafkaErrorCode::QueueFull), _)) => {
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            Err((e, _)) => return Attempt::Failed(e),
        }
    }
}

/// Await acknowledgements in order; retry failed deliveries; advance the watermarks.
async fn ack_stage(
    mut rx: mpsc::Receiver<InDelivery>,
    producer: FutureProducer,
    output_topic: String,
    dlq_topic: String,
    tracker: Arc<Mutex<OffsetTracker>>,
    metrics: Arc<Metrics>,
    health: Arc<Health>,
) -> u64 {
    let mut acked = 0u64;
    while let Some(mut d) = rx.recv().await {
        let mut backoff = Duration::from_millis(100);
        loop {
            if matches!(d.delivery, Attempt::NotSent) {
                d.delivery = send(&producer, &d.record, &output_topic, &dlq_topic).await;
                continue;
            }
            let err = match &mut d.delivery {
                Attempt::NotSent => None,
                Attempt::Sent(f) => match f.await {
                    Ok(Ok(_)) => break,
                    Ok(Err((e, _))) => Some(e),
                    // Cancelled: the producer dropped the message without a report.
                    Err(_) => None,
                },
                Attempt::Failed(e) => Some(e.clone()),
            };
            let role = if d.record.dlq { "dlq" } else { "output" };
            metrics.producer_errors.with_label_values(&[role]).inc();
            health.producer_ok.store(false, Ordering::Relaxed);
            let too_large = matches!(
                err,
                Some(KafkaError::MessageProduction(
                    RDKafkaErrorCode::MessageSizeTooLarge
                ))
            );
            if too_large && !d.record.dlq {
                // The enriched output exceeds what the broker accepts: the input goes to the
                // dead-letter topic instead of blocking its partition forever.
                warn!(
                    partition = d.partition,
                    offset = d.offset,
                    "output too large for the broker; dead-lettering the input"
                );
                d.record = dead_letter(
                    &d.source,
                    "output_too_large",
                    "enriched output exceeds the broker's message size limit",
                );
            } else {
                let shown = err
                    .map(|e| e.to_string())
                    .unwrap_or_else(|| "cancelled".into());
                warn!(error = %shown, partition = d.partition, offset = d.offset, retry_in_ms = backoff.as_millis() as u64, "delivery failed; retrying");
                tokio::time::sleep(backoff).await;
                backoff = (backoff * 2).min(Duration::from_secs(10));
            }
            d.delivery = send(&producer, &d.record, &output_topic, &dlq_topic).await;
        }
        health.producer_ok.store(true, Ordering::Relaxed);
        health.broker_seen();
        if d.record.dlq {
            metrics
                .dead_letters
                .with_label_values(&[d.record.kind])
                .inc();
        } else {
            metrics.produced.inc();
        }
        if let Some(ts) = d.timestamp_ms {
            let dt = (crate::http::now_ms() - ts).max(0) as f64 / 1000.0;
            metrics.end_to_end_seconds.observe(dt);
        }
        metrics.in_flight.dec();
        tracker
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .ack(d.partition, d.offset, d.generation);
        acked += 1;
    }
    acked
}

/// What the transaction stage needs.
struct TxnCtx {
    producer: FutureProducer,
    consumer: Arc<StreamConsumer<Ctx>>,
    output_topic: String,
    dlq_topic: String,
    input_topic: String,
    tracker: Arc<Mutex<OffsetTracker>>,
    metrics: Arc<Metrics>,
    health: Arc<Health>,
    max_messages: usize,
    interval: Duration,
    /// Raised (with the reason) on an error that no retry can fix, e.g. fenced by a newer instance.
    fatal: (watch::Sender<bool>, Arc<Mutex<Option<String>>>),
}

/// Exactly-once: batches of results go out in one transaction each, together with the input
/// offsets they consume. A failed transaction is aborted and retried whole (aborted records stay
/// invisible to read_committed readers); items of partitions that moved to another consumer are
/// dropped from the retry, since their new owner resumes from the last committed transaction.
async fn txn_stage(mut rx: mpsc::Receiver<InDelivery>, t: TxnCtx) -> u64 {
    let mut acked = 0u64;
    let mut open = true;
    while open {
        let Some(first) = rx.recv().await else { break };
        let mut batch = vec![first];
        let deadline = tokio::time::Instant::now() + t.interval;
        while batch.len() < t.max_messages {
            match tokio::time::timeout_at(deadline, rx.recv()).await {
                Ok(Some(d)) => batch.push(d),
                Ok(None) => {
                    open = false;
                    break;
                }
                Err(_) => break,
            }
        }
        let mut backoff = Duration::from_millis(100);
        loop {
            {
                let tr = t.tracker.lock().unwrap_or_else(|e| e.into_inner());
                let before = batch.len();
                batch.retain(|d| tr.is_current(d.partition, d.generation));
                if batch.len() < before {
                    t.metrics.in_flight.sub((before - batch.len()) as i64);
                    info!(
                        dropped = before - batch.len(),
                        "exactly-once: partitions moved; their new owner redoes those messages"
                    );
                }
            }
            if batch.is_empty() {
                break;
            }
            match run_transaction(&t, &batch).await {
                Ok(()) => {
                    t.metrics
                        .transactions
                        .with_label_values(&["committed"])
                        .inc();
                    t.health.producer_ok.store(true, Ordering::Relaxed);
                    t.health.broker_seen();
                    let mut tr = t.tracker.lock().unwrap_or_else(|e| e.into_inner());
                    for d in &batch {
                        if d.record.dlq {
                            t.metrics
                                .dead_letters
                                .with_label_values(&[d.record.kind])
                                .inc();
                        } else {
                            t.metrics.produced.inc();
                        }
                        if let Some(ts) = d.timestamp_ms {
                            let dt = (crate::http::now_ms() - ts).max(0) as f64 / 1000.0;
                            t.metrics.end_to_end_seconds.observe(dt);
                        }
                        t.metrics.in_flight.dec();
                        tr.ack(d.partition, d.offset, d.generation);
                    }
                    acked += batch.len() as u64;
                    break;
                }
                Err(e) => {
                    t.metrics.transactions.with_label_values(&["aborted"]).inc();
                    t.health.producer_ok.store(false, Ordering::Relaxed);
                    let fatal = matches!(&e, KafkaError::Transaction(te) if te.is_fatal());
                    if fatal {
                        error!(error = %e, "exactly-once: fatal transaction error");
                        *t.fatal.1.lock().unwrap_or_else(|e| e.into_inner()) = Some(e.to_string());
                        let _ = t.fatal.0.send(true);
                        return acked;
                    }
                    warn!(error = %e, retry_in_ms = backoff.as_millis() as u64, "exactly-once: transaction failed; aborting and retrying");
                    let p = t.producer.clone();
                    if let Err(e) =
                        blocking(move || p.abort_transaction(Duration::from_secs(30))).await
                    {
                        warn!(error = %e, "exactly-once: abort failed");
                    }
                    tokio::time::sleep(backoff).await;
                    backoff = (backoff * 2).min(Duration::from_secs(10));
                }
            }
        }
    }
    acked
}

/// One transaction: begin, send every record, add the input offsets, commit.
async fn run_transaction(t: &TxnCtx, batch: &[InDelivery]) -> Result<(), KafkaError> {
    let p = t.producer.clone();
    blocking(move || p.begin_transaction()).await?;
    let mut deliveries = Vec::with_capacity(batch.len());
    for d in batch {
        match send(&t.producer, &d.record, &t.output_topic, &t.dlq_topic).await {
            Attempt::Sent(f) => deliveries.push(f),
            Attempt::Failed(e) => return Err(e),
            Attempt::NotSent => {}
        }
    }
    for f in deliveries {
        match f.await {
            Ok(Ok(_)) => {}
            Ok(Err((e, _))) => return Err(e),
            Err(_) => return Err(KafkaError::Canceled),
        }
    }
    // Next offset to read per partition: the batch is in consumption order.
    let mut next: std::collections::BTreeMap<i32, i64> = std::collections::BTreeMap::new();
    for d in batch {
        let e = next.entry(d.partition).or_insert(d.offset + 1);
        *e = (*e).max(d.offset + 1);
    }
    let mut tpl = TopicPartitionList::new();
    for (part, off) in &next {
        tpl.add_partition_offset(&t.input_topic, *part, Offset::Offset(*off))?;
    }
    let group = t
        .consumer
        .group_metadata()
        .ok_or(KafkaError::MessageProduction(RDKafkaErrorCode::State))?;
    let p = t.producer.clone();
    blocking(move || p.send_offsets_to_transaction(&tpl, &group, Duration::from_secs(30))).await?;
    let p = t.producer.clone();
    blocking(move || p.commit_transaction(Duration::from_secs(30))).await
}

async fn blocking(
    f: impl FnOnce() -> Result<(), KafkaError> + Send + 'static,
) -> Result<(), KafkaError> {
    tokio::task::spawn_blocking(f)
        .await
        .unwrap_or(Err(KafkaError::Canceled))
}

/// Commit acknowledged watermarks every `every`, until told to stop.
async fn commit_loop(
    consumer: Arc<StreamConsumer<Ctx>>,
    tracker: Arc<Mutex<OffsetTracker>>,
    metrics: Arc<Metrics>,
    topic: String,
    every: Duration,
    mut stop: watch::Receiver<bool>,
) {
    let mut tick = tokio::time::interval(every);
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            _ = wait_true(&mut stop) => return,
        }
        commit_now(&consumer, &tracker, &metrics, &topic, CommitMode::Sync).await;
    }
}

async fn commit_now(
    consumer: &Arc<StreamConsumer<Ctx>>,
    tracker: &Arc<Mutex<OffsetTracker>>,
    metrics: &Metrics,
    topic: &str,
    mode: CommitMode,
) {
    let offsets = tracker
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .take_commits();
    if offsets.is_empty() {
        return;
    }
    let mut tpl = TopicPartitionList::new();
    for (p, o) in &offsets {
        let _ = tpl.add_partition_offset(topic, *p, Offset::Offset(*o));
    }
    let c = consumer.clone();
    let started = Instant::now();
    let r = tokio::task::spawn_blocking(move || c.commit(&tpl, mode)).await;
    match r {
        Ok(Ok(())) => {
            metrics.commits.with_label_values(&["ok"]).inc();
            debug!(
                ?offsets,
                ms = started.elapsed().as_millis() as u64,
                "committed"
            );
        }
        Ok(Err(e)) => {
            metrics.commits.with_label_values(&["error"]).inc();
            warn!(error = %e, ?offsets, "commit failed; will retry");
            let mut t = tracker.lock().unwrap_or_else(|e| e.into_inner());
            for (p, o) in offsets {
                t.commit_failed(p, o);
            }
        }
        Err(e) => warn!(error = %e, "commit task failed"),
    }
}

/// Probe the brokers every few seconds so `/readyz` reflects connectivity even when idle.
async fn probe_loop(
    consumer: Arc<StreamConsumer<Ctx>>,
    health: Arc<Health>,
    topic: String,
    mut stop: watch::Receiver<bool>,
) {
    let mut tick = tokio::time::interval(Duration::from_secs(5));
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            _ = wait_true(&mut stop) => return,
        }
        let c = consumer.clone();
        let t = topic.clone();
        let ok = tokio::task::spawn_blocking(move || {
            c.fetch_metadata(Some(&t), Duration::from_secs(4)).is_ok()
        })
        .await
        .unwrap_or(false);
        if ok {
            health.broker_seen();
        }
    }
}
