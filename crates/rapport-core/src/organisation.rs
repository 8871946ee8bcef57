//! The rules of the organisation's settings as typed into a form: crisis
//! lines, country, and the bounded numbers (session limits, emergency access,
//! risk-flag deadlines). Each reader records its field's error and returns
//! the value to keep.

use crate::validation::KeyArg;
use crate::ValidationErrors;

/// The crisis resources, required: 1 to 12 lines of at most 200 characters.
pub fn crisis_resources(errors: &mut ValidationErrors, v: &Option<String>) -> String {
    let lines = crisis_lines(errors, v);
    if lines.is_empty() {
        errors.add_key("crisis_resources", crate::msg("admin-error-crisis-none"), vec![]);
    }
    lines
}

/// Crisis lines as typed, possibly none: at most 12 lines of at most 200
/// characters; blank lines dropped, each trimmed.
pub fn crisis_lines(errors: &mut ValidationErrors, v: &Option<String>) -> String {
    let lines: Vec<&str> = v.as_deref().unwrap_or_default().lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    if lines.len() > 12 {
        errors.add_key("crisis_resources", crate::msg("admin-error-crisis-lines"), vec![]);
    } else if lines.iter().any(|l| l.chars().count() > 200) {
        errors.add_key("crisis_resources", crate::msg("admin-error-crisis-line-long"), vec![]);
    }
    lines.join("\n")
}

/// The country as typed: at most 60 characters on one line (empty allowed).
pub fn country(errors: &mut ValidationErrors, v: &Option<String>) -> String {
    let c = v.as_deref().unwrap_or_default().trim().to_string();
    if c.chars().count() > 60 || c.chars().any(char::is_control) {
        errors.add_key("country", crate::msg("admin-error-country"), vec![]);
    }
    c
}

/// The time zone as typed: an IANA name such as `Europe/London` (blank: UTC).
pub fn time_zone(errors: &mut ValidationErrors, v: &Option<String>) -> String {
    let raw = v.as_deref().unwrap_or_default().trim();
    if raw.is_empty() {
        return "UTC".into();
    }
    match crate::zone::Zone::parse(raw) {
        Some(z) => z.name().to_string(),
        None => {
            errors.add_key("time_zone", crate::msg("admin-error-time-zone"), vec![]);
            "UTC".into()
        }
    }
}

/// A setting that is a whole number in `min..=max`; its error is the interface message `message`.
#[derive(Clone, Copy, Debug)]
pub struct Bounded {
    pub field: &'static str,
    /// The interface message of the error ("… must be a whole number from { $min } to { $max }").
    pub message: &'static str,
    pub min: i64,
    pub max: i64,
}

impl Bounded {
    /// The number typed, or `min` with an error.
    pub fn read(&self, errors: &mut ValidationErrors, v: &Option<String>) -> i64 {
        match v.as_deref().map(str::trim).and_then(|s| s.parse::<i64>().ok()) {
            Some(n) if (self.min..=self.max).contains(&n) => n,
            _ => {
                let args = vec![("min", KeyArg::Number(self.min)), ("max", KeyArg::Number(self.max))];
                errors.add_key(self.field, self.message, args);
                self.min
            }
        }
    }

    /// As `read` when the field was sent, otherwise `current` (an older form without it).
    pub fn read_or(&self, errors: &mut ValidationErrors, v: &Option<String>, current: i64) -> i64 {
        if v.is_some() {
            self.read(errors, v)
        } else {
            current
        }
    }
}

pub const IDLE_TIMEOUT: Bounded =
    Bounded { field: "idle_timeout_minutes", message: crate::msg("admin-error-idle"), min: 5, max: 240 };
pub const SESSION_LIFETIME: Bounded =
    Bounded { field: "absolute_lifetime_hours", message: crate::msg("admin-error-lifetime"), min: 1, max: 24 };
pub const BREAK_GLASS: Bounded =
    Bounded { field: "break_glass_hours", message: crate::msg("admin-error-break-glass"), min: 1, max: 72 };
pub const RISK_ACKNOWLEDGEMENT: Bounded = Bounded {
    field: "risk_acknowledgement_hours",

    message: crate::msg("admin-error-risk-ack"),
    min: crate::escalation::MIN_HOURS,
    max: crate::escalation::MAX_HOURS,
};
/// Days a session recording is kept; 0 means the organisation takes none.
pub const RECORDING_RETENTION: Bounded =
    Bounded { field: "recording_retention_days", message: crate::msg("admin-error-recordings"), min: 0, max: 365 };
/// Rings of the inventory's closeness circle.
pub const CLOSENESS_RINGS: Bounded = Bounded {
    field: "closeness_rings",
    message: crate::msg("admin-error-closeness-rings"),
    min: crate::inventory::MIN_RING_COUNT as i64,
    max: crate::inventory::MAX_RING_COUNT as i64,
};
pub const RISK_ASSESSMENT: Bounded = Bounded {
    field: "risk_assessment_hours",

    message: crate::msg("admin-error-risk-assess"),
    min: crate::escalation::MIN_HOURS,
    max: crate::escalation::MAX_HOURS,
};

#[cfg(test)]
mod tests {
    use super::*;

    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn crisis_lines_are_trimmed_and_bounded() {
        let mut e = ValidationErrors::new();
        assert_eq!(crisis_lines(&mut e, &some("  116 123 \n\n Samaritans ")), "116 123\nSamaritans");
        assert!(e.is_empty());
        assert_eq!(crisis_lines(&mut e, &None), "");
        assert!(e.is_empty(), "none is allowed at setup");
        crisis_resources(&mut e, &some(" \n "));
        assert!(e.for_field("crisis_resources").is_some(), "the settings require one");
        let mut e = ValidationErrors::new();
        crisis_lines(&mut e, &some(&"line\n".repeat(13)));
        assert_eq!(e.first().and_then(|f| f.key.as_ref()).map(|k| k.id), Some("admin-error-crisis-lines"));
        let mut e = ValidationErrors::new();
        crisis_lines(&mut e, &some(&"x".repeat(201)));
        assert!(e.for_field("crisis_resources").is_some());
    }

    #[test]
    fn country_is_one_short_line() {
        let mut e = ValidationErrors::new();
        assert_eq!(country(&mut e, &some(" Ireland ")), "Ireland");
        assert_eq!(country(&mut e, &None), "");
        assert!(e.is_empty());
        country(&mut e, &some("Ire\u{7}land"));
        assert!(e.for_field("country").is_some());
    }

    #[test]
    fn time_zone_is_an_iana_name() {
        let mut e = ValidationErrors::new();
        assert_eq!(time_zone(&mut e, &some(" Europe/Dublin ")), "Europe/Dublin");
        assert_eq!(time_zone(&mut e, &None), "UTC");
        assert!(e.is_empty());
        time_zone(&mut e, &some("GMT+25"));
        assert!(e.for_field("time_zone").is_some());
    }

    #[test]
    fn bounded_numbers_name_their_range() {
        let mut e = ValidationErrors::new();
        assert_eq!(IDLE_TIMEOUT.read(&mut e, &some(" 30 ")), 30);
        assert_eq!(BREAK_GLASS.read_or(&mut e, &None, 12), 12);
        assert!(e.is_empty());
        assert_eq!(SESSION_LIFETIME.read(&mut e, &some("25")), 1);
        let key = e.first().and_then(|f| f.key.clone()).unwrap();
        assert_eq!(key.id, "admin-error-lifetime");
        assert_eq!(key.args, vec![("min", KeyArg::Number(1)), ("max", KeyArg::Number(24))]);
        let mut e = ValidationErrors::new();
        RISK_ASSESSMENT.read_or(&mut e, &some("soon"), 12);
        assert!(e.for_field("risk_assessment_hours").is_some());
    }
}
