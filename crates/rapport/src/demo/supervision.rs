//! Demo supervision (issue 14): fidelity ratings on the showcase course (a
//! self rating and the supervisor's of the same session, which differ on
//! some items), two supervision meetings with action points (one overdue),
//! clinician1 half-way to certification (training done, some hours, one of
//! two cases) and, for clinician2, a certification due for renewal and a
//! course past its initial phase with no agreed formulation. (Group meeting
//! ratings are seeded with the groups, in `groups.rs`.)

use super::courses::{attended, hold_weekly, start_course};
use super::event::event;
use super::lang::supervision::Words;
use rapport_core::audit::action;
use rapport_core::course::Modality;
use rapport_core::fidelity::{ChecklistSet, Rater};
use rapport_core::{Id, Timestamp};
use rapport_store::courses::CourseRecord;
use rapport_store::fidelity::{NewMeeting, NewRating, NewTraining, Rated};
use rapport_store::Store;
use std::collections::BTreeMap;
use time::Duration;

/// What the demo printout names.
pub struct Seeded {
    /// The course with the overdue initial phase, when the demo has a client for it.
    pub overdue_course: Option<Id>,
}

fn err(e: rapport_store::StoreError) -> String {
    e.to_string()
}

async fn rate(
    store: &Store,
    course: &CourseRecord,
    session: &Id,
    (rater, rater_id): (Rater, &Id),
    clinician: &Id,
    points: &[(&str, i64)],
) -> Result<(), String> {
    let checklists = ChecklistSet::shipped();
    let checklist = checklists.get("ipt-adherence").ok_or("no shipped adherence checklist")?;
    let ratings: BTreeMap<String, i64> = points.iter().map(|(k, v)| (k.to_string(), *v)).collect();
    let scored = checklist.score(&ratings).map_err(|(f, m)| format!("{f}: {m}"))?;
    let rating = NewRating {
        rated: Rated::Session { session: session.clone(), course: course.id.clone() },
        clinician_id: clinician.clone(),
        rater_id: rater_id.clone(),
        rater,
        checklist_id: checklist.id.clone(),
        checklist_version: checklist.version.clone(),
        ratings,
        mean: scored.mean,
        pass: scored.pass,
        comment: None,
    };
    store.record_fidelity_rating(&rating, event(action::FIDELITY_RATE, "fidelity_rating")).await.map_err(err)?;
    Ok(())
}

/// `supervised` are the supervisor's clinicians (clinician1 first);
/// `spare` clients have no course yet, with their responsible clinician.
pub async fn seed(
    store: &Store,
    supervisor: &Id,
    supervised: &[Id],
    showcase: Option<&CourseRecord>,
    spare: &[(Id, Id)],
    words: &Words,
) -> Result<Seeded, String> {
    let today = Timestamp::now().date();
    let Some(clinician1) = supervised.first() else { return Ok(Seeded { overdue_course: None }) };
    // Ratings of the showcase course's last two sessions: clinician1 rates both;
    // the supervisor reviewed the last one and scores some items lower (passing still).
    if let Some(course) = showcase {
        let sessions = attended(store, course).await?;
        if let [.., before, last] = sessions.as_slice() {
            let me = (Rater::SelfRated, clinician1);
            let earlier = [("mood_events", 3), ("area_work", 2), ("dispute_stage", 2), ("analysis", 1)];
            rate(store, course, &before.id, me, clinician1, &earlier).await?;
            let own = [
                ("mood_events", 3),
                ("area_work", 3),
                ("dispute_stage", 2),
                ("analysis", 2),
                ("role_play", 2),
                ("work_at_home", 3),
                ("therapeutic_stance", 3),
            ];
            rate(store, course, &last.id, me, clinician1, &own).await?;
            let reviewed = [
                ("mood_events", 2),
                ("area_work", 3),
                ("dispute_stage", 2),
                ("analysis", 2),
                ("role_play", 1),
                ("work_at_home", 2),
                ("therapeutic_stance", 3),
            ];
            rate(store, course, &last.id, (Rater::Supervisor, supervisor), clinician1, &reviewed).await?;
        }
    }
    // Supervision: an individual meeting three weeks ago (its action point now
    // overdue) and a group meeting last week; 2.5 hours for clinician1.
    let showcase_case: Vec<(Option<Id>, Option<Id>, Option<String>)> =
        showcase.map(|c| vec![(Some(c.id.clone()), None, None)]).unwrap_or_default();
    let individual = NewMeeting {
        supervisor_id: supervisor.clone(),
        group: false,
        held_on: today - Duration::weeks(3),
        minutes: 60,
        decisions: Some(words.individual_decisions.into()),
        supervisees: vec![clinician1.clone()],
        cases: showcase_case,
        actions: vec![
            (words.actions[0].into(), Some(clinician1.clone()), Some(today - Duration::days(7))),
            (words.actions[1].into(), Some(supervisor.clone()), Some(today + Duration::days(7))),
        ],
    };
    store
        .create_supervision_meeting(&individual, event(action::SUPERVISION_MEETING_RECORD, "supervision_meeting"))
        .await
        .map_err(err)?;
    let group = NewMeeting {
        supervisor_id: supervisor.clone(),
        group: true,
        held_on: today - Duration::weeks(1),
        minutes: 90,
        decisions: Some(words.group_decisions.into()),
        supervisees: supervised.to_vec(),
        cases: Vec::new(),
        actions: vec![(words.actions[2].into(), supervised.get(1).cloned(), Some(today + Duration::days(14)))],
    };
    store
        .create_supervision_meeting(&group, event(action::SUPERVISION_MEETING_RECORD, "supervision_meeting"))
        .await
        .map_err(err)?;
    // clinician1's 16-hour foundation course: the pathway's training is met.
    let training = NewTraining {
        user_id: clinician1.clone(),
        course_name: words.training.into(),
        hours_tenths: 160,
        trainer: Some(words.trainer.into()),
        held_on: today - Duration::days(200),
        recorded_by: supervisor.clone(),
    };
    store.add_training(&training, event(action::TRAINING_RECORD, "training")).await.map_err(err)?;
    // clinician2 certified nearly three years ago: renewal due in 45 days (the
    // reminder goes out when the server's housekeeping first runs).
    if let Some(clinician2) = supervised.get(1) {
        let expires = today + Duration::days(45);
        let on = expires.replace_year(expires.year() - 3).map_err(|e| e.to_string())?;
        let e = event(action::CERTIFICATION_RECORD, "user");
        store
            .set_certification(clinician2, "ipt-certified-therapist", on, Some(expires), supervisor, e)
            .await
            .map_err(err)?;
    }
    // clinician2 (or clinician1 in a one-clinician demo): four sessions held, no formulation agreed.
    let who = supervised.get(1).unwrap_or(clinician1);
    let overdue_course = match spare.iter().find(|(_, clin)| clin == who) {
        Some((client, clin)) => {
            let start = today - Duration::weeks(4);
            let course = start_course(store, client, clin, "ipt-individual", 16, start, today).await?;
            hold_weekly(store, &course, clin, start, "09:00", 4, |_| Modality::InPerson).await?;
            Some(course.id)
        }
        None => None,
    };
    Ok(Seeded { overdue_course })
}
