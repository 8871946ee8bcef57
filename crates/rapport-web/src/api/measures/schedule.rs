//! A course's measurement schedule over the JSON API: read it, and save a new
//! version (`rapport_app::measures::save_schedule`, the rule the course's
//! Measures tab uses too).

use crate::error::{ApiResult, AppError, ErrorBody};
use crate::identity::ApiCaller;
use axum::extract::{Path, State};
use axum::Json;
use rapport_app::access::course::course_for;
use rapport_app::access::Purpose;
use rapport_app::measures::schedule_of;
use rapport_app::AppState;
use rapport_core::measures::schedule::{asks_about_risk, scheduled_sessions, Schedule};
use rapport_core::records::RecordBody;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct MeasureScheduleJson {
    /// Instrument ids asked for, e.g. `["phq9", "gad7"]`.
    pub instruments: Vec<String>,
    /// Asked before every this many sessions (1-12).
    pub every: u32,
    /// The contracted sessions that ask for the measures: session 1 and every
    /// `every`th counted back from the last planned session, which always has them.
    pub scheduled_sessions: Vec<u32>,
    /// Whether an instrument of the schedule has a risk item (PHQ-9, EPDS, HAM-D-17, QIDS-SR16).
    pub asks_about_risk: bool,
    /// False while the default (PHQ-9 and GAD-7 before every session) applies.
    pub custom: bool,
    /// The version to send back when saving (0: none saved yet).
    pub version: i64,
}

fn schedule_json(s: &Schedule, planned: u32, custom: bool, version: i64, state: &AppState) -> MeasureScheduleJson {
    MeasureScheduleJson {
        instruments: s.instruments.clone(),
        every: s.every,
        scheduled_sessions: scheduled_sessions(s.every, planned),
        asks_about_risk: asks_about_risk(s, &state.instruments),
        custom,
        version,
    }
}

/// The course's measurement schedule.
#[utoipa::path(get, path = "/api/v1/courses/{id}/measure-schedule", tag = "measures", params(("id" = String, Path, description = "Course id")),
    responses((status = 200, body = MeasureScheduleJson), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_measure_schedule(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
) -> ApiResult<Json<MeasureScheduleJson>> {
    let cx = course_for(&state, &me, &id, Purpose::AuditRead).await?;
    let (s, version, rid) = schedule_of(&state, &cx.course.id).await?;
    Ok(Json(schedule_json(&s, cx.course.planned_sessions, rid.is_some(), version, &state)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MeasureScheduleInput {
    /// Instrument ids from `GET /api/v1/instruments`; at least one.
    pub instruments: Vec<String>,
    /// 1-12.
    pub every: u32,
    /// The version read (0 when none was saved); refused with 409 if it changed since.
    pub version: i64,
    /// Must be true to save a schedule none of whose instruments has a risk
    /// item; otherwise 422 naming this field.
    #[serde(default)]
    pub confirm_no_risk_item: bool,
}

/// Saves the course's measurement schedule as a new version.
#[utoipa::path(put, path = "/api/v1/courses/{id}/measure-schedule", tag = "measures", params(("id" = String, Path, description = "Course id")),
    request_body = MeasureScheduleInput,
    responses((status = 200, body = MeasureScheduleJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn put_measure_schedule(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    crate::api::body::ApiJson(body): crate::api::body::ApiJson<MeasureScheduleInput>,
) -> ApiResult<Json<MeasureScheduleJson>> {
    let cx = course_for(&state, &me, &id, Purpose::Write).await?;
    if let Some(i) = body.instruments.iter().position(|i| state.instruments.get(i.trim()).is_none()) {
        return Err(
            AppError::invalid(&format!("instruments[{i}]"), "Choose instruments from GET /api/v1/instruments").into()
        );
    }
    let checked = Schedule { instruments: body.instruments, every: body.every }.validate()?;
    rapport_app::measures::save_schedule(&state, &me, &cx, &checked, body.version, body.confirm_no_risk_item).await?;
    let (s, version, _) = schedule_of(&state, &cx.course.id).await?;
    Ok(Json(schedule_json(&s, cx.course.planned_sessions, true, version, &state)))
}
