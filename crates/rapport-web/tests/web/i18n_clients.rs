//! The staff pages around clients in Spanish and French (issue 15): Today,
//! the caseload, the calendar, a client's record, its form and its care
//! context; the client's preferred language chosen from the shipped ones.

use crate::support::*;
use rapport_core::access::Role;

/// A clinician whose account is in `language`, signed in, with one client
/// ("Ana Ejemplo") and an open course: (browser, client id, course path).
async fn clinician_in(app: &TestApp, email: &str, language: &str) -> (Browser, String, String) {
    let user = app.user(email, Role::Clinician).await;
    app.sql("UPDATE users SET language = $1 WHERE id = $2", &[language, user.id.as_str()]).await;
    let b = app.browser_as(email).await;
    let client = b.new_client("Ana Ejemplo").await.to_string();
    let fields = [("protocol", "ipt-individual"), ("planned_sessions", "16"), ("start_date", "2026-01-05")];
    let course = b.new_course(&client, &fields).await;
    (b, client, course)
}

async fn page(b: &Browser, path: &str) -> String {
    let (status, body) = b.text(path).await;
    assert_eq!(status, 200, "{path}: {body}");
    body
}

/// Every text in `want` is on the page, and none of `english`.
fn speaks(body: &str, want: &[&str], english: &[&str]) {
    for w in want {
        assert!(body.contains(w), "{w:?} missing: {body}");
    }
    for e in english {
        assert!(!body.contains(e), "English {e:?} left: {body}");
    }
}

#[tokio::test]
async fn the_client_pages_speak_spanish() {
    on_each_backend(|app| async move {
        let (b, client, course) = clinician_in(&app, "es@clinic.example", "es").await;
        let today = page(&b, "/today").await;
        speaks(
            &today,
            &["<h1>Hoy</h1>", "1 consultante en sus equipos de atención", "Sesiones de hoy", "Tareas vencidas"],
            &["Today's sessions", "Overdue tasks", "Notes to sign"],
        );
        let caseload = page(&b, "/clients").await;
        speaks(
            &caseload,
            &["<h1>Casos</h1>", "Nuevo consultante", "Fecha de nacimiento", "Terapeuta responsable", "1 consultante"],
            &["New client", "Responsible clinician", "Last updated"],
        );
        let calendar = page(&b, "/calendar?view=month&date=2026-12-04").await;
        speaks(
            &calendar,
            &["<h1>Calendario</h1>", "dic 2026", "Programar una sesión", "Semana", "lun"],
            &["Book a session", "Everyone I see", ">Mon<"],
        );
        let week = page(&b, "/calendar?view=week&date=2026-12-04").await;
        assert!(week.contains("Semana del 30 nov 2026"), "{week}");
        let record = page(&b, &format!("/clients/{client}")).await;
        speaks(
            &record,
            &[
                "Editar la ficha",
                "Tratamientos de TIP",
                "Contacto de emergencia",
                "Recordatorios enviados",
                "Creado el",
            ],
            &["Edit record", "Courses of IPT", "Reminders sent"],
        );
        let context = page(&b, &format!("{course}/context")).await;
        speaks(
            &context,
            &[
                "Formulación cultural",
                "No hay medicación actual registrada.",
                "Añadir un medicamento",
                "Dosis",
                "Notas de coordinación",
            ],
            &["Cultural formulation", "Add medication", "Coordination notes"],
        );
        let team = page(&b, &format!("/clients/{client}/care-team")).await;
        speaks(&team, &["Equipo de atención", "Integrantes", "Terapeuta responsable"], &["On the team since"]);
    })
    .await;
}

#[tokio::test]
async fn the_client_pages_speak_french() {
    on_each_backend(|app| async move {
        let (b, client, course) = clinician_in(&app, "fr@clinic.example", "fr").await;
        let today = page(&b, "/today").await;
        speaks(&today, &["<h1>Aujourd’hui</h1>", "Séances du jour"], &["Today's sessions"]);
        let caseload = page(&b, "/clients").await;
        speaks(&caseload, &["<h1>Dossiers</h1>", "Date de naissance"], &["Date of birth"]);
        let calendar = page(&b, "/calendar").await;
        speaks(&calendar, &["<h1>Calendrier</h1>", "Planifier une séance"], &["Book a session"]);
        let record = page(&b, &format!("/clients/{client}")).await;
        speaks(&record, &["Modifier le dossier", "Traitements TIP"], &["Edit record"]);
        let context = page(&b, &format!("{course}/context")).await;
        speaks(
            &context,
            &["Formulation culturelle", "Aucun médicament en cours noté.", "Autres traitements et intervenant·es"],
            &["Cultural formulation", "Other treatment and providers"],
        );
        // A refused coordination note says why in French, next to its field.
        let r = b
            .submit(&format!("{course}/context"), &format!("{course}/context/notes"), &[("date", ""), ("note", "x")])
            .await;
        assert_eq!(r.status(), 422, "the page again, with its error");
        let body = r.text().await.unwrap();
        assert!(body.contains("Saisissez la date (AAAA-MM-JJ)") && body.contains("href=\"#notes-date\""), "{body}");
    })
    .await;
}

#[tokio::test]
async fn a_refused_client_form_names_the_field_in_spanish() {
    on_each_backend(|app| async move {
        let (b, client, _) = clinician_in(&app, "es-form@clinic.example", "es").await;
        let form = page(&b, "/clients/new").await;
        speaks(&form, &["Nombre de uso", "Idioma preferido (opcional)", "Crear el consultante"], &["Create client"]);
        let r = b.submit("/clients/new", "/clients/new", &[("display_name", "  "), ("email", "no")]).await;
        assert_eq!(r.status(), 422);
        let body = r.text().await.unwrap();
        assert!(body.contains("Hay un problema"), "{body}");
        assert!(body.contains("Escriba un nombre de uso") && body.contains("href=\"#display_name\""), "{body}");
        assert!(body.contains("El correo electrónico debe tener la forma nombre@ejemplo.org"), "{body}");
        assert!(!body.contains("Enter a display name"), "{body}");
        // Emergency access refuses a short reason in Spanish too.
        let other = app.user("other-es@clinic.example", Role::Clinician).await;
        app.sql("UPDATE users SET language = 'es' WHERE id = $1", &[other.id.as_str()]).await;
        let o = app.browser_as("other-es@clinic.example").await;
        let path = format!("/break-glass/{client}");
        let r = o.submit(&path, &path, &[("reason", "short")]).await;
        assert_eq!(r.status(), 422);
        let body = r.text().await.unwrap();
        assert!(body.contains("Indique el motivo del acceso de emergencia con 10 a 1000 caracteres"), "{body}");
    })
    .await;
}

#[tokio::test]
async fn the_preferred_language_is_chosen_from_the_shipped_languages() {
    on_each_backend(|app| async move {
        let (b, client, _) = clinician_in(&app, "lang@clinic.example", "en").await;
        assert_eq!(
            rapport_core::client::LANGUAGE_TAGS.to_vec(),
            rapport_web::i18n::SHIPPED.iter().map(|(tag, _)| *tag).collect::<Vec<_>>(),
            "the choices are the shipped languages"
        );
        let edit = format!("/clients/{client}/edit");
        let form = page(&b, &edit).await;
        assert!(form.contains(r#"<select id="preferred_language" name="preferred_language""#), "{form}");
        assert!(form.contains(r#"<option value="es" lang="es">Español</option>"#), "{form}");
        assert!(form.contains("Not set"), "{form}");

        // Chosen: stored as the tag, shown by its own name.
        let version = b.field(&edit, "version").await;
        let r = b
            .submit(
                &edit,
                &edit,
                &[("display_name", "Ana Ejemplo"), ("preferred_language", "es"), ("version", &version)],
            )
            .await;
        assert_eq!(r.status(), 303);
        let stored = app
            .scalar("SELECT COUNT(*) AS n FROM clients WHERE id = $1 AND preferred_language = 'es'", &[&client])
            .await;
        assert_eq!(stored, 1);
        assert!(page(&b, &format!("/clients/{client}")).await.contains("<dd>Español</dd>"));
        assert!(page(&b, &edit).await.contains(r#"<option value="es" lang="es" selected>Español</option>"#));

        // An unknown language: refused on the field, nothing changed.
        let version = b.field(&edit, "version").await;
        let r = b
            .submit(
                &edit,
                &edit,
                &[("display_name", "Ana Ejemplo"), ("preferred_language", "xx"), ("version", &version)],
            )
            .await;
        assert_eq!(r.status(), 422);
        let body = r.text().await.unwrap();
        assert!(body.contains("Choose a language from the list") && body.contains("href=\"#preferred_language\""));
        let stored = app
            .scalar("SELECT COUNT(*) AS n FROM clients WHERE id = $1 AND preferred_language = 'es'", &[&client])
            .await;
        assert_eq!(stored, 1);

        // The API takes the same tags.
        let (user, _) = app.store.user_by_email("lang@clinic.example").await.unwrap().unwrap();
        let api = Api::new(&app, &user).await;
        let (s, body) = api
            .post("/api/v1/clients", serde_json::json!({"display_name": "B", "preferred_language": "Klingon"}))
            .await;
        assert_eq!((s, body["error"]["field"].as_str()), (422, Some("preferred_language")), "{body}");
        let (s, body) =
            api.post("/api/v1/clients", serde_json::json!({"display_name": "B", "preferred_language": "fr"})).await;
        assert_eq!(s, 201, "{body}");

        // Recorded as free text before it was a choice: kept when the record is edited.
        app.sql("UPDATE clients SET preferred_language = 'Swahili' WHERE id = $1", &[&client]).await;
        let form = page(&b, &edit).await;
        assert!(form.contains(r#"<option value="Swahili" selected>Swahili</option>"#), "{form}");
        let version = b.field(&edit, "version").await;
        let r = b
            .submit(
                &edit,
                &edit,
                &[("display_name", "Ana E."), ("preferred_language", "Swahili"), ("version", &version)],
            )
            .await;
        assert_eq!(r.status(), 303);
    })
    .await;
}
