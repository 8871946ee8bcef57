//! What a use case can answer besides its result. The faces map each kind to
//! their medium (an HTTP status and page or JSON body; a CLI message); the
//! message of every kind but `Internal` is safe to show to the caller.

use rapport_core::validation::{FieldError, KeyArg};
use rapport_core::ValidationErrors;
use rapport_i18n::{Arg, Tr};
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

    /// One field's error worded by the interface message `id`: `Error::keyed("pin", msg("kiosk-pin-short"), vec![])`.
    pub fn keyed(field: &str, id: &'static str, args: Vec<(&'static str, KeyArg)>) -> Self {
        Error::Invalid(ValidationErrors(vec![field_error(field, id, args)]))
    }

    /// A refusal worded in the reader's language (the faces show it as it is):
    /// `Error::forbidden(msg("app-admin-only"), &[])`.
    pub fn forbidden(id: &'static str, args: &[(&'static str, &dyn Arg)]) -> Self {
        Error::Forbidden(rapport_i18n::current().tn(id, args))
    }

    /// A conflict worded in the reader's language, as [`Error::forbidden`].
    pub fn conflict(id: &'static str, args: &[(&'static str, &dyn Arg)]) -> Self {
        Error::Conflict(rapport_i18n::current().tn(id, args))
    }

    pub fn internal(e: impl std::fmt::Display) -> Self {
        Error::Internal(e.to_string())
    }
}

/// Maps the one refusal a store write can give (`StoreError::Invalid`) to
/// the message `id` in the reader's language; other store errors as usual.
pub(crate) fn store_refusal(id: &'static str) -> impl FnOnce(StoreError) -> Error {
    move |e| match e {
        StoreError::Invalid(_) => {
            Error::BadRequest { code: "invalid", message: rapport_i18n::current().t(id), field: None }
        }
        other => other.into(),
    }
}

/// A field's error worded by the interface message `id`: each face words it
/// in its reader's language (`Tr::field_message`), while `message` keeps the
/// English wording for logs and callers that read the text itself.
pub fn field_error(field: &str, id: &'static str, args: Vec<(&'static str, KeyArg)>) -> FieldError {
    let mut error = FieldError::keyed(field, id, args);
    error.message = Tr::new("en").field_message(&error);
    error
}

impl From<StoreError> for Error {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => Error::NotFound,
            StoreError::Conflict => Error::conflict(rapport_core::msg("app-changed-meanwhile"), &[]),
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

#[cfg(test)]
mod tests {
    use super::*;
    use rapport_core::msg;

    #[test]
    fn a_keyed_error_keeps_its_english_text_and_is_worded_in_the_readers_language() {
        let args = vec![("protocol", "IPT-G".into()), ("min", KeyArg::Number(8)), ("max", KeyArg::Number(12))];
        let e = field_error("planned_sessions", msg("app-group-sessions-range"), args);
        assert_eq!(e.message, "IPT-G runs 8 to 12 meetings");
        assert_eq!(Tr::new("es").field_message(&e), "IPT-G tiene de 8 a 12 reuniones");
        assert_eq!(Tr::new("fr").field_message(&e), "IPT-G compte de 8 à 12 séances");
        let Error::Invalid(v) = Error::keyed("audio", msg("app-recording-size"), vec![]) else { panic!("not invalid") };
        assert_eq!(v.for_field("audio"), Some("The recording must be 1 byte to 64 MB"));
    }

    #[tokio::test]
    async fn a_refusal_is_worded_in_the_requests_language() {
        let refused = rapport_i18n::in_language(Tr::new("es"), async { Error::forbidden(msg("app-admin-only"), &[]) });
        assert!(matches!(refused.await, Error::Forbidden(m) if m == "Esta página es para administradores."));
        let count = 12i64;
        let english = Error::conflict(msg("app-group-meetings-recorded"), &[("count", &count)]);
        assert!(
            matches!(&english, Error::Conflict(m) if m == "All 12 meetings of this group are recorded (or it is closed)."),
            "{english:?}"
        );
        let refusal = store_refusal(msg("app-care-team-already"));
        let stored = rapport_i18n::in_language(Tr::new("fr"), async { refusal(StoreError::Invalid("x".into())) });
        assert!(
            matches!(stored.await, Error::BadRequest { message, .. } if message == "Cette personne fait déjà partie de l’équipe de soins.")
        );
        assert!(matches!(store_refusal(msg("app-care-team-already"))(StoreError::NotFound), Error::NotFound));
    }
}
