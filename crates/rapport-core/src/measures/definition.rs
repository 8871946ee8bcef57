//! Instrument definitions: versioned data, not code.
//!
//! The shipped definitions are JSON files embedded at compile time
//! (`crates/rapport-core/instruments/*.json`). A site adds instruments, or
//! replaces a shipped one (for example to import the licensed EPDS text), with
//! files of the same shape; [`Library::with_site_files`] validates them and names
//! the file and the field at fault. Reading the folder is the caller's job (this
//! crate does no I/O).

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
    /// Instrument to offer after a positive screen (PHQ-2 → PHQ-9).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<String>,
}

impl Instrument {
    pub fn options_for(&self, item: &Item) -> &[AnswerOption] {
        self.option_sets.get(&item.options).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn band_set(&self, id: Option<&str>) -> Option<&BandSet> {
        let id = id.unwrap_or(&self.default_band_set);
        self.band_sets.iter().find(|b| b.id == id)
    }

    /// (lowest, highest) option score of an item's option set.
    pub fn score_bounds(&self, item: &Item) -> (i64, i64) {
        let opts = self.options_for(item);
        let lo = opts.iter().map(|o| o.score).min().unwrap_or(0);
        let hi = opts.iter().map(|o| o.score).max().unwrap_or(0);
        (lo, hi)
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
                }
                if seen.len() as u32 != n_items {
                    err("scoring.domains".into(), "every scored item must belong to exactly one domain".into());
                }
                if self.missing.rule == MissingRuleKind::Prorate {
                    err("missing.rule".into(), "prorating is only defined for the sum rule".into());
                }
            }
        }
        if self.missing.rule == MissingRuleKind::Prorate && self.missing.max_missing >= n_items {
            err("missing.max_missing".into(), "must be smaller than the number of scored items".into());
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
            if !is_snake(&set.id) {
                err(format!("band_sets[{s}].id"), format!("{:?} must be snake_case", set.id));
            }
            let mut next = self.range.min;
            for (b, band) in set.bands.iter().enumerate() {
                let f = format!("band_sets[{s}].bands[{b}]");
                if !is_snake(&band.id) {
                    err(format!("{f}.id"), format!("{:?} must be snake_case", band.id));
                }
                if band.min != next {
                    err(format!("{f}.min"), format!("expected {next}: bands must cover the range without gaps"));
                }
                if band.max < band.min {
                    err(format!("{f}.max"), "must not be below min".into());
                }
                next = band.max + 1;
            }
            if next != self.range.max + 1 {
                err(format!("band_sets[{s}]"), format!("the last band must end at {}", self.range.max));
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

    /// Adds site definitions (file name, JSON text); a file whose id matches a
    /// shipped instrument replaces it (e.g. the licensed EPDS text), and must then
    /// carry a different version so stored scores stay traceable.
    pub fn with_site_files(mut self, files: &[(String, String)]) -> Result<Library, Vec<DefinitionError>> {
        let mut errors = Vec::new();
        let mut seen = BTreeSet::new();
        for (file, text) in files {
            match parse_definition(file, text) {
                Ok(inst) => {
                    if !seen.insert(inst.id.clone()) {
                        errors.push(DefinitionError {
                            file: file.clone(),
                            field: "id".into(),
                            message: format!("{:?} is defined by two site files", inst.id),
                        });
                        continue;
                    }
                    if let Some(old) = self.instruments.get(&inst.id) {
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
                    }
                    self.instruments.insert(inst.id.clone(), inst);
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
