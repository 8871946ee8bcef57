//! Layout and first-run fixes of issue 12: crisis numbers as tap-to-call links
//! wherever a client sees them, and the supervisor's caseload (filter by
//! clinician, sort by need, summary per clinician).

use crate::support::*;
use rapport_core::access::Role;
use rapport_core::Id;
use serde_json::json;

const LINES: &str = "Crisis line: 0800 000 000 (free, 24 hours)\nText SHOUT to 85258\nOpen 9:00-17:00";

async fn set_crisis_lines(admin: &Browser, lines: &'static str) {
    let fields = [
        ("name", "Clinic"),
        ("idle_timeout_minutes", "30"),
        ("absolute_lifetime_hours", "12"),
        ("break_glass_hours", "4"),
        ("crisis_resources", lines),
    ];
    assert_eq!(admin.submit("/admin/settings", "/admin/settings", &fields).await.status(), 303);
}

fn assert_linked(page: &str, what: &str) {
    assert!(
        page.contains(r#"<a class="phone-link" href="tel:0800000000" aria-label="Call 0800 000 000">0800 000 000</a> (free, 24 hours)"#),
        "{what}: the crisis line is a tel: link with its text kept: {page}"
    );
    assert!(
        page.contains(r#"Text SHOUT to <a class="phone-link" href="sms:85258""#),
        "{what}: a text line is an sms: link: {page}"
    );
    assert!(page.contains("<li>Open 9:00-17:00</li>"), "{what}: opening hours stay text: {page}");
}

#[tokio::test]
async fn crisis_numbers_are_tap_to_call_links_on_every_client_page() {
    on_each_backend(|app| async move {
        app.user("admin@clinic.example", Role::Admin).await;
        let admin = app.browser_as("admin@clinic.example").await;
        set_crisis_lines(&admin, LINES).await;
        let (clin, api, client) = client_of(&app, "tel@clinic.example").await;
        let cid = Id::parse(&client).unwrap();
        // Portal: help page and the shared safety plan (its contacts too).
        let email = app.portal_account(&cid, &clin.id, "tel@example.org").await;
        let me = app.browser_as(&email).await;
        let (s, help) = me.text("/portal/help").await;
        assert_eq!(s, 200);
        assert_linked(&help, "portal help");
        api.create(
            &format!("/api/v1/clients/{client}/safety-plans"),
            json!({"warning_signs": "Not sleeping", "professionals": "GP surgery 0161 496 0000\nText the crisis team on 07700 900123", "shared_with_client": true}),
        )
        .await;
        let (s, plan) = me.text("/portal/safety-plan").await;
        assert_eq!(s, 200);
        assert_linked(&plan, "safety plan");
        assert!(plan.contains(r#"GP surgery <a class="phone-link" href="tel:01614960000""#), "{plan}");
        assert!(plan.contains(r#"Text the crisis team on <a class="phone-link" href="sms:07700900123""#), "{plan}");
        // A measure link (no account): the form, and the crisis page after a risk answer.
        let staff = app.browser_as(&clin.email).await;
        let link = create_link(&staff, &client, "phq9").await;
        let anon = Browser::new(&app);
        let (_, form) = anon.text(&link).await;
        assert_linked(&form, "measure link form");
        let r = anon.answer(&link, &link, &answers(["0", "0", "0", "0", "0", "0", "0", "0", "2"]), &[]).await;
        assert_eq!(r.status(), 200);
        let done = r.text().await.unwrap();
        assert_linked(&done, "after a risk answer");
        // The link once used: "already sent", styled like the portal, with Help now and the lines.
        let (s, again) = anon.text(&link).await;
        assert_eq!(s, 410, "{again}");
        assert!(again.contains("already been sent") && again.contains(r#"class="portal""#), "{again}");
        assert!(again.contains(r#"<a class="help-now" href="/portal/help""#), "{again}");
        assert_linked(&again, "the used link");
        // Markup in a crisis line is text, never HTML.
        set_crisis_lines(&admin, "<script>x</script> 999").await;
        let (_, help) = me.text("/portal/help").await;
        assert!(help.contains(r#"&lt;script&gt;x&lt;/script&gt; <a class="phone-link" href="tel:999""#), "{help}");
    })
    .await;
}

/// The position of each name in `page` (None when absent).
fn order<'a>(page: &str, names: &[&'a str]) -> Vec<&'a str> {
    let mut found: Vec<(usize, &str)> =
        names.iter().filter_map(|n| page.find(&format!(">{n}</a>")).map(|i| (i, *n))).collect();
    found.sort();
    found.into_iter().map(|(_, n)| n).collect()
}

#[tokio::test]
async fn the_supervisor_filters_the_caseload_by_clinician_and_sorts_it_by_need() {
    on_each_backend(|app| async move {
        let ann = app.user("ann@clinic.example", Role::Clinician).await;
        let bob = app.user("bob@clinic.example", Role::Clinician).await;
        let idle = app.user("idle@clinic.example", Role::Clinician).await;
        let sup = app.user("sup@clinic.example", Role::Supervisor).await;
        app.store
            .set_supervisees(&sup.id, &[ann.id.clone(), bob.id.clone(), idle.id.clone()], test_event("user.update"), &[])
            .await
            .unwrap();
        let a = Api::new(&app, &ann).await;
        let b = Api::new(&app, &bob).await;
        let calm = a.new_client("Aaron Calm").await;
        let overdue = a.new_client("Bella Overdue").await;
        let risk = a.new_client("Zed Risk").await;
        let other = b.new_client("Carl Other").await;
        // Bella: a course with two sessions held and nothing measured (overdue).
        let course = a
            .new_course(&overdue, json!({"protocol": "ipt-individual", "planned_sessions": 12, "start_date": "2026-01-05"}))
            .await;
        a.attended_sessions(&course, &["2026-01-05", "2026-01-12"]).await;
        // Zed: PHQ-9 question 9 answered "several days" (an open risk flag), months ago.
        a.respond(&risk, json!({"instrument": "phq9", "answers": [1, 1, 1, 1, 1, 1, 1, 1, 1], "completed_at": "2026-03-01T10:00:00Z"}))
            .await;
        let _ = calm;
        let names = ["Aaron Calm", "Bella Overdue", "Carl Other", "Zed Risk"];

        let s = app.browser_as("sup@clinic.example").await;
        let (st, page) = s.text("/clients").await;
        assert_eq!(st, 200);
        assert_eq!(order(&page, &names), names, "by name by default");
        assert!(
            page.contains("Clients of the clinicians you supervise, and those whose care team you are on"),
            "the subtitle says whose clients these are: {page}"
        );
        // The summary line per clinician (by name; the one with no clients is not listed).
        let summary = &page[page.find(r#"data-testid="clinician-summary""#).expect("summary")..];
        let summary = &summary[..summary.find("</ul>").unwrap()];
        assert!(summary.contains(">Test ann@clinic.example</a>: 3 clients · 1 open risk flag · 2 overdue measures"), "{summary}");
        assert!(summary.contains(">Test bob@clinic.example</a>: 1 client · 0 open risk flags · 0 overdue measures"), "{summary}");
        assert!(!summary.contains("idle@"), "{summary}");
        assert!(summary.find("ann@").unwrap() < summary.find("bob@").unwrap());

        // By need: risk, then overdue, then the rest by name.
        let (_, need) = s.text("/clients?sort=need").await;
        assert_eq!(order(&need, &names), ["Zed Risk", "Bella Overdue", "Aaron Calm", "Carl Other"], "{need}");
        assert!(need.contains(r#"<option value="need" selected>"#));

        // Filter by clinician, and both at once.
        let (_, bobs) = s.text(&format!("/clients?clinician={}", bob.id)).await;
        assert_eq!(order(&bobs, &names), ["Carl Other"]);
        assert!(bobs.contains("Clients Test bob@clinic.example is responsible for"), "{bobs}");
        assert!(bobs.contains("1 client · Test bob@clinic.example"), "{bobs}");
        let (_, anns) = s.text(&format!("/clients?clinician={}&sort=need", ann.id)).await;
        assert_eq!(order(&anns, &names), ["Zed Risk", "Bella Overdue", "Aaron Calm"]);
        // The htmx fragment keeps the filter and the sort in its page links.
        // Bad input names the field.
        let r = s.get("/clients?clinician=not-an-id").await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("Choose a clinician from the list"));
        let r = s.get("/clients?sort=shoe-size").await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("Sort by name or by need"));
        // The audit names only the clients shown.
        let entries = app.audit_entries("client.list").await;
        let filtered = entries
            .iter()
            .filter_map(|e| e.event.detail.clone())
            .find(|d| d.contains(&format!("clinician {}", ann.id)) && d.contains("by need"))
            .expect("the filtered, sorted view is audited");
        assert!(filtered.starts_with("3 of 3 active clients shown") && !filtered.contains(&other), "{filtered}");
        // A clinician with one responsible clinician in view sees no filter and their own subtitle.
        let ab = app.browser_as("ann@clinic.example").await;
        let (_, own) = ab.text("/clients").await;
        assert!(!own.contains(r#"id="clinician""#) && !own.contains("clinician-summary"), "{own}");
        assert!(own.contains("Clients whose care team you are on"));
    })
    .await;
}

#[tokio::test]
async fn charts_number_only_held_sessions_and_the_client_sees_no_clinical_markers() {
    on_each_backend(|app| async move {
        let (clin, api, client) = client_of(&app, "chart@clinic.example").await;
        let course = api
            .new_course(
                &client,
                json!({"protocol": "ipt-individual", "planned_sessions": 12, "start_date": "2026-01-05"}),
            )
            .await;
        api.attended_sessions(&course, &["2026-01-05"]).await;
        api.new_session(&course, json!({"date": "2026-01-12", "attendance": "cancelled"})).await;
        api.attended_sessions(&course, &["2026-01-19"]).await;
        api.create(
            &format!("/api/v1/clients/{client}/timeline"),
            json!({"date": "2025-06-01", "category": "move", "title": "Moved house"}),
        )
        .await;
        api.create(
            &format!("/api/v1/clients/{client}/timeline"),
            json!({"date": "2026-01-10", "category": "conflict", "title": "Row with Sam"}),
        )
        .await;
        for (at, answers) in [
            ("2026-01-04T10:00:00Z", json!([3, 3, 2, 2, 2, 2, 2, 2, 0])),
            // On the day of the cancelled session: no session number, placed by its date.
            ("2026-01-12T10:00:00Z", json!([2, 2, 2, 2, 2, 2, 1, 1, 0])),
            ("2026-01-18T10:00:00Z", json!([2, 2, 1, 1, 1, 1, 1, 1, 0])),
        ] {
            api.respond(
                &client,
                json!({"instrument": "phq9", "answers": answers, "completed_at": at, "course_id": course}),
            )
            .await;
        }
        let staff = app.browser_as(&clin.email).await;
        let (_, page) = staff.text(&format!("/clients/{client}/measures?course={course}")).await;
        let svg = &page[page.find("class=\"measure-chart").expect("chart")..];
        let svg = &svg[..svg.find("</svg>").unwrap()];
        assert!(svg.contains(">S1<") && svg.contains(">S2<") && !svg.contains(">S3<"), "{svg}");
        assert!(svg.contains(">12 Jan<"), "the cancelled day's score is labelled by date: {svg}");
        // Events keep the timeline table's numbers: the move (1) is before the scores.
        assert!(svg.contains("Event 2, 10 Jan: Row with Sam") && !svg.contains("Event 1,"), "{svg}");
        let (_, timeline) = staff.text(&format!("/courses/{course}/timeline")).await;
        assert!(timeline.contains("event 2</span>") || timeline.contains(">2</td>"), "{timeline}");

        // The client's chart: scores and named bands, no caseness line, no numbered events, narrow.
        let cid = Id::parse(&client).unwrap();
        let email = app.portal_account(&cid, &clin.id, "chart@example.org").await;
        let me = app.browser_as(&email).await;
        let (s, progress) = me.text("/portal/progress").await;
        assert_eq!(s, 200);
        assert!(
            progress.contains("measure-chart client-chart") && progress.contains(r#"viewBox="0 0 400 "#),
            "{progress}"
        );
        assert!(!progress.to_lowercase().contains("caseness") && !progress.contains("Event "), "{progress}");
        assert!(progress.contains("Sunday 18 January 2026"), "portal dates in the long form: {progress}");
    })
    .await;
}
