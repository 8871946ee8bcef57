//! A course's plan: `CarePlan` (the contract, the problem areas it addresses
//! and its goals) and `Goal`. The use cases in `rapport_app::goals` check
//! access (404 outside it; group facilitators never see individual courses)
//! and audit the reads.

use super::map;
use super::read::required_patient;
use super::search::{all_hold, bundle, Params};
use super::wire::{base_url, resource, FhirCaller, FhirResult, Outcome};
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use rapport_app::AppState;
use rapport_core::Timestamp;
use serde_json::Value;

const VIA: &str = "via FHIR";

pub async fn read_goal(
    State(state): State<AppState>,
    FhirCaller(me): FhirCaller,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> FhirResult<Response> {
    let (goal, cx) = rapport_app::goals::read_goal(&state, &me, &id, VIA).await?;
    Ok(resource(&headers, StatusCode::OK, &map::goal(&goal, &cx.course)))
}

/// The goals of one patient's courses (newest course first).
pub async fn search_goals(
    State(state): State<AppState>,
    FhirCaller(me): FhirCaller,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> FhirResult<Response> {
    let p = Params::parse(q.as_deref(), &["patient", "subject", "lifecycle-status", "_lastUpdated"])?;
    let patient = required_patient(&p)?;
    let updated = p.dates("_lastUpdated")?;
    let statuses: Option<Vec<&str>> = p.get("lifecycle-status").map(|s| s.split(',').collect());
    if let Some(bad) = statuses.iter().flatten().find(|s| !matches!(**s, "active" | "completed" | "cancelled")) {
        return Err(Outcome::bad(
            "lifecycle-status",
            format!("lifecycle-status must be active, completed or cancelled; got {bad:?}"),
        ));
    }
    let mut matching: Vec<Value> = Vec::new();
    for (cx, goals) in rapport_app::goals::goals_of_client(&state, &me, &patient, VIA).await? {
        matching.extend(
            goals
                .iter()
                .filter(|g| all_hold(&updated, g.updated_at))
                .map(|g| map::goal(g, &cx.course))
                .filter(|g| statuses.as_ref().is_none_or(|s| s.iter().any(|s| g["lifecycleStatus"] == *s))),
        );
    }
    let (entries, page) = p.window(matching);
    Ok(bundle(&base_url(&state, &headers), "Goal", &page, entries))
}

/// The plan of the course whose EpisodeOfCare id it shares.
pub async fn read_care_plan(
    State(state): State<AppState>,
    FhirCaller(me): FhirCaller,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> FhirResult<Response> {
    let plan = rapport_app::goals::plan_for(&state, &me, &id, VIA).await?;
    Ok(resource(&headers, StatusCode::OK, &map::care_plan(&plan.cx, plan.formulation.as_ref(), &plan.goals)))
}

/// The plans of one patient's courses, newest first.
pub async fn search_care_plans(
    State(state): State<AppState>,
    FhirCaller(me): FhirCaller,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> FhirResult<Response> {
    let p = Params::parse(q.as_deref(), &["patient", "subject", "_lastUpdated"])?;
    let patient = required_patient(&p)?;
    let updated = p.dates("_lastUpdated")?;
    let matching: Vec<Value> = rapport_app::goals::plans_of_client(&state, &me, &patient, VIA)
        .await?
        .iter()
        .map(|plan| map::care_plan(&plan.cx, plan.formulation.as_ref(), &plan.goals))
        .filter(|r| {
            let at = r["meta"]["lastUpdated"].as_str().and_then(Timestamp::parse);
            updated.is_empty() || at.is_some_and(|t| all_hold(&updated, t))
        })
        .collect();
    let (entries, page) = p.window(matching);
    Ok(bundle(&base_url(&state, &headers), "CarePlan", &page, entries))
}
