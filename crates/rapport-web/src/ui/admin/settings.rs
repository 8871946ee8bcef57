//! Organisation settings.

use super::{smtp_line, DoneParam};
use crate::error::AppResult;
use crate::html::{render, FormErrors};
use crate::identity::SignedIn;
use crate::ui::Layout;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Form;
use rapport_app::admin::settings::{self as use_case, caseload_holders, SettingsForm};
use rapport_app::AppState;
use rapport_core::ValidationErrors;
use rapport_store::org::Organisation;
use rapport_store::users::User;

#[derive(Template)]
#[template(path = "admin_settings.html")]
struct SettingsPage {
    layout: Layout,
    /// What clients see while no crisis lines are set.
    generic_line: &'static str,
    /// How notifications are e-mailed ("" when no SMTP server is configured).
    smtp: String,
    /// As typed (so a rejected value is shown back, not replaced).
    org: SettingsValues,
    errors: FormErrors,
    /// Who may be the duty clinician: active accounts holding a caseload.
    duty_choices: Vec<User>,
    /// The time-zone database's names, offered as suggestions.
    zone_names: Vec<String>,
    /// Session reminders: the default's form value and the choices (a form of its own).
    reminders: super::reminders::ReminderValues,
    /// The languages an organisation may default to: (tag, own name).
    languages: &'static [(&'static str, &'static str)],
}

impl SettingsPage {
    /// "From 5 to 240": a number field's bounds.
    fn range(&self, min: i64, max: i64) -> String {
        self.layout.tr.tn("admin-settings-range", &[("min", &min), ("max", &max)])
    }
}

struct SettingsValues {
    require_mfa: bool,
    name: String,
    idle_timeout_minutes: String,
    absolute_lifetime_hours: String,
    break_glass_hours: String,
    crisis_resources: String,
    country: String,
    risk_acknowledgement_hours: String,
    risk_assessment_hours: String,
    /// A user id, or "" for none.
    duty_clinician_id: String,
    time_zone: String,
    recording_retention_days: String,
    require_self_rating: bool,
    default_language: String,
    closeness_rings: String,
}

impl From<&Organisation> for SettingsValues {
    fn from(o: &Organisation) -> Self {
        SettingsValues {
            require_mfa: o.require_mfa,
            name: o.name.clone(),
            idle_timeout_minutes: o.idle_timeout_minutes.to_string(),
            absolute_lifetime_hours: o.absolute_lifetime_hours.to_string(),
            break_glass_hours: o.break_glass_hours.to_string(),
            crisis_resources: o.crisis_resources.clone(),
            country: o.country.clone(),
            risk_acknowledgement_hours: o.risk_acknowledgement_hours.to_string(),
            risk_assessment_hours: o.risk_assessment_hours.to_string(),
            duty_clinician_id: o.duty_clinician_id.as_ref().map(|d| d.to_string()).unwrap_or_default(),
            time_zone: o.time_zone.clone(),
            recording_retention_days: o.recording_retention_days.to_string(),
            require_self_rating: o.require_self_rating,
            default_language: o.default_language.clone(),
            closeness_rings: o.closeness_rings.to_string(),
        }
    }
}

impl From<SettingsForm> for SettingsValues {
    fn from(f: SettingsForm) -> Self {
        SettingsValues {
            require_mfa: f.require_mfa.is_some(),
            name: f.name.unwrap_or_default(),
            idle_timeout_minutes: f.idle_timeout_minutes.unwrap_or_default(),
            absolute_lifetime_hours: f.absolute_lifetime_hours.unwrap_or_default(),
            break_glass_hours: f.break_glass_hours.unwrap_or_default(),
            crisis_resources: f.crisis_resources.unwrap_or_default(),
            country: f.country.unwrap_or_default(),
            risk_acknowledgement_hours: f.risk_acknowledgement_hours.unwrap_or_default(),
            risk_assessment_hours: f.risk_assessment_hours.unwrap_or_default(),
            duty_clinician_id: f.duty_clinician_id.unwrap_or_default(),
            time_zone: f.time_zone.unwrap_or_default(),
            recording_retention_days: f.recording_retention_days.unwrap_or_default(),
            require_self_rating: f.require_self_rating.is_some(),
            default_language: f.default_language.unwrap_or_default(),
            closeness_rings: f.closeness_rings.unwrap_or_default(),
        }
    }
}

async fn page(
    state: &AppState,
    me: &rapport_app::Identity,
    done: Option<&str>,
    org: SettingsValues,
    errors: ValidationErrors,
) -> AppResult<SettingsPage> {
    Ok(SettingsPage {
        layout: Layout::new(state, me, crate::i18n::current().t("admin-settings-title"), "admin-settings")
            .await?
            .with_done(done),
        generic_line: rapport_store::org::GENERIC_CRISIS_LINE,
        smtp: smtp_line(state),
        org,
        errors: FormErrors(errors),
        duty_choices: caseload_holders(state).await?,
        zone_names: rapport_core::zone::known_names(),
        reminders: super::reminders::ReminderValues::load(state, me).await?,
        languages: &crate::i18n::SHIPPED,
    })
}

pub async fn form(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Query(q): Query<DoneParam>,
) -> AppResult<Html<String>> {
    let org = use_case::settings(&state, &me).await?;
    render(&page(&state, &me, q.done.as_deref(), SettingsValues::from(&org), ValidationErrors::new()).await?)
}

pub async fn update(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Form(f): Form<SettingsForm>,
) -> AppResult<Response> {
    match use_case::update_settings(&state, &me, &f).await? {
        Ok(()) => Ok(Redirect::to("/admin/settings?done=settings").into_response()),
        Err(errors) => {
            let p = page(&state, &me, None, SettingsValues::from(f), errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&p)?).into_response())
        }
    }
}

/// The settings page again, with the reminders form's error shown (422).
pub async fn reminder_error(state: &AppState, me: &rapport_app::Identity, message: String) -> AppResult<Response> {
    let org = use_case::settings(state, me).await?;
    let mut p = page(state, me, None, SettingsValues::from(&org), ValidationErrors::new()).await?;
    p.reminders.error = Some(message);
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&p)?).into_response())
}
