//! SMART Backend Services scopes (`system/*.read`, `system/Observation.read`,
//! and the SMART v2 spellings `system/*.rs`): which FHIR resource types a
//! machine client may read. Only read scopes exist here; Rapport takes no
//! writes from machine clients.

use std::collections::BTreeSet;

/// The resource types a machine client can be given: those a Bulk Data
/// export writes (`Group` is also its anchor).
pub const SYSTEM_TYPES: [&str; 15] = [
    "Patient",
    "Group",
    "Practitioner",
    "PractitionerRole",
    "Organization",
    "CareTeam",
    "EpisodeOfCare",
    "Encounter",
    "Condition",
    "CarePlan",
    "Goal",
    "QuestionnaireResponse",
    "Observation",
    "Flag",
    "RiskAssessment",
];

/// A set of granted read scopes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scopes {
    /// `system/*.read`: every type.
    all: bool,
    types: BTreeSet<String>,
}

impl Scopes {
    /// Parses a space-separated scope list; names the first scope that is not
    /// a system read scope of a known type.
    pub fn parse(text: &str) -> Result<Scopes, String> {
        let mut s = Scopes::default();
        for scope in text.split_whitespace() {
            let (kind, access) = scope
                .strip_prefix("system/")
                .and_then(|rest| rest.split_once('.'))
                .ok_or_else(|| format!("{scope:?} is not a system scope (system/<type>.read)"))?;
            // SMART v2 `rs` (read and search) or `r`, or v1 `read`.
            if !matches!(access, "read" | "rs" | "r") {
                return Err(format!("{scope:?}: only read access (.read or .rs) can be granted"));
            }
            if kind == "*" {
                s.all = true;
            } else if SYSTEM_TYPES.contains(&kind) {
                s.types.insert(kind.to_string());
            } else {
                return Err(format!("{scope:?}: {kind} is not served to machine clients"));
            }
        }
        Ok(s)
    }

    pub fn is_empty(&self) -> bool {
        !self.all && self.types.is_empty()
    }

    /// May read resources of this type.
    pub fn allows(&self, kind: &str) -> bool {
        SYSTEM_TYPES.contains(&kind) && (self.all || self.types.contains(kind))
    }

    /// What both sets allow: `system/*.read` asked of a client allowed only
    /// Observation gives Observation.
    pub fn intersect(&self, other: &Scopes) -> Scopes {
        match (self.all, other.all) {
            (true, true) => Scopes { all: true, types: BTreeSet::new() },
            (true, false) => other.clone(),
            (false, true) => self.clone(),
            (false, false) => Scopes { all: false, types: self.types.intersection(&other.types).cloned().collect() },
        }
    }

    /// The canonical text, `system/*.read` or `system/Observation.read system/Patient.read`.
    pub fn to_text(&self) -> String {
        if self.all {
            return "system/*.read".into();
        }
        self.types.iter().map(|t| format!("system/{t}.read")).collect::<Vec<_>>().join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_parse_intersect_and_refuse_writes() {
        let all = Scopes::parse("system/*.read").unwrap();
        let obs = Scopes::parse("system/Observation.rs").unwrap();
        assert!(all.allows("Patient") && all.allows("Goal") && !all.allows("Questionnaire"));
        assert_eq!(all.intersect(&obs).to_text(), "system/Observation.read");
        assert_eq!(obs.intersect(&all).to_text(), "system/Observation.read");
        assert!(Scopes::parse("system/Patient.read system/Group.read").unwrap().intersect(&obs).is_empty());
        assert!(Scopes::parse("system/*.write").is_err());
        assert!(Scopes::parse("patient/*.read").is_err());
        assert!(Scopes::parse("system/Questionnaire.read").is_err());
        assert!(Scopes::parse("system/AuditEvent.read").is_err());
        assert!(Scopes::parse("system/CarePlan.read").unwrap().allows("CarePlan"));
        assert!(Scopes::parse("").unwrap().is_empty());
    }
}
