//! Measurement schedules: which instruments a course asks for before which
//! sessions, and whether each is due or overdue (measures.md, "Schedules").
//!
//! Held sessions are numbered 1, 2, … in date order. With a cadence of every
//! N sessions, the instruments are asked for before sessions 1, 1+N, 1+2N, …
//! A response counts for a session when it was completed after the previous
//! held session's date and on or before the session's own date.
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

/// The state of one instrument given the dates of the course's held sessions
/// and of its completed responses (any order).
pub fn due_state(every: u32, held: &[Date], responses: &[Date]) -> DueState {
    let every = every.max(1) as usize;
    let mut held = held.to_vec();
    held.sort();
    let scheduled = |n: usize| (n - 1).is_multiple_of(every); // n is 1-based
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

/// Each scheduled instrument with its state; `responses` are (instrument id, date).
pub fn schedule_states(schedule: &Schedule, held: &[Date], responses: &[(String, Date)]) -> Vec<(String, DueState)> {
    schedule
        .instruments
        .iter()
        .map(|inst| {
            let dates: Vec<Date> = responses.iter().filter(|(i, _)| i == inst).map(|(_, d)| *d).collect();
            (inst.clone(), due_state(schedule.every, held, &dates))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn before_the_first_session_it_is_due_until_answered() {
        assert_eq!(due_state(1, &[], &[]), DueState::Due);
        assert_eq!(due_state(1, &[], &[date!(2026 - 01 - 01)]), DueState::NotDue);
    }

    #[test]
    fn a_held_session_without_its_response_is_overdue_until_one_comes() {
        let held = [date!(2026 - 01 - 05)];
        assert_eq!(due_state(1, &held, &[]), DueState::Overdue);
        assert_eq!(due_state(1, &held, &[date!(2026 - 01 - 05)]), DueState::Due);
        // A late response clears the overdue state (and counts for the next session).
        assert_eq!(due_state(1, &held, &[date!(2026 - 01 - 07)]), DueState::NotDue);
    }

    #[test]
    fn every_session_is_due_after_each_held_one() {
        let held = [date!(2026 - 01 - 05), date!(2026 - 01 - 12)];
        let r = [date!(2026 - 01 - 05), date!(2026 - 01 - 12)];
        assert_eq!(due_state(1, &held, &r), DueState::Due);
        let r2 = [date!(2026 - 01 - 05), date!(2026 - 01 - 12), date!(2026 - 01 - 18)];
        assert_eq!(due_state(1, &held, &r2), DueState::NotDue);
        // Session 2 went without: overdue.
        assert_eq!(due_state(1, &held, &[date!(2026 - 01 - 05)]), DueState::Overdue);
    }

    #[test]
    fn a_cadence_of_n_asks_before_sessions_1_n_plus_1() {
        let s1 = date!(2026 - 01 - 05);
        let s2 = date!(2026 - 01 - 12);
        let s3 = date!(2026 - 01 - 19);
        // Every 3: sessions 1 and 4. After 1 held with its response: not due before 2 or 3.
        assert_eq!(due_state(3, &[s1], &[s1]), DueState::NotDue);
        assert_eq!(due_state(3, &[s1, s2], &[s1]), DueState::NotDue);
        // Before session 4: due.
        assert_eq!(due_state(3, &[s1, s2, s3], &[s1]), DueState::Due);
        // Session 4 held without a response: overdue.
        assert_eq!(due_state(3, &[s1, s2, s3, date!(2026 - 01 - 26)], &[s1]), DueState::Overdue);
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
            schedule_states(&s, &held, &r),
            vec![("phq9".to_string(), DueState::Due), ("gad7".to_string(), DueState::Overdue)]
        );
    }
}
