//! The demo timeline's words per language (demo/timeline.rs).

/// (title, people, description) of a timeline event.
pub type Event = (&'static str, &'static [&'static str], &'static str);

/// The six events in date order, in one language (`Texts::timeline`): a row
/// with a brother, a move, a redundancy, losing touch with friends, a row at
/// home, starting treatment.
pub struct Words {
    pub events: [Event; 6],
}

pub static EN: Words = Words {
    events: [
        (
            "Row with brother over Mum's care",
            &["Luis (brother)"],
            "Disagreed about moving their mother into sheltered housing; have spoken little since.",
        ),
        ("Moved to a smaller flat", &["Sam (partner)"], "Further from friends and from work; longer commute."),
        (
            "Made redundant at the depot",
            &["Dev (manager)"],
            "Twelve years in the job. Sleep and appetite went within a fortnight.",
        ),
        ("Stopped seeing friends from work", &[], "Felt ashamed; stopped going to Friday football."),
        (
            "Argument with Sam about money",
            &["Sam (partner)"],
            "Worst week: stayed in bed for three days and cancelled the job-centre appointment.",
        ),
        ("Saw GP; started sertraline and IPT", &["Dr Okafor (GP)"], ""),
    ],
};

pub static ES: Words = Words {
    events: [
        (
            "Pleito con su hermano por el cuidado de mamá",
            &["Luis (hermano)"],
            "No estuvieron de acuerdo en llevar a su madre a una residencia asistida; desde entonces casi no se hablan.",
        ),
        ("Se mudó a un departamento más chico", &["Sam (pareja)"], "Más lejos de las amistades y del trabajo; trayecto más largo."),
        (
            "Despido del almacén por recorte de personal",
            &["Dev (jefe)"],
            "Doce años en el puesto. Perdió el sueño y el apetito en dos semanas.",
        ),
        ("Dejó de ver a los amigos del trabajo", &[], "Sintió vergüenza; dejó de ir al fútbol de los viernes."),
        (
            "Discusión con Sam por el dinero",
            &["Sam (pareja)"],
            "La peor semana: se quedó en cama tres días y canceló la cita en la oficina de empleo.",
        ),
        ("Consultó al médico; inició sertralina y TIP", &["Dra. Okafor (médica de cabecera)"], ""),
    ],
};

pub static FR: Words = Words {
    events: [
        (
            "Dispute avec son frère au sujet des soins de maman",
            &["Luis (frère)"],
            "Désaccord sur l’entrée de leur mère en résidence autonomie ; ils se parlent peu depuis.",
        ),
        (
            "Déménagement dans un appartement plus petit",
            &["Sam (conjoint)"],
            "Plus loin des amis et du travail ; trajet plus long.",
        ),
        (
            "Licenciement économique au dépôt",
            &["Dev (responsable)"],
            "Douze ans dans le poste. Sommeil et appétit perdus en quinze jours.",
        ),
        ("Plus de contact avec les amis du travail", &[], "La honte ; plus de foot le vendredi."),
        (
            "Dispute avec Sam au sujet de l’argent",
            &["Sam (conjoint)"],
            "Pire semaine : trois jours au lit, rendez-vous à France Travail annulé.",
        ),
        (
            "Consultation chez le médecin traitant ; début de la sertraline et de la TIP",
            &["Dr Okafor (médecin traitant)"],
            "",
        ),
    ],
};
