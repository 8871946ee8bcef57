//! The group programme's words per language (demo/groups.rs).

/// The programme's reader-visible words in one language (`Texts::groups`).
pub struct Words {
    pub trainer: &'static str,
    pub group_supervisor: &'static str,
    /// The kinds of site: Kasese North's, Hillside Secondary's.
    pub site_kinds: [&'static str; 2],
    pub facilitators: [&'static str; 3],
    /// The finished, the half-way and the pre-group group.
    pub group_names: [&'static str; 3],
    pub consent: &'static str,
    pub programme_number: &'static str,
    /// A young person's emergency contact: the relationship, also after the carer's name.
    pub parent: &'static str,
    pub carers: [&'static str; 3],
    /// Pre-group goals by problem area (grief, role dispute, role transition, the others).
    pub goals: [&'static str; 4],
    pub young_goals: [&'static str; 4],
    /// The weekly task after the first, a middle and the last meeting.
    pub tasks: [&'static str; 3],
    pub finished_first: &'static str,
    pub finished_last: &'static str,
    /// A middle meeting of the finished group ({n}: its number).
    pub finished_meeting: &'static str,
    pub midway_first: &'static str,
    pub midway_meeting: &'static str,
    /// Why two members dropped out and one was referred.
    pub leaving: [&'static str; 3],
    pub caring_note: &'static str,
    pub risk_note: &'static str,
    /// Screening notes: not eligible, referred, waiting for a group.
    pub screening_notes: [&'static str; 3],
}

pub static EN: Words = Words {
    trainer: "Marta Mentorson (demo master trainer)",
    group_supervisor: "Peace Overseer (demo group supervisor)",
    site_kinds: ["village", "school"],
    facilitators: [
        "Achieng Fieldwell (demo facilitator)",
        "Rehema Groupwell (demo facilitator)",
        "Daudi Schoolwell (demo facilitator)",
    ],
    group_names: ["Kasese North women's group, cycle 1", "Kasese North women's group, cycle 2", "Hillside Secondary Form 3 group"],
    consent: "Agreed to screening and, if eligible, to join an IPT group. Synthetic demo record.",
    programme_number: "Programme number",
    parent: "parent",
    carers: ["Grace", "Joseph", "Mary"],
    goals: [
        "Talk about my mother's death with my sisters instead of staying at home alone",
        "Agree with my husband how we share the money from the harvest",
        "Settle into life in the new village and find two people to rely on",
        "Visit one neighbour each week and go back to the women's savings group",
    ],
    young_goals: [
        "Tell a friend when I miss my grandmother",
        "Talk with my father about school without shouting",
        "Make friends at the new school",
        "Sit with classmates at lunch at least twice a week",
    ],
    tasks: [
        "Notice one moment each day when your mood changes, and who you were with",
        "Try the option you chose with one person before the next meeting",
        "Keep meeting as a savings group; if the warning signs come back, call the facilitator",
    ],
    finished_first: "Introductions; the group agreed its rules. Each woman said how low mood shows for her.",
    finished_last: "Last meeting: moods re-rated, goals reviewed, warning signs named. The group will go on meeting as a savings group.",
    finished_meeting: "Meeting {n}: moods rated; the group suggested options for two members' problems.",
    midway_first: "Introductions; the group agreed its rules. Depression explained as a common illness that gets better. Each woman named her problem area and one goal.",
    midway_meeting: "Meeting {n}: moods rated; the group suggested options for two members and practised one difficult conversation.",
    leaving: [
        "Moved to her sister's village for the planting season",
        "Cannot leave her market stall on meeting days",
        "Mood worse since meeting 3: referred to the health centre's mental health nurse for an assessment",
    ],
    caring_note: "Came to tell us she is caring for her sick mother this week; will come next time",
    risk_note: "Said she sometimes wishes she would not wake up. Stayed after the meeting to talk; I called my supervisor the same afternoon",
    screening_notes: [
        "Low mood after a poor harvest, but coping; told she can come back if it gets worse",
        "Thoughts of ending her life on more than half the days: supervisor called, referred to the clinical officer",
        "Waiting for the next group",
    ],
};

pub static ES: Words = Words {
    trainer: "Marta Mentorson (formadora principal demo)",
    group_supervisor: "Peace Overseer (supervisora de grupos demo)",
    site_kinds: ["pueblo", "escuela"],
    facilitators: [
        "Achieng Fieldwell (facilitadora demo)",
        "Rehema Groupwell (facilitadora demo)",
        "Daudi Schoolwell (facilitador demo)",
    ],
    group_names: [
        "Grupo de mujeres de Kasese North, ciclo 1",
        "Grupo de mujeres de Kasese North, ciclo 2",
        "Grupo de 3.º año de Hillside Secondary",
    ],
    consent: "Aceptó el cribado y, si cumple los criterios, unirse a un grupo de TIP. Expediente sintético de demostración.",
    programme_number: "Número en el programa",
    parent: "madre o padre",
    carers: ["Gracia", "José", "María"],
    goals: [
        "Hablar de la muerte de mi madre con mis hermanas en vez de quedarme sola en casa",
        "Acordar con mi esposo cómo repartimos el dinero de la cosecha",
        "Adaptarme a la vida en el pueblo nuevo y encontrar a dos personas con quienes contar",
        "Visitar a una vecina cada semana y volver al grupo de ahorro de mujeres",
    ],
    young_goals: [
        "Decirle a un amigo cuando extraño a mi abuela",
        "Hablar con mi papá sobre la escuela sin gritar",
        "Hacer amigos en la escuela nueva",
        "Sentarme con compañeros en el almuerzo al menos dos veces por semana",
    ],
    tasks: [
        "Notar cada día un momento en que cambia su ánimo, y con quién estaba",
        "Probar la opción que eligió con una persona antes de la próxima reunión",
        "Seguir reuniéndose como grupo de ahorro; si vuelven las señales de alerta, llamar a la facilitadora",
    ],
    finished_first: "Presentaciones; el grupo acordó sus reglas. Cada mujer contó cómo se le nota el ánimo bajo.",
    finished_last: "Última reunión: se volvió a medir el ánimo, se revisaron las metas y se nombraron las señales de alerta. El grupo seguirá reuniéndose como grupo de ahorro.",
    finished_meeting: "Reunión {n}: se midió el ánimo; el grupo propuso opciones para los problemas de dos integrantes.",
    midway_first: "Presentaciones; el grupo acordó sus reglas. Se explicó la depresión como una enfermedad común que mejora. Cada mujer nombró su área problema y una meta.",
    midway_meeting: "Reunión {n}: se midió el ánimo; el grupo propuso opciones para dos integrantes y ensayó una conversación difícil.",
    leaving: [
        "Se mudó al pueblo de su hermana para la temporada de siembra",
        "No puede dejar su puesto del mercado los días de reunión",
        "Ánimo peor desde la reunión 3: derivada a la enfermera de salud mental del centro de salud para una evaluación",
    ],
    caring_note: "Vino a avisarnos que esta semana cuida a su madre enferma; vendrá la próxima vez",
    risk_note: "Dijo que a veces desea no despertar. Se quedó a hablar después de la reunión; llamé a mi supervisora esa misma tarde",
    screening_notes: [
        "Ánimo bajo tras una mala cosecha, pero se las arregla; se le dijo que puede volver si empeora",
        "Pensamientos de quitarse la vida más de la mitad de los días: se llamó a la supervisora, derivada al funcionario clínico",
        "Espera el próximo grupo",
    ],
};

pub static FR: Words = Words {
    trainer: "Marta Mentorson (formatrice principale démo)",
    group_supervisor: "Peace Overseer (superviseuse de groupes démo)",
    site_kinds: ["village", "établissement scolaire"],
    facilitators: [
        "Achieng Fieldwell (animatrice démo)",
        "Rehema Groupwell (animatrice démo)",
        "Daudi Schoolwell (animateur démo)",
    ],
    group_names: [
        "Groupe de femmes de Kasese North, cycle 1",
        "Groupe de femmes de Kasese North, cycle 2",
        "Groupe de troisième de Hillside Secondary",
    ],
    consent: "A accepté le dépistage et, si elle est éligible, de rejoindre un groupe de TIP. Dossier synthétique de démonstration.",
    programme_number: "Numéro dans le programme",
    parent: "parent",
    carers: ["Grâce", "Joseph", "Marie"],
    goals: [
        "Parler de la mort de ma mère avec mes sœurs au lieu de rester seule à la maison",
        "Convenir avec mon mari de la façon de partager l’argent de la récolte",
        "M’installer dans le nouveau village et trouver deux personnes sur qui compter",
        "Rendre visite à une voisine chaque semaine et retourner au groupe d’épargne des femmes",
    ],
    young_goals: [
        "Dire à un ami quand ma grand-mère me manque",
        "Parler de l’école avec mon père sans crier",
        "Me faire des amis dans le nouveau collège",
        "M’asseoir avec des camarades à la cantine au moins deux fois par semaine",
    ],
    tasks: [
        "Remarquer chaque jour un moment où votre humeur change, et avec qui vous étiez",
        "Essayer l’option choisie avec une personne avant la prochaine réunion",
        "Continuer à se réunir en groupe d’épargne ; si les signes d’alerte reviennent, appeler l’animatrice",
    ],
    finished_first: "Présentations ; le groupe a fixé ses règles. Chaque femme a dit comment l’humeur basse se manifeste chez elle.",
    finished_last: "Dernière réunion : humeur réévaluée, objectifs revus, signes d’alerte nommés. Le groupe continuera à se réunir en groupe d’épargne.",
    finished_meeting: "Réunion {n} : humeur évaluée ; le groupe a proposé des options pour les problèmes de deux membres.",
    midway_first: "Présentations ; le groupe a fixé ses règles. La dépression expliquée comme une maladie courante qui se soigne. Chaque femme a nommé son domaine problématique et un objectif.",
    midway_meeting: "Réunion {n} : humeur évaluée ; le groupe a proposé des options pour deux membres et s’est exercé à une conversation difficile.",
    leaving: [
        "Partie au village de sa sœur pour la saison des semis",
        "Ne peut pas quitter son étal du marché les jours de réunion",
        "Humeur en baisse depuis la réunion 3 : orientée vers l’infirmière en santé mentale du centre de santé pour une évaluation",
    ],
    caring_note: "Est venue nous dire qu’elle s’occupe de sa mère malade cette semaine ; viendra la prochaine fois",
    risk_note: "A dit qu’elle souhaite parfois ne pas se réveiller. Est restée parler après la réunion ; j’ai appelé ma superviseuse l’après-midi même",
    screening_notes: [
        "Humeur basse après une mauvaise récolte, mais fait face ; on lui a dit qu’elle peut revenir si cela s’aggrave",
        "Pensées de mettre fin à ses jours plus de la moitié des jours : superviseuse appelée, orientée vers l’agent de santé",
        "Attend le prochain groupe",
    ],
};
