//! The grief course's words per language (demo/grief.rs).

/// A grief formulation with its facts: who died, linked to the inventory, and when.
pub struct Words {
    /// The person who died, as the client calls him (synthetic).
    pub person: &'static str,
    pub relationship_detail: &'static str,
    pub circumstances: &'static str,
    pub relationship_good: &'static str,
    pub relationship_bad: &'static str,
    pub mourning_tasks: &'static str,
    pub symptom_link: &'static str,
    pub shared_text: &'static str,
    pub rationale: &'static str,
    /// The printed line ({base}, {id}).
    pub printed: &'static str,
    /// The client's sister, with the inventory fields of the manuals.
    pub sister: &'static str,
    pub sister_communication: &'static str,
    pub sister_feelings: &'static str,
    /// Timeline: the death, and the months alone after it.
    pub death_title: &'static str,
    pub isolation_title: &'static str,
}

pub static EN: Words = Words {
    person: "Joe (father, synthetic)",
    relationship_detail: "father",
    circumstances: "A sudden heart attack at home; the client was abroad and missed the funeral.",
    relationship_good: "Taught the client to fish; proud of the client's first job.",
    relationship_bad: "Rarely said what he felt; they argued about the client moving away.",
    mourning_tasks: "Talk about the death and the missed funeral; look at the relationship as it was, good and bad.",
    symptom_link: "Low mood, guilt and poor sleep began in the weeks after the father's death and have not eased.",
    shared_text: "Your depression started after your father died, and you have had no chance to grieve him. We will \
                  use our sessions to talk about him and about what happened, and to find your way back to people.",
    rationale: "Onset clearly after the death; mourning has stalled (no funeral attended, not talked about).",
    printed: "  A grief formulation with its facts (who died, linked to the inventory, and when): {base}/courses/{id}/formulation",
    sister: "Ana (sister, synthetic)",
    sister_communication: "Short messages; they avoid talking about their father.",
    sister_feelings: "Guilty for not being there; relieved when she calls.",
    death_title: "Father died",
    isolation_title: "Stopped seeing friends",
};

pub static ES: Words = Words {
    person: "Joe (padre, ficticio)",
    relationship_detail: "padre",
    circumstances: "Un infarto repentino en casa; el cliente estaba en el extranjero y no llegó al funeral.",
    relationship_good: "Le enseñó a pescar; estaba orgulloso de su primer trabajo.",
    relationship_bad: "Casi nunca decía lo que sentía; discutían por la mudanza del cliente.",
    mourning_tasks: "Hablar de la muerte y del funeral perdido; ver la relación tal como fue, lo bueno y lo malo.",
    symptom_link: "El ánimo bajo, la culpa y el mal dormir empezaron en las semanas tras la muerte del padre y no han cedido.",
    shared_text: "Su depresión empezó tras la muerte de su padre, y no ha tenido ocasión de hacer el duelo. Usaremos las \
                  sesiones para hablar de él y de lo que pasó, y para volver a acercarse a la gente.",
    rationale: "Inicio claramente tras la muerte; el duelo está detenido (sin funeral, sin hablar de ello).",
    printed: "  Una formulación de duelo con sus datos (quién murió, vinculado al inventario, y cuándo): {base}/courses/{id}/formulation",
    sister: "Ana (hermana, ficticia)",
    sister_communication: "Mensajes breves; evitan hablar de su padre.",
    sister_feelings: "Culpa por no haber estado; alivio cuando ella llama.",
    death_title: "Muere el padre",
    isolation_title: "Deja de ver a los amigos",
};

pub static FR: Words = Words {
    person: "Joe (père, fictif)",
    relationship_detail: "père",
    circumstances: "Une crise cardiaque soudaine à la maison ; le client était à l’étranger et a manqué les obsèques.",
    relationship_good: "Lui a appris à pêcher ; fier de son premier emploi.",
    relationship_bad: "Disait rarement ce qu’il ressentait ; ils se disputaient au sujet du départ du client.",
    mourning_tasks: "Parler du décès et des obsèques manquées ; regarder la relation telle qu’elle était, bonne et mauvaise.",
    symptom_link: "L’humeur basse, la culpabilité et le mauvais sommeil ont commencé dans les semaines suivant le décès du père.",
    shared_text: "Votre dépression a commencé après le décès de votre père, et vous n’avez pas pu en faire le deuil. Nous \
                  utiliserons les séances pour parler de lui et de ce qui s’est passé, et pour retrouver les autres.",
    rationale: "Début nettement après le décès ; le deuil est bloqué (pas d’obsèques, pas d’échange à ce sujet).",
    printed: "  Une formulation de deuil avec ses faits (qui est décédé, lié à l’inventaire, et quand) : {base}/courses/{id}/formulation",
    sister: "Ana (sœur, fictive)",
    sister_communication: "Messages courts ; ils évitent de parler de leur père.",
    sister_feelings: "Coupable de ne pas avoir été là ; soulagé quand elle appelle.",
    death_title: "Décès du père",
    isolation_title: "Ne voit plus ses amis",
};
