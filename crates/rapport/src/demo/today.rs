//! The demo clinician's day on the Today page: a session still to come this
//! afternoon, one tomorrow with its e-mail reminder sent (through the real
//! reminder job and outbox), next to the notes, measures, flag and overdue
//! tasks the other demo data already leaves.

use super::event::event;
use rapport_core::audit::action;
use rapport_core::course::{Attendance, Modality, NewTherapySession};
use rapport_core::reminders::session_start;
use rapport_core::{Id, Timestamp};
use rapport_store::Store;
use time::Duration;

/// What was added, for the summary the demo prints.
pub struct Seeded {
    pub reminder_client: String,
}

fn scheduled(date: time::Date, time: &str) -> NewTherapySession {
    NewTherapySession {
        date,
        time: time.into(),
        modality: Modality::InPerson,
        attendance: Attendance::Scheduled,
        duration_minutes: Some(50),
        engagement: false,
    }
}

/// `clinician`'s clients with an open course: a scheduled session at 15:30
/// today for one, and for `first` (who has an e-mail address) one tomorrow at
/// 10:00 with its reminder queued by the reminder job and marked delivered.
pub async fn seed(store: &Store, clinician: &Id, first: &Id) -> Result<Option<Seeded>, String> {
    let err = |e: rapport_store::StoreError| e.to_string();
    let today = rapport_core::Timestamp::now().date();
    let mine: Vec<Id> = store.own_caseload(clinician).await.map_err(err)?.into_iter().map(|r| r.id).collect();
    let open = store.open_courses_of(&mine).await.map_err(err)?;
    // This afternoon: a client other than the first, in their open course.
    if let Some(k) = open.iter().rev().find(|k| &k.course.client_id != first) {
        store
            .create_therapy_session(
                &k.course,
                &scheduled(today, "15:30"),
                clinician,
                event(action::SESSION_CREATE, "session"),
            )
            .await
            .map_err(err)?;
    }
    // Tomorrow at 10:00 for the first client, in the course they had a session in today.
    let mut course = None;
    for k in open.iter().filter(|k| &k.course.client_id == first) {
        let sessions = store.course_sessions(&k.course.id).await.map_err(err)?;
        if sessions.iter().any(|s| s.date == today) || course.is_none() {
            course = Some(k.course.clone());
        }
    }
    let Some(course) = course else { return Ok(None) };
    let tomorrow = today + Duration::days(1);
    store
        .create_therapy_session(
            &course,
            &scheduled(tomorrow, "10:00"),
            clinician,
            event(action::SESSION_CREATE, "session"),
        )
        .await
        .map_err(err)?;
    // The reminder job, run as it would have run 23 hours before that session.
    let state = rapport_app::AppState::new(store.clone(), rapport_app::Config::default());
    let at = session_start(tomorrow, "10:00") - Duration::hours(23);
    rapport_app::reminders::send_due_at(&state, at).await.map_err(|e| format!("{e:?}"))?;
    // Shown as delivered (the demo has no mail server; a real one marks it when the message is sent).
    for m in store.due_outbox(Timestamp::now(), 500).await.map_err(err)? {
        if m.kind == rapport_app::reminders::KIND {
            store.outbox_sent(&m.id, &m.kind, Timestamp::now()).await.map_err(err)?;
        }
    }
    let name = store.client_by_id(first).await.map_err(err)?.map(|c| c.details.display_name).unwrap_or_default();
    Ok(Some(Seeded { reminder_client: name }))
}
