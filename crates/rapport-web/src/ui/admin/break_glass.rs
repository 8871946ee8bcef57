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

impl BreakGlassPage {
    /// "4 Dec 2026, 14:05 by Ana": when a review was made, and by whom.
    fn reviewed(&self, at: impl rapport_app::clock::Instant, by: &Option<String>) -> String {
        let time = crate::i18n::show(at);
        match by {
            Some(name) => self.layout.tr.tn("admin-reviews-reviewed-by", &[("time", &time), ("name", name)]),
            None => time,
        }
    }
}

pub async fn list(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Query(q): Query<DoneParam>,
) -> AppResult<Html<String>> {
    let rows = reviews::break_glass_log(&state, &me).await?;
    let layout = Layout::new(&state, &me, crate::i18n::current().t("admin-reviews-title"), "admin-break-glass")
        .await?
        .with_done(q.done.as_deref());
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
