//! The organisation's default for session reminders: a form of its own on
//! the settings page (`rapport_app::reminders::set_default`).

use crate::error::AppResult;
use crate::identity::SignedIn;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use rapport_app::reminders;
use rapport_app::{AppState, Error, Identity};
use rapport_core::reminders::Lead;
use serde::Deserialize;

/// What the settings page's reminders form shows.
pub struct ReminderValues {
    /// The selected form value ("off", "24", ...).
    pub value: String,
    pub choices: Vec<(String, String)>,
    pub error: Option<String>,
}

impl ReminderValues {
    pub async fn load(state: &AppState, me: &Identity) -> AppResult<ReminderValues> {
        let lead = reminders::settings(state, me).await?;
        Ok(ReminderValues { value: lead.form_value(), choices: choices(&crate::i18n::current()), error: None })
    }
}

/// Every lead time as (form value, label in the reader's language), for a select.
fn choices(tr: &crate::i18n::Tr) -> Vec<(String, String)> {
    Lead::choices()
        .into_iter()
        .map(|(value, _)| {
            let label = match value.parse::<i64>() {
                Ok(hours) => tr.ta("admin-reminder-lead", "hours", hours),
                Err(_) => tr.t("admin-reminder-lead-off"),
            };
            (value, label)
        })
        .collect()
}

#[derive(Deserialize, Default)]
pub struct ReminderForm {
    pub reminder_lead_hours: Option<String>,
}

pub async fn update(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Form(f): Form<ReminderForm>,
) -> AppResult<Response> {
    match reminders::set_default(&state, &me, f.reminder_lead_hours.as_deref()).await {
        Ok(_) => Ok(Redirect::to("/admin/settings?done=settings").into_response()),
        Err(Error::Invalid(e)) => {
            let tr = crate::i18n::current();
            let m =
                e.0.iter()
                    .find(|f| f.field == "reminder_lead_hours")
                    .map(|f| tr.field_message(f))
                    .unwrap_or_else(|| tr.t("admin-reminders-choose"));
            super::settings::reminder_error(&state, &me, m).await
        }
        Err(e) => Err(e.into()),
    }
}
