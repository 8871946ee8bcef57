//! Languages (issue 15, first slice): negotiation from the account, the
//! browser and the organisation; the switcher; `<html lang dir>`.

use crate::matrix::{e, Entry};
use crate::support::*;
use rapport_core::access::Role;
use rapport_core::audit::action;
use reqwest::Method;

pub fn matrix_entries() -> Vec<Entry> {
    // Anyone may choose a language; a portal client's session is confined to
    // the portal (which has no switcher yet).
    vec![e(Method::POST, "/language", "/language", "AAAAANAA")]
}

async fn login_page(app: &TestApp, accept: &str) -> String {
    let r = http_client(false).get(app.url("/login")).header("accept-language", accept).send().await.unwrap();
    assert_eq!(r.status(), 200);
    r.text().await.unwrap()
}

#[tokio::test]
async fn the_sign_in_page_follows_accept_language() {
    on_each_backend(|app| async move {
        let es = login_page(&app, "es-MX,es;q=0.9,en;q=0.5").await;
        assert!(es.contains(r#"<html lang="es" dir="ltr""#), "{es}");
        assert!(es.contains("<h1>Iniciar sesión</h1>") && es.contains("Contraseña"), "{es}");
        let fr = login_page(&app, "fr-CA").await;
        assert!(fr.contains(r#"<html lang="fr" dir="ltr""#) && fr.contains("<h1>Se connecter</h1>"), "{fr}");
        let en = login_page(&app, "en-GB").await;
        assert!(en.contains(r#"<html lang="en" dir="ltr""#) && en.contains("<h1>Sign in</h1>"));

        // A language the interface lacks: the organisation's default (English, then French).
        assert!(login_page(&app, "de-DE").await.contains(r#"<html lang="en""#));
        let mut org = app.store.organisation().await.unwrap();
        org.default_language = "fr".into();
        app.store.update_organisation(&org, test_event(action::SETTINGS_UPDATE)).await.unwrap();
        let de = http_client(false).get(app.url("/login")).header("accept-language", "de-DE").send().await.unwrap();
        assert_eq!(de.headers()["content-language"], "fr");
        let de = de.text().await.unwrap();
        assert!(de.contains(r#"<html lang="fr""#) && de.contains("Mot de passe"), "{de}");

        // The notices after a redirect speak the language too.
        let r = http_client(false)
            .get(app.url("/login?done=signed-out"))
            .header("accept-language", "es")
            .send()
            .await
            .unwrap();
        assert!(r.text().await.unwrap().contains("Cerró la sesión."));
    })
    .await;
}

#[tokio::test]
async fn a_refused_sign_in_says_why_in_the_page_language() {
    on_each_backend(|app| async move {
        app.user("es@clinic.example", Role::Clinician).await;
        let b = Browser::new(&app);
        let page = b.http.get(app.url("/login")).header("accept-language", "es").send().await.unwrap();
        let csrf = extract_csrf(&page.text().await.unwrap()).unwrap();
        let form = [("email", "es@clinic.example"), ("password", "not-the-password"), ("csrf", &csrf)];
        let r = b.http.post(app.url("/login")).header("accept-language", "es").form(&form).send().await.unwrap();
        assert_eq!(r.status(), 401);
        let body = r.text().await.unwrap();
        assert!(body.contains("El correo electrónico o la contraseña no son correctos."), "{body}");
        assert!(body.contains("Hay un problema"));
    })
    .await;
}

#[tokio::test]
async fn the_test_locales_are_pseudo_accented_and_right_to_left() {
    on_each_backend(|app| async move {
        let rtl = login_page(&app, "ar-XB").await;
        assert!(rtl.contains(r#"<html lang="ar-XB" dir="rtl""#), "{rtl}");
        let pseudo = login_page(&app, "en-XA").await;
        assert!(pseudo.contains(r#"<html lang="en-XA" dir="ltr""#) && pseudo.contains("[Šîĝñ îñ"), "{pseudo}");
        // Plain Arabic is not the test locale: English (the organisation's default).
        assert!(login_page(&app, "ar").await.contains(r#"<html lang="en""#));
    })
    .await;
}

#[tokio::test]
async fn an_anonymous_choice_is_kept_in_a_cookie() {
    on_each_backend(|app| async move {
        let b = Browser::new(&app);
        let r = b.submit("/login", "/language", &[("language", "fr"), ("back", "/login")]).await;
        assert_eq!(r.status(), 303);
        assert_eq!(location(&r), "/login");
        let (_, page) = b.text("/login").await;
        assert!(page.contains(r#"<html lang="fr""#) && page.contains("<h1>Se connecter</h1>"), "{page}");
        // Another site's address is never followed.
        let r = b.submit("/login", "/language", &[("language", "es"), ("back", "//evil.example/")]).await;
        assert_eq!(location(&r), "/");
        // A language the interface lacks: refused, naming the field; nothing changes.
        let r = b.submit("/login", "/language", &[("language", "xx-<b>")]).await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("Choose one of the languages listed"));
        assert!(b.text("/login").await.1.contains(r#"<html lang="es""#));
    })
    .await;
}

#[tokio::test]
async fn a_saved_language_wins_and_the_switcher_saves_it() {
    on_each_backend(|app| async move {
        let user = app.user("lang@clinic.example", Role::Clinician).await;
        let b = app.browser_as("lang@clinic.example").await;
        let (s, page) = b.text("/account").await;
        assert_eq!(s, 200);
        assert!(page.contains(r#"<html lang="en" dir="ltr""#) && page.contains(r#"data-testid="account-language""#));
        assert!(page.contains(r#"action="/language""#), "the footer switcher is on every staff page");

        let r = b.submit("/account", "/language", &[("language", "es"), ("back", "/account?done=language")]).await;
        assert_eq!(r.status(), 303);
        assert_eq!(location(&r), "/account?done=language");
        let saved = app.store.user(&user.id).await.unwrap().unwrap();
        assert_eq!(saved.language.as_deref(), Some("es"));
        let entries = app.audit_entries(action::ACCOUNT_LANGUAGE).await;
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].event.detail.as_deref(), Some("language es"));

        // The saved language wins over the browser's.
        let r = b.http.get(app.url("/account?done=language")).header("accept-language", "fr").send().await.unwrap();
        let page = r.text().await.unwrap();
        assert!(page.contains(r#"<html lang="es""#), "{page}");
        assert!(page.contains("Idioma guardado.") && page.contains(">Mi cuenta</a>") && page.contains("Cerrar sesión"));

        // A bad code: 422 naming the field (in the account's language), nothing changed, nothing audited.
        let r = b.submit("/account", "/language", &[("language", "klingon")]).await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("Elija uno de los idiomas de la lista"));
        let r = b.submit("/account", "/language", &[]).await;
        assert_eq!(r.status(), 422);
        assert_eq!(app.store.user(&user.id).await.unwrap().unwrap().language.as_deref(), Some("es"));
        assert_eq!(app.count(action::ACCOUNT_LANGUAGE).await, 1);
    })
    .await;
}
