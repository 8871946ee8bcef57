//! What a use case can answer besides its result. The faces map each kind to
//! their medium (an HTTP status and page or JSON body; a CLI message); the
//! message of every kind but `Internal` is safe to show to the caller.

use rapport_core::ValidationErrors;
use rapport_store::StoreError;

#[derive(Debug)]
pub enum Error {
    /// Missing, or outside the caller's access (the two are indistinguishable).
    NotFound,
    /// Signed in but not allowed (for non-record resources such as admin areas).
    Forbidden(String),
    /// Not signed in, or the credentials are not valid.
    Unauthenticated,
    /// Input that breaks a rule, field by field.
    Invalid(ValidationErrors),
    /// Input that cannot be read at all.
    BadRequest { code: &'static str, message: String, field: Option<String> },
    /// The write lost a race or contradicts the stored state.
    Conflict(String),
    /// Too many attempts; try again after this many seconds.
    TooManyRequests { retry_after_secs: i64 },
    /// A fault on our side; the cause is logged, never shown.
    Internal(String),
}

pub type AppResult<T> = Result<T, Error>;

impl Error {
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        Error::Invalid(ValidationErrors::single(field, message))
    }

    pub fn internal(e: impl std::fmt::Display) -> Self {
        Error::Internal(e.to_string())
    }
}

impl From<StoreError> for Error {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => Error::NotFound,
            StoreError::Conflict => Error::Conflict(e.to_string()),
            StoreError::Invalid(m) => Error::BadRequest { code: "invalid", message: m, field: None },
            other => Error::Internal(other.to_string()),
        }
    }
}

impl From<ValidationErrors> for Error {
    fn from(e: ValidationErrors) -> Self {
        Error::Invalid(e)
    }
}
