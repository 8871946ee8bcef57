//! The demo portal's words per language (demo/portal.rs).

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
