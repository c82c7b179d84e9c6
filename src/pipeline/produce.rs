//! The producing side: what a record is, how a dead letter is built (and kept under the
//! producer's size limit), how a send is enqueued, which delivery errors no retry can fix, and
//! the producer handle that is rebuilt when librdkafka declares the producer dead.

use super::kafka::ProducerCtx;
use crate::contract::headers as h;
use crate::contract::DeadLetterKind;
use crate::metrics::Metrics;
use rdkafka::config::ClientConfig;
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::message::{Header, Headers, Message, OwnedHeaders, OwnedMessage};
use rdkafka::producer::{DeliveryFuture, FutureProducer, FutureRecord, Producer, PurgeConfig};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tracing::{info, warn};

/// The producer type of the daemon.
pub type KafkaProducer = FutureProducer<ProducerCtx>;

/// What is produced, kept until acknowledged so it can be sent again.
pub struct Record {
    /// `Some(kind)` for a dead letter, `None` for an output.
    pub dead_letter: Option<DeadLetterKind>,
    pub key: Option<Vec<u8>>,
    pub value: Option<Vec<u8>>,
    pub headers: Option<OwnedHeaders>,
    /// The dead letter already dropped its payload to fit; nothing smaller can be sent.
    pub stripped: bool,
}

impl Record {
    /// An enriched output, with the headers `[output.headers]` lets through.
    pub fn output(key: Vec<u8>, value: Vec<u8>, headers: Option<OwnedHeaders>) -> Record {
        Record {
            dead_letter: None,
            key: Some(key),
            value: Some(value),
            headers,
            stripped: false,
        }
    }

    /// `output` or `dlq`, for metric labels and logs.
    pub fn role(&self) -> &'static str {
        if self.dead_letter.is_some() {
            "dlq"
        } else {
            "output"
        }
    }
}

/// Bytes a record takes against `message.max.bytes` besides key, value and headers (the
/// record batch framing librdkafka counts; generous so that a fitted dead letter always fits).
const RECORD_OVERHEAD: usize = 1024;

/// The dead-letter record: original key, headers and payload, plus why and where from.
///
/// When the whole would exceed `max_bytes` (the producer's `message.max.bytes`) the payload is
/// cut to what fits (at a UTF-8 boundary) and `verbatim-original-size` /
/// `verbatim-payload-truncated` say so; the source topic/partition/offset headers locate the
/// original for a replay. With `strip`, the payload is left out entirely.
pub fn dead_letter(
    msg: &OwnedMessage,
    kind: DeadLetterKind,
    error: &str,
    max_bytes: usize,
    strip: bool,
) -> Record {
    // A readable error, bounded: it names the value, it does not carry it whole.
    let error = truncate_utf8(error.as_bytes(), 1024);
    let error = String::from_utf8_lossy(error);
    let partition = msg.partition().to_string();
    let offset = msg.offset().to_string();
    let mut ours: Vec<(&str, String)> = vec![
        (h::ERROR_KIND, kind.as_str().to_string()),
        (h::ERROR, error.into_owned()),
        (h::SOURCE_TOPIC, msg.topic().to_string()),
        (h::SOURCE_PARTITION, partition),
        (h::SOURCE_OFFSET, offset),
    ];
    let key = msg.key().map(<[u8]>::to_vec);
    let payload = msg.payload().unwrap_or_default();
    let original: Vec<(String, Option<Vec<u8>>)> = msg
        .headers()
        .map(|hs| {
            hs.iter()
                .map(|hd| (hd.key.to_string(), hd.value.map(<[u8]>::to_vec)))
                .collect()
        })
        .unwrap_or_default();
    let header_bytes: usize = original
        .iter()
        .map(|(k, v)| k.len() + v.as_ref().map_or(0, Vec::len))
        .sum::<usize>()
        + ours.iter().map(|(k, v)| k.len() + v.len()).sum::<usize>()
        + 128;
    let fixed = RECORD_OVERHEAD + header_bytes + key.as_ref().map_or(0, Vec::len);
    let room = max_bytes.saturating_sub(fixed);
    let value = if strip {
        ours.push((h::ORIGINAL_SIZE, payload.len().to_string()));
        ours.push((h::PAYLOAD_TRUNCATED, "0".to_string()));
        None
    } else if payload.len() > room {
        let kept = truncate_utf8(payload, room);
        ours.push((h::ORIGINAL_SIZE, payload.len().to_string()));
        ours.push((h::PAYLOAD_TRUNCATED, kept.len().to_string()));
        Some(kept.to_vec())
    } else {
        msg.payload().map(<[u8]>::to_vec)
    };
    let mut headers = OwnedHeaders::new();
    for (k, v) in &original {
        headers = headers.insert(Header {
            key: k,
            value: v.as_deref(),
        });
    }
    for (k, v) in &ours {
        headers = headers.insert(Header {
            key: k,
            value: Some(v.as_bytes()),
        });
    }
    Record {
        dead_letter: Some(kind),
        key,
        value,
        headers: Some(headers),
        stripped: strip,
    }
}

/// The longest prefix of `b` of at most `max` bytes that ends on a UTF-8 character boundary
/// when `b` is UTF-8 (bytes otherwise).
fn truncate_utf8(b: &[u8], max: usize) -> &[u8] {
    if b.len() <= max {
        return b;
    }
    let mut end = max;
    // Back off over continuation bytes (10xxxxxx) so a multi-byte character is not split.
    while end > 0 && end < b.len() && (b[end] & 0xC0) == 0x80 {
        end -= 1;
    }
    &b[..end]
}

/// A delivery in progress, or an enqueue that failed without reaching the broker.
pub enum Attempt {
    NotSent,
    Sent(DeliveryFuture),
    Failed(KafkaError),
}

/// What a failed delivery means for the record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// Transient (broker down, leader moving, timeouts): send the same record again later.
    Retry,
    /// The record is larger than the producer or broker accepts: retrying cannot succeed.
    TooLarge,
    /// The broker refuses the record for good (invalid topic, authorization, policy).
    Rejected,
    /// The producer instance is dead (librdkafka fatal error): rebuild it, then send again.
    ProducerFatal,
}

/// Classify a delivery error. Unknown errors are retried: losing a message is worse than
/// waiting, and every retry is logged and counted.
pub fn classify(e: &KafkaError) -> Failure {
    use RDKafkaErrorCode as C;
    let code = match e {
        KafkaError::MessageProduction(c) => *c,
        _ => return Failure::Retry,
    };
    match code {
        C::MessageSizeTooLarge | C::InvalidMessageSize | C::MessageBatchTooLarge => {
            Failure::TooLarge
        }
        C::InvalidTopic
        | C::TopicAuthorizationFailed
        | C::ClusterAuthorizationFailed
        | C::PolicyViolation
        | C::InvalidRecord
        | C::UnsupportedForMessageFormat
        | C::InvalidRequiredAcks => Failure::Rejected,
        C::Fatal => Failure::ProducerFatal,
        _ => Failure::Retry,
    }
}

/// The daemon's producer, rebuilt when librdkafka raises a fatal error (e.g. the idempotent
/// producer's state was lost on the broker): a fatal producer fails every send forever.
pub struct ProducerHandle {
    config: ClientConfig,
    ctx: ProducerCtx,
    current: Mutex<Current>,
    metrics: Arc<Metrics>,
}

struct Current {
    generation: u64,
    producer: KafkaProducer,
    built: std::time::Instant,
}

impl ProducerHandle {
    pub fn new(
        config: ClientConfig,
        ctx: ProducerCtx,
        metrics: Arc<Metrics>,
    ) -> Result<ProducerHandle, KafkaError> {
        let producer = config.create_with_context(ctx.clone())?;
        Ok(ProducerHandle {
            config,
            ctx,
            current: Mutex::new(Current {
                generation: 0,
                producer,
                built: std::time::Instant::now(),
            }),
            metrics,
        })
    }

    /// The current producer and its generation (pass it back to [`Self::rebuild`]).
    pub fn get(&self) -> (u64, KafkaProducer) {
        let c = self.current.lock().unwrap_or_else(|e| e.into_inner());
        (c.generation, c.producer.clone())
    }

    /// Whether the current producer is in librdkafka's fatal state.
    pub fn fatal(&self) -> Option<String> {
        let (_, p) = self.get();
        p.client()
            .fatal_error()
            .map(|(code, reason)| format!("{code:?}: {reason}"))
    }

    /// Replace a stalled producer with a new one when it has been in use for at least `age`
    /// (a producer whose deliveries hang without an error, e.g. its idempotence state is gone
    /// from a broker that lost its data and librdkafka waits out `message.timeout.ms`).
    pub fn rebuild_if_older(&self, age: Duration) {
        let generation = {
            let c = self.current.lock().unwrap_or_else(|e| e.into_inner());
            if c.built.elapsed() < age {
                return;
            }
            c.generation
        };
        self.rebuild(generation);
    }

    /// Replace a fatal producer of generation `seen` with a new one (once, however many
    /// deliveries noticed). Messages still queued in the old one are purged: they fail with a
    /// purge error and are sent again through the new one by their lanes.
    pub fn rebuild(&self, seen: u64) {
        let mut c = self.current.lock().unwrap_or_else(|e| e.into_inner());
        if c.generation != seen {
            return;
        }
        match self.config.create_with_context(self.ctx.clone()) {
            Ok(p) => {
                let old = std::mem::replace(&mut c.producer, p);
                c.generation += 1;
                c.built = std::time::Instant::now();
                // The lanes still hold clones of the old producer while they await its
                // deliveries: purge now so those deliveries end instead of waiting it out.
                old.purge(PurgeConfig::default().queue().inflight());
                self.metrics.producer.rebuilds.inc();
                info!(
                    generation = c.generation,
                    "producer rebuilt (fatal or stalled)"
                );
                // Dropping purges and flushes (up to 0.5 s): not on the async runtime.
                std::thread::spawn(move || drop(old));
            }
            Err(e) => warn!(error = %e, "cannot rebuild the producer; retrying later"),
        }
    }
}

/// Enqueue a record in the producer, waiting while its local queue is full.
pub async fn send(producer: &KafkaProducer, r: &Record, topic: &str) -> Attempt {
    loop {
        let mut rec: FutureRecord<'_, [u8], [u8]> = FutureRecord::to(topic);
        if let Some(k) = &r.key {
            rec = rec.key(k.as_slice());
        }
        if let Some(v) = &r.value {
            rec = rec.payload(v.as_slice());
        }
        if let Some(hs) = &r.headers {
            rec = rec.headers(hs.clone());
        }
        match producer.send_result(rec) {
            Ok(f) => return Attempt::Sent(f),
            Err((KafkaError::MessageProduction(RDKafkaErrorCode::QueueFull), _)) => {
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            Err((e, _)) => return Attempt::Failed(e),
        }
    }
}

/// Await one attempt: `Ok` when acknowledged, else the error (`None`: cancelled, i.e. the
/// producer dropped the message without a report).
pub async fn outcome(a: &mut Attempt) -> Result<(), Option<KafkaError>> {
    match a {
        Attempt::NotSent => Err(None),
        Attempt::Sent(f) => match f.await {
            Ok(Ok(_)) => Ok(()),
            Ok(Err((e, _))) => Err(Some(e)),
            Err(_) => Err(None),
        },
        Attempt::Failed(e) => Err(Some(e.clone())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rdkafka::message::Timestamp;

    fn msg(payload: Vec<u8>) -> OwnedMessage {
        let headers = OwnedHeaders::new().insert(Header {
            key: "trace",
            value: Some(b"abc".as_slice()),
        });
        OwnedMessage::new(
            Some(payload),
            Some(b"k1".to_vec()),
            "articles".into(),
            Timestamp::NotAvailable,
            3,
            42,
            Some(headers),
        )
    }

    fn header<'a>(r: &'a Record, key: &str) -> Option<&'a [u8]> {
        r.headers
            .as_ref()?
            .iter()
            .find(|hd| hd.key == key)
            .and_then(|hd| hd.value)
    }

    #[test]
    fn small_dead_letter_keeps_everything() {
        let m = msg(b"{\"title\": 1}".to_vec());
        let r = dead_letter(&m, DeadLetterKind::InvalidField, "bad", 1_000_000, false);
        assert_eq!(r.value.as_deref(), Some(b"{\"title\": 1}".as_slice()));
        assert_eq!(r.key.as_deref(), Some(b"k1".as_slice()));
        assert_eq!(header(&r, "trace"), Some(b"abc".as_slice()));
        assert_eq!(header(&r, h::SOURCE_OFFSET), Some(b"42".as_slice()));
        assert_eq!(header(&r, h::SOURCE_PARTITION), Some(b"3".as_slice()));
        assert_eq!(header(&r, h::ORIGINAL_SIZE), None);
    }

    #[test]
    fn oversized_dead_letter_is_cut_to_fit_on_a_char_boundary() {
        let payload = "é".repeat(600_000).into_bytes(); // 1.2 MB, two bytes a char
        let m = msg(payload.clone());
        let r = dead_letter(&m, DeadLetterKind::TooLarge, "too big", 1_000_000, false);
        let v = r.value.as_deref().unwrap();
        assert!(v.len() + RECORD_OVERHEAD < 1_000_000, "{}", v.len());
        assert!(std::str::from_utf8(v).is_ok());
        assert_eq!(
            header(&r, h::ORIGINAL_SIZE),
            Some(payload.len().to_string().as_bytes())
        );
        assert_eq!(
            header(&r, h::PAYLOAD_TRUNCATED),
            Some(v.len().to_string().as_bytes())
        );
        let stripped = dead_letter(&m, DeadLetterKind::TooLarge, "too big", 1_000_000, true);
        assert!(stripped.value.is_none() && stripped.stripped);
        assert_eq!(
            header(&stripped, h::SOURCE_TOPIC),
            Some(b"articles".as_slice())
        );
    }

    #[test]
    fn long_errors_are_bounded() {
        let m = msg(b"x".to_vec());
        let r = dead_letter(
            &m,
            DeadLetterKind::Panic,
            &"ü".repeat(5000),
            1_000_000,
            false,
        );
        let e = header(&r, h::ERROR).unwrap();
        assert!(e.len() <= 1024 && std::str::from_utf8(e).is_ok());
    }

    #[test]
    fn classification() {
        use RDKafkaErrorCode as C;
        let p = |c| KafkaError::MessageProduction(c);
        assert_eq!(classify(&p(C::MessageSizeTooLarge)), Failure::TooLarge);
        assert_eq!(classify(&p(C::TopicAuthorizationFailed)), Failure::Rejected);
        assert_eq!(classify(&p(C::InvalidTopic)), Failure::Rejected);
        assert_eq!(classify(&p(C::Fatal)), Failure::ProducerFatal);
        assert_eq!(classify(&p(C::BrokerTransportFailure)), Failure::Retry);
        assert_eq!(classify(&p(C::MessageTimedOut)), Failure::Retry);
        assert_eq!(classify(&KafkaError::Canceled), Failure::Retry);
    }
}
