//! API v1 for client records: the caller's caseload, creating a client,
//! reading and changing a record (archiving and restoring it included). Same
//! use cases as the staff pages (`rapport_app::clients`).

use super::body::ApiJson;
use super::params::{bad_query, present};
use crate::error::{ApiResult, AppError, ErrorBody};
use crate::identity::ApiCaller;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::IntoResponse;
use axum::Json;
use rapport_app::access::{client_for, Purpose};
use rapport_app::clients::{self, CaseloadRequest};
use rapport_app::AppState;
use rapport_core::client::{ClientDetails, ClientStatus, ExternalId, RawClientDetails};
use rapport_core::ValidationErrors;
use rapport_store::clients::ClientRecord;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

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
    /// The site (village, school, clinic) the client belongs to, if any.
    pub site_id: Option<String>,
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
            site_id: c.site_id.map(|s| s.to_string()),
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
    /// A diary mood that asks the care team to check in (the bottom of the
    /// scale, or 4 or more below the recent average) in the last 14 days and
    /// after the last attended session; null when none. Not a risk flag.
    pub check_in: Option<CheckInJson>,
}

/// A diary mood that asks for a check-in (docs/portal.md, "Check in").
#[derive(Serialize, ToSchema, Clone, Debug)]
pub struct CheckInJson {
    /// The diary entry's day, `YYYY-MM-DD`.
    pub date: String,
    #[schema(minimum = 0, maximum = 10)]
    pub mood: u8,
    /// `low` (0 or 1 of 10) or `drop` (4 or more below the recent average).
    #[schema(pattern = "^(low|drop)$")]
    pub reason: String,
    /// The recent average (one decimal) when `reason` is `drop`: the mean of
    /// the up to 7 mood entries before it dated within 28 days (at least 3).
    pub average: Option<f64>,
}

impl From<&rapport_core::check_in::CheckIn> for CheckInJson {
    fn from(c: &rapport_core::check_in::CheckIn) -> Self {
        CheckInJson {
            date: rapport_core::time::format_date(c.date),
            mood: c.mood,
            reason: c.reason.as_str().into(),
            average: c.reason.average(),
        }
    }
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
    /// The site the client belongs to (`GET /api/v1/sites`). A facilitator's
    /// client defaults to the facilitator's site; a facilitator may name only
    /// their own site or a site of their groups.
    pub site_id: Option<String>,
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
    let req = CaseloadRequest { search: p.q, status: p.status.as_deref(), limit: p.limit, offset: p.offset };
    let (rows, total, _) = clients::caseload(&state, &me, req, " via API").await?;
    let check_ins = clients::check_ins(&state, &rows).await?;
    let list: Vec<ClientSummaryJson> = rows
        .into_iter()
        .map(|r| ClientSummaryJson {
            check_in: check_ins.get(r.id.as_str()).map(CheckInJson::from),
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
    let record = clients::create(&state, &me, raw, body.site_id.as_deref(), ValidationErrors::new()).await?;
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
    if status.is_some_and(|s| s != c.status) {
        clients::may_change_status(basis)?;
    }
    let version = patch.version;
    let raw = patch.apply(&c.details);
    let mut record = clients::update(&state, &me, &c, raw, ValidationErrors::new(), version, " (API)").await?;
    if let Some(s) = status.filter(|s| *s != record.status) {
        clients::set_status(&state, &me, &c, basis, s).await?;
        record = client_for(&state, &me, &id, Purpose::Write).await?.0;
    }
    Ok(Json(record.into()))
}
