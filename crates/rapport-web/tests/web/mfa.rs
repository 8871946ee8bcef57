//! Two-step verification: enrolment, the second sign-in step, replay and
//! recovery codes, the organisation-wide requirement and an administrator's reset.

use crate::support::*;
use rapport_app::mfa::{code_at, unix_now};
use rapport_core::access::Role;
use rapport_core::audit::action;

/// Signs in with the password, then the given second-step code.
async fn sign_in_with(app: &TestApp, email: &str, code: &str) -> (Browser, u16, String) {
    let b = Browser::new(app);
    let r = b.login(email, PASSWORD).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/login/verify", "the password alone does not sign in");
    assert_eq!(location(&b.get("/clients").await), "/login", "no session yet");
    let r = b.submit("/login/verify", "/login/verify", &[("code", code)]).await;
    let (status, loc) = (r.status().as_u16(), location(&r));
    (b, status, loc)
}

#[tokio::test]
async fn enrolment_second_step_replay_and_recovery_codes() {
    on_each_backend(|app| async move {
        app.user("two@clinic.example", Role::Clinician).await;
        let b = app.browser_as("two@clinic.example").await;
        let (secret, codes) = enrol(&app, &b, "two@clinic.example").await;
        assert!(b.text("/account").await.1.contains("Manage two-step verification"));

        // Wrong code: refused, no session.
        let (_, status, _) = sign_in_with(&app, "two@clinic.example", "123456").await;
        assert_eq!(status, 401);
        // The next step's code (within the allowed skew) signs in...
        let next = code_at(&secret, unix_now() + 30).unwrap();
        let (signed_in, status, loc) = sign_in_with(&app, "two@clinic.example", &next).await;
        assert_eq!((status, loc.as_str()), (303, "/"));
        assert_eq!(signed_in.get("/clients").await.status(), 200);
        // ...once: replaying it (or an older code) is refused.
        assert_eq!(sign_in_with(&app, "two@clinic.example", &next).await.1, 401);
        let older = code_at(&secret, unix_now()).unwrap();
        if older != next {
            assert_eq!(sign_in_with(&app, "two@clinic.example", &older).await.1, 401);
        }
        // A recovery code works once, typed loosely.
        let loose = codes[0].to_uppercase().replace('-', " ");
        assert_eq!(sign_in_with(&app, "two@clinic.example", &loose).await.1, 303);
        assert_eq!(sign_in_with(&app, "two@clinic.example", &codes[0]).await.1, 401);
        let me = app.store.user_by_email("two@clinic.example").await.unwrap().unwrap().0;
        assert_eq!(app.store.mfa_state(&me.id).await.unwrap().unused_recovery_codes, 9);
        for a in [action::MFA_ENABLE, action::MFA_FAILED, action::RECOVERY_CODE_USED] {
            assert!(app.count(a).await >= 1, "{a}");
        }
        // Turning it off needs the password.
        let r = b.submit("/account/mfa", "/account/mfa/disable", &[("current_password", "not my password")]).await;
        assert_eq!(r.status(), 422);
        let r = b.submit("/account/mfa", "/account/mfa/disable", &[("current_password", PASSWORD)]).await;
        assert_eq!(location(&r), "/account?done=mfa-off");
        assert_eq!(Browser::new(&app).login("two@clinic.example", PASSWORD).await.headers()["location"], "/");
    })
    .await;
}

#[tokio::test]
async fn the_second_step_expires_after_five_wrong_codes() {
    let app = TestApp::spawn(Backend::Sqlite, rapport_web::Config::default()).await;
    app.user("five@clinic.example", Role::Clinician).await;
    let b = app.browser_as("five@clinic.example").await;
    enrol(&app, &b, "five@clinic.example").await;
    let attacker = Browser::new(&app);
    assert_eq!(location(&attacker.login("five@clinic.example", PASSWORD).await), "/login/verify");
    for i in 0..4 {
        let r = attacker.submit("/login/verify", "/login/verify", &[("code", "111111")]).await;
        assert_eq!(r.status(), 401, "attempt {i}");
    }
    let r = attacker.submit("/login/verify", "/login/verify", &[("code", "111111")]).await;
    assert_eq!(location(&r), "/login?done=verify-expired");
    assert_eq!(location(&attacker.get("/login/verify").await), "/login?done=verify-expired");
}

#[tokio::test]
async fn organisation_requirement_and_admin_reset() {
    let app = TestApp::spawn(
        Backend::Sqlite,
        rapport_web::Config { settings_ttl: std::time::Duration::ZERO, ..Default::default() },
    )
    .await;
    app.user("admin@clinic.example", Role::Admin).await;
    let c = app.user("c@clinic.example", Role::Clinician).await;
    let admin = app.browser_as("admin@clinic.example").await;
    let r = admin
        .submit(
            "/admin/settings",
            "/admin/settings",
            &[
                ("name", "Clinic"),
                ("idle_timeout_minutes", "30"),
                ("absolute_lifetime_hours", "12"),
                ("break_glass_hours", "4"),
                ("require_mfa", "yes"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    // Without two-step verification, every page leads to enrolment.
    let clin = app.browser_as("c@clinic.example").await;
    assert_eq!(location(&clin.get("/clients").await), "/account/mfa");
    assert_eq!(location(&admin.get("/admin/users").await), "/account/mfa", "admins too");
    let (s, page) = clin.text("/account/mfa").await;
    assert_eq!(s, 200);
    assert!(page.contains("requires two-step verification"));
    enrol(&app, &clin, "c@clinic.example").await;
    assert_eq!(clin.get("/clients").await.status(), 200);
    // It cannot be switched off while required.
    assert_eq!(
        clin.submit("/account/mfa", "/account/mfa/disable", &[("current_password", PASSWORD)]).await.status(),
        403
    );
    // An administrator (after enrolling) resets it for a lost phone.
    enrol(&app, &admin, "admin@clinic.example").await;
    let page = format!("/admin/users/{}", c.id);
    assert!(admin.text(&page).await.1.contains("Reset two-step verification"));
    let r = admin.submit(&page, &format!("{page}/reset-mfa"), &[]).await;
    assert_eq!(location(&r), "/admin/users?done=mfa-reset");
    assert_eq!(app.count(action::MFA_RESET).await, 1);
    let fresh = Browser::new(&app);
    assert_eq!(location(&fresh.login("c@clinic.example", PASSWORD).await), "/", "password alone after the reset");
    assert_eq!(location(&fresh.get("/clients").await), "/account/mfa", "and straight back to enrolment");
}
