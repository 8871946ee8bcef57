//! Group IPT: a group's phase, a member's status, screening decisions and
//! the screening-to-completion funnel. Pure rules; the store keeps the rows
//! and `rapport_app::groups` runs the use cases.

use crate::protocol::{phase_of, Eligibility, Phase, Protocol};
use serde::{Deserialize, Serialize};

/// Where a member stands in their group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberStatus {
    /// Added to the group; the individual pre-group session is still to come.
    AwaitingPreGroup,
    /// The pre-group session is recorded (area, goal, baseline, consent).
    PreGroupDone,
    /// Has attended at least one group meeting.
    Active,
    Completed,
    /// Left before the end; a reason is recorded.
    DroppedOut,
    /// Sent to a qualified clinician or another service (a reason is recorded).
    Referred,
}

impl MemberStatus {
    pub const ALL: [MemberStatus; 6] = [
        MemberStatus::AwaitingPreGroup,
        MemberStatus::PreGroupDone,
        MemberStatus::Active,
        MemberStatus::Completed,
        MemberStatus::DroppedOut,
        MemberStatus::Referred,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MemberStatus::AwaitingPreGroup => "awaiting_pre_group",
            MemberStatus::PreGroupDone => "pre_group_done",
            MemberStatus::Active => "active",
            MemberStatus::Completed => "completed",
            MemberStatus::DroppedOut => "dropped_out",
            MemberStatus::Referred => "referred",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            MemberStatus::AwaitingPreGroup => "Pre-group session to do",
            MemberStatus::PreGroupDone => "Pre-group done",
            MemberStatus::Active => "Active",
            MemberStatus::Completed => "Completed",
            MemberStatus::DroppedOut => "Dropped out",
            MemberStatus::Referred => "Referred",
        }
    }

    /// The interface message naming this status (`label` in the reader's language).
    pub fn message(self) -> &'static str {
        match self {
            MemberStatus::AwaitingPreGroup => crate::msg("group-status-awaiting-pre-group"),
            MemberStatus::PreGroupDone => crate::msg("group-status-pre-group-done"),
            MemberStatus::Active => crate::msg("group-status-active"),
            MemberStatus::Completed => crate::msg("group-status-completed"),
            MemberStatus::DroppedOut => crate::msg("group-status-dropped-out"),
            MemberStatus::Referred => crate::msg("group-status-referred"),
        }
    }

    /// Still in the group: counts towards its size and takes part in meetings.
    pub fn is_current(self) -> bool {
        matches!(self, MemberStatus::AwaitingPreGroup | MemberStatus::PreGroupDone | MemberStatus::Active)
    }

    /// Ending statuses need a reason (why they left, where they were referred).
    pub fn needs_reason(self) -> bool {
        matches!(self, MemberStatus::DroppedOut | MemberStatus::Referred)
    }

    /// Whether a person may set this status by hand from `self` (meeting
    /// attendance moves pre-group-done members to active by itself).
    pub fn may_change_to(self, to: MemberStatus) -> bool {
        self.is_current() && matches!(to, MemberStatus::Completed | MemberStatus::DroppedOut | MemberStatus::Referred)
            || (!self.is_current() && to == MemberStatus::Active && self != MemberStatus::Completed)
    }
}

/// Where a group is: before its first meeting, in a phase, or finished.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupPhase {
    PreGroup,
    Initial,
    Middle,
    Termination,
    Finished,
}

impl GroupPhase {
    pub fn as_str(self) -> &'static str {
        match self {
            GroupPhase::PreGroup => "pre_group",
            GroupPhase::Initial => "initial",
            GroupPhase::Middle => "middle",
            GroupPhase::Termination => "termination",
            GroupPhase::Finished => "finished",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            GroupPhase::PreGroup => "Pre-group sessions",
            GroupPhase::Initial => "Initial phase",
            GroupPhase::Middle => "Middle phase",
            GroupPhase::Termination => "Ending phase",
            GroupPhase::Finished => "Finished",
        }
    }

    /// The interface message naming this phase (`label` in the reader's language).
    pub fn message(self) -> &'static str {
        match self {
            GroupPhase::PreGroup => crate::msg("group-phase-pre-group"),
            GroupPhase::Initial => crate::msg("group-phase-initial"),
            GroupPhase::Middle => crate::msg("group-phase-middle"),
            GroupPhase::Termination => crate::msg("group-phase-termination"),
            GroupPhase::Finished => crate::msg("group-phase-finished"),
        }
    }

    fn of(p: Phase) -> GroupPhase {
        match p {
            Phase::Initial => GroupPhase::Initial,
            Phase::Middle => GroupPhase::Middle,
            Phase::Termination | Phase::Maintenance => GroupPhase::Termination,
        }
    }
}

/// The phase of meeting `n` of a group planned for `planned` meetings.
pub fn meeting_phase(p: &Protocol, planned: u32, n: u32) -> Phase {
    phase_of(p, planned, n)
}

/// A group's phase after `held` of `planned` meetings: the phase of the next
/// meeting, pre-group before the first, finished after the last (or once closed).
pub fn group_phase(p: &Protocol, planned: u32, held: u32, closed: bool) -> GroupPhase {
    if closed || held >= planned {
        GroupPhase::Finished
    } else if held == 0 {
        GroupPhase::PreGroup
    } else {
        GroupPhase::of(phase_of(p, planned, held + 1))
    }
}

/// What a screening decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScreeningOutcome {
    Eligible,
    NotEligible,
    /// A positive risk answer (or the screener's judgement): to a qualified
    /// clinician, never straight into a group.
    Referred,
}

impl ScreeningOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            ScreeningOutcome::Eligible => "eligible",
            ScreeningOutcome::NotEligible => "not_eligible",
            ScreeningOutcome::Referred => "referred",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [ScreeningOutcome::Eligible, ScreeningOutcome::NotEligible, ScreeningOutcome::Referred]
            .into_iter()
            .find(|o| o.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            ScreeningOutcome::Eligible => "Eligible",
            ScreeningOutcome::NotEligible => "Not eligible",
            ScreeningOutcome::Referred => "Referred to a clinician",
        }
    }

    /// The interface message naming this outcome (`label` in the reader's language).
    pub fn message(self) -> &'static str {
        match self {
            ScreeningOutcome::Eligible => crate::msg("screening-outcome-eligible"),
            ScreeningOutcome::NotEligible => crate::msg("screening-outcome-not-eligible"),
            ScreeningOutcome::Referred => crate::msg("screening-outcome-referred"),
        }
    }
}

/// The screening decision: any positive risk answer refers; otherwise the
/// total decides. A total withheld (too many blanks) is not eligible, since
/// eligibility cannot be shown; the screener may screen again.
pub fn screening_outcome(rule: &Eligibility, total: Option<i64>, risk_positive: bool) -> ScreeningOutcome {
    if risk_positive {
        ScreeningOutcome::Referred
    } else if total.is_some_and(|t| t >= rule.min_total) {
        ScreeningOutcome::Eligible
    } else {
        ScreeningOutcome::NotEligible
    }
}

/// One person's furthest steps, for the funnel: from their latest screening
/// and their group membership (if any).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FunnelPerson {
    pub screening: Option<ScreeningOutcome>,
    pub member: Option<MemberStatus>,
    pub attended: u32,
    /// The protocol's `attended_for_completion` for their group.
    pub attended_needed: u32,
}

/// The funnel's steps, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FunnelStep {
    Screened,
    Eligible,
    NotEligible,
    Referred,
    PreGroupDone,
    Enrolled,
    Attended,
    Completed,
    DroppedOut,
}

impl FunnelStep {
    pub const ALL: [FunnelStep; 9] = [
        FunnelStep::Screened,
        FunnelStep::Eligible,
        FunnelStep::NotEligible,
        FunnelStep::Referred,
        FunnelStep::PreGroupDone,
        FunnelStep::Enrolled,
        FunnelStep::Attended,
        FunnelStep::Completed,
        FunnelStep::DroppedOut,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FunnelStep::Screened => "screened",
            FunnelStep::Eligible => "eligible",
            FunnelStep::NotEligible => "not_eligible",
            FunnelStep::Referred => "referred",
            FunnelStep::PreGroupDone => "pre_group_done",
            FunnelStep::Enrolled => "enrolled",
            FunnelStep::Attended => "attended",
            FunnelStep::Completed => "completed",
            FunnelStep::DroppedOut => "dropped_out",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            FunnelStep::Screened => "Screened",
            FunnelStep::Eligible => "Eligible",
            FunnelStep::NotEligible => "Not eligible",
            FunnelStep::Referred => "Referred to a clinician",
            FunnelStep::PreGroupDone => "Pre-group session done",
            FunnelStep::Enrolled => "Enrolled in a group",
            FunnelStep::Attended => "Attended enough meetings",
            FunnelStep::Completed => "Completed",
            FunnelStep::DroppedOut => "Dropped out",
        }
    }

    /// The interface message naming this step (`label` in the reader's language).
    pub fn message(self) -> &'static str {
        match self {
            FunnelStep::Screened => crate::msg("programme-step-screened"),
            FunnelStep::Eligible => crate::msg("programme-step-eligible"),
            FunnelStep::NotEligible => crate::msg("programme-step-not-eligible"),
            FunnelStep::Referred => crate::msg("programme-step-referred"),
            FunnelStep::PreGroupDone => crate::msg("programme-step-pre-group-done"),
            FunnelStep::Enrolled => crate::msg("programme-step-enrolled"),
            FunnelStep::Attended => crate::msg("programme-step-attended"),
            FunnelStep::Completed => crate::msg("programme-step-completed"),
            FunnelStep::DroppedOut => crate::msg("programme-step-dropped-out"),
        }
    }

    /// Whether `p` has reached this step. Steps after screening count
    /// everyone in a group, screened in Rapport or not; "enrolled" counts
    /// every member, "pre-group done" those whose pre-group session is
    /// recorded (everyone past it), "referred" a referring screening or a
    /// member referred on.
    pub fn reached_by(self, p: &FunnelPerson) -> bool {
        use MemberStatus as M;
        let member = p.member;
        match self {
            FunnelStep::Screened => p.screening.is_some(),
            FunnelStep::Eligible => p.screening == Some(ScreeningOutcome::Eligible),
            FunnelStep::NotEligible => p.screening == Some(ScreeningOutcome::NotEligible),
            FunnelStep::Referred => p.screening == Some(ScreeningOutcome::Referred) || member == Some(M::Referred),
            FunnelStep::PreGroupDone => member.is_some_and(|m| m != M::AwaitingPreGroup),
            FunnelStep::Enrolled => member.is_some(),
            FunnelStep::Attended => member.is_some() && p.attended_needed > 0 && p.attended >= p.attended_needed,
            FunnelStep::Completed => member == Some(M::Completed),
            FunnelStep::DroppedOut => member == Some(M::DroppedOut),
        }
    }
}

/// Counts per step over the people given.
pub fn funnel_counts<'a>(people: impl IntoIterator<Item = &'a FunnelPerson>) -> Vec<(FunnelStep, u64)> {
    let mut counts: Vec<(FunnelStep, u64)> = FunnelStep::ALL.iter().map(|s| (*s, 0)).collect();
    for p in people {
        for (step, n) in counts.iter_mut() {
            if step.reached_by(p) {
                *n += 1;
            }
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::ProtocolSet;

    #[test]
    fn group_phase_follows_the_meetings_held() {
        let set = ProtocolSet::shipped();
        let who = set.get("ipt-group-who").unwrap();
        assert_eq!(group_phase(who, 8, 0, false), GroupPhase::PreGroup);
        assert_eq!(group_phase(who, 8, 1, false), GroupPhase::Middle, "after meeting 1 the next is 2");
        assert_eq!(group_phase(who, 8, 6, false), GroupPhase::Middle);
        assert_eq!(group_phase(who, 8, 7, false), GroupPhase::Termination);
        assert_eq!(group_phase(who, 8, 8, false), GroupPhase::Finished);
        assert_eq!(group_phase(who, 8, 3, true), GroupPhase::Finished, "closed early");
        let sm = set.get("ipt-group-12").unwrap();
        assert_eq!(group_phase(sm, 12, 3, false), GroupPhase::Initial);
        assert_eq!(group_phase(sm, 12, 4, false), GroupPhase::Middle);
        assert_eq!(group_phase(sm, 12, 9, false), GroupPhase::Termination);
    }

    #[test]
    fn risk_always_refers_and_the_total_decides_the_rest() {
        let rule = Eligibility { instrument: "phq9".into(), min_total: 10 };
        assert_eq!(screening_outcome(&rule, Some(22), true), ScreeningOutcome::Referred);
        assert_eq!(screening_outcome(&rule, Some(3), true), ScreeningOutcome::Referred);
        assert_eq!(screening_outcome(&rule, None, true), ScreeningOutcome::Referred, "blank total, risk answered");
        assert_eq!(screening_outcome(&rule, Some(10), false), ScreeningOutcome::Eligible);
        assert_eq!(screening_outcome(&rule, Some(9), false), ScreeningOutcome::NotEligible);
        assert_eq!(screening_outcome(&rule, None, false), ScreeningOutcome::NotEligible);
    }

    #[test]
    fn member_status_changes_by_hand() {
        use MemberStatus as M;
        assert!(M::Active.may_change_to(M::DroppedOut));
        assert!(M::AwaitingPreGroup.may_change_to(M::Referred));
        assert!(M::PreGroupDone.may_change_to(M::Completed));
        assert!(!M::Active.may_change_to(M::PreGroupDone), "pre-group is recorded, not set");
        assert!(M::DroppedOut.may_change_to(M::Active), "someone who comes back");
        assert!(!M::Completed.may_change_to(M::Active));
        assert!(!M::Completed.may_change_to(M::DroppedOut));
        assert!(M::DroppedOut.needs_reason() && M::Referred.needs_reason() && !M::Completed.needs_reason());
        for m in M::ALL {
            assert_eq!(M::parse(m.as_str()), Some(m));
        }
    }

    #[test]
    fn the_funnel_counts_each_step() {
        use MemberStatus as M;
        use ScreeningOutcome as S;
        let p = |screening, member, attended| FunnelPerson { screening, member, attended, attended_needed: 6 };
        let people = [
            p(Some(S::NotEligible), None, 0),
            p(Some(S::Referred), None, 0),
            p(Some(S::Eligible), None, 0),
            p(Some(S::Eligible), Some(M::AwaitingPreGroup), 0),
            p(Some(S::Eligible), Some(M::PreGroupDone), 0),
            p(Some(S::Eligible), Some(M::Active), 6),
            p(Some(S::Eligible), Some(M::Completed), 8),
            p(Some(S::Eligible), Some(M::DroppedOut), 2),
            p(None, Some(M::Referred), 1),
        ];
        let counts: std::collections::BTreeMap<_, _> = funnel_counts(&people).into_iter().collect();
        assert_eq!(counts[&FunnelStep::Screened], 8);
        assert_eq!(counts[&FunnelStep::Eligible], 6);
        assert_eq!(counts[&FunnelStep::NotEligible], 1);
        assert_eq!(counts[&FunnelStep::Referred], 2);
        assert_eq!(counts[&FunnelStep::Enrolled], 6);
        assert_eq!(counts[&FunnelStep::PreGroupDone], 5);
        assert_eq!(counts[&FunnelStep::Attended], 2);
        assert_eq!(counts[&FunnelStep::Completed], 1);
        assert_eq!(counts[&FunnelStep::DroppedOut], 1);
    }
}
