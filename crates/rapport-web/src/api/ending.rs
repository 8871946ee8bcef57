//! API v1 for the termination phase: the ending review and starting the
//! maintenance (IPT-M) course. Same rules as the UI's Ending tab.

use super::body::ApiJson;
use super::courses::{course_json, CourseJson};
use crate::error::{ApiResult, AppError, ErrorBody};
use crate::identity::ApiCaller;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::Json;
use rapport_app::access::course::course_for;
use rapport_app::access::Purpose;
use rapport_app::ending::{self, areas_of, review_of, save_review};
use rapport_app::AppState;
use rapport_core::ending::{AreaProgress, EndingReview, MaintenanceDecision};
use rapport_core::ValidationErrors;
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/api/v1/courses/{id}/ending", get_ending)
        .put("/api/v1/courses/{id}/ending", put_ending)
        .post("/api/v1/courses/{id}/maintenance", start_maintenance)
}

#[derive(OpenApi)]
#[openapi(
    paths(get_ending, put_ending, start_maintenance),
    components(schemas(EndingJson, EndingInput, AreaProgressJson, MaintenanceInput))
)]
pub struct EndingDoc;

#[derive(Serialize, Deserialize, ToSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct AreaProgressJson {
    /// Problem-area id, e.g. `role_dispute`.
    pub area: String,
    pub progress: String,
}

#[derive(Serialize, ToSchema)]
pub struct EndingJson {
    /// Null until a review is saved.
    pub id: Option<String>,
    pub ending_raised_on: Option<String>,
    pub feelings_about_ending: Option<String>,
    pub progress_summary: Option<String>,
    pub area_progress: Vec<AreaProgressJson>,
    pub client_contributions: Option<String>,
    pub warning_signs: Vec<String>,
    pub coping_plan: Option<String>,
    pub supports: Vec<String>,
    pub return_plan: Option<String>,
    pub alternatives_discussed: Option<String>,
    pub medication_plan: Option<String>,
    pub follow_up_months: Vec<u32>,
    /// `undecided`, `none`, `declined` or `ipt_m`
    pub maintenance: String,
    pub maintenance_course_id: Option<String>,
    pub version: i64,
}

fn ending_json(id: Option<String>, r: EndingReview, version: i64) -> EndingJson {
    EndingJson {
        id,
        ending_raised_on: r.ending_raised_on,
        feelings_about_ending: r.feelings_about_ending,
        progress_summary: r.progress_summary,
        area_progress: r
            .area_progress
            .into_iter()
            .map(|a| AreaProgressJson { area: a.area, progress: a.progress })
            .collect(),
        client_contributions: r.client_contributions,
        warning_signs: r.warning_signs,
        coping_plan: r.coping_plan,
        supports: r.supports,
        return_plan: r.return_plan,
        alternatives_discussed: r.alternatives_discussed,
        medication_plan: r.medication_plan,
        follow_up_months: r.follow_up_months,
        maintenance: r.maintenance.as_str().into(),
        maintenance_course_id: r.maintenance_course_id,
        version,
    }
}

/// The course's ending review (empty, version 0, until saved).
#[utoipa::path(get, path = "/api/v1/courses/{id}/ending", tag = "courses", params(("id" = String, Path, description = "Course id")),
    responses((status = 200, body = EndingJson), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_ending(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
) -> ApiResult<Json<EndingJson>> {
    let cx = course_for(&state, &me, &id, Purpose::AuditRead).await?;
    Ok(Json(match review_of(&state, &cx).await? {
        Some(r) => ending_json(Some(r.id.to_string()), r.body, r.version),
        None => ending_json(None, EndingReview::default(), 0),
    }))
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct EndingInput {
    /// `YYYY-MM-DD`
    pub ending_raised_on: Option<String>,
    pub feelings_about_ending: Option<String>,
    pub progress_summary: Option<String>,
    #[serde(default)]
    pub area_progress: Vec<AreaProgressJson>,
    pub client_contributions: Option<String>,
    #[serde(default)]
    pub warning_signs: Vec<String>,
    pub coping_plan: Option<String>,
    #[serde(default)]
    pub supports: Vec<String>,
    pub return_plan: Option<String>,
    pub alternatives_discussed: Option<String>,
    pub medication_plan: Option<String>,
    #[serde(default)]
    pub follow_up_months: Vec<u32>,
    /// `undecided`, `none` or `declined` (`ipt_m` is set by starting a maintenance course).
    pub maintenance: Option<String>,
    /// The version read; refused with 409 if the review changed since.
    pub version: Option<i64>,
}

/// Saves the ending review (a new version; history is kept).
#[utoipa::path(put, path = "/api/v1/courses/{id}/ending", tag = "courses", params(("id" = String, Path, description = "Course id")),
    request_body = EndingInput,
    responses((status = 200, body = EndingJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn put_ending(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<EndingInput>,
) -> ApiResult<Json<EndingJson>> {
    let cx = course_for(&state, &me, &id, Purpose::Write).await?;
    let existing = review_of(&state, &cx).await?;
    let areas = areas_of(&state, &cx).await?;
    for (i, a) in body.area_progress.iter().enumerate() {
        if !areas.iter().any(|(id, _)| *id == a.area) {
            return Err(AppError::invalid(
                &format!("area_progress[{i}].area"),
                format!("{:?} is not a problem area of this course's formulation", a.area),
            )
            .into());
        }
    }
    let keep_link = existing.as_ref().and_then(|r| r.body.maintenance_course_id.clone());
    let maintenance = match body.maintenance.as_deref() {
        None => existing.as_ref().map(|r| r.body.maintenance).unwrap_or_default(),
        Some("ipt_m") if keep_link.is_some() => MaintenanceDecision::IptM,
        Some("ipt_m") => {
            return Err(AppError::invalid(
                "maintenance",
                "Start maintenance with POST /api/v1/courses/{id}/maintenance; it creates the IPT-M course",
            )
            .into())
        }
        Some(m) => MaintenanceDecision::parse(m)
            .ok_or_else(|| AppError::invalid("maintenance", "maintenance must be undecided, none or declined"))?,
    };
    let review = EndingReview {
        ending_raised_on: body.ending_raised_on,
        feelings_about_ending: body.feelings_about_ending,
        progress_summary: body.progress_summary,
        area_progress: body
            .area_progress
            .into_iter()
            .map(|a| AreaProgress { area: a.area, progress: a.progress })
            .collect(),
        client_contributions: body.client_contributions,
        warning_signs: body.warning_signs,
        coping_plan: body.coping_plan,
        supports: body.supports,
        return_plan: body.return_plan,
        alternatives_discussed: body.alternatives_discussed,
        medication_plan: body.medication_plan,
        follow_up_months: body.follow_up_months,
        // A saved link to the maintenance course is kept (save_review).
        maintenance,
        maintenance_course_id: None,
    };
    let saved = save_review(&state, &me, &cx, existing.as_ref(), review, body.version).await?;
    Ok(Json(ending_json(Some(saved.id.to_string()), saved.body, saved.version)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MaintenanceInput {
    /// 1-36
    pub months: i64,
    /// `monthly` (default), `twice_monthly` or `weekly`
    pub frequency: Option<String>,
    /// `YYYY-MM-DD`; default today.
    pub start_date: Option<String>,
}

/// Starts the maintenance course (IPT-M) that continues this course; records the decision in the ending review.
#[utoipa::path(post, path = "/api/v1/courses/{id}/maintenance", tag = "courses", params(("id" = String, Path, description = "Course id")),
    request_body = MaintenanceInput,
    responses((status = 201, body = CourseJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn start_maintenance(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<MaintenanceInput>,
) -> ApiResult<impl IntoResponse> {
    let cx = course_for(&state, &me, &id, Purpose::Write).await?;
    let (frequency, start) = (body.frequency.as_deref(), body.start_date.as_deref());
    let course =
        ending::start_maintenance(&state, &me, &cx, Some(body.months), frequency, start, ValidationErrors::new())
            .await?;
    let mcx = course_for(&state, &me, course.id.as_str(), Purpose::Write).await?;
    Ok((StatusCode::CREATED, Json(course_json(&state, &mcx).await?)))
}
