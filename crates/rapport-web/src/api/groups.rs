//! API v1 for group IPT: sites, groups, members and their pre-group
//! sessions, meetings (attendance, a quick measure per member, notes, the
//! task), screening and the programme funnel. Thin: each handler calls one
//! use case of `rapport_app::groups` (the same ones the staff pages call) and
//! turns the answer into JSON.

use super::body::ApiJson;
use super::params::bad_query;
use crate::error::{ApiResult, AppError, ErrorBody};
use crate::identity::ApiCaller;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::IntoResponse;
use axum::Json;
use rapport_app::access::Purpose;
use rapport_app::caller::Identity;
use rapport_app::groups::{
    self, FunnelFilter, GroupAccess, GroupInput, GroupView, MeetingInput, MemberResponse, PreGroupInput, ScreeningInput,
};
use rapport_app::AppState;
use rapport_core::group::{group_phase, FunnelStep};
use rapport_core::time::format_date;
use rapport_core::Id;
use rapport_store::groups::{GroupRow, Member, Site};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::{IntoParams, OpenApi, ToSchema};

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/api/v1/sites", list_sites)
        .post("/api/v1/sites", create_site)
        .get("/api/v1/groups", list_groups)
        .post("/api/v1/groups", create_group)
        .get("/api/v1/groups/{id}", get_group)
        .post("/api/v1/groups/{id}/members", add_member)
        .post("/api/v1/groups/{id}/members/{client_id}/pre-group", record_pre_group)
        .post("/api/v1/groups/{id}/members/{client_id}/status", set_member_status)
        .post("/api/v1/groups/{id}/sessions", record_meeting)
        .post("/api/v1/groups/{id}/close", close_group)
        .post("/api/v1/screenings", screen)
        .get("/api/v1/programme/funnel", funnel)
}

#[derive(OpenApi)]
#[openapi(
    paths(list_sites, create_site, list_groups, create_group, get_group, add_member, record_pre_group, set_member_status,
          record_meeting, close_group, screen, funnel),
    components(schemas(SiteJson, NewSiteJson, GroupSummaryJson, GroupJson, NewGroupJson, FacilitatorJson, MemberJson,
                       MemberScoreJson, MeetingJson, NewMemberJson, PreGroupJson, PreGroupRecordedJson, MemberStatusJson,
                       Mark, NewMeetingJson, MemberResponseJson, MeetingRecordedJson, MemberFlagJson, MemberTotalJson,
                       NewScreeningJson, ScreenedJson, FunnelJson, FunnelCountsJson, SiteCountsJson,
                       FacilitatorCountsJson, FunnelEntryJson)),
    tags((name = "groups", description = "Group IPT: sites, groups, members, meetings, screening and the programme funnel"))
)]
pub struct GroupsDoc;

// ---- Sites ----

#[derive(Serialize, ToSchema)]
pub struct SiteJson {
    pub id: String,
    pub name: String,
    /// e.g. `village`, `school`, `clinic`; free text.
    pub kind: Option<String>,
}

impl From<Site> for SiteJson {
    fn from(s: Site) -> Self {
        SiteJson { id: s.id.to_string(), name: s.name, kind: s.kind }
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewSiteJson {
    /// 1 to 120 characters, unique.
    #[schema(min_length = 1, max_length = 120)]
    pub name: String,
    /// At most 60 characters.
    pub kind: Option<String>,
}

/// Every site (staff choose one for a client or a group).
#[utoipa::path(get, path = "/api/v1/sites", tag = "groups",
    responses((status = 200, body = [SiteJson]), (status = 401, body = ErrorBody)))]
pub async fn list_sites(State(state): State<AppState>, ApiCaller(me): ApiCaller) -> ApiResult<Json<Vec<SiteJson>>> {
    Ok(Json(groups::sites(&state, &me).await?.into_iter().map(SiteJson::from).collect()))
}

/// Creates a site (supervisors and administrators).
#[utoipa::path(post, path = "/api/v1/sites", tag = "groups", request_body = NewSiteJson,
    responses((status = 201, body = SiteJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_site(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    ApiJson(body): ApiJson<NewSiteJson>,
) -> ApiResult<impl IntoResponse> {
    let site = groups::create_site(&state, &me, &body.name, body.kind.as_deref()).await?;
    Ok((StatusCode::CREATED, Json(SiteJson::from(site))))
}

// ---- Groups ----

/// A group in a list (no member is named).
#[derive(Serialize, ToSchema)]
pub struct GroupSummaryJson {
    pub id: String,
    pub name: String,
    /// The group protocol's id, e.g. `ipt-group-who`.
    pub protocol: String,
    pub site_id: Option<String>,
    pub site_name: Option<String>,
    /// `pre_group`, `initial`, `middle`, `termination` or `finished`.
    pub phase: String,
    pub sessions_held: u32,
    pub sessions_remaining: u32,
    pub planned_sessions: u32,
    /// `YYYY-MM-DD`
    pub start_date: String,
    /// `HH:MM` local time, when set.
    pub meeting_time: Option<String>,
    pub single_gender: bool,
    /// Members still in the group (a count only).
    pub current_members: u32,
    pub closed: bool,
}

fn summary(state: &AppState, g: GroupRow) -> GroupSummaryJson {
    let phase = state
        .config
        .protocols
        .get(&g.protocol_id)
        .map(|p| group_phase(p, g.planned_sessions, g.sessions_held, g.closed_at.is_some()).as_str())
        .unwrap_or("finished");
    GroupSummaryJson {
        id: g.id.to_string(),
        phase: phase.into(),
        sessions_remaining: g.planned_sessions.saturating_sub(g.sessions_held),
        name: g.name,
        protocol: g.protocol_id,
        site_id: g.site_id.map(|s| s.to_string()),
        site_name: g.site_name,
        sessions_held: g.sessions_held,
        planned_sessions: g.planned_sessions,
        start_date: format_date(g.start_date),
        meeting_time: g.meeting_time,
        single_gender: g.single_gender,
        current_members: g.current_members,
        closed: g.closed_at.is_some(),
    }
}

#[derive(Serialize, ToSchema)]
pub struct FacilitatorJson {
    pub id: String,
    pub name: String,
    pub active: bool,
}

/// A score on the group's measure (the baseline first, then one per meeting attended).
#[derive(Serialize, ToSchema)]
pub struct MemberScoreJson {
    pub response_id: String,
    pub instrument: String,
    /// Null when withheld (too many items blank).
    pub total: Option<i64>,
    /// UTC, RFC 3339.
    pub completed_at: String,
    /// The meeting it was taken at (null: the pre-group baseline).
    pub session_id: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct MemberJson {
    pub client_id: String,
    pub display_name: String,
    /// `awaiting_pre_group`, `pre_group_done`, `active`, `completed`, `dropped_out` or `referred`.
    pub status: String,
    /// Why they dropped out, or where they were referred.
    pub status_reason: Option<String>,
    /// Problem area ids of the protocol (one or two).
    pub problem_areas: Vec<String>,
    pub goal: Option<String>,
    pub consent: bool,
    /// `YYYY-MM-DD` of the pre-group session, when held.
    pub pre_group_on: Option<String>,
    /// `YYYY-MM-DD` of the parent session (adolescent groups), when held.
    pub parent_session_on: Option<String>,
    pub sessions_attended: u32,
    pub scores: Vec<MemberScoreJson>,
}

fn member_json(view: &GroupView, m: &Member) -> MemberJson {
    MemberJson {
        client_id: m.client_id.to_string(),
        display_name: m.display_name.clone(),
        status: m.status.as_str().into(),
        status_reason: m.status_reason.clone(),
        problem_areas: m.problem_areas.clone(),
        goal: m.goal.clone(),
        consent: m.consent,
        pre_group_on: m.pre_group_on.map(format_date),
        parent_session_on: m.parent_session_on.map(format_date),
        sessions_attended: m.sessions_attended,
        scores: view
            .member_scores(&m.client_id)
            .into_iter()
            .map(|s| MemberScoreJson {
                response_id: s.response_id.to_string(),
                instrument: s.instrument_id.clone(),
                total: s.total,
                completed_at: s.completed_at.to_db(),
                session_id: s.group_session_id.as_ref().map(|i| i.to_string()),
            })
            .collect(),
    }
}

/// A meeting held.
#[derive(Serialize, ToSchema)]
pub struct MeetingJson {
    pub id: String,
    pub number: u32,
    /// `initial`, `middle` or `termination`.
    pub phase: String,
    /// `YYYY-MM-DD`
    pub date: String,
    pub attended: u32,
    pub absent: u32,
    /// Present for those who see members only.
    pub group_note: Option<String>,
    pub task: Option<String>,
    /// Agenda items ticked (1-based).
    pub agenda_done: Vec<u32>,
}

/// A group. `members` is empty, and the meetings carry no notes, for a caller
/// who only organises it (`access` = `organises`: an administrator, or the
/// supervisor who made it without supervising its facilitators).
#[derive(Serialize, ToSchema)]
pub struct GroupJson {
    pub id: String,
    pub name: String,
    pub protocol: String,
    pub protocol_name: String,
    pub site_id: Option<String>,
    pub site_name: Option<String>,
    /// `pre_group` (before meeting 1), `initial`, `middle`, `termination` (the phase of the next meeting) or `finished`.
    pub phase: String,
    pub sessions_held: u32,
    pub sessions_remaining: u32,
    /// From the protocol unless set when the group was made.
    pub planned_sessions: u32,
    /// The number of the next meeting; null once finished.
    pub next_session: Option<u32>,
    /// `YYYY-MM-DD`
    pub start_date: String,
    pub meeting_time: Option<String>,
    pub single_gender: bool,
    /// The protocol's size limits.
    pub size_min: u32,
    pub size_max: u32,
    /// The instrument taken at every meeting, e.g. `phq9`.
    pub measure: String,
    pub closed: bool,
    /// `facilitates`, `supervises` or `organises` (summary only: no members).
    pub access: String,
    pub current_members: u32,
    pub facilitators: Vec<FacilitatorJson>,
    /// Every member, current or not (empty for `organises` access).
    pub members: Vec<MemberJson>,
    pub sessions: Vec<MeetingJson>,
}

fn group_json(view: &GroupView) -> GroupJson {
    let g = &view.detail.group;
    let sees = view.access.sees_members();
    let format = view.format();
    GroupJson {
        id: g.id.to_string(),
        name: g.name.clone(),
        protocol: g.protocol_id.clone(),
        protocol_name: view.protocol.name.clone(),
        site_id: g.site_id.as_ref().map(|s| s.to_string()),
        site_name: g.site_name.clone(),
        phase: view.phase.as_str().into(),
        sessions_held: view.held(),
        sessions_remaining: view.remaining(),
        planned_sessions: g.planned_sessions,
        next_session: view.next_number(),
        start_date: format_date(g.start_date),
        meeting_time: g.meeting_time.clone(),
        single_gender: g.single_gender,
        size_min: format.size.min,
        size_max: format.size.max,
        measure: format.measure.clone(),
        closed: view.is_closed(),
        access: match view.access {
            GroupAccess::Facilitates => "facilitates",
            GroupAccess::Supervises => "supervises",
            GroupAccess::Organises => "organises",
        }
        .into(),
        current_members: g.current_members,
        facilitators: view
            .detail
            .facilitators
            .iter()
            .map(|f| FacilitatorJson { id: f.id.to_string(), name: f.name.clone(), active: f.active })
            .collect(),
        members: if sees { view.detail.members.iter().map(|m| member_json(view, m)).collect() } else { Vec::new() },
        sessions: view
            .detail
            .sessions
            .iter()
            .map(|s| MeetingJson {
                id: s.id.to_string(),
                number: s.number,
                phase: s.phase.clone(),
                date: format_date(s.held_on),
                attended: s.attended,
                absent: s.absent,
                group_note: if sees { s.group_note.clone() } else { None },
                task: if sees { s.task.clone() } else { None },
                agenda_done: s.agenda_done.clone(),
            })
            .collect(),
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewGroupJson {
    #[schema(min_length = 1, max_length = 120)]
    pub name: String,
    /// A group protocol id: `ipt-group-who`, `ipt-group-12` or `ipt-ag` (or one the site added).
    pub protocol: String,
    pub site_id: Option<String>,
    /// One or two active staff accounts that hold a caseload (usually facilitators).
    pub facilitator_ids: Vec<String>,
    /// `YYYY-MM-DD`
    pub start_date: String,
    /// `HH:MM` local time.
    pub meeting_time: Option<String>,
    /// Default: the protocol's.
    pub single_gender: Option<bool>,
    /// Default: the protocol's; within its range.
    pub planned_sessions: Option<u32>,
}

/// The groups the caller runs or supervises (every group for an administrator).
#[utoipa::path(get, path = "/api/v1/groups", tag = "groups",
    responses((status = 200, body = [GroupSummaryJson]), (status = 401, body = ErrorBody)))]
pub async fn list_groups(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
) -> ApiResult<Json<Vec<GroupSummaryJson>>> {
    let rows = groups::list(&state, &me).await?;
    Ok(Json(rows.into_iter().map(|g| summary(&state, g)).collect()))
}

/// The group after a change, as the caller may see it (the change was audited).
async fn reread(state: &AppState, me: &Identity, id: &str) -> ApiResult<GroupView> {
    Ok(groups::group_for(state, me, id, Purpose::Write).await?)
}

/// Creates a group (supervisors and administrators).
#[utoipa::path(post, path = "/api/v1/groups", tag = "groups", request_body = NewGroupJson,
    responses((status = 201, body = GroupJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_group(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    ApiJson(body): ApiJson<NewGroupJson>,
) -> ApiResult<impl IntoResponse> {
    let input = GroupInput {
        name: body.name,
        protocol: body.protocol,
        site_id: body.site_id,
        facilitator_ids: body.facilitator_ids,
        start_date: body.start_date,
        meeting_time: body.meeting_time,
        single_gender: body.single_gender,
        planned_sessions: body.planned_sessions,
    };
    let row = groups::create_group(&state, &me, &input).await?;
    let view = reread(&state, &me, row.id.as_str()).await?;
    let mut headers = HeaderMap::new();
    if let Ok(v) = HeaderValue::from_str(&format!("/api/v1/groups/{}", row.id)) {
        headers.insert(axum::http::header::LOCATION, v);
    }
    Ok((StatusCode::CREATED, headers, Json(group_json(&view))))
}

/// One group: its phase, meetings, facilitators and (for its facilitators and
/// their supervisors) its members. 404 for anyone else.
#[utoipa::path(get, path = "/api/v1/groups/{id}", tag = "groups", params(("id" = String, Path, description = "Group id")),
    responses((status = 200, body = GroupJson), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_group(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
) -> ApiResult<Json<GroupJson>> {
    let view = groups::group_for(&state, &me, &id, Purpose::AuditRead).await?;
    Ok(Json(group_json(&view)))
}

fn member_of(view: &GroupView, client_id: &str) -> ApiResult<MemberJson> {
    let m = Id::parse(client_id)
        .and_then(|c| view.detail.members.iter().find(|m| m.client_id == c))
        .ok_or(AppError::NotFound)?;
    Ok(member_json(view, m))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewMemberJson {
    /// A client the caller may see.
    pub client_id: String,
}

/// Adds a member (the group's facilitators join the client's care team).
/// Beyond the protocol's maximum size, or a finished group: 422.
#[utoipa::path(post, path = "/api/v1/groups/{id}/members", tag = "groups", params(("id" = String, Path, description = "Group id")),
    request_body = NewMemberJson,
    responses((status = 201, body = MemberJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_member(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<NewMemberJson>,
) -> ApiResult<impl IntoResponse> {
    groups::add_member(&state, &me, &id, &body.client_id).await?;
    let view = reread(&state, &me, &id).await?;
    Ok((StatusCode::CREATED, Json(member_of(&view, body.client_id.trim())?)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PreGroupJson {
    /// One or two of the protocol's problem area ids (e.g. `grief`, `role_dispute`).
    pub problem_areas: Vec<String>,
    /// The member's goal, 1 to 500 characters.
    pub goal: String,
    /// The member agreed to join the group (must be true).
    pub consent: bool,
    /// `YYYY-MM-DD`, default today; not in the future.
    pub held_on: Option<String>,
    /// `YYYY-MM-DD` of the parent session (adolescent groups).
    pub parent_session_on: Option<String>,
    /// The baseline on the group's measure: one answer per item, `null` for a blank.
    pub baseline: Option<Vec<Option<i64>>>,
}

#[derive(Serialize, ToSchema)]
pub struct PreGroupRecordedJson {
    pub member: MemberJson,
    /// The flag a positive risk answer in the baseline raised.
    pub risk_flag_id: Option<String>,
}

/// Records a member's pre-group session (area(s), goal, consent, baseline).
#[utoipa::path(post, path = "/api/v1/groups/{id}/members/{client_id}/pre-group", tag = "groups",
    params(("id" = String, Path, description = "Group id"), ("client_id" = String, Path, description = "Member's client id")),
    request_body = PreGroupJson,
    responses((status = 200, body = PreGroupRecordedJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn record_pre_group(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path((id, client_id)): Path<(String, String)>,
    ApiJson(body): ApiJson<PreGroupJson>,
) -> ApiResult<Json<PreGroupRecordedJson>> {
    let input = PreGroupInput {
        problem_areas: body.problem_areas,
        goal: body.goal,
        consent: body.consent,
        held_on: body.held_on,
        parent_session_on: body.parent_session_on,
        baseline: body.baseline,
    };
    let flag = groups::record_pre_group(&state, &me, &id, &client_id, &input).await?;
    let view = reread(&state, &me, &id).await?;
    Ok(Json(PreGroupRecordedJson { member: member_of(&view, &client_id)?, risk_flag_id: flag.map(|f| f.to_string()) }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MemberStatusJson {
    /// `completed`, `dropped_out` or `referred` (for a current member), or `active` (back into the group).
    pub status: String,
    /// Required for `dropped_out` and `referred`; at most 500 characters.
    pub reason: Option<String>,
}

/// Marks a member completed, dropped out or referred (or back to active).
#[utoipa::path(post, path = "/api/v1/groups/{id}/members/{client_id}/status", tag = "groups",
    params(("id" = String, Path, description = "Group id"), ("client_id" = String, Path, description = "Member's client id")),
    request_body = MemberStatusJson,
    responses((status = 200, body = MemberJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn set_member_status(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path((id, client_id)): Path<(String, String)>,
    ApiJson(body): ApiJson<MemberStatusJson>,
) -> ApiResult<Json<MemberJson>> {
    groups::set_member_status(&state, &me, &id, &client_id, &body.status, body.reason.as_deref()).await?;
    let view = reread(&state, &me, &id).await?;
    Ok(Json(member_of(&view, &client_id)?))
}

/// Attendance at a meeting.
#[derive(Deserialize, ToSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    Attended,
    Absent,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MemberResponseJson {
    /// A member marked `attended`.
    pub client_id: String,
    /// Instrument id, e.g. `phq9`.
    pub instrument: String,
    /// One answer per scored item, `null` for a blank.
    pub answers: Vec<Option<i64>>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewMeetingJson {
    /// `YYYY-MM-DD`, default today; not in the future, not before the previous meeting.
    pub date: Option<String>,
    /// Every current member: client id -> `attended` or `absent`.
    pub attendance: BTreeMap<String, Mark>,
    /// At most one per member present.
    #[serde(default)]
    pub responses: Vec<MemberResponseJson>,
    /// Client id -> a short note (at most 2000 characters).
    #[serde(default)]
    pub notes: BTreeMap<String, String>,
    pub group_note: Option<String>,
    /// The between-session task.
    pub task: Option<String>,
    /// The agenda items done (1-based positions in this meeting's agenda).
    #[serde(default)]
    pub agenda_done: Vec<u32>,
}

#[derive(Serialize, ToSchema)]
pub struct MemberFlagJson {
    pub client_id: String,
    pub flag_id: String,
}

#[derive(Serialize, ToSchema)]
pub struct MemberTotalJson {
    pub client_id: String,
    pub total: Option<i64>,
    pub band: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct MeetingRecordedJson {
    pub id: String,
    pub number: u32,
    /// `initial`, `middle` or `termination`.
    pub phase: String,
    /// One flag per member with a positive risk answer.
    pub risk_flag_ids: Vec<String>,
    /// The same flags with the member each is about.
    pub risk_flags: Vec<MemberFlagJson>,
    pub scores: Vec<MemberTotalJson>,
}

/// Records the group's next meeting in one transaction: attendance for every
/// current member, a response per member present (each positive risk answer
/// raises its own flag and the recorder's supervisors are told), notes, the
/// task and the agenda. A response for a member marked absent or not in the
/// group: 422, nothing stored. Past the last planned meeting (or closed): 409.
#[utoipa::path(post, path = "/api/v1/groups/{id}/sessions", tag = "groups", params(("id" = String, Path, description = "Group id")),
    request_body = NewMeetingJson,
    responses((status = 201, body = MeetingRecordedJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
              (status = 422, body = ErrorBody)))]
pub async fn record_meeting(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<NewMeetingJson>,
) -> ApiResult<impl IntoResponse> {
    let input = MeetingInput {
        date: body.date,
        attendance: body.attendance.into_iter().map(|(c, m)| (c, m == Mark::Attended)).collect(),
        responses: body
            .responses
            .into_iter()
            .map(|r| MemberResponse { client_id: r.client_id, instrument: r.instrument, answers: r.answers })
            .collect(),
        member_notes: body.notes.into_iter().collect(),
        group_note: body.group_note,
        task: body.task,
        agenda_done: body.agenda_done,
    };
    let rec = groups::record_meeting(&state, &me, &id, &input).await?;
    Ok((
        StatusCode::CREATED,
        Json(MeetingRecordedJson {
            id: rec.session_id.to_string(),
            number: rec.number,
            phase: rec.phase.as_str().into(),
            risk_flag_ids: rec.risk_flags.iter().map(|(_, f)| f.to_string()).collect(),
            risk_flags: rec
                .risk_flags
                .iter()
                .map(|(c, f)| MemberFlagJson { client_id: c.to_string(), flag_id: f.to_string() })
                .collect(),
            scores: rec
                .scores
                .into_iter()
                .map(|(c, total, band)| MemberTotalJson { client_id: c.to_string(), total, band })
                .collect(),
        }),
    ))
}

/// Ends the group (early, or after its last meeting); members still in it are completed.
#[utoipa::path(post, path = "/api/v1/groups/{id}/close", tag = "groups", params(("id" = String, Path, description = "Group id")),
    responses((status = 200, body = GroupJson), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn close_group(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
) -> ApiResult<Json<GroupJson>> {
    groups::close_group(&state, &me, &id).await?;
    let view = reread(&state, &me, &id).await?;
    Ok(Json(group_json(&view)))
}

// ---- Screening and the funnel ----

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewScreeningJson {
    /// A client the caller may see.
    pub client_id: String,
    /// The group protocol screened for; its eligibility rule (instrument, cut-off) applies.
    pub protocol: String,
    /// One answer per item of the protocol's screening instrument, `null` for a blank.
    pub answers: Vec<Option<i64>>,
    pub note: Option<String>,
    /// `YYYY-MM-DD`, default today; not in the future.
    pub date: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ScreenedJson {
    pub id: String,
    /// `eligible`, `not_eligible` or `referred` (a positive risk answer always refers).
    pub outcome: String,
    pub total: Option<i64>,
    pub band: Option<String>,
    pub risk_flag_id: Option<String>,
}

/// Screens a person for a group programme (through the one response pipeline).
#[utoipa::path(post, path = "/api/v1/screenings", tag = "groups", request_body = NewScreeningJson,
    responses((status = 201, body = ScreenedJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn screen(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    ApiJson(body): ApiJson<NewScreeningJson>,
) -> ApiResult<impl IntoResponse> {
    let input = ScreeningInput {
        client_id: body.client_id,
        protocol: body.protocol,
        answers: body.answers,
        note: body.note,
        date: body.date,
    };
    let s = groups::screen(&state, &me, &input).await?;
    Ok((
        StatusCode::CREATED,
        Json(ScreenedJson {
            id: s.id.to_string(),
            outcome: s.outcome.as_str().into(),
            total: s.total,
            band: s.band,
            risk_flag_id: s.risk_flag_id.map(|f| f.to_string()),
        }),
    ))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FunnelQuery {
    /// Only people at this site.
    pub site_id: Option<String>,
    /// Only people in this facilitator's groups (or screened by them, before a group).
    pub facilitator_id: Option<String>,
    /// List the people who reached this step: `screened`, `eligible`, `not_eligible`, `referred`,
    /// `pre_group_done`, `enrolled`, `attended`, `completed` or `dropped_out`.
    pub step: Option<String>,
}

/// How many people reached each step.
#[derive(Serialize, ToSchema, Default)]
pub struct FunnelCountsJson {
    pub screened: u64,
    pub eligible: u64,
    pub not_eligible: u64,
    pub referred: u64,
    pub pre_group_done: u64,
    pub enrolled: u64,
    /// Attended at least the protocol's number of meetings.
    pub attended: u64,
    pub completed: u64,
    pub dropped_out: u64,
}

fn counts_json(counts: &[(FunnelStep, u64)]) -> FunnelCountsJson {
    let mut c = FunnelCountsJson::default();
    for (step, n) in counts {
        let slot = match step {
            FunnelStep::Screened => &mut c.screened,
            FunnelStep::Eligible => &mut c.eligible,
            FunnelStep::NotEligible => &mut c.not_eligible,
            FunnelStep::Referred => &mut c.referred,
            FunnelStep::PreGroupDone => &mut c.pre_group_done,
            FunnelStep::Enrolled => &mut c.enrolled,
            FunnelStep::Attended => &mut c.attended,
            FunnelStep::Completed => &mut c.completed,
            FunnelStep::DroppedOut => &mut c.dropped_out,
        };
        *slot = *n;
    }
    c
}

#[derive(Serialize, ToSchema)]
pub struct SiteCountsJson {
    /// Null: people with no site.
    pub site_id: Option<String>,
    pub site_name: Option<String>,
    pub counts: FunnelCountsJson,
}

#[derive(Serialize, ToSchema)]
pub struct FacilitatorCountsJson {
    pub user_id: String,
    pub name: String,
    pub counts: FunnelCountsJson,
}

#[derive(Serialize, ToSchema)]
pub struct FunnelEntryJson {
    pub client_id: String,
    pub display_name: String,
    pub site_id: Option<String>,
    pub group_id: Option<String>,
    /// Their status in the group, if in one.
    pub status: Option<String>,
    /// Their latest screening's outcome, if screened.
    pub screening: Option<String>,
    pub attended: u32,
}

#[derive(Serialize, ToSchema)]
pub struct FunnelJson {
    pub counts: FunnelCountsJson,
    pub by_site: Vec<SiteCountsJson>,
    pub by_facilitator: Vec<FacilitatorCountsJson>,
    /// The people at `step` (empty without one).
    pub listed: Vec<FunnelEntryJson>,
}

fn id_param(field: &str, raw: Option<&str>) -> Result<Option<Id>, AppError> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => Id::parse(s).map(Some).ok_or_else(|| AppError::invalid(field, format!("{field} must be an id"))),
    }
}

/// The screening-to-completion funnel over the people the caller may see,
/// per site and per facilitator, with the people at one step.
#[utoipa::path(get, path = "/api/v1/programme/funnel", tag = "groups", params(FunnelQuery),
    responses((status = 200, body = FunnelJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn funnel(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    params: Result<Query<FunnelQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<FunnelJson>> {
    let Query(q) = params.map_err(bad_query)?;
    let step = match q.step.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => Some(FunnelStep::parse(s).ok_or_else(|| {
            let steps: Vec<&str> = FunnelStep::ALL.iter().map(|s| s.as_str()).collect();
            AppError::invalid("step", format!("step must be one of {}", steps.join(", ")))
        })?),
    };
    let filter = FunnelFilter {
        site: id_param("site_id", q.site_id.as_deref())?,
        facilitator: id_param("facilitator_id", q.facilitator_id.as_deref())?,
        step,
    };
    let f = groups::funnel(&state, &me, &filter).await?;
    Ok(Json(FunnelJson {
        counts: counts_json(&f.counts),
        by_site: f
            .by_site
            .iter()
            .map(|(site, counts)| SiteCountsJson {
                site_id: site.as_ref().map(|s| s.id.to_string()),
                site_name: site.as_ref().map(|s| s.name.clone()),
                counts: counts_json(counts),
            })
            .collect(),
        by_facilitator: f
            .by_facilitator
            .iter()
            .map(|(id, name, counts)| FacilitatorCountsJson {
                user_id: id.to_string(),
                name: name.clone(),
                counts: counts_json(counts),
            })
            .collect(),
        listed: f
            .listed
            .into_iter()
            .map(|l| FunnelEntryJson {
                client_id: l.client_id.to_string(),
                display_name: l.display_name,
                site_id: l.site_id.map(|s| s.to_string()),
                group_id: l.group_id.map(|g| g.to_string()),
                status: l.status.map(|s| s.as_str().into()),
                screening: l.screening.map(|s| s.as_str().into()),
                attended: l.attended,
            })
            .collect(),
    }))
}
