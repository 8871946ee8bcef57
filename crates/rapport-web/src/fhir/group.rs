//! `Group`: group-IPT cohorts, for people (the groups they run, supervise or
//! organise; members only where they may see them) and for machine clients
//! with `system/Group.read` (every group, with members: the anchor of a
//! Group-level export).

use super::map;
use super::search::{bundle, Params};
use super::wire::{base_url, resource, FhirResult, Requester};
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use rapport_app::access::Purpose;
use rapport_app::AppState;
use serde_json::Value;

pub async fn read_group(
    State(state): State<AppState>,
    who: Requester,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> FhirResult<Response> {
    let res = match who {
        Requester::System(sys) => map::group(&rapport_app::groups::group_for_machine(&state, &sys, &id).await?, true),
        Requester::Person(me) => {
            let view = rapport_app::groups::group_for(&state, &me, &id, Purpose::AuditRead).await?;
            map::group(&view.detail, view.access.sees_members())
        }
    };
    Ok(resource(&headers, StatusCode::OK, &res))
}

/// Groups by `name` (part of it, any case).
pub async fn search_groups(
    State(state): State<AppState>,
    who: Requester,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> FhirResult<Response> {
    let p = Params::parse(q.as_deref(), &["name"])?;
    let name = p.get("name").map(str::to_lowercase);
    let wanted = |n: &str| name.as_deref().is_none_or(|part| n.to_lowercase().contains(part));
    let all: Vec<Value> = match who {
        Requester::System(sys) => rapport_app::groups::groups_for_machine(&state, &sys)
            .await?
            .iter()
            .filter(|g| wanted(&g.group.name))
            .map(|g| map::group(g, true))
            .collect(),
        Requester::Person(me) => {
            let mut out = Vec::new();
            for row in rapport_app::groups::list(&state, &me).await?.into_iter().filter(|g| wanted(&g.name)) {
                let view = rapport_app::groups::group_for(&state, &me, row.id.as_str(), Purpose::AuditRead).await?;
                out.push(map::group(&view.detail, view.access.sees_members()));
            }
            out
        }
    };
    let (entries, page) = p.window(all);
    Ok(bundle(&base_url(&state, &headers), "Group", &page, entries))
}
