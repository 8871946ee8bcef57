//! Scoring: total, band, flags and risk items for any instrument definition.
//!
//! Pure and exact: a response with a missing scored item gets no total unless
//! the definition's missing-item rule allows prorating (and then says so);
//! risk items are evaluated from whatever was answered, before and
//! independently of the total.

use super::definition::{Combine, Instrument, MissingRuleKind, ScoringRule};
use crate::ValidationErrors;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The scoring algorithm's version, stored with every score. A change to how
/// scores are computed from a definition needs a new value.
///
/// `rapport-scoring-2`: a sum-of-domains total needs only each domain answered
/// as its form instructs (QIDS-SR16), and prorating is capped (20 % of the
/// items, PHQ-9: 2) and refused with a risk item missing.
pub const SCORING_VERSION: &str = "rapport-scoring-2";

/// The flag on a response whose risk question was left blank: "risk question
/// not answered: ask at next contact".
pub const RISK_ITEM_UNANSWERED: &str = "risk_item_unanswered";

/// A positive risk item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskHit {
    pub item: u32,
    pub score: i64,
    pub rule: String,
}

impl RiskHit {
    /// The flag id in a score's `flags` (e.g. `risk_item_9`).
    pub fn flag(&self) -> String {
        format!("risk_item_{}", self.item)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Score {
    pub instrument: String,
    pub instrument_version: String,
    pub scoring_version: String,
    /// Option code chosen per scored item (None = missing).
    pub answers: Vec<Option<i64>>,
    /// Derived item scores (after reverse scoring).
    pub item_scores: Vec<Option<i64>>,
    /// Raw total (before the multiplier), when there is one.
    pub raw_total: Option<i64>,
    /// The reported total (WHO-5: the percentage), or None when withheld.
    pub total: Option<i64>,
    pub band: Option<String>,
    pub band_set: Option<String>,
    pub subscores: BTreeMap<String, i64>,
    /// Threshold flags that hold for the total, then risk flags (`risk_item_N`).
    pub flags: Vec<String>,
    pub risk: Vec<RiskHit>,
    /// 1-based numbers of the missing scored items.
    pub missing: Vec<u32>,
    /// The total stands without prorating: every scored item answered, or
    /// (sum of domains) every domain answered as its form instructs, so a
    /// QIDS-SR16 with item 7 blank after item 6 is complete.
    pub complete: bool,
    pub prorated: bool,
    /// PHQ-9 diagnostic algorithm (optional output; a diagnosis still needs a
    /// clinician): `major_depressive_syndrome`, `other_depressive_syndrome` or
    /// `none`; None for other instruments and incomplete forms.
    pub diagnostic_algorithm: Option<String>,
    /// The language the form was shown in (`Instrument::localized`), or None
    /// when the face did not say. It never changes the numbers.
    pub language: Option<String>,
}

/// Checks a response's shape: one entry per scored item, each a valid option
/// code or None (missing). Errors name `answers[i]` (0-based, as in the JSON).
pub fn check_answers(inst: &Instrument, answers: &[Option<i64>]) -> Result<(), ValidationErrors> {
    let mut e = ValidationErrors::new();
    if answers.len() != inst.items.len() {
        e.add(
            "answers",
            format!(
                "{} takes {} answers (its scored items in order); got {}",
                inst.short_name,
                inst.items.len(),
                answers.len()
            ),
        );
        return e.into_result();
    }
    for (i, (item, a)) in inst.items.iter().zip(answers).enumerate() {
        if let Some(code) = a {
            let opts = inst.options_for(item);
            if !opts.iter().any(|o| o.code == *code) {
                let lo = opts.iter().map(|o| o.code).min().unwrap_or(0);
                let hi = opts.iter().map(|o| o.code).max().unwrap_or(0);
                e.add(
                    &format!("answers[{i}]"),
                    format!("item {} of {} takes {lo} to {hi}; got {code}", item.number, inst.short_name),
                );
            }
        }
    }
    e.into_result()
}

/// Scores a response with the default band set.
pub fn score(inst: &Instrument, answers: &[Option<i64>]) -> Result<Score, ValidationErrors> {
    score_with(inst, answers, None)
}

/// Scores a response without its unscored answers; `band_set` picks a band
/// set other than the default. See [`score_response`].
pub fn score_with(
    inst: &Instrument,
    answers: &[Option<i64>],
    band_set: Option<&str>,
) -> Result<Score, ValidationErrors> {
    score_response(inst, answers, None, band_set)
}

/// Scores a response. The unscored answers (PHQ-9's difficulty question) never
/// change the total; the PHQ-9 diagnostic algorithm needs the difficulty
/// answer (see [`phq9_algorithm`]).
pub fn score_response(
    inst: &Instrument,
    answers: &[Option<i64>],
    unscored: Option<&[Option<i64>]>,
    band_set: Option<&str>,
) -> Result<Score, ValidationErrors> {
    check_answers(inst, answers)?;
    let set = inst.band_set(band_set).ok_or_else(|| {
        ValidationErrors::single("band_set", format!("{} has no band set {band_set:?}", inst.short_name))
    })?;
    let item_scores: Vec<Option<i64>> =
        inst.items.iter().zip(answers).map(|(item, a)| inst.item_score(item, (*a)?)).collect();
    let missing: Vec<u32> =
        inst.items.iter().zip(&item_scores).filter(|(_, s)| s.is_none()).map(|(i, _)| i.number).collect();

    // Risk first, from whatever was answered.
    let risk: Vec<RiskHit> = inst
        .risk_items
        .iter()
        .filter_map(|r| {
            let s = item_scores.get(r.item as usize - 1).copied().flatten()?;
            (s >= r.min_score).then(|| RiskHit { item: r.item, score: s, rule: r.rule.clone() })
        })
        .collect();

    // A risk question left blank is never papered over by prorating: the
    // clinician must ask it (flag `risk_item_unanswered`).
    let risk_unanswered =
        inst.risk_items.iter().any(|r| item_scores.get(r.item as usize - 1).copied().flatten().is_none());

    let answered: Vec<i64> = item_scores.iter().flatten().copied().collect();
    let has = |n: u32| item_scores.get(n as usize - 1).copied().flatten().is_some();
    // Scored as the form instructs: a domain needs only what its form asks
    // for (QIDS-SR16: one of items 6/7 and one of 8/9); a whole domain
    // missing withholds the total.
    let domains_answered = inst.scoring.rule == ScoringRule::SumOfDomains
        && !inst.scoring.domains.is_empty()
        && inst.scoring.domains.iter().all(|d| d.is_answered(has));
    let (raw_total, prorated) = if missing.is_empty() || domains_answered {
        let raw = match inst.scoring.rule {
            ScoringRule::Sum => answered.iter().sum(),
            ScoringRule::SumOfDomains => inst
                .scoring
                .domains
                .iter()
                .map(|d| {
                    let vals = d.items.iter().filter_map(|n| item_scores[*n as usize - 1]);
                    match d.combine {
                        Combine::Max => vals.max().unwrap_or(0),
                        Combine::Sum => vals.sum(),
                    }
                })
                .sum(),
        };
        (Some(raw), false)
    } else if may_prorate(inst, &missing) && !answered.is_empty() {
        // sum × n / answered, rounded half up, in integers.
        let n = inst.items.len() as i64;
        let k = answered.len() as i64;
        let sum: i64 = answered.iter().sum();
        (Some((2 * sum * n + k) / (2 * k)), true)
    } else {
        (None, false)
    };
    let complete = raw_total.is_some() && !prorated;
    let total = raw_total.map(|r| r * inst.scoring.multiplier);
    let band = total.and_then(|t| set.bands.iter().find(|b| t >= b.min && t <= b.max)).map(|b| b.id.clone());
    let subscores = if complete {
        inst.subscales
            .iter()
            .filter(|s| s.items.iter().all(|n| has(*n)))
            .map(|s| (s.id.clone(), s.items.iter().filter_map(|n| item_scores[*n as usize - 1]).sum()))
            .collect()
    } else {
        BTreeMap::new()
    };
    let mut flags: Vec<String> = match total {
        Some(t) => inst.thresholds.iter().filter(|th| th.holds(t)).map(|th| th.id.clone()).collect(),
        None => vec!["incomplete".to_string()],
    };
    if prorated {
        flags.push("prorated".into());
    }
    flags.extend(risk.iter().map(RiskHit::flag));
    if risk_unanswered {
        flags.push(RISK_ITEM_UNANSWERED.into());
    }
    let diagnostic_algorithm = if inst.id == "phq9" && complete && item_scores.len() == 9 {
        let difficulty = inst.unscored_items.iter().position(|i| i.id == PHQ9_DIFFICULTY).and_then(|at| {
            let code = unscored?.get(at).copied().flatten()?;
            inst.item_score(&inst.unscored_items[at], code)
        });
        phq9_algorithm(&item_scores.iter().map(|s| s.unwrap_or(0)).collect::<Vec<_>>(), difficulty)
            .map(|r| r.as_str().to_string())
    } else {
        None
    };
    Ok(Score {
        instrument: inst.id.clone(),
        instrument_version: inst.version.clone(),
        scoring_version: SCORING_VERSION.into(),
        answers: answers.to_vec(),
        item_scores,
        raw_total,
        total,
        band,
        band_set: total.map(|_| set.id.clone()),
        subscores,
        flags,
        risk,
        missing,
        complete,
        prorated,
        diagnostic_algorithm,
        language: inst.shown_language.clone(),
    })
}

/// Whether the missing items may be prorated: only when the definition asks
/// for it (sum rule), within its `max_missing` and never above the core cap
/// (20 % of the items, PHQ-9: 2; `Instrument::prorate_cap`), and never with a
/// risk item missing (measures.md section 4).
pub fn may_prorate(inst: &Instrument, missing: &[u32]) -> bool {
    inst.missing.rule == MissingRuleKind::Prorate
        && inst.scoring.rule == ScoringRule::Sum
        && !missing.is_empty()
        && missing.len() as u32 <= inst.missing.max_missing.min(inst.prorate_cap())
        && !inst.risk_items.iter().any(|r| missing.contains(&r.item))
}

/// The id of the PHQ-9's unscored functional-impairment question.
pub const PHQ9_DIFFICULTY: &str = "difficulty";

/// What the PHQ-9 diagnostic algorithm concludes (a diagnosis still needs a clinician).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phq9Algorithm {
    MajorDepressiveSyndrome,
    OtherDepressiveSyndrome,
    None,
    /// The symptoms meet a syndrome but the difficulty question was left
    /// blank: the algorithm cannot conclude without it.
    ImpairmentNotRecorded,
}

impl Phq9Algorithm {
    pub fn as_str(self) -> &'static str {
        match self {
            Phq9Algorithm::MajorDepressiveSyndrome => "major_depressive_syndrome",
            Phq9Algorithm::OtherDepressiveSyndrome => "other_depressive_syndrome",
            Phq9Algorithm::None => "none",
            Phq9Algorithm::ImpairmentNotRecorded => "impairment_not_recorded",
        }
    }
}

/// Kroenke, Spitzer & Williams (2001) and the PHQ-9 instructions: count the
/// items scored ≥ 2, item 9 counting at ≥ 1. ≥ 5 such items including item 1
/// or 2: major depressive syndrome; 2–4 including item 1 or 2: other
/// depressive syndrome; either only when the functional-impairment question
/// (`difficulty`, the score of its answer: 0 "not difficult at all" … 3) is
/// at least "somewhat difficult". Symptoms meeting a syndrome with the
/// question blank give [`Phq9Algorithm::ImpairmentNotRecorded`].
pub fn phq9_algorithm(items: &[i64], difficulty: Option<i64>) -> Option<Phq9Algorithm> {
    if items.len() != 9 {
        return None;
    }
    let count = items.iter().enumerate().filter(|(i, v)| if *i == 8 { **v >= 1 } else { **v >= 2 }).count();
    let core = items[0] >= 2 || items[1] >= 2;
    let syndrome = match count {
        5.. if core => Phq9Algorithm::MajorDepressiveSyndrome,
        2..=4 if core => Phq9Algorithm::OtherDepressiveSyndrome,
        _ => return Some(Phq9Algorithm::None),
    };
    Some(match difficulty {
        None => Phq9Algorithm::ImpairmentNotRecorded,
        Some(d) if d >= 1 => syndrome,
        Some(_) => Phq9Algorithm::None,
    })
}
