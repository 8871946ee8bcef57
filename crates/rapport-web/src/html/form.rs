//! A page form's fields: the name/value pairs of a submitted form and its
//! hidden `version` field.

use crate::error::AppError;

/// The hidden `version` field of a page form: the version the writer started
/// from, a whole number of at least 0 (0: nothing stored yet). Missing or not
/// a number is refused (422 naming `version`) rather than skipping the
/// stale-edit check.
pub fn required_version(v: &str) -> Result<i64, AppError> {
    v.trim()
        .parse::<i64>()
        .ok()
        .filter(|n| *n >= 0)
        .ok_or_else(|| AppError::invalid("version", "The form has no valid version (reload the page and try again)"))
}

/// A submitted form as name/value pairs (repeated names and dynamic rows allowed).
#[derive(Debug, Default, Clone, serde::Deserialize)]
#[serde(transparent)]
pub struct Pairs(pub Vec<(String, String)>);

impl Pairs {
    /// The first value of `name`, or "".
    pub fn get(&self, name: &str) -> &str {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str()).unwrap_or("")
    }

    /// `Some(trimmed)` or None when blank.
    pub fn opt(&self, name: &str) -> Option<String> {
        Some(self.get(name).trim()).filter(|v| !v.is_empty()).map(str::to_string)
    }

    pub fn all(&self, name: &str) -> Vec<String> {
        self.0.iter().filter(|(k, _)| k == name).map(|(_, v)| v.clone()).collect()
    }

    /// A checkbox: present and not "false".
    pub fn checked(&self, name: &str) -> bool {
        self.0.iter().any(|(k, v)| k == name && v != "false")
    }

    /// One entry per line of a textarea.
    pub fn lines(&self, name: &str) -> Vec<String> {
        self.get(name).lines().map(str::to_string).collect()
    }

    /// The hidden `version` field.
    pub fn version(&self) -> Option<i64> {
        self.get("version").trim().parse().ok()
    }

    /// The hidden `version` field of a removal.
    pub fn removal_version(&self) -> Result<i64, AppError> {
        self.version().ok_or_else(|| AppError::invalid("version", "Reload the page and try again"))
    }

    /// The hidden `version` field, required (see `required_version`).
    pub fn required_version(&self) -> Result<i64, AppError> {
        required_version(self.get("version"))
    }

    /// A number chosen from a list; text that is not one is an error on `field`.
    pub fn number(&self, e: &mut rapport_core::ValidationErrors, field: &str, label: &str) -> Option<i64> {
        let v = self.get(field).trim();
        if v.is_empty() {
            return None;
        }
        v.parse().map_err(|_| e.add(field, format!("{label} must be a whole number"))).ok()
    }
}
