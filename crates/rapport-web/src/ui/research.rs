//! The research export's page: what the data set holds, the purpose and
//! approval to record, then the ZIP, streamed as `rapport_app::research`
//! writes it.

use super::Layout;
use crate::error::{AppError, AppResult};
use crate::html::{render, FormErrors};
use crate::identity::SignedIn;
use askama::Template;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Form;
use rapport_app::caller::Identity;
use rapport_app::research::{self, ExportRequest};
use rapport_app::AppState;
use serde::Deserialize;

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/reports/research-export", page).post("/reports/research-export", export)
}

#[derive(Deserialize, Default, Clone)]
pub struct ExportForm {
    #[serde(default)]
    pub purpose: String,
    #[serde(default)]
    pub approval: String,
}

#[derive(Template)]
#[template(path = "research_export.html")]
struct ExportPage {
    layout: Layout,
    form: ExportForm,
    errors: FormErrors,
    min_cell: i64,
}

async fn show(state: &AppState, me: &Identity, form: ExportForm, errors: FormErrors) -> AppResult<ExportPage> {
    let layout = Layout::new(state, me, crate::i18n::current().t("research-title"), "reports").await?;
    Ok(ExportPage { layout, form, errors, min_cell: state.config.report_small_numbers })
}

/// The page, for those who may export (others: 403, audited).
pub async fn page(State(state): State<AppState>, SignedIn(me): SignedIn) -> AppResult<Response> {
    rapport_app::research::may_export(&state, &me).await?;
    Ok(render(&show(&state, &me, ExportForm::default(), FormErrors::default()).await?)?.into_response())
}

pub async fn export(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Form(form): Form<ExportForm>,
) -> AppResult<Response> {
    let request = ExportRequest { purpose: form.purpose.clone(), approval: form.approval.clone() };
    let ticket = match research::authorise(&state, &me, &request).await.map_err(AppError::from) {
        Ok(t) => t,
        Err(AppError::Invalid(e)) => {
            let page = show(&state, &me, form, FormErrors(e)).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
        }
        Err(e) => return Err(e),
    };
    let filename = ticket.filename();
    // The export writes into a small channel as it reads, so the download
    // starts at once and memory holds a few chunks, whatever the data's size.
    let (tx, rx) = tokio::sync::mpsc::channel::<Vec<u8>>(4);
    let store = state.store.clone();
    tokio::spawn(async move {
        if let Err(e) = research::write(&store, &ticket, &tx).await {
            tracing::warn!(error = ?e, "research export stopped");
        }
    });
    let chunks = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|c| (Ok::<Bytes, std::convert::Infallible>(Bytes::from(c)), rx))
    });
    Ok((
        [
            (header::CONTENT_TYPE, "application/zip".to_string()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{filename}\"")),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        Body::from_stream(chunks),
    )
        .into_response())
}
