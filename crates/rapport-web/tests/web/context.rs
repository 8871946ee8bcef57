//! The care context over HTTP: the cultural formulation (one per client,
//! revised with history), medications (current and past), other providers and
//! coordination notes, through the API and the page.

use crate::matrix::{e, j, Entry};
use crate::support::*;
use rapport_core::access::Role;
use rapport_core::context::{CoordinationNote, CulturalFormulation, Medication, OtherProvider};
use rapport_core::Id;
use rapport_store::records::Placement;
use reqwest::Method;
use serde_json::json;

pub fn matrix_entries() -> Vec<Entry> {
    use Method as M;
    let mut v = vec![
        e(M::GET, "/courses/{id}/context", "/courses/{course}/context", "LNAAN"),
        e(
            M::GET,
            "/courses/{id}/context/cultural-formulation",
            "/courses/{course}/context/cultural-formulation",
            "LNAAN",
        ),
        e(
            M::POST,
            "/courses/{id}/context/cultural-formulation",
            "/courses/{course}/context/cultural-formulation",
            "LNAAN",
        ),
        e(
            M::GET,
            "/api/v1/clients/{id}/cultural-formulation",
            "/api/v1/clients/{client}/cultural-formulation",
            "LNAAN",
        ),
        // One exists already: without its version the change is refused (409) and nothing changes.
        j(
            M::PUT,
            "/api/v1/clients/{id}/cultural-formulation",
            "/api/v1/clients/{client}/cultural-formulation",
            "LNAAN",
            r#"{"cultural_identity": "Matrix"}"#,
        ),
    ];
    for (ui, list, item, ph, body) in [
        ("medications", "medications", "medications", "{medication}", r#"{"name": "Matrix-pam"}"#),
        ("providers", "providers", "providers", "{provider}", r#"{"name": "Matrix GP"}"#),
        (
            "notes",
            "coordination-notes",
            "coordination-notes",
            "{note}",
            r#"{"date": "2026-01-05", "note": "Matrix call"}"#,
        ),
    ] {
        let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
        v.push(e(
            M::POST,
            leak(format!("/courses/{{id}}/context/{ui}")),
            leak(format!("/courses/{{course}}/context/{ui}")),
            "LNAAN",
        ));
        for (m, suffix) in [(M::GET, ""), (M::POST, ""), (M::POST, "/remove")] {
            v.push(e(
                m,
                leak(format!("/courses/{{id}}/context/{ui}/{{item_id}}{suffix}")),
                leak(format!("/courses/{{course}}/context/{ui}/{ph}{suffix}")),
                "LNAAN",
            ));
        }
        v.push(e(
            M::GET,
            leak(format!("/api/v1/clients/{{id}}/{list}")),
            leak(format!("/api/v1/clients/{{client}}/{list}")),
            "LNAAN",
        ));
        v.push(j(
            M::POST,
            leak(format!("/api/v1/clients/{{id}}/{list}")),
            leak(format!("/api/v1/clients/{{client}}/{list}")),
            "LNAAN",
            body,
        ));
        v.push(e(M::GET, leak(format!("/api/v1/{item}/{{id}}")), leak(format!("/api/v1/{item}/{ph}")), "LNAAN"));
        let stale: &'static str = leak(body.replacen('{', "{\"version\": 999, ", 1));
        v.push(j(M::PUT, leak(format!("/api/v1/{item}/{{id}}")), leak(format!("/api/v1/{item}/{ph}")), "LNAAN", stale));
        v.push(e(
            M::DELETE,
            leak(format!("/api/v1/{item}/{{id}}")),
            leak(format!("/api/v1/{item}/{ph}?version=999")),
            "LNAAN",
        ));
    }
    v
}

/// One of each care-context record for the matrix client.
pub async fn matrix_fixtures(app: &TestApp, client: &Id, clinician: &Id, out: &mut Vec<(&'static str, String)>) {
    let at = Placement { client_id: client.clone(), ..Default::default() };
    let ev = || test_event("record.create");
    let s = &app.store;
    let cf = CulturalFormulation { cultural_identity: Some("Matrix".into()), ..Default::default() };
    s.create_record(&at, &cf, clinician, ev()).await.unwrap();
    let m = Medication { name: "Matrix-pam".into(), ..Default::default() };
    out.push(("{medication}", s.create_record(&at, &m, clinician, ev()).await.unwrap().id.to_string()));
    let p = OtherProvider { name: "Matrix GP".into(), ..Default::default() };
    let p = s.create_record(&at, &p, clinician, ev()).await.unwrap();
    out.push(("{provider}", p.id.to_string()));
    let n =
        CoordinationNote { date: "2026-01-05".into(), provider_id: Some(p.id.to_string()), note: "Matrix call".into() };
    out.push(("{note}", s.create_record(&at, &n, clinician, ev()).await.unwrap().id.to_string()));
}

#[tokio::test]
async fn cultural_formulation_is_one_record_with_history() {
    on_each_backend(|app| async move {
        let (_, api, client) = client_of(&app, "cf@clinic.example").await;
        let path = format!("/api/v1/clients/{client}/cultural-formulation");
        assert_eq!(api.get(&path).await.0, 404, "none yet");
        let (s, r) = api.call(Method::PUT, &path, Some(json!({}))).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("cultural_identity")), "{r}");
        let (s, r) = api.call(Method::PUT, &path, Some(json!({"explanations": "x".repeat(4001)}))).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("explanations")), "{r}");
        let first = json!({
            "cultural_identity": "Second-generation Polish, Catholic",
            "explanations": "\"Nerves\"; thinking too much",
            "interpreter_needed": false,
        });
        let (s, r) = api.call(Method::PUT, &path, Some(first.clone())).await;
        assert_eq!(s, 201, "{r}");
        assert_eq!(r["version"], 1);
        // A second "first" is refused: someone saved one meanwhile.
        let (s, _) = api.call(Method::PUT, &path, Some(first.clone())).await;
        assert_eq!(s, 409);
        let mut next = first.clone();
        next["version"] = json!(1);
        next["language_needs"] = json!("Polish for written material");
        let (s, r) = api.call(Method::PUT, &path, Some(next.clone())).await;
        assert_eq!(s, 200, "{r}");
        assert_eq!(r["version"], 2);
        let (s, _) = api.call(Method::PUT, &path, Some(next)).await;
        assert_eq!(s, 409, "stale version");
        let (_, r) = api.get(&path).await;
        assert_eq!(r["history"].as_array().unwrap().len(), 2);
        assert_eq!(r["language_needs"], "Polish for written material");
        // The database keeps one live formulation per client even if the check is raced.
        let cid = Id::parse(&client).unwrap();
        let at = Placement { client_id: cid.clone(), ..Default::default() };
        let dup = CulturalFormulation { stressors: Some("race".into()), ..Default::default() };
        let me = app.store.user_by_email("cf@clinic.example").await.unwrap().unwrap().0;
        let err = app.store.create_record(&at, &dup, &me.id, test_event("record.create")).await.unwrap_err();
        assert!(matches!(err, rapport_store::StoreError::Conflict), "{err:?}");
        assert_eq!(app.store.client_records::<CulturalFormulation>(&cid).await.unwrap().len(), 1);
        // Access.
        let other = app.user("other-cf@clinic.example", Role::Clinician).await;
        let other = Api::new(&app, &other).await;
        assert_eq!(other.get(&path).await.0, 404);
        assert_eq!(other.call(Method::PUT, &path, Some(first)).await.0, 404);
    })
    .await;
}

#[tokio::test]
async fn medications_providers_and_notes_through_the_api() {
    on_each_backend(|app| async move {
        let (_, api, client) = client_of(&app, "meds@clinic.example").await;
        let meds = format!("/api/v1/clients/{client}/medications");
        for (body, field) in [
            (json!({"name": " "}), "name"),
            (json!({"name": "Sertraline", "start_date": "2999"}), "start_date"),
            (json!({"name": "Sertraline", "start_date": "2025-06", "stop_date": "2025-01"}), "stop_date"),
            (json!({"name": "Sertraline", "stop_date": "soon"}), "stop_date"),
        ] {
            let (s, r) = api.post(&meds, body.clone()).await;
            assert_eq!((s, r["error"]["field"].as_str()), (422, Some(field)), "{body} -> {r}");
        }
        let (s, r) = api.post(&meds, json!({"name": "x", "dose": 5})).await;
        assert_eq!((s, r["error"]["field"].as_str()), (400, Some("dose")), "{r}");
        // A course with its checklist: recording medication changes nothing there.
        let course = api.create(&format!("/api/v1/clients/{client}/courses"), json!({"protocol": "ipt-individual"})).await;
        let (s, past) = api
            .post(&meds, json!({"name": "Citalopram", "dose": "20 mg", "start_date": "2023", "stop_date": "2024-02", "side_effects": "Nausea", "current": true}))
            .await;
        assert_eq!(s, 201, "{past}");
        assert_eq!(past["current"], false, "worked out by the server, not taken from the request");
        let (s, cur) = api
            .post(&meds, json!({"name": "Sertraline", "dose": "50 mg once daily", "prescriber": "Dr Lee (GP)", "start_date": "2025-11"}))
            .await;
        assert_eq!(s, 201, "{cur}");
        assert_eq!(cur["current"], true);
        let (_, list) = api.get(&meds).await;
        let names: Vec<&str> = list.as_array().unwrap().iter().map(|m| m["name"].as_str().unwrap()).collect();
        assert_eq!(names, ["Sertraline", "Citalopram"], "current first");
        let (_, after) = api.get(&format!("/api/v1/courses/{}", course["id"].as_str().unwrap())).await;
        assert_eq!(after["checklist"], course["checklist"], "the checklist is untouched");
        // Stop the current one: it moves to the past list, and the old version stays.
        let one = format!("/api/v1/medications/{}", cur["id"].as_str().unwrap());
        let stop = json!({"version": 1, "name": "Sertraline", "dose": "50 mg once daily", "start_date": "2025-11", "stop_date": "2026-01-02",
                          "adherence": "Missed doses at weekends"});
        let (s, r) = api.call(Method::PUT, &one, Some(stop.clone())).await;
        assert_eq!(s, 200, "{r}");
        assert_eq!(r["current"], false);
        assert_eq!(api.call(Method::PUT, &one, Some(stop)).await.0, 409);
        let (_, r) = api.get(&one).await;
        let h = r["history"].as_array().unwrap();
        assert_eq!((h.len(), h[1]["stop_date"].is_null()), (2, true));

        // Providers and coordination notes; a note may name one of this client's providers only.
        let provs = format!("/api/v1/clients/{client}/providers");
        assert_eq!(api.post(&provs, json!({"organisation": "x"})).await.0, 400, "name is required by the schema");
        assert_eq!(api.post(&provs, json!({"name": ""})).await.1["error"]["field"], "name");
        let (s, gp) = api
            .post(&provs, json!({"name": "Dr Lee, GP", "organisation": "Riverside Surgery", "contact": "020 7946 0000", "provides": "Prescribes; annual review"}))
            .await;
        assert_eq!(s, 201, "{gp}");
        let notes = format!("/api/v1/clients/{client}/coordination-notes");
        let other_client = api.new_client("Someone Else").await;
        let foreign = api.create(&format!("/api/v1/clients/{other_client}/providers"), json!({"name": "Their GP"})).await;
        for (body, field) in [
            (json!({"date": "2999-01-01", "note": "x"}), "date"),
            (json!({"date": "2026-01-05", "note": " "}), "note"),
            (json!({"date": "2026-01-05", "note": "x", "provider_id": foreign["id"]}), "provider_id"),
            (json!({"date": "2026-01-05", "note": "x", "provider_id": "gp"}), "provider_id"),
        ] {
            let (s, r) = api.post(&notes, body.clone()).await;
            assert_eq!((s, r["error"]["field"].as_str()), (422, Some(field)), "{body} -> {r}");
        }
        for (date, note) in [("2026-01-05", "Letter to GP about the plan"), ("2026-01-12", "GP phoned back: dose unchanged")] {
            let (s, r) = api.post(&notes, json!({"date": date, "note": note, "provider_id": gp["id"]})).await;
            assert_eq!(s, 201, "{r}");
        }
        let (_, list) = api.get(&notes).await;
        assert_eq!(list[0]["date"], "2026-01-12", "latest first");
        let note = format!("/api/v1/coordination-notes/{}", list[0]["id"].as_str().unwrap());
        assert_eq!(api.call(Method::DELETE, &note, None).await.0, 204);
        assert_eq!(api.get(&notes).await.1.as_array().unwrap().len(), 1);
        assert_eq!(api.get(&note).await.0, 404);
        let prov = format!("/api/v1/providers/{}", gp["id"].as_str().unwrap());
        let (s, r) = api.call(Method::PUT, &prov, Some(json!({"version": 1, "name": "Dr Lee, GP", "contact": "020 7946 0001"}))).await;
        assert_eq!((s, r["version"].as_i64()), (200, Some(2)), "{r}");

        // Another clinician: 404 on every kind.
        let other = app.user("other-meds@clinic.example", Role::Clinician).await;
        let other = Api::new(&app, &other).await;
        for p in [&meds, &provs, &notes, &one, &prov] {
            assert_eq!(other.get(p).await.0, 404, "{p}");
        }
        assert_eq!(other.call(Method::DELETE, &one, None).await.0, 404);
        assert_eq!(api.get(&one).await.0, 200, "still there");
    })
    .await;
}

#[tokio::test]
async fn an_empty_required_field_is_named_in_the_readers_language() {
    on_each_backend(|app| async move {
        let (b, course, _) = course_in_browser(&app, "ctx-es@clinic.example").await;
        let page = format!("{course}/context");
        let r = b.submit(&page, "/language", &[("language", "es"), ("back", page.as_str())]).await;
        assert_eq!(r.status().as_u16(), 303);
        let r = b.submit(&page, &format!("{page}/medications"), &[("name", "   "), ("dose", "50 mg")]).await;
        assert_eq!(r.status().as_u16(), 422);
        let html = r.text().await.unwrap();
        assert!(html.contains("Indique el nombre del medicamento"), "{html}");
        assert!(html.contains("href=\"#medications-name\""), "the error summary links the field");
        assert!(!html.contains("Enter the medication name"), "no English left");
        let (_, html) = b.text(&page).await;
        assert!(html.contains("No hay medicación actual registrada."), "nothing recorded: {html}");
    })
    .await;
}

#[tokio::test]
async fn the_care_context_page() {
    on_each_backend(|app| async move {
        let (b, course, _) = course_in_browser(&app, "ctx@clinic.example").await;
        let page = format!("{course}/context");
        let (s, html) = b.text(&page).await;
        assert_eq!(s, 200);
        assert!(html.contains("Record the cultural formulation"));
        assert!(html.contains("No current medication recorded."));

        // Cultural formulation: empty is refused; then recorded and revised.
        let cf = format!("{page}/cultural-formulation");
        let r = b.submit(&cf, &cf, &[("version", "0")]).await;
        assert_eq!(r.status().as_u16(), 422);
        assert!(r.text().await.unwrap().contains("Fill in at least one part"));
        let r = b
            .submit(
                &cf,
                &cf,
                &[("version", "0"), ("explanations", "\"My nerves are bad\""), ("interpreter_needed", "true")],
            )
            .await;
        assert_eq!(r.status().as_u16(), 303);
        let (_, html) = b.text(&page).await;
        assert!(
            html.contains("&quot;My nerves are bad&quot;") || html.contains("&#34;My nerves are bad&#34;"),
            "{html}"
        );
        let r =
            b.submit(&cf, &cf, &[("version", "1"), ("explanations", "Nerves"), ("stressors", "Night shifts")]).await;
        assert_eq!(r.status().as_u16(), 303);
        // A stale save shows both.
        let r = b.submit(&cf, &cf, &[("version", "1"), ("explanations", "Something else")]).await;
        assert_eq!(r.status().as_u16(), 409);
        let html = r.text().await.unwrap();
        assert!(
            html.contains("Saved meanwhile (version 2)")
                && html.contains("Night shifts")
                && html.contains("Something else")
        );

        // Medication: a bad date is named on the right form; then current and past lists.
        let r = b
            .submit(&page, &format!("{page}/medications"), &[("name", "Sertraline"), ("start_date", "next year")])
            .await;
        assert_eq!(r.status().as_u16(), 422);
        let html = r.text().await.unwrap();
        assert!(html.contains("href=\"#medications-start_date\""), "error summary links the field");
        assert!(html.contains("id=\"medications-start_date\""));
        assert!(html.contains("value=\"next year\""));
        for fields in [
            vec![("name", "Sertraline"), ("dose", "50 mg"), ("start_date", "2025-11")],
            vec![("name", "Citalopram"), ("start_date", "2023"), ("stop_date", "2024-02")],
        ] {
            assert_eq!(b.submit(&page, &format!("{page}/medications"), &fields).await.status().as_u16(), 303);
        }
        assert_eq!(
            b.submit(
                &page,
                &format!("{page}/providers"),
                &[("name", "Dr Lee, GP"), ("organisation", "Riverside Surgery")]
            )
            .await
            .status()
            .as_u16(),
            303
        );
        let (_, html) = b.text(&page).await;
        let current = html.find("<h3>Current</h3>").unwrap();
        let past = html.find("<h3>Past</h3>").unwrap();
        assert!(html[current..past].contains("Sertraline") && !html[current..past].contains("Citalopram"));
        assert!(html[past..].contains("Citalopram") && html[past..].contains("2023 to February 2024"));
        assert!(html.contains("Dr Lee, GP"));
        let gp = html.split("<li id=\"providers-").nth(1).unwrap()[..36].to_string();
        assert!(html.contains(&format!("<option value=\"{gp}\">Dr Lee, GP</option>")), "notes offer the providers");
        assert_eq!(
            b.submit(
                &page,
                &format!("{page}/notes"),
                &[("date", "2026-01-05"), ("provider_id", &gp), ("note", "Letter sent")]
            )
            .await
            .status()
            .as_u16(),
            303
        );
        let (_, html) = b.text(&page).await;
        assert!(html.contains("Letter sent"));
        // Change a medication and see its history; remove a provider.
        let med = html.split("<tr id=\"medications-").nth(1).unwrap()[..36].to_string();
        let url = format!("{page}/medications/{med}");
        let r = b
            .submit(
                &url,
                &url,
                &[("version", "1"), ("name", "Sertraline"), ("dose", "100 mg"), ("start_date", "2025-11")],
            )
            .await;
        assert_eq!(r.status().as_u16(), 303);
        let (_, html) = b.text(&url).await;
        assert!(html.contains("100 mg") && html.contains("50 mg"), "current and previous versions");
        let purl = format!("{page}/providers/{gp}");
        assert_eq!(b.submit(&purl, &format!("{purl}/remove"), &[("version", "1")]).await.status().as_u16(), 303);
        let (_, html) = b.text(&page).await;
        assert!(html.contains("(removed provider)"), "the note keeps its link");
        assert_eq!(b.get(&purl).await.status().as_u16(), 404);
    })
    .await;
}
