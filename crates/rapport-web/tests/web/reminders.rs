//! Session reminders (issue 12): which sessions get one (the job called with a
//! controlled local time), once only, through the outbox with links to the
//! questionnaires due; the organisation default and the client's choice; and
//! what the clinician sees on the client page.

use crate::support::*;
use rapport_app::reminders::{send_due_at, KIND};
use rapport_app::{AppState, Config};
use rapport_core::access::Role;
use rapport_core::audit::action;
use rapport_core::reminders::session_start;
use rapport_core::time::format_date;
use rapport_core::Timestamp;
use serde_json::json;
use time::{Duration, PrimitiveDateTime};

fn state(app: &TestApp) -> AppState {
    AppState::new(
        app.store.clone(),
        Config { public_url: Some("https://rapport.clinic.example".into()), ..Default::default() },
    )
}

fn in_days(n: i64) -> time::Date {
    Timestamp::now().date() + Duration::days(n)
}

/// A client (with `email`, if any) of a fresh clinician, with an open course; (clinician, api, client, course).
async fn setup(app: &TestApp, who: &str, email: Option<&str>) -> (rapport_store::users::User, Api, String, String) {
    let user = app.user(&format!("{who}@clinic.example"), Role::Clinician).await;
    let api = Api::new(app, &user).await;
    let mut body = json!({"display_name": format!("{who} client")});
    if let Some(e) = email {
        body["email"] = json!(e);
    }
    let client = api.create("/api/v1/clients", body).await["id"].as_str().unwrap().to_string();
    let course = api
        .new_course(&client, json!({"protocol": "ipt-individual", "planned_sessions": 12, "start_date": today()}))
        .await;
    (user, api, client, course)
}

async fn book(api: &Api, course: &str, date: time::Date, time: &str, attendance: &str) -> String {
    api.new_session(course, json!({"date": format_date(date), "time": time, "attendance": attendance})).await
}

/// Reminder messages in the outbox for `email`.
async fn reminders_to(app: &TestApp, email: &str) -> Vec<rapport_store::measures::OutboxRow> {
    app.store
        .outbox(500)
        .await
        .unwrap()
        .into_iter()
        .filter(|o| o.kind == KIND && o.recipient_email.as_deref() == Some(email))
        .collect()
}

fn before(date: time::Date, time: &str, hours: i64) -> PrimitiveDateTime {
    session_start(date, time) - Duration::hours(hours)
}

#[tokio::test]
async fn a_session_23_hours_away_gets_one_reminder_with_its_questionnaire_links() {
    on_each_backend(|app| async move {
        let st = state(&app);
        let (_, api, client, course) = setup(&app, "rem-due", Some("due@example.org")).await;
        let day = in_days(3);
        let session = book(&api, &course, day, "10:00", "scheduled").await;
        // 25 hours before: not yet (default 24 h).
        assert_eq!(send_due_at(&st, before(day, "10:00", 25)).await.unwrap(), 0);
        assert!(reminders_to(&app, "due@example.org").await.is_empty());
        // 23 hours before: due.
        let links_before = app.scalar("SELECT COUNT(*) AS n FROM measure_links", &[]).await;
        assert_eq!(send_due_at(&st, before(day, "10:00", 23)).await.unwrap(), 1);
        let sent = reminders_to(&app, "due@example.org").await;
        assert_eq!(sent.len(), 1);
        let m = &sent[0];
        assert_eq!(m.client_id.as_deref(), Some(client.as_str()));
        assert!(m.subject.contains(&day.year().to_string()) && m.subject.contains("at 10:00"), "{}", m.subject);
        assert!(m.body.contains("https://rapport.clinic.example/m/"), "links to the questionnaires due: {}", m.body);
        assert!(m.body.contains("PHQ-9") || m.body.contains("Patient Health Questionnaire"), "{}", m.body);
        let links_after = app.scalar("SELECT COUNT(*) AS n FROM measure_links", &[]).await;
        assert!(links_after > links_before, "the reminder's links are real measure links");
        // Again, and again later: once per session.
        assert_eq!(send_due_at(&st, before(day, "10:00", 22)).await.unwrap(), 0);
        assert_eq!(send_due_at(&st, before(day, "10:00", 1)).await.unwrap(), 0);
        assert_eq!(reminders_to(&app, "due@example.org").await.len(), 1);
        assert_eq!(
            app.scalar("SELECT COUNT(*) AS n FROM session_reminders WHERE session_id = $1", &[&session]).await,
            1
        );
        let audited = app.audit_entries(action::REMINDER_SEND).await;
        assert_eq!(audited.len(), 1);
        assert_eq!(audited[0].event.client_id.as_deref(), Some(client.as_str()));
        assert_eq!(audited[0].event.actor_label, "system");
        // The database itself refuses a second reminder row for the session.
        let outbox = m.id.to_string();
        let dup = sqlx_insert_duplicate(&app, &session, &client, &outbox).await;
        assert!(dup, "a second reminder row for one session must be refused");
    })
    .await;
}

/// Tries to insert a second reminder row directly; true when the database refuses it.
async fn sqlx_insert_duplicate(app: &TestApp, session: &str, client: &str, outbox: &str) -> bool {
    use sqlx::Connection;
    let mut conn = sqlx::AnyConnection::connect(&app.db_url).await.unwrap();
    let r = sqlx::query(
        "INSERT INTO session_reminders (id, session_id, client_id, outbox_id, lead_hours, session_date, \
         session_time, created_at) VALUES ($1, $2, $3, $4, 24, '2030-01-01', '10:00', '2030-01-01T00:00:00.000000Z')",
    )
    .bind(rapport_core::Id::new().to_string())
    .bind(session.to_string())
    .bind(client.to_string())
    .bind(outbox.to_string())
    .execute(&mut conn)
    .await;
    conn.close().await.unwrap();
    r.is_err()
}

#[tokio::test]
async fn no_reminder_for_cancelled_past_or_unreachable_sessions_and_the_clients_choice_wins() {
    on_each_backend(|app| async move {
        let st = state(&app);
        let day = in_days(2);
        // Cancelled.
        let (_, api, _, course) = setup(&app, "rem-cancel", Some("cancel@example.org")).await;
        book(&api, &course, day, "10:00", "cancelled").await;
        // Past: the job runs after the session started.
        let (_, api2, _, course2) = setup(&app, "rem-past", Some("past@example.org")).await;
        book(&api2, &course2, day, "08:00", "scheduled").await;
        // No e-mail address.
        let (_, api3, _, course3) = setup(&app, "rem-noemail", None).await;
        book(&api3, &course3, day, "10:00", "scheduled").await;
        // Archived (not active) client.
        let (_, api4, client4, course4) = setup(&app, "rem-archived", Some("archived@example.org")).await;
        book(&api4, &course4, day, "10:00", "scheduled").await;
        let (s, r) = api4
            .call(reqwest::Method::PATCH, &format!("/api/v1/clients/{client4}"), Some(json!({"status": "archived"})))
            .await;
        assert_eq!(s, 200, "{r}");
        // Reminders off for this client, on 48 h for another (the default stays 24 h).
        let (_, api5, client5, course5) = setup(&app, "rem-off", Some("off@example.org")).await;
        book(&api5, &course5, day, "10:00", "scheduled").await;
        let (_, api6, client6, course6) = setup(&app, "rem-48", Some("fortyeight@example.org")).await;
        let far = in_days(4);
        book(&api6, &course6, far, "10:00", "scheduled").await;
        let b5 = app.browser_as("rem-off@clinic.example").await;
        set_choice(&b5, &client5, "rem-off client", "off@example.org", "off").await;
        let b6 = app.browser_as("rem-48@clinic.example").await;
        set_choice(&b6, &client6, "rem-48 client", "fortyeight@example.org", "48").await;
        let off =
            app.scalar("SELECT lead_hours AS n FROM client_reminder_choices WHERE client_id = $1", &[&client5]).await;
        assert_eq!(off, 0, "off is stored as 0");

        let now = before(day, "10:00", 1); // 09:00 on `day`: the 08:00 session has started
        send_due_at(&st, now).await.unwrap();
        for e in ["cancel@example.org", "past@example.org", "archived@example.org", "off@example.org"] {
            assert!(reminders_to(&app, e).await.is_empty(), "{e} must get no reminder");
        }
        assert_eq!(
            app.scalar(
                "SELECT COUNT(*) AS n FROM outbox WHERE kind = 'session_reminder' AND recipient_email IS NULL",
                &[]
            )
            .await,
            0
        );
        // 48 h lead: the session two days and one hour after `now` is not yet due; 47 h before it is.
        assert!(reminders_to(&app, "fortyeight@example.org").await.is_empty());
        send_due_at(&st, before(far, "10:00", 47)).await.unwrap();
        assert_eq!(reminders_to(&app, "fortyeight@example.org").await.len(), 1, "the client's 48 h choice wins");
        // Invalid choices are refused with the field named, and nothing changes.
        let edit = format!("/clients/{client6}/edit");
        let version = b6.field(&edit, "version").await;
        let r = b6
            .submit(&edit, &edit, &[("display_name", "rem-48 client"), ("version", &version), ("reminder", "5")])
            .await;
        assert_eq!(r.status().as_u16(), 422);
        assert!(r.text().await.unwrap().contains("Choose when reminders go"));
        assert_eq!(
            app.scalar("SELECT lead_hours AS n FROM client_reminder_choices WHERE client_id = $1", &[&client6]).await,
            48
        );
    })
    .await;
}

/// Saves the client form with only the reminder choice changed.
async fn set_choice(b: &Browser, client: &str, name: &str, email: &str, value: &str) {
    let page = format!("/clients/{client}/edit");
    let version = b.field(&page, "version").await;
    let r = b
        .submit(&page, &page, &[("display_name", name), ("email", email), ("version", &version), ("reminder", value)])
        .await;
    assert_eq!(r.status().as_u16(), 303, "saving the reminder choice {value}");
}

#[tokio::test]
async fn a_second_course_and_a_deactivated_clinician_still_remind_the_client_who_sees_it_on_the_client_page() {
    on_each_backend(|app| async move {
        let st = state(&app);
        let (clin, api, client, first) = setup(&app, "rem-second", Some("second@example.org")).await;
        // The first course ends; a session still booked in it gets no reminder.
        let day = in_days(2);
        book(&api, &first, day, "09:00", "scheduled").await;
        let (s, r) = api
            .post(
                &format!("/api/v1/courses/{first}/status"),
                json!({"status": "ended_early", "reason": "moved away, came back"}),
            )
            .await;
        assert_eq!(s, 200, "{r}");
        let second = api
            .new_course(&client, json!({"protocol": "ipt-individual", "planned_sessions": 12, "start_date": today()}))
            .await;
        let session = book(&api, &second, day, "11:00", "scheduled").await;
        // The clinician leaves (deactivated directly): the client is still reminded.
        app.sql("UPDATE users SET active = 0 WHERE id = $1", &[clin.id.as_str()]).await;
        assert_eq!(send_due_at(&st, before(day, "11:00", 3)).await.unwrap(), 1);
        let sent = reminders_to(&app, "second@example.org").await;
        assert_eq!(sent.len(), 1);
        assert!(sent[0].subject.contains("at 11:00"), "the second course's session: {}", sent[0].subject);
        // Back at work, the clinician sees it on the client page, with its delivery status.
        app.sql("UPDATE users SET active = 1 WHERE id = $1", &[clin.id.as_str()]).await;
        let b = app.browser_as("rem-second@clinic.example").await;
        let (s, page) = b.text(&format!("/clients/{client}")).await;
        assert_eq!(s, 200);
        assert!(page.contains("Reminders sent"), "{page}");
        assert!(page.contains(&format!("/courses/{second}/sessions/{session}")), "links to the session");
        assert!(page.contains(">pending<"), "not yet e-mailed: {page}");
        assert!(page.contains("24 hours before (the organisation"), "the setting that applies: {page}");
        // Once delivered, the page says so.
        app.store.outbox_sent(&sent[0].id, KIND, Timestamp::now()).await.unwrap();
        let page = b.text(&format!("/clients/{client}")).await.1;
        assert!(page.contains(">sent<") && page.contains("e-mailed"), "{page}");
    })
    .await;
}

#[tokio::test]
async fn the_organisation_default_is_set_by_administrators_on_the_settings_page() {
    on_each_backend(|app| async move {
        let st = state(&app);
        app.user("rem-admin@clinic.example", Role::Admin).await;
        let admin = app.browser_as("rem-admin@clinic.example").await;
        let (_, page) = admin.text("/admin/settings").await;
        assert!(page.contains("Session reminders") && page.contains("value=\"24\" selected"), "default 24 h");
        let r = admin.submit("/admin/settings", "/admin/settings/reminders", &[("reminder_lead_hours", "off")]).await;
        assert_eq!(r.status().as_u16(), 303);
        assert!(admin.text("/admin/settings").await.1.contains("value=\"off\" selected"));
        let r = admin.submit("/admin/settings", "/admin/settings/reminders", &[("reminder_lead_hours", "7")]).await;
        assert_eq!(r.status().as_u16(), 422);
        assert!(r.text().await.unwrap().contains("reminder_lead_hours-error"));
        // Off for the organisation: a client on the default gets nothing.
        let (_, api, _, course) = setup(&app, "rem-orgoff", Some("orgoff@example.org")).await;
        let day = in_days(2);
        book(&api, &course, day, "10:00", "scheduled").await;
        send_due_at(&st, before(day, "10:00", 1)).await.unwrap();
        assert!(reminders_to(&app, "orgoff@example.org").await.is_empty());
        // A clinician may not change it.
        let clin = app.browser_as("rem-orgoff@clinic.example").await;
        let r = clin
            .post_form(
                "/admin/settings/reminders",
                &[("reminder_lead_hours", "2"), ("csrf", &clin.csrf_from("/account").await)],
            )
            .await;
        assert_eq!(r.status().as_u16(), 403);
    })
    .await;
}

/// Leaves a `reminder.send` entry (for the every-action audit test): a client
/// of `user` with an e-mail address and a session in two days, reminded.
pub async fn exercise_every_action(app: &TestApp, user: &rapport_store::users::User) {
    let api = Api::new(app, user).await;
    let client =
        api.create("/api/v1/clients", json!({"display_name": "Reminded", "email": "reminded@example.org"})).await;
    let client = client["id"].as_str().unwrap();
    let course = api
        .new_course(client, json!({"protocol": "ipt-individual", "planned_sessions": 12, "start_date": today()}))
        .await;
    let day = in_days(2);
    book(&api, &course, day, "10:00", "scheduled").await;
    assert_eq!(send_due_at(&state(app), before(day, "10:00", 20)).await.unwrap(), 1);
}
