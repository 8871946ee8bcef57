//! API v1 for worksheets: communication analyses and decision analyses of a
//! course, each linked to a session and a problem area. One endpoint set for
//! both kinds, told apart by `"kind"`. Same access rules as the UI.

use super::body::ApiJson;
use crate::error::{ApiResult, AppError, ErrorBody};
use crate::identity::ApiCaller;
use crate::records_http::OpenCombined;
use crate::records_http::{convert, parse_value, split_version, take_field, RemoveParams, Stored, Versioned};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::Json;
use rapport_app::access::course::course_for;
use rapport_app::access::records::audit_read;
use rapport_app::access::Purpose;
use rapport_app::worksheets::{self as ws, course_worksheets, worksheet_for, AnyWorksheet, History, Sheet};
use rapport_app::AppState;
use rapport_core::worksheets::WorksheetKind;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/api/v1/courses/{id}/worksheets", list)
        .post("/api/v1/courses/{id}/worksheets", create)
        .get("/api/v1/worksheets/{id}", get_one)
        .put("/api/v1/worksheets/{id}", update)
        .delete("/api/v1/worksheets/{id}", remove)
}

#[derive(OpenApi)]
#[openapi(
    paths(list, create, get_one, update, remove),
    components(schemas(WorksheetJson, CommunicationAnalysisJson, DecisionAnalysisJson, FeelingsJson, StepFeelingsJson,
        DecisionOptionJson, Stored<WorksheetJson>, Versioned<WorksheetJson>)),
    modifiers(&OpenCombined),
    tags((name = "worksheets", description = "Communication and decision analyses, linked to a session and a problem area"))
)]
pub struct WorksheetsDoc;

#[derive(Serialize, Deserialize, ToSchema, Clone, Debug, Default)]
#[serde(deny_unknown_fields)]
pub struct FeelingsJson {
    /// What the client felt.
    pub client: Option<String>,
    /// What the client thinks the other person felt.
    pub other: Option<String>,
}

#[derive(Serialize, Deserialize, ToSchema, Clone, Debug, Default)]
#[serde(deny_unknown_fields)]
pub struct StepFeelingsJson {
    #[serde(default)]
    pub before: FeelingsJson,
    #[serde(default)]
    pub saying: FeelingsJson,
    #[serde(default)]
    pub after_reply: FeelingsJson,
}

/// A communication analysis: an exchange replayed step by step.
#[derive(Serialize, Deserialize, ToSchema, Clone, Debug, Default)]
#[serde(deny_unknown_fields)]
pub struct CommunicationAnalysisJson {
    /// A session of the same course.
    pub session_id: Option<String>,
    /// A problem-area code of the course's protocol, e.g. `role_dispute`.
    pub problem_area: Option<String>,
    /// `YYYY-MM-DD` of the exchange, not in the future.
    pub incident_date: Option<String>,
    /// The other person, as the client names them (required).
    pub with_whom: String,
    /// The other person's interpersonal-inventory record, if any.
    pub person_id: Option<String>,
    /// Where, when, what led up to it.
    pub setting: Option<String>,
    /// What the client meant to convey.
    pub intended: Option<String>,
    /// What was said, as close to verbatim as possible.
    pub said: Option<String>,
    /// The other's reply.
    pub reply: Option<String>,
    #[serde(default)]
    pub feelings: StepFeelingsJson,
    pub outcome: Option<String>,
    /// Where it broke down: `nonverbal`, `assumed_communicated`, `assumed_understood`,
    /// `indirect_speech`, `silence`, `hostile`.
    #[serde(default)]
    pub problems: Vec<String>,
    /// Other ways it could have been said (at most 20).
    #[serde(default)]
    pub alternatives: Vec<String>,
    #[serde(default)]
    pub role_play_done: bool,
    pub role_play_notes: Option<String>,
    /// What happened when the client tried it.
    pub result: Option<String>,
}

#[derive(Serialize, Deserialize, ToSchema, Clone, Debug, Default)]
#[serde(deny_unknown_fields)]
pub struct DecisionOptionJson {
    pub option: String,
    /// For the client and for others.
    pub pros: Option<String>,
    pub cons: Option<String>,
}

/// A decision analysis: options weighed, one chosen, steps planned.
#[derive(Serialize, Deserialize, ToSchema, Clone, Debug, Default)]
#[serde(deny_unknown_fields)]
pub struct DecisionAnalysisJson {
    pub session_id: Option<String>,
    pub problem_area: Option<String>,
    /// The problem or decision (required).
    pub decision: String,
    /// At most 10, each named once.
    #[serde(default)]
    pub options: Vec<DecisionOptionJson>,
    /// The `option` text of the chosen option.
    pub chosen: Option<String>,
    /// Concrete steps, in order (at most 20).
    #[serde(default)]
    pub steps: Vec<String>,
    pub obstacles: Option<String>,
    #[serde(default)]
    pub rehearsal_done: bool,
    pub rehearsal_notes: Option<String>,
    /// `YYYY-MM-DD` to review how it went (may be in the future).
    pub review_date: Option<String>,
    pub review_result: Option<String>,
}

/// A worksheet of either kind (`"kind"` tells which).
#[derive(Serialize, ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[allow(clippy::large_enum_variant)] // one per response; boxing would only add noise
pub enum WorksheetJson {
    CommunicationAnalysis(CommunicationAnalysisJson),
    DecisionAnalysis(DecisionAnalysisJson),
}

/// A stored worksheet as the API returns it.
fn stored(w: AnyWorksheet) -> Result<Stored<WorksheetJson>, AppError> {
    match w {
        AnyWorksheet::Communication(r) => Stored::of(r, |b| Ok(WorksheetJson::CommunicationAnalysis(convert(b)?))),
        AnyWorksheet::Decision(r) => Stored::of(r, |b| Ok(WorksheetJson::DecisionAnalysis(convert(b)?))),
    }
}

/// The body of a worksheet of `kind` from the request's fields.
fn sheet_of(kind: WorksheetKind, fields: serde_json::Value) -> Result<Sheet, AppError> {
    Ok(match kind {
        WorksheetKind::CommunicationAnalysis => {
            Sheet::Communication(convert(parse_value::<CommunicationAnalysisJson>(fields)?)?)
        }
        WorksheetKind::DecisionAnalysis => Sheet::Decision(convert(parse_value::<DecisionAnalysisJson>(fields)?)?),
    })
}

fn kind_of(v: Option<serde_json::Value>, required: bool) -> Result<Option<WorksheetKind>, AppError> {
    match v {
        None | Some(serde_json::Value::Null) if required => {
            Err(AppError::invalid("kind", format!("Say which kind of worksheet: {}", WorksheetKind::codes())))
        }
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(serde_json::Value::String(s)) => WorksheetKind::parse(&s)
            .map(Some)
            .ok_or_else(|| AppError::invalid("kind", format!("kind must be {}", WorksheetKind::codes()))),
        Some(_) => Err(AppError::invalid("kind", format!("kind must be {}", WorksheetKind::codes()))),
    }
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// Only this kind: `communication_analysis` or `decision_analysis`.
    pub kind: Option<String>,
}

/// A course's worksheets, oldest first.
#[utoipa::path(get, path = "/api/v1/courses/{id}/worksheets", tag = "worksheets",
    params(("id" = String, Path, description = "Course id"), ListParams),
    responses((status = 200, body = [Stored<WorksheetJson>]), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    params: Result<Query<ListParams>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<Vec<Stored<WorksheetJson>>>> {
    let Query(p) = params.map_err(super::params::bad_query)?;
    let kind = kind_of(p.kind.map(serde_json::Value::String), false)?;
    let cx = course_for(&state, &me, &id, Purpose::AuditRead).await?;
    let all: Vec<AnyWorksheet> = course_worksheets(&state, &cx.course.id)
        .await?
        .into_iter()
        .filter(|w| kind.is_none_or(|k| w.kind() == k))
        .collect();
    audit_read(&state, &me, "worksheet", &cx.client.id, None, format!("{} worksheets via API", all.len())).await?;
    let out: Result<Vec<_>, AppError> = all.into_iter().map(stored).collect();
    Ok(Json(out?))
}

/// Adds a worksheet to a course.
#[utoipa::path(post, path = "/api/v1/courses/{id}/worksheets", tag = "worksheets", params(("id" = String, Path, description = "Course id")),
    request_body = WorksheetJson,
    responses((status = 201, body = Stored<WorksheetJson>), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<serde_json::Value>,
) -> ApiResult<impl IntoResponse> {
    let cx = course_for(&state, &me, &id, Purpose::Write).await?;
    cx.require_open()?;
    let (kind, rest) = take_field(body, "kind");
    let kind = kind_of(kind, true)?.expect("required");
    let sheet = sheet_of(kind, rest)?.check(&state, &cx).await?;
    let w = ws::add(&state, &me, &cx, sheet, "via API").await?;
    Ok((StatusCode::CREATED, Json(stored(w)?)))
}

/// One worksheet with its history.
#[utoipa::path(get, path = "/api/v1/worksheets/{id}", tag = "worksheets", params(("id" = String, Path, description = "Worksheet id")),
    responses((status = 200, body = Stored<WorksheetJson>), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_one(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
) -> ApiResult<Json<Stored<WorksheetJson>>> {
    let (w, _) = worksheet_for(&state, &me, &id, Purpose::AuditRead).await?;
    let out = match (ws::history(&state, &w).await?, w) {
        (History::Communication(h), AnyWorksheet::Communication(r)) => {
            let map = |b| Ok(WorksheetJson::CommunicationAnalysis(convert(b)?));
            Stored::of(r, map)?.with_history(h, map)?
        }
        (History::Decision(h), AnyWorksheet::Decision(r)) => {
            let map = |b| Ok(WorksheetJson::DecisionAnalysis(convert(b)?));
            Stored::of(r, map)?.with_history(h, map)?
        }
        _ => return Err(AppError::internal("a worksheet's history is of its own kind").into()),
    };
    Ok(Json(out))
}

/// Replaces a worksheet (the previous version stays in its history). `kind`
/// may be sent but cannot change.
#[utoipa::path(put, path = "/api/v1/worksheets/{id}", tag = "worksheets", params(("id" = String, Path, description = "Worksheet id")),
    request_body = Versioned<WorksheetJson>,
    responses((status = 200, body = Stored<WorksheetJson>), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<serde_json::Value>,
) -> ApiResult<Json<Stored<WorksheetJson>>> {
    let (w, cx) = worksheet_for(&state, &me, &id, Purpose::Write).await?;
    cx.require_open()?;
    let (kind, rest) = take_field(body, "kind");
    if let Some(k) = kind_of(kind, false)? {
        if k != w.kind() {
            return Err(AppError::invalid(
                "kind",
                format!("This worksheet is a {}; its kind cannot change", w.kind().label().to_lowercase()),
            )
            .into());
        }
    }
    let (version, fields) = split_version::<serde_json::Value>(rest, true)?;
    let sheet = sheet_of(w.kind(), fields)?.check(&state, &cx).await?;
    let out = ws::save(&state, &me, &w, version.unwrap_or_default(), sheet, "via API").await?;
    Ok(Json(stored(out)?))
}

/// Removes a worksheet from view (its history, including the removal, is kept).
#[utoipa::path(delete, path = "/api/v1/worksheets/{id}", tag = "worksheets",
    params(("id" = String, Path, description = "Worksheet id"), crate::records_http::RemoveParams),
    responses((status = 204), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn remove(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    params: Result<Query<RemoveParams>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<StatusCode> {
    let Query(p) = params.map_err(super::params::bad_query)?;
    let (w, cx) = worksheet_for(&state, &me, &id, Purpose::Write).await?;
    cx.require_open()?;
    ws::remove(&state, &me, w, p.version).await?;
    Ok(StatusCode::NO_CONTENT)
}
