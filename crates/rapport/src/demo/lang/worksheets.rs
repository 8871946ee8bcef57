//! The demo worksheets' words per language (demo/worksheets.rs).

/// One communication analysis's words: (client, other person) feelings
/// before, while saying it and after the reply.
pub struct Exchange {
    pub with_whom: &'static str,
    pub setting: &'static str,
    pub intended: &'static str,
    pub said: &'static str,
    pub reply: &'static str,
    pub feelings: [(&'static str, &'static str); 3],
    pub outcome: &'static str,
    pub alternatives: &'static [&'static str],
}

/// The worksheets' words in one language (`Texts::worksheets`).
pub struct Words {
    pub money: Exchange,
    pub role_play_notes: &'static str,
    pub result: &'static str,
    pub sister: Exchange,
    pub decision: &'static str,
    /// (option, pros, cons); the third is the one chosen.
    pub options: [(&'static str, &'static str, &'static str); 3],
    pub steps: [&'static str; 4],
    pub obstacles: &'static str,
    pub rehearsal_notes: &'static str,
}

pub static EN: Words = Words {
    money: Exchange {
        with_whom: "Sam (partner)",
        setting: "Kitchen, Sunday evening, after opening the gas bill.",
        intended: "I am frightened about money since losing my job and I need us to make a plan together.",
        said: "\"Fine, I'll sort the bills out myself like I always do.\" (turned away, arms folded)",
        reply: "\"Suit yourself.\" Sam went to watch television.",
        feelings: [("Anxious, ashamed", "Tired after work"), ("Angry", "Criticised"), ("Hurt, alone", "Annoyed, shut out")],
        outcome: "The message did not get across: Sam heard a complaint, not a request. Neither spoke for the evening.",
        alternatives: &[
            "\"I'm scared about the bills since the redundancy. Can we sit down on Saturday and go through them together?\"",
            "Ask for one concrete thing: Sam checks the energy tariffs.",
        ],
    },
    role_play_notes: "Rehearsed the first alternative twice; softer tone the second time.",
    result: "Tried it on Saturday: Sam agreed to go through the bills and to check the tariffs.",
    sister: Exchange {
        with_whom: "Ana (sister)",
        setting: "Phone call about who takes their mother to her hospital appointments.",
        intended: "I cannot do every appointment while I am job-hunting; I want us to share them.",
        said: "Said nothing about it; agreed to the next three appointments.",
        reply: "\"Great, thanks, you're a star.\"",
        feelings: [("", ""), ("Resentful", "Relieved"), ("Taken for granted", "Grateful, unaware")],
        outcome: "Nothing changed; the client assumed Ana should know how stretched they are.",
        alternatives: &["Tell Ana directly that alternating appointments would help, and suggest dates."],
    },
    decision: "Whether to apply for warehouse supervisor posts now or take the six-month logistics course first",
    options: [
        ("Apply for supervisor posts now", "Income sooner; eases the money worries at home", "Few posts locally; fear of another rejection"),
        (
            "Take the logistics course first",
            "Better long-term prospects; structure to the week",
            "Six more months on a reduced income; Sam worried about the cost",
        ),
        ("Apply now and do the course part-time", "Keeps both doors open", "Tiring while mood is still low"),
    ],
    steps: [
        "Update the CV with the job centre adviser",
        "Apply for two posts this week",
        "Ask the college about the part-time start dates",
        "Talk it through with Sam on Saturday",
    ],
    obstacles: "Loss of confidence after the redundancy; money for the course fees.",
    rehearsal_notes: "Practised explaining the plan to Sam.",
};

pub static ES: Words = Words {
    money: Exchange {
        with_whom: "Sam (pareja)",
        setting: "En la cocina, el domingo por la noche, después de abrir el recibo del gas.",
        intended: "Tengo miedo por el dinero desde que perdí el trabajo y necesito que hagamos un plan juntos.",
        said: "«Está bien, yo me encargo de las cuentas como siempre». (se dio vuelta, de brazos cruzados)",
        reply: "«Como quieras». Sam se fue a ver la televisión.",
        feelings: [
            ("Ansiedad, vergüenza", "Cansancio después del trabajo"),
            ("Enojo", "Se sintió criticado"),
            ("Dolor, soledad", "Molestia, se sintió excluido"),
        ],
        outcome: "El mensaje no llegó: Sam oyó una queja, no un pedido. No se hablaron en toda la noche.",
        alternatives: &[
            "«Me preocupan las cuentas desde el despido. ¿Podemos sentarnos el sábado a revisarlas juntos?»",
            "Pedir una cosa concreta: que Sam compare las tarifas de luz y gas.",
        ],
    },
    role_play_notes: "Ensayó dos veces la primera alternativa; la segunda vez con un tono más suave.",
    result: "Lo intentó el sábado: Sam aceptó revisar las cuentas y comparar las tarifas.",
    sister: Exchange {
        with_whom: "Ana (hermana)",
        setting: "Llamada sobre quién lleva a su madre a las citas en el hospital.",
        intended: "No puedo ir a todas las citas mientras busco trabajo; quiero que nos turnemos.",
        said: "No dijo nada al respecto; aceptó las tres citas siguientes.",
        reply: "«Genial, gracias, eres un sol».",
        feelings: [("", ""), ("Resentimiento", "Alivio"), ("Sentirse dada por sentada", "Gratitud, sin darse cuenta")],
        outcome: "Nada cambió; la consultante supuso que Ana debía saber lo ocupada que está.",
        alternatives: &["Decirle a Ana directamente que turnarse las citas ayudaría, y proponer fechas."],
    },
    decision:
        "Si postularse ahora a puestos de supervisión en almacenes o hacer primero el curso de logística de seis meses",
    options: [
        (
            "Postularse ahora a puestos de supervisión",
            "Ingresos antes; alivia las preocupaciones de dinero en casa",
            "Pocos puestos en la zona; miedo a otro rechazo",
        ),
        (
            "Hacer primero el curso de logística",
            "Mejores perspectivas a largo plazo; da estructura a la semana",
            "Seis meses más con ingresos reducidos; a Sam le preocupa el costo",
        ),
        (
            "Postularse ahora y hacer el curso a tiempo parcial",
            "Mantiene las dos puertas abiertas",
            "Agotador mientras el ánimo sigue bajo",
        ),
    ],
    steps: [
        "Actualizar el currículum con el asesor de la oficina de empleo",
        "Postularse a dos puestos esta semana",
        "Preguntar en el instituto las fechas de inicio a tiempo parcial",
        "Conversarlo con Sam el sábado",
    ],
    obstacles: "Pérdida de confianza después del despido; el dinero para la inscripción del curso.",
    rehearsal_notes: "Practicó cómo explicarle el plan a Sam.",
};

pub static FR: Words = Words {
    money: Exchange {
        with_whom: "Sam (conjoint)",
        setting: "Dans la cuisine, dimanche soir, après avoir ouvert la facture de gaz.",
        intended: "J’ai peur pour l’argent depuis que j’ai perdu mon emploi et j’ai besoin qu’on fasse un plan ensemble.",
        said: "« Très bien, je vais m’occuper des factures tout·e seul·e, comme d’habitude. » (s’est détourné·e, bras croisés)",
        reply: "« Comme tu veux. » Sam est allé regarder la télévision.",
        feelings: [
            ("Anxiété, honte", "Fatigue après le travail"),
            ("Colère", "Se sent critiqué"),
            ("Blessure, solitude", "Agacement, se sent exclu"),
        ],
        outcome: "Le message n’est pas passé : Sam a entendu un reproche, pas une demande. Personne n’a parlé de la soirée.",
        alternatives: &[
            "« Les factures m’inquiètent depuis le licenciement. On peut s’asseoir samedi pour les regarder ensemble ? »",
            "Demander une seule chose concrète : que Sam compare les tarifs d’énergie.",
        ],
    },
    role_play_notes: "A répété deux fois la première option ; ton plus doux la deuxième fois.",
    result: "Essayé samedi : Sam a accepté de regarder les factures et de comparer les tarifs.",
    sister: Exchange {
        with_whom: "Ana (sœur)",
        setting: "Appel au sujet de qui accompagne leur mère à ses rendez-vous à l’hôpital.",
        intended: "Je ne peux pas faire tous les rendez-vous pendant que je cherche du travail ; je veux qu’on se les partage.",
        said: "N’en a rien dit ; a accepté les trois prochains rendez-vous.",
        reply: "« Super, merci, tu es un amour. »",
        feelings: [("", ""), ("Rancœur", "Soulagement"), ("Sentiment d’être tenu·e pour acquis·e", "Reconnaissance, sans se rendre compte")],
        outcome: "Rien n’a changé ; la personne pensait qu’Ana devait savoir à quel point elle est débordée.",
        alternatives: &["Dire directement à Ana qu’alterner les rendez-vous aiderait, et proposer des dates."],
    },
    decision: "Postuler dès maintenant à des postes de chef d’équipe en entrepôt ou suivre d’abord la formation en logistique de six mois",
    options: [
        (
            "Postuler dès maintenant comme chef d’équipe",
            "Des revenus plus tôt ; moins de soucis d’argent à la maison",
            "Peu de postes dans le secteur ; peur d’un nouveau refus",
        ),
        (
            "Suivre d’abord la formation en logistique",
            "Meilleures perspectives à long terme ; structure la semaine",
            "Six mois de plus avec un revenu réduit ; Sam s’inquiète du coût",
        ),
        ("Postuler maintenant et suivre la formation à temps partiel", "Garde les deux portes ouvertes", "Fatigant tant que l’humeur reste basse"),
    ],
    steps: [
        "Mettre à jour le CV avec le conseiller France Travail",
        "Postuler à deux offres cette semaine",
        "Demander au centre de formation les dates de rentrée à temps partiel",
        "En parler avec Sam samedi",
    ],
    obstacles: "Perte de confiance après le licenciement ; l’argent pour les frais de formation.",
    rehearsal_notes: "S’est exercé·e à expliquer le plan à Sam.",
};
