//! A client's measures: reading their responses (audited), a course's
//! measurement schedule, and the timeline events drawn on their charts.

use crate::access::{client_for, Purpose};
use crate::caller::Identity;
use crate::AppState;
use crate::Error;
use rapport_core::audit::action;
use rapport_core::measures::chart::ChartEvent;
use rapport_core::measures::schedule::Schedule;
use rapport_core::timeline::TimelineEvent;
use rapport_core::Id;
use rapport_store::clients::ClientRecord;
use rapport_store::measures::ResponseRow;

/// The client, if `me` may see it, with the read audited twice: the client
/// read, and `act` (what was read) with `detail`.
pub async fn read_client(
    state: &AppState,
    me: &Identity,
    id: &str,
    act: &str,
    detail: &str,
) -> Result<ClientRecord, Error> {
    let (client, _) = client_for(state, me, id, Purpose::AuditRead).await?;
    let mut e = me.event(act, "client");
    e.resource_id = Some(client.id.to_string());
    e.client_id = Some(client.id.to_string());
    e.detail = Some(detail.to_string());
    state.store.audit(e).await?;
    Ok(client)
}

/// The client's responses, oldest first (by `completed_at`); the read is audited.
pub async fn responses(state: &AppState, me: &Identity, client: &str, detail: &str) -> Result<Vec<ResponseRow>, Error> {
    let client = read_client(state, me, client, action::MEASURE_LIST, detail).await?;
    Ok(state.store.responses(&client.id).await?)
}

/// The course's measurement schedule, its version (0: none stored, the
/// default applies) and its record id.
pub async fn schedule_of(state: &AppState, course: &Id) -> Result<(Schedule, i64, Option<Id>), Error> {
    Ok(match state.store.course_records::<Schedule>(course).await?.into_iter().next() {
        Some(r) => (r.body, r.version, Some(r.id)),
        None => (Schedule::default(), 0, None),
    })
}

/// The client's dated timeline events, as marks on their charts.
pub async fn chart_events(state: &AppState, client: &Id) -> Result<Vec<ChartEvent>, Error> {
    Ok(state
        .store
        .client_records::<TimelineEvent>(client)
        .await?
        .into_iter()
        .filter_map(|r| r.body.when().map(|w| ChartEvent { date: w.midpoint(), label: r.body.title.clone() }))
        .collect())
}
