//! Between-session signals (issue 19 item 3, decision 50): when a client's
//! diary mood says "check in" to the care team.
//!
//! A mood entry (0 to 10) is a signal when it is at the bottom of the scale
//! ([`LOW`] or below), or when it is [`DROP`] or more below the client's recent
//! average: the mean of the up to [`AVERAGE_OF`] mood entries written before it
//! (by day, then by when written) and dated at most [`AVERAGE_DAYS`] days before
//! it, counted only when there are at least [`AVERAGE_MIN`] of them.
//!
//! The marker looks at the client's newest [`EXAMINED`] mood entries that fall
//! in its window (on the caseload: the last [`CASELOAD_DAYS`] days and after the
//! last attended session of the open course; on a session page: since the
//! previous held session, up to the session's day) and shows the newest one
//! that is a signal. "Check in" is a prompt to ask, not a risk flag: it opens
//! no flag, starts no escalation and goes when the window moves on.

use time::{Date, Duration};

/// A mood at or below this is at the bottom of the scale.
pub const LOW: u8 = 1;
/// A drop of this much (or more) below the recent average is a signal.
pub const DROP: u32 = 4;
/// How many earlier entries the recent average takes at most.
pub const AVERAGE_OF: usize = 7;
/// How many days before the entry the earlier entries may be dated.
pub const AVERAGE_DAYS: i64 = 28;
/// Fewer earlier entries than this make no average (and no drop).
pub const AVERAGE_MIN: usize = 3;
/// How many of the newest mood entries in the window are examined.
pub const EXAMINED: usize = 7;
/// How many days the caseload marker looks back.
pub const CASELOAD_DAYS: i64 = 14;
/// Mood entries a caseload card keeps: the examined ones and the ones the
/// oldest of them needs for its average.
pub const CARD_MOODS: usize = EXAMINED + AVERAGE_OF;

/// One diary mood as the rule reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mood {
    pub date: Date,
    pub mood: u8,
}

/// Why an entry asks for a check-in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// At the bottom of the scale (0 or 1).
    Low,
    /// At least [`DROP`] below the recent average, given in tenths (a mean of
    /// 6.57 is 66).
    Drop { average_tenths: u32 },
}

impl Reason {
    /// The reason's name in the API: `low` or `drop`.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Low => "low",
            Reason::Drop { .. } => "drop",
        }
    }

    /// The recent average (one decimal) when the reason is a drop.
    pub fn average(self) -> Option<f64> {
        match self {
            Reason::Low => None,
            Reason::Drop { average_tenths } => Some(f64::from(average_tenths) / 10.0),
        }
    }
}

/// The entry that asks for a check-in, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CheckIn {
    pub date: Date,
    pub mood: u8,
    pub reason: Reason,
}

/// Whether the entry `moods[at]` is a signal; `moods` are newest first (by
/// day, then by when written), so the earlier entries follow it.
pub fn signal(moods: &[Mood], at: usize) -> Option<Reason> {
    let this = *moods.get(at)?;
    if this.mood <= LOW {
        return Some(Reason::Low);
    }
    let since = this.date - Duration::days(AVERAGE_DAYS);
    let earlier: Vec<u32> =
        moods[at + 1..].iter().filter(|m| m.date >= since).take(AVERAGE_OF).map(|m| u32::from(m.mood)).collect();
    if earlier.len() < AVERAGE_MIN {
        return None;
    }
    let (sum, n) = (earlier.iter().sum::<u32>(), earlier.len() as u32);
    // mean - mood >= DROP, in whole numbers: sum >= (mood + DROP) * n.
    (sum >= (u32::from(this.mood) + DROP) * n).then(|| Reason::Drop { average_tenths: (sum * 10 + n / 2) / n })
}

/// The newest of the newest [`EXAMINED`] entries dated in the window
/// (`in_window`) that is a signal. `moods` are newest first and should reach
/// [`AVERAGE_OF`] entries past the examined ones, so each has its average.
pub fn check_in(moods: &[Mood], in_window: impl Fn(Date) -> bool) -> Option<CheckIn> {
    (0..moods.len())
        .filter(|&i| in_window(moods[i].date))
        .take(EXAMINED)
        .find_map(|i| signal(moods, i).map(|reason| CheckIn { date: moods[i].date, mood: moods[i].mood, reason }))
}

/// The caseload's window on `today`: the last [`CASELOAD_DAYS`] days (today
/// included) and after the last attended session, if there is one (an entry
/// on that session's day is taken as talked about, as on the session page).
pub fn caseload_window(today: Date, last_held: Option<Date>) -> impl Fn(Date) -> bool {
    move |d| d <= today && d > today - Duration::days(CASELOAD_DAYS) && last_held.is_none_or(|h| d > h)
}

/// The caseload's check-in from a card's moods (newest first).
pub fn caseload_check_in(moods: &[Mood], today: Date, last_held: Option<Date>) -> Option<CheckIn> {
    check_in(moods, caseload_window(today, last_held))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    /// Moods one a day, the first on `newest` and each next a day earlier.
    fn daily(newest: Date, moods: &[u8]) -> Vec<Mood> {
        moods.iter().enumerate().map(|(i, &mood)| Mood { date: newest - Duration::days(i as i64), mood }).collect()
    }

    #[test]
    fn the_bottom_of_the_scale_is_a_signal_without_any_history() {
        let d = date!(2026 - 11 - 20);
        assert_eq!(signal(&daily(d, &[0]), 0), Some(Reason::Low));
        assert_eq!(signal(&daily(d, &[1]), 0), Some(Reason::Low));
        assert_eq!(signal(&daily(d, &[2]), 0), None);
    }

    #[test]
    fn a_drop_of_four_from_the_recent_average_is_a_signal() {
        let d = date!(2026 - 11 - 20);
        // Average of 7, 7, 6 = 6.67; 2 is 4.67 below.
        assert_eq!(signal(&daily(d, &[2, 7, 7, 6]), 0), Some(Reason::Drop { average_tenths: 67 }));
        // Exactly 4 below counts.
        assert_eq!(signal(&daily(d, &[3, 7, 7, 7]), 0), Some(Reason::Drop { average_tenths: 70 }));
        // 3.67 below does not.
        assert_eq!(signal(&daily(d, &[3, 7, 7, 6]), 0), None);
        // Two earlier entries make no average.
        assert_eq!(signal(&daily(d, &[2, 9, 9]), 0), None);
    }

    #[test]
    fn the_average_takes_the_seven_entries_before_within_28_days() {
        let d = date!(2026 - 11 - 20);
        // Seven entries of 8 before, then older 0s that must not count.
        let mut moods = daily(d, &[4, 8, 8, 8, 8, 8, 8, 8, 0, 0, 0]);
        assert_eq!(signal(&moods, 0), Some(Reason::Drop { average_tenths: 80 }));
        // Entries older than 28 days are left out: 8s from 29 days back.
        moods = vec![
            Mood { date: d, mood: 4 },
            Mood { date: d - Duration::days(3), mood: 5 },
            Mood { date: d - Duration::days(29), mood: 9 },
            Mood { date: d - Duration::days(30), mood: 9 },
            Mood { date: d - Duration::days(31), mood: 9 },
        ];
        assert_eq!(signal(&moods, 0), None, "one entry within 28 days");
        moods[2].date = d - Duration::days(28);
        moods[3].date = d - Duration::days(28);
        // 5, 9, 9: 7.67, and 4 is 3.67 below.
        assert_eq!(signal(&moods, 0), None);
        moods[1].mood = 9;
        assert_eq!(signal(&moods, 0), Some(Reason::Drop { average_tenths: 90 }));
    }

    #[test]
    fn the_marker_is_the_newest_signal_in_the_window() {
        let today = date!(2026 - 11 - 20);
        let moods = daily(today, &[6, 1, 7, 7, 7]);
        let c = caseload_check_in(&moods, today, None).unwrap();
        assert_eq!((c.date, c.mood, c.reason), (today - Duration::days(1), 1, Reason::Low));
        // Talked about at a session on that day: gone.
        assert_eq!(caseload_check_in(&moods, today, Some(today - Duration::days(1))), None);
        // Shown on fourteen days (the entry's own and thirteen more), then gone.
        assert!(caseload_check_in(&moods, today + Duration::days(12), None).is_some());
        assert_eq!(caseload_check_in(&moods, today + Duration::days(13), None), None);
    }

    #[test]
    fn only_the_newest_seven_entries_in_the_window_are_examined() {
        let today = date!(2026 - 11 - 20);
        let mut moods = daily(today, &[5; 7]);
        moods.push(Mood { date: today - Duration::days(7), mood: 0 });
        assert_eq!(caseload_check_in(&moods, today, None), None);
        moods.remove(0);
        assert_eq!(caseload_check_in(&moods, today, None).map(|c| c.mood), Some(0));
    }

    fn moods() -> impl Strategy<Value = Vec<Mood>> {
        // Newest first: gaps of 0 to 5 days going back.
        prop::collection::vec((0u8..=10, 0i64..=5), 0..20).prop_map(|v| {
            let mut day = date!(2026 - 11 - 20);
            v.into_iter()
                .map(|(mood, gap)| {
                    day -= Duration::days(gap);
                    Mood { date: day, mood }
                })
                .collect()
        })
    }

    proptest! {
        #[test]
        fn a_signal_is_low_or_a_drop_of_four_from_its_average(moods in moods(), at in 0usize..20) {
            prop_assume!(at < moods.len());
            let this = moods[at];
            let since = this.date - Duration::days(AVERAGE_DAYS);
            let earlier: Vec<f64> = moods[at + 1..].iter().filter(|m| m.date >= since).take(AVERAGE_OF)
                .map(|m| f64::from(m.mood)).collect();
            let mean = (earlier.len() >= AVERAGE_MIN).then(|| earlier.iter().sum::<f64>() / earlier.len() as f64);
            let expected = this.mood <= LOW || mean.is_some_and(|m| m - f64::from(this.mood) >= 4.0 - 1e-9);
            prop_assert_eq!(signal(&moods, at).is_some(), expected);
            if let Some(Reason::Drop { average_tenths }) = signal(&moods, at) {
                prop_assert!((f64::from(average_tenths) / 10.0 - mean.unwrap()).abs() <= 0.05 + 1e-9);
            }
        }

        #[test]
        fn a_higher_mood_is_never_more_of_a_signal(moods in moods(), at in 0usize..20) {
            prop_assume!(at < moods.len());
            let mut better = moods.clone();
            if better[at].mood < 10 {
                better[at].mood += 1;
            }
            if signal(&better, at).is_some() {
                prop_assert!(signal(&moods, at).is_some());
            }
        }

        #[test]
        fn the_check_in_is_a_signal_dated_in_the_window(moods in moods(), held in prop::option::of(0i64..30)) {
            let today = date!(2026 - 11 - 20);
            let last_held = held.map(|d| today - Duration::days(d));
            if let Some(c) = caseload_check_in(&moods, today, last_held) {
                prop_assert!(caseload_window(today, last_held)(c.date));
                prop_assert!((0..moods.len())
                    .any(|at| moods[at].date == c.date && moods[at].mood == c.mood && signal(&moods, at).is_some()));
            }
        }
    }
}
