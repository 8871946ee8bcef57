//! API v1 for worksheets: communication analyses and decision analyses of a
//! course, each linked to a session and a problem area. One endpoint set for
//! both kinds, told apart by `"kind"`. Same access rules as the UI.

use super::body::ApiJson;
use crate::error::{ApiResult, AppError, ErrorBody};
use crate::identity::ApiCaller;
use crate::records_http::OpenCombined;
use crate::records_http::{convert, parse_value, split_version, take_field, Stored, Versioned};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::Json;
use rapport_app::access::course::{course_for, CourseContext};
use rapport_app::access::records::{audit_read, change_event, course_of, require_linked};
use rapport_app::access::Purpose;
use rapport_app::caller::Identity;
use rapport_app::AppState;
use rapport_core::audit::action;
use rapport_core::timeline::PERSON_KIND;
use rapport_core::worksheets::{CommunicationAnalysis, DecisionAnalysis, WorksheetKind, WorksheetScope};
use rapport_core::{Id, Timestamp};
use rapport_store::records::{Placement, Record};
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

/// A stored worksheet of either kind.
#[allow(clippy::large_enum_variant)] // a handful per request
pub enum AnyWorksheet {
    Communication(Record<CommunicationAnalysis>),
    Decision(Record<DecisionAnalysis>),
}

impl AnyWorksheet {
    pub fn id(&self) -> &Id {
        match self {
            AnyWorksheet::Communication(r) => &r.id,
            AnyWorksheet::Decision(r) => &r.id,
        }
    }

    pub fn kind(&self) -> WorksheetKind {
        match self {
            AnyWorksheet::Communication(_) => WorksheetKind::CommunicationAnalysis,
            AnyWorksheet::Decision(_) => WorksheetKind::DecisionAnalysis,
        }
    }

    pub fn version(&self) -> i64 {
        match self {
            AnyWorksheet::Communication(r) => r.version,
            AnyWorksheet::Decision(r) => r.version,
        }
    }

    pub fn session_id(&self) -> Option<&str> {
        match self {
            AnyWorksheet::Communication(r) => r.body.session_id.as_deref(),
            AnyWorksheet::Decision(r) => r.body.session_id.as_deref(),
        }
    }

    pub fn created_at(&self) -> rapport_core::Timestamp {
        match self {
            AnyWorksheet::Communication(r) => r.created_at,
            AnyWorksheet::Decision(r) => r.created_at,
        }
    }

    fn stored(self) -> Result<Stored<WorksheetJson>, AppError> {
        match self {
            AnyWorksheet::Communication(r) => Stored::of(r, |b| Ok(WorksheetJson::CommunicationAnalysis(convert(b)?))),
            AnyWorksheet::Decision(r) => Stored::of(r, |b| Ok(WorksheetJson::DecisionAnalysis(convert(b)?))),
        }
    }
}

/// A worksheet by id (either kind) with its course, if `me` may see the client.
pub async fn worksheet_for(
    state: &AppState,
    me: &Identity,
    id: &str,
    purpose: Purpose,
) -> Result<(AnyWorksheet, CourseContext), AppError> {
    let found = match Id::parse(id) {
        None => None,
        Some(i) => match state.store.record::<CommunicationAnalysis>(&i).await? {
            Some(r) => Some(AnyWorksheet::Communication(r)),
            None => state.store.record::<DecisionAnalysis>(&i).await?.map(AnyWorksheet::Decision),
        },
    };
    let Some(w) = found else {
        rapport_app::access::deny(state, me, "worksheet", Some(id)).await?;
        return Err(AppError::NotFound);
    };
    let course = match &w {
        AnyWorksheet::Communication(r) => r.course_id.clone(),
        AnyWorksheet::Decision(r) => r.course_id.clone(),
    };
    let cx = course_of(state, me, w.kind().as_str(), w.id(), course.as_ref(), purpose).await?;
    Ok((w, cx))
}

/// Every worksheet of a course (both kinds), oldest first.
pub async fn course_worksheets(state: &AppState, course: &Id) -> Result<Vec<AnyWorksheet>, AppError> {
    let mut all: Vec<AnyWorksheet> = state
        .store
        .course_records::<CommunicationAnalysis>(course)
        .await?
        .into_iter()
        .map(AnyWorksheet::Communication)
        .collect();
    all.extend(state.store.course_records::<DecisionAnalysis>(course).await?.into_iter().map(AnyWorksheet::Decision));
    all.sort_by(|a, b| a.created_at().cmp(&b.created_at()).then_with(|| a.id().cmp(b.id())));
    Ok(all)
}

/// What a worksheet is checked against in this course.
pub fn scope_ids(cx: &CourseContext) -> Vec<String> {
    cx.sessions.iter().map(|s| s.session.id.to_string()).collect()
}

/// Validates a communication analysis for the course, including its inventory link.
pub async fn checked_communication(
    state: &AppState,
    cx: &CourseContext,
    w: CommunicationAnalysis,
) -> Result<CommunicationAnalysis, AppError> {
    let sessions = scope_ids(cx);
    let scope = WorksheetScope { protocol: &cx.protocol, sessions: &sessions, today: Timestamp::now().date() };
    let w = w.validate_in(Some(&scope))?;
    if let Some(p) = &w.person_id {
        require_linked(
            state,
            &cx.client.id,
            PERSON_KIND,
            std::slice::from_ref(p),
            "person_id",
            "a person from the interpersonal inventory",
        )
        .await?;
    }
    Ok(w)
}

pub fn checked_decision(cx: &CourseContext, w: DecisionAnalysis) -> Result<DecisionAnalysis, AppError> {
    let sessions = scope_ids(cx);
    let scope = WorksheetScope { protocol: &cx.protocol, sessions: &sessions, today: Timestamp::now().date() };
    Ok(w.validate_in(Some(&scope))?)
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
    let Query(p) = params.map_err(super::bad_query)?;
    let kind = kind_of(p.kind.map(serde_json::Value::String), false)?;
    let cx = course_for(&state, &me, &id, Purpose::AuditRead).await?;
    let all: Vec<AnyWorksheet> = course_worksheets(&state, &cx.course.id)
        .await?
        .into_iter()
        .filter(|w| kind.is_none_or(|k| w.kind() == k))
        .collect();
    audit_read(&state, &me, "worksheet", &cx.client.id, None, format!("{} worksheets via API", all.len())).await?;
    let out: Result<Vec<_>, AppError> = all.into_iter().map(AnyWorksheet::stored).collect();
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
    let at = Placement { client_id: cx.client.id.clone(), course_id: Some(cx.course.id.clone()), ..Default::default() };
    let stored = match kind {
        WorksheetKind::CommunicationAnalysis => {
            let j: CommunicationAnalysisJson = parse_value(rest)?;
            let w = checked_communication(&state, &cx, convert(j)?).await?;
            let ev = change_event::<CommunicationAnalysis>(&me, action::RECORD_CREATE, "via API".into());
            AnyWorksheet::Communication(state.store.create_record(&at, &w, &me.user.id, ev).await?)
        }
        WorksheetKind::DecisionAnalysis => {
            let j: DecisionAnalysisJson = parse_value(rest)?;
            let w = checked_decision(&cx, convert(j)?)?;
            let ev = change_event::<DecisionAnalysis>(&me, action::RECORD_CREATE, "via API".into());
            AnyWorksheet::Decision(state.store.create_record(&at, &w, &me.user.id, ev).await?)
        }
    };
    Ok((StatusCode::CREATED, Json(stored.stored()?)))
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
    let out = match w {
        AnyWorksheet::Communication(r) => {
            let h = state.store.record_history::<CommunicationAnalysis>(&r.id).await?;
            let map = |b| Ok(WorksheetJson::CommunicationAnalysis(convert(b)?));
            Stored::of(r, map)?.with_history(h, map)?
        }
        AnyWorksheet::Decision(r) => {
            let h = state.store.record_history::<DecisionAnalysis>(&r.id).await?;
            let map = |b| Ok(WorksheetJson::DecisionAnalysis(convert(b)?));
            Stored::of(r, map)?.with_history(h, map)?
        }
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
    let out = match w {
        AnyWorksheet::Communication(r) => {
            let (version, j) = split_version::<CommunicationAnalysisJson>(rest, true)?;
            let body = checked_communication(&state, &cx, convert(j)?).await?;
            let ev = change_event::<CommunicationAnalysis>(&me, action::RECORD_UPDATE, "via API".into());
            AnyWorksheet::Communication(
                state.store.update_record(&r.id, version.unwrap_or_default(), &body, &me.user.id, ev).await?,
            )
        }
        AnyWorksheet::Decision(r) => {
            let (version, j) = split_version::<DecisionAnalysisJson>(rest, true)?;
            let body = checked_decision(&cx, convert(j)?)?;
            let ev = change_event::<DecisionAnalysis>(&me, action::RECORD_UPDATE, "via API".into());
            AnyWorksheet::Decision(
                state.store.update_record(&r.id, version.unwrap_or_default(), &body, &me.user.id, ev).await?,
            )
        }
    };
    Ok(Json(out.stored()?))
}

/// Removes a worksheet from view (its history, including the removal, is kept).
#[utoipa::path(delete, path = "/api/v1/worksheets/{id}", tag = "worksheets",
    params(("id" = String, Path, description = "Worksheet id"), crate::records_http::RemoveParams),
    responses((status = 204), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn remove(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    params: Result<Query<crate::records_http::RemoveParams>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<StatusCode> {
    let Query(p) = params.map_err(super::bad_query)?;
    let (w, cx) = worksheet_for(&state, &me, &id, Purpose::Write).await?;
    cx.require_open()?;
    remove_worksheet(&state, &me, w, p.version).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Removes either kind at `version` (default: the current one).
pub async fn remove_worksheet(
    state: &AppState,
    me: &Identity,
    w: AnyWorksheet,
    version: Option<i64>,
) -> Result<(), AppError> {
    let version = version.unwrap_or(w.version());
    match w {
        AnyWorksheet::Communication(r) => {
            let ev = change_event::<CommunicationAnalysis>(me, action::RECORD_REMOVE, String::new());
            state.store.remove_record::<CommunicationAnalysis>(&r.id, version, &me.user.id, ev).await?;
        }
        AnyWorksheet::Decision(r) => {
            let ev = change_event::<DecisionAnalysis>(me, action::RECORD_REMOVE, String::new());
            state.store.remove_record::<DecisionAnalysis>(&r.id, version, &me.user.id, ev).await?;
        }
    }
    Ok(())
}
