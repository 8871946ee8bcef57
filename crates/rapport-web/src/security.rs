//! Browser-facing protections: security headers on every response and CSRF
//! checks on every state-changing request outside the bearer-token API.

use crate::cookies::CookieNames;
use crate::identity::cookie;

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use rapport_app::caller::Identity;
use rapport_app::AppState;

/// No inline script or style anywhere; `data:` images only for Pico's form icons.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
     font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

pub async fn headers(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let forwarded_https = state.config.trust_proxy
        && req.headers().get("x-forwarded-proto").and_then(|v| v.to_str().ok()) == Some("https");
    let is_api = crate::identity::is_token_path(req.uri().path());
    let mut resp = next.run(req).await;
    let h = resp.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    // `same-origin`, not `no-referrer`: with no-referrer browsers send `Origin: null`
    // on form posts, which would defeat the Origin check below.
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    h.insert("cross-origin-opener-policy", HeaderValue::from_static("same-origin"));
    h.insert("permissions-policy", HeaderValue::from_static("camera=(), microphone=(), geolocation=()"));
    if !h.contains_key(header::CACHE_CONTROL) {
        // Clinical pages must not linger in shared or back-button caches.
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if is_api {
        h.remove(header::X_FRAME_OPTIONS);
    }
    if state.config.https() || forwarded_https {
        h.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=63072000; includeSubDomains"));
    }
    resp
}

/// Largest form body read for the CSRF check: the same limit as every route.
const MAX_FORM_BYTES: usize = crate::limits::MAX_BODY_BYTES;

/// The refusal page, in the reader's language; `reason` is a message id.
fn rejected(reason: &'static str) -> Response {
    tracing::warn!(reason, "CSRF check failed");
    let tr = rapport_i18n::current();
    let page =
        crate::html::error_page::ErrorPage::new(StatusCode::FORBIDDEN, tr.ta("csrf-refused", "reason", tr.t(reason)));
    (StatusCode::FORBIDDEN, Html(page.render_html())).into_response()
}

/// Defence in depth: `Sec-Fetch-Site`/`Origin` must be same-origin, and the
/// request must carry the synchronizer token (form field `csrf` or header
/// `X-CSRF-Token`): the session's token when signed in, otherwise the
/// `rapport_csrf` cookie's value (double submit, for the login and setup forms).
pub async fn csrf(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let unsafe_method = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if !unsafe_method || crate::identity::is_token_path(req.uri().path()) {
        return next.run(req).await;
    }
    let h = req.headers();
    if let Some(site) = h.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        if site != "same-origin" && site != "none" {
            return rejected(rapport_i18n::msg("csrf-other-site"));
        }
    }
    if let Some(origin) = h.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        let host = h.get(header::HOST).and_then(|v| v.to_str().ok()).unwrap_or_default();
        let origin_host = origin.split_once("://").map(|(_, rest)| rest).unwrap_or(origin);
        let fetch_same_origin = h.get("sec-fetch-site").is_some_and(|v| v == "same-origin");
        // Behind a reverse proxy the Host header may be the upstream address;
        // the configured public URL is then the origin browsers send.
        let public = state.config.public_url.as_deref().map(|u| u.trim_end_matches('/'));
        let matches = origin_host == host || public == Some(origin);
        if (origin == "null" && !fetch_same_origin) || (origin != "null" && !matches) {
            return rejected(rapport_i18n::msg("csrf-other-site"));
        }
    }
    let expected = match req.extensions().get::<Identity>() {
        Some(id) => Some(id.csrf().to_string()),
        None => cookie(h, state.config.csrf_cookie()).map(str::to_string),
    };
    let Some(expected) = expected.filter(|e| !e.is_empty()) else {
        return rejected(rapport_i18n::msg("csrf-expired"));
    };
    if let Some(sent) = h.get("x-csrf-token").and_then(|v| v.to_str().ok()) {
        return if constant_time_eq(sent, &expected) {
            next.run(req).await
        } else {
            rejected(rapport_i18n::msg("csrf-expired"))
        };
    }
    let content_type = h.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let is_form = content_type.starts_with("application/x-www-form-urlencoded");
    // The one form that sends a file (a session recording) posts multipart;
    // elsewhere a multipart body is refused before it is read.
    let multipart =
        crate::html::multipart::boundary(content_type).filter(|_| req.uri().path().ends_with("/recordings"));
    if !is_form && multipart.is_none() {
        return rejected(rapport_i18n::msg("csrf-expired"));
    }
    let limit =
        if multipart.is_some() { rapport_app::recordings::MAX_RECORDING_BYTES + 64 * 1024 } else { MAX_FORM_BYTES };
    let (parts, body) = req.into_parts();
    let bytes = match to_bytes(body, limit).await {
        Ok(b) => b,
        Err(_) => return (StatusCode::PAYLOAD_TOO_LARGE, rapport_i18n::current().t("csrf-too-large")).into_response(),
    };
    let sent = match &multipart {
        Some(b) => crate::html::multipart::parse(bytes.clone(), b)
            .await
            .and_then(|p| crate::html::multipart::text(&p, "csrf").map(str::to_string)),
        None => form_urlencoded_value(&bytes, "csrf"),
    };
    if !sent.is_some_and(|s| constant_time_eq(&s, &expected)) {
        return rejected(rapport_i18n::msg("csrf-expired"));
    }
    next.run(Request::from_parts(parts, Body::from(bytes))).await
}

fn form_urlencoded_value(body: &[u8], key: &str) -> Option<String> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(body)
        .ok()?
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
}

fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A `Set-Cookie` value: always `Path=/` and `HttpOnly`, `Secure` behind HTTPS;
/// `max_age` of `None` makes a browser-session cookie, `Some(0)` clears it.
fn cookie_header(state: &AppState, name: &str, value: &str, same_site: &str, max_age: Option<i64>) -> HeaderValue {
    let secure = if state.config.https() { "; Secure" } else { "" };
    let max_age = max_age.map(|s| format!("; Max-Age={s}")).unwrap_or_default();
    HeaderValue::from_str(&format!("{name}={value}; Path=/; HttpOnly; SameSite={same_site}{max_age}{secure}"))
        .expect("valid cookie")
}

/// `Set-Cookie` for the pre-login CSRF cookie.
pub fn csrf_cookie_header(state: &AppState, value: &str) -> HeaderValue {
    cookie_header(state, state.config.csrf_cookie(), value, "Strict", None)
}

pub fn session_cookie_header(state: &AppState, value: &str) -> HeaderValue {
    cookie_header(state, state.config.session_cookie(), value, "Lax", None)
}

/// The pending second step of a sign-in (`max_age` seconds; 0 clears it).
pub fn mfa_cookie_header(state: &AppState, value: &str, max_age: i64) -> HeaderValue {
    cookie_header(state, state.config.mfa_cookie(), value, "Strict", Some(max_age))
}

/// The remembered-device cookie, kept as long as the device is remembered.
pub fn device_cookie_header(state: &AppState, value: &str) -> HeaderValue {
    let max_age = rapport_core::session::REMEMBERED_DEVICE_LIFETIME.whole_seconds();
    cookie_header(state, state.config.device_cookie(), value, "Lax", Some(max_age))
}

pub fn clear_session_cookie(state: &AppState) -> HeaderValue {
    cookie_header(state, state.config.session_cookie(), "", "Lax", Some(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_form_fields() {
        assert_eq!(form_urlencoded_value(b"a=1&csrf=abc%2B&b=2", "csrf").as_deref(), Some("abc+"));
        assert_eq!(form_urlencoded_value(b"a=1", "csrf"), None);
    }

    #[test]
    fn compares_tokens() {
        assert!(constant_time_eq("abc", "abc"));
        assert!(!constant_time_eq("abc", "abd"));
        assert!(!constant_time_eq("abc", "ab"));
    }
}
