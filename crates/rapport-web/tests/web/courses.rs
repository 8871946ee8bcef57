//! IPT courses over HTTP: the API contract (create, sessions numbered and
//! phased, renegotiation, checklist, status), the UI workflow, access rules.

use crate::matrix::{e, j, Entry};
use crate::support::*;
use rapport_core::access::Role;
use rapport_core::course::{Attendance, Modality};
use rapport_core::Id;
use reqwest::Method;
use serde_json::{json, Value};

pub fn matrix_entries() -> Vec<Entry> {
    use Method as M;
    vec![
        e(M::GET, "/clients/{id}/courses/new", "/clients/{client}/courses/new", "LNAAN"),
        e(M::POST, "/clients/{id}/courses/new", "/clients/{client}/courses/new", "LNAAN"),
        e(M::GET, "/courses/{id}", "/courses/{course}", "LNAAN"),
        e(M::POST, "/courses/{id}/contract", "/courses/{course}/contract", "LNAAN"),
        e(M::POST, "/courses/{id}/status", "/courses/{course}/status", "LNAAN"),
        e(M::POST, "/courses/{id}/checklist/{item}", "/courses/{course}/checklist/sick_role", "LNAAN"),
        e(M::POST, "/courses/{id}/checklist/{item}/clear", "/courses/{course}/checklist/sick_role/clear", "LNAAN"),
        e(M::POST, "/courses/{id}/sessions", "/courses/{course}/sessions", "LNAAN"),
        e(
            M::POST,
            "/courses/{id}/sessions/{session_id}/attendance",
            "/courses/{course}/sessions/{session}/attendance",
            "LNAAN",
        ),
        e(M::GET, "/api/v1/protocols", "/api/v1/protocols", "LAAAA"),
        e(M::GET, "/api/v1/clients/{id}/courses", "/api/v1/clients/{client}/courses", "LNAAN"),
        j(
            M::POST,
            "/api/v1/clients/{id}/courses",
            "/api/v1/clients/{client}/courses",
            "LNAAN",
            r#"{"protocol": "ipc"}"#,
        ),
        e(M::GET, "/api/v1/courses/{id}", "/api/v1/courses/{course}", "LNAAN"),
        j(
            M::POST,
            "/api/v1/courses/{id}/contract",
            "/api/v1/courses/{course}/contract",
            "LNAAN",
            r#"{"planned_sessions": 14, "reason": "matrix"}"#,
        ),
        j(
            M::POST,
            "/api/v1/courses/{id}/status",
            "/api/v1/courses/{course}/status",
            "LNAAN",
            r#"{"status": "active"}"#,
        ),
        j(
            M::PUT,
            "/api/v1/courses/{id}/checklist/{item}",
            "/api/v1/courses/{course}/checklist/psychoeducation",
            "LNAAN",
            r#"{}"#,
        ),
        e(
            M::DELETE,
            "/api/v1/courses/{id}/checklist/{item}",
            "/api/v1/courses/{course}/checklist/psychoeducation",
            "LNAAN",
        ),
        e(M::GET, "/api/v1/courses/{id}/sessions", "/api/v1/courses/{course}/sessions", "LNAAN"),
        j(
            M::POST,
            "/api/v1/courses/{id}/sessions",
            "/api/v1/courses/{course}/sessions",
            "LNAAN",
            r#"{"date": "2026-01-05", "attendance": "cancelled"}"#,
        ),
        j(
            M::PATCH,
            "/api/v1/courses/{id}/sessions/{session_id}",
            "/api/v1/courses/{course}/sessions/{session}",
            "LNAAN",
            r#"{"modality": "video"}"#,
        ),
    ]
}

/// A course for `client` (on `clinician`'s caseload) with one held session.
pub async fn matrix_fixtures(app: &TestApp, client: &Id, clinician: &Id, out: &mut Vec<(&'static str, String)>) {
    let set = rapport_core::protocol::ProtocolSet::shipped();
    let raw = rapport_core::course::RawCourse {
        protocol: Some("ipt-individual".into()),
        start_date: Some("2026-01-05".into()),
        ..Default::default()
    };
    let new = rapport_core::course::validate_new_course(&set, &raw, time::macros::date!(2026 - 06 - 01)).unwrap();
    let course = app.store.create_course(client, &new, None, clinician, test_event("course.create")).await.unwrap();
    let session = app
        .store
        .create_therapy_session(
            &course,
            &rapport_store::courses::NewTherapySession {
                date: time::macros::date!(2026 - 01 - 05),
                time: String::new(),
                modality: Modality::InPerson,
                attendance: Attendance::Attended,
                duration_minutes: None,
                engagement: false,
            },
            clinician,
            test_event("session.create"),
        )
        .await
        .unwrap();
    out.push(("{course}", course.id.to_string()));
    out.push(("{session}", session.id.to_string()));
}

#[tokio::test]
async fn a_whole_course_through_the_api_with_a_cancelled_session() {
    on_each_backend(|app| async move {
        let (_, api, client) = client_of(&app, "course@clinic.example").await;
        let (s, course) = api
            .post(
                &format!("/api/v1/clients/{client}/courses"),
                json!({"protocol": "ipt-individual", "planned_sessions": 16, "start_date": "2026-01-05"}),
            )
            .await;
        assert_eq!(s, 201, "{course}");
        assert_eq!(course["phase"], "initial");
        assert_eq!(course["sessions_held"], 0);
        assert_eq!(course["sessions_remaining"], 16);
        assert_eq!(course["planned_end_date"], "2026-04-20");
        let id = course["id"].as_str().unwrap().to_string();
        let start = time::macros::date!(2026 - 01 - 05);
        let mut week = 0;
        let mut expected = Vec::new();
        for n in 1..=16u32 {
            if n == 6 {
                // A cancelled week between held sessions 5 and 6: no number, course still in the middle phase.
                let date = rapport_core::time::format_date(start + time::Duration::weeks(week));
                week += 1;
                let (s, r) = api
                    .post(&format!("/api/v1/courses/{id}/sessions"), json!({"date": date, "attendance": "cancelled"}))
                    .await;
                assert_eq!(s, 201, "{r}");
                assert_eq!(r["number"], Value::Null);
                assert_eq!(r["phase"], "middle");
            }
            let date = rapport_core::time::format_date(start + time::Duration::weeks(week));
            week += 1;
            let (s, r) = api
                .post(&format!("/api/v1/courses/{id}/sessions"), json!({"date": date, "attendance": "attended"}))
                .await;
            assert_eq!(s, 201, "{r}");
            let phase = match n {
                1..=3 => "initial",
                4..=13 => "middle",
                _ => "termination",
            };
            assert_eq!(r["number"], n, "{r}");
            assert_eq!(r["phase"], phase, "session {n}");
            expected.push(phase);
            let (_, c) = api.get(&format!("/api/v1/courses/{id}")).await;
            assert_eq!(c["sessions_held"], n);
            assert_eq!(c["sessions_remaining"], 16 - n);
            assert_eq!(c["phase"], phase);
            if n == 5 {
                assert_eq!(c["summary"], "Session 5 of 16 · middle phase · 11 left");
            }
            assert_eq!(c["ending_prompt"], (12..=14).contains(&n), "ending prompt after session {n}");
        }
        let (_, list) = api.get(&format!("/api/v1/courses/{id}/sessions")).await;
        assert_eq!(list.as_array().unwrap().len(), 17);
        let held: Vec<&str> = list
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| !s["number"].is_null())
            .map(|s| s["phase"].as_str().unwrap())
            .collect();
        assert_eq!(held, expected);
        // A no-show does not count either.
        let (_, r) = api
            .post(&format!("/api/v1/courses/{id}/sessions"), json!({"date": "2026-05-01", "attendance": "no_show"}))
            .await;
        assert_eq!(r["number"], Value::Null);
        let (_, c) = api.get(&format!("/api/v1/courses/{id}")).await;
        assert_eq!(c["sessions_held"], 16);
        assert_eq!(c["sessions_remaining"], 0);
        // Completing closes the course to new sessions.
        let (s, c) = api.post(&format!("/api/v1/courses/{id}/status"), json!({"status": "completed", "skip_review_reason": "Test course", "confirm_no_end_measure": true, "no_end_measure_reason": "Test course"})).await;
        assert_eq!((s, c["status"].as_str()), (200, Some("completed")));
        let (s, r) = api
            .post(&format!("/api/v1/courses/{id}/sessions"), json!({"date": "2026-05-02", "attendance": "attended"}))
            .await;
        assert_eq!(s, 409, "{r}");
    })
    .await;
}

#[tokio::test]
async fn bad_course_input_is_refused_with_the_field_named_and_nothing_stored() {
    on_each_backend(|app| async move {
        let (_, api, client) = client_of(&app, "bad@clinic.example").await;
        let path = format!("/api/v1/clients/{client}/courses");
        for (body, field) in [
            (json!({"protocol": "ipt-individual", "planned_sessions": 20}), "planned_sessions"),
            (json!({"protocol": "ipt-brief", "planned_sessions": 12}), "planned_sessions"),
            (json!({"protocol": "cbt"}), "protocol"),
            (json!({"protocol": "ipt-m"}), "protocol"),
            (json!({"protocol": "ipt-individual", "start_date": "05/01/2026"}), "start_date"),
            (json!({"protocol": "ipt-individual", "frequency": "daily"}), "frequency"),
            (json!({"protocol": "ipt-individual", "start_date": "1899-12-31"}), "start_date"),
            (json!({"protocol": "ipt-individual", "start_date": "2999-01-05"}), "start_date"),
            (
                json!({"protocol": "ipt-individual", "start_date": "2026-01-05", "planned_end_date": "2999-01-05"}),
                "planned_end_date",
            ),
        ] {
            let (s, r) = api.post(&path, body.clone()).await;
            assert_eq!(s, 422, "{body} -> {r}");
            assert_eq!(r["error"]["field"], field, "{body} -> {r}");
        }
        let (s, r) = api.post(&path, json!({"protocol": "ipt-individual", "planned_sessions": "sixteen"})).await;
        assert_eq!(s, 400, "{r}");
        assert_eq!(r["error"]["field"], "planned_sessions");
        let (_, list) = api.get(&path).await;
        assert_eq!(list.as_array().unwrap().len(), 0, "nothing stored");

        let id = api.new_course(&client, json!({"protocol": "ipt-individual", "start_date": "2026-01-05"})).await;
        let sessions = format!("/api/v1/courses/{id}/sessions");
        for (body, field) in [
            (json!({"date": "2026-01-04", "attendance": "attended"}), "date"),
            (json!({"date": "1899-01-05", "attendance": "attended"}), "date"),
            (json!({"date": "2026-13-01", "attendance": "attended"}), "date"),
            (json!({"date": "2026-01-05", "attendance": "maybe"}), "attendance"),
            (json!({"date": "2999-01-05", "attendance": "attended"}), "date"),
            (json!({"date": "2026-01-05", "attendance": "attended", "modality": "carrier pigeon"}), "modality"),
            (json!({"date": "2026-01-05", "attendance": "attended", "time": "25:00"}), "time"),
        ] {
            let (s, r) = api.post(&sessions, body.clone()).await;
            assert_eq!(s, 422, "{body} -> {r}");
            assert_eq!(r["error"]["field"], field, "{body} -> {r}");
        }
        let (_, list) = api.get(&sessions).await;
        assert_eq!(list.as_array().unwrap().len(), 0);
    })
    .await;
}

#[tokio::test]
async fn renegotiation_is_recorded_and_changes_the_phases() {
    on_each_backend(|app| async move {
        let (_, api, client) = client_of(&app, "reneg@clinic.example").await;
        let id = api
            .new_course(
                &client,
                json!({"protocol": "ipt-individual", "planned_sessions": 12, "start_date": "2026-01-05"}),
            )
            .await;
        let dates = [
            "2026-01-05",
            "2026-01-12",
            "2026-01-19",
            "2026-01-26",
            "2026-02-02",
            "2026-02-09",
            "2026-02-16",
            "2026-02-23",
            "2026-03-02",
            "2026-03-09",
        ];
        api.attended_sessions(&id, &dates).await;
        let (_, c) = api.get(&format!("/api/v1/courses/{id}")).await;
        assert_eq!(c["phase"], "termination", "session 10 of 12");
        let (s, r) = api.post(&format!("/api/v1/courses/{id}/contract"), json!({"planned_sessions": 16})).await;
        assert_eq!(s, 400, "reason is required by the schema: {r}");
        let (s, r) =
            api.post(&format!("/api/v1/courses/{id}/contract"), json!({"planned_sessions": 8, "reason": "x"})).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("planned_sessions")), "{r}");
        let (s, c) = api
            .post(
                &format!("/api/v1/courses/{id}/contract"),
                json!({"planned_sessions": 16, "reason": "Slow start after a bereavement", "version": c["version"]}),
            )
            .await;
        assert_eq!(s, 200, "{c}");
        assert_eq!(c["planned_sessions"], 16);
        assert_eq!(c["phase"], "middle", "session 10 of 16 is in the middle phase");
        assert_eq!(c["sessions_remaining"], 6);
        // A stale version is refused.
        let (s, _) = api
            .post(
                &format!("/api/v1/courses/{id}/contract"),
                json!({"planned_sessions": 14, "reason": "x", "version": 1}),
            )
            .await;
        assert_eq!(s, 409);
        let cid = Id::parse(&id).unwrap();
        let events = app.store.course_events(&cid).await.unwrap();
        let reneg = events.iter().find(|e| e.old_value.as_deref() == Some("12")).expect("renegotiation event");
        assert_eq!(reneg.new_value, "16");
        assert_eq!(reneg.reason.as_deref(), Some("Slow start after a bereavement"));
    })
    .await;
}

#[tokio::test]
async fn checklist_and_access_rules() {
    on_each_backend(|app| async move {
        let (_, api, client) = client_of(&app, "check@clinic.example").await;
        let other = app.user("other@clinic.example", Role::Clinician).await;
        let other_api = Api::new(&app, &other).await;
        let c = api.create(&format!("/api/v1/clients/{client}/courses"), json!({"protocol": "ipt-individual"})).await;
        let id = c["id"].as_str().unwrap().to_string();
        assert_eq!(c["checklist"].as_array().unwrap().len(), 11, "the checklist of issue 19 item 5");
        assert!(c["checklist"].as_array().unwrap().iter().all(|i| i["done"] == false));
        let put = |item: &str, body: Value| {
            let api = &api;
            let path = format!("/api/v1/courses/{id}/checklist/{item}");
            async move { api.call(Method::PUT, &path, Some(body)).await }
        };
        let (s, r) = put("symptom_review", json!({})).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("detail")));
        let (s, r) = put("medication", json!({"detail": "maybe"})).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("detail")));
        let (s, r) = put("tea", json!({})).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("item")));
        let (s, r) = put("symptom_review", json!({"detail": "Major depressive disorder", "code": "F32.1"})).await;
        assert_eq!(s, 200, "{r}");
        let item = r["checklist"].as_array().unwrap().iter().find(|i| i["item"] == "symptom_review").unwrap().clone();
        assert_eq!(item["done"], true);
        assert_eq!(item["code"], "F32.1");
        assert_eq!(item["recorded_by"], "Test check@clinic.example");
        // Another clinician sees nothing: 404 everywhere, and the denial is audited.
        let denials = app.count("access.denied").await;
        assert_eq!(other_api.get(&format!("/api/v1/courses/{id}")).await.0, 404);
        assert_eq!(other_api.get(&format!("/api/v1/courses/{id}/sessions")).await.0, 404);
        assert_eq!(other_api.get(&format!("/api/v1/clients/{client}/courses")).await.0, 404);
        let (s, _) = other_api
            .post(&format!("/api/v1/courses/{id}/sessions"), json!({"date": "2026-01-05", "attendance": "attended"}))
            .await;
        assert_eq!(s, 404);
        assert!(app.count("access.denied").await >= denials + 4);
        assert_eq!(api.get(&format!("/api/v1/courses/{id}/sessions")).await.1.as_array().unwrap().len(), 0);
        // Reads are audited.
        let reads = app.count("course.read").await;
        api.get(&format!("/api/v1/courses/{id}")).await;
        assert_eq!(app.count("course.read").await, reads + 1);
    })
    .await;
}

#[tokio::test]
async fn the_course_page_runs_the_initial_phase() {
    on_each_backend(|app| async move {
        let user = app.user("ui@clinic.example", Role::Clinician).await;
        let b = app.browser_as(&user.email).await;
        let client = b.new_client("Page Person").await;
        let course_url = b
            .new_course(
                client.as_str(),
                &[("protocol", "ipt-individual"), ("planned_sessions", "16"), ("start_date", "2026-01-05")],
            )
            .await;
        let (s, page) = b.text(&course_url).await;
        assert_eq!(s, 200);
        assert!(page.contains("No sessions held yet of 16 · initial phase · 16 left"), "{page}");
        assert!(page.contains("11 outstanding"));
        // A bad number is named, nothing created.
        let r = b
            .submit(
                &format!("/clients/{client}/courses/new"),
                &format!("/clients/{client}/courses/new"),
                &[("protocol", "ipt-individual"), ("planned_sessions", "30")],
            )
            .await;
        let html = r.text().await.unwrap();
        assert!(html.contains("allows 12-16 sessions"), "{html}");
        // Tick the sick role, record four sessions, one of them cancelled.
        let r = b.submit(&course_url, &format!("{course_url}/checklist/sick_role"), &[("done_on", "2026-01-05")]).await;
        assert_eq!(r.status().as_u16(), 303);
        for (d, a) in [
            ("2026-01-05", "attended"),
            ("2026-01-12", "attended"),
            ("2026-01-19", "cancelled"),
            ("2026-01-26", "attended"),
            ("2026-02-02", "attended"),
        ] {
            let r = b
                .submit(
                    &course_url,
                    &format!("{course_url}/sessions"),
                    &[("date", d), ("attendance", a), ("modality", "video")],
                )
                .await;
            assert_eq!(r.status().as_u16(), 303);
        }
        let (_, page) = b.text(&course_url).await;
        assert!(page.contains("Session 4 of 16 · middle phase · 12 left"), "{page}");
        assert!(page.contains("10 outstanding"));
        assert!(page.contains("The initial phase has run past 3 sessions"));
        let (_, caseload) = b.text("/clients").await;
        assert!(caseload.contains("Individual IPT: Session 4 of 16 · middle phase · 12 left"), "{caseload}");
        // Missing diagnosis on the symptom review is named.
        let r = b.submit(&course_url, &format!("{course_url}/checklist/symptom_review"), &[("detail", "")]).await;
        let html = r.text().await.unwrap();
        assert!(html.contains("Record the diagnosis"), "{html}");
        // Renegotiate without a reason: named; with one: recorded.
        let course_id = Id::parse(course_url.trim_start_matches("/courses/")).unwrap();
        let version = app.store.course(&course_id).await.unwrap().unwrap().version.to_string();
        let r = b
            .submit(
                &course_url,
                &format!("{course_url}/contract"),
                &[("planned_sessions", "12"), ("version", &version)],
            )
            .await;
        assert!(r.text().await.unwrap().contains("Say why the contract changes"));
        let r = b
            .submit(
                &course_url,
                &format!("{course_url}/contract"),
                &[("planned_sessions", "12"), ("reason", "Agreed shorter"), ("version", &version)],
            )
            .await;
        assert_eq!(r.status().as_u16(), 303);
        let (_, page) = b.text(&course_url).await;
        assert!(page.contains("Contract renegotiated from 16 to 12 sessions"));
        assert!(page.contains("Session 4 of 12 · middle phase · 8 left"));
    })
    .await;
}

#[tokio::test]
async fn a_session_phase_can_be_set_with_a_reason_and_the_course_follows_it() {
    on_each_backend(|app| async move {
        let (user, api, client) = client_of(&app, "phase@clinic.example").await;
        let course = api
            .new_course(
                &client,
                json!({"protocol": "ipt-individual", "planned_sessions": 16, "start_date": "2026-01-05"}),
            )
            .await;
        let ids = api.attended_sessions(&course, &["2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26"]).await;
        let b = app.browser_as(&user.email).await;
        let page = format!("/courses/{course}/sessions/{}", ids[3]);
        let (_, html) = b.text(&format!("/courses/{course}")).await;
        assert!(html.contains("Session 4 of 16 · middle phase · 12 left"), "computed first");
        // A phase without a reason is refused by name; nothing changes.
        let r = b.submit(&page, &format!("{page}/phase"), &[("version", "1"), ("phase", "initial")]).await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("href=\"#reason\""));
        let r = b
            .submit(&page, &format!("{page}/phase"), &[("version", "1"), ("phase", "maintenance"), ("reason", "x y z")])
            .await;
        assert_eq!(r.status(), 422);
        // With a reason: the session and the course are in the initial phase.
        let r = b
            .submit(
                &page,
                &format!("{page}/phase"),
                &[("version", "1"), ("phase", "initial"), ("reason", "Focus not yet agreed")],
            )
            .await;
        assert_eq!(r.status(), 303);
        let (_, html) = b.text(&page).await;
        assert!(html.contains("Focus not yet agreed") && html.contains("Set by the clinician"));
        let (_, html) = b.text(&format!("/courses/{course}")).await;
        assert!(html.contains("Session 4 of 16 · initial phase · 12 left"), "{html}");
        let (_, json) = api.get(&format!("/api/v1/courses/{course}")).await;
        assert_eq!(json["phase"], "initial");
        let (_, sessions) = api.get(&format!("/api/v1/courses/{course}/sessions")).await;
        assert_eq!(sessions[3]["phase"], "initial");
        assert_eq!(sessions[3]["phase_set_reason"], "Focus not yet agreed");
        assert!(sessions[2]["phase_set_reason"].is_null());
        // A stale version is a conflict; back to computed with the current one.
        let r = b.submit(&page, &format!("{page}/phase"), &[("version", "1"), ("phase", "computed")]).await;
        assert_eq!(r.status(), 409);
        let r = b.submit(&page, &format!("{page}/phase"), &[("version", "2"), ("phase", "computed")]).await;
        assert_eq!(r.status(), 303);
        let (_, html) = b.text(&format!("/courses/{course}")).await;
        assert!(html.contains("Session 4 of 16 · middle phase · 12 left"));
        assert!(app.count(rapport_core::audit::action::SESSION_UPDATE).await >= 2);
    })
    .await;
}

#[tokio::test]
async fn page_forms_refuse_a_missing_or_invalid_version() {
    on_each_backend(|app| async move {
        let (_, api, client) = client_of(&app, "versions@clinic.example").await;
        let course = api.new_course(&client, json!({"protocol": "ipt-individual", "start_date": "2026-01-05"})).await;
        let session = api
            .create(
                &format!("/api/v1/courses/{course}/sessions"),
                json!({"date": "2026-01-12", "attendance": "attended"}),
            )
            .await;
        let sid = session["id"].as_str().unwrap().to_string();
        let b = app.browser_as("versions@clinic.example").await;
        let course_page = format!("/courses/{course}");
        // (page the form is on, where it posts, its fields but the version)
        type PageForm<'a> = (String, String, Vec<(&'a str, &'a str)>);
        let forms: Vec<PageForm> = vec![
            (
                format!("/clients/{client}/edit"),
                format!("/clients/{client}/edit"),
                vec![("display_name", "Renamed Client")],
            ),
            (
                course_page.clone(),
                format!("/courses/{course}/sessions/{sid}/attendance"),
                vec![("attendance", "cancelled")],
            ),
            (
                course_page.clone(),
                format!("/courses/{course}/contract"),
                vec![("planned_sessions", "14"), ("reason", "Client asked for fewer sessions")],
            ),
            (
                format!("/courses/{course}/formulation"),
                format!("/courses/{course}/formulation"),
                vec![("problem_areas", "role_dispute")],
            ),
            (
                format!("/courses/{course}/sessions/{sid}"),
                format!("/courses/{course}/sessions/{sid}/phase"),
                vec![("phase", "middle"), ("reason", "Started the middle work early")],
            ),
        ];
        for (page, action, fields) in &forms {
            for version in [None, Some(""), Some("abc"), Some("-1"), Some("1.5")] {
                let mut f = fields.clone();
                if let Some(v) = version {
                    f.push(("version", v));
                }
                let r = b.submit(page, action, &f).await;
                assert_eq!(r.status(), 422, "{action} with version {version:?}");
                let body = r.text().await.unwrap();
                assert!(body.contains("no valid version"), "{action}: {body}");
            }
        }
        // Nothing changed.
        let (_, c) = api.get(&format!("/api/v1/clients/{client}")).await;
        assert_eq!(c["display_name"], "Course Client");
        let (_, s) = api.get(&format!("/api/v1/courses/{course}/sessions")).await;
        assert_eq!(s[0]["attendance"], "attended", "{s}");
        assert_eq!(s[0]["phase_set_reason"], Value::Null, "{s}");
        let (_, c) = api.get(&format!("/api/v1/courses/{course}")).await;
        assert_eq!(c["planned_sessions"], 16, "{c}");
        assert_eq!(api.get(&format!("/api/v1/courses/{course}/formulation")).await.1["version"], 0);
        // With the version the page gave, the same form saves.
        let r = b
            .submit(
                &course_page,
                &format!("/courses/{course}/sessions/{sid}/attendance"),
                &[("attendance", "cancelled"), ("version", &session["version"].as_i64().unwrap().to_string())],
            )
            .await;
        assert_eq!(r.status(), 303);
    })
    .await;
}

#[tokio::test]
async fn dates_outside_1900_to_two_years_ahead_are_refused_everywhere() {
    on_each_backend(|app| async move {
        let (_, api, client) = client_of(&app, "dates@clinic.example").await;
        let course = api.new_course(&client, json!({"protocol": "ipt-individual", "start_date": "2026-01-05"})).await;
        let (s, _) =
            api.put(&format!("/api/v1/courses/{course}/formulation"), json!({"problem_areas": ["role_dispute"]})).await;
        assert_eq!(s, 200);
        let far = "2999-01-01";
        let cases: Vec<(String, Value, &str)> = vec![
            ("/api/v1/clients".into(), json!({"display_name": "Old", "date_of_birth": "1899-12-31"}), "date_of_birth"),
            (
                format!("/api/v1/clients/{client}/timeline"),
                json!({"date": "1850", "category": "move", "title": "Moved"}),
                "date",
            ),
            (
                format!("/api/v1/clients/{client}/timeline"),
                json!({"date": "1899-06", "category": "move", "title": "Moved"}),
                "date",
            ),
            (
                format!("/api/v1/clients/{client}/medications"),
                json!({"name": "Sertraline", "stop_date": far}),
                "stop_date",
            ),
            (
                format!("/api/v1/clients/{client}/coordination-notes"),
                json!({"date": "1899-01-01", "note": "Rang the GP"}),
                "date",
            ),
            (
                format!("/api/v1/courses/{course}/goals"),
                json!({"problem_area": "role_dispute", "statement": "Talk to Sam", "due_date": far}),
                "due_date",
            ),
        ];
        for (path, body, field) in &cases {
            let (s, r) = api.post(path, body.clone()).await;
            assert_eq!((s, r["error"]["field"].as_str()), (422, Some(*field)), "{path} {body} -> {r}");
            assert!(r["error"]["message"].as_str().unwrap().contains("between 1900-01-01 and"), "{r}");
        }
        assert_eq!(api.get(&format!("/api/v1/clients/{client}/timeline")).await.1.as_array().map(Vec::len), Some(0));
        assert_eq!(api.get(&format!("/api/v1/courses/{course}/goals")).await.1.as_array().map(Vec::len), Some(0));
        // The client form in the browser.
        let b = app.browser_as("dates@clinic.example").await;
        let r = b
            .submit("/clients/new", "/clients/new", &[("display_name", "Old Timer"), ("date_of_birth", "1899-12-31")])
            .await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("Date of birth must be between 1900-01-01 and"));
        // The session form: not before its course's start.
        let page = format!("/courses/{course}");
        let r =
            b.submit(&page, &format!("{page}/sessions"), &[("date", "2026-01-04"), ("attendance", "attended")]).await;
        assert!(r.text().await.unwrap().contains("cannot be before the course started (2026-01-05)"));
        assert_eq!(api.get(&format!("/api/v1/courses/{course}/sessions")).await.1.as_array().map(Vec::len), Some(0));
    })
    .await;
}

/// Every course form shown again with its errors answers 422, as the
/// formulation page does, and nothing is stored.
#[tokio::test]
async fn course_forms_shown_again_with_their_errors_answer_422() {
    on_each_backend(|app| async move {
        let (user, api, _, course) = client_with_course(&app, "refused-forms@clinic.example").await;
        let sid = api.new_session(&course, json!({"date": today(), "attendance": "attended"})).await;
        api.put(&format!("/api/v1/courses/{course}/formulation"), json!({"problem_areas": ["grief"]})).await;
        let (_, goal) = api
            .post(&format!("/api/v1/courses/{course}/goals"), json!({"problem_area": "grief", "statement": "Visit"}))
            .await;
        let gid = goal["id"].as_str().unwrap().to_string();
        let (_, before) = api.get(&format!("/api/v1/courses/{course}")).await;
        let version = before["version"].to_string();
        let b = app.browser_as(&user.email).await;
        let page = format!("/courses/{course}");
        type Fields<'a> = Vec<(&'a str, &'a str)>;
        let refused: Vec<(String, String, Fields)> = vec![
            (
                page.clone(),
                format!("{page}/contract"),
                vec![("planned_sessions", "many"), ("reason", "More"), ("version", &version)],
            ),
            (page.clone(), format!("{page}/checklist/symptom_review"), vec![("done_on", "2999-01-01")]),
            (
                page.clone(),
                format!("{page}/sessions/{sid}/attendance"),
                vec![("attendance", "maybe"), ("version", "1")],
            ),
            (format!("{page}/goals"), format!("{page}/goals"), vec![("problem_area", "grief"), ("statement", " ")]),
            (format!("{page}/goals"), format!("{page}/goals/{gid}"), vec![("statement", " "), ("version", "1")]),
            (
                format!("{page}/formulation"),
                format!("{page}/formulation"),
                vec![("problem_areas", "grief"), ("interpersonal_sensitivity", "maybe"), ("version", "1")],
            ),
            (
                format!("{page}/inventory"),
                format!("{page}/inventory/snapshots"),
                vec![("label", "Start"), ("taken_on", "1800-01-01")],
            ),
        ];
        for (from, action, fields) in refused {
            let r = b.submit(&from, &action, &fields).await;
            assert_eq!(r.status(), 422, "{action}");
            let html = r.text().await.unwrap();
            assert!(
                html.contains("class=\"field-error\"") || html.contains("class=\"error-summary\""),
                "{action}: the form again, with its error: {html}"
            );
        }
        // Nothing was stored.
        let (_, after) = api.get(&format!("/api/v1/courses/{course}")).await;
        assert_eq!(after, before);
        let (_, goals) = api.get(&format!("/api/v1/courses/{course}/goals")).await;
        assert_eq!((goals[0]["statement"].as_str(), goals[0]["version"].as_i64()), (Some("Visit"), Some(1)));
        let (_, snapshots) = api.get(&format!("/api/v1/courses/{course}/circle-snapshots")).await;
        assert_eq!(snapshots.as_array().map(Vec::len), Some(0), "{snapshots}");
    })
    .await;
}
