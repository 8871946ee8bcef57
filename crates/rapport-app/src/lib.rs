//! Rapport's application layer: the use cases. Every face (the staff pages,
//! the client portal and measure links, the JSON API, background jobs and the
//! CLI) calls these, and none of them calls another face. A use case takes the
//! caller, checks access, audits, asks the domain (`rapport-core`) and the
//! store (`rapport-store`), and returns core or store types; faces only
//! translate their input into a call and the result into HTML or JSON.

pub mod access;
pub mod account;
pub mod admin;
pub mod auth;
pub mod caller;
pub mod error;
pub mod formulation;
pub mod inventory;
pub mod jobs;
pub mod mail;
pub mod mfa;
pub mod notices;
pub mod outcomes;
pub mod passwords;
pub mod responses;
pub mod state;

pub use caller::Identity;
pub use error::{AppResult, Error};
pub use state::{AppState, Config};
