//! The signed-in client's pages: home (what is due, work at home, the next
//! appointment), questionnaires, their own chart, the shared plan with their
//! reflections, the between-session diary and the shared safety plan.

use super::{shared_safety_plan, PortalClient, PortalLayout};
use crate::error::{AppError, AppResult};
use rapport_app::responses::{self, blank_prompt, BlankPrompt, CourseChoice, Recording, Submission};
use rapport_app::AppState;

use crate::html::{render, FormErrors};
use crate::ui::measures::{charts_for, item_views, schedule_of, ChartView, ItemView};
use crate::ui::portal::sendable;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use rapport_core::audit::action;
use rapport_core::course::Attendance;
use rapport_core::measures::definition::Instrument;
use rapport_core::measures::schedule::{schedule_states, DueState};
use rapport_core::notes::MoodEffect;
use rapport_core::portal::{diary_entry, reflection, RawDiaryEntry, ReflectionTopic};
use rapport_core::time::format_date;
use rapport_core::{Id, Timestamp};
use rapport_store::courses::{CourseRecord, TherapySession};
use rapport_store::measures::{Mode, SafetyPlanRow};
use rapport_store::portal::{DiaryRow, ReflectionRow};
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

/// Records that the client opened one of their own pages.
async fn audit_read(state: &AppState, pc: &PortalClient, page: &str) -> AppResult<()> {
    let mut e = pc.event(action::PORTAL_READ, "client");
    e.resource_id = Some(pc.client.id.to_string());
    e.detail = Some(page.to_string());
    state.store.audit(e).await?;
    Ok(())
}

/// The client's open course (the newest planned or active one) and its sessions.
async fn open_course(state: &AppState, client: &Id) -> AppResult<Option<(CourseRecord, Vec<TherapySession>)>> {
    let course = state.store.client_courses(client).await?.into_iter().map(|s| s.course).find(|c| c.status.is_open());
    match course {
        Some(c) => {
            let sessions = state.store.course_sessions(&c.id).await?;
            Ok(Some((c, sessions)))
        }
        None => Ok(None),
    }
}

fn held_dates(sessions: &[TherapySession]) -> Vec<time::Date> {
    sessions.iter().filter(|s| s.attendance.is_held()).map(|s| s.date).collect()
}

/// A questionnaire waiting for the client.
pub struct DueMeasure {
    pub id: String,
    pub name: String,
    pub overdue: bool,
    /// "Follow-up at 3 months" after a completed course.
    pub follow_up: Option<String>,
}

/// Scheduled questionnaires of the open course (with its sessions, from
/// `open_course`) that are due or overdue and that a client can answer
/// (self-report, text shipped).
async fn due_measures(
    state: &AppState,
    client: &Id,
    open: Option<&(CourseRecord, Vec<TherapySession>)>,
) -> AppResult<Vec<DueMeasure>> {
    // Follow-ups after a completed course, from their date until answered.
    let mut follow: Vec<DueMeasure> = Vec::new();
    for f in crate::ui::ending::follow_ups_due(state, client).await? {
        for id in f.instruments {
            let Some(inst) = state.instruments.get(&id).filter(|i| sendable(i)) else { continue };
            if !follow.iter().any(|d| d.id == id) {
                let unit = if f.months == 1 { "month" } else { "months" };
                follow.push(DueMeasure {
                    id,
                    name: inst.name.clone(),
                    overdue: false,
                    follow_up: Some(format!("Follow-up at {} {unit}", f.months)),
                });
            }
        }
    }
    let Some((course, sessions)) = open else { return Ok(follow) };
    let (schedule, _, _) = schedule_of(state, &course.id).await?;
    // This course's answers only, so a new course asks for its own baseline;
    // an incomplete one counts as sent (the clinician follows up the blanks).
    let responses = rapport_app::outcomes::course_responses(state, client, &course.id).await?;
    let done: Vec<(String, time::Date)> =
        responses.iter().map(|r| (r.instrument_id.clone(), r.completed_at.date())).collect();
    // Never ask for the same questionnaire twice in a day: a session held today
    // and an answer sent after it would otherwise leave it "due" for the next one.
    let today = Timestamp::now().date();
    let due = schedule_states(&schedule, &held_dates(sessions), &done)
        .into_iter()
        .filter(|(_, st)| *st != DueState::NotDue)
        .filter(|(id, _)| !done.iter().any(|(i, d)| i == id && *d == today))
        .filter_map(|(id, st)| {
            let inst = state.instruments.get(&id).filter(|i| sendable(i))?;
            Some(DueMeasure { id, name: inst.name.clone(), overdue: st == DueState::Overdue, follow_up: None })
        })
        .collect::<Vec<_>>();
    let extra: Vec<DueMeasure> = follow.into_iter().filter(|f| !due.iter().any(|d| d.id == f.id)).collect();
    let mut due = due;
    due.extend(extra);
    Ok(due)
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

fn long_date(d: time::Date) -> String {
    format!("{} {} {} {}", d.weekday(), d.day(), d.month(), d.year())
}

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
    title: String,
    instructions: String,
    attribution: String,
    items: Vec<ItemView>,
    extras: Vec<ItemView>,
    errors: FormErrors,
    blank: Option<BlankPrompt>,
    crisis: Vec<String>,
}

#[derive(Template)]
#[template(path = "portal_measure_done.html")]
struct MeasureDone {
    layout: PortalLayout,
    risk: bool,
    crisis: Vec<String>,
    /// A positive screen's follow-up: (instrument name, form address).
    follow_up: Option<(String, String)>,
}

/// The instrument when it is due for this client now, or offered after a
/// positive screen (PHQ-2 → PHQ-9); otherwise 404.
async fn due_instrument(state: &AppState, pc: &PortalClient, id: &str) -> AppResult<(Instrument, Option<Id>)> {
    let open = open_course(state, &pc.client.id).await?;
    let due = due_measures(state, &pc.client.id, open.as_ref()).await?;
    if !due.iter().any(|d| d.id == id) {
        let rows = state.store.responses(&pc.client.id).await?;
        let offered = crate::ui::follow_up::pending(state, &rows);
        if !offered.iter().any(|i| i.id == id && crate::ui::portal::sendable(i)) {
            return Err(AppError::NotFound);
        }
    }
    let inst = state.instruments.get(id).cloned().ok_or(AppError::NotFound)?;
    Ok((inst, open.map(|(c, _)| c.id)))
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
        Some(b) if b.risk => state.organisation().await?.crisis_lines(),
        _ => Vec::new(),
    };
    Ok(MeasurePage {
        blank,
        crisis,
        layout: PortalLayout::new(state, pc, inst.name.clone(), "home").await?,
        inst_id: inst.id.clone(),
        title: inst.name.clone(),
        instructions: inst.instructions.clone().unwrap_or_default(),
        attribution: inst.attribution.clone().unwrap_or_default(),
        items: item_views(inst, &inst.items, "item", 0, form),
        extras: item_views(inst, &inst.unscored_items, "extra", inst.items.len() as u32, form),
        errors,
    })
}

pub async fn measure_form(
    State(state): State<AppState>,
    pc: PortalClient,
    Path(instrument): Path<String>,
) -> AppResult<Response> {
    let (inst, _) = due_instrument(&state, &pc, &instrument).await?;
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
    let (inst, course) = due_instrument(&state, &pc, &instrument).await?;
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
    let follow_up = crate::ui::follow_up::offered(&state, &inst, &rec.score.flags)
        .filter(|n| crate::ui::portal::sendable(n))
        .map(|n| (n.name.clone(), format!("/portal/measures/{}", n.id)));
    let page = MeasureDone {
        layout: PortalLayout::new(&state, &pc, "Thank you", "home").await?,
        risk: rec.risk_flag_id.is_some(),
        crisis: org.crisis_lines(),
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
        charts_for(&state, &pc.client.id, &mine, held.as_deref()).await?
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

/// The course the shared plan is about: the open one, else the newest.
async fn plan_course(state: &AppState, client: &Id) -> AppResult<Option<CourseRecord>> {
    let courses = state.store.client_courses(client).await?;
    let open = courses.iter().find(|c| c.course.status.is_open()).map(|c| c.course.clone());
    Ok(open.or_else(|| courses.first().map(|c| c.course.clone())))
}

async fn plan_page(
    state: &AppState,
    pc: &PortalClient,
    layout: PortalLayout,
    topic: String,
    body: String,
    errors: FormErrors,
) -> AppResult<PlanPage> {
    let mut page = PlanPage {
        layout,
        areas: Vec::new(),
        shared_text: None,
        agreed_on: None,
        goals: Vec::new(),
        reflections: state.store.reflections(&pc.client.id).await?,
        topic,
        body,
        errors,
    };
    if let Some(course) = plan_course(state, &pc.client.id).await? {
        if let Some(f) = state.store.course_formulation(&course.id).await? {
            let protocol = state.config.protocols.get(&course.protocol_id);
            page.areas = f
                .body
                .problem_areas
                .iter()
                .map(|a| protocol.map(|p| p.area_label(a).to_string()).unwrap_or_else(|| a.clone()))
                .collect();
            page.shared_text = f.body.shared_text.clone();
            page.agreed_on = f.body.agreed_on.clone();
        }
        page.goals = state
            .store
            .goals_with_ratings(&course.id)
            .await?
            .into_iter()
            .filter(|g| g.goal.body.status.as_str() != "dropped")
            .map(|g| SharedGoal {
                statement: g.goal.body.statement.clone(),
                status: g.goal.body.status.label(),
                latest: g.latest().map(|r| r.rating),
            })
            .collect();
    }
    Ok(page)
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
    let (topic, body) = match reflection(f.topic.as_deref(), f.body.as_deref()) {
        Ok(v) => v,
        Err(errs) => {
            let (t, b) = (f.topic.unwrap_or_default(), f.body.unwrap_or_default());
            let page = plan_page(&state, &pc, layout, t, b, FormErrors(errs)).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
        }
    };
    let course = plan_course(&state, &pc.client.id).await?.map(|c| c.id);
    let mut e = pc.event(action::REFLECTION_CREATE, "reflection");
    e.detail = Some(topic.as_str().to_string());
    state.store.add_reflection(&pc.client.id, course.as_ref(), topic, &body, &pc.me.user.id, e).await?;
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

/// A diary entry as shown to the client and to the care team.
pub struct DiaryView {
    pub date: String,
    pub mood: Option<u8>,
    pub person: Option<String>,
    pub event: Option<String>,
    pub effect: Option<&'static str>,
    pub written: String,
}

impl From<&DiaryRow> for DiaryView {
    fn from(d: &DiaryRow) -> Self {
        DiaryView {
            date: format_date(d.entry.date),
            mood: d.entry.mood,
            person: d.entry.person.clone(),
            event: d.entry.event.clone(),
            effect: d.entry.effect.map(effect_words),
            written: d.created_at.display(),
        }
    }
}

/// The effect of an event in the client's words.
pub fn effect_words(e: MoodEffect) -> &'static str {
    match e {
        MoodEffect::Better => "I felt better",
        MoodEffect::Worse => "I felt worse",
        MoodEffect::NoChange => "No change",
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
            .map(DiaryView::from)
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
    let entry = match diary_entry(&raw, Timestamp::now().date()) {
        Ok(e) => e,
        Err(errs) => {
            let page = diary_page(&state, &pc, f, FormErrors(errs), None).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
        }
    };
    let mut e = pc.event(action::DIARY_CREATE, "diary_entry");
    e.detail = Some(format!("for {}", format_date(entry.date)));
    state.store.add_diary_entry(&pc.client.id, &entry, &pc.me.user.id, e).await?;
    Ok(Redirect::to("/portal/diary?done=diary").into_response())
}

// ---- safety plan ---------------------------------------------------------------------

#[derive(Template)]
#[template(path = "portal_safety_plan.html")]
struct SafetyPlanPage {
    layout: PortalLayout,
    plan: SafetyPlanRow,
    crisis: Vec<String>,
}

pub async fn safety_plan(State(state): State<AppState>, pc: PortalClient) -> AppResult<Response> {
    let plan = shared_safety_plan(&state, &pc.client.id).await?.ok_or(AppError::NotFound)?;
    let layout = PortalLayout::new(&state, &pc, "My safety plan", "safety").await?;
    let crisis = state.organisation().await?.crisis_lines();
    let mut e = pc.event(action::SAFETY_PLAN_READ, "safety_plan");
    e.resource_id = Some(plan.id.to_string());
    e.detail = Some(format!("version {} in the client portal", plan.version));
    state.store.audit(e).await?;
    Ok(render(&SafetyPlanPage { layout, plan, crisis })?.into_response())
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
