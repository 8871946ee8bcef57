//! The rules for what a clinician records on a course (courses.md): a status
//! change and what completing needs, an initial-phase checklist entry, and a
//! session. Every face (staff pages, the JSON API) checks its input here;
//! errors name the form's fields.

use crate::course::{add_worded, session_within_course, Attendance, CourseStatus, Modality, NewTherapySession};
use crate::ending::{check_completion, Completion};
use crate::msg;
use crate::protocol::ChecklistItem;
use crate::time::parse_date;
use crate::validation::{check_plausible, optional_text, ValidationErrors};
use time::Date;

// ---------------------------------------------------------------- status

/// Validates a status change: a closing status, with a reason where it needs one.
pub fn validate_status(status: &str, reason: Option<&str>) -> Result<(CourseStatus, Option<String>), ValidationErrors> {
    let mut e = ValidationErrors::new();
    let s = CourseStatus::parse(status.trim());
    let s = match s {
        Some(s) => s,
        None => {
            add_worded(
                &mut e,
                "status",
                "Choose completed, ended_early, transferred or active",
                crate::msg("course-error-status"),
                vec![],
            );
            return Err(e);
        }
    };
    let reason = optional_text(&mut e, "reason", msg("field-reason"), reason, 2000);
    if s.needs_reason() && reason.is_none() && e.is_empty() {
        add_worded(
            &mut e,
            "reason",
            format!("Give the reason the course was {}", s.label().to_lowercase()),
            crate::msg("course-error-status-reason"),
            vec![("status", s.as_str().into())],
        );
    }
    if s == CourseStatus::Planned {
        add_worded(
            &mut e,
            "status",
            "A course cannot be set back to planned",
            crate::msg("course-error-back-to-planned"),
            vec![],
        );
    }
    e.into_result()?;
    Ok((s, reason))
}

/// Whether changing a course from `current` to `target` must meet what
/// completing needs (`complete_status_change`): completing a course that is
/// not completed yet.
pub fn completion_required(current: CourseStatus, target: CourseStatus) -> bool {
    target == CourseStatus::Completed && current != CourseStatus::Completed
}

/// What a completion brings besides the status (page and API).
#[derive(Clone, Debug, Default)]
pub struct CompletionFields<'a> {
    pub skip_review_reason: Option<&'a str>,
    pub confirm_no_end_measure: bool,
    pub no_end_measure_reason: Option<&'a str>,
}

/// What the store knows about a course being completed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CompletionFacts {
    /// An ending review was saved.
    pub has_review: bool,
    /// One of the scheduled questionnaires was completed in the last two held
    /// sessions (`ending::end_measure_taken`).
    pub end_measure_taken: bool,
    /// The protocol asks for the maintenance discussion before completion
    /// (`Protocol::maintenance_discussion`) and the ending review has no
    /// maintenance decision yet (none saved, or "not decided").
    pub maintenance_undecided: bool,
}

/// A status change validated by `validate_status` that completes the course
/// (`completion_required`): checks what completing needs; on success, the
/// reason to record (the status reason, then any skipped review or measure,
/// joined by "; "). `measures_url` is named in the `end_measure` message.
pub fn complete_status_change(
    status: CourseStatus,
    reason: Option<String>,
    fields: &CompletionFields,
    facts: CompletionFacts,
    measures_url: &str,
) -> Result<(CourseStatus, Option<String>), ValidationErrors> {
    let recorded = check_completion(&Completion {
        has_review: facts.has_review,
        skip_review_reason: fields.skip_review_reason,
        end_measure_taken: facts.end_measure_taken,
        confirm_no_end_measure: fields.confirm_no_end_measure,
        no_end_measure_reason: fields.no_end_measure_reason,
        maintenance_undecided: facts.maintenance_undecided,
        measures_url,
    })?;
    let all: Vec<String> = reason.into_iter().chain(recorded).collect();
    Ok((status, (!all.is_empty()).then(|| all.join("; "))))
}

// ---------------------------------------------------------------- checklist

/// Medication evaluation outcomes (ipt-model.md 3.2 item 4).
pub const MEDICATION_OPTIONS: [(&str, &str); 3] =
    [("not_needed", "Not needed"), ("referred", "Referred for evaluation"), ("already_on", "Already on medication")];

/// The label of a medication outcome (an unknown key is shown as it is).
pub fn medication_label(key: &str) -> &str {
    MEDICATION_OPTIONS.iter().find(|(k, _)| *k == key).map(|(_, l)| *l).unwrap_or(key)
}

/// The interface message naming a medication outcome (None: an unknown key).
pub fn medication_message(key: &str) -> Option<&'static str> {
    Some(match key {
        "not_needed" => crate::msg("course-medication-not-needed"),
        "referred" => crate::msg("course-medication-referred"),
        "already_on" => crate::msg("course-medication-already-on"),
        _ => return None,
    })
}

/// A validated checklist entry: (date, detail, code, note).
pub type ChecklistValues = (Date, Option<String>, Option<String>, Option<String>);

/// Validates an initial-phase checklist entry: done today or on a past date;
/// the symptom review records the diagnosis (code optional), the medication
/// item one of `MEDICATION_OPTIONS`.
pub fn validate_checklist(
    item: ChecklistItem,
    done_on: Option<&str>,
    detail: Option<&str>,
    code: Option<&str>,
    note: Option<&str>,
    today: Date,
) -> Result<ChecklistValues, ValidationErrors> {
    let mut e = ValidationErrors::new();
    let date = match done_on.map(str::trim).filter(|s| !s.is_empty()) {
        None => today,
        Some(s) => match parse_date(s) {
            Some(d) if d <= today => {
                check_plausible(&mut e, "done_on", msg("field-the-date"), d, today).unwrap_or(today)
            }
            Some(_) => {
                add_worded(
                    &mut e,
                    "done_on",
                    "The date cannot be in the future",
                    crate::msg("course-error-done-future"),
                    vec![],
                );
                today
            }
            None => {
                add_worded(
                    &mut e,
                    "done_on",
                    "Date must be in the form YYYY-MM-DD",
                    crate::msg("course-error-done-format"),
                    vec![],
                );
                today
            }
        },
    };
    let detail = optional_text(&mut e, "detail", msg("field-detail"), detail, 2000);
    let code = optional_text(&mut e, "code", msg("field-diagnosis-code"), code, 20);
    let note = optional_text(&mut e, "note", msg("field-note"), note, 2000);
    match item {
        ChecklistItem::SymptomReview if detail.is_none() && e.for_field("detail").is_none() => add_worded(
            &mut e,
            "detail",
            "Record the diagnosis (the code is optional)",
            crate::msg("course-error-diagnosis"),
            vec![],
        ),
        ChecklistItem::Medication => match detail.as_deref() {
            Some(d) if MEDICATION_OPTIONS.iter().any(|(k, _)| *k == d) => {}
            _ => {
                let english = "Choose not needed, referred or already on medication";
                add_worded(&mut e, "detail", english, crate::msg("course-error-medication"), vec![])
            }
        },
        _ => {}
    }
    if let Some(c) = &code {
        if !c.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '.' || ch == '-' || ch == ' ') {
            let english = "A diagnosis code has letters, digits and dots only (e.g. F32.1 or 6A70.1)";
            add_worded(&mut e, "code", english, crate::msg("course-error-diagnosis-code"), vec![]);
        }
    }
    e.into_result()?;
    Ok((date, detail, code, note))
}

// ---------------------------------------------------------------- sessions

/// The fields `validate_session` may name in its errors.
pub const SESSION_FIELDS: [&str; 5] = ["date", "time", "modality", "attendance", "duration_minutes"];

/// Validates a session as typed in a form or sent to the API. `course` is the
/// course's start date and, once it has ended, its end: the session must fall
/// between them (`course::session_within_course`).
pub fn validate_session(
    date: Option<&str>,
    time: Option<&str>,
    modality: Option<&str>,
    attendance: Option<&str>,
    duration: Option<i64>,
    today: Date,
    course: (Date, Option<Date>),
) -> Result<NewTherapySession, ValidationErrors> {
    let mut e = ValidationErrors::new();
    let date = match date.map(str::trim).filter(|s| !s.is_empty()) {
        None => {
            add_worded(&mut e, "date", "Enter the session date", crate::msg("session-error-date-missing"), vec![]);
            today
        }
        Some(s) => match parse_date(s) {
            Some(d) => check_plausible(&mut e, "date", msg("field-the-session-date"), d, today)
                .and_then(|d| session_within_course(&mut e, "date", d, course.0, course.1))
                .unwrap_or(today),
            None => {
                add_worded(
                    &mut e,
                    "date",
                    "Date must be in the form YYYY-MM-DD",
                    crate::msg("session-error-date-format"),
                    vec![],
                );
                today
            }
        },
    };
    let time = time.map(str::trim).unwrap_or_default().to_string();
    let valid_time = time.is_empty()
        || (time.len() == 5
            && time.as_bytes()[2] == b':'
            && time[..2].parse::<u8>().is_ok_and(|h| h < 24)
            && time[3..].parse::<u8>().is_ok_and(|m| m < 60));
    if !valid_time {
        add_worded(
            &mut e,
            "time",
            "Time must be in the form HH:MM (24-hour)",
            crate::msg("session-error-time"),
            vec![],
        );
    }
    let modality = match modality.map(str::trim).filter(|s| !s.is_empty()) {
        None => Modality::InPerson,
        Some(m) => Modality::parse(m).unwrap_or_else(|| {
            add_worded(
                &mut e,
                "modality",
                "Modality must be in_person, video or phone",
                crate::msg("session-error-modality"),
                vec![],
            );
            Modality::InPerson
        }),
    };
    let attendance = match attendance.map(str::trim).filter(|s| !s.is_empty()) {
        None => {
            add_worded(
                &mut e,
                "attendance",
                "Record whether the session was attended, cancelled or a no-show",
                crate::msg("session-error-attendance-missing"),
                vec![],
            );
            Attendance::Attended
        }
        Some(a) => Attendance::parse(a).unwrap_or_else(|| {
            add_worded(
                &mut e,
                "attendance",
                "Attendance must be attended, cancelled, no_show or scheduled",
                crate::msg("session-error-attendance"),
                vec![],
            );
            Attendance::Attended
        }),
    };
    if e.for_field("date").is_none() && e.for_field("attendance").is_none() {
        if attendance == Attendance::Attended && date > today {
            let english = "A session in the future cannot have been attended yet; record it as scheduled";
            add_worded(&mut e, "date", english, crate::msg("session-error-future-attended"), vec![]);
        }
        if attendance == Attendance::Scheduled && date < today {
            let english = "A past session was attended, cancelled or a no-show";
            add_worded(&mut e, "attendance", english, crate::msg("session-error-past-scheduled"), vec![]);
        }
    }
    let duration_minutes = match duration {
        None => None,
        Some(m) if (1..=480).contains(&m) => Some(m as u32),
        Some(m) => {
            add_worded(
                &mut e,
                "duration_minutes",
                format!("Duration must be 1-480 minutes (got {m})"),
                crate::msg("session-error-duration"),
                vec![("got", m.into())],
            );
            None
        }
    };
    e.into_result()?;
    Ok(NewTherapySession { date, time, modality, attendance, duration_minutes, engagement: false })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 03 - 10);
    const START: Date = date!(2026 - 01 - 05);

    fn fields(e: &ValidationErrors) -> Vec<&str> {
        e.0.iter().map(|f| f.field.as_str()).collect()
    }

    // ------------------------------------------------------------ status

    #[test]
    fn closing_statuses_and_active_are_accepted() {
        assert_eq!(validate_status("completed", None).unwrap(), (CourseStatus::Completed, None));
        assert_eq!(validate_status(" active ", Some("  ")).unwrap(), (CourseStatus::Active, None));
        assert_eq!(
            validate_status("ended_early", Some(" moved away ")).unwrap(),
            (CourseStatus::EndedEarly, Some("moved away".into()))
        );
        assert_eq!(validate_status("transferred", Some("to Dr B")).unwrap().0, CourseStatus::Transferred);
    }

    #[test]
    fn an_unknown_status_names_the_status_field_only() {
        let e = validate_status("finished", Some("x".repeat(3000).as_str())).unwrap_err();
        assert_eq!(fields(&e), ["status"]);
        assert_eq!(e.for_field("status"), Some("Choose completed, ended_early, transferred or active"));
        assert_eq!(fields(&validate_status("", None).unwrap_err()), ["status"]);
    }

    #[test]
    fn ending_early_or_transferring_needs_a_reason() {
        let e = validate_status("ended_early", None).unwrap_err();
        assert_eq!(e.for_field("reason"), Some("Give the reason the course was ended early"));
        let e = validate_status("transferred", Some(" ")).unwrap_err();
        assert_eq!(e.for_field("reason"), Some("Give the reason the course was transferred"));
    }

    #[test]
    fn a_reason_is_at_most_2000_characters() {
        assert!(validate_status("ended_early", Some("x".repeat(2000).as_str())).is_ok());
        let e = validate_status("ended_early", Some("x".repeat(2001).as_str())).unwrap_err();
        assert_eq!(fields(&e), ["reason"], "too long, not also missing");
        assert_eq!(e.for_field("reason"), Some("Reason must be at most 2000 characters"));
    }

    #[test]
    fn a_course_is_never_set_back_to_planned() {
        let e = validate_status("planned", None).unwrap_err();
        assert_eq!(e.for_field("status"), Some("A course cannot be set back to planned"));
    }

    #[test]
    fn only_completing_an_uncompleted_course_checks_completion() {
        use CourseStatus::*;
        for current in CourseStatus::ALL {
            for target in CourseStatus::ALL {
                assert_eq!(completion_required(current, target), target == Completed && current != Completed);
            }
        }
    }

    #[test]
    fn completing_records_what_was_skipped_after_the_reason() {
        let facts = CompletionFacts { has_review: true, end_measure_taken: true, maintenance_undecided: false };
        let done = complete_status_change(CourseStatus::Completed, None, &CompletionFields::default(), facts, "/m");
        assert_eq!(done.unwrap(), (CourseStatus::Completed, None));
        let fields = CompletionFields {
            skip_review_reason: Some("client declined"),
            confirm_no_end_measure: true,
            no_end_measure_reason: Some("no contact"),
        };
        let (s, r) = complete_status_change(
            CourseStatus::Completed,
            Some("goals met".into()),
            &fields,
            Default::default(),
            "/m",
        )
        .unwrap();
        assert_eq!(s, CourseStatus::Completed);
        assert_eq!(
            r.as_deref(),
            Some("goals met; Ending review skipped: client declined; No end-of-treatment measure: no contact")
        );
    }

    #[test]
    fn completing_without_review_or_end_measure_names_both() {
        let e = complete_status_change(
            CourseStatus::Completed,
            None,
            &CompletionFields::default(),
            CompletionFacts::default(),
            "/clients/c/measures?course=k",
        )
        .unwrap_err();
        assert_eq!(fields(&e), ["skip_review_reason", "end_measure"]);
        assert!(e.for_field("end_measure").unwrap().contains("/clients/c/measures?course=k"));
        let confirmed = CompletionFields { confirm_no_end_measure: true, ..Default::default() };
        let facts = CompletionFacts { has_review: true, end_measure_taken: false, maintenance_undecided: false };
        let e = complete_status_change(CourseStatus::Completed, None, &confirmed, facts, "/m").unwrap_err();
        assert_eq!(fields(&e), ["no_end_measure_reason"]);
    }

    // ------------------------------------------------------------ checklist

    #[test]
    fn a_checklist_item_defaults_to_today() {
        let v = validate_checklist(ChecklistItem::SickRole, None, None, None, Some(" n "), TODAY).unwrap();
        assert_eq!(v, (TODAY, None, None, Some("n".into())));
        let v = validate_checklist(ChecklistItem::SickRole, Some(" "), None, None, None, TODAY).unwrap();
        assert_eq!(v.0, TODAY);
        let v = validate_checklist(ChecklistItem::SickRole, Some("2026-03-10"), None, None, None, TODAY).unwrap();
        assert_eq!(v.0, TODAY, "today itself is allowed");
    }

    #[test]
    fn a_checklist_date_is_past_well_formed_and_plausible() {
        let check = |d| validate_checklist(ChecklistItem::SickRole, Some(d), None, None, None, TODAY);
        assert_eq!(check("2026-03-11").unwrap_err().for_field("done_on"), Some("The date cannot be in the future"));
        assert_eq!(check("10/03/2026").unwrap_err().for_field("done_on"), Some("Date must be in the form YYYY-MM-DD"));
        assert_eq!(fields(&check("1899-12-31").unwrap_err()), ["done_on"]);
        assert_eq!(check("1900-01-01").unwrap().0, date!(1900 - 01 - 01));
    }

    #[test]
    fn the_symptom_review_records_a_diagnosis() {
        let e = validate_checklist(ChecklistItem::SymptomReview, None, None, Some("F32.1"), None, TODAY).unwrap_err();
        assert_eq!(e.for_field("detail"), Some("Record the diagnosis (the code is optional)"));
        let v = validate_checklist(ChecklistItem::SymptomReview, None, Some("Depression"), Some("6A70.1"), None, TODAY)
            .unwrap();
        assert_eq!((v.1.as_deref(), v.2.as_deref()), (Some("Depression"), Some("6A70.1")));
        let long = "x".repeat(2001);
        let e = validate_checklist(ChecklistItem::SymptomReview, None, Some(&long), None, None, TODAY).unwrap_err();
        assert_eq!(fields(&e), ["detail"], "too long, not also missing");
    }

    #[test]
    fn a_diagnosis_code_has_letters_digits_and_dots() {
        let check = |c: &str| validate_checklist(ChecklistItem::SymptomReview, None, Some("d"), Some(c), None, TODAY);
        assert!(check("F32.1").is_ok() && check("6A70-1 x").is_ok());
        assert_eq!(fields(&check("F32;1").unwrap_err()), ["code"]);
        let long = "F".repeat(21);
        assert_eq!(fields(&check(&long).unwrap_err()), ["code"]);
        assert!(check(&"F".repeat(20)).is_ok());
    }

    #[test]
    fn the_medication_item_is_one_of_three_outcomes() {
        for (k, _) in MEDICATION_OPTIONS {
            assert!(validate_checklist(ChecklistItem::Medication, None, Some(k), None, None, TODAY).is_ok());
        }
        for detail in [None, Some("maybe")] {
            let e = validate_checklist(ChecklistItem::Medication, None, detail, None, None, TODAY).unwrap_err();
            assert_eq!(e.for_field("detail"), Some("Choose not needed, referred or already on medication"));
        }
        assert_eq!(medication_label("referred"), "Referred for evaluation");
        assert_eq!(medication_label("other"), "other");
    }

    #[test]
    fn a_note_is_at_most_2000_characters() {
        let long = "x".repeat(2001);
        let e = validate_checklist(ChecklistItem::Contract, None, None, None, Some(&long), TODAY).unwrap_err();
        assert_eq!(fields(&e), ["note"]);
    }

    // ------------------------------------------------------------ sessions

    fn session(
        date: &str,
        time: &str,
        modality: &str,
        attendance: &str,
        duration: Option<i64>,
    ) -> Result<NewTherapySession, ValidationErrors> {
        validate_session(Some(date), Some(time), Some(modality), Some(attendance), duration, TODAY, (START, None))
    }

    #[test]
    fn a_valid_session() {
        let s = session(" 2026-03-09 ", " 10:30 ", "video", "attended", Some(50)).unwrap();
        assert_eq!(
            s,
            NewTherapySession {
                date: date!(2026 - 03 - 09),
                time: "10:30".into(),
                modality: Modality::Video,
                attendance: Attendance::Attended,
                duration_minutes: Some(50),
                engagement: false,
            }
        );
        let s = validate_session(Some("2026-03-10"), None, None, Some("no_show"), None, TODAY, (START, None)).unwrap();
        assert_eq!((s.time.as_str(), s.modality, s.duration_minutes), ("", Modality::InPerson, None));
    }

    #[test]
    fn a_session_needs_a_well_formed_date_within_its_course() {
        assert_eq!(
            session("", "", "", "attended", None).unwrap_err().for_field("date"),
            Some("Enter the session date")
        );
        assert_eq!(
            session("9 March", "", "", "attended", None).unwrap_err().for_field("date"),
            Some("Date must be in the form YYYY-MM-DD")
        );
        assert_eq!(
            session("2026-01-04", "", "", "attended", None).unwrap_err().for_field("date"),
            Some("The session date cannot be before the course started (2026-01-05)")
        );
        assert!(session("2026-01-05", "", "", "attended", None).is_ok(), "the start date itself");
        let ended = validate_session(
            Some("2026-03-02"),
            None,
            None,
            Some("attended"),
            None,
            TODAY,
            (START, Some(date!(2026 - 03 - 01))),
        );
        assert_eq!(fields(&ended.unwrap_err()), ["date"]);
        assert_eq!(fields(&session("2029-01-01", "", "", "scheduled", None).unwrap_err()), ["date"]);
    }

    #[test]
    fn a_time_is_hh_mm_on_the_24_hour_clock() {
        for ok in ["", "00:00", "23:59", "09:05"] {
            assert!(session("2026-03-09", ok, "", "attended", None).is_ok(), "{ok}");
        }
        for bad in ["24:00", "12:60", "9:05", "09.05", "0905", "09:5", "ab:cd", "09:05:00", "é:00"] {
            let e = session("2026-03-09", bad, "", "attended", None).unwrap_err();
            assert_eq!(e.for_field("time"), Some("Time must be in the form HH:MM (24-hour)"), "{bad}");
        }
    }

    #[test]
    fn modality_and_attendance_are_known_values() {
        let e = session("2026-03-09", "", "carrier pigeon", "attended", None).unwrap_err();
        assert_eq!(fields(&e), ["modality"]);
        let e = validate_session(Some("2026-03-09"), None, None, None, None, TODAY, (START, None)).unwrap_err();
        assert_eq!(e.for_field("attendance"), Some("Record whether the session was attended, cancelled or a no-show"));
        let e = session("2026-03-09", "", "", "late", None).unwrap_err();
        assert_eq!(e.for_field("attendance"), Some("Attendance must be attended, cancelled, no_show or scheduled"));
    }

    #[test]
    fn attendance_agrees_with_the_date() {
        let e = session("2026-03-11", "", "", "attended", None).unwrap_err();
        assert_eq!(fields(&e), ["date"]);
        assert!(session("2026-03-11", "", "", "scheduled", None).is_ok());
        assert!(session("2026-03-10", "", "", "scheduled", None).is_ok(), "today may still be scheduled");
        assert!(session("2026-03-10", "", "", "attended", None).is_ok());
        let e = session("2026-03-09", "", "", "scheduled", None).unwrap_err();
        assert_eq!(e.for_field("attendance"), Some("A past session was attended, cancelled or a no-show"));
        // A bad date is not also reported as disagreeing with the attendance.
        assert_eq!(fields(&session("2026-01-01", "", "", "scheduled", None).unwrap_err()), ["date"]);
    }

    #[test]
    fn a_duration_is_1_to_480_minutes() {
        assert_eq!(session("2026-03-09", "", "", "attended", Some(1)).unwrap().duration_minutes, Some(1));
        assert_eq!(session("2026-03-09", "", "", "attended", Some(480)).unwrap().duration_minutes, Some(480));
        for bad in [0, 481, -5] {
            let e = session("2026-03-09", "", "", "attended", Some(bad)).unwrap_err();
            assert_eq!(
                e.for_field("duration_minutes"),
                Some(format!("Duration must be 1-480 minutes (got {bad})").as_str())
            );
        }
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let e = session("x", "x", "x", "x", Some(0)).unwrap_err();
        assert_eq!(fields(&e), SESSION_FIELDS);
    }
}
