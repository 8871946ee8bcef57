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
use time::{Date, Duration, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

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
        if let Some(t) = parse_db_fixed(s) {
            return Some(t);
        }
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

/// The number the ASCII digits `b` spell, or None if any is not a digit.
fn digits(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |n, &c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
}

/// `YYYY-MM-DD` read digit by digit, or None if `b` is not exactly that.
fn fixed_date(b: &[u8]) -> Option<Date> {
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let month = Month::try_from(u8::try_from(digits(&b[5..7])?).ok()?).ok()?;
    Date::from_calendar_date(digits(&b[0..4])? as i32, month, u8::try_from(digits(&b[8..10])?).ok()?).ok()
}

/// The stored form `YYYY-MM-DDTHH:MM:SS.ffffffZ` read digit by digit. Every
/// timestamp a page shows is parsed from it (a caseload page, hundreds), and
/// the `time` crate's general parser builds its format description each time;
/// anything else falls through to that parser, so what is accepted is unchanged.
fn parse_db_fixed(s: &str) -> Option<Timestamp> {
    let b = s.as_bytes();
    if b.len() != 27 || b[10] != b'T' || b[13] != b':' || b[16] != b':' || b[19] != b'.' || b[26] != b'Z' {
        return None;
    }
    let date = fixed_date(&b[0..10])?;
    let hms = |r: std::ops::Range<usize>| digits(&b[r]).and_then(|n| u8::try_from(n).ok());
    let time = Time::from_hms_micro(hms(11..13)?, hms(14..16)?, hms(17..19)?, digits(&b[20..26])?).ok()?;
    Some(Timestamp(PrimitiveDateTime::new(date, time).assume_utc()))
}

/// Parses a calendar date written `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<Date> {
    if s.len() != 10 {
        return None;
    }
    fixed_date(s.as_bytes())
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

    proptest::proptest! {
        /// The digit-by-digit readings agree with the `time` crate's parser on
        /// every stored timestamp and date, and refuse what it refuses.
        #[test]
        fn fixed_width_parsing_agrees_with_the_time_crate(
            micros in -62_000_000_000_000_000i64..253_000_000_000_000_000i64,
            noise in proptest::collection::vec((0usize..27, proptest::char::range('+', ':')), 0..3),
        ) {
            let t = Timestamp::from_unix_micros(micros).unwrap();
            let text = t.to_db();
            if text.len() == 27 {
                proptest::prop_assert_eq!(parse_db_fixed(&text), Some(t));
            }
            let mut bent: Vec<char> = text.chars().collect();
            for (at, c) in noise {
                if at < bent.len() {
                    bent[at] = c;
                }
            }
            let bent: String = bent.into_iter().collect();
            let by_crate = time::PrimitiveDateTime::parse(&bent, DB_FORMAT).ok().map(|p| Timestamp(p.assume_utc()));
            if let Some(fixed) = parse_db_fixed(&bent) {
                proptest::prop_assert_eq!(Some(fixed), by_crate);
            }
            let day = &bent[..10.min(bent.len())];
            let day_by_crate = if day.len() == 10 { Date::parse(day, DATE_FORMAT).ok() } else { None };
            proptest::prop_assert_eq!(parse_date(day), day_by_crate);
        }
    }

    #[test]
    fn fixed_width_parsing_refuses_impossible_values() {
        assert_eq!(parse_db_fixed("2026-02-30T00:00:00.000000Z"), None);
        assert_eq!(parse_db_fixed("2026-12-04T24:00:00.000000Z"), None);
        assert_eq!(parse_db_fixed("2026-12-04T10:60:00.000000Z"), None);
        assert_eq!(parse_db_fixed("2026-12-04 10:00:00.000000Z"), None);
        assert_eq!(parse_db_fixed("2026-12-04T10:00:00.00000aZ"), None);
        assert_eq!(
            parse_db_fixed("2026-12-04T10:11:12.123456Z").map(|t| t.to_db()),
            Some("2026-12-04T10:11:12.123456Z".to_string())
        );
        assert_eq!(parse_date("2026-13-01"), None);
        assert_eq!(parse_date("2024-02-29").map(format_date), Some("2024-02-29".to_string()));
    }

    #[test]
    fn dates_need_the_iso_form() {
        assert!(parse_date("1990-04-12").is_some());
        assert!(parse_date("1990-4-12").is_none());
        assert!(parse_date("1990-02-30").is_none());
        assert_eq!(format_date(parse_date("2001-12-31").unwrap()), "2001-12-31");
    }
}
