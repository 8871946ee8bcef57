//! Risk flags over the JSON API: list, read, raise, acknowledge, assess and
//! sign off, through `rapport_app::risk`.

use super::safety_plans::CreatedJson;
use crate::api::params::bad_query;
use crate::error::{ApiResult, AppError, ErrorBody};
use crate::identity::ApiCaller;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::Json;
use rapport_app::access::{client_for, Purpose};
use rapport_app::risk;
use rapport_app::AppState;
use rapport_core::msg;
use rapport_core::risk::{FlagStatus, RawAssessment};
use rapport_core::{Id, Timestamp, ValidationErrors};
use rapport_store::measures::RiskFlagRow;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Serialize, ToSchema)]
pub struct RiskHitJson {
    pub item: u32,
    pub score: i64,
    pub rule: String,
}

#[derive(Serialize, ToSchema)]
pub struct RiskFlagJson {
    pub id: String,
    pub client_id: String,
    pub client_name: String,
    pub response_id: Option<String>,
    /// `measure` or `clinician`.
    pub source: String,
    pub instrument: Option<String>,
    pub items: Vec<RiskHitJson>,
    /// The clinician's note (flags raised by a clinician).
    pub detail: Option<String>,
    /// `open`, `acknowledged` or `closed`.
    pub status: String,
    pub raised_at: String,
    pub acknowledged_at: Option<String>,
    /// Minutes from raising to acknowledgement (or until now while open).
    pub minutes_to_acknowledge: i64,
    pub escalated_at: Option<String>,
    pub assessment_id: Option<String>,
    pub safety_plan_id: Option<String>,
    pub closed_at: Option<String>,
    pub closed_by: Option<String>,
    pub closing_note: Option<String>,
}

impl From<RiskFlagRow> for RiskFlagJson {
    fn from(f: RiskFlagRow) -> Self {
        let until = f.acknowledged_at.unwrap_or_else(Timestamp::now);
        RiskFlagJson {
            id: f.id.to_string(),
            client_id: f.client_id.to_string(),
            client_name: f.client_name,
            response_id: f.response_id.map(|i| i.to_string()),
            source: f.source,
            instrument: f.instrument_id,
            items: f.items.into_iter().map(|h| RiskHitJson { item: h.item, score: h.score, rule: h.rule }).collect(),
            detail: f.detail,
            status: f.status.as_str().into(),
            raised_at: f.raised_at.to_db(),
            acknowledged_at: f.acknowledged_at.map(|t| t.to_db()),
            minutes_to_acknowledge: until.since(f.raised_at).whole_minutes(),
            escalated_at: f.escalated_at.map(|t| t.to_db()),
            assessment_id: f.assessment_id.map(|i| i.to_string()),
            safety_plan_id: f.safety_plan_id.map(|i| i.to_string()),
            closed_at: f.closed_at.map(|t| t.to_db()),
            closed_by: f.closed_by.map(|i| i.to_string()),
            closing_note: f.closing_note,
        }
    }
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FlagQuery {
    /// `open`, `acknowledged` or `closed`; all when absent.
    #[param(pattern = "^(open|acknowledged|closed)$")]
    pub status: Option<String>,
}

/// Risk flags on the clients the caller may see (care teams and supervision), oldest first.
#[utoipa::path(get, path = "/api/v1/risk-flags", tag = "risk", params(FlagQuery),
    responses((status = 200, body = [RiskFlagJson]), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn list_risk_flags(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    params: Result<Query<FlagQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<Vec<RiskFlagJson>>> {
    let Query(q) = params.map_err(bad_query)?;
    let status = match q.status.as_deref() {
        None => None,
        Some(s) => Some(
            FlagStatus::parse(s)
                .ok_or_else(|| AppError::invalid("status", "status must be open, acknowledged or closed"))?,
        ),
    };
    let flags = risk::visible_flags(&state, &me, status, "via API").await?;
    Ok(Json(flags.into_iter().map(RiskFlagJson::from).collect()))
}

/// A risk concern recorded by a clinician.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewRiskFlagJson {
    /// What was observed or said; required.
    pub detail: Option<String>,
}

/// Raises a risk flag from a clinician's observation (not from a questionnaire).
#[utoipa::path(post, path = "/api/v1/clients/{id}/risk-flags", tag = "risk", params(("id" = String, Path, description = "Client id")),
    request_body = NewRiskFlagJson,
    responses((status = 201, body = RiskFlagJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn raise_risk_flag(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    crate::api::body::ApiJson(body): crate::api::body::ApiJson<NewRiskFlagJson>,
) -> ApiResult<impl IntoResponse> {
    let (client, _) = client_for(&state, &me, &id, Purpose::Write).await?;
    let mut errors = ValidationErrors::new();
    let detail = rapport_core::validation::optional_text(
        &mut errors,
        "detail",
        msg("field-detail"),
        body.detail.as_deref(),
        4000,
    );
    errors.into_result()?;
    let detail = detail.ok_or_else(|| AppError::invalid("detail", "Describe the risk concern"))?;
    let flag = risk::raise_concern(&state, &me, &client, &detail, None, None).await?;
    Ok((StatusCode::CREATED, Json(RiskFlagJson::from(flag))))
}

/// One risk flag.
#[utoipa::path(get, path = "/api/v1/risk-flags/{id}", tag = "risk", params(("id" = String, Path, description = "Flag id")),
    responses((status = 200, body = RiskFlagJson), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_risk_flag(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
) -> ApiResult<Json<RiskFlagJson>> {
    let (flag, _) = risk::read_flag(&state, &me, &id).await?;
    Ok(Json(flag.into()))
}

/// Acknowledges an open flag: the responsible clinician has seen it (stops the acknowledgement deadline; the assessment deadline runs until an assessment is recorded).
#[utoipa::path(post, path = "/api/v1/risk-flags/{id}/acknowledge", tag = "risk", params(("id" = String, Path, description = "Flag id")),
    responses((status = 200, body = RiskFlagJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn acknowledge_risk_flag(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
) -> ApiResult<Json<RiskFlagJson>> {
    let (flag, _) = risk::flag_for(&state, &me, &id).await?;
    let flag = risk::acknowledge(&state, &me, &flag).await?;
    Ok(Json(flag.into()))
}

/// A structured risk assessment (every part required; "none" is an answer).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssessmentJson {
    pub ideation: Option<String>,
    pub plan: Option<String>,
    pub intent: Option<String>,
    pub means: Option<String>,
    pub history: Option<String>,
    pub protective_factors: Option<String>,
    /// `low`, `moderate`, `high` or `imminent`.
    pub risk_level: Option<String>,
    /// Actions taken (means counselling, referral …); required when the level is `high` or `imminent`.
    pub actions: Option<String>,
    /// Required: `cssrs_screener` (with `cssrs`), `other` (with `screening_tool_name` and
    /// `screening_result`) or `none` (a clinical interview without a tool).
    pub screening_tool: Option<String>,
    /// The Columbia screener's answers (yes = true). `q3`-`q5` are required after a yes
    /// to `q2`, `q6_recent` after a yes to `q6`; the triage is worked out from them.
    pub cssrs: Option<CssrsJson>,
    pub screening_tool_name: Option<String>,
    pub screening_result: Option<String>,
    /// `YYYY-MM-DD`, today or later: from that day a risk follow-up is a task on Today.
    pub follow_up_on: Option<String>,
}

/// The Columbia screener's yes/no answers (its wording is not part of the API).
#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct CssrsJson {
    /// Wish to be dead (past month).
    pub q1: Option<bool>,
    /// Suicidal thoughts (past month).
    pub q2: Option<bool>,
    /// Thoughts of a method.
    pub q3: Option<bool>,
    /// Some intent to act.
    pub q4: Option<bool>,
    /// A plan, with intent.
    pub q5: Option<bool>,
    /// Suicidal behaviour, ever.
    pub q6: Option<bool>,
    /// That behaviour within the past 3 months.
    pub q6_recent: Option<bool>,
}

/// Records a structured risk assessment for a flag (also acknowledges it).
#[utoipa::path(post, path = "/api/v1/risk-flags/{id}/assessments", tag = "risk", params(("id" = String, Path, description = "Flag id")),
    request_body = AssessmentJson,
    responses((status = 201, body = CreatedJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn record_assessment(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    crate::api::body::ApiJson(body): crate::api::body::ApiJson<AssessmentJson>,
) -> ApiResult<impl IntoResponse> {
    let (flag, _) = risk::flag_for(&state, &me, &id).await?;
    let yn = |v: Option<bool>| v.map(|b| if b { "yes" } else { "no" }.to_string());
    let c = body.cssrs.unwrap_or_default();
    let raw = RawAssessment {
        ideation: body.ideation,
        plan: body.plan,
        intent: body.intent,
        means: body.means,
        history: body.history,
        protective_factors: body.protective_factors,
        risk_level: body.risk_level,
        actions: body.actions,
        screening_tool: body.screening_tool,
        cssrs_q1: yn(c.q1),
        cssrs_q2: yn(c.q2),
        cssrs_q3: yn(c.q3),
        cssrs_q4: yn(c.q4),
        cssrs_q5: yn(c.q5),
        cssrs_q6: yn(c.q6),
        cssrs_q6_recent: yn(c.q6_recent),
        screening_tool_name: body.screening_tool_name,
        screening_result: body.screening_result,
        follow_up_on: body.follow_up_on,
    };
    let aid = risk::record_assessment(&state, &me, &flag, &raw).await?;
    Ok((StatusCode::CREATED, Json(CreatedJson { id: aid.to_string(), version: None })))
}

/// Sign-off: closes a flag with its assessment and a safety plan version.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CloseFlagJson {
    pub assessment_id: String,
    pub safety_plan_id: String,
    pub note: Option<String>,
}

/// Closes a flag. Refused (422) without an assessment of this flag and a safety plan of this client saved at or after the answer that raised the flag (`safety_plan_id`).
#[utoipa::path(post, path = "/api/v1/risk-flags/{id}/close", tag = "risk", params(("id" = String, Path, description = "Flag id")),
    request_body = CloseFlagJson,
    responses((status = 200, body = RiskFlagJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody, description = "The flag is already closed"), (status = 422, body = ErrorBody)))]
pub async fn close_risk_flag(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    crate::api::body::ApiJson(body): crate::api::body::ApiJson<CloseFlagJson>,
) -> ApiResult<Json<RiskFlagJson>> {
    let (flag, _) = risk::flag_for(&state, &me, &id).await?;
    let aid = Id::parse(&body.assessment_id)
        .ok_or_else(|| AppError::invalid("assessment_id", "assessment_id must be an id"))?;
    let pid = Id::parse(&body.safety_plan_id)
        .ok_or_else(|| AppError::invalid("safety_plan_id", "safety_plan_id must be an id"))?;
    let mut note_errors = ValidationErrors::new();
    let note = rapport_core::validation::optional_text(
        &mut note_errors,
        "note",
        msg("field-note"),
        body.note.as_deref(),
        4000,
    );
    note_errors.into_result()?;
    let flag = risk::close(&state, &me, &flag, &aid, &pid, note.as_deref()).await?;
    Ok(Json(flag.into()))
}
