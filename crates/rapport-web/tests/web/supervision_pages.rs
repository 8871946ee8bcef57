//! The supervisor's pages (issue 14): the dashboard with an overdue initial
//! phase first, a meeting recorded through the form and its hours on the
//! supervisee's record, a training moving the pathway's progress, who may
//! read a record, and form errors naming their fields.

use crate::matrix::{e, Entry};
use crate::supervision::{course_with_sessions, days_ago};
use crate::support::*;
use rapport_core::access::Role;
use rapport_core::Timestamp;
use reqwest::Method;
use time::Duration;

/// Callers as in `matrix.rs`: the supervisor supervises the clinician on the
/// team (`{author}`) and the client's facilitator.
pub fn matrix_entries() -> Vec<Entry> {
    use Method as M;
    vec![
        e(M::GET, "/supervision", "/supervision", "LFAFF"),
        e(M::GET, "/supervision/meetings", "/supervision/meetings", "LAAAA"),
        e(M::GET, "/supervision/meetings/new", "/supervision/meetings/new", "LFAFF"),
        // The supervisor is told to name a supervisee (422).
        e(M::POST, "/supervision/meetings/new", "/supervision/meetings/new", "LFAFF"),
        e(M::GET, "/people/{id}/record", "/people/{author}/record", "LAAANNNN"),
        // Empty forms: 422 for those who may write (the person themself may record a training).
        e(M::POST, "/people/{id}/record/trainings", "/people/{author}/record/trainings", "LAAANNNN"),
        e(M::POST, "/people/{id}/record/certifications", "/people/{author}/record/certifications", "LAAFNNNN"),
        // Only someone at the meeting may mark its action point done; a made-up one is 404 to all.
        e(M::POST, "/supervision/actions/{id}/done", "/supervision/actions/{random}/done", "LNNNN"),
    ]
}

#[tokio::test]
async fn the_dashboard_the_log_and_the_record_through_the_pages() {
    on_each_backend(|app| async move {
        let sup = app.user("pages-sup@clinic.example", Role::Supervisor).await;
        let clin = app.user("pages-clin@clinic.example", Role::Clinician).await;
        let other = app.user("pages-other@clinic.example", Role::Clinician).await;
        app.store
            .set_supervisees(&sup.id, std::slice::from_ref(&clin.id), test_event("user.update"), &[])
            .await
            .unwrap();
        let c = Api::new(&app, &clin).await;
        // "Zoe" sorts last by name, so only the attention order can put her first.
        let (_, early, _) = course_with_sessions(&c, "Adam Early", 2).await;
        let (_, overdue, _) = course_with_sessions(&c, "Zoe Overdue", 4).await;

        let s = app.browser_as(&sup.email).await;
        let (st, page) = s.text("/supervision").await;
        assert_eq!(st, 200, "{page}");
        assert!(page.contains(r#"href="/supervision""#), "the nav offers the dashboard");
        let zoe = page.find("Zoe Overdue").expect("the overdue case is listed");
        let adam = page.find("Adam Early").expect("the early case is listed");
        assert!(zoe < adam, "the overdue initial phase comes first");
        assert!(page.contains("Initial phase overdue: no agreed formulation"));
        assert!(page.contains(&format!(r#"href="/courses/{overdue}""#)));
        assert!(page.contains("4 of 16 held"));
        assert!(page.contains(&format!(r#"href="/people/{}/record""#, clin.id)), "the clinician links to their record");
        // Filtered to a supervisee; the clinician may not open it.
        let (st, page) = s.text(&format!("/supervision?supervisee={}", clin.id)).await;
        assert!(st == 200 && page.contains("Zoe Overdue"), "{page}");
        let cb = app.browser_as(&clin.email).await;
        assert_eq!(cb.text("/supervision").await.0, 403);
        assert!(!cb.text("/account").await.1.contains(r#"href="/supervision""#));

        // The form offers the supervisee and their open courses.
        let (st, form) = s.text("/supervision/meetings/new").await;
        assert_eq!(st, 200);
        assert!(form.contains(clin.id.as_str()) && form.contains(&early) && form.contains(&overdue));
        // Errors re-render naming the fields, nothing saved.
        let tomorrow = rapport_core::time::format_date(Timestamp::now().date() + Duration::days(1));
        let r = s
            .submit(
                "/supervision/meetings/new",
                "/supervision/meetings/new",
                &[
                    ("held_on", &tomorrow),
                    ("minutes", "two"),
                    ("kind", "individual"),
                    ("actions[0].text", "Bring the timeline"),
                    ("actions[0].due_on", "soon"),
                ],
            )
            .await;
        assert_eq!(r.status(), 422);
        let body = r.text().await.unwrap();
        for field in ["#held_on", "#minutes", "#supervisee_ids", "#actions[0].due_on"] {
            assert!(body.contains(&format!(r##"href="{field}""##)), "{field} named: {body}");
        }
        assert!(body.contains(r#"value="Bring the timeline""#), "typed values kept");
        assert_eq!(app.scalar("SELECT COUNT(*) AS n FROM supervision_meetings", &[]).await, 0);

        // A meeting recorded through the form: its hours reach the clinician's record.
        let clin_id = clin.id.to_string();
        let (held, due) = (days_ago(10), days_ago(3));
        let r = s
            .submit(
                "/supervision/meetings/new",
                "/supervision/meetings/new",
                &[
                    ("held_on", &held),
                    ("minutes", "90"),
                    ("kind", "individual"),
                    ("supervisee_ids", &clin_id),
                    ("course_ids", &overdue),
                    ("decisions", "Agree the formulation next session"),
                    ("actions[0].text", "Bring the timeline"),
                    ("actions[0].owner_id", &clin_id),
                    ("actions[0].due_on", &due),
                ],
            )
            .await;
        assert_eq!(r.status(), 303);
        assert_eq!(location(&r), "/supervision/meetings?done=meeting-recorded");
        let (_, log) = s.text("/supervision/meetings?done=meeting-recorded").await;
        assert!(log.contains("Supervision meeting recorded."));
        assert!(log.contains("Individual, 90 minutes") && log.contains("Zoe Overdue (with"), "{log}");
        assert!(
            log.contains("Bring the timeline") && log.contains(r#"data-testid="overdue""#),
            "the past due date is marked"
        );
        // The supervisee sees the meeting in their log.
        assert!(cb.text("/supervision/meetings").await.1.contains("Bring the timeline"));
        // The action point is marked done from the log: by someone at the meeting only.
        let meetings = app.store.supervision_meetings(&clin.id).await.unwrap();
        let action = format!("/supervision/actions/{}/done", meetings[0].actions[0].id);
        let outsider = app.browser_as(&other.email).await;
        assert_eq!(outsider.submit("/supervision/meetings", &action, &[]).await.status(), 404);
        assert!(s.text("/supervision/meetings").await.1.contains(&format!(r#"action="{action}""#)), "a button");
        let r = cb.submit("/supervision/meetings", &action, &[]).await;
        assert_eq!((r.status().as_u16(), location(&r)), (303, "/supervision/meetings?done=action-done".to_string()));
        let (_, log) = s.text("/supervision/meetings").await;
        assert!(!log.contains(r#"data-testid="overdue""#) && !log.contains(&action), "done, no longer overdue: {log}");
        assert_eq!(app.count("supervision.action_done").await, 1);

        let record = format!("/people/{clin_id}/record");
        let (st, page) = cb.text(&record).await;
        assert_eq!(st, 200, "{page}");
        assert!(page.contains("My record") && page.contains("1.5 hours"), "90 minutes of supervision: {page}");
        assert!(
            cb.text("/account").await.1.contains(&format!(r#"href="{record}""#)),
            "the account links to the record"
        );

        // A training moves the pathway's first requirement; its errors name the fields.
        let r = s
            .submit(
                &record,
                &format!("{record}/trainings"),
                &[("training-course_name", ""), ("training-hours", "0"), ("training-held_on", "x")],
            )
            .await;
        assert_eq!(r.status(), 422);
        let body = r.text().await.unwrap();
        for field in ["#training-course_name", "#training-hours", "#training-held_on"] {
            assert!(body.contains(&format!(r##"href="{field}""##)), "{field} named: {body}");
        }
        let (_, before) = s.text(&record).await;
        assert!(before.contains("0 of 16"), "no training hours yet: {before}");
        let training = days_ago(60);
        let r = s
            .submit(
                &record,
                &format!("{record}/trainings"),
                &[
                    ("training-course_name", "IPT foundation"),
                    ("training-hours", "16"),
                    ("training-trainer", "Dr Weiss"),
                    ("training-held_on", &training),
                ],
            )
            .await;
        assert_eq!((r.status().as_u16(), location(&r)), (303, format!("{record}?done=training-recorded")));
        let (_, after) = s.text(&record).await;
        assert!(after.contains("IPT foundation") && after.contains("Dr Weiss"), "{after}");
        assert!(!after.contains("0 of 16") && after.contains("Met"), "the training requirement is met: {after}");
        // Not complete yet: no certification form.
        assert!(!after.contains("/record/certifications"));

        // Another clinician: the record looks absent, and so does a write to it.
        let ob = app.browser_as(&other.email).await;
        assert_eq!(ob.text(&record).await.0, 404);
        let r = ob
            .submit(
                "/account",
                &format!("{record}/trainings"),
                &[("training-course_name", "X"), ("training-hours", "2"), ("training-held_on", &training)],
            )
            .await;
        assert_eq!(r.status(), 404);
        assert_eq!(app.scalar("SELECT COUNT(*) AS n FROM trainings", &[]).await, 1);
    })
    .await;
}

#[tokio::test]
async fn an_administrator_sets_recordings_and_self_rating_on_the_settings_page() {
    on_each_backend(|app| async move {
        app.user("settings-admin@clinic.example", Role::Admin).await;
        let a = app.browser_as("settings-admin@clinic.example").await;
        let (st, page) = a.text("/admin/settings").await;
        assert!(st == 200 && page.contains(r#"name="recording_retention_days""#), "{page}");
        let base = [
            ("name", "Supervised Clinic"),
            ("idle_timeout_minutes", "20"),
            ("absolute_lifetime_hours", "10"),
            ("break_glass_hours", "2"),
            ("supervision_fields", "1"),
        ];
        let mut bad = base.to_vec();
        bad.push(("recording_retention_days", "400"));
        let r = a.submit("/admin/settings", "/admin/settings", &bad).await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains(r##"href="#recording_retention_days""##));
        assert_eq!(app.store.organisation().await.unwrap().recording_retention_days, 0, "nothing changed");
        let mut good = base.to_vec();
        good.extend([("recording_retention_days", "90"), ("require_self_rating", "yes")]);
        assert_eq!(a.submit("/admin/settings", "/admin/settings", &good).await.status(), 303);
        let org = app.store.organisation().await.unwrap();
        assert_eq!((org.recording_retention_days, org.require_self_rating), (90, true));
        // The box left unticked turns the requirement off.
        assert_eq!(a.submit("/admin/settings", "/admin/settings", &base).await.status(), 303);
        let org = app.store.organisation().await.unwrap();
        assert_eq!((org.recording_retention_days, org.require_self_rating), (90, false));
    })
    .await;
}
