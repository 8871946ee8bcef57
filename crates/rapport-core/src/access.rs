//! Roles and the rules that decide who may see what.
//!
//! The store answers "how is this user related to this client?" and these pure
//! functions turn the answer into a decision, so the permission table is tested
//! without a database.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Accounts, organisation settings and the audit log; no clinical content
    /// unless the account is also marked as practising.
    Admin,
    /// Sees the clients of the clinicians they supervise.
    Supervisor,
    /// Sees the clients whose care team they are on.
    Clinician,
    /// A trained lay facilitator of group IPT: sees the members of the groups
    /// they run and the people they registered, never process notes, admin
    /// pages or individual courses; supervised like a clinician.
    Facilitator,
    /// Sees aggregate programme outcomes across the organisation and never a
    /// client record: cannot practise, supervise, be on a care team, run a
    /// group or administer.
    ProgrammeManager,
    /// A client using the portal.
    Client,
}

impl Role {
    pub const STAFF: [Role; 5] =
        [Role::Admin, Role::Supervisor, Role::Clinician, Role::Facilitator, Role::ProgrammeManager];

    pub fn as_str(&self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Supervisor => "supervisor",
            Role::Clinician => "clinician",
            Role::Facilitator => "facilitator",
            Role::ProgrammeManager => "programme_manager",
            Role::Client => "client",
        }
    }

    pub fn label(&self) -> &'static str {
        match self {
            Role::Admin => "Administrator",
            Role::Supervisor => "Supervisor",
            Role::Clinician => "Clinician",
            Role::Facilitator => "Group facilitator",
            Role::ProgrammeManager => "Programme manager",
            Role::Client => "Client",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "admin" => Ok(Role::Admin),
            "supervisor" => Ok(Role::Supervisor),
            "clinician" => Ok(Role::Clinician),
            "facilitator" => Ok(Role::Facilitator),
            "programme_manager" => Ok(Role::ProgrammeManager),
            "client" => Ok(Role::Client),
            other => Err(format!(
                "unknown role '{other}': expected admin, supervisor, clinician, facilitator or programme_manager"
            )),
        }
    }
}

/// The signed-in person as far as permissions are concerned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    pub role: Role,
    /// An administrator who also holds a caseload (solo or small practice).
    pub practises: bool,
}

impl Actor {
    /// May hold a caseload and create client records.
    pub fn can_hold_caseload(&self) -> bool {
        match self.role {
            Role::Clinician | Role::Supervisor | Role::Facilitator => true,
            Role::Admin => self.practises,
            Role::ProgrammeManager | Role::Client => false,
        }
    }

    /// May open individual courses and write process notes: qualified
    /// clinical staff, not lay group facilitators.
    pub fn provides_individual_care(&self) -> bool {
        self.can_hold_caseload() && self.role != Role::Facilitator
    }

    /// May create groups and sites: supervisors and administrators.
    pub fn can_organise_groups(&self) -> bool {
        matches!(self.role, Role::Supervisor | Role::Admin)
    }

    pub fn can_administer(&self) -> bool {
        self.role == Role::Admin
    }

    /// May read aggregate programme reports (never the records behind them):
    /// programme managers across the organisation, supervisors for the people
    /// they supervise, administrators.
    pub fn sees_programme_reports(&self) -> bool {
        matches!(self.role, Role::ProgrammeManager | Role::Supervisor | Role::Admin)
    }

    /// Break-glass is for clinical staff in an emergency, never for admins acting
    /// as admins or for clients.
    pub fn can_break_glass(&self) -> bool {
        self.provides_individual_care()
    }
}

/// How a user stands towards one client record (answered by the store).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ClientRelation {
    pub on_care_team: bool,
    pub supervises_care_team_member: bool,
    pub break_glass_active: bool,
}

/// Why access was granted; recorded in the audit log.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AccessBasis {
    CareTeam,
    Supervision,
    BreakGlass,
}

impl AccessBasis {
    pub fn as_str(&self) -> &'static str {
        match self {
            AccessBasis::CareTeam => "care_team",
            AccessBasis::Supervision => "supervision",
            AccessBasis::BreakGlass => "break_glass",
        }
    }
}

/// Read access to a client's record. `None` means the record must look absent (404).
pub fn client_read_access(actor: &Actor, rel: ClientRelation) -> Option<AccessBasis> {
    if !actor.can_hold_caseload() {
        return None;
    }
    if rel.on_care_team {
        Some(AccessBasis::CareTeam)
    } else if rel.supervises_care_team_member && actor.role == Role::Supervisor {
        Some(AccessBasis::Supervision)
    } else if rel.break_glass_active {
        Some(AccessBasis::BreakGlass)
    } else {
        None
    }
}

/// Write access: the care team, and supervisors of its members. Break-glass
/// grants reading and recording (an emergency may need a note), same as reading.
pub fn client_write_access(actor: &Actor, rel: ClientRelation) -> Option<AccessBasis> {
    client_read_access(actor, rel)
}

/// Who may change a client's care team: its members and their supervisors,
/// not someone who is only in through break-glass.
pub fn may_manage_care_team(actor: &Actor, rel: ClientRelation) -> bool {
    client_read_access(actor, rel).is_some_and(AccessBasis::manages_care_team)
}

/// Who may take the role of responsible clinician away from the person who
/// holds it (by handing it to another member, after which the former
/// responsible clinician is an ordinary member who can be removed): the
/// responsible clinician themself, or a supervisor of a care-team member.
/// Other members manage the rest of the team but cannot push the responsible
/// clinician out.
pub fn may_replace_responsible(actor: &Actor, rel: ClientRelation, is_responsible: bool) -> bool {
    may_manage_care_team(actor, rel)
        && (is_responsible || (actor.role == Role::Supervisor && rel.supervises_care_team_member))
}

impl AccessBasis {
    /// Whether access on this basis includes changing the care team.
    pub fn manages_care_team(self) -> bool {
        matches!(self, AccessBasis::CareTeam | AccessBasis::Supervision)
    }

    /// Whether access on this basis includes managing the client's own way in:
    /// portal invitations, turning the account off, what it shares and
    /// single-use questionnaire links. Never in an emergency: a break-glass
    /// grant is temporary, and an account set up through it would outlive it.
    pub fn manages_portal(self) -> bool {
        matches!(self, AccessBasis::CareTeam | AccessBasis::Supervision)
    }
}

/// A break-glass reason needs at least this many visible characters.
pub const MIN_BREAK_GLASS_REASON: usize = 10;
/// And at most this many characters in all.
pub const MAX_BREAK_GLASS_REASON: usize = 1000;

/// The reason given for emergency access, trimmed: 10 to 1000 characters,
/// where only visible characters count towards the minimum (spaces,
/// zero-width and other format or control characters do not; see
/// `validation::visible_len`). The error is the message to show.
pub fn break_glass_reason(reason: &str) -> Result<String, String> {
    let r = reason.trim();
    let total = r.chars().count();
    if crate::validation::visible_len(r) < MIN_BREAK_GLASS_REASON || total > MAX_BREAK_GLASS_REASON {
        return Err(format!(
            "Give the reason for emergency access in {MIN_BREAK_GLASS_REASON} to {MAX_BREAK_GLASS_REASON} characters \
             (spaces and invisible characters do not count)"
        ));
    }
    Ok(r.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(role: Role, practises: bool) -> Actor {
        Actor { role, practises }
    }

    const NONE: ClientRelation =
        ClientRelation { on_care_team: false, supervises_care_team_member: false, break_glass_active: false };
    const TEAM: ClientRelation = ClientRelation { on_care_team: true, ..NONE };
    const SUPERVISES: ClientRelation = ClientRelation { supervises_care_team_member: true, ..NONE };
    const GLASS: ClientRelation = ClientRelation { break_glass_active: true, ..NONE };

    #[test]
    fn permission_table() {
        use AccessBasis::*;
        let cases = [
            (actor(Role::Clinician, false), TEAM, Some(CareTeam)),
            (actor(Role::Clinician, false), NONE, None),
            (actor(Role::Clinician, false), SUPERVISES, None),
            (actor(Role::Clinician, false), GLASS, Some(BreakGlass)),
            (actor(Role::Supervisor, false), SUPERVISES, Some(Supervision)),
            (actor(Role::Supervisor, false), TEAM, Some(CareTeam)),
            (actor(Role::Supervisor, false), NONE, None),
            (actor(Role::Admin, false), TEAM, None),
            (actor(Role::Admin, false), GLASS, None),
            (actor(Role::Admin, true), TEAM, Some(CareTeam)),
            (actor(Role::Admin, true), SUPERVISES, None),
            (actor(Role::Client, false), TEAM, None),
            (actor(Role::Facilitator, false), TEAM, Some(CareTeam)),
            (actor(Role::Facilitator, false), SUPERVISES, None),
            (actor(Role::Facilitator, false), NONE, None),
            (actor(Role::ProgrammeManager, false), TEAM, None),
            (actor(Role::ProgrammeManager, false), SUPERVISES, None),
            (actor(Role::ProgrammeManager, false), GLASS, None),
            (actor(Role::ProgrammeManager, true), TEAM, None),
        ];
        for (a, rel, expected) in cases {
            assert_eq!(client_read_access(&a, rel), expected, "{a:?} {rel:?}");
        }
    }

    #[test]
    fn break_glass_does_not_manage_the_portal() {
        assert!(!AccessBasis::BreakGlass.manages_portal());
        assert!(AccessBasis::CareTeam.manages_portal());
        assert!(AccessBasis::Supervision.manages_portal());
    }

    #[test]
    fn break_glass_does_not_manage_the_team() {
        let c = actor(Role::Clinician, false);
        assert!(!may_manage_care_team(&c, GLASS));
        assert!(may_manage_care_team(&c, TEAM));
        assert!(!actor(Role::Admin, false).can_break_glass());
        assert!(!actor(Role::Facilitator, false).can_break_glass(), "lay facilitators call their supervisor");
    }

    #[test]
    fn facilitators_run_groups_but_not_individual_care() {
        let f = actor(Role::Facilitator, false);
        assert!(f.can_hold_caseload());
        assert!(!f.provides_individual_care());
        assert!(!f.can_organise_groups());
        assert!(!f.can_administer());
        assert!(actor(Role::Supervisor, false).can_organise_groups());
        assert!(actor(Role::Clinician, false).provides_individual_care());
    }

    #[test]
    fn only_the_responsible_clinician_or_a_supervisor_replaces_the_responsible_clinician() {
        let member = ClientRelation { on_care_team: true, ..Default::default() };
        let supervising = ClientRelation { supervises_care_team_member: true, ..Default::default() };
        let glass = ClientRelation { break_glass_active: true, ..Default::default() };
        let clin = actor(Role::Clinician, false);
        let sup = actor(Role::Supervisor, false);
        assert!(may_replace_responsible(&clin, member, true), "the responsible clinician hands over");
        assert!(!may_replace_responsible(&clin, member, false), "another member cannot push them out");
        assert!(may_replace_responsible(&sup, supervising, false), "a supervisor of a member can");
        assert!(
            may_replace_responsible(&sup, ClientRelation { on_care_team: true, ..supervising }, false),
            "also when on the team"
        );
        assert!(!may_replace_responsible(&sup, member, false), "a supervisor who supervises no member cannot");
        assert!(!may_replace_responsible(&clin, glass, false), "break-glass cannot");
        assert!(!may_replace_responsible(&actor(Role::Admin, false), member, true), "a non-practising admin cannot");
    }

    #[test]
    fn a_break_glass_reason_needs_ten_visible_characters() {
        assert_eq!(break_glass_reason("  Crisis call, owner away  ").unwrap(), "Crisis call, owner away");
        assert!(break_glass_reason("abcdefghij").is_ok());
        assert!(break_glass_reason("abcdefghi").is_err());
        assert!(break_glass_reason("a b c d e f g h i").is_err(), "spaces do not count: 9 visible");
        let zero_width = "a\u{200B}\u{200B}\u{200B}\u{200B}\u{200B}\u{200B}\u{200B}\u{200B}\u{200B}\u{200B}";
        assert!(break_glass_reason(zero_width).is_err());
        let joiners = "\u{200C}\u{200D}\u{2060}\u{FEFF}".repeat(5) + "abc";
        assert!(break_glass_reason(&joiners).is_err());
        assert!(break_glass_reason(&"x".repeat(1001)).is_err());
        assert!(break_glass_reason(&"x".repeat(1000)).is_ok());
    }

    #[test]
    fn programme_managers_see_reports_and_no_client() {
        // Even a stray `practises` flag gives them no caseload.
        for practises in [false, true] {
            let pm = actor(Role::ProgrammeManager, practises);
            assert!(pm.sees_programme_reports());
            assert!(!pm.can_hold_caseload());
            assert!(!pm.provides_individual_care());
            assert!(!pm.can_organise_groups());
            assert!(!pm.can_administer());
            assert!(!pm.can_break_glass());
            for rel in [NONE, TEAM, SUPERVISES, GLASS] {
                assert_eq!(client_read_access(&pm, rel), None, "{rel:?}");
                assert_eq!(client_write_access(&pm, rel), None, "{rel:?}");
                assert!(!may_manage_care_team(&pm, rel));
                assert!(!may_replace_responsible(&pm, rel, true));
            }
        }
        assert!(Role::STAFF.contains(&Role::ProgrammeManager));
        assert_eq!(Role::ProgrammeManager.label(), "Programme manager");
    }

    #[test]
    fn programme_reports_are_for_managers_supervisors_and_admins() {
        assert!(actor(Role::Supervisor, false).sees_programme_reports());
        assert!(actor(Role::Admin, false).sees_programme_reports());
        assert!(!actor(Role::Clinician, false).sees_programme_reports());
        assert!(!actor(Role::Facilitator, false).sees_programme_reports());
        assert!(!actor(Role::Client, false).sees_programme_reports());
    }

    #[test]
    fn roles_parse() {
        for r in
            [Role::Admin, Role::Supervisor, Role::Clinician, Role::Facilitator, Role::ProgrammeManager, Role::Client]
        {
            assert_eq!(r.as_str().parse::<Role>().unwrap(), r);
        }
        assert!("root".parse::<Role>().is_err());
    }
}
