//! The care team's side of the client portal: invite the client (a printed
//! code or an e-mail), see whether they have an account, choose what the
//! portal shows them, and read what they wrote (diary and reflections).

use super::Layout;

use crate::error::{AppError, AppResult};
use crate::html::diary::DiaryView;
use crate::html::{render, FormErrors};
use crate::i18n::msg;
use crate::identity::SignedIn;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use rapport_app::access::{client_for, client_for_portal, Purpose};
use rapport_app::caller::Identity;
use rapport_app::portal_access;
use rapport_app::AppState;
use rapport_core::portal::InvitePurpose;
use rapport_core::validation::looks_like_email;
use rapport_core::{Timestamp, ValidationErrors};
use rapport_store::clients::ClientRecord;
use rapport_store::portal::{PortalAccount, PortalInvite, PortalSharing, ReflectionRow};
use rapport_store::users::normalise_email;
use serde::Deserialize;

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/clients/{id}/portal", show)
        .post("/clients/{id}/portal/invite", invite)
        .post("/clients/{id}/portal/reset", reset)
        .post("/clients/{id}/portal/invites/{invite_id}/revoke", revoke)
        .post("/clients/{id}/portal/sharing", sharing)
        .post("/clients/{id}/portal/disable", disable)
}

pub struct InviteRow {
    pub invite: PortalInvite,
    pub status: &'static str,
}

#[derive(Template)]
#[template(path = "client_portal.html")]
struct PortalPage {
    layout: Layout,
    c: ClientRecord,
    tab: &'static str,
    account: Option<PortalAccount>,
    invites: Vec<InviteRow>,
    sharing: PortalSharing,
    /// The latest safety plan version and whether it is shared.
    safety_plan: Option<(i64, bool)>,
    diary: Vec<DiaryView>,
    reflections: Vec<ReflectionRow>,
    email: String,
    errors: FormErrors,
    /// Invitations, the account and sharing (not under emergency access).
    can_manage: bool,
    /// Reset portal access: the responsible clinician only.
    can_reset: bool,
}

#[derive(Deserialize, Default)]
pub struct DoneParam {
    done: Option<String>,
}

async fn page(
    state: &AppState,
    me: &Identity,
    c: ClientRecord,
    done: Option<&str>,
    email: Option<String>,
    errors: FormErrors,
    can_manage: bool,
) -> AppResult<PortalPage> {
    let now = Timestamp::now();
    let o = portal_access::overview(state, me, &c).await?;
    let invites =
        o.invites.into_iter().map(|invite| InviteRow { status: invite.status(now).as_str(), invite }).collect();
    let title = crate::i18n::current().ta("portal-staff-page-title", "client", &c.details.display_name);
    let layout = Layout::new(state, me, title, "caseload").await?.with_done(done);
    Ok(PortalPage {
        layout,
        account: o.account,
        invites,
        sharing: o.sharing,
        safety_plan: o.safety_plan,
        diary: o.diary.iter().map(DiaryView::from).collect(),
        reflections: o.reflections,
        email: email.or_else(|| c.details.email.clone()).unwrap_or_default(),
        errors,
        tab: "portal",
        can_reset: can_manage && c.responsible_clinician_id == me.user.id,
        can_manage,
        c,
    })
}

pub async fn show(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Query(q): Query<DoneParam>,
) -> AppResult<Response> {
    let (c, basis) = client_for(&state, &me, &id, Purpose::AuditRead).await?;
    let p = page(&state, &me, c, q.done.as_deref(), None, FormErrors::default(), basis.manages_portal()).await?;
    Ok(render(&p)?.into_response())
}

#[derive(Deserialize, Default)]
pub struct InviteForm {
    delivery: Option<String>,
    email: Option<String>,
}

#[derive(Template)]
#[template(path = "portal_invite_created.html")]
struct InviteCreated {
    layout: Layout,
    c: ClientRecord,
    org_name: String,
    code: String,
    /// "Go to <strong>https://…/portal/join</strong>", as HTML.
    go_to: String,
    expires: String,
    reset: bool,
    /// The letter is the client's: worded in their preferred language.
    letter: crate::i18n::Tr,
}

/// Invites a client who has no portal account yet. A client who has one is
/// never re-invited: an invitation that replaced the account's e-mail and
/// password would let anyone on the care team take it over. "Reset portal
/// access" is the responsible clinician's explicit action for that.
pub async fn invite(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Form(f): Form<InviteForm>,
) -> AppResult<Response> {
    // The store refuses a joining code for a client with an account (409).
    let c = client_for_portal(&state, &me, &id).await?;
    issue_code(&state, &me, c, f, InvitePurpose::Join).await
}

/// Reset portal access: a code that gives the client's existing account a new
/// e-mail address and password. Only the responsible clinician may, and the
/// account's current address is told at once.
pub async fn reset(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Form(f): Form<InviteForm>,
) -> AppResult<Response> {
    let c = portal_access::client_for_reset(&state, &me, &id).await?;
    issue_code(&state, &me, c, f, InvitePurpose::Reset).await
}

/// Creates a joining or reset code, printed or e-mailed.
async fn issue_code(
    state: &AppState,
    me: &Identity,
    c: ClientRecord,
    f: InviteForm,
    purpose: InvitePurpose,
) -> AppResult<Response> {
    let reset = purpose == InvitePurpose::Reset;
    let by_email = match f.delivery.as_deref() {
        Some("print") => false,
        Some("email") => true,
        _ => {
            return Err(AppError::Invalid(ValidationErrors::single_key(
                "delivery",
                msg("portal-staff-delivery"),
                vec![],
            )))
        }
    };
    let email = normalise_email(f.email.as_deref().unwrap_or_default());
    if by_email && !looks_like_email(&email) {
        let field = if reset { "reset_email" } else { "email" };
        let errors = FormErrors(ValidationErrors::single_key(field, msg("portal-staff-email-invalid"), vec![]));
        let p = page(state, me, c, None, Some(email), errors, true).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&p)?).into_response());
    }
    let issued = portal_access::issue_code(state, me, &c, by_email.then_some(email.as_str()), purpose).await?;
    if by_email {
        let done = if reset { "portal-reset-emailed" } else { "portal-emailed" };
        return Ok(Redirect::to(&format!("/clients/{}/portal?done={done}", c.id)).into_response());
    }
    let title = crate::i18n::current().ta(
        if reset { msg("portal-invite-page-title-reset") } else { msg("portal-invite-page-title") },
        "client",
        &c.details.display_name,
    );
    let layout = Layout::new(state, me, title, "caseload").await?;
    let default_language = state.organisation().await?.default_language;
    let letter = rapport_app::notices::client_language(c.details.preferred_language.as_deref(), &default_language);
    let page = InviteCreated {
        layout,
        org_name: issued.org_name,
        code: issued.code,
        go_to: go_to(&letter, &portal_access::join_url(state)),
        expires: rapport_app::notices::when(&letter, issued.expires),
        reset,
        letter,
        c,
    };
    Ok(render(&page)?.into_response())
}

pub async fn revoke(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path((id, invite_id)): Path<(String, String)>,
) -> AppResult<Response> {
    let c = portal_access::revoke(&state, &me, &id, &invite_id).await?;
    Ok(Redirect::to(&format!("/clients/{}/portal?done=portal-revoked", c.id)).into_response())
}

#[derive(Deserialize, Default)]
pub struct SharingForm {
    show_chart: Option<String>,
    share_plan: Option<String>,
}

pub async fn sharing(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Form(f): Form<SharingForm>,
) -> AppResult<Response> {
    let s = PortalSharing { chart_hidden: f.show_chart.is_none(), plan_shared: f.share_plan.is_some() };
    let c = portal_access::set_sharing(&state, &me, &id, s).await?;
    Ok(Redirect::to(&format!("/clients/{}/portal?done=portal-sharing", c.id)).into_response())
}

pub async fn disable(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let c = portal_access::disable(&state, &me, &id).await?;
    Ok(Redirect::to(&format!("/clients/{}/portal?done=portal-disabled", c.id)).into_response())
}

/// The invitation's first step: where to go (a path alone when the service's
/// public address is not configured), as HTML.
fn go_to(tr: &crate::i18n::Tr, join_url: &str) -> String {
    let address = if join_url.starts_with('/') {
        tr.ta("portal-invite-relative-address", "path", join_url)
    } else {
        join_url.into()
    };
    crate::i18n::sentence_with_strong(tr, msg("portal-invite-step-go"), "address", &address)
}
