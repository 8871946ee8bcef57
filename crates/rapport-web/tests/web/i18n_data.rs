//! Words that come from data files (protocols, fidelity checklists,
//! certification pathways) and the reminder and e-mail names on the
//! administrator's pages, read in Spanish and French (issue 15).

use crate::support::*;
use rapport_core::access::Role;
use rapport_core::Timestamp;
use serde_json::json;

/// `path` as a signed-in browser whose `Accept-Language` is `language`
/// (the account has no saved language, so the header decides).
async fn page_in(app: &TestApp, b: &Browser, path: &str, language: &str) -> String {
    let r = b.http.get(app.url(path)).header("accept-language", language).send().await.unwrap();
    assert_eq!(r.status(), 200, "{path}");
    r.text().await.unwrap()
}

#[tokio::test]
async fn a_spanish_reader_sees_protocols_checklists_and_pathways_in_spanish() {
    on_each_backend(|app| async move {
        let (user, api, client) = client_of(&app, "es-data@clinic.example").await;
        let course = api
            .new_course(&client, json!({"protocol": "ipt-a", "planned_sessions": 12, "start_date": "2026-01-05"}))
            .await;
        let sessions = api.attended_sessions(&course, &["2026-01-05"]).await;
        let b = app.browser_as(&user.email).await;

        let html = page_in(&app, &b, &format!("/courses/{course}"), "es").await;
        assert!(html.contains("TIP para adolescentes (TIP-A)"), "{html}");
        assert!(!html.contains("IPT for adolescents"), "{html}");
        let html = page_in(&app, &b, &format!("/clients/{client}"), "es").await;
        assert!(html.contains("TIP para adolescentes (TIP-A)") && !html.contains("IPT for adolescents"), "{html}");

        let html = page_in(&app, &b, &format!("/clients/{client}/courses/new"), "es-MX,es;q=0.9").await;
        assert!(html.contains("TIP individual") && html.contains("de 12 a 16 sesiones semanales"), "{html}");
        assert!(!html.contains("Individual IPT") && !html.contains("Standard adult individual IPT"), "{html}");

        let fidelity = format!("/courses/{course}/sessions/{}/fidelity/new", sessions[0]);
        let html = page_in(&app, &b, &fidelity, "es").await;
        assert!(html.contains("¿La sesión hizo lo que la TIP pide en su fase?"), "{html}");
        assert!(!html.contains("Did the session do what IPT asks"), "{html}");
        let html = page_in(&app, &b, &fidelity, "fr").await;
        assert!(html.contains("La séance a-t-elle fait ce que la TIP demande"), "{html}");

        let record = format!("/people/{}/record", user.id);
        let html = page_in(&app, &b, &record, "es").await;
        assert!(
            html.contains("Terapeuta certificado(a) en TIP") && html.contains("Un curso reconocido de TIP"),
            "{html}"
        );
        assert!(html.contains("Horas de formación") && html.contains("mediciones al menos cada 4 sesiones"), "{html}");
        assert!(!html.contains("16-hour") && !html.contains("Supervised cases with"), "{html}");
        let html = page_in(&app, &b, &record, "fr").await;
        assert!(html.contains("Animateur·rice de TIP de groupe") && html.contains("Heures de supervision"), "{html}");

        // English readers keep the protocol's own words.
        let html = page_in(&app, &b, &format!("/courses/{course}"), "en").await;
        assert!(html.contains("IPT for adolescents (IPT-A)"), "{html}");
    })
    .await;
}

#[tokio::test]
async fn reminder_lead_times_and_email_kinds_are_named_in_the_readers_language() {
    on_each_backend(|app| async move {
        app.user("es-admin@clinic.example", Role::Admin).await;
        let b = app.browser_as("es-admin@clinic.example").await;
        let html = page_in(&app, &b, "/admin/settings", "es").await;
        assert!(html.contains(">24 horas antes<") && html.contains(">Desactivados<"), "{html}");
        assert!(!html.contains("hours before"), "{html}");
        let html = page_in(&app, &b, "/admin/settings", "fr").await;
        assert!(html.contains(">48 heures avant<"), "{html}");

        let now = Timestamp::now().to_db();
        for kind in ["session_reminder", "risk_flag_escalated_duty", "a_kind_from_a_later_version"] {
            let id = rapport_core::Id::new().to_string();
            app.sql(
                "INSERT INTO outbox (id, kind, recipient_email, subject, body, created_at) \
                 VALUES ($1, $2, 'someone@example.org', 'Subject', 'Body', $3)",
                &[&id, kind, &now],
            )
            .await;
        }
        let html = page_in(&app, &b, "/admin/email", "es").await;
        assert!(html.contains("Recordatorio de sesión"), "{html}");
        assert!(html.contains("Alerta de riesgo enviada al/a la terapeuta de guardia"), "{html}");
        assert!(!html.contains("session_reminder") && !html.contains("risk_flag_escalated_duty"), "{html}");
        assert!(html.contains("a_kind_from_a_later_version"), "an unknown kind shows its code: {html}");
        let html = page_in(&app, &b, "/admin/email", "en").await;
        assert!(html.contains("Session reminder"), "{html}");
    })
    .await;
}
