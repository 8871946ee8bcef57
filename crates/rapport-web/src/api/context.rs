//! API v1 for the client's care context: the cultural formulation (one per
//! client), medications (current and past), other providers and coordination
//! notes. Same access rules as the UI; every version is kept. Recording a
//! medication changes nothing else.

use super::body::ApiJson;
use crate::error::{ApiResult, AppError, ErrorBody};
use crate::identity::ApiCaller;
use crate::records_http::{
    api_record_routes, convert, split_version, ApiRecord, OpenCombined, RemoveParams, Stored, Versioned,
};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use rapport_app::access::{client_for, Purpose};
use rapport_app::context::{read_cultural, save_cultural};
use rapport_app::AppState;
use rapport_core::context::{CoordinationNote, CulturalFormulation, Medication, OtherProvider};
use rapport_core::Timestamp;
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
    let (rec, history) = read_cultural(&state, &me, &client.id, "via API".into()).await?.ok_or(AppError::NotFound)?;
    Ok(Json(Stored::of(rec, convert::<CulturalFormulation, _>)?.with_history(history, convert)?))
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

    fn to_json(self) -> Result<MedicationJson, AppError> {
        let current = self.is_current(Timestamp::now().date());
        let mut j: MedicationJson = convert(self)?;
        j.current = current;
        Ok(j)
    }
}

api_record_routes! {
    Medication as MedicationJson, tag "care context", list "/api/v1/clients/{id}/medications", item "/api/v1/medications/{id}" ("Medication id");
    /// The client's medications: current first, then past.
    list: list_medications;
    /// Records a medication (nothing else changes, e.g. not the initial-phase checklist).
    create: create_medication;
    /// One medication with its history.
    get: get_medication;
    /// Replaces a medication record (e.g. to add the stop date).
    update: update_medication;
    /// Removes a medication recorded in error (its history is kept). A medication
    /// that was stopped is kept with its stop date instead.
    remove: remove_medication;
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
}

api_record_routes! {
    OtherProvider as ProviderJson, tag "care context", list "/api/v1/clients/{id}/providers", item "/api/v1/providers/{id}" ("Provider id");
    /// The client's other providers.
    list: list_providers;
    /// Records another provider.
    create: create_provider;
    /// One provider with its history.
    get: get_provider;
    /// Replaces a provider record.
    update: update_provider;
    /// Removes a provider (its history is kept; notes that named it keep the link).
    remove: remove_provider;
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
}

api_record_routes! {
    CoordinationNote as CoordinationNoteJson, tag "care context", list "/api/v1/clients/{id}/coordination-notes", item "/api/v1/coordination-notes/{id}" ("Note id");
    /// The client's coordination notes, latest first.
    list: list_notes;
    /// Records a coordination note.
    create: create_note;
    /// One coordination note with its history.
    get: get_note;
    /// Replaces a coordination note.
    update: update_note;
    /// Removes a coordination note (its history is kept).
    remove: remove_note;
}
