//! Emergency ("break-glass") access: a clinician may open any client of the
//! organisation after giving a reason. The access is time-limited, audited and
//! listed for administrators to review.

use super::Layout;

use crate::error::{AppError, AppResult};
use crate::html::{non_blank, render};
use crate::identity::SignedIn;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use rapport_app::access::deny;
use rapport_app::AppState;
use rapport_core::audit::action;
use rapport_core::{Id, Timestamp};
use rapport_store::clients::ClientSummary;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "break_glass_search.html")]
struct SearchPage {
    layout: Layout,
    search: String,
    results: Vec<ClientSummary>,
    hours: i64,
}

#[derive(Template)]
#[template(path = "break_glass_reason.html")]
struct ReasonPage {
    layout: Layout,
    client: ClientSummary,
    reason: String,
    error: Option<String>,
    hours: i64,
}

#[derive(Deserialize, Default)]
pub struct SearchParams {
    q: Option<String>,
}

async fn require_break_glass(state: &AppState, me: &rapport_app::caller::Identity) -> AppResult<()> {
    if me.actor().can_break_glass() {
        Ok(())
    } else {
        deny(state, me, "break_glass", None).await?;
        Err(AppError::Forbidden("Emergency access is for clinical staff.".into()))
    }
}

pub async fn search(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Query(p): Query<SearchParams>,
) -> AppResult<Response> {
    require_break_glass(&state, &me).await?;
    let search = non_blank(&p.q).unwrap_or_default();
    let results = if search.chars().count() >= 2 {
        let r = state.store.search_all_clients(&search, 20).await?;
        let mut e = me.event(action::CLIENT_LIST, "client");
        e.detail = Some(format!(
            "emergency-access search {search:?}: {} results; {}",
            r.len(),
            rapport_app::access::clients_shown(r.iter().map(|c| &c.id))
        ));
        state.store.audit(e).await?;
        r
    } else {
        Vec::new()
    };
    let hours = state.organisation().await?.break_glass_hours;
    let layout = Layout::new(&state, &me, "Emergency access", "break-glass").await?;
    Ok(render(&SearchPage { layout, search, results, hours })?.into_response())
}

async fn summary(state: &AppState, id: &str) -> AppResult<ClientSummary> {
    let id = Id::parse(id).ok_or(AppError::NotFound)?;
    state.store.client_summary(&id).await?.ok_or(AppError::NotFound)
}

pub async fn reason_form(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    require_break_glass(&state, &me).await?;
    let client = summary(&state, &id).await?;
    let mut e = me.event(action::CLIENT_READ, "client");
    e.resource_id = Some(client.id.to_string());
    e.client_id = Some(client.id.to_string());
    e.detail = Some("emergency-access request form: name and date of birth only".into());
    state.store.audit(e).await?;
    let hours = state.organisation().await?.break_glass_hours;
    let layout = Layout::new(&state, &me, "Emergency access", "break-glass").await?;
    Ok(render(&ReasonPage { layout, client, reason: String::new(), error: None, hours })?.into_response())
}

#[derive(Deserialize, Default)]
pub struct ReasonForm {
    reason: Option<String>,
}

pub async fn open(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Form(f): Form<ReasonForm>,
) -> AppResult<Response> {
    require_break_glass(&state, &me).await?;
    let client = summary(&state, &id).await?;
    let hours = state.organisation().await?.break_glass_hours;
    let typed = non_blank(&f.reason).unwrap_or_default();
    let reason = match rapport_core::access::break_glass_reason(&typed) {
        Ok(r) => r,
        Err(message) => {
            let layout = Layout::new(&state, &me, "Emergency access", "break-glass").await?;
            let page = ReasonPage { layout, client, reason: typed, error: Some(message), hours };
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
        }
    };
    let now = Timestamp::now();
    let mut e = me.event(action::BREAK_GLASS, "break_glass");
    e.client_id = Some(client.id.to_string());
    e.outcome = "success".into();
    e.detail = Some(format!("reason: {reason}"));
    state.store.create_break_glass(&me.user.id, &client.id, &reason, now.plus(time::Duration::hours(hours)), e).await?;
    // The record page shows its own emergency-access banner.
    Ok(Redirect::to(&format!("/clients/{}", client.id)).into_response())
}
