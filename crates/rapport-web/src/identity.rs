//! Who is calling: resolved once per request from the session cookie (browser)
//! or the bearer token (API), and handed to handlers through extractors.

use crate::cookies::CookieNames;
use crate::error::{ApiError, AppError};
use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::{header, request::Parts, HeaderMap};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use rapport_app::caller::{AuthKind, Identity, RequestMeta};
use rapport_app::kiosk::kiosk_may_use;
use rapport_app::AppState;
use std::net::SocketAddr;

pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// Paths called with a bearer token instead of a session cookie: the JSON
/// API and the FHIR face.
pub fn is_token_path(path: &str) -> bool {
    path.starts_with("/api/") || path.starts_with("/fhir/")
}

/// Why a token request on a FHIR path was refused before its handler ran:
/// the face answers it in its own format (an `OperationOutcome`).
#[derive(Clone, Debug)]
pub struct TokenRefusal(pub AppError);

fn bearer(headers: &HeaderMap) -> Option<&str> {
    let v = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = v.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

fn request_meta(state: &AppState, req: &Request) -> RequestMeta {
    let peer = req.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip().to_string());
    let forwarded = state
        .config
        .trust_proxy
        .then(|| req.headers().get("x-forwarded-for").and_then(|v| v.to_str().ok()))
        .flatten()
        // The rightmost address is the one our own proxy appended; anything to its
        // left came from the client and could be forged.
        .and_then(|v| v.rsplit(',').next())
        .and_then(|s| s.trim().parse::<std::net::IpAddr>().ok())
        .map(|ip| ip.to_string());
    let ua = req.headers().get(header::USER_AGENT).and_then(|v| v.to_str().ok()).map(|s| s.chars().take(300).collect());
    RequestMeta { ip: forwarded.or(peer), user_agent: ua }
}

/// Middleware: attaches `RequestMeta` and, when the caller is signed in,
/// `Identity`. Expired sessions are deleted here (idle and absolute limits).
pub async fn resolve(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let meta = request_meta(&state, &req);
    let path = req.uri().path();
    // Static files and health checks never need to know who is asking: no
    // session query for each stylesheet and script a page loads.
    if path.starts_with("/static/") || path == "/healthz" || path == "/readyz" {
        req.extensions_mut().insert(meta);
        return next.run(req).await;
    }
    let is_api = is_token_path(path);
    let is_fhir = is_api && !path.starts_with("/api/");
    // Kiosk mode: a browser session locked to one client's questionnaires
    // reaches only the kiosk pages. The API refuses a request carrying that
    // session cookie even with a bearer token (the tablet is the client's now).
    if is_api {
        if let Some(sid) = cookie(req.headers(), state.config.session_cookie()) {
            match rapport_app::caller::session_caller(&state, sid, &meta).await {
                Ok(Some(id)) if id.kiosk_client().is_some() => {
                    if is_fhir {
                        req.extensions_mut().insert(TokenRefusal(kiosk_api_error()));
                        return next.run(req).await;
                    }
                    return kiosk_refusal(true);
                }
                Ok(_) => {}
                Err(e) if is_fhir => {
                    req.extensions_mut().insert(TokenRefusal(e.into()));
                    return next.run(req).await;
                }
                Err(e) => return ApiError::from(e).into_response(),
            }
        }
    }
    // A SMART backend-services access token: a machine client, known only to the FHIR face.
    if is_fhir {
        if let Some(token) = bearer(req.headers()).filter(|t| t.starts_with(rapport_app::machine::TOKEN_PREFIX)) {
            match rapport_app::machine::system_caller(&state, token, &meta).await {
                Ok(caller) => {
                    req.extensions_mut().insert(caller);
                }
                Err(e) => {
                    req.extensions_mut().insert(TokenRefusal(e.into()));
                }
            }
            req.extensions_mut().insert(meta);
            return next.run(req).await;
        }
    }
    let identity = if is_api {
        match bearer(req.headers()) {
            Some(token) => {
                match rapport_app::caller::token_caller(&state, token, &meta, client_read_about(&req).as_ref()).await {
                    Ok(id) => id,
                    Err(e) if is_fhir => {
                        req.extensions_mut().insert(TokenRefusal(e.into()));
                        return next.run(req).await;
                    }
                    Err(e) => return ApiError::from(e).into_response(),
                }
            }
            None => None,
        }
    } else {
        match cookie(req.headers(), state.config.session_cookie()) {
            Some(sid) => match rapport_app::caller::session_caller(&state, sid, &meta).await {
                Ok(id) => id,
                Err(e) => return AppError::from(e).into_response(),
            },
            None => None,
        }
    };
    if identity.as_ref().is_some_and(|id| id.kiosk_client().is_some()) && !kiosk_may_use(req.uri().path()) {
        return kiosk_refusal(false);
    }
    req.extensions_mut().insert(meta);
    if let Some(id) = identity {
        req.extensions_mut().insert(id);
    }
    next.run(req).await
}

/// The client a read is about, so the token check can read it in the same
/// query: `GET /api/v1/clients/{id}` and the addresses under it, FHIR's
/// `Patient/{id}`, and a FHIR search by `patient` or `subject`. Reads only: a
/// handler that writes loads the client again after its change.
fn client_read_about(req: &Request) -> Option<rapport_core::Id> {
    if req.method() != axum::http::Method::GET {
        return None;
    }
    let path = req.uri().path();
    let id =
        if let Some(rest) = path.strip_prefix("/api/v1/clients/").or_else(|| path.strip_prefix("/fhir/r4/Patient/")) {
            rest.split('/').next()?
        } else if path.starts_with("/fhir/r4/") {
            let (_, value) = req
                .uri()
                .query()?
                .split('&')
                .filter_map(|pair| pair.split_once('='))
                .find(|(key, _)| *key == "patient" || *key == "subject")?;
            value.strip_prefix("Patient/").or_else(|| value.strip_prefix("Patient%2F")).unwrap_or(value)
        } else {
            return None;
        };
    rapport_core::Id::parse(id)
}

fn kiosk_api_error() -> AppError {
    AppError::Forbidden("This browser session is in kiosk mode: the clinician's PIN unlocks it at /kiosk/unlock".into())
}

/// A locked (kiosk) session asked for another address: pages go back to the
/// kiosk (303, so a refused form post becomes a plain visit); the API answers
/// 403 with the reason.
fn kiosk_refusal(api: bool) -> Response {
    if api {
        return ApiError(kiosk_api_error()).into_response();
    }
    axum::response::Redirect::to("/kiosk").into_response()
}

/// Extractor: a signed-in browser user (otherwise redirect to the login page).
pub struct SignedIn(pub Identity);

impl<S: Send + Sync> FromRequestParts<S> for SignedIn {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        match parts.extensions.get::<Identity>() {
            Some(id @ Identity { auth: AuthKind::Session { .. }, .. }) => Ok(SignedIn(id.clone())),
            _ => Err(AppError::Unauthenticated),
        }
    }
}

/// Extractor: an API caller with a valid bearer token (otherwise 401 JSON).
pub struct ApiCaller(pub Identity);

impl<S: Send + Sync> FromRequestParts<S> for ApiCaller {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        match parts.extensions.get::<Identity>() {
            Some(id @ Identity { auth: AuthKind::Token { .. }, .. }) => Ok(ApiCaller(id.clone())),
            _ => Err(ApiError(AppError::Unauthenticated)),
        }
    }
}

/// Extractor: request metadata for anonymous handlers.
pub struct Meta(pub RequestMeta);

impl<S: Send + Sync> FromRequestParts<S> for Meta {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Meta(parts.extensions.get::<RequestMeta>().cloned().unwrap_or_default()))
    }
}
