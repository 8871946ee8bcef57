//! The demo care context's words per language (demo/context.rs).

/// The care context's words in one language (`Texts::context`).
pub struct Words {
    pub cultural_identity: &'static str,
    pub explanations: &'static str,
    pub stressors: &'static str,
    pub supports: &'static str,
    pub expectations: &'static str,
    pub practices: &'static str,
    pub language_needs: &'static str,
    /// The current and the past medication.
    pub medicines: [&'static str; 2],
    pub doses: [&'static str; 2],
    pub prescribers: [&'static str; 2],
    pub adherence: &'static str,
    pub side_effects: [&'static str; 2],
    pub gp: &'static str,
    pub gp_practice: &'static str,
    pub gp_provides: &'static str,
    pub letter: &'static str,
}

pub static EN: Words = Words {
    cultural_identity: "Grew up in a large Portuguese-speaking family; Catholic, attends Mass at festivals. Sees self as the one who holds the family together.",
    explanations: "\"My nerves are finished.\" Thinks the low mood comes from \"carrying everyone\" and from the shame of losing the job.",
    stressors: "Being the main earner is part of their sense of self; the redundancy feels like failing the family.",
    supports: "Parish friends; cousin Rita; the football group (lost touch since the redundancy).",
    expectations: "Hoped for tablets to \"fix the nerves\"; wary of talking about family outside the family. Prefers practical advice.",
    practices: "Sunday lunch with extended family; Mum's care is a family duty.",
    language_needs: "Fluent English; written material in English is fine. Mother speaks only Portuguese (relevant if she joins a session).",
    medicines: ["Sertraline", "Citalopram"],
    doses: ["50 mg once daily", "20 mg once daily"],
    prescribers: ["Dr Okafor (GP)", "Previous GP"],
    adherence: "Takes it most days; missed doses at weekends at first.",
    side_effects: ["Mild nausea in the first fortnight, now settled.", "Stopped because of nausea and feeling \"flat\"."],
    gp: "Dr R. Okafor, GP",
    gp_practice: "Riverside Health Centre (demo)",
    gp_provides: "Prescribes and reviews the antidepressant; sick notes.",
    letter: "Letter to Dr Okafor with the IPT plan (16 weekly sessions, role dispute focus) and a request to review the sertraline dose at 8 weeks.",
};

pub static ES: Words = Words {
    cultural_identity: "Creció en una familia grande de habla portuguesa y católica; va a misa en las fiestas. Se ve como quien mantiene unida a la familia.",
    explanations: "«Tengo los nervios deshechos». Piensa que el ánimo bajo viene de «cargar con todos» y de la vergüenza de haber perdido el trabajo.",
    stressors: "Ser el sostén principal de la casa es parte de su identidad; el despido se siente como fallarle a la familia.",
    supports: "Amistades de la parroquia; su prima Rita; el grupo de fútbol (perdió el contacto desde el despido).",
    expectations: "Esperaba pastillas para «arreglar los nervios»; no le gusta hablar de la familia fuera de la familia. Prefiere consejos prácticos.",
    practices: "Comida del domingo con la familia extendida; cuidar a mamá es un deber de la familia.",
    language_needs: "Habla español con fluidez; el material escrito en español está bien. Su madre solo habla portugués (importante si viene a una sesión).",
    medicines: ["Sertralina", "Citalopram"],
    doses: ["50 mg una vez al día", "20 mg una vez al día"],
    prescribers: ["Dra. Okafor (médica de cabecera)", "Médico de cabecera anterior"],
    adherence: "La toma casi todos los días; al principio olvidaba dosis los fines de semana.",
    side_effects: ["Náuseas leves las primeras dos semanas, ya pasaron.", "La dejó por las náuseas y por sentirse «sin vida»."],
    gp: "Dra. R. Okafor, médica de cabecera",
    gp_practice: "Centro de Salud Riverside (demo)",
    gp_provides: "Receta y revisa el antidepresivo; incapacidades.",
    letter: "Carta a la Dra. Okafor con el plan de TIP (16 sesiones semanales, foco en la disputa de roles) y la solicitud de revisar la dosis de sertralina a las 8 semanas.",
};

pub static FR: Words = Words {
    cultural_identity: "A grandi dans une grande famille lusophone ; catholique, va à la messe pour les fêtes. Se voit comme celle ou celui qui tient la famille unie.",
    explanations: "« J’ai les nerfs à bout. » Pense que l’humeur basse vient du fait de « porter tout le monde » et de la honte d’avoir perdu son emploi.",
    stressors: "Être le principal soutien financier fait partie de son identité ; le licenciement est vécu comme un échec envers la famille.",
    supports: "Les amis de la paroisse ; sa cousine Rita ; le groupe de foot (perdu de vue depuis le licenciement).",
    expectations: "Espérait des comprimés pour « réparer les nerfs » ; réticence à parler de la famille hors de la famille. Préfère des conseils pratiques.",
    practices: "Déjeuner du dimanche avec la famille élargie ; s’occuper de maman est un devoir familial.",
    language_needs: "Parle couramment français ; les documents écrits en français conviennent. Sa mère ne parle que portugais (à savoir si elle vient à une séance).",
    medicines: ["Sertraline", "Citalopram"],
    doses: ["50 mg une fois par jour", "20 mg une fois par jour"],
    prescribers: ["Dr Okafor (médecin traitant)", "Ancien médecin traitant"],
    adherence: "Le prend presque tous les jours ; oubliait des prises le week-end au début.",
    side_effects: ["Légères nausées les quinze premiers jours, disparues depuis.", "Arrêté à cause des nausées et d’une impression d’être « éteint·e »."],
    gp: "Dr R. Okafor, médecin traitant",
    gp_practice: "Centre de santé Riverside (démo)",
    gp_provides: "Prescrit et réévalue l’antidépresseur ; arrêts de travail.",
    letter: "Courrier au Dr Okafor avec le plan de TIP (16 séances hebdomadaires, focus sur le conflit de rôle) et une demande de réévaluer la dose de sertraline à 8 semaines.",
};
