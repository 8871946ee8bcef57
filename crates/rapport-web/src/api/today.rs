//! API v1 for Today: the caller's sessions today and this week, unsigned
//! notes, measures due, open risk flags and overdue tasks, for the clients on
//! their own care teams. Same use case as the staff page
//! (`rapport_app::today::today`).

use crate::error::{ApiResult, ErrorBody};
use crate::identity::ApiCaller;
use axum::extract::State;
use axum::Json;
use rapport_app::today::{self, FlagItem, MeasureItem, NoteItem, SessionItem, TaskItem, Today};
use rapport_app::AppState;
use rapport_core::time::format_date;
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/api/v1/today", get_today)
}

#[derive(OpenApi)]
#[openapi(
    paths(get_today),
    components(schemas(TodayJson, TodaySessionJson, TodayNoteJson, TodayMeasureJson, TodayFlagJson, TodayTaskJson)),
    tags((name = "today", description = "The caller's day: sessions, unsigned notes, measures due, open risk flags, overdue tasks"))
)]
pub struct TodayDoc;

#[derive(Serialize, ToSchema)]
pub struct TodaySessionJson {
    pub session_id: String,
    pub course_id: String,
    pub client_id: String,
    pub client_name: String,
    /// `YYYY-MM-DD`, the organisation's local date.
    pub date: String,
    /// `HH:MM` local time, or empty when not set.
    pub time: String,
    /// The course's protocol name.
    pub course_name: String,
    /// Held: its number; scheduled: the number it will have if held; otherwise null.
    /// 0 for brief IPT's engagement session (see `engagement`).
    pub number: Option<u32>,
    /// Brief IPT's optional engagement session (session 0), counted in no session count.
    pub engagement: bool,
    /// `scheduled`, `attended`, `cancelled` or `no_show`.
    pub attendance: String,
    /// The session page.
    pub href: String,
}

#[derive(Serialize, ToSchema)]
pub struct TodayNoteJson {
    pub session: TodaySessionJson,
    /// Days since the session.
    pub age_days: i64,
    /// A draft was started (false: no note yet).
    pub draft: bool,
}

#[derive(Serialize, ToSchema)]
pub struct TodayMeasureJson {
    pub client_id: String,
    pub client_name: String,
    /// Short names of overdue scheduled measures.
    pub overdue: Vec<String>,
    /// Short names of scheduled measures due.
    pub due: Vec<String>,
    pub href: String,
}

#[derive(Serialize, ToSchema)]
pub struct TodayFlagJson {
    pub flag_id: String,
    pub client_id: String,
    pub client_name: String,
    /// The latest assessment's level (`low`, `moderate`, `high`, `imminent`); null: not yet assessed.
    pub level: Option<String>,
    /// `open` or `acknowledged`.
    pub status: String,
    pub raised_at: String,
    pub age_days: i64,
    pub href: String,
}

#[derive(Serialize, ToSchema)]
pub struct TodayTaskJson {
    pub client_id: String,
    pub client_name: String,
    pub what: String,
    /// `YYYY-MM-DD`
    pub due: String,
    pub overdue_days: i64,
    pub href: String,
}

#[derive(Serialize, ToSchema)]
pub struct TodayJson {
    /// `YYYY-MM-DD`, the organisation's local date.
    pub date: String,
    /// The last day (Sunday) of this week.
    pub week_end: String,
    pub sessions_today: Vec<TodaySessionJson>,
    /// After today until the end of the week.
    pub sessions_week: Vec<TodaySessionJson>,
    /// Held sessions whose note is not signed, oldest first.
    pub unsigned_notes: Vec<TodayNoteJson>,
    pub measures_due: Vec<TodayMeasureJson>,
    /// Risk flags not yet closed, highest level first (unassessed after high), then oldest.
    pub open_flags: Vec<TodayFlagJson>,
    /// Work past its due date, most overdue first.
    pub overdue_tasks: Vec<TodayTaskJson>,
}

fn session(s: SessionItem) -> TodaySessionJson {
    TodaySessionJson {
        session_id: s.session_id.to_string(),
        course_id: s.course_id.to_string(),
        client_id: s.client_id.to_string(),
        client_name: s.client_name,
        date: format_date(s.date),
        time: s.time,
        course_name: s.course_name,
        number: s.number,
        engagement: s.engagement,
        attendance: s.attendance.as_str().into(),
        href: s.href,
    }
}

impl From<Today> for TodayJson {
    fn from(t: Today) -> Self {
        let note = |n: NoteItem| TodayNoteJson { session: session(n.session), age_days: n.age_days, draft: n.draft };
        let measure = |m: MeasureItem| TodayMeasureJson {
            client_id: m.client_id.to_string(),
            client_name: m.client_name,
            overdue: m.overdue,
            due: m.due,
            href: m.href,
        };
        let flag = |f: FlagItem| TodayFlagJson {
            flag_id: f.flag_id.to_string(),
            client_id: f.client_id.to_string(),
            client_name: f.client_name,
            level: f.level.map(|l| l.as_str().to_string()),
            status: f.status.as_str().into(),
            raised_at: f.raised_at.to_db(),
            age_days: f.age_days,
            href: f.href,
        };
        let task = |t: TaskItem| TodayTaskJson {
            client_id: t.client_id.to_string(),
            client_name: t.client_name,
            what: t.what,
            due: format_date(t.due),
            overdue_days: t.overdue_days,
            href: t.href,
        };
        TodayJson {
            date: format_date(t.date),
            week_end: format_date(t.week_end),
            sessions_today: t.sessions_today.into_iter().map(session).collect(),
            sessions_week: t.sessions_week.into_iter().map(session).collect(),
            unsigned_notes: t.unsigned_notes.into_iter().map(note).collect(),
            measures_due: t.measures_due.into_iter().map(measure).collect(),
            open_flags: t.flags.into_iter().map(flag).collect(),
            overdue_tasks: t.tasks.into_iter().map(task).collect(),
        }
    }
}

/// The caller's day (caseload holders; the clients on their own care teams).
#[utoipa::path(get, path = "/api/v1/today", tag = "today",
    responses((status = 200, body = TodayJson), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn get_today(State(state): State<AppState>, ApiCaller(me): ApiCaller) -> ApiResult<Json<TodayJson>> {
    let date = today::local_date(&state).await;
    Ok(Json(today::today(&state, &me, date).await?.into()))
}
