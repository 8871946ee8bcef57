//! Two-step verification: the second step of signing in, enrolment of an
//! authenticator app with recovery codes, turning it off, and the
//! organisation-wide requirement.

use super::auth::LoginRefusal;
use super::Layout;
use crate::cookies::CookieNames;
use crate::error::{AppError, AppResult};
use crate::html::{render, FormErrors};
use crate::identity::{cookie, Meta, SignedIn};
use crate::reauth::Refusal;
use crate::security::mfa_cookie_header;
use crate::throttle::{self, OnSuccess};
use askama::Template;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use rand::RngCore;
use rapport_app::caller::{secret_hash, Identity, RequestMeta};
use rapport_app::mfa;
use rapport_app::AppState;
use rapport_core::access::Role;
use rapport_core::audit::{action, AuditEvent, Outcome};
use rapport_core::mfa::{normalise_recovery_code, normalise_totp_code, recovery_code_from_bytes, RECOVERY_CODES};
use rapport_core::throttle::ThrottlePolicy;
use rapport_core::{Timestamp, ValidationErrors};
use rapport_store::outbox::Notice;
use rapport_store::users::User;
use serde::Deserialize;

/// How long the second step may take, and how many wrong codes it allows.
const CHALLENGE_SECONDS: i64 = 300;
const CHALLENGE_ATTEMPTS: i64 = 5;

#[derive(Template)]
#[template(path = "login_verify.html")]
struct VerifyPage {
    csrf: String,
    error: Option<String>,
}

fn restart_login(state: &AppState) -> Response {
    let mut resp = Redirect::to("/login?done=verify-expired").into_response();
    resp.headers_mut().append(header::SET_COOKIE, mfa_cookie_header(state, "", 0));
    resp
}

/// The hash of the challenge cookie, if the request carries one.
fn challenge_hash(state: &AppState, headers: &HeaderMap) -> Option<String> {
    cookie(headers, state.config.mfa_cookie()).map(secret_hash)
}

fn expired_before() -> Timestamp {
    Timestamp::now().minus(time::Duration::seconds(CHALLENGE_SECONDS))
}

pub async fn verify_form(State(state): State<AppState>, headers: HeaderMap) -> AppResult<Response> {
    let live = match challenge_hash(&state, &headers) {
        Some(h) => state.store.challenge(&h).await?,
        None => None,
    };
    if !live.is_some_and(|c| c.created_at > expired_before() && c.attempts < CHALLENGE_ATTEMPTS) {
        return Ok(restart_login(&state));
    }
    Ok(render(&VerifyPage { csrf: super::auth::anonymous_csrf(&state, &headers).0, error: None })?.into_response())
}

#[derive(Deserialize, Default)]
pub struct CodeForm {
    code: Option<String>,
}

/// The second step. Each code is counted before it is checked: once on the
/// account's (or this remembered device's) sign-in counter, which throttles
/// it like a password, and once on the challenge, which ends after
/// `CHALLENGE_ATTEMPTS` wrong codes and tells the account holder.
pub async fn verify_submit(
    State(state): State<AppState>,
    Meta(meta): Meta,
    headers: HeaderMap,
    Form(f): Form<CodeForm>,
) -> AppResult<Response> {
    let Some(hash) = challenge_hash(&state, &headers) else { return Ok(restart_login(&state)) };
    let Some(peek) = state.store.challenge(&hash).await? else { return Ok(restart_login(&state)) };
    let Some(user) = state.store.user(&peek.user_id).await?.filter(|u| u.active) else {
        state.store.delete_challenge(&hash).await?;
        return Ok(restart_login(&state));
    };
    let account_side = throttle::account_side_key(&state, &headers, &user.email, Some(&user.id)).await?;
    let counters = [(account_side, ThrottlePolicy::ACCOUNT, OnSuccess::Clear)];
    let reservation = match throttle::reserve(&state, &counters).await? {
        Ok(r) => r,
        Err(secs) => {
            let mut e = meta.event(&user.email, action::LOGIN_THROTTLED, "session", Outcome::Denied);
            e.actor_id = Some(user.id.to_string());
            e.detail = Some(format!("two-step code; retry after {secs}s"));
            state.store.audit(e).await?;
            let refusal = LoginRefusal::throttled(secs, "wrong codes");
            let page = VerifyPage {
                csrf: super::auth::anonymous_csrf(&state, &headers).0,
                error: Some(refusal.message.clone()),
            };
            return refusal.respond(render(&page)?);
        }
    };
    let Some(challenge) = state.store.take_challenge_attempt(&hash, CHALLENGE_ATTEMPTS, expired_before()).await? else {
        state.store.release_attempt(&counters[0].0).await?;
        reservation.failed();
        state.store.delete_challenge(&hash).await?;
        return Ok(restart_login(&state));
    };
    let typed = f.code.unwrap_or_default();
    let mfa_state = state.store.mfa_state(&user.id).await?;
    let secret = mfa_state.secret.unwrap_or_default();
    let mut detail = None;
    let accepted = if let Some(code) = normalise_totp_code(&typed) {
        match mfa::check(&secret, &code, mfa::unix_now()) {
            // A code is accepted once: a later step than any used before.
            Some(step) => state.store.accept_totp_step(&user.id, step).await?,
            None => false,
        }
    } else if let Some(code) = normalise_recovery_code(&typed) {
        let used = state.store.use_recovery_code(&user.id, &secret_hash(&code)).await?;
        if used {
            let mut e = meta.event(&user.email, action::RECOVERY_CODE_USED, "user", Outcome::Success);
            e.actor_id = Some(user.id.to_string());
            e.detail = Some(format!("{} recovery codes left", mfa_state.unused_recovery_codes - 1));
            state.store.audit(e).await?;
            detail = Some("with a recovery code");
        }
        used
    } else {
        false
    };
    if !accepted {
        reservation.failed();
        let mut e = meta.event(&user.email, action::MFA_FAILED, "session", Outcome::Failure);
        e.actor_id = Some(user.id.to_string());
        e.detail = Some(format!("wrong code {} of {CHALLENGE_ATTEMPTS}", challenge.attempts));
        if challenge.attempts >= CHALLENGE_ATTEMPTS {
            state.store.delete_challenge(&hash).await?;
            notify_wrong_codes(&state, &user, &meta, e).await?;
            return Ok(restart_login(&state));
        }
        state.store.audit(e).await?;
        let page = VerifyPage {
            csrf: super::auth::anonymous_csrf(&state, &headers).0,
            error: Some("That code is not right, or was already used. Enter the current code from your app, or a recovery code.".into()),
        };
        return Ok((StatusCode::UNAUTHORIZED, render(&page)?).into_response());
    }
    state.store.delete_challenge(&hash).await?;
    reservation.succeeded(&state).await?;
    // The account's own counter too, when this was a remembered device.
    state.store.clear_login_failures(&throttle::account_key(&user.email)).await?;
    let mut resp = super::auth::start_session(
        &state,
        &user,
        &meta,
        &headers,
        Some(detail.unwrap_or("with two-step verification")),
    )
    .await?;
    resp.headers_mut().append(header::SET_COOKIE, mfa_cookie_header(&state, "", 0));
    Ok(resp)
}

/// Someone who knows the password failed the second step `CHALLENGE_ATTEMPTS`
/// times: the account holder hears of it (by e-mail, through the outbox),
/// queued with the audit entry of the last wrong code.
async fn notify_wrong_codes(state: &AppState, user: &User, meta: &RequestMeta, mut e: AuditEvent) -> AppResult<()> {
    let org = state.organisation().await?;
    let notice = Notice {
        kind: "security_notice",
        to_user: Some(user.id.clone()),
        to_email: None,
        subject: format!("{}: wrong two-step codes on your account", org.name),
        body: format!(
            "Hello {},\n\nOn {} someone signed in to your {} account with your password and then entered \
             {CHALLENGE_ATTEMPTS} wrong two-step verification codes (from address {}).\n\n\
             If this was not you, your password is known to someone else: change it now on your account page \
             and tell your administrator.\n",
            user.name,
            Timestamp::now().display(),
            org.name,
            meta.ip.as_deref().unwrap_or("unknown"),
        ),
    };
    e.detail = Some(format!("{CHALLENGE_ATTEMPTS} wrong two-step codes: sign-in ended, the account holder was told"));
    state.store.notify(&[notice], Some(e)).await?;
    Ok(())
}

// ---- enrolment and management ------------------------------------------------

#[derive(Template)]
#[template(path = "account_mfa.html")]
struct MfaPage {
    layout: Layout,
    enabled: bool,
    required: bool,
    secret: String,
    qr_svg: String,
    unused_codes: i64,
    new_codes: Vec<String>,
    errors: FormErrors,
}

async fn mfa_page(
    state: &AppState,
    me: &Identity,
    errors: ValidationErrors,
    new_codes: Vec<String>,
) -> AppResult<MfaPage> {
    let org = state.organisation().await?;
    let st = state.store.mfa_state(&me.user.id).await?;
    let enabled = st.secret.is_some();
    let (secret, qr_svg) = if enabled {
        (String::new(), String::new())
    } else {
        // Keep one pending secret per enrolment attempt so a reload shows the same code.
        let secret = match st.pending_secret {
            Some(s) => s,
            None => {
                let s = mfa::new_secret();
                state.store.set_pending_totp(&me.user.id, &s).await?;
                s
            }
        };
        let svg = mfa::enrolment_url(&secret, &me.user.email, &format!("Rapport ({})", org.name))
            .and_then(|url| qr_svg(&url))
            .ok_or_else(|| AppError::internal("could not draw the QR code"))?;
        (secret, svg)
    };
    let mut layout = Layout::new(state, me, "Two-step verification", "account").await?;
    if org.require_mfa && !enabled {
        layout = layout.with_error("Your organisation requires two-step verification. Set it up to continue.");
    }
    Ok(MfaPage {
        layout,
        enabled,
        required: org.require_mfa,
        secret,
        qr_svg,
        unused_codes: st.unused_recovery_codes,
        new_codes,
        errors: FormErrors(errors),
    })
}

impl MfaPage {
    /// The secret in groups of four, as people type it.
    fn grouped_secret(&self) -> String {
        self.secret.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).to_string()).collect::<Vec<_>>().join(" ")
    }
}

/// The page again with one field error (422).
async fn with_error(state: &AppState, me: &Identity, field: &str, message: &str) -> AppResult<Response> {
    let page = mfa_page(state, me, ValidationErrors::single(field, message), Vec::new()).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
}

pub async fn page(State(state): State<AppState>, SignedIn(me): SignedIn) -> AppResult<Response> {
    Ok(render(&mfa_page(&state, &me, ValidationErrors::new(), Vec::new()).await?)?.into_response())
}

fn new_recovery_codes() -> (Vec<String>, Vec<String>) {
    let mut shown = Vec::with_capacity(RECOVERY_CODES);
    let mut hashes = Vec::with_capacity(RECOVERY_CODES);
    for _ in 0..RECOVERY_CODES {
        let mut b = [0u8; 10];
        rand::rngs::OsRng.fill_bytes(&mut b);
        let code = recovery_code_from_bytes(&b);
        hashes.push(secret_hash(&normalise_recovery_code(&code).expect("generated codes are valid")));
        shown.push(code);
    }
    (shown, hashes)
}

pub async fn enable(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Form(f): Form<CodeForm>,
) -> AppResult<Response> {
    let st = state.store.mfa_state(&me.user.id).await?;
    if st.secret.is_some() {
        return Ok(Redirect::to("/account/mfa").into_response());
    }
    let pending = st.pending_secret.unwrap_or_default();
    let step = normalise_totp_code(f.code.as_deref().unwrap_or_default())
        .and_then(|code| mfa::check(&pending, &code, mfa::unix_now()));
    let Some(step) = step else {
        return with_error(&state, &me, "code", "Enter the 6-digit code your app shows now for Rapport").await;
    };
    let (shown, hashes) = new_recovery_codes();
    let mut e = me.event(action::MFA_ENABLE, "user");
    e.resource_id = Some(me.user.id.to_string());
    state.store.enable_totp(&me.user.id, &pending, step, &hashes, e).await?;
    Ok(render(&mfa_page(&state, &me, ValidationErrors::new(), shown).await?)?.into_response())
}

#[derive(Deserialize, Default)]
pub struct PasswordForm {
    current_password: Option<String>,
}

/// The current password again (throttled and audited; see `reauth`): `Ok(None)`
/// when it is right, otherwise the response to give.
async fn confirm(state: &AppState, me: &Identity, pw: Option<String>, purpose: &str) -> AppResult<Option<Response>> {
    Ok(match crate::reauth::confirm_password(state, me, pw.as_deref(), purpose).await? {
        Ok(()) => None,
        Err(Refusal::SignedOut(resp)) => Some(resp),
        Err(Refusal::Wrong(m) | Refusal::Throttled(m)) => Some(with_error(state, me, "current_password", &m).await?),
    })
}

pub async fn disable(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Form(f): Form<PasswordForm>,
) -> AppResult<Response> {
    if state.organisation().await?.require_mfa {
        return Err(AppError::Forbidden(
            "Your organisation requires two-step verification; it cannot be turned off.".into(),
        ));
    }
    if let Some(refused) = confirm(&state, &me, f.current_password, "turning off two-step verification").await? {
        return Ok(refused);
    }
    let mut e = me.event(action::MFA_DISABLE, "user");
    e.resource_id = Some(me.user.id.to_string());
    state.store.disable_totp(&me.user.id, e).await?;
    Ok(Redirect::to("/account?done=mfa-off").into_response())
}

pub async fn recovery_codes(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Form(f): Form<PasswordForm>,
) -> AppResult<Response> {
    if state.store.mfa_state(&me.user.id).await?.secret.is_none() {
        return Ok(Redirect::to("/account/mfa").into_response());
    }
    if let Some(refused) = confirm(&state, &me, f.current_password, "new recovery codes").await? {
        return Ok(refused);
    }
    let (shown, hashes) = new_recovery_codes();
    let mut e = me.event(action::RECOVERY_CODES_NEW, "user");
    e.resource_id = Some(me.user.id.to_string());
    state.store.replace_recovery_codes(&me.user.id, &hashes, e).await?;
    Ok(render(&mfa_page(&state, &me, ValidationErrors::new(), shown).await?)?.into_response())
}

/// Middleware: when the organisation requires two-step verification, a signed-in
/// person without it can reach only the enrolment page (and sign out).
pub async fn require_enrolment(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let needs = match req.extensions().get::<Identity>() {
        // The organisation's requirement is for staff; client portal accounts use a password.
        Some(id) if id.session_hash().is_some() && !id.user.mfa_enabled && id.user.role != Role::Client => {
            state.organisation().await.map(|o| o.require_mfa).unwrap_or(false)
        }
        _ => false,
    };
    let path = req.uri().path();
    let allowed = path.starts_with("/account/mfa")
        || path == "/logout"
        || path.starts_with("/static/")
        || path == "/healthz"
        || path == "/readyz";
    if needs && !allowed {
        return Redirect::to("/account/mfa").into_response();
    }
    next.run(req).await
}

/// The enrolment URL as a QR code in inline SVG (no `style` attributes, so the
/// strict CSP allows it).
fn qr_svg(url: &str) -> Option<String> {
    let code = qrcode::QrCode::new(url.as_bytes()).ok()?;
    let svg = code.render::<qrcode::render::svg::Color>().min_dimensions(200, 200).quiet_zone(true).build();
    let start = svg.find("<svg")?;
    Some(svg[start..].replacen("<svg", "<svg role=\"img\" aria-label=\"QR code for your authenticator app\"", 1))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_qr_code_is_inline_svg_without_style() {
        let svg = super::qr_svg("otpauth://totp/Rapport:a@clinic.example?secret=JBSWY3DPEHPK3PXP").unwrap();
        assert!(svg.starts_with("<svg role=\"img\"") && !svg.contains("style="));
    }
}
