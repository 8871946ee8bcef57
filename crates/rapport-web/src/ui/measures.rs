//! A client's measures: the scores so far with outcomes, and recording a
//! measure in session (or on the client's behalf).

use super::Layout;
use rapport_core::msg;

use crate::error::{AppError, AppResult};
use crate::html::charts::{charts_for, ChartView};
use crate::html::questionnaire::{self, QuestionnaireView};
use crate::html::{render, FormErrors};
use crate::identity::SignedIn;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Form;
use rapport_app::access::{client_for, Purpose};
use rapport_app::outcomes::{
    course_facts, course_label, outcomes_in, scoped_responses_and_all, OutcomeScope, ScopeRequest,
};
use rapport_app::AppState;
use rapport_core::audit::action;
use rapport_core::measures::change::{InstrumentOutcome, NhsTalkingTherapies};
use rapport_core::measures::definition::Instrument;
use rapport_core::measures::schedule::Schedule;
use rapport_core::records::RecordBody;
use rapport_core::{Timestamp, ValidationErrors};
use rapport_store::clients::ClientRecord;
use rapport_store::measures::{Mode, ResponseRow, RiskFlagRow};
use serde::Deserialize;
use std::collections::HashMap;

use rapport_app::measures::schedule_of;

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/clients/{id}/measures", show)
        .get("/clients/{id}/measures/new", new_form)
        .post("/clients/{id}/measures/new", create)
        .get("/clients/{id}/responses/{response_id}", response_page)
        .post("/courses/{id}/measure-schedule", save_schedule)
}

/// Saves a course's schedule (instruments and cadence) as a versioned record.
pub async fn save_schedule(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let cx = rapport_app::access::course::course_for(&state, &me, &id, Purpose::Write).await?;
    let p = crate::html::form::Pairs(pairs);
    let instruments: Vec<String> =
        p.0.iter().filter(|(k, _)| k == "instrument").map(|(_, v)| v.trim().to_string()).collect();
    let mut errors = ValidationErrors::new();
    if instruments.iter().any(|i| state.instruments.get(i).is_none()) {
        errors.add("instruments", "Choose instruments from the list.");
    }
    let typed = ScheduleTyped { instruments: instruments.clone(), every: p.get("every").trim().to_string() };
    let every = typed.every.parse::<u32>().unwrap_or(0);
    let checked = (Schedule { instruments, every }).validate();
    if let Err(e) = &checked {
        for f in &e.0 {
            if errors.for_field(&f.field).is_none() {
                errors.0.push(f.clone());
            }
        }
    }
    let body = match checked {
        Ok(b) if errors.is_empty() => b,
        _ => {
            // The course's Measures page again, with the errors and what was typed.
            let html = measures_page(
                &state,
                &me,
                cx.client,
                Some(cx.course.id.to_string()),
                false,
                cx.basis.manages_portal(),
                None,
                Some((typed, FormErrors(errors))),
            )
            .await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response());
        }
    };
    let version = crate::html::form::required_version(p.get("version"))?;
    let confirmed = !p.get("confirm_no_risk_item").is_empty();
    match rapport_app::measures::save_schedule(&state, &me, &cx, &body, version, confirmed).await {
        Ok(()) => {}
        // No instrument asks about risk: the form again, with the warning and the box to confirm.
        Err(rapport_app::Error::Invalid(e)) => {
            let html = measures_page(
                &state,
                &me,
                cx.client,
                Some(cx.course.id.to_string()),
                false,
                cx.basis.manages_portal(),
                None,
                Some((typed, FormErrors(e))),
            )
            .await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response());
        }
        Err(e) => return Err(e.into()),
    }
    Ok(Redirect::to(&format!("/clients/{}/measures?course={}&done=schedule-saved", cx.client.id, cx.course.id))
        .into_response())
}

/// The schedule form as submitted (shown again when it is refused).
pub struct ScheduleTyped {
    pub instruments: Vec<String>,
    pub every: String,
}

/// A single-use link as listed (never its token).
pub struct LinkView {
    pub instrument: String,
    pub created: String,
    pub created_by: String,
    pub expires: String,
    /// "unused", "used" or "expired".
    pub status: &'static str,
    pub used: String,
}

pub struct OutcomeRow {
    pub instrument: String,
    pub o: InstrumentOutcome,
    /// The not-on-track reasons, comma-separated.
    pub reasons: String,
}

pub struct InstrumentChoice {
    pub id: String,
    pub short_name: String,
    /// The full name in the reader's language when the questionnaire has it, else its own.
    pub name: String,
    pub name_language: String,
    pub clinician: bool,
    /// May be sent to the client as a measure link.
    pub sendable: bool,
}

#[derive(Deserialize, Default)]
pub struct PageQuery {
    pub done: Option<String>,
    /// Record new measures as part of this IPT course (one of the client's);
    /// outcomes are then this course's.
    pub course: Option<String>,
    /// `all`: outcomes across every course (default: the course, or the most recent one).
    pub scope: Option<String>,
}

/// The course id when it is one of this client's courses; otherwise 404.
async fn course_of(state: &AppState, c: &ClientRecord, course: Option<&str>) -> AppResult<Option<String>> {
    Ok(rapport_app::measures::course_of_client(state, c, course).await?.map(|id| id.to_string()))
}

#[derive(Template)]
#[template(path = "measures.html")]
struct MeasuresPage {
    layout: Layout,
    c: ClientRecord,
    /// New measures are recorded in this course ("" when none).
    course: String,
    responses: Vec<ResponseRow>,
    /// Follow-ups a positive screen offers (instrument id, name): PHQ-2 → PHQ-9.
    follow_ups: Vec<(String, String)>,
    /// Follow-up measures due after a completed course: (label, instruments, course id).
    end_follow_ups: Vec<(String, String, String)>,
    outcomes: Vec<OutcomeRow>,
    nhs: Option<NhsTalkingTherapies>,
    /// What the outcomes are computed over, and the other scopes to choose.
    scope: OutcomeScope,
    scopes: Vec<ScopeLink>,
    /// Single-use questionnaire links (not under emergency access).
    can_send_links: bool,
    flags: Vec<RiskFlagRow>,
    instruments: Vec<InstrumentChoice>,
    charts: Vec<ChartView>,
    schedule: Option<ScheduleView>,
    links: Vec<LinkView>,
    /// Errors of a refused schedule form.
    errors: FormErrors,
    /// The instruments, so the page names them and their bands, never by id.
    library: std::sync::Arc<rapport_core::measures::Library>,
}

impl MeasuresPage {
    /// An instrument's short name ("PHQ-9"); the id only for one no longer known.
    fn instrument_name(&self, id: &str) -> String {
        self.library.get(id).map(|i| i.short_name.clone()).unwrap_or_else(|| id.to_string())
    }

    /// "By default this course asks for these measures before every 4 sessions,
    /// counted back from the last planned session … (sessions 1, 4, 8, 12, 16)."
    fn schedule_sentence(&self, sv: &ScheduleView) -> String {
        let sessions = rapport_core::measures::schedule::scheduled_sessions(sv.every, sv.planned)
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        self.layout.tr.tn(
            crate::i18n::msg("measure-schedule-asks"),
            &[
                ("custom", &if sv.custom { "yes" } else { "no" }),
                ("every", &(sv.every as i64)),
                ("sessions", &sessions),
            ],
        )
    }

    /// A response's band as its label ("Moderately severe").
    fn band_name(&self, r: &ResponseRow) -> String {
        match (&r.band, self.library.get(&r.instrument_id)) {
            (Some(b), Some(inst)) => self.layout.tr.band_label(inst, r.band_set.as_deref(), b),
            (Some(b), None) => b.clone(),
            (None, _) => String::new(),
        }
    }

    /// A risk-item flag ("risk_item_9") as words: "Question 9 (thoughts of self-harm) positive".
    fn risk_flag_name(&self, r: &ResponseRow, flag: &str) -> String {
        let number = flag.trim_start_matches("risk_item_").parse::<u32>().ok();
        let tr = &self.layout.tr;
        match (number, self.library.get(&r.instrument_id)) {
            (Some(n), Some(inst)) => tr.ta("measure-risk-question-positive", "question", tr.question(inst, n)),
            (Some(n), None) => tr.ta("measure-risk-number-positive", "number", n as i64),
            _ => flag.replace('_', " "),
        }
    }

    /// A flag's raising, in words: "PHQ-9 flag raised 4 Dec 2026, 14:05".
    fn flag_raised(&self, f: &RiskFlagRow) -> String {
        let tr = &self.layout.tr;
        let by = match &f.instrument_id {
            Some(i) => self.instrument_name(i),
            None => tr.t("measure-flag-by-clinician"),
        };
        tr.tn("measure-flag-raised", &[("by", &by), ("when", &crate::i18n::show(f.raised_at))])
    }
}

/// A scope the outcomes can be shown for.
pub struct ScopeLink {
    pub label: String,
    pub href: String,
    pub current: bool,
}

/// A course's schedule, its form and where each measure stands.
pub struct ScheduleView {
    pub course: String,
    pub every: u32,
    /// The contract's session count: the cadence is anchored on the last.
    pub planned: u32,
    pub version: i64,
    pub custom: bool,
    /// (instrument id, short name, checked in the form).
    pub choices: Vec<(String, String, bool)>,
    /// The cadence selected in the form (as typed when the form was refused).
    pub form_every: String,
    /// (short name, "due" | "overdue" | "not_due").
    pub states: Vec<(String, &'static str)>,
}

impl ScheduleView {
    pub fn every_options(&self) -> Vec<i64> {
        (1..=rapport_core::measures::schedule::MAX_EVERY).map(i64::from).collect()
    }

    /// A refused cadence that is none of the options (kept so the form shows what was sent).
    pub fn other_every(&self) -> Option<&str> {
        let listed = self.every_options().iter().any(|n| n.to_string() == self.form_every);
        (!listed && !self.form_every.is_empty()).then_some(self.form_every.as_str())
    }
}

pub async fn show(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Query(q): Query<PageQuery>,
) -> AppResult<Html<String>> {
    let (c, basis) = client_for(&state, &me, &id, Purpose::AuditRead).await?;
    let course = course_of(&state, &c, q.course.as_deref()).await?;
    let all = match q.scope.as_deref() {
        None | Some("" | "course") => false,
        Some("all") => true,
        Some(_) => return Err(AppError::invalid("scope", "scope must be course or all")),
    };
    let links = basis.manages_portal();
    Ok(Html(measures_page(&state, &me, c, course, all, links, q.done.as_deref(), None).await?))
}

/// The Measures page of a client (for `course` when given); with `refused`,
/// the schedule form shows what was typed and why it was refused.
#[allow(clippy::too_many_arguments)]
async fn measures_page(
    state: &AppState,
    me: &rapport_app::caller::Identity,
    c: ClientRecord,
    course: Option<String>,
    all: bool,
    can_send_links: bool,
    done: Option<&str>,
    refused: Option<(ScheduleTyped, FormErrors)>,
) -> AppResult<String> {
    let (typed, errors) = match refused {
        Some((t, e)) => (Some(t), e),
        None => (None, FormErrors::default()),
    };
    // Outcomes per course: the course asked for, else the most recent one, or all when asked.
    let req = match (&course, all) {
        (_, true) => ScopeRequest::All,
        (Some(k), false) => ScopeRequest::Course(k.as_str()),
        (None, false) => ScopeRequest::Default,
    };
    let (scoped, mut responses) = scoped_responses_and_all(state, &c.id, req).await?;
    let mut schedule = None;
    let charts = match &course {
        Some(cid) => {
            let id = rapport_core::Id::parse(cid).ok_or(AppError::NotFound)?;
            let (held, planned) =
                course_facts(state, &c.id, cid).await?.map(|f| (f.held, f.planned_sessions)).unwrap_or_default();
            // The course's own responses, as its outcomes count them.
            let mine: Vec<ResponseRow> = scoped.responses.clone();
            let (sched, version, rid) = schedule_of(state, &id).await?;
            let done: Vec<(String, time::Date)> = mine
                .iter()
                .filter(|r| r.total.is_some())
                .map(|r| (r.instrument_id.clone(), r.completed_at.date()))
                .collect();
            let short =
                |i: &str| state.instruments.get(i).map(|x| x.short_name.clone()).unwrap_or_else(|| i.to_string());
            schedule = Some(ScheduleView {
                course: cid.clone(),
                every: sched.every,
                planned,
                version,
                custom: rid.is_some(),
                choices: state
                    .instruments
                    .all()
                    .map(|i| {
                        let on = match &typed {
                            Some(t) => t.instruments.contains(&i.id),
                            None => sched.instruments.contains(&i.id),
                        };
                        (i.id.clone(), i.short_name.clone(), on)
                    })
                    .collect(),
                form_every: typed.as_ref().map(|t| t.every.clone()).unwrap_or_else(|| sched.every.to_string()),
                states: rapport_core::measures::schedule::schedule_states(&sched, planned, &held, &done)
                    .into_iter()
                    .map(|(i, st)| (short(&i), st.as_str()))
                    .collect(),
            });
            charts_for(state, &c.id, &mine, Some(&held), false).await?
        }
        // Without a course asked for, the charts follow the outcomes' scope.
        None => charts_for(state, &c.id, &scoped.responses, None, false).await?,
    };
    let facts = match scoped.scope.course_id.as_deref() {
        Some(k) => course_facts(state, &c.id, k).await?,
        None => None,
    };
    let summary = outcomes_in(state, &scoped.responses, facts.as_ref());
    let base = format!("/clients/{}/measures", c.id);
    let mut scopes: Vec<ScopeLink> = scoped
        .courses
        .iter()
        .map(|k| ScopeLink {
            label: course_label(state, k),
            href: format!("{base}?course={}", k.course.id),
            current: scoped.scope.course_id.as_deref() == Some(k.course.id.as_str()),
        })
        .collect();
    let tr = crate::i18n::current();
    scopes.push(ScopeLink { label: tr.t("measure-scope-all"), href: format!("{base}?scope=all"), current: all });
    let flags = rapport_app::measures::measures_page_flags(state, me, &c).await?;
    let follow_ups =
        rapport_app::follow_ups::pending(state, &responses).iter().map(|i| (i.id.clone(), i.name.clone())).collect();
    let end_follow_ups = rapport_app::follow_ups::due(state, &c.id)
        .await?
        .into_iter()
        .map(|f| {
            let names: Vec<String> = f
                .instruments
                .iter()
                .map(|i| state.instruments.get(i).map(|x| x.short_name.clone()).unwrap_or_else(|| i.clone()))
                .collect();
            (f.label(), names.join(", "), f.course_id.to_string())
        })
        .collect();
    responses.reverse();
    let layout =
        Layout::new(state, me, tr.ta("measure-page-title", "client", c.details.display_name.as_str()), "caseload")
            .await?
            .with_done(done);
    let instruments = state
        .instruments
        .all()
        .map(|i| InstrumentChoice {
            id: i.id.clone(),
            short_name: i.short_name.clone(),
            name: i.name_in(tr.lang()).to_string(),
            name_language: i.name_language_in(tr.lang()).to_string(),
            clinician: i.administration == rapport_core::measures::definition::Administration::Clinician,
            sendable: rapport_app::measure_links::sendable(i),
        })
        .collect();
    let now = Timestamp::now();
    let links = state
        .store
        .client_measure_links(&c.id)
        .await?
        .into_iter()
        .map(|r| {
            let l = r.link;
            LinkView {
                instrument: state
                    .instruments
                    .get(&l.instrument_id)
                    .map(|i| i.short_name.clone())
                    .unwrap_or_else(|| l.instrument_id.clone()),
                created: crate::i18n::show(l.created_at),
                created_by: r.created_by_name.unwrap_or_default(),
                expires: crate::i18n::show(l.expires_at),
                status: match l.used_at {
                    Some(_) => "used",
                    None if l.expires_at <= now => "expired",
                    None => "unused",
                },
                used: crate::i18n::show_opt(l.used_at),
            }
        })
        .collect();
    let outcomes = summary
        .instruments
        .into_iter()
        .map(|(id, r)| OutcomeRow {
            instrument: state.instruments.get(&id).map(|i| i.short_name.clone()).unwrap_or(id),
            reasons: crate::i18n::current().not_on_track_reasons(&r.outcome.not_on_track),
            o: r.outcome,
        })
        .collect::<Vec<_>>();
    let page = MeasuresPage {
        library: state.instruments.clone(),
        layout,
        c,
        course: course.unwrap_or_default(),
        responses,
        follow_ups,
        end_follow_ups,
        outcomes,
        nhs: summary.nhs.map(|n| n.categories),
        scope: scoped.scope,
        scopes,
        can_send_links,
        flags,
        instruments,
        charts,
        schedule,
        links,
        errors,
    };
    Ok(render(&page)?.0)
}

#[derive(Template)]
#[template(path = "measure_form.html")]
struct MeasureForm {
    layout: Layout,
    c: ClientRecord,
    inst_id: String,
    course: String,
    short_name: String,
    placeholder: bool,
    q: QuestionnaireView,
    mode: String,
    /// The "Date taken" field (YYYY-MM-DD) and its latest allowed value (today).
    date_taken: String,
    today: String,
    /// Opened from a session: (session id, link back, label).
    session: Option<(String, String, String)>,
    errors: FormErrors,
}

/// The session a form was opened from, when it is one of this client's.
async fn session_of(
    state: &AppState,
    me: &rapport_app::caller::Identity,
    c: &ClientRecord,
    session: Option<&str>,
) -> AppResult<Option<rapport_app::access::session::SessionContext>> {
    let Some(sid) = session.filter(|s| !s.is_empty()) else { return Ok(None) };
    let sx = rapport_app::access::session::session_for(state, me, None, sid).await?;
    if sx.cx.client.id != c.id {
        return Err(AppError::NotFound);
    }
    Ok(Some(sx))
}

fn session_link(sx: &rapport_app::access::session::SessionContext) -> (String, String, String) {
    let tr = crate::i18n::current();
    let date = tr.date(sx.s.session.date);
    let label = match super::session_name(&tr, &sx.s) {
        Some(session) => tr.tn("measure-session-numbered", &[("session", &session), ("date", &date)]),
        None => tr.ta("measure-session-dated", "date", date),
    };
    (sx.s.session.id.to_string(), format!("/courses/{}/sessions/{}", sx.cx.course.id, sx.s.session.id), label)
}

fn form_page(
    layout: Layout,
    c: ClientRecord,
    inst: &Instrument,
    form: &HashMap<String, String>,
    session: Option<(String, String, String)>,
    errors: FormErrors,
) -> MeasureForm {
    let today = rapport_app::clock::today();
    MeasureForm {
        layout,
        c,
        inst_id: inst.id.clone(),
        course: form.get("course_id").cloned().unwrap_or_default(),
        short_name: inst.short_name.clone(),
        placeholder: inst.text_placeholder,
        q: QuestionnaireView::for_clinician(inst, form),
        mode: form.get("mode").cloned().unwrap_or_else(|| "in_session".into()),
        date_taken: form.get("date_taken").cloned().unwrap_or_else(|| rapport_core::time::format_date(today)),
        today: rapport_core::time::format_date(today),
        session,
        errors,
    }
}

#[derive(Deserialize, Default)]
pub struct NewQuery {
    pub instrument: Option<String>,
    pub course: Option<String>,
    /// Opened from this session: its course is preselected and its date is the default "Date taken".
    pub session: Option<String>,
}

pub async fn new_form(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Query(q): Query<NewQuery>,
) -> AppResult<Html<String>> {
    let (c, _) = client_for(&state, &me, &id, Purpose::Write).await?;
    let inst = q
        .instrument
        .as_deref()
        .and_then(|i| state.instruments.get(i))
        .ok_or_else(|| AppError::invalid("instrument", "Choose an instrument from the client's measures page"))?;
    let mut form = HashMap::new();
    if let Some(course) = course_of(&state, &c, q.course.as_deref()).await? {
        form.insert("course_id".to_string(), course);
    }
    let sx = session_of(&state, &me, &c, q.session.as_deref()).await?;
    if let Some(sx) = &sx {
        form.insert("course_id".to_string(), sx.cx.course.id.to_string());
        // The session's day, unless it is still ahead (never a date in the future).
        let day = sx.s.session.date.min(rapport_app::clock::today());
        form.insert("date_taken".to_string(), rapport_core::time::format_date(day));
    }
    let layout =
        Layout::new(&state, &me, format!("{} · {}", inst.short_name, c.details.display_name), "caseload").await?;
    render(&form_page(layout, c, inst, &form, sx.as_ref().map(session_link), FormErrors::default()))
}

/// Records a response through the one pipeline. Blank items are missing: the
/// form is stored as incomplete without a total, and its risk items still
/// count. The date taken may be earlier (back-entry), never later than today
/// (400 naming `date_taken`).
pub async fn create(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Form(form): Form<HashMap<String, String>>,
) -> AppResult<Response> {
    use rapport_app::responses::{self, CourseChoice, Recording, Submission};
    let (c, _) = client_for(&state, &me, &id, Purpose::Write).await?;
    let inst = form
        .get("instrument")
        .and_then(|i| state.instruments.get(i))
        .ok_or_else(|| AppError::invalid("instrument", "Choose an instrument from the client's measures page"))?;
    // The questionnaire as it was shown (its language is recorded with the response).
    let shown = questionnaire::localized_as(inst, form.get("form_language").map(String::as_str)).instrument;
    let inst = &shown;
    let course_id = course_of(&state, &c, form.get("course_id").map(String::as_str)).await?;
    let sx = session_of(&state, &me, &c, form.get("session_id").map(String::as_str)).await?;
    let back = sx.as_ref().map(session_link);
    let now = Timestamp::now();
    let mut date_errors = ValidationErrors::new();
    let date = rapport_core::validation::date_field(
        &mut date_errors,
        "date_taken",
        msg("field-date-taken"),
        form.get("date_taken").map(String::as_str),
        Some(rapport_app::clock::today()),
    );
    if !date_errors.is_empty() {
        let layout =
            Layout::new(&state, &me, format!("{} · {}", inst.short_name, c.details.display_name), "caseload").await?;
        let page = form_page(layout, c, inst, &form, back, FormErrors(date_errors));
        return Ok((StatusCode::BAD_REQUEST, render(&page)?).into_response());
    }
    let completed_at = date.map(|d| responses::taken_on(d, now, rapport_app::clock::today())).unwrap_or(now);
    let mode = match form.get("mode").map(String::as_str) {
        None | Some("in_session") => Ok(Mode::InSession),
        Some("on_behalf") => Ok(Mode::OnBehalf),
        Some(_) => Err(ValidationErrors::single("mode", "Choose how the measure was taken")),
    };
    let parsed = responses::form_answers(inst, &form).and_then(|a| mode.map(|m| (a, m)));
    let recorded = match parsed {
        Err(errs) => Err(AppError::Invalid(errs)),
        Ok(((answers, extras), mode)) => {
            let sub = Submission {
                client: &c.id,
                instrument: inst,
                answers,
                unscored: extras,
                band_set: None,
                mode,
                course: match &course_id {
                    Some(k) => CourseChoice::Given(rapport_core::Id::from_db(k.clone())),
                    None => CourseChoice::ByDate,
                },
                completed_at,
                entered_by: Some(me.user.id.clone()),
                event: me.event(action::MEASURE_RECORD, "measure_response"),
                via: if mode == Mode::OnBehalf { "entered on the client's behalf" } else { "in session" },
                link: None,
            };
            responses::record(&state, sub).await.map_err(AppError::from)
        }
    };
    let rec = match recorded {
        Ok(Recording::Recorded(rec)) => rec,
        Ok(Recording::LinkRefused) => return Err(AppError::internal("no link on a clinician's form")),
        Err(AppError::Invalid(errs)) => {
            let layout =
                Layout::new(&state, &me, format!("{} · {}", inst.short_name, c.details.display_name), "caseload")
                    .await?;
            let errs = FormErrors(responses::form_errors(errs)).rename("completed_at", "date_taken");
            let page = form_page(layout, c, inst, &form, back, errs);
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
        }
        Err(e) => return Err(e),
    };
    let from = back.map(|(sid, _, _)| format!("&session={sid}")).unwrap_or_default();
    // From a session, the score sentence and the way back come first (a raised flag is
    // announced there too); otherwise a raised flag opens at once.
    Ok(match rec.risk_flag_id {
        Some(flag) if from.is_empty() => Redirect::to(&format!("/risk-flags/{flag}?done=flag-raised")),
        _ => Redirect::to(&format!("/clients/{}/responses/{}?done=measure-recorded{from}", c.id, rec.id)),
    }
    .into_response())
}

#[derive(Template)]
#[template(path = "response.html")]
struct ResponsePage {
    layout: Layout,
    d: rapport_app::scores::ResponseDetail,
    taken: String,
    /// Just saved: the sentence is the page's message.
    just_saved: bool,
    /// Opened from (or saved for) a session: (session id, link back, label).
    session: Option<(String, String, String)>,
    /// The measures page of the response's course.
    measures_href: String,
    /// "PHQ-9 of 2026-12-04".
    crumb: String,
    /// The language it was answered in, named in the reader's language (None: not recorded).
    language: Option<String>,
    /// The translation answered, credited ("Spanish version: …").
    credit: Option<questionnaire::Credit>,
    /// The population whose cut-offs gave the band, when not the instrument's own.
    cutoffs: Option<String>,
    /// The language the questions and answers are shown in (the reader's, when the questionnaire has it).
    items_language: String,
}

impl ResponsePage {
    fn flag_status(&self) -> String {
        self.d.flag.as_ref().map(|f| crate::i18n::current().flag_status_label(f.status)).unwrap_or_default()
    }
}

#[derive(Deserialize, Default)]
pub struct ResponseQuery {
    pub done: Option<String>,
    pub session: Option<String>,
}

/// One response: its score in words, its change from its course's baseline,
/// and every item with its answer (the item text, or "Item N" for a licensed
/// instrument whose text is not shipped). After saving it says the score.
pub async fn response_page(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path((id, response_id)): Path<(String, String)>,
    Query(q): Query<ResponseQuery>,
) -> AppResult<Html<String>> {
    let d = rapport_app::scores::response_detail(&state, &me, &id, &response_id).await?;
    let session = session_of(&state, &me, &d.client, q.session.as_deref()).await?.as_ref().map(session_link);
    let just_saved = q.done.as_deref() == Some("measure-recorded");
    let title = format!("{} · {}", d.summary.short_name, d.client.details.display_name);
    let layout = Layout::new(&state, &me, title, "caseload").await?;
    let measures_href = match &d.summary.row.course_id {
        Some(k) => format!("/clients/{}/measures?course={k}", d.client.id),
        None => format!("/clients/{}/measures", d.client.id),
    };
    let taken = rapport_app::scores::local_date(d.summary.row.completed_at);
    let tr = crate::i18n::current();
    let crumb = tr.tn("measure-response-crumb", &[("measure", &d.summary.short_name), ("date", &taken)]);
    let inst = state.instruments.get(&d.summary.row.instrument_id);
    let language = d.summary.row.language.as_deref().map(|l| questionnaire::language_name(&tr, l));
    let credit = match (inst, d.summary.row.language.as_deref()) {
        (Some(i), Some(l)) => questionnaire::translation_credit(&tr, i, l),
        _ => None,
    };
    let cutoffs = match (inst, d.summary.row.band_set.as_deref()) {
        (Some(i), Some(b)) => i
            .population_of(b)
            .map(|p| tr.tn("measure-response-population", &[("population", &p.label), ("source", &p.source)])),
        _ => None,
    };
    let items_language = inst.map(|i| questionnaire::localized(i).language).unwrap_or_else(|| "en".into());
    render(&ResponsePage {
        layout,
        taken,
        d,
        just_saved,
        session,
        measures_href,
        crumb,
        language,
        credit,
        cutoffs,
        items_language,
    })
}
