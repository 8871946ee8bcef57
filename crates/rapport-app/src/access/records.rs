//! Versioned clinical records (`rapport_store::records`) for a caller: loading a
//! record by id through its client's access check, auditing reads and changes,
//! and checking links between records.

use crate::access::course::{course_for, CourseContext};
use crate::access::{client_for, deny, Purpose};
use crate::caller::Identity;
use crate::{AppState, Error};
use rapport_core::access::AccessBasis;
use rapport_core::audit::{action, AuditEvent};
use rapport_core::records::RecordBody;
use rapport_core::Id;
use rapport_store::clients::ClientRecord;
use rapport_store::records::Record;

/// A `record.read` entry for records of `kind` of a client: one record, or a list (`id` None).
pub fn read_event(me: &Identity, kind: &str, id: Option<&Id>, client: &Id, detail: String) -> AuditEvent {
    let mut e = me.event(action::RECORD_READ, kind);
    e.resource_id = id.map(|i| i.to_string());
    e.client_id = Some(client.to_string());
    e.detail = Some(detail);
    e
}

/// Logs a read of records of `kind`: one record, or a list (`record` None).
#[crate::boxing::boxed_future]
pub async fn audit_read(
    state: &AppState,
    me: &Identity,
    kind: &str,
    client: &Id,
    record: Option<&Id>,
    detail: String,
) -> Result<(), Error> {
    state.store.audit(read_event(me, kind, record, client, detail)).await?;
    Ok(())
}

/// An audit event for a change to a record of kind `T` (the store adds the
/// record id and client). `detail` must hold no clinical content: the audit
/// log is read by administrators.
pub fn change_event<T: RecordBody>(me: &Identity, act: &str, detail: String) -> AuditEvent {
    let mut e = me.event(act, T::KIND);
    e.detail = Some(detail).filter(|d| !d.is_empty());
    e
}

async fn find<T: RecordBody>(state: &AppState, me: &Identity, id: &str) -> Result<Record<T>, Error> {
    let rec = match Id::parse(id) {
        Some(i) => state.store.record::<T>(&i).await?,
        None => None,
    };
    match rec {
        Some(r) => Ok(r),
        None => {
            deny(state, me, T::KIND, Some(id)).await?;
            Err(Error::NotFound)
        }
    }
}

/// A record of kind `T`, if `me` may see its client; otherwise 404 (and an
/// `access.denied` entry). A `Read` is audited as `record.read` (the client
/// read itself is not logged twice).
#[crate::boxing::boxed_future]
pub async fn record_for<T: RecordBody>(
    state: &AppState,
    me: &Identity,
    id: &str,
    purpose: Purpose,
) -> Result<(Record<T>, ClientRecord, AccessBasis), Error> {
    let rec = find::<T>(state, me, id).await?;
    let (client, basis) = client_for(state, me, rec.client_id.as_str(), Purpose::Write).await?;
    if purpose == Purpose::AuditRead {
        audit_read(state, me, T::KIND, &client.id, Some(&rec.id), format!("basis={}", basis.as_str())).await?;
    }
    Ok((rec, client, basis))
}

/// `record_for` without the access basis: for client-level records.
#[crate::boxing::boxed_future]
pub async fn client_record_for<T: RecordBody>(
    state: &AppState,
    me: &Identity,
    id: &str,
    purpose: Purpose,
) -> Result<(Record<T>, ClientRecord), Error> {
    record_for::<T>(state, me, id, purpose).await.map(|(r, c, _)| (r, c))
}

/// The course a found record belongs to, through the access check; a `Read`
/// is audited as `record.read`.
#[crate::boxing::boxed_future]
pub async fn course_of(
    state: &AppState,
    me: &Identity,
    kind: &str,
    record: &Id,
    course: Option<&Id>,
    purpose: Purpose,
) -> Result<CourseContext, Error> {
    let course = course.ok_or_else(|| Error::internal(format!("{kind} {record} has no course")))?;
    let cx = course_for(state, me, course.as_str(), Purpose::Write).await?;
    if purpose == Purpose::AuditRead {
        audit_read(state, me, kind, &cx.client.id, Some(record), format!("basis={}", cx.basis.as_str())).await?;
    }
    Ok(cx)
}

/// Refuses links to records of another client (or of the wrong kind, or removed)
/// with a 422 on `field`, worded by the message `refusal`.
#[crate::boxing::boxed_future]
pub async fn require_linked(
    state: &AppState,
    client: &Id,
    kind: &str,
    ids: &[String],
    field: &str,
    refusal: &'static str,
) -> Result<(), Error> {
    if state.store.client_records_exist(client, kind, ids).await? {
        Ok(())
    } else {
        Err(Error::keyed(field, refusal, vec![]))
    }
}
