//! The group pages in the reader's language (issue 15): a facilitator whose
//! account is in French sees the list, the group page (with the protocol's
//! agenda in French), the meeting screen, a refused meeting worded in French
//! and the crisis guidance after a positive answer; a supervisor in Spanish
//! sees the group page and a refused form worded in Spanish.

use crate::support::*;
use rapport_core::access::Role;
use rapport_core::Id;
use rapport_store::groups::NewGroup;

async fn speaks(app: &TestApp, email: &str, language: &str) {
    app.sql("UPDATE users SET language = $1 WHERE email = $2", &[language, email]).await;
}

async fn who_group(app: &TestApp, facilitator: &Id, organiser: &Id) -> Id {
    let g = NewGroup {
        name: "Mardi".into(),
        site_id: None,
        protocol_id: "ipt-group-who".into(),
        planned_sessions: 8,
        start_date: rapport_app::clock::today(),
        meeting_time: Some("14:00".into()),
        single_gender: true,
        facilitators: vec![facilitator.clone()],
        created_by: organiser.clone(),
    };
    app.store.create_group(&g, test_event("group.create")).await.unwrap().id
}

#[tokio::test]
async fn a_french_facilitator_and_a_spanish_supervisor_read_the_group_pages_in_their_language() {
    on_each_backend(|app| async move {
        let sup = app.user("sup@i18n-groups.example", Role::Supervisor).await;
        let fac = app.user("fac@i18n-groups.example", Role::Facilitator).await;
        app.store.add_supervision(&sup.id, &fac.id, test_event("user.update")).await.unwrap();
        speaks(&app, &fac.email, "fr").await;
        speaks(&app, &sup.email, "es").await;
        let gid = who_group(&app, &fac.id, &sup.id).await;
        let group_page = format!("/groups/{gid}");

        let f = app.browser_as(&fac.email).await;
        let mut members = Vec::new();
        for name in ["Ada", "Bea"] {
            let id = f.new_client(&format!("{name} Membre")).await;
            app.store.add_group_member(&gid, &id, 15, test_event("group.member_add")).await.unwrap();
            members.push(id.to_string());
        }

        let (status, list) = f.text("/groups").await;
        assert_eq!(status, 200);
        assert!(list.contains("Les groupes de TIP que vous animez ou supervisez."), "{list}");
        assert!(list.contains("0 sur 8 tenues") && list.contains("Animateur·rices"));
        assert!(!list.contains("The IPT groups you run"), "no English left");

        let (_, page) = f.text(&group_page).await;
        assert!(page.contains("Où en est le groupe") && page.contains("Saisir la séance 1"), "{page}");
        assert!(page.contains("Accueillir chacun·e et convenir des règles du groupe"), "the agenda in French");
        assert!(page.contains("Entretien préalable à faire") && page.contains("Clore le groupe"));
        assert!(page.contains("2 dans le groupe (taille de 5 à 15)"));
        assert!(!page.contains("Where the group stands") && !page.contains("Welcome everyone"), "no English left");

        let new = format!("{group_page}/sessions/new");
        let (status, screen) = f.text(&new).await;
        assert_eq!(status, 200);
        assert!(screen.contains("Séance 1 sur 8") && screen.contains("Phase initiale (première séance)"), "{screen}");
        assert!(screen.contains("Présent·e") && screen.contains("Note sur Ada Membre"));
        assert!(!screen.contains("Save meeting") && !screen.contains("Today's agenda"), "no English left");

        // A date in the future: refused in French, naming the field.
        let mut fields: Vec<(String, String)> = vec![("date".into(), "2999-01-01".into())];
        for m in &members {
            fields.push((format!("att_{m}"), "attended".into()));
        }
        for n in 1..=9 {
            fields.push((format!("phq_{}_{n}", members[0]), if n == 9 { "2" } else { "1" }.into()));
        }
        let csrf = f.csrf_from(&new).await;
        let mut form: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        form.push(("csrf", &csrf));
        let r = f.post_form(&format!("{group_page}/sessions"), &form).await;
        assert_eq!(r.status(), 422);
        let body = r.text().await.unwrap();
        assert!(body.contains("href=\"#date\">La date de la séance ne peut pas être dans le futur"), "{body}");

        // Today: saved; the crisis guidance is complete in French.
        fields[0].1 = today();
        let csrf = f.csrf_from(&new).await;
        let mut form: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        form.push(("csrf", &csrf));
        let r = f.post_form(&format!("{group_page}/sessions"), &form).await;
        assert_eq!(r.status(), 303);
        let (_, done) = f.text(&location(&r)).await;
        assert!(done.contains("Séance 1 enregistrée."), "{done}");
        assert!(done.contains("Un membre a besoin d\u{2019}être vu aujourd\u{2019}hui"), "{done}");
        assert!(done.contains(&format!("Appelez votre superviseur·e maintenant\u{a0}: {}.", sup.name)), "{done}");
        assert!(done.contains("Parlez en privé avec Ada Membre aujourd\u{2019}hui"));
        assert!(done.contains("Qui était là") && done.contains("Présent·e"));
        assert!(!done.contains("Call your supervisor") && !done.contains("Who came"), "no English left");

        // The supervisor reads Spanish: the group page, and a refused form in Spanish.
        let s = app.browser_as(&sup.email).await;
        let (_, page) = s.text(&group_page).await;
        assert!(page.contains("Situación del grupo") && page.contains("1 de 8 realizadas · faltan 7"), "{page}");
        assert!(page.contains("Reunión 1") && page.contains("Cada integrante califica su estado de ánimo"));
        assert!(!page.contains("Where the group stands"), "no English left");
        let r = s.submit(&group_page, &format!("{group_page}/members"), &[("client_id", &members[0])]).await;
        assert_eq!(r.status(), 422);
        let body = r.text().await.unwrap();
        assert!(body.contains("href=\"#client_id\">Esta persona ya es integrante del grupo"), "{body}");
        let r = s.submit("/groups/new", "/groups/new", &[("name", " "), ("protocol", "ipt-group-who")]).await;
        assert_eq!(r.status(), 422);
        let body = r.text().await.unwrap();
        assert!(body.contains("Ponga al grupo un nombre de 1 a 120 caracteres") && body.contains("Nombre del grupo"));
    })
    .await;
}
