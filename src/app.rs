//! What every command that runs the daemon's parts shares: the enrichment core built from the
//! config, the async runtime, and the shutdown signal. `cli` dispatches the commands; `demo`
//! and `replay` use these without going back through `cli`.

use crate::config::Config;
use crate::enrich::{Enricher, EnricherConfig};
use anyhow::{Context, Result};
use tokio::sync::watch;

/// Build the enrichment core from the config (loads the models and the knowledge base). A model
/// that does not load is reported under its key (`nlp.models.fr`) and where that was set.
/// The knowledge base loads on a thread of its own while the models load.
pub fn enricher(cfg: &Config) -> Result<Enricher> {
    let (kb, e) = std::thread::scope(|s| {
        let kb = std::thread::Builder::new()
            .name("kb-load".into())
            .spawn_scoped(s, || crate::kb::load(&cfg.kb));
        let e = Enricher::new(EnricherConfig {
            models: cfg.nlp.models.clone(),
            syntax: cfg.nlp.syntax,
            tokens: cfg.output.tokens,
            max_tokens: Some(cfg.limits.max_tokens).filter(|&n| n > 0),
        });
        let kb = match kb {
            Ok(handle) => handle
                .join()
                .unwrap_or_else(|p| std::panic::resume_unwind(p)),
            // No thread to be had: load it here.
            Err(_) => crate::kb::load(&cfg.kb),
        };
        (kb, e)
    });
    let kb = kb.map_err(|e| {
        let key = match &e {
            crate::kb::KbLoadError::Read { path, .. } if *path == cfg.kb.places => "kb.places",
            crate::kb::KbLoadError::Read { .. } => "kb.files",
            // The message names the file.
            crate::kb::KbLoadError::Parse(_) => "kb",
        };
        cfg.key_error(key, e.to_string())
    })?;
    let e = e
        .map_err(|e| match &e {
            crate::enrich::EnrichError::Model { lang, .. } => {
                anyhow::Error::new(cfg.key_error(&format!("nlp.models.{lang}"), e.to_string()))
            }
            _ => anyhow::Error::new(e),
        })?
        .with_kb(crate::enrich::kb::KbHandle::new(kb));
    Ok(e)
}

/// The commands' async runtime: two worker threads (the enrichment runs on its own pool).
pub(crate) fn runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("cannot start the async runtime")
}

/// Turn SIGINT/SIGTERM into the shutdown signal; a second signal exits at once.
///
/// Both handlers are installed before this returns (inside a runtime context), so a caller that
/// installs them first and then loads the models turns a SIGTERM that arrives during the load
/// into a clean stop rather than the signal's default action (death by signal, exit 143).
pub fn shutdown_on_signals() -> Result<watch::Receiver<bool>> {
    use tokio::signal::unix::{signal, SignalKind};
    let mut term = signal(SignalKind::terminate()).context("cannot install the SIGTERM handler")?;
    let mut int = signal(SignalKind::interrupt()).context("cannot install the SIGINT handler")?;
    let (tx, rx) = watch::channel(false);
    tokio::spawn(async move {
        for n in 0.. {
            tokio::select! {
                _ = int.recv() => {}
                _ = term.recv() => {}
            }
            if n == 0 {
                tracing::info!("shutdown requested (again to exit immediately)");
                let _ = tx.send(true);
            } else {
                tracing::warn!("second signal: exiting without draining");
                std::process::exit(130);
            }
        }
    });
    Ok(rx)
}

/// Run `f` to completion on a new runtime ([`runtime`]): `verbatim demo` and `verbatim replay`.
pub fn block_on<F: std::future::Future>(f: F) -> Result<F::Output> {
    Ok(runtime()?.block_on(f))
}
