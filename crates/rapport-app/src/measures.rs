//! A client's measures: reading their responses (audited), a course's
//! measurement schedule, and the timeline events drawn on their charts.

use crate::access::course::CourseContext;
use crate::access::records::change_event;
use crate::access::{client_for, Purpose};
use crate::caller::Identity;
use crate::AppState;
use crate::Error;
use rapport_core::audit::action;
use rapport_core::measures::chart::ChartEvent;
use rapport_core::measures::schedule::Schedule;
use rapport_core::msg;
use rapport_core::timeline::TimelineEvent;
use rapport_core::Id;
use rapport_store::clients::ClientRecord;
use rapport_store::measures::ResponseRow;
use rapport_store::records::Placement;

/// The client, if `me` may see it, with the read audited twice: the client
/// read, and `act` (what was read) with `detail`.
#[crate::boxing::boxed_future]
pub async fn read_client(
    state: &AppState,
    me: &Identity,
    id: &str,
    act: &str,
    detail: &str,
) -> Result<ClientRecord, Error> {
    let (client, _) = client_for(state, me, id, Purpose::AuditRead).await?;
    audit_client_read(state, me, &client, act, detail).await?;
    Ok(client)
}

/// Audits `act` (what was read of `client`) with `detail`.
pub(crate) async fn audit_client_read(
    state: &AppState,
    me: &Identity,
    client: &ClientRecord,
    act: &str,
    detail: &str,
) -> Result<(), Error> {
    let mut e = me.event(act, "client");
    e.resource_id = Some(client.id.to_string());
    e.client_id = Some(client.id.to_string());
    e.detail = Some(detail.to_string());
    state.store.audit(e).await?;
    Ok(())
}

/// The client's risk flags as their measures page shows them, with the
/// page's own audit entry (an outcomes read, "measures page").
#[crate::boxing::boxed_future]
pub async fn measures_page_flags(
    state: &AppState,
    me: &Identity,
    client: &ClientRecord,
) -> Result<Vec<rapport_store::measures::RiskFlagRow>, Error> {
    let flags = state.store.client_risk_flags(&client.id).await?;
    audit_client_read(state, me, client, action::OUTCOMES_READ, "measures page").await?;
    Ok(flags)
}

/// The course `raw` names when it is one of `client`'s courses (None when
/// blank; 404 for any other course or a malformed id).
#[crate::boxing::boxed_future]
pub async fn course_of_client(state: &AppState, client: &ClientRecord, raw: Option<&str>) -> Result<Option<Id>, Error> {
    let Some(raw) = raw.filter(|s| !s.is_empty()) else { return Ok(None) };
    match Id::parse(raw) {
        Some(cid) => match state.store.course(&cid).await? {
            Some(k) if k.client_id == client.id => Ok(Some(cid)),
            _ => Err(Error::NotFound),
        },
        None => Err(Error::NotFound),
    }
}

/// The client's responses, oldest first (by `completed_at`); the read is audited.
#[crate::boxing::boxed_future]
pub async fn responses(state: &AppState, me: &Identity, client: &str, detail: &str) -> Result<Vec<ResponseRow>, Error> {
    let client = read_client(state, me, client, action::MEASURE_LIST, detail).await?;
    Ok(state.store.responses(&client.id).await?)
}

/// One response and its client, if the caller may see the client (404
/// otherwise, like a missing id); the read is audited with `detail`.
#[crate::boxing::boxed_future]
pub async fn read_response(
    state: &AppState,
    me: &Identity,
    id: &str,
    detail: &str,
) -> Result<(ResponseRow, ClientRecord), Error> {
    let row = match Id::parse(id) {
        Some(rid) => state.store.response(&rid).await?,
        None => None,
    };
    let Some(row) = row else {
        crate::access::deny(state, me, "measure_response", Some(id)).await?;
        return Err(Error::NotFound);
    };
    let (client, _) = client_for(state, me, row.client_id.as_str(), Purpose::AuditRead).await?;
    let mut e = me.event(action::MEASURE_LIST, "measure_response");
    e.resource_id = Some(row.id.to_string());
    e.client_id = Some(client.id.to_string());
    e.detail = Some(detail.to_string());
    state.store.audit(e).await?;
    Ok((row, client))
}

/// The course's measurement schedule, its version (0: none stored, the
/// default applies) and its record id.
#[crate::boxing::boxed_future]
pub async fn schedule_of(state: &AppState, course: &Id) -> Result<(Schedule, i64, Option<Id>), Error> {
    Ok(match state.store.course_records::<Schedule>(course).await?.into_iter().next() {
        Some(r) => (r.body, r.version, Some(r.id)),
        None => (Schedule::default(), 0, None),
    })
}

/// The client's dated timeline events, as marks on their charts.
#[crate::boxing::boxed_future]
pub async fn chart_events(state: &AppState, client: &Id) -> Result<Vec<ChartEvent>, Error> {
    // Numbered as the timeline table numbers them: all events, in time order.
    let mut records = state.store.client_records::<TimelineEvent>(client).await?;
    rapport_core::timeline::sort_by_date(&mut records, |r| &r.body);
    Ok(records
        .into_iter()
        .enumerate()
        .filter_map(|(i, r)| {
            r.body.when().map(|w| ChartEvent { date: w.midpoint(), label: r.body.title.clone(), number: i as u32 + 1 })
        })
        .collect())
}

/// Saves a course's (checked) schedule as a new version of its record;
/// `version` is the one the form was loaded with (0: none stored then).
///
/// A schedule none of whose instruments has a risk item would stop the risk
/// question being asked at every measurement (ipt-model.md 13.1): it is
/// refused on `confirm_no_risk_item` unless the caller confirmed it, and the
/// confirmation is in the audit entry.
#[crate::boxing::boxed_future]
pub async fn save_schedule(
    state: &AppState,
    me: &Identity,
    cx: &CourseContext,
    body: &Schedule,
    version: i64,
    confirm_no_risk_item: bool,
) -> Result<(), Error> {
    let asks = rapport_core::measures::schedule::asks_about_risk(body, &state.instruments);
    if !asks && !confirm_no_risk_item {
        return Err(Error::keyed("confirm_no_risk_item", msg("app-schedule-no-risk-item"), vec![]));
    }
    let mut detail = format!("every {} sessions: {}", body.every, body.instruments.join(", "));
    if !asks {
        detail.push_str(" (no risk item: confirmed)");
    }
    match schedule_of(state, &cx.course.id).await? {
        (_, _, Some(rid)) => {
            let ev = change_event::<Schedule>(me, action::RECORD_UPDATE, detail);
            state.store.update_record(&rid, version, body, &me.user.id, ev).await?;
        }
        (_, _, None) if version <= 0 => {
            let at = Placement {
                client_id: cx.client.id.clone(),
                course_id: Some(cx.course.id.clone()),
                ..Default::default()
            };
            let ev = change_event::<Schedule>(me, action::RECORD_CREATE, detail);
            state.store.create_record(&at, body, &me.user.id, ev).await?;
        }
        (_, _, None) => return Err(Error::conflict(msg("app-schedule-changed"), &[])),
    }
    Ok(())
}
