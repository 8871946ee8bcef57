//! Demo session notes: on one client's course, a progress note for every held
//! session (signed, with plans; the latest still a draft), one addendum, and
//! one private process note by the clinician (not shared).
//!
//! Uses the client's open course and its held sessions when the demo already
//! made them; otherwise starts a 16-session course with five weekly sessions held.

use super::event::event;
use super::lang::{Script, Texts};
use rapport_core::audit::action;
use rapport_core::course::{validate_new_course, Attendance, Modality, RawCourse};
use rapport_core::notes::{InterpersonalEvent, ProgressNote, RiskCheck};
use rapport_core::protocol::ProtocolSet;
use rapport_core::time::format_date;
use rapport_core::{Id, Timestamp};
use rapport_store::courses::{CourseRecord, NewTherapySession, TherapySession};
use rapport_store::notes::NoteWrite;
use rapport_store::{Store, StoreError};

fn note(s: &Script, last: bool) -> ProgressNote {
    let (mood, events, work, techniques, set, reviewed, plan) = *s;
    let text = |t: &str| Some(t.to_string()).filter(|t| !t.is_empty());
    ProgressNote {
        mood: Some(mood),
        events: events.iter().map(|(t, e)| InterpersonalEvent { text: (*t).into(), effect: Some(*e) }).collect(),
        problem_area_work: text(work),
        techniques: techniques.to_vec(),
        work_set: text(set),
        work_reviewed: text(reviewed),
        // The draft is still being written: the risk check is not yet recorded.
        risk: (!last).then_some(RiskCheck::NoneIdentified),
        risk_detail: None,
        plan: text(plan),
    }
}

/// The client's open course, or a new 16-session course started five weeks ago.
async fn demo_course(store: &Store, client: &Id, clinician: &Id) -> Result<CourseRecord, StoreError> {
    if let Some(c) = store.client_courses(client).await?.into_iter().find(|c| c.course.status.is_open()) {
        return Ok(c.course);
    }
    let today = Timestamp::now().date();
    let raw = RawCourse {
        protocol: Some("ipt-individual".into()),
        planned_sessions: Some(16),
        start_date: Some(format_date(today - time::Duration::weeks(5))),
        ..Default::default()
    };
    let new = validate_new_course(&ProtocolSet::shipped(), &raw, today)
        .map_err(|e| StoreError::Invalid(format!("demo course: {e}")))?;
    store.create_course(client, &new, None, clinician, event(action::COURSE_CREATE, "course")).await
}

/// Held sessions of the course in date order, adding five weekly ones (and
/// the next, booked) when it has none.
async fn held_sessions(
    store: &Store,
    course: &CourseRecord,
    clinician: &Id,
) -> Result<Vec<TherapySession>, StoreError> {
    let held =
        |all: Vec<TherapySession>| all.into_iter().filter(|s| s.attendance == Attendance::Attended).collect::<Vec<_>>();
    let existing = held(store.course_sessions(&course.id).await?);
    if !existing.is_empty() {
        return Ok(existing);
    }
    for week in 0..6 {
        let s = NewTherapySession {
            date: course.start_date + time::Duration::weeks(week),
            time: "10:00".into(),
            modality: if week == 2 { Modality::Video } else { Modality::InPerson },
            attendance: if week < 5 { Attendance::Attended } else { Attendance::Scheduled },
            duration_minutes: Some(50),
            engagement: false,
        };
        store.create_therapy_session(course, &s, clinician, event(action::SESSION_CREATE, "session")).await?;
    }
    Ok(held(store.course_sessions(&course.id).await?))
}

/// Seeds the notes; returns a line for the demo's printout.
pub async fn seed(store: &Store, client: &Id, clinician: &Id, texts: &Texts) -> Result<String, StoreError> {
    let script = texts.notes;
    let course = demo_course(store, client, clinician).await?;
    let sessions = held_sessions(store, &course, clinician).await?;
    let n = sessions.len().min(script.len());
    let sessions = &sessions[sessions.len() - n..];
    for (i, (s, script)) in sessions.iter().zip(script.iter()).enumerate() {
        if store.progress_note(&s.id).await?.is_some() {
            continue;
        }
        let last = i + 1 == n;
        let body = note(script, last);
        let w = if last {
            store
                .save_progress_note(s, 0, &body, clinician, event(action::PROGRESS_NOTE_WRITE, "progress_note"))
                .await?
        } else {
            store
                .sign_progress_note(s, 0, &body, clinician, true, event(action::PROGRESS_NOTE_SIGN, "progress_note"))
                .await?
        };
        let NoteWrite::Saved(saved) = w else { continue };
        if i == 1 {
            store
                .add_addendum(&saved, texts.addendum, clinician, event(action::PROGRESS_NOTE_ADDENDUM, "progress_note"))
                .await?;
        }
        if last {
            store
                .save_process_note(
                    s,
                    clinician,
                    0,
                    texts.process_note,
                    event(action::PROCESS_NOTE_WRITE, "process_note"),
                )
                .await?;
        }
    }
    Ok(texts.printed.notes.replace("{n}", &n.to_string()).replace("{id}", course.id.as_str()))
}
