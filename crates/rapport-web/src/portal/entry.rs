//! The portal's doors: sign-in, joining with an invitation code, and the
//! crisis-resources page that needs no account at all.

use super::layout::t;
use super::layout::PortalLayout;
use crate::error::{AppError, AppResult};
use crate::html::{render, FormErrors};
use crate::i18n::{language_cookie_header, msg, Tr, SHIPPED};
use crate::session_cookies::{anonymous_csrf, started, with_cookie, SignInRequest};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use rapport_app::auth::join::{self, JoinForm, Joined};
use rapport_app::auth::{Credentials, Refusal};
use rapport_app::caller::Identity;
use rapport_app::portal::{client_of, set_language, PortalCaller};
use rapport_app::AppState;
use rapport_core::access::Role;
use rapport_core::ValidationErrors;
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

/// The message of a notice after a redirect (`?done=`).
fn notice(done: Option<&str>) -> Option<&'static str> {
    match done? {
        "signed-out" => Some(msg("sign-in-notice-signed-out")),
        "reauth-failed" => Some(msg("portal-notice-reauth-failed")),
        _ => None,
    }
}

/// Why the sign-in was refused, in the page's language.
fn refusal_message(tr: &Tr, refusal: &Refusal) -> String {
    match refusal {
        Refusal::Incomplete => tr.t("sign-in-refused-incomplete"),
        Refusal::WrongPassword => tr.t("sign-in-refused-wrong-password"),
        Refusal::WrongCode => tr.t("sign-in-refused-wrong-code"),
        Refusal::Throttled { retry_after_secs, .. } => tr.ta("sign-in-refused-throttled", "seconds", *retry_after_secs),
    }
}

pub async fn login_form(r: SignInRequest, Query(q): Query<DoneQuery>) -> AppResult<Response> {
    r.form(|csrf| async {
        let layout = PortalLayout::anonymous(&r.state, t("sign-in"), "")
            .await?
            .with_notice(notice(q.done.as_deref()))
            .with_csrf(&csrf);
        render(&LoginPage { layout, csrf, email: String::new(), error: None })
    })
    .await
}

pub async fn login_submit(r: SignInRequest, Form(f): Form<Credentials>) -> AppResult<Response> {
    let state = &r.state;
    r.sign_in(&f, |csrf, email, refusal| async move {
        let layout = PortalLayout::anonymous(state, t("sign-in"), "").await?.with_csrf(&csrf);
        let error = Some(refusal_message(&layout.tr, &refusal));
        render(&LoginPage { layout, csrf, email, error })
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
        let layout = PortalLayout::anonymous(&r.state, t("portal-join-title"), "").await?.with_csrf(&csrf);
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
            let layout = PortalLayout::anonymous(state, t("portal-join-title"), "").await?.with_csrf(&csrf);
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
pub async fn help(
    State(state): State<AppState>,
    identity: Option<Extension<Identity>>,
    headers: HeaderMap,
) -> AppResult<Response> {
    let org = state.organisation().await?;
    let mut layout = PortalLayout::anonymous(&state, t("portal-help-now"), "help").await?;
    let mut set_cookie = None;
    match identity {
        Some(Extension(me)) if me.user.role == Role::Client => {
            layout.signed_in = true;
            layout.csrf = me.csrf().to_string();
        }
        // Staff keep their own session's token; the switcher is for clients.
        Some(_) => {}
        None => {
            let (csrf, set) = anonymous_csrf(&state, &headers);
            layout.csrf = csrf;
            set_cookie = set;
        }
    }
    let page = HelpPage { layout, crisis: crate::html::phone::crisis_links(org.crisis_lines()) };
    Ok(with_cookie(render(&page)?, set_cookie))
}

#[derive(Deserialize)]
pub struct LanguageForm {
    language: Option<String>,
    /// The portal page to go back to.
    back: Option<String>,
}

/// The portal's language switcher. A signed-in client's choice becomes their
/// preferred language (audited, by rapport-app); before signing in it is kept
/// on this browser only. The browser remembers it either way, as the portal's
/// first choice. Staff have their own switcher (404 here).
pub async fn switch_language(
    State(state): State<AppState>,
    identity: Option<Extension<Identity>>,
    Form(f): Form<LanguageForm>,
) -> AppResult<Response> {
    let typed = f.language.as_deref().unwrap_or_default();
    let shipped = SHIPPED.map(|(code, _)| code);
    let chosen = match identity {
        Some(Extension(me)) if me.user.role == Role::Client => {
            let client = client_of(&state, &me).await?.ok_or(AppError::NotFound)?;
            set_language(&state, &PortalCaller { me, client }, typed, &shipped).await?
        }
        Some(_) => return Err(AppError::NotFound),
        None => rapport_core::language::shipped_tag(Some(typed), &shipped).ok_or_else(|| {
            AppError::Invalid(ValidationErrors::single_key("language", msg("portal-language-unknown"), vec![]))
        })?,
    };
    let back = f.back.as_deref().filter(|b| portal_path(b)).unwrap_or("/portal");
    let mut resp = Redirect::to(back).into_response();
    resp.headers_mut().append(header::SET_COOKIE, language_cookie_header(&state.config, chosen));
    Ok(resp)
}

/// Only a portal page of this site: never another host (`//evil.example`).
fn portal_path(back: &str) -> bool {
    (back == "/portal" || back.starts_with("/portal/"))
        && !back.contains("//")
        && !back.contains('\\')
        && !back.contains(['\r', '\n'])
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_switcher_returns_only_to_portal_pages() {
        assert!(super::portal_path("/portal/diary"));
        assert!(super::portal_path("/portal"));
        for no in ["//evil.example", "/portal//evil.example", "/clients", "/portalx", "/portal/\\evil", "https://x"] {
            assert!(!super::portal_path(no), "{no}");
        }
    }
}
