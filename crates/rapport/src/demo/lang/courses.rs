//! The demo courses' words per language (demo/courses.rs, demo/measures.rs).

/// The courses' reader-visible words in one language (`Texts::courses`).
pub struct Words {
    pub ended_early: &'static str,
    /// The ending review of a completed course.
    pub feelings: &'static str,
    pub progress: &'static str,
    pub contributions: &'static str,
    pub warning_signs: [&'static str; 3],
    pub coping_plan: &'static str,
    pub supports: [&'static str; 3],
    pub return_plan: &'static str,
    /// Why a course's ending review was skipped (measures).
    pub review_skipped: &'static str,
    /// The printed line naming the brief IPT course and its engagement session.
    pub printed_engagement: &'static str,
    /// The printed line naming the brief IPT course whose engagement session is booked this week.
    pub printed_engagement_ahead: &'static str,
    /// The Stuart course's draft formulation: its link to symptoms and how
    /// interpersonal sensitivity shows.
    pub stuart_symptom_link: &'static str,
    pub stuart_sensitivity: &'static str,
    /// The printed line naming it.
    pub printed_sensitivity: &'static str,
}

pub static EN: Words = Words {
    ended_early: "Moved out of the area; referred to a local service.",
    feelings: "Worried about coping alone; also proud of the changes at home.",
    progress: "Mood much improved; arguments with partner now end in agreement more often than not.",
    contributions: "Practised saying what she needed directly, and kept the weekly walk with a friend.",
    warning_signs: [
        "Waking at 4am for several nights",
        "Stopping replying to friends",
        "Rows about chores going unspoken",
    ],
    coping_plan: "Book a talk with partner the same week; ring a friend; restart the walking group.",
    supports: ["Partner", "Sister", "GP practice"],
    return_plan: "Contact the service if two warning signs last more than two weeks.",
    review_skipped: "Ending review skipped: the ending was reviewed by telephone after a move",
    printed_engagement: "  Brief IPT with its engagement session (session 0, counted in nothing): {base}/courses/{id}",
    printed_engagement_ahead: "  Brief IPT starting with its engagement session on {date} at 09:30 (clinician1; on the calendar and the calendar feed): {base}/courses/{id}",
    stuart_symptom_link: "Low mood and poor sleep since the disagreements with her mother about childcare began.",
    stuart_sensitivity:
        "Expects criticism from her mother and colleagues; goes quiet and withdraws for days after a sharp word.",
    printed_sensitivity:
        "  Stuart protocol, interpersonal sensitivity on the formulation: {base}/courses/{id}/formulation",
};

pub static ES: Words = Words {
    ended_early: "Se mudó fuera de la zona; derivada a un servicio local.",
    feelings: "Le preocupa arreglárselas sola; también está orgullosa de los cambios en casa.",
    progress: "El ánimo mejoró mucho; las discusiones con la pareja ahora suelen terminar en un acuerdo.",
    contributions: "Practicó decir directamente lo que necesitaba y mantuvo la caminata semanal con una amiga.",
    warning_signs: [
        "Despertarse a las 4 de la mañana varias noches",
        "Dejar de contestar a las amistades",
        "Callarse los pleitos por las tareas de la casa",
    ],
    coping_plan: "Conversar con la pareja esa misma semana; llamar a una amiga; volver al grupo de caminata.",
    supports: ["Pareja", "Hermana", "Centro de salud"],
    return_plan: "Comunicarse con el servicio si dos señales de alerta duran más de dos semanas.",
    review_skipped: "Revisión del cierre omitida: el cierre se revisó por teléfono después de una mudanza",
    printed_engagement: "  TIP breve con su sesión de enganche (sesión 0, no cuenta en nada): {base}/courses/{id}",
    printed_engagement_ahead: "  TIP breve que empieza con su sesión de enganche el {date} a las 09:30 (clinician1; en el calendario y su feed): {base}/courses/{id}",
    stuart_symptom_link:
        "Ánimo bajo y mal dormir desde que empezaron los desacuerdos con su madre sobre el cuidado de los niños.",
    stuart_sensitivity:
        "Espera críticas de su madre y de sus colegas; se calla y se aísla durante días tras una palabra dura.",
    printed_sensitivity:
        "  Protocolo de Stuart, sensibilidad interpersonal en la formulación: {base}/courses/{id}/formulation",
};

pub static FR: Words = Words {
    ended_early: "A déménagé hors du secteur ; orientée vers un service local.",
    feelings: "Inquiète de faire face seule ; fière aussi des changements à la maison.",
    progress:
        "Humeur bien meilleure ; les disputes avec son conjoint se terminent désormais plus souvent par un accord.",
    contributions:
        "S’est exercée à dire directement ce dont elle avait besoin et a gardé la marche hebdomadaire avec une amie.",
    warning_signs: [
        "Se réveiller à 4 h plusieurs nuits de suite",
        "Ne plus répondre aux amis",
        "Taire les disputes sur les tâches ménagères",
    ],
    coping_plan:
        "Prévoir une discussion avec son conjoint la même semaine ; appeler une amie ; reprendre le groupe de marche.",
    supports: ["Conjoint", "Sœur", "Cabinet du médecin traitant"],
    return_plan: "Contacter le service si deux signes d’alerte durent plus de deux semaines.",
    review_skipped: "Bilan de fin omis : la fin a été faite par téléphone après un déménagement",
    printed_engagement: "  TIP brève avec sa séance d’engagement (séance 0, comptée nulle part) : {base}/courses/{id}",
    printed_engagement_ahead: "  TIP brève qui commence par sa séance d’engagement le {date} à 09:30 (clinician1 ; dans le calendrier et son flux) : {base}/courses/{id}",
    stuart_symptom_link: "Humeur basse et sommeil perturbé depuis les désaccords avec sa mère sur la garde des enfants.",
    stuart_sensitivity: "S’attend à être critiquée par sa mère et ses collègues ; se tait et se retire pendant des jours après un mot dur.",
    printed_sensitivity: "  Protocole de Stuart, sensibilité interpersonnelle dans la formulation : {base}/courses/{id}/formulation",
};
