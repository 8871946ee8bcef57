//! Administration: accounts and supervision (with handing a departing
//! clinician's clients over), organisation settings, the audit log, the
//! e-mail outbox and break-glass reviews. Administrators see no clinical
//! content here. Each page calls one `rapport_app::admin` use case.

mod audit;
mod break_glass;
mod email;
mod settings;
mod users;

pub use audit::{audit, audit_csv, audit_csv_text, AUDIT_CHECKPOINT_HEADER};
pub use break_glass::{break_glass, review_break_glass};
pub use email::email;
pub use settings::{settings_form, update_settings};
pub use users::{
    create_user, deactivate_user, edit_user_form, end_user_sessions, new_user_form, reactivate_user, reassign,
    reassign_form, reset_user_mfa, update_user, users,
};

use serde::Deserialize;

#[derive(Deserialize, Default)]
pub struct DoneParam {
    done: Option<String>,
}

/// Where the outbox is e-mailed, as the settings and e-mail pages say it ("" when nowhere).
fn smtp_line(state: &rapport_app::AppState) -> String {
    state.config.smtp.as_ref().map(|s| s.describe()).unwrap_or_default()
}
