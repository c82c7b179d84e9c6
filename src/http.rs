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
    #[error("cannot listen on http.listen = {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
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
}

/// How long a broker round trip counts as proof of connectivity.
const BROKER_FRESH_MS: i64 = 15_000;

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
        }
    }
}

impl Health {
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

/// Bind the listener now (so a bad address fails start-up) and return the serving future.
pub async fn serve(
    addr: SocketAddr,
    metrics: Arc<Metrics>,
    health: Arc<Health>,
    mut shutdown: tokio::sync::watch::Receiver<bool>,
) -> Result<(SocketAddr, impl std::future::Future<Output = ()>), HttpError> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| HttpError::Bind { addr, source })?;
    let local = listener.local_addr().unwrap_or(addr);
    let app = Router::new()
        .route("/metrics", get(metrics_handler))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .with_state(AppState { metrics, health });
    let fut = async move {
        let stop = async move {
            while !*shutdown.borrow() {
                if shutdown.changed().await.is_err() {
                    break;
                }
            }
        };
        if let Err(e) = axum::serve(listener, app)
            .with_graceful_shutdown(stop)
            .await
        {
            tracing::error!(error = %e, "http server failed");
        }
    };
    Ok((local, fut))
}
