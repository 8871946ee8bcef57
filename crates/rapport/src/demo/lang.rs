//! The demo's own content per language (`rapport demo --language es`): the
//! organisation, generated names, consent and session-note texts and the
//! printed summary's main lines. Data, not interface messages: a demo in
//! Spanish is a synthetic Spanish-speaking practice, not a translated one.

use rapport_core::notes::{MoodEffect, Technique};

/// (mood, events, problem-area work, techniques, work set, work reviewed, plan), session by session.
pub type Script = (
    u8,
    &'static [(&'static str, MoodEffect)],
    &'static str,
    &'static [Technique],
    &'static str,
    &'static str,
    &'static str,
);

/// Everything the demo writes that a reader sees, in one language.
pub struct Texts {
    /// The language code stored as the organisation's default, every account's and every client's language.
    pub code: &'static str,
    pub org_name: &'static str,
    pub country: &'static str,
    pub crisis_resources: &'static str,
    pub time_zone: &'static str,
    pub first: &'static [&'static str],
    pub last: &'static [&'static str],
    pub relations: &'static [&'static str],
    /// `None`: the English mix of preferred languages; else every client's is `code`.
    pub client_language: Option<&'static str>,
    pub consent: &'static str,
    pub admin_name: &'static str,
    pub supervisor_name: &'static str,
    /// Appended to a clinician's generated name.
    pub clinician_suffix: &'static str,
    pub break_glass: &'static str,
    pub notes: &'static [Script],
    pub addendum: &'static str,
    pub process_note: &'static str,
    /// she/her, he/him, they/them as the practice writes them.
    pub pronouns: [&'static str; 3],
    /// The external id's system on every practice client ("Hospital number").
    pub hospital_number: &'static str,
    /// ICD-10 F32.1's title, recorded at the symptom review.
    pub diagnosis: &'static str,
    pub groups: &'static super::groups::Words,
    pub courses: &'static super::courses::Words,
    pub portal: &'static super::portal::Words,
    pub formulation: &'static super::formulation::Words,
    pub supervision: &'static super::supervision::Words,
    pub timeline: &'static super::timeline::Words,
    pub inventory: &'static super::inventory::Words,
    pub worksheets: &'static super::worksheets::Words,
    pub context: &'static super::context::Words,
    pub printed: Printed,
}

impl Texts {
    /// The practice's wording of an English pronoun set ("she/her", "he/him", "they/them").
    pub fn pronoun(&self, english: &str) -> &'static str {
        match english {
            "she/her" => self.pronouns[0],
            "he/him" => self.pronouns[1],
            _ => self.pronouns[2],
        }
    }
}

/// The printed summary's lines that every demo shows.
pub struct Printed {
    /// "Seeded the synthetic \"Demo Practice\": ...": {clinicians} {clients}.
    pub seeded: &'static str,
    pub sign_in_with: &'static str,
    pub administrator: &'static str,
    /// "supervisor of {n} clinicians".
    pub supervisor_of: &'static str,
    pub clinician: &'static str,
    pub password: &'static str,
    pub next: &'static str,
    /// "then open {base}/login (staff) or {base}/portal/login (client portal)."
    pub then_open: &'static str,
}

/// The language codes `rapport demo --language` takes.
pub const LANGUAGES: [&str; 3] = ["en", "es", "fr"];

/// The demo content for `code` (`en`, `es`, `fr`), or `None`.
pub fn texts(code: &str) -> Option<&'static Texts> {
    match code {
        "en" => Some(&EN),
        "es" => Some(&ES),
        "fr" => Some(&FR),
        _ => None,
    }
}

use MoodEffect::{Better, NoChange, Worse};
use Technique as T;

/// The English demo's names (the group programme draws on them too).
pub const EN_FIRST: &[&str] = &[
    "Alex", "Bea", "Cal", "Dana", "Eli", "Fern", "Gus", "Hana", "Ivo", "Jules", "Kai", "Lena", "Milo", "Nia", "Omar",
    "Pia", "Quinn", "Rosa", "Sami", "Tova", "Uma", "Vik", "Wren", "Yara", "Zane", "Ines", "Kofi", "Mei", "Noor",
    "Ravi",
];

pub const EN_LAST: &[&str] = &[
    "Example",
    "Sample",
    "Testwood",
    "Demoson",
    "Placeholder",
    "Fictive",
    "Mockley",
    "Synthia",
    "Invento",
    "Pretendale",
    "Madeup",
    "Notreal",
    "Imaginary",
    "Dummington",
    "Specimen",
    "Trialson",
];

pub static EN: Texts = Texts {
    code: "en",
    org_name: "Demo Practice (synthetic data)",
    country: "United Kingdom",
    crisis_resources: "Emergency services: 999 (or go to A&E)\nSamaritans: 116 123 (free, 24 hours)\n\
         NHS 111: urgent mental health help (choose the mental health option)\nShout: text SHOUT to 85258 (free, 24 hours)",
    time_zone: "Europe/London",
    first: EN_FIRST,
    last: EN_LAST,
    relations: &["partner", "sister", "brother", "friend", "mother", "father"],
    client_language: None,
    consent: "Consents to treatment and to text-message reminders. Synthetic demo record.",
    admin_name: "Avery Admin (demo)",
    supervisor_name: "Sasha Supervisor (demo)",
    clinician_suffix: " (demo clinician)",
    break_glass: "Covering the on-call phone: client called in distress while their clinician is on leave (demo).",
    notes: &[
        (
            3,
            &[("Partner left for a work trip without saying goodbye", Worse)],
            "Symptom review and diagnosis; depression named as an illness; sick role discussed. Inventory started.",
            &[T::ExplorationNondirective, T::DirectElicitation, T::Directive],
            "Notice when mood dips and what happened with whom",
            "",
            "Complete the interpersonal inventory; timeline of the last year",
        ),
        (
            4,
            &[("Sister phoned and listened", Better), ("Argument with partner about housework", Worse)],
            "Inventory completed; onset linked to rising conflict with partner after the move. Medication: referred to GP.",
            &[T::DirectElicitation, T::Clarification, T::EncouragementOfAffect],
            "Write down one recent argument as it happened",
            "Mood diary kept on 5 days; dips follow arguments at home",
            "Present the formulation (role dispute, renegotiation stage) and agree the focus",
        ),
        (
            4,
            &[("Quiet weekend; partner mostly out", NoChange)],
            "Formulation agreed: role dispute with partner over expectations since the move. Contract set for 16 sessions.",
            &[T::Clarification, T::Adjunctive],
            "Notice what you want from your partner when you feel let down",
            "Argument written down: started over dishes, ended with both silent",
            "Communication analysis of the written argument",
        ),
        (
            5,
            &[("Asked partner for help with shopping; partner agreed", Better)],
            "Communication analysis: hints instead of asking; expects partner to guess. Alternatives generated.",
            &[T::CommunicationAnalysis, T::RolePlay, T::BetweenSessionWork],
            "Ask directly for one thing this week, calmly, at a quiet time",
            "Noticed wanting acknowledgement more than help",
            "Review the direct request; rehearse the harder talk about chores",
        ),
        (
            6,
            &[("Direct request went well", Better), ("Mother criticised the flat on a visit", Worse)],
            "Reviewed the request: partner responded well. Decision analysis on raising the chores agreement.",
            &[T::DecisionAnalysis, T::RolePlay, T::EncouragementOfAffect],
            "Propose a chores agreement on Sunday evening",
            "Asked for help with shopping; it went better than expected",
            "Review the Sunday talk; mention 11 sessions left",
        ),
    ],
    addendum: "GP confirmed the referral: sertraline started at 50 mg. Added after signing. (Synthetic demo text.)",
    process_note: "I felt protective and slightly impatient when she excused her partner again. \
Watch for colluding with her avoidance; bring to supervision if it repeats. (Synthetic demo text.)",
    pronouns: ["she/her", "he/him", "they/them"],
    hospital_number: "Hospital number",
    diagnosis: "Major depressive disorder, single episode, moderate",
    groups: &super::groups::EN,
    courses: &super::courses::EN,
    portal: &super::portal::EN,
    formulation: &super::formulation::EN,
    supervision: &super::supervision::EN,
    timeline: &super::timeline::EN,
    inventory: &super::inventory::EN,
    worksheets: &super::worksheets::EN,
    context: &super::context::EN,
    printed: Printed {
        seeded: "Seeded the synthetic \"Demo Practice\": 1 administrator, 1 supervisor, {clinicians} clinicians, {clients} clients.",
        sign_in_with: "All names are generated; no real people. Sign in with any of these accounts:",
        administrator: "administrator (users, audit log, access reviews)",
        supervisor_of: "supervisor of {n} clinicians",
        clinician: "clinician",
        password: "Password for every demo account: ",
        next: "Next, start the server:",
        then_open: "then open {base}/login (staff) or {base}/portal/login (client portal).",
    },
};

pub static ES: Texts = Texts {
    code: "es",
    org_name: "Consultorio de demostración (datos sintéticos)",
    country: "México",
    crisis_resources: "Emergencias: 911\nLínea de la Vida: 800 911 2000 (gratuita, las 24 horas)\n\
         Acuda al servicio de urgencias más cercano si hay peligro inmediato",
    time_zone: "America/Mexico_City",
    first: &[
        "Ana", "Beto", "Carla", "Diego", "Elena", "Fabián", "Gabriela", "Hugo", "Irene", "Javier", "Karina", "Lucía",
        "Mateo", "Nora", "Óscar", "Paula", "Ramiro", "Sofía", "Tomás", "Valeria", "Ximena", "Yolanda", "Andrés",
        "Camila", "Emilio", "Inés", "Joaquín", "Marisol", "Rocío", "Santiago",
    ],
    last: &[
        "Ejemplo",
        "Muestra",
        "Prueba",
        "Ficticio",
        "Inventado",
        "Simulado",
        "Modelo",
        "Supuesto",
        "Imaginario",
        "Ensayo",
        "Borrador",
        "Maqueta",
        "Demostración",
        "Boceto",
        "Ejercicio",
        "Plantilla",
    ],
    relations: &["pareja", "hermana", "hermano", "amigo(a)", "madre", "padre"],
    client_language: Some("es"),
    consent: "Consiente el tratamiento y los recordatorios por mensaje de texto. Expediente sintético de demostración.",
    admin_name: "Avery Administración (demo)",
    supervisor_name: "Sasha Supervisión (demo)",
    clinician_suffix: " (terapeuta demo)",
    break_glass: "Cubre el teléfono de guardia: la consultante llamó angustiada mientras su terapeuta está de licencia (demo).",
    notes: &[
        (
            3,
            &[("La pareja se fue de viaje de trabajo sin despedirse", Worse)],
            "Revisión de síntomas y diagnóstico; la depresión nombrada como enfermedad; se habló del rol de enfermo. Inventario iniciado.",
            &[T::ExplorationNondirective, T::DirectElicitation, T::Directive],
            "Notar cuándo baja el ánimo y qué pasó y con quién",
            "",
            "Completar el inventario interpersonal; línea de vida del último año",
        ),
        (
            4,
            &[("La hermana llamó y la escuchó", Better), ("Discusión con la pareja por las tareas de la casa", Worse)],
            "Inventario completo; el inicio se relaciona con el conflicto creciente con la pareja tras la mudanza. Medicación: derivada al médico de cabecera.",
            &[T::DirectElicitation, T::Clarification, T::EncouragementOfAffect],
            "Anotar una discusión reciente tal como ocurrió",
            "Diario de ánimo llevado 5 días; las bajas siguen a discusiones en casa",
            "Presentar la formulación (disputa de roles, etapa de renegociación) y acordar el foco",
        ),
        (
            4,
            &[("Fin de semana tranquilo; la pareja casi no estuvo", NoChange)],
            "Formulación acordada: disputa de roles con la pareja por las expectativas desde la mudanza. Contrato terapéutico de 16 sesiones.",
            &[T::Clarification, T::Adjunctive],
            "Notar qué quiere de su pareja cuando se siente decepcionada",
            "Discusión anotada: empezó por los platos y terminó con ambos en silencio",
            "Análisis de la comunicación de la discusión anotada",
        ),
        (
            5,
            &[("Pidió ayuda a su pareja con las compras; aceptó", Better)],
            "Análisis de la comunicación: insinúa en lugar de pedir; espera que la pareja adivine. Se generaron alternativas.",
            &[T::CommunicationAnalysis, T::RolePlay, T::BetweenSessionWork],
            "Pedir directamente una cosa esta semana, con calma, en un momento tranquilo",
            "Notó que desea reconocimiento más que ayuda",
            "Revisar el pedido directo; ensayar la conversación más difícil sobre las tareas",
        ),
        (
            6,
            &[("El pedido directo salió bien", Better), ("La madre criticó el departamento en una visita", Worse)],
            "Se revisó el pedido: la pareja respondió bien. Análisis de decisiones sobre proponer un acuerdo de tareas.",
            &[T::DecisionAnalysis, T::RolePlay, T::EncouragementOfAffect],
            "Proponer un acuerdo de tareas el domingo por la tarde",
            "Pidió ayuda con las compras; fue mejor de lo esperado",
            "Revisar la conversación del domingo; mencionar que quedan 11 sesiones",
        ),
    ],
    addendum: "El médico de cabecera confirmó la derivación: inició sertralina 50 mg. Agregado después de firmar. (Texto sintético de demostración.)",
    process_note: "Me sentí protectora y algo impaciente cuando volvió a disculpar a su pareja. \
Cuidar de no coludir con su evitación; llevarlo a supervisión si se repite. (Texto sintético de demostración.)",
    pronouns: ["ella", "él", "elle"],
    hospital_number: "Número de expediente hospitalario",
    diagnosis: "Episodio depresivo moderado",
    groups: &super::groups::ES,
    courses: &super::courses::ES,
    portal: &super::portal::ES,
    formulation: &super::formulation::ES,
    supervision: &super::supervision::ES,
    timeline: &super::timeline::ES,
    inventory: &super::inventory::ES,
    worksheets: &super::worksheets::ES,
    context: &super::context::ES,
    printed: Printed {
        seeded: "Se creó el \"Consultorio de demostración\" sintético: 1 administrador(a), 1 supervisor(a), {clinicians} terapeutas, {clients} consultantes.",
        sign_in_with: "Todos los nombres son generados; no son personas reales. Inicie sesión con cualquiera de estas cuentas:",
        administrator: "administrador(a) (usuarios, registro de auditoría, revisión de accesos)",
        supervisor_of: "supervisor(a) de {n} terapeutas",
        clinician: "terapeuta",
        password: "Contraseña de todas las cuentas de demostración: ",
        next: "Ahora inicie el servidor:",
        then_open: "y luego abra {base}/login (personal) o {base}/portal/login (portal de consultantes).",
    },
};

pub static FR: Texts = Texts {
    code: "fr",
    org_name: "Cabinet de démonstration (données synthétiques)",
    country: "France",
    crisis_resources: "Urgences : 15 (SAMU) ou 112\n3114 : numéro national de prévention du suicide (gratuit, 24 h/24)\n\
         En cas de danger immédiat, rendez-vous aux urgences les plus proches",
    time_zone: "Europe/Paris",
    first: &[
        "Amélie", "Bastien", "Chloé", "Damien", "Élise", "Fabien", "Gaëlle", "Hugo", "Inès", "Julien", "Karim", "Léa",
        "Mathis", "Nadia", "Olivier", "Pauline", "Quentin", "Rémi", "Sarah", "Théo", "Ulysse", "Victoire", "Yasmine",
        "Zoé", "Antoine", "Camille", "Étienne", "Margaux", "Noémie", "Samir",
    ],
    last: &[
        "Exemple",
        "Échantillon",
        "Fictif",
        "Essai",
        "Modèle",
        "Imaginaire",
        "Supposé",
        "Maquette",
        "Brouillon",
        "Inventé",
        "Simulé",
        "Témoin",
        "Ébauche",
        "Factice",
        "Gabarit",
        "Spécimen",
    ],
    relations: &["conjoint·e", "sœur", "frère", "ami·e", "mère", "père"],
    client_language: Some("fr"),
    consent: "Consent au traitement et aux rappels par SMS. Dossier synthétique de démonstration.",
    admin_name: "Avery Administration (démo)",
    supervisor_name: "Sasha Supervision (démo)",
    clinician_suffix: " (thérapeute démo)",
    break_glass: "Permanence téléphonique : la patiente a appelé en détresse pendant le congé de sa thérapeute (démo).",
    notes: &[
        (
            3,
            &[("Son conjoint est parti en déplacement sans lui dire au revoir", Worse)],
            "Revue des symptômes et diagnostic ; la dépression nommée comme une maladie ; rôle de malade abordé. Inventaire commencé.",
            &[T::ExplorationNondirective, T::DirectElicitation, T::Directive],
            "Remarquer quand l’humeur baisse et ce qui s’est passé, avec qui",
            "",
            "Compléter l’inventaire interpersonnel ; ligne de vie de la dernière année",
        ),
        (
            4,
            &[("Sa sœur a appelé et l’a écoutée", Better), ("Dispute avec son conjoint au sujet des tâches ménagères", Worse)],
            "Inventaire terminé ; le début est lié au conflit croissant avec son conjoint depuis le déménagement. Médicament : orientée vers son médecin traitant.",
            &[T::DirectElicitation, T::Clarification, T::EncouragementOfAffect],
            "Écrire une dispute récente telle qu’elle s’est passée",
            "Journal d’humeur tenu 5 jours ; les baisses suivent les disputes à la maison",
            "Présenter la formulation (conflit de rôle, étape de renégociation) et convenir du focus",
        ),
        (
            4,
            &[("Week-end calme ; son conjoint presque toujours sorti", NoChange)],
            "Formulation convenue : conflit de rôle avec son conjoint sur les attentes depuis le déménagement. Contrat thérapeutique de 16 séances.",
            &[T::Clarification, T::Adjunctive],
            "Remarquer ce qu’elle attend de son conjoint quand elle se sent déçue",
            "Dispute écrite : commencée à propos de la vaisselle, terminée dans le silence",
            "Analyse de la communication de la dispute écrite",
        ),
        (
            5,
            &[("A demandé de l’aide pour les courses ; il a accepté", Better)],
            "Analyse de la communication : des allusions au lieu de demandes ; elle attend qu’il devine. Alternatives trouvées.",
            &[T::CommunicationAnalysis, T::RolePlay, T::BetweenSessionWork],
            "Demander directement une chose cette semaine, calmement, à un moment tranquille",
            "A remarqué qu’elle veut de la reconnaissance plus que de l’aide",
            "Revoir la demande directe ; répéter la discussion plus difficile sur les tâches",
        ),
        (
            6,
            &[("La demande directe s’est bien passée", Better), ("Sa mère a critiqué l’appartement lors d’une visite", Worse)],
            "Demande revue : son conjoint a bien réagi. Analyse de décision sur la proposition d’un accord sur les tâches.",
            &[T::DecisionAnalysis, T::RolePlay, T::EncouragementOfAffect],
            "Proposer un accord sur les tâches dimanche soir",
            "A demandé de l’aide pour les courses ; mieux que prévu",
            "Revoir la discussion de dimanche ; rappeler qu’il reste 11 séances",
        ),
    ],
    addendum: "Le médecin traitant a confirmé l’orientation : sertraline débutée à 50 mg. Ajouté après signature. (Texte synthétique de démonstration.)",
    process_note: "Je me suis sentie protectrice et un peu impatiente quand elle a encore excusé son conjoint. \
Attention à ne pas entrer en collusion avec son évitement ; en parler en supervision si cela se répète. (Texte synthétique de démonstration.)",
    pronouns: ["elle", "il", "iel"],
    hospital_number: "Numéro de dossier hospitalier",
    diagnosis: "Épisode dépressif moyen",
    groups: &super::groups::FR,
    courses: &super::courses::FR,
    portal: &super::portal::FR,
    formulation: &super::formulation::FR,
    supervision: &super::supervision::FR,
    timeline: &super::timeline::FR,
    inventory: &super::inventory::FR,
    worksheets: &super::worksheets::FR,
    context: &super::context::FR,
    printed: Printed {
        seeded: "« Cabinet de démonstration » synthétique créé : 1 administrateur·rice, 1 superviseur·e, {clinicians} thérapeutes, {clients} patient·es.",
        sign_in_with: "Tous les noms sont générés ; aucune personne réelle. Connectez-vous avec l’un de ces comptes :",
        administrator: "administrateur·rice (utilisateurs, journal d’audit, revues d’accès)",
        supervisor_of: "superviseur·e de {n} thérapeutes",
        clinician: "thérapeute",
        password: "Mot de passe de tous les comptes de démonstration : ",
        next: "Ensuite, démarrez le serveur :",
        then_open: "puis ouvrez {base}/login (équipe) ou {base}/portal/login (portail patient·e).",
    },
};
