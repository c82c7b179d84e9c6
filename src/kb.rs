//! Loading the knowledge base from the files `[kb]` names, and reloading it while the daemon runs.
//!
//! The enricher reads the KB through a [`KbHandle`]; a reload (SIGHUP, or a KB file whose size or
//! modification time changed) parses every file again off the async threads and swaps the handle.
//! The consumer, the workers and the articles in flight are untouched: an article being enriched
//! keeps the KB it started with. A file with a defect keeps the old KB in use, logs the file and
//! line, and counts `verbatim_kb_reloads_total{result="error"}`.

use crate::config::KbConfig;
use crate::enrich::kb::parse::{for_each_place, Format, KbError, UserEntries};
use crate::enrich::kb::{Kb, KbBuilder, KbHandle};
use crate::metrics::Metrics;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};
use tokio::sync::watch;

/// Why the KB could not be loaded. Messages name the file.
#[derive(Debug, thiserror::Error)]
pub enum KbLoadError {
    // Causes are part of the messages, not chained sources: each is said once.
    /// A KB file cannot be read.
    #[error("cannot read KB file {path:?}: {error}")]
    Read {
        /// The file's path.
        path: PathBuf,
        /// The operating system's error.
        error: std::io::Error,
    },
    /// A KB file has a defect; the error names the file and line.
    #[error("KB file {0}")]
    Parse(KbError),
}

impl From<KbError> for KbLoadError {
    fn from(e: KbError) -> Self {
        KbLoadError::Parse(e)
    }
}

fn read(path: &Path) -> Result<String, KbLoadError> {
    std::fs::read_to_string(path).map_err(|error| KbLoadError::Read {
        path: path.to_path_buf(),
        error,
    })
}

/// Load the built-in places and the newsroom's files. A missing places file only warns (the KB
/// then holds the newsroom's entries): `scripts/kb` builds it.
pub fn load(cfg: &KbConfig) -> Result<Kb, KbLoadError> {
    let t = Instant::now();
    let mut kb = KbBuilder::default();
    if cfg.places.as_os_str().is_empty() {
        // No built-in places configured.
    } else if !cfg.places.exists() {
        tracing::warn!(path = ?cfg.places, "no built-in places KB (build it with scripts/kb): entities are linked to the newsroom's KB only");
    } else {
        // Rows go straight from the text into the KB's arena and index.
        let text = read(&cfg.places)?;
        kb = KbBuilder::for_places_text(text.len());
        let file = cfg.places.display().to_string();
        for_each_place(&text, &file, |row| kb.add_place(&row))?;
    }
    let mut user = UserEntries::default();
    for path in &cfg.files {
        let text = read(path)?;
        user.add_file(&text, &path.display().to_string(), Format::of_path(path))?;
    }
    for e in &user.into_entries() {
        kb.add(e);
    }
    // Newsroom entries are put first.
    let kb = kb.finish();
    tracing::info!(
        entries = kb.len(),
        newsroom = kb.user_len(),
        ms = t.elapsed().as_millis() as u64,
        "knowledge base loaded"
    );
    Ok(kb)
}

/// Size and modification time of every KB file (`None` for a missing one): a change triggers a
/// reload.
#[derive(Debug, PartialEq, Eq)]
struct Fingerprint(Vec<Option<(u64, SystemTime)>>);

fn fingerprint(cfg: &KbConfig) -> Fingerprint {
    let files = std::iter::once(&cfg.places)
        .filter(|p| !p.as_os_str().is_empty())
        .chain(&cfg.files);
    Fingerprint(
        files
            .map(|p| {
                let m = std::fs::metadata(p).ok()?;
                Some((m.len(), m.modified().ok()?))
            })
            .collect(),
    )
}

/// Load again and swap `handle` on success; count the result either way.
pub async fn reload(cfg: &KbConfig, handle: &KbHandle, metrics: &Metrics, why: &str) {
    let c = cfg.clone();
    let result = tokio::task::spawn_blocking(move || load(&c)).await;
    match result {
        Ok(Ok(kb)) => {
            metrics.kb_entries.set(kb.len() as i64);
            handle.replace(kb);
            metrics.kb_reloads.with_label_values(&["ok"]).inc();
            tracing::info!(why, "knowledge base reloaded");
        }
        Ok(Err(e)) => {
            metrics.kb_reloads.with_label_values(&["error"]).inc();
            tracing::error!(why, error = %e, "knowledge base not reloaded: keeping the one in use");
        }
        Err(e) => {
            metrics.kb_reloads.with_label_values(&["error"]).inc();
            tracing::error!(why, error = %e, "knowledge base reload failed: keeping the one in use");
        }
    }
}

/// Reload the KB on SIGHUP and, every `watch_interval_ms`, when a KB file changed; until
/// `shutdown` turns true.
pub fn spawn_reloader(
    cfg: KbConfig,
    handle: KbHandle,
    metrics: Arc<Metrics>,
    mut shutdown: watch::Receiver<bool>,
) -> tokio::task::JoinHandle<()> {
    metrics.kb_entries.set(handle.current().len() as i64);
    tokio::spawn(async move {
        use tokio::signal::unix::{signal, SignalKind};
        let mut hup = match signal(SignalKind::hangup()) {
            Ok(s) => Some(s),
            Err(e) => {
                tracing::error!(error = %e, "cannot install SIGHUP handler: KB reloads on file changes only");
                None
            }
        };
        let polling = cfg.watch_interval_ms > 0;
        let mut tick = tokio::time::interval(Duration::from_millis(cfg.watch_interval_ms.max(1)));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut seen = fingerprint(&cfg);
        while !*shutdown.borrow() {
            let why = tokio::select! {
                _ = shutdown.changed() => continue,
                Some(()) = async { match hup.as_mut() { Some(h) => h.recv().await, None => std::future::pending().await } } => "SIGHUP",
                _ = tick.tick(), if polling => {
                    if fingerprint(&cfg) == seen {
                        continue;
                    }
                    "a KB file changed"
                }
            };
            seen = fingerprint(&cfg);
            reload(&cfg, &handle, &metrics, why).await;
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::{Entity, EntityType, Mention};

    fn cfg(dir: &Path, files: &[&str]) -> KbConfig {
        KbConfig {
            places: dir.join("absent-places.tsv"),
            files: files.iter().map(|f| dir.join(f)).collect(),
            watch_interval_ms: 0,
        }
    }

    fn linked(kb: &Kb, name: &str) -> Option<String> {
        let mut es = vec![Entity {
            id: "x".into(),
            name: name.into(),
            entity_type: EntityType::Organization,
            label: None,
            mentions: vec![Mention {
                field: "body".into(),
                start: 0,
                end: name.chars().count(),
                text: name.into(),
            }],
            kb_id: None,
            kb_name: None,
        }];
        crate::enrich::kb::link(kb, &mut es, "en");
        es[0].kb_id.clone()
    }

    #[test]
    fn load_reports_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.tsv"), "X1\torg\tQuillfeather Press\n").unwrap();
        std::fs::write(dir.path().join("b.tsv"), "# c\nX2\torg\n").unwrap();
        let kb = load(&cfg(dir.path(), &["a.tsv"])).unwrap();
        assert_eq!(linked(&kb, "Quillfeather Press").as_deref(), Some("X1"));
        let err = load(&cfg(dir.path(), &["a.tsv", "b.tsv"])).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("b.tsv:2:"), "{msg}");
        let err = load(&cfg(dir.path(), &["nope.tsv"])).unwrap_err();
        assert!(err.to_string().contains("nope.tsv"), "{err}");
    }

    #[tokio::test]
    async fn reload_swaps_or_keeps_the_old_kb() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kb.tsv");
        std::fs::write(&path, "X1\torg\tQuillfeather Press\n").unwrap();
        let c = cfg(dir.path(), &["kb.tsv"]);
        let handle = KbHandle::new(load(&c).unwrap());
        let metrics = Metrics::new();
        let held = handle.current();
        std::fs::write(&path, "X9\torg\tQuillfeather Press\n").unwrap();
        reload(&c, &handle, &metrics, "test").await;
        assert_eq!(
            linked(&handle.current(), "Quillfeather Press").as_deref(),
            Some("X9")
        );
        assert_eq!(
            linked(&held, "Quillfeather Press").as_deref(),
            Some("X1"),
            "a reader keeps its KB"
        );
        std::fs::write(&path, "X9\tbogus\tQuillfeather Press\n").unwrap();
        reload(&c, &handle, &metrics, "test").await;
        assert_eq!(
            linked(&handle.current(), "Quillfeather Press").as_deref(),
            Some("X9")
        );
        assert_eq!(metrics.kb_reloads.with_label_values(&["ok"]).get(), 1);
        assert_eq!(metrics.kb_reloads.with_label_values(&["error"]).get(), 1);
        assert_eq!(metrics.kb_entries.get(), 1);
    }

    #[test]
    fn fingerprint_sees_changes() {
        let dir = tempfile::tempdir().unwrap();
        let c = cfg(dir.path(), &["kb.tsv"]);
        let before = fingerprint(&c);
        std::fs::write(dir.path().join("kb.tsv"), "X1\torg\tA\n").unwrap();
        assert_ne!(fingerprint(&c), before);
    }
}
