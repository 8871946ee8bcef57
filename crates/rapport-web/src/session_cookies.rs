//! The HTTP side of signing in, shared by the staff pages and the client
//! portal (not a face): the CSRF cookie of anonymous forms, the remembered
//! device and second-step cookies read into hashes for `rapport_app::auth`,
//! and a started session, a refusal or a forced sign-out turned into a response.

use crate::cookies::CookieNames;
use crate::error::AppResult;
use crate::identity::cookie;
use crate::security::session_cookie_header;
use crate::security::{clear_session_cookie, csrf_cookie_header, device_cookie_header, mfa_cookie_header};
use axum::extract::FromRequestParts;
use axum::http::{header, request::Parts, HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use rapport_app::auth::second_step::CHALLENGE_SECONDS;
use rapport_app::auth::{self, Credentials, Refusal, SignIn, Started};
use rapport_app::caller::{new_secret, secret_hash, Identity, RequestMeta};
use rapport_app::AppState;
use rapport_core::access::Role;
use std::future::Future;

/// The pre-login CSRF value: the existing cookie, or a new one to set.
pub fn anonymous_csrf(state: &AppState, headers: &HeaderMap) -> (String, Option<HeaderValue>) {
    match cookie(headers, state.config.csrf_cookie()) {
        Some(v) if v.len() == 64 => (v.to_string(), None),
        _ => {
            let v = new_secret();
            let h = csrf_cookie_header(state, &v);
            (v, Some(h))
        }
    }
}

pub fn with_cookie(body: impl IntoResponse, set: Option<HeaderValue>) -> Response {
    let mut resp = body.into_response();
    if let Some(c) = set {
        resp.headers_mut().append(header::SET_COOKIE, c);
    }
    resp
}

/// What the handlers of a sign-in page need from the request: the state,
/// whether someone is signed in already, where the request came from and its
/// cookies.
pub struct SignInRequest {
    pub state: AppState,
    pub signed_in: bool,
    pub meta: RequestMeta,
    pub headers: HeaderMap,
}

impl FromRequestParts<AppState> for SignInRequest {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        Ok(SignInRequest {
            state: state.clone(),
            signed_in: parts.extensions.get::<Identity>().is_some(),
            meta: parts.extensions.get::<RequestMeta>().cloned().unwrap_or_default(),
            headers: parts.headers.clone(),
        })
    }
}

impl SignInRequest {
    /// The page's form: home when signed in already, otherwise `page(csrf)`
    /// with the CSRF cookie set when it is new.
    pub async fn form<Fut>(&self, page: impl FnOnce(String) -> Fut) -> AppResult<Response>
    where
        Fut: Future<Output = AppResult<Html<String>>>,
    {
        if self.signed_in {
            return Ok(Redirect::to("/").into_response());
        }
        self.anonymous(page).await
    }

    /// `page(csrf)`, signed in or not, with the CSRF cookie set when it is new.
    pub async fn anonymous<Fut>(&self, page: impl FnOnce(String) -> Fut) -> AppResult<Response>
    where
        Fut: Future<Output = AppResult<Html<String>>>,
    {
        let (csrf, set) = anonymous_csrf(&self.state, &self.headers);
        Ok(with_cookie(page(csrf).await?, set))
    }

    /// The posted e-mail and password: signed in (or on to the second step),
    /// or `page(csrf, email, message)` again with the refusal's status.
    pub async fn sign_in<Fut>(
        &self,
        credentials: &Credentials,
        page: impl FnOnce(String, String, Refusal) -> Fut,
    ) -> AppResult<Response>
    where
        Fut: Future<Output = AppResult<Html<String>>>,
    {
        let (state, device) = (&self.state, device_hash(&self.state, &self.headers));
        match follow(state, auth::sign_in(state, &self.meta, device.as_deref(), credentials).await?) {
            Ok(resp) => Ok(resp),
            Err(refusal) => {
                let (csrf, _) = anonymous_csrf(state, &self.headers);
                Ok(refused(&refusal, page(csrf, credentials.email(), refusal.clone()).await?))
            }
        }
    }

    /// The hash of the remembered-device cookie, if the request carries one.
    pub fn device(&self) -> Option<String> {
        device_hash(&self.state, &self.headers)
    }
}

/// The hash of the remembered-device cookie this request carries, if any.
pub fn device_hash(state: &AppState, headers: &HeaderMap) -> Option<String> {
    cookie(headers, state.config.device_cookie()).filter(|v| v.len() == 64).map(secret_hash)
}

/// The hash of the second-step (challenge) cookie, if the request carries one.
pub fn challenge_hash(state: &AppState, headers: &HeaderMap) -> Option<String> {
    cookie(headers, state.config.mfa_cookie()).map(secret_hash)
}

/// A started session: to the home page with the session cookie (and the
/// remembered-device cookie when the browser is new to the account).
pub fn started(state: &AppState, s: Started) -> Response {
    let mut resp = Redirect::to("/").into_response();
    resp.headers_mut().append(header::SET_COOKIE, session_cookie_header(state, &s.session));
    if let Some(token) = s.new_device {
        resp.headers_mut().append(header::SET_COOKIE, device_cookie_header(state, &token));
    }
    resp
}

/// A sign-in's response: signed in, or on to the second step; a refusal is
/// the sign-in page's to show (with `refused`).
pub fn follow(state: &AppState, outcome: SignIn) -> Result<Response, Refusal> {
    match outcome {
        SignIn::Started(s) => Ok(started(state, s)),
        SignIn::SecondStep { challenge } => {
            let mut resp = Redirect::to("/login/verify").into_response();
            resp.headers_mut().append(header::SET_COOKIE, mfa_cookie_header(state, &challenge, CHALLENGE_SECONDS));
            Ok(resp)
        }
        SignIn::Refused(r) => Err(r),
    }
}

/// The sign-in page (re-rendered with the refusal's message) with the
/// refusal's status, and `Retry-After` when throttled.
pub fn refused(refusal: &Refusal, page: Html<String>) -> Response {
    let status = match refusal {
        Refusal::Incomplete => StatusCode::UNPROCESSABLE_ENTITY,
        Refusal::WrongPassword | Refusal::WrongCode => StatusCode::UNAUTHORIZED,
        Refusal::Throttled { .. } => StatusCode::TOO_MANY_REQUESTS,
    };
    let mut resp = (status, page).into_response();
    if let Refusal::Throttled { retry_after_secs, .. } = refusal {
        resp.headers_mut().insert(header::RETRY_AFTER, (*retry_after_secs).into());
    }
    resp
}

/// Too many wrong current passwords ended `me`'s session: to the sign-in page
/// they use, with the session cookie cleared.
pub fn signed_out_after_reauth(state: &AppState, me: &Identity) -> Response {
    let to =
        if me.user.role == Role::Client { "/portal/login?done=reauth-failed" } else { "/login?done=reauth-failed" };
    let mut resp = Redirect::to(to).into_response();
    resp.headers_mut().append(header::SET_COOKIE, clear_session_cookie(state));
    resp
}
