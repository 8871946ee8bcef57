//! One error type for handlers. HTML handlers render an error page; API
//! handlers wrap it in `ApiError` and answer `{"error": {"code", "message", "field"?}}`.
//! Internal causes are logged with the request span, never shown.

use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use rapport_core::ValidationErrors;
use rapport_store::StoreError;
use serde::Serialize;

#[derive(Clone, Debug)]
pub enum AppError {
    NotFound,
    /// Signed in but not allowed (for non-record resources such as admin pages).
    Forbidden(String),
    /// Not signed in.
    Unauthenticated,
    Invalid(ValidationErrors),
    BadRequest {
        code: &'static str,
        message: String,
        field: Option<String>,
    },
    Conflict(String),
    TooManyRequests {
        retry_after_secs: i64,
    },
    PayloadTooLarge(String),
    UnsupportedMediaType(String),
    Internal(String),
}

impl AppError {
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        AppError::Invalid(ValidationErrors::single(field, message))
    }

    pub fn internal(e: impl std::fmt::Display) -> Self {
        AppError::Internal(e.to_string())
    }

    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::BadRequest { .. } => StatusCode::BAD_REQUEST,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn code(&self) -> &'static str {
        match self {
            AppError::NotFound => "not_found",
            AppError::Forbidden(_) => "forbidden",
            AppError::Unauthenticated => "unauthenticated",
            AppError::Invalid(_) => "invalid",
            AppError::BadRequest { code, .. } => code,
            AppError::Conflict(_) => "conflict",
            AppError::TooManyRequests { .. } => "too_many_requests",
            AppError::PayloadTooLarge(_) => "payload_too_large",
            AppError::UnsupportedMediaType(_) => "unsupported_media_type",
            AppError::Internal(_) => "internal",
        }
    }

    /// The message safe to show.
    pub fn message(&self) -> String {
        match self {
            AppError::NotFound => rapport_i18n::current().t("error-page-not-found-message"),
            AppError::Forbidden(m)
            | AppError::Conflict(m)
            | AppError::PayloadTooLarge(m)
            | AppError::UnsupportedMediaType(m) => m.clone(),
            AppError::Unauthenticated => rapport_i18n::current().t("error-page-unauthenticated"),
            AppError::Invalid(e) => {
                let tr = rapport_i18n::current();
                e.first().map(|f| tr.field_message(f)).unwrap_or_else(|| tr.t("error-page-invalid"))
            }
            AppError::BadRequest { message, .. } => message.clone(),
            AppError::TooManyRequests { retry_after_secs } => {
                rapport_i18n::current().ta("error-page-retry", "seconds", *retry_after_secs)
            }
            AppError::Internal(_) => rapport_i18n::current().t("error-page-internal"),
        }
    }

    fn field(&self) -> Option<String> {
        match self {
            AppError::Invalid(e) => e.first().map(|f| f.field.clone()),
            AppError::BadRequest { field, .. } => field.clone(),
            _ => None,
        }
    }

    fn log(&self) {
        if let AppError::Internal(cause) = self {
            tracing::error!(%cause, "internal error");
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => AppError::NotFound,
            StoreError::Conflict => AppError::Conflict(e.to_string()),
            StoreError::Invalid(m) => AppError::BadRequest { code: "invalid", message: m, field: None },
            other => AppError::Internal(other.to_string()),
        }
    }
}

/// A use case's answer, in HTTP terms.
impl From<rapport_app::Error> for AppError {
    fn from(e: rapport_app::Error) -> Self {
        use rapport_app::Error as E;
        match e {
            E::NotFound => AppError::NotFound,
            E::Forbidden(m) => AppError::Forbidden(m),
            E::Unauthenticated => AppError::Unauthenticated,
            E::Invalid(v) => AppError::Invalid(v),
            E::BadRequest { code, message, field } => AppError::BadRequest { code, message, field },
            E::Conflict(m) => AppError::Conflict(m),
            E::TooManyRequests { retry_after_secs } => AppError::TooManyRequests { retry_after_secs },
            E::Internal(m) => AppError::Internal(m),
        }
    }
}

impl From<ValidationErrors> for AppError {
    fn from(e: ValidationErrors) -> Self {
        AppError::Invalid(e)
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        self.log();
        if let AppError::Unauthenticated = self {
            return Redirect::to("/login").into_response();
        }
        let status = self.status();
        let page = crate::html::error_page::ErrorPage::new(status, self.message());
        let mut resp = (status, Html(page.render_html())).into_response();
        if let AppError::TooManyRequests { retry_after_secs } = self {
            resp.headers_mut().insert(header::RETRY_AFTER, retry_after_secs.into());
        }
        resp
    }
}

/// JSON rendering of an `AppError` for the API.
#[derive(Debug)]
pub struct ApiError(pub AppError);

impl<E: Into<AppError>> From<E> for ApiError {
    fn from(e: E) -> Self {
        ApiError(e.into())
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// Stable machine-readable code, e.g. `invalid`, `not_found`.
    pub code: String,
    pub message: String,
    /// The request field at fault, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let e = self.0;
        e.log();
        let body = ErrorBody { error: ErrorDetail { code: e.code().into(), message: e.message(), field: e.field() } };
        let mut resp = (e.status(), axum::Json(body)).into_response();
        if let AppError::TooManyRequests { retry_after_secs } = e {
            resp.headers_mut().insert(header::RETRY_AFTER, retry_after_secs.into());
        }
        if let AppError::Unauthenticated = e {
            resp.headers_mut().insert(header::WWW_AUTHENTICATE, header::HeaderValue::from_static("Bearer"));
        }
        resp
    }
}

pub type AppResult<T> = Result<T, AppError>;
pub type ApiResult<T> = Result<T, ApiError>;
