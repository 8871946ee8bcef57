//! Completing a course: the ending review (or a reason to skip it), the
//! end-of-treatment measure (or a confirmed reason), and the follow-up
//! measures that come due after the end.

use crate::support::*;
use reqwest::Method;
use serde_json::{json, Value};

const PHQ9: [i64; 9] = [1, 1, 0, 1, 0, 0, 1, 0, 0];
const GAD7: [i64; 7] = [1, 0, 1, 0, 1, 0, 0];

/// A 12-session course from 2026-01-05 with three attended sessions
/// (01-05, 01-12, 01-19); returns its id.
async fn course_with_sessions(api: &Api, client: &str) -> String {
    let body = json!({"protocol": "ipt-individual", "planned_sessions": 12, "start_date": "2026-01-05"});
    let id = api.new_course(client, body).await;
    api.attended_sessions(&id, &["2026-01-05", "2026-01-12", "2026-01-19"]).await;
    id
}

async fn respond(api: &Api, client: &str, course: &str, instrument: &str, answers: &[i64], at: &str) {
    let mut body = json!({"instrument": instrument, "answers": answers, "completed_at": at});
    if !course.is_empty() {
        body["course_id"] = json!(course);
    }
    api.respond(client, body).await;
}

async fn status(api: &Api, course: &str) -> Value {
    api.get(&format!("/api/v1/courses/{course}")).await.1
}

#[tokio::test]
async fn completing_through_the_api_needs_the_review_and_an_end_measure() {
    on_each_backend(|app| async move {
        let (_, api, client) = client_of(&app, "complete-api@clinic.example").await;
        let id = course_with_sessions(&api, &client).await;
        // Taken at the first session only: outside the last two sessions' windows.
        respond(&api, &client, &id, "phq9", &PHQ9, "2026-01-05T10:00:00Z").await;
        let path = format!("/api/v1/courses/{id}/status");
        let events_before = app.scalar("SELECT COUNT(*) AS n FROM course_events WHERE course_id = $1", &[&id]).await;
        for (body, field) in [
            (json!({"status": "completed"}), "skip_review_reason"),
            (json!({"status": "completed", "skip_review_reason": " \u{200B}\u{FEFF} "}), "skip_review_reason"),
            (json!({"status": "completed", "skip_review_reason": "Client moved away"}), "end_measure"),
            (
                json!({"status": "completed", "skip_review_reason": "Client moved away", "no_end_measure_reason": "x"}),
                "end_measure",
            ),
            (
                json!({"status": "completed", "skip_review_reason": "Client moved away", "confirm_no_end_measure": true,
                       "no_end_measure_reason": "\u{200B}"}),
                "no_end_measure_reason",
            ),
        ] {
            let (s, r) = api.post(&path, body.clone()).await;
            assert_eq!((s, r["error"]["field"].as_str()), (422, Some(field)), "{body} -> {r}");
            if field == "end_measure" {
                let m = r["error"]["message"].as_str().unwrap();
                assert!(m.contains(&format!("/clients/{client}/measures?course={id}")), "{m}");
            }
        }
        assert_eq!(status(&api, &id).await["status"], "active", "nothing changed");
        let events_after = app.scalar("SELECT COUNT(*) AS n FROM course_events WHERE course_id = $1", &[&id]).await;
        assert_eq!(events_before, events_after);

        // Confirmed without an end measure: both reasons are recorded.
        let (s, c) = api
            .post(
                &path,
                json!({"status": "completed", "skip_review_reason": "Client moved away", "confirm_no_end_measure": true,
                       "no_end_measure_reason": "Declined the last questionnaire"}),
            )
            .await;
        assert_eq!(s, 200, "{c}");
        assert_eq!(
            c["status_reason"],
            "Ending review skipped: Client moved away; No end-of-treatment measure: Declined the last questionnaire"
        );
        let reason = app
            .scalar(
                "SELECT COUNT(*) AS n FROM course_events WHERE course_id = $1 AND new_value = 'completed' \
                 AND reason LIKE 'Ending review skipped: Client moved away%'",
                &[&id],
            )
            .await;
        assert_eq!(reason, 1, "the course event keeps the reason");

        // Reopened, with a saved review and a GAD-7 at the last session: completing needs nothing more.
        assert_eq!(api.post(&path, json!({"status": "active"})).await.0, 200);
        respond(&api, &client, &id, "gad7", &GAD7, "2026-01-19T10:00:00Z").await;
        let (s, r) = api
            .call(Method::PUT, &format!("/api/v1/courses/{id}/ending"), Some(json!({"follow_up_months": [3]})))
            .await;
        assert_eq!(s, 200, "{r}");
        let (s, c) = api.post(&path, json!({"status": "completed"})).await;
        assert_eq!((s, c["status"].as_str()), (200, Some("completed")), "{c}");
        assert!(c["status_reason"].is_null(), "{c}");
    })
    .await;
}

#[tokio::test]
async fn the_course_page_asks_for_the_review_and_the_end_measure() {
    on_each_backend(|app| async move {
        let (user, api, client) = client_of(&app, "complete-page@clinic.example").await;
        let id = course_with_sessions(&api, &client).await;
        let b = app.browser_as(&user.email).await;
        let page = format!("/courses/{id}");
        let (_, html) = b.text(&page).await;
        assert!(html.contains(&format!("href=\"/courses/{id}/ending\">write the ending review")), "{html}");
        assert!(html.contains("name=\"skip_review_reason\""), "{html}");
        assert!(html.contains(&format!("href=\"/clients/{client}/measures?course={id}\">record the end-of-treatment")));
        assert!(html.contains("name=\"confirm_no_end_measure\""));
        let r = b.submit(&page, &format!("{page}/status"), &[("status", "completed")]).await;
        assert_eq!(r.status(), 422);
        let html = r.text().await.unwrap();
        assert!(html.contains("id=\"skip_review_reason-error\""), "{html}");
        assert_eq!(status(&api, &id).await["status"], "active");
        let r = b
            .submit(
                &page,
                &format!("{page}/status"),
                &[("status", "completed"), ("skip_review_reason", "Moved abroad")],
            )
            .await;
        let html = r.text().await.unwrap();
        assert!(html.contains("id=\"end_measure-error\""), "{html}");
        assert_eq!(status(&api, &id).await["status"], "active");
        let r = b
            .submit(
                &page,
                &format!("{page}/status"),
                &[
                    ("status", "completed"),
                    ("skip_review_reason", "Moved abroad"),
                    ("confirm_no_end_measure", "yes"),
                    ("no_end_measure_reason", "No time at the last session"),
                ],
            )
            .await;
        assert_eq!(r.status(), 303);
        let c = status(&api, &id).await;
        assert_eq!(c["status"], "completed");
        assert_eq!(
            c["status_reason"],
            "Ending review skipped: Moved abroad; No end-of-treatment measure: No time at the last session"
        );
        let (_, html) = b.text(&page).await;
        assert!(html.contains("No end-of-treatment measure: No time at the last session"), "{html}");
    })
    .await;
}

#[tokio::test]
async fn follow_ups_come_due_after_the_end_until_answered() {
    on_each_backend(|app| async move {
        let (user, api, client) = client_of(&app, "follow-up@clinic.example").await;
        let id = course_with_sessions(&api, &client).await;
        respond(&api, &client, &id, "phq9", &PHQ9, "2026-01-19T10:00:00Z").await;
        respond(&api, &client, &id, "gad7", &GAD7, "2026-01-19T10:05:00Z").await;
        let (s, r) = api
            .call(Method::PUT, &format!("/api/v1/courses/{id}/ending"), Some(json!({"follow_up_months": [1, 3, 60]})))
            .await;
        assert_eq!(s, 200, "{r}");
        let measures = format!("/clients/{client}/measures");
        let b = app.browser_as(&user.email).await;
        let email = app.portal_account(&rapport_core::Id::parse(&client).unwrap(), &user.id, "fu@example.org").await;
        let me = app.browser_as(&email).await;
        // Today's follow-up tasks (past their date) for this client.
        let follow_up_tasks = || async {
            let (s, t) = api.get("/api/v1/today").await;
            assert_eq!(s, 200, "{t}");
            t["overdue_tasks"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|x| x["client_id"] == client.as_str())
                .map(|x| x["what"].as_str().unwrap().to_string())
                .filter(|w| w.starts_with("Follow-up measures"))
                .collect::<Vec<_>>()
        };
        // Not while the course is open: the end has not come.
        let (_, html) = b.text(&measures).await;
        assert!(!html.contains("Follow-up at"), "{html}");
        assert_eq!(follow_up_tasks().await, Vec::<String>::new());
        let (s, c) = api.post(&format!("/api/v1/courses/{id}/status"), json!({"status": "completed"})).await;
        assert_eq!(s, 200, "{c}");
        assert_eq!(
            follow_up_tasks().await,
            ["Follow-up measures at 1 month (PHQ-9, GAD-7)", "Follow-up measures at 3 months (PHQ-9, GAD-7)"],
            "both past their date, on Today"
        );
        // Ended at the last session (2026-01-19): 1 and 3 months are due, 60 months are not.
        let (_, html) = b.text(&measures).await;
        assert!(html.contains("Follow-up at 1 month: due from 2026-02-19"), "{html}");
        assert!(html.contains("Follow-up at 3 months: due from 2026-04-19"), "{html}");
        assert!(!html.contains("Follow-up at 60 months"), "{html}");
        let (_, portal) = me.text("/portal").await;
        assert!(portal.contains("href=\"/portal/measures/phq9\""), "{portal}");
        assert!(portal.contains("href=\"/portal/measures/gad7\""), "{portal}");
        assert!(portal.contains("Follow-up at 1 month"), "{portal}");
        // Answered (the GAD-7 by the client in the portal, the PHQ-9 by the clinician): no longer due.
        let (s, _) = me.text("/portal/measures/gad7").await;
        assert_eq!(s, 200);
        let r = me.answer("/portal/measures/gad7", "/portal/measures/gad7", &answers(["1"; 7]), &[]).await;
        assert_eq!(r.status(), 200);
        let (_, html) = b.text(&measures).await;
        assert!(html.contains("Follow-up at 3 months: due from 2026-04-19 (PHQ-9)"), "{html}");
        let (_, portal) = me.text("/portal").await;
        assert!(!portal.contains("href=\"/portal/measures/gad7\""), "{portal}");
        let now = rapport_core::Timestamp::now().to_db();
        respond(&api, &client, "", "phq9", &PHQ9, &now).await;
        let (_, html) = b.text(&measures).await;
        assert!(!html.contains("Follow-up at"), "{html}");
        assert_eq!(follow_up_tasks().await, Vec::<String>::new(), "answered: off Today");
        let (_, portal) = me.text("/portal").await;
        assert!(!portal.contains("Follow-up at"), "{portal}");
        assert_eq!(me.get("/portal/measures/phq9").await.status(), 404, "no longer due");
    })
    .await;
}

#[tokio::test]
async fn the_stuart_protocol_asks_for_the_maintenance_discussion_before_completion() {
    on_each_backend(|app| async move {
        let (user, api, client) = client_of(&app, "complete-stuart@clinic.example").await;
        let body = json!({"protocol": "ipt-stuart", "planned_sessions": 8, "start_date": "2026-01-05"});
        let id = api.new_course(&client, body).await;
        api.attended_sessions(&id, &["2026-01-05", "2026-01-12", "2026-01-19"]).await;
        respond(&api, &client, &id, "phq9", &PHQ9, "2026-01-19T10:00:00Z").await;
        let path = format!("/api/v1/courses/{id}/status");
        // Without a review, even with a reason to skip it: the maintenance discussion is asked for.
        let (s, r) = api.post(&path, json!({"status": "completed", "skip_review_reason": "Moved away"})).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("maintenance")), "{r}");
        // A review saved with the decision still "not decided": refused too, and nothing changes.
        let ending = format!("/api/v1/courses/{id}/ending");
        let (s, saved) = api.call(Method::PUT, &ending, Some(json!({"follow_up_months": [3]}))).await;
        assert_eq!(s, 200, "{saved}");
        let (s, r) = api.post(&path, json!({"status": "completed"})).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("maintenance")), "{r}");
        assert!(r["error"]["message"].as_str().unwrap().contains("maintenance decision"), "{r}");
        assert_eq!(status(&api, &id).await["status"], "active");
        // The course page says so, and shows the refusal on the form.
        let b = app.browser_as(&user.email).await;
        let page = format!("/courses/{id}");
        let (_, html) = b.text(&page).await;
        assert!(html.contains("data-testid=\"maintenance-discussion\""));
        // (The page answers the form again with its errors, as for the other completion fields.)
        let r = b.submit(&page, &format!("/courses/{id}/status"), &[("status", "completed")]).await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("href=\"#maintenance\""));
        // The decision recorded (no maintenance): completing goes through.
        let version = saved["version"].as_i64().unwrap();
        let (s, r) = api
            .call(
                Method::PUT,
                &ending,
                Some(json!({"follow_up_months": [3], "maintenance": "none", "version": version})),
            )
            .await;
        assert_eq!(s, 200, "{r}");
        let (s, c) = api.post(&path, json!({"status": "completed"})).await;
        assert_eq!((s, c["status"].as_str()), (200, Some("completed")), "{c}");

        // Other protocols do not ask: the page has no such line.
        let other = api
            .new_course(
                &client,
                json!({"protocol": "ipt-individual", "planned_sessions": 12, "start_date": "2026-02-02"}),
            )
            .await;
        assert!(!b.text(&format!("/courses/{other}")).await.1.contains("maintenance-discussion"));
    })
    .await;
}
