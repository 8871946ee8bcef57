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
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use rapport_app::caller::Identity;
use rapport_app::AppState;
use rapport_core::language::{self, Preferences};
use std::borrow::Cow;
use std::collections::HashMap;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "../../locales",
        fallback_language: "en",
        // Unicode isolation marks around arguments would end up in attributes
        // and tests; the pages set `dir` themselves.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The languages shipped complete, with their own names (the switcher lists these).
pub const SHIPPED: [(&str, &str); 3] = [("en", "English"), ("es", "Español"), ("fr", "Français")];

/// Every language the interface can be shown in: the shipped ones, then the
/// generated test locales (pseudo-accented and pseudo right-to-left), which
/// are chosen only by their exact tag.
pub const AVAILABLE: [&str; 5] = ["en", "es", "fr", "en-XA", "ar-XB"];

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

/// Message lookup in one language, handed to templates (`{{ tr.t("sign-in") }}`).
#[derive(Clone, Debug)]
pub struct Tr {
    code: &'static str,
    id: LanguageIdentifier,
    /// The page the switcher returns to: the request's path when it was a
    /// GET (a re-rendered form's POST address may have no page), else "/".
    here: String,
}

impl Default for Tr {
    fn default() -> Self {
        Tr::new("en")
    }
}

impl Tr {
    /// `code` must be one of [`AVAILABLE`]; anything else is English.
    pub fn new(code: &str) -> Tr {
        let code = AVAILABLE.iter().find(|a| a.eq_ignore_ascii_case(code)).copied().unwrap_or("en");
        Tr { code, id: code.parse().unwrap_or_default(), here: "/".into() }
    }

    /// The page the language switcher comes back to.
    pub fn here(&self) -> &str {
        &self.here
    }

    /// The message `id` (English when this language lacks it).
    pub fn t(&self, id: &str) -> String {
        LOCALES.lookup(&self.id, id)
    }

    /// The message `id` with one argument (`{ $name }`): plurals and other
    /// choices are the message's Fluent selectors, never put together here.
    pub fn ta(&self, id: &str, name: &'static str, value: impl Arg) -> String {
        let args = HashMap::from([(Cow::Borrowed(name), value.fluent())]);
        LOCALES.lookup_with_args(&self.id, id, &args)
    }

    /// The language tag for `<html lang>`.
    pub fn lang(&self) -> &'static str {
        self.code
    }

    /// `rtl` for right-to-left scripts, else `ltr` (for `<html dir>`).
    pub fn dir(&self) -> &'static str {
        if language::is_right_to_left(self.code) {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// The shipped languages for the switcher: (tag, own name, is this one).
    pub fn choices(&self) -> Vec<(&'static str, &'static str, bool)> {
        SHIPPED.iter().map(|(code, name)| (*code, *name, *code == self.code)).collect()
    }
}

/// Marks a message id chosen in code before it is looked up (a table of
/// notices, say), so scripts/check-messages.py sees it used.
pub const fn msg(id: &'static str) -> &'static str {
    id
}

/// A value a message argument can take.
pub trait Arg {
    fn fluent(&self) -> FluentValue<'static>;
}

impl Arg for i64 {
    fn fluent(&self) -> FluentValue<'static> {
        FluentValue::from(*self)
    }
}

impl Arg for str {
    fn fluent(&self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}

impl Arg for String {
    fn fluent(&self) -> FluentValue<'static> {
        FluentValue::from(self.clone())
    }
}

impl<T: Arg + ?Sized> Arg for &T {
    fn fluent(&self) -> FluentValue<'static> {
        (**self).fluent()
    }
}

tokio::task_local! {
    static CURRENT: Tr;
}

/// The language of the current request (English outside one).
pub fn current() -> Tr {
    CURRENT.try_with(Tr::clone).unwrap_or_default()
}

/// Middleware: chooses the request's language (the account's saved language,
/// an anonymous visitor's cookie, `Accept-Language`, the organisation's
/// default) and runs the request with it, so every page frame has it without
/// each handler passing it along. Runs after `identity::resolve`.
pub async fn negotiate(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let organisation = state.organisation().await.map(|o| o.default_language).unwrap_or_else(|_| "en".into());
    let headers = req.headers();
    let account = req.extensions().get::<Identity>().and_then(|me| me.user.language.clone());
    let prefs = Preferences {
        account: account.as_deref(),
        chosen: cookie(headers, language_cookie(&state.config)),
        accept_language: headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()),
        organisation: &organisation,
    };
    let mut tr = Tr::new(language::negotiate(&prefs, &AVAILABLE));
    if req.method() == axum::http::Method::GET {
        tr.here = req.uri().path().to_string();
    }
    let lang = tr.lang();
    let mut resp = CURRENT.scope(tr, next.run(req)).await;
    resp.headers_mut().insert(header::CONTENT_LANGUAGE, HeaderValue::from_static(lang));
    resp.headers_mut().append(header::VARY, HeaderValue::from_static("Accept-Language"));
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_available_language_has_the_frame_messages() {
        for code in AVAILABLE {
            let tr = Tr::new(code);
            assert_eq!(tr.lang(), code);
            assert!(LOCALES.try_lookup(&tr.id, "sign-in").is_some(), "{code} lacks sign-in");
        }
        assert_eq!(Tr::new("es").t("sign-in"), "Iniciar sesión");
        assert_eq!(Tr::new("xx").lang(), "en");
    }

    #[test]
    fn plurals_come_from_the_message() {
        let en = Tr::new("en");
        assert!(en.ta("risk-flags-open", "count", 1i64).starts_with("1 risk flag on"));
        assert!(en.ta("risk-flags-open", "count", 3i64).starts_with("3 risk flags"));
        assert!(Tr::new("fr").ta("risk-flags-open", "count", 2i64).starts_with("2 alertes"));
    }

    #[test]
    fn the_right_to_left_test_locale_says_so() {
        assert_eq!(Tr::new("ar-XB").dir(), "rtl");
        assert_eq!(Tr::new("en-XA").dir(), "ltr");
    }
}
