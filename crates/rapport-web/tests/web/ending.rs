//! The termination phase over HTTP: the ending review (versioned), the
//! maintenance decision creating a linked IPT-M course, the printable summary.

use crate::matrix::{e, j, Entry};
use crate::support::*;
use rapport_core::access::Role;
use rapport_core::Id;
use reqwest::Method;
use serde_json::{json, Value};

pub fn matrix_entries() -> Vec<Entry> {
    use Method as M;
    vec![
        e(M::GET, "/courses/{id}/ending", "/courses/{course}/ending", "LNAAN"),
        e(M::POST, "/courses/{id}/ending", "/courses/{course}/ending", "LNAAN"),
        e(M::POST, "/courses/{id}/ending/maintenance", "/courses/{course}/ending/maintenance", "LNAAN"),
        e(M::GET, "/courses/{id}/summary", "/courses/{course}/summary", "LNAAN"),
        e(M::GET, "/api/v1/courses/{id}/ending", "/api/v1/courses/{course}/ending", "LNAAN"),
        j(
            M::PUT,
            "/api/v1/courses/{id}/ending",
            "/api/v1/courses/{course}/ending",
            "LNAAN",
            r#"{"warning_signs": ["matrix"]}"#,
        ),
        j(
            M::POST,
            "/api/v1/courses/{id}/maintenance",
            "/api/v1/courses/{course}/maintenance",
            "LNAAN",
            r#"{"months": 0}"#,
        ),
    ]
}

async fn course(api: &Api, client: &str) -> String {
    api.new_course(client, json!({"protocol": "ipt-individual", "planned_sessions": 12, "start_date": "2026-01-05"}))
        .await
}

#[tokio::test]
async fn ending_review_and_maintenance_through_the_api() {
    on_each_backend(|app| async move {
        let (_, api, client) = client_of(&app, "ending@clinic.example").await;
        let id = course(&api, &client).await;
        let path = format!("/api/v1/courses/{id}/ending");
        let (s, r) = api.get(&path).await;
        assert_eq!((s, r["version"].as_i64(), r["maintenance"].as_str()), (200, Some(0), Some("undecided")));
        // Bad input names the field and stores nothing.
        for (body, field) in [
            (json!({"ending_raised_on": "soon"}), "ending_raised_on"),
            (json!({"follow_up_months": [0]}), "follow_up_months"),
            (json!({"maintenance": "forever"}), "maintenance"),
            (json!({"maintenance": "ipt_m"}), "maintenance"),
            (json!({"area_progress": [{"area": "grief", "progress": "x"}]}), "area_progress[0].area"),
        ] {
            let (s, r) = api.call(Method::PUT, &path, Some(body.clone())).await;
            assert_eq!(s, 422, "{body} -> {r}");
            assert_eq!(r["error"]["field"], field);
        }
        assert_eq!(api.get(&path).await.1["version"], 0);
        let (s, r) = api
            .call(
                Method::PUT,
                &path,
                Some(json!({"warning_signs": [" Sleeping badly ", "", "Avoiding friends"], "coping_plan": "Call my sister",
                            "follow_up_months": [12, 3, 6], "maintenance": "none"})),
            )
            .await;
        assert_eq!(s, 200, "{r}");
        assert_eq!(r["warning_signs"], json!(["Sleeping badly", "Avoiding friends"]));
        assert_eq!(r["follow_up_months"], json!([3, 6, 12]));
        let v1 = r["version"].as_i64().unwrap();
        // A stale version is refused.
        let (s, _) = api.call(Method::PUT, &path, Some(json!({"coping_plan": "x", "version": v1}))).await;
        assert_eq!(s, 200);
        let (s, _) = api.call(Method::PUT, &path, Some(json!({"coping_plan": "y", "version": v1}))).await;
        assert_eq!(s, 409);
        let rid = Id::parse(api.get(&path).await.1["id"].as_str().unwrap()).unwrap();
        let history = app.store.record_history::<rapport_core::ending::EndingReview>(&rid).await.unwrap();
        assert_eq!(history.len(), 2, "both versions kept");
        // Maintenance: 13 months monthly exceeds nothing; 40 months is refused.
        let m = format!("/api/v1/courses/{id}/maintenance");
        let (s, r) = api.post(&m, json!({"months": 40})).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("months")), "{r}");
        let (s, r) = api.post(&m, json!({"months": 6, "frequency": "twice_monthly", "start_date": "2026-05-01"})).await;
        assert_eq!(s, 201, "{r}");
        assert_eq!(r["protocol"], "ipt-m");
        assert_eq!(r["planned_sessions"], 12);
        assert_eq!(r["phase"], "maintenance");
        assert_eq!(r["continues_course_id"], id.as_str());
        let (_, review) = api.get(&path).await;
        assert_eq!(review["maintenance"], "ipt_m");
        assert_eq!(review["maintenance_course_id"], r["id"]);
        let (s, _) = api.post(&m, json!({"months": 6})).await;
        assert_eq!(s, 409, "only one maintenance course");
        // Another clinician sees nothing.
        let other = app.user("other-end@clinic.example", Role::Clinician).await;
        let other = Api::new(&app, &other).await;
        assert_eq!(other.get(&path).await.0, 404);
        assert_eq!(other.post(&m, json!({"months": 6})).await.0, 404);
    })
    .await;
}

#[tokio::test]
async fn ending_page_and_printable_summary() {
    on_each_backend(|app| async move {
        let (user, api, client) = client_of(&app, "end-ui@clinic.example").await;
        let id = course(&api, &client).await;
        api.call(
            Method::PUT,
            &format!("/api/v1/courses/{id}/checklist/symptom_review"),
            Some(json!({"detail": "Major depressive disorder", "code": "F32.1"})),
        )
        .await;
        let b = app.browser_as(&user.email).await;
        let page = format!("/courses/{id}/ending");
        let (s, html) = b.text(&page).await;
        assert_eq!(s, 200);
        assert!(html.contains("Maintenance decision"));
        let r = b.submit(&page, &page, &[("follow_up_months", "three")]).await;
        let html = r.text().await.unwrap();
        assert!(html.contains("is not a number of months"), "{html}");
        let version = b.field(&page, "version").await;
        assert_eq!(version, "0", "nothing saved yet");
        let r = b
            .submit(
                &page,
                &page,
                &[
                    ("warning_signs", "Waking at 4am\nStopping calls to friends"),
                    ("coping_plan", "Ring Sam"),
                    ("maintenance", "declined"),
                    ("version", &version),
                ],
            )
            .await;
        assert_eq!(r.status().as_u16(), 303);
        let (s, html) = b.text(&format!("/courses/{id}/summary")).await;
        assert_eq!(s, 200);
        for text in [
            "End-of-treatment summary",
            "Waking at 4am",
            "Ring Sam",
            "Offered and declined",
            "Major depressive disorder (F32.1)",
        ] {
            assert!(html.contains(text), "{text} missing");
        }
        let r = b.submit(&page, &format!("{page}/maintenance"), &[("months", "12"), ("frequency", "monthly")]).await;
        assert_eq!(r.status().as_u16(), 303);
        let (_, html) = b.text(&location(&r)).await;
        assert!(html.contains("Maintenance IPT"), "lands on the new course");
        let (_, v): (u16, Value) = api.get(&format!("/api/v1/courses/{id}/ending")).await;
        assert_eq!(v["maintenance"], "ipt_m");
    })
    .await;
}
