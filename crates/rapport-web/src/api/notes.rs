//! API v1 for session notes: the progress note (drafts carry the version they
//! started from; a stale or signed note answers 409), signing, addenda, and the
//! process note, which only its author (and the author's supervisor while it is
//! shared) can read; everyone else gets 404. Same rules as the session page.

use super::body::ApiJson;
use crate::error::{ApiResult, AppError, ErrorBody};
use crate::identity::ApiCaller;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::Json;
use rapport_app::access::session::{process_note_for, session_for, SessionContext};
use rapport_app::sessions;
use rapport_app::AppState;
use rapport_core::notes::{ProgressNote, RawProgressNote};
use rapport_core::{Id, ValidationErrors};
use rapport_store::notes::{Addendum, NoteWrite, ProcessNoteRecord, ProgressNoteRecord};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/api/v1/sessions/{id}/note", get_note)
        .get("/api/v1/sessions/{id}/diary", get_diary)
        .put("/api/v1/sessions/{id}/note", put_note)
        .post("/api/v1/sessions/{id}/note/sign", sign_note)
        .post("/api/v1/sessions/{id}/note/addenda", add_addendum)
        .get("/api/v1/sessions/{id}/process-note", get_process_note)
        .put("/api/v1/sessions/{id}/process-note", put_process_note)
        .post("/api/v1/sessions/{id}/process-note/share", share_process_note)
}

#[derive(OpenApi)]
#[openapi(
    paths(get_note, get_diary, put_note, sign_note, add_addendum, get_process_note, put_process_note, share_process_note),
    components(schemas(SessionDiaryJson, DiaryEntryJson, ProgressNoteJson, EventJson, AddendumJson, NoteInputJson, SignJson, AddendumInputJson, ProcessNoteJson, ProcessNoteInputJson, ShareJson)),
    tags((name = "notes", description = "Session notes: the structured progress note (draft, signed, addenda) and the private process note"))
)]
pub struct NotesDoc;

#[derive(Serialize, Deserialize, ToSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct EventJson {
    /// What happened with another person since the last session.
    #[schema(max_length = 1000)]
    pub text: String,
    /// `better`, `worse` or `no_change`; may be left out in a draft, required to sign.
    #[schema(pattern = "^(better|worse|no_change)$")]
    pub effect: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct AddendumJson {
    pub id: String,
    pub text: String,
    pub author: String,
    pub created_at: String,
}

#[derive(Serialize, ToSchema)]
pub struct ProgressNoteJson {
    pub session_id: String,
    pub course_id: String,
    pub client_id: String,
    /// `none` (no note yet: PUT one with version 0), `draft` or `signed`.
    pub status: String,
    /// Send it back with the next PUT or sign; 0 when there is no note yet.
    pub version: i64,
    /// Mood since the last session, 0 (worst) to 10 (best).
    pub mood: Option<u8>,
    pub events: Vec<EventJson>,
    pub problem_area_work: Option<String>,
    /// Technique codes (ipt-model.md section 8), e.g. `communication_analysis`.
    pub techniques: Vec<String>,
    pub work_set: Option<String>,
    pub work_reviewed: Option<String>,
    /// `none_identified` or `identified`.
    pub risk: Option<String>,
    pub risk_detail: Option<String>,
    pub plan: Option<String>,
    pub author: Option<String>,
    pub updated_by: Option<String>,
    pub updated_at: Option<String>,
    pub signed_by: Option<String>,
    pub signed_at: Option<String>,
    /// Signed with `identified`: the risk flag raised by signing, or the open flag it was linked to.
    pub risk_flag_id: Option<String>,
    /// Signed with `none_identified` while this risk flag was open (confirmed by the signer).
    pub open_flag_at_signing: Option<String>,
    /// Oldest first. Only signed notes have addenda.
    pub addenda: Vec<AddendumJson>,
}

fn note_json(sx: &SessionContext, n: Option<&ProgressNoteRecord>, addenda: Vec<Addendum>) -> ProgressNoteJson {
    let empty = ProgressNote::default();
    let b = n.map(|n| &n.body).unwrap_or(&empty);
    ProgressNoteJson {
        session_id: sx.id().to_string(),
        course_id: sx.cx.course.id.to_string(),
        client_id: sx.cx.client.id.to_string(),
        status: n.map(|n| n.status.as_str()).unwrap_or("none").into(),
        version: n.map(|n| n.version).unwrap_or(0),
        mood: b.mood,
        events: b
            .events
            .iter()
            .map(|e| EventJson { text: e.text.clone(), effect: e.effect.map(|x| x.as_str().into()) })
            .collect(),
        problem_area_work: b.problem_area_work.clone(),
        techniques: b.techniques.iter().map(|t| t.as_str().into()).collect(),
        work_set: b.work_set.clone(),
        work_reviewed: b.work_reviewed.clone(),
        risk: b.risk.map(|r| r.as_str().into()),
        risk_detail: b.risk_detail.clone(),
        plan: b.plan.clone(),
        author: n.map(|n| n.author_name.clone()),
        updated_by: n.map(|n| n.updated_by_name.clone()),
        updated_at: n.map(|n| n.updated_at.to_db()),
        signed_by: n.and_then(|n| n.signed_by_name.clone()),
        signed_at: n.and_then(|n| n.signed_at.map(|t| t.to_db())),
        risk_flag_id: n.and_then(|n| n.risk_flag_id.as_ref().map(|f| f.to_string())),
        open_flag_at_signing: n.and_then(|n| n.open_flag_at_signing.as_ref().map(|f| f.to_string())),
        addenda: addenda
            .into_iter()
            .map(|a| AddendumJson {
                id: a.id.to_string(),
                text: a.text,
                author: a.author_name,
                created_at: a.created_at.to_db(),
            })
            .collect(),
    }
}

async fn full_note(
    state: &AppState,
    sx: &SessionContext,
    n: Option<&ProgressNoteRecord>,
) -> Result<ProgressNoteJson, AppError> {
    Ok(note_json(sx, n, sessions::addenda_of(state, n).await?))
}

/// The note written, or 409 when the write found it changed or signed.
fn written(w: NoteWrite<ProgressNoteRecord>, version: i64) -> Result<ProgressNoteRecord, AppError> {
    match w {
        NoteWrite::Saved(n) => Ok(n),
        NoteWrite::Stale(cur) => Err(AppError::Conflict(format!(
            "The note changed since version {version}: {} saved version {} at {}. GET it, merge, and send version {}.",
            cur.updated_by_name,
            cur.version,
            cur.updated_at.to_db(),
            cur.version
        ))),
        NoteWrite::Signed(cur) => Err(AppError::Conflict(format!(
            "The note is signed{} and can no longer change; add an addendum instead.",
            cur.signed_by_name.as_deref().map(|n| format!(" by {n}")).unwrap_or_default()
        ))),
    }
}

/// The session's progress note (status `none` and version 0 when there is none yet).
#[utoipa::path(get, path = "/api/v1/sessions/{id}/note", tag = "notes", params(("id" = String, Path, description = "Session id")),
    responses((status = 200, body = ProgressNoteJson), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_note(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
) -> ApiResult<Json<ProgressNoteJson>> {
    let sx = session_for(&state, &me, None, &id).await?;
    let (n, addenda) = sessions::read_note(&state, &me, &sx, "progress note via API").await?;
    Ok(Json(note_json(&sx, n.as_ref(), addenda)))
}

/// The client's portal diary for a session: what they wrote since the
/// previous held session, up to the session's day, and the check-in it asks for.
#[derive(Serialize, ToSchema)]
pub struct SessionDiaryJson {
    /// Newest first, at most 100.
    pub entries: Vec<DiaryEntryJson>,
    /// The newest of the newest 7 moods in the window that asks for a
    /// check-in; null when none. Not a risk flag.
    pub check_in: Option<super::clients::CheckInJson>,
}

/// One diary entry as the client wrote it in the portal.
#[derive(Serialize, ToSchema)]
pub struct DiaryEntryJson {
    pub id: String,
    /// The day it is about, `YYYY-MM-DD`.
    pub date: String,
    #[schema(minimum = 0, maximum = 10)]
    pub mood: Option<u8>,
    pub person: Option<String>,
    pub event: Option<String>,
    /// `better`, `worse` or `no_change`.
    pub effect: Option<String>,
    /// When it was written (UTC).
    pub created_at: String,
}

/// The client's diary since the previous held session, with its "check in"
/// (a diary mood at the bottom of the scale or 4 or more below the recent average).
#[utoipa::path(get, path = "/api/v1/sessions/{id}/diary", tag = "notes", params(("id" = String, Path, description = "Session id")),
    responses((status = 200, body = SessionDiaryJson), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_diary(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
) -> ApiResult<Json<SessionDiaryJson>> {
    let sx = session_for(&state, &me, None, &id).await?;
    let d = sessions::session_diary(&state, &me, &sx, "via API").await?;
    Ok(Json(SessionDiaryJson {
        entries: d
            .entries
            .iter()
            .map(|r| DiaryEntryJson {
                id: r.id.to_string(),
                date: rapport_core::time::format_date(r.entry.date),
                mood: r.entry.mood,
                person: r.entry.person.clone(),
                event: r.entry.event.clone(),
                effect: r.entry.effect.map(|e| e.as_str().to_string()),
                created_at: r.created_at.to_db(),
            })
            .collect(),
        check_in: d.check_in.as_ref().map(super::clients::CheckInJson::from),
    }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NoteInputJson {
    /// The version this edit started from (0 for a new note). A different stored
    /// version answers 409 and nothing is written.
    #[schema(minimum = 0)]
    pub version: i64,
    #[schema(minimum = 0, maximum = 10)]
    pub mood: Option<i64>,
    #[serde(default)]
    #[schema(max_items = 20)]
    pub events: Vec<EventJson>,
    #[schema(max_length = 8000)]
    pub problem_area_work: Option<String>,
    /// Technique codes: exploration_nondirective, direct_elicitation, encouragement_of_affect,
    /// clarification, communication_analysis, therapeutic_relationship, directive,
    /// decision_analysis, role_play, adjunctive, between_session_work.
    #[serde(default)]
    pub techniques: Vec<String>,
    #[schema(max_length = 4000)]
    pub work_set: Option<String>,
    #[schema(max_length = 4000)]
    pub work_reviewed: Option<String>,
    /// `none_identified` or `identified` (required to sign).
    #[schema(pattern = "^(none_identified|identified)$")]
    pub risk: Option<String>,
    /// Required to sign when `risk` is `identified`.
    #[schema(max_length = 4000)]
    pub risk_detail: Option<String>,
    #[schema(max_length = 4000)]
    pub plan: Option<String>,
}

impl NoteInputJson {
    fn raw(self) -> RawProgressNote {
        RawProgressNote {
            mood: self.mood,
            events: self.events.into_iter().map(|e| (e.text, e.effect)).collect(),
            problem_area_work: self.problem_area_work,
            techniques: self.techniques,
            work_set: self.work_set,
            work_reviewed: self.work_reviewed,
            risk: self.risk,
            risk_detail: self.risk_detail,
            plan: self.plan,
        }
    }
}

/// Saves the progress note as a draft (the whole note: fields left out are cleared).
#[utoipa::path(put, path = "/api/v1/sessions/{id}/note", tag = "notes", params(("id" = String, Path, description = "Session id")),
    request_body = NoteInputJson,
    responses((status = 200, body = ProgressNoteJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody, description = "Stale version, or the note is signed"),
              (status = 422, body = ErrorBody)))]
pub async fn put_note(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<NoteInputJson>,
) -> ApiResult<Json<ProgressNoteJson>> {
    let sx = session_for(&state, &me, None, &id).await?;
    let version = body.version;
    if version < 0 {
        return Err(AppError::invalid("version", "version is 0 for a new note, or the version you started from").into());
    }
    let (_, w) = sessions::save_progress_note(&state, &me, &sx, &body.raw(), ValidationErrors::new(), version).await?;
    let n = written(w, version)?;
    Ok(Json(full_note(&state, &sx, Some(&n)).await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignJson {
    /// The version being signed: what the signer has read.
    #[schema(minimum = 1)]
    pub version: i64,
    /// Required (`true`) to sign "none_identified" while the client has a risk
    /// flag not yet closed: the signer confirms no risk was seen despite it,
    /// and the note records that flag. Ignored otherwise.
    #[serde(default)]
    pub confirm_open_flag: bool,
}

/// Signs the stored note (it must still be at `version`). A signed note never changes.
/// Signing with `risk` = `identified` raises a risk flag for the session in the
/// same transaction (or links the note to the client's open flag: `risk_flag_id`).
#[utoipa::path(post, path = "/api/v1/sessions/{id}/note/sign", tag = "notes", params(("id" = String, Path, description = "Session id")),
    request_body = SignJson,
    responses((status = 200, body = ProgressNoteJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody, description = "No such session, or no note yet"),
              (status = 409, body = ErrorBody, description = "Stale version, or already signed"),
              (status = 422, body = ErrorBody, description = "Incomplete: risk check missing, risk details missing, or an event without its effect; or no risk identified while a risk flag is open, without confirm_open_flag")))]
pub async fn sign_note(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<SignJson>,
) -> ApiResult<Json<ProgressNoteJson>> {
    let sx = session_for(&state, &me, None, &id).await?;
    if body.version < 1 {
        return Err(AppError::invalid("version", "version is the version of the note being signed (1 or more)").into());
    }
    let Some(w) = sessions::sign_stored_note(&state, &me, &sx, body.version, body.confirm_open_flag).await? else {
        return Err(AppError::invalid(
            "confirm_open_flag",
            "The client has an open risk flag: send confirm_open_flag true to sign \"no risk identified\"",
        )
        .into());
    };
    let n = written(w, body.version)?;
    Ok(Json(full_note(&state, &sx, Some(&n)).await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AddendumInputJson {
    #[schema(min_length = 1, max_length = 4000, pattern = r"\S")]
    pub text: String,
}

/// Adds an addendum to a signed note (append-only: addenda are never changed or removed).
#[utoipa::path(post, path = "/api/v1/sessions/{id}/note/addenda", tag = "notes", params(("id" = String, Path, description = "Session id")),
    request_body = AddendumInputJson,
    responses((status = 201, body = ProgressNoteJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody, description = "The note is still a draft"),
              (status = 422, body = ErrorBody)))]
pub async fn add_addendum(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<AddendumInputJson>,
) -> ApiResult<impl IntoResponse> {
    let sx = session_for(&state, &me, None, &id).await?;
    let n = sessions::add_addendum(&state, &me, &sx, &body.text, " via API").await?;
    Ok((StatusCode::CREATED, Json(full_note(&state, &sx, Some(&n)).await?)))
}

// ---------------------------------------------------------------- process notes

#[derive(Serialize, ToSchema)]
pub struct ProcessNoteJson {
    pub session_id: String,
    pub author_id: String,
    pub author: String,
    pub text: String,
    /// Readable by the author's supervisor while true.
    pub shared_with_supervisor: bool,
    pub version: i64,
    pub updated_at: String,
}

impl From<ProcessNoteRecord> for ProcessNoteJson {
    fn from(p: ProcessNoteRecord) -> Self {
        ProcessNoteJson {
            session_id: p.session_id.to_string(),
            author_id: p.author_id.to_string(),
            author: p.author_name,
            text: p.text,
            shared_with_supervisor: p.shared,
            version: p.version,
            updated_at: p.updated_at.to_db(),
        }
    }
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProcessQuery {
    /// Whose note (default: the caller's own). A supervisor reads a supervisee's
    /// note only while it is shared; otherwise 404.
    pub author: Option<String>,
}

/// A process note: the caller's own, or (`author`) a supervisee's that is shared
/// with the caller. 404 for anyone else, including administrators and other
/// members of the care team, and when there is no note.
#[utoipa::path(get, path = "/api/v1/sessions/{id}/process-note", tag = "notes",
    params(("id" = String, Path, description = "Session id"), ProcessQuery),
    responses((status = 200, body = ProcessNoteJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_process_note(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    params: Result<Query<ProcessQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<ProcessNoteJson>> {
    let Query(q) = params.map_err(super::params::bad_query)?;
    let author = match q.author.as_deref() {
        None => me.user.id.clone(),
        Some(a) => Id::parse(a).ok_or(AppError::NotFound)?,
    };
    if author == me.user.id {
        // Their own note stays readable after they lose access to the client's record.
        if let Some((_, note)) = rapport_app::access::session::own_note_without_record(&state, &me, None, &id).await? {
            return Ok(Json(note.into()));
        }
    }
    let sx = session_for(&state, &me, None, &id).await?;
    let (note, _) = process_note_for(&state, &me, &sx, &author).await?;
    Ok(Json(note.into()))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProcessNoteInputJson {
    /// The version this edit started from (0 for a new note); a different stored version answers 409.
    #[schema(minimum = 0)]
    pub version: i64,
    #[schema(max_length = 20000)]
    pub text: String,
}

/// Saves the caller's own process note for the session.
#[utoipa::path(put, path = "/api/v1/sessions/{id}/process-note", tag = "notes", params(("id" = String, Path, description = "Session id")),
    request_body = ProcessNoteInputJson,
    responses((status = 200, body = ProcessNoteJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn put_process_note(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ProcessNoteInputJson>,
) -> ApiResult<Json<ProcessNoteJson>> {
    let sx = session_for(&state, &me, None, &id).await?;
    if body.version < 0 {
        return Err(AppError::invalid("version", "version is 0 for a new note, or the version you started from").into());
    }
    match sessions::save_process_note(&state, &me, &sx, &body.text, body.version, " via API").await? {
        NoteWrite::Saved(p) => Ok(Json(p.into())),
        NoteWrite::Stale(p) | NoteWrite::Signed(p) => Err(AppError::Conflict(format!(
            "The process note changed since version {}: it is now version {}. GET it, merge, and send version {}.",
            body.version, p.version, p.version
        ))
        .into()),
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ShareJson {
    /// true: the author's supervisor(s) may read it; false: only the author.
    pub shared: bool,
}

/// Shares the caller's own process note with their supervisor, or stops sharing.
#[utoipa::path(post, path = "/api/v1/sessions/{id}/process-note/share", tag = "notes", params(("id" = String, Path, description = "Session id")),
    request_body = ShareJson,
    responses((status = 200, body = ProcessNoteJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody, description = "No such session, or no process note of the caller's"),
              (status = 422, body = ErrorBody, description = "The caller has no supervisor")))]
pub async fn share_process_note(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ShareJson>,
) -> ApiResult<Json<ProcessNoteJson>> {
    let sx = session_for(&state, &me, None, &id).await?;
    let note = sessions::share(&state, &me, &sx, body.shared).await?;
    Ok(Json(note.into()))
}
