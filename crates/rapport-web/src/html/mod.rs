//! HTML plumbing shared by the faces that answer in HTML (the staff pages, the
//! client portal and the measure links): rendering a template, field errors
//! for forms, and the error page. No face logic lives here.

pub mod charts;
pub mod diary;
pub mod error_page;
pub mod form;
pub mod multipart;
pub mod phone;
pub mod questionnaire;

use crate::error::AppError;
use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use rapport_core::ValidationErrors;

/// Renders a template to an HTML response.
pub fn render<T: Template>(t: &T) -> Result<Html<String>, AppError> {
    t.render().map(Html).map_err(AppError::internal)
}

/// A form page shown again with its errors: 422, as the API answers the same
/// refusal (nothing was saved).
pub fn refused(page: impl IntoResponse) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
}

/// A form page shown again because someone else saved first: 409.
pub fn conflicted(page: impl IntoResponse) -> Response {
    (StatusCode::CONFLICT, page).into_response()
}

/// Field errors for templates: `errors.get("display_name")`.
#[derive(Clone, Debug, Default)]
pub struct FormErrors(pub ValidationErrors);

impl FormErrors {
    /// The message for `field`, in the reader's language when the rule gave a message id.
    pub fn get(&self, field: &str) -> Option<String> {
        self.0 .0.iter().find(|e| e.field == field).map(|e| crate::i18n::current().field_message(e))
    }

    /// The message for `field` of a form whose fields carry a `prefix-` (several forms on one page).
    pub fn prefixed(&self, prefix: &str, field: &str) -> Option<String> {
        self.get(&format!("{prefix}-{field}"))
    }

    /// The same errors with every field renamed to `prefix-field`.
    pub fn with_prefix(self, prefix: &str) -> FormErrors {
        let mut e = self.0;
        for f in e.0.iter_mut() {
            f.field = format!("{prefix}-{}", f.field);
        }
        FormErrors(e)
    }

    /// The same errors with field `from` renamed to `to`.
    pub fn rename(mut self, from: &str, to: &str) -> FormErrors {
        for f in self.0 .0.iter_mut().filter(|f| f.field == from) {
            f.field = to.to_string();
        }
        self
    }

    /// The error summary's heading, in the reader's language.
    pub fn title(&self) -> String {
        crate::i18n::current().t("error-summary-title")
    }

    /// "Error:", read out before a field's message by screen readers.
    pub fn prefix(&self) -> String {
        crate::i18n::current().t("error-prefix")
    }

    pub fn any(&self) -> bool {
        !self.0.is_empty()
    }

    pub fn list(&self) -> Vec<(String, String)> {
        let tr = crate::i18n::current();
        self.0 .0.iter().map(|e| (e.field.clone(), tr.field_message(e))).collect()
    }
}

/// `Some(text)` trimmed, or None when blank.
pub fn non_blank(s: &Option<String>) -> Option<String> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
}

/// An address people can copy: `url` as it is when absolute (the public URL
/// is configured), else `url` after the scheme and host this request came to.
pub fn absolute_url(url: &str, headers: &axum::http::HeaderMap) -> String {
    if !url.starts_with('/') {
        return url.to_string();
    }
    match headers.get(axum::http::header::HOST).and_then(|h| h.to_str().ok()) {
        Some(host) if !host.is_empty() && !host.contains(['/', ' ', '"', '<']) => format!("http://{host}{url}"),
        _ => url.to_string(),
    }
}
