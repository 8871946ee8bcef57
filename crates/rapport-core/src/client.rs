//! Client records: the fields a clinic keeps about a person in care, and their
//! validation. Parse, don't validate: `ClientDetails` is always valid.

use crate::msg;
use crate::time::{format_date, parse_date};
use crate::validation::{looks_like_email, optional_text, KeyArg, ValidationErrors};
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

/// The languages a client's preferred language can be: the interface's
/// shipped languages (`rapport_i18n::SHIPPED`), stored as their tags.
pub const LANGUAGE_TAGS: [&str; 3] = ["en", "es", "fr"];

/// Validates raw input. `today` bounds the date of birth (no future births).
pub fn validate(raw: RawClientDetails, today: Date) -> Result<ClientDetails, ValidationErrors> {
    validate_keeping(raw, today, None)
}

/// Validates an edit of `current`: a preferred language recorded as free
/// text before it became a choice of tags may stay as it is.
pub fn validate_update(
    raw: RawClientDetails,
    today: Date,
    current: &ClientDetails,
) -> Result<ClientDetails, ValidationErrors> {
    validate_keeping(raw, today, current.preferred_language.as_deref())
}

fn validate_keeping(
    raw: RawClientDetails,
    today: Date,
    kept_language: Option<&str>,
) -> Result<ClientDetails, ValidationErrors> {
    let mut e = ValidationErrors::new();
    let display_name =
        match optional_text(&mut e, "display_name", msg("field-display-name"), raw.display_name.as_deref(), 120) {
            Some(n) if n.contains('\n') => {
                e.add_key("display_name", msg("client-error-name-single-line"), vec![]);
                String::new()
            }
            Some(n) => n,
            None => {
                if e.for_field("display_name").is_none() {
                    e.add_key("display_name", msg("client-error-name-required"), vec![]);
                }
                String::new()
            }
        };
    let date_of_birth =
        raw.date_of_birth.as_deref().map(str::trim).filter(|s| !s.is_empty()).and_then(|s| match parse_date(s) {
            None => {
                e.add_key("date_of_birth", msg("client-error-date-of-birth-format"), vec![]);
                None
            }
            Some(d) if d > today => {
                e.add_key("date_of_birth", msg("client-error-date-of-birth-future"), vec![]);
                None
            }
            Some(d) => {
                crate::validation::check_plausible(&mut e, "date_of_birth", msg("field-date-of-birth"), d, today)
                    .map(format_date)
            }
        });
    let email = optional_text(&mut e, "email", msg("field-email"), raw.email.as_deref(), 254);
    if let Some(m) = &email {
        if !looks_like_email(m) {
            e.add_key("email", msg("client-error-email"), vec![]);
        }
    }
    let phone = optional_text(&mut e, "phone", msg("field-phone"), raw.phone.as_deref(), 40);
    let emergency_contact_phone = optional_text(
        &mut e,
        "emergency_contact_phone",
        msg("field-emergency-contact-phone"),
        raw.emergency_contact_phone.as_deref(),
        40,
    );
    let mut external_ids = Vec::new();
    if raw.external_ids.len() > MAX_EXTERNAL_IDS {
        e.add_key(
            "external_ids",
            msg("client-error-external-ids-max"),
            vec![("max", KeyArg::Number(MAX_EXTERNAL_IDS as i64))],
        );
    }
    for id in raw.external_ids.iter().take(MAX_EXTERNAL_IDS) {
        let system = id.system.trim();
        let value = id.value.trim();
        if system.is_empty() || value.is_empty() {
            e.add_key("external_ids", msg("client-error-external-id-parts"), vec![]);
        } else if system.len() > 80 || value.len() > 80 {
            e.add_key("external_ids", msg("client-error-external-id-length"), vec![]);
        } else if external_ids.iter().any(|x: &ExternalId| x.system == system) {
            e.add_key("external_ids", msg("client-error-external-id-twice"), vec![("system", system.into())]);
        } else {
            external_ids.push(ExternalId { system: system.into(), value: value.into() });
        }
    }
    let details = ClientDetails {
        display_name,
        legal_name: optional_text(&mut e, "legal_name", msg("field-legal-name"), raw.legal_name.as_deref(), 200),
        date_of_birth,
        pronouns: optional_text(&mut e, "pronouns", msg("field-pronouns"), raw.pronouns.as_deref(), 40),
        email,
        phone,
        address: optional_text(&mut e, "address", msg("field-address"), raw.address.as_deref(), 500),
        preferred_language: preferred_language(&mut e, raw.preferred_language.as_deref(), kept_language),
        emergency_contact_name: optional_text(
            &mut e,
            "emergency_contact_name",
            msg("field-emergency-contact-name"),
            raw.emergency_contact_name.as_deref(),
            200,
        ),
        emergency_contact_relationship: optional_text(
            &mut e,
            "emergency_contact_relationship",
            msg("field-emergency-contact-relationship"),
            raw.emergency_contact_relationship.as_deref(),
            80,
        ),
        emergency_contact_phone,
        consent_notes: optional_text(
            &mut e,
            "consent_notes",
            msg("field-consent-notes"),
            raw.consent_notes.as_deref(),
            4000,
        ),
        external_ids,
    };
    e.into_result().map(|_| details)
}

/// A language tag of [`LANGUAGE_TAGS`], blank for none, or the value `kept`
/// unchanged.
fn preferred_language(e: &mut ValidationErrors, raw: Option<&str>, kept: Option<&str>) -> Option<String> {
    let value = raw.map(str::trim).filter(|v| !v.is_empty())?;
    if LANGUAGE_TAGS.contains(&value) || Some(value) == kept {
        Some(value.to_string())
    } else {
        e.add_key("preferred_language", msg("client-error-preferred-language"), vec![]);
        None
    }
}

/// Parses the UI's "one per line, `system: value`" text.
pub fn parse_external_ids(text: &str) -> Result<Vec<ExternalId>, ValidationErrors> {
    let mut out = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        match line.split_once(':') {
            Some((s, v)) => out.push(ExternalId { system: s.trim().into(), value: v.trim().into() }),
            None => {
                return Err(ValidationErrors::single_key(
                    "external_ids",
                    msg("client-error-external-id-colon"),
                    vec![("line", line.into())],
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
        assert_eq!(e.for_field("display_name"), Some("client-error-name-required"));
        let e = validate(RawClientDetails::default(), TODAY).unwrap_err();
        assert!(e.for_field("display_name").is_some());
    }

    #[test]
    fn date_of_birth_rules() {
        let mut r = raw("A");
        r.date_of_birth = Some("2030-01-01".into());
        assert_eq!(
            validate(r.clone(), TODAY).unwrap_err().for_field("date_of_birth"),
            Some("client-error-date-of-birth-future")
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
        assert_eq!(
            validate(r, TODAY).unwrap_err().0[0].key.as_ref().map(|k| k.args.clone()),
            Some(vec![("system", KeyArg::Text("X".into()))])
        );
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

    #[test]
    fn preferred_language_is_a_shipped_tag_or_blank() {
        let mut r = raw("A");
        r.preferred_language = Some(" es ".into());
        assert_eq!(validate(r.clone(), TODAY).unwrap().preferred_language.as_deref(), Some("es"));
        r.preferred_language = Some("".into());
        assert_eq!(validate(r.clone(), TODAY).unwrap().preferred_language, None);
        r.preferred_language = Some("Klingon".into());
        let e = validate(r.clone(), TODAY).unwrap_err();
        assert_eq!(e.for_field("preferred_language"), Some("client-error-preferred-language"));
        let before = ClientDetails { preferred_language: Some("Klingon".into()), ..Default::default() };
        let kept = validate_update(r.clone(), TODAY, &before).unwrap();
        assert_eq!(kept.preferred_language.as_deref(), Some("Klingon"), "recorded before the list: kept as it is");
        r.preferred_language = Some("Vulcan".into());
        assert!(validate_update(r, TODAY, &before).is_err(), "a new unknown value is refused");
    }
}
