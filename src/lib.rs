pub mod enrich;
pub mod eval;
