//! Machine clients (SMART Backend Services): the registered systems that may
//! fetch FHIR data in bulk, a form to register one with its public keys and
//! scopes, and disabling one. Administrators only; each action calls
//! `rapport_app::machine`.

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
use rapport_app::machine::{self, NewClient, Registrar};
use rapport_app::{AppState, Identity};
use rapport_core::ValidationErrors;
use rapport_store::fhir::FhirClientRow;
use serde::Deserialize;

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/admin/fhir-clients", list)
        .post("/admin/fhir-clients", create)
        .post("/admin/fhir-clients/{id}/disable", disable)
}

#[derive(Deserialize, Clone, Debug)]
pub struct ClientForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub jwks: String,
    #[serde(default = "default_scopes")]
    pub scopes: String,
}

fn default_scopes() -> String {
    "system/*.read".into()
}

impl Default for ClientForm {
    fn default() -> Self {
        ClientForm { name: String::new(), jwks: String::new(), scopes: default_scopes() }
    }
}

#[derive(Template)]
#[template(path = "admin_fhir_clients.html")]
struct ClientsPage {
    layout: Layout,
    clients: Vec<FhirClientRow>,
    token_url: String,
    form: ClientForm,
    errors: FormErrors,
}

async fn page(
    state: &AppState,
    me: &Identity,
    form: ClientForm,
    errors: ValidationErrors,
    done: Option<&str>,
) -> AppResult<ClientsPage> {
    let clients = machine::list(state, Registrar::Admin(me)).await?;
    let layout = Layout::new(state, me, crate::i18n::current().t("admin-fhir-clients-title"), "admin-fhir-clients")
        .await?
        .with_done(done);
    let base = state.config.public_url.as_deref().unwrap_or("").trim_end_matches('/');
    let token_url = format!("{base}/fhir/r4/auth/token");
    Ok(ClientsPage { layout, clients, token_url, form, errors: FormErrors(errors) })
}

pub async fn list(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Query(q): Query<DoneParam>,
) -> AppResult<Html<String>> {
    render(&page(&state, &me, ClientForm::default(), ValidationErrors::new(), q.done.as_deref()).await?)
}

pub async fn create(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Form(form): Form<ClientForm>,
) -> AppResult<Response> {
    let input = NewClient { name: &form.name, jwks: &form.jwks, scopes: &form.scopes };
    match machine::register(&state, Registrar::Admin(&me), &input).await.map_err(AppError::from) {
        Ok(_) => Ok(Redirect::to("/admin/fhir-clients?done=fhir-client-added").into_response()),
        Err(AppError::Invalid(errors)) => {
            let p = page(&state, &me, form, errors, None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&p)?).into_response())
        }
        Err(e) => Err(e),
    }
}

pub async fn disable(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    machine::disable(&state, Registrar::Admin(&me), &id).await?;
    Ok(Redirect::to("/admin/fhir-clients?done=fhir-client-disabled").into_response())
}
