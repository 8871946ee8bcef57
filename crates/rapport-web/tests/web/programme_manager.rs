//! The programme manager (issue 16): an account an administrator creates,
//! sent to the programme outcomes from `/`, with one work link in the
//! navigation, and refused every client page and the client API.

use crate::support::*;
use rapport_core::access::Role;
use rapport_core::Timestamp;
use serde_json::json;

#[tokio::test]
async fn an_administrator_creates_a_programme_manager() {
    on_each_backend(|app| async move {
        let admin = app.user("admin@clinic.example", Role::Admin).await;
        let sup = app.user("sup@clinic.example", Role::Supervisor).await;
        let ab = app.browser_as(&admin.email).await;
        let (_, form) = ab.text("/admin/users/new").await;
        assert!(form.contains("value=\"programme_manager\"") && form.contains("Programme manager: "), "{form}");

        let fields = |email: &'static str| {
            vec![("email", email), ("name", "Priya Natarajan"), ("role", "programme_manager"), ("password", PASSWORD)]
        };
        // Not supervised: they see no client, so there is nothing to supervise.
        let mut supervised = fields("pm-sup@clinic.example");
        supervised.push(("supervisor", sup.id.as_str()));
        let r = ab.submit("/admin/users/new", "/admin/users/new", &supervised).await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("href=\"#supervisor\""));
        assert!(app.store.user_by_email("pm-sup@clinic.example").await.unwrap().is_none());

        let r = ab.submit("/admin/users/new", "/admin/users/new", &fields("pm@clinic.example")).await;
        assert_eq!(r.status(), 303);
        let (pm, _) = app.store.user_by_email("pm@clinic.example").await.unwrap().expect("the account exists");
        assert_eq!((pm.role, pm.practises), (Role::ProgrammeManager, false), "the role round-trips");
        let (_, users) = ab.text("/admin/users").await;
        assert!(users.contains("Priya Natarajan") && users.contains(">Programme manager<"), "{users}");
        // Nobody supervises them, and they are offered to nobody as a supervisee.
        let (_, form) = ab.text("/admin/users/new").await;
        assert!(!form.contains(&format!("value=\"{}\"", pm.id)), "not a supervisee choice");
        let edit = format!("/admin/users/{}", pm.id);
        let (s, page) = ab.text(&edit).await;
        assert_eq!(s, 200);
        assert!(page.contains("value=\"programme_manager\" checked"), "{page}");

        // A clinician cannot be made one while practising: the caseload flag is for administrators.
        let r =
            ab.submit(&edit, &edit, &[("name", "Priya N."), ("role", "programme_manager"), ("practises", "yes")]).await;
        assert_eq!(r.status(), 303);
        let pm = app.store.user(&pm.id).await.unwrap().unwrap();
        assert_eq!((pm.name.as_str(), pm.role, pm.practises), ("Priya N.", Role::ProgrammeManager, false));
        assert!(app
            .audit_entries("user.create")
            .await
            .iter()
            .any(|e| e.event.detail.as_deref() == Some("pm@clinic.example as programme_manager")));
    })
    .await;
}

#[tokio::test]
async fn a_programme_manager_is_sent_to_the_reports_and_sees_no_client() {
    on_each_backend(|app| async move {
        let clin = app.user("clin@clinic.example", Role::Clinician).await;
        let pm = app.user("pm@clinic.example", Role::ProgrammeManager).await;
        let api = Api::new(&app, &clin).await;
        let client = api.new_client("Hidden Person").await;
        let course = api.new_course(&client, json!({"protocol": "ipt-individual", "start_date": today()})).await;
        api.respond(&client, json!({"instrument": "phq9", "answers": [1, 1, 1, 1, 1, 1, 1, 1, 0]})).await;

        let b = app.browser_as(&pm.email).await;
        let r = b.get("/").await;
        assert_eq!((r.status().as_u16(), location(&r)), (303, "/reports".to_string()));

        // One work link, plus the account and sign-out every role has.
        let (s, page) = b.text("/account").await;
        assert_eq!(s, 200);
        assert!(page.contains("<a href=\"/reports\">Programme outcomes</a>"), "{page}");
        assert!(page.contains("Programme manager</span>"), "the role is named: {page}");
        for link in
            ["/today", "/clients", "/calendar", "/risk-flags", "/groups", "/programme", "/supervision", "/admin/"]
        {
            assert!(!page.contains(&format!("href=\"{link}")), "no {link} link: {page}");
        }
        assert!(page.contains("action=\"/logout\""));

        let since = Timestamp::now();
        let pages = [
            "/clients".to_string(),
            "/clients/new".into(),
            format!("/clients/{client}"),
            format!("/clients/{client}/edit"),
            format!("/clients/{client}/care-team"),
            format!("/clients/{client}/measures"),
            format!("/clients/{client}/portal"),
            format!("/clients/{client}/courses/new"),
            format!("/courses/{course}"),
            format!("/courses/{course}/fidelity"),
            format!("/courses/{course}/formulation"),
            "/today".into(),
            "/calendar".into(),
            "/risk-flags".into(),
            "/groups/new".into(),
            "/programme".into(),
            "/screening/new".into(),
            "/supervision".into(),
            "/break-glass?q=Hidden".into(),
            format!("/break-glass/{client}"),
            "/admin/users".into(),
            "/admin/audit".into(),
            "/admin/settings".into(),
        ];
        for path in &pages {
            let (s, body) = b.text(path).await;
            assert!(s == 403 || s == 404, "{path}: {s}");
            assert!(!body.contains("Hidden Person"), "{path} names the client");
        }
        let pm_api = Api::new(&app, &pm).await;
        let calls = [
            "/api/v1/clients".to_string(),
            format!("/api/v1/clients/{client}"),
            format!("/api/v1/clients/{client}/courses"),
            format!("/api/v1/clients/{client}/responses"),
            format!("/api/v1/clients/{client}/outcomes"),
            format!("/api/v1/courses/{course}"),
            "/api/v1/today".into(),
            "/api/v1/audit".into(),
        ];
        for path in &calls {
            let (s, body) = pm_api.get(path).await;
            assert!(s == 403 || s == 404, "{path}: {s} {body}");
            assert!(!body.to_string().contains("Hidden Person"), "{path} names the client");
        }
        let (s, body) = pm_api.post("/api/v1/clients", json!({"display_name": "New Person"})).await;
        assert_eq!(s, 403, "{body}");
        let (s, me) = pm_api.get("/api/v1/me").await;
        assert_eq!((s, me["role"].as_str()), (200, Some("programme_manager")));
        // Refusals of client records are audited as denials.
        let denied = app.audit_entries("access.denied").await;
        assert!(denied.iter().any(|e| e.event.resource_id.as_deref() == Some(client.as_str()) && e.at >= since));

        // Nor can anyone put them on a care team.
        let cb = app.browser_as(&clin.email).await;
        let team = format!("/clients/{client}/care-team");
        let r = cb.submit(&team, &team, &[("user_id", pm.id.as_str())]).await;
        assert_eq!(r.status(), 422);
        let (_, page) = cb.text(&team).await;
        assert!(!page.contains(&format!("value=\"{}\"", pm.id)), "not offered as a member");
        let (s, _) = b.text(&format!("/clients/{client}")).await;
        assert_eq!(s, 404);

        // A clinician still responsible for an open course is not made one until it is handed over.
        let admin = app.user("admin@clinic.example", Role::Admin).await;
        let ab = app.browser_as(&admin.email).await;
        let edit = format!("/admin/users/{}", clin.id);
        let r = ab.submit(&edit, &edit, &[("name", "Clin"), ("role", "programme_manager")]).await;
        assert_eq!(r.status(), 422);
        let page = r.text().await.unwrap();
        assert!(
            page.contains("href=\"#role\"") && page.contains("Still the responsible clinician of 1 client"),
            "{page}"
        );
        assert_eq!(app.store.user(&clin.id).await.unwrap().unwrap().role, Role::Clinician);
    })
    .await;
}
