//! Who is calling: resolved once per request from the session cookie (browser)
//! or the bearer token (API), and handed to handlers through extractors.

use crate::error::{ApiError, AppError};
use crate::state::AppState;
use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::{header, request::Parts, HeaderMap};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use rand::RngCore;
use rapport_core::access::Actor;
use rapport_core::audit::{AuditEvent, Outcome};
use rapport_core::session::{self, SessionState};
use rapport_core::Timestamp;
use rapport_store::users::User;
use sha2::{Digest, Sha256};
use std::net::SocketAddr;

/// Random secret: 32 bytes (256 bits) from the OS CSPRNG, hex-encoded.
pub fn new_secret() -> String {
    let mut b = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut b);
    hex::encode(b)
}

/// Secrets (session ids, tokens, setup links) are stored only as SHA-256.
pub fn secret_hash(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// Where the request came from, for the audit log.
#[derive(Clone, Debug, Default)]
pub struct RequestMeta {
    pub ip: Option<String>,
    pub user_agent: Option<String>,
}

#[derive(Clone, Debug)]
pub enum AuthKind {
    Session { id_hash: String, csrf: String },
    Token { id: rapport_core::Id, name: String },
}

#[derive(Clone, Debug)]
pub struct Identity {
    pub user: User,
    pub auth: AuthKind,
    pub meta: RequestMeta,
}

impl Identity {
    pub fn actor(&self) -> Actor {
        Actor { role: self.user.role, practises: self.user.practises }
    }

    pub fn csrf(&self) -> &str {
        match &self.auth {
            AuthKind::Session { csrf, .. } => csrf,
            AuthKind::Token { .. } => "",
        }
    }

    pub fn session_hash(&self) -> Option<&str> {
        match &self.auth {
            AuthKind::Session { id_hash, .. } => Some(id_hash),
            AuthKind::Token { .. } => None,
        }
    }

    /// An audit event by this person; fill in the resource and outcome.
    pub fn event(&self, action: &str, resource_type: &str) -> AuditEvent {
        let label = match &self.auth {
            AuthKind::Session { .. } => self.user.email.clone(),
            AuthKind::Token { name, .. } => format!("{} (API token \"{name}\")", self.user.email),
        };
        AuditEvent {
            actor_id: Some(self.user.id.to_string()),
            actor_label: label,
            action: action.into(),
            resource_type: resource_type.into(),
            ip: self.meta.ip.clone(),
            user_agent: self.meta.user_agent.clone(),
            outcome: Outcome::Success.as_str().into(),
            ..Default::default()
        }
    }
}

impl RequestMeta {
    /// An event with no signed-in actor (failed logins, setup).
    pub fn event(&self, actor_label: &str, action: &str, resource_type: &str, outcome: Outcome) -> AuditEvent {
        AuditEvent {
            actor_label: actor_label.into(),
            action: action.into(),
            resource_type: resource_type.into(),
            ip: self.ip.clone(),
            user_agent: self.user_agent.clone(),
            outcome: outcome.as_str().into(),
            ..Default::default()
        }
    }
}

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
    let is_api = path.starts_with("/api/");
    let identity = if is_api {
        match bearer(req.headers()) {
            Some(token) => match from_token(&state, token, &meta).await {
                Ok(id) => id,
                Err(e) => return ApiError(e).into_response(),
            },
            None => None,
        }
    } else {
        match cookie(req.headers(), state.config.session_cookie()) {
            Some(sid) => match from_session(&state, sid, &meta).await {
                Ok(id) => id,
                Err(e) => return e.into_response(),
            },
            None => None,
        }
    };
    req.extensions_mut().insert(meta);
    if let Some(id) = identity {
        req.extensions_mut().insert(id);
    }
    next.run(req).await
}

async fn from_session(state: &AppState, sid: &str, meta: &RequestMeta) -> Result<Option<Identity>, AppError> {
    let id_hash = secret_hash(sid);
    let Some((row, user)) = state.store.session_with_user(&id_hash).await? else { return Ok(None) };
    if !user.active {
        state.store.end_session(&user.id, &id_hash, None).await?;
        return Ok(None);
    }
    let policy = state.organisation().await?.session_policy();
    let now = Timestamp::now();
    match session::state(&policy, row.created_at, row.last_seen_at, now) {
        SessionState::Valid { needs_touch } => {
            if needs_touch {
                state.store.touch_session(&id_hash, now).await?;
            }
            Ok(Some(Identity { user, auth: AuthKind::Session { id_hash, csrf: row.csrf_token }, meta: meta.clone() }))
        }
        SessionState::IdleExpired | SessionState::LifetimeExpired => {
            state.store.end_session(&user.id, &id_hash, None).await?;
            Ok(None)
        }
    }
}

async fn from_token(state: &AppState, token: &str, meta: &RequestMeta) -> Result<Option<Identity>, AppError> {
    let Some((row, user)) = state.store.token_with_user(&secret_hash(token)).await? else {
        return Err(AppError::Unauthenticated);
    };
    if !user.active {
        return Err(AppError::Unauthenticated);
    }
    let now = Timestamp::now();
    if row.last_used_at.is_none_or(|t| now.since(t) >= session::TOUCH_INTERVAL) {
        state.store.touch_token(&row.id, now).await?;
    }
    Ok(Some(Identity { user, auth: AuthKind::Token { id: row.id, name: row.name }, meta: meta.clone() }))
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
