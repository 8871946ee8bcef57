//! The interpersonal timeline over HTTP: the API contract (create, time order,
//! change with version checks, remove with history kept, links to inventory
//! people, access), and the page with its chart, table and forms.

use crate::matrix::{e, j, Entry};
use crate::support::*;
use rapport_core::access::Role;
use rapport_core::timeline::TimelineEvent;
use rapport_core::Id;
use rapport_store::records::Placement;
use reqwest::Method;
use serde_json::{json, Value};

pub fn matrix_entries() -> Vec<Entry> {
    use Method as M;
    vec![
        e(M::GET, "/courses/{id}/timeline", "/courses/{course}/timeline", "LNAAN"),
        e(M::POST, "/courses/{id}/timeline", "/courses/{course}/timeline", "LNAAN"),
        e(M::GET, "/courses/{id}/timeline/{event_id}", "/courses/{course}/timeline/{event}", "LNAAN"),
        e(M::POST, "/courses/{id}/timeline/{event_id}", "/courses/{course}/timeline/{event}", "LNAAN"),
        e(M::POST, "/courses/{id}/timeline/{event_id}/remove", "/courses/{course}/timeline/{event}/remove", "LNAAN"),
        e(M::GET, "/api/v1/clients/{id}/timeline", "/api/v1/clients/{client}/timeline", "LNAAN"),
        j(
            M::POST,
            "/api/v1/clients/{id}/timeline",
            "/api/v1/clients/{client}/timeline",
            "LNAAN",
            r#"{"date": "2025", "category": "move", "title": "Matrix move"}"#,
        ),
        e(M::GET, "/api/v1/timeline/{id}", "/api/v1/timeline/{event}", "LNAAN"),
        // A stale version: allowed callers get 409 and nothing changes.
        j(
            M::PUT,
            "/api/v1/timeline/{id}",
            "/api/v1/timeline/{event}",
            "LNAAN",
            r#"{"version": 999, "date": "2025", "category": "move", "title": "Matrix move"}"#,
        ),
        e(M::DELETE, "/api/v1/timeline/{id}", "/api/v1/timeline/{event}?version=999", "LNAAN"),
    ]
}

/// A timeline event of the matrix client.
pub async fn matrix_fixtures(app: &TestApp, client: &Id, clinician: &Id, out: &mut Vec<(&'static str, String)>) {
    let body = TimelineEvent {
        date: "2025-03".into(),
        category: "work".into(),
        title: "Matrix job loss".into(),
        episode: "onset".into(),
        ..Default::default()
    };
    let at = Placement { client_id: client.clone(), ..Default::default() };
    let rec = app.store.create_record(&at, &body, clinician, test_event("record.create")).await.unwrap();
    out.push(("{event}", rec.id.to_string()));
}

fn titles(list: &Value) -> Vec<String> {
    list.as_array().unwrap().iter().map(|e| e["title"].as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn timeline_events_through_the_api() {
    on_each_backend(|app| async move {
        let (me, api, client) = client_of(&app, "tl@clinic.example").await;
        let path = format!("/api/v1/clients/{client}/timeline");
        // Bad input is refused with the field named, and nothing is stored.
        for (body, field) in [
            (json!({"date": "spring 2025", "category": "work", "title": "x"}), "date"),
            (json!({"date": "2999", "category": "work", "title": "x"}), "date"),
            (json!({"date": "2025", "category": "war", "title": "x"}), "category"),
            (json!({"date": "2025", "category": "work", "title": "  "}), "title"),
            (json!({"date": "2025", "category": "work", "title": "x", "mood": 11}), "mood"),
            (json!({"date": "2025", "category": "work", "title": "x", "episode": "relapse"}), "episode"),
            (json!({"date": "2025", "category": "work", "title": "x", "person_ids": ["sam"]}), "person_ids[0]"),
            (json!({"date": "2025", "category": "work", "title": "x", "person_ids": [Id::new().to_string()]}), "person_ids"),
        ] {
            let (s, r) = api.post(&path, body.clone()).await;
            assert_eq!((s, r["error"]["field"].as_str()), (422, Some(field)), "{body} -> {r}");
        }
        let (s, r) = api.post(&path, json!({"date": "2025", "category": "work", "title": "x", "colour": "red"})).await;
        assert_eq!((s, r["error"]["field"].as_str()), (400, Some("colour")), "{r}");
        assert_eq!(api.get(&path).await.1.as_array().unwrap().len(), 0);

        // Events come back in time order; approximate dates sit in the middle of their period.
        let sam = app.person(&Id::parse(&client).unwrap(), &me.id, "Sam").await.id.to_string();
        for body in [
            json!({"date": "2025-06", "category": "move", "title": "Moved flat", "mood": 3}),
            json!({"date": "2024", "approximate": true, "category": "conflict", "title": "Dispute with sister", "people": ["Ana"]}),
            json!({"date": "2025-03-14", "category": "work", "title": "Lost job", "episode": "onset", "mood": 2, "impact": 9,
                   "person_ids": [sam], "people": ["Sam"], "description": "Made redundant"}),
        ] {
            let (s, r) = api.post(&path, body.clone()).await;
            assert_eq!(s, 201, "{body} -> {r}");
            assert_eq!(r["version"], 1);
        }
        let (s, list) = api.get(&path).await;
        assert_eq!(s, 200);
        assert_eq!(titles(&list), ["Dispute with sister", "Lost job", "Moved flat"]);
        let lost = list[1].clone();
        assert_eq!(lost["episode"], "onset");
        assert_eq!(lost["person_ids"][0], sam.as_str());
        assert_eq!(list[0]["approximate"], true);
        assert_eq!(list[0]["episode"], "none", "episode defaults to none");

        // Change: the version is required and checked.
        let one = format!("/api/v1/timeline/{}", lost["id"].as_str().unwrap());
        let mut change = json!({"date": "2025-03-14", "category": "work", "title": "Lost job at the depot", "episode": "onset", "mood": 2});
        let (s, r) = api.put(&one, change.clone()).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("version")), "{r}");
        change["version"] = json!(1);
        let (s, r) = api.put(&one, change.clone()).await;
        assert_eq!(s, 200, "{r}");
        assert_eq!((r["version"].as_i64(), r["title"].as_str()), (Some(2), Some("Lost job at the depot")));
        let (s, r) = api.put(&one, change.clone()).await;
        assert_eq!(s, 409, "a stale version is refused: {r}");
        change["version"] = json!(2);
        change["category"] = json!("war");
        let (s, r) = api.put(&one, change.clone()).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("category")));

        // History: every version, newest first.
        let (s, r) = api.get(&one).await;
        assert_eq!(s, 200);
        let h = r["history"].as_array().unwrap();
        assert_eq!(h.len(), 2);
        assert_eq!((h[0]["change"].as_str(), h[0]["title"].as_str()), (Some("updated"), Some("Lost job at the depot")));
        assert_eq!((h[1]["change"].as_str(), h[1]["title"].as_str()), (Some("created"), Some("Lost job")));

        // Another clinician sees nothing and changes nothing; the denials are audited.
        let other = app.user("other-tl@clinic.example", Role::Clinician).await;
        let other = Api::new(&app, &other).await;
        let denials = app.count("access.denied").await;
        assert_eq!(other.get(&path).await.0, 404);
        assert_eq!(other.get(&one).await.0, 404);
        assert_eq!(other.put(&one, json!({"version": 2, "date": "2025", "category": "work", "title": "x"})).await.0, 404);
        assert_eq!(other.delete(&one).await.0, 404);
        assert_eq!(other.post(&path, json!({"date": "2025", "category": "work", "title": "x"})).await.0, 404);
        assert_eq!(app.count("access.denied").await, denials + 5);

        // Remove: a stale version is refused; then the event leaves the list, its history stays.
        assert_eq!(api.delete(&format!("{one}?version=1")).await.0, 409);
        assert_eq!(api.delete(&format!("{one}?version=2")).await.0, 204);
        assert_eq!(api.get(&one).await.0, 404);
        assert_eq!(titles(&api.get(&path).await.1), ["Dispute with sister", "Moved flat"]);
        let id = Id::parse(lost["id"].as_str().unwrap()).unwrap();
        let history = app.store.record_history::<TimelineEvent>(&id).await.unwrap();
        assert_eq!(history.iter().map(|v| v.change.as_str()).collect::<Vec<_>>(), ["removed", "updated", "created"]);

        // Every change and read is in the audit log, without clinical text in the detail.
        for a in ["record.create", "record.update", "record.remove", "record.read"] {
            assert!(app.count(a).await > 0, "{a}");
        }
        let entries = app
            .store
            .audit_entries(&rapport_store::AuditFilter { limit: 10_000, ..Default::default() })
            .await
            .unwrap();
        assert!(entries.iter().all(|e| !e.event.detail.as_deref().unwrap_or("").contains("Lost job")));
        let created = entries.iter().find(|e| e.event.action == "record.create" && e.event.resource_type == "timeline_event").unwrap();
        assert_eq!(created.event.client_id.as_deref(), Some(client.as_str()));
        assert!(app.store.audit_verify().await.is_ok());
    })
    .await;
}

#[tokio::test]
async fn the_timeline_page_draws_the_chart_and_keeps_history() {
    on_each_backend(|app| async move {
        let (b, course, _client) = course_in_browser(&app, "tlpage@clinic.example").await;
        let page = format!("{course}/timeline");
        let (s, html) = b.text(&page).await;
        assert_eq!(s, 200);
        assert!(html.contains("No events on the timeline yet."), "{html}");
        assert!(html.contains("aria-current=\"page\">Timeline</a>"));

        // A bad event is named; nothing is stored.
        let r = b
            .submit(
                &page,
                &page,
                &[("date", "last spring"), ("category", "work"), ("title", "Lost job"), ("episode", "onset")],
            )
            .await;
        assert_eq!(r.status().as_u16(), 422);
        let html = r.text().await.unwrap();
        assert!(html.contains("There is a problem"));
        assert!(html.contains("Date must be a year (2025), a month (2025-03) or a day (2025-03-14)"));
        assert!(html.contains("value=\"last spring\""), "the typed text is kept");

        for fields in [
            vec![
                ("date", "2025-03-14"),
                ("category", "work"),
                ("title", "Lost job <at> the depot"),
                ("episode", "onset"),
                ("mood", "2"),
                ("people", "Sam, Boss"),
            ],
            vec![
                ("date", "2024"),
                ("approximate", "true"),
                ("category", "conflict"),
                ("title", "Dispute with sister"),
                ("episode", "none"),
                ("mood", "6"),
            ],
            vec![
                ("date", "2025-06"),
                ("category", "move"),
                ("title", "Moved flat"),
                ("episode", "worsening"),
                ("impact", "7"),
            ],
        ] {
            let r = b.submit(&page, &page, &fields).await;
            assert_eq!(r.status().as_u16(), 303, "{fields:?}");
        }
        let (_, html) = b.text(&page).await;
        // The chart: an image with a title and description, the onset line, escaped labels.
        assert!(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline-chart\""));
        assert!(html.contains("role=\"img\""));
        assert!(html.contains("<g class=\"onset\">"));
        assert!(html.contains("Lost job &lt;at&gt; the depot"));
        assert!(!html.contains("<at>"));
        // The table lists the same events in time order with the same numbers.
        let i1 = html.find("Dispute with sister</strong>").unwrap();
        let i2 = html.find("Lost job &#60;at&#62; the depot</strong>").unwrap();
        let i3 = html.find("Moved flat</strong>").unwrap();
        assert!(i1 < i2 && i2 < i3);
        assert!(html.contains("around 2024"));
        assert!(html.contains("With Sam, Boss"));

        // Change an event; a stale form shows both versions instead of losing either.
        let id = html[..i3].rsplit("id=\"event-").next().unwrap()[..36].to_string();
        let edit = format!("{page}/{id}");
        let (s, form) = b.text(&edit).await;
        assert_eq!(s, 200);
        assert!(form.contains("value=\"Moved flat\""));
        let fields = [
            ("date", "2025-06"),
            ("category", "move"),
            ("title", "Moved to a smaller flat"),
            ("episode", "worsening"),
            ("version", "1"),
        ];
        assert_eq!(b.submit(&edit, &edit, &fields).await.status().as_u16(), 303);
        let stale = [
            ("date", "2025-06"),
            ("category", "move"),
            ("title", "Moved in with Mum"),
            ("episode", "worsening"),
            ("version", "1"),
        ];
        let r = b.submit(&edit, &edit, &stale).await;
        assert_eq!(r.status().as_u16(), 409);
        let html = r.text().await.unwrap();
        assert!(html.contains("while you were editing"), "{html}");
        assert!(html.contains("value=\"Moved in with Mum\""), "their own text stays in the form");
        assert!(html.contains("Saved meanwhile (version 2)"));
        assert!(html.contains("Moved to a smaller flat"));
        assert!(html.contains("name=\"version\" value=\"2\""), "saving again starts from version 2");
        assert_eq!(
            b.submit(
                &edit,
                &edit,
                &[
                    ("date", "2025-06"),
                    ("category", "move"),
                    ("title", "Moved in with Mum"),
                    ("episode", "worsening"),
                    ("version", "2")
                ]
            )
            .await
            .status()
            .as_u16(),
            303
        );
        let (_, html) = b.text(&edit).await;
        assert!(html.contains("version 3"));
        assert!(html.contains("Moved to a smaller flat"), "history shows the earlier version");

        // Remove: gone from the page, history kept.
        let r = b.submit(&edit, &format!("{edit}/remove"), &[("version", "3")]).await;
        assert_eq!(r.status().as_u16(), 303);
        let (_, html) = b.text(&page).await;
        assert!(!html.contains("Moved in with Mum"));
        let rid = Id::parse(&id).unwrap();
        assert_eq!(app.store.record_history::<TimelineEvent>(&rid).await.unwrap().len(), 4);
        assert_eq!(b.get(&edit).await.status().as_u16(), 404);
    })
    .await;
}
