//! Client records: the fields a clinic keeps about a person in care, and their
//! validation. Parse, don't validate: `ClientDetails` is always valid.

use crate::time::{format_date, parse_date};
use crate::validation::{looks_like_email, optional_text, ValidationErrors};
use serde::{Deserialize, Serialize};
use time::Date;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClientStatus {
    Active,
    Archived,
}

impl ClientStatus {
    pub fn as_str(&self) -> &'static str {
        match self {
            ClientStatus::Active => "active",
            ClientStatus::Archived => "archived",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "active" => Some(ClientStatus::Active),
            "archived" => Some(ClientStatus::Archived),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExternalId {
    pub system: String,
    pub value: String,
}

/// Everything a user can edit on a client record, validated.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientDetails {
    pub display_name: String,
    pub legal_name: Option<String>,
    pub date_of_birth: Option<String>,
    pub pronouns: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub preferred_language: Option<String>,
    pub emergency_contact_name: Option<String>,
    pub emergency_contact_relationship: Option<String>,
    pub emergency_contact_phone: Option<String>,
    pub consent_notes: Option<String>,
    pub external_ids: Vec<ExternalId>,
}

/// The same fields as typed by a person or sent by an API client.
#[derive(Clone, Debug, Default)]
pub struct RawClientDetails {
    pub display_name: Option<String>,
    pub legal_name: Option<String>,
    pub date_of_birth: Option<String>,
    pub pronouns: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub preferred_language: Option<String>,
    pub emergency_contact_name: Option<String>,
    pub emergency_contact_relationship: Option<String>,
    pub emergency_contact_phone: Option<String>,
    pub consent_notes: Option<String>,
    pub external_ids: Vec<ExternalId>,
}

impl From<&ClientDetails> for RawClientDetails {
    fn from(d: &ClientDetails) -> Self {
        RawClientDetails {
            display_name: Some(d.display_name.clone()),
            legal_name: d.legal_name.clone(),
            date_of_birth: d.date_of_birth.clone(),
            pronouns: d.pronouns.clone(),
            email: d.email.clone(),
            phone: d.phone.clone(),
            address: d.address.clone(),
            preferred_language: d.preferred_language.clone(),
            emergency_contact_name: d.emergency_contact_name.clone(),
            emergency_contact_relationship: d.emergency_contact_relationship.clone(),
            emergency_contact_phone: d.emergency_contact_phone.clone(),
            consent_notes: d.consent_notes.clone(),
            external_ids: d.external_ids.clone(),
        }
    }
}

pub const MAX_EXTERNAL_IDS: usize = 10;

/// Validates raw input. `today` bounds the date of birth (no future births).
pub fn validate(raw: RawClientDetails, today: Date) -> Result<ClientDetails, ValidationErrors> {
    let mut e = ValidationErrors::new();
    let display_name = match optional_text(&mut e, "display_name", "Display name", raw.display_name.as_deref(), 120) {
        Some(n) if n.contains('\n') => {
            e.add("display_name", "Display name must be a single line");
            String::new()
        }
        Some(n) => n,
        None => {
            if e.for_field("display_name").is_none() {
                e.add("display_name", "Enter a display name");
            }
            String::new()
        }
    };
    let date_of_birth =
        raw.date_of_birth.as_deref().map(str::trim).filter(|s| !s.is_empty()).and_then(|s| match parse_date(s) {
            None => {
                e.add("date_of_birth", "Date of birth must be a real date written YYYY-MM-DD");
                None
            }
            Some(d) if d > today => {
                e.add("date_of_birth", "Date of birth cannot be in the future");
                None
            }
            Some(d) => {
                crate::validation::check_plausible(&mut e, "date_of_birth", "Date of birth", d, today).map(format_date)
            }
        });
    let email = optional_text(&mut e, "email", "Email", raw.email.as_deref(), 254);
    if let Some(m) = &email {
        if !looks_like_email(m) {
            e.add("email", "Email must look like name@example.org");
        }
    }
    let phone = optional_text(&mut e, "phone", "Phone", raw.phone.as_deref(), 40);
    let emergency_contact_phone = optional_text(
        &mut e,
        "emergency_contact_phone",
        "Emergency contact phone",
        raw.emergency_contact_phone.as_deref(),
        40,
    );
    let mut external_ids = Vec::new();
    if raw.external_ids.len() > MAX_EXTERNAL_IDS {
        e.add("external_ids", format!("At most {MAX_EXTERNAL_IDS} external identifiers"));
    }
    for id in raw.external_ids.iter().take(MAX_EXTERNAL_IDS) {
        let system = id.system.trim();
        let value = id.value.trim();
        if system.is_empty() || value.is_empty() {
            e.add(
                "external_ids",
                "Each external identifier needs a system and a value, e.g. \"Hospital number: H123456\"",
            );
        } else if system.len() > 80 || value.len() > 80 {
            e.add("external_ids", "External identifier systems and values must be at most 80 characters");
        } else if external_ids.iter().any(|x: &ExternalId| x.system == system) {
            e.add("external_ids", format!("\"{system}\" is listed twice"));
        } else {
            external_ids.push(ExternalId { system: system.into(), value: value.into() });
        }
    }
    let details = ClientDetails {
        display_name,
        legal_name: optional_text(&mut e, "legal_name", "Legal name", raw.legal_name.as_deref(), 200),
        date_of_birth,
        pronouns: optional_text(&mut e, "pronouns", "Pronouns", raw.pronouns.as_deref(), 40),
        email,
        phone,
        address: optional_text(&mut e, "address", "Address", raw.address.as_deref(), 500),
        preferred_language: optional_text(
            &mut e,
            "preferred_language",
            "Preferred language",
            raw.preferred_language.as_deref(),
            60,
        ),
        emergency_contact_name: optional_text(
            &mut e,
            "emergency_contact_name",
            "Emergency contact name",
            raw.emergency_contact_name.as_deref(),
            200,
        ),
        emergency_contact_relationship: optional_text(
            &mut e,
            "emergency_contact_relationship",
            "Emergency contact relationship",
            raw.emergency_contact_relationship.as_deref(),
            80,
        ),
        emergency_contact_phone,
        consent_notes: optional_text(&mut e, "consent_notes", "Consent notes", raw.consent_notes.as_deref(), 4000),
        external_ids,
    };
    e.into_result().map(|_| details)
}

/// Parses the UI's "one per line, `system: value`" text.
pub fn parse_external_ids(text: &str) -> Result<Vec<ExternalId>, ValidationErrors> {
    let mut out = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        match line.split_once(':') {
            Some((s, v)) => out.push(ExternalId { system: s.trim().into(), value: v.trim().into() }),
            None => {
                return Err(ValidationErrors::single(
                    "external_ids",
                    format!("\"{line}\" needs a colon between system and value, e.g. \"Hospital number: H123456\""),
                ))
            }
        }
    }
    Ok(out)
}

pub fn format_external_ids(ids: &[ExternalId]) -> String {
    ids.iter().map(|i| format!("{}: {}", i.system, i.value)).collect::<Vec<_>>().join("\n")
}

/// Age in whole years on `today`.
pub fn age_on(date_of_birth: &str, today: Date) -> Option<i32> {
    let dob = parse_date(date_of_birth)?;
    let mut age = today.year() - dob.year();
    if (today.month() as u8, today.day()) < (dob.month() as u8, dob.day()) {
        age -= 1;
    }
    Some(age)
}

/// Names of the fields an edit changed (for the audit trail; values stay out of it).
pub fn changed_fields(old: &ClientDetails, new: &ClientDetails) -> String {
    let a = serde_json::to_value(old).unwrap_or_default();
    let b = serde_json::to_value(new).unwrap_or_default();
    let mut changed: Vec<String> = Vec::new();
    if let (Some(a), Some(b)) = (a.as_object(), b.as_object()) {
        for (k, v) in b {
            if a.get(k) != Some(v) {
                changed.push(k.clone());
            }
        }
    }
    if changed.is_empty() {
        "no changes".into()
    } else {
        format!("changed: {}", changed.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 26);

    fn raw(name: &str) -> RawClientDetails {
        RawClientDetails { display_name: Some(name.into()), ..Default::default() }
    }

    #[test]
    fn changed_fields_names_fields_not_values() {
        let old = ClientDetails { display_name: "Alex".into(), ..Default::default() };
        assert_eq!(changed_fields(&old, &old.clone()), "no changes");
        let new = ClientDetails {
            display_name: "Alex B".into(),
            email: Some("alex@clinic.example".into()),
            external_ids: vec![ExternalId { system: "nhs".into(), value: "123".into() }],
            ..old.clone()
        };
        let c = changed_fields(&old, &new);
        assert_eq!(c, "changed: display_name, email, external_ids");
        assert!(!c.contains("Alex B") && !c.contains("clinic.example"));
        assert_eq!(changed_fields(&new, &old), "changed: display_name, email, external_ids", "clearing counts");
    }

    #[test]
    fn display_name_is_required_and_trimmed() {
        assert_eq!(validate(raw("  Alex  "), TODAY).unwrap().display_name, "Alex");
        let e = validate(raw("   "), TODAY).unwrap_err();
        assert_eq!(e.for_field("display_name"), Some("Enter a display name"));
        let e = validate(RawClientDetails::default(), TODAY).unwrap_err();
        assert!(e.for_field("display_name").is_some());
    }

    #[test]
    fn date_of_birth_rules() {
        let mut r = raw("A");
        r.date_of_birth = Some("2030-01-01".into());
        assert_eq!(
            validate(r.clone(), TODAY).unwrap_err().for_field("date_of_birth"),
            Some("Date of birth cannot be in the future")
        );
        r.date_of_birth = Some("12/04/1990".into());
        assert!(validate(r.clone(), TODAY).is_err());
        r.date_of_birth = Some("1990-04-12".into());
        assert_eq!(validate(r, TODAY).unwrap().date_of_birth.as_deref(), Some("1990-04-12"));
    }

    #[test]
    fn external_ids_parse_and_validate() {
        let ids = parse_external_ids("Hospital number: H1\n\nNHS: 943 476 5919").unwrap();
        assert_eq!(ids.len(), 2);
        assert_eq!(format_external_ids(&ids), "Hospital number: H1\nNHS: 943 476 5919");
        assert!(parse_external_ids("no colon").is_err());
        let mut r = raw("A");
        r.external_ids = vec![ExternalId { system: "X".into(), value: "1".into() }; 2];
        assert!(validate(r, TODAY).unwrap_err().for_field("external_ids").unwrap().contains("twice"));
    }

    #[test]
    fn email_and_lengths() {
        let mut r = raw("A");
        r.email = Some("not-an-email".into());
        assert!(validate(r.clone(), TODAY).unwrap_err().for_field("email").is_some());
        r.email = None;
        r.pronouns = Some("x".repeat(41));
        assert!(validate(r, TODAY).unwrap_err().for_field("pronouns").is_some());
    }

    #[test]
    fn age() {
        assert_eq!(age_on("1990-11-27", TODAY), Some(35));
        assert_eq!(age_on("1990-11-26", TODAY), Some(36));
    }
}
