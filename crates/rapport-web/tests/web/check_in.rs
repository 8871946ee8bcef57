//! Between-session signals (issue 19 item 3, decision 50): a diary mood at
//! the bottom of the scale, or 4 or more below the recent average, shows
//! "check in" on the caseload (page and API) and on the session page (page and
//! API); it is no risk flag, and the portal says the diary is not watched live.

use crate::support::*;
use rapport_core::time::format_date;
use rapport_core::Timestamp;
use serde_json::{json, Value};
use time::Duration;

fn days_ago(n: i64) -> String {
    format_date(Timestamp::now().date() - Duration::days(n))
}

/// The caseload API's row of `client`.
async fn caseload_row(api: &Api, client: &str) -> Value {
    let (s, list) = api.get("/api/v1/clients").await;
    assert_eq!(s, 200, "{list}");
    list.as_array().unwrap().iter().find(|r| r["id"] == client).cloned().expect("client listed")
}

/// Writes a diary mood on the day `n` days ago as the client, in the portal.
async fn mood(client: &Browser, n: i64, mood: &str) {
    let r = client.submit("/portal/diary", "/portal/diary", &[("date", &days_ago(n)), ("mood", mood)]).await;
    assert_eq!(r.status(), 303, "mood {mood} {n} days ago");
}

/// Whether the caseload page shows the "check in" marker on `client`'s row.
async fn page_marks(staff: &Browser, client: &str) -> bool {
    let (s, page) = staff.text("/clients").await;
    assert_eq!(s, 200);
    let row = page.split("<tr").find(|r| r.contains(&format!("/clients/{client}\""))).expect("row on the caseload");
    row.contains("data-testid=\"check-in\"")
}

#[tokio::test]
async fn a_drop_from_the_recent_average_shows_check_in_until_the_next_session() {
    on_each_backend(|app| async move {
        let (clin, api, client) = client_of(&app, "checkin1@clinic.example").await;
        let course = api
            .new_course(
                &client,
                json!({"protocol": "ipt-individual", "planned_sessions": 12, "start_date": days_ago(40)}),
            )
            .await;
        api.attended_sessions(&course, &[&days_ago(30)]).await;
        let today_session = api.new_session(&course, json!({"date": today(), "attendance": "scheduled"})).await;
        let cid = rapport_core::Id::parse(&client).unwrap();
        let email = app.portal_account(&cid, &clin.id, "checkin1.client@example.org").await;
        let me = app.browser_as(&email).await;
        let staff = app.browser_as(&clin.email).await;

        // The portal says the diary is not watched live, and where to get help now.
        let (_, diary) = me.text("/portal/diary").await;
        assert!(diary.contains("data-testid=\"diary-not-live\""));
        assert!(diary.contains("not watched live") && diary.contains("href=\"/portal/help\""), "{diary}");

        // 7, 7, 6 then 3: 3.67 below the average, no check-in.
        for (n, m) in [(10, "7"), (9, "7"), (8, "6"), (3, "3")] {
            mood(&me, n, m).await;
        }
        assert_eq!(caseload_row(&api, &client).await["check_in"], Value::Null);
        assert!(!page_marks(&staff, &client).await);

        // Refused input changes nothing: 11 is off the scale.
        let r = me.submit("/portal/diary", "/portal/diary", &[("date", &days_ago(2)), ("mood", "11")]).await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("href=\"#mood\""));
        assert_eq!(caseload_row(&api, &client).await["check_in"], Value::Null);

        // 2 is 3.75 below the average of the four before it (3, 6, 7, 7 = 5.75): no.
        // 1 is the bottom of the scale: a check-in whatever the average.
        mood(&me, 2, "2").await;
        assert_eq!(caseload_row(&api, &client).await["check_in"], Value::Null);
        mood(&me, 1, "1").await;
        let row = caseload_row(&api, &client).await;
        assert_eq!(row["check_in"], json!({"date": days_ago(1), "mood": 1, "reason": "low", "average": null}));
        assert!(page_marks(&staff, &client).await);

        // A later, better mood does not hide it; a drop after good days shows as a drop.
        for (n, m) in [(10, "8"), (9, "8"), (8, "8")] {
            mood(&me, n, m).await;
        }
        mood(&me, 0, "4").await;
        let row = caseload_row(&api, &client).await;
        // Before today's 4, newest first: 1, 2, 3, 8, 6, 8, 7 (the seven within 28 days) = 5.0; not a drop.
        assert_eq!(row["check_in"]["reason"], "low", "{row}");

        // The session page and the session API say it too; it is no risk flag.
        let page = format!("/courses/{course}/sessions/{today_session}");
        let (s, html) = staff.text(&page).await;
        assert_eq!(s, 200);
        assert!(html.contains("data-testid=\"check-in\""), "{html}");
        assert!(html.contains("This is not a risk flag"));
        let (s, d) = api.get(&format!("/api/v1/sessions/{today_session}/diary")).await;
        assert_eq!(s, 200, "{d}");
        assert_eq!(d["check_in"]["mood"], 1);
        assert_eq!(d["check_in"]["date"], days_ago(1));
        assert_eq!(d["entries"].as_array().unwrap().len(), 10, "{d}");
        assert_eq!(d["entries"][0]["date"], today());
        assert!(app.open_flags(&client).await.is_empty(), "a check-in opens no risk flag");
        assert!(app.count("diary.read").await >= 2);

        // A session attended after it: talked about, the marker goes.
        api.attended_sessions(&course, &[&days_ago(0)]).await;
        assert_eq!(caseload_row(&api, &client).await["check_in"], Value::Null);
        assert!(!page_marks(&staff, &client).await);

        // Another caller's session is not found.
        let other = app.user("checkin1.other@clinic.example", rapport_core::access::Role::Clinician).await;
        let (s, _) = Api::new(&app, &other).await.get(&format!("/api/v1/sessions/{today_session}/diary")).await;
        assert_eq!(s, 404);
    })
    .await;
}

#[tokio::test]
async fn a_drop_of_four_shows_with_its_average_and_old_entries_show_nothing() {
    on_each_backend(|app| async move {
        let (clin, api, client) = client_of(&app, "checkin2@clinic.example").await;
        let cid = rapport_core::Id::parse(&client).unwrap();
        let email = app.portal_account(&cid, &clin.id, "checkin2.client@example.org").await;
        let me = app.browser_as(&email).await;
        // The bottom of the scale 40 days ago: outside the caseload's 14 days.
        mood(&me, 40, "0").await;
        assert_eq!(caseload_row(&api, &client).await["check_in"], Value::Null);
        // 8, 7, 8 then 4: 3.67 below (no); then 2: 4.75 below the average of 4, 8, 7, 8 = 6.75.
        for (n, m) in [(6, "8"), (5, "7"), (4, "8"), (3, "4")] {
            mood(&me, n, m).await;
        }
        assert_eq!(caseload_row(&api, &client).await["check_in"], Value::Null);
        mood(&me, 2, "2").await;
        let row = caseload_row(&api, &client).await;
        assert_eq!(row["check_in"]["reason"], "drop", "{row}");
        assert_eq!(row["check_in"]["mood"], 2);
        // 4, 8, 7, 8 (the 0 from 40 days ago is more than 28 days before it): 6.75.
        assert_eq!(row["check_in"]["average"], 6.8);
        let staff = app.browser_as(&clin.email).await;
        let (_, page) = staff.text("/clients").await;
        assert!(page.contains("4 or more below the recent average of 6.8"), "{page}");
    })
    .await;
}
