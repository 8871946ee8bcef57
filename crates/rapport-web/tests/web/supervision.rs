//! Supervision and fidelity over HTTP (issue 14): who may rate which
//! session as what, scoring and agreement, the supervisor's dashboard (an
//! overdue initial phase first among the cases without risk), supervision
//! hours and their ratio, trainings and certification progress computed
//! from what is recorded. Accounts are 40 days old (`TestApp::user`).

use crate::matrix::{e, j, Entry};
use crate::support::*;
use rapport_core::access::Role;
use rapport_core::time::format_date;
use rapport_core::Timestamp;
use reqwest::Method;
use serde_json::json;
use time::Duration;

/// Callers: anonymous, admin, the supervisor of the clinician on the team,
/// the clinician on the team (who ran `{session}`; `{author}` is their id),
/// another clinician, then the portal client and the two facilitators where
/// the defaults do not fit (a facilitator reaches no individual session, no
/// other person's professional record).
pub fn matrix_entries() -> Vec<Entry> {
    use Method as M;
    let rate = r#"{"checklist": "ipt-adherence", "rater": "self", "ratings": {"symptom_review": 2}}"#;
    let meeting = r#"{"kind": "individual", "held_on": "2026-11-02", "minutes": 60, "supervisee_ids": []}"#;
    let training = r#"{"user_id": "{author}", "course_name": "Matrix course", "hours": 2, "held_on": "2026-01-05"}"#;
    let certify = r#"{"pathway": "ipt-certified-therapist", "certified_on": "2026-01-05"}"#;
    vec![
        e(M::GET, "/api/v1/fidelity-checklists", "/api/v1/fidelity-checklists", "LAAAA"),
        e(M::GET, "/api/v1/sessions/{id}/fidelity", "/api/v1/sessions/{session}/fidelity", "LNAAN"),
        // The supervisor may not self-rate someone else's session.
        j(M::POST, "/api/v1/sessions/{id}/fidelity", "/api/v1/sessions/{session}/fidelity", "LNFAN", rate),
        e(M::GET, "/api/v1/supervision/cases", "/api/v1/supervision/cases", "LFAFF"),
        e(M::GET, "/api/v1/supervision/meetings", "/api/v1/supervision/meetings", "LAAAA"),
        // The supervisor passes the access check and is told to name a supervisee (422).
        j(M::POST, "/api/v1/supervision/meetings", "/api/v1/supervision/meetings", "LFAFF", meeting),
        j(M::POST, "/api/v1/trainings", "/api/v1/trainings", "LAAANNNN", training),
        e(M::GET, "/api/v1/users/{id}/professional-record", "/api/v1/users/{author}/professional-record", "LAAANNNN"),
        // A certification is recorded by someone else: the administrator or the supervisor.
        j(M::POST, "/api/v1/users/{id}/certifications", "/api/v1/users/{author}/certifications", "LAAFNNNN", certify),
        e(M::GET, "/api/v1/sessions/{id}/recordings", "/api/v1/sessions/{session}/recordings", "LNAAN"),
        // Recordings are off until an administrator sets a retention period.
        j(M::POST, "/api/v1/sessions/{id}/recordings", "/api/v1/sessions/{session}/recordings", "LNFFNNNN", "{}"),
        e(M::GET, "/api/v1/recordings/{id}/audio", "/api/v1/recordings/{random}/audio", "LNNNN"),
    ]
}

pub fn days_ago(n: i64) -> String {
    format_date(Timestamp::now().date() - Duration::days(n))
}

/// A course of `api`'s user started 60 days ago with `held` weekly sessions; (client, course, sessions).
pub async fn course_with_sessions(api: &Api, name: &str, held: i64) -> (String, String, Vec<String>) {
    let client = api.new_client(name).await;
    let course = api
        .new_course(&client, json!({"protocol": "ipt-individual", "planned_sessions": 16, "start_date": days_ago(60)}))
        .await;
    let dates: Vec<String> = (0..held).map(|i| days_ago(56 - 7 * i)).collect();
    let refs: Vec<&str> = dates.iter().map(String::as_str).collect();
    let sessions = api.attended_sessions(&course, &refs).await;
    (client, course, sessions)
}

async fn agree_initial_phase(api: &Api, course: &str) {
    for item in ["formulation", "contract"] {
        let (s, b) =
            api.put(&format!("/api/v1/courses/{course}/checklist/{item}"), json!({"done_on": days_ago(40)})).await;
        assert_eq!(s, 200, "{b}");
    }
}

#[tokio::test]
async fn who_may_rate_a_session_as_what_and_how_they_agree() {
    on_each_backend(|app| async move {
        let clin = app.user("fid-clin@clinic.example", Role::Clinician).await;
        let peer = app.user("fid-peer@clinic.example", Role::Clinician).await;
        let other = app.user("fid-other@clinic.example", Role::Clinician).await;
        let sup = app.user("fid-sup@clinic.example", Role::Supervisor).await;
        let stranger_sup = app.user("fid-stranger@clinic.example", Role::Supervisor).await;
        app.store
            .set_supervisees(&sup.id, std::slice::from_ref(&clin.id), test_event("user.update"), &[])
            .await
            .unwrap();
        let (c, p, o, s, x) = (
            Api::new(&app, &clin).await,
            Api::new(&app, &peer).await,
            Api::new(&app, &other).await,
            Api::new(&app, &sup).await,
            Api::new(&app, &stranger_sup).await,
        );
        let (client, _, sessions) = course_with_sessions(&c, "Rated Person", 2).await;
        let b = app.browser_as(&clin.email).await;
        let team = format!("/clients/{client}/care-team");
        let peer_id = peer.id.to_string();
        assert_eq!(b.submit(&team, &team, &[("user_id", peer_id.as_str())]).await.status(), 303);
        let path = format!("/api/v1/sessions/{}/fidelity", sessions[0]);

        let (st, list) = c.get("/api/v1/fidelity-checklists").await;
        assert_eq!(st, 200);
        let adherence = list.as_array().unwrap().iter().find(|c| c["id"] == "ipt-adherence").unwrap().clone();
        assert_eq!((adherence["scale"]["min"].as_i64(), adherence["scale"]["max"].as_i64()), (Some(0), Some(3)));
        assert!(adherence["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["id"] == "formulation" && i["phase"] == "initial"));

        let mine = json!({"symptom_review": 3, "sick_role": 2, "inventory": 2});
        let (st, r) = c.post(&path, json!({"checklist": "ipt-adherence", "rater": "self", "ratings": mine})).await;
        assert_eq!(st, 201, "{r}");
        assert_eq!((r["score"].as_f64(), r["pass"].as_bool()), (Some(7.0 / 3.0), Some(true)));
        assert!(r["agreement"].is_null(), "no supervisor rating yet");

        // The supervisor rates the same session lower on one item and sees the agreement.
        let theirs = json!({"symptom_review": 3, "sick_role": 0, "inventory": 1});
        let (st, r) =
            s.post(&path, json!({"checklist": "ipt-adherence", "rater": "supervisor", "ratings": theirs})).await;
        assert_eq!(st, 201, "{r}");
        assert_eq!(r["pass"], false, "mean 1.33 is under 2.0");
        let ag = &r["agreement"];
        assert_eq!(ag["items"].as_array().unwrap().len(), 3);
        assert_eq!(ag["exact"].as_f64(), Some(1.0 / 3.0));
        assert_eq!(ag["within_one"].as_f64(), Some(2.0 / 3.0));
        let (st, got) = c.get(&path).await;
        assert_eq!(st, 200);
        assert_eq!(got["ratings"].as_array().unwrap().len(), 2);
        assert_eq!(got["may_rate_as"], json!(["self"]));
        assert_eq!(got["agreements"]["ipt-adherence"]["exact"].as_f64(), Some(1.0 / 3.0));

        // A colleague on the care team peer-rates; they may not pose as the clinician or a supervisor.
        let one = json!({"symptom_review": 2});
        assert_eq!(
            p.post(&path, json!({"checklist": "session-quality", "rater": "peer", "ratings": {"alliance": 4}})).await.0,
            201
        );
        assert_eq!(p.post(&path, json!({"checklist": "ipt-adherence", "rater": "self", "ratings": one})).await.0, 403);
        assert_eq!(
            p.post(&path, json!({"checklist": "ipt-adherence", "rater": "supervisor", "ratings": one})).await.0,
            403
        );
        // The clinician cannot rate as supervisor; a supervisor who does not supervise them is refused.
        assert_eq!(
            c.post(&path, json!({"checklist": "ipt-adherence", "rater": "supervisor", "ratings": one})).await.0,
            403
        );
        // Someone who cannot see the session: 404, for rating and reading alike.
        assert_eq!(o.post(&path, json!({"checklist": "ipt-adherence", "rater": "peer", "ratings": one})).await.0, 404);
        assert_eq!(o.get(&path).await.0, 404);
        assert_eq!(
            x.post(&path, json!({"checklist": "ipt-adherence", "rater": "supervisor", "ratings": one})).await.0,
            404
        );
        // Bad input names the field and stores nothing.
        let before = app.scalar("SELECT COUNT(*) AS n FROM fidelity_ratings", &[]).await;
        let (st, e) =
            c.post(&path, json!({"checklist": "ipt-adherence", "rater": "self", "ratings": {"sick_role": 4}})).await;
        assert_eq!(st, 422, "{e}");
        assert!(e.to_string().contains("ratings.sick_role"), "{e}");
        let (st, e) =
            c.post(&path, json!({"checklist": "ipt-adherence", "rater": "self", "ratings": {"tea": 1}})).await;
        assert_eq!(st, 422, "{e}");
        let (st, e) = c.post(&path, json!({"checklist": "group-facilitator", "rater": "self", "ratings": one})).await;
        assert_eq!(st, 422, "a group checklist on an individual session: {e}");
        assert!(e.to_string().contains("checklist"), "{e}");
        let (st, e) = c.post(&path, json!({"checklist": "ipt-adherence", "rater": "boss", "ratings": one})).await;
        assert_eq!(st, 422, "{e}");
        let (st, _) =
            c.post(&path, json!({"checklist": "ipt-adherence", "rater": "self", "ratings": one, "extra": 1})).await;
        assert!(st == 400 || st == 422, "unknown fields are refused: {st}");
        assert_eq!(app.scalar("SELECT COUNT(*) AS n FROM fidelity_ratings", &[]).await, before);
    })
    .await;
}

#[tokio::test]
async fn the_dashboard_puts_an_overdue_initial_phase_first_and_counts_hours_and_progress() {
    on_each_backend(|app| async move {
        let master = app.user("dash-master@clinic.example", Role::Supervisor).await;
        let sup = app.user("dash-sup@clinic.example", Role::Supervisor).await;
        let clin = app.user("dash-clin@clinic.example", Role::Clinician).await;
        let outsider = app.user("dash-out@clinic.example", Role::Clinician).await;
        app.store.set_supervisees(&sup.id, std::slice::from_ref(&clin.id), test_event("user.update"), &[]).await.unwrap();
        app.store.set_supervisees(&master.id, std::slice::from_ref(&sup.id), test_event("user.update"), &[]).await.unwrap();
        let (c, s, m, o) =
            (Api::new(&app, &clin).await, Api::new(&app, &sup).await, Api::new(&app, &master).await, Api::new(&app, &outsider).await);
        // Four sessions held and no agreed formulation: overdue. Two sessions: still in time.
        // Five sessions with the formulation and contract agreed: fine.
        let (_, overdue, _) = course_with_sessions(&c, "Aaron Overdue", 4).await;
        let (_, early, _) = course_with_sessions(&c, "Betty Early", 2).await;
        let (_, agreed, agreed_sessions) = course_with_sessions(&c, "Carla Agreed", 5).await;
        agree_initial_phase(&c, &agreed).await;
        course_with_sessions(&o, "Olga Outside", 6).await;

        let (st, d) = s.get("/api/v1/supervision/cases").await;
        assert_eq!(st, 200, "{d}");
        let cases = d["cases"].as_array().unwrap();
        let names: Vec<&str> = cases.iter().map(|c| c["client_name"].as_str().unwrap()).collect();
        assert_eq!(names.len(), 3, "the outsider's client is not on it: {names:?}");
        assert_eq!(names[0], "Aaron Overdue", "{names:?}");
        let first = &cases[0];
        assert_eq!(first["course_id"], overdue.as_str());
        assert_eq!(first["initial_phase_overdue"], true);
        assert_eq!((first["sessions_held"].as_u64(), first["planned_sessions"].as_u64()), (Some(4), Some(16)));
        assert_eq!(first["open_risk_flags"], 0);
        assert!(first["reasons"][0].as_str().unwrap().starts_with("Initial phase overdue"), "{first}");
        let by = |course: &str| cases.iter().find(|c| c["course_id"] == course).unwrap().clone();
        assert_eq!(by(&early)["initial_phase_overdue"], false);
        assert_eq!(by(&agreed)["initial_phase_overdue"], false);
        assert!(by(&overdue)["not_on_track"].is_boolean());
        // The master trainer sees the cases down the chain; a clinician may not open the dashboard.
        let (st, d) = m.get("/api/v1/supervision/cases").await;
        assert_eq!((st, d["cases"].as_array().unwrap().len()), (200, 3));
        assert_eq!(c.get("/api/v1/supervision/cases").await.0, 403);

        // A failed supervisor rating shows on the case.
        let path = format!("/api/v1/sessions/{}/fidelity", agreed_sessions[4]);
        let ratings = json!({"mood_events": 1, "area_work": 1, "analysis": 0});
        assert_eq!(s.post(&path, json!({"checklist": "ipt-adherence", "rater": "supervisor", "ratings": ratings})).await.0, 201);
        let (_, d) = s.get("/api/v1/supervision/cases").await;
        let agreed_row = d["cases"].as_array().unwrap().iter().find(|c| c["course_id"] == agreed.as_str()).unwrap().clone();
        assert_eq!((agreed_row["fidelity_failed"].as_bool(), agreed_row["latest_fidelity_pass"].as_bool()), (Some(true), Some(false)));

        // Supervision meetings: 60 + 90 minutes received by the clinician; 11 sessions of 50 minutes given.
        let clin_id = clin.id.to_string();
        let (st, b) = s
            .post(
                "/api/v1/supervision/meetings",
                json!({"kind": "individual", "held_on": days_ago(20), "minutes": 60, "supervisee_ids": [clin_id],
                       "course_ids": [overdue], "decisions": "Agree the formulation next time",
                       "actions": [{"text": "Bring the timeline", "owner_id": clin_id, "due_on": days_ago(13)}]}),
            )
            .await;
        assert_eq!(st, 201, "{b}");
        assert_eq!(
            s.post("/api/v1/supervision/meetings", json!({"kind": "group", "held_on": days_ago(6), "minutes": 90, "supervisee_ids": [clin_id]})).await.0,
            201
        );
        // Someone the supervisor does not supervise, a future date, a silly length: 422 naming the field.
        let (st, e) = s
            .post("/api/v1/supervision/meetings", json!({"kind": "individual", "held_on": days_ago(1), "minutes": 60, "supervisee_ids": [outsider.id.to_string()]}))
            .await;
        assert_eq!(st, 422, "{e}");
        assert!(e.to_string().contains("supervisee_ids[0]"), "{e}");
        let tomorrow = format_date(Timestamp::now().date() + Duration::days(1));
        let (st, e) = s
            .post("/api/v1/supervision/meetings", json!({"kind": "individual", "held_on": tomorrow, "minutes": 60, "supervisee_ids": [clin_id]}))
            .await;
        assert_eq!(st, 422, "{e}");
        assert!(e.to_string().contains("held_on"), "{e}");
        assert_eq!(c.post("/api/v1/supervision/meetings", json!({"kind": "individual", "held_on": days_ago(1), "minutes": 60, "supervisee_ids": [clin_id]})).await.0, 403);
        let (st, meetings) = c.get("/api/v1/supervision/meetings").await;
        assert_eq!((st, meetings.as_array().unwrap().len()), (200, 2));
        assert_eq!(meetings[1]["course_ids"], json!([overdue]));
        assert_eq!(meetings[1]["actions"][0]["text"], "Bring the timeline");

        // Trainings and certification progress, computed from what is recorded.
        assert_eq!(s.post("/api/v1/trainings", json!({"user_id": clin_id, "course_name": "IPT foundation", "hours": 16, "held_on": days_ago(90)})).await.0, 201);
        let (st, e) = s.post("/api/v1/trainings", json!({"user_id": clin_id, "course_name": "IPT", "hours": 0, "held_on": days_ago(9)})).await;
        assert_eq!(st, 422, "{e}");
        assert_eq!(o.post("/api/v1/trainings", json!({"user_id": clin_id, "course_name": "X", "hours": 2, "held_on": days_ago(9)})).await.0, 404);
        let (st, rec) = c.get(&format!("/api/v1/users/{clin_id}/professional-record")).await;
        assert_eq!(st, 200, "{rec}");
        assert_eq!(rec["hours"]["supervision_minutes"], 150);
        assert_eq!(rec["hours"]["therapy_minutes"], 11 * 50);
        let ratio = rec["hours"]["ratio"].as_f64().unwrap();
        assert!((ratio - 150.0 / 550.0).abs() < 1e-9, "{ratio}");
        let p = rec["pathways"].as_array().unwrap().iter().find(|p| p["pathway"] == "ipt-certified-therapist").unwrap();
        assert_eq!(p["complete"], false);
        let req: Vec<(bool, f64)> =
            p["requirements"].as_array().unwrap().iter().map(|r| (r["met"].as_bool().unwrap(), r["have"].as_f64().unwrap())).collect();
        assert_eq!(req, vec![(true, 16.0), (false, 2.5), (false, 0.0)], "the one supervised case failed its rating");
        // The outsider cannot read it; the master trainer can; certification is recorded by the supervisor.
        assert_eq!(o.get(&format!("/api/v1/users/{clin_id}/professional-record")).await.0, 404);
        assert_eq!(m.get(&format!("/api/v1/users/{clin_id}/professional-record")).await.0, 200);
        assert_eq!(c.post(&format!("/api/v1/users/{clin_id}/certifications"), json!({"pathway": "ipt-certified-therapist", "certified_on": days_ago(1)})).await.0, 403);
        assert_eq!(s.post(&format!("/api/v1/users/{clin_id}/certifications"), json!({"pathway": "ipt-certified-therapist", "certified_on": days_ago(1)})).await.0, 204);
        let (_, rec) = c.get(&format!("/api/v1/users/{clin_id}/professional-record")).await;
        assert_eq!(rec["certifications"][0]["pathway"], "ipt-certified-therapist");
        assert!(rec["certifications"][0]["expires_on"].as_str().is_some());
    })
    .await;
}

#[tokio::test]
async fn a_recording_plays_only_for_the_clinician_and_supervisors_and_is_gone_after_retention() {
    on_each_backend(|app| async move {
        let clin = app.user("rec-clin@clinic.example", Role::Clinician).await;
        let peer = app.user("rec-peer@clinic.example", Role::Clinician).await;
        let sup = app.user("rec-sup@clinic.example", Role::Supervisor).await;
        let other_sup = app.user("rec-other@clinic.example", Role::Supervisor).await;
        app.store
            .set_supervisees(&sup.id, std::slice::from_ref(&clin.id), test_event("user.update"), &[])
            .await
            .unwrap();
        let (c, p, s, x) = (
            Api::new(&app, &clin).await,
            Api::new(&app, &peer).await,
            Api::new(&app, &sup).await,
            Api::new(&app, &other_sup).await,
        );
        let (client, _, sessions) = course_with_sessions(&c, "Recorded Person", 1).await;
        let b = app.browser_as(&clin.email).await;
        let team = format!("/clients/{client}/care-team");
        let peer_id = peer.id.to_string();
        assert_eq!(b.submit(&team, &team, &[("user_id", peer_id.as_str())]).await.status(), 303);
        let upload = |api: &Api, body: Vec<u8>, content_type: &'static str, consent: &str| {
            let url = app.url(&format!("/api/v1/sessions/{}/recordings?consent_note={}", sessions[0], consent));
            let req =
                http_client(false).post(url).bearer_auth(&api.token).header("content-type", content_type).body(body);
            async move {
                let r = req.send().await.unwrap();
                let status = r.status().as_u16();
                (status, r.json::<serde_json::Value>().await.unwrap_or_default())
            }
        };
        let audio: Vec<u8> = (0..4096u32).map(|i| (i % 251) as u8).collect();
        let consent = "Verbal%20consent%20recorded%20in%20session%201";

        // Off until the organisation sets a retention period.
        assert_eq!(upload(&c, audio.clone(), "audio/mpeg", consent).await.0, 403);
        let mut org = app.store.organisation().await.unwrap();
        org.recording_retention_days = 90;
        app.store.update_organisation(&org, test_event("settings.update")).await.unwrap();

        assert_eq!(
            upload(&s, audio.clone(), "audio/mpeg", consent).await.0,
            403,
            "only the clinician who ran it uploads"
        );
        let (st, e) = upload(&c, audio.clone(), "audio/mpeg", "ok").await;
        assert_eq!(st, 422, "{e}");
        assert!(e.to_string().contains("consent_note"), "{e}");
        let (st, e) = upload(&c, audio.clone(), "text/plain", consent).await;
        assert_eq!(st, 422, "{e}");
        assert!(e.to_string().contains("content_type"), "{e}");
        let (st, rec) = upload(&c, audio.clone(), "audio/mpeg", consent).await;
        assert_eq!(st, 201, "{rec}");
        let rec_id = rec["id"].as_str().unwrap().to_string();
        assert_eq!(rec["size_bytes"], 4096);

        let play = |api: &Api| {
            let url = app.url(&format!("/api/v1/recordings/{rec_id}/audio"));
            let req = http_client(false).get(url).bearer_auth(&api.token);
            async move {
                let r = req.send().await.unwrap();
                let status = r.status().as_u16();
                let cache = r.headers().get("cache-control").map(|v| v.to_str().unwrap().to_string());
                (status, cache, r.bytes().await.unwrap().to_vec())
            }
        };
        let (st, cache, got) = play(&c).await;
        assert_eq!((st, cache.as_deref()), (200, Some("no-store")));
        assert_eq!(got, audio, "the audio round-trips byte for byte");
        assert_eq!(play(&s).await.0, 200, "the clinician's supervisor");
        assert_eq!(play(&p).await.0, 404, "a colleague on the care team may not");
        assert_eq!(play(&x).await.0, 404, "a supervisor who does not supervise the clinician may not");
        assert_eq!(app.count(rapport_core::audit::action::RECORDING_PLAY).await, 2, "every play is audited");
        assert_eq!(p.get(&format!("/api/v1/sessions/{}/recordings", sessions[0])).await.1, json!([]));
        let (_, list) = s.get(&format!("/api/v1/sessions/{}/recordings", sessions[0])).await;
        assert_eq!(list.as_array().unwrap().len(), 1);

        // Not yet due: kept. After 90 days: the audio is gone, the facts stay.
        let now = Timestamp::now();
        let state = rapport_app::AppState::new(app.store.clone(), rapport_web::Config::default());
        assert_eq!(rapport_app::recordings::delete_expired(&state, now.plus(Duration::days(89))).await.unwrap(), 0);
        assert_eq!(play(&c).await.0, 200);
        assert_eq!(rapport_app::recordings::delete_expired(&state, now.plus(Duration::days(91))).await.unwrap(), 1);
        assert_eq!(play(&c).await.0, 404);
        assert_eq!(play(&s).await.0, 404);
        let (_, list) = c.get(&format!("/api/v1/sessions/{}/recordings", sessions[0])).await;
        assert!(list[0]["deleted_at"].is_string() && list[0]["audio_href"].is_null(), "{list}");
        assert_eq!(
            app.scalar("SELECT COUNT(*) AS n FROM session_recordings WHERE audio IS NOT NULL", &[]).await,
            0,
            "no audio is left in the database"
        );
        assert_eq!(app.count(rapport_core::audit::action::RECORDING_DELETE).await, 1);
    })
    .await;
}

/// Every supervision and fidelity action once, over HTTP (for the audit walk in `ui.rs`).
/// The accounts are made on the admin pages: the walk's entries all come from an address.
pub async fn exercise_every_action(app: &TestApp, admin: &Browser) {
    let form = "/admin/users/new";
    let mut fields = vec![
        ("email", "walk.fid.sup@clinic.example"),
        ("name", "Walk Fid Sup"),
        ("role", "supervisor"),
        ("password", PASSWORD),
    ];
    assert_eq!(admin.submit(form, form, &fields).await.status(), 303);
    let sup = app.store.user_by_email("walk.fid.sup@clinic.example").await.unwrap().unwrap().0;
    let sup_id = sup.id.to_string();
    fields = vec![
        ("email", "walk.fid.clin@clinic.example"),
        ("name", "Walk Fid Clin"),
        ("role", "clinician"),
        ("password", PASSWORD),
        ("supervisor", sup_id.as_str()),
    ];
    assert_eq!(admin.submit(form, form, &fields).await.status(), 303);
    let clin = app.store.user_by_email("walk.fid.clin@clinic.example").await.unwrap().unwrap().0;
    let (c, s) = (Api::new(app, &clin).await, Api::new(app, &sup).await);
    let (_, _, sessions) = course_with_sessions(&c, "Walk Rated", 1).await;
    let path = format!("/api/v1/sessions/{}/fidelity", sessions[0]);
    let rate = json!({"checklist": "ipt-adherence", "rater": "self", "ratings": {"symptom_review": 2}});
    assert_eq!(c.post(&path, rate).await.0, 201);
    assert_eq!(s.get(&path).await.0, 200);
    assert_eq!(s.get("/api/v1/supervision/cases").await.0, 200);
    let clin_id = clin.id.to_string();
    let meeting = json!({"kind": "individual", "held_on": days_ago(3), "minutes": 45, "supervisee_ids": [clin_id],
        "actions": [{"text": "Bring the timeline"}]});
    assert_eq!(s.post("/api/v1/supervision/meetings", meeting).await.0, 201);
    let action = app.store.supervision_meetings(&sup.id).await.unwrap()[0].actions[0].id.clone();
    let sb = app.browser_as("walk.fid.sup@clinic.example").await;
    let done = format!("/supervision/actions/{action}/done");
    assert_eq!(sb.submit("/supervision/meetings", &done, &[]).await.status(), 303);
    let training = json!({"user_id": clin_id, "course_name": "Walk course", "hours": 3, "held_on": days_ago(30)});
    assert_eq!(s.post("/api/v1/trainings", training).await.0, 201);
    let cert = json!({"pathway": "ipt-certified-therapist", "certified_on": days_ago(2)});
    assert_eq!(s.post(&format!("/api/v1/users/{clin_id}/certifications"), cert).await.0, 204);
    // Recordings on, on the settings page (the walk's earlier values kept).
    let settings = [
        ("name", "Audit Clinic"),
        ("idle_timeout_minutes", "20"),
        ("absolute_lifetime_hours", "10"),
        ("break_glass_hours", "2"),
        ("recording_retention_days", "30"),
    ];
    assert_eq!(admin.submit("/admin/settings", "/admin/settings", &settings).await.status(), 303);
    assert_eq!(app.store.organisation().await.unwrap().recording_retention_days, 30);
    let url =
        app.url(&format!("/api/v1/sessions/{}/recordings?consent_note=Consent%20given%20in%20session", sessions[0]));
    let r =
        http_client(false).post(url).bearer_auth(&c.token).header("content-type", "audio/ogg").body(vec![1u8, 2, 3]);
    let r = r.send().await.unwrap();
    assert_eq!(r.status().as_u16(), 201);
    let id = r.json::<serde_json::Value>().await.unwrap()["id"].as_str().unwrap().to_string();
    let play = http_client(false).get(app.url(&format!("/api/v1/recordings/{id}/audio"))).bearer_auth(&s.token);
    assert_eq!(play.send().await.unwrap().status().as_u16(), 200);
    let state = rapport_app::AppState::new(app.store.clone(), rapport_web::Config::default());
    let later = Timestamp::now().plus(Duration::days(31));
    assert_eq!(rapport_app::recordings::delete_expired(&state, later).await.unwrap(), 1);
}

/// A certificate in its last 60 days reminds its holder and their active
/// supervisors once; an expired one too; a renewal starts the count again;
/// a certificate years from expiry and a deactivated holder's stay quiet.
#[tokio::test]
async fn a_certificate_close_to_expiry_reminds_its_holder_and_supervisors_once() {
    on_each_backend(|app| async move {
        let st = rapport_web::AppState::new(app.store.clone(), rapport_web::Config::default());
        let sup = app.user("renew-sup@clinic.example", Role::Supervisor).await;
        let soon = app.user("renew-soon@clinic.example", Role::Clinician).await;
        let later = app.user("renew-later@clinic.example", Role::Clinician).await;
        let gone = app.user("renew-gone@clinic.example", Role::Clinician).await;
        let ids = [soon.id.clone(), later.id.clone(), gone.id.clone()];
        app.store.set_supervisees(&sup.id, &ids, test_event("user.update"), &[]).await.unwrap();
        let today = Timestamp::now().date();
        let certify = |user: rapport_core::Id, expires: time::Date| {
            let (store, sup_id) = (app.store.clone(), sup.id.clone());
            async move {
                let on = expires - Duration::days(3 * 365);
                store
                    .set_certification(
                        &user,
                        "ipt-certified-therapist",
                        on,
                        Some(expires),
                        &sup_id,
                        test_event("certification.record"),
                    )
                    .await
                    .unwrap();
            }
        };
        certify(soon.id.clone(), today + Duration::days(30)).await;
        certify(later.id.clone(), today + Duration::days(400)).await;
        certify(gone.id.clone(), today - Duration::days(2)).await;
        app.sql("UPDATE users SET active = 0 WHERE id = $1", &[gone.id.as_str()]).await;
        let outbox = |user: &rapport_core::Id| {
            let (app, user) = (&app, user.to_string());
            async move {
                app.scalar(
                    "SELECT COUNT(*) AS n FROM outbox WHERE kind = 'certification_renewal' AND recipient_user_id = $1",
                    &[user.as_str()],
                )
                .await
            }
        };

        let send = rapport_app::supervision::send_renewal_reminders;
        assert_eq!(send(&st, today).await.unwrap(), 1, "only the one in its last 60 days, of an active holder");
        assert_eq!((outbox(&soon.id).await, outbox(&sup.id).await), (1, 1), "the holder and the supervisor");
        assert_eq!((outbox(&later.id).await, outbox(&gone.id).await), (0, 0));
        assert_eq!(send(&st, today).await.unwrap(), 0, "once");
        assert_eq!(outbox(&sup.id).await, 1);
        // The record pages say the same.
        let b = app.browser_as(&sup.email).await;
        let (_, page) = b.text(&format!("/people/{}/record", soon.id)).await;
        assert!(page.contains("Renewal due: expires") && !page.contains("badge-risk\">Expired"), "{page}");
        let (_, page) = b.text(&format!("/people/{}/record", later.id)).await;
        assert!(!page.contains("Renewal due"), "400 days to go");

        // The later one reaches its window; a renewal of the first starts again.
        assert_eq!(send(&st, today + Duration::days(345)).await.unwrap(), 1);
        assert_eq!(outbox(&later.id).await, 1);
        certify(soon.id.clone(), today + Duration::days(20)).await;
        assert_eq!(send(&st, today).await.unwrap(), 1, "renewed: reminded again near its new end");
        assert_eq!((outbox(&soon.id).await, outbox(&sup.id).await), (2, 3));
    })
    .await;
}
