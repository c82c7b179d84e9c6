//! The HTTP edge: `/metrics` (Prometheus text), `/healthz` (alive), `/readyz` (ready to work).
//! Nothing else is served.

use crate::metrics::Metrics;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

/// Errors of the HTTP edge.
#[derive(Debug, thiserror::Error)]
pub enum HttpError {
    // Causes are part of the messages, not chained sources: each is said once.
    /// The listening socket cannot be bound (address in use, no permission).
    #[error("cannot listen on http.listen = {addr}: {error}")]
    Bind {
        /// The configured `http.listen` address.
        addr: SocketAddr,
        /// The operating system's error.
        error: std::io::Error,
    },
    /// `http.listen` names a host the resolver cannot find.
    #[error("cannot resolve http.listen = {listen:?}: {reason}")]
    Resolve {
        /// The configured `http.listen` value.
        listen: String,
        /// The resolver's answer.
        reason: String,
    },
}

/// The address `http.listen` names: an IP address, or a host name resolved now (the first
/// address the resolver gives).
pub async fn resolve(listen: &str) -> Result<SocketAddr, HttpError> {
    let resolve_err = |reason: String| HttpError::Resolve {
        listen: listen.to_string(),
        reason,
    };
    tokio::net::lookup_host(listen)
        .await
        .map_err(|e| resolve_err(e.to_string()))?
        .next()
        .ok_or_else(|| resolve_err("the name has no address".into()))
}

/// Readiness facts set by the pipeline, read by `/readyz`.
#[derive(Debug)]
pub struct Health {
    /// The consumer joined its group (an assignment arrived, possibly empty).
    pub group_joined: AtomicBool,
    /// Unix ms of the last successful broker round trip (metadata probe or delivery).
    pub broker_ok_ms: AtomicI64,
    /// The last delivery attempt succeeded (or none failed yet).
    pub producer_ok: AtomicBool,
    /// The daemon is shutting down.
    pub stopping: AtomicBool,
    /// A delivery has waited over 10 s for its acknowledgement, or the producer is fatal.
    pub producer_stalled: AtomicBool,
    /// The partitions were revoked and no new assignment (possibly empty) arrived yet.
    pub assignment_lost: AtomicBool,
}

/// How long a broker round trip counts as proof of connectivity.
const BROKER_FRESH_MS: i64 = 15_000;

/// Wall-clock time in milliseconds since the Unix epoch (0 if the clock is before it).
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

impl Default for Health {
    fn default() -> Self {
        Health {
            group_joined: AtomicBool::new(false),
            broker_ok_ms: AtomicI64::new(0),
            producer_ok: AtomicBool::new(true),
            stopping: AtomicBool::new(false),
            producer_stalled: AtomicBool::new(false),
            assignment_lost: AtomicBool::new(false),
        }
    }
}

impl Health {
    /// Record a successful broker round trip now (refreshes `broker_ok_ms`).
    pub fn broker_seen(&self) {
        self.broker_ok_ms.store(now_ms(), Ordering::Relaxed);
    }

    /// Why the daemon is not ready, or `None` when it is.
    pub fn not_ready_reason(&self) -> Option<&'static str> {
        if self.stopping.load(Ordering::Relaxed) {
            Some("shutting down")
        } else if now_ms() - self.broker_ok_ms.load(Ordering::Relaxed) > BROKER_FRESH_MS {
            Some("broker unreachable")
        } else if !self.group_joined.load(Ordering::Relaxed) {
            Some("consumer group not joined yet")
        } else if self.assignment_lost.load(Ordering::Relaxed) {
            Some("partitions revoked and not reassigned yet (rebalance in progress)")
        } else if self.producer_stalled.load(Ordering::Relaxed) {
            Some("producer stalled: deliveries not acknowledged")
        } else if !self.producer_ok.load(Ordering::Relaxed) {
            Some("producer failing")
        } else {
            None
        }
    }
}

#[derive(Clone)]
struct AppState {
    metrics: Arc<Metrics>,
    health: Arc<Health>,
}

async fn metrics_handler(State(s): State<AppState>) -> impl IntoResponse {
    s.metrics
        .ready
        .set(i64::from(s.health.not_ready_reason().is_none()));
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        s.metrics.render(),
    )
}

async fn healthz() -> impl IntoResponse {
    (StatusCode::OK, "ok\n")
}

async fn readyz(State(s): State<AppState>) -> impl IntoResponse {
    match s.health.not_ready_reason() {
        None => (StatusCode::OK, "ready\n".to_string()),
        Some(why) => (
            StatusCode::SERVICE_UNAVAILABLE,
            format!("not ready: {why}\n"),
        ),
    }
}

/// Most HTTP connections open at once; more are closed on accept (scrapers and probes need a
/// handful; 1,500 slowloris connections used to hold one file descriptor each).
pub const MAX_CONNECTIONS: usize = 64;

/// Longest a client may take to send a request's headers (and, on a kept-alive connection, to
/// start the next one) before the connection is closed.
pub const HEADER_READ_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

/// After the shutdown signal, open connections get this long to finish, then are dropped.
pub const SHUTDOWN_GRACE: std::time::Duration = std::time::Duration::from_secs(1);

/// Bind the listener now (so a bad address fails start-up) and return the serving future.
/// The future ends at most [`SHUTDOWN_GRACE`] after `shutdown` turns true.
pub async fn serve(
    addr: SocketAddr,
    metrics: Arc<Metrics>,
    health: Arc<Health>,
    mut shutdown: tokio::sync::watch::Receiver<bool>,
) -> Result<(SocketAddr, impl std::future::Future<Output = ()>), HttpError> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|error| HttpError::Bind { addr, error })?;
    let local = listener.local_addr().unwrap_or(addr);
    let app = Router::new()
        .route("/metrics", get(metrics_handler))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .with_state(AppState { metrics, health });
    let fut = async move {
        let slots = Arc::new(tokio::sync::Semaphore::new(MAX_CONNECTIONS));
        let graceful = hyper_util::server::graceful::GracefulShutdown::new();
        loop {
            let accepted = tokio::select! {
                a = listener.accept() => a,
                _ = wait_shutdown(&mut shutdown) => break,
            };
            let stream = match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    // Out of file descriptors and the like: back off instead of spinning.
                    tracing::warn!(error = %e, "http accept failed");
                    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                    continue;
                }
            };
            let Ok(slot) = slots.clone().try_acquire_owned() else {
                drop(stream);
                continue;
            };
            let service = hyper_util::service::TowerToHyperService::new(app.clone());
            let conn = hyper::server::conn::http1::Builder::new()
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(HEADER_READ_TIMEOUT)
                .serve_connection(hyper_util::rt::TokioIo::new(stream), service);
            let conn = graceful.watch(conn);
            tokio::spawn(async move {
                let _ = conn.await;
                drop(slot);
            });
        }
        drop(listener);
        if tokio::time::timeout(SHUTDOWN_GRACE, graceful.shutdown())
            .await
            .is_err()
        {
            tracing::debug!("http connections still open after the grace period; dropped");
        }
    };
    Ok((local, fut))
}

async fn wait_shutdown(rx: &mut tokio::sync::watch::Receiver<bool>) {
    while !*rx.borrow() {
        if rx.changed().await.is_err() {
            std::future::pending::<()>().await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};
    use std::time::{Duration, Instant};

    /// `http.listen` may name a host: it is resolved when binding; a name that does not resolve
    /// fails naming the key and the value.
    #[tokio::test]
    async fn listen_host_names_resolve_at_bind() {
        let a = resolve("localhost:9464").await.expect("localhost resolves");
        assert!(a.ip().is_loopback() && a.port() == 9464, "{a}");
        let a = resolve("127.0.0.1:1").await.unwrap();
        assert_eq!(a, "127.0.0.1:1".parse::<SocketAddr>().unwrap());
        let e = resolve("no-such-host.invalid:9464")
            .await
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("http.listen") && e.contains("no-such-host.invalid"),
            "{e}"
        );
    }

    fn get(addr: SocketAddr, path: &str) -> Option<String> {
        let mut s = std::net::TcpStream::connect(addr).ok()?;
        s.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
        write!(
            s,
            "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        )
        .ok()?;
        let mut buf = String::new();
        s.read_to_string(&mut buf).ok()?;
        Some(buf)
    }

    /// Connections that never send a request are closed after the header timeout, connections
    /// over the cap are closed at once, the server still answers, and shutdown is bounded.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn slow_and_excess_connections_are_closed_and_shutdown_is_bounded() {
        let (tx, rx) = tokio::sync::watch::channel(false);
        let (addr, fut) = serve(
            "127.0.0.1:0".parse().unwrap(),
            Arc::new(Metrics::new()),
            Arc::new(Health::default()),
            rx,
        )
        .await
        .unwrap();
        let server = tokio::spawn(fut);
        let idle: Vec<std::net::TcpStream> = tokio::task::spawn_blocking(move || {
            (0..200)
                .filter_map(|_| std::net::TcpStream::connect(addr).ok())
                .collect()
        })
        .await
        .unwrap();
        assert_eq!(idle.len(), 200);
        let closed = tokio::task::spawn_blocking(move || {
            idle.into_iter()
                .filter(|s| {
                    let mut s = s;
                    s.set_read_timeout(Some(HEADER_READ_TIMEOUT * 3)).unwrap();
                    // 0 bytes = closed by the server (an error = still open at the deadline).
                    matches!(s.read(&mut [0u8; 64]), Ok(0))
                })
                .count()
        })
        .await
        .unwrap();
        assert_eq!(closed, 200, "every idle or excess connection is closed");
        let answer = tokio::task::spawn_blocking(move || get(addr, "/healthz"))
            .await
            .unwrap()
            .unwrap_or_default();
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        // Half-open connections at shutdown do not hold it.
        let _held: Vec<std::net::TcpStream> = (0..50)
            .filter_map(|_| std::net::TcpStream::connect(addr).ok())
            .collect();
        tokio::time::sleep(Duration::from_millis(200)).await;
        let t0 = Instant::now();
        tx.send(true).unwrap();
        tokio::time::timeout(SHUTDOWN_GRACE * 5, server)
            .await
            .expect("the server stops within its grace period")
            .unwrap();
        assert!(t0.elapsed() < SHUTDOWN_GRACE * 5);
    }
}

#[cfg(test)]
mod readiness {
    use super::*;

    #[test]
    fn a_revoked_assignment_is_not_ready_until_the_next_one() {
        let h = Health::default();
        h.broker_seen();
        h.group_joined.store(true, Ordering::Relaxed);
        assert_eq!(h.not_ready_reason(), None);
        // What the rebalance callback does on revocation, then on the next assignment.
        h.assignment_lost.store(true, Ordering::Relaxed);
        assert!(h.not_ready_reason().is_some_and(|r| r.contains("revoked")));
        h.assignment_lost.store(false, Ordering::Relaxed);
        assert_eq!(h.not_ready_reason(), None);
    }
}
