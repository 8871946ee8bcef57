//! Rapport's domain core: types and rules with no I/O.
//!
//! Everything here is pure so that clinical and security rules are tested in
//! milliseconds and shared by the store, the web layer and the CLI.

pub mod access;
pub mod area_fields;
pub mod audit;
pub mod backup_seal;
pub mod caseload;
pub mod check_in;
pub mod checkpoint;
pub mod client;
pub mod context;
pub mod course;
pub mod course_rules;
pub mod ending;
pub mod escalation;
pub mod fidelity;
pub mod formulation;
pub mod goals;
pub mod group;
pub mod ical;
pub mod ids;
pub mod inventory;
pub mod kiosk;
pub mod language;
pub mod measures;
pub mod mfa;
pub mod notes;
pub mod organisation;
pub mod outbox;
pub mod password;
pub mod phone;
pub mod portal;
pub mod protocol;
pub mod records;
pub mod reminders;
pub mod reports;
pub mod risk;
pub mod secrets;
pub mod session;
pub mod smart;
pub mod supervision;
pub mod throttle;
pub mod time;
pub mod timeline;
pub mod today;
pub mod validation;
pub mod worksheets;
pub mod zone;

pub use ids::Id;
pub use time::Timestamp;
pub use validation::{FieldError, ValidationErrors};

/// Marks the id of an interface message (locales/*/…ftl) chosen in code
/// before it is looked up, such as a problem area's name, so
/// scripts/check-messages.py sees it used. Returns `id` unchanged.
pub const fn msg(id: &'static str) -> &'static str {
    id
}
