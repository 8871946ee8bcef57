//! IPT courses: starting one, renegotiating the contract, changing the status
//! (with what completing needs), the initial-phase checklist and the sessions
//! of a course. The staff pages and the API both call these; the caller loads
//! the client or course through the access family first (`client_for`,
//! `course_for` with `Purpose::Write`), and each write records its audit entry
//! in its own transaction.
//!
//! `unread` arguments carry the errors a face found reading its input (a
//! number typed as text); they are reported together with the rules' errors.

use crate::access::course::{course_for, CourseContext};
use crate::access::{client_for, Purpose};
use crate::caller::Identity;
use crate::{AppResult, AppState, Error};
use rapport_core::audit::action;
use rapport_core::course::{planned_end, validate_new_course, validate_renegotiation, CourseStatus, RawCourse};
use rapport_core::course_rules::{
    complete_status_change, completion_required, validate_checklist, validate_session, validate_status,
    CompletionFacts, CompletionFields,
};
use rapport_core::ending::{end_measure_taken, EndingReview};
use rapport_core::msg;
use rapport_core::notes::NoteStatus;
use rapport_core::protocol::ChecklistItem;
use rapport_core::time::format_date;
use rapport_core::validation::with_form_errors;
use rapport_core::{Id, Timestamp, ValidationErrors};
use rapport_store::clients::ClientRecord;
use rapport_store::courses::{CourseEvent, CourseRecord, TherapySession};
use rapport_store::formulation::FormulationSummary;
use std::collections::HashMap;

/// The courses of client `id`, newest first, each loaded as one course is
/// (`course_for`); the read is audited as `client.read`.
#[crate::boxing::boxed_future]
pub async fn of_client(state: &AppState, me: &Identity, id: &str) -> AppResult<Vec<CourseContext>> {
    let (client, _) = client_for(state, me, id, Purpose::AuditRead).await?;
    let mut out = Vec::new();
    for c in state.store.client_courses(&client.id).await? {
        out.push(course_for(state, me, c.course.id.as_str(), Purpose::Write).await?);
    }
    Ok(out)
}

/// What the course page shows beside the course itself.
pub struct CourseOverview {
    /// Contract and status changes, oldest first.
    pub events: Vec<CourseEvent>,
    /// Each session's progress-note status (absent: no note yet).
    pub note_status: HashMap<Id, NoteStatus>,
    /// The plan from the latest signed note, and its session's date.
    pub last_plan: Option<(time::Date, String)>,
    /// The formulation's areas and agreed date, and the goals with their ratings.
    pub summary: FormulationSummary,
    pub completion: CompletionFacts,
}

/// The course overview (the course itself is read through `course_for`, which audits it).
#[crate::boxing::boxed_future]
pub async fn overview(state: &AppState, cx: &CourseContext) -> AppResult<CourseOverview> {
    Ok(CourseOverview {
        events: state.store.course_events(&cx.course.id).await?,
        note_status: state.store.notes_status(&cx.course.id).await?,
        last_plan: state.store.latest_signed_plan(&cx.course.id).await?,
        summary: state.store.formulation_summary(&cx.course.id, &cx.protocol).await?,
        completion: completion_facts(state, cx).await?,
    })
}

/// Starts a course for `client` (loaded for writing); `raw` is checked against the site's protocols.
/// Whether the caller may open an individual course at all (the new-course
/// form asks first): group facilitators may not (403, audited).
#[crate::boxing::boxed_future]
pub async fn may_open(state: &AppState, me: &Identity) -> AppResult<()> {
    if !me.actor().provides_individual_care() {
        crate::access::deny(state, me, "course", None).await?;
        return Err(crate::Error::forbidden(msg("app-facilitator-course"), &[]));
    }
    Ok(())
}

#[crate::boxing::boxed_future]
pub async fn create(
    state: &AppState,
    me: &Identity,
    client: &ClientRecord,
    raw: &RawCourse,
    unread: ValidationErrors,
) -> AppResult<CourseRecord> {
    may_open(state, me).await?;
    let course = with_form_errors(unread, validate_new_course(&state.config.protocols, raw, Timestamp::now().date()))?;
    let ev = me.event(action::COURSE_CREATE, "course");
    Ok(state.store.create_course(&client.id, &course, None, &me.user.id, ev).await?)
}

/// Changes the contracted number of sessions (kept as an event with the old count and the reason).
/// `version`: the course as the caller saw it (None: whatever is stored).
#[crate::boxing::boxed_future]
pub async fn renegotiate(
    state: &AppState,
    me: &Identity,
    cx: &CourseContext,
    planned_sessions: Option<i64>,
    reason: Option<&str>,
    version: Option<i64>,
    unread: ValidationErrors,
) -> AppResult<CourseRecord> {
    cx.require_open()?;
    let checked = if unread.is_empty() {
        validate_renegotiation(&cx.protocol, cx.course.planned_sessions, cx.held(), planned_sessions, reason)
    } else {
        Err(unread)
    };
    let (count, reason) = checked?;
    let end = planned_end(cx.course.start_date, count, cx.course.frequency);
    let ev = cx.event(me, action::COURSE_RENEGOTIATE, format!("{} -> {count} sessions", cx.course.planned_sessions));
    Ok(state.store.renegotiate_course(&cx.course.id, version, count, end, &reason, &me.user.id, ev).await?)
}

/// Whether the course has a saved ending review, whether one of its
/// scheduled questionnaires was completed in its last two held sessions, and,
/// when its protocol asks for the maintenance discussion, whether the review
/// still has no maintenance decision.
#[crate::boxing::boxed_future]
pub async fn completion_facts(state: &AppState, cx: &CourseContext) -> AppResult<CompletionFacts> {
    let has_review = !state.store.course_records::<EndingReview>(&cx.course.id).await?.is_empty();
    let (schedule, _, _) = crate::measures::schedule_of(state, &cx.course.id).await?;
    let held: Vec<time::Date> = cx.sessions.iter().filter(|s| s.session.counts()).map(|s| s.session.date).collect();
    let responses: Vec<time::Date> = crate::outcomes::course_responses(state, &cx.client.id, &cx.course.id)
        .await?
        .into_iter()
        .filter(|r| schedule.instruments.contains(&r.instrument_id))
        .map(|r| r.completed_at.date())
        .collect();
    let maintenance_undecided = cx.protocol.maintenance_discussion
        && crate::ending::review_of(state, cx)
            .await?
            .is_none_or(|r| r.body.maintenance == rapport_core::ending::MaintenanceDecision::Undecided);
    Ok(CompletionFacts { has_review, end_measure_taken: end_measure_taken(&held, &responses), maintenance_undecided })
}

/// Changes the course's status. Completing asks what completing needs (an
/// ending review or the reason it was skipped, an end measure or the reason
/// there is none). Returns the new status; the same status changes nothing.
#[crate::boxing::boxed_future]
pub async fn set_status<'a>(
    state: &AppState,
    me: &Identity,
    cx: &CourseContext,
    status: &str,
    reason: Option<&str>,
    fields: &CompletionFields<'a>,
) -> AppResult<CourseStatus> {
    let (status, reason) = validate_status(status, reason)?;
    let (status, reason) = if completion_required(cx.course.status, status) {
        let facts = completion_facts(state, cx).await?;
        let measures_url = format!("/clients/{}/measures?course={}", cx.client.id, cx.course.id);
        complete_status_change(status, reason, fields, facts, &measures_url)?
    } else {
        (status, reason)
    };
    if status != cx.course.status {
        let ev = cx.event(me, action::COURSE_STATUS, format!("{} -> {}", cx.course.status.as_str(), status.as_str()));
        state.store.set_course_status(&cx.course.id, status, reason.as_deref(), &me.user.id, ev).await?;
    }
    Ok(status)
}

/// What a checklist entry says (all optional; which are required depends on the item).
#[derive(Clone, Copy, Debug, Default)]
pub struct ChecklistInput<'a> {
    pub done_on: Option<&'a str>,
    pub detail: Option<&'a str>,
    pub code: Option<&'a str>,
    pub note: Option<&'a str>,
}

/// Records a checklist item as done (replacing an earlier entry).
pub fn record_checklist<'a>(
    state: &'a AppState,
    me: &'a Identity,
    cx: &'a CourseContext,
    item: ChecklistItem,
    input: ChecklistInput<'a>,
) -> crate::boxing::Boxed<'a, AppResult<()>> {
    Box::pin(async move {
        let (date, detail, code, note) =
            validate_checklist(item, input.done_on, input.detail, input.code, input.note, Timestamp::now().date())?;
        let ev = cx.event(me, action::CHECKLIST_RECORD, format!("{} done", item.as_str()));
        state.store.record_checklist_item(&cx.course.id, item, date, detail, code, note, &me.user.id, ev).await?;
        Ok(())
    })
}

/// Marks a checklist item as not done.
#[crate::boxing::boxed_future]
pub async fn clear_checklist(
    state: &AppState,
    me: &Identity,
    cx: &CourseContext,
    item: ChecklistItem,
) -> AppResult<()> {
    let ev = cx.event(me, action::CHECKLIST_RECORD, format!("{} marked not done", item.as_str()));
    state.store.clear_checklist_item(&cx.course.id, item, ev).await?;
    Ok(())
}

/// A session as given: for a new session every field; for a change, `None`
/// keeps what is stored.
#[derive(Clone, Debug, Default)]
pub struct SessionInput {
    pub date: Option<String>,
    pub time: Option<String>,
    pub modality: Option<String>,
    pub attendance: Option<String>,
    pub duration_minutes: Option<i64>,
    /// Record brief IPT's engagement session (session 0); only when adding,
    /// a stored session keeps what it is.
    pub engagement: bool,
}

/// Records a session in an open course.
#[crate::boxing::boxed_future]
pub async fn add_session(
    state: &AppState,
    me: &Identity,
    cx: &CourseContext,
    input: &SessionInput,
    unread: ValidationErrors,
) -> AppResult<TherapySession> {
    cx.require_open()?;
    let result = validate_session(
        input.date.as_deref(),
        input.time.as_deref(),
        input.modality.as_deref(),
        input.attendance.as_deref(),
        input.duration_minutes,
        crate::clock::today(),
        // Open courses only (require_open above): they have not ended.
        (cx.course.start_date, None),
    );
    let unread = match input.engagement {
        true => {
            let slots: Vec<_> = cx.sessions.iter().map(|s| s.session.slot()).collect();
            with_form_errors(unread, rapport_core::course::check_engagement(&cx.protocol, &slots))
                .err()
                .unwrap_or_default()
        }
        false => unread,
    };
    let mut session = with_form_errors(unread, result)?;
    session.engagement = input.engagement;
    let mut ev = me.event(action::SESSION_CREATE, "session");
    let kind = if session.engagement { " engagement" } else { "" };
    ev.detail = Some(format!("{} {}{kind}", format_date(session.date), session.attendance.as_str()));
    Ok(state.store.create_therapy_session(&cx.course, &session, &me.user.id, ev).await?)
}

/// Changes a session of an open course (e.g. a scheduled session was attended
/// or cancelled). `version`: the session as the caller saw it (None: as stored).
#[crate::boxing::boxed_future]
pub async fn update_session(
    state: &AppState,
    me: &Identity,
    cx: &CourseContext,
    session_id: &str,
    input: SessionInput,
    version: Option<i64>,
    unread: ValidationErrors,
) -> AppResult<TherapySession> {
    cx.require_open()?;
    let sid = Id::parse(session_id).ok_or(Error::NotFound)?;
    let cur = cx.session(&sid).ok_or(Error::NotFound)?.session.clone();
    let result = validate_session(
        Some(&input.date.unwrap_or_else(|| format_date(cur.date))),
        Some(&input.time.unwrap_or_else(|| cur.time.clone())),
        Some(&input.modality.unwrap_or_else(|| cur.modality.as_str().to_string())),
        Some(&input.attendance.unwrap_or_else(|| cur.attendance.as_str().to_string())),
        input.duration_minutes.or(cur.duration_minutes.map(i64::from)),
        crate::clock::today(),
        (cx.course.start_date, None),
    );
    let session = with_form_errors(unread, result)?;
    let mut ev = me.event(action::SESSION_UPDATE, "session");
    ev.resource_id = Some(sid.to_string());
    ev.client_id = Some(cx.client.id.to_string());
    ev.detail = Some(format!("{} -> {}", cur.attendance.as_str(), session.attendance.as_str()));
    Ok(state.store.update_therapy_session(&sid, version.unwrap_or(cur.version), &session, ev).await?)
}
