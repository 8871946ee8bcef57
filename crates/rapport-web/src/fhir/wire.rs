//! The FHIR face's HTTP conventions: errors as `OperationOutcome`, the
//! bearer-token caller, `ETag`/`If-None-Match` and the content type.

use crate::error::AppError;
use crate::identity::TokenRefusal;
use axum::extract::FromRequestParts;
use axum::http::{header, request::Parts, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use rapport_app::caller::{AuthKind, Identity};
use rapport_app::machine::SystemCaller;
use rapport_app::AppState;
use serde_json::{json, Value};

/// Where the face is mounted.
pub const BASE: &str = "/fhir/r4";
const FHIR_JSON: &str = "application/fhir+json; charset=utf-8";

/// An error as an `OperationOutcome`: the HTTP status, the FHIR issue type,
/// a message, and the element at fault when there is one (`item[3].answer`).
#[derive(Debug)]
pub struct Outcome {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    pub expression: Option<String>,
    /// A 429's `Retry-After`, in seconds.
    pub retry_after: Option<i64>,
}

impl Outcome {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Outcome { status, code, message: message.into(), expression: None, retry_after: None }
    }

    /// 400: the request cannot be read (names the element or parameter).
    pub fn bad(element: &str, message: impl Into<String>) -> Self {
        Outcome { expression: Some(element.to_string()), ..Self::new(StatusCode::BAD_REQUEST, "structure", message) }
    }

    /// 422: readable, but breaks a rule (names the element).
    pub fn invalid(element: &str, message: impl Into<String>) -> Self {
        Outcome {
            expression: Some(element.to_string()),
            ..Self::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid", message)
        }
    }

    pub fn not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, "not-found", "No such resource, or not one you may see.")
    }

    pub fn body(&self) -> Value {
        let severity = if self.status.is_server_error() { "fatal" } else { "error" };
        let mut issue = json!({ "severity": severity, "code": self.code, "diagnostics": self.message });
        if let Some(e) = &self.expression {
            issue["expression"] = json!([e]);
        }
        json!({ "resourceType": "OperationOutcome", "issue": [issue] })
    }
}

impl From<AppError> for Outcome {
    fn from(e: AppError) -> Self {
        let status = e.status();
        let code = match &e {
            AppError::NotFound => return Outcome::not_found(),
            AppError::Forbidden(_) => "forbidden",
            AppError::Unauthenticated => "login",
            AppError::Invalid(_) => "invalid",
            AppError::BadRequest { .. } => "structure",
            AppError::Conflict(_) => "conflict",
            AppError::TooManyRequests { .. } => "throttled",
            AppError::PayloadTooLarge(_) => "too-costly",
            AppError::UnsupportedMediaType(_) => "not-supported",
            AppError::Internal(cause) => {
                tracing::error!(%cause, "internal error");
                "exception"
            }
        };
        let expression = match &e {
            AppError::Invalid(v) => v.first().map(|f| f.field.clone()),
            AppError::BadRequest { field, .. } => field.clone(),
            _ => None,
        };
        let retry_after = match &e {
            AppError::TooManyRequests { retry_after_secs } => Some(*retry_after_secs),
            _ => None,
        };
        Outcome { status, code, message: e.message(), expression, retry_after }
    }
}

impl From<rapport_app::Error> for Outcome {
    fn from(e: rapport_app::Error) -> Self {
        AppError::from(e).into()
    }
}

impl IntoResponse for Outcome {
    fn into_response(self) -> Response {
        let mut resp = fhir_json(self.status, &self.body());
        if self.status == StatusCode::UNAUTHORIZED {
            resp.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        if let Some(secs) = self.retry_after {
            resp.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        resp
    }
}

/// The fallback for an unknown path under the base.
pub async fn unknown_path() -> Response {
    Outcome::new(
        StatusCode::NOT_FOUND,
        "not-supported",
        "This server does not support that resource type or path; see /fhir/r4/metadata.",
    )
    .into_response()
}

pub type FhirResult<T> = Result<T, Outcome>;

/// Extractor: a caller with a valid personal API token (otherwise 401).
pub struct FhirCaller(pub Identity);

impl<S: Send + Sync> FromRequestParts<S> for FhirCaller {
    type Rejection = Outcome;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        // A refusal the identity middleware met (a bad token, a kiosk session) comes first.
        if let Some(TokenRefusal(e)) = parts.extensions.get::<TokenRefusal>() {
            return Err(Outcome::from(e.clone()));
        }
        match parts.extensions.get::<Identity>() {
            Some(id @ Identity { auth: AuthKind::Token { .. }, .. }) => Ok(FhirCaller(id.clone())),
            _ if parts.extensions.get::<SystemCaller>().is_some() => Err(Outcome::new(
                StatusCode::FORBIDDEN,
                "forbidden",
                "A machine client's token reads Group and the Bulk Data exports ($export); \
                 other resources need a personal API token.",
            )),
            _ => Err(Outcome::from(AppError::Unauthenticated)),
        }
    }
}

/// Who may call a read served to people and machine clients alike.
pub enum Requester {
    Person(Identity),
    System(SystemCaller),
}

impl<S: Send + Sync> FromRequestParts<S> for Requester {
    type Rejection = Outcome;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        if let Some(sys) = parts.extensions.get::<SystemCaller>() {
            return Ok(Requester::System(sys.clone()));
        }
        FhirCaller::from_request_parts(parts, state).await.map(|FhirCaller(me)| Requester::Person(me))
    }
}

/// Extractor: a machine client with a live SMART access token (Bulk Data is for them).
pub struct SystemClient(pub SystemCaller);

impl<S: Send + Sync> FromRequestParts<S> for SystemClient {
    type Rejection = Outcome;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match Requester::from_request_parts(parts, state).await? {
            Requester::System(sys) => Ok(SystemClient(sys)),
            Requester::Person(_) => Err(Outcome::new(
                StatusCode::FORBIDDEN,
                "forbidden",
                "Bulk Data export is for registered machine clients: get an access token at /fhir/r4/auth/token \
                 (SMART Backend Services).",
            )),
        }
    }
}

pub(super) fn fhir_json(status: StatusCode, body: &Value) -> Response {
    let mut resp = (status, body.to_string()).into_response();
    resp.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(FHIR_JSON));
    resp
}

/// One resource with its `ETag` (`W/"versionId"`), or 304 when the caller's
/// `If-None-Match` names that version already.
pub fn resource(headers: &HeaderMap, status: StatusCode, res: &Value) -> Response {
    let version = res["meta"]["versionId"].as_str().unwrap_or("1");
    let etag = format!("W/\"{version}\"");
    let cached = headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .any(|t| t == "*" || t == etag || t.trim_start_matches("W/") == format!("\"{version}\""));
    let mut resp = if cached && status == StatusCode::OK {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        fhir_json(status, res)
    };
    if let Ok(v) = HeaderValue::from_str(&etag) {
        resp.headers_mut().insert(header::ETAG, v);
    }
    resp
}

/// The absolute base URL of this face, for `fullUrl` and paging links: the
/// configured public address, else the request's host.
pub fn base_url(state: &AppState, headers: &HeaderMap) -> String {
    match state.config.public_url.as_deref() {
        Some(u) => format!("{}{BASE}", u.trim_end_matches('/')),
        None => match headers.get(header::HOST).and_then(|h| h.to_str().ok()) {
            Some(host) if !host.is_empty() && !host.contains(['/', ' ', '"', '<']) => format!("http://{host}{BASE}"),
            _ => BASE.to_string(),
        },
    }
}
