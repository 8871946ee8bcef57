//! The interpersonal formulation of a course (ipt-model.md section 6) and the
//! work on each chosen problem area (sections 7.3-7.7).
//!
//! - `Formulation`: the chosen problem areas, the link between symptoms and the
//!   interpersonal situation, the text shared with the client, the rationale and
//!   the date it was agreed. One per course, versioned (revisions keep history).
//! - `AreaWorkspace`: one per chosen area, with the fields that area needs
//!   (grief, role dispute with its stage history, role transition, interpersonal
//!   deficits, or free notes for a protocol's own areas).
//!
//! People are named as free text (an alias is fine) with an optional inventory
//! person id, so these records never depend on the inventory being filled in.

use crate::course::validate_problem_areas;
use crate::msg;
use crate::protocol::Protocol;
use crate::records::{RecordBody, Scope};
use crate::time::{format_date, parse_date};
use crate::validation::{english_label, optional_text, KeyArg, ValidationErrors};
use crate::Id;
use serde::{Deserialize, Serialize};
use time::Date;

/// Longest free-text answer in these records.
pub const TEXT_MAX: usize = 4000;
/// Most entries in one list (losses, gains, social experiments, ...).
pub const LIST_MAX: usize = 30;
/// Longest entry in a list.
pub const ITEM_MAX: usize = 500;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Formulation {
    /// Problem-area ids, at most the protocol's limit (checked against the
    /// protocol by `validate_formulation`).
    pub problem_areas: Vec<String>,
    /// How the symptoms link to the interpersonal situation.
    pub symptom_link: Option<String>,
    /// Plain-language statement to share with the client.
    pub shared_text: Option<String>,
    /// `YYYY-MM-DD` the client agreed the formulation and focus.
    pub agreed_on: Option<String>,
    /// Why this focus (and not another).
    pub rationale: Option<String>,
    /// Stuart & Robertson: whether interpersonal sensitivity is a
    /// characteristic of the client (a person's trait, not a focus). Only
    /// under protocols that record it (`Protocol::interpersonal_sensitivity`);
    /// absent: not recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interpersonal_sensitivity: Option<bool>,
    /// How it shows (a short note, with the yes or no).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sensitivity_note: Option<String>,
}

/// Longest note on interpersonal sensitivity.
pub const SENSITIVITY_NOTE_MAX: usize = 500;

impl RecordBody for Formulation {
    const KIND: &'static str = "formulation";
    const SCOPE: Scope = Scope::Course;

    fn validate(self) -> Result<Self, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let symptom_link = optional_text(
            &mut e,
            "symptom_link",
            msg("field-link-to-symptoms"),
            self.symptom_link.as_deref(),
            TEXT_MAX,
        );
        let shared_text =
            optional_text(&mut e, "shared_text", msg("field-text-shared"), self.shared_text.as_deref(), TEXT_MAX);
        let rationale = optional_text(&mut e, "rationale", msg("field-rationale"), self.rationale.as_deref(), TEXT_MAX);
        let agreed_on = optional_date(&mut e, "agreed_on", msg("field-date-agreed"), self.agreed_on.as_deref());
        let sensitivity_note = optional_text(
            &mut e,
            "sensitivity_note",
            msg("field-sensitivity-note"),
            self.sensitivity_note.as_deref(),
            SENSITIVITY_NOTE_MAX,
        );
        if sensitivity_note.is_some() && self.interpersonal_sensitivity.is_none() {
            e.add_keyed_english(
                "interpersonal_sensitivity",
                "Say whether interpersonal sensitivity is a characteristic of the client before adding a note".into(),
                msg("formulation-error-sensitivity-note"),
                vec![],
            );
        }
        e.into_result()?;
        Ok(Formulation {
            problem_areas: self.problem_areas,
            symptom_link,
            shared_text,
            agreed_on: agreed_on.map(format_date),
            rationale,
            interpersonal_sensitivity: self.interpersonal_sensitivity,
            sensitivity_note,
        })
    }
}

/// Validates a formulation for a course under protocol `p`: problem areas known
/// to the protocol and within its limit (`problem_areas` or `problem_areas[i]`
/// named on error), texts within bounds, and a date agreed that is not in the
/// future and comes with at least one area (the client agrees to a focus).
pub fn validate_formulation(p: &Protocol, f: Formulation, today: Date) -> Result<Formulation, ValidationErrors> {
    let mut e = ValidationErrors::new();
    // Interpersonal sensitivity is recorded only under protocols that use it (Stuart).
    if !p.interpersonal_sensitivity && (f.interpersonal_sensitivity.is_some() || f.sensitivity_note.is_some()) {
        e.add_keyed_english(
            "interpersonal_sensitivity",
            format!("{} does not record interpersonal sensitivity (the Stuart protocol does)", p.name),
            msg("formulation-error-sensitivity-protocol"),
            vec![("protocol", KeyArg::Text(p.name.clone()))],
        );
    }
    let areas = match validate_problem_areas(p, &f.problem_areas) {
        Ok(a) => a,
        Err(v) => {
            e.0.extend(v.0);
            Vec::new()
        }
    };
    let body = match f.validate() {
        Ok(b) => Some(b),
        Err(v) => {
            e.0.extend(v.0);
            None
        }
    };
    if let Some(b) = &body {
        if let Some(d) = b.agreed_on.as_deref().and_then(parse_date) {
            if d > today {
                e.add("agreed_on", "Date agreed cannot be in the future");
            } else {
                crate::validation::check_plausible(&mut e, "agreed_on", msg("field-date-agreed"), d, today);
            }
            if areas.is_empty() && e.for_field("problem_areas").is_none() && e.is_empty() {
                e.add("problem_areas", "Choose the problem area the client agreed to before recording the date");
            }
        }
    }
    e.into_result()?;
    let mut out = body.expect("no errors means a body");
    out.problem_areas = areas;
    Ok(out)
}

fn optional_date(e: &mut ValidationErrors, field: &str, label: &'static str, v: Option<&str>) -> Option<Date> {
    let s = v.map(str::trim).filter(|s| !s.is_empty())?;
    let d = parse_date(s);
    if d.is_none() {
        e.add_keyed_english(
            field,
            format!("{} must be a date in the form YYYY-MM-DD", english_label(label)),
            crate::msg("validation-date-form"),
            vec![("label", KeyArg::Message(label))],
        );
    }
    d
}

/// A checked optional date, as stored text.
fn date_text(
    e: &mut ValidationErrors,
    field: &str,
    label: &'static str,
    v: Option<&str>,
    today: Date,
) -> Option<String> {
    let d = optional_date(e, field, label, v)?;
    if d > today {
        crate::validation::future_date(e, field, label);
        return None;
    }
    crate::validation::check_plausible(e, field, label, d, today).map(format_date)
}

/// Trims list entries, drops blank ones, and bounds the count and length.
pub fn text_list(e: &mut ValidationErrors, field: &str, label: &'static str, items: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if let Some(t) = optional_text(e, &format!("{field}[{i}]"), label, Some(item), ITEM_MAX) {
            out.push(t);
        }
    }
    if out.len() > LIST_MAX {
        crate::validation::too_many_entries(e, field, label, LIST_MAX);
    }
    out
}

fn person_id(e: &mut ValidationErrors, field: &str, v: Option<&str>) -> Option<String> {
    let s = v.map(str::trim).filter(|s| !s.is_empty())?;
    match Id::parse(s) {
        Some(id) => Some(id.to_string()),
        None => {
            e.add(field, "Person id must be the id of a person in the interpersonal inventory");
            None
        }
    }
}

fn text(e: &mut ValidationErrors, field: &str, label: &'static str, v: &Option<String>) -> Option<String> {
    optional_text(e, field, label, v.as_deref(), TEXT_MAX)
}

// ---------------------------------------------------------------- problem-area workspaces

/// Which workspace fields a problem area uses. Canonical codes get their own;
/// any other area a protocol defines (e.g. IPSRT's `lost_healthy_self`) gets
/// free notes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AreaKind {
    Grief,
    RoleDispute,
    RoleTransition,
    InterpersonalDeficits,
    Other,
}

impl AreaKind {
    pub fn of(area: &str) -> AreaKind {
        match area {
            "grief" => AreaKind::Grief,
            "role_dispute" => AreaKind::RoleDispute,
            "role_transition" => AreaKind::RoleTransition,
            "interpersonal_deficits" => AreaKind::InterpersonalDeficits,
            _ => AreaKind::Other,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            AreaKind::Grief => "grief",
            AreaKind::RoleDispute => "role_dispute",
            AreaKind::RoleTransition => "role_transition",
            AreaKind::InterpersonalDeficits => "interpersonal_deficits",
            AreaKind::Other => "other",
        }
    }
}

/// Grief: a death (Weissman) or, where the protocol reads it so (Stuart), another loss.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LossType {
    #[default]
    Death,
    Other,
}

impl LossType {
    pub const ALL: [LossType; 2] = [LossType::Death, LossType::Other];
    pub fn as_str(self) -> &'static str {
        match self {
            LossType::Death => "death",
            LossType::Other => "other",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
    pub fn label(self) -> &'static str {
        match self {
            LossType::Death => "A death",
            LossType::Other => "Another loss (relationship, health, pregnancy...)",
        }
    }
    /// The interface message naming the kind of loss.
    pub fn message(self) -> &'static str {
        match self {
            LossType::Death => crate::msg("formulation-loss-death"),
            LossType::Other => crate::msg("formulation-loss-other"),
        }
    }
}

/// Stage of a role dispute (ipt-model.md 7.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DisputeStage {
    Renegotiation,
    Impasse,
    Dissolution,
}

impl DisputeStage {
    pub const ALL: [DisputeStage; 3] = [DisputeStage::Renegotiation, DisputeStage::Impasse, DisputeStage::Dissolution];
    pub fn as_str(self) -> &'static str {
        match self {
            DisputeStage::Renegotiation => "renegotiation",
            DisputeStage::Impasse => "impasse",
            DisputeStage::Dissolution => "dissolution",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
    pub fn label(self) -> &'static str {
        match self {
            DisputeStage::Renegotiation => "Renegotiation",
            DisputeStage::Impasse => "Impasse",
            DisputeStage::Dissolution => "Dissolution",
        }
    }
    /// What the stage means, and the therapeutic aim, in one line.
    pub fn hint(self) -> &'static str {
        match self {
            DisputeStage::Renegotiation => {
                "Both know they differ and are actively trying to change things: calm, improve communication, resolve."
            }
            DisputeStage::Impasse => {
                "Talks have stopped and resentment smoulders: bring the disagreement into the open, reopen negotiation."
            }
            DisputeStage::Dissolution => "The relationship is broken beyond repair: help mourn it and move on.",
        }
    }
    /// The interface message naming the stage.
    pub fn message(self) -> &'static str {
        match self {
            DisputeStage::Renegotiation => crate::msg("formulation-stage-renegotiation"),
            DisputeStage::Impasse => crate::msg("formulation-stage-impasse"),
            DisputeStage::Dissolution => crate::msg("formulation-stage-dissolution"),
        }
    }
    /// The interface message of [`DisputeStage::hint`].
    pub fn hint_message(self) -> &'static str {
        match self {
            DisputeStage::Renegotiation => crate::msg("formulation-stage-renegotiation-hint"),
            DisputeStage::Impasse => crate::msg("formulation-stage-impasse-hint"),
            DisputeStage::Dissolution => crate::msg("formulation-stage-dissolution-hint"),
        }
    }
}

/// One entry of a dispute's stage history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageChange {
    /// `YYYY-MM-DD`
    pub date: String,
    /// None for the first stage recorded.
    pub from: Option<DisputeStage>,
    pub to: DisputeStage,
    pub note: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct GriefWork {
    /// Who died (or what was lost): a name or an alias.
    pub person: Option<String>,
    /// The person's id in the interpersonal inventory, when recorded there.
    pub person_id: Option<String>,
    pub loss_type: LossType,
    /// `YYYY-MM-DD` of the death (or of the loss).
    pub date_of_death: Option<String>,
    pub circumstances: Option<String>,
    /// Reconstruction of the relationship: the good side.
    pub relationship_good: Option<String>,
    /// ... and the bad side.
    pub relationship_bad: Option<String>,
    pub mourning_tasks: Option<String>,
    pub mourning_progress: Option<String>,
    /// New activities and relationships.
    pub new_activities: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DisputeWork {
    /// The other person in the dispute: a name or an alias.
    pub other_person: Option<String>,
    pub person_id: Option<String>,
    /// Required once anything is recorded; changes are kept in `stage_history`.
    pub stage: Option<DisputeStage>,
    /// Appended by `apply_stage` whenever the stage changes; never edited.
    pub stage_history: Vec<StageChange>,
    /// What the dispute is about.
    pub issues: Option<String>,
    pub client_expectations: Option<String>,
    pub other_expectations: Option<String>,
    /// Where the expectations do not match.
    pub non_reciprocal: Option<String>,
    /// Options for change and how likely each is.
    pub options: Vec<String>,
    /// Similar patterns in other relationships.
    pub similar_patterns: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TransitionWork {
    pub old_role: Option<String>,
    pub new_role: Option<String>,
    /// `YYYY-MM-DD`
    pub date_of_change: Option<String>,
    pub losses: Vec<String>,
    pub gains: Vec<String>,
    pub skills_needed: Vec<String>,
    pub support_needed: Vec<String>,
    pub steps_taken: Vec<String>,
}

/// An attempt at new contact (a graded social experiment) and how it went.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SocialExperiment {
    /// `YYYY-MM-DD`, optional.
    pub date: Option<String>,
    pub attempt: String,
    pub outcome: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DeficitsWork {
    pub isolation_pattern: Option<String>,
    pub past_relationships_good: Option<String>,
    pub past_relationships_bad: Option<String>,
    pub repeating_patterns: Vec<String>,
    pub social_experiments: Vec<SocialExperiment>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OtherWork {
    /// What was lost or changed, feelings, realistic new goals.
    pub notes: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum AreaWork {
    Grief(GriefWork),
    RoleDispute(DisputeWork),
    RoleTransition(TransitionWork),
    InterpersonalDeficits(DeficitsWork),
    Other(OtherWork),
}

impl AreaWork {
    /// An empty workspace of the kind `area` uses.
    pub fn empty_for(area: &str) -> AreaWork {
        match AreaKind::of(area) {
            AreaKind::Grief => AreaWork::Grief(GriefWork::default()),
            AreaKind::RoleDispute => AreaWork::RoleDispute(DisputeWork::default()),
            AreaKind::RoleTransition => AreaWork::RoleTransition(TransitionWork::default()),
            AreaKind::InterpersonalDeficits => AreaWork::InterpersonalDeficits(DeficitsWork::default()),
            AreaKind::Other => AreaWork::Other(OtherWork::default()),
        }
    }

    pub fn kind(&self) -> AreaKind {
        match self {
            AreaWork::Grief(_) => AreaKind::Grief,
            AreaWork::RoleDispute(_) => AreaKind::RoleDispute,
            AreaWork::RoleTransition(_) => AreaKind::RoleTransition,
            AreaWork::InterpersonalDeficits(_) => AreaKind::InterpersonalDeficits,
            AreaWork::Other(_) => AreaKind::Other,
        }
    }

    /// One line for lists: who and where things stand.
    pub fn summary(&self) -> String {
        match self {
            AreaWork::Grief(g) => match (&g.person, &g.date_of_death) {
                (Some(p), Some(d)) => format!("{p}, {d}"),
                (Some(p), None) => p.clone(),
                _ => String::new(),
            },
            AreaWork::RoleDispute(d) => {
                let who = d.other_person.clone().unwrap_or_default();
                match d.stage {
                    Some(s) if who.is_empty() => s.label().to_string(),
                    Some(s) => format!("with {who}: {}", s.label().to_lowercase()),
                    None => who,
                }
            }
            AreaWork::RoleTransition(t) => match (&t.old_role, &t.new_role) {
                (Some(a), Some(b)) => format!("{a} → {b}"),
                (None, Some(b)) => format!("→ {b}"),
                (Some(a), None) => format!("{a} →"),
                _ => String::new(),
            },
            AreaWork::InterpersonalDeficits(d) => {
                let n = d.social_experiments.len();
                if n == 0 {
                    String::new()
                } else {
                    format!("{n} social experiment{}", if n == 1 { "" } else { "s" })
                }
            }
            AreaWork::Other(_) => String::new(),
        }
    }
}

// ---------------------------------------------------------------- facts an agreement needs

/// A fact of a problem area that must be recorded in its workspace before the
/// client agrees the formulation (Weissman, Markowitz & Klerman 2000/2018,
/// chapters 4-7: the facts that define each area).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AreaFact {
    /// The workspace field, as the API names it.
    pub field: &'static str,
    /// The interface message naming the fact.
    pub message: &'static str,
    /// The fact in English, for the API's message.
    pub english: &'static str,
}

const GRIEF_PERSON: AreaFact =
    AreaFact { field: "person", message: msg("formulation-fact-person"), english: "who died" };
const GRIEF_LINK: AreaFact = AreaFact {
    field: "person_id",
    message: msg("formulation-fact-person-id"),
    english: "the person in the interpersonal inventory",
};
const GRIEF_DATE: AreaFact =
    AreaFact { field: "date_of_death", message: msg("formulation-fact-date-of-death"), english: "when they died" };
const LOSS_WHAT: AreaFact =
    AreaFact { field: "person", message: msg("formulation-fact-loss"), english: "what was lost" };
const LOSS_DATE: AreaFact =
    AreaFact { field: "date_of_death", message: msg("formulation-fact-loss-date"), english: "when the loss happened" };
const OLD_ROLE: AreaFact =
    AreaFact { field: "old_role", message: msg("formulation-fact-old-role"), english: "the old role" };
const NEW_ROLE: AreaFact =
    AreaFact { field: "new_role", message: msg("formulation-fact-new-role"), english: "the new role" };
const OTHER_PERSON: AreaFact = AreaFact {
    field: "other_person",
    message: msg("formulation-fact-other-person"),
    english: "the other person in the dispute",
};

/// The facts of `area` its workspace `work` (None: not started) still lacks.
/// Grief after a death: who died, linked to the inventory, and when; another
/// loss (where the protocol keeps it as grief): what was lost and when; role
/// transition: the old and the new role; role dispute: the other person.
/// Interpersonal deficits and a protocol's own areas need none.
pub fn missing_facts(area: &str, work: Option<&AreaWork>) -> Vec<AreaFact> {
    let has = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.trim().is_empty());
    let empty = AreaWork::empty_for(area);
    let work = match work {
        Some(w) if w.kind() == AreaKind::of(area) => w,
        _ => &empty,
    };
    let mut out = Vec::new();
    match work {
        AreaWork::Grief(g) if g.loss_type == LossType::Death => {
            for (fact, ok) in
                [(GRIEF_PERSON, has(&g.person)), (GRIEF_LINK, has(&g.person_id)), (GRIEF_DATE, has(&g.date_of_death))]
            {
                if !ok {
                    out.push(fact);
                }
            }
        }
        AreaWork::Grief(g) => {
            for (fact, ok) in [(LOSS_WHAT, has(&g.person)), (LOSS_DATE, has(&g.date_of_death))] {
                if !ok {
                    out.push(fact);
                }
            }
        }
        AreaWork::RoleTransition(t) => {
            for (fact, ok) in [(OLD_ROLE, has(&t.old_role)), (NEW_ROLE, has(&t.new_role))] {
                if !ok {
                    out.push(fact);
                }
            }
        }
        AreaWork::RoleDispute(d) if !has(&d.other_person) => out.push(OTHER_PERSON),
        _ => {}
    }
    out
}

/// Refuses to record the client's agreement (`agreed_on`) while a chosen area
/// lacks a fact its workspace must hold: one error per missing fact, named
/// `<area>.<field>` (e.g. `grief.date_of_death`). A draft (no date agreed)
/// passes whatever is missing.
pub fn check_agreement_facts(f: &Formulation, workspaces: &[AreaWorkspace]) -> Result<(), ValidationErrors> {
    let mut e = ValidationErrors::new();
    if f.agreed_on.is_none() {
        return Ok(());
    }
    for area in &f.problem_areas {
        let work = workspaces.iter().rev().find(|w| &w.area == area).map(|w| &w.work);
        for fact in missing_facts(area, work) {
            e.add_keyed_english(
                &format!("{area}.{}", fact.field),
                format!(
                    "Before the client agrees the formulation, record {} in the {area} workspace (field {})",
                    fact.english, fact.field
                ),
                msg("formulation-fact-missing"),
                vec![("fact", KeyArg::Message(fact.message)), ("area", KeyArg::Text(area.clone()))],
            );
        }
    }
    e.into_result()
}

/// Whether protocol `p` codes a loss other than a death as a role transition
/// (Weissman, Markowitz & Klerman: grief is kept for a death; a divorce, a lost
/// job or health is a transition) rather than as grief (Stuart & Robertson's
/// "grief and loss"). Needs a role-transition area to send the client to.
pub fn non_death_loss_is_transition(p: &Protocol) -> bool {
    p.school == "weissman" && p.area("role_transition").is_some()
}

/// Under a protocol that codes a non-death loss as a role transition, a grief
/// workspace must record a death (field `loss_type`).
pub fn check_loss_type(p: &Protocol, work: &AreaWork) -> Result<(), ValidationErrors> {
    match work {
        AreaWork::Grief(g) if g.loss_type == LossType::Other && non_death_loss_is_transition(p) => {
            Err(ValidationErrors(vec![crate::validation::FieldError::keyed_english(
                "loss_type",
                format!(
                    "{} works on a loss other than a death as a role transition: choose role_transition in the formulation",
                    p.name
                ),
                msg("formulation-loss-other-is-transition"),
                vec![("protocol", KeyArg::Text(p.name.clone()))],
            )]))
        }
        _ => Ok(()),
    }
}

/// Interpersonal deficits is the area of last resort: chosen only when there
/// is no grief, dispute or transition to work on (Weissman, Markowitz &
/// Klerman 2000/2018, chapter 7).
pub fn is_last_resort(area: &str) -> bool {
    AreaKind::of(area) == AreaKind::InterpersonalDeficits
}

/// The work on one chosen problem area of a course.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaWorkspace {
    /// The area id as the protocol names it.
    pub area: String,
    pub work: AreaWork,
}

impl RecordBody for AreaWorkspace {
    const KIND: &'static str = "area_workspace";
    const SCOPE: Scope = Scope::Course;

    /// Bounds and trims; date rules that need today are in `validate_workspace`.
    fn validate(self) -> Result<Self, ValidationErrors> {
        let today = Date::MAX;
        validate_work(self, today)
    }
}

/// Validates a workspace's fields (dates not in the future relative to `today`).
/// The stage history is not checked here: `apply_stage` owns it.
pub fn validate_workspace(w: AreaWorkspace, today: Date) -> Result<AreaWorkspace, ValidationErrors> {
    validate_work(w, today)
}

fn validate_work(w: AreaWorkspace, today: Date) -> Result<AreaWorkspace, ValidationErrors> {
    let mut e = ValidationErrors::new();
    if w.work.kind() != AreaKind::of(&w.area) {
        e.add("area", format!("{} work does not fit the area {:?}", w.work.kind().as_str(), w.area));
    }
    let work = match w.work {
        AreaWork::Grief(g) => AreaWork::Grief(GriefWork {
            person: optional_text(&mut e, "person", msg("field-who-died"), g.person.as_deref(), 200),
            person_id: person_id(&mut e, "person_id", g.person_id.as_deref()),
            loss_type: g.loss_type,
            date_of_death: date_text(
                &mut e,
                "date_of_death",
                msg("field-date-of-death"),
                g.date_of_death.as_deref(),
                today,
            ),
            circumstances: text(&mut e, "circumstances", msg("field-circumstances"), &g.circumstances),
            relationship_good: text(
                &mut e,
                "relationship_good",
                msg("field-good-side-of-the-relationship"),
                &g.relationship_good,
            ),
            relationship_bad: text(
                &mut e,
                "relationship_bad",
                msg("field-hard-side-of-the-relationship"),
                &g.relationship_bad,
            ),
            mourning_tasks: text(&mut e, "mourning_tasks", msg("field-mourning-tasks"), &g.mourning_tasks),
            mourning_progress: text(&mut e, "mourning_progress", msg("field-progress"), &g.mourning_progress),
            new_activities: text(
                &mut e,
                "new_activities",
                msg("field-new-activities-and-relationships"),
                &g.new_activities,
            ),
        }),
        AreaWork::RoleDispute(d) => {
            let other_person =
                optional_text(&mut e, "other_person", msg("field-the-other-person"), d.other_person.as_deref(), 200);
            let out = DisputeWork {
                other_person,
                person_id: person_id(&mut e, "person_id", d.person_id.as_deref()),
                stage: d.stage,
                stage_history: d.stage_history,
                issues: text(&mut e, "issues", msg("field-issues"), &d.issues),
                client_expectations: text(
                    &mut e,
                    "client_expectations",
                    msg("field-clients-expectations"),
                    &d.client_expectations,
                ),
                other_expectations: text(
                    &mut e,
                    "other_expectations",
                    msg("field-others-expectations"),
                    &d.other_expectations,
                ),
                non_reciprocal: text(
                    &mut e,
                    "non_reciprocal",
                    msg("field-non-reciprocal-expectations"),
                    &d.non_reciprocal,
                ),
                options: text_list(&mut e, "options", msg("field-option"), &d.options),
                similar_patterns: text(&mut e, "similar_patterns", msg("field-similar-patterns"), &d.similar_patterns),
            };
            if out.stage.is_none() {
                e.add("stage", "Choose the stage of the dispute: renegotiation, impasse or dissolution");
            }
            AreaWork::RoleDispute(out)
        }
        AreaWork::RoleTransition(t) => AreaWork::RoleTransition(TransitionWork {
            old_role: optional_text(&mut e, "old_role", msg("field-old-role"), t.old_role.as_deref(), 200),
            new_role: optional_text(&mut e, "new_role", msg("field-new-role"), t.new_role.as_deref(), 200),
            date_of_change: date_text(
                &mut e,
                "date_of_change",
                msg("field-date-of-the-change"),
                t.date_of_change.as_deref(),
                today,
            ),
            losses: text_list(&mut e, "losses", msg("field-loss"), &t.losses),
            gains: text_list(&mut e, "gains", msg("field-gain"), &t.gains),
            skills_needed: text_list(&mut e, "skills_needed", msg("field-skill-needed"), &t.skills_needed),
            support_needed: text_list(&mut e, "support_needed", msg("field-support-needed"), &t.support_needed),
            steps_taken: text_list(&mut e, "steps_taken", msg("field-step-taken"), &t.steps_taken),
        }),
        AreaWork::InterpersonalDeficits(d) => {
            let mut experiments = Vec::new();
            for (i, x) in d.social_experiments.iter().enumerate() {
                let f = |name: &str| format!("social_experiments[{i}].{name}");
                let attempt = optional_text(&mut e, &f("attempt"), msg("field-attempt"), Some(&x.attempt), ITEM_MAX);
                let outcome =
                    optional_text(&mut e, &f("outcome"), msg("field-outcome"), x.outcome.as_deref(), ITEM_MAX);
                let date = date_text(&mut e, &f("date"), msg("field-date"), x.date.as_deref(), today);
                match attempt {
                    Some(attempt) => experiments.push(SocialExperiment { date, attempt, outcome }),
                    None if (outcome.is_some() || date.is_some()) && e.for_field(&f("attempt")).is_none() => {
                        e.add(&f("attempt"), "Say what the attempt at contact was")
                    }
                    None => {}
                }
            }
            if experiments.len() > LIST_MAX {
                e.add("social_experiments", format!("At most {LIST_MAX} social experiments"));
            }
            AreaWork::InterpersonalDeficits(DeficitsWork {
                isolation_pattern: text(
                    &mut e,
                    "isolation_pattern",
                    msg("field-pattern-of-isolation"),
                    &d.isolation_pattern,
                ),
                past_relationships_good: text(
                    &mut e,
                    "past_relationships_good",
                    msg("field-past-relationships-good"),
                    &d.past_relationships_good,
                ),
                past_relationships_bad: text(
                    &mut e,
                    "past_relationships_bad",
                    msg("field-past-relationships-hard"),
                    &d.past_relationships_bad,
                ),
                repeating_patterns: text_list(
                    &mut e,
                    "repeating_patterns",
                    msg("field-repeating-pattern"),
                    &d.repeating_patterns,
                ),
                social_experiments: experiments,
            })
        }
        AreaWork::Other(o) => AreaWork::Other(OtherWork { notes: text(&mut e, "notes", msg("field-notes"), &o.notes) }),
    };
    e.into_result()?;
    Ok(AreaWorkspace { area: w.area, work })
}

/// A stage change as asked for: the date it happened (default today) and a note.
#[derive(Clone, Debug, Default)]
pub struct StageChangeInput {
    pub date: Option<String>,
    pub note: Option<String>,
}

/// Carries a dispute's stage history from `previous` to `next`: the history is
/// always the stored one (a writer cannot rewrite it), and a new entry is
/// appended when the stage is first set or changes. The change date defaults to
/// `today`, may not be in the future, nor before the last recorded change; a note
/// or date without a stage change is refused (field `stage_note` / `stage_date`).
pub fn apply_stage(
    previous: Option<&DisputeWork>,
    mut next: DisputeWork,
    change: &StageChangeInput,
    today: Date,
) -> Result<DisputeWork, ValidationErrors> {
    let mut e = ValidationErrors::new();
    let history = previous.map(|p| p.stage_history.clone()).unwrap_or_default();
    let from = previous.and_then(|p| p.stage);
    let note = optional_text(&mut e, "stage_note", msg("field-note-on-the-stage-change"), change.note.as_deref(), 1000);
    let date_given = change.date.as_deref().map(str::trim).filter(|s| !s.is_empty());
    next.stage_history = history;
    let Some(to) = next.stage else {
        // validate_workspace names the missing stage.
        e.into_result()?;
        return Ok(next);
    };
    if from == Some(to) {
        if note.is_some() {
            e.add("stage_note", "The stage did not change; a note is kept only with a stage change");
        }
        if date_given.is_some() {
            e.add("stage_date", "The stage did not change; a date is kept only with a stage change");
        }
        e.into_result()?;
        return Ok(next);
    }
    let date = match date_given {
        None => Some(today),
        Some(s) => match parse_date(s) {
            None => {
                e.add("stage_date", "Date of the stage change must be in the form YYYY-MM-DD");
                None
            }
            Some(d) if d > today => {
                e.add("stage_date", "Date of the stage change cannot be in the future");
                None
            }
            Some(d) => crate::validation::check_plausible(
                &mut e,
                "stage_date",
                msg("field-date-of-the-stage-change"),
                d,
                today,
            ),
        },
    };
    if let (Some(d), Some(last)) = (date, next.stage_history.last().and_then(|c| parse_date(&c.date))) {
        if d < last {
            e.add(
                "stage_date",
                format!("The last stage change was on {}; a new one cannot be earlier", format_date(last)),
            );
        }
    }
    e.into_result()?;
    next.stage_history.push(StageChange { date: format_date(date.unwrap_or(today)), from, to, note });
    Ok(next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::ProtocolSet;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 03 - 10);

    fn f(areas: &[&str]) -> Formulation {
        Formulation { problem_areas: areas.iter().map(|s| s.to_string()).collect(), ..Formulation::default() }
    }

    #[test]
    fn interpersonal_sensitivity_is_recorded_only_under_the_stuart_protocol() {
        let set = ProtocolSet::shipped();
        let stuart = set.get("ipt-stuart").unwrap();
        let yes = Formulation {
            interpersonal_sensitivity: Some(true),
            sensitivity_note: Some("  Withdraws at the first sign of criticism  ".into()),
            ..f(&["role_dispute"])
        };
        let ok = validate_formulation(stuart, yes.clone(), TODAY).unwrap();
        assert_eq!(
            (ok.interpersonal_sensitivity, ok.sensitivity_note.as_deref()),
            (Some(true), Some("Withdraws at the first sign of criticism"))
        );
        let no = Formulation { interpersonal_sensitivity: Some(false), ..f(&["grief"]) };
        assert_eq!(validate_formulation(stuart, no.clone(), TODAY).unwrap().interpersonal_sensitivity, Some(false));
        assert_eq!(validate_formulation(stuart, f(&["grief"]), TODAY).unwrap().interpersonal_sensitivity, None);
        // A note needs the answer, and stays short.
        let note_only = Formulation { interpersonal_sensitivity: None, ..yes.clone() };
        let e = validate_formulation(stuart, note_only, TODAY).unwrap_err();
        assert!(e.for_field("interpersonal_sensitivity").unwrap().contains("before adding a note"), "{e}");
        let long = Formulation { sensitivity_note: Some("x".repeat(SENSITIVITY_NOTE_MAX + 1)), ..yes.clone() };
        assert!(validate_formulation(stuart, long, TODAY).unwrap_err().for_field("sensitivity_note").is_some());
        // Every other shipped protocol refuses it, yes or no, naming the field.
        for p in set.all().iter().filter(|p| p.id != "ipt-stuart" && !p.group) {
            for body in [yes.clone(), Formulation { problem_areas: vec![], ..no.clone() }] {
                let e = validate_formulation(p, body, TODAY).unwrap_err();
                assert!(e.for_field("interpersonal_sensitivity").unwrap().contains("does not record"), "{}", p.id);
            }
        }
        // Stored formulations without it read and write as before.
        let old: Formulation = serde_json::from_str(r#"{"problem_areas":["grief"]}"#).unwrap();
        assert_eq!(old.interpersonal_sensitivity, None);
        assert!(!serde_json::to_string(&old).unwrap().contains("sensitivity"));
    }

    #[test]
    fn formulation_areas_follow_the_protocol() {
        let set = ProtocolSet::shipped();
        let ind = set.get("ipt-individual").unwrap();
        let ok = validate_formulation(ind, f(&["role_dispute", " grief"]), TODAY).unwrap();
        assert_eq!(ok.problem_areas, vec!["role_dispute", "grief"], "trimmed, order kept");
        let e = validate_formulation(ind, f(&["grief", "role_dispute", "role_transition"]), TODAY).unwrap_err();
        assert!(e.for_field("problem_areas").unwrap().contains("at most 2"), "{e}");
        let e = validate_formulation(ind, f(&["grief", "loneliness"]), TODAY).unwrap_err();
        assert!(e.for_field("problem_areas[1]").unwrap().contains("Unknown problem area"), "{e}");
        let e = validate_formulation(ind, f(&["grief", "grief"]), TODAY).unwrap_err();
        assert!(e.for_field("problem_areas[1]").unwrap().contains("twice"), "{e}");

        // Stuart's three-area variant has no interpersonal deficits.
        let stuart = set.get("ipt-stuart").unwrap();
        let e = validate_formulation(stuart, f(&["interpersonal_deficits"]), TODAY).unwrap_err();
        assert!(e.for_field("problem_areas[0]").unwrap().contains("role_transition"), "lists the known areas: {e}");
        assert!(validate_formulation(stuart, f(&["grief", "role_transition"]), TODAY).is_ok());
        assert_eq!(stuart.area_label("grief"), "Grief and loss");

        // IPC keeps the four areas under lay names.
        let ipc = set.get("ipc").unwrap();
        assert!(validate_formulation(ipc, f(&["interpersonal_deficits"]), TODAY).is_ok());
        assert_eq!(ipc.area_label("role_transition"), "Life changes");
        assert!(validate_formulation(ipc, f(&["grief", "role_dispute", "role_transition"]), TODAY).is_err());
    }

    #[test]
    fn a_site_protocol_with_one_area_allows_one() {
        let text = r#"
[[protocol]]
id = "ipsrt"
name = "IPSRT"
school = "weissman"
sessions = { min = 8, max = 24, default = 16 }
frequency = "weekly"
session_minutes = 50
initial_sessions = 3
termination_sessions = 3
problem_areas = [{ id = "grief", label = "Grief" }, { id = "lost_healthy_self", label = "Grief for the lost healthy self" }]
max_problem_areas = 1
checklist = []
"#;
        let set = ProtocolSet::with_site_file("site.toml", text).unwrap();
        let p = set.get("ipsrt").unwrap();
        assert!(validate_formulation(p, f(&["lost_healthy_self"]), TODAY).is_ok());
        let e = validate_formulation(p, f(&["grief", "lost_healthy_self"]), TODAY).unwrap_err();
        assert!(e.for_field("problem_areas").unwrap().contains("at most 1"));
        assert_eq!(AreaWork::empty_for("lost_healthy_self").kind(), AreaKind::Other);
    }

    #[test]
    fn date_agreed_needs_an_area_and_not_the_future() {
        let set = ProtocolSet::shipped();
        let p = set.get("ipt-individual").unwrap();
        let mut x = f(&[]);
        x.agreed_on = Some("2026-03-01".into());
        let e = validate_formulation(p, x.clone(), TODAY).unwrap_err();
        assert!(e.for_field("problem_areas").is_some());
        x.problem_areas = vec!["grief".into()];
        assert_eq!(validate_formulation(p, x.clone(), TODAY).unwrap().agreed_on.as_deref(), Some("2026-03-01"));
        x.agreed_on = Some("2026-03-11".into());
        assert!(validate_formulation(p, x.clone(), TODAY).unwrap_err().for_field("agreed_on").is_some());
        x.agreed_on = Some("1/3/2026".into());
        assert!(validate_formulation(p, x, TODAY).unwrap_err().for_field("agreed_on").unwrap().contains("YYYY-MM-DD"));
        // A draft without areas or date is fine.
        let mut draft = f(&[]);
        draft.symptom_link = Some("  Low mood since the move  ".into());
        assert_eq!(
            validate_formulation(p, draft, TODAY).unwrap().symptom_link.as_deref(),
            Some("Low mood since the move")
        );
    }

    fn dispute(stage: Option<DisputeStage>) -> DisputeWork {
        DisputeWork { other_person: Some("Sam (partner)".into()), stage, ..DisputeWork::default() }
    }

    #[test]
    fn stage_history_starts_and_grows_only_on_change() {
        use DisputeStage::*;
        let none = StageChangeInput::default();
        let first = apply_stage(None, dispute(Some(Impasse)), &none, TODAY).unwrap();
        assert_eq!(
            first.stage_history,
            vec![StageChange { date: "2026-03-10".into(), from: None, to: Impasse, note: None }]
        );

        // Same stage: history unchanged, whatever the writer sent.
        let mut forged = dispute(Some(Impasse));
        forged.stage_history = vec![];
        let same = apply_stage(Some(&first), forged, &none, TODAY).unwrap();
        assert_eq!(same.stage_history, first.stage_history, "the stored history wins");

        let change = StageChangeInput { date: Some("2026-03-09".into()), note: Some("Talking again".into()) };
        let moved = apply_stage(Some(&same), dispute(Some(Renegotiation)), &change, TODAY).unwrap_err();
        assert!(moved.for_field("stage_date").unwrap().contains("2026-03-10"), "not before the last change");
        let later = date!(2026 - 03 - 17);
        let change = StageChangeInput { date: None, note: Some("Talking again".into()) };
        let moved = apply_stage(Some(&same), dispute(Some(Renegotiation)), &change, later).unwrap();
        assert_eq!(moved.stage_history.len(), 2);
        assert_eq!(moved.stage_history[1].from, Some(Impasse));
        assert_eq!(moved.stage_history[1].to, Renegotiation);
        assert_eq!(moved.stage_history[1].date, "2026-03-17");
        assert_eq!(moved.stage_history[1].note.as_deref(), Some("Talking again"));
    }

    #[test]
    fn stage_change_inputs_are_checked() {
        use DisputeStage::*;
        let first = apply_stage(None, dispute(Some(Impasse)), &StageChangeInput::default(), TODAY).unwrap();
        let note_only = StageChangeInput { date: None, note: Some("still stuck".into()) };
        let e = apply_stage(Some(&first), dispute(Some(Impasse)), &note_only, TODAY).unwrap_err();
        assert!(e.for_field("stage_note").is_some());
        let future = StageChangeInput { date: Some("2026-04-01".into()), note: None };
        let e = apply_stage(Some(&first), dispute(Some(Dissolution)), &future, TODAY).unwrap_err();
        assert!(e.for_field("stage_date").unwrap().contains("future"));
        let bad = StageChangeInput { date: Some("soon".into()), note: None };
        assert!(apply_stage(Some(&first), dispute(Some(Dissolution)), &bad, TODAY).is_err());
        // No stage: the workspace validation names it.
        let w = AreaWorkspace { area: "role_dispute".into(), work: AreaWork::RoleDispute(dispute(None)) };
        assert!(validate_workspace(w, TODAY).unwrap_err().for_field("stage").is_some());
    }

    #[test]
    fn workspace_fields_are_bounded_and_dated() {
        let w = AreaWorkspace {
            area: "grief".into(),
            work: AreaWork::Grief(GriefWork {
                person: Some(" Grandmother ".into()),
                person_id: Some("not-an-id".into()),
                date_of_death: Some("2026-12-01".into()),
                ..GriefWork::default()
            }),
        };
        let e = validate_workspace(w, TODAY).unwrap_err();
        assert!(e.for_field("person_id").is_some());
        assert!(e.for_field("date_of_death").unwrap().contains("future"));

        let t = AreaWorkspace {
            area: "role_transition".into(),
            work: AreaWork::RoleTransition(TransitionWork {
                losses: vec!["  daily routine ".into(), "".into(), "colleagues".into()],
                ..TransitionWork::default()
            }),
        };
        let AreaWork::RoleTransition(t) = validate_workspace(t, TODAY).unwrap().work else { panic!() };
        assert_eq!(t.losses, vec!["daily routine", "colleagues"]);

        let d = AreaWorkspace {
            area: "interpersonal_deficits".into(),
            work: AreaWork::InterpersonalDeficits(DeficitsWork {
                social_experiments: vec![
                    SocialExperiment { date: None, attempt: "".into(), outcome: Some("went well".into()) },
                    SocialExperiment { date: None, attempt: "".into(), outcome: None },
                ],
                ..DeficitsWork::default()
            }),
        };
        let e = validate_workspace(d, TODAY).unwrap_err();
        assert!(e.for_field("social_experiments[0].attempt").is_some());
        assert!(e.for_field("social_experiments[1].attempt").is_none(), "a blank row is dropped");

        let wrong = AreaWorkspace { area: "grief".into(), work: AreaWork::Other(OtherWork::default()) };
        assert!(validate_workspace(wrong, TODAY).unwrap_err().for_field("area").is_some());
    }

    fn grief(person: Option<&str>, id: Option<&str>, date: Option<&str>, loss: LossType) -> AreaWorkspace {
        AreaWorkspace {
            area: "grief".into(),
            work: AreaWork::Grief(GriefWork {
                person: person.map(Into::into),
                person_id: id.map(Into::into),
                date_of_death: date.map(Into::into),
                loss_type: loss,
                ..GriefWork::default()
            }),
        }
    }

    fn agreed(areas: &[&str]) -> Formulation {
        Formulation { agreed_on: Some("2026-03-01".into()), ..f(areas) }
    }

    #[test]
    fn agreement_needs_each_areas_facts() {
        let id = "01J00000000000000000000000";
        // Nothing recorded: each fact of each area is named.
        let e = check_agreement_facts(&agreed(&["grief", "role_transition"]), &[]).unwrap_err();
        let fields: Vec<&str> = e.0.iter().map(|x| x.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "grief.person",
                "grief.person_id",
                "grief.date_of_death",
                "role_transition.old_role",
                "role_transition.new_role"
            ]
        );
        // A death: who, linked to the inventory, and when.
        let partial = grief(Some("Mother"), None, Some("2025-11-02"), LossType::Death);
        let e = check_agreement_facts(&agreed(&["grief"]), &[partial]).unwrap_err();
        assert_eq!(e.0.len(), 1);
        assert_eq!(e.0[0].field, "grief.person_id");
        assert!(e.0[0].message.contains("inventory"), "{e}");
        let full = grief(Some("Mother"), Some(id), Some("2025-11-02"), LossType::Death);
        assert!(check_agreement_facts(&agreed(&["grief"]), &[full]).is_ok());
        // Another loss (a protocol that keeps it as grief): what and when, no inventory person.
        let other = grief(Some("The pregnancy"), None, Some("2025-11-02"), LossType::Other);
        assert!(check_agreement_facts(&agreed(&["grief"]), &[other]).is_ok());
        // A dispute needs the other person; deficits and a protocol's own area need nothing.
        let e = check_agreement_facts(&agreed(&["role_dispute", "interpersonal_deficits"]), &[]).unwrap_err();
        assert_eq!(e.0.len(), 1);
        assert_eq!(e.0[0].field, "role_dispute.other_person");
        assert!(check_agreement_facts(&agreed(&["lost_healthy_self"]), &[]).is_ok());
        let blank = AreaWorkspace {
            area: "role_transition".into(),
            work: AreaWork::RoleTransition(TransitionWork {
                old_role: Some("  ".into()),
                new_role: Some("Retired".into()),
                ..TransitionWork::default()
            }),
        };
        let e = check_agreement_facts(&agreed(&["role_transition"]), &[blank]).unwrap_err();
        assert_eq!(e.0[0].field, "role_transition.old_role", "blank is missing");
        // A draft is never refused for missing facts.
        assert!(check_agreement_facts(&f(&["grief", "role_dispute"]), &[]).is_ok());
    }

    #[test]
    fn a_non_death_loss_is_a_transition_under_weissman() {
        let set = ProtocolSet::shipped();
        let weissman = set.get("ipt-individual").unwrap();
        let stuart = set.get("ipt-stuart").unwrap();
        assert!(non_death_loss_is_transition(weissman));
        assert!(!non_death_loss_is_transition(stuart));
        let other = grief(Some("The marriage"), None, None, LossType::Other).work;
        let e = check_loss_type(weissman, &other).unwrap_err();
        assert_eq!(e.first().unwrap().field, "loss_type");
        assert!(e.first().unwrap().message.contains("role transition"), "{e}");
        assert!(check_loss_type(stuart, &other).is_ok());
        let death = grief(Some("Mother"), None, None, LossType::Death).work;
        assert!(check_loss_type(weissman, &death).is_ok());
        assert!(is_last_resort("interpersonal_deficits"));
        assert!(!is_last_resort("grief") && !is_last_resort("role_transition"));
    }

    proptest::proptest! {
        /// Filling every fact `missing_facts` names makes the agreement pass; leaving
        /// any one out names exactly that one.
        #[test]
        fn filling_the_named_facts_is_enough(area in 0usize..5, death in proptest::bool::ANY, skip in 0usize..3) {
            let area = ["grief", "role_dispute", "role_transition", "interpersonal_deficits", "lost_healthy_self"][area];
            let mut fields = serde_json::Map::new();
            if area == "grief" && !death {
                fields.insert("loss_type".into(), "other".into());
            }
            if area == "role_dispute" {
                fields.insert("stage".into(), "impasse".into());
            }
            let start = crate::area_fields::work_from_fields(area, fields.clone(), &StageChangeInput::default()).unwrap();
            let needed = missing_facts(area, Some(&start));
            let fill = |leave: Option<usize>| {
                let mut m = fields.clone();
                for (i, fact) in needed.iter().enumerate() {
                    if Some(i) == leave { continue; }
                    let v = if fact.field.starts_with("date") { "2025-10-01" } else if fact.field == "person_id" { "01J00000000000000000000000" } else { "x" };
                    m.insert(fact.field.into(), v.into());
                }
                let work = crate::area_fields::work_from_fields(area, m, &StageChangeInput::default()).unwrap();
                check_agreement_facts(&agreed(&[area]), &[AreaWorkspace { area: area.into(), work }])
            };
            proptest::prop_assert!(fill(None).is_ok());
            if !needed.is_empty() {
                let leave = skip % needed.len();
                let e = fill(Some(leave)).unwrap_err();
                proptest::prop_assert_eq!(e.0.len(), 1);
                proptest::prop_assert_eq!(e.0[0].field.clone(), format!("{area}.{}", needed[leave].field));
            }
        }
    }

    #[test]
    fn workspaces_round_trip_as_json() {
        let w = AreaWorkspace {
            area: "role_dispute".into(),
            work: AreaWork::RoleDispute(dispute(Some(DisputeStage::Impasse))),
        };
        let json = serde_json::to_string(&w).unwrap();
        assert!(json.contains("\"type\":\"role_dispute\""), "{json}");
        assert_eq!(serde_json::from_str::<AreaWorkspace>(&json).unwrap(), w);
        assert_eq!(w.work.summary(), "with Sam (partner): impasse");
    }
}
