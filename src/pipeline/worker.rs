//! The CPU side of the pipeline: a fixed pool of threads that decode and enrich messages, off the
//! async runtime. A panic in the core becomes a dead letter, never a dead daemon.

use crate::contract::{self, Origin};
use crate::enrich::Enricher;
use crate::metrics::Metrics;
use rdkafka::message::{Message, OwnedMessage};
use std::panic::AssertUnwindSafe;
use std::sync::{Arc, Mutex};
use std::time::Instant;
use tokio::sync::oneshot;

/// What became of one input message.
#[derive(Debug)]
pub enum Outcome {
    /// An output message to produce: key and JSON value.
    Output { key: Vec<u8>, value: Vec<u8> },
    /// The input goes to the dead-letter topic.
    DeadLetter { kind: &'static str, error: String },
}

/// Settings the workers need.
#[derive(Clone, Debug)]
pub struct WorkerSettings {
    pub max_article_bytes: usize,
    pub enrich: bool,
}

/// Decode and enrich one message. Pure apart from metrics; panics are caught by the caller.
pub fn process(
    msg: &OwnedMessage,
    enricher: &Enricher,
    s: &WorkerSettings,
    metrics: &Metrics,
) -> Outcome {
    let t0 = Instant::now();
    let origin = Origin {
        topic: msg.topic(),
        partition: msg.partition(),
        offset: msg.offset(),
        key: msg.key(),
    };
    let article = match contract::decode(msg.payload(), &origin, s.max_article_bytes) {
        Ok(a) => a,
        Err(e) => {
            return Outcome::DeadLetter {
                kind: e.kind(),
                error: e.to_string(),
            }
        }
    };
    metrics
        .stage_seconds
        .with_label_values(&["decode"])
        .observe(t0.elapsed().as_secs_f64());
    let key = msg
        .key()
        .filter(|k| !k.is_empty())
        .map(<[u8]>::to_vec)
        .unwrap_or_else(|| article.id.as_bytes().to_vec());
    let enrichment = if s.enrich {
        let t1 = Instant::now();
        let r = enricher.enrich(&article.document());
        let dt = t1.elapsed().as_secs_f64();
        metrics.enrich_seconds.observe(dt);
        metrics
            .stage_seconds
            .with_label_values(&["enrich"])
            .observe(dt);
        match r {
            Ok(e) => {
                metrics.observe_enrichment(&e);
                Some(e)
            }
            Err(e) => {
                return Outcome::DeadLetter {
                    kind: "enrich_error",
                    error: e.to_string(),
                }
            }
        }
    } else {
        None
    };
    let t2 = Instant::now();
    let value = contract::encode(&contract::output(article, enrichment));
    metrics
        .stage_seconds
        .with_label_values(&["encode"])
        .observe(t2.elapsed().as_secs_f64());
    Outcome::Output { key, value }
}

type Job = (OwnedMessage, oneshot::Sender<(OwnedMessage, Outcome)>);

/// A fixed pool of enrichment threads.
pub struct WorkerPool {
    tx: Option<tokio::sync::mpsc::Sender<Job>>,
    threads: Vec<std::thread::JoinHandle<()>>,
}

impl WorkerPool {
    pub fn new(
        n: usize,
        enricher: Arc<Enricher>,
        settings: WorkerSettings,
        metrics: Arc<Metrics>,
    ) -> Self {
        let (tx, rx) = tokio::sync::mpsc::channel::<Job>(n.max(1) * 2);
        let rx = Arc::new(Mutex::new(rx));
        let threads = (0..n.max(1))
            .map(|i| {
                let rx = rx.clone();
                let enricher = enricher.clone();
                let settings = settings.clone();
                let metrics = metrics.clone();
                std::thread::Builder::new()
                    .name(format!("verbatim-enrich-{i}"))
                    .spawn(move || loop {
                        let job = match rx.lock() {
                            Ok(mut guard) => guard.blocking_recv(),
                            Err(_) => return,
                        };
                        let Some((msg, reply)) = job else { return };
                        let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| {
                            process(&msg, &enricher, &settings, &metrics)
                        }))
                        .unwrap_or_else(|p| Outcome::DeadLetter {
                            kind: "panic",
                            error: format!("enrichment panicked: {}", panic_text(&p)),
                        });
                        let _ = reply.send((msg, outcome));
                    })
                    .expect("spawn worker thread")
            })
            .collect();
        WorkerPool {
            tx: Some(tx),
            threads,
        }
    }

    /// Queue a message; the receiver yields it back with its outcome.
    pub async fn submit(&self, msg: OwnedMessage) -> oneshot::Receiver<(OwnedMessage, Outcome)> {
        let (reply, rx) = oneshot::channel();
        if let Some(tx) = &self.tx {
            // Bounded: waits for a free worker slot (back-pressure on consumption).
            let _ = tx.send((msg, reply)).await;
        }
        rx
    }
}

impl Drop for WorkerPool {
    fn drop(&mut self) {
        self.tx.take();
        for t in self.threads.drain(..) {
            let _ = t.join();
        }
    }
}

fn panic_text(p: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = p.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = p.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".into()
    }
}
