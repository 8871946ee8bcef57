//! What a supervisor watches per case, and how certification progress is
//! computed from what is already recorded (trainings, supervision hours,
//! rated cases). Pure rules; the store gathers the facts.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The facts of one open case, as the application gathers them (the
/// course's `Progress` decides the phase questions, so the dashboard and
/// the course page never disagree).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CaseFacts {
    pub sessions_held: u32,
    pub planned_sessions: u32,
    /// `Progress::initial_overrun`: past the initial phase with the
    /// formulation or contract still outstanding.
    pub initial_overrun: bool,
    /// Past the initial phase and no problem area chosen (acute protocols).
    pub no_focus: bool,
    pub measures_overdue: usize,
    pub not_on_track: bool,
    /// Hours since each open risk flag was raised.
    pub open_flag_ages_hours: Vec<i64>,
    /// In the protocol's window for raising the ending, or past it.
    pub ending_due: bool,
    /// The ending has been discussed (recorded on the course).
    pub ending_discussed: bool,
    /// The latest fidelity rating's mean and pass.
    pub latest_fidelity: Option<(f64, bool)>,
}

/// One case's indicators, each a reason it may need the supervisor.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Indicators {
    /// Past the initial phase without an agreed formulation.
    pub initial_phase_overdue: bool,
    /// Held sessions beyond the contract.
    pub over_contract: bool,
    pub no_focus: bool,
    pub measures_overdue: usize,
    pub not_on_track: bool,
    pub open_risk_flags: usize,
    /// Age of the oldest open flag.
    pub oldest_flag_hours: Option<i64>,
    /// In the last sessions and the ending not yet prepared.
    pub ending_unprepared: bool,
    /// The latest fidelity rating failed its pass rule.
    pub fidelity_failed: bool,
}

impl Indicators {
    /// How much attention the case needs: risk first, then the ones that
    /// change the course of treatment. Higher first.
    pub fn attention(&self) -> u32 {
        let mut n = 0;
        if self.open_risk_flags > 0 {
            n += 1000;
        }
        if self.not_on_track {
            n += 100;
        }
        if self.initial_phase_overdue {
            n += 80;
        }
        if self.ending_unprepared {
            n += 40;
        }
        if self.fidelity_failed {
            n += 30;
        }
        if self.over_contract {
            n += 20;
        }
        if self.no_focus {
            n += 10;
        }
        n + self.measures_overdue.min(9) as u32
    }

    /// The reasons in words, most urgent first.
    pub fn reasons(&self) -> Vec<String> {
        let mut r = Vec::new();
        if self.open_risk_flags > 0 {
            let age = self.oldest_flag_hours.map(|h| format!(", oldest {}", hours_words(h))).unwrap_or_default();
            r.push(format!("{} open risk flag{}{age}", self.open_risk_flags, plural(self.open_risk_flags)));
        }
        if self.not_on_track {
            r.push("Not on track".into());
        }
        if self.initial_phase_overdue {
            r.push("Initial phase overdue: no agreed formulation".into());
        }
        if self.ending_unprepared {
            r.push("Ending not yet prepared".into());
        }
        if self.fidelity_failed {
            r.push("Latest fidelity rating below the pass mark".into());
        }
        if self.over_contract {
            r.push("More sessions held than contracted".into());
        }
        if self.no_focus {
            r.push("No problem area chosen".into());
        }
        if self.measures_overdue > 0 {
            r.push(format!("{} measure{} overdue", self.measures_overdue, plural(self.measures_overdue)));
        }
        r
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// "5 hours", "3 days".
pub fn hours_words(h: i64) -> String {
    if h < 48 {
        format!("{h} hour{}", if h == 1 { "" } else { "s" })
    } else {
        format!("{} days", h / 24)
    }
}

pub fn indicators(f: &CaseFacts) -> Indicators {
    Indicators {
        initial_phase_overdue: f.initial_overrun,
        over_contract: f.planned_sessions > 0 && f.sessions_held > f.planned_sessions,
        no_focus: f.no_focus,
        measures_overdue: f.measures_overdue,
        not_on_track: f.not_on_track,
        open_risk_flags: f.open_flag_ages_hours.len(),
        oldest_flag_hours: f.open_flag_ages_hours.iter().copied().max(),
        ending_unprepared: f.ending_due && !f.ending_discussed,
        fidelity_failed: f.latest_fidelity.is_some_and(|(_, pass)| !pass),
    }
}

/// How many sessions went between measures: with held sessions 1..=n and
/// measures taken on the days of some of them, the largest step from the
/// start (session 0) to the first measured session, between measured
/// sessions, and from the last measured session to session n. Measures at
/// sessions 1, 5, 9 and 13 of 16 give 4: "at least every four sessions".
/// No measure at all gives n + 1.
pub fn measure_interval(held: &[time::Date], measured: &[time::Date]) -> u32 {
    let n = held.len() as u32;
    let positions: Vec<u32> =
        held.iter().enumerate().filter(|(_, d)| measured.contains(d)).map(|(i, _)| i as u32 + 1).collect();
    let Some(last) = positions.last() else { return n + 1 };
    let mut prev = 0;
    let mut widest = 0;
    for p in &positions {
        widest = widest.max(p - prev);
        prev = *p;
    }
    widest.max(n - last)
}

/// Supervision hours per therapy hour ("1 h supervision per 2 h therapy" is 0.5).
pub fn supervision_ratio(supervision_minutes: i64, therapy_minutes: i64) -> Option<f64> {
    (therapy_minutes > 0).then(|| supervision_minutes as f64 / therapy_minutes as f64)
}

/// A certification pathway as data (`docs/supervision.md`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pathway {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Hours of recognised training.
    pub training_hours: f64,
    /// Hours of supervision received.
    pub supervision_hours: f64,
    /// Supervised cases needed.
    pub cases: u32,
    /// A case counts when a supervisor's rating with this checklist passed.
    pub case_checklist: String,
    /// And its measures were taken at least every this many sessions (0: not required).
    #[serde(default)]
    pub measures_every: u32,
    /// Years a certificate lasts before renewal (0: no expiry).
    #[serde(default)]
    pub valid_years: u32,
    /// Its name and description in other languages: language tag -> words.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, PathwayText>,
}

/// A pathway's name and description in another language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PathwayText {
    pub name: String,
    /// Absent: the description stays in the pathway's own words.
    #[serde(default)]
    pub description: Option<String>,
}

impl Pathway {
    /// The pathway's name in `language` (a tag such as "es"), else its own.
    pub fn name_in(&self, language: &str) -> &str {
        self.translations.get(language).map(|t| t.name.as_str()).unwrap_or(&self.name)
    }

    /// The pathway's description in `language`, else its own.
    pub fn description_in(&self, language: &str) -> &str {
        self.translations.get(language).and_then(|t| t.description.as_deref()).unwrap_or(&self.description)
    }
}

/// How long before a certificate expires its holder and their supervisors are
/// reminded to renew it (the shipped pathways last years; 60 days leaves time
/// for a renewal workshop and the supervised case it asks for).
pub const RENEWAL_NOTICE_DAYS: i64 = 60;

/// Where a certificate stands on `today`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Validity {
    /// No expiry, or more than `RENEWAL_NOTICE_DAYS` to go.
    Valid,
    /// Expires within `RENEWAL_NOTICE_DAYS` (on the day itself too).
    RenewalDue,
    Expired,
}

pub fn validity(expires_on: Option<time::Date>, today: time::Date) -> Validity {
    match expires_on {
        None => Validity::Valid,
        Some(e) if e < today => Validity::Expired,
        Some(e) if e - today <= time::Duration::days(RENEWAL_NOTICE_DAYS) => Validity::RenewalDue,
        Some(_) => Validity::Valid,
    }
}

/// One supervised case, for certification.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RatedCase {
    pub supervisor_pass: bool,
    /// The widest step between measures, in sessions (`measure_interval`).
    pub measure_interval: u32,
}

/// What a person has, for a pathway.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Record {
    pub training_hours: f64,
    pub supervision_hours: f64,
    pub cases: Vec<RatedCase>,
}

/// Which requirement of a pathway, for naming it in the reader's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RequirementKind {
    TrainingHours,
    SupervisionHours,
    /// Supervised cases with a passing rating, with measures at least every
    /// `measures_every` sessions (0: measures not required).
    Cases {
        measures_every: u32,
    },
}

impl RequirementKind {
    /// The interface message naming this (locales/*/groups.ftl); the cases
    /// message takes the measure interval as `$sessions`.
    pub fn message(self) -> &'static str {
        match self {
            RequirementKind::TrainingHours => crate::msg("record-pro-requirement-training"),
            RequirementKind::SupervisionHours => crate::msg("record-pro-requirement-supervision"),
            RequirementKind::Cases { measures_every: 0 } => crate::msg("record-pro-requirement-cases"),
            RequirementKind::Cases { .. } => crate::msg("record-pro-requirement-cases-measured"),
        }
    }
}

/// One requirement and how far the person is.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Requirement {
    pub label: String,
    #[serde(skip)]
    pub kind: RequirementKind,
    pub have: f64,
    pub need: f64,
    pub met: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Progress {
    pub requirements: Vec<Requirement>,
    pub complete: bool,
    /// Share of the requirements met, 0-1.
    pub share: f64,
}

pub fn progress(p: &Pathway, r: &Record) -> Progress {
    let counting = r
        .cases
        .iter()
        .filter(|c| c.supervisor_pass && (p.measures_every == 0 || c.measure_interval <= p.measures_every))
        .count() as f64;
    let req = |kind: RequirementKind, label: String, have: f64, need: f64| Requirement {
        label,
        kind,
        have,
        need,
        met: have + 1e-9 >= need,
    };
    let mut requirements = vec![
        req(RequirementKind::TrainingHours, "Training hours".into(), r.training_hours, p.training_hours),
        req(RequirementKind::SupervisionHours, "Supervision hours".into(), r.supervision_hours, p.supervision_hours),
    ];
    let case_label = if p.measures_every > 0 {
        format!("Supervised cases with a passing rating and measures at least every {} sessions", p.measures_every)
    } else {
        "Supervised cases with a passing rating".into()
    };
    let cases = RequirementKind::Cases { measures_every: p.measures_every };
    requirements.push(req(cases, case_label, counting, p.cases as f64));
    let met = requirements.iter().filter(|q| q.met).count();
    Progress { complete: met == requirements.len(), share: met as f64 / requirements.len() as f64, requirements }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case() -> CaseFacts {
        CaseFacts { sessions_held: 2, planned_sessions: 16, ..Default::default() }
    }

    #[test]
    fn a_certificate_is_due_for_renewal_in_its_last_sixty_days() {
        let today = time::macros::date!(2026 - 12 - 05);
        let days = |n: i64| Some(today + time::Duration::days(n));
        assert_eq!(validity(None, today), Validity::Valid, "no expiry");
        assert_eq!(validity(days(61), today), Validity::Valid);
        assert_eq!(validity(days(60), today), Validity::RenewalDue);
        assert_eq!(validity(days(0), today), Validity::RenewalDue, "the last valid day");
        assert_eq!(validity(days(-1), today), Validity::Expired);
    }

    #[test]
    fn an_initial_overrun_is_an_overdue_initial_phase() {
        assert!(!indicators(&case()).initial_phase_overdue);
        let four = CaseFacts { sessions_held: 4, initial_overrun: true, no_focus: true, ..case() };
        let i = indicators(&four);
        assert!(i.initial_phase_overdue && i.no_focus);
        assert_eq!(i.reasons()[0], "Initial phase overdue: no agreed formulation");
    }

    #[test]
    fn risk_comes_first_then_not_on_track_then_the_initial_phase() {
        let risk = indicators(&CaseFacts { open_flag_ages_hours: vec![30, 5], ..case() });
        let off_track = indicators(&CaseFacts { not_on_track: true, ..case() });
        let overdue = indicators(&CaseFacts { initial_overrun: true, ..case() });
        let fine = indicators(&case());
        assert!(risk.attention() > off_track.attention());
        assert!(off_track.attention() > overdue.attention());
        assert!(overdue.attention() > fine.attention());
        assert_eq!(fine.attention(), 0);
        assert_eq!(risk.oldest_flag_hours, Some(30));
        assert_eq!(risk.reasons()[0], "2 open risk flags, oldest 30 hours");
        assert_eq!(
            indicators(&CaseFacts { open_flag_ages_hours: vec![72], ..case() }).reasons()[0],
            "1 open risk flag, oldest 3 days"
        );
    }

    #[test]
    fn the_ending_and_the_contract() {
        let due = CaseFacts { sessions_held: 13, ending_due: true, ..case() };
        assert!(indicators(&due).ending_unprepared);
        assert!(!indicators(&CaseFacts { ending_discussed: true, ..due }).ending_unprepared);
        assert!(indicators(&CaseFacts { sessions_held: 17, ..case() }).over_contract);
        assert!(!indicators(&CaseFacts { sessions_held: 16, ..case() }).over_contract);
        assert!(indicators(&CaseFacts { latest_fidelity: Some((1.2, false)), ..case() }).fidelity_failed);
        assert!(!indicators(&CaseFacts { latest_fidelity: Some((2.2, true)), ..case() }).fidelity_failed);
    }

    #[test]
    fn measure_interval_is_the_widest_step_between_measured_sessions() {
        let d = |n: u8| time::Date::from_calendar_date(2026, time::Month::March, n).unwrap();
        let held: Vec<time::Date> = (1..=16).map(d).collect();
        let every4: Vec<time::Date> = [1, 5, 9, 13].into_iter().map(d).collect();
        assert_eq!(measure_interval(&held, &every4), 4);
        let late_end: Vec<time::Date> = [1, 5, 9].into_iter().map(d).collect();
        assert_eq!(measure_interval(&held, &late_end), 7, "9 to 16");
        let late_start: Vec<time::Date> = [6, 10, 14, 16].into_iter().map(d).collect();
        assert_eq!(measure_interval(&held, &late_start), 6, "start to 6");
        assert_eq!(measure_interval(&held, &[]), 17);
        assert_eq!(measure_interval(&[], &[]), 1);
        let other_day = [d(20)];
        assert_eq!(measure_interval(&held[..2], &other_day), 3, "a measure on no session day counts for none");
    }

    #[test]
    fn certification_progress_counts_only_cases_that_qualify() {
        let p = Pathway {
            id: "ipt-certified-therapist".into(),
            name: "IPT certified therapist".into(),
            description: String::new(),
            training_hours: 16.0,
            supervision_hours: 10.0,
            cases: 2,
            case_checklist: "ipt-adherence".into(),
            measures_every: 4,
            valid_years: 3,
            translations: BTreeMap::new(),
        };
        let good = RatedCase { supervisor_pass: true, measure_interval: 4 };
        let gappy = RatedCase { supervisor_pass: true, measure_interval: 6 };
        let failed = RatedCase { supervisor_pass: false, measure_interval: 1 };
        let half = Record { training_hours: 16.0, supervision_hours: 5.5, cases: vec![good.clone(), gappy, failed] };
        let pr = progress(&p, &half);
        assert!(!pr.complete);
        assert_eq!(pr.requirements.iter().map(|r| r.met).collect::<Vec<_>>(), [true, false, false]);
        assert_eq!(pr.requirements[2].have, 1.0, "the gappy and the failed case do not count");
        assert!((pr.share - 1.0 / 3.0).abs() < 1e-9);
        let done = Record { training_hours: 18.0, supervision_hours: 10.0, cases: vec![good.clone(), good] };
        assert!(progress(&p, &done).complete);
        assert_eq!(supervision_ratio(60, 120), Some(0.5));
        assert_eq!(supervision_ratio(60, 0), None);
    }
}
