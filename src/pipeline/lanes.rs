//! Per-partition lanes: each assigned partition has its own ordered produce → acknowledge chain,
//! so a partition whose deliveries are being retried never holds up another one.
//!
//! In a lane, results are taken in consumption order (the partition's order), handed to the
//! producer as soon as they are ready, and acknowledged in the same order; the partition's
//! watermark advances only over acknowledged offsets. A delivery error no retry can fix
//! (too large, refused) turns the output into a dead letter, and a dead letter that does not fit
//! into one that carries no payload; past that, `kafka.on_dead_letter_failure` decides.

use super::headers::HeadersConfig;
use super::offsets::OffsetTracker;
use super::produce::{self, dead_letter, Attempt, Failure, ProducerHandle, Record};
use super::trace::ArticleTrace;
use super::worker::Outcome;
use crate::config::DeadLetterFailurePolicy;
use crate::contract::DeadLetterKind;
use crate::http::Health;
use crate::metrics::Metrics;
use rdkafka::message::{Message, OwnedMessage};
use rdkafka::producer::Producer;
use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::{mpsc, oneshot, watch, OwnedSemaphorePermit};
use tokio::task::JoinSet;
use tracing::{debug, error, warn};

/// The worker's answer for one message.
pub type Done = (Arc<OwnedMessage>, Outcome);

/// Permits held from consumption until acknowledgement (count and bytes back-pressure): never
/// read, they release their share of `max_in_flight` / `max_in_flight_bytes` when dropped.
pub struct Permits {
    pub _count: OwnedSemaphorePermit,
    pub _bytes: Option<OwnedSemaphorePermit>,
}

/// A consumed message on its way: its enrichment result, to be produced in order.
pub struct Pending {
    /// Fires when a worker starts on the message (the time limit counts from there).
    pub started: oneshot::Receiver<()>,
    pub result: oneshot::Receiver<Done>,
    /// The input, shared with the worker: dead-lettered if the worker does not answer in time.
    pub message: Arc<OwnedMessage>,
    pub generation: u64,
    pub permits: Permits,
    /// The article's span (`[output.headers] trace_context`), written on the output.
    pub trace: Option<ArticleTrace>,
    /// Unix time in nanoseconds when the message was consumed (the span's start).
    pub consumed_unix_nanos: u64,
}

/// A record handed to the producer, waiting for the broker's acknowledgement.
pub struct InDelivery {
    pub attempt: Attempt,
    pub record: Record,
    /// The input message, for a dead letter if the output cannot be delivered at all.
    pub source: Arc<OwnedMessage>,
    pub generation: u64,
    pub _permits: Permits,
    pub trace: Option<ArticleTrace>,
    pub consumed_unix_nanos: u64,
}

impl InDelivery {
    /// Count an acknowledged record: output or dead letter by kind, and its end-to-end time.
    pub fn count_delivered(&self, metrics: &Metrics) {
        match self.record.dead_letter {
            Some(kind) => metrics
                .dead_letters
                .with_label_values(&[kind.as_str()])
                .inc(),
            None => metrics.produced.inc(),
        }
        if let Some(ts) = self.source.timestamp().to_millis() {
            let dt = (crate::http::now_ms() - ts).max(0) as f64 / 1000.0;
            metrics.end_to_end_seconds.observe(dt);
        }
    }

    /// The article's span, from consumption to this acknowledgement (OpenTelemetry messaging
    /// conventions: `process <topic>`, a consumer span).
    pub fn span_record(&self) -> crate::otlp::SpanRecord {
        let (trace_id, span_id, parent_span_id) = match &self.trace {
            Some(t) => (t.span.trace_id, t.span.span_id, t.parent_span_id),
            None => (
                super::trace::new_trace_id(),
                super::trace::new_span_id(),
                None,
            ),
        };
        let mut strings = vec![
            ("messaging.system", "kafka".to_string()),
            ("messaging.operation.type", "process".to_string()),
            (
                "messaging.destination.name",
                self.source.topic().to_string(),
            ),
        ];
        if let Some(kind) = self.record.dead_letter {
            strings.push(("verbatim.dead_letter.kind", kind.as_str().to_string()));
        }
        crate::otlp::SpanRecord {
            trace_id,
            span_id,
            parent_span_id,
            name: format!("process {}", self.source.topic()),
            start_unix_nanos: self.consumed_unix_nanos,
            end_unix_nanos: super::unix_nanos(),
            strings,
            ints: vec![
                (
                    "messaging.destination.partition.id",
                    i64::from(self.source.partition()),
                ),
                ("messaging.kafka.offset", self.source.offset()),
            ],
            error: self.record.dead_letter.is_some(),
        }
    }

    pub fn partition(&self) -> i32 {
        self.source.partition()
    }
    pub fn offset(&self) -> i64 {
        self.source.offset()
    }
}

/// What every lane shares.
pub struct LaneCtx {
    pub producer: Arc<ProducerHandle>,
    pub output_topic: String,
    pub dlq_topic: String,
    pub tracker: Arc<Mutex<OffsetTracker>>,
    pub metrics: Arc<Metrics>,
    pub health: Arc<Health>,
    /// The producer's `message.max.bytes`: dead letters are cut to fit it.
    pub max_message_bytes: usize,
    pub article_timeout: Duration,
    pub on_dead_letter_failure: DeadLetterFailurePolicy,
    /// Which input headers go to the output, and the trace context.
    pub headers: HeadersConfig,
    /// Article spans for the OTLP exporter (`telemetry.otlp_endpoint`), when on.
    pub spans: Option<crate::otlp::SpanSink>,
    /// Acknowledged messages (for the final summary, even when the drain is cut short).
    pub acked: AtomicU64,
    /// Raised with a reason when the daemon must stop (dead-letter failure under `stop`).
    pub fatal: watch::Sender<Option<String>>,
    /// Per partition, when its oldest unacknowledged delivery started (for stall detection).
    pub waiting: Mutex<BTreeMap<i32, Instant>>,
}

impl LaneCtx {
    /// An acknowledged record: counted, and its article's span exported (when on).
    pub fn delivered(&self, d: &InDelivery) {
        d.count_delivered(&self.metrics);
        if let Some(sink) = &self.spans {
            sink.record(d.span_record());
        }
    }

    /// How long the oldest delivery in any lane has been waiting for its acknowledgement.
    pub fn oldest_wait(&self) -> Option<Duration> {
        let w = self.waiting.lock().unwrap_or_else(|e| e.into_inner());
        w.values().min().map(|t| t.elapsed())
    }
}

/// The set of lanes, one per partition seen, created on first use.
pub struct Lanes {
    ctx: Arc<LaneCtx>,
    senders: HashMap<i32, mpsc::Sender<Pending>>,
    tasks: JoinSet<()>,
    capacity: usize,
    /// Exactly-once: lanes hand records to the transaction stage instead of acknowledging.
    transactions: Option<mpsc::Sender<InDelivery>>,
}

impl Lanes {
    pub fn new(
        ctx: Arc<LaneCtx>,
        capacity: usize,
        transactions: Option<mpsc::Sender<InDelivery>>,
    ) -> Lanes {
        Lanes {
            ctx,
            senders: HashMap::new(),
            tasks: JoinSet::new(),
            capacity: capacity.max(1),
            transactions,
        }
    }

    /// Queue a consumed message on its partition's lane. `Err` when the lane is gone.
    pub async fn push(&mut self, p: Pending) -> Result<(), ()> {
        let partition = p.message.partition();
        let tx = self.senders.entry(partition).or_insert_with(|| {
            let (tx, rx) = mpsc::channel(self.capacity);
            self.tasks
                .spawn(lane(rx, self.ctx.clone(), self.transactions.clone()));
            tx
        });
        tx.send(p).await.map_err(|_| ())
    }

    /// No more input: let every lane finish what it holds (the transaction stage, if any,
    /// ends when the last lane is gone).
    pub async fn close(mut self) {
        self.senders.clear();
        self.transactions = None;
        while self.tasks.join_next().await.is_some() {}
    }
}

/// One partition's lane: take results in order, send them, acknowledge them in order.
async fn lane(
    mut rx: mpsc::Receiver<Pending>,
    cx: Arc<LaneCtx>,
    transactions: Option<mpsc::Sender<InDelivery>>,
) {
    let (ack_tx, ack_rx) = mpsc::channel::<InDelivery>(64);
    let acker = tokio::spawn(ack_lane(ack_rx, cx.clone()));
    while let Some(p) = rx.recv().await {
        let d = produce_one(p, &cx, transactions.is_none()).await;
        let next = match &transactions {
            Some(txn) => txn.send(d).await.is_ok(),
            None => ack_tx.send(d).await.is_ok(),
        };
        if !next {
            break;
        }
    }
    drop(ack_tx);
    let _ = acker.await;
}

/// Wait for the worker's result (within the working-time limit), build the record, send it.
async fn produce_one(p: Pending, cx: &LaneCtx, send_now: bool) -> InDelivery {
    let source = p.message.clone();
    let (partition, offset) = (source.partition(), source.offset());
    let outcome = match await_result(p.started, p.result, cx.article_timeout).await {
        Ok((_, outcome)) => outcome,
        Err(kind) => {
            warn!(
                partition,
                offset,
                kind = kind.as_str(),
                "no enrichment result; dead-lettering the input"
            );
            let error = match kind {
                DeadLetterKind::Timeout => {
                    "enrichment worked longer than pipeline.article_timeout_ms".to_string()
                }
                _ => "the enrichment worker stopped without an answer".to_string(),
            };
            Outcome::DeadLetter { kind, error }
        }
    };
    let record = match outcome {
        Outcome::Output { key, value } => {
            let headers = cx.headers.output_headers(&source, p.trace.as_ref());
            Record::output(key, value, headers)
        }
        Outcome::DeadLetter { kind, error } => {
            debug!(partition, offset, kind = kind.as_str(), %error, "dead letter");
            dead_letter(&source, kind, &error, cx.max_message_bytes, false)
        }
    };
    let attempt = if send_now {
        let (_, producer) = cx.producer.get();
        produce::send(&producer, &record, topic(cx, &record)).await
    } else {
        Attempt::NotSent
    };
    InDelivery {
        attempt,
        record,
        source,
        generation: p.generation,
        _permits: p.permits,
        trace: p.trace,
        consumed_unix_nanos: p.consumed_unix_nanos,
    }
}

pub fn topic<'a>(cx: &'a LaneCtx, r: &Record) -> &'a str {
    if r.dead_letter.is_some() {
        &cx.dlq_topic
    } else {
        &cx.output_topic
    }
}

/// The worker's answer, or why there is none. The limit counts working time only: the clock
/// starts when a worker takes the message (not while it queues), and a pause of the whole
/// process (SIGSTOP, a frozen VM) counts as one tick, not as its wall time.
async fn await_result(
    started: oneshot::Receiver<()>,
    mut result: oneshot::Receiver<Done>,
    limit: Duration,
) -> Result<Done, DeadLetterKind> {
    if started.await.is_err() {
        // The worker dropped the job without starting (pool gone): maybe it still answered.
        return result.try_recv().map_err(|_| DeadLetterKind::Panic);
    }
    const TICK: Duration = Duration::from_millis(50);
    let mut used = Duration::ZERO;
    loop {
        let t0 = Instant::now();
        match tokio::time::timeout(TICK, &mut result).await {
            Ok(Ok(done)) => return Ok(done),
            Ok(Err(_)) => return Err(DeadLetterKind::Panic),
            Err(_) => {
                used += t0.elapsed().min(TICK * 2);
                if used >= limit {
                    return Err(DeadLetterKind::Timeout);
                }
            }
        }
    }
}

/// Acknowledge a lane's deliveries in order and advance its watermark.
async fn ack_lane(mut rx: mpsc::Receiver<InDelivery>, cx: Arc<LaneCtx>) {
    while let Some(mut d) = rx.recv().await {
        let partition = d.partition();
        cx.waiting
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(partition, Instant::now());
        let done = deliver(&mut d, &cx).await;
        cx.waiting
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&partition);
        match done {
            Delivered::Acked => {
                cx.health.broker_seen();
                cx.delivered(&d);
            }
            Delivered::Skipped => {}
            Delivered::Stop => return,
        }
        cx.metrics.in_flight.dec();
        cx.tracker.lock().unwrap_or_else(|e| e.into_inner()).ack(
            partition,
            d.offset(),
            d.generation,
        );
        cx.acked.fetch_add(1, Ordering::Relaxed);
    }
}

/// How one delivery ended.
#[derive(Debug, PartialEq, Eq)]
enum Delivered {
    /// The broker acknowledged the record (output or dead letter).
    Acked,
    /// Not even a payload-less dead letter was accepted; skipped by policy (counted, logged).
    Skipped,
    /// Same, under the `stop` policy: the daemon stops; the offset stays uncommitted.
    Stop,
}

/// Send until acknowledged, turning errors no retry can fix into smaller records.
async fn deliver(d: &mut InDelivery, cx: &LaneCtx) -> Delivered {
    let mut backoff = Duration::from_millis(100);
    let (mut generation, mut producer) = cx.producer.get();
    loop {
        if matches!(d.attempt, Attempt::NotSent) {
            d.attempt = produce::send(&producer, &d.record, topic(cx, &d.record)).await;
        }
        let err = match produce::outcome(&mut d.attempt).await {
            Ok(()) => {
                cx.health.producer_ok.store(true, Ordering::Relaxed);
                return Delivered::Acked;
            }
            Err(e) => e,
        };
        cx.metrics
            .producer
            .errors
            .with_label_values(&[d.record.role()])
            .inc();
        cx.health.producer_ok.store(false, Ordering::Relaxed);
        let mut failure = err.as_ref().map_or(Failure::Retry, produce::classify);
        if failure == Failure::Retry && producer.client().fatal_error().is_some() {
            failure = Failure::ProducerFatal;
        }
        let shown = err.map_or_else(|| "cancelled".to_string(), |e| e.to_string());
        let (partition, offset) = (d.partition(), d.offset());
        match (failure, d.record.dead_letter) {
            (Failure::ProducerFatal, _) => {
                error!(error = %shown, partition, offset, "producer failed fatally; rebuilding it");
                cx.producer.rebuild(generation);
                (generation, producer) = cx.producer.get();
            }
            (Failure::Retry, _) => {
                warn!(error = %shown, partition, offset, role = d.record.role(), retry_in_ms = backoff.as_millis() as u64, "delivery failed; retrying");
                tokio::time::sleep(backoff).await;
                backoff = (backoff * 2).min(Duration::from_secs(10));
                (generation, producer) = cx.producer.get();
            }
            (Failure::TooLarge | Failure::Rejected, None) => {
                let kind = if failure == Failure::TooLarge {
                    DeadLetterKind::OutputTooLarge
                } else {
                    DeadLetterKind::OutputRejected
                };
                warn!(error = %shown, partition, offset, kind = kind.as_str(), "output cannot be delivered; dead-lettering the input");
                let why = format!("output not delivered to {:?}: {shown}", cx.output_topic);
                d.record = dead_letter(&d.source, kind, &why, cx.max_message_bytes, false);
            }
            (Failure::TooLarge | Failure::Rejected, Some(kind)) if !d.record.stripped => {
                warn!(error = %shown, partition, offset, "dead letter refused; sending it without the payload");
                let why = format!(
                    "{}; dead letter with payload refused by {:?}: {shown}",
                    kind.as_str(),
                    cx.dlq_topic
                );
                d.record = dead_letter(&d.source, kind, &why, cx.max_message_bytes, true);
            }
            (Failure::TooLarge | Failure::Rejected, Some(_)) => {
                cx.metrics.producer.dead_letter_failures.inc();
                return dead_letter_failed(cx, partition, offset, &shown);
            }
        }
        d.attempt = produce::send(&producer, &d.record, topic(cx, &d.record)).await;
    }
}

/// Even the payload-less dead letter was refused: apply `kafka.on_dead_letter_failure`.
fn dead_letter_failed(cx: &LaneCtx, partition: i32, offset: i64, error: &str) -> Delivered {
    match cx.on_dead_letter_failure {
        DeadLetterFailurePolicy::Skip => {
            error!(partition, offset, error, dlq = %cx.dlq_topic,
                "dead letter refused by the broker; skipping the input (kafka.on_dead_letter_failure = \"skip\")");
            Delivered::Skipped
        }
        DeadLetterFailurePolicy::Stop => {
            let reason = format!(
                "dead letter for {partition}/{offset} refused by topic {:?} even without payload: {error}; \
                 stopping (kafka.on_dead_letter_failure = \"stop\"; the offset stays uncommitted)",
                cx.dlq_topic
            );
            error!(%reason, "fatal delivery failure");
            let _ = cx.fatal.send(Some(reason));
            Delivered::Stop
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rdkafka::message::Timestamp;

    fn done() -> Done {
        let m = OwnedMessage::new(None, None, "t".into(), Timestamp::NotAvailable, 0, 0, None);
        (
            Arc::new(m),
            Outcome::Output {
                key: vec![],
                value: vec![],
            },
        )
    }

    /// Time spent queued before a worker starts does not count against the limit.
    #[tokio::test]
    async fn the_clock_starts_when_work_starts() {
        let (started_tx, started) = oneshot::channel();
        let (result_tx, result) = oneshot::channel();
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(400)).await; // queued
            let _ = started_tx.send(());
            tokio::time::sleep(Duration::from_millis(20)).await; // working
            let _ = result_tx.send(done());
        });
        let r = await_result(started, result, Duration::from_millis(200)).await;
        assert!(r.is_ok(), "queued 400 ms, worked 20 ms, limit 200 ms");
    }

    #[tokio::test]
    async fn work_past_the_limit_times_out_and_a_lost_worker_is_a_panic() {
        let (started_tx, started) = oneshot::channel();
        let (_result_tx, result) = oneshot::channel::<Done>();
        started_tx.send(()).unwrap();
        let r = await_result(started, result, Duration::from_millis(150)).await;
        assert_eq!(r.err(), Some(DeadLetterKind::Timeout));
        let (started_tx, started) = oneshot::channel();
        let (result_tx, result) = oneshot::channel::<Done>();
        started_tx.send(()).unwrap();
        drop(result_tx);
        let r = await_result(started, result, Duration::from_millis(150)).await;
        assert_eq!(r.err(), Some(DeadLetterKind::Panic));
    }
}
