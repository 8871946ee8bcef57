//! The portal's doors: sign-in, joining with an invitation code, and the
//! crisis-resources page that needs no account at all.

use super::PortalLayout;
use crate::error::AppResult;
use crate::html::{render, FormErrors};
use crate::identity::Meta;
use crate::throttle::{self, OnSuccess};
use crate::ui::auth::{anonymous_csrf, attempt_login, start_session, with_cookie, LoginAttempt};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use rapport_app::caller::{secret_hash, Identity};
use rapport_app::AppState;
use rapport_core::audit::{action, Outcome};
use rapport_core::portal::{normalise_code, InvitePurpose};
use rapport_core::throttle::ThrottlePolicy;
use rapport_core::validation::looks_like_email;
use rapport_core::{password, Timestamp, ValidationErrors};
use rapport_store::portal::{InviteStatus, Join};
use rapport_store::users::normalise_email;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "portal_login.html")]
struct LoginPage {
    layout: PortalLayout,
    csrf: String,
    email: String,
    error: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct DoneQuery {
    done: Option<String>,
    code: Option<String>,
}

fn notice(done: Option<&str>) -> Option<&'static str> {
    match done? {
        "signed-out" => Some("You have signed out."),
        "reauth-failed" => Some("You were signed out after too many wrong passwords. Sign in again."),
        _ => None,
    }
}

pub async fn login_form(
    State(state): State<AppState>,
    identity: Option<Extension<Identity>>,
    Query(q): Query<DoneQuery>,
    headers: HeaderMap,
) -> AppResult<Response> {
    if identity.is_some() {
        return Ok(Redirect::to("/").into_response());
    }
    let (csrf, set) = anonymous_csrf(&state, &headers);
    let layout = PortalLayout::anonymous(&state, "Sign in", "").await?.with_notice(notice(q.done.as_deref()));
    Ok(with_cookie(render(&LoginPage { layout, csrf, email: String::new(), error: None })?, set))
}

#[derive(Deserialize, Default)]
pub struct LoginForm {
    email: Option<String>,
    password: Option<String>,
}

pub async fn login_submit(
    State(state): State<AppState>,
    Meta(meta): Meta,
    headers: HeaderMap,
    Form(f): Form<LoginForm>,
) -> AppResult<Response> {
    let (csrf, _) = anonymous_csrf(&state, &headers);
    let email = normalise_email(f.email.as_deref().unwrap_or_default());
    match attempt_login(&state, &meta, &headers, &email, &f.password.unwrap_or_default()).await? {
        LoginAttempt::SignedIn(resp) => Ok(resp),
        LoginAttempt::Refused(refusal) => {
            let layout = PortalLayout::anonymous(&state, "Sign in", "").await?;
            let page = LoginPage { layout, csrf, email, error: Some(refusal.message.clone()) };
            refusal.respond(render(&page)?)
        }
    }
}

#[derive(Template)]
#[template(path = "portal_join.html")]
struct JoinPage {
    layout: PortalLayout,
    csrf: String,
    code: String,
    email: String,
    errors: FormErrors,
}

pub async fn join_form(
    State(state): State<AppState>,
    Query(q): Query<DoneQuery>,
    headers: HeaderMap,
) -> AppResult<Response> {
    let (csrf, set) = anonymous_csrf(&state, &headers);
    let layout = PortalLayout::anonymous(&state, "Set up your account", "").await?;
    let code = q.code.unwrap_or_default().chars().take(40).collect();
    let page = JoinPage { layout, csrf, code, email: String::new(), errors: FormErrors::default() };
    Ok(with_cookie(render(&page)?, set))
}

#[derive(Deserialize, Default)]
pub struct JoinForm {
    code: Option<String>,
    email: Option<String>,
    password: Option<String>,
    password_confirm: Option<String>,
}

/// Creates the client's account from an invitation code, or, with a reset
/// code from the responsible clinician, gives the existing account a new
/// e-mail address and password.
pub async fn join_submit(
    State(state): State<AppState>,
    Meta(meta): Meta,
    headers: HeaderMap,
    Form(f): Form<JoinForm>,
) -> AppResult<Response> {
    let (csrf, _) = anonymous_csrf(&state, &headers);
    let typed_code = f.code.clone().unwrap_or_default().trim().chars().take(40).collect::<String>();
    let email = normalise_email(f.email.as_deref().unwrap_or_default());
    let again = |status: StatusCode, errors: ValidationErrors| {
        let state = state.clone();
        let (csrf, code, email) = (csrf.clone(), typed_code.clone(), email.clone());
        async move {
            let layout = PortalLayout::anonymous(&state, "Set up your account", "").await?;
            let page = JoinPage { layout, csrf, code, email, errors: FormErrors(errors) };
            AppResult::Ok((status, render(&page)?).into_response())
        }
    };
    // Codes are guessable only by brute force: each try is reserved on this
    // address's counter before the code is looked up (so parallel guesses wait
    // their turn) and taken back when the code turns out to be open.
    let now = Timestamp::now();
    let address_key = throttle::address_key(throttle::PORTAL_JOIN, &meta);
    let counters = [(address_key, ThrottlePolicy::ADDRESS, OnSuccess::Release)];
    let reservation = match throttle::reserve(&state, &counters).await? {
        Ok(r) => r,
        Err(secs) => {
            let mut resp = again(
                StatusCode::TOO_MANY_REQUESTS,
                ValidationErrors::single("code", format!("Too many wrong codes. Wait {secs} seconds, then try again.")),
            )
            .await?;
            resp.headers_mut().insert(header::RETRY_AFTER, secs.into());
            return Ok(resp);
        }
    };
    let mut errors = ValidationErrors::new();
    let code = normalise_code(&typed_code);
    if typed_code.is_empty() {
        errors.add("code", "Enter the code from your invitation");
    } else if code.is_none() {
        errors.add("code", "The code has 12 letters and numbers, like 7KQ2-M9XA-4TRB");
    }
    if !looks_like_email(&email) {
        errors.add("email", "Enter your email address, like name@example.org");
    }
    let pw = f.password.clone().unwrap_or_default();
    if let Err(p) = password::check(&pw, &email) {
        errors.add("password", p.message());
    } else if f.password_confirm.as_deref() != Some(pw.as_str()) {
        errors.add("password_confirm", "The two passwords do not match");
    }
    let code_hash = code.as_deref().map(secret_hash);
    let invite = match &code_hash {
        Some(h) => state.store.portal_invite(h).await?,
        None => None,
    };
    let refused = |detail: &str| {
        let mut e = meta.event(&email, action::PORTAL_JOIN_FAILED, "portal_invite", Outcome::Failure);
        e.detail = Some(detail.to_string());
        e
    };
    if code.is_some() {
        let problem = match invite.as_ref().map(|i| i.status(now)) {
            None => Some("This code does not work. Check it against your invitation."),
            Some(InviteStatus::Used) => Some("This code has already been used. Sign in instead, or ask for a new one."),
            Some(InviteStatus::Expired) => Some("This code has expired. Ask your clinician for a new one."),
            Some(InviteStatus::Revoked) => Some("This code was replaced by a newer one. Use the newest invitation."),
            Some(InviteStatus::Open) => None,
        };
        if let Some(message) = problem {
            let mut e = refused(message);
            e.client_id = invite.as_ref().map(|i| i.client_id.to_string());
            state.store.audit(e).await?;
            errors.add("code", message);
        }
    }
    let code_was_open = invite.as_ref().is_some_and(|i| i.status(now) == InviteStatus::Open);
    if code_was_open {
        reservation.succeeded(&state).await?;
    } else {
        reservation.failed();
    }
    if !errors.is_empty() {
        return again(StatusCode::UNPROCESSABLE_ENTITY, errors).await;
    }
    let (invite, code_hash) = (invite.expect("checked"), code_hash.expect("checked"));
    let name =
        state.store.client_summary(&invite.client_id).await?.map(|c| c.display_name).unwrap_or_else(|| "Client".into());
    let hash = state.hasher.hash(&pw).await;
    let mut e = meta.event(&email, action::PORTAL_JOIN, "user", Outcome::Success);
    e.detail = Some(format!("invitation {}", invite.id));
    match state.store.join_portal(&code_hash, &email, &name, &hash, e).await? {
        Join::Joined(user) => {
            let detail = if invite.purpose == InvitePurpose::Reset { "portal access reset" } else { "portal account created" };
            start_session(&state, &user, &meta, &headers, Some(detail)).await
        }
        Join::AccountExists => {
            again(
                StatusCode::UNPROCESSABLE_ENTITY,
                ValidationErrors::single(
                    "code",
                    "You already have a portal account: sign in instead. If you cannot, ask your clinician to reset your portal access.",
                ),
            )
            .await
        }
        Join::EmailTaken => {
            again(
                StatusCode::UNPROCESSABLE_ENTITY,
                ValidationErrors::single("email", "This email address already has an account here. Use another one."),
            )
            .await
        }
        // Used, revoked or expired between the check and the write.
        Join::Refused => {
            again(
                StatusCode::UNPROCESSABLE_ENTITY,
                ValidationErrors::single("code", "This code can no longer be used. Ask your clinician for a new one."),
            )
            .await
        }
    }
}

#[derive(Template)]
#[template(path = "portal_help.html")]
struct HelpPage {
    layout: PortalLayout,
    crisis: Vec<String>,
}

/// Crisis resources: reachable from every portal page, signed in or not.
pub async fn help(State(state): State<AppState>, identity: Option<Extension<Identity>>) -> AppResult<Response> {
    let org = state.organisation().await?;
    let mut layout = PortalLayout::anonymous(&state, "Help now", "help").await?;
    if let Some(Extension(me)) = identity.filter(|Extension(me)| me.user.role == rapport_core::access::Role::Client) {
        layout.signed_in = true;
        layout.csrf = me.csrf().to_string();
    }
    Ok(render(&HelpPage { layout, crisis: org.crisis_lines() })?.into_response())
}
