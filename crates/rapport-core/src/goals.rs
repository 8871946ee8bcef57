//! Treatment goals of a course (ipt-model.md 2.2, 3.4): the client's own words
//! and the clinician's wording, tied to a chosen problem area, with a target,
//! a due session or date, a status, and a 0-10 rating at sessions.
//!
//! Status rules: an open goal is `active`, or `revised` once its wording has
//! changed (the old wording is kept in `previous_wordings`); it closes as
//! `achieved` or `dropped`; a closed goal can only be reopened. The writer never
//! sets the wording history: it is carried from the stored goal.

use crate::msg;
use crate::records::{RecordBody, Scope};
use crate::time::{format_date, parse_date};
use crate::validation::{optional_text, KeyArg, ValidationErrors};
use serde::{Deserialize, Serialize};
use time::Date;

pub const RATING_MIN: i64 = 0;
pub const RATING_MAX: i64 = 10;
/// The fitted change over the ratings that counts as rising or falling.
pub const TREND_POINTS: f64 = 1.0;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalStatus {
    #[default]
    Active,
    Achieved,
    Revised,
    Dropped,
}

impl GoalStatus {
    pub const ALL: [GoalStatus; 4] =
        [GoalStatus::Active, GoalStatus::Achieved, GoalStatus::Revised, GoalStatus::Dropped];
    pub fn as_str(self) -> &'static str {
        match self {
            GoalStatus::Active => "active",
            GoalStatus::Achieved => "achieved",
            GoalStatus::Revised => "revised",
            GoalStatus::Dropped => "dropped",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
    pub fn label(self) -> &'static str {
        match self {
            GoalStatus::Active => "Active",
            GoalStatus::Achieved => "Achieved",
            GoalStatus::Revised => "Revised",
            GoalStatus::Dropped => "Dropped",
        }
    }
    /// The interface message naming the status (its label in the reader's language).
    pub fn message(self) -> &'static str {
        match self {
            GoalStatus::Active => crate::msg("goals-status-active"),
            GoalStatus::Achieved => crate::msg("goals-status-achieved"),
            GoalStatus::Revised => crate::msg("goals-status-revised"),
            GoalStatus::Dropped => crate::msg("goals-status-dropped"),
        }
    }
    /// Still being worked on (and rated at each session).
    pub fn is_open(self) -> bool {
        matches!(self, GoalStatus::Active | GoalStatus::Revised)
    }
}

/// A wording the goal had before it was revised.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PastWording {
    pub statement: String,
    pub clinician_wording: Option<String>,
    /// `YYYY-MM-DD` the wording was replaced.
    pub replaced_on: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Goal {
    /// A problem area chosen in the course's formulation.
    pub problem_area: String,
    /// The client's own words.
    pub statement: String,
    pub clinician_wording: Option<String>,
    /// What achieving it looks like.
    pub target: Option<String>,
    pub due_session: Option<u32>,
    /// `YYYY-MM-DD`
    pub due_date: Option<String>,
    pub status: GoalStatus,
    /// Why it was achieved, revised or dropped.
    pub status_note: Option<String>,
    /// Older wordings, oldest first.
    pub previous_wordings: Vec<PastWording>,
}

impl RecordBody for Goal {
    const KIND: &'static str = "goal";
    const SCOPE: Scope = Scope::Course;

    fn validate(self) -> Result<Self, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let g = clean(&mut e, self);
        e.into_result()?;
        Ok(g)
    }
}

/// A goal as typed: everything optional, due session as given.
#[derive(Clone, Debug, Default)]
pub struct GoalInput {
    pub problem_area: Option<String>,
    pub statement: Option<String>,
    pub clinician_wording: Option<String>,
    pub target: Option<String>,
    pub due_session: Option<i64>,
    pub due_date: Option<String>,
    pub status: Option<String>,
    pub status_note: Option<String>,
}

impl GoalInput {
    /// The input that leaves `g` as it is (for partial updates).
    pub fn from_goal(g: &Goal) -> GoalInput {
        GoalInput {
            problem_area: Some(g.problem_area.clone()),
            statement: Some(g.statement.clone()),
            clinician_wording: g.clinician_wording.clone(),
            target: g.target.clone(),
            due_session: g.due_session.map(i64::from),
            due_date: g.due_date.clone(),
            status: Some(g.status.as_str().to_string()),
            status_note: g.status_note.clone(),
        }
    }
}

fn clean(e: &mut ValidationErrors, g: Goal) -> Goal {
    Goal {
        problem_area: g.problem_area.trim().to_string(),
        statement: optional_text(e, "statement", msg("field-goal-in-the-clients-words"), Some(&g.statement), 500)
            .unwrap_or_default(),
        clinician_wording: optional_text(
            e,
            "clinician_wording",
            msg("field-clinicians-wording"),
            g.clinician_wording.as_deref(),
            500,
        ),
        target: optional_text(e, "target", msg("field-target"), g.target.as_deref(), 500),
        due_session: g.due_session,
        due_date: g.due_date,
        status: g.status,
        status_note: optional_text(e, "status_note", msg("field-note-on-the-status"), g.status_note.as_deref(), 1000),
        previous_wordings: g.previous_wordings,
    }
}

/// Checks a typed goal against the course: the area must be one of `areas`
/// (the formulation's chosen areas, unless it is the goal's current area), the
/// due session within `max_session`, the due date a date.
fn parse_input(
    e: &mut ValidationErrors,
    input: &GoalInput,
    areas: &[String],
    current_area: Option<&str>,
    max_session: u32,
) -> Goal {
    let area = input.problem_area.as_deref().map(str::trim).unwrap_or_default().to_string();
    if area.is_empty() {
        if areas.is_empty() {
            e.add_key("problem_area", crate::msg("goals-error-areas-first"), vec![]);
        } else {
            e.add_key("problem_area", crate::msg("goals-error-choose-area"), vec![("areas", areas.join(", ").into())]);
        }
    } else if current_area != Some(area.as_str()) && !areas.contains(&area) {
        if areas.is_empty() {
            e.add_key("problem_area", crate::msg("goals-error-no-areas"), vec![]);
        } else {
            e.add_key(
                "problem_area",
                crate::msg("goals-error-area-not-chosen"),
                vec![("area", format!("{area:?}").into()), ("areas", areas.join(", ").into())],
            );
        }
    }
    let statement = input.statement.clone().unwrap_or_default();
    if statement.trim().is_empty() {
        e.add_key("statement", crate::msg("goals-error-statement"), vec![]);
    }
    let due_session = match input.due_session {
        None => None,
        Some(n) if n >= 1 && n <= i64::from(max_session) => Some(n as u32),
        Some(n) => {
            e.add_key(
                "due_session",
                crate::msg("goals-error-due-session"),
                vec![("max", KeyArg::Number(i64::from(max_session))), ("got", KeyArg::Number(n))],
            );
            None
        }
    };
    let due_date = match input.due_date.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => match parse_date(s) {
            Some(d) => {
                let today = crate::Timestamp::now().date();
                crate::validation::check_plausible(e, "due_date", msg("field-due-date"), d, today).map(format_date)
            }
            None => {
                e.add_key("due_date", crate::msg("goals-error-due-date"), vec![]);
                None
            }
        },
    };
    let status = match input.status.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => GoalStatus::Active,
        Some(s) => GoalStatus::parse(s).unwrap_or_else(|| {
            e.add_key("status", crate::msg("goals-error-status"), vec![]);
            GoalStatus::Active
        }),
    };
    clean(
        e,
        Goal {
            problem_area: area,
            statement,
            clinician_wording: input.clinician_wording.clone(),
            target: input.target.clone(),
            due_session,
            due_date,
            status,
            status_note: input.status_note.clone(),
            previous_wordings: Vec::new(),
        },
    )
}

/// A new goal: active, in one of the chosen `areas`.
pub fn validate_new_goal(input: &GoalInput, areas: &[String], max_session: u32) -> Result<Goal, ValidationErrors> {
    let mut e = ValidationErrors::new();
    let g = parse_input(&mut e, input, areas, None, max_session);
    if e.for_field("status").is_none() && g.status != GoalStatus::Active {
        e.add_key("status", crate::msg("goals-error-new-is-active"), vec![]);
    }
    e.into_result()?;
    Ok(g)
}

/// Whether a goal may go from `from` to `to` (before the wording rule).
pub fn transition_allowed(from: GoalStatus, to: GoalStatus) -> bool {
    use GoalStatus::*;
    match (from, to) {
        (a, b) if a == b => true,
        (Active | Revised, _) => true,
        // A closed goal is reopened before it is closed another way or reworded.
        (Achieved | Dropped, Active | Revised) => true,
        _ => false,
    }
}

/// An update of `prev`: the status transition must be allowed; a change of
/// wording keeps the old wording (dated `today`) and makes an open goal
/// `revised`; `revised` cannot be asked for without a wording change; a closed
/// goal cannot be reworded unless it is reopened in the same change.
pub fn apply_goal_update(
    prev: &Goal,
    input: &GoalInput,
    areas: &[String],
    max_session: u32,
    today: Date,
) -> Result<Goal, ValidationErrors> {
    let mut e = ValidationErrors::new();
    let mut next = parse_input(&mut e, input, areas, Some(&prev.problem_area), max_session);
    next.previous_wordings = prev.previous_wordings.clone();
    if e.for_field("status").is_none() && !transition_allowed(prev.status, next.status) {
        e.add_key(
            "status",
            crate::msg("goals-error-reopen-first"),
            vec![("from", prev.status.as_str().into()), ("to", next.status.as_str().into())],
        );
    }
    let reworded = !next.statement.is_empty()
        && (next.statement != prev.statement || next.clinician_wording != prev.clinician_wording);
    if e.is_empty() {
        if reworded {
            if !next.status.is_open() && !prev.status.is_open() {
                e.add_key(
                    "statement",
                    crate::msg("goals-error-reopen-to-reword"),
                    vec![("status", prev.status.as_str().into())],
                );
            }
            next.previous_wordings.push(PastWording {
                statement: prev.statement.clone(),
                clinician_wording: prev.clinician_wording.clone(),
                replaced_on: format_date(today),
            });
        } else if next.status == GoalStatus::Revised && next.previous_wordings.is_empty() {
            e.add_key("status", crate::msg("goals-error-revised-needs-wording"), vec![]);
        }
        if next.status.is_open() {
            next.status = if next.previous_wordings.is_empty() { GoalStatus::Active } else { GoalStatus::Revised };
        }
    }
    e.into_result()?;
    Ok(next)
}

/// One rating of a goal at a session (the session is the record's placement).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalRating {
    /// 0 (not at all) to 10 (fully achieved).
    pub rating: u8,
}

impl RecordBody for GoalRating {
    const KIND: &'static str = "goal_rating";
    const SCOPE: Scope = Scope::Course;

    fn validate(self) -> Result<Self, ValidationErrors> {
        validate_rating(i64::from(self.rating)).map(|rating| GoalRating { rating })
    }
}

pub fn validate_rating(r: i64) -> Result<u8, ValidationErrors> {
    if (RATING_MIN..=RATING_MAX).contains(&r) {
        Ok(r as u8)
    } else {
        Err(ValidationErrors::single("rating", format!("Rating must be a whole number from 0 to 10 (got {r})")))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    Rising,
    Falling,
    Flat,
}

impl Trend {
    pub fn as_str(self) -> &'static str {
        match self {
            Trend::Rising => "rising",
            Trend::Falling => "falling",
            Trend::Flat => "flat",
        }
    }
}

/// The direction of ratings in session order: the least-squares line through
/// them rises or falls by at least `TREND_POINTS` over the ratings, or it is
/// flat. Fewer than two ratings have no trend.
pub fn trend(ratings: &[u8]) -> Option<Trend> {
    let n = ratings.len();
    if n < 2 {
        return None;
    }
    let nf = n as f64;
    let mean_x = (nf - 1.0) / 2.0;
    let mean_y = ratings.iter().map(|&r| f64::from(r)).sum::<f64>() / nf;
    let (mut sxy, mut sxx) = (0.0, 0.0);
    for (i, &r) in ratings.iter().enumerate() {
        let dx = i as f64 - mean_x;
        sxy += dx * (f64::from(r) - mean_y);
        sxx += dx * dx;
    }
    let change = sxy / sxx * (nf - 1.0);
    Some(if change >= TREND_POINTS - 1e-9 {
        Trend::Rising
    } else if change <= -TREND_POINTS + 1e-9 {
        Trend::Falling
    } else {
        Trend::Flat
    })
}

/// Text alternative of a sparkline: "ratings 2, 3, 5, 6 — rising".
pub fn describe_ratings(ratings: &[u8]) -> String {
    match ratings {
        [] => "no ratings yet".to_string(),
        [r] => format!("rating {r} — one rating so far"),
        _ => {
            let list: Vec<String> = ratings.iter().map(u8::to_string).collect();
            let t = trend(ratings).map(Trend::as_str).unwrap_or("flat");
            format!("ratings {} — {t}", list.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 03 - 10);

    fn areas() -> Vec<String> {
        vec!["role_dispute".into()]
    }

    fn input(statement: &str) -> GoalInput {
        GoalInput {
            problem_area: Some("role_dispute".into()),
            statement: Some(statement.into()),
            ..GoalInput::default()
        }
    }

    #[test]
    fn new_goals_need_words_and_a_chosen_area() {
        let g = validate_new_goal(&input("  Talk to Sam without shouting "), &areas(), 16).unwrap();
        assert_eq!(g.statement, "Talk to Sam without shouting");
        assert_eq!(g.status, GoalStatus::Active);
        let e = validate_new_goal(&input(" "), &areas(), 16).unwrap_err();
        assert!(e.for_field("statement").is_some());
        let mut x = input("x");
        x.problem_area = Some("grief".into());
        let e = validate_new_goal(&x, &areas(), 16).unwrap_err();
        assert_eq!(e.for_field("problem_area"), Some("goals-error-area-not-chosen"));
        assert_eq!(e.0[0].key.as_ref().unwrap().args[1], ("areas", KeyArg::Text("role_dispute".into())));
        let e = validate_new_goal(&input("x"), &[], 16).unwrap_err();
        assert_eq!(e.for_field("problem_area"), Some("goals-error-no-areas"));
        let mut x = input("x");
        x.due_session = Some(17);
        x.due_date = Some("next week".into());
        x.status = Some("achieved".into());
        let e = validate_new_goal(&x, &areas(), 16).unwrap_err();
        assert_eq!(e.0[0].key.as_ref().unwrap().args[0], ("max", KeyArg::Number(16)));
        assert!(e.for_field("due_date").is_some());
        assert!(e.for_field("status").is_some());
    }

    #[test]
    fn status_transitions() {
        use GoalStatus::*;
        for s in GoalStatus::ALL {
            assert!(transition_allowed(s, s));
            assert!(transition_allowed(Active, s));
            assert!(transition_allowed(Revised, s));
        }
        assert!(transition_allowed(Achieved, Active), "reopen");
        assert!(transition_allowed(Dropped, Active), "reopen");
        assert!(!transition_allowed(Achieved, Dropped));
        assert!(!transition_allowed(Dropped, Achieved));

        let goal = validate_new_goal(&input("Talk to Sam"), &areas(), 16).unwrap();
        let mut done = GoalInput::from_goal(&goal);
        done.status = Some("achieved".into());
        let achieved = apply_goal_update(&goal, &done, &areas(), 16, TODAY).unwrap();
        assert_eq!(achieved.status, Achieved);
        let mut drop = GoalInput::from_goal(&achieved);
        drop.status = Some("dropped".into());
        let e = apply_goal_update(&achieved, &drop, &areas(), 16, TODAY).unwrap_err();
        assert_eq!(e.for_field("status"), Some("goals-error-reopen-first"));
        let mut reword = GoalInput::from_goal(&achieved);
        reword.statement = Some("Something else".into());
        let e = apply_goal_update(&achieved, &reword, &areas(), 16, TODAY).unwrap_err();
        assert_eq!(e.for_field("statement"), Some("goals-error-reopen-to-reword"));
        reword.status = Some("active".into());
        let reopened = apply_goal_update(&achieved, &reword, &areas(), 16, TODAY).unwrap();
        assert_eq!(reopened.status, Revised, "reopened and reworded in one change");
    }

    #[test]
    fn revising_keeps_the_old_wording() {
        let goal = validate_new_goal(&input("Stop arguing"), &areas(), 16).unwrap();
        let mut asks_revised = GoalInput::from_goal(&goal);
        asks_revised.status = Some("revised".into());
        let e = apply_goal_update(&goal, &asks_revised, &areas(), 16, TODAY).unwrap_err();
        assert!(e.for_field("status").unwrap().contains("wording"));

        let mut reword = GoalInput::from_goal(&goal);
        reword.statement = Some("Say what I need calmly".into());
        reword.clinician_wording = Some("Direct, calm requests to partner".into());
        let revised = apply_goal_update(&goal, &reword, &areas(), 16, TODAY).unwrap();
        assert_eq!(revised.status, GoalStatus::Revised);
        assert_eq!(
            revised.previous_wordings,
            vec![PastWording {
                statement: "Stop arguing".into(),
                clinician_wording: None,
                replaced_on: "2026-03-10".into()
            }]
        );
        // Asking for "active" again keeps it marked revised; the history stays whatever the writer sends.
        let mut again = GoalInput::from_goal(&revised);
        again.status = Some("active".into());
        let same = apply_goal_update(&revised, &again, &areas(), 16, TODAY).unwrap();
        assert_eq!(same.status, GoalStatus::Revised);
        assert_eq!(same.previous_wordings.len(), 1);
        // The area may stay even after the formulation no longer lists it.
        assert!(apply_goal_update(&revised, &again, &[], 16, TODAY).is_ok());
    }

    #[test]
    fn rating_range() {
        assert_eq!(validate_rating(0).unwrap(), 0);
        assert_eq!(validate_rating(10).unwrap(), 10);
        assert!(validate_rating(-1).unwrap_err().for_field("rating").is_some());
        assert!(validate_rating(11).is_err());
        assert!(GoalRating { rating: 11 }.validate().is_err());
    }

    #[test]
    fn trend_words() {
        assert_eq!(trend(&[]), None);
        assert_eq!(trend(&[5]), None);
        assert_eq!(trend(&[2, 3, 5, 6]), Some(Trend::Rising));
        assert_eq!(trend(&[7, 6, 4, 2]), Some(Trend::Falling));
        assert_eq!(trend(&[5, 5, 5]), Some(Trend::Flat));
        assert_eq!(trend(&[5, 6]), Some(Trend::Rising), "one point over two ratings");
        assert_eq!(trend(&[2, 8, 2]), Some(Trend::Flat), "up and down again");
        assert_eq!(trend(&[4, 5, 4, 5]), Some(Trend::Flat), "fitted change 0.6");
        assert_eq!(trend(&[0, 10]), Some(Trend::Rising));
        assert_eq!(trend(&[10, 10, 0]), Some(Trend::Falling));
        assert_eq!(describe_ratings(&[2, 3, 5, 6]), "ratings 2, 3, 5, 6 — rising");
        assert_eq!(describe_ratings(&[4]), "rating 4 — one rating so far");
        assert_eq!(describe_ratings(&[]), "no ratings yet");
    }
}
