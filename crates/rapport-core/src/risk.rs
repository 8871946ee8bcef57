//! The risk loop's records (ipt-model.md section 13): a structured risk
//! assessment and a versioned safety plan, validated before a flag may close.

use crate::msg;
use crate::validation::{optional_text, ValidationErrors};
use serde::{Deserialize, Serialize};

const MAX_TEXT: usize = 4000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskLevel {
    Low,
    Moderate,
    High,
    Imminent,
}

impl RiskLevel {
    pub const ALL: [RiskLevel; 4] = [RiskLevel::Low, RiskLevel::Moderate, RiskLevel::High, RiskLevel::Imminent];

    pub fn as_str(&self) -> &'static str {
        match self {
            RiskLevel::Low => "low",
            RiskLevel::Moderate => "moderate",
            RiskLevel::High => "high",
            RiskLevel::Imminent => "imminent",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.as_str() == s)
    }

    /// The level in words, in the reader's language.
    pub fn message(self) -> &'static str {
        match self {
            RiskLevel::Low => crate::msg("risk-level-low"),
            RiskLevel::Moderate => crate::msg("risk-level-moderate"),
            RiskLevel::High => crate::msg("risk-level-high"),
            RiskLevel::Imminent => crate::msg("risk-level-imminent"),
        }
    }
}

/// Status of a risk flag. Flags are never deleted; closing needs an assessment,
/// a safety plan version and the sign-off of the person closing it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagStatus {
    Open,
    Acknowledged,
    Closed,
}

impl FlagStatus {
    pub fn as_str(&self) -> &'static str {
        match self {
            FlagStatus::Open => "open",
            FlagStatus::Acknowledged => "acknowledged",
            FlagStatus::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [FlagStatus::Open, FlagStatus::Acknowledged, FlagStatus::Closed].into_iter().find(|f| f.as_str() == s)
    }

    /// The status in words ("acknowledged, assessment pending"), in the reader's language.
    pub fn message(self) -> &'static str {
        match self {
            FlagStatus::Open => crate::msg("risk-status-open"),
            FlagStatus::Acknowledged => crate::msg("risk-status-acknowledged"),
            FlagStatus::Closed => crate::msg("risk-status-closed"),
        }
    }

    /// The status in one word, for a badge ("open", "acknowledged", "closed").
    pub fn short_message(self) -> &'static str {
        match self {
            FlagStatus::Open => crate::msg("risk-badge-open"),
            FlagStatus::Acknowledged => crate::msg("risk-badge-acknowledged"),
            FlagStatus::Closed => crate::msg("risk-badge-closed"),
        }
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
pub struct RawAssessment {
    pub ideation: Option<String>,
    pub plan: Option<String>,
    pub intent: Option<String>,
    pub means: Option<String>,
    pub history: Option<String>,
    pub protective_factors: Option<String>,
    pub risk_level: Option<String>,
    pub actions: Option<String>,
    /// `cssrs_screener`, `other` or `none` (a clinical interview without a tool).
    pub screening_tool: Option<String>,
    /// The Columbia screener's answers, `yes` or `no` each (questions 3-5 only
    /// when question 2 is yes; `cssrs_q6_recent` only when question 6 is yes).
    pub cssrs_q1: Option<String>,
    pub cssrs_q2: Option<String>,
    pub cssrs_q3: Option<String>,
    pub cssrs_q4: Option<String>,
    pub cssrs_q5: Option<String>,
    pub cssrs_q6: Option<String>,
    pub cssrs_q6_recent: Option<String>,
    /// Another tool: its name and its result, in words.
    pub screening_tool_name: Option<String>,
    pub screening_result: Option<String>,
    /// YYYY-MM-DD: when the risk is looked at again (a task from that day).
    pub follow_up_on: Option<String>,
}

/// The Columbia screener's answers (C-SSRS screen version, the clinician's
/// yes/no per question; the questions' licensed wording is not stored or shown).
/// Questions 1-5 ask about the past month, question 6 about behaviour ever,
/// with "in the past 3 months" asked when it is yes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CssrsAnswers {
    /// Wish to be dead.
    pub q1: bool,
    /// Non-specific active suicidal thoughts.
    pub q2: bool,
    /// Thoughts of a method (asked when question 2 is yes).
    pub q3: Option<bool>,
    /// Some intent to act (asked when question 2 is yes).
    pub q4: Option<bool>,
    /// A specific plan with intent (asked when question 2 is yes).
    pub q5: Option<bool>,
    /// Suicidal behaviour, ever.
    pub q6: bool,
    /// That behaviour within the past 3 months (asked when question 6 is yes).
    pub q6_recent: Option<bool>,
}

/// The screener's triage (Columbia Lighthouse Project; shared measures.md R6):
/// high with yes to question 4 or 5, or behaviour in the past 3 months;
/// moderate with yes to question 3, or behaviour longer ago; low with yes to
/// question 1 or 2 only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CssrsRisk {
    None,
    Low,
    Moderate,
    High,
}

impl CssrsRisk {
    pub fn as_str(self) -> &'static str {
        match self {
            CssrsRisk::None => "none",
            CssrsRisk::Low => "low",
            CssrsRisk::Moderate => "moderate",
            CssrsRisk::High => "high",
        }
    }

    /// The result in words, in the reader's language.
    pub fn message(self) -> &'static str {
        match self {
            CssrsRisk::None => crate::msg("risk-cssrs-result-none"),
            CssrsRisk::Low => crate::msg("risk-cssrs-result-low"),
            CssrsRisk::Moderate => crate::msg("risk-cssrs-result-moderate"),
            CssrsRisk::High => crate::msg("risk-cssrs-result-high"),
        }
    }
}

impl CssrsAnswers {
    pub fn triage(&self) -> CssrsRisk {
        let yes = |a: Option<bool>| a == Some(true);
        if yes(self.q4) || yes(self.q5) || (self.q6 && yes(self.q6_recent)) {
            CssrsRisk::High
        } else if yes(self.q3) || self.q6 {
            CssrsRisk::Moderate
        } else if self.q1 || self.q2 {
            CssrsRisk::Low
        } else {
            CssrsRisk::None
        }
    }
}

/// The screening tool used in an assessment, with its result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "tool", rename_all = "snake_case")]
pub enum Screening {
    /// The Columbia screener: the answers, and the triage they give.
    CssrsScreener { answers: CssrsAnswers, result: CssrsRisk },
    /// Another tool, named, with its result in words.
    Other { name: String, result: String },
    /// A clinical interview without a screening tool.
    None,
}

impl Screening {
    /// `cssrs_screener`, `other` or `none`.
    pub fn tool(&self) -> &'static str {
        match self {
            Screening::CssrsScreener { .. } => "cssrs_screener",
            Screening::Other { .. } => "other",
            Screening::None => "none",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Assessment {
    pub ideation: String,
    pub plan: String,
    pub intent: String,
    pub means: String,
    pub history: String,
    pub protective_factors: String,
    pub risk_level: RiskLevel,
    /// What was done; required when the level is high or imminent.
    pub actions: Option<String>,
    pub screening: Screening,
    /// When the risk is looked at again: a due task from that day.
    pub follow_up_on: Option<time::Date>,
}

/// A safety plan closes a flag only when it was saved (a new version, a
/// review) at or after the positive answer that raised the flag: an earlier
/// version was written before the client said it.
pub fn plan_reviewed_after(answer_at: crate::Timestamp, plan_saved_at: crate::Timestamp) -> bool {
    plan_saved_at >= answer_at
}

/// `missing`: the message saying "{label} is required" in the reader's language.
fn required(
    e: &mut ValidationErrors,
    field: &str,
    label: &'static str,
    missing: &'static str,
    v: Option<&str>,
) -> String {
    match optional_text(e, field, label, v, MAX_TEXT) {
        Some(s) => s,
        None => {
            if e.for_field(field).is_none() {
                e.add_key(field, missing, vec![]);
            }
            String::new()
        }
    }
}

/// A yes/no answer of the Columbia screener: `Ok(None)` when blank.
fn yes_no(e: &mut ValidationErrors, field: &str, v: Option<&str>) -> Option<bool> {
    match v.map(str::trim).unwrap_or("") {
        "" => None,
        "yes" | "true" => Some(true),
        "no" | "false" => Some(false),
        _ => {
            e.add_key(field, crate::msg("risk-cssrs-yes-no"), vec![]);
            None
        }
    }
}

/// The screening tool and its result; every question the screener asks must be answered.
fn screening(e: &mut ValidationErrors, raw: &RawAssessment) -> Screening {
    match raw.screening_tool.as_deref().map(str::trim).unwrap_or("") {
        "cssrs_screener" => {
            let need = |e: &mut ValidationErrors, field: &str, v: Option<&str>| {
                let a = yes_no(e, field, v);
                if a.is_none() && e.for_field(field).is_none() {
                    e.add_key(field, crate::msg("risk-cssrs-answer-required"), vec![]);
                }
                a.unwrap_or(false)
            };
            let q1 = need(e, "cssrs_q1", raw.cssrs_q1.as_deref());
            let q2 = need(e, "cssrs_q2", raw.cssrs_q2.as_deref());
            // Questions 3-5 are asked only after a yes to question 2.
            let (q3, q4, q5) = if q2 {
                (
                    Some(need(e, "cssrs_q3", raw.cssrs_q3.as_deref())),
                    Some(need(e, "cssrs_q4", raw.cssrs_q4.as_deref())),
                    Some(need(e, "cssrs_q5", raw.cssrs_q5.as_deref())),
                )
            } else {
                (None, None, None)
            };
            let q6 = need(e, "cssrs_q6", raw.cssrs_q6.as_deref());
            let q6_recent = q6.then(|| need(e, "cssrs_q6_recent", raw.cssrs_q6_recent.as_deref()));
            let answers = CssrsAnswers { q1, q2, q3, q4, q5, q6, q6_recent };
            Screening::CssrsScreener { answers, result: answers.triage() }
        }
        "other" => {
            let name = required(
                e,
                "screening_tool_name",
                msg("field-screening-tool-name"),
                crate::msg("risk-screening-tool-name-required"),
                raw.screening_tool_name.as_deref(),
            );
            let result = required(
                e,
                "screening_result",
                msg("field-screening-result"),
                crate::msg("risk-screening-result-required"),
                raw.screening_result.as_deref(),
            );
            Screening::Other { name, result }
        }
        "none" => Screening::None,
        _ => {
            e.add_key("screening_tool", crate::msg("risk-screening-tool-invalid"), vec![]);
            Screening::None
        }
    }
}

/// Every part of the assessment is required: "none" must be written, not left
/// blank. The screening tool is named (or "none"); the actions taken are
/// required at a high or imminent level; a follow-up date lies from `today`
/// on (the organisation's local date).
pub fn validate_assessment(raw: &RawAssessment, today: time::Date) -> Result<Assessment, ValidationErrors> {
    let mut e = ValidationErrors::new();
    let ideation = required(
        &mut e,
        "ideation",
        msg("field-ideation"),
        crate::msg("risk-ideation-required"),
        raw.ideation.as_deref(),
    );
    let plan = required(&mut e, "plan", msg("field-plan"), crate::msg("risk-plan-required"), raw.plan.as_deref());
    let intent =
        required(&mut e, "intent", msg("field-intent"), crate::msg("risk-intent-required"), raw.intent.as_deref());
    let means = required(
        &mut e,
        "means",
        msg("field-access-to-means"),
        crate::msg("risk-means-required"),
        raw.means.as_deref(),
    );
    let history =
        required(&mut e, "history", msg("field-history"), crate::msg("risk-history-required"), raw.history.as_deref());
    let protective_factors = required(
        &mut e,
        "protective_factors",
        msg("field-protective-factors"),
        crate::msg("risk-protective-factors-required"),
        raw.protective_factors.as_deref(),
    );
    let level = raw.risk_level.as_deref().map(str::trim).unwrap_or("");
    let risk_level = RiskLevel::parse(level);
    if risk_level.is_none() {
        e.add_key("risk_level", crate::msg("risk-level-invalid"), vec![]);
    }
    let actions = optional_text(&mut e, "actions", msg("field-actions"), raw.actions.as_deref(), MAX_TEXT);
    if matches!(risk_level, Some(RiskLevel::High | RiskLevel::Imminent))
        && actions.is_none()
        && e.for_field("actions").is_none()
    {
        e.add_key("actions", crate::msg("risk-actions-required-high"), vec![]);
    }
    let screening = screening(&mut e, raw);
    let follow_up_on = match raw.follow_up_on.as_deref().map(str::trim).unwrap_or("") {
        "" => None,
        s => match crate::time::parse_date(s) {
            Some(d) if d < today => {
                e.add_key("follow_up_on", crate::msg("risk-follow-up-past"), vec![]);
                None
            }
            Some(d) => match crate::validation::plausible_date("follow_up_on", msg("field-follow-up-on"), d, today) {
                Ok(d) => Some(d),
                Err(f) => {
                    e.0.push(f);
                    None
                }
            },
            None => {
                e.add_key("follow_up_on", crate::msg("risk-follow-up-invalid"), vec![]);
                None
            }
        },
    };
    e.into_result()?;
    Ok(Assessment {
        ideation,
        plan,
        intent,
        means,
        history,
        protective_factors,
        risk_level: risk_level.expect("checked"),
        actions,
        screening,
        follow_up_on,
    })
}

/// A safety plan as typed (a form, or JSON); `shared_with_client` is a
/// JSON boolean or a form's checkbox (present: ticked).
#[derive(Clone, Debug, Default, Deserialize)]
pub struct RawSafetyPlan {
    pub warning_signs: Option<String>,
    pub coping_strategies: Option<String>,
    pub distractions: Option<String>,
    pub people_to_ask: Option<String>,
    pub professionals: Option<String>,
    pub environment_safety: Option<String>,
    pub reasons_for_living: Option<String>,
    #[serde(default, deserialize_with = "checkbox")]
    pub shared_with_client: bool,
}

/// A boolean, or a form checkbox's value (sent only when ticked).
fn checkbox<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    struct Ticked;
    impl serde::de::Visitor<'_> for Ticked {
        type Value = bool;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a boolean or a checkbox value")
        }
        fn visit_bool<E>(self, v: bool) -> Result<bool, E> {
            Ok(v)
        }
        fn visit_str<E>(self, _: &str) -> Result<bool, E> {
            Ok(true)
        }
    }
    d.deserialize_any(Ticked)
}

impl From<&SafetyPlan> for RawSafetyPlan {
    /// The stored plan as the form shows it again.
    fn from(p: &SafetyPlan) -> Self {
        let s = |v: &str| Some(v.to_string());
        RawSafetyPlan {
            warning_signs: s(&p.warning_signs),
            coping_strategies: s(&p.coping_strategies),
            distractions: s(&p.distractions),
            people_to_ask: s(&p.people_to_ask),
            professionals: s(&p.professionals),
            environment_safety: s(&p.environment_safety),
            reasons_for_living: s(&p.reasons_for_living),
            shared_with_client: p.shared_with_client,
        }
    }
}

/// Stanley–Brown-style sections.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SafetyPlan {
    pub warning_signs: String,
    pub coping_strategies: String,
    pub distractions: String,
    pub people_to_ask: String,
    pub professionals: String,
    pub environment_safety: String,
    pub reasons_for_living: String,
    pub shared_with_client: bool,
}

/// Warning signs and professionals/crisis lines are required; other sections may be empty.
pub fn validate_safety_plan(raw: &RawSafetyPlan) -> Result<SafetyPlan, ValidationErrors> {
    let mut e = ValidationErrors::new();
    let mut opt = |f: &str, l: &'static str, v: &Option<String>| optional_text(&mut e, f, l, v.as_deref(), MAX_TEXT);
    let plan = SafetyPlan {
        warning_signs: opt("warning_signs", msg("field-warning-signs"), &raw.warning_signs).unwrap_or_default(),
        coping_strategies: opt("coping_strategies", msg("field-coping-strategies"), &raw.coping_strategies)
            .unwrap_or_default(),
        distractions: opt("distractions", msg("field-people-and-places-that-distract"), &raw.distractions)
            .unwrap_or_default(),
        people_to_ask: opt("people_to_ask", msg("field-people-to-ask-for-help"), &raw.people_to_ask)
            .unwrap_or_default(),
        professionals: opt("professionals", msg("field-professionals-and-crisis-lines"), &raw.professionals)
            .unwrap_or_default(),
        environment_safety: opt(
            "environment_safety",
            msg("field-making-the-environment-safe"),
            &raw.environment_safety,
        )
        .unwrap_or_default(),
        reasons_for_living: opt("reasons_for_living", msg("field-reasons-for-living"), &raw.reasons_for_living)
            .unwrap_or_default(),
        shared_with_client: raw.shared_with_client,
    };
    if plan.warning_signs.is_empty() && e.for_field("warning_signs").is_none() {
        e.add_key("warning_signs", crate::msg("risk-warning-signs-required"), vec![]);
    }
    if plan.professionals.is_empty() && e.for_field("professionals").is_none() {
        e.add_key("professionals", crate::msg("risk-professionals-required"), vec![]);
    }
    e.into_result()?;
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_safety_plan_is_shared_by_a_json_boolean_or_a_ticked_checkbox() {
        let json = |v: &str| serde_json::from_str::<RawSafetyPlan>(v).unwrap().shared_with_client;
        assert!(json(r#"{"shared_with_client": true}"#));
        assert!(!json(r#"{"shared_with_client": false}"#));
        assert!(!json(r#"{"warning_signs": "x"}"#), "absent: not shared");
        assert!(json(r#"{"shared_with_client": "on"}"#), "a checkbox sends a value only when ticked");
    }

    #[test]
    fn a_stored_plan_fills_the_form_again() {
        let plan = SafetyPlan { warning_signs: "w".into(), shared_with_client: true, ..Default::default() };
        let raw = RawSafetyPlan::from(&plan);
        assert_eq!(raw.warning_signs.as_deref(), Some("w"));
        assert_eq!(raw.coping_strategies.as_deref(), Some(""));
        assert!(raw.shared_with_client);
        assert_eq!(
            validate_safety_plan(&RawSafetyPlan { professionals: Some("GP".into()), ..raw }).unwrap().warning_signs,
            "w"
        );
    }

    fn full() -> RawAssessment {
        let s = |v: &str| Some(v.to_string());
        RawAssessment {
            ideation: s("passive"),
            plan: s("none"),
            intent: s("none"),
            means: s("none at home"),
            history: s("no attempts"),
            protective_factors: s("children"),
            risk_level: s("low"),
            screening_tool: s("none"),
            ..Default::default()
        }
    }

    const TODAY: time::Date = time::macros::date!(2026 - 03 - 10);

    fn check(r: &RawAssessment) -> Result<Assessment, ValidationErrors> {
        validate_assessment(r, TODAY)
    }

    fn field(r: &RawAssessment) -> String {
        check(r).unwrap_err().first().unwrap().field.clone()
    }

    #[test]
    fn assessment_needs_every_part_and_a_known_level() {
        assert_eq!(check(&full()).unwrap().risk_level, RiskLevel::Low);
        let mut r = full();
        r.means = Some("  ".into());
        assert_eq!(field(&r), "means");
        let mut r = full();
        r.risk_level = Some("severe".into());
        assert_eq!(field(&r), "risk_level");
    }

    #[test]
    fn actions_are_required_at_a_high_or_imminent_level() {
        for level in ["high", "imminent"] {
            let r = RawAssessment { risk_level: Some(level.into()), ..full() };
            assert_eq!(field(&r), "actions", "{level}");
            let blank = RawAssessment { actions: Some("   ".into()), ..r.clone() };
            assert_eq!(field(&blank), "actions", "{level}: blank is missing");
            let done = RawAssessment { actions: Some("referred to the crisis team".into()), ..r };
            assert_eq!(check(&done).unwrap().actions.as_deref(), Some("referred to the crisis team"));
        }
        for level in ["low", "moderate"] {
            assert!(check(&RawAssessment { risk_level: Some(level.into()), ..full() }).unwrap().actions.is_none());
        }
    }

    #[test]
    fn the_screening_tool_is_named_with_its_result() {
        assert_eq!(field(&RawAssessment { screening_tool: None, ..full() }), "screening_tool");
        assert_eq!(field(&RawAssessment { screening_tool: Some("phq9".into()), ..full() }), "screening_tool");
        assert_eq!(check(&full()).unwrap().screening, Screening::None);
        let other = RawAssessment { screening_tool: Some("other".into()), ..full() };
        assert_eq!(field(&other), "screening_tool_name");
        let named = RawAssessment { screening_tool_name: Some("SAD PERSONS".into()), ..other };
        assert_eq!(field(&named), "screening_result");
        let done = RawAssessment { screening_result: Some("4: low".into()), ..named };
        assert_eq!(
            check(&done).unwrap().screening,
            Screening::Other { name: "SAD PERSONS".into(), result: "4: low".into() }
        );
    }

    fn cssrs(q: [&str; 7]) -> RawAssessment {
        let s = |v: &str| (!v.is_empty()).then(|| v.to_string());
        RawAssessment {
            screening_tool: s("cssrs_screener"),
            cssrs_q1: s(q[0]),
            cssrs_q2: s(q[1]),
            cssrs_q3: s(q[2]),
            cssrs_q4: s(q[3]),
            cssrs_q5: s(q[4]),
            cssrs_q6: s(q[5]),
            cssrs_q6_recent: s(q[6]),
            ..full()
        }
    }

    fn triage(q: [&str; 7]) -> CssrsRisk {
        match check(&cssrs(q)).unwrap().screening {
            Screening::CssrsScreener { result, answers } => {
                assert_eq!(result, answers.triage());
                result
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_columbia_screener_stores_answers_and_triages_them() {
        assert_eq!(triage(["no", "no", "", "", "", "no", ""]), CssrsRisk::None);
        assert_eq!(triage(["yes", "no", "", "", "", "no", ""]), CssrsRisk::Low);
        assert_eq!(triage(["yes", "yes", "no", "no", "no", "no", ""]), CssrsRisk::Low);
        assert_eq!(triage(["yes", "yes", "yes", "no", "no", "no", ""]), CssrsRisk::Moderate);
        assert_eq!(triage(["no", "no", "", "", "", "yes", "no"]), CssrsRisk::Moderate, "behaviour long ago");
        assert_eq!(triage(["yes", "yes", "yes", "yes", "no", "no", ""]), CssrsRisk::High, "intent");
        assert_eq!(triage(["yes", "yes", "yes", "no", "yes", "no", ""]), CssrsRisk::High, "plan and intent");
        assert_eq!(triage(["no", "no", "", "", "", "yes", "yes"]), CssrsRisk::High, "behaviour in 3 months");
        // Questions 3-5 are skipped after a no to question 2, whatever was sent.
        let skipped = check(&cssrs(["no", "no", "yes", "yes", "yes", "no", ""])).unwrap();
        assert!(matches!(skipped.screening, Screening::CssrsScreener { result: CssrsRisk::None, .. }));
        // Every question the screener asks needs an answer, named.
        assert_eq!(field(&cssrs(["", "no", "", "", "", "no", ""])), "cssrs_q1");
        assert_eq!(field(&cssrs(["no", "yes", "", "no", "no", "no", ""])), "cssrs_q3");
        assert_eq!(field(&cssrs(["no", "no", "", "", "", "yes", ""])), "cssrs_q6_recent");
        assert_eq!(field(&cssrs(["maybe", "no", "", "", "", "no", ""])), "cssrs_q1");
    }

    #[test]
    fn a_follow_up_date_is_from_today_on() {
        let on = |d: &str| RawAssessment { follow_up_on: Some(d.into()), ..full() };
        assert_eq!(check(&on("2026-03-17")).unwrap().follow_up_on, Some(time::macros::date!(2026 - 03 - 17)));
        assert_eq!(check(&on("2026-03-10")).unwrap().follow_up_on, Some(TODAY));
        assert_eq!(check(&on("")).unwrap().follow_up_on, None);
        assert_eq!(field(&on("2026-03-09")), "follow_up_on");
        assert_eq!(field(&on("17/03/2026")), "follow_up_on");
        assert_eq!(field(&on("2031-01-01")), "follow_up_on", "more than two years ahead");
    }

    #[test]
    fn only_a_plan_saved_after_the_answer_closes_its_flag() {
        let answer = crate::Timestamp::parse("2026-03-10T09:00:00Z").unwrap();
        let before = crate::Timestamp::parse("2026-03-01T12:00:00Z").unwrap();
        let after = crate::Timestamp::parse("2026-03-10T09:30:00Z").unwrap();
        assert!(!plan_reviewed_after(answer, before));
        assert!(plan_reviewed_after(answer, after));
        assert!(plan_reviewed_after(answer, answer));
    }

    #[test]
    fn safety_plan_needs_warning_signs_and_crisis_contacts() {
        let e = validate_safety_plan(&RawSafetyPlan::default()).unwrap_err();
        assert_eq!(e.0.len(), 2);
        let ok = validate_safety_plan(&RawSafetyPlan {
            warning_signs: Some("not sleeping".into()),
            professionals: Some("GP; crisis line 116 123".into()),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(ok.coping_strategies, "");
    }
}
