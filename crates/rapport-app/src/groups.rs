//! Group IPT use cases: sites, groups, members and their pre-group
//! sessions, recording a meeting (attendance, a quick measure per member
//! through the one response pipeline, notes and the task), screening and
//! the screening funnel. Every face calls these.
//!
//! Who may do what:
//! - supervisors and administrators create sites and groups;
//! - a group's facilitators, and anyone supervising one of them (down the
//!   chain), see its members and record its meetings;
//! - anyone else gets 404 for the group (an administrator, or a supervisor
//!   who made a group they do not supervise, sees its summary but no member);
//! - members' client records follow the ordinary rules: a facilitator joins
//!   each member's care team when the member joins their group.

use crate::access::{client_for, clients_shown, deny, Purpose};
use crate::caller::Identity;
use crate::error::field_error;
use crate::responses::{prepare, CourseChoice, Submission};
use crate::{AppResult, AppState, Error};
use rapport_core::audit::action;
use rapport_core::group::{
    funnel_counts, group_phase, meeting_phase, screening_outcome, FunnelPerson, FunnelStep, GroupPhase, MemberStatus,
    ScreeningOutcome,
};
use rapport_core::protocol::{GroupFormat, Protocol};
use rapport_core::validation::plausible_date;
use rapport_core::validation::KeyArg;
use rapport_core::{msg, Id, Timestamp};
use rapport_store::groups::{
    GroupDetail, GroupRow, MemberScore, Membership, NewAttendance, NewGroup, NewGroupSession, NewScreening, PreGroup,
    Site,
};
use rapport_store::measures::Mode;
use rapport_store::outbox::Notice;
use std::collections::{BTreeMap, BTreeSet};
use time::Date;

/// How the caller stands towards a group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupAccess {
    /// One of its facilitators.
    Facilitates,
    /// Supervises one of its facilitators (directly or down the chain).
    Supervises,
    /// An administrator, or the supervisor who made it without supervising
    /// its facilitators: the summary, never a member.
    Organises,
}

impl GroupAccess {
    pub fn sees_members(self) -> bool {
        matches!(self, GroupAccess::Facilitates | GroupAccess::Supervises)
    }
}

/// A group as its page and the API show it.
pub struct GroupView {
    pub detail: GroupDetail,
    pub protocol: Protocol,
    pub access: GroupAccess,
    pub phase: GroupPhase,
    /// Each member's scores on the group's measure (baseline first), when
    /// the caller sees members.
    pub scores: Vec<MemberScore>,
}

impl GroupView {
    pub fn format(&self) -> &GroupFormat {
        self.protocol.group_format.as_ref().expect("group protocols have a group format")
    }
    pub fn held(&self) -> u32 {
        self.detail.group.sessions_held
    }
    pub fn remaining(&self) -> u32 {
        self.detail.group.planned_sessions.saturating_sub(self.held())
    }
    /// The number of the next meeting, if one is still to come.
    pub fn next_number(&self) -> Option<u32> {
        (self.phase != GroupPhase::Finished).then(|| self.held() + 1)
    }
    pub fn is_closed(&self) -> bool {
        self.detail.group.closed_at.is_some()
    }
    /// Members still in the group, by name.
    pub fn current_members(&self) -> impl Iterator<Item = &rapport_store::groups::Member> {
        self.detail.members.iter().filter(|m| m.status.is_current())
    }
    /// A member's scores on the group's measure, oldest first.
    pub fn member_scores(&self, client: &Id) -> Vec<&MemberScore> {
        self.scores.iter().filter(|s| &s.client_id == client).collect()
    }
    /// The facilitators' names, joined in the reader's language: "Amina Okello and Grace Nansubuga".
    pub fn facilitator_names(&self) -> String {
        let names: Vec<&str> = self.detail.facilitators.iter().map(|f| f.name.as_str()).collect();
        rapport_i18n::current().list(&names)
    }
}

fn group_protocol(state: &AppState, id: &str) -> AppResult<Protocol> {
    state
        .config
        .protocols
        .get(id)
        .filter(|p| p.group && p.group_format.is_some())
        .cloned()
        .ok_or_else(|| Error::internal(format!("group uses unknown protocol {id}")))
}

fn require_organiser(me: &Identity) -> AppResult<()> {
    if me.actor().can_organise_groups() {
        Ok(())
    } else {
        Err(Error::forbidden(msg("app-groups-setup"), &[]))
    }
}

// ---- Sites ----

#[crate::boxing::boxed_future]
pub async fn create_site(state: &AppState, me: &Identity, name: &str, kind: Option<&str>) -> AppResult<Site> {
    if let Err(e) = require_organiser(me) {
        deny(state, me, "site", None).await?;
        return Err(e);
    }
    create_site_as(state, name, kind, me.event(action::SITE_CREATE, "site")).await
}

/// `create_site` for a caller already allowed (the command line's operator):
/// the same checks and the same audit action, written with `e`.
#[crate::boxing::boxed_future]
pub async fn create_site_as(
    state: &AppState,
    name: &str,
    kind: Option<&str>,
    mut e: rapport_core::audit::AuditEvent,
) -> AppResult<Site> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 120 {
        return Err(Error::keyed("name", msg("app-site-name"), vec![]));
    }
    let kind = kind.map(str::trim).filter(|k| !k.is_empty());
    if kind.is_some_and(|k| k.chars().count() > 60) {
        return Err(Error::keyed("kind", msg("app-site-kind"), vec![]));
    }
    e.action = action::SITE_CREATE.into();
    e.resource_type = "site".into();
    e.detail = Some(format!("site {name}"));
    state.store.create_site(name, kind, e).await.map_err(|err| match err {
        // The one refusal: another site has the name.
        rapport_store::StoreError::Invalid(_) => {
            Error::keyed("name", msg("app-site-exists"), vec![("name", name.into())])
        }
        other => other.into(),
    })
}

/// Every site (names only; staff need them to choose one).
#[crate::boxing::boxed_future]
pub async fn sites(state: &AppState, _me: &Identity) -> AppResult<Vec<Site>> {
    Ok(state.store.sites().await?)
}

async fn site_ref(state: &AppState, field: &str, id: Option<&str>) -> AppResult<Option<Id>> {
    let Some(raw) = id.map(str::trim).filter(|s| !s.is_empty()) else { return Ok(None) };
    let found = match Id::parse(raw) {
        Some(id) => state.store.site(&id).await?,
        None => None,
    };
    found.map(|s| Some(s.id)).ok_or_else(|| Error::keyed(field, msg("app-site-unknown"), vec![]))
}

/// The site a new client belongs to: the one given, else (for a
/// facilitator) their own. A facilitator registers clients at their own site
/// or at the site of a group they run.
#[crate::boxing::boxed_future]
pub async fn site_for_new_client(state: &AppState, me: &Identity, given: Option<&str>) -> AppResult<Option<Id>> {
    let site = site_ref(state, "site_id", given).await?;
    if me.user.role != rapport_core::access::Role::Facilitator {
        return Ok(site);
    }
    let Some(site) = site else { return Ok(me.user.site_id.clone()) };
    let mine = me.user.site_id.as_ref() == Some(&site)
        || state.store.groups_for(&me.user.id, false).await?.iter().any(|g| g.site_id.as_ref() == Some(&site));
    if mine {
        Ok(Some(site))
    } else {
        Err(Error::keyed("site_id", msg("app-site-facilitator"), vec![]))
    }
}

// ---- Groups ----

/// A new group as any face received it (strings as typed).
#[derive(Clone, Debug, Default)]
pub struct GroupInput {
    pub name: String,
    pub protocol: String,
    pub site_id: Option<String>,
    pub facilitator_ids: Vec<String>,
    pub start_date: String,
    pub meeting_time: Option<String>,
    pub single_gender: Option<bool>,
    pub planned_sessions: Option<u32>,
}

#[crate::boxing::boxed_future]
pub async fn create_group(state: &AppState, me: &Identity, input: &GroupInput) -> AppResult<GroupRow> {
    if let Err(e) = require_organiser(me) {
        deny(state, me, "group", None).await?;
        return Err(e);
    }
    let mut errors = rapport_core::ValidationErrors::new();
    let name = input.name.trim();
    if name.is_empty() || name.chars().count() > 120 {
        errors.0.push(field_error("name", msg("group-error-name"), vec![]));
    }
    let protocol = state.config.protocols.get(input.protocol.trim()).filter(|p| p.group).cloned();
    if protocol.is_none() {
        let ids: Vec<&str> = state.config.protocols.groups().map(|p| p.id.as_str()).collect();
        errors.0.push(field_error("protocol", msg("group-error-protocol"), vec![("ids", ids.join(", ").into())]));
    }
    let today = crate::clock::today();
    let start = rapport_core::time::parse_date(input.start_date.trim());
    match start {
        None => errors.0.push(field_error("start_date", msg("group-error-start-date"), vec![])),
        Some(d) => {
            if let Err(f) = plausible_date("start_date", msg("field-start-date"), d, today) {
                errors.0.push(f);
            }
        }
    }
    let meeting_time = input.meeting_time.as_deref().map(str::trim).filter(|t| !t.is_empty());
    if meeting_time.is_some_and(|t| time::Time::parse(t, time::macros::format_description!("[hour]:[minute]")).is_err())
    {
        errors.0.push(field_error("meeting_time", msg("group-error-meeting-time"), vec![]));
    }
    let planned = match (&protocol, input.planned_sessions) {
        (Some(p), Some(n)) if !p.allows_sessions(n) => {
            errors.0.push(field_error(
                "planned_sessions",
                msg("app-group-sessions-range"),
                vec![
                    ("protocol", p.name.as_str().into()),
                    ("min", i64::from(p.sessions.min).into()),
                    ("max", i64::from(p.sessions.max).into()),
                ],
            ));
            n
        }
        (Some(p), n) => n.unwrap_or(p.sessions.default),
        (None, n) => n.unwrap_or(0),
    };
    let mut facilitators: Vec<Id> = Vec::new();
    if input.facilitator_ids.is_empty() || input.facilitator_ids.len() > 2 {
        errors.0.push(field_error("facilitator_ids", msg("group-error-facilitators"), vec![]));
    }
    for (i, raw) in input.facilitator_ids.iter().enumerate() {
        let user = match Id::parse(raw.trim()) {
            Some(id) => state.store.user(&id).await?,
            None => None,
        };
        match user {
            Some(u) if u.active && u.role != rapport_core::access::Role::Client && !facilitators.contains(&u.id) => {
                let actor = rapport_core::access::Actor { role: u.role, practises: u.practises };
                if actor.can_hold_caseload() {
                    facilitators.push(u.id)
                } else {
                    errors.0.push(field_error(&format!("facilitator_ids[{i}]"), msg("group-error-no-caseload"), vec![]))
                }
            }
            _ => errors.0.push(field_error(&format!("facilitator_ids[{i}]"), msg("group-error-no-such-staff"), vec![])),
        }
    }
    let site_id = match site_ref(state, "site_id", input.site_id.as_deref()).await {
        Ok(s) => s,
        Err(Error::Invalid(v)) => {
            errors.0.extend(v.0);
            None
        }
        Err(e) => return Err(e),
    };
    errors.into_result()?;
    let protocol = protocol.expect("checked");
    let new = NewGroup {
        name: name.into(),
        site_id,
        protocol_id: protocol.id.clone(),
        planned_sessions: planned,
        start_date: start.expect("checked"),
        meeting_time: meeting_time.map(Into::into),
        single_gender: input
            .single_gender
            .unwrap_or_else(|| protocol.group_format.as_ref().is_some_and(|g| g.single_gender)),
        facilitators,
        created_by: me.user.id.clone(),
    };
    let mut e = me.event(action::GROUP_CREATE, "group");
    e.detail = Some(format!("{} ({}, {} meetings)", new.name, protocol.id, planned));
    Ok(state.store.create_group(&new, e).await?)
}

/// The groups the caller runs or supervises (every group for an administrator).
#[crate::boxing::boxed_future]
pub async fn list(state: &AppState, me: &Identity) -> AppResult<Vec<GroupRow>> {
    let actor = me.actor();
    // Groups are run for clients: the list is for those who run, supervise or
    // organise them, not for a programme manager, who sees only totals.
    if !actor.can_hold_caseload() && !actor.can_organise_groups() {
        deny(state, me, "group", None).await?;
        return Err(Error::forbidden(msg("app-group-list-staff"), &[]));
    }
    let all = actor.can_administer();
    let rows = state.store.groups_for(&me.user.id, all).await?;
    let mut e = me.event(action::GROUP_LIST, "group");
    e.detail = Some(format!("{} groups", rows.len()));
    state.store.audit(e).await?;
    Ok(rows)
}

/// The group, if the caller may see it; 404 otherwise (audited either way).
/// `Purpose::AuditRead` names the members shown in the audit entry.
#[crate::boxing::boxed_future]
pub async fn group_for(state: &AppState, me: &Identity, id: &str, purpose: Purpose) -> AppResult<GroupView> {
    let detail = match Id::parse(id) {
        Some(gid) => state.store.group(&gid).await?,
        None => None,
    };
    let access = match &detail {
        Some(d) => access_to(state, me, d).await?,
        None => None,
    };
    let (Some(detail), Some(access)) = (detail, access) else {
        deny(state, me, "group", Some(id)).await?;
        return Err(Error::NotFound);
    };
    let protocol = group_protocol(state, &detail.group.protocol_id)?;
    let g = &detail.group;
    let phase = group_phase(&protocol, g.planned_sessions, g.sessions_held, g.closed_at.is_some());
    let scores = if access.sees_members() { state.store.group_member_scores(&g.id).await? } else { Vec::new() };
    if purpose == Purpose::AuditRead {
        let mut e = me.event(action::GROUP_READ, "group");
        e.resource_id = Some(g.id.to_string());
        e.detail = Some(if access.sees_members() {
            clients_shown(detail.members.iter().map(|m| &m.client_id))
        } else {
            "summary only".into()
        });
        state.store.audit(e).await?;
    }
    Ok(GroupView { detail, protocol, access, phase, scores })
}

async fn access_to(state: &AppState, me: &Identity, d: &GroupDetail) -> AppResult<Option<GroupAccess>> {
    let facilitator_ids: Vec<Id> = d.facilitators.iter().map(|f| f.id.clone()).collect();
    Ok(if facilitator_ids.contains(&me.user.id) {
        Some(GroupAccess::Facilitates)
    } else if me.actor().role == rapport_core::access::Role::Supervisor
        && state.store.reaches_any(&me.user.id, &facilitator_ids).await?
    {
        Some(GroupAccess::Supervises)
    } else if me.actor().can_administer() || (me.actor().can_organise_groups() && d.group.created_by == me.user.id) {
        Some(GroupAccess::Organises)
    } else {
        None
    })
}

/// A group the caller works with (facilitates or supervises): the way in
/// for every change to its members and meetings.
async fn working_group(state: &AppState, me: &Identity, id: &str) -> AppResult<GroupView> {
    let view = group_for(state, me, id, Purpose::Write).await?;
    if !view.access.sees_members() {
        deny(state, me, "group", Some(id)).await?;
        return Err(Error::forbidden(msg("app-group-members"), &[]));
    }
    Ok(view)
}

/// Adds a client the caller may see to the group. Beyond the protocol's
/// maximum size, or a closed group: 422.
#[crate::boxing::boxed_future]
pub async fn add_member(state: &AppState, me: &Identity, group: &str, client_id: &str) -> AppResult<()> {
    let view = working_group(state, me, group).await?;
    let (client, _) = client_for(state, me, client_id, Purpose::Write).await.map_err(|e| {
        if matches!(e, Error::NotFound) {
            Error::keyed("client_id", msg("app-client-unknown"), vec![])
        } else {
            e
        }
    })?;
    if view.phase == GroupPhase::Finished {
        return Err(Error::keyed("client_id", msg("group-error-finished"), vec![]));
    }
    let max = view.format().size.max;
    if view.current_members().count() as u32 >= max {
        return Err(Error::keyed(
            "client_id",
            msg("group-error-full"),
            vec![("protocol", view.protocol.name.clone().into()), ("max", i64::from(max).into())],
        ));
    }
    if view.detail.members.iter().any(|m| m.client_id == client.id) {
        return Err(Error::keyed("client_id", msg("group-error-already-member"), vec![]));
    }
    let mut e = me.event(action::GROUP_MEMBER_ADD, "group");
    e.resource_id = Some(view.detail.group.id.to_string());
    e.client_id = Some(client.id.to_string());
    state.store.add_group_member(&view.detail.group.id, &client.id, max, e).await.map_err(|err| match err {
        rapport_store::StoreError::Invalid(m) => Error::invalid("client_id", m),
        other => other.into(),
    })
}

/// A member's pre-group session as typed.
#[derive(Clone, Debug, Default)]
pub struct PreGroupInput {
    pub problem_areas: Vec<String>,
    pub goal: String,
    pub consent: bool,
    pub held_on: Option<String>,
    pub parent_session_on: Option<String>,
    /// The baseline on the group's measure (one per item; `None` = blank).
    pub baseline: Option<Vec<Option<i64>>>,
}

fn optional_date(
    errors: &mut rapport_core::ValidationErrors,
    field: &str,
    label: &'static str,
    raw: Option<&str>,
) -> Option<Date> {
    let raw = raw.map(str::trim).filter(|s| !s.is_empty())?;
    let today = crate::clock::today();
    match rapport_core::time::parse_date(raw) {
        Some(d) => match plausible_date(field, label, d, today) {
            Ok(d) => Some(d),
            Err(f) => {
                errors.0.push(f);
                None
            }
        },
        None => {
            errors.0.push(field_error(field, msg("group-error-date"), vec![]));
            None
        }
    }
}

/// Records a member's pre-group session: their problem area(s) in the
/// group's words, a goal, consent and (optionally) the baseline measure,
/// which goes through the one response pipeline (a positive risk answer
/// raises its flag there).
#[crate::boxing::boxed_future]
pub async fn record_pre_group(
    state: &AppState,
    me: &Identity,
    group: &str,
    client_id: &str,
    input: &PreGroupInput,
) -> AppResult<Option<Id>> {
    let view = working_group(state, me, group).await?;
    let Some(member) = Id::parse(client_id).and_then(|c| view.detail.members.iter().find(|m| m.client_id == c)) else {
        return Err(Error::NotFound);
    };
    let mut errors = rapport_core::ValidationErrors::new();
    let areas: Vec<String> =
        input.problem_areas.iter().map(|a| a.trim().to_string()).filter(|a| !a.is_empty()).collect();
    if areas.is_empty() || areas.len() as u32 > view.protocol.max_problem_areas {
        errors.0.push(field_error(
            "problem_areas",
            msg("group-error-areas"),
            vec![("max", i64::from(view.protocol.max_problem_areas).into())],
        ));
    }
    if let Some(bad) = areas.iter().find(|a| view.protocol.area(a).is_none()) {
        errors.0.push(field_error(
            "problem_areas",
            msg("group-error-not-an-area"),
            vec![("area", format!("{bad:?}").into())],
        ));
    }
    let goal = input.goal.trim();
    if goal.is_empty() || goal.chars().count() > 500 {
        errors.0.push(field_error("goal", msg("group-error-goal"), vec![]));
    }
    if !input.consent {
        errors.0.push(field_error("consent", msg("group-error-consent"), vec![]));
    }
    let held_on =
        optional_date(&mut errors, "held_on", msg("field-date-of-the-pre-group-session"), input.held_on.as_deref())
            .unwrap_or_else(crate::clock::today);
    let parent_on = optional_date(
        &mut errors,
        "parent_session_on",
        msg("field-date-of-the-session-with-a-parent-or-carer"),
        input.parent_session_on.as_deref(),
    );
    errors.into_result()?;
    let inst = state
        .instruments
        .get(&view.format().measure)
        .ok_or_else(|| Error::internal(format!("group measure {} is not installed", view.format().measure)))?;
    let mut event = me.event(action::MEASURE_RECORD, "measure_response");
    event.detail = None;
    let baseline = match &input.baseline {
        Some(answers) if answers.iter().any(Option::is_some) => {
            let sub = Submission {
                client: &member.client_id,
                instrument: inst,
                answers: answers.clone(),
                unscored: None,
                band_set: None,
                mode: Mode::InSession,
                course: CourseChoice::NoCourse,
                completed_at: crate::responses::taken_on(held_on, Timestamp::now(), crate::clock::today()),
                entered_by: Some(me.user.id.clone()),
                event,
                via: "pre-group session",
                link: None,
            };
            let p = prepare(state, &sub).await.map_err(|e| rename_fields(e, "baseline"))?;
            Some((p.new, p.event))
        }
        _ => None,
    };
    let pre =
        PreGroup { problem_areas: areas, goal: goal.into(), consent: true, held_on, parent_session_on: parent_on };
    let mut e = me.event(action::GROUP_PRE_GROUP, "group");
    e.resource_id = Some(view.detail.group.id.to_string());
    e.client_id = Some(member.client_id.to_string());
    let rec = state.store.record_pre_group(&view.detail.group.id, &member.client_id, &pre, baseline, e).await?;
    Ok(rec.and_then(|r| r.risk_flag_id))
}

/// "answers[3]" becomes "baseline[3]" (or "responses[2].answers[3]").
fn rename_fields(e: Error, prefix: &str) -> Error {
    match e {
        Error::Invalid(v) => Error::Invalid(rapport_core::ValidationErrors(
            v.0.into_iter()
                .map(|mut f| {
                    f.field = match f.field.strip_prefix("answers") {
                        Some(rest) => format!("{prefix}{rest}"),
                        None => format!("{prefix}.{}", f.field),
                    };
                    f
                })
                .collect(),
        )),
        other => other,
    }
}

/// Marks a member completed, dropped out (with a reason) or referred (with
/// where to), or back to active.
#[crate::boxing::boxed_future]
pub async fn set_member_status(
    state: &AppState,
    me: &Identity,
    group: &str,
    client_id: &str,
    status: &str,
    reason: Option<&str>,
) -> AppResult<()> {
    let view = working_group(state, me, group).await?;
    let Some(member) = Id::parse(client_id).and_then(|c| view.detail.members.iter().find(|m| m.client_id == c)) else {
        return Err(Error::NotFound);
    };
    let Some(to) = MemberStatus::parse(status.trim()) else {
        return Err(Error::keyed("status", msg("app-member-status-unknown"), vec![]));
    };
    if !member.status.may_change_to(to) {
        return Err(Error::keyed(
            "status",
            msg("group-error-status-change"),
            vec![("from", member.status.as_str().into()), ("to", to.as_str().into())],
        ));
    }
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    if to.needs_reason() && reason.is_none() {
        return Err(Error::keyed("reason", msg("group-error-reason"), vec![]));
    }
    if reason.is_some_and(|r| r.chars().count() > 500) {
        return Err(Error::keyed("reason", msg("group-error-reason-long"), vec![]));
    }
    let mut e = me.event(action::GROUP_MEMBER_STATUS, "group");
    e.resource_id = Some(view.detail.group.id.to_string());
    e.client_id = Some(member.client_id.to_string());
    e.detail = Some(format!("{} -> {}", member.status.as_str(), to.as_str()));
    Ok(state.store.set_member_status(&view.detail.group.id, &member.client_id, to, reason, e).await?)
}

/// Ends a group early or after its last meeting; members still in it are completed.
#[crate::boxing::boxed_future]
pub async fn close_group(state: &AppState, me: &Identity, group: &str) -> AppResult<()> {
    let view = working_group(state, me, group).await?;
    if view.is_closed() {
        return Err(Error::conflict(msg("app-group-closed"), &[]));
    }
    let mut e = me.event(action::GROUP_CLOSE, "group");
    e.resource_id = Some(view.detail.group.id.to_string());
    e.detail = Some(format!("after {} of {} meetings", view.held(), view.detail.group.planned_sessions));
    Ok(state.store.close_group(&view.detail.group.id, e).await?)
}

/// A meeting as any face received it.
#[derive(Clone, Debug, Default)]
pub struct MeetingInput {
    pub date: Option<String>,
    /// Client id as typed -> attended?
    pub attendance: Vec<(String, bool)>,
    pub responses: Vec<MemberResponse>,
    /// Client id -> a short note.
    pub member_notes: Vec<(String, String)>,
    pub group_note: Option<String>,
    pub task: Option<String>,
    /// Positions (1-based) of the agenda items done.
    pub agenda_done: Vec<u32>,
}

#[derive(Clone, Debug)]
pub struct MemberResponse {
    pub client_id: String,
    pub instrument: String,
    pub answers: Vec<Option<i64>>,
}

/// What a recorded meeting answers.
#[derive(Clone, Debug)]
pub struct MeetingRecorded {
    pub session_id: Id,
    pub number: u32,
    pub phase: rapport_core::protocol::Phase,
    /// Each new risk flag with the member it is about.
    pub risk_flags: Vec<(Id, Id)>,
    /// Each response stored: (member, total, band).
    pub scores: Vec<(Id, Option<i64>, Option<String>)>,
}

const NOTE_MAX: usize = 2000;

/// Records the next meeting in one transaction: attendance for every
/// current member, each response through the one response pipeline (each
/// positive risk answer raises its own flag, routed to the member's
/// responsible clinician; the recording facilitator's supervisors are told
/// at once), the notes, the task and the agenda ticked. A response for a
/// member marked absent or not in the group is refused (422) and nothing is
/// stored.
#[crate::boxing::boxed_future]
pub async fn record_meeting(
    state: &AppState,
    me: &Identity,
    group: &str,
    input: &MeetingInput,
) -> AppResult<MeetingRecorded> {
    let view = working_group(state, me, group).await?;
    let Some(number) = view.next_number() else {
        return Err(Error::conflict(
            msg("app-group-meetings-recorded"),
            &[("count", &i64::from(view.detail.group.planned_sessions))],
        ));
    };
    let mut errors = rapport_core::ValidationErrors::new();
    let today = crate::clock::today();
    let held_on = match input.date.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => today,
        Some(raw) => match rapport_core::time::parse_date(raw) {
            Some(d) if d > today => {
                errors.0.push(field_error("date", msg("group-error-meeting-future"), vec![]));
                d
            }
            Some(d) => d,
            None => {
                errors.0.push(field_error("date", msg("group-error-date"), vec![]));
                today
            }
        },
    };
    if let Some(prev) = view.detail.sessions.last() {
        if held_on < prev.held_on {
            errors.0.push(field_error(
                "date",
                msg("group-error-meeting-earlier"),
                vec![
                    ("number", i64::from(prev.number).into()),
                    ("date", rapport_core::time::format_date(prev.held_on).into()),
                ],
            ));
        }
    }
    let current: BTreeMap<Id, &rapport_store::groups::Member> =
        view.current_members().map(|m| (m.client_id.clone(), m)).collect();
    let mut attended: BTreeMap<Id, bool> = BTreeMap::new();
    for (raw, present) in &input.attendance {
        match Id::parse(raw.trim()).filter(|id| current.contains_key(id)) {
            Some(id) => {
                attended.insert(id, *present);
            }
            None => errors.0.push(field_error(&format!("attendance.{raw}"), msg("group-error-not-member"), vec![])),
        }
    }
    for (id, m) in &current {
        if !attended.contains_key(id) {
            errors.0.push(field_error(
                &format!("attendance.{id}"),
                msg("group-error-mark-attendance"),
                vec![("name", m.display_name.clone().into())],
            ));
        }
    }
    let mut notes: BTreeMap<Id, String> = BTreeMap::new();
    for (raw, note) in &input.member_notes {
        let note = note.trim();
        if note.is_empty() {
            continue;
        }
        match Id::parse(raw.trim()).filter(|id| current.contains_key(id)) {
            Some(_) if note.chars().count() > NOTE_MAX => errors.0.push(field_error(
                &format!("notes.{raw}"),
                msg("group-error-note-long"),
                vec![("max", (NOTE_MAX as i64).into())],
            )),
            Some(id) => {
                notes.insert(id, note.to_string());
            }
            None => errors.0.push(field_error(&format!("notes.{raw}"), msg("group-error-not-member"), vec![])),
        }
    }
    let text = |errors: &mut rapport_core::ValidationErrors, field: &str, v: &Option<String>| {
        let v = v.as_deref().map(str::trim).filter(|s| !s.is_empty())?;
        if v.chars().count() > NOTE_MAX {
            errors.0.push(field_error(field, msg("group-error-text-long"), vec![("max", (NOTE_MAX as i64).into())]));
        }
        Some(v.to_string())
    };
    let group_note = text(&mut errors, "group_note", &input.group_note);
    let task = text(&mut errors, "task", &input.task);
    let agenda_len = view.format().agenda_for(number).len() as u32;
    let agenda_done: BTreeSet<u32> = input.agenda_done.iter().copied().collect();
    if agenda_done.iter().any(|i| *i == 0 || *i > agenda_len) {
        errors.0.push(field_error(
            "agenda_done",
            msg("group-error-agenda"),
            vec![("count", i64::from(agenda_len).into()), ("number", i64::from(number).into())],
        ));
    }
    let mut answered: BTreeSet<Id> = BTreeSet::new();
    let mut checked: Vec<(Id, &rapport_core::measures::definition::Instrument, &MemberResponse)> = Vec::new();
    for (i, r) in input.responses.iter().enumerate() {
        let field = format!("responses[{i}]");
        let Some(id) = Id::parse(r.client_id.trim()).filter(|id| current.contains_key(id)) else {
            errors.0.push(field_error(&format!("{field}.client_id"), msg("group-error-not-member"), vec![]));
            continue;
        };
        if attended.get(&id) != Some(&true) {
            errors.0.push(field_error(&format!("{field}.client_id"), msg("group-error-absent-response"), vec![]));
            continue;
        }
        if !answered.insert(id.clone()) {
            errors.0.push(field_error(&format!("{field}.client_id"), msg("group-error-one-response"), vec![]));
            continue;
        }
        match state.instruments.get(r.instrument.trim()) {
            Some(inst) => checked.push((id, inst, r)),
            None => errors.0.push(field_error(&format!("{field}.instrument"), msg("app-instrument-unknown"), vec![])),
        }
    }
    errors.into_result()?;
    let completed_at = crate::responses::taken_on(held_on, Timestamp::now(), today);
    let mut prepared = Vec::with_capacity(checked.len());
    for (i, (client, inst, r)) in checked.iter().enumerate() {
        let sub = Submission {
            client,
            instrument: inst,
            answers: r.answers.clone(),
            unscored: None,
            band_set: None,
            mode: Mode::InSession,
            course: CourseChoice::NoCourse,
            completed_at,
            entered_by: Some(me.user.id.clone()),
            event: me.event(action::MEASURE_RECORD, "measure_response"),
            via: "group meeting",
            link: None,
        };
        let p = prepare(state, &sub).await.map_err(|e| rename_fields(e, &format!("responses[{i}].answers")))?;
        prepared.push(p);
    }
    let phase = meeting_phase(&view.protocol, view.detail.group.planned_sessions, number);
    let new = NewGroupSession {
        group_id: view.detail.group.id.clone(),
        number,
        phase: phase.as_str().into(),
        held_on,
        group_note,
        task,
        agenda_done: agenda_done.into_iter().collect(),
        recorded_by: me.user.id.clone(),
        attendance: attended
            .iter()
            .map(|(id, present)| NewAttendance { client_id: id.clone(), attended: *present, note: notes.remove(id) })
            .collect(),
    };
    let scores: Vec<(Id, Option<i64>, Option<String>)> =
        prepared.iter().map(|p| (p.new.client_id.clone(), p.score.total, p.score.band.clone())).collect();
    let risky: Vec<Id> =
        prepared.iter().filter(|p| !p.score.risk.is_empty()).map(|p| p.new.client_id.clone()).collect();
    let responses = prepared.into_iter().map(|p| (p.new, p.event)).collect();
    let mut e = me.event(action::GROUP_SESSION_RECORD, "group");
    e.detail = Some(format!(
        "group {} meeting {number}: {} present, {} absent, {} responses",
        view.detail.group.id,
        new.attendance.iter().filter(|a| a.attended).count(),
        new.attendance.iter().filter(|a| !a.attended).count(),
        scores.len()
    ));
    let notices = if risky.is_empty() { Vec::new() } else { supervisor_notices(state, me, risky.len()).await? };
    let (session_id, recorded) = state.store.record_group_session(&new, responses, e, &notices).await?;
    let risk_flags = recorded
        .iter()
        .zip(&scores)
        .filter_map(|(r, (client, _, _))| r.risk_flag_id.clone().map(|f| (client.clone(), f)))
        .collect();
    Ok(MeetingRecorded { session_id, number, phase, risk_flags, scores })
}

/// A message to each active supervisor of the person recording: a member's
/// answer needs a call (no names or answers in e-mail; the flag is in Rapport).
async fn supervisor_notices(state: &AppState, me: &Identity, n: usize) -> AppResult<Vec<Notice>> {
    let supervisors = state.store.active_supervisors_of(&me.user.id).await?;
    let base = state.config.public_url.as_deref().unwrap_or("").trim_end_matches('/');
    let default_language = state.organisation().await?.default_language;
    let mut notices = Vec::new();
    for s in supervisors {
        let tr = match state.store.user(&s).await? {
            Some(u) => crate::notices::staff_language(&u, &default_language),
            None => rapport_i18n::Tr::new(&default_language),
        };
        let url = format!("{base}/risk-flags");
        notices.push(Notice {
            kind: "risk_flag_group",
            to_user: Some(s),
            to_email: None,
            subject: tr.t("mail-group-check-subject"),
            body: format!(
                "{}\n\n{}",
                tr.tn("mail-group-check-body", &[("name", &me.user.name), ("count", &n), ("url", &url)]),
                tr.ta("mail-group-check-call", "name", me.user.name.as_str()),
            ),
        });
    }
    Ok(notices)
}

/// A client's groups, for their record (the caller already has access to the client).
#[crate::boxing::boxed_future]
pub async fn client_groups(state: &AppState, client: &Id) -> AppResult<Vec<Membership>> {
    Ok(state.store.client_groups(client).await?)
}

// ---- Screening and the funnel ----

#[derive(Clone, Debug, Default)]
pub struct ScreeningInput {
    pub client_id: String,
    /// The group protocol (programme) screened for; its eligibility rule applies.
    pub protocol: String,
    pub answers: Vec<Option<i64>>,
    pub note: Option<String>,
    pub date: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Screened {
    pub id: Id,
    pub outcome: ScreeningOutcome,
    pub total: Option<i64>,
    pub band: Option<String>,
    pub risk_flag_id: Option<Id>,
}

/// Screens a person the caller may see: the answers go through the one
/// response pipeline (a positive risk answer raises a flag and refers, never
/// into a group), then the protocol's eligibility rule decides.
#[crate::boxing::boxed_future]
pub async fn screen(state: &AppState, me: &Identity, input: &ScreeningInput) -> AppResult<Screened> {
    let (client, _) = client_for(state, me, &input.client_id, Purpose::Write).await.map_err(|e| {
        if matches!(e, Error::NotFound) {
            Error::keyed("client_id", msg("app-client-unknown"), vec![])
        } else {
            e
        }
    })?;
    let Some(protocol) = state.config.protocols.get(input.protocol.trim()).filter(|p| p.group) else {
        let ids: Vec<&str> = state.config.protocols.groups().map(|p| p.id.as_str()).collect();
        return Err(Error::keyed(
            "protocol",
            msg("app-group-choose-protocol"),
            vec![("protocols", ids.join(", ").into())],
        ));
    };
    let rule = protocol.group_format.as_ref().expect("group protocols have a format").eligibility.clone();
    let inst = state
        .instruments
        .get(&rule.instrument)
        .ok_or_else(|| Error::internal(format!("screening instrument {} is not installed", rule.instrument)))?;
    let mut errors = rapport_core::ValidationErrors::new();
    let date = optional_date(&mut errors, "date", msg("field-date-of-the-screening"), input.date.as_deref())
        .unwrap_or_else(crate::clock::today);
    let note = input.note.as_deref().map(str::trim).filter(|s| !s.is_empty());
    if note.is_some_and(|n| n.chars().count() > NOTE_MAX) {
        errors.0.push(field_error("note", msg("app-text-too-long"), vec![("max", KeyArg::Number(NOTE_MAX as i64))]));
    }
    errors.into_result()?;
    let sub = Submission {
        client: &client.id,
        instrument: inst,
        answers: input.answers.clone(),
        unscored: None,
        band_set: None,
        mode: Mode::InSession,
        course: CourseChoice::NoCourse,
        completed_at: crate::responses::taken_on(date, Timestamp::now(), crate::clock::today()),
        entered_by: Some(me.user.id.clone()),
        event: me.event(action::MEASURE_RECORD, "measure_response"),
        via: "screening",
        link: None,
    };
    let p = prepare(state, &sub).await?;
    let risk_positive = !p.score.risk.is_empty();
    let outcome = screening_outcome(&rule, p.score.total, risk_positive);
    let new = NewScreening {
        client_id: client.id.clone(),
        site_id: client.site_id.clone(),
        protocol_id: protocol.id.clone(),
        total: p.score.total,
        risk_positive,
        outcome,
        note: note.map(Into::into),
        screened_by: me.user.id.clone(),
    };
    let mut e = me.event(action::SCREENING_RECORD, "screening");
    e.detail = Some(format!("{} for {}: {}", inst.short_name, protocol.id, outcome.as_str()));
    let (total, band) = (p.score.total, p.score.band.clone());
    let (id, rec) = state.store.record_screening(&new, (p.new, p.event), e).await?;
    Ok(Screened { id, outcome, total, band, risk_flag_id: rec.risk_flag_id })
}

/// Filters of the programme page.
#[derive(Clone, Debug, Default)]
pub struct FunnelFilter {
    pub site: Option<Id>,
    pub facilitator: Option<Id>,
    /// List the people at this step.
    pub step: Option<FunnelStep>,
}

/// A person listed at a step.
#[derive(Clone, Debug)]
pub struct FunnelEntry {
    pub client_id: Id,
    pub display_name: String,
    pub site_id: Option<Id>,
    pub group_id: Option<Id>,
    pub status: Option<MemberStatus>,
    pub screening: Option<ScreeningOutcome>,
    pub attended: u32,
}

/// Counts per funnel step, in the steps' order.
pub type StepCounts = Vec<(FunnelStep, u64)>;

pub struct Funnel {
    pub counts: StepCounts,
    /// Counts per site (None: no site), sites by name.
    pub by_site: Vec<(Option<Site>, StepCounts)>,
    /// Counts per facilitator (of the group, or the screener before a group).
    pub by_facilitator: Vec<(Id, String, StepCounts)>,
    pub listed: Vec<FunnelEntry>,
    pub sites: Vec<Site>,
}

/// The screening-to-completion funnel over the people the caller may see,
/// with counts per site and per facilitator and (when a step is chosen) the
/// people at it. The audit entry names every client listed.
#[crate::boxing::boxed_future]
pub async fn funnel(state: &AppState, me: &Identity, filter: &FunnelFilter) -> AppResult<Funnel> {
    if !me.actor().can_hold_caseload() {
        deny(state, me, "funnel", None).await?;
        return Err(Error::forbidden(msg("app-funnel-staff"), &[]));
    }
    let rows = state.store.funnel_rows(&me.user.id).await?;
    let pairs = state.store.group_facilitator_pairs().await?;
    let staff: BTreeMap<Id, String> = state.store.users().await?.into_iter().map(|u| (u.id, u.name)).collect();
    let facilitators_of = |row: &rapport_store::groups::FunnelRow| -> Vec<Id> {
        match &row.group_id {
            Some(g) => pairs.iter().filter(|(pg, _)| pg == g).map(|(_, u)| u.clone()).collect(),
            None => row.screened_by.iter().cloned().collect(),
        }
    };
    let needed = |row: &rapport_store::groups::FunnelRow| -> u32 {
        row.protocol_id
            .as_deref()
            .and_then(|p| state.config.protocols.get(p))
            .and_then(|p| p.group_format.as_ref())
            .map(|g| g.attended_for_completion)
            .unwrap_or(0)
    };
    let person = |row: &rapport_store::groups::FunnelRow| FunnelPerson {
        screening: row.screening,
        member: row.member_status,
        attended: row.attended,
        attended_needed: needed(row),
    };
    let rows: Vec<_> = rows
        .into_iter()
        .filter(|r| filter.site.is_none() || r.site_id == filter.site)
        .filter(|r| filter.facilitator.as_ref().is_none_or(|f| facilitators_of(r).contains(f)))
        .collect();
    let people: Vec<FunnelPerson> = rows.iter().map(person).collect();
    let counts = funnel_counts(&people);
    let sites = state.store.sites().await?;
    let mut by_site = Vec::new();
    for site in sites.iter().map(Some).chain(std::iter::once(None)) {
        let id = site.map(|s| s.id.clone());
        let group: Vec<FunnelPerson> = rows.iter().filter(|r| r.site_id == id).map(person).collect();
        if !group.is_empty() {
            by_site.push((site.cloned(), funnel_counts(&group)));
        }
    }
    let mut fac_ids: BTreeSet<Id> = BTreeSet::new();
    for r in &rows {
        fac_ids.extend(facilitators_of(r));
    }
    let mut by_facilitator: Vec<(Id, String, StepCounts)> = fac_ids
        .into_iter()
        .map(|f| {
            let group: Vec<FunnelPerson> =
                rows.iter().filter(|r| facilitators_of(r).contains(&f)).map(person).collect();
            let name = staff.get(&f).cloned().unwrap_or_else(|| "Former staff".into());
            (f, name, funnel_counts(&group))
        })
        .collect();
    by_facilitator.sort_by(|a, b| a.1.cmp(&b.1));
    let listed: Vec<FunnelEntry> = match filter.step {
        None => Vec::new(),
        Some(step) => rows
            .iter()
            .filter(|r| step.reached_by(&person(r)))
            .map(|r| FunnelEntry {
                client_id: r.client_id.clone(),
                display_name: r.display_name.clone(),
                site_id: r.site_id.clone(),
                group_id: r.group_id.clone(),
                status: r.member_status,
                screening: r.screening,
                attended: r.attended,
            })
            .collect(),
    };
    let mut e = me.event(action::FUNNEL_READ, "funnel");
    e.detail = Some(clients_shown(listed.iter().map(|l| &l.client_id)));
    state.store.audit(e).await?;
    Ok(Funnel { counts, by_site, by_facilitator, listed, sites })
}

/// Adds `supervisee` to `supervisor`'s supervision (the CLI's `--supervisor`):
/// refused when it would make a circle.
#[crate::boxing::boxed_future]
pub async fn supervise(
    state: &AppState,
    supervisor: &Id,
    supervisee: &Id,
    event: rapport_core::audit::AuditEvent,
) -> AppResult<()> {
    if makes_circle(state, supervisor, supervisee).await? {
        return Err(Error::keyed("supervisor", msg("app-supervision-circle"), vec![]));
    }
    Ok(state.store.add_supervision(supervisor, supervisee, event).await?)
}

/// Whether `supervisor` supervising `supervisee` would close a circle: the
/// same person, or `supervisee` already supervises `supervisor` (directly or
/// down a chain). The one rule for the CLI and the administration form.
#[crate::boxing::boxed_future]
pub async fn makes_circle(state: &AppState, supervisor: &Id, supervisee: &Id) -> AppResult<bool> {
    Ok(supervisor == supervisee || state.store.supervision_reach(supervisee).await?.contains(supervisor))
}

// ---- For the staff pages ----

/// Active staff who may run a group (hold a caseload, facilitators
/// included), by name: the choices of the new-group form (organisers only).
#[crate::boxing::boxed_future]
pub async fn facilitator_choices(state: &AppState, me: &Identity) -> AppResult<Vec<rapport_store::users::User>> {
    require_organiser(me)?;
    let mut users: Vec<_> = state
        .store
        .users()
        .await?
        .into_iter()
        .filter(|u| {
            u.active && rapport_core::access::Actor { role: u.role, practises: u.practises }.can_hold_caseload()
        })
        .collect();
    users.sort_by_key(|u| u.name.to_lowercase());
    Ok(users)
}

/// Each listed group's facilitators' names ("Amina Okello and Grace
/// Nansubuga"), for the list of groups.
#[crate::boxing::boxed_future]
pub async fn facilitator_names(state: &AppState, groups: &[GroupRow]) -> AppResult<BTreeMap<Id, String>> {
    let pairs = state.store.group_facilitator_pairs().await?;
    let names: BTreeMap<Id, String> = state.store.users().await?.into_iter().map(|u| (u.id, u.name)).collect();
    Ok(groups
        .iter()
        .map(|g| {
            let list: Vec<&str> = pairs
                .iter()
                .filter(|(pg, _)| pg == &g.id)
                .filter_map(|(_, u)| names.get(u).map(String::as_str))
                .collect();
            (g.id.clone(), rapport_i18n::current().list(&list))
        })
        .collect())
}

/// The names of the caller's active supervisors: whom a facilitator calls
/// when a member's answer needs a check today.
#[crate::boxing::boxed_future]
pub async fn my_supervisors(state: &AppState, me: &Identity) -> AppResult<Vec<String>> {
    let mut names = Vec::new();
    for id in state.store.active_supervisors_of(&me.user.id).await? {
        if let Some(u) = state.store.user(&id).await? {
            names.push(u.name);
        }
    }
    Ok(names)
}

// ---- Machine clients (SMART Backend Services) ----

/// A group as a machine client with `system/Group.read` reads it: with its
/// members (an export cohort), audited in the client's name; 404 if unknown.
#[crate::boxing::boxed_future]
pub async fn group_for_machine(
    state: &AppState,
    sys: &crate::machine::SystemCaller,
    id: &str,
) -> AppResult<GroupDetail> {
    sys.require("Group")?;
    let detail = match Id::parse(id) {
        Some(gid) => state.store.group(&gid).await?,
        None => None,
    };
    let detail = detail.ok_or(Error::NotFound)?;
    let mut e = sys.event(action::GROUP_READ, "group");
    e.resource_id = Some(detail.group.id.to_string());
    e.detail = Some(clients_shown(detail.members.iter().map(|m| &m.client_id)));
    state.store.audit(e).await?;
    Ok(detail)
}

/// Every group of the organisation, with members, for a machine client (audited once).
#[crate::boxing::boxed_future]
pub async fn groups_for_machine(state: &AppState, sys: &crate::machine::SystemCaller) -> AppResult<Vec<GroupDetail>> {
    sys.require("Group")?;
    // `all`: the id only matters when not listing all.
    let rows = state.store.groups_for(&sys.client.id, true).await?;
    let mut groups = Vec::with_capacity(rows.len());
    for row in rows {
        if let Some(d) = state.store.group(&row.id).await? {
            groups.push(d);
        }
    }
    let mut e = sys.event(action::GROUP_LIST, "group");
    e.detail = Some(format!(
        "{} groups; {}",
        groups.len(),
        clients_shown(groups.iter().flat_map(|g| g.members.iter().map(|m| &m.client_id)))
    ));
    state.store.audit(e).await?;
    Ok(groups)
}
