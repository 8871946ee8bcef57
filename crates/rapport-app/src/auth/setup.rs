//! First-run setup: the link printed by `rapport setup` creates the
//! organisation and its first administrator.

use crate::admin::settings::non_blank;
use crate::caller::{secret_hash, RequestMeta};
use crate::error::field_error;
use crate::{AppResult, AppState};
use rapport_core::access::Role;
use rapport_core::audit::{action, Outcome};
use rapport_core::organisation::{country, crisis_lines};
use rapport_core::validation::looks_like_email;
use rapport_core::{password, Timestamp, ValidationErrors};
use rapport_store::org::OrgSetup;
use rapport_store::users::{normalise_email, NewUser};
use serde::Deserialize;

/// The setup form as posted.
#[derive(Deserialize, Default, Debug)]
pub struct SetupForm {
    pub org_name: Option<String>,
    pub country: Option<String>,
    pub crisis_resources: Option<String>,
    pub name: Option<String>,
    pub email: Option<String>,
    pub password: Option<String>,
    pub password_confirm: Option<String>,
    pub practises: Option<String>,
}

/// The values to show back when the form is refused (tidied as they would be stored).
#[derive(Debug, Default)]
pub struct SetupValues {
    pub org_name: String,
    pub country: String,
    pub name: String,
    pub email: String,
    pub practises: bool,
}

#[derive(Debug)]
pub enum Setup {
    Done,
    /// The link was used or has expired.
    Gone,
    Invalid(ValidationErrors, SetupValues),
}

/// No account exists yet: the sign-in page then points to the first-run link.
#[crate::boxing::boxed_future]
pub async fn not_set_up(state: &AppState) -> AppResult<bool> {
    Ok(state.store.count_users().await? == 0)
}

/// Whether the setup link (the secret from the URL) can still be used.
#[crate::boxing::boxed_future]
pub async fn link_usable(state: &AppState, token: &str) -> AppResult<bool> {
    Ok(state.store.setup_token_usable(&secret_hash(token), Timestamp::now()).await?)
}

#[crate::boxing::boxed_future]
pub async fn complete(state: &AppState, meta: &RequestMeta, token: &str, f: &SetupForm) -> AppResult<Setup> {
    let token_hash = secret_hash(token);
    if !state.store.setup_token_usable(&token_hash, Timestamp::now()).await? {
        return Ok(Setup::Gone);
    }
    let mut errors = ValidationErrors::new();
    let org_name = non_blank(&f.org_name).unwrap_or_default();
    if org_name.is_empty() {
        errors.0.push(field_error("org_name", rapport_i18n::msg("setup-error-org-name"), vec![]));
    }
    let country = country(&mut errors, &f.country);
    if country.is_empty() {
        errors.0.push(field_error("country", rapport_i18n::msg("setup-error-country"), vec![]));
    }
    let crisis_resources = crisis_lines(&mut errors, &f.crisis_resources);
    let name = non_blank(&f.name).unwrap_or_default();
    if name.is_empty() {
        errors.0.push(field_error("name", rapport_i18n::msg("setup-error-name"), vec![]));
    }
    let email = normalise_email(f.email.as_deref().unwrap_or_default());
    if !looks_like_email(&email) {
        errors.0.push(field_error("email", rapport_i18n::msg("admin-error-email"), vec![]));
    }
    let pw = f.password.clone().unwrap_or_default();
    if let Err(p) = password::check(&pw, &email) {
        p.add_to(&mut errors, "password");
    } else if f.password_confirm.as_deref() != Some(pw.as_str()) {
        errors.0.push(field_error("password_confirm", rapport_i18n::msg("setup-error-mismatch"), vec![]));
    }
    let practises = f.practises.is_some();
    if !errors.is_empty() {
        return Ok(Setup::Invalid(errors, SetupValues { org_name, country, name, email, practises }));
    }
    let hash = state.hasher.hash(&pw).await;
    let mut event = meta.event(&email, action::SETUP, "user", Outcome::Success);
    let lines = crisis_resources.lines().count();
    event.detail =
        Some(format!("first administrator; organisation \"{org_name}\" in {country}; {lines} crisis line(s)"));
    let admin = NewUser { email, name, role: Role::Admin, practises, password_hash: hash, site_id: None };
    let org = OrgSetup { name: org_name, country, crisis_resources };
    state.store.complete_setup_with(&token_hash, &org, admin, event).await?;
    state.forget_organisation().await;
    Ok(Setup::Done)
}
