//! `verbatim replay`: re-produce dead-lettered originals (key, payload, headers minus the
//! `verbatim-*` ones) to the input topic once their cause is fixed.
//!
//! Reads every partition of the dead-letter topic from its start (or from `--since`) up to the
//! high watermarks seen at start, so a replay that dead-letters again never feeds itself. A dead
//! letter whose payload was cut to fit (`verbatim-payload-truncated`) is not replayed: it is
//! listed with its source topic/partition/offset, where the original still is (while the
//! source topic's retention keeps it).

use crate::config::Config;
use crate::contract::headers as h;
use crate::contract::DeadLetterKind;
use crate::pipeline::kafka;
use rdkafka::client::ClientContext;
use rdkafka::consumer::{BaseConsumer, Consumer, ConsumerContext};
use rdkafka::message::{Header, Headers, Message, OwnedHeaders, OwnedMessage};
use rdkafka::producer::{FutureProducer, FutureRecord};
use rdkafka::{Offset, TopicPartitionList};
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// `verbatim replay` arguments.
#[derive(clap::Args, Debug, Clone)]
pub struct ReplayArgs {
    /// Dead-letter topic to read.
    #[arg(long)]
    pub from: String,
    /// Replay only dead letters of this kind (`verbatim-error-kind`, e.g. invalid_json).
    #[arg(long)]
    pub kind: Option<String>,
    /// Replay only dead letters written at or after this time (RFC 3339, e.g. 2026-12-01T08:00:00Z).
    #[arg(long)]
    pub since: Option<String>,
    /// Topic to produce to (default: the config's kafka.input_topic).
    #[arg(long)]
    pub to: Option<String>,
    /// Count what would be replayed, produce nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// TOML config file (brokers, client properties, the input topic); env VERBATIM__* overrides it.
    #[arg(long, short, env = "VERBATIM_CONFIG")]
    pub config: Option<std::path::PathBuf>,
}

/// Why a replay stopped.
/// The replay clients' callbacks: librdkafka's log lines and client errors go through the same
/// structured, rate-limited logging as the daemon's clients (one line per failure, `client`
/// naming the replay consumer or producer), not librdkafka's default stderr logger.
#[derive(Clone, Copy)]
pub(crate) struct ReplayCtx(&'static str);

impl ClientContext for ReplayCtx {
    /// The consumer configuration asks for statistics (the daemon reads lag from them); the
    /// replay has no use for them, and librdkafka's default would log each one at info.
    fn stats_raw(&self, _statistics: &[u8]) {}

    fn error(&self, error: rdkafka::error::KafkaError, reason: &str) {
        crate::telemetry::kafka_client_error(self.0, &error, reason);
    }

    fn log(&self, level: rdkafka::config::RDKafkaLogLevel, fac: &str, log_message: &str) {
        crate::telemetry::kafka_client_log(self.0, level, fac, log_message);
    }
}

impl ConsumerContext for ReplayCtx {}

#[derive(Debug, thiserror::Error)]
pub enum ReplayError {
    #[error("--since {0:?} is not an RFC 3339 time like 2026-12-01T08:00:00Z")]
    Since(String),
    #[error("--kind {kind:?} is not a dead-letter kind (one of: {known})")]
    Kind { kind: String, known: String },
    #[error("--to {0:?} is the dead-letter topic itself: a replay would feed itself")]
    Loop(String),
    #[error("cannot create the Kafka {client} for brokers {brokers:?}: {reason}")]
    Client {
        client: &'static str,
        brokers: String,
        reason: String,
    },
    #[error("topic {topic:?}: {reason}")]
    Topic { topic: String, reason: String },
    #[error("dead-letter topic {topic:?}: no message for {secs} s before partition {partition} reached offset {high} (the high watermark at start)")]
    Stalled {
        topic: String,
        partition: i32,
        high: i64,
        secs: u64,
    },
    #[error("cannot produce {topic:?} (from dead letter {partition}/{offset}): {reason}")]
    Produce {
        topic: String,
        partition: i32,
        offset: i64,
        reason: String,
    },
}

/// A dead letter that carries only a prefix of its original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Truncated {
    pub kind: String,
    pub source: String,
    pub dlq_partition: i32,
    pub dlq_offset: i64,
}

/// What a replay did (or, dry, would do).
#[derive(Debug, Default)]
pub struct ReplayReport {
    /// Replayed (or replayable) dead letters per kind.
    pub per_kind: BTreeMap<String, u64>,
    pub truncated: Vec<Truncated>,
    /// Dead letters left out by `--kind` or `--since`.
    pub filtered_out: u64,
}

/// How long the reader waits for the next message before calling the replay stalled.
const IDLE_LIMIT: Duration = Duration::from_secs(30);

/// The command: replay, print the counts.
pub fn main(cfg: &Config, args: &ReplayArgs) -> anyhow::Result<()> {
    let report = crate::cli::block_on(replay(cfg, args))??;
    let verb = if args.dry_run {
        "would replay"
    } else {
        "replayed"
    };
    let to = args.to.as_deref().unwrap_or(&cfg.kafka.input_topic);
    for (kind, n) in &report.per_kind {
        println!("{kind}\t{n}");
    }
    for t in &report.truncated {
        println!(
            "truncated\t{} (dead letter {}/{}): the original is at {} (source topic, partition, offset); read it from there",
            t.kind, t.dlq_partition, t.dlq_offset, t.source
        );
    }
    let total: u64 = report.per_kind.values().sum();
    eprintln!(
        "verbatim replay: {verb} {total} dead letters from {:?} to {to:?}; {} truncated (skipped), {} filtered out",
        args.from,
        report.truncated.len(),
        report.filtered_out
    );
    Ok(())
}

/// Read the dead-letter topic up to its high watermarks at start and re-produce the originals.
pub async fn replay(cfg: &Config, args: &ReplayArgs) -> Result<ReplayReport, ReplayError> {
    let k = &cfg.kafka;
    let to = args.to.clone().unwrap_or_else(|| k.input_topic.clone());
    if to == args.from {
        return Err(ReplayError::Loop(to));
    }
    check_kind(args.kind.as_deref())?;
    let since_ms = args
        .since
        .as_deref()
        .map(|s| rfc3339_ms(s).ok_or_else(|| ReplayError::Since(s.to_string())))
        .transpose()?;
    let client_err = |client: &'static str| {
        let brokers = k.brokers.clone();
        move |e: rdkafka::error::KafkaError| ReplayError::Client {
            client,
            brokers,
            reason: kafka::describe(&e),
        }
    };
    let mut ccfg = kafka::consumer_config(k);
    ccfg.set("group.id", format!("{}-replay", k.group_id));
    let consumer: BaseConsumer<ReplayCtx> = ccfg
        .create_with_context(ReplayCtx("replay-consumer"))
        .map_err(client_err("consumer"))?;
    let producer: FutureProducer<ReplayCtx> = kafka::producer_config(k)
        .create_with_context(ReplayCtx("replay-producer"))
        .map_err(client_err("producer"))?;
    let ends = start_positions(&consumer, &args.from, since_ms)?;
    let mut report = ReplayReport::default();
    let mut deliveries = Vec::new();
    let mut remaining: BTreeMap<i32, i64> = ends
        .iter()
        .filter(|e| e.start < e.high)
        .map(|e| (e.partition, e.high))
        .collect();
    let mut last_seen = Instant::now();
    while !remaining.is_empty() {
        let Some(r) = consumer.poll(Duration::from_millis(200)) else {
            // Offsets without a message (transaction markers, compaction) end a partition too.
            if let Ok(pos) = consumer.position() {
                remaining.retain(|p, high| {
                    !matches!(pos.find_partition(&args.from, *p).map(|e| e.offset()),
                        Some(Offset::Offset(o)) if o >= *high)
                });
            }
            if last_seen.elapsed() > IDLE_LIMIT {
                let (partition, high) = remaining.iter().next().map_or((0, 0), |(p, h)| (*p, *h));
                return Err(ReplayError::Stalled {
                    topic: args.from.clone(),
                    partition,
                    high,
                    secs: IDLE_LIMIT.as_secs(),
                });
            }
            continue;
        };
        let m = r
            .map_err(|e| ReplayError::Topic {
                topic: args.from.clone(),
                reason: e.to_string(),
            })?
            .detach();
        last_seen = Instant::now();
        if let Some(high) = remaining.get(&m.partition()).copied() {
            if m.offset() + 1 >= high {
                remaining.remove(&m.partition());
            }
            if m.offset() >= high {
                continue; // written after the replay started
            }
        } else {
            continue;
        }
        match triage(&m, args, since_ms) {
            Triage::Skip => report.filtered_out += 1,
            Triage::Truncated(t) => report.truncated.push(t),
            Triage::Replay(kind) => {
                *report.per_kind.entry(kind).or_default() += 1;
                if !args.dry_run {
                    deliveries.push(Delivery {
                        partition: m.partition(),
                        offset: m.offset(),
                        sent: send(&producer, &to, &m),
                    });
                }
            }
        }
    }
    await_deliveries(&to, deliveries).await?;
    Ok(report)
}

/// One re-produced dead letter on its way to the broker.
struct Delivery {
    partition: i32,
    offset: i64,
    sent: Result<rdkafka::producer::DeliveryFuture, String>,
}

/// Wait for every acknowledgement; the first failure names its dead letter.
async fn await_deliveries(to: &str, deliveries: Vec<Delivery>) -> Result<(), ReplayError> {
    for d in deliveries {
        let r = match d.sent {
            Ok(f) => f
                .await
                .map_err(|_| "cancelled".to_string())
                .and_then(|r| r.map(|_| ()).map_err(|(e, _)| e.to_string())),
            Err(e) => Err(e),
        };
        r.map_err(|reason| ReplayError::Produce {
            topic: to.to_string(),
            partition: d.partition,
            offset: d.offset,
            reason,
        })?;
    }
    Ok(())
}

/// Where one partition's replay starts and stops.
struct Span {
    partition: i32,
    start: i64,
    high: i64,
}

/// Assign every partition of `topic` from its start (or the first offset at `since_ms`) and
/// return the high watermarks seen now, where the replay stops.
fn start_positions(
    c: &BaseConsumer<ReplayCtx>,
    topic: &str,
    since_ms: Option<i64>,
) -> Result<Vec<Span>, ReplayError> {
    let terr = |reason: String| ReplayError::Topic {
        topic: topic.to_string(),
        reason,
    };
    let ask = Duration::from_secs(10);
    let md = c
        .fetch_metadata(Some(topic), ask)
        .map_err(|e| terr(e.to_string()))?;
    let parts: Vec<i32> = md
        .topics()
        .iter()
        .filter(|t| t.name() == topic && t.error().is_none())
        .flat_map(|t| t.partitions().iter().map(|p| p.id()))
        .collect();
    if parts.is_empty() {
        return Err(terr("no such topic (or no partitions)".into()));
    }
    let mut spans = Vec::new();
    for p in &parts {
        let (low, high) = c
            .fetch_watermarks(topic, *p, ask)
            .map_err(|e| terr(e.to_string()))?;
        spans.push(Span {
            partition: *p,
            start: low,
            high,
        });
    }
    if let Some(ms) = since_ms {
        let mut q = TopicPartitionList::new();
        for p in &parts {
            let _ = q.add_partition_offset(topic, *p, Offset::Offset(ms));
        }
        let found = c
            .offsets_for_times(q, ask)
            .map_err(|e| terr(e.to_string()))?;
        for s in &mut spans {
            match found.find_partition(topic, s.partition).map(|e| e.offset()) {
                Some(Offset::Offset(o)) => s.start = o.max(s.start),
                // No message at or after `since`.
                _ => s.start = s.high,
            }
        }
    }
    let mut tpl = TopicPartitionList::new();
    for s in &spans {
        let _ = tpl.add_partition_offset(topic, s.partition, Offset::Offset(s.start));
    }
    c.assign(&tpl).map_err(|e| terr(e.to_string()))?;
    Ok(spans)
}

/// A `--kind` must be one verbatim writes (a typo would silently replay nothing).
fn check_kind(kind: Option<&str>) -> Result<(), ReplayError> {
    let known: Vec<&str> = DeadLetterKind::ALL.iter().map(|k| k.as_str()).collect();
    match kind {
        Some(k) if !known.contains(&k) => Err(ReplayError::Kind {
            kind: k.to_string(),
            known: known.join(", "),
        }),
        _ => Ok(()),
    }
}

enum Triage {
    Skip,
    Truncated(Truncated),
    Replay(String),
}

fn header(m: &OwnedMessage, name: &str) -> Option<String> {
    m.headers()?
        .iter()
        .find(|x| x.key == name)
        .and_then(|x| x.value)
        .map(|v| String::from_utf8_lossy(v).into_owned())
}

fn triage(m: &OwnedMessage, args: &ReplayArgs, since_ms: Option<i64>) -> Triage {
    let kind = header(m, h::ERROR_KIND).unwrap_or_else(|| "unknown".into());
    if args.kind.as_ref().is_some_and(|k| *k != kind) {
        return Triage::Skip;
    }
    if let (Some(since), Some(ts)) = (since_ms, m.timestamp().to_millis()) {
        if ts < since {
            return Triage::Skip;
        }
    }
    if header(m, h::PAYLOAD_TRUNCATED).is_some() {
        let part = |n| header(m, n).unwrap_or_else(|| "?".into());
        return Triage::Truncated(Truncated {
            kind,
            source: format!(
                "{}/{}/{}",
                part(h::SOURCE_TOPIC),
                part(h::SOURCE_PARTITION),
                part(h::SOURCE_OFFSET)
            ),
            dlq_partition: m.partition(),
            dlq_offset: m.offset(),
        });
    }
    Triage::Replay(kind)
}

/// The original's headers: all but verbatim's own.
pub fn original_headers(m: &OwnedMessage) -> Option<OwnedHeaders> {
    let hs = m.headers()?;
    let mut out = OwnedHeaders::new();
    let mut any = false;
    for x in hs.iter() {
        if !x.key.to_ascii_lowercase().starts_with("verbatim-") {
            out = out.insert(Header {
                key: x.key,
                value: x.value,
            });
            any = true;
        }
    }
    any.then_some(out)
}

fn send(
    p: &FutureProducer<ReplayCtx>,
    to: &str,
    m: &OwnedMessage,
) -> Result<rdkafka::producer::DeliveryFuture, String> {
    let mut rec: FutureRecord<'_, [u8], [u8]> = FutureRecord::to(to);
    if let Some(k) = m.key() {
        rec = rec.key(k);
    }
    if let Some(v) = m.payload() {
        rec = rec.payload(v);
    }
    if let Some(hs) = original_headers(m) {
        rec = rec.headers(hs);
    }
    p.send_result(rec).map_err(|(e, _)| e.to_string())
}

/// Unix milliseconds of an RFC 3339 date-time (`2026-12-01T08:00:00Z`, `…T08:00:00.5+02:00`;
/// `t` and `z` in either case, a space for `T` as RFC 3339 allows).
pub fn rfc3339_ms(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let t = s.get(r)?;
        t.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| t.parse().ok())?
    };
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    if b[13] != b':' || b[16] != b':' {
        return None;
    }
    let (y, mo, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hh, mm, ss) = (num(11..13)?, num(14..16)?, num(17..19)?);
    let mut i = 19;
    let mut frac_ms = 0i64;
    if b[i] == b'.' {
        let start = i + 1;
        i = start;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return None;
        }
        let digits = &s[start..i.min(start + 3)];
        frac_ms = digits.parse::<i64>().ok()? * 10i64.pow(3 - digits.len() as u32);
    }
    let offset_min = match &s[i..] {
        "Z" | "z" => 0,
        rest if rest.len() == 6 && matches!(rest.as_bytes()[0], b'+' | b'-') => {
            if rest.as_bytes()[3] != b':' {
                return None;
            }
            let oh = num(i + 1..i + 3)?;
            let om = num(i + 4..i + 6)?;
            if oh > 23 || om > 59 {
                return None;
            }
            let sign = if rest.starts_with('-') { -1 } else { 1 };
            sign * (oh * 60 + om)
        }
        _ => return None,
    };
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let mdays = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1..=12).contains(&mo) || d < 1 || d > mdays[(mo - 1) as usize] {
        return None;
    }
    // RFC 3339 allows second 60 (a leap second).
    if hh > 23 || mm > 59 || ss > 60 {
        return None;
    }
    let days = days_from_civil(y, mo, d);
    let secs = days * 86_400 + hh * 3600 + mm * 60 + ss - offset_min * 60;
    Some(secs * 1000 + frac_ms)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;
    use rdkafka::message::Timestamp;

    #[test]
    fn kinds_are_checked() {
        assert!(check_kind(None).is_ok());
        assert!(check_kind(Some("invalid_json")).is_ok());
        let e = check_kind(Some("invalid-json")).unwrap_err().to_string();
        assert!(
            e.contains("invalid-json") && e.contains("invalid_json"),
            "{e}"
        );
    }

    #[test]
    fn rfc3339_times() {
        assert_eq!(rfc3339_ms("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(rfc3339_ms("2000-03-01T00:00:00Z"), Some(951_868_800_000));
        assert_eq!(
            rfc3339_ms("2026-12-01T08:00:00.250+02:00"),
            Some(rfc3339_ms("2026-12-01T06:00:00Z").unwrap() + 250)
        );
        assert_eq!(
            rfc3339_ms("2024-02-29t23:59:59z"),
            Some(rfc3339_ms("2024-03-01T00:00:00Z").unwrap() - 1000)
        );
        for bad in [
            "2026-12-01",
            "2026-12-01T08:00:00",
            "2026-13-01T08:00:00Z",
            "2023-02-29T08:00:00Z",
            "2026-12-01T24:00:00Z",
            "2026-12-01T08:00:00+0200",
            "2026-12-01T08:00:00.Z",
            "yesterday at noon, roughly",
        ] {
            assert_eq!(rfc3339_ms(bad), None, "{bad}");
        }
    }

    fn letter(headers: &[(&str, &str)]) -> OwnedMessage {
        let mut hs = OwnedHeaders::new();
        for (k, v) in headers {
            hs = hs.insert(Header {
                key: k,
                value: Some(v.as_bytes()),
            });
        }
        OwnedMessage::new(
            Some(b"{".to_vec()),
            Some(b"k".to_vec()),
            "dlq".into(),
            Timestamp::CreateTime(1_000),
            0,
            7,
            Some(hs),
        )
    }

    fn args(kind: Option<&str>) -> ReplayArgs {
        ReplayArgs {
            from: "dlq".into(),
            kind: kind.map(str::to_string),
            since: None,
            to: None,
            dry_run: true,
            config: None,
        }
    }

    #[test]
    fn triage_by_kind_time_and_truncation_and_headers_lose_verbatims_own() {
        let m = letter(&[
            ("x-desk", "sport"),
            (h::ERROR_KIND, "invalid_json"),
            (h::ERROR, "bad"),
            (h::SOURCE_TOPIC, "articles"),
            (h::SOURCE_PARTITION, "2"),
            (h::SOURCE_OFFSET, "41"),
        ]);
        assert!(matches!(triage(&m, &args(None), None), Triage::Replay(k) if k == "invalid_json"));
        assert!(matches!(
            triage(&m, &args(Some("too_large")), None),
            Triage::Skip
        ));
        assert!(matches!(triage(&m, &args(None), Some(2_000)), Triage::Skip));
        let hs = original_headers(&m).unwrap();
        let keys: Vec<&str> = hs.iter().map(|x| x.key).collect();
        assert_eq!(keys, ["x-desk"]);
        let cut = letter(&[
            (h::ERROR_KIND, "too_large"),
            (h::PAYLOAD_TRUNCATED, "100"),
            (h::SOURCE_TOPIC, "articles"),
            (h::SOURCE_PARTITION, "2"),
            (h::SOURCE_OFFSET, "41"),
        ]);
        match triage(&cut, &args(None), None) {
            Triage::Truncated(t) => assert_eq!(t.source, "articles/2/41"),
            _ => panic!("a truncated dead letter is not replayed"),
        }
    }
}
