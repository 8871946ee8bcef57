//! The client's between-session diary as the client (portal) and the care
//! team (session notes, the client's portal page) see it.

use rapport_core::notes::MoodEffect;
use rapport_core::time::format_date;
use rapport_store::portal::DiaryRow;

/// A diary entry as shown to the client and to the care team.
pub struct DiaryView {
    pub date: String,
    pub mood: Option<u8>,
    pub person: Option<String>,
    pub event: Option<String>,
    pub effect: Option<&'static str>,
    pub written: String,
}

impl From<&DiaryRow> for DiaryView {
    fn from(d: &DiaryRow) -> Self {
        DiaryView {
            date: format_date(d.entry.date),
            mood: d.entry.mood,
            person: d.entry.person.clone(),
            event: d.entry.event.clone(),
            effect: d.entry.effect.map(effect_words),
            written: rapport_app::clock::show(d.created_at),
        }
    }
}

/// The effect of an event in the client's words.
pub fn effect_words(e: MoodEffect) -> &'static str {
    match e {
        MoodEffect::Better => "I felt better",
        MoodEffect::Worse => "I felt worse",
        MoodEffect::NoChange => "No change",
    }
}

/// A diary "check in" in words: the mood, its day and why it asks for one.
pub fn check_in_text(tr: &rapport_i18n::Tr, c: &rapport_core::check_in::CheckIn) -> String {
    use rapport_core::check_in::Reason;
    let (mood, date) = (i64::from(c.mood), tr.date(c.date));
    match c.reason {
        Reason::Low => tr.tn("check-in-low", &[("mood", &mood), ("date", &date)]),
        Reason::Drop { .. } => {
            let average = tr.decimal(c.reason.average().unwrap_or_default(), 1);
            tr.tn("check-in-drop", &[("mood", &mood), ("date", &date), ("average", &average)])
        }
    }
}
