//! One timestamp type for both databases.
//!
//! Stored as fixed-width RFC 3339 text with exactly six fractional digits
//! (`2026-11-26T09:22:36.123456Z`): lexical order equals time order on both
//! SQLite and PostgreSQL, and microsecond truncation means a value survives a
//! round trip through either database unchanged.

use serde::{Deserialize, Serialize};
use std::fmt;
use time::format_description::FormatItem;
use time::macros::format_description;
use time::{Date, Duration, OffsetDateTime, UtcOffset};

const DB_FORMAT: &[FormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:6]Z");

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(OffsetDateTime);

impl Timestamp {
    pub fn now() -> Self {
        Self::from_datetime(OffsetDateTime::now_utc())
    }

    pub fn from_datetime(t: OffsetDateTime) -> Self {
        let t = t.to_offset(UtcOffset::UTC);
        let micros = t.nanosecond() / 1_000 * 1_000;
        Timestamp(t.replace_nanosecond(micros).expect("valid nanosecond"))
    }

    pub fn from_unix_micros(us: i64) -> Option<Self> {
        OffsetDateTime::from_unix_timestamp_nanos(us as i128 * 1_000).ok().map(Timestamp)
    }

    pub fn to_db(&self) -> String {
        self.0.format(DB_FORMAT).expect("formattable timestamp")
    }

    /// Parses the database format, and any RFC 3339 text (for API input).
    pub fn parse(s: &str) -> Option<Self> {
        if let Ok(p) = time::PrimitiveDateTime::parse(s, DB_FORMAT) {
            return Some(Timestamp(p.assume_utc()));
        }
        OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).ok().map(Self::from_datetime)
    }

    pub fn datetime(&self) -> OffsetDateTime {
        self.0
    }

    pub fn date(&self) -> Date {
        self.0.date()
    }

    pub fn plus(&self, d: Duration) -> Self {
        Timestamp(self.0 + d)
    }

    pub fn minus(&self, d: Duration) -> Self {
        Timestamp(self.0 - d)
    }

    pub fn since(&self, earlier: Timestamp) -> Duration {
        self.0 - earlier.0
    }

    /// "2026-11-26 09:22 UTC": for logs and operators only. People see local
    /// time through `rapport_app::clock::show` (the organisation's zone).
    pub fn display_utc(&self) -> String {
        let f = format_description!("[year]-[month]-[day] [hour]:[minute] UTC");
        self.0.format(f).unwrap_or_default()
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_db())
    }
}

impl Serialize for Timestamp {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_db())
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Timestamp::parse(&s).ok_or_else(|| serde::de::Error::custom("expected an RFC 3339 timestamp"))
    }
}

const DATE_FORMAT: &[FormatItem<'static>] = format_description!("[year]-[month]-[day]");

/// Parses a calendar date written `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<Date> {
    if s.len() != 10 {
        return None;
    }
    Date::parse(s, DATE_FORMAT).ok()
}

pub fn format_date(d: Date) -> String {
    d.format(DATE_FORMAT).expect("formattable date")
}

/// "Friday 4 December 2026": the one long form the client portal and the
/// client-facing pages show dates in.
pub fn long_date(d: Date) -> String {
    format!("{} {} {} {}", d.weekday(), d.day(), d.month(), d.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_dates_name_the_weekday_and_month() {
        assert_eq!(long_date(parse_date("2026-12-04").unwrap()), "Friday 4 December 2026");
        assert_eq!(long_date(parse_date("2027-01-31").unwrap()), "Sunday 31 January 2027");
    }

    #[test]
    fn db_text_is_fixed_width_and_sorts_like_time() {
        let base = Timestamp::parse("2026-01-01T00:00:30Z").unwrap();
        let values = [
            base,
            base.plus(Duration::microseconds(100_000)),
            base.plus(Duration::microseconds(115_000)),
            base.plus(Duration::microseconds(115_001)),
        ];
        let texts: Vec<String> = values.iter().map(|t| t.to_db()).collect();
        assert!(texts.iter().all(|t| t.len() == 27), "{texts:?}");
        let mut sorted = texts.clone();
        sorted.sort();
        assert_eq!(sorted, texts);
        assert_eq!(texts[0], "2026-01-01T00:00:30.000000Z");
    }

    #[test]
    fn round_trips_and_truncates_to_microseconds() {
        let t = OffsetDateTime::from_unix_timestamp_nanos(1_700_000_000_123_456_789).unwrap();
        let ts = Timestamp::from_datetime(t);
        assert_eq!(ts.datetime().nanosecond(), 123_456_000);
        assert_eq!(Timestamp::parse(&ts.to_db()), Some(ts));
    }

    #[test]
    fn parses_rfc3339_with_offsets() {
        let a = Timestamp::parse("2026-03-01T10:00:00+02:00").unwrap();
        assert_eq!(a.to_db(), "2026-03-01T08:00:00.000000Z");
        assert!(Timestamp::parse("yesterday").is_none());
    }

    #[test]
    fn dates_need_the_iso_form() {
        assert!(parse_date("1990-04-12").is_some());
        assert!(parse_date("1990-4-12").is_none());
        assert!(parse_date("1990-02-30").is_none());
        assert_eq!(format_date(parse_date("2001-12-31").unwrap()), "2001-12-31");
    }
}
