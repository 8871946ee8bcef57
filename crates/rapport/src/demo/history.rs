//! Two years of a programme's finished courses, so the programme-outcomes
//! dashboard (issue 16) has quarters, sites, clinicians, protocols and problem
//! areas to show: 120 synthetic clients at two clinic sites, each with one
//! individual course that ended (completed, or ended early), PHQ-9 and GAD-7
//! at the first and last session, an agreed formulation, and a few risk
//! answers acknowledged and assessed after a realistic delay. The clients are
//! archived, so they stay out of caseloads; the read model is rebuilt from
//! them when the demo is done (the course endings are back-dated).

use super::event::event;
use super::measures::answers_for;
use super::rng::Lcg;
use rapport_core::audit::action;
use rapport_core::client::{ClientDetails, ClientStatus};
use rapport_core::course::{Attendance, CourseStatus, Modality};
use rapport_core::formulation::Formulation;
use rapport_core::measures::{score, Library};
use rapport_core::risk::{Assessment, RiskLevel, SafetyPlan};
use rapport_core::time::format_date;
use rapport_core::{Id, Timestamp};
use rapport_store::measures::{Mode, NewResponse};
use rapport_store::records::Placement;
use rapport_store::Store;
use time::Duration;

/// How many past courses the demo's history holds.
pub const HISTORY_COURSES: usize = 120;

/// (PHQ-9 first, last; GAD-7 first, last): recovered, improved, unchanged,
/// deteriorated and below caseness, in roughly a service's proportions.
const TRAJECTORIES: &[(i64, i64, i64, i64)] = &[
    (17, 6, 13, 5),
    (19, 7, 15, 6),
    (14, 4, 11, 4),
    (16, 8, 12, 7),
    (21, 12, 16, 10),
    (18, 11, 14, 9),
    (13, 12, 10, 10),
    (12, 18, 9, 14),
    (8, 3, 6, 3),
    (15, 5, 9, 4),
];

/// Areas agreed in the formulations, one or two per course.
const AREAS: &[&[&str]] = &[
    &["role_dispute"],
    &["role_transition"],
    &["grief"],
    &["role_dispute", "role_transition"],
    &["interpersonal_deficits"],
];

/// A first name and a surname of the practice's lists not used yet, looked
/// for from pair `start`; numbered, as the other demo clients are, once a
/// large demo (`--clients 10000`) has used every pair.
fn free_name(first: &[&str], last: &[&str], start: usize, taken: &std::collections::HashSet<String>) -> String {
    let (f, l) = (first.len(), last.len());
    (1..)
        .flat_map(|round| {
            (0..f * l).map(move |k| {
                let k = (start + k * 7) % (f * l);
                let name = format!("{} {}", first[k % f], last[k / f]);
                if round == 1 {
                    name
                } else {
                    format!("{name} {round}")
                }
            })
        })
        .find(|n| !taken.contains(n))
        .expect("a finite set of names taken leaves a numbered one free")
}

pub async fn seed(store: &Store, clinicians: &[Id], texts: &super::lang::Texts) -> Result<usize, String> {
    let err = |e: rapport_store::StoreError| e.to_string();
    if clinicians.is_empty() {
        return Ok(0);
    }
    let lib = Library::builtin();
    let (phq9, gad7) = (lib.get("phq9").expect("shipped"), lib.get("gad7").expect("shipped"));
    let sites = [
        store.create_site(texts.history.sites[0], None, event(action::SITE_CREATE, "site")).await.map_err(err)?,
        store.create_site(texts.history.sites[1], None, event(action::SITE_CREATE, "site")).await.map_err(err)?,
    ];
    let now = Timestamp::now();
    let today = now.date();
    let mut rng = Lcg(20261205);
    let mut taken: std::collections::HashSet<String> =
        store.search_all_clients("", i64::MAX).await.map_err(err)?.into_iter().map(|c| c.display_name).collect();
    for i in 0..HISTORY_COURSES {
        let clinician = &clinicians[i % clinicians.len()];
        let site = &sites[i % 2];
        let name = free_name(texts.first, texts.last, rng.next(texts.first.len() * texts.last.len()), &taken);
        taken.insert(name.clone());
        let details = ClientDetails {
            display_name: name,
            preferred_language: texts.client_language.map(Into::into),
            ..Default::default()
        };
        let client = store
            .create_client_at(&details, clinician, Some(&site.id), event(action::CLIENT_CREATE, "client"))
            .await
            .map_err(err)?;
        // Starts spread over the last two years; the course runs 8-16 weeks.
        let start = today - Duration::days(100 + (i as i64 * 617) % 640);
        let protocol = if i % 5 == 3 { "ipt-brief" } else { "ipt-individual" };
        let planned = if protocol == "ipt-brief" { 8 } else { 16 };
        let course =
            super::courses::start_course(store, &client.id, clinician, protocol, planned, start, start).await?;
        let dropout = i % 7 == 5;
        let attended = if dropout { 1 + rng.next(3) as i64 } else { planned - rng.next(4) as i64 };
        let mut last_day = start;
        let mut held = 0;
        for week in 0.. {
            if held == attended {
                break;
            }
            let day = start + Duration::weeks(week);
            let attendance = if week % 5 == 3 && rng.next(2) == 0 { Attendance::NoShow } else { Attendance::Attended };
            let s = super::courses::session(day, "10:00", attendance, Modality::InPerson);
            store
                .create_therapy_session(&course, &s, clinician, event(action::SESSION_CREATE, "session"))
                .await
                .map_err(err)?;
            if attendance == Attendance::Attended {
                held += 1;
                last_day = day;
            }
        }
        let (p0, p1, g0, g1) = TRAJECTORIES[i % TRAJECTORIES.len()];
        // Dropouts leave before the end score; one course in nine misses its last GAD-7.
        let mut scores = vec![(start, p0, Some(g0), i % 11 == 4)];
        if !dropout && attended >= 2 {
            scores.push((last_day, p1, (i % 9 != 8).then_some(g1), false));
        }
        for (day, phq, gad, risk) in scores {
            let at = Timestamp::from_datetime(day.with_hms(10, 30, 0).expect("valid").assume_utc());
            let mut forms = vec![(phq9, answers_for(9, phq, Some(8), risk.then_some(1)))];
            if let Some(g) = gad {
                forms.push((gad7, answers_for(7, g, None, None)));
            }
            for (inst, answers) in forms {
                let new = NewResponse {
                    client_id: client.id.clone(),
                    course_id: Some(course.id.to_string()),
                    score: score(inst, &answers).map_err(|e| e.to_string())?,
                    unscored_answers: None,
                    completed_at: at,
                    entered_by: Some(clinician.clone()),
                    mode: Mode::InSession,
                    group_session_id: None,
                };
                let stored = store
                    .record_response_at(&new, event(action::MEASURE_RECORD, "measure_response"), at)
                    .await
                    .map_err(err)?;
                // Risk answers were acknowledged within hours and assessed within a day.
                if let Some(flag) = stored.risk_flag_id {
                    let acked = at.plus(Duration::minutes(40 + 37 * rng.next(12) as i64));
                    store
                        .acknowledge_risk_flag_at(
                            &flag,
                            clinician,
                            event(action::RISK_FLAG_ACKNOWLEDGE, "risk_flag"),
                            acked,
                        )
                        .await
                        .map_err(err)?;
                    let assessment = Assessment {
                        ideation: texts.history.ideation.into(),
                        plan: texts.history.plan.into(),
                        intent: texts.history.intent.into(),
                        means: texts.history.means.into(),
                        history: texts.history.past.into(),
                        protective_factors: texts.history.protective.into(),
                        risk_level: RiskLevel::Low,
                        actions: None,
                        // The Columbia screener: a passive wish to be dead only, no behaviour.
                        screening: screener_low(),
                        // Looked at again a week later: a Today task until a signed note's risk check.
                        follow_up_on: Some(at.date() + Duration::days(7)),
                    };
                    let assessed = acked.plus(Duration::hours(3 + rng.next(20) as i64));
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
                    let words = texts.portal.safety_plan;
                    let plan = SafetyPlan {
                        warning_signs: words[0].into(),
                        coping_strategies: words[1].into(),
                        distractions: words[2].into(),
                        people_to_ask: words[3].into(),
                        professionals: words[4].into(),
                        environment_safety: words[5].into(),
                        reasons_for_living: words[6].into(),
                        shared_with_client: false,
                    };
                    let (plan_id, _) = store
                        .save_safety_plan(&client.id, &plan, clinician, event(action::SAFETY_PLAN_SAVE, "safety_plan"))
                        .await
                        .map_err(err)?;
                    store
                        .close_risk_flag_at(
                            &flag,
                            &assessment_id,
                            &plan_id,
                            clinician,
                            Some(texts.history.closing_note),
                            event(action::RISK_FLAG_CLOSE, "risk_flag"),
                            assessed.plus(Duration::hours(1)),
                        )
                        .await
                        .map_err(err)?;
                }
            }
        }
        let at = Placement { client_id: client.id.clone(), course_id: Some(course.id.clone()), ..Default::default() };
        let formulation = Formulation {
            problem_areas: AREAS[i % AREAS.len()].iter().map(|a| a.to_string()).collect(),
            agreed_on: Some(format_date(start + Duration::weeks(3))),
            ..Default::default()
        };
        store
            .create_record(&at, &formulation, clinician, event(action::RECORD_CREATE, "formulation"))
            .await
            .map_err(err)?;
        let (status, reason) = if dropout {
            (CourseStatus::EndedEarly, texts.courses.ended_early)
        } else {
            (CourseStatus::Completed, texts.courses.review_skipped)
        };
        let ended =
            Timestamp::from_datetime((last_day + Duration::days(1)).with_hms(17, 0, 0).expect("valid").assume_utc());
        store
            .set_course_status_at(
                &course.id,
                status,
                Some(reason),
                clinician,
                event(action::COURSE_STATUS, "course"),
                ended,
            )
            .await
            .map_err(err)?;
        store
            .set_client_status(&client.id, ClientStatus::Archived, event(action::CLIENT_ARCHIVE, "client"))
            .await
            .map_err(err)?;
    }
    Ok(HISTORY_COURSES)
}

/// The Columbia screener answered yes to the wish to be dead only: low risk.
fn screener_low() -> rapport_core::risk::Screening {
    let answers = rapport_core::risk::CssrsAnswers { q1: true, ..Default::default() };
    rapport_core::risk::Screening::CssrsScreener { answers, result: answers.triage() }
}

#[cfg(test)]
mod tests {
    use super::free_name;

    #[test]
    fn a_large_demo_that_used_every_pair_gets_numbered_names() {
        let (first, last) = (["Ana", "Ben"], ["Cole", "Diaz"]);
        let mut taken = std::collections::HashSet::new();
        for _ in 0..4 {
            let name = free_name(&first, &last, 1, &taken);
            assert_eq!(name.split(' ').count(), 2, "{name}");
            assert!(taken.insert(name));
        }
        let numbered = free_name(&first, &last, 1, &taken);
        assert!(numbered.ends_with(" 2") && !taken.contains(&numbered), "{numbered}");
    }
}
