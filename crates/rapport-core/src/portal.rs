//! The client portal's rules: invitation codes, the between-session diary and
//! the client's reflections on what the care team shares with them.

use crate::notes::MoodEffect;
use crate::validation::{date_field, optional_text, rating};
use crate::{msg, ValidationErrors};
use time::Date;

/// Days an invitation code stays usable.
pub const INVITE_DAYS: i64 = 14;

/// What an invitation code may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InvitePurpose {
    /// Create the client's portal account; refused when they already have one.
    Join,
    /// Give the client's existing account a new e-mail and password ("reset
    /// portal access", by the responsible clinician only).
    Reset,
}

impl InvitePurpose {
    pub fn as_str(self) -> &'static str {
        match self {
            InvitePurpose::Join => "join",
            InvitePurpose::Reset => "reset",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "join" => Some(InvitePurpose::Join),
            "reset" => Some(InvitePurpose::Reset),
            _ => None,
        }
    }
}

/// Crockford's base32 alphabet: no I, L, O or U, so a printed code cannot be
/// misread; 12 characters carry 60 random bits.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
pub const CODE_CHARS: usize = 12;

/// Formats 60 random bits (from the caller's CSPRNG) as `XXXX-XXXX-XXXX`.
pub fn invite_code(random: u64) -> String {
    let mut out = String::with_capacity(CODE_CHARS + 2);
    for i in 0..CODE_CHARS {
        if i > 0 && i % 4 == 0 {
            out.push('-');
        }
        let shift = 5 * (CODE_CHARS - 1 - i);
        out.push(ALPHABET[((random >> shift) & 31) as usize] as char);
    }
    out
}

/// The canonical form of a typed code (case, spaces and dashes ignored, the
/// letters people confuse with digits read as those digits), or `None` when
/// it cannot be a code. Only the canonical form is hashed and stored.
pub fn normalise_code(typed: &str) -> Option<String> {
    let mut out = String::with_capacity(CODE_CHARS);
    for c in typed.chars() {
        let c = match c.to_ascii_uppercase() {
            ' ' | '-' | '\t' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        };
        if !ALPHABET.contains(&(c as u8)) || !c.is_ascii() {
            return None;
        }
        out.push(c);
    }
    (out.len() == CODE_CHARS).then_some(out)
}

/// A diary entry as typed in the portal.
#[derive(Clone, Debug, Default)]
pub struct RawDiaryEntry {
    pub date: Option<String>,
    pub mood: Option<String>,
    pub person: Option<String>,
    pub event: Option<String>,
    pub effect: Option<String>,
}

/// A checked diary entry: a day, and a mood, an event with someone, or both.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiaryEntry {
    pub date: Date,
    pub mood: Option<u8>,
    pub person: Option<String>,
    pub event: Option<String>,
    pub effect: Option<MoodEffect>,
}

/// Checks a diary entry written on `today`; errors name the form fields.
pub fn diary_entry(raw: &RawDiaryEntry, today: Date) -> Result<DiaryEntry, ValidationErrors> {
    let mut e = ValidationErrors::new();
    let date = date_field(&mut e, "date", msg("field-the-day"), raw.date.as_deref(), Some(today));
    if raw.date.as_deref().is_none_or(|d| d.trim().is_empty()) {
        e.add_key("date", msg("portal-diary-error-day-missing"), vec![]);
    }
    if date.is_some_and(|d| d < today - time::Duration::days(60)) {
        e.add_key("date", msg("portal-diary-error-day-too-old"), vec![]);
    }
    let mood = match raw.mood.as_deref().map(str::trim).filter(|m| !m.is_empty()) {
        None => None,
        Some(m) => match m.parse::<i64>() {
            Ok(v) => rating(&mut e, "mood", msg("field-mood"), Some(v), 10).map(|v| v as u8),
            Err(_) => {
                e.add_key("mood", msg("portal-diary-error-mood-number"), vec![]);
                None
            }
        },
    };
    let person = optional_text(&mut e, "person", msg("field-who-it-was-with"), raw.person.as_deref(), 100);
    let event = optional_text(&mut e, "event", msg("field-what-happened"), raw.event.as_deref(), 2000);
    let effect = match raw.effect.as_deref().map(str::trim).filter(|m| !m.is_empty()) {
        None => None,
        Some(v) => {
            let parsed = MoodEffect::parse(v);
            if parsed.is_none() {
                e.add_key("effect", msg("portal-diary-error-effect"), vec![]);
            }
            parsed
        }
    };
    if event.is_none() && (person.is_some() || effect.is_some()) && e.is_empty() {
        e.add_key("event", msg("portal-diary-error-event-missing"), vec![]);
    }
    if mood.is_none() && event.is_none() && e.is_empty() {
        e.add_key("mood", msg("portal-diary-error-empty"), vec![]);
    }
    e.into_result()?;
    Ok(DiaryEntry { date: date.expect("checked above"), mood, person, event, effect })
}

/// What a reflection is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReflectionTopic {
    Formulation,
    Goals,
}

impl ReflectionTopic {
    pub const ALL: [ReflectionTopic; 2] = [ReflectionTopic::Formulation, ReflectionTopic::Goals];

    pub fn as_str(self) -> &'static str {
        match self {
            ReflectionTopic::Formulation => "formulation",
            ReflectionTopic::Goals => "goals",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            ReflectionTopic::Formulation => "What we are working on",
            ReflectionTopic::Goals => "My goals",
        }
    }

    /// The interface message naming the topic (its words as [`Self::label`]).
    pub fn message(self) -> &'static str {
        match self {
            ReflectionTopic::Formulation => msg("portal-plan-focus-title"),
            ReflectionTopic::Goals => msg("portal-plan-goals-title"),
        }
    }
}

/// Checks a reflection: a known topic and 1 to 2,000 characters of text.
pub fn reflection(topic: Option<&str>, body: Option<&str>) -> Result<(ReflectionTopic, String), ValidationErrors> {
    let mut e = ValidationErrors::new();
    let topic = ReflectionTopic::parse(topic.unwrap_or_default().trim());
    if topic.is_none() {
        e.add_key("topic", msg("portal-reflection-error-topic"), vec![]);
    }
    let body = optional_text(&mut e, "body", msg("field-your-thoughts"), body, 2000);
    if body.is_none() && e.for_field("body").is_none() {
        e.add_key("body", msg("portal-reflection-error-body"), vec![]);
    }
    e.into_result()?;
    Ok((topic.expect("checked"), body.expect("checked")))
}

/// The diary window for a session's "since we last met": after the previous
/// held session (exclusive) up to and including the session's own day.
pub fn since_last_met(previous_held: Option<Date>, session_day: Date, entry_day: Date) -> bool {
    previous_held.is_none_or(|p| entry_day > p) && entry_day <= session_day
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn codes_are_twelve_unambiguous_characters_in_groups_of_four() {
        assert_eq!(invite_code(0), "0000-0000-0000");
        assert_eq!(invite_code(u64::MAX), "ZZZZ-ZZZZ-ZZZZ");
        let c = invite_code(0x0123_4567_89AB_CDEF);
        assert_eq!(c.len(), 14);
        assert!(!c.contains(['I', 'L', 'O', 'U']));
    }

    #[test]
    fn typed_codes_are_normalised_and_checked() {
        let c = invite_code(0x0abc_def0_1234_5678);
        assert_eq!(normalise_code(&c).as_deref(), Some(c.replace('-', "").as_str()));
        assert_eq!(normalise_code(&c.to_lowercase().replace('-', " ")).as_deref(), Some(c.replace('-', "").as_str()));
        assert_eq!(normalise_code("o0il-1111-1111").as_deref(), Some("001111111111"));
        assert_eq!(normalise_code("ABCD-EFGH-JKM"), None, "too short");
        assert_eq!(normalise_code("ABCD-EFGH-JKMNP"), None, "too long");
        assert_eq!(normalise_code("ABCD-EFGH-JKMU"), None, "U is not in the alphabet");
        assert_eq!(normalise_code("ABCD-EFGH-JKMé"), None);
    }

    fn raw(date: &str, mood: &str, event: &str) -> RawDiaryEntry {
        RawDiaryEntry {
            date: Some(date.into()),
            mood: Some(mood.into()),
            event: Some(event.into()),
            ..RawDiaryEntry::default()
        }
    }

    #[test]
    fn a_diary_entry_needs_a_day_and_a_mood_or_an_event() {
        let today = date!(2026 - 11 - 20);
        let ok = diary_entry(&raw("2026-11-19", "4", ""), today).unwrap();
        assert_eq!((ok.date, ok.mood, ok.event), (date!(2026 - 11 - 19), Some(4), None));
        let e = diary_entry(&raw("2026-11-19", "", ""), today).unwrap_err();
        assert!(e.for_field("mood").is_some());
        let e = diary_entry(&raw("", "4", ""), today).unwrap_err();
        assert!(e.for_field("date").is_some());
        let e = diary_entry(&raw("2026-11-21", "4", ""), today).unwrap_err();
        assert_eq!(e.for_field("date"), Some("The day cannot be in the future"));
        let e = diary_entry(&raw("2026-08-01", "4", ""), today).unwrap_err();
        assert_eq!(e.for_field("date"), Some(msg("portal-diary-error-day-too-old")));
        for bad in ["11", "-1", "x", "4.5"] {
            let e = diary_entry(&raw("2026-11-19", bad, ""), today).unwrap_err();
            assert!(e.for_field("mood").is_some(), "{bad}");
        }
    }

    #[test]
    fn an_event_with_someone_keeps_its_effect() {
        let today = date!(2026 - 11 - 20);
        let mut r = raw("2026-11-18", "", "Argued with my sister about Christmas");
        r.person = Some("Sister".into());
        r.effect = Some("worse".into());
        let ok = diary_entry(&r, today).unwrap();
        assert_eq!(ok.effect, Some(MoodEffect::Worse));
        assert_eq!(ok.person.as_deref(), Some("Sister"));
        r.effect = Some("awful".into());
        assert!(diary_entry(&r, today).unwrap_err().for_field("effect").is_some());
        let mut r = raw("2026-11-18", "5", "");
        r.person = Some("Sister".into());
        assert!(diary_entry(&r, today).unwrap_err().for_field("event").is_some());
    }

    #[test]
    fn reflections_need_a_topic_and_text() {
        assert_eq!(reflection(Some("goals"), Some(" I want to call Sam ")).unwrap().1, "I want to call Sam");
        assert!(reflection(Some("notes"), Some("x")).unwrap_err().for_field("topic").is_some());
        assert!(reflection(Some("goals"), Some("  ")).unwrap_err().for_field("body").is_some());
        let long = "x".repeat(2001);
        assert!(reflection(Some("goals"), Some(&long)).unwrap_err().for_field("body").unwrap().contains("2000"));
    }

    #[test]
    fn since_we_last_met_is_after_the_previous_session_up_to_this_one() {
        let prev = Some(date!(2026 - 11 - 10));
        let day = date!(2026 - 11 - 17);
        assert!(!since_last_met(prev, day, date!(2026 - 11 - 10)));
        assert!(since_last_met(prev, day, date!(2026 - 11 - 11)));
        assert!(since_last_met(prev, day, date!(2026 - 11 - 17)));
        assert!(!since_last_met(prev, day, date!(2026 - 11 - 18)));
        assert!(since_last_met(None, day, date!(2026 - 01 - 01)));
    }
}
