//! Two-step verification: the second step of signing in, enrolment of an
//! authenticator app with recovery codes, turning it off, and the
//! organisation-wide requirement.

use super::Layout;
use crate::error::{AppError, AppResult};
use crate::html::{render, FormErrors};
use crate::identity::SignedIn;
use crate::security::mfa_cookie_header;
use crate::session_cookies::{
    anonymous_csrf, challenge_hash, refused, signed_out_after_reauth, started, SignInRequest,
};
use askama::Template;
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use rapport_app::account::{self, TwoStepChange};
use rapport_app::auth::second_step::{self, Verified};
use rapport_app::caller::Identity;
use rapport_app::AppState;
use rapport_core::ValidationErrors;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "login_verify.html")]
struct VerifyPage {
    csrf: String,
    error: Option<String>,
    tr: crate::i18n::Tr,
}

fn restart_login(state: &AppState) -> Response {
    let mut resp = Redirect::to("/login?done=verify-expired").into_response();
    resp.headers_mut().append(header::SET_COOKIE, mfa_cookie_header(state, "", 0));
    resp
}

pub async fn verify_form(r: SignInRequest) -> AppResult<Response> {
    if !second_step::challenge_open(&r.state, challenge_hash(&r.state, &r.headers).as_deref()).await? {
        return Ok(restart_login(&r.state));
    }
    Ok(render(&VerifyPage { csrf: anonymous_csrf(&r.state, &r.headers).0, error: None, tr: crate::i18n::current() })?
        .into_response())
}

#[derive(Deserialize, Default)]
pub struct CodeForm {
    code: Option<String>,
}

/// The second step of signing in (see `rapport_app::auth::second_step`).
pub async fn verify_submit(r: SignInRequest, Form(f): Form<CodeForm>) -> AppResult<Response> {
    let state = &r.state;
    let challenge = challenge_hash(state, &r.headers);
    let typed = f.code.unwrap_or_default();
    match second_step::verify(state, &r.meta, r.device().as_deref(), challenge.as_deref(), &typed).await? {
        Verified::Restart => Ok(restart_login(state)),
        Verified::Refused(refusal) => {
            let tr = crate::i18n::current();
            let error = Some(super::auth::refusal_message(&tr, &refusal));
            let page = VerifyPage { csrf: anonymous_csrf(state, &r.headers).0, error, tr };
            Ok(refused(&refusal, render(&page)?))
        }
        Verified::Started(s) => {
            let mut resp = started(state, s);
            resp.headers_mut().append(header::SET_COOKIE, mfa_cookie_header(state, "", 0));
            Ok(resp)
        }
    }
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
    let st = account::two_step(state, me).await?;
    let qr_svg = match &st.enrolment_url {
        Some(url) => qr_svg(url, &crate::i18n::current().t("mfa-qr-label"))
            .ok_or_else(|| AppError::internal("could not draw the QR code"))?,
        None => String::new(),
    };
    let mut layout = Layout::new(state, me, crate::i18n::current().t("mfa-title"), "account").await?;
    if st.required && !st.enabled {
        layout = layout.with_error(crate::i18n::current().t("mfa-required-flash"));
    }
    Ok(MfaPage {
        layout,
        enabled: st.enabled,
        required: st.required,
        secret: st.pending_secret.unwrap_or_default(),
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

/// The page after a change: with the new recovery codes, back to it, the field's
/// error (422), or signed out after too many wrong current passwords.
async fn after(state: &AppState, me: &Identity, change: TwoStepChange) -> AppResult<Response> {
    match change {
        TwoStepChange::Disabled => Ok(Redirect::to("/account?done=mfa-off").into_response()),
        TwoStepChange::CodesIssued(codes) => {
            Ok(render(&mfa_page(state, me, ValidationErrors::new(), codes).await?)?.into_response())
        }
        TwoStepChange::Unchanged => Ok(Redirect::to("/account/mfa").into_response()),
        TwoStepChange::Invalid { field, message } => with_error(state, me, field, &message).await,
        TwoStepChange::SignedOut => Ok(signed_out_after_reauth(state, me)),
    }
}

pub async fn enable(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Form(f): Form<CodeForm>,
) -> AppResult<Response> {
    let change = account::enable_two_step(&state, &me, f.code.as_deref()).await?;
    after(&state, &me, change).await
}

#[derive(Deserialize, Default)]
pub struct PasswordForm {
    current_password: Option<String>,
}

pub async fn disable(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Form(f): Form<PasswordForm>,
) -> AppResult<Response> {
    let change = account::disable_two_step(&state, &me, f.current_password.as_deref()).await?;
    after(&state, &me, change).await
}

pub async fn recovery_codes(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Form(f): Form<PasswordForm>,
) -> AppResult<Response> {
    let change = account::new_recovery_codes_for(&state, &me, f.current_password.as_deref()).await?;
    after(&state, &me, change).await
}

/// Middleware: when the organisation requires two-step verification, a signed-in
/// person without it can reach only the enrolment page (and sign out).
pub async fn require_enrolment(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let needs = match req.extensions().get::<Identity>() {
        Some(me) => account::must_enrol(&state, me).await,
        None => false,
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
fn qr_svg(url: &str, label: &str) -> Option<String> {
    let code = qrcode::QrCode::new(url.as_bytes()).ok()?;
    let svg = code.render::<qrcode::render::svg::Color>().min_dimensions(200, 200).quiet_zone(true).build();
    let start = svg.find("<svg")?;
    Some(svg[start..].replacen(
        "<svg",
        &format!(
            "<svg role=\"img\" aria-label=\"{}\"",
            label.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;")
        ),
        1,
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_qr_code_is_inline_svg_without_style() {
        let svg = super::qr_svg("otpauth://totp/Rapport:a@clinic.example?secret=JBSWY3DPEHPK3PXP", "QR code").unwrap();
        assert!(svg.starts_with("<svg role=\"img\"") && !svg.contains("style="));
    }
}
