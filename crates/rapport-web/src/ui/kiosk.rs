//! Kiosk mode's pages: the clinician's hand-over page, then (on the same
//! browser session, now locked) the client-facing questionnaires, the
//! thank-you screens, Help now, and "Return to clinician" with the PIN.
//! The rules are `rapport_app::kiosk`; the lock itself is checked for every
//! request in `identity::resolve`.

use super::Layout;
use crate::error::{AppError, AppResult};
use crate::html::questionnaire::QuestionnaireView;
use crate::html::{render, FormErrors};
use crate::i18n::{current, msg, Tr};
use crate::identity::SignedIn;
use crate::security::clear_session_cookie;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use rapport_app::caller::Identity;
use rapport_app::kiosk::{self, Handover, Unlock};
use rapport_app::responses::{self, blank_prompt, BlankPrompt};
use rapport_app::AppState;
use rapport_core::kiosk::MAX_PIN_FAILURES;
use rapport_core::measures::definition::Instrument;
use rapport_core::validation::KeyArg;
use rapport_core::ValidationErrors;
use std::collections::HashMap;

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/clients/{id}/kiosk", handover_form)
        .post("/clients/{id}/kiosk", handover)
        .get("/kiosk", show)
        .post("/kiosk/measures/{instrument}", submit)
        .get("/kiosk/help", help)
        .get("/kiosk/unlock", unlock_form)
        .post("/kiosk/unlock", unlock)
}

// ---- the clinician's side: handing over ------------------------------------------------

#[derive(Template)]
#[template(path = "kiosk_handover.html")]
struct HandoverPage {
    layout: Layout,
    h: Handover,
    errors: FormErrors,
    picked: Vec<String>,
}

impl HandoverPage {
    fn is_picked(&self, id: &str) -> bool {
        self.picked.iter().any(|p| p == id)
    }
}

async fn handover_page(
    state: &AppState,
    me: &Identity,
    id: &str,
    errors: ValidationErrors,
    picked: Vec<String>,
) -> AppResult<HandoverPage> {
    let h = kiosk::prepare(state, me, id).await?;
    let title = current().ta("kiosk-handover-page-title", "client", &h.client.details.display_name);
    let layout = Layout::new(state, me, title, "caseload").await?;
    Ok(HandoverPage { layout, h, errors: FormErrors(errors), picked })
}

pub async fn handover_form(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    Ok(render(&handover_page(&state, &me, &id, ValidationErrors::new(), Vec::new()).await?)?.into_response())
}

/// The picked questionnaires (`instruments`, repeated) of the hand-over form.
fn picked(body: &[(String, String)]) -> Vec<String> {
    body.iter().filter(|(k, _)| k == "instruments").map(|(_, v)| v.clone()).collect()
}

pub async fn handover(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Form(body): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let picked = picked(&body);
    match kiosk::start(&state, &me, &id, &picked).await {
        Ok(()) => Ok(Redirect::to("/kiosk").into_response()),
        Err(rapport_app::Error::Invalid(errs)) => {
            let page = handover_page(&state, &me, &id, errs, picked).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

// ---- the client's side: the locked kiosk ---------------------------------------------

/// The frame of every kiosk page (client-friendly portal styling, no
/// navigation), in the client's language (see `crate::i18n::negotiate`).
pub struct KioskLayout {
    pub title: String,
    pub org_name: String,
    pub csrf: String,
    /// The Help now page (its button marked as the current page).
    pub help: bool,
    pub tr: Tr,
}

impl KioskLayout {
    async fn new(state: &AppState, me: &Identity, title: impl Into<String>) -> AppResult<Self> {
        Ok(KioskLayout {
            title: title.into(),
            org_name: state.organisation().await?.name,
            csrf: me.csrf().into(),
            help: false,
            tr: current(),
        })
    }

    /// A sentence with a link in it (see `crate::i18n::sentence_with_link`), as HTML.
    pub fn sentence(&self, id: &str, href: &str, link_text: &str) -> String {
        crate::i18n::sentence_with_link(&self.tr, id, href, link_text)
    }
}

#[derive(Template)]
#[template(path = "kiosk_measure.html")]
struct MeasurePage {
    layout: KioskLayout,
    /// "Hello Sam. Your clinician asked you to answer this and 2 more."
    greeting: String,
    inst_id: String,
    q: QuestionnaireView,
    errors: FormErrors,
    blank: Option<BlankPrompt>,
    crisis: Vec<crate::html::phone::Linked>,
}

#[derive(Template)]
#[template(path = "kiosk_done.html")]
struct DonePage {
    layout: KioskLayout,
    first_name: String,
    /// Just answered one (a thank-you), rather than arriving with nothing left.
    thanked: bool,
    risk: bool,
    crisis: Vec<crate::html::phone::Linked>,
    /// The next questionnaire's name, if one is left.
    next: Option<String>,
}

/// A page of a locked session, or home when this session is not locked.
fn not_locked(me: &Identity) -> Option<Response> {
    me.kiosk_client().is_none().then(|| Redirect::to("/").into_response())
}

async fn measure_page(
    state: &AppState,
    me: &Identity,
    inst: &Instrument,
    form: &HashMap<String, String>,
    errors: FormErrors,
    blank: Option<BlankPrompt>,
) -> AppResult<MeasurePage> {
    let k = kiosk::current(state, me).await?;
    let crisis = match &blank {
        Some(b) if b.risk => crate::html::phone::crisis_links(state.organisation().await?.crisis_lines()),
        _ => Vec::new(),
    };
    let after = k.after;
    Ok(MeasurePage {
        layout: KioskLayout::new(state, me, inst.name_in(crate::i18n::current().lang()).to_string()).await?,
        greeting: current().tn("kiosk-greeting", &[("name", &k.first_name), ("after", &after)]),
        inst_id: inst.id.clone(),
        q: QuestionnaireView::new(inst, form),
        errors,
        blank,
        crisis,
    })
}

/// The kiosk: the questionnaire to answer now, or "all done, hand the device back".
pub async fn show(State(state): State<AppState>, SignedIn(me): SignedIn) -> AppResult<Response> {
    if let Some(r) = not_locked(&me) {
        return Ok(r);
    }
    let k = kiosk::current(&state, &me).await?;
    match &k.current {
        Some(inst) => {
            let page = measure_page(&state, &me, inst, &HashMap::new(), FormErrors::default(), None).await?;
            Ok(render(&page)?.into_response())
        }
        None => {
            let page = DonePage {
                layout: KioskLayout::new(&state, &me, current().t("kiosk-done-all-title")).await?,
                first_name: k.first_name,
                thanked: false,
                risk: false,
                crisis: Vec::new(),
                next: None,
            };
            Ok(render(&page)?.into_response())
        }
    }
}

/// The client's answers, through the one response pipeline; then a thank-you
/// without scores and the next questionnaire.
pub async fn submit(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(instrument): Path<String>,
    Form(form): Form<HashMap<String, String>>,
) -> AppResult<Response> {
    if let Some(r) = not_locked(&me) {
        return Ok(r);
    }
    let inst = match kiosk::offered(&state, &me, &instrument).await {
        Ok(inst) => inst,
        // Sent twice (a double tap, the back button): on to what is offered now.
        Err(rapport_app::Error::NotFound) => return Ok(Redirect::to("/kiosk").into_response()),
        Err(e) => return Err(e.into()),
    };
    let (answers, extras) = match responses::form_answers(&inst, &form) {
        Ok(v) => v,
        Err(errs) => {
            let page = measure_page(&state, &me, &inst, &form, FormErrors(errs), None).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
        }
    };
    if let Some(prompt) = blank_prompt(&inst, &answers, &form) {
        let page = measure_page(&state, &me, &inst, &form, FormErrors::default(), Some(prompt)).await?;
        return Ok(render(&page)?.into_response());
    }
    // As shown: in the client's language when the instrument has it (the response records it).
    let shown = crate::html::questionnaire::localized(&inst).instrument;
    let rec = match kiosk::submit(&state, &me, &shown, answers, extras).await.map_err(AppError::from) {
        Ok(rec) => rec,
        Err(AppError::Invalid(errs)) => {
            let page = measure_page(&state, &me, &inst, &form, FormErrors(responses::form_errors(errs)), None).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
        }
        Err(e) => return Err(e),
    };
    let k = kiosk::current(&state, &me).await?;
    let page = DonePage {
        layout: KioskLayout::new(&state, &me, current().t("portal-done-title")).await?,
        first_name: k.first_name,
        thanked: true,
        risk: rec.risk_flag_id.is_some(),
        crisis: crate::html::phone::crisis_links(state.organisation().await?.crisis_lines()),
        next: k.current.map(|i| i.name),
    };
    Ok(render(&page)?.into_response())
}

#[derive(Template)]
#[template(path = "kiosk_help.html")]
struct HelpPage {
    layout: KioskLayout,
    crisis: Vec<crate::html::phone::Linked>,
}

pub async fn help(State(state): State<AppState>, SignedIn(me): SignedIn) -> AppResult<Response> {
    if let Some(r) = not_locked(&me) {
        return Ok(r);
    }
    let page = HelpPage {
        layout: KioskLayout { help: true, ..KioskLayout::new(&state, &me, current().t("portal-help-now")).await? },
        crisis: crate::html::phone::crisis_links(state.organisation().await?.crisis_lines()),
    };
    Ok(render(&page)?.into_response())
}

// ---- handing back ----------------------------------------------------------------------

#[derive(Template)]
#[template(path = "kiosk_unlock.html")]
struct UnlockPage {
    layout: KioskLayout,
    clinician: String,
    errors: FormErrors,
}

async fn unlock_page(state: &AppState, me: &Identity, errors: ValidationErrors) -> AppResult<UnlockPage> {
    Ok(UnlockPage {
        layout: KioskLayout::new(state, me, current().t("kiosk-return-title")).await?,
        clinician: me.user.name.clone(),
        errors: FormErrors(errors),
    })
}

pub async fn unlock_form(State(state): State<AppState>, SignedIn(me): SignedIn) -> AppResult<Response> {
    if let Some(r) = not_locked(&me) {
        return Ok(r);
    }
    Ok(render(&unlock_page(&state, &me, ValidationErrors::new()).await?)?.into_response())
}

#[derive(serde::Deserialize, Default)]
pub struct PinTyped {
    pin: Option<String>,
}

pub async fn unlock(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Form(f): Form<PinTyped>,
) -> AppResult<Response> {
    if let Some(r) = not_locked(&me) {
        return Ok(r);
    }
    match kiosk::unlock(&state, &me, f.pin.as_deref()).await? {
        Unlock::Unlocked { client_id } => {
            Ok(Redirect::to(&format!("/clients/{client_id}/measures?done=kiosk-returned")).into_response())
        }
        Unlock::Wrong { left } => {
            let args = vec![("left", KeyArg::Number(left)), ("tries", KeyArg::Number(MAX_PIN_FAILURES))];
            let errors = ValidationErrors::single_key("pin", msg("kiosk-unlock-wrong-pin"), args);
            let page = unlock_page(&state, &me, errors).await?;
            Ok((StatusCode::UNAUTHORIZED, render(&page)?).into_response())
        }
        Unlock::SignedOut => {
            let mut resp = Redirect::to("/login?done=kiosk-signed-out").into_response();
            resp.headers_mut().append(header::SET_COOKIE, clear_session_cookie(&state));
            Ok(resp)
        }
    }
}
