//! A client's care team: the responsible clinician and other members.

use super::Layout;
use crate::i18n::msg;
use rapport_core::access::Role;

use crate::error::AppResult;
use crate::html::render;
use crate::identity::SignedIn;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Form;
use rapport_app::clients;
use rapport_app::AppState;
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

impl CareTeamPage {
    /// A role as stored ("clinician") in the reader's language.
    fn role(&self, role: impl ToString) -> String {
        let id = match role.to_string().parse::<Role>() {
            Ok(Role::Admin) => msg("role-admin"),
            Ok(Role::Supervisor) => msg("role-supervisor"),
            Ok(Role::Clinician) => msg("role-clinician"),
            Ok(Role::Facilitator) => msg("role-facilitator"),
            Ok(Role::ProgrammeManager) => msg("role-programme-manager"),
            Ok(Role::Client) => msg("role-client"),
            Err(_) => msg("care-team-staff"),
        };
        self.layout.tr.t(id)
    }
}

pub async fn show(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Query(q): Query<super::clients::DoneParam>,
) -> AppResult<Html<String>> {
    let t = clients::care_team(&state, &me, &id).await?;
    let layout = Layout::new(
        &state,
        &me,
        crate::i18n::current().ta("care-team-page-title", "name", &t.client.details.display_name),
        "caseload",
    )
    .await?
    .with_done(q.done.as_deref());
    render(&CareTeamPage {
        layout,
        c: t.client,
        tab: "care-team",
        members: t.members,
        candidates: t.candidates,
        can_manage: t.can_manage,
        can_hand_over: t.can_hand_over,
    })
}

#[derive(Deserialize, Default)]
pub struct AddForm {
    user_id: Option<String>,
}

fn team_page(c: &ClientRecord, done: &str) -> Response {
    Redirect::to(&format!("/clients/{}/care-team?done={done}", c.id)).into_response()
}

pub async fn add(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Form(f): Form<AddForm>,
) -> AppResult<Response> {
    Ok(team_page(&clients::add_member(&state, &me, &id, f.user_id.as_deref()).await?, "member-added"))
}

pub async fn remove(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path((id, user_id)): Path<(String, String)>,
) -> AppResult<Response> {
    Ok(team_page(&clients::remove_member(&state, &me, &id, &user_id).await?, "member-removed"))
}

pub async fn make_responsible(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path((id, user_id)): Path<(String, String)>,
) -> AppResult<Response> {
    Ok(team_page(&clients::make_responsible(&state, &me, &id, &user_id).await?, "responsible"))
}
