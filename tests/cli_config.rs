//! The operator's side of the `verbatim` binary: check-config loads the models and reads the
//! file's relative paths from its directory, errors say where a value was set, and the
//! completions, man page and config schema commands.

use std::process::Command;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_verbatim"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

/// check-config loads the models: a wrong model directory fails under its key and where it was
/// set; relative paths in the file are read from the file's directory, whatever the cwd.
#[test]
fn check_config_loads_models_from_paths_relative_to_the_file() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(root.join("models"), dir.path().join("m")).unwrap();
    let cfg = dir.path().join("verbatim.toml");
    std::fs::write(
        &cfg,
        "[nlp.models]\nfr = \"m/fr_core_news_md\"\nen = \"m/en_core_web_sm\"\n[kb]\nplaces = \"m/kb/places.tsv\"\n",
    )
    .unwrap();
    let ok = bin()
        .current_dir("/")
        .args(["check-config", "-c"])
        .arg(&cfg)
        .env_remove("VERBATIM__NLP__MODELS__FR")
        .env_remove("VERBATIM__NLP__MODELS__EN")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&ok.stderr);
    assert!(ok.status.success(), "{err}");
    assert!(err.contains("models loaded: en, fr"), "{err}");

    std::fs::write(&cfg, "[nlp.models]\nfr = \"nowhere/fr\"\n").unwrap();
    let bad = bin()
        .args(["check-config", "-c"])
        .arg(&cfg)
        .output()
        .unwrap();
    assert!(!bad.status.success());
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(
        err.contains("nlp.models.fr")
            && err.contains("verbatim.toml")
            && err.contains("nowhere/fr"),
        "{err}"
    );
    // --no-models checks a config written for another machine without its models.
    let other = bin()
        .args(["check-config", "--no-models", "-c"])
        .arg(&cfg)
        .output()
        .unwrap();
    assert!(
        other.status.success(),
        "{}",
        String::from_utf8_lossy(&other.stderr)
    );
}

/// An environment variable's bad value is named with the variable, and the cause once.
#[test]
fn config_errors_name_the_variable_and_each_cause_once() {
    let out = bin()
        .args(["check-config", "--no-models"])
        .env("VERBATIM__PIPELINE__CONCURRENCY", "abc")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("pipeline.concurrency") && err.contains("VERBATIM__PIPELINE__CONCURRENCY=abc"),
        "{err}"
    );
    let out = bin()
        .args(["check-config", "-c", "/nonexistent/verbatim.toml"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.matches("No such file").count(), 1, "{err}");
}

#[test]
fn completions_man_page_and_config_schema() {
    let out = bin().args(["completions", "bash"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && text.contains("check-config") && text.contains("--keep-going"),
        "{text}"
    );
    let out = bin().args(["man"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && text.contains(".TH verbatim") && text.contains("check\\-config"),
        "{text}"
    );
    let dir = tempfile::tempdir().unwrap();
    let out = bin()
        .args(["man", "--dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let page = std::fs::read_to_string(dir.path().join("verbatim-run.1")).unwrap();
    assert!(page.contains("\\-c") && page.contains("config"), "{page}");
    let out = bin().args(["schema", "--config"]).output().unwrap();
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(schema["properties"]["kafka"].is_object(), "{schema}");
}
