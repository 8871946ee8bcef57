//! First-run setup, sign-in and sign-out.

use crate::cookies::CookieNames;
use crate::error::AppResult;
use crate::html::{non_blank, render, FormErrors};
use crate::identity::{cookie, Meta};
use crate::security::{clear_session_cookie, csrf_cookie_header, device_cookie_header, session_cookie_header};
use crate::throttle::{self, OnSuccess};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use rapport_app::caller::{new_secret, secret_hash, Identity};
use rapport_app::AppState;
use rapport_core::access::Role;
use rapport_core::audit::{action, Outcome};
use rapport_core::throttle::ThrottlePolicy;
use rapport_core::validation::looks_like_email;
use rapport_core::{password, Timestamp, ValidationErrors};
use rapport_store::users::{normalise_email, NewUser};
use serde::Deserialize;

pub async fn home(identity: Option<Extension<Identity>>) -> Redirect {
    match identity {
        Some(Extension(me)) if me.actor().can_hold_caseload() => Redirect::to("/clients"),
        Some(Extension(me)) if me.actor().can_administer() => Redirect::to("/admin/users"),
        Some(Extension(me)) if me.user.role == Role::Client => Redirect::to("/portal"),
        Some(_) => Redirect::to("/account"),
        None => Redirect::to("/login"),
    }
}

/// The pre-login CSRF value: the existing cookie, or a new one to set.
pub(crate) fn anonymous_csrf(state: &AppState, headers: &HeaderMap) -> (String, Option<header::HeaderValue>) {
    match cookie(headers, state.config.csrf_cookie()) {
        Some(v) if v.len() == 64 => (v.to_string(), None),
        _ => {
            let v = new_secret();
            let h = csrf_cookie_header(state, &v);
            (v, Some(h))
        }
    }
}

pub(crate) fn with_cookie(body: impl IntoResponse, set: Option<header::HeaderValue>) -> Response {
    let mut resp = body.into_response();
    if let Some(c) = set {
        resp.headers_mut().append(header::SET_COOKIE, c);
    }
    resp
}

// ---- first-run setup ------------------------------------------------------

#[derive(Template)]
#[template(path = "setup.html")]
struct SetupPage {
    csrf: String,
    usable: bool,
    errors: FormErrors,
    org_name: String,
    country: String,
    crisis_resources: String,
    generic_line: &'static str,
    name: String,
    email: String,
    practises: bool,
}

impl SetupPage {
    /// The empty form (or, when the link cannot be used, the explanation).
    fn blank(csrf: String, usable: bool) -> Self {
        SetupPage {
            csrf,
            usable,
            errors: FormErrors::default(),
            org_name: String::new(),
            country: String::new(),
            crisis_resources: String::new(),
            generic_line: rapport_store::org::GENERIC_CRISIS_LINE,
            name: String::new(),
            email: String::new(),
            practises: false,
        }
    }
}

#[derive(Deserialize, Default)]
pub struct SetupForm {
    org_name: Option<String>,
    country: Option<String>,
    crisis_resources: Option<String>,
    name: Option<String>,
    email: Option<String>,
    password: Option<String>,
    password_confirm: Option<String>,
    practises: Option<String>,
}

pub async fn setup_form(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> AppResult<Response> {
    let usable = state.store.setup_token_usable(&secret_hash(&token), Timestamp::now()).await?;
    let (csrf, set) = anonymous_csrf(&state, &headers);
    let page = SetupPage::blank(csrf, usable);
    let status = if usable { StatusCode::OK } else { StatusCode::GONE };
    Ok(with_cookie((status, render(&page)?), set))
}

pub async fn setup_submit(
    State(state): State<AppState>,
    Path(token): Path<String>,
    Meta(meta): Meta,
    headers: HeaderMap,
    Form(f): Form<SetupForm>,
) -> AppResult<Response> {
    let token_hash = secret_hash(&token);
    let (csrf, _) = anonymous_csrf(&state, &headers);
    if !state.store.setup_token_usable(&token_hash, Timestamp::now()).await? {
        let page = SetupPage::blank(csrf, false);
        return Ok((StatusCode::GONE, render(&page)?).into_response());
    }
    let mut errors = ValidationErrors::new();
    let org_name = non_blank(&f.org_name).unwrap_or_default();
    if org_name.is_empty() {
        errors.add("org_name", "Enter the name of your practice or organisation");
    }
    let country = super::admin::country_in(&mut errors, &f.country);
    if country.is_empty() {
        errors.add("country", "Enter the country you work in, so clients are shown the right crisis lines");
    }
    let crisis_resources = super::admin::crisis_lines_typed(&mut errors, &f.crisis_resources);
    let name = non_blank(&f.name).unwrap_or_default();
    if name.is_empty() {
        errors.add("name", "Enter your name");
    }
    let email = normalise_email(f.email.as_deref().unwrap_or_default());
    if !looks_like_email(&email) {
        errors.add("email", "Enter an email address like name@example.org");
    }
    let pw = f.password.clone().unwrap_or_default();
    if let Err(p) = password::check(&pw, &email) {
        errors.add("password", p.message());
    } else if f.password_confirm.as_deref() != Some(pw.as_str()) {
        errors.add("password_confirm", "The two passwords do not match");
    }
    let practises = f.practises.is_some();
    if !errors.is_empty() {
        let page = SetupPage {
            csrf,
            usable: true,
            errors: FormErrors(errors),
            org_name,
            country,
            crisis_resources: f.crisis_resources.clone().unwrap_or_default(),
            generic_line: rapport_store::org::GENERIC_CRISIS_LINE,
            name,
            email,
            practises,
        };
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
    }
    let hash = state.hasher.hash(&pw).await;
    let mut event = meta.event(&email, action::SETUP, "user", Outcome::Success);
    let lines = crisis_resources.lines().count();
    event.detail =
        Some(format!("first administrator; organisation \"{org_name}\" in {country}; {lines} crisis line(s)"));
    let admin = NewUser { email, name, role: Role::Admin, practises, password_hash: hash };
    let org = rapport_store::org::OrgSetup { name: org_name, country, crisis_resources };
    state.store.complete_setup_with(&token_hash, &org, admin, event).await?;
    state.forget_organisation().await;
    Ok(Redirect::to("/login?done=setup").into_response())
}

// ---- sign in ----------------------------------------------------------------

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    csrf: String,
    email: String,
    error: Option<String>,
    notice: Option<&'static str>,
    not_set_up: bool,
}

#[derive(Deserialize, Default)]
pub struct LoginParams {
    done: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct LoginForm {
    email: Option<String>,
    password: Option<String>,
}

fn login_notice(key: Option<&str>) -> Option<&'static str> {
    match key? {
        "signed-out" => Some("You have signed out."),
        "setup" => Some("Your administrator account is ready. Sign in to continue."),
        "expired" => Some("Your session has ended. Sign in again."),
        "password" => Some("Password changed. Sign in with your new password."),
        "verify-expired" => Some("The sign-in took too long or had too many wrong codes. Sign in again."),
        "reauth-failed" => Some("You were signed out after too many wrong current passwords. Sign in again."),
        _ => None,
    }
}

pub async fn login_form(
    State(state): State<AppState>,
    identity: Option<Extension<Identity>>,
    Query(q): Query<LoginParams>,
    headers: HeaderMap,
) -> AppResult<Response> {
    if identity.is_some() {
        return Ok(Redirect::to("/").into_response());
    }
    let (csrf, set) = anonymous_csrf(&state, &headers);
    let not_set_up = state.store.count_users().await? == 0;
    let page =
        LoginPage { csrf, email: String::new(), error: None, notice: login_notice(q.done.as_deref()), not_set_up };
    Ok(with_cookie(render(&page)?, set))
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
            let page = LoginPage { csrf, email, error: Some(refusal.message.clone()), notice: None, not_set_up: false };
            refusal.respond(render(&page)?)
        }
    }
}

/// Why a sign-in was refused, for whichever sign-in page asked.
pub struct LoginRefusal {
    pub status: StatusCode,
    pub message: String,
    pub retry_after_secs: Option<i64>,
}

impl LoginRefusal {
    fn new(status: StatusCode, message: impl Into<String>) -> Self {
        LoginRefusal { status, message: message.into(), retry_after_secs: None }
    }

    /// Too many attempts: wait `secs` (429 with `Retry-After`).
    pub fn throttled(secs: i64, what: &str) -> Self {
        LoginRefusal {
            status: StatusCode::TOO_MANY_REQUESTS,
            message: format!("Too many {what}. Wait {secs} seconds, then try again."),
            retry_after_secs: Some(secs),
        }
    }

    /// The sign-in page (re-rendered with the message) with this status.
    pub fn respond(&self, page: axum::response::Html<String>) -> AppResult<Response> {
        let mut resp = (self.status, page).into_response();
        if let Some(secs) = self.retry_after_secs {
            resp.headers_mut().insert(header::RETRY_AFTER, secs.into());
        }
        Ok(resp)
    }
}

pub enum LoginAttempt {
    /// The session was started (or the second step is due): follow this response.
    SignedIn(Response),
    Refused(LoginRefusal),
}

/// Checks an e-mail and password with throttling and audit, shared by the
/// staff and the client-portal sign-in pages. The attempt is reserved on the
/// account's (or this remembered device's) counter and the address's counter
/// before the password is checked, so parallel guesses wait their turn.
pub async fn attempt_login(
    state: &AppState,
    meta: &rapport_app::caller::RequestMeta,
    headers: &HeaderMap,
    email: &str,
    pw: &str,
) -> AppResult<LoginAttempt> {
    if email.is_empty() || pw.is_empty() {
        return Ok(LoginAttempt::Refused(LoginRefusal::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "Enter your email address and password.",
        )));
    }
    let found = state.store.user_by_email(email).await?;
    let account_side = throttle::account_side_key(state, headers, email, found.as_ref().map(|(u, _)| &u.id)).await?;
    let address = throttle::address_key(throttle::SIGN_IN, meta);
    let counters = [
        (account_side, ThrottlePolicy::ACCOUNT, OnSuccess::Clear),
        (address.clone(), ThrottlePolicy::ADDRESS, OnSuccess::Release),
    ];
    let reservation = match throttle::reserve(state, &counters).await? {
        Ok(r) => r,
        Err(secs) => {
            let mut e = meta.event(email, action::LOGIN_THROTTLED, "session", Outcome::Denied);
            e.actor_id = found.as_ref().map(|(u, _)| u.id.to_string());
            e.detail = Some(format!("retry after {secs}s"));
            state.store.audit(e).await?;
            return Ok(LoginAttempt::Refused(LoginRefusal::throttled(secs, "failed attempts")));
        }
    };
    let verified = match &found {
        Some((user, phc)) if user.active => {
            let (ok, rehash) = state.hasher.verify(pw, phc).await;
            if ok && rehash {
                let new_hash = state.hasher.hash(pw).await;
                state.store.upgrade_password_hash(&user.id, &new_hash).await?;
            }
            ok.then_some(user.clone())
        }
        _ => {
            state.hasher.verify_dummy(pw).await;
            None
        }
    };
    let Some(user) = verified else {
        reservation.failed();
        let mut e = meta.event(email, action::LOGIN_FAILED, "session", Outcome::Failure);
        e.actor_id = found.as_ref().map(|(u, _)| u.id.to_string());
        e.detail = Some(match &found {
            None => "unknown account".into(),
            Some((u, _)) if !u.active => "account deactivated".into(),
            _ => "wrong password".into(),
        });
        state.store.audit(e).await?;
        return Ok(LoginAttempt::Refused(LoginRefusal::new(
            StatusCode::UNAUTHORIZED,
            "The email address or password is not right.",
        )));
    };
    if user.mfa_enabled {
        // Password right: take this attempt back. Codes are then counted on
        // the same account counter, however many challenges are opened.
        reservation.succeeded(state).await?;
        let challenge = new_secret();
        state.store.create_challenge(&secret_hash(&challenge), &user.id).await?;
        let mut resp = Redirect::to("/login/verify").into_response();
        resp.headers_mut().append(header::SET_COOKIE, crate::security::mfa_cookie_header(state, &challenge, 300));
        return Ok(LoginAttempt::SignedIn(resp));
    }
    reservation.succeeded(state).await?;
    Ok(LoginAttempt::SignedIn(start_session(state, &user, meta, headers, None).await?))
}

/// Signs `user` in: a fresh session id (no fixation), recorded with the login,
/// and this browser remembered as one that completed a sign-in of the account.
pub async fn start_session(
    state: &AppState,
    user: &rapport_store::users::User,
    meta: &rapport_app::caller::RequestMeta,
    headers: &HeaderMap,
    detail: Option<&str>,
) -> AppResult<Response> {
    let sid = new_secret();
    let mut e = meta.event(&user.email, action::LOGIN, "session", Outcome::Success);
    e.actor_id = Some(user.id.to_string());
    e.detail = detail.map(str::to_string);
    state
        .store
        .create_session(&secret_hash(&sid), &user.id, &new_secret(), meta.ip.as_deref(), meta.user_agent.as_deref(), e)
        .await?;
    let mut resp = Redirect::to("/").into_response();
    resp.headers_mut().append(header::SET_COOKIE, session_cookie_header(state, &sid));
    let now = Timestamp::now();
    let since = now.minus(rapport_core::session::REMEMBERED_DEVICE_LIFETIME);
    match throttle::known_device_hash(state, headers) {
        Some(h) if state.store.device_known(&h, &user.id, since).await? => {
            state.store.remember_device(&h, &user.id, now).await?;
        }
        _ => {
            let token = new_secret();
            state.store.remember_device(&secret_hash(&token), &user.id, now).await?;
            resp.headers_mut().append(header::SET_COOKIE, device_cookie_header(state, &token));
        }
    }
    Ok(resp)
}

pub async fn logout(State(state): State<AppState>, identity: Option<Extension<Identity>>) -> AppResult<Response> {
    let identity_role = identity.as_ref().map(|Extension(me)| me.user.role);
    if let Some(Extension(me)) = identity {
        if let Some(hash) = me.session_hash() {
            let e = me.event(action::LOGOUT, "session");
            state.store.end_session(&me.user.id, hash, Some(e)).await?;
        }
    }
    let to = match identity_role {
        Some(Role::Client) => "/portal/login?done=signed-out",
        _ => "/login?done=signed-out",
    };
    let mut resp = Redirect::to(to).into_response();
    resp.headers_mut().append(header::SET_COOKIE, clear_session_cookie(&state));
    Ok(resp)
}
