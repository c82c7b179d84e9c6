//! The daemon: consume → decode + enrich on a worker pool → produce (output or dead letter) →
//! acknowledge → commit the per-partition watermark. At-least-once: an input offset is committed
//! only after its output (or dead letter) is acknowledged by the broker, and only when every
//! earlier offset of its partition is too.
//!
//! Stages, one module each: `worker` (decode + enrich off the async runtime), `lanes` (per
//! partition: results in order → producer → acknowledgements in order), `produce` (records,
//! dead letters cut to the size limit, delivery-error classes, the rebuildable producer),
//! `transaction` (exactly-once batches), `commit` (offset commits, broker probe, close),
//! `kafka` (client configs and callbacks), `offsets` (the per-partition watermarks).
//!
//! Order: each partition's results are produced in its consumption order, so per-partition order
//! of outputs equals the input order (the idempotent producer keeps it through retries); a
//! partition whose deliveries are retried does not hold up the others.

pub(crate) mod commit;
pub(crate) mod headers;
pub(crate) mod kafka;
pub(crate) mod lag;
pub(crate) mod lanes;
pub(crate) mod offsets;
pub(crate) mod produce;
pub mod trace;
pub(crate) mod transaction;
pub(crate) mod worker;

use crate::config::{Config, Delivery};
use crate::enrich::Enricher;
use crate::http::Health;
use crate::metrics::Metrics;
use commit::{close_bounded, commit_loop, commit_now, probe_loop, wait_true, COMMIT_LIMIT};
use kafka::{Ctx, ProducerCtx};
use lanes::{LaneCtx, Lanes, Pending, Permits};
use offsets::OffsetTracker;
use produce::ProducerHandle;
use rdkafka::consumer::{Consumer, StreamConsumer};
use rdkafka::error::KafkaError;
use rdkafka::message::Message;
use rdkafka::producer::Producer;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{mpsc, watch, Semaphore};
use trace::ArticleTrace;
use tracing::{error, info, warn};
use worker::{WorkerPool, WorkerSettings};

/// Errors that stop the daemon at start-up. Runtime faults are retried, never fatal.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// librdkafka refused to create a client (bad configuration).
    #[error("cannot create the Kafka {client} for brokers {brokers:?}: {reason}")]
    Client {
        /// `"consumer"` or `"producer"`.
        client: &'static str,
        /// The configured bootstrap brokers.
        brokers: String,
        /// Redacted: never a secret's value.
        reason: String,
    },
    /// The consumer cannot subscribe to the input topic.
    #[error("cannot subscribe to input topic {topic:?}: {source}")]
    Subscribe {
        /// The input topic.
        topic: String,
        /// The client's error.
        source: KafkaError,
    },
    /// Exactly-once delivery is configured but the producer cannot initialise transactions.
    #[error("exactly-once: cannot initialise transactions for transactional.id {id:?} (brokers must be Kafka >= 2.5): {source}")]
    InitTransactions {
        /// The producer's `transactional.id`.
        id: String,
        /// The client's error.
        source: KafkaError,
    },
    /// A transaction failed in a way that fences or poisons the producer; the daemon stops.
    #[error("exactly-once: fatal transaction error, stopping (the next instance resumes from the last committed transaction): {0}")]
    Fatal(String),
}

/// Counts reported when the daemon stops.
#[derive(Debug, Default, Clone, Copy)]
pub struct RunSummary {
    /// Messages taken from the input topic.
    pub consumed: u64,
    /// Outputs and dead letters the broker acknowledged (whether or not the drain finished).
    pub acknowledged: u64,
    /// Consumed but unacknowledged at exit: uncommitted, so re-read by the next owner.
    pub abandoned: u64,
}

/// Longest the steps after the drain may take together (final commit, producer flush, leaving
/// the group), so that SIGTERM exits within `pipeline.drain_timeout_secs` + this bound.
pub const AFTER_DRAIN_LIMIT: Duration = Duration::from_secs(10);

/// The clients of one run.
struct Clients {
    consumer: Arc<StreamConsumer<Ctx>>,
    producer: Arc<ProducerHandle>,
}

/// Create the consumer and the producer (and initialise transactions for exactly-once).
async fn clients(
    cfg: &Config,
    ctx: Ctx,
    metrics: &Arc<Metrics>,
    health: &Arc<Health>,
) -> Result<Clients, PipelineError> {
    let k = &cfg.kafka;
    let eos = cfg.pipeline.delivery == Delivery::ExactlyOnce;
    let mut consumer_cfg = kafka::consumer_config(k);
    let mut producer_cfg = kafka::producer_config(k);
    let txn_id = kafka::transactional_id(k);
    if eos {
        consumer_cfg.set("isolation.level", "read_committed");
        producer_cfg.set("transactional.id", &txn_id);
    }
    let client_err = |client: &'static str| {
        let brokers = k.brokers.clone();
        move |source: KafkaError| PipelineError::Client {
            client,
            brokers,
            reason: kafka::describe(&source),
        }
    };
    let consumer: Arc<StreamConsumer<Ctx>> = Arc::new(
        consumer_cfg
            .create_with_context(ctx)
            .map_err(client_err("consumer"))?,
    );
    let pctx = ProducerCtx {
        metrics: metrics.clone(),
        health: health.clone(),
    };
    let producer = Arc::new(
        ProducerHandle::new(producer_cfg, pctx, metrics.clone()).map_err(client_err("producer"))?,
    );
    if eos {
        let (_, p) = producer.get();
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
    Ok(Clients { consumer, producer })
}

/// Run the daemon until `shutdown` turns true; then drain, commit and leave the group.
pub async fn run(
    cfg: &Config,
    enricher: Arc<Enricher>,
    metrics: Arc<Metrics>,
    health: Arc<Health>,
    shutdown: watch::Receiver<bool>,
) -> Result<RunSummary, PipelineError> {
    let k = &cfg.kafka;
    let tracker = Arc::new(Mutex::new(OffsetTracker::new()));
    metrics.set_group(&k.group_id);
    metrics.quality.precreate(enricher.languages());
    let eos = cfg.pipeline.delivery == Delivery::ExactlyOnce;
    let ctx = Ctx {
        metrics: metrics.clone(),
        health: health.clone(),
        tracker: tracker.clone(),
        input_topic: k.input_topic.clone(),
        commit_on_revoke: !eos,
        lag_guard: Default::default(),
    };
    let Clients { consumer, producer } = clients(cfg, ctx, &metrics, &health).await?;
    info!(
        brokers = %k.brokers, group = %k.group_id, input = %k.input_topic,
        output = %k.output_topic, dlq = %k.dlq_topic, workers = cfg.pipeline.workers(),
        "verbatim daemon started"
    );
    let (fatal_tx, fatal_rx) = watch::channel(None);
    let lane_ctx = Arc::new(lane_ctx(
        cfg, &producer, &tracker, &metrics, &health, fatal_tx,
    ));
    let (txn_tx, txn_task) = if eos {
        let (tx, task) = start_transactions(cfg, &consumer, &lane_ctx);
        (Some(tx), Some(task))
    } else {
        (None, None)
    };
    let lanes = Lanes::new(lane_ctx.clone(), cfg.pipeline.max_in_flight, txn_tx);
    let background = Background::start(cfg, eos, &consumer, &tracker, &metrics, &lane_ctx);
    let pool = WorkerPool::new(
        cfg.pipeline.workers(),
        enricher,
        WorkerSettings::daemon(cfg),
        metrics.clone(),
    );
    let stops = Stops {
        shutdown,
        fatal: fatal_rx.clone(),
    };
    let mut summary = RunSummary::default();
    let lanes = consume(cfg, &consumer, &pool, lanes, &tracker, stops, &mut summary).await;

    // Drain: no more consumption; finish what is in flight within the deadline.
    health.stopping.store(true, Ordering::Relaxed);
    drop(pool);
    drain(cfg, lanes, txn_task, &tracker).await;
    summary.acknowledged = lane_ctx.acked.load(Ordering::Relaxed);
    summary.abandoned = tracker.lock().unwrap_or_else(|e| e.into_inner()).pending() as u64;
    let after = tokio::time::Instant::now() + AFTER_DRAIN_LIMIT;
    background.stop(after).await;
    if !eos {
        let left = after.saturating_duration_since(tokio::time::Instant::now());
        let limit = COMMIT_LIMIT.min(left);
        commit_now(&consumer, &tracker, &metrics, &k.input_topic, limit).await;
    }
    let (_, p) = producer.get();
    let flush = tokio::task::spawn_blocking(move || p.flush(Duration::from_secs(2)));
    let _ = tokio::time::timeout(Duration::from_secs(3), flush).await;
    let left = after.saturating_duration_since(tokio::time::Instant::now());
    close_bounded(consumer, left.max(Duration::from_secs(1))).await;
    if let Some(e) = fatal_rx.borrow().clone() {
        return Err(PipelineError::Fatal(e));
    }
    info!(
        consumed = summary.consumed,
        acknowledged = summary.acknowledged,
        abandoned = summary.abandoned,
        "verbatim daemon stopped"
    );
    Ok(summary)
}

/// What the lanes share: the producer, topics, limits, the offset tracker and the metrics.
fn lane_ctx(
    cfg: &Config,
    producer: &Arc<ProducerHandle>,
    tracker: &Arc<Mutex<OffsetTracker>>,
    metrics: &Arc<Metrics>,
    health: &Arc<Health>,
    fatal: watch::Sender<Option<String>>,
) -> LaneCtx {
    let k = &cfg.kafka;
    LaneCtx {
        producer: producer.clone(),
        output_topic: k.output_topic.clone(),
        dlq_topic: k.dlq_topic.clone(),
        tracker: tracker.clone(),
        metrics: metrics.clone(),
        health: health.clone(),
        max_message_bytes: k.producer_max_message_bytes(),
        article_timeout: Duration::from_millis(cfg.pipeline.article_timeout_ms),
        on_dead_letter_failure: k.on_dead_letter_failure,
        headers: cfg.output.headers.clone(),
        spans: crate::otlp::start(&cfg.telemetry).unwrap_or_else(|e| {
            warn!(error = %e, "no trace export");
            None
        }),
        acked: Default::default(),
        fatal,
        waiting: Default::default(),
    }
}

/// The exactly-once stage: results go out in transactions with their input offsets.
fn start_transactions(
    cfg: &Config,
    consumer: &Arc<StreamConsumer<Ctx>>,
    lane_ctx: &Arc<LaneCtx>,
) -> (mpsc::Sender<lanes::InDelivery>, tokio::task::JoinHandle<()>) {
    let (tx, rx) = mpsc::channel(cfg.pipeline.max_in_flight);
    let settings = transaction::TxnSettings {
        consumer: consumer.clone(),
        input_topic: cfg.kafka.input_topic.clone(),
        max_messages: cfg.pipeline.transaction_max_messages,
        interval: Duration::from_millis(cfg.pipeline.transaction_interval_ms),
    };
    let task = tokio::spawn(transaction::txn_stage(rx, lane_ctx.clone(), settings));
    (tx, task)
}

/// Finish what is in flight within `pipeline.drain_timeout_secs`.
async fn drain(
    cfg: &Config,
    lanes: Lanes,
    txn_task: Option<tokio::task::JoinHandle<()>>,
    tracker: &Arc<Mutex<OffsetTracker>>,
) {
    let in_flight = tracker.lock().unwrap_or_else(|e| e.into_inner()).pending();
    let deadline = Duration::from_secs(cfg.pipeline.drain_timeout_secs);
    info!(
        in_flight,
        deadline_secs = deadline.as_secs(),
        "stopping: draining in-flight messages"
    );
    let drained = tokio::time::timeout(deadline, async {
        lanes.close().await;
        if let Some(t) = txn_task {
            let _ = t.await;
        }
    })
    .await;
    if drained.is_err() {
        warn!(
            "drain deadline passed; unacknowledged messages stay uncommitted and will be re-read"
        );
    }
}

/// The periodic offset commit and the broker probe, stopped together at shutdown.
struct Background {
    stop: watch::Sender<bool>,
    commit: tokio::task::JoinHandle<()>,
    probe: tokio::task::JoinHandle<()>,
}

impl Background {
    fn start(
        cfg: &Config,
        eos: bool,
        consumer: &Arc<StreamConsumer<Ctx>>,
        tracker: &Arc<Mutex<OffsetTracker>>,
        metrics: &Arc<Metrics>,
        lane_ctx: &Arc<LaneCtx>,
    ) -> Background {
        let k = &cfg.kafka;
        let (stop, stopped) = watch::channel(false);
        let commit = tokio::spawn(commit_loop(
            consumer.clone(),
            tracker.clone(),
            metrics.clone(),
            k.input_topic.clone(),
            Duration::from_millis(k.commit_interval_ms),
            // Exactly-once commits offsets inside transactions only.
            if eos {
                watch::channel(true).1
            } else {
                stopped.clone()
            },
        ));
        let probe = tokio::spawn(probe_loop(
            consumer.clone(),
            lane_ctx.clone(),
            k.input_topic.clone(),
            stopped,
        ));
        Background {
            stop,
            commit,
            probe,
        }
    }

    /// Stop both loops, waiting for them until `until` at most.
    async fn stop(self, until: tokio::time::Instant) {
        let _ = self.stop.send(true);
        let _ = tokio::time::timeout_at(until, async {
            let _ = self.commit.await;
            let _ = self.probe.await;
        })
        .await;
    }
}

/// What ends consumption: the shutdown signal or a fatal error.
struct Stops {
    shutdown: watch::Receiver<bool>,
    fatal: watch::Receiver<Option<String>>,
}

impl Stops {
    async fn any(&mut self) {
        let fatal = &mut self.fatal;
        tokio::select! {
            _ = wait_true(&mut self.shutdown) => {}
            _ = async { while fatal.borrow_and_update().is_none() { if fatal.changed().await.is_err() { std::future::pending::<()>().await } } } => {}
        }
    }
}

/// Consume until told to stop: take in-flight permits (count and bytes), register the offset,
/// hand the message to the workers and its pending result to its partition's lane. Every wait
/// in here also listens for the stop, so a busy pool never holds up the shutdown.
async fn consume(
    cfg: &Config,
    consumer: &StreamConsumer<Ctx>,
    pool: &WorkerPool,
    mut lanes: Lanes,
    tracker: &Mutex<OffsetTracker>,
    mut stops: Stops,
    summary: &mut RunSummary,
) -> Lanes {
    let metrics = &consumer.context().metrics;
    let health = &consumer.context().health;
    let count = Arc::new(Semaphore::new(cfg.pipeline.max_in_flight));
    let budget = cfg.pipeline.max_in_flight_bytes;
    let bytes = Arc::new(Semaphore::new(budget));
    loop {
        let permit = tokio::select! {
            _ = stops.any() => break,
            p = count.clone().acquire_owned() => match p { Ok(p) => p, Err(_) => break },
        };
        let msg = tokio::select! {
            _ = stops.any() => break,
            m = consumer.recv() => m,
        };
        let msg = match msg {
            Ok(m) => Arc::new(m.detach()),
            Err(e) => {
                warn!(error = %e, "consume error");
                tokio::time::sleep(Duration::from_millis(200)).await;
                continue;
            }
        };
        // A message larger than the whole budget still goes, alone.
        let size = msg.payload().map_or(0, <[u8]>::len) + msg.key().map_or(0, <[u8]>::len);
        let want = u32::try_from(size.clamp(1, budget)).unwrap_or(u32::MAX);
        let bytes_permit = tokio::select! {
            _ = stops.any() => break,
            p = bytes.clone().acquire_many_owned(want) => match p { Ok(p) => p, Err(_) => break },
        };
        health.broker_seen();
        metrics.consumed.inc();
        summary.consumed += 1;
        let generation = tracker
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .register(msg.partition(), msg.offset());
        let trace = cfg
            .output
            .headers
            .trace_context
            .then(|| ArticleTrace::from_headers(&headers::pairs(msg.headers())));
        let span = article_span(&msg, trace.as_ref());
        // Registered but never submitted (stopping): uncommitted, so re-read, never lost.
        let submitted = tokio::select! {
            _ = stops.any() => break,
            s = pool.submit(msg.clone(), span) => s,
        };
        let Some(submitted) = submitted else {
            error!("enrichment pool stopped unexpectedly");
            break;
        };
        metrics.in_flight.inc();
        let pending = Pending {
            started: submitted.started,
            result: submitted.result,
            message: msg,
            generation,
            permits: Permits {
                _count: permit,
                _bytes: Some(bytes_permit),
            },
            trace,
            consumed_unix_nanos: unix_nanos(),
        };
        if lanes.push(pending).await.is_err() {
            error!("a partition lane stopped unexpectedly");
            break;
        }
    }
    lanes
}

/// The article's tracing span: where the message came from and, under trace context, its
/// trace id, its own span id and the input's span id (its parent).
fn article_span(
    msg: &rdkafka::message::OwnedMessage,
    trace: Option<&ArticleTrace>,
) -> tracing::Span {
    let span = tracing::info_span!(
        "article",
        topic = msg.topic(),
        partition = msg.partition(),
        offset = msg.offset(),
        trace_id = tracing::field::Empty,
        span_id = tracing::field::Empty,
        parent_span_id = tracing::field::Empty,
    );
    if let Some(t) = trace {
        span.record("trace_id", t.span.trace_id_hex());
        span.record("span_id", t.span.span_id_hex());
        if let Some(p) = t.parent_span_id {
            span.record("parent_span_id", format!("{p:016x}"));
        }
    }
    span
}

/// Now, in nanoseconds since the Unix epoch.
pub fn unix_nanos() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0)
}
