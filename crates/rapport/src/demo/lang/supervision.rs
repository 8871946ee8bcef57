//! The demo supervision's words per language (demo/supervision.rs).

/// The supervision meetings' and training's words in one language (`Texts::supervision`).
pub struct Words {
    pub individual_decisions: &'static str,
    pub group_decisions: &'static str,
    /// Action points: clinician1's (overdue), the supervisor's, clinician2's.
    pub actions: [&'static str; 3],
    pub training: &'static str,
    pub trainer: &'static str,
}

pub static EN: Words = Words {
    individual_decisions: "Keep the focus on the role dispute. Bring a recording of a role play for review next time.",
    group_decisions: "Agree formulations by the third session; check measures are taken every session.",
    actions: [
        "Bring the audio of a session with a role play",
        "Send the reading on communication analysis",
        "Review every open case for an agreed formulation",
    ],
    training: "IPT foundation course (16 hours)",
    trainer: "Regional IPT training centre",
};

pub static ES: Words = Words {
    individual_decisions: "Mantener el foco en la disputa de roles. Traer la grabación de un juego de roles para revisarla la próxima vez.",
    group_decisions: "Acordar la formulación a más tardar en la tercera sesión; verificar que se apliquen las mediciones en cada sesión.",
    actions: [
        "Traer el audio de una sesión con un juego de roles",
        "Enviar la lectura sobre el análisis de la comunicación",
        "Revisar que cada caso abierto tenga una formulación acordada",
    ],
    training: "Curso básico de TIP (16 horas)",
    trainer: "Centro regional de formación en TIP",
};

pub static FR: Words = Words {
    individual_decisions: "Garder le focus sur le conflit de rôle. Apporter l’enregistrement d’un jeu de rôle à revoir la prochaine fois.",
    group_decisions: "Convenir de la formulation au plus tard à la troisième séance ; vérifier que les mesures sont prises à chaque séance.",
    actions: [
        "Apporter l’audio d’une séance avec un jeu de rôle",
        "Envoyer la lecture sur l’analyse de la communication",
        "Vérifier que chaque dossier ouvert a une formulation convenue",
    ],
    training: "Formation de base en TIP (16 heures)",
    trainer: "Centre régional de formation à la TIP",
};
