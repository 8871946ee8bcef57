//! Today: the home page of a clinician or facilitator (and of a supervisor,
//! for the clients on their own care teams): today's and the rest of this
//! week's sessions, unsigned notes of held sessions, measures due, open risk
//! flags and overdue tasks, each with the address of the work. The staff page
//! and `GET /api/v1/today` both call [`today`].

use crate::access::{clients_shown, require_caseload};
use crate::caller::Identity;
use crate::clients::measure_markers;
use crate::{AppResult, AppState};
use rapport_core::audit::action;
use rapport_core::course::{number_sessions, Attendance};
use rapport_core::escalation::{timing, Deadline, FlagClock};
use rapport_core::risk::{FlagStatus, RiskLevel};
use rapport_core::today::{age_days, flag_rank, shown_numbers};
use rapport_core::{Id, Timestamp};
use rapport_store::courses::TherapySession;
use std::collections::HashMap;
use time::{Date, PrimitiveDateTime};

/// What the staff navigation's badges count for the caller: break-glass
/// openings not yet reviewed (administrators) and their risk flags not yet
/// handled (anyone who holds a caseload); 0 where the role has none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NavCounts {
    pub pending_reviews: i64,
    pub unhandled_risk_flags: i64,
}

#[crate::boxing::boxed_future]
pub async fn nav_counts(state: &AppState, me: &Identity) -> AppResult<NavCounts> {
    let actor = me.actor();
    Ok(NavCounts {
        pending_reviews: if actor.can_administer() { state.store.count_unreviewed_break_glass().await? } else { 0 },
        unhandled_risk_flags: if actor.can_hold_caseload() {
            state.store.count_unhandled_risk_flags(&me.user.id).await?
        } else {
            0
        },
    })
}

/// The organisation's local date and time now (its time zone setting; see
/// `crate::clock`). The reminder job asks here, outside any request.
#[crate::boxing::boxed_future]
pub async fn local_now(state: &AppState) -> PrimitiveDateTime {
    state.zone().await.local(Timestamp::now())
}

/// The organisation's local date today.
#[crate::boxing::boxed_future]
pub async fn local_date(state: &AppState) -> Date {
    local_now(state).await.date()
}

/// A session on the page.
#[derive(Clone, Debug)]
pub struct SessionItem {
    pub session_id: Id,
    pub course_id: Id,
    pub client_id: Id,
    pub client_name: String,
    pub date: Date,
    /// "HH:MM" or empty.
    pub time: String,
    /// The course's protocol name.
    pub course_name: String,
    /// Held: its number; scheduled: the number it will have; otherwise none.
    pub number: Option<u32>,
    /// Brief IPT's engagement session (session 0).
    pub engagement: bool,
    pub attendance: Attendance,
    /// The session page.
    pub href: String,
}

/// A held session whose progress note is not signed.
#[derive(Clone, Debug)]
pub struct NoteItem {
    pub session: SessionItem,
    /// Days since the session.
    pub age_days: i64,
    /// A draft was started (otherwise there is no note yet).
    pub draft: bool,
}

/// A client with scheduled measures due or overdue.
#[derive(Clone, Debug)]
pub struct MeasureItem {
    pub client_id: Id,
    pub client_name: String,
    /// Short names.
    pub overdue: Vec<String>,
    pub due: Vec<String>,
    pub href: String,
}

/// A risk flag not yet closed.
#[derive(Clone, Debug)]
pub struct FlagItem {
    pub flag_id: Id,
    pub client_id: Id,
    pub client_name: String,
    /// The latest assessment's level; none: not yet assessed.
    pub level: Option<RiskLevel>,
    pub status: FlagStatus,
    pub raised_at: Timestamp,
    pub age_days: i64,
    pub href: String,
}

/// Work with a due date that has passed.
#[derive(Clone, Debug)]
pub struct TaskItem {
    pub client_id: Id,
    pub client_name: String,
    /// "Risk assessment", "Follow-up measures at 3 months (PHQ-9, GAD-7)".
    pub what: String,
    /// What `what` says, for the pages to word in the reader's language.
    pub kind: TaskKind,
    pub due: Date,
    /// Days past the due date.
    pub overdue_days: i64,
    pub href: String,
}

/// The kind of overdue work.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TaskKind {
    AcknowledgeFlag,
    RiskAssessment,
    /// A risk assessment's follow-up date has come (due from that day, until
    /// a later assessment or a signed note's risk check on or after it).
    RiskFollowUp,
    /// Follow-up measures `months` after the course, with the questionnaires' short names.
    FollowUp {
        months: i64,
        instruments: String,
    },
}

/// The Today page's content for one person and one (local) date.
#[derive(Clone, Debug)]
pub struct Today {
    pub date: Date,
    /// The last day counted as "this week" (Sunday).
    pub week_end: Date,
    pub sessions_today: Vec<SessionItem>,
    /// After today until the end of the week, in time order.
    pub sessions_week: Vec<SessionItem>,
    /// Oldest first.
    pub unsigned_notes: Vec<NoteItem>,
    pub measures_due: Vec<MeasureItem>,
    /// Highest level first (`rapport_core::today::flag_rank`), then oldest.
    pub flags: Vec<FlagItem>,
    /// Most overdue first.
    pub tasks: Vec<TaskItem>,
    /// Clients on the caller's own care teams.
    pub clients: usize,
}

/// The last day (Sunday) of `date`'s week.
pub fn week_end(date: Date) -> Date {
    date.saturating_add(time::Duration::days(6 - date.weekday().number_days_from_monday() as i64))
}

/// Session numbers and course names for the courses of `sessions`.
async fn numbering(
    state: &AppState,
    sessions: &[&TherapySession],
) -> AppResult<(HashMap<Id, Option<u32>>, HashMap<Id, String>)> {
    let mut numbers = HashMap::new();
    let mut names = HashMap::new();
    let mut courses: Vec<&Id> = sessions.iter().map(|s| &s.course_id).collect();
    courses.sort();
    courses.dedup();
    for course_id in courses {
        let Some(course) = state.store.course(course_id).await? else { continue };
        let all = state.store.course_sessions(course_id).await?;
        let slots: Vec<_> = all.iter().map(|s| s.slot()).collect();
        let protocol = state.config.protocols.get(&course.protocol_id);
        let held: Vec<Option<u32>> = match protocol {
            Some(p) => number_sessions(p, course.planned_sessions, &slots).into_iter().map(|(n, _)| n).collect(),
            None => vec![None; slots.len()],
        };
        for (s, n) in all.iter().zip(shown_numbers(&slots, &held)) {
            numbers.insert(s.id.clone(), n);
        }
        let name = protocol.map(|p| p.name_in(rapport_i18n::current().lang()).to_string());
        names.insert(course.id.clone(), name.unwrap_or(course.protocol_id.clone()));
    }
    Ok((numbers, names))
}

/// What `me` has to do on `date` (their local date: [`local_date`]), for the
/// clients on their own care teams. The read is audited as a list view
/// naming every client shown.
#[crate::boxing::boxed_future]
pub async fn today(state: &AppState, me: &Identity, date: Date) -> AppResult<Today> {
    require_caseload(state, me).await?;
    let rows = state.store.own_caseload(&me.user.id).await?;
    let names: HashMap<Id, String> = rows.iter().map(|r| (r.id.clone(), r.display_name.clone())).collect();
    let ids: Vec<Id> = rows.iter().map(|r| r.id.clone()).collect();
    let name = |id: &Id| names.get(id).cloned().unwrap_or_default();
    let end = week_end(date);

    // Sessions: today and the rest of the week; held sessions with unsigned notes.
    let week = state.store.sessions_between(&ids, date, end).await?;
    let unsigned = state.store.unsigned_held_sessions(&ids).await?;
    let all: Vec<&TherapySession> = week.iter().chain(unsigned.iter()).collect();
    let (numbers, course_names) = numbering(state, &all).await?;
    let item = |s: &TherapySession| SessionItem {
        session_id: s.id.clone(),
        course_id: s.course_id.clone(),
        client_id: s.client_id.clone(),
        client_name: name(&s.client_id),
        date: s.date,
        time: s.time.clone(),
        course_name: course_names.get(&s.course_id).cloned().unwrap_or_default(),
        number: numbers.get(&s.id).copied().flatten(),
        engagement: s.engagement,
        attendance: s.attendance,
        href: format!("/courses/{}/sessions/{}", s.course_id, s.id),
    };
    let (sessions_today, sessions_week): (Vec<_>, Vec<_>) = week.iter().map(item).partition(|s| s.date == date);
    let mut unsigned_notes = Vec::new();
    for s in unsigned.iter().filter(|s| s.date <= date) {
        let draft = state.store.progress_note(&s.id).await?.is_some();
        unsigned_notes.push(NoteItem { session: item(s), age_days: age_days(s.date, date), draft });
    }

    // Measures due: the caseload's schedule logic.
    let markers = measure_markers(state, &rows).await?;
    let measures_due: Vec<MeasureItem> = rows
        .iter()
        .filter_map(|r| {
            let m = markers.get(r.id.as_str())?;
            (!m.overdue.is_empty() || !m.due.is_empty()).then(|| MeasureItem {
                client_id: r.id.clone(),
                client_name: r.display_name.clone(),
                overdue: m.overdue.clone(),
                due: m.due.clone(),
                href: format!("/clients/{}/measures", r.id),
            })
        })
        .collect();

    // Open flags on these clients, and their deadlines as tasks.
    let now = Timestamp::now();
    let zone = state.zone().await;
    let deadlines = crate::risk::deadlines(state).await?;
    let mut flags = Vec::new();
    let mut tasks = Vec::new();
    for f in state.store.visible_risk_flags(&me.user.id, None).await? {
        if f.status == FlagStatus::Closed || !names.contains_key(&f.client_id) {
            continue;
        }
        let level = state.store.risk_assessments(&f.id).await?.first().map(|a| a.assessment.risk_level);
        let clock = FlagClock {
            raised_at: f.raised_at,
            acknowledged_at: f.acknowledged_at,
            assessed_at: f.assessed_at,
            closed_at: f.closed_at,
            responsible_active: f.responsible_active,
        };
        for d in Deadline::ALL {
            let t = timing(&clock, &deadlines, d, now);
            if t.overdue {
                let (what, kind) = match d {
                    Deadline::Acknowledgement => ("Acknowledge the risk flag", TaskKind::AcknowledgeFlag),
                    Deadline::Assessment => ("Risk assessment", TaskKind::RiskAssessment),
                };
                tasks.push(TaskItem {
                    client_id: f.client_id.clone(),
                    client_name: f.client_name.clone(),
                    what: what.into(),
                    kind,
                    due: zone.date_of(t.deadline_at),
                    overdue_days: age_days(zone.date_of(t.deadline_at), date),
                    href: format!("/risk-flags/{}", f.id),
                });
            }
        }
        flags.push(FlagItem {
            flag_id: f.id.clone(),
            client_id: f.client_id.clone(),
            client_name: f.client_name.clone(),
            level,
            status: f.status,
            raised_at: f.raised_at,
            age_days: age_days(zone.date_of(f.raised_at), date),
            href: format!("/risk-flags/{}", f.id),
        });
    }
    flags.sort_by_key(|f| (flag_rank(f.level), f.raised_at));

    // Risk follow-ups: each client's latest assessment's follow-up date, from that day on.
    for (client, flag, on) in state.store.risk_follow_ups_due(&ids, date).await? {
        tasks.push(TaskItem {
            client_name: name(&client),
            client_id: client,
            what: "Risk follow-up".into(),
            kind: TaskKind::RiskFollowUp,
            due: on,
            overdue_days: age_days(on, date),
            href: format!("/risk-flags/{flag}"),
        });
    }

    // Follow-up measures after a completed course, past their date (only
    // clients with a reviewed completed course can have any).
    let candidates = state.store.follow_up_candidates(&me.user.id).await?;
    for r in rows.iter().filter(|r| candidates.contains(r.id.as_str())) {
        for f in crate::follow_ups::due(state, &r.id).await? {
            if f.due_from >= date {
                continue;
            }
            let short: Vec<String> = f
                .instruments
                .iter()
                .map(|i| state.instruments.get(i).map(|x| x.short_name.clone()).unwrap_or(i.clone()))
                .collect();
            tasks.push(TaskItem {
                client_id: r.id.clone(),
                client_name: r.display_name.clone(),
                what: format!("Follow-up measures at {} {} ({})", f.months, f.unit(), short.join(", ")),
                kind: TaskKind::FollowUp { months: i64::from(f.months), instruments: short.join(", ") },
                due: f.due_from,
                overdue_days: age_days(f.due_from, date),
                href: format!("/clients/{}/measures", r.id),
            });
        }
    }
    tasks.sort_by_key(|t| (t.due, t.client_name.clone()));

    let out = Today {
        date,
        week_end: end,
        sessions_today,
        sessions_week,
        unsigned_notes,
        measures_due,
        flags,
        tasks,
        clients: rows.len(),
    };
    let shown: Vec<&Id> = out
        .sessions_today
        .iter()
        .chain(&out.sessions_week)
        .map(|s| &s.client_id)
        .chain(out.unsigned_notes.iter().map(|n| &n.session.client_id))
        .chain(out.measures_due.iter().map(|m| &m.client_id))
        .chain(out.flags.iter().map(|f| &f.client_id))
        .chain(out.tasks.iter().map(|t| &t.client_id))
        .collect();
    let mut e = me.event(action::CLIENT_LIST, "client");
    e.detail = Some(format!(
        "today {}: {} own clients; {}",
        rapport_core::time::format_date(date),
        rows.len(),
        clients_shown(shown)
    ));
    state.store.audit(e).await?;
    Ok(out)
}
