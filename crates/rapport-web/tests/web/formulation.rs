//! Formulation, problem-area workspaces and goals over HTTP: the API contract
//! (422 naming the field with nothing stored, versions, the dispute's stage
//! history, goal ratings and trend), the pages, access rules and audit entries.

use crate::matrix::{e, j, Entry};
use crate::support::*;
use rapport_core::access::Role;
use rapport_core::formulation::{AreaWork, AreaWorkspace, DisputeStage, DisputeWork, Formulation};
use rapport_core::Id;
use reqwest::Method;
use serde_json::{json, Value};

pub fn matrix_entries() -> Vec<Entry> {
    use Method as M;
    vec![
        e(M::GET, "/courses/{id}/formulation", "/courses/{course}/formulation", "LNAAN"),
        e(M::POST, "/courses/{id}/formulation", "/courses/{course}/formulation", "LNAAN"),
        e(M::GET, "/courses/{id}/formulation/{area}", "/courses/{course}/formulation/role_dispute", "LNAAN"),
        e(M::POST, "/courses/{id}/formulation/{area}", "/courses/{course}/formulation/role_dispute", "LNAAN"),
        e(M::GET, "/courses/{id}/goals", "/courses/{course}/goals", "LNAAN"),
        e(M::POST, "/courses/{id}/goals", "/courses/{course}/goals", "LNAAN"),
        e(M::POST, "/courses/{id}/goals/ratings", "/courses/{course}/goals/ratings", "LNAAN"),
        e(M::POST, "/courses/{id}/goals/{goal_id}", "/courses/{course}/goals/{goal}", "LNAAN"),
        e(M::GET, "/api/v1/courses/{id}/formulation", "/api/v1/courses/{course}/formulation", "LNAAN"),
        j(
            M::PUT,
            "/api/v1/courses/{id}/formulation",
            "/api/v1/courses/{course}/formulation",
            "LNAAN",
            r#"{"problem_areas": ["role_dispute"]}"#,
        ),
        e(M::GET, "/api/v1/courses/{id}/areas/{area}", "/api/v1/courses/{course}/areas/role_dispute", "LNAAN"),
        j(
            M::PUT,
            "/api/v1/courses/{id}/areas/{area}",
            "/api/v1/courses/{course}/areas/role_dispute",
            "LNAAN",
            r#"{"stage": "impasse"}"#,
        ),
        e(M::GET, "/api/v1/courses/{id}/goals", "/api/v1/courses/{course}/goals", "LNAAN"),
        j(
            M::POST,
            "/api/v1/courses/{id}/goals",
            "/api/v1/courses/{course}/goals",
            "LNAAN",
            r#"{"problem_area": "role_dispute", "statement": "Matrix goal"}"#,
        ),
        j(M::PUT, "/api/v1/goals/{id}", "/api/v1/goals/{goal}", "LNAAN", r#"{"target": "matrix"}"#),
        j(
            M::POST,
            "/api/v1/goals/{id}/ratings",
            "/api/v1/goals/{goal}/ratings",
            "LNAAN",
            r#"{"session_id": "not-a-session", "rating": 5}"#,
        ),
    ]
}

/// A formulation (role dispute), its workspace and a goal in the matrix course.
pub async fn matrix_fixtures(app: &TestApp, clinician: &Id, out: &mut Vec<(&'static str, String)>) {
    let course_id = out.iter().find(|(k, _)| *k == "{course}").map(|(_, v)| Id::from_db(v.clone())).unwrap();
    let course = app.store.course(&course_id).await.unwrap().unwrap();
    let at = rapport_store::records::Placement {
        client_id: course.client_id.clone(),
        course_id: Some(course.id.clone()),
        ..Default::default()
    };
    let f = Formulation { problem_areas: vec!["role_dispute".into()], ..Default::default() };
    app.store.create_record(&at, &f, clinician, test_event("record.create")).await.unwrap();
    let ws = AreaWorkspace {
        area: "role_dispute".into(),
        work: AreaWork::RoleDispute(DisputeWork { stage: Some(DisputeStage::Impasse), ..Default::default() }),
    };
    app.store.create_record(&at, &ws, clinician, test_event("record.create")).await.unwrap();
    let goal = rapport_core::goals::Goal {
        problem_area: "role_dispute".into(),
        statement: "Matrix goal".into(),
        ..Default::default()
    };
    let goal = app.store.create_record(&at, &goal, clinician, test_event("record.create")).await.unwrap();
    out.push(("{goal}", goal.id.to_string()));
}

/// A course of `protocol` for a fresh clinician's client, with `held` attended
/// weekly sessions from 2026-01-05 and one cancelled one after the second.
async fn course_with_sessions(app: &TestApp, email: &str, protocol: &str, held: usize) -> (Api, String, Vec<String>) {
    let (_, api, client) = client_of(app, email).await;
    let id = api.new_course(&client, json!({"protocol": protocol, "start_date": "2026-01-05"})).await;
    let mut sessions = Vec::new();
    let start = time::macros::date!(2026 - 01 - 05);
    for i in 0..held {
        let date = rapport_core::time::format_date(start + time::Duration::weeks(i as i64));
        sessions.extend(api.attended_sessions(&id, &[&date]).await);
        if i == 1 {
            sessions.push(api.new_session(&id, json!({"date": "2026-01-13", "attendance": "cancelled"})).await);
        }
    }
    (api, id, sessions)
}

#[tokio::test]
async fn formulation_put_contract() {
    on_each_backend(|app| async move {
        let (api, course, _) = course_with_sessions(&app, "form@clinic.example", "ipt-individual", 0).await;
        let path = format!("/api/v1/courses/{course}/formulation");
        let (s, f) = api.get(&path).await;
        assert_eq!(s, 200);
        assert_eq!(f["version"], 0);
        assert_eq!(f["max_problem_areas"], 2);
        assert_eq!(f["available_areas"].as_array().unwrap().len(), 4);

        // Refusals name the field, and store nothing.
        for (body, field) in [
            (json!({"problem_areas": ["grief", "role_dispute", "role_transition"]}), "problem_areas"),
            (json!({"problem_areas": ["grief", "loneliness"]}), "problem_areas[1]"),
            (json!({"problem_areas": ["grief", "grief"]}), "problem_areas[1]"),
            (json!({"problem_areas": [], "agreed_on": "2026-01-20"}), "problem_areas"),
            (json!({"problem_areas": ["grief"], "agreed_on": "20/01/2026"}), "agreed_on"),
            (json!({"problem_areas": ["grief"], "agreed_on": "2999-01-01"}), "agreed_on"),
        ] {
            let (s, r) = api.put(&path, body.clone()).await;
            assert_eq!(s, 422, "{body} -> {r}");
            assert_eq!(r["error"]["field"], field, "{body} -> {r}");
        }
        let (s, r) = api.put(&path, json!({"problem_areas": ["grief"], "mood": "low"})).await;
        assert_eq!((s, r["error"]["field"].as_str()), (400, Some("mood")));
        let (_, f) = api.get(&path).await;
        assert_eq!(f["version"], 0, "nothing stored: {f}");
        assert_eq!(app.count_for("record.create", "formulation").await, 0);

        let (s, f) = api
            .put(
                &path,
                json!({"problem_areas": ["role_dispute"], "symptom_link": "Low mood since the rows with Sam began",
                       "shared_text": "Your depression and the rows with Sam feed each other.", "rationale": "Clear onset link"}),
            )
            .await;
        assert_eq!(s, 200, "{f}");
        assert_eq!(f["version"], 1);
        assert_eq!(f["areas"], json!([{"id": "role_dispute", "label": "Role dispute"}]));
        assert_eq!(f["checklist_done"], false);
        let (_, c) = api.get(&format!("/api/v1/courses/{course}")).await;
        assert_eq!(c["problem_areas"], json!(["role_dispute"]), "the course reports the formulation's areas");

        // A stale version is refused; the current one goes through (with the dispute's other person).
        let (s, r) = api.put(&path, json!({"problem_areas": ["grief"], "version": 0})).await;
        assert_eq!(s, 409, "{r}");
        let area = format!("/api/v1/courses/{course}/areas/role_dispute");
        assert_eq!(api.put(&area, json!({"stage": "impasse", "other_person": "Sam"})).await.0, 200);
        let (s, f) = api
            .put(&path, json!({"problem_areas": ["role_dispute"], "agreed_on": "2026-01-20", "version": 1}))
            .await;
        assert_eq!(s, 200, "{f}");
        assert_eq!((f["version"].as_i64(), f["agreed_on"].as_str()), (Some(2), Some("2026-01-20")));
        assert_eq!(f["symptom_link"], Value::Null, "PUT replaces the whole formulation");
        // Ticking the checklist item shows in the formulation.
        let (s, _) = api
            .call(Method::PUT, &format!("/api/v1/courses/{course}/checklist/formulation"), Some(json!({"done_on": "2026-01-20"})))
            .await;
        assert_eq!(s, 200);
        let (_, f) = api.get(&path).await;
        assert_eq!(f["checklist_done"], true);
        assert_eq!(app.count_for("record.create", "formulation").await, 1);
        assert_eq!(app.count_for("record.update", "formulation").await, 1);
        assert!(app.count_for("record.read", "formulation").await >= 3);

        // Another clinician: looks absent.
        let other = app.user("other-form@clinic.example", Role::Clinician).await;
        let other = Api::new(&app, &other).await;
        assert_eq!(other.get(&path).await.0, 404);
        assert_eq!(other.put(&path, json!({"problem_areas": []})).await.0, 404);
        assert_eq!(api.get(&path).await.1["version"], 2, "the refused write changed nothing");

        // The three-area variant has no interpersonal deficits; IPC calls transitions life changes.
        let (api2, stuart, _) = course_with_sessions(&app, "stuart@clinic.example", "ipt-stuart", 0).await;
        let p2 = format!("/api/v1/courses/{stuart}/formulation");
        let (s, r) = api2.put(&p2, json!({"problem_areas": ["interpersonal_deficits"]})).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("problem_areas[0]")), "{r}");
        let (s, f) = api2.put(&p2, json!({"problem_areas": ["grief"]})).await;
        assert_eq!((s, f["areas"][0]["label"].as_str()), (200, Some("Grief and loss")));
        let (api3, ipc, _) = course_with_sessions(&app, "ipc@clinic.example", "ipc", 0).await;
        let (s, f) =
            api3.put(&format!("/api/v1/courses/{ipc}/formulation"), json!({"problem_areas": ["role_transition"]})).await;
        assert_eq!((s, f["areas"][0]["label"].as_str()), (200, Some("Life changes")));
        assert!(app.store.audit_verify().await.is_ok());
    })
    .await;
}

#[tokio::test]
async fn role_dispute_at_impasse_keeps_its_stage_history() {
    on_each_backend(|app| async move {
        let (api, course, _) = course_with_sessions(&app, "dispute@clinic.example", "ipt-individual", 0).await;
        let area = format!("/api/v1/courses/{course}/areas/role_dispute");
        // Before the formulation chooses the area.
        let (s, r) = api.put(&area, json!({"stage": "impasse"})).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("area")), "{r}");
        assert_eq!(api.get(&area).await.0, 422);
        let (s, _) =
            api.put(&format!("/api/v1/courses/{course}/formulation"), json!({"problem_areas": ["role_dispute"]})).await;
        assert_eq!(s, 200);
        let (s, r) =
            api.put(&format!("/api/v1/courses/{course}/areas/role_transition"), json!({"old_role": "x"})).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("area")), "not chosen: {r}");
        let (s, r) = api.put(&format!("/api/v1/courses/{course}/areas/anger"), json!({})).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("area")), "unknown: {r}");

        let (s, w) = api.get(&area).await;
        assert_eq!((s, w["version"].as_i64(), w["type"].as_str()), (200, Some(0), Some("role_dispute")), "{w}");
        for (body, field) in [
            (json!({"other_person": "Sam"}), "stage"),
            (json!({"stage": "war"}), "stage"),
            (json!({"stage": "impasse", "old_role": "teacher"}), "old_role"),
            (json!({"stage": "impasse", "person_id": "sam"}), "person_id"),
            (json!({"stage": "impasse", "stage_date": "2999-01-01"}), "stage_date"),
        ] {
            let (s, r) = api.put(&area, body.clone()).await;
            assert_eq!((s, r["error"]["field"].as_str()), (422, Some(field)), "{body} -> {r}");
        }
        let (s, r) = api.put(&area, json!({"stage": "impasse", "stage_history": []})).await;
        assert_eq!((s, r["error"]["field"].as_str()), (400, Some("stage_history")), "the history is not writable");
        assert_eq!(api.get(&area).await.1["version"], 0, "nothing stored");

        let (s, w) = api
            .put(
                &area,
                json!({"other_person": "Sam (partner)", "stage": "impasse", "stage_date": "2026-01-19",
                       "issues": "Housework and money", "client_expectations": "Share the chores",
                       "other_expectations": "Client earns more", "non_reciprocal": "Who does what at home",
                       "options": ["Talk on Sunday", "Couple session"], "version": 0}),
            )
            .await;
        assert_eq!(s, 200, "{w}");
        assert_eq!(w["stage_history"], json!([{"date": "2026-01-19", "from": null, "to": "impasse", "note": null}]));
        assert_eq!(w["options"], json!(["Talk on Sunday", "Couple session"]));
        assert!(w.get("old_role").is_none(), "{w}");

        // Same stage: a note alone is refused; edits keep the history.
        let (s, r) = api.put(&area, json!({"stage": "impasse", "stage_note": "still stuck", "version": 1})).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("stage_note")));
        let (s, w) = api
            .put(&area, json!({"other_person": "Sam (partner)", "stage": "impasse", "issues": "Money", "version": 1}))
            .await;
        assert_eq!((s, w["stage_history"].as_array().map(Vec::len)), (200, Some(1)), "{w}");
        // Moving to renegotiation appends to the history; a stale version is refused.
        let (s, _) = api.put(&area, json!({"stage": "renegotiation", "version": 1})).await;
        assert_eq!(s, 409);
        let (s, r) = api.put(&area, json!({"stage": "renegotiation", "stage_date": "2026-01-10", "version": 2})).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("stage_date")), "before the last change: {r}");
        let (s, w) = api
            .put(
                &area,
                json!({"other_person": "Sam (partner)", "stage": "renegotiation", "stage_date": "2026-02-02",
                       "stage_note": "They talked on Sunday", "version": 2}),
            )
            .await;
        assert_eq!(s, 200, "{w}");
        assert_eq!(w["stage"], "renegotiation");
        assert_eq!(
            w["stage_history"],
            json!([
                {"date": "2026-01-19", "from": null, "to": "impasse", "note": null},
                {"date": "2026-02-02", "from": "impasse", "to": "renegotiation", "note": "They talked on Sunday"}
            ])
        );
        let (_, again) = api.get(&area).await;
        assert_eq!(again["stage_history"], w["stage_history"]);
        assert_eq!(again["version"], 3);

        // The page shows the history; the audit names the stage change.
        let b = app.browser_as("dispute@clinic.example").await;
        let (s, html) = b.text(&format!("/courses/{course}/formulation/role_dispute")).await;
        assert_eq!(s, 200);
        assert!(html.contains("data-testid=\"stage-history\""));
        assert!(html.contains("They talked on Sunday"));
        let stage_changes = app
            .store
            .audit_entries(&rapport_store::AuditFilter {
                action: Some("record.update".into()),
                limit: 100,
                ..Default::default()
            })
            .await
            .unwrap()
            .into_iter()
            .filter(|e| e.event.detail.as_deref().is_some_and(|d| d.contains("stage impasse -> renegotiation")))
            .count();
        assert_eq!(stage_changes, 1);

        // Another clinician sees nothing.
        let other = app.user("other-dispute@clinic.example", Role::Clinician).await;
        let other = Api::new(&app, &other).await;
        assert_eq!(other.get(&area).await.0, 404);
        assert_eq!(other.put(&area, json!({"stage": "dissolution"})).await.0, 404);
        assert_eq!(
            app.browser_as("other-dispute@clinic.example")
                .await
                .text(&format!("/courses/{course}/formulation/role_dispute"))
                .await
                .0,
            404
        );
    })
    .await;
}

#[tokio::test]
async fn goals_are_rated_per_session_with_a_trend() {
    on_each_backend(|app| async move {
        let (api, course, sessions) = course_with_sessions(&app, "goals@clinic.example", "ipt-individual", 6).await;
        // sessions: held 1, held 2, cancelled, held 3..6
        let held: Vec<&String> = sessions.iter().enumerate().filter(|(i, _)| *i != 2).map(|(_, s)| s).collect();
        let cancelled = &sessions[2];
        let goals = format!("/api/v1/courses/{course}/goals");
        let (s, r) = api.post(&goals, json!({"problem_area": "role_dispute", "statement": "Talk"})).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("problem_area")), "no formulation yet: {r}");
        api.put(&format!("/api/v1/courses/{course}/formulation"), json!({"problem_areas": ["role_dispute"]})).await;
        let (s, r) = api.post(&goals, json!({"problem_area": "grief", "statement": "Visit the grave"})).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("problem_area")), "{r}");
        let (s, r) = api.post(&goals, json!({"problem_area": "role_dispute", "statement": "  "})).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("statement")));
        let (s, g) = api
            .post(
                &goals,
                json!({"problem_area": "role_dispute", "statement": "Say what I need without a row",
                       "clinician_wording": "Direct requests to partner", "target": "Twice a week", "due_session": 12}),
            )
            .await;
        assert_eq!(s, 201, "{g}");
        assert_eq!((g["status"].as_str(), g["trend"].clone()), (Some("active"), Value::Null));
        let gid = g["id"].as_str().unwrap().to_string();
        let (_, g2) = api.post(&goals, json!({"problem_area": "role_dispute", "statement": "See friends"})).await;
        let g2id = g2["id"].as_str().unwrap().to_string();

        let rate = format!("/api/v1/goals/{gid}/ratings");
        for (body, field) in [
            (json!({"session_id": held[0], "rating": 11}), "rating"),
            (json!({"session_id": held[0], "rating": -1}), "rating"),
            (json!({"session_id": cancelled, "rating": 3}), "session_id"),
            (json!({"session_id": Id::new().to_string(), "rating": 3}), "session_id"),
        ] {
            let (s, r) = api.post(&rate, body.clone()).await;
            assert_eq!((s, r["error"]["field"].as_str()), (422, Some(field)), "{body} -> {r}");
        }
        // A session of another course does not count either.
        let (_, other_course, other_sessions) = course_with_sessions(&app, "goals2@clinic.example", "ipc", 1).await;
        let _ = other_course;
        let (s, r) = api.post(&rate, json!({"session_id": other_sessions[0], "rating": 3})).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("session_id")));

        // Ratings at held sessions 2, 3, 5, 6 (out of order): rising.
        for (i, r) in [(4, 5), (1, 2), (2, 3), (5, 6)] {
            let (s, g) = api.post(&rate, json!({"session_id": held[i], "rating": r})).await;
            assert_eq!(s, 201, "{g}");
        }
        let (s, g) = api.post(&rate, json!({"session_id": held[5], "rating": 6})).await;
        assert_eq!(s, 200, "re-rating replaces: {g}");
        assert_eq!(g["ratings"].as_array().unwrap().len(), 4);
        let numbers: Vec<i64> =
            g["ratings"].as_array().unwrap().iter().map(|r| r["session_number"].as_i64().unwrap()).collect();
        assert_eq!(numbers, vec![2, 3, 5, 6]);
        assert_eq!(g["trend"], "rising");
        assert_eq!(g["latest_rating"], 6);
        assert_eq!(g["ratings_text"], "ratings 2, 3, 5, 6 — rising");
        api.post(&format!("/api/v1/goals/{g2id}/ratings"), json!({"session_id": held[4], "rating": 7})).await;
        api.post(&format!("/api/v1/goals/{g2id}/ratings"), json!({"session_id": held[5], "rating": 4})).await;
        let (_, list) = api.get(&goals).await;
        assert_eq!(list[1]["trend"], "falling");
        assert_eq!(app.count_for("record.create", "goal_rating").await, 6);
        assert_eq!(app.count_for("record.update", "goal_rating").await, 1);

        // Rewording keeps the old words; achieved, then dropped needs a reopen; stale versions refused.
        let put = format!("/api/v1/goals/{gid}");
        let (s, g) = api.put(&put, json!({"statement": "Ask for help calmly", "version": 1})).await;
        assert_eq!(s, 200, "{g}");
        assert_eq!(g["status"], "revised");
        assert_eq!(g["previous_wordings"][0]["statement"], "Say what I need without a row");
        assert_eq!(g["clinician_wording"], "Direct requests to partner", "left out: kept");
        assert_eq!(api.put(&put, json!({"status": "achieved", "version": 1})).await.0, 409);
        let (s, g) = api.put(&put, json!({"status": "achieved", "status_note": "Did it", "version": 2})).await;
        assert_eq!((s, g["status"].as_str()), (200, Some("achieved")));
        let (s, r) = api.put(&put, json!({"status": "dropped"})).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("status")));
        let (s, r) = api.put(&put, json!({"status": "revised"})).await;
        assert_eq!(s, 200, "reopening keeps it marked revised: {r}");
        assert_eq!(r["status"], "revised");
        let (s, r) = api.put(&put, json!({"due_session": 40})).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("due_session")));
        let (s, r) = api.put(&put, json!({"colour": "red"})).await;
        assert_eq!((s, r["error"]["field"].as_str()), (400, Some("colour")));

        // The page: a sparkline with its text, the trend word, and the rating form.
        let b = app.browser_as("goals@clinic.example").await;
        let (s, html) = b.text(&format!("/courses/{course}/goals")).await;
        assert_eq!(s, 200);
        assert!(html.contains(r#"role="img" aria-label="ratings 2, 3, 5, 6 — rising""#), "{html}");
        assert!(html.contains("<strong>falling</strong>"));
        assert!(html.contains("Ask for help calmly") && html.contains("Say what I need without a row"));
        // Rate both open goals at session 1 from the page.
        let r = b
            .submit(
                &format!("/courses/{course}/goals"),
                &format!("/courses/{course}/goals/ratings"),
                &[("session_id", held[0].as_str()), (&format!("rating-{gid}"), "1"), (&format!("rating-{g2id}"), "")],
            )
            .await;
        assert_eq!(r.status(), 303);
        let (_, g) = api.get(&goals).await;
        assert_eq!(g[0]["ratings"][0]["rating"], 1);
        assert_eq!(g[0]["ratings"].as_array().unwrap().len(), 5);
        assert_eq!(g[1]["ratings"].as_array().unwrap().len(), 2, "blank: not rated");
        let r = b
            .submit(
                &format!("/courses/{course}/goals"),
                &format!("/courses/{course}/goals/ratings"),
                &[("session_id", held[0].as_str()), (&format!("rating-{gid}"), "12")],
            )
            .await;
        assert_eq!(r.status(), 422, "the form again, with its error, as the formulation page answers");
        let html = r.text().await.unwrap();
        assert!(html.contains("must be from 0 to 10"), "{html}");
        assert_eq!(api.get(&goals).await.1[0]["ratings"].as_array().unwrap().len(), 5, "nothing stored");

        // Another clinician: every goal route looks absent.
        let other = app.user("other-goals@clinic.example", Role::Clinician).await;
        let other = Api::new(&app, &other).await;
        assert_eq!(other.get(&goals).await.0, 404);
        assert_eq!(other.post(&goals, json!({"problem_area": "role_dispute", "statement": "x"})).await.0, 404);
        assert_eq!(other.put(&put, json!({"target": "x"})).await.0, 404);
        assert_eq!(other.post(&rate, json!({"session_id": held[0], "rating": 3})).await.0, 404);
        assert_eq!(other.put(&format!("/api/v1/goals/{}", Id::new()), json!({})).await.0, 404);
        assert!(app.store.audit_verify().await.is_ok());
    })
    .await;
}

#[tokio::test]
async fn the_formulation_page_saves_offers_the_checklist_and_keeps_history() {
    on_each_backend(|app| async move {
        let (_, course, _) = course_with_sessions(&app, "page@clinic.example", "ipt-individual", 3).await;
        let b = app.browser_as("page@clinic.example").await;
        let page = format!("/courses/{course}/formulation");
        let (s, html) = b.text(&page).await;
        assert_eq!(s, 200);
        assert!(html.contains("Not written yet"));
        assert!(html.contains(r#"aria-current="page">Formulation"#));

        let r = b
            .submit(
                &page,
                &page,
                &[
                    ("problem_areas", "grief"),
                    ("problem_areas", "role_dispute"),
                    ("problem_areas", "role_transition"),
                    ("symptom_link", "kept after the error"),
                    ("version", "0"),
                ],
            )
            .await;
        assert_eq!(r.status(), 422, "a refused formulation is shown again with 422");
        let html = r.text().await.unwrap();
        assert!(html.contains("error-summary") && html.contains("at most 2"), "{html}");
        assert!(html.contains("kept after the error"), "what was typed is shown again");

        let r = b
            .submit(
                &page,
                &page,
                &[("problem_areas", "role_dispute"), ("shared_text", "First draft"), ("version", "0")],
            )
            .await;
        assert_eq!(location(&r), format!("/courses/{course}/formulation?done=formulation"));
        let ws = format!("/courses/{course}/formulation/role_dispute");
        let r = b.submit(&ws, &ws, &[("other_person", "Sam"), ("stage", "impasse"), ("version", "0")]).await;
        assert_eq!(r.status(), 303, "the dispute's other person, needed before agreeing");
        let r = b
            .submit(
                &page,
                &page,
                &[
                    ("problem_areas", "role_dispute"),
                    ("shared_text", "Agreed text"),
                    ("agreed_on", "2026-01-19"),
                    ("version", "1"),
                ],
            )
            .await;
        assert_eq!(r.status(), 303);
        let (_, html) = b.text(&page).await;
        assert!(html.contains("Tick it as done on 2026-01-19"), "{html}");
        assert!(html.contains("2 versions"));
        // Agreed: read-only with an Edit button; the form opens on Edit.
        assert!(
            html.contains(r#"data-testid="edit-formulation""#) && !html.contains(r#"id="shared_text""#),
            "an agreed formulation reads as a record: {html}"
        );
        let (_, editing) = b.text(&format!("{page}?edit=1")).await;
        assert!(editing.contains(r#"id="shared_text""#) && editing.contains("Agreed text"), "{editing}");
        assert!(html.contains("First draft"), "the history shows the earlier version");
        assert!(html.contains(&format!("/courses/{course}/formulation/role_dispute")));
        let r =
            b.submit(&page, &format!("/courses/{course}/checklist/formulation"), &[("done_on", "2026-01-19")]).await;
        assert_eq!(r.status(), 303);
        let (_, html) = b.text(&page).await;
        assert!(html.contains("on the checklist as done on 2026-01-19"), "{html}");

        // The dispute workspace through its form: stage change kept in history.
        let area = format!("/courses/{course}/formulation/role_dispute");
        let r = b.submit(&area, &area, &[("other_person", "Sam"), ("version", "0")]).await;
        assert_eq!(r.status(), 422, "bad input is a 4xx");
        assert!(r.text().await.unwrap().contains("Choose the stage"));
        let r = b
            .submit(
                &area,
                &area,
                &[
                    ("other_person", "Sam"),
                    ("stage", "impasse"),
                    ("options", "Talk\n\nCouples session"),
                    ("version", "1"),
                ],
            )
            .await;
        assert_eq!(r.status(), 303);
        let r = b
            .submit(
                &area,
                &area,
                &[
                    ("other_person", "Sam"),
                    ("stage", "renegotiation"),
                    ("options", "Talk\nCouples session"),
                    ("stage_note", "Talking again"),
                    ("version", "2"),
                ],
            )
            .await;
        assert_eq!(r.status(), 303);
        let ws = app.store.area_workspace(&Id::parse(&course).unwrap(), "role_dispute").await.unwrap().unwrap();
        let AreaWork::RoleDispute(d) = ws.body.work else { panic!() };
        assert_eq!(d.options, vec!["Talk", "Couples session"]);
        assert_eq!(d.stage_history.len(), 2);
        assert_eq!(d.stage_history[1].note.as_deref(), Some("Talking again"));

        // A deficits workspace is not reachable while not chosen.
        assert_eq!(b.text(&format!("/courses/{course}/formulation/interpersonal_deficits")).await.0, 404);
        let (_, html) = b.text(&format!("/courses/{course}/goals")).await;
        assert!(html.contains("Add a goal"));
    })
    .await;
}

#[tokio::test]
async fn a_workspace_links_only_a_person_from_the_same_clients_inventory() {
    on_each_backend(|app| async move {
        let (api, course, _) = course_with_sessions(&app, "linker@clinic.example", "ipt-individual", 0).await;
        let client = app.store.course(&Id::from_db(course.clone())).await.unwrap().unwrap().client_id.to_string();
        let (s, _) =
            api.put(&format!("/api/v1/courses/{course}/formulation"), json!({"problem_areas": ["role_dispute"]})).await;
        assert_eq!(s, 200);
        // Another client of the same clinician, with a person in their inventory.
        let other = api.new_client("Other Client").await;
        let person = |client: String, name: &'static str| {
            let api = &api;
            async move {
                let body = json!({"display_name": name, "relationship": "partner", "ring": "inner"});
                api.create(&format!("/api/v1/clients/{client}/people"), body).await["id"].as_str().unwrap().to_string()
            }
        };
        let foreign = person(other, "Someone Else").await;
        let own = person(client, "Sam").await;
        let area = format!("/api/v1/courses/{course}/areas/role_dispute");
        for id in [foreign.clone(), Id::new().to_string()] {
            let (s, r) = api.put(&area, json!({"stage": "impasse", "person_id": id, "version": 0})).await;
            assert_eq!((s, r["error"]["field"].as_str()), (422, Some("person_id")), "{r}");
            assert!(r["error"]["message"].as_str().unwrap().contains("interpersonal inventory"), "{r}");
        }
        assert_eq!(api.get(&area).await.1["version"], 0, "nothing stored");
        // The page form is held to the same rule.
        let b = app.browser_as("linker@clinic.example").await;
        let page = format!("/courses/{course}/formulation/role_dispute");
        let r = b.submit(&page, &page, &[("stage", "impasse"), ("person_id", &foreign), ("version", "0")]).await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("interpersonal inventory"));
        assert_eq!(api.get(&area).await.1["version"], 0, "nothing stored from the page either");
        // The client's own person links.
        let (s, w) = api.put(&area, json!({"stage": "impasse", "person_id": own, "version": 0})).await;
        assert_eq!((s, w["person_id"].as_str()), (200, Some(own.as_str())), "{w}");
    })
    .await;
}

/// Agrees `areas` on `date` in `course` (of `client`) through the API, first recording
/// each area's facts (grief: a deceased person in the inventory).
pub async fn agree_formulation(api: &Api, client: &str, course: &str, areas: &[&str], date: &str) -> Value {
    let path = format!("/api/v1/courses/{course}/formulation");
    let (s, f) = api.put(&path, json!({"problem_areas": areas})).await;
    assert_eq!(s, 200, "{f}");
    for area in areas {
        let body = match *area {
            "grief" => {
                let p = api
                    .create(
                        &format!("/api/v1/clients/{client}/people"),
                        json!({"display_name": "Mum", "relationship": "parent", "ring": "inner",
                               "deceased": true, "date_of_death": "2025-10-02"}),
                    )
                    .await;
                json!({"person": "Mum", "person_id": p["id"], "date_of_death": "2025-10-02"})
            }
            "role_dispute" => json!({"other_person": "Sam", "stage": "impasse"}),
            "role_transition" => json!({"old_role": "Nurse", "new_role": "Retired"}),
            _ => json!({}),
        };
        let (s, r) = api.put(&format!("/api/v1/courses/{course}/areas/{area}"), body).await;
        assert_eq!(s, 200, "{area}: {r}");
    }
    let (s, f) = api.put(&path, json!({"problem_areas": areas, "agreed_on": date, "version": f["version"]})).await;
    assert_eq!(s, 200, "{f}");
    f
}

#[tokio::test]
async fn agreeing_needs_each_areas_facts() {
    on_each_backend(|app| async move {
        let (api, course, _) = course_with_sessions(&app, "facts@clinic.example", "ipt-individual", 0).await;
        let (_, c) = api.get(&format!("/api/v1/courses/{course}")).await;
        let client = c["client_id"].as_str().unwrap().to_string();
        let path = format!("/api/v1/courses/{course}/formulation");
        let (s, f) = api.put(&path, json!({"problem_areas": ["grief", "interpersonal_deficits"]})).await;
        assert_eq!(s, 200, "{f}");
        let facts: Vec<&str> =
            f["missing_facts"].as_array().unwrap().iter().map(|m| m["field"].as_str().unwrap()).collect();
        assert_eq!(facts, ["person", "person_id", "date_of_death"], "{f}");
        let codes: Vec<(&str, &str)> = f["guidance"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| (g["area"].as_str().unwrap(), g["code"].as_str().unwrap()))
            .collect();
        assert!(codes.contains(&("interpersonal_deficits", "last_resort")), "{f}");
        assert!(codes.contains(&("grief", "non_death_loss_is_transition")), "{f}");

        // Agreeing without the grief facts: 422 naming the first missing one; nothing stored.
        let agree = json!({"problem_areas": ["grief", "interpersonal_deficits"], "agreed_on": "2026-01-20"});
        let (s, r) = api.put(&path, agree.clone()).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("grief.person")), "{r}");
        assert_eq!(api.get(&path).await.1["version"], 1);

        // Under Weissman a non-death loss is a role transition: refused, naming loss_type.
        let area = format!("/api/v1/courses/{course}/areas/grief");
        let (s, r) = api.put(&area, json!({"person": "The marriage", "loss_type": "other"})).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("loss_type")), "{r}");
        assert!(r["error"]["message"].as_str().unwrap().contains("role transition"), "{r}");

        // Who and when, but not linked to the inventory: still refused, naming person_id.
        let (s, r) = api.put(&area, json!({"person": "Mum", "date_of_death": "2025-10-02"})).await;
        assert_eq!(s, 200, "{r}");
        let (s, r) = api.put(&path, agree.clone()).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("grief.person_id")), "{r}");
        let p = api
            .create(
                &format!("/api/v1/clients/{client}/people"),
                json!({"display_name": "Mum", "relationship": "parent", "ring": "inner", "deceased": true}),
            )
            .await;
        let (s, r) = api
            .put(&area, json!({"person": "Mum", "person_id": p["id"], "date_of_death": "2025-10-02", "version": 1}))
            .await;
        assert_eq!(s, 200, "{r}");
        let (s, f) = api.put(&path, agree).await;
        assert_eq!(s, 200, "{f}");
        assert_eq!(f["agreed_on"], "2026-01-20");
        assert_eq!(f["missing_facts"], json!([]));

        // Stuart keeps other losses as grief: what was lost and when suffice.
        let (api2, stuart, _) = course_with_sessions(&app, "facts-stuart@clinic.example", "ipt-stuart", 0).await;
        let p2 = format!("/api/v1/courses/{stuart}/formulation");
        assert_eq!(api2.put(&p2, json!({"problem_areas": ["grief"]})).await.0, 200);
        let (s, r) = api2
            .put(
                &format!("/api/v1/courses/{stuart}/areas/grief"),
                json!({"person": "The pregnancy", "loss_type": "other", "date_of_death": "2025-11-01"}),
            )
            .await;
        assert_eq!(s, 200, "{r}");
        let (s, f) = api2.put(&p2, json!({"problem_areas": ["grief"], "agreed_on": "2026-01-20"})).await;
        assert_eq!(s, 200, "{f}");
        assert_eq!(f["guidance"].as_array().unwrap().len(), 0, "no deficits area, other losses are grief: {f}");
        assert_caseload_cards_match_a_rebuild(&app.store).await;
    })
    .await;
}

#[tokio::test]
async fn the_pages_show_facts_and_refuse_agreement_without_them() {
    on_each_backend(|app| async move {
        let (b, course, _client) = course_in_browser(&app, "facts-page@clinic.example").await;
        let page = format!("{course}/formulation");
        let (_, html) = b.text(&page).await;
        assert!(html.contains(r#"data-testid="last-resort""#), "{html}");
        assert!(html.contains(r#"data-testid="non-death-loss""#), "{html}");
        let r = b.submit(&page, &page, &[("problem_areas", "role_transition"), ("version", "0")]).await;
        assert_eq!(r.status(), 303);
        let (_, html) = b.text(&page).await;
        assert!(
            html.contains(r#"data-testid="missing-facts-role_transition""#) && html.contains("the old role"),
            "{html}"
        );
        let r = b
            .submit(
                &page,
                &page,
                &[("problem_areas", "role_transition"), ("agreed_on", "2026-01-19"), ("version", "1")],
            )
            .await;
        assert_eq!(r.status(), 422, "a refused formulation is shown again with 422");
        let html = r.text().await.unwrap();
        assert!(html.contains("error-summary") && html.contains("record the old role"), "{html}");
        assert!(html.contains(r#"id="agreed_on-error""#), "shown at the date agreed: {html}");
        let ws = format!("{course}/formulation/role_transition");
        let (_, html) = b.text(&ws).await;
        assert!(html.contains(r#"data-testid="missing-facts""#), "{html}");
        let r = b.submit(&ws, &ws, &[("old_role", "Nurse"), ("new_role", "Retired"), ("version", "0")]).await;
        assert_eq!(r.status(), 303);
        let r = b
            .submit(
                &page,
                &page,
                &[("problem_areas", "role_transition"), ("agreed_on", "2026-01-19"), ("version", "1")],
            )
            .await;
        assert_eq!(r.status(), 303);
    })
    .await;
}
