//! Client-facing measurement: single-use measure links. A clinician creates a
//! link for one client and one instrument; the client answers it without an
//! account at `/m/{token}`. The token is 256 random bits, stored only as its
//! SHA-256, expires after 7 days and is consumed with the response it records.
//! The client never sees a score; after a risk answer they see the crisis
//! resources and who will read their answers, and when.

use super::auth::{anonymous_csrf, with_cookie};
use super::measures::{field_code, item_views, ItemView};
use super::render;
use crate::access::client_for_portal;
use crate::error::{AppError, AppResult};
use crate::identity::{new_secret, secret_hash, Meta, SignedIn};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Form;
use rapport_core::audit::{action, Outcome};
use rapport_core::measures::definition::{Administration, Instrument};
use rapport_core::measures::scoring::{check_answers, score};
use rapport_core::{Timestamp, ValidationErrors};
use rapport_store::links::{LinkState, LinkSubmit};
use rapport_store::measures::{Mode, NewResponse};
use std::collections::HashMap;

/// How long a measure link stays usable.
pub const LINK_DAYS: i64 = 7;

pub fn routes(r: crate::routes::Routes) -> crate::routes::Routes {
    r.post("/clients/{id}/measures/links", create_link).get("/m/{token}", link_form).post("/m/{token}", link_submit)
}

/// Whether a client may be sent this instrument: self-report, with its text shipped.
pub fn sendable(inst: &Instrument) -> bool {
    inst.administration != Administration::Clinician && !inst.text_placeholder
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
    let c = client_for_portal(&state, &me, &id).await?;
    let inst = form
        .get("instrument")
        .and_then(|i| state.instruments.get(i))
        .ok_or_else(|| AppError::invalid("instrument", "Choose a questionnaire to send"))?;
    if !sendable(inst) {
        return Err(AppError::invalid(
            "instrument",
            format!(
                "{} cannot be sent as a link: it is clinician-rated or its text is licensed and not shipped",
                inst.short_name
            ),
        ));
    }
    let token = new_secret();
    let expires = Timestamp::now().plus(time::Duration::days(LINK_DAYS));
    let mut e = me.event(action::MEASURE_LINK_CREATE, "measure_link");
    e.detail = Some(format!("{} expires {}", inst.id, expires.to_db()));
    state.store.create_measure_link(&secret_hash(&token), &c.id, &inst.id, &me.user.id, expires, e).await?;
    let base = state.config.public_url.as_deref().unwrap_or_default().trim_end_matches('/').to_string();
    let layout =
        super::Layout::new(&state, &me, format!("Measure link · {}", c.details.display_name), "caseload").await?;
    Ok(render(&LinkCreated {
        layout,
        client_id: c.id.to_string(),
        client_name: c.details.display_name.clone(),
        short_name: inst.short_name.clone(),
        url: format!("{base}/m/{token}"),
        expires: expires.display(),
    })?
    .into_response())
}

#[derive(Template)]
#[template(path = "link_form.html")]
struct LinkForm {
    csrf: String,
    org_name: String,
    title: String,
    instructions: String,
    attribution: String,
    /// The organisation's own crisis lines (none: only the local emergency number).
    crisis: Vec<String>,
    items: Vec<ItemView>,
    extras: Vec<ItemView>,
    errors: super::FormErrors,
}

#[derive(Template)]
#[template(path = "link_done.html")]
struct LinkDone {
    org_name: String,
    risk: bool,
    crisis: Vec<String>,
    /// A positive screen's follow-up: (instrument name, link address).
    follow_up: Option<(String, String)>,
}

#[derive(Template)]
#[template(path = "link_gone.html")]
struct LinkGone {
    org_name: String,
    heading: &'static str,
    message: &'static str,
}

async fn gone(
    state: &AppState,
    status: StatusCode,
    heading: &'static str,
    message: &'static str,
) -> AppResult<Response> {
    let org_name = state.organisation().await?.name;
    Ok((status, render(&LinkGone { org_name, heading, message })?).into_response())
}

/// The live link's instrument, or the page to show instead (404 unknown, 410 used or expired).
async fn live(
    state: &AppState,
    token: &str,
) -> AppResult<Result<(rapport_store::links::MeasureLink, Instrument), Response>> {
    let found = state.store.measure_link(&secret_hash(token)).await?;
    let page = match found {
        LinkState::Live(link) => match state.instruments.get(&link.instrument_id) {
            Some(inst) => return Ok(Ok((link.clone(), inst.clone()))),
            None => gone(state, StatusCode::NOT_FOUND, "This link does not work", NOT_FOUND_TEXT).await?,
        },
        LinkState::Unknown => gone(state, StatusCode::NOT_FOUND, "This link does not work", NOT_FOUND_TEXT).await?,
        LinkState::Used(_) => {
            gone(
                state,
                StatusCode::GONE,
                "This questionnaire has already been sent",
                "Thank you: your answers were received. Each link can be used once. If you need to change an answer, tell your clinician at your next appointment.",
            )
            .await?
        }
        LinkState::Expired(_) => {
            gone(
                state,
                StatusCode::GONE,
                "This link has expired",
                "Links last 7 days. Ask your clinician for a new one if they would like you to fill it in.",
            )
            .await?
        }
    };
    Ok(Err(page))
}

/// A scored form: the score and the answers to unscored items (if the instrument has any).
pub(crate) type ScoredForm = (rapport_core::measures::scoring::Score, Option<Vec<Option<i64>>>);

/// Reads a client-facing questionnaire form (`item_N`, `extra_N`) and scores
/// it: the score and the unscored answers, or errors naming the form fields.
pub(crate) fn score_client_form(
    inst: &Instrument,
    form: &HashMap<String, String>,
) -> Result<ScoredForm, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let answers: Vec<Option<i64>> =
        inst.items.iter().map(|it| field_code(form, &format!("item_{}", it.number), &mut errors)).collect();
    let offset = inst.items.len() as u32;
    let extras: Vec<Option<i64>> = inst
        .unscored_items
        .iter()
        .map(|it| field_code(form, &format!("extra_{}", it.number - offset), &mut errors))
        .collect();
    for (it, a) in inst.items.iter().zip(&answers) {
        if a.is_none() && errors.is_empty() {
            errors.add(&format!("item_{}", it.number), format!("Answer question {} (choose one option)", it.number));
        }
    }
    let scored = errors.into_result().and_then(|_| {
        check_answers(inst, &answers)?;
        score(inst, &answers)
    });
    scored.map(|s| (s, (!extras.is_empty()).then_some(extras))).map_err(|errs| {
        ValidationErrors(
            errs.0
                .into_iter()
                .map(|mut e| {
                    if let Some(i) = e.field.strip_prefix("answers[").and_then(|r| r.strip_suffix(']')) {
                        e.field = format!("item_{}", i.parse::<u32>().unwrap_or(0) + 1);
                    }
                    e
                })
                .collect(),
        )
    })
}

const NOT_FOUND_TEXT: &str =
    "Check that you copied the whole link. If it still does not work, ask your clinician for a new one.";

fn form_page(
    csrf: String,
    org: &rapport_store::org::Organisation,
    inst: &Instrument,
    form: &HashMap<String, String>,
    errors: super::FormErrors,
) -> LinkForm {
    LinkForm {
        csrf,
        org_name: org.name.clone(),
        crisis: org.configured_crisis_lines(),
        title: inst.name.clone(),
        instructions: inst.instructions.clone().unwrap_or_default(),
        attribution: inst.attribution.clone().unwrap_or_default(),
        items: item_views(inst, &inst.items, "item", 0, form),
        extras: item_views(inst, &inst.unscored_items, "extra", inst.items.len() as u32, form),
        errors,
    }
}

pub async fn link_form(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> AppResult<Response> {
    let (_, inst) = match live(&state, &token).await? {
        Ok(v) => v,
        Err(page) => return Ok(page),
    };
    let (csrf, set) = anonymous_csrf(&state, &headers);
    let org = state.organisation().await?;
    let page = form_page(csrf, &org, &inst, &HashMap::new(), super::FormErrors::default());
    Ok(with_cookie(render(&page)?, set))
}

pub async fn link_submit(
    State(state): State<AppState>,
    Meta(meta): Meta,
    Path(token): Path<String>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> AppResult<Response> {
    let (link, inst) = match live(&state, &token).await? {
        Ok(v) => v,
        Err(page) => return Ok(page),
    };
    let (scored, extras) = match score_client_form(&inst, &form) {
        Ok(v) => v,
        Err(errs) => {
            let (csrf, _) = anonymous_csrf(&state, &headers);
            let org = state.organisation().await?;
            let page = form_page(csrf, &org, &inst, &form, super::FormErrors(errs));
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
        }
    };
    let mut e = meta.event("client (measure link)", action::MEASURE_RECORD, "measure_response", Outcome::Success);
    e.detail = Some(format!("{} v{} via measure link {}", scored.instrument, scored.instrument_version, link.id));
    let new = NewResponse {
        client_id: link.client_id.clone(),
        course_id: None,
        score: scored,
        unscored_answers: extras,
        completed_at: Timestamp::now(),
        entered_by: None,
        mode: Mode::Link,
    };
    match state.store.submit_measure_link(&secret_hash(&token), &new, e).await? {
        LinkSubmit::Recorded(rec) => {
            let org = state.organisation().await?;
            let risk = rec.risk_flag_id.is_some();
            // A positive screen offers its follow-up at once, as a new link.
            let follow_up = match super::follow_up::offered(&state, &inst, &new.score.flags).filter(|n| sendable(n)) {
                Some(next) => {
                    let e = meta.event(
                        "client (measure link)",
                        action::MEASURE_LINK_CREATE,
                        "measure_link",
                        Outcome::Success,
                    );
                    let url = super::follow_up::follow_up_link(&state, &link.id, next, e).await?;
                    Some((next.name.clone(), url))
                }
                None => None,
            };
            let page = LinkDone { org_name: org.name.clone(), risk, crisis: org.crisis_lines(), follow_up };
            Ok(render(&page)?.into_response())
        }
        // Used or expired between the check and the write: nothing was stored.
        LinkSubmit::Refused => {
            gone(
                &state,
                StatusCode::GONE,
                "This link can no longer be used",
                "Nothing was saved. Ask your clinician for a new link.",
            )
            .await
        }
    }
}
