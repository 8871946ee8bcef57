//! The signed-in user's own account: password, sessions and API tokens.

use super::Layout;

use crate::error::AppResult;
use crate::html::{render, FormErrors};
use crate::identity::SignedIn;
use crate::session_cookies::signed_out_after_reauth;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Form;
use rapport_app::account::{self, PasswordChange, PasswordForm};
use rapport_app::caller::Identity;
use rapport_app::kiosk::{self, PinChange, PinForm};
use rapport_app::AppState;
use rapport_core::ValidationErrors;
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
    /// The calendar feed: whether one exists and how it names clients.
    feed: rapport_store::calendar::CalendarFeed,
    /// The account holds a caseload (the calendar feed is offered).
    holds_caseload: bool,
    /// A feed address just made (shown once).
    new_feed_url: Option<String>,
    /// Kiosk mode: whether a kiosk PIN is set (only for caseload holders).
    kiosk_pin: Option<bool>,
    /// Sees clients or runs groups: links to their professional record.
    has_record: bool,
}

async fn page(
    state: &AppState,
    me: &Identity,
    done: Option<&str>,
    errors: ValidationErrors,
    new_token: Option<(String, String)>,
) -> AppResult<AccountPage> {
    let org = state.organisation().await?;
    let (sessions, tokens) = account::sessions_and_tokens(state, me).await?;
    Ok(AccountPage {
        layout: Layout::new(state, me, crate::i18n::current().t("account-title"), "account").await?.with_done(done),
        me: me.clone(),
        sessions,
        current: me.session_hash().unwrap_or_default().to_string(),
        tokens,
        errors: FormErrors(errors),
        new_token,
        idle_minutes: org.idle_timeout_minutes,
        lifetime_hours: org.absolute_lifetime_hours,
        feed: rapport_app::calendar::feed_settings(state, me).await?,
        holds_caseload: me.actor().can_hold_caseload(),
        new_feed_url: None,
        kiosk_pin: if me.actor().can_hold_caseload() { Some(kiosk::has_pin(state, me).await?) } else { None },
        has_record: me.actor().can_hold_caseload() || me.user.role == rapport_core::access::Role::Facilitator,
    })
}

impl AccountPage {
    /// "Firefox on Windows" rather than the whole user-agent string.
    fn browser(&self, ua: &Option<String>) -> String {
        match ua.as_deref() {
            Some(ua) => browser_summary(&self.layout.tr, ua),
            None => self.layout.tr.t("account-browser-unknown"),
        }
    }

    /// "Sessions end after 30 minutes without activity and after 12 hours at most."
    fn session_limits(&self) -> String {
        self.layout.tr.tn(
            crate::i18n::msg("account-session-limits"),
            &[("minutes", &self.idle_minutes), ("hours", &self.lifetime_hours)],
        )
    }
}

pub fn browser_summary(tr: &crate::i18n::Tr, ua: &str) -> String {
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
        (Some(b), Some(o)) => tr.tn("account-browser-on", &[("browser", &b), ("system", &o)]),
        (Some(b), None) => b.to_string(),
        (None, Some(o)) => tr.ta("account-browser-on-system", "system", o),
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

/// The page again with these errors (422).
async fn refused(state: &AppState, me: &Identity, errors: ValidationErrors) -> AppResult<Response> {
    let p = page(state, me, None, errors, None).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&p)?).into_response())
}

pub async fn change_password(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Form(f): Form<PasswordForm>,
) -> AppResult<Response> {
    match account::change_password(&state, &me, &f).await? {
        PasswordChange::Changed => Ok(Redirect::to("/account?done=password").into_response()),
        PasswordChange::SignedOut => Ok(signed_out_after_reauth(&state, &me)),
        PasswordChange::Invalid(errors) => refused(&state, &me, errors).await,
    }
}

pub async fn end_session(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    if account::end_session(&state, &me, &id).await? {
        return Ok(Redirect::to("/login?done=signed-out").into_response());
    }
    Ok(Redirect::to("/account?done=session-ended").into_response())
}

pub async fn end_other_sessions(State(state): State<AppState>, SignedIn(me): SignedIn) -> AppResult<Response> {
    account::end_other_sessions(&state, &me).await?;
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
    match account::create_token(&state, &me, f.name.as_deref()).await {
        Ok(new_token) => {
            Ok(render(&page(&state, &me, None, ValidationErrors::new(), Some(new_token)).await?)?.into_response())
        }
        Err(rapport_app::Error::Invalid(errors)) => refused(&state, &me, errors).await,
        Err(e) => Err(e.into()),
    }
}

pub async fn revoke_token(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    account::revoke_token(&state, &me, &id).await?;
    Ok(Redirect::to("/account?done=token-revoked").into_response())
}

/// Creates or resets the calendar feed and shows its address once.
pub async fn reset_calendar_feed(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    headers: axum::http::HeaderMap,
) -> AppResult<Response> {
    let url = rapport_app::calendar::reset_feed(&state, &me).await?;
    let mut p = page(&state, &me, None, ValidationErrors::new(), None).await?;
    p.new_feed_url = Some(crate::html::absolute_url(&url, &headers));
    Ok(render(&p)?.into_response())
}

#[derive(Deserialize, Default)]
pub struct FeedNamesForm {
    full_names: Option<String>,
}

/// How the feed names clients: initials (default) or full names.
pub async fn calendar_feed_names(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Form(f): Form<FeedNamesForm>,
) -> AppResult<Response> {
    let full = match f.full_names.as_deref() {
        Some("yes") => true,
        None | Some("no") | Some("") => false,
        Some(_) => {
            let mut e = ValidationErrors::new();
            e.add_key("full_names", crate::i18n::msg("account-feed-names-invalid"), vec![]);
            return refused(&state, &me, e).await;
        }
    };
    rapport_app::calendar::set_full_names(&state, &me, full).await?;
    Ok(Redirect::to("/account?done=calendar-names").into_response())
}

/// Sets or changes the kiosk PIN (asks for the current password).
pub async fn set_kiosk_pin(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Form(f): Form<PinForm>,
) -> AppResult<Response> {
    match kiosk::set_pin(&state, &me, &f).await? {
        PinChange::Changed => Ok(Redirect::to("/account?done=kiosk-pin").into_response()),
        PinChange::SignedOut => Ok(signed_out_after_reauth(&state, &me)),
        PinChange::Invalid(errors) => refused(&state, &me, errors).await,
    }
}
