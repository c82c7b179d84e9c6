//! Harness for integration tests against the real test broker (tansu, started by
//! `scripts/kafka-broker`). Every wait is bounded; every test uses its own topics and group.
#![allow(dead_code)]

use rdkafka::admin::{AdminClient, AdminOptions, NewTopic, TopicReplication};
use rdkafka::client::DefaultClientContext;
use rdkafka::config::ClientConfig;
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::message::OwnedMessage;
use rdkafka::producer::{FutureProducer, FutureRecord};
use rdkafka::{Offset, TopicPartitionList};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Start (once per test binary) the real broker and return its address.
pub fn broker() -> String {
    static ADDR: OnceLock<String> = OnceLock::new();
    ADDR.get_or_init(|| {
        let port = std::env::var("VERBATIM_BROKER_PORT").unwrap_or_else(|_| "19092".into());
        let out = Command::new(root().join("scripts/kafka-broker"))
            .arg("start")
            .env("VERBATIM_BROKER_PORT", &port)
            .output()
            .expect("run scripts/kafka-broker start");
        assert!(
            out.status.success(),
            "scripts/kafka-broker start failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        format!("127.0.0.1:{port}")
    })
    .clone()
}

/// A name unique to this test run.
pub fn unique(prefix: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!(
        "{prefix}-{}-{}",
        std::process::id(),
        nanos % 1_000_000_000_000
    )
}

pub async fn create_topics(brokers: &str, topics: &[&str], partitions: i32) {
    let admin: AdminClient<DefaultClientContext> = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .create()
        .expect("admin client");
    let new: Vec<NewTopic> = topics
        .iter()
        .map(|t| NewTopic::new(t, partitions, TopicReplication::Fixed(1)))
        .collect();
    let opts = AdminOptions::new().operation_timeout(Some(Duration::from_secs(10)));
    let res = tokio::time::timeout(Duration::from_secs(30), admin.create_topics(&new, &opts))
        .await
        .expect("create_topics timed out")
        .expect("create_topics");
    for r in res {
        if let Err((t, e)) = r {
            panic!("cannot create topic {t}: {e}");
        }
    }
}

pub fn producer(brokers: &str) -> FutureProducer {
    ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .set("message.timeout.ms", "20000")
        .create()
        .expect("producer")
}

/// Produce (key, value) pairs in order and wait for every acknowledgement.
pub async fn produce(brokers: &str, topic: &str, msgs: &[(String, Vec<u8>)]) {
    let p = producer(brokers);
    for (k, v) in msgs {
        tokio::time::timeout(
            Duration::from_secs(30),
            p.send(
                FutureRecord::to(topic).key(k).payload(v),
                Duration::from_secs(10),
            ),
        )
        .await
        .expect("produce timed out")
        .map_err(|(e, _)| e)
        .expect("produce");
    }
}

/// Read `topic` from the beginning until `n` messages arrived or the timeout passed.
pub fn consume(brokers: &str, topic: &str, n: usize, timeout: Duration) -> Vec<OwnedMessage> {
    consume_until(brokers, topic, timeout, |all| all.len() >= n)
}

/// Read `topic` from the beginning until `n` distinct keys+payload ids arrived (duplicates from
/// at-least-once delivery are kept in the result).
pub fn consume_distinct(
    brokers: &str,
    topic: &str,
    n: usize,
    timeout: Duration,
) -> Vec<OwnedMessage> {
    use rdkafka::Message;
    let mut ids = std::collections::HashSet::new();
    let mut counted = 0;
    consume_until(brokers, topic, timeout, move |all| {
        for m in &all[counted..] {
            let v: serde_json::Value =
                serde_json::from_slice(m.payload().unwrap_or_default()).unwrap_or_default();
            ids.insert(v["id"].to_string());
        }
        counted = all.len();
        ids.len() >= n
    })
}

/// Read every partition of `topic` from the beginning (assigned directly: no group join to wait
/// for) until `done` says so or the timeout passes.
pub fn consume_until(
    brokers: &str,
    topic: &str,
    timeout: Duration,
    mut done: impl FnMut(&[OwnedMessage]) -> bool,
) -> Vec<OwnedMessage> {
    let c: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .set("group.id", unique("reader"))
        .set("enable.auto.commit", "false")
        .create()
        .expect("reader");
    let md = c
        .fetch_metadata(Some(topic), Duration::from_secs(10))
        .expect("metadata");
    let mut tpl = TopicPartitionList::new();
    for t in md.topics() {
        for p in t.partitions() {
            tpl.add_partition_offset(topic, p.id(), Offset::Beginning)
                .expect("partition");
        }
    }
    c.assign(&tpl).expect("assign");
    let mut out = Vec::new();
    let start = Instant::now();
    while !done(&out) && start.elapsed() < timeout {
        if let Some(Ok(m)) = c.poll(Duration::from_millis(200)) {
            out.push(m.detach());
        }
    }
    out
}

/// Committed offsets of `group` on `topic` partitions 0..partitions (-1 when none).
pub fn committed(brokers: &str, group: &str, topic: &str, partitions: i32) -> Vec<i64> {
    let c: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .set("group.id", group)
        .set("enable.auto.commit", "false")
        .create()
        .expect("offset reader");
    let mut tpl = TopicPartitionList::new();
    for p in 0..partitions {
        tpl.add_partition(topic, p);
    }
    let got = c
        .committed_offsets(tpl, Duration::from_secs(10))
        .expect("committed offsets");
    (0..partitions)
        .map(|p| match got.find_partition(topic, p).map(|e| e.offset()) {
            Some(Offset::Offset(o)) => o,
            _ => -1,
        })
        .collect()
}

/// High watermarks of `topic` partitions 0..partitions.
pub fn high_watermarks(brokers: &str, topic: &str, partitions: i32) -> Vec<i64> {
    let c: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .create()
        .expect("watermark reader");
    (0..partitions)
        .map(|p| {
            c.fetch_watermarks(topic, p, Duration::from_secs(10))
                .expect("watermarks")
                .1
        })
        .collect()
}

/// Poll `f` until it returns true or the timeout passes.
pub fn wait_until(timeout: Duration, mut f: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < timeout {
        if f() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    f()
}

/// A free TCP port on 127.0.0.1.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Topics, group and addresses of one daemon under test.
#[derive(Clone)]
pub struct Setup {
    pub brokers: String,
    pub input: String,
    pub output: String,
    pub dlq: String,
    pub group: String,
    pub partitions: i32,
}

impl Setup {
    pub async fn new(name: &str, partitions: i32) -> Setup {
        Setup::new_on(&broker(), name, partitions).await
    }

    /// A setup on a given broker (a test's own, e.g. one it restarts).
    #[allow(dead_code)]
    pub async fn new_on(brokers: &str, name: &str, partitions: i32) -> Setup {
        let brokers = brokers.to_string();
        let s = Setup {
            input: unique(&format!("{name}-in")),
            output: unique(&format!("{name}-out")),
            dlq: unique(&format!("{name}-dlq")),
            group: unique(&format!("{name}-group")),
            brokers,
            partitions,
        };
        s.create().await;
        s
    }

    /// Create the three topics (again, after a broker lost them).
    pub async fn create(&self) {
        create_topics(
            &self.brokers,
            &[&self.input, &self.output, &self.dlq],
            self.partitions,
        )
        .await;
    }

    /// Start `verbatim run` against this setup; extra env overrides on top.
    pub fn spawn(&self, extra: &[(&str, &str)]) -> Daemon {
        self.spawn_with_stderr(extra, Stdio::inherit())
    }

    /// [`Setup::spawn`] with the daemon's log going where the test says (a file it reads).
    pub fn spawn_with_stderr(&self, extra: &[(&str, &str)], stderr: Stdio) -> Daemon {
        let port = free_port();
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_verbatim"));
        cmd.arg("run")
            .current_dir(root())
            .env("VERBATIM__KAFKA__BROKERS", &self.brokers)
            .env("VERBATIM__KAFKA__INPUT_TOPIC", &self.input)
            .env("VERBATIM__KAFKA__OUTPUT_TOPIC", &self.output)
            .env("VERBATIM__KAFKA__DLQ_TOPIC", &self.dlq)
            .env("VERBATIM__KAFKA__GROUP_ID", &self.group)
            .env("VERBATIM__KAFKA__COMMIT_INTERVAL_MS", "200")
            // tansu completes a group join after about half the session timeout: keep it short.
            .env("VERBATIM__KAFKA__CONSUMER__SESSION_TIMEOUT_MS", "6000")
            .env("VERBATIM__HTTP__LISTEN", format!("127.0.0.1:{port}"))
            .env("VERBATIM__LOG__LEVEL", "info,librdkafka=warn,rdkafka=warn")
            .stdout(Stdio::null())
            .stderr(stderr);
        for (k, v) in extra {
            cmd.env(k, v);
        }
        Daemon {
            child: Some(cmd.spawn().expect("spawn verbatim run")),
            port,
        }
    }
}

/// A running `verbatim run`; killed when dropped.
pub struct Daemon {
    pub child: Option<Child>,
    pub port: u16,
}

impl Daemon {
    pub fn get(&self, path: &str) -> Option<(u16, String)> {
        use std::io::{Read, Write};
        let mut s = std::net::TcpStream::connect(("127.0.0.1", self.port)).ok()?;
        s.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
        write!(
            s,
            "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        )
        .ok()?;
        let mut buf = String::new();
        s.read_to_string(&mut buf).ok()?;
        let code = buf.split_whitespace().nth(1)?.parse().ok()?;
        let body = buf
            .split_once("\r\n\r\n")
            .map(|x| x.1.to_string())
            .unwrap_or_default();
        Some((code, body))
    }

    /// Value of a metric sample line (`name{labels}` exactly as exported), if present.
    pub fn metric(&self, series: &str) -> Option<f64> {
        let (_, body) = self.get("/metrics")?;
        body.lines()
            .find(|l| l.starts_with(series) && l[series.len()..].starts_with(' '))
            .and_then(|l| l.rsplit(' ').next()?.parse().ok())
    }

    /// Whether the process has installed its SIGTERM handler (`SigCgt` in /proc), i.e. a
    /// SIGTERM now reaches the daemon instead of killing it by the default action.
    pub fn handles_sigterm(&self) -> bool {
        let Some(child) = &self.child else {
            return false;
        };
        let status =
            std::fs::read_to_string(format!("/proc/{}/status", child.id())).unwrap_or_default();
        status
            .lines()
            .find_map(|l| l.strip_prefix("SigCgt:"))
            .and_then(|mask| u64::from_str_radix(mask.trim(), 16).ok())
            .is_some_and(|mask| mask & (1 << (libc::SIGTERM - 1)) != 0)
    }

    /// SIGTERM and wait (bounded) for the exit status. The signal goes once the process handles
    /// it: a daemon spawned a moment ago may not have reached its first instructions yet.
    pub fn terminate(&mut self, timeout: Duration) -> Option<std::process::ExitStatus> {
        wait_until(Duration::from_secs(20), || self.handles_sigterm());
        let mut child = self.child.take()?;
        unsafe_kill(child.id(), "TERM");
        let start = Instant::now();
        loop {
            if let Ok(Some(st)) = child.try_wait() {
                return Some(st);
            }
            if start.elapsed() > timeout {
                let _ = child.kill();
                let _ = child.wait();
                return None;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub fn kill(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

fn unsafe_kill(pid: u32, sig: &str) {
    let _ = Command::new("kill")
        .arg(format!("-{sig}"))
        .arg(pid.to_string())
        .status();
}

impl Drop for Daemon {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A realistic article with an id and a per-key sequence number.
pub fn article(id: &str, seq: usize) -> Vec<u8> {
    let body = format!(
        "Le maire de Lyon, Jean Dupont, a présenté lundi le budget numéro {seq}. « Nous investirons dans les écoles et les transports », a-t-il déclaré devant le conseil municipal."
    );
    serde_json::to_vec(&serde_json::json!({"id": id, "seq": seq, "title": format!("Article {seq}"), "body": body, "lang": "fr"})).unwrap()
}

/// A broker of its own on a free port, so that restarting it does not disturb other tests.
pub struct OwnBroker {
    pub port: u16,
    dir: tempfile::TempDir,
}

impl OwnBroker {
    pub fn start() -> OwnBroker {
        let b = OwnBroker {
            port: free_port(),
            dir: tempfile::tempdir().unwrap(),
        };
        b.script("start");
        b
    }
    pub fn addr(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }
    pub fn script(&self, cmd: &str) {
        let st = Command::new(root().join("scripts/kafka-broker"))
            .arg(cmd)
            .env("VERBATIM_BROKER_PORT", self.port.to_string())
            .env("VERBATIM_BROKER_DIR", self.dir.path())
            .status()
            .expect("scripts/kafka-broker");
        assert!(st.success(), "kafka-broker {cmd}");
    }
}

impl Drop for OwnBroker {
    fn drop(&mut self) {
        self.script("stop");
    }
}
