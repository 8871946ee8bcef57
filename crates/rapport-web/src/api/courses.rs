//! API v1 for IPT courses: create and read courses, record sessions (numbered
//! and phased by the domain rules), renegotiate the contract, change status,
//! and the initial-phase checklist. Same access rules as the UI.

use super::body::ApiJson;
use crate::error::{ApiResult, AppError, ErrorBody};
use crate::identity::ApiCaller;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::IntoResponse;
use axum::Json;
use rapport_app::access::course::{course_for, CourseContext, NumberedSession};
use rapport_app::access::{client_for, Purpose};
use rapport_app::courses::{self as use_case, ChecklistInput, SessionInput};
use rapport_app::AppState;
use rapport_core::course::RawCourse;
use rapport_core::course_rules::CompletionFields;
use rapport_core::protocol::ChecklistItem;
use rapport_core::time::format_date;
use rapport_core::ValidationErrors;
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/api/v1/protocols", list_protocols)
        .get("/api/v1/clients/{id}/courses", list_courses)
        .post("/api/v1/clients/{id}/courses", create_course)
        .get("/api/v1/courses/{id}", get_course)
        .post("/api/v1/courses/{id}/contract", renegotiate)
        .post("/api/v1/courses/{id}/status", set_status)
        .put("/api/v1/courses/{id}/checklist/{item}", record_checklist)
        .delete("/api/v1/courses/{id}/checklist/{item}", clear_checklist)
        .get("/api/v1/courses/{id}/sessions", list_sessions)
        .post("/api/v1/courses/{id}/sessions", create_session)
        .patch("/api/v1/courses/{id}/sessions/{session_id}", patch_session)
}

#[derive(OpenApi)]
#[openapi(
    paths(list_protocols, list_courses, create_course, get_course, renegotiate, set_status, record_checklist, clear_checklist, list_sessions, create_session, patch_session),
    components(schemas(ProtocolJson, AreaJson, CourseJson, ChecklistJson, SessionJson, NewCourseJson, ContractJson, StatusJson, ChecklistEntryJson, NewSessionJson, SessionPatchJson)),
    tags((name = "courses", description = "IPT courses: contract, phases, sessions and the initial-phase checklist"))
)]
pub struct CoursesDoc;

#[derive(Serialize, ToSchema)]
pub struct AreaJson {
    pub id: String,
    pub label: String,
}

#[derive(Serialize, ToSchema)]
pub struct ProtocolJson {
    pub id: String,
    pub name: String,
    pub school: String,
    /// `acute` or `maintenance`
    pub kind: String,
    pub description: String,
    pub min_sessions: u32,
    pub max_sessions: u32,
    pub default_sessions: u32,
    pub frequency: String,
    pub session_minutes: u32,
    pub initial_sessions: u32,
    pub termination_sessions: u32,
    pub problem_areas: Vec<AreaJson>,
    pub max_problem_areas: u32,
    pub checklist: Vec<String>,
    pub maintenance: Vec<String>,
    pub group: bool,
}

/// The protocols this site runs.
#[utoipa::path(get, path = "/api/v1/protocols", tag = "courses",
    responses((status = 200, body = [ProtocolJson]), (status = 401, body = ErrorBody)))]
pub async fn list_protocols(State(state): State<AppState>, ApiCaller(_me): ApiCaller) -> Json<Vec<ProtocolJson>> {
    Json(
        state
            .config
            .protocols
            .all()
            .iter()
            .map(|p| ProtocolJson {
                id: p.id.clone(),
                name: p.name.clone(),
                school: p.school.clone(),
                kind: match p.kind {
                    rapport_core::protocol::ProtocolKind::Acute => "acute".into(),
                    rapport_core::protocol::ProtocolKind::Maintenance => "maintenance".into(),
                },
                description: p.description.clone(),
                min_sessions: p.sessions.min,
                max_sessions: p.sessions.max,
                default_sessions: p.sessions.default,
                frequency: p.frequency.as_str().into(),
                session_minutes: p.session_minutes,
                initial_sessions: p.initial_sessions,
                termination_sessions: p.termination_sessions,
                problem_areas: p
                    .problem_areas
                    .iter()
                    .map(|a| AreaJson { id: a.id.clone(), label: a.label.clone() })
                    .collect(),
                max_problem_areas: p.max_problem_areas,
                checklist: p.checklist.clone(),
                maintenance: p.maintenance.clone(),
                group: p.group,
            })
            .collect(),
    )
}

#[derive(Serialize, ToSchema)]
pub struct ChecklistJson {
    /// e.g. `symptom_review`, `formulation`
    pub item: String,
    pub label: String,
    pub done: bool,
    /// `YYYY-MM-DD`
    pub done_on: Option<String>,
    pub detail: Option<String>,
    pub code: Option<String>,
    pub note: Option<String>,
    pub recorded_by: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct CourseJson {
    pub id: String,
    pub client_id: String,
    pub protocol: String,
    pub protocol_name: String,
    pub planned_sessions: u32,
    /// `weekly`, `twice_monthly` or `monthly`
    pub frequency: String,
    pub session_minutes: u32,
    /// `YYYY-MM-DD`
    pub start_date: String,
    /// `YYYY-MM-DD`
    pub planned_end_date: String,
    /// `planned`, `active`, `completed`, `ended_early` or `transferred`
    pub status: String,
    pub status_reason: Option<String>,
    /// `initial`, `middle`, `termination` or `maintenance`: the phase of the last held session.
    pub phase: String,
    pub sessions_held: u32,
    pub sessions_remaining: u32,
    /// e.g. "Session 5 of 16 · middle phase · 11 left"
    pub summary: String,
    /// True when the ending should be raised (2-4 sessions left by default).
    pub ending_prompt: bool,
    /// Problem areas of the current formulation.
    pub problem_areas: Vec<String>,
    pub checklist: Vec<ChecklistJson>,
    pub continues_course_id: Option<String>,
    pub version: i64,
    pub created_at: String,
}

pub async fn course_json(state: &AppState, cx: &CourseContext) -> Result<CourseJson, AppError> {
    let problem_areas = rapport_app::formulation::chosen_areas(state, cx).await?;
    let c = &cx.course;
    Ok(CourseJson {
        id: c.id.to_string(),
        client_id: c.client_id.to_string(),
        protocol: c.protocol_id.clone(),
        protocol_name: cx.protocol.name.clone(),
        planned_sessions: c.planned_sessions,
        frequency: c.frequency.as_str().into(),
        session_minutes: c.session_minutes,
        start_date: format_date(c.start_date),
        planned_end_date: format_date(c.planned_end_date),
        status: c.status.as_str().into(),
        status_reason: c.status_reason.clone(),
        phase: cx.progress.phase.as_str().into(),
        sessions_held: cx.progress.sessions_held,
        sessions_remaining: cx.progress.sessions_remaining,
        summary: rapport_i18n::current().course_progress(&cx.protocol, &cx.progress),
        ending_prompt: cx.progress.ending_prompt,
        problem_areas,
        checklist: cx
            .protocol
            .checklist_items()
            .into_iter()
            .map(|item| {
                let done = cx.checklist.iter().find(|e| e.item == item);
                ChecklistJson {
                    item: item.as_str().into(),
                    label: cx.protocol.checklist_label(item),
                    done: done.is_some(),
                    done_on: done.map(|d| format_date(d.done_on)),
                    detail: done.and_then(|d| d.detail.clone()),
                    code: done.and_then(|d| d.code.clone()),
                    note: done.and_then(|d| d.note.clone()),
                    recorded_by: done.map(|d| d.recorded_by_name.clone()),
                }
            })
            .collect(),
        continues_course_id: c.continues_course_id.as_ref().map(|i| i.to_string()),
        version: c.version,
        created_at: c.created_at.to_db(),
    })
}

/// A client's courses, newest first.
#[utoipa::path(get, path = "/api/v1/clients/{id}/courses", tag = "courses", params(("id" = String, Path, description = "Client id")),
    responses((status = 200, body = [CourseJson]), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn list_courses(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<CourseJson>>> {
    let mut out = Vec::new();
    for cx in use_case::of_client(&state, &me, &id).await? {
        out.push(course_json(&state, &cx).await?);
    }
    Ok(Json(out))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewCourseJson {
    /// Protocol id, e.g. `ipt-individual` (see `GET /api/v1/protocols`).
    pub protocol: String,
    /// Within the protocol's range; default: the protocol's default.
    pub planned_sessions: Option<i64>,
    /// `weekly`, `twice_monthly` or `monthly`; default: the protocol's.
    pub frequency: Option<String>,
    pub session_minutes: Option<i64>,
    /// `YYYY-MM-DD`; default: today.
    pub start_date: Option<String>,
    /// `YYYY-MM-DD`; default: worked out from the sessions and frequency.
    pub planned_end_date: Option<String>,
}

/// Starts a course for a client.
#[utoipa::path(post, path = "/api/v1/clients/{id}/courses", tag = "courses", params(("id" = String, Path, description = "Client id")),
    request_body = NewCourseJson,
    responses((status = 201, body = CourseJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_course(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<NewCourseJson>,
) -> ApiResult<impl IntoResponse> {
    let (client, _) = client_for(&state, &me, &id, Purpose::Write).await?;
    let raw = RawCourse {
        protocol: Some(body.protocol),
        planned_sessions: body.planned_sessions,
        frequency: body.frequency,
        session_minutes: body.session_minutes,
        start_date: body.start_date,
        planned_end_date: body.planned_end_date,
    };
    let course = use_case::create(&state, &me, &client, &raw, ValidationErrors::new()).await?;
    let cx = course_for(&state, &me, course.id.as_str(), Purpose::Write).await?;
    let mut headers = HeaderMap::new();
    if let Ok(v) = HeaderValue::from_str(&format!("/api/v1/courses/{}", course.id)) {
        headers.insert(axum::http::header::LOCATION, v);
    }
    Ok((StatusCode::CREATED, headers, Json(course_json(&state, &cx).await?)))
}

/// One course with its phase and counts.
#[utoipa::path(get, path = "/api/v1/courses/{id}", tag = "courses", params(("id" = String, Path, description = "Course id")),
    responses((status = 200, body = CourseJson), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_course(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
) -> ApiResult<Json<CourseJson>> {
    let cx = course_for(&state, &me, &id, Purpose::AuditRead).await?;
    Ok(Json(course_json(&state, &cx).await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ContractJson {
    pub planned_sessions: i64,
    /// Why the contract changes (required).
    pub reason: String,
    /// When given, refused with 409 if the course has changed since.
    pub version: Option<i64>,
}

/// Renegotiates the contracted number of sessions (kept as an event with the old count and reason).
#[utoipa::path(post, path = "/api/v1/courses/{id}/contract", tag = "courses", params(("id" = String, Path, description = "Course id")),
    request_body = ContractJson,
    responses((status = 200, body = CourseJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn renegotiate(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ContractJson>,
) -> ApiResult<Json<CourseJson>> {
    let cx = course_for(&state, &me, &id, Purpose::Write).await?;
    let (n, reason) = (Some(body.planned_sessions), Some(body.reason.as_str()));
    use_case::renegotiate(&state, &me, &cx, n, reason, body.version, ValidationErrors::new()).await?;
    let cx = course_for(&state, &me, &id, Purpose::Write).await?;
    Ok(Json(course_json(&state, &cx).await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusJson {
    /// `active`, `completed`, `ended_early` or `transferred`
    pub status: String,
    /// Required for `ended_early` and `transferred`.
    pub reason: Option<String>,
    /// `completed` without a saved ending review: why it was skipped (visible characters).
    pub skip_review_reason: Option<String>,
    /// `completed` without a PHQ-9/GAD-7 (the course's scheduled questionnaires)
    /// in the last two held sessions: confirms going without an end measure.
    #[serde(default)]
    pub confirm_no_end_measure: bool,
    /// The reason for no end-of-treatment measure (required with `confirm_no_end_measure`).
    pub no_end_measure_reason: Option<String>,
}

/// Changes the course status (e.g. completed, or ended early with a reason).
#[utoipa::path(post, path = "/api/v1/courses/{id}/status", tag = "courses", params(("id" = String, Path, description = "Course id")),
    request_body = StatusJson,
    responses((status = 200, body = CourseJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn set_status(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<StatusJson>,
) -> ApiResult<Json<CourseJson>> {
    let cx = course_for(&state, &me, &id, Purpose::Write).await?;
    let fields = CompletionFields {
        skip_review_reason: body.skip_review_reason.as_deref(),
        confirm_no_end_measure: body.confirm_no_end_measure,
        no_end_measure_reason: body.no_end_measure_reason.as_deref(),
    };
    use_case::set_status(&state, &me, &cx, &body.status, body.reason.as_deref(), &fields).await?;
    let cx = course_for(&state, &me, &id, Purpose::Write).await?;
    Ok(Json(course_json(&state, &cx).await?))
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct ChecklistEntryJson {
    /// `YYYY-MM-DD`, not in the future; default today.
    pub done_on: Option<String>,
    /// Diagnosis text (`symptom_review`, required) or medication outcome
    /// (`medication`, required: `not_needed`, `referred` or `already_on`).
    pub detail: Option<String>,
    /// ICD-10/ICD-11 code (`symptom_review`).
    pub code: Option<String>,
    pub note: Option<String>,
}

fn checklist_item(cx: &CourseContext, item: &str) -> Result<ChecklistItem, AppError> {
    ChecklistItem::parse(item)
        .filter(|i| cx.protocol.checklist_items().contains(i))
        .ok_or_else(|| AppError::invalid("item", format!("{item:?} is not on the {} checklist", cx.protocol.name)))
}

/// Records a checklist item as done (replacing an earlier entry).
#[utoipa::path(put, path = "/api/v1/courses/{id}/checklist/{item}", tag = "courses",
    params(("id" = String, Path, description = "Course id"), ("item" = String, Path, description = "Checklist item, e.g. `sick_role`")),
    request_body = ChecklistEntryJson,
    responses((status = 200, body = CourseJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn record_checklist(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path((id, item)): Path<(String, String)>,
    ApiJson(body): ApiJson<ChecklistEntryJson>,
) -> ApiResult<Json<CourseJson>> {
    let cx = course_for(&state, &me, &id, Purpose::Write).await?;
    let item = checklist_item(&cx, &item)?;
    let input = ChecklistInput {
        done_on: body.done_on.as_deref(),
        detail: body.detail.as_deref(),
        code: body.code.as_deref(),
        note: body.note.as_deref(),
    };
    use_case::record_checklist(&state, &me, &cx, item, input).await?;
    let cx = course_for(&state, &me, &id, Purpose::Write).await?;
    Ok(Json(course_json(&state, &cx).await?))
}

/// Marks a checklist item as not done.
#[utoipa::path(delete, path = "/api/v1/courses/{id}/checklist/{item}", tag = "courses",
    params(("id" = String, Path, description = "Course id"), ("item" = String, Path, description = "Checklist item")),
    responses((status = 200, body = CourseJson), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn clear_checklist(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path((id, item)): Path<(String, String)>,
) -> ApiResult<Json<CourseJson>> {
    let cx = course_for(&state, &me, &id, Purpose::Write).await?;
    use_case::clear_checklist(&state, &me, &cx, checklist_item(&cx, &item)?).await?;
    let cx = course_for(&state, &me, &id, Purpose::Write).await?;
    Ok(Json(course_json(&state, &cx).await?))
}

#[derive(Serialize, ToSchema)]
pub struct SessionJson {
    pub id: String,
    pub course_id: String,
    /// Position among held sessions (null when not held); 0 for a held
    /// engagement session.
    pub number: Option<u32>,
    /// Brief IPT's engagement session (session 0): counted in no session
    /// count, phase or measure schedule.
    pub engagement: bool,
    /// Phase of this session (for a session not held: the phase the course was in).
    pub phase: String,
    /// Why the clinician set this session's phase (null: the phase is computed).
    pub phase_set_reason: Option<String>,
    /// `YYYY-MM-DD`
    pub date: String,
    /// `HH:MM` or null
    pub time: Option<String>,
    /// `in_person`, `video` or `phone`
    pub modality: String,
    /// `attended`, `cancelled`, `no_show` or `scheduled`
    pub attendance: String,
    pub duration_minutes: Option<u32>,
    pub sessions_held: u32,
    pub sessions_remaining: u32,
    pub version: i64,
}

fn session_json(cx: &CourseContext, s: &NumberedSession) -> SessionJson {
    SessionJson {
        id: s.session.id.to_string(),
        course_id: cx.course.id.to_string(),
        number: s.number,
        engagement: s.session.engagement,
        phase: s.phase.as_str().into(),
        phase_set_reason: s.session.phase_override.as_ref().map(|(_, why)| why.clone()),
        date: format_date(s.session.date),
        time: Some(s.session.time.clone()).filter(|t| !t.is_empty()),
        modality: s.session.modality.as_str().into(),
        attendance: s.session.attendance.as_str().into(),
        duration_minutes: s.session.duration_minutes,
        sessions_held: cx.progress.sessions_held,
        sessions_remaining: cx.progress.sessions_remaining,
        version: s.session.version,
    }
}

/// A course's sessions in date order, numbered and phased.
#[utoipa::path(get, path = "/api/v1/courses/{id}/sessions", tag = "courses", params(("id" = String, Path, description = "Course id")),
    responses((status = 200, body = [SessionJson]), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn list_sessions(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<SessionJson>>> {
    let cx = course_for(&state, &me, &id, Purpose::AuditRead).await?;
    Ok(Json(cx.sessions.iter().map(|s| session_json(&cx, s)).collect()))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewSessionJson {
    /// `YYYY-MM-DD`
    pub date: String,
    /// `attended`, `cancelled`, `no_show` or `scheduled` (future sessions only).
    pub attendance: String,
    /// `HH:MM` (24-hour)
    pub time: Option<String>,
    /// `in_person` (default), `video` or `phone`
    pub modality: Option<String>,
    pub duration_minutes: Option<i64>,
    /// True: brief IPT's engagement session (session 0), before session 1.
    /// Only under a protocol that offers one, once per course, and while
    /// session 1 is not recorded (else 422 naming `engagement`).
    #[serde(default)]
    pub engagement: bool,
}

/// Records a session. Only attended sessions count as held and get a number.
#[utoipa::path(post, path = "/api/v1/courses/{id}/sessions", tag = "courses", params(("id" = String, Path, description = "Course id")),
    request_body = NewSessionJson,
    responses((status = 201, body = SessionJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_session(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<NewSessionJson>,
) -> ApiResult<impl IntoResponse> {
    let cx = course_for(&state, &me, &id, Purpose::Write).await?;
    let input = SessionInput {
        date: Some(body.date),
        time: body.time,
        modality: body.modality,
        attendance: Some(body.attendance),
        duration_minutes: body.duration_minutes,
        engagement: body.engagement,
    };
    let s = use_case::add_session(&state, &me, &cx, &input, ValidationErrors::new()).await?;
    let cx = course_for(&state, &me, &id, Purpose::Write).await?;
    let numbered = cx.session(&s.id).ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(session_json(&cx, numbered))))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SessionPatchJson {
    pub date: Option<String>,
    pub attendance: Option<String>,
    pub time: Option<String>,
    pub modality: Option<String>,
    pub duration_minutes: Option<i64>,
    /// When given, refused with 409 if the session has changed since.
    pub version: Option<i64>,
}

/// Changes a session (e.g. a scheduled session was attended or cancelled).
#[utoipa::path(patch, path = "/api/v1/courses/{id}/sessions/{session_id}", tag = "courses",
    params(("id" = String, Path, description = "Course id"), ("session_id" = String, Path, description = "Session id")),
    request_body = SessionPatchJson,
    responses((status = 200, body = SessionJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn patch_session(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path((id, session_id)): Path<(String, String)>,
    ApiJson(body): ApiJson<SessionPatchJson>,
) -> ApiResult<Json<SessionJson>> {
    let cx = course_for(&state, &me, &id, Purpose::Write).await?;
    let input = SessionInput {
        date: body.date,
        time: body.time,
        modality: body.modality,
        attendance: body.attendance,
        duration_minutes: body.duration_minutes,
        engagement: false,
    };
    let s =
        use_case::update_session(&state, &me, &cx, &session_id, input, body.version, ValidationErrors::new()).await?;
    let sid = s.id;
    let cx = course_for(&state, &me, &id, Purpose::Write).await?;
    let numbered = cx.session(&sid).ok_or(AppError::NotFound)?;
    Ok(Json(session_json(&cx, numbered)))
}
