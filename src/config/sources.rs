//! Where each value comes from: the config file (whose relative paths are read from the file's
//! directory) and `VERBATIM__SECTION__KEY` environment variables; and the record of it
//! ([`Origins`]) that lets an error say where a bad value was set.

use super::{is_secret, ConfigError, ENV_PREFIX};
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Component, Path, PathBuf};

/// Where one value was set (a value set nowhere is the default).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ValueSource {
    /// In this config file.
    File(PathBuf),
    /// By this environment variable, with its value (`***` for a secret).
    Env {
        /// The variable's name.
        var: String,
        /// The value it was set to.
        value: String,
    },
}

impl fmt::Display for ValueSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ValueSource::File(p) => write!(f, "set in {}", p.display()),
            ValueSource::Env { var, value } => write!(f, "set by {var}={value}"),
        }
    }
}

/// The source of every key set by the file or the environment (dotted keys; a key holding dots,
/// as librdkafka's do, is quoted: `kafka.consumer."ssl.ca.location"`).
#[derive(Clone, Debug, Default)]
pub struct Origins {
    by_key: BTreeMap<String, ValueSource>,
}

impl Origins {
    /// Record every leaf of the file's table.
    pub fn record_file(&mut self, table: &toml::Table, file: &Path) {
        let mut leaves = Vec::new();
        collect_leaves(table, &mut Vec::new(), &mut leaves);
        for key in leaves {
            self.by_key
                .insert(key, ValueSource::File(file.to_path_buf()));
        }
    }

    /// Record an environment variable; it wins over the file.
    pub fn record_env(&mut self, key: String, var: &str, value: &str) {
        let shown = if is_secret(&key) { "***" } else { value };
        self.by_key.insert(
            key,
            ValueSource::Env {
                var: var.to_string(),
                value: shown.to_string(),
            },
        );
    }

    /// Add to a key error where its value was set.
    pub fn annotate(&self, e: ConfigError) -> ConfigError {
        match e {
            ConfigError::Key {
                key,
                message,
                origin: None,
            } => {
                let origin = self.of(&key).cloned();
                ConfigError::Key {
                    key,
                    message,
                    origin,
                }
            }
            other => other,
        }
    }

    /// Where `key` (as an error names it: `a.b`, `a.b."c.d"`, `a.b[0]`) was set, if anywhere.
    pub fn of(&self, key: &str) -> Option<&ValueSource> {
        let want = unquote(key);
        self.by_key.iter().find_map(|(k, src)| {
            let k = unquote(k);
            let inside = want
                .strip_prefix(k.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']));
            inside.then_some(src)
        })
    }
}

fn unquote(key: &str) -> String {
    key.replace('"', "")
}

/// `a.b` + `c.d` → `a.b."c.d"`.
fn dotted_key(parents: &[String], key: &str) -> String {
    let mut parts: Vec<String> = parents.to_vec();
    parts.push(if key.contains('.') {
        format!("\"{key}\"")
    } else {
        key.to_string()
    });
    parts.join(".")
}

fn collect_leaves(table: &toml::Table, path: &mut Vec<String>, out: &mut Vec<String>) {
    for (k, v) in table {
        match v {
            toml::Value::Table(t) => {
                path.push(k.clone());
                collect_leaves(t, path, out);
                path.pop();
            }
            _ => out.push(dotted_key(path, k)),
        }
    }
}

/// librdkafka properties that name a file.
const PATH_PROPERTIES: &[&str] = &[
    "ssl.ca.location",
    "ssl.certificate.location",
    "ssl.key.location",
    "ssl.keystore.location",
    "ssl.crl.location",
    "sasl.kerberos.keytab",
];

/// Read the file's relative paths from the file's directory: the model directories, the KB
/// files and the librdkafka properties that name a file. A config is then read the same from
/// any working directory (`verbatim run -c /etc/verbatim/verbatim.toml` from `/`). Defaults and
/// environment variables stay relative to the working directory.
pub fn resolve_relative_paths(table: &mut toml::Table, file: &Path) {
    let Some(base) = file.parent().filter(|b| !b.as_os_str().is_empty()) else {
        return;
    };
    if let Some(toml::Value::Table(nlp)) = table.get_mut("nlp") {
        if let Some(toml::Value::Table(models)) = nlp.get_mut("models") {
            for (_, v) in models.iter_mut() {
                rebase_value(v, base);
            }
        }
    }
    if let Some(toml::Value::Table(kb)) = table.get_mut("kb") {
        if let Some(v) = kb.get_mut("places") {
            rebase_value(v, base);
        }
        match kb.get_mut("files") {
            Some(toml::Value::Array(files)) => files.iter_mut().for_each(|v| rebase_value(v, base)),
            Some(toml::Value::String(s)) => {
                let joined: Vec<String> = s
                    .split(',')
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(|p| rebase(base, p))
                    .collect();
                *s = joined.join(",");
            }
            _ => {}
        }
    }
    if let Some(toml::Value::Table(kafka)) = table.get_mut("kafka") {
        for client in ["consumer", "producer"] {
            if let Some(toml::Value::Table(props)) = kafka.get_mut(client) {
                for (k, v) in props.iter_mut() {
                    if PATH_PROPERTIES.contains(&k.as_str()) {
                        rebase_value(v, base);
                    }
                }
            }
        }
    }
}

fn rebase_value(v: &mut toml::Value, base: &Path) {
    if let toml::Value::String(s) = v {
        *s = rebase(base, s);
    }
}

/// `base` joined with a relative `path`, `..` taken away lexically (`config` + `../models/x` =
/// `models/x`); absolute paths, empty strings ("none") and librdkafka's `probe` stay as they are.
fn rebase(base: &Path, path: &str) -> String {
    let p = Path::new(path);
    if path.is_empty() || path == "probe" || p.is_absolute() {
        return path.to_string();
    }
    let mut out: Vec<Component> = base.components().collect();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir if matches!(out.last(), Some(Component::Normal(_))) => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    let joined: PathBuf = out.iter().collect();
    if joined.as_os_str().is_empty() {
        ".".to_string()
    } else {
        joined.to_string_lossy().into_owned()
    }
}

/// Apply one `VERBATIM__A__B__C=value` variable to the TOML tree. Free-form librdkafka maps take
/// `_` as `.` (`VERBATIM__KAFKA__CONSUMER__SECURITY_PROTOCOL` → `security.protocol`).
pub(super) fn apply_env(
    root: &mut toml::Table,
    defaults: &toml::Table,
    var: &str,
    value: &str,
) -> Result<String, ConfigError> {
    let path: Vec<String> = var[ENV_PREFIX.len()..]
        .split("__")
        .map(|s| s.to_ascii_lowercase())
        .collect();
    if path.iter().any(|p| p.is_empty()) || path.len() < 2 {
        return Err(ConfigError::Env {
            var: var.to_string(),
            message: "expected VERBATIM__SECTION__KEY".into(),
        });
    }
    let free_form =
        path.len() == 3 && path[0] == "kafka" && (path[1] == "consumer" || path[1] == "producer")
            || path.len() == 3 && path[0] == "nlp" && path[1] == "models";
    let mut table = root;
    for (i, seg) in path.iter().enumerate() {
        let last = i == path.len() - 1;
        if last {
            let (key, val) = if free_form && path[0] == "kafka" {
                (
                    seg.replace('_', "."),
                    toml::Value::String(value.to_string()),
                )
            } else if free_form {
                (seg.clone(), toml::Value::String(value.to_string()))
            } else if default_is_string(defaults, &path) {
                // `VERBATIM__KAFKA__GROUP_ID=123` is the group "123", not a number.
                (seg.clone(), toml::Value::String(value.to_string()))
            } else {
                (seg.clone(), env_value(value))
            };
            let dotted = dotted_key(&path[..i], &key);
            table.insert(key, val);
            return Ok(dotted);
        } else {
            let entry = table
                .entry(seg.clone())
                .or_insert_with(|| toml::Value::Table(toml::Table::new()));
            table = match entry {
                toml::Value::Table(t) => t,
                _ => {
                    return Err(ConfigError::Env {
                        var: var.to_string(),
                        message: format!("`{}` is not a section", path[..=i].join(".")),
                    })
                }
            };
        }
    }
    Err(ConfigError::Env {
        var: var.to_string(),
        message: "expected VERBATIM__SECTION__KEY".into(),
    })
}

/// An env value is read as a TOML scalar when it parses as one (`42`, `true`), else a string.
/// Whether the key at `path` holds a string in the default config.
fn default_is_string(defaults: &toml::Table, path: &[String]) -> bool {
    let mut t = defaults;
    for (i, seg) in path.iter().enumerate() {
        match t.get(seg) {
            Some(toml::Value::Table(next)) if i + 1 < path.len() => t = next,
            Some(toml::Value::String(_)) => return i + 1 == path.len(),
            _ => return false,
        }
    }
    false
}

fn env_value(v: &str) -> toml::Value {
    if let Ok(i) = v.parse::<i64>() {
        return toml::Value::Integer(i);
    }
    match v {
        "true" => toml::Value::Boolean(true),
        "false" => toml::Value::Boolean(false),
        _ => toml::Value::String(v.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_are_read_from_the_file_directory() {
        assert_eq!(rebase(Path::new("config"), "../models/fr"), "models/fr");
        assert_eq!(
            rebase(Path::new("/etc/verbatim"), "kb/a.tsv"),
            "/etc/verbatim/kb/a.tsv"
        );
        assert_eq!(
            rebase(Path::new("/etc/verbatim"), "./ca.pem"),
            "/etc/verbatim/ca.pem"
        );
        assert_eq!(rebase(Path::new("/etc/verbatim"), "/opt/m"), "/opt/m");
        assert_eq!(rebase(Path::new("/etc/verbatim"), ""), "");
        assert_eq!(rebase(Path::new("/etc/verbatim"), "probe"), "probe");
        assert_eq!(rebase(Path::new("../up"), "../x"), "../x");
    }

    #[test]
    fn origins_find_the_key_an_error_names() {
        let mut o = Origins::default();
        let t: toml::Table =
            "[pipeline]\nconcurrency = 2\n[kafka.consumer]\n\"ssl.ca.location\" = \"ca.pem\"\n"
                .parse()
                .unwrap();
        o.record_file(&t, Path::new("/etc/v.toml"));
        o.record_env(
            "pipeline.max_in_flight".into(),
            "VERBATIM__PIPELINE__MAX_IN_FLIGHT",
            "x",
        );
        o.record_env(
            "kafka.consumer.\"sasl.password\"".into(),
            "VERBATIM__KAFKA__CONSUMER__SASL_PASSWORD",
            "hunter2",
        );
        let shown = |k: &str| o.of(k).map(|s| s.to_string());
        assert_eq!(
            shown("pipeline.concurrency").as_deref(),
            Some("set in /etc/v.toml")
        );
        assert_eq!(
            shown("kafka.consumer.\"ssl.ca.location\"").as_deref(),
            Some("set in /etc/v.toml")
        );
        assert_eq!(
            shown("kafka.consumer.ssl.ca.location").as_deref(),
            Some("set in /etc/v.toml")
        );
        assert_eq!(
            shown("pipeline.max_in_flight").as_deref(),
            Some("set by VERBATIM__PIPELINE__MAX_IN_FLIGHT=x")
        );
        assert_eq!(
            shown("kafka.consumer.\"sasl.password\"").as_deref(),
            Some("set by VERBATIM__KAFKA__CONSUMER__SASL_PASSWORD=***")
        );
        assert_eq!(shown("pipeline.max_in_flight_bytes"), None);
        assert_eq!(shown("pipeline.drain_timeout_secs"), None);
    }
}
