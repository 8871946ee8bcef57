//! Client-facing measurement: single-use measure links. A clinician creates a
//! link for one client and one instrument; the client answers it without an
//! account at `/m/{token}`. The token is 256 random bits, stored only as its
//! SHA-256, expires after 7 days and is consumed with the response it records.
//! The client never sees a score; after a risk answer they see the crisis
//! resources and who will read their answers, and when.

use crate::error::{AppError, AppResult};
use crate::html::questionnaire::QuestionnaireView;
use crate::html::render;
use crate::i18n::{current, msg, Tr};
use crate::identity::{Meta, SignedIn};
use crate::session_cookies::{anonymous_csrf, with_cookie};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Form;
use rapport_app::caller::secret_hash;
use rapport_app::follow_ups;
use rapport_app::measure_links::{self, sendable};
use rapport_app::responses::{self, blank_prompt, BlankPrompt, CourseChoice, Recording, Submission, ViaLink};
use rapport_app::AppState;
use rapport_core::audit::{action, Outcome};
use rapport_core::measures::definition::Instrument;
use rapport_core::{Timestamp, ValidationErrors};
use rapport_store::links::LinkState;
use rapport_store::measures::Mode;
use std::collections::HashMap;

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.post("/clients/{id}/measures/links", create_link).get("/m/{token}", link_form).post("/m/{token}", link_submit)
}

#[derive(Template)]
#[template(path = "measure_link_created.html")]
struct LinkCreated {
    layout: super::Layout,
    client_id: String,
    client_name: String,
    short_name: String,
    url: String,
    expires: String,
}

pub async fn create_link(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Form(form): Form<HashMap<String, String>>,
) -> AppResult<Response> {
    let link = measure_links::create(&state, &me, &id, form.get("instrument").map(String::as_str)).await?;
    let c = link.client;
    let base = state.config.public_url.as_deref().unwrap_or_default().trim_end_matches('/').to_string();
    let title = current().ta("link-created-title", "client", &c.details.display_name);
    let layout = super::Layout::new(&state, &me, title, "caseload").await?;
    Ok(render(&LinkCreated {
        layout,
        client_id: c.id.to_string(),
        client_name: c.details.display_name.clone(),
        short_name: link.instrument.short_name.clone(),
        url: format!("{base}/m/{}", link.token),
        expires: crate::i18n::show(link.expires),
    })?
    .into_response())
}

#[derive(Template)]
#[template(path = "link_form.html")]
struct LinkForm {
    tr: Tr,
    csrf: String,
    org_name: String,
    q: QuestionnaireView,
    errors: crate::html::FormErrors,
    blank: Option<BlankPrompt>,
    /// The organisation's crisis lines (until it adds its own: the local emergency number).
    crisis: Vec<crate::html::phone::Linked>,
}

#[derive(Template)]
#[template(path = "link_done.html")]
struct LinkDone {
    tr: Tr,
    org_name: String,
    risk: bool,
    crisis: Vec<crate::html::phone::Linked>,
    /// A positive screen's follow-up: (instrument name, link address).
    follow_up: Option<(String, String)>,
}

#[derive(Template)]
#[template(path = "link_gone.html")]
struct LinkGone {
    tr: Tr,
    org_name: String,
    /// Message ids.
    heading: &'static str,
    message: &'static str,
    crisis: Vec<crate::html::phone::Linked>,
}

/// A page saying the link cannot be used, with the crisis lines (a person in
/// crisis may be holding an old link).
async fn gone(
    state: &AppState,
    status: StatusCode,
    heading: &'static str,
    message: &'static str,
) -> AppResult<Response> {
    let org = state.organisation().await?;
    let page = LinkGone {
        tr: current(),
        org_name: org.name.clone(),
        heading,
        message,
        crisis: crate::html::phone::crisis_links(org.crisis_lines()),
    };
    Ok((status, render(&page)?).into_response())
}

/// A link that takes answers now: live, or (for a submission) expired after
/// its form was opened, which is then late.
struct Usable {
    link: rapport_store::links::MeasureLink,
    inst: Instrument,
    late: bool,
}

/// The usable link, or the page to show instead (404 unknown, 410 used or
/// expired). `sending`: a form is being sent, so an expired link whose form
/// was opened before it expired still takes it (late).
async fn usable(state: &AppState, token: &str, sending: bool) -> AppResult<Result<Usable, Response>> {
    let found = rapport_app::measure_links::find_link(state, token).await?;
    let (link, late) = match found {
        LinkState::Live(link) => (link, false),
        LinkState::Expired(link) if sending && link.takes_late_answers(Timestamp::now()) => (link, true),
        LinkState::Unknown => {
            return Ok(Err(gone(state, StatusCode::NOT_FOUND, msg("link-gone-unknown-title"), NOT_FOUND_TEXT).await?))
        }
        LinkState::Used(_) => {
            return Ok(Err(gone(state, StatusCode::GONE, msg("link-gone-used-title"), msg("link-gone-used")).await?))
        }
        LinkState::Expired(_) => {
            return Ok(Err(
                gone(state, StatusCode::GONE, msg("link-gone-expired-title"), msg("link-gone-expired")).await?
            ))
        }
    };
    match state.instruments.get(&link.instrument_id) {
        Some(inst) => Ok(Ok(Usable { inst: inst.clone(), link, late })),
        None => Ok(Err(gone(state, StatusCode::NOT_FOUND, msg("link-gone-unknown-title"), NOT_FOUND_TEXT).await?)),
    }
}

const NOT_FOUND_TEXT: &str = msg("link-gone-unknown");

async fn form_page(
    state: &AppState,
    csrf: String,
    inst: &Instrument,
    form: &HashMap<String, String>,
    errors: crate::html::FormErrors,
    blank: Option<BlankPrompt>,
) -> AppResult<LinkForm> {
    let org = state.organisation().await?;
    Ok(LinkForm {
        tr: current(),
        csrf,
        org_name: org.name.clone(),
        q: QuestionnaireView::new(inst, form),
        errors,
        blank,
        crisis: crate::html::phone::crisis_links(org.crisis_lines()),
    })
}

pub async fn link_form(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> AppResult<Response> {
    let u = match usable(&state, &token, false).await? {
        Ok(u) => u,
        Err(page) => return Ok(page),
    };
    // Remembered so that answers sent just after the link expires still count.
    rapport_app::measure_links::mark_opened(&state, &token).await?;
    let (csrf, set) = anonymous_csrf(&state, &headers);
    let page = form_page(&state, csrf, &u.inst, &HashMap::new(), crate::html::FormErrors::default(), None).await?;
    Ok(with_cookie(render(&page)?, set))
}

/// Answers through a link go the one way every response goes
/// (`app::responses`); blank questions are asked about once, then stored.
pub async fn link_submit(
    State(state): State<AppState>,
    Meta(meta): Meta,
    Path(token): Path<String>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> AppResult<Response> {
    let u = match usable(&state, &token, true).await? {
        Ok(u) => u,
        Err(page) => return Ok(page),
    };
    let again = |errors: ValidationErrors, blank: Option<BlankPrompt>| {
        let (state, form, inst) = (state.clone(), form.clone(), u.inst.clone());
        let csrf = anonymous_csrf(&state, &headers).0;
        async move {
            let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
            let page = form_page(&state, csrf, &inst, &form, crate::html::FormErrors(errors), blank).await?;
            AppResult::Ok((status, render(&page)?).into_response())
        }
    };
    let (answers, extras) = match responses::form_answers(&u.inst, &form) {
        Ok(v) => v,
        Err(errs) => return again(errs, None).await,
    };
    if let Some(prompt) = blank_prompt(&u.inst, &answers, &form) {
        return again(ValidationErrors::new(), Some(prompt)).await;
    }
    let via = format!("measure link {}", u.link.id);
    // As shown: in the client's language when the instrument has it (the response records it).
    let shown = crate::html::questionnaire::localized(&u.inst).instrument;
    let sub = Submission {
        client: &u.link.client_id,
        instrument: &shown,
        answers,
        unscored: extras,
        band_set: None,
        mode: Mode::Link,
        course: CourseChoice::ByDate,
        completed_at: Timestamp::now(),
        entered_by: None,
        event: meta.event("client (measure link)", action::MEASURE_RECORD, "measure_response", Outcome::Success),
        via: &via,
        link: Some(ViaLink { token_hash: secret_hash(&token), late: u.late }),
    };
    match responses::record(&state, sub).await.map_err(AppError::from) {
        Ok(Recording::Recorded(rec)) => {
            let org = state.organisation().await?;
            let risk = rec.risk_flag_id.is_some();
            // A positive screen offers its follow-up at once, as a new link.
            let follow_up = match follow_ups::offered(&state, &u.inst, &rec.score.flags).filter(|n| sendable(n)) {
                Some(next) => {
                    let e = meta.event(
                        "client (measure link)",
                        action::MEASURE_LINK_CREATE,
                        "measure_link",
                        Outcome::Success,
                    );
                    let url = measure_links::follow_up_link(&state, &u.link.id, next, e).await?;
                    Some((next.name.clone(), url))
                }
                None => None,
            };
            let page = LinkDone {
                tr: current(),
                org_name: org.name.clone(),
                risk,
                crisis: crate::html::phone::crisis_links(org.crisis_lines()),
                follow_up,
            };
            Ok(render(&page)?.into_response())
        }
        // Used between the check and the write: nothing was stored.
        Ok(Recording::LinkRefused) => {
            gone(&state, StatusCode::GONE, msg("link-gone-refused-title"), msg("link-gone-refused")).await
        }
        Err(AppError::Invalid(errs)) => again(responses::form_errors(errs), None).await,
        Err(e) => Err(e),
    }
}
