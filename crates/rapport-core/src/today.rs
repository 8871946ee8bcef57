//! The rules of the Today page (issue 12): which open risk flag comes first
//! and how old an item is, in words.

use crate::course::{Attendance, SessionSlot};
use crate::risk::RiskLevel;
use time::Date;

/// The session number shown for each slot (input order): a held session's
/// number (`numbers`, from `course::number_sessions`), and for a scheduled
/// one the number it will have if held (one more than the sessions held
/// before it); none for a cancelled or missed session.
pub fn shown_numbers(slots: &[SessionSlot], numbers: &[Option<u32>]) -> Vec<Option<u32>> {
    slots
        .iter()
        .zip(numbers)
        .map(|(s, n)| match s.attendance {
            _ if s.engagement => {
                (s.attendance != Attendance::Cancelled && s.attendance != Attendance::NoShow).then_some(0)
            }
            Attendance::Attended => *n,
            Attendance::Scheduled => {
                let key = (s.date, &s.time, &s.seq);
                let before = slots.iter().filter(|o| o.counts() && (o.date, &o.time, &o.seq) < key).count() as u32;
                Some(before + 1)
            }
            Attendance::Cancelled | Attendance::NoShow => None,
        })
        .collect()
}

/// Where an open flag stands in the Today list (lower first): flags assessed
/// as imminent or high risk, then flags nobody has assessed yet (their level
/// is unknown, and assessing them is the work), then moderate and low.
pub fn flag_rank(level: Option<RiskLevel>) -> u8 {
    match level {
        Some(RiskLevel::Imminent) => 0,
        Some(RiskLevel::High) => 1,
        None => 2,
        Some(RiskLevel::Moderate) => 3,
        Some(RiskLevel::Low) => 4,
    }
}

/// Whole days from `from` to `today` (0 when `from` is today or later).
pub fn age_days(from: Date, today: Date) -> i64 {
    (today - from).whole_days().max(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn known_high_risk_comes_before_unassessed_before_moderate() {
        let mut v =
            [Some(RiskLevel::Low), None, Some(RiskLevel::Imminent), Some(RiskLevel::Moderate), Some(RiskLevel::High)];
        v.sort_by_key(|l| flag_rank(*l));
        assert_eq!(
            v,
            [Some(RiskLevel::Imminent), Some(RiskLevel::High), None, Some(RiskLevel::Moderate), Some(RiskLevel::Low)]
        );
    }

    #[test]
    fn a_scheduled_session_shows_the_number_it_will_have() {
        let slot = |d: Date, t: &str, a: Attendance| SessionSlot {
            date: d,
            time: t.into(),
            seq: t.into(),
            attendance: a,
            phase_override: None,
            engagement: false,
        };
        let slots = [
            slot(date!(2026 - 11 - 01), "10:00", Attendance::Attended),
            slot(date!(2026 - 11 - 08), "10:00", Attendance::Cancelled),
            slot(date!(2026 - 11 - 15), "10:00", Attendance::Attended),
            slot(date!(2026 - 12 - 04), "10:00", Attendance::Scheduled),
        ];
        let shown = shown_numbers(&slots, &[Some(1), None, Some(2), None]);
        assert_eq!(shown, vec![Some(1), None, Some(2), Some(3)]);
    }

    #[test]
    fn ages_in_days() {
        assert_eq!(age_days(date!(2026 - 10 - 25), date!(2026 - 12 - 04)), 40);
        assert_eq!(age_days(date!(2026 - 12 - 05), date!(2026 - 12 - 04)), 0);
    }
}
