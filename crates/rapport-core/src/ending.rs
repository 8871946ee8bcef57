//! The termination phase (ipt-model.md 3.4): the ending review, relapse
//! warning signs with a coping plan, and the maintenance decision. One review
//! per course, versioned.

use crate::course::{finish_contract, NewCourse, RawCourse};
use crate::msg;
use crate::protocol::{Frequency, Protocol, ProtocolKind, ProtocolSet};
use crate::records::{RecordBody, Scope};
use crate::time::parse_date;
use crate::validation::{optional_text, KeyArg, ValidationErrors};
use serde::{Deserialize, Serialize};
use time::Date;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MaintenanceDecision {
    /// Not yet decided.
    #[default]
    Undecided,
    /// No maintenance: the course ends.
    None,
    /// Offered and declined by the client.
    Declined,
    /// Maintenance IPT (a linked `ipt-m` course).
    IptM,
}

impl MaintenanceDecision {
    pub const ALL: [MaintenanceDecision; 4] = [
        MaintenanceDecision::Undecided,
        MaintenanceDecision::None,
        MaintenanceDecision::Declined,
        MaintenanceDecision::IptM,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            MaintenanceDecision::Undecided => "undecided",
            MaintenanceDecision::None => "none",
            MaintenanceDecision::Declined => "declined",
            MaintenanceDecision::IptM => "ipt_m",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.as_str() == s)
    }
    pub fn label(self) -> &'static str {
        match self {
            MaintenanceDecision::Undecided => "Not decided yet",
            MaintenanceDecision::None => "No maintenance needed",
            MaintenanceDecision::Declined => "Offered and declined",
            MaintenanceDecision::IptM => "Maintenance IPT (IPT-M)",
        }
    }

    /// The decision in the reader's language.
    pub fn message(self) -> &'static str {
        match self {
            MaintenanceDecision::Undecided => crate::msg("ending-decision-undecided"),
            MaintenanceDecision::None => crate::msg("ending-decision-none"),
            MaintenanceDecision::Declined => crate::msg("ending-decision-declined"),
            MaintenanceDecision::IptM => crate::msg("ending-decision-ipt-m"),
        }
    }
}

/// Progress on one problem area, in the clinician's words.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaProgress {
    pub area: String,
    pub progress: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EndingReview {
    /// `YYYY-MM-DD` the ending was first raised with the client.
    pub ending_raised_on: Option<String>,
    /// The ending as a loss or transition: how the client feels about it.
    pub feelings_about_ending: Option<String>,
    /// Overall progress: symptoms, relationships, goals.
    pub progress_summary: Option<String>,
    pub area_progress: Vec<AreaProgress>,
    /// What the client did that helped (gains credited to their own efforts).
    pub client_contributions: Option<String>,
    /// Personal early warning signs of relapse (symptoms, interpersonal triggers).
    pub warning_signs: Vec<String>,
    /// What the client will do if the signs appear.
    pub coping_plan: Option<String>,
    /// People and services the client can turn to.
    pub supports: Vec<String>,
    /// Whom to contact and when to come back.
    pub return_plan: Option<String>,
    /// For a non-response: alternatives discussed (medication, another therapy, longer treatment).
    pub alternatives_discussed: Option<String>,
    pub medication_plan: Option<String>,
    /// Months after the end at which to repeat measures (e.g. 3, 6, 12).
    pub follow_up_months: Vec<u32>,
    pub maintenance: MaintenanceDecision,
    /// The maintenance course created from this review.
    pub maintenance_course_id: Option<String>,
}

/// Splits a text area into trimmed, non-empty lines (one item per line).
pub fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect()
}

fn list(e: &mut ValidationErrors, field: &str, label: &'static str, items: Vec<String>, max: usize) -> Vec<String> {
    const ITEM_MAX: usize = 500;
    let items: Vec<String> = items.into_iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
    let english = crate::validation::english_label(label);
    if items.len() > max {
        e.add_keyed_english(
            field,
            format!("{english}: at most {max} items"),
            msg("validation-too-many-items"),
            vec![("label", KeyArg::Message(label)), ("max", KeyArg::Number(max as i64))],
        );
    }
    for (i, s) in items.iter().enumerate() {
        if s.chars().count() > ITEM_MAX {
            e.add_keyed_english(
                field,
                format!("{english}: item {} is longer than {ITEM_MAX} characters", i + 1),
                msg("validation-item-too-long"),
                vec![
                    ("label", KeyArg::Message(label)),
                    ("item", KeyArg::Number(i as i64 + 1)),
                    ("max", KeyArg::Number(ITEM_MAX as i64)),
                ],
            );
        }
    }
    items
}

impl RecordBody for EndingReview {
    const KIND: &'static str = "ending_review";
    const SCOPE: Scope = Scope::Course;

    fn validate(self) -> Result<Self, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let t = |e: &mut ValidationErrors, f: &str, l: &'static str, v: &Option<String>| {
            optional_text(e, f, l, v.as_deref(), 4000)
        };
        let ending_raised_on = match self.ending_raised_on.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => None,
            Some(d) if parse_date(d).is_some() => {
                let today = crate::Timestamp::now().date();
                crate::validation::check_plausible(
                    &mut e,
                    "ending_raised_on",
                    msg("field-date"),
                    parse_date(d).expect("parsed"),
                    today,
                )
                .map(|_| d.to_string())
            }
            Some(_) => {
                e.add_keyed_english(
                    "ending_raised_on",
                    "Date must be in the form YYYY-MM-DD".into(),
                    crate::msg("validation-date-form"),
                    vec![("label", KeyArg::Message(crate::msg("field-date")))],
                );
                None
            }
        };
        let review = EndingReview {
            ending_raised_on,
            feelings_about_ending: t(
                &mut e,
                "feelings_about_ending",
                msg("field-feelings-about-the-ending"),
                &self.feelings_about_ending,
            ),
            progress_summary: t(&mut e, "progress_summary", msg("field-progress-summary"), &self.progress_summary),
            area_progress: self
                .area_progress
                .into_iter()
                .filter(|a| !a.progress.trim().is_empty())
                .map(|a| AreaProgress { area: a.area.trim().to_string(), progress: a.progress.trim().to_string() })
                .collect(),
            client_contributions: t(
                &mut e,
                "client_contributions",
                msg("field-what-helped"),
                &self.client_contributions,
            ),
            warning_signs: list(&mut e, "warning_signs", msg("field-warning-signs"), self.warning_signs, 20),
            coping_plan: t(&mut e, "coping_plan", msg("field-coping-plan"), &self.coping_plan),
            supports: list(&mut e, "supports", msg("field-supports"), self.supports, 20),
            return_plan: t(&mut e, "return_plan", msg("field-return-plan"), &self.return_plan),
            alternatives_discussed: t(
                &mut e,
                "alternatives_discussed",
                msg("field-alternatives-discussed"),
                &self.alternatives_discussed,
            ),
            medication_plan: t(&mut e, "medication_plan", msg("field-medication-plan"), &self.medication_plan),
            follow_up_months: {
                let mut m = self.follow_up_months;
                if m.iter().any(|x| *x == 0 || *x > 60) {
                    e.add("follow_up_months", "Follow-ups are months after the end, 1-60");
                }
                m.sort_unstable();
                m.dedup();
                m
            },
            maintenance: self.maintenance,
            maintenance_course_id: self.maintenance_course_id,
        };
        for a in &review.area_progress {
            if a.progress.chars().count() > 4000 {
                e.add("area_progress", format!("Progress on {} is longer than 4000 characters", a.area));
            }
        }
        e.into_result()?;
        Ok(review)
    }
}

/// Parses "3, 6, 12" into months.
pub fn parse_months(text: &str) -> Result<Vec<u32>, ValidationErrors> {
    let mut out = Vec::new();
    for part in text.split([',', ' ']).map(str::trim).filter(|s| !s.is_empty()) {
        match part.parse::<u32>() {
            Ok(n) => out.push(n),
            Err(_) => {
                return Err(ValidationErrors::single(
                    "follow_up_months",
                    format!("{part:?} is not a number of months; write e.g. 3, 6, 12"),
                ))
            }
        }
    }
    Ok(out)
}

/// Sessions in a maintenance contract of `months` at `frequency`.
pub fn maintenance_sessions(months: u32, frequency: Frequency) -> u32 {
    match frequency {
        Frequency::Monthly => months,
        Frequency::TwiceMonthly => months * 2,
        Frequency::Weekly => months * 4,
    }
}

/// The protocol a maintenance course runs: `ipt-m`, else the site's first
/// maintenance protocol.
pub fn maintenance_protocol(protocols: &ProtocolSet) -> Option<&Protocol> {
    let all = protocols.all();
    all.iter().find(|p| p.id == "ipt-m").or_else(|| all.iter().find(|p| p.kind == ProtocolKind::Maintenance))
}

/// Validates a maintenance contract: the maintenance protocol for `months`
/// (1-36) at `frequency` (default: the protocol's), starting `start` (default
/// `today`); the sessions that makes must be within what the protocol allows.
/// Errors name `months`, `frequency` and `start_date`.
pub fn maintenance_contract(
    protocols: &ProtocolSet,
    months: Option<i64>,
    frequency: Option<&str>,
    start: Option<&str>,
    today: Date,
) -> Result<NewCourse, ValidationErrors> {
    let p = maintenance_protocol(protocols)
        .ok_or_else(|| ValidationErrors::single("months", "No maintenance protocol is configured on this site"))?;
    let mut e = ValidationErrors::new();
    let freq = match frequency.map(str::trim).filter(|s| !s.is_empty()) {
        None => p.frequency,
        Some(f) => Frequency::parse(f).unwrap_or_else(|| {
            e.add("frequency", "Frequency must be weekly, twice_monthly or monthly");
            p.frequency
        }),
    };
    let months = match months {
        Some(m) if (1..=36).contains(&m) => m as u32,
        Some(m) => {
            e.add_key("months", crate::msg("ending-months-range"), vec![("months", m.into())]);
            1
        }
        None => {
            e.add_key("months", crate::msg("ending-months-required"), vec![]);
            1
        }
    };
    let sessions = maintenance_sessions(months, freq);
    if e.is_empty() && !p.allows_sessions(sessions) {
        e.add(
            "months",
            format!(
                "{months} months at this frequency is {sessions} sessions; {} allows {}-{}",
                p.name, p.sessions.min, p.sessions.max
            ),
        );
    }
    e.into_result()?;
    let raw = RawCourse {
        protocol: Some(p.id.clone()),
        planned_sessions: Some(i64::from(sessions)),
        frequency: Some(freq.as_str().into()),
        start_date: start.map(str::to_string),
        ..RawCourse::default()
    };
    finish_contract(p, &raw, today, ValidationErrors::new())
}

// ---------------------------------------------------------------- completing a course

/// The longest reason for skipping the review or the end measure.
pub const MAX_COMPLETION_REASON: usize = 2000;

/// What completing a course needs (courses.md, "Completing a course"): a saved
/// ending review or a reason to skip it, and an end-of-treatment measure or a
/// confirmed reason for going without one.
#[derive(Clone, Debug, Default)]
pub struct Completion<'a> {
    pub has_review: bool,
    pub skip_review_reason: Option<&'a str>,
    pub end_measure_taken: bool,
    pub confirm_no_end_measure: bool,
    pub no_end_measure_reason: Option<&'a str>,
    /// The protocol asks for the maintenance discussion first and the ending
    /// review records no decision: refused (field `maintenance`), whatever
    /// else is confirmed.
    pub maintenance_undecided: bool,
    /// Where the measures are recorded (named in the `end_measure` message).
    pub measures_url: &'a str,
}

/// A reason of visible characters, trimmed; `None` when absent or blank.
fn reason(e: &mut ValidationErrors, field: &str, label: &'static str, v: Option<&str>) -> Option<String> {
    let v = optional_text(e, field, label, v, MAX_COMPLETION_REASON)?;
    (crate::validation::visible_len(&v) > 0).then_some(v)
}

/// Checks a completion; on success, the text to record with the status
/// (`None` when neither the review nor the end measure was skipped).
pub fn check_completion(c: &Completion) -> Result<Option<String>, ValidationErrors> {
    let mut e = ValidationErrors::new();
    let mut recorded = Vec::new();
    let skip =
        reason(&mut e, "skip_review_reason", msg("field-reason-for-skipping-the-ending-review"), c.skip_review_reason);
    if !c.has_review {
        match skip {
            Some(r) => recorded.push(format!("Ending review skipped: {r}")),
            None if e.for_field("skip_review_reason").is_none() => {
                e.add("skip_review_reason", "Save the ending review first, or give a reason for completing without one")
            }
            None => {}
        }
    }
    let no_measure = reason(
        &mut e,
        "no_end_measure_reason",
        msg("field-reason-for-no-end-of-treatment-measure"),
        c.no_end_measure_reason,
    );
    if !c.end_measure_taken {
        if !c.confirm_no_end_measure {
            e.add(
                "end_measure",
                format!(
                    "No end-of-treatment measure: none of the course's questionnaires was completed in its last two \
                     sessions. Record them at {}, or confirm completing without one and give the reason",
                    c.measures_url
                ),
            );
        } else if let Some(r) = no_measure {
            recorded.push(format!("No end-of-treatment measure: {r}"));
        } else if e.for_field("no_end_measure_reason").is_none() {
            e.add("no_end_measure_reason", "Give the reason for completing without an end-of-treatment measure");
        }
    }
    if c.maintenance_undecided {
        e.add_keyed_english(
            "maintenance",
            "Record the maintenance discussion first: this protocol concludes acute treatment with a maintenance \
             agreement. Choose the maintenance decision in the ending review"
                .into(),
            msg("course-error-maintenance-undecided"),
            vec![],
        );
    }
    e.into_result()?;
    Ok((!recorded.is_empty()).then(|| recorded.join("; ")))
}

/// Whether a response counts as the end-of-treatment measure: one completed
/// in the window of either of the last two held sessions (after the held
/// session before them, on or before theirs; schedule.rs) or since the last
/// one. With fewer than three held sessions the window opens at the start.
pub fn end_measure_taken(held: &[Date], responses: &[Date]) -> bool {
    let mut held = held.to_vec();
    held.sort();
    let from = held.len().checked_sub(3).map(|i| held[i]);
    responses.iter().any(|r| from.is_none_or(|f| *r > f))
}

// ---------------------------------------------------------------- follow-up measures

/// `months` calendar months after `d`, on the same day or the month's last.
pub fn add_months(d: Date, months: u32) -> Date {
    let total = d.year() * 12 + (d.month() as i32 - 1) + months as i32;
    let (year, month) = (total.div_euclid(12), time::Month::try_from((total.rem_euclid(12) + 1) as u8).unwrap());
    let day = d.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).unwrap_or(d)
}

/// A follow-up that is due, with the scheduled instruments not yet answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FollowUpDue {
    pub months: u32,
    pub due_from: Date,
    pub instruments: Vec<String>,
}

/// The follow-ups due on `today` after a course that ended on `ended`: each of
/// `months` whose date has come, with the `instruments` that have no response
/// completed on or after that date (`responses`: instrument id, date). A
/// follow-up with every instrument answered is not due.
pub fn follow_ups_due(
    ended: Date,
    months: &[u32],
    instruments: &[String],
    responses: &[(String, Date)],
    today: Date,
) -> Vec<FollowUpDue> {
    let mut months = months.to_vec();
    months.sort();
    months.dedup();
    months
        .into_iter()
        .filter_map(|m| {
            let due_from = add_months(ended, m);
            if due_from > today {
                return None;
            }
            let open: Vec<String> = instruments
                .iter()
                .filter(|i| !responses.iter().any(|(r, d)| r == *i && *d >= due_from))
                .cloned()
                .collect();
            (!open.is_empty()).then_some(FollowUpDue { months: m, due_from, instruments: open })
        })
        .collect()
}

/// The start offered for a maintenance course: four weeks after the acute
/// course's planned end, and never before tomorrow.
pub fn suggested_maintenance_start(planned_end: Date, today: Date) -> Date {
    (planned_end + time::Duration::days(28)).max(today + time::Duration::days(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    mod maintenance {
        use super::*;
        use crate::course::CourseStatus;
        use crate::validation::KeyArg;
        use time::macros::date;

        const TODAY: Date = date!(2026 - 03 - 10);

        fn contract(
            months: Option<i64>,
            freq: Option<&str>,
            start: Option<&str>,
        ) -> Result<NewCourse, ValidationErrors> {
            maintenance_contract(&ProtocolSet::shipped(), months, freq, start, TODAY)
        }

        fn fields(e: &ValidationErrors) -> Vec<&str> {
            e.0.iter().map(|f| f.field.as_str()).collect()
        }

        #[test]
        fn a_valid_contract_runs_ipt_m_monthly_from_today() {
            let c = contract(Some(12), None, None).unwrap();
            assert_eq!(c.protocol_id, "ipt-m");
            assert_eq!((c.planned_sessions, c.frequency), (12, Frequency::Monthly));
            assert_eq!((c.start_date, c.status), (TODAY, CourseStatus::Active));
            let c = contract(Some(6), Some(" twice_monthly "), Some("2026-04-07")).unwrap();
            assert_eq!((c.planned_sessions, c.frequency), (12, Frequency::TwiceMonthly));
            assert_eq!((c.start_date, c.status), (date!(2026 - 04 - 07), CourseStatus::Planned));
            assert_eq!(contract(Some(9), Some("weekly"), None).unwrap().planned_sessions, 36);
        }

        #[test]
        fn months_are_required_and_from_1_to_36() {
            // Keyed errors: the faces word them ("Enter how many months of maintenance were agreed").
            assert_eq!(contract(None, None, None).unwrap_err().for_field("months"), Some("ending-months-required"));
            assert!(contract(Some(1), None, None).is_ok());
            assert!(contract(Some(36), None, None).is_ok());
            for m in [0, 37, -1] {
                let e = contract(Some(m), None, None).unwrap_err();
                let key = e.first().and_then(|f| f.key.clone()).expect("keyed");
                assert_eq!((key.id, key.args), ("ending-months-range", vec![("months", KeyArg::Number(m))]));
            }
        }

        #[test]
        fn the_sessions_must_fit_the_protocol() {
            let e = contract(Some(12), Some("weekly"), None).unwrap_err();
            assert_eq!(
                e.for_field("months"),
                Some("12 months at this frequency is 48 sessions; Maintenance IPT (IPT-M) allows 1-36")
            );
        }

        #[test]
        fn frequency_and_start_are_checked() {
            let e = contract(Some(6), Some("daily"), None).unwrap_err();
            assert_eq!(fields(&e), ["frequency"]);
            assert_eq!(e.for_field("frequency"), Some("Frequency must be weekly, twice_monthly or monthly"));
            let e = contract(None, Some("daily"), None).unwrap_err();
            assert_eq!(fields(&e), ["frequency", "months"]);
            assert_eq!(fields(&contract(Some(6), None, Some("next week")).unwrap_err()), ["start_date"]);
        }

        #[test]
        fn maintenance_runs_ipt_m() {
            assert_eq!(maintenance_protocol(&ProtocolSet::shipped()).unwrap().id, "ipt-m");
        }
    }

    #[test]
    fn review_normalises_lists_and_checks_fields() {
        let r = EndingReview {
            warning_signs: vec!["  Sleeping badly ".into(), "".into(), "Avoiding my sister".into()],
            follow_up_months: vec![12, 3, 6, 3],
            ending_raised_on: Some("2026-03-02".into()),
            ..Default::default()
        }
        .validate()
        .unwrap();
        assert_eq!(r.warning_signs, vec!["Sleeping badly", "Avoiding my sister"]);
        assert_eq!(r.follow_up_months, vec![3, 6, 12]);
        let e = EndingReview { ending_raised_on: Some("March".into()), ..Default::default() }.validate().unwrap_err();
        assert!(e.for_field("ending_raised_on").is_some());
        let e = EndingReview { follow_up_months: vec![0], ..Default::default() }.validate().unwrap_err();
        assert!(e.for_field("follow_up_months").is_some());
        let e = EndingReview { warning_signs: vec!["x".into(); 21], ..Default::default() }.validate().unwrap_err();
        assert!(e.for_field("warning_signs").is_some());
    }

    #[test]
    fn months_and_maintenance_length() {
        assert_eq!(parse_months("3, 6,12").unwrap(), vec![3, 6, 12]);
        assert!(parse_months("three").is_err());
        assert_eq!(maintenance_sessions(12, Frequency::Monthly), 12);
        assert_eq!(maintenance_sessions(6, Frequency::TwiceMonthly), 12);
        assert_eq!(lines(" a \n\n b "), vec!["a", "b"]);
    }
    #[test]
    fn completing_needs_a_review_or_a_visible_reason() {
        let base = Completion { end_measure_taken: true, measures_url: "/m", ..Default::default() };
        let e = check_completion(&base).unwrap_err();
        assert!(e.for_field("skip_review_reason").is_some());
        for blank in ["   ", "\u{200B}\u{FEFF}", "\t\n"] {
            let c = Completion { skip_review_reason: Some(blank), ..base.clone() };
            assert!(check_completion(&c).unwrap_err().for_field("skip_review_reason").is_some(), "{blank:?}");
        }
        let c = Completion { skip_review_reason: Some(" Client moved away "), ..base.clone() };
        assert_eq!(check_completion(&c).unwrap().as_deref(), Some("Ending review skipped: Client moved away"));
        let c = Completion { has_review: true, ..base.clone() };
        assert_eq!(check_completion(&c).unwrap(), None);
    }

    #[test]
    fn completing_under_stuart_needs_the_maintenance_decision() {
        let done = Completion { has_review: true, end_measure_taken: true, measures_url: "/m", ..Default::default() };
        assert_eq!(check_completion(&done).unwrap(), None);
        let undecided = Completion { maintenance_undecided: true, ..done.clone() };
        let e = check_completion(&undecided).unwrap_err();
        assert!(e.for_field("maintenance").unwrap().contains("maintenance decision"));
        // Confirming the rest does not lift it.
        let all = Completion {
            skip_review_reason: Some("moved"),
            confirm_no_end_measure: true,
            no_end_measure_reason: Some("declined"),
            ..undecided.clone()
        };
        assert!(check_completion(&all).unwrap_err().for_field("maintenance").is_some());
        // The shipped Stuart protocol asks for it; the others do not.
        let set = crate::protocol::ProtocolSet::shipped();
        assert!(set.get("ipt-stuart").unwrap().maintenance_discussion);
        for id in ["ipt-individual", "ipt-brief", "ipc", "ipt-a"] {
            assert!(!set.get(id).unwrap().maintenance_discussion, "{id}");
        }
    }

    #[test]
    fn completing_without_an_end_measure_needs_confirming_with_a_reason() {
        let base = Completion { has_review: true, measures_url: "/clients/x/measures", ..Default::default() };
        let e = check_completion(&base).unwrap_err();
        assert!(e.for_field("end_measure").unwrap().contains("/clients/x/measures"));
        let c = Completion { no_end_measure_reason: Some("declined"), ..base.clone() };
        assert!(
            check_completion(&c).unwrap_err().for_field("end_measure").is_some(),
            "a reason alone is not a confirmation"
        );
        let c = Completion { confirm_no_end_measure: true, no_end_measure_reason: Some("\u{200B}"), ..base.clone() };
        assert!(check_completion(&c).unwrap_err().for_field("no_end_measure_reason").is_some());
        let c = Completion { confirm_no_end_measure: true, no_end_measure_reason: Some("declined"), ..base.clone() };
        assert_eq!(check_completion(&c).unwrap().as_deref(), Some("No end-of-treatment measure: declined"));
        let c = Completion { skip_review_reason: Some("moved"), has_review: false, ..c };
        assert_eq!(
            check_completion(&c).unwrap().as_deref(),
            Some("Ending review skipped: moved; No end-of-treatment measure: declined")
        );
    }

    #[test]
    fn the_end_measure_is_one_in_the_last_two_session_windows() {
        use time::macros::date;
        let held = [date!(2026 - 03 - 01), date!(2026 - 03 - 08), date!(2026 - 03 - 15), date!(2026 - 03 - 22)];
        // Windows of the last two: after 03-08 up to 03-22.
        assert!(!end_measure_taken(&held, &[]));
        assert!(!end_measure_taken(&held, &[date!(2026 - 03 - 08), date!(2026 - 03 - 01)]));
        assert!(end_measure_taken(&held, &[date!(2026 - 03 - 09)]));
        assert!(end_measure_taken(&held, &[date!(2026 - 03 - 22)]));
        assert!(end_measure_taken(&held, &[date!(2026 - 03 - 25)]), "a late response counts");
        assert!(end_measure_taken(&held[..2], &[date!(2026 - 02 - 01)]), "two sessions: from the start");
        assert!(!end_measure_taken(&[], &[]));
    }

    #[test]
    fn months_are_added_on_the_calendar() {
        use time::macros::date;
        assert_eq!(add_months(date!(2026 - 01 - 31), 1), date!(2026 - 02 - 28));
        assert_eq!(add_months(date!(2026 - 11 - 15), 3), date!(2027 - 02 - 15));
        assert_eq!(add_months(date!(2024 - 02 - 29), 12), date!(2025 - 02 - 28));
        assert_eq!(add_months(date!(2026 - 05 - 05), 0), date!(2026 - 05 - 05));
    }

    #[test]
    fn follow_ups_are_due_from_their_date_until_answered() {
        use time::macros::date;
        let ended = date!(2026 - 01 - 10);
        let inst = vec!["phq9".to_string(), "gad7".to_string()];
        let due = |today, r: &[(String, Date)]| follow_ups_due(ended, &[6, 1, 3], &inst, r, today);
        assert!(due(date!(2026 - 02 - 09), &[]).is_empty(), "not before the date");
        let d = due(date!(2026 - 02 - 10), &[]);
        assert_eq!(d, vec![FollowUpDue { months: 1, due_from: date!(2026 - 02 - 10), instruments: inst.clone() }]);
        // A response before the date does not count; one on the date does, per instrument.
        let r = vec![("phq9".to_string(), date!(2026 - 02 - 09)), ("gad7".to_string(), date!(2026 - 02 - 10))];
        assert_eq!(due(date!(2026 - 02 - 11), &r)[0].instruments, vec!["phq9".to_string()]);
        let r = vec![("phq9".to_string(), date!(2026 - 02 - 12)), ("gad7".to_string(), date!(2026 - 02 - 10))];
        assert!(due(date!(2026 - 02 - 12), &r).is_empty());
        // Later, the 3-month one comes due; the 1-month one stays answered.
        let d = due(date!(2026 - 04 - 10), &r);
        assert_eq!(d.iter().map(|f| (f.months, f.due_from)).collect::<Vec<_>>(), vec![(3, date!(2026 - 04 - 10))]);
        assert_eq!(due(date!(2026 - 08 - 01), &[]).iter().map(|f| f.months).collect::<Vec<_>>(), vec![1, 3, 6]);
    }

    #[test]
    fn maintenance_starts_four_weeks_after_the_planned_end_and_not_before_tomorrow() {
        let d = |s: &str| crate::time::parse_date(s).unwrap();
        assert_eq!(suggested_maintenance_start(d("2026-03-01"), d("2026-02-01")), d("2026-03-29"));
        assert_eq!(suggested_maintenance_start(d("2026-03-01"), d("2026-03-28")), d("2026-03-29"));
        assert_eq!(suggested_maintenance_start(d("2026-03-01"), d("2026-05-01")), d("2026-05-02"));
    }
}
