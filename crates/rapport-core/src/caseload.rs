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

/// Overdue counts from this many on sort together (no schedule comes near it).
const OVERDUE_CAP: usize = 999_999;

/// [`need_key`] as one number, for the database to order a caseload by
/// (decision 55): smaller is more urgent, and every client without a need
/// has the same, largest rank, so they follow in name order.
pub fn need_rank(n: &Need) -> i64 {
    let overdue = n.overdue.min(OVERDUE_CAP) as i64;
    i64::from(!n.risk) * 2_000_000 + i64::from(!n.not_on_track) * 1_000_000 + (OVERDUE_CAP as i64 - overdue)
}

/// Bump when the rules the caseload's markers follow change (not on track,
/// due and overdue: `measures::change`, `measures::schedule`, and how
/// `rapport_app::clients` applies them), so every card's kept needs are
/// worked out again.
const NEEDS_LOGIC: u32 = 1;

/// The fingerprint of what a caseload card's kept needs depend on beyond
/// its facts (decision 55): the markers' logic, the not-on-track rule, the
/// protocols and the instruments. Needs kept under another fingerprint are
/// worked out again. (`Debug` of these holds no hash maps, so the text is
/// the same in every process.)
pub fn needs_fingerprint(
    not_on_track: &crate::measures::change::NotOnTrackRule,
    protocols: &crate::protocol::ProtocolSet,
    instruments: &crate::measures::Library,
) -> String {
    use sha2::Digest;
    let text = format!(
        "{NEEDS_LOGIC}|{not_on_track:?}|{protocols:?}|{instruments:?}|{:?}",
        crate::measures::schedule::Schedule::default()
    );
    hex::encode(&sha2::Sha256::digest(text.as_bytes())[..12])
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Ordering by the rank is ordering by the key, for any two needs.
        #[test]
        fn the_rank_orders_as_the_key_does(
            a in (any::<bool>(), any::<bool>(), 0usize..OVERDUE_CAP),
            b in (any::<bool>(), any::<bool>(), 0usize..OVERDUE_CAP),
        ) {
            let a = Need { risk: a.0, not_on_track: a.1, overdue: a.2 };
            let b = Need { risk: b.0, not_on_track: b.1, overdue: b.2 };
            prop_assert_eq!(need_rank(&a).cmp(&need_rank(&b)), need_key(&a).cmp(&need_key(&b)));
        }
    }

    /// Kept needs are worked out again when what they depend on beyond the
    /// facts changes, and only then.
    #[test]
    fn the_needs_fingerprint_follows_the_configuration() {
        use crate::measures::change::NotOnTrackRule;
        let (rule, protocols, shipped) =
            (NotOnTrackRule::default(), crate::protocol::ProtocolSet::shipped(), crate::measures::Library::builtin());
        let fp = needs_fingerprint(&rule, &protocols, &shipped);
        assert_eq!(fp.len(), 24);
        assert_eq!(
            fp,
            needs_fingerprint(&NotOnTrackRule::default(), &crate::protocol::ProtocolSet::shipped(), &shipped)
        );
        let stricter =
            NotOnTrackRule { min_reduction_without_rci: rule.min_reduction_without_rci + 0.1, ..rule.clone() };
        assert_ne!(fp, needs_fingerprint(&stricter, &protocols, &shipped), "another not-on-track rule");
        let flipped = NotOnTrackRule { reliable_deterioration: !rule.reliable_deterioration, ..rule.clone() };
        assert_ne!(fp, needs_fingerprint(&flipped, &protocols, &shipped), "deterioration counted or not");
    }

    #[test]
    fn no_need_ranks_last_and_huge_overdue_counts_stay_in_their_band() {
        let none = need_rank(&Need::default());
        assert!(need_rank(&Need { overdue: 1, ..Need::default() }) < none);
        assert!(
            need_rank(&Need { not_on_track: true, ..Need::default() })
                < need_rank(&Need { overdue: usize::MAX, ..Need::default() })
        );
        assert!(
            need_rank(&Need { risk: true, ..Need::default() })
                < need_rank(&Need { not_on_track: true, overdue: usize::MAX, ..Need::default() })
        );
        assert_eq!(need_rank(&Need { overdue: usize::MAX, ..Need::default() }), 2_000_000 + 1_000_000);
    }

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
