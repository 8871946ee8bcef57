//! The timeline, worksheet, ending and risk pages in Spanish and French
//! (issue 15): headings, labels and notices from the care messages, and
//! validation errors worded in the reader's language.

use crate::support::*;

async fn speaks(app: &TestApp, email: &str, language: &str) {
    app.sql("UPDATE users SET language = $1 WHERE email = $2", &[language, email]).await;
}

async fn page(b: &Browser, path: &str) -> String {
    let (s, html) = b.text(path).await;
    assert_eq!(s, 200, "{path}: {html}");
    html
}

#[tokio::test]
async fn the_care_pages_speak_spanish_and_french() {
    on_each_backend(|app| async move {
        let email = "care-es@clinic.example";
        let (b, course, client) = course_in_browser(&app, email).await;
        speaks(&app, email, "es").await;

        let html = page(&b, &format!("{course}/timeline")).await;
        assert!(html.contains("Línea de vida interpersonal") && html.contains("Agregar un acontecimiento"), "{html}");
        assert!(html.contains("Inicio de los síntomas") && html.contains("Pérdida"));
        // The chart (server-side SVG) is not translated yet: only the page's own words.
        for english in [">Interpersonal timeline</h2>", "People involved", "Add an event"] {
            assert!(!html.contains(english), "{english}: {html}");
        }

        let html = page(&b, &format!("{course}/worksheets")).await;
        assert!(html.contains("Aún no hay hojas de trabajo.") && html.contains("Nuevo análisis de decisiones"));
        assert!(!html.contains("No worksheets yet."));
        let html = page(&b, &format!("{course}/worksheets/new?kind=communication_analysis")).await;
        assert!(html.contains("Sentimientos en cada paso") && html.contains("Comunicación abiertamente hostil"));
        assert!(!html.contains("Feelings at each step"));
        let html = page(&b, &format!("{course}/worksheets/new?kind=decision_analysis")).await;
        assert!(html.contains("Esta es la opción elegida") && html.contains("Obstáculos previstos"));

        let html = page(&b, &format!("{course}/ending")).await;
        assert!(html.contains("Señales tempranas de recaída") && html.contains("Decisión sobre el mantenimiento"));
        assert!(html.contains("Aún sin decidir") && !html.contains("Staying well"));

        let html = page(&b, &format!("/clients/{client}/risk-flags/new")).await;
        assert!(html.contains("Emitir una preocupación por riesgo") && html.contains("Lo que se observó"));
        assert!(!html.contains("What was observed"));
        let html = page(&b, "/risk-flags").await;
        assert!(html.contains("No hay alertas de riesgo abiertas.") && html.contains("acuse de recibo en 4 h"));
        assert!(!html.contains("No open risk flags."));

        speaks(&app, email, "fr").await;
        let html = page(&b, &format!("{course}/timeline")).await;
        assert!(html.contains("Ligne de vie interpersonnelle") && html.contains("Ajouter un événement"), "{html}");
        assert!(!html.contains(">Interpersonal timeline</h2>"));
        let html = page(&b, &format!("{course}/worksheets")).await;
        assert!(html.contains("Fiches d’exercice") && html.contains("Nouvelle analyse de la communication"));
        let html = page(&b, &format!("{course}/ending")).await;
        assert!(html.contains("Signes précoces de rechute") && !html.contains("Early warning signs of relapse"));
        let html = page(&b, "/risk-flags").await;
        assert!(html.contains("Aucune alerte de risque ouverte.") && !html.contains("No open risk flags."));

        // English stays as it was.
        speaks(&app, email, "en").await;
        let html = page(&b, &format!("{course}/timeline")).await;
        assert!(html.contains("Interpersonal timeline") && html.contains("Add an event"));
    })
    .await;
}

#[tokio::test]
async fn a_risk_flag_is_handled_in_spanish_with_errors_naming_the_field() {
    on_each_backend(|app| async move {
        let email = "care-risk@clinic.example";
        let (b, _course, client) = course_in_browser(&app, email).await;
        speaks(&app, email, "es").await;
        let form = format!("/clients/{client}/risk-flags/new");
        let post = format!("/clients/{client}/risk-flags");

        // Nothing observed: the Spanish message on the field, nothing raised.
        let r = b.submit(&form, &post, &[("detail", "  ")]).await;
        assert_eq!(r.status(), 422);
        let html = r.text().await.unwrap();
        assert!(html.contains("Hay un problema") && html.contains("Describa lo que se observó"), "{html}");
        assert!(!html.contains("Describe what was observed"));
        assert!(app.open_flags(&client).await.is_empty());

        let r = b.submit(&form, &post, &[("detail", "Dijo que no ve salida")]).await;
        assert_eq!(r.status(), 303);
        let flag = location(&r);
        assert!(flag.ends_with("?done=concern-raised"), "{flag}");
        let html = page(&b, &flag).await;
        assert!(html.contains("La preocupación por riesgo se emitió como alerta de riesgo."), "{html}");
        assert!(html.contains("Estado: abierta") && html.contains("Registrada por un(a) terapeuta"));
        assert!(html.contains("1. Evaluación estructurada del riesgo") && html.contains("Razones para vivir"));
        assert!(html.contains(">inminente</option>") && html.contains("value=\"imminent\""));
        assert!(html.contains("Una puntuación de 0 en un ítem de riesgo nunca descarta el riesgo."));
        assert!(html.contains("quedan ") && html.contains("(plazo 4 h)"), "{html}");
        assert!(!html.contains("Structured risk assessment") && !html.contains("Reasons for living"));

        // An empty assessment: every required part named in Spanish.
        let path = flag.split('?').next().unwrap().to_string();
        let r = b.submit(&path, &format!("{path}/assessment"), &[("ideation", "Ninguna")]).await;
        assert_eq!(r.status(), 422);
        let html = r.text().await.unwrap();
        assert!(html.contains("El plan es obligatorio") && html.contains("Los factores protectores son obligatorios"));
        assert!(html.contains("El nivel de riesgo debe ser bajo, moderado, alto o inminente"), "{html}");
        assert!(!html.contains("Plan is required"));

        // Sign-off without confirming: refused in Spanish.
        let r = b.submit(&path, &format!("{path}/close"), &[("note", "x")]).await;
        assert_eq!(r.status(), 422);
        let html = r.text().await.unwrap();
        assert!(html.contains("Confirme la firma de cierre") || html.contains("Primero registre una evaluación"));
    })
    .await;
}
