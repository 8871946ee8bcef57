//! Fidelity ratings and recordings in the staff pages (issue 14): the
//! session page's "Fidelity" section and rating form (a self-rating, a
//! supervisor's rating and their agreement item by item; a missing or
//! out-of-scale item named with nothing stored), the course summary and
//! agreement over time, the same on a group meeting, and a recording
//! uploaded with consent and played by the supervisor only.

use crate::matrix::{e, Entry};
use crate::support::*;
use rapport_core::access::Role;
use rapport_core::audit::action;
use rapport_core::fidelity::ChecklistSet;
use rapport_core::protocol::Phase;
use rapport_core::time::format_date;
use rapport_core::Timestamp;
use rapport_store::groups::{NewAttendance, NewGroup, NewGroupSession};
use reqwest::Method;
use serde_json::json;
use time::Duration;

pub fn matrix_entries() -> Vec<Entry> {
    use Method as M;
    // Callers: anonymous, admin, the supervisor of the clinician on the team
    // (who ran `{session}` and facilitates `{group}`), that clinician, another clinician.
    vec![
        e(
            M::GET,
            "/courses/{id}/sessions/{session_id}/fidelity/new",
            "/courses/{course}/sessions/{session}/fidelity/new",
            "LNAAN",
        ),
        e(
            M::POST,
            "/courses/{id}/sessions/{session_id}/fidelity",
            "/courses/{course}/sessions/{session}/fidelity",
            "LNAAN",
        ),
        // The administrator organises the group: no rating of its meetings.
        e(M::GET, "/groups/{id}/sessions/{number}/fidelity/new", "/groups/{group}/sessions/1/fidelity/new", "LFAAN"),
        e(M::POST, "/groups/{id}/sessions/{number}/fidelity", "/groups/{group}/sessions/1/fidelity", "LFAAN"),
        e(M::GET, "/courses/{id}/fidelity", "/courses/{course}/fidelity", "LNAAN"),
        // A form that is not multipart is refused (400) once the session is found.
        e(
            M::POST,
            "/courses/{id}/sessions/{session_id}/recordings",
            "/courses/{course}/sessions/{session}/recordings",
            "LNAAN",
        ),
        e(M::GET, "/recordings/{id}/audio", "/recordings/{random}/audio", "LNNNN"),
    ]
}

fn days_ago(n: i64) -> String {
    format_date(Timestamp::now().date() - Duration::days(n))
}

/// The form fields rating every item that applies, each `value`, except `skip`.
fn all_items(checklist: &str, phase: Phase, value: &str, skip: Option<&str>) -> Vec<(String, String)> {
    let set = ChecklistSet::shipped();
    set.get(checklist)
        .unwrap()
        .items_for(phase, &[])
        .iter()
        .filter(|i| Some(i.id.as_str()) != skip)
        .map(|i| (format!("ratings.{}", i.id), value.to_string()))
        .collect()
}

fn with(fields: &[(String, String)], extra: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut v = fields.to_vec();
    v.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    v
}

async fn submit_owned(b: &Browser, page: &str, action: &str, fields: &[(String, String)]) -> reqwest::Response {
    let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    b.submit(page, action, &refs).await
}

fn unescape(html: &str) -> String {
    html.replace("&#39;", "'").replace("&#x27;", "'").replace("&quot;", "\"")
}

#[tokio::test]
async fn a_session_is_self_rated_then_rated_by_the_supervisor_who_sees_the_agreement() {
    on_each_backend(|app| async move {
        let clin = app.user("fp-clin@clinic.example", Role::Clinician).await;
        let sup = app.user("fp-sup@clinic.example", Role::Supervisor).await;
        let other = app.user("fp-other@clinic.example", Role::Clinician).await;
        app.store
            .set_supervisees(&sup.id, std::slice::from_ref(&clin.id), test_event("user.update"), &[])
            .await
            .unwrap();
        let mut org = app.store.organisation().await.unwrap();
        org.require_self_rating = true;
        app.store.update_organisation(&org, test_event("settings.update")).await.unwrap();
        let api = Api::new(&app, &clin).await;
        let client = api.new_client("Rated Person").await;
        let course = api
            .new_course(
                &client,
                json!({"protocol": "ipt-individual", "planned_sessions": 16, "start_date": days_ago(20)}),
            )
            .await;
        let session = api.attended_sessions(&course, &[&days_ago(14)]).await.remove(0);
        let page = format!("/courses/{course}/sessions/{session}");
        let form = format!("{page}/fidelity/new");
        let action = format!("{page}/fidelity");

        let b = app.browser_as(&clin.email).await;
        let (st, html) = b.text(&page).await;
        assert_eq!(st, 200);
        assert!(html.contains("Your self-rating is due") && html.contains(&form), "the clinician is prompted");
        let (st, html) = b.text(&form).await;
        assert_eq!(st, 200);
        assert!(html.contains("ratings.symptom_review") && html.contains("Myself (I ran this session)"));
        assert!(!html.contains("ratings.mood_events"), "only the initial phase's items");

        // A missing item and an item off the scale: named, nothing stored.
        let items = all_items("ipt-adherence", Phase::Initial, "2", Some("sick_role"));
        let r =
            submit_owned(&b, &form, &action, &with(&items, &[("checklist", "ipt-adherence"), ("rater", "self")])).await;
        assert_eq!(r.status(), 422);
        let html = unescape(&r.text().await.unwrap());
        assert!(html.contains("href=\"#ratings.sick_role\"") && html.contains("Item 2: choose a rating"), "{html}");
        let mut items = all_items("ipt-adherence", Phase::Initial, "2", None);
        items[0].1 = "7".into();
        let r =
            submit_owned(&b, &form, &action, &with(&items, &[("checklist", "ipt-adherence"), ("rater", "self")])).await;
        assert_eq!(r.status(), 422);
        let html = r.text().await.unwrap();
        assert!(html.contains("#ratings.symptom_review") && html.contains("go from 0 to 3"), "{html}");
        assert_eq!(app.count(action::FIDELITY_RATE).await, 0, "nothing stored");

        // The self-rating: all 2s.
        let items = all_items("ipt-adherence", Phase::Initial, "2", None);
        let fields =
            with(&items, &[("checklist", "ipt-adherence"), ("rater", "self"), ("comment", "Ran short on time")]);
        let r = submit_owned(&b, &form, &action, &fields).await;
        assert_eq!(r.status(), 303);
        assert_eq!(location(&r), format!("{page}?done=fidelity-rated#fidelity"));
        let (_, html) = b.text(&format!("{page}?done=fidelity-rated")).await;
        assert!(html.contains("Rating saved.") && html.contains("Ran short on time"));
        assert!(!html.contains("Your self-rating is due"));
        assert!(html.contains("Self-rating: fp-clin") || html.contains("Self-rating:"), "{html}");

        // Another clinician: the form and the post are absent.
        let o = app.browser_as(&other.email).await;
        assert_eq!(o.text(&form).await.0, 404);
        let csrf = o.csrf_from("/account").await;
        assert_eq!(
            o.post_form(&action, &[("csrf", csrf.as_str()), ("checklist", "ipt-adherence")]).await.status(),
            404
        );

        // The supervisor rates the same session, one item a point higher.
        let s = app.browser_as(&sup.email).await;
        let (st, html) = s.text(&page).await;
        assert_eq!(st, 200);
        assert!(html.contains(&form) && !html.contains("Your self-rating is due"));
        let (_, html) = s.text(&form).await;
        assert!(html.contains("You are rating as: <strong>Supervisor</strong>"), "{html}");
        let mut items = all_items("ipt-adherence", Phase::Initial, "2", None);
        items[0].1 = "3".into();
        let r =
            submit_owned(&s, &form, &action, &with(&items, &[("checklist", "ipt-adherence"), ("rater", "supervisor")]))
                .await;
        assert_eq!(r.status(), 303);
        let (_, html) = s.text(&page).await;
        let html = unescape(&html);
        assert!(html.contains("data-testid=\"agreement\""), "{html}");
        assert!(
            html.contains("Rated the same on 5 of 6 items (83%); within one point on 6 of 6 items (100%)."),
            "{html}"
        );
        assert_eq!(html.matches("class=\"differs\"").count(), 1, "one item differs");
        assert_eq!(app.count(action::FIDELITY_RATE).await, 2);

        // The course: the summary, and self versus supervisor over time.
        let (_, html) = s.text(&format!("/courses/{course}")).await;
        assert!(
            html.contains("data-testid=\"course-fidelity\"") && html.contains(&format!("/courses/{course}/fidelity"))
        );
        assert!(html.contains("Mean 2.0 (scale 0 to 3)") && html.contains("Mean 2.2 (scale 0 to 3)"), "{html}");
        let (st, html) = s.text(&format!("/courses/{course}/fidelity")).await;
        assert_eq!(st, 200);
        assert!(html.contains("Reviewed the symptoms and gave the depression a name"));
        assert!(html.contains("<strong class=\"differs\">2 / 3</strong>") && html.contains("<svg"), "{html}");
        assert_eq!(o.text(&format!("/courses/{course}/fidelity")).await.0, 404);
    })
    .await;
}

#[tokio::test]
async fn a_group_meeting_is_rated_by_its_facilitator_and_their_supervisor() {
    on_each_backend(|app| async move {
        let admin = app.user("fpg-admin@clinic.example", Role::Admin).await;
        let fac = app.user("fpg-fac@clinic.example", Role::Facilitator).await;
        let sup = app.user("fpg-sup@clinic.example", Role::Supervisor).await;
        let other = app.user("fpg-other@clinic.example", Role::Facilitator).await;
        app.store
            .set_supervisees(&sup.id, std::slice::from_ref(&fac.id), test_event("user.update"), &[])
            .await
            .unwrap();
        let client = app
            .store
            .create_client(
                &rapport_core::client::ClientDetails { display_name: "Group Member".into(), ..Default::default() },
                &fac.id,
                test_event("client.create"),
            )
            .await
            .unwrap();
        let g = NewGroup {
            name: "Rated group".into(),
            site_id: None,
            protocol_id: "ipt-group-who".into(),
            planned_sessions: 8,
            start_date: rapport_app::clock::today(),
            meeting_time: None,
            single_gender: true,
            facilitators: vec![fac.id.clone()],
            created_by: admin.id.clone(),
        };
        let group = app.store.create_group(&g, test_event("group.create")).await.unwrap().id;
        app.store.add_group_member(&group, &client.id, 15, test_event("group.member_add")).await.unwrap();
        let meeting = NewGroupSession {
            group_id: group.clone(),
            number: 1,
            phase: "initial".into(),
            held_on: rapport_app::clock::today(),
            group_note: None,
            task: None,
            agenda_done: vec![],
            recorded_by: fac.id.clone(),
            attendance: vec![NewAttendance { client_id: client.id.clone(), attended: true, note: None }],
        };
        app.store.record_group_session(&meeting, Vec::new(), test_event("group.session_record"), &[]).await.unwrap();
        let page = format!("/groups/{group}/sessions/1");
        let form = format!("{page}/fidelity/new");
        let action = format!("{page}/fidelity");

        let f = app.browser_as(&fac.email).await;
        let (st, html) = f.text(&page).await;
        assert_eq!(st, 200);
        assert!(html.contains("id=\"fidelity-h\"") && html.contains(&form), "{html}");
        let (st, html) = f.text(&form).await;
        assert_eq!(st, 200);
        assert!(html.contains("Every member present rated their mood"), "the group facilitator checklist");
        let items = all_items("group-facilitator", Phase::Initial, "1", None);
        let r =
            submit_owned(&f, &form, &action, &with(&items, &[("checklist", "group-facilitator"), ("rater", "self")]))
                .await;
        assert_eq!(r.status(), 303);
        assert_eq!(location(&r), format!("{page}?done=fidelity-rated#fidelity"));

        let s = app.browser_as(&sup.email).await;
        let (_, html) = s.text(&form).await;
        assert!(html.contains("You are rating as: <strong>Supervisor</strong>"), "{html}");
        let mut items = all_items("group-facilitator", Phase::Initial, "1", None);
        items[1].1 = "0".into();
        let r = submit_owned(
            &s,
            &form,
            &action,
            &with(&items, &[("checklist", "group-facilitator"), ("rater", "supervisor")]),
        )
        .await;
        assert_eq!(r.status(), 303);
        let (_, html) = s.text(&page).await;
        assert!(html.contains("data-testid=\"agreement\"") && html.matches("class=\"differs\"").count() == 1, "{html}");

        let o = app.browser_as(&other.email).await;
        assert_eq!(o.text(&form).await.0, 404);
        assert_eq!(app.count(action::FIDELITY_RATE).await, 2);
    })
    .await;
}

/// A multipart body of the recording form: (content type, body).
fn recording_form(csrf: &str, consent: bool, audio: Option<(&str, &[u8])>) -> (String, Vec<u8>) {
    let boundary = "rapport-test-boundary";
    let mut body = Vec::new();
    let mut field = |name: &str, value: &str| {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes(),
        );
    };
    field("csrf", csrf);
    if consent {
        field("consent", "yes");
    }
    field("consent_note", "Signed form");
    if let Some((ty, data)) = audio {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"audio\"; filename=\"s.mp3\"\r\nContent-Type: {ty}\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(data);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

#[tokio::test]
async fn a_recording_is_uploaded_with_consent_and_played_by_the_supervisor_only() {
    on_each_backend(|app| async move {
        let clin = app.user("fpr-clin@clinic.example", Role::Clinician).await;
        let sup = app.user("fpr-sup@clinic.example", Role::Supervisor).await;
        let other = app.user("fpr-other@clinic.example", Role::Clinician).await;
        app.store
            .set_supervisees(&sup.id, std::slice::from_ref(&clin.id), test_event("user.update"), &[])
            .await
            .unwrap();
        // An administrator turns recordings on (90 days) in Settings.
        let admin = app.user("fpr-admin@clinic.example", Role::Admin).await;
        let a = app.browser_as(&admin.email).await;
        let (_, html) = a.text("/admin/settings").await;
        assert!(html.contains("id=\"recording_retention_days\"") && html.contains("id=\"require_self_rating\""));
        let mut settings = vec![
            ("name", "Recording Clinic"),
            ("idle_timeout_minutes", "30"),
            ("absolute_lifetime_hours", "12"),
            ("break_glass_hours", "4"),
            ("country", "New Zealand"),
            ("crisis_resources", "Emergency: 111"),
            ("supervision_fields", "yes"),
            ("recording_retention_days", "400"),
        ];
        let r = a.submit("/admin/settings", "/admin/settings", &settings).await;
        assert_eq!(r.status(), 422, "a year at most");
        assert!(r.text().await.unwrap().contains("recording_retention_days-error"));
        settings.pop();
        settings.push(("recording_retention_days", "90"));
        assert_eq!(a.submit("/admin/settings", "/admin/settings", &settings).await.status(), 303);
        let org = app.store.organisation().await.unwrap();
        assert_eq!((org.recording_retention_days, org.require_self_rating), (90, false));
        let api = Api::new(&app, &clin).await;
        let client = api.new_client("Recorded Person").await;
        let course = api
            .new_course(
                &client,
                json!({"protocol": "ipt-individual", "planned_sessions": 16, "start_date": days_ago(20)}),
            )
            .await;
        let session = api.attended_sessions(&course, &[&days_ago(14)]).await.remove(0);
        let page = format!("/courses/{course}/sessions/{session}");
        let action = format!("{page}/recordings");
        let b = app.browser_as(&clin.email).await;
        let (_, html) = b.text(&page).await;
        assert!(html.contains("enctype=\"multipart/form-data\"") && html.contains(&action), "{html}");
        let audio: Vec<u8> = (0..5000u32).map(|i| (i % 253) as u8).collect();
        let post = |consent: bool, file: Option<(&'static str, Vec<u8>)>| {
            let b = &b;
            let url = app.url(&action);
            let page = page.clone();
            async move {
                let csrf = b.csrf_from(&page).await;
                let (ty, body) = recording_form(&csrf, consent, file.as_ref().map(|(t, d)| (*t, d.as_slice())));
                b.http.post(url).header("content-type", ty).body(body).send().await.unwrap()
            }
        };

        // Without the consent box, or not audio: the form again, nothing stored.
        let r = post(false, Some(("audio/mpeg", audio.clone()))).await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("Tick the box to confirm the client consented"));
        let r = post(true, Some(("text/plain", audio.clone()))).await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("href=\"#audio\""));
        assert_eq!(app.count(action::RECORDING_UPLOAD).await, 0);

        let r = post(true, Some(("audio/mpeg", audio.clone()))).await;
        assert_eq!(r.status(), 303);
        assert_eq!(location(&r), format!("{page}?done=recording-uploaded#recordings"));
        let (_, html) = b.text(&page).await;
        let src = html.split("<audio controls preload=\"none\" src=\"").nth(1).expect(&html).split('"').next().unwrap();
        assert!(src.starts_with("/recordings/") && src.ends_with("/audio"), "{src}");
        let deleted_on = format_date(Timestamp::now().date() + Duration::days(90));
        assert!(html.contains(&format!("deleted automatically on {deleted_on}")), "{html}");

        // The supervisor plays it (no upload form for them); another clinician gets 404.
        let s = app.browser_as(&sup.email).await;
        let (_, html) = s.text(&page).await;
        assert!(html.contains(src) && !html.contains("enctype=\"multipart/form-data\""));
        let r = s.get(src).await;
        assert_eq!(r.status(), 200);
        assert_eq!(r.headers()["content-type"], "audio/mpeg");
        assert_eq!(r.bytes().await.unwrap().to_vec(), audio);
        let o = app.browser_as(&other.email).await;
        assert_eq!(o.get(src).await.status(), 404);
        assert_eq!(app.count(action::RECORDING_PLAY).await, 1, "the supervisor's play is audited");
        let csrf = o.csrf_from("/account").await;
        let (ty, body) = recording_form(&csrf, true, Some(("audio/mpeg", &audio)));
        let r = o.http.post(app.url(&action)).header("content-type", ty).body(body).send().await.unwrap();
        assert_eq!(r.status(), 404);
    })
    .await;
}
