//! Change metrics (measures.md section 6): reliable change (Jacobson & Truax
//! with the √2 correction), clinical significance, response and remission, the
//! NHS Talking Therapies categories, and the not-on-track rule.

use super::definition::{Direction, Instrument, ReliableChangeParams};
use serde::{Deserialize, Serialize};

/// |RCI| above this is a reliable change (p < .05).
pub const RCI_CRITICAL: f64 = 1.96;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReliableChange {
    Improved,
    Deteriorated,
    None,
}

impl ReliableChange {
    pub fn as_str(&self) -> &'static str {
        match self {
            ReliableChange::Improved => "improved",
            ReliableChange::Deteriorated => "deteriorated",
            ReliableChange::None => "none",
        }
    }
}

/// A reliable-change result with the parameters that produced it, so it can be
/// audited and recomputed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Rci {
    pub params: ReliableChangeParams,
    /// Standard error of measurement, SE = s₁·√(1 − r_xx) (Jacobson–Truax only).
    pub se: Option<f64>,
    /// SE of the difference, S_diff = SE·√2 (Jacobson–Truax only).
    pub s_diff: Option<f64>,
    /// (post − pre) / S_diff (Jacobson–Truax only).
    pub rci: Option<f64>,
    /// The smallest |change| in points that is reliable (1.96·S_diff, or the fixed criterion).
    pub threshold: f64,
    pub category: ReliableChange,
}

/// Reliable change from `pre` to `post` on an instrument scored in `direction`.
pub fn reliable_change(params: &ReliableChangeParams, direction: Direction, pre: i64, post: i64) -> Rci {
    let change = (post - pre) as f64;
    let (se, s_diff, rci, threshold, reliable) = match params {
        ReliableChangeParams::JacobsonTruax { sd, reliability, .. } => {
            let se = sd * (1.0 - reliability).sqrt();
            let s_diff = (2.0 * se * se).sqrt();
            let rci = change / s_diff;
            (Some(se), Some(s_diff), Some(rci), RCI_CRITICAL * s_diff, rci.abs() > RCI_CRITICAL)
        }
        ReliableChangeParams::Points { points, .. } => (None, None, None, *points, change.abs() >= *points),
    };
    let category = if !reliable {
        ReliableChange::None
    } else if (change < 0.0) == (direction == Direction::HigherIsWorse) {
        ReliableChange::Improved
    } else {
        ReliableChange::Deteriorated
    };
    Rci { params: params.clone(), se, s_diff, rci, threshold, category }
}

/// Norms for clinical significance: dysfunctional (M₁, s₁) and functional (M₀, s₀).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Norms {
    pub m1: f64,
    pub s1: f64,
    pub m0: f64,
    pub s0: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Cutoffs {
    /// Two SDs from the dysfunctional mean towards health (M₁ − 2s₁ when higher
    /// is worse, M₁ + 2s₁ when higher is better): left the dysfunctional range.
    pub a: f64,
    /// Two SDs from the functional mean towards illness (M₀ + 2s₀, or M₀ − 2s₀
    /// when higher is better): within the functional range.
    pub b: f64,
    /// (s₀·M₁ + s₁·M₀)/(s₀ + s₁): closer to the functional mean (either direction).
    pub c: f64,
}

/// Jacobson & Truax (1991) cut-offs a, b and c, on the instrument's own
/// direction (WHO-5: higher is better, so health lies above the cut-off).
pub fn cutoffs(n: &Norms, direction: Direction) -> Cutoffs {
    let towards_health = match direction {
        Direction::HigherIsWorse => -1.0,
        Direction::HigherIsBetter => 1.0,
    };
    Cutoffs {
        a: n.m1 + towards_health * 2.0 * n.s1,
        b: n.m0 - towards_health * 2.0 * n.s0,
        c: (n.s0 * n.m1 + n.s1 * n.m0) / (n.s0 + n.s1),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClinicalSignificance {
    Recovered,
    Improved,
    Unchanged,
    Deteriorated,
}

/// Whether `score` lies on the functional (healthy) side of `cutoff`.
pub fn functional(score: i64, cutoff: f64, direction: Direction) -> bool {
    match direction {
        Direction::HigherIsWorse => (score as f64) < cutoff,
        Direction::HigherIsBetter => (score as f64) > cutoff,
    }
}

/// Jacobson–Truax category from `pre` to `post`: recovered = a reliable
/// improvement that crossed the cut-off, from the dysfunctional side at `pre`
/// to the functional side at `post`. Someone who started on the functional
/// side cannot recover (they were never a case): a reliable improvement is
/// "improved". The cut-off's side follows the instrument's direction.
pub fn clinical_significance(
    rci: &Rci,
    pre: i64,
    post: i64,
    cutoff: f64,
    direction: Direction,
) -> ClinicalSignificance {
    let crossed = !functional(pre, cutoff, direction) && functional(post, cutoff, direction);
    match rci.category {
        ReliableChange::Improved if crossed => ClinicalSignificance::Recovered,
        ReliableChange::Improved => ClinicalSignificance::Improved,
        ReliableChange::Deteriorated => ClinicalSignificance::Deteriorated,
        ReliableChange::None => ClinicalSignificance::Unchanged,
    }
}

/// Response: at least a 50% reduction from baseline (in the instrument's bad direction).
pub fn response(pre: i64, post: i64, direction: Direction, range_max: i64) -> bool {
    // For a higher-is-better scale the "symptom load" is the distance from the top.
    let (pre, post) = match direction {
        Direction::HigherIsWorse => (pre, post),
        Direction::HigherIsBetter => (range_max - pre, range_max - post),
    };
    pre > 0 && 2 * (pre - post) >= pre
}

/// Remission on the latest score, when the instrument defines it (PHQ-9 < 5,
/// HAM-D ≤ 7), whatever the baseline. [`honest_categories`] gates it on
/// caseness at baseline.
pub fn remission(inst: &Instrument, post: i64) -> Option<bool> {
    inst.remission.as_ref().map(|r| r.holds(post))
}

/// Response, remission and meaningful change as reported (measures.md 6.3):
/// `None` means "n/a".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Categories {
    /// ≥ the rule's reduction (50 %) from baseline; None unless the
    /// instrument has a response rule, there are two scores and the baseline
    /// is at caseness (PHQ-9 ≥ 10, GAD-7 ≥ 8, HAM-D-17 ≥ 14, QIDS-SR16 ≥ 11).
    pub response: Option<bool>,
    /// The remission cut-off at the latest score; None unless the instrument
    /// defines remission, there are two scores and the baseline is at caseness.
    pub remission: Option<bool>,
    /// WHO-5: a change of at least 10 points (`improved` / `deteriorated` /
    /// `none`); None for instruments without a meaningful-change rule (and
    /// with a single score).
    pub meaningful_change: Option<ReliableChange>,
}

/// The honest categories from a baseline and a latest score (`count` scores).
pub fn honest_categories(inst: &Instrument, count: usize, baseline: i64, latest: i64) -> Categories {
    let paired = count > 1;
    let at_caseness = inst.caseness.as_ref().is_some_and(|c| c.holds(baseline));
    let response = inst.response.as_ref().filter(|_| paired && at_caseness).map(|r| {
        let (pre, post) = match inst.direction {
            Direction::HigherIsWorse => (baseline, latest),
            Direction::HigherIsBetter => (inst.range.max - baseline, inst.range.max - latest),
        };
        pre > 0 && 100 * (pre - post) >= r.min_reduction_percent * pre
    });
    let remission = if paired && at_caseness { remission(inst, latest) } else { None };
    let meaningful_change = inst.meaningful_change.as_ref().filter(|_| paired).map(|m| {
        let change = latest - baseline;
        if change.abs() < m.points {
            ReliableChange::None
        } else if (change < 0) == (inst.direction == Direction::HigherIsWorse) {
            ReliableChange::Improved
        } else {
            ReliableChange::Deteriorated
        }
    });
    Categories { response, remission, meaningful_change }
}

/// Per-instrument outcome from totals in completion order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct InstrumentOutcome {
    pub instrument: String,
    pub count: usize,
    pub baseline: i64,
    pub latest: i64,
    /// latest − baseline
    pub change: i64,
    /// Percentage change from baseline (None when the baseline is 0).
    pub percent_change: Option<f64>,
    /// None when the instrument has no reliable-change parameters.
    pub reliable_change: Option<Rci>,
    /// None = n/a (see [`Categories`]).
    pub response: Option<bool>,
    pub remission: Option<bool>,
    pub meaningful_change: Option<ReliableChange>,
    pub caseness_at_baseline: Option<bool>,
    pub caseness_at_latest: Option<bool>,
    pub not_on_track: Vec<NotOnTrackReason>,
}

/// The outcome, with the not-on-track review counted in scores (no course
/// known); see [`instrument_outcome_at`].
pub fn instrument_outcome(inst: &Instrument, totals: &[i64], rule: &NotOnTrackRule) -> Option<InstrumentOutcome> {
    instrument_outcome_at(inst, totals, rule, Review::Scores)
}

/// The outcome, with the not-on-track review point given.
pub fn instrument_outcome_at(
    inst: &Instrument,
    totals: &[i64],
    rule: &NotOnTrackRule,
    review: Review,
) -> Option<InstrumentOutcome> {
    let (&baseline, &latest) = (totals.first()?, totals.last()?);
    let change = latest - baseline;
    let cats = honest_categories(inst, totals.len(), baseline, latest);
    Some(InstrumentOutcome {
        instrument: inst.id.clone(),
        count: totals.len(),
        baseline,
        latest,
        change,
        percent_change: (baseline != 0).then(|| change as f64 * 100.0 / baseline as f64),
        reliable_change: inst.reliable_change.as_ref().map(|p| reliable_change(p, inst.direction, baseline, latest)),
        response: cats.response,
        remission: cats.remission,
        meaningful_change: cats.meaningful_change,
        caseness_at_baseline: inst.caseness.as_ref().map(|c| c.holds(baseline)),
        caseness_at_latest: inst.caseness.as_ref().map(|c| c.holds(latest)),
        not_on_track: not_on_track_at(rule, inst, totals, review),
    })
}

/// The NHS Talking Therapies thresholds (measures.md 6.4), versioned.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NhsTtRules {
    pub version: &'static str,
    pub phq9_caseness: i64,
    pub gad7_caseness: i64,
    pub phq9_reliable_change: i64,
    pub gad7_reliable_change: i64,
}

/// Rapport's v1 rule: reliable deterioration needs no reliable improvement on
/// the other measure (symmetric with reliable improvement).
pub const NHS_TT_V1: NhsTtRules = NhsTtRules {
    version: "nhs-tt-v1",
    phq9_caseness: 10,
    gad7_caseness: 8,
    phq9_reliable_change: 6,
    gad7_reliable_change: 4,
};

/// Whether the NHS Talking Therapies categories are final: the course is
/// closed and the client attended at least two treatment sessions (the scope
/// rule of measures.md 6.4); otherwise they are provisional.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NhsStatus {
    Final,
    Provisional,
}

impl NhsStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            NhsStatus::Final => "final",
            NhsStatus::Provisional => "provisional",
        }
    }
}

/// The course the scores belong to, as far as the categories need it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Treatment {
    /// The course is closed (ended).
    pub closed: bool,
    /// Sessions the client attended in the course.
    pub attended_sessions: u32,
}

impl Treatment {
    pub fn status(&self) -> NhsStatus {
        if self.closed && self.attended_sessions >= 2 {
            NhsStatus::Final
        } else {
            NhsStatus::Provisional
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NhsTalkingTherapies {
    pub rule_version: String,
    pub caseness_at_start: bool,
    /// None when not at caseness at the start: such people are outside the
    /// recovery denominator.
    pub recovered: Option<bool>,
    pub reliably_improved: bool,
    /// None when not at caseness at the start.
    pub reliably_recovered: Option<bool>,
    pub reliably_deteriorated: bool,
    pub status: NhsStatus,
}

/// Categories from the first and last paired PHQ-9 and GAD-7 totals (see
/// [`pair_scores`]) of a course.
pub fn nhs_talking_therapies(
    rules: &NhsTtRules,
    phq9: (i64, i64),
    gad7: (i64, i64),
    treatment: Treatment,
) -> NhsTalkingTherapies {
    let case = |phq: i64, gad: i64| phq >= rules.phq9_caseness || gad >= rules.gad7_caseness;
    let caseness_at_start = case(phq9.0, gad7.0);
    let recovered = caseness_at_start.then(|| !case(phq9.1, gad7.1));
    let (dp, dg) = (phq9.1 - phq9.0, gad7.1 - gad7.0);
    let phq_down = dp <= -rules.phq9_reliable_change;
    let phq_up = dp >= rules.phq9_reliable_change;
    let gad_down = dg <= -rules.gad7_reliable_change;
    let gad_up = dg >= rules.gad7_reliable_change;
    let reliably_improved = (phq_down && !gad_up) || (gad_down && !phq_up);
    let reliably_deteriorated = (phq_up && !gad_down) || (gad_up && !phq_down);
    NhsTalkingTherapies {
        rule_version: rules.version.into(),
        caseness_at_start,
        recovered,
        reliably_improved,
        reliably_recovered: recovered.map(|r| r && reliably_improved),
        reliably_deteriorated,
        status: treatment.status(),
    }
}

/// When a score was taken, for pairing: the held session it counts for (the
/// first held session on or after its date), or its date when no held
/// session follows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Occasion {
    Session(u32),
    Date(time::Date),
}

impl Occasion {
    /// `held`: the course's held-session dates in order (empty: no course).
    pub fn of(date: time::Date, held: &[time::Date]) -> Occasion {
        match held.iter().position(|s| *s >= date) {
            Some(i) => Occasion::Session(i as u32 + 1),
            None => Occasion::Date(date),
        }
    }
}

/// PHQ-9 and GAD-7 totals paired by occasion (the same session, or the same
/// date), in occasion order; the later score wins when one occasion has two.
/// Inputs are (occasion, total) in completion order.
pub fn pair_scores(phq9: &[(Occasion, i64)], gad7: &[(Occasion, i64)]) -> Vec<(Occasion, i64, i64)> {
    let last = |list: &[(Occasion, i64)]| {
        let mut m = std::collections::BTreeMap::new();
        for (o, t) in list {
            m.insert(*o, *t);
        }
        m
    };
    let (p, g) = (last(phq9), last(gad7));
    p.iter().filter_map(|(o, pt)| g.get(o).map(|gt| (*o, *pt, *gt))).collect()
}

/// First and last pairs, when there are at least two paired occasions.
pub fn first_and_last_pairs(pairs: &[(Occasion, i64, i64)]) -> Option<((i64, i64), (i64, i64))> {
    if pairs.len() < 2 {
        return None;
    }
    let (f, l) = (pairs[0], pairs[pairs.len() - 1]);
    Some(((f.1, l.1), (f.2, l.2)))
}

/// When a client is "not on track" (OQ-Analyst style early warning), per instrument.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotOnTrackRule {
    /// Any score reliably worse than the baseline marks the client.
    pub reliable_deterioration: bool,
    /// Scores outside a course (no protocol known): the review comes from this
    /// many scores on (the baseline counts). Within a course the protocol's
    /// review session applies instead (`Protocol::review_session`).
    pub review_after_scores: usize,
    /// At the review the latest score must show a reliable improvement, or,
    /// when the instrument has no reliable-change parameters, at least this
    /// fractional reduction from the baseline (0.2 = 20%).
    pub min_reduction_without_rci: f64,
}

impl Default for NotOnTrackRule {
    fn default() -> Self {
        NotOnTrackRule { reliable_deterioration: true, review_after_scores: 6, min_reduction_without_rci: 0.2 }
    }
}

/// Where the "no improvement by the review" check stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Review {
    /// No course known: from the rule's `review_after_scores` scores on.
    Scores,
    /// A course under a protocol that reviews at held session `at` (IPT: 6);
    /// `held` sessions have been held so far.
    Session { at: u32, held: u32 },
    /// The protocol has no review point (maintenance).
    Never,
}

impl Review {
    /// Whether the review point has been reached, given `scores` scores.
    pub fn reached(self, rule: &NotOnTrackRule, scores: usize) -> bool {
        match self {
            Review::Scores => rule.review_after_scores > 0 && scores >= rule.review_after_scores,
            Review::Session { at, held } => at > 0 && held >= at && scores >= 2,
            Review::Never => false,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NotOnTrackReason {
    /// A score after the baseline was reliably worse than the baseline.
    ReliableDeterioration,
    /// The review point has passed without a reliable improvement.
    NoImprovementByReview,
    /// The review point has passed without the minimum percentage drop
    /// (`min_reduction_without_rci`): the instrument has no reliable-change
    /// parameters (HAM-D-17, QIDS-SR16), so a percentage stands in for them.
    TooLittleReductionByReview,
}

impl NotOnTrackReason {
    pub fn as_str(self) -> &'static str {
        match self {
            NotOnTrackReason::ReliableDeterioration => "reliable_deterioration",
            NotOnTrackReason::NoImprovementByReview => "no_improvement_by_review",
            NotOnTrackReason::TooLittleReductionByReview => "too_little_reduction_by_review",
        }
    }
}

/// Not on track with the review counted in scores (no course known).
pub fn not_on_track(rule: &NotOnTrackRule, inst: &Instrument, totals: &[i64]) -> Vec<NotOnTrackReason> {
    not_on_track_at(rule, inst, totals, Review::Scores)
}

/// Not on track with the review point given (a course's protocol session).
pub fn not_on_track_at(
    rule: &NotOnTrackRule,
    inst: &Instrument,
    totals: &[i64],
    review: Review,
) -> Vec<NotOnTrackReason> {
    let mut reasons = Vec::new();
    let Some(&baseline) = totals.first() else { return reasons };
    let rc =
        |post: i64| inst.reliable_change.as_ref().map(|p| reliable_change(p, inst.direction, baseline, post).category);
    if rule.reliable_deterioration && totals[1..].iter().any(|t| rc(*t) == Some(ReliableChange::Deteriorated)) {
        reasons.push(NotOnTrackReason::ReliableDeterioration);
    }
    if review.reached(rule, totals.len()) {
        let latest = *totals.last().expect("non-empty");
        match rc(latest) {
            Some(c) if c != ReliableChange::Improved => reasons.push(NotOnTrackReason::NoImprovementByReview),
            Some(_) => {}
            None => {
                let (pre, post) = match inst.direction {
                    Direction::HigherIsWorse => (baseline, latest),
                    Direction::HigherIsBetter => (inst.range.max - baseline, inst.range.max - latest),
                };
                if !(pre > 0 && (pre - post) as f64 >= rule.min_reduction_without_rci * pre as f64) {
                    reasons.push(NotOnTrackReason::TooLittleReductionByReview);
                }
            }
        }
    }
    reasons
}

#[cfg(test)]
mod tests {
    use super::NotOnTrackReason;

    #[test]
    fn not_on_track_reasons_read_as_they_serialise() {
        for r in [
            NotOnTrackReason::ReliableDeterioration,
            NotOnTrackReason::NoImprovementByReview,
            NotOnTrackReason::TooLittleReductionByReview,
        ] {
            assert_eq!(serde_json::to_value(r).unwrap(), r.as_str());
        }
    }
}
