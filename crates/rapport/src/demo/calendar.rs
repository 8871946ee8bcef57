//! The calendar in the demo: clinician1 has sessions this week (the first
//! client's course has one today at 10:00) and a private calendar feed.

use super::event::event;
use rapport_core::audit::action;
use rapport_core::course::{Attendance, CourseStatus, Modality, NewTherapySession};
use rapport_core::{Id, Timestamp};
use rapport_store::Store;
use time::Duration;

/// Books this week's sessions for `clinician` and makes their feed; returns
/// the feed's secret.
pub async fn seed(store: &Store, clinician: &Id, first_client: &Id, zone: &str) -> Result<String, String> {
    let err = |e: rapport_store::StoreError| e.to_string();
    let today = rapport_core::zone::Zone::or_utc(zone).date_of(Timestamp::now());
    let courses = store.bookable_courses(clinician).await.map_err(err)?;
    let mut booked = 0;
    for c in &courses {
        let Some(course) = store.course(&c.course_id).await.map_err(err)? else { continue };
        if course.status != CourseStatus::Active {
            continue;
        }
        let sessions = store.course_sessions(&course.id).await.map_err(err)?;
        let (date, time) = if &course.client_id == first_client {
            (today, "10:00")
        } else if booked < 3 {
            booked += 1;
            (today + Duration::days(booked), ["14:00", "11:30", "16:15"][booked as usize - 1])
        } else {
            continue;
        };
        if date < course.start_date || sessions.iter().any(|s| s.date == date) {
            continue;
        }
        let s = NewTherapySession {
            date,
            time: time.into(),
            modality: Modality::InPerson,
            attendance: Attendance::Scheduled,
            duration_minutes: Some(50),
            engagement: false,
        };
        store
            .create_therapy_session(&course, &s, clinician, event(action::SESSION_CREATE, "session"))
            .await
            .map_err(err)?;
    }
    let secret = rapport_app::caller::new_secret();
    store
        .set_calendar_secret(
            clinician,
            &rapport_app::caller::secret_hash(&secret),
            &secret,
            event(action::CALENDAR_FEED_RESET, "calendar_feed"),
        )
        .await
        .map_err(err)?;
    Ok(secret)
}
