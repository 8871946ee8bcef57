//! The calendar of sessions and each account's private calendar feed.
//!
//! The course's sessions are the one source: the calendar reads them
//! (`calendar.read`, audited with every client shown), books a session through
//! `courses::add_session`, and moves or cancels one through
//! `courses::update_session` with its version check. The feed (`/calendar/feed/
//! {secret}.ics`) needs no sign-in: its secret is kept as SHA-256, can be
//! reset from the account page, and every read is audited as the owner.

use crate::access::course::course_for;
use crate::access::{clients_shown, require_caseload, Purpose};
use crate::caller::{new_secret, secret_hash, Identity};
use crate::courses::{add_session, update_session, SessionInput};
use crate::{clock, AppResult, AppState, Error};
use rapport_core::audit::{action, AuditEvent, Outcome};
use rapport_core::course::Attendance;
use rapport_core::ical::{self, Event, When};
use rapport_core::time::{format_date, parse_date};
use rapport_core::zone::{parse_hhmm, Zone};
use rapport_core::{Id, Timestamp, ValidationErrors};
use rapport_i18n::{msg, Tr};
use rapport_store::calendar::{BookableCourse, CalendarFeed, CalendarSession};
use rapport_store::courses::TherapySession;
use time::{Date, Duration};

/// Week (Monday to Sunday) or month (the whole weeks that cover it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Week,
    Month,
}

impl View {
    pub fn parse(s: Option<&str>) -> View {
        match s {
            Some("month") => View::Month,
            _ => View::Week,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            View::Week => "week",
            View::Month => "month",
        }
    }
}

/// The Monday on or before `d`.
pub fn week_start(d: Date) -> Date {
    d - Duration::days(d.weekday().number_days_from_monday() as i64)
}

/// The first and last day shown for `view` around `d`.
pub fn range(view: View, d: Date) -> (Date, Date) {
    match view {
        View::Week => {
            let from = week_start(d);
            (from, from + Duration::days(6))
        }
        View::Month => {
            let first = d.replace_day(1).unwrap_or(d);
            let last = first.month().length(first.year());
            let end = first.replace_day(last).unwrap_or(first);
            let to = end + Duration::days(6 - end.weekday().number_days_from_monday() as i64);
            (week_start(first), to)
        }
    }
}

/// The date of the previous and next page of `view` from `d`.
pub fn neighbours(view: View, d: Date) -> (Date, Date) {
    match view {
        View::Week => (d - Duration::days(7), d + Duration::days(7)),
        View::Month => {
            let first = d.replace_day(1).unwrap_or(d);
            let prev = (first - Duration::days(1)).replace_day(1).unwrap_or(first);
            let next = first + Duration::days(first.month().length(first.year()) as i64);
            (prev, next)
        }
    }
}

/// What the calendar page shows.
pub struct Calendar {
    pub view: View,
    /// The day asked for (today when none was).
    pub date: Date,
    pub from: Date,
    pub to: Date,
    pub today: Date,
    pub sessions: Vec<CalendarSession>,
    /// The clinicians whose clients are in the caller's scope (id, name), the caller first.
    pub clinicians: Vec<(Id, String)>,
    /// The clinician filtered on, if any.
    pub clinician: Option<Id>,
    /// Open courses a session can be booked in.
    pub courses: Vec<BookableCourse>,
}

/// The calendar around `date` (`YYYY-MM-DD`; blank: today) for the caller:
/// sessions of the clients on their care teams and, for a supervisor, of
/// their supervisees' clients; `clinician` narrows to one responsible
/// clinician. Audited as `calendar.read` with the clients shown.
#[crate::boxing::boxed_future]
pub async fn calendar(
    state: &AppState,
    me: &Identity,
    view: View,
    date: Option<&str>,
    clinician: Option<&str>,
) -> AppResult<Calendar> {
    require_caseload(state, me).await?;
    let today = clock::today();
    let date = match date.map(str::trim).filter(|s| !s.is_empty()) {
        None => today,
        Some(s) => parse_date(s).ok_or_else(|| invalid("date", rapport_core::msg("calendar-error-date")))?,
    };
    let (from, to) = range(view, date);
    let all = state.store.calendar_sessions(&me.user.id, from, to).await?;
    let courses_all = state.store.bookable_courses(&me.user.id).await?;
    let mut clinicians: Vec<(Id, String)> = vec![(me.user.id.clone(), me.user.name.clone())];
    for s in &all {
        if !clinicians.iter().any(|(id, _)| id == &s.responsible_id) {
            clinicians.push((s.responsible_id.clone(), s.responsible_name.clone()));
        }
    }
    let clinician = match clinician.map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(raw) => {
            Some(Id::parse(raw).ok_or_else(|| invalid("clinician", rapport_core::msg("caseload-error-clinician")))?)
        }
    };
    let sessions: Vec<CalendarSession> =
        all.into_iter().filter(|s| clinician.as_ref().is_none_or(|c| &s.responsible_id == c)).collect();
    let courses =
        courses_all.into_iter().filter(|c| clinician.as_ref().is_none_or(|id| &c.responsible_id == id)).collect();
    let mut e = me.event(action::CALENDAR_READ, "session");
    e.detail = Some(format!(
        "{} from {} to {}: {} sessions; {}",
        view.as_str(),
        format_date(from),
        format_date(to),
        sessions.len(),
        clients_shown(sessions.iter().map(|s| &s.session.client_id))
    ));
    state.store.audit(e).await?;
    Ok(Calendar { view, date, from, to, today, sessions, clinicians, clinician, courses })
}

/// A refusal worded by the interface message `id`.
fn invalid(field: &str, id: &'static str) -> Error {
    Error::keyed(field, id, vec![])
}

/// Books a session in an open course through `courses::add_session` (scheduled, in person).
#[crate::boxing::boxed_future]
pub async fn book(
    state: &AppState,
    me: &Identity,
    course_id: &str,
    date: &str,
    time: &str,
    duration_minutes: Option<i64>,
    unread: ValidationErrors,
) -> AppResult<TherapySession> {
    require_caseload(state, me).await?;
    let course_id = course_id.trim();
    if course_id.is_empty() {
        return Err(invalid("course_id", rapport_core::msg("calendar-error-course")));
    }
    let cx = course_for(state, me, course_id, Purpose::Write).await?;
    let input = SessionInput {
        date: Some(date.to_string()),
        time: Some(time.to_string()),
        modality: None,
        attendance: Some(Attendance::Scheduled.as_str().into()),
        duration_minutes: duration_minutes.or(Some(cx.course.session_minutes as i64)),
        engagement: false,
    };
    add_session(state, me, &cx, &input, unread).await
}

/// Moves a scheduled session to another date and time (`version`: as the caller saw it).
#[crate::boxing::boxed_future]
pub async fn move_session(
    state: &AppState,
    me: &Identity,
    session_id: &str,
    date: &str,
    time: &str,
    version: Option<i64>,
) -> AppResult<TherapySession> {
    let (cx, cur) = scheduled(state, me, session_id).await?;
    let input = SessionInput { date: Some(date.to_string()), time: Some(time.to_string()), ..Default::default() };
    update_session(state, me, &cx, cur.id.as_str(), input, version, ValidationErrors::new()).await
}

/// Cancels a scheduled session (attendance "cancelled", the existing rules apply).
#[crate::boxing::boxed_future]
pub async fn cancel_session(
    state: &AppState,
    me: &Identity,
    session_id: &str,
    version: Option<i64>,
) -> AppResult<TherapySession> {
    let (cx, cur) = scheduled(state, me, session_id).await?;
    let input = SessionInput { attendance: Some(Attendance::Cancelled.as_str().into()), ..Default::default() };
    update_session(state, me, &cx, cur.id.as_str(), input, version, ValidationErrors::new()).await
}

/// The session and its course, loaded through the access check; only a
/// scheduled session may be moved or cancelled from the calendar.
async fn scheduled(
    state: &AppState,
    me: &Identity,
    session_id: &str,
) -> AppResult<(crate::access::course::CourseContext, TherapySession)> {
    let sid = Id::parse(session_id).ok_or(Error::NotFound)?;
    let s = state.store.therapy_session(&sid).await?.ok_or(Error::NotFound)?;
    let cx = course_for(state, me, s.course_id.as_str(), Purpose::Write).await?;
    if s.attendance != Attendance::Scheduled {
        return Err(invalid("attendance", rapport_core::msg("calendar-error-not-scheduled")));
    }
    Ok((cx, s))
}

// ---- the private feed -------------------------------------------------------

/// The address of a feed: the public URL (when configured) and the path.
pub fn feed_url(state: &AppState, secret: &str) -> String {
    let base = state.config.public_url.as_deref().unwrap_or_default().trim_end_matches('/');
    format!("{base}/calendar/feed/{secret}.ics")
}

/// The caller's feed settings.
#[crate::boxing::boxed_future]
pub async fn feed_settings(state: &AppState, me: &Identity) -> AppResult<CalendarFeed> {
    Ok(state.store.calendar_feed(&me.user.id).await?)
}

/// The caller's feed URL, if a feed exists and its secret can be opened.
#[crate::boxing::boxed_future]
pub async fn feed_url_of(state: &AppState, me: &Identity) -> AppResult<Option<String>> {
    let f = state.store.calendar_feed(&me.user.id).await?;
    Ok(f.secret.filter(|_| f.has_secret).map(|s| feed_url(state, &s)))
}

/// Creates or replaces the caller's feed secret and returns the new URL (the
/// old one answers 404 from now on).
#[crate::boxing::boxed_future]
pub async fn reset_feed(state: &AppState, me: &Identity) -> AppResult<String> {
    require_caseload(state, me).await?;
    let secret = new_secret();
    let e = me.event(action::CALENDAR_FEED_RESET, "calendar_feed");
    state.store.set_calendar_secret(&me.user.id, &secret_hash(&secret), &secret, e).await?;
    Ok(feed_url(state, &secret))
}

/// Whether the caller's feed names clients in full (else by initials).
#[crate::boxing::boxed_future]
pub async fn set_full_names(state: &AppState, me: &Identity, full: bool) -> AppResult<()> {
    require_caseload(state, me).await?;
    let mut e = me.event(action::CALENDAR_FEED_NAMES, "calendar_feed");
    e.detail = Some(if full { "full names" } else { "initials" }.into());
    state.store.set_calendar_full_names(&me.user.id, full, e).await?;
    Ok(())
}

/// Days before and after today a feed covers.
const FEED_PAST_DAYS: i64 = 90;
const FEED_FUTURE_DAYS: i64 = 366;

/// The feed of the account whose secret is `secret` (with or without ".ics"),
/// as iCalendar text. Unknown secrets, reset ones and inactive accounts are
/// `NotFound`. The read is audited as the owner ("calendar feed").
#[crate::boxing::boxed_future]
pub async fn feed(state: &AppState, secret: &str, meta: &crate::caller::RequestMeta) -> AppResult<String> {
    let secret = secret.strip_suffix(".ics").unwrap_or(secret);
    if secret.is_empty() || secret.len() > 128 {
        return Err(Error::NotFound);
    }
    let owner = state.store.calendar_feed_owner(&secret_hash(secret)).await?.ok_or(Error::NotFound)?;
    let user = state.store.user(&owner).await?.ok_or(Error::NotFound)?;
    let actor = rapport_core::access::Actor { role: user.role, practises: user.practises };
    if !user.active || !actor.can_hold_caseload() {
        return Err(Error::NotFound);
    }
    let settings = state.store.calendar_feed(&user.id).await?;
    let zone = state.zone().await;
    let now = Timestamp::now();
    let today = zone.date_of(now);
    let sessions = state
        .store
        .calendar_sessions(&user.id, today - Duration::days(FEED_PAST_DAYS), today + Duration::days(FEED_FUTURE_DAYS))
        .await?;
    let host = state
        .config
        .public_url
        .as_deref()
        .and_then(|u| u.split("://").nth(1))
        .map(|h| h.trim_end_matches('/').to_string())
        .unwrap_or_else(|| "rapport".into());
    let shown: Vec<&CalendarSession> = sessions
        .iter()
        .filter(|s| {
            matches!(s.session.attendance, Attendance::Scheduled | Attendance::Attended | Attendance::Cancelled)
        })
        .collect();
    let org = state.organisation().await?;
    // Worded in the account's language (else the organisation's), as its e-mails are.
    let tr = crate::notices::staff_language(&user, &org.default_language);
    let events: Vec<Event> = shown.iter().map(|s| event(&tr, s, &zone, settings.full_names, &host)).collect();
    let name = tr.tn(msg("calendar-feed-name"), &[("organisation", &org.name), ("clinician", &user.name)]);
    let text = ical::calendar(&name, &events, now);
    let mut e = AuditEvent {
        actor_id: Some(user.id.to_string()),
        actor_label: format!("{} (calendar feed)", user.email),
        action: action::CALENDAR_FEED.into(),
        resource_type: "calendar_feed".into(),
        ip: meta.ip.clone(),
        user_agent: meta.user_agent.clone(),
        outcome: Outcome::Success.as_str().into(),
        ..Default::default()
    };
    e.detail = Some(format!(
        "calendar feed: {} sessions, {}; {}",
        events.len(),
        if settings.full_names { "full names" } else { "initials" },
        clients_shown(shown.iter().map(|s| &s.session.client_id))
    ));
    state.store.audit(e).await?;
    Ok(text)
}

/// One session as an event, worded in `tr`'s language (brief IPT's
/// engagement session named as such): local wall-clock time read in the
/// organisation's zone and given in UTC; no time: an all-day event.
pub fn event(tr: &Tr, s: &CalendarSession, zone: &Zone, full_names: bool, host: &str) -> Event {
    let minutes = s.session.duration_minutes.map(i64::from).unwrap_or(s.planned_minutes).clamp(5, 24 * 60);
    let when = match parse_hhmm(&s.session.time) {
        None => When::AllDay(s.session.date),
        Some(t) => {
            let start = zone.to_utc(s.session.date, t);
            When::Timed { start, end: start.plus(Duration::minutes(minutes)) }
        }
    };
    let who = if full_names { s.client_name.clone() } else { ical::initials(&s.client_name) };
    Event {
        uid: format!("session-{}@{host}", s.session.id),
        when,
        summary: if s.session.engagement {
            tr.ta(msg("calendar-feed-summary-engagement"), "client", who)
        } else {
            tr.ta(msg("calendar-feed-summary"), "client", who)
        },
        description: tr.tn(
            msg("calendar-feed-description"),
            &[
                ("attendance", &tr.t(s.session.attendance.message())),
                ("modality", &tr.t(s.session.modality.message())),
                ("minutes", &minutes),
            ],
        ),
        cancelled: s.session.attendance == Attendance::Cancelled,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn on(date: Date, time: &str, attendance: Attendance) -> CalendarSession {
        CalendarSession {
            session: TherapySession {
                id: Id::new(),
                course_id: Id::new(),
                client_id: Id::new(),
                date,
                time: time.into(),
                modality: rapport_core::course::Modality::Video,
                attendance,
                duration_minutes: None,
                phase_override: None,
                version: 1,
                created_at: Timestamp::now(),
                created_by: Id::new(),
                engagement: false,
            },
            client_name: "Maria van der Berg".into(),
            responsible_id: Id::new(),
            responsible_name: "Dr Who".into(),
            course_status: "active".into(),
            planned_minutes: 50,
        }
    }

    #[test]
    fn feed_events_read_local_times_in_the_zone_across_clock_changes() {
        let london = Zone::parse("Europe/London").unwrap();
        // The Sunday clocks go forward (29 March 2026) and the day after.
        let en = Tr::new("en");
        let e = event(&en, &on(date!(2026 - 03 - 29), "10:00", Attendance::Scheduled), &london, false, "h");
        assert_eq!(
            e.when,
            When::Timed {
                start: Timestamp::parse("2026-03-29T09:00:00Z").unwrap(),
                end: Timestamp::parse("2026-03-29T09:50:00Z").unwrap()
            }
        );
        let e = event(&en, &on(date!(2026 - 03 - 28), "10:00", Attendance::Attended), &london, false, "h");
        assert!(
            matches!(e.when, When::Timed { start, .. } if start == Timestamp::parse("2026-03-28T10:00:00Z").unwrap())
        );
        assert_eq!(e.summary, "IPT session: M.V.D.B.");
        assert!(!e.cancelled);
        let s = on(date!(2026 - 10 - 25), "", Attendance::Cancelled);
        let e = event(&en, &s, &london, true, "clinic.example");
        assert_eq!(e.when, When::AllDay(date!(2026 - 10 - 25)));
        assert_eq!(e.summary, "IPT session: Maria van der Berg");
        assert!(e.cancelled);
        assert_eq!(e.uid, format!("session-{}@clinic.example", s.session.id));
    }

    #[test]
    fn feed_events_are_worded_in_the_language_given_and_name_the_engagement_session() {
        let utc = Zone::parse("UTC").unwrap();
        let mut s = on(date!(2026 - 03 - 02), "09:00", Attendance::Attended);
        let e = event(&Tr::new("en"), &s, &utc, true, "h");
        assert_eq!(e.description, "Attended · Video · 50 min");
        s.session.engagement = true;
        let e = event(&Tr::new("en"), &s, &utc, true, "h");
        assert_eq!(e.summary, "IPT engagement session (session 0): Maria van der Berg");
        let es = event(&Tr::new("es"), &s, &utc, false, "h");
        assert_eq!(es.summary, "Sesión de enganche de TIP (sesión 0): M.V.D.B.");
        assert_eq!(es.description, "Asistió · Videollamada · 50 min");
        let fr = event(&Tr::new("fr"), &s, &utc, false, "h");
        assert!(fr.summary.starts_with("Séance d’engagement"), "{}", fr.summary);
    }

    #[test]
    fn weeks_start_on_monday_and_months_cover_whole_weeks() {
        // 4 December 2026 is a Friday.
        assert_eq!(range(View::Week, date!(2026 - 12 - 04)), (date!(2026 - 11 - 30), date!(2026 - 12 - 06)));
        assert_eq!(range(View::Week, date!(2026 - 11 - 30)), (date!(2026 - 11 - 30), date!(2026 - 12 - 06)));
        assert_eq!(range(View::Week, date!(2026 - 12 - 06)), (date!(2026 - 11 - 30), date!(2026 - 12 - 06)));
        assert_eq!(range(View::Month, date!(2026 - 12 - 04)), (date!(2026 - 11 - 30), date!(2027 - 01 - 03)));
        // February 2027 starts on a Monday and ends on a Sunday: exactly four weeks.
        assert_eq!(range(View::Month, date!(2027 - 02 - 15)), (date!(2027 - 02 - 01), date!(2027 - 02 - 28)));
        assert_eq!(neighbours(View::Month, date!(2026 - 12 - 31)), (date!(2026 - 11 - 01), date!(2027 - 01 - 01)));
        assert_eq!(neighbours(View::Month, date!(2026 - 01 - 31)), (date!(2025 - 12 - 01), date!(2026 - 02 - 01)));
        assert_eq!(neighbours(View::Week, date!(2026 - 12 - 04)), (date!(2026 - 11 - 27), date!(2026 - 12 - 11)));
        assert_eq!(View::parse(Some("month")), View::Month);
        assert_eq!(View::parse(Some("year")), View::Week);
    }
}
