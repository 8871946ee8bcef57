//! Translated text for the web faces: the Fluent messages of `locales/`
//! (embedded at compile time, English the fallback) and the language of the
//! current request, negotiated once per request by [`negotiate`] and read by
//! templates through [`Tr`] (docs/i18n.md).

use crate::cookies::CookieNames;
use crate::identity::cookie;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use rapport_app::caller::Identity;
use rapport_app::AppState;
use rapport_core::language::{self, Preferences};

pub use rapport_i18n::{current, msg, Arg, Tr, AVAILABLE, SHIPPED};

/// Remembers an anonymous visitor's choice of language (no account to save it in).
pub fn language_cookie(config: &rapport_app::Config) -> &'static str {
    if config.https() {
        "__Host-rapport_language"
    } else {
        "rapport_language"
    }
}

/// The `Set-Cookie` header that remembers `language` for a year.
pub fn language_cookie_header(config: &rapport_app::Config, language: &str) -> HeaderValue {
    let secure = if config.https() { "; Secure" } else { "" };
    let value =
        format!("{}={language}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax{secure}", language_cookie(config));
    HeaderValue::from_str(&value).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// An instant in the current request's language and the organisation's
/// local time: "4 Dec 2026, 14:05", "4 dic 2026, 14:05".
pub fn show(t: impl rapport_app::clock::Instant) -> String {
    current().date_time(rapport_app::clock::zone().local(t.instant()))
}

/// An optional instant (empty when absent), as [`show`].
pub fn show_opt(t: Option<impl rapport_app::clock::Instant>) -> String {
    t.map(show).unwrap_or_default()
}

/// A calendar day in the current request's language, short form: "4 Dec 2026".
pub fn day(d: time::Date) -> String {
    current().date(d)
}

/// A calendar day in the current request's language, long form: "Friday 4 December 2026".
pub fn long_day(d: time::Date) -> String {
    current().long_date(d)
}

/// Middleware: chooses the request's language (the account's saved language,
/// an anonymous visitor's cookie, `Accept-Language`, the organisation's
/// default) and runs the request with it, so every page frame has it without
/// each handler passing it along. Runs after `identity::resolve`.
pub async fn negotiate(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let organisation = state.organisation().await.map(|o| o.default_language).unwrap_or_else(|_| "en".into());
    let headers = req.headers();
    let account = req.extensions().get::<Identity>().and_then(|me| me.user.language.clone());
    let site = req.extensions().get::<Identity>().and_then(|me| me.user.site_id.clone());
    let adaptation = rapport_app::adaptations::for_site(&state, site.as_ref()).await;
    let prefs = Preferences {
        account: account.as_deref(),
        chosen: cookie(headers, language_cookie(&state.config)),
        accept_language: headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()),
        organisation: &organisation,
    };
    let mut tr = Tr::new(language::negotiate(&prefs, &AVAILABLE)).adapted(adaptation);
    if req.method() == axum::http::Method::GET {
        tr = tr.returning_to(req.uri().path());
    }
    let lang = tr.lang();
    let mut resp = rapport_i18n::in_language(tr, next.run(req)).await;
    resp.headers_mut().insert(header::CONTENT_LANGUAGE, HeaderValue::from_static(lang));
    resp.headers_mut().append(header::VARY, HeaderValue::from_static("Accept-Language"));
    resp
}
