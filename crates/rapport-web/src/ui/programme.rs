//! The group programme pages: the screening-to-completion funnel (counts per
//! step, per site and per facilitator, each step's people one click away)
//! and the screening form (an existing client or a person registered on the
//! spot, the programme's eligibility questionnaire, the outcome in words).
//! Every figure comes from `rapport_app::groups::funnel`; every screening goes
//! through `rapport_app::groups::screen`.

use super::Layout;
use crate::error::{AppError, AppResult};
use crate::html::form::Pairs;
use crate::html::phone::{crisis_links, Linked};
use crate::html::questionnaire::QuestionnaireView;
use crate::html::{render, FormErrors};
use crate::i18n::msg;
use crate::identity::SignedIn;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::Form;
use rapport_app::clients::{self, CaseloadRequest};
use rapport_app::groups::{self, Funnel, FunnelFilter, Screened, ScreeningInput};
use rapport_app::{AppState, Identity};
use rapport_core::client::RawClientDetails;
use rapport_core::group::{FunnelStep, ScreeningOutcome};
use rapport_core::measures::definition::Instrument;
use rapport_core::protocol::Protocol;
use rapport_core::{Id, ValidationErrors};
use rapport_store::groups::Site;
use serde::Deserialize;
use std::collections::HashMap;

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/programme", page).get("/screening/new", screening_form).post("/screening/new", screen)
}

// ---- The funnel ----

#[derive(Deserialize, Default)]
pub struct FunnelQuery {
    pub site: Option<String>,
    pub facilitator: Option<String>,
    pub step: Option<String>,
}

/// An id filter as typed: blank is no filter, anything else must be an id.
fn id_filter(field: &str, message: &'static str, v: &Option<String>) -> Result<Option<Id>, AppError> {
    match v.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => Id::parse(s)
            .map(Some)
            .ok_or_else(|| AppError::Invalid(ValidationErrors::single_key(field, message, vec![]))),
    }
}

/// One step of the funnel with its count, the link to its people and its bar.
pub struct StepView {
    pub key: &'static str,
    pub label: String,
    /// "3 screened: list them", for screen readers.
    pub link_label: String,
    pub count: u64,
    pub href: String,
    /// Bar length in the 0..=160 wide bar cell.
    pub bar: u32,
    pub current: bool,
}

/// A row of a site or facilitator table: its name, the link that filters by
/// it, and one (count, link to the people) per step.
pub struct BreakdownRow {
    pub name: String,
    pub filter_href: String,
    pub cells: Vec<(u64, String)>,
}

/// A person listed at the chosen step.
pub struct ListedView {
    pub href: String,
    pub name: String,
    pub site: String,
    pub screening: String,
    pub status: String,
    pub group: Option<(String, String)>,
    pub attended: u32,
}

#[derive(Template)]
#[template(path = "programme.html")]
struct ProgrammePage {
    layout: Layout,
    steps: Vec<StepView>,
    /// Short column names, in step order.
    columns: Vec<String>,
    by_site: Vec<BreakdownRow>,
    by_facilitator: Vec<BreakdownRow>,
    sites: Vec<Site>,
    facilitators: Vec<(Id, String)>,
    site: String,
    facilitator: String,
    /// The filters in words ("at Kasese North, Amina Okello's groups").
    filter_words: String,
    chosen: Option<(&'static str, String)>,
    /// "Screened: 3 people".
    chosen_heading: String,
    listed: Vec<ListedView>,
    clear_step_href: String,
    may_screen: bool,
}

/// A column heading short enough for a table of nine steps.
fn short_label(step: FunnelStep) -> &'static str {
    match step {
        FunnelStep::Screened => msg("programme-col-screened"),
        FunnelStep::Eligible => msg("programme-col-eligible"),
        FunnelStep::NotEligible => msg("programme-col-not-eligible"),
        FunnelStep::Referred => msg("programme-col-referred"),
        FunnelStep::PreGroupDone => msg("programme-col-pre-group-done"),
        FunnelStep::Enrolled => msg("programme-col-enrolled"),
        FunnelStep::Attended => msg("programme-col-attended"),
        FunnelStep::Completed => msg("programme-col-completed"),
        FunnelStep::DroppedOut => msg("programme-col-dropped-out"),
    }
}

/// `/programme` with these filters (blank ones left out).
fn programme_href(site: &str, facilitator: &str, step: Option<&str>) -> String {
    let mut q: Vec<String> = Vec::new();
    if !site.is_empty() {
        q.push(format!("site={site}"));
    }
    if !facilitator.is_empty() {
        q.push(format!("facilitator={facilitator}"));
    }
    if let Some(s) = step {
        q.push(format!("step={s}"));
    }
    let anchor = if step.is_some() { "#people" } else { "" };
    if q.is_empty() {
        "/programme".into()
    } else {
        format!("/programme?{}{anchor}", q.join("&"))
    }
}

fn breakdown(counts: &[(FunnelStep, u64)], site: &str, facilitator: &str) -> Vec<(u64, String)> {
    counts.iter().map(|(s, n)| (*n, programme_href(site, facilitator, Some(s.as_str())))).collect()
}

pub async fn page(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Query(q): Query<FunnelQuery>,
) -> AppResult<Html<String>> {
    let tr = crate::i18n::current();
    let site_id = id_filter("site", msg("programme-error-site"), &q.site)?;
    let facilitator_id = id_filter("facilitator", msg("programme-error-facilitator"), &q.facilitator)?;
    let step = match q.step.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => Some(FunnelStep::parse(s).ok_or_else(|| {
            let keys: Vec<&str> = FunnelStep::ALL.iter().map(|s| s.as_str()).collect();
            AppError::Invalid(ValidationErrors::single_key(
                "step",
                msg("programme-error-step"),
                vec![("keys", keys.join(", ").into())],
            ))
        })?),
    };
    let filter = FunnelFilter { site: site_id.clone(), facilitator: facilitator_id.clone(), step };
    let Funnel { counts, by_site, by_facilitator, listed, sites } = groups::funnel(&state, &me, &filter).await?;
    let site = site_id.as_ref().map(Id::to_string).unwrap_or_default();
    let facilitator = facilitator_id.as_ref().map(Id::to_string).unwrap_or_default();
    let max = counts.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let steps = counts
        .iter()
        .map(|(s, n)| StepView {
            key: s.as_str(),
            label: tr.t(s.message()),
            // The step's name inside a sentence: "3 screened: list them".
            link_label: tr.tn(
                msg("programme-step-link"),
                &[("count", &(*n as i64)), ("step", &tr.t(s.message()).to_lowercase())],
            ),
            count: *n,
            href: programme_href(&site, &facilitator, Some(s.as_str())),
            bar: if *n == 0 { 0 } else { ((*n * 160) / max).max(2) as u32 },
            current: Some(*s) == step,
        })
        .collect();
    let site_rows = by_site
        .iter()
        .map(|(s, c)| {
            let id = s.as_ref().map(|s| s.id.to_string()).unwrap_or_default();
            BreakdownRow {
                name: s.as_ref().map(|s| s.name.clone()).unwrap_or_else(|| tr.t("group-no-site")),
                filter_href: if id.is_empty() { String::new() } else { programme_href(&id, &facilitator, None) },
                cells: if id.is_empty() {
                    c.iter().map(|(_, n)| (*n, String::new())).collect()
                } else {
                    breakdown(c, &id, &facilitator)
                },
            }
        })
        .collect();
    let fac_rows = by_facilitator
        .iter()
        .map(|(id, name, c)| BreakdownRow {
            name: name.clone(),
            filter_href: programme_href(&site, id.as_str(), None),
            cells: breakdown(c, &site, id.as_str()),
        })
        .collect();
    let mut facilitators: Vec<(Id, String)> = by_facilitator.iter().map(|(id, n, _)| (id.clone(), n.clone())).collect();
    if let Some(f) = &facilitator_id {
        if !facilitators.iter().any(|(id, _)| id == f) {
            facilitators.push((f.clone(), tr.t("programme-chosen-facilitator")));
        }
    }
    let site_name = |id: &Option<Id>| -> String {
        id.as_ref().and_then(|i| sites.iter().find(|s| &s.id == i)).map(|s| s.name.clone()).unwrap_or_default()
    };
    let mut words = Vec::new();
    if site_id.is_some() {
        let n = site_name(&site_id);
        words.push(if n.is_empty() {
            tr.t("programme-at-chosen-site")
        } else {
            tr.ta("programme-at-site", "site", &n)
        });
    }
    if let Some(f) = &facilitator_id {
        let n = facilitators.iter().find(|(id, _)| id == f).map(|(_, n)| n.clone()).unwrap_or_default();
        words.push(tr.ta("programme-with-facilitator", "name", &n));
    }
    let group_names: HashMap<String, String> = if listed.iter().any(|l| l.group_id.is_some()) {
        groups::list(&state, &me).await?.into_iter().map(|g| (g.id.to_string(), g.name)).collect()
    } else {
        HashMap::new()
    };
    let listed: Vec<ListedView> = listed
        .into_iter()
        .map(|l| ListedView {
            href: format!("/clients/{}", l.client_id),
            name: l.display_name,
            site: site_name(&l.site_id),
            screening: tr.t(l.screening.map(ScreeningOutcome::message).unwrap_or(msg("programme-not-screened-here"))),
            status: l.status.map(|s| tr.t(s.message())).unwrap_or_default(),
            group: l.group_id.map(|g| {
                let g = g.to_string();
                let name = group_names.get(&g).cloned().unwrap_or_else(|| tr.t("programme-their-group"));
                (format!("/groups/{g}"), name)
            }),
            attended: l.attended,
        })
        .collect();
    let layout = Layout::new(&state, &me, tr.t("programme-title"), "programme").await?;
    let listed_count = listed.len();
    render(&ProgrammePage {
        layout,
        steps,
        columns: FunnelStep::ALL.iter().map(|s| tr.t(short_label(*s))).collect(),
        by_site: site_rows,
        by_facilitator: fac_rows,
        sites,
        facilitators,
        filter_words: words.join(", "),
        chosen: step.map(|s| (s.as_str(), tr.t(s.message()))),
        chosen_heading: step
            .map(|s| tr.tn(msg("programme-people-at-step"), &[("step", &tr.t(s.message())), ("count", &listed_count)]))
            .unwrap_or_default(),
        listed,
        clear_step_href: programme_href(&site, &facilitator, None),
        site,
        facilitator,
        may_screen: me.actor().can_hold_caseload(),
    })
}

// ---- Screening ----

/// The screening form as posted (the questionnaire's `item_N` fields are
/// read from the same pairs).
#[derive(Clone, Debug, Default)]
pub struct ScreeningForm {
    /// "new" to register a person in the same form, else a client id.
    pub client: String,
    pub new_name: String,
    pub new_site: String,
    pub protocol: String,
    /// The instrument whose questions were shown.
    pub instrument: String,
    pub date: String,
    pub note: String,
    pub answers: HashMap<String, String>,
}

impl ScreeningForm {
    fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        let mut f = ScreeningForm::default();
        for (k, v) in pairs {
            match k.as_str() {
                "client" => f.client = v,
                "new_name" => f.new_name = v,
                "new_site" => f.new_site = v,
                "protocol" => f.protocol = v,
                "instrument" => f.instrument = v,
                "date" => f.date = v,
                "note" => f.note = v,
                _ => {
                    f.answers.insert(k, v);
                }
            }
        }
        f
    }
}

#[derive(Template)]
#[template(path = "screening_form.html")]
struct ScreeningPage {
    layout: Layout,
    form: ScreeningForm,
    errors: FormErrors,
    /// The clients the caller may screen (their active caseload), by name.
    clients: Vec<(String, String)>,
    sites: Vec<Site>,
    protocols: Vec<Protocol>,
    inst_id: String,
    short_name: String,
    placeholder: bool,
    q: QuestionnaireView,
    today: String,
    /// Registered in this form though the screening was refused.
    registered: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct ScreeningQuery {
    pub client: Option<String>,
    pub protocol: Option<String>,
}

/// The group protocols, and the one chosen (the first when none or unknown).
fn programmes(state: &AppState, chosen: &str) -> (Vec<Protocol>, Option<Protocol>) {
    let all: Vec<Protocol> = state.config.protocols.groups().cloned().collect();
    let pick = all.iter().find(|p| p.id == chosen.trim()).or(all.first()).cloned();
    (all, pick)
}

fn screening_instrument<'a>(state: &'a AppState, p: &Protocol) -> AppResult<&'a Instrument> {
    let id = p.group_format.as_ref().map(|g| g.eligibility.instrument.as_str()).unwrap_or("phq9");
    state.instruments.get(id).ok_or_else(|| AppError::internal(format!("screening instrument {id} is not installed")))
}

async fn screening_page(
    state: &AppState,
    me: &Identity,
    mut form: ScreeningForm,
    errors: ValidationErrors,
    registered: Option<String>,
) -> AppResult<ScreeningPage> {
    let (protocols, chosen) = programmes(state, &form.protocol);
    let chosen = chosen.ok_or_else(|| AppError::internal("no group protocol is installed"))?;
    form.protocol = chosen.id.clone();
    let inst = screening_instrument(state, &chosen)?;
    let req =
        CaseloadRequest { status: Some("active"), limit: Some(rapport_core::caseload::MAX_PAGE), ..Default::default() };
    let (rows, _, _) = clients::caseload(state, me, req, " for screening").await?;
    let clients = rows.into_iter().map(|r| (r.id.to_string(), r.display_name)).collect();
    let sites = groups::sites(state, me).await?;
    if form.new_site.is_empty() && form.client.is_empty() {
        form.new_site = me.user.site_id.as_ref().map(Id::to_string).unwrap_or_default();
    }
    let today = rapport_core::time::format_date(rapport_app::clock::today());
    if form.date.is_empty() {
        form.date = today.clone();
    }
    let layout = Layout::new(state, me, crate::i18n::current().t("screening-title"), "programme").await?;
    Ok(ScreeningPage {
        layout,
        errors: FormErrors(errors),
        clients,
        sites,
        protocols,
        inst_id: inst.id.clone(),
        short_name: inst.short_name.clone(),
        placeholder: inst.text_placeholder,
        q: QuestionnaireView::new(inst, &form.answers),
        form,
        today,
        registered,
    })
}

pub async fn screening_form(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Query(q): Query<ScreeningQuery>,
) -> AppResult<Html<String>> {
    rapport_app::access::require_caseload(&state, &me).await?;
    let form = ScreeningForm {
        client: q.client.unwrap_or_default(),
        protocol: q.protocol.unwrap_or_default(),
        ..Default::default()
    };
    render(&screening_page(&state, &me, form, ValidationErrors::new(), None).await?)
}

#[derive(Template)]
#[template(path = "screening_result.html")]
struct ResultPage {
    layout: Layout,
    client_id: String,
    name: String,
    programme: String,
    short_name: String,
    s: Screened,
    min_total: i64,
    /// The severity band in words.
    band: Option<String>,
    crisis: Vec<Linked>,
    registered: bool,
    /// "A risk flag is open (see the flag); call your supervisor today.", with its link.
    flag_sentence: String,
    /// "Choose their group (add them from the group's page).", with its link.
    choose_group: String,
}

impl ResultPage {
    fn eligible(&self) -> bool {
        self.s.outcome == ScreeningOutcome::Eligible
    }
    fn referred(&self) -> bool {
        self.s.outcome == ScreeningOutcome::Referred
    }
}

/// Screens an existing client, or registers the person first (name and
/// site) and then screens them. Answers that cannot be read are refused
/// before anyone is registered; a screening refused after registering says
/// so and keeps the new person chosen.
pub async fn screen(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Form(pairs): Form<Pairs>,
) -> AppResult<Response> {
    // Every pair is kept: the questionnaire's fields vary with the programme.
    let mut form = ScreeningForm::from_pairs(pairs.0);
    rapport_app::access::require_caseload(&state, &me).await?;
    let refuse = |form: ScreeningForm, errors: ValidationErrors, registered: Option<String>| {
        let state = state.clone();
        let me = me.clone();
        async move {
            let page = screening_page(&state, &me, form, errors, registered).await?;
            Ok::<Response, AppError>((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
    };
    let (_, chosen) = programmes(&state, &form.protocol);
    let Some(protocol) = chosen.filter(|p| p.id == form.protocol.trim()) else {
        let ids: Vec<String> = state.config.protocols.groups().map(|p| p.id.clone()).collect();
        let e = ValidationErrors::single_key(
            "protocol",
            msg("screening-error-programme"),
            vec![("ids", ids.join(", ").into())],
        );
        return refuse(form, e, None).await;
    };
    let inst = screening_instrument(&state, &protocol)?;
    if form.instrument.trim() != inst.id {
        // Another programme's questions were shown: ask this one's.
        let e = ValidationErrors::single_key(
            "protocol",
            msg("screening-error-other-measure"),
            vec![
                ("programme", protocol.name_in(crate::i18n::current().lang()).to_string().into()),
                ("measure", inst.short_name.clone().into()),
            ],
        );
        form.answers.clear();
        return refuse(form, e, None).await;
    }
    let answers = match rapport_app::responses::form_answers(inst, &form.answers) {
        Ok((a, _)) => a,
        Err(e) => return refuse(form, e, None).await,
    };
    let mut registered = None;
    let client_id = match form.client.trim() {
        "" => {
            return refuse(form, ValidationErrors::single_key("client", msg("screening-error-client"), vec![]), None)
                .await
        }
        "new" => {
            let raw = RawClientDetails { display_name: Some(form.new_name.clone()), ..Default::default() };
            let site = Some(form.new_site.as_str()).filter(|s| !s.trim().is_empty());
            match clients::create(&state, &me, raw, site, ValidationErrors::new()).await.map_err(AppError::from) {
                Ok(c) => {
                    registered = Some(c.details.display_name.clone());
                    form.client = c.id.to_string();
                    c.id.to_string()
                }
                Err(AppError::Invalid(e)) => {
                    let e = FormErrors(e).rename("display_name", "new_name").rename("site_id", "new_site").0;
                    return refuse(form, e, None).await;
                }
                Err(other) => return Err(other),
            }
        }
        id => id.to_string(),
    };
    let input = ScreeningInput {
        client_id: client_id.clone(),
        protocol: protocol.id.clone(),
        answers,
        note: Some(form.note.clone()),
        date: Some(form.date.clone()),
    };
    let s = match groups::screen(&state, &me, &input).await.map_err(AppError::from) {
        Ok(s) => s,
        Err(AppError::Invalid(e)) => {
            let mut e = FormErrors(rapport_app::responses::form_errors(e)).rename("client_id", "client").0;
            // The pipeline's name for the date taken is the form's "date".
            for f in e.0.iter_mut().filter(|f| f.field == "completed_at") {
                *f = rapport_core::FieldError::keyed("date", msg("screening-error-future"), vec![]);
            }
            return refuse(form, e, registered).await;
        }
        Err(other) => return Err(other),
    };
    let (c, _) = rapport_app::access::client_for(&state, &me, &client_id, rapport_app::access::Purpose::Write).await?;
    let min_total = protocol.group_format.as_ref().map(|g| g.eligibility.min_total).unwrap_or(0);
    let crisis = if s.outcome == ScreeningOutcome::Referred {
        crisis_links(state.organisation().await?.crisis_lines())
    } else {
        Vec::new()
    };
    let band = s.band.as_deref().map(|b| crate::i18n::current().band_label(inst, None, b));
    let layout = Layout::new(
        &state,
        &me,
        crate::i18n::current().ta("screening-of", "name", &c.details.display_name),
        "programme",
    )
    .await?;
    let tr = layout.tr.clone();
    let flag_sentence = match &s.risk_flag_id {
        Some(f) => crate::ui::groups::with_link(
            &tr,
            msg("screening-flag-open"),
            &format!("/risk-flags/{f}"),
            msg("screening-see-flag"),
        ),
        None => String::new(),
    };
    let choose_group =
        crate::ui::groups::with_link(&tr, msg("screening-choose-group"), "/groups", msg("screening-choose-group-link"));
    let page = ResultPage {
        layout,
        client_id,
        name: c.details.display_name,
        programme: protocol.name_in(tr.lang()).to_string(),
        short_name: inst.short_name.clone(),
        s,
        min_total,
        band,
        crisis,
        registered: registered.is_some(),
        flag_sentence,
        choose_group,
    };
    Ok(render(&page)?.into_response())
}
