//! A course of IPT (an episode of care): its contract, status, sessions and
//! where it stands. Phases are computed from the protocol and the sessions
//! held, never stored, so a backdated or cancelled session can never leave a
//! stale phase behind.

use crate::msg;
use crate::protocol::{phase_of, Frequency, Phase, Protocol, ProtocolKind};
use crate::time::{format_date, parse_date};
use crate::validation::{check_plausible, optional_text, FieldError, KeyArg, MessageKey, ValidationErrors};
use serde::{Deserialize, Serialize};
use time::Date;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CourseStatus {
    Planned,
    Active,
    Completed,
    EndedEarly,
    Transferred,
}

impl CourseStatus {
    pub const ALL: [CourseStatus; 5] = [
        CourseStatus::Planned,
        CourseStatus::Active,
        CourseStatus::Completed,
        CourseStatus::EndedEarly,
        CourseStatus::Transferred,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            CourseStatus::Planned => "planned",
            CourseStatus::Active => "active",
            CourseStatus::Completed => "completed",
            CourseStatus::EndedEarly => "ended_early",
            CourseStatus::Transferred => "transferred",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
    pub fn label(self) -> &'static str {
        match self {
            CourseStatus::Planned => "Planned",
            CourseStatus::Active => "Active",
            CourseStatus::Completed => "Completed",
            CourseStatus::EndedEarly => "Ended early",
            CourseStatus::Transferred => "Transferred",
        }
    }
    /// The interface message naming this (locales/*/courses.ftl).
    pub fn message(self) -> &'static str {
        match self {
            CourseStatus::Planned => crate::msg("course-status-planned"),
            CourseStatus::Active => crate::msg("course-status-active"),
            CourseStatus::Completed => crate::msg("course-status-completed"),
            CourseStatus::EndedEarly => crate::msg("course-status-ended-early"),
            CourseStatus::Transferred => crate::msg("course-status-transferred"),
        }
    }
    /// Open courses take sessions and edits; closed ones are a record.
    pub fn is_open(self) -> bool {
        matches!(self, CourseStatus::Planned | CourseStatus::Active)
    }
    /// Closing needs a reason for these.
    pub fn needs_reason(self) -> bool {
        matches!(self, CourseStatus::EndedEarly | CourseStatus::Transferred)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attendance {
    /// Booked, not yet happened.
    Scheduled,
    Attended,
    Cancelled,
    NoShow,
}

impl Attendance {
    pub const ALL: [Attendance; 4] =
        [Attendance::Scheduled, Attendance::Attended, Attendance::Cancelled, Attendance::NoShow];
    pub fn as_str(self) -> &'static str {
        match self {
            Attendance::Scheduled => "scheduled",
            Attendance::Attended => "attended",
            Attendance::Cancelled => "cancelled",
            Attendance::NoShow => "no_show",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
    pub fn label(self) -> &'static str {
        match self {
            Attendance::Scheduled => "Scheduled",
            Attendance::Attended => "Attended",
            Attendance::Cancelled => "Cancelled",
            Attendance::NoShow => "Did not attend",
        }
    }
    /// The interface message naming this (locales/*/courses.ftl).
    pub fn message(self) -> &'static str {
        match self {
            Attendance::Scheduled => crate::msg("session-attendance-scheduled"),
            Attendance::Attended => crate::msg("session-attendance-attended"),
            Attendance::Cancelled => crate::msg("session-attendance-cancelled"),
            Attendance::NoShow => crate::msg("session-attendance-no-show"),
        }
    }
    /// Only attended sessions count as held.
    pub fn is_held(self) -> bool {
        self == Attendance::Attended
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    InPerson,
    Video,
    Phone,
}

impl Modality {
    pub const ALL: [Modality; 3] = [Modality::InPerson, Modality::Video, Modality::Phone];
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::InPerson => "in_person",
            Modality::Video => "video",
            Modality::Phone => "phone",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
    pub fn label(self) -> &'static str {
        match self {
            Modality::InPerson => "In person",
            Modality::Video => "Video",
            Modality::Phone => "Phone",
        }
    }
    /// The interface message naming this (locales/*/courses.ftl).
    pub fn message(self) -> &'static str {
        match self {
            Modality::InPerson => crate::msg("session-modality-in-person"),
            Modality::Video => crate::msg("session-modality-video"),
            Modality::Phone => crate::msg("session-modality-phone"),
        }
    }
}

/// A validated session as typed in a form or sent to the API
/// (`course_rules::validate_session`), ready to store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewTherapySession {
    pub date: Date,
    pub time: String,
    pub modality: Modality,
    pub attendance: Attendance,
    pub duration_minutes: Option<u32>,
    /// An engagement session before session 1 (`Protocol::engagement_session`):
    /// numbered 0 and counted in no session count. Set when it is recorded.
    pub engagement: bool,
}

/// A validated new course contract.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewCourse {
    pub protocol_id: String,
    pub planned_sessions: u32,
    pub frequency: Frequency,
    pub session_minutes: u32,
    pub start_date: Date,
    pub planned_end_date: Date,
    pub status: CourseStatus,
}

/// Course contract as typed (all optional strings/numbers).
#[derive(Clone, Debug, Default)]
pub struct RawCourse {
    pub protocol: Option<String>,
    pub planned_sessions: Option<i64>,
    pub frequency: Option<String>,
    pub session_minutes: Option<i64>,
    pub start_date: Option<String>,
    pub planned_end_date: Option<String>,
}

/// An error that keeps its English text (the API, the logs and tests read it)
/// and that the faces word by the interface message `id` in the reader's language.
pub fn worded(
    field: &str,
    english: impl Into<String>,
    id: &'static str,
    args: Vec<(&'static str, KeyArg)>,
) -> FieldError {
    FieldError { field: field.to_string(), message: english.into(), key: Some(MessageKey { id, args }) }
}

/// Adds a [`worded`] error to `e`.
pub fn add_worded(
    e: &mut ValidationErrors,
    field: &str,
    english: impl Into<String>,
    id: &'static str,
    args: Vec<(&'static str, KeyArg)>,
) {
    e.0.push(worded(field, english, id, args));
}

/// The date of the last session if every session keeps to the frequency.
pub fn planned_end(start: Date, sessions: u32, freq: Frequency) -> Date {
    let days = i64::from(sessions.saturating_sub(1)) * freq.interval_days();
    start.checked_add(time::Duration::days(days)).unwrap_or(start)
}

pub fn validate_new_course(
    protocols: &crate::protocol::ProtocolSet,
    raw: &RawCourse,
    today: Date,
) -> Result<NewCourse, ValidationErrors> {
    let mut e = ValidationErrors::new();
    let protocol = match raw.protocol.as_deref().map(str::trim) {
        None | Some("") => {
            add_worded(&mut e, "protocol", "Choose a protocol", crate::msg("course-error-protocol"), vec![]);
            None
        }
        Some(id) => match protocols.get(id) {
            Some(p) if p.kind == ProtocolKind::Acute => Some(p),
            Some(_) => {
                add_worded(
                    &mut e,
                    "protocol",
                    format!("{id} is a maintenance protocol; start it from the ending review"),
                    crate::msg("course-error-protocol-maintenance"),
                    vec![("id", id.into())],
                );
                None
            }
            None => {
                let known: Vec<&str> = protocols.acute().map(|p| p.id.as_str()).collect();
                add_worded(
                    &mut e,
                    "protocol",
                    format!("Unknown protocol {id:?}; choose one of {}", known.join(", ")),
                    crate::msg("course-error-protocol-unknown"),
                    vec![("id", format!("{id:?}").into()), ("known", known.join(", ").into())],
                );
                None
            }
        },
    };
    let Some(p) = protocol else { return Err(e) };
    finish_contract(p, raw, today, e)
}

/// Validates the contract terms of `raw` against protocol `p` (also used for
/// maintenance courses, which are created from a termination review).
pub fn finish_contract(
    p: &Protocol,
    raw: &RawCourse,
    today: Date,
    mut e: ValidationErrors,
) -> Result<NewCourse, ValidationErrors> {
    let planned = match raw.planned_sessions {
        None => p.sessions.default,
        Some(n) if n >= 0 && p.allows_sessions(n as u32) => n as u32,
        Some(n) => {
            add_worded(
                &mut e,
                "planned_sessions",
                format!("{} allows {}-{} sessions (got {n})", p.name, p.sessions.min, p.sessions.max),
                crate::msg("course-error-sessions-range"),
                vec![
                    ("protocol", p.name.clone().into()),
                    ("min", i64::from(p.sessions.min).into()),
                    ("max", i64::from(p.sessions.max).into()),
                    ("got", n.into()),
                ],
            );
            p.sessions.default
        }
    };
    let frequency = match raw.frequency.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => p.frequency,
        Some(f) => Frequency::parse(f).unwrap_or_else(|| {
            add_worded(
                &mut e,
                "frequency",
                format!("Unknown frequency {f:?}; use weekly, twice_monthly or monthly"),
                crate::msg("course-error-frequency"),
                vec![("value", format!("{f:?}").into())],
            );
            p.frequency
        }),
    };
    let minutes = match raw.session_minutes {
        None => p.session_minutes,
        Some(m) if (5..=240).contains(&m) => m as u32,
        Some(m) => {
            add_worded(
                &mut e,
                "session_minutes",
                format!("Session length must be 5-240 minutes (got {m})"),
                crate::msg("course-error-session-minutes"),
                vec![("got", m.into())],
            );
            p.session_minutes
        }
    };
    let start = match raw.start_date.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => today,
        Some(s) => match parse_date(s) {
            Some(d) => check_plausible(&mut e, "start_date", msg("field-start-date"), d, today).unwrap_or(today),
            None => {
                let english = "Start date must be a date in the form YYYY-MM-DD";
                add_worded(&mut e, "start_date", english, crate::msg("course-error-start-date"), vec![]);
                today
            }
        },
    };
    let end = match raw.planned_end_date.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => planned_end(start, planned, frequency),
        Some(s) => match parse_date(s) {
            Some(d) if d >= start => {
                check_plausible(&mut e, "planned_end_date", msg("field-planned-end-date"), d, today).unwrap_or(start)
            }
            Some(_) => {
                let english = "Planned end date must not be before the start date";
                add_worded(&mut e, "planned_end_date", english, crate::msg("course-error-end-before-start"), vec![]);
                start
            }
            None => {
                let english = "Planned end date must be a date in the form YYYY-MM-DD";
                add_worded(&mut e, "planned_end_date", english, crate::msg("course-error-end-date"), vec![]);
                start
            }
        },
    };
    e.into_result()?;
    Ok(NewCourse {
        protocol_id: p.id.clone(),
        planned_sessions: planned,
        frequency,
        session_minutes: minutes,
        start_date: start,
        planned_end_date: end,
        status: if start > today { CourseStatus::Planned } else { CourseStatus::Active },
    })
}

/// A contract renegotiation: the new session count, with the reason recorded.
pub fn validate_renegotiation(
    p: &Protocol,
    current: u32,
    held: u32,
    new_count: Option<i64>,
    reason: Option<&str>,
) -> Result<(u32, String), ValidationErrors> {
    let mut e = ValidationErrors::new();
    let n = match new_count {
        None => {
            let english = "Enter the new number of sessions";
            add_worded(&mut e, "planned_sessions", english, crate::msg("course-error-new-number"), vec![]);
            0
        }
        Some(n) if n < 1 || n > i64::from(p.sessions.max.max(current)) + 8 => {
            add_worded(
                &mut e,
                "planned_sessions",
                format!("{n} sessions is outside what {} allows ({}-{})", p.name, p.sessions.min, p.sessions.max + 8),
                crate::msg("course-error-renegotiate-range"),
                vec![
                    ("got", n.into()),
                    ("protocol", p.name.clone().into()),
                    ("min", i64::from(p.sessions.min).into()),
                    ("max", i64::from(p.sessions.max + 8).into()),
                ],
            );
            0
        }
        Some(n) if (n as u32) < held => {
            add_worded(
                &mut e,
                "planned_sessions",
                format!("{held} sessions are already held; the contract cannot be shorter"),
                crate::msg("course-error-already-held"),
                vec![("held", i64::from(held).into())],
            );
            0
        }
        Some(n) if n as u32 == current => {
            add_worded(
                &mut e,
                "planned_sessions",
                format!("The contract is already {current} sessions"),
                crate::msg("course-error-same-contract"),
                vec![("count", i64::from(current).into())],
            );
            0
        }
        Some(n) => n as u32,
    };
    let reason = optional_text(&mut e, "reason", msg("field-reason"), reason, 2000);
    if reason.is_none() && e.for_field("reason").is_none() {
        let english = "Say why the contract changes (renegotiation is part of the record)";
        add_worded(&mut e, "reason", english, crate::msg("course-error-renegotiate-reason"), vec![]);
    }
    e.into_result()?;
    Ok((n, reason.unwrap_or_default()))
}

/// Problem areas chosen for a formulation: known to the protocol, no
/// duplicates, at least one and at most the protocol's limit.
pub fn validate_problem_areas(p: &Protocol, areas: &[String]) -> Result<Vec<String>, ValidationErrors> {
    let mut e = ValidationErrors::new();
    let mut out: Vec<String> = Vec::new();
    for (i, a) in areas.iter().enumerate() {
        let a = a.trim();
        if p.area(a).is_none() {
            let known: Vec<&str> = p.problem_areas.iter().map(|x| x.id.as_str()).collect();
            e.add(
                &format!("problem_areas[{i}]"),
                format!("Unknown problem area {a:?} for {}; choose from {}", p.name, known.join(", ")),
            );
        } else if out.iter().any(|x| x == a) {
            e.add(&format!("problem_areas[{i}]"), format!("{a} is listed twice"));
        } else {
            out.push(a.to_string());
        }
    }
    if e.is_empty() && out.len() > p.max_problem_areas as usize {
        e.add(
            "problem_areas",
            format!("{} allows at most {} problem area(s); {} chosen", p.name, p.max_problem_areas, out.len()),
        );
    }
    e.into_result()?;
    Ok(out)
}

/// What the numbering needs to know about one session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionSlot {
    pub date: Date,
    /// "HH:MM" or empty; orders sessions on the same day.
    pub time: String,
    /// Breaks ties (creation order).
    pub seq: String,
    pub attendance: Attendance,
    /// The clinician's phase for this session, when it differs from the computed one.
    pub phase_override: Option<Phase>,
    /// An engagement session: numbered 0 when held, counted in nothing.
    pub engagement: bool,
}

impl SessionSlot {
    /// Whether the session counts: held, and not the engagement session.
    pub fn counts(&self) -> bool {
        self.attendance.is_held() && !self.engagement
    }
}

/// Checks that an engagement session (session 0) may be recorded in a course
/// of protocol `p` whose sessions so far are `existing`: the protocol offers
/// one, the course has none yet, and session 1 is not recorded yet (no
/// numbered session was held). Errors name `engagement`.
pub fn check_engagement(p: &Protocol, existing: &[SessionSlot]) -> Result<(), ValidationErrors> {
    let mut e = ValidationErrors::new();
    if !p.engagement_session {
        let english = format!("{} has no engagement session; record session 1", p.name);
        let args = vec![("protocol", p.name.clone().into())];
        add_worded(&mut e, "engagement", english, crate::msg("session-error-engagement-protocol"), args);
    } else if existing.iter().any(|s| s.engagement) {
        let english = "This course already has its engagement session (session 0)";
        add_worded(&mut e, "engagement", english, crate::msg("session-error-engagement-twice"), vec![]);
    } else if existing.iter().any(SessionSlot::counts) {
        let english = "Session 1 is already recorded; the engagement session comes before it";
        add_worded(&mut e, "engagement", english, crate::msg("session-error-engagement-late"), vec![]);
    }
    e.into_result()
}

/// Number and phase of each session, in the input order. Held sessions are
/// numbered 1.. by date; a session that was not held has no number and carries
/// the phase the course was in at the time (that of the last held session
/// before it, initial if none). A held engagement session is number 0 in the
/// initial phase and shifts nothing: the other sessions are numbered and
/// phased exactly as without it.
pub fn number_sessions(p: &Protocol, contracted: u32, slots: &[SessionSlot]) -> Vec<(Option<u32>, Phase)> {
    let mut order: Vec<usize> = (0..slots.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&slots[a], &slots[b]);
        (x.date, &x.time, &x.seq).cmp(&(y.date, &y.time, &y.seq))
    });
    let mut out = vec![(None, Phase::Initial); slots.len()];
    let mut held = 0u32;
    let mut last: Option<Phase> = None;
    for i in order {
        if slots[i].engagement {
            out[i] = (slots[i].attendance.is_held().then_some(0), Phase::Initial);
        } else if slots[i].attendance.is_held() {
            held += 1;
            let phase = slots[i].phase_override.unwrap_or_else(|| phase_of(p, contracted, held));
            last = Some(phase);
            out[i] = (Some(held), phase);
        } else {
            out[i] = (None, last.unwrap_or_else(|| current_phase(p, contracted, held)));
        }
    }
    out
}

/// The phases a clinician may set on a session of this protocol's courses.
pub fn overridable_phases(p: &Protocol) -> Vec<Phase> {
    if p.kind == ProtocolKind::Maintenance {
        Vec::new()
    } else {
        vec![Phase::Initial, Phase::Middle, Phase::Termination]
    }
}

/// Checks a phase override: none (back to the computed phase), or a phase of
/// this protocol with a reason of 3 to 500 characters. Errors name `phase` or `reason`.
pub fn validate_phase_override(
    p: &Protocol,
    phase: Option<&str>,
    reason: Option<&str>,
) -> Result<Option<(Phase, String)>, ValidationErrors> {
    let phase = phase.map(str::trim).filter(|s| !s.is_empty() && *s != "computed");
    let Some(phase) = phase else { return Ok(None) };
    let mut e = ValidationErrors::new();
    let parsed = Phase::parse(phase).filter(|ph| overridable_phases(p).contains(ph));
    if parsed.is_none() {
        let english = "Choose the initial, middle or termination phase (or the computed phase)";
        add_worded(&mut e, "phase", english, crate::msg("session-error-phase"), vec![]);
    }
    let reason = crate::validation::optional_text(&mut e, "reason", msg("field-the-reason"), reason, 500);
    if reason.as_ref().is_none_or(|r| r.chars().count() < 3) && e.for_field("reason").is_none() {
        let english = "Say why this session's phase differs from the computed one";
        add_worded(&mut e, "reason", english, crate::msg("session-error-phase-reason"), vec![]);
    }
    e.into_result()?;
    Ok(Some((parsed.expect("checked"), reason.expect("checked"))))
}

/// The course's phase after `held` sessions: the phase of the last one held.
pub fn current_phase(p: &Protocol, contracted: u32, held: u32) -> Phase {
    if p.kind == ProtocolKind::Maintenance {
        Phase::Maintenance
    } else {
        phase_of(p, contracted, held.max(1))
    }
}

/// Where a course stands, as every course screen shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Progress {
    pub sessions_held: u32,
    pub contracted: u32,
    pub sessions_remaining: u32,
    pub phase: Phase,
    pub phase_label: String,
    /// Time to raise the ending (from..=to sessions left).
    pub ending_prompt: bool,
    /// More sessions held than the initial phase allows while the formulation
    /// or contract is still outstanding.
    pub initial_overrun: bool,
}

impl Progress {
    pub fn new(p: &Protocol, contracted: u32, held: u32, initial_outstanding: bool) -> Progress {
        let phase = current_phase(p, contracted, held);
        let remaining = contracted.saturating_sub(held);
        let acute = p.kind == ProtocolKind::Acute;
        Progress {
            sessions_held: held,
            contracted,
            sessions_remaining: remaining,
            phase,
            phase_label: p.phase_label(phase),
            // A contract too short for a termination phase raises the ending from the start.
            ending_prompt: acute
                && if crate::protocol::is_short_contract(p, contracted) {
                    remaining > 0
                } else {
                    held > 0 && (p.ending_prompt_to..=p.ending_prompt_from).contains(&remaining)
                },
            initial_overrun: acute && initial_outstanding && held > p.initial_sessions,
        }
    }

    /// The same, in `phase` (the latest held session's phase was set by the clinician).
    pub fn in_phase(mut self, p: &Protocol, phase: Phase) -> Progress {
        self.phase = phase;
        self.phase_label = p.phase_label(phase);
        self
    }
}

/// Where a session may fall in its course: not before the course's start
/// date, and not after the day it ended when it has ended (`end`). The planned
/// end date is a plan, not a bound: sessions postponed past it or added by a
/// renegotiation are real sessions. Errors name `field`.
pub fn session_within_course(
    e: &mut ValidationErrors,
    field: &str,
    date: Date,
    start: Date,
    end: Option<Date>,
) -> Option<Date> {
    if date < start {
        add_worded(
            e,
            field,
            format!("The session date cannot be before the course started ({})", format_date(start)),
            crate::msg("session-error-before-course"),
            vec![("date", format_date(start).into())],
        );
        return None;
    }
    if let Some(end) = end.filter(|end| date > *end) {
        add_worded(
            e,
            field,
            format!("The session date cannot be after the course ended ({})", format_date(end)),
            crate::msg("session-error-after-course"),
            vec![("date", format_date(end).into())],
        );
        return None;
    }
    Some(date)
}

pub fn date_text(d: Date) -> String {
    format_date(d)
}

/// A course's span, for attributing a questionnaire to the course it belongs
/// to: from its start date to the day it ended (`None` while it is open).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CourseSpan<K> {
    pub key: K,
    pub start: Date,
    pub ended: Option<Date>,
}

/// The course that a response completed on `day` belongs to (measures.md,
/// outcomes per course): of the courses that had started by then and had not
/// ended before it, the one that started last; of several that started the
/// same day, the first in `spans` (pass them newest first, as the store lists
/// a client's courses). `None`: outside every course (such responses form
/// their own scope).
pub fn course_on<K: Clone>(spans: &[CourseSpan<K>], day: Date) -> Option<K> {
    spans
        .iter()
        .filter(|s| s.start <= day && s.ended.is_none_or(|e| day <= e))
        .min_by_key(|s| std::cmp::Reverse(s.start))
        .map(|s| s.key.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_fall_within_their_course_and_courses_within_the_window() {
        use time::macros::date;
        let start = date!(2026 - 01 - 05);
        let mut e = ValidationErrors::new();
        assert_eq!(session_within_course(&mut e, "date", start, start, None), Some(start));
        assert_eq!(
            session_within_course(&mut e, "date", date!(2027 - 06 - 01), start, None),
            Some(date!(2027 - 06 - 01))
        );
        assert!(e.is_empty());
        assert_eq!(session_within_course(&mut e, "date", date!(2026 - 01 - 04), start, None), None);
        assert_eq!(e.0[0].message, "The session date cannot be before the course started (2026-01-05)");
        assert_eq!(
            session_within_course(&mut e, "date", date!(2026 - 03 - 02), start, Some(date!(2026 - 03 - 01))),
            None
        );
        assert_eq!(e.0.len(), 2);
        let set = crate::protocol::ProtocolSet::shipped();
        let today = date!(2026 - 12 - 04);
        for (field, raw) in [
            (
                "start_date",
                RawCourse {
                    protocol: Some("ipt-individual".into()),
                    start_date: Some("1899-12-31".into()),
                    ..Default::default()
                },
            ),
            (
                "start_date",
                RawCourse {
                    protocol: Some("ipt-individual".into()),
                    start_date: Some("2029-01-01".into()),
                    ..Default::default()
                },
            ),
            (
                "planned_end_date",
                RawCourse {
                    protocol: Some("ipt-individual".into()),
                    planned_end_date: Some("2999-01-01".into()),
                    ..Default::default()
                },
            ),
        ] {
            let e = validate_new_course(&set, &raw, today).unwrap_err();
            assert_eq!(e.0[0].field, field, "{e}");
        }
    }
    use crate::protocol::ProtocolSet;
    use time::macros::date;

    fn raw(protocol: &str, n: Option<i64>, start: &str) -> RawCourse {
        RawCourse {
            protocol: Some(protocol.into()),
            planned_sessions: n,
            start_date: Some(start.into()),
            ..RawCourse::default()
        }
    }

    #[test]
    fn new_course_defaults_come_from_the_protocol() {
        let set = ProtocolSet::shipped();
        let c = validate_new_course(&set, &raw("ipt-individual", None, "2026-01-05"), date!(2026 - 01 - 10)).unwrap();
        assert_eq!(c.planned_sessions, 16);
        assert_eq!(c.frequency, Frequency::Weekly);
        assert_eq!(c.planned_end_date, date!(2026 - 04 - 20), "15 weeks after the first session");
        assert_eq!(c.status, CourseStatus::Active);
        let future = validate_new_course(&set, &raw("ipc", Some(4), "2026-02-01"), date!(2026 - 01 - 10)).unwrap();
        assert_eq!(future.status, CourseStatus::Planned);
    }

    #[test]
    fn new_course_errors_name_fields() {
        let set = ProtocolSet::shipped();
        let today = date!(2026 - 01 - 10);
        let e = validate_new_course(&set, &raw("ipt-individual", Some(20), "2026-01-05"), today).unwrap_err();
        assert!(e.for_field("planned_sessions").unwrap().contains("12-16"));
        let e = validate_new_course(&set, &raw("cbt", None, "2026-01-05"), today).unwrap_err();
        assert!(e.for_field("protocol").unwrap().contains("Unknown protocol"));
        let e = validate_new_course(&set, &raw("ipt-m", None, "2026-01-05"), today).unwrap_err();
        assert!(e.for_field("protocol").is_some());
        let e = validate_new_course(&set, &raw("ipt-brief", None, "05/01/2026"), today).unwrap_err();
        assert!(e.for_field("start_date").is_some());
    }

    fn slot(d: Date, a: Attendance, seq: &str) -> SessionSlot {
        SessionSlot {
            date: d,
            time: String::new(),
            seq: seq.into(),
            attendance: a,
            phase_override: None,
            engagement: false,
        }
    }

    #[test]
    fn an_overridden_phase_holds_for_its_session_and_the_sessions_not_held_after_it() {
        let set = ProtocolSet::shipped();
        let p = set.get("ipt-individual").unwrap();
        let mut slots: Vec<SessionSlot> = (0..5)
            .map(|w| slot(date!(2026 - 01 - 05) + time::Duration::weeks(w), Attendance::Attended, &w.to_string()))
            .collect();
        // Session 4 would be the first middle-phase session; the clinician keeps it initial.
        slots[3].phase_override = Some(Phase::Initial);
        slots.push(slot(date!(2026 - 01 - 27), Attendance::Cancelled, "x"));
        let n = number_sessions(p, 16, &slots);
        assert_eq!(n[3], (Some(4), Phase::Initial));
        assert_eq!(n[5], (None, Phase::Initial), "the cancelled session after it carries the override");
        assert_eq!(n[4], (Some(5), Phase::Middle), "the next held session is computed again");
    }

    #[test]
    fn a_phase_override_needs_a_protocol_phase_and_a_reason() {
        let set = ProtocolSet::shipped();
        let p = set.get("ipt-individual").unwrap();
        assert_eq!(validate_phase_override(p, Some("computed"), None).unwrap(), None);
        assert_eq!(validate_phase_override(p, None, Some("x")).unwrap(), None);
        let ok = validate_phase_override(p, Some("initial"), Some(" Formulation not yet agreed ")).unwrap();
        assert_eq!(ok, Some((Phase::Initial, "Formulation not yet agreed".into())));
        let e = validate_phase_override(p, Some("initial"), Some("  ")).unwrap_err();
        assert!(e.for_field("reason").is_some());
        let e = validate_phase_override(p, Some("maintenance"), Some("because")).unwrap_err();
        assert!(e.for_field("phase").is_some());
        let m = set.get("ipt-m").unwrap();
        assert!(validate_phase_override(m, Some("middle"), Some("because")).unwrap_err().for_field("phase").is_some());
    }

    #[test]
    fn numbering_counts_only_held_sessions_in_date_order() {
        let set = ProtocolSet::shipped();
        let p = set.get("ipt-individual").unwrap();
        // Recorded out of order; the cancelled one sits between held sessions 3 and 4.
        let slots = vec![
            slot(date!(2026 - 01 - 19), Attendance::Attended, "c"),
            slot(date!(2026 - 01 - 05), Attendance::Attended, "a"),
            slot(date!(2026 - 01 - 12), Attendance::Attended, "b"),
            slot(date!(2026 - 01 - 26), Attendance::Cancelled, "d"),
            slot(date!(2026 - 02 - 02), Attendance::Attended, "e"),
            slot(date!(2026 - 02 - 09), Attendance::NoShow, "f"),
        ];
        let n = number_sessions(p, 16, &slots);
        assert_eq!(n[1], (Some(1), Phase::Initial));
        assert_eq!(n[2], (Some(2), Phase::Initial));
        assert_eq!(n[0], (Some(3), Phase::Initial));
        assert_eq!(n[3], (None, Phase::Initial));
        assert_eq!(n[4], (Some(4), Phase::Middle));
        assert_eq!(n[5], (None, Phase::Middle));
    }

    #[test]
    fn progress_summary_and_ending_prompt() {
        let set = ProtocolSet::shipped();
        let p = set.get("ipt-individual").unwrap();
        let s = Progress::new(p, 16, 5, false);
        assert_eq!((s.sessions_held, s.contracted, s.sessions_remaining, s.phase), (5, 16, 11, Phase::Middle));
        assert!(!s.ending_prompt);
        assert!(Progress::new(p, 16, 12, false).ending_prompt, "4 left");
        assert!(Progress::new(p, 16, 14, false).ending_prompt, "2 left");
        assert!(!Progress::new(p, 16, 15, false).ending_prompt, "1 left: already ending");
        assert_eq!(Progress::new(p, 16, 0, false).phase, Phase::Initial);
        assert_eq!(Progress::new(p, 16, 16, false).sessions_remaining, 0);
        assert!(Progress::new(p, 16, 4, true).initial_overrun);
        assert!(!Progress::new(p, 16, 3, true).initial_overrun);
        let stuart = set.get("ipt-stuart").unwrap();
        assert_eq!(Progress::new(stuart, 12, 11, false).phase_label, "conclusion of acute treatment");
    }

    #[test]
    fn renegotiation_rules() {
        let set = ProtocolSet::shipped();
        let p = set.get("ipt-individual").unwrap();
        assert_eq!(validate_renegotiation(p, 12, 5, Some(16), Some("slow start")).unwrap(), (16, "slow start".into()));
        let e = validate_renegotiation(p, 16, 10, Some(8), Some("x")).unwrap_err();
        assert!(e.for_field("planned_sessions").unwrap().contains("already held"));
        let e = validate_renegotiation(p, 16, 0, Some(14), None).unwrap_err();
        assert!(e.for_field("reason").is_some());
        assert!(validate_renegotiation(p, 16, 0, Some(16), Some("x")).is_err());
    }

    #[test]
    fn problem_area_limits() {
        let set = ProtocolSet::shipped();
        let p = set.get("ipt-individual").unwrap();
        let v = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(validate_problem_areas(p, &v(&["role_dispute"])).unwrap(), v(&["role_dispute"]));
        let e = validate_problem_areas(p, &v(&["grief", "role_dispute", "role_transition"])).unwrap_err();
        assert!(e.for_field("problem_areas").unwrap().contains("at most 2"));
        let e = validate_problem_areas(p, &v(&["grief", "anger"])).unwrap_err();
        assert!(e.for_field("problem_areas[1]").is_some());
        let stuart = set.get("ipt-stuart").unwrap();
        assert!(validate_problem_areas(stuart, &v(&["interpersonal_deficits"])).is_err());
    }

    #[test]
    fn a_response_belongs_to_the_course_open_on_its_day() {
        let d = |m: u8, day: u8| Date::from_calendar_date(2026, time::Month::try_from(m).unwrap(), day).unwrap();
        let spans = vec![
            CourseSpan { key: "first", start: d(1, 5), ended: Some(d(4, 20)) },
            CourseSpan { key: "relapse", start: d(9, 1), ended: None },
        ];
        assert_eq!(course_on(&spans, d(1, 4)), None, "before any course");
        assert_eq!(course_on(&spans, d(1, 5)), Some("first"));
        assert_eq!(course_on(&spans, d(4, 20)), Some("first"), "the ending day still counts");
        assert_eq!(course_on(&spans, d(6, 1)), None, "between courses: its own scope");
        assert_eq!(course_on(&spans, d(11, 3)), Some("relapse"));
        let overlapping = vec![
            CourseSpan { key: "old", start: d(1, 5), ended: None },
            CourseSpan { key: "new", start: d(3, 1), ended: None },
        ];
        assert_eq!(course_on(&overlapping, d(3, 2)), Some("new"), "the latest started wins");
        let same_day = vec![
            CourseSpan { key: "created second", start: d(3, 1), ended: None },
            CourseSpan { key: "created first", start: d(3, 1), ended: None },
        ];
        assert_eq!(course_on(&same_day, d(3, 2)), Some("created second"), "ties: the first listed (newest)");
    }

    #[test]
    fn an_engagement_session_is_session_0_and_only_brief_ipt_offers_one() {
        let set = ProtocolSet::shipped();
        let brief = set.get("ipt-brief").unwrap();
        let mut engagement = slot(date!(2026 - 01 - 02), Attendance::Attended, "0");
        engagement.engagement = true;
        let slots = vec![
            slot(date!(2026 - 01 - 12), Attendance::Attended, "b"),
            engagement.clone(),
            slot(date!(2026 - 01 - 05), Attendance::Attended, "a"),
        ];
        let n = number_sessions(brief, 8, &slots);
        assert_eq!(n[1], (Some(0), Phase::Initial));
        assert_eq!((n[2].0, n[0].0), (Some(1), Some(2)), "the numbered sessions start at 1");
        assert_eq!(slots.iter().filter(|s| s.counts()).count(), 2, "session 0 is not counted");
        let cancelled = SessionSlot { attendance: Attendance::Cancelled, ..engagement.clone() };
        assert_eq!(number_sessions(brief, 8, &[cancelled])[0], (None, Phase::Initial));

        assert!(check_engagement(brief, &[]).is_ok());
        assert!(check_engagement(brief, &[slot(date!(2026 - 01 - 05), Attendance::Scheduled, "a")]).is_ok());
        let twice = check_engagement(brief, std::slice::from_ref(&engagement)).unwrap_err();
        assert!(twice.for_field("engagement").unwrap().contains("already has"));
        let late = check_engagement(brief, &[slot(date!(2026 - 01 - 05), Attendance::Attended, "a")]).unwrap_err();
        assert!(late.for_field("engagement").unwrap().contains("Session 1 is already recorded"));
        for id in ["ipt-individual", "ipc", "ipt-a", "ipt-m", "ipt-stuart"] {
            let e = check_engagement(set.get(id).unwrap(), &[]).unwrap_err();
            assert!(e.for_field("engagement").unwrap().contains("has no engagement session"), "{id}");
        }
    }

    fn any_slots() -> impl proptest::strategy::Strategy<Value = Vec<SessionSlot>> {
        use proptest::prelude::*;
        let attendance = prop_oneof![
            Just(Attendance::Attended),
            Just(Attendance::Attended),
            Just(Attendance::Cancelled),
            Just(Attendance::NoShow),
            Just(Attendance::Scheduled)
        ];
        proptest::collection::vec((0i64..120, attendance, proptest::option::of(0usize..3)), 0..20).prop_map(|v| {
            v.into_iter()
                .enumerate()
                .map(|(i, (day, a, phase))| SessionSlot {
                    phase_override: phase.map(|k| [Phase::Initial, Phase::Middle, Phase::Termination][k]),
                    ..slot(date!(2026 - 01 - 05) + time::Duration::days(day), a, &format!("{i:03}"))
                })
                .collect()
        })
    }

    proptest::proptest! {
        /// Adding an engagement session, on any day, with any attendance, at any
        /// place in the list, never changes the number or the phase of another
        /// session, nor which of them the "every N sessions" schedule asks at.
        #[test]
        fn an_engagement_session_shifts_nothing(
            slots in any_slots(),
            day in 0i64..120,
            held in proptest::bool::ANY,
            at in 0usize..20,
            planned in 8u32..=16,
            every in 1u32..=4,
        ) {
            let set = ProtocolSet::shipped();
            for id in ["ipt-brief", "ipt-individual"] {
                let p = set.get(id).unwrap();
                let before = number_sessions(p, planned, &slots);
                let attendance = if held { Attendance::Attended } else { Attendance::Scheduled };
                let zero = SessionSlot { engagement: true, ..slot(date!(2026 - 01 - 05) + time::Duration::days(day), attendance, "zzz") };
                let at = at.min(slots.len());
                let mut with = slots.clone();
                with.insert(at, zero);
                let mut after = number_sessions(p, planned, &with);
                let zero = after.remove(at);
                proptest::prop_assert_eq!(zero, (held.then_some(0), Phase::Initial));
                proptest::prop_assert_eq!(&after, &before);
                let asked = |n: &[(Option<u32>, Phase)]| -> Vec<bool> {
                    n.iter().map(|(k, _)| k.is_some_and(|k| crate::measures::schedule::is_scheduled(k, every, planned))).collect()
                };
                proptest::prop_assert_eq!(asked(&after), asked(&before));
                let counted = |s: &[SessionSlot]| s.iter().filter(|s| s.counts()).map(|s| s.date).collect::<Vec<_>>();
                proptest::prop_assert_eq!(counted(&with), counted(&slots));
            }
        }
    }
}
