//! Account notices: when an administrator (or an operator on the server's
//! command line) changes someone's role, supervision or password, the person
//! concerned and the other administrators are told by e-mail, so a change
//! nobody expected is noticed. The notices are queued in the outbox in the
//! same transaction as the change (`rapport_store::outbox::Notice`).
//! They never carry a password.

use rapport_core::access::Role;
use rapport_core::Timestamp;
use rapport_i18n::{msg, Tr};
use rapport_store::outbox::Notice;
use rapport_store::users::User;

/// The outbox kind of these notices.
pub const KIND: &str = "account_notice";

/// The language a staff member's e-mails are worded in: their own choice,
/// else the organisation's default (never the language of whoever caused the e-mail).
pub fn staff_language(user: &User, default_language: &str) -> Tr {
    Tr::new(user.language.as_deref().unwrap_or(default_language))
}

/// The language a client's e-mails are worded in: their preferred language
/// when the interface has it (recorded as free text: "es", "es-MX",
/// "Español", "Spanish"), else the organisation's default.
pub fn client_language(preferred: Option<&str>, default_language: &str) -> Tr {
    const NAMES: [(&str, &str); 6] = [
        ("english", "en"),
        ("spanish", "es"),
        ("español", "es"),
        ("espanol", "es"),
        ("french", "fr"),
        ("français", "fr"),
    ];
    let shipped: Vec<&str> = rapport_i18n::SHIPPED.iter().map(|(code, _)| *code).collect();
    let chosen = preferred.map(str::trim).and_then(|p| {
        rapport_core::language::matching(p, &shipped)
            .or_else(|| NAMES.iter().find(|(name, _)| name.eq_ignore_ascii_case(p)).map(|(_, code)| *code))
    });
    Tr::new(chosen.unwrap_or(default_language))
}

/// An instant in the reader's language and the organisation's local time.
pub fn when(tr: &Tr, at: Timestamp) -> String {
    tr.date_time(crate::clock::zone().local(at))
}

/// Who made the change, as the notices name them.
#[derive(Clone, Debug)]
pub enum ChangedBy<'a> {
    /// An administrator, signed in.
    Admin(&'a User),
    /// Someone running the `rapport` command on the server.
    Operator,
}

impl ChangedBy<'_> {
    fn describe(&self, tr: &Tr) -> String {
        match self {
            ChangedBy::Admin(u) => tr.tn("mail-by-admin", &[("name", &u.name), ("email", &u.email)]),
            ChangedBy::Operator => tr.t("mail-by-operator"),
        }
    }

    fn short(&self, tr: &Tr) -> String {
        match self {
            ChangedBy::Admin(u) => u.name.clone(),
            ChangedBy::Operator => tr.t("mail-by-operator-short"),
        }
    }

    fn is(&self, user: &User) -> bool {
        matches!(self, ChangedBy::Admin(a) if a.id == user.id)
    }
}

/// Someone a notice names: "Sam <sam@x>".
#[derive(Clone, Debug)]
struct Named {
    name: String,
    email: String,
}

impl Named {
    fn of(u: &User) -> Named {
        Named { name: u.name.clone(), email: u.email.clone() }
    }
}

/// What changed; worded per reader (`title`, `to_person`, `to_admins`).
#[derive(Clone, Debug)]
pub struct Change(ChangeKind);

#[derive(Clone, Debug)]
enum ChangeKind {
    Role { person: Named, from: (Role, bool), to: (Role, bool) },
    Supervision { person: Named, supervisees: Vec<String> },
    SupervisorOf { person: Named, supervisor: Named, added: bool },
    Password { person: Named },
}

fn role_words(tr: &Tr, (role, practises): (Role, bool)) -> String {
    let id = match role {
        Role::Admin if practises => msg("mail-role-admin-practising"),
        Role::Admin => msg("role-admin"),
        Role::Supervisor => msg("role-supervisor"),
        Role::Clinician => msg("role-clinician"),
        Role::Facilitator => msg("role-facilitator"),
        Role::ProgrammeManager => msg("role-programme-manager"),
        Role::Client => msg("role-client"),
    };
    tr.t(id)
}

impl Change {
    pub fn role(person: &User, new_role: Role, new_practises: bool) -> Change {
        Change(ChangeKind::Role {
            person: Named::of(person),
            from: (person.role, person.practises),
            to: (new_role, new_practises),
        })
    }

    /// `supervisees`: the names of the clinicians supervised after the change.
    pub fn supervision(person: &User, supervisees: &[String]) -> Change {
        Change(ChangeKind::Supervision { person: Named::of(person), supervisees: supervisees.to_vec() })
    }

    /// To a clinician whose supervisor was added or removed.
    pub fn supervisor_of(person: &User, supervisor: &User, added: bool) -> Change {
        Change(ChangeKind::SupervisorOf { person: Named::of(person), supervisor: Named::of(supervisor), added })
    }

    pub fn password(person: &User) -> Change {
        Change(ChangeKind::Password { person: Named::of(person) })
    }

    /// The subject's ending, e.g. "role changed".
    pub fn title(&self, tr: &Tr) -> String {
        tr.t(match &self.0 {
            ChangeKind::Role { .. } => msg("mail-change-role"),
            ChangeKind::Supervision { .. } => msg("mail-change-supervision"),
            ChangeKind::SupervisorOf { added: true, .. } => msg("mail-change-supervisor-added"),
            ChangeKind::SupervisorOf { added: false, .. } => msg("mail-change-supervisor-removed"),
            ChangeKind::Password { .. } => msg("mail-change-password"),
        })
    }

    /// To the person: "changed your role from Clinician to Supervisor".
    pub fn to_person(&self, tr: &Tr) -> String {
        match &self.0 {
            ChangeKind::Role { from, to, .. } => tr.tn(
                msg("mail-change-role-to-person"),
                &[("from", &role_words(tr, *from)), ("to", &role_words(tr, *to))],
            ),
            ChangeKind::Supervision { supervisees, .. } => {
                tr.ta("mail-change-supervision-to-person", "list", supervisee_list(tr, supervisees))
            }
            ChangeKind::SupervisorOf { supervisor, added, .. } => tr.tn(
                if *added {
                    msg("mail-change-supervisor-added-to-person")
                } else {
                    msg("mail-change-supervisor-removed-to-person")
                },
                &[("supervisor", &supervisor.name), ("supervisor_email", &supervisor.email)],
            ),
            ChangeKind::Password { .. } => tr.t("mail-change-password-to-person"),
        }
    }

    /// To administrators: "changed the role of Sam <sam@x> from … to …".
    pub fn to_admins(&self, tr: &Tr) -> String {
        match &self.0 {
            ChangeKind::Role { person, from, to } => tr.tn(
                msg("mail-change-role-to-admins"),
                &[
                    ("name", &person.name),
                    ("email", &person.email),
                    ("from", &role_words(tr, *from)),
                    ("to", &role_words(tr, *to)),
                ],
            ),
            ChangeKind::Supervision { person, supervisees } => tr.tn(
                msg("mail-change-supervision-to-admins"),
                &[("name", &person.name), ("email", &person.email), ("list", &supervisee_list(tr, supervisees))],
            ),
            ChangeKind::SupervisorOf { person, supervisor, added } => tr.tn(
                if *added {
                    msg("mail-change-supervisor-added-to-admins")
                } else {
                    msg("mail-change-supervisor-removed-to-admins")
                },
                &[
                    ("supervisor", &supervisor.name),
                    ("supervisor_email", &supervisor.email),
                    ("name", &person.name),
                    ("email", &person.email),
                ],
            ),
            ChangeKind::Password { person } => {
                tr.tn("mail-change-password-to-admins", &[("name", &person.name), ("email", &person.email)])
            }
        }
    }
}

fn supervisee_list(tr: &Tr, supervisees: &[String]) -> String {
    if supervisees.is_empty() {
        tr.t("mail-no-one")
    } else {
        supervisees.join(", ")
    }
}

/// The notices for one change of `person`'s account: one to the person, one
/// to each other active administrator (not the one who made the change, and
/// not the person, who has their own). `admins` may hold any staff accounts:
/// only active administrators are used. Each notice is worded in its
/// recipient's language (their own, else `default_language`, the organisation's).
pub fn account_change(
    by: &ChangedBy,
    person: &User,
    change: &Change,
    admins: &[User],
    at: Timestamp,
    default_language: &str,
) -> Vec<Notice> {
    let others: Vec<&User> = admins.iter().filter(|a| a.active && a.role == Role::Admin && !by.is(a)).collect();
    let contacts: Vec<String> =
        others.iter().filter(|a| a.id != person.id).map(|a| format!("{} <{}>", a.name, a.email)).collect();
    let tr = staff_language(person, default_language);
    let contact = if contacts.is_empty() {
        tr.t("mail-contact-nobody")
    } else {
        tr.ta("mail-contact-admins", "list", contacts.join(", "))
    };
    let mut out = vec![Notice {
        kind: KIND,
        to_user: Some(person.id.clone()),
        to_email: None,
        subject: tr.ta("mail-account-subject", "change", change.title(&tr)),
        body: [
            tr.ta("mail-hello", "name", person.name.as_str()),
            tr.tn(
                msg("mail-account-changed"),
                &[
                    ("by", &by.describe(&tr)),
                    ("change", &change.to_person(&tr)),
                    ("email", &person.email),
                    ("when", &when(&tr, at)),
                ],
            ),
            tr.ta("mail-account-unexpected", "contact", contact),
            tr.t("mail-never-password"),
        ]
        .join("\n\n"),
    }];
    for a in others.into_iter().filter(|a| a.id != person.id) {
        let tr = staff_language(a, default_language);
        let actor = match by {
            ChangedBy::Admin(u) => format!("{} <{}>", u.name, u.email),
            ChangedBy::Operator => tr.t("mail-by-operator-whoever"),
        };
        out.push(Notice {
            kind: KIND,
            to_user: Some(a.id.clone()),
            to_email: None,
            subject: tr.tn(
                msg("mail-admin-subject"),
                &[("change", &change.title(&tr)), ("name", &person.name), ("by", &by.short(&tr))],
            ),
            body: [
                tr.ta("mail-hello", "name", a.name.as_str()),
                tr.tn(
                    msg("mail-admin-changed"),
                    &[("by", &by.describe(&tr)), ("change", &change.to_admins(&tr)), ("when", &when(&tr, at))],
                ),
                tr.ta("mail-admin-why", "actor", actor),
                tr.t("mail-never-password"),
            ]
            .join("\n\n"),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rapport_core::Id;

    fn user(name: &str, role: Role) -> User {
        User {
            id: Id::new(),
            email: format!("{}@clinic.example", name.to_lowercase()),
            name: name.into(),
            role,
            practises: false,
            active: true,
            mfa_enabled: false,
            created_at: Timestamp::now(),
            site_id: None,
            language: None,
        }
    }

    #[test]
    fn the_person_and_the_other_admins_are_told_not_the_actor() {
        let actor = user("Ada", Role::Admin);
        let other = user("Bea", Role::Admin);
        let mut gone = user("Cy", Role::Admin);
        gone.active = false;
        let person = user("Dee", Role::Clinician);
        let admins = vec![actor.clone(), other.clone(), gone, person.clone()];
        let n = account_change(
            &ChangedBy::Admin(&actor),
            &person,
            &Change::role(&person, Role::Supervisor, false),
            &admins,
            Timestamp::now(),
            "en",
        );
        let to: Vec<_> = n.iter().map(|x| x.to_user.clone().unwrap()).collect();
        assert_eq!(to, vec![person.id.clone(), other.id.clone()]);
        assert!(n[0]
            .body
            .contains("Ada <ada@clinic.example>, an administrator, changed your role from Clinician to Supervisor"));
        assert!(n[0]
            .body
            .contains("If this was not expected, contact another administrator (Bea <bea@clinic.example>)"));
        assert!(n[1].body.contains("changed the role of Dee <dee@clinic.example> from Clinician to Supervisor"));
        assert!(n.iter().all(|x| x.kind == KIND));
    }

    #[test]
    fn an_operator_reset_names_the_command_line() {
        let person = user("Eve", Role::Admin);
        let n = account_change(
            &ChangedBy::Operator,
            &person,
            &Change::password(&person),
            std::slice::from_ref(&person),
            Timestamp::now(),
            "en",
        );
        assert_eq!(n.len(), 1, "the person is the only administrator");
        assert!(n[0].body.contains("An operator using the rapport command on the server set a new password"));
        assert!(n[0].body.contains("the person responsible for Rapport"));
    }
}
