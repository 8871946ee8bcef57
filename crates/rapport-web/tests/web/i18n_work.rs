//! The clinical work pages (formulation, an area workspace, goals, the
//! inventory and a person) in Spanish and French (issue 15), and a form error
//! worded in the reader's language.

use crate::support::*;
use serde_json::json;

/// A clinician whose account reads `language`, with a client whose course has a
/// formulation (role dispute), its workspace, a goal and one person in the
/// inventory: (browser, course id, person id).
async fn worked_course(app: &TestApp, email: &str, language: &str) -> (Browser, String, String) {
    let (user, api, client) = client_of(app, email).await;
    let course = api.new_course(&client, json!({"protocol": "ipt-individual", "start_date": "2026-01-05"})).await;
    let (s, _) =
        api.put(&format!("/api/v1/courses/{course}/formulation"), json!({"problem_areas": ["role_dispute"]})).await;
    assert_eq!(s, 200);
    let area = json!({"other_person": "Sam", "stage": "impasse"});
    let (s, _) = api.put(&format!("/api/v1/courses/{course}/areas/role_dispute"), area).await;
    assert_eq!(s, 200);
    let goal = json!({"problem_area": "role_dispute", "statement": "Talk to Sam calmly"});
    api.create(&format!("/api/v1/courses/{course}/goals"), goal).await;
    let person = json!({"display_name": "Sam", "relationship": "partner", "ring": "inner", "conflict": true});
    let person = api.create(&format!("/api/v1/clients/{client}/people"), person).await;
    app.sql("UPDATE users SET language = $1 WHERE id = $2", &[language, user.id.as_str()]).await;
    let b = app.browser_as(email).await;
    (b, course, person["id"].as_str().unwrap().to_string())
}

async fn page(b: &Browser, path: &str) -> String {
    let (s, html) = b.text(path).await;
    assert_eq!(s, 200, "{path}: {html}");
    html
}

#[tokio::test]
async fn the_work_pages_speak_spanish_and_french() {
    on_each_backend(|app| async move {
        let (es, course, person) = worked_course(&app, "work-es@clinic.example", "es").await;
        let c = format!("/courses/{course}");

        let html = page(&es, &format!("{c}/formulation")).await;
        assert!(html.contains("Formulación interpersonal") && html.contains("Áreas problema"), "{html}");
        assert!(html.contains("Disputa de roles") || html.contains("disputa de roles"), "area term: {html}");
        assert!(!html.contains("Interpersonal formulation"), "{html}");
        let html = page(&es, &format!("{c}/formulation/role_dispute")).await;
        assert!(html.contains("Etapa de la disputa: ahora impasse") && html.contains("Renegociación"), "{html}");
        assert!(html.contains("Historial de etapas") && !html.contains("Stage history"), "{html}");
        let html = page(&es, &format!("{c}/goals")).await;
        assert!(html.contains("Añadir un objetivo") && html.contains(">Activo<"), "{html}");
        assert!(!html.contains("Add a goal"), "{html}");
        let html = page(&es, &format!("{c}/inventory")).await;
        assert!(html.contains("Círculo de cercanía") && html.contains("Anillo interior (el más cercano)"), "{html}");
        assert!(html.contains("Pareja") && html.contains("conflicto"), "{html}");
        assert!(!html.contains("Closeness circle") && !html.contains("People by ring"), "{html}");
        // The circle figure speaks Spanish too: its centre, legend and description.
        assert!(html.contains(">Consultante</text>") && html.contains("Da apoyo a la persona consultante"), "{html}");
        assert!(html.contains("La persona consultante en el centro, con 1 persona a su alrededor."), "{html}");
        let html = page(&es, &format!("{c}/inventory/people/{person}")).await;
        assert!(html.contains("Relación con la persona consultante") && html.contains("Guardar los cambios"), "{html}");
        assert!(!html.contains("Who they are"), "{html}");

        let (fr, course, person) = worked_course(&app, "work-fr@clinic.example", "fr").await;
        let c = format!("/courses/{course}");
        let html = page(&fr, &format!("{c}/formulation")).await;
        assert!(html.contains("Formulation interpersonnelle") && html.contains("Domaines problématiques"), "{html}");
        assert!(!html.contains("Problem areas"), "{html}");
        let html = page(&fr, &format!("{c}/formulation/role_dispute")).await;
        assert!(html.contains("Stade du conflit\u{a0}: actuellement impasse"), "{html}");
        let html = page(&fr, &format!("{c}/goals")).await;
        assert!(html.contains("Ajouter un objectif") && html.contains(">Actif<"), "{html}");
        let html = page(&fr, &format!("{c}/inventory")).await;
        assert!(html.contains("Cercle de proximité") && html.contains("Carte du soutien social"), "{html}");
        assert!(!html.contains("Social support map"), "{html}");
        let html = page(&fr, &format!("{c}/inventory/people/{person}")).await;
        assert!(html.contains("Qui est cette personne") && html.contains("Enregistrer les modifications"), "{html}");
        let html = page(&fr, &format!("{c}/inventory/people/{person}/history")).await;
        assert!(html.contains("Historique de Sam") && html.contains("Version 1 · ajoutée"), "{html}");
    })
    .await;
}

#[tokio::test]
async fn a_person_form_error_is_in_spanish_and_names_the_field() {
    on_each_backend(|app| async move {
        let (b, course, _) = worked_course(&app, "work-err@clinic.example", "es").await;
        let new = format!("/courses/{course}/inventory/people/new");
        let r = b.submit(&new, &new, &[("display_name", "Ana"), ("relationship", "friend")]).await;
        assert_eq!(r.status().as_u16(), 422);
        let html = r.text().await.unwrap();
        assert!(
            html.contains(r##"<a href="#ring">Elija el anillo: interior (el más cercano), intermedio o exterior</a>"##),
            "{html}"
        );
        assert!(!html.contains("Choose the ring"), "{html}");

        // A goal without words: the Spanish rule on the statement field.
        let goals = format!("/courses/{course}/goals");
        let r = b.submit(&goals, &goals, &[("problem_area", "role_dispute"), ("statement", " ")]).await;
        let html = r.text().await.unwrap();
        assert!(html.contains("Escriba el objetivo con las propias palabras de la persona consultante"), "{html}");
    })
    .await;
}
