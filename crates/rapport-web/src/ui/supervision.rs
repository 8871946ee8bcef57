//! The supervisor's pages: the dashboard of supervisees' open cases and
//! groups, the supervision log with its new-meeting form, and a person's
//! professional record (hours, trainings, certification progress). Each page
//! renders what `rapport_app::supervision` returns.

use super::clients::DoneParam;
use super::Layout;
use crate::error::AppResult;
use crate::html::form::Pairs;
use crate::html::{render, FormErrors};
use crate::i18n::msg;
use crate::identity::SignedIn;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Form;
use rapport_app::caller::Identity;
use rapport_app::supervision::{self, CaseRow, Dashboard, GroupCase, MeetingInput, ProfessionalRecord, TrainingInput};
use rapport_app::{AppState, Error};
use rapport_core::access::Role;
use rapport_core::supervision::{validity, RequirementKind, Validity};
use rapport_core::time::format_date;
use rapport_core::ValidationErrors;
use rapport_store::fidelity::MeetingRow;
use serde::Deserialize;
use std::collections::HashMap;

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/supervision", dashboard)
        .get("/supervision/meetings", meetings)
        .get("/supervision/meetings/new", new_meeting)
        .post("/supervision/meetings/new", create_meeting)
        .post("/supervision/actions/{id}/done", complete_action)
        .get("/people/{id}/record", record)
        .post("/people/{id}/record/trainings", add_training)
        .post("/people/{id}/record/certifications", certify)
}

/// Action point rows on the new-meeting form.
const ACTION_ROWS: usize = 3;

/// A badge: its style (`risk`, `warn`, `ok`) and words.
pub struct Badge {
    pub kind: &'static str,
    pub text: String,
}

pub struct CaseView {
    pub client_name: String,
    pub course_href: String,
    pub clinician_name: String,
    pub record_href: String,
    pub protocol: String,
    pub phase: String,
    pub sessions: String,
    pub badges: Vec<Badge>,
    pub fidelity: String,
}

fn case_view(c: &CaseRow) -> CaseView {
    let tr = crate::i18n::current();
    let i = &c.indicators;
    let mut badges = Vec::new();
    let mut add = |kind, text: String| badges.push(Badge { kind, text });
    if i.open_risk_flags > 0 {
        let count = i.open_risk_flags;
        add(
            "risk",
            match i.oldest_flag_hours {
                // Under two days in hours, then in whole days.
                Some(h) => {
                    let (unit, n) = if h < 48 { ("hours", h) } else { ("days", h / 24) };
                    tr.tn(msg("supervision-badge-flags-oldest"), &[("count", &count), ("unit", &unit), ("n", &n)])
                }
                None => tr.ta("supervision-badge-flags", "count", count),
            },
        );
    }
    if i.not_on_track {
        add("risk", tr.t("supervision-badge-not-on-track"));
    }
    if i.initial_phase_overdue {
        add("warn", tr.t("supervision-badge-initial-overdue"));
    }
    if i.ending_unprepared {
        add("warn", tr.t("supervision-badge-ending"));
    }
    if i.fidelity_failed {
        add("warn", tr.t("supervision-badge-fidelity"));
    }
    if i.over_contract {
        add("warn", tr.t("supervision-badge-over-contract"));
    }
    if i.no_focus {
        add("warn", tr.t("supervision-badge-no-focus"));
    }
    if i.measures_overdue > 0 {
        add("warn", tr.ta("supervision-badge-measures", "count", i.measures_overdue));
    }
    if badges.is_empty() {
        badges.push(Badge { kind: "ok", text: tr.t("supervision-badge-on-course") });
    }
    let fidelity = match c.latest_fidelity {
        None => tr.t("fidelity-not-rated"),
        Some((mean, pass, rater)) => tr.tn(
            msg("supervision-fidelity-latest"),
            &[("mean", &tr.decimal(mean, 1)), ("pass", &if pass { "yes" } else { "no" }), ("rater", &rater.as_str())],
        ),
    };
    CaseView {
        client_name: c.client_name.clone(),
        course_href: format!("/courses/{}", c.course_id),
        clinician_name: c.clinician_name.clone(),
        record_href: format!("/people/{}/record", c.clinician_id),
        protocol: c.protocol_name.clone(),
        phase: c.progress.phase_label.clone(),
        sessions: tr.tn(
            msg("group-meetings-held"),
            &[("held", &i64::from(c.progress.sessions_held)), ("planned", &i64::from(c.progress.contracted))],
        ),
        badges,
        fidelity,
    }
}

pub struct GroupView {
    pub name: String,
    pub href: String,
    pub meetings: String,
    pub attendance: String,
    pub dropped_out: u32,
    pub members_at_risk: u32,
}

fn group_view(g: &GroupCase) -> GroupView {
    let tr = crate::i18n::current();
    GroupView {
        name: g.group.name.clone(),
        href: format!("/groups/{}", g.group.id),
        meetings: tr.tn(
            msg("group-meetings-held"),
            &[("held", &i64::from(g.group.sessions_held)), ("planned", &i64::from(g.group.planned_sessions))],
        ),
        attendance: g.attendance.map_or(tr.t("supervision-no-meetings"), |a| {
            tr.ta("supervision-percent", "percent", format!("{:.0}", a * 100.0))
        }),
        dropped_out: g.dropped_out,
        members_at_risk: g.members_at_risk,
    }
}

#[derive(Template)]
#[template(path = "supervision.html")]
struct DashboardPage {
    layout: Layout,
    cases: Vec<CaseView>,
    groups: Vec<GroupView>,
    /// (id, name, record link)
    supervisees: Vec<(String, String, String)>,
    chosen: String,
    chosen_name: String,
}

#[derive(Deserialize, Default)]
pub struct DashboardQuery {
    supervisee: Option<String>,
}

fn supervisor_only(me: &Identity) -> AppResult<()> {
    if me.user.role == Role::Supervisor {
        Ok(())
    } else {
        Err(Error::Forbidden(crate::i18n::current().t("supervision-forbidden")).into())
    }
}

pub async fn dashboard(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Query(q): Query<DashboardQuery>,
) -> AppResult<Html<String>> {
    let Dashboard { cases, groups } = supervision::dashboard(&state, &me).await?;
    let people = supervision::supervisees(&state, &me).await?;
    let chosen = q.supervisee.unwrap_or_default().trim().to_string();
    let chosen_name = people.iter().find(|p| p.id.as_str() == chosen).map(|p| p.name.clone()).unwrap_or_default();
    let chosen = if chosen_name.is_empty() { String::new() } else { chosen };
    let cases =
        cases.iter().filter(|c| chosen.is_empty() || c.clinician_id.as_str() == chosen).map(case_view).collect();
    let layout = Layout::new(&state, &me, crate::i18n::current().t("nav-supervision"), "supervision").await?;
    render(&DashboardPage {
        layout,
        cases,
        groups: groups
            .iter()
            .filter(|g| chosen.is_empty() || g.supervised_facilitators.iter().any(|f| f.as_str() == chosen))
            .map(group_view)
            .collect(),
        supervisees: people
            .iter()
            .map(|p| (p.id.to_string(), p.name.clone(), format!("/people/{}/record", p.id)))
            .collect(),
        chosen,
        chosen_name,
    })
}

// ---- the supervision log ---------------------------------------------------------

pub struct ActionView {
    pub id: String,
    pub text: String,
    pub owner: String,
    pub due: String,
    pub overdue: bool,
    pub done: bool,
}

pub struct MeetingView {
    pub held_on: String,
    /// "Group supervision on Friday 4 December 2026".
    pub label: String,
    /// "Group, 60 minutes".
    pub kind_minutes: String,
    pub supervisor: String,
    pub supervisees: String,
    /// (link, words)
    pub cases: Vec<(String, String)>,
    pub decisions: Option<String>,
    pub actions: Vec<ActionView>,
}

fn meeting_view(m: &MeetingRow, names: &HashMap<String, String>, today: time::Date) -> MeetingView {
    let tr = crate::i18n::current();
    let mut people: HashMap<&str, &str> = m.supervisees.iter().map(|(id, n)| (id.as_str(), n.as_str())).collect();
    people.insert(m.supervisor_id.as_str(), m.supervisor_name.as_str());
    let cases = m
        .cases
        .iter()
        .filter_map(|(course, group, _)| match (course, group) {
            (Some(c), _) => Some((
                format!("/courses/{c}"),
                names.get(c.as_str()).cloned().unwrap_or_else(|| tr.t("supervision-a-course")),
            )),
            (None, Some(g)) => Some((
                format!("/groups/{g}"),
                names.get(g.as_str()).cloned().unwrap_or_else(|| tr.t("supervision-a-group")),
            )),
            (None, None) => None,
        })
        .collect();
    let held_on = crate::i18n::long_day(m.held_on);
    let kind = if m.group { "group" } else { "individual" };
    MeetingView {
        label: tr.tn(msg("supervision-meeting-label"), &[("kind", &kind), ("date", &held_on)]),
        kind_minutes: tr.tn(msg("supervision-kind-minutes"), &[("kind", &kind), ("minutes", &i64::from(m.minutes))]),
        held_on,
        supervisor: m.supervisor_name.clone(),
        supervisees: m.supervisees.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>().join(", "),
        cases,
        decisions: m.decisions.clone(),
        actions: m
            .actions
            .iter()
            .map(|a| ActionView {
                id: a.id.to_string(),
                text: a.text.clone(),
                owner: a
                    .owner_id
                    .as_ref()
                    .and_then(|o| people.get(o.as_str()))
                    .map_or(String::new(), |n| n.to_string()),
                due: a.due_on.map(crate::i18n::long_day).unwrap_or_default(),
                overdue: a.done_at.is_none() && a.due_on.is_some_and(|d| d < today),
                done: a.done_at.is_some(),
            })
            .collect(),
    }
}

/// Names of the cases a supervisor can choose, by course or group id, and the
/// choices for the form: (id, words).
struct CaseChoices {
    names: HashMap<String, String>,
    courses: Vec<(String, String)>,
    groups: Vec<(String, String)>,
}

async fn case_choices(state: &AppState, me: &Identity) -> AppResult<CaseChoices> {
    if me.user.role != Role::Supervisor {
        return Ok(CaseChoices { names: HashMap::new(), courses: Vec::new(), groups: Vec::new() });
    }
    let d = supervision::dashboard(state, me).await?;
    let mut courses: Vec<(String, String)> = d
        .cases
        .iter()
        .map(|c| {
            let words = crate::i18n::current()
                .tn(msg("supervision-case-with"), &[("client", &c.client_name), ("clinician", &c.clinician_name)]);
            (c.course_id.to_string(), words)
        })
        .collect();
    courses.sort_by(|a, b| a.1.cmp(&b.1));
    let groups: Vec<(String, String)> = d
        .groups
        .iter()
        .map(|g| (g.group.id.to_string(), crate::i18n::current().ta("supervision-case-group", "name", &g.group.name)))
        .collect();
    let names = courses.iter().chain(groups.iter()).cloned().collect();
    Ok(CaseChoices { names, courses, groups })
}

#[derive(Template)]
#[template(path = "supervision_meetings.html")]
struct MeetingsPage {
    layout: Layout,
    meetings: Vec<MeetingView>,
    may_record: bool,
}

pub async fn meetings(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Query(q): Query<DoneParam>,
) -> AppResult<Html<String>> {
    let rows = supervision::meetings(&state, &me).await?;
    let choices = case_choices(&state, &me).await?;
    let today = rapport_app::clock::today();
    let layout = Layout::new(&state, &me, crate::i18n::current().t("supervision-log"), "supervision")
        .await?
        .with_done(q.done.as_deref());
    render(&MeetingsPage {
        layout,
        meetings: rows.iter().map(|m| meeting_view(m, &choices.names, today)).collect(),
        may_record: me.user.role == Role::Supervisor,
    })
}

/// The new-meeting form as typed.
#[derive(Clone, Debug, Default)]
pub struct MeetingForm {
    pub group: bool,
    pub held_on: String,
    pub minutes: String,
    pub decisions: String,
    pub supervisee_ids: Vec<String>,
    pub course_ids: Vec<String>,
    pub group_ids: Vec<String>,
    /// (text, owner id, due date), one per row.
    pub actions: Vec<(String, String, String)>,
}

impl MeetingForm {
    fn blank() -> MeetingForm {
        MeetingForm {
            held_on: format_date(rapport_app::clock::today()),
            minutes: "60".into(),
            actions: vec![Default::default(); ACTION_ROWS],
            ..Default::default()
        }
    }

    fn from_pairs(p: &Pairs) -> MeetingForm {
        MeetingForm {
            group: p.get("kind") == "group",
            held_on: p.get("held_on").to_string(),
            minutes: p.get("minutes").to_string(),
            decisions: p.get("decisions").to_string(),
            supervisee_ids: p.all("supervisee_ids"),
            course_ids: p.all("course_ids"),
            group_ids: p.all("group_ids"),
            actions: (0..ACTION_ROWS)
                .map(|i| {
                    let f = |name: &str| p.get(&format!("actions[{i}].{name}")).to_string();
                    (f("text"), f("owner_id"), f("due_on"))
                })
                .collect(),
        }
    }

    fn input(&self) -> MeetingInput {
        let opt = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        MeetingInput {
            group: self.group,
            held_on: self.held_on.clone(),
            minutes: self.minutes.trim().parse().ok(),
            decisions: opt(&self.decisions),
            supervisee_ids: self.supervisee_ids.clone(),
            course_ids: self.course_ids.clone(),
            group_ids: self.group_ids.clone(),
            actions: self.actions.iter().map(|(t, o, d)| (t.clone(), opt(o), opt(d))).collect(),
        }
    }
}

#[derive(Template)]
#[template(path = "supervision_meeting_new.html")]
struct NewMeetingPage {
    layout: Layout,
    form: MeetingForm,
    errors: FormErrors,
    /// (id, name)
    supervisees: Vec<(String, String)>,
    courses: Vec<(String, String)>,
    groups: Vec<(String, String)>,
    my_id: String,
}

impl NewMeetingPage {
    fn action_error(&self, i: &usize, field: &str) -> Option<String> {
        self.errors.get(&format!("actions[{i}].{field}"))
    }

    /// Whether the box `name` (`supervisee_ids`, `course_ids`, `group_ids`) with `id` was ticked.
    fn ticked(&self, name: &str, id: &str) -> bool {
        let list = match name {
            "supervisee_ids" => &self.form.supervisee_ids,
            "course_ids" => &self.form.course_ids,
            _ => &self.form.group_ids,
        };
        list.iter().any(|x| x == id)
    }
}

/// Field errors about one of several choices point at the choice group.
fn grouped(errors: ValidationErrors) -> FormErrors {
    let mut e = errors;
    for f in e.0.iter_mut() {
        if f.field.starts_with("supervisee_ids") {
            f.field = "supervisee_ids".into();
        } else if f.field.starts_with("course_ids") || f.field.starts_with("group_ids") {
            f.field = "cases".into();
        }
    }
    FormErrors(e)
}

async fn meeting_page(
    state: &AppState,
    me: &Identity,
    form: MeetingForm,
    errors: ValidationErrors,
) -> AppResult<NewMeetingPage> {
    let people = supervision::supervisees(state, me).await?;
    let choices = case_choices(state, me).await?;
    Ok(NewMeetingPage {
        layout: Layout::new(state, me, crate::i18n::current().t("supervision-new-title"), "supervision").await?,
        form,
        errors: grouped(errors),
        supervisees: people.iter().map(|p| (p.id.to_string(), p.name.clone())).collect(),
        courses: choices.courses,
        groups: choices.groups,
        my_id: me.user.id.to_string(),
    })
}

/// Marks an action point done, back on the log.
pub async fn complete_action(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    supervision::complete_action(&state, &me, &id).await?;
    Ok(Redirect::to("/supervision/meetings?done=action-done").into_response())
}

pub async fn new_meeting(State(state): State<AppState>, SignedIn(me): SignedIn) -> AppResult<Html<String>> {
    supervisor_only(&me)?;
    render(&meeting_page(&state, &me, MeetingForm::blank(), ValidationErrors::new()).await?)
}

pub async fn create_meeting(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Form(p): Form<Pairs>,
) -> AppResult<Response> {
    let form = MeetingForm::from_pairs(&p);
    match supervision::record_meeting(&state, &me, &form.input()).await {
        Ok(_) => Ok(Redirect::to("/supervision/meetings?done=meeting-recorded").into_response()),
        Err(Error::Invalid(errors)) => {
            let page = meeting_page(&state, &me, form, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

// ---- a person's professional record ----------------------------------------------

/// "16", "2.5".
/// A number of hours in the reader's language: whole, else one decimal ("4", "2.5", "2,5").
fn amount(v: f64) -> String {
    crate::i18n::current().decimal(v, if v.fract().abs() < 0.05 { 0 } else { 1 })
}

fn hours_text(minutes: i64) -> String {
    let h = minutes as f64 / 60.0;
    // "one" only for a shown "1": Fluent chooses the form by this selector, not by the number's text.
    let one = if (h - 1.0).abs() < 0.05 { "one" } else { "other" };
    crate::i18n::current().tn(msg("record-pro-hours"), &[("hours", &amount(h)), ("form", &one)])
}

/// "Training hours", "Supervised cases with a passing rating and measures at
/// least every 4 sessions", in the reader's language.
fn requirement_label(tr: &crate::i18n::Tr, kind: RequirementKind) -> String {
    let every = match kind {
        RequirementKind::Cases { measures_every } => i64::from(measures_every),
        _ => 0,
    };
    tr.ta(kind.message(), "sessions", every)
}

pub struct RequirementView {
    pub label: String,
    /// "3 of 10".
    pub progress: String,
    pub met: bool,
}

pub struct PathwayView {
    pub id: String,
    pub name: String,
    pub description: String,
    pub requirements: Vec<RequirementView>,
    pub complete: bool,
    pub percent: u32,
    pub certified: Option<Certified>,
}

pub struct Certified {
    /// "Certified on …, valid until …."
    pub line: String,
    pub on: String,
    /// Empty when it does not expire.
    pub expires: String,
    pub expired: bool,
    /// Expires within `RENEWAL_NOTICE_DAYS` (the renewal reminder has gone out).
    pub renewal_due: bool,
}

#[derive(Template)]
#[template(path = "professional_record.html")]
struct RecordPage {
    layout: Layout,
    person: String,
    role: String,
    user_id: String,
    is_self: bool,
    /// A supervisor or administrator: records trainings and certifications.
    can_manage: bool,
    supervision: String,
    therapy: String,
    ratio: String,
    /// (course, hours, trainer, date)
    trainings: Vec<(String, String, String, String)>,
    pathways: Vec<PathwayView>,
    training: TrainingFields,
    certify_pathway: String,
    certify_on: String,
    errors: FormErrors,
    today: String,
}

#[derive(Deserialize, Default, Clone)]
pub struct TrainingFields {
    #[serde(default, rename = "training-course_name")]
    course_name: String,
    #[serde(default, rename = "training-hours")]
    hours: String,
    #[serde(default, rename = "training-trainer")]
    trainer: String,
    #[serde(default, rename = "training-held_on")]
    held_on: String,
}

#[derive(Deserialize, Default)]
pub struct CertifyFields {
    #[serde(default)]
    pathway: String,
    #[serde(default)]
    certified_on: String,
}

fn record_page(
    layout: Layout,
    me: &Identity,
    r: ProfessionalRecord,
    training: TrainingFields,
    certify: CertifyFields,
    errors: ValidationErrors,
) -> RecordPage {
    let today = rapport_app::clock::today();
    let tr = crate::i18n::current();
    let pathways = r
        .pathways
        .iter()
        .map(|(p, progress)| {
            let certified = r.certifications.iter().find(|c| c.pathway_id == p.id).map(|c| Certified {
                line: match c.expires_on {
                    Some(until) => tr.tn(
                        msg("record-pro-certified-until"),
                        &[("date", &crate::i18n::long_day(c.certified_on)), ("until", &crate::i18n::long_day(until))],
                    ),
                    None => tr.ta("record-pro-certified-on", "date", crate::i18n::long_day(c.certified_on)),
                },
                on: crate::i18n::long_day(c.certified_on),
                expires: c.expires_on.map(crate::i18n::long_day).unwrap_or_default(),
                expired: validity(c.expires_on, today) == Validity::Expired,
                renewal_due: validity(c.expires_on, today) == Validity::RenewalDue,
            });
            PathwayView {
                id: p.id.clone(),
                name: p.name_in(tr.lang()).to_string(),
                description: p.description_in(tr.lang()).to_string(),
                requirements: progress
                    .requirements
                    .iter()
                    .map(|q| RequirementView {
                        label: requirement_label(&tr, q.kind),
                        progress: tr
                            .tn(msg("record-pro-have-need"), &[("have", &amount(q.have)), ("need", &amount(q.need))]),
                        met: q.met,
                    })
                    .collect(),
                complete: progress.complete,
                percent: (progress.share * 100.0).round().clamp(0.0, 100.0) as u32,
                certified,
            }
        })
        .collect();
    let ratio = match r.hours.ratio {
        Some(x) if x > 0.0 => tr.ta("record-pro-ratio", "hours", amount(1.0 / x)),
        _ => tr.t("record-pro-no-ratio"),
    };
    let is_self = r.user.id == me.user.id;
    RecordPage {
        layout,
        person: r.user.name.clone(),
        role: tr.t(super::role_message(r.user.role)),
        user_id: r.user.id.to_string(),
        is_self,
        can_manage: !is_self || me.actor().can_administer(),
        supervision: hours_text(r.hours.supervision_minutes),
        therapy: hours_text(r.hours.therapy_minutes),
        ratio,
        trainings: r
            .trainings
            .iter()
            .map(|t| {
                (
                    t.course_name.clone(),
                    amount(t.hours_tenths as f64 / 10.0),
                    t.trainer.clone().unwrap_or_default(),
                    crate::i18n::long_day(t.held_on),
                )
            })
            .collect(),
        pathways,
        training,
        certify_pathway: certify.pathway,
        certify_on: if certify.certified_on.is_empty() { format_date(today) } else { certify.certified_on },
        errors: FormErrors(errors),
        today: format_date(today),
    }
}

async fn show_record(
    state: &AppState,
    me: &Identity,
    id: &str,
    done: Option<&str>,
    training: TrainingFields,
    certify: CertifyFields,
    errors: ValidationErrors,
) -> AppResult<RecordPage> {
    let r = supervision::professional_record(state, me, id).await?;
    let tr = crate::i18n::current();
    let title =
        if r.user.id == me.user.id { tr.t("record-pro-mine") } else { tr.ta("record-pro-title", "name", &r.user.name) };
    let nav = if r.user.id == me.user.id { "account" } else { "supervision" };
    let layout = Layout::new(state, me, title, nav).await?.with_done(done);
    Ok(record_page(layout, me, r, training, certify, errors))
}

pub async fn record(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Query(q): Query<DoneParam>,
) -> AppResult<Html<String>> {
    let page = show_record(
        &state,
        &me,
        &id,
        q.done.as_deref(),
        TrainingFields::default(),
        CertifyFields::default(),
        ValidationErrors::new(),
    )
    .await?;
    render(&page)
}

fn prefixed(errors: ValidationErrors, prefix: &str) -> ValidationErrors {
    let mut e = errors;
    for f in e.0.iter_mut() {
        f.field = format!("{prefix}-{}", f.field);
    }
    e
}

pub async fn add_training(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Form(f): Form<TrainingFields>,
) -> AppResult<Response> {
    let input = TrainingInput {
        user_id: id.clone(),
        course_name: f.course_name.clone(),
        hours: f.hours.trim().parse().ok().filter(|h: &f64| h.is_finite()),
        trainer: Some(f.trainer.clone()),
        held_on: f.held_on.clone(),
    };
    match supervision::add_training(&state, &me, &input).await {
        Ok(_) => Ok(Redirect::to(&format!("/people/{id}/record?done=training-recorded")).into_response()),
        Err(Error::Invalid(errors)) => {
            let errors = prefixed(errors, "training");
            let page = show_record(&state, &me, &id, None, f, CertifyFields::default(), errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn certify(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Form(f): Form<CertifyFields>,
) -> AppResult<Response> {
    match supervision::certify(&state, &me, &id, &f.pathway, &f.certified_on).await {
        Ok(()) => Ok(Redirect::to(&format!("/people/{id}/record?done=certified")).into_response()),
        Err(Error::Invalid(errors)) => {
            let errors = prefixed(errors, "certify");
            let page = show_record(&state, &me, &id, None, TrainingFields::default(), f, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}
