//! Issue 10: the one response pipeline through every face: partial forms keep
//! their risk answers, late measure-link answers are kept, and a response
//! without a course belongs to the course open on its day.

use crate::support::*;
use rapport_core::audit::action;
use rapport_core::{Id, Timestamp};
use serde_json::json;

/// The Done-when journey, over HTTP: a portal client leaves item 3 blank,
/// answers item 9 = 2, confirms, sees the crisis lines; the clinician's open
/// flags rise by exactly one; the response is incomplete, in the course.
#[tokio::test]
async fn a_partial_portal_form_keeps_its_risk_answer() {
    on_each_backend(|app| async move {
        let (clin, api, client, course) = client_with_course(&app, "partial@clinic.example").await;
        let cid = Id::parse(&client).unwrap();
        let staff = app.browser_as(&clin.email).await;
        let code = printed_invite(&staff, &client).await;
        let (me, r) = join(&app, &code, "partial.client@example.org").await;
        assert_eq!(r.status(), 303);
        let before = app.open_flags(&client).await.len();
        let form =
            answers([Some("1"), Some("1"), None, Some("1"), Some("1"), Some("1"), Some("1"), Some("1"), Some("2")]);
        let phq9 = "/portal/measures/phq9";
        let r = me.answer(phq9, phq9, &form, &[]).await;
        assert_eq!(r.status(), 200);
        let page = r.text().await.unwrap();
        assert!(page.contains("You left question 3 blank. Send anyway?"), "{page}");
        assert!(
            page.contains("You do not have to cope alone"),
            "a positive risk answer shows the crisis lines at once"
        );
        assert!(page.contains("value=\"2\" checked"), "the answers are kept");
        assert!(app.store.responses(&cid).await.unwrap().is_empty(), "not stored before the client confirms");
        // The client confirms.
        let r = me.answer(phq9, phq9, &form, &[("send_anyway", "1")]).await;
        assert_eq!(r.status(), 200);
        let done = r.text().await.unwrap();
        assert!(done.contains("You do not have to cope alone") && !done.contains("Total"));
        assert_eq!(app.open_flags(&client).await.len(), before + 1, "exactly one new open flag");
        let stored = app.store.responses(&cid).await.unwrap();
        assert_eq!(stored.len(), 1);
        let s = &stored[0];
        assert_eq!((s.total, s.complete, s.mode.as_str()), (None, false, "portal"));
        assert_eq!(s.course_id.as_deref(), Some(course.as_str()));
        assert!(s.flags.contains(&"risk_item_9".to_string()));
        // A PHQ-9 with the risk question blank (through the API) shows on
        // today's session page: ask at this session.
        api.respond(&client, json!({"instrument": "phq9", "answers": [1, 1, 1, 1, 1, 1, 1, 1, null]})).await;
        let session = api.new_session(&course, json!({"date": today(), "attendance": "attended"})).await;
        let (s, page) = staff.text(&format!("/courses/{course}/sessions/{session}")).await;
        assert_eq!(s, 200);
        assert!(page.contains("data-testid=\"risk-unanswered\"") && page.contains("PHQ-9 of "), "{page}");
        let read = app.audit_entries(rapport_core::audit::action::MEASURE_LIST).await;
        assert!(
            read.iter().any(|e| e.event.detail.as_deref()
                == Some("1 responses with the risk question unanswered, on the session page")
                && e.event.client_id.as_deref() == Some(client.as_str())),
            "the page's read of the blank risk answers is audited"
        );
        // A form with nothing answered is refused by name; nothing stored.
        let r = me.submit("/portal/measures/gad7", "/portal/measures/gad7", &[]).await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("href=\"#item_1\""));
        assert_eq!(app.store.responses(&cid).await.unwrap().len(), 2);
    })
    .await;
}

/// A blank risk question on the clinician's form: stored, flagged "not
/// answered", and shown as such to the care team.
#[tokio::test]
async fn a_blank_risk_question_is_flagged_for_the_clinician() {
    on_each_backend(|app| async move {
        let (clin, _, client) = client_of(&app, "blankrisk@clinic.example").await;
        let b = app.browser_as(&clin.email).await;
        let page = format!("/clients/{client}/measures/new?instrument=phq9");
        let new = format!("/clients/{client}/measures/new");
        let form =
            answers([Some("2"), Some("2"), Some("2"), Some("2"), Some("2"), Some("2"), Some("2"), Some("2"), None]);
        let r = b.answer(&page, &new, &form, &[("instrument", "phq9")]).await;
        assert_eq!(r.status(), 303, "{:?}", r.text().await);
        let stored = app.store.responses(&Id::parse(&client).unwrap()).await.unwrap();
        assert_eq!(stored.len(), 1);
        assert!(stored[0].flags.contains(&"risk_item_unanswered".to_string()));
        let (_, measures) = b.text(&format!("/clients/{client}/measures")).await;
        assert!(measures.contains("Risk question not answered: ask at next contact"), "{measures}");
        let entries = app
            .store
            .audit_entries(&rapport_store::AuditFilter {
                action: Some(action::MEASURE_RECORD.into()),
                limit: 5,
                ..Default::default()
            })
            .await
            .unwrap();
        assert!(entries[0].event.detail.as_deref().unwrap().contains("risk question not answered"));
        // The caseload says so until a later PHQ-9 answers it.
        let marker = "Risk question not answered: ask at next contact";
        assert!(b.text("/clients").await.1.contains(marker));
        let r = b.answer(&page, &new, &answers(["1"; 9]), &[("instrument", "phq9")]).await;
        assert_eq!(r.status(), 303);
        assert!(!b.text("/clients").await.1.contains(marker), "answered since");
    })
    .await;
}

/// A measure-link form opened before the link expired and sent after it is
/// stored, marked late, with its risk answers evaluated; every link page shows
/// the crisis lines.
#[tokio::test]
async fn a_late_link_answer_is_kept_and_every_link_page_shows_crisis_lines() {
    on_each_backend(|app| async move {
        let (clin, _, client) = client_of(&app, "late@clinic.example").await;
        let cid = Id::parse(&client).unwrap();
        let b = app.browser_as(&clin.email).await;
        let opened = create_link(&b, &client, "phq9").await;
        let never_opened = create_link(&b, &client, "gad7").await;
        let anon = Browser::new(&app);
        let (s, page) = anon.text(&opened).await;
        assert_eq!(s, 200);
        assert!(page.contains("data-testid=\"link-crisis\""));
        let csrf = extract_csrf(&page).unwrap();
        // Both links expire while the form is open.
        let past = Timestamp::now().minus(time::Duration::minutes(1)).to_db();
        let client_id = cid.to_string();
        assert_eq!(
            app.sql("UPDATE measure_links SET expires_at = $1 WHERE client_id = $2", &[&past, &client_id]).await,
            2
        );
        // The form was opened ten minutes ago, before the expiry.
        let earlier = Timestamp::now().minus(time::Duration::minutes(10)).to_db();
        let n = app
            .sql(
                "UPDATE measure_links SET opened_at = $1 WHERE client_id = $2 AND opened_at IS NOT NULL",
                &[&earlier, &client_id],
            )
            .await;
        assert_eq!(n, 1, "only the opened link remembers being opened");
        let (s, page) = anon.text(&never_opened).await;
        assert_eq!(s, 410);
        assert!(page.contains("This link has expired") && page.contains("data-testid=\"link-crisis\""));
        let mut form = answers(["0", "0", "0", "0", "0", "0", "0", "0", "3"]);
        form.push(("csrf".into(), csrf.clone()));
        let r = anon.post_form(&opened, &form).await;
        assert_eq!(r.status(), 200);
        assert!(r.text().await.unwrap().contains("You do not have to cope alone"));
        let stored = app.store.responses(&cid).await.unwrap();
        assert_eq!(stored.len(), 1);
        assert!(stored[0].flags.contains(&"late_submission".to_string()), "{:?}", stored[0].flags);
        assert_eq!(app.open_flags(&client).await.len(), 1, "the late risk answer raised its flag");
        // Used now: the page says so, with the crisis lines; a second send stores nothing.
        let (s, page) = anon.text(&opened).await;
        assert_eq!(s, 410);
        assert!(page.contains("already been sent") && page.contains("data-testid=\"link-crisis\""));
        let r = anon.post_form(&opened, &form).await;
        assert_eq!(r.status(), 410);
        // The never-opened expired link takes nothing.
        let r = anon.post_form(&never_opened, &[("item_1", "1"), ("csrf", &csrf)]).await;
        assert_eq!(r.status(), 410);
        assert_eq!(app.store.responses(&cid).await.unwrap().len(), 1);
    })
    .await;
}

/// A response without a course belongs to the course open on its day: a
/// relapse course's answers are not mixed with the first course's.
#[tokio::test]
async fn a_response_counts_towards_the_course_open_on_its_day() {
    on_each_backend(|app| async move {
        let (_, api, client) = client_of(&app, "twocourses@clinic.example").await;
        let first = api.new_course(&client, json!({"protocol": "ipt-individual", "start_date": "2026-01-05"})).await;
        let (s, _) = api.post(&format!("/api/v1/courses/{first}/status"), json!({"status": "completed", "skip_review_reason": "Test course", "confirm_no_end_measure": true, "no_end_measure_reason": "Test course"})).await;
        assert_eq!(s, 200);
        // It ended in May (a completed course accepts no changes after its ending).
        app.sql("UPDATE courses SET updated_at = $1 WHERE id = $2", &["2026-05-01T12:00:00.000000Z", &first]).await;
        // Started yesterday, so a response half an hour ago is in it even just after midnight.
        let yesterday = (time::OffsetDateTime::now_utc().date() - time::Duration::days(1)).to_string();
        let second = api.new_course(&client, json!({"protocol": "ipt-individual", "start_date": yesterday})).await;
        let now = Timestamp::now();
        let (earlier, latest) = (now.minus(time::Duration::minutes(30)).to_db(), now.to_db());
        // First course: 20 then 5 (recovered); between courses: 9; relapse course: 6 then 14.
        for (completed_at, answers, expected) in [
            ("2026-01-06T10:00:00Z", json!([3, 3, 2, 2, 2, 2, 2, 2, 2]), Some(first.as_str())),
            ("2026-04-10T10:00:00Z", json!([1, 1, 1, 1, 1, 0, 0, 0, 0]), Some(first.as_str())),
            ("2026-07-10T10:00:00Z", json!([1, 1, 1, 1, 1, 1, 1, 1, 1]), None),
            (earlier.as_str(), json!([1, 1, 1, 1, 1, 1, 0, 0, 0]), Some(second.as_str())),
            (latest.as_str(), json!([2, 2, 2, 2, 2, 2, 1, 1, 0]), Some(second.as_str())),
        ] {
            let body = json!({"instrument": "phq9", "answers": answers, "completed_at": completed_at});
            let r = api.respond(&client, body).await;
            assert_eq!(r["course_id"].as_str(), expected, "{completed_at}: {r}");
        }
        // Outcomes per course: by default the most recent course, judged on its own baseline.
        let (s, o) = api.get(&format!("/api/v1/clients/{client}/outcomes")).await;
        assert_eq!(s, 200, "{o}");
        assert_eq!(
            (o["scope"]["kind"].as_str(), o["scope"]["course_id"].as_str()),
            (Some("course"), Some(second.as_str()))
        );
        let phq = &o["phq9"];
        assert_eq!(
            (phq["baseline"].as_i64(), phq["latest"].as_i64(), phq["count"].as_i64()),
            (Some(6), Some(14), Some(2)),
            "{o}"
        );
        assert_ne!(phq["reliable_change"].as_str(), Some("reliably_improved"), "a relapse is not an improvement: {o}");
        let (_, o) = api.get(&format!("/api/v1/clients/{client}/outcomes?course_id={first}")).await;
        assert_eq!((o["phq9"]["baseline"].as_i64(), o["phq9"]["latest"].as_i64()), (Some(20), Some(5)), "{o}");
        let (_, o) = api.get(&format!("/api/v1/clients/{client}/outcomes?scope=all")).await;
        assert_eq!((o["scope"]["kind"].as_str(), o["phq9"]["count"].as_i64()), (Some("all"), Some(5)), "{o}");
        let unknown = format!("course_id={}", Id::new());
        for (q, field) in [("scope=some", "scope"), (unknown.as_str(), "course_id"), ("scope=all&course_id=x", "scope")]
        {
            let (s, e) = api.get(&format!("/api/v1/clients/{client}/outcomes?{q}")).await;
            assert_eq!((s, e["error"]["field"].as_str()), (422, Some(field)), "{q}: {e}");
        }
    })
    .await;
}
