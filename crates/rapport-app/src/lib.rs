//! Rapport's application layer: the use cases. Every face (the staff pages,
//! the client portal and measure links, the JSON API, background jobs and the
//! CLI) calls these, and none of them calls another face. A use case takes the
//! caller, checks access, audits, asks the domain (`rapport-core`) and the
//! store (`rapport-store`), and returns core or store types; faces only
//! translate their input into a call and the result into HTML or JSON.

pub mod access;
pub mod account;
pub mod adaptation_set;
pub mod adaptations;
pub mod admin;
pub mod auth;
mod boxing;
pub mod bulk;
pub mod calendar;
pub mod caller;
pub mod clients;
pub mod clock;
pub mod context;
pub mod courses;
pub mod documents;
pub mod ending;
pub mod error;
pub mod fidelity;
pub mod follow_ups;
pub mod formulation;
pub mod goals;
pub mod groups;
pub mod inventory;
pub mod jobs;
pub mod kiosk;
pub mod machine;
pub mod mail;
pub mod measure_links;
pub mod measures;
pub mod mfa;
pub mod notices;
pub mod outcomes;
pub mod passwords;
pub mod portal;
pub mod portal_access;
pub mod recordings;
pub mod records;
pub mod reminders;
pub mod reports;
pub mod research;
pub mod responses;
pub mod risk;
pub mod safety_plans;
pub mod scores;
pub mod sessions;
pub mod state;
pub mod supervision;
pub mod timeline;
pub mod today;
pub mod worksheets;

pub use caller::Identity;
pub use error::{AppResult, Error};
pub use state::{AppState, Config};
