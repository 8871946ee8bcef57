//! Cultural adaptation as data (issue 15 item 5): the administrators' page,
//! choosing the organisation's and a site's adaptation (audited), refusals,
//! and the words people then see.

use crate::matrix::{e, Entry};
use crate::support::*;
use rapport_core::access::Role;
use rapport_core::audit::action;
use reqwest::Method;

pub fn matrix_entries() -> Vec<Entry> {
    vec![
        e(Method::GET, "/admin/adaptations", "/admin/adaptations", "LAFFF"),
        e(Method::POST, "/admin/adaptations", "/admin/adaptations", "LAFFF"),
    ]
}

async fn choose(b: &Browser, scope: &str, adaptation: &str) -> reqwest::Response {
    b.submit("/admin/adaptations", "/admin/adaptations", &[("scope", scope), ("adaptation", adaptation)]).await
}

#[tokio::test]
async fn administrators_see_each_adaptation_and_choose_one_audited() {
    on_each_backend(|app| async move {
        app.user("admin@clinic.example", Role::Admin).await;
        let admin = app.browser_as("admin@clinic.example").await;
        let (status, page) = admin.text("/admin/adaptations").await;
        assert_eq!(status, 200);
        // The shipped WHO preset, what it says and what it replaces.
        assert!(page.contains("WHO group IPT: plain-language names"), "{page}");
        assert!(page.contains("Disagreements") && page.contains("Role dispute"), "{page}");
        assert!(page.contains("Desacuerdos") && page.contains("Disputa de roles"), "{page}");

        let r = choose(&admin, "organisation", "who-plain").await;
        assert_eq!((r.status().as_u16(), location(&r)), (303, "/admin/adaptations?done=adaptation".to_string()));
        assert_eq!(app.count(action::SETTINGS_ADAPTATION).await, 1);
        assert_eq!(
            app.scalar("SELECT COUNT(*) AS n FROM adaptation_choices WHERE scope = 'organisation'", &[]).await,
            1
        );
        let (_, page) = admin.text("/admin/adaptations?done=adaptation").await;
        assert!(page.contains("Adaptation saved."), "{page}");
        assert!(page.contains(r#"<option value="who-plain" selected>"#), "{page}");

        // Back to Rapport's own words.
        assert_eq!(choose(&admin, "organisation", "").await.status(), 303);
        assert_eq!(app.scalar("SELECT COUNT(*) AS n FROM adaptation_choices", &[]).await, 0);
        assert_eq!(app.count(action::SETTINGS_ADAPTATION).await, 2);
    })
    .await;
}

#[tokio::test]
async fn an_unknown_adaptation_or_scope_is_refused_naming_the_field_and_nothing_changes() {
    on_each_backend(|app| async move {
        app.user("admin@clinic.example", Role::Admin).await;
        let admin = app.browser_as("admin@clinic.example").await;
        let r = choose(&admin, "organisation", "made-up").await;
        assert_eq!(r.status(), 422);
        let page = r.text().await.unwrap();
        assert!(page.contains("There is no adaptation named “made-up”"), "{page}");
        assert!(page.contains(r##"href="#adaptation""##), "{page}");
        let r = choose(&admin, "not-a-site", "who-plain").await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("Choose the organisation or one of its sites."));
        assert_eq!(app.scalar("SELECT COUNT(*) AS n FROM adaptation_choices", &[]).await, 0);
        assert_eq!(app.count(action::SETTINGS_ADAPTATION).await, 0);

        // The refusal in Spanish for a Spanish-speaking administrator.
        app.sql("UPDATE users SET language = 'es' WHERE email = 'admin@clinic.example'", &[]).await;
        let r = choose(&admin, "organisation", "made-up").await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("No existe ninguna adaptación llamada «made-up»"));

        // Not for other roles.
        app.user("clin@clinic.example", Role::Clinician).await;
        let clin = app.browser_as("clin@clinic.example").await;
        assert_eq!(clin.get("/admin/adaptations").await.status(), 403);
        let r = clin
            .submit("/today", "/admin/adaptations", &[("scope", "organisation"), ("adaptation", "who-plain")])
            .await;
        assert_eq!(r.status(), 403);
        assert_eq!(app.scalar("SELECT COUNT(*) AS n FROM adaptation_choices", &[]).await, 0);
    })
    .await;
}

#[tokio::test]
async fn a_sites_adaptation_words_the_pages_of_people_at_that_site() {
    on_each_backend(|app| async move {
        app.user("admin@clinic.example", Role::Admin).await;
        let admin = app.browser_as("admin@clinic.example").await;
        let site = app.store.create_site("Kagadi", Some("village"), test_event(action::SITE_CREATE)).await.unwrap();
        let elsewhere = app.store.create_site("Hoima", None, test_event(action::SITE_CREATE)).await.unwrap();
        let at_site = app.user("at-site@clinic.example", Role::Facilitator).await;
        let away = app.user("away@clinic.example", Role::Facilitator).await;
        app.sql(
            "UPDATE users SET site_id = $1, language = 'es' WHERE id = $2",
            &[site.id.as_str(), at_site.id.as_str()],
        )
        .await;
        app.sql(
            "UPDATE users SET site_id = $1, language = 'es' WHERE id = $2",
            &[elsewhere.id.as_str(), away.id.as_str()],
        )
        .await;
        assert_eq!(choose(&admin, site.id.as_str(), "who-plain").await.status(), 303);
        let (_, page) = admin.text("/admin/adaptations").await;
        assert!(page.contains("Kagadi") && page.contains("Hoima"), "{page}");

        let state = rapport_app::AppState::new(
            app.store.clone(),
            rapport_app::Config { settings_ttl: std::time::Duration::ZERO, ..Default::default() },
        );
        let words = |site: Option<rapport_core::Id>| {
            let state = state.clone();
            async move {
                let a = rapport_app::adaptations::for_site(&state, site.as_ref()).await;
                rapport_i18n::Tr::new("es").adapted(a).term("area", "role_dispute", "Role dispute")
            }
        };
        assert_eq!(words(Some(site.id.clone())).await, "Desacuerdos");
        assert_eq!(words(Some(elsewhere.id.clone())).await, "Disputa de roles");
        assert_eq!(words(None).await, "Disputa de roles");
        // The organisation's choice reaches a site without its own.
        assert_eq!(choose(&admin, "organisation", "who-plain").await.status(), 303);
        assert_eq!(words(Some(elsewhere.id.clone())).await, "Desacuerdos");
    })
    .await;
}

#[tokio::test]
async fn a_client_reads_their_own_sites_words_in_the_portal() {
    on_each_backend(|app| async move {
        app.user("admin@clinic.example", Role::Admin).await;
        let admin = app.browser_as("admin@clinic.example").await;
        let site = app.store.create_site("Kagadi", Some("village"), test_event(action::SITE_CREATE)).await.unwrap();
        assert_eq!(choose(&admin, site.id.as_str(), "who-plain").await.status(), 303);
        // Two clients with a role dispute in their shared plan: one at the site, one not.
        let mut portals = Vec::new();
        for (n, at_site) in [(1, true), (2, false)] {
            let (clin, api, client, course) = client_with_course(&app, &format!("clin{n}@clinic.example")).await;
            let (status, body) = api
                .put(
                    &format!("/api/v1/courses/{course}/formulation"),
                    serde_json::json!({"problem_areas": ["role_dispute"]}),
                )
                .await;
            assert_eq!(status, 200, "{body}");
            if at_site {
                app.sql("UPDATE clients SET site_id = $1 WHERE id = $2", &[site.id.as_str(), &client]).await;
            }
            let cid = rapport_core::Id::parse(&client).unwrap();
            let email = app.portal_account(&cid, &clin.id, &format!("client{n}@example.org")).await;
            let staff = app.browser_as(&clin.email).await;
            let page = format!("/clients/{client}/portal");
            let r = staff.submit(&page, &format!("{page}/sharing"), &[("share_plan", "1")]).await;
            assert_eq!(r.status(), 303);
            portals.push(app.browser_as(&email).await);
        }
        let (_, at_site) = portals[0].text("/portal/plan").await;
        assert!(at_site.contains("<li>Disagreements</li>") && !at_site.contains("Role dispute"), "{at_site}");
        let (_, elsewhere) = portals[1].text("/portal/plan").await;
        assert!(elsewhere.contains("<li>Role dispute</li>") && !elsewhere.contains("Disagreements"), "{elsewhere}");
    })
    .await;
}
