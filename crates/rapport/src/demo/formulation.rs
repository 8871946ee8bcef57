//! Demo formulation and goals for the showcase course: individual IPT focused
//! on a role dispute, eight weekly sessions held, the formulation agreed at session
//! 3, the dispute at impasse (session 2) moving to renegotiation (session 6),
//! and two goals rated at sessions 4-8 (one rising, one flat).

use super::event::event;
use rapport_core::audit::action;
use rapport_core::formulation::{
    apply_stage, AreaWork, AreaWorkspace, DisputeStage, DisputeWork, Formulation, StageChangeInput,
};
use rapport_core::goals::{validate_new_goal, GoalInput};
use rapport_core::protocol::ChecklistItem;
use rapport_core::time::format_date;
use rapport_core::Id;
use rapport_store::courses::CourseRecord;
use rapport_store::records::Placement;
use rapport_store::Store;

const HELD: usize = 8;

/// Seeds the formulation, the dispute workspace and rated goals of `course`
/// (at least eight held sessions); returns the course id.
pub async fn seed(store: &Store, clinician: &Id, course: &CourseRecord, words: &Words) -> Result<Id, String> {
    let err = |e: rapport_store::StoreError| e.to_string();
    let client = &course.client_id;
    let today = rapport_core::Timestamp::now().date();
    let sessions = super::courses::attended(store, course).await?;
    if sessions.len() < HELD {
        return Err(format!("the demo formulation needs {HELD} held sessions"));
    }
    let on = |n: usize| sessions[n - 1].date;
    for item in [ChecklistItem::Formulation, ChecklistItem::Contract] {
        store
            .record_checklist_item(
                &course.id,
                item,
                on(3),
                None,
                None,
                None,
                clinician,
                event(action::CHECKLIST_RECORD, "course"),
            )
            .await
            .map_err(err)?;
    }

    let at = Placement { client_id: client.clone(), course_id: Some(course.id.clone()), ..Default::default() };
    let formulation = Formulation {
        problem_areas: vec!["role_dispute".into()],
        symptom_link: Some(words.symptom_link.into()),
        shared_text: Some(words.shared_text.into()),
        rationale: Some(words.rationale.into()),
        agreed_on: Some(format_date(on(3))),
    };
    store
        .create_record(&at, &formulation, clinician, event(action::RECORD_CREATE, "formulation"))
        .await
        .map_err(err)?;

    let first = DisputeWork {
        other_person: Some(words.other_person.into()),
        stage: Some(DisputeStage::Impasse),
        issues: Some(words.issues.into()),
        client_expectations: Some(words.client_expectations.into()),
        other_expectations: Some(words.other_expectations.into()),
        non_reciprocal: Some(words.non_reciprocal.into()),
        options: words.options.iter().map(|o| o.to_string()).collect(),
        similar_patterns: Some(words.similar_patterns.into()),
        ..Default::default()
    };
    let impasse = StageChangeInput { date: Some(format_date(on(2))), note: Some(words.impasse_note.into()) };
    let first = apply_stage(None, first, &impasse, today).map_err(|e| e.to_string())?;
    let ws = AreaWorkspace { area: "role_dispute".into(), work: AreaWork::RoleDispute(first.clone()) };
    let ws =
        store.create_record(&at, &ws, clinician, event(action::RECORD_CREATE, "area_workspace")).await.map_err(err)?;
    let moved = DisputeWork { stage: Some(DisputeStage::Renegotiation), ..first.clone() };
    let change = StageChangeInput { date: Some(format_date(on(6))), note: Some(words.renegotiation_note.into()) };
    let moved = apply_stage(Some(&first), moved, &change, today).map_err(|e| e.to_string())?;
    let ws_body = AreaWorkspace { area: "role_dispute".into(), work: AreaWork::RoleDispute(moved) };
    store
        .update_record(&ws.id, ws.version, &ws_body, clinician, event(action::RECORD_UPDATE, "area_workspace"))
        .await
        .map_err(err)?;

    let areas = formulation.problem_areas.clone();
    for ((statement, wording), ratings) in words.goals.into_iter().zip([[2u8, 3, 5, 6, 7], [4, 4, 5, 4, 5]]) {
        let input = GoalInput {
            problem_area: Some("role_dispute".into()),
            statement: Some(statement.into()),
            clinician_wording: Some(wording.into()),
            due_session: Some(12),
            ..Default::default()
        };
        let goal = validate_new_goal(&input, &areas, course.planned_sessions).map_err(|e| e.to_string())?;
        let goal =
            store.create_record(&at, &goal, clinician, event(action::RECORD_CREATE, "goal")).await.map_err(err)?;
        for (i, r) in ratings.into_iter().enumerate() {
            let session = &sessions[3 + i].id;
            store
                .rate_goal(&goal, session, r, clinician, |_| event(action::RECORD_CREATE, "goal_rating"))
                .await
                .map_err(err)?;
        }
    }
    Ok(course.id.clone())
}

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
