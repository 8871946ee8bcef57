//! The client's care context (ipt-model.md 10.3 and 10.4): the cultural
//! formulation (one per client), medication (current and past), other
//! treatment and providers, and dated notes on coordinating with them. All
//! belong to the client across courses. Recording a medication changes nothing
//! else (in particular not the initial-phase checklist's medication item).

use crate::records::{RecordBody, Scope};
use crate::timeline::{approx_date_field, ApproxDate};
use crate::validation::{date_field, optional_text, required_text, ValidationErrors};
use crate::{msg, Timestamp};
use serde::{Deserialize, Serialize};
use time::Date;

/// How the client understands their distress in their own cultural terms, and
/// what that means for the help they expect. One per client, revised in place
/// (every revision kept).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CulturalFormulation {
    /// Cultural identity as the client describes it (heritage, faith, language, community).
    pub cultural_identity: Option<String>,
    /// The client's own words and idioms for the distress and what they think causes it.
    pub explanations: Option<String>,
    /// Cultural stressors (e.g. discrimination, migration, family obligations).
    pub stressors: Option<String>,
    /// Cultural supports (community, faith, family).
    pub supports: Option<String>,
    /// What the client expects of help and of the helper.
    pub expectations: Option<String>,
    /// Relevant practices (religious, healing, dietary, family decision-making).
    pub practices: Option<String>,
    /// Language and interpreter needs.
    pub language_needs: Option<String>,
    pub interpreter_needed: bool,
}

impl CulturalFormulation {
    /// (field, label, hint) in the order shown.
    pub const FIELDS: [(&'static str, &'static str, &'static str); 7] = [
        (
            "cultural_identity",
            "Cultural identity",
            "Heritage, faith, language and community, as the client describes them.",
        ),
        ("explanations", "Explanations of distress", "The client's own words and idioms for what they feel and why."),
        ("stressors", "Cultural stressors", "e.g. discrimination, migration, family obligations."),
        ("supports", "Cultural supports", "Community, faith, family."),
        ("expectations", "Expectations of help", "What the client expects of treatment and of the helper."),
        ("practices", "Relevant practices", "Religious, healing or family practices that matter for the care."),
        ("language_needs", "Language and interpreter needs", "Preferred language for sessions and written material."),
    ];

    /// (field, label message, hint message) in the order of [`Self::FIELDS`],
    /// for the pages to word in the reader's language.
    pub const MESSAGES: [(&'static str, &'static str, &'static str); 7] = [
        ("cultural_identity", msg("context-cultural-identity"), msg("context-cultural-identity-hint")),
        ("explanations", msg("context-explanations"), msg("context-explanations-hint")),
        ("stressors", msg("context-stressors"), msg("context-stressors-hint")),
        ("supports", msg("context-supports"), msg("context-supports-hint")),
        ("expectations", msg("context-expectations"), msg("context-expectations-hint")),
        ("practices", msg("context-practices"), msg("context-practices-hint")),
        ("language_needs", msg("context-language-needs"), msg("context-language-needs-hint")),
    ];

    /// The label message of a text field, naming it in validation errors.
    fn field_label(field: &str) -> &'static str {
        match field {
            "cultural_identity" => msg("field-cultural-identity"),
            "explanations" => msg("field-explanations-of-distress"),
            "stressors" => msg("field-cultural-stressors"),
            "supports" => msg("field-cultural-supports"),
            "expectations" => msg("field-expectations-of-help"),
            "practices" => msg("field-relevant-practices"),
            _ => msg("field-language-and-interpreter-needs"),
        }
    }

    pub fn get(&self, field: &str) -> Option<&str> {
        match field {
            "cultural_identity" => self.cultural_identity.as_deref(),
            "explanations" => self.explanations.as_deref(),
            "stressors" => self.stressors.as_deref(),
            "supports" => self.supports.as_deref(),
            "expectations" => self.expectations.as_deref(),
            "practices" => self.practices.as_deref(),
            "language_needs" => self.language_needs.as_deref(),
            _ => None,
        }
    }

    fn slot(&mut self, field: &str) -> Option<&mut Option<String>> {
        Some(match field {
            "cultural_identity" => &mut self.cultural_identity,
            "explanations" => &mut self.explanations,
            "stressors" => &mut self.stressors,
            "supports" => &mut self.supports,
            "expectations" => &mut self.expectations,
            "practices" => &mut self.practices,
            "language_needs" => &mut self.language_needs,
            _ => return None,
        })
    }

    /// Sets a text field by name (forms); unknown names are ignored.
    pub fn set(&mut self, field: &str, value: Option<String>) {
        if let Some(s) = self.slot(field) {
            *s = value;
        }
    }
}

impl RecordBody for CulturalFormulation {
    const KIND: &'static str = "cultural_formulation";
    const SCOPE: Scope = Scope::Client;

    fn validate(self) -> Result<Self, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let mut out = CulturalFormulation { interpreter_needed: self.interpreter_needed, ..Default::default() };
        for (field, _, _) in Self::FIELDS {
            let v = optional_text(&mut e, field, Self::field_label(field), self.get(field), 4000);
            out.set(field, v);
        }
        if e.is_empty() && Self::FIELDS.iter().all(|(f, _, _)| out.get(f).is_none()) && !out.interpreter_needed {
            e.add_key("cultural_identity", msg("context-error-cultural-empty"), vec![]);
        }
        e.into_result()?;
        Ok(out)
    }
}

/// A medication the client takes or took.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Medication {
    pub name: String,
    /// e.g. "50 mg once daily".
    pub dose: Option<String>,
    pub prescriber: Option<String>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, not in the future.
    pub start_date: Option<String>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; blank while it is taken. A future stop date is a planned stop.
    pub stop_date: Option<String>,
    pub adherence: Option<String>,
    pub side_effects: Option<String>,
}

impl Medication {
    /// Taken now: no stop date, or one that has not begun yet.
    pub fn is_current(&self, today: Date) -> bool {
        match self.stop_date.as_deref().and_then(ApproxDate::parse) {
            None => true,
            Some(stop) => stop.first_day() > today,
        }
    }

    pub fn validate_on(self, today: Date) -> Result<Self, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let name = required_text(
            &mut e,
            "name",
            msg("field-medication-name"),
            msg("field-medication-name-in-sentence"),
            &self.name,
            120,
        );
        let dose = optional_text(&mut e, "dose", msg("field-dose"), self.dose.as_deref(), 120);
        let prescriber = optional_text(&mut e, "prescriber", msg("field-prescriber"), self.prescriber.as_deref(), 120);
        let start = approx_date_field(&mut e, "start_date", "Start date", self.start_date.as_deref(), Some(today));
        let stop = approx_date_field(&mut e, "stop_date", "Stop date", self.stop_date.as_deref(), None);
        if let (Some(a), Some(b)) = (start, stop) {
            if b.last_day() < a.first_day() {
                e.add_key("stop_date", msg("context-error-stop-before-start"), vec![]);
            }
        }
        let adherence =
            optional_text(&mut e, "adherence", msg("field-adherence-notes"), self.adherence.as_deref(), 2000);
        let side_effects =
            optional_text(&mut e, "side_effects", msg("field-side-effects"), self.side_effects.as_deref(), 2000);
        e.into_result()?;
        Ok(Medication {
            name: name.unwrap_or_default(),
            dose,
            prescriber,
            start_date: start.map(|d| d.to_string()),
            stop_date: stop.map(|d| d.to_string()),
            adherence,
            side_effects,
        })
    }
}

impl RecordBody for Medication {
    const KIND: &'static str = "medication";
    const SCOPE: Scope = Scope::Client;

    fn validate(self) -> Result<Self, ValidationErrors> {
        self.validate_on(Timestamp::now().date())
    }
}

/// Another professional or service involved in the client's care (GP,
/// psychiatrist, social worker, another therapist...).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OtherProvider {
    /// Name and/or role, e.g. "Dr Lee, GP".
    pub name: String,
    pub organisation: Option<String>,
    /// Phone, e-mail or address.
    pub contact: Option<String>,
    /// What they provide.
    pub provides: Option<String>,
}

impl RecordBody for OtherProvider {
    const KIND: &'static str = "other_provider";
    const SCOPE: Scope = Scope::Client;

    fn validate(self) -> Result<Self, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let name = required_text(
            &mut e,
            "name",
            msg("field-name-or-role"),
            msg("field-name-or-role-in-sentence"),
            &self.name,
            120,
        );
        let organisation =
            optional_text(&mut e, "organisation", msg("field-organisation"), self.organisation.as_deref(), 200);
        let contact = optional_text(&mut e, "contact", msg("field-contact-details"), self.contact.as_deref(), 500);
        let provides =
            optional_text(&mut e, "provides", msg("field-what-they-provide"), self.provides.as_deref(), 2000);
        e.into_result()?;
        Ok(OtherProvider { name: name.unwrap_or_default(), organisation, contact, provides })
    }
}

/// A dated note on coordinating care (a call with the GP, a letter sent...).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CoordinationNote {
    /// `YYYY-MM-DD`, not in the future.
    pub date: String,
    /// The provider concerned (an `other_provider` record of the same client), if any.
    pub provider_id: Option<String>,
    pub note: String,
}

impl CoordinationNote {
    pub fn validate_on(self, today: Date) -> Result<Self, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let date = if self.date.trim().is_empty() {
            e.add_key("date", msg("context-error-note-date"), vec![]);
            None
        } else {
            date_field(&mut e, "date", msg("field-date"), Some(&self.date), Some(today))
        };
        let provider_id = match self.provider_id.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => None,
            Some(p) => crate::Id::parse(p).map(|i| i.to_string()).or_else(|| {
                e.add("provider_id", format!("{p:?} is not a record id"));
                None
            }),
        };
        let note = required_text(&mut e, "note", msg("field-note"), msg("field-note-in-sentence"), &self.note, 4000);
        e.into_result()?;
        Ok(CoordinationNote {
            date: date.map(crate::time::format_date).unwrap_or_default(),
            provider_id,
            note: note.unwrap_or_default(),
        })
    }
}

impl RecordBody for CoordinationNote {
    const KIND: &'static str = "coordination_note";
    const SCOPE: Scope = Scope::Client;

    fn validate(self) -> Result<Self, ValidationErrors> {
        self.validate_on(Timestamp::now().date())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn current_and_past_medication() {
        let today = date!(2026 - 03 - 10);
        let m = |stop: Option<&str>| Medication {
            name: "Sertraline".into(),
            start_date: Some("2025-11".into()),
            stop_date: stop.map(str::to_string),
            ..Default::default()
        };
        assert!(m(None).validate_on(today).unwrap().is_current(today));
        assert!(!m(Some("2026-02-01")).is_current(today));
        assert!(!m(Some("2026-03")).is_current(today), "stopped this month");
        assert!(m(Some("2026-04")).is_current(today), "a planned stop");
        let err = m(Some("2025-10")).validate_on(today).unwrap_err();
        assert_eq!(err.first().unwrap().field, "stop_date");
        let err = Medication { start_date: Some("2027".into()), ..m(None) }.validate_on(today).unwrap_err();
        assert_eq!(err.first().unwrap().field, "start_date");
        let err = Medication { name: " ".into(), ..m(None) }.validate_on(today).unwrap_err();
        assert_eq!(err.first().unwrap().field, "name");
        // Same month start and stop is fine.
        assert!(Medication { stop_date: Some("2025-11-20".into()), ..m(None) }.validate_on(today).is_ok());
    }

    #[test]
    fn cultural_formulation_needs_something() {
        let err = CulturalFormulation::default().validate().unwrap_err();
        assert_eq!(err.first().unwrap().field, "cultural_identity");
        let ok = CulturalFormulation { explanations: Some("  'thinking too much' ".into()), ..Default::default() }
            .validate()
            .unwrap();
        assert_eq!(ok.explanations.as_deref(), Some("'thinking too much'"));
        assert!(CulturalFormulation { interpreter_needed: true, ..Default::default() }.validate().is_ok());
        let err =
            CulturalFormulation { practices: Some("x".repeat(4001)), ..Default::default() }.validate().unwrap_err();
        assert_eq!(err.first().unwrap().field, "practices");
    }

    #[test]
    fn coordination_notes_are_dated() {
        let today = date!(2026 - 03 - 10);
        let n = CoordinationNote { date: "2026-03-01".into(), provider_id: None, note: "Spoke to GP".into() };
        assert!(n.clone().validate_on(today).is_ok());
        for (bad, field) in [
            (CoordinationNote { date: "".into(), ..n.clone() }, "date"),
            (CoordinationNote { date: "2026-03-11".into(), ..n.clone() }, "date"),
            (CoordinationNote { note: "".into(), ..n.clone() }, "note"),
            (CoordinationNote { provider_id: Some("gp".into()), ..n.clone() }, "provider_id"),
        ] {
            assert_eq!(bad.validate_on(today).unwrap_err().first().unwrap().field, field);
        }
        let err = OtherProvider::default().validate().unwrap_err();
        assert_eq!(err.first().unwrap().field, "name");
    }
}
