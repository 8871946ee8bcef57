//! The course's PDF documents: the end-of-treatment summary and the progress
//! report (one click each), and the letter to the GP or prescriber (a form,
//! then the PDF). The documents are built and audited by
//! `rapport_app::documents`; this face parses the form and returns the file.

use super::Layout;
use crate::course_extract::{CoursePost, CourseRead, CourseWrite};
use crate::error::{AppError, AppResult};
use crate::html::{refused, render, FormErrors};
use askama::Template;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use rapport_app::access::course::CourseContext;
use rapport_app::caller::Identity;
use rapport_app::documents::{self, LetterInput, PdfFile};
use rapport_app::AppState;
use serde::Deserialize;

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/courses/{id}/summary.pdf", summary_pdf)
        .get("/courses/{id}/progress.pdf", progress_pdf)
        .get("/courses/{id}/letter", letter_page)
        .post("/courses/{id}/letter", letter_pdf)
}

/// The file as a download; never cached (it holds client data).
fn download(file: PdfFile) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{}\"", file.filename)),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        file.bytes,
    )
        .into_response()
}

pub async fn summary_pdf(CourseRead { state, me, cx }: CourseRead) -> AppResult<Response> {
    Ok(download(documents::summary(&state, &me, &cx).await?))
}

pub async fn progress_pdf(CourseRead { state, me, cx }: CourseRead) -> AppResult<Response> {
    Ok(download(documents::progress(&state, &me, &cx).await?))
}

#[derive(Deserialize, Default, Clone)]
pub struct LetterForm {
    #[serde(default)]
    pub recipient_name: String,
    #[serde(default)]
    pub recipient_address: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub recommendations: String,
    #[serde(default)]
    pub language: String,
}

impl LetterForm {
    fn input(&self) -> LetterInput {
        LetterInput {
            recipient_name: self.recipient_name.clone(),
            recipient_address: self.recipient_address.clone(),
            summary: self.summary.clone(),
            recommendations: self.recommendations.clone(),
            language: self.language.clone(),
        }
    }
}

#[derive(Template)]
#[template(path = "letter_form.html")]
struct LetterPage {
    layout: Layout,
    cx: CourseContext,
    form: LetterForm,
    errors: FormErrors,
    /// (tag, name) of each language a letter can be written in.
    languages: Vec<(&'static str, &'static str)>,
}

async fn letter_form(
    state: &AppState,
    me: &Identity,
    cx: CourseContext,
    form: LetterForm,
    errors: FormErrors,
) -> AppResult<Response> {
    let tr = crate::i18n::current();
    let title = format!("{} · {}", tr.t("doc-letter-form-title"), cx.client.details.display_name);
    let layout = Layout::new(state, me, title, "caseload").await?;
    Ok(render(&LetterPage { layout, cx, form, errors, languages: rapport_i18n::SHIPPED.to_vec() })?.into_response())
}

pub async fn letter_page(CourseWrite { state, me, cx }: CourseWrite) -> AppResult<Response> {
    let form = LetterForm { language: documents::default_language(&cx), ..LetterForm::default() };
    letter_form(&state, &me, cx, form, FormErrors::default()).await
}

pub async fn letter_pdf(CoursePost { state, me, cx, form }: CoursePost<LetterForm>) -> AppResult<Response> {
    match documents::letter(&state, &me, &cx, &form.input()).await.map_err(AppError::from) {
        Ok(file) => Ok(download(file)),
        Err(AppError::Invalid(e)) => Ok(refused(letter_form(&state, &me, cx, form, FormErrors(e)).await?)),
        Err(e) => Err(e),
    }
}
