//! Group IPT pages for facilitators, supervisors and administrators: the
//! list of groups, a new group, a group's page (summary, members, the add-member,
//! pre-group and status forms, meetings) and, in `meeting.rs`, the phone
//! screen that records a meeting. Every handler calls one use case of
//! `rapport_app::groups`.

pub mod meeting;

use super::Layout;
use crate::error::{AppError, AppResult};
use crate::html::form::Pairs;
use crate::html::{render, FormErrors};
use crate::i18n::{msg, Tr};
use crate::identity::SignedIn;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Form;
use rapport_app::access::Purpose;
use rapport_app::caller::Identity;
use rapport_app::clients::{caseload_view, CaseloadViewRequest};
use rapport_app::groups::{self, GroupInput, GroupView, PreGroupInput};
use rapport_app::AppState;
use rapport_core::group::{group_phase, meeting_phase, GroupPhase, MemberStatus};
use rapport_core::protocol::Protocol;
use rapport_core::Id;
use rapport_store::groups::{GroupRow, Membership};
use serde::Deserialize;

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/groups", list)
        .get("/groups/new", new_form)
        .post("/groups/new", create)
        .get("/groups/{id}", show)
        .post("/groups/{id}/members", add_member)
        .get("/groups/{id}/members/{client_id}/pre-group", pre_group_form)
        .post("/groups/{id}/members/{client_id}/pre-group", pre_group_save)
        .post("/groups/{id}/members/{client_id}/status", set_status)
        .post("/groups/{id}/close", close)
        .get("/groups/{id}/sessions/new", meeting::form)
        .post("/groups/{id}/sessions", meeting::save)
        .get("/groups/{id}/sessions/{number}", meeting::show)
}

#[derive(Deserialize, Default)]
pub struct DoneParam {
    pub done: Option<String>,
}

/// Fixed messages named by `?done=` on the group pages.
fn done_message(key: Option<&str>) -> Option<&'static str> {
    Some(match key? {
        "created" => msg("group-done-created"),
        "member-added" => msg("group-done-member-added"),
        "pre-group" => msg("group-done-pre-group"),
        "pre-group-flag" => msg("group-done-pre-group-flag"),
        "status" => msg("group-done-status"),
        "closed" => msg("group-done-closed"),
        _ => return None,
    })
}

fn with_done(layout: Layout, done: Option<&str>) -> Layout {
    match done_message(done) {
        Some(m) => {
            let message = layout.tr.t(m);
            Layout { flash: Some(super::Flash { kind: "success", message }), ..layout }
        }
        None => layout,
    }
}

/// A message whose `{ $link }` is a link with its own words: the message's
/// words escaped, ready for a template's `|safe`.
pub fn with_link(tr: &Tr, id: &str, href: &str, link_id: &str) -> String {
    // A private-use character marks where the link goes, so the words around it are escaped as text.
    let text = escape(&tr.ta(id, "link", "\u{E000}"));
    let link = format!("<a href=\"{}\">{}</a>", escape(href), escape(&tr.t(link_id)));
    text.replace('\u{E000}', &link)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// "Middle phase (middle meetings)" style words for where a group stands.
pub fn phase_words(tr: &Tr, protocol: &Protocol, phase: GroupPhase, planned: u32, next: Option<u32>) -> String {
    match (phase, next) {
        (GroupPhase::PreGroup, _) => tr.t("group-phase-pre-group-before"),
        (GroupPhase::Finished, _) => tr.t(GroupPhase::Finished.message()),
        (_, Some(n)) => meeting_words(tr, protocol, planned, n),
        (_, None) => tr.t(phase.message()),
    }
}

/// The phase of meeting `n` in words: "Initial phase (first meeting)". The
/// protocol's own words for the phase come in English from `phase_labels`,
/// in another language from the group format's translations (else none).
pub fn meeting_words(tr: &Tr, protocol: &Protocol, planned: u32, n: u32) -> String {
    let p = meeting_phase(protocol, planned, n);
    let phase = match p {
        rapport_core::protocol::Phase::Initial => GroupPhase::Initial,
        rapport_core::protocol::Phase::Middle => GroupPhase::Middle,
        _ => GroupPhase::Termination,
    };
    let own = if tr.lang() == "en" {
        protocol.phase_labels.get(p.as_str()).map(String::as_str)
    } else {
        protocol.group_format.as_ref().and_then(|f| f.phase_label_in(p.as_str(), tr.lang()))
    };
    match own {
        Some(own) => tr.tn("group-phase-with-words", &[("phase", &tr.t(phase.message())), ("words", &own)]),
        None => tr.t(phase.message()),
    }
}

/// A problem area in the group's words (English) or the reader's language.
fn area_name(tr: &Tr, protocol: &Protocol, code: &str) -> String {
    tr.term("area", code, protocol.area_label(code))
}

// ---- The list ----

pub struct GroupLine {
    pub row: GroupRow,
    /// "3 of 8 held".
    pub meetings: String,
    pub protocol: String,
    pub phase: String,
    pub facilitators: String,
}

#[derive(Template)]
#[template(path = "groups.html")]
struct GroupsPage {
    layout: Layout,
    groups: Vec<GroupLine>,
    can_create: bool,
}

pub async fn list(State(state): State<AppState>, SignedIn(me): SignedIn) -> AppResult<Html<String>> {
    let rows = groups::list(&state, &me).await?;
    let names = groups::facilitator_names(&state, &rows).await?;
    let tr = crate::i18n::current();
    let groups = rows
        .into_iter()
        .map(|row| {
            let p = state.config.protocols.get(&row.protocol_id);
            let (protocol, phase) = match p {
                Some(p) => {
                    let ph = group_phase(p, row.planned_sessions, row.sessions_held, row.closed_at.is_some());
                    let next = (ph != GroupPhase::Finished).then_some(row.sessions_held + 1);
                    (p.name_in(tr.lang()).to_string(), phase_words(&tr, p, ph, row.planned_sessions, next))
                }
                None => (row.protocol_id.clone(), String::new()),
            };
            let facilitators = names.get(&row.id).cloned().unwrap_or_default();
            let meetings = tr.tn(
                msg("group-meetings-held"),
                &[("held", &i64::from(row.sessions_held)), ("planned", &i64::from(row.planned_sessions))],
            );
            GroupLine { row, meetings, protocol, phase, facilitators }
        })
        .collect();
    let layout = Layout::new(&state, &me, tr.t("group-list-title"), "groups").await?;
    render(&GroupsPage { layout, groups, can_create: me.actor().can_organise_groups() })
}

// ---- A new group ----

#[derive(Deserialize, Default, Clone)]
pub struct NewGroupForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    protocol: String,
    #[serde(default)]
    site_id: String,
    #[serde(default)]
    facilitator_1: String,
    #[serde(default)]
    facilitator_2: String,
    #[serde(default)]
    start_date: String,
    #[serde(default)]
    meeting_time: String,
    #[serde(default)]
    single_gender: Option<String>,
}

pub struct Choice {
    pub value: String,
    pub label: String,
    pub hint: String,
}

#[derive(Template)]
#[template(path = "group_new.html")]
struct NewGroupPage {
    layout: Layout,
    f: NewGroupForm,
    errors: FormErrors,
    protocols: Vec<Choice>,
    sites: Vec<Choice>,
    staff: Vec<Choice>,
}

async fn new_group_page(
    state: &AppState,
    me: &Identity,
    f: NewGroupForm,
    errors: FormErrors,
) -> AppResult<NewGroupPage> {
    let tr = crate::i18n::current();
    let staff = groups::facilitator_choices(state, me)
        .await?
        .into_iter()
        .map(|u| Choice { value: u.id.to_string(), label: u.name, hint: tr.t(super::role_message(u.role)) })
        .collect();
    let sites = groups::sites(state, me)
        .await?
        .into_iter()
        .map(|s| Choice { value: s.id.to_string(), label: s.name, hint: s.kind.unwrap_or_default() })
        .collect();
    let protocols = state
        .config
        .protocols
        .groups()
        .map(|p| Choice {
            value: p.id.clone(),
            label: p.name_in(tr.lang()).to_string(),
            hint: p.description_in(tr.lang()).to_string(),
        })
        .collect();
    let layout = Layout::new(state, me, tr.t("group-new"), "groups").await?;
    Ok(NewGroupPage { layout, f, errors, protocols, sites, staff })
}

pub async fn new_form(State(state): State<AppState>, SignedIn(me): SignedIn) -> AppResult<Html<String>> {
    let f = NewGroupForm {
        protocol: state.config.protocols.groups().next().map(|p| p.id.clone()).unwrap_or_default(),
        start_date: rapport_core::time::format_date(rapport_app::clock::today()),
        ..Default::default()
    };
    render(&new_group_page(&state, &me, f, FormErrors::default()).await?)
}

pub async fn create(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Form(f): Form<NewGroupForm>,
) -> AppResult<Response> {
    let facilitator_ids: Vec<String> = [&f.facilitator_1, &f.facilitator_2]
        .into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let input = GroupInput {
        name: f.name.clone(),
        protocol: f.protocol.clone(),
        site_id: Some(f.site_id.clone()),
        facilitator_ids,
        start_date: f.start_date.clone(),
        meeting_time: Some(f.meeting_time.clone()),
        single_gender: Some(f.single_gender.is_some()),
        planned_sessions: None,
    };
    match groups::create_group(&state, &me, &input).await.map_err(AppError::from) {
        Ok(g) => Ok(Redirect::to(&format!("/groups/{}?done=created", g.id)).into_response()),
        Err(AppError::Invalid(e)) => {
            // The two selects carry the list's positions: name them as the page does.
            let errors = FormErrors(e)
                .rename("facilitator_ids", "facilitator_1")
                .rename("facilitator_ids[0]", "facilitator_1")
                .rename("facilitator_ids[1]", "facilitator_2");
            let page = new_group_page(&state, &me, f, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
        Err(other) => Err(other),
    }
}

// ---- A group's page ----

/// A member's row on the group page.
pub struct MemberLine {
    pub id: String,
    pub name: String,
    pub status: MemberStatus,
    pub status_reason: String,
    pub areas: String,
    pub goal: String,
    pub attended: String,
    pub baseline: String,
    pub latest: String,
    pub pre_group_on: String,
    pub can_change_status: bool,
    pub can_reactivate: bool,
}

pub struct MeetingLine {
    pub number: u32,
    pub date: String,
    pub phase: String,
    /// "5 attended, 1 absent".
    pub attendance: String,
}

#[derive(Template)]
#[template(path = "group.html")]
struct GroupPage {
    layout: Layout,
    g: GroupView,
    phase_text: String,
    /// "3 of 8 held · 5 to go".
    meetings_text: String,
    /// The start date, with the meeting time when there is one.
    start: String,
    /// "12 in the group (size 5 to 15)".
    members_text: String,
    /// "Register a new person first." and "Not listed? Register the person first.", with their links.
    register_first: String,
    not_listed: String,
    facilitators: String,
    next_agenda: Vec<String>,
    members: Vec<MemberLine>,
    meetings: Vec<MeetingLine>,
    /// Clients the caller sees who are not yet members: (id, name).
    candidates: Vec<(String, String)>,
    errors: FormErrors,
    full: bool,
    /// The group's measure as people name it ("PHQ-9").
    measure_name: String,
}

impl GroupPage {
    fn sees_members(&self) -> bool {
        self.g.access.sees_members()
    }
    fn can_record(&self) -> bool {
        self.sees_members() && self.g.next_number().is_some() && !self.g.is_closed()
    }
}

fn score_text(total: Option<i64>) -> String {
    total.map(|t| t.to_string()).unwrap_or_else(|| "–".into())
}

fn member_lines(tr: &Tr, g: &GroupView) -> Vec<MemberLine> {
    let held = g.held();
    g.detail
        .members
        .iter()
        .map(|m| {
            let scores = g.member_scores(&m.client_id);
            let baseline = m
                .baseline_response_id
                .as_ref()
                .and_then(|b| scores.iter().find(|s| &s.response_id == b))
                .or_else(|| scores.first())
                .map(|s| score_text(s.total))
                .unwrap_or_default();
            let latest = if scores.len() > 1 {
                scores.last().map(|s| score_text(s.total)).unwrap_or_default()
            } else {
                String::new()
            };
            MemberLine {
                id: m.client_id.to_string(),
                name: m.display_name.clone(),
                status: m.status,
                status_reason: m.status_reason.clone().unwrap_or_default(),
                areas: m.problem_areas.iter().map(|a| area_name(tr, &g.protocol, a)).collect::<Vec<_>>().join(", "),
                goal: m.goal.clone().unwrap_or_default(),
                attended: tr.tn(
                    msg("group-attended-of"),
                    &[("attended", &i64::from(m.sessions_attended)), ("held", &i64::from(held))],
                ),
                baseline,
                latest,
                pre_group_on: m.pre_group_on.map(crate::i18n::day).unwrap_or_default(),
                can_change_status: m.status.may_change_to(MemberStatus::Completed),
                can_reactivate: m.status.may_change_to(MemberStatus::Active),
            }
        })
        .collect()
}

async fn group_page(
    state: &AppState,
    me: &Identity,
    g: GroupView,
    errors: FormErrors,
    done: Option<&str>,
) -> AppResult<GroupPage> {
    let layout = with_done(Layout::new(state, me, g.detail.group.name.clone(), "groups").await?, done);
    let tr = layout.tr.clone();
    let next = g.next_number();
    let phase_text = phase_words(&tr, &g.protocol, g.phase, g.detail.group.planned_sessions, next);
    let next_agenda = next.map(|n| g.format().agenda_in(n, tr.lang()).to_vec()).unwrap_or_default();
    let members = if g.access.sees_members() { member_lines(&tr, &g) } else { Vec::new() };
    let meetings = g
        .detail
        .sessions
        .iter()
        .map(|s| MeetingLine {
            number: s.number,
            date: crate::i18n::long_day(s.held_on),
            phase: rapport_core::protocol::Phase::parse(&s.phase)
                .map(|p| match g.format().phase_label_in(p.as_str(), tr.lang()) {
                    Some(own) => own.to_string(),
                    None => tr.term("phase", p.as_str(), &g.protocol.phase_label(p)),
                })
                .unwrap_or_else(|| s.phase.clone()),
            attendance: tr.tn(
                msg("group-meeting-attendance"),
                &[("attended", &i64::from(s.attended)), ("absent", &i64::from(s.absent))],
            ),
        })
        .collect();
    let candidates = if g.access.sees_members() && g.phase != GroupPhase::Finished {
        let req = CaseloadViewRequest { page_size: rapport_core::caseload::MAX_PAGE, ..Default::default() };
        caseload_view(state, me, req)
            .await?
            .rows
            .into_iter()
            .filter(|c| !g.detail.members.iter().any(|m| m.client_id == c.id))
            .map(|c| (c.id.to_string(), c.display_name))
            .collect()
    } else {
        Vec::new()
    };
    let full = g.current_members().count() as u32 >= g.format().size.max;
    let measure_name = state
        .instruments
        .get(&g.format().measure)
        .map(|i| i.short_name.clone())
        .unwrap_or_else(|| g.format().measure.clone());
    let held = i64::from(g.held());
    let meetings_text = tr.tn(
        msg("group-meetings-to-go"),
        &[
            ("held", &held),
            ("planned", &i64::from(g.detail.group.planned_sessions)),
            ("remaining", &i64::from(g.remaining())),
        ],
    );
    let start_day = crate::i18n::long_day(g.detail.group.start_date);
    let start = match &g.detail.group.meeting_time {
        Some(t) => tr.tn("group-starts-at", &[("date", &start_day), ("time", t)]),
        None => start_day,
    };
    let size = g.format().size.clone();
    let (members_id, count) = if g.is_closed() {
        (msg("group-members-took-part"), g.detail.members.len())
    } else {
        (msg("group-members-in-group"), g.current_members().count())
    };
    let members_text =
        tr.tn(members_id, &[("count", &count), ("min", &i64::from(size.min)), ("max", &i64::from(size.max))]);
    Ok(GroupPage {
        measure_name,
        meetings_text,
        members_text,
        register_first: with_link(&tr, msg("group-register-first"), "/clients/new", msg("group-register-new-person")),
        not_listed: with_link(&tr, msg("group-not-listed"), "/clients/new", msg("group-register-the-person")),
        layout,
        phase_text,
        start,
        facilitators: g.facilitator_names(),
        next_agenda,
        members,
        meetings,
        candidates,
        errors,
        full,
        g,
    })
}

pub async fn show(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Query(q): Query<DoneParam>,
) -> AppResult<Html<String>> {
    let g = groups::group_for(&state, &me, &id, Purpose::AuditRead).await?;
    render(&group_page(&state, &me, g, FormErrors::default(), q.done.as_deref()).await?)
}

/// A form on the group page refused: the page again, with the errors, 422.
async fn group_with_errors(state: &AppState, me: &Identity, id: &str, errors: FormErrors) -> AppResult<Response> {
    let g = groups::group_for(state, me, id, Purpose::AuditRead).await?;
    let page = group_page(state, me, g, errors, None).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
}

fn back_to(id: &str, done: &str) -> Response {
    Redirect::to(&format!("/groups/{id}?done={done}")).into_response()
}

#[derive(Deserialize, Default)]
pub struct AddMemberForm {
    #[serde(default)]
    client_id: String,
}

pub async fn add_member(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Form(f): Form<AddMemberForm>,
) -> AppResult<Response> {
    match groups::add_member(&state, &me, &id, &f.client_id).await.map_err(AppError::from) {
        Ok(()) => Ok(back_to(&id, "member-added")),
        Err(AppError::Invalid(e)) => group_with_errors(&state, &me, &id, FormErrors(e)).await,
        Err(other) => Err(other),
    }
}

#[derive(Deserialize, Default)]
pub struct StatusForm {
    #[serde(default)]
    status: String,
    #[serde(default)]
    reason: String,
}

pub async fn set_status(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path((id, client_id)): Path<(String, String)>,
    Form(f): Form<StatusForm>,
) -> AppResult<Response> {
    match groups::set_member_status(&state, &me, &id, &client_id, &f.status, Some(&f.reason))
        .await
        .map_err(AppError::from)
    {
        Ok(()) => Ok(back_to(&id, "status")),
        Err(AppError::Invalid(mut e)) => {
            // The use case (after its access check) names the allowed codes; the page's words:
            if f.status.trim().is_empty() {
                e = rapport_core::ValidationErrors::single_key("status", msg("group-error-choose-status"), vec![]);
            }
            let prefix = format!("m-{}", client_id.trim());
            group_with_errors(&state, &me, &id, FormErrors(e).with_prefix(&prefix)).await
        }
        Err(other) => Err(other),
    }
}

pub async fn close(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    groups::close_group(&state, &me, &id).await?;
    Ok(back_to(&id, "closed"))
}

// ---- A member's pre-group session ----

pub struct AreaChoice {
    pub id: String,
    pub label: String,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "group_pre_group.html")]
struct PreGroupPage {
    layout: Layout,
    group_id: String,
    group_name: String,
    client_id: String,
    member_name: String,
    max_areas: u32,
    parent_session: bool,
    areas: Vec<AreaChoice>,
    goal: String,
    consent: bool,
    held_on: String,
    parent_session_on: String,
    measure: crate::html::questionnaire::QuestionnaireView,
    errors: FormErrors,
}

async fn pre_group_page(
    state: &AppState,
    me: &Identity,
    g: &GroupView,
    client_id: &str,
    form: &Pairs,
    errors: FormErrors,
) -> AppResult<PreGroupPage> {
    let member = Id::parse(client_id)
        .and_then(|c| g.detail.members.iter().find(|m| m.client_id == c))
        .ok_or(AppError::NotFound)?;
    let fresh = form.0.is_empty();
    let tr = crate::i18n::current();
    let chosen: Vec<String> = if fresh { member.problem_areas.clone() } else { form.all("problem_areas") };
    let areas = g
        .protocol
        .problem_areas
        .iter()
        .map(|a| AreaChoice {
            id: a.id.clone(),
            label: tr.term("area", &a.id, &a.label),
            checked: chosen.contains(&a.id),
        })
        .collect();
    let inst = state
        .instruments
        .get(&g.format().measure)
        .ok_or_else(|| AppError::internal(format!("group measure {} is not installed", g.format().measure)))?;
    let answers: std::collections::HashMap<String, String> = form.0.iter().cloned().collect();
    let layout =
        Layout::new(state, me, tr.ta("group-pre-group-page-title", "name", &member.display_name), "groups").await?;
    Ok(PreGroupPage {
        layout,
        group_id: g.detail.group.id.to_string(),
        group_name: g.detail.group.name.clone(),
        client_id: member.client_id.to_string(),
        member_name: member.display_name.clone(),
        max_areas: g.protocol.max_problem_areas,
        parent_session: g.format().parent_session,
        areas,
        goal: if fresh { member.goal.clone().unwrap_or_default() } else { form.get("goal").to_string() },
        consent: if fresh { member.consent } else { form.checked("consent") },
        held_on: if fresh {
            member
                .pre_group_on
                .map(rapport_core::time::format_date)
                .unwrap_or_else(|| rapport_core::time::format_date(rapport_app::clock::today()))
        } else {
            form.get("held_on").to_string()
        },
        parent_session_on: if fresh {
            member.parent_session_on.map(rapport_core::time::format_date).unwrap_or_default()
        } else {
            form.get("parent_session_on").to_string()
        },
        measure: crate::html::questionnaire::QuestionnaireView::new(inst, &answers),
        errors,
    })
}

pub async fn pre_group_form(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path((id, client_id)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    let g = groups::group_for(&state, &me, &id, Purpose::AuditRead).await?;
    if !g.access.sees_members() {
        return Err(AppError::Forbidden(crate::i18n::current().t("group-forbidden-members")));
    }
    render(&pre_group_page(&state, &me, &g, &client_id, &Pairs::default(), FormErrors::default()).await?)
}

pub async fn pre_group_save(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path((id, client_id)): Path<(String, String)>,
    Form(form): Form<Pairs>,
) -> AppResult<Response> {
    let mut errors = rapport_core::ValidationErrors::new();
    let baseline: Vec<Option<i64>> =
        (1..=9).map(|n| form.number(&mut errors, &format!("item_{n}"), &format!("Item {n}"))).collect();
    let input = PreGroupInput {
        problem_areas: form.all("problem_areas"),
        goal: form.get("goal").to_string(),
        consent: form.checked("consent"),
        held_on: form.opt("held_on"),
        parent_session_on: form.opt("parent_session_on"),
        baseline: Some(baseline),
    };
    let result = if errors.is_empty() {
        groups::record_pre_group(&state, &me, &id, &client_id, &input).await.map_err(AppError::from)
    } else {
        Err(AppError::Invalid(errors))
    };
    match result {
        Ok(flag) => Ok(back_to(&id, if flag.is_some() { "pre-group-flag" } else { "pre-group" })),
        Err(AppError::Invalid(e)) => {
            // "baseline[3]" is item 4 of the grid.
            let mut errors = FormErrors(e);
            for i in 0..9 {
                errors = errors.rename(&format!("baseline[{i}]"), &format!("item_{}", i + 1));
            }
            let g = groups::group_for(&state, &me, &id, Purpose::Write).await?;
            let page = pre_group_page(&state, &me, &g, &client_id, &form, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
        Err(other) => Err(other),
    }
}

// ---- The client page's "Groups" section ----

/// A client's group membership as their record lists it.
pub struct MembershipLine {
    pub group_id: String,
    pub group_name: String,
    pub protocol: String,
    pub status: String,
    pub reason: String,
    pub areas: String,
    pub goal: String,
    pub attended: String,
    pub joined: String,
}

/// The client's groups, for the client page (the caller already reads the client).
pub async fn memberships(state: &AppState, client: &Id) -> AppResult<Vec<MembershipLine>> {
    let list: Vec<Membership> = groups::client_groups(state, client).await?;
    let tr = crate::i18n::current();
    Ok(list
        .into_iter()
        .map(|m| {
            let p = state.config.protocols.get(&m.protocol_id);
            MembershipLine {
                group_id: m.group_id.to_string(),
                group_name: m.group_name,
                protocol: p.map(|p| p.name_in(tr.lang()).to_string()).unwrap_or_else(|| m.protocol_id.clone()),
                status: tr.t(m.status.message()),
                reason: m.status_reason.unwrap_or_default(),
                areas: m
                    .problem_areas
                    .iter()
                    .map(|a| tr.term("area", a, p.map(|p| p.area_label(a)).unwrap_or(a)))
                    .collect::<Vec<_>>()
                    .join(", "),
                goal: m.goal.unwrap_or_default(),
                attended: tr.tn(
                    msg("group-membership-attended"),
                    &[
                        ("attended", &i64::from(m.sessions_attended)),
                        ("held", &i64::from(m.sessions_held)),
                        ("planned", &i64::from(m.planned_sessions)),
                    ],
                ),
                joined: crate::i18n::show(m.added_at),
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rapport_core::protocol::ProtocolSet;

    #[test]
    fn phases_are_in_the_group_s_words_in_the_reader_s_language() {
        let tr = Tr::new("en");
        let set = ProtocolSet::shipped();
        let who = set.get("ipt-group-who").unwrap();
        assert_eq!(
            phase_words(&tr, who, GroupPhase::PreGroup, 8, Some(1)),
            "Pre-group sessions (before the first meeting)"
        );
        assert_eq!(phase_words(&tr, who, GroupPhase::Initial, 8, Some(1)), "Initial phase (first meeting)");
        assert_eq!(phase_words(&tr, who, GroupPhase::Middle, 8, Some(5)), "Middle phase (middle meetings)");
        assert_eq!(phase_words(&tr, who, GroupPhase::Termination, 8, Some(8)), "Ending phase (last meeting)");
        assert_eq!(phase_words(&tr, who, GroupPhase::Finished, 8, None), "Finished");
        // The screen of meeting 1 names the meeting's phase, not the group's pre-group wait.
        assert_eq!(meeting_words(&tr, who, 8, 1), "Initial phase (first meeting)");
        let ag = set.get("ipt-ag").unwrap();
        assert_eq!(meeting_words(&tr, ag, 8, 2), "Initial phase", "no words of its own: no repeat");
        let twelve = set.get("ipt-group-12").unwrap();
        assert_eq!(meeting_words(&tr, twelve, 12, 10), "Ending phase (ending meetings)");
        let fr = Tr::new("fr");
        assert_eq!(meeting_words(&fr, who, 8, 8), "Phase de terminaison (dernière séance)");
        assert_eq!(meeting_words(&Tr::new("es"), twelve, 12, 1), "Fase inicial (reuniones iniciales)");
        assert_eq!(meeting_words(&fr, ag, 8, 2), "Phase initiale");
        assert!(with_link(&fr, "group-not-listed", "/clients/new", "group-register-the-person")
            .contains("<a href=\"/clients/new\">"));
    }
}
