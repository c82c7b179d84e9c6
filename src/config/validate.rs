//! What serde cannot check: addresses, non-empty names, ranges, distinct topics, and values
//! that contradict each other.

use super::{key_err, Config, ConfigError, MANAGED_PROPS, OUTPUT_GROWTH};
use std::net::SocketAddr;

/// Most permits a tokio semaphore holds.
const MAX_PERMITS: usize = usize::MAX >> 4;

/// `http.listen`: an IP address and port, or a host name and port (resolved when the daemon
/// binds, so `localhost:9464` or a pod's own name work).
pub fn is_listen_address(s: &str) -> bool {
    if s.parse::<SocketAddr>().is_ok() {
        return true;
    }
    let Some((host, port)) = s.rsplit_once(':') else {
        return false;
    };
    // A host name (RFC 1123 labels); an IPv6 address needs its brackets and parsed above.
    port.parse::<u16>().is_ok()
        && !host.is_empty()
        && host.len() <= 253
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

impl Config {
    /// Check values serde cannot: addresses, non-empty names, ranges, distinct topics.
    pub fn validate(&self) -> Result<(), ConfigError> {
        self.validate_kafka()?;
        self.validate_limits()?;
        self.validate_nlp_output_log()
    }

    fn validate_kafka(&self) -> Result<(), ConfigError> {
        let k = &self.kafka;
        for (key, v) in [
            ("kafka.brokers", &k.brokers),
            ("kafka.group_id", &k.group_id),
            ("kafka.input_topic", &k.input_topic),
            ("kafka.output_topic", &k.output_topic),
            ("kafka.dlq_topic", &k.dlq_topic),
        ] {
            if v.trim().is_empty() {
                return Err(key_err(key, format!("must not be empty (got {v:?})")));
            }
        }
        for b in k.brokers.split(',') {
            let b = b.trim();
            let ok = b
                .rsplit_once(':')
                .is_some_and(|(h, p)| !h.is_empty() && p.parse::<u16>().is_ok());
            if !ok {
                return Err(key_err(
                    "kafka.brokers",
                    format!("{b:?} is not host:port (got {:?})", k.brokers),
                ));
            }
        }
        for (key, topic) in [
            ("kafka.input_topic", &k.input_topic),
            ("kafka.output_topic", &k.output_topic),
            ("kafka.dlq_topic", &k.dlq_topic),
        ] {
            let valid = topic.len() <= 249
                && topic
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
            if !valid {
                return Err(key_err(
                    key,
                    format!("{topic:?} is not a valid Kafka topic name"),
                ));
            }
        }
        if k.output_topic == k.input_topic {
            return Err(key_err(
                "kafka.output_topic",
                format!("{:?} must differ from kafka.input_topic", k.output_topic),
            ));
        }
        if k.dlq_topic == k.input_topic {
            return Err(key_err(
                "kafka.dlq_topic",
                format!("{:?} must differ from kafka.input_topic", k.dlq_topic),
            ));
        }
        if k.commit_interval_ms == 0 {
            return Err(key_err("kafka.commit_interval_ms", "must be > 0 (got 0)"));
        }
        for (section, props) in [
            ("kafka.consumer", &k.consumer),
            ("kafka.producer", &k.producer),
        ] {
            for key in props.keys() {
                if MANAGED_PROPS.contains(&key.as_str()) {
                    return Err(key_err(
                        &format!("{section}.\"{key}\""),
                        "is managed by verbatim (its delivery guarantees depend on it) and cannot be set",
                    ));
                }
            }
        }
        Ok(())
    }

    /// The address, limits, pipeline sizes and timeouts.
    fn validate_limits(&self) -> Result<(), ConfigError> {
        if !is_listen_address(&self.http.listen) {
            return Err(key_err(
                "http.listen",
                format!(
                    "{:?} is not an address like 127.0.0.1:9464, [::]:9464 or localhost:9464",
                    self.http.listen
                ),
            ));
        }
        if self.limits.max_article_bytes == 0 {
            return Err(key_err("limits.max_article_bytes", "must be > 0 (got 0)"));
        }
        if self.pipeline.max_in_flight == 0 {
            return Err(key_err("pipeline.max_in_flight", "must be > 0 (got 0)"));
        }
        // tokio's semaphore holds at most usize::MAX >> 3 permits.
        if self.pipeline.max_in_flight > MAX_PERMITS {
            return Err(key_err(
                "pipeline.max_in_flight",
                format!(
                    "{} is too large (max {MAX_PERMITS})",
                    self.pipeline.max_in_flight
                ),
            ));
        }
        if self.pipeline.max_in_flight_bytes < self.limits.max_article_bytes
            || self.pipeline.max_in_flight_bytes > MAX_PERMITS
        {
            return Err(key_err(
                "pipeline.max_in_flight_bytes",
                format!(
                    "{} must be at least limits.max_article_bytes ({}) and at most {MAX_PERMITS}",
                    self.pipeline.max_in_flight_bytes, self.limits.max_article_bytes
                ),
            ));
        }
        let need = (self.limits.max_article_bytes as f64 * OUTPUT_GROWTH).ceil() as usize;
        let have = self.kafka.producer_max_message_bytes();
        if have < need {
            return Err(key_err(
                "kafka.producer.\"message.max.bytes\"",
                format!(
                    "{have} is too small for the output of the largest accepted article: \
                     limits.max_article_bytes = {} grows up to {OUTPUT_GROWTH}× when enriched; \
                     raise kafka.producer.\"message.max.bytes\" to at least {need} or lower \
                     limits.max_article_bytes to at most {}",
                    self.limits.max_article_bytes,
                    (have as f64 / OUTPUT_GROWTH) as usize
                ),
            ));
        }
        if self.pipeline.concurrency > 1024 {
            return Err(key_err(
                "pipeline.concurrency",
                format!(
                    "{} is too many threads (max 1024)",
                    self.pipeline.concurrency
                ),
            ));
        }
        if self.pipeline.transaction_max_messages == 0 {
            return Err(key_err(
                "pipeline.transaction_max_messages",
                "must be > 0 (got 0)",
            ));
        }
        if self.pipeline.transaction_interval_ms == 0 {
            return Err(key_err(
                "pipeline.transaction_interval_ms",
                "must be > 0 (got 0)",
            ));
        }
        if self.pipeline.article_timeout_ms == 0 {
            return Err(key_err(
                "pipeline.article_timeout_ms",
                "must be > 0 (got 0)",
            ));
        }
        if self.pipeline.drain_timeout_secs == 0 {
            return Err(key_err(
                "pipeline.drain_timeout_secs",
                "must be > 0 (got 0)",
            ));
        }
        Ok(())
    }

    fn validate_nlp_output_log(&self) -> Result<(), ConfigError> {
        for lang in self.nlp.models.keys() {
            if lang.len() != 2 || !lang.chars().all(|c| c.is_ascii_lowercase()) {
                return Err(key_err(
                    &format!("nlp.models.{lang}"),
                    "language must be an ISO 639-1 code like fr or en",
                ));
            }
        }
        if self.output.tokens && !self.nlp.syntax {
            return Err(key_err(
                "output.tokens",
                "needs nlp.syntax = true (got output.tokens = true, nlp.syntax = false)",
            ));
        }
        self.output
            .headers
            .validate()
            .map_err(|e| key_err("output.headers", e.to_string()))?;
        self.telemetry
            .endpoint()
            .map_err(|e| key_err("telemetry.otlp_endpoint", e.to_string()))?;
        if tracing_subscriber::EnvFilter::try_new(&self.log.level).is_err() {
            return Err(key_err(
                "log.level",
                format!(
                    "{:?} is not a valid filter (e.g. info, verbatim=debug)",
                    self.log.level
                ),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::is_listen_address;

    #[test]
    fn listen_addresses_and_host_names() {
        for ok in [
            "127.0.0.1:9464",
            "0.0.0.0:1",
            "[::]:9464",
            "localhost:9464",
            "verbatim-0.verbatim.svc:80",
        ] {
            assert!(is_listen_address(ok), "{ok}");
        }
        for bad in [
            "localhost",
            ":9464",
            "localhost:http",
            "::1:9464",
            "a_b:1",
            "-a:1",
            "a..b:1",
            "host:70000",
        ] {
            assert!(!is_listen_address(bad), "{bad}");
        }
    }
}
