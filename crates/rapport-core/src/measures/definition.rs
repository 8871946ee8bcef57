//! Instrument definitions: versioned data, not code.
//!
//! The shipped definitions are JSON files embedded at compile time
//! (`crates/rapport-core/instruments/*.json`). A site adds instruments, or
//! replaces a shipped one (for example to import the licensed EPDS text), with
//! files of the same shape; [`Library::with_site_files`] validates them and names
//! the file and the field at fault. Reading the folder is the caller's job (this
//! crate does no I/O).

use super::site::ItemText;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// Who completes the instrument.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Administration {
    SelfReport,
    Clinician,
}

/// Licence class (measures.md section 1): F ships text; L ships structure and scoring only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LicenceClass {
    F,
    L,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Licence {
    pub class: LicenceClass,
    pub terms: String,
    pub citation: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Loinc {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub panel: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer_list: Option<String>,
}

/// Higher scores mean more symptoms (PHQ-9, GAD-7, …) or better well-being (WHO-5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    HigherIsWorse,
    HigherIsBetter,
}

/// One response option: the code the respondent chose and the score it carries
/// (before any reverse scoring of the item).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    pub code: i64,
    pub score: i64,
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loinc: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// 1-based position in the instrument.
    pub number: u32,
    /// snake_case, unique within the instrument.
    pub id: String,
    pub text: String,
    /// Name of an entry of `option_sets`.
    pub options: String,
    /// Reverse-scored: score = (highest + lowest option score) − option score.
    #[serde(default)]
    pub reverse: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loinc: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScoringRule {
    /// Sum of the item scores.
    Sum,
    /// Sum over domains; each domain combines its items (e.g. the worst item).
    SumOfDomains,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Combine {
    Max,
    Sum,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    pub id: String,
    pub combine: Combine,
    pub items: Vec<u32>,
    /// When the domain counts as answered: each group needs at least one
    /// answered item (QIDS-SR16 appetite/weight: one of items 6/7 and one of
    /// 8/9, as its form instructs). Empty: any answered item of the domain.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answer_groups: Vec<Vec<u32>>,
}

impl Domain {
    /// Whether enough of the domain is answered to score it (`answered(n)`
    /// says whether scored item n has an answer).
    pub fn is_answered(&self, answered: impl Fn(u32) -> bool) -> bool {
        if self.answer_groups.is_empty() {
            self.items.iter().any(|n| answered(*n))
        } else {
            self.answer_groups.iter().all(|g| g.iter().any(|n| answered(*n)))
        }
    }
}

fn one() -> i64 {
    1
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scoring {
    pub rule: ScoringRule,
    /// The reported total is the raw total times this (WHO-5: 4, a percentage).
    #[serde(default = "one")]
    pub multiplier: i64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<Domain>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MissingRuleKind {
    /// Any missing scored item: no total (the default, measures.md section 4).
    Withhold,
    /// Up to `max_missing` items missing: the mean of the answered items stands
    /// in for them (rounded half up); recorded as prorated. Explicit site option.
    Prorate,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MissingRule {
    pub rule: MissingRuleKind,
    #[serde(default)]
    pub max_missing: u32,
}

/// Prorating may never fill in more than this share of the scored items
/// (measures.md section 4: "never above 20 % of items"), rounded down …
pub const PRORATE_MAX_FRACTION_PERCENT: u32 = 20;

/// … except where a published rule for the instrument says otherwise: the NHS
/// Data Dictionary's PHQ-9 entry allows prorating with at most 2 of the 9
/// items missing. (instrument id, most missing items, source)
pub const PRORATE_EXCEPTIONS: &[(&str, u32, &str)] = &[("phq9", 2, "NHS Data Dictionary, PHQ-9: at most 2 missing")];

impl Default for MissingRule {
    fn default() -> Self {
        MissingRule { rule: MissingRuleKind::Withhold, max_missing: 0 }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Range {
    pub min: i64,
    pub max: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// snake_case, e.g. `moderately_severe`.
    pub id: String,
    pub label: String,
    pub min: i64,
    pub max: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BandSet {
    pub id: String,
    pub bands: Vec<Band>,
}

/// A flag raised when the reported total lies within `[min, max]` (either end open).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Threshold {
    pub id: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
}

impl Threshold {
    pub fn holds(&self, total: i64) -> bool {
        self.min.is_none_or(|m| total >= m) && self.max.is_none_or(|m| total <= m)
    }
}

/// A total within `[min, max]` (either end open) counts as a case / remission.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cutoff {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
    pub source: String,
}

impl Cutoff {
    pub fn holds(&self, total: i64) -> bool {
        self.min.is_none_or(|m| total >= m) && self.max.is_none_or(|m| total <= m)
    }
}

/// Response: at least this reduction from the baseline (measures.md 6.3),
/// reported only when the baseline is at caseness.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResponseRule {
    /// 50: a drop of at least half the baseline.
    pub min_reduction_percent: i64,
    pub source: String,
}

/// A change of at least `points` of the reported total counts as meaningful
/// (WHO-5: 10 percentage points), reported instead of response and remission.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeaningfulChange {
    pub points: i64,
    pub source: String,
}

/// An item evaluated on its own for risk, whatever the total (measures.md section 5).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskItem {
    pub item: u32,
    /// Alert when the item's score is at least this.
    pub min_score: i64,
    /// The rule's name in measures.md (R1 …).
    pub rule: String,
    pub label: String,
    /// A few words for the question in a sentence ("thoughts of self-harm"):
    /// "PHQ-9 question 9 (thoughts of self-harm): Several days". Default: the label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_label: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subscale {
    pub id: String,
    pub label: String,
    pub items: Vec<u32>,
}

/// How a reliable change is decided, with the source of the numbers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "method", rename_all = "snake_case", deny_unknown_fields)]
pub enum ReliableChangeParams {
    /// Jacobson & Truax (1991) with the √2 correction: `sd` is s₁ (pre-treatment
    /// or clinical-sample SD), `reliability` is r_xx.
    JacobsonTruax { sd: f64, reliability: f64, source: String },
    /// A fixed criterion in points of the reported total (e.g. NHS Talking Therapies).
    Points { points: f64, source: String },
}

impl ReliableChangeParams {
    pub fn source(&self) -> &str {
        match self {
            ReliableChangeParams::JacobsonTruax { source, .. } | ReliableChangeParams::Points { source, .. } => source,
        }
    }
}

/// Severity cut-offs validated for a population (e.g. a translation validated
/// with a cut-off of 8 where the original uses 10). A response scored in the
/// translation's language uses them; its record names the band set, and so
/// the population.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Population {
    /// What the population is, in a few words ("Chilean primary care").
    pub label: String,
    /// Where the cut-offs come from (the validation study).
    pub source: String,
    /// The bands; its id names the population in every score that used it.
    pub band_set: BandSet,
}

/// One language's validated text of an instrument.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    /// Language tag, e.g. `es`, `fr`, `es-MX`.
    pub language: String,
    /// This text's version (a changed wording needs a new one).
    pub version: String,
    /// The validated version it reproduces, and where it was confirmed.
    pub source: String,
    /// The terms it may be reproduced under.
    pub licence: String,
    /// How the wording was checked against the validated version (kept with
    /// the definition, not shown on forms).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instructions: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    /// Every item, scored and unscored, by its number.
    pub items: Vec<ItemText>,
    /// Labels per option set, in the set's order (unless every item using
    /// the set gives its own `option_labels`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub option_labels: BTreeMap<String, Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<Population>,
}

/// A site's translation file: `{"translation": "phq9", "base_version": "1", …}`
/// with the fields of a [`Translation`].
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranslationFile {
    /// Id of the instrument translated.
    pub translation: String,
    /// The instrument's version the text was checked against; another
    /// version refuses the file rather than putting text on a changed structure.
    pub base_version: String,
    pub language: String,
    pub version: String,
    pub source: String,
    pub licence: String,
    #[serde(default)]
    pub notes: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub instructions: Option<String>,
    #[serde(default)]
    pub attribution: Option<String>,
    pub items: Vec<ItemText>,
    #[serde(default)]
    pub option_labels: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub population: Option<Population>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    /// snake_case, e.g. `phq9`.
    pub id: String,
    /// The definition's version; a change of items, options or scoring needs a new one.
    pub version: String,
    pub name: String,
    pub short_name: String,
    pub administration: Administration,
    pub recall: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instructions: Option<String>,
    /// Language of the text (e.g. `en`); a site overlay sets it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Shown under every form of the instrument (clinician, portal, link), as
    /// the licence terms ask (Pfizer for the PHQ and GAD-7, the Psychiatric
    /// Centre North Zealand for the WHO-5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    /// True when item text is a neutral placeholder (licensed text not imported).
    #[serde(default)]
    pub text_placeholder: bool,
    pub licence: Licence,
    #[serde(default)]
    pub loinc: Loinc,
    pub direction: Direction,
    pub option_sets: BTreeMap<String, Vec<AnswerOption>>,
    /// The scored items in order: the `answers` of a response.
    pub items: Vec<Item>,
    /// Stored but never added (PHQ-9's difficulty question).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unscored_items: Vec<Item>,
    pub scoring: Scoring,
    #[serde(default)]
    pub missing: MissingRule,
    /// Range of the reported total.
    pub range: Range,
    pub band_sets: Vec<BandSet>,
    pub default_band_set: String,
    #[serde(default)]
    pub thresholds: Vec<Threshold>,
    #[serde(default)]
    pub risk_items: Vec<RiskItem>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subscales: Vec<Subscale>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caseness: Option<Cutoff>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remission: Option<Cutoff>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reliable_change: Option<ReliableChangeParams>,
    /// Response rule (needs `caseness`: reported only from a baseline at caseness).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<ResponseRule>,
    /// Meaningful change in points, reported instead of response (WHO-5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meaningful_change: Option<MeaningfulChange>,
    /// Instrument to offer after a positive screen (PHQ-2 → PHQ-9).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<String>,
    /// Validated translations, each with its source and licence
    /// ([`super::language`]); the definition's own text is `language`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub translations: Vec<Translation>,
    /// The language this copy's text is shown in, set by
    /// [`Instrument::localized`]; a response scored with it records it. Never
    /// part of a definition file.
    #[serde(skip)]
    pub shown_language: Option<String>,
}

impl Instrument {
    pub fn options_for(&self, item: &Item) -> &[AnswerOption] {
        self.option_sets.get(&item.options).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn band_set(&self, id: Option<&str>) -> Option<&BandSet> {
        let id = id.unwrap_or(&self.default_band_set);
        self.band_sets.iter().find(|b| b.id == id).or_else(|| self.population_of(id).map(|p| &p.band_set))
    }

    /// Problems of one band set, as (field after the set, message): snake_case
    /// ids, and bands covering the range without gaps.
    pub(crate) fn band_set_problems(&self, set: &BandSet) -> Vec<(String, String)> {
        let mut errs = Vec::new();
        if !is_snake(&set.id) {
            errs.push((".id".to_string(), format!("{:?} must be snake_case", set.id)));
        }
        let mut next = self.range.min;
        for (b, band) in set.bands.iter().enumerate() {
            let f = format!(".bands[{b}]");
            if !is_snake(&band.id) {
                errs.push((format!("{f}.id"), format!("{:?} must be snake_case", band.id)));
            }
            if band.min != next {
                errs.push((format!("{f}.min"), format!("expected {next}: bands must cover the range without gaps")));
            }
            if band.max < band.min {
                errs.push((format!("{f}.max"), "must not be below min".into()));
            }
            next = band.max + 1;
        }
        if next != self.range.max + 1 {
            errs.push((String::new(), format!("the last band must end at {}", self.range.max)));
        }
        errs
    }

    /// (lowest, highest) option score of an item's option set.
    /// The score an option code gives on `item`, reverse scoring applied: the
    /// one rule the scoring engine and the clinician's form both use, so the
    /// score shown beside an EPDS answer is the score stored. None for a code
    /// the item does not have.
    pub fn item_score(&self, item: &Item, code: i64) -> Option<i64> {
        let opt = self.options_for(item).iter().find(|o| o.code == code)?;
        Some(if item.reverse {
            let (lo, hi) = self.score_bounds(item);
            lo + hi - opt.score
        } else {
            opt.score
        })
    }

    /// Whether any scored item is reverse-scored (the EPDS): its clinician form
    /// shows the score each answer gives.
    pub fn has_reverse_items(&self) -> bool {
        self.items.iter().any(|i| i.reverse)
    }

    pub fn score_bounds(&self, item: &Item) -> (i64, i64) {
        let opts = self.options_for(item);
        let lo = opts.iter().map(|o| o.score).min().unwrap_or(0);
        let hi = opts.iter().map(|o| o.score).max().unwrap_or(0);
        (lo, hi)
    }

    /// The most missing scored items prorating may fill in, whatever the
    /// definition asks: 20 % of the scored items (rounded down), or the
    /// instrument's published rule (PHQ-9: 2).
    pub fn prorate_cap(&self) -> u32 {
        PRORATE_EXCEPTIONS
            .iter()
            .find(|(id, _, _)| *id == self.id)
            .map(|(_, n, _)| *n)
            .unwrap_or(self.items.len() as u32 * PRORATE_MAX_FRACTION_PERCENT / 100)
    }

    /// Checks the definition hangs together: every problem, with the field at fault.
    pub fn validate(&self) -> Result<(), Vec<(String, String)>> {
        let mut errs: Vec<(String, String)> = Vec::new();
        let mut err = |f: String, m: String| errs.push((f, m));
        if !is_snake(&self.id) {
            err("id".into(), format!("{:?} must be snake_case (a-z, 0-9, _)", self.id));
        }
        if self.id == "phq8" {
            err(
                "id".into(),
                "PHQ-8 must not replace the PHQ-9: removing item 9 is not a safety measure (measures.md R5)".into(),
            );
        }
        for (f, v) in [("version", &self.version), ("name", &self.name), ("short_name", &self.short_name)] {
            if v.trim().is_empty() {
                err(f.into(), "must not be empty".into());
            }
        }
        for (name, set) in &self.option_sets {
            if set.is_empty() {
                err(format!("option_sets.{name}"), "must list at least one option".into());
            }
            let mut codes = BTreeSet::new();
            for (i, o) in set.iter().enumerate() {
                if !codes.insert(o.code) {
                    err(format!("option_sets.{name}[{i}].code"), format!("code {} appears twice", o.code));
                }
                if o.score < 0 {
                    err(format!("option_sets.{name}[{i}].score"), "must not be negative".into());
                }
            }
        }
        if self.items.is_empty() {
            err("items".into(), "must list at least one scored item".into());
        }
        let mut ids = BTreeSet::new();
        for (i, item) in self.items.iter().chain(&self.unscored_items).enumerate() {
            let (field, n) = if i < self.items.len() {
                (format!("items[{i}]"), i as u32 + 1)
            } else {
                (format!("unscored_items[{}]", i - self.items.len()), i as u32 + 1)
            };
            if item.number != n {
                err(format!("{field}.number"), format!("expected {n} (items are numbered 1, 2, … in order)"));
            }
            if !is_snake(&item.id) {
                err(format!("{field}.id"), format!("{:?} must be snake_case", item.id));
            } else if !ids.insert(item.id.clone()) {
                err(format!("{field}.id"), format!("{:?} appears twice", item.id));
            }
            if !self.option_sets.contains_key(&item.options) {
                err(format!("{field}.options"), format!("no option set named {:?}", item.options));
            }
        }
        let n_items = self.items.len() as u32;
        let valid_item = |n: u32| (1..=n_items).contains(&n);
        if self.scoring.multiplier < 1 {
            err("scoring.multiplier".into(), "must be at least 1".into());
        }
        match self.scoring.rule {
            ScoringRule::Sum => {
                if !self.scoring.domains.is_empty() {
                    err("scoring.domains".into(), "only used with the sum_of_domains rule".into());
                }
            }
            ScoringRule::SumOfDomains => {
                let mut seen = BTreeSet::new();
                for (d, dom) in self.scoring.domains.iter().enumerate() {
                    if dom.items.is_empty() {
                        err(format!("scoring.domains[{d}].items"), "must list at least one item".into());
                    }
                    for n in &dom.items {
                        if !valid_item(*n) {
                            err(format!("scoring.domains[{d}].items"), format!("no scored item {n}"));
                        } else if !seen.insert(*n) {
                            err(format!("scoring.domains[{d}].items"), format!("item {n} is in two domains"));
                        }
                    }
                    for (g, group) in dom.answer_groups.iter().enumerate() {
                        if group.is_empty() || group.iter().any(|n| !dom.items.contains(n)) {
                            err(
                                format!("scoring.domains[{d}].answer_groups[{g}]"),
                                "must list at least one item, all of them items of this domain".into(),
                            );
                        }
                    }
                }
                if seen.len() as u32 != n_items {
                    err("scoring.domains".into(), "every scored item must belong to exactly one domain".into());
                }
                if self.missing.rule == MissingRuleKind::Prorate {
                    err("missing.rule".into(), "prorating is only defined for the sum rule".into());
                }
            }
        }
        if self.missing.rule == MissingRuleKind::Prorate {
            let cap = self.prorate_cap();
            if self.missing.max_missing == 0 {
                err("missing.max_missing".into(), "must be at least 1 with the prorate rule".into());
            } else if self.missing.max_missing > cap {
                err(
                    "missing.max_missing".into(),
                    format!(
                        "at most {cap} of {n_items} scored items may be prorated (20 % of the items; PHQ-9: 2), got {}",
                        self.missing.max_missing
                    ),
                );
            }
        }
        if self.missing.rule == MissingRuleKind::Withhold && self.missing.max_missing != 0 {
            err("missing.max_missing".into(), "must be 0 with the withhold rule".into());
        }
        // The declared range must be what the scoring can produce.
        if errs_none_for_options(self) {
            let (lo, hi) = self.computed_range();
            if (lo, hi) != (self.range.min, self.range.max) {
                err(
                    "range".into(),
                    format!("declared {}–{} but the items and scoring give {lo}–{hi}", self.range.min, self.range.max),
                );
            }
        }
        if self.band_sets.is_empty() {
            err("band_sets".into(), "must define at least one band set".into());
        }
        for (s, set) in self.band_sets.iter().enumerate() {
            for (f, m) in self.band_set_problems(set) {
                err(format!("band_sets[{s}]{f}"), m);
            }
        }
        if self.band_set(None).is_none() {
            err("default_band_set".into(), format!("no band set named {:?}", self.default_band_set));
        }
        for (t, th) in self.thresholds.iter().enumerate() {
            if !is_snake(&th.id) {
                err(format!("thresholds[{t}].id"), format!("{:?} must be snake_case", th.id));
            }
            if th.min.is_none() && th.max.is_none() {
                err(format!("thresholds[{t}]"), "needs min, max or both".into());
            }
        }
        for (r, risk) in self.risk_items.iter().enumerate() {
            if !valid_item(risk.item) {
                err(format!("risk_items[{r}].item"), format!("no scored item {}", risk.item));
            }
            if risk.min_score < 1 {
                err(format!("risk_items[{r}].min_score"), "must be at least 1".into());
            }
        }
        for (s, sub) in self.subscales.iter().enumerate() {
            for n in &sub.items {
                if !valid_item(*n) {
                    err(format!("subscales[{s}].items"), format!("no scored item {n}"));
                }
            }
        }
        for (f, c) in [("caseness", &self.caseness), ("remission", &self.remission)] {
            if let Some(c) = c {
                if c.min.is_none() && c.max.is_none() {
                    err(f.into(), "needs min, max or both".into());
                }
            }
        }
        if let Some(r) = &self.response {
            if !(1..=100).contains(&r.min_reduction_percent) {
                err("response.min_reduction_percent".into(), "must be 1 to 100".into());
            }
            if r.source.trim().is_empty() {
                err("response.source".into(), "name where the rule comes from".into());
            }
            if self.caseness.is_none() {
                err(
                    "response".into(),
                    "needs a caseness cut-off: response is reported only from a baseline at caseness".into(),
                );
            }
        }
        if self.remission.is_some() && self.caseness.is_none() {
            err(
                "remission".into(),
                "needs a caseness cut-off: remission is reported only from a baseline at caseness".into(),
            );
        }
        if let Some(m) = &self.meaningful_change {
            if m.points < 1 {
                err("meaningful_change.points".into(), "must be at least 1".into());
            }
            if m.source.trim().is_empty() {
                err("meaningful_change.source".into(), "name where the number comes from".into());
            }
        }
        match &self.reliable_change {
            Some(ReliableChangeParams::JacobsonTruax { sd, reliability, source }) => {
                if !(sd.is_finite() && *sd > 0.0) {
                    err("reliable_change.sd".into(), "must be a positive number".into());
                }
                if !(reliability.is_finite() && (0.0..1.0).contains(reliability)) {
                    err("reliable_change.reliability".into(), "must be at least 0 and below 1".into());
                }
                if source.trim().is_empty() {
                    err("reliable_change.source".into(), "name where the numbers come from".into());
                }
            }
            Some(ReliableChangeParams::Points { points, source }) => {
                if !(points.is_finite() && *points > 0.0) {
                    err("reliable_change.points".into(), "must be a positive number".into());
                }
                if source.trim().is_empty() {
                    err("reliable_change.source".into(), "name where the numbers come from".into());
                }
            }
            None => {}
        }
        errs.extend(self.validate_translations());
        if errs.is_empty() {
            Ok(())
        } else {
            Err(errs)
        }
    }

    /// The lowest and highest reported totals the scoring can produce.
    pub fn computed_range(&self) -> (i64, i64) {
        let bounds: Vec<(i64, i64)> = self.items.iter().map(|i| self.score_bounds(i)).collect();
        let (lo, hi) = match self.scoring.rule {
            ScoringRule::Sum => bounds.iter().fold((0, 0), |(a, b), (l, h)| (a + l, b + h)),
            ScoringRule::SumOfDomains => self.scoring.domains.iter().fold((0, 0), |(a, b), d| {
                let pick = |n: &u32| bounds.get(*n as usize - 1).copied().unwrap_or((0, 0));
                let (l, h) = match d.combine {
                    Combine::Max => (
                        d.items.iter().map(|n| pick(n).0).max().unwrap_or(0),
                        d.items.iter().map(|n| pick(n).1).max().unwrap_or(0),
                    ),
                    Combine::Sum => d.items.iter().fold((0, 0), |(x, y), n| (x + pick(n).0, y + pick(n).1)),
                };
                (a + l, b + h)
            }),
        };
        (lo * self.scoring.multiplier, hi * self.scoring.multiplier)
    }
}

fn errs_none_for_options(i: &Instrument) -> bool {
    i.items.iter().all(|it| i.option_sets.get(&it.options).is_some_and(|s| !s.is_empty()))
        && i.scoring.domains.iter().all(|d| d.items.iter().all(|n| (1..=i.items.len() as u32).contains(n)))
}

fn is_snake(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && s.starts_with(|c: char| c.is_ascii_lowercase())
}

/// A problem in a definition file: which file, which field, what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DefinitionError {
    pub file: String,
    pub field: String,
    pub message: String,
}

impl fmt::Display for DefinitionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}: {}: {}", self.file, self.field, self.message)
        }
    }
}

impl std::error::Error for DefinitionError {}

/// The shipped definitions (file name, JSON text).
pub const BUILTIN: &[(&str, &str)] = &[
    ("phq9.json", include_str!("../../instruments/phq9.json")),
    ("phq2.json", include_str!("../../instruments/phq2.json")),
    ("gad7.json", include_str!("../../instruments/gad7.json")),
    ("who5.json", include_str!("../../instruments/who5.json")),
    ("hamd17.json", include_str!("../../instruments/hamd17.json")),
    ("epds.json", include_str!("../../instruments/epds.json")),
    ("qids_sr16.json", include_str!("../../instruments/qids_sr16.json")),
];

/// Parses and validates one definition file.
pub fn parse_definition(file: &str, text: &str) -> Result<Instrument, Vec<DefinitionError>> {
    let de = &mut serde_json::Deserializer::from_str(text);
    let inst: Instrument = serde_path_to_error::deserialize(de).map_err(|e| {
        let field = e.path().to_string();
        let message = e.into_inner().to_string();
        vec![DefinitionError { file: file.into(), field: if field == "." { String::new() } else { field }, message }]
    })?;
    inst.validate().map_err(|errs| {
        errs.into_iter()
            .map(|(field, message)| DefinitionError { file: file.into(), field, message })
            .collect::<Vec<_>>()
    })?;
    Ok(inst)
}

/// The instruments a site offers, by id (sorted).
#[derive(Clone, Debug)]
pub struct Library {
    instruments: BTreeMap<String, Instrument>,
}

impl Library {
    /// The shipped definitions. They are tested, so a failure here is a build defect.
    pub fn builtin() -> Library {
        let mut instruments = BTreeMap::new();
        for (file, text) in BUILTIN {
            let inst =
                parse_definition(file, text).unwrap_or_else(|e| panic!("shipped instrument {file} is invalid: {e:?}"));
            instruments.insert(inst.id.clone(), inst);
        }
        Library { instruments }
    }

    /// Adds site files (file name, JSON text), see [`super::site`]:
    /// - `{"overlay": "epds", …}` puts text, labels, instructions and the
    ///   language onto the shipped structure (licensed text import);
    /// - a full definition with a shipped id replaces its wording, bands or
    ///   norms, under a different version, and is refused when it changes the
    ///   structure (item count, option scores, reverse scoring, scoring rule,
    ///   range, direction, risk items);
    /// - a full definition with a new id adds an instrument, unless it is a
    ///   shipped one without its risk items (PHQ-9 without item 9).
    ///
    /// Errors name the file, the instrument and the field.
    pub fn with_site_files(mut self, files: &[(String, String)]) -> Result<Library, Vec<DefinitionError>> {
        let shipped = Library::builtin();
        let mut errors = Vec::new();
        let mut seen = BTreeSet::new();
        let mut translations = Vec::new();
        for (file, text) in files {
            if serde_json::from_str::<serde_json::Value>(text).ok().is_some_and(|v| v.get("translation").is_some()) {
                // After every overlay and replacement: a translation goes onto the site's instrument.
                translations.push((file, text));
                continue;
            }
            let is_overlay =
                serde_json::from_str::<serde_json::Value>(text).ok().is_some_and(|v| v.get("overlay").is_some());
            let inst = if is_overlay {
                let de = &mut serde_json::Deserializer::from_str(text);
                let overlay: super::site::Overlay = match serde_path_to_error::deserialize(de) {
                    Ok(o) => o,
                    Err(e) => {
                        let field = e.path().to_string();
                        errors.push(DefinitionError {
                            file: file.clone(),
                            field: if field == "." { String::new() } else { field },
                            message: e.into_inner().to_string(),
                        });
                        continue;
                    }
                };
                let Some(base) = shipped.get(&overlay.overlay) else {
                    errors.push(DefinitionError {
                        file: file.clone(),
                        field: "overlay".into(),
                        message: format!(
                            "{:?} is not a shipped instrument; an overlay only adds text to one",
                            overlay.overlay
                        ),
                    });
                    continue;
                };
                match super::site::apply_overlay(file, base, &overlay) {
                    Ok(i) => i,
                    Err(e) => {
                        errors.extend(e);
                        continue;
                    }
                }
            } else {
                match parse_definition(file, text) {
                    Ok(inst) => {
                        if let Some(old) = shipped.get(&inst.id) {
                            let changes = super::site::structure_changes(old, &inst);
                            if !changes.is_empty() {
                                errors.extend(changes.into_iter().map(|(field, message)| DefinitionError {
                                    file: file.clone(),
                                    field,
                                    message: format!(
                                        "{message}; a site file may change a shipped instrument's text, labels, instructions, language, bands and norms, never its structure (use an overlay to import text)"
                                    ),
                                }));
                                continue;
                            }
                            if old.version == inst.version {
                                errors.push(DefinitionError {
                                    file: file.clone(),
                                    field: "version".into(),
                                    message: format!(
                                        "replaces the shipped {} version {:?}: give it a different version",
                                        inst.id, old.version
                                    ),
                                });
                                continue;
                            }
                        } else if let Some(base) = shipped.all().find(|b| super::site::drops_risk_items_of(b, &inst)) {
                            let items: Vec<String> = base.risk_items.iter().map(|r| r.item.to_string()).collect();
                            errors.push(DefinitionError {
                                file: file.clone(),
                                field: "items".into(),
                                message: format!(
                                    "instrument {:?} is the {} without its risk item {}: removing a risk item is not a safety measure (measures.md R5)",
                                    inst.id,
                                    base.short_name,
                                    items.join(", ")
                                ),
                            });
                            continue;
                        }
                        inst
                    }
                    Err(e) => {
                        errors.extend(e);
                        continue;
                    }
                }
            };
            if !seen.insert(inst.id.clone()) {
                errors.push(DefinitionError {
                    file: file.clone(),
                    field: "id".into(),
                    message: format!("{:?} is defined by two site files", inst.id),
                });
                continue;
            }
            self.instruments.insert(inst.id.clone(), inst);
        }
        for (file, text) in translations {
            let de = &mut serde_json::Deserializer::from_str(text);
            let tf: TranslationFile = match serde_path_to_error::deserialize(de) {
                Ok(t) => t,
                Err(e) => {
                    let field = e.path().to_string();
                    errors.push(DefinitionError {
                        file: file.clone(),
                        field: if field == "." { String::new() } else { field },
                        message: e.into_inner().to_string(),
                    });
                    continue;
                }
            };
            let Some(inst) = self.instruments.get(&tf.translation) else {
                errors.push(DefinitionError {
                    file: file.clone(),
                    field: "translation".into(),
                    message: format!("{:?} is not an instrument of this site", tf.translation),
                });
                continue;
            };
            match inst.with_translation(file, tf) {
                Ok(i) => {
                    self.instruments.insert(i.id.clone(), i);
                }
                Err(e) => errors.extend(e),
            }
        }
        if errors.is_empty() {
            Ok(self)
        } else {
            Err(errors)
        }
    }

    pub fn get(&self, id: &str) -> Option<&Instrument> {
        self.instruments.get(id)
    }

    pub fn all(&self) -> impl Iterator<Item = &Instrument> {
        self.instruments.values()
    }
}
