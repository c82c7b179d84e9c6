//! Logging setup (`tracing`), pretty or JSON.

use crate::config::{LogConfig, LogFormat};
use tracing_subscriber::EnvFilter;

/// Install the global subscriber. Logs go to stderr so that `verbatim enrich` keeps stdout clean.
pub fn init(cfg: &LogConfig) {
    let filter = std::env::var("RUST_LOG")
        .ok()
        .and_then(|f| EnvFilter::try_new(f).ok())
        .unwrap_or_else(|| {
            EnvFilter::try_new(&cfg.level).unwrap_or_else(|_| EnvFilter::new("info"))
        });
    // Colour codes only on a terminal: a log file, journald or `kubectl logs` gets plain text.
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_writer(std::io::stderr);
    let _ = match cfg.format {
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
        LogFormat::Pretty => builder.try_init(),
    };
}

/// One log line per kind of repeated failure and window: while a broker is down librdkafka
/// reports the same error every few hundred milliseconds; the first is logged, the next ones
/// within the window are counted, and the first line after the window says how many were
/// suppressed.
pub struct Throttle {
    window: std::time::Duration,
    slots: std::sync::Mutex<std::collections::HashMap<String, Slot>>,
}

struct Slot {
    logged_at: std::time::Instant,
    suppressed: u64,
}

/// What [`Throttle::admit`] decides for one failure.
#[derive(Debug, PartialEq, Eq)]
pub enum Admit {
    /// Log it; `suppressed` lines of the same kind were left out since the last one.
    Log { suppressed: u64 },
    /// Leave it out (counted).
    Suppress,
}

impl Throttle {
    pub fn new(window: std::time::Duration) -> Self {
        Throttle {
            window,
            slots: Default::default(),
        }
    }

    /// Whether a failure of `kind` seen at `now` is logged.
    pub fn admit(&self, kind: &str, now: std::time::Instant) -> Admit {
        let mut slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
        match slots.get_mut(kind) {
            Some(slot) if now.saturating_duration_since(slot.logged_at) < self.window => {
                slot.suppressed += 1;
                Admit::Suppress
            }
            Some(slot) => {
                let suppressed = std::mem::take(&mut slot.suppressed);
                slot.logged_at = now;
                Admit::Log { suppressed }
            }
            None => {
                slots.insert(
                    kind.to_string(),
                    Slot {
                        logged_at: now,
                        suppressed: 0,
                    },
                );
                Admit::Log { suppressed: 0 }
            }
        }
    }
}

/// Window of the Kafka client errors' throttle.
pub const KAFKA_ERROR_WINDOW: std::time::Duration = std::time::Duration::from_secs(30);

/// The throttle shared by the Kafka clients' error callbacks.
pub fn kafka_errors() -> &'static Throttle {
    static T: std::sync::OnceLock<Throttle> = std::sync::OnceLock::new();
    T.get_or_init(|| Throttle::new(KAFKA_ERROR_WINDOW))
}

/// Log one Kafka client error as one line with structured fields (`client`, `kind`, `error`,
/// `reason`, `suppressed`), at most once per kind and client every [`KAFKA_ERROR_WINDOW`].
pub fn kafka_client_error(client: &str, error: &rdkafka::error::KafkaError, reason: &str) {
    let kind = error
        .rdkafka_error_code()
        .map(|c| format!("{c:?}"))
        .unwrap_or_else(|| "other".to_string());
    let key = format!("{client}/{kind}");
    if let Admit::Log { suppressed } = kafka_errors().admit(&key, std::time::Instant::now()) {
        tracing::warn!(client, kind = %kind, error = %error, reason, suppressed, "kafka client error");
    }
}

/// librdkafka's own log lines, with structured fields (`client`, `facility`, `message`). A
/// failed connection is reported twice by librdkafka, as a `FAIL` log line and through the error
/// callback ([`kafka_client_error`], which logs it): the log line goes to debug, so that each
/// failure is one line. Other warnings and errors are throttled like the client errors.
pub fn kafka_client_log(
    client: &str,
    level: rdkafka::config::RDKafkaLogLevel,
    facility: &str,
    message: &str,
) {
    use rdkafka::config::RDKafkaLogLevel as L;
    match level {
        L::Emerg | L::Alert | L::Critical | L::Error | L::Warning if facility != "FAIL" => {
            let key = format!("{client}/log/{facility}");
            if let Admit::Log { suppressed } = kafka_errors().admit(&key, std::time::Instant::now())
            {
                tracing::warn!(client, facility, message, suppressed, "librdkafka");
            }
        }
        L::Notice | L::Info => tracing::info!(client, facility, message, "librdkafka"),
        _ => tracing::debug!(client, facility, message, "librdkafka"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    #[test]
    fn one_line_per_kind_and_window_with_the_suppressed_count() {
        let t = Throttle::new(Duration::from_secs(30));
        let t0 = Instant::now();
        let at = |s: u64| t0 + Duration::from_secs(s);
        assert_eq!(
            t.admit("consumer/AllBrokersDown", at(0)),
            Admit::Log { suppressed: 0 }
        );
        for s in 1..=5 {
            assert_eq!(t.admit("consumer/AllBrokersDown", at(s)), Admit::Suppress);
        }
        // Another kind has its own window.
        assert_eq!(
            t.admit("producer/AllBrokersDown", at(3)),
            Admit::Log { suppressed: 0 }
        );
        assert_eq!(
            t.admit("consumer/AllBrokersDown", at(30)),
            Admit::Log { suppressed: 5 }
        );
        assert_eq!(t.admit("consumer/AllBrokersDown", at(31)), Admit::Suppress);
        assert_eq!(
            t.admit("consumer/AllBrokersDown", at(90)),
            Admit::Log { suppressed: 1 }
        );
    }
}
