//! Measures in several languages (issue 15): a validated translation is
//! offered to a reader of its language and recorded with the response; a
//! language without one shows the English text with a note; scores never
//! depend on the language; the measure pages speak the reader's language.

use crate::support::*;
use rapport_core::access::Role;

/// A clinician whose account is in `language`, with a client of theirs.
async fn clinician_in(app: &TestApp, email: &str, language: &str) -> (Browser, String) {
    app.user(email, Role::Clinician).await;
    app.sql("UPDATE users SET language = $1 WHERE email = $2", &[language, email]).await;
    let b = app.browser_as(email).await;
    let c = b.new_client("Ana Reyes").await.to_string();
    (b, c)
}

/// The PHQ-9 form posted with `answers` (items 1-9) as shown in `language`.
async fn post_phq9(b: &Browser, c: &str, language: &str, answers: &[&str]) -> reqwest::Response {
    let page = format!("/clients/{c}/measures/new?instrument=phq9");
    let fields: Vec<(String, String)> =
        answers.iter().enumerate().map(|(i, a)| (format!("item_{}", i + 1), a.to_string())).collect();
    let mut form: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    form.extend([("instrument", "phq9"), ("form_language", language), ("mode", "in_session")]);
    b.submit(&page, &format!("/clients/{c}/measures/new"), &form).await
}

#[tokio::test]
async fn a_spanish_reader_gets_the_spanish_phq9_and_the_response_records_it_with_the_same_score() {
    on_each_backend(|app| async move {
        let (b, c) = clinician_in(&app, "es@clinic.example", "es").await;
        let (status, html) = b.text(&format!("/clients/{c}/measures/new?instrument=phq9")).await;
        assert_eq!(status, 200);
        for es in [
            "Poco interés o placer en hacer cosas",
            "Durante las últimas 2 semanas, ¿qué tan seguido ha tenido molestias debido a los siguientes problemas?",
            "Ningún día",
            "No ha sido difícil",
            r#"Versión en español: <span translate="no">Pfizer PHQ-9"#,
            "Guardar y puntuar",
            "Fecha de respuesta",
        ] {
            assert!(html.contains(es), "{es} in {html}");
        }
        assert!(html.contains(r#"name="form_language" value="es""#) && html.contains(r#"lang="es""#));
        assert!(!html.contains("Little interest or pleasure") && !html.contains("Save and score"));
        assert!(!html.contains("questionnaire-language-note"), "Spanish is available: no note");

        let answers = ["2", "2", "1", "3", "1", "2", "1", "0", "0"];
        let r = post_phq9(&b, &c, "es", &answers).await;
        assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
        let saved = location(&r);
        // The same answers on the English form (a paper copy in English, say).
        let r = post_phq9(&b, &c, "en", &answers).await;
        assert_eq!(r.status(), 303);

        let id = rapport_core::Id::parse(&c).unwrap();
        let rows = app.store.responses(&id).await.unwrap();
        assert_eq!(rows.len(), 2);
        let (es, en) = (&rows[0], &rows[1]);
        assert_eq!((es.language.as_deref(), en.language.as_deref()), (Some("es"), Some("en")));
        assert_eq!((es.total, &es.band, &es.band_set, &es.flags), (Some(12), &en.band, &en.band_set, &en.flags));
        assert_eq!(
            (&es.answers, &es.item_scores, &es.instrument_version),
            (&en.answers, &en.item_scores, &en.instrument_version)
        );

        let (_, page) = b.text(&saved).await;
        assert!(page.contains("Idioma") && page.contains(r#"data-testid="response-language">español"#), "{page}");
        assert!(
            page.contains(r#"Versión en español: <span translate="no">Pfizer PHQ-9"#) && page.contains("Puntuación")
        );
        assert!(!page.contains(">Answers<"));
    })
    .await;
}

#[tokio::test]
async fn a_questionnaire_without_french_shows_english_with_a_note() {
    on_each_backend(|app| async move {
        let (b, c) = clinician_in(&app, "fr@clinic.example", "fr").await;
        let (status, html) = b.text(&format!("/clients/{c}/measures/new?instrument=gad7")).await;
        assert_eq!(status, 200);
        assert!(
            html.contains("Ce questionnaire n’est pas disponible en français\u{202f}; il est présenté en anglais."),
            "{html}"
        );
        assert!(html.contains("Feeling nervous") && html.contains(r#"name="form_language" value="en""#));
        assert!(html.contains("Enregistrer et coter") && !html.contains("Save and score"));
        // The PHQ-9 is shipped in French: no note.
        let (_, phq9) = b.text(&format!("/clients/{c}/measures/new?instrument=phq9")).await;
        assert!(
            phq9.contains("Peu d’intérêt ou de plaisir à faire les choses")
                && phq9.contains("Plus de la moitié du temps")
        );
        assert!(!phq9.contains("questionnaire-language-note"));

        // A Spanish reader gets the note in Spanish.
        let (b, c) = clinician_in(&app, "es@clinic.example", "es").await;
        let (_, html) = b.text(&format!("/clients/{c}/measures/new?instrument=gad7")).await;
        assert!(html.contains("Este cuestionario no está disponible en español; se muestra en inglés."), "{html}");
        // English readers see no note.
        let (b, c) = clinician_in(&app, "en@clinic.example", "en").await;
        let (_, html) = b.text(&format!("/clients/{c}/measures/new?instrument=gad7")).await;
        assert!(!html.contains("questionnaire-language-note") && html.contains("Save and score"));
    })
    .await;
}

#[tokio::test]
async fn a_refused_form_says_why_in_spanish_naming_the_question() {
    on_each_backend(|app| async move {
        let (b, c) = clinician_in(&app, "es@clinic.example", "es").await;
        let r = post_phq9(&b, &c, "es", &[]).await;
        assert_eq!(r.status(), 422);
        let html = r.text().await.unwrap();
        assert!(html.contains("Responda al menos una pregunta del PHQ-9"), "{html}");
        assert!(html.contains("#item_1"), "the summary links to the first question: {html}");
        assert!(!html.contains("Answer at least one question"));
        let id = rapport_core::Id::parse(&c).unwrap();
        assert!(app.store.responses(&id).await.unwrap().is_empty(), "nothing stored");
    })
    .await;
}

#[tokio::test]
async fn the_measures_page_and_its_chart_speak_the_readers_language() {
    on_each_backend(|app| async move {
        for (lang, email, words, english) in [
            (
                "es",
                "es@clinic.example",
                ["Cuestionarios y resultados", "Registrar un cuestionario", "Puntuaciones del PHQ-9"],
                "Measures and outcomes",
            ),
            (
                "fr",
                "fr@clinic.example",
                ["Questionnaires et résultats", "Saisir un questionnaire", "Scores du PHQ-9"],
                "Record a measure",
            ),
        ] {
            let (b, c) = clinician_in(&app, email, lang).await;
            assert_eq!(post_phq9(&b, &c, lang, &["1", "1", "1", "1", "1", "1", "1", "1", "0"]).await.status(), 303);
            let (status, html) = b.text(&format!("/clients/{c}/measures")).await;
            assert_eq!(status, 200);
            for w in words {
                assert!(html.contains(w), "{lang}: {w} in {html}");
            }
            assert!(!html.contains(english) && !html.contains("PHQ-9 scores as a table"), "{lang}");
            // The chart is a focusable, named region.
            assert!(html.contains(r#"class="chart-scroll" tabindex="0" role="region" aria-label="#), "{lang}");
        }
    })
    .await;
}
