//! The signed-in user's own account: password, sessions and API tokens.

use super::Layout;

use crate::error::{AppError, AppResult};
use crate::html::{non_blank, render, FormErrors};
use crate::identity::SignedIn;
use crate::reauth::Refusal;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Form;
use rapport_app::caller::{new_secret, secret_hash, Identity};
use rapport_app::AppState;
use rapport_core::audit::action;
use rapport_core::{password, Id, ValidationErrors};
use rapport_store::sessions::{SessionRow, TokenRow};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    layout: Layout,
    me: Identity,
    sessions: Vec<SessionRow>,
    current: String,
    tokens: Vec<TokenRow>,
    errors: FormErrors,
    new_token: Option<(String, String)>,
    idle_minutes: i64,
    lifetime_hours: i64,
}

async fn page(
    state: &AppState,
    me: &Identity,
    done: Option<&str>,
    errors: ValidationErrors,
    new_token: Option<(String, String)>,
) -> AppResult<AccountPage> {
    let org = state.organisation().await?;
    Ok(AccountPage {
        layout: Layout::new(state, me, "My account", "account").await?.with_done(done),
        me: me.clone(),
        sessions: state.store.sessions_of(&me.user.id).await?,
        current: me.session_hash().unwrap_or_default().to_string(),
        tokens: state.store.tokens_of(&me.user.id).await?,
        errors: FormErrors(errors),
        new_token,
        idle_minutes: org.idle_timeout_minutes,
        lifetime_hours: org.absolute_lifetime_hours,
    })
}

impl AccountPage {
    /// "Firefox on Windows" rather than the whole user-agent string.
    fn browser(&self, ua: &Option<String>) -> String {
        ua.as_deref().map(browser_summary).unwrap_or_else(|| "Unknown".into())
    }
}

pub fn browser_summary(ua: &str) -> String {
    const BROWSERS: [(&str, &str); 5] =
        [("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Safari/", "Safari")];
    const SYSTEMS: [(&str, &str); 7] = [
        ("Android", "Android"),
        ("iPhone", "iPhone"),
        ("iPad", "iPad"),
        ("Windows", "Windows"),
        ("Mac OS X", "macOS"),
        ("CrOS", "ChromeOS"),
        ("Linux", "Linux"),
    ];
    let find = |table: &[(&str, &'static str)]| table.iter().find(|(needle, _)| ua.contains(needle)).map(|(_, n)| *n);
    match (find(&BROWSERS), find(&SYSTEMS)) {
        (Some(b), Some(o)) => format!("{b} on {o}"),
        (Some(b), None) => b.to_string(),
        (None, Some(o)) => format!("Browser on {o}"),
        (None, None) => ua.chars().take(40).collect(),
    }
}

#[derive(Deserialize, Default)]
pub struct DoneParam {
    done: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Query(q): Query<DoneParam>,
) -> AppResult<Html<String>> {
    render(&page(&state, &me, q.done.as_deref(), ValidationErrors::new(), None).await?)
}

#[derive(Deserialize, Default)]
pub struct PasswordForm {
    current_password: Option<String>,
    new_password: Option<String>,
    new_password_confirm: Option<String>,
}

pub async fn change_password(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Form(f): Form<PasswordForm>,
) -> AppResult<Response> {
    match apply_password_change(&state, &me, f).await? {
        PasswordChange::Changed => Ok(Redirect::to("/account?done=password").into_response()),
        PasswordChange::SignedOut(resp) => Ok(resp),
        PasswordChange::Invalid(errors) => {
            let p = page(&state, &me, None, errors, None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&p)?).into_response())
        }
    }
}

/// What became of a password change.
pub(crate) enum PasswordChange {
    Changed,
    /// Refused: the form again with these errors.
    Invalid(ValidationErrors),
    /// Too many wrong current passwords: the session ended; follow this response.
    SignedOut(Response),
}

/// Checks a password change (current password, the rules, the confirmation)
/// and, when it passes, stores the new hash and ends the person's other
/// sessions. Shared by the staff account page and the client portal.
pub(crate) async fn apply_password_change(
    state: &AppState,
    me: &Identity,
    f: PasswordForm,
) -> AppResult<PasswordChange> {
    let mut errors = ValidationErrors::new();
    let current = f.current_password.unwrap_or_default();
    let new = f.new_password.unwrap_or_default();
    let confirmed = crate::reauth::confirm_password(state, me, Some(&current), "password change").await?;
    if let Err(refusal) = confirmed {
        match refusal {
            Refusal::SignedOut(resp) => return Ok(PasswordChange::SignedOut(resp)),
            Refusal::Wrong(m) | Refusal::Throttled(m) => errors.add("current_password", m),
        }
    } else if let Err(p) = password::check(&new, &me.user.email) {
        errors.add("new_password", p.message());
    } else if f.new_password_confirm.as_deref() != Some(new.as_str()) {
        errors.add("new_password_confirm", "The two new passwords do not match");
    } else if new == current {
        errors.add("new_password", "The new password must differ from the current one");
    }
    if !errors.is_empty() {
        return Ok(PasswordChange::Invalid(errors));
    }
    let hash = state.hasher.hash(&new).await;
    let mut e = me.event(action::PASSWORD_CHANGE, "user");
    e.resource_id = Some(me.user.id.to_string());
    e.detail = Some("changed by the user; other sessions ended".into());
    state.store.set_password(&me.user.id, &hash, me.session_hash(), e, &[]).await?;
    Ok(PasswordChange::Changed)
}

pub async fn end_session(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let mut e = me.event(action::SESSION_END, "session");
    e.detail = Some("ended from the account page".into());
    if !state.store.end_session(&me.user.id, &id, Some(e)).await? {
        return Err(AppError::NotFound);
    }
    if Some(id.as_str()) == me.session_hash() {
        return Ok(Redirect::to("/login?done=signed-out").into_response());
    }
    Ok(Redirect::to("/account?done=session-ended").into_response())
}

pub async fn end_other_sessions(State(state): State<AppState>, SignedIn(me): SignedIn) -> AppResult<Response> {
    let mut e = me.event(action::SESSION_END, "session");
    e.detail = Some("all other sessions ended".into());
    state.store.end_other_sessions(&me.user.id, me.session_hash().unwrap_or_default(), e).await?;
    Ok(Redirect::to("/account?done=sessions-ended").into_response())
}

#[derive(Deserialize, Default)]
pub struct TokenForm {
    name: Option<String>,
}

pub async fn create_token(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Form(f): Form<TokenForm>,
) -> AppResult<Response> {
    let name = non_blank(&f.name).unwrap_or_default();
    if name.is_empty() || name.chars().count() > 80 {
        let p = page(
            &state,
            &me,
            None,
            ValidationErrors::single("token_name", "Name the token (at most 80 characters), e.g. “reporting script”"),
            None,
        )
        .await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&p)?).into_response());
    }
    let token = format!("rpt_{}", new_secret());
    let mut e = me.event(action::TOKEN_CREATE, "api_token");
    e.detail = Some(format!("name {name:?}"));
    state.store.create_token(&me.user.id, &name, &secret_hash(&token), e).await?;
    Ok(render(&page(&state, &me, None, ValidationErrors::new(), Some((name, token))).await?)?.into_response())
}

pub async fn revoke_token(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let id = Id::parse(&id).ok_or(AppError::NotFound)?;
    let mut e = me.event(action::TOKEN_REVOKE, "api_token");
    e.resource_id = Some(id.to_string());
    state.store.revoke_token(&me.user.id, &id, e).await?;
    Ok(Redirect::to("/account?done=token-revoked").into_response())
}
