//! JSON API v1: bearer-token authentication, strict request parsing (unknown
//! fields, wrong types and oversized bodies are refused with the field named),
//! and an OpenAPI 3 document generated from these types.

pub(crate) mod body;
pub mod clients;
pub mod context;
pub mod courses;
pub mod ending;
pub mod formulation;
pub mod goals;
pub mod groups;
pub mod inventory;
pub mod measures;
pub(crate) mod params;
pub mod reports;
pub mod supervision;
pub mod timeline;
pub mod today;
pub mod worksheets;

pub mod notes;

use crate::error::{ApiResult, ErrorBody};
use crate::identity::ApiCaller;
use axum::extract::{Query, State};
use axum::http::HeaderValue;
use axum::response::IntoResponse;
use axum::Json;
use rapport_app::AppState;
use rapport_core::audit::AuditEntry;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};

#[derive(OpenApi)]
#[openapi(
    info(title = "Rapport API", version = "1", description = "Rapport JSON API v1. Authenticate with `Authorization: Bearer <token>` (create one with `rapport token create` or on the My account page). Errors are `{\"error\": {\"code\", \"message\", \"field\"?}}`."),
    paths(me, clients::list_clients, clients::create_client, clients::get_client, clients::patch_client, audit),
    components(schemas(Me, clients::ClientJson, clients::ClientSummaryJson, clients::CheckInJson, clients::ExternalIdJson, clients::NewClient, clients::ClientPatch, AuditEntryJson, ErrorBody, crate::error::ErrorDetail)),
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
    doc.merge(reports::ReportsDoc::openapi());
    doc.merge(today::TodayDoc::openapi());
    doc.merge(supervision::SupervisionDoc::openapi());
    doc.merge(groups::GroupsDoc::openapi());
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
    /// `admin`, `supervisor`, `clinician`, `facilitator` or `programme_manager`.
    pub role: String,
    pub holds_caseload: bool,
    /// The private iCalendar feed of the caller's sessions (`null` until one
    /// is made on the account page). Secret: anyone with it sees the sessions.
    pub calendar_url: Option<String>,
}

/// Who the token belongs to.
#[utoipa::path(get, path = "/api/v1/me", responses((status = 200, body = Me), (status = 401, body = ErrorBody)))]
pub async fn me(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    headers: axum::http::HeaderMap,
) -> ApiResult<Json<Me>> {
    let calendar_url =
        rapport_app::calendar::feed_url_of(&state, &me).await?.map(|u| crate::html::absolute_url(&u, &headers));
    Ok(Json(Me {
        id: me.user.id.to_string(),
        email: me.user.email.clone(),
        name: me.user.name.clone(),
        role: me.user.role.as_str().into(),
        holds_caseload: me.actor().can_hold_caseload(),
        calendar_url,
    }))
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
    let Query(q) = params.map_err(params::bad_query)?;
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
