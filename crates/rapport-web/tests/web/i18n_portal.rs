//! The client's side in the client's language: the portal, measure links and
//! the portal's language switcher (docs/i18n-clients.md).

use crate::matrix::{e, Entry};
use crate::support::*;
use rapport_core::audit::action;
use rapport_core::Id;
use reqwest::Method as M;

pub fn matrix_entries() -> Vec<Entry> {
    // Anyone before signing in (a cookie) and the portal client (their record);
    // staff have their own switcher. Without a language: 422 for those allowed.
    vec![e(M::POST, "/portal/language", "/portal/language", "ANNNNA")]
}

/// A client with a due PHQ-9 whose record prefers `language`, signed in to the
/// portal: (clinician's browser, client id, client's browser).
async fn portal_client(app: &TestApp, n: &str, language: &str) -> (Browser, String, Browser) {
    let (clin, _, client, _) = client_with_course(app, &format!("lang{n}@clinic.example")).await;
    app.sql("UPDATE clients SET preferred_language = $1 WHERE id = $2", &[language, &client]).await;
    let cid = Id::parse(&client).unwrap();
    let email = app.portal_account(&cid, &clin.id, &format!("lang{n}@example.org")).await;
    (app.browser_as(&clin.email).await, client, app.browser_as(&email).await)
}

async fn preferred(app: &TestApp, client: &str) -> Option<String> {
    let c = app.store.client_by_id(&Id::parse(client).unwrap()).await.unwrap().unwrap();
    c.details.preferred_language
}

#[tokio::test]
async fn a_client_reads_the_portal_in_their_preferred_language() {
    on_each_backend(|app| async move {
        let cases = [
            ("es", "Cuestionarios para usted", "Enviar mis respuestas", "Sus respuestas se enviaron a su terapeuta."),
            (
                "fr",
                "Questionnaires à remplir",
                "Envoyer mes réponses",
                "Vos réponses ont été transmises à votre thérapeute.",
            ),
        ];
        for (n, (lang, home_text, send, sent)) in cases.into_iter().enumerate() {
            let (_, _, me) = portal_client(&app, &n.to_string(), lang).await;
            // The record wins over the browser's own language.
            let r = me.http.get(app.url("/portal")).header("accept-language", "en").send().await.unwrap();
            assert_eq!(r.headers()["content-language"], lang);
            let home = r.text().await.unwrap();
            assert!(home.contains(&format!(r#"<html lang="{lang}" dir="ltr""#)), "{home}");
            assert!(home.contains(home_text) && !home.contains("Questionnaires for you"), "{home}");
            assert!(!home.contains("Help now") && !home.contains("Sign out"), "the frame too: {home}");
            assert!(!home.contains("Unknown localization"), "every message has its arguments: {home}");

            let (s, form) = me.text("/portal/measures/phq9").await;
            assert_eq!(s, 200);
            assert!(form.contains(&format!(r#"<html lang="{lang}""#)) && form.contains(send), "{form}");
            assert!(!form.contains("Send my answers") && !form.contains("Your answers go to your clinician"));

            let phq9 = "/portal/measures/phq9";
            let r = me.answer(phq9, phq9, &answers(["0"; 9]), &[("extra_1", "0")]).await;
            assert_eq!(r.status(), 200);
            let done = r.text().await.unwrap();
            assert!(done.contains(&format!(r#"<html lang="{lang}""#)) && done.contains(sent), "{done}");
            assert!(!done.contains("Your answers have been sent"), "{done}");
            assert!(!form.contains("Unknown localization") && !done.contains("Unknown localization"));
            // The official translation was shown, and the response records its language.
            assert!(form.contains(if lang == "es" {
                "Poco interés o placer en hacer cosas"
            } else {
                "Peu d’intérêt"
            }));
            let stored = app
                .scalar(
                    "SELECT COUNT(*) AS n FROM measure_responses WHERE language = $1 AND instrument_id = 'phq9'",
                    &[lang],
                )
                .await;
            assert_eq!(stored, 1, "one {lang} PHQ-9 response");
        }
    })
    .await;
}

#[tokio::test]
async fn a_measure_link_speaks_its_clients_language_to_anyone() {
    on_each_backend(|app| async move {
        let (staff, client, _) = portal_client(&app, "link", "es").await;
        let link = create_link(&staff, &client, "gad7").await;
        // An anonymous visitor whose browser asks for French: the client's Spanish wins.
        let anon = Browser::new(&app);
        let r = anon.http.get(app.url(&link)).header("accept-language", "fr").send().await.unwrap();
        assert_eq!(r.status(), 200);
        let page = r.text().await.unwrap();
        assert!(page.contains(r#"<html lang="es" dir="ltr""#), "{page}");
        assert!(page.contains("Enviar mis respuestas") && page.contains("Si necesita ayuda ahora"), "{page}");
        assert!(!page.contains("Send my answers") && !page.contains("If you need help now"), "{page}");
        assert!(!page.contains("Unknown localization"), "{page}");
        // A stored language the interface does not ship counts as not set: the browser decides.
        app.sql("UPDATE clients SET preferred_language = 'Spanish' WHERE id = $1", &[&client]).await;
        let r = anon.http.get(app.url(&link)).header("accept-language", "fr").send().await.unwrap();
        assert!(r.text().await.unwrap().contains(r#"<html lang="fr""#));
    })
    .await;
}

#[tokio::test]
async fn the_portal_switcher_saves_the_clients_language_and_refuses_unknown_ones() {
    on_each_backend(|app| async move {
        let (_, client, me) = portal_client(&app, "switch", "es").await;
        let (_, home) = me.text("/portal/diary").await;
        assert!(home.contains(r#"action="/portal/language""#) && home.contains(r#"name="back" value="/portal/diary""#));

        let r = me.submit("/portal", "/portal/language", &[("language", "fr"), ("back", "/portal/diary")]).await;
        assert_eq!(r.status(), 303);
        assert_eq!(location(&r), "/portal/diary");
        assert_eq!(preferred(&app, &client).await.as_deref(), Some("fr"));
        let entries = app.audit_entries(action::PORTAL_LANGUAGE).await;
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].event.detail.as_deref(), Some("language fr"));
        assert_eq!(entries[0].event.client_id.as_deref(), Some(client.as_str()));
        let (_, diary) = me.text("/portal/diary").await;
        assert!(diary.contains(r#"<html lang="fr""#) && diary.contains("Mon journal"), "{diary}");

        // Unknown: refused naming the field, in the page's language; nothing changes.
        let r = me.submit("/portal", "/portal/language", &[("language", "klingon")]).await;
        assert_eq!(r.status(), 422);
        let body = r.text().await.unwrap();
        assert!(body.contains("Choisissez l’une des langues proposées"), "{body}");
        assert_eq!(preferred(&app, &client).await.as_deref(), Some("fr"));
        assert_eq!(app.count(action::PORTAL_LANGUAGE).await, 1);
        // Another site's address is never followed.
        let r = me.submit("/portal", "/portal/language", &[("language", "es"), ("back", "//evil.example/")]).await;
        assert_eq!(location(&r), "/portal");

        // Before signing in, the choice stays on this browser.
        let anon = Browser::new(&app);
        let r =
            anon.submit("/portal/login", "/portal/language", &[("language", "es"), ("back", "/portal/login")]).await;
        assert_eq!((r.status().as_u16(), location(&r).as_str()), (303, "/portal/login"));
        let (_, login) = anon.text("/portal/login").await;
        assert!(login.contains(r#"<html lang="es""#) && login.contains("¿Es su primera vez aquí?"), "{login}");
        let r = anon.submit("/portal/login", "/portal/language", &[("language", "xx")]).await;
        assert_eq!(r.status(), 422);
    })
    .await;
}

#[tokio::test]
async fn a_diary_error_is_named_in_the_clients_language() {
    on_each_backend(|app| async move {
        let (_, client, me) = portal_client(&app, "diary", "es").await;
        let r = me.submit("/portal/diary", "/portal/diary", &[("date", &today()), ("mood", "")]).await;
        assert_eq!(r.status(), 422);
        let body = r.text().await.unwrap();
        assert!(
            body.contains(r##"<a href="#mood">Elija su estado de ánimo, o escriba lo que pasó (o ambas cosas)</a>"##),
            "{body}"
        );
        assert!(!body.contains("Choose your mood"), "{body}");
        let cid = Id::parse(&client).unwrap();
        assert!(app.store.diary_entries(&cid, None, None, 10).await.unwrap().is_empty());
    })
    .await;
}

#[tokio::test]
async fn the_kiosk_hands_the_client_their_language_and_gives_the_clinician_theirs_back() {
    on_each_backend(|app| async move {
        let (staff, client, _) = portal_client(&app, "kiosk", "fr").await;
        let pin = [("pin", "2580"), ("pin_confirm", "2580"), ("pin_password", PASSWORD)];
        assert_eq!(staff.submit("/account", "/account/kiosk-pin", &pin).await.status(), 303);
        let page = format!("/clients/{client}/kiosk");
        let (_, handover) = staff.text(&page).await;
        assert!(handover.contains(r#"<html lang="en""#) && handover.contains("Hand over for questionnaires"));
        assert_eq!(staff.submit(&page, &page, &[]).await.status(), 303);

        let (s, kiosk) = staff.text("/kiosk").await;
        assert_eq!(s, 200);
        assert!(kiosk.contains(r#"<html lang="fr""#) && kiosk.contains("Envoyer mes réponses"), "{kiosk}");
        assert!(kiosk.contains("Rendre à votre thérapeute") && !kiosk.contains("Return to clinician"), "{kiosk}");
        assert!(!kiosk.contains("Unknown localization"), "{kiosk}");
        // "Return to clinician" is the clinician's page, in the clinician's language.
        let r = staff.submit("/kiosk/unlock", "/kiosk/unlock", &[("pin", "1111")]).await;
        assert_eq!(r.status(), 401);
        let body = r.text().await.unwrap();
        assert!(
            body.contains(r#"<html lang="en""#) && body.contains("That PIN is not right. 4 of 5 tries are left."),
            "{body}"
        );
    })
    .await;
}

#[tokio::test]
async fn a_printed_invitation_letter_is_in_the_clients_language_in_an_english_page() {
    on_each_backend(|app| async move {
        let (clin, _, client, _) = client_with_course(&app, "letter@clinic.example").await;
        app.sql("UPDATE clients SET preferred_language = $1 WHERE id = $2", &["es", &client]).await;
        let b = app.browser_as(&clin.email).await;
        let page = format!("/clients/{client}/portal");
        let r = b.submit(&page, &format!("{page}/invite"), &[("delivery", "print")]).await;
        assert_eq!(r.status(), 200);
        let html = r.text().await.unwrap();
        // The page around it is the clinician's (English); the letter is the client's.
        assert!(html.contains(r#"<html lang="en""#) && html.contains("Print command"), "{html}");
        let letter = &html[html.find("invite-letter").expect("the letter")..];
        assert!(letter.starts_with(r#"invite-letter" lang="es" dir="ltr">"#), "{letter}");
        assert!(letter.contains("Escriba su código:") && !letter.contains("Enter your code:"), "{letter}");
        // Its date is written the Spanish way too.
        assert!(
            ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"]
                .iter()
                .any(|m| letter.contains(&format!(" {m} "))),
            "{letter}"
        );

        // A client without a shipped language gets the organisation's.
        app.sql("UPDATE clients SET preferred_language = NULL WHERE id = $1", &[&client]).await;
        let r = b.submit(&page, &format!("{page}/invite"), &[("delivery", "print")]).await;
        assert_eq!(r.status(), 200);
        let html = r.text().await.unwrap();
        let letter = &html[html.find("invite-letter").expect("the letter")..];
        assert!(letter.starts_with(r#"invite-letter" lang="en""#), "{letter}");
    })
    .await;
}

#[tokio::test]
async fn the_blank_question_prompt_is_in_the_clients_language() {
    on_each_backend(|app| async move {
        let (_, _, me) = portal_client(&app, "blank", "es").await;
        let phq9 = "/portal/measures/phq9";
        let mut values = [Some("0"); 9];
        values[2] = None;
        values[5] = None;
        let r = me.answer(phq9, phq9, &answers(values), &[("extra_1", "0")]).await;
        assert_eq!(r.status(), 200);
        let page = r.text().await.unwrap();
        assert!(page.contains("Dejó 2 preguntas en blanco (3, 6). ¿Desea enviar de todos modos?"), "{page}");
        assert!(!page.contains("Send anyway"), "{page}");
    })
    .await;
}
