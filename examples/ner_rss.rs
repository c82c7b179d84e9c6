//! Loads both NER models and prints load times and the process RSS (Linux `/proc/self/status`).
//! `cargo run --release --example ner_rss [MODELS_DIR]`

use std::path::PathBuf;
use std::time::Instant;

use verbatim::enrich::ner::NerModel;

fn status(key: &str) -> String {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with(key))
        .map(|l| l.trim().to_string())
        .unwrap_or_else(|| format!("{key} n/a"))
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("models"));
    println!("before load: {}", status("VmRSS:"));
    let mut models = Vec::new();
    for name in ["fr_core_news_md", "en_core_web_sm"] {
        let t0 = Instant::now();
        match NerModel::load(&dir.join(name)) {
            Ok(m) => {
                println!(
                    "{name}: loaded in {:.0?} ({} labels); {}",
                    t0.elapsed(),
                    m.labels().len(),
                    status("VmRSS:")
                );
                models.push(m);
            }
            Err(e) => {
                eprintln!("{name}: {e}");
                std::process::exit(1);
            }
        }
    }
    println!("both loaded: {}; {}", status("VmRSS:"), status("VmHWM:"));
}
