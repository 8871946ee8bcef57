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
use rapport_core::language::{self, ClientPreferences, Preferences};

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

/// A sentence with a link inside it, as HTML: the message `id` places the
/// link (its text the message `link_text`) where its `{ $link }` says, so
/// each language orders the sentence its own way. Both texts are escaped.
pub fn sentence_with_link(tr: &Tr, id: &str, href: &str, link_text: &str) -> String {
    let anchor = format!(r#"<a href="{}">{}</a>"#, escape(href), escape(&tr.t(link_text)));
    sentence_with(tr, id, "link", &anchor)
}

/// A sentence with a value in bold inside it (its argument `name`), as HTML.
pub fn sentence_with_strong(tr: &Tr, id: &str, name: &'static str, value: &str) -> String {
    sentence_with(tr, id, name, &format!("<strong>{}</strong>", escape(value)))
}

fn sentence_with(tr: &Tr, id: &str, name: &'static str, element: &str) -> String {
    // A private-use character stands in for the element while the text is escaped.
    const MARK: &str = "\u{E000}";
    escape(&tr.ta(id, name, MARK)).replace(MARK, element)
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The local day of an instant, long form, in the current request's language.
pub fn long_day_at(t: impl rapport_app::clock::Instant) -> String {
    long_day(rapport_app::clock::zone().local(t.instant()).date())
}

/// Middleware: chooses the request's language (the account's saved language,
/// an anonymous visitor's cookie, `Accept-Language`, the organisation's
/// default) and runs the request with it, so every page frame has it without
/// each handler passing it along. Pages a client reads (the portal, measure
/// links, the kiosk) follow the client instead ([`client_language`]). Runs
/// after `identity::resolve`.
pub async fn negotiate(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let organisation = state.organisation().await.map(|o| o.default_language).unwrap_or_else(|_| "en".into());
    let headers = req.headers();
    let identity = req.extensions().get::<Identity>();
    let accept_language = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok());
    let path = req.uri().path();
    // The reader's site decides the adaptation: a staff account's site, or the
    // client's on the pages a client reads.
    let (code, site) = match ClientFace::of(path) {
        Some(face) => {
            let reading = client_reading(&state, face, path, identity).await.unwrap_or_default();
            let prefs = ClientPreferences {
                // The kiosk runs on the clinician's browser: its cookie is theirs.
                chosen: (face != ClientFace::Kiosk).then(|| cookie(headers, language_cookie(&state.config))).flatten(),
                client: reading.language,
                accept_language,
                organisation: &organisation,
            };
            (language::negotiate_for_client(&prefs, &AVAILABLE), reading.site)
        }
        None => {
            let prefs = Preferences {
                account: identity.and_then(|me| me.user.language.as_deref()),
                chosen: cookie(headers, language_cookie(&state.config)),
                accept_language,
                organisation: &organisation,
            };
            (language::negotiate(&prefs, &AVAILABLE), identity.and_then(|me| me.user.site_id.clone()))
        }
    };
    let adaptation = rapport_app::adaptations::for_site(&state, site.as_ref()).await;
    let mut tr = Tr::new(code).adapted(adaptation);
    if req.method() == axum::http::Method::GET {
        tr = tr.returning_to(req.uri().path());
    }
    let lang = tr.lang();
    let mut resp = rapport_i18n::in_language(tr, next.run(req)).await;
    resp.headers_mut().insert(header::CONTENT_LANGUAGE, HeaderValue::from_static(lang));
    resp.headers_mut().append(header::VARY, HeaderValue::from_static("Accept-Language"));
    resp
}

/// The pages a client reads, in the client's language rather than a staff
/// account's. The kiosk's "Return to clinician" page is the clinician's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ClientFace {
    Portal,
    /// `/m/{token}`: a measure link, answered without an account.
    Link,
    /// The questionnaires handed to the client on a locked staff session.
    Kiosk,
}

impl ClientFace {
    fn of(path: &str) -> Option<ClientFace> {
        let under =
            |prefix: &str| path == prefix || path.strip_prefix(prefix).is_some_and(|rest| rest.starts_with('/'));
        if under("/portal") {
            Some(ClientFace::Portal)
        } else if path.starts_with("/m/") {
            Some(ClientFace::Link)
        } else if under("/kiosk") && path != "/kiosk/unlock" {
            Some(ClientFace::Kiosk)
        } else {
            None
        }
    }
}

/// The shipped language tags (a client's record may name only these).
fn shipped() -> [&'static str; SHIPPED.len()] {
    SHIPPED.map(|(code, _)| code)
}

/// The language saved on the record of the client this page is for (the
/// signed-in portal client, the link's client, the kiosk's client), and their
/// site. A lookup that fails leaves both unset (the page's own handler reports
/// the failure).
async fn client_reading(
    state: &AppState,
    face: ClientFace,
    path: &str,
    identity: Option<&Identity>,
) -> Option<rapport_app::portal::ClientReading> {
    let client = match face {
        ClientFace::Portal => {
            let me = identity.filter(|me| me.user.role == rapport_core::access::Role::Client)?;
            rapport_app::portal::client_of(state, me).await.ok()??.id
        }
        ClientFace::Link => {
            let token = path.strip_prefix("/m/")?.split('/').next()?;
            rapport_app::measure_links::client_of_link(state, token).await.ok()??
        }
        ClientFace::Kiosk => identity?.kiosk_client()?.clone(),
    };
    rapport_app::portal::saved_language(state, &client, &shipped()).await.ok()
}

#[cfg(test)]
mod tests {
    use super::ClientFace;

    #[test]
    fn client_pages_are_told_from_staff_pages() {
        assert_eq!(ClientFace::of("/portal"), Some(ClientFace::Portal));
        assert_eq!(ClientFace::of("/portal/measures/phq9"), Some(ClientFace::Portal));
        assert_eq!(ClientFace::of("/m/abc"), Some(ClientFace::Link));
        assert_eq!(ClientFace::of("/kiosk/help"), Some(ClientFace::Kiosk));
        for staff in ["/kiosk/unlock", "/portalx", "/clients/x/portal", "/clients/x/kiosk", "/kiosks", "/login", "/"] {
            assert_eq!(ClientFace::of(staff), None, "{staff}");
        }
    }
}
