//! Exactly-once delivery: batches of results go out in one transaction each, together with the
//! input offsets they consume. A failed transaction is aborted and retried whole (aborted records
//! stay invisible to read_committed readers); items of partitions that moved to another consumer
//! are dropped from the retry, since their new owner resumes from the last committed transaction.

use super::kafka::Ctx;
use super::lanes::{topic, InDelivery, LaneCtx};
use super::produce::{self, Attempt, KafkaProducer};
use rdkafka::consumer::{Consumer, StreamConsumer};
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::producer::Producer;
use rdkafka::{Offset, TopicPartitionList};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc;
use tracing::{error, info, warn};

/// What the transaction stage needs besides the lanes' context.
pub struct TxnSettings {
    pub consumer: Arc<StreamConsumer<Ctx>>,
    pub input_topic: String,
    pub max_messages: usize,
    pub interval: Duration,
}

/// Batch records from every lane into transactions until the lanes close.
pub async fn txn_stage(mut rx: mpsc::Receiver<InDelivery>, cx: Arc<LaneCtx>, t: TxnSettings) {
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
        if !commit_batch(&mut batch, &cx, &t).await {
            return;
        }
    }
}

/// Retry one batch until it commits (true) or a fatal error stops the daemon (false).
async fn commit_batch(batch: &mut Vec<InDelivery>, cx: &LaneCtx, t: &TxnSettings) -> bool {
    let (_, producer) = cx.producer.get();
    let mut backoff = Duration::from_millis(100);
    loop {
        {
            let tr = cx.tracker.lock().unwrap_or_else(|e| e.into_inner());
            let before = batch.len();
            batch.retain(|d| tr.is_current(d.partition(), d.generation));
            if batch.len() < before {
                cx.metrics.in_flight.sub((before - batch.len()) as i64);
                info!(
                    dropped = before - batch.len(),
                    "exactly-once: partitions moved; their new owner redoes those messages"
                );
            }
        }
        if batch.is_empty() {
            return true;
        }
        match run_transaction(&producer, cx, t, batch).await {
            Ok(()) => {
                committed(batch, cx);
                return true;
            }
            Err(e) => {
                cx.metrics
                    .producer
                    .transactions
                    .with_label_values(&["aborted"])
                    .inc();
                cx.health.producer_ok.store(false, Ordering::Relaxed);
                if matches!(&e, KafkaError::Transaction(te) if te.is_fatal()) {
                    error!(error = %e, "exactly-once: fatal transaction error");
                    let _ = cx.fatal.send(Some(format!(
                        "exactly-once: fatal transaction error, stopping (the next instance resumes from the last committed transaction): {e}"
                    )));
                    return false;
                }
                warn!(error = %e, retry_in_ms = backoff.as_millis() as u64, "exactly-once: transaction failed; aborting and retrying");
                let p = producer.clone();
                if let Err(e) = blocking(move || p.abort_transaction(Duration::from_secs(30))).await
                {
                    warn!(error = %e, "exactly-once: abort failed");
                }
                tokio::time::sleep(backoff).await;
                backoff = (backoff * 2).min(Duration::from_secs(10));
            }
        }
    }
}

/// Count and acknowledge a committed batch.
fn committed(batch: &[InDelivery], cx: &LaneCtx) {
    cx.metrics
        .producer
        .transactions
        .with_label_values(&["committed"])
        .inc();
    cx.health.producer_ok.store(true, Ordering::Relaxed);
    cx.health.broker_seen();
    let mut tr = cx.tracker.lock().unwrap_or_else(|e| e.into_inner());
    for d in batch {
        cx.delivered(d);
        cx.metrics.in_flight.dec();
        tr.ack(d.partition(), d.offset(), d.generation);
    }
    cx.acked.fetch_add(batch.len() as u64, Ordering::Relaxed);
}

/// One transaction: begin, send every record, add the input offsets, commit.
async fn run_transaction(
    producer: &KafkaProducer,
    cx: &LaneCtx,
    t: &TxnSettings,
    batch: &[InDelivery],
) -> Result<(), KafkaError> {
    let p = producer.clone();
    blocking(move || p.begin_transaction()).await?;
    let mut deliveries = Vec::with_capacity(batch.len());
    for d in batch {
        match produce::send(producer, &d.record, topic(cx, &d.record)).await {
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
    // Next offset to read per partition: each lane is in consumption order.
    let mut next: std::collections::BTreeMap<i32, i64> = std::collections::BTreeMap::new();
    for d in batch {
        let e = next.entry(d.partition()).or_insert(d.offset() + 1);
        *e = (*e).max(d.offset() + 1);
    }
    let mut tpl = TopicPartitionList::new();
    for (part, off) in &next {
        tpl.add_partition_offset(&t.input_topic, *part, Offset::Offset(*off))?;
    }
    let group = t
        .consumer
        .group_metadata()
        .ok_or(KafkaError::MessageProduction(RDKafkaErrorCode::State))?;
    let p = producer.clone();
    blocking(move || p.send_offsets_to_transaction(&tpl, &group, Duration::from_secs(30))).await?;
    let p = producer.clone();
    blocking(move || p.commit_transaction(Duration::from_secs(30))).await
}

async fn blocking(
    f: impl FnOnce() -> Result<(), KafkaError> + Send + 'static,
) -> Result<(), KafkaError> {
    tokio::task::spawn_blocking(f)
        .await
        .unwrap_or(Err(KafkaError::Canceled))
}
