//! The signed-in client's pages: home (what is due, work at home, the next
//! appointment), questionnaires, their own chart, the shared plan with their
//! reflections, the between-session diary and the shared safety plan.

use super::caller::PortalClient;
use super::layout::t;
use super::layout::PortalLayout;
use crate::error::{AppError, AppResult};
use crate::html::charts::{charts_for, ChartView};
use crate::html::diary::DiaryView;
use crate::html::questionnaire::QuestionnaireView;
use crate::html::{render, FormErrors};
use crate::i18n::{current, long_day, long_day_at, msg};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use rapport_app::portal::{
    self as use_cases, audit_read, due_instrument, due_measures, held_dates, open_course, DueMeasure,
};
use rapport_app::responses::{self, blank_prompt, BlankPrompt, CourseChoice, Recording, Submission};
use rapport_app::AppState;
use rapport_core::audit::action;
use rapport_core::course::Attendance;
use rapport_core::measures::definition::Instrument;
use rapport_core::notes::MoodEffect;
use rapport_core::portal::{RawDiaryEntry, ReflectionTopic};
use rapport_core::time::format_date;
use rapport_core::Timestamp;
use rapport_store::measures::{Mode, SafetyPlanRow};
use rapport_store::portal::ReflectionRow;
use serde::Deserialize;
use std::collections::HashMap;

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/portal", home)
        .get("/portal/measures/{instrument}", measure_form)
        .post("/portal/measures/{instrument}", measure_submit)
        .get("/portal/progress", progress)
        .get("/portal/plan", plan)
        .post("/portal/plan/reflections", reflect)
        .get("/portal/diary", diary)
        .post("/portal/diary", diary_add)
        .get("/portal/safety-plan", safety_plan)
        .get("/portal/password", password_form)
        .post("/portal/password", password_change)
}

#[derive(Deserialize, Default)]
pub struct DoneQuery {
    done: Option<String>,
}

/// The message of a notice after a redirect (`?done=`).
fn done_notice(key: Option<&str>) -> Option<&'static str> {
    match key? {
        "diary" => Some(msg("portal-notice-diary")),
        "reflection" => Some(msg("portal-notice-reflection")),
        "password" => Some(msg("portal-notice-password")),
        _ => None,
    }
}

#[derive(Template)]
#[template(path = "portal_home.html")]
struct HomePage {
    layout: PortalLayout,
    first_name: String,
    clinician: String,
    due: Vec<DueMeasure>,
    /// "Friday 4 December 2026 at 10:00, with Dr Lee."
    next_session: Option<String>,
    /// (session date, the work at home set then).
    work: Option<(String, String)>,
    diary_days: usize,
}

fn first_name(display_name: &str) -> String {
    display_name.split_whitespace().next().unwrap_or(display_name).to_string()
}

pub async fn home(State(state): State<AppState>, pc: PortalClient, Query(q): Query<DoneQuery>) -> AppResult<Response> {
    let open = open_course(&state, &pc.client.id).await?;
    let due = due_measures(&state, &pc.client.id, open.as_ref()).await?;
    let today = Timestamp::now().date();
    let tr = current();
    let clinician = pc.client.responsible_clinician_name.clone();
    let (next_session, work) = match open {
        Some((course, sessions)) => {
            let next = sessions
                .iter()
                .filter(|s| s.attendance == Attendance::Scheduled && s.date >= today)
                .min_by_key(|s| (s.date, s.time.clone()))
                .map(|s| {
                    let when = if s.time.is_empty() {
                        long_day(s.date)
                    } else {
                        tr.tn("portal-home-next-at", &[("date", &long_day(s.date)), ("time", &s.time)])
                    };
                    tr.tn("portal-home-next", &[("when", &when), ("clinician", &clinician)])
                });
            let work = rapport_app::portal::latest_work(&state, &course.id).await?.map(|(d, w)| (long_day(d), w));
            (next, work)
        }
        None => (None, None),
    };
    let diary_days =
        rapport_app::portal::diary_days_since(&state, &pc.client.id, today - time::Duration::days(7)).await?;
    audit_read(&state, &pc, "home").await?;
    let layout =
        PortalLayout::new(&state, &pc, t("portal-nav-home"), "home").await?.with_notice(done_notice(q.done.as_deref()));
    let page = HomePage {
        layout,
        first_name: first_name(&pc.client.details.display_name),
        clinician,
        due,
        next_session,
        work,
        diary_days,
    };
    Ok(render(&page)?.into_response())
}

// ---- questionnaires ---------------------------------------------------------

#[derive(Template)]
#[template(path = "portal_measure.html")]
struct MeasurePage {
    layout: PortalLayout,
    inst_id: String,
    q: QuestionnaireView,
    errors: FormErrors,
    blank: Option<BlankPrompt>,
    crisis: Vec<crate::html::phone::Linked>,
}

#[derive(Template)]
#[template(path = "portal_measure_done.html")]
struct MeasureDone {
    layout: PortalLayout,
    risk: bool,
    crisis: Vec<crate::html::phone::Linked>,
    /// A positive screen's follow-up: (instrument name, form address).
    follow_up: Option<(String, String)>,
}

async fn measure_page(
    state: &AppState,
    pc: &PortalClient,
    inst: &Instrument,
    form: &HashMap<String, String>,
    errors: FormErrors,
    blank: Option<BlankPrompt>,
) -> AppResult<MeasurePage> {
    let crisis = match &blank {
        Some(b) if b.risk => crate::html::phone::crisis_links(state.organisation().await?.crisis_lines()),
        _ => Vec::new(),
    };
    Ok(MeasurePage {
        blank,
        crisis,
        layout: PortalLayout::new(state, pc, inst.name.clone(), "home").await?,
        inst_id: inst.id.clone(),
        q: QuestionnaireView::new(inst, form),
        errors,
    })
}

pub async fn measure_form(
    State(state): State<AppState>,
    pc: PortalClient,
    Path(instrument): Path<String>,
) -> AppResult<Response> {
    let (inst, _) = due_instrument(&state, &pc.client.id, &instrument).await?;
    let page = measure_page(&state, &pc, &inst, &HashMap::new(), FormErrors::default(), None).await?;
    Ok(render(&page)?.into_response())
}

/// Answers from the portal go the one way every response goes
/// (`app::responses`); blank questions are asked about once, then stored.
pub async fn measure_submit(
    State(state): State<AppState>,
    pc: PortalClient,
    Path(instrument): Path<String>,
    Form(form): Form<HashMap<String, String>>,
) -> AppResult<Response> {
    let (inst, course) = due_instrument(&state, &pc.client.id, &instrument).await?;
    let (answers, extras) = match responses::form_answers(&inst, &form) {
        Ok(v) => v,
        Err(errs) => {
            let page = measure_page(&state, &pc, &inst, &form, FormErrors(errs), None).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
        }
    };
    if let Some(prompt) = blank_prompt(&inst, &answers, &form) {
        let page = measure_page(&state, &pc, &inst, &form, FormErrors::default(), Some(prompt)).await?;
        return Ok(render(&page)?.into_response());
    }
    // As shown: in the client's language when the instrument has it (the response records it).
    let shown = crate::html::questionnaire::localized(&inst).instrument;
    let sub = Submission {
        client: &pc.client.id,
        instrument: &shown,
        answers,
        unscored: extras,
        band_set: None,
        mode: Mode::Portal,
        course: course.map(CourseChoice::Given).unwrap_or(CourseChoice::ByDate),
        completed_at: Timestamp::now(),
        entered_by: Some(pc.me.user.id.clone()),
        event: pc.event(action::MEASURE_RECORD, "measure_response"),
        via: "client portal",
        link: None,
    };
    let rec = match responses::record(&state, sub).await.map_err(AppError::from) {
        Ok(Recording::Recorded(rec)) => rec,
        Ok(Recording::LinkRefused) => return Err(AppError::internal("no link in the portal")),
        Err(AppError::Invalid(errs)) => {
            let page = measure_page(&state, &pc, &inst, &form, FormErrors(responses::form_errors(errs)), None).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
        }
        Err(e) => return Err(e),
    };
    let org = state.organisation().await?;
    let follow_up = use_cases::offered_follow_up(&state, &inst, &rec.score.flags)
        .map(|n| (n.name.clone(), format!("/portal/measures/{}", n.id)));
    let page = MeasureDone {
        layout: PortalLayout::new(&state, &pc, t("portal-done-title"), "home").await?,
        risk: rec.risk_flag_id.is_some(),
        crisis: crate::html::phone::crisis_links(org.crisis_lines()),
        follow_up,
    };
    Ok(render(&page)?.into_response())
}

// ---- my progress --------------------------------------------------------------

#[derive(Template)]
#[template(path = "portal_progress.html")]
struct ProgressPage {
    layout: PortalLayout,
    hidden: bool,
    charts: Vec<ChartView>,
}

pub async fn progress(State(state): State<AppState>, pc: PortalClient) -> AppResult<Response> {
    let layout = PortalLayout::new(&state, &pc, t("portal-progress-title"), "progress").await?;
    let hidden = !layout.show_chart;
    let charts = if hidden {
        Vec::new()
    } else {
        let mine = rapport_app::portal::scored_responses(&state, &pc.client.id).await?;
        let held = open_course(&state, &pc.client.id).await?.map(|(_, s)| held_dates(&s));
        charts_for(&state, &pc.client.id, &mine, held.as_deref(), true).await?
    };
    audit_read(&state, &pc, if hidden { "progress (chart hidden)" } else { "progress" }).await?;
    Ok(render(&ProgressPage { layout, hidden, charts })?.into_response())
}

// ---- my plan: the shared formulation and goals, with reflections -------------------

pub struct SharedGoal {
    pub statement: String,
    pub status: String,
    pub latest: Option<i64>,
}

#[derive(Template)]
#[template(path = "portal_plan.html")]
struct PlanPage {
    layout: PortalLayout,
    /// (code, the protocol's label)
    areas: Vec<(String, String)>,
    shared_text: Option<String>,
    agreed_on: Option<String>,
    goals: Vec<SharedGoal>,
    reflections: Vec<ReflectionRow>,
    topic: String,
    body: String,
    errors: FormErrors,
}

impl PlanPage {
    /// (value, label, checked)
    pub fn topics(&self) -> Vec<(&'static str, String, bool)> {
        ReflectionTopic::ALL
            .iter()
            .map(|t| (t.as_str(), self.layout.tr.t(t.message()), self.topic == t.as_str()))
            .collect()
    }
}

async fn plan_page(
    state: &AppState,
    pc: &PortalClient,
    layout: PortalLayout,
    topic: String,
    body: String,
    errors: FormErrors,
) -> AppResult<PlanPage> {
    let plan = use_cases::shared_plan(state, &pc.client.id).await?;
    let goals = plan
        .goals
        .iter()
        .map(|g| SharedGoal {
            statement: g.goal.body.statement.clone(),
            status: goal_status(g.goal.body.status),
            latest: g.latest().map(|r| i64::from(r.rating)),
        })
        .collect();
    Ok(PlanPage {
        layout,
        areas: plan.areas,
        shared_text: plan.shared_text,
        agreed_on: plan.agreed_on.map(|d| rapport_core::time::parse_date(&d).map(long_day).unwrap_or(d)),
        goals,
        reflections: rapport_app::portal::own_reflections(state, &pc.client.id).await?,
        topic,
        body,
        errors,
    })
}

async fn require_plan_shared(state: &AppState, pc: &PortalClient) -> AppResult<PortalLayout> {
    let layout = PortalLayout::new(state, pc, t("portal-plan-title"), "plan").await?;
    if !layout.show_plan {
        return Err(AppError::NotFound);
    }
    Ok(layout)
}

pub async fn plan(State(state): State<AppState>, pc: PortalClient, Query(q): Query<DoneQuery>) -> AppResult<Response> {
    let layout = require_plan_shared(&state, &pc).await?.with_notice(done_notice(q.done.as_deref()));
    let page = plan_page(&state, &pc, layout, "formulation".into(), String::new(), FormErrors::default()).await?;
    audit_read(&state, &pc, "plan").await?;
    Ok(render(&page)?.into_response())
}

#[derive(Deserialize, Default)]
pub struct ReflectionForm {
    topic: Option<String>,
    body: Option<String>,
}

pub async fn reflect(
    State(state): State<AppState>,
    pc: PortalClient,
    Form(f): Form<ReflectionForm>,
) -> AppResult<Response> {
    let layout = require_plan_shared(&state, &pc).await?;
    match use_cases::reflect(&state, &pc, f.topic.as_deref(), f.body.as_deref()).await {
        Ok(()) => {}
        Err(rapport_app::Error::Invalid(errs)) => {
            let (t, b) = (f.topic.unwrap_or_default(), f.body.unwrap_or_default());
            let page = plan_page(&state, &pc, layout, t, b, FormErrors(errs)).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
        }
        Err(e) => return Err(e.into()),
    }
    Ok(Redirect::to("/portal/plan?done=reflection").into_response())
}

// ---- diary ------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "portal_diary.html")]
struct DiaryPage {
    layout: PortalLayout,
    entries: Vec<DiaryView>,
    today: String,
    form: DiaryFormValues,
    errors: FormErrors,
}

#[derive(Deserialize, Default, Clone)]
pub struct DiaryFormValues {
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub mood: String,
    #[serde(default)]
    pub person: String,
    #[serde(default)]
    pub event: String,
    #[serde(default)]
    pub effect: String,
}

impl DiaryPage {
    /// (value, checked)
    pub fn moods(&self) -> Vec<(String, bool)> {
        (0..=10).map(|m| (m.to_string(), self.form.mood.trim() == m.to_string())).collect()
    }
    /// (value, label, checked)
    pub fn effects(&self) -> Vec<(&'static str, String, bool)> {
        MoodEffect::ALL.iter().map(|e| (e.as_str(), effect_label(*e), self.form.effect == e.as_str())).collect()
    }
}

async fn diary_page(
    state: &AppState,
    pc: &PortalClient,
    form: DiaryFormValues,
    errors: FormErrors,
    notice: Option<&str>,
) -> AppResult<DiaryPage> {
    let today = Timestamp::now().date();
    Ok(DiaryPage {
        layout: PortalLayout::new(state, pc, t("portal-diary-title"), "diary").await?.with_notice(notice),
        entries: state
            .store
            .diary_entries(&pc.client.id, Some(today - time::Duration::days(61)), None, 200)
            .await?
            .iter()
            .map(|row| {
                let mut v = DiaryView::from(row);
                v.date = long_day(row.entry.date);
                v.written = long_day_at(row.created_at);
                v
            })
            .collect(),
        today: format_date(today),
        form,
        errors,
    })
}

pub async fn diary(State(state): State<AppState>, pc: PortalClient, Query(q): Query<DoneQuery>) -> AppResult<Response> {
    let today = format_date(Timestamp::now().date());
    let form = DiaryFormValues { date: today, ..DiaryFormValues::default() };
    let page = diary_page(&state, &pc, form, FormErrors::default(), done_notice(q.done.as_deref())).await?;
    audit_read(&state, &pc, "diary").await?;
    Ok(render(&page)?.into_response())
}

pub async fn diary_add(
    State(state): State<AppState>,
    pc: PortalClient,
    Form(f): Form<DiaryFormValues>,
) -> AppResult<Response> {
    let raw = RawDiaryEntry {
        date: Some(f.date.clone()),
        mood: Some(f.mood.clone()),
        person: Some(f.person.clone()),
        event: Some(f.event.clone()),
        effect: Some(f.effect.clone()),
    };
    match use_cases::add_diary_entry(&state, &pc, &raw).await {
        Ok(()) => Ok(Redirect::to("/portal/diary?done=diary").into_response()),
        Err(rapport_app::Error::Invalid(errs)) => {
            let page = diary_page(&state, &pc, f, FormErrors(errs), None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

// ---- safety plan ---------------------------------------------------------------------

#[derive(Template)]
#[template(path = "portal_safety_plan.html")]
struct SafetyPlanPage {
    layout: PortalLayout,
    plan: SafetyPlanRow,
    crisis: Vec<crate::html::phone::Linked>,
    /// Sections 4 and 5 with their numbers linked.
    people: crate::html::phone::Linked,
    professionals: crate::html::phone::Linked,
    /// "Made with your clinician · version 2, Friday 4 December 2026".
    version_line: String,
}

pub async fn safety_plan(State(state): State<AppState>, pc: PortalClient) -> AppResult<Response> {
    let plan = use_cases::safety_plan(&state, &pc).await?;
    let layout = PortalLayout::new(&state, &pc, t("portal-safety-title"), "safety").await?;
    let crisis = crate::html::phone::crisis_links(state.organisation().await?.crisis_lines());
    let people = crate::html::phone::linked_text(&plan.plan.people_to_ask);
    let professionals = crate::html::phone::linked_text(&plan.plan.professionals);
    let version_line =
        layout.tr.tn("portal-safety-version", &[("version", &plan.version), ("date", &long_day_at(plan.created_at))]);
    Ok(render(&SafetyPlanPage { layout, plan, crisis, people, professionals, version_line })?.into_response())
}

// ---- own password ---------------------------------------------------------------------

#[derive(Template)]
#[template(path = "portal_password.html")]
struct PasswordPage {
    layout: PortalLayout,
    errors: FormErrors,
}

pub async fn password_form(State(state): State<AppState>, pc: PortalClient) -> AppResult<Response> {
    let layout = PortalLayout::new(&state, &pc, t("portal-password-title"), "").await?;
    Ok(render(&PasswordPage { layout, errors: FormErrors::default() })?.into_response())
}

pub async fn password_change(
    State(state): State<AppState>,
    pc: PortalClient,
    Form(f): Form<rapport_app::account::PasswordForm>,
) -> AppResult<Response> {
    use rapport_app::account::{change_password, PasswordChange};
    match change_password(&state, &pc.me, &f).await? {
        PasswordChange::Changed => Ok(Redirect::to("/portal?done=password").into_response()),
        PasswordChange::SignedOut => Ok(crate::session_cookies::signed_out_after_reauth(&state, &pc.me)),
        PasswordChange::Invalid(errors) => {
            let layout = PortalLayout::new(&state, &pc, t("portal-password-title"), "").await?;
            let page = PasswordPage { layout, errors: FormErrors(errors) };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
    }
}

/// How a diary event left the client feeling, in their words and language.
fn effect_label(e: MoodEffect) -> String {
    current().t(match e {
        MoodEffect::Better => msg("portal-diary-effect-better"),
        MoodEffect::Worse => msg("portal-diary-effect-worse"),
        MoodEffect::NoChange => msg("portal-diary-effect-no-change"),
    })
}

/// A shared goal's status, in the client's language.
fn goal_status(s: rapport_core::goals::GoalStatus) -> String {
    use rapport_core::goals::GoalStatus as S;
    current().t(match s {
        S::Active => msg("portal-goal-active"),
        S::Achieved => msg("portal-goal-achieved"),
        S::Revised => msg("portal-goal-revised"),
        S::Dropped => msg("portal-goal-dropped"),
    })
}
