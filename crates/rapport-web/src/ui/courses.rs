//! IPT courses in the clinician UI: starting a course, the course page (where
//! it stands, the initial-phase checklist, sessions, contract and status).

use super::{non_blank, render, FormErrors, Layout};
use crate::error::{AppError, AppResult};
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
    planned_end, session_within_course, validate_new_course, validate_renegotiation, Attendance, CourseStatus,
    Modality, RawCourse,
};
use rapport_core::ending::{check_completion, end_measure_taken, Completion, EndingReview};
use rapport_core::protocol::{ChecklistItem, Frequency, Protocol};
use rapport_core::time::{format_date, parse_date};
use rapport_core::validation::{check_plausible, optional_text};
use rapport_core::{Id, Timestamp, ValidationErrors};
use rapport_store::clients::ClientRecord;
use rapport_store::courses::NewTherapySession;
use serde::Deserialize;

pub fn routes(r: crate::routes::Routes) -> crate::routes::Routes {
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

/// Form-level errors (e.g. a number that is not one) followed by the domain's.
pub fn with_form_errors<T>(form: ValidationErrors, domain: Result<T, ValidationErrors>) -> Result<T, ValidationErrors> {
    match domain {
        Ok(v) if form.is_empty() => Ok(v),
        Ok(_) => Err(form),
        Err(d) => {
            let mut all = form;
            all.0.extend(d.0);
            Err(all)
        }
    }
}

/// Parses an optional whole number typed in a form; text that is not one is an error on `field`.
pub fn form_number(e: &mut ValidationErrors, field: &str, label: &str, v: &str) -> Option<i64> {
    let v = v.trim();
    if v.is_empty() {
        return None;
    }
    match v.parse::<i64>() {
        Ok(n) => Some(n),
        Err(_) => {
            e.add(field, format!("{label} must be a whole number"));
            None
        }
    }
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

/// Validates a status change: a closing status, with a reason where it needs one.
pub fn validate_status(status: &str, reason: Option<&str>) -> Result<(CourseStatus, Option<String>), ValidationErrors> {
    let mut e = ValidationErrors::new();
    let s = CourseStatus::parse(status.trim());
    let s = match s {
        Some(s) => s,
        None => {
            e.add("status", "Choose completed, ended_early, transferred or active");
            return Err(e);
        }
    };
    let reason = optional_text(&mut e, "reason", "Reason", reason, 2000);
    if s.needs_reason() && reason.is_none() && e.is_empty() {
        e.add("reason", format!("Give the reason the course was {}", s.label().to_lowercase()));
    }
    if s == CourseStatus::Planned {
        e.add("status", "A course cannot be set back to planned");
    }
    e.into_result()?;
    Ok((s, reason))
}

/// What a completion brings besides the status (page and API).
#[derive(Default)]
pub struct CompletionFields<'a> {
    pub skip_review_reason: Option<&'a str>,
    pub confirm_no_end_measure: bool,
    pub no_end_measure_reason: Option<&'a str>,
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

/// Validates a status change and, for `completed`, what completing needs; the
/// reason to record (the status reason, then any skipped review or measure).
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
    if status != CourseStatus::Completed || cx.course.status == CourseStatus::Completed {
        return Ok(Ok((status, reason)));
    }
    let (has_review, end_measure_taken) = completion_facts(state, cx).await?;
    let measures_url = format!("/clients/{}/measures?course={}", cx.client.id, cx.course.id);
    let recorded = match check_completion(&Completion {
        has_review,
        skip_review_reason: fields.skip_review_reason,
        end_measure_taken,
        confirm_no_end_measure: fields.confirm_no_end_measure,
        no_end_measure_reason: fields.no_end_measure_reason,
        measures_url: &measures_url,
    }) {
        Ok(r) => r,
        Err(e) => return Ok(Err(e)),
    };
    let all: Vec<String> = reason.into_iter().chain(recorded).collect();
    Ok(Ok((status, (!all.is_empty()).then(|| all.join("; ")))))
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

/// Medication evaluation outcomes (ipt-model.md 3.2 item 4).
pub const MEDICATION_OPTIONS: [(&str, &str); 3] =
    [("not_needed", "Not needed"), ("referred", "Referred for evaluation"), ("already_on", "Already on medication")];

pub fn medication_label(key: &str) -> &str {
    MEDICATION_OPTIONS.iter().find(|(k, _)| *k == key).map(|(_, l)| *l).unwrap_or(key)
}

/// A validated checklist entry: (date, detail, code, note).
pub type ChecklistValues = (time::Date, Option<String>, Option<String>, Option<String>);

pub fn validate_checklist(
    item: ChecklistItem,
    done_on: Option<&str>,
    detail: Option<&str>,
    code: Option<&str>,
    note: Option<&str>,
    today: time::Date,
) -> Result<ChecklistValues, ValidationErrors> {
    let mut e = ValidationErrors::new();
    let date = match done_on.map(str::trim).filter(|s| !s.is_empty()) {
        None => today,
        Some(s) => match parse_date(s) {
            Some(d) if d <= today => check_plausible(&mut e, "done_on", "The date", d, today).unwrap_or(today),
            Some(_) => {
                e.add("done_on", "The date cannot be in the future");
                today
            }
            None => {
                e.add("done_on", "Date must be in the form YYYY-MM-DD");
                today
            }
        },
    };
    let detail = optional_text(&mut e, "detail", "Detail", detail, 2000);
    let code = optional_text(&mut e, "code", "Diagnosis code", code, 20);
    let note = optional_text(&mut e, "note", "Note", note, 2000);
    match item {
        ChecklistItem::SymptomReview if detail.is_none() && e.for_field("detail").is_none() => {
            e.add("detail", "Record the diagnosis (the code is optional)")
        }
        ChecklistItem::Medication => match detail.as_deref() {
            Some(d) if MEDICATION_OPTIONS.iter().any(|(k, _)| *k == d) => {}
            _ => e.add("detail", "Choose not needed, referred or already on medication"),
        },
        _ => {}
    }
    if let Some(c) = &code {
        if !c.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '.' || ch == '-' || ch == ' ') {
            e.add("code", "A diagnosis code has letters, digits and dots only (e.g. F32.1 or 6A70.1)");
        }
    }
    e.into_result()?;
    Ok((date, detail, code, note))
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

/// Validates a session as typed in a form or sent to the API. `course` is the
/// course's start date and, once it has ended, its end: the session must fall
/// between them (`rapport_core::course::session_within_course`).
pub fn validate_session(
    date: Option<&str>,
    time: Option<&str>,
    modality: Option<&str>,
    attendance: Option<&str>,
    duration: Option<i64>,
    today: time::Date,
    course: (time::Date, Option<time::Date>),
) -> Result<NewTherapySession, ValidationErrors> {
    let mut e = ValidationErrors::new();
    let date = match date.map(str::trim).filter(|s| !s.is_empty()) {
        None => {
            e.add("date", "Enter the session date");
            today
        }
        Some(s) => match parse_date(s) {
            Some(d) => check_plausible(&mut e, "date", "The session date", d, today)
                .and_then(|d| session_within_course(&mut e, "date", d, course.0, course.1))
                .unwrap_or(today),
            None => {
                e.add("date", "Date must be in the form YYYY-MM-DD");
                today
            }
        },
    };
    let time = time.map(str::trim).unwrap_or_default().to_string();
    let valid_time = time.is_empty()
        || (time.len() == 5
            && time.as_bytes()[2] == b':'
            && time[..2].parse::<u8>().is_ok_and(|h| h < 24)
            && time[3..].parse::<u8>().is_ok_and(|m| m < 60));
    if !valid_time {
        e.add("time", "Time must be in the form HH:MM (24-hour)");
    }
    let modality = match modality.map(str::trim).filter(|s| !s.is_empty()) {
        None => Modality::InPerson,
        Some(m) => Modality::parse(m).unwrap_or_else(|| {
            e.add("modality", "Modality must be in_person, video or phone");
            Modality::InPerson
        }),
    };
    let attendance = match attendance.map(str::trim).filter(|s| !s.is_empty()) {
        None => {
            e.add("attendance", "Record whether the session was attended, cancelled or a no-show");
            Attendance::Attended
        }
        Some(a) => Attendance::parse(a).unwrap_or_else(|| {
            e.add("attendance", "Attendance must be attended, cancelled, no_show or scheduled");
            Attendance::Attended
        }),
    };
    if e.for_field("date").is_none() && e.for_field("attendance").is_none() {
        if attendance == Attendance::Attended && date > today {
            e.add("date", "A session in the future cannot have been attended yet; record it as scheduled");
        }
        if attendance == Attendance::Scheduled && date < today {
            e.add("attendance", "A past session was attended, cancelled or a no-show");
        }
    }
    let duration_minutes = match duration {
        None => None,
        Some(m) if (1..=480).contains(&m) => Some(m as u32),
        Some(m) => {
            e.add("duration_minutes", format!("Duration must be 1-480 minutes (got {m})"));
            None
        }
    };
    e.into_result()?;
    Ok(NewTherapySession { date, time, modality, attendance, duration_minutes })
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
