//! Who looks after a client: a client's `CareTeam`, staff as `Practitioner`
//! and their `PractitionerRole`. Access and audit are the use cases' (a care
//! team outside the caller's access is 404, like the client).

use super::map;
use super::read::required_patient;
use super::search::{bundle, Params};
use super::wire::{base_url, resource, FhirCaller, FhirResult, Outcome};
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use rapport_app::AppState;
use serde_json::Value;

/// The care team of the client whose Patient id it shares.
pub async fn read_care_team(
    State(state): State<AppState>,
    FhirCaller(me): FhirCaller,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> FhirResult<Response> {
    let (client, _, members) = rapport_app::clients::care_team_members(&state, &me, &id).await?;
    Ok(resource(&headers, StatusCode::OK, &map::care_team(&client, &members)))
}

/// A patient's care team (a client has exactly one).
pub async fn search_care_teams(
    State(state): State<AppState>,
    FhirCaller(me): FhirCaller,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> FhirResult<Response> {
    let p = Params::parse(q.as_deref(), &["patient", "subject"])?;
    let patient = required_patient(&p)?;
    let (client, _, members) = rapport_app::clients::care_team_members(&state, &me, &patient).await?;
    let (entries, page) = p.window(vec![map::care_team(&client, &members)]);
    Ok(bundle(&base_url(&state, &headers), "CareTeam", &page, entries))
}

/// Staff members by name (any staff token; no contact details are sent).
pub async fn search_practitioners(
    State(state): State<AppState>,
    FhirCaller(me): FhirCaller,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> FhirResult<Response> {
    let p = Params::parse(q.as_deref(), &["name"])?;
    let name = p.get("name").map(str::to_lowercase);
    let staff = rapport_app::admin::staff_directory(&state, &me).await?;
    let matching: Vec<Value> = staff
        .iter()
        .filter(|u| name.as_deref().is_none_or(|n| u.name.to_lowercase().contains(n)))
        .map(map::practitioner)
        .collect();
    let (entries, page) = p.window(matching);
    Ok(bundle(&base_url(&state, &headers), "Practitioner", &page, entries))
}

pub async fn read_practitioner_role(
    State(state): State<AppState>,
    FhirCaller(me): FhirCaller,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> FhirResult<Response> {
    let user = rapport_app::admin::staff_member(&state, &me, &id).await?;
    Ok(resource(&headers, StatusCode::OK, &map::practitioner_role(&user)))
}

/// Staff roles, all or one practitioner's (`practitioner=Practitioner/<id>`).
pub async fn search_practitioner_roles(
    State(state): State<AppState>,
    FhirCaller(me): FhirCaller,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> FhirResult<Response> {
    let p = Params::parse(q.as_deref(), &["practitioner"])?;
    let wanted = match p.get("practitioner") {
        None => None,
        Some(v) => Some(reference_id(v, "Practitioner").ok_or_else(|| {
            Outcome::bad("practitioner", format!("practitioner must be a Practitioner reference; got {v:?}"))
        })?),
    };
    let staff = rapport_app::admin::staff_directory(&state, &me).await?;
    let matching: Vec<Value> =
        staff.iter().filter(|u| wanted.is_none_or(|w| u.id.as_str() == w)).map(map::practitioner_role).collect();
    let (entries, page) = p.window(matching);
    Ok(bundle(&base_url(&state, &headers), "PractitionerRole", &page, entries))
}

/// The id in a reference to `kind` (`Kind/<id>`, a full URL ending so, or a bare id).
pub fn reference_id<'a>(v: &'a str, kind: &str) -> Option<&'a str> {
    let id = match v.rsplit_once(&format!("{kind}/")) {
        Some((_, id)) => id,
        None if !v.contains('/') => v,
        None => return None,
    };
    (!id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')).then_some(id)
}
