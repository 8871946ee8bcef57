//! The store story: every test runs on a temp-file SQLite database and, when
//! `RAPPORT_TEST_POSTGRES_URL` is set (CI sets it), on a fresh PostgreSQL database.

use rapport_core::access::Role;
use rapport_core::audit::{action, AuditEvent, Outcome};
use rapport_core::client::{ClientDetails, ClientStatus, ExternalId};
use rapport_core::{Id, Timestamp};
use rapport_store::clients::CaseloadQuery;
use rapport_store::users::NewUser;
use rapport_store::{Backend, OpenOptions, Store, StoreError, Target};
use std::future::Future;

#[path = "store/notes.rs"]
mod notes;

#[path = "store/anchor.rs"]
mod anchor;

#[path = "store/groups.rs"]
mod groups;

#[path = "store/fidelity.rs"]
mod fidelity;

#[path = "store/kiosk.rs"]
mod kiosk;

struct Scratch {
    store: Store,
    url: String,
    _dir: Option<tempfile::TempDir>,
}

async fn backends() -> Vec<Scratch> {
    let dir = tempfile::tempdir().unwrap();
    let sqlite = Store::open(&Target::DataDir(dir.path().to_path_buf()), OpenOptions::default()).await.unwrap();
    let url = format!("sqlite://{}", dir.path().join(rapport_store::DB_FILE).display());
    let mut out = vec![Scratch { store: sqlite, url, _dir: Some(dir) }];
    if let Ok(base) = std::env::var("RAPPORT_TEST_POSTGRES_URL") {
        let url = rapport_store::scratch_postgres_database(&base).await.unwrap();
        let secrets = rapport_store::SecretsKey::Keys(std::sync::Arc::new(
            rapport_core::secrets::Keyring::new(&[[3; 32]]).unwrap(),
        ));
        let pg =
            Store::open(&Target::Url(url.clone()), OpenOptions { max_connections: 4, secrets, ..Default::default() })
                .await
                .unwrap();
        out.push(Scratch { store: pg, url, _dir: None });
    } else {
        eprintln!("RAPPORT_TEST_POSTGRES_URL not set: PostgreSQL half of the store story skipped");
    }
    out
}

async fn on_each_backend<F, Fut>(f: F)
where
    F: Fn(Store) -> Fut,
    Fut: Future<Output = ()>,
{
    for s in backends().await {
        let backend = s.store.backend();
        eprintln!("store story on {backend:?}");
        f(s.store.clone()).await;
        s.store.close().await;
    }
}

fn event(act: &str) -> AuditEvent {
    AuditEvent {
        actor_label: "test".into(),
        action: act.into(),
        resource_type: "test".into(),
        outcome: Outcome::Success.as_str().into(),
        ..Default::default()
    }
}

async fn break_glass_for_an_hour(store: &Store, user: &Id, client: &Id, now: Timestamp) {
    let until = now.plus(time::Duration::hours(1));
    store.create_break_glass(user, client, "crisis call", until, event(action::BREAK_GLASS)).await.unwrap();
}

async fn user(store: &Store, email: &str, role: Role) -> Id {
    store
        .create_user(
            NewUser {
                email: email.into(),
                name: email.into(),
                role,
                practises: false,
                password_hash: "x".into(),
                site_id: None,
            },
            event(action::USER_CREATE),
        )
        .await
        .unwrap()
        .id
}

fn details(name: &str) -> ClientDetails {
    ClientDetails { display_name: name.into(), ..Default::default() }
}

#[tokio::test]
async fn migrations_have_the_same_names_on_both_backends() {
    let (sqlite, postgres) = rapport_store::migrations::migration_names();
    assert!(!sqlite.is_empty());
    assert_eq!(sqlite, postgres);
}

#[tokio::test]
async fn a_programme_manager_round_trips_and_holds_no_caseload() {
    on_each_backend(|store| async move {
        let clin = user(&store, "clin@example.org", Role::Clinician).await;
        let pm = user(&store, "pm@example.org", Role::ProgrammeManager).await;
        let stored = store.user(&pm).await.unwrap().unwrap();
        assert_eq!(stored.role, Role::ProgrammeManager);
        assert!(store.users().await.unwrap().iter().any(|u| u.id == pm && u.role == Role::ProgrammeManager));
        let staff = store.practising_staff().await.unwrap();
        assert!(staff.iter().any(|u| u.id == clin) && !staff.iter().any(|u| u.id == pm), "no care team for them");
        // Nor can a client be handed to them.
        let c = store.create_client(&details("Handed Over"), &clin, event(action::CLIENT_CREATE)).await.unwrap();
        let refused =
            store.reassign_responsible(&clin, &[(c.id.clone(), pm.clone())], event(action::USER_UPDATE)).await;
        assert!(matches!(refused, Err(StoreError::Invalid(_))), "{refused:?}");
    })
    .await;
}

#[tokio::test]
async fn timestamps_round_trip_and_sort_on_both_backends() {
    on_each_backend(|store| async move {
        let a = user(&store, "ts@example.org", Role::Clinician).await;
        let base = Timestamp::parse("2026-01-01T00:00:30Z").unwrap();
        let stamps: Vec<Timestamp> = [0i64, 100_000, 115_000, 115_001, 1]
            .iter()
            .map(|us| base.plus(time::Duration::microseconds(*us)))
            .collect();
        for (i, t) in stamps.iter().enumerate() {
            store.create_session(&format!("s{i}"), &a, "csrf", None, None, event(action::LOGIN)).await.unwrap();
            store.touch_session(&format!("s{i}"), *t).await.unwrap();
        }
        let sessions = store.sessions_of(&a).await.unwrap();
        let got: Vec<Timestamp> = sessions.iter().map(|s| s.last_seen_at).collect();
        let mut expected = stamps.clone();
        expected.sort();
        expected.reverse();
        assert_eq!(got, expected, "last_seen_at must round-trip exactly and ORDER BY must follow time");
    })
    .await;
}

#[tokio::test]
async fn client_lifecycle_care_team_and_caseload() {
    on_each_backend(|store| async move {
        let alice = user(&store, "alice@example.org", Role::Clinician).await;
        let bob = user(&store, "bob@example.org", Role::Clinician).await;
        let sup = user(&store, "sup@example.org", Role::Supervisor).await;
        let mut d = details("Zoë Example");
        d.external_ids = vec![ExternalId { system: "Hospital number".into(), value: "H-100%".into() }];
        let c = store.create_client(&d, &alice, event(action::CLIENT_CREATE)).await.unwrap();
        assert_eq!(c.version, 1);
        assert_eq!(c.responsible_clinician_id, alice);
        store.create_client(&details("Adam Other"), &bob, event(action::CLIENT_CREATE)).await.unwrap();

        let now = Timestamp::now();
        let (_, rel) = store.client_with_relation(&alice, &c.id, now).await.unwrap().unwrap();
        assert!(rel.on_care_team && !rel.supervises_care_team_member && !rel.break_glass_active);
        let (_, rel) = store.client_with_relation(&bob, &c.id, now).await.unwrap().unwrap();
        assert!(!rel.on_care_team);
        assert!(store.client_with_relation(&bob, &Id::new(), now).await.unwrap().is_none());

        // Caseload: own clients only; search by name and by identifier (LIKE wildcards escaped).
        let q = CaseloadQuery { limit: 50, ..Default::default() };
        let (rows, total) = store.caseload(&alice, &q).await.unwrap();
        assert_eq!((rows.len(), total), (1, 1));
        assert_eq!(rows[0].display_name, "Zoë Example");
        let search = |s: &str| CaseloadQuery { search: Some(s.into()), limit: 50, ..Default::default() };
        assert_eq!(store.caseload(&alice, &search("h-100%")).await.unwrap().1, 1);
        assert_eq!(store.caseload(&alice, &search("%")).await.unwrap().1, 1);
        assert_eq!(store.caseload(&alice, &search("h-1000")).await.unwrap().1, 0);
        assert_eq!(store.caseload(&alice, &search("_")).await.unwrap().1, 0);

        // Supervision brings alice's clients into the supervisor's caseload.
        assert_eq!(store.caseload(&sup, &q).await.unwrap().1, 0);
        store.set_supervisees(&sup, std::slice::from_ref(&alice), event(action::USER_UPDATE), &[]).await.unwrap();
        assert_eq!(store.caseload(&sup, &q).await.unwrap().1, 1);
        let (_, rel) = store.client_with_relation(&sup, &c.id, now).await.unwrap().unwrap();
        assert!(rel.supervises_care_team_member);

        // Care team: add bob, hand over responsibility, remove alice.
        store.add_care_team_member(&c.id, &bob, event(action::CARE_TEAM_ADD)).await.unwrap();
        assert!(matches!(
            store.add_care_team_member(&c.id, &bob, event(action::CARE_TEAM_ADD)).await,
            Err(StoreError::Invalid(_))
        ));
        assert!(store.remove_care_team_member(&c.id, &alice, event(action::CARE_TEAM_REMOVE)).await.is_err());
        store.set_responsible(&c.id, &bob, event(action::CARE_TEAM_RESPONSIBLE)).await.unwrap();
        store.remove_care_team_member(&c.id, &alice, event(action::CARE_TEAM_REMOVE)).await.unwrap();
        let team = store.care_team(&c.id).await.unwrap();
        assert_eq!(team.len(), 1);
        assert!(team[0].responsible && team[0].user_id == bob);
        assert_eq!(store.caseload(&alice, &q).await.unwrap().1, 0);

        // Optimistic concurrency: a stale version is refused and changes nothing.
        let current = store.client_with_relation(&bob, &c.id, now).await.unwrap().unwrap().0;
        let mut newer = current.details.clone();
        newer.pronouns = Some("they/them".into());
        let saved =
            store.update_client(&c.id, &newer, Some(current.version), event(action::CLIENT_UPDATE)).await.unwrap();
        assert_eq!(saved.version, current.version + 1);
        let mut stale = current.details.clone();
        stale.pronouns = Some("she/her".into());
        assert!(matches!(
            store.update_client(&c.id, &stale, Some(current.version), event(action::CLIENT_UPDATE)).await,
            Err(StoreError::Conflict)
        ));
        let after = store.client_with_relation(&bob, &c.id, now).await.unwrap().unwrap().0;
        assert_eq!(after.details.pronouns.as_deref(), Some("they/them"));

        // Archive hides from the active caseload.
        store.set_client_status(&c.id, ClientStatus::Archived, event(action::CLIENT_ARCHIVE)).await.unwrap();
        assert_eq!(store.caseload(&bob, &q).await.unwrap().1, 1, "bob still has Adam");
        let archived = CaseloadQuery { status: Some(ClientStatus::Archived), limit: 50, ..Default::default() };
        assert_eq!(store.caseload(&bob, &archived).await.unwrap().1, 1);

        // Break-glass grants time-limited access.
        let carol = user(&store, "carol@example.org", Role::Clinician).await;
        break_glass_for_an_hour(&store, &carol, &c.id, now).await;
        let (_, rel) = store.client_with_relation(&carol, &c.id, Timestamp::now()).await.unwrap().unwrap();
        assert!(rel.break_glass_active);
        let (_, rel) = store
            .client_with_relation(&carol, &c.id, Timestamp::now().plus(time::Duration::hours(2)))
            .await
            .unwrap()
            .unwrap();
        assert!(!rel.break_glass_active);
        assert_eq!(store.count_unreviewed_break_glass().await.unwrap(), 1);
    })
    .await;
}

/// The API's client reads check the token and read the client in one query:
/// it must answer exactly what the token look-up and the access query answer
/// one after the other, for every way of standing towards a client, and
/// nothing for a revoked token.
#[tokio::test]
async fn a_token_read_with_its_client_answers_as_the_two_queries_do() {
    on_each_backend(|store| async move {
        let alice = user(&store, "alice@example.org", Role::Clinician).await;
        let sup = user(&store, "sup@example.org", Role::Supervisor).await;
        let carol = user(&store, "carol@example.org", Role::Clinician).await;
        let dave = user(&store, "dave@example.org", Role::Clinician).await;
        let c = store.create_client(&details("Zoë Example"), &alice, event(action::CLIENT_CREATE)).await.unwrap();
        store.set_supervisees(&sup, std::slice::from_ref(&alice), event(action::USER_UPDATE), &[]).await.unwrap();
        let now = Timestamp::now();
        break_glass_for_an_hour(&store, &carol, &c.id, now).await;
        let mut tokens = Vec::new();
        for (who, hash) in [(&alice, "hash-alice"), (&sup, "hash-sup"), (&carol, "hash-carol"), (&dave, "hash-dave")] {
            tokens.push((
                who.clone(),
                hash,
                store.create_token(who, "t", hash, event(action::TOKEN_CREATE)).await.unwrap(),
            ));
        }
        let mut relations = Vec::new();
        for (who, hash, _) in &tokens {
            for client in [c.id.clone(), Id::new()] {
                let (row, owner, found) =
                    store.token_with_user_and_client(hash, &client, now).await.unwrap().expect("a live token");
                let (alone_row, alone_owner) = store.token_with_user(hash).await.unwrap().unwrap();
                assert_eq!((row.id.clone(), row.name.clone()), (alone_row.id, alone_row.name));
                assert_eq!(row.last_used_at, alone_row.last_used_at);
                assert_eq!(owner, alone_owner, "the token's user, not the client's columns");
                assert_eq!(owner.id, *who);
                let expected = store.client_with_relation(who, &client, now).await.unwrap();
                assert_eq!(found, expected, "{who} reading {client}");
                if let Some((_, rel)) = found {
                    relations.push(rel);
                }
            }
        }
        // Each way of standing towards the client was reached: care team,
        // supervision, break-glass and none.
        assert_eq!(relations.len(), 4);
        assert!(relations[0].on_care_team && relations[1].supervises_care_team_member);
        assert!(relations[2].break_glass_active && relations[3] == Default::default());
        // A revoked token answers nothing, whatever the client.
        let (_, _, alice_token) = &tokens[0];
        store.revoke_token(&alice, alice_token, event(action::TOKEN_REVOKE)).await.unwrap();
        assert!(store.token_with_user_and_client("hash-alice", &c.id, now).await.unwrap().is_none());
        assert!(store.token_with_user_and_client("no such hash", &c.id, now).await.unwrap().is_none());
    })
    .await;
}

#[tokio::test]
async fn audit_chain_group_commit_and_tamper_detection() {
    on_each_backend(|store| async move {
        let a = user(&store, "audit@example.org", Role::Clinician).await;
        // Many concurrent standalone events share commits and keep one chain.
        let mut handles = Vec::new();
        for i in 0..200 {
            let s = store.clone();
            handles.push(tokio::spawn(async move {
                let mut e = event(action::CLIENT_READ);
                e.detail = Some(format!("read {i}"));
                s.audit(e).await.unwrap()
            }));
        }
        let mut seqs = Vec::new();
        for h in handles {
            seqs.push(h.await.unwrap());
        }
        seqs.sort();
        seqs.dedup();
        assert_eq!(seqs.len(), 200, "every event gets its own sequence number");
        assert_eq!(store.audit_verify().await.unwrap(), 201);
        let mine = store
            .audit_entries(&rapport_store::AuditFilter {
                action: Some(action::USER_CREATE.into()),
                limit: 10,
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(mine.len(), 1);
        assert_eq!(mine[0].event.resource_id.as_deref(), Some(a.as_str()));
    })
    .await;
}

#[tokio::test]
async fn bad_urls_fail_clearly_and_create_nothing() {
    let err = Store::open(&Target::Url("mysql://x".into()), OpenOptions::default()).await.err().unwrap();
    assert!(err.to_string().contains("unsupported database URL"), "{err}");
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.db");
    let err = Store::open(&Target::Url(format!("sqlite://{}", missing.display())), OpenOptions::default())
        .await
        .err()
        .unwrap();
    assert!(err.to_string().contains("does not exist"), "{err}");
    assert!(!missing.exists());
    let opts = OpenOptions { connect_timeout: std::time::Duration::from_secs(2), ..Default::default() };
    let err = Store::open(&Target::Url("postgres://nobody@127.0.0.1:1/none".into()), opts).await.err().unwrap();
    assert!(err.to_string().contains("cannot connect to PostgreSQL"), "{err}");
    assert!(!err.to_string().contains("password"));
    assert_eq!(rapport_store::redact_url("postgres://u:secret@h/db"), "postgres://u:***@h/db");
    let _ = Backend::Sqlite;
}

/// Several app instances on one database (a load-balanced PostgreSQL set-up, or
/// two processes on one SQLite file) append to one audit chain without forking it.
#[tokio::test]
async fn two_instances_share_one_audit_chain() {
    let dir = tempfile::tempdir().unwrap();
    let mut targets = vec![Target::DataDir(dir.path().to_path_buf())];
    if let Ok(base) = std::env::var("RAPPORT_TEST_POSTGRES_URL") {
        targets.push(Target::Url(rapport_store::scratch_postgres_database(&base).await.unwrap()));
    }
    for target in targets {
        let opts = OpenOptions { max_connections: 4, ..Default::default() };
        let a = Store::open(&target, opts.clone()).await.unwrap();
        let b = Store::open(&target, opts).await.unwrap();
        let mut handles = Vec::new();
        for i in 0..100 {
            let s = if i % 2 == 0 { a.clone() } else { b.clone() };
            handles.push(tokio::spawn(async move {
                if i % 10 == 0 {
                    // Changes append inside their own transaction, interleaved with batched reads.
                    let email = format!("u{i}@example.org");
                    s.create_user(
                        NewUser {
                            email,
                            name: "n".into(),
                            role: Role::Clinician,
                            practises: false,
                            password_hash: "x".into(),
                            site_id: None,
                        },
                        event(action::USER_CREATE),
                    )
                    .await
                    .map(|_| ())
                } else {
                    s.audit(event(action::CLIENT_READ)).await.map(|_| ())
                }
            }));
        }
        for h in handles {
            h.await.unwrap().unwrap();
        }
        assert_eq!(a.audit_verify().await.unwrap(), 100, "{}", target.describe());
        a.close().await;
        b.close().await;
    }
}

mod measures {
    use super::*;
    use rapport_core::measures::{score, Library};
    use rapport_core::risk::{validate_assessment, validate_safety_plan, FlagStatus, RawAssessment, RawSafetyPlan};
    use rapport_store::measures::{Mode, NewResponse};
    use sqlx::Connection;

    fn response(client: &Id, by: &Id, instrument: &str, answers: &[i64]) -> NewResponse {
        let lib = Library::builtin();
        let answers: Vec<Option<i64>> = answers.iter().map(|a| Some(*a)).collect();
        NewResponse {
            client_id: client.clone(),
            course_id: None,
            score: score(lib.get(instrument).unwrap(), &answers).unwrap(),
            unscored_answers: None,
            completed_at: Timestamp::now(),
            entered_by: Some(by.clone()),
            mode: Mode::InSession,
            group_session_id: None,
        }
    }

    async fn exec(url: &str, sql: &str) -> Result<(), sqlx::Error> {
        let mut conn = sqlx::AnyConnection::connect(url).await?;
        let r = sqlx::query(sql).execute(&mut conn).await.map(|_| ());
        conn.close().await?;
        r
    }

    async fn count(url: &str, table: &str) -> i64 {
        use rapport_store::row::Named;
        let mut conn = sqlx::AnyConnection::connect(url).await.unwrap();
        let n = sqlx::query(&format!("SELECT COUNT(*) AS n FROM {table}"))
            .fetch_one(&mut conn)
            .await
            .unwrap()
            .col::<i64>("n")
            .unwrap();
        conn.close().await.unwrap();
        n
    }

    fn assessment() -> rapport_core::risk::Assessment {
        let s = |v: &str| Some(v.to_string());
        validate_assessment(
            &RawAssessment {
                ideation: s("passive, no active thoughts"),
                plan: s("none"),
                intent: s("none"),
                means: s("no access"),
                history: s("no previous attempts"),
                protective_factors: s("children, faith"),
                risk_level: s("low"),
                actions: s("safety plan reviewed; follow up in 1 week"),
                screening_tool: s("none"),
                ..Default::default()
            },
            rapport_core::Timestamp::now().date(),
        )
        .unwrap()
    }

    #[tokio::test]
    async fn risk_flags_are_raised_with_the_response_and_nothing_survives_a_failure() {
        sqlx::any::install_default_drivers();
        for s in backends().await {
            let store = s.store.clone();
            let alice = user(&store, "alice@example.org", Role::Clinician).await;
            let c = store.create_client(&details("Risk Person"), &alice, event(action::CLIENT_CREATE)).await.unwrap();
            let ok = store
                .record_response(
                    &response(&c.id, &alice, "phq9", &[1, 1, 1, 1, 1, 1, 1, 1, 0]),
                    event(action::MEASURE_RECORD),
                )
                .await
                .unwrap();
            assert_eq!(ok.risk_flag_id, None);
            let risky = store
                .record_response(
                    &response(&c.id, &alice, "phq9", &[2, 2, 1, 3, 1, 2, 1, 0, 1]),
                    event(action::MEASURE_RECORD),
                )
                .await
                .unwrap();
            let flag_id = risky.risk_flag_id.clone().expect("item 9 = 1 raises a flag");
            let flags = store.visible_risk_flags(&alice, Some(FlagStatus::Open)).await.unwrap();
            assert_eq!(flags.len(), 1);
            assert_eq!(flags[0].id, flag_id);
            assert_eq!(flags[0].response_id.as_ref(), Some(&risky.id));
            assert_eq!(flags[0].items[0].item, 9);
            let outbox = store.outbox(10).await.unwrap();
            assert_eq!(outbox.len(), 1);
            assert_eq!(
                (outbox[0].kind.as_str(), outbox[0].recipient_user_id.as_ref()),
                ("risk_flag_raised", Some(&alice))
            );
            let responses = store.responses(&c.id).await.unwrap();
            assert_eq!(responses.iter().map(|r| r.total).collect::<Vec<_>>(), [Some(8), Some(13)]);
            assert_eq!(responses[1].scoring_version, rapport_core::measures::SCORING_VERSION);

            // A failure after scoring and after the flag's insert (the outbox is gone):
            // neither the response nor the flag is kept.
            exec(&s.url, "ALTER TABLE outbox RENAME TO outbox_away").await.unwrap();
            let before = (count(&s.url, "measure_responses").await, count(&s.url, "risk_flags").await);
            let r = store
                .record_response(
                    &response(&c.id, &alice, "phq9", &[0, 0, 0, 0, 0, 0, 0, 0, 3]),
                    event(action::MEASURE_RECORD),
                )
                .await;
            assert!(r.is_err());
            assert_eq!((count(&s.url, "measure_responses").await, count(&s.url, "risk_flags").await), before);
            exec(&s.url, "ALTER TABLE outbox_away RENAME TO outbox").await.unwrap();

            // Flags cannot be deleted, nor closed by hand without assessment and plan.
            assert!(exec(&s.url, "DELETE FROM risk_flags").await.is_err());
            assert!(exec(&s.url, "UPDATE risk_flags SET status = 'closed'").await.is_err());
            assert_eq!(count(&s.url, "risk_flags").await, 1);
            assert!(store.audit_verify().await.is_ok());
            s.store.close().await;
        }
    }

    #[tokio::test]
    async fn a_batch_of_responses_is_stored_like_single_ones_and_all_or_nothing() {
        sqlx::any::install_default_drivers();
        for s in backends().await {
            let store = s.store.clone();
            let alice = user(&store, "alice@example.org", Role::Clinician).await;
            let c = store.create_client(&details("Batch Person"), &alice, event(action::CLIENT_CREATE)).await.unwrap();
            let batch = [
                response(&c.id, &alice, "phq9", &[2, 2, 2, 2, 2, 2, 2, 2, 0]),
                response(&c.id, &alice, "gad7", &[2, 2, 1, 1, 1, 1, 1]),
                response(&c.id, &alice, "phq9", &[1, 1, 1, 1, 1, 1, 1, 1, 2]),
            ];
            let audited = count(&s.url, "audit_log").await;
            let recs = store.record_responses(&batch, event(action::MEASURE_RECORD)).await.unwrap();
            assert_eq!(recs.iter().map(|r| r.risk_flag_id.is_some()).collect::<Vec<_>>(), [false, false, true]);
            let rows = store.responses(&c.id).await.unwrap();
            assert_eq!(rows.len(), 3);
            let mut totals: Vec<_> = rows.iter().map(|r| (r.instrument_id.as_str(), r.total)).collect();
            totals.sort();
            assert_eq!(totals, [("gad7", Some(9)), ("phq9", Some(10)), ("phq9", Some(16))]);
            let flags = store.visible_risk_flags(&alice, Some(FlagStatus::Open)).await.unwrap();
            assert_eq!(flags.len(), 1);
            assert_eq!(flags[0].response_id.as_ref(), Some(&recs[2].id));
            assert_eq!(store.outbox(10).await.unwrap().len(), 1);
            // One entry per response and one per flag, chained like any other.
            assert_eq!(count(&s.url, "audit_log").await, audited + 4);
            assert!(store.audit_verify().await.is_ok());
            assert!(store.record_responses(&[], event(action::MEASURE_RECORD)).await.unwrap().is_empty());

            // A failing response (unknown client) keeps nothing of the batch.
            let ghost = response(&Id::new(), &alice, "phq9", &[0; 9]);
            let before = (count(&s.url, "measure_responses").await, count(&s.url, "audit_log").await);
            assert!(store.record_responses(&[batch[0].clone(), ghost], event(action::MEASURE_RECORD)).await.is_err());
            assert_eq!((count(&s.url, "measure_responses").await, count(&s.url, "audit_log").await), before);
            s.store.close().await;
        }
    }

    #[tokio::test]
    async fn unacknowledged_flags_escalate_to_the_supervisor_once() {
        for s in backends().await {
            let store = s.store.clone();
            let alice = user(&store, "alice@example.org", Role::Clinician).await;
            let bob = user(&store, "bob@example.org", Role::Clinician).await;
            let sup = user(&store, "sup@example.org", Role::Supervisor).await;
            let admin = user(&store, "admin@example.org", Role::Admin).await;
            store.set_supervisees(&sup, std::slice::from_ref(&alice), event(action::USER_UPDATE), &[]).await.unwrap();
            let ca = store.create_client(&details("A"), &alice, event(action::CLIENT_CREATE)).await.unwrap();
            let cb = store.create_client(&details("B"), &bob, event(action::CLIENT_CREATE)).await.unwrap();
            let risky = [0, 0, 0, 0, 0, 0, 0, 0, 2];
            let f1 = store
                .record_response(&response(&ca.id, &alice, "phq9", &risky), event(action::MEASURE_RECORD))
                .await
                .unwrap();
            let f2 = store
                .record_response(&response(&ca.id, &alice, "phq9", &risky), event(action::MEASURE_RECORD))
                .await
                .unwrap();
            let f3 = store
                .record_response(&response(&cb.id, &bob, "phq9", &risky), event(action::MEASURE_RECORD))
                .await
                .unwrap();
            let (f1, f2, f3) = (f1.risk_flag_id.unwrap(), f2.risk_flag_id.unwrap(), f3.risk_flag_id.unwrap());
            assert!(f1 != f2, "each positive response raises its own flag");
            store.acknowledge_risk_flag(&f2, &alice, event(action::RISK_FLAG_ACKNOWLEDGE)).await.unwrap();
            // Not yet due (acknowledgement deadline: 4 hours by default).
            assert!(store.escalate_overdue_risk_flags(Timestamp::now(), None).await.unwrap().is_empty());
            let later = Timestamp::now().plus(time::Duration::hours(5));
            let steps = store.escalate_overdue_risk_flags(later, None).await.unwrap();
            let mut escalated: Vec<Id> = steps.iter().map(|s| s.flag_id.clone()).collect();
            escalated.sort();
            let mut want = vec![f1.clone(), f3.clone()];
            want.sort();
            assert_eq!(escalated, want, "the acknowledged flag is not escalated (its assessment is due at 24 h)");
            assert!(steps.iter().all(|s| s.step == 1 && s.deadline.as_str() == "acknowledgement"));
            let outbox = store.outbox(50).await.unwrap();
            let to = |f: &Id| -> Vec<(String, Option<Id>)> {
                outbox
                    .iter()
                    .filter(|o| {
                        o.risk_flag_id.as_deref() == Some(f.as_str()) && o.kind.starts_with("risk_flag_escalated")
                    })
                    .map(|o| (o.kind.clone(), o.recipient_user_id.clone()))
                    .collect()
            };
            assert_eq!(to(&f1), [("risk_flag_escalated".to_string(), Some(sup.clone()))]);
            assert_eq!(to(&f3), [("risk_flag_escalated_no_supervisor".to_string(), Some(admin.clone()))]);
            assert!(store.escalate_overdue_risk_flags(later, None).await.unwrap().is_empty(), "only once");
            let flag = store.risk_flag(&f1).await.unwrap().unwrap();
            assert!(flag.escalated_at.is_some() && flag.status == FlagStatus::Open);
            assert_eq!(flag.escalated_to.as_deref(), Some(sup.as_str()));
            assert_eq!(store.visible_risk_flags(&sup, Some(FlagStatus::Open)).await.unwrap().len(), 1);
            assert!(store.visible_risk_flags(&bob, None).await.unwrap().iter().all(|f| f.client_id == cb.id));

            // Closing needs this flag's assessment and this client's plan.
            let plan = validate_safety_plan(&RawSafetyPlan {
                warning_signs: Some("withdrawing".into()),
                professionals: Some("crisis line".into()),
                ..Default::default()
            })
            .unwrap();
            let (plan_b, _) =
                store.save_safety_plan(&cb.id, &plan, &bob, event(action::SAFETY_PLAN_SAVE)).await.unwrap();
            let a2 = store
                .record_risk_assessment(&f2, &assessment(), &alice, event(action::RISK_ASSESSMENT_RECORD))
                .await
                .unwrap();
            let (plan_a, v1) =
                store.save_safety_plan(&ca.id, &plan, &alice, event(action::SAFETY_PLAN_SAVE)).await.unwrap();
            let (plan_a2, v2) =
                store.save_safety_plan(&ca.id, &plan, &alice, event(action::SAFETY_PLAN_SAVE)).await.unwrap();
            assert_eq!((v1, v2), (1, 2));
            assert_eq!(store.latest_safety_plan(&ca.id).await.unwrap().unwrap().id, plan_a2);
            let close = |a: Id, p: Id| {
                let (store, f1, alice) = (store.clone(), f1.clone(), alice.clone());
                async move { store.close_risk_flag(&f1, &a, &p, &alice, None, event(action::RISK_FLAG_CLOSE)).await }
            };
            assert!(close(a2.clone(), plan_a.clone()).await.is_err(), "another flag's assessment");
            let a1 = store
                .record_risk_assessment(&f1, &assessment(), &alice, event(action::RISK_ASSESSMENT_RECORD))
                .await
                .unwrap();
            assert!(close(a1.clone(), plan_b.clone()).await.is_err(), "another client's plan");
            close(a1.clone(), plan_a.clone()).await.unwrap();
            let closed = store.risk_flag(&f1).await.unwrap().unwrap();
            assert_eq!((closed.status, closed.closed_by.as_ref()), (FlagStatus::Closed, Some(&alice)));
            assert!(close(a1.clone(), plan_a.clone()).await.is_err(), "closed once");
            assert!(store
                .record_risk_assessment(&f1, &assessment(), &alice, event(action::RISK_ASSESSMENT_RECORD))
                .await
                .is_err());
            let entries = store
                .audit_entries(&rapport_store::AuditFilter {
                    action: Some(action::RISK_FLAG_ESCALATE.into()),
                    limit: 10,
                    ..Default::default()
                })
                .await
                .unwrap();
            assert_eq!(entries.len(), 2);
            assert_eq!(entries[0].event.actor_label, "system");
            assert!(store.audit_verify().await.is_ok());
            s.store.close().await;
        }
    }
}

#[tokio::test]
async fn courses_sessions_and_versioned_records() {
    use rapport_core::course::{validate_new_course, Attendance, CourseStatus, Modality, RawCourse};
    use rapport_core::formulation::Formulation;
    use rapport_core::protocol::{ChecklistItem, ProtocolSet};
    use rapport_store::courses::NewTherapySession;
    use rapport_store::records::Placement;
    on_each_backend(|store| async move {
        let clin = user(&store, "course-story@clinic.example", Role::Clinician).await;
        let client = store.create_client(&details("Course Story"), &clin, event(action::CLIENT_CREATE)).await.unwrap();
        let set = ProtocolSet::shipped();
        let raw = RawCourse {
            protocol: Some("ipt-individual".into()),
            start_date: Some("2026-03-02".into()),
            ..RawCourse::default()
        };
        let new = validate_new_course(&set, &raw, time::macros::date!(2026 - 01 - 01)).unwrap();
        assert_eq!(new.status, CourseStatus::Planned);
        let course = store.create_course(&client.id, &new, None, &clin, event(action::COURSE_CREATE)).await.unwrap();
        assert_eq!((course.planned_sessions, course.status), (16, CourseStatus::Planned));
        // A cancelled session leaves it planned; the first held one makes it active.
        let s = |d: time::Date, a| NewTherapySession {
            date: d,
            time: String::new(),
            modality: Modality::Phone,
            attendance: a,
            duration_minutes: None,
            engagement: false,
        };
        let cancelled = store
            .create_therapy_session(
                &course,
                &s(time::macros::date!(2026 - 03 - 02), Attendance::Cancelled),
                &clin,
                event(action::SESSION_CREATE),
            )
            .await
            .unwrap();
        assert_eq!(store.course(&course.id).await.unwrap().unwrap().status, CourseStatus::Planned);
        store
            .update_therapy_session(
                &cancelled.id,
                1,
                &s(time::macros::date!(2026 - 03 - 02), Attendance::Attended),
                event(action::SESSION_UPDATE),
            )
            .await
            .unwrap();
        assert_eq!(store.course(&course.id).await.unwrap().unwrap().status, CourseStatus::Active);
        let stale = store
            .update_therapy_session(
                &cancelled.id,
                1,
                &s(time::macros::date!(2026 - 03 - 02), Attendance::NoShow),
                event(action::SESSION_UPDATE),
            )
            .await;
        assert!(matches!(stale, Err(StoreError::Conflict)));
        assert_eq!(store.course_sessions(&course.id).await.unwrap()[0].attendance, Attendance::Attended);
        // Renegotiation is an event with the old count; the checklist records who and when.
        let c = store.course(&course.id).await.unwrap().unwrap();
        store
            .renegotiate_course(
                &c.id,
                Some(c.version),
                12,
                time::macros::date!(2026 - 05 - 18),
                "shorter",
                &clin,
                event(action::COURSE_RENEGOTIATE),
            )
            .await
            .unwrap();
        let events = store.course_events(&c.id).await.unwrap();
        assert_eq!(events.len(), 2);
        assert_eq!((events[1].old_value.as_deref(), events[1].new_value.as_str()), (Some("16"), "12"));
        store
            .record_checklist_item(
                &c.id,
                ChecklistItem::SickRole,
                time::macros::date!(2026 - 03 - 02),
                None,
                None,
                None,
                &clin,
                event(action::CHECKLIST_RECORD),
            )
            .await
            .unwrap();
        let list = store.checklist(&c.id).await.unwrap();
        assert_eq!((list.len(), list[0].recorded_by_name.as_str()), (1, "course-story@clinic.example"));
        assert_eq!(store.client_courses(&client.id).await.unwrap()[0].sessions_held, 1);
        // Records: versions, a stale write refused, history kept through removal.
        let at = Placement { client_id: client.id.clone(), course_id: Some(c.id.clone()), ..Placement::default() };
        let f1 = Formulation { problem_areas: vec!["role_dispute".into()], ..Formulation::default() };
        let r = store.create_record(&at, &f1, &clin, event(action::RECORD_CREATE)).await.unwrap();
        let f2 = Formulation { agreed_on: Some("2026-03-16".into()), ..f1.clone() };
        let r2 = store.update_record(&r.id, r.version, &f2, &clin, event(action::RECORD_UPDATE)).await.unwrap();
        assert_eq!(r2.version, 2);
        let stale = store.update_record(&r.id, 1, &f1, &clin, event(action::RECORD_UPDATE)).await;
        assert!(matches!(stale, Err(StoreError::Conflict)));
        assert_eq!(store.course_records::<Formulation>(&c.id).await.unwrap()[0].body, f2);
        store.remove_record::<Formulation>(&r.id, 2, &clin, event(action::RECORD_REMOVE)).await.unwrap();
        assert!(store.course_records::<Formulation>(&c.id).await.unwrap().is_empty());
        let history = store.record_history::<Formulation>(&r.id).await.unwrap();
        let changes: Vec<&str> = history.iter().map(|h| h.change.as_str()).collect();
        assert_eq!(changes, ["removed", "updated", "created"]);
        assert!(store.audit_verify().await.is_ok());
    })
    .await;
}

#[tokio::test]
async fn goals_read_back_in_session_order_with_one_rating_per_session() {
    use rapport_core::course::{validate_new_course, Attendance, Modality, RawCourse};
    use rapport_core::formulation::Formulation;
    use rapport_core::goals::{Goal, GoalRating, Trend};
    use rapport_core::protocol::ProtocolSet;
    use rapport_store::courses::NewTherapySession;
    use rapport_store::records::Placement;
    use time::macros::date;
    on_each_backend(|store| async move {
        let set = ProtocolSet::shipped();
        let c = user(&store, "goals@clinic.example", Role::Clinician).await;
        let client = store.create_client(&details("Goal Person"), &c, event(action::CLIENT_CREATE)).await.unwrap();
        let raw = RawCourse {
            protocol: Some("ipt-stuart".into()),
            start_date: Some("2026-01-05".into()),
            ..Default::default()
        };
        let contract = validate_new_course(&set, &raw, date!(2026 - 03 - 01)).unwrap();
        let course = store.create_course(&client.id, &contract, None, &c, event(action::COURSE_CREATE)).await.unwrap();
        // Recorded out of date order: session numbers come from the dates.
        let mut ids = Vec::new();
        for d in [date!(2026 - 01 - 19), date!(2026 - 01 - 05), date!(2026 - 01 - 12)] {
            let s = NewTherapySession {
                date: d,
                time: String::new(),
                modality: Modality::InPerson,
                attendance: Attendance::Attended,
                duration_minutes: None,
                engagement: false,
            };
            ids.push(store.create_therapy_session(&course, &s, &c, event(action::SESSION_CREATE)).await.unwrap().id);
        }
        let (third, first, second) = (&ids[0], &ids[1], &ids[2]);
        let at = Placement { client_id: client.id.clone(), course_id: Some(course.id.clone()), ..Default::default() };
        let f = Formulation {
            problem_areas: vec!["role_dispute".into()],
            agreed_on: Some("2026-01-19".into()),
            ..Default::default()
        };
        store.create_record(&at, &f, &c, event(action::RECORD_CREATE)).await.unwrap();
        let goal = Goal { problem_area: "role_dispute".into(), statement: "Talk to Sam".into(), ..Default::default() };
        let goal = store.create_record(&at, &goal, &c, event(action::RECORD_CREATE)).await.unwrap();
        for (s, r) in [(third, 6), (first, 2), (second, 4)] {
            let (_, new) = store.rate_goal(&goal, s, r, &c, |_| event(action::RECORD_CREATE)).await.unwrap();
            assert!(new);
        }
        let (rating, new) = store.rate_goal(&goal, second, 5, &c, |_| event(action::RECORD_UPDATE)).await.unwrap();
        assert!(!new, "the same session is rated again, not twice");
        assert_eq!(rating.version, 2);
        // Two first ratings at the same moment: the database keeps one live record.
        let twin = Placement { session_id: Some(second.clone()), parent_id: Some(goal.id.clone()), ..at.clone() };
        let refused = store.create_record(&twin, &GoalRating { rating: 9 }, &c, event(action::RECORD_CREATE)).await;
        assert!(matches!(refused, Err(rapport_store::StoreError::Conflict)), "{refused:?}");

        let p = set.get("ipt-stuart").unwrap();
        let summary = store.formulation_summary(&course.id, p).await.unwrap();
        assert_eq!(summary.areas, vec![("role_dispute".to_string(), "Interpersonal disputes".to_string())]);
        assert_eq!(summary.agreed_on.as_deref(), Some("2026-01-19"));
        assert_eq!(summary.goals.len(), 1);
        let g = &summary.goals[0];
        assert_eq!(g.values(), vec![2, 5, 6]);
        assert_eq!(g.ratings.iter().map(|r| &r.session_id).collect::<Vec<_>>(), vec![first, second, third]);
        assert_eq!(g.latest().map(|r| r.rating), Some(6));
        assert_eq!(g.trend, Some(Trend::Rising));
        // A course with nothing yet.
        let empty = store.create_course(&client.id, &contract, None, &c, event(action::COURSE_CREATE)).await.unwrap();
        let s = store.formulation_summary(&empty.id, p).await.unwrap();
        assert!(s.areas.is_empty() && s.goals.is_empty() && s.agreed_on.is_none());
    })
    .await;
}

/// Issue 9.1: the session join reads the session's own `created_at`, not the
/// user's, for an account created days before the session.
#[tokio::test]
async fn a_session_of_an_old_account_keeps_its_own_creation_time() {
    use sqlx::Connection;
    for s in backends().await {
        let uid = user(&s.store, "old@example.org", Role::Clinician).await;
        let two_days_ago = Timestamp::now().minus(time::Duration::days(2));
        let mut conn = sqlx::AnyConnection::connect(&s.url).await.unwrap();
        sqlx::query("UPDATE users SET created_at = $1 WHERE id = $2")
            .bind(two_days_ago.to_db())
            .bind(uid.as_str())
            .execute(&mut conn)
            .await
            .unwrap();
        conn.close().await.unwrap();
        s.store.create_session("sess-hash", &uid, "csrf", None, None, event(action::LOGIN)).await.unwrap();
        let (session, u) = s.store.session_with_user("sess-hash").await.unwrap().unwrap();
        assert!(Timestamp::now().since(session.created_at) < time::Duration::minutes(1), "{:?}", s.store.backend());
        assert_eq!(u.created_at, two_days_ago);
        s.store.close().await;
    }
}

/// Issue 9.1: reading a column by a name the row holds twice is an error,
/// never a silent choice of one of them.
#[tokio::test]
async fn a_column_name_held_twice_is_refused() {
    use rapport_store::row::Named;
    use sqlx::Connection;
    for s in backends().await {
        let mut conn = sqlx::AnyConnection::connect(&s.url).await.unwrap();
        let row = sqlx::query("SELECT 'user' AS created_at, 'session' AS created_at, 'x' AS other")
            .fetch_one(&mut conn)
            .await
            .unwrap();
        let err = row.col::<String>("created_at").unwrap_err();
        assert!(err.to_string().contains("more than once"), "{err}");
        assert_eq!(row.col::<String>("other").unwrap(), "x");
        assert!(row.col::<String>("missing").is_err());
        conn.close().await.unwrap();
        s.store.close().await;
    }
}

/// Organisation-wide counts over record bodies read every page: 1,101 people
/// across two clients (three pages of 500), removed ones left out.
#[tokio::test]
async fn live_bodies_are_counted_across_pages_and_clients() {
    use rapport_core::inventory::{validate_person, Person, RawPerson};
    use rapport_core::records::RecordBody;
    use rapport_store::records::Placement;
    on_each_backend(|store| async move {
        let clin = user(&store, "rings-count@clinic.example", Role::Clinician).await;
        let mut removed = None;
        for (name, people) in [("Many People", 1000), ("Few People", 101)] {
            let client = store.create_client(&details(name), &clin, event(action::CLIENT_CREATE)).await.unwrap();
            let at = Placement { client_id: client.id.clone(), ..Placement::default() };
            for i in 0..people {
                let ring = if i % 100 == 7 { "5" } else { "2" };
                let raw = RawPerson {
                    display_name: Some(format!("P{i}")),
                    relationship: Some("friend".into()),
                    ring: Some(ring.into()),
                    ..RawPerson::default()
                };
                let p = validate_person(&raw, None).unwrap();
                let r = store.create_record(&at, &p, &clin, event(action::RECORD_CREATE)).await.unwrap();
                if i == 7 && removed.is_none() {
                    removed = Some(r);
                }
            }
        }
        let beyond_four = |body: &str| body.contains(r#""ring":5"#);
        // Ring 5 at i = 7, 107, ..., 907 for the first client and 7 for the second.
        assert_eq!(store.count_live_bodies(Person::KIND, &beyond_four).await.unwrap(), 11);
        assert_eq!(store.count_live_bodies(Person::KIND, &|_| true).await.unwrap(), 1101);
        let r = removed.unwrap();
        store.remove_record::<Person>(&r.id, r.version, &clin, event(action::RECORD_REMOVE)).await.unwrap();
        assert_eq!(
            store.count_live_bodies(Person::KIND, &beyond_four).await.unwrap(),
            10,
            "removed ones are not counted"
        );
        assert_eq!(store.count_live_bodies("no_such_kind", &|_| true).await.unwrap(), 0);
    })
    .await;
}

/// A page of client records in one read keeps the order asked for and leaves
/// out ids that are not clients.
#[tokio::test]
async fn clients_by_ids_keeps_the_order_asked_for() {
    on_each_backend(|store| async move {
        let clin = user(&store, "by-ids@clinic.example", Role::Clinician).await;
        let mut ids = Vec::new();
        for name in ["Ada", "Ben", "Cy"] {
            ids.push(store.create_client(&details(name), &clin, event(action::CLIENT_CREATE)).await.unwrap().id);
        }
        let asked = vec![ids[2].clone(), Id::new(), ids[0].clone(), ids[1].clone()];
        let got = store.clients_by_ids(&asked).await.unwrap();
        let names: Vec<&str> = got.iter().map(|c| c.details.display_name.as_str()).collect();
        assert_eq!(names, ["Cy", "Ada", "Ben"]);
        assert!(store.clients_by_ids(&[]).await.unwrap().is_empty());
    })
    .await;
}

/// A write whose caller goes away part-way (a client that disconnects drops
/// the request's future) leaves the store able to write. sqlx 0.8's SQLite
/// `begin_with` awaits twice (the BEGIN, then a check that the connection is
/// in a transaction): a future dropped between the two left the one writer
/// connection inside a transaction nobody owned, and every later write failed
/// ("attempted to call begin_with at non-zero transaction depth") until a
/// restart. Found when a benchmark's load generator closed its connections.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_write_abandoned_at_any_point_leaves_the_store_writable() {
    on_each_backend(|store| async move {
        let clin = user(&store, "abandoned@clinic.example", Role::Clinician).await;
        let abandoned = details("Abandoned");
        let (mut finished, mut write_failed) = (0, 0);
        for attempt in 0..400 {
            // Let the write run for a number of the runtime's turns, then
            // drop it wherever it got to (a turn is a few microseconds, a
            // write a millisecond or more: the attempts cover its whole span).
            // Every tenth runs to the end.
            let turns = if attempt % 10 == 9 { usize::MAX } else { attempt * 3 % 1200 };
            let write = store.create_client(&abandoned, &clin, event(action::CLIENT_CREATE));
            tokio::select! {
                biased;
                done = write => match done {
                    Ok(_) => finished += 1,
                    Err(_) => write_failed += 1,
                },
                _ = async { for _ in 0..turns { tokio::task::yield_now().await } } => {}
            }
        }
        // The next writes work.
        for name in ["After one", "After two"] {
            store.create_client(&details(name), &clin, event(action::CLIENT_CREATE)).await.unwrap_or_else(|e| {
                panic!("a write after {finished} finished and {write_failed} failed of 400 abandoned ones failed: {e}")
            });
        }
        let (rows, total) = store.caseload(&clin, &CaseloadQuery { limit: 500, ..Default::default() }).await.unwrap();
        assert_eq!(rows.iter().filter(|r| r.display_name.starts_with("After")).count(), 2);
        assert_eq!(write_failed, 0, "no write failed");
        // A write dropped after its commit began is stored (as when a client
        // disconnects after the server committed); each one whole: every
        // client stored has its audit entry (one more for the user).
        assert!(total as usize >= finished + 2 && total <= 402, "{total} clients for {finished} finished writes");
        assert_eq!(store.audit_verify().await.unwrap(), total as u64 + 1);
    })
    .await;
}

/// The caseload lists' needs (decision 58): a new or changed client's row is
/// stale until its needs are kept; needs worked out from an older card are
/// not kept over a newer one; another configuration makes every row stale.
#[tokio::test]
async fn caseload_list_needs_follow_writes_and_the_configuration() {
    use rapport_store::caseload_lists::{CardNeeds, ListScope};
    on_each_backend(|store| async move {
        let alice = user(&store, "alice@example.org", Role::Clinician).await;
        let c = store.create_client(&details("Ada"), &alice, event(action::CLIENT_CREATE)).await.unwrap();
        let scope = ListScope { viewer: &alice, status: ClientStatus::Active, clinician: None, search: None };
        let stale_count =
            || async { store.caseload_counts(&scope).await.unwrap().iter().map(|n| n.stale).sum::<i64>() };
        assert_eq!(stale_count().await, 1, "a new client's row is stale");
        let needs = CardNeeds { need_rank: 7, open_flag: true, overdue: 2 };
        let stale = store.stale_caseload_cards(&alice).await.unwrap();
        assert_eq!(stale.len(), 1);
        assert_eq!(stale[0].card.client_id, c.id);

        // A write lands between reading the card and keeping its needs: they are not kept.
        let mut changed = details("Ada");
        changed.pronouns = Some("she/her".into());
        let mut e = event(action::CLIENT_UPDATE);
        e.client_id = Some(c.id.to_string());
        store.update_client(&c.id, &changed, None, e).await.unwrap();
        assert_eq!(store.save_caseload_needs(&[(stale[0].clone(), needs)]).await.unwrap(), 0);
        assert_eq!(stale_count().await, 1);
        let fresh = store.stale_caseload_cards(&alice).await.unwrap();
        assert_eq!(store.save_caseload_needs(&[(fresh[0].clone(), needs)]).await.unwrap(), 1);
        assert_eq!(stale_count().await, 0);
        let counts = store.caseload_counts(&scope).await.unwrap();
        assert_eq!((counts[0].clients, counts[0].open_flags, counts[0].overdue), (1, 1, 2));

        // The configuration: a first fingerprint (the model had none) and
        // another one make every row stale; the same one again does not.
        assert!(store.caseload_needs_under("first").await.unwrap());
        assert_eq!(stale_count().await, 1);
        let again = store.stale_caseload_cards(&alice).await.unwrap();
        store.save_caseload_needs(&[(again[0].clone(), needs)]).await.unwrap();
        assert!(!store.caseload_needs_under("first").await.unwrap());
        assert_eq!(stale_count().await, 0);
        assert!(store.caseload_needs_under("second").await.unwrap());
        assert_eq!(stale_count().await, 1);
    })
    .await;
}

/// The caseload summary's counts (`caseload_list_counts`, migration 0051) are
/// kept by triggers from every change to the lists: after each kind of
/// change (a new client, needs kept, a new responsible clinician, an archived
/// client, supervision given and taken away, another configuration) they
/// equal a count of the lists, and the page's summary read from them equals
/// the one a search counts over the same clients.
#[tokio::test]
async fn caseload_list_counts_follow_every_kind_of_change() {
    use rapport_store::caseload_lists::{CardNeeds, ListScope};
    on_each_backend(|store| async move {
        let alice = user(&store, "alice@example.org", Role::Clinician).await;
        let bob = user(&store, "bob@example.org", Role::Clinician).await;
        let sup = user(&store, "sup@example.org", Role::Supervisor).await;
        let step = |what: &'static str| {
            let store = store.clone();
            let sup = sup.clone();
            async move {
                let (kept, counted) = store.caseload_list_counts_kept_and_counted().await.unwrap();
                assert_eq!(kept, counted, "after {what}");
                for status in [ClientStatus::Active, ClientStatus::Archived] {
                    let all = ListScope { viewer: &sup, status, clinician: None, search: None };
                    let searched = ListScope { search: Some("Counted"), ..all };
                    let sorted = |mut v: Vec<rapport_store::caseload_lists::ClinicianCount>| {
                        v.sort_by(|a, b| a.clinician_id.as_str().cmp(b.clinician_id.as_str()));
                        v
                    };
                    assert_eq!(
                        sorted(store.caseload_counts(&all).await.unwrap()),
                        sorted(store.caseload_counts(&searched).await.unwrap()),
                        "the kept summary after {what}"
                    );
                }
                kept
            }
        };
        assert!(step("nothing").await.is_empty());
        store.set_supervisees(&sup, std::slice::from_ref(&alice), event(action::USER_UPDATE), &[]).await.unwrap();
        let mut clients = Vec::new();
        for name in ["Counted Ada", "Counted Ben", "Counted Cy"] {
            clients.push(store.create_client(&details(name), &alice, event(action::CLIENT_CREATE)).await.unwrap().id);
        }
        let kept = step("three new clients").await;
        assert_eq!(kept.len(), 2, "alice's and the supervisor's rows of alice's clients: {kept:?}");
        assert!(kept.iter().all(|l| l.ends_with("|3|0|0|3")), "three clients, all stale: {kept:?}");

        let stale = store.stale_caseload_cards(&sup).await.unwrap();
        let needs = CardNeeds { need_rank: 1, open_flag: true, overdue: 2 };
        store.save_caseload_needs(&stale.into_iter().map(|s| (s, needs)).collect::<Vec<_>>()).await.unwrap();
        assert!(step("needs kept").await.iter().all(|l| l.ends_with("|3|3|6|0")));

        store.add_care_team_member(&clients[0], &bob, event(action::CARE_TEAM_ADD)).await.unwrap();
        step("another clinician on a care team").await;
        store.set_responsible(&clients[0], &bob, event(action::CARE_TEAM_RESPONSIBLE)).await.unwrap();
        step("a new responsible clinician").await;
        store.set_client_status(&clients[1], ClientStatus::Archived, event(action::CLIENT_ARCHIVE)).await.unwrap();
        let kept = step("an archived client").await;
        assert!(kept.iter().any(|l| l.contains("|archived|")), "{kept:?}");
        store.set_supervisees(&sup, &[], event(action::USER_UPDATE), &[]).await.unwrap();
        let kept = step("supervision taken away").await;
        assert!(!kept.iter().any(|l| l.starts_with(sup.as_str())), "{kept:?}");
        store.set_supervisees(&sup, &[alice.clone(), bob.clone()], event(action::USER_UPDATE), &[]).await.unwrap();
        let kept = step("supervision of two").await;
        assert!(kept.iter().any(|l| l.starts_with(sup.as_str())), "{kept:?}");
        assert!(store.caseload_needs_under("another").await.unwrap());
        let kept = step("another configuration").await;
        assert!(kept.iter().all(|l| !l.ends_with("|0")), "every row stale: {kept:?}");
        // The API's caseload total comes from the kept counts too.
        let q = CaseloadQuery { limit: 50, ..Default::default() };
        assert_eq!(store.caseload(&sup, &q).await.unwrap().1, 2, "two active clients under the supervisor");
    })
    .await;
}

/// Writes to clients and needs saves running at once never fail (on
/// PostgreSQL they would deadlock on list and count rows if a needs save did
/// not take the writers' turn first), and leave the counts equal to a count.
#[tokio::test]
async fn caseload_needs_saves_and_writes_at_once_never_fail() {
    use rapport_store::caseload_lists::CardNeeds;
    on_each_backend(|store| async move {
        let alice = user(&store, "alice@example.org", Role::Clinician).await;
        let sup = user(&store, "sup@example.org", Role::Supervisor).await;
        store.set_supervisees(&sup, std::slice::from_ref(&alice), event(action::USER_UPDATE), &[]).await.unwrap();
        let mut clients = Vec::new();
        for i in 0..12 {
            let name = format!("Busy {i:02}");
            clients.push(store.create_client(&details(&name), &alice, event(action::CLIENT_CREATE)).await.unwrap().id);
        }
        let mut tasks = Vec::new();
        for w in 0..4 {
            let (store, clients) = (store.clone(), clients.clone());
            tasks.push(tokio::spawn(async move {
                for round in 0..15 {
                    // Each writer goes through the clients in its own order.
                    let c = &clients[(round * (w + 1) + w) % clients.len()];
                    let mut d = details(&format!("Busy {w} {round}"));
                    d.pronouns = Some(format!("{w}/{round}"));
                    let mut e = event(action::CLIENT_UPDATE);
                    e.client_id = Some(c.to_string());
                    store.update_client(c, &d, None, e).await.map(|_| ())?;
                }
                Ok::<(), rapport_store::StoreError>(())
            }));
        }
        for viewer in [alice.clone(), sup.clone(), alice.clone(), sup.clone()] {
            let store = store.clone();
            tasks.push(tokio::spawn(async move {
                for round in 0..15_i64 {
                    let mut stale = store.stale_caseload_cards(&viewer).await?;
                    // Saved in the reverse of the order read, every other round.
                    if round % 2 == 1 {
                        stale.reverse();
                    }
                    let needs = CardNeeds { need_rank: round, open_flag: round % 3 == 0, overdue: round % 4 };
                    store.save_caseload_needs(&stale.into_iter().map(|s| (s, needs)).collect::<Vec<_>>()).await?;
                }
                Ok(())
            }));
        }
        for t in tasks {
            t.await.unwrap().unwrap();
        }
        let (kept, counted) = store.caseload_list_counts_kept_and_counted().await.unwrap();
        assert_eq!(kept, counted);
        assert_eq!(kept.len(), 2, "alice's list and the supervisor's: {kept:?}");
    })
    .await;
}
