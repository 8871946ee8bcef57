//! Today (issue 12): the home page of caseload holders and `GET /api/v1/today`,
//! one use case behind both. Only the caller's own care teams (a supervisor's
//! supervisees' clients are not on it), empty states that say what is clear,
//! unsigned notes with their age, open flags and their overdue deadlines, and
//! the read audited naming the clients shown.

use crate::support::*;
use rapport_core::access::Role;
use rapport_core::audit::action;
use rapport_core::time::format_date;
use rapport_core::Timestamp;
use serde_json::json;
use time::Duration;

fn days_ago(n: i64) -> String {
    format_date(Timestamp::now().date() - Duration::days(n))
}

/// A client of `api`'s user with an open course started 60 days ago; (client, course).
async fn client_with_old_course(api: &Api, name: &str) -> (String, String) {
    let client = api.new_client(name).await;
    let course = api
        .new_course(&client, json!({"protocol": "ipt-individual", "planned_sessions": 16, "start_date": days_ago(60)}))
        .await;
    (client, course)
}

#[tokio::test]
async fn today_lists_the_callers_own_caseload_only_in_time_order_with_old_unsigned_notes() {
    on_each_backend(|app| async move {
        let alice = app.user("today-alice@clinic.example", Role::Clinician).await;
        let bob = app.user("today-bob@clinic.example", Role::Clinician).await;
        let sup = app.user("today-sup@clinic.example", Role::Supervisor).await;
        app.store
            .set_supervisees(&sup.id, std::slice::from_ref(&alice.id), test_event("user.update"), &[])
            .await
            .unwrap();
        let (a_api, b_api, s_api) =
            (Api::new(&app, &alice).await, Api::new(&app, &bob).await, Api::new(&app, &sup).await);
        let (a_client, a_course) = client_with_old_course(&a_api, "Ada Todayclient").await;
        let (b_client, b_course) = client_with_old_course(&b_api, "Bo Otherclient").await;
        let (_, s_course) = client_with_old_course(&s_api, "Sy Supervisorclient").await;
        // Alice: a held session 40 days ago without a note, then today at 14:00 (booked) and 08:30 (held).
        let old = a_api.attended_sessions(&a_course, &[&days_ago(40)]).await;
        let late =
            a_api.new_session(&a_course, json!({"date": today(), "time": "14:00", "attendance": "scheduled"})).await;
        let early =
            a_api.new_session(&a_course, json!({"date": today(), "time": "08:30", "attendance": "attended"})).await;
        b_api.new_session(&b_course, json!({"date": today(), "time": "09:00", "attendance": "scheduled"})).await;
        s_api.new_session(&s_course, json!({"date": today(), "time": "11:00", "attendance": "scheduled"})).await;

        // The home page of a clinician is Today.
        let b = app.browser_as("today-alice@clinic.example").await;
        let r = b.get("/").await;
        assert_eq!((r.status().as_u16(), location(&r)), (303, "/today".to_string()));
        let (s, page) = b.text("/today").await;
        assert_eq!(s, 200, "{page}");
        assert!(page.contains("Ada Todayclient"), "{page}");
        assert!(!page.contains("Bo Otherclient"), "another clinician's client must not show");
        assert!(!page.contains("Sy Supervisorclient"));
        let (i_early, i_late) = (page.find("08:30").unwrap(), page.find("14:00").unwrap());
        assert!(i_early < i_late, "today's sessions in time order");
        assert!(page.contains(&format!("href=\"/courses/{a_course}/sessions/{late}\"")), "one click to the session");
        assert!(page.contains(">Open session<"), "{page}");
        // The held session of 40 days ago, unsigned, with its age; today's held session too.
        assert!(page.contains("40 days"), "{page}");
        assert!(page.contains(&format!("/courses/{a_course}/sessions/{}", old[0])));
        assert!(page.contains("No open risk flags."), "{page}");

        // The read is audited as a list view naming the clients shown, and only those.
        let lists = app.audit_entries(action::CLIENT_LIST).await;
        let mine = lists
            .iter()
            .rev()
            .find(|e| e.event.actor_id.as_deref() == Some(alice.id.as_str()))
            .expect("Today's read is audited");
        let detail = mine.event.detail.clone().unwrap_or_default();
        assert!(detail.starts_with("today ") && detail.contains(&a_client), "{detail}");
        assert!(!detail.contains(&b_client), "{detail}");

        // The API answers the same, from the same use case.
        let (s, t) = a_api.get("/api/v1/today").await;
        assert_eq!(s, 200, "{t}");
        assert_eq!(t["date"], today());
        let times: Vec<&str> =
            t["sessions_today"].as_array().unwrap().iter().map(|x| x["time"].as_str().unwrap()).collect();
        assert_eq!(times, ["08:30", "14:00"]);
        assert_eq!(t["sessions_today"][0]["session_id"], early.as_str());
        assert_eq!(t["sessions_today"][0]["number"], 2, "the held session is the second held");
        assert_eq!(t["sessions_today"][1]["number"], 3, "the booked one will be the third");
        assert_eq!(t["sessions_today"][1]["attendance"], "scheduled");
        let notes = t["unsigned_notes"].as_array().unwrap();
        assert_eq!(notes[0]["age_days"], 40, "oldest first: {t}");
        assert_eq!(notes[0]["session"]["session_id"], old[0].as_str());
        assert_eq!(notes[0]["draft"], false);
        assert_eq!(notes.len(), 2, "the session held today is unsigned too: {t}");

        // A supervisor sees their own caseload, not their supervisees'.
        let (s, t) = s_api.get("/api/v1/today").await;
        assert_eq!(s, 200);
        let names: Vec<&str> =
            t["sessions_today"].as_array().unwrap().iter().map(|x| x["client_name"].as_str().unwrap()).collect();
        assert_eq!(names, ["Sy Supervisorclient"]);
        let page = app.browser_as("today-sup@clinic.example").await.text("/today").await.1;
        assert!(page.contains("Sy Supervisorclient") && !page.contains("Ada Todayclient"), "{page}");
    })
    .await;
}

#[tokio::test]
async fn empty_states_say_what_is_clear_and_administrators_have_no_today() {
    on_each_backend(|app| async move {
        app.user("today-new@clinic.example", Role::Clinician).await;
        let (s, page) = app.browser_as("today-new@clinic.example").await.text("/today").await;
        assert_eq!(s, 200);
        for text in [
            "No sessions today.",
            "No more sessions this week.",
            "All notes of held sessions are signed.",
            "No measures due.",
            "No open risk flags.",
            "No overdue tasks.",
        ] {
            assert!(page.contains(text), "missing {text:?}");
        }
        assert!(page.contains("data-testid=\"no-own-clients\""), "a first day says why it is empty");
        let admin = app.user("today-admin@clinic.example", Role::Admin).await;
        let (s, _) = Api::new(&app, &admin).await.get("/api/v1/today").await;
        assert_eq!(s, 403, "an administrator who does not practise holds no caseload");
        let r = app.browser_as("today-admin@clinic.example").await.get("/today").await;
        assert_eq!(r.status().as_u16(), 403);
    })
    .await;
}

#[tokio::test]
async fn an_open_flag_shows_with_its_missed_deadlines_as_overdue_tasks_and_measures_due() {
    on_each_backend(|app| async move {
        let (_, api, client, _course) = client_with_course(&app, "today-flag@clinic.example").await;
        let (s, r) = post_response(
            &app,
            &api.token,
            &client,
            json!({"instrument": "phq9", "answers": [0, 0, 0, 0, 0, 0, 0, 0, 2]}),
        )
        .await;
        assert_eq!(s, 201, "{r}");
        let flag = r["risk_flag_id"].as_str().unwrap().to_string();
        // Fresh: an open flag, nothing overdue yet.
        let (_, t) = api.get("/api/v1/today").await;
        assert_eq!(t["open_flags"][0]["flag_id"], flag.as_str());
        assert_eq!(t["open_flags"][0]["level"], serde_json::Value::Null, "not yet assessed");
        assert_eq!(t["open_flags"][0]["status"], "open");
        assert_eq!(t["overdue_tasks"].as_array().unwrap().len(), 0, "{t}");
        // GAD-7 is still due before the first session (the PHQ-9 was just answered).
        let due = &t["measures_due"][0];
        assert_eq!(due["client_id"], client.as_str(), "{t}");
        assert!(
            due["due"].as_array().unwrap().iter().chain(due["overdue"].as_array().unwrap()).any(|x| x == "GAD-7"),
            "{t}"
        );
        // Three days later (raised in the past): both deadlines missed, each a task.
        let raised = Timestamp::now().minus(Duration::days(3)).to_db();
        app.sql("UPDATE risk_flags SET raised_at = $1 WHERE id = $2", &[&raised, &flag]).await;
        let (_, t) = api.get("/api/v1/today").await;
        assert_eq!(t["open_flags"][0]["age_days"], 3);
        let tasks: Vec<&str> =
            t["overdue_tasks"].as_array().unwrap().iter().map(|x| x["what"].as_str().unwrap()).collect();
        assert_eq!(tasks.len(), 2, "{t}");
        assert!(tasks.contains(&"Risk assessment") && tasks.contains(&"Acknowledge the risk flag"), "{tasks:?}");
        assert_eq!(t["overdue_tasks"][0]["href"], format!("/risk-flags/{flag}"));
        let page = app.browser_as("today-flag@clinic.example").await.text("/today").await.1;
        assert!(page.contains("not yet assessed") && page.contains("Risk assessment"), "{page}");
        assert!(!page.contains("No open risk flags."));
    })
    .await;
}
