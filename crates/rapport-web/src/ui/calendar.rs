//! The calendar of sessions (week and month) with booking, moving and
//! cancelling, and the private iCalendar feed. Each handler calls one use case
//! of `rapport_app::calendar`.

use super::Layout;
use crate::error::{AppError, AppResult};
use crate::html::render;
use crate::identity::{Meta, SignedIn};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Form;
use rapport_app::calendar::{self as use_case, neighbours, View};
use rapport_app::AppState;
use rapport_core::course::Attendance;
use rapport_core::time::format_date;
use rapport_core::ValidationErrors;
use serde::Deserialize;
use time::{Date, Duration};

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/calendar", page)
        .post("/calendar/sessions", book)
        .post("/calendar/sessions/{id}/move", move_session)
        .post("/calendar/sessions/{id}/cancel", cancel)
        .get("/calendar/feed/{file}", feed)
}

#[derive(Deserialize, Default)]
pub struct CalendarQuery {
    view: Option<String>,
    date: Option<String>,
    clinician: Option<String>,
    done: Option<String>,
}

struct Item {
    id: String,
    course_id: String,
    time: String,
    end: String,
    client_name: String,
    clinician_name: String,
    minutes: i64,
    attendance: String,
    attendance_class: &'static str,
    scheduled: bool,
    /// Brief IPT's engagement session (session 0).
    engagement: bool,
    version: i64,
    date: String,
}

struct Day {
    iso: String,
    weekday: String,
    label: String,
    today: bool,
    /// In the month shown (month view; always true in the week view).
    in_range: bool,
    items: Vec<Item>,
}

#[derive(Template)]
#[template(path = "calendar.html")]
struct CalendarPage {
    layout: Layout,
    view: &'static str,
    title: String,
    date: String,
    today: String,
    prev: String,
    next: String,
    days: Vec<Day>,
    /// (id, name, selected)
    clinicians: Vec<(String, String, bool)>,
    clinician: String,
    /// (course id, client name, planned minutes)
    courses: Vec<(String, String, i64)>,
    count: usize,
}

impl CalendarPage {
    /// Read after "Move or cancel" by screen readers.
    fn session_with(&self, s: &Item, d: &Day) -> String {
        self.layout.tr.tn("calendar-session-with", &[("client", &s.client_name), ("date", &d.label)])
    }

    /// "Alex (50 min sessions)".
    fn course_choice(&self, name: &str, minutes: &i64) -> String {
        self.layout.tr.tn("calendar-course-choice", &[("client", &name), ("minutes", minutes)])
    }
}

fn end_time(time: &str, minutes: i64) -> String {
    rapport_core::zone::parse_hhmm(time)
        .map(|t| {
            let e = t + Duration::minutes(minutes);
            format!("{:02}:{:02}", e.hour(), e.minute())
        })
        .unwrap_or_default()
}

pub async fn page(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Query(q): Query<CalendarQuery>,
) -> AppResult<Html<String>> {
    let view = View::parse(q.view.as_deref());
    let cal = use_case::calendar(&state, &me, view, q.date.as_deref(), q.clinician.as_deref()).await?;
    let (prev, next) = neighbours(view, cal.date);
    let tr = crate::i18n::current();
    let mut days = Vec::new();
    let mut d: Date = cal.from;
    while d <= cal.to {
        let items = cal
            .sessions
            .iter()
            .filter(|s| s.session.date == d)
            .map(|s| {
                let minutes = s.session.duration_minutes.map(i64::from).unwrap_or(s.planned_minutes);
                Item {
                    id: s.session.id.to_string(),
                    course_id: s.session.course_id.to_string(),
                    time: s.session.time.clone(),
                    end: end_time(&s.session.time, minutes),
                    client_name: s.client_name.clone(),
                    clinician_name: s.responsible_name.clone(),
                    minutes,
                    attendance: tr.ta("today-attendance", "status", s.session.attendance.as_str()),
                    attendance_class: match s.session.attendance {
                        Attendance::Scheduled => "badge-info",
                        Attendance::Attended => "badge-ok",
                        Attendance::Cancelled => "badge-muted",
                        Attendance::NoShow => "badge-warn",
                    },
                    scheduled: s.session.attendance == Attendance::Scheduled,
                    engagement: s.session.engagement,
                    version: s.session.version,
                    date: format_date(s.session.date),
                }
            })
            .collect();
        days.push(Day {
            iso: format_date(d),
            weekday: tr.t(super::today::WEEKDAYS_SHORT[usize::from(d.weekday().number_days_from_monday())]),
            label: crate::i18n::day(d),
            today: d == cal.today,
            in_range: view == View::Week || d.month() == cal.date.month(),
            items,
        });
        let Some(n) = d.next_day() else { break };
        d = n;
    }
    let title = match view {
        View::Week => tr.ta("calendar-week-of", "date", crate::i18n::day(cal.from)),
        View::Month => {
            let month = tr.month_short(cal.date.month());
            tr.tn("calendar-month-title", &[("month", &month), ("year", &i64::from(cal.date.year()))])
        }
    };
    let selected = cal.clinician.as_ref().map(|c| c.to_string()).unwrap_or_default();
    let p = CalendarPage {
        layout: Layout::new(&state, &me, tr.t("calendar-title"), "calendar").await?.with_done(q.done.as_deref()),
        view: view.as_str(),
        title,
        date: format_date(cal.date),
        today: format_date(cal.today),
        prev: format_date(prev),
        next: format_date(next),
        count: cal.sessions.len(),
        days,
        clinicians: cal
            .clinicians
            .iter()
            .map(|(id, name)| (id.to_string(), name.clone(), id.to_string() == selected))
            .collect(),
        clinician: selected,
        courses: cal
            .courses
            .iter()
            .map(|c| (c.course_id.to_string(), c.client_name.clone(), c.session_minutes))
            .collect(),
    };
    render(&p)
}

#[derive(Deserialize, Default)]
pub struct BookForm {
    course_id: Option<String>,
    date: Option<String>,
    time: Option<String>,
    duration_minutes: Option<String>,
    view: Option<String>,
}

fn back(view: Option<&str>, date: &str, done: &str) -> Response {
    let view = View::parse(view).as_str();
    Redirect::to(&format!("/calendar?view={view}&date={date}&done={done}")).into_response()
}

pub async fn book(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Form(f): Form<BookForm>,
) -> AppResult<Response> {
    let mut unread = ValidationErrors::new();
    let duration = match f.duration_minutes.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => match s.parse::<i64>() {
            Ok(n) => Some(n),
            Err(_) => {
                unread.add_key("duration_minutes", crate::i18n::msg("calendar-duration-whole"), vec![]);
                None
            }
        },
    };
    let date = f.date.unwrap_or_default();
    let s = use_case::book(
        &state,
        &me,
        f.course_id.as_deref().unwrap_or_default(),
        &date,
        f.time.as_deref().unwrap_or_default(),
        duration,
        unread,
    )
    .await?;
    Ok(back(f.view.as_deref(), &format_date(s.date), "session-booked"))
}

#[derive(Deserialize, Default)]
pub struct MoveForm {
    date: Option<String>,
    time: Option<String>,
    version: Option<String>,
    view: Option<String>,
}

fn version(v: Option<&str>) -> AppResult<Option<i64>> {
    match v.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => s.parse().map(Some).map_err(|_| AppError::invalid("version", "The version must be a number")),
    }
}

pub async fn move_session(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Form(f): Form<MoveForm>,
) -> AppResult<Response> {
    let v = version(f.version.as_deref())?;
    let s = use_case::move_session(
        &state,
        &me,
        &id,
        f.date.as_deref().unwrap_or_default(),
        f.time.as_deref().unwrap_or_default(),
        v,
    )
    .await?;
    Ok(back(f.view.as_deref(), &format_date(s.date), "session-moved"))
}

pub async fn cancel(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Form(f): Form<MoveForm>,
) -> AppResult<Response> {
    let v = version(f.version.as_deref())?;
    let s = use_case::cancel_session(&state, &me, &id, v).await?;
    Ok(back(f.view.as_deref(), &format_date(s.date), "session-cancelled"))
}

/// `GET /calendar/feed/{secret}.ics`: no sign-in; unknown or reset secrets are 404.
pub async fn feed(State(state): State<AppState>, Meta(meta): Meta, Path(file): Path<String>) -> Response {
    let Some(secret) = file.strip_suffix(".ics") else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match use_case::feed(&state, secret, &meta).await {
        Ok(text) => (
            [
                (header::CONTENT_TYPE, HeaderValue::from_static("text/calendar; charset=utf-8")),
                (header::CACHE_CONTROL, HeaderValue::from_static("private, no-store")),
            ],
            text,
        )
            .into_response(),
        Err(rapport_app::Error::NotFound) => (StatusCode::NOT_FOUND, "Not found").into_response(),
        Err(e) => AppError::from(e).into_response(),
    }
}
