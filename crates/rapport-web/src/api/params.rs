//! Query strings and JSON fields the API reads the same way everywhere.

use crate::error::AppError;
use serde::{Deserialize, Deserializer};

/// A query string that does not parse (e.g. a number out of range): 400.
pub(crate) fn bad_query(e: axum::extract::rejection::QueryRejection) -> AppError {
    AppError::BadRequest { code: "bad_query", message: e.body_text(), field: None }
}

/// Absent means "leave as is"; `null` means "clear".
pub(crate) fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}
