//! The showcase formulation's words per language (demo/formulation.rs).

/// The showcase course's formulation, dispute and goals in one language (`Texts::formulation`).
pub struct Words {
    pub symptom_link: &'static str,
    /// The formulation as shared with the client (the portal's plan).
    pub shared_text: &'static str,
    pub rationale: &'static str,
    pub other_person: &'static str,
    pub issues: &'static str,
    pub client_expectations: &'static str,
    pub other_expectations: &'static str,
    pub non_reciprocal: &'static str,
    pub options: [&'static str; 3],
    pub similar_patterns: &'static str,
    pub impasse_note: &'static str,
    pub renegotiation_note: &'static str,
    /// (the client's statement, the clinician's wording) of the two goals.
    pub goals: [(&'static str, &'static str); 2],
}

pub static EN: Words = Words {
    symptom_link: "Low mood, poor sleep and withdrawal began in the months after the arguments with the partner about \
                   housework and money stopped being talked about.",
    shared_text: "You are depressed, which is a common and treatable illness and not your fault. It started when things \
                  with Sam got stuck: you both want different things at home and have stopped talking about it. We will \
                  use our sessions to look at that disagreement and find ways to reopen it.",
    rationale: "Clear onset after the talks stopped; no recent loss or role change.",
    other_person: "Sam (partner, synthetic)",
    issues: "Sharing housework; how money is spent.",
    client_expectations: "Chores shared evenly; decisions about money taken together.",
    other_expectations: "The one who earns more decides; chores follow working hours.",
    non_reciprocal: "Who decides, and what counts as a fair share.",
    options: ["Raise it on a calm evening", "A joint session", "Write down a weekly plan"],
    similar_patterns: "Stays silent with the manager at work too, then resents it.",
    impasse_note: "Talks stopped months ago",
    renegotiation_note: "They talked it through on Sunday",
    goals: [
        ("Tell Sam what I need without it ending in a row", "Direct, calm requests to partner"),
        ("Go out with friends once a week", "Rebuild social contact"),
    ],
};

pub static ES: Words = Words {
    symptom_link:
        "El ánimo bajo, el mal dormir y el aislamiento empezaron en los meses después de que dejaron de hablar \
                   de las discusiones con la pareja sobre las tareas de la casa y el dinero.",
    shared_text:
        "Usted tiene depresión, una enfermedad común y tratable, y no es su culpa. Empezó cuando las cosas con \
                  Sam se estancaron: los dos quieren cosas distintas en casa y dejaron de hablar de ello. Usaremos las \
                  sesiones para mirar ese desacuerdo y encontrar maneras de retomarlo.",
    rationale: "Inicio claro después de que dejaron de hablar; sin pérdida reciente ni cambio de rol.",
    other_person: "Sam (pareja, sintético)",
    issues: "Repartir las tareas de la casa; cómo se gasta el dinero.",
    client_expectations: "Tareas repartidas por igual; decisiones sobre el dinero tomadas en conjunto.",
    other_expectations: "Decide quien gana más; las tareas se reparten según el horario de trabajo.",
    non_reciprocal: "Quién decide, y qué es un reparto justo.",
    options: ["Sacar el tema una noche tranquila", "Una sesión conjunta", "Escribir un plan semanal"],
    similar_patterns: "También se calla con su jefe en el trabajo y después se resiente.",
    impasse_note: "Dejaron de hablar hace meses",
    renegotiation_note: "Lo conversaron el domingo",
    goals: [
        ("Decirle a Sam lo que necesito sin que termine en pleito", "Pedidos directos y tranquilos a la pareja"),
        ("Salir con amigas una vez por semana", "Recuperar el contacto social"),
    ],
};

pub static FR: Words = Words {
    symptom_link:
        "L’humeur basse, le mauvais sommeil et le repli ont commencé dans les mois qui ont suivi l’arrêt des \
                   discussions avec son conjoint sur les tâches ménagères et l’argent.",
    shared_text:
        "Vous souffrez d’une dépression, une maladie courante qui se soigne, et ce n’est pas votre faute. Elle a \
                  commencé quand les choses se sont bloquées avec Sam : vous voulez chacun des choses différentes à la \
                  maison et vous n’en parlez plus. Nous utiliserons nos séances pour examiner ce désaccord et trouver \
                  des façons de rouvrir le dialogue.",
    rationale: "Début net après l’arrêt des discussions ; pas de deuil ni de changement de rôle récent.",
    other_person: "Sam (conjoint, fictif)",
    issues: "Le partage des tâches ménagères ; la façon de dépenser l’argent.",
    client_expectations: "Des tâches partagées équitablement ; des décisions d’argent prises ensemble.",
    other_expectations: "Celui qui gagne le plus décide ; les tâches suivent les horaires de travail.",
    non_reciprocal: "Qui décide, et ce qu’est un partage équitable.",
    options: ["En parler un soir au calme", "Une séance commune", "Écrire un planning hebdomadaire"],
    similar_patterns: "Se tait aussi face à son responsable au travail, puis lui en veut.",
    impasse_note: "Les discussions se sont arrêtées il y a des mois",
    renegotiation_note: "Ils en ont parlé dimanche",
    goals: [
        ("Dire à Sam ce dont j’ai besoin sans que cela tourne à la dispute", "Demandes directes et calmes au conjoint"),
        ("Sortir avec des amis une fois par semaine", "Renouer des liens sociaux"),
    ],
};
