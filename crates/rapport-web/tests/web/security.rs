//! The attacks of the security review (issue 9), each reproduced against the
//! running server and shown to fail now; the races with real concurrent requests.

use crate::support::*;
use futures_util_free::join_all;
use rapport_app::mfa::{code_at, unix_now};
use rapport_core::access::Role;
use rapport_core::audit::action;
use rapport_core::Id;

/// One concurrent request, boxed so different ones fit in one list.
type Task<T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + Send>>;

/// Minimal `join_all` over spawned tasks (no extra dependency): runs the
/// futures concurrently on the runtime and returns their results in order.
mod futures_util_free {
    pub async fn join_all<T: Send + 'static>(futures: Vec<super::Task<T>>) -> Vec<T> {
        let handles: Vec<_> = futures.into_iter().map(tokio::spawn).collect();
        let mut out = Vec::with_capacity(handles.len());
        for h in handles {
            out.push(h.await.unwrap());
        }
        out
    }
}

/// Posts a sign-in form with a CSRF cookie and field, as a browser would.
async fn login_once(app: &TestApp, email: &str, password: &str) -> u16 {
    Browser::new(app).login(email, password).await.status().as_u16()
}

/// Issue 9.4: 30 simultaneous wrong passwords on one account: only the free
/// attempts are checked; the rest are refused before any password check.
#[tokio::test]
async fn simultaneous_wrong_passwords_cannot_race_the_throttle() {
    on_each_backend(|app| async move {
        app.user("race@clinic.example", Role::Clinician).await;
        let mut tasks: Vec<Task<u16>> = Vec::new();
        let app = std::sync::Arc::new(app);
        for i in 0..30 {
            let app = app.clone();
            tasks.push(Box::pin(async move {
                login_once(&app, "race@clinic.example", &format!("wrong guess {i:02}")).await
            }));
        }
        let statuses = join_all(tasks).await;
        let checked = statuses.iter().filter(|s| **s == 401).count();
        let refused = statuses.iter().filter(|s| **s == 429).count();
        assert_eq!(checked + refused, 30, "{statuses:?}");
        assert_eq!(checked, 5, "only the free attempts are checked: {statuses:?}");
        assert_eq!(app.count(action::LOGIN_FAILED).await, 5);
        assert_eq!(app.count(action::LOGIN_THROTTLED).await, 25);
    })
    .await;
}

/// Issue 9.4: a stranger's wrong guesses delay the account, but the account
/// holder signing in from a browser that signed in before still gets in.
#[tokio::test]
async fn a_remembered_device_gets_through_a_strangers_lockout() {
    on_each_backend(|app| async move {
        app.user("known@clinic.example", Role::Clinician).await;
        let mine = app.browser_as("known@clinic.example").await;
        let csrf = mine.csrf_from("/clients").await;
        assert_eq!(mine.post_form("/logout", &[("csrf", &csrf)]).await.status(), 303);
        let stranger = Browser::new(&app);
        for _ in 0..6 {
            stranger.login("known@clinic.example", "not the password").await;
        }
        assert_eq!(stranger.login("known@clinic.example", PASSWORD).await.status(), 429, "the account is delayed");
        assert_eq!(Browser::new(&app).login("known@clinic.example", PASSWORD).await.status(), 429, "new browsers too");
        let r = mine.login("known@clinic.example", PASSWORD).await;
        assert_eq!(r.status(), 303, "the account holder's own browser gets in");
        assert_eq!(mine.get("/clients").await.status(), 200);
        // The device's own counter throttles guesses made from it.
        let csrf = mine.csrf_from("/clients").await;
        mine.post_form("/logout", &[("csrf", &csrf)]).await;
        for _ in 0..5 {
            assert_eq!(mine.login("known@clinic.example", "still wrong").await.status(), 401);
        }
        assert_eq!(mine.login("known@clinic.example", PASSWORD).await.status(), 429);
    })
    .await;
}

/// Issue 9.3: many challenges opened at once leave one alive; 50 wrong codes
/// sent at once on it are counted before they are checked: five are checked,
/// the challenge ends, the right code then does not sign in, and the account
/// holder is told.
#[tokio::test]
async fn two_step_codes_cannot_be_brute_forced() {
    on_each_backend(|app| async move {
        app.user("tfa@clinic.example", Role::Clinician).await;
        let me = app.browser_as("tfa@clinic.example").await;
        let (secret, _) = enrol(&app, &me, "tfa@clinic.example").await;
        let user = app.store.user_by_email("tfa@clinic.example").await.unwrap().unwrap().0;
        let app = std::sync::Arc::new(app);
        // 20 attackers pass the password step at once: one challenge lives.
        let attackers: Vec<_> = (0..20).map(|_| std::sync::Arc::new(Browser::new(&app))).collect();
        let mut tasks: Vec<Task<(u16, String)>> = Vec::new();
        for a in &attackers {
            let a = a.clone();
            tasks.push(Box::pin(async move {
                let r = a.login("tfa@clinic.example", PASSWORD).await;
                (r.status().as_u16(), location(&r))
            }));
        }
        // Each password check holds an attempt until it ends, so some of 20
        // simultaneous ones wait (429); the others reach the second step.
        let went = join_all(tasks).await;
        assert!(went.iter().all(|(s, l)| l == "/login/verify" || *s == 429), "{went:?}");
        assert!(went.iter().any(|(_, l)| l == "/login/verify"), "{went:?}");
        let n = app.scalar("SELECT COUNT(*) AS n FROM login_challenges WHERE user_id = $1", &[user.id.as_str()]).await;
        assert_eq!(n, 1, "one live challenge per account");
        let mut live = Vec::new();
        for a in &attackers {
            if a.get("/login/verify").await.status() == 200 {
                live.push(a.clone());
            }
        }
        assert_eq!(live.len(), 1, "only the newest challenge still works");
        let live = live.remove(0);
        // 50 wrong codes on it at once.
        let csrf = extract_csrf(&live.text("/login/verify").await.1).unwrap();
        let mut tasks: Vec<Task<u16>> = Vec::new();
        for _ in 0..50 {
            let (a, csrf) = (live.clone(), csrf.clone());
            tasks.push(Box::pin(async move {
                a.post_form("/login/verify", &[("code", "000000"), ("csrf", &csrf)]).await.status().as_u16()
            }));
        }
        let statuses = join_all(tasks).await;
        assert_eq!(app.count(action::MFA_FAILED).await, 5, "five codes checked: {statuses:?}");
        // The right code no longer signs in: the challenge is gone.
        let code = code_at(&secret, unix_now()).unwrap();
        let r = live.post_form("/login/verify", &[("code", &code), ("csrf", &csrf)]).await;
        assert_eq!(location(&r), "/login?done=verify-expired");
        assert_eq!(location(&live.get("/clients").await), "/login");
        let told = app.store.outbox(100).await.unwrap();
        assert_eq!(
            told.iter()
                .filter(|m| m.kind == "security_notice" && m.recipient_user_id.as_ref() == Some(&user.id))
                .count(),
            1,
            "the account holder is told once"
        );
    })
    .await;
}

/// Issue 9.5: the current-password checks are throttled, audited, and the
/// fifth wrong answer ends the session.
#[tokio::test]
async fn current_password_checks_are_not_an_oracle() {
    on_each_backend(|app| async move {
        app.user("oracle@clinic.example", Role::Clinician).await;
        let b = app.browser_as("oracle@clinic.example").await;
        for i in 1..5 {
            let r = b
                .submit(
                    "/account",
                    "/account/password",
                    &[
                        ("current_password", "a wrong guess"),
                        ("new_password", "another-long-password-2026"),
                        ("new_password_confirm", "another-long-password-2026"),
                    ],
                )
                .await;
            assert_eq!(r.status(), 422, "guess {i}");
        }
        assert_eq!(app.count(action::REAUTH_FAILED).await, 4);
        // The fifth wrong answer (here on the recovery-codes form) ends the session.
        let r = b.submit("/account/mfa", "/account/mfa/disable", &[("current_password", "a wrong guess")]).await;
        assert_eq!(location(&r), "/login?done=reauth-failed");
        assert_eq!(location(&b.get("/clients").await), "/login", "signed out");
        assert_eq!(app.count(action::REAUTH_FAILED).await, 5);
        // Signed in again, a guess right away is refused without a check.
        let b = app.browser_as("oracle@clinic.example").await;
        let r = b.submit("/account/mfa", "/account/mfa/disable", &[("current_password", PASSWORD)]).await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("Too many wrong passwords"));
    })
    .await;
}

/// Issue 9.2: emergency access cannot manage the portal; an invitation never
/// rewrites an existing portal account; the responsible clinician's explicit
/// reset does, telling the old address.
#[tokio::test]
async fn the_portal_account_cannot_be_taken_over() {
    on_each_backend(|app| async move {
        let (clin, _, client) = client_of(&app, "owner@clinic.example").await;
        let cid = Id::parse(&client).unwrap();
        app.portal_account(&cid, &clin.id, "real.client@example.org").await;
        let real = Browser::new(&app);
        let r = real
            .submit("/portal/login", "/portal/login", &[("email", "real.client@example.org"), ("password", PASSWORD)])
            .await;
        assert_eq!(r.status(), 303);
        let page = format!("/clients/{client}/portal");

        // Break-glass: reads the tab, manages nothing.
        let glass = app.user("oncall@clinic.example", Role::Clinician).await;
        app.store
            .create_break_glass(
                &glass.id,
                &cid,
                "On call: client in crisis, clinician away",
                rapport_core::Timestamp::now().plus(time::Duration::hours(4)),
                test_event("client.break_glass"),
            )
            .await
            .unwrap();
        let g = app.browser_as(&glass.email).await;
        let (s, body) = g.text(&page).await;
        assert_eq!(s, 200);
        assert!(body.contains("data-testid=\"portal-readonly\"") && body.contains("data-testid=\"emergency-banner\""));
        assert!(!body.contains("/portal/invite\"") && !body.contains("/portal/reset\""));
        for (path, form) in [
            ("invite", vec![("delivery", "print")]),
            ("reset", vec![("delivery", "print")]),
            ("sharing", vec![("share_plan", "1")]),
            ("disable", vec![]),
        ] {
            let r = g.submit(&page, &format!("{page}/{path}"), &form).await;
            assert_eq!(r.status(), 403, "break-glass {path}");
        }
        let r = g
            .submit(
                &format!("/clients/{client}/measures"),
                &format!("/clients/{client}/measures/links"),
                &[("instrument", "phq9")],
            )
            .await;
        assert_eq!(r.status(), 403, "break-glass measure link");
        let (_, measures) = g.text(&format!("/clients/{client}/measures")).await;
        assert!(measures.contains("data-testid=\"links-readonly\"") && !measures.contains("/measures/links\""));
        let (_, own) = app.browser_as(&clin.email).await.text(&format!("/clients/{client}/measures")).await;
        assert!(own.contains("/measures/links\"") && !own.contains("links-readonly"), "the care team sends links");

        // Another care-team member: an invitation is refused (the account exists), a reset too.
        let member = app.user("member@clinic.example", Role::Clinician).await;
        app.store.add_care_team_member(&cid, &member.id, test_event("care_team.add")).await.unwrap();
        let m = app.browser_as(&member.email).await;
        assert_eq!(m.submit(&page, &format!("{page}/invite"), &[("delivery", "print")]).await.status(), 409);
        assert_eq!(m.submit(&page, &format!("{page}/reset"), &[("delivery", "print")]).await.status(), 403);
        let account = app.store.client_portal_account(&cid).await.unwrap().unwrap();
        assert_eq!(account.email, "real.client@example.org");
        assert!(account.active);
        assert_eq!(real.get("/portal").await.status(), 200, "the client is still signed in");
        assert_eq!(app.count(action::PORTAL_ACCESS_RESET).await, 0);

        // The responsible clinician resets access: the old address is told at once.
        let owner = app.browser_as(&clin.email).await;
        let r = owner.submit(&page, &format!("{page}/reset"), &[("delivery", "print")]).await;
        assert_eq!(r.status(), 200);
        let body = r.text().await.unwrap();
        let i = body.find("data-testid=\"invite-code\">").unwrap() + "data-testid=\"invite-code\">".len();
        let code = body[i..i + 14].to_string();
        let told = app.store.outbox(100).await.unwrap();
        assert!(told.iter().any(|m| m.kind == "security_notice"
            && m.recipient_email.as_deref() == Some("real.client@example.org")
            && m.body.contains(&clin.name)));
        let r = Browser::new(&app)
            .submit(
                "/portal/join",
                "/portal/join",
                &[
                    ("code", &code),
                    ("email", "new.address@example.org"),
                    ("password", "a-new-portal-password-2026"),
                    ("password_confirm", "a-new-portal-password-2026"),
                ],
            )
            .await;
        assert_eq!(r.status(), 303);
        let account = app.store.client_portal_account(&cid).await.unwrap().unwrap();
        assert_eq!(account.email, "new.address@example.org");
        assert_eq!(location(&real.get("/portal").await), "/portal/login", "the old sessions ended");
        assert_eq!(app.count(action::PORTAL_ACCESS_RESET).await, 1);
        let joins = app
            .store
            .audit_entries(&rapport_store::AuditFilter {
                action: Some(action::PORTAL_JOIN.into()),
                limit: 10,
                ..Default::default()
            })
            .await
            .unwrap();
        assert!(joins[0]
            .event
            .detail
            .as_deref()
            .unwrap_or_default()
            .contains("e-mail changed from real.client@example.org"));
    })
    .await;
}

/// Issue 9.4: simultaneous wrong invitation codes from one address: only the
/// free attempts are looked up.
#[tokio::test]
async fn simultaneous_wrong_portal_codes_cannot_race_the_throttle() {
    on_each_backend(|app| async move {
        let app = std::sync::Arc::new(app);
        let mut tasks: Vec<Task<u16>> = Vec::new();
        for i in 0..40 {
            let app = app.clone();
            tasks.push(Box::pin(async move {
                let code = format!("ZZZZ-ZZZZ-ZZ{:02}", i % 100).replace(['0', '1'], "Z");
                Browser::new(&app)
                    .submit(
                        "/portal/join",
                        "/portal/join",
                        &[
                            ("code", &code),
                            ("email", "x@example.org"),
                            ("password", PASSWORD),
                            ("password_confirm", PASSWORD),
                        ],
                    )
                    .await
                    .status()
                    .as_u16()
            }));
        }
        let statuses = join_all(tasks).await;
        let looked_up = statuses.iter().filter(|s| **s == 422).count();
        let refused = statuses.iter().filter(|s| **s == 429).count();
        assert_eq!(looked_up + refused, 40, "{statuses:?}");
        assert_eq!(looked_up, 20, "the address allows 20 free tries: {statuses:?}");
        assert_eq!(app.count(action::PORTAL_JOIN_FAILED).await, 20);
    })
    .await;
}

/// `serve --requests-in-flight N` through the whole server: with one turn, a
/// request whose body has not all arrived holds it, so another request
/// waits and the health probe does not; when the first ends the other is
/// answered. Without a limit the same half-sent request holds nobody up.
#[tokio::test]
async fn a_limit_on_requests_in_flight_makes_requests_wait_but_not_the_probe() {
    use tokio::io::AsyncWriteExt;
    for limit in [1, 0] {
        let config = rapport_web::Config { requests_in_flight: limit, ..rapport_web::Config::default() };
        let app = TestApp::spawn(Backend::Sqlite, config).await;
        let user = app.user("turns@clinic.example", Role::Clinician).await;
        let api = Api::new(&app, &user).await;
        // A JSON body announced as 60 bytes, of which 10 are sent: the
        // handler reads the body after every middleware, holding its turn.
        let mut half_sent = tokio::net::TcpStream::connect(app.addr).await.unwrap();
        let head = format!(
            "POST /api/v1/clients HTTP/1.1\r\nHost: {}\r\nAuthorization: Bearer {}\r\n\
             Content-Type: application/json\r\nContent-Length: 60\r\n\r\n{{\"display",
            app.addr, api.token
        );
        half_sent.write_all(head.as_bytes()).await.unwrap();
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        let me = tokio::time::timeout(std::time::Duration::from_millis(700), api.get("/api/v1/me")).await;
        let health = tokio::time::timeout(std::time::Duration::from_secs(5), reqwest::get(app.url("/healthz"))).await;
        assert_eq!(health.expect("the probe never waits").unwrap().status(), 200, "limit {limit}");
        if limit == 0 {
            assert_eq!(me.expect("no limit: nothing waits").0, 200);
            continue;
        }
        assert!(me.is_err(), "with one turn, a second request waits while the first holds it");
        drop(half_sent);
        let me = tokio::time::timeout(std::time::Duration::from_secs(5), api.get("/api/v1/me")).await;
        assert_eq!(me.expect("the turn is given back when the first request ends").0, 200);
    }
}
