//! API v1 for the client's care context: the cultural formulation (one per
//! client), medications (current and past), other providers and coordination
//! notes. Same access rules as the UI; every version is kept. Recording a
//! medication changes nothing else.

use super::body::ApiJson;
use crate::error::{ApiResult, AppError, ErrorBody};
use crate::identity::ApiCaller;
use crate::records_http::OpenCombined;
use crate::records_http::{
    api_create, api_get, api_list, api_remove, api_update, convert, split_version, ApiRecord, RemoveParams, Stored,
    Versioned,
};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use rapport_app::access::records::{audit_read, change_event, require_linked};
use rapport_app::access::{client_for, Purpose};
use rapport_app::caller::Identity;
use rapport_app::AppState;
use rapport_core::audit::action;
use rapport_core::context::{CoordinationNote, CulturalFormulation, Medication, OtherProvider};
use rapport_core::records::RecordBody;
use rapport_core::{Id, Timestamp};
use rapport_store::records::{Placement, Record};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/api/v1/clients/{id}/cultural-formulation", get_cultural)
        .put("/api/v1/clients/{id}/cultural-formulation", put_cultural)
        .get("/api/v1/clients/{id}/medications", list_medications)
        .post("/api/v1/clients/{id}/medications", create_medication)
        .get("/api/v1/medications/{id}", get_medication)
        .put("/api/v1/medications/{id}", update_medication)
        .delete("/api/v1/medications/{id}", remove_medication)
        .get("/api/v1/clients/{id}/providers", list_providers)
        .post("/api/v1/clients/{id}/providers", create_provider)
        .get("/api/v1/providers/{id}", get_provider)
        .put("/api/v1/providers/{id}", update_provider)
        .delete("/api/v1/providers/{id}", remove_provider)
        .get("/api/v1/clients/{id}/coordination-notes", list_notes)
        .post("/api/v1/clients/{id}/coordination-notes", create_note)
        .get("/api/v1/coordination-notes/{id}", get_note)
        .put("/api/v1/coordination-notes/{id}", update_note)
        .delete("/api/v1/coordination-notes/{id}", remove_note)
}

#[derive(OpenApi)]
#[openapi(
    paths(get_cultural, put_cultural, list_medications, create_medication, get_medication, update_medication, remove_medication,
        list_providers, create_provider, get_provider, update_provider, remove_provider,
        list_notes, create_note, get_note, update_note, remove_note),
    components(schemas(CulturalFormulationJson, CulturalFormulationPut, Stored<CulturalFormulationJson>,
        MedicationJson, Stored<MedicationJson>, Versioned<MedicationJson>,
        ProviderJson, Stored<ProviderJson>, Versioned<ProviderJson>,
        CoordinationNoteJson, Stored<CoordinationNoteJson>, Versioned<CoordinationNoteJson>)),
    modifiers(&OpenCombined),
    tags((name = "care context", description = "Cultural formulation, medication, other providers and coordination notes"))
)]
pub struct ContextDoc;

// ---------------------------------------------------------------- cultural formulation

/// How the client understands their distress in cultural terms (at least one part filled in).
#[derive(Serialize, Deserialize, ToSchema, Clone, Debug, Default)]
#[serde(deny_unknown_fields)]
pub struct CulturalFormulationJson {
    /// Heritage, faith, language and community, as the client describes them.
    pub cultural_identity: Option<String>,
    /// The client's own words and idioms for the distress and its causes.
    pub explanations: Option<String>,
    pub stressors: Option<String>,
    pub supports: Option<String>,
    /// What the client expects of help and of the helper.
    pub expectations: Option<String>,
    /// Relevant religious, healing or family practices.
    pub practices: Option<String>,
    pub language_needs: Option<String>,
    #[serde(default)]
    pub interpreter_needed: bool,
}

/// The cultural formulation to save: its fields, plus the version it starts
/// from when one exists (omit `version` for the first one).
#[derive(Serialize, ToSchema)]
pub struct CulturalFormulationPut {
    /// Required once a formulation exists (409 if it changed since); omit for the first.
    #[schema(minimum = 1)]
    pub version: Option<i64>,
    #[serde(flatten)]
    pub fields: CulturalFormulationJson,
}

/// The client's cultural formulation, if recorded.
pub async fn current_cultural(state: &AppState, client: &Id) -> Result<Option<Record<CulturalFormulation>>, AppError> {
    Ok(state.store.client_records::<CulturalFormulation>(client).await?.pop())
}

/// Saves the cultural formulation: the first one, or a new version of it.
/// `version` must name the version edited once one exists.
pub async fn save_cultural(
    state: &AppState,
    me: &Identity,
    client: &Id,
    version: Option<i64>,
    body: CulturalFormulation,
    via: &str,
) -> Result<(Record<CulturalFormulation>, bool), AppError> {
    let body = body.validate()?;
    match (current_cultural(state, client).await?, version) {
        (None, _) => {
            let at = Placement { client_id: client.clone(), ..Default::default() };
            let ev = change_event::<CulturalFormulation>(me, action::RECORD_CREATE, via.into());
            Ok((state.store.create_record(&at, &body, &me.user.id, ev).await?, true))
        }
        (Some(_), None) => Err(AppError::Conflict(
            "A cultural formulation already exists for this client; send the version you edited.".into(),
        )),
        (Some(cur), Some(v)) => {
            let ev = change_event::<CulturalFormulation>(me, action::RECORD_UPDATE, via.into());
            Ok((state.store.update_record(&cur.id, v, &body, &me.user.id, ev).await?, false))
        }
    }
}

/// The client's cultural formulation with its history (404 until one is recorded).
#[utoipa::path(get, path = "/api/v1/clients/{id}/cultural-formulation", tag = "care context",
    params(("id" = String, Path, description = "Client id")),
    responses((status = 200, body = Stored<CulturalFormulationJson>), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_cultural(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
) -> ApiResult<Json<Stored<CulturalFormulationJson>>> {
    let (client, _) = client_for(&state, &me, &id, Purpose::AuditRead).await?;
    let rec = current_cultural(&state, &client.id).await?.ok_or(AppError::NotFound)?;
    audit_read(&state, &me, CulturalFormulation::KIND, &client.id, Some(&rec.id), "via API".into()).await?;
    let history = state.store.record_history::<CulturalFormulation>(&rec.id).await?;
    Ok(Json(Stored::of(rec, convert)?.with_history(history, convert)?))
}

/// Records the cultural formulation (201 the first time) or revises it (200; the old text stays in its history).
#[utoipa::path(put, path = "/api/v1/clients/{id}/cultural-formulation", tag = "care context",
    params(("id" = String, Path, description = "Client id")),
    request_body = CulturalFormulationPut,
    responses((status = 200, body = Stored<CulturalFormulationJson>), (status = 201, body = Stored<CulturalFormulationJson>),
              (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody),
              (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn put_cultural(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<serde_json::Value>,
) -> ApiResult<Response> {
    let (client, _) = client_for(&state, &me, &id, Purpose::Write).await?;
    let (version, fields) = split_version::<CulturalFormulationJson>(body, false)?;
    let (rec, created) = save_cultural(&state, &me, &client.id, version, convert(fields)?, "via API").await?;
    let status = if created { StatusCode::CREATED } else { StatusCode::OK };
    let out: Stored<CulturalFormulationJson> = Stored::of(rec, convert)?;
    Ok((status, Json(out)).into_response())
}

// ---------------------------------------------------------------- medications

/// A medication the client takes or took.
#[derive(Serialize, Deserialize, ToSchema, Clone, Debug, Default)]
#[serde(deny_unknown_fields)]
pub struct MedicationJson {
    /// Required.
    pub name: String,
    /// e.g. "50 mg once daily".
    pub dose: Option<String>,
    pub prescriber: Option<String>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, not in the future.
    pub start_date: Option<String>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, not before the start; empty while taken (a future date is a planned stop).
    pub stop_date: Option<String>,
    pub adherence: Option<String>,
    pub side_effects: Option<String>,
    /// Taken now (no stop date, or one still to come). Worked out by the server; ignored when sent.
    #[serde(default)]
    #[schema(read_only)]
    pub current: bool,
}

impl ApiRecord for Medication {
    type Json = MedicationJson;

    async fn check(self, _state: &AppState, _client: &Id) -> Result<Self, AppError> {
        Ok(self.validate_on(Timestamp::now().date())?)
    }

    fn to_json(self) -> Result<MedicationJson, AppError> {
        let current = self.is_current(Timestamp::now().date());
        let mut j: MedicationJson = convert(self)?;
        j.current = current;
        Ok(j)
    }

    /// Current first; then by start date, latest first.
    fn order(items: &mut [Record<Self>]) {
        let today = Timestamp::now().date();
        items.sort_by(|a, b| {
            let start = |m: &Medication| m.start_date.as_deref().and_then(rapport_core::timeline::ApproxDate::parse);
            b.body.is_current(today).cmp(&a.body.is_current(today)).then(start(&b.body).cmp(&start(&a.body)))
        });
    }
}

/// The client's medications: current first, then past.
#[utoipa::path(get, path = "/api/v1/clients/{id}/medications", tag = "care context", params(("id" = String, Path, description = "Client id")),
    responses((status = 200, body = [Stored<MedicationJson>]), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn list_medications(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<Stored<MedicationJson>>>> {
    Ok(Json(api_list::<Medication>(&state, &me, &id).await?))
}

/// Records a medication (nothing else changes, e.g. not the initial-phase checklist).
#[utoipa::path(post, path = "/api/v1/clients/{id}/medications", tag = "care context", params(("id" = String, Path, description = "Client id")),
    request_body = MedicationJson,
    responses((status = 201, body = Stored<MedicationJson>), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_medication(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<MedicationJson>,
) -> ApiResult<impl IntoResponse> {
    Ok((StatusCode::CREATED, Json(api_create::<Medication>(&state, &me, &id, body).await?)))
}

/// One medication with its history.
#[utoipa::path(get, path = "/api/v1/medications/{id}", tag = "care context", params(("id" = String, Path, description = "Medication id")),
    responses((status = 200, body = Stored<MedicationJson>), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_medication(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
) -> ApiResult<Json<Stored<MedicationJson>>> {
    Ok(Json(api_get::<Medication>(&state, &me, &id).await?))
}

/// Replaces a medication record (e.g. to add the stop date).
#[utoipa::path(put, path = "/api/v1/medications/{id}", tag = "care context", params(("id" = String, Path, description = "Medication id")),
    request_body = Versioned<MedicationJson>,
    responses((status = 200, body = Stored<MedicationJson>), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_medication(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<serde_json::Value>,
) -> ApiResult<Json<Stored<MedicationJson>>> {
    Ok(Json(api_update::<Medication>(&state, &me, &id, body).await?))
}

/// Removes a medication recorded in error (its history is kept). A medication
/// that was stopped is kept with its stop date instead.
#[utoipa::path(delete, path = "/api/v1/medications/{id}", tag = "care context",
    params(("id" = String, Path, description = "Medication id"), RemoveParams),
    responses((status = 204), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn remove_medication(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    params: Result<Query<RemoveParams>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<StatusCode> {
    let Query(p) = params.map_err(super::bad_query)?;
    api_remove::<Medication>(&state, &me, &id, p.version).await?;
    Ok(StatusCode::NO_CONTENT)
}

// ---------------------------------------------------------------- other providers

/// Another professional or service involved in the client's care.
#[derive(Serialize, Deserialize, ToSchema, Clone, Debug, Default)]
#[serde(deny_unknown_fields)]
pub struct ProviderJson {
    /// Name and/or role, e.g. "Dr Lee, GP" (required).
    pub name: String,
    pub organisation: Option<String>,
    /// Phone, e-mail or address.
    pub contact: Option<String>,
    /// What they provide.
    pub provides: Option<String>,
}

impl ApiRecord for OtherProvider {
    type Json = ProviderJson;

    async fn check(self, _state: &AppState, _client: &Id) -> Result<Self, AppError> {
        Ok(self.validate()?)
    }
}

/// The client's other providers.
#[utoipa::path(get, path = "/api/v1/clients/{id}/providers", tag = "care context", params(("id" = String, Path, description = "Client id")),
    responses((status = 200, body = [Stored<ProviderJson>]), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn list_providers(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<Stored<ProviderJson>>>> {
    Ok(Json(api_list::<OtherProvider>(&state, &me, &id).await?))
}

/// Records another provider.
#[utoipa::path(post, path = "/api/v1/clients/{id}/providers", tag = "care context", params(("id" = String, Path, description = "Client id")),
    request_body = ProviderJson,
    responses((status = 201, body = Stored<ProviderJson>), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_provider(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ProviderJson>,
) -> ApiResult<impl IntoResponse> {
    Ok((StatusCode::CREATED, Json(api_create::<OtherProvider>(&state, &me, &id, body).await?)))
}

/// One provider with its history.
#[utoipa::path(get, path = "/api/v1/providers/{id}", tag = "care context", params(("id" = String, Path, description = "Provider id")),
    responses((status = 200, body = Stored<ProviderJson>), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_provider(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
) -> ApiResult<Json<Stored<ProviderJson>>> {
    Ok(Json(api_get::<OtherProvider>(&state, &me, &id).await?))
}

/// Replaces a provider record.
#[utoipa::path(put, path = "/api/v1/providers/{id}", tag = "care context", params(("id" = String, Path, description = "Provider id")),
    request_body = Versioned<ProviderJson>,
    responses((status = 200, body = Stored<ProviderJson>), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_provider(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<serde_json::Value>,
) -> ApiResult<Json<Stored<ProviderJson>>> {
    Ok(Json(api_update::<OtherProvider>(&state, &me, &id, body).await?))
}

/// Removes a provider (its history is kept; notes that named it keep the link).
#[utoipa::path(delete, path = "/api/v1/providers/{id}", tag = "care context",
    params(("id" = String, Path, description = "Provider id"), RemoveParams),
    responses((status = 204), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn remove_provider(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    params: Result<Query<RemoveParams>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<StatusCode> {
    let Query(p) = params.map_err(super::bad_query)?;
    api_remove::<OtherProvider>(&state, &me, &id, p.version).await?;
    Ok(StatusCode::NO_CONTENT)
}

// ---------------------------------------------------------------- coordination notes

/// A dated note on coordinating care with another provider.
#[derive(Serialize, Deserialize, ToSchema, Clone, Debug, Default)]
#[serde(deny_unknown_fields)]
pub struct CoordinationNoteJson {
    /// `YYYY-MM-DD`, not in the future (required).
    pub date: String,
    /// One of this client's providers, if the note concerns one.
    pub provider_id: Option<String>,
    /// Required.
    pub note: String,
}

impl ApiRecord for CoordinationNote {
    type Json = CoordinationNoteJson;

    async fn check(self, state: &AppState, client: &Id) -> Result<Self, AppError> {
        let n = self.validate_on(Timestamp::now().date())?;
        if let Some(p) = &n.provider_id {
            require_linked(state, client, OtherProvider::KIND, std::slice::from_ref(p), "provider_id", "a provider")
                .await?;
        }
        Ok(n)
    }

    /// Latest first.
    fn order(items: &mut [Record<Self>]) {
        items.sort_by(|a, b| b.body.date.cmp(&a.body.date));
    }
}

/// The client's coordination notes, latest first.
#[utoipa::path(get, path = "/api/v1/clients/{id}/coordination-notes", tag = "care context", params(("id" = String, Path, description = "Client id")),
    responses((status = 200, body = [Stored<CoordinationNoteJson>]), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn list_notes(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<Stored<CoordinationNoteJson>>>> {
    Ok(Json(api_list::<CoordinationNote>(&state, &me, &id).await?))
}

/// Records a coordination note.
#[utoipa::path(post, path = "/api/v1/clients/{id}/coordination-notes", tag = "care context", params(("id" = String, Path, description = "Client id")),
    request_body = CoordinationNoteJson,
    responses((status = 201, body = Stored<CoordinationNoteJson>), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_note(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<CoordinationNoteJson>,
) -> ApiResult<impl IntoResponse> {
    Ok((StatusCode::CREATED, Json(api_create::<CoordinationNote>(&state, &me, &id, body).await?)))
}

/// One coordination note with its history.
#[utoipa::path(get, path = "/api/v1/coordination-notes/{id}", tag = "care context", params(("id" = String, Path, description = "Note id")),
    responses((status = 200, body = Stored<CoordinationNoteJson>), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_note(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
) -> ApiResult<Json<Stored<CoordinationNoteJson>>> {
    Ok(Json(api_get::<CoordinationNote>(&state, &me, &id).await?))
}

/// Replaces a coordination note.
#[utoipa::path(put, path = "/api/v1/coordination-notes/{id}", tag = "care context", params(("id" = String, Path, description = "Note id")),
    request_body = Versioned<CoordinationNoteJson>,
    responses((status = 200, body = Stored<CoordinationNoteJson>), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_note(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<serde_json::Value>,
) -> ApiResult<Json<Stored<CoordinationNoteJson>>> {
    Ok(Json(api_update::<CoordinationNote>(&state, &me, &id, body).await?))
}

/// Removes a coordination note (its history is kept).
#[utoipa::path(delete, path = "/api/v1/coordination-notes/{id}", tag = "care context",
    params(("id" = String, Path, description = "Note id"), RemoveParams),
    responses((status = 204), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn remove_note(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    params: Result<Query<RemoveParams>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<StatusCode> {
    let Query(p) = params.map_err(super::bad_query)?;
    api_remove::<CoordinationNote>(&state, &me, &id, p.version).await?;
    Ok(StatusCode::NO_CONTENT)
}
