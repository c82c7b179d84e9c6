//! The producer's health: failed and retried deliveries, rebuilds after a fatal error, stalls,
//! dead letters refused for good, and exactly-once transactions.

use super::{counter, counter_vec, gauge};
use prometheus::{IntCounter, IntCounterVec, IntGauge, Registry};

/// Metrics of the producer side of the pipeline.
#[derive(Clone)]
pub struct ProducerMetrics {
    /// Failed deliveries (retried), by topic role (`output`, `dlq`).
    pub errors: IntCounterVec,
    /// Producers replaced after librdkafka declared them fatally failed.
    pub rebuilds: IntCounter,
    /// 1 while the oldest unacknowledged delivery has been failing for over 10 s.
    pub stalled: IntGauge,
    /// Dead letters the broker refused for good, even without payload.
    pub dead_letter_failures: IntCounter,
    /// Exactly-once transactions by result (`committed`, `aborted`).
    pub transactions: IntCounterVec,
}

impl ProducerMetrics {
    /// Register the producer's metrics, with every label series at zero.
    pub fn register(r: &Registry) -> ProducerMetrics {
        let m = ProducerMetrics {
            errors: counter_vec(
                r,
                "verbatim_producer_errors_total",
                "Failed deliveries (retried), by topic role (output, dlq).",
                &["topic"],
            ),
            rebuilds: counter(
                r,
                "verbatim_producer_rebuilds_total",
                "Producers replaced after librdkafka declared them fatally failed.",
            ),
            stalled: gauge(
                r,
                "verbatim_producer_stalled",
                "1 while the oldest unacknowledged delivery has been failing for over 10 s (or the producer is fatal).",
            ),
            dead_letter_failures: counter(
                r,
                "verbatim_dead_letter_failures_total",
                "Dead letters the broker refused for good, even without payload (skipped or fatal by kafka.on_dead_letter_failure).",
            ),
            transactions: counter_vec(
                r,
                "verbatim_transactions_total",
                "Exactly-once mode: transactions by result (committed, aborted).",
                &["result"],
            ),
        };
        for t in ["output", "dlq"] {
            m.errors.with_label_values(&[t]);
        }
        for t in ["committed", "aborted"] {
            m.transactions.with_label_values(&[t]);
        }
        m
    }
}
