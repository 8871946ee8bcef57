//! Which page of a caseload was asked for: the status, the page size and the
//! offset, checked before the list is read.

use crate::client::ClientStatus;
use crate::ValidationErrors;

/// The largest page of a caseload one request may ask for.
pub const MAX_PAGE: i64 = 500;
/// The page size when none is given.
pub const DEFAULT_PAGE: i64 = 100;

/// A caseload page as asked for: `status` `active` (the default) or
/// `archived`, `limit` 1-500 (default 100), `offset` not negative (default 0).
/// The first field out of range is refused.
pub fn page(
    status: Option<&str>,
    limit: Option<i64>,
    offset: Option<i64>,
) -> Result<(ClientStatus, i64, i64), ValidationErrors> {
    let status = match status {
        None | Some("active") => ClientStatus::Active,
        Some("archived") => ClientStatus::Archived,
        Some(_) => return Err(ValidationErrors::single("status", "status must be active or archived")),
    };
    let limit = limit.unwrap_or(DEFAULT_PAGE);
    if !(1..=MAX_PAGE).contains(&limit) {
        return Err(ValidationErrors::single("limit", "limit must be between 1 and 500"));
    }
    let offset = offset.unwrap_or(0);
    if offset < 0 {
        return Err(ValidationErrors::single("offset", "offset must not be negative"));
    }
    Ok((status, limit, offset))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(r: Result<(ClientStatus, i64, i64), ValidationErrors>) -> String {
        r.unwrap_err().first().map(|f| f.field.clone()).unwrap_or_default()
    }

    #[test]
    fn defaults_and_bounds() {
        assert_eq!(page(None, None, None).unwrap(), (ClientStatus::Active, 100, 0));
        assert_eq!(page(Some("archived"), Some(1), Some(0)).unwrap(), (ClientStatus::Archived, 1, 0));
        assert_eq!(page(Some("active"), Some(500), Some(1000)).unwrap(), (ClientStatus::Active, 500, 1000));
        assert_eq!(field(page(Some("closed"), Some(0), Some(-1))), "status");
        assert_eq!(field(page(None, Some(0), None)), "limit");
        assert_eq!(field(page(None, Some(501), None)), "limit");
        assert_eq!(field(page(None, None, Some(-1))), "offset");
    }
}
