//! Supervision and fidelity rows on each backend: ratings of a session
//! (mean and pass round-trip), a supervision meeting with supervisees,
//! cases and actions, minutes received and given, trainings and
//! certifications.

use super::{details, event, on_each_backend, user};
use rapport_core::access::Role;
use rapport_core::audit::action;
use rapport_core::course::{Attendance, CourseStatus, Modality, NewCourse, NewTherapySession};
use rapport_core::fidelity::Rater;
use rapport_core::protocol::Frequency;
use rapport_store::fidelity::{NewMeeting, NewRating, NewTraining, Rated};
use std::collections::BTreeMap;

fn date(s: &str) -> time::Date {
    rapport_core::time::parse_date(s).unwrap()
}

#[tokio::test]
async fn ratings_meetings_hours_and_trainings() {
    on_each_backend(|store| async move {
        let sup = user(&store, "fsup@example.org", Role::Supervisor).await;
        let clin = user(&store, "fclin@example.org", Role::Clinician).await;
        let client = store.create_client(&details("Rated Client"), &clin, event(action::CLIENT_CREATE)).await.unwrap();
        let course = NewCourse {
            protocol_id: "ipt-individual".into(),
            planned_sessions: 16,
            frequency: Frequency::Weekly,
            session_minutes: 50,
            start_date: date("2026-09-01"),
            planned_end_date: date("2026-12-15"),
            status: CourseStatus::Active,
        };
        let course = store.create_course(&client.id, &course, None, &clin, event(action::COURSE_CREATE)).await.unwrap();
        let mut sessions = Vec::new();
        for (d, minutes) in [("2026-09-01", Some(50)), ("2026-09-08", None)] {
            let s = NewTherapySession {
                date: date(d),
                time: "10:00".into(),
                modality: Modality::InPerson,
                attendance: Attendance::Attended,
                duration_minutes: minutes,
                engagement: false,
            };
            sessions
                .push(store.create_therapy_session(&course, &s, &clin, event(action::SESSION_CREATE)).await.unwrap());
        }
        assert_eq!(sessions[0].created_by, clin, "a session knows who ran it");
        let no_show = NewTherapySession {
            date: date("2026-09-15"),
            time: "10:00".into(),
            modality: Modality::InPerson,
            attendance: Attendance::NoShow,
            duration_minutes: Some(50),
            engagement: false,
        };
        store.create_therapy_session(&course, &no_show, &clin, event(action::SESSION_CREATE)).await.unwrap();

        let ratings: BTreeMap<String, i64> = [("symptom_review".to_string(), 3), ("sick_role".to_string(), 2)].into();
        let rating = |rater: Rater, by: &rapport_core::Id, mean: f64, pass: bool| NewRating {
            rated: Rated::Session { session: sessions[0].id.clone(), course: course.id.clone() },
            clinician_id: clin.clone(),
            rater_id: by.clone(),
            rater,
            checklist_id: "ipt-adherence".into(),
            checklist_version: "1".into(),
            ratings: ratings.clone(),
            mean,
            pass,
            comment: Some("Good pace".into()),
        };
        store
            .record_fidelity_rating(&rating(Rater::SelfRated, &clin, 2.5, true), event(action::FIDELITY_RATE))
            .await
            .unwrap();
        store
            .record_fidelity_rating(&rating(Rater::Supervisor, &sup, 1.667, false), event(action::FIDELITY_RATE))
            .await
            .unwrap();
        let got = store.session_ratings(&sessions[0].id).await.unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!((got[0].rater, got[0].mean, got[0].pass), (Rater::SelfRated, 2.5, true));
        assert_eq!((got[1].rater, got[1].mean, got[1].pass), (Rater::Supervisor, 1.667, false));
        assert_eq!(got[1].ratings, ratings);
        assert_eq!(got[1].rater_name, "fsup@example.org");
        assert!(store.session_ratings(&sessions[1].id).await.unwrap().is_empty());
        assert_eq!(store.course_ratings(&course.id).await.unwrap().len(), 2);
        assert_eq!(store.clinician_ratings(&clin).await.unwrap().len(), 2);
        assert_eq!(store.group_of_session(&sessions[0].id).await.unwrap(), None);

        let m = NewMeeting {
            supervisor_id: sup.clone(),
            group: false,
            held_on: date("2026-09-10"),
            minutes: 60,
            decisions: Some("Agree the formulation next session".into()),
            supervisees: vec![clin.clone()],
            cases: vec![(Some(course.id.clone()), None, Some("Slow start".into()))],
            actions: vec![("Bring the timeline".into(), Some(clin.clone()), Some(date("2026-09-17")))],
        };
        store.create_supervision_meeting(&m, event(action::SUPERVISION_MEETING_RECORD)).await.unwrap();
        store
            .create_supervision_meeting(
                &NewMeeting { minutes: 30, held_on: date("2026-09-24"), cases: vec![], actions: vec![], ..m.clone() },
                event(action::SUPERVISION_MEETING_RECORD),
            )
            .await
            .unwrap();
        let meetings = store.supervision_meetings(&clin).await.unwrap();
        assert_eq!(meetings.len(), 2);
        assert_eq!(meetings[0].held_on, date("2026-09-24"), "newest first");
        assert_eq!(meetings[1].cases, vec![(Some(course.id.clone()), None, Some("Slow start".into()))]);
        assert_eq!(meetings[1].actions[0].due_on, Some(date("2026-09-17")));
        assert_eq!(meetings[1].supervisees, vec![(clin.clone(), "fclin@example.org".to_string())]);
        assert_eq!(store.supervision_meetings(&sup).await.unwrap().len(), 2, "the supervisor led them");
        assert_eq!(store.supervision_minutes_received(&clin).await.unwrap(), 90);
        assert_eq!(store.supervision_minutes_received(&sup).await.unwrap(), 0, "leading is not receiving");
        let (individual, groups) = store.therapy_given(&clin).await.unwrap();
        assert_eq!(individual, 100, "50 recorded + 50 from the course; the no-show does not count");
        assert!(groups.is_empty());

        let t = NewTraining {
            user_id: clin.clone(),
            course_name: "IPT foundation course".into(),
            hours_tenths: 165,
            trainer: Some("A. Trainer".into()),
            held_on: date("2026-06-01"),
            recorded_by: sup.clone(),
        };
        store.add_training(&t, event(action::TRAINING_RECORD)).await.unwrap();
        let ts = store.trainings(&clin).await.unwrap();
        assert_eq!((ts.len(), ts[0].hours_tenths), (1, 165));
        store
            .set_certification(
                &clin,
                "ipt-certified-therapist",
                date("2026-10-01"),
                Some(date("2029-10-01")),
                &sup,
                event(action::CERTIFICATION_RECORD),
            )
            .await
            .unwrap();
        store
            .set_certification(
                &clin,
                "ipt-certified-therapist",
                date("2026-11-01"),
                Some(date("2029-11-01")),
                &sup,
                event(action::CERTIFICATION_RECORD),
            )
            .await
            .unwrap();
        let certs = store.certifications(&clin).await.unwrap();
        assert_eq!(certs.len(), 1, "renewal replaces");
        assert_eq!(certs[0].expires_on, Some(date("2029-11-01")));
    })
    .await;
}
