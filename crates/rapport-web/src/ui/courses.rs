//! IPT courses in the clinician UI: starting a course, the course page (where
//! it stands, the initial-phase checklist, sessions, contract and status).

use super::Layout;
use rapport_core::msg;

use crate::course_extract::{CoursePost, CourseRead, CourseWrite};
use crate::error::{AppError, AppResult};
use crate::html::{non_blank, refused, render, FormErrors};
use crate::i18n::{Arg, Tr};
use crate::identity::SignedIn;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Form;
use rapport_app::access::course::CourseContext;
use rapport_app::access::{client_for, Purpose};
use rapport_app::caller::Identity;
use rapport_app::courses::{self as use_case, ChecklistInput, SessionInput};
use rapport_app::AppState;
use rapport_core::course::{Attendance, CourseStatus, Modality, RawCourse};
use rapport_core::course_rules::CompletionFields;
use rapport_core::protocol::{ChecklistItem, Frequency, Phase, Protocol};
use rapport_core::time::format_date;
use rapport_core::validation::form_number;
use rapport_core::{Id, Timestamp, ValidationErrors};
use rapport_store::clients::ClientRecord;
use serde::Deserialize;

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/clients/{id}/courses/new", new_form)
        .post("/clients/{id}/courses/new", create)
        .get("/courses/{id}", show)
        .post("/courses/{id}/contract", renegotiate)
        .post("/courses/{id}/status", set_status)
        .post("/courses/{id}/checklist/{item}", record_checklist)
        .post("/courses/{id}/checklist/{item}/clear", clear_checklist)
        .post("/courses/{id}/sessions", add_session)
        .post("/courses/{id}/sessions/{session_id}/attendance", update_attendance)
}

// ---------------------------------------------------------------- new course

#[derive(Deserialize, Default, Clone, Debug)]
pub struct CourseForm {
    #[serde(default)]
    pub protocol: String,
    #[serde(default)]
    pub planned_sessions: String,
    #[serde(default)]
    pub frequency: String,
    #[serde(default)]
    pub session_minutes: String,
    #[serde(default)]
    pub start_date: String,
    #[serde(default)]
    pub planned_end_date: String,
}

#[derive(Template)]
#[template(path = "course_new.html")]
struct NewCoursePage {
    layout: Layout,
    client: ClientRecord,
    protocols: Vec<Protocol>,
    frequencies: Vec<(&'static str, String)>,
    form: CourseForm,
    errors: FormErrors,
}

fn frequencies() -> Vec<(&'static str, String)> {
    let tr = crate::i18n::current();
    Frequency::ALL.iter().map(|f| (f.as_str(), tr.t(f.message()))).collect()
}

pub async fn new_form(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Html<String>> {
    let (client, _) = client_for(&state, &me, &id, Purpose::AuditRead).await?;
    rapport_app::courses::may_open(&state, &me).await?;
    let p = state.config.protocols.get("ipt-individual").or_else(|| state.config.protocols.acute().next());
    let form = CourseForm {
        protocol: p.map(|p| p.id.clone()).unwrap_or_default(),
        start_date: format_date(Timestamp::now().date()),
        ..CourseForm::default()
    };
    new_page(&state, &me, client, form, FormErrors::default()).await
}

async fn new_page(
    state: &AppState,
    me: &Identity,
    client: ClientRecord,
    form: CourseForm,
    errors: FormErrors,
) -> AppResult<Html<String>> {
    let layout = Layout::new(
        state,
        me,
        crate::i18n::current().ta("course-new-title", "name", &client.details.display_name),
        "caseload",
    )
    .await?;
    let protocols = state.config.protocols.acute().cloned().collect();
    render(&NewCoursePage { layout, client, protocols, frequencies: frequencies(), form, errors })
}

pub async fn create(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Form(form): Form<CourseForm>,
) -> AppResult<Response> {
    let (client, _) = client_for(&state, &me, &id, Purpose::Write).await?;
    let mut e = ValidationErrors::new();
    let raw = RawCourse {
        protocol: Some(form.protocol.clone()),
        planned_sessions: form_number(
            &mut e,
            "planned_sessions",
            msg("field-number-of-sessions"),
            &form.planned_sessions,
        ),
        frequency: non_blank(&Some(form.frequency.clone())),
        session_minutes: form_number(&mut e, "session_minutes", msg("field-session-length"), &form.session_minutes),
        start_date: non_blank(&Some(form.start_date.clone())),
        planned_end_date: non_blank(&Some(form.planned_end_date.clone())),
    };
    match use_case::create(&state, &me, &client, &raw, e).await.map_err(AppError::from) {
        Ok(record) => Ok(Redirect::to(&format!("/courses/{}?done=course-created", record.id)).into_response()),
        Err(AppError::Invalid(e)) => Ok(refused(new_page(&state, &me, client, form, FormErrors(e)).await?)),
        Err(other) => Err(other),
    }
}

// ---------------------------------------------------------------- course page

/// One row of the checklist as shown.
pub struct ChecklistRow {
    pub item: ChecklistItem,
    pub label: String,
    pub done: Option<rapport_store::courses::ChecklistEntry>,
}

#[derive(Template)]
#[template(path = "course.html")]
struct CoursePage {
    layout: Layout,
    cx: CourseContext,
    checklist: Vec<ChecklistRow>,
    events: Vec<rapport_store::courses::CourseEvent>,
    today: String,
    next_session: Option<String>,
    suggested_next: String,
    errors: FormErrors,
    /// Which form the errors belong to ("session", "contract", "status", or a checklist item id).
    form_section: String,
    session_form: SessionForm,
    /// Session notes: each session's progress-note status, and the plan from the latest signed note.
    note_status: std::collections::HashMap<Id, rapport_core::notes::NoteStatus>,
    last_plan: Option<(String, String)>,
    /// The formulation's areas and agreed date, and the open goals with their rating trends.
    focus_areas: Vec<(String, String)>,
    agreed_on: Option<String>,
    shared_text: Option<String>,
    goals: Vec<super::goals::GoalView>,
    /// For the status form: a saved ending review, an end-of-treatment measure.
    has_review: bool,
    end_measure_taken: bool,
    /// Rated sessions: the latest self and supervisor ratings of each.
    fidelity: Vec<super::fidelity_section::SummaryRow>,
}

impl CoursePage {
    /// Progress-note status of a session (None: no note yet).
    fn note_status(&self, session: &Id) -> Option<rapport_core::notes::NoteStatus> {
        self.note_status.get(session).copied()
    }
    fn modalities(&self) -> Vec<(String, String)> {
        modalities()
    }
    fn attendances(&self) -> Vec<(String, String)> {
        attendances()
    }
    /// Whether the form offers brief IPT's engagement session (session 0):
    /// under a protocol with one, while the course has none and no session 1.
    fn offers_engagement(&self) -> bool {
        let slots: Vec<_> = self.cx.sessions.iter().map(|s| s.session.slot()).collect();
        rapport_core::course::check_engagement(&self.cx.protocol, &slots).is_ok()
    }
    fn closing_statuses(&self) -> Vec<(String, String)> {
        [CourseStatus::Completed, CourseStatus::EndedEarly, CourseStatus::Transferred]
            .iter()
            .map(|s| (s.as_str().into(), self.layout.tr.t(s.message())))
            .collect()
    }
}

/// (value, label) choices of how a session is held, and of whether it was attended.
pub fn modalities() -> Vec<(String, String)> {
    let tr = crate::i18n::current();
    Modality::ALL.iter().map(|m| (m.as_str().into(), tr.t(m.message()))).collect()
}

pub fn attendances() -> Vec<(String, String)> {
    let tr = crate::i18n::current();
    Attendance::ALL.iter().map(|m| (m.as_str().into(), tr.t(m.message()))).collect()
}

pub async fn show(
    CourseRead { state, me, cx }: CourseRead,
    Query(q): Query<super::clients::DoneParam>,
) -> AppResult<Html<String>> {
    course_page(&state, &me, cx, q.done.as_deref(), FormErrors::default(), "", SessionForm::default()).await
}

async fn course_page(
    state: &AppState,
    me: &Identity,
    cx: CourseContext,
    done: Option<&str>,
    errors: FormErrors,
    form_section: &str,
    session_form: SessionForm,
) -> AppResult<Html<String>> {
    let protocol = cx.protocol.name_in(crate::i18n::current().lang()).to_string();
    let title = format!("{} · {protocol}", cx.client.details.display_name);
    let layout = Layout::new(state, me, title, "caseload").await?.with_done(done);
    let checklist = cx
        .protocol
        .checklist_items()
        .into_iter()
        .map(|item| ChecklistRow {
            item,
            label: checklist_label(&layout.tr, &cx.protocol, item),
            done: cx.checklist.iter().find(|e| e.item == item).cloned(),
        })
        .collect();
    let o = use_case::overview(state, &cx).await?;
    let today_date = Timestamp::now().date();
    let next_session =
        cx.sessions.iter().find(|s| s.session.attendance == Attendance::Scheduled && s.session.date >= today_date).map(
            |s| {
                let date = crate::i18n::day(s.session.date);
                let modality = layout.tr.t(s.session.modality.message()).to_lowercase();
                if s.session.time.is_empty() {
                    layout.tr.tn("course-next-on", &[("date", &date), ("modality", &modality)])
                } else {
                    let time = &s.session.time;
                    layout.tr.tn("course-next-at", &[("date", &date), ("time", time), ("modality", &modality)])
                }
            },
        );
    let suggested_next = cx
        .last_held()
        .map(|s| s.session.date + time::Duration::days(cx.course.frequency.interval_days()))
        .unwrap_or(cx.course.start_date);
    let suggested_next = crate::i18n::day(suggested_next.max(today_date));
    let last_plan = o.last_plan.map(|(d, plan)| (crate::i18n::day(d), plan));
    let summary = o.summary;
    let goals = summary
        .goals
        .iter()
        .filter(|g| g.goal.body.status.is_open())
        .map(|g| super::goals::view(&cx, g, None))
        .collect();
    let shared_text = summary.formulation.as_ref().and_then(|f| f.body.shared_text.clone());
    let ratings = rapport_app::fidelity::course_fidelity(state, me, &cx).await?.ratings;
    let fidelity = super::fidelity_section::course_summary(state, &cx, &ratings);
    render(&CoursePage {
        fidelity,
        has_review: o.completion.has_review,
        end_measure_taken: o.completion.end_measure_taken,
        layout,
        cx,
        checklist,
        events: o.events,
        today: format_date(today_date),
        next_session,
        suggested_next,
        errors,
        form_section: form_section.to_string(),
        session_form,
        note_status: o.note_status,
        last_plan,
        focus_areas: summary.areas,
        agreed_on: summary.agreed_on.map(|d| rapport_core::time::parse_date(&d).map(crate::i18n::day).unwrap_or(d)),
        shared_text,
        goals,
    })
}

// ---------------------------------------------------------------- words

/// A message with two arguments, for templates (which cannot write the
/// argument list of `Tr::tn`): `crate::ui::courses::tn("id", "a", a, "b", b)`.
pub fn tn(id: &str, a: &'static str, av: &dyn Arg, b: &'static str, bv: &dyn Arg) -> String {
    crate::i18n::current().tn(id, &[(a, av), (b, bv)])
}

/// The same with three arguments (write the id as `crate::i18n::msg("id")`).
pub fn tn3(
    id: &str,
    a: &'static str,
    av: &dyn Arg,
    b: &'static str,
    bv: &dyn Arg,
    c: &'static str,
    cv: &dyn Arg,
) -> String {
    crate::i18n::current().tn(id, &[(a, av), (b, bv), (c, cv)])
}

/// Numbers or names in a list: "1, 3, 6".
pub fn comma_list<T: std::fmt::Display>(items: &[T]) -> String {
    items.iter().map(T::to_string).collect::<Vec<_>>().join(", ")
}

/// A phase as the protocol names it (English) or in the reader's language.
pub fn phase_name(tr: &Tr, protocol: &Protocol, phase: Phase) -> String {
    tr.phase_name(protocol, phase)
}

/// The shipped protocols' own wording of a checklist item, translated (the
/// protocol file's `checklist_labels` are English; a site's own protocol
/// keeps its words in English elsewhere).
const PROTOCOL_CHECKLIST: [(&str, ChecklistItem, &str); 2] = [
    ("ipt-a", ChecklistItem::SuicideRisk, msg("course-checklist-suicide-risk-ipt-a")),
    ("ipt-a", ChecklistItem::SickRole, msg("course-checklist-sick-role-ipt-a")),
];

/// A checklist item as the protocol words it (English) or in the reader's
/// language: the protocol's own wording where a shipped protocol has one
/// (IPT-A's risk check lists its exclusion criteria), else the item's.
pub fn checklist_label(tr: &Tr, protocol: &Protocol, item: ChecklistItem) -> String {
    if tr.lang() == "en" {
        return protocol.checklist_label(item);
    }
    let own = PROTOCOL_CHECKLIST.iter().find(|(p, i, _)| *p == protocol.id && *i == item).map(|(_, _, id)| *id);
    tr.t(own.unwrap_or(item.message()))
}

/// A medication outcome recorded on the checklist (an unknown key as it is).
pub fn medication_name(tr: &Tr, key: &str) -> String {
    rapport_core::course_rules::medication_message(key).map(|id| tr.t(id)).unwrap_or_else(|| key.to_string())
}

/// A course status code from the contract history ("ended_early"), in lower case.
pub fn status_name(tr: &Tr, code: &str) -> String {
    match CourseStatus::parse(code) {
        Some(s) => tr.t(s.message()).to_lowercase(),
        None => code.replace('_', " "),
    }
}

/// Where the course stands: "Session 5 of 16 · middle phase · 11 left".
pub fn progress_summary(tr: &Tr, cx: &CourseContext) -> String {
    tr.course_progress(&cx.protocol, &cx.progress)
}

// ---------------------------------------------------------------- contract and status

#[derive(Deserialize, Default)]
pub struct ContractForm {
    #[serde(default)]
    pub planned_sessions: String,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub version: String,
}

pub async fn renegotiate(CoursePost { state, me, cx, form }: CoursePost<ContractForm>) -> AppResult<Response> {
    cx.require_open()?;
    let version = crate::html::form::required_version(&form.version)?;
    let mut e = ValidationErrors::new();
    let n = form_number(&mut e, "planned_sessions", msg("field-number-of-sessions"), &form.planned_sessions);
    match use_case::renegotiate(&state, &me, &cx, n, Some(&form.reason), Some(version), e).await.map_err(AppError::from)
    {
        Ok(_) => Ok(Redirect::to(&format!("/courses/{}?done=contract#contract", cx.course.id)).into_response()),
        Err(AppError::Invalid(e)) => {
            Ok(refused(course_page(&state, &me, cx, None, FormErrors(e), "contract", SessionForm::default()).await?))
        }
        Err(other) => Err(other),
    }
}

#[derive(Deserialize, Default)]
pub struct StatusForm {
    #[serde(default)]
    pub status: String,
    #[serde(default, rename = "status_reason")]
    pub reason: String,
    #[serde(default)]
    pub skip_review_reason: String,
    /// A checkbox: present when ticked.
    #[serde(default)]
    pub confirm_no_end_measure: String,
    #[serde(default)]
    pub no_end_measure_reason: String,
}

pub async fn set_status(CoursePost { state, me, cx, form }: CoursePost<StatusForm>) -> AppResult<Response> {
    let fields = CompletionFields {
        skip_review_reason: Some(&form.skip_review_reason),
        confirm_no_end_measure: !form.confirm_no_end_measure.is_empty(),
        no_end_measure_reason: Some(&form.no_end_measure_reason),
    };
    match use_case::set_status(&state, &me, &cx, &form.status, Some(&form.reason), &fields)
        .await
        .map_err(AppError::from)
    {
        Ok(status) if status == cx.course.status => {
            Ok(Redirect::to(&format!("/courses/{}", cx.course.id)).into_response())
        }
        Ok(_) => Ok(Redirect::to(&format!("/courses/{}?done=course-status", cx.course.id)).into_response()),
        Err(AppError::Invalid(e)) => {
            let errors = FormErrors(e).rename("reason", "status_reason");
            Ok(refused(course_page(&state, &me, cx, None, errors, "status", SessionForm::default()).await?))
        }
        Err(other) => Err(other),
    }
}

// ---------------------------------------------------------------- checklist

#[derive(Deserialize, Default)]
pub struct ChecklistForm {
    #[serde(default)]
    pub done_on: String,
    #[serde(default)]
    pub detail: String,
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub note: String,
}

fn checklist_item(s: &str) -> Result<ChecklistItem, AppError> {
    ChecklistItem::parse(s).ok_or(AppError::NotFound)
}

pub async fn record_checklist(
    Path((_, item)): Path<(String, String)>,
    CoursePost { state, me, cx, form }: CoursePost<ChecklistForm>,
) -> AppResult<Response> {
    let item = checklist_item(&item)?;
    let input = ChecklistInput {
        done_on: Some(&form.done_on),
        detail: Some(&form.detail),
        code: Some(&form.code),
        note: Some(&form.note),
    };
    match use_case::record_checklist(&state, &me, &cx, item, input).await.map_err(AppError::from) {
        Ok(()) => Ok(Redirect::to(&format!("/courses/{}?done=checklist#checklist", cx.course.id)).into_response()),
        Err(AppError::Invalid(e)) => {
            let errors = FormErrors(e).with_prefix(item.as_str());
            Ok(refused(course_page(&state, &me, cx, None, errors, item.as_str(), SessionForm::default()).await?))
        }
        Err(other) => Err(other),
    }
}

pub async fn clear_checklist(
    CourseWrite { state, me, cx }: CourseWrite,
    Path((_, item)): Path<(String, String)>,
) -> AppResult<Response> {
    use_case::clear_checklist(&state, &me, &cx, checklist_item(&item)?).await?;
    Ok(Redirect::to(&format!("/courses/{}#checklist", cx.course.id)).into_response())
}

// ---------------------------------------------------------------- sessions

#[derive(Deserialize, Default, Clone, Debug)]
pub struct SessionForm {
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub time: String,
    #[serde(default)]
    pub modality: String,
    #[serde(default)]
    pub attendance: String,
    #[serde(default)]
    pub duration_minutes: String,
    /// "yes": brief IPT's engagement session (session 0).
    #[serde(default)]
    pub engagement: String,
    #[serde(default)]
    pub version: String,
    /// "session": return to the session page after a change made there.
    #[serde(default)]
    pub back: String,
}

pub async fn add_session(CoursePost { state, me, cx, form }: CoursePost<SessionForm>) -> AppResult<Response> {
    let mut e = ValidationErrors::new();
    let input = SessionInput {
        date: Some(form.date.clone()),
        time: Some(form.time.clone()),
        modality: Some(form.modality.clone()),
        attendance: Some(form.attendance.clone()),
        duration_minutes: form_number(&mut e, "duration_minutes", msg("field-duration"), &form.duration_minutes),
        engagement: form.engagement == "yes",
    };
    match use_case::add_session(&state, &me, &cx, &input, e).await.map_err(AppError::from) {
        Ok(s) => {
            Ok(Redirect::to(&format!("/courses/{}?done=session-recorded#session-{}", cx.course.id, s.id))
                .into_response())
        }
        Err(AppError::Invalid(e)) => {
            Ok(refused(course_page(&state, &me, cx, None, FormErrors(e), "session", form).await?))
        }
        Err(other) => Err(other),
    }
}

pub async fn update_attendance(
    Path((_, session_id)): Path<(String, String)>,
    CoursePost { state, me, cx, form }: CoursePost<SessionForm>,
) -> AppResult<Response> {
    cx.require_open()?;
    let version = crate::html::form::required_version(&form.version)?;
    let mut e = ValidationErrors::new();
    let given = |v: &str| Some(v.to_string()).filter(|v| !v.trim().is_empty());
    let input = SessionInput {
        date: given(&form.date),
        time: given(&form.time),
        modality: given(&form.modality),
        attendance: Some(form.attendance.clone()),
        duration_minutes: form_number(&mut e, "duration_minutes", msg("field-duration"), &form.duration_minutes),
        engagement: false,
    };
    let sid = match use_case::update_session(&state, &me, &cx, &session_id, input, Some(version), e)
        .await
        .map_err(AppError::from)
    {
        Ok(s) => s.id,
        Err(AppError::Invalid(e)) => {
            return Ok(refused(
                course_page(&state, &me, cx, None, FormErrors(e), "session", SessionForm::default()).await?,
            ));
        }
        Err(other) => return Err(other),
    };
    if form.back == "session" {
        return Ok(
            Redirect::to(&format!("/courses/{}/sessions/{sid}?done=session-updated", cx.course.id)).into_response()
        );
    }
    Ok(Redirect::to(&format!("/courses/{}?done=session-updated#session-{sid}", cx.course.id)).into_response())
}
