//! The client's care context: the cultural formulation (one per client),
//! medications, other providers and coordination notes. Recording a
//! medication changes nothing else.

use crate::access::course::CourseContext;
use crate::access::records::{audit_read, change_event, require_linked};
use crate::caller::Identity;
use crate::records::{ordered, ClientKind};
use crate::{AppResult, AppState, Error};
use rapport_core::audit::action;
use rapport_core::context::{CoordinationNote, CulturalFormulation, Medication, OtherProvider};
use rapport_core::msg;
use rapport_core::records::RecordBody;
use rapport_core::timeline::ApproxDate;
use rapport_core::{Id, Timestamp};
use rapport_store::records::{Placement, Record};

impl ClientKind for Medication {
    async fn check(self, _state: &AppState, _client: &Id) -> AppResult<Self> {
        Ok(self.validate_on(Timestamp::now().date())?)
    }

    /// Current first; then by start date, latest first.
    fn order(items: &mut [Record<Self>]) {
        let today = Timestamp::now().date();
        items.sort_by(|a, b| {
            let start = |m: &Medication| m.start_date.as_deref().and_then(ApproxDate::parse);
            b.body.is_current(today).cmp(&a.body.is_current(today)).then(start(&b.body).cmp(&start(&a.body)))
        });
    }
}

impl ClientKind for OtherProvider {
    async fn check(self, _state: &AppState, _client: &Id) -> AppResult<Self> {
        Ok(self.validate()?)
    }
}

impl ClientKind for CoordinationNote {
    async fn check(self, state: &AppState, client: &Id) -> AppResult<Self> {
        let n = self.validate_on(Timestamp::now().date())?;
        if let Some(p) = &n.provider_id {
            require_linked(
                state,
                client,
                OtherProvider::KIND,
                std::slice::from_ref(p),
                "provider_id",
                msg("app-provider-not-this-client"),
            )
            .await?;
        }
        Ok(n)
    }

    /// Latest first.
    fn order(items: &mut [Record<Self>]) {
        items.sort_by(|a, b| b.body.date.cmp(&a.body.date));
    }
}

/// The client's cultural formulation, if recorded.
#[crate::boxing::boxed_future]
pub async fn current_cultural(state: &AppState, client: &Id) -> AppResult<Option<Record<CulturalFormulation>>> {
    Ok(state.store.client_records::<CulturalFormulation>(client).await?.pop())
}

/// Saves the cultural formulation: the first one (answers true), or a new
/// version of it. `version` must name the version edited once one exists.
#[crate::boxing::boxed_future]
pub async fn save_cultural(
    state: &AppState,
    me: &Identity,
    client: &Id,
    version: Option<i64>,
    body: CulturalFormulation,
    via: &str,
) -> AppResult<(Record<CulturalFormulation>, bool)> {
    let body = body.validate()?;
    match (current_cultural(state, client).await?, version) {
        (None, _) => {
            let at = Placement { client_id: client.clone(), ..Default::default() };
            let ev = change_event::<CulturalFormulation>(me, action::RECORD_CREATE, via.into());
            Ok((state.store.create_record(&at, &body, &me.user.id, ev).await?, true))
        }
        (Some(_), None) => Err(Error::conflict(msg("app-context-exists"), &[])),
        (Some(cur), Some(v)) => {
            let ev = change_event::<CulturalFormulation>(me, action::RECORD_UPDATE, via.into());
            Ok((state.store.update_record(&cur.id, v, &body, &me.user.id, ev).await?, false))
        }
    }
}

/// The cultural formulation with its history, if recorded (the read is audited
/// with `detail`).
#[crate::boxing::boxed_future]
pub async fn read_cultural(
    state: &AppState,
    me: &Identity,
    client: &Id,
    detail: String,
) -> AppResult<Option<(Record<CulturalFormulation>, Vec<rapport_store::records::RecordVersion<CulturalFormulation>>)>> {
    let Some(rec) = current_cultural(state, client).await? else { return Ok(None) };
    audit_read(state, me, CulturalFormulation::KIND, client, Some(&rec.id), detail).await?;
    let history = state.store.record_history::<CulturalFormulation>(&rec.id).await?;
    Ok(Some((rec, history)))
}

/// Everything the care-context page shows, each list in its kind's order.
pub struct CareContext {
    pub cultural: Option<Record<CulturalFormulation>>,
    pub medications: Vec<Record<Medication>>,
    pub providers: Vec<Record<OtherProvider>>,
    pub notes: Vec<Record<CoordinationNote>>,
}

/// The course's client's care context (the read is audited as one `care_context` entry).
#[crate::boxing::boxed_future]
pub async fn care_context(state: &AppState, me: &Identity, cx: &CourseContext) -> AppResult<CareContext> {
    let client = &cx.client.id;
    let cultural = current_cultural(state, client).await?;
    let medications = ordered::<Medication>(state, client).await?;
    let providers = ordered::<OtherProvider>(state, client).await?;
    let notes = ordered::<CoordinationNote>(state, client).await?;
    let detail = format!(
        "cultural formulation {}, {} medications, {} providers, {} notes",
        if cultural.is_some() { "1" } else { "0" },
        medications.len(),
        providers.len(),
        notes.len()
    );
    audit_read(state, me, "care_context", client, None, detail).await?;
    Ok(CareContext { cultural, medications, providers, notes })
}
