//! The access family: every face gets a client's data only through these
//! loaders (`client_for`, `course_for`, `session_for`, `record_for`, ...). Each
//! asks the domain rules whether the caller may, records a denial in the audit
//! log (and answers "not found", so a record outside one's access looks like a
//! missing one), and, for `Purpose::AuditRead`, audits the read before the
//! caller sees anything.

pub mod course;
pub mod records;
pub mod session;

use crate::caller::Identity;
use crate::AppState;
use crate::Error;
use rapport_core::access::{client_read_access, AccessBasis};
use rapport_core::audit::{action, Outcome};
use rapport_core::msg;
use rapport_core::{Id, Timestamp};
use rapport_store::clients::ClientRecord;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Showing the record: the loader audits the read here, before the response.
    AuditRead,
    /// About to change it: the change's own transaction records the audit entry.
    Write,
}

/// The client, if `me` may see it; otherwise 404 (and an `access.denied` entry),
/// so a record outside one's access is indistinguishable from a missing one.
#[crate::boxing::boxed_future]
pub async fn client_for(
    state: &AppState,
    me: &Identity,
    id: &str,
    purpose: Purpose,
) -> Result<(ClientRecord, AccessBasis), Error> {
    let found = match Id::parse(id) {
        Some(cid) => match me.prefetched.take(&cid) {
            Some(found) => Some(found),
            None => state.store.client_with_relation(&me.user.id, &cid, Timestamp::now()).await?,
        },
        None => None,
    };
    let granted = found.and_then(|(record, rel)| client_read_access(&me.actor(), rel).map(|basis| (record, basis)));
    match granted {
        Some((record, basis)) => {
            if purpose == Purpose::AuditRead {
                let mut e = me.event(action::CLIENT_READ, "client");
                e.resource_id = Some(record.id.to_string());
                e.client_id = Some(record.id.to_string());
                e.detail = Some(format!("basis={}", basis.as_str()));
                state.store.audit(e).await?;
            }
            Ok((record, basis))
        }
        None => {
            deny(state, me, "client", Some(id)).await?;
            Err(Error::NotFound)
        }
    }
}

/// Records an access denial.
#[crate::boxing::boxed_future]
pub async fn deny(
    state: &AppState,
    me: &Identity,
    resource_type: &str,
    resource_id: Option<&str>,
) -> Result<(), Error> {
    let mut e = me.event(action::ACCESS_DENIED, resource_type);
    e.outcome = Outcome::Denied.as_str().into();
    e.resource_id = resource_id.map(|s| s.chars().take(80).collect());
    if resource_type == "client" {
        e.client_id = resource_id.and_then(Id::parse).map(|i| i.to_string());
    }
    state.store.audit(e).await?;
    Ok(())
}

/// Admin-only areas: 403 with an audit entry for anyone else.
#[crate::boxing::boxed_future]
pub async fn require_admin(state: &AppState, me: &Identity, area: &str) -> Result<(), Error> {
    if me.actor().can_administer() {
        Ok(())
    } else {
        deny(state, me, area, None).await?;
        Err(Error::forbidden(msg("app-admin-only"), &[]))
    }
}

/// Creating clients needs a caseload.
#[crate::boxing::boxed_future]
pub async fn require_caseload(state: &AppState, me: &Identity) -> Result<(), Error> {
    if me.actor().can_hold_caseload() {
        Ok(())
    } else {
        deny(state, me, "client", None).await?;
        Err(Error::forbidden(msg("app-no-caseload"), &[]))
    }
}

/// The client, if `me` may manage their own way in: portal invitations, the
/// portal account, what it shares and single-use questionnaire links. The
/// care team and supervisors may; emergency (break-glass) access may not, since
/// an account set up through it would outlive the grant (403, audited).
#[crate::boxing::boxed_future]
pub async fn client_for_portal(state: &AppState, me: &Identity, id: &str) -> Result<ClientRecord, Error> {
    let (record, basis) = client_for(state, me, id, Purpose::Write).await?;
    if !basis.manages_portal() {
        deny(state, me, "client", Some(record.id.as_str())).await?;
        return Err(Error::forbidden(msg("app-emergency-portal"), &[]));
    }
    Ok(record)
}

/// The audit detail's list of clients a list view showed: "clients shown: id, id, …"
/// (each once, in the order shown; "none" for an empty list). One entry per list
/// view names every client in it, so the log answers "who saw this client in a
/// list" without writing hundreds of entries for one page.
pub fn clients_shown<'a>(ids: impl IntoIterator<Item = &'a Id>) -> String {
    let mut seen: Vec<&Id> = Vec::new();
    for id in ids {
        if !seen.contains(&id) {
            seen.push(id);
        }
    }
    if seen.is_empty() {
        return "clients shown: none".into();
    }
    let list: Vec<&str> = seen.iter().map(|i| i.as_str()).collect();
    format!("clients shown: {}", list.join(", "))
}
