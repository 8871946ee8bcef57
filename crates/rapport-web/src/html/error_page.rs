//! Pages that need no signed-in frame: errors.

use askama::Template;
use axum::http::StatusCode;

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub status: u16,
    pub heading: String,
    pub message: String,
}

impl ErrorPage {
    pub fn new(status: StatusCode, message: String) -> Self {
        let heading = match status.as_u16() {
            404 => "Page not found",
            403 => "Not allowed",
            409 => "Changed by someone else",
            413 => "Too large",
            429 => "Too many attempts",
            s if s >= 500 => "Something went wrong",
            _ => "There is a problem",
        };
        ErrorPage { status: status.as_u16(), heading: heading.into(), message }
    }

    pub fn render_html(&self) -> String {
        self.render().unwrap_or_else(|_| self.message.clone())
    }
}
