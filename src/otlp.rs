//! OTLP trace export (`[telemetry] otlp_endpoint`, off by default): each article's span — from
//! consumption to the broker's acknowledgement of its output or dead letter — is sent to an
//! OpenTelemetry collector as OTLP/HTTP with the JSON encoding (`POST <endpoint>/v1/traces`).
//!
//! Plain HTTP only, over a std TCP stream on one background thread, batched every second: no
//! gRPC or HTTP-client crate tree on a 2-core build. For TLS or another protocol, point it at a
//! collector on the same host or pod (the usual sidecar), which forwards anywhere.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::io::{Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::sync::mpsc::{sync_channel, RecvTimeoutError, SyncSender, TrySendError};
use std::time::{Duration, Instant};

/// Why the OTLP settings are refused.
#[derive(Debug, thiserror::Error)]
pub enum OtlpError {
    #[error("telemetry.otlp_endpoint {0:?}: only http://host:port[/base] is supported (TLS: use a collector sidecar)")]
    Scheme(String),
    #[error("telemetry.otlp_endpoint {0:?}: no host:port")]
    Address(String),
}

/// `[telemetry]`: trace export.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct TelemetryConfig {
    /// OTLP/HTTP collector base URL, e.g. `http://127.0.0.1:4318` (spans go to `/v1/traces`);
    /// empty = no export.
    pub otlp_endpoint: String,
}

/// Where the spans go, parsed from `telemetry.otlp_endpoint`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint {
    /// `host:port`.
    pub authority: String,
    /// Request path, ending in `/v1/traces`.
    pub path: String,
}

impl TelemetryConfig {
    /// The endpoint, `None` when export is off.
    pub fn endpoint(&self) -> Result<Option<Endpoint>, OtlpError> {
        let url = self.otlp_endpoint.trim();
        if url.is_empty() {
            return Ok(None);
        }
        let rest = url
            .strip_prefix("http://")
            .ok_or_else(|| OtlpError::Scheme(url.to_string()))?;
        let (authority, base) = rest.split_once('/').unwrap_or((rest, ""));
        let port_ok = authority
            .rsplit_once(':')
            .is_some_and(|(h, p)| !h.is_empty() && p.parse::<u16>().is_ok());
        if !port_ok {
            return Err(OtlpError::Address(url.to_string()));
        }
        let base = base.trim_end_matches('/');
        let path = if base.is_empty() {
            "/v1/traces".to_string()
        } else {
            format!("/{base}/v1/traces")
        };
        Ok(Some(Endpoint {
            authority: authority.to_string(),
            path,
        }))
    }
}

/// One finished span.
#[derive(Debug, Clone)]
pub struct SpanRecord {
    pub trace_id: u128,
    pub span_id: u64,
    pub parent_span_id: Option<u64>,
    pub name: String,
    pub start_unix_nanos: u64,
    pub end_unix_nanos: u64,
    /// String attributes (OpenTelemetry messaging conventions).
    pub strings: Vec<(&'static str, String)>,
    /// Integer attributes.
    pub ints: Vec<(&'static str, i64)>,
    /// The span ended in an error (a dead letter).
    pub error: bool,
}

/// The sending side: cheap to clone, never blocks (a full queue drops the span).
#[derive(Clone, Debug)]
pub struct SpanSink {
    tx: SyncSender<SpanRecord>,
}

impl SpanSink {
    pub fn record(&self, span: SpanRecord) {
        match self.tx.try_send(span) {
            Ok(()) | Err(TrySendError::Disconnected(_)) => {}
            Err(TrySendError::Full(_)) => tracing::debug!("otlp queue full: span dropped"),
        }
    }
}

const QUEUE: usize = 8192;
const BATCH: usize = 512;
const EVERY: Duration = Duration::from_secs(1);
const IO_LIMIT: Duration = Duration::from_secs(5);

/// Start the exporter thread when an endpoint is configured. It ends when every sink is gone.
pub fn start(cfg: &TelemetryConfig) -> Result<Option<SpanSink>, OtlpError> {
    let Some(endpoint) = cfg.endpoint()? else {
        return Ok(None);
    };
    let (tx, rx) = sync_channel::<SpanRecord>(QUEUE);
    tracing::info!(endpoint = %cfg.otlp_endpoint, "exporting article spans (OTLP/HTTP JSON)");
    let spawned = std::thread::Builder::new()
        .name("verbatim-otlp".into())
        .spawn(move || {
            let mut batch = Vec::new();
            let mut last = Instant::now();
            let mut warned: Option<Instant> = None;
            loop {
                let gone = match rx.recv_timeout(EVERY) {
                    Ok(s) => {
                        batch.push(s);
                        false
                    }
                    Err(RecvTimeoutError::Timeout) => false,
                    Err(RecvTimeoutError::Disconnected) => true,
                };
                let due = batch.len() >= BATCH || last.elapsed() >= EVERY || gone;
                if due && !batch.is_empty() {
                    if let Err(e) = post(&endpoint, &body(&batch)) {
                        // One warning a minute, not one per batch, while the collector is away.
                        if warned.is_none_or(|t| t.elapsed() > Duration::from_secs(60)) {
                            tracing::warn!(error = %e, spans = batch.len(), "otlp export failed; spans dropped");
                            warned = Some(Instant::now());
                        }
                    }
                    batch.clear();
                    last = Instant::now();
                }
                if gone {
                    return;
                }
            }
        });
    match spawned {
        Ok(_) => Ok(Some(SpanSink { tx })),
        Err(e) => {
            tracing::warn!(error = %e, "cannot start the otlp exporter thread; no export");
            Ok(None)
        }
    }
}

/// The OTLP/JSON request body of a batch (ids in lowercase hex, times as decimal strings).
pub fn body(spans: &[SpanRecord]) -> Vec<u8> {
    let spans: Vec<Value> = spans
        .iter()
        .map(|s| {
            let mut attrs: Vec<Value> = s
                .strings
                .iter()
                .map(|(k, v)| json!({"key": k, "value": {"stringValue": v}}))
                .collect();
            attrs.extend(
                s.ints
                    .iter()
                    .map(|(k, v)| json!({"key": k, "value": {"intValue": v.to_string()}})),
            );
            let mut span = json!({
                "traceId": format!("{:032x}", s.trace_id),
                "spanId": format!("{:016x}", s.span_id),
                "name": s.name,
                "kind": 5, // SPAN_KIND_CONSUMER
                "startTimeUnixNano": s.start_unix_nanos.to_string(),
                "endTimeUnixNano": s.end_unix_nanos.to_string(),
                "attributes": attrs,
                "status": {"code": if s.error { 2 } else { 1 }},
            });
            if let Some(p) = s.parent_span_id {
                span["parentSpanId"] = json!(format!("{p:016x}"));
            }
            span
        })
        .collect();
    let doc = json!({"resourceSpans": [{
        "resource": {"attributes": [
            {"key": "service.name", "value": {"stringValue": "verbatim"}},
            {"key": "service.version", "value": {"stringValue": env!("CARGO_PKG_VERSION")}},
        ]},
        "scopeSpans": [{"scope": {"name": "verbatim", "version": env!("CARGO_PKG_VERSION")}, "spans": spans}],
    }]});
    serde_json::to_vec(&doc).unwrap_or_default()
}

/// POST one body; `Err` with a readable reason unless the collector answers 2xx.
fn post(ep: &Endpoint, body: &[u8]) -> Result<(), String> {
    let addr = ep
        .authority
        .to_socket_addrs()
        .map_err(|e| format!("{}: {e}", ep.authority))?
        .next()
        .ok_or_else(|| format!("{}: no address", ep.authority))?;
    let mut s = TcpStream::connect_timeout(&addr, IO_LIMIT).map_err(|e| e.to_string())?;
    s.set_read_timeout(Some(IO_LIMIT))
        .map_err(|e| e.to_string())?;
    s.set_write_timeout(Some(IO_LIMIT))
        .map_err(|e| e.to_string())?;
    let head = format!(
        "POST {} HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        ep.path,
        ep.authority,
        body.len()
    );
    s.write_all(head.as_bytes())
        .and_then(|_| s.write_all(body))
        .map_err(|e| e.to_string())?;
    let mut status = [0u8; 12];
    s.read_exact(&mut status).map_err(|e| e.to_string())?;
    let line = String::from_utf8_lossy(&status);
    match line.split_whitespace().nth(1) {
        Some(code) if code.starts_with('2') => Ok(()),
        other => Err(format!("collector answered {other:?} on {}", ep.path)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::BufRead;

    #[test]
    fn endpoints() {
        let c = |u: &str| TelemetryConfig {
            otlp_endpoint: u.into(),
        };
        assert_eq!(c("").endpoint().unwrap(), None);
        assert_eq!(
            c("http://collector:4318").endpoint().unwrap(),
            Some(Endpoint {
                authority: "collector:4318".into(),
                path: "/v1/traces".into()
            })
        );
        assert_eq!(
            c("http://127.0.0.1:4318/otlp/")
                .endpoint()
                .unwrap()
                .unwrap()
                .path,
            "/otlp/v1/traces"
        );
        assert!(matches!(
            c("https://collector:4318").endpoint(),
            Err(OtlpError::Scheme(_))
        ));
        assert!(matches!(
            c("http://collector").endpoint(),
            Err(OtlpError::Address(_))
        ));
    }

    /// A collector on a loopback port receives the span, with its ids, as OTLP/JSON.
    #[test]
    fn spans_reach_a_collector() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let sink = start(&TelemetryConfig {
            otlp_endpoint: format!("http://127.0.0.1:{port}"),
        })
        .unwrap()
        .unwrap();
        sink.record(SpanRecord {
            trace_id: 0x4bf92f3577b34da6a3ce929d0e0e4736,
            span_id: 0x1122334455667788,
            parent_span_id: Some(0x00f067aa0ba902b7),
            name: "process articles".into(),
            start_unix_nanos: 1,
            end_unix_nanos: 2,
            strings: vec![("messaging.system", "kafka".into())],
            ints: vec![("messaging.kafka.message.offset", 42)],
            error: false,
        });
        listener.set_nonblocking(false).expect("blocking listener");
        let (stream, _) = listener.accept().unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        let mut r = std::io::BufReader::new(stream);
        let mut request_line = String::new();
        r.read_line(&mut request_line).unwrap();
        assert!(
            request_line.starts_with("POST /v1/traces "),
            "{request_line}"
        );
        let mut len = 0;
        loop {
            let mut l = String::new();
            r.read_line(&mut l).unwrap();
            if l == "\r\n" {
                break;
            }
            if let Some(v) = l.to_ascii_lowercase().strip_prefix("content-length:") {
                len = v.trim().parse().unwrap();
            }
        }
        let mut body = vec![0; len];
        r.read_exact(&mut body).unwrap();
        r.get_mut()
            .write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
            .unwrap();
        let v: Value = serde_json::from_slice(&body).unwrap();
        let span = &v["resourceSpans"][0]["scopeSpans"][0]["spans"][0];
        assert_eq!(span["traceId"], "4bf92f3577b34da6a3ce929d0e0e4736");
        assert_eq!(span["spanId"], "1122334455667788");
        assert_eq!(span["parentSpanId"], "00f067aa0ba902b7");
        assert_eq!(span["attributes"][1]["value"]["intValue"], "42");
    }
}
