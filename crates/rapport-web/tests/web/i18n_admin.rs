//! Languages of the administration, account, sign-in steps and error pages,
//! of the e-mails (the recipient's language, never the sender's) and of the
//! audit CSV (issue 15).

use crate::support::*;
use rapport_core::access::Role;
use rapport_core::audit::action;

/// A signed-in browser for `email`, whose account language is `language`.
async fn speaking(app: &TestApp, email: &str, role: Role, language: &str) -> Browser {
    app.user(email, role).await;
    app.sql("UPDATE users SET language = $1 WHERE email = $2", &[language, email]).await;
    app.browser_as(email).await
}

#[tokio::test]
async fn the_admin_and_account_pages_speak_spanish_and_french() {
    on_each_backend(|app| async move {
        let es = speaking(&app, "es@clinic.example", Role::Admin, "es").await;
        let fr = speaking(&app, "fr@clinic.example", Role::Admin, "fr").await;
        let pages: [(&str, [&str; 2], [&str; 2], &str); 4] = [
            (
                "/admin/users",
                ["Cuentas del personal de esta organización", "Nuevo usuario"],
                ["Les comptes du personnel de cette organisation", "Nouvel utilisateur"],
                "Staff accounts of this organisation",
            ),
            (
                "/admin/settings",
                ["Idioma predeterminado", "Guardar la configuración"],
                ["Langue par défaut", "Enregistrer les paramètres"],
                "Save settings",
            ),
            (
                "/account",
                ["Cambiar la contraseña", "Dónde tiene la sesión iniciada"],
                ["Changer de mot de passe", "Où vous êtes connecté·e"],
                "Where you are signed in",
            ),
            (
                "/account/mfa",
                ["Configure su aplicación de autenticación", "Activar la verificación en dos pasos"],
                ["Configurez votre application d’authentification", "Activer la vérification en deux étapes"],
                "Set up your authenticator app",
            ),
        ];
        for (path, spanish, french, english) in pages {
            let (status, body) = es.text(path).await;
            assert_eq!(status, 200, "{path}");
            assert!(spanish.iter().all(|s| body.contains(s)), "{path} in Spanish: {body}");
            assert!(!body.contains(english), "{path} still says {english:?} in Spanish");
            let (_, body) = fr.text(path).await;
            assert!(french.iter().all(|s| body.contains(s)), "{path} in French: {body}");
            assert!(!body.contains(english), "{path} still says {english:?} in French");
        }
        // Roles and dates on the users page are in the reader's language too.
        let (_, users) = es.text("/admin/users").await;
        assert!(users.contains("Administrador"), "{users}");

        // The error page: its heading, text and link.
        let (status, body) = es.text("/no/such/page").await;
        assert_eq!(status, 404);
        assert!(body.contains("Página no encontrada") && body.contains("Ir a la página de inicio"), "{body}");
        assert!(body.contains(r#"<html lang="es""#) && !body.contains("Page not found"));
        let (_, body) = fr.text("/no/such/page").await;
        assert!(body.contains("Page introuvable") && body.contains("Erreur 404."), "{body}");
    })
    .await;
}

#[tokio::test]
async fn the_organisation_default_language_is_a_setting() {
    on_each_backend(|app| async move {
        let es = speaking(&app, "es@clinic.example", Role::Admin, "es").await;
        let settings = |language: &'static str| {
            [
                ("name", "Clínica"),
                ("idle_timeout_minutes", "30"),
                ("absolute_lifetime_hours", "12"),
                ("break_glass_hours", "4"),
                ("country", "México"),
                ("crisis_resources", "Emergencias: 911"),
                ("default_language", language),
            ]
        };
        // An unknown code: refused in the reader's language, naming the field; nothing changes.
        let r = es.submit("/admin/settings", "/admin/settings", &settings("xx")).await;
        assert_eq!(r.status(), 422);
        let body = r.text().await.unwrap();
        assert!(body.contains(r##"<a href="#default_language">Elija uno de los idiomas de la lista</a>"##), "{body}");
        assert!(body.contains(r#"id="default_language-error""#) && body.contains("Hay un problema"));
        assert_eq!(app.store.organisation().await.unwrap().default_language, "en");

        let r = es.submit("/admin/settings", "/admin/settings", &settings("fr")).await;
        assert_eq!(r.status(), 303);
        assert_eq!(app.store.organisation().await.unwrap().default_language, "fr");
        let entries = app.audit_entries(action::SETTINGS_UPDATE).await;
        assert!(entries.iter().any(|e| e.event.detail.as_deref().is_some_and(|d| d.contains("default language fr"))));
        let (_, page) = es.text("/admin/settings").await;
        assert!(page.contains(r#"<option value="fr" lang="fr" selected>Français</option>"#), "{page}");
    })
    .await;
}

#[tokio::test]
async fn an_email_is_in_its_recipients_language_not_the_senders() {
    on_each_backend(|app| async move {
        app.user("admin@clinic.example", Role::Admin).await;
        let other = app.user("other@clinic.example", Role::Admin).await;
        let c = app.user("clin@clinic.example", Role::Clinician).await;
        app.sql("UPDATE users SET language = 'es' WHERE email = 'clin@clinic.example'", &[]).await;
        let admin = app.browser_as("admin@clinic.example").await;
        let page = format!("/admin/users/{}", c.id);
        let (_, form) = admin.text(&page).await;
        assert!(form.contains("Set a new password"), "the sender reads English");
        let r = admin.submit(&page, &page, &[("name", "Clin"), ("role", "supervisor")]).await;
        assert_eq!(r.status(), 303);
        let sent = app.store.outbox(50).await.unwrap();
        let to_clinician = sent.iter().find(|m| m.recipient_user_id.as_ref() == Some(&c.id)).unwrap();
        assert_eq!(to_clinician.subject, "Su cuenta de Rapport: cambio de rol");
        assert!(to_clinician.body.starts_with("Hola, "), "{}", to_clinician.body);
        assert!(to_clinician.body.contains("cambió su rol de Terapeuta a Supervisor(a)"), "{}", to_clinician.body);
        let to_admin = sent.iter().find(|m| m.recipient_user_id.as_ref() == Some(&other.id)).unwrap();
        assert!(to_admin.subject.starts_with("Rapport: role changed of"), "{}", to_admin.subject);

        // Without a language of their own, people read the organisation's default.
        app.sql("UPDATE users SET language = 'en' WHERE email = 'admin@clinic.example'", &[]).await;
        let settings = [
            ("name", "Clinic"),
            ("idle_timeout_minutes", "30"),
            ("absolute_lifetime_hours", "12"),
            ("break_glass_hours", "4"),
            ("country", "France"),
            ("crisis_resources", "Urgences : 112"),
            ("default_language", "fr"),
        ];
        assert_eq!(admin.submit("/admin/settings", "/admin/settings", &settings).await.status(), 303);
        app.sql("UPDATE users SET language = NULL WHERE email = 'clin@clinic.example'", &[]).await;
        let r = admin.submit(&page, &page, &[("name", "Clin"), ("role", "clinician")]).await;
        assert_eq!(r.status(), 303);
        let sent = app.store.outbox(50).await.unwrap();
        assert!(
            sent.iter().any(|m| m.subject == "Votre compte Rapport\u{a0}: rôle modifié"),
            "{:?}",
            sent.iter().map(|m| &m.subject).collect::<Vec<_>>()
        );
    })
    .await;
}

#[tokio::test]
async fn the_audit_csv_header_is_in_the_requesters_language() {
    on_each_backend(|app| async move {
        let fr = speaking(&app, "fr@clinic.example", Role::Admin, "fr").await;
        let text = fr.get("/admin/audit.csv").await.text().await.unwrap();
        assert!(text.starts_with("n°,heure_utc,id_acteur,acteur,action"), "{text}");
        let en = app.browser_as("fr@clinic.example").await;
        app.sql("UPDATE users SET language = 'en' WHERE email = 'fr@clinic.example'", &[]).await;
        let text = en.get("/admin/audit.csv").await.text().await.unwrap();
        assert!(text.starts_with("seq,time_utc,actor_id,actor,action"), "{text}");
    })
    .await;
}

#[tokio::test]
async fn the_application_layers_refusals_are_in_the_readers_language() {
    on_each_backend(|app| async move {
        // Forbidden, for a browser asking for Spanish.
        app.user("clinician@clinic.example", Role::Clinician).await;
        let clinician = app.browser_as("clinician@clinic.example").await;
        let r = clinician.http.get(app.url("/admin/users")).header("accept-language", "es").send().await.unwrap();
        assert_eq!(r.status(), 403);
        let body = r.text().await.unwrap();
        assert!(body.contains("Esta página es para administradores."), "{body}");
        assert!(!body.contains("This page is for administrators"), "{body}");
        let (status, english) = clinician.text("/admin/users").await;
        assert_eq!(status, 403);
        assert!(english.contains("This page is for administrators."), "{english}");

        // Conflict, for an administrator whose account speaks Spanish.
        let admin = app.user("admin@clinic.example", Role::Admin).await;
        app.sql("UPDATE users SET language = $1 WHERE email = $2", &["es", "admin@clinic.example"]).await;
        let es = app.browser_as("admin@clinic.example").await;
        let r = es.submit("/admin/users", &format!("/admin/users/{}/deactivate", admin.id), &[]).await;
        assert_eq!(r.status(), 409);
        let body = r.text().await.unwrap();
        assert!(body.contains("No puede desactivar su propia cuenta."), "{body}");
        assert!(!body.contains("deactivate your own account"), "{body}");
    })
    .await;
}
