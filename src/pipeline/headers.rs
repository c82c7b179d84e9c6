//! Which of the input message's headers go to the output message (`[output.headers]`), and the
//! trace context written there. Dead letters keep every input header (see `produce`).

use super::trace::{ArticleTrace, TRACEPARENT, TRACESTATE};
use rdkafka::message::{Header, Headers, OwnedHeaders};
use serde::{Deserialize, Serialize};

/// Why an `[output.headers]` setting is refused.
#[derive(Debug, thiserror::Error)]
pub enum HeadersError {
    #[error("output.headers.{list}: pattern {pattern:?} is empty or has a `*` elsewhere than at its end")]
    Pattern { list: &'static str, pattern: String },
}

/// `[output.headers]`: input headers forwarded to the output and W3C trace context.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct HeadersConfig {
    /// Copy the input message's headers to the output message (filtered by `allow` and `deny`).
    pub forward: bool,
    /// Header names to forward, case-insensitive; `x-*` matches a prefix. Empty = all.
    pub allow: Vec<String>,
    /// Header names never forwarded (wins over `allow`); same patterns.
    pub deny: Vec<String>,
    /// W3C trace context: the article's span is a child of the input's `traceparent` (a new
    /// trace when it has none), the output carries the child's `traceparent` and the input's
    /// `tracestate`. When false, those two headers are forwarded like any other.
    pub trace_context: bool,
}

impl Default for HeadersConfig {
    fn default() -> Self {
        HeadersConfig {
            forward: true,
            allow: Vec::new(),
            // verbatim's own dead-letter headers (a replayed input may still carry some).
            deny: vec!["verbatim-*".into()],
            trace_context: true,
        }
    }
}

impl HeadersConfig {
    /// Check the patterns: non-empty, `*` only as the last character.
    pub fn validate(&self) -> Result<(), HeadersError> {
        for (list, patterns) in [("allow", &self.allow), ("deny", &self.deny)] {
            for p in patterns {
                let stem = p.strip_suffix('*').unwrap_or(p);
                if p.is_empty() || stem.contains('*') {
                    return Err(HeadersError::Pattern {
                        list,
                        pattern: p.clone(),
                    });
                }
            }
        }
        Ok(())
    }

    fn matches(patterns: &[String], name: &str) -> bool {
        patterns.iter().any(|p| match p.strip_suffix('*') {
            Some(prefix) => name
                .get(..prefix.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(prefix)),
            None => p.eq_ignore_ascii_case(name),
        })
    }

    /// Whether an input header of this name goes to the output.
    pub fn forwards(&self, name: &str) -> bool {
        if !self.forward {
            return false;
        }
        if self.trace_context
            && (name.eq_ignore_ascii_case(TRACEPARENT) || name.eq_ignore_ascii_case(TRACESTATE))
        {
            return false; // written from the article's span instead
        }
        (self.allow.is_empty() || Self::matches(&self.allow, name))
            && !Self::matches(&self.deny, name)
    }

    /// The output message's headers: the forwarded input headers (in their order), then the
    /// trace context. `None` when there are none.
    pub fn output_headers(
        &self,
        input: &rdkafka::message::OwnedMessage,
        trace: Option<&ArticleTrace>,
    ) -> Option<OwnedHeaders> {
        use rdkafka::message::Message;
        self.output_headers_of(&pairs(input.headers()), trace)
    }

    fn output_headers_of(
        &self,
        input: &[InputHeader<'_>],
        trace: Option<&ArticleTrace>,
    ) -> Option<OwnedHeaders> {
        let mut out = OwnedHeaders::new();
        let mut any = false;
        for h in input {
            if self.forwards(h.key) {
                out = out.insert(Header {
                    key: h.key,
                    value: h.value,
                });
                any = true;
            }
        }
        if let Some(t) = trace.filter(|_| self.trace_context) {
            let parent = t.span.traceparent();
            out = out.insert(Header {
                key: TRACEPARENT,
                value: Some(parent.as_bytes()),
            });
            if let Some(state) = &t.tracestate {
                out = out.insert(Header {
                    key: TRACESTATE,
                    value: Some(state.as_bytes()),
                });
            }
            any = true;
        }
        any.then_some(out)
    }
}

/// One header of the input message, borrowed.
pub type InputHeader<'a> = Header<'a, &'a [u8]>;

/// The input message's headers, in order.
pub fn pairs(hs: Option<&rdkafka::message::OwnedHeaders>) -> Vec<InputHeader<'_>> {
    hs.map(|hs| hs.iter().collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(h: &Option<OwnedHeaders>) -> Vec<(String, String)> {
        h.as_ref()
            .map(|hs| {
                hs.iter()
                    .map(|h| {
                        (
                            h.key.to_string(),
                            String::from_utf8_lossy(h.value.unwrap_or_default()).into_owned(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    const PARENT: &str = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    fn input() -> Vec<InputHeader<'static>> {
        let h = |key, value: Option<&'static [u8]>| Header { key, value };
        vec![
            h("x-newsroom", Some(b"desk-7")),
            h("Content-Type", Some(b"application/json")),
            h("traceparent", Some(PARENT.as_bytes())),
            h("tracestate", Some(b"vendor=abc")),
            h("verbatim-error-kind", Some(b"invalid_json")),
            h("x-empty", None),
        ]
    }

    #[test]
    fn default_forwards_all_but_verbatim_headers_and_writes_the_child_trace() {
        let c = HeadersConfig::default();
        let trace = ArticleTrace::from_headers(&input());
        let out = names(&c.output_headers_of(&input(), Some(&trace)));
        let keys: Vec<&str> = out.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            keys,
            [
                "x-newsroom",
                "Content-Type",
                "x-empty",
                "traceparent",
                "tracestate"
            ]
        );
        let child = &out[3].1;
        assert!(child.starts_with("00-4bf92f3577b34da6a3ce929d0e0e4736-"));
        assert!(
            !child.contains("00f067aa0ba902b7"),
            "a new span id: {child}"
        );
        assert_eq!(out[4].1, "vendor=abc");
    }

    #[test]
    fn allow_and_deny_lists_with_prefixes() {
        let c = HeadersConfig {
            allow: vec!["X-*".into(), "content-type".into()],
            deny: vec!["x-empty".into()],
            ..HeadersConfig::default()
        };
        let out = names(&c.output_headers_of(&input(), None));
        let keys: Vec<&str> = out.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["x-newsroom", "Content-Type"]);
        let off = HeadersConfig {
            forward: false,
            trace_context: false,
            ..HeadersConfig::default()
        };
        assert!(off.output_headers_of(&input(), None).is_none());
        let plain = HeadersConfig {
            trace_context: false,
            ..HeadersConfig::default()
        };
        let out = names(&plain.output_headers_of(&input(), None));
        assert!(out.iter().any(|(k, v)| k == "traceparent" && v == PARENT));
    }

    #[test]
    fn patterns_are_checked() {
        for bad in ["", "*x", "a*b*"] {
            let c = HeadersConfig {
                deny: vec![bad.into()],
                ..HeadersConfig::default()
            };
            assert!(c.validate().is_err(), "{bad:?}");
        }
        assert!(HeadersConfig::default().validate().is_ok());
    }
}
