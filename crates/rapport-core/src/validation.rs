//! Field-level validation errors shared by the UI (error summary) and the API
//! (`{"error": {"code", "message", "field"}}`).

use serde::Serialize;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ValidationErrors(pub Vec<FieldError>);

impl ValidationErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0.push(FieldError { field: field.to_string(), message: message.into() });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn first(&self) -> Option<&FieldError> {
        self.0.first()
    }

    pub fn for_field(&self, field: &str) -> Option<&str> {
        self.0.iter().find(|e| e.field == field).map(|e| e.message.as_str())
    }

    pub fn into_result(self) -> Result<(), ValidationErrors> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }

    pub fn single(field: &str, message: impl Into<String>) -> Self {
        let mut e = Self::new();
        e.add(field, message);
        e
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self.0.iter().map(|e| format!("{}: {}", e.field, e.message)).collect();
        f.write_str(&parts.join("; "))
    }
}

impl std::error::Error for ValidationErrors {}

/// Trims a free-text field; empty becomes `None`. Rejects text over `max` chars
/// and control characters other than newlines and tabs.
pub fn optional_text(
    errors: &mut ValidationErrors,
    field: &str,
    label: &str,
    value: Option<&str>,
    max: usize,
) -> Option<String> {
    let v = value.map(str::trim).filter(|v| !v.is_empty())?;
    if v.chars().count() > max {
        errors.add(field, format!("{label} must be at most {max} characters"));
        return None;
    }
    if v.chars().any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t') {
        errors.add(field, format!("{label} contains control characters"));
        return None;
    }
    Some(v.to_string())
}

/// A deliberately permissive e-mail check: one `@`, something either side, a dot
/// in the domain, no spaces. Deliverability is proven by use, not by regex.
pub fn looks_like_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else { return false };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.chars().any(char::is_whitespace)
        && !domain.contains('@')
        && s.len() <= 254
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn optional_text_trims_and_limits() {
        let mut e = ValidationErrors::new();
        assert_eq!(optional_text(&mut e, "f", "F", Some("  a "), 5), Some("a".into()));
        assert_eq!(optional_text(&mut e, "f", "F", Some("   "), 5), None);
        assert!(e.is_empty());
        assert_eq!(optional_text(&mut e, "f", "F", Some("toolong"), 5), None);
        assert_eq!(e.for_field("f"), Some("F must be at most 5 characters"));
    }

    #[test]
    fn email_shapes() {
        assert!(looks_like_email("a.b@clinic.example"));
        assert!(!looks_like_email("a b@clinic.example"));
        assert!(!looks_like_email("nobody"));
        assert!(!looks_like_email("a@b"));
        assert!(!looks_like_email("a@b@c.d"));
    }
}
