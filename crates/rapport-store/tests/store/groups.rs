//! Group IPT rows on each backend: transitive supervision, a group's
//! facilitators joining its members' care teams, the size guard, a meeting
//! stored in one transaction with its responses and risk flags, the
//! meeting-number race, the funnel's rows and a client's group history.

use super::{details, event, on_each_backend, user};
use rapport_core::access::Role;
use rapport_core::audit::action;
use rapport_core::group::{MemberStatus, ScreeningOutcome};
use rapport_core::measures::{score, Library};
use rapport_core::{Id, Timestamp};
use rapport_store::groups::{NewAttendance, NewGroup, NewGroupSession, NewScreening, PreGroup};
use rapport_store::measures::{Mode, NewResponse};
use rapport_store::{Store, StoreError};

fn phq9(client: &Id, by: &Id, answers: &[i64]) -> NewResponse {
    let lib = Library::builtin();
    let answers: Vec<Option<i64>> = answers.iter().map(|a| Some(*a)).collect();
    NewResponse {
        client_id: client.clone(),
        course_id: None,
        score: score(lib.get("phq9").unwrap(), &answers).unwrap(),
        unscored_answers: None,
        completed_at: Timestamp::now(),
        entered_by: Some(by.clone()),
        mode: Mode::InSession,
        group_session_id: None,
    }
}

fn date(s: &str) -> time::Date {
    rapport_core::time::parse_date(s).unwrap()
}

async fn group(store: &Store, facilitators: Vec<Id>, by: &Id) -> Id {
    let g = NewGroup {
        name: "Tuesday women's group".into(),
        site_id: None,
        protocol_id: "ipt-group-who".into(),
        planned_sessions: 8,
        start_date: date("2026-10-06"),
        meeting_time: Some("14:00".into()),
        single_gender: true,
        facilitators,
        created_by: by.clone(),
    };
    store.create_group(&g, event(action::GROUP_CREATE)).await.unwrap().id
}

#[tokio::test]
async fn supervision_reaches_down_the_chain_and_stops_at_circles() {
    on_each_backend(|store| async move {
        let master = user(&store, "master@example.org", Role::Supervisor).await;
        let sup = user(&store, "sup@example.org", Role::Supervisor).await;
        let fac = user(&store, "fac@example.org", Role::Facilitator).await;
        let other = user(&store, "other@example.org", Role::Supervisor).await;
        store.add_supervision(&master, &sup, event(action::SUPERVISION_ADD)).await.unwrap();
        store.add_supervision(&sup, &fac, event(action::SUPERVISION_ADD)).await.unwrap();
        let mut want = vec![sup.clone(), fac.clone()];
        want.sort();
        assert_eq!(store.supervision_reach(&master).await.unwrap(), want);
        assert_eq!(store.supervision_reach(&sup).await.unwrap(), vec![fac.clone()]);
        assert!(store.supervision_reach(&other).await.unwrap().is_empty());
        assert_eq!(store.active_supervisors_of(&fac).await.unwrap(), vec![sup.clone()], "direct only");
        // Replacing a supervisor's list rebuilds the reach too.
        store.set_supervisees(&sup, &[], event(action::USER_UPDATE), &[]).await.unwrap();
        assert_eq!(store.supervision_reach(&master).await.unwrap(), vec![sup.clone()]);
        // A circle written straight into the table does not loop or reach oneself.
        store.add_supervision(&fac, &master, event(action::SUPERVISION_ADD)).await.unwrap();
        store.add_supervision(&sup, &fac, event(action::SUPERVISION_ADD)).await.unwrap();
        assert!(!store.supervision_reach(&master).await.unwrap().contains(&master));
    })
    .await;
}

#[tokio::test]
async fn members_join_facilitators_care_teams_and_a_meeting_is_stored_whole() {
    on_each_backend(|store| async move {
        let sup = user(&store, "gsup@example.org", Role::Supervisor).await;
        let fac = user(&store, "gfac@example.org", Role::Facilitator).await;
        store.add_supervision(&sup, &fac, event(action::SUPERVISION_ADD)).await.unwrap();
        let creator = user(&store, "creator@example.org", Role::Clinician).await;
        let g = group(&store, vec![fac.clone()], &sup).await;
        let a = store.create_client(&details("Member A"), &creator, event(action::CLIENT_CREATE)).await.unwrap().id;
        let b = store.create_client(&details("Member B"), &creator, event(action::CLIENT_CREATE)).await.unwrap().id;
        let c = store.create_client(&details("Member C"), &creator, event(action::CLIENT_CREATE)).await.unwrap().id;
        store.add_group_member(&g, &a, 2, event(action::GROUP_MEMBER_ADD)).await.unwrap();
        store.add_group_member(&g, &b, 2, event(action::GROUP_MEMBER_ADD)).await.unwrap();
        let full = store.add_group_member(&g, &c, 2, event(action::GROUP_MEMBER_ADD)).await.unwrap_err();
        assert!(matches!(full, StoreError::Invalid(ref m) if m.contains("full")), "{full:?}");
        let again = store.add_group_member(&g, &a, 9, event(action::GROUP_MEMBER_ADD)).await.unwrap_err();
        assert!(matches!(again, StoreError::Invalid(_)), "{again:?}");

        // The facilitator and (through them) the supervisor now see the members, not C.
        let now = Timestamp::now();
        let (_, rel) = store.client_with_relation(&fac, &a, now).await.unwrap().unwrap();
        assert!(rel.on_care_team);
        let (_, rel) = store.client_with_relation(&sup, &b, now).await.unwrap().unwrap();
        assert!(rel.supervises_care_team_member);
        let (_, rel) = store.client_with_relation(&fac, &c, now).await.unwrap().unwrap();
        assert!(!rel.on_care_team && !rel.supervises_care_team_member);

        let pre = PreGroup {
            problem_areas: vec!["grief".into()],
            goal: "Talk to my sister again".into(),
            consent: true,
            held_on: date("2026-10-01"),
            parent_session_on: None,
        };
        let baseline = (phq9(&a, &fac, &[2, 2, 2, 2, 2, 2, 1, 1, 0]), event(action::MEASURE_RECORD));
        let rec = store.record_pre_group(&g, &a, &pre, Some(baseline), event(action::GROUP_PRE_GROUP)).await.unwrap();
        assert!(rec.unwrap().risk_flag_id.is_none());

        // Meeting 1: A attends with a positive item 9, B is absent.
        let meeting = |number: u32| NewGroupSession {
            group_id: g.clone(),
            number,
            phase: "initial".into(),
            held_on: date("2026-10-06"),
            group_note: Some("Rules agreed".into()),
            task: Some("Notice one moment of closeness".into()),
            agenda_done: vec![1, 2],
            recorded_by: fac.clone(),
            attendance: vec![
                NewAttendance { client_id: a.clone(), attended: true, note: Some("Tearful".into()) },
                NewAttendance { client_id: b.clone(), attended: false, note: None },
            ],
        };
        let responses = vec![(phq9(&a, &fac, &[2, 2, 2, 2, 2, 2, 1, 1, 2]), event(action::MEASURE_RECORD))];
        let (sid, recorded) =
            store.record_group_session(&meeting(1), responses, event(action::GROUP_SESSION_RECORD), &[]).await.unwrap();
        assert_eq!(recorded.len(), 1);
        let flag = recorded[0].risk_flag_id.clone().expect("item 9 raises a flag");
        let flags = store.visible_risk_flags(&sup, None).await.unwrap();
        assert!(flags.iter().any(|f| f.id == flag), "the facilitator's supervisor sees the member's flag");
        // A second meeting with the same number lost the race: nothing stored.
        let lost = store.record_group_session(&meeting(1), vec![], event(action::GROUP_SESSION_RECORD), &[]).await;
        assert!(matches!(lost, Err(StoreError::Conflict)), "{lost:?}");

        let detail = store.group(&g).await.unwrap().unwrap();
        assert_eq!(detail.group.sessions_held, 1);
        assert_eq!((detail.sessions[0].attended, detail.sessions[0].absent), (1, 1));
        assert_eq!(detail.sessions[0].id, sid);
        let ma = detail.members.iter().find(|m| m.client_id == a).unwrap();
        assert_eq!((ma.status, ma.sessions_attended), (MemberStatus::Active, 1), "attending makes a member active");
        assert_eq!(ma.problem_areas, vec!["grief".to_string()]);
        let mb = detail.members.iter().find(|m| m.client_id == b).unwrap();
        assert_eq!(mb.status, MemberStatus::AwaitingPreGroup, "absence changes nothing");
        let scores = store.group_member_scores(&g).await.unwrap();
        assert_eq!(scores.iter().filter(|s| s.client_id == a).count(), 2, "baseline and meeting 1");
        assert_eq!(scores.iter().filter(|s| s.group_session_id.as_ref() == Some(&sid)).count(), 1);

        store
            .set_member_status(&g, &b, MemberStatus::DroppedOut, Some("Moved away"), event(action::GROUP_MEMBER_STATUS))
            .await
            .unwrap();
        store.close_group(&g, event(action::GROUP_CLOSE)).await.unwrap();
        let history = store.client_groups(&a).await.unwrap();
        assert_eq!((history.len(), history[0].status, history[0].sessions_attended), (1, MemberStatus::Completed, 1));
        let history = store.client_groups(&b).await.unwrap();
        assert_eq!(
            (history[0].status, history[0].status_reason.as_deref()),
            (MemberStatus::DroppedOut, Some("Moved away"))
        );

        // Screening: C screened by the supervisor, referred on a positive item 9.
        let s = NewScreening {
            client_id: c.clone(),
            site_id: None,
            protocol_id: "ipt-group-who".into(),
            total: Some(14),
            risk_positive: true,
            outcome: ScreeningOutcome::Referred,
            note: None,
            screened_by: sup.clone(),
        };
        let resp = (phq9(&c, &sup, &[2, 2, 2, 2, 1, 1, 1, 1, 2]), event(action::MEASURE_RECORD));
        let (_, rec) = store.record_screening(&s, resp, event(action::SCREENING_RECORD)).await.unwrap();
        assert!(rec.risk_flag_id.is_some());
        assert_eq!(store.client_screenings(&c).await.unwrap()[0].outcome, ScreeningOutcome::Referred);
        // The creator sees all three (care team); the facilitator only the two members.
        let rows = store.funnel_rows(&creator).await.unwrap();
        assert_eq!(rows.len(), 3);
        let rc = rows.iter().find(|r| r.client_id == c).unwrap();
        assert_eq!((rc.screening, rc.member_status), (Some(ScreeningOutcome::Referred), None));
        let rows = store.funnel_rows(&fac).await.unwrap();
        let mut seen: Vec<Id> = rows.iter().map(|r| r.client_id.clone()).collect();
        seen.sort();
        let mut want = vec![a.clone(), b.clone()];
        want.sort();
        assert_eq!(seen, want);
    })
    .await;
}
