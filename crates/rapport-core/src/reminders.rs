//! E-mail reminders to clients before a session (issue 12): the lead times an
//! organisation or a client may choose, which one applies, when a reminder is
//! due, and what it says. The job that sends them is
//! `rapport_app::reminders::send_due`; each session gets at most one reminder
//! (a uniqueness rule in the database).

use crate::course::Attendance;
use crate::validation::ValidationErrors;
use time::{Date, Duration, PrimitiveDateTime, Time};

/// The lead times offered, in hours before the session.
pub const LEAD_HOURS: [i64; 3] = [2, 24, 48];

/// The organisation's default when none is set.
pub const DEFAULT_LEAD_HOURS: i64 = 24;

/// How long before a session its reminder goes: `None` is off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lead(pub Option<i64>);

impl Lead {
    pub const OFF: Lead = Lead(None);

    /// From the stored number (0: off).
    pub fn from_db(hours: i64) -> Lead {
        if hours <= 0 {
            Lead::OFF
        } else {
            Lead(Some(hours))
        }
    }

    pub fn to_db(self) -> i64 {
        self.0.unwrap_or(0)
    }

    /// The form value: "off" or the hours ("24").
    pub fn form_value(self) -> String {
        match self.0 {
            None => "off".into(),
            Some(h) => h.to_string(),
        }
    }

    /// "Off" / "24 hours before" / "2 hours before".
    pub fn label(self) -> String {
        match self.0 {
            None => "Off".into(),
            Some(h) => format!("{h} hours before"),
        }
    }

    /// Reads a form value ("off", "2", "24", "48"); anything else is an error on `field`.
    pub fn parse(e: &mut ValidationErrors, field: &str, raw: Option<&str>) -> Option<Lead> {
        match raw.map(str::trim) {
            Some("off") => Some(Lead::OFF),
            Some(v) => match v.parse::<i64>() {
                Ok(h) if LEAD_HOURS.contains(&h) => Some(Lead(Some(h))),
                _ => {
                    e.add(field, "Choose when reminders go: off, 2, 24 or 48 hours before the session");
                    None
                }
            },
            None => {
                e.add(field, "Choose when reminders go: off, 2, 24 or 48 hours before the session");
                None
            }
        }
    }

    /// Every choice, as (form value, label), for a select.
    pub fn choices() -> Vec<(String, String)> {
        let mut v = vec![(Lead::OFF.form_value(), Lead::OFF.label())];
        v.extend(LEAD_HOURS.iter().map(|h| (Lead(Some(*h)).form_value(), Lead(Some(*h)).label())));
        v
    }
}

/// A client's choice: the organisation's default, or their own lead time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClientChoice {
    Default,
    Own(Lead),
}

impl ClientChoice {
    /// The form value: "default", "off" or the hours.
    pub fn form_value(self) -> String {
        match self {
            ClientChoice::Default => "default".into(),
            ClientChoice::Own(l) => l.form_value(),
        }
    }

    /// Reads the client form's value; blank or absent keeps the default.
    pub fn parse(e: &mut ValidationErrors, field: &str, raw: Option<&str>) -> ClientChoice {
        match raw.map(str::trim) {
            None | Some("") | Some("default") => ClientChoice::Default,
            other => Lead::parse(e, field, other).map(ClientChoice::Own).unwrap_or(ClientChoice::Default),
        }
    }

    /// The lead time that applies, given the organisation's default.
    pub fn effective(self, default: Lead) -> Lead {
        match self {
            ClientChoice::Default => default,
            ClientChoice::Own(l) => l,
        }
    }

    /// The client form's choices: the default (named), then off and each lead time.
    pub fn choices(default: Lead) -> Vec<(String, String)> {
        let mut v = vec![("default".to_string(), format!("Organisation default ({})", default.label().to_lowercase()))];
        v.extend(Lead::choices());
        v
    }
}

/// When a session starts, in local time: its date and "HH:MM" time (a session
/// without a time counts from the start of its day, so its reminder is early
/// rather than late).
pub fn session_start(date: Date, time: &str) -> PrimitiveDateTime {
    let t = time
        .split_once(':')
        .and_then(|(h, m)| Time::from_hms(h.trim().parse().ok()?, m.trim().parse().ok()?, 0).ok())
        .unwrap_or(Time::MIDNIGHT);
    PrimitiveDateTime::new(date, t)
}

/// Whether a session's reminder is due at `now` (both local): the session is
/// still scheduled, has not started, and starts within the lead time. The
/// caller checks that none was sent (the database refuses a second one).
pub fn due(attendance: Attendance, starts: PrimitiveDateTime, now: PrimitiveDateTime, lead: Lead) -> bool {
    let Some(hours) = lead.0 else { return false };
    attendance == Attendance::Scheduled && starts > now && starts - now <= Duration::hours(hours)
}

/// "Thursday 10 December 2026 at 10:00" (or without "at" when no time is set).
pub fn when_text(date: Date, time: &str) -> String {
    let day = format!("{} {} {} {}", date.weekday(), date.day(), date.month(), date.year());
    if time.trim().is_empty() {
        day
    } else {
        format!("{day} at {}", time.trim())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn a_session_within_the_lead_time_is_due_once_scheduled_and_ahead() {
        let now = datetime!(2026-12-04 11:00);
        let starts = session_start(date!(2026 - 12 - 05), "10:00"); // 23 h away
        assert!(due(Attendance::Scheduled, starts, now, Lead(Some(24))));
        assert!(!due(Attendance::Scheduled, starts, now, Lead(Some(2))), "23 h away is not within 2 h");
        assert!(!due(Attendance::Scheduled, starts, now, Lead::OFF), "off never sends");
        assert!(!due(Attendance::Cancelled, starts, now, Lead(Some(24))), "a cancelled session");
        let past = session_start(date!(2026 - 12 - 04), "09:00");
        assert!(!due(Attendance::Scheduled, past, now, Lead(Some(48))), "a session already started");
        let far = session_start(date!(2026 - 12 - 07), "10:00");
        assert!(!due(Attendance::Scheduled, far, now, Lead(Some(48))), "71 h away is not within 48 h");
    }

    #[test]
    fn times_are_read_leniently_and_a_missing_time_is_the_start_of_the_day() {
        assert_eq!(session_start(date!(2026 - 12 - 05), "09:30"), datetime!(2026-12-05 09:30));
        assert_eq!(session_start(date!(2026 - 12 - 05), ""), datetime!(2026-12-05 00:00));
        assert_eq!(session_start(date!(2026 - 12 - 05), "25:00"), datetime!(2026-12-05 00:00));
    }

    #[test]
    fn the_client_choice_overrides_the_default() {
        let mut e = ValidationErrors::new();
        assert_eq!(ClientChoice::parse(&mut e, "r", Some("default")).effective(Lead(Some(24))), Lead(Some(24)));
        assert_eq!(ClientChoice::parse(&mut e, "r", Some("off")).effective(Lead(Some(24))), Lead::OFF);
        assert_eq!(ClientChoice::parse(&mut e, "r", Some("2")).effective(Lead::OFF), Lead(Some(2)));
        assert!(e.is_empty());
        ClientChoice::parse(&mut e, "reminder", Some("5"));
        assert!(e.for_field("reminder").is_some(), "5 hours is not offered");
        assert_eq!(Lead::from_db(0), Lead::OFF);
        assert_eq!(Lead::from_db(48).to_db(), 48);
    }

    #[test]
    fn the_session_time_is_named_in_full() {
        assert_eq!(when_text(date!(2026 - 12 - 10), "10:00"), "Thursday 10 December 2026 at 10:00");
        assert_eq!(when_text(date!(2026 - 12 - 10), ""), "Thursday 10 December 2026");
    }
}
