//! The deployment files (Prometheus alerts, Grafana dashboard, KEDA ScaledObject) may only
//! reference metrics that the daemon really exports. Any `verbatim_*` token in those files must be
//! a metric family of `Metrics::new().render()` (histogram series may add _bucket/_sum/_count).
//!
//! With VERBATIM_METRICS_DUMP=FILE, `write_exposition_sample` writes a sample exposition (every
//! family present, a few non-zero values) there; scripts/check-deploy serves it when the daemon
//! cannot run.

use std::collections::BTreeSet;
use std::path::Path;
use verbatim::Metrics;

/// Metrics with every labelled family touched once, so that each family appears in the exposition.
fn sample_metrics() -> Metrics {
    let m = Metrics::new();
    m.consumer.lag.with_label_values(&["articles", "0"]).set(3);
    for s in ["decode", "enrich", "encode"] {
        m.stage_seconds.with_label_values(&[s]).observe(0.002);
    }
    m.consumed.inc_by(5);
    m.produced.inc_by(4);
    m.dead_letters.with_label_values(&["invalid_json"]).inc();
    m.quality.precreate(["fr", "en"]);
    m.quality.articles.with_label_values(&["fr"]).inc_by(3);
    m.quality.articles.with_label_values(&["en"]).inc();
    m.quality
        .quotes
        .with_label_values(&["fr", "direct", "true"])
        .inc_by(2);
    m.quality
        .entities
        .with_label_values(&["fr", "true"])
        .inc_by(2);
    m.entities.with_label_values(&["person"]).inc_by(7);
    m.quotes.with_label_values(&["true"]).inc_by(2);
    m.enrich_seconds.observe(0.01);
    m.end_to_end_seconds.observe(0.05);
    m.consumer.assigned_partitions.set(1);
    m.ready.set(1);
    m
}

/// Metric family names in a text exposition (from the `# TYPE` lines) with their types.
fn families(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter_map(|l| l.strip_prefix("# TYPE "))
        .filter_map(|l| {
            let mut it = l.split_whitespace();
            Some((it.next()?.to_string(), it.next()?.to_string()))
        })
        .collect()
}

fn referenced(path: &Path) -> BTreeSet<String> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let re = regex::Regex::new(r"\b(?:verbatim|process)_[a-z0-9_]*[a-z0-9]").unwrap();
    re.find_iter(&text)
        .map(|m| m.as_str().to_string())
        .collect()
}

#[test]
fn deploy_files_reference_only_exported_metrics() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fams = families(&sample_metrics().render());
    let mut known: BTreeSet<String> = BTreeSet::new();
    for (name, ty) in &fams {
        known.insert(name.clone());
        if ty == "histogram" || ty == "summary" {
            for suf in ["_bucket", "_sum", "_count"] {
                known.insert(format!("{name}{suf}"));
            }
        }
    }
    assert!(known.contains("verbatim_messages_consumed_total"));
    assert!(
        known.contains("process_cpu_seconds_total"),
        "process collector missing"
    );

    let files = [
        "deploy/prometheus/alerts.yml",
        "deploy/prometheus/alerts.test.yml",
        "deploy/grafana/verbatim.json",
        "deploy/k8s/components/keda-prometheus/scaledobject-prometheus.yaml",
        "deploy/k8s/components/monitoring/podmonitor.yaml",
    ];
    let mut unknown = Vec::new();
    let mut total = 0;
    for f in files {
        let refs = referenced(&root.join(f));
        if f.ends_with("alerts.yml")
            || f.ends_with("verbatim.json")
            || f.ends_with("scaledobject-prometheus.yaml")
        {
            assert!(!refs.is_empty(), "{f} references no verbatim_ metric");
        }
        total += refs.len();
        for r in refs {
            if !known.contains(&r) {
                unknown.push(format!("{f}: {r}"));
            }
        }
    }
    assert!(total >= 15, "suspiciously few metric references: {total}");
    assert!(
        unknown.is_empty(),
        "metrics referenced but not exported:\n{}",
        unknown.join("\n")
    );
}

#[test]
fn write_exposition_sample() {
    let text = sample_metrics().render();
    assert!(text.contains("verbatim_consumer_lag_messages{partition=\"0\",topic=\"articles\"} 3"));
    if let Ok(path) = std::env::var("VERBATIM_METRICS_DUMP") {
        std::fs::write(&path, &text).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
}
