//! `AuditEvent`: the caller's own entries of the audit log, newest first,
//! and never anyone else's (`rapport_app::account::own_audit_entries`).
//! Paged by sequence number: the `next` link carries `before`, so entries
//! written while a client pages (its own reads among them) never shift a page.

use super::map;
use super::search::Params;
use super::wire::{base_url, fhir_json, resource, FhirCaller, FhirResult, Outcome};
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use rapport_app::AppState;
use rapport_core::access::Role;
use serde_json::{json, Value};

const VIA: &str = "via FHIR";

pub async fn read_audit_event(
    State(state): State<AppState>,
    FhirCaller(me): FhirCaller,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> FhirResult<Response> {
    let seq = id.parse::<i64>().map_err(|_| Outcome::not_found())?;
    let entry = rapport_app::account::own_audit_entry(&state, &me, seq, VIA).await?;
    Ok(resource(&headers, StatusCode::OK, &map::audit_event(&entry, me.user.role != Role::Client)))
}

/// The caller's own audit entries, newest first.
pub async fn search_audit_events(
    State(state): State<AppState>,
    FhirCaller(me): FhirCaller,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> FhirResult<Response> {
    let p = Params::parse(q.as_deref(), &["before"])?;
    if p.offset != 0 {
        return Err(Outcome::bad("_offset", "AuditEvent pages with the next link (before=), not _offset."));
    }
    let before = match p.get("before") {
        None => None,
        Some(v) => Some(
            v.parse::<i64>()
                .map_err(|_| Outcome::bad("before", format!("before must be an AuditEvent id; got {v:?}")))?,
        ),
    };
    let base = base_url(&state, &headers);
    let link = |before: Option<i64>| {
        let mut url = format!("{base}/AuditEvent?_count={}", p.count);
        if let Some(b) = before {
            url.push_str(&format!("&before={b}"));
        }
        for e in p.all("_elements") {
            url.push_str(&format!("&{}", serde_urlencoded::to_string([("_elements", e)]).unwrap_or_default()));
        }
        url
    };
    let mut links = vec![json!({ "relation": "self", "url": link(before) })];
    let mut entries = Vec::new();
    if p.count > 0 {
        // One more than the page shows says whether there is a next page.
        let mut found = rapport_app::account::own_audit_entries(&state, &me, before, p.count as i64 + 1, VIA).await?;
        if found.len() > p.count {
            found.truncate(p.count);
            links.push(json!({ "relation": "next", "url": link(found.last().map(|e| e.seq)) }));
        }
        let staff = me.user.role != Role::Client;
        let elements = p.elements();
        entries = found
            .iter()
            .map(|e| {
                let mut resource = map::audit_event(e, staff);
                for el in &elements {
                    el.subset(&mut resource);
                }
                json!({
                    "fullUrl": format!("{base}/AuditEvent/{}", e.seq),
                    "resource": resource,
                    "search": { "mode": "match" },
                })
            })
            .collect::<Vec<Value>>();
    }
    let mut b = json!({ "resourceType": "Bundle", "type": "searchset", "link": links });
    if !entries.is_empty() {
        b["entry"] = Value::Array(entries);
    }
    Ok(fhir_json(StatusCode::OK, &b))
}
