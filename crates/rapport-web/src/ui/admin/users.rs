//! Staff accounts: the list, creating and editing (role, caseload,
//! supervision, password), deactivating with the handover of the person's
//! clients, reactivating, signing out everywhere and resetting two-step
//! verification.

use super::DoneParam;
use crate::error::{AppError, AppResult};
use crate::html::{render, FormErrors};
use crate::identity::SignedIn;
use crate::ui::Layout;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Form;
use rapport_app::admin::{self, Deactivation, Handover, ReassignForm, Reassigned, UpdateRefused, UserForm};
use rapport_app::{AppState, Identity};
use rapport_core::{Id, ValidationErrors};
use rapport_store::users::User;

#[derive(Template)]
#[template(path = "admin_users.html")]
struct UsersPage {
    layout: Layout,
    users: Vec<User>,
    /// The signed-in administrator, who cannot deactivate themself.
    me_id: Id,
}

pub async fn list(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Query(q): Query<DoneParam>,
) -> AppResult<Html<String>> {
    let users = admin::users(&state, &me).await?;
    let layout = Layout::new(&state, &me, crate::i18n::current().t("admin-users-title"), "admin-users")
        .await?
        .with_done(q.done.as_deref());
    render(&UsersPage { layout, users, me_id: me.user.id.clone() })
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
    /// Sites to choose from, and (on a new account) the active supervisors.
    sites: Vec<rapport_store::groups::Site>,
    supervisors: Vec<User>,
}

impl UserFormPage {
    fn supervises(&self, id: &Id) -> bool {
        self.supervisees.iter().any(|s| s == id.as_str())
    }

    /// The form for `user` (`None`: a new account), with `form`'s values and these errors.
    async fn new(
        state: &AppState,
        me: &Identity,
        user: Option<User>,
        form: UserForm,
        errors: ValidationErrors,
    ) -> AppResult<Self> {
        let tr = crate::i18n::current();
        let title = match &user {
            Some(u) => tr.ta("admin-user-edit-title", "name", u.name.as_str()),
            None => tr.t("admin-users-new"),
        };
        let layout = Layout::new(state, me, title, "admin-users").await?;
        let is_self = user.as_ref().is_some_and(|u| u.id == me.user.id);
        let supervisees = form.supervisees.clone();
        let clinicians = admin::supervisee_choices(state, user.as_ref().map(|u| &u.id)).await?;
        let sites = admin::site_choices(state, me).await?;
        let supervisors = if user.is_none() { admin::supervisor_choices(state).await? } else { Vec::new() };
        Ok(UserFormPage {
            layout,
            user,
            form,
            errors: FormErrors(errors),
            clinicians,
            supervisees,
            is_self,
            sites,
            supervisors,
        })
    }
}

pub async fn new_form(State(state): State<AppState>, SignedIn(me): SignedIn) -> AppResult<Html<String>> {
    admin::new_user_choices(&state, &me).await?;
    let form = UserForm { role: "clinician".into(), ..Default::default() };
    render(&UserFormPage::new(&state, &me, None, form, ValidationErrors::new()).await?)
}

/// A form extractor that accepts repeated keys (checkbox lists).
pub struct RawForm(pub UserForm);

impl<S: Send + Sync> axum::extract::FromRequest<S> for RawForm {
    type Rejection = AppError;
    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = axum::body::Bytes::from_request(req, state)
            .await
            .map_err(|_| AppError::PayloadTooLarge(crate::i18n::current().t("admin-form-too-large")))?;
        let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(&bytes).map_err(|e| AppError::BadRequest {
            code: "bad_form",
            message: crate::i18n::current().ta("admin-form-unreadable", "reason", e.to_string()),
            field: None,
        })?;
        Ok(RawForm(UserForm::from_pairs(pairs)))
    }
}

pub async fn create(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    RawForm(form): RawForm,
) -> AppResult<Response> {
    match admin::create_user(&state, &me, &form).await? {
        Ok(_) => Ok(Redirect::to("/admin/users?done=user-created").into_response()),
        Err(errors) => {
            let page = UserFormPage::new(&state, &me, None, form, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Html<String>> {
    let (user, supervisees) = admin::user_to_edit(&state, &me, &id).await?;
    let form = UserForm { supervisees: supervisees.iter().map(|i| i.to_string()).collect(), ..UserForm::of(&user) };
    render(&UserFormPage::new(&state, &me, Some(user), form, ValidationErrors::new()).await?)
}

pub async fn update(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    RawForm(form): RawForm,
) -> AppResult<Response> {
    match admin::update_user(&state, &me, &id, &form).await? {
        Ok(()) => Ok(Redirect::to("/admin/users?done=user-saved").into_response()),
        Err(UpdateRefused { user, errors, own_access }) => {
            let status = if own_access { StatusCode::FORBIDDEN } else { StatusCode::UNPROCESSABLE_ENTITY };
            let page = UserFormPage::new(&state, &me, Some(user), form, errors).await?;
            Ok((status, render(&page)?).into_response())
        }
    }
}

pub async fn deactivate(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    match admin::deactivate_user(&state, &me, &id).await? {
        Deactivation::Deactivated => Ok(Redirect::to("/admin/users?done=user-deactivated").into_response()),
        Deactivation::StillResponsible(h) => {
            reassign_page(&state, &me, *h, ReassignForm::default(), ValidationErrors::new(), true).await
        }
    }
}

pub async fn reactivate(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    admin::reactivate_user(&state, &me, &id).await?;
    Ok(Redirect::to("/admin/users?done=user-reactivated").into_response())
}

pub async fn end_sessions(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    admin::end_user_sessions(&state, &me, &id).await?;
    Ok(Redirect::to("/admin/users?done=user-sessions-ended").into_response())
}

/// For a lost phone: turns the person's two-step verification off so they can set it up again.
pub async fn reset_mfa(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    admin::reset_user_mfa(&state, &me, &id).await?;
    Ok(Redirect::to("/admin/users?done=mfa-reset").into_response())
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
        self.form.chosen(client)
    }

    /// "2 open courses, 1 open risk flag": the client's open work.
    fn open_work(&self, r: &rapport_store::users::Responsibility) -> String {
        let (courses, flags) = (r.open_courses, r.open_flags);
        let tr = &self.layout.tr;
        match (courses > 0, flags > 0) {
            (true, true) => tr.tn("admin-reassign-open-both", &[("courses", &courses), ("flags", &flags)]),
            (true, false) => tr.ta("admin-reassign-open-courses", "courses", courses),
            (false, true) => tr.ta("admin-reassign-open-flags", "flags", flags),
            (false, false) => String::new(),
        }
    }
}

async fn reassign_page(
    state: &AppState,
    me: &Identity,
    Handover { user, clients, holders }: Handover,
    form: ReassignForm,
    errors: ValidationErrors,
    refused: bool,
) -> AppResult<Response> {
    let layout = Layout::new(
        state,
        me,
        crate::i18n::current().ta("admin-reassign-title", "name", user.name.as_str()),
        "admin-users",
    )
    .await?;
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
    let h = admin::handover(&state, &me, &id).await?;
    reassign_page(&state, &me, h, ReassignForm::default(), ValidationErrors::new(), false).await
}

/// Hands the listed clients to new responsible clinicians (all or nothing),
/// then deactivates the account when asked and nobody is left.
pub async fn reassign(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    match admin::reassign(&state, &me, &id, ReassignForm::from_pairs(pairs)).await? {
        Reassigned::Done => Ok(Redirect::to("/admin/users?done=clients-reassigned").into_response()),
        Reassigned::Deactivated => Ok(Redirect::to("/admin/users?done=user-deactivated").into_response()),
        Reassigned::Again { handover, form, errors } => {
            reassign_page(&state, &me, *handover, form, errors, false).await
        }
    }
}
