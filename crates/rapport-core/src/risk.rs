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
    pub actions: Option<String>,
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

/// Every part of the assessment is required: "none" must be written, not left blank.
pub fn validate_assessment(raw: &RawAssessment) -> Result<Assessment, ValidationErrors> {
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
            actions: None,
        }
    }

    #[test]
    fn assessment_needs_every_part_and_a_known_level() {
        assert_eq!(validate_assessment(&full()).unwrap().risk_level, RiskLevel::Low);
        let mut r = full();
        r.means = Some("  ".into());
        assert_eq!(validate_assessment(&r).unwrap_err().first().unwrap().field, "means");
        let mut r = full();
        r.risk_level = Some("severe".into());
        assert_eq!(validate_assessment(&r).unwrap_err().first().unwrap().field, "risk_level");
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
