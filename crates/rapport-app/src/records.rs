//! Client-level versioned records (timeline events, medications, other
//! providers, coordination notes): the use cases every such kind shares —
//! list, read with history, create, change and remove — for the pages and the
//! API alike. A kind declares only what differs: how it is checked for its
//! client (including links to the client's other records) and the order lists
//! are shown in.

use crate::access::course::CourseContext;
use crate::access::records::{audit_read, change_event, client_record_for};
use crate::access::{client_for, Purpose};
use crate::caller::Identity;
use crate::{AppResult, AppState, Error};
use rapport_core::audit::action;
use rapport_core::records::RecordBody;
use rapport_core::Id;
use rapport_store::clients::ClientRecord;
use rapport_store::records::{Placement, Record, RecordVersion};
use std::future::Future;

/// A record kind that belongs to the client (not to one course).
pub trait ClientKind: RecordBody {
    /// Validates for `client`, including links to its other records.
    fn check(self, state: &AppState, client: &Id) -> impl Future<Output = AppResult<Self>> + Send;

    /// The order lists are returned in (default: oldest first).
    fn order(_items: &mut [Record<Self>]) {}
}

/// The client's records of kind `T`, in the kind's order (not audited: the
/// caller audits what it shows).
#[crate::boxing::boxed_future]
pub async fn ordered<T: ClientKind>(state: &AppState, client: &Id) -> AppResult<Vec<Record<T>>> {
    let mut items = state.store.client_records::<T>(client).await?;
    T::order(&mut items);
    Ok(items)
}

/// The records of kind `T` of a client `me` may see, audited as a list
/// (`detail`: "N {via}").
#[crate::boxing::boxed_future]
pub async fn list<T: ClientKind>(
    state: &AppState,
    me: &Identity,
    client_id: &str,
    via: &str,
) -> AppResult<Vec<Record<T>>> {
    let (client, _) = client_for(state, me, client_id, Purpose::AuditRead).await?;
    let items = ordered::<T>(state, &client.id).await?;
    audit_read(state, me, T::KIND, &client.id, None, format!("{} {via}", items.len())).await?;
    Ok(items)
}

/// One record with every version, newest first (the read is audited).
#[crate::boxing::boxed_future]
pub async fn read<T: ClientKind>(
    state: &AppState,
    me: &Identity,
    id: &str,
) -> AppResult<(Record<T>, Vec<RecordVersion<T>>)> {
    let (rec, _) = client_record_for::<T>(state, me, id, Purpose::AuditRead).await?;
    let history = state.store.record_history::<T>(&rec.id).await?;
    Ok((rec, history))
}

/// A record and its client, to be changed (`Purpose::Write`) or shown.
#[crate::boxing::boxed_future]
pub async fn open<T: ClientKind>(
    state: &AppState,
    me: &Identity,
    id: &str,
    purpose: Purpose,
) -> AppResult<(Record<T>, ClientRecord)> {
    client_record_for::<T>(state, me, id, purpose).await
}

/// A record of the course's client (the course opened by the caller); another
/// client's record is 404.
#[crate::boxing::boxed_future]
pub async fn of_course<T: ClientKind>(
    state: &AppState,
    me: &Identity,
    cx: &CourseContext,
    id: &str,
    purpose: Purpose,
) -> AppResult<Record<T>> {
    let (rec, _) = client_record_for::<T>(state, me, id, purpose).await?;
    if rec.client_id != cx.client.id {
        return Err(Error::NotFound);
    }
    Ok(rec)
}

/// Checks `body` and adds it to the records of a client `me` may change.
#[crate::boxing::boxed_future]
pub async fn create<T: ClientKind>(
    state: &AppState,
    me: &Identity,
    client_id: &str,
    body: T,
    via: &str,
) -> AppResult<Record<T>> {
    let (client, _) = client_for(state, me, client_id, Purpose::Write).await?;
    let body = body.check(state, &client.id).await?;
    add(state, me, &client.id, &body, via).await
}

/// Stores a checked record for `client` (access already checked).
#[crate::boxing::boxed_future]
pub async fn add<T: ClientKind>(
    state: &AppState,
    me: &Identity,
    client: &Id,
    body: &T,
    via: &str,
) -> AppResult<Record<T>> {
    let at = Placement { client_id: client.clone(), ..Default::default() };
    let ev = change_event::<T>(me, action::RECORD_CREATE, via.into());
    Ok(state.store.create_record(&at, body, &me.user.id, ev).await?)
}

/// Checks `body` and stores it as the next version of `rec` (opened for
/// writing), which must still be at `version` (else `Error::Conflict`).
#[crate::boxing::boxed_future]
pub async fn update<T: ClientKind>(
    state: &AppState,
    me: &Identity,
    rec: &Record<T>,
    version: i64,
    body: T,
    via: &str,
) -> AppResult<Record<T>> {
    let body = body.check(state, &rec.client_id).await?;
    save(state, me, rec, version, &body, via).await
}

/// Stores a checked body as the next version of `rec` (see `update`).
#[crate::boxing::boxed_future]
pub async fn save<T: ClientKind>(
    state: &AppState,
    me: &Identity,
    rec: &Record<T>,
    version: i64,
    body: &T,
    via: &str,
) -> AppResult<Record<T>> {
    let ev = change_event::<T>(me, action::RECORD_UPDATE, via.into());
    Ok(state.store.update_record(&rec.id, version, body, &me.user.id, ev).await?)
}

/// Removes a record (its history is kept) at `version` (default: the current one).
#[crate::boxing::boxed_future]
pub async fn remove<T: ClientKind>(
    state: &AppState,
    me: &Identity,
    id: &str,
    version: Option<i64>,
    via: &str,
) -> AppResult<()> {
    let (rec, _) = client_record_for::<T>(state, me, id, Purpose::Write).await?;
    discard(state, me, &rec, version.unwrap_or(rec.version), via).await
}

/// Removes an opened record at `version`.
#[crate::boxing::boxed_future]
pub async fn discard<T: RecordBody>(
    state: &AppState,
    me: &Identity,
    rec: &Record<T>,
    version: i64,
    via: &str,
) -> AppResult<()> {
    let ev = change_event::<T>(me, action::RECORD_REMOVE, via.into());
    state.store.remove_record::<T>(&rec.id, version, &me.user.id, ev).await?;
    Ok(())
}

/// Every version of a record already opened, newest first.
#[crate::boxing::boxed_future]
pub async fn history<T: RecordBody>(state: &AppState, id: &Id) -> AppResult<Vec<RecordVersion<T>>> {
    Ok(state.store.record_history::<T>(id).await?)
}
