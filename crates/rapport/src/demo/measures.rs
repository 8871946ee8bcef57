//! Demo measures: PHQ-9 and GAD-7 trajectories and one open risk flag.

use super::event::event;
use rapport_core::audit::action;
use rapport_core::{Id, Timestamp};
use rapport_store::Store;

/// Answers to a 0-3 questionnaire of `n` items summing to `total`, spread
/// evenly; `keep_zero` (a 0-based item) stays 0 unless `risk` is given.
pub(super) fn answers_for(n: usize, total: i64, keep_zero: Option<usize>, risk: Option<i64>) -> Vec<Option<i64>> {
    let mut a = vec![0i64; n];
    if let (Some(k), Some(r)) = (keep_zero, risk) {
        a[k] = r;
    }
    let mut left = (total - a.iter().sum::<i64>()).max(0);
    let mut i = 0;
    while left > 0 && a.iter().enumerate().any(|(j, v)| *v < 3 && Some(j) != keep_zero) {
        if Some(i % n) != keep_zero && a[i % n] < 3 {
            a[i % n] += 1;
            left -= 1;
        }
        i += 1;
    }
    a.into_iter().map(Some).collect()
}

/// Measures for the demo: weekly PHQ-9 and GAD-7 trajectories for up to 12
/// active clients (improving, flat and worsening courses), and one open risk
/// flag (PHQ-9 item 9 = 1 on the first client's latest form), raised 30 hours
/// ago and never acknowledged: the escalation job is run hour by hour over
/// those 30 hours, so the flag is overdue on both deadlines and its history
/// shows each step at its time. Returns how many clients were given scores.
pub async fn seed_measures(store: &Store, clients: &[(Id, Id)]) -> Result<usize, String> {
    use rapport_core::measures::{score, Library};
    use rapport_store::measures::{Mode, NewResponse};
    let lib = Library::builtin();
    let (phq9, gad7) = (lib.get("phq9").expect("shipped"), lib.get("gad7").expect("shipped"));
    // (PHQ-9 start, PHQ-9 weekly change, GAD-7 start, GAD-7 weekly change, weeks)
    const COURSES: &[(i64, i64, i64, i64, i64)] = &[
        (18, -2, 14, -2, 8),
        (15, -1, 12, -1, 6),
        (12, 0, 9, 0, 6),
        (11, 1, 8, 1, 5),
        (21, -3, 16, -2, 7),
        (9, -1, 11, -2, 4),
    ];
    let now = Timestamp::now();
    let ids: Vec<Id> = clients.iter().map(|(c, _)| c.clone()).collect();
    let open: std::collections::HashMap<String, Id> = store
        .open_courses_of(&ids)
        .await
        .map_err(|e| e.to_string())?
        .into_iter()
        .map(|s| (s.course.client_id.to_string(), s.course.id))
        .collect();
    let mut count = 0;
    let overdue_raised = now.minus(time::Duration::hours(30));
    for (n, (client, clinician)) in clients.iter().take(12).enumerate() {
        let course = open.get(client.as_str()).cloned();
        // Two courses keep their own schedule (PHQ-9 only, every two sessions); the
        // rest ask for PHQ-9 and GAD-7 before every session (the default).
        if let (Some(course), true) = (&course, n % 6 == 1) {
            use rapport_core::measures::schedule::Schedule;
            use rapport_core::records::RecordBody;
            let body = Schedule { instruments: vec!["phq9".into()], every: 2 }.validate().map_err(|e| e.to_string())?;
            let at = rapport_store::records::Placement {
                client_id: client.clone(),
                course_id: Some(course.clone()),
                ..Default::default()
            };
            store
                .create_record(&at, &body, clinician, event(action::RECORD_CREATE, Schedule::KIND))
                .await
                .map_err(|e| e.to_string())?;
        }
        let (p0, dp, g0, dg, weeks) = COURSES[n % COURSES.len()];
        for w in 0..weeks {
            let mut at = now.minus(time::Duration::weeks(weeks - w)).plus(time::Duration::hours(n as i64));
            let risk = (n == 0 && w == weeks - 1).then_some(1);
            let mut stored_at = now;
            if risk.is_some() {
                (at, stored_at) = (overdue_raised, overdue_raised);
            }
            let wobble = [0, 1, -1, 0][(w as usize + n) % 4];
            let p = (p0 + dp * w + wobble).clamp(0, 26);
            let g = (g0 + dg * w - wobble).clamp(0, 21);
            for (inst, answers) in [(phq9, answers_for(9, p, Some(8), risk)), (gad7, answers_for(7, g, None, None))] {
                let scored = score(inst, &answers).map_err(|e| e.to_string())?;
                let new = NewResponse {
                    client_id: client.clone(),
                    course_id: course.as_ref().map(|c| c.to_string()),
                    score: scored,
                    unscored_answers: None,
                    completed_at: at,
                    entered_by: Some(clinician.clone()),
                    mode: Mode::InSession,
                    group_session_id: None,
                };
                store
                    .record_response_at(&new, event(action::MEASURE_RECORD, "measure_response"), stored_at)
                    .await
                    .map_err(|e| e.to_string())?;
            }
        }
        count += 1;
    }
    // The escalation job as it would have run: every hour since the flag was raised.
    for hour in 1..=30 {
        store
            .escalate_overdue_risk_flags(overdue_raised.plus(time::Duration::hours(hour)), None)
            .await
            .map_err(|e| e.to_string())?;
    }
    // Another client of the first clinician: a flag handled in full, whose
    // assessment's follow-up date is today (a task on Today).
    if let Some((client, clinician)) = clients.iter().skip(1).find(|(_, who)| *who == clients[0].1) {
        seed_assessed_flag(store, client, clinician, open.get(client.as_str())).await?;
    }
    Ok(count)
}

/// A PHQ-9 with item 9 = 1 five days ago, acknowledged within the hour and
/// assessed with the Columbia screener (moderate: thoughts of a method),
/// actions and a follow-up date of today; a safety plan reviewed after the
/// answer; signed off.
async fn seed_assessed_flag(store: &Store, client: &Id, clinician: &Id, course: Option<&Id>) -> Result<(), String> {
    use rapport_core::measures::{score, Library};
    use rapport_core::risk::{Assessment, CssrsAnswers, RiskLevel, SafetyPlan, Screening};
    use rapport_store::measures::{Mode, NewResponse};
    let err = |e: rapport_store::StoreError| e.to_string();
    let lib = Library::builtin();
    let phq9 = lib.get("phq9").expect("shipped");
    let at = Timestamp::now().minus(time::Duration::days(5));
    let new = NewResponse {
        client_id: client.clone(),
        course_id: course.map(|c| c.to_string()),
        score: score(phq9, &answers_for(9, 12, Some(8), Some(1))).map_err(|e| e.to_string())?,
        unscored_answers: None,
        completed_at: at,
        entered_by: Some(clinician.clone()),
        mode: Mode::InSession,
        group_session_id: None,
    };
    let stored =
        store.record_response_at(&new, event(action::MEASURE_RECORD, "measure_response"), at).await.map_err(err)?;
    let Some(flag) = stored.risk_flag_id else { return Ok(()) };
    let acked = at.plus(time::Duration::minutes(35));
    store
        .acknowledge_risk_flag_at(&flag, clinician, event(action::RISK_FLAG_ACKNOWLEDGE, "risk_flag"), acked)
        .await
        .map_err(err)?;
    let answers =
        CssrsAnswers { q1: true, q2: true, q3: Some(true), q4: Some(false), q5: Some(false), ..Default::default() };
    let assessment = Assessment {
        ideation: "Thoughts of not wanting to wake up, and once of taking tablets; no intent".into(),
        plan: "None".into(),
        intent: "None; says they would not act on them".into(),
        means: "Tablets at home: partner now keeps them".into(),
        history: "No previous attempts or self-harm".into(),
        protective_factors: "Children; partner; wants to get better".into(),
        risk_level: RiskLevel::Moderate,
        actions: Some(
            "Safety plan reviewed together; means counselling (partner keeps the tablets); crisis line given".into(),
        ),
        screening: Screening::CssrsScreener { answers, result: answers.triage() },
        follow_up_on: Some(Timestamp::now().date()),
    };
    let assessed = acked.plus(time::Duration::minutes(40));
    let assessment_id = store
        .record_risk_assessment_at(
            &flag,
            &assessment,
            clinician,
            event(action::RISK_ASSESSMENT_RECORD, "risk_assessment"),
            assessed,
        )
        .await
        .map_err(err)?;
    let plan = SafetyPlan {
        warning_signs: "Not sleeping; staying in bed; thinking about the tablets".into(),
        coping_strategies: "A walk with the dog; music".into(),
        distractions: "Sister's house".into(),
        people_to_ask: "Partner; sister".into(),
        professionals: "The clinic in opening hours; the crisis line at night".into(),
        environment_safety: "Partner keeps the tablets".into(),
        reasons_for_living: "The children".into(),
        shared_with_client: true,
    };
    let (plan_id, _) = store
        .save_safety_plan(client, &plan, clinician, event(action::SAFETY_PLAN_SAVE, "safety_plan"))
        .await
        .map_err(err)?;
    store
        .close_risk_flag(
            &flag,
            &assessment_id,
            &plan_id,
            clinician,
            Some("Assessed, plan reviewed; follow-up booked"),
            event(action::RISK_FLAG_CLOSE, "risk_flag"),
        )
        .await
        .map_err(err)?;
    Ok(())
}

/// A client treated twice: a first course that ended recovered (PHQ-9 19 to
/// 6) and a relapse course that is not improving (PHQ-9 12 to 16). Outcomes are
/// computed per course, so the relapse is judged against its own baseline.
pub async fn seed_relapse(store: &Store, client: &Id, clinician: &Id, texts: &super::Texts) -> Result<(), String> {
    use rapport_core::course::CourseStatus;
    use rapport_core::measures::{score, Library};

    use rapport_store::measures::{Mode, NewResponse};
    let err = |e: rapport_store::StoreError| e.to_string();
    let lib = Library::builtin();
    let (phq9, gad7) = (lib.get("phq9").expect("shipped"), lib.get("gad7").expect("shipped"));
    let now = Timestamp::now();
    let today = now.date();
    // (weeks ago the course started, PHQ-9 and GAD-7 totals week by week, ends completed)
    type Totals = &'static [(i64, i64)];
    let courses: [(i64, Totals, bool); 2] = [
        (44, &[(19, 15), (17, 14), (15, 12), (12, 10), (10, 8), (8, 7), (7, 6), (6, 5)], true),
        (5, &[(12, 10), (13, 11), (15, 12), (16, 12)], false),
    ];
    for (weeks_ago, scores, completed) in courses {
        let start = today - time::Duration::weeks(weeks_ago);
        let course = super::courses::start_course(store, client, clinician, "ipt-individual", 12, start, today).await?;
        for (w, (p, g)) in scores.iter().enumerate() {
            let at = now.minus(time::Duration::weeks(weeks_ago - w as i64)).plus(time::Duration::hours(2));
            for (inst, answers) in [(phq9, answers_for(9, *p, Some(8), None)), (gad7, answers_for(7, *g, None, None))] {
                let new = NewResponse {
                    client_id: client.clone(),
                    course_id: Some(course.id.to_string()),
                    score: score(inst, &answers).map_err(|e| e.to_string())?,
                    unscored_answers: None,
                    completed_at: at,
                    entered_by: Some(clinician.clone()),
                    mode: Mode::InSession,
                    group_session_id: None,
                };
                store.record_response(&new, event(action::MEASURE_RECORD, "measure_response")).await.map_err(err)?;
            }
        }
        if completed {
            store
                .set_course_status(
                    &course.id,
                    CourseStatus::Completed,
                    // Completing needs the ending review or a reason to skip it (its end measure is the last week's).
                    Some(texts.courses.review_skipped),
                    clinician,
                    event(action::COURSE_STATUS, "course"),
                )
                .await
                .map_err(err)?;
        }
    }
    Ok(())
}
