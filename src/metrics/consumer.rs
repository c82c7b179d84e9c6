//! The consumer's side: assignment, rebalances, offset commits, lag and offset resets.

use super::{counter, counter_vec, gauge};
use prometheus::{IntCounter, IntCounterVec, IntGauge, IntGaugeVec, Opts, Registry};

/// Metrics of the consumer side of the pipeline.
#[derive(Clone)]
pub struct ConsumerMetrics {
    /// High watermark minus position, per assigned input partition (`topic`, `partition`).
    pub lag: IntGaugeVec,
    /// Input partitions assigned to this instance.
    pub assigned_partitions: IntGauge,
    /// Consumer-group rebalance events, by kind (`assign`, `revoke`).
    pub rebalances: IntCounterVec,
    /// Offset commits, by result (`ok`, `error`).
    pub commits: IntCounterVec,
    /// Partitions whose position was past the broker's log end and were reset.
    pub offset_resets: IntCounter,
}

impl ConsumerMetrics {
    /// Register the consumer's metrics, with every bounded label series at zero.
    pub fn register(r: &Registry) -> ConsumerMetrics {
        let lag = IntGaugeVec::new(
            Opts::new(
                "verbatim_consumer_lag_messages",
                "High watermark minus the consumer's position, per assigned input partition; absent while the broker cannot be asked.",
            ),
            &["topic", "partition"],
        )
        .expect("valid metric");
        r.register(Box::new(lag.clone())).expect("unique metric");
        let m = ConsumerMetrics {
            lag,
            assigned_partitions: gauge(
                r,
                "verbatim_assigned_partitions",
                "Input partitions currently assigned to this instance.",
            ),
            rebalances: counter_vec(
                r,
                "verbatim_rebalances_total",
                "Consumer-group rebalance events, by kind (assign, revoke).",
                &["kind"],
            ),
            commits: counter_vec(
                r,
                "verbatim_offset_commits_total",
                "Offset commits, by result (ok, error).",
                &["result"],
            ),
            offset_resets: counter(
                r,
                "verbatim_offset_resets_total",
                "Partitions whose position was past the broker's log end (log lost or recreated) and were reset.",
            ),
        };
        for k in ["assign", "revoke"] {
            m.rebalances.with_label_values(&[k]);
        }
        for r in ["ok", "error"] {
            m.commits.with_label_values(&[r]);
        }
        m
    }
}
