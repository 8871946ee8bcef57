//! Measurement-based care: instrument definitions (data), scoring and change
//! metrics. The rules and worked examples are in `docs/measures.md`.

pub mod change;
pub mod chart;
pub mod definition;
pub mod language;
pub mod schedule;
pub mod scoring;
pub mod site;
pub mod wording;

pub use change::{NotOnTrackRule, ReliableChange};
pub use definition::{DefinitionError, Instrument, Library};
pub use scoring::{score, Score, SCORING_VERSION};

/// The shipped instrument ids. PHQ-8 is deliberately absent (measures.md R5).
pub const SHIPPED: &[&str] = &["phq9", "phq2", "gad7", "who5", "hamd17", "epds", "qids_sr16"];

#[cfg(test)]
mod language_tests;
#[cfg(test)]
mod rules_tests;
#[cfg(test)]
mod tests;
