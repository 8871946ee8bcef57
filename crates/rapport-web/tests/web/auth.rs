//! Sign-in, sessions, CSRF, throttling, first-run setup and security headers.

use crate::support::*;
use rapport_app::caller::secret_hash;
use rapport_core::access::Role;
use rapport_core::audit::action;
use rapport_core::Timestamp;
use rapport_web::Config;

#[tokio::test]
async fn first_run_setup_creates_the_admin_once() {
    on_each_backend(|app| async move {
        let page = app.setup_page(time::Duration::hours(1)).await;
        let b = Browser::new(&app);
        let (status, body) = b.text(&page).await;
        assert_eq!(status, 200);
        assert!(body.contains("Create administrator account"));
        // A weak password is refused, nothing is created.
        let r = b
            .submit(
                &page,
                &page,
                &[
                    ("org_name", "Test Clinic"),
                    ("name", "Ada"),
                    ("email", "ada@clinic.example"),
                    ("password", "password1234"),
                    ("password_confirm", "password1234"),
                ],
            )
            .await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("too common"));
        assert_eq!(app.store.count_users().await.unwrap(), 0);
        let good = "a calm river at dusk";
        let r = b
            .submit(
                &page,
                &page,
                &[
                    ("org_name", "Test Clinic"),
                    ("country", "Ireland"),
                    ("crisis_resources", "Emergency services: 112\n\n  Samaritans Ireland: 116 123 (free, 24 hours)  "),
                    ("name", "Ada"),
                    ("email", "Ada@Clinic.example"),
                    ("password", good),
                    ("password_confirm", good),
                    ("practises", "yes"),
                ],
            )
            .await;
        assert_eq!(r.status(), 303);
        assert_eq!(location(&r), "/login?done=setup");
        let (u, _) = app.store.user_by_email("ada@clinic.example").await.unwrap().unwrap();
        assert_eq!(u.role, Role::Admin);
        assert!(u.practises);
        let org = app.store.organisation().await.unwrap();
        assert_eq!(org.name, "Test Clinic");
        assert_eq!(org.country, "Ireland");
        assert_eq!(org.crisis_lines(), ["Emergency services: 112", "Samaritans Ireland: 116 123 (free, 24 hours)"]);
        // Single use.
        assert_eq!(b.get(&page).await.status(), 410);
        assert_eq!(app.count(action::SETUP).await, 1);
        // The admin can sign in with the chosen password.
        assert_eq!(Browser::new(&app).login("ada@clinic.example", good).await.status(), 303);
    })
    .await;
}

/// Issue 10: setup asks for the country and the crisis lines; without lines clients see the generic
/// emergency line and the administrator is told to add them. No country's numbers are built in.
#[tokio::test]
async fn setup_asks_for_the_country_and_crisis_lines_with_a_generic_line_meanwhile() {
    on_each_backend(|app| async move {
        let page = app.setup_page(time::Duration::hours(1)).await;
        let b = Browser::new(&app);
        let (_, form) = b.text(&page).await;
        assert!(form.contains("name=\"country\"") && form.contains("name=\"crisis_resources\""), "{form}");
        // "999" as a number of its own: the random tokens on the page may hold those digits.
        let has_999 = form.split(|c: char| !c.is_ascii_alphanumeric()).any(|word| word == "999");
        assert!(!form.contains("Samaritans") && !has_999, "no UK default: {form}");
        let good = PASSWORD;
        let fields = |country: &'static str| {
            vec![
                ("org_name", "Kia Ora Clinic"),
                ("country", country),
                ("crisis_resources", ""),
                ("name", "Mere"),
                ("email", "mere@clinic.example"),
                ("password", good),
                ("password_confirm", good),
                ("practises", "yes"),
            ]
        };
        let r = b.submit(&page, &page, &fields("   ")).await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("Enter the country you work in"));
        assert_eq!(app.store.count_users().await.unwrap(), 0);
        let r = b.submit(&page, &page, &fields("New Zealand")).await;
        assert_eq!(r.status(), 303);
        let org = app.store.organisation().await.unwrap();
        assert_eq!((org.country.as_str(), org.crisis_resources.as_str()), ("New Zealand", ""));
        let generic = rapport_store::org::GENERIC_CRISIS_LINE;
        assert_eq!(org.crisis_lines(), [generic]);
        // The administrator is told; clients see the generic line.
        let admin = app.browser_as("mere@clinic.example").await;
        let (_, settings) = admin.text("/admin/settings").await;
        assert!(settings.contains("data-testid=\"no-crisis-lines\"") && settings.contains(generic), "{settings}");
        assert!(settings.contains("value=\"New Zealand\""));
        let (_, help) = Browser::new(&app).text("/portal/help").await;
        assert!(help.contains(generic) && !help.contains("Samaritans"), "{help}");
        // Adding lines in Settings replaces the generic line and the notice.
        let r = admin
            .submit(
                "/admin/settings",
                "/admin/settings",
                &[
                    ("name", "Kia Ora Clinic"),
                    ("idle_timeout_minutes", "30"),
                    ("absolute_lifetime_hours", "12"),
                    ("break_glass_hours", "4"),
                    ("country", "New Zealand"),
                    ("crisis_resources", "Emergency: 111\nNeed to talk? Call or text 1737"),
                ],
            )
            .await;
        assert_eq!(r.status(), 303);
        let (_, settings) = admin.text("/admin/settings").await;
        assert!(!settings.contains("data-testid=\"no-crisis-lines\""));
        // The organisation is cached for a moment: read it from the store.
        let org = app.store.organisation().await.unwrap();
        assert_eq!(org.crisis_lines(), ["Emergency: 111", "Need to talk? Call or text 1737"]);
    })
    .await;
}

#[tokio::test]
async fn expired_setup_link_is_refused() {
    let app = TestApp::spawn(Backend::Sqlite, Config::default()).await;
    let page = app.setup_page(time::Duration::seconds(-1)).await;
    assert_eq!(Browser::new(&app).get(&page).await.status(), 410);
}

#[tokio::test]
async fn login_rotates_sessions_and_logout_ends_them_server_side() {
    on_each_backend(|app| async move {
        app.user("c@clinic.example", Role::Clinician).await;
        let b = Browser::new(&app);
        assert_eq!(location(&b.get("/clients").await), "/login", "anonymous users are sent to the login page");
        let r = b.login("c@clinic.example", PASSWORD).await;
        assert_eq!(r.status(), 303);
        let first = session_cookie(&r);
        assert_eq!(b.get("/clients").await.status(), 200);
        // A second login gets a different session id.
        let r2 = Browser::new(&app).login("c@clinic.example", PASSWORD).await;
        assert_ne!(session_cookie(&r2), first);
        // Logout deletes the session on the server: replaying the old cookie fails.
        let csrf = b.csrf_from("/clients").await;
        let r = b.post_form("/logout", &[("csrf", &csrf)]).await;
        assert_eq!(location(&r), "/login?done=signed-out");
        let replay = http_client(false);
        let r =
            replay.get(app.url("/clients")).header("cookie", format!("rapport_session={first}")).send().await.unwrap();
        assert_eq!(location(&r), "/login");
        assert!(app.count(action::LOGIN).await >= 2);
        assert_eq!(app.count(action::LOGOUT).await, 1);
    })
    .await;
}

fn session_cookie(r: &reqwest::Response) -> String {
    r.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|c| c.strip_prefix("rapport_session=").map(|v| v.split(';').next().unwrap().to_string()))
        .expect("session cookie")
}

#[tokio::test]
async fn idle_sessions_expire() {
    on_each_backend(|app| async move {
        app.user("idle@clinic.example", Role::Clinician).await;
        let b = Browser::new(&app);
        let sid = session_cookie(&b.login("idle@clinic.example", PASSWORD).await);
        assert_eq!(b.get("/clients").await.status(), 200);
        // Pretend the last activity was 31 minutes ago (default idle timeout: 30).
        app.store.touch_session(&secret_hash(&sid), Timestamp::now().minus(time::Duration::minutes(31))).await.unwrap();
        assert_eq!(location(&b.get("/clients").await), "/login");
        assert!(app.store.session_with_user(&secret_hash(&sid)).await.unwrap().is_none(), "expired session is deleted");
    })
    .await;
}

#[tokio::test]
async fn csrf_is_required_on_state_changing_requests() {
    let app = TestApp::spawn(Backend::Sqlite, Config::default()).await;
    app.user("csrf@clinic.example", Role::Clinician).await;
    let b = app.browser_as("csrf@clinic.example").await;
    let fields = [("display_name", "Should Not Exist")];
    assert_eq!(b.post_form("/clients/new", &fields).await.status(), 403, "no token");
    assert_eq!(
        b.post_form("/clients/new", &[("display_name", "X"), ("csrf", "forged")]).await.status(),
        403,
        "wrong token"
    );
    let csrf = b.csrf_from("/clients/new").await;
    let cross = b
        .http
        .post(app.url("/clients/new"))
        .header("origin", "https://evil.example")
        .form(&[("display_name", "X"), ("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(cross.status(), 403, "cross-origin");
    let cross = b
        .http
        .post(app.url("/clients/new"))
        .header("sec-fetch-site", "cross-site")
        .form(&[("display_name", "X"), ("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(cross.status(), 403, "cross-site fetch metadata");
    let me = app.store.user_by_email("csrf@clinic.example").await.unwrap().unwrap().0;
    let q = rapport_store::clients::CaseloadQuery { limit: 10, ..Default::default() };
    assert_eq!(app.store.caseload(&me.id, &q).await.unwrap().1, 0, "nothing was created");
    // The header form (htmx) works too, and a correct token succeeds.
    let ok = b
        .http
        .post(app.url("/clients/new"))
        .header("x-csrf-token", &csrf)
        .form(&[("display_name", "Via Header")])
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 303);
    // Login without the pre-session cookie's token is refused as well.
    let anon = http_client(false);
    let r = anon
        .post(app.url("/login"))
        .form(&[("email", "csrf@clinic.example"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
}

#[tokio::test]
async fn login_throttling_slows_guessing_without_locking_the_user_out() {
    on_each_backend(|app| async move {
        app.user("victim@clinic.example", Role::Clinician).await;
        let b = Browser::new(&app);
        for i in 0..5 {
            assert_eq!(b.login("victim@clinic.example", "wrong guess number").await.status(), 401, "attempt {i}");
        }
        // Now a delay applies: even the right password is not checked yet.
        let r = b.login("victim@clinic.example", PASSWORD).await;
        assert_eq!(r.status(), 429);
        let retry: i64 = r.headers()["retry-after"].to_str().unwrap().parse().unwrap();
        assert!((1..=2).contains(&retry), "{retry}");
        assert!(app.count(action::LOGIN_THROTTLED).await >= 1);
        assert_eq!(app.count(action::LOGIN_FAILED).await, 5);
        // After the short delay the real user gets in.
        tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
        assert_eq!(b.login("victim@clinic.example", PASSWORD).await.status(), 303);
        // Unknown accounts fail the same way as wrong passwords.
        let r = Browser::new(&app).login("nobody@clinic.example", "whatever at all").await;
        assert_eq!(r.status(), 401);
    })
    .await;
}

#[tokio::test]
async fn deactivation_ends_sessions_and_tokens() {
    on_each_backend(|app| async move {
        app.user("admin@clinic.example", Role::Admin).await;
        let c = app.user("leaver@clinic.example", Role::Clinician).await;
        let token = app.token_for(&c).await;
        let leaver = app.browser_as("leaver@clinic.example").await;
        assert_eq!(leaver.get("/clients").await.status(), 200);
        let admin = app.browser_as("admin@clinic.example").await;
        let r = admin.submit("/admin/users", &format!("/admin/users/{}/deactivate", c.id), &[]).await;
        assert_eq!(r.status(), 303);
        assert_eq!(location(&leaver.get("/clients").await), "/login");
        let api = Api::with_token(&app, &token);
        assert_eq!(api.get("/api/v1/clients").await.0, 401);
        assert_eq!(Browser::new(&app).login("leaver@clinic.example", PASSWORD).await.status(), 401);
        // The token was revoked with the deactivation, in the store: reactivating
        // the account does not bring it back.
        let tokens = app.store.tokens_of(&c.id).await.unwrap();
        assert!(tokens.iter().all(|t| t.revoked_at.is_some()), "every token revoked");
        let r = admin.submit("/admin/users", &format!("/admin/users/{}/reactivate", c.id), &[]).await;
        assert_eq!(r.status(), 303);
        assert_eq!(api.get("/api/v1/clients").await.0, 401, "a token from before the deactivation stays dead");
        assert_eq!(Browser::new(&app).login("leaver@clinic.example", PASSWORD).await.status(), 303);
    })
    .await;
}

/// A read of one client over the API checks the token in the same query as it
/// reads the client (`token_caller` with the client it is about). Access, the
/// audit entry, the refusals and revocation must be exactly as before, and a
/// handler that changes the client must not see the copy read with the token.
#[tokio::test]
async fn a_client_read_checks_its_token_in_the_same_query_and_refuses_as_before() {
    on_each_backend(|app| async move {
        let c = app.user("reader@clinic.example", Role::Clinician).await;
        let other = app.user("other@clinic.example", Role::Clinician).await;
        let token = app.token_for(&c).await;
        let api = Api::with_token(&app, &token);
        let own = api.new_client("Own Client").await;
        let theirs = Api::new(&app, &other).await.new_client("Not Theirs").await;

        let reads = app.count(action::CLIENT_READ).await;
        let (status, body) = api.get(&format!("/api/v1/clients/{own}")).await;
        assert_eq!((status, body["display_name"].as_str()), (200, Some("Own Client")));
        assert_eq!(app.count(action::CLIENT_READ).await, reads + 1, "the read is audited");
        let entry = app.audit_entries(action::CLIENT_READ).await.remove(0); // newest first
        assert_eq!(entry.event.client_id.as_deref(), Some(own.as_str()));
        assert_eq!(entry.event.detail.as_deref(), Some("basis=care_team"));
        assert!(entry.event.actor_label.contains("reader@clinic.example"), "{}", entry.event.actor_label);
        // An address under the client goes the same way, and so do FHIR's
        // Patient read and a search by patient.
        assert_eq!(api.get(&format!("/api/v1/clients/{own}/medications")).await.0, 200);
        let before = app.count(action::CLIENT_READ).await;
        let (status, patient) = api.get(&format!("/fhir/r4/Patient/{own}")).await;
        assert_eq!((status, patient["id"].as_str()), (200, Some(own.as_str())));
        assert_eq!(app.count(action::CLIENT_READ).await, before + 1, "FHIR's Patient read is audited");
        let (status, bundle) = api.get(&format!("/fhir/r4/Observation?patient=Patient/{own}")).await;
        assert_eq!((status, bundle["resourceType"].as_str()), (200, Some("Bundle")));
        assert_eq!(api.get(&format!("/fhir/r4/Patient/{theirs}")).await.0, 404);

        // Outside one's access, missing and malformed: 404, the first one audited as a denial.
        let denials = app.count(action::ACCESS_DENIED).await;
        assert_eq!(api.get(&format!("/api/v1/clients/{theirs}")).await.0, 404);
        assert_eq!(app.count(action::ACCESS_DENIED).await, denials + 1);
        assert_eq!(api.get(&format!("/api/v1/clients/{}", rapport_core::Id::new())).await.0, 404);
        assert_eq!(api.get("/api/v1/clients/not-an-id").await.0, 404);

        // A change is read back fresh: the PATCH loads the client itself and the
        // next GET reads it with the token again.
        let (status, _) = api
            .call(
                reqwest::Method::PATCH,
                &format!("/api/v1/clients/{own}"),
                Some(serde_json::json!({"display_name": "Renamed Client"})),
            )
            .await;
        assert_eq!(status, 200);
        assert_eq!(api.get(&format!("/api/v1/clients/{own}")).await.1["display_name"], "Renamed Client");

        // An account made inactive behind the application's back (its tokens
        // left alive) is refused on this path too.
        app.sql("UPDATE users SET active = 0 WHERE id = $1", &[c.id.as_str()]).await;
        assert_eq!(api.get(&format!("/api/v1/clients/{own}")).await.0, 401);
        app.sql("UPDATE users SET active = 1 WHERE id = $1", &[c.id.as_str()]).await;
        assert_eq!(api.get(&format!("/api/v1/clients/{own}")).await.0, 200);

        // A revoked token stops at once, on the client and under it.
        let reads = app.count(action::CLIENT_READ).await;
        app.sql(
            "UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2",
            &[&Timestamp::now().to_db(), c.id.as_str()],
        )
        .await;
        assert_eq!(api.get(&format!("/api/v1/clients/{own}")).await.0, 401);
        assert_eq!(api.get(&format!("/api/v1/clients/{own}/medications")).await.0, 401);
        assert_eq!(api.get(&format!("/fhir/r4/Patient/{own}")).await.0, 401);
        assert_eq!(api.get(&format!("/fhir/r4/Observation?patient={own}")).await.0, 401);
        assert_eq!(app.count(action::CLIENT_READ).await, reads, "nothing read with a revoked token");
    })
    .await;
}

#[tokio::test]
async fn password_change_needs_the_current_password_and_ends_other_sessions() {
    let app = TestApp::spawn(Backend::Sqlite, Config::default()).await;
    app.user("pw@clinic.example", Role::Clinician).await;
    let a = app.browser_as("pw@clinic.example").await;
    let other = app.browser_as("pw@clinic.example").await;
    let new = "a brand new passphrase";
    let r = a
        .submit(
            "/account",
            "/account/password",
            &[("current_password", "not it at all"), ("new_password", new), ("new_password_confirm", new)],
        )
        .await;
    assert_eq!(r.status(), 422);
    let r = a
        .submit(
            "/account",
            "/account/password",
            &[("current_password", PASSWORD), ("new_password", new), ("new_password_confirm", new)],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(a.get("/account").await.status(), 200, "this session stays");
    assert_eq!(location(&other.get("/account").await), "/login", "other sessions end");
    assert_eq!(Browser::new(&app).login("pw@clinic.example", new).await.status(), 303);
}

#[tokio::test]
async fn users_see_and_end_their_own_sessions() {
    let app = TestApp::spawn(Backend::Sqlite, Config::default()).await;
    app.user("s@clinic.example", Role::Clinician).await;
    let a = app.browser_as("s@clinic.example").await;
    let b = app.browser_as("s@clinic.example").await;
    let (_, page) = a.text("/account").await;
    assert_eq!(page.matches("/end\"").count(), 2, "both sessions listed");
    let r = a.submit("/account", "/account/sessions/end-others", &[]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&b.get("/account").await), "/login");
    assert_eq!(a.get("/account").await.status(), 200);
}

#[tokio::test]
async fn security_headers_and_hsts_only_over_tls() {
    let app = TestApp::spawn(Backend::Sqlite, Config::default()).await;
    let r = reqwest::get(app.url("/login")).await.unwrap();
    let h = r.headers();
    let csp = h["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"));
    assert!(csp.contains("frame-ancestors 'none'"));
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["referrer-policy"], "same-origin");
    assert!(h.get("strict-transport-security").is_none());
    assert!(h.get("x-request-id").is_some());
    let tls = TestApp::spawn(
        Backend::Sqlite,
        Config { public_url: Some("https://rapport.example".into()), ..Default::default() },
    )
    .await;
    let r = reqwest::get(tls.url("/login")).await.unwrap();
    assert!(r.headers()["strict-transport-security"].to_str().unwrap().contains("max-age="));
    let cookie = r.headers()["set-cookie"].to_str().unwrap();
    assert!(cookie.starts_with("__Host-rapport_csrf=") && cookie.contains("Secure"), "{cookie}");
}

#[tokio::test]
async fn health_checks() {
    let app = TestApp::spawn(Backend::Sqlite, Config::default()).await;
    assert_eq!(reqwest::get(app.url("/healthz")).await.unwrap().text().await.unwrap(), "ok");
    assert_eq!(reqwest::get(app.url("/readyz")).await.unwrap().status(), 200);
    app.store.close().await;
    assert_eq!(reqwest::get(app.url("/healthz")).await.unwrap().status(), 200, "liveness does not touch the database");
    assert_eq!(reqwest::get(app.url("/readyz")).await.unwrap().status(), 503);
}

#[tokio::test]
async fn administrators_can_end_someone_elses_sessions() {
    let app = TestApp::spawn(Backend::Sqlite, Config::default()).await;
    app.user("admin@clinic.example", Role::Admin).await;
    let c = app.user("lost-laptop@clinic.example", Role::Clinician).await;
    let victim = app.browser_as("lost-laptop@clinic.example").await;
    let admin = app.browser_as("admin@clinic.example").await;
    let page = format!("/admin/users/{}", c.id);
    let r = admin.submit(&page, &format!("{page}/end-sessions"), &[]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&victim.get("/clients").await), "/login");
    assert_eq!(admin.get("/admin/users").await.status(), 200, "the admin's own session is untouched");
    assert_eq!(
        Browser::new(&app).login("lost-laptop@clinic.example", PASSWORD).await.status(),
        303,
        "the account still works"
    );
}

#[tokio::test]
async fn behind_a_proxy_the_rightmost_forwarded_address_and_the_public_origin_count() {
    let config = Config { public_url: Some("https://rapport.example".into()), trust_proxy: true, ..Default::default() };
    let app = TestApp::spawn(Backend::Sqlite, config).await;
    let http = http_client(false);
    // Pre-login CSRF cookie (https => __Host- prefix), sent back by hand as a proxy would.
    let r = http.get(app.url("/login")).send().await.unwrap();
    let cookie = r.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_string();
    let csrf = cookie.split_once('=').unwrap().1.to_string();
    for (forwarded, expected_ip) in [("6.6.6.6, 10.0.0.9", "10.0.0.9"), ("=HYPERLINK(1)", "127.0.0.1")] {
        let r = http
            .post(app.url("/login"))
            .header("cookie", &cookie)
            .header("origin", "https://rapport.example")
            .header("x-forwarded-for", forwarded)
            .form(&[("email", "nobody@clinic.example"), ("password", "wrong but long enough"), ("csrf", csrf.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 401, "the public origin passes the CSRF check");
        let last = app
            .store
            .audit_entries(&rapport_store::AuditFilter {
                action: Some(action::LOGIN_FAILED.into()),
                limit: 1,
                ..Default::default()
            })
            .await
            .unwrap()
            .remove(0);
        assert_eq!(last.event.ip.as_deref(), Some(expected_ip), "{forwarded}");
    }
    let r = http
        .post(app.url("/login"))
        .header("cookie", &cookie)
        .header("origin", "https://elsewhere.example")
        .form(&[("email", "x@clinic.example"), ("password", "whatever it is"), ("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
}

/// Issue 9.1: an account older than the session lifetime signs in and stays
/// signed in; a session older than the absolute lifetime ends even while it is
/// in use.
#[tokio::test]
async fn old_accounts_stay_signed_in_and_sessions_end_at_the_absolute_limit() {
    on_each_backend(|app| async move {
        let user = app.user("veteran@clinic.example", Role::Clinician).await;
        assert!(Timestamp::now().since(user.created_at) > time::Duration::days(ACCOUNT_AGE_DAYS - 1));
        let b = Browser::new(&app);
        let sid = session_cookie(&b.login("veteran@clinic.example", PASSWORD).await);
        for _ in 0..2 {
            assert_eq!(b.get("/clients").await.status(), 200, "a days-old account keeps its fresh session");
        }
        // Created 13 hours ago (absolute limit 12) but active a moment ago.
        let created = Timestamp::now().minus(time::Duration::hours(13)).to_db();
        let seen = Timestamp::now().to_db();
        let n = app
            .sql(
                "UPDATE sessions SET created_at = $1, last_seen_at = $2 WHERE id_hash = $3",
                &[&created, &seen, &secret_hash(&sid)],
            )
            .await;
        assert_eq!(n, 1);
        assert_eq!(location(&b.get("/clients").await), "/login", "past the absolute lifetime");
        assert!(app.store.session_with_user(&secret_hash(&sid)).await.unwrap().is_none());
    })
    .await;
}

#[tokio::test]
async fn administrators_cannot_change_their_own_access_and_changes_are_notified() {
    on_each_backend(|app| async move {
        let me = app.user("admin@clinic.example", Role::Admin).await;
        let other = app.user("admin2@clinic.example", Role::Admin).await;
        let c = app.user("clin@clinic.example", Role::Clinician).await;
        let c2 = app.user("clin2@clinic.example", Role::Clinician).await;
        let s = app.user("sup@clinic.example", Role::Supervisor).await;
        let admin = app.browser_as("admin@clinic.example").await;
        let own = format!("/admin/users/{}", me.id);
        // Own role, caseload flag and supervision: refused, nothing changed, nothing sent.
        let attempts: [&[(&str, &str)]; 4] = [
            &[("name", "Admin"), ("role", "clinician")],
            &[("name", "Admin"), ("role", "supervisor"), ("supervisees", c.id.as_str())],
            &[("name", "Admin"), ("role", "admin"), ("practises", "yes")],
            &[("name", "Admin"), ("role", "admin"), ("supervisees", c.id.as_str())],
        ];
        for fields in attempts {
            let r = admin.submit(&own, &own, fields).await;
            assert_eq!(r.status(), 403, "{fields:?}");
            let page = r.text().await.unwrap();
            assert!(page.contains("You cannot change your own"), "{fields:?}");
        }
        let after = app.store.user(&me.id).await.unwrap().unwrap();
        assert_eq!((after.role, after.practises, after.name.as_str()), (Role::Admin, false, me.name.as_str()));
        assert!(app.store.supervisees(&me.id).await.unwrap().is_empty());
        assert!(app.store.outbox(50).await.unwrap().is_empty(), "nothing was sent");
        assert!(app.count(action::ACCESS_DENIED).await >= 4);
        // Their own name is theirs to change.
        assert_eq!(admin.submit(&own, &own, &[("name", "Ada Admin"), ("role", "admin")]).await.status(), 303);
        assert_eq!(app.store.user(&me.id).await.unwrap().unwrap().name, "Ada Admin");
        assert!(app.store.outbox(50).await.unwrap().is_empty(), "a name is not an access change");

        // Someone else's role: the person and the other administrator are told, not the actor.
        let page = format!("/admin/users/{}", c.id);
        assert_eq!(admin.submit(&page, &page, &[("name", "Clin"), ("role", "supervisor")]).await.status(), 303);
        let sent = app.store.outbox(50).await.unwrap();
        let to: Vec<_> = sent.iter().map(|m| m.recipient_user_id.clone().unwrap()).collect();
        assert_eq!(sent.len(), 2, "{to:?}");
        assert!(to.contains(&c.id) && to.contains(&other.id) && !to.contains(&me.id));
        assert!(sent.iter().all(|m| m.kind == "account_notice"));
        let mine = sent.iter().find(|m| m.recipient_user_id.as_ref() == Some(&c.id)).unwrap();
        assert_eq!(mine.subject, "Your Rapport account: role changed");
        assert!(mine.body.contains(
            "Ada Admin <admin@clinic.example>, an administrator, changed your role from Clinician to Supervisor"
        ));
        assert!(mine.body.contains("If this was not expected, contact another administrator"));

        // Supervision: the supervisor, the clinician gained and the other administrator.
        let page = format!("/admin/users/{}", s.id);
        let r = admin
            .submit(&page, &page, &[("name", "Sup"), ("role", "supervisor"), ("supervisees", c2.id.as_str())])
            .await;
        assert_eq!(r.status(), 303);
        let sent = app.store.outbox(50).await.unwrap();
        assert_eq!(sent.len(), 5);
        let subjects: Vec<_> = sent.iter().map(|m| m.subject.as_str()).collect();
        assert!(subjects.contains(&"Your Rapport account: supervision changed"), "{subjects:?}");
        assert!(subjects.contains(&"Your Rapport account: supervisor added"), "{subjects:?}");
        assert!(sent.iter().any(|m| m.recipient_user_id.as_ref() == Some(&c2.id)));

        // A password reset: told, and the password is in no message.
        let new_pw = "an entirely new passphrase 42";
        let page = format!("/admin/users/{}", c2.id);
        let r = admin.submit(&page, &page, &[("name", "Clin Two"), ("role", "clinician"), ("password", new_pw)]).await;
        assert_eq!(r.status(), 303);
        let sent = app.store.outbox(50).await.unwrap();
        assert_eq!(sent.len(), 7);
        let reset: Vec<_> = sent.iter().filter(|m| m.subject.contains("password reset")).collect();
        assert_eq!(reset.len(), 2);
        assert!(reset.iter().any(|m| m.recipient_user_id.as_ref() == Some(&c2.id)));
        assert!(reset.iter().any(|m| m.recipient_user_id.as_ref() == Some(&other.id)));
        assert!(sent.iter().all(|m| !m.body.contains(new_pw) && !m.subject.contains(new_pw)));
        assert_eq!(Browser::new(&app).login("clin2@clinic.example", new_pw).await.status(), 303);
    })
    .await;
}
