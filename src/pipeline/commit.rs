//! Offsets and liveness: the periodic commit of acknowledged watermarks, the broker probe that
//! keeps `/readyz` true to connectivity and notices a stalled producer or a lost log, and the
//! bounded close of the consumer.

use super::kafka::Ctx;
use super::lag;
use super::lanes::LaneCtx;
use super::offsets::OffsetTracker;
use crate::metrics::Metrics;
use rdkafka::consumer::{CommitMode, Consumer, StreamConsumer};
use rdkafka::{Offset, TopicPartitionList};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::{oneshot, watch};
use tracing::{debug, info, warn};

/// A delivery waiting longer than this for its acknowledgement marks the producer stalled
/// (`verbatim_producer_stalled`, `/readyz` 503). Healthy acknowledgements take milliseconds;
/// librdkafka's own `message.timeout.ms` (5 minutes) is far too late to tell an operator.
pub const STALL_AFTER: Duration = Duration::from_secs(10);

/// A stall this long replaces the producer (at most once per this period): deliveries that hang
/// without an error (a broker that lost the idempotent producer's state) otherwise wait out
/// librdkafka's `message.timeout.ms` and are then retried through the same dead producer.
pub const REBUILD_AFTER: Duration = Duration::from_secs(30);

/// Resolve once `rx` holds true.
pub async fn wait_true(rx: &mut watch::Receiver<bool>) {
    while !*rx.borrow() {
        if rx.changed().await.is_err() {
            // Sender gone: nobody can ask us to stop any more; run until the process ends.
            std::future::pending::<()>().await;
        }
    }
}

/// Commit acknowledged watermarks every `every`, until told to stop.
pub async fn commit_loop(
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
        commit_now(
            &consumer,
            &tracker,
            &metrics,
            &topic,
            every.max(COMMIT_LIMIT),
        )
        .await;
    }
}

/// Longest a synchronous commit may hold the loop or the shutdown.
pub const COMMIT_LIMIT: Duration = Duration::from_secs(5);

/// Commit what is acknowledged, waiting at most `limit` (a broker that does not answer must
/// not hold the shutdown; what is not committed is re-read, never lost).
pub async fn commit_now(
    consumer: &Arc<StreamConsumer<Ctx>>,
    tracker: &Arc<Mutex<OffsetTracker>>,
    metrics: &Metrics,
    topic: &str,
    limit: Duration,
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
    let task = tokio::task::spawn_blocking(move || c.commit(&tpl, CommitMode::Sync));
    let failed = match tokio::time::timeout(limit, task).await {
        Ok(Ok(Ok(()))) => {
            metrics.consumer.commits.with_label_values(&["ok"]).inc();
            debug!(
                ?offsets,
                ms = started.elapsed().as_millis() as u64,
                "committed"
            );
            false
        }
        Ok(Ok(Err(e))) => {
            warn!(error = %e, ?offsets, "commit failed; will retry");
            true
        }
        Ok(Err(e)) => {
            warn!(error = %e, "commit task failed");
            true
        }
        Err(_) => {
            warn!(
                ?offsets,
                secs = limit.as_secs(),
                "commit did not answer in time; will retry"
            );
            true
        }
    };
    if failed {
        metrics.consumer.commits.with_label_values(&["error"]).inc();
        let mut t = tracker.lock().unwrap_or_else(|e| e.into_inner());
        for (p, o) in offsets {
            t.commit_failed(p, o);
        }
    }
}

/// Every second: the producer's stall state. Every five: a metadata round trip (so `/readyz`
/// reflects connectivity even when idle) and a check that no assigned partition's position is
/// past the broker's log end (a broker that lost its log, or a recreated topic).
pub async fn probe_loop(
    consumer: Arc<StreamConsumer<Ctx>>,
    lanes: Arc<LaneCtx>,
    topic: String,
    mut stop: watch::Receiver<bool>,
) {
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    for n in 0u64.. {
        tokio::select! {
            _ = tick.tick() => {}
            _ = wait_true(&mut stop) => return,
        }
        stall_check(&lanes);
        if n % 5 != 0 {
            continue;
        }
        let c = consumer.clone();
        let t = topic.clone();
        let probe = tokio::task::spawn_blocking(move || {
            let answered = c.fetch_metadata(Some(&t), Duration::from_secs(4)).is_ok();
            if !answered {
                // No lag series while the broker cannot be asked.
                let ctx = c.context();
                ctx.lag_guard.clear(&ctx.metrics.consumer.lag, &t);
            }
            answered && probe_partitions(&c, &t)
        });
        if let Ok(Ok(true)) = tokio::time::timeout(Duration::from_secs(10), probe).await {
            lanes.health.broker_seen();
        }
    }
}

/// Mark the producer stalled while a delivery waits too long or the producer is fatal.
fn stall_check(lanes: &LaneCtx) {
    let waited = lanes.oldest_wait().unwrap_or_default();
    let fatal = lanes.producer.fatal();
    let stalled = waited >= STALL_AFTER || fatal.is_some();
    let was = lanes
        .health
        .producer_stalled
        .swap(stalled, Ordering::Relaxed);
    lanes.metrics.producer.stalled.set(i64::from(stalled));
    if waited >= REBUILD_AFTER {
        lanes.producer.rebuild_if_older(REBUILD_AFTER);
    }
    if stalled && !was {
        warn!(waited_secs = waited.as_secs(), fatal = ?fatal, "producer stalled: deliveries are not being acknowledged");
    } else if !stalled && was {
        info!("producer recovered: deliveries acknowledged again");
    }
}

/// Watermarks and positions of the assigned partitions: lag published, lost positions reset.
/// Returns false (and removes the lag series) when the broker could not be asked.
fn probe_partitions(c: &StreamConsumer<Ctx>, topic: &str) -> bool {
    let ctx = c.context();
    let generation = ctx.lag_guard.current();
    let read = lag::views(c, topic).and_then(|views| {
        reset_lost_positions(c, topic, &views);
        lag::lags(c, topic, &views)
    });
    match read {
        Ok(lags) => {
            ctx.lag_guard
                .publish(&ctx.metrics.consumer.lag, topic, generation, &lags);
            true
        }
        Err(e) => {
            debug!(error = %e, "lag unknown: series removed until the broker answers");
            ctx.lag_guard.clear(&ctx.metrics.consumer.lag, topic);
            false
        }
    }
}

/// For each assigned partition whose position lies beyond the broker's high watermark, the
/// log it was reading is gone (broker state lost, topic recreated): Kafka would answer
/// OFFSET_OUT_OF_RANGE and reset by `auto.offset.reset`; a broker that does not must not leave
/// the consumer waiting forever for offsets that will never come. Seek to the log start.
fn reset_lost_positions(c: &StreamConsumer<Ctx>, topic: &str, views: &[lag::PartitionView]) {
    for v in views {
        let Some(pos) = v.position else { continue };
        if pos > v.high {
            warn!(
                partition = v.partition,
                position = pos,
                high_watermark = v.high,
                "position past the log end (log lost or topic recreated); reading from the start"
            );
            c.context().metrics.consumer.offset_resets.inc();
            c.context()
                .tracker
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .assign(v.partition);
            let mut tpl = TopicPartitionList::new();
            let _ = tpl.add_partition_offset(topic, v.partition, Offset::Offset(v.low));
            if let Err(e) = c.seek_partitions(tpl, Duration::from_secs(4)) {
                warn!(error = %e, partition = v.partition, "seek to the log start failed; will retry");
            }
        }
    }
}

/// Leave the group and close the consumer, without letting a broker that never answers hold
/// the process: closing waits for the group coordinator, so it runs on its own thread.
pub async fn close_bounded(consumer: Arc<StreamConsumer<Ctx>>, limit: Duration) {
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
