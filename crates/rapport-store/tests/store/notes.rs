//! Session notes in the store, on each backend: a signed note never changes
//! (not through the store, not through raw SQL), stale drafts are refused and
//! every saved version is kept, addenda are append-only, process notes.

use super::{event, user};
use rapport_core::access::Role;
use rapport_core::audit::action;
use rapport_core::course::{Attendance, Modality, RawCourse};
use rapport_core::notes::{NoteStatus, ProgressNote, RiskCheck, Technique};
use rapport_core::protocol::ProtocolSet;
use rapport_core::Id;
use rapport_store::courses::{NewTherapySession, TherapySession};
use rapport_store::notes::NoteWrite;
use rapport_store::{OpenOptions, Store, StoreError, Target};
use sqlx::Connection;
use time::macros::date;

/// A store plus a raw connection to the same database (to try what the store never does).
async fn each_backend_with_raw_sql<F, Fut>(f: F)
where
    F: Fn(Store, sqlx::AnyConnection) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&Target::DataDir(dir.path().to_path_buf()), OpenOptions::default()).await.unwrap();
    let raw = sqlx::AnyConnection::connect(&format!("sqlite://{}", dir.path().join(rapport_store::DB_FILE).display()))
        .await
        .unwrap();
    f(store.clone(), raw).await;
    store.close().await;
    if let Ok(base) = std::env::var("RAPPORT_TEST_POSTGRES_URL") {
        let url = rapport_store::scratch_postgres_database(&base).await.unwrap();
        let store = Store::open(&Target::Url(url.clone()), OpenOptions { max_connections: 4, ..Default::default() })
            .await
            .unwrap();
        let raw = sqlx::AnyConnection::connect(&url).await.unwrap();
        f(store.clone(), raw).await;
        store.close().await;
    }
}

/// A course with three held sessions on `clinician`'s caseload.
async fn course_with_sessions(store: &Store, clinician: &Id) -> Vec<TherapySession> {
    let client = store
        .create_client(
            &rapport_core::client::ClientDetails { display_name: "Note Person".into(), ..Default::default() },
            clinician,
            event(action::CLIENT_CREATE),
        )
        .await
        .unwrap();
    let raw = RawCourse {
        protocol: Some("ipt-individual".into()),
        start_date: Some("2026-01-05".into()),
        ..Default::default()
    };
    let new = rapport_core::course::validate_new_course(&ProtocolSet::shipped(), &raw, date!(2026 - 06 - 01)).unwrap();
    let course = store.create_course(&client.id, &new, None, clinician, event(action::COURSE_CREATE)).await.unwrap();
    let mut out = Vec::new();
    for d in [date!(2026 - 01 - 05), date!(2026 - 01 - 12), date!(2026 - 01 - 19)] {
        let s = NewTherapySession {
            date: d,
            time: "10:00".into(),
            modality: Modality::InPerson,
            attendance: Attendance::Attended,
            duration_minutes: None,
            engagement: false,
        };
        out.push(store.create_therapy_session(&course, &s, clinician, event(action::SESSION_CREATE)).await.unwrap());
    }
    out
}

fn note(plan: &str) -> ProgressNote {
    ProgressNote {
        mood: Some(5),
        techniques: vec![Technique::Clarification],
        risk: Some(RiskCheck::NoneIdentified),
        plan: Some(plan.into()),
        ..Default::default()
    }
}

fn saved<T: std::fmt::Debug>(w: NoteWrite<T>) -> T {
    match w {
        NoteWrite::Saved(t) => t,
        other => panic!("expected Saved, got {other:?}"),
    }
}

#[tokio::test]
async fn a_signed_note_never_changes_and_stale_drafts_are_refused() {
    each_backend_with_raw_sql(|store, mut raw| async move {
        let a = user(&store, "a@notes.example", Role::Clinician).await;
        let b = user(&store, "b@notes.example", Role::Clinician).await;
        let sessions = course_with_sessions(&store, &a).await;
        let s = &sessions[0];
        assert!(store.progress_note(&s.id).await.unwrap().is_none());
        // Version 0 means "no note yet"; anything else for a missing note is not found.
        assert!(matches!(
            store.save_progress_note(s, 3, &note("x"), &a, event(action::PROGRESS_NOTE_WRITE)).await,
            Err(StoreError::NotFound)
        ));
        let v1 = saved(
            store.save_progress_note(s, 0, &note("first"), &a, event(action::PROGRESS_NOTE_WRITE)).await.unwrap(),
        );
        assert_eq!((v1.version, v1.status), (1, NoteStatus::Draft));
        // Starting a note that someone else just started is stale, not a second note.
        let w =
            store.save_progress_note(s, 0, &note("also first"), &b, event(action::PROGRESS_NOTE_WRITE)).await.unwrap();
        assert!(matches!(w, NoteWrite::Stale(ref n) if n.body.plan.as_deref() == Some("first")), "{w:?}");
        // Saving the same text again writes nothing.
        let same = saved(
            store.save_progress_note(s, 1, &note("first"), &a, event(action::PROGRESS_NOTE_WRITE)).await.unwrap(),
        );
        assert_eq!(same.version, 1);

        // Two editors start from version 1: the first save wins, the second is refused
        // and told what is stored; nothing the first wrote is lost.
        let v2 = saved(
            store.save_progress_note(s, 1, &note("A's plan"), &a, event(action::PROGRESS_NOTE_WRITE)).await.unwrap(),
        );
        assert_eq!(v2.version, 2);
        match store.save_progress_note(s, 1, &note("B's plan"), &b, event(action::PROGRESS_NOTE_WRITE)).await.unwrap() {
            NoteWrite::Stale(cur) => {
                assert_eq!(cur.version, 2);
                assert_eq!(cur.body.plan.as_deref(), Some("A's plan"));
            }
            other => panic!("expected Stale, got {other:?}"),
        }
        // B, having seen A's version, saves over it on purpose; both stay in the history.
        let v3 = saved(
            store.save_progress_note(s, 2, &note("B's plan"), &b, event(action::PROGRESS_NOTE_WRITE)).await.unwrap(),
        );
        assert_eq!(
            (v3.version, v3.updated_by_name.as_str(), v3.author_name.as_str()),
            (3, "b@notes.example", "a@notes.example")
        );
        // Saving exactly what is stored is no conflict, whatever version it started from.
        let same = saved(
            store.save_progress_note(s, 1, &note("B's plan"), &a, event(action::PROGRESS_NOTE_WRITE)).await.unwrap(),
        );
        assert_eq!(same.version, 3);
        let history = store.progress_note_versions(&v3.id).await.unwrap();
        let plans: Vec<_> = history.iter().map(|v| v.body.plan.clone().unwrap()).collect();
        assert_eq!(plans, ["first", "A's plan", "B's plan"]);

        // Sign with a stale version: refused. With the current one: signed, final.
        assert!(matches!(
            store
                .sign_progress_note(s, 2, &note("B's plan"), &a, false, event(action::PROGRESS_NOTE_SIGN))
                .await
                .unwrap(),
            NoteWrite::Stale(_)
        ));
        let signed = saved(
            store
                .sign_progress_note(s, 3, &note("B's plan"), &a, false, event(action::PROGRESS_NOTE_SIGN))
                .await
                .unwrap(),
        );
        assert_eq!(signed.status, NoteStatus::Signed);
        assert_eq!(signed.signed_by_name.as_deref(), Some("a@notes.example"));
        assert!(signed.signed_at.is_some());
        for (version, sign) in [(4, false), (3, false), (4, true)] {
            let w = if sign {
                store
                    .sign_progress_note(s, version, &note("changed"), &b, false, event(action::PROGRESS_NOTE_SIGN))
                    .await
            } else {
                store.save_progress_note(s, version, &note("changed"), &b, event(action::PROGRESS_NOTE_WRITE)).await
            };
            assert!(matches!(w.unwrap(), NoteWrite::Signed(ref n) if n.body.plan.as_deref() == Some("B's plan")));
        }
        // The database refuses too, whoever asks.
        let r = sqlx::query("UPDATE progress_notes SET plan = 'tampered' WHERE id = $1")
            .bind(signed.id.as_str())
            .execute(&mut raw)
            .await;
        assert!(r.is_err(), "a signed note must not be updatable by raw SQL");
        assert!(sqlx::query("DELETE FROM progress_notes WHERE id = $1")
            .bind(signed.id.as_str())
            .execute(&mut raw)
            .await
            .is_err());
        assert!(sqlx::query("DELETE FROM progress_note_versions WHERE note_id = $1")
            .bind(signed.id.as_str())
            .execute(&mut raw)
            .await
            .is_err());
        assert_eq!(store.progress_note(&s.id).await.unwrap().unwrap(), signed);
    })
    .await;
}

#[tokio::test]
async fn addenda_are_append_only_and_in_order() {
    each_backend_with_raw_sql(|store, mut raw| async move {
        let a = user(&store, "a@addenda.example", Role::Clinician).await;
        let b = user(&store, "b@addenda.example", Role::Clinician).await;
        let sessions = course_with_sessions(&store, &a).await;
        let s = &sessions[0];
        let draft =
            saved(store.save_progress_note(s, 0, &note("p"), &a, event(action::PROGRESS_NOTE_WRITE)).await.unwrap());
        assert!(
            matches!(
                store.add_addendum(&draft, "too early", &a, event(action::PROGRESS_NOTE_ADDENDUM)).await,
                Err(StoreError::Conflict)
            ),
            "a draft is edited, not amended"
        );
        let signed = saved(
            store.sign_progress_note(s, 1, &note("p"), &a, false, event(action::PROGRESS_NOTE_SIGN)).await.unwrap(),
        );
        for (who, text) in [(&a, "First addendum"), (&b, "Second addendum"), (&a, "Third addendum")] {
            store.add_addendum(&signed, text, who, event(action::PROGRESS_NOTE_ADDENDUM)).await.unwrap();
        }
        let list = store.addenda(&signed.id).await.unwrap();
        let texts: Vec<_> = list.iter().map(|d| (d.text.as_str(), d.author_name.as_str())).collect();
        assert_eq!(
            texts,
            [
                ("First addendum", "a@addenda.example"),
                ("Second addendum", "b@addenda.example"),
                ("Third addendum", "a@addenda.example")
            ]
        );
        assert!(list.windows(2).all(|w| w[0].created_at <= w[1].created_at));
        let id = list[0].id.as_str().to_string();
        assert!(sqlx::query("UPDATE progress_note_addenda SET text = 'rewritten' WHERE id = $1")
            .bind(&id)
            .execute(&mut raw)
            .await
            .is_err());
        assert!(sqlx::query("DELETE FROM progress_note_addenda WHERE id = $1")
            .bind(&id)
            .execute(&mut raw)
            .await
            .is_err());
        assert_eq!(store.addenda(&signed.id).await.unwrap(), list);
        // The note itself is still the signed one.
        assert_eq!(store.progress_note(&s.id).await.unwrap().unwrap(), signed);
    })
    .await;
}

#[tokio::test]
async fn latest_signed_plan_and_notes_status() {
    each_backend_with_raw_sql(|store, _raw| async move {
        let a = user(&store, "a@plan.example", Role::Clinician).await;
        let sessions = course_with_sessions(&store, &a).await;
        let course = sessions[0].course_id.clone();
        assert_eq!(store.latest_signed_plan(&course).await.unwrap(), None);
        assert!(store.notes_status(&course).await.unwrap().is_empty());
        // Session 1 signed with a plan, session 2 signed without one, session 3 a draft.
        saved(
            store
                .sign_progress_note(
                    &sessions[0],
                    0,
                    &note("Plan from session 1"),
                    &a,
                    false,
                    event(action::PROGRESS_NOTE_SIGN),
                )
                .await
                .unwrap(),
        );
        let no_plan = ProgressNote { plan: None, ..note("") };
        saved(
            store
                .sign_progress_note(&sessions[1], 0, &no_plan, &a, false, event(action::PROGRESS_NOTE_SIGN))
                .await
                .unwrap(),
        );
        saved(
            store
                .save_progress_note(&sessions[2], 0, &note("Draft plan"), &a, event(action::PROGRESS_NOTE_WRITE))
                .await
                .unwrap(),
        );
        assert_eq!(
            store.latest_signed_plan(&course).await.unwrap(),
            Some((date!(2026 - 01 - 05), "Plan from session 1".to_string())),
            "the most recent signed note with a plan; drafts never count"
        );
        let status = store.notes_status(&course).await.unwrap();
        assert_eq!(status.get(&sessions[0].id), Some(&NoteStatus::Signed));
        assert_eq!(status.get(&sessions[1].id), Some(&NoteStatus::Signed));
        assert_eq!(status.get(&sessions[2].id), Some(&NoteStatus::Draft));
        saved(
            store
                .sign_progress_note(&sessions[2], 1, &note("Latest plan"), &a, false, event(action::PROGRESS_NOTE_SIGN))
                .await
                .unwrap(),
        );
        assert_eq!(
            store.latest_signed_plan(&course).await.unwrap(),
            Some((date!(2026 - 01 - 19), "Latest plan".to_string()))
        );
    })
    .await;
}

#[tokio::test]
async fn process_notes_belong_to_their_author() {
    each_backend_with_raw_sql(|store, _raw| async move {
        let a = user(&store, "a@process.example", Role::Clinician).await;
        let b = user(&store, "b@process.example", Role::Clinician).await;
        let sup = user(&store, "sup@process.example", Role::Supervisor).await;
        let sessions = course_with_sessions(&store, &a).await;
        let s = &sessions[0];
        assert!(!store.has_supervisor(&a).await.unwrap());
        store.set_supervisees(&sup, std::slice::from_ref(&a), event(action::USER_UPDATE), &[]).await.unwrap();
        assert!(store.has_supervisor(&a).await.unwrap());
        let n =
            saved(store.save_process_note(s, &a, 0, "My reactions", event(action::PROCESS_NOTE_WRITE)).await.unwrap());
        assert_eq!((n.version, n.shared), (1, false));
        // Another author's note for the same session is separate.
        saved(store.save_process_note(s, &b, 0, "B's own", event(action::PROCESS_NOTE_WRITE)).await.unwrap());
        assert_eq!(store.own_process_note(&s.id, &a).await.unwrap().unwrap().text, "My reactions");
        assert_eq!(store.own_process_note(&s.id, &b).await.unwrap().unwrap().text, "B's own");
        assert!(matches!(
            store.save_process_note(s, &a, 0, "stale", event(action::PROCESS_NOTE_WRITE)).await.unwrap(),
            NoteWrite::Stale(ref n) if n.text == "My reactions"
        ));
        let n = saved(
            store
                .save_process_note(s, &a, 1, "My reactions, revised", event(action::PROCESS_NOTE_WRITE))
                .await
                .unwrap(),
        );
        assert_eq!(n.version, 2);
        // The facts for the access rule: who supervises whom, and the flag.
        let (_, supervises) = store.process_note_with_relation(&s.id, &a, &sup).await.unwrap().unwrap();
        assert!(supervises);
        let (_, supervises) = store.process_note_with_relation(&s.id, &a, &b).await.unwrap().unwrap();
        assert!(!supervises);
        assert!(store.process_notes_shared_with(&s.id, &sup).await.unwrap().is_empty());
        let n = store.share_process_note(&n, true, event(action::PROCESS_NOTE_SHARE)).await.unwrap();
        assert!(n.shared);
        assert_eq!(
            store.process_notes_shared_with(&s.id, &sup).await.unwrap(),
            vec![(a.clone(), "a@process.example".to_string())]
        );
        assert!(store.process_notes_shared_with(&s.id, &b).await.unwrap().is_empty(), "b supervises nobody");
        let n = store.share_process_note(&n, false, event(action::PROCESS_NOTE_SHARE)).await.unwrap();
        assert!(!n.shared);
        assert!(store.process_notes_shared_with(&s.id, &sup).await.unwrap().is_empty());
    })
    .await;
}
