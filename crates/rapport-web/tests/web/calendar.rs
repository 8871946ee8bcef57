//! The calendar (book, move, cancel through the course's sessions), the
//! private calendar feed, the organisation's time zone and who sees what.

use crate::support::*;
use rapport_core::access::Role;
use rapport_core::zone::Zone;
use rapport_core::Id;
use serde_json::json;
use time::Duration;

fn day(offset: i64) -> String {
    rapport_core::time::format_date(rapport_core::Timestamp::now().date() + Duration::days(offset))
}

/// The ids of the sessions on a calendar page, in page order.
fn sessions_on(page: &str) -> Vec<String> {
    page.split("data-session=\"").skip(1).map(|s| s[..s.find('"').unwrap()].to_string()).collect()
}

/// The feed address shown once on the account page after (re)making it.
async fn make_feed(b: &Browser) -> String {
    let r = b.submit("/account", "/account/calendar-feed", &[]).await;
    assert_eq!(r.status(), 200);
    let body = r.text().await.unwrap();
    let i = body.find("id=\"new-feed-url\">").expect("the new address is shown") + 18;
    body[i..i + body[i..].find('<').unwrap()].to_string()
}

async fn fetch(url: &str) -> (u16, String, String) {
    let r = http_client(false).get(url).send().await.unwrap();
    let ct = r.headers().get("content-type").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
    (r.status().as_u16(), ct, r.text().await.unwrap())
}

/// A fresh clinician `email` with one client called `name`: (clinician, API, client id).
async fn named_client(app: &TestApp, email: &str, name: &str) -> (rapport_store::users::User, Api, String) {
    let user = app.user(email, Role::Clinician).await;
    let api = Api::new(app, &user).await;
    let client = api.new_client(name).await;
    (user, api, client)
}

async fn open_course(api: &Api, client: &str) -> String {
    api.new_course(client, json!({"protocol": "ipt-individual", "planned_sessions": 12, "start_date": today()})).await
}

async fn set_zone(app: &TestApp, zone: &str) {
    let mut org = app.store.organisation().await.unwrap();
    org.time_zone = zone.into();
    app.store.update_organisation(&org, test_event("settings.update")).await.unwrap();
}

#[tokio::test]
async fn calendar_books_moves_and_cancels_a_course_session() {
    on_each_backend(|app| async move {
        let (_, api, client, course) = client_with_course(&app, "cal@clinic.example").await;
        let b = app.browser_as("cal@clinic.example").await;
        let (s, page) = b.text("/calendar").await;
        assert_eq!(s, 200);
        assert!(page.contains(&format!("<option value=\"{course}\">Course Client")), "the course can be booked in");
        assert!(sessions_on(&page).is_empty());
        let reads = app.count("calendar.read").await;
        assert!(reads >= 1, "the calendar read is audited");

        // Book: through the course's own session use case (it appears in the course's list).
        let when = day(2);
        let r = b
            .submit(
                "/calendar",
                "/calendar/sessions",
                &[("course_id", &course), ("date", &when), ("time", "09:30"), ("duration_minutes", "")],
            )
            .await;
        assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
        let (_, listed) = api.get(&format!("/api/v1/courses/{course}/sessions")).await;
        let listed = listed.as_array().cloned().or_else(|| listed["items"].as_array().cloned()).unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0]["attendance"], "scheduled");
        assert_eq!(listed[0]["time"], "09:30");
        let page_path = format!("/calendar?date={when}");
        let (_, page) = b.text(&page_path).await;
        let ids = sessions_on(&page);
        assert_eq!(ids.len(), 1, "the booked session is on the calendar");
        let sid = ids[0].clone();
        assert!(page.contains("09:30–10:20"), "start and end (the course's 50 minutes)");

        // Bad input names the field and changes nothing.
        let r = b
            .submit("/calendar", "/calendar/sessions", &[("course_id", &course), ("date", &when), ("time", "25:00")])
            .await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("Time must be in the form HH:MM"));
        let r = b.submit("/calendar", "/calendar/sessions", &[("course_id", ""), ("date", &when)]).await;
        assert_eq!(r.status(), 422);
        let r = b
            .submit(
                "/calendar",
                "/calendar/sessions",
                &[("course_id", &course), ("date", "next tuesday"), ("time", "10:00")],
            )
            .await;
        assert_eq!(r.status(), 422);
        let r = b
            .submit(
                "/calendar",
                "/calendar/sessions",
                &[("course_id", &course), ("date", &when), ("time", "10:00"), ("duration_minutes", "long")],
            )
            .await;
        assert_eq!(r.status(), 422);
        assert_eq!(b.text("/calendar?date=2026-13-40").await.0, 422);

        // Move with a stale version: 409, nothing moved.
        let version = b.field(&page_path, "version").await;
        let stale = (version.parse::<i64>().unwrap() - 1).to_string();
        let moved_to = day(3);
        let action = format!("/calendar/sessions/{sid}/move");
        let r = b.submit(&page_path, &action, &[("date", &moved_to), ("time", "11:00"), ("version", &stale)]).await;
        assert_eq!(r.status(), 409);
        // Move for real.
        let r = b.submit(&page_path, &action, &[("date", &moved_to), ("time", "11:00"), ("version", &version)]).await;
        assert_eq!(r.status(), 303);
        let s = app.store.therapy_session(&Id::parse(&sid).unwrap()).await.unwrap().unwrap();
        assert_eq!(rapport_core::time::format_date(s.date), moved_to);
        assert_eq!(s.time, "11:00");
        assert_eq!(s.attendance.as_str(), "scheduled");
        // The old version no longer moves it.
        let r = b.submit(&page_path, &action, &[("date", &when), ("time", "11:00"), ("version", &version)]).await;
        assert_eq!(r.status(), 409);

        // Cancel, then it can be neither moved nor cancelled again from the calendar.
        let moved_page = format!("/calendar?date={moved_to}");
        let v = b.field(&moved_page, "version").await;
        let r = b.submit(&moved_page, &format!("/calendar/sessions/{sid}/cancel"), &[("version", &v)]).await;
        assert_eq!(r.status(), 303);
        let s = app.store.therapy_session(&Id::parse(&sid).unwrap()).await.unwrap().unwrap();
        assert_eq!(s.attendance.as_str(), "cancelled");
        let (_, page) = b.text(&moved_page).await;
        assert!(page.contains("Cancelled"));
        assert!(!page.contains(&format!("/calendar/sessions/{sid}/move")), "no move form for a cancelled session");
        let r = b.submit(&moved_page, &format!("/calendar/sessions/{sid}/cancel"), &[]).await;
        assert_eq!(r.status(), 422);
        let _ = client;
    })
    .await;
}

#[tokio::test]
async fn month_view_and_neighbour_links() {
    on_each_backend(|app| async move {
        let _ = app.user("month@clinic.example", Role::Clinician).await;
        let b = app.browser_as("month@clinic.example").await;
        let (s, page) = b.text("/calendar?view=month&date=2026-02-11").await;
        assert_eq!(s, 200);
        // February 2026 starts on a Sunday: the grid runs Mon 26 Jan to Sun 1 Mar.
        assert!(page.contains("data-date=\"2026-01-26\""));
        assert!(page.contains("data-date=\"2026-03-01\""));
        assert!(!page.contains("data-date=\"2026-03-02\""));
        assert!(page.contains("date=2026-01-01"), "previous month");
        assert!(page.contains("date=2026-03-01"), "next month");
        let (_, week) = b.text("/calendar?date=2026-02-11").await;
        assert!(week.contains("data-date=\"2026-02-09\"") && week.contains("data-date=\"2026-02-15\""));
        assert!(!week.contains("data-date=\"2026-02-16\""));
    })
    .await;
}

#[tokio::test]
async fn feed_is_icalendar_follows_resets_and_names_by_initials() {
    on_each_backend(|app| async move {
        set_zone(&app, "America/New_York").await;
        let (user, api, client) = named_client(&app, "feed@clinic.example", "Ana María López, Jr").await;
        let course = api
            .new_course(&client, json!({"protocol": "ipt-individual", "planned_sessions": 12, "start_date": today()}))
            .await;
        let timed = day(1);
        api.new_session(
            &course,
            json!({"date": timed, "time": "10:00", "attendance": "scheduled", "duration_minutes": 45}),
        )
        .await;
        let all_day = day(2);
        api.new_session(&course, json!({"date": all_day, "attendance": "scheduled"})).await;
        let b = app.browser_as("feed@clinic.example").await;

        // No feed yet: /api/v1/me says null, and the account page offers one.
        let (s, me) = api.get("/api/v1/me").await;
        assert_eq!(s, 200);
        assert!(me["calendar_url"].is_null(), "{me}");
        assert!(b.text("/account").await.1.contains("No feed yet"));

        let url = make_feed(&b).await;
        assert!(url.starts_with("http://127.0.0.1:") && url.ends_with(".ics"), "{url}");
        let (_, me) = api.get("/api/v1/me").await;
        assert_eq!(me["calendar_url"], url.as_str(), "the API gives the same address");
        assert!(!b.text("/account").await.1.contains(&url), "the page shows the address only once");

        let (s, ct, text) = fetch(&url).await;
        assert_eq!(s, 200);
        assert_eq!(ct, "text/calendar; charset=utf-8");
        assert!(text.starts_with("BEGIN:VCALENDAR\r\n") && text.ends_with("END:VCALENDAR\r\n"));
        assert!(text.split("\r\n").all(|l| l.len() <= 75), "folded at 75 octets");
        assert!(!text.replace("\r\n", "").contains('\n'), "CRLF only");
        assert_eq!(text.matches("BEGIN:VEVENT").count(), 2);
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains("SUMMARY:IPT session: A.M.L.J.\r\n"), "{unfolded}");
        assert!(!unfolded.contains("López"), "initials only by default");
        // 10:00 in New York, in UTC; 45 minutes.
        let d = rapport_core::time::parse_date(&timed).unwrap();
        let start = Zone::parse("America/New_York").unwrap().to_utc(d, time::macros::time!(10:00));
        let utc = |t: rapport_core::Timestamp| {
            let x = t.datetime();
            format!("{:04}{:02}{:02}T{:02}{:02}00Z", x.year(), u8::from(x.month()), x.day(), x.hour(), x.minute())
        };
        assert!(unfolded.contains(&format!("DTSTART:{}\r\n", utc(start))), "{unfolded}");
        assert!(unfolded.contains(&format!("DTEND:{}\r\n", utc(start.plus(Duration::minutes(45))))));
        assert!(unfolded.contains(&format!("DTSTART;VALUE=DATE:{}\r\n", all_day.replace('-', ""))));
        assert!(unfolded.contains("DTSTAMP:"));
        // The UID is stable across reads.
        let uids = |t: &str| t.lines().filter(|l| l.starts_with("UID:")).map(str::to_string).collect::<Vec<_>>();
        assert_eq!(uids(&text), uids(&fetch(&url).await.2));

        // Every read is audited as the owner.
        let reads = app.audit_entries("calendar.feed").await;
        assert_eq!(reads.len(), 2);
        assert_eq!(reads[0].event.actor_id.as_deref(), Some(user.id.as_str()));
        assert!(reads[0].event.detail.as_deref().unwrap().starts_with("calendar feed: 2 sessions"));

        // Full names on request (escaped in the TEXT value).
        let r = b.submit("/account", "/account/calendar-names", &[("full_names", "yes")]).await;
        assert_eq!(r.status(), 303);
        let text = fetch(&url).await.2.replace("\r\n ", "");
        assert!(text.contains("SUMMARY:IPT session: Ana María López\\, Jr\r\n"), "{text}");
        let r = b.submit("/account", "/account/calendar-names", &[("full_names", "maybe")]).await;
        assert_eq!(r.status(), 422);

        // Reset: the old address is gone, the new one works.
        let new_url = make_feed(&b).await;
        assert_ne!(new_url, url);
        assert_eq!(fetch(&url).await.0, 404);
        assert_eq!(fetch(&new_url).await.0, 200);
        assert_eq!(api.get("/api/v1/me").await.1["calendar_url"], new_url.as_str());
        assert_eq!(fetch(&app.url("/calendar/feed/nothing")).await.0, 404);

        // An inactive account's feed answers 404.
        app.sql("UPDATE users SET active = 0 WHERE id = $1", &[user.id.as_str()]).await;
        assert_eq!(fetch(&new_url).await.0, 404);
    })
    .await;
}

#[tokio::test]
async fn clinicians_see_only_their_caseload_and_supervisors_their_supervisees() {
    on_each_backend(|app| async move {
        let (a, api_a, client_a) = named_client(&app, "a.cal@clinic.example", "Alice Private").await;
        let course_a = open_course(&api_a, &client_a).await;
        api_a.new_session(&course_a, json!({"date": day(1), "time": "09:00", "attendance": "scheduled"})).await;
        let (_, api_b, client_b) = named_client(&app, "b.cal@clinic.example", "Bob Own").await;
        let course_b = open_course(&api_b, &client_b).await;
        api_b.new_session(&course_b, json!({"date": day(1), "time": "15:00", "attendance": "scheduled"})).await;
        let sup = app.user("sup.cal@clinic.example", Role::Supervisor).await;
        app.store.set_supervisees(&sup.id, std::slice::from_ref(&a.id), test_event("user.update"), &[]).await.unwrap();

        let when = format!("/calendar?date={}", day(1));
        let bb = app.browser_as("b.cal@clinic.example").await;
        let (_, page) = bb.text(&when).await;
        assert!(page.contains("Bob Own") && !page.contains("Alice Private"));
        assert!(!page.contains(&course_a), "A's course is not offered to B");
        let feed_b = make_feed(&bb).await;
        let text = fetch(&feed_b).await.2;
        assert_eq!(text.matches("BEGIN:VEVENT").count(), 1, "only B's own session");
        // B cannot move or cancel A's session (404, as if absent).
        let sid_a = sessions_on(&app.browser_as("a.cal@clinic.example").await.text(&when).await.1)[0].clone();
        let r = bb.submit(&when, &format!("/calendar/sessions/{sid_a}/cancel"), &[]).await;
        assert_eq!(r.status(), 404);
        let r = bb
            .submit(&when, "/calendar/sessions", &[("course_id", &course_a), ("date", &day(2)), ("time", "10:00")])
            .await;
        assert_eq!(r.status(), 404);

        // The supervisor sees A's client (not B's), and can filter by clinician.
        let bs = app.browser_as("sup.cal@clinic.example").await;
        let (_, page) = bs.text(&when).await;
        assert!(page.contains("Alice Private") && !page.contains("Bob Own"));
        assert!(page.contains(&format!("<option value=\"{}\"", a.id)), "the clinician filter lists A");
        let (_, only_own) = bs.text(&format!("{when}&clinician={}", sup.id)).await;
        assert!(!only_own.contains("Alice Private"), "filtered to the supervisor's own clients");
        let feed_s = make_feed(&bs).await;
        assert!(fetch(&feed_s).await.2.contains("SUMMARY:IPT session: A.P."));
        assert_eq!(bs.text(&format!("{when}&clinician=nobody")).await.0, 422);

        // An administrator who does not practise has no calendar.
        let _ = app.user("adm.cal@clinic.example", Role::Admin).await;
        let ba = app.browser_as("adm.cal@clinic.example").await;
        assert_eq!(ba.text("/calendar").await.0, 403);
    })
    .await;
}

#[tokio::test]
async fn times_are_shown_in_the_organisation_zone_and_the_setting_is_checked() {
    on_each_backend(|app| async move {
        let _ = app.user("tzadmin@clinic.example", Role::Admin).await;
        let b = app.browser_as("tzadmin@clinic.example").await;
        let r = b
            .submit(
                "/admin/settings",
                "/admin/settings",
                &[
                    ("name", "Clinic"),
                    ("idle_timeout_minutes", "30"),
                    ("absolute_lifetime_hours", "12"),
                    ("break_glass_hours", "4"),
                    ("time_zone", "Mars/Olympus"),
                ],
            )
            .await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("Time zone: enter a name from the time-zone database"));
        let r = b
            .submit(
                "/admin/settings",
                "/admin/settings",
                &[
                    ("name", "Clinic"),
                    ("idle_timeout_minutes", "30"),
                    ("absolute_lifetime_hours", "12"),
                    ("break_glass_hours", "4"),
                    ("time_zone", "asia/tokyo"),
                ],
            )
            .await;
        assert_eq!(r.status(), 303);
        assert_eq!(app.store.organisation().await.unwrap().time_zone, "Asia/Tokyo");
        // The account page lists this session's sign-in time in Tokyo time, never "UTC".
        let (_, page) = b.text("/account").await;
        let now = Zone::parse("Asia/Tokyo").unwrap().show(rapport_core::Timestamp::now());
        let day_part = now.split(',').next().unwrap();
        assert!(page.contains(day_part), "local date {day_part} shown");
        assert!(!page.contains(" UTC<"), "no raw UTC");
        let (_, audit) = b.text("/admin/audit").await;
        assert!(audit.contains("<th scope=\"col\">Time</th>") && !audit.contains("Time (UTC)"));
    })
    .await;
}

#[tokio::test]
async fn the_calendar_and_its_feed_name_the_engagement_session_in_the_readers_language() {
    on_each_backend(|app| async move {
        let (user, api, client) = named_client(&app, "feed-s0@clinic.example", "Ana Pérez").await;
        let course = api.new_course(&client, json!({"protocol": "ipt-brief", "start_date": day(-3)})).await;
        let body = json!({"date": day(-3), "time": "09:00", "attendance": "attended", "engagement": true});
        let zero = api.new_session(&course, body).await;
        let one = api.new_session(&course, json!({"date": day(-2), "time": "09:00", "attendance": "attended"})).await;

        // The calendar page marks session 0, and only it, in the reader's language.
        let b = app.browser_as("feed-s0@clinic.example").await;
        let week = format!("/calendar?view=month&date={}", day(-3));
        let (s, page) = b.text(&week).await;
        assert_eq!(s, 200);
        let item = |page: &str, id: &str| {
            let at = page.find(&format!("data-session=\"{id}\"")).unwrap();
            page[at..at + page[at..].find("</li>").unwrap()].to_string()
        };
        assert!(item(&page, &zero).contains("Engagement session (session 0)"), "{page}");
        assert!(!item(&page, &one).contains("cal-engagement"), "{page}");
        app.store.set_user_language(&user.id, Some("es"), test_event("account.language")).await.unwrap();
        let (_, page) = b.text(&week).await;
        assert!(item(&page, &zero).contains("Sesión de enganche (sesión 0)"), "{page}");

        // The feed is worded in the account's language, session 0 named as such.
        let url = make_feed(&b).await;
        let text = fetch(&url).await.2.replace("\r\n ", "");
        assert!(text.contains("SUMMARY:Sesión de enganche de TIP (sesión 0): A.P.\r\n"), "{text}");
        assert!(text.contains("SUMMARY:Sesión de TIP: A.P.\r\n"), "{text}");
        assert!(text.contains("DESCRIPTION:Asistió · Presencial · 50 min\r\n"), "{text}");
        assert!(text.contains("X-WR-CALNAME:Sesiones de "), "{text}");
        assert!(!text.contains("IPT session"), "{text}");
        app.store.set_user_language(&user.id, Some("fr"), test_event("account.language")).await.unwrap();
        let text = fetch(&url).await.2.replace("\r\n ", "");
        assert!(text.contains("SUMMARY:Séance d’engagement de TIP (séance 0) : A.P.\r\n"), "{text}");
    })
    .await;
}
