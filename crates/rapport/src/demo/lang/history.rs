//! The words of the demo's programme history per language (demo/history.rs):
//! the risk assessments of past risk answers and the note that closed them.

/// (`Texts::history`)
pub struct Words {
    /// The two clinic sites the history's courses ran at.
    pub sites: [&'static str; 2],
    pub ideation: &'static str,
    pub plan: &'static str,
    pub intent: &'static str,
    pub means: &'static str,
    pub past: &'static str,
    pub protective: &'static str,
    pub closing_note: &'static str,
}

pub static EN: Words = Words {
    sites: ["Riverside Clinic", "Northgate Clinic"],
    ideation: "Passing thoughts of not wanting to wake up, on bad days only.",
    plan: "No plan.",
    intent: "No intent; says she would not act on them.",
    means: "No access to means identified.",
    past: "No previous self-harm.",
    protective: "Her children; a close sister; engaged in therapy.",
    closing_note: "Assessed as low risk; safety plan agreed and reviewed at the next session.",
};

pub static ES: Words = Words {
    sites: ["Clínica Ribera", "Clínica Norte"],
    ideation: "Pensamientos pasajeros de no querer despertar, solo en los días malos.",
    plan: "Sin plan.",
    intent: "Sin intención; dice que no actuaría.",
    means: "No se identifica acceso a medios.",
    past: "Sin autolesiones previas.",
    protective: "Sus hijos; una hermana cercana; comprometida con la terapia.",
    closing_note: "Evaluado como riesgo bajo; plan de seguridad acordado y revisado en la sesión siguiente.",
};

pub static FR: Words = Words {
    sites: ["Clinique des Rives", "Clinique du Nord"],
    ideation: "Pensées passagères de ne pas vouloir se réveiller, les mauvais jours seulement.",
    plan: "Aucun plan.",
    intent: "Aucune intention ; dit qu’elle ne passerait pas à l’acte.",
    means: "Aucun accès à des moyens identifié.",
    past: "Pas d’automutilation antérieure.",
    protective: "Ses enfants ; une sœur proche ; engagée dans la thérapie.",
    closing_note: "Évalué à risque faible ; plan de sécurité convenu et revu à la séance suivante.",
};
