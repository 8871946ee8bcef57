//! Identifiers: UUIDv7 strings, so ids sort by creation time and are stored as
//! TEXT identically on SQLite and PostgreSQL.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Id(String);

impl Id {
    pub fn new() -> Self {
        Id(uuid::Uuid::now_v7().hyphenated().to_string())
    }

    /// Parses user input; only canonical lowercase hyphenated UUIDs are ids.
    pub fn parse(s: &str) -> Option<Self> {
        let u = uuid::Uuid::try_parse(s).ok()?;
        let canonical = u.hyphenated().to_string();
        (canonical == s).then_some(Id(canonical))
    }

    /// Wraps a value read back from the database (trusted).
    pub fn from_db(s: String) -> Self {
        Id(s)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for Id {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_ids_parse_and_sort_by_time() {
        let a = Id::new();
        let b = Id::new();
        assert_eq!(Id::parse(a.as_str()), Some(a.clone()));
        assert!(a < b);
    }

    #[test]
    fn rejects_non_canonical_ids() {
        assert!(Id::parse("not-an-id").is_none());
        assert!(Id::parse("0190A3E2-7B1C-7000-8000-000000000000").is_none());
        assert!(Id::parse("").is_none());
    }
}
