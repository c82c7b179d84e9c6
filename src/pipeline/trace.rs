//! W3C Trace Context (<https://www.w3.org/TR/trace-context/>) for Kafka headers: parse the
//! input's `traceparent`, make the article's span its child (same trace id, a new span id, the
//! input's span id as parent) and format the child's `traceparent` for the output. `tracestate`
//! is kept as received when the `traceparent` is valid, dropped otherwise (the spec forbids
//! reading a `tracestate` whose `traceparent` could not be parsed).
//!
//! Written here rather than taken from the OpenTelemetry crates: parsing and formatting are
//! fifty lines, the crates' tree is not.

use rdkafka::message::Header;
use std::cell::Cell;
use std::collections::hash_map::RandomState;
use std::fmt;
use std::hash::{BuildHasher, Hasher};

/// Header name of the parent span (lower case, as the spec writes it).
pub const TRACEPARENT: &str = "traceparent";
/// Header name of the vendor trace state (lower case, as the spec writes it).
pub const TRACESTATE: &str = "tracestate";

/// Why a `traceparent` value is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TraceParentError {
    /// Not four dash-separated fields of 2, 32, 16 and 2 lowercase hex digits (value attached).
    #[error(
        "traceparent {0:?}: not version-traceid-parentid-flags (2-32-16-2 lowercase hex digits)"
    )]
    Shape(String),
    /// Version `ff`, which the spec reserves as invalid (value attached).
    #[error("traceparent {0:?}: version ff is forbidden")]
    ForbiddenVersion(String),
    /// Version `00` with something after the 55 characters (value attached).
    #[error("traceparent {0:?}: version 00 must be exactly 55 characters")]
    Version00Length(String),
    /// A trace id of all zeros (value attached).
    #[error("traceparent {0:?}: trace id of all zeros is invalid")]
    ZeroTraceId(String),
    /// A parent (span) id of all zeros (value attached).
    #[error("traceparent {0:?}: parent id of all zeros is invalid")]
    ZeroParentId(String),
}

/// One span's place in a trace: what a `traceparent` carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpanContext {
    /// 128-bit trace id, never 0 when parsed or generated.
    pub trace_id: u128,
    /// 64-bit span id, never 0 when parsed or generated.
    pub span_id: u64,
    /// Trace flags; bit 0 is `sampled`.
    pub flags: u8,
}

/// The article's span: its own context and, when the input carried one, its parent's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleTrace {
    /// The article's own span: the input's trace id (or a new one) and a new span id.
    pub span: SpanContext,
    /// The input's span id (`None`: the input had no valid `traceparent`; a new trace starts).
    pub parent_span_id: Option<u64>,
    /// The input's `tracestate`, kept only under a valid `traceparent`.
    pub tracestate: Option<String>,
}

impl SpanContext {
    /// Parse a `traceparent` header value.
    ///
    /// Version 00 is exactly `00-<32 hex>-<16 hex>-<2 hex>`, lowercase. A higher version (not
    /// `ff`) is read by its first 55 characters when what follows starts with `-`, as the spec
    /// asks of a version-00 parser meeting a future version. Surrounding spaces and tabs (HTTP's
    /// optional whitespace) are tolerated.
    pub fn parse(value: &str) -> Result<SpanContext, TraceParentError> {
        let v = value.trim_matches([' ', '\t']);
        let shape = || TraceParentError::Shape(value.to_string());
        let b = v.as_bytes();
        if b.len() < 55 {
            return Err(shape());
        }
        let hex = |s: &[u8]| s.iter().all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f'));
        if !hex(&b[0..2]) || b[2] != b'-' || b[35] != b'-' || b[52] != b'-' {
            return Err(shape());
        }
        if !hex(&b[3..35]) || !hex(&b[36..52]) || !hex(&b[53..55]) {
            return Err(shape());
        }
        match &v[0..2] {
            "ff" => return Err(TraceParentError::ForbiddenVersion(value.to_string())),
            "00" if b.len() != 55 => {
                return Err(TraceParentError::Version00Length(value.to_string()))
            }
            _ if b.len() > 55 && b[55] != b'-' => return Err(shape()),
            _ => {}
        }
        let trace_id = u128::from_str_radix(&v[3..35], 16).map_err(|_| shape())?;
        let span_id = u64::from_str_radix(&v[36..52], 16).map_err(|_| shape())?;
        let flags = u8::from_str_radix(&v[53..55], 16).map_err(|_| shape())?;
        if trace_id == 0 {
            return Err(TraceParentError::ZeroTraceId(value.to_string()));
        }
        if span_id == 0 {
            return Err(TraceParentError::ZeroParentId(value.to_string()));
        }
        Ok(SpanContext {
            trace_id,
            span_id,
            flags,
        })
    }

    /// The `traceparent` of this span, version 00 (only the `sampled` flag is defined there).
    pub fn traceparent(&self) -> String {
        format!(
            "00-{:032x}-{:016x}-{:02x}",
            self.trace_id,
            self.span_id,
            self.flags & 0x01
        )
    }

    /// The trace id as 32 lowercase hex digits.
    pub fn trace_id_hex(&self) -> String {
        format!("{:032x}", self.trace_id)
    }

    /// The span id as 16 lowercase hex digits.
    pub fn span_id_hex(&self) -> String {
        format!("{:016x}", self.span_id)
    }
}

impl fmt::Display for SpanContext {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.traceparent())
    }
}

impl ArticleTrace {
    /// The article's span from the input's trace headers (name, value pairs; names compared
    /// case-insensitively): a child of a valid `traceparent`, else the root of a new, sampled
    /// trace. Two `traceparent` headers make it invalid, as two HTTP headers would.
    pub fn from_headers(headers: &[Header<'_, &[u8]>]) -> Self {
        let mut parents = Vec::new();
        let mut states = Vec::new();
        for h in headers {
            let (name, value) = (h.key, h.value.and_then(|v| std::str::from_utf8(v).ok()));
            if name.eq_ignore_ascii_case(TRACEPARENT) {
                parents.push(value);
            } else if name.eq_ignore_ascii_case(TRACESTATE) {
                states.extend(value);
            }
        }
        let parent = match parents.as_slice() {
            [Some(v)] => SpanContext::parse(v).ok(),
            _ => None,
        };
        match parent {
            Some(p) => ArticleTrace {
                span: SpanContext {
                    trace_id: p.trace_id,
                    span_id: new_span_id(),
                    flags: p.flags & 0x01,
                },
                parent_span_id: Some(p.span_id),
                // Several tracestate headers are one list, joined in order (as HTTP does).
                tracestate: (!states.is_empty()).then(|| states.join(",")),
            },
            None => ArticleTrace {
                span: SpanContext {
                    trace_id: new_trace_id(),
                    span_id: new_span_id(),
                    flags: 0x01,
                },
                parent_span_id: None,
                tracestate: None,
            },
        }
    }
}

thread_local! {
    static SEED: RandomState = RandomState::new();
    static COUNTER: Cell<u64> = const { Cell::new(0) };
}

/// A random, non-zero 64-bit id: the process's random hash keys (seeded by the OS) over a
/// per-thread counter, the thread and the clock; unique without a random-number crate.
fn random_u64() -> u64 {
    loop {
        let n = COUNTER.with(|c| {
            let n = c.get().wrapping_add(1);
            c.set(n);
            n
        });
        let mut h = SEED.with(|s| s.build_hasher());
        h.write_u64(n);
        h.write(format!("{:?}", std::thread::current().id()).as_bytes());
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        h.write_u128(nanos);
        let v = h.finish();
        if v != 0 {
            return v;
        }
    }
}

/// A random, non-zero span id.
pub fn new_span_id() -> u64 {
    random_u64()
}

/// A random, non-zero trace id.
pub fn new_trace_id() -> u128 {
    (u128::from(random_u64()) << 64) | u128::from(random_u64())
}

#[cfg(test)]
mod tests {
    use super::*;

    // The example of the W3C recommendation.
    const EXAMPLE: &str = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    #[test]
    fn parses_and_formats_the_spec_example() {
        let c = SpanContext::parse(EXAMPLE).unwrap();
        assert_eq!(c.trace_id, 0x4bf92f3577b34da6a3ce929d0e0e4736);
        assert_eq!(c.span_id, 0x00f067aa0ba902b7);
        assert_eq!(c.flags, 1);
        assert_eq!(c.traceparent(), EXAMPLE);
        assert_eq!(SpanContext::parse(&format!(" {EXAMPLE}\t")), Ok(c));
    }

    #[test]
    fn refuses_what_the_spec_refuses() {
        let bad = [
            "",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", // upper case
            "00-4bf92f3577b34da6a3ce929d0e0e473-600f067aa0ba902b7-01", // dash misplaced
            "00_4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "0x-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0g",
        ];
        for v in bad {
            assert!(
                matches!(SpanContext::parse(v), Err(TraceParentError::Shape(_))),
                "{v:?}"
            );
        }
        let ff = "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        assert!(matches!(
            SpanContext::parse(ff),
            Err(TraceParentError::ForbiddenVersion(_))
        ));
        let long00 = format!("{EXAMPLE}-extra");
        assert!(matches!(
            SpanContext::parse(&long00),
            Err(TraceParentError::Version00Length(_))
        ));
        let zero_trace = "00-00000000000000000000000000000000-00f067aa0ba902b7-01";
        assert!(matches!(
            SpanContext::parse(zero_trace),
            Err(TraceParentError::ZeroTraceId(_))
        ));
        let zero_parent = "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01";
        assert!(matches!(
            SpanContext::parse(zero_parent),
            Err(TraceParentError::ZeroParentId(_))
        ));
    }

    #[test]
    fn a_future_version_is_read_by_its_version_00_prefix() {
        let v = "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-09-more-fields";
        let c = SpanContext::parse(v).unwrap();
        assert_eq!(c.span_id, 0x00f067aa0ba902b7);
        // Version 00 is written, and of the flags only `sampled`.
        assert_eq!(
            c.traceparent(),
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
        );
        let glued = "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-09x";
        assert!(SpanContext::parse(glued).is_err());
    }

    fn hdr<'a>(pairs: &'a [(&'a str, &'a str)]) -> Vec<Header<'a, &'a [u8]>> {
        pairs
            .iter()
            .map(|(k, v)| Header {
                key: k,
                value: Some(v.as_bytes()),
            })
            .collect()
    }

    #[test]
    fn the_article_span_is_a_child_of_the_input_span() {
        let t = ArticleTrace::from_headers(&hdr(&[
            ("TraceParent", EXAMPLE),
            ("tracestate", "congo=t61rcWkgMzE"),
            ("tracestate", "rojo=00f067aa0ba902b7"),
        ]));
        assert_eq!(t.span.trace_id, 0x4bf92f3577b34da6a3ce929d0e0e4736);
        assert_eq!(t.parent_span_id, Some(0x00f067aa0ba902b7));
        assert_ne!(t.span.span_id, 0x00f067aa0ba902b7);
        assert_ne!(t.span.span_id, 0);
        assert_eq!(t.span.flags, 1);
        assert_eq!(
            t.tracestate.as_deref(),
            Some("congo=t61rcWkgMzE,rojo=00f067aa0ba902b7")
        );
        let out = SpanContext::parse(&t.span.traceparent()).unwrap();
        assert_eq!(out, t.span);
        let unsampled = EXAMPLE.replace("-01", "-00");
        let t = ArticleTrace::from_headers(&hdr(&[("traceparent", &unsampled)]));
        assert_eq!(
            t.span.flags, 0,
            "the sampled flag is propagated as received"
        );
    }

    #[test]
    fn an_invalid_or_repeated_parent_starts_a_new_trace_without_its_state() {
        for pairs in [
            vec![("traceparent", "garbage"), ("tracestate", "a=b")],
            vec![("traceparent", EXAMPLE), ("traceparent", EXAMPLE)],
            vec![("tracestate", "a=b")],
        ] {
            let t = ArticleTrace::from_headers(&hdr(&pairs));
            assert_eq!(t.parent_span_id, None, "{pairs:?}");
            assert_eq!(t.tracestate, None, "{pairs:?}");
            assert_ne!(t.span.trace_id, 0x4bf92f3577b34da6a3ce929d0e0e4736);
            assert!(SpanContext::parse(&t.span.traceparent()).is_ok());
        }
    }

    #[test]
    fn ids_do_not_repeat() {
        let ids: std::collections::HashSet<u64> = (0..10_000).map(|_| new_span_id()).collect();
        assert_eq!(ids.len(), 10_000);
        assert_ne!(new_trace_id(), new_trace_id());
    }
}
