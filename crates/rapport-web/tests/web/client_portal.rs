//! The client portal: invitations, client accounts and their confinement,
//! questionnaires in the portal (and the risk loop), sharing, the diary and
//! reflections, and the care team's portal page.

use crate::matrix::{e, Entry};
use crate::support::*;
use rapport_core::audit::action;
use rapport_core::Id;
use reqwest::Method as M;
use serde_json::json;

pub fn matrix_entries() -> Vec<Entry> {
    vec![
        // The doors are open to everyone (a signed-in caller is sent home, bad forms get 422).
        e(M::GET, "/portal/login", "/portal/login", "AAAAAA"),
        e(M::POST, "/portal/login", "/portal/login", "AAAAAA"),
        e(M::GET, "/portal/join", "/portal/join", "AAAAAA"),
        e(M::POST, "/portal/join", "/portal/join", "AAAAAA"),
        e(M::GET, "/portal/help", "/portal/help", "AAAAAA"),
        // The client's own pages: staff see nothing there (the 6th caller is the client).
        e(M::GET, "/portal", "/portal", "LNNNNA"),
        // Nothing is due for the matrix client (no course): 404 for the client too.
        e(M::GET, "/portal/measures/{instrument}", "/portal/measures/phq9", "LNNNNN"),
        e(M::POST, "/portal/measures/{instrument}", "/portal/measures/phq9", "LNNNNN"),
        e(M::GET, "/portal/progress", "/portal/progress", "LNNNNA"),
        // The plan is not shared with the matrix client: absent for them as well.
        e(M::GET, "/portal/plan", "/portal/plan", "LNNNNN"),
        e(M::POST, "/portal/plan/reflections", "/portal/plan/reflections", "LNNNNN"),
        e(M::GET, "/portal/diary", "/portal/diary", "LNNNNA"),
        e(M::POST, "/portal/diary", "/portal/diary", "LNNNNA"),
        e(M::GET, "/portal/safety-plan", "/portal/safety-plan", "LNNNNN"),
        e(M::GET, "/portal/password", "/portal/password", "LNNNNA"),
        // An empty form is refused (422) for the client.
        e(M::POST, "/portal/password", "/portal/password", "LNNNNA"),
        // The care team's side.
        e(M::GET, "/clients/{id}/portal", "/clients/{client}/portal", "LNAAN"),
        e(M::POST, "/clients/{id}/portal/invite", "/clients/{client}/portal/invite", "LNAAN"),
        // Only the responsible clinician resets portal access: the supervisor gets 403.
        e(M::POST, "/clients/{id}/portal/reset", "/clients/{client}/portal/reset", "LNFAN"),
        e(
            M::POST,
            "/clients/{id}/portal/invites/{invite_id}/revoke",
            "/clients/{client}/portal/invites/{random}/revoke",
            "LNAAN",
        ),
        e(M::POST, "/clients/{id}/portal/sharing", "/clients/{client}/portal/sharing", "LNAAN"),
        // On another client of the same clinician, so the matrix client's own account stays on.
        e(M::POST, "/clients/{id}/portal/disable", "/clients/{portal_client}/portal/disable", "LNAAN"),
    ]
}

/// `{portal_client}`: another client of `clinician`, with a portal account.
pub async fn matrix_fixtures(app: &TestApp, clinician: &Id, out: &mut Vec<(&'static str, String)>) {
    let details = rapport_core::client::ClientDetails { display_name: "Portal Matrix".into(), ..Default::default() };
    let c = app.store.create_client(&details, clinician, test_event(action::CLIENT_CREATE)).await.unwrap();
    app.portal_account(&c.id, clinician, "matrix.other@example.org").await;
    out.push(("{portal_client}", c.id.to_string()));
}

/// Performs every portal action once (for the every-audited-action test).
pub async fn exercise_every_action(app: &TestApp, x: &Browser, client: &str) {
    let page = format!("/clients/{client}/portal");
    let code = printed_invite(x, client).await;
    // A wrong code (audited as a failed join), then the right one.
    let (_, r) = join(app, "ZZZZ-ZZZZ-ZZZZ", "audit.client@example.org").await;
    assert_eq!(r.status(), 422);
    let (me, r) = join(app, &code, "audit.client@example.org").await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        x.submit(&page, &format!("{page}/sharing"), &[("show_chart", "1"), ("share_plan", "1")]).await.status(),
        303
    );
    assert_eq!(me.get("/portal").await.status(), 200);
    let r = me.submit("/portal", "/portal/language", &[("language", "en")]).await;
    assert_eq!(r.status(), 303);
    let r = me.submit("/portal/diary", "/portal/diary", &[("date", &today()), ("mood", "5")]).await;
    assert_eq!(r.status(), 303);
    let r = me.submit("/portal/plan", "/portal/plan/reflections", &[("topic", "goals"), ("body", "More walks")]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(x.get(&page).await.status(), 200);
    // A reset code from the responsible clinician (withdrawn), then the account turned off.
    let r = x.submit(&page, &format!("{page}/reset"), &[("delivery", "print")]).await;
    assert_eq!(r.status(), 200);
    let invite = app.store.client_portal_invites(&Id::parse(client).unwrap()).await.unwrap()[0].id.clone();
    let r = x.submit(&page, &format!("{page}/invites/{invite}/revoke"), &[]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(x.submit(&page, &format!("{page}/disable"), &[]).await.status(), 303);
}

#[tokio::test]
async fn an_invited_client_joins_answers_a_due_phq9_and_a_risk_answer_raises_one_flag() {
    on_each_backend(|app| async move {
        let (clin, _, client, course) = client_with_course(&app, "portal1@clinic.example").await;
        let cid = Id::parse(&client).unwrap();
        let staff = app.browser_as(&clin.email).await;
        let (s, page) = staff.text(&format!("/clients/{client}/portal")).await;
        assert_eq!(s, 200);
        assert!(page.contains("No portal account yet"));
        let code = printed_invite(&staff, &client).await;
        assert_eq!(code.len(), 14, "{code}");

        // Bad input: each field named, nothing created.
        let b = Browser::new(&app);
        let r = b
            .submit("/portal/join", "/portal/join", &[("code", "1234"), ("email", "nope"), ("password", "short")])
            .await;
        assert_eq!(r.status(), 422);
        let body = r.text().await.unwrap();
        for field in ["#code", "#email", "#password"] {
            assert!(body.contains(&format!("href=\"{field}\"")), "{field} named: {body}");
        }
        assert!(app.store.client_portal_account(&cid).await.unwrap().is_none());

        // The code is typed in lower case with spaces: still accepted.
        let typed = code.to_lowercase().replace('-', " ");
        let (me, r) = join(&app, &typed, "Portal.One@Example.org").await;
        assert_eq!(r.status(), 303, "{:?}", r.text().await);
        let account = app.store.client_portal_account(&cid).await.unwrap().unwrap();
        assert_eq!(account.email, "portal.one@example.org");
        // Used once: the same code is refused afterwards, by name.
        let (_, r) = join(&app, &code, "someone.else@example.org").await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("already been used"));

        // Home: both scheduled questionnaires are due, and crisis help is one tap away.
        let (s, home) = me.text("/portal").await;
        assert_eq!(s, 200);
        assert!(home.contains("/portal/measures/phq9") && home.contains("/portal/measures/gad7"), "{home}");
        assert!(home.contains("href=\"/portal/help\""));

        // A blank answer is asked about once; nothing is stored until the client confirms.
        let phq9 = "/portal/measures/phq9";
        let r = me.answer(phq9, phq9, &answers(["0"; 8]), &[]).await;
        assert_eq!(r.status(), 200);
        let page = r.text().await.unwrap();
        assert!(page.contains("data-testid=\"blank-prompt\"") && page.contains("You left question 9 blank"), "{page}");
        assert!(page.contains("name=\"send_anyway\" value=\"1\"") && page.contains("Send anyway"));
        assert!(app.store.responses(&cid).await.unwrap().is_empty());

        // Item 9 = 2: crisis resources, no score, exactly one open flag for the clinician.
        let items = answers(["0", "0", "0", "0", "0", "0", "0", "0", "2"]);
        let r = me.answer(phq9, phq9, &items, &[("extra_1", "1")]).await;
        assert_eq!(r.status(), 200);
        let done = r.text().await.unwrap();
        assert!(done.contains("You do not have to cope alone"));
        // No crisis lines were set up: the generic emergency line, never another country's numbers.
        assert!(done.contains(rapport_store::org::GENERIC_CRISIS_LINE) && !done.contains("Samaritans"));
        assert!(!done.contains("Total") && !done.contains("moderate"), "no score shown");
        let responses = app.store.responses(&cid).await.unwrap();
        assert_eq!(responses.len(), 1);
        assert_eq!(responses[0].mode, "portal");
        assert_eq!(responses[0].course_id.as_deref(), Some(course.as_str()));
        let flags = app.store.client_risk_flags(&cid).await.unwrap();
        assert_eq!(flags.len(), 1);
        let (_, risk) = staff.text("/risk-flags").await;
        assert!(risk.contains(&format!("/risk-flags/{}", flags[0].id)));
        // PHQ-9 is no longer due; answering it again is refused (404), nothing stored.
        let (_, home) = me.text("/portal").await;
        assert!(!home.contains("/portal/measures/phq9"));
        let r = me.answer("/portal/help", phq9, &items, &[("extra_1", "1")]).await;
        assert_eq!(r.status(), 404);
        assert_eq!(app.store.responses(&cid).await.unwrap().len(), 1);
        assert!(app.count(action::PORTAL_READ).await >= 2);
    })
    .await;
}

#[tokio::test]
async fn a_client_account_reaches_only_its_own_portal() {
    on_each_backend(|app| async move {
        let (clin, api, client) = client_of(&app, "portal2@clinic.example").await;
        let cid = Id::parse(&client).unwrap();
        let email = app.portal_account(&cid, &clin.id, "iso@example.org").await;
        let me = app.browser_as(&email).await;
        // Signing in at the staff page lands in the portal.
        let r = me.get("/").await;
        assert_eq!(location(&r), "/portal");
        for path in [
            "/clients".to_string(),
            format!("/clients/{client}"),
            format!("/clients/{client}/portal"),
            "/risk-flags".into(),
            "/account".into(),
            "/admin/users".into(),
        ] {
            assert_eq!(me.get(&path).await.status(), 404, "{path}");
        }
        // Even with an API token, a client account reaches no API route.
        let user = app.store.user_by_email(&email).await.unwrap().unwrap().0;
        let token = app.token_for(&user).await;
        let r = me.http.get(app.url(&format!("/api/v1/clients/{client}"))).bearer_auth(&token).send().await.unwrap();
        assert_eq!(r.status(), 404);
        // Staff do not see the portal pages, and client accounts are not staff accounts.
        let staff = app.browser_as(&clin.email).await;
        assert_eq!(staff.get("/portal").await.status(), 404);
        let admin = app.user("portal-admin@clinic.example", rapport_core::access::Role::Admin).await;
        let admin = app.browser_as(&admin.email).await;
        assert!(!admin.text("/admin/users").await.1.contains(&email));
        assert_eq!(admin.get(&format!("/admin/users/{}", user.id)).await.status(), 404);
        // Another client's diary is not this client's: entries land on their own record only.
        let other = Id::parse(&api.new_client("Other Client").await).unwrap();
        let r = me.submit("/portal/diary", "/portal/diary", &[("date", &today()), ("mood", "7")]).await;
        assert_eq!(r.status(), 303);
        assert_eq!(app.store.diary_entries(&cid, None, None, 10).await.unwrap().len(), 1);
        assert!(app.store.diary_entries(&other, None, None, 10).await.unwrap().is_empty());
        // The client changes their own password (the current one is checked first).
        let wrong = [
            ("current_password", "not it at all"),
            ("new_password", "a new long passphrase 7"),
            ("new_password_confirm", "a new long passphrase 7"),
        ];
        let r = me.submit("/portal/password", "/portal/password", &wrong).await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("href=\"#current_password\""));
        let right = [
            ("current_password", PASSWORD),
            ("new_password", "a new long passphrase 7"),
            ("new_password_confirm", "a new long passphrase 7"),
        ];
        let r = me.submit("/portal/password", "/portal/password", &right).await;
        assert_eq!(location(&r), "/portal?done=password");
        assert_eq!(Browser::new(&app).login(&email, "a new long passphrase 7").await.status(), 303);
        // Turned off by the care team: signed out at once, and cannot sign in.
        let page = format!("/clients/{client}/portal");
        assert_eq!(staff.submit(&page, &format!("{page}/disable"), &[]).await.status(), 303);
        let r = me.get("/portal").await;
        assert_eq!(location(&r), "/portal/login");
        let again = Browser::new(&app);
        assert_eq!(again.login(&email, "a new long passphrase 7").await.status(), 401);
    })
    .await;
}

#[tokio::test]
async fn sharing_controls_the_chart_plan_and_safety_plan_and_the_client_writes_back() {
    on_each_backend(|app| async move {
        let (clin, api, client) = client_of(&app, "portal3@clinic.example").await;
        let cid = Id::parse(&client).unwrap();
        let email = app.portal_account(&cid, &clin.id, "share@example.org").await;
        let me = app.browser_as(&email).await;
        let staff = app.browser_as(&clin.email).await;
        let page = format!("/clients/{client}/portal");
        // Default: chart shown, plan and safety plan not shared.
        let (_, home) = me.text("/portal").await;
        assert!(
            home.contains("/portal/progress")
                && !home.contains("/portal/plan")
                && !home.contains("/portal/safety-plan")
        );
        assert_eq!(me.get("/portal/plan").await.status(), 404);
        assert_eq!(me.get("/portal/safety-plan").await.status(), 404);
        // Hide the chart, share the plan.
        assert_eq!(staff.submit(&page, &format!("{page}/sharing"), &[("share_plan", "1")]).await.status(), 303);
        let (s, progress) = me.text("/portal/progress").await;
        assert_eq!(s, 200);
        assert!(progress.contains("will go through your questionnaire results with you"));
        assert!(!progress.contains("<svg"));
        let (s, plan) = me.text("/portal/plan").await;
        assert_eq!(s, 200, "{plan}");
        // Reflections: empty text refused by name; then stored and shown to the care team.
        let r = me.submit("/portal/plan", "/portal/plan/reflections", &[("topic", "goals"), ("body", "  ")]).await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("href=\"#body\""));
        assert!(app.store.reflections(&cid).await.unwrap().is_empty());
        let r = me
            .submit(
                "/portal/plan",
                "/portal/plan/reflections",
                &[("topic", "formulation"), ("body", "It is also my job")],
            )
            .await;
        assert_eq!(r.status(), 303);
        let (_, staff_page) = staff.text(&page).await;
        assert!(staff_page.contains("It is also my job"));
        // ... and where the clinician works on the formulation (not on the goals page).
        let course = api.new_course(&client, json!({"protocol": "ipt-individual", "start_date": today()})).await;
        let (fs, formulation) = staff.text(&format!("/courses/{course}/formulation")).await;
        assert_eq!(fs, 200, "{formulation}");
        assert!(
            formulation.contains("data-testid=\"client-reflections\"") && formulation.contains("It is also my job")
        );
        let (_, goals) = staff.text(&format!("/courses/{course}/goals")).await;
        assert!(!goals.contains("It is also my job"));
        let r = me
            .submit("/portal/plan", "/portal/plan/reflections", &[("topic", "goals"), ("body", "Call Sam weekly")])
            .await;
        assert_eq!(r.status(), 303);
        let (_, goals) = staff.text(&format!("/courses/{course}/goals")).await;
        assert!(goals.contains("Call Sam weekly") && !goals.contains("It is also my job"));
        // A safety plan version shared with the client shows in the portal; an unshared later one hides it.
        api.create(
            &format!("/api/v1/clients/{client}/safety-plans"),
            json!({"warning_signs": "Not sleeping", "professionals": "Crisis team", "shared_with_client": true}),
        )
        .await;
        let (s, sp) = me.text("/portal/safety-plan").await;
        assert_eq!(s, 200);
        assert!(sp.contains("Not sleeping") && sp.contains(rapport_store::org::GENERIC_CRISIS_LINE));
        api.create(
            &format!("/api/v1/clients/{client}/safety-plans"),
            json!({"warning_signs": "Private draft", "professionals": "Crisis team"}),
        )
        .await;
        assert_eq!(me.get("/portal/safety-plan").await.status(), 404);
    })
    .await;
}

#[tokio::test]
async fn diary_entries_are_checked_and_feed_the_session_page() {
    on_each_backend(|app| async move {
        let (clin, api, client, course) = client_with_course(&app, "portal4@clinic.example").await;
        let cid = Id::parse(&client).unwrap();
        let email = app.portal_account(&cid, &clin.id, "diary@example.org").await;
        let me = app.browser_as(&email).await;
        for (fields, field) in [
            (vec![("date", today()), ("mood", "11".to_string())], "#mood"),
            (vec![("date", "2099-01-01".to_string()), ("mood", "5".to_string())], "#date"),
            (vec![("date", today())], "#mood"),
            (vec![("date", today()), ("person", "Sam".to_string())], "#event"),
        ] {
            let form: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let r = me.submit("/portal/diary", "/portal/diary", &form).await;
            assert_eq!(r.status(), 422, "{form:?}");
            assert!(r.text().await.unwrap().contains(&format!("href=\"{field}\"")), "{form:?}");
        }
        assert!(app.store.diary_entries(&cid, None, None, 10).await.unwrap().is_empty());
        let r = me
            .submit(
                "/portal/diary",
                "/portal/diary",
                &[
                    ("date", &today()),
                    ("mood", "3"),
                    ("person", "Sam"),
                    ("event", "Row about money"),
                    ("effect", "worse"),
                ],
            )
            .await;
        assert_eq!(r.status(), 303);
        // The session booked for today shows it under "since we last met".
        let session = api.new_session(&course, json!({"date": today(), "attendance": "attended"})).await;
        let staff = app.browser_as(&clin.email).await;
        let (s, page) = staff.text(&format!("/courses/{course}/sessions/{session}")).await;
        assert_eq!(s, 200);
        assert!(page.contains("data-testid=\"since-we-last-met\""));
        assert!(page.contains("With Sam: Row about money (I felt worse)"));
        assert!(app.count(action::DIARY_READ).await >= 1);
    })
    .await;
}

#[tokio::test]
async fn an_emailed_invitation_goes_to_the_outbox_and_replaces_the_open_one() {
    on_each_backend(|app| async move {
        let (clin, _, client) = client_of(&app, "portal5@clinic.example").await;
        let cid = Id::parse(&client).unwrap();
        let staff = app.browser_as(&clin.email).await;
        let page = format!("/clients/{client}/portal");
        let first = printed_invite(&staff, &client).await;
        let r =
            staff.submit(&page, &format!("{page}/invite"), &[("delivery", "email"), ("email", "not-an-email")]).await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("href=\"#email\""));
        assert_eq!(app.store.client_portal_invites(&cid).await.unwrap().len(), 1);
        let r = staff
            .submit(&page, &format!("{page}/invite"), &[("delivery", "email"), ("email", "Mail.Me@example.org")])
            .await;
        assert_eq!(r.status(), 303);
        let outbox = app.store.outbox(10).await.unwrap();
        let mail = outbox.iter().find(|m| m.kind == "portal_invite").expect("queued");
        assert_eq!(mail.recipient_email.as_deref(), Some("mail.me@example.org"));
        assert!(mail.body.contains("/portal/join?code="));
        // The printed code was withdrawn by the newer invitation.
        let (_, r) = join(&app, &first, "first@example.org").await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("replaced by a newer one"));
        let invites = app.store.client_portal_invites(&cid).await.unwrap();
        let now = rapport_core::Timestamp::now();
        let statuses: Vec<&str> = invites.iter().map(|i| i.status(now).as_str()).collect();
        assert_eq!(statuses, ["open", "revoked"]);
    })
    .await;
}
