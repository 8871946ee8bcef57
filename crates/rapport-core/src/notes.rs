//! Session notes (ipt-model.md 3.3 and 8; interop-security.md 6).
//!
//! - The **progress note**: one per session, structured (interval mood and the
//!   interpersonal events linked to it, problem-area work, techniques, work at
//!   home, risk check, plan). A draft may be saved in any state of completion;
//!   signing needs the risk check (and each event's effect on mood) and locks
//!   the note for good. After that only addenda are added.
//! - The **process note** (psychotherapy note): per session and author, visible
//!   to its author only, unless the author shares it with their supervisor.
//!
//! Everything here is pure: field rules, technique codes and who may read a
//! process note.

use crate::course::add_worded;
use crate::msg;
use crate::validation::{optional_text, ValidationErrors};
use crate::Id;
use serde::{Deserialize, Serialize};

/// Techniques used in a session (ipt-model.md section 8), least to most directive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Technique {
    ExplorationNondirective,
    DirectElicitation,
    EncouragementOfAffect,
    Clarification,
    CommunicationAnalysis,
    TherapeuticRelationship,
    Directive,
    DecisionAnalysis,
    RolePlay,
    Adjunctive,
    BetweenSessionWork,
}

impl Technique {
    pub const ALL: [Technique; 11] = [
        Technique::ExplorationNondirective,
        Technique::DirectElicitation,
        Technique::EncouragementOfAffect,
        Technique::Clarification,
        Technique::CommunicationAnalysis,
        Technique::TherapeuticRelationship,
        Technique::Directive,
        Technique::DecisionAnalysis,
        Technique::RolePlay,
        Technique::Adjunctive,
        Technique::BetweenSessionWork,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Technique::ExplorationNondirective => "exploration_nondirective",
            Technique::DirectElicitation => "direct_elicitation",
            Technique::EncouragementOfAffect => "encouragement_of_affect",
            Technique::Clarification => "clarification",
            Technique::CommunicationAnalysis => "communication_analysis",
            Technique::TherapeuticRelationship => "therapeutic_relationship",
            Technique::Directive => "directive",
            Technique::DecisionAnalysis => "decision_analysis",
            Technique::RolePlay => "role_play",
            Technique::Adjunctive => "adjunctive",
            Technique::BetweenSessionWork => "between_session_work",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Technique::ExplorationNondirective => "Non-directive exploration",
            Technique::DirectElicitation => "Direct elicitation",
            Technique::EncouragementOfAffect => "Encouragement of affect",
            Technique::Clarification => "Clarification",
            Technique::CommunicationAnalysis => "Communication analysis",
            Technique::TherapeuticRelationship => "Use of the therapeutic relationship",
            Technique::Directive => "Directive techniques (education, advice, modelling)",
            Technique::DecisionAnalysis => "Decision analysis",
            Technique::RolePlay => "Role play",
            Technique::Adjunctive => "Adjunctive (contract, practical arrangements)",
            Technique::BetweenSessionWork => "Work between sessions",
        }
    }
    /// The interface message naming this (locales/*/courses.ftl).
    pub fn message(self) -> &'static str {
        match self {
            Technique::ExplorationNondirective => crate::msg("note-technique-exploration-nondirective"),
            Technique::DirectElicitation => crate::msg("note-technique-direct-elicitation"),
            Technique::EncouragementOfAffect => crate::msg("note-technique-encouragement-of-affect"),
            Technique::Clarification => crate::msg("note-technique-clarification"),
            Technique::CommunicationAnalysis => crate::msg("note-technique-communication-analysis"),
            Technique::TherapeuticRelationship => crate::msg("note-technique-therapeutic-relationship"),
            Technique::Directive => crate::msg("note-technique-directive"),
            Technique::DecisionAnalysis => crate::msg("note-technique-decision-analysis"),
            Technique::RolePlay => crate::msg("note-technique-role-play"),
            Technique::Adjunctive => crate::msg("note-technique-adjunctive"),
            Technique::BetweenSessionWork => crate::msg("note-technique-between-session-work"),
        }
    }
}

/// How an interpersonal event since the last session went with the client's mood.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MoodEffect {
    Better,
    Worse,
    NoChange,
}

impl MoodEffect {
    pub const ALL: [MoodEffect; 3] = [MoodEffect::Better, MoodEffect::Worse, MoodEffect::NoChange];

    pub fn as_str(self) -> &'static str {
        match self {
            MoodEffect::Better => "better",
            MoodEffect::Worse => "worse",
            MoodEffect::NoChange => "no_change",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            MoodEffect::Better => "Mood better",
            MoodEffect::Worse => "Mood worse",
            MoodEffect::NoChange => "No change in mood",
        }
    }
    /// The interface message naming this (locales/*/courses.ftl).
    pub fn message(self) -> &'static str {
        match self {
            MoodEffect::Better => crate::msg("note-effect-better"),
            MoodEffect::Worse => crate::msg("note-effect-worse"),
            MoodEffect::NoChange => crate::msg("note-effect-no-change"),
        }
    }
}

/// The session's risk check (ipt-model.md 13).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskCheck {
    NoneIdentified,
    Identified,
}

impl RiskCheck {
    pub const ALL: [RiskCheck; 2] = [RiskCheck::NoneIdentified, RiskCheck::Identified];

    pub fn as_str(self) -> &'static str {
        match self {
            RiskCheck::NoneIdentified => "none_identified",
            RiskCheck::Identified => "identified",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            RiskCheck::NoneIdentified => "No risk identified",
            RiskCheck::Identified => "Risk identified",
        }
    }
    /// The interface message naming this (locales/*/courses.ftl).
    pub fn message(self) -> &'static str {
        match self {
            RiskCheck::NoneIdentified => crate::msg("note-risk-none-identified"),
            RiskCheck::Identified => crate::msg("note-risk-identified"),
        }
    }
}

/// A progress note is a draft until signed; a signed note never changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteStatus {
    Draft,
    Signed,
}

impl NoteStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            NoteStatus::Draft => "draft",
            NoteStatus::Signed => "signed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "draft" => Some(NoteStatus::Draft),
            "signed" => Some(NoteStatus::Signed),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            NoteStatus::Draft => "Draft",
            NoteStatus::Signed => "Signed",
        }
    }
    /// The interface message naming this (locales/*/courses.ftl).
    pub fn message(self) -> &'static str {
        match self {
            NoteStatus::Draft => crate::msg("note-status-draft"),
            NoteStatus::Signed => crate::msg("note-status-signed"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterpersonalEvent {
    pub text: String,
    /// May be missing in a draft; required to sign.
    pub effect: Option<MoodEffect>,
}

/// The structured progress note, validated and normalised.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProgressNote {
    /// Mood since the last session, 0 (worst) to 10 (best).
    pub mood: Option<u8>,
    /// Interpersonal events since the last session, each with its effect on mood.
    pub events: Vec<InterpersonalEvent>,
    /// Work on the agreed problem area(s).
    pub problem_area_work: Option<String>,
    /// Techniques used, in the canonical order, each once.
    pub techniques: Vec<Technique>,
    /// Work at home (between-session task) set in this session.
    pub work_set: Option<String>,
    /// Work at home from last time, and how it went.
    pub work_reviewed: Option<String>,
    /// Risk check; required to sign.
    pub risk: Option<RiskCheck>,
    /// What was identified and done (required to sign when a risk was identified).
    pub risk_detail: Option<String>,
    /// Plan for the next session.
    pub plan: Option<String>,
}

/// A progress note as typed in a form or sent to the API.
#[derive(Clone, Debug, Default)]
pub struct RawProgressNote {
    pub mood: Option<i64>,
    /// (text, effect) pairs; rows with blank text are dropped.
    pub events: Vec<(String, Option<String>)>,
    pub problem_area_work: Option<String>,
    pub techniques: Vec<String>,
    pub work_set: Option<String>,
    pub work_reviewed: Option<String>,
    pub risk: Option<String>,
    pub risk_detail: Option<String>,
    pub plan: Option<String>,
}

impl From<&ProgressNote> for RawProgressNote {
    fn from(n: &ProgressNote) -> Self {
        RawProgressNote {
            mood: n.mood.map(i64::from),
            events: n.events.iter().map(|e| (e.text.clone(), e.effect.map(|x| x.as_str().to_string()))).collect(),
            problem_area_work: n.problem_area_work.clone(),
            techniques: n.techniques.iter().map(|t| t.as_str().to_string()).collect(),
            work_set: n.work_set.clone(),
            work_reviewed: n.work_reviewed.clone(),
            risk: n.risk.map(|r| r.as_str().to_string()),
            risk_detail: n.risk_detail.clone(),
            plan: n.plan.clone(),
        }
    }
}

pub const MOOD_MIN: i64 = 0;
pub const MOOD_MAX: i64 = 10;
pub const MAX_EVENTS: usize = 20;
const LONG_TEXT: usize = 8000;
const TEXT: usize = 4000;
const EVENT_TEXT: usize = 1000;
/// Process notes are free text, and may be long.
pub const PROCESS_NOTE_MAX: usize = 20_000;

fn blank_to_none(s: Option<&str>) -> Option<&str> {
    s.map(str::trim).filter(|s| !s.is_empty())
}

/// Checks the shape of a note: what a draft must satisfy (ranges, known codes,
/// lengths). Blank event rows are dropped; techniques are de-duplicated and put
/// in the canonical order. Completeness is checked only at signing.
pub fn validate_note(raw: &RawProgressNote) -> Result<ProgressNote, ValidationErrors> {
    let mut e = ValidationErrors::new();
    let mood = match raw.mood {
        None => None,
        Some(m) if (MOOD_MIN..=MOOD_MAX).contains(&m) => Some(m as u8),
        Some(m) => {
            add_worded(
                &mut e,
                "mood",
                format!("Mood is rated from {MOOD_MIN} to {MOOD_MAX} (got {m})"),
                crate::msg("note-error-mood"),
                vec![("min", MOOD_MIN.into()), ("max", MOOD_MAX.into()), ("got", m.into())],
            );
            None
        }
    };
    let mut events = Vec::new();
    for (i, (text, effect)) in raw.events.iter().enumerate() {
        let effect_text = blank_to_none(effect.as_deref());
        let Some(text) =
            optional_text(&mut e, &format!("events[{i}].text"), msg("field-event"), Some(text), EVENT_TEXT)
        else {
            if effect_text.is_some() && e.for_field(&format!("events[{i}].text")).is_none() {
                let english = "Describe the event, or clear its effect on mood";
                add_worded(&mut e, &format!("events[{i}].text"), english, crate::msg("note-error-event-text"), vec![]);
            }
            continue;
        };
        let effect = match effect_text {
            None => None,
            Some(x) => match MoodEffect::parse(x) {
                Some(m) => Some(m),
                None => {
                    let english = "Effect on mood must be better, worse or no_change";
                    add_worded(
                        &mut e,
                        &format!("events[{i}].effect"),
                        english,
                        crate::msg("note-error-effect"),
                        vec![],
                    );
                    None
                }
            },
        };
        events.push(InterpersonalEvent { text, effect });
    }
    if events.len() > MAX_EVENTS {
        add_worded(
            &mut e,
            "events",
            format!("At most {MAX_EVENTS} events per note"),
            crate::msg("note-error-too-many-events"),
            vec![("max", (MAX_EVENTS as i64).into())],
        );
    }
    let mut techniques = Vec::new();
    for (i, t) in raw.techniques.iter().enumerate() {
        match Technique::parse(t.trim()) {
            Some(t) => techniques.push(t),
            None => {
                let known: Vec<&str> = Technique::ALL.iter().map(|t| t.as_str()).collect();
                e.add(&format!("techniques[{i}]"), format!("Unknown technique {t:?}; use {}", known.join(", ")));
            }
        }
    }
    techniques.sort();
    techniques.dedup();
    let risk = match blank_to_none(raw.risk.as_deref()) {
        None => None,
        Some(r) => RiskCheck::parse(r).or_else(|| {
            let english = "Risk check must be none_identified or identified";
            add_worded(&mut e, "risk", english, crate::msg("note-error-risk-value"), vec![]);
            None
        }),
    };
    let note = ProgressNote {
        mood,
        events,
        problem_area_work: optional_text(
            &mut e,
            "problem_area_work",
            msg("field-problem-area-work"),
            raw.problem_area_work.as_deref(),
            LONG_TEXT,
        ),
        techniques,
        work_set: optional_text(&mut e, "work_set", msg("field-work-at-home-set"), raw.work_set.as_deref(), TEXT),
        work_reviewed: optional_text(
            &mut e,
            "work_reviewed",
            msg("field-work-at-home-reviewed"),
            raw.work_reviewed.as_deref(),
            TEXT,
        ),
        risk,
        risk_detail: optional_text(&mut e, "risk_detail", msg("field-risk-details"), raw.risk_detail.as_deref(), TEXT),
        plan: optional_text(&mut e, "plan", msg("field-plan-for-next-session"), raw.plan.as_deref(), TEXT),
    };
    e.into_result()?;
    Ok(note)
}

/// What a note needs before it can be signed: the risk check answered (with
/// details when a risk was identified) and each event's effect on mood.
pub fn check_signable(n: &ProgressNote) -> Result<(), ValidationErrors> {
    let mut e = ValidationErrors::new();
    match n.risk {
        None => {
            add_worded(&mut e, "risk", "Record the risk check before signing", crate::msg("note-error-risk"), vec![])
        }
        Some(RiskCheck::Identified) if n.risk_detail.is_none() => {
            let english = "Describe the risk identified and what was done about it";
            add_worded(&mut e, "risk_detail", english, crate::msg("note-error-risk-detail"), vec![])
        }
        Some(_) => {}
    }
    for (i, ev) in n.events.iter().enumerate() {
        if ev.effect.is_none() {
            add_worded(
                &mut e,
                &format!("events[{i}].effect"),
                format!("Say how \"{}\" went with the client's mood", ev.text),
                crate::msg("note-error-event-effect"),
                vec![("event", ev.text.clone().into())],
            );
        }
    }
    e.into_result()
}

/// An addendum to a signed note: required text.
pub fn validate_addendum(text: Option<&str>) -> Result<String, ValidationErrors> {
    let mut e = ValidationErrors::new();
    let t = optional_text(&mut e, "text", msg("field-addendum"), text, TEXT);
    if t.is_none() && e.is_empty() {
        add_worded(&mut e, "text", "Write the addendum", crate::msg("note-error-addendum"), vec![]);
    }
    e.into_result()?;
    Ok(t.unwrap_or_default())
}

/// A process note's text (may be empty).
pub fn validate_process_note(text: Option<&str>) -> Result<String, ValidationErrors> {
    let mut e = ValidationErrors::new();
    let t = optional_text(&mut e, "text", msg("field-process-note"), text, PROCESS_NOTE_MAX);
    e.into_result()?;
    Ok(t.unwrap_or_default())
}

/// Whether `caller` may read the process note of `author` without access to
/// the client's record: only their own (audited with basis `author`, and
/// showing the note alone, nothing else of the record).
pub fn author_reads_without_record(caller: &Id, author: &Id) -> bool {
    process_note_reader(caller, author, false, false) == Some(ProcessNoteReader::Author)
}

/// Why someone may read a process note.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProcessNoteReader {
    Author,
    /// The author shared it, and the reader supervises the author.
    Supervisor,
}

/// Who may read a process note: its author, and the author's supervisor while
/// the author shares it. Nobody else: not administrators, not other members of
/// the care team, not emergency (break-glass) access. A supervisor must also be
/// able to see the client (checked first, through the client's access rules).
/// The author keeps their own note even after losing access to the client
/// (`author_reads_without_record`): it is their reflection, not the record.
pub fn process_note_reader(
    caller: &Id,
    author: &Id,
    shared: bool,
    caller_supervises_author: bool,
) -> Option<ProcessNoteReader> {
    if caller == author {
        Some(ProcessNoteReader::Author)
    } else if shared && caller_supervises_author {
        Some(ProcessNoteReader::Supervisor)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw() -> RawProgressNote {
        RawProgressNote {
            mood: Some(4),
            events: vec![
                ("Argument with partner about chores".into(), Some("worse".into())),
                ("  ".into(), None),
                ("Coffee with a friend".into(), Some("better".into())),
            ],
            problem_area_work: Some(" Role dispute: expectations about housework ".into()),
            techniques: vec!["role_play".into(), "communication_analysis".into(), "role_play".into()],
            work_set: Some("Ask partner for a time to talk".into()),
            work_reviewed: None,
            risk: Some("none_identified".into()),
            risk_detail: None,
            plan: Some("Review the talk; rehearse again if needed".into()),
        }
    }

    #[test]
    fn a_full_note_validates_and_normalises() {
        let n = validate_note(&raw()).unwrap();
        assert_eq!(n.mood, Some(4));
        assert_eq!(n.events.len(), 2, "the blank row is dropped");
        assert_eq!(n.events[0].effect, Some(MoodEffect::Worse));
        assert_eq!(n.problem_area_work.as_deref(), Some("Role dispute: expectations about housework"));
        assert_eq!(n.techniques, vec![Technique::CommunicationAnalysis, Technique::RolePlay], "canonical order, once");
        assert!(check_signable(&n).is_ok());
        // Round trip through the raw form.
        assert_eq!(validate_note(&RawProgressNote::from(&n)).unwrap(), n);
    }

    #[test]
    fn mood_is_zero_to_ten() {
        for m in [0, 5, 10] {
            assert_eq!(
                validate_note(&RawProgressNote { mood: Some(m), ..Default::default() }).unwrap().mood,
                Some(m as u8)
            );
        }
        for m in [-1, 11, 100] {
            let e = validate_note(&RawProgressNote { mood: Some(m), ..Default::default() }).unwrap_err();
            assert!(e.for_field("mood").unwrap().contains("0 to 10"), "{m}");
        }
        assert_eq!(validate_note(&RawProgressNote::default()).unwrap().mood, None);
    }

    #[test]
    fn technique_codes_are_the_eleven_of_section_8() {
        assert_eq!(Technique::ALL.len(), 11);
        for t in Technique::ALL {
            assert_eq!(Technique::parse(t.as_str()), Some(t));
            assert!(!t.label().is_empty());
        }
        let e = validate_note(&RawProgressNote {
            techniques: vec!["clarification".into(), "hypnosis".into()],
            ..Default::default()
        })
        .unwrap_err();
        assert!(e.for_field("techniques[1]").unwrap().contains("Unknown technique"));
        assert!(e.for_field("techniques[0]").is_none());
    }

    #[test]
    fn field_rules_name_the_field() {
        let mut r = raw();
        r.events.push(("Met sister".into(), Some("sideways".into())));
        r.risk = Some("maybe".into());
        r.plan = Some("x".repeat(4001));
        r.events.push(("".into(), Some("better".into())));
        let e = validate_note(&r).unwrap_err();
        assert!(e.for_field("events[3].effect").is_some());
        assert!(e.for_field("events[4].text").is_some(), "an effect without an event");
        assert!(e.for_field("risk").is_some());
        assert!(e.for_field("plan").unwrap().contains("4000"));
        let too_many = RawProgressNote { events: vec![("e".into(), None); 21], ..Default::default() };
        assert!(validate_note(&too_many).unwrap_err().for_field("events").is_some());
    }

    #[test]
    fn drafts_may_be_incomplete_but_signing_needs_the_risk_check() {
        let mut r = raw();
        r.risk = None;
        r.events[0].1 = None;
        let draft = validate_note(&r).expect("an incomplete draft saves");
        let e = check_signable(&draft).unwrap_err();
        assert!(e.for_field("risk").is_some());
        assert!(e.for_field("events[0].effect").is_some());
        r.risk = Some("identified".into());
        r.events[0].1 = Some("worse".into());
        let e = check_signable(&validate_note(&r).unwrap()).unwrap_err();
        assert!(e.for_field("risk_detail").is_some(), "identified needs the details");
        r.risk_detail = Some("Passive thoughts of death; safety plan reviewed".into());
        assert!(check_signable(&validate_note(&r).unwrap()).is_ok());
    }

    #[test]
    fn addenda_need_text() {
        assert!(validate_addendum(Some("  ")).unwrap_err().for_field("text").is_some());
        assert_eq!(validate_addendum(Some(" Late entry ")).unwrap(), "Late entry");
        assert_eq!(validate_process_note(Some("  ")).unwrap(), "");
        assert!(validate_process_note(Some(&"x".repeat(PROCESS_NOTE_MAX + 1))).is_err());
    }

    #[test]
    fn only_the_author_reads_a_process_note_without_the_record() {
        let (author, other) = (Id::new(), Id::new());
        assert!(author_reads_without_record(&author, &author));
        assert!(!author_reads_without_record(&other, &author), "a supervisor needs the record, shared or not");
    }

    #[test]
    fn process_note_readers() {
        let (author, sup, other) = (Id::new(), Id::new(), Id::new());
        assert_eq!(process_note_reader(&author, &author, false, false), Some(ProcessNoteReader::Author));
        assert_eq!(process_note_reader(&sup, &author, false, true), None, "not shared");
        assert_eq!(process_note_reader(&sup, &author, true, true), Some(ProcessNoteReader::Supervisor));
        assert_eq!(process_note_reader(&other, &author, true, false), None, "shared, but not their supervisor");
        assert_eq!(process_note_reader(&other, &author, false, false), None);
    }
}
