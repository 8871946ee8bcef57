//! IPT courses in the clinician UI: starting a course, the course page (where
//! it stands, the initial-phase checklist, sessions, contract and status).

use super::Layout;

use crate::error::{AppError, AppResult};
use crate::html::{non_blank, render, FormErrors};
use crate::identity::SignedIn;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Form;
use rapport_app::access::course::{course_for, CourseContext};
use rapport_app::access::{client_for, Purpose};
use rapport_app::caller::Identity;
use rapport_app::AppState;
use rapport_core::audit::action;
use rapport_core::course::{
    planned_end, validate_new_course, validate_renegotiation, Attendance, CourseStatus, Modality, RawCourse,
};
use rapport_core::course_rules::{
    complete_status_change, completion_required, validate_checklist, validate_session, validate_status,
    CompletionFacts, CompletionFields,
};
use rapport_core::ending::{end_measure_taken, EndingReview};
use rapport_core::protocol::{ChecklistItem, Frequency, Protocol};
use rapport_core::time::format_date;
use rapport_core::validation::{form_number, with_form_errors};
use rapport_core::{Id, Timestamp, ValidationErrors};
use rapport_store::clients::ClientRecord;
use serde::Deserialize;

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/clients/{id}/courses/new", new_form)
        .post("/clients/{id}/courses/new", create)
        .get("/courses/{id}", show)
        .post("/courses/{id}/contract", renegotiate)
        .post("/courses/{id}/status", set_status)
        .post("/courses/{id}/checklist/{item}", record_checklist)
        .post("/courses/{id}/checklist/{item}/clear", clear_checklist)
        .post("/courses/{id}/sessions", add_session)
        .post("/courses/{id}/sessions/{session_id}/attendance", update_attendance)
}

// ---------------------------------------------------------------- new course

#[derive(Deserialize, Default, Clone, Debug)]
pub struct CourseForm {
    #[serde(default)]
    pub protocol: String,
    #[serde(default)]
    pub planned_sessions: String,
    #[serde(default)]
    pub frequency: String,
    #[serde(default)]
    pub session_minutes: String,
    #[serde(default)]
    pub start_date: String,
    #[serde(default)]
    pub planned_end_date: String,
}

#[derive(Template)]
#[template(path = "course_new.html")]
struct NewCoursePage {
    layout: Layout,
    client: ClientRecord,
    protocols: Vec<Protocol>,
    frequencies: Vec<(&'static str, &'static str)>,
    form: CourseForm,
    errors: FormErrors,
}

fn frequencies() -> Vec<(&'static str, &'static str)> {
    Frequency::ALL.iter().map(|f| (f.as_str(), f.label())).collect()
}

pub async fn new_form(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Html<String>> {
    let (client, _) = client_for(&state, &me, &id, Purpose::AuditRead).await?;
    let p = state.config.protocols.get("ipt-individual").or_else(|| state.config.protocols.acute().next());
    let form = CourseForm {
        protocol: p.map(|p| p.id.clone()).unwrap_or_default(),
        start_date: format_date(Timestamp::now().date()),
        ..CourseForm::default()
    };
    new_page(&state, &me, client, form, FormErrors::default()).await
}

async fn new_page(
    state: &AppState,
    me: &Identity,
    client: ClientRecord,
    form: CourseForm,
    errors: FormErrors,
) -> AppResult<Html<String>> {
    let layout = Layout::new(state, me, format!("New course for {}", client.details.display_name), "caseload").await?;
    let protocols = state.config.protocols.acute().cloned().collect();
    render(&NewCoursePage { layout, client, protocols, frequencies: frequencies(), form, errors })
}

pub async fn create(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Form(form): Form<CourseForm>,
) -> AppResult<Response> {
    let (client, _) = client_for(&state, &me, &id, Purpose::Write).await?;
    let mut e = ValidationErrors::new();
    let raw = RawCourse {
        protocol: Some(form.protocol.clone()),
        planned_sessions: form_number(&mut e, "planned_sessions", "Number of sessions", &form.planned_sessions),
        frequency: non_blank(&Some(form.frequency.clone())),
        session_minutes: form_number(&mut e, "session_minutes", "Session length", &form.session_minutes),
        start_date: non_blank(&Some(form.start_date.clone())),
        planned_end_date: non_blank(&Some(form.planned_end_date.clone())),
    };
    let result = validate_new_course(&state.config.protocols, &raw, Timestamp::now().date());
    let course = match with_form_errors(e, result) {
        Ok(c) => c,
        Err(e) => {
            return Ok(new_page(&state, &me, client, form, FormErrors(e)).await?.into_response());
        }
    };
    let record = state
        .store
        .create_course(&client.id, &course, None, &me.user.id, me.event(action::COURSE_CREATE, "course"))
        .await?;
    Ok(Redirect::to(&format!("/courses/{}?done=course-created", record.id)).into_response())
}

// ---------------------------------------------------------------- course page

/// One row of the checklist as shown.
pub struct ChecklistRow {
    pub item: ChecklistItem,
    pub label: String,
    pub done: Option<rapport_store::courses::ChecklistEntry>,
}

#[derive(Template)]
#[template(path = "course.html")]
struct CoursePage {
    layout: Layout,
    cx: CourseContext,
    checklist: Vec<ChecklistRow>,
    events: Vec<rapport_store::courses::CourseEvent>,
    today: String,
    next_session: Option<String>,
    suggested_next: String,
    errors: FormErrors,
    /// Which form the errors belong to ("session", "contract", "status", or a checklist item id).
    form_section: String,
    session_form: SessionForm,
    /// Session notes: each session's progress-note status, and the plan from the latest signed note.
    note_status: std::collections::HashMap<Id, rapport_core::notes::NoteStatus>,
    last_plan: Option<(String, String)>,
    /// The formulation's areas and agreed date, and the open goals with their rating trends.
    focus_areas: Vec<(String, String)>,
    agreed_on: Option<String>,
    shared_text: Option<String>,
    goals: Vec<super::goals::GoalView>,
    /// For the status form: a saved ending review, an end-of-treatment measure.
    has_review: bool,
    end_measure_taken: bool,
}

impl CoursePage {
    /// Progress-note status of a session (None: no note yet).
    fn note_status(&self, session: &Id) -> Option<rapport_core::notes::NoteStatus> {
        self.note_status.get(session).copied()
    }
    fn modalities(&self) -> Vec<(String, String)> {
        Modality::ALL.iter().map(|m| (m.as_str().into(), m.label().into())).collect()
    }
    fn attendances(&self) -> Vec<(String, String)> {
        Attendance::ALL.iter().map(|m| (m.as_str().into(), m.label().into())).collect()
    }
    fn closing_statuses(&self) -> Vec<(String, String)> {
        [CourseStatus::Completed, CourseStatus::EndedEarly, CourseStatus::Transferred]
            .iter()
            .map(|s| (s.as_str().into(), s.label().into()))
            .collect()
    }
}

pub async fn show(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Query(q): Query<super::clients::DoneParam>,
) -> AppResult<Html<String>> {
    let cx = course_for(&state, &me, &id, Purpose::AuditRead).await?;
    course_page(&state, &me, cx, q.done.as_deref(), FormErrors::default(), "", SessionForm::default()).await
}

async fn course_page(
    state: &AppState,
    me: &Identity,
    cx: CourseContext,
    done: Option<&str>,
    errors: FormErrors,
    form_section: &str,
    session_form: SessionForm,
) -> AppResult<Html<String>> {
    let title = format!("{} · {}", cx.client.details.display_name, cx.protocol.name);
    let layout = Layout::new(state, me, title, "caseload").await?.with_done(done);
    let checklist = cx
        .protocol
        .checklist_items()
        .into_iter()
        .map(|item| ChecklistRow {
            item,
            label: cx.protocol.checklist_label(item),
            done: cx.checklist.iter().find(|e| e.item == item).cloned(),
        })
        .collect();
    let events = state.store.course_events(&cx.course.id).await?;
    let today_date = Timestamp::now().date();
    let next_session =
        cx.sessions.iter().find(|s| s.session.attendance == Attendance::Scheduled && s.session.date >= today_date).map(
            |s| {
                let time = if s.session.time.is_empty() { String::new() } else { format!(" at {}", s.session.time) };
                format!("{}{time} ({})", format_date(s.session.date), s.session.modality.label().to_lowercase())
            },
        );
    let suggested_next = cx
        .last_held()
        .map(|s| s.session.date + time::Duration::days(cx.course.frequency.interval_days()))
        .unwrap_or(cx.course.start_date);
    let suggested_next = format_date(suggested_next.max(today_date));
    // Session notes
    let note_status = state.store.notes_status(&cx.course.id).await?;
    let last_plan = state.store.latest_signed_plan(&cx.course.id).await?.map(|(d, plan)| (format_date(d), plan));
    let summary = state.store.formulation_summary(&cx.course.id, &cx.protocol).await?;
    let goals = summary
        .goals
        .iter()
        .filter(|g| g.goal.body.status.is_open())
        .map(|g| super::goals::view(&cx, g, None))
        .collect();
    let shared_text = summary.formulation.as_ref().and_then(|f| f.body.shared_text.clone());
    let (has_review, end_measure_taken) = completion_facts(state, &cx).await?;
    render(&CoursePage {
        has_review,
        end_measure_taken,
        layout,
        cx,
        checklist,
        events,
        today: format_date(today_date),
        next_session,
        suggested_next,
        errors,
        form_section: form_section.to_string(),
        session_form,
        note_status,
        last_plan,
        focus_areas: summary.areas,
        agreed_on: summary.agreed_on,
        shared_text,
        goals,
    })
}

// ---------------------------------------------------------------- contract and status

#[derive(Deserialize, Default)]
pub struct ContractForm {
    #[serde(default)]
    pub planned_sessions: String,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub version: String,
}

pub async fn renegotiate(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Form(form): Form<ContractForm>,
) -> AppResult<Response> {
    let cx = course_for(&state, &me, &id, Purpose::Write).await?;
    cx.require_open()?;
    let version = crate::records_http::required_version(&form.version)?;
    let mut e = ValidationErrors::new();
    let n = form_number(&mut e, "planned_sessions", "Number of sessions", &form.planned_sessions);
    let result = if e.is_empty() {
        validate_renegotiation(&cx.protocol, cx.course.planned_sessions, cx.held(), n, Some(&form.reason))
    } else {
        Err(e)
    };
    let (count, reason) = match result {
        Ok(v) => v,
        Err(e) => {
            return Ok(course_page(&state, &me, cx, None, FormErrors(e), "contract", SessionForm::default())
                .await?
                .into_response())
        }
    };
    let end = planned_end(cx.course.start_date, count, cx.course.frequency);
    let ev = cx.event(&me, action::COURSE_RENEGOTIATE, format!("{} -> {count} sessions", cx.course.planned_sessions));
    state.store.renegotiate_course(&cx.course.id, Some(version), count, end, &reason, &me.user.id, ev).await?;
    Ok(Redirect::to(&format!("/courses/{}?done=contract#contract", cx.course.id)).into_response())
}

#[derive(Deserialize, Default)]
pub struct StatusForm {
    #[serde(default)]
    pub status: String,
    #[serde(default, rename = "status_reason")]
    pub reason: String,
    #[serde(default)]
    pub skip_review_reason: String,
    /// A checkbox: present when ticked.
    #[serde(default)]
    pub confirm_no_end_measure: String,
    #[serde(default)]
    pub no_end_measure_reason: String,
}

/// Whether the course has a saved ending review, and whether one of its
/// scheduled questionnaires was completed in its last two held sessions.
pub async fn completion_facts(state: &AppState, cx: &CourseContext) -> AppResult<(bool, bool)> {
    let has_review = !state.store.course_records::<EndingReview>(&cx.course.id).await?.is_empty();
    let (schedule, _, _) = super::measures::schedule_of(state, &cx.course.id).await?;
    let held: Vec<time::Date> =
        cx.sessions.iter().filter(|s| s.session.attendance.is_held()).map(|s| s.session.date).collect();
    let responses: Vec<time::Date> = rapport_app::outcomes::course_responses(state, &cx.client.id, &cx.course.id)
        .await?
        .into_iter()
        .filter(|r| schedule.instruments.contains(&r.instrument_id))
        .map(|r| r.completed_at.date())
        .collect();
    Ok((has_review, end_measure_taken(&held, &responses)))
}

/// Validates a status change (`course_rules`) and, when it completes the
/// course, what completing needs, read from the store; the reason to record
/// (the status reason, then any skipped review or measure).
pub async fn check_status_change(
    state: &AppState,
    cx: &CourseContext,
    status: &str,
    reason: Option<&str>,
    fields: &CompletionFields<'_>,
) -> AppResult<Result<(CourseStatus, Option<String>), ValidationErrors>> {
    let (status, reason) = match validate_status(status, reason) {
        Ok(v) => v,
        Err(e) => return Ok(Err(e)),
    };
    if !completion_required(cx.course.status, status) {
        return Ok(Ok((status, reason)));
    }
    let (has_review, end_measure_taken) = completion_facts(state, cx).await?;
    let measures_url = format!("/clients/{}/measures?course={}", cx.client.id, cx.course.id);
    let facts = CompletionFacts { has_review, end_measure_taken };
    Ok(complete_status_change(status, reason, fields, facts, &measures_url))
}

pub async fn set_status(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Form(form): Form<StatusForm>,
) -> AppResult<Response> {
    let cx = course_for(&state, &me, &id, Purpose::Write).await?;
    let fields = CompletionFields {
        skip_review_reason: Some(&form.skip_review_reason),
        confirm_no_end_measure: !form.confirm_no_end_measure.is_empty(),
        no_end_measure_reason: Some(&form.no_end_measure_reason),
    };
    let (status, reason) = match check_status_change(&state, &cx, &form.status, Some(&form.reason), &fields).await? {
        Ok(v) => v,
        Err(e) => {
            let errors = FormErrors(e).rename("reason", "status_reason");
            return Ok(course_page(&state, &me, cx, None, errors, "status", SessionForm::default())
                .await?
                .into_response());
        }
    };
    if status == cx.course.status {
        return Ok(Redirect::to(&format!("/courses/{}", cx.course.id)).into_response());
    }
    let ev = cx.event(&me, action::COURSE_STATUS, format!("{} -> {}", cx.course.status.as_str(), status.as_str()));
    state.store.set_course_status(&cx.course.id, status, reason.as_deref(), &me.user.id, ev).await?;
    Ok(Redirect::to(&format!("/courses/{}?done=course-status", cx.course.id)).into_response())
}

// ---------------------------------------------------------------- checklist

#[derive(Deserialize, Default)]
pub struct ChecklistForm {
    #[serde(default)]
    pub done_on: String,
    #[serde(default)]
    pub detail: String,
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub note: String,
}

fn checklist_item(s: &str) -> Result<ChecklistItem, AppError> {
    ChecklistItem::parse(s).ok_or(AppError::NotFound)
}

pub async fn record_checklist(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path((id, item)): Path<(String, String)>,
    Form(form): Form<ChecklistForm>,
) -> AppResult<Response> {
    let cx = course_for(&state, &me, &id, Purpose::Write).await?;
    let item = checklist_item(&item)?;
    let values = validate_checklist(
        item,
        Some(&form.done_on),
        Some(&form.detail),
        Some(&form.code),
        Some(&form.note),
        Timestamp::now().date(),
    );
    let (date, detail, code, note) = match values {
        Ok(v) => v,
        Err(e) => {
            let errors = FormErrors(e).with_prefix(item.as_str());
            return Ok(course_page(&state, &me, cx, None, errors, item.as_str(), SessionForm::default())
                .await?
                .into_response());
        }
    };
    let ev = cx.event(&me, action::CHECKLIST_RECORD, format!("{} done", item.as_str()));
    state.store.record_checklist_item(&cx.course.id, item, date, detail, code, note, &me.user.id, ev).await?;
    Ok(Redirect::to(&format!("/courses/{}?done=checklist#checklist", cx.course.id)).into_response())
}

pub async fn clear_checklist(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path((id, item)): Path<(String, String)>,
) -> AppResult<Response> {
    let cx = course_for(&state, &me, &id, Purpose::Write).await?;
    let item = checklist_item(&item)?;
    let ev = cx.event(&me, action::CHECKLIST_RECORD, format!("{} marked not done", item.as_str()));
    state.store.clear_checklist_item(&cx.course.id, item, ev).await?;
    Ok(Redirect::to(&format!("/courses/{}#checklist", cx.course.id)).into_response())
}

// ---------------------------------------------------------------- sessions

#[derive(Deserialize, Default, Clone, Debug)]
pub struct SessionForm {
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub time: String,
    #[serde(default)]
    pub modality: String,
    #[serde(default)]
    pub attendance: String,
    #[serde(default)]
    pub duration_minutes: String,
    #[serde(default)]
    pub version: String,
    /// "session": return to the session page after a change made there.
    #[serde(default)]
    pub back: String,
}

pub async fn add_session(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Form(form): Form<SessionForm>,
) -> AppResult<Response> {
    let cx = course_for(&state, &me, &id, Purpose::Write).await?;
    cx.require_open()?;
    let mut e = ValidationErrors::new();
    let duration = form_number(&mut e, "duration_minutes", "Duration", &form.duration_minutes);
    let result = validate_session(
        Some(&form.date),
        Some(&form.time),
        Some(&form.modality),
        Some(&form.attendance),
        duration,
        Timestamp::now().date(),
        (cx.course.start_date, None),
    );
    let session = match with_form_errors(e, result) {
        Ok(s) => s,
        Err(e) => {
            return Ok(course_page(&state, &me, cx, None, FormErrors(e), "session", form).await?.into_response());
        }
    };
    let mut ev = me.event(action::SESSION_CREATE, "session");
    ev.detail = Some(format!("{} {}", format_date(session.date), session.attendance.as_str()));
    let s = state.store.create_therapy_session(&cx.course, &session, &me.user.id, ev).await?;
    Ok(Redirect::to(&format!("/courses/{}?done=session-recorded#session-{}", cx.course.id, s.id)).into_response())
}

pub async fn update_attendance(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path((id, session_id)): Path<(String, String)>,
    Form(form): Form<SessionForm>,
) -> AppResult<Response> {
    let cx = course_for(&state, &me, &id, Purpose::Write).await?;
    cx.require_open()?;
    let sid = Id::parse(&session_id).ok_or(AppError::NotFound)?;
    let current = cx.session(&sid).ok_or(AppError::NotFound)?.session.clone();
    let version = crate::records_http::required_version(&form.version)?;
    let mut e = ValidationErrors::new();
    let duration = form_number(&mut e, "duration_minutes", "Duration", &form.duration_minutes);
    let date = if form.date.trim().is_empty() { format_date(current.date) } else { form.date.clone() };
    let time = if form.time.trim().is_empty() { current.time.clone() } else { form.time.clone() };
    let modality =
        if form.modality.trim().is_empty() { current.modality.as_str().to_string() } else { form.modality.clone() };
    let result = validate_session(
        Some(&date),
        Some(&time),
        Some(&modality),
        Some(&form.attendance),
        duration.or(current.duration_minutes.map(i64::from)),
        Timestamp::now().date(),
        (cx.course.start_date, None),
    );
    let session = match with_form_errors(e, result) {
        Ok(s) => s,
        Err(e) => {
            return Ok(course_page(&state, &me, cx, None, FormErrors(e), "session", SessionForm::default())
                .await?
                .into_response());
        }
    };
    let mut ev = me.event(action::SESSION_UPDATE, "session");
    ev.resource_id = Some(sid.to_string());
    ev.client_id = Some(cx.client.id.to_string());
    ev.detail = Some(format!("{} -> {}", current.attendance.as_str(), session.attendance.as_str()));
    state.store.update_therapy_session(&sid, version, &session, ev).await?;
    if form.back == "session" {
        return Ok(
            Redirect::to(&format!("/courses/{}/sessions/{sid}?done=session-updated", cx.course.id)).into_response()
        );
    }
    Ok(Redirect::to(&format!("/courses/{}?done=session-updated#session-{sid}", cx.course.id)).into_response())
}
