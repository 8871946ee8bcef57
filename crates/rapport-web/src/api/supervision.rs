//! API v1 for supervision and fidelity: the checklists, ratings of a
//! session, the supervisor's dashboard, supervision meetings, trainings and
//! a person's professional record (hours, trainings, certification
//! progress). Thin: each handler calls one use case of
//! `rapport_app::fidelity` or `rapport_app::supervision`.

use super::body::ApiJson;
use crate::error::{ApiResult, ErrorBody};
use crate::identity::ApiCaller;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::Json;
use rapport_app::fidelity::{self, RatingInput};
use rapport_app::recordings;
use rapport_app::supervision::{self, MeetingInput, TrainingInput};
use rapport_app::AppState;
use rapport_core::fidelity::Agreement;
use rapport_core::time::format_date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::{OpenApi, ToSchema};

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/api/v1/fidelity-checklists", list_checklists)
        .get("/api/v1/sessions/{id}/fidelity", session_ratings)
        .post("/api/v1/sessions/{id}/fidelity", rate_session)
        .get("/api/v1/supervision/cases", cases)
        .get("/api/v1/supervision/meetings", list_meetings)
        .post("/api/v1/supervision/meetings", create_meeting)
        .post("/api/v1/trainings", create_training)
        .get("/api/v1/users/{id}/professional-record", professional_record)
        .post("/api/v1/users/{id}/certifications", certify)
        .get("/api/v1/sessions/{id}/recordings", list_recordings)
        // Audio is larger than every other body: this route alone takes up to the recording limit.
        .add(
            axum::http::Method::POST,
            "/api/v1/sessions/{id}/recordings",
            axum::routing::post(upload_recording)
                .layer(axum::extract::DefaultBodyLimit::max(recordings::MAX_RECORDING_BYTES + 1024)),
        )
        .get("/api/v1/recordings/{id}/audio", play_recording)
}

#[derive(OpenApi)]
#[openapi(
    paths(list_checklists, session_ratings, rate_session, cases, list_meetings, create_meeting, create_training,
          professional_record, certify, list_recordings, upload_recording, play_recording),
    components(schemas(FidelityChecklistJson, ScaleJson, FidelityItemJson, NewRatingJson, RatedJson, AgreementJson,
                       ItemAgreementJson, FidelityRatingJson, SessionRatingsJson, CaseJson, GroupCaseJson, CasesJson,
                       NewSupervisionMeetingJson, NewActionJson, SupervisionMeetingJson, ActionJson, SupervisionCreatedJson, NewTrainingJson,
                       ProfessionalRecordJson, HoursJson, TrainingJson, CertificationJson, PathwayProgressJson,
                       RequirementJson, NewCertificationJson, RecordingJson)),
    tags((name = "supervision", description = "Fidelity ratings of sessions, the supervision dashboard, supervision meetings, trainings and certification"))
)]
pub struct SupervisionDoc;

#[derive(Serialize, ToSchema)]
pub struct ScaleJson {
    pub min: i64,
    pub max: i64,
    /// One label per point, from `min` to `max` (may be empty).
    pub labels: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct FidelityItemJson {
    pub id: String,
    pub text: String,
    /// `initial`, `middle`, `termination` or `any`.
    pub phase: String,
    /// Only for courses working on this problem area.
    pub area: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct FidelityChecklistJson {
    pub id: String,
    pub version: String,
    pub name: String,
    pub description: String,
    /// `individual`, `group` or `any`.
    pub format: String,
    /// Who may rate with it: `self`, `supervisor`, `peer`.
    pub raters: Vec<String>,
    pub scale: ScaleJson,
    /// The mean of the rated items must reach this to pass.
    pub pass_mean: f64,
    /// And at least this many items must be rated.
    pub pass_min_items: usize,
    pub items: Vec<FidelityItemJson>,
}

/// The organisation's fidelity checklists (shipped and the site's own).
#[utoipa::path(get, path = "/api/v1/fidelity-checklists", tag = "supervision",
    responses((status = 200, body = [FidelityChecklistJson]), (status = 401, body = ErrorBody)))]
pub async fn list_checklists(
    State(state): State<AppState>,
    ApiCaller(_me): ApiCaller,
) -> Json<Vec<FidelityChecklistJson>> {
    Json(
        state
            .config
            .fidelity
            .all()
            .iter()
            .map(|c| FidelityChecklistJson {
                id: c.id.clone(),
                version: c.version.clone(),
                name: c.name.clone(),
                description: c.description.clone(),
                format: serde_json::to_value(c.format)
                    .ok()
                    .and_then(|v| v.as_str().map(String::from))
                    .unwrap_or_default(),
                raters: c.raters.iter().map(|r| r.as_str().to_string()).collect(),
                scale: ScaleJson { min: c.scale.min, max: c.scale.max, labels: c.scale.labels.clone() },
                pass_mean: c.pass.mean_at_least,
                pass_min_items: c.pass.min_items,
                items: c
                    .items
                    .iter()
                    .map(|i| FidelityItemJson {
                        id: i.id.clone(),
                        text: i.text.clone(),
                        phase: i.phase.as_str().into(),
                        area: i.area.clone(),
                    })
                    .collect(),
            })
            .collect(),
    )
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewRatingJson {
    /// A checklist id from `/api/v1/fidelity-checklists` for this kind of session.
    pub checklist: String,
    /// `self`, `supervisor` or `peer`.
    pub rater: String,
    /// Item id -> point on the checklist's scale.
    pub ratings: BTreeMap<String, i64>,
    pub comment: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ItemAgreementJson {
    pub item: String,
    #[serde(rename = "self")]
    pub self_rating: i64,
    pub supervisor: i64,
}

#[derive(Serialize, ToSchema)]
pub struct AgreementJson {
    pub items: Vec<ItemAgreementJson>,
    /// Share of the items both rated that got the same point (0-1).
    pub exact: Option<f64>,
    /// Share within one point (0-1).
    pub within_one: Option<f64>,
}

impl From<Agreement> for AgreementJson {
    fn from(a: Agreement) -> Self {
        AgreementJson {
            items: a
                .items
                .into_iter()
                .map(|i| ItemAgreementJson { item: i.item, self_rating: i.first, supervisor: i.second })
                .collect(),
            exact: a.exact,
            within_one: a.within_one,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct RatedJson {
    pub id: String,
    /// The mean of the rated items.
    pub score: f64,
    pub pass: bool,
    pub items_rated: usize,
    /// Against the latest rating from the other side (self or supervisor) with this checklist, if any.
    pub agreement: Option<AgreementJson>,
}

/// Rates a session (an individual session id or a group meeting id). A
/// rater who may not see the session: 404; a rater kind the caller is not
/// (e.g. `supervisor` from someone who does not supervise the clinician): 403;
/// a rating off the scale or of an unknown item: 422 naming `ratings.<item>`.
#[utoipa::path(post, path = "/api/v1/sessions/{id}/fidelity", tag = "supervision",
    params(("id" = String, Path, description = "Session or group meeting id")), request_body = NewRatingJson,
    responses((status = 201, body = RatedJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn rate_session(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<NewRatingJson>,
) -> ApiResult<impl IntoResponse> {
    let input =
        RatingInput { checklist: body.checklist, rater: body.rater, ratings: body.ratings, comment: body.comment };
    let r = fidelity::rate(&state, &me, &id, &input).await?;
    Ok((
        StatusCode::CREATED,
        Json(RatedJson {
            id: r.id.to_string(),
            score: r.scored.mean,
            pass: r.scored.pass,
            items_rated: r.scored.items_rated,
            agreement: r.agreement.map(AgreementJson::from),
        }),
    ))
}

#[derive(Serialize, ToSchema)]
pub struct FidelityRatingJson {
    pub id: String,
    pub checklist: String,
    pub checklist_version: String,
    /// `self`, `supervisor` or `peer`.
    pub rater: String,
    pub rater_name: String,
    pub ratings: BTreeMap<String, i64>,
    pub score: f64,
    pub pass: bool,
    pub comment: Option<String>,
    pub rated_at: String,
}

#[derive(Serialize, ToSchema)]
pub struct SessionRatingsJson {
    /// The raters the caller may rate this session as.
    pub may_rate_as: Vec<String>,
    pub ratings: Vec<FidelityRatingJson>,
    /// Per checklist rated by both sides: the latest self-rating against the latest supervisor rating.
    pub agreements: BTreeMap<String, AgreementJson>,
}

/// A session's ratings and the self versus supervisor agreement.
#[utoipa::path(get, path = "/api/v1/sessions/{id}/fidelity", tag = "supervision",
    params(("id" = String, Path, description = "Session or group meeting id")),
    responses((status = 200, body = SessionRatingsJson), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn session_ratings(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
) -> ApiResult<Json<SessionRatingsJson>> {
    let s = fidelity::session_ratings(&state, &me, &id).await?;
    Ok(Json(SessionRatingsJson {
        may_rate_as: s.session.may_rate_as.iter().map(|r| r.as_str().to_string()).collect(),
        ratings: s
            .ratings
            .into_iter()
            .map(|r| FidelityRatingJson {
                id: r.id.to_string(),
                checklist: r.checklist_id,
                checklist_version: r.checklist_version,
                rater: r.rater.as_str().into(),
                rater_name: r.rater_name,
                ratings: r.ratings,
                score: r.mean,
                pass: r.pass,
                comment: r.comment,
                rated_at: r.rated_at.to_db(),
            })
            .collect(),
        agreements: s.agreements.into_iter().map(|(c, a)| (c, AgreementJson::from(a))).collect(),
    }))
}

#[derive(Serialize, ToSchema)]
pub struct CaseJson {
    pub client_id: String,
    pub client_name: String,
    pub course_id: String,
    pub clinician_id: String,
    pub clinician_name: String,
    pub protocol: String,
    pub sessions_held: u32,
    pub planned_sessions: u32,
    /// `initial`, `middle`, `termination` or `maintenance`.
    pub phase: String,
    /// Past the initial phase without an agreed formulation (or contract).
    pub initial_phase_overdue: bool,
    pub no_focus: bool,
    pub measures_overdue: usize,
    pub not_on_track: bool,
    pub open_risk_flags: usize,
    /// Hours since the oldest open flag was raised.
    pub oldest_flag_hours: Option<i64>,
    pub ending_unprepared: bool,
    pub over_contract: bool,
    pub fidelity_failed: bool,
    /// The latest fidelity rating of the course: mean, pass and rater.
    pub latest_fidelity_score: Option<f64>,
    pub latest_fidelity_pass: Option<bool>,
    /// Higher needs attention sooner; rows come in this order.
    pub attention: u32,
    /// The reasons in words, most urgent first.
    pub reasons: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct GroupCaseJson {
    pub group_id: String,
    pub name: String,
    pub protocol: String,
    pub sessions_held: u32,
    pub planned_sessions: u32,
    /// Attended places over recorded places (0-1); null before the first meeting.
    pub attendance: Option<f64>,
    pub dropped_out: u32,
    pub members_at_risk: u32,
}

#[derive(Serialize, ToSchema)]
pub struct CasesJson {
    pub cases: Vec<CaseJson>,
    pub groups: Vec<GroupCaseJson>,
}

/// The supervisor's dashboard: the open cases of everyone they supervise
/// (down the chain), needing attention first, and their groups.
#[utoipa::path(get, path = "/api/v1/supervision/cases", tag = "supervision",
    responses((status = 200, body = CasesJson), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn cases(State(state): State<AppState>, ApiCaller(me): ApiCaller) -> ApiResult<Json<CasesJson>> {
    let d = supervision::dashboard(&state, &me).await?;
    Ok(Json(CasesJson {
        cases: d
            .cases
            .into_iter()
            .map(|c| CaseJson {
                attention: c.indicators.attention(),
                reasons: c.indicators.reasons(),
                client_id: c.client_id.to_string(),
                client_name: c.client_name,
                course_id: c.course_id.to_string(),
                clinician_id: c.clinician_id.to_string(),
                clinician_name: c.clinician_name,
                protocol: c.protocol_name,
                sessions_held: c.progress.sessions_held,
                planned_sessions: c.progress.contracted,
                phase: c.progress.phase.as_str().into(),
                initial_phase_overdue: c.indicators.initial_phase_overdue,
                no_focus: c.indicators.no_focus,
                measures_overdue: c.indicators.measures_overdue,
                not_on_track: c.indicators.not_on_track,
                open_risk_flags: c.indicators.open_risk_flags,
                oldest_flag_hours: c.indicators.oldest_flag_hours,
                ending_unprepared: c.indicators.ending_unprepared,
                over_contract: c.indicators.over_contract,
                fidelity_failed: c.indicators.fidelity_failed,
                latest_fidelity_score: c.latest_fidelity.map(|f| f.0),
                latest_fidelity_pass: c.latest_fidelity.map(|f| f.1),
            })
            .collect(),
        groups: d
            .groups
            .into_iter()
            .map(|g| GroupCaseJson {
                group_id: g.group.id.to_string(),
                name: g.group.name,
                protocol: g.group.protocol_id,
                sessions_held: g.group.sessions_held,
                planned_sessions: g.group.planned_sessions,
                attendance: g.attendance,
                dropped_out: g.dropped_out,
                members_at_risk: g.members_at_risk,
            })
            .collect(),
    }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewActionJson {
    pub text: String,
    pub owner_id: Option<String>,
    /// `YYYY-MM-DD`.
    pub due_on: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewSupervisionMeetingJson {
    /// `individual` (one supervisee) or `group`.
    pub kind: String,
    /// `YYYY-MM-DD`, not in the future.
    pub held_on: String,
    /// 5 to 600.
    pub minutes: i64,
    pub supervisee_ids: Vec<String>,
    #[serde(default)]
    pub course_ids: Vec<String>,
    #[serde(default)]
    pub group_ids: Vec<String>,
    pub decisions: Option<String>,
    #[serde(default)]
    pub actions: Vec<NewActionJson>,
}

#[derive(Serialize, ToSchema)]
pub struct SupervisionCreatedJson {
    pub id: String,
}

/// Records a supervision meeting the caller led (supervisors).
#[utoipa::path(post, path = "/api/v1/supervision/meetings", tag = "supervision", request_body = NewSupervisionMeetingJson,
    responses((status = 201, body = SupervisionCreatedJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_meeting(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    ApiJson(body): ApiJson<NewSupervisionMeetingJson>,
) -> ApiResult<impl IntoResponse> {
    let group = match body.kind.as_str() {
        "individual" => false,
        "group" => true,
        _ => return Err(rapport_app::Error::invalid("kind", "kind must be individual or group").into()),
    };
    let input = MeetingInput {
        group,
        held_on: body.held_on,
        minutes: Some(body.minutes),
        decisions: body.decisions,
        supervisee_ids: body.supervisee_ids,
        course_ids: body.course_ids,
        group_ids: body.group_ids,
        actions: body.actions.into_iter().map(|a| (a.text, a.owner_id, a.due_on)).collect(),
    };
    let id = supervision::record_meeting(&state, &me, &input).await?;
    Ok((StatusCode::CREATED, Json(SupervisionCreatedJson { id: id.to_string() })))
}

#[derive(Serialize, ToSchema)]
pub struct ActionJson {
    pub text: String,
    pub owner_id: Option<String>,
    pub due_on: Option<String>,
    pub done: bool,
}

#[derive(Serialize, ToSchema)]
pub struct SupervisionMeetingJson {
    pub id: String,
    pub supervisor_id: String,
    pub supervisor_name: String,
    /// `individual` or `group`.
    pub kind: String,
    pub held_on: String,
    pub minutes: u32,
    pub decisions: Option<String>,
    pub supervisee_ids: Vec<String>,
    pub course_ids: Vec<String>,
    pub group_ids: Vec<String>,
    pub actions: Vec<ActionJson>,
}

/// Supervision meetings the caller led or attended, newest first.
#[utoipa::path(get, path = "/api/v1/supervision/meetings", tag = "supervision",
    responses((status = 200, body = [SupervisionMeetingJson]), (status = 401, body = ErrorBody)))]
pub async fn list_meetings(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
) -> ApiResult<Json<Vec<SupervisionMeetingJson>>> {
    let rows = supervision::meetings(&state, &me).await?;
    Ok(Json(
        rows.into_iter()
            .map(|m| SupervisionMeetingJson {
                id: m.id.to_string(),
                supervisor_id: m.supervisor_id.to_string(),
                supervisor_name: m.supervisor_name,
                kind: if m.group { "group" } else { "individual" }.into(),
                held_on: format_date(m.held_on),
                minutes: m.minutes,
                decisions: m.decisions,
                supervisee_ids: m.supervisees.iter().map(|(id, _)| id.to_string()).collect(),
                course_ids: m.cases.iter().filter_map(|(c, _, _)| c.as_ref().map(|c| c.to_string())).collect(),
                group_ids: m.cases.iter().filter_map(|(_, g, _)| g.as_ref().map(|g| g.to_string())).collect(),
                actions: m
                    .actions
                    .into_iter()
                    .map(|a| ActionJson {
                        text: a.text,
                        owner_id: a.owner_id.map(|o| o.to_string()),
                        due_on: a.due_on.map(format_date),
                        done: a.done_at.is_some(),
                    })
                    .collect(),
            })
            .collect(),
    ))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewTrainingJson {
    pub user_id: String,
    pub course_name: String,
    /// More than 0, at most 1000.
    pub hours: f64,
    pub trainer: Option<String>,
    /// `YYYY-MM-DD`, not in the future.
    pub held_on: String,
}

/// Records a training (the person themself, their supervisor or an administrator).
#[utoipa::path(post, path = "/api/v1/trainings", tag = "supervision", request_body = NewTrainingJson,
    responses((status = 201, body = SupervisionCreatedJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_training(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    ApiJson(body): ApiJson<NewTrainingJson>,
) -> ApiResult<impl IntoResponse> {
    let input = TrainingInput {
        user_id: body.user_id,
        course_name: body.course_name,
        hours: Some(body.hours),
        trainer: body.trainer,
        held_on: body.held_on,
    };
    let id = supervision::add_training(&state, &me, &input).await?;
    Ok((StatusCode::CREATED, Json(SupervisionCreatedJson { id: id.to_string() })))
}

#[derive(Serialize, ToSchema)]
pub struct HoursJson {
    pub supervision_minutes: i64,
    pub therapy_minutes: i64,
    /// Supervision hours per therapy hour.
    pub ratio: Option<f64>,
}

#[derive(Serialize, ToSchema)]
pub struct TrainingJson {
    pub id: String,
    pub course_name: String,
    pub hours: f64,
    pub trainer: Option<String>,
    pub held_on: String,
}

#[derive(Serialize, ToSchema)]
pub struct CertificationJson {
    pub pathway: String,
    pub certified_on: String,
    pub expires_on: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct RequirementJson {
    pub label: String,
    pub have: f64,
    pub need: f64,
    pub met: bool,
}

#[derive(Serialize, ToSchema)]
pub struct PathwayProgressJson {
    pub pathway: String,
    pub name: String,
    pub complete: bool,
    /// Share of the requirements met (0-1).
    pub share: f64,
    pub requirements: Vec<RequirementJson>,
}

#[derive(Serialize, ToSchema)]
pub struct ProfessionalRecordJson {
    pub user_id: String,
    pub name: String,
    pub hours: HoursJson,
    pub trainings: Vec<TrainingJson>,
    pub certifications: Vec<CertificationJson>,
    pub pathways: Vec<PathwayProgressJson>,
}

/// A person's hours, trainings, certifications and progress on each
/// certification pathway (themself, their supervisors, administrators; 404 otherwise).
#[utoipa::path(get, path = "/api/v1/users/{id}/professional-record", tag = "supervision",
    params(("id" = String, Path, description = "Staff user id")),
    responses((status = 200, body = ProfessionalRecordJson), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn professional_record(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
) -> ApiResult<Json<ProfessionalRecordJson>> {
    let r = supervision::professional_record(&state, &me, &id).await?;
    Ok(Json(ProfessionalRecordJson {
        user_id: r.user.id.to_string(),
        name: r.user.name,
        hours: HoursJson {
            supervision_minutes: r.hours.supervision_minutes,
            therapy_minutes: r.hours.therapy_minutes,
            ratio: r.hours.ratio,
        },
        trainings: r
            .trainings
            .into_iter()
            .map(|t| TrainingJson {
                id: t.id.to_string(),
                course_name: t.course_name,
                hours: t.hours_tenths as f64 / 10.0,
                trainer: t.trainer,
                held_on: format_date(t.held_on),
            })
            .collect(),
        certifications: r
            .certifications
            .into_iter()
            .map(|c| CertificationJson {
                pathway: c.pathway_id,
                certified_on: format_date(c.certified_on),
                expires_on: c.expires_on.map(format_date),
            })
            .collect(),
        pathways: r
            .pathways
            .into_iter()
            .map(|(p, pr)| PathwayProgressJson {
                pathway: p.id,
                name: p.name,
                complete: pr.complete,
                share: pr.share,
                requirements: pr
                    .requirements
                    .into_iter()
                    .map(|q| RequirementJson { label: q.label, have: q.have, need: q.need, met: q.met })
                    .collect(),
            })
            .collect(),
    }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewCertificationJson {
    pub pathway: String,
    /// `YYYY-MM-DD`, not in the future.
    pub certified_on: String,
}

/// Records a certification (a supervisor of the person, or an administrator).
#[utoipa::path(post, path = "/api/v1/users/{id}/certifications", tag = "supervision",
    params(("id" = String, Path, description = "Staff user id")), request_body = NewCertificationJson,
    responses((status = 204), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn certify(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<NewCertificationJson>,
) -> ApiResult<StatusCode> {
    supervision::certify(&state, &me, &id, &body.pathway, &body.certified_on).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct RecordingJson {
    pub id: String,
    pub session_id: String,
    pub uploaded_by: String,
    pub consent_note: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub uploaded_at: String,
    /// When the audio is deleted (the organisation's retention period).
    pub delete_after: String,
    /// Set once the audio was deleted; it can no longer be played.
    pub deleted_at: Option<String>,
    /// Where to play it (while kept).
    pub audio_href: Option<String>,
}

impl From<rapport_store::fidelity::RecordingRow> for RecordingJson {
    fn from(r: rapport_store::fidelity::RecordingRow) -> Self {
        RecordingJson {
            audio_href: r.deleted_at.is_none().then(|| format!("/api/v1/recordings/{}/audio", r.id)),
            id: r.id.to_string(),
            session_id: r.session_id.to_string(),
            uploaded_by: r.uploaded_by.to_string(),
            consent_note: r.consent_note,
            content_type: r.content_type,
            size_bytes: r.size_bytes,
            uploaded_at: r.uploaded_at.to_db(),
            delete_after: r.delete_after.to_db(),
            deleted_at: r.deleted_at.map(|t| t.to_db()),
        }
    }
}

#[derive(Deserialize, utoipa::IntoParams)]
pub struct UploadQuery {
    /// How the client consented to the recording (10 to 1000 characters).
    pub consent_note: Option<String>,
}

/// Uploads a session recording (the raw audio as the body, its type as
/// `Content-Type`), by the clinician who ran the session, when the
/// organisation takes recordings.
#[utoipa::path(post, path = "/api/v1/sessions/{id}/recordings", tag = "supervision",
    params(("id" = String, Path, description = "Session id"), UploadQuery),
    request_body(content = Vec<u8>, content_type = "audio/mpeg"),
    responses((status = 201, body = RecordingJson), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 413, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn upload_recording(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    axum::extract::Query(q): axum::extract::Query<UploadQuery>,
    headers: axum::http::HeaderMap,
    body: axum::body::Bytes,
) -> ApiResult<impl IntoResponse> {
    let content_type =
        headers.get(axum::http::header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    let consent = q.consent_note.unwrap_or_default();
    let rec = recordings::upload(&state, &me, &id, &consent, &content_type, body.to_vec()).await?;
    Ok((StatusCode::CREATED, Json(RecordingJson::from(rec))))
}

/// A session's recordings, for the clinician who ran it and their
/// supervisors (others see an empty list when they can see the session).
#[utoipa::path(get, path = "/api/v1/sessions/{id}/recordings", tag = "supervision",
    params(("id" = String, Path, description = "Session id")),
    responses((status = 200, body = [RecordingJson]), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn list_recordings(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<RecordingJson>>> {
    Ok(Json(recordings::of_session(&state, &me, &id).await?.into_iter().map(RecordingJson::from).collect()))
}

/// Plays a recording (audited): the clinician who ran the session and
/// their supervisors only; 404 for anyone else and once deleted.
#[utoipa::path(get, path = "/api/v1/recordings/{id}/audio", tag = "supervision",
    params(("id" = String, Path, description = "Recording id")),
    responses((status = 200, content_type = "audio/mpeg", body = Vec<u8>), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody)))]
pub async fn play_recording(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
) -> ApiResult<impl IntoResponse> {
    let (content_type, audio) = recordings::play(&state, &me, &id).await?;
    Ok((
        [(axum::http::header::CONTENT_TYPE, content_type), (axum::http::header::CACHE_CONTROL, "no-store".to_string())],
        audio,
    ))
}
