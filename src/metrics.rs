//! Every metric the daemon exports, defined in one place. Prometheus conventions: `verbatim_`
//! prefix, base units, `_total` counters, `_seconds` histograms, bounded label sets.

use crate::contract::DeadLetterKind;
use crate::enrich::{Enrichment, EntityType};
use prometheus::{
    Encoder, Histogram, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge,
    IntGaugeVec, Opts, Registry, TextEncoder,
};

pub mod consumer;
pub mod producer;
pub mod quality;

pub use consumer::ConsumerMetrics;
pub use producer::ProducerMetrics;
pub use quality::QualityMetrics;

/// The daemon's metrics, registered in their own registry.
pub struct Metrics {
    /// The registry /metrics renders.
    pub registry: Registry,
    /// `verbatim_messages_consumed_total`: input messages consumed.
    pub consumed: IntCounter,
    /// `verbatim_messages_produced_total`: outputs the broker acknowledged.
    pub produced: IntCounter,
    /// `verbatim_dead_letters_total{reason}`: dead letters acknowledged, by kind.
    pub dead_letters: IntCounterVec,
    /// `verbatim_entities_total{type}`: entities found, by type.
    pub entities: IntCounterVec,
    /// `verbatim_quotes_total{attributed}`: quotes found, by whether a speaker was attributed.
    pub quotes: IntCounterVec,
    /// Per-language telemetry of quality (articles, quotes, entities).
    pub quality: QualityMetrics,
    /// `verbatim_enrich_duration_seconds`: time to enrich one article.
    pub enrich_seconds: Histogram,
    /// `verbatim_end_to_end_latency_seconds`: from the input's timestamp to the output's
    /// acknowledgement.
    pub end_to_end_seconds: Histogram,
    /// `verbatim_in_flight_messages`: consumed and not yet acknowledged.
    pub in_flight: IntGauge,
    /// `verbatim_kafka_errors_total{client}`: client-level errors librdkafka reports.
    pub kafka_errors: IntCounterVec,
    /// The consumer's side (lag, assignment, rebalances, commits, offset resets).
    pub consumer: ConsumerMetrics,
    /// The producer's health (errors, rebuilds, stalls, transactions).
    pub producer: ProducerMetrics,
    /// `verbatim_ready`: 1 when /readyz answers 200.
    pub ready: IntGauge,
    /// `verbatim_stage_duration_seconds{stage}`: time per pipeline stage (decode, enrich,
    /// encode).
    pub stage_seconds: HistogramVec,
    /// `verbatim_kb_reloads_total{result}`: knowledge-base reloads, ok or error.
    pub kb_reloads: IntCounterVec,
    /// `verbatim_kb_entries`: entries of the knowledge base in use.
    pub kb_entries: IntGauge,
    /// `verbatim_build_info{version,rdkafka_version,group}`: always 1, its labels say what runs.
    pub build_info: IntGaugeVec,
}

/// `verbatim_build_info`, set for no group yet.
fn build_info(r: &Registry) -> IntGaugeVec {
    let build = gauge_vec(
        r,
        "verbatim_build_info",
        "Build information; value is always 1.",
        &["version", "rdkafka_version", "group"],
    );
    build.with_label_values(&build_labels("")).set(1);
    build
}

/// `verbatim_build_info` labels: version, librdkafka version, consumer group.
fn build_labels(group: &str) -> [String; 3] {
    [
        env!("CARGO_PKG_VERSION").to_string(),
        rdkafka::util::get_rdkafka_version().1,
        group.to_string(),
    ]
}

pub(crate) fn counter(r: &Registry, name: &str, help: &str) -> IntCounter {
    let c = IntCounter::with_opts(Opts::new(name, help)).expect("valid metric");
    r.register(Box::new(c.clone())).expect("unique metric");
    c
}

pub(crate) fn counter_vec(r: &Registry, name: &str, help: &str, labels: &[&str]) -> IntCounterVec {
    let c = IntCounterVec::new(Opts::new(name, help), labels).expect("valid metric");
    r.register(Box::new(c.clone())).expect("unique metric");
    c
}

fn gauge_vec(r: &Registry, name: &str, help: &str, labels: &[&str]) -> IntGaugeVec {
    let g = IntGaugeVec::new(Opts::new(name, help), labels).expect("valid metric");
    r.register(Box::new(g.clone())).expect("unique metric");
    g
}

/// Buckets of the duration histograms: 0.5 ms to 60 s.
fn seconds_buckets() -> Vec<f64> {
    vec![
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
        60.0,
    ]
}

fn histogram(r: &Registry, name: &str, help: &str) -> Histogram {
    let h = Histogram::with_opts(HistogramOpts::new(name, help).buckets(seconds_buckets()))
        .expect("valid metric");
    r.register(Box::new(h.clone())).expect("unique metric");
    h
}

pub(crate) fn gauge(r: &Registry, name: &str, help: &str) -> IntGauge {
    let g = IntGauge::with_opts(Opts::new(name, help)).expect("valid metric");
    r.register(Box::new(g.clone())).expect("unique metric");
    g
}

impl Metrics {
    /// Register every metric in a new registry, each labelled series at zero.
    pub fn new() -> Metrics {
        let r = Registry::new();
        let build = build_info(&r);
        #[cfg(target_os = "linux")]
        {
            // No namespace: the standard names (process_cpu_seconds_total,
            // process_resident_memory_bytes, process_open_fds, process_start_time_seconds) that
            // every exporter uses and dashboards expect.
            let pc = prometheus::process_collector::ProcessCollector::for_self();
            r.register(Box::new(pc)).expect("unique");
        }

        let m = Metrics {
            consumed: counter(
                &r,
                "verbatim_messages_consumed_total",
                "Input messages consumed.",
            ),
            produced: counter(
                &r,
                "verbatim_messages_produced_total",
                "Enriched messages acknowledged by the broker on the output topic.",
            ),
            dead_letters: counter_vec(
                &r,
                "verbatim_dead_letters_total",
                "Inputs sent to the dead-letter topic (acknowledged), by reason.",
                &["reason"],
            ),
            entities: counter_vec(
                &r,
                "verbatim_entities_total",
                "Entities found, by type.",
                &["type"],
            ),
            quotes: counter_vec(
                &r,
                "verbatim_quotes_total",
                "Quotes found (direct and indirect), by whether a speaker was attributed.",
                &["attributed"],
            ),
            quality: QualityMetrics::register(&r),
            enrich_seconds: histogram(
                &r,
                "verbatim_enrich_duration_seconds",
                "Time to enrich one article (decode excluded).",
            ),
            end_to_end_seconds: histogram(
                &r,
                "verbatim_end_to_end_latency_seconds",
                "From the input message's timestamp to the broker's acknowledgement of the output.",
            ),
            in_flight: gauge(
                &r,
                "verbatim_in_flight_messages",
                "Messages consumed and not yet acknowledged.",
            ),
            consumer: ConsumerMetrics::register(&r),
            producer: ProducerMetrics::register(&r),
            kafka_errors: counter_vec(
                &r,
                "verbatim_kafka_errors_total",
                "Client-level Kafka errors reported by librdkafka, by client (consumer, producer).",
                &["client"],
            ),
            ready: gauge(&r, "verbatim_ready", "1 when /readyz answers 200."),
            kb_reloads: counter_vec(
                &r,
                "verbatim_kb_reloads_total",
                "Knowledge-base reloads (SIGHUP or a changed file), by result (ok, error).",
                &["result"],
            ),
            kb_entries: gauge(
                &r,
                "verbatim_kb_entries",
                "Entries of the knowledge base in use (built-in places and newsroom files).",
            ),
            stage_seconds: {
                let h = HistogramVec::new(
                    HistogramOpts::new(
                        "verbatim_stage_duration_seconds",
                        "Time spent per pipeline stage (decode, enrich, encode).",
                    )
                    .buckets(seconds_buckets()),
                    &["stage"],
                )
                .expect("valid metric");
                r.register(Box::new(h.clone())).expect("unique metric");
                h
            },
            build_info: build,
            registry: r,
        };
        m.zero_series();
        m
    }

    /// Pre-create the bounded label series so dashboards and alerts see zeros, not gaps.
    fn zero_series(&self) {
        let m = self;
        for k in DeadLetterKind::ALL {
            m.dead_letters.with_label_values(&[k.as_str()]);
        }
        for c in ["consumer", "producer"] {
            m.kafka_errors.with_label_values(&[c]);
        }
        for t in [
            EntityType::Person,
            EntityType::Location,
            EntityType::Organization,
            EntityType::Misc,
        ] {
            m.entities.with_label_values(&[t.as_str()]);
        }
        for a in ["true", "false"] {
            m.quotes.with_label_values(&[a]);
        }
        for r in ["ok", "error"] {
            m.kb_reloads.with_label_values(&[r]);
        }
    }

    /// Name the consumer group in `verbatim_build_info{group}` (the daemon, once configured).
    pub fn set_group(&self, group: &str) {
        self.build_info.reset();
        self.build_info
            .with_label_values(&build_labels(group))
            .set(1);
    }

    /// Count what one enrichment found.
    pub fn observe_enrichment(&self, e: &Enrichment) {
        self.quality.observe(e);
        for ent in &e.entities {
            self.entities
                .with_label_values(&[ent.entity_type.as_str()])
                .inc();
        }
        for q in &e.quotes {
            let a = if q.speaker.is_some() { "true" } else { "false" };
            self.quotes.with_label_values(&[a]).inc();
        }
    }

    /// Prometheus text exposition.
    pub fn render(&self) -> String {
        let mut buf = Vec::new();
        let _ = TextEncoder::new().encode(&self.registry.gather(), &mut buf);
        String::from_utf8(buf).unwrap_or_default()
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_conventions() {
        let m = Metrics::new();
        let text = m.render();
        for fam in m.registry.gather() {
            let n = fam.name();
            assert!(
                n.starts_with("verbatim_") || n.starts_with("process_"),
                "{n}"
            );
            if fam.get_field_type() == prometheus::proto::MetricType::COUNTER {
                assert!(n.ends_with("_total"), "{n}");
            }
            if fam.get_field_type() == prometheus::proto::MetricType::HISTOGRAM {
                assert!(n.ends_with("_seconds"), "{n}");
            }
        }
        assert!(text.contains("verbatim_dead_letters_total{reason=\"invalid_json\"} 0"));
        assert!(text.contains("verbatim_build_info"));
        #[cfg(target_os = "linux")]
        for n in [
            "process_cpu_seconds_total",
            "process_resident_memory_bytes",
            "process_open_fds",
            "process_start_time_seconds",
        ] {
            assert!(text.contains(&format!("# TYPE {n} ")), "{n} missing");
        }
    }
}
