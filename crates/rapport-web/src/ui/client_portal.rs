//! The care team's side of the client portal: invite the client (a printed
//! code or an e-mail), see whether they have an account, choose what the
//! portal shows them, and read what they wrote (diary and reflections).

use super::Layout;

use crate::error::{AppError, AppResult};
use crate::html::diary::DiaryView;
use crate::html::{render, FormErrors};
use crate::identity::SignedIn;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use rand::RngCore;
use rapport_app::access::{client_for, client_for_portal, Purpose};
use rapport_app::caller::{secret_hash, Identity};
use rapport_app::AppState;
use rapport_core::audit::action;
use rapport_core::portal::{invite_code, normalise_code, InvitePurpose, ReflectionTopic, INVITE_DAYS};
use rapport_core::validation::looks_like_email;
use rapport_core::{Id, Timestamp, ValidationErrors};
use rapport_store::clients::ClientRecord;
use rapport_store::outbox::Notice;
use rapport_store::portal::{InviteMail, PortalAccount, PortalInvite, PortalSharing, ReflectionRow};
use rapport_store::users::normalise_email;
use rapport_store::StoreError;
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
    join_url: String,
    expires: String,
    reset: bool,
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
    let c = client_for_portal(&state, &me, &id).await?;
    if c.responsible_clinician_id != me.user.id {
        rapport_app::access::deny(&state, &me, "client", Some(c.id.as_str())).await?;
        return Err(AppError::Forbidden(format!(
            "Only the responsible clinician ({}) can reset this client's portal access.",
            c.responsible_clinician_name
        )));
    }
    if state.store.client_portal_account(&c.id).await?.is_none() {
        return Err(AppError::Conflict("This client has no portal account to reset; invite them instead.".into()));
    }
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
        _ => return Err(AppError::invalid("delivery", "Choose how to give the code: print or e-mail")),
    };
    let email = normalise_email(f.email.as_deref().unwrap_or_default());
    if by_email && !looks_like_email(&email) {
        let field = if reset { "reset_email" } else { "email" };
        let errors =
            FormErrors(ValidationErrors::single(field, "Enter the client's email address, like name@example.org"));
        let p = page(state, me, c, None, Some(email), errors, true).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&p)?).into_response());
    }
    let (code, hash) = new_code();
    let now = Timestamp::now();
    let expires = now.plus(time::Duration::days(INVITE_DAYS));
    let org = state.organisation().await?;
    let mail = by_email.then(|| InviteMail {
        to: email.clone(),
        subject: if reset {
            format!("Your new sign-in code for {}'s client portal", org.name)
        } else {
            format!("Your invitation to {}'s client portal", org.name)
        },
        body: format!(
            "Hello,\n\n{} has {} the client portal of {}. There you can fill in questionnaires before \
             your appointments, keep a diary between sessions and see what you and your clinician agreed.\n\n\
             To {}, open {}?code={} and choose a password. Your code is {} and it works until {}.\n\n\
             If you did not expect this e-mail, you can ignore it.\n",
            me.user.name,
            if reset { "reset your access to" } else { "invited you to" },
            org.name,
            if reset { "set your e-mail address and a new password" } else { "set up your account" },
            join_url(state),
            code,
            code,
            expires.display()
        ),
    });
    let mut notices = Vec::new();
    if reset {
        let account = state.store.client_portal_account(&c.id).await?.ok_or(AppError::NotFound)?;
        notices.push(Notice {
            kind: "security_notice",
            to_user: Some(account.user_id.clone()),
            to_email: Some(account.email.clone()),
            subject: format!("Your {} client portal access is being reset", org.name),
            body: format!(
                "Hello,\n\nOn {} {} issued a code that lets someone set a new e-mail address and password for your \
                 client portal account at {}. When the code is used, this address ({}) will no longer sign in.\n\n\
                 If you asked for this, there is nothing to do. If you did not, contact {} straight away.\n",
                now.display(),
                me.user.name,
                org.name,
                account.email,
                org.name,
            ),
        });
    }
    let act = if reset { action::PORTAL_ACCESS_RESET } else { action::PORTAL_INVITE };
    let mut e = me.event(act, "portal_invite");
    let how = if by_email { "by e-mail" } else { "printed code" };
    e.detail = Some(if reset { format!("{how}; the account's current address was told") } else { how.to_string() });
    match state.store.create_portal_invite(&hash, &c.id, &me.user.id, expires, purpose, mail, &notices, e).await {
        Err(StoreError::Conflict) => {
            return Err(AppError::Conflict(
                "This client already has a portal account. An invitation cannot change it; the responsible \
                 clinician can reset the client's portal access instead."
                    .into(),
            ))
        }
        other => other?,
    };
    if by_email {
        let done = if reset { "portal-reset-emailed" } else { "portal-emailed" };
        return Ok(Redirect::to(&format!("/clients/{}/portal?done={done}", c.id)).into_response());
    }
    let title = if reset { "Portal access reset" } else { "Portal invitation" };
    let layout = Layout::new(state, me, format!("{title} · {}", c.details.display_name), "caseload").await?;
    let page = InviteCreated {
        layout,
        c,
        org_name: org.name,
        code,
        join_url: join_url(state),
        expires: expires.display(),
        reset,
    };
    Ok(render(&page)?.into_response())
}

pub async fn revoke(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path((id, invite_id)): Path<(String, String)>,
) -> AppResult<Response> {
    let c = client_for_portal(&state, &me, &id).await?;
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
    let c = client_for_portal(&state, &me, &id).await?;
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
    let c = client_for_portal(&state, &me, &id).await?;
    let e = me.event(action::PORTAL_ACCOUNT_DISABLE, "user");
    if !state.store.disable_portal_account(&c.id, e).await? {
        return Err(AppError::Conflict("This client has no active portal account.".into()));
    }
    Ok(Redirect::to(&format!("/clients/{}/portal?done=portal-disabled", c.id)).into_response())
}
