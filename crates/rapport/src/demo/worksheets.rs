//! Demo course work for one client: a course with weekly sessions (reused if
//! the client already has one), two communication analyses and a decision
//! analysis linked to those sessions.

use super::event::event;
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
) -> R<()> {
    let today = Timestamp::now().date();
    let at = Placement { client_id: client.clone(), course_id: Some(course.id.clone()), ..Default::default() };
    let session = |i: usize| sessions.get(i).map(|s| s.id.to_string());
    let date = |days: i64| text(&rapport_core::time::format_date(today - Duration::days(days)));
    let money = CommunicationAnalysis {
        session_id: session(3),
        problem_area: text("role_dispute"),
        incident_date: date(26),
        with_whom: "Sam (partner)".into(),
        setting: text("Kitchen, Sunday evening, after opening the gas bill."),
        intended: text("I am frightened about money since losing my job and I need us to make a plan together."),
        said: text("\"Fine, I'll sort the bills out myself like I always do.\" (turned away, arms folded)"),
        reply: text("\"Suit yourself.\" Sam went to watch television."),
        feelings: StepFeelings {
            before: Feelings { client: text("Anxious, ashamed"), other: text("Tired after work") },
            saying: Feelings { client: text("Angry"), other: text("Criticised") },
            after_reply: Feelings { client: text("Hurt, alone"), other: text("Annoyed, shut out") },
        },
        outcome: text("The message did not get across: Sam heard a complaint, not a request. Neither spoke for the evening."),
        problems: vec!["indirect_speech".into(), "assumed_communicated".into(), "silence".into()],
        alternatives: vec![
            "\"I'm scared about the bills since the redundancy. Can we sit down on Saturday and go through them together?\"".into(),
            "Ask for one concrete thing: Sam checks the energy tariffs.".into(),
        ],
        role_play_done: true,
        role_play_notes: text("Rehearsed the first alternative twice; softer tone the second time."),
        result: text("Tried it on Saturday: Sam agreed to go through the bills and to check the tariffs."),
        ..Default::default()
    };
    let sister = CommunicationAnalysis {
        session_id: session(4),
        problem_area: text("role_dispute"),
        incident_date: date(19),
        with_whom: "Ana (sister)".into(),
        setting: text("Phone call about who takes their mother to her hospital appointments."),
        intended: text("I cannot do every appointment while I am job-hunting; I want us to share them."),
        said: text("Said nothing about it; agreed to the next three appointments."),
        reply: text("\"Great, thanks, you're a star.\""),
        feelings: StepFeelings {
            saying: Feelings { client: text("Resentful"), other: text("Relieved") },
            after_reply: Feelings { client: text("Taken for granted"), other: text("Grateful, unaware") },
            ..Default::default()
        },
        outcome: text("Nothing changed; the client assumed Ana should know how stretched they are."),
        problems: vec!["assumed_understood".into(), "silence".into()],
        alternatives: vec!["Tell Ana directly that alternating appointments would help, and suggest dates.".into()],
        ..Default::default()
    };
    let job = DecisionAnalysis {
        session_id: session(5),
        problem_area: text("role_dispute"),
        decision: "Whether to apply for warehouse supervisor posts now or take the six-month logistics course first"
            .into(),
        options: vec![
            DecisionOption {
                option: "Apply for supervisor posts now".into(),
                pros: text("Income sooner; eases the money worries at home"),
                cons: text("Few posts locally; fear of another rejection"),
            },
            DecisionOption {
                option: "Take the logistics course first".into(),
                pros: text("Better long-term prospects; structure to the week"),
                cons: text("Six more months on a reduced income; Sam worried about the cost"),
            },
            DecisionOption {
                option: "Apply now and do the course part-time".into(),
                pros: text("Keeps both doors open"),
                cons: text("Tiring while mood is still low"),
            },
        ],
        chosen: text("Apply now and do the course part-time"),
        steps: vec![
            "Update the CV with the job centre adviser".into(),
            "Apply for two posts this week".into(),
            "Ask the college about the part-time start dates".into(),
            "Talk it through with Sam on Saturday".into(),
        ],
        obstacles: text("Loss of confidence after the redundancy; money for the course fees."),
        rehearsal_done: true,
        rehearsal_notes: text("Practised explaining the plan to Sam."),
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
