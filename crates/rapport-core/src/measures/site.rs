//! A site's instrument files: text overlays onto shipped instruments, checked
//! replacements, and new instruments that must not drop a shipped risk item.
//!
//! - An **overlay** (`{"overlay": "epds", …}`) puts item text, option labels,
//!   instructions and the language onto a shipped instrument's structure: the
//!   way a licensed site imports the EPDS or QIDS-SR16 text.
//! - A full definition with a shipped id may change wording, bands, norms and
//!   the (capped) missing-item rule, but never the structure: item count,
//!   option codes and scores, reverse scoring, the scoring rule, the range,
//!   the direction or the risk items ([`structure_changes`]).
//! - A new instrument equivalent to a shipped one without its risk items (the
//!   PHQ-9 without item 9, i.e. the PHQ-8 under another name) is refused
//!   ([`drops_risk_items_of`]; measures.md R5).

use super::definition::{AnswerOption, DefinitionError, Instrument, Item};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Text for one item (scored or unscored, by its number in the instrument).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemText {
    pub number: u32,
    pub text: String,
    /// Labels of this item's own options, in the order of its option set
    /// (the EPDS has different answers for each item).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option_labels: Option<Vec<String>>,
}

/// A text overlay onto a shipped instrument.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Overlay {
    /// Id of the shipped instrument, e.g. `epds`.
    pub overlay: String,
    /// The shipped version the text was written for; a different shipped
    /// version refuses the overlay rather than putting text on a changed structure.
    pub base_version: String,
    /// This text's version: stored scores carry `{base_version}+{version}`.
    pub version: String,
    /// Language of the text, e.g. `en`, `de-CH`.
    pub language: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub instructions: Option<String>,
    #[serde(default)]
    pub attribution: Option<String>,
    pub items: Vec<ItemText>,
    /// Labels per option set (shared by several items), in the set's order.
    #[serde(default)]
    pub option_labels: BTreeMap<String, Vec<String>>,
}

fn error(file: &str, field: impl Into<String>, message: impl Into<String>) -> DefinitionError {
    DefinitionError { file: file.into(), field: field.into(), message: message.into() }
}

fn is_version(s: &str) -> bool {
    !s.is_empty() && s.len() <= 40 && s.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
}

fn is_language(s: &str) -> bool {
    !s.is_empty() && s.len() <= 35 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// Applies an overlay to the shipped instrument `base`.
pub fn apply_overlay(file: &str, base: &Instrument, o: &Overlay) -> Result<Instrument, Vec<DefinitionError>> {
    let mut errs = Vec::new();
    let who = format!("{} ({})", base.short_name, base.id);
    if o.base_version != base.version {
        errs.push(error(
            file,
            "base_version",
            format!(
                "the shipped {who} is version {:?}, not {:?}: check the text against it",
                base.version, o.base_version
            ),
        ));
    }
    if !is_version(&o.version) {
        errs.push(error(file, "version", "1-40 letters, digits, '-', '_' or '.'"));
    }
    if !is_language(&o.language) {
        errs.push(error(file, "language", format!("{:?} is not a language tag such as en or de-CH", o.language)));
    }
    let mut inst = base.clone();
    let all = base.items.len() + base.unscored_items.len();
    let mut seen = BTreeSet::new();
    for (i, t) in o.items.iter().enumerate() {
        let f = format!("items[{i}]");
        if t.number == 0 || t.number as usize > all {
            errs.push(error(file, format!("{f}.number"), format!("{who} has items 1 to {all}")));
            continue;
        }
        if !seen.insert(t.number) {
            errs.push(error(file, format!("{f}.number"), format!("item {} appears twice", t.number)));
            continue;
        }
        if t.text.trim().is_empty() {
            errs.push(error(file, format!("{f}.text"), "must not be empty"));
        }
        let n = t.number as usize - 1;
        let item: &mut Item =
            if n < inst.items.len() { &mut inst.items[n] } else { &mut inst.unscored_items[n - base.items.len()] };
        item.text = t.text.trim().to_string();
        if let Some(labels) = &t.option_labels {
            let Some(opts) = base.option_sets.get(&item.options) else { continue };
            if labels.len() != opts.len() || labels.iter().any(|l| l.trim().is_empty()) {
                errs.push(error(
                    file,
                    format!("{f}.option_labels"),
                    format!("item {} of {who} has {} options: give one label for each, in order", t.number, opts.len()),
                ));
                continue;
            }
            // The item gets its own copy of its option set: same codes and
            // scores, its own labels.
            let set = format!("{}_options", item.id);
            if base.option_sets.contains_key(&set) {
                errs.push(error(file, format!("{f}.option_labels"), format!("option set name {set:?} is taken")));
                continue;
            }
            let relabelled: Vec<AnswerOption> = opts
                .iter()
                .zip(labels)
                .map(|(opt, l)| AnswerOption { label: l.trim().to_string(), ..opt.clone() })
                .collect();
            inst.option_sets.insert(set.clone(), relabelled);
            item.options = set;
        }
    }
    if base.text_placeholder {
        let missing: Vec<String> = (1..=all as u32).filter(|n| !seen.contains(n)).map(|n| n.to_string()).collect();
        if !missing.is_empty() {
            errs.push(error(
                file,
                "items",
                format!(
                    "the licensed {who} ships without text: give the text of every item (missing: {})",
                    missing.join(", ")
                ),
            ));
        }
    }
    for (name, labels) in &o.option_labels {
        let Some(opts) = inst.option_sets.get_mut(name) else {
            errs.push(error(file, format!("option_labels.{name}"), format!("{who} has no option set {name:?}")));
            continue;
        };
        if labels.len() != opts.len() || labels.iter().any(|l| l.trim().is_empty()) {
            errs.push(error(
                file,
                format!("option_labels.{name}"),
                format!("option set {name:?} of {who} has {} options: give one label for each, in order", opts.len()),
            ));
            continue;
        }
        for (opt, l) in opts.iter_mut().zip(labels) {
            opt.label = l.trim().to_string();
        }
    }
    if base.text_placeholder {
        // Every label a respondent sees must come from the licensed copy.
        for item in inst.items.iter().chain(&inst.unscored_items) {
            if base.option_sets.contains_key(&item.options) && !o.option_labels.contains_key(&item.options) {
                errs.push(error(
                    file,
                    "option_labels",
                    format!(
                        "the licensed {who} ships placeholder option labels: give the labels of item {} (option_labels.{} or the item's option_labels)",
                        item.number, item.options
                    ),
                ));
                break;
            }
        }
    }
    for (f, v) in [("name", &o.name), ("instructions", &o.instructions), ("attribution", &o.attribution)] {
        if v.as_deref().is_some_and(|t| t.trim().is_empty()) {
            errs.push(error(file, f, "must not be empty when given"));
        }
    }
    if let Some(n) = &o.name {
        inst.name = n.trim().to_string();
    }
    if let Some(t) = &o.instructions {
        inst.instructions = Some(t.trim().to_string());
    }
    if let Some(t) = &o.attribution {
        inst.attribution = Some(t.trim().to_string());
    }
    inst.language = Some(o.language.clone());
    inst.text_placeholder = false;
    inst.version = format!("{}+{}", base.version, o.version);
    if !errs.is_empty() {
        return Err(errs);
    }
    if let Err(e) = inst.validate() {
        return Err(e.into_iter().map(|(f, m)| error(file, f, m)).collect());
    }
    Ok(inst)
}

/// (code, score) of each option of an item, in order.
fn scores(inst: &Instrument, item: &Item) -> Vec<(i64, i64)> {
    inst.options_for(item).iter().map(|o| (o.code, o.score)).collect()
}

/// How a full definition with a shipped id changes the shipped structure:
/// (field, message) per change; empty when only wording, bands, norms or the
/// missing-item rule differ.
pub fn structure_changes(shipped: &Instrument, site: &Instrument) -> Vec<(String, String)> {
    let who = format!("the shipped {} ({})", shipped.short_name, shipped.id);
    let mut out = Vec::new();
    if site.items.len() != shipped.items.len() {
        out.push((
            "items".to_string(),
            format!("{} scored items where {who} has {}", site.items.len(), shipped.items.len()),
        ));
    } else {
        for (i, (a, b)) in site.items.iter().zip(&shipped.items).enumerate() {
            if scores(site, a) != scores(shipped, b) {
                out.push((
                    format!("items[{i}].options"),
                    format!(
                        "item {} has option codes and scores {:?} where {who} has {:?}",
                        a.number,
                        scores(site, a),
                        scores(shipped, b)
                    ),
                ));
            }
            if a.reverse != b.reverse {
                out.push((
                    format!("items[{i}].reverse"),
                    format!("item {} reverse scoring is {} where {who} has {}", a.number, a.reverse, b.reverse),
                ));
            }
        }
    }
    if site.unscored_items.len() != shipped.unscored_items.len() {
        out.push((
            "unscored_items".to_string(),
            format!("{} unscored items where {who} has {}", site.unscored_items.len(), shipped.unscored_items.len()),
        ));
    } else {
        for (i, (a, b)) in site.unscored_items.iter().zip(&shipped.unscored_items).enumerate() {
            if scores(site, a) != scores(shipped, b) {
                out.push((format!("unscored_items[{i}].options"), format!("option codes differ from {who}")));
            }
        }
    }
    if site.scoring != shipped.scoring {
        out.push(("scoring".to_string(), format!("the scoring rule differs from {who}")));
    }
    if site.range != shipped.range {
        out.push((
            "range".to_string(),
            format!(
                "{}–{} where {who} has {}–{}",
                site.range.min, site.range.max, shipped.range.min, shipped.range.max
            ),
        ));
    }
    if site.direction != shipped.direction {
        out.push(("direction".to_string(), format!("the direction differs from {who}")));
    }
    let risk = |i: &Instrument| i.risk_items.iter().map(|r| (r.item, r.min_score, r.rule.clone())).collect::<Vec<_>>();
    if risk(site) != risk(shipped) {
        out.push((
            "risk_items".to_string(),
            format!("risk items {:?} where {who} has {:?} (item, minimum score, rule)", risk(site), risk(shipped)),
        ));
    }
    out
}

fn norm(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Whether `site` is `shipped` without its risk items: the same items (by id,
/// LOINC code or text, with the same option scores and reverse scoring)
/// except the risk items, none of which it keeps. The PHQ-9 without item 9 is
/// the case in point (measures.md R5).
pub fn drops_risk_items_of(shipped: &Instrument, site: &Instrument) -> bool {
    if shipped.risk_items.is_empty() {
        return false;
    }
    let is_risk = |n: u32| shipped.risk_items.iter().any(|r| r.item == n);
    let kept: Vec<&Item> = shipped.items.iter().filter(|it| !is_risk(it.number)).collect();
    if site.items.len() != kept.len() {
        return false;
    }
    let same = |a: &Item, b: &Item| {
        let identity = a.id == b.id || (a.loinc.is_some() && a.loinc == b.loinc) || norm(&a.text) == norm(&b.text);
        identity
            && a.reverse == b.reverse
            && scores(site, a).iter().map(|x| x.1).collect::<Vec<_>>()
                == scores(shipped, b).iter().map(|x| x.1).collect::<Vec<_>>()
    };
    let mut used = vec![false; kept.len()];
    for a in &site.items {
        match kept.iter().enumerate().position(|(j, b)| !used[j] && same(a, b)) {
            Some(j) => used[j] = true,
            None => return false,
        }
    }
    true
}
