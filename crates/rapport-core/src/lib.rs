//! Rapport's domain core: types and rules with no I/O.
//!
//! Everything here is pure so that clinical and security rules are tested in
//! milliseconds and shared by the store, the web layer and the CLI.

pub mod access;
pub mod audit;
pub mod client;
pub mod course;
pub mod formulation;
pub mod ids;
pub mod mfa;
pub mod notes;
pub mod password;
pub mod protocol;
pub mod records;
pub mod session;
pub mod throttle;
pub mod time;
pub mod validation;

pub use ids::Id;
pub use time::Timestamp;
pub use validation::{FieldError, ValidationErrors};
