//! Strict JSON bodies: the content type must be JSON, the body must fit the
//! limit, and any parse problem names the field at fault.

use crate::error::{ApiError, AppError};
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::header;
use serde::de::DeserializeOwned;

pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        // A missing Content-Type is read as JSON; an explicit other type is refused.
        let is_json = match req.headers().get(header::CONTENT_TYPE) {
            None => true,
            Some(v) => v.to_str().ok().and_then(|ct| ct.split(';').next()).is_some_and(|ct| {
                let ct = ct.trim().to_ascii_lowercase();
                ct == "application/json" || (ct.starts_with("application/") && ct.ends_with("+json"))
            }),
        };
        if !is_json {
            return Err(ApiError(AppError::UnsupportedMediaType(
                "Send the body as JSON with Content-Type: application/json.".into(),
            )));
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|_| {
            ApiError(AppError::PayloadTooLarge(format!(
                "The request body is larger than {} KiB.",
                crate::limits::MAX_BODY_BYTES / 1024
            )))
        })?;
        parse(&bytes).map(ApiJson).map_err(ApiError)
    }
}

pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, AppError> {
    // serde would accept an array for a struct; the API only takes objects.
    if let Some(first) = bytes.iter().find(|b| !b.is_ascii_whitespace()) {
        if *first != b'{'
            && (*first == b'['
                || first.is_ascii_digit()
                || *first == b'"'
                || *first == b't'
                || *first == b'f'
                || *first == b'n'
                || *first == b'-')
        {
            return Err(AppError::BadRequest {
                code: "invalid_json",
                message: "The body must be a JSON object.".into(),
                field: None,
            });
        }
    }
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    match serde_path_to_error::deserialize::<_, T>(de) {
        Ok(v) => {
            // Trailing garbage after the JSON value is an error too.
            let mut tail = serde_json::Deserializer::from_slice(bytes).into_iter::<serde_json::Value>();
            tail.next();
            if tail.next().is_some() {
                return Err(AppError::BadRequest {
                    code: "malformed_json",
                    message: "Extra data after the JSON value.".into(),
                    field: None,
                });
            }
            Ok(v)
        }
        Err(err) => {
            let path = err.path().to_string();
            let inner = err.into_inner();
            let message = inner.to_string();
            use serde_json::error::Category;
            match inner.classify() {
                Category::Syntax | Category::Eof | Category::Io => Err(AppError::BadRequest {
                    code: "malformed_json",
                    message: format!("The body is not valid JSON: {message}"),
                    field: None,
                }),
                Category::Data => {
                    // The path already ends with an unknown field's name; a missing
                    // field is only named in the message.
                    let field = (path != ".")
                        .then(|| path.clone())
                        .or_else(|| unknown_field(&message))
                        .or_else(|| missing_field(&message));
                    Err(AppError::BadRequest {
                        code: "invalid_json",
                        message: match &field {
                            Some(f) => format!("{f}: {}", strip_position(&message)),
                            None => strip_position(&message),
                        },
                        field,
                    })
                }
            }
        }
    }
}

fn between_backticks(message: &str, prefix: &str) -> Option<String> {
    let rest = message.strip_prefix(prefix)?;
    let end = rest.find('`')?;
    Some(rest[..end].to_string())
}

fn unknown_field(message: &str) -> Option<String> {
    between_backticks(message, "unknown field `")
}

fn missing_field(message: &str) -> Option<String> {
    between_backticks(message, "missing field `")
}

fn strip_position(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct T {
        name: String,
        age: Option<i64>,
    }

    fn field_of(body: &str) -> (String, Option<String>) {
        match parse::<T>(body.as_bytes()).unwrap_err() {
            AppError::BadRequest { code, field, .. } => (code.to_string(), field),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn names_the_field_at_fault() {
        assert_eq!(field_of(r#"{"name": 5}"#), ("invalid_json".into(), Some("name".into())));
        assert_eq!(field_of(r#"{"name": "a", "colour": 1}"#), ("invalid_json".into(), Some("colour".into())));
        assert_eq!(field_of(r#"{"age": 1}"#), ("invalid_json".into(), Some("name".into())));
        assert_eq!(field_of(r#"{"name": "a", "age": "x"}"#), ("invalid_json".into(), Some("age".into())));
        assert_eq!(field_of(r#"{"name": "#).0, "malformed_json");
        assert_eq!(field_of(r#"{"name": "a"} {}"#).0, "malformed_json");
        assert!(parse::<T>(br#"{"name": "a"}"#).is_ok());
    }
}
