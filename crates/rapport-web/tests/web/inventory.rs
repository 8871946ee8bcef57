//! The interpersonal inventory over HTTP: people (create, edit, version
//! conflict, removal with history), the circle and its snapshots, the
//! Inventory tab, access rules and audit entries.

use crate::matrix::{e, j, Entry};
use crate::support::*;
use rapport_core::access::Role;
use rapport_core::inventory::Person;
use rapport_core::Id;
use reqwest::Method;
use serde_json::{json, Value};

pub fn matrix_entries() -> Vec<Entry> {
    use Method as M;
    vec![
        e(M::GET, "/courses/{id}/inventory", "/courses/{course}/inventory", "LNAAN"),
        e(M::GET, "/courses/{id}/inventory/people/new", "/courses/{course}/inventory/people/new", "LNAAN"),
        e(M::POST, "/courses/{id}/inventory/people/new", "/courses/{course}/inventory/people/new", "LNAAN"),
        e(M::GET, "/courses/{id}/inventory/people/{person_id}", "/courses/{course}/inventory/people/{person}", "LNAAN"),
        e(
            M::POST,
            "/courses/{id}/inventory/people/{person_id}",
            "/courses/{course}/inventory/people/{person}",
            "LNAAN",
        ),
        // Without a version the removal is refused (422), so the person survives for the next caller.
        e(
            M::POST,
            "/courses/{id}/inventory/people/{person_id}/remove",
            "/courses/{course}/inventory/people/{person}/remove",
            "LNAAN",
        ),
        e(
            M::GET,
            "/courses/{id}/inventory/people/{person_id}/history",
            "/courses/{course}/inventory/people/{person}/history",
            "LNAAN",
        ),
        e(M::POST, "/courses/{id}/inventory/snapshots", "/courses/{course}/inventory/snapshots", "LNAAN"),
        e(
            M::GET,
            "/courses/{id}/inventory/snapshots/{snapshot_id}",
            "/courses/{course}/inventory/snapshots/{snapshot}",
            "LNAAN",
        ),
        e(M::GET, "/courses/{id}/inventory/compare", "/courses/{course}/inventory/compare", "LNAAN"),
        e(M::GET, "/api/v1/clients/{id}/people", "/api/v1/clients/{client}/people", "LNAAN"),
        j(
            M::POST,
            "/api/v1/clients/{id}/people",
            "/api/v1/clients/{client}/people",
            "LNAAN",
            r#"{"display_name": "Matrix Friend", "relationship": "friend", "ring": "middle"}"#,
        ),
        e(M::GET, "/api/v1/people/{id}", "/api/v1/people/{person}", "LNAAN"),
        // A stale version: 409 for those allowed, so nothing changes between callers.
        j(
            M::PUT,
            "/api/v1/people/{id}",
            "/api/v1/people/{person}",
            "LNAAN",
            r#"{"display_name": "Matrix Sibling", "relationship": "sibling", "ring": "inner", "version": 999}"#,
        ),
        e(M::DELETE, "/api/v1/people/{id}", "/api/v1/people/{person}?version=999", "LNAAN"),
        e(M::GET, "/api/v1/courses/{id}/circle", "/api/v1/courses/{course}/circle", "LNAAN"),
        e(M::GET, "/api/v1/courses/{id}/circle-snapshots", "/api/v1/courses/{course}/circle-snapshots", "LNAAN"),
        j(
            M::POST,
            "/api/v1/courses/{id}/circle-snapshots",
            "/api/v1/courses/{course}/circle-snapshots",
            "LNAAN",
            r#"{"label": "matrix"}"#,
        ),
        e(M::GET, "/api/v1/circle-snapshots/{id}", "/api/v1/circle-snapshots/{snapshot}", "LNAAN"),
    ]
}

/// A person of `client` and a snapshot of the `{course}` fixture.
pub async fn matrix_fixtures(app: &TestApp, client: &Id, clinician: &Id, out: &mut Vec<(&'static str, String)>) {
    use rapport_core::inventory::{validate_snapshot, CirclePerson};
    use rapport_store::records::Placement;
    let course = out.iter().find(|(k, _)| *k == "{course}").map(|(_, v)| Id::parse(v).unwrap()).expect("course");
    let p = app.person(client, clinician, "Matrix Partner").await;
    let circle = vec![CirclePerson::of(p.id.to_string(), &p.body)];
    let snap = validate_snapshot(Some("intake"), None, None, circle, time::macros::date!(2026 - 06 - 01)).unwrap();
    let at = Placement { client_id: client.clone(), course_id: Some(course), ..Default::default() };
    let s = app.store.create_record(&at, &snap, clinician, test_event("record.create")).await.unwrap();
    out.push(("{person}", p.id.to_string()));
    out.push(("{snapshot}", s.id.to_string()));
}

async fn course_of(api: &Api, client: &str) -> String {
    api.new_course(client, json!({"protocol": "ipt-individual", "start_date": "2026-01-05"})).await
}

async fn add(api: &Api, client: &str, body: Value) -> Value {
    api.create(&format!("/api/v1/clients/{client}/people"), body).await
}

fn names(v: &Value) -> Vec<&str> {
    v.as_array().unwrap().iter().map(|p| p["display_name"].as_str().unwrap()).collect()
}

#[tokio::test]
async fn people_are_created_edited_versioned_and_removed_with_history() {
    on_each_backend(|app| async move {
        let (_, api, client) = client_of(&app, "people@clinic.example").await;
        let creates = app.count_for("record.create", "person").await;
        let sam = add(
            &api,
            &client,
            json!({"display_name": "Sam", "relationship": "partner", "ring": "inner", "lives_with_client": true,
                   "conflict": true, "conflict_description": "Housework and working hours",
                   "support_received": ["practical"], "support_given": ["emotional", "practical"],
                   "client_expectations_met": "no", "contact_frequency": "daily"}),
        )
        .await;
        assert_eq!(sam["version"], 1);
        assert_eq!(sam["support_given"], json!(["emotional", "practical"]));
        assert_eq!(sam["client_expectations_met"], "no");
        let mum = add(
            &api,
            &client,
            json!({"display_name": "Rosa", "relationship": "parent", "ring": "inner", "deceased": true,
                   "date_of_death": "2023-02-01", "support_received": ["emotional"]}),
        )
        .await;
        add(&api, &client, json!({"display_name": "Bea", "relationship": "friend", "ring": "middle"})).await;
        assert_eq!(app.count_for("record.create", "person").await, creates + 3);
        let (s, list) = api.get(&format!("/api/v1/clients/{client}/people")).await;
        assert_eq!(s, 200);
        assert_eq!(names(&list), ["Rosa", "Sam", "Bea"], "circle order: ring, then name");

        // Edit: PUT replaces the record and needs the version it started from.
        let id = sam["id"].as_str().unwrap();
        let path = format!("/api/v1/people/{id}");
        let edited = json!({"display_name": "Sam", "relationship": "partner", "ring": "middle", "conflict": true,
                            "support_received": ["practical", "emotional"], "version": 1});
        let (s, v2) = api.call(Method::PUT, &path, Some(edited.clone())).await;
        assert_eq!(s, 200, "{v2}");
        assert_eq!((v2["version"].as_i64(), v2["ring"].as_str()), (Some(2), Some("middle")));
        assert_eq!(v2["lives_with_client"], false, "PUT replaces: left-out fields are cleared");
        let (s, r) = api.call(Method::PUT, &path, Some(edited.clone())).await;
        assert_eq!(s, 409, "stale version refused: {r}");
        let mut no_version = edited.clone();
        no_version.as_object_mut().unwrap().remove("version");
        let (s, r) = api.call(Method::PUT, &path, Some(no_version)).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("version")), "{r}");
        let (_, got) = api.get(&path).await;
        assert_eq!(got["version"], 2);

        // Remove: a stale version is refused, then the person leaves every list but keeps a history.
        let (s, _) = api.call(Method::DELETE, &format!("{path}?version=1"), None).await;
        assert_eq!(s, 409);
        let (s, _) = api.call(Method::DELETE, &format!("{path}?version=2"), None).await;
        assert_eq!(s, 204);
        assert_eq!(api.get(&path).await.0, 404);
        let (_, list) = api.get(&format!("/api/v1/clients/{client}/people")).await;
        assert_eq!(names(&list), ["Rosa", "Bea"]);
        let history = app.store.record_history::<Person>(&Id::parse(id).unwrap()).await.unwrap();
        let changes: Vec<(i64, &str)> = history.iter().map(|v| (v.version, v.change.as_str())).collect();
        assert_eq!(changes, [(3, "removed"), (2, "updated"), (1, "created")]);
        assert_eq!(history[2].body.ring, rapport_core::inventory::Ring::Inner, "version 1 kept as it was");
        assert_eq!(app.count_for("record.update", "person").await, 1);
        assert_eq!(app.count_for("record.remove", "person").await, 1);
        // Reads are audited.
        let reads = app.count_for("record.read", "person").await;
        api.get(&format!("/api/v1/people/{}", mum["id"].as_str().unwrap())).await;
        assert_eq!(app.count_for("record.read", "person").await, reads + 1);
        assert!(app.store.audit_verify().await.is_ok());
    })
    .await;
}

#[tokio::test]
async fn bad_people_are_refused_with_the_field_named_and_nothing_stored() {
    on_each_backend(|app| async move {
        let (_, api, client) = client_of(&app, "badpeople@clinic.example").await;
        let path = format!("/api/v1/clients/{client}/people");
        let base = json!({"display_name": "Jo", "relationship": "friend", "ring": "outer"});
        let with = |k: &str, v: Value| {
            let mut b = base.clone();
            b[k] = v;
            b
        };
        for (body, field) in [
            (with("ring", json!("centre")), "ring"),
            (with("relationship", json!("cousin")), "relationship"),
            (with("relationship", json!("other")), "relationship_detail"),
            (with("display_name", json!("   ")), "display_name"),
            (with("display_name", json!("x".repeat(81))), "display_name"),
            (with("support_received", json!(["money"])), "support_received"),
            (with("contact_frequency", json!("hourly")), "contact_frequency"),
            (with("date_of_death", json!("2020-01-01")), "date_of_death"),
            (with("conflict_description", json!("Rows")), "conflict"),
            (with("version", json!(3)), "version"),
        ] {
            let (s, r) = api.post(&path, body.clone()).await;
            assert_eq!(s, 422, "{body} -> {r}");
            assert_eq!(r["error"]["field"], field, "{body} -> {r}");
        }
        let mut dead = with("deceased", json!(true));
        dead["date_of_death"] = json!("2999-01-01");
        let (s, r) = api.post(&path, dead.clone()).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("date_of_death")), "{r}");
        dead["date_of_death"] = Value::Null;
        dead["could_support_now"] = json!(true);
        let (s, r) = api.post(&path, dead.clone()).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("could_support_now")), "{r}");
        // The manuals' fields: a person who has died cannot know about the depression now.
        dead["could_support_now"] = json!(false);
        dead["knows_about_depression"] = json!("yes");
        let (s, r) = api.post(&path, dead).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("knows_about_depression")), "{r}");
        let (s, r) = api.post(&path, with("knows_about_depression", json!("maybe"))).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("knows_about_depression")), "{r}");
        // Wrong types and unknown fields are 400 with the field named.
        let (s, r) = api.post(&path, with("deceased", json!("yes"))).await;
        assert_eq!((s, r["error"]["field"].as_str()), (400, Some("deceased")), "{r}");
        let (s, r) = api.post(&path, with("favourite_colour", json!("blue"))).await;
        assert_eq!(s, 400, "{r}");
        let (_, list) = api.get(&path).await;
        assert_eq!(list.as_array().unwrap().len(), 0, "nothing stored");
    })
    .await;
}

#[tokio::test]
async fn snapshots_freeze_the_circle_and_compare_shows_what_changed() {
    on_each_backend(|app| async move {
        let (user, api, client) = client_of(&app, "circle@clinic.example").await;
        let course = course_of(&api, &client).await;
        let tom = add(&api, &client, json!({"display_name": "Tom", "relationship": "sibling", "ring": "outer"})).await;
        let sam = add(
            &api,
            &client,
            json!({"display_name": "Sam", "relationship": "partner", "ring": "inner", "conflict": true}),
        )
        .await;
        add(&api, &client, json!({"display_name": "Priya", "relationship": "colleague", "ring": "outer"})).await;
        let session = api.new_session(&course, json!({"date": "2026-01-05", "attendance": "attended"})).await;

        // The circle now: people by ring plus the SVG.
        let (s, circle) = api.get(&format!("/api/v1/courses/{course}/circle")).await;
        assert_eq!(s, 200, "{circle}");
        assert_eq!(names(&circle["inner"]), ["Sam"]);
        assert_eq!(names(&circle["outer"]), ["Priya", "Tom"]);
        let svg = circle["svg"].as_str().unwrap();
        assert!(svg.starts_with("<svg") && svg.contains("role=\"img\"") && svg.contains("<desc"), "{svg}");

        // Bad snapshots name their field.
        let snaps = format!("/api/v1/courses/{course}/circle-snapshots");
        for (body, field) in [
            (json!({"label": "  "}), "label"),
            (json!({"label": "intake", "taken_on": "2999-01-01"}), "taken_on"),
            (json!({"label": "intake", "session_id": Id::new().to_string()}), "session_id"),
        ] {
            let (s, r) = api.post(&snaps, body.clone()).await;
            assert_eq!((s, r["error"]["field"].as_str()), (422, Some(field)), "{body} -> {r}");
        }
        let (s, intake) =
            api.post(&snaps, json!({"label": "intake", "taken_on": "2026-01-05", "session_id": session})).await;
        assert_eq!(s, 201, "{intake}");
        assert_eq!(intake["session_number"], 1);
        assert_eq!(names(&intake["outer"]), ["Priya", "Tom"]);

        // Changes: Tom comes closer, Sam's conflict eases, Priya leaves, Bea arrives.
        let tid = tom["id"].as_str().unwrap();
        let (s, _) = api
            .call(
                Method::PUT,
                &format!("/api/v1/people/{tid}"),
                Some(json!({"display_name": "Tom", "relationship": "sibling", "ring": "middle",
                            "support_received": ["practical"], "version": 1})),
            )
            .await;
        assert_eq!(s, 200);
        let sid = sam["id"].as_str().unwrap();
        api.call(
            Method::PUT,
            &format!("/api/v1/people/{sid}"),
            Some(json!({"display_name": "Sam", "relationship": "partner", "ring": "inner", "version": 1})),
        )
        .await;
        let (_, people) = api.get(&format!("/api/v1/clients/{client}/people")).await;
        let priya = people.as_array().unwrap().iter().find(|p| p["display_name"] == "Priya").unwrap().clone();
        api.call(Method::DELETE, &format!("/api/v1/people/{}", priya["id"].as_str().unwrap()), None).await;
        add(&api, &client, json!({"display_name": "Bea", "relationship": "friend", "ring": "middle"})).await;
        let (s, ending) = api.post(&snaps, json!({"label": "ending"})).await;
        assert_eq!(s, 201, "{ending}");

        // The intake snapshot still shows the circle as it was.
        let (s, got) = api.get(&format!("/api/v1/circle-snapshots/{}", intake["id"].as_str().unwrap())).await;
        assert_eq!(s, 200);
        assert_eq!(names(&got["outer"]), ["Priya", "Tom"]);
        assert!(got["svg"].as_str().unwrap().contains("Priya"));
        let (_, list) = api.get(&snaps).await;
        let labels: Vec<&str> = list.as_array().unwrap().iter().map(|s| s["label"].as_str().unwrap()).collect();
        assert_eq!(labels, ["intake", "ending"]);

        // Side by side in the UI, with who moved, arrived and left.
        let b = app.browser_as(&user.email).await;
        let compare = format!(
            "/courses/{course}/inventory/compare?a={}&b={}",
            intake["id"].as_str().unwrap(),
            ending["id"].as_str().unwrap()
        );
        let (s, page) = b.text(&compare).await;
        assert_eq!(s, 200);
        assert_eq!(page.matches("<svg").count(), 2, "two circles");
        assert!(page.contains("Moved closer: outer → middle ring; support to the client: none → practical"), "{page}");
        assert!(page.contains("Conflict no longer present"), "{page}");
        assert!(page.contains("Added, in the middle ring"));
        assert!(page.contains("No longer in the circle (was in the outer ring)"));
        // Against the inventory as it is now: nothing changed since the ending snapshot.
        let (_, page) =
            b.text(&format!("/courses/{course}/inventory/compare?a={}&b=now", ending["id"].as_str().unwrap())).await;
        assert!(page.contains("No changes"), "{page}");
        // A snapshot of another course is not found.
        let other_course = api.new_course(&client, json!({"protocol": "ipc", "start_date": "2026-01-05"})).await;
        let (s, _) =
            b.text(&format!("/courses/{other_course}/inventory/snapshots/{}", intake["id"].as_str().unwrap())).await;
        assert_eq!(s, 404);
        assert_eq!(app.count_for("record.create", "circle_snapshot").await, 2);
    })
    .await;
}

#[tokio::test]
async fn another_clinician_finds_nothing() {
    on_each_backend(|app| async move {
        let (_, api, client) = client_of(&app, "mine@clinic.example").await;
        let course = course_of(&api, &client).await;
        let p = add(&api, &client, json!({"display_name": "Sam", "relationship": "partner", "ring": "inner"})).await;
        let (_, snap) = api.post(&format!("/api/v1/courses/{course}/circle-snapshots"), json!({"label": "x"})).await;
        let other = app.user("notmine@clinic.example", Role::Clinician).await;
        let other = Api::new(&app, &other).await;
        let denials = app.count("access.denied").await;
        let pid = p["id"].as_str().unwrap();
        let body = json!({"display_name": "X", "relationship": "friend", "ring": "outer", "version": 1});
        for (m, path, body) in [
            (Method::GET, format!("/api/v1/clients/{client}/people"), None),
            (Method::POST, format!("/api/v1/clients/{client}/people"), Some(body.clone())),
            (Method::GET, format!("/api/v1/people/{pid}"), None),
            (Method::PUT, format!("/api/v1/people/{pid}"), Some(body)),
            (Method::DELETE, format!("/api/v1/people/{pid}"), None),
            (Method::GET, format!("/api/v1/courses/{course}/circle"), None),
            (Method::GET, format!("/api/v1/courses/{course}/circle-snapshots"), None),
            (Method::GET, format!("/api/v1/circle-snapshots/{}", snap["id"].as_str().unwrap()), None),
            (Method::GET, format!("/api/v1/people/{}", Id::new()), None),
        ] {
            let (s, r) = other.call(m.clone(), &path, body).await;
            assert_eq!(s, 404, "{m} {path}: {r}");
        }
        assert!(app.count("access.denied").await >= denials + 9);
        let (_, got) = api.get(&format!("/api/v1/people/{pid}")).await;
        assert_eq!((got["display_name"].as_str(), got["version"].as_i64()), (Some("Sam"), Some(1)), "untouched");
    })
    .await;
}

#[tokio::test]
async fn the_inventory_tab_edits_people_and_shows_the_circle() {
    on_each_backend(|app| async move {
        let (user, api, client) = client_of(&app, "tab@clinic.example").await;
        let course = course_of(&api, &client).await;
        let b = app.browser_as(&user.email).await;
        let tab = format!("/courses/{course}/inventory");
        let (s, page) = b.text(&tab).await;
        assert_eq!(s, 200);
        assert!(page.contains("No people yet"));
        assert!(page.contains("is still outstanding"), "checklist hint");
        assert!(page.contains(&format!("action=\"/courses/{course}/checklist/inventory\"")));

        // A form without a ring: the error names the field and nothing is stored.
        let new = format!("{tab}/people/new");
        let r = b.submit(&new, &new, &[("display_name", "Sam"), ("relationship", "partner")]).await;
        assert_eq!(r.status().as_u16(), 422);
        let html = r.text().await.unwrap();
        assert!(html.contains("Choose the ring") && html.contains("href=\"#ring\""), "{html}");
        // Repeated checkbox values (support kinds) are all kept.
        let r = b
            .submit(
                &new,
                &new,
                &[
                    ("display_name", "<script>alert(1)</script> Sam"),
                    ("relationship", "partner"),
                    ("ring", "inner"),
                    ("conflict", "yes"),
                    ("conflict_description", "Chores"),
                    ("support_received", "emotional"),
                    ("support_received", "company"),
                ],
            )
            .await;
        assert_eq!(r.status().as_u16(), 303, "{}", r.text().await.unwrap());
        let loc = location(&r);
        let pid = loc.split("#person-").nth(1).unwrap().to_string();
        let r = b
            .submit(
                &new,
                &new,
                &[("display_name", "Rosa"), ("relationship", "parent"), ("ring", "inner"), ("deceased", "yes")],
            )
            .await;
        assert_eq!(r.status().as_u16(), 303);
        let (_, page) = b.text(&tab).await;
        assert!(!page.contains("<script>alert(1)"), "names are escaped, in the SVG too");
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; Sam"));
        assert!(page.contains("emotional, company"));
        assert!(page.contains("stroke-dasharray"), "the deceased person is dashed");
        assert!(page.contains("Gap</span> nobody"), "support gaps are named");

        // Two people edit the same person: the second sees both versions, nothing is lost.
        let edit = format!("{tab}/people/{pid}");
        let (_, form) = b.text(&edit).await;
        assert!(form.contains("name=\"version\" value=\"1\""));
        let fields = |ring: &'static str, notes: &'static str| {
            vec![
                ("display_name", "Sam"),
                ("relationship", "partner"),
                ("ring", ring),
                ("notes", notes),
                ("version", "1"),
            ]
        };
        let r = b.submit(&edit, &edit, &fields("middle", "First edit")).await;
        assert_eq!(r.status().as_u16(), 303);
        let r = b.submit(&edit, &edit, &fields("outer", "Second edit")).await;
        assert_eq!(r.status().as_u16(), 409);
        let html = r.text().await.unwrap();
        assert!(html.contains("Someone else saved this person"), "{html}");
        assert!(html.contains("First edit") && html.contains("Second edit"), "both versions shown");
        assert!(html.contains("name=\"version\" value=\"2\""), "saving again is a deliberate overwrite");

        // History shows each version and what changed.
        let (s, history) = b.text(&format!("{edit}/history")).await;
        assert_eq!(s, 200);
        assert!(history.contains("Version 2 · changed") && history.contains("Version 1 · added"));
        assert!(history.contains("Inner ring (closest)") && history.contains("Middle ring"));

        // Removal needs the version, and the history stays reachable.
        let r = b.submit(&edit, &format!("{edit}/remove"), &[]).await;
        assert_eq!(r.status().as_u16(), 422);
        let r = b.submit(&edit, &format!("{edit}/remove"), &[("version", "2")]).await;
        assert_eq!(r.status().as_u16(), 303);
        let (_, page) = b.text(&tab).await;
        assert!(page.contains("Removed people (1)"));
        assert_eq!(b.text(&edit).await.0, 404);
        let (s, history) = b.text(&format!("{edit}/history")).await;
        assert_eq!(s, 200);
        assert!(history.contains("Removed from the inventory") && history.contains("Version 3 · removed"));

        // A snapshot from the tab; a bad date is named.
        let snaps = format!("{tab}/snapshots");
        let r = b.submit(&tab, &snaps, &[("label", "intake"), ("taken_on", "2999-01-01")]).await;
        let html = r.text().await.unwrap();
        assert!(html.contains("The date cannot be in the future") && html.contains("href=\"#snapshot-taken_on\""));
        let r = b.submit(&tab, &snaps, &[("label", "intake"), ("taken_on", "2026-01-05")]).await;
        assert_eq!(r.status().as_u16(), 303);
        let (_, page) = b.text(&tab).await;
        assert!(page.contains("2026-01-05 · 1 person"), "{page}");

        // The hint's button ticks the checklist item; then the hint is gone.
        let r = b.submit(&tab, &format!("/courses/{course}/checklist/inventory"), &[]).await;
        assert_eq!(r.status().as_u16(), 303);
        let (_, page) = b.text(&tab).await;
        assert!(!page.contains("is still outstanding"));
    })
    .await;
}

#[tokio::test]
async fn the_manuals_inventory_fields_and_timeline_categories() {
    on_each_backend(|app| async move {
        let (user, api, client) = client_of(&app, "manualfields@clinic.example").await;
        let path = format!("/api/v1/clients/{client}/people");
        let p = api
            .create(
                &path,
                json!({"display_name": "Sam", "relationship": "partner", "ring": "inner",
                       "knows_about_depression": "partly", "communication": "Silence, then rows",
                       "feelings_together": "On edge", "linked_to_onset": true}),
            )
            .await;
        assert_eq!(p["knows_about_depression"], "partly");
        assert_eq!(p["communication"], "Silence, then rows");
        assert_eq!(p["feelings_together"], "On edge");
        assert_eq!(p["linked_to_onset"], true);
        // The form shows and keeps them.
        let course = course_of(&api, &client).await;
        let b = app.browser_as(&user.email).await;
        let edit = format!("/courses/{course}/inventory/people/{}", p["id"].as_str().unwrap());
        let (s, html) = b.text(&edit).await;
        assert_eq!(s, 200, "{html}");
        assert!(html.contains(r#"<option value="partly" selected>"#), "{html}");
        assert!(
            html.contains("Silence, then rows")
                && html.contains(r#"id="linked_to_onset" name="linked_to_onset" value="yes" checked"#)
        );
        // The timeline has the manuals' categories: a death and a time of isolation.
        let timeline = format!("/api/v1/clients/{client}/timeline");
        for category in ["death", "isolation"] {
            let (s, r) = api.post(&timeline, json!({"date": "2024", "category": category, "title": "x"})).await;
            assert_eq!((s, r["category"].as_str()), (201, Some(category)), "{r}");
        }
        let (_, html) = b.text(&format!("/courses/{course}/timeline")).await;
        assert!(html.contains("Death") && html.contains("Isolation"), "{html}");
        assert_caseload_cards_match_a_rebuild(&app.store).await;
    })
    .await;
}
