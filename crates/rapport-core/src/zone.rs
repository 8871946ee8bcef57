//! The organisation's time zone: turning stored UTC timestamps into the local
//! form people read, and a session's local wall-clock date and time into UTC
//! (for calendar feeds). Uses the IANA time-zone database bundled with `jiff`,
//! so a server without `/usr/share/zoneinfo` gives the same answers.

use crate::Timestamp;
use time::{Date, Month, PrimitiveDateTime, Time};

/// A time zone known by its IANA name (e.g. `Europe/London`).
#[derive(Clone, Debug)]
pub struct Zone {
    name: String,
    tz: jiff::tz::TimeZone,
}

impl PartialEq for Zone {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl Default for Zone {
    fn default() -> Self {
        Zone::utc()
    }
}

impl Zone {
    pub fn utc() -> Self {
        Zone { name: "UTC".into(), tz: jiff::tz::TimeZone::UTC }
    }

    /// The zone named `name` (an IANA name, case as in the database), if known.
    pub fn parse(name: &str) -> Option<Zone> {
        let name = name.trim();
        if name.is_empty() || name.len() > 64 {
            return None;
        }
        let tz = jiff::tz::TimeZone::get(name).ok()?;
        // Keep the database's spelling (the lookup ignores case).
        let name = tz.iana_name().unwrap_or(name).to_string();
        Some(Zone { name, tz })
    }

    /// The stored name, or UTC when it is blank or unknown (a database
    /// written by an older version, or a zone the bundled database dropped).
    pub fn or_utc(name: &str) -> Zone {
        Zone::parse(name).unwrap_or_else(Zone::utc)
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The local date and time of an instant.
    pub fn local(&self, t: Timestamp) -> PrimitiveDateTime {
        let secs = t.datetime().unix_timestamp();
        let dt = jiff::Timestamp::from_second(secs).map(|ts| self.tz.to_datetime(ts)).unwrap_or_default();
        let date = Date::from_calendar_date(
            i32::from(dt.year()),
            Month::try_from(dt.month() as u8).unwrap_or(Month::January),
            dt.day() as u8,
        )
        .unwrap_or(t.date());
        let time = Time::from_hms(dt.hour() as u8, dt.minute() as u8, dt.second() as u8).unwrap_or(Time::MIDNIGHT);
        PrimitiveDateTime::new(date, time)
    }

    /// The local calendar date of an instant.
    pub fn date_of(&self, t: Timestamp) -> Date {
        self.local(t).date()
    }

    /// The instant a local wall-clock time names. A time that does not exist
    /// (the hour skipped when clocks go forward) is read as the time after the
    /// gap; a time that happens twice (clocks go back) as the first one.
    pub fn to_utc(&self, date: Date, time: Time) -> Timestamp {
        let civil = jiff::civil::DateTime::new(
            date.year() as i16,
            u8::from(date.month()) as i8,
            date.day() as i8,
            time.hour() as i8,
            time.minute() as i8,
            time.second() as i8,
            0,
        );
        let secs = civil
            .ok()
            .and_then(|c| self.tz.to_ambiguous_zoned(c).compatible().ok())
            .map(|z| z.timestamp().as_second())
            .unwrap_or_else(|| PrimitiveDateTime::new(date, time).assume_utc().unix_timestamp());
        Timestamp::from_unix_micros(secs * 1_000_000).unwrap_or_else(Timestamp::now)
    }

    /// "4 Dec 2026, 14:05": an instant for people, in this zone.
    pub fn show(&self, t: Timestamp) -> String {
        let l = self.local(t);
        format!("{}, {:02}:{:02}", show_date(l.date()), l.hour(), l.minute())
    }
}

/// "4 Dec 2026": a date for people.
pub fn show_date(d: Date) -> String {
    let m = MONTHS_SHORT[u8::from(d.month()) as usize - 1];
    format!("{} {m} {}", d.day(), d.year())
}

const MONTHS_SHORT: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// Every zone name the bundled database knows, sorted (for the settings form's suggestions).
pub fn known_names() -> Vec<String> {
    let mut names: Vec<String> = jiff::tz::db().available().map(|n| n.to_string()).collect();
    names.sort();
    names
}

/// Parses a session's "HH:MM" (blank: none).
pub fn parse_hhmm(s: &str) -> Option<Time> {
    let (h, m) = s.trim().split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    Time::from_hms(h.parse().ok()?, m.parse().ok()?, 0).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, time};

    fn ts(s: &str) -> Timestamp {
        Timestamp::parse(s).unwrap()
    }

    #[test]
    fn names_are_checked_and_spelled_as_the_database_does() {
        assert_eq!(Zone::parse("Europe/London").unwrap().name(), "Europe/London");
        assert_eq!(Zone::parse(" europe/london ").unwrap().name(), "Europe/London");
        assert!(Zone::parse("Europe/Atlantis").is_none());
        assert!(Zone::parse("").is_none());
        assert_eq!(Zone::or_utc("Mars/Olympus").name(), "UTC");
        assert!(known_names().iter().any(|n| n == "America/New_York"));
    }

    #[test]
    fn shows_local_time_across_the_london_summer_change() {
        let z = Zone::parse("Europe/London").unwrap();
        // Winter: GMT = UTC.
        assert_eq!(z.show(ts("2026-12-04T14:05:00Z")), "4 Dec 2026, 14:05");
        // Summer: BST = UTC+1.
        assert_eq!(z.show(ts("2026-07-01T09:30:00Z")), "1 Jul 2026, 10:30");
        // Clocks went forward at 01:00 UTC on 29 March 2026.
        assert_eq!(z.show(ts("2026-03-29T00:59:00Z")), "29 Mar 2026, 00:59");
        assert_eq!(z.show(ts("2026-03-29T01:00:00Z")), "29 Mar 2026, 02:00");
        // The local date can differ from the UTC date.
        let ny = Zone::parse("America/New_York").unwrap();
        assert_eq!(ny.date_of(ts("2026-12-05T03:00:00Z")), date!(2026 - 12 - 04));
        assert_eq!(Zone::utc().show(ts("2026-01-02T03:04:00Z")), "2 Jan 2026, 03:04");
    }

    #[test]
    fn local_wall_clock_to_utc_on_change_days() {
        let z = Zone::parse("Europe/London").unwrap();
        assert_eq!(z.to_utc(date!(2026 - 12 - 04), time!(10:00)).to_db(), "2026-12-04T10:00:00.000000Z");
        assert_eq!(z.to_utc(date!(2026 - 07 - 01), time!(10:00)).to_db(), "2026-07-01T09:00:00.000000Z");
        // 01:30 does not exist on 29 March 2026 (01:00 -> 02:00): read as after the gap.
        assert_eq!(z.to_utc(date!(2026 - 03 - 29), time!(01:30)).to_db(), "2026-03-29T01:30:00.000000Z");
        // 01:30 happens twice on 25 October 2026: the first (BST) one.
        assert_eq!(z.to_utc(date!(2026 - 10 - 25), time!(01:30)).to_db(), "2026-10-25T00:30:00.000000Z");
        let syd = Zone::parse("Australia/Sydney").unwrap();
        assert_eq!(syd.to_utc(date!(2026 - 01 - 10), time!(09:00)).to_db(), "2026-01-09T22:00:00.000000Z");
    }

    #[test]
    fn hhmm_needs_two_digits_each() {
        assert_eq!(parse_hhmm("09:05"), Some(time!(09:05)));
        assert_eq!(parse_hhmm("9:05"), None);
        assert_eq!(parse_hhmm("24:00"), None);
        assert_eq!(parse_hhmm(""), None);
        assert_eq!(show_date(date!(2026 - 03 - 01)), "1 Mar 2026");
    }
}
