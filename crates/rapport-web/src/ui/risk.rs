//! Risk flags in the clinician UI: the list of flags on one's clients (with
//! time to acknowledgement), and handling one flag: acknowledge, structured
//! assessment, safety plan version, sign-off.

use super::Layout;

use crate::error::{AppError, AppResult};
use crate::html::{render, FormErrors};
use crate::identity::SignedIn;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Form;
use rapport_app::access::{client_for, require_caseload, Purpose};
use rapport_app::caller::Identity;
use rapport_app::risk;
use rapport_app::AppState;
use rapport_app::Error;
use rapport_core::escalation::{format_duration, timing, Deadline, Deadlines, FlagClock, Timing};
use rapport_core::risk::{RawAssessment, RawSafetyPlan, RiskLevel};
use rapport_core::{Id, Timestamp, ValidationErrors};
use rapport_store::clients::ClientRecord;
use rapport_store::escalation::EscalationHistoryRow;
use rapport_store::measures::{AssessmentRow, RiskFlagRow, SafetyPlanRow};
use serde::Deserialize;

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/risk-flags", list)
        .get("/risk-flags/{id}", show)
        .post("/risk-flags/{id}/acknowledge", acknowledge)
        .post("/risk-flags/{id}/assessment", assess)
        .post("/risk-flags/{id}/safety-plan", save_plan)
        .post("/risk-flags/{id}/close", close)
        .get("/clients/{id}/risk-flags/new", concern_form)
        .post("/clients/{id}/risk-flags", raise_concern)
}

pub struct FlagLine {
    pub f: RiskFlagRow,
    /// Against the acknowledgement deadline.
    pub ack: Timing,
    /// Against the assessment deadline.
    pub assess: Timing,
    /// "PHQ-9 question 9 (thoughts of self-harm): Several days", or "Recorded by a clinician".
    pub source: String,
    pub status: &'static str,
}

impl FlagLine {
    fn new(f: RiskFlagRow, deadlines: &Deadlines, now: Timestamp, lib: &rapport_core::measures::Library) -> Self {
        let clock = FlagClock {
            raised_at: f.raised_at,
            acknowledged_at: f.acknowledged_at,
            assessed_at: f.assessed_at,
            closed_at: f.closed_at,
            responsible_active: f.responsible_active,
        };
        let ack = timing(&clock, deadlines, Deadline::Acknowledgement, now);
        let assess = timing(&clock, deadlines, Deadline::Assessment, now);
        let hits: Vec<(u32, i64)> = f.items.iter().map(|h| (h.item, h.score)).collect();
        let source = match f.instrument_id.as_deref() {
            Some(i) => match lib.get(i) {
                Some(inst) => rapport_core::measures::wording::flag_items(inst, &hits),
                None => format!("{i}: {}", Self::item_scores(&f)),
            },
            None => "Recorded by a clinician".to_string(),
        };
        let status = rapport_core::measures::wording::flag_status_label(f.status);
        FlagLine { f, ack, assess, source, status }
    }

    /// Past a deadline with the work not done.
    pub fn overdue(&self) -> bool {
        self.ack.overdue || self.assess.overdue
    }

    /// "2 h 5 min (deadline 4 h, late)" / "waiting 30 h 0 min, 6 h over the 24-hour deadline".
    pub fn describe(&self, t: &Timing) -> String {
        let hours = t.deadline_at.since(self.f.raised_at).whole_hours();
        let took = format_duration(t.elapsed);
        if t.done {
            if t.late {
                format!("{took} (deadline {hours} h: late)")
            } else {
                format!("{took} (deadline {hours} h)")
            }
        } else if t.overdue {
            let by = format_duration(t.elapsed - t.deadline_at.since(self.f.raised_at));
            format!("waiting {took}: overdue by {by} (deadline {hours} h)")
        } else {
            let left = format_duration(t.deadline_at.since(self.f.raised_at) - t.elapsed);
            format!("waiting {took}: {left} left (deadline {hours} h)")
        }
    }

    pub fn ack_text(&self) -> String {
        self.describe(&self.ack)
    }

    pub fn assess_text(&self) -> String {
        self.describe(&self.assess)
    }

    fn item_scores(f: &RiskFlagRow) -> String {
        f.items.iter().map(|h| format!("item {} scored {}", h.item, h.score)).collect::<Vec<_>>().join(", ")
    }
}

#[derive(Template)]
#[template(path = "risk_flags.html")]
struct FlagsPage {
    layout: Layout,
    unhandled: Vec<FlagLine>,
    closed: Vec<FlagLine>,
    /// How many of `unhandled` are past a deadline.
    overdue: usize,
    deadlines: Deadlines,
}

pub async fn list(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Query(q): Query<super::clients::DoneParam>,
) -> AppResult<Html<String>> {
    require_caseload(&state, &me).await?;
    let flags = risk::visible_flags(&state, &me, None, "(page)").await?;
    let deadlines = risk::deadlines(&state).await?;
    let now = Timestamp::now();
    let (closed, mut unhandled): (Vec<_>, Vec<_>) = flags
        .into_iter()
        .map(|f| FlagLine::new(f, &deadlines, now, &state.instruments))
        .partition(|l| l.f.status == rapport_core::risk::FlagStatus::Closed);
    // Overdue flags first (stable: oldest first within each group).
    unhandled.sort_by_key(|l| !l.overdue());
    let overdue = unhandled.iter().filter(|l| l.overdue()).count();
    let mut closed = closed;
    closed.reverse();
    closed.truncate(20);
    let layout = Layout::new(&state, &me, "Risk flags", "risk-flags").await?.with_done(q.done.as_deref());
    render(&FlagsPage { layout, unhandled, closed, overdue, deadlines })
}

#[derive(Template)]
#[template(path = "risk_flag.html")]
struct FlagPage {
    layout: Layout,
    c: ClientRecord,
    line: FlagLine,
    escalations: Vec<EscalationHistoryRow>,
    assessments: Vec<AssessmentRow>,
    plan: Option<SafetyPlanRow>,
    a: RawAssessment,
    p: RawSafetyPlan,
    levels: Vec<&'static str>,
    errors: FormErrors,
}

impl FlagPage {
    /// An escalation step in words ("Not assessed in time, step 2 (duty cover): sent to the duty clinician").
    fn step_words(&self, e: &EscalationHistoryRow) -> String {
        let s = &e.step;
        rapport_core::escalation::step_words(s.deadline, s.step, s.tier, &s.routed_to)
    }
}

async fn page(
    state: &AppState,
    me: &Identity,
    (flag, c): (RiskFlagRow, ClientRecord),
    a: RawAssessment,
    p: Option<RawSafetyPlan>,
    errors: ValidationErrors,
    done: Option<&str>,
) -> AppResult<FlagPage> {
    let assessments = state.store.risk_assessments(&flag.id).await?;
    let escalations = state.store.risk_escalations(&flag.id).await?;
    let plan = state.store.latest_safety_plan(&c.id).await?;
    let deadlines = risk::deadlines(state).await?;
    let p = p.unwrap_or_else(|| plan.as_ref().map(|p| RawSafetyPlan::from(&p.plan)).unwrap_or_default());
    let layout =
        Layout::new(state, me, format!("Risk flag · {}", c.details.display_name), "risk-flags").await?.with_done(done);
    Ok(FlagPage {
        layout,
        c,
        line: FlagLine::new(flag, &deadlines, Timestamp::now(), &state.instruments),
        escalations,
        assessments,
        plan,
        a,
        p,
        levels: RiskLevel::ALL.iter().map(|l| l.as_str()).collect(),
        errors: FormErrors(errors),
    })
}

pub async fn show(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Query(q): Query<super::clients::DoneParam>,
) -> AppResult<Html<String>> {
    let (flag, c) = risk::read_flag(&state, &me, &id).await?;
    let p = page(&state, &me, (flag, c), RawAssessment::default(), None, ValidationErrors::new(), q.done.as_deref())
        .await?;
    render(&p)
}

pub async fn acknowledge(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let (flag, _) = risk::flag_for(&state, &me, &id).await?;
    let flag = risk::acknowledge(&state, &me, &flag).await?;
    Ok(Redirect::to(&format!("/risk-flags/{}?done=flag-acknowledged", flag.id)).into_response())
}

pub async fn assess(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Form(f): Form<RawAssessment>,
) -> AppResult<Response> {
    let (flag, c) = risk::flag_for(&state, &me, &id).await?;
    match risk::record_assessment(&state, &me, &flag, &f).await {
        Ok(_) => Ok(Redirect::to(&format!("/risk-flags/{}?done=assessment-saved", flag.id)).into_response()),
        Err(Error::Invalid(errors)) => {
            let p = page(&state, &me, (flag, c), f, None, errors, None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&p)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn save_plan(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Form(f): Form<RawSafetyPlan>,
) -> AppResult<Response> {
    let (flag, c) = risk::flag_for(&state, &me, &id).await?;
    match rapport_app::safety_plans::save(&state, &me, &c.id, &f).await {
        Ok(_) => Ok(Redirect::to(&format!("/risk-flags/{}?done=plan-saved", flag.id)).into_response()),
        Err(Error::Invalid(errors)) => {
            let p = page(&state, &me, (flag, c), RawAssessment::default(), Some(f), errors, None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&p)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
pub struct CloseForm {
    pub assessment_id: Option<String>,
    pub safety_plan_id: Option<String>,
    pub note: Option<String>,
    pub confirm: Option<String>,
}

pub async fn close(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Form(f): Form<CloseForm>,
) -> AppResult<Response> {
    let (flag, c) = risk::flag_for(&state, &me, &id).await?;
    let mut errors = ValidationErrors::new();
    let aid = f.assessment_id.as_deref().and_then(Id::parse);
    let pid = f.safety_plan_id.as_deref().and_then(Id::parse);
    if aid.is_none() {
        errors.add("assessment_id", "Record a risk assessment first, then choose it");
    }
    if pid.is_none() {
        errors.add("safety_plan_id", "Save a safety plan version first");
    }
    if f.confirm.is_none() {
        errors.add("confirm", "Confirm the sign-off");
    }
    let note = rapport_core::validation::optional_text(&mut errors, "note", "Note", f.note.as_deref(), 4000);
    if errors.is_empty() {
        let (aid, pid) = (aid.expect("checked"), pid.expect("checked"));
        match risk::close(&state, &me, &flag, &aid, &pid, note.as_deref()).await {
            Ok(_) => return Ok(Redirect::to("/risk-flags?done=flag-closed").into_response()),
            Err(Error::Conflict(m)) => errors.add("assessment_id", m),
            Err(Error::Invalid(refused)) => {
                for f in refused.0 {
                    errors.add("assessment_id", f.message);
                }
            }
            Err(other) => return Err(other.into()),
        }
    }
    let p = page(&state, &me, (flag, c), RawAssessment::default(), None, errors, None).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&p)?).into_response())
}

// ---- a clinician's risk concern ------------------------------------------------

#[derive(Template)]
#[template(path = "risk_concern.html")]
struct ConcernPage {
    layout: Layout,
    c: ClientRecord,
    /// The session it was observed in (id, course id, date), when raised from a session page.
    session: Option<(Id, Id, String)>,
    detail: String,
    errors: FormErrors,
}

#[derive(Deserialize, Default)]
pub struct ConcernQuery {
    pub session: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct ConcernForm {
    pub detail: Option<String>,
    pub session_id: Option<String>,
}

/// The session named by `raw`, if it is one of this client's (else 422 naming `session_id`).
async fn concern_session(state: &AppState, c: &ClientRecord, raw: Option<&str>) -> AppResult<Option<(Id, Id, String)>> {
    let Some(raw) = raw.map(str::trim).filter(|s| !s.is_empty()) else { return Ok(None) };
    let found = match Id::parse(raw) {
        Some(id) => state.store.therapy_session(&id).await?,
        None => None,
    };
    match found {
        Some(s) if s.client_id == c.id => {
            Ok(Some((s.id.clone(), s.course_id.clone(), rapport_core::time::format_date(s.date))))
        }
        _ => Err(AppError::invalid("session_id", "The session is not one of this client's sessions")),
    }
}

/// The "Raise a risk concern" form (from the client page or a session page).
pub async fn concern_form(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Query(q): Query<ConcernQuery>,
) -> AppResult<Html<String>> {
    let (c, _) = client_for(&state, &me, &id, Purpose::Write).await?;
    let session = concern_session(&state, &c, q.session.as_deref()).await?;
    let layout =
        Layout::new(&state, &me, format!("Raise a risk concern · {}", c.details.display_name), "risk-flags").await?;
    render(&ConcernPage { layout, c, session, detail: String::new(), errors: FormErrors::default() })
}

/// Raises a clinician's risk flag (linked to the session when given), routed
/// and escalated like every flag.
pub async fn raise_concern(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Form(f): Form<ConcernForm>,
) -> AppResult<Response> {
    let (c, _) = client_for(&state, &me, &id, Purpose::Write).await?;
    let session = concern_session(&state, &c, f.session_id.as_deref()).await?;
    let mut errors = ValidationErrors::new();
    let detail =
        rapport_core::validation::optional_text(&mut errors, "detail", "What was observed", f.detail.as_deref(), 4000);
    if detail.is_none() && errors.is_empty() {
        errors.add("detail", "Describe what was observed");
    }
    let Some(detail) = detail.filter(|_| errors.is_empty()) else {
        let layout =
            Layout::new(&state, &me, format!("Raise a risk concern · {}", c.details.display_name), "risk-flags")
                .await?;
        let page = ConcernPage { layout, c, session, detail: f.detail.unwrap_or_default(), errors: FormErrors(errors) };
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
    };
    let audit_detail = match &session {
        Some((sid, _, _)) => format!("clinician's concern, session {sid}"),
        None => "clinician's concern".into(),
    };
    let sid = session.as_ref().map(|(sid, _, _)| sid);
    let flag = risk::raise_concern(&state, &me, &c, &detail, sid, Some(audit_detail)).await?;
    Ok(Redirect::to(&format!("/risk-flags/{}?done=concern-raised", flag.id)).into_response())
}
