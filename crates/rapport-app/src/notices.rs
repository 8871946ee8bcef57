//! Account notices: when an administrator (or an operator on the server's
//! command line) changes someone's role, supervision or password, the person
//! concerned and the other administrators are told by e-mail, so a change
//! nobody expected is noticed. The notices are queued in the outbox in the
//! same transaction as the change (`rapport_store::outbox::Notice`).
//! They never carry a password.

use rapport_core::access::Role;
use rapport_core::Timestamp;
use rapport_store::outbox::Notice;
use rapport_store::users::User;

/// The outbox kind of these notices.
pub const KIND: &str = "account_notice";

/// Who made the change, as the notices name them.
#[derive(Clone, Debug)]
pub enum ChangedBy<'a> {
    /// An administrator, signed in.
    Admin(&'a User),
    /// Someone running the `rapport` command on the server.
    Operator,
}

impl ChangedBy<'_> {
    fn describe(&self) -> String {
        match self {
            ChangedBy::Admin(u) => format!("{} <{}>, an administrator,", u.name, u.email),
            ChangedBy::Operator => "An operator using the rapport command on the server".to_string(),
        }
    }

    fn short(&self) -> String {
        match self {
            ChangedBy::Admin(u) => u.name.clone(),
            ChangedBy::Operator => "the server's command line".to_string(),
        }
    }

    fn is(&self, user: &User) -> bool {
        matches!(self, ChangedBy::Admin(a) if a.id == user.id)
    }
}

/// What changed, in words that fit "… {what} …".
#[derive(Clone, Debug)]
pub struct Change {
    /// Subject ending, e.g. "role changed".
    pub title: String,
    /// To the person: "changed your role from Clinician to Supervisor".
    pub to_person: String,
    /// To administrators: "changed the role of Sam <sam@x> from … to …".
    pub to_admins: String,
}

fn role_words(role: Role, practises: bool) -> String {
    if role == Role::Admin && practises {
        "Administrator (holding a caseload)".into()
    } else {
        role.label().into()
    }
}

impl Change {
    pub fn role(person: &User, new_role: Role, new_practises: bool) -> Change {
        let from = role_words(person.role, person.practises);
        let to = role_words(new_role, new_practises);
        Change {
            title: "role changed".into(),
            to_person: format!("changed your role from {from} to {to}"),
            to_admins: format!("changed the role of {} <{}> from {from} to {to}", person.name, person.email),
        }
    }

    /// `supervisees`: the names of the clinicians supervised after the change.
    pub fn supervision(person: &User, supervisees: &[String]) -> Change {
        let list = if supervisees.is_empty() { "no one".to_string() } else { supervisees.join(", ") };
        Change {
            title: "supervision changed".into(),
            to_person: format!(
                "changed whom you supervise; you now supervise {list}, and see the clients of the clinicians you supervise"
            ),
            to_admins: format!("changed whom {} <{}> supervises; now: {list}", person.name, person.email),
        }
    }

    /// To a clinician whose supervisor was added or removed.
    pub fn supervisor_of(person: &User, supervisor: &User, added: bool) -> Change {
        let (title, verb) = if added {
            ("supervisor added", format!("made {} <{}> your supervisor", supervisor.name, supervisor.email))
        } else {
            ("supervisor removed", format!("removed {} <{}> as your supervisor", supervisor.name, supervisor.email))
        };
        let see = if added { "can now see" } else { "no longer sees" };
        Change {
            title: title.into(),
            to_person: format!("{verb}; they {see} the clients on your caseload"),
            to_admins: format!(
                "{} {} <{}> as the supervisor of {} <{}>",
                if added { "made" } else { "removed" },
                supervisor.name,
                supervisor.email,
                person.name,
                person.email
            ),
        }
    }

    pub fn password(person: &User) -> Change {
        Change {
            title: "password reset".into(),
            to_person: "set a new password for your account and signed you out everywhere".into(),
            to_admins: format!(
                "set a new password for {} <{}> and signed them out everywhere",
                person.name, person.email
            ),
        }
    }
}

/// The notices for one change of `person`'s account: one to the person, one
/// to each other active administrator (not the one who made the change, and
/// not the person, who has their own). `admins` may hold any staff accounts:
/// only active administrators are used.
pub fn account_change(by: &ChangedBy, person: &User, change: &Change, admins: &[User], at: Timestamp) -> Vec<Notice> {
    let others: Vec<&User> = admins.iter().filter(|a| a.active && a.role == Role::Admin && !by.is(a)).collect();
    let contacts: Vec<String> =
        others.iter().filter(|a| a.id != person.id).map(|a| format!("{} <{}>", a.name, a.email)).collect();
    let contact = if contacts.is_empty() {
        "the person responsible for Rapport in your organisation".to_string()
    } else {
        format!("another administrator ({})", contacts.join(", "))
    };
    let when = crate::clock::show(at);
    let mut out = vec![Notice {
        kind: KIND,
        to_user: Some(person.id.clone()),
        to_email: None,
        subject: format!("Your Rapport account: {}", change.title),
        body: format!(
            "Hello {},\n\n{} {} on your Rapport account ({}) at {when}.\n\n\
             If this was not expected, contact {contact} straight away.\n\n\
             This message was sent by Rapport automatically. It never contains a password.",
            person.name,
            by.describe(),
            change.to_person,
            person.email,
        ),
    }];
    for a in others.into_iter().filter(|a| a.id != person.id) {
        out.push(Notice {
            kind: KIND,
            to_user: Some(a.id.clone()),
            to_email: None,
            subject: format!("Rapport: {} of {} by {}", change.title, person.name, by.short()),
            body: format!(
                "Hello {},\n\n{} {} at {when}.\n\n\
                 You are told because you are an administrator. If this was not expected, \
                 check the audit log (Administration > Audit log) and speak to {} straight away.\n\n\
                 This message was sent by Rapport automatically. It never contains a password.",
                a.name,
                by.describe(),
                change.to_admins,
                match by {
                    ChangedBy::Admin(u) => format!("{} <{}>", u.name, u.email),
                    ChangedBy::Operator => "whoever runs the Rapport server".to_string(),
                },
            ),
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
        );
        assert_eq!(n.len(), 1, "the person is the only administrator");
        assert!(n[0].body.contains("An operator using the rapport command on the server set a new password"));
        assert!(n[0].body.contains("the person responsible for Rapport"));
    }
}
