//! The signed-in client's pages: home (what is due, work at home, the next
//! appointment), questionnaires, their own chart, the shared plan with their
//! reflections, the between-session diary and the shared safety plan.

use super::caller::PortalClient;
use super::layout::PortalLayout;
use crate::error::{AppError, AppResult};
use crate::html::charts::{charts_for, ChartView};
use crate::html::diary::{effect_words, DiaryView};
use crate::html::questionnaire::QuestionnaireView;
use crate::html::{render, FormErrors};
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

fn done_notice(key: Option<&str>) -> Option<&'static str> {
    match key? {
        "diary" => Some("Saved in your diary. Your clinician will see it before your next appointment."),
        "reflection" => Some("Thank you. Your clinician will read your thoughts before your next appointment."),
        "password" => Some("Password changed. You were signed out everywhere else."),
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
    next_session: Option<String>,
    /// (session date, the work at home set then).
    work: Option<(String, String)>,
    diary_days: usize,
}

fn first_name(display_name: &str) -> String {
    display_name.split_whitespace().next().unwrap_or(display_name).to_string()
}

use rapport_core::time::long_date;

pub async fn home(State(state): State<AppState>, pc: PortalClient, Query(q): Query<DoneQuery>) -> AppResult<Response> {
    let open = open_course(&state, &pc.client.id).await?;
    let due = due_measures(&state, &pc.client.id, open.as_ref()).await?;
    let today = Timestamp::now().date();
    let (next_session, work) = match open {
        Some((course, sessions)) => {
            let next = sessions
                .iter()
                .filter(|s| s.attendance == Attendance::Scheduled && s.date >= today)
                .min_by_key(|s| (s.date, s.time.clone()))
                .map(|s| {
                    if s.time.is_empty() {
                        long_date(s.date)
                    } else {
                        format!("{} at {}", long_date(s.date), s.time)
                    }
                });
            let work = state.store.latest_signed_work(&course.id).await?.map(|(d, w)| (long_date(d), w));
            (next, work)
        }
        None => (None, None),
    };
    let diary_days =
        state.store.diary_entries(&pc.client.id, Some(today - time::Duration::days(7)), None, 50).await?.len();
    audit_read(&state, &pc, "home").await?;
    let layout = PortalLayout::new(&state, &pc, "Home", "home").await?.with_notice(done_notice(q.done.as_deref()));
    let page = HomePage {
        layout,
        first_name: first_name(&pc.client.details.display_name),
        clinician: pc.client.responsible_clinician_name.clone(),
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
    let sub = Submission {
        client: &pc.client.id,
        instrument: &inst,
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
        layout: PortalLayout::new(&state, &pc, "Thank you", "home").await?,
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
    let layout = PortalLayout::new(&state, &pc, "My progress", "progress").await?;
    let hidden = !layout.show_chart;
    let charts = if hidden {
        Vec::new()
    } else {
        let responses = state.store.responses(&pc.client.id).await?;
        let held = open_course(&state, &pc.client.id).await?.map(|(_, s)| held_dates(&s));
        let mine: Vec<_> = responses.into_iter().filter(|r| r.total.is_some()).collect();
        charts_for(&state, &pc.client.id, &mine, held.as_deref(), true).await?
    };
    audit_read(&state, &pc, if hidden { "progress (chart hidden)" } else { "progress" }).await?;
    Ok(render(&ProgressPage { layout, hidden, charts })?.into_response())
}

// ---- my plan: the shared formulation and goals, with reflections -------------------

pub struct SharedGoal {
    pub statement: String,
    pub status: &'static str,
    pub latest: Option<u8>,
}

#[derive(Template)]
#[template(path = "portal_plan.html")]
struct PlanPage {
    layout: PortalLayout,
    areas: Vec<String>,
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
    pub fn topics(&self) -> Vec<(&'static str, &'static str, bool)> {
        ReflectionTopic::ALL.iter().map(|t| (t.as_str(), t.label(), self.topic == t.as_str())).collect()
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
            status: g.goal.body.status.label(),
            latest: g.latest().map(|r| r.rating),
        })
        .collect();
    Ok(PlanPage {
        layout,
        areas: plan.areas,
        shared_text: plan.shared_text,
        agreed_on: plan.agreed_on.map(|d| rapport_core::time::parse_date(&d).map(long_date).unwrap_or(d)),
        goals,
        reflections: state.store.reflections(&pc.client.id).await?,
        topic,
        body,
        errors,
    })
}

async fn require_plan_shared(state: &AppState, pc: &PortalClient) -> AppResult<PortalLayout> {
    let layout = PortalLayout::new(state, pc, "My plan", "plan").await?;
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
    pub fn effects(&self) -> Vec<(&'static str, &'static str, bool)> {
        MoodEffect::ALL.iter().map(|e| (e.as_str(), effect_words(*e), self.form.effect == e.as_str())).collect()
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
        layout: PortalLayout::new(state, pc, "My diary", "diary").await?.with_notice(notice),
        entries: state
            .store
            .diary_entries(&pc.client.id, Some(today - time::Duration::days(61)), None, 200)
            .await?
            .iter()
            .map(|row| {
                let mut v = DiaryView::from(row);
                v.date = long_date(row.entry.date);
                v.written = rapport_app::clock::long_day(row.created_at);
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
}

pub async fn safety_plan(State(state): State<AppState>, pc: PortalClient) -> AppResult<Response> {
    let plan = use_cases::safety_plan(&state, &pc).await?;
    let layout = PortalLayout::new(&state, &pc, "My safety plan", "safety").await?;
    let crisis = crate::html::phone::crisis_links(state.organisation().await?.crisis_lines());
    let people = crate::html::phone::linked_text(&plan.plan.people_to_ask);
    let professionals = crate::html::phone::linked_text(&plan.plan.professionals);
    Ok(render(&SafetyPlanPage { layout, plan, crisis, people, professionals })?.into_response())
}

// ---- own password ---------------------------------------------------------------------

#[derive(Template)]
#[template(path = "portal_password.html")]
struct PasswordPage {
    layout: PortalLayout,
    errors: FormErrors,
}

pub async fn password_form(State(state): State<AppState>, pc: PortalClient) -> AppResult<Response> {
    let layout = PortalLayout::new(&state, &pc, "Change my password", "").await?;
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
            let layout = PortalLayout::new(&state, &pc, "Change my password", "").await?;
            let page = PasswordPage { layout, errors: FormErrors(errors) };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
    }
}
