//! Reviews of emergency (break-glass) access.

use super::DoneParam;
use crate::error::AppResult;
use crate::html::{non_blank, render};
use crate::identity::SignedIn;
use crate::ui::Layout;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Form;
use rapport_app::admin::reviews;
use rapport_app::AppState;
use rapport_store::clients::BreakGlassRow;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "admin_break_glass.html")]
struct BreakGlassPage {
    layout: Layout,
    rows: Vec<BreakGlassRow>,
}

pub async fn list(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Query(q): Query<DoneParam>,
) -> AppResult<Html<String>> {
    let rows = reviews::break_glass_log(&state, &me).await?;
    let layout = Layout::new(&state, &me, "Access reviews", "admin-break-glass").await?.with_done(q.done.as_deref());
    render(&BreakGlassPage { layout, rows })
}

#[derive(Deserialize, Default)]
pub struct ReviewForm {
    note: Option<String>,
}

pub async fn review(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Form(f): Form<ReviewForm>,
) -> AppResult<Response> {
    reviews::review_break_glass(&state, &me, &id, non_blank(&f.note)).await?;
    Ok(Redirect::to("/admin/break-glass?done=reviewed").into_response())
}
