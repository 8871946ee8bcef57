//! Administration: accounts, supervision, the audit log, break-glass reviews
//! and organisation settings. Administrators see no clinical content here.

use super::Layout;

use crate::error::{AppError, AppResult};
use crate::html::{non_blank, render, FormErrors};
use crate::identity::SignedIn;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Form;
use rapport_app::access::require_admin;
use rapport_app::AppState;
use rapport_core::access::Role;
use rapport_core::audit::{action, AuditEntry};
use rapport_core::validation::looks_like_email;
use rapport_core::{password, Id, Timestamp, ValidationErrors};
use rapport_store::clients::BreakGlassRow;
use rapport_store::org::Organisation;
use rapport_store::users::{normalise_email, NewUser, User};
use rapport_store::AuditFilter;
use serde::Deserialize;

#[derive(Deserialize, Default)]
pub struct DoneParam {
    done: Option<String>,
}

// ---- users ------------------------------------------------------------------

#[derive(Template)]
#[template(path = "admin_users.html")]
struct UsersPage {
    layout: Layout,
    users: Vec<User>,
    /// The signed-in administrator, who cannot deactivate themself.
    me_id: Id,
}

pub async fn users(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Query(q): Query<DoneParam>,
) -> AppResult<Html<String>> {
    require_admin(&state, &me, "users").await?;
    let users = state.store.users().await?;
    let layout = Layout::new(&state, &me, "Users", "admin-users").await?.with_done(q.done.as_deref());
    render(&UsersPage { layout, users, me_id: me.user.id.clone() })
}

#[derive(Deserialize, Default, Clone)]
pub struct UserForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    role: String,
    practises: Option<String>,
    #[serde(default)]
    password: String,
    #[serde(default)]
    supervisees: Vec<String>,
}

#[derive(Template)]
#[template(path = "admin_user_form.html")]
struct UserFormPage {
    layout: Layout,
    /// `None` when creating.
    user: Option<User>,
    form: UserForm,
    errors: FormErrors,
    clinicians: Vec<User>,
    supervisees: Vec<String>,
    is_self: bool,
}

impl UserFormPage {
    fn supervises(&self, id: &Id) -> bool {
        self.supervisees.iter().any(|s| s == id.as_str())
    }
}

async fn clinicians(state: &AppState) -> AppResult<Vec<User>> {
    Ok(state.store.users().await?.into_iter().filter(|u| u.role == Role::Clinician && u.active).collect())
}

pub async fn new_user_form(State(state): State<AppState>, SignedIn(me): SignedIn) -> AppResult<Html<String>> {
    require_admin(&state, &me, "users").await?;
    let layout = Layout::new(&state, &me, "New user", "admin-users").await?;
    let form = UserForm { role: "clinician".into(), ..Default::default() };
    render(&UserFormPage {
        layout,
        user: None,
        form,
        errors: FormErrors::default(),
        clinicians: clinicians(&state).await?,
        supervisees: vec![],
        is_self: false,
    })
}

fn parse_role(errors: &mut ValidationErrors, role: &str) -> Role {
    match role.parse::<Role>() {
        Ok(r) if Role::STAFF.contains(&r) => r,
        _ => {
            errors.add("role", "Choose a role: administrator, supervisor or clinician");
            Role::Clinician
        }
    }
}

fn supervisee_ids(errors: &mut ValidationErrors, ids: &[String], allowed: &[User]) -> Vec<Id> {
    let mut out = Vec::new();
    for s in ids {
        match Id::parse(s).filter(|id| allowed.iter().any(|u| &u.id == id)) {
            Some(id) => out.push(id),
            None => errors.add("supervisees", "Choose supervisees from the list of active clinicians"),
        }
    }
    out
}

pub async fn create_user(State(state): State<AppState>, SignedIn(me): SignedIn, form: RawForm) -> AppResult<Response> {
    require_admin(&state, &me, "users").await?;
    let form = form.0;
    let mut errors = ValidationErrors::new();
    let email = normalise_email(&form.email);
    if !looks_like_email(&email) {
        errors.add("email", "Enter an email address like name@example.org");
    }
    let name = form.name.trim().to_string();
    if name.is_empty() {
        errors.add("name", "Enter a name");
    } else if name.chars().count() > 120 {
        errors.add("name", "The name must be at most 120 characters");
    }
    let role = parse_role(&mut errors, &form.role);
    if let Err(p) = password::check(&form.password, &email) {
        errors.add("password", p.message());
    }
    let all_clinicians = clinicians(&state).await?;
    let sup = supervisee_ids(&mut errors, &form.supervisees, &all_clinicians);
    if errors.is_empty() && state.store.user_by_email(&email).await?.is_some() {
        errors.add("email", "An account with this email address already exists");
    }
    if !errors.is_empty() {
        let layout = Layout::new(&state, &me, "New user", "admin-users").await?;
        let supervisees = form.supervisees.clone();
        let page = UserFormPage {
            layout,
            user: None,
            form,
            errors: FormErrors(errors),
            clinicians: all_clinicians,
            supervisees,
            is_self: false,
        };
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
    }
    let hash = state.hasher.hash(&form.password).await;
    let mut e = me.event(action::USER_CREATE, "user");
    e.detail = Some(format!("{email} as {role}"));
    let practises = form.practises.is_some() && role == Role::Admin;
    let user = state.store.create_user(NewUser { email, name, role, practises, password_hash: hash }, e).await?;
    if role == Role::Supervisor && !sup.is_empty() {
        let mut e = me.event(action::USER_UPDATE, "supervision");
        e.resource_id = Some(user.id.to_string());
        e.detail = Some(format!("supervises {} clinicians", sup.len()));
        let staff = state.store.users().await?;
        let notices = supervision_notices(&me.user, &user, &[], &sup, &staff, Timestamp::now());
        state.store.set_supervisees(&user.id, &sup, e, &notices).await?;
    }
    Ok(Redirect::to("/admin/users?done=user-created").into_response())
}

/// A form extractor that accepts repeated keys (checkbox lists).
pub struct RawForm(pub UserForm);

impl<S: Send + Sync> axum::extract::FromRequest<S> for RawForm {
    type Rejection = AppError;
    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = axum::body::Bytes::from_request(req, state)
            .await
            .map_err(|_| AppError::PayloadTooLarge("The form is too large.".into()))?;
        let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(&bytes).map_err(|e| AppError::BadRequest {
            code: "bad_form",
            message: format!("Unreadable form: {e}"),
            field: None,
        })?;
        let mut f = UserForm::default();
        for (k, v) in pairs {
            match k.as_str() {
                "email" => f.email = v,
                "name" => f.name = v,
                "role" => f.role = v,
                "practises" => f.practises = Some(v),
                "password" => f.password = v,
                "supervisees" => f.supervisees.push(v),
                _ => {}
            }
        }
        Ok(RawForm(f))
    }
}

/// The account an administrator acts on, and the audit event naming it.
async fn user_action(
    state: &AppState,
    me: &rapport_app::caller::Identity,
    id: &str,
    act: &str,
    resource_type: &str,
) -> AppResult<(User, rapport_core::audit::AuditEvent)> {
    require_admin(state, me, "users").await?;
    let user = target_user(state, id).await?;
    let mut e = me.event(act, resource_type);
    e.resource_id = Some(user.id.to_string());
    Ok((user, e))
}

async fn target_user(state: &AppState, id: &str) -> AppResult<User> {
    let id = Id::parse(id).ok_or(AppError::NotFound)?;
    // Client portal accounts are not staff: they are managed from the client's record.
    state.store.user(&id).await?.filter(|u| u.role != Role::Client).ok_or(AppError::NotFound)
}

pub async fn edit_user_form(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Html<String>> {
    require_admin(&state, &me, "users").await?;
    let user = target_user(&state, &id).await?;
    let supervisees = state.store.supervisees(&user.id).await?.into_iter().map(|i| i.to_string()).collect();
    let form = UserForm {
        email: user.email.clone(),
        name: user.name.clone(),
        role: user.role.as_str().into(),
        practises: user.practises.then(|| "yes".into()),
        ..Default::default()
    };
    let layout = Layout::new(&state, &me, format!("Edit {}", user.name), "admin-users").await?;
    let is_self = user.id == me.user.id;
    render(&UserFormPage {
        layout,
        user: Some(user),
        form,
        errors: FormErrors::default(),
        clinicians: clinicians(&state).await?,
        supervisees,
        is_self,
    })
}

/// The notices of a change of whom `person` supervises (from `before` to
/// `after`): to the person, to each clinician gained or lost, and to the
/// other administrators. Empty when nothing changes.
fn supervision_notices(
    me: &User,
    person: &User,
    before: &[Id],
    after: &[Id],
    staff: &[User],
    at: Timestamp,
) -> Vec<rapport_store::outbox::Notice> {
    use rapport_app::notices::{account_change, Change, ChangedBy};
    let by = ChangedBy::Admin(me);
    let added: Vec<&Id> = after.iter().filter(|c| !before.contains(c)).collect();
    let removed: Vec<&Id> = before.iter().filter(|c| !after.contains(c)).collect();
    if added.is_empty() && removed.is_empty() {
        return Vec::new();
    }
    let find = |id: &Id| staff.iter().find(|u| &u.id == id);
    let names: Vec<String> = after.iter().filter_map(&find).map(|u| u.name.clone()).collect();
    let mut out = account_change(&by, person, &Change::supervision(person, &names), staff, at);
    for (ids, gained) in [(added, true), (removed, false)] {
        for c in ids.into_iter().filter_map(&find) {
            // The clinician hears of it; the administrators were told above.
            let mut n = account_change(&by, c, &Change::supervisor_of(c, person, gained), &[], at);
            out.append(&mut n);
        }
    }
    out
}

fn same_people(a: &[Id], b: &[Id]) -> bool {
    a.len() == b.len() && a.iter().all(|x| b.contains(x))
}

async fn active_admins(state: &AppState) -> AppResult<usize> {
    Ok(state.store.users().await?.iter().filter(|u| u.active && u.role == Role::Admin).count())
}

pub async fn update_user(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    form: RawForm,
) -> AppResult<Response> {
    require_admin(&state, &me, "users").await?;
    let user = target_user(&state, &id).await?;
    let form = form.0;
    let mut errors = ValidationErrors::new();
    let name = form.name.trim().to_string();
    if name.is_empty() {
        errors.add("name", "Enter a name");
    } else if name.chars().count() > 120 {
        errors.add("name", "The name must be at most 120 characters");
    }
    let role = parse_role(&mut errors, &form.role);
    if user.role == Role::Admin && role != Role::Admin && user.active && active_admins(&state).await? <= 1 {
        errors.add("role", "This is the only active administrator; make someone else an administrator first");
    }
    if !form.password.is_empty() {
        if let Err(p) = password::check(&form.password, &user.email) {
            errors.add("password", p.message());
        }
    }
    let all_clinicians = clinicians(&state).await?;
    let sup = supervisee_ids(&mut errors, &form.supervisees, &all_clinicians);
    let practises = form.practises.is_some() && role == Role::Admin;
    let current_sup = state.store.supervisees(&user.id).await?;
    let is_self = user.id == me.user.id;
    // An administrator cannot raise or lower their own access: another one must.
    let mut own_access = false;
    if is_self && (role != user.role || practises != user.practises) {
        errors.add("role", "You cannot change your own role or caseload; ask another administrator");
        own_access = true;
    }
    if is_self && !same_people(&sup, &current_sup) {
        errors.add("supervisees", "You cannot change your own supervision; ask another administrator");
        own_access = true;
    }
    if own_access {
        rapport_app::access::deny(&state, &me, "user", Some(user.id.as_str())).await?;
    }
    if !errors.is_empty() {
        let layout = Layout::new(&state, &me, format!("Edit {}", user.name), "admin-users").await?;
        let supervisees = form.supervisees.clone();
        let status = if own_access { StatusCode::FORBIDDEN } else { StatusCode::UNPROCESSABLE_ENTITY };
        let page = UserFormPage {
            layout,
            user: Some(user),
            form,
            errors: FormErrors(errors),
            clinicians: all_clinicians,
            supervisees,
            is_self,
        };
        return Ok((status, render(&page)?).into_response());
    }
    use rapport_app::notices::{account_change, Change, ChangedBy};
    let staff = state.store.users().await?;
    let now = Timestamp::now();
    let notices = if role != user.role || practises != user.practises {
        account_change(&ChangedBy::Admin(&me.user), &user, &Change::role(&user, role, practises), &staff, now)
    } else {
        Vec::new()
    };
    let mut e = me.event(action::USER_UPDATE, "user");
    e.resource_id = Some(user.id.to_string());
    e.detail = Some(format!("role {role}, practises {practises}"));
    state.store.update_user(&user.id, &name, role, practises, e, &notices).await?;
    let mut e = me.event(action::USER_UPDATE, "supervision");
    e.resource_id = Some(user.id.to_string());
    let sup = if role == Role::Supervisor { sup } else { Vec::new() };
    e.detail = Some(format!("supervises {} clinicians", sup.len()));
    let notices = supervision_notices(&me.user, &user, &current_sup, &sup, &staff, now);
    state.store.set_supervisees(&user.id, &sup, e, &notices).await?;
    if !form.password.is_empty() {
        let hash = state.hasher.hash(&form.password).await;
        let mut e = me.event(action::PASSWORD_CHANGE, "user");
        e.resource_id = Some(user.id.to_string());
        e.detail = Some("set by an administrator; all the user's sessions ended".into());
        let notices =
            account_change(&ChangedBy::Admin(&me.user), &user, &Change::password(&user), &staff, Timestamp::now());
        state.store.set_password(&user.id, &hash, None, e, &notices).await?;
    }
    Ok(Redirect::to("/admin/users?done=user-saved").into_response())
}

pub async fn deactivate_user(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let (user, e) = user_action(&state, &me, &id, action::USER_DEACTIVATE, "user").await?;
    if user.id == me.user.id {
        return Err(AppError::Conflict("You cannot deactivate your own account.".into()));
    }
    if user.role == Role::Admin && user.active && active_admins(&state).await? <= 1 {
        return Err(AppError::Conflict("This is the only active administrator.".into()));
    }
    // Nobody may be left without a responsible clinician who can see their flags.
    let clients = state.store.open_responsibilities(&user.id).await?;
    if !clients.is_empty() {
        return reassign_page(&state, &me, user, clients, ReassignForm::default(), ValidationErrors::new(), true).await;
    }
    match state.store.set_user_active(&user.id, false, e).await {
        Err(rapport_store::StoreError::Invalid(m)) if m == rapport_store::users::STILL_RESPONSIBLE => {
            // A course or flag appeared since the check above.
            let clients = state.store.open_responsibilities(&user.id).await?;
            reassign_page(&state, &me, user, clients, ReassignForm::default(), ValidationErrors::new(), true).await
        }
        other => {
            other?;
            Ok(Redirect::to("/admin/users?done=user-deactivated").into_response())
        }
    }
}

// ---- handing a departing clinician's clients over ----------------------------------

#[derive(Template)]
#[template(path = "admin_reassign.html")]
struct ReassignPage {
    layout: Layout,
    user: User,
    clients: Vec<rapport_store::users::Responsibility>,
    /// Who may take clients over (active caseload holders other than `user`).
    holders: Vec<User>,
    form: ReassignForm,
    errors: FormErrors,
    /// Shown because deactivation was refused.
    refused: bool,
}

impl ReassignPage {
    /// The choice for one client as posted ("" when none).
    fn chosen(&self, client: &Id) -> String {
        self.form.each.iter().find(|(c, _)| c == client.as_str()).map(|(_, u)| u.clone()).unwrap_or_default()
    }
}

/// `to_all` (one person for every client) or `to_<client id>` per client, and
/// `deactivate` to deactivate the account once nobody is left.
#[derive(Default, Clone)]
pub struct ReassignForm {
    to_all: String,
    each: Vec<(String, String)>,
    deactivate: bool,
}

impl ReassignForm {
    fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        let mut f = ReassignForm::default();
        for (k, v) in pairs {
            match k.as_str() {
                "to_all" => f.to_all = v.trim().to_string(),
                "deactivate" => f.deactivate = !v.trim().is_empty(),
                _ => {
                    if let Some(c) = k.strip_prefix("to_") {
                        f.each.push((c.to_string(), v.trim().to_string()));
                    }
                }
            }
        }
        f
    }
}

async fn reassign_page(
    state: &AppState,
    me: &rapport_app::caller::Identity,
    user: User,
    clients: Vec<rapport_store::users::Responsibility>,
    form: ReassignForm,
    errors: ValidationErrors,
    refused: bool,
) -> AppResult<Response> {
    let holders = caseload_holders(state).await?.into_iter().filter(|u| u.id != user.id).collect();
    let layout = Layout::new(state, me, format!("Hand over {}'s clients", user.name), "admin-users").await?;
    let status = if refused {
        StatusCode::CONFLICT
    } else if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = ReassignPage { layout, user, clients, holders, form, errors: FormErrors(errors), refused };
    Ok((status, render(&page)?).into_response())
}

pub async fn reassign_form(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    require_admin(&state, &me, "users").await?;
    let user = target_user(&state, &id).await?;
    let clients = state.store.open_responsibilities(&user.id).await?;
    reassign_page(&state, &me, user, clients, ReassignForm::default(), ValidationErrors::new(), false).await
}

/// Hands the listed clients to new responsible clinicians (all or nothing),
/// then deactivates the account when asked and nobody is left.
pub async fn reassign(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    require_admin(&state, &me, "users").await?;
    let user = target_user(&state, &id).await?;
    let form = ReassignForm::from_pairs(pairs);
    let clients = state.store.open_responsibilities(&user.id).await?;
    let holders: Vec<User> = caseload_holders(&state).await?.into_iter().filter(|u| u.id != user.id).collect();
    let mut errors = ValidationErrors::new();
    let pick = |errors: &mut ValidationErrors, field: &str, raw: &str| -> Option<Id> {
        match Id::parse(raw).filter(|id| holders.iter().any(|u| &u.id == id)) {
            Some(id) => Some(id),
            None => {
                errors.add(field, "Choose an active clinician who holds a caseload");
                None
            }
        }
    };
    let all = if form.to_all.is_empty() { None } else { pick(&mut errors, "to_all", &form.to_all) };
    for (c, _) in &form.each {
        if !clients.iter().any(|r| r.client_id.as_str() == c) {
            errors.add(&format!("to_{c}"), "This client is not one of theirs with open work");
        }
    }
    let mut moves = Vec::new();
    for r in &clients {
        let field = format!("to_{}", r.client_id);
        let each = form.each.iter().find(|(c, _)| c == r.client_id.as_str()).map(|(_, u)| u.as_str()).unwrap_or("");
        let to = if !each.is_empty() { pick(&mut errors, &field, each) } else { all.clone() };
        if let Some(to) = to {
            moves.push((r.client_id.clone(), to));
        }
    }
    if moves.is_empty() && errors.is_empty() && !clients.is_empty() {
        errors.add("to_all", "Choose who takes over: one person for all, or one for each client");
    }
    if !errors.is_empty() {
        return reassign_page(&state, &me, user, clients, form, errors, false).await;
    }
    let mut e = me.event(action::CARE_TEAM_REASSIGN, "client");
    e.detail = Some(format!("from {}", user.email));
    match state.store.reassign_responsible(&user.id, &moves, e).await {
        Ok(()) => {}
        Err(rapport_store::StoreError::Invalid(m)) => {
            let clients = state.store.open_responsibilities(&user.id).await?;
            return reassign_page(&state, &me, user, clients, form, ValidationErrors::single("to_all", m), false).await;
        }
        Err(other) => return Err(other.into()),
    }
    let left = state.store.open_responsibilities(&user.id).await?;
    if form.deactivate && left.is_empty() && user.active {
        if user.id == me.user.id {
            return Err(AppError::Conflict("You cannot deactivate your own account.".into()));
        }
        let mut e = me.event(action::USER_DEACTIVATE, "user");
        e.resource_id = Some(user.id.to_string());
        e.detail = Some(format!("after handing over {} clients", moves.len()));
        state.store.set_user_active(&user.id, false, e).await?;
        return Ok(Redirect::to("/admin/users?done=user-deactivated").into_response());
    }
    if !left.is_empty() {
        let form = ReassignForm { deactivate: form.deactivate, ..Default::default() };
        return reassign_page(&state, &me, user, left, form, ValidationErrors::new(), false).await;
    }
    Ok(Redirect::to("/admin/users?done=clients-reassigned").into_response())
}

pub async fn reactivate_user(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let (user, e) = user_action(&state, &me, &id, action::USER_REACTIVATE, "user").await?;
    state.store.set_user_active(&user.id, true, e).await?;
    Ok(Redirect::to("/admin/users?done=user-reactivated").into_response())
}

pub async fn end_user_sessions(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let (user, mut e) = user_action(&state, &me, &id, action::SESSION_END, "session").await?;
    e.detail = Some(format!("all sessions of {} ended by an administrator", user.email));
    state.store.end_all_sessions(&user.id, e).await?;
    Ok(Redirect::to("/admin/users?done=user-sessions-ended").into_response())
}

/// For a lost phone: turns the person's two-step verification off so they can set it up again.
pub async fn reset_user_mfa(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let (user, mut e) = user_action(&state, &me, &id, action::MFA_RESET, "user").await?;
    e.detail = Some(format!("two-step verification of {} reset by an administrator", user.email));
    state.store.disable_totp(&user.id, e).await?;
    Ok(Redirect::to("/admin/users?done=mfa-reset").into_response())
}

// ---- audit log ----------------------------------------------------------------

#[derive(Deserialize, Default, Clone)]
pub struct AuditParams {
    #[serde(default)]
    pub client_id: String,
    #[serde(default)]
    pub actor_id: String,
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub outcome: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub before: String,
}

impl AuditParams {
    /// Builds the store filter; bad dates are reported, not ignored.
    pub fn filter(&self, limit: i64) -> Result<AuditFilter, AppError> {
        let date = |field: &str, s: &str| -> Result<Option<Timestamp>, AppError> {
            if s.trim().is_empty() {
                return Ok(None);
            }
            rapport_core::time::parse_date(s.trim())
                .map(|d| Some(Timestamp::from_datetime(d.midnight().assume_utc())))
                .ok_or_else(|| AppError::invalid(field, format!("{field} must be a date written YYYY-MM-DD")))
        };
        let opt = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        let before = match self.before.trim() {
            "" => None,
            s => Some(s.parse::<i64>().map_err(|_| AppError::invalid("before", "before must be an entry number"))?),
        };
        Ok(AuditFilter {
            client_id: opt(&self.client_id),
            actor_id: opt(&self.actor_id),
            action: opt(&self.action),
            outcome: opt(&self.outcome),
            from: date("from", &self.from)?,
            until: date("to", &self.to)?.map(|t| t.plus(time::Duration::days(1))),
            before_seq: before,
            limit,
        })
    }

    fn query_with_before(&self, before: i64) -> String {
        let mut p = self.clone();
        p.before = before.to_string();
        serde_urlencoded::to_string([
            ("client_id", &p.client_id),
            ("actor_id", &p.actor_id),
            ("action", &p.action),
            ("outcome", &p.outcome),
            ("from", &p.from),
            ("to", &p.to),
            ("before", &p.before),
        ])
        .unwrap_or_default()
    }

    fn csv_query(&self) -> String {
        serde_urlencoded::to_string([
            ("client_id", &self.client_id),
            ("actor_id", &self.actor_id),
            ("action", &self.action),
            ("outcome", &self.outcome),
            ("from", &self.from),
            ("to", &self.to),
        ])
        .unwrap_or_default()
    }
}

#[derive(Template)]
#[template(path = "admin_audit.html")]
struct AuditPage {
    layout: Layout,
    p: AuditParams,
    entries: Vec<AuditEntry>,
    users: Vec<User>,
    actions: &'static [&'static str],
    next: Option<String>,
    csv: String,
}

const AUDIT_PAGE: i64 = 100;

pub async fn audit(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Query(p): Query<AuditParams>,
) -> AppResult<Response> {
    require_admin(&state, &me, "audit").await?;
    let (entries, layout_error) = match p.filter(AUDIT_PAGE + 1) {
        Ok(f) => (state.store.audit_entries(&f).await?, None),
        Err(e) => (Vec::new(), Some(e.message())),
    };
    let mut entries = entries;
    let next = (entries.len() as i64 > AUDIT_PAGE).then(|| {
        entries.truncate(AUDIT_PAGE as usize);
        p.query_with_before(entries.last().map(|e| e.seq).unwrap_or(0))
    });
    let mut layout = Layout::new(&state, &me, "Audit log", "admin-audit").await?;
    if let Some(m) = layout_error {
        layout = layout.with_error(m);
    }
    let csv = p.csv_query();
    let users = state.store.users().await?;
    Ok(render(&AuditPage { layout, p, entries, users, actions: action::ALL, next, csv })?.into_response())
}

/// The filtered log as CSV (up to 100,000 entries, newest first).
pub async fn audit_csv(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Query(p): Query<AuditParams>,
) -> AppResult<Response> {
    require_admin(&state, &me, "audit").await?;
    let entries = state.store.audit_entries(&p.filter(100_000)?).await?;
    let mut e = me.event(action::AUDIT_EXPORT, "audit_log");
    e.detail = Some(format!("{} entries", entries.len()));
    state.store.audit(e).await?;
    let mut response = (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"rapport-audit.csv\""),
        ],
        audit_csv_text(&entries).map_err(AppError::internal)?,
    )
        .into_response();
    // The head after this export, signed: kept with the file, it anchors the
    // chain's tail like a line of the checkpoints file (docs/operations.md).
    if let Some(key) = &state.config.audit_checkpoint_key {
        let c = state.store.audit_checkpoint(key).await?;
        let value = header::HeaderValue::from_str(&c.to_json()).map_err(AppError::internal)?;
        response.headers_mut().insert(AUDIT_CHECKPOINT_HEADER, value);
    }
    Ok(response)
}

/// Response header of the audit CSV export: a signed checkpoint (one JSON line).
pub const AUDIT_CHECKPOINT_HEADER: &str = "x-rapport-audit-checkpoint";

pub fn audit_csv_text(entries: &[AuditEntry]) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "seq",
        "time_utc",
        "actor_id",
        "actor",
        "action",
        "resource_type",
        "resource_id",
        "client_id",
        "ip",
        "user_agent",
        "outcome",
        "detail",
        "prev_hash",
        "hash",
    ])?;
    for e in entries {
        let v = &e.event;
        let o = |s: &Option<String>| s.clone().unwrap_or_default();
        // Cells starting with = + - @ are prefixed so spreadsheets never run them as formulas.
        let safe = |s: String| if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s };
        w.write_record([
            e.seq.to_string(),
            e.at.to_db(),
            o(&v.actor_id),
            safe(v.actor_label.clone()),
            v.action.clone(),
            v.resource_type.clone(),
            o(&v.resource_id),
            o(&v.client_id),
            o(&v.ip),
            safe(o(&v.user_agent)),
            v.outcome.clone(),
            safe(o(&v.detail)),
            e.prev_hash.clone(),
            e.hash.clone(),
        ])?;
    }
    String::from_utf8(w.into_inner().map_err(|e| e.into_error())?)
        .map_err(|e| csv::Error::from(std::io::Error::other(e)))
}

// ---- break-glass reviews ------------------------------------------------------

#[derive(Template)]
#[template(path = "admin_break_glass.html")]
struct BreakGlassPage {
    layout: Layout,
    rows: Vec<BreakGlassRow>,
}

pub async fn break_glass(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Query(q): Query<DoneParam>,
) -> AppResult<Html<String>> {
    require_admin(&state, &me, "break_glass").await?;
    let rows = state.store.break_glass_log(200).await?;
    // The list names clients: record that an administrator saw it.
    let mut e = me.event(action::CLIENT_LIST, "break_glass");
    e.detail = Some(format!("access review list shown ({} emergency access records)", rows.len()));
    state.store.audit(e).await?;
    let layout = Layout::new(&state, &me, "Access reviews", "admin-break-glass").await?.with_done(q.done.as_deref());
    render(&BreakGlassPage { layout, rows })
}

#[derive(Deserialize, Default)]
pub struct ReviewForm {
    note: Option<String>,
}

pub async fn review_break_glass(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Form(f): Form<ReviewForm>,
) -> AppResult<Response> {
    require_admin(&state, &me, "break_glass").await?;
    let id = Id::parse(&id).ok_or(AppError::NotFound)?;
    let note = non_blank(&f.note).unwrap_or_else(|| "Reviewed".into());
    if note.chars().count() > 1000 {
        return Err(AppError::invalid("note", "The review note must be at most 1000 characters"));
    }
    let mut e = me.event(action::BREAK_GLASS_REVIEW, "break_glass");
    e.resource_id = Some(id.to_string());
    e.detail = Some(note.clone());
    state.store.review_break_glass(&id, &me.user.id, &note, e).await?;
    Ok(Redirect::to("/admin/break-glass?done=reviewed").into_response())
}

// ---- settings -------------------------------------------------------------------

#[derive(Template)]
#[template(path = "admin_settings.html")]
struct SettingsPage {
    layout: Layout,
    /// What clients see while no crisis lines are set.
    generic_line: &'static str,
    /// How notifications are e-mailed ("" when no SMTP server is configured).
    smtp: String,
    /// As typed (so a rejected value is shown back, not replaced).
    org: SettingsValues,
    errors: FormErrors,
    /// Who may be the duty clinician: active accounts holding a caseload.
    duty_choices: Vec<User>,
}

struct SettingsValues {
    require_mfa: bool,
    name: String,
    idle_timeout_minutes: String,
    absolute_lifetime_hours: String,
    break_glass_hours: String,
    crisis_resources: String,
    country: String,
    risk_acknowledgement_hours: String,
    risk_assessment_hours: String,
    /// A user id, or "" for none.
    duty_clinician_id: String,
}

impl From<&Organisation> for SettingsValues {
    fn from(o: &Organisation) -> Self {
        SettingsValues {
            require_mfa: o.require_mfa,
            name: o.name.clone(),
            idle_timeout_minutes: o.idle_timeout_minutes.to_string(),
            absolute_lifetime_hours: o.absolute_lifetime_hours.to_string(),
            break_glass_hours: o.break_glass_hours.to_string(),
            crisis_resources: o.crisis_resources.clone(),
            country: o.country.clone(),
            risk_acknowledgement_hours: o.risk_acknowledgement_hours.to_string(),
            risk_assessment_hours: o.risk_assessment_hours.to_string(),
            duty_clinician_id: o.duty_clinician_id.as_ref().map(|d| d.to_string()).unwrap_or_default(),
        }
    }
}

/// Active accounts that hold a caseload: who may be the duty clinician or take over clients.
async fn caseload_holders(state: &AppState) -> AppResult<Vec<User>> {
    Ok(state
        .store
        .users()
        .await?
        .into_iter()
        .filter(|u| {
            u.active && (matches!(u.role, Role::Clinician | Role::Supervisor) || (u.role == Role::Admin && u.practises))
        })
        .collect())
}

pub async fn settings_form(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Query(q): Query<DoneParam>,
) -> AppResult<Html<String>> {
    require_admin(&state, &me, "settings").await?;
    let org = state.store.organisation().await?;
    let layout = Layout::new(&state, &me, "Settings", "admin-settings").await?.with_done(q.done.as_deref());
    render(&SettingsPage {
        layout,
        generic_line: rapport_store::org::GENERIC_CRISIS_LINE,
        smtp: smtp_line(&state),
        org: SettingsValues::from(&org),
        errors: FormErrors::default(),
        duty_choices: caseload_holders(&state).await?,
    })
}

#[derive(Deserialize, Default)]
pub struct SettingsForm {
    name: Option<String>,
    idle_timeout_minutes: Option<String>,
    absolute_lifetime_hours: Option<String>,
    break_glass_hours: Option<String>,
    require_mfa: Option<String>,
    crisis_resources: Option<String>,
    country: Option<String>,
    risk_acknowledgement_hours: Option<String>,
    risk_assessment_hours: Option<String>,
    duty_clinician_id: Option<String>,
}

/// The crisis resources as typed, checked: 1 to 12 lines of at most 200 characters.
fn crisis_resources_in(errors: &mut ValidationErrors, v: &Option<String>) -> String {
    let lines = crisis_lines_typed(errors, v);
    if lines.is_empty() {
        errors.add("crisis_resources", "Enter at least one crisis resource (one per line)");
    }
    lines
}

/// The country as typed: at most 60 characters (empty allowed).
pub(crate) fn country_in(errors: &mut ValidationErrors, v: &Option<String>) -> String {
    let c = v.as_deref().unwrap_or_default().trim().to_string();
    if c.chars().count() > 60 || c.chars().any(char::is_control) {
        errors.add("country", "The country must be at most 60 characters on one line");
    }
    c
}

/// Crisis lines as typed, possibly none: at most 12 lines of at most 200 characters.
pub(crate) fn crisis_lines_typed(errors: &mut ValidationErrors, v: &Option<String>) -> String {
    let lines: Vec<&str> = v.as_deref().unwrap_or_default().lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    if lines.len() > 12 {
        errors.add("crisis_resources", "Crisis resources: at most 12 lines");
    } else if lines.iter().any(|l| l.chars().count() > 200) {
        errors.add("crisis_resources", "Crisis resources: each line must be at most 200 characters");
    }
    lines.join("\n")
}

fn number_in(errors: &mut ValidationErrors, field: &str, label: &str, v: &Option<String>, min: i64, max: i64) -> i64 {
    match v.as_deref().map(str::trim).and_then(|s| s.parse::<i64>().ok()) {
        Some(n) if (min..=max).contains(&n) => n,
        _ => {
            errors.add(field, format!("{label} must be a whole number from {min} to {max}"));
            min
        }
    }
}

pub async fn update_settings(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Form(f): Form<SettingsForm>,
) -> AppResult<Response> {
    require_admin(&state, &me, "settings").await?;
    let mut errors = ValidationErrors::new();
    let current = state.store.organisation().await?;
    let duty_choices = caseload_holders(&state).await?;
    let name = non_blank(&f.name).unwrap_or_default();
    if name.is_empty() {
        errors.add("name", "Enter the organisation's name");
    } else if name.chars().count() > 120 {
        errors.add("name", "The organisation's name must be at most 120 characters");
    }
    let org = Organisation {
        name,
        idle_timeout_minutes: number_in(
            &mut errors,
            "idle_timeout_minutes",
            "Idle timeout",
            &f.idle_timeout_minutes,
            5,
            240,
        ),
        absolute_lifetime_hours: number_in(
            &mut errors,
            "absolute_lifetime_hours",
            "Maximum session length",
            &f.absolute_lifetime_hours,
            1,
            24,
        ),
        break_glass_hours: number_in(
            &mut errors,
            "break_glass_hours",
            "Emergency access duration",
            &f.break_glass_hours,
            1,
            72,
        ),
        require_mfa: f.require_mfa.is_some(),
        // A form without the field (an older client) keeps the current list.
        crisis_resources: match &f.crisis_resources {
            Some(_) => crisis_resources_in(&mut errors, &f.crisis_resources),
            None => current.crisis_resources.clone(),
        },
        // Risk-flag deadlines and the duty clinician: likewise kept when absent.
        risk_acknowledgement_hours: match &f.risk_acknowledgement_hours {
            Some(_) => number_in(
                &mut errors,
                "risk_acknowledgement_hours",
                "Acknowledgement deadline (hours)",
                &f.risk_acknowledgement_hours,
                rapport_core::escalation::MIN_HOURS,
                rapport_core::escalation::MAX_HOURS,
            ),
            None => current.risk_acknowledgement_hours,
        },
        risk_assessment_hours: match &f.risk_assessment_hours {
            Some(_) => number_in(
                &mut errors,
                "risk_assessment_hours",
                "Assessment deadline (hours)",
                &f.risk_assessment_hours,
                rapport_core::escalation::MIN_HOURS,
                rapport_core::escalation::MAX_HOURS,
            ),
            None => current.risk_assessment_hours,
        },
        duty_clinician_id: match f.duty_clinician_id.as_deref().map(str::trim) {
            None => current.duty_clinician_id.clone(),
            Some("") => None,
            Some(raw) => match Id::parse(raw).filter(|id| duty_choices.iter().any(|u| &u.id == id)) {
                Some(id) => Some(id),
                None => {
                    errors
                        .add("duty_clinician_id", "The duty clinician must be an active account that holds a caseload");
                    None
                }
            },
        },
        country: match &f.country {
            Some(_) => country_in(&mut errors, &f.country),
            None => state.store.organisation().await?.country,
        },
    };
    if !errors.is_empty() {
        let layout = Layout::new(&state, &me, "Settings", "admin-settings").await?;
        let typed = SettingsValues {
            require_mfa: f.require_mfa.is_some(),
            name: f.name.clone().unwrap_or_default(),
            idle_timeout_minutes: f.idle_timeout_minutes.clone().unwrap_or_default(),
            absolute_lifetime_hours: f.absolute_lifetime_hours.clone().unwrap_or_default(),
            break_glass_hours: f.break_glass_hours.clone().unwrap_or_default(),
            crisis_resources: f.crisis_resources.clone().unwrap_or_default(),
            country: f.country.clone().unwrap_or_default(),
            risk_acknowledgement_hours: f.risk_acknowledgement_hours.clone().unwrap_or_default(),
            risk_assessment_hours: f.risk_assessment_hours.clone().unwrap_or_default(),
            duty_clinician_id: f.duty_clinician_id.clone().unwrap_or_default(),
        };
        let page = SettingsPage {
            layout,
            generic_line: rapport_store::org::GENERIC_CRISIS_LINE,
            smtp: smtp_line(&state),
            org: typed,
            errors: FormErrors(errors),
            duty_choices,
        };
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
    }
    let mut e = me.event(action::SETTINGS_UPDATE, "organisation");
    e.detail = Some(format!(
        "idle {} min, lifetime {} h, emergency access {} h, two-step verification required: {}; risk flags: \
         acknowledgement {} h, assessment {} h, duty clinician {}",
        org.idle_timeout_minutes,
        org.absolute_lifetime_hours,
        org.break_glass_hours,
        org.require_mfa,
        org.risk_acknowledgement_hours,
        org.risk_assessment_hours,
        org.duty_clinician_id.as_ref().map(|d| d.to_string()).unwrap_or_else(|| "none (administrators)".into())
    ));
    state.store.update_organisation(&org, e).await?;
    state.forget_organisation().await;
    Ok(Redirect::to("/admin/settings?done=settings").into_response())
}

fn smtp_line(state: &AppState) -> String {
    state.config.smtp.as_ref().map(|s| s.describe()).unwrap_or_default()
}

// ---- e-mail (the outbox) ----------------------------------------------------------

pub struct OutboxView {
    pub kind: String,
    pub recipient: String,
    pub created: String,
    /// "sent", "pending", "retrying" or "failed".
    pub status: &'static str,
    pub sent: String,
    pub attempts: i64,
    pub last_error: String,
    pub next_attempt: String,
}

#[derive(Template)]
#[template(path = "admin_email.html")]
struct EmailPage {
    layout: Layout,
    smtp: String,
    counts: rapport_store::outbox::OutboxCounts,
    max_attempts: i64,
    rows: Vec<OutboxView>,
}

/// The outbox as administrators see it: per message its kind, recipient, when
/// it was created and whether it was sent, is waiting or failed (never the body).
pub async fn email(State(state): State<AppState>, SignedIn(me): SignedIn) -> AppResult<Html<String>> {
    use rapport_core::outbox::DeliveryStatus;
    require_admin(&state, &me, "email").await?;
    let counts = state.store.outbox_counts().await?;
    let rows: Vec<OutboxView> = state
        .store
        .outbox(200)
        .await?
        .into_iter()
        .map(|r| OutboxView {
            recipient: r
                .recipient_email
                .clone()
                .or_else(|| r.recipient_user_id.as_ref().map(|u| format!("user {u}")))
                .unwrap_or_else(|| "(none)".into()),
            status: DeliveryStatus::of(r.sent_at.is_some(), r.attempts).as_str(),
            created: r.created_at.display(),
            sent: r.sent_at.map(|t| t.display()).unwrap_or_default(),
            attempts: r.attempts,
            last_error: r.last_error.clone().unwrap_or_default(),
            next_attempt: match (r.sent_at, r.next_attempt_at) {
                (None, Some(t)) if r.attempts < rapport_core::outbox::MAX_ATTEMPTS => t.display(),
                _ => String::new(),
            },
            kind: r.kind,
        })
        .collect();
    // Recipients may include clients' addresses (portal invitations): record that an administrator saw them.
    let mut e = me.event(action::CLIENT_LIST, "outbox");
    e.detail = Some(format!("e-mail outbox shown ({} messages)", rows.len()));
    state.store.audit(e).await?;
    let layout = Layout::new(&state, &me, "E-mail", "admin-settings").await?;
    render(&EmailPage {
        layout,
        smtp: smtp_line(&state),
        counts,
        max_attempts: rapport_core::outbox::MAX_ATTEMPTS,
        rows,
    })
}
