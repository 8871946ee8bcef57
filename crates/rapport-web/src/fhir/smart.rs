//! SMART Backend Services at the FHIR base: the discovery document and the
//! token endpoint (client-credentials grant with a signed JWT assertion).
//! The grant itself is `rapport_app::machine::issue_token`; this parses the
//! form and answers in OAuth's JSON.

use super::wire::base_url;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use rapport_app::caller::RequestMeta;
use rapport_app::machine::{issue_token, TokenRequest};
use rapport_app::AppState;
use serde_json::{json, Value};

/// The token endpoint's address under the base; assertions name it as `aud`.
pub fn token_url(base: &str) -> String {
    format!("{base}/auth/token")
}

fn oauth_json(status: StatusCode, body: &Value) -> Response {
    let mut resp = (status, body.to_string()).into_response();
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
    resp
}

/// `GET /fhir/r4/.well-known/smart-configuration` (public).
pub async fn configuration(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let base = base_url(&state, &headers);
    oauth_json(
        StatusCode::OK,
        &json!({
            "token_endpoint": token_url(&base),
            "grant_types_supported": ["client_credentials"],
            "token_endpoint_auth_methods_supported": ["private_key_jwt"],
            "token_endpoint_auth_signing_alg_values_supported": ["RS384", "ES384"],
            "scopes_supported": std::iter::once("system/*.read".to_string())
                .chain(rapport_core::smart::SYSTEM_TYPES.iter().map(|t| format!("system/{t}.read")))
                .collect::<Vec<_>>(),
            "capabilities": ["client-confidential-asymmetric", "permission-v1", "permission-v2"],
        }),
    )
}

/// `POST /fhir/r4/auth/token`: an access token, or an OAuth error (400, or 401 for `invalid_client`).
pub async fn token(
    State(state): State<AppState>,
    headers: HeaderMap,
    meta: Option<axum::Extension<RequestMeta>>,
    body: Bytes,
) -> Response {
    let meta = meta.map(|m| m.0).unwrap_or_default();
    let form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    let req: Option<TokenRequest> = if form { serde_urlencoded::from_bytes(&body).ok() } else { None };
    let Some(req) = req else {
        return oauth_json(
            StatusCode::BAD_REQUEST,
            &json!({ "error": "invalid_request",
                     "error_description": "Post the request as application/x-www-form-urlencoded." }),
        );
    };
    let url = token_url(&base_url(&state, &headers));
    match issue_token(&state, &req, &url, &meta).await {
        Ok(issued) => oauth_json(
            StatusCode::OK,
            &json!({
                "access_token": issued.access_token,
                "token_type": "bearer",
                "expires_in": issued.expires_in,
                "scope": issued.scope,
            }),
        ),
        Err(e) => {
            let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::BAD_REQUEST);
            let mut resp = oauth_json(status, &json!({ "error": e.error, "error_description": e.description }));
            if status == StatusCode::UNAUTHORIZED {
                resp.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            }
            resp
        }
    }
}
