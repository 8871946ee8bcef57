//! When an unhandled risk flag escalates, and to whom (ipt-model.md 13.2,
//! requirement 2; docs/measures.md "The risk loop").
//!
//! A flag has two deadlines, each counted from the moment it was raised:
//! **acknowledgement** (someone has seen it; default 4 h) and **assessment**
//! (a structured assessment with a risk level was recorded; default 24 h).
//! Each deadline is handled on its own: acknowledging a flag does not stop the
//! assessment clock. Closing a flag handles both.
//!
//! For a deadline of interval `I` missed by a flag raised at `r`, the steps are:
//!
//! | Step | Due at | To |
//! |---|---|---|
//! | 1 | `r + I` | the supervisors of the responsible clinician (none active: as step 2) |
//! | 2 | `r + 2I` | the duty clinician, or the administrators when none is set or active |
//! | n ≥ 3 | `r + nI` | a reminder to everyone told so far (supervisors and duty/administrators) |
//!
//! When the responsible clinician is inactive, nobody would see the flag, so
//! the acknowledgement steps come one interval sooner: step 1 is due at `r`
//! itself (at raise time, or the next run of the escalation job), step 2 at
//! `r + I`, and so on. The assessment steps keep their times.
//!
//! A step is taken once: the caller passes the steps already recorded. When the
//! job missed several intervals (it was stopped), steps 1 and 2 are still taken
//! (nobody is skipped) but only the latest reminder is sent.

use crate::time::Timestamp;
use crate::validation::ValidationErrors;
use serde::Serialize;
use time::Duration;

/// Shortest and longest deadline an organisation may set, in hours.
pub const MIN_HOURS: i64 = 1;
pub const MAX_HOURS: i64 = 72;
pub const DEFAULT_ACKNOWLEDGEMENT_HOURS: i64 = 4;
pub const DEFAULT_ASSESSMENT_HOURS: i64 = 24;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Deadline {
    Acknowledgement,
    Assessment,
}

impl Deadline {
    pub const ALL: [Deadline; 2] = [Deadline::Acknowledgement, Deadline::Assessment];

    pub fn as_str(&self) -> &'static str {
        match self {
            Deadline::Acknowledgement => "acknowledgement",
            Deadline::Assessment => "assessment",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.as_str() == s)
    }

    /// What was not done, for messages: "acknowledged" / "assessed".
    pub fn missed_verb(&self) -> &'static str {
        match self {
            Deadline::Acknowledgement => "acknowledged",
            Deadline::Assessment => "assessed",
        }
    }
}

/// Who a step goes to (see the module table).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    Supervisors,
    Duty,
    Reminder,
}

impl Tier {
    pub fn for_step(step: i64) -> Tier {
        match step {
            1 => Tier::Supervisors,
            2 => Tier::Duty,
            _ => Tier::Reminder,
        }
    }

    pub fn as_str(&self) -> &'static str {
        match self {
            Tier::Supervisors => "supervisors",
            Tier::Duty => "duty",
            Tier::Reminder => "reminder",
        }
    }
}

/// The organisation's two deadlines, in whole hours (1 to 72).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Deadlines {
    pub acknowledgement_hours: i64,
    pub assessment_hours: i64,
}

impl Default for Deadlines {
    fn default() -> Self {
        Deadlines { acknowledgement_hours: DEFAULT_ACKNOWLEDGEMENT_HOURS, assessment_hours: DEFAULT_ASSESSMENT_HOURS }
    }
}

impl Deadlines {
    /// Both deadlines checked against the allowed range; errors name the
    /// fields `risk_acknowledgement_hours` and `risk_assessment_hours`.
    pub fn new(acknowledgement_hours: i64, assessment_hours: i64) -> Result<Self, ValidationErrors> {
        let mut e = ValidationErrors::new();
        for (field, label, v) in [
            ("risk_acknowledgement_hours", "Acknowledgement deadline", acknowledgement_hours),
            ("risk_assessment_hours", "Assessment deadline", assessment_hours),
        ] {
            if !(MIN_HOURS..=MAX_HOURS).contains(&v) {
                e.add(field, format!("{label} must be a whole number of hours from {MIN_HOURS} to {MAX_HOURS}"));
            }
        }
        e.into_result()?;
        Ok(Deadlines { acknowledgement_hours, assessment_hours })
    }

    pub fn hours(&self, d: Deadline) -> i64 {
        match d {
            Deadline::Acknowledgement => self.acknowledgement_hours,
            Deadline::Assessment => self.assessment_hours,
        }
    }

    pub fn interval(&self, d: Deadline) -> Duration {
        Duration::hours(self.hours(d))
    }
}

/// The times of one flag that the rules need.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FlagClock {
    pub raised_at: Timestamp,
    pub acknowledged_at: Option<Timestamp>,
    /// The first assessment recorded for the flag (it carries the risk level).
    pub assessed_at: Option<Timestamp>,
    pub closed_at: Option<Timestamp>,
    /// Whether the client's responsible clinician can still sign in.
    pub responsible_active: bool,
}

impl FlagClock {
    /// When the deadline's work was done (closing does both), if it was.
    pub fn handled_at(&self, d: Deadline) -> Option<Timestamp> {
        let own = match d {
            Deadline::Acknowledgement => self.acknowledged_at,
            Deadline::Assessment => self.assessed_at,
        };
        match (own, self.closed_at) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// The deadline itself: raised + interval.
    pub fn deadline_at(&self, deadlines: &Deadlines, d: Deadline) -> Timestamp {
        self.raised_at.plus(deadlines.interval(d))
    }

    /// When step `step` (1, 2, …) of a missed deadline is due.
    pub fn step_due_at(&self, deadlines: &Deadlines, d: Deadline, step: i64) -> Timestamp {
        let sooner = i64::from(d == Deadline::Acknowledgement && !self.responsible_active);
        self.raised_at.plus(deadlines.interval(d) * ((step - sooner) as i32))
    }
}

/// One escalation step to take now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DueStep {
    pub deadline: Deadline,
    pub step: i64,
    pub tier: Tier,
    pub due_at: Timestamp,
}

/// The steps due at `now` that are not in `done` (the steps already recorded
/// for this flag), acknowledgement first, each in step order.
pub fn due_steps(clock: &FlagClock, deadlines: &Deadlines, done: &[(Deadline, i64)], now: Timestamp) -> Vec<DueStep> {
    let mut out = Vec::new();
    for d in Deadline::ALL {
        if clock.handled_at(d).is_some_and(|h| h <= now) {
            continue;
        }
        let first = clock.step_due_at(deadlines, d, 1);
        if now < first {
            continue;
        }
        let interval = deadlines.interval(d).whole_seconds();
        let latest = 1 + now.since(first).whole_seconds() / interval;
        let mut wanted = vec![1];
        if latest >= 2 {
            wanted.push(2);
        }
        if latest >= 3 {
            wanted.push(latest);
        }
        for step in wanted {
            if !done.contains(&(d, step)) {
                out.push(DueStep {
                    deadline: d,
                    step,
                    tier: Tier::for_step(step),
                    due_at: clock.step_due_at(deadlines, d, step),
                });
            }
        }
    }
    out
}

/// How a flag stands against one deadline, for the risk dashboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timing {
    pub deadline: Deadline,
    pub deadline_at: Timestamp,
    /// From raising to the work being done, or to `now` while it is not.
    pub elapsed: Duration,
    pub done: bool,
    /// Not done and past the deadline.
    pub overdue: bool,
    /// Done, but after the deadline.
    pub late: bool,
}

pub fn timing(clock: &FlagClock, deadlines: &Deadlines, d: Deadline, now: Timestamp) -> Timing {
    let deadline_at = clock.deadline_at(deadlines, d);
    let handled = clock.handled_at(d).filter(|h| *h <= now);
    let end = handled.unwrap_or(now);
    let past = end > deadline_at;
    Timing {
        deadline: d,
        deadline_at,
        elapsed: end.since(clock.raised_at),
        done: handled.is_some(),
        overdue: handled.is_none() && past,
        late: handled.is_some() && past,
    }
}

/// "45 min", "3 h 20 min", "4 days 2 h".
pub fn format_duration(d: Duration) -> String {
    let m = d.whole_minutes().max(0);
    match m {
        m if m < 60 => format!("{m} min"),
        m if m < 48 * 60 => format!("{} h {} min", m / 60, m % 60),
        m => format!("{} days {} h", m / (24 * 60), (m / 60) % 24),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: i64, m: i64) -> Timestamp {
        // A fixed clock: 2026-03-02 08:00 UTC plus h hours and m minutes.
        Timestamp::parse("2026-03-02T08:00:00.000000Z").unwrap().plus(Duration::hours(h) + Duration::minutes(m))
    }

    fn open() -> FlagClock {
        FlagClock {
            raised_at: t(0, 0),
            acknowledged_at: None,
            assessed_at: None,
            closed_at: None,
            responsible_active: true,
        }
    }

    fn steps(v: &[DueStep]) -> Vec<(Deadline, i64, Tier)> {
        v.iter().map(|s| (s.deadline, s.step, s.tier)).collect()
    }

    use Deadline::{Acknowledgement as Ack, Assessment as Ass};

    #[test]
    fn deadlines_must_be_between_one_and_seventy_two_hours() {
        assert_eq!(Deadlines::new(4, 24).unwrap(), Deadlines::default());
        assert!(Deadlines::new(1, 72).is_ok());
        let e = Deadlines::new(0, 73).unwrap_err();
        assert!(e.for_field("risk_acknowledgement_hours").is_some());
        assert!(e.for_field("risk_assessment_hours").is_some());
        assert!(Deadlines::new(4, 0).unwrap_err().for_field("risk_acknowledgement_hours").is_none());
    }

    #[test]
    fn nothing_is_due_before_the_deadline() {
        let d = Deadlines::default();
        assert!(due_steps(&open(), &d, &[], t(3, 59)).is_empty());
        let s = due_steps(&open(), &d, &[], t(4, 0));
        assert_eq!(steps(&s), [(Ack, 1, Tier::Supervisors)]);
        assert_eq!(s[0].due_at, t(4, 0));
    }

    #[test]
    fn missed_acknowledgement_goes_to_supervisors_then_duty_then_reminders() {
        let d = Deadlines::default();
        let mut done = vec![(Ack, 1)];
        assert!(due_steps(&open(), &d, &done, t(7, 59)).is_empty(), "step 1 is not repeated");
        assert_eq!(steps(&due_steps(&open(), &d, &done, t(8, 0))), [(Ack, 2, Tier::Duty)]);
        done.push((Ack, 2));
        assert!(due_steps(&open(), &d, &done, t(11, 0)).is_empty());
        assert_eq!(steps(&due_steps(&open(), &d, &done, t(12, 0))), [(Ack, 3, Tier::Reminder)]);
        done.push((Ack, 3));
        assert_eq!(steps(&due_steps(&open(), &d, &done, t(16, 30))), [(Ack, 4, Tier::Reminder)]);
    }

    #[test]
    fn acknowledging_does_not_stop_the_assessment_clock() {
        let d = Deadlines::default();
        let c = FlagClock { acknowledged_at: Some(t(1, 0)), ..open() };
        assert!(due_steps(&c, &d, &[], t(23, 59)).is_empty(), "acknowledged in time");
        assert_eq!(steps(&due_steps(&c, &d, &[], t(24, 0))), [(Ass, 1, Tier::Supervisors)]);
        assert_eq!(steps(&due_steps(&c, &d, &[(Ass, 1)], t(48, 0))), [(Ass, 2, Tier::Duty)]);
        // Assessed: nothing more.
        let c = FlagClock { assessed_at: Some(t(30, 0)), ..c };
        assert!(due_steps(&c, &d, &[(Ass, 1)], t(100, 0)).is_empty());
    }

    #[test]
    fn both_clocks_run_for_a_flag_nobody_touches() {
        let d = Deadlines::default();
        let s = due_steps(&open(), &d, &[(Ack, 1), (Ack, 2)], t(24, 0));
        assert_eq!(steps(&s), [(Ack, 6, Tier::Reminder), (Ass, 1, Tier::Supervisors)]);
    }

    #[test]
    fn a_late_job_takes_steps_one_and_two_and_only_the_latest_reminder() {
        let d = Deadlines::default();
        let s = due_steps(&open(), &d, &[], t(21, 0));
        assert_eq!(steps(&s), [(Ack, 1, Tier::Supervisors), (Ack, 2, Tier::Duty), (Ack, 5, Tier::Reminder)]);
        assert_eq!(s[2].due_at, t(20, 0));
    }

    #[test]
    fn closing_between_steps_stops_both_clocks() {
        let d = Deadlines::default();
        let c = FlagClock { closed_at: Some(t(6, 0)), ..open() };
        assert!(due_steps(&c, &d, &[(Ack, 1)], t(200, 0)).is_empty());
        // Handled after `now` (a clock in the past) does not count yet.
        assert_eq!(steps(&due_steps(&c, &d, &[], t(5, 0))), [(Ack, 1, Tier::Supervisors)]);
    }

    #[test]
    fn an_inactive_responsible_clinician_sends_the_flag_to_supervisors_at_once() {
        let d = Deadlines::default();
        let c = FlagClock { responsible_active: false, ..open() };
        assert_eq!(steps(&due_steps(&c, &d, &[], t(0, 0))), [(Ack, 1, Tier::Supervisors)]);
        assert_eq!(steps(&due_steps(&c, &d, &[(Ack, 1)], t(4, 0))), [(Ack, 2, Tier::Duty)]);
        assert!(due_steps(&c, &d, &[(Ack, 1)], t(3, 59)).is_empty());
        // The assessment deadline keeps its time.
        assert_eq!(c.step_due_at(&d, Ass, 1), t(24, 0));
        // The deadline shown stays raised + 4 h.
        assert_eq!(c.deadline_at(&d, Ack), t(4, 0));
    }

    #[test]
    fn settings_change_the_times() {
        let d = Deadlines::new(1, 2).unwrap();
        assert_eq!(steps(&due_steps(&open(), &d, &[], t(1, 0))), [(Ack, 1, Tier::Supervisors)]);
        let c = FlagClock { acknowledged_at: Some(t(0, 30)), ..open() };
        assert_eq!(steps(&due_steps(&c, &d, &[], t(4, 0))), [(Ass, 1, Tier::Supervisors), (Ass, 2, Tier::Duty)]);
    }

    #[test]
    fn timings_show_elapsed_overdue_and_late() {
        let d = Deadlines::default();
        let c = FlagClock { acknowledged_at: Some(t(5, 0)), ..open() };
        let a = timing(&c, &d, Ack, t(30, 0));
        assert_eq!((a.elapsed, a.done, a.overdue, a.late), (Duration::hours(5), true, false, true));
        let s = timing(&c, &d, Ass, t(30, 0));
        assert_eq!((s.elapsed, s.done, s.overdue), (Duration::hours(30), false, true));
        let s = timing(&c, &d, Ass, t(10, 0));
        assert_eq!((s.done, s.overdue, s.deadline_at), (false, false, t(24, 0)));
        assert_eq!(format_duration(Duration::minutes(45)), "45 min");
        assert_eq!(format_duration(Duration::minutes(200)), "3 h 20 min");
        assert_eq!(format_duration(Duration::hours(98)), "4 days 2 h");
    }
}
