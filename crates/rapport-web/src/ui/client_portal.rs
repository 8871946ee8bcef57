//! The care team's side of the client portal: invite the client (a printed
//! code or an e-mail), see whether they have an account, choose what the
//! portal shows them, and read what they wrote (diary and reflections).

use super::{render, FormErrors, Layout};
use crate::access::{client_for, Purpose};
use crate::error::{AppError, AppResult};
use crate::identity::{secret_hash, Identity, SignedIn};
use crate::portal::pages::DiaryView;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use rand::RngCore;
use rapport_core::audit::action;
use rapport_core::portal::{invite_code, normalise_code, ReflectionTopic, INVITE_DAYS};
use rapport_core::validation::looks_like_email;
use rapport_core::{Id, Timestamp, ValidationErrors};
use rapport_store::clients::ClientRecord;
use rapport_store::portal::{InviteMail, PortalAccount, PortalInvite, PortalSharing, ReflectionRow};
use rapport_store::users::normalise_email;
use serde::Deserialize;

/// The client's portal reflections on one topic, newest first, for the page
/// where the care team works on it (the read is audited when there are any).
pub async fn reflections_on(
    state: &AppState,
    me: &Identity,
    client: &Id,
    topic: ReflectionTopic,
) -> AppResult<Vec<ReflectionRow>> {
    let found: Vec<ReflectionRow> =
        state.store.reflections(client).await?.into_iter().filter(|r| r.topic == topic).collect();
    if !found.is_empty() {
        let mut e = me.event(action::REFLECTION_READ, "client");
        e.resource_id = Some(client.to_string());
        e.client_id = Some(client.to_string());
        e.detail = Some(format!("{} {} reflections", found.len(), topic.as_str()));
        state.store.audit(e).await?;
    }
    Ok(found)
}

pub fn routes(r: crate::routes::Routes) -> crate::routes::Routes {
    r.get("/clients/{id}/portal", show)
        .post("/clients/{id}/portal/invite", invite)
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
) -> AppResult<PortalPage> {
    let now = Timestamp::now();
    let invites = state
        .store
        .client_portal_invites(&c.id)
        .await?
        .into_iter()
        .map(|invite| InviteRow { status: invite.status(now).as_str(), invite })
        .collect();
    let today = now.date();
    let diary: Vec<DiaryView> = state
        .store
        .diary_entries(&c.id, Some(today - time::Duration::days(61)), None, 200)
        .await?
        .iter()
        .map(DiaryView::from)
        .collect();
    let reflections = state.store.reflections(&c.id).await?;
    for (act, n, what) in [
        (action::DIARY_READ, diary.len(), "diary entries"),
        (action::REFLECTION_READ, reflections.len(), "reflections"),
    ] {
        let mut e = me.event(act, "client");
        e.resource_id = Some(c.id.to_string());
        e.client_id = Some(c.id.to_string());
        e.detail = Some(format!("{n} {what} on the portal page"));
        state.store.audit(e).await?;
    }
    let layout =
        Layout::new(state, me, format!("Portal · {}", c.details.display_name), "caseload").await?.with_done(done);
    Ok(PortalPage {
        layout,
        account: state.store.client_portal_account(&c.id).await?,
        invites,
        sharing: state.store.portal_sharing(&c.id).await?,
        safety_plan: state.store.latest_safety_plan(&c.id).await?.map(|p| (p.version, p.plan.shared_with_client)),
        diary,
        reflections,
        email: email.or_else(|| c.details.email.clone()).unwrap_or_default(),
        errors,
        tab: "portal",
        c,
    })
}

pub async fn show(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Query(q): Query<DoneParam>,
) -> AppResult<Response> {
    let (c, _) = client_for(&state, &me, &id, Purpose::Read).await?;
    Ok(render(&page(&state, &me, c, q.done.as_deref(), None, FormErrors::default()).await?)?.into_response())
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
    join_url: String,
    expires: String,
}

fn join_url(state: &AppState) -> String {
    let base = state.config.public_url.as_deref().unwrap_or_default().trim_end_matches('/');
    format!("{base}/portal/join")
}

/// A fresh code: 60 bits from the OS CSPRNG, shown or sent once, stored as SHA-256 of its canonical form.
fn new_code() -> (String, String) {
    let code = invite_code(rand::rngs::OsRng.next_u64());
    let hash = secret_hash(&normalise_code(&code).expect("generated codes are canonical"));
    (code, hash)
}

pub async fn invite(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Form(f): Form<InviteForm>,
) -> AppResult<Response> {
    let (c, _) = client_for(&state, &me, &id, Purpose::Write).await?;
    let by_email = match f.delivery.as_deref() {
        Some("print") => false,
        Some("email") => true,
        _ => return Err(AppError::invalid("delivery", "Choose how to give the invitation: print or e-mail")),
    };
    let email = normalise_email(f.email.as_deref().unwrap_or_default());
    if by_email && !looks_like_email(&email) {
        let errors =
            FormErrors(ValidationErrors::single("email", "Enter the client's email address, like name@example.org"));
        let p = page(&state, &me, c, None, Some(email), errors).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&p)?).into_response());
    }
    let (code, hash) = new_code();
    let expires = Timestamp::now().plus(time::Duration::days(INVITE_DAYS));
    let org = state.organisation().await?;
    let mail = by_email.then(|| InviteMail {
        to: email.clone(),
        subject: format!("Your invitation to {}'s client portal", org.name),
        body: format!(
            "Hello,\n\n{} has invited you to the client portal of {}. There you can fill in questionnaires before \
             your appointments, keep a diary between sessions and see what you and your clinician agreed.\n\n\
             To set up your account, open {}?code={} and choose a password. Your code is {} and it works until {}.\n\n\
             If you did not expect this e-mail, you can ignore it.\n",
            me.user.name,
            org.name,
            join_url(&state),
            code,
            code,
            expires.display()
        ),
    });
    let mut e = me.event(action::PORTAL_INVITE, "portal_invite");
    e.detail = Some(if by_email { "by e-mail".into() } else { "printed code".into() });
    state.store.create_portal_invite(&hash, &c.id, &me.user.id, expires, mail, e).await?;
    if by_email {
        return Ok(Redirect::to(&format!("/clients/{}/portal?done=portal-emailed", c.id)).into_response());
    }
    let layout =
        Layout::new(&state, &me, format!("Portal invitation · {}", c.details.display_name), "caseload").await?;
    let page =
        InviteCreated { layout, c, org_name: org.name, code, join_url: join_url(&state), expires: expires.display() };
    Ok(render(&page)?.into_response())
}

pub async fn revoke(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path((id, invite_id)): Path<(String, String)>,
) -> AppResult<Response> {
    let (c, _) = client_for(&state, &me, &id, Purpose::Write).await?;
    let invite = Id::parse(&invite_id).ok_or(AppError::NotFound)?;
    let e = me.event(action::PORTAL_INVITE_REVOKE, "portal_invite");
    if !state.store.revoke_portal_invite(&c.id, &invite, e).await? {
        return Err(AppError::Conflict(
            "This invitation is no longer open: it was used, expired or already withdrawn.".into(),
        ));
    }
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
    let (c, _) = client_for(&state, &me, &id, Purpose::Write).await?;
    let s = PortalSharing { chart_hidden: f.show_chart.is_none(), plan_shared: f.share_plan.is_some() };
    let mut e = me.event(action::PORTAL_SETTINGS, "client");
    e.detail = Some(format!(
        "chart {}; formulation and goals {}",
        if s.chart_hidden { "hidden" } else { "shown" },
        if s.plan_shared { "shared" } else { "not shared" }
    ));
    state.store.set_portal_sharing(&c.id, s, e).await?;
    Ok(Redirect::to(&format!("/clients/{}/portal?done=portal-sharing", c.id)).into_response())
}

pub async fn disable(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let (c, _) = client_for(&state, &me, &id, Purpose::Write).await?;
    let e = me.event(action::PORTAL_ACCOUNT_DISABLE, "user");
    if !state.store.disable_portal_account(&c.id, e).await? {
        return Err(AppError::Conflict("This client has no active portal account.".into()));
    }
    Ok(Redirect::to(&format!("/clients/{}/portal?done=portal-disabled", c.id)).into_response())
}
