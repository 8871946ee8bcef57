//! Rapport's application layer: the use cases. Every face (the staff pages,
//! the client portal and measure links, the JSON API, background jobs and the
//! CLI) calls these, and none of them calls another face. A use case takes the
//! caller, checks access, audits, asks the domain (`rapport-core`) and the
//! store (`rapport-store`), and returns core or store types; faces only
//! translate their input into a call and the result into HTML or JSON.

/// Marks a public async function whose future is boxed, so that its state
/// machine is compiled once, in this crate. An unboxed `async fn`'s state
/// machine is compiled again in every crate that awaits it (and, for a call
/// chain, the whole chain beneath it): before this, the web crate and the
/// binary recompiled most of the store and the use cases, about a quarter of
/// a release build (docs/decisions.md, decision 29). Generic functions stay
/// unboxed: they are compiled where they are instantiated anyway. The cost is
/// one allocation per call.
pub(crate) use async_recursion::async_recursion as boxed_future;

/// A boxed future, written out where `boxed_future` cannot name a lifetime
/// (a parameter type that borrows, such as `Submission<'a>`).
pub type Boxed<'a, T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + Send + 'a>>;

pub mod access;
pub mod account;
pub mod admin;
pub mod auth;
pub mod caller;
pub mod clients;
pub mod context;
pub mod courses;
pub mod ending;
pub mod error;
pub mod follow_ups;
pub mod formulation;
pub mod goals;
pub mod inventory;
pub mod jobs;
pub mod mail;
pub mod measure_links;
pub mod measures;
pub mod mfa;
pub mod notices;
pub mod outcomes;
pub mod passwords;
pub mod portal;
pub mod portal_access;
pub mod records;
pub mod responses;
pub mod risk;
pub mod safety_plans;
pub mod sessions;
pub mod state;
pub mod timeline;
pub mod worksheets;

pub use caller::Identity;
pub use error::{AppResult, Error};
pub use state::{AppState, Config};
