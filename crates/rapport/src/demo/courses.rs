//! Demo IPT courses in every state: planned, each phase of the acute course,
//! completed with a maintenance course, ended early, and other protocols.
//! Session dates run weekly up to today, so phases and prompts are live.

use super::event::event;
use super::lang::courses::Words;
use super::Texts;
use rapport_core::audit::action;
use rapport_core::course::{validate_new_course, Attendance, CourseStatus, Modality, RawCourse};
use rapport_core::ending::{EndingReview, MaintenanceDecision};
use rapport_core::formulation::Formulation;
use rapport_core::protocol::{ChecklistItem, ProtocolSet};
use rapport_core::time::format_date;
use rapport_core::{Id, Timestamp};
use rapport_store::courses::{CourseRecord, NewTherapySession};
use rapport_store::records::Placement;
use rapport_store::Store;
use time::{Date, Duration};

struct Plan {
    protocol: &'static str,
    sessions: u32,
    held: u32,
    /// Held-session position after which one session was cancelled.
    cancelled_after: Option<u32>,
    status: CourseStatus,
    /// Ended early (the reason is `Words::ended_early`).
    ended_early: bool,
    /// Start this many weeks in the future (planned courses).
    starts_in_weeks: i64,
}

impl Plan {
    /// An active course started weeks ago (held weekly up to today).
    const fn active(protocol: &'static str, sessions: u32, held: u32, cancelled_after: Option<u32>) -> Plan {
        Plan {
            protocol,
            sessions,
            held,
            cancelled_after,
            status: CourseStatus::Active,
            ended_early: false,
            starts_in_weeks: 0,
        }
    }
}

const PLANS: &[Plan] = &[
    // The showcase: a role dispute in the middle phase (other demo modules add its detail).
    Plan::active("ipt-individual", 16, 8, Some(4)),
    Plan::active("ipt-individual", 16, 2, None),
    Plan::active("ipt-individual", 16, 13, Some(9)),
    Plan { status: CourseStatus::Completed, ..Plan::active("ipt-individual", 12, 12, None) },
    Plan { status: CourseStatus::Planned, starts_in_weeks: 1, ..Plan::active("ipt-individual", 16, 0, None) },
    Plan::active("ipt-brief", 8, 6, None),
    Plan::active("ipt-a", 12, 5, None),
    Plan::active("ipc", 6, 3, None),
    Plan { status: CourseStatus::EndedEarly, ended_early: true, ..Plan::active("ipt-stuart", 12, 4, None) },
];

pub(super) fn session(date: Date, time: &str, attendance: Attendance, modality: Modality) -> NewTherapySession {
    NewTherapySession { date, time: time.into(), modality, attendance, duration_minutes: Some(50), engagement: false }
}

/// Each plan's weekly hour, so a clinician's demo day is not double-booked
/// (the showcase course, the first, keeps 10:00; 15:30 is Today's booked session).
const PLAN_TIMES: [&str; 10] =
    ["10:00", "11:30", "13:00", "14:00", "16:30", "17:30", "12:15", "18:15", "10:45", "14:45"];

/// Creates a course of `protocol` for `client` starting on `start`, checked as
/// the course form would be against the shipped protocols.
pub async fn start_course(
    store: &Store,
    client: &Id,
    clinician: &Id,
    protocol: &str,
    sessions: i64,
    start: Date,
    today: Date,
) -> Result<CourseRecord, String> {
    let raw = RawCourse {
        protocol: Some(protocol.into()),
        planned_sessions: Some(sessions),
        start_date: Some(format_date(start)),
        ..RawCourse::default()
    };
    let new = validate_new_course(&ProtocolSet::shipped(), &raw, today).map_err(|e| e.to_string())?;
    store
        .create_course(client, &new, None, clinician, event(action::COURSE_CREATE, "course"))
        .await
        .map_err(|e| e.to_string())
}

/// Records weekly held sessions (at `time`, 50 minutes) from `start`; `modality` of the nth (0-based).
pub async fn hold_weekly(
    store: &Store,
    course: &CourseRecord,
    clinician: &Id,
    start: Date,
    time: &str,
    weeks: i64,
    modality: impl Fn(i64) -> Modality,
) -> Result<(), String> {
    for week in 0..weeks {
        let s = session(start + Duration::weeks(week), time, Attendance::Attended, modality(week));
        store
            .create_therapy_session(course, &s, clinician, event(action::SESSION_CREATE, "session"))
            .await
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// The course's attended sessions, in date order.
pub async fn attended(
    store: &Store,
    course: &CourseRecord,
) -> Result<Vec<rapport_store::courses::TherapySession>, String> {
    Ok(store
        .course_sessions(&course.id)
        .await
        .map_err(|e| e.to_string())?
        .into_iter()
        .filter(|s| s.attendance == Attendance::Attended)
        .collect())
}

/// Seeds one course per plan for the given (client, responsible clinician)
/// pairs and returns the showcase course (middle phase, role dispute) and
/// each plan's course with its protocol.
pub async fn seed(
    store: &Store,
    clients: &[(Id, Id)],
    texts: &Texts,
) -> Result<(Option<CourseRecord>, Vec<(&'static str, CourseRecord)>), String> {
    let mut seeded = Vec::new();
    let err = |e: rapport_store::StoreError| e.to_string();
    let set = ProtocolSet::shipped();
    let today = Timestamp::now().date();
    let mut showcase = None;
    for (i, (plan, (client, clinician))) in PLANS.iter().zip(clients).enumerate() {
        let time = PLAN_TIMES[i % PLAN_TIMES.len()];
        let weeks_back = i64::from(plan.held) + i64::from(plan.cancelled_after.is_some()) - 1;
        let start = if plan.held == 0 {
            today + Duration::weeks(plan.starts_in_weeks)
        } else {
            today - Duration::weeks(weeks_back.max(0))
        };
        // Brief IPT opens with its engagement session (session 0), four days before session 1.
        let engagement = set.get(plan.protocol).is_some_and(|p| p.engagement_session) && plan.held > 0;
        let opened = if engagement { start - Duration::days(4) } else { start };
        let course =
            start_course(store, client, clinician, plan.protocol, i64::from(plan.sessions), opened, today).await?;
        if engagement {
            let zero = NewTherapySession {
                engagement: true,
                ..session(opened, time, Attendance::Attended, Modality::InPerson)
            };
            store
                .create_therapy_session(&course, &zero, clinician, event(action::SESSION_CREATE, "session"))
                .await
                .map_err(err)?;
        }
        let mut date = start;
        for n in 1..=plan.held {
            let modality = if n % 4 == 0 { Modality::Video } else { Modality::InPerson };
            store
                .create_therapy_session(
                    &course,
                    &session(date, time, Attendance::Attended, modality),
                    clinician,
                    event(action::SESSION_CREATE, "session"),
                )
                .await
                .map_err(err)?;
            date += Duration::weeks(1);
            if plan.cancelled_after == Some(n) {
                store
                    .create_therapy_session(
                        &course,
                        &session(date, time, Attendance::Cancelled, Modality::InPerson),
                        clinician,
                        event(action::SESSION_CREATE, "session"),
                    )
                    .await
                    .map_err(err)?;
                date += Duration::weeks(1);
            }
        }
        if plan.status == CourseStatus::Active && plan.held < plan.sessions {
            // The next appointment, a week after the last.
            store
                .create_therapy_session(
                    &course,
                    &session(today + Duration::weeks(1), time, Attendance::Scheduled, Modality::InPerson),
                    clinician,
                    event(action::SESSION_CREATE, "session"),
                )
                .await
                .map_err(err)?;
        }
        // The initial-phase checklist, done as far as the course has come.
        let protocol = set.get(plan.protocol).ok_or("unknown demo protocol")?;
        for (i, item) in protocol.checklist_items().into_iter().enumerate() {
            let due_by = 1 + (i as u32) / 3; // three items per session
            if plan.held < due_by {
                continue;
            }
            let (detail, code) = match item {
                ChecklistItem::SymptomReview => (Some(texts.diagnosis.to_string()), Some("F32.1".to_string())),
                ChecklistItem::Medication => (Some("not_needed".to_string()), None),
                _ => (None, None),
            };
            let on = start + Duration::weeks(i64::from(due_by) - 1);
            store
                .record_checklist_item(
                    &course.id,
                    item,
                    on,
                    detail,
                    code,
                    None,
                    clinician,
                    event(action::CHECKLIST_RECORD, "course"),
                )
                .await
                .map_err(err)?;
        }
        // Under the Stuart protocol the draft formulation records interpersonal sensitivity.
        if protocol.interpersonal_sensitivity && plan.held > 0 {
            let formulation = Formulation {
                problem_areas: vec!["role_dispute".into()],
                symptom_link: Some(texts.courses.stuart_symptom_link.into()),
                interpersonal_sensitivity: Some(true),
                sensitivity_note: Some(texts.courses.stuart_sensitivity.into()),
                ..Formulation::default()
            };
            let formulation = rapport_core::formulation::validate_formulation(protocol, formulation, today)
                .map_err(|e| e.to_string())?;
            let at = Placement { client_id: client.clone(), course_id: Some(course.id.clone()), ..Default::default() };
            store
                .create_record(&at, &formulation, clinician, event(action::RECORD_CREATE, "formulation"))
                .await
                .map_err(err)?;
        }
        if plan.status != CourseStatus::Active && plan.status != CourseStatus::Planned {
            store
                .set_course_status(
                    &course.id,
                    plan.status,
                    plan.ended_early.then_some(texts.courses.ended_early),
                    clinician,
                    event(action::COURSE_STATUS, "course"),
                )
                .await
                .map_err(err)?;
        }
        if plan.protocol == "ipt-individual" && plan.held >= 12 {
            let completed = plan.status == CourseStatus::Completed;
            seed_ending(store, &course, clinician, (completed, texts.courses), &set, today).await?;
        }
        if showcase.is_none() {
            showcase = Some(store.course(&course.id).await.map_err(err)?.ok_or("course vanished")?);
        }
        seeded.push((plan.protocol, course));
    }
    Ok((showcase, seeded))
}

/// An ending review; for a completed course also the maintenance course it led to.
async fn seed_ending(
    store: &Store,
    course: &CourseRecord,
    clinician: &Id,
    (completed, words): (bool, &Words),
    set: &ProtocolSet,
    today: Date,
) -> Result<(), String> {
    let err = |e: rapport_store::StoreError| e.to_string();
    let mut review = EndingReview {
        ending_raised_on: Some(format_date(today - Duration::weeks(2))),
        feelings_about_ending: Some(words.feelings.into()),
        progress_summary: Some(words.progress.into()),
        client_contributions: Some(words.contributions.into()),
        warning_signs: words.warning_signs.iter().map(|w| w.to_string()).collect(),
        coping_plan: Some(words.coping_plan.into()),
        supports: words.supports.iter().map(|w| w.to_string()).collect(),
        return_plan: Some(words.return_plan.into()),
        follow_up_months: vec![3, 6, 12],
        maintenance: MaintenanceDecision::Undecided,
        ..Default::default()
    };
    let mut maintenance = None;
    if completed {
        let p = set.get("ipt-m").ok_or("no ipt-m protocol")?;
        let raw = RawCourse {
            protocol: Some("ipt-m".into()),
            planned_sessions: Some(12),
            start_date: Some(format_date(today - Duration::weeks(6))),
            ..RawCourse::default()
        };
        let contract = rapport_core::course::finish_contract(p, &raw, today, rapport_core::ValidationErrors::new())
            .map_err(|e| e.to_string())?;
        let m = store
            .create_course(
                &course.client_id,
                &contract,
                Some(&course.id),
                clinician,
                event(action::COURSE_CREATE, "course"),
            )
            .await
            .map_err(err)?;
        store
            .create_therapy_session(
                &m,
                &session(today - Duration::weeks(2), "10:00", Attendance::Attended, Modality::Video),
                clinician,
                event(action::SESSION_CREATE, "session"),
            )
            .await
            .map_err(err)?;
        review.maintenance = MaintenanceDecision::IptM;
        review.maintenance_course_id = Some(m.id.to_string());
        maintenance = Some(m);
    }
    let at =
        Placement { client_id: course.client_id.clone(), course_id: Some(course.id.clone()), ..Placement::default() };
    store.create_record(&at, &review, clinician, event(action::RECORD_CREATE, "ending_review")).await.map_err(err)?;
    let _ = maintenance;
    Ok(())
}

/// A brief IPT course for the last of `clinician`'s clients who has no course
/// yet, its engagement session (session 0) booked two days from today at 09:30
/// and the course starting then: the calendar (and the Today page when that
/// day is in the current week) and the calendar feed name it as the engagement
/// session. Returns the course and the
/// session's date.
pub async fn seed_engagement_ahead(store: &Store, clinician: &Id) -> Result<Option<(CourseRecord, Date)>, String> {
    let err = |e: rapport_store::StoreError| e.to_string();
    let today = Timestamp::now().date();
    let on = today + Duration::days(2);
    for row in store.own_caseload(clinician).await.map_err(err)?.into_iter().rev() {
        if !store.client_courses(&row.id).await.map_err(err)?.is_empty() {
            continue;
        }
        let course = start_course(store, &row.id, clinician, "ipt-brief", 8, on, today).await?;
        let zero =
            NewTherapySession { engagement: true, ..session(on, "09:30", Attendance::Scheduled, Modality::InPerson) };
        store
            .create_therapy_session(&course, &zero, clinician, event(action::SESSION_CREATE, "session"))
            .await
            .map_err(err)?;
        return Ok(Some((course, on)));
    }
    Ok(None)
}
