//! Today: the home page of caseload holders. The page only renders what
//! `rapport_app::today::today` returns.

use super::Layout;
use crate::error::AppResult;
use crate::html::render;
use crate::identity::SignedIn;
use askama::Template;
use axum::extract::State;
use axum::response::Html;
use rapport_app::today::{self, Today};
use rapport_app::AppState;
use rapport_core::today::age_text;
use std::borrow::Borrow;
use time::Date;

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/today", show)
}

/// "Friday 4 December 2026".
pub fn long_date(d: impl Borrow<Date>) -> String {
    let d = d.borrow();
    format!("{} {} {} {}", d.weekday(), d.day(), d.month(), d.year())
}

/// "Fri 4 Dec".
pub fn short_date(d: impl Borrow<Date>) -> String {
    let d = d.borrow();
    let w = d.weekday().to_string();
    let m = d.month().to_string();
    format!("{} {} {}", &w[..3], d.day(), &m[..3])
}

/// "40 days", "1 day", "today".
pub fn age(days: impl Borrow<i64>) -> String {
    age_text(*days.borrow())
}

/// Unsigned notes listed at once (oldest first); the rest open under "N more".
pub const NOTES_SHOWN: usize = 8;

#[derive(Template)]
#[template(path = "today.html")]
struct TodayPage {
    layout: Layout,
    t: Today,
}

pub async fn show(State(state): State<AppState>, SignedIn(me): SignedIn) -> AppResult<Html<String>> {
    let date = today::local_date(&state).await;
    let t = today::today(&state, &me, date).await?;
    let layout = Layout::new(&state, &me, "Today", "today").await?;
    render(&TodayPage { layout, t })
}
