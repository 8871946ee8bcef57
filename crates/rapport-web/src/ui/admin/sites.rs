//! Sites (villages, schools, clinics) where groups meet and clients belong:
//! the list and a form to add one. Administrators only, like every admin page.

use super::DoneParam;
use crate::error::{AppError, AppResult};
use crate::html::{render, FormErrors};
use crate::identity::SignedIn;
use crate::ui::Layout;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Form;
use rapport_app::{admin, AppState, Identity};
use rapport_core::ValidationErrors;
use rapport_store::groups::Site;
use serde::Deserialize;

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/admin/sites", list).post("/admin/sites", create)
}

#[derive(Deserialize, Default, Clone, Debug)]
pub struct SiteForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub kind: String,
}

#[derive(Template)]
#[template(path = "admin_sites.html")]
struct SitesPage {
    layout: Layout,
    sites: Vec<Site>,
    form: SiteForm,
    errors: FormErrors,
}

async fn page(
    state: &AppState,
    me: &Identity,
    form: SiteForm,
    errors: ValidationErrors,
    done: Option<&str>,
) -> AppResult<SitesPage> {
    let sites = admin::sites(state, me).await?;
    let layout =
        Layout::new(state, me, crate::i18n::current().t("admin-sites-title"), "admin-sites").await?.with_done(done);
    Ok(SitesPage { layout, sites, form, errors: FormErrors(errors) })
}

pub async fn list(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Query(q): Query<DoneParam>,
) -> AppResult<Html<String>> {
    render(&page(&state, &me, SiteForm::default(), ValidationErrors::new(), q.done.as_deref()).await?)
}

pub async fn create(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Form(form): Form<SiteForm>,
) -> AppResult<Response> {
    match admin::create_site(&state, &me, &form.name, &form.kind).await.map_err(AppError::from) {
        Ok(_) => Ok(Redirect::to("/admin/sites?done=site-created").into_response()),
        Err(AppError::Invalid(errors)) => {
            let p = page(&state, &me, form, errors, None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&p)?).into_response())
        }
        Err(e) => Err(e),
    }
}
