//! Today: the home page of caseload holders. The page only renders what
//! `rapport_app::today::today` returns.

use super::Layout;
use crate::error::AppResult;
use crate::html::render;
use crate::i18n::msg;
use crate::identity::SignedIn;
use askama::Template;
use axum::extract::State;
use axum::response::Html;
use rapport_app::today::{self, SessionItem, TaskItem, TaskKind, Today};
use rapport_app::AppState;
use std::borrow::Borrow;
use time::Date;

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/today", show)
}

/// "Friday 4 December 2026", in the reader's language.
pub fn long_date(d: impl Borrow<Date>) -> String {
    crate::i18n::long_day(*d.borrow())
}

/// "Fri 4 Dec", in the reader's language.
pub fn short_date(d: impl Borrow<Date>) -> String {
    let d = d.borrow();
    let tr = crate::i18n::current();
    let weekday = tr.t(WEEKDAYS_SHORT[usize::from(d.weekday().number_days_from_monday())]);
    let month = tr.month_short(d.month());
    tr.tn("today-short-date", &[("weekday", &weekday), ("day", &i64::from(d.day())), ("month", &month)])
}

/// Monday first.
pub const WEEKDAYS_SHORT: [&str; 7] = [
    msg("calendar-weekday-short-1"),
    msg("calendar-weekday-short-2"),
    msg("calendar-weekday-short-3"),
    msg("calendar-weekday-short-4"),
    msg("calendar-weekday-short-5"),
    msg("calendar-weekday-short-6"),
    msg("calendar-weekday-short-7"),
];

/// HTML-escapes a message put inside markup built here.
pub(crate) fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// Unsigned notes listed at once (oldest first); the rest open under "N more".
pub const NOTES_SHOWN: usize = 8;

#[derive(Template)]
#[template(path = "today.html")]
struct TodayPage {
    layout: Layout,
    t: Today,
}

impl TodayPage {
    /// The notice for someone on no care team, its two links inside one sentence.
    fn no_own_clients(&self) -> String {
        let tr = &self.layout.tr;
        let link = |href: &str, id: &str| format!("<a href=\"{href}\">{}</a>", escape(&tr.t(id)));
        tr.tn(
            msg("today-no-own-clients"),
            &[
                ("caseload", &link("/clients", msg("today-caseload-link"))),
                ("flags", &link("/risk-flags", msg("today-risk-flags-link"))),
            ],
        )
    }

    /// Read after "Open session" by screen readers: " with Alex at 10:00".
    fn open_session_with(&self, s: &SessionItem) -> String {
        let tr = &self.layout.tr;
        if s.time.is_empty() {
            tr.ta("today-open-session-with", "client", &s.client_name)
        } else {
            tr.tn("today-open-session-with-at", &[("client", &s.client_name), ("time", &s.time)])
        }
    }

    /// "due today" for a follow-up on its day, else how overdue it is.
    fn task_when(&self, k: &TaskItem) -> String {
        if k.overdue_days == 0 && k.kind == TaskKind::RiskFollowUp {
            self.layout.tr.t("today-task-due-today")
        } else {
            self.layout.tr.ta("today-task-overdue", "days", k.overdue_days)
        }
    }

    fn task_what(&self, k: &TaskItem) -> String {
        let tr = &self.layout.tr;
        match &k.kind {
            TaskKind::AcknowledgeFlag => tr.t("today-task-acknowledge"),
            TaskKind::RiskAssessment => tr.t("today-task-assessment"),
            TaskKind::RiskFollowUp => tr.t("today-task-risk-follow-up"),
            TaskKind::FollowUp { months, instruments } => {
                tr.tn("today-task-follow-up", &[("months", months), ("instruments", instruments)])
            }
        }
    }
}

pub async fn show(State(state): State<AppState>, SignedIn(me): SignedIn) -> AppResult<Html<String>> {
    let date = today::local_date(&state).await;
    let t = today::today(&state, &me, date).await?;
    let layout = Layout::new(&state, &me, crate::i18n::current().t("today-title"), "today").await?;
    render(&TodayPage { layout, t })
}
