//! The termination phase (ipt-model.md 3.4): the ending review, relapse
//! warning signs with a coping plan, and the maintenance decision. One review
//! per course, versioned.

use crate::protocol::Frequency;
use crate::records::{RecordBody, Scope};
use crate::time::parse_date;
use crate::validation::{optional_text, ValidationErrors};
use serde::{Deserialize, Serialize};

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

fn list(e: &mut ValidationErrors, field: &str, label: &str, items: Vec<String>, max: usize) -> Vec<String> {
    let items: Vec<String> = items.into_iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
    if items.len() > max {
        e.add(field, format!("{label}: at most {max} items"));
    }
    for (i, s) in items.iter().enumerate() {
        if s.chars().count() > 500 {
            e.add(field, format!("{label}: item {} is longer than 500 characters", i + 1));
        }
    }
    items
}

impl RecordBody for EndingReview {
    const KIND: &'static str = "ending_review";
    const SCOPE: Scope = Scope::Course;

    fn validate(self) -> Result<Self, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let t =
            |e: &mut ValidationErrors, f: &str, l: &str, v: &Option<String>| optional_text(e, f, l, v.as_deref(), 4000);
        let ending_raised_on = match self.ending_raised_on.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => None,
            Some(d) if parse_date(d).is_some() => {
                let today = crate::Timestamp::now().date();
                crate::validation::check_plausible(
                    &mut e,
                    "ending_raised_on",
                    "Date",
                    parse_date(d).expect("parsed"),
                    today,
                )
                .map(|_| d.to_string())
            }
            Some(_) => {
                e.add("ending_raised_on", "Date must be in the form YYYY-MM-DD");
                None
            }
        };
        let review = EndingReview {
            ending_raised_on,
            feelings_about_ending: t(
                &mut e,
                "feelings_about_ending",
                "Feelings about the ending",
                &self.feelings_about_ending,
            ),
            progress_summary: t(&mut e, "progress_summary", "Progress summary", &self.progress_summary),
            area_progress: self
                .area_progress
                .into_iter()
                .filter(|a| !a.progress.trim().is_empty())
                .map(|a| AreaProgress { area: a.area.trim().to_string(), progress: a.progress.trim().to_string() })
                .collect(),
            client_contributions: t(&mut e, "client_contributions", "What helped", &self.client_contributions),
            warning_signs: list(&mut e, "warning_signs", "Warning signs", self.warning_signs, 20),
            coping_plan: t(&mut e, "coping_plan", "Coping plan", &self.coping_plan),
            supports: list(&mut e, "supports", "Supports", self.supports, 20),
            return_plan: t(&mut e, "return_plan", "Return plan", &self.return_plan),
            alternatives_discussed: t(
                &mut e,
                "alternatives_discussed",
                "Alternatives discussed",
                &self.alternatives_discussed,
            ),
            medication_plan: t(&mut e, "medication_plan", "Medication plan", &self.medication_plan),
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
