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
use rapport_app::clients;
use rapport_app::AppState;
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

pub async fn search(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Query(p): Query<SearchParams>,
) -> AppResult<Response> {
    let search = non_blank(&p.q).unwrap_or_default();
    let results = clients::break_glass_search(&state, &me, &search).await?;
    let hours = state.organisation().await?.break_glass_hours;
    let layout = Layout::new(&state, &me, crate::i18n::current().t("break-glass-title"), "break-glass").await?;
    Ok(render(&SearchPage { layout, search, results, hours })?.into_response())
}

pub async fn reason_form(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let client = clients::break_glass_request(&state, &me, &id).await?;
    let hours = state.organisation().await?.break_glass_hours;
    let layout = Layout::new(&state, &me, crate::i18n::current().t("break-glass-title"), "break-glass").await?;
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
    let client = clients::break_glass_client(&state, &me, &id).await?;
    let typed = non_blank(&f.reason).unwrap_or_default();
    match clients::open_break_glass(&state, &me, &client, &typed).await.map_err(AppError::from) {
        // The record page shows its own emergency-access banner.
        Ok(()) => Ok(Redirect::to(&format!("/clients/{}", client.id)).into_response()),
        Err(AppError::Invalid(e)) => {
            let hours = state.organisation().await?.break_glass_hours;
            let layout = Layout::new(&state, &me, crate::i18n::current().t("break-glass-title"), "break-glass").await?;
            let error = e.first().map(|f| crate::i18n::current().field_message(f));
            let page = ReasonPage { layout, client, reason: typed, error, hours };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
        Err(other) => Err(other),
    }
}
