//! `verbatim demo`: the zero-setup run. An embedded Kafka cluster (librdkafka's mock cluster,
//! listening on a local port), the real daemon against it, sample articles in, enriched
//! messages printed, `/metrics` served until Ctrl-C.

use crate::config::Config;
use crate::http::{self, Health};
use crate::metrics::Metrics;
use crate::{app, pipeline, telemetry};
use anyhow::{Context, Result};
use rdkafka::config::ClientConfig;
use rdkafka::consumer::{Consumer, StreamConsumer};
use rdkafka::message::Message;
use rdkafka::mocking::MockCluster;
use rdkafka::producer::{FutureProducer, FutureRecord};
use std::sync::Arc;
use std::time::Duration;

/// Sample articles: the founding French article and two short ones (fr, en).
const SAMPLES: &str = include_str!("../tests/fixtures/demo-articles.jsonl");
/// Inputs that cannot be enriched, to show the dead-letter topic.
const BAD_SAMPLES: &[&[u8]] = &[
    b"{\"title\": ",
    b"{\"id\": 7, \"body\": 42}",
    b"\xff\xfe not utf-8",
];

pub fn demo(mut cfg: Config, once: bool) -> Result<()> {
    if cfg.log.level == "info" {
        cfg.log.level = "info,rdkafka=warn,librdkafka=warn".into();
    }
    telemetry::init(&cfg.log);
    let enricher = Arc::new(app::enricher(&cfg)?);
    app::block_on(async move {
        let mock = MockCluster::new(1).context("cannot start the embedded Kafka cluster")?;
        let k = &mut cfg.kafka;
        k.brokers = mock.bootstrap_servers();
        k.group_id = "verbatim-demo".into();
        for t in [&k.input_topic, &k.output_topic, &k.dlq_topic] {
            mock.create_topic(t, 3, 1)
                .with_context(|| format!("cannot create topic {t}"))?;
        }
        println!(
            "embedded Kafka cluster on {} (topics {}, {}, {})",
            k.brokers, k.input_topic, k.output_topic, k.dlq_topic
        );

        let metrics = Arc::new(Metrics::new());
        let health = Arc::new(Health::default());
        let shutdown = app::shutdown_on_signals()?;
        let addr = cfg.http.listen.parse().context("http.listen")?;
        let (local, server) =
            match http::serve(addr, metrics.clone(), health.clone(), shutdown.clone()).await {
                Ok(s) => s,
                // The default port is taken (another verbatim?): any free port will do for a demo.
                Err(_) => {
                    http::serve(
                        "127.0.0.1:0".parse()?,
                        metrics.clone(),
                        health.clone(),
                        shutdown.clone(),
                    )
                    .await?
                }
            };
        let server = tokio::spawn(server);
        let stop_for_once = Arc::new(tokio::sync::Notify::new());
        let daemon = spawn_daemon(
            cfg.clone(),
            enricher,
            (metrics.clone(), health.clone()),
            shutdown.clone(),
            stop_for_once.clone(),
        );

        let producer: FutureProducer = ClientConfig::new()
            .set("bootstrap.servers", &cfg.kafka.brokers)
            .create()
            .context("demo producer")?;
        let good = feed(&producer, &cfg.kafka.input_topic).await?;
        let viewer: StreamConsumer = ClientConfig::new()
            .set("bootstrap.servers", &cfg.kafka.brokers)
            .set("group.id", "verbatim-demo-viewer")
            .set("auto.offset.reset", "earliest")
            .set("enable.auto.commit", "false")
            .create()
            .context("demo viewer")?;
        viewer.subscribe(&[&cfg.kafka.output_topic, &cfg.kafka.dlq_topic])?;
        let Seen { outputs, dead } = show(&viewer, &cfg.kafka.output_topic, good).await;
        // Nothing polls the viewer after this: left in its group, librdkafka would make it
        // leave after max.poll.interval.ms and log the timeout as an error.
        drop(viewer);
        println!(
            "\n{outputs} enriched messages on {}, {dead} dead letters on {}",
            cfg.kafka.output_topic, cfg.kafka.dlq_topic
        );
        println!("metrics: http://{local}/metrics   health: http://{local}/healthz   ready: http://{local}/readyz");
        if once {
            stop_for_once.notify_one();
        } else {
            println!("running until Ctrl-C…");
        }
        let summary = daemon.await.context("daemon task")??;
        // Clients first, the cluster last, so nobody reports the cluster going away.
        drop(producer);
        server.abort();
        drop(mock);
        println!("stopped ({} messages consumed)", summary.consumed);
        if outputs < good || dead < BAD_SAMPLES.len() {
            anyhow::bail!("the demo did not see every message come out");
        }
        Ok(())
    })?
}

/// Produce the sample articles and the malformed messages; the number of articles.
async fn feed(producer: &FutureProducer, topic: &str) -> Result<usize> {
    let mut good = 0;
    for line in SAMPLES.lines().filter(|l| !l.trim().is_empty()) {
        let id = serde_json::from_str::<serde_json::Value>(line)
            .ok()
            .and_then(|v| v["id"].as_str().map(str::to_string))
            .unwrap_or_default();
        producer
            .send(
                FutureRecord::to(topic).key(&id).payload(line),
                Duration::from_secs(10),
            )
            .await
            .map_err(|(e, _)| e)?;
        good += 1;
    }
    for (i, bad) in BAD_SAMPLES.iter().enumerate() {
        producer
            .send(
                FutureRecord::to(topic)
                    .key(&format!("bad-{i}"))
                    .payload(*bad),
                Duration::from_secs(10),
            )
            .await
            .map_err(|(e, _)| e)?;
    }
    println!(
        "fed {good} articles and {} malformed messages to {topic}\n",
        BAD_SAMPLES.len(),
    );
    Ok(good)
}

/// What the viewer read back.
struct Seen {
    outputs: usize,
    dead: usize,
}

/// Print what the daemon wrote (enriched articles and dead letters) until every sample is
/// accounted for or 60 s have passed.
async fn show(viewer: &StreamConsumer, output_topic: &str, good: usize) -> Seen {
    let mut seen = Seen {
        outputs: 0,
        dead: 0,
    };
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    while seen.outputs < good || seen.dead < BAD_SAMPLES.len() {
        let m = match tokio::time::timeout_at(deadline, viewer.recv()).await {
            Ok(Ok(m)) => m,
            Ok(Err(e)) => {
                eprintln!("viewer: {e}");
                continue;
            }
            Err(_) => {
                eprintln!(
                    "timed out waiting for the daemon's output ({} enriched, {} dead letters)",
                    seen.outputs, seen.dead
                );
                break;
            }
        };
        if m.topic() == output_topic {
            seen.outputs += 1;
            print_output(m.payload().unwrap_or_default());
        } else {
            seen.dead += 1;
            print_dead_letter(&m);
        }
    }
    seen
}

fn print_output(payload: &[u8]) {
    let v: serde_json::Value = serde_json::from_slice(payload).unwrap_or_default();
    println!(
        "── enriched {} ({}) ──",
        v["id"].as_str().unwrap_or("?"),
        v["lang"].as_str().unwrap_or("?")
    );
    let shown = serde_json::json!({
        "id": v["id"], "lang": v["lang"], "entities": v["entities"], "quotes": v["quotes"],
    });
    println!(
        "{}",
        serde_json::to_string_pretty(&shown).unwrap_or_default()
    );
}

fn print_dead_letter(m: &rdkafka::message::BorrowedMessage<'_>) {
    use rdkafka::message::Headers;
    let header = |name: &str| {
        m.headers().and_then(|hs| {
            hs.iter()
                .find(|h| h.key == name)
                .and_then(|h| h.value.map(|v| String::from_utf8_lossy(v).into_owned()))
        })
    };
    println!(
        "── dead letter: {} — {}",
        header(crate::contract::headers::ERROR_KIND).unwrap_or_default(),
        header(crate::contract::headers::ERROR).unwrap_or_default()
    );
}

/// The daemon in a task of its own; it stops on a signal or when `once` is notified.
fn spawn_daemon(
    cfg: Config,
    enricher: Arc<crate::enrich::Enricher>,
    (metrics, health): (Arc<Metrics>, Arc<Health>),
    mut signal: tokio::sync::watch::Receiver<bool>,
    once: Arc<tokio::sync::Notify>,
) -> tokio::task::JoinHandle<Result<pipeline::RunSummary, pipeline::PipelineError>> {
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    tokio::spawn(async move {
        tokio::select! {
            // A closed signal channel means no signal will come: wait for `once` only.
            _ = async {
                if signal.wait_for(|stop| *stop).await.is_err() {
                    std::future::pending::<()>().await;
                }
            } => {}
            _ = once.notified() => {}
        }
        let _ = stop_tx.send(true);
    });
    // The KB as the daemon keeps it: `verbatim_kb_entries` set, reloaded on SIGHUP and on change.
    let _kb_reloader = crate::kb::spawn_reloader(
        cfg.kb.clone(),
        enricher.kb().clone(),
        metrics.clone(),
        stop_rx.clone(),
    );
    tokio::spawn(async move { pipeline::run(&cfg, enricher, metrics, health, stop_rx).await })
}
