//! The role x route access matrix. Every route the router serves must have an
//! entry here: adding a route without deciding who may use it fails this test.

use crate::support::*;
use rapport_core::access::Role;
use rapport_web::{AppState, Config};
use reqwest::Method;
use std::collections::BTreeSet;

/// Expected outcome per role, in the order: anonymous, admin, supervisor,
/// clinician on the care team, clinician not on it, and (optionally, a 6th
/// letter) the matrix client's own portal account. Without a 6th letter the
/// client account expects 404 on every route outside the portal's few open
/// doors (where it expects what the other clinician gets).
/// Two group facilitators follow (7th and 8th letters, optional): one who
/// runs a group with the matrix client in it (so is on the client's care
/// team), and one who runs nothing. Without those letters they expect what
/// the clinician on the team and the other clinician get, except where
/// `facilitator_rules` says otherwise (individual care, break-glass).
/// A programme manager follows (9th letter, optional): sees aggregate
/// outcomes and never a client record, so without the letter they expect what
/// the (non-practising) administrator gets, except 403 on the administration
/// pages, 404 on a group's pages (no group is theirs to see) and, where only
/// the admin rights let the administrator in, what the other clinician gets.
/// See `programme_manager_rule`.
///   A allowed   N 404 (looks absent)   F 403   L sign-in needed (redirect / 401)   G 410 gone
pub struct Entry {
    method: Method,
    route: &'static str,
    path: &'static str,
    expect: &'static str,
    body: Body,
}

#[derive(Clone, Copy)]
pub enum Body {
    None,
    Form,
    Json(&'static str),
}

pub fn e(method: Method, route: &'static str, path: &'static str, expect: &'static str) -> Entry {
    let body = if method == Method::GET { Body::None } else { Body::Form };
    Entry { method, route, path, expect, body }
}

pub fn j(method: Method, route: &'static str, path: &'static str, expect: &'static str, json: &'static str) -> Entry {
    Entry { method, route, path, expect, body: Body::Json(json) }
}

fn entries() -> Vec<Entry> {
    use Method as M;
    let mut v = vec![
        e(M::GET, "/healthz", "/healthz", "AAAAA"),
        e(M::GET, "/readyz", "/readyz", "AAAAA"),
        e(M::GET, "/static/{file}", "/static/app.css", "AAAAA"),
        e(M::GET, "/", "/", "LAAAA"),
        e(M::GET, "/setup/{token}", "/setup/not-a-live-token", "GGGGG"),
        e(M::POST, "/setup/{token}", "/setup/not-a-live-token", "GGGGG"),
        e(M::GET, "/login", "/login", "AAAAA"),
        e(M::POST, "/login", "/login", "AAAAA"),
        // Without a pending challenge the second step sends everyone back to sign in.
        e(M::GET, "/login/verify", "/login/verify", "LLLLL"),
        e(M::POST, "/login/verify", "/login/verify", "LLLLL"),
        e(M::GET, "/clients", "/clients", "LFAAA"),
        e(M::GET, "/clients/new", "/clients/new", "LFAAA"),
        e(M::POST, "/clients/new", "/clients/new", "LFAAA"),
        e(M::GET, "/clients/{id}", "/clients/{client}", "LNAAN"),
        e(M::GET, "/clients/{id}/edit", "/clients/{client}/edit", "LNAAN"),
        e(M::POST, "/clients/{id}/edit", "/clients/{client}/edit", "LNAAN"),
        e(M::POST, "/clients/{id}/archive", "/clients/{client}/archive", "LNAAN"),
        e(M::POST, "/clients/{id}/restore", "/clients/{client}/restore", "LNAAN"),
        e(M::GET, "/clients/{id}/care-team", "/clients/{client}/care-team", "LNAAN"),
        e(M::POST, "/clients/{id}/care-team", "/clients/{client}/care-team", "LNAAN"),
        e(M::POST, "/clients/{id}/care-team/{user_id}/remove", "/clients/{client}/care-team/{dummy}/remove", "LNAAN"),
        e(
            M::POST,
            "/clients/{id}/care-team/{user_id}/responsible",
            "/clients/{client}/care-team/{dummy}/responsible",
            "LNAAN",
        ),
        // A clinician's risk concern (a small form, then a flag).
        e(M::GET, "/clients/{id}/risk-flags/new", "/clients/{client}/risk-flags/new", "LNAAN"),
        e(M::POST, "/clients/{id}/risk-flags", "/clients/{client}/risk-flags", "LNAAN"),
        e(M::GET, "/break-glass", "/break-glass?q=matrix", "LFAAA"),
        e(M::GET, "/break-glass/{id}", "/break-glass/{client}", "LFAAA"),
        e(M::POST, "/break-glass/{id}", "/break-glass/{client}", "LFAAA"),
        e(M::GET, "/admin/users", "/admin/users", "LAFFF"),
        e(M::GET, "/admin/users/new", "/admin/users/new", "LAFFF"),
        e(M::POST, "/admin/users/new", "/admin/users/new", "LAFFF"),
        e(M::GET, "/admin/users/{id}", "/admin/users/{dummy}", "LAFFF"),
        e(M::POST, "/admin/users/{id}", "/admin/users/{dummy}", "LAFFF"),
        e(M::POST, "/admin/users/{id}/deactivate", "/admin/users/{dummy}/deactivate", "LAFFF"),
        e(M::POST, "/admin/users/{id}/reactivate", "/admin/users/{dummy}/reactivate", "LAFFF"),
        e(M::GET, "/admin/users/{id}/reassign", "/admin/users/{dummy}/reassign", "LAFFF"),
        e(M::POST, "/admin/users/{id}/reassign", "/admin/users/{dummy}/reassign", "LAFFF"),
        e(M::POST, "/admin/users/{id}/end-sessions", "/admin/users/{dummy}/end-sessions", "LAFFF"),
        e(M::POST, "/admin/users/{id}/reset-mfa", "/admin/users/{dummy}/reset-mfa", "LAFFF"),
        e(M::GET, "/admin/audit", "/admin/audit", "LAFFF"),
        e(M::GET, "/admin/audit.csv", "/admin/audit.csv", "LAFFF"),
        e(M::GET, "/admin/break-glass", "/admin/break-glass", "LAFFF"),
        e(M::POST, "/admin/break-glass/{id}/review", "/admin/break-glass/{random}/review", "LNFFF"),
        e(M::GET, "/admin/email", "/admin/email", "LAFFF"),
        e(M::GET, "/admin/settings", "/admin/settings", "LAFFF"),
        e(M::POST, "/admin/settings", "/admin/settings", "LAFFF"),
        e(M::POST, "/admin/settings/reminders", "/admin/settings/reminders", "LAFFF"),
        // Today: the caller's own caseload (administrators hold none unless practising).
        e(M::GET, "/today", "/today", "LFAAA"),
        e(M::GET, "/api/v1/today", "/api/v1/today", "LFAAA"),
        e(M::GET, "/account", "/account", "LAAAA"),
        e(M::POST, "/account/password", "/account/password", "LAAAA"),
        e(M::POST, "/account/sessions/end-others", "/account/sessions/end-others", "LAAAA"),
        e(M::POST, "/account/sessions/{id}/end", "/account/sessions/nonexistent/end", "LNNNN"),
        e(M::POST, "/account/tokens", "/account/tokens", "LAAAA"),
        e(M::POST, "/account/tokens/{id}/revoke", "/account/tokens/{random}/revoke", "LNNNN"),
        e(M::POST, "/account/calendar-feed", "/account/calendar-feed", "LFAAA"),
        e(M::POST, "/account/calendar-names", "/account/calendar-names", "LFAAA"),
        e(M::GET, "/calendar", "/calendar", "LFAAA"),
        e(M::POST, "/calendar/sessions", "/calendar/sessions", "LFAAA"),
        e(M::POST, "/calendar/sessions/{id}/move", "/calendar/sessions/{session}/move", "LNAAN"),
        e(M::POST, "/calendar/sessions/{id}/cancel", "/calendar/sessions/{session}/cancel", "LNAAN"),
        // No sign-in: the secret is the key; an unknown one looks absent to everyone.
        e(M::GET, "/calendar/feed/{file}", "/calendar/feed/not-a-feed.ics", "NNNNN"),
        // Kiosk mode: the PIN is for caseload holders; the hand-over loads the
        // client through the access check (no PIN here, so nothing locks);
        // the kiosk pages send an unlocked session home.
        e(M::POST, "/account/kiosk-pin", "/account/kiosk-pin", "LFAAA"),
        e(M::GET, "/clients/{id}/kiosk", "/clients/{client}/kiosk", "LNAAN"),
        e(M::POST, "/clients/{id}/kiosk", "/clients/{client}/kiosk", "LNAAN"),
        e(M::GET, "/kiosk", "/kiosk", "LAAAA"),
        e(M::POST, "/kiosk/measures/{instrument}", "/kiosk/measures/phq9", "LAAAA"),
        e(M::GET, "/kiosk/help", "/kiosk/help", "LAAAA"),
        e(M::GET, "/kiosk/unlock", "/kiosk/unlock", "LAAAA"),
        e(M::POST, "/kiosk/unlock", "/kiosk/unlock", "LAAAA"),
        e(M::GET, "/account/mfa", "/account/mfa", "LAAAA"),
        e(M::POST, "/account/mfa/enable", "/account/mfa/enable", "LAAAA"),
        e(M::POST, "/account/mfa/disable", "/account/mfa/disable", "LAAAA"),
        e(M::POST, "/account/mfa/recovery-codes", "/account/mfa/recovery-codes", "LAAAA"),
        e(M::GET, "/api/v1/openapi.json", "/api/v1/openapi.json", "AAAAA"),
        e(M::GET, "/api/v1/me", "/api/v1/me", "LAAAA"),
        e(M::GET, "/api/v1/clients", "/api/v1/clients", "LFAAA"),
        j(M::POST, "/api/v1/clients", "/api/v1/clients", "LFAAA", r#"{"display_name": "Matrix Client"}"#),
        e(M::GET, "/api/v1/clients/{id}", "/api/v1/clients/{client}", "LNAAN"),
        j(M::PATCH, "/api/v1/clients/{id}", "/api/v1/clients/{client}", "LNAAN", r#"{"pronouns": "they/them"}"#),
        e(M::GET, "/api/v1/audit", "/api/v1/audit", "LAFFF"),
    ];
    // Feature areas list their own routes (placeholders: see `fixtures`).
    v.extend(crate::courses::matrix_entries());
    v.extend(crate::charts::matrix_entries());
    v.extend(crate::ending::matrix_entries());
    v.extend(crate::documents::matrix_entries());
    v.extend(crate::research::matrix_entries());
    v.extend(crate::formulation::matrix_entries());
    v.extend(crate::measures::matrix_entries());
    v.extend(crate::inventory::matrix_entries());
    v.extend(crate::timeline::matrix_entries());
    v.extend(crate::worksheets::matrix_entries());
    v.extend(crate::context::matrix_entries());
    v.extend(crate::programme::matrix_entries());
    v.extend(crate::reports::matrix_entries());
    v.extend(crate::adaptations::matrix_entries());
    v.extend(crate::notes::matrix_entries());
    v.extend(crate::portal::matrix_entries());
    v.extend(crate::client_portal::matrix_entries());
    v.extend(crate::groups::matrix_entries());
    v.extend(crate::group_pages::matrix_entries());
    v.extend(crate::supervision::matrix_entries());
    v.extend(crate::fidelity_pages::matrix_entries());
    v.extend(crate::supervision_pages::matrix_entries());
    v.extend(crate::i18n::matrix_entries());
    v.extend(crate::i18n_portal::matrix_entries());
    v.extend(crate::fhir::matrix_entries());
    v.extend(crate::bulk::matrix_entries());
    // Last: it ends the session used for everything above.
    v.push(e(M::POST, "/logout", "/logout", "AAAAA"));
    v
}

/// The nine callers' expectations for an entry (see `Entry`).
fn expectations(entry: &Entry) -> Vec<char> {
    let mut v: Vec<char> = entry.expect.chars().collect();
    if v.len() == 5 {
        let p = entry.path;
        let open_door = matches!(p, "/" | "/login" | "/logout" | "/healthz" | "/readyz")
            || p.starts_with("/static/")
            || p.starts_with("/m/");
        v.push(if open_door { v[4] } else { 'N' });
    }
    if v.len() == 6 {
        let (on_team, other) = facilitator_rules(entry, v[3], v[4]);
        v.push(on_team);
        v.push(other);
    }
    if v.len() == 8 {
        v.push(programme_manager_rule(entry.route, v[1], v[4]));
    }
    v
}

/// What the programme manager expects when an entry does not say: like an
/// administrator who holds no caseload, without the admin rights.
fn programme_manager_rule(route: &str, admin: char, other_clinician: char) -> char {
    if route.starts_with("/admin/") {
        'F'
    } else if route.starts_with("/groups/{id}") || route.starts_with("/api/v1/groups/{id}") {
        'N'
    } else if admin == 'A' && other_clinician != 'A' {
        other_clinician
    } else {
        admin
    }
}

/// What the two facilitators expect when an entry does not say. The
/// facilitator of the client's group is on the client's care team (not the
/// responsible clinician) and reaches what the clinician on the team
/// reaches, except individual care: a course, its sessions, notes and the
/// records kept in a course answer 404 (`course_for`), a new course 403, and
/// what only the responsible clinician does is 403. Break-glass is refused
/// to both (403), and so is a new group; the group pages' `{group}` (run by
/// the clinician on the team) is absent to both. The facilitator who runs
/// nothing is the other clinician.
fn facilitator_rules(entry: &Entry, on_team: char, other: char) -> (char, char) {
    let r = entry.route;
    const INDIVIDUAL_CARE: [&str; 7] = [
        "/courses/",
        "/api/v1/courses/",
        "/api/v1/sessions/",
        "/calendar/sessions/",
        "/api/v1/goals/",
        "/api/v1/circle-snapshots/",
        "/api/v1/worksheets/",
    ];
    // The responsible clinician's alone (the matrix clinician on the team is responsible).
    const RESPONSIBLE_ONLY: [&str; 2] = ["/clients/{id}/care-team/{user_id}/responsible", "/clients/{id}/portal/reset"];
    if r.starts_with("/break-glass") {
        ('F', 'F')
    } else if r == "/groups/new" {
        // Groups are set up by supervisors and administrators.
        ('F', 'F')
    } else if r.starts_with("/groups/{id}") {
        // The group pages' `{group}` is run by the clinician on the team: neither
        // facilitator runs or supervises it (the API's `{api_group}` is the facilitator's).
        ('N', 'N')
    } else if on_team != 'A' {
        (on_team, other)
    } else if INDIVIDUAL_CARE.iter().any(|p| r.starts_with(p))
        || r == "/api/v1/clients/{id}/courses" && entry.method == Method::GET
    {
        ('N', other)
    } else if r.ends_with("/courses") && entry.method == Method::POST
        || r.ends_with("/courses/new")
        || RESPONSIBLE_ONLY.contains(&r)
    {
        ('F', other)
    } else if r == "/clients/{id}/portal/disable" {
        // Acts on another client of the clinician's, not in the group.
        ('N', other)
    } else {
        (on_team, other)
    }
}

struct Caller {
    name: &'static str,
    browser: Browser,
    csrf: String,
    token: String,
}

#[tokio::test]
async fn every_route_has_a_matrix_entry_and_the_matrix_holds() {
    let app = TestApp::spawn(Backend::Sqlite, Config::default()).await;
    // Registration check first: the router's own list versus this table.
    let served: BTreeSet<(String, String)> =
        rapport_web::routes::build(AppState::new(app.store.clone(), Config::default()))
            .1
            .into_iter()
            .map(|(m, p)| (m.to_string(), p.to_string()))
            .collect();
    let listed: BTreeSet<(String, String)> =
        entries().iter().map(|e| (e.method.to_string(), e.route.to_string())).collect();
    let missing: Vec<_> = served.difference(&listed).collect();
    assert!(missing.is_empty(), "routes without an access-matrix entry: {missing:?}");
    let stale: Vec<_> = listed.difference(&served).collect();
    assert!(stale.is_empty(), "matrix entries for routes that do not exist: {stale:?}");

    let admin = app.user("admin@clinic.example", Role::Admin).await;
    let sup = app.user("sup@clinic.example", Role::Supervisor).await;
    let a = app.user("a@clinic.example", Role::Clinician).await;
    let b = app.user("b@clinic.example", Role::Clinician).await;
    let dummy = app.user("dummy@clinic.example", Role::Clinician).await;
    let fac = app.user("fac@clinic.example", Role::Facilitator).await;
    let other_fac = app.user("fac2@clinic.example", Role::Facilitator).await;
    let pm = app.user("pm@clinic.example", Role::ProgrammeManager).await;
    app.store.set_supervisees(&sup.id, &[a.id.clone(), fac.id.clone()], test_event("user.update"), &[]).await.unwrap();
    let client = app
        .store
        .create_client(
            &rapport_core::client::ClientDetails { display_name: "Matrix Person".into(), ..Default::default() },
            &a.id,
            test_event("client.create"),
        )
        .await
        .unwrap();

    // Records the feature areas' routes act on: {course}, {session}, ... (client's, on a's caseload).
    let mut fixtures: Vec<(&'static str, String)> = Vec::new();
    crate::courses::matrix_fixtures(&app, &client.id, &a.id, &mut fixtures).await;
    crate::formulation::matrix_fixtures(&app, &a.id, &mut fixtures).await;
    crate::measures::matrix_fixtures(&app, &client.id, &a.id, &mut fixtures).await;
    crate::inventory::matrix_fixtures(&app, &client.id, &a.id, &mut fixtures).await;
    crate::timeline::matrix_fixtures(&app, &client.id, &a.id, &mut fixtures).await;
    crate::worksheets::matrix_fixtures(&app, &client.id, &a.id, &mut fixtures).await;
    crate::context::matrix_fixtures(&app, &client.id, &a.id, &mut fixtures).await;
    crate::notes::matrix_fixtures(&app, &a.id, &mut fixtures).await;
    crate::portal::matrix_fixtures(&app, &client.id, &a.id, &mut fixtures).await;
    crate::client_portal::matrix_fixtures(&app, &a.id, &mut fixtures).await;
    crate::groups::matrix_fixtures(&app, &client.id, &sup.id, &fac.id, &mut fixtures).await;
    crate::group_pages::matrix_fixtures(&app, &client.id, &a.id, &admin.id, &mut fixtures).await;
    crate::fhir::matrix_fixtures(&app, &client.id, &a.id, &mut fixtures).await;

    let client_email = app.portal_account(&client.id, &a.id, "matrix.client@example.org").await;
    let client_user = app.store.user_by_email(&client_email).await.unwrap().unwrap().0;
    let mut callers = Vec::new();
    let anon = Browser::new(&app);
    let csrf = anon.csrf_from("/login").await;
    callers.push(Caller { name: "anonymous", browser: anon, csrf, token: "rpt_invalid".into() });
    for (name, user) in [("admin", &admin), ("supervisor", &sup), ("clinician on team", &a), ("other clinician", &b)] {
        let browser = app.browser_as(&user.email).await;
        let csrf = browser.csrf_from("/account").await;
        let token = app.token_for(user).await;
        callers.push(Caller { name, browser, csrf, token });
    }
    let browser = app.browser_as(&client_email).await;
    let csrf = browser.csrf_from("/portal").await;
    let token = app.token_for(&client_user).await;
    callers.push(Caller { name: "portal client", browser, csrf, token });
    for (name, user) in
        [("facilitator of the client's group", &fac), ("other facilitator", &other_fac), ("programme manager", &pm)]
    {
        let browser = app.browser_as(&user.email).await;
        let csrf = browser.csrf_from("/account").await;
        let token = app.token_for(user).await;
        callers.push(Caller { name, browser, csrf, token });
    }

    let mut failures = Vec::new();
    for entry in entries() {
        let mut path = entry.path.to_string();
        for (placeholder, value) in &fixtures {
            path = path.replace(placeholder, value);
        }
        let path = path
            .replace("{client}", client.id.as_str())
            .replace("{dummy}", dummy.id.as_str())
            .replace("{random}", rapport_core::Id::new().as_str());
        // The JSON API and the FHIR face both take bearer tokens.
        let is_api = path.starts_with("/api/") || path.starts_with("/fhir/");
        for (caller, expected) in callers.iter().zip(expectations(&entry)) {
            let mut req = caller.browser.http.request(entry.method.clone(), app.url(&path));
            // Every API call carries the caller's token (the anonymous caller's is invalid),
            // except the anonymous read of the public OpenAPI document.
            if is_api && (caller.name != "anonymous" || path != "/api/v1/openapi.json") {
                req = req.bearer_auth(&caller.token);
            }
            req = match entry.body {
                Body::None => req,
                // Forms carry the hidden version a page gives a record not yet saved.
                Body::Form => req.form(&[("csrf", caller.csrf.as_str()), ("version", "0")]),
                // JSON bodies may name fixtures too (e.g. a user id).
                Body::Json(j) => {
                    let mut body = j.to_string();
                    for (placeholder, value) in &fixtures {
                        body = body.replace(placeholder, value);
                    }
                    req.header("content-type", "application/json").body(body)
                }
            };
            let r = req.send().await.unwrap();
            let status = r.status().as_u16();
            let loc = location(&r);
            let to_login = (300..400).contains(&status)
                && (loc == "/login" || loc == "/portal/login" || loc.starts_with("/login?done=verify-expired"));
            let ok = match expected {
                'A' => ![401, 403, 404, 410].contains(&status) && !to_login && status < 500,
                'N' => status == 404,
                'F' => status == 403,
                'G' => status == 410,
                'L' => {
                    if is_api {
                        status == 401
                    } else {
                        to_login
                    }
                }
                other => panic!("bad code {other}"),
            };
            if !ok {
                failures.push(format!(
                    "{} {} as {}: expected {expected}, got {status} {loc}",
                    entry.method, path, caller.name
                ));
            }
        }
    }
    assert!(failures.is_empty(), "access matrix violations:\n{}", failures.join("\n"));
    assert!(app.store.audit_verify().await.is_ok());
}
