//! verbatim: a Kafka daemon that enriches news articles with named entities and attributed
//! direct quotes. The enrichment core (`enrich`) is pure; Kafka, HTTP and metrics live at the edges.

#![warn(missing_docs)]

// The layers a library user builds on: the pure enrichment core, the message contract, the
// configuration, the Kafka pipeline and the evaluation.
pub mod config;
pub mod contract;
pub mod enrich;
pub mod eval;
pub mod pipeline;

// The edges, reached through the chosen items below.
mod app;
mod cli;
mod demo;
mod http;
mod kb;
mod manpage;
mod metrics;
mod otlp;
mod replay;
mod telemetry;

pub use cli::main;
pub use http::Health;
pub use kb::{load as load_kb, KbLoadError};
pub use metrics::Metrics;
