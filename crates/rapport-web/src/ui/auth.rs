//! First-run setup, sign-in and sign-out.

use crate::error::AppResult;
use crate::html::{render, FormErrors};
use crate::i18n::{msg, Tr};
use crate::identity::Meta;
use crate::security::clear_session_cookie;
use crate::session_cookies::{anonymous_csrf, with_cookie, SignInRequest};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use rapport_app::auth::setup::{self, Setup, SetupForm};
use rapport_app::auth::{self, Credentials, Refusal};
use rapport_app::caller::Identity;
use rapport_app::AppState;
use rapport_core::access::Role;
use serde::Deserialize;

pub async fn home(identity: Option<Extension<Identity>>) -> Redirect {
    match identity {
        // A lay facilitator's work is their groups; they hold no individual caseload to plan.
        Some(Extension(me)) if me.user.role == Role::Facilitator => Redirect::to("/groups"),
        // A programme manager sees the organisation's outcomes and no client.
        Some(Extension(me)) if me.user.role == Role::ProgrammeManager => Redirect::to("/reports"),
        Some(Extension(me)) if me.actor().can_hold_caseload() => Redirect::to("/today"),
        Some(Extension(me)) if me.actor().can_administer() => Redirect::to("/admin/users"),
        Some(Extension(me)) if me.user.role == Role::Client => Redirect::to("/portal"),
        Some(_) => Redirect::to("/account"),
        None => Redirect::to("/login"),
    }
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
    tr: Tr,
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
            tr: crate::i18n::current(),
        }
    }
}

pub async fn setup_form(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> AppResult<Response> {
    let usable = setup::link_usable(&state, &token).await?;
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
    let (csrf, _) = anonymous_csrf(&state, &headers);
    match setup::complete(&state, &meta, &token, &f).await? {
        Setup::Done => Ok(Redirect::to("/login?done=setup").into_response()),
        Setup::Gone => Ok((StatusCode::GONE, render(&SetupPage::blank(csrf, false))?).into_response()),
        Setup::Invalid(errors, v) => {
            let page = SetupPage {
                csrf,
                usable: true,
                errors: FormErrors(errors),
                org_name: v.org_name,
                country: v.country,
                crisis_resources: f.crisis_resources.clone().unwrap_or_default(),
                generic_line: rapport_store::org::GENERIC_CRISIS_LINE,
                name: v.name,
                email: v.email,
                practises: v.practises,
                tr: crate::i18n::current(),
            };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
    }
}

// ---- sign in ----------------------------------------------------------------

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    csrf: String,
    email: String,
    error: Option<String>,
    notice: Option<String>,
    not_set_up: bool,
    tr: Tr,
}

#[derive(Deserialize, Default)]
pub struct LoginParams {
    done: Option<String>,
}

/// The notice named by `?done=`, in the page's language (fixed texts only).
fn login_notice(tr: &Tr, key: Option<&str>) -> Option<String> {
    let id = match key? {
        "signed-out" => msg("sign-in-notice-signed-out"),
        "setup" => msg("sign-in-notice-setup"),
        "expired" => msg("sign-in-notice-expired"),
        "password" => msg("sign-in-notice-password"),
        "verify-expired" => msg("sign-in-notice-verify-expired"),
        "reauth-failed" => msg("sign-in-notice-reauth-failed"),
        "kiosk-signed-out" => msg("sign-in-notice-kiosk-signed-out"),
        _ => return None,
    };
    Some(tr.t(id))
}

/// Why the sign-in was refused, in the page's language.
pub(crate) fn refusal_message(tr: &Tr, refusal: &Refusal) -> String {
    match refusal {
        Refusal::Incomplete => tr.t("sign-in-refused-incomplete"),
        Refusal::WrongPassword => tr.t("sign-in-refused-wrong-password"),
        Refusal::WrongCode => tr.t("sign-in-refused-wrong-code"),
        Refusal::Throttled { retry_after_secs, .. } => tr.ta("sign-in-refused-throttled", "seconds", *retry_after_secs),
    }
}

pub async fn login_form(r: SignInRequest, Query(q): Query<LoginParams>) -> AppResult<Response> {
    r.form(|csrf| async {
        let not_set_up = rapport_app::auth::setup::not_set_up(&r.state).await?;
        let tr = crate::i18n::current();
        let notice = login_notice(&tr, q.done.as_deref());
        render(&LoginPage { csrf, email: String::new(), error: None, notice, not_set_up, tr })
    })
    .await
}

pub async fn login_submit(r: SignInRequest, Form(f): Form<Credentials>) -> AppResult<Response> {
    r.sign_in(&f, |csrf, email, refusal| async move {
        let tr = crate::i18n::current();
        let error = Some(refusal_message(&tr, &refusal));
        render(&LoginPage { csrf, email, error, notice: None, not_set_up: false, tr })
    })
    .await
}

pub async fn logout(State(state): State<AppState>, identity: Option<Extension<Identity>>) -> AppResult<Response> {
    let identity_role = identity.as_ref().map(|Extension(me)| me.user.role);
    if let Some(Extension(me)) = identity {
        auth::sign_out(&state, &me).await?;
    }
    let to = match identity_role {
        Some(Role::Client) => "/portal/login?done=signed-out",
        _ => "/login?done=signed-out",
    };
    let mut resp = Redirect::to(to).into_response();
    resp.headers_mut().append(header::SET_COOKIE, clear_session_cookie(&state));
    Ok(resp)
}
