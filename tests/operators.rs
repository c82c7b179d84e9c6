//! What operators expect, on the real broker (tansu): input headers and the W3C trace context go
//! through the daemon to the output; the lag gauge counts what is left to read; the quality
//! counters count per language; dead letters are replayed with their original bytes and headers.

mod common;

use common::*;
use rdkafka::message::{Header, Headers, Message, OwnedHeaders, OwnedMessage};
use rdkafka::producer::FutureRecord;
use std::process::Command;
use std::time::Duration;
use verbatim::pipeline::trace::SpanContext;

const WAIT: Duration = Duration::from_secs(120);

/// The W3C recommendation's example parent.
const PARENT: &str = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

fn header(m: &OwnedMessage, name: &str) -> Option<String> {
    m.headers()?
        .iter()
        .find(|h| h.key == name)
        .and_then(|h| h.value.map(|v| String::from_utf8_lossy(v).into_owned()))
}

fn header_names(m: &OwnedMessage) -> Vec<String> {
    m.headers()
        .map(|hs| hs.iter().map(|h| h.key.to_string()).collect())
        .unwrap_or_default()
}

/// One input message with its headers.
struct Input<'a> {
    key: &'a str,
    value: Vec<u8>,
    headers: Vec<(&'a str, &'a str)>,
}

fn input<'a>(key: &'a str, value: Vec<u8>, headers: &[(&'a str, &'a str)]) -> Input<'a> {
    Input {
        key,
        value,
        headers: headers.to_vec(),
    }
}

/// Produce the inputs in order and wait for each acknowledgement.
async fn produce_with_headers(brokers: &str, topic: &str, msgs: &[Input<'_>]) {
    let p = producer(brokers);
    for m in msgs {
        let (k, v) = (m.key, &m.value);
        let mut headers = OwnedHeaders::new();
        for (name, value) in &m.headers {
            headers = headers.insert(Header {
                key: name,
                value: Some(value.as_bytes()),
            });
        }
        p.send(
            FutureRecord::to(topic).key(k).payload(v).headers(headers),
            Duration::from_secs(10),
        )
        .await
        .map_err(|(e, _)| e)
        .expect("produce");
    }
}

/// A stand-in OTLP collector on a loopback port: keeps every request body, answers 200.
fn collector() -> (u16, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
    use std::io::{BufRead, BufReader, Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let bodies = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let kept = bodies.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
            let mut r = BufReader::new(stream);
            let mut len = 0;
            loop {
                let mut l = String::new();
                if r.read_line(&mut l).unwrap_or(0) == 0 || l == "\r\n" {
                    break;
                }
                if let Some(v) = l.to_ascii_lowercase().strip_prefix("content-length:") {
                    len = v.trim().parse().unwrap_or(0);
                }
            }
            let mut body = vec![0; len];
            if r.read_exact(&mut body).is_ok() {
                kept.lock()
                    .unwrap()
                    .push(String::from_utf8_lossy(&body).into_owned());
            }
            let _ = r
                .get_mut()
                .write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        }
    });
    (port, bodies)
}

/// A header and the trace id go through the daemon; the article's span reaches an OTLP
/// collector as the child of the input's span.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_header_and_the_trace_id_survive_the_trip() {
    let (otlp_port, spans) = collector();
    let s = Setup::new("trace", 1).await;
    produce_with_headers(
        &s.brokers,
        &s.input,
        &[
            input(
                "traced",
                article("traced", 1),
                &[
                    ("x-newsroom", "desk-7"),
                    ("traceparent", PARENT),
                    ("tracestate", "vendor=opaque"),
                    ("verbatim-error-kind", "invalid_json"),
                ],
            ),
            input(
                "untraced",
                article("untraced", 2),
                &[("x-newsroom", "desk-8")],
            ),
        ],
    )
    .await;
    let endpoint = format!("http://127.0.0.1:{otlp_port}");
    let mut d = s.spawn(&[("VERBATIM__TELEMETRY__OTLP_ENDPOINT", &endpoint)]);
    let out = consume(&s.brokers, &s.output, 2, WAIT);
    assert_eq!(out.len(), 2, "both articles come out");
    let by_key = |k: &str| {
        out.iter()
            .find(|m| m.key() == Some(k.as_bytes()))
            .expect("output for key")
    };
    let traced = by_key("traced");
    assert_eq!(header(traced, "x-newsroom").as_deref(), Some("desk-7"));
    assert_eq!(
        header(traced, "tracestate").as_deref(),
        Some("vendor=opaque")
    );
    assert!(
        !header_names(traced)
            .iter()
            .any(|n| n.starts_with("verbatim-")),
        "denied by default: {:?}",
        header_names(traced)
    );
    let parent = SpanContext::parse(PARENT).unwrap();
    let child = SpanContext::parse(&header(traced, "traceparent").expect("traceparent")).unwrap();
    assert_eq!(child.trace_id, parent.trace_id, "same trace");
    assert_ne!(child.span_id, parent.span_id, "the article's own span");
    assert_eq!(child.flags, 1);

    let untraced = by_key("untraced");
    assert_eq!(header(untraced, "x-newsroom").as_deref(), Some("desk-8"));
    let root = SpanContext::parse(&header(untraced, "traceparent").expect("a new trace")).unwrap();
    assert_ne!(root.trace_id, parent.trace_id);
    assert_eq!(header(untraced, "tracestate"), None);

    let exported = |needle: &str| spans.lock().unwrap().iter().any(|b| b.contains(needle));
    let child_span = format!("\"spanId\":\"{:016x}\"", child.span_id);
    assert!(
        wait_until(Duration::from_secs(30), || exported(&child_span)),
        "the article's span reaches the collector: {:?}",
        spans.lock().unwrap()
    );
    assert!(exported("\"parentSpanId\":\"00f067aa0ba902b7\""));
    assert!(exported("\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\""));
    let st = d.terminate(Duration::from_secs(60)).expect("exits");
    assert!(st.success());
}

/// Value of `verbatim_consumer_lag_messages` for one topic and partition, if exported.
fn lag(d: &Daemon, topic: &str, partition: i32) -> Option<f64> {
    let (_, body) = d.get("/metrics")?;
    let topic_label = format!("topic=\"{topic}\"");
    let partition_label = format!("partition=\"{partition}\"");
    body.lines()
        .find(|l| {
            l.starts_with("verbatim_consumer_lag_messages{")
                && l.contains(&topic_label)
                && l.contains(&partition_label)
        })
        .and_then(|l| l.rsplit(' ').next()?.parse().ok())
}

/// One message in flight at most, and the producer holds its batch for ten minutes: the daemon
/// has taken exactly one message and waits. The gauge then counts the other four; a second
/// daemon that works normally brings it to zero. The group is named in `verbatim_build_info`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lag_counts_the_messages_left_to_read() {
    let s = Setup::new("lag", 1).await;
    let msgs: Vec<(String, Vec<u8>)> = (0..5)
        .map(|i| (format!("l-{i}"), article(&format!("l-{i}"), i)))
        .collect();
    produce(&s.brokers, &s.input, &msgs).await;
    let mut held = s.spawn(&[
        ("VERBATIM__PIPELINE__MAX_IN_FLIGHT", "1"),
        ("VERBATIM__PIPELINE__CONCURRENCY", "1"),
        ("VERBATIM__PIPELINE__DRAIN_TIMEOUT_SECS", "1"),
        ("VERBATIM__KAFKA__PRODUCER__LINGER_MS", "600000"),
        ("VERBATIM__KAFKA__PRODUCER__MESSAGE_TIMEOUT_MS", "900000"),
    ]);
    assert!(
        wait_until(WAIT, || lag(&held, &s.input, 0) == Some(4.0)),
        "lag 4 while one message is held: got {:?}",
        lag(&held, &s.input, 0)
    );
    let (_, metrics) = held.get("/metrics").expect("metrics");
    assert!(
        metrics.contains(&format!("group=\"{}\"", s.group)),
        "the group in verbatim_build_info"
    );
    held.terminate(Duration::from_secs(60)).expect("exits");

    let mut d = s.spawn(&[]);
    assert!(consume_distinct(&s.brokers, &s.output, 5, WAIT).len() >= 5);
    assert!(
        wait_until(WAIT, || lag(&d, &s.input, 0) == Some(0.0)),
        "lag 0 once everything is read: got {:?}",
        lag(&d, &s.input, 0)
    );
    // Telemetry of quality, counted on the worker path: each of these French articles holds
    // one direct quote and names a person.
    let fr = d
        .metric("verbatim_articles_total{lang=\"fr\"}")
        .unwrap_or(0.0);
    assert!(fr >= 1.0, "French articles counted: {fr}");
    assert_eq!(d.metric("verbatim_articles_total{lang=\"und\"}"), Some(0.0));
    let quotes = ["true", "false"]
        .iter()
        .map(|a| {
            d.metric(&format!(
                "verbatim_quality_quotes_total{{attributed=\"{a}\",kind=\"direct\",lang=\"fr\"}}"
            ))
            .unwrap_or(0.0)
        })
        .sum::<f64>();
    assert_eq!(quotes, fr, "one direct quote per article");
    let entities = ["true", "false"]
        .iter()
        .map(|l| {
            d.metric(&format!(
                "verbatim_quality_entities_total{{kb_linked=\"{l}\",lang=\"fr\"}}"
            ))
            .unwrap_or(0.0)
        })
        .sum::<f64>();
    assert!(entities >= fr, "entities counted per language: {entities}");
    let st = d.terminate(Duration::from_secs(60)).expect("exits");
    assert!(st.success());
}

/// The broker goes away: the lag series disappear (no stale lag for an autoscaler) while
/// `/metrics` keeps answering.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lag_series_are_removed_while_the_broker_is_unreachable() {
    let b = OwnBroker::start();
    let s = Setup::new_on(&b.addr(), "lagloss", 1).await;
    let msgs: Vec<(String, Vec<u8>)> = (0..3)
        .map(|i| (format!("g-{i}"), article(&format!("g-{i}"), i)))
        .collect();
    produce(&s.brokers, &s.input, &msgs).await;
    let mut d = s.spawn(&[]);
    assert!(
        wait_until(WAIT, || lag(&d, &s.input, 0) == Some(0.0)),
        "lag 0 once read: got {:?}",
        lag(&d, &s.input, 0)
    );
    b.script("stop");
    assert!(
        wait_until(Duration::from_secs(60), || d.get("/metrics").is_some()
            && lag(&d, &s.input, 0).is_none()),
        "no lag series while the broker is down: got {:?}",
        lag(&d, &s.input, 0)
    );
    d.kill();
}

fn replay(s: &Setup, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_verbatim"))
        .arg("replay")
        .args(args)
        .current_dir(root())
        .env("VERBATIM__KAFKA__BROKERS", &s.brokers)
        .env("VERBATIM__KAFKA__INPUT_TOPIC", &s.input)
        .env("VERBATIM__KAFKA__OUTPUT_TOPIC", &s.output)
        .env("VERBATIM__KAFKA__DLQ_TOPIC", &s.dlq)
        .env("VERBATIM__KAFKA__GROUP_ID", &s.group)
        .env("VERBATIM__LOG__LEVEL", "warn")
        .output()
        .expect("run verbatim replay");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Bad inputs are dead-lettered; `replay --dry-run` counts them per kind and produces nothing;
/// `replay --kind invalid_json --to T` re-produces those originals with their key, bytes and
/// headers, without verbatim's own headers.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dead_letters_are_replayed_with_their_original_bytes_and_headers() {
    let s = Setup::new("replay", 1).await;
    let target = unique("replay-target");
    create_topics(&s.brokers, &[&target], 1).await;
    let broken = b"{\"title\": \"Budget\", \"body\": ".to_vec();
    let list = b"[\"not\", \"an\", \"article\"]".to_vec();
    produce_with_headers(
        &s.brokers,
        &s.input,
        &[
            input("bad-1", broken.clone(), &[("x-desk", "politics")]),
            input("list", list, &[]),
            input("good", article("good", 1), &[]),
            input("bad-2", b"{\"title\": ".to_vec(), &[("x-desk", "sport")]),
        ],
    )
    .await;
    // One dead letter per record batch: the test broker (tansu) answers a partition's latest
    // offset with the base offset of its last batch + 1 (seen here: three dead letters written
    // in one batch gave a high watermark of 1, and the replay, which reads up to the high
    // watermark at its start, stopped after the first). Kafka itself counts every record.
    let mut d = s.spawn(&[("VERBATIM__KAFKA__PRODUCER__BATCH_NUM_MESSAGES", "1")]);
    assert_eq!(consume(&s.brokers, &s.dlq, 3, WAIT).len(), 3);
    d.terminate(Duration::from_secs(60)).expect("exits");

    let (ok, out, err) = replay(&s, &["--from", &s.dlq, "--to", &target, "--dry-run"]);
    assert!(ok, "{err}");
    assert!(
        out.contains("invalid_json\t2") && out.contains("not_object\t1"),
        "{out}"
    );
    assert!(consume(&s.brokers, &target, 1, Duration::from_secs(3)).is_empty());

    let (ok, out, err) = replay(
        &s,
        &["--from", &s.dlq, "--to", &target, "--kind", "invalid_json"],
    );
    assert!(ok, "{err}");
    assert_eq!(out.trim(), "invalid_json\t2", "{out}");
    let replayed = consume(&s.brokers, &target, 2, WAIT);
    assert_eq!(replayed.len(), 2);
    let first = replayed
        .iter()
        .find(|m| m.key() == Some(b"bad-1".as_slice()))
        .expect("bad-1 replayed");
    assert_eq!(first.payload(), Some(broken.as_slice()), "original bytes");
    assert_eq!(header_names(first), ["x-desk"], "original headers only");
    assert_eq!(header(first, "x-desk").as_deref(), Some("politics"));

    let (ok, _, err) = replay(&s, &["--from", &s.dlq, "--to", &s.dlq]);
    assert!(!ok && err.contains("feed itself"), "{err}");
}

/// The replay's own Kafka clients log like the daemon's: a broker that refuses connections gives
/// structured `kafka client error` lines naming the replay client, not librdkafka's default
/// logger nor a statistics dump every few seconds, and the command fails with the cause.
#[test]
fn replay_clients_log_through_the_daemons_structured_logging() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let out = Command::new(env!("CARGO_BIN_EXE_verbatim"))
        .args(["replay", "--from", "nowhere-dlq", "--dry-run"])
        .current_dir(root())
        .env("VERBATIM__KAFKA__BROKERS", format!("127.0.0.1:{closed}"))
        .env("VERBATIM__LOG__LEVEL", "info")
        .output()
        .expect("run verbatim replay");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "no broker, yet replay succeeded");
    assert!(
        stderr.contains("client=\"replay-consumer\"")
            || stderr.contains("client=\"replay-producer\""),
        "no structured client error naming the replay client:\n{stderr}"
    );
    assert!(
        !stderr.contains("Client stats") && !stderr.contains("rdkafka::client"),
        "librdkafka's default logger spoke:\n{stderr}"
    );
    assert!(
        stderr.contains("nowhere-dlq"),
        "the error names the topic:\n{stderr}"
    );
}
