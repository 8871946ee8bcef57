//! Measurement schedules: which instruments a course asks for before which
//! sessions, and whether each is due or overdue (measures.md, "Schedules").
//!
//! Held sessions are numbered 1, 2, … in date order. With a cadence of every
//! N sessions the instruments are asked for before session 1 (the baseline)
//! and before every Nth session **counted back from the last planned
//! session** (the contract's count L: sessions L, L−N, L−2N, …, and after the
//! contract L+N, L+2N, …), so the last planned session always has a measure
//! and the end-of-treatment score is never N−1 sessions stale. A response
//! counts for a session when it was completed after the previous held
//! session's date and on or before the session's own date.
//!
//! - **Overdue**: the latest scheduled session that was held had no response
//!   counting for it, and none has been completed since.
//! - **Due**: the next session is a scheduled one and no response has been
//!   completed since the last held session (any response at all, before the first).

use crate::records::{RecordBody, Scope};
use crate::validation::ValidationErrors;
use serde::{Deserialize, Serialize};
use time::Date;

/// A course's schedule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    /// Instrument ids, e.g. `phq9`.
    pub instruments: Vec<String>,
    /// Ask before every this many sessions (1 = every session).
    pub every: u32,
}

impl Default for Schedule {
    /// PHQ-9 and GAD-7 before every session.
    fn default() -> Self {
        Schedule { instruments: vec!["phq9".into(), "gad7".into()], every: 1 }
    }
}

/// The most sessions between measurements a schedule may set.
pub const MAX_EVERY: u32 = 12;

impl RecordBody for Schedule {
    const KIND: &'static str = "measure_schedule";
    const SCOPE: Scope = Scope::Course;

    /// Instrument ids trimmed, de-duplicated and snake_case (whether each is in
    /// the library is checked by the caller); a cadence of 1 to `MAX_EVERY`.
    fn validate(self) -> Result<Self, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let mut instruments: Vec<String> = Vec::new();
        for i in self.instruments.iter().map(|i| i.trim()).filter(|i| !i.is_empty()) {
            if i.len() > 40 || !i.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
                e.add("instruments", "Choose instruments from the list.");
            } else if !instruments.iter().any(|x| x == i) {
                instruments.push(i.to_string());
            }
        }
        if instruments.is_empty() {
            e.add("instruments", "Choose at least one instrument.");
        }
        if self.every == 0 || self.every > MAX_EVERY {
            e.add("every", format!("Choose every 1 to {MAX_EVERY} sessions."));
        }
        e.into_result()?;
        Ok(Schedule { instruments, every: self.every })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DueState {
    NotDue,
    Due,
    Overdue,
}

impl DueState {
    pub fn as_str(self) -> &'static str {
        match self {
            DueState::NotDue => "not_due",
            DueState::Due => "due",
            DueState::Overdue => "overdue",
        }
    }
}

/// Whether held session `n` (1-based) asks for the measures under a cadence of
/// `every` in a course of `planned` sessions: session 1, and every `every`th
/// session counted back from (and on past) the last planned one.
pub fn is_scheduled(n: u32, every: u32, planned: u32) -> bool {
    let every = i64::from(every.max(1));
    n == 1 || (i64::from(n) - i64::from(planned.max(1))).rem_euclid(every) == 0
}

/// The sessions of a `planned`-session contract that ask for the measures.
pub fn scheduled_sessions(every: u32, planned: u32) -> Vec<u32> {
    (1..=planned.max(1)).filter(|n| is_scheduled(*n, every, planned)).collect()
}

/// The state of one instrument given the course's planned session count, the
/// dates of its held sessions and of its completed responses (any order).
pub fn due_state(every: u32, planned: u32, held: &[Date], responses: &[Date]) -> DueState {
    let mut held = held.to_vec();
    held.sort();
    let scheduled = |n: usize| is_scheduled(n as u32, every, planned); // n is 1-based
    let in_window = |from: Option<Date>, to: Date| responses.iter().any(|r| from.is_none_or(|f| *r > f) && *r <= to);
    // The latest held session that was a scheduled one.
    if let Some(i) = (0..held.len()).rev().find(|i| scheduled(i + 1)) {
        let prev = if i == 0 { None } else { Some(held[i - 1]) };
        let answered = in_window(prev, held[i]) || responses.iter().any(|r| *r > held[i]);
        if !answered {
            return DueState::Overdue;
        }
    }
    if scheduled(held.len() + 1) {
        let since = held.last().copied();
        if !responses.iter().any(|r| since.is_none_or(|s| *r > s)) {
            return DueState::Due;
        }
    }
    DueState::NotDue
}

/// Each scheduled instrument with its state in a course of `planned`
/// sessions; `responses` are (instrument id, date).
pub fn schedule_states<S: AsRef<str>>(
    schedule: &Schedule,
    planned: u32,
    held: &[Date],
    responses: &[(S, Date)],
) -> Vec<(String, DueState)> {
    schedule
        .instruments
        .iter()
        .map(|inst| {
            let dates: Vec<Date> = responses.iter().filter(|(i, _)| i.as_ref() == inst).map(|(_, d)| *d).collect();
            (inst.clone(), due_state(schedule.every, planned, held, &dates))
        })
        .collect()
}

/// Whether a schedule asks about risk: at least one of its instruments has a
/// risk item (PHQ-9 item 9, EPDS item 10, HAM-D-17 item 3, QIDS-SR16 item
/// 12). A schedule of GAD-7, WHO-5 or PHQ-2 alone never asks (ipt-model.md
/// 13.1: "risk is rechecked whenever scales are repeated").
pub fn asks_about_risk(schedule: &Schedule, library: &super::Library) -> bool {
    schedule.instruments.iter().any(|i| library.get(i).is_some_and(|inst| !inst.risk_items.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    #[test]
    fn a_cadence_is_anchored_on_the_last_planned_session() {
        assert_eq!(scheduled_sessions(4, 16), [1, 4, 8, 12, 16]);
        assert_eq!(scheduled_sessions(2, 12), [1, 2, 4, 6, 8, 10, 12]);
        assert_eq!(scheduled_sessions(3, 12), [1, 3, 6, 9, 12]);
        assert_eq!(scheduled_sessions(1, 8), [1, 2, 3, 4, 5, 6, 7, 8]);
        assert_eq!(scheduled_sessions(12, 8), [1, 8], "a cadence longer than the contract still asks at the end");
        assert_eq!(scheduled_sessions(5, 1), [1]);
        // Past the contract the cadence runs on from the last planned session.
        assert!(is_scheduled(20, 4, 16) && !is_scheduled(17, 4, 16) && is_scheduled(24, 4, 16));
    }

    #[test]
    fn the_risk_question_is_asked_when_an_instrument_has_a_risk_item() {
        let lib = crate::measures::Library::builtin();
        let s = |ids: &[&str]| Schedule { instruments: ids.iter().map(|i| i.to_string()).collect(), every: 1 };
        assert!(asks_about_risk(&Schedule::default(), &lib));
        for risky in ["phq9", "epds", "hamd17", "qids_sr16"] {
            assert!(asks_about_risk(&s(&["gad7", risky]), &lib), "{risky}");
        }
        assert!(!asks_about_risk(&s(&["gad7", "who5", "phq2"]), &lib));
        assert!(!asks_about_risk(&s(&["unknown"]), &lib));
    }

    fn day(n: u32) -> Date {
        date!(2026 - 01 - 01) + time::Duration::days(i64::from(n) * 7)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

        /// The baseline and the last planned session are always measured, and
        /// no two measured sessions are further apart than the cadence; after
        /// the first gap they are exactly the cadence apart.
        #[test]
        fn every_cadence_measures_the_first_and_the_last_session(planned in 1u32..=40, every in 1u32..=12) {
            let s = scheduled_sessions(every, planned);
            prop_assert_eq!(s.first().copied(), Some(1));
            prop_assert_eq!(s.last().copied(), Some(planned));
            for (i, w) in s.windows(2).enumerate() {
                prop_assert!(w[1] - w[0] <= every, "{:?}", s);
                if i > 0 {
                    prop_assert_eq!(w[1] - w[0], every, "{:?}", s);
                }
            }
        }

        /// With every scheduled session measured so far, the last planned
        /// session is due before it is held, and overdue once held without a
        /// measure: the end score is never stale.
        #[test]
        fn the_last_planned_session_always_asks(planned in 2u32..=30, every in 1u32..=12) {
            let held: Vec<Date> = (1..planned).map(day).collect();
            let measured: Vec<Date> = (1..planned).filter(|n| is_scheduled(*n, every, planned)).map(day).collect();
            prop_assert_eq!(due_state(every, planned, &held, &measured), DueState::Due);
            let all: Vec<Date> = (1..=planned).map(day).collect();
            prop_assert_eq!(due_state(every, planned, &all, &measured), DueState::Overdue);
            let mut done = measured.clone();
            done.push(day(planned));
            // Measured: nothing is owed; a session past the contract asks again only at every 1.
            let next = if every == 1 { DueState::Due } else { DueState::NotDue };
            prop_assert_eq!(due_state(every, planned, &all, &done), next);
        }
    }

    #[test]
    fn before_the_first_session_it_is_due_until_answered() {
        assert_eq!(due_state(1, 16, &[], &[]), DueState::Due);
        assert_eq!(due_state(1, 16, &[], &[date!(2026 - 01 - 01)]), DueState::NotDue);
    }

    #[test]
    fn a_held_session_without_its_response_is_overdue_until_one_comes() {
        let held = [date!(2026 - 01 - 05)];
        assert_eq!(due_state(1, 16, &held, &[]), DueState::Overdue);
        assert_eq!(due_state(1, 16, &held, &[date!(2026 - 01 - 05)]), DueState::Due);
        // A late response clears the overdue state (and counts for the next session).
        assert_eq!(due_state(1, 16, &held, &[date!(2026 - 01 - 07)]), DueState::NotDue);
    }

    #[test]
    fn every_session_is_due_after_each_held_one() {
        let held = [date!(2026 - 01 - 05), date!(2026 - 01 - 12)];
        let r = [date!(2026 - 01 - 05), date!(2026 - 01 - 12)];
        assert_eq!(due_state(1, 16, &held, &r), DueState::Due);
        let r2 = [date!(2026 - 01 - 05), date!(2026 - 01 - 12), date!(2026 - 01 - 18)];
        assert_eq!(due_state(1, 16, &held, &r2), DueState::NotDue);
        // Session 2 went without: overdue.
        assert_eq!(due_state(1, 16, &held, &[date!(2026 - 01 - 05)]), DueState::Overdue);
    }

    #[test]
    fn a_cadence_of_n_asks_before_sessions_1_n_plus_1() {
        let s1 = date!(2026 - 01 - 05);
        let s2 = date!(2026 - 01 - 12);
        let s3 = date!(2026 - 01 - 19);
        // Every 3: sessions 1 and 4. After 1 held with its response: not due before 2 or 3.
        assert_eq!(due_state(3, 10, &[s1], &[s1]), DueState::NotDue);
        assert_eq!(due_state(3, 10, &[s1, s2], &[s1]), DueState::NotDue);
        // Before session 4: due.
        assert_eq!(due_state(3, 10, &[s1, s2, s3], &[s1]), DueState::Due);
        // Session 4 held without a response: overdue.
        assert_eq!(due_state(3, 10, &[s1, s2, s3, date!(2026 - 01 - 26)], &[s1]), DueState::Overdue);
    }

    #[test]
    fn a_schedule_validates_and_normalises() {
        let s = Schedule { instruments: vec![" phq9 ".into(), "phq9".into(), "gad7".into()], every: 2 };
        assert_eq!(s.validate().unwrap(), Schedule { instruments: vec!["phq9".into(), "gad7".into()], every: 2 });
        assert!(Schedule { instruments: vec![], every: 1 }.validate().is_err());
        assert!(Schedule { instruments: vec!["phq9".into()], every: 0 }.validate().is_err());
        assert!(Schedule { instruments: vec!["phq9".into()], every: 13 }.validate().is_err());
        assert!(Schedule { instruments: vec!["<b>".into()], every: 1 }.validate().is_err());
    }

    #[test]
    fn states_per_instrument_and_default_schedule() {
        let s = Schedule::default();
        assert_eq!(s.instruments, ["phq9", "gad7"]);
        let held = [date!(2026 - 01 - 05)];
        let r = vec![("phq9".to_string(), date!(2026 - 01 - 05))];
        assert_eq!(
            schedule_states(&s, 16, &held, &r),
            vec![("phq9".to_string(), DueState::Due), ("gad7".to_string(), DueState::Overdue)]
        );
    }
}
