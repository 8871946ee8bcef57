//! The course and session pages in Spanish and French (issue 15): the course
//! page, starting a course (with a refusal naming its field), the session page
//! with the progress-note editor, the process note, and signing and amending a
//! note in French.

use crate::support::*;
use serde_json::json;

/// A clinician whose account speaks `language`: their browser and API, a
/// 16-session course with three attended weekly sessions, and their user id.
async fn course_in(app: &TestApp, email: &str, language: &str) -> (Browser, Api, String, Vec<String>, String) {
    let (user, api, client) = client_of(app, email).await;
    app.sql("UPDATE users SET language = $1 WHERE email = $2", &[language, email]).await;
    let body = json!({"protocol": "ipt-individual", "planned_sessions": 16, "start_date": "2026-01-05"});
    let course = api.new_course(&client, body).await;
    let sessions = api.attended_sessions(&course, &["2026-01-05", "2026-01-12", "2026-01-19"]).await;
    let b = app.browser_as(&user.email).await;
    (b, api, course, sessions, user.id.to_string())
}

#[tokio::test]
async fn the_course_page_speaks_spanish_and_french() {
    on_each_backend(|app| async move {
        let (b, _, course, _, _) = course_in(&app, "es-course@clinic.example", "es").await;
        let (s, html) = b.text(&format!("/courses/{course}")).await;
        assert_eq!(s, 200);
        assert!(html.contains("Sesión 3 de 16"), "{html}");
        assert!(html.contains("quedan 13"), "{html}");
        assert!(html.contains("Próxima sesión") && html.contains("Historial del contrato"), "{html}");
        assert!(html.contains("Lista de la fase inicial") && html.contains("Registrar una sesión"), "{html}");
        assert!(html.contains("Asistió") && html.contains("Presencial"), "{html}");
        assert!(html.contains("Secciones del tratamiento") && html.contains("Línea de vida"), "{html}");
        assert!(!html.contains("Contract history") && !html.contains("Record a session"), "{html}");

        let (b, _, course, _, _) = course_in(&app, "fr-course@clinic.example", "fr").await;
        let (_, html) = b.text(&format!("/courses/{course}")).await;
        assert!(html.contains("Séance 3 sur 16") && html.contains("13 restantes"), "{html}");
        assert!(html.contains("Prochaine séance") && html.contains("Historique du contrat"), "{html}");
        assert!(html.contains("Enregistrer une séance") && html.contains("Honorée"), "{html}");
        assert!(!html.contains("Next session") && !html.contains("Close the course"), "{html}");
    })
    .await;
}

#[tokio::test]
async fn starting_a_course_refuses_in_spanish_naming_the_field() {
    on_each_backend(|app| async move {
        let (user, _, client) = client_of(&app, "es-new@clinic.example").await;
        app.sql("UPDATE users SET language = 'es' WHERE email = $1", &[&user.email]).await;
        let b = app.browser_as(&user.email).await;
        let page = format!("/clients/{client}/courses/new");
        let (s, html) = b.text(&page).await;
        assert_eq!(s, 200);
        assert!(html.contains("Iniciar un tratamiento de TIP") && html.contains("Número de sesiones"), "{html}");
        assert!(!html.contains("Start a course of IPT"), "{html}");
        let fields = [("protocol", "ipt-individual"), ("planned_sessions", "3"), ("start_date", "2026-01-05")];
        let r = b.submit(&page, &page, &fields).await;
        assert_eq!(r.status(), 422, "the form comes back with the refusal");
        let html = r.text().await.unwrap();
        assert!(html.contains("Hay un problema"), "{html}");
        assert!(html.contains(r##"<a href="#planned_sessions">"##), "the summary links the field: {html}");
        assert!(html.contains("admite de 12 a 16 sesiones (se indicó 3)"), "{html}");
        assert!(!html.contains("sessions (got 3)"), "{html}");
    })
    .await;
}

#[tokio::test]
async fn the_session_page_and_its_note_editor_speak_spanish_and_french() {
    on_each_backend(|app| async move {
        let (b, _, course, sessions, _) = course_in(&app, "es-session@clinic.example", "es").await;
        let page = format!("/courses/{course}/sessions/{}", sessions[2]);
        let (s, html) = b.text(&page).await;
        assert_eq!(s, 200);
        assert!(html.contains("Sesión 3 de 16") && html.contains("quedan 13 después de esta"), "{html}");
        assert!(html.contains("Nota de evolución") && html.contains("Ánimo (0 a 10)"), "{html}");
        assert!(html.contains("Análisis de la comunicación") && html.contains("Ningún riesgo identificado"), "{html}");
        assert!(html.contains("Guardar borrador") && html.contains("Firmar la nota"), "{html}");
        assert!(html.contains("Nota de proceso") && html.contains("Solo usted puede leer esto."), "{html}");
        assert!(!html.contains("Progress note") && !html.contains("Save draft"), "{html}");
        // A refused save names the field in Spanish.
        let r = b.submit(&page, &format!("{page}/note"), &[("version", "0"), ("mood", "11")]).await;
        assert_eq!(r.status(), 422);
        let html = r.text().await.unwrap();
        assert!(html.contains("El ánimo se puntúa de 0 a 10 (se indicó 11)"), "{html}");

        let (b, _, course, sessions, _) = course_in(&app, "fr-session@clinic.example", "fr").await;
        let page = format!("/courses/{course}/sessions/{}", sessions[0]);
        let (_, html) = b.text(&page).await;
        assert!(html.contains("Séance 1 sur 16") && html.contains("Note d’évolution"), "{html}");
        assert!(html.contains("Évaluation du risque") && html.contains("Enregistrer le brouillon"), "{html}");
        assert!(!html.contains("Risk check") && !html.contains("Sign note"), "{html}");
    })
    .await;
}

#[tokio::test]
async fn the_process_note_page_speaks_spanish_and_french() {
    on_each_backend(|app| async move {
        for (email, language, heading, not_english) in [
            ("es-process@clinic.example", "es", "Nota de proceso privada", "Private process note"),
            ("fr-process@clinic.example", "fr", "Note de processus privée", "Private process note"),
        ] {
            let (b, _, course, sessions, me) = course_in(&app, email, language).await;
            let page = format!("/courses/{course}/sessions/{}", sessions[0]);
            let r = b.submit(&page, &format!("{page}/process-note"), &[("version", "0"), ("text", "Reflexión")]).await;
            assert_eq!(r.status(), 303, "{}", location(&r));
            let (s, html) = b.text(&format!("{page}/process-notes/{me}")).await;
            assert_eq!(s, 200);
            assert!(html.contains(heading) && html.contains("Reflexión"), "{html}");
            assert!(!html.contains(not_english) && !html.contains("Back to the session"), "{html}");
        }
    })
    .await;
}

#[tokio::test]
async fn signing_and_amending_a_note_works_in_french() {
    on_each_backend(|app| async move {
        let (b, api, course, sessions, _) = course_in(&app, "fr-sign@clinic.example", "fr").await;
        let page = format!("/courses/{course}/sessions/{}", sessions[1]);
        let note = [("version", "0"), ("mood", "4"), ("plan", "Revoir la discussion")];
        assert_eq!(b.submit(&page, &format!("{page}/note"), &note).await.status(), 303);
        // Signing without the risk check: refused in French, naming the field.
        let r = b.submit(&page, &format!("{page}/note/sign"), &[("version", "1"), ("mood", "4")]).await;
        assert_eq!(r.status(), 422);
        let html = r.text().await.unwrap();
        assert!(html.contains("Renseignez l’évaluation du risque avant de signer"), "{html}");
        assert!(html.contains(r##"<a href="#risk">"##), "{html}");
        // The check passes: the page asks to confirm, in French.
        let signed = [("version", "1"), ("mood", "4"), ("risk", "none_identified"), ("plan", "Revoir la discussion")];
        let mut check = signed.to_vec();
        check.push(("sign_step", "check"));
        let r = b.submit(&page, &format!("{page}/note/sign"), &check).await;
        assert_eq!(r.status(), 200);
        assert!(r.text().await.unwrap().contains("La note est complète. La signer maintenant"));
        let r = b.submit(&page, &format!("{page}/note/sign"), &signed).await;
        assert_eq!(r.status(), 303, "{}", location(&r));
        let (_, n) = api.get(&format!("/api/v1/sessions/{}/note", sessions[1])).await;
        assert_eq!(n["status"], "signed", "{n}");
        let (_, html) = b.text(&page).await;
        assert!(html.contains("Signée") && html.contains("Aucun risque identifié"), "{html}");
        // An empty addendum is refused in French; a real one is added.
        let r = b.submit(&page, &format!("{page}/note/addenda"), &[("text", " ")]).await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("Rédigez l’addendum"));
        let r = b.submit(&page, &format!("{page}/note/addenda"), &[("text", "Appel du médecin traitant")]).await;
        assert_eq!(r.status(), 303);
        let (_, html) = b.text(&page).await;
        assert!(html.contains("Addenda") && html.contains("Appel du médecin traitant"), "{html}");
        assert_eq!(n["plan"], "Revoir la discussion");
    })
    .await;
}
