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

/// What a caseload row needs, for sorting by need.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Need {
    /// An open risk flag, or a risk question left unanswered.
    pub risk: bool,
    pub not_on_track: bool,
    /// Scheduled measures overdue.
    pub overdue: usize,
}

/// The order of "sort by need": risk first, then not on track, then overdue
/// measures (more first); equal needs keep their order (by name), so sort
/// stably with this key.
pub fn need_key(n: &Need) -> (bool, bool, std::cmp::Reverse<usize>) {
    (!n.risk, !n.not_on_track, std::cmp::Reverse(n.overdue))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn need_puts_risk_then_not_on_track_then_overdue_first() {
        let n = |risk, not_on_track, overdue| Need { risk, not_on_track, overdue };
        let mut rows = [
            ("calm", n(false, false, 0)),
            ("overdue one", n(false, false, 1)),
            ("off track", n(false, true, 0)),
            ("overdue two", n(false, false, 2)),
            ("risk", n(true, false, 0)),
            ("calm too", n(false, false, 0)),
            ("risk, off track", n(true, true, 3)),
        ];
        rows.sort_by_key(|(_, need)| need_key(need));
        let names: Vec<&str> = rows.iter().map(|(name, _)| *name).collect();
        assert_eq!(
            names,
            ["risk, off track", "risk", "off track", "overdue two", "overdue one", "calm", "calm too"],
            "stable: equal needs keep their (name) order"
        );
    }

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
