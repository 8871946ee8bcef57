//! A client's care team: the responsible clinician and other members.

use super::Layout;

use crate::error::{AppError, AppResult};
use crate::html::render;
use crate::identity::SignedIn;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Form;
use rapport_app::access::{client_for, Purpose};
use rapport_app::caller::Identity;
use rapport_app::AppState;
use rapport_core::access::may_replace_responsible;
use rapport_core::audit::action;
use rapport_core::{Id, Timestamp};
use rapport_store::clients::{CareTeamMember, ClientRecord};
use rapport_store::users::User;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "care_team.html")]
struct CareTeamPage {
    layout: Layout,
    c: ClientRecord,
    tab: &'static str,
    members: Vec<CareTeamMember>,
    candidates: Vec<User>,
    can_manage: bool,
    /// May hand responsibility to another member (the responsible clinician, or a supervisor).
    can_hand_over: bool,
}

pub async fn show(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Query(q): Query<super::clients::DoneParam>,
) -> AppResult<Html<String>> {
    let (c, basis) = client_for(&state, &me, &id, Purpose::Write).await?;
    let members = state.store.care_team(&c.id).await?;
    let mut e = me.event(action::CARE_TEAM_READ, "care_team");
    e.resource_id = Some(c.id.to_string());
    e.client_id = Some(c.id.to_string());
    state.store.audit(e).await?;
    let candidates = state
        .store
        .practising_staff()
        .await?
        .into_iter()
        .filter(|u| !members.iter().any(|m| m.user_id == u.id))
        .collect();
    let can_manage = basis.manages_care_team();
    let rel = state.store.client_with_relation(&me.user.id, &c.id, Timestamp::now()).await?.map(|(_, r)| r);
    let can_hand_over =
        rel.is_some_and(|r| may_replace_responsible(&me.actor(), r, c.responsible_clinician_id == me.user.id));
    let layout = Layout::new(&state, &me, format!("Care team · {}", c.details.display_name), "caseload")
        .await?
        .with_done(q.done.as_deref());
    render(&CareTeamPage { layout, c, tab: "care-team", members, candidates, can_manage, can_hand_over })
}

#[derive(Deserialize, Default)]
pub struct AddForm {
    user_id: Option<String>,
}

async fn managed_client(state: &AppState, me: &Identity, id: &str) -> AppResult<ClientRecord> {
    let (c, basis) = client_for(state, me, id, Purpose::Write).await?;
    if !basis.manages_care_team() {
        rapport_app::access::deny(state, me, "care_team", Some(c.id.as_str())).await?;
        return Err(AppError::Forbidden("Only the care team and their supervisors can change the care team.".into()));
    }
    Ok(c)
}

fn member_event(me: &Identity, act: &str, c: &ClientRecord, user: &Id) -> rapport_core::audit::AuditEvent {
    let mut e = me.event(act, "care_team");
    e.resource_id = Some(user.to_string());
    e.client_id = Some(c.id.to_string());
    e
}

pub async fn add(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Form(f): Form<AddForm>,
) -> AppResult<Response> {
    let c = managed_client(&state, &me, &id).await?;
    let staff = state.store.practising_staff().await?;
    let Some(user) = f.user_id.as_deref().and_then(Id::parse).filter(|u| staff.iter().any(|s| &s.id == u)) else {
        return Err(AppError::invalid("user_id", "Choose a clinician to add"));
    };
    state.store.add_care_team_member(&c.id, &user, member_event(&me, action::CARE_TEAM_ADD, &c, &user)).await?;
    Ok(Redirect::to(&format!("/clients/{}/care-team?done=member-added", c.id)).into_response())
}

pub async fn remove(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path((id, user_id)): Path<(String, String)>,
) -> AppResult<Response> {
    let c = managed_client(&state, &me, &id).await?;
    let user = Id::parse(&user_id).ok_or(AppError::NotFound)?;
    state.store.remove_care_team_member(&c.id, &user, member_event(&me, action::CARE_TEAM_REMOVE, &c, &user)).await?;
    Ok(Redirect::to(&format!("/clients/{}/care-team?done=member-removed", c.id)).into_response())
}

pub async fn make_responsible(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path((id, user_id)): Path<(String, String)>,
) -> AppResult<Response> {
    let c = managed_client(&state, &me, &id).await?;
    let user = Id::parse(&user_id).ok_or(AppError::NotFound)?;
    if user != c.responsible_clinician_id {
        // Handing over takes the role from the responsible clinician: theirs to
        // give, or a supervisor's (rapport_core::access::may_replace_responsible).
        let rel = state.store.client_with_relation(&me.user.id, &c.id, Timestamp::now()).await?.map(|(_, r)| r);
        let is_responsible = c.responsible_clinician_id == me.user.id;
        if !rel.is_some_and(|r| may_replace_responsible(&me.actor(), r, is_responsible)) {
            rapport_app::access::deny(&state, &me, "care_team", Some(c.id.as_str())).await?;
            return Err(AppError::Forbidden(
                "Only the responsible clinician, or a supervisor of someone on the care team, can hand over \
                 responsibility for this client."
                    .into(),
            ));
        }
    }
    state.store.set_responsible(&c.id, &user, member_event(&me, action::CARE_TEAM_RESPONSIBLE, &c, &user)).await?;
    Ok(Redirect::to(&format!("/clients/{}/care-team?done=responsible", c.id)).into_response())
}
