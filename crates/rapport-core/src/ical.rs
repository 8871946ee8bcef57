//! A private calendar feed as iCalendar text (RFC 5545): CRLF line ends,
//! lines folded at 75 octets, TEXT values escaped, times in UTC.

use crate::time::format_date;
use crate::Timestamp;
use time::Date;

/// When an event happens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum When {
    /// A session with no time: the whole day.
    AllDay(Date),
    /// Start and end instants.
    Timed { start: Timestamp, end: Timestamp },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// Stable for the session (its id and the host): a moved session stays one event.
    pub uid: String,
    pub when: When,
    pub summary: String,
    pub description: String,
    /// Shown as STATUS:CANCELLED.
    pub cancelled: bool,
}

/// `2026-12-04T10:00:00Z` in the iCalendar UTC form `20261204T100000Z`.
fn utc(t: Timestamp) -> String {
    let d = t.datetime();
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        d.year(),
        u8::from(d.month()),
        d.day(),
        d.hour(),
        d.minute(),
        d.second()
    )
}

fn day(d: Date) -> String {
    format_date(d).replace('-', "")
}

/// Escapes a TEXT value: backslash, semicolon, comma and newline.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded so no line exceeds 75 octets (a fold never
/// splits a UTF-8 character), ending in CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut used = 0;
    let mut limit = 75;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > limit {
            out.push_str("\r\n ");
            used = 0;
            // The leading space counts: continuation lines carry 74 octets.
            limit = 74;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
    out
}

/// The whole calendar: `name` is the calendar's display name, `now` the DTSTAMP.
pub fn calendar(name: &str, events: &[Event], now: Timestamp) -> String {
    let mut out = String::new();
    let mut line = |s: String| out.push_str(&fold(&s));
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line("PRODID:-//Rapport//Calendar feed//EN".into());
    line("CALSCALE:GREGORIAN".into());
    line("METHOD:PUBLISH".into());
    line(format!("X-WR-CALNAME:{}", escape(name)));
    for e in events {
        line("BEGIN:VEVENT".into());
        line(format!("UID:{}", escape(&e.uid)));
        line(format!("DTSTAMP:{}", utc(now)));
        match &e.when {
            When::AllDay(d) => {
                line(format!("DTSTART;VALUE=DATE:{}", day(*d)));
                line(format!("DTEND;VALUE=DATE:{}", day(d.next_day().unwrap_or(*d))));
            }
            When::Timed { start, end } => {
                line(format!("DTSTART:{}", utc(*start)));
                line(format!("DTEND:{}", utc(*end)));
            }
        }
        line(format!("SUMMARY:{}", escape(&e.summary)));
        if !e.description.is_empty() {
            line(format!("DESCRIPTION:{}", escape(&e.description)));
        }
        line(format!("STATUS:{}", if e.cancelled { "CANCELLED" } else { "CONFIRMED" }));
        line("TRANSP:OPAQUE".into());
        line("END:VEVENT".into());
    }
    line("END:VCALENDAR".into());
    out
}

/// A name's initials ("Ana María López-Ruiz" -> "A.M.L."): the first letter of
/// each word, upper case, hyphenated parts counted as one word.
pub fn initials(name: &str) -> String {
    let letters: String = name
        .split_whitespace()
        .filter_map(|w| w.chars().find(|c| c.is_alphanumeric()))
        .flat_map(char::to_uppercase)
        .map(|c| format!("{c}."))
        .collect();
    if letters.is_empty() {
        "?".into()
    } else {
        letters
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn text_values_are_escaped() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        assert_eq!(escape("x\r\ny\u{7}"), "x\\ny");
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let long = format!("SUMMARY:{}", "é".repeat(60));
        let folded = fold(&long);
        assert!(folded.ends_with("\r\n"));
        for l in folded.trim_end_matches("\r\n").split("\r\n") {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        // Unfolding (remove CRLF + space) gives the line back.
        assert_eq!(folded.trim_end_matches("\r\n").replace("\r\n ", ""), long);
        assert_eq!(fold("SHORT"), "SHORT\r\n");
        let exactly = "X".repeat(75);
        assert_eq!(fold(&exactly), format!("{exactly}\r\n"));
        assert_eq!(fold(&"X".repeat(76)), format!("{}\r\n X\r\n", "X".repeat(75)));
    }

    #[test]
    fn calendar_has_crlf_utc_times_and_all_day_events() {
        let now = Timestamp::parse("2026-12-04T08:00:00Z").unwrap();
        let events = vec![
            Event {
                uid: "s1@rapport".into(),
                when: When::Timed {
                    start: Timestamp::parse("2026-12-04T10:00:00Z").unwrap(),
                    end: Timestamp::parse("2026-12-04T10:50:00Z").unwrap(),
                },
                summary: "IPT session: A.B.".into(),
                description: "Session 3, in person".into(),
                cancelled: false,
            },
            Event {
                uid: "s2@rapport".into(),
                when: When::AllDay(date!(2026 - 12 - 31)),
                summary: "IPT session; C.D.".into(),
                description: String::new(),
                cancelled: true,
            },
        ];
        let text = calendar("Rapport, sessions", &events, now);
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(!text.replace("\r\n", "").contains('\n'), "only CRLF line ends");
        assert!(text.contains("X-WR-CALNAME:Rapport\\, sessions\r\n"));
        assert!(text.contains("DTSTAMP:20261204T080000Z\r\n"));
        assert!(text.contains("DTSTART:20261204T100000Z\r\nDTEND:20261204T105000Z\r\n"));
        assert!(text.contains("DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n"));
        assert!(text.contains("SUMMARY:IPT session\\; C.D.\r\n"));
        assert!(text.contains("STATUS:CANCELLED\r\n"));
        assert_eq!(text.matches("BEGIN:VEVENT").count(), 2);
        assert_eq!(text.matches("END:VEVENT").count(), 2);
    }

    #[test]
    fn initials_take_each_word() {
        assert_eq!(initials("Ana María López-Ruiz"), "A.M.L.");
        assert_eq!(initials("  zoë  o'neill "), "Z.O.");
        assert_eq!(initials("(Sam) Lee"), "S.L.");
        assert_eq!(initials("   "), "?");
    }
}
