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
//!
//! Who is told at each step (`route_step`, `duty_cover`, `new_flag_route`) and
//! what they are told (`step_message`, the `*_body` functions) are decided
//! here; the store reads the people and queues the notifications.

use crate::ids::Id;
use crate::measures::scoring::RiskHit;
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

/// An escalation step for people, never its ids: "Not assessed in time, step 2
/// (duty cover): sent to the duty clinician".
pub fn step_words(deadline: Deadline, step: i64, tier: Tier, routed_to: &str) -> String {
    let tier = match tier {
        Tier::Supervisors => "supervisors",
        Tier::Duty => "duty cover",
        Tier::Reminder => "reminder",
    };
    format!("Not {} in time, step {step} ({tier}): sent to {}", deadline.missed_verb(), route_words(routed_to))
}

/// Who a step went to ("responsible+supervisors+duty_clinician") in words.
fn route_words(routed_to: &str) -> String {
    let names: Vec<String> = routed_to
        .split('+')
        .filter(|p| !p.is_empty())
        .map(|p| match p {
            "responsible" => "the responsible clinician".to_string(),
            "supervisors" => "the supervisors".to_string(),
            "duty_clinician" => "the duty clinician".to_string(),
            "administrators" => "the administrators".to_string(),
            other => other.replace('_', " "),
        })
        .collect();
    match names.as_slice() {
        [] => "nobody".to_string(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
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

// ---------------------------------------------------------------- who is told

/// Who covers when the supervisors cannot, or after them: the duty clinician
/// when one is set and active, else the active administrators.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DutyCover {
    pub recipients: Vec<Id>,
    /// `duty_clinician` or `administrators`.
    pub route: &'static str,
}

/// `active_duty`: the organisation's duty clinician if one is set and can
/// still sign in; `active_administrators`: every administrator who can.
pub fn duty_cover(active_duty: Option<Id>, active_administrators: Vec<Id>) -> DutyCover {
    match active_duty {
        Some(d) => DutyCover { recipients: vec![d], route: "duty_clinician" },
        None => DutyCover { recipients: active_administrators, route: "administrators" },
    }
}

/// The recipients of one step, recorded with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Route {
    /// Each person once, in the order told.
    pub recipients: Vec<Id>,
    /// Who was told: `supervisors`, `duty_clinician`, `administrators`, or a
    /// `+`-joined combination for reminders (`responsible+supervisors+…`).
    pub routed_to: String,
    /// The notification kind queued for each recipient.
    pub kind: &'static str,
}

/// Who a step of `tier` goes to: step 1 to the active supervisors of the
/// responsible clinician (none: the duty cover), step 2 to the duty cover,
/// reminders to the responsible clinician while active, the supervisors and
/// the duty cover. `supervisors` are the active ones.
pub fn route_step(
    tier: Tier,
    responsible: &Id,
    responsible_active: bool,
    supervisors: &[Id],
    duty: &DutyCover,
) -> Route {
    let (mut recipients, routed_to, kind): (Vec<Id>, String, &'static str) = match tier {
        Tier::Supervisors if !supervisors.is_empty() => {
            (supervisors.to_vec(), "supervisors".into(), "risk_flag_escalated")
        }
        Tier::Supervisors => (duty.recipients.clone(), duty.route.into(), "risk_flag_escalated_no_supervisor"),
        Tier::Duty => (duty.recipients.clone(), duty.route.into(), "risk_flag_escalated_duty"),
        Tier::Reminder => {
            let mut route = Vec::new();
            let mut all = Vec::new();
            if responsible_active {
                route.push("responsible");
                all.push(responsible.clone());
            }
            if !supervisors.is_empty() {
                route.push("supervisors");
                all.extend_from_slice(supervisors);
            }
            route.push(duty.route);
            all.extend_from_slice(&duty.recipients);
            (all, route.join("+"), "risk_flag_reminder")
        }
    };
    let mut seen = std::collections::HashSet::new();
    recipients.retain(|u| seen.insert(u.clone()));
    Route { recipients, routed_to, kind }
}

/// Where a flag just raised goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NewFlagRoute {
    /// The responsible clinician is told (notification kind `RAISED_KIND`).
    Responsible,
    /// The responsible clinician is inactive, so nobody would see it: the
    /// flag escalates at once (its first acknowledgement step is due at raise).
    Escalate,
}

pub fn new_flag_route(responsible_active: bool) -> NewFlagRoute {
    if responsible_active {
        NewFlagRoute::Responsible
    } else {
        NewFlagRoute::Escalate
    }
}

// ---------------------------------------------------------------- what they are told

/// The notification kind and subject when a flag is raised.
pub const RAISED_KIND: &str = "risk_flag_raised";
pub const RAISED_SUBJECT: &str = "Risk flag raised: please review today";

/// The positive risk items of a response: "item 9 = 2, item 3 = 1".
pub fn risk_items(hits: &[RiskHit]) -> String {
    hits.iter().map(|h| format!("item {} = {}", h.item, h.score)).collect::<Vec<_>>().join(", ")
}

/// The body when a questionnaire response raises a flag (`items`: `risk_items`).
pub fn measure_flag_body(instrument: &str, items: &str, flag: &Id) -> String {
    format!("A {instrument} response has a positive risk item ({items}). Open Rapport to acknowledge and assess. Flag {flag}.")
}

/// The body when a clinician raises a flag.
pub fn clinician_flag_body(flag: &Id) -> String {
    format!("A clinician recorded a risk concern. Open Rapport to acknowledge and assess. Flag {flag}.")
}

/// The subject and body of the notification for one step taken at `now`.
pub fn step_message(
    due: &DueStep,
    clock: &FlagClock,
    deadlines: &Deadlines,
    now: Timestamp,
    flag: &Id,
) -> (String, String) {
    let waited = format_duration(now.since(clock.raised_at));
    let hours = deadlines.hours(due.deadline);
    let verb = due.deadline.missed_verb();
    let at_raise = due.deadline == Deadline::Acknowledgement && due.step == 1 && !clock.responsible_active;
    let (subject, why) = match due.tier {
        _ if at_raise => (
            "Risk flag raised: the responsible clinician is inactive, so it comes to you".to_string(),
            "The client's responsible clinician can no longer sign in, so nobody else would see it. \
             Acknowledge and assess it, and hand the client to an active clinician."
                .to_string(),
        ),
        Tier::Supervisors if due.deadline == Deadline::Acknowledgement => (
            "Risk flag not acknowledged: escalated to you".to_string(),
            format!("It has not been acknowledged within the {hours}-hour deadline."),
        ),
        Tier::Supervisors => (
            "Risk flag not assessed: escalated to you".to_string(),
            format!("No risk assessment has been recorded within the {hours}-hour deadline."),
        ),
        Tier::Duty => (
            format!("Risk flag still not {verb}: escalated to you as duty cover"),
            format!("It is still not {verb}; the supervisors were told earlier (deadline {hours} hours)."),
        ),
        Tier::Reminder => (
            format!("Reminder: a risk flag is still not {verb}"),
            format!("It is still not {verb} (deadline {hours} hours); this reminder repeats every {hours} hours."),
        ),
    };
    let body = format!(
        "A risk flag was raised {waited} ago. {why} Open Rapport and make sure it is handled today. \
         Flag {flag}."
    );
    (subject, body)
}

/// The audit detail of one step taken at `now`, told to `notified` people.
pub fn step_audit_detail(due: &DueStep, clock: &FlagClock, now: Timestamp, routed_to: &str, notified: usize) -> String {
    let waited = format_duration(now.since(clock.raised_at));
    format!(
        "{} step {} ({}): not {} after {waited}; to {routed_to}, {notified} notified",
        due.deadline.as_str(),
        due.step,
        due.tier.as_str(),
        due.deadline.missed_verb(),
    )
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

    // ------------------------------------------------------------ recipients and wording

    fn id(n: u8) -> Id {
        Id::from_db(format!("00000000-0000-7000-8000-{n:012}"))
    }

    fn ids(v: &[Id]) -> Vec<&str> {
        v.iter().map(Id::as_str).collect()
    }

    #[test]
    fn the_duty_clinician_covers_else_the_administrators() {
        let d = duty_cover(Some(id(9)), vec![id(7), id(8)]);
        assert_eq!((d.recipients, d.route), (vec![id(9)], "duty_clinician"));
        let d = duty_cover(None, vec![id(7), id(8)]);
        assert_eq!((d.recipients, d.route), (vec![id(7), id(8)], "administrators"));
        let d = duty_cover(None, vec![]);
        assert!(d.recipients.is_empty());
        assert_eq!(d.route, "administrators");
    }

    #[test]
    fn step_one_goes_to_the_supervisors_else_the_duty_cover() {
        let duty = duty_cover(Some(id(9)), vec![id(7)]);
        let r = route_step(Tier::Supervisors, &id(1), true, &[id(2), id(3)], &duty);
        assert_eq!(
            (ids(&r.recipients), r.routed_to.as_str(), r.kind),
            (ids(&[id(2), id(3)]), "supervisors", "risk_flag_escalated")
        );
        let r = route_step(Tier::Supervisors, &id(1), true, &[], &duty);
        assert_eq!(
            (r.recipients, r.routed_to.as_str(), r.kind),
            (vec![id(9)], "duty_clinician", "risk_flag_escalated_no_supervisor")
        );
        let admins = duty_cover(None, vec![id(7), id(8)]);
        let r = route_step(Tier::Supervisors, &id(1), false, &[], &admins);
        assert_eq!((r.recipients, r.routed_to.as_str()), (vec![id(7), id(8)], "administrators"));
    }

    #[test]
    fn step_two_goes_to_the_duty_cover_even_with_supervisors() {
        let duty = duty_cover(Some(id(9)), vec![]);
        let r = route_step(Tier::Duty, &id(1), true, &[id(2)], &duty);
        assert_eq!(
            (r.recipients, r.routed_to.as_str(), r.kind),
            (vec![id(9)], "duty_clinician", "risk_flag_escalated_duty")
        );
    }

    #[test]
    fn reminders_go_to_everyone_told_once_each() {
        let duty = duty_cover(Some(id(2)), vec![]);
        let r = route_step(Tier::Reminder, &id(1), true, &[id(2), id(3)], &duty);
        assert_eq!(r.recipients, [id(1), id(2), id(3)], "the supervisor who is also duty clinician is told once");
        assert_eq!((r.routed_to.as_str(), r.kind), ("responsible+supervisors+duty_clinician", "risk_flag_reminder"));
        // An inactive responsible clinician is not reminded; no supervisors: the administrators.
        let admins = duty_cover(None, vec![id(7)]);
        let r = route_step(Tier::Reminder, &id(1), false, &[], &admins);
        assert_eq!((r.recipients, r.routed_to.as_str()), (vec![id(7)], "administrators"));
    }

    #[test]
    fn a_new_flag_goes_to_an_active_responsible_clinician_else_escalates() {
        assert_eq!(new_flag_route(true), NewFlagRoute::Responsible);
        assert_eq!(new_flag_route(false), NewFlagRoute::Escalate);
    }

    #[test]
    fn raised_messages_name_the_items_and_the_flag() {
        let hits = [RiskHit { item: 9, score: 2, rule: "r".into() }, RiskHit { item: 3, score: 1, rule: "r".into() }];
        assert_eq!(risk_items(&hits), "item 9 = 2, item 3 = 1");
        assert_eq!(
            measure_flag_body("PHQ-9", &risk_items(&hits), &id(5)),
            "A PHQ-9 response has a positive risk item (item 9 = 2, item 3 = 1). Open Rapport to acknowledge and \
             assess. Flag 00000000-0000-7000-8000-000000000005."
        );
        assert_eq!(
            clinician_flag_body(&id(5)),
            "A clinician recorded a risk concern. Open Rapport to acknowledge and assess. Flag \
             00000000-0000-7000-8000-000000000005."
        );
        assert_eq!(RAISED_SUBJECT, "Risk flag raised: please review today");
    }

    fn due(deadline: Deadline, step: i64) -> DueStep {
        DueStep { deadline, step, tier: Tier::for_step(step), due_at: t(0, 0) }
    }

    #[test]
    fn step_messages_say_what_was_missed_and_for_how_long() {
        let d = Deadlines::default();
        let (s, b) = step_message(&due(Ack, 1), &open(), &d, t(4, 5), &id(5));
        assert_eq!(s, "Risk flag not acknowledged: escalated to you");
        assert_eq!(
            b,
            "A risk flag was raised 4 h 5 min ago. It has not been acknowledged within the 4-hour deadline. Open \
             Rapport and make sure it is handled today. Flag 00000000-0000-7000-8000-000000000005."
        );
        let (s, b) = step_message(&due(Ass, 1), &open(), &d, t(24, 0), &id(5));
        assert_eq!(s, "Risk flag not assessed: escalated to you");
        assert!(b.contains("No risk assessment has been recorded within the 24-hour deadline."));
        let (s, b) = step_message(&due(Ass, 2), &open(), &d, t(48, 0), &id(5));
        assert_eq!(s, "Risk flag still not assessed: escalated to you as duty cover");
        assert!(b.contains("It is still not assessed; the supervisors were told earlier (deadline 24 hours)."));
        let (s, b) = step_message(&due(Ack, 3), &open(), &d, t(12, 0), &id(5));
        assert_eq!(s, "Reminder: a risk flag is still not acknowledged");
        assert!(b.contains("this reminder repeats every 4 hours."));
        assert!(b.starts_with("A risk flag was raised 12 h 0 min ago."));
    }

    #[test]
    fn a_flag_of_an_inactive_clinician_says_so_at_raise() {
        let d = Deadlines::default();
        let c = FlagClock { responsible_active: false, ..open() };
        let (s, b) = step_message(&due(Ack, 1), &c, &d, t(0, 0), &id(5));
        assert_eq!(s, "Risk flag raised: the responsible clinician is inactive, so it comes to you");
        assert!(
            b.starts_with("A risk flag was raised 0 min ago. The client's responsible clinician can no longer sign in")
        );
        // Later steps and the assessment deadline use the usual words.
        assert_eq!(
            step_message(&due(Ack, 2), &c, &d, t(4, 0), &id(5)).0,
            "Risk flag still not acknowledged: escalated to you as duty cover"
        );
        assert_eq!(step_message(&due(Ass, 1), &c, &d, t(24, 0), &id(5)).0, "Risk flag not assessed: escalated to you");
    }

    #[test]
    fn the_audit_detail_names_the_step_and_the_route() {
        assert_eq!(
            step_audit_detail(&due(Ack, 2), &open(), t(8, 0), "administrators", 3),
            "acknowledgement step 2 (duty): not acknowledged after 8 h 0 min; to administrators, 3 notified"
        );
    }

    #[test]
    fn steps_read_in_words_not_ids() {
        assert_eq!(
            step_words(Deadline::Assessment, 2, Tier::Duty, "duty_clinician"),
            "Not assessed in time, step 2 (duty cover): sent to the duty clinician"
        );
        assert_eq!(
            step_words(Deadline::Acknowledgement, 3, Tier::Reminder, "responsible+supervisors+duty_clinician"),
            "Not acknowledged in time, step 3 (reminder): sent to the responsible clinician, the supervisors and the duty clinician"
        );
        assert_eq!(route_words("administrators"), "the administrators");
        assert_eq!(route_words(""), "nobody");
    }
}
