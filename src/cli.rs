//! Command-line interface: `run`, `enrich`, `demo`, `check-config`, `eval`, `schema`, `replay`,
//! `completions`, `man`.

use crate::app::{enricher, runtime, shutdown_on_signals};
use crate::config::Config;
use crate::contract::{self, DeadLetterKind, Origin};
use crate::enrich::{EnrichOptions, Enricher};
use crate::http::{self, Health};
use crate::metrics::Metrics;
use crate::pipeline::worker::{process_payload, Outcome, WorkerSettings};
use crate::{pipeline, telemetry};
use anyhow::{Context, Result};
use clap::{Args, CommandFactory, Parser, Subcommand};
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The command line: one subcommand.
#[derive(Parser, Debug)]
#[command(
    name = "verbatim",
    version,
    about = "Enrich news articles from Kafka with named entities and attributed direct quotes.",
    long_about = "verbatim reads news articles (JSON) from a Kafka topic, finds the people, places and \
organisations they name and the direct quotes they contain (with who said them), and writes the \
enriched articles to an output topic, with Prometheus metrics on /metrics.\n\n\
Start with `verbatim demo` (no setup: an embedded Kafka cluster), then `verbatim run --config \
config/verbatim.toml` against your brokers. Every config key can be set by an environment variable \
VERBATIM__SECTION__KEY (e.g. VERBATIM__KAFKA__BROKERS=127.0.0.1:9092)."
)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// `-c, --config FILE`, the same in every subcommand that reads the config.
#[derive(Args, Debug, Clone, Default)]
pub struct ConfigArg {
    /// TOML config file (see config/verbatim.toml); relative paths in it are read from the
    /// file's directory; VERBATIM__SECTION__KEY environment variables override it.
    #[arg(long, short, env = "VERBATIM_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// The subcommands; each variant's doc comment is its `--help` text.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run the daemon: consume, enrich, produce, serve /metrics /healthz /readyz.
    Run {
        /// The config file (`-c`), shared by every command that reads the config.
        #[command(flatten)]
        config: ConfigArg,
    },
    /// Enrich JSON-lines articles from FILE (or stdin) to JSON-lines on stdout, offline.
    /// Exits with status 1 when any input failed (each failure is a JSON line on stderr),
    /// unless --keep-going.
    Enrich {
        /// Input file, one JSON article per line; `-` or absent reads stdin.
        file: Option<PathBuf>,
        /// Exit with status 0 even when some inputs failed.
        #[arg(long)]
        keep_going: bool,
        /// Add to each output line an `explain` object, for debugging the extraction: the NER
        /// model's raw spans (`ner`: field, start, end, label, code-point offsets), per entity
        /// how its type was decided (mention labels and context hints, type votes, the rule that
        /// settled it) and per quote its cue, where the attribution was found and how the
        /// speaker was resolved. Outside the output contract: the daemon never emits it.
        #[arg(long)]
        explain: bool,
        /// The config file (`-c`), shared by every command that reads the config.
        #[command(flatten)]
        config: ConfigArg,
    },
    /// Zero-setup demo: embedded Kafka cluster, the daemon, sample articles; Ctrl-C to stop.
    Demo {
        /// The config file (`-c`), shared by every command that reads the config.
        #[command(flatten)]
        config: ConfigArg,
        /// Exit after printing the enriched sample articles instead of waiting for Ctrl-C.
        #[arg(long)]
        once: bool,
    },
    /// Check what `run` would reject before it joins the group: the config's values, both
    /// Kafka clients' properties, http.listen, the model directories and the KB files; then
    /// print the effective config with secrets redacted.
    CheckConfig {
        /// The config file (`-c`), shared by every command that reads the config.
        #[command(flatten)]
        config: ConfigArg,
        /// Do not load the models and KB files (a config written for another machine or image).
        #[arg(long)]
        no_models: bool,
    },
    /// Score the enrichment against a gold file (see ../shared/README.md for the format).
    Eval {
        /// Gold JSON-lines file.
        #[arg(long)]
        gold: PathBuf,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
        /// Also list, per article, the entities and quotes missed and extra, and the quotes
        /// with another speaker than the gold's.
        #[arg(long)]
        details: bool,
        /// The config file (`-c`), shared by every command that reads the config.
        #[command(flatten)]
        config: ConfigArg,
    },
    /// Re-produce dead-lettered originals (key, payload, headers minus verbatim-*) to the input
    /// topic, up to the dead-letter topic's end at start; prints a count per kind.
    Replay(crate::replay::ReplayArgs),
    /// Print the JSON Schema of the output message (or, with --input, of the input message;
    /// with --config, of the config file); --write DIR writes both message schemas.
    Schema {
        /// Print the input message's schema instead of the output's.
        #[arg(long, conflicts_with_all = ["output", "write", "config_schema"])]
        input: bool,
        /// Print the config file's schema (for editors: taplo, Even Better TOML).
        #[arg(long = "config", conflicts_with_all = ["output", "write"])]
        config_schema: bool,
        /// Print the output message's schema (the default).
        #[arg(long, conflicts_with = "write")]
        output: bool,
        /// Directory to write input.schema.json and output.schema.json into.
        #[arg(long)]
        write: Option<PathBuf>,
    },
    /// Print a shell completion script: `verbatim completions bash > /etc/bash_completion.d/verbatim`.
    Completions {
        /// bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) of verbatim, or with --dir write one page per command.
    Man {
        /// Directory to write verbatim.1 and verbatim-COMMAND.1 into.
        #[arg(long)]
        dir: Option<PathBuf>,
    },
}

/// Parse the command line and run the command. Returns the process exit code.
pub fn main() -> i32 {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Run { config } => load(&config).and_then(run),
        Command::Enrich {
            file,
            keep_going,
            explain,
            config,
        } => load(&config).and_then(|c| {
            let opts = EnrichOptions { explain };
            enrich(&c, file.as_deref(), keep_going, opts)
        }),
        Command::Demo { config, once } => load(&config).and_then(|c| crate::demo::demo(c, once)),
        Command::CheckConfig { config, no_models } => {
            load(&config).and_then(|c| check_config(&c, no_models))
        }
        Command::Eval {
            gold,
            json,
            details,
            config,
        } => load(&config).and_then(|c| eval(&c, &gold, json, details)),
        Command::Schema {
            input,
            config_schema,
            write,
            ..
        } => schema(input, config_schema, write.as_deref()),
        Command::Replay(args) => load(&ConfigArg {
            config: args.config.clone(),
        })
        .and_then(|c| {
            telemetry::init(&c.log);
            crate::replay::main(&c, &args)
        }),
        Command::Completions { shell } => {
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "verbatim",
                &mut std::io::stdout(),
            );
            Ok(())
        }
        Command::Man { dir } => crate::manpage::write(Cli::command(), dir.as_deref()),
    };
    match result {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("verbatim: error: {e:#}");
            1
        }
    }
}

fn load(arg: &ConfigArg) -> Result<Config> {
    Ok(Config::load(arg.config.as_deref())?)
}

/// `verbatim check-config`: everything `run` checks before it joins the group.
fn check_config(c: &Config, no_models: bool) -> Result<()> {
    pipeline::kafka::check_properties(&c.kafka).map_err(anyhow::Error::msg)?;
    // A host name must resolve now as it will when the daemon binds.
    std::net::ToSocketAddrs::to_socket_addrs(c.http.listen.as_str()).map_err(|e| {
        c.key_error(
            "http.listen",
            format!("{:?} does not resolve: {e}", c.http.listen),
        )
    })?;
    if no_models {
        eprintln!("models and KB files not loaded (--no-models)");
    } else {
        let e = enricher(c)?;
        let langs: Vec<&str> = e.languages().collect();
        eprintln!("models loaded: {}", langs.join(", "));
    }
    println!("# effective configuration (defaults ← file ← VERBATIM__* env), secrets redacted");
    print!("{}", c.redacted_toml());
    eprintln!("config OK");
    Ok(())
}

/// Grace for open HTTP connections after the pipeline stopped.
const HTTP_SHUTDOWN_LIMIT: std::time::Duration = std::time::Duration::from_secs(2);

fn run(cfg: Config) -> Result<()> {
    telemetry::init(&cfg.log);
    // Before the models load and the group is joined: what librdkafka would reject.
    pipeline::kafka::check_properties(&cfg.kafka).map_err(anyhow::Error::msg)?;
    let rt = runtime()?;
    // The signal handlers go in before the models load (a second or more): a SIGTERM sent while
    // they load ends the start-up cleanly instead of killing the process.
    let shutdown = {
        let _in_runtime = rt.enter();
        shutdown_on_signals()?
    };
    let enricher = Arc::new(enricher(&cfg)?);
    if *shutdown.borrow() {
        tracing::info!("shutdown requested while starting: not joining the group");
        rt.shutdown_timeout(std::time::Duration::from_secs(1));
        return Ok(());
    }
    let r = rt.block_on(async move {
        let metrics = Arc::new(Metrics::new());
        let health = Arc::new(Health::default());
        let addr = http::resolve(&cfg.http.listen).await?;
        let (local, server) =
            http::serve(addr, metrics.clone(), health.clone(), shutdown.clone()).await?;
        tracing::info!(%local, "metrics on http://{local}/metrics");
        let server = tokio::spawn(server);
        let kb = enricher.kb().clone();
        let _kb_reloader =
            crate::kb::spawn_reloader(cfg.kb.clone(), kb, metrics.clone(), shutdown.clone());
        let summary = pipeline::run(&cfg, enricher, metrics, health, shutdown).await?;
        // The server stops on the same signal; open connections get a short grace, no more.
        if tokio::time::timeout(HTTP_SHUTDOWN_LIMIT, server)
            .await
            .is_err()
        {
            tracing::warn!("http connections still open at exit; closing them");
        }
        tracing::info!(?summary, "bye");
        Ok(())
    });
    // A blocking call stuck on an unreachable broker must not keep the process alive.
    rt.shutdown_timeout(std::time::Duration::from_secs(1));
    r
}

/// Offline enrichment of JSON lines, in parallel, output in input order.
fn enrich(cfg: &Config, file: Option<&Path>, keep_going: bool, opts: EnrichOptions) -> Result<()> {
    telemetry::init(&cfg.log);
    // The process ends right after this command: freeing the models would only cost time.
    let enricher = std::mem::ManuallyDrop::new(enricher(cfg)?);
    let (reader, total_bytes): (Box<dyn BufRead>, Option<u64>) = match file {
        None => (Box::new(std::io::stdin().lock()), None),
        Some(p) if p == Path::new("-") => (Box::new(std::io::stdin().lock()), None),
        Some(p) => {
            let f = std::fs::File::open(p).with_context(|| format!("cannot open {p:?}"))?;
            let len = f.metadata().ok().map(|m| m.len());
            (Box::new(std::io::BufReader::new(f)), len)
        }
    };
    let mut progress = Progress::new(total_bytes);
    let workers = cfg.pipeline.workers();
    let settings = WorkerSettings {
        options: opts,
        ..WorkerSettings::daemon(cfg)
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut line_no = 0u64;
    let mut lines = reader.split(b'\n');
    loop {
        let mut batch: Vec<(u64, Vec<u8>)> = Vec::with_capacity(256);
        let mut batch_bytes = 0u64;
        for l in lines.by_ref() {
            line_no += 1;
            let l = l.context("cannot read input")?;
            batch_bytes += l.len() as u64 + 1;
            if l.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            batch.push((line_no, l));
            if batch.len() == 256 {
                break;
            }
        }
        if batch.is_empty() {
            break;
        }
        let results = enrich_batch(&enricher, &settings, &batch, workers);
        for ((n, _), r) in batch.iter().zip(results) {
            match r {
                Ok(bytes) => {
                    out.write_all(&bytes)?;
                    out.write_all(b"\n")?;
                    progress.ok += 1;
                }
                Err((kind, msg)) => {
                    progress.failed += 1;
                    let e = serde_json::json!({"line": n, "error_kind": kind, "error": msg});
                    progress.print(&e.to_string());
                }
            }
        }
        progress.advance(batch_bytes);
    }
    out.flush()?;
    let (ok, failed) = (progress.ok, progress.failed);
    progress.finish();
    eprintln!("verbatim enrich: {ok} enriched, {failed} failed");
    if failed > 0 && !keep_going {
        anyhow::bail!(
            "{failed} of {} inputs failed (--keep-going exits 0 anyway)",
            ok + failed
        );
    }
    Ok(())
}

/// Progress of `verbatim enrich`: a bar with total and ETA on a terminal when the input is a
/// file, a spinner on a terminal otherwise, and a log line every 10 s when stderr is not a
/// terminal (a job's log).
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    ok: u64,
    failed: u64,
    started: std::time::Instant,
    last_line: std::time::Instant,
}

impl Progress {
    fn new(total_bytes: Option<u64>) -> Self {
        let bar = std::io::stderr().is_terminal().then(|| {
            let (bar, template) = match total_bytes {
                Some(n) => (
                    indicatif::ProgressBar::new(n),
                    "{bar:30} {percent}% {bytes}/{total_bytes} {per_sec} ETA {eta} {msg}",
                ),
                None => (
                    indicatif::ProgressBar::new_spinner(),
                    "{spinner} {bytes} {per_sec} {elapsed} {msg}",
                ),
            };
            bar.set_style(
                indicatif::ProgressStyle::with_template(template)
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
            );
            bar
        });
        let now = std::time::Instant::now();
        Progress {
            bar,
            ok: 0,
            failed: 0,
            started: now,
            last_line: now,
        }
    }

    /// Print a line on stderr without breaking the bar.
    fn print(&self, line: &str) {
        match &self.bar {
            Some(pb) => pb.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    fn advance(&mut self, bytes: u64) {
        if let Some(pb) = &self.bar {
            pb.inc(bytes);
            pb.set_message(format!("{} articles, {} failed", self.ok, self.failed));
        } else if self.last_line.elapsed() >= std::time::Duration::from_secs(10) {
            self.last_line = std::time::Instant::now();
            let secs = self.started.elapsed().as_secs_f64().max(1e-3);
            eprintln!(
                "verbatim enrich: {} enriched, {} failed so far ({:.1} articles/s)",
                self.ok,
                self.failed,
                (self.ok + self.failed) as f64 / secs
            );
        }
    }

    fn finish(self) {
        if let Some(pb) = self.bar {
            pb.finish_and_clear();
        }
    }
}

type LineResult = std::result::Result<Vec<u8>, (&'static str, String)>;

fn enrich_batch(
    enricher: &Enricher,
    settings: &WorkerSettings,
    batch: &[(u64, Vec<u8>)],
    workers: usize,
) -> Vec<LineResult> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let slots: Vec<std::sync::Mutex<Option<LineResult>>> =
        batch.iter().map(|_| Default::default()).collect();
    std::thread::scope(|s| {
        for _ in 0..workers.max(1).min(batch.len()) {
            let work = || loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some((n, line)) = batch.get(i) else { break };
                let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    enrich_line(enricher, settings, *n, line)
                }))
                .unwrap_or_else(|_| {
                    Err((
                        DeadLetterKind::Panic.as_str(),
                        "enrichment panicked".to_string(),
                    ))
                });
                if let Ok(mut slot) = slots[i].lock() {
                    *slot = Some(r);
                }
            };
            // Same stack as the daemon's workers.
            let _ = std::thread::Builder::new()
                .stack_size(crate::pipeline::worker::WORKER_STACK_BYTES)
                .spawn_scoped(s, work);
        }
    });
    slots
        .into_iter()
        .map(|m| {
            m.into_inner()
                .ok()
                .flatten()
                .unwrap_or_else(|| Err((DeadLetterKind::Panic.as_str(), "worker lost".into())))
        })
        .collect()
}

/// One input line through the daemon's message path.
fn enrich_line(enricher: &Enricher, s: &WorkerSettings, n: u64, line: &[u8]) -> LineResult {
    let origin = Origin {
        topic: "stdin",
        partition: 0,
        offset: n as i64,
        key: None,
    };
    match process_payload(Some(line), &origin, enricher, s, None) {
        Outcome::Output { value, .. } => Ok(value),
        Outcome::DeadLetter { kind, error } => Err((kind.as_str(), error)),
    }
}

fn eval(cfg: &Config, gold: &Path, json: bool, details: bool) -> Result<()> {
    let enricher = enricher(cfg)?;
    let started = std::time::Instant::now();
    // The daemon's message path, always enriching (an evaluation of `pipeline.enrich = false`
    // would score nothing).
    let settings = WorkerSettings {
        enrich: true,
        ..WorkerSettings::daemon(cfg)
    };
    let run = crate::eval::evaluate_messages(gold, |n, line| {
        enrich_line(&enricher, &settings, n as u64, line).ok()
    })?;
    let bare = run.unannotated();
    if bare > 0 {
        eprintln!(
            "verbatim eval: warning: {bare} of {} gold articles carry no annotation (no entity, \
             quote or reported speech): is {gold:?} a gold file? (format: ../shared/README.md)",
            run.gold.len()
        );
    }
    if json {
        println!("{}", serde_json::to_string_pretty(&run.report)?);
    } else {
        print!("{}", run.report.to_text());
        if details {
            print!("{}", run.explain());
        }
        eprintln!(
            "(enriched and scored in {:.2} s)",
            started.elapsed().as_secs_f64()
        );
    }
    Ok(())
}

fn schema(input_only: bool, config: bool, write: Option<&Path>) -> Result<()> {
    let (input, output) = contract::schemas();
    match write {
        Some(dir) => {
            std::fs::create_dir_all(dir).with_context(|| format!("cannot create {dir:?}"))?;
            std::fs::write(dir.join("input.schema.json"), input)?;
            std::fs::write(dir.join("output.schema.json"), output)?;
            eprintln!(
                "wrote {:?} and {:?}",
                dir.join("input.schema.json"),
                dir.join("output.schema.json")
            );
        }
        // One JSON document per call, so that the output pipes into a validator.
        None if config => println!("{}", Config::json_schema()),
        None if input_only => println!("{input}"),
        None => println!("{output}"),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every subcommand that reads the config takes `-c, --config FILE` and says what it is.
    #[test]
    fn config_option_is_documented_everywhere() {
        let cmd = Cli::command();
        let mut with_config = 0;
        for sub in cmd.get_subcommands() {
            let Some(arg) = sub
                .get_arguments()
                .find(|a| a.get_long() == Some("config") && a.get_action().takes_values())
            else {
                continue;
            };
            with_config += 1;
            assert_eq!(arg.get_short(), Some('c'), "{}: -c", sub.get_name());
            let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
            assert!(
                help.contains("config"),
                "{}: --config has no help",
                sub.get_name()
            );
        }
        assert!(
            with_config >= 6,
            "only {with_config} subcommands take --config"
        );
    }
}
