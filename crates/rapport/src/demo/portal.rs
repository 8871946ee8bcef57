//! Demo client portal: the first client has an account (with the demo
//! password), shares their plan, has diary entries, a reflection and a
//! shared safety plan, so a newcomer can sign in at /portal/login.

use super::event::event;
use rapport_core::audit::action;
use rapport_core::notes::MoodEffect;
use rapport_core::portal::{DiaryEntry, ReflectionTopic};
use rapport_core::risk::SafetyPlan;
use rapport_core::{Id, Timestamp};
use rapport_store::portal::{Join, PortalSharing};
use rapport_store::Store;

/// Creates the portal account and its content; returns the sign-in e-mail.
pub async fn seed(
    store: &Store,
    client: &Id,
    clinician: &Id,
    password_hash: &str,
    words: &Words,
) -> Result<String, String> {
    let err = |e: rapport_store::StoreError| e.to_string();
    let email = "client1@example.org".to_string();
    let code_hash = rapport_app::caller::secret_hash(&rapport_app::caller::new_secret());
    let expires = Timestamp::now().plus(time::Duration::days(rapport_core::portal::INVITE_DAYS));
    store
        .create_portal_invite(
            &code_hash,
            client,
            clinician,
            expires,
            rapport_core::portal::InvitePurpose::Join,
            None,
            &[],
            event(action::PORTAL_INVITE, "portal_invite"),
        )
        .await
        .map_err(err)?;
    let user = match store
        .join_portal(&code_hash, &email, words.account_name, password_hash, event(action::PORTAL_JOIN, "user"))
        .await
        .map_err(err)?
    {
        Join::Joined(u) => u,
        other => return Err(format!("demo portal account not created: {other:?}")),
    };
    let sharing = PortalSharing { chart_hidden: false, plan_shared: true };
    store.set_portal_sharing(client, sharing, event(action::PORTAL_SETTINGS, "client")).await.map_err(err)?;
    let today = Timestamp::now().date();
    let entries = [
        (6, Some(4), Some(words.diary[0].0), Some(words.diary[0].1), Some(MoodEffect::Worse)),
        (4, Some(5), None, None, None),
        (2, Some(6), Some(words.diary[1].0), Some(words.diary[1].1), Some(MoodEffect::Better)),
    ];
    for (days_ago, mood, person, what, effect) in entries {
        let entry = DiaryEntry {
            date: today - time::Duration::days(days_ago),
            mood,
            person: person.map(str::to_string),
            event: what.map(str::to_string),
            effect,
        };
        store
            .add_diary_entry(client, &entry, &user.id, event(action::DIARY_CREATE, "diary_entry"))
            .await
            .map_err(err)?;
    }
    store
        .add_reflection(
            client,
            None,
            ReflectionTopic::Goals,
            words.reflection,
            &user.id,
            event(action::REFLECTION_CREATE, "reflection"),
        )
        .await
        .map_err(err)?;
    let plan = SafetyPlan {
        warning_signs: words.safety_plan[0].into(),
        coping_strategies: words.safety_plan[1].into(),
        distractions: words.safety_plan[2].into(),
        people_to_ask: words.safety_plan[3].into(),
        professionals: words.safety_plan[4].into(),
        environment_safety: words.safety_plan[5].into(),
        reasons_for_living: words.safety_plan[6].into(),
        shared_with_client: true,
    };
    store
        .save_safety_plan(client, &plan, clinician, event(action::SAFETY_PLAN_SAVE, "safety_plan"))
        .await
        .map_err(err)?;
    Ok(email)
}

/// The portal's reader-visible words in one language (`Texts::portal`).
pub struct Words {
    pub account_name: &'static str,
    /// (person, what happened) of the two diary entries: a worse day, a better one.
    pub diary: [(&'static str, &'static str); 2],
    pub reflection: &'static str,
    /// The safety plan: warning signs, coping, distractions, people to ask,
    /// professionals, a safer environment, reasons for living.
    pub safety_plan: [&'static str; 7],
}

pub static EN: Words = Words {
    account_name: "Demo client",
    diary: [
        ("Sister", "Phoned my sister; we argued about looking after Mum again."),
        ("Colleague", "Had lunch with Priya from work and talked about the move."),
    ],
    reflection: "I would like to be able to tell my sister when I need a break, without it turning into a row.",
    safety_plan: [
        "Not sleeping; staying in bed all day; thinking everyone would be better off without me.",
        "A walk round the park; music; a hot shower.",
        "The library café; my neighbour's dog.",
        "My friend Sam; my aunt.",
        "My clinician (office hours); the crisis line on the Help now page.",
        "Tablets kept by my aunt.",
        "My niece; the allotment in spring.",
    ],
};

pub static ES: Words = Words {
    account_name: "Consultante demo",
    diary: [
        ("Hermana", "Llamé a mi hermana; volvimos a discutir sobre quién cuida a mamá."),
        ("Compañera de trabajo", "Comí con Priya, del trabajo, y hablamos de la mudanza."),
    ],
    reflection: "Me gustaría poder decirle a mi hermana cuando necesito un descanso, sin que termine en pleito.",
    safety_plan: [
        "No dormir; quedarme en cama todo el día; pensar que todos estarían mejor sin mí.",
        "Una caminata por el parque; música; un baño caliente.",
        "El café de la biblioteca; el perro de mi vecina.",
        "Mi amiga Sam; mi tía.",
        "Mi terapeuta (en horario de atención); la línea de crisis de la página Ayuda ahora.",
        "Mi tía guarda las pastillas.",
        "Mi sobrina; la huerta en primavera.",
    ],
};

pub static FR: Words = Words {
    account_name: "Patient·e démo",
    diary: [
        ("Sœur", "J’ai appelé ma sœur ; on s’est encore disputées pour savoir qui s’occupe de maman."),
        ("Collègue", "Déjeuner avec Priya, du travail ; on a parlé du déménagement."),
    ],
    reflection: "J’aimerais pouvoir dire à ma sœur quand j’ai besoin d’une pause, sans que cela tourne à la dispute.",
    safety_plan: [
        "Ne plus dormir ; rester au lit toute la journée ; penser que tout le monde serait mieux sans moi.",
        "Une promenade au parc ; de la musique ; une douche chaude.",
        "Le café de la médiathèque ; le chien de ma voisine.",
        "Mon amie Sam ; ma tante.",
        "Ma thérapeute (heures d’ouverture) ; la ligne de crise de la page Aide immédiate.",
        "Les comprimés gardés par ma tante.",
        "Ma nièce ; le jardin partagé au printemps.",
    ],
};
