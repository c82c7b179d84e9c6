//! The CPU side of the pipeline: a fixed pool of threads that decode and enrich messages, off the
//! async runtime. A panic in the core becomes a dead letter, never a dead daemon.

use crate::contract::{self, DeadLetterKind, Origin};
use crate::enrich::{EnrichError, EnrichOptions, Enricher};
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
    DeadLetter { kind: DeadLetterKind, error: String },
}

/// Settings the workers need.
#[derive(Clone, Debug)]
pub struct WorkerSettings {
    pub max_article_bytes: usize,
    pub enrich: bool,
    /// What each enrichment adds beyond the contract (`verbatim enrich --explain`); the
    /// daemon's are [`WorkerSettings::daemon`]'s.
    pub options: EnrichOptions,
}

impl WorkerSettings {
    /// The daemon's settings: the config's limits, never an explain object on the wire.
    pub fn daemon(cfg: &crate::config::Config) -> Self {
        WorkerSettings {
            max_article_bytes: cfg.limits.max_article_bytes,
            enrich: cfg.pipeline.enrich,
            options: EnrichOptions::default(),
        }
    }
}

/// Decode and enrich one message (the daemon's worker threads). Panics are caught by the caller.
pub fn process(
    msg: &OwnedMessage,
    enricher: &Enricher,
    s: &WorkerSettings,
    metrics: &Metrics,
) -> Outcome {
    let origin = Origin {
        topic: msg.topic(),
        partition: msg.partition(),
        offset: msg.offset(),
        key: msg.key(),
    };
    process_payload(msg.payload(), &origin, enricher, s, Some(metrics))
}

/// The one message path, shared by the daemon and `verbatim enrich`: decode the payload
/// through the contract, enrich it, encode the output, or say why it is a dead letter.
/// The output key is the input's key, else the article id.
pub fn process_payload(
    payload: Option<&[u8]>,
    origin: &Origin,
    enricher: &Enricher,
    s: &WorkerSettings,
    metrics: Option<&Metrics>,
) -> Outcome {
    let stage = |name: &str, t: Instant| {
        if let Some(m) = metrics {
            m.stage_seconds
                .with_label_values(&[name])
                .observe(t.elapsed().as_secs_f64());
        }
    };
    let t0 = Instant::now();
    let article = match contract::decode(payload, origin, s.max_article_bytes) {
        Ok(a) => a,
        Err(e) => {
            return Outcome::DeadLetter {
                kind: e.kind(),
                error: e.to_string(),
            }
        }
    };
    stage("decode", t0);
    let key = origin
        .key
        .filter(|k| !k.is_empty())
        .map(<[u8]>::to_vec)
        .unwrap_or_else(|| article.id.as_bytes().to_vec());
    let enrichment = if s.enrich {
        let t1 = Instant::now();
        let r = enricher.enrich_with(&article.document(), s.options);
        if let Some(m) = metrics {
            m.enrich_seconds.observe(t1.elapsed().as_secs_f64());
        }
        stage("enrich", t1);
        match r {
            Ok(e) => {
                if let Some(m) = metrics {
                    m.observe_enrichment(&e);
                }
                Some(e)
            }
            Err(e) => {
                let kind = match e {
                    EnrichError::TooManyTokens { .. } => DeadLetterKind::TooManyTokens,
                    _ => DeadLetterKind::EnrichError,
                };
                return Outcome::DeadLetter {
                    kind,
                    error: e.to_string(),
                };
            }
        }
    } else {
        None
    };
    let t2 = Instant::now();
    let value = contract::encode(&contract::output(article, enrichment));
    stage("encode", t2);
    Outcome::Output { key, value }
}

/// One message for the pool: `started` fires when a worker takes it, `reply` carries the result.
struct Job {
    msg: Arc<OwnedMessage>,
    /// The article's span, entered while the worker processes it.
    span: tracing::Span,
    started: oneshot::Sender<()>,
    reply: oneshot::Sender<(Arc<OwnedMessage>, Outcome)>,
}

/// What [`WorkerPool::submit`] hands back: the two signals of the job.
pub struct Submitted {
    pub started: oneshot::Receiver<()>,
    pub result: oneshot::Receiver<(Arc<OwnedMessage>, Outcome)>,
}

/// A fixed pool of enrichment threads.
///
/// Dropping the pool closes its queue; threads finish their current message and end on their
/// own. They are not joined: a thread still working on a pathological input must not hold up
/// the shutdown (its result has nobody to go to, and the process exits).
pub struct WorkerPool {
    tx: tokio::sync::mpsc::Sender<Job>,
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
        for i in 0..n.max(1) {
            let rx = rx.clone();
            let enricher = enricher.clone();
            let settings = settings.clone();
            let metrics = metrics.clone();
            std::thread::Builder::new()
                .name(format!("verbatim-enrich-{i}"))
                .stack_size(WORKER_STACK_BYTES)
                .spawn(move || loop {
                    let job = match rx.lock() {
                        Ok(mut guard) => guard.blocking_recv(),
                        Err(_) => return,
                    };
                    let Some(job) = job else { return };
                    let _ = job.started.send(());
                    let entered = job.span.enter();
                    let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| {
                        process(&job.msg, &enricher, &settings, &metrics)
                    }))
                    .unwrap_or_else(|p| Outcome::DeadLetter {
                        kind: DeadLetterKind::Panic,
                        error: format!("enrichment panicked: {}", panic_text(&p)),
                    });
                    drop(entered);
                    let _ = job.reply.send((job.msg, outcome));
                })
                .expect("spawn worker thread");
        }
        WorkerPool { tx }
    }

    /// Queue a message, waiting for a free slot (back-pressure on consumption). `None` when
    /// the pool is gone.
    pub async fn submit(&self, msg: Arc<OwnedMessage>, span: tracing::Span) -> Option<Submitted> {
        let (started_tx, started) = oneshot::channel();
        let (reply, result) = oneshot::channel();
        let job = Job {
            msg,
            span,
            started: started_tx,
            reply,
        };
        self.tx.send(job).await.ok()?;
        Some(Submitted { started, result })
    }
}

/// Stack of an enrichment thread. No stage recurses with the input's length (hostile-input
/// tests check it on long tokens); this leaves room for the deepest fixed-depth regex and
/// parser frames.
pub const WORKER_STACK_BYTES: usize = 8 << 20;

fn panic_text(p: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = p.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = p.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::EnricherConfig;

    /// An invented article through the message path with `s`; the output as JSON.
    fn output(s: &WorkerSettings) -> serde_json::Value {
        let enricher = Enricher::new(EnricherConfig::default()).unwrap();
        let payload = br#"{"id": "t1", "lang": "en", "title": "Harbour plan", "body": "Jane Roe met the press in Porto. \u201cWe will rebuild the old bridge,\u201d she said."}"#;
        let origin = Origin {
            topic: "articles",
            partition: 0,
            offset: 1,
            key: None,
        };
        match process_payload(Some(payload), &origin, &enricher, s, None) {
            Outcome::Output { value, .. } => serde_json::from_slice(&value).unwrap(),
            Outcome::DeadLetter { kind, error } => panic!("dead letter {kind:?}: {error}"),
        }
    }

    #[test]
    fn the_daemon_never_emits_explain() {
        let daemon = WorkerSettings::daemon(&crate::config::Config::default());
        let v = output(&daemon);
        assert!(!v["quotes"].as_array().unwrap().is_empty(), "{v}");
        assert!(v.get("explain").is_none(), "{v}");
        // The same article with the option `verbatim enrich --explain` sets.
        let v = output(&WorkerSettings {
            options: EnrichOptions { explain: true },
            ..daemon
        });
        let explain = &v["explain"];
        assert!(!explain["ner"].as_array().unwrap().is_empty(), "{v}");
        assert_eq!(
            explain["entities"].as_array().unwrap().len(),
            v["entities"].as_array().unwrap().len()
        );
        assert_eq!(
            explain["quotes"].as_array().unwrap().len(),
            v["quotes"].as_array().unwrap().len()
        );
    }
}
