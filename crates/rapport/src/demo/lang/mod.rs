//! The demo's own content per language (`rapport demo --language es`): the
//! organisation, generated names, consent and session-note texts and the
//! printed summary; each seeding module's records in the file of its name
//! here (`groups`, `courses`...). Data, not interface messages: a demo in
//! Spanish is a synthetic Spanish-speaking practice, not a translated one.

pub mod context;
pub mod courses;
pub mod formulation;
pub mod grief;
pub mod groups;
pub mod history;
pub mod inventory;
pub mod portal;
pub mod supervision;
pub mod timeline;
pub mod worksheets;

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
    /// The programme manager: outcomes across the organisation, no client.
    pub programme_manager_name: &'static str,
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
    pub groups: &'static groups::Words,
    pub courses: &'static courses::Words,
    pub history: &'static history::Words,
    pub portal: &'static portal::Words,
    pub formulation: &'static formulation::Words,
    /// The grief course (issue 19: problem-area facts).
    pub grief: &'static grief::Words,
    pub supervision: &'static supervision::Words,
    pub timeline: &'static timeline::Words,
    pub inventory: &'static inventory::Words,
    pub worksheets: &'static worksheets::Words,
    pub context: &'static context::Words,
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
    pub programme_manager: &'static str,
    pub clinician: &'static str,
    pub password: &'static str,
    pub next: &'static str,
    /// "then open {base}/login (staff) or {base}/portal/login (client portal)."
    pub then_open: &'static str,
    /// "  ... up to {email}" (more clinicians than listed).
    pub up_to: &'static str,
    pub master_trainer: &'static str,
    pub group_supervisor: &'static str,
    /// "group facilitator at {site}"
    pub facilitator_at: &'static str,
    pub courses: &'static str,
    /// The showcase course's two lines ({base}, {id}).
    pub showcase: &'static str,
    pub showcase_ending: &'static str,
    /// "{n} clients have weekly PHQ-9 ..."
    pub measured: &'static str,
    /// {base}, {id}
    pub relapse: &'static str,
    pub overdue_flag: &'static str,
    /// "{name} (clinician1's client) has ..."
    pub inventory: &'static str,
    /// {n} notes on the course at (/courses/{id}).
    pub notes: &'static str,
    /// {name}, {base}, {token}
    pub link: &'static str,
    /// {name}, {base}, {email}: the sign-in address is followed by one word and the e-mail (tests read it).
    pub portal: &'static str,
    /// {base}, {secret}
    pub calendar: &'static str,
    /// {pin}, {name}, {base}, {id}
    pub kiosk: &'static str,
    /// {base}, {client}
    pub today: &'static str,
    /// {base}
    pub supervision: &'static str,
    /// {base}, {id}
    pub overdue_course: &'static str,
    /// {a}, {b} (the sites), {base}
    pub programme: &'static str,
    /// {name}, {base}, {id}
    pub midway: &'static str,
    /// {base}, {id}
    pub finished: &'static str,
    /// {base}
    pub adaptation: &'static str,
    /// {done}, {members}, {date}, {base}, {id}
    pub pre_group: &'static str,
    /// {steps}
    pub funnel: &'static str,
    /// Each funnel step (by its stored name) as the funnel line names it.
    pub funnel_steps: &'static [(&'static str, &'static str)],
    /// A long date: {weekday} {day} {month} {year}.
    pub long_date: &'static str,
    pub weekdays: [&'static str; 7],
    pub months: [&'static str; 12],
}

impl Printed {
    /// `d` written out, as in "Wednesday 9 December 2026".
    pub fn long_date(&self, d: time::Date) -> String {
        self.long_date
            .replace("{weekday}", self.weekdays[d.weekday().number_days_from_monday() as usize])
            .replace("{day}", &d.day().to_string())
            .replace("{month}", self.months[usize::from(u8::from(d.month())) - 1])
            .replace("{year}", &d.year().to_string())
    }

    /// A funnel step's name in this language.
    pub fn funnel_step(&self, step: &str) -> &'static str {
        self.funnel_steps.iter().find(|(s, _)| *s == step).map_or("", |(_, name)| name)
    }
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
    programme_manager_name: "Priya Natarajan (demo)",
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
    groups: &groups::EN,
    courses: &courses::EN,
    history: &history::EN,
    portal: &portal::EN,
    formulation: &formulation::EN,
    grief: &grief::EN,
    supervision: &supervision::EN,
    timeline: &timeline::EN,
    inventory: &inventory::EN,
    worksheets: &worksheets::EN,
    context: &context::EN,
    printed: Printed {
        seeded: "Seeded the synthetic \"Demo Practice\": 1 administrator, 1 supervisor, 1 programme manager, {clinicians} clinicians, {clients} clients.",
        sign_in_with: "All names are generated; no real people. Sign in with any of these accounts:",
        administrator: "administrator (users, audit log, access reviews)",
        supervisor_of: "supervisor of {n} clinicians",
        programme_manager: "programme manager (programme outcomes only, no client records)",
        clinician: "clinician",
        password: "Password for every demo account: ",
        next: "Next, start the server:",
        then_open: "then open {base}/login (staff) or {base}/portal/login (client portal).",
        up_to: "  ... up to {email}",
        master_trainer: "master trainer of group IPT (supervises the group supervisor, sees the whole programme)",
        group_supervisor: "group supervisor of the 3 facilitators (made the groups)",
        facilitator_at: "group facilitator at {site}",
        courses: "IPT courses: one in every phase (planned, initial, middle, termination, completed with maintenance, ended early) across the protocols.",
        showcase: "The showcase course (role dispute, formulation agreed, goals rated): clinician1, {base}/courses/{id}",
        showcase_ending: "  its session pages list the scores since the last session (Record PHQ-9 there); its Ending tab has the Outcomes card: {base}/courses/{id}/ending",
        measured: "{n} clients have weekly PHQ-9 and GAD-7 scores; one has an open risk flag (PHQ-9 item 9) to handle.",
        relapse: "A client treated twice (first course recovered, relapse course not improving), outcomes per course: {base}/clients/{id}/measures",
        overdue_flag: "That flag was raised 30 hours ago and never acknowledged: on Risk flags (as clinician1 or the supervisor) \
                       it is overdue, and its page shows each escalation step (supervisor at 4 h, administrators at 8 h, \
                       reminders, assessment at 24 h).",
        inventory: "{name} (clinician1's client) has a course with an interpersonal inventory and two circle snapshots.",
        notes: "Session notes: {n} progress notes on the first client's course (/courses/{id}): signed, the latest a draft, one addendum, one private process note.",
        link: "An unused single-use PHQ-9 link for {name} (no account needed, 7 days): {base}/m/{token}",
        portal: "Client portal: {name} signs in at {base}/portal/login as {email} (diary, shared plan, safety plan).",
        calendar: "Calendar (week and month, book, move, cancel): {base}/calendar as clinician1. clinician1's private calendar \
                   feed for a calendar app: {base}/calendar/feed/{secret}.ics (reset it on My account).",
        kiosk: "Kiosk mode: clinician1's kiosk PIN is {pin}. Hand a tablet to {name} for their questionnaires: \
                {base}/clients/{id}/kiosk (the PIN hands it back).",
        today: "Today (clinician1's home page, {base}/today): sessions at 10:00 and 15:30, notes to sign, measures due, the \
                open flag and its overdue tasks; {client} has a session tomorrow at 10:00 and its e-mail reminder is on \
                their client page.",
        supervision: "Supervision ({base}/supervision as the supervisor): a self and a supervisor rating of the showcase course's \
                      last session that differ on some items, two supervision meetings in the log (one action point overdue), \
                      clinician1 half-way to certification (training done, 2.5 supervision hours, one of two cases), \
                      clinician2's certification due for renewal in 45 days (a reminder e-mail is queued once the server runs); \
                      facilitator1 self-rated group meetings 3 and 4 and the group supervisor rated meeting 3 (the agreement is \
                      on the meeting's page).",
        overdue_course: "  Initial phase overdue (four sessions held, no formulation agreed), clinician2: {base}/courses/{id}",
        programme: "Group IPT (sites {a} and {b}): the groups at {base}/groups, the screening funnel at {base}/programme.",
        midway: "  Half-way: Kasese North women's group, cycle 2 (WHO format, facilitator1 and facilitator2), 4 of 8 meetings \
                 with PHQ-9 at each; today's meeting raised a risk flag for {name}: {base}/groups/{id}",
        finished: "  Finished: Kasese North women's group, cycle 1 (12 meetings, facilitator2), 2 dropped out and 1 referred: \
                   {base}/groups/{id}",
        adaptation: "  Kasese North uses the WHO manual's plain words (\"Disagreements\", \"Life changes\"...): an adaptation \
                     chosen at {base}/admin/adaptations; its facilitators see them.",
        pre_group: "  Pre-group: Hillside Secondary Form 3 group (adolescents, facilitator3), {done} of {members} pre-group sessions done, \
                    first meeting {date}: {base}/groups/{id}",
        funnel: "  Funnel (as the master trainer sees it): {steps}.",
        funnel_steps: &[
            ("screened", "screened"),
            ("eligible", "eligible"),
            ("not_eligible", "not eligible"),
            ("referred", "referred to a clinician"),
            ("pre_group_done", "pre-group session done"),
            ("enrolled", "enrolled in a group"),
            ("attended", "attended enough meetings"),
            ("completed", "completed"),
            ("dropped_out", "dropped out"),
        ],
        long_date: "{weekday} {day} {month} {year}",
        weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
        months: [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
            "December",
        ],
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
    programme_manager_name: "Priya Natarajan (demo)",
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
    groups: &groups::ES,
    courses: &courses::ES,
    history: &history::ES,
    portal: &portal::ES,
    formulation: &formulation::ES,
    grief: &grief::ES,
    supervision: &supervision::ES,
    timeline: &timeline::ES,
    inventory: &inventory::ES,
    worksheets: &worksheets::ES,
    context: &context::ES,
    printed: Printed {
        seeded: "Se creó el \"Consultorio de demostración\" sintético: 1 administrador(a), 1 supervisor(a), 1 responsable de programa, {clinicians} terapeutas, {clients} consultantes.",
        sign_in_with: "Todos los nombres son generados; no son personas reales. Inicie sesión con cualquiera de estas cuentas:",
        administrator: "administrador(a) (usuarios, registro de auditoría, revisión de accesos)",
        supervisor_of: "supervisor(a) de {n} terapeutas",
        programme_manager: "responsable de programa (solo resultados del programa, ningún expediente)",
        clinician: "terapeuta",
        password: "Contraseña de todas las cuentas de demostración: ",
        next: "Ahora inicie el servidor:",
        then_open: "y luego abra {base}/login (personal) o {base}/portal/login (portal de consultantes).",
        up_to: "  ... hasta {email}",
        master_trainer: "formadora principal de TIP grupal (supervisa a la supervisora de grupos, ve todo el programa)",
        group_supervisor: "supervisora de grupos de los 3 facilitadores (creó los grupos)",
        facilitator_at: "facilitador(a) de grupo en {site}",
        courses: "Tratamientos de TIP: uno en cada fase (previsto, inicial, intermedia, final, completado con mantenimiento, terminado antes de tiempo) en los distintos protocolos.",
        showcase: "El tratamiento de muestra (disputa de roles, formulación acordada, metas calificadas): clinician1, {base}/courses/{id}",
        showcase_ending: "  sus páginas de sesión muestran las puntuaciones desde la sesión anterior (ahí se registra el PHQ-9); su pestaña de cierre tiene la tarjeta de resultados: {base}/courses/{id}/ending",
        measured: "{n} consultantes tienen puntuaciones semanales de PHQ-9 y GAD-7; una tiene una alerta de riesgo abierta (pregunta 9 del PHQ-9) por atender.",
        relapse: "Una consultante tratada dos veces (primer tratamiento con recuperación, el de la recaída sin mejoría), resultados por tratamiento: {base}/clients/{id}/measures",
        overdue_flag: "Esa alerta se levantó hace 30 horas y nadie la ha atendido: en Alertas de riesgo (como clinician1 o la supervisora) \
                       está vencida, y su página muestra cada paso del escalamiento (supervisión a las 4 h, administración a las 8 h, \
                       recordatorios, evaluación a las 24 h).",
        inventory: "{name} (consultante de clinician1) tiene un tratamiento con un inventario interpersonal y dos fotos del círculo.",
        notes: "Notas de sesión: {n} notas de evolución en el tratamiento de la primera consultante (/courses/{id}): firmadas, la última en borrador, un anexo y una nota de proceso privada.",
        link: "Un enlace PHQ-9 de un solo uso, sin usar, para {name} (no requiere cuenta, 7 días): {base}/m/{token}",
        portal: "Portal de consultantes: {name} inicia sesión en {base}/portal/login como {email} (diario, plan compartido, plan de seguridad).",
        calendar: "Agenda (semana y mes; agendar, mover, cancelar): {base}/calendar como clinician1. Calendario privado de clinician1 \
                   para una aplicación de calendario: {base}/calendar/feed/{secret}.ics (se restablece en Mi cuenta).",
        kiosk: "Modo quiosco: el PIN de quiosco de clinician1 es {pin}. Entregue una tableta a {name} para sus cuestionarios: \
                {base}/clients/{id}/kiosk (el PIN la devuelve).",
        today: "Hoy (página de inicio de clinician1, {base}/today): sesiones a las 10:00 y a las 15:30, notas por firmar, mediciones pendientes, \
                la alerta abierta y sus tareas vencidas; {client} tiene sesión mañana a las 10:00 y su recordatorio por correo está en \
                su página.",
        supervision: "Supervisión ({base}/supervision como la supervisora): una autoevaluación y una evaluación de la supervisora de la última \
                      sesión del tratamiento de muestra que difieren en algunos puntos, dos reuniones de supervisión en el registro (un \
                      pendiente vencido), clinician1 a mitad de camino de la certificación (formación hecha, 2,5 horas de supervisión, uno \
                      de dos casos), la certificación de clinician2 por renovar en 45 días (se envía un recordatorio por correo cuando el \
                      servidor esté en marcha); facilitator1 autoevaluó las reuniones de grupo 3 y 4 y la supervisora de grupos evaluó la \
                      reunión 3 (la concordancia está en la página de la reunión).",
        overdue_course: "  Fase inicial vencida (cuatro sesiones realizadas, sin formulación acordada), clinician2: {base}/courses/{id}",
        programme: "TIP grupal (sedes {a} y {b}): los grupos en {base}/groups, el embudo de cribado en {base}/programme.",
        midway: "  A mitad de camino: Grupo de mujeres de Kasese North, ciclo 2 (formato de la OMS, facilitator1 y facilitator2), 4 de 8 \
                 reuniones con PHQ-9 en cada una; la reunión de hoy levantó una alerta de riesgo para {name}: {base}/groups/{id}",
        finished: "  Terminado: Grupo de mujeres de Kasese North, ciclo 1 (12 reuniones, facilitator2), 2 abandonos y 1 derivación: \
                   {base}/groups/{id}",
        adaptation: "  Kasese North usa las palabras sencillas del manual de la OMS: una adaptación elegida en \
                     {base}/admin/adaptations; sus facilitadoras las ven.",
        pre_group: "  Pregrupo: Grupo de 3.º año de Hillside Secondary (adolescentes, facilitator3), {done} de {members} sesiones pregrupales \
                    realizadas, primera reunión el {date}: {base}/groups/{id}",
        funnel: "  Embudo (como lo ve la formadora principal): {steps}.",
        funnel_steps: &[
            ("screened", "con cribado"),
            ("eligible", "elegibles"),
            ("not_eligible", "no elegibles"),
            ("referred", "derivadas a un(a) terapeuta"),
            ("pre_group_done", "sesión pregrupal hecha"),
            ("enrolled", "inscritas en un grupo"),
            ("attended", "con asistencia suficiente"),
            ("completed", "completaron"),
            ("dropped_out", "abandonaron"),
        ],
        long_date: "{weekday} {day} de {month} de {year}",
        weekdays: ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
        months: [
            "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre",
            "diciembre",
        ],
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
    programme_manager_name: "Priya Natarajan (démo)",
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
    groups: &groups::FR,
    courses: &courses::FR,
    history: &history::FR,
    portal: &portal::FR,
    formulation: &formulation::FR,
    grief: &grief::FR,
    supervision: &supervision::FR,
    timeline: &timeline::FR,
    inventory: &inventory::FR,
    worksheets: &worksheets::FR,
    context: &context::FR,
    printed: Printed {
        seeded: "« Cabinet de démonstration » synthétique créé : 1 administrateur·rice, 1 superviseur·e, 1 responsable de programme, {clinicians} thérapeutes, {clients} patient·es.",
        sign_in_with: "Tous les noms sont générés ; aucune personne réelle. Connectez-vous avec l’un de ces comptes :",
        administrator: "administrateur·rice (utilisateurs, journal d’audit, revues d’accès)",
        supervisor_of: "superviseur·e de {n} thérapeutes",
        programme_manager: "responsable de programme (résultats du programme seulement, aucun dossier)",
        clinician: "thérapeute",
        password: "Mot de passe de tous les comptes de démonstration : ",
        next: "Ensuite, démarrez le serveur :",
        then_open: "puis ouvrez {base}/login (équipe) ou {base}/portal/login (portail patient·e).",
        up_to: "  ... jusqu’à {email}",
        master_trainer: "formatrice principale de TIP de groupe (supervise la superviseuse de groupes, voit tout le programme)",
        group_supervisor: "superviseuse des 3 animateur·rices de groupe (a créé les groupes)",
        facilitator_at: "animateur·rice de groupe à {site}",
        courses: "Suivis TIP : un dans chaque phase (prévu, initiale, intermédiaire, finale, terminé avec maintien, arrêté avant la fin) selon les protocoles.",
        showcase: "Le suivi de démonstration (conflit de rôle, formulation convenue, objectifs évalués) : clinician1, {base}/courses/{id}",
        showcase_ending: "  ses pages de séance listent les scores depuis la séance précédente (on y saisit le PHQ-9) ; son onglet Fin contient la carte Résultats : {base}/courses/{id}/ending",
        measured: "{n} patient·es ont des scores PHQ-9 et GAD-7 hebdomadaires ; l’une a une alerte de risque ouverte (question 9 du PHQ-9) à traiter.",
        relapse: "Une patiente suivie deux fois (premier suivi rétabli, suivi de rechute sans amélioration), résultats par suivi : {base}/clients/{id}/measures",
        overdue_flag: "Cette alerte a été levée il y a 30 heures et jamais prise en compte : dans Alertes de risque (en tant que clinician1 ou \
                       superviseur·e) elle est en retard, et sa page montre chaque étape de l’escalade (superviseur·e à 4 h, \
                       administrateur·rices à 8 h, rappels, évaluation à 24 h).",
        inventory: "{name} (patient·e de clinician1) a un suivi avec un inventaire interpersonnel et deux instantanés du cercle.",
        notes: "Notes de séance : {n} notes d’évolution sur le suivi de la première patiente (/courses/{id}) : signées, la dernière en brouillon, un addendum, une note de processus privée.",
        link: "Un lien PHQ-9 à usage unique, inutilisé, pour {name} (sans compte, 7 jours) : {base}/m/{token}",
        portal: "Portail patient·e : {name} se connecte sur {base}/portal/login avec {email} (journal, plan partagé, plan de sécurité).",
        calendar: "Agenda (semaine et mois ; réserver, déplacer, annuler) : {base}/calendar en tant que clinician1. Flux d’agenda privé \
                   de clinician1 pour une application d’agenda : {base}/calendar/feed/{secret}.ics (à réinitialiser dans Mon compte).",
        kiosk: "Mode borne : le code PIN de borne de clinician1 est {pin}. Confiez une tablette à {name} pour ses questionnaires : \
                {base}/clients/{id}/kiosk (le PIN la reprend).",
        today: "Aujourd’hui (page d’accueil de clinician1, {base}/today) : séances à 10:00 et 15:30, notes à signer, mesures à faire, \
                l’alerte ouverte et ses tâches en retard ; {client} a une séance demain à 10:00 et son rappel par e-mail figure sur \
                sa fiche.",
        supervision: "Supervision ({base}/supervision en tant que superviseur·e) : une auto-évaluation et une évaluation de la superviseuse \
                      de la dernière séance du suivi de démonstration, qui diffèrent sur certains points ; deux réunions de supervision \
                      au registre (une action en retard) ; clinician1 à mi-chemin de la certification (formation faite, 2,5 heures de \
                      supervision, un cas sur deux) ; la certification de clinician2 à renouveler dans 45 jours (un e-mail de rappel part \
                      dès que le serveur tourne) ; facilitator1 a auto-évalué les réunions de groupe 3 et 4 et la superviseuse de groupes \
                      a évalué la réunion 3 (l’accord figure sur la page de la réunion).",
        overdue_course: "  Phase initiale en retard (quatre séances tenues, pas de formulation convenue), clinician2 : {base}/courses/{id}",
        programme: "TIP de groupe (sites {a} et {b}) : les groupes sur {base}/groups, l’entonnoir de dépistage sur {base}/programme.",
        midway: "  À mi-parcours : Groupe de femmes de Kasese North, cycle 2 (format OMS, facilitator1 et facilitator2), 4 réunions sur 8 \
                 avec un PHQ-9 à chacune ; la réunion d’aujourd’hui a levé une alerte de risque pour {name} : {base}/groups/{id}",
        finished: "  Terminé : Groupe de femmes de Kasese North, cycle 1 (12 réunions, facilitator2), 2 abandons et 1 orientation : \
                   {base}/groups/{id}",
        adaptation: "  Kasese North utilise les mots simples du manuel de l’OMS : une adaptation choisie sur \
                     {base}/admin/adaptations ; ses animatrices les voient.",
        pre_group: "  Pré-groupe : Groupe de troisième de Hillside Secondary (adolescent·es, facilitator3), {done} séances pré-groupe \
                    sur {members} faites, première réunion le {date} : {base}/groups/{id}",
        funnel: "  Entonnoir (tel que le voit la formatrice principale) : {steps}.",
        funnel_steps: &[
            ("screened", "dépisté·es"),
            ("eligible", "éligibles"),
            ("not_eligible", "non éligibles"),
            ("referred", "orienté·es vers un·e thérapeute"),
            ("pre_group_done", "séance pré-groupe faite"),
            ("enrolled", "inscrit·es dans un groupe"),
            ("attended", "assez de réunions suivies"),
            ("completed", "terminé"),
            ("dropped_out", "abandon"),
        ],
        long_date: "{weekday} {day} {month} {year}",
        weekdays: ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
        months: [
            "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
            "décembre",
        ],
    },
};
