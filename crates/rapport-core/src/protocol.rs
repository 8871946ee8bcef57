//! IPT protocols as data: session counts, frequency, phase boundaries,
//! problem areas, the initial-phase checklist, collateral sessions and
//! maintenance options. Shipped protocols are embedded; a site file may add
//! protocols or replace shipped ones, and is validated with messages that name
//! the file, the protocol and the field.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

const SHIPPED: &str = include_str!("../protocols/shipped.toml");

/// Canonical problem-area codes (ipt-model.md 7.1). A protocol may also define
/// its own (adaptation-specific) areas with a label.
pub const CANONICAL_AREAS: &[&str] =
    &["grief", "role_dispute", "role_transition", "interpersonal_deficits", "lost_healthy_self"];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    Weekly,
    TwiceMonthly,
    Monthly,
}

impl Frequency {
    pub fn as_str(self) -> &'static str {
        match self {
            Frequency::Weekly => "weekly",
            Frequency::TwiceMonthly => "twice_monthly",
            Frequency::Monthly => "monthly",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        [Frequency::Weekly, Frequency::TwiceMonthly, Frequency::Monthly].into_iter().find(|f| f.as_str() == s)
    }
    pub fn label(self) -> &'static str {
        match self {
            Frequency::Weekly => "Weekly",
            Frequency::TwiceMonthly => "Twice a month",
            Frequency::Monthly => "Monthly",
        }
    }
    /// The interface message naming this (locales/*/courses.ftl).
    pub fn message(self) -> &'static str {
        match self {
            Frequency::Weekly => crate::msg("course-frequency-weekly"),
            Frequency::TwiceMonthly => crate::msg("course-frequency-twice-monthly"),
            Frequency::Monthly => crate::msg("course-frequency-monthly"),
        }
    }
    /// Days between sessions, for planning an end date.
    pub fn interval_days(self) -> i64 {
        match self {
            Frequency::Weekly => 7,
            Frequency::TwiceMonthly => 14,
            Frequency::Monthly => 28,
        }
    }
    pub const ALL: [Frequency; 3] = [Frequency::Weekly, Frequency::TwiceMonthly, Frequency::Monthly];
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ProtocolKind {
    /// Initial, middle and termination phases.
    #[default]
    Acute,
    /// Every session is a maintenance session (IPT-M).
    Maintenance,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionRange {
    pub min: u32,
    pub max: u32,
    pub default: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaDef {
    pub id: String,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Collateral {
    /// Who joins: "parent", "partner", ...
    pub who: String,
    /// Session numbers the collateral person is expected at.
    #[serde(default)]
    pub sessions: Vec<u32>,
    #[serde(default)]
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Protocol {
    pub id: String,
    pub name: String,
    /// "weissman", "stuart" or another school the site names.
    pub school: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub kind: ProtocolKind,
    pub sessions: SessionRange,
    pub frequency: Frequency,
    pub session_minutes: u32,
    pub initial_sessions: u32,
    pub termination_sessions: u32,
    /// Raise the ending this many sessions before the last (from..=to left).
    #[serde(default = "default_prompt_from")]
    pub ending_prompt_from: u32,
    #[serde(default = "default_prompt_to")]
    pub ending_prompt_to: u32,
    pub problem_areas: Vec<AreaDef>,
    pub max_problem_areas: u32,
    pub checklist: Vec<String>,
    /// Per-protocol wording of checklist items (e.g. IPT-A's limited sick role).
    #[serde(default)]
    pub checklist_labels: BTreeMap<String, String>,
    /// Per-protocol names of phases (e.g. Stuart's "conclusion of acute treatment").
    #[serde(default)]
    pub phase_labels: BTreeMap<String, String>,
    #[serde(default)]
    pub collateral: Option<Collateral>,
    /// Protocol ids a course may continue into as maintenance.
    #[serde(default)]
    pub maintenance: Vec<String>,
    /// Completing a course asks for the maintenance discussion first: the
    /// ending review's maintenance decision, not "not decided" (Stuart &
    /// Robertson: acute treatment concludes with a maintenance agreement).
    #[serde(default)]
    pub maintenance_discussion: bool,
    /// One engagement session may be recorded before session 1: numbered 0,
    /// counted in no session count (brief IPT, Swartz et al.).
    #[serde(default)]
    pub engagement_session: bool,
    /// The formulation records whether interpersonal sensitivity is a
    /// characteristic of the client (Stuart & Robertson), with a short note.
    #[serde(default)]
    pub interpersonal_sensitivity: bool,
    /// A group protocol: its sessions are group meetings (see `group_format`).
    #[serde(default)]
    pub group: bool,
    /// How a group under this protocol runs; required when `group` is true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_format: Option<GroupFormat>,
    /// The held session at which measures are reviewed for the not-on-track
    /// rule (standard IPT: session 6 of 12-16). Absent: proportionally from
    /// the default contract, 6/16 of it (at least session 2); none for
    /// maintenance protocols. 0 switches the review off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure_review_session: Option<u32>,
    /// Its name and description in other languages: language tag -> words.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, ProtocolText>,
}

/// A protocol's name and description in another language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProtocolText {
    pub name: String,
    /// Absent: the description stays in the protocol's own words.
    #[serde(default)]
    pub description: Option<String>,
}

fn default_prompt_from() -> u32 {
    4
}
fn default_prompt_to() -> u32 {
    2
}

impl Protocol {
    /// The protocol's name in `language` (a tag such as "es"), else its own.
    pub fn name_in(&self, language: &str) -> &str {
        self.translations.get(language).map(|t| t.name.as_str()).unwrap_or(&self.name)
    }

    /// The protocol's description in `language`, else its own.
    pub fn description_in(&self, language: &str) -> &str {
        self.translations.get(language).and_then(|t| t.description.as_deref()).unwrap_or(&self.description)
    }

    pub fn area(&self, id: &str) -> Option<&AreaDef> {
        self.problem_areas.iter().find(|a| a.id == id)
    }

    pub fn area_label<'a>(&'a self, id: &'a str) -> &'a str {
        self.area(id).map(|a| a.label.as_str()).unwrap_or(id)
    }

    pub fn checklist_label(&self, item: ChecklistItem) -> String {
        self.checklist_labels.get(item.as_str()).cloned().unwrap_or_else(|| item.label().to_string())
    }

    pub fn checklist_items(&self) -> Vec<ChecklistItem> {
        self.checklist.iter().filter_map(|s| ChecklistItem::parse(s)).collect()
    }

    pub fn phase_label(&self, phase: Phase) -> String {
        self.phase_labels.get(phase.as_str()).cloned().unwrap_or_else(|| phase.label().to_string())
    }

    /// The held session at which the not-on-track review happens (None: never).
    pub fn review_session(&self) -> Option<u32> {
        match self.measure_review_session {
            Some(0) => None,
            Some(n) => Some(n),
            None if self.kind == ProtocolKind::Maintenance => None,
            None => Some(((self.sessions.default * 6 + 8) / 16).max(2)),
        }
    }

    pub fn allows_sessions(&self, n: u32) -> bool {
        (self.sessions.min..=self.sessions.max).contains(&n)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Initial,
    Middle,
    Termination,
    Maintenance,
}

impl Phase {
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Initial => "initial",
            Phase::Middle => "middle",
            Phase::Termination => "termination",
            Phase::Maintenance => "maintenance",
        }
    }
    pub fn parse(s: &str) -> Option<Phase> {
        [Phase::Initial, Phase::Middle, Phase::Termination, Phase::Maintenance].into_iter().find(|p| p.as_str() == s)
    }
    pub fn label(self) -> &'static str {
        match self {
            Phase::Initial => "initial phase",
            Phase::Middle => "middle phase",
            Phase::Termination => "termination phase",
            Phase::Maintenance => "maintenance",
        }
    }
}

/// The initial-phase checklist (ipt-model.md 3.2). Issue 19 item 5 split
/// the formulation into "presented" (new) and "client agreed" (the id
/// `formulation`, ticked from the formulation page) and added the client's
/// role and an initial suicide-risk check (decision 50).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChecklistItem {
    SymptomReview,
    Psychoeducation,
    SickRole,
    Medication,
    Inventory,
    Timeline,
    /// The client agreed the formulation (the id kept from before the split,
    /// when it read "shared and agreed").
    Formulation,
    Contract,
    /// The formulation presented to the client.
    FormulationPresented,
    /// The client's role in the treatment explained.
    RoleExplained,
    /// An initial suicide-risk check.
    SuicideRisk,
}

impl ChecklistItem {
    pub const ALL: [ChecklistItem; 11] = [
        ChecklistItem::SymptomReview,
        ChecklistItem::Psychoeducation,
        ChecklistItem::SickRole,
        ChecklistItem::Medication,
        ChecklistItem::Inventory,
        ChecklistItem::Timeline,
        ChecklistItem::Formulation,
        ChecklistItem::Contract,
        ChecklistItem::FormulationPresented,
        ChecklistItem::RoleExplained,
        ChecklistItem::SuicideRisk,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            ChecklistItem::SymptomReview => "symptom_review",
            ChecklistItem::Psychoeducation => "psychoeducation",
            ChecklistItem::SickRole => "sick_role",
            ChecklistItem::Medication => "medication",
            ChecklistItem::Inventory => "inventory",
            ChecklistItem::Timeline => "timeline",
            ChecklistItem::Formulation => "formulation",
            ChecklistItem::Contract => "contract",
            ChecklistItem::FormulationPresented => "formulation_presented",
            ChecklistItem::RoleExplained => "role_explained",
            ChecklistItem::SuicideRisk => "suicide_risk",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|i| i.as_str() == s)
    }
    pub fn label(self) -> &'static str {
        match self {
            ChecklistItem::SymptomReview => "Symptom review and diagnosis",
            ChecklistItem::Psychoeducation => "Illness named, psychoeducation given",
            ChecklistItem::SickRole => "Sick role discussed",
            ChecklistItem::Medication => "Medication evaluated",
            ChecklistItem::Inventory => "Interpersonal inventory done",
            ChecklistItem::Timeline => "Interpersonal timeline done",
            ChecklistItem::Formulation => "Client agreed the formulation",
            ChecklistItem::Contract => "Treatment contract agreed",
            ChecklistItem::FormulationPresented => "Formulation presented to the client",
            ChecklistItem::RoleExplained => "Client's role in treatment explained",
            ChecklistItem::SuicideRisk => "Initial suicide-risk check",
        }
    }
    /// The interface message naming this (locales/*/courses.ftl).
    pub fn message(self) -> &'static str {
        match self {
            ChecklistItem::SymptomReview => crate::msg("course-checklist-symptom-review"),
            ChecklistItem::Psychoeducation => crate::msg("course-checklist-psychoeducation"),
            ChecklistItem::SickRole => crate::msg("course-checklist-sick-role"),
            ChecklistItem::Medication => crate::msg("course-checklist-medication"),
            ChecklistItem::Inventory => crate::msg("course-checklist-inventory"),
            ChecklistItem::Timeline => crate::msg("course-checklist-timeline"),
            ChecklistItem::Formulation => crate::msg("course-checklist-formulation"),
            ChecklistItem::Contract => crate::msg("course-checklist-contract"),
            ChecklistItem::FormulationPresented => crate::msg("course-checklist-formulation-presented"),
            ChecklistItem::RoleExplained => crate::msg("course-checklist-role-explained"),
            ChecklistItem::SuicideRisk => crate::msg("course-checklist-suicide-risk"),
        }
    }
}

/// How a group protocol runs: the pre-group steps, the group's size, the
/// measure taken at every meeting, who is eligible and each meeting's agenda.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupFormat {
    /// Individual sessions with each member before meeting 1.
    pub pre_group_sessions: u32,
    /// A pre-group meeting with a parent or carer (adolescent groups).
    #[serde(default)]
    pub parent_session: bool,
    pub size: SizeRange,
    /// Groups are usually single-gender: offered (and on) when a group is made.
    #[serde(default)]
    pub single_gender: bool,
    /// A member who attended at least this many meetings counts as having
    /// received the programme (the funnel's "attended" step).
    pub attended_for_completion: u32,
    /// The quick per-member measure taken at every meeting (an instrument id).
    pub measure: String,
    /// Who screening finds eligible.
    pub eligibility: Eligibility,
    #[serde(default)]
    pub agenda: Vec<AgendaStep>,
    /// The protocol's own phase words (`phase_labels`) in other languages:
    /// language tag -> phase code -> words.
    #[serde(default)]
    pub translated_phase_labels: BTreeMap<String, BTreeMap<String, String>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SizeRange {
    pub min: u32,
    pub max: u32,
}

/// Eligible when the screening instrument's total is at least `min_total`.
/// A positive risk answer always refers, whatever the total.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Eligibility {
    pub instrument: String,
    pub min_total: i64,
}

/// The agenda of meetings `from..=to`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaStep {
    pub from: u32,
    pub to: u32,
    pub items: Vec<String>,
    /// The same items in other languages, in the same order: language tag -> items.
    #[serde(default)]
    pub translations: BTreeMap<String, Vec<String>>,
}

impl GroupFormat {
    /// The agenda for meeting `n` (empty when the protocol gives none).
    pub fn agenda_for(&self, n: u32) -> &[String] {
        self.agenda.iter().find(|a| (a.from..=a.to).contains(&n)).map(|a| a.items.as_slice()).unwrap_or(&[])
    }

    /// The agenda for meeting `n` in `language` (a tag such as "es"), in
    /// the protocol's own words when it gives none in that language.
    pub fn agenda_in(&self, n: u32, language: &str) -> &[String] {
        match self.agenda.iter().find(|a| (a.from..=a.to).contains(&n)) {
            Some(a) => a.translations.get(language).unwrap_or(&a.items).as_slice(),
            None => &[],
        }
    }

    /// The protocol's own words for `phase` in `language`, when it gives them.
    pub fn phase_label_in(&self, phase: &str, language: &str) -> Option<&str> {
        self.translated_phase_labels.get(language)?.get(phase).map(String::as_str)
    }
}

/// The protocols a site runs: shipped ones, adjusted by the site's file.
#[derive(Clone, Debug)]
pub struct ProtocolSet {
    protocols: Vec<Protocol>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProtocolFile {
    #[serde(default)]
    protocol: Vec<Protocol>,
}

impl ProtocolSet {
    /// The protocols shipped with Rapport.
    pub fn shipped() -> ProtocolSet {
        ProtocolSet::from_toml("shipped protocols", SHIPPED, None).expect("shipped protocols are valid")
    }

    /// Shipped protocols adjusted by a site file's text (`source` names it in errors).
    pub fn with_site_file(source: &str, text: &str) -> Result<ProtocolSet, String> {
        ProtocolSet::from_toml(source, text, Some(ProtocolSet::shipped()))
    }

    fn from_toml(source: &str, text: &str, base: Option<ProtocolSet>) -> Result<ProtocolSet, String> {
        let file: ProtocolFile = toml::from_str(text).map_err(|e| format!("{source}: {}", e.to_string().trim()))?;
        let mut protocols = base.map(|b| b.protocols).unwrap_or_default();
        let mut seen = std::collections::BTreeSet::new();
        for p in file.protocol {
            if !seen.insert(p.id.clone()) {
                return Err(format!("{source}: protocol {:?} is defined twice", p.id));
            }
            match protocols.iter_mut().find(|q| q.id == p.id) {
                Some(q) => *q = p,
                None => protocols.push(p),
            }
        }
        let set = ProtocolSet { protocols };
        set.validate().map_err(|e| format!("{source}: {e}"))?;
        Ok(set)
    }

    fn validate(&self) -> Result<(), String> {
        for p in &self.protocols {
            validate_protocol(p, self).map_err(|e| format!("protocol {:?}: {e}", p.id))?;
        }
        Ok(())
    }

    pub fn get(&self, id: &str) -> Option<&Protocol> {
        self.protocols.iter().find(|p| p.id == id)
    }

    pub fn all(&self) -> &[Protocol] {
        &self.protocols
    }

    /// Protocols a new individual acute course may use (maintenance courses
    /// are made from a termination; group protocols run groups).
    pub fn acute(&self) -> impl Iterator<Item = &Protocol> {
        self.protocols.iter().filter(|p| p.kind == ProtocolKind::Acute && !p.group)
    }

    /// Protocols a group may run.
    pub fn groups(&self) -> impl Iterator<Item = &Protocol> {
        self.protocols.iter().filter(|p| p.group)
    }
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 40
        && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

fn validate_protocol(p: &Protocol, set: &ProtocolSet) -> Result<(), String> {
    if !is_slug(&p.id) {
        return Err("id must be 1-40 lowercase letters, digits, '-' or '_'".into());
    }
    if p.name.trim().is_empty() {
        return Err("name must not be empty".into());
    }
    if let Some(language) = p.translations.iter().find(|(_, t)| t.name.trim().is_empty()).map(|(l, _)| l) {
        return Err(format!("translations.{language}.name must not be empty"));
    }
    let s = &p.sessions;
    if s.min == 0 || s.min > s.max || !(s.min..=s.max).contains(&s.default) {
        return Err(format!(
            "sessions must satisfy 1 <= min <= default <= max (got min {}, default {}, max {})",
            s.min, s.default, s.max
        ));
    }
    if s.max > 200 {
        return Err(format!("sessions.max {} is more than 200", s.max));
    }
    if p.session_minutes == 0 || p.session_minutes > 240 {
        return Err(format!("session_minutes must be 1-240 (got {})", p.session_minutes));
    }
    if p.kind == ProtocolKind::Acute {
        if p.initial_sessions == 0 || p.termination_sessions == 0 {
            return Err("initial_sessions and termination_sessions must be at least 1 for an acute protocol".into());
        }
        if p.initial_sessions + p.termination_sessions > s.max {
            return Err(format!(
                "initial_sessions ({}) + termination_sessions ({}) exceed sessions.max ({})",
                p.initial_sessions, p.termination_sessions, s.max
            ));
        }
    }
    if let Some(n) = p.measure_review_session {
        if n > s.max {
            return Err(format!("measure_review_session {n} is after the last session ({})", s.max));
        }
        if n == 1 {
            return Err("measure_review_session must be 0 (no review) or at least 2: session 1 is the baseline".into());
        }
    }
    if p.ending_prompt_to > p.ending_prompt_from {
        return Err("ending_prompt_to must not be greater than ending_prompt_from".into());
    }
    if p.problem_areas.is_empty() {
        return Err("problem_areas must list at least one area".into());
    }
    let mut ids = std::collections::BTreeSet::new();
    for a in &p.problem_areas {
        if !is_slug(&a.id) || a.id.contains('-') {
            return Err(format!("problem area id {:?} must be lowercase letters, digits and '_'", a.id));
        }
        if a.label.trim().is_empty() {
            return Err(format!("problem area {:?} needs a label", a.id));
        }
        if !ids.insert(a.id.as_str()) {
            return Err(format!("problem area {:?} is listed twice", a.id));
        }
    }
    if p.max_problem_areas == 0 || p.max_problem_areas as usize > p.problem_areas.len() {
        return Err(format!(
            "max_problem_areas must be between 1 and the number of problem areas ({})",
            p.problem_areas.len()
        ));
    }
    for item in &p.checklist {
        if ChecklistItem::parse(item).is_none() {
            let known: Vec<&str> = ChecklistItem::ALL.iter().map(|i| i.as_str()).collect();
            return Err(format!("unknown checklist item {item:?}; known items: {}", known.join(", ")));
        }
    }
    for key in p.checklist_labels.keys() {
        if !p.checklist.contains(key) {
            return Err(format!("checklist_labels names {key:?}, which is not in checklist"));
        }
    }
    for key in p.phase_labels.keys() {
        if !["initial", "middle", "termination", "maintenance"].contains(&key.as_str()) {
            return Err(format!("phase_labels names unknown phase {key:?}"));
        }
    }
    if let Some(c) = &p.collateral {
        if let Some(n) = c.sessions.iter().find(|n| **n == 0 || **n > s.max) {
            return Err(format!("collateral session {n} is outside 1..={}", s.max));
        }
    }
    match (&p.group_format, p.group) {
        (None, true) => return Err("a group protocol needs a [protocol.group_format] table".into()),
        (Some(_), false) => return Err("group_format is only for group protocols (set group = true)".into()),
        (Some(g), true) => validate_group_format(g, p)?,
        (None, false) => {}
    }
    for m in &p.maintenance {
        match set.get(m) {
            Some(q) if q.kind == ProtocolKind::Maintenance => {}
            Some(_) => return Err(format!("maintenance option {m:?} is not a maintenance protocol")),
            None => return Err(format!("maintenance option {m:?} is not a known protocol")),
        }
    }
    Ok(())
}

fn validate_group_format(g: &GroupFormat, p: &Protocol) -> Result<(), String> {
    if g.size.min < 2 || g.size.min > g.size.max || g.size.max > 50 {
        return Err(format!(
            "group_format.size must satisfy 2 <= min <= max <= 50 (got min {}, max {})",
            g.size.min, g.size.max
        ));
    }
    if g.pre_group_sessions > 4 {
        return Err(format!("group_format.pre_group_sessions must be 0-4 (got {})", g.pre_group_sessions));
    }
    if g.attended_for_completion == 0 || g.attended_for_completion > p.sessions.max {
        return Err(format!(
            "group_format.attended_for_completion must be 1-{} (got {})",
            p.sessions.max, g.attended_for_completion
        ));
    }
    if !is_slug(&g.measure) || !is_slug(&g.eligibility.instrument) {
        return Err("group_format.measure and eligibility.instrument must be instrument ids".into());
    }
    for a in &g.agenda {
        if a.from == 0 || a.from > a.to || a.to > p.sessions.max {
            return Err(format!(
                "group_format.agenda from {} to {} must lie within meetings 1..={}",
                a.from, a.to, p.sessions.max
            ));
        }
        if a.items.is_empty() || a.items.iter().any(|i| i.trim().is_empty()) {
            return Err(format!("group_format.agenda for meetings {}-{} needs non-empty items", a.from, a.to));
        }
        if let Some((language, _)) = a.translations.iter().find(|(_, items)| items.len() != a.items.len()) {
            return Err(format!(
                "group_format.agenda for meetings {}-{}: the {language} translation needs {} items, as many as items",
                a.from,
                a.to,
                a.items.len()
            ));
        }
    }
    Ok(())
}

/// Group protocols that name an instrument the site does not have (its
/// per-meeting measure or its screening instrument), as messages naming the
/// protocol and the field: checked at start-up, so a meeting never fails on it.
pub fn missing_group_instruments(set: &ProtocolSet, installed: impl Fn(&str) -> bool) -> Vec<String> {
    let mut out = Vec::new();
    for p in set.groups() {
        let Some(g) = &p.group_format else { continue };
        for (field, id) in
            [("group_format.measure", &g.measure), ("group_format.eligibility.instrument", &g.eligibility.instrument)]
        {
            if !installed(id) {
                out.push(format!("protocol {:?}: {field} names {id:?}, which is not an installed instrument", p.id));
            }
        }
    }
    out
}

/// The phase of held session number `n` (1-based) in a course contracted for
/// `contracted` sessions. Initial = 1..=initial_sessions, termination = the last
/// termination_sessions of the contract (and any session past it), middle between.
///
/// A contract too short for the three phases ([`is_short_contract`]: IPC's 1-2
/// sessions) has no termination phase within it: its first sessions are the
/// initial phase and the rest the middle phase, so a course is never
/// assessment then ending with no work between (issue 19 item 5); the ending
/// is raised from the start instead (`course::Progress`). Sessions past any
/// contract are in the termination phase.
pub fn phase_of(p: &Protocol, contracted: u32, n: u32) -> Phase {
    if p.kind == ProtocolKind::Maintenance {
        return Phase::Maintenance;
    }
    if n <= p.initial_sessions {
        Phase::Initial
    } else if n > contracted || (n + p.termination_sessions > contracted && !is_short_contract(p, contracted)) {
        Phase::Termination
    } else {
        Phase::Middle
    }
}

/// A contract with no room for a middle session between the initial and the
/// termination phases (at most `initial_sessions + termination_sessions`).
pub fn is_short_contract(p: &Protocol, contracted: u32) -> bool {
    p.kind == ProtocolKind::Acute && contracted <= p.initial_sessions + p.termination_sessions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_protocols_are_valid_and_complete() {
        let set = ProtocolSet::shipped();
        for id in ["ipt-individual", "ipt-brief", "ipc", "ipt-a", "ipt-m", "ipt-stuart"] {
            assert!(set.get(id).is_some(), "{id} missing");
        }
        let ind = set.get("ipt-individual").unwrap();
        assert_eq!((ind.sessions.min, ind.sessions.max, ind.sessions.default), (12, 16, 16));
        assert_eq!(ind.max_problem_areas, 2);
        assert_eq!(ind.problem_areas.len(), 4);
        assert_eq!(set.get("ipt-brief").unwrap().sessions.default, 8);
        assert_eq!(set.get("ipc").unwrap().sessions.max, 6);
        assert_eq!(set.get("ipt-a").unwrap().collateral.as_ref().unwrap().who, "parent");
        assert_eq!(set.get("ipt-m").unwrap().frequency, Frequency::Monthly);
        assert_eq!(set.get("ipt-stuart").unwrap().problem_areas.len(), 3);
        assert!(set.get("ipt-stuart").unwrap().area("interpersonal_deficits").is_none());
    }

    #[test]
    fn protocols_are_named_and_described_in_the_readers_language() {
        let set = ProtocolSet::shipped();
        for p in set.all() {
            for language in ["es", "fr"] {
                let t = p.translations.get(language).unwrap_or_else(|| panic!("{} lacks {language}", p.id));
                assert!(t.description.is_some(), "{} lacks a {language} description", p.id);
            }
        }
        let a = set.get("ipt-a").unwrap();
        assert_eq!(a.name_in("es"), "TIP para adolescentes (TIP-A)");
        assert!(a.description_in("fr").starts_with("TIP-A (Mufson), de 12 à 18 ans"));
        assert_eq!(a.name_in("de"), "IPT for adolescents (IPT-A)", "the protocol's own words otherwise");
        assert_eq!(a.description_in("de"), a.description);
        assert_eq!(a.name_in("en"), a.name);
    }

    #[test]
    fn a_protocol_without_a_translation_keeps_its_own_words() {
        let shipped = include_str!("../protocols/shipped.toml");
        let start = shipped.find("[[protocol]]\nid = \"ipt-brief\"").unwrap();
        let end = shipped[start..].find("[[protocol]]\nid = \"ipc\"").unwrap() + start;
        let brief = &shipped[start..end];
        let without: String =
            brief.lines().filter(|l| !l.starts_with("translations.")).map(|l| format!("{l}\n")).collect();
        let set = ProtocolSet::with_site_file("site.toml", &without.replace("Brief IPT (IPT-B)", "Short IPT")).unwrap();
        let p = set.get("ipt-brief").unwrap();
        assert_eq!((p.name_in("es"), p.description_in("es")), ("Short IPT", p.description.as_str()));
        let name_only = without.replace("school = ", "translations.es = { name = \"TIP corta\" }\nschool = ");
        let set = ProtocolSet::with_site_file("site.toml", &name_only).unwrap();
        let p = set.get("ipt-brief").unwrap();
        assert_eq!(p.name_in("es"), "TIP corta");
        assert_eq!(p.description_in("es"), p.description, "no Spanish description: its own");
        let e = ProtocolSet::with_site_file("site.toml", &name_only.replace("\"TIP corta\"", "\" \"")).unwrap_err();
        assert!(e.contains("translations.es.name must not be empty"), "{e}");
    }

    #[test]
    fn initial_checklists_separate_presented_from_agreed_and_check_risk_and_the_role() {
        let set = ProtocolSet::shipped();
        for p in set.all().iter().filter(|p| !p.checklist.is_empty()) {
            let items = p.checklist_items();
            let at = |i: ChecklistItem| items.iter().position(|x| *x == i).unwrap_or_else(|| panic!("{}: {i:?}", p.id));
            assert!(at(ChecklistItem::FormulationPresented) < at(ChecklistItem::Formulation), "{}", p.id);
            assert!(at(ChecklistItem::SymptomReview) < at(ChecklistItem::SuicideRisk), "{}", p.id);
            at(ChecklistItem::RoleExplained);
        }
        assert_eq!(ChecklistItem::Formulation.label(), "Client agreed the formulation");
        assert_eq!(ChecklistItem::parse("formulation_presented"), Some(ChecklistItem::FormulationPresented));
        let a = set.get("ipt-a").unwrap().checklist_label(ChecklistItem::SuicideRisk);
        for excluded in ["actively suicidal", "psychotic", "bipolar", "substance", "intellectual disability"] {
            assert!(a.contains(excluded), "{a}");
        }
        assert_eq!(set.get("ipc").unwrap().checklist_label(ChecklistItem::SuicideRisk), "Initial suicide-risk check");
    }

    #[test]
    fn ipc_contracts_of_one_or_two_sessions_have_no_termination_only_ending() {
        let set = ProtocolSet::shipped();
        let ipc = set.get("ipc").unwrap();
        let phases = |c: u32| (1..=c + 1).map(|n| phase_of(ipc, c, n).as_str()).collect::<Vec<_>>();
        assert_eq!(phases(1), ["initial", "termination"], "one session: assessment; past it, termination");
        assert_eq!(phases(2), ["initial", "middle", "termination"]);
        assert_eq!(phases(3), ["initial", "middle", "termination", "termination"]);
        assert_eq!(phases(6), ["initial", "middle", "middle", "middle", "middle", "termination", "termination"]);
        assert!(is_short_contract(ipc, 2) && !is_short_contract(ipc, 3));
        // The ending is raised from the start of a short contract, and not before session 1 otherwise.
        use crate::course::Progress;
        assert!(Progress::new(ipc, 1, 0, false).ending_prompt);
        assert!(Progress::new(ipc, 2, 1, false).ending_prompt);
        assert!(!Progress::new(ipc, 2, 2, false).ending_prompt);
        assert!(!Progress::new(ipc, 6, 0, false).ending_prompt);
        assert!(Progress::new(ipc, 6, 2, false).ending_prompt);
    }

    #[test]
    fn default_phase_boundaries() {
        let set = ProtocolSet::shipped();
        let p = set.get("ipt-individual").unwrap();
        let phases: Vec<&str> = (1..=16).map(|n| phase_of(p, 16, n).as_str()).collect();
        assert_eq!(&phases[..3], ["initial"; 3]);
        assert_eq!(&phases[3..13], ["middle"; 10]);
        assert_eq!(&phases[13..], ["termination"; 3]);
        assert_eq!(phase_of(p, 12, 9), Phase::Middle);
        assert_eq!(phase_of(p, 12, 10), Phase::Termination);
        assert_eq!(phase_of(p, 16, 17), Phase::Termination, "past the contract stays termination");
        assert_eq!(phase_of(set.get("ipt-m").unwrap(), 12, 1), Phase::Maintenance);
    }

    #[test]
    fn group_protocols_have_their_phases_sizes_and_agendas() {
        let set = ProtocolSet::shipped();
        let phases = |id: &str| -> Vec<&'static str> {
            let p = set.get(id).unwrap();
            (1..=p.sessions.default).map(|n| phase_of(p, p.sessions.default, n).as_str()).collect()
        };
        let who = phases("ipt-group-who");
        assert_eq!(who, ["initial", "middle", "middle", "middle", "middle", "middle", "middle", "termination"]);
        let sm = phases("ipt-group-12");
        assert_eq!(&sm[..4], ["initial"; 4]);
        assert_eq!(&sm[4..9], ["middle"; 5]);
        assert_eq!(&sm[9..], ["termination"; 3]);
        let ag = phases("ipt-ag");
        assert_eq!(ag, ["initial", "initial", "middle", "middle", "middle", "middle", "termination", "termination"]);
        let who = set.get("ipt-group-who").unwrap();
        let g = who.group_format.as_ref().unwrap();
        assert_eq!((g.pre_group_sessions, g.size.max), (1, 15));
        assert_eq!(who.area_label("role_dispute"), "Disagreements");
        assert_eq!(who.area_label("interpersonal_deficits"), "Loneliness and isolation");
        assert!(g.agenda_for(1)[0].starts_with("Welcome"));
        assert!(g.agenda_in(1, "fr")[0].starts_with("Accueillir"), "shipped agendas come in French");
        assert!(g.agenda_in(1, "es")[0].starts_with("Dar la bienvenida"), "and in Spanish");
        assert_eq!(g.agenda_in(1, "de"), g.agenda_for(1), "the protocol's own words otherwise");
        assert_eq!(g.phase_label_in("termination", "es"), Some("última reunión"));
        assert_eq!(g.agenda_for(4), g.agenda_for(7));
        assert!(g.agenda_for(9).is_empty());
        assert!(set.get("ipt-ag").unwrap().group_format.as_ref().unwrap().parent_session);
        assert!(set.acute().all(|p| !p.group), "group protocols are not offered for individual courses");
        assert_eq!(set.groups().count(), 3);
    }

    #[test]
    fn group_protocols_must_name_installed_instruments() {
        let set = ProtocolSet::shipped();
        assert!(missing_group_instruments(&set, |id| id == "phq9").is_empty());
        let missing = missing_group_instruments(&set, |_| false);
        assert_eq!(missing.len(), 6, "three group protocols, two instruments each: {missing:?}");
        assert!(missing[0].contains("group_format.measure names \"phq9\""), "{missing:?}");
    }

    #[test]
    fn a_group_protocol_needs_a_valid_group_format() {
        let shipped = include_str!("../protocols/shipped.toml");
        let start = shipped.find("[[protocol]]\nid = \"ipt-group-who\"").unwrap();
        let end = shipped[start..].find("[[protocol]]\nid = \"ipt-group-12\"").unwrap() + start;
        let who = &shipped[start..end];
        let e = ProtocolSet::with_site_file("site.toml", &who.replace("max = 15 }", "max = 1 }")).unwrap_err();
        assert!(e.contains("group_format.size"), "{e}");
        let e =
            ProtocolSet::with_site_file("site.toml", &who.replace("from = 8\nto = 8", "from = 8\nto = 9")).unwrap_err();
        assert!(e.contains("agenda from 8 to 9"), "{e}");
        let e = ProtocolSet::with_site_file("site.toml", &who.replace("group = true", "group = false")).unwrap_err();
        assert!(e.contains("only for group protocols"), "{e}");
        let adjusted = who.replace("max = 15 }", "max = 12 }");
        let set = ProtocolSet::with_site_file("site.toml", &adjusted).unwrap();
        assert_eq!(set.get("ipt-group-who").unwrap().group_format.as_ref().unwrap().size.max, 12);
    }

    #[test]
    fn site_file_adds_and_replaces_protocols() {
        let text = r#"
[[protocol]]
id = "group-who"
name = "WHO group IPT"
school = "weissman"
sessions = { min = 8, max = 8, default = 8 }
frequency = "weekly"
session_minutes = 90
initial_sessions = 1
termination_sessions = 1
problem_areas = [{ id = "grief", label = "Grief" }, { id = "role_dispute", label = "Disputes" }]
max_problem_areas = 1
checklist = ["symptom_review"]
group = true

[protocol.group_format]
pre_group_sessions = 1
size = { min = 5, max = 12 }
attended_for_completion = 6
measure = "phq9"
eligibility = { instrument = "phq9", min_total = 10 }
"#;
        let set = ProtocolSet::with_site_file("protocols.toml", text).unwrap();
        assert!(set.get("group-who").unwrap().group);
        assert!(set.get("ipt-individual").is_some());
        let replaced = text.replace("group-who", "ipt-brief");
        let set = ProtocolSet::with_site_file("protocols.toml", &replaced).unwrap();
        assert_eq!(set.get("ipt-brief").unwrap().session_minutes, 90);
    }

    #[test]
    fn site_file_errors_name_file_protocol_and_field() {
        let bad = |body: &str| ProtocolSet::with_site_file("site.toml", body).unwrap_err();
        let base = r#"[[protocol]]
id = "x"
name = "X"
school = "weissman"
sessions = { min = 12, max = 16, default = 20 }
frequency = "weekly"
session_minutes = 50
initial_sessions = 3
termination_sessions = 3
problem_areas = [{ id = "grief", label = "Grief" }]
max_problem_areas = 1
checklist = []
"#;
        let e = bad(base);
        assert!(e.starts_with("site.toml: protocol \"x\": sessions"), "{e}");
        let e = bad(&base
            .replace("default = 20", "default = 14")
            .replace("max_problem_areas = 1", "max_problem_areas = 3"));
        assert!(e.contains("max_problem_areas"), "{e}");
        let e = bad(&base.replace("default = 20", "default = 14").replace("checklist = []", "checklist = [\"tea\"]"));
        assert!(e.contains("unknown checklist item \"tea\""), "{e}");
        let e = bad(&base.replace("frequency = \"weekly\"", "frequency = \"daily\""));
        assert!(e.starts_with("site.toml:") && e.contains("daily"), "{e}");
        let e = bad(&base.replace("default = 20", "default = 14").replace("school", "shcool"));
        assert!(e.contains("shcool"), "{e}");
        let e = bad(&base
            .replace("default = 20", "default = 14")
            .replace("checklist = []", "checklist = []\nmaintenance = [\"ipt-brief\"]"));
        assert!(e.contains("not a maintenance protocol"), "{e}");
    }
}
