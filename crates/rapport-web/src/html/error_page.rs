//! Pages that need no signed-in frame: errors.

use askama::Template;
use axum::http::StatusCode;
use rapport_i18n::{msg, Tr};

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub status: u16,
    pub heading: String,
    pub message: String,
    pub tr: Tr,
}

impl ErrorPage {
    /// The page in the current request's language (`message` already worded in it).
    pub fn new(status: StatusCode, message: String) -> Self {
        let heading = match status.as_u16() {
            404 => msg("error-page-not-found"),
            403 => msg("error-page-not-allowed"),
            409 => msg("error-page-conflict"),
            413 => msg("error-page-too-large"),
            429 => msg("error-page-too-many"),
            s if s >= 500 => msg("error-page-went-wrong"),
            _ => msg("error-page-problem"),
        };
        let tr = rapport_i18n::current();
        ErrorPage { status: status.as_u16(), heading: tr.t(heading), message, tr }
    }

    /// "Error 404."
    fn status_line(&self) -> String {
        self.tr.ta("error-page-status", "status", i64::from(self.status))
    }

    pub fn render_html(&self) -> String {
        self.render().unwrap_or_else(|_| self.message.clone())
    }
}
