//! Health checks, embedded static files and the fallback.

use crate::error::AppError;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use rapport_app::AppState;

/// Liveness: answers without touching the database.
pub async fn healthz() -> &'static str {
    "ok"
}

/// Readiness: the database answers.
pub async fn readyz(State(state): State<AppState>) -> Response {
    match state.store.ping().await {
        Ok(()) => (StatusCode::OK, "ready").into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "readiness check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}

const STATIC_FILES: &[(&str, &str, &[u8])] = &[
    ("pico.min.css", "text/css; charset=utf-8", include_bytes!("../static/pico.min.css")),
    ("app.css", "text/css; charset=utf-8", include_bytes!("../static/app.css")),
    ("htmx.min.js", "text/javascript; charset=utf-8", include_bytes!("../static/htmx.min.js")),
    ("app.js", "text/javascript; charset=utf-8", include_bytes!("../static/app.js")),
];

pub async fn static_file(Path(file): Path<String>) -> Response {
    match STATIC_FILES.iter().find(|(name, _, _)| *name == file) {
        Some((_, mime, bytes)) => {
            ([(header::CONTENT_TYPE, *mime), (header::CACHE_CONTROL, "public, max-age=3600")], *bytes).into_response()
        }
        None => AppError::NotFound.into_response(),
    }
}

pub async fn not_found(uri: axum::http::Uri) -> Response {
    if uri.path().starts_with("/fhir/") {
        crate::fhir::wire::Outcome::not_found().into_response()
    } else if uri.path().starts_with("/api/") {
        crate::error::ApiError(AppError::NotFound).into_response()
    } else {
        AppError::NotFound.into_response()
    }
}
