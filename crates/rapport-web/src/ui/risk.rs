//! Risk flags in the clinician UI: the list of flags on one's clients (with
//! time to acknowledgement), and handling one flag: acknowledge, structured
//! assessment, safety plan version, sign-off.

use super::Layout;
use crate::i18n::msg;

use crate::error::AppResult;
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
use rapport_core::escalation::{timing, Deadline, Deadlines, FlagClock, Tier, Timing};
use rapport_core::risk::{RawAssessment, RawSafetyPlan, RiskLevel, Screening};
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
    /// The status's message id.
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
                Some(inst) => crate::i18n::current().flag_items(inst, &hits),
                None => format!("{i}: {}", Self::item_scores(&f)),
            },
            None => crate::i18n::current().t("risk-source-clinician"),
        };
        let status = f.status.message();
        FlagLine { f, ack, assess, source, status }
    }

    /// Past a deadline with the work not done.
    pub fn overdue(&self) -> bool {
        self.ack.overdue || self.assess.overdue
    }

    /// "2 h 5 min (deadline 4 h: late)" / "waiting 30 h 0 min: overdue by 6 h 0 min (deadline 24 h)".
    pub fn describe(&self, t: &Timing) -> String {
        let tr = crate::i18n::current();
        let hours = t.deadline_at.since(self.f.raised_at).whole_hours();
        let took = duration_words(&tr, t.elapsed);
        if t.done {
            let id = if t.late { msg("risk-timing-done-late") } else { msg("risk-timing-done") };
            tr.tn(id, &[("took", &took), ("hours", &hours)])
        } else if t.overdue {
            let by = duration_words(&tr, t.elapsed - t.deadline_at.since(self.f.raised_at));
            tr.tn("risk-timing-overdue", &[("took", &took), ("by", &by), ("hours", &hours)])
        } else {
            let left = duration_words(&tr, t.deadline_at.since(self.f.raised_at) - t.elapsed);
            tr.tn("risk-timing-waiting", &[("took", &took), ("left", &left), ("hours", &hours)])
        }
    }

    pub fn ack_text(&self) -> String {
        self.describe(&self.ack)
    }

    pub fn assess_text(&self) -> String {
        self.describe(&self.assess)
    }

    fn item_scores(f: &RiskFlagRow) -> String {
        let tr = crate::i18n::current();
        let items: Vec<String> = f
            .items
            .iter()
            .map(|h| tr.tn("risk-item-scored", &[("item", &i64::from(h.item)), ("score", &h.score)]))
            .collect();
        items.join(", ")
    }
}

/// A duration as `format_duration` words it ("45 min", "2 h 5 min", "3 days 4 h"), in the reader's language.
fn duration_words(tr: &crate::i18n::Tr, d: time::Duration) -> String {
    let m = d.whole_minutes().max(0);
    match m {
        m if m < 60 => tr.ta("risk-duration-minutes", "minutes", m),
        m if m < 48 * 60 => tr.tn("risk-duration-hours", &[("hours", &(m / 60)), ("minutes", &(m % 60))]),
        m => tr.tn("risk-duration-days", &[("days", &(m / (24 * 60))), ("hours", &((m / 60) % 24))]),
    }
}

/// An escalation step in words, as `escalation::step_words` says it in English
/// ("Not assessed in time, step 2 (duty cover): sent to the duty clinician").
fn step_words(tr: &crate::i18n::Tr, deadline: Deadline, step: i64, tier: Tier, routed_to: &str) -> String {
    let deadline = match deadline {
        Deadline::Acknowledgement => "acknowledgement",
        Deadline::Assessment => "assessment",
    };
    let tier = tr.t(match tier {
        Tier::Supervisors => msg("risk-tier-supervisors"),
        Tier::Duty => msg("risk-tier-duty"),
        Tier::Reminder => msg("risk-tier-reminder"),
    });
    let names: Vec<String> = routed_to
        .split('+')
        .filter(|p| !p.is_empty())
        .map(|p| match p {
            "responsible" => tr.t("risk-route-responsible"),
            "supervisors" => tr.t("risk-route-supervisors"),
            "duty_clinician" => tr.t("risk-route-duty-clinician"),
            "administrators" => tr.t("risk-route-administrators"),
            other => other.replace('_', " "),
        })
        .collect();
    let to = match names.as_slice() {
        [] => tr.t("risk-route-nobody"),
        [one] => one.clone(),
        [rest @ .., last] => tr.tn("risk-list-and", &[("rest", &rest.join(", ")), ("last", last)]),
    };
    tr.tn("risk-escalation-step", &[("deadline", &deadline), ("step", &step), ("tier", &tier), ("to", &to)])
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

impl FlagsPage {
    fn deadlines_hint(&self) -> String {
        let d = &self.deadlines;
        let args: [(&str, &dyn crate::i18n::Arg); 2] =
            [("ack", &d.acknowledgement_hours), ("assess", &d.assessment_hours)];
        self.layout.tr.tn(msg("risk-list-deadlines"), &args)
    }
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
    let layout = Layout::new(&state, &me, crate::i18n::current().t("risk-list-title"), "risk-flags")
        .await?
        .with_done(q.done.as_deref());
    let layout = with_risk_notice(layout, q.done.as_deref());
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
    levels: Vec<RiskLevel>,
    errors: FormErrors,
}

impl FlagPage {
    /// An escalation step in words ("Not assessed in time, step 2 (duty cover): sent to the duty clinician").
    fn step_words(&self, e: &EscalationHistoryRow) -> String {
        let s = &e.step;
        step_words(&self.layout.tr, s.deadline, s.step, s.tier, &s.routed_to)
    }

    /// The Columbia screener's questions as (field, topic in words, answer
    /// sent): topics only, never the screener's licensed wording.
    fn cssrs_questions(&self) -> Vec<(&'static str, String, String)> {
        let a = &self.a;
        [
            ("cssrs_q1", msg("risk-cssrs-q1"), &a.cssrs_q1),
            ("cssrs_q2", msg("risk-cssrs-q2"), &a.cssrs_q2),
            ("cssrs_q3", msg("risk-cssrs-q3"), &a.cssrs_q3),
            ("cssrs_q4", msg("risk-cssrs-q4"), &a.cssrs_q4),
            ("cssrs_q5", msg("risk-cssrs-q5"), &a.cssrs_q5),
            ("cssrs_q6", msg("risk-cssrs-q6"), &a.cssrs_q6),
            ("cssrs_q6_recent", msg("risk-cssrs-q6-recent"), &a.cssrs_q6_recent),
        ]
        .into_iter()
        .map(|(field, label, v)| (field, self.layout.tr.t(label), v.clone().unwrap_or_default()))
        .collect()
    }

    /// The tool and its result in words ("Columbia screener: high risk (…)").
    fn screening_words(&self, r: &AssessmentRow) -> String {
        let tr = &self.layout.tr;
        if !r.screening_recorded {
            return tr.t("risk-screening-not-recorded");
        }
        match &r.assessment.screening {
            Screening::CssrsScreener { result, .. } => {
                tr.ta("risk-screening-cssrs-result", "result", tr.t(result.message()))
            }
            Screening::Other { name, result } => format!("{name}: {result}"),
            Screening::None => tr.t("risk-screening-none"),
        }
    }

    /// "Safety plan version 2 (4 Dec 2026, 14:05)".
    fn plan_version_line(&self, sp: &SafetyPlanRow) -> String {
        let when = crate::i18n::show(sp.created_at);
        self.layout.tr.tn("risk-safety-plan-version", &[("version", &sp.version), ("when", &when)])
    }
}

/// The success notice of a risk page's `?done=` key, in the reader's language.
fn with_risk_notice(mut layout: Layout, done: Option<&str>) -> Layout {
    let id = match done {
        Some("flag-raised") => msg("risk-done-flag-raised"),
        Some("concern-raised") => msg("risk-done-concern-raised"),
        Some("flag-acknowledged") => msg("risk-done-flag-acknowledged"),
        Some("assessment-saved") => msg("risk-done-assessment-saved"),
        Some("plan-saved") => msg("risk-done-plan-saved"),
        Some("flag-closed") => msg("risk-done-flag-closed"),
        _ => return layout,
    };
    layout.flash = Some(super::Flash { kind: "success", message: layout.tr.t(id) });
    layout
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
    let risk::FlagDetails { assessments, escalations, plan } = risk::flag_details(state, &flag, &c).await?;
    let deadlines = risk::deadlines(state).await?;
    let p = p.unwrap_or_else(|| plan.as_ref().map(|p| RawSafetyPlan::from(&p.plan)).unwrap_or_default());
    let title = crate::i18n::current().ta("risk-flag-page-title", "client", c.details.display_name.as_str());
    let layout = with_risk_notice(Layout::new(state, me, title, "risk-flags").await?.with_done(done), done);
    Ok(FlagPage {
        layout,
        c,
        line: FlagLine::new(flag, &deadlines, Timestamp::now(), &state.instruments),
        escalations,
        assessments,
        plan,
        a,
        p,
        levels: RiskLevel::ALL.to_vec(),
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
        errors.add_key("assessment_id", msg("risk-close-assessment-first"), vec![]);
    }
    if pid.is_none() {
        errors.add_key("safety_plan_id", msg("risk-close-plan-first"), vec![]);
    }
    if f.confirm.is_none() {
        errors.add_key("confirm", msg("risk-close-confirm"), vec![]);
    }
    let note = rapport_core::validation::optional_text(&mut errors, "note", msg("field-note"), f.note.as_deref(), 4000);
    if errors.is_empty() {
        let (aid, pid) = (aid.expect("checked"), pid.expect("checked"));
        match risk::close(&state, &me, &flag, &aid, &pid, note.as_deref()).await {
            Ok(_) => return Ok(Redirect::to("/risk-flags?done=flag-closed").into_response()),
            Err(Error::Conflict(m)) => errors.add("assessment_id", m),
            Err(Error::Invalid(refused)) => {
                // Shown beside the assessment choice, worded by its own message.
                for f in refused.0 {
                    errors.0.push(rapport_core::FieldError { field: "assessment_id".into(), ..f });
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

/// The session named by `raw`, if it is one of this client's (else 422
/// naming `session_id`): its id, its course and its date as shown.
async fn concern_session(state: &AppState, c: &ClientRecord, raw: Option<&str>) -> AppResult<Option<(Id, Id, String)>> {
    let session = risk::concern_session(state, c, raw).await?;
    Ok(session.map(|s| (s.id, s.course_id, crate::i18n::day(s.date))))
}

/// "Raise a risk concern · Name".
fn concern_title(c: &ClientRecord) -> String {
    crate::i18n::current().ta("risk-concern-page-title", "client", c.details.display_name.as_str())
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
    let layout = Layout::new(&state, &me, concern_title(&c), "risk-flags").await?;
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
    let detail = rapport_core::validation::optional_text(
        &mut errors,
        "detail",
        msg("field-what-was-observed"),
        f.detail.as_deref(),
        4000,
    );
    if detail.is_none() && errors.is_empty() {
        errors.add_key("detail", msg("risk-concern-detail-required"), vec![]);
    }
    let Some(detail) = detail.filter(|_| errors.is_empty()) else {
        let layout = Layout::new(&state, &me, concern_title(&c), "risk-flags").await?;
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
