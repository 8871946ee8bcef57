//! The interpersonal timeline: a client's life events, checked against the
//! client's interpersonal inventory, and the timeline as the page draws it.

use crate::access::course::CourseContext;
use crate::access::records::{audit_read, require_linked};
use crate::caller::Identity;
use crate::records::{ordered, ClientKind};
use crate::{AppResult, AppState};
use rapport_core::records::RecordBody;
use rapport_core::timeline::chart::ScoreSeries;
use rapport_core::timeline::{sort_by_date, TimelineEvent, PERSON_KIND};
use rapport_core::{Id, Timestamp};
use rapport_store::records::Record;

impl ClientKind for TimelineEvent {
    async fn check(self, state: &AppState, client: &Id) -> AppResult<Self> {
        let e = self.validate_on(Timestamp::now().date())?;
        require_linked(
            state,
            client,
            PERSON_KIND,
            &e.person_ids,
            "person_ids",
            "people from the interpersonal inventory",
        )
        .await?;
        Ok(e)
    }

    /// In time order (approximate dates sit at the middle of their month or year).
    fn order(items: &mut [Record<Self>]) {
        sort_by_date(items, |r| &r.body);
    }
}

/// The course's client's events in time order and their PHQ-9 totals, as the
/// timeline page shows them (the read is audited).
#[crate::boxing::boxed_future]
pub async fn timeline(
    state: &AppState,
    me: &Identity,
    cx: &CourseContext,
) -> AppResult<(Vec<Record<TimelineEvent>>, ScoreSeries)> {
    let events = ordered::<TimelineEvent>(state, &cx.client.id).await?;
    audit_read(state, me, TimelineEvent::KIND, &cx.client.id, None, format!("{} events", events.len())).await?;
    let scores = phq9_series(state, &cx.client.id).await?;
    Ok((events, scores))
}

/// The client's complete PHQ-9 totals, to draw against the events.
async fn phq9_series(state: &AppState, client: &Id) -> AppResult<ScoreSeries> {
    let Some(inst) = state.instruments.get("phq9") else { return Ok(ScoreSeries::none()) };
    let mut points: Vec<(time::Date, f64)> = state
        .store
        .responses(client)
        .await?
        .into_iter()
        .filter(|r| r.instrument_id == "phq9")
        .filter_map(|r| r.total.map(|t| (r.completed_at.date(), t as f64)))
        .collect();
    points.sort_by_key(|p| p.0);
    let label = rapport_i18n::current().ta("measure-chart-axis-total", "measure", inst.short_name.as_str());
    Ok(ScoreSeries { label, max: inst.range.max as f64, points })
}
