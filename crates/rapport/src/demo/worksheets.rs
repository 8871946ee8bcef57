//! Demo course work for one client: a course with weekly sessions (reused if
//! the client already has one), two communication analyses and a decision
//! analysis linked to those sessions.

use super::event::event;
use super::lang::worksheets::Words;
use rapport_core::audit::action;
use rapport_core::course::Modality;
use rapport_core::worksheets::{CommunicationAnalysis, DecisionAnalysis, DecisionOption, Feelings, StepFeelings};
use rapport_core::{Id, Timestamp};
use rapport_store::courses::{CourseRecord, TherapySession};
use rapport_store::records::Placement;
use rapport_store::Store;
use time::Duration;

type R<T> = Result<T, String>;

fn err(e: rapport_store::StoreError) -> String {
    e.to_string()
}

/// The client's course, or a new individual IPT course that started seven
/// weeks ago with six sessions held; with its sessions in date order.
pub async fn demo_course(store: &Store, client: &Id, clinician: &Id) -> R<(CourseRecord, Vec<TherapySession>)> {
    if let Some(c) = store.client_courses(client).await.map_err(err)?.into_iter().next() {
        let sessions = store.course_sessions(&c.course.id).await.map_err(err)?;
        return Ok((c.course, sessions));
    }
    let today = Timestamp::now().date();
    let start = today - Duration::weeks(7);
    let course = super::courses::start_course(store, client, clinician, "ipt-individual", 16, start, today).await?;
    let video = |week| if week == 3 { Modality::Video } else { Modality::InPerson };
    super::courses::hold_weekly(store, &course, clinician, start, "15:00", 6, video).await?;
    let sessions = store.course_sessions(&course.id).await.map_err(err)?;
    Ok((course, sessions))
}

fn text(s: &str) -> Option<String> {
    Some(s.to_string())
}

pub async fn seed(
    store: &Store,
    client: &Id,
    clinician: &Id,
    course: &CourseRecord,
    sessions: &[TherapySession],
    w: &Words,
) -> R<()> {
    let today = Timestamp::now().date();
    let at = Placement { client_id: client.clone(), course_id: Some(course.id.clone()), ..Default::default() };
    let session = |i: usize| sessions.get(i).map(|s| s.id.to_string());
    let date = |days: i64| text(&rapport_core::time::format_date(today - Duration::days(days)));
    let m = &w.money;
    let money = CommunicationAnalysis {
        session_id: session(3),
        problem_area: text("role_dispute"),
        incident_date: date(26),
        with_whom: m.with_whom.into(),
        setting: text(m.setting),
        intended: text(m.intended),
        said: text(m.said),
        reply: text(m.reply),
        feelings: StepFeelings {
            before: Feelings { client: text(m.feelings[0].0), other: text(m.feelings[0].1) },
            saying: Feelings { client: text(m.feelings[1].0), other: text(m.feelings[1].1) },
            after_reply: Feelings { client: text(m.feelings[2].0), other: text(m.feelings[2].1) },
        },
        outcome: text(m.outcome),
        problems: vec!["indirect_speech".into(), "assumed_communicated".into(), "silence".into()],
        alternatives: m.alternatives.iter().map(|a| a.to_string()).collect(),
        role_play_done: true,
        role_play_notes: text(w.role_play_notes),
        result: text(w.result),
        ..Default::default()
    };
    let m = &w.sister;
    let sister = CommunicationAnalysis {
        session_id: session(4),
        problem_area: text("role_dispute"),
        incident_date: date(19),
        with_whom: m.with_whom.into(),
        setting: text(m.setting),
        intended: text(m.intended),
        said: text(m.said),
        reply: text(m.reply),
        feelings: StepFeelings {
            saying: Feelings { client: text(m.feelings[1].0), other: text(m.feelings[1].1) },
            after_reply: Feelings { client: text(m.feelings[2].0), other: text(m.feelings[2].1) },
            ..Default::default()
        },
        outcome: text(m.outcome),
        problems: vec!["assumed_understood".into(), "silence".into()],
        alternatives: m.alternatives.iter().map(|a| a.to_string()).collect(),
        ..Default::default()
    };
    let job = DecisionAnalysis {
        session_id: session(5),
        problem_area: text("role_dispute"),
        decision: w.decision.into(),
        options: w
            .options
            .iter()
            .map(|(option, pros, cons)| DecisionOption {
                option: option.to_string(),
                pros: text(pros),
                cons: text(cons),
            })
            .collect(),
        chosen: text(w.options[2].0),
        steps: w.steps.iter().map(|s| s.to_string()).collect(),
        obstacles: text(w.obstacles),
        rehearsal_done: true,
        rehearsal_notes: text(w.rehearsal_notes),
        review_date: text(&rapport_core::time::format_date(today + Duration::days(7))),
        review_result: None,
    };
    store
        .create_record(&at, &money, clinician, event(action::RECORD_CREATE, "communication_analysis"))
        .await
        .map_err(err)?;
    store
        .create_record(&at, &sister, clinician, event(action::RECORD_CREATE, "communication_analysis"))
        .await
        .map_err(err)?;
    store.create_record(&at, &job, clinician, event(action::RECORD_CREATE, "decision_analysis")).await.map_err(err)?;
    Ok(())
}
