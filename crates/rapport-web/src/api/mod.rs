//! JSON API v1: bearer-token authentication, strict request parsing (unknown
//! fields, wrong types and oversized bodies are refused with the field named),
//! and an OpenAPI 3 document generated from these types.

mod body;
pub mod context;
pub mod courses;
pub mod ending;
pub mod formulation;
pub mod goals;
pub mod inventory;
pub mod measures;
pub mod timeline;
pub mod worksheets;

pub use body::parse as parse_body;
pub mod notes;

use crate::error::{ApiResult, AppError, ErrorBody};
use crate::identity::ApiCaller;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::IntoResponse;
use axum::Json;
use body::ApiJson;
use rapport_app::access::{client_for, require_caseload, Purpose};
use rapport_app::AppState;
use rapport_core::audit::{action, AuditEntry};
use rapport_core::client::{self, ClientDetails, ClientStatus, ExternalId, RawClientDetails};
use rapport_core::Timestamp;
use rapport_store::clients::{CaseloadQuery, ClientRecord};
use serde::{Deserialize, Deserializer, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};

#[derive(OpenApi)]
#[openapi(
    info(title = "Rapport API", version = "1", description = "Rapport JSON API v1. Authenticate with `Authorization: Bearer <token>` (create one with `rapport token create` or on the My account page). Errors are `{\"error\": {\"code\", \"message\", \"field\"?}}`."),
    paths(me, list_clients, create_client, get_client, patch_client, audit),
    components(schemas(Me, ClientJson, ClientSummaryJson, ExternalIdJson, NewClient, ClientPatch, AuditEntryJson, ErrorBody, crate::error::ErrorDetail)),
    modifiers(&BearerAuth),
    security(("bearer" = [])),
    tags((name = "clients", description = "Client records on the caller's caseload"), (name = "audit", description = "The audit log (administrators)"))
)]
pub struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The OpenAPI document, pretty-printed (also the snapshot test's subject).
pub fn openapi_document() -> String {
    let mut doc = ApiDoc::openapi();
    // Each feature area documents its own paths; merged here into one document.
    doc.merge(courses::CoursesDoc::openapi());
    doc.merge(ending::EndingDoc::openapi());
    doc.merge(formulation::FormulationDoc::openapi());
    doc.merge(goals::GoalsDoc::openapi());
    doc.merge(measures::MeasuresDoc::openapi());
    doc.merge(inventory::InventoryDoc::openapi());
    doc.merge(timeline::TimelineDoc::openapi());
    doc.merge(worksheets::WorksheetsDoc::openapi());
    doc.merge(context::ContextDoc::openapi());
    doc.merge(notes::NotesDoc::openapi());
    document_body_limits(&mut doc);
    doc.to_pretty_json().expect("serialisable OpenAPI document")
}

/// Every operation that takes a body can answer 413 (over the 64 KiB limit)
/// and 415 (not JSON) before its handler runs: say so on each, in one place.
fn document_body_limits(doc: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
    let error = |what: &str| {
        ResponseBuilder::new()
            .description(what)
            .content("application/json", ContentBuilder::new().schema(Some(Ref::from_schema_name("ErrorBody"))).build())
            .build()
    };
    for item in doc.paths.paths.values_mut() {
        for op in [&mut item.post, &mut item.put, &mut item.patch].into_iter().flatten() {
            if op.request_body.is_none() {
                continue;
            }
            for (status, what) in [("413", "The body is larger than 64 KiB."), ("415", "The body is not JSON.")] {
                op.responses.responses.entry(status.to_string()).or_insert_with(|| error(what).into());
            }
        }
    }
}

pub async fn openapi_json() -> impl IntoResponse {
    ([(axum::http::header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], openapi_document())
}

#[derive(Serialize, ToSchema)]
pub struct Me {
    pub id: String,
    pub email: String,
    pub name: String,
    /// `admin`, `supervisor` or `clinician`.
    pub role: String,
    pub holds_caseload: bool,
}

/// Who the token belongs to.
#[utoipa::path(get, path = "/api/v1/me", responses((status = 200, body = Me), (status = 401, body = ErrorBody)))]
pub async fn me(ApiCaller(me): ApiCaller) -> Json<Me> {
    Json(Me {
        id: me.user.id.to_string(),
        email: me.user.email.clone(),
        name: me.user.name.clone(),
        role: me.user.role.as_str().into(),
        holds_caseload: me.actor().can_hold_caseload(),
    })
}

#[derive(Serialize, Deserialize, ToSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct ExternalIdJson {
    /// e.g. "Hospital number"
    #[schema(min_length = 1, max_length = 80, pattern = r"\S")]
    pub system: String,
    #[schema(min_length = 1, max_length = 80, pattern = r"\S")]
    pub value: String,
}

#[derive(Serialize, ToSchema)]
pub struct ClientJson {
    pub id: String,
    pub display_name: String,
    pub legal_name: Option<String>,
    /// `YYYY-MM-DD`
    pub date_of_birth: Option<String>,
    pub pronouns: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub preferred_language: Option<String>,
    pub emergency_contact_name: Option<String>,
    pub emergency_contact_relationship: Option<String>,
    pub emergency_contact_phone: Option<String>,
    pub consent_notes: Option<String>,
    pub external_ids: Vec<ExternalIdJson>,
    /// `active` or `archived`
    pub status: String,
    pub responsible_clinician_id: String,
    pub responsible_clinician_name: String,
    /// Increases with every change; send it back in PATCH to refuse lost updates.
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
}

impl From<ClientRecord> for ClientJson {
    fn from(c: ClientRecord) -> Self {
        let d = c.details;
        ClientJson {
            id: c.id.to_string(),
            display_name: d.display_name,
            legal_name: d.legal_name,
            date_of_birth: d.date_of_birth,
            pronouns: d.pronouns,
            email: d.email,
            phone: d.phone,
            address: d.address,
            preferred_language: d.preferred_language,
            emergency_contact_name: d.emergency_contact_name,
            emergency_contact_relationship: d.emergency_contact_relationship,
            emergency_contact_phone: d.emergency_contact_phone,
            consent_notes: d.consent_notes,
            external_ids: d
                .external_ids
                .into_iter()
                .map(|i| ExternalIdJson { system: i.system, value: i.value })
                .collect(),
            status: c.status.as_str().into(),
            responsible_clinician_id: c.responsible_clinician_id.to_string(),
            responsible_clinician_name: c.responsible_clinician_name,
            version: c.version,
            created_at: c.created_at.to_db(),
            updated_at: c.updated_at.to_db(),
        }
    }
}

/// One row of a caseload.
#[derive(Serialize, ToSchema)]
pub struct ClientSummaryJson {
    pub id: String,
    pub display_name: String,
    /// `YYYY-MM-DD`
    pub date_of_birth: Option<String>,
    pub pronouns: Option<String>,
    /// `active` or `archived`
    pub status: String,
    pub responsible_clinician_name: String,
    pub updated_at: String,
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct NewClient {
    /// Required; at most 120 characters, not only spaces.
    #[schema(min_length = 1, max_length = 120, pattern = r"\S")]
    pub display_name: String,
    /// `YYYY-MM-DD`, not in the future (empty or null: not recorded).
    #[schema(pattern = r"^([0-9]{4}-[0-9]{2}-[0-9]{2})?$")]
    pub date_of_birth: Option<String>,
    pub legal_name: Option<String>,
    pub pronouns: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub preferred_language: Option<String>,
    pub emergency_contact_name: Option<String>,
    pub emergency_contact_relationship: Option<String>,
    pub emergency_contact_phone: Option<String>,
    pub consent_notes: Option<String>,
    /// At most 10, each system at most once.
    #[serde(default)]
    #[schema(max_items = 10)]
    pub external_ids: Vec<ExternalIdJson>,
}

fn ext(ids: Vec<ExternalIdJson>) -> Vec<ExternalId> {
    ids.into_iter().map(|i| ExternalId { system: i.system, value: i.value }).collect()
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// Search by name or external identifier.
    pub q: Option<String>,
    /// `active` (default) or `archived`.
    #[param(pattern = "^(active|archived)$")]
    pub status: Option<String>,
    /// Page size, 1-500 (default 100).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    #[param(minimum = 0)]
    pub offset: Option<i64>,
}

/// The caller's caseload. The total is in the `X-Total-Count` header.
#[utoipa::path(get, path = "/api/v1/clients", tag = "clients", params(ListParams),
    responses((status = 200, body = [ClientSummaryJson]), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn list_clients(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    params: Result<Query<ListParams>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<impl IntoResponse> {
    let Query(p) = params.map_err(bad_query)?;
    require_caseload(&state, &me).await?;
    let status = match p.status.as_deref() {
        None | Some("active") => ClientStatus::Active,
        Some("archived") => ClientStatus::Archived,
        Some(_) => return Err(AppError::invalid("status", "status must be active or archived").into()),
    };
    let limit = p.limit.unwrap_or(100);
    if !(1..=500).contains(&limit) {
        return Err(AppError::invalid("limit", "limit must be between 1 and 500").into());
    }
    let offset = p.offset.unwrap_or(0);
    if offset < 0 {
        return Err(AppError::invalid("offset", "offset must not be negative").into());
    }
    let q = CaseloadQuery { search: p.q.clone(), status: Some(status), limit, offset };
    let (rows, total) = state.store.caseload(&me.user.id, &q).await?;
    let mut e = me.event(action::CLIENT_LIST, "client");
    e.detail = Some(format!(
        "{} of {total} {} clients via API{}; {}",
        rows.len(),
        status.as_str(),
        p.q.as_deref().map(str::trim).filter(|q| !q.is_empty()).map(|q| format!(", search {q:?}")).unwrap_or_default(),
        rapport_app::access::clients_shown(rows.iter().map(|r| &r.id))
    ));
    state.store.audit(e).await?;
    let list: Vec<ClientSummaryJson> = rows
        .into_iter()
        .map(|r| ClientSummaryJson {
            id: r.id.to_string(),
            display_name: r.display_name,
            date_of_birth: r.date_of_birth,
            pronouns: r.pronouns,
            status: r.status.as_str().into(),
            responsible_clinician_name: r.responsible_clinician_name,
            updated_at: r.updated_at.to_db(),
        })
        .collect();
    let mut headers = HeaderMap::new();
    headers.insert("x-total-count", HeaderValue::from(total));
    Ok((headers, Json(list)))
}

/// Creates a client; the caller becomes the responsible clinician.
#[utoipa::path(post, path = "/api/v1/clients", tag = "clients", request_body = NewClient,
    responses((status = 201, body = ClientJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 413, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_client(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    ApiJson(body): ApiJson<NewClient>,
) -> ApiResult<impl IntoResponse> {
    require_caseload(&state, &me).await?;
    let raw = RawClientDetails {
        display_name: Some(body.display_name),
        legal_name: body.legal_name,
        date_of_birth: body.date_of_birth,
        pronouns: body.pronouns,
        email: body.email,
        phone: body.phone,
        address: body.address,
        preferred_language: body.preferred_language,
        emergency_contact_name: body.emergency_contact_name,
        emergency_contact_relationship: body.emergency_contact_relationship,
        emergency_contact_phone: body.emergency_contact_phone,
        consent_notes: body.consent_notes,
        external_ids: ext(body.external_ids),
    };
    let details = client::validate(raw, Timestamp::now().date()).map_err(AppError::Invalid)?;
    let record = state.store.create_client(&details, &me.user.id, me.event(action::CLIENT_CREATE, "client")).await?;
    let mut headers = HeaderMap::new();
    if let Ok(v) = HeaderValue::from_str(&format!("/api/v1/clients/{}", record.id)) {
        headers.insert(axum::http::header::LOCATION, v);
    }
    Ok((StatusCode::CREATED, headers, Json(ClientJson::from(record))))
}

/// One client record (404 if it is not on the caller's caseload).
#[utoipa::path(get, path = "/api/v1/clients/{id}", tag = "clients", params(("id" = String, Path, description = "Client id")),
    responses((status = 200, body = ClientJson), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_client(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
) -> ApiResult<Json<ClientJson>> {
    let (c, _) = client_for(&state, &me, &id, Purpose::AuditRead).await?;
    Ok(Json(c.into()))
}

/// A query string that does not parse (e.g. a number out of range): 400.
pub(crate) fn bad_query(e: axum::extract::rejection::QueryRejection) -> AppError {
    AppError::BadRequest { code: "bad_query", message: e.body_text(), field: None }
}

/// Absent means "leave as is"; `null` means "clear".
pub(crate) fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct ClientPatch {
    /// When given, the update is refused with 409 if the record has changed since.
    pub version: Option<i64>,
    #[schema(min_length = 1, max_length = 120, pattern = r"\S")]
    pub display_name: Option<String>,
    /// `archived` or `active`.
    #[schema(pattern = "^(active|archived)$")]
    pub status: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub legal_name: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub date_of_birth: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub pronouns: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub email: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub phone: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub address: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub preferred_language: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub emergency_contact_name: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub emergency_contact_relationship: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub emergency_contact_phone: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub consent_notes: Option<Option<String>>,
    pub external_ids: Option<Vec<ExternalIdJson>>,
}

impl ClientPatch {
    fn apply(self, d: &ClientDetails) -> RawClientDetails {
        let mut raw = RawClientDetails::from(d);
        let set = |slot: &mut Option<String>, v: Option<Option<String>>| {
            if let Some(v) = v {
                *slot = v;
            }
        };
        if let Some(n) = self.display_name {
            raw.display_name = Some(n);
        }
        set(&mut raw.legal_name, self.legal_name);
        set(&mut raw.date_of_birth, self.date_of_birth);
        set(&mut raw.pronouns, self.pronouns);
        set(&mut raw.email, self.email);
        set(&mut raw.phone, self.phone);
        set(&mut raw.address, self.address);
        set(&mut raw.preferred_language, self.preferred_language);
        set(&mut raw.emergency_contact_name, self.emergency_contact_name);
        set(&mut raw.emergency_contact_relationship, self.emergency_contact_relationship);
        set(&mut raw.emergency_contact_phone, self.emergency_contact_phone);
        set(&mut raw.consent_notes, self.consent_notes);
        if let Some(ids) = self.external_ids {
            raw.external_ids = ext(ids);
        }
        raw
    }
}

/// Changes some fields of a client record.
#[utoipa::path(patch, path = "/api/v1/clients/{id}", tag = "clients", params(("id" = String, Path, description = "Client id")), request_body = ClientPatch,
    responses((status = 200, body = ClientJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody),
              (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn patch_client(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    ApiJson(patch): ApiJson<ClientPatch>,
) -> ApiResult<Json<ClientJson>> {
    let (c, basis) = client_for(&state, &me, &id, Purpose::Write).await?;
    let status = match patch.status.as_deref() {
        None => None,
        Some(s) => Some(
            ClientStatus::parse(s).ok_or_else(|| AppError::invalid("status", "status must be active or archived"))?,
        ),
    };
    if status.is_some_and(|s| s != c.status) && basis == rapport_core::access::AccessBasis::BreakGlass {
        return Err(
            AppError::Forbidden("Emergency access does not allow archiving or restoring a record.".into()).into()
        );
    }
    let version = patch.version;
    let details = client::validate(patch.apply(&c.details), Timestamp::now().date()).map_err(AppError::Invalid)?;
    let mut e = me.event(action::CLIENT_UPDATE, "client");
    e.resource_id = Some(c.id.to_string());
    e.client_id = Some(c.id.to_string());
    e.detail = Some(format!("{} (API)", rapport_core::client::changed_fields(&c.details, &details)));
    let mut record = state.store.update_client(&c.id, &details, version, e).await?;
    if let Some(s) = status.filter(|s| *s != record.status) {
        let act = if s == ClientStatus::Archived { action::CLIENT_ARCHIVE } else { action::CLIENT_RESTORE };
        let mut e = me.event(act, "client");
        e.resource_id = Some(c.id.to_string());
        e.client_id = Some(c.id.to_string());
        state.store.set_client_status(&c.id, s, e).await?;
        record = client_for(&state, &me, &id, Purpose::Write).await?.0;
    }
    Ok(Json(record.into()))
}

#[derive(Serialize, ToSchema)]
pub struct AuditEntryJson {
    pub seq: i64,
    /// UTC, RFC 3339 with microseconds.
    pub at: String,
    pub actor_id: Option<String>,
    pub actor: String,
    pub action: String,
    pub resource_type: String,
    pub resource_id: Option<String>,
    pub client_id: Option<String>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    /// `success`, `denied` or `failure`.
    pub outcome: String,
    pub detail: Option<String>,
    pub prev_hash: String,
    pub hash: String,
}

impl From<AuditEntry> for AuditEntryJson {
    fn from(e: AuditEntry) -> Self {
        let v = e.event;
        AuditEntryJson {
            seq: e.seq,
            at: e.at.to_db(),
            actor_id: v.actor_id,
            actor: v.actor_label,
            action: v.action,
            resource_type: v.resource_type,
            resource_id: v.resource_id,
            client_id: v.client_id,
            ip: v.ip,
            user_agent: v.user_agent,
            outcome: v.outcome,
            detail: v.detail,
            prev_hash: e.prev_hash,
            hash: e.hash,
        }
    }
}

#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    pub client_id: Option<String>,
    pub actor_id: Option<String>,
    /// e.g. `client.read`
    pub action: Option<String>,
    /// `success`, `denied` or `failure`
    pub outcome: Option<String>,
    /// Only entries with a smaller sequence number (paging, newest first).
    pub before: Option<i64>,
    /// 1-1000, default 100.
    #[param(minimum = 1, maximum = 1000)]
    pub limit: Option<i64>,
}

/// Audit entries, newest first (administrators only).
#[utoipa::path(get, path = "/api/v1/audit", tag = "audit", params(AuditQuery),
    responses((status = 200, body = [AuditEntryJson]), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn audit(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    params: Result<Query<AuditQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<Vec<AuditEntryJson>>> {
    let Query(q) = params.map_err(bad_query)?;
    let filter = rapport_store::AuditFilter {
        client_id: q.client_id,
        actor_id: q.actor_id,
        action: q.action,
        outcome: q.outcome,
        before_seq: q.before,
        ..Default::default()
    };
    let entries = rapport_app::admin::audit::export_api(&state, &me, filter, q.limit).await?;
    Ok(Json(entries.into_iter().map(AuditEntryJson::from).collect()))
}
