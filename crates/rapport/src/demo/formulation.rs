//! Demo formulation and goals for the showcase course: individual IPT focused
//! on a role dispute, eight weekly sessions held, the formulation agreed at session
//! 3, the dispute at impasse (session 2) moving to renegotiation (session 6),
//! and two goals rated at sessions 4-8 (one rising, one flat).

use super::event::event;
use super::lang::formulation::Words;
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
    for item in [ChecklistItem::FormulationPresented, ChecklistItem::Formulation, ChecklistItem::Contract] {
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

        ..Formulation::default()
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
