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
        // Markup in a crisis line is text, never HTML.
        set_crisis_lines(&admin, "<script>x</script> 999").await;
        let (_, help) = me.text("/portal/help").await;
        assert!(help.contains(r#"&lt;script&gt;x&lt;/script&gt; <a class="phone-link" href="tel:999""#), "{help}");
    })
    .await;
}
