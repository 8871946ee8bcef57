//! Fidelity checklists as data: items by phase and problem area, a rating
//! scale, a pass rule and who may rate; scoring a rating, and how far a
//! self-rating and a supervisor's rating of the same session agree.
//!
//! Shipped checklists (in our own words) are embedded; a site file adds
//! its own or replaces a shipped one with a new version, validated with
//! messages that name the file, the checklist and the field.

use crate::protocol::Phase;
pub use crate::supervision::Pathway;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

const SHIPPED: &str = include_str!("../fidelity/shipped.toml");

/// Who rates a session.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rater {
    /// The clinician or facilitator who ran the session.
    #[serde(rename = "self")]
    SelfRated,
    /// A supervisor who observed or reviewed it.
    Supervisor,
    /// A colleague (peer review).
    Peer,
}

impl Rater {
    pub const ALL: [Rater; 3] = [Rater::SelfRated, Rater::Supervisor, Rater::Peer];

    pub fn as_str(self) -> &'static str {
        match self {
            Rater::SelfRated => "self",
            Rater::Supervisor => "supervisor",
            Rater::Peer => "peer",
        }
    }

    pub fn parse(s: &str) -> Option<Rater> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Rater::SelfRated => "Self-rating",
            Rater::Supervisor => "Supervisor",
            Rater::Peer => "Peer",
        }
    }

    /// The interface message naming this rater (`label` in the reader's language).
    pub fn message(self) -> &'static str {
        match self {
            Rater::SelfRated => crate::msg("fidelity-rater-self"),
            Rater::Supervisor => crate::msg("fidelity-rater-supervisor"),
            Rater::Peer => crate::msg("fidelity-rater-peer"),
        }
    }
}

/// Which sessions a checklist is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Individual,
    Group,
    Any,
}

impl Format {
    pub fn fits(self, group: bool) -> bool {
        match self {
            Format::Individual => !group,
            Format::Group => group,
            Format::Any => true,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub min: i64,
    pub max: i64,
    /// One label per point, from `min` to `max`.
    #[serde(default)]
    pub labels: Vec<String>,
}

impl Scale {
    pub fn label(&self, v: i64) -> Option<&str> {
        usize::try_from(v - self.min).ok().and_then(|i| self.labels.get(i)).map(String::as_str)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PassRule {
    pub mean_at_least: f64,
    #[serde(default = "one")]
    pub min_items: usize,
}

fn one() -> usize {
    1
}

/// The phase an item belongs to: one of the three, or every phase.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemPhase {
    Initial,
    Middle,
    Termination,
    Any,
}

impl ItemPhase {
    pub fn as_str(self) -> &'static str {
        match self {
            ItemPhase::Initial => "initial",
            ItemPhase::Middle => "middle",
            ItemPhase::Termination => "termination",
            ItemPhase::Any => "any",
        }
    }

    /// Whether the item belongs in a session of `phase` (maintenance
    /// sessions take the middle-phase items).
    pub fn fits(self, phase: Phase) -> bool {
        match self {
            ItemPhase::Any => true,
            ItemPhase::Initial => phase == Phase::Initial,
            ItemPhase::Middle => matches!(phase, Phase::Middle | Phase::Maintenance),
            ItemPhase::Termination => phase == Phase::Termination,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub phase: ItemPhase,
    /// Only for courses working on this problem area.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    pub text: String,
    /// The text in other languages: language tag -> text.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, String>,
}

impl Item {
    /// The item's text in `language` (a tag such as "fr"), else its own.
    pub fn text_in(&self, language: &str) -> &str {
        self.translations.get(language).unwrap_or(&self.text)
    }
}

/// A checklist's name, description and scale labels in another language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistText {
    pub name: String,
    /// Absent: the description stays in the checklist's own words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// One label per point, as `scale.labels`.
    #[serde(default)]
    pub labels: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    pub id: String,
    pub version: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub format: Format,
    pub raters: Vec<Rater>,
    pub scale: Scale,
    pub pass: PassRule,
    #[serde(rename = "item")]
    pub items: Vec<Item>,
    /// Its name and scale in other languages: language tag -> text.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, ChecklistText>,
}

impl Checklist {
    /// The items that apply to a session of `phase` in a course working on `areas`.
    pub fn items_for(&self, phase: Phase, areas: &[String]) -> Vec<&Item> {
        self.items.iter().filter(|i| i.phase.fits(phase) && i.area.as_ref().is_none_or(|a| areas.contains(a))).collect()
    }

    /// The checklist's name in `language`, else its own.
    pub fn name_in(&self, language: &str) -> &str {
        self.translations.get(language).map(|t| t.name.as_str()).unwrap_or(&self.name)
    }

    /// The checklist's description in `language`, else its own.
    pub fn description_in(&self, language: &str) -> &str {
        self.translations.get(language).and_then(|t| t.description.as_deref()).unwrap_or(&self.description)
    }

    /// The label of scale point `v` in `language`, else its own.
    pub fn scale_label_in(&self, v: i64, language: &str) -> Option<&str> {
        let own = self.scale.label(v)?;
        let translated = self
            .translations
            .get(language)
            .and_then(|t| usize::try_from(v - self.scale.min).ok().and_then(|i| t.labels.get(i)).map(String::as_str));
        Some(translated.unwrap_or(own))
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    pub fn allows(&self, rater: Rater) -> bool {
        self.raters.contains(&rater)
    }

    /// Checks and scores one rating (item id -> point). Every rated item
    /// must belong to the checklist and lie on its scale; items that do not
    /// apply to the session may be rated too (a supervisor's judgement),
    /// but the pass rule needs `min_items` rated. The error names the field
    /// as the API does (`ratings.<item>`).
    pub fn score(&self, ratings: &BTreeMap<String, i64>) -> Result<Scored, (String, String)> {
        if ratings.is_empty() {
            return Err(("ratings".into(), "Rate at least one item".into()));
        }
        for (id, v) in ratings {
            if self.item(id).is_none() {
                return Err((format!("ratings.{id}"), format!("{} has no item {id:?}", self.name)));
            }
            if *v < self.scale.min || *v > self.scale.max {
                return Err((
                    format!("ratings.{id}"),
                    format!("Ratings on this checklist go from {} to {}", self.scale.min, self.scale.max),
                ));
            }
        }
        let mean = ratings.values().sum::<i64>() as f64 / ratings.len() as f64;
        let pass = ratings.len() >= self.pass.min_items && mean + 1e-9 >= self.pass.mean_at_least;
        Ok(Scored { mean, items_rated: ratings.len(), pass })
    }
}

/// A scored rating.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Scored {
    /// The mean of the rated items.
    pub mean: f64,
    pub items_rated: usize,
    pub pass: bool,
}

/// One item rated by two people.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ItemAgreement {
    pub item: String,
    pub first: i64,
    pub second: i64,
}

impl ItemAgreement {
    pub fn difference(&self) -> i64 {
        (self.first - self.second).abs()
    }
}

/// How a self-rating and a supervisor's rating of one session agree, item
/// by item (only items both rated).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Agreement {
    pub items: Vec<ItemAgreement>,
    /// Share of the common items rated the same (0-1); `None` with none in common.
    pub exact: Option<f64>,
    /// Share within one point.
    pub within_one: Option<f64>,
}

pub fn agreement(first: &BTreeMap<String, i64>, second: &BTreeMap<String, i64>) -> Agreement {
    let items: Vec<ItemAgreement> = first
        .iter()
        .filter_map(|(k, a)| second.get(k).map(|b| ItemAgreement { item: k.clone(), first: *a, second: *b }))
        .collect();
    let share = |f: &dyn Fn(&ItemAgreement) -> bool| {
        (!items.is_empty()).then(|| items.iter().filter(|i| f(i)).count() as f64 / items.len() as f64)
    };
    let exact = share(&|i| i.difference() == 0);
    let within_one = share(&|i| i.difference() <= 1);
    Agreement { items, exact, within_one }
}

/// The checklists an organisation uses: shipped ones, adjusted by the site's file.
#[derive(Clone, Debug)]
pub struct ChecklistSet {
    checklists: Vec<Checklist>,
    pathways: Vec<Pathway>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChecklistFile {
    #[serde(default)]
    checklist: Vec<Checklist>,
    #[serde(default)]
    pathway: Vec<Pathway>,
}

impl ChecklistSet {
    pub fn shipped() -> ChecklistSet {
        ChecklistSet::from_toml("shipped fidelity checklists", SHIPPED, None).expect("shipped checklists are valid")
    }

    /// Shipped checklists adjusted by a site file's text (`source` names it in errors).
    pub fn with_site_file(source: &str, text: &str) -> Result<ChecklistSet, String> {
        ChecklistSet::from_toml(source, text, Some(ChecklistSet::shipped()))
    }

    fn from_toml(source: &str, text: &str, base: Option<ChecklistSet>) -> Result<ChecklistSet, String> {
        let file: ChecklistFile = toml::from_str(text).map_err(|e| format!("{source}: {}", e.to_string().trim()))?;
        let (mut checklists, mut pathways) = base.map(|b| (b.checklists, b.pathways)).unwrap_or_default();
        let mut seen = std::collections::BTreeSet::new();
        for c in file.checklist {
            validate(&c).map_err(|e| format!("{source}: checklist {:?}: {e}", c.id))?;
            if !seen.insert(c.id.clone()) {
                return Err(format!("{source}: checklist {:?} is defined twice", c.id));
            }
            match checklists.iter_mut().find(|q| q.id == c.id) {
                Some(q) if q.version == c.version => {
                    return Err(format!(
                        "{source}: checklist {:?}: replaces version {:?} of a shipped checklist: give it a new version",
                        c.id, q.version
                    ));
                }
                Some(q) => *q = c,
                None => checklists.push(c),
            }
        }
        let mut seen = std::collections::BTreeSet::new();
        for p in file.pathway {
            if !seen.insert(p.id.clone()) {
                return Err(format!("{source}: pathway {:?} is defined twice", p.id));
            }
            match pathways.iter_mut().find(|q| q.id == p.id) {
                Some(q) => *q = p,
                None => pathways.push(p),
            }
        }
        for p in &pathways {
            validate_pathway(p, &checklists).map_err(|e| format!("{source}: pathway {:?}: {e}", p.id))?;
        }
        Ok(ChecklistSet { checklists, pathways })
    }

    /// The certification pathways the organisation follows.
    pub fn pathways(&self) -> &[Pathway] {
        &self.pathways
    }

    pub fn pathway(&self, id: &str) -> Option<&Pathway> {
        self.pathways.iter().find(|p| p.id == id)
    }

    pub fn get(&self, id: &str) -> Option<&Checklist> {
        self.checklists.iter().find(|c| c.id == id)
    }

    pub fn all(&self) -> &[Checklist] {
        &self.checklists
    }

    /// Checklists for an individual (`group` false) or a group session.
    pub fn for_format(&self, group: bool) -> impl Iterator<Item = &Checklist> {
        self.checklists.iter().filter(move |c| c.format.fits(group))
    }
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 40
        && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

fn validate_pathway(p: &Pathway, checklists: &[Checklist]) -> Result<(), String> {
    if !is_slug(&p.id) || p.name.trim().is_empty() {
        return Err("needs an id (lowercase letters, digits, '-' or '_') and a name".into());
    }
    if !(0.0..=10_000.0).contains(&p.training_hours) || !(0.0..=10_000.0).contains(&p.supervision_hours) {
        return Err("training_hours and supervision_hours must be 0 to 10000".into());
    }
    if p.cases > 100 || p.measures_every > 50 || p.valid_years > 50 {
        return Err("cases (at most 100), measures_every and valid_years (at most 50) are out of range".into());
    }
    if !checklists.iter().any(|c| c.id == p.case_checklist) {
        return Err(format!("case_checklist {:?} is not a known checklist", p.case_checklist));
    }
    Ok(())
}

fn validate(c: &Checklist) -> Result<(), String> {
    if !is_slug(&c.id) {
        return Err("id must be 1-40 lowercase letters, digits, '-' or '_'".into());
    }
    if c.version.trim().is_empty() || c.name.trim().is_empty() {
        return Err("version and name must not be empty".into());
    }
    if c.raters.is_empty() {
        return Err("raters must list at least one of self, supervisor, peer".into());
    }
    let s = &c.scale;
    if s.min < 0 || s.min >= s.max || s.max > 10 {
        return Err(format!("scale must satisfy 0 <= min < max <= 10 (got {} to {})", s.min, s.max));
    }
    if !s.labels.is_empty() && s.labels.len() as i64 != s.max - s.min + 1 {
        return Err(format!("scale.labels needs one label per point ({} points)", s.max - s.min + 1));
    }
    if let Some((language, _)) = c.translations.iter().find(|(_, t)| t.labels.len() != s.labels.len()) {
        return Err(format!("translations.{language}.labels needs as many labels as scale.labels"));
    }
    let p = &c.pass;
    if !(p.mean_at_least >= s.min as f64 && p.mean_at_least <= s.max as f64) {
        return Err(format!("pass.mean_at_least must lie on the scale ({} to {})", s.min, s.max));
    }
    if c.items.is_empty() {
        return Err("a checklist needs at least one item".into());
    }
    if p.min_items == 0 || p.min_items > c.items.len() {
        return Err(format!("pass.min_items must be 1 to the number of items ({})", c.items.len()));
    }
    let mut ids = std::collections::BTreeSet::new();
    for i in &c.items {
        if !is_slug(&i.id) || i.id.contains('-') {
            return Err(format!("item id {:?} must be lowercase letters, digits and '_'", i.id));
        }
        if !ids.insert(i.id.as_str()) {
            return Err(format!("item {:?} is listed twice", i.id));
        }
        if i.text.trim().is_empty() {
            return Err(format!("item {:?} needs a text", i.id));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ratings(pairs: &[(&str, i64)]) -> BTreeMap<String, i64> {
        pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    #[test]
    fn shipped_checklists_cover_each_phase_and_format() {
        let set = ChecklistSet::shipped();
        let ind = set.get("ipt-adherence").unwrap();
        let initial: Vec<&str> = ind.items_for(Phase::Initial, &[]).iter().map(|i| i.id.as_str()).collect();
        assert_eq!(
            initial,
            ["symptom_review", "sick_role", "inventory", "onset_link", "formulation", "therapeutic_stance"]
        );
        let grief: Vec<&str> = ind.items_for(Phase::Middle, &["grief".into()]).iter().map(|i| i.id.as_str()).collect();
        assert!(grief.contains(&"grief_mourning") && !grief.contains(&"dispute_stage"), "{grief:?}");
        assert!(ind.items_for(Phase::Termination, &[]).iter().any(|i| i.id == "warning_signs"));
        assert_eq!(
            set.for_format(true).map(|c| c.id.as_str()).collect::<Vec<_>>(),
            ["group-facilitator", "session-quality"]
        );
        assert_eq!(
            set.for_format(false).map(|c| c.id.as_str()).collect::<Vec<_>>(),
            ["ipt-adherence", "session-quality"]
        );
        assert_eq!(ind.scale.label(3), Some("Done well"));
    }

    #[test]
    fn shipped_checklists_come_in_spanish_and_french() {
        for c in ChecklistSet::shipped().all() {
            for language in ["es", "fr"] {
                assert!(c.translations.contains_key(language), "{} lacks {language}", c.id);
                assert!(
                    c.items.iter().all(|i| i.translations.contains_key(language)),
                    "{} items lack {language}",
                    c.id
                );
            }
        }
        let c = ChecklistSet::shipped().get("group-facilitator").unwrap().clone();
        assert_eq!(c.scale_label_in(1, "es"), Some("Sí"));
        assert_eq!(c.scale_label_in(1, "de"), Some("Yes"), "the checklist's own words otherwise");
        assert!(c.items[0].text_in("fr").starts_with("Chaque membre"));
        let ind = ChecklistSet::shipped().get("ipt-adherence").unwrap().clone();
        assert!(ind.description_in("es").starts_with("¿La sesión hizo lo que la TIP pide"));
        assert_eq!(ind.description_in("de"), ind.description, "the checklist's own words otherwise");
        for c in ChecklistSet::shipped().all() {
            assert!(c.translations.values().all(|t| t.description.is_some()), "{} lacks a description", c.id);
        }
    }

    #[test]
    fn pathways_come_in_spanish_and_french() {
        let set = ChecklistSet::shipped();
        for p in set.pathways() {
            for language in ["es", "fr"] {
                assert!(
                    p.translations.get(language).is_some_and(|t| t.description.is_some()),
                    "{} lacks {language}",
                    p.id
                );
            }
        }
        let p = set.pathway("group-facilitator").unwrap();
        assert!(p.name_in("fr").starts_with("Animateur·rice de TIP de groupe"));
        assert!(p.description_in("es").starts_with("Una formación de facilitadores(as)"));
        assert_eq!(p.name_in("de"), p.name, "the pathway's own words otherwise");
    }

    #[test]
    fn a_rating_is_scored_against_the_pass_rule_and_the_scale() {
        let c = ChecklistSet::shipped().get("ipt-adherence").unwrap().clone();
        let s = c.score(&ratings(&[("symptom_review", 3), ("sick_role", 2), ("inventory", 1)])).unwrap();
        assert_eq!((s.mean, s.items_rated, s.pass), (2.0, 3, true));
        let s = c.score(&ratings(&[("symptom_review", 3), ("sick_role", 1), ("inventory", 1)])).unwrap();
        assert!(!s.pass, "mean 1.67 is under 2.0");
        let s = c.score(&ratings(&[("symptom_review", 3), ("sick_role", 3)])).unwrap();
        assert!(!s.pass, "two items are fewer than min_items 3");
        let e = c.score(&ratings(&[("symptom_review", 4)])).unwrap_err();
        assert_eq!(e.0, "ratings.symptom_review");
        let e = c.score(&ratings(&[("symptom_review", -1)])).unwrap_err();
        assert_eq!(e.0, "ratings.symptom_review");
        let e = c.score(&ratings(&[("tea", 1)])).unwrap_err();
        assert_eq!(e.0, "ratings.tea");
        assert_eq!(c.score(&BTreeMap::new()).unwrap_err().0, "ratings");
    }

    #[test]
    fn agreement_compares_the_items_both_rated() {
        let me = ratings(&[("a", 3), ("b", 2), ("c", 0), ("only_me", 1)]);
        let sup = ratings(&[("a", 3), ("b", 1), ("c", 2), ("only_sup", 2)]);
        let ag = agreement(&me, &sup);
        assert_eq!(ag.items.len(), 3);
        assert_eq!(ag.exact, Some(1.0 / 3.0));
        assert_eq!(ag.within_one, Some(2.0 / 3.0));
        assert_eq!(ag.items[2].difference(), 2);
        assert_eq!(agreement(&me, &BTreeMap::new()).exact, None);
    }

    #[test]
    fn site_files_add_checklists_and_replace_with_a_new_version_only() {
        let text = r#"
[[checklist]]
id = "licensed-scale"
version = "2.1"
name = "A scale the site holds a licence for"
format = "individual"
raters = ["supervisor"]
scale = { min = 1, max = 5 }
pass = { mean_at_least = 3.0 }

[[checklist.item]]
id = "item_1"
phase = "any"
text = "Site wording"
"#;
        let set = ChecklistSet::with_site_file("fidelity.toml", text).unwrap();
        let c = set.get("licensed-scale").unwrap();
        assert!(c.allows(Rater::Supervisor) && !c.allows(Rater::SelfRated));
        assert!(set.get("ipt-adherence").is_some());
        let same_version = text.replace("licensed-scale", "session-quality").replace("2.1", "1");
        let e = ChecklistSet::with_site_file("fidelity.toml", &same_version).unwrap_err();
        assert!(e.contains("give it a new version"), "{e}");
        let bad = text.replace("mean_at_least = 3.0", "mean_at_least = 9.0");
        let e = ChecklistSet::with_site_file("fidelity.toml", &bad).unwrap_err();
        assert!(e.starts_with("fidelity.toml: checklist \"licensed-scale\": pass.mean_at_least"), "{e}");
        let bad = text.replace("raters = [\"supervisor\"]", "raters = [\"boss\"]");
        assert!(ChecklistSet::with_site_file("fidelity.toml", &bad).unwrap_err().contains("boss"));
    }

    #[test]
    fn pathways_ship_and_name_a_known_checklist() {
        let set = ChecklistSet::shipped();
        let p = set.pathway("ipt-certified-therapist").unwrap();
        assert_eq!((p.training_hours, p.supervision_hours, p.cases, p.measures_every), (16.0, 10.0, 2, 4));
        assert!(set.pathway("group-facilitator").is_some());
        let bad = "[[pathway]]\nid = \"x\"\nname = \"X\"\ntraining_hours = 1.0\nsupervision_hours = 1.0\ncases = 1\ncase_checklist = \"nope\"\n";
        let e = ChecklistSet::with_site_file("fidelity.toml", bad).unwrap_err();
        assert!(e.contains("case_checklist \"nope\""), "{e}");
    }

    #[test]
    fn raters_parse() {
        for r in Rater::ALL {
            assert_eq!(Rater::parse(r.as_str()), Some(r));
        }
        assert_eq!(Rater::parse("boss"), None);
    }
}
