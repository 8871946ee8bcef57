//! Worksheets over HTTP: communication and decision analyses through the API
//! (kinds, links to sessions and problem areas, versions, removal, access) and
//! the pages (listed by session, forms, conflict, detail with history).

use crate::matrix::{e, j, Entry};
use crate::support::*;
use rapport_core::access::Role;
use rapport_core::worksheets::CommunicationAnalysis;
use rapport_core::Id;
use rapport_store::records::Placement;
use reqwest::Method;
use serde_json::{json, Value};

pub fn matrix_entries() -> Vec<Entry> {
    use Method as M;
    vec![
        e(M::GET, "/courses/{id}/worksheets", "/courses/{course}/worksheets", "LNAAN"),
        e(M::GET, "/courses/{id}/worksheets/new", "/courses/{course}/worksheets/new?kind=decision_analysis", "LNAAN"),
        e(M::POST, "/courses/{id}/worksheets/new", "/courses/{course}/worksheets/new", "LNAAN"),
        e(M::GET, "/courses/{id}/worksheets/{worksheet_id}", "/courses/{course}/worksheets/{worksheet}", "LNAAN"),
        e(
            M::GET,
            "/courses/{id}/worksheets/{worksheet_id}/edit",
            "/courses/{course}/worksheets/{worksheet}/edit",
            "LNAAN",
        ),
        e(
            M::POST,
            "/courses/{id}/worksheets/{worksheet_id}/edit",
            "/courses/{course}/worksheets/{worksheet}/edit",
            "LNAAN",
        ),
        e(
            M::POST,
            "/courses/{id}/worksheets/{worksheet_id}/remove",
            "/courses/{course}/worksheets/{worksheet}/remove",
            "LNAAN",
        ),
        e(M::GET, "/api/v1/courses/{id}/worksheets", "/api/v1/courses/{course}/worksheets", "LNAAN"),
        j(
            M::POST,
            "/api/v1/courses/{id}/worksheets",
            "/api/v1/courses/{course}/worksheets",
            "LNAAN",
            r#"{"kind": "decision_analysis", "decision": "Matrix decision"}"#,
        ),
        e(M::GET, "/api/v1/worksheets/{id}", "/api/v1/worksheets/{worksheet}", "LNAAN"),
        j(
            M::PUT,
            "/api/v1/worksheets/{id}",
            "/api/v1/worksheets/{worksheet}",
            "LNAAN",
            r#"{"version": 999, "with_whom": "Matrix"}"#,
        ),
        e(M::DELETE, "/api/v1/worksheets/{id}", "/api/v1/worksheets/{worksheet}?version=999", "LNAAN"),
    ]
}

/// A communication analysis in the matrix course, linked to its session.
pub async fn matrix_fixtures(app: &TestApp, client: &Id, clinician: &Id, out: &mut Vec<(&'static str, String)>) {
    let find = |k: &str| out.iter().find(|(p, _)| *p == k).map(|(_, v)| v.clone()).unwrap();
    let course = Id::parse(&find("{course}")).unwrap();
    let body = CommunicationAnalysis {
        session_id: Some(find("{session}")),
        with_whom: "Matrix partner".into(),
        ..Default::default()
    };
    let at = Placement { client_id: client.clone(), course_id: Some(course), ..Default::default() };
    let rec = app.store.create_record(&at, &body, clinician, test_event("record.create")).await.unwrap();
    out.push(("{worksheet}", rec.id.to_string()));
}

/// A course with two held sessions for a fresh clinician: (api, client id, course id, session ids).
async fn course_with_sessions(
    app: &TestApp,
    email: &str,
) -> (rapport_store::users::User, Api, String, String, Vec<String>) {
    let (me, api, client) = client_of(app, email).await;
    let course = api.new_course(&client, json!({"protocol": "ipt-individual", "start_date": "2026-01-05"})).await;
    let sessions = api.attended_sessions(&course, &["2026-01-05", "2026-01-12"]).await;
    (me, api, client, course, sessions)
}

#[tokio::test]
async fn worksheets_through_the_api() {
    on_each_backend(|app| async move {
        let (me, api, client, course, sessions) = course_with_sessions(&app, "ws@clinic.example").await;
        let path = format!("/api/v1/courses/{course}/worksheets");
        let sam = app.person(&Id::parse(&client).unwrap(), &me.id, "Sam").await.id.to_string();
        let ca = json!({
            "kind": "communication_analysis",
            "session_id": sessions[1],
            "problem_area": "role_dispute",
            "incident_date": "2026-01-10",
            "with_whom": "Sam",
            "person_id": sam,
            "setting": "Kitchen, after work",
            "intended": "I need help with the shopping",
            "said": "Fine, I'll do it all myself then.",
            "reply": "Suit yourself.",
            "feelings": {"before": {"client": "tired"}, "after_reply": {"client": "hurt", "other": "annoyed"}},
            "outcome": "Both went silent",
            "problems": ["indirect_speech", "assumed_communicated"],
            "alternatives": ["Could you do the shopping on Thursdays?"],
            "role_play_done": true,
        });
        // Bad input: the field is named and nothing is stored.
        let mut other_course = ca.clone();
        other_course["session_id"] = json!(Id::new().to_string());
        let mut bad_area = ca.clone();
        bad_area["problem_area"] = json!("boredom");
        let mut bad_problem = ca.clone();
        bad_problem["problems"] = json!(["shouting"]);
        let mut no_kind = ca.clone();
        no_kind.as_object_mut().unwrap().remove("kind");
        let mut bad_kind = ca.clone();
        bad_kind["kind"] = json!("diary");
        let mut stranger = ca.clone();
        stranger["person_id"] = json!(Id::new().to_string());
        let mut future = ca.clone();
        future["incident_date"] = json!("2999-01-01");
        for (body, field) in [
            (other_course, "session_id"),
            (bad_area, "problem_area"),
            (bad_problem, "problems[0]"),
            (no_kind, "kind"),
            (bad_kind, "kind"),
            (stranger, "person_id"),
            (future, "incident_date"),
            (json!({"kind": "communication_analysis", "with_whom": " "}), "with_whom"),
            (
                json!({"kind": "decision_analysis", "decision": "d", "options": [{"option": "A"}], "chosen": "B"}),
                "chosen",
            ),
            (
                json!({"kind": "decision_analysis", "decision": "d", "options": [{"option": "", "pros": "p"}]}),
                "options[0].option",
            ),
        ] {
            let (s, r) = api.post(&path, body.clone()).await;
            assert_eq!((s, r["error"]["field"].as_str()), (422, Some(field)), "{body} -> {r}");
        }
        let (s, r) = api.post(&path, json!({"kind": "decision_analysis", "decision": "d", "mood": 3})).await;
        assert_eq!((s, r["error"]["field"].as_str()), (400, Some("mood")), "{r}");
        assert_eq!(api.get(&path).await.1.as_array().unwrap().len(), 0);

        let (s, c) = api.post(&path, ca.clone()).await;
        assert_eq!(s, 201, "{c}");
        assert_eq!(c["kind"], "communication_analysis");
        assert_eq!(c["course_id"], course.as_str());
        assert_eq!(c["feelings"]["after_reply"]["other"], "annoyed");
        assert_eq!(c["problems"], json!(["indirect_speech", "assumed_communicated"]));
        let da = json!({
            "kind": "decision_analysis",
            "session_id": sessions[0],
            "problem_area": "role_dispute",
            "decision": "Whether to ask my sister for help",
            "options": [{"option": "Ask her on Sunday", "pros": "She offered before", "cons": "She may say no"},
                        {"option": "Manage alone", "cons": "Exhausting"}],
            "chosen": "Ask her on Sunday",
            "steps": ["Phone on Sunday morning", "Name one concrete task"],
            "review_date": "2999-01-01",
        });
        let (s, d) = api.post(&path, da.clone()).await;
        assert_eq!((s, d["error"]["field"].as_str()), (422, Some("review_date")), "past the two-year window: {d}");
        let soon = rapport_core::time::format_date(rapport_core::Timestamp::now().date() + time::Duration::days(60));
        let mut da = da;
        da["review_date"] = json!(soon);
        let (s, d) = api.post(&path, da.clone()).await;
        assert_eq!(s, 201, "{d}");
        assert_eq!(d["review_date"], json!(soon), "a review date may be in the future");

        let (_, list) = api.get(&path).await;
        assert_eq!(list.as_array().unwrap().len(), 2);
        let (_, only) = api.get(&format!("{path}?kind=decision_analysis")).await;
        assert_eq!(only.as_array().unwrap().len(), 1);
        assert_eq!(only[0]["kind"], "decision_analysis");
        assert_eq!(api.get(&format!("{path}?kind=diary")).await.0, 422);

        // Change: version required and checked; kind cannot change.
        let one = format!("/api/v1/worksheets/{}", c["id"].as_str().unwrap());
        let mut change = ca.clone();
        change["result"] = json!("Tried it on Thursday: Sam agreed");
        let (s, r) = api.call(Method::PUT, &one, Some(change.clone())).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("version")), "{r}");
        change["version"] = json!(1);
        change["kind"] = json!("decision_analysis");
        let (s, r) = api.call(Method::PUT, &one, Some(change.clone())).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("kind")), "{r}");
        change.as_object_mut().unwrap().remove("kind");
        change["session_id"] = json!(sessions[0]);
        let (s, r) = api.call(Method::PUT, &one, Some(change.clone())).await;
        assert_eq!(s, 200, "{r}");
        assert_eq!(r["version"], 2);
        assert_eq!(r["session_id"], sessions[0].as_str(), "relinked to another session");
        let (s, _) = api.call(Method::PUT, &one, Some(change.clone())).await;
        assert_eq!(s, 409);
        let (_, r) = api.get(&one).await;
        let h = r["history"].as_array().unwrap();
        assert_eq!(h.len(), 2);
        assert_eq!(h[1]["session_id"], sessions[1].as_str(), "the earlier link is in the history");
        assert_eq!(h[0]["result"], "Tried it on Thursday: Sam agreed");

        // Another clinician: 404 everywhere, audited.
        let other = app.user("other-ws@clinic.example", Role::Clinician).await;
        let other = Api::new(&app, &other).await;
        let denials = app.count("access.denied").await;
        assert_eq!(other.get(&path).await.0, 404);
        assert_eq!(other.get(&one).await.0, 404);
        assert_eq!(other.call(Method::DELETE, &one, None).await.0, 404);
        assert_eq!(other.post(&path, da.clone()).await.0, 404);
        assert_eq!(app.count("access.denied").await, denials + 4);
        assert_eq!(api.get(&format!("/api/v1/worksheets/{}", Id::new())).await.0, 404);

        // Remove; history kept.
        assert_eq!(api.call(Method::DELETE, &format!("{one}?version=1"), None).await.0, 409);
        assert_eq!(api.call(Method::DELETE, &one, None).await.0, 204);
        assert_eq!(api.get(&one).await.0, 404);
        assert_eq!(api.get(&path).await.1.as_array().unwrap().len(), 1);
        let id = Id::parse(c["id"].as_str().unwrap()).unwrap();
        assert_eq!(app.store.record_history::<CommunicationAnalysis>(&id).await.unwrap().len(), 3);

        // A closed course takes no new worksheets.
        let (s, _) = api.post(&format!("/api/v1/courses/{course}/status"), json!({"status": "completed", "skip_review_reason": "Test course", "confirm_no_end_measure": true, "no_end_measure_reason": "Test course"})).await;
        assert_eq!(s, 200);
        assert_eq!(api.post(&path, da).await.0, 409);
    })
    .await;
}

#[tokio::test]
async fn the_worksheet_pages_list_by_session_and_keep_both_versions_on_conflict() {
    on_each_backend(|app| async move {
        let (b, course, _client) = course_in_browser(&app, "wspage@clinic.example").await;
        for d in ["2026-01-05", "2026-01-12"] {
            let r = b.submit(&course, &format!("{course}/sessions"), &[("date", d), ("attendance", "attended")]).await;
            assert_eq!(r.status().as_u16(), 303);
        }
        let list = format!("{course}/worksheets");
        let (s, html) = b.text(&list).await;
        assert_eq!(s, 200);
        assert!(html.contains("No worksheets yet."));
        // The new form defaults to the last session held.
        let new = format!("{list}/new?kind=communication_analysis");
        let (s, form) = b.text(&new).await;
        assert_eq!(s, 200);
        let session2 = form.split("<option value=\"").nth(2).unwrap()[..36].to_string();
        assert!(form.contains(&format!("<option value=\"{session2}\" selected>Session 2")), "{form}");

        // Missing person: named, typed text kept.
        let r = b
            .submit(
                &new,
                &format!("{list}/new"),
                &[("kind", "communication_analysis"), ("session_id", &session2), ("said", "Fine, whatever.")],
            )
            .await;
        assert_eq!(r.status().as_u16(), 422);
        let html = r.text().await.unwrap();
        assert!(html.contains("Enter the person the exchange was with"), "{html}");
        assert!(html.contains("Fine, whatever."));

        let r = b
            .submit(
                &new,
                &format!("{list}/new"),
                &[
                    ("kind", "communication_analysis"),
                    ("session_id", &session2),
                    ("problem_area", "role_dispute"),
                    ("with_whom", "Sam"),
                    ("said", "Fine, I'll do it all myself then."),
                    ("feelings.after_reply.client", "hurt"),
                    ("problems", "indirect_speech"),
                    ("problems", "silence"),
                    ("alternatives", "Ask directly\nSay how tired I am"),
                    ("role_play_done", "true"),
                ],
            )
            .await;
        assert_eq!(r.status().as_u16(), 303);
        let ca_url = location(&r).split('?').next().unwrap().to_string();
        let (_, html) = b.text(&ca_url).await;
        assert!(html.contains("Needlessly indirect or ambiguous speech; Silence or closing off"), "{html}");
        assert!(html.contains("Ask directly; Say how tired I am"));
        assert!(html.contains("Session 2"));

        // A decision analysis with two options, the second chosen, for the first session.
        let newd = format!("{list}/new?kind=decision_analysis");
        let session1 = b.text(&newd).await.1.split("<option value=\"").nth(3).unwrap()[..36].to_string();
        let r = b
            .submit(
                &newd,
                &format!("{list}/new"),
                &[
                    ("kind", "decision_analysis"),
                    ("session_id", &session1),
                    ("decision", "Whether to ask my sister for help"),
                    ("options[0].option", "Manage alone"),
                    ("options[0].cons", "Exhausting"),
                    ("options[1].option", "Ask her on Sunday"),
                    ("options[1].pros", "She offered before"),
                    ("options[2].option", ""),
                    ("chosen", "1"),
                    ("steps", "Phone on Sunday\nName one task"),
                ],
            )
            .await;
        assert_eq!(r.status().as_u16(), 303, "{}", r.text().await.unwrap());
        let (_, html) = b.text(&list).await;
        let s1 = html.find("Session 1 ·").unwrap();
        let s2 = html.find("Session 2 ·").unwrap();
        assert!(s1 < s2, "grouped in session order");
        assert!(html[s1..s2].contains("Whether to ask my sister for help"));
        assert!(html[s2..].contains("With Sam"));
        assert!(html.contains("chosen: Ask her on Sunday"));

        // Conflict: two people edit the same version; the second sees both.
        let edit = format!("{ca_url}/edit");
        let base = [("kind", "communication_analysis"), ("session_id", session2.as_str()), ("with_whom", "Sam")];
        let mut first = base.to_vec();
        first.extend([("version", "1"), ("result", "Sam agreed to Thursdays")]);
        assert_eq!(b.submit(&edit, &edit, &first).await.status().as_u16(), 303);
        let mut second = base.to_vec();
        second.extend([("version", "1"), ("result", "Did not try it yet")]);
        let r = b.submit(&edit, &edit, &second).await;
        assert_eq!(r.status().as_u16(), 409);
        let html = r.text().await.unwrap();
        assert!(html.contains("Saved meanwhile (version 2)"));
        assert!(html.contains("Sam agreed to Thursdays"));
        assert!(html.contains("Did not try it yet"));
        let (_, html) = b.text(&ca_url).await;
        assert!(html.contains("History"));
        assert!(html.contains("version 2"));
        assert!(html.contains("Sam agreed to Thursdays"));

        // A worksheet of another course is not found under this one.
        let r = b.get(&format!("{course}/worksheets/{}", Id::new())).await;
        assert_eq!(r.status().as_u16(), 404);
        // Remove.
        let r = b.submit(&ca_url, &format!("{ca_url}/remove"), &[("version", "2")]).await;
        assert_eq!(r.status().as_u16(), 303);
        let (_, html) = b.text(&list).await;
        assert!(!html.contains("With Sam"));
        let _ = Value::Null;
    })
    .await;
}
