//! The structured exercises of the middle phase (ipt-model.md section 9):
//! communication analysis (replaying an exchange to find where the message
//! went wrong) and decision analysis (options, pros and cons, a choice and the
//! steps to carry it out). Both belong to a course and are linked to the
//! session they were done in and the problem area they serve.
//!
//! The session link lives in the body (not only a column) so that relinking a
//! worksheet to another session is kept in its history like any other edit.

use crate::msg;
use crate::protocol::Protocol;
use crate::records::{RecordBody, Scope};
use crate::timeline::code_enum;
use crate::validation::{date_field, optional_text, required_text, text_list, ValidationErrors};
use crate::Timestamp;
use serde::{Deserialize, Serialize};
use time::Date;

code_enum!(
    /// The two worksheet kinds (their codes are the record kinds).
    WorksheetKind {
        CommunicationAnalysis = "communication_analysis", "Communication analysis";
        DecisionAnalysis = "decision_analysis", "Decision analysis";
    }
);

code_enum!(
    /// Where a communication broke down (ipt-model.md 9.1; the list is from
    /// practice material and marked unverified there).
    CommunicationProblem {
        NonVerbal = "nonverbal", "Non-verbal or indirect signals instead of saying it";
        AssumedCommunicated = "assumed_communicated", "Assumed the message had got across";
        AssumedUnderstood = "assumed_understood", "Assumed they had understood the other";
        IndirectSpeech = "indirect_speech", "Needlessly indirect or ambiguous speech";
        Silence = "silence", "Silence or closing off";
        Hostile = "hostile", "Openly hostile communication";
    }
);

/// What a worksheet is checked against: the course's protocol (problem
/// areas), the course's sessions and today's date.
impl WorksheetKind {
    /// The kind's name in the reader's language.
    pub fn message(self) -> &'static str {
        match self {
            WorksheetKind::CommunicationAnalysis => crate::msg("worksheet-kind-communication"),
            WorksheetKind::DecisionAnalysis => crate::msg("worksheet-kind-decision"),
        }
    }

    /// "New communication analysis", in the reader's language.
    pub fn new_message(self) -> &'static str {
        match self {
            WorksheetKind::CommunicationAnalysis => crate::msg("worksheet-new-communication"),
            WorksheetKind::DecisionAnalysis => crate::msg("worksheet-new-decision"),
        }
    }

    /// "Change the communication analysis", in the reader's language.
    pub fn change_message(self) -> &'static str {
        match self {
            WorksheetKind::CommunicationAnalysis => crate::msg("worksheet-change-communication"),
            WorksheetKind::DecisionAnalysis => crate::msg("worksheet-change-decision"),
        }
    }

    /// The kind in lower case inside a sentence ("communication analysis").
    pub fn lower_message(self) -> &'static str {
        match self {
            WorksheetKind::CommunicationAnalysis => crate::msg("worksheet-kind-communication-lower"),
            WorksheetKind::DecisionAnalysis => crate::msg("worksheet-kind-decision-lower"),
        }
    }
}

impl CommunicationProblem {
    /// The problem in the reader's language.
    pub fn message(self) -> &'static str {
        match self {
            CommunicationProblem::NonVerbal => crate::msg("worksheet-problem-nonverbal"),
            CommunicationProblem::AssumedCommunicated => crate::msg("worksheet-problem-assumed-communicated"),
            CommunicationProblem::AssumedUnderstood => crate::msg("worksheet-problem-assumed-understood"),
            CommunicationProblem::IndirectSpeech => crate::msg("worksheet-problem-indirect-speech"),
            CommunicationProblem::Silence => crate::msg("worksheet-problem-silence"),
            CommunicationProblem::Hostile => crate::msg("worksheet-problem-hostile"),
        }
    }
}

pub struct WorksheetScope<'a> {
    pub protocol: &'a Protocol,
    /// Ids of the course's sessions.
    pub sessions: &'a [String],
    pub today: Date,
}

/// Session and problem-area link, shared by both kinds.
fn check_link(
    e: &mut ValidationErrors,
    session_id: Option<&str>,
    problem_area: Option<&str>,
    scope: Option<&WorksheetScope>,
) -> (Option<String>, Option<String>) {
    let session = session_id.map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
    let area = problem_area.map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
    if let Some(scope) = scope {
        if let Some(s) = &session {
            if !scope.sessions.iter().any(|x| x == s) {
                e.add_key("session_id", crate::msg("worksheet-session-not-course"), vec![]);
            }
        }
        if let Some(a) = &area {
            if scope.protocol.area(a).is_none() {
                let known: Vec<&str> = scope.protocol.problem_areas.iter().map(|x| x.id.as_str()).collect();
                e.add(
                    "problem_area",
                    format!("Unknown problem area {a:?} for {}; choose from {}", scope.protocol.name, known.join(", ")),
                );
            }
        }
    }
    (session, area)
}

/// Feelings at one step of the exchange.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Feelings {
    /// What the client felt.
    pub client: Option<String>,
    /// What the client thinks the other person felt.
    pub other: Option<String>,
}

impl Feelings {
    fn validate(self, e: &mut ValidationErrors, step: &str) -> Feelings {
        Feelings {
            client: optional_text(
                e,
                &format!("feelings.{step}.client"),
                msg("field-feelings"),
                self.client.as_deref(),
                500,
            ),
            other: optional_text(
                e,
                &format!("feelings.{step}.other"),
                msg("field-feelings"),
                self.other.as_deref(),
                500,
            ),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.client.is_none() && self.other.is_none()
    }
}

/// Feelings at each step: before speaking, while saying it, after the reply.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StepFeelings {
    pub before: Feelings,
    pub saying: Feelings,
    pub after_reply: Feelings,
}

impl StepFeelings {
    pub const STEPS: [(&'static str, &'static str); 3] =
        [("before", "Before speaking"), ("saying", "While saying it"), ("after_reply", "After the reply")];

    /// The steps with their message ids, in order.
    pub const STEP_MESSAGES: [(&'static str, &'static str); 3] = [
        ("before", crate::msg("worksheet-step-before")),
        ("saying", crate::msg("worksheet-step-saying")),
        ("after_reply", crate::msg("worksheet-step-after-reply")),
    ];

    pub fn step(&self, name: &str) -> &Feelings {
        match name {
            "before" => &self.before,
            "saying" => &self.saying,
            _ => &self.after_reply,
        }
    }
}

/// A communication analysis (ipt-model.md 9.1).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CommunicationAnalysis {
    /// The session it was done in (a session of the same course).
    pub session_id: Option<String>,
    /// A problem-area code of the course's protocol.
    pub problem_area: Option<String>,
    /// `YYYY-MM-DD` of the exchange.
    pub incident_date: Option<String>,
    /// The other person, as the client names them.
    pub with_whom: String,
    /// The other person in the interpersonal inventory, if recorded there.
    pub person_id: Option<String>,
    /// Where and when; what led up to it.
    pub setting: Option<String>,
    /// What the client meant to convey or wanted the other to do.
    pub intended: Option<String>,
    /// What the client said or did, as close to verbatim as possible.
    pub said: Option<String>,
    /// The other's reply, verbatim where possible.
    pub reply: Option<String>,
    pub feelings: StepFeelings,
    /// How it ended: was the message understood, was the goal met?
    pub outcome: Option<String>,
    /// `CommunicationProblem` codes: where it broke down.
    pub problems: Vec<String>,
    /// Other ways it could have been said or done.
    pub alternatives: Vec<String>,
    pub role_play_done: bool,
    pub role_play_notes: Option<String>,
    /// What happened when the client tried it.
    pub result: Option<String>,
}

impl CommunicationAnalysis {
    /// Checks and normalises; with a scope, also the session, problem area and date.
    pub fn validate_in(self, scope: Option<&WorksheetScope>) -> Result<Self, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let (session_id, problem_area) =
            check_link(&mut e, self.session_id.as_deref(), self.problem_area.as_deref(), scope);
        let today = scope.map(|s| s.today).unwrap_or_else(|| Timestamp::now().date());
        let incident_date = date_field(
            &mut e,
            "incident_date",
            msg("field-date-of-the-exchange"),
            self.incident_date.as_deref(),
            Some(today),
        )
        .map(crate::time::format_date);
        let with_whom = required_text(
            &mut e,
            "with_whom",
            msg("field-person-the-exchange-was-with"),
            msg("field-person-the-exchange-was-with-in-sentence"),
            &self.with_whom,
            120,
        );
        let person_id = match self.person_id.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => None,
            Some(p) => crate::Id::parse(p).map(|i| i.to_string()).or_else(|| {
                e.add("person_id", format!("{p:?} is not a record id"));
                None
            }),
        };
        let setting = optional_text(&mut e, "setting", msg("field-setting"), self.setting.as_deref(), 2000);
        let intended =
            optional_text(&mut e, "intended", msg("field-what-the-client-meant"), self.intended.as_deref(), 4000);
        let said = optional_text(&mut e, "said", msg("field-what-was-said"), self.said.as_deref(), 4000);
        let reply = optional_text(&mut e, "reply", msg("field-the-reply"), self.reply.as_deref(), 4000);
        let feelings = StepFeelings {
            before: self.feelings.before.validate(&mut e, "before"),
            saying: self.feelings.saying.validate(&mut e, "saying"),
            after_reply: self.feelings.after_reply.validate(&mut e, "after_reply"),
        };
        let outcome = optional_text(&mut e, "outcome", msg("field-outcome"), self.outcome.as_deref(), 4000);
        let mut problems: Vec<String> = Vec::new();
        for (i, p) in self.problems.iter().enumerate() {
            match CommunicationProblem::parse(p) {
                None => e.add(&format!("problems[{i}]"), format!("Problem must be {}", CommunicationProblem::codes())),
                Some(p) if problems.iter().any(|x| x == p.as_str()) => {}
                Some(p) => problems.push(p.as_str().to_string()),
            }
        }
        let alternatives = text_list(&mut e, "alternatives", msg("field-alternative"), &self.alternatives, 20, 1000);
        let role_play_notes = optional_text(
            &mut e,
            "role_play_notes",
            msg("field-role-play-notes"),
            self.role_play_notes.as_deref(),
            4000,
        );
        let result = optional_text(&mut e, "result", msg("field-result-when-tried"), self.result.as_deref(), 4000);
        e.into_result()?;
        Ok(CommunicationAnalysis {
            session_id,
            problem_area,
            incident_date,
            with_whom: with_whom.unwrap_or_default(),
            person_id,
            setting,
            intended,
            said,
            reply,
            feelings,
            outcome,
            problems,
            alternatives,
            role_play_done: self.role_play_done,
            role_play_notes,
            result,
        })
    }

    pub fn problem_labels(&self) -> Vec<&'static str> {
        self.problems.iter().filter_map(|p| CommunicationProblem::parse(p)).map(|p| p.label()).collect()
    }
}

impl RecordBody for CommunicationAnalysis {
    const KIND: &'static str = "communication_analysis";
    const SCOPE: Scope = Scope::Course;

    fn validate(self) -> Result<Self, ValidationErrors> {
        self.validate_in(None)
    }
}

/// One option weighed in a decision analysis.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DecisionOption {
    pub option: String,
    /// For the client and for others.
    pub pros: Option<String>,
    pub cons: Option<String>,
}

/// A decision analysis (ipt-model.md 9.2).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DecisionAnalysis {
    pub session_id: Option<String>,
    pub problem_area: Option<String>,
    /// The problem or decision faced.
    pub decision: String,
    pub options: Vec<DecisionOption>,
    /// The chosen option (the text of one of `options`).
    pub chosen: Option<String>,
    /// Concrete steps, in order.
    pub steps: Vec<String>,
    /// Obstacles the client expects.
    pub obstacles: Option<String>,
    pub rehearsal_done: bool,
    pub rehearsal_notes: Option<String>,
    /// `YYYY-MM-DD` to look at how it went (may be in the future).
    pub review_date: Option<String>,
    pub review_result: Option<String>,
}

pub const MAX_OPTIONS: usize = 10;

impl DecisionAnalysis {
    pub fn validate_in(self, scope: Option<&WorksheetScope>) -> Result<Self, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let (session_id, problem_area) =
            check_link(&mut e, self.session_id.as_deref(), self.problem_area.as_deref(), scope);
        let decision = required_text(
            &mut e,
            "decision",
            msg("field-problem-or-decision"),
            msg("field-problem-or-decision-in-sentence"),
            &self.decision,
            1000,
        );
        let mut options: Vec<DecisionOption> = Vec::new();
        for (i, o) in self.options.into_iter().enumerate() {
            let option =
                optional_text(&mut e, &format!("options[{i}].option"), msg("field-option"), Some(&o.option), 500);
            let pros = optional_text(&mut e, &format!("options[{i}].pros"), msg("field-pros"), o.pros.as_deref(), 2000);
            let cons = optional_text(&mut e, &format!("options[{i}].cons"), msg("field-cons"), o.cons.as_deref(), 2000);
            match option {
                Some(option) if options.iter().any(|x| x.option == option) => {
                    e.add_key(&format!("options[{i}].option"), crate::msg("worksheet-option-twice"), vec![])
                }
                Some(option) => options.push(DecisionOption { option, pros, cons }),
                None if (pros.is_some() || cons.is_some())
                    && e.for_field(&format!("options[{i}].option")).is_none() =>
                {
                    e.add_key(&format!("options[{i}].option"), crate::msg("worksheet-option-unnamed"), vec![])
                }
                None => {}
            }
        }
        if options.len() > MAX_OPTIONS {
            e.add_key("options", crate::msg("worksheet-options-too-many"), vec![("max", (MAX_OPTIONS as i64).into())]);
        }
        let chosen = match self.chosen.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => None,
            Some(c) if options.iter().any(|o| o.option == c) => Some(c.to_string()),
            Some(_) => {
                e.add_key("chosen", crate::msg("worksheet-chosen-not-listed"), vec![]);
                None
            }
        };
        let steps = text_list(&mut e, "steps", msg("field-step"), &self.steps, 20, 1000);
        let obstacles =
            optional_text(&mut e, "obstacles", msg("field-expected-obstacles"), self.obstacles.as_deref(), 4000);
        let rehearsal_notes = optional_text(
            &mut e,
            "rehearsal_notes",
            msg("field-rehearsal-notes"),
            self.rehearsal_notes.as_deref(),
            4000,
        );
        let review_date =
            date_field(&mut e, "review_date", msg("field-review-date"), self.review_date.as_deref(), None)
                .map(crate::time::format_date);
        let review_result =
            optional_text(&mut e, "review_result", msg("field-result"), self.review_result.as_deref(), 4000);
        e.into_result()?;
        Ok(DecisionAnalysis {
            session_id,
            problem_area,
            decision: decision.unwrap_or_default(),
            options,
            chosen,
            steps,
            obstacles,
            rehearsal_done: self.rehearsal_done,
            rehearsal_notes,
            review_date,
            review_result,
        })
    }
}

impl RecordBody for DecisionAnalysis {
    const KIND: &'static str = "decision_analysis";
    const SCOPE: Scope = Scope::Course;

    fn validate(self) -> Result<Self, ValidationErrors> {
        self.validate_in(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::ProtocolSet;
    use time::macros::date;

    fn scope_check<T>(f: impl FnOnce(&WorksheetScope) -> T) -> T {
        let set = ProtocolSet::shipped();
        let p = set.get("ipt-individual").unwrap();
        let sessions = vec!["0190a3e2-7b1c-7000-8000-000000000001".to_string()];
        f(&WorksheetScope { protocol: p, sessions: &sessions, today: date!(2026 - 03 - 01) })
    }

    #[test]
    fn kind_codes_are_the_record_kinds() {
        assert_eq!(WorksheetKind::CommunicationAnalysis.as_str(), CommunicationAnalysis::KIND);
        assert_eq!(WorksheetKind::DecisionAnalysis.as_str(), DecisionAnalysis::KIND);
    }

    #[test]
    fn communication_analysis_is_normalised_and_checked_against_the_course() {
        let ca = CommunicationAnalysis {
            session_id: Some("0190a3e2-7b1c-7000-8000-000000000001".into()),
            problem_area: Some("role_dispute".into()),
            incident_date: Some("2026-02-20".into()),
            with_whom: " Sam ".into(),
            problems: vec!["silence".into(), "silence".into(), "hostile".into()],
            alternatives: vec!["Ask directly".into(), "".into()],
            ..Default::default()
        };
        let ok = scope_check(|s| ca.clone().validate_in(Some(s))).unwrap();
        assert_eq!(ok.with_whom, "Sam");
        assert_eq!(ok.problems, ["silence", "hostile"]);
        assert_eq!(ok.alternatives, ["Ask directly"]);
        assert_eq!(ok.problem_labels(), ["Silence or closing off", "Openly hostile communication"]);
        for (bad, field) in [
            (
                CommunicationAnalysis { session_id: Some("0190a3e2-7b1c-7000-8000-000000000009".into()), ..ca.clone() },
                "session_id",
            ),
            (CommunicationAnalysis { problem_area: Some("boredom".into()), ..ca.clone() }, "problem_area"),
            (CommunicationAnalysis { incident_date: Some("2026-03-02".into()), ..ca.clone() }, "incident_date"),
            (CommunicationAnalysis { with_whom: "".into(), ..ca.clone() }, "with_whom"),
            (CommunicationAnalysis { problems: vec!["shouting".into()], ..ca.clone() }, "problems[0]"),
            (CommunicationAnalysis { person_id: Some("sam".into()), ..ca.clone() }, "person_id"),
            (
                CommunicationAnalysis {
                    feelings: StepFeelings {
                        saying: Feelings { other: Some("x".repeat(501)), client: None },
                        ..Default::default()
                    },
                    ..ca.clone()
                },
                "feelings.saying.other",
            ),
        ] {
            let err = scope_check(|s| bad.validate_in(Some(s))).unwrap_err();
            assert_eq!(err.first().unwrap().field, field, "{err}");
        }
    }

    #[test]
    fn decision_analysis_options_and_choice() {
        let da = DecisionAnalysis {
            decision: "Whether to tell my sister I can't host".into(),
            options: vec![
                DecisionOption { option: "Tell her now".into(), pros: Some("Honest".into()), cons: None },
                DecisionOption { option: " ".into(), pros: None, cons: None },
                DecisionOption { option: "Say nothing".into(), pros: None, cons: Some("Resentment".into()) },
            ],
            chosen: Some("Tell her now".into()),
            steps: vec!["Phone on Sunday".into()],
            review_date: Some("2026-04-01".into()),
            ..Default::default()
        };
        let ok = scope_check(|s| da.clone().validate_in(Some(s))).unwrap();
        assert_eq!(ok.options.len(), 2, "blank rows dropped");
        assert_eq!(ok.review_date.as_deref(), Some("2026-04-01"), "a review date may be in the future");
        for (bad, field) in [
            (DecisionAnalysis { decision: " ".into(), ..da.clone() }, "decision"),
            (DecisionAnalysis { chosen: Some("Run away".into()), ..da.clone() }, "chosen"),
            (DecisionAnalysis { review_date: Some("next week".into()), ..da.clone() }, "review_date"),
            (
                DecisionAnalysis {
                    options: vec![DecisionOption { option: "".into(), pros: Some("p".into()), cons: None }],
                    chosen: None,
                    ..da.clone()
                },
                "options[0].option",
            ),
            (
                DecisionAnalysis {
                    options: vec![
                        DecisionOption { option: "A".into(), ..Default::default() },
                        DecisionOption { option: "A".into(), ..Default::default() },
                    ],
                    chosen: None,
                    ..da.clone()
                },
                "options[1].option",
            ),
        ] {
            let err = scope_check(|s| bad.validate_in(Some(s))).unwrap_err();
            assert_eq!(err.first().unwrap().field, field, "{err}");
        }
    }
}
