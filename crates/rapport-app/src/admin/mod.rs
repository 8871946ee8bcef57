//! Administration: staff accounts and whom supervisors supervise, handing a
//! departing clinician's clients over, organisation settings, the audit log,
//! emergency-access reviews and the e-mail outbox. Administrators see no
//! clinical content here; every use case checks `require_admin` first.

pub mod audit;
pub mod reviews;
pub mod settings;

use crate::access::{deny, require_admin};
use crate::caller::Identity;
use crate::error::field_error;
use crate::notices::{account_change, Change, ChangedBy};
use crate::{AppResult, AppState, Error};
use rapport_core::access::Role;
use rapport_core::audit::{action, AuditEvent};
use rapport_core::msg;
use rapport_core::validation::looks_like_email;
use rapport_core::{password, Id, Timestamp, ValidationErrors};
use rapport_store::outbox::Notice;
use rapport_store::users::{normalise_email, NewUser, Responsibility, User};
use settings::caseload_holders;

// ---- accounts -----------------------------------------------------------------------

/// A staff account as posted (repeated `supervisees` keys: see `from_pairs`).
#[derive(Default, Clone, Debug)]
pub struct UserForm {
    pub email: String,
    pub name: String,
    pub role: String,
    pub practises: Option<String>,
    pub password: String,
    pub supervisees: Vec<String>,
    /// The site they work at (a site id; empty: none; absent from the form:
    /// unchanged). A facilitator registers clients there.
    pub site_id: Option<String>,
    /// New accounts only: an active supervisor who supervises them from the
    /// start (a user id; empty: none), as `rapport user create --supervisor`.
    pub supervisor: String,
}

impl UserForm {
    /// From the form's key-value pairs; checkbox lists repeat their key.
    pub fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        let mut f = UserForm::default();
        for (k, v) in pairs {
            match k.as_str() {
                "email" => f.email = v,
                "name" => f.name = v,
                "role" => f.role = v,
                "practises" => f.practises = Some(v),
                "password" => f.password = v,
                "supervisees" => f.supervisees.push(v),
                "site_id" => f.site_id = Some(v),
                "supervisor" => f.supervisor = v,
                _ => {}
            }
        }
        f
    }

    /// The form filled in from an account.
    pub fn of(user: &User) -> Self {
        UserForm {
            email: user.email.clone(),
            name: user.name.clone(),
            role: user.role.as_str().into(),
            practises: user.practises.then(|| "yes".into()),
            site_id: Some(user.site_id.as_ref().map(|s| s.to_string()).unwrap_or_default()),
            ..Default::default()
        }
    }
}

/// Everyone with an account (administrators only).
#[crate::boxing::boxed_future]
pub async fn users(state: &AppState, me: &Identity) -> AppResult<Vec<User>> {
    require_admin(state, me, "users").await?;
    Ok(state.store.users().await?)
}

/// A staff member by id, for any staff caller (a name and a role, as care-team
/// pages show them); a client's portal account or an unknown id is 404.
#[crate::boxing::boxed_future]
pub async fn staff_member(state: &AppState, me: &Identity, id: &str) -> AppResult<User> {
    let user = match Id::parse(id) {
        Some(uid) => state.store.user(&uid).await?,
        None => None,
    };
    match user.filter(|u| u.role != Role::Client && me.user.role != Role::Client) {
        Some(u) => Ok(u),
        None => {
            deny(state, me, "user", Some(id)).await?;
            Err(Error::NotFound)
        }
    }
}

/// Every staff member (names and roles, as care-team pages show them), for
/// any staff caller; to a client's portal account it does not exist (404, audited),
/// as [`staff_member`].
#[crate::boxing::boxed_future]
pub async fn staff_directory(state: &AppState, me: &Identity) -> AppResult<Vec<User>> {
    if me.user.role == Role::Client {
        deny(state, me, "user", None).await?;
        return Err(Error::NotFound);
    }
    Ok(state.store.users().await?)
}

/// Active clinicians.
#[crate::boxing::boxed_future]
pub async fn active_clinicians(state: &AppState) -> AppResult<Vec<User>> {
    Ok(state.store.users().await?.into_iter().filter(|u| u.role == Role::Clinician && u.active).collect())
}

/// Whom a supervisor may supervise: active clinicians, group facilitators
/// and other supervisors (supervision cascades: a master trainer supervises
/// supervisors who supervise facilitators), never the person themselves
/// (`for_user`, when editing an account). A choice that would close a
/// circle is refused when the form is saved.
#[crate::boxing::boxed_future]
pub async fn supervisee_choices(state: &AppState, for_user: Option<&Id>) -> AppResult<Vec<User>> {
    Ok(state
        .store
        .users()
        .await?
        .into_iter()
        .filter(|u| u.active && matches!(u.role, Role::Clinician | Role::Facilitator | Role::Supervisor))
        .filter(|u| Some(&u.id) != for_user)
        .collect())
}

/// The choices of the new-account form (administrators only).
#[crate::boxing::boxed_future]
pub async fn new_user_choices(state: &AppState, me: &Identity) -> AppResult<Vec<User>> {
    require_admin(state, me, "users").await?;
    supervisee_choices(state, None).await
}

// ---- sites ----------------------------------------------------------------------------

/// Every site, for the administrators' sites page.
#[crate::boxing::boxed_future]
pub async fn sites(state: &AppState, me: &Identity) -> AppResult<Vec<rapport_store::groups::Site>> {
    require_admin(state, me, "sites").await?;
    crate::groups::sites(state, me).await
}

/// Adds a site from the administrators' sites page (`groups::create_site`).
#[crate::boxing::boxed_future]
pub async fn create_site(
    state: &AppState,
    me: &Identity,
    name: &str,
    kind: &str,
) -> AppResult<rapport_store::groups::Site> {
    require_admin(state, me, "sites").await?;
    crate::groups::create_site(state, me, name, Some(kind)).await
}

/// The staff account an administrator acts on (portal accounts are managed
/// from the client's record, so they are "not found" here).
async fn target_user(state: &AppState, id: &str) -> AppResult<User> {
    let id = Id::parse(id).ok_or(Error::NotFound)?;
    state.store.user(&id).await?.filter(|u| u.role != Role::Client).ok_or(Error::NotFound)
}

/// The account to edit and whom it supervises.
#[crate::boxing::boxed_future]
pub async fn user_to_edit(state: &AppState, me: &Identity, id: &str) -> AppResult<(User, Vec<Id>)> {
    require_admin(state, me, "users").await?;
    let user = target_user(state, id).await?;
    let supervisees = state.store.supervisees(&user.id).await?;
    Ok((user, supervisees))
}

fn parse_role(errors: &mut ValidationErrors, role: &str) -> Role {
    match role.parse::<Role>() {
        Ok(r) if Role::STAFF.contains(&r) => r,
        _ => {
            errors.0.push(field_error("role", rapport_i18n::msg("admin-error-role"), vec![]));
            Role::Clinician
        }
    }
}

fn name_in(errors: &mut ValidationErrors, name: &str) -> String {
    let name = name.trim().to_string();
    if name.is_empty() {
        errors.0.push(field_error("name", rapport_i18n::msg("admin-error-name"), vec![]));
    } else if name.chars().count() > 120 {
        errors.0.push(field_error("name", rapport_i18n::msg("admin-error-name-long"), vec![]));
    }
    name
}

fn supervisee_ids(errors: &mut ValidationErrors, ids: &[String], allowed: &[User]) -> Vec<Id> {
    let mut out = Vec::new();
    for s in ids {
        match Id::parse(s).filter(|id| allowed.iter().any(|u| &u.id == id)) {
            Some(id) if !out.contains(&id) => out.push(id),
            Some(_) => {}
            None => errors.0.push(field_error("supervisees", rapport_i18n::msg("admin-error-supervisees"), vec![])),
        }
    }
    out
}

/// The site chosen on the form (`None`: no site), or an error on `site_id`.
async fn site_in(state: &AppState, errors: &mut ValidationErrors, raw: &str) -> AppResult<Option<Id>> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let found = match Id::parse(raw) {
        Some(id) => state.store.site(&id).await?,
        None => None,
    };
    if found.is_none() {
        errors.0.push(field_error("site_id", rapport_i18n::msg("admin-error-site"), vec![]));
    }
    Ok(found.map(|s| s.id))
}

/// Every site, for the account form's choice.
#[crate::boxing::boxed_future]
pub async fn site_choices(state: &AppState, me: &Identity) -> AppResult<Vec<rapport_store::groups::Site>> {
    require_admin(state, me, "users").await?;
    Ok(state.store.sites().await?)
}

/// Active supervisors, for a new account's supervisor.
#[crate::boxing::boxed_future]
pub async fn supervisor_choices(state: &AppState) -> AppResult<Vec<User>> {
    Ok(state.store.users().await?.into_iter().filter(|u| u.active && u.role == Role::Supervisor).collect())
}

/// Refuses supervisees who already supervise `user` (directly or down a
/// chain): the same rule as `groups::supervise`.
async fn refuse_circles(state: &AppState, errors: &mut ValidationErrors, user: &User, sup: &[Id]) -> AppResult<()> {
    for s in sup {
        if crate::groups::makes_circle(state, &user.id, s).await? {
            let name = state.store.user(s).await?.map(|u| u.name).unwrap_or_default();
            errors.0.push(field_error(
                "supervisees",
                msg("app-supervision-circle-named"),
                vec![("name", name.into()), ("supervisee", user.name.as_str().into())],
            ));
        }
    }
    Ok(())
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
    default_language: &str,
) -> Vec<Notice> {
    let by = ChangedBy::Admin(me);
    let added: Vec<&Id> = after.iter().filter(|c| !before.contains(c)).collect();
    let removed: Vec<&Id> = before.iter().filter(|c| !after.contains(c)).collect();
    if added.is_empty() && removed.is_empty() {
        return Vec::new();
    }
    let find = |id: &Id| staff.iter().find(|u| &u.id == id);
    let names: Vec<String> = after.iter().filter_map(&find).map(|u| u.name.clone()).collect();
    let mut out = account_change(&by, person, &Change::supervision(person, &names), staff, at, default_language);
    for (ids, gained) in [(added, true), (removed, false)] {
        for c in ids.into_iter().filter_map(&find) {
            // The clinician hears of it; the administrators were told above.
            let mut n = account_change(&by, c, &Change::supervisor_of(c, person, gained), &[], at, default_language);
            out.append(&mut n);
        }
    }
    out
}

/// Records whom `user` supervises now (with the notices of the change).
async fn set_supervisees(
    state: &AppState,
    me: &Identity,
    user: &User,
    (before, after): (&[Id], &[Id]),
    staff: &[User],
    at: Timestamp,
) -> AppResult<()> {
    let mut e = me.event(action::USER_UPDATE, "supervision");
    e.resource_id = Some(user.id.to_string());
    e.detail = Some(format!("supervises {} people", after.len()));
    let language = state.organisation().await?.default_language;
    let notices = supervision_notices(&me.user, user, before, after, staff, at, &language);
    state.store.set_supervisees(&user.id, after, e, &notices).await?;
    Ok(())
}

fn same_people(a: &[Id], b: &[Id]) -> bool {
    a.len() == b.len() && a.iter().all(|x| b.contains(x))
}

async fn active_admins(state: &AppState) -> AppResult<usize> {
    Ok(state.store.users().await?.iter().filter(|u| u.active && u.role == Role::Admin).count())
}

/// Creates a staff account; `Ok(Err(errors))` when the form is refused.
#[crate::boxing::boxed_future]
pub async fn create_user(
    state: &AppState,
    me: &Identity,
    form: &UserForm,
) -> AppResult<Result<User, ValidationErrors>> {
    require_admin(state, me, "users").await?;
    let mut errors = ValidationErrors::new();
    let email = normalise_email(&form.email);
    if !looks_like_email(&email) {
        errors.0.push(field_error("email", rapport_i18n::msg("admin-error-email"), vec![]));
    }
    let name = name_in(&mut errors, &form.name);
    let role = parse_role(&mut errors, &form.role);
    if let Err(p) = password::check(&form.password, &email) {
        p.add_to(&mut errors, "password");
    }
    let sup = supervisee_ids(&mut errors, &form.supervisees, &supervisee_choices(state, None).await?);
    let site_id = site_in(state, &mut errors, form.site_id.as_deref().unwrap_or("")).await?;
    let supervisor = match form.supervisor.trim() {
        "" => None,
        raw => {
            let found = supervisor_choices(state).await?.into_iter().find(|u| u.id.as_str() == raw);
            if found.is_none() {
                errors.0.push(field_error("supervisor", rapport_i18n::msg("admin-error-supervisor"), vec![]));
            } else if matches!(role, Role::Admin | Role::ProgrammeManager) {
                errors.0.push(field_error("supervisor", rapport_i18n::msg("admin-error-admin-supervised"), vec![]));
            }
            found
        }
    };
    if errors.is_empty() && state.store.user_by_email(&email).await?.is_some() {
        errors.0.push(field_error("email", rapport_i18n::msg("admin-error-email-taken"), vec![]));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let hash = state.hasher.hash(&form.password).await;
    let mut e = me.event(action::USER_CREATE, "user");
    e.detail = Some(match &site_id {
        Some(site) => format!("{email} as {role} at site {site}"),
        None => format!("{email} as {role}"),
    });
    let practises = form.practises.is_some() && role == Role::Admin;
    let user =
        state.store.create_user(NewUser { email, name, role, practises, password_hash: hash, site_id }, e).await?;
    if let Some(s) = supervisor {
        let mut e = me.event(action::SUPERVISION_ADD, "user");
        e.resource_id = Some(user.id.to_string());
        e.detail = Some(format!("{} supervises {}", s.email, user.email));
        crate::groups::supervise(state, &s.id, &user.id, e).await?;
    }
    if role == Role::Supervisor && !sup.is_empty() {
        let staff = state.store.users().await?;
        set_supervisees(state, me, &user, (&[], &sup), &staff, Timestamp::now()).await?;
    }
    Ok(Ok(user))
}

/// A refused change to an account: the form again with these errors.
#[derive(Debug)]
pub struct UpdateRefused {
    pub user: User,
    pub errors: ValidationErrors,
    /// The administrator tried to change their own access (403, audited as a denial).
    pub own_access: bool,
}

/// Changes a staff account: name, role, caseload, supervision and, when
/// given, the password (which ends all the person's sessions).
#[crate::boxing::boxed_future]
pub async fn update_user(
    state: &AppState,
    me: &Identity,
    id: &str,
    form: &UserForm,
) -> AppResult<Result<(), UpdateRefused>> {
    require_admin(state, me, "users").await?;
    let user = target_user(state, id).await?;
    let mut errors = ValidationErrors::new();
    let name = name_in(&mut errors, &form.name);
    let role = parse_role(&mut errors, &form.role);
    if user.role == Role::Admin && role != Role::Admin && user.active && active_admins(state).await? <= 1 {
        errors.0.push(field_error("role", rapport_i18n::msg("admin-error-last-admin"), vec![]));
    }
    // A programme manager sees no client, so clients with open courses or
    // flags are handed to someone else first (as before a deactivation).
    if role == Role::ProgrammeManager && user.role != Role::ProgrammeManager {
        let open = state.store.open_responsibilities(&user.id).await?.len();
        if open > 0 {
            let count = rapport_core::validation::KeyArg::Number(open as i64);
            errors.0.push(field_error(
                "role",
                rapport_i18n::msg("admin-error-role-still-responsible"),
                vec![("count", count)],
            ));
        }
    }
    if !form.password.is_empty() {
        if let Err(p) = password::check(&form.password, &user.email) {
            p.add_to(&mut errors, "password");
        }
    }
    let sup = supervisee_ids(&mut errors, &form.supervisees, &supervisee_choices(state, Some(&user.id)).await?);
    if role == Role::Supervisor {
        refuse_circles(state, &mut errors, &user, &sup).await?;
    }
    let site_id = match &form.site_id {
        Some(raw) => site_in(state, &mut errors, raw).await?,
        None => user.site_id.clone(),
    };
    let practises = form.practises.is_some() && role == Role::Admin;
    let current_sup = state.store.supervisees(&user.id).await?;
    let is_self = user.id == me.user.id;
    // An administrator cannot raise or lower their own access: another one must.
    let mut own_access = false;
    if is_self && (role != user.role || practises != user.practises) {
        errors.0.push(field_error("role", rapport_i18n::msg("admin-error-own-role"), vec![]));
        own_access = true;
    }
    if is_self && !same_people(&sup, &current_sup) {
        errors.0.push(field_error("supervisees", rapport_i18n::msg("admin-error-own-supervision"), vec![]));
        own_access = true;
    }
    if own_access {
        deny(state, me, "user", Some(user.id.as_str())).await?;
    }
    if !errors.is_empty() {
        return Ok(Err(UpdateRefused { user, errors, own_access }));
    }
    let staff = state.store.users().await?;
    let now = Timestamp::now();
    let by = ChangedBy::Admin(&me.user);
    let language = state.organisation().await?.default_language;
    let notices = if role != user.role || practises != user.practises {
        account_change(&by, &user, &Change::role(&user, role, practises), &staff, now, &language)
    } else {
        Vec::new()
    };
    let mut e = me.event(action::USER_UPDATE, "user");
    e.resource_id = Some(user.id.to_string());
    e.detail = Some(format!("role {role}, practises {practises}"));
    state.store.update_user(&user.id, &name, role, practises, e, &notices).await?;
    let sup = if role == Role::Supervisor { sup } else { Vec::new() };
    set_supervisees(state, me, &user, (&current_sup, &sup), &staff, now).await?;
    if site_id != user.site_id {
        let mut e = me.event(action::USER_SITE, "user");
        e.resource_id = Some(user.id.to_string());
        e.detail = Some(match &site_id {
            Some(site) => format!("site {site}"),
            None => "no site".into(),
        });
        state.store.set_user_site(&user.id, site_id.as_ref(), e).await?;
    }
    if !form.password.is_empty() {
        let hash = state.hasher.hash(&form.password).await;
        let mut e = me.event(action::PASSWORD_CHANGE, "user");
        e.resource_id = Some(user.id.to_string());
        e.detail = Some("set by an administrator; all the user's sessions ended".into());
        let notices = account_change(&by, &user, &Change::password(&user), &staff, Timestamp::now(), &language);
        state.store.set_password(&user.id, &hash, None, e, &notices).await?;
    }
    Ok(Ok(()))
}

/// The account an administrator acts on, and the audit event naming it.
async fn user_action(
    state: &AppState,
    me: &Identity,
    id: &str,
    act: &str,
    resource_type: &str,
) -> AppResult<(User, AuditEvent)> {
    require_admin(state, me, "users").await?;
    let user = target_user(state, id).await?;
    let mut e = me.event(act, resource_type);
    e.resource_id = Some(user.id.to_string());
    Ok((user, e))
}

/// What became of a deactivation.
#[derive(Debug)]
pub enum Deactivation {
    Deactivated,
    /// Refused: these clients still need them; hand them over first.
    StillResponsible(Box<Handover>),
}

#[crate::boxing::boxed_future]
pub async fn deactivate_user(state: &AppState, me: &Identity, id: &str) -> AppResult<Deactivation> {
    let (user, e) = user_action(state, me, id, action::USER_DEACTIVATE, "user").await?;
    if user.id == me.user.id {
        return Err(Error::conflict(msg("app-deactivate-self"), &[]));
    }
    if user.role == Role::Admin && user.active && active_admins(state).await? <= 1 {
        return Err(Error::conflict(msg("app-last-admin"), &[]));
    }
    // Nobody may be left without a responsible clinician who can see their flags.
    let clients = state.store.open_responsibilities(&user.id).await?;
    if !clients.is_empty() {
        return Ok(Deactivation::StillResponsible(Box::new(Handover::of(state, user, clients).await?)));
    }
    match state.store.set_user_active(&user.id, false, e).await {
        Err(rapport_store::StoreError::Invalid(m)) if m == rapport_store::users::STILL_RESPONSIBLE => {
            // A course or flag appeared since the check above.
            let clients = state.store.open_responsibilities(&user.id).await?;
            Ok(Deactivation::StillResponsible(Box::new(Handover::of(state, user, clients).await?)))
        }
        other => {
            other?;
            Ok(Deactivation::Deactivated)
        }
    }
}

#[crate::boxing::boxed_future]
pub async fn reactivate_user(state: &AppState, me: &Identity, id: &str) -> AppResult<()> {
    let (user, e) = user_action(state, me, id, action::USER_REACTIVATE, "user").await?;
    state.store.set_user_active(&user.id, true, e).await?;
    Ok(())
}

/// Signs the person out everywhere.
#[crate::boxing::boxed_future]
pub async fn end_user_sessions(state: &AppState, me: &Identity, id: &str) -> AppResult<()> {
    let (user, mut e) = user_action(state, me, id, action::SESSION_END, "session").await?;
    e.detail = Some(format!("all sessions of {} ended by an administrator", user.email));
    state.store.end_all_sessions(&user.id, e).await?;
    Ok(())
}

/// For a lost phone: turns the person's two-step verification off so they can set it up again.
#[crate::boxing::boxed_future]
pub async fn reset_user_mfa(state: &AppState, me: &Identity, id: &str) -> AppResult<()> {
    let (user, mut e) = user_action(state, me, id, action::MFA_RESET, "user").await?;
    e.detail = Some(format!("two-step verification of {} reset by an administrator", user.email));
    state.store.disable_totp(&user.id, e).await?;
    Ok(())
}

// ---- handing a departing clinician's clients over -------------------------------------

/// A person's clients with open work, and who may take them over.
#[derive(Debug)]
pub struct Handover {
    pub user: User,
    pub clients: Vec<Responsibility>,
    /// Active caseload holders other than `user`.
    pub holders: Vec<User>,
}

impl Handover {
    async fn of(state: &AppState, user: User, clients: Vec<Responsibility>) -> AppResult<Handover> {
        let holders = caseload_holders(state).await?.into_iter().filter(|u| u.id != user.id).collect();
        Ok(Handover { user, clients, holders })
    }
}

/// `to_all` (one person for every client) or `to_<client id>` per client, and
/// `deactivate` to deactivate the account once nobody is left.
#[derive(Default, Clone, Debug)]
pub struct ReassignForm {
    pub to_all: String,
    pub each: Vec<(String, String)>,
    pub deactivate: bool,
}

impl ReassignForm {
    pub fn from_pairs(pairs: Vec<(String, String)>) -> Self {
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

    /// The choice for one client as posted ("" when none).
    pub fn chosen(&self, client: &Id) -> String {
        self.each.iter().find(|(c, _)| c == client.as_str()).map(|(_, u)| u.clone()).unwrap_or_default()
    }
}

/// The person's clients with open work (administrators only).
#[crate::boxing::boxed_future]
pub async fn handover(state: &AppState, me: &Identity, id: &str) -> AppResult<Handover> {
    require_admin(state, me, "users").await?;
    let user = target_user(state, id).await?;
    let clients = state.store.open_responsibilities(&user.id).await?;
    Handover::of(state, user, clients).await
}

/// What became of a handover.
#[derive(Debug)]
pub enum Reassigned {
    /// Every client handed over.
    Done,
    /// Handed over, and the account deactivated as asked.
    Deactivated,
    /// The handover page again: with errors (nothing was moved), or with the
    /// clients still left (no errors).
    Again { handover: Box<Handover>, form: ReassignForm, errors: ValidationErrors },
}

/// Hands the listed clients to new responsible clinicians (all or nothing),
/// then deactivates the account when asked and nobody is left.
#[crate::boxing::boxed_future]
pub async fn reassign(state: &AppState, me: &Identity, id: &str, form: ReassignForm) -> AppResult<Reassigned> {
    let h = handover(state, me, id).await?;
    let mut errors = ValidationErrors::new();
    let pick = |errors: &mut ValidationErrors, field: &str, raw: &str| -> Option<Id> {
        match Id::parse(raw).filter(|id| h.holders.iter().any(|u| &u.id == id)) {
            Some(id) => Some(id),
            None => {
                errors.0.push(field_error(field, rapport_i18n::msg("admin-error-holder"), vec![]));
                None
            }
        }
    };
    let all = if form.to_all.is_empty() { None } else { pick(&mut errors, "to_all", &form.to_all) };
    for (c, _) in &form.each {
        if !h.clients.iter().any(|r| r.client_id.as_str() == c) {
            errors.0.push(field_error(&format!("to_{c}"), rapport_i18n::msg("admin-error-not-theirs"), vec![]));
        }
    }
    let mut moves = Vec::new();
    for r in &h.clients {
        let field = format!("to_{}", r.client_id);
        let each = form.each.iter().find(|(c, _)| c == r.client_id.as_str()).map(|(_, u)| u.as_str()).unwrap_or("");
        let to = if !each.is_empty() { pick(&mut errors, &field, each) } else { all.clone() };
        if let Some(to) = to {
            moves.push((r.client_id.clone(), to));
        }
    }
    if moves.is_empty() && errors.is_empty() && !h.clients.is_empty() {
        errors.0.push(field_error("to_all", rapport_i18n::msg("admin-error-takes-over"), vec![]));
    }
    if !errors.is_empty() {
        return Ok(Reassigned::Again { handover: Box::new(h), form, errors });
    }
    let user = h.user;
    let mut e = me.event(action::CARE_TEAM_REASSIGN, "client");
    e.detail = Some(format!("from {}", user.email));
    match state.store.reassign_responsible(&user.id, &moves, e).await {
        Ok(()) => {}
        Err(rapport_store::StoreError::Invalid(m)) => {
            let clients = state.store.open_responsibilities(&user.id).await?;
            let handover = Box::new(Handover { user, clients, holders: h.holders });
            return Ok(Reassigned::Again { handover, form, errors: ValidationErrors::single("to_all", m) });
        }
        Err(other) => return Err(other.into()),
    }
    let left = state.store.open_responsibilities(&user.id).await?;
    if form.deactivate && left.is_empty() && user.active {
        if user.id == me.user.id {
            return Err(Error::conflict(msg("app-deactivate-self"), &[]));
        }
        let mut e = me.event(action::USER_DEACTIVATE, "user");
        e.resource_id = Some(user.id.to_string());
        e.detail = Some(format!("after handing over {} clients", moves.len()));
        state.store.set_user_active(&user.id, false, e).await?;
        return Ok(Reassigned::Deactivated);
    }
    if !left.is_empty() {
        let form = ReassignForm { deactivate: form.deactivate, ..Default::default() };
        let handover = Box::new(Handover::of(state, user, left).await?);
        return Ok(Reassigned::Again { handover, form, errors: ValidationErrors::new() });
    }
    Ok(Reassigned::Done)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn the_user_form_collects_repeated_supervisees() {
        let f = UserForm::from_pairs(pairs(&[
            ("email", "a@b.org"),
            ("role", "supervisor"),
            ("supervisees", "1"),
            ("supervisees", "2"),
            ("csrf", "x"),
        ]));
        assert_eq!(f.email, "a@b.org");
        assert_eq!(f.supervisees, ["1", "2"]);
        assert_eq!(f.practises, None);
    }

    #[test]
    fn the_handover_form_reads_one_choice_per_client() {
        let f = ReassignForm::from_pairs(pairs(&[("to_all", " u1 "), ("to_c1", "u2"), ("deactivate", "yes")]));
        assert_eq!(f.to_all, "u1");
        assert!(f.deactivate);
        assert_eq!(f.each, [("c1".to_string(), "u2".to_string())]);
        assert!(!ReassignForm::from_pairs(pairs(&[("deactivate", " ")])).deactivate);
    }
}
