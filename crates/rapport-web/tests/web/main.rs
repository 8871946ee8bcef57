//! HTTP tests through a real socket: the one integration-test binary of this crate.
//! Each scenario runs on SQLite and, when RAPPORT_TEST_POSTGRES_URL is set, on PostgreSQL.

mod api;
mod auth;
mod calendar;
mod charts;
mod client_portal;
mod completion;
mod context;
mod courses;
mod ending;
mod escalation;
mod fidelity_pages;
mod formulation;
mod group_pages;
mod groups;
mod inventory;
mod kiosk;
mod layout;
mod matrix;
mod measures;
mod mfa;
mod notes;
mod portal;
mod programme;
mod reminders;
mod responses;
mod scores;
mod security;
mod smtp;
mod supervision;
mod supervision_pages;
mod support;
mod timeline;
mod today;
mod ui;
mod worksheets;
