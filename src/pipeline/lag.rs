//! Consumer lag per assigned input partition, for autoscalers and alerts:
//! `verbatim_consumer_lag_messages{topic,partition}` = the broker's high watermark − the
//! consumer's position (the next offset the daemon will take; before it took any, the group's
//! committed offset, else the log start, as `auto.offset.reset = earliest` reads it).
//!
//! Set from the first probe after an assignment, removed when the partition is revoked, and
//! removed for every partition while the broker cannot be asked (a missing series reads as "no
//! data", never as "no lag"). A revocation between a probe's questions and its answers wins: the
//! probe checks the rebalance generation before it writes ([`LagGuard`]).

use super::kafka::Ctx;
use prometheus::IntGaugeVec;
use rdkafka::consumer::{Consumer, StreamConsumer};
use rdkafka::{Offset, TopicPartitionList};
use std::collections::BTreeSet;
use std::sync::Mutex;
use std::time::Duration;

/// Why lag could not be read this time (the series are removed meanwhile).
#[derive(Debug, thiserror::Error)]
pub enum LagError {
    #[error("cannot read the assignment or positions of topic {topic:?}: {reason}")]
    Positions { topic: String, reason: String },
    #[error("cannot fetch the watermarks of {topic:?} partition {partition}: {reason}")]
    Watermarks {
        topic: String,
        partition: i32,
        reason: String,
    },
}

/// What the broker and the consumer say of one assigned partition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartitionView {
    pub partition: i32,
    /// The consumer's position (`None` before it took a message since the assignment).
    pub position: Option<i64>,
    pub low: i64,
    pub high: i64,
}

impl PartitionView {
    /// Messages between `from` (the next offset to read) and the high watermark.
    pub fn lag_from(&self, from: i64) -> i64 {
        (self.high - from.clamp(self.low, self.high)).max(0)
    }
}

/// Bumped by every rebalance; a probe writes lag only if no rebalance happened since it read
/// the assignment. The revocation callback holds the lock while it removes series.
#[derive(Debug, Default)]
pub struct LagGuard {
    state: Mutex<LagState>,
}

#[derive(Debug, Default)]
struct LagState {
    generation: u64,
    /// Partitions with a lag series now.
    published: BTreeSet<i32>,
}

impl LagGuard {
    pub fn current(&self) -> u64 {
        self.lock().generation
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, LagState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A rebalance: probes in flight must not write, and the revoked partitions lose their
    /// series at once.
    pub fn rebalanced(&self, gauge: &IntGaugeVec, topic: &str, revoked: &[i32]) {
        let mut st = self.lock();
        st.generation += 1;
        for p in revoked {
            if st.published.remove(p) {
                let _ = gauge.remove_label_values(&[topic, &p.to_string()]);
            }
        }
    }

    /// Write the lag series of `topic`, unless a rebalance happened since `generation`;
    /// partitions no longer in `lags` lose their series.
    pub fn publish(&self, gauge: &IntGaugeVec, topic: &str, generation: u64, lags: &[(i32, i64)]) {
        let mut st = self.lock();
        if st.generation != generation {
            return;
        }
        let now: BTreeSet<i32> = lags.iter().map(|(p, _)| *p).collect();
        for gone in st.published.difference(&now) {
            let _ = gauge.remove_label_values(&[topic, &gone.to_string()]);
        }
        for (p, lag) in lags {
            gauge.with_label_values(&[topic, &p.to_string()]).set(*lag);
        }
        st.published = now;
    }

    /// The broker cannot be asked: no lag series at all (stale values would mislead
    /// autoscalers).
    pub fn clear(&self, gauge: &IntGaugeVec, topic: &str) {
        let mut st = self.lock();
        for p in std::mem::take(&mut st.published) {
            let _ = gauge.remove_label_values(&[topic, &p.to_string()]);
        }
    }
}

const ASK: Duration = Duration::from_secs(4);

/// Position and watermarks of every assigned partition of `topic`.
pub fn views(c: &StreamConsumer<Ctx>, topic: &str) -> Result<Vec<PartitionView>, LagError> {
    let positions = c.position().map_err(|e| LagError::Positions {
        topic: topic.to_string(),
        reason: e.to_string(),
    })?;
    let mut out = Vec::new();
    for el in positions.elements_for_topic(topic) {
        let (low, high) = c
            .fetch_watermarks(topic, el.partition(), ASK)
            .map_err(|e| LagError::Watermarks {
                topic: topic.to_string(),
                partition: el.partition(),
                reason: e.to_string(),
            })?;
        let position = match el.offset() {
            Offset::Offset(p) => Some(p),
            _ => None,
        };
        out.push(PartitionView {
            partition: el.partition(),
            position,
            low,
            high,
        });
    }
    Ok(out)
}

/// Lag of each view: from the position, else from the group's committed offset, else from the
/// log start.
pub fn lags(
    c: &StreamConsumer<Ctx>,
    topic: &str,
    views: &[PartitionView],
) -> Result<Vec<(i32, i64)>, LagError> {
    let mut unread = TopicPartitionList::new();
    for v in views.iter().filter(|v| v.position.is_none()) {
        unread.add_partition(topic, v.partition);
    }
    let committed = if unread.count() > 0 {
        Some(
            c.committed_offsets(unread, ASK)
                .map_err(|e| LagError::Positions {
                    topic: topic.to_string(),
                    reason: e.to_string(),
                })?,
        )
    } else {
        None
    };
    Ok(views
        .iter()
        .map(|v| {
            let from = v.position.unwrap_or_else(|| {
                committed
                    .as_ref()
                    .and_then(|t| t.find_partition(topic, v.partition))
                    .and_then(|e| match e.offset() {
                        Offset::Offset(o) => Some(o),
                        _ => None,
                    })
                    .unwrap_or(v.low)
            });
            (v.partition, v.lag_from(from))
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lag_is_what_lies_between_the_next_offset_and_the_high_watermark() {
        let v = PartitionView {
            partition: 0,
            position: Some(3),
            low: 2,
            high: 10,
        };
        assert_eq!(v.lag_from(3), 7);
        assert_eq!(v.lag_from(10), 0);
        // A committed offset below the log start reads from the log start.
        assert_eq!(v.lag_from(0), 8);
        // A position past the log end (log lost) is not negative lag.
        assert_eq!(v.lag_from(12), 0);
    }

    fn series(g: &IntGaugeVec) -> Vec<String> {
        use prometheus::core::Collector;
        let mut out: Vec<String> = g
            .collect()
            .iter()
            .flat_map(|f| f.get_metric().to_vec())
            .map(|m| {
                let labels: Vec<String> = m
                    .get_label()
                    .iter()
                    .map(|l| format!("{}={}", l.name(), l.value()))
                    .collect();
                format!("{} {}", labels.join(","), m.get_gauge().value())
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn revocation_and_an_unreachable_broker_remove_series_and_a_stale_probe_writes_nothing() {
        let m = crate::metrics::Metrics::new();
        let g = &m.consumer.lag;
        let guard = LagGuard::default();
        let gen = guard.current();
        guard.publish(g, "in", gen, &[(0, 4), (1, 0)]);
        assert_eq!(
            series(g),
            ["partition=0,topic=in 4", "partition=1,topic=in 0"]
        );
        guard.rebalanced(g, "in", &[1]);
        assert_eq!(series(g), ["partition=0,topic=in 4"]);
        // A probe that read the assignment before the rebalance does not bring partition 1 back.
        guard.publish(g, "in", gen, &[(0, 3), (1, 9)]);
        assert_eq!(series(g), ["partition=0,topic=in 4"]);
        guard.publish(g, "in", guard.current(), &[(0, 2)]);
        assert_eq!(series(g), ["partition=0,topic=in 2"]);
        guard.clear(g, "in");
        assert!(series(g).is_empty());
    }
}
