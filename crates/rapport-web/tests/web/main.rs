//! HTTP tests through a real socket: the one integration-test binary of this crate.
//! Each scenario runs on SQLite and, when RAPPORT_TEST_POSTGRES_URL is set, on PostgreSQL.

mod api;
mod auth;
mod courses;
mod matrix;
mod mfa;
mod notes;
mod support;
mod ui;
