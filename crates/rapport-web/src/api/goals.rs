//! API v1 for a course's goals and their 0-10 ratings at held sessions.

use super::body::ApiJson;
use super::params::present;
use crate::error::{ApiResult, ErrorBody};
use crate::identity::ApiCaller;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::IntoResponse;
use axum::Json;
use rapport_app::access::course::{course_for, CourseContext};
use rapport_app::access::Purpose;
use rapport_app::formulation::audit_read;
use rapport_app::goals::{create_goal, goal_for, goals, rate_goal, update_goal};
use rapport_app::AppState;
use rapport_core::goals::{describe_ratings, GoalInput};
use rapport_core::time::format_date;
use rapport_core::Id;
use rapport_store::formulation::GoalWithRatings;
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/api/v1/courses/{id}/goals", list_goals)
        .post("/api/v1/courses/{id}/goals", create)
        .put("/api/v1/goals/{id}", update)
        .post("/api/v1/goals/{id}/ratings", rate)
}

#[derive(OpenApi)]
#[openapi(
    paths(list_goals, create, update, rate),
    components(schemas(GoalJson, RatingJson, PastWordingJson, NewGoalJson, GoalPutJson, RatingInJson)),
    tags((name = "goals", description = "Treatment goals of a course, rated 0-10 at held sessions"))
)]
pub struct GoalsDoc;

#[derive(Serialize, ToSchema)]
pub struct RatingJson {
    pub session_id: String,
    /// The session's number among held sessions.
    pub session_number: Option<u32>,
    /// `YYYY-MM-DD`
    pub session_date: String,
    /// 0 (not at all) to 10 (fully achieved).
    pub rating: u8,
}

#[derive(Serialize, ToSchema)]
pub struct PastWordingJson {
    pub statement: String,
    pub clinician_wording: Option<String>,
    /// `YYYY-MM-DD`
    pub replaced_on: String,
}

#[derive(Serialize, ToSchema)]
pub struct GoalJson {
    pub id: String,
    pub course_id: String,
    pub problem_area: String,
    pub problem_area_label: String,
    /// The client's own words.
    pub statement: String,
    pub clinician_wording: Option<String>,
    pub target: Option<String>,
    pub due_session: Option<u32>,
    /// `YYYY-MM-DD`
    pub due_date: Option<String>,
    /// `active`, `achieved`, `revised` or `dropped`
    pub status: String,
    pub status_note: Option<String>,
    /// Earlier wordings, oldest first.
    pub previous_wordings: Vec<PastWordingJson>,
    /// In session order, one per session.
    pub ratings: Vec<RatingJson>,
    pub latest_rating: Option<u8>,
    /// `rising`, `falling` or `flat`; null with fewer than two ratings.
    pub trend: Option<String>,
    /// e.g. "ratings 2, 3, 5, 6 — rising"
    pub ratings_text: String,
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
}

pub fn goal_json(cx: &CourseContext, g: &GoalWithRatings) -> GoalJson {
    let r = &g.goal;
    let b = &r.body;
    GoalJson {
        id: r.id.to_string(),
        course_id: cx.course.id.to_string(),
        problem_area: b.problem_area.clone(),
        problem_area_label: cx.protocol.area_label(&b.problem_area).to_string(),
        statement: b.statement.clone(),
        clinician_wording: b.clinician_wording.clone(),
        target: b.target.clone(),
        due_session: b.due_session,
        due_date: b.due_date.clone(),
        status: b.status.as_str().into(),
        status_note: b.status_note.clone(),
        previous_wordings: b
            .previous_wordings
            .iter()
            .map(|w| PastWordingJson {
                statement: w.statement.clone(),
                clinician_wording: w.clinician_wording.clone(),
                replaced_on: w.replaced_on.clone(),
            })
            .collect(),
        ratings: g
            .ratings
            .iter()
            .map(|p| RatingJson {
                session_id: p.session_id.to_string(),
                session_number: cx.session(&p.session_id).and_then(|s| s.number),
                session_date: format_date(p.session_date),
                rating: p.rating,
            })
            .collect(),
        latest_rating: g.latest().map(|p| p.rating),
        trend: g.trend.map(|t| t.as_str().to_string()),
        ratings_text: describe_ratings(&g.values()),
        version: r.version,
        created_at: r.created_at.to_db(),
        updated_at: r.updated_at.to_db(),
    }
}

/// The goal `id` of the course, with its ratings, as JSON.
async fn one(state: &AppState, cx: &CourseContext, id: &Id) -> Result<GoalJson, crate::error::AppError> {
    let all = goals(state, cx).await?;
    let g = all.iter().find(|g| &g.goal.id == id).ok_or(crate::error::AppError::NotFound)?;
    Ok(goal_json(cx, g))
}

/// A course's goals, oldest first, each with its ratings and trend.
#[utoipa::path(get, path = "/api/v1/courses/{id}/goals", tag = "goals", params(("id" = String, Path, description = "Course id")),
    responses((status = 200, body = [GoalJson]), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn list_goals(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<GoalJson>>> {
    let cx = course_for(&state, &me, &id, Purpose::AuditRead).await?;
    let goals = goals(&state, &cx).await?;
    audit_read(&state, &me, &cx, "goal", None, format!("{} goals via API", goals.len())).await?;
    Ok(Json(goals.iter().map(|g| goal_json(&cx, g)).collect()))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewGoalJson {
    /// One of the formulation's chosen problem areas.
    pub problem_area: String,
    /// The goal in the client's own words.
    #[schema(max_length = 500)]
    pub statement: String,
    #[schema(max_length = 500)]
    pub clinician_wording: Option<String>,
    /// What achieving it looks like.
    #[schema(max_length = 500)]
    pub target: Option<String>,
    /// Session number it is due by (within the contract).
    pub due_session: Option<i64>,
    /// `YYYY-MM-DD`
    pub due_date: Option<String>,
}

/// Adds an active goal in one of the chosen problem areas.
#[utoipa::path(post, path = "/api/v1/courses/{id}/goals", tag = "goals", params(("id" = String, Path, description = "Course id")),
    request_body = NewGoalJson,
    responses((status = 201, body = GoalJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<NewGoalJson>,
) -> ApiResult<impl IntoResponse> {
    let cx = course_for(&state, &me, &id, Purpose::Write).await?;
    let input = GoalInput {
        problem_area: Some(body.problem_area),
        statement: Some(body.statement),
        clinician_wording: body.clinician_wording,
        target: body.target,
        due_session: body.due_session,
        due_date: body.due_date,
        status: None,
        status_note: None,
    };
    let goal = create_goal(&state, &me, &cx, &input).await?;
    let mut headers = HeaderMap::new();
    if let Ok(v) = HeaderValue::from_str(&format!("/api/v1/goals/{}", goal.id)) {
        headers.insert(axum::http::header::LOCATION, v);
    }
    Ok((StatusCode::CREATED, headers, Json(one(&state, &cx, &goal.id).await?)))
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct GoalPutJson {
    /// The version read; refused with 409 if the goal changed since.
    pub version: Option<i64>,
    /// Fields left out keep their value; `null` clears an optional one.
    pub problem_area: Option<String>,
    /// A new wording keeps the old one in `previous_wordings` and marks the goal `revised`.
    #[schema(max_length = 500)]
    pub statement: Option<String>,
    #[serde(default, deserialize_with = "present")]
    #[schema(max_length = 500)]
    pub clinician_wording: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub target: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub due_session: Option<Option<i64>>,
    #[serde(default, deserialize_with = "present")]
    pub due_date: Option<Option<String>>,
    /// `active`, `achieved`, `revised` (only with a new wording) or `dropped`. A closed goal
    /// (achieved, dropped) is reopened with `active` before anything else.
    pub status: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub status_note: Option<Option<String>>,
}

/// Changes a goal: wording, target, due session or date, status.
#[utoipa::path(put, path = "/api/v1/goals/{id}", tag = "goals", params(("id" = String, Path, description = "Goal id")),
    request_body = GoalPutJson,
    responses((status = 200, body = GoalJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<GoalPutJson>,
) -> ApiResult<Json<GoalJson>> {
    let (goal, cx) = goal_for(&state, &me, &id, Purpose::Write).await?;
    let mut input = GoalInput::from_goal(&goal.body);
    if let Some(a) = body.problem_area {
        input.problem_area = Some(a);
    }
    if let Some(s) = body.statement {
        input.statement = Some(s);
    }
    if let Some(v) = body.clinician_wording {
        input.clinician_wording = v;
    }
    if let Some(v) = body.target {
        input.target = v;
    }
    if let Some(v) = body.due_session {
        input.due_session = v;
    }
    if let Some(v) = body.due_date {
        input.due_date = v;
    }
    if let Some(s) = body.status {
        input.status = Some(s);
    }
    if let Some(v) = body.status_note {
        input.status_note = v;
    }
    let saved = update_goal(&state, &me, &cx, &goal, &input, body.version).await?;
    Ok(Json(one(&state, &cx, &saved.id).await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RatingInJson {
    /// A held (attended) session of the goal's course.
    pub session_id: String,
    /// 0 (not at all) to 10 (fully achieved).
    #[schema(minimum = 0, maximum = 10)]
    pub rating: i64,
}

/// Rates a goal at a held session: 201 for the first rating at that session, 200 when it
/// replaces an earlier one (kept in the rating's history). Returns the goal with its ratings.
#[utoipa::path(post, path = "/api/v1/goals/{id}/ratings", tag = "goals", params(("id" = String, Path, description = "Goal id")),
    request_body = RatingInJson,
    responses((status = 201, body = GoalJson), (status = 200, body = GoalJson), (status = 400, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
              (status = 422, body = ErrorBody)))]
pub async fn rate(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<RatingInJson>,
) -> ApiResult<impl IntoResponse> {
    let (goal, cx) = goal_for(&state, &me, &id, Purpose::Write).await?;
    let (_, new) = rate_goal(&state, &me, &cx, &goal, &body.session_id, body.rating).await?;
    let status = if new { StatusCode::CREATED } else { StatusCode::OK };
    Ok((status, Json(one(&state, &cx, &goal.id).await?)))
}
