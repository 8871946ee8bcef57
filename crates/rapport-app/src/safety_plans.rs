//! Safety plans (Stanley–Brown sections): each save is a new version of the
//! client's plan. The staff pages, the JSON API and the client portal (the
//! shared version) read them here.

use crate::caller::Identity;
use crate::AppState;
use crate::Error;
use rapport_core::audit::action;
use rapport_core::risk::{validate_safety_plan, RawSafetyPlan};
use rapport_core::Id;
use rapport_store::measures::SafetyPlanRow;

/// Saves a new version of the client's safety plan; `Invalid` names each
/// missing section. Returns its id and version number.
#[crate::boxing::boxed_future]
pub async fn save(state: &AppState, me: &Identity, client: &Id, raw: &RawSafetyPlan) -> Result<(Id, i64), Error> {
    let plan = validate_safety_plan(raw)?;
    let e = me.event(action::SAFETY_PLAN_SAVE, "safety_plan");
    Ok(state.store.save_safety_plan(client, &plan, &me.user.id, e).await?)
}

/// Every version of the client's safety plan, newest first; the read is
/// audited (`detail`: where it was read).
#[crate::boxing::boxed_future]
pub async fn list(state: &AppState, me: &Identity, client: &str, detail: &str) -> Result<Vec<SafetyPlanRow>, Error> {
    let client = crate::measures::read_client(state, me, client, action::SAFETY_PLAN_READ, detail).await?;
    Ok(state.store.safety_plans(&client.id).await?)
}

/// The newest safety plan version when it is shared with the client.
#[crate::boxing::boxed_future]
pub async fn shared(state: &AppState, client: &Id) -> Result<Option<SafetyPlanRow>, Error> {
    Ok(state.store.latest_safety_plan(client).await?.filter(|p| p.plan.shared_with_client))
}
