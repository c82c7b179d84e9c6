//! verbatim: a Kafka daemon that enriches news articles with named entities and attributed
//! direct quotes. The enrichment core (`enrich`) is pure; Kafka, HTTP and metrics live at the edges.

#![warn(missing_docs)]

pub mod app;
pub mod cli;
pub mod config;
pub mod contract;
pub(crate) mod demo;
pub mod enrich;
pub mod eval;
pub mod http;
pub mod kb;
pub mod manpage;
pub mod metrics;
pub(crate) mod otlp;
pub mod pipeline;
pub(crate) mod replay;
pub(crate) mod telemetry;
