//! Administration: accounts and supervision (with handing a departing
//! clinician's clients over), organisation settings, the audit log, the
//! e-mail outbox and break-glass reviews. Administrators see no clinical
//! content here. Each page calls one `rapport_app::admin` use case.

pub mod audit;
pub mod break_glass;
pub mod email;
pub mod fhir_clients;
pub mod reminders;
pub mod settings;
pub mod sites;
pub mod users;

use serde::Deserialize;

#[derive(Deserialize, Default)]
pub struct DoneParam {
    done: Option<String>,
}

/// Where the outbox is e-mailed, as the settings and e-mail pages say it ("" when nowhere).
fn smtp_line(state: &rapport_app::AppState) -> String {
    state.config.smtp.as_ref().map(|s| s.describe()).unwrap_or_default()
}

/// The message naming a role (the shared `role-*` messages of the page frame).
pub(crate) fn role_message(role: &rapport_core::access::Role) -> &'static str {
    use crate::i18n::msg;
    use rapport_core::access::Role;
    match role {
        Role::Admin => msg("role-admin"),
        Role::Supervisor => msg("role-supervisor"),
        Role::Clinician => msg("role-clinician"),
        Role::Facilitator => msg("role-facilitator"),
        Role::ProgrammeManager => msg("role-programme-manager"),
        Role::Client => msg("role-client"),
    }
}
