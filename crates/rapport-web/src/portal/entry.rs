//! The portal's doors: sign-in, joining with an invitation code, and the
//! crisis-resources page that needs no account at all.

use super::layout::PortalLayout;
use crate::error::AppResult;
use crate::html::{render, FormErrors};
use crate::session_cookies::{anonymous_csrf, started, SignInRequest};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use rapport_app::auth::join::{self, JoinForm, Joined};
use rapport_app::auth::Credentials;
use rapport_app::caller::Identity;
use rapport_app::AppState;
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

pub async fn login_form(r: SignInRequest, Query(q): Query<DoneQuery>) -> AppResult<Response> {
    r.form(|csrf| async {
        let layout = PortalLayout::anonymous(&r.state, "Sign in", "").await?.with_notice(notice(q.done.as_deref()));
        render(&LoginPage { layout, csrf, email: String::new(), error: None })
    })
    .await
}

pub async fn login_submit(r: SignInRequest, Form(f): Form<Credentials>) -> AppResult<Response> {
    let state = &r.state;
    r.sign_in(&f, |csrf, email, refusal| async move {
        let layout = PortalLayout::anonymous(state, "Sign in", "").await?;
        render(&LoginPage { layout, csrf, email, error: Some(refusal.message()) })
    })
    .await
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

/// The join form, signed in or not.
pub async fn join_form(r: SignInRequest, Query(q): Query<DoneQuery>) -> AppResult<Response> {
    r.anonymous(|csrf| async {
        let layout = PortalLayout::anonymous(&r.state, "Set up your account", "").await?;
        let code = q.code.unwrap_or_default().chars().take(40).collect();
        render(&JoinPage { layout, csrf, code, email: String::new(), errors: FormErrors::default() })
    })
    .await
}

/// Creates the client's account from an invitation code, or, with a reset
/// code from the responsible clinician, gives the existing account a new
/// e-mail address and password.
pub async fn join_submit(r: SignInRequest, Form(f): Form<JoinForm>) -> AppResult<Response> {
    let state = &r.state;
    match join::join(state, &r.meta, r.device().as_deref(), &f).await? {
        Joined::Started(s) => Ok(started(state, s)),
        Joined::Refused { errors, retry_after_secs } => {
            let (csrf, _) = anonymous_csrf(state, &r.headers);
            let layout = PortalLayout::anonymous(state, "Set up your account", "").await?;
            let page = JoinPage { layout, csrf, code: f.typed_code(), email: f.email(), errors: FormErrors(errors) };
            let status = if retry_after_secs.is_some() {
                StatusCode::TOO_MANY_REQUESTS
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            let mut resp = (status, render(&page)?).into_response();
            if let Some(secs) = retry_after_secs {
                resp.headers_mut().insert(header::RETRY_AFTER, secs.into());
            }
            Ok(resp)
        }
    }
}

#[derive(Template)]
#[template(path = "portal_help.html")]
struct HelpPage {
    layout: PortalLayout,
    crisis: Vec<crate::html::phone::Linked>,
}

/// Crisis resources: reachable from every portal page, signed in or not.
pub async fn help(State(state): State<AppState>, identity: Option<Extension<Identity>>) -> AppResult<Response> {
    let org = state.organisation().await?;
    let mut layout = PortalLayout::anonymous(&state, "Help now", "help").await?;
    if let Some(Extension(me)) = identity.filter(|Extension(me)| me.user.role == rapport_core::access::Role::Client) {
        layout.signed_in = true;
        layout.csrf = me.csrf().to_string();
    }
    Ok(render(&HelpPage { layout, crisis: crate::html::phone::crisis_links(org.crisis_lines()) })?.into_response())
}
