//! Cookie names and the https switch, derived from the public address: when it
//! is https, cookies are `Secure` with the `__Host-` prefix and HSTS is sent.

use rapport_app::Config;

pub trait CookieNames {
    fn https(&self) -> bool;
    fn session_cookie(&self) -> &'static str;
    fn mfa_cookie(&self) -> &'static str;
    /// Marks a browser that completed a sign-in (docs/security.md).
    fn device_cookie(&self) -> &'static str;
    fn csrf_cookie(&self) -> &'static str;
}

impl CookieNames for Config {
    fn https(&self) -> bool {
        self.public_url.as_deref().is_some_and(|u| u.starts_with("https://"))
    }

    fn session_cookie(&self) -> &'static str {
        if self.https() {
            "__Host-rapport_session"
        } else {
            "rapport_session"
        }
    }

    fn mfa_cookie(&self) -> &'static str {
        if self.https() {
            "__Host-rapport_mfa"
        } else {
            "rapport_mfa"
        }
    }

    /// Marks a browser that completed a sign-in (docs/security.md).
    fn device_cookie(&self) -> &'static str {
        if self.https() {
            "__Host-rapport_device"
        } else {
            "rapport_device"
        }
    }

    fn csrf_cookie(&self) -> &'static str {
        if self.https() {
            "__Host-rapport_csrf"
        } else {
            "rapport_csrf"
        }
    }
}
