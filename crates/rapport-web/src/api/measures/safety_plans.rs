//! Safety plans over the JSON API: each save is a new version
//! (`rapport_app::safety_plans`).

use crate::error::{ApiResult, ErrorBody};
use crate::identity::ApiCaller;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::Json;
use rapport_app::access::{client_for, Purpose};
use rapport_app::AppState;
use rapport_core::risk::RawSafetyPlan;
use rapport_store::measures::SafetyPlanRow;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct CreatedJson {
    pub id: String,
    /// Safety plans: the new version number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
}

/// A safety plan (Stanley–Brown sections); each save is a new version.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SafetyPlanJson {
    /// Required.
    pub warning_signs: Option<String>,
    pub coping_strategies: Option<String>,
    pub distractions: Option<String>,
    pub people_to_ask: Option<String>,
    /// Professionals and crisis lines. Required.
    pub professionals: Option<String>,
    pub environment_safety: Option<String>,
    pub reasons_for_living: Option<String>,
    #[serde(default)]
    pub shared_with_client: bool,
}

#[derive(Serialize, ToSchema)]
pub struct SafetyPlanVersionJson {
    pub id: String,
    pub version: i64,
    pub warning_signs: String,
    pub coping_strategies: String,
    pub distractions: String,
    pub people_to_ask: String,
    pub professionals: String,
    pub environment_safety: String,
    pub reasons_for_living: String,
    pub shared_with_client: bool,
    pub created_by: String,
    pub created_at: String,
}

impl From<SafetyPlanRow> for SafetyPlanVersionJson {
    fn from(p: SafetyPlanRow) -> Self {
        SafetyPlanVersionJson {
            id: p.id.to_string(),
            version: p.version,
            warning_signs: p.plan.warning_signs,
            coping_strategies: p.plan.coping_strategies,
            distractions: p.plan.distractions,
            people_to_ask: p.plan.people_to_ask,
            professionals: p.plan.professionals,
            environment_safety: p.plan.environment_safety,
            reasons_for_living: p.plan.reasons_for_living,
            shared_with_client: p.plan.shared_with_client,
            created_by: p.created_by.to_string(),
            created_at: p.created_at.to_db(),
        }
    }
}

/// Saves a new safety plan version for the client.
#[utoipa::path(post, path = "/api/v1/clients/{id}/safety-plans", tag = "risk", params(("id" = String, Path, description = "Client id")),
    request_body = SafetyPlanJson,
    responses((status = 201, body = CreatedJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn save_safety_plan(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    crate::api::body::ApiJson(body): crate::api::body::ApiJson<SafetyPlanJson>,
) -> ApiResult<impl IntoResponse> {
    let (client, _) = client_for(&state, &me, &id, Purpose::Write).await?;
    let raw = RawSafetyPlan {
        warning_signs: body.warning_signs,
        coping_strategies: body.coping_strategies,
        distractions: body.distractions,
        people_to_ask: body.people_to_ask,
        professionals: body.professionals,
        environment_safety: body.environment_safety,
        reasons_for_living: body.reasons_for_living,
        shared_with_client: body.shared_with_client,
    };
    let (pid, version) = rapport_app::safety_plans::save(&state, &me, &client.id, &raw).await?;
    Ok((StatusCode::CREATED, Json(CreatedJson { id: pid.to_string(), version: Some(version) })))
}

/// Every safety plan version of the client, newest first.
#[utoipa::path(get, path = "/api/v1/clients/{id}/safety-plans", tag = "risk", params(("id" = String, Path, description = "Client id")),
    responses((status = 200, body = [SafetyPlanVersionJson]), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn list_safety_plans(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<SafetyPlanVersionJson>>> {
    let plans = rapport_app::safety_plans::list(&state, &me, &id, "safety plans via API").await?;
    Ok(Json(plans.into_iter().map(SafetyPlanVersionJson::from).collect()))
}
