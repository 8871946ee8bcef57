//! Kiosk mode: a clinician hands their signed-in browser to a client, which
//! then shows only that client's due questionnaires until the clinician's PIN.
//! The clinicians here are 40 days old (`TestApp::user`), as real accounts are.

use crate::support::*;
use rapport_core::access::Role;
use rapport_core::audit::action;
use rapport_store::measures::Mode;

const PIN: &str = "2580";

/// Sets `pin` on the account page: the response.
async fn set_pin(b: &Browser, pin: &str, confirm: &str, password: &str) -> reqwest::Response {
    b.submit("/account", "/account/kiosk-pin", &[("pin", pin), ("pin_confirm", confirm), ("pin_password", password)])
        .await
}

/// Hands the browser over for `client` (with these picked questionnaires): the response.
async fn hand_over(b: &Browser, client: &str, picked: &[&str]) -> reqwest::Response {
    let page = format!("/clients/{client}/kiosk");
    let fields: Vec<(&str, &str)> = picked.iter().map(|p| ("instruments", *p)).collect();
    b.submit(&page, &page, &fields).await
}

/// A clinician with a PIN, signed in, and a client whose PHQ-9 and GAD-7 are
/// due: (browser, client id, clinician).
async fn ready(app: &TestApp, email: &str) -> (Browser, String, rapport_store::users::User) {
    let (user, _api, client, _course) = client_with_course(app, email).await;
    let b = app.browser_as(email).await;
    assert_eq!(set_pin(&b, PIN, PIN, PASSWORD).await.status(), 303);
    (b, client, user)
}

#[tokio::test]
async fn the_pin_rules_name_the_field_and_the_pin_is_stored_hashed() {
    on_each_backend(|app| async move {
        let user = app.user("pin@example.org", Role::Clinician).await;
        assert!(rapport_core::Timestamp::now().since(user.created_at) > time::Duration::days(30), "an old account");
        let b = app.browser_as("pin@example.org").await;
        let (_, page) = b.text("/account").await;
        assert!(page.contains("Kiosk PIN") && page.contains("Not set"), "the account page offers a PIN");

        for (pin, confirm, password, field, words) in [
            ("1234", "1234", PASSWORD, "pin", "simple sequence"),
            ("9876", "9876", PASSWORD, "pin", "simple sequence"),
            ("7777", "7777", PASSWORD, "pin", "one digit repeated"),
            ("25", "25", PASSWORD, "pin", "4 to 8 digits"),
            ("25a0", "25a0", PASSWORD, "pin", "digits only"),
            ("2580", "2581", PASSWORD, "pin_confirm", "do not match"),
            ("2580", "2580", "not-my-password", "pin_password", "not right"),
        ] {
            let r = set_pin(&b, pin, confirm, password).await;
            assert_eq!(r.status(), 422, "{pin}/{confirm} refused");
            let body = r.text().await.unwrap();
            assert!(body.contains(&format!("id=\"{field}-error\"")), "{pin}: the error is on {field}");
            assert!(body.contains(words), "{pin}: {words}");
        }
        assert_eq!(app.store.kiosk_pin_hash(&user.id).await.unwrap(), None, "nothing stored when refused");

        let r = set_pin(&b, " 25 80 ", "2580", PASSWORD).await;
        assert_eq!(r.status(), 303);
        assert_eq!(location(&r), "/account?done=kiosk-pin");
        let phc = app.store.kiosk_pin_hash(&user.id).await.unwrap().unwrap();
        assert!(phc.starts_with("$argon2") && !phc.contains("2580"), "hashed with the password hasher");
        assert_eq!(app.count(action::KIOSK_PIN_SET).await, 1);
        let (_, page) = b.text("/account").await;
        assert!(page.contains("Change kiosk PIN"));
        // Changing it asks for the password again.
        assert_eq!(set_pin(&b, "4719", "4719", "").await.status(), 422);
        assert_eq!(set_pin(&b, "4719", "4719", PASSWORD).await.status(), 303);
        assert_ne!(app.store.kiosk_pin_hash(&user.id).await.unwrap().unwrap(), phc);
    })
    .await;
}

#[tokio::test]
async fn handing_over_without_a_pin_says_where_to_set_one() {
    on_each_backend(|app| async move {
        let (_, _, client, _) = client_with_course(&app, "nopin@example.org").await;
        let b = app.browser_as("nopin@example.org").await;
        let (status, page) = b.text(&format!("/clients/{client}")).await;
        assert_eq!(status, 200);
        assert!(page.contains(&format!("href=\"/clients/{client}/kiosk\"")), "the client page offers the hand-over");
        let (_, page) = b.text(&format!("/clients/{client}/kiosk")).await;
        assert!(page.contains("Set a kiosk PIN") && page.contains("href=\"/account#kiosk-pin\""));
        let r = hand_over(&b, &client, &[]).await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("Set a kiosk PIN on your account page"));
        assert_eq!(b.get("/clients").await.status(), 200, "not locked");
        assert_eq!(app.count(action::KIOSK_START).await, 0);
    })
    .await;
}

#[tokio::test]
async fn a_locked_session_refuses_every_staff_address_and_the_api() {
    on_each_backend(|app| async move {
        let (b, client, user) = ready(&app, "lock@example.org").await;
        let r = hand_over(&b, &client, &[]).await;
        assert_eq!((r.status().as_u16(), location(&r)), (303, "/kiosk".to_string()));
        assert_eq!(app.count(action::KIOSK_START).await, 1);

        for path in ["/", "/clients", &format!("/clients/{client}"), "/account", "/risk-flags", "/login"] {
            let r = b.get(path).await;
            assert_eq!((r.status().as_u16(), location(&r)), (303, "/kiosk".to_string()), "{path} refused");
        }
        // A form post (with the right CSRF token) goes nowhere either, nor does signing out.
        let csrf = b.csrf_from("/kiosk").await;
        let r = b.post_form("/clients/new", &[("display_name", "Sneaky"), ("csrf", &csrf)]).await;
        assert_eq!((r.status().as_u16(), location(&r)), (303, "/kiosk".to_string()));
        let r = b.post_form("/logout", &[("csrf", csrf.as_str())]).await;
        assert_eq!(location(&r), "/kiosk");
        // The API with the session cookie, and even with a bearer token beside it.
        let r = b.get("/api/v1/clients").await;
        assert_eq!(r.status(), 403);
        assert!(r.text().await.unwrap().contains("kiosk mode"));
        let token = app.token_for(&user).await;
        let r = b.http.get(app.url("/api/v1/clients")).bearer_auth(&token).send().await.unwrap();
        assert_eq!(r.status(), 403, "a locked cookie refuses the API whatever else is sent");
        // Without the cookie the token still works: the lock is this browser's only.
        assert_eq!(Api::with_token(&app, &token).get("/api/v1/clients").await.0, 200);

        // The kiosk shows the first questionnaire due, survives reloads, and has Help now.
        for _ in 0..2 {
            let (status, page) = b.text("/kiosk").await;
            assert_eq!(status, 200);
            assert!(page.contains("action=\"/kiosk/measures/phq9\"") && page.contains("and 1 more"));
            assert!(page.contains("href=\"/kiosk/help\"") && page.contains("Return to clinician"));
            assert!(!page.contains("/clients"), "no way to the caseload or other clients");
        }
        let (_, help) = b.text("/kiosk/help").await;
        assert!(help.contains("Samaritans") || help.contains("crisis-list"));
        // The clinician's other browser is not locked.
        let desk = app.browser_as("lock@example.org").await;
        assert_eq!(desk.get("/clients").await.status(), 200);
        assert_eq!(b.get("/clients").await.status(), 303, "still locked");
    })
    .await;
}

#[tokio::test]
async fn a_positive_item_9_on_the_kiosk_raises_the_flag_as_anywhere_else() {
    on_each_backend(|app| async move {
        let (b, client, user) = ready(&app, "flag@example.org").await;
        assert_eq!(hand_over(&b, &client, &[]).await.status(), 303);
        let items = answers(["1", "1", "2", "1", "0", "1", "1", "0", "2"]);
        let r = b.answer("/kiosk", "/kiosk/measures/phq9", &items, &[("extra_1", "1")]).await;
        assert_eq!(r.status(), 200);
        let page = r.text().await.unwrap();
        assert!(page.contains("Thank you") && page.contains("You do not have to cope alone"));
        assert!(!page.contains("score") && !page.contains(">9<") && !page.contains("mild"), "no scores for the client");
        assert!(page.contains("Next questionnaire"), "the GAD-7 is next");

        let flags = app.open_flags(&client).await;
        assert_eq!(flags.len(), 1, "a flag, as from any other face");
        assert_eq!(flags[0].responsible_clinician_id, user.id, "routed to the responsible clinician");
        assert_eq!(flags[0].instrument_id.as_deref(), Some("phq9"));
        let rows = app.store.responses(&rapport_core::Id::parse(&client).unwrap()).await.unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!((rows[0].total, rows[0].entered_by.clone()), (Some(9), Some(user.id.clone())));
        assert_eq!(rows[0].mode, Mode::InSession.as_str());
        assert!(rows[0].course_id.is_some(), "filed under the open course");
        let entry = app.audit_entries(action::MEASURE_RECORD).await.pop().unwrap();
        assert!(entry.event.detail.unwrap().contains("entered by the client on the clinician's device"));
        assert!(entry.event.actor_label.contains("kiosk"));

        // A second post of the same form (double tap) stores nothing more.
        let r = b.answer("/kiosk", "/kiosk/measures/phq9", &items, &[]).await;
        assert_eq!(location(&r), "/kiosk");
        let (_, page) = b.text("/kiosk").await;
        assert!(page.contains("action=\"/kiosk/measures/gad7\""));
        let r = b.answer("/kiosk", "/kiosk/measures/gad7", &answers(["0", "1", "0", "1", "0", "0", "1"]), &[]).await;
        assert_eq!(r.status(), 200);
        let page = r.text().await.unwrap();
        assert!(page.contains("no more questionnaires") && !page.contains("cope alone"));
        assert_eq!(app.store.responses(&rapport_core::Id::parse(&client).unwrap()).await.unwrap().len(), 2);

        // Back to the clinician: the flag is there, on the usual page.
        let r = b.submit("/kiosk/unlock", "/kiosk/unlock", &[("pin", PIN)]).await;
        assert_eq!(location(&r), format!("/clients/{client}/measures?done=kiosk-returned"));
        assert_eq!(app.count(action::KIOSK_UNLOCK).await, 1);
        let (status, page) = b.text(&location(&r)).await;
        assert_eq!(status, 200);
        assert!(page.contains("kiosk mode ended"));
        let (_, flags_page) = b.text("/risk-flags").await;
        assert!(flags_page.contains("Course Client"), "on the clinician's risk flags page");
    })
    .await;
}

#[tokio::test]
async fn five_wrong_pins_end_the_staff_session() {
    on_each_backend(|app| async move {
        let (b, client, _) = ready(&app, "wrong@example.org").await;
        assert_eq!(hand_over(&b, &client, &[]).await.status(), 303);
        for n in 1..=4 {
            let r = b.submit("/kiosk/unlock", "/kiosk/unlock", &[("pin", "1357")]).await;
            assert_eq!(r.status(), 401, "wrong PIN {n}");
            let body = r.text().await.unwrap();
            assert!(body.contains("id=\"pin-error\""));
            if n == 4 {
                assert!(body.contains("One more wrong PIN signs you out"));
            } else {
                assert!(body.contains(&format!("{} of 5 tries are left", 5 - n)));
            }
            assert_eq!(b.get("/clients").await.status(), 303, "still locked after {n}");
        }
        let r = b.submit("/kiosk/unlock", "/kiosk/unlock", &[("pin", "")]).await;
        assert_eq!(location(&r), "/login?done=kiosk-signed-out", "an empty PIN counts too");
        let failures = app.audit_entries(action::KIOSK_PIN_FAILED).await;
        assert_eq!(failures.len(), 5);
        assert!(failures.iter().any(|e| e.event.detail.as_deref().unwrap_or("").contains("5 of 5")));
        // Signed out entirely: sign-in needed, even with the right PIN now.
        let r = b.get("/clients").await;
        assert!(location(&r).starts_with("/login"), "sign-in needed: {}", location(&r));
        let r = b.get("/kiosk").await;
        assert!(location(&r).starts_with("/login"));
        let left = app.scalar("SELECT COUNT(*) AS n FROM sessions WHERE kiosk_client_id IS NOT NULL", &[]).await;
        assert_eq!(left, 0);
        assert_eq!(app.count(action::KIOSK_UNLOCK).await, 0);
    })
    .await;
}

#[tokio::test]
async fn with_nothing_due_the_clinician_picks_what_to_offer() {
    on_each_backend(|app| async move {
        let _ = app.user("pick@example.org", Role::Clinician).await;
        let b = app.browser_as("pick@example.org").await;
        assert_eq!(set_pin(&b, PIN, PIN, PASSWORD).await.status(), 303);
        // A client without a course: nothing scheduled.
        let client = b.new_client("Months Client").await.to_string();
        let (_, page) = b.text(&format!("/clients/{client}/kiosk")).await;
        assert!(page.contains("Nothing is due now") && page.contains("name=\"instruments\" value=\"gad7\""));
        let r = hand_over(&b, &client, &[]).await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("choose at least one questionnaire"));
        let r = hand_over(&b, &client, &["not-an-instrument"]).await;
        assert_eq!(r.status(), 422);
        assert_eq!(b.get("/clients").await.status(), 200, "nothing locked by a refused hand-over");
        let r = hand_over(&b, &client, &["gad7"]).await;
        assert_eq!(location(&r), "/kiosk");
        let (_, page) = b.text("/kiosk").await;
        assert!(page.contains("action=\"/kiosk/measures/gad7\"") && page.contains("this questionnaire"));
        // Another client's questionnaire cannot be reached through the kiosk.
        let r = b.answer("/kiosk", "/kiosk/measures/phq9", &answers(["0"; 9]), &[]).await;
        assert_eq!(location(&r), "/kiosk");
        // Blank answers are asked about once, as in the portal.
        let r = b
            .answer("/kiosk", "/kiosk/measures/gad7", &answers([Some("1"), None, None, None, None, None, None]), &[])
            .await;
        assert_eq!(r.status(), 200);
        assert!(r.text().await.unwrap().contains("Send anyway"));
        assert!(app.store.responses(&rapport_core::Id::parse(&client).unwrap()).await.unwrap().is_empty());
    })
    .await;
}

#[tokio::test]
async fn a_course_months_old_gets_its_overdue_questionnaires_and_a_deactivated_clinician_loses_the_kiosk() {
    on_each_backend(|app| async move {
        let (user, api, client) = client_of(&app, "old@example.org").await;
        let fmt = |days: i64| {
            rapport_core::time::format_date(rapport_core::Timestamp::now().date() - time::Duration::days(days))
        };
        // A course started five months ago, with sessions held and no answers since.
        let (start, held_1, held_2) = (fmt(150), fmt(140), fmt(7));
        let course = api
            .new_course(
                &client,
                serde_json::json!({"protocol": "ipt-individual", "planned_sessions": 16, "start_date": start}),
            )
            .await;
        api.attended_sessions(&course, &[&held_1, &held_2]).await;
        let b = app.browser_as("old@example.org").await;
        assert_eq!(set_pin(&b, PIN, PIN, PASSWORD).await.status(), 303);
        let (_, page) = b.text(&format!("/clients/{client}/kiosk")).await;
        assert!(page.contains("Due now") && page.contains("Patient Health Questionnaire-9"), "overdue ones are due");
        assert_eq!(hand_over(&b, &client, &["gad7"]).await.status(), 303);
        let (_, page) = b.text("/kiosk").await;
        assert!(page.contains("action=\"/kiosk/measures/phq9\""), "what is due wins over a pick");
        let r = b
            .answer("/kiosk", "/kiosk/measures/phq9", &answers(["0", "1", "0", "1", "0", "0", "0", "0", "0"]), &[])
            .await;
        assert_eq!(r.status(), 200);
        let rows = app.store.responses(&rapport_core::Id::parse(&client).unwrap()).await.unwrap();
        assert_eq!(rows[0].course_id.as_deref(), Some(course.as_str()), "filed under the months-old course");
        assert!(app.open_flags(&client).await.is_empty(), "item 9 'Not at all' raises nothing");

        // The clinician's account is deactivated meanwhile: the locked browser is signed out.
        let _ = app.user("boss@example.org", Role::Admin).await;
        let admin = app.browser_as("boss@example.org").await;
        // (Responsible for a client with an open course: the client is handed to a colleague first.)
        let other = app.user("colleague@example.org", Role::Clinician).await;
        let page = format!("/admin/users/{}/reassign", user.id);
        let r = admin.submit(&page, &page, &[("to_all", other.id.as_str()), ("deactivate", "yes")]).await;
        assert_eq!(r.status(), 303);
        let r = b.get("/kiosk").await;
        assert!(location(&r).starts_with("/login"), "sign-in needed: {}", location(&r));
    })
    .await;
}
