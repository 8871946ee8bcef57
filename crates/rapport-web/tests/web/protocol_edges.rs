//! Protocol edge cases (issue 19 item 5, decision 50): the initial-phase
//! checklist separates "formulation presented" from "client agreed" and adds
//! the client's role and an initial suicide-risk check (IPT-A: with its
//! exclusion criteria). The Stuart maintenance discussion is in completion.rs.

use crate::support::*;
use rapport_core::access::Role;
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn the_checklist_records_presented_agreed_role_and_the_risk_check() {
    on_each_backend(|app| async move {
        let (user, api, client) = client_of(&app, "edges-checklist@clinic.example").await;
        let id = api.new_course(&client, json!({"protocol": "ipt-individual", "start_date": "2026-01-05"})).await;
        let items = |c: &serde_json::Value| -> Vec<String> {
            c["checklist"].as_array().unwrap().iter().map(|i| i["item"].as_str().unwrap().to_string()).collect()
        };
        let (_, c) = api.get(&format!("/api/v1/courses/{id}")).await;
        let listed = items(&c);
        let at = |item: &str| listed.iter().position(|i| i == item).unwrap_or_else(|| panic!("{item}: {listed:?}"));
        assert!(at("formulation_presented") < at("formulation"));
        assert!(at("suicide_risk") < at("psychoeducation") && at("role_explained") < at("medication"));
        for item in ["suicide_risk", "role_explained", "formulation_presented"] {
            let path = format!("/api/v1/courses/{id}/checklist/{item}");
            let (s, r) = api.call(Method::PUT, &path, Some(json!({"done_on": "2026-01-05"}))).await;
            assert_eq!(s, 200, "{item}: {r}");
            let row = r["checklist"].as_array().unwrap().iter().find(|i| i["item"] == item).unwrap().clone();
            assert_eq!(row["done"], true, "{item}");
        }
        // Presented is not agreed: the formulation item is still outstanding.
        let (_, c) = api.get(&format!("/api/v1/courses/{id}")).await;
        let agreed = c["checklist"].as_array().unwrap().iter().find(|i| i["item"] == "formulation").unwrap().clone();
        assert_eq!(
            (agreed["done"].clone(), agreed["label"].clone()),
            (json!(false), json!("Client agreed the formulation"))
        );
        // A date in the future is refused, naming the field; nothing changes.
        let path = format!("/api/v1/courses/{id}/checklist/formulation");
        let (s, r) = api.call(Method::PUT, &path, Some(json!({"done_on": "2999-01-01"}))).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("done_on")), "{r}");

        // The course page words them; IPT-A lists its exclusion criteria with the risk check.
        let b = app.browser_as(&user.email).await;
        let (_, html) = b.text(&format!("/courses/{id}")).await;
        for label in [
            "Formulation presented to the client",
            "Client agreed the formulation",
            "Client&#39;s role in treatment explained",
            "Initial suicide-risk check",
        ] {
            assert!(html.contains(label), "{label}");
        }
        let teen = api.new_client("Teen Client").await;
        let a = api.new_course(&teen, json!({"protocol": "ipt-a", "start_date": "2026-01-05"})).await;
        let (_, html) = b.text(&format!("/courses/{a}")).await;
        assert!(
            html.contains("exclusion criteria (refer on): actively suicidal, psychotic, bipolar disorder"),
            "{html}"
        );
        // In Spanish too, not the generic item.
        let page = format!("/courses/{a}");
        let r = b.submit(&page, "/language", &[("language", "es"), ("back", page.as_str())]).await;
        assert_eq!(r.status(), 303);
        let (_, html) = b.text(&page).await;
        assert!(html.contains("criterios de exclusión (derivar): riesgo suicida activo, psicosis"), "{html}");
        assert!(html.contains("Rol de enfermo limitado conversado"), "{html}");
    })
    .await;
}

#[tokio::test]
async fn a_two_session_ipc_contract_works_on_the_focus_and_raises_the_ending_from_the_start() {
    on_each_backend(|app| async move {
        let (_, api, client) = client_of(&app, "edges-ipc@clinic.example").await;
        let id = api
            .new_course(&client, json!({"protocol": "ipc", "planned_sessions": 2, "start_date": "2026-01-05"}))
            .await;
        let (_, c) = api.get(&format!("/api/v1/courses/{id}")).await;
        assert_eq!((c["phase"].as_str(), c["ending_prompt"].as_bool()), (Some("initial"), Some(true)), "{c}");
        api.attended_sessions(&id, &["2026-01-05", "2026-01-12"]).await;
        let (_, sessions) = api.get(&format!("/api/v1/courses/{id}/sessions")).await;
        let phases: Vec<&str> = sessions.as_array().unwrap().iter().map(|s| s["phase"].as_str().unwrap()).collect();
        assert_eq!(phases, ["initial", "middle"], "no termination-only second session: {sessions}");
        let (_, c) = api.get(&format!("/api/v1/courses/{id}")).await;
        assert_eq!((c["phase"].as_str(), c["ending_prompt"].as_bool()), (Some("middle"), Some(false)), "{c}");
        // A third session past the contract is in the termination phase.
        api.attended_sessions(&id, &["2026-01-19"]).await;
        let (_, c) = api.get(&format!("/api/v1/courses/{id}")).await;
        assert_eq!(c["phase"], "termination", "{c}");
        // A six-session IPC contract keeps its termination phase.
        let six = api
            .new_course(&client, json!({"protocol": "ipc", "planned_sessions": 6, "start_date": "2026-02-02"}))
            .await;
        let (_, c) = api.get(&format!("/api/v1/courses/{six}")).await;
        assert_eq!(c["ending_prompt"], false, "{c}");
    })
    .await;
}

#[tokio::test]
async fn brief_ipt_records_an_engagement_session_0_that_shifts_nothing() {
    on_each_backend(|app| async move {
        let (user, api, client) = client_of(&app, "edges-engagement@clinic.example").await;
        let brief = json!({"protocol": "ipt-brief", "start_date": "2026-01-02"});
        let id = api.new_course(&client, brief.clone()).await;
        let sessions = format!("/api/v1/courses/{id}/sessions");
        let (s, zero) =
            api.post(&sessions, json!({"date": "2026-01-02", "attendance": "attended", "engagement": true})).await;
        assert_eq!(s, 201, "{zero}");
        assert_eq!((zero["number"].clone(), zero["engagement"].clone()), (json!(0), json!(true)), "{zero}");
        assert_eq!((zero["sessions_held"].as_u64(), zero["sessions_remaining"].as_u64()), (Some(0), Some(8)));

        // A second one is refused, naming the field; nothing is stored.
        let again = json!({"date": "2026-01-03", "attendance": "attended", "engagement": true});
        let (s, r) = api.post(&sessions, again.clone()).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("engagement")), "{r}");
        assert!(r["error"]["message"].as_str().unwrap().contains("already has its engagement session"), "{r}");

        // Sessions 1-8 are numbered and phased as in a course without it.
        let dates = ["2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02", "2026-02-09", "2026-02-16"];
        api.attended_sessions(&id, &dates).await;
        let plain = api.new_course(&api.new_client("Plain Client").await, brief).await;
        api.attended_sessions(&plain, &dates).await;
        let listed = |v: serde_json::Value| -> Vec<(serde_json::Value, serde_json::Value)> {
            v.as_array().unwrap().iter().map(|s| (s["number"].clone(), s["phase"].clone())).collect()
        };
        let (_, with) = api.get(&sessions).await;
        let mut with = listed(with);
        assert_eq!(with.remove(0), (json!(0), json!("initial")));
        assert_eq!(with, listed(api.get(&format!("/api/v1/courses/{plain}/sessions")).await.1));
        let (_, c) = api.get(&format!("/api/v1/courses/{id}")).await;
        let (_, p) = api.get(&format!("/api/v1/courses/{plain}")).await;
        for field in ["sessions_held", "sessions_remaining", "phase", "ending_prompt"] {
            assert_eq!(c[field], p[field], "{field}: {c}");
        }
        assert_eq!(c["sessions_held"], json!(7));

        // Once session 1 is recorded it is too late for one.
        let (s, r) = api.post(&format!("/api/v1/courses/{plain}/sessions"), again).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("engagement")), "{r}");
        assert!(r["error"]["message"].as_str().unwrap().contains("Session 1 is already recorded"), "{r}");
        assert_eq!(api.get(&format!("/api/v1/courses/{plain}/sessions")).await.1.as_array().unwrap().len(), 7);

        // The pages call it what it is.
        let b = app.browser_as(&user.email).await;
        let (_, html) = b.text(&format!("/courses/{id}")).await;
        assert!(html.contains("Engagement session (session 0)"), "{html}");
        let zero_id = zero["id"].as_str().unwrap();
        let (_, html) = b.text(&format!("/courses/{id}/sessions/{zero_id}")).await;
        assert!(html.contains("Engagement session (session 0)"), "{html}");
        assert!(!html.contains("Session 0 of"), "{html}");

        // FHIR and the research export mark it too.
        let (s, encounter) = api.get(&format!("/fhir/r4/Encounter/{zero_id}")).await;
        assert_eq!(s, 200, "{encounter}");
        assert_eq!(encounter["serviceType"]["text"], "Interpersonal psychotherapy: engagement session (session 0)");
        app.user("edges-admin@clinic.example", Role::Admin).await;
        let admin = app.browser_as("edges-admin@clinic.example").await;
        let files = crate::research::export(&admin, "Engagement sessions").await;
        let sessions = crate::research::rows(&files["sessions.csv"]);
        let marked: Vec<&str> = sessions.iter().map(|r| r["engagement"].as_str()).collect();
        assert_eq!(marked.iter().filter(|m| **m == "1").count(), 1, "{marked:?}");
        assert_eq!(marked.iter().filter(|m| **m == "0").count(), 14, "{marked:?}");
    })
    .await;
}

fn days_ago(n: i64) -> String {
    rapport_core::time::format_date(rapport_core::Timestamp::now().date() - time::Duration::days(n))
}

/// A day as the pages show it in English ("2 Nov 2026").
fn shown(iso: &str) -> String {
    rapport_i18n::Tr::new("en").date(rapport_core::time::parse_date(iso).unwrap())
}

#[tokio::test]
async fn every_page_naming_a_session_calls_session_0_the_engagement_session() {
    on_each_backend(|app| async move {
        let (user, api, client) = client_of(&app, "edges-label@clinic.example").await;
        let id = api.new_course(&client, json!({"protocol": "ipt-brief", "start_date": days_ago(30)})).await;
        let sessions = format!("/api/v1/courses/{id}/sessions");
        let body = json!({"date": days_ago(30), "attendance": "attended", "engagement": true});
        let (s, zero) = api.post(&sessions, body).await;
        assert_eq!(s, 201, "{zero}");
        let zero = zero["id"].as_str().unwrap().to_string();
        let held = api.attended_sessions(&id, &[&days_ago(23), &days_ago(16)]).await;
        api.put(&format!("/api/v1/courses/{id}/formulation"), json!({"problem_areas": ["grief"]})).await;
        let (s, g) = api
            .post(&format!("/api/v1/courses/{id}/goals"), json!({"problem_area": "grief", "statement": "Visit"}))
            .await;
        assert_eq!(s, 201, "{g}");
        let rate = format!("/api/v1/goals/{}/ratings", g["id"].as_str().unwrap());
        for (session, rating) in [(&zero, 2), (&held[0], 4)] {
            assert_eq!(api.post(&rate, json!({"session_id": session, "rating": rating})).await.0, 201);
        }
        let rated: Vec<String> = app
            .audit_entries("record.create")
            .await
            .into_iter()
            .filter_map(|e| e.event.detail.filter(|d| d.contains(" rated ")))
            .collect();
        assert!(rated.iter().any(|d| d.ends_with("rated 2 at the engagement session (session 0)")), "{rated:?}");
        assert!(rated.iter().any(|d| d.ends_with("rated 4 at session 1")), "{rated:?}");
        let label = format!("Engagement session (session 0) · {}", shown(&days_ago(30)));
        let one = format!("Session 1 · {}", shown(&days_ago(23)));
        let b = app.browser_as(&user.email).await;
        let page = |path: String| {
            let b = &b;
            async move {
                let (s, html) = b.text(&path).await;
                assert_eq!(s, 200, "{path}");
                assert!(!html.contains("Session 0 ") && !html.contains("session 0 ("), "{path}: {html}");
                html
            }
        };

        // The course's session table: the name stands in the first column (seen at 360 px).
        let html = page(format!("/courses/{id}")).await;
        let row = &html[html.find(&format!("id=\"session-{zero}\"")).unwrap()..];
        let first = &row[row.find("<td").unwrap()..row.find("</td>").unwrap()];
        assert!(
            first.contains("data-testid=\"session-no\"") && first.contains("Engagement session (session 0)"),
            "{first}"
        );
        // Goals (the session to rate), the inventory (a snapshot's session) and a worksheet.
        for path in [
            format!("/courses/{id}/goals?session={zero}"),
            format!("/courses/{id}/inventory"),
            format!("/courses/{id}/worksheets/new?kind=communication_analysis&session={zero}"),
        ] {
            let html = page(path.clone()).await;
            assert!(html.contains(&label) && html.contains(&one), "{path}: {html}");
            if path.contains("/goals") {
                assert!(html.contains("Engagement session: 2 · S1: 4") && !html.contains("S0"), "{html}");
            }
        }
        // The fidelity form, the measure form for the session, the session's own page.
        let html = page(format!("/courses/{id}/sessions/{zero}/fidelity/new")).await;
        assert!(html.contains(&label), "{html}");
        let html = page(format!("/clients/{client}/measures/new?instrument=phq9&session={zero}")).await;
        assert!(html.contains(&format!("for engagement session (session 0) ({})", shown(&days_ago(30)))), "{html}");
        let html = page(format!("/courses/{id}/sessions/{}", held[0])).await;
        assert!(html.contains(&label), "the previous session's link: {html}");
        // Today: the engagement session's note is still to write.
        let html = page("/today".into()).await;
        assert!(html.contains("· engagement session (session 0) ·"), "{html}");
        assert!(html.contains("· session 2 ·"), "{html}");
        // The JSON Today says which unsigned note is the engagement session's.
        let (s, t) = api.get("/api/v1/today").await;
        assert_eq!(s, 200, "{t}");
        let marks: Vec<(i64, bool)> = t["unsigned_notes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| (n["session"]["number"].as_i64().unwrap(), n["session"]["engagement"].as_bool().unwrap()))
            .collect();
        assert!(marks.contains(&(0, true)) && marks.contains(&(2, false)), "{marks:?}");
    })
    .await;
}

#[tokio::test]
async fn only_a_protocol_with_an_engagement_session_records_one() {
    on_each_backend(|app| async move {
        let (user, api, client) = client_of(&app, "edges-no-engagement@clinic.example").await;
        let id = api.new_course(&client, json!({"protocol": "ipt-individual", "start_date": "2026-01-02"})).await;
        let sessions = format!("/api/v1/courses/{id}/sessions");
        let body = json!({"date": "2026-01-02", "attendance": "attended", "engagement": true});
        let (s, r) = api.post(&sessions, body).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("engagement")), "{r}");
        assert!(r["error"]["message"].as_str().unwrap().contains("has no engagement session"), "{r}");
        // The form does not offer it, and a forged field is refused in words; nothing is stored.
        let b = app.browser_as(&user.email).await;
        let page = format!("/courses/{id}");
        let (_, html) = b.text(&page).await;
        assert!(!html.contains("name=\"engagement\""));
        let fields = [("date", "2026-01-02"), ("attendance", "attended"), ("engagement", "yes")];
        let r = b.submit(&page, &format!("{page}/sessions"), &fields).await;
        assert_eq!(r.status(), 422, "the form again, with the message");
        assert!(r.text().await.unwrap().contains("has no engagement session; record session 1"));
        assert_eq!(api.get(&sessions).await.1.as_array().unwrap().len(), 0);
        // Under brief IPT the form offers it until session 1.
        let other = api.new_client("Brief Client").await;
        let brief = api.new_course(&other, json!({"protocol": "ipt-brief", "start_date": "2026-03-02"})).await;
        let (_, html) = b.text(&format!("/courses/{brief}")).await;
        assert!(html.contains("name=\"engagement\""));
    })
    .await;
}

#[tokio::test]
async fn the_stuart_formulation_records_interpersonal_sensitivity_and_other_protocols_refuse_it() {
    on_each_backend(|app| async move {
        let (user, api, client) = client_of(&app, "edges-sensitivity@clinic.example").await;
        let id = api.new_course(&client, json!({"protocol": "ipt-stuart", "start_date": "2026-01-05"})).await;
        let path = format!("/api/v1/courses/{id}/formulation");
        let (_, f) = api.get(&path).await;
        assert_eq!(
            (f["sensitivity_offered"].clone(), f["interpersonal_sensitivity"].clone()),
            (json!(true), json!(null))
        );
        let body = json!({
            "problem_areas": ["role_dispute"], "interpersonal_sensitivity": true,
            "sensitivity_note": "Withdraws for days after criticism", "version": 0
        });
        let (s, f) = api.call(Method::PUT, &path, Some(body)).await;
        assert_eq!(s, 200, "{f}");
        assert_eq!(
            (f["interpersonal_sensitivity"].clone(), f["sensitivity_note"].clone()),
            (json!(true), json!("Withdraws for days after criticism"))
        );
        // A note without the answer is refused, naming the field; nothing changes.
        let note_only = json!({"problem_areas": ["role_dispute"], "sensitivity_note": "x", "version": 1});
        let (s, r) = api.call(Method::PUT, &path, Some(note_only)).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("interpersonal_sensitivity")), "{r}");
        assert_eq!(api.get(&path).await.1["version"], json!(1));

        // The page shows it and its form offers it.
        let b = app.browser_as(&user.email).await;
        let page = format!("/courses/{id}/formulation");
        let (_, html) = b.text(&page).await;
        assert!(html.contains("Yes, a characteristic of the client") && html.contains("Withdraws for days"), "{html}");
        let (_, html) = b.text(&format!("{page}?edit=1")).await;
        assert!(html.contains("name=\"interpersonal_sensitivity\""));
        let fields = [("problem_areas", "role_dispute"), ("interpersonal_sensitivity", "maybe"), ("version", "1")];
        let r = b.submit(&page, &page, &fields).await;
        assert!(r.text().await.unwrap().contains("Choose yes, no or not recorded"));
        let fields = [("problem_areas", "role_dispute"), ("interpersonal_sensitivity", "no"), ("version", "1")];
        assert_eq!(b.submit(&page, &page, &fields).await.status(), 303);
        assert_eq!(api.get(&path).await.1["interpersonal_sensitivity"], json!(false));
        // The printable end-of-treatment summary says it too.
        let (_, html) = b.text(&format!("/courses/{id}/summary")).await;
        assert!(html.contains("Interpersonal sensitivity: No."), "{html}");

        // Under another protocol: not offered, and refused (API and form) with nothing stored.
        let other = api.new_client("Weissman Client").await;
        let w = api.new_course(&other, json!({"protocol": "ipt-individual", "start_date": "2026-01-05"})).await;
        let wpath = format!("/api/v1/courses/{w}/formulation");
        assert_eq!(api.get(&wpath).await.1["sensitivity_offered"], json!(false));
        let body = json!({"problem_areas": ["grief"], "interpersonal_sensitivity": false, "version": 0});
        let (s, r) = api.call(Method::PUT, &wpath, Some(body)).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("interpersonal_sensitivity")), "{r}");
        assert!(r["error"]["message"].as_str().unwrap().contains("does not record interpersonal sensitivity"), "{r}");
        let wpage = format!("/courses/{w}/formulation");
        let (_, html) = b.text(&wpage).await;
        assert!(!html.contains("name=\"interpersonal_sensitivity\""));
        let fields = [("problem_areas", "grief"), ("interpersonal_sensitivity", "yes"), ("version", "0")];
        let r = b.submit(&wpage, &wpage, &fields).await;
        assert!(r.text().await.unwrap().contains("does not record interpersonal sensitivity"));
        assert_eq!(api.get(&wpath).await.1["version"], json!(0));
    })
    .await;
}
