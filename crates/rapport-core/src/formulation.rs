//! The interpersonal formulation of a course (ipt-model.md section 6): the
//! chosen problem areas, the link between symptoms and the interpersonal
//! situation, the text shared with the client and the date it was agreed.
//! One per course, versioned (revisions keep history).

use crate::records::{RecordBody, Scope};
use crate::time::parse_date;
use crate::validation::{optional_text, ValidationErrors};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Formulation {
    /// Canonical problem-area codes, at most the protocol's limit (checked
    /// against the protocol by `course::validate_problem_areas`).
    pub problem_areas: Vec<String>,
    /// How the symptoms link to the interpersonal situation.
    pub symptom_link: Option<String>,
    /// Plain-language statement to share with the client.
    pub shared_text: Option<String>,
    /// `YYYY-MM-DD` the client agreed the formulation and focus.
    pub agreed_on: Option<String>,
    /// Why this focus (and not another).
    pub rationale: Option<String>,
}

impl RecordBody for Formulation {
    const KIND: &'static str = "formulation";
    const SCOPE: Scope = Scope::Course;

    fn validate(self) -> Result<Self, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let symptom_link =
            optional_text(&mut e, "symptom_link", "Link to symptoms", self.symptom_link.as_deref(), 4000);
        let shared_text = optional_text(&mut e, "shared_text", "Text shared", self.shared_text.as_deref(), 4000);
        let rationale = optional_text(&mut e, "rationale", "Rationale", self.rationale.as_deref(), 4000);
        let agreed_on = match self.agreed_on.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => None,
            Some(d) if parse_date(d).is_some() => Some(d.to_string()),
            Some(_) => {
                e.add("agreed_on", "Date agreed must be in the form YYYY-MM-DD");
                None
            }
        };
        e.into_result()?;
        Ok(Formulation { problem_areas: self.problem_areas, symptom_link, shared_text, agreed_on, rationale })
    }
}
