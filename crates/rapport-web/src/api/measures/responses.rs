//! Scored responses: recording one through the one pipeline
//! (`rapport_app::responses`) and listing a client's.

use crate::error::{ApiResult, AppError, ErrorBody};
use crate::identity::ApiCaller;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::Json;
use rapport_app::access::{client_for, Purpose};
use rapport_app::responses::{self, CourseChoice, Recording, Submission};
use rapport_app::AppState;
use rapport_core::audit::action;
use rapport_core::{Id, Timestamp, ValidationErrors};
use rapport_store::measures::{Mode, ResponseRow};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// A response to record. Fields are checked one by one so that every problem
/// is a 422 naming the field (e.g. `answers[3]`), never a silently wrong score.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewResponseJson {
    /// Instrument id, e.g. `phq9`.
    #[schema(value_type = String)]
    #[serde(default)]
    pub instrument: Value,
    /// The option codes of the scored items, in order: an integer, or `null`
    /// for a question left blank. A partial form is stored as incomplete
    /// (`"total": null`, `"complete": false`, `"missing"`); its answered risk
    /// items still raise a flag.
    #[schema(value_type = Vec<Option<i64>>)]
    #[serde(default)]
    pub answers: Value,
    /// Unscored questions (PHQ-9 difficulty), optional; `null` items allowed.
    #[schema(value_type = Option<Vec<Option<i64>>>)]
    #[serde(default)]
    pub unscored_answers: Value,
    /// RFC 3339; default now. Not in the future.
    pub completed_at: Option<String>,
    /// The course it counts towards; default: the client's course open on the
    /// `completed_at` day.
    pub course_id: Option<String>,
    /// `in_session` (default) or `on_behalf`.
    pub mode: Option<String>,
    /// Band set to use, e.g. `zimmerman_2013` for the HAM-D-17; default: the instrument's.
    pub band_set: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ResponseJson {
    pub id: String,
    pub client_id: String,
    pub course_id: Option<String>,
    pub instrument: String,
    pub instrument_version: String,
    pub scoring_version: String,
    pub answers: Vec<Option<i64>>,
    pub item_scores: Vec<Option<i64>>,
    pub unscored_answers: Option<Vec<Option<i64>>>,
    /// The reported total (WHO-5: the percentage); null when withheld.
    pub total: Option<i64>,
    pub raw_total: Option<i64>,
    pub band: Option<String>,
    pub band_set: Option<String>,
    pub complete: bool,
    pub prorated: bool,
    /// Threshold flags (e.g. `caseness`), `incomplete`, and `risk_item_N` for positive risk items.
    pub flags: Vec<String>,
    pub completed_at: String,
    /// `in_session`, `on_behalf`, `portal` or `link`.
    pub mode: String,
    pub entered_by: Option<String>,
}

impl From<ResponseRow> for ResponseJson {
    fn from(r: ResponseRow) -> Self {
        ResponseJson {
            id: r.id.to_string(),
            client_id: r.client_id.to_string(),
            course_id: r.course_id,
            instrument: r.instrument_id,
            instrument_version: r.instrument_version,
            scoring_version: r.scoring_version,
            answers: r.answers,
            item_scores: r.item_scores,
            unscored_answers: r.unscored_answers,
            total: r.total,
            raw_total: r.raw_total,
            band: r.band,
            band_set: r.band_set,
            complete: r.complete,
            prorated: r.prorated,
            flags: r.flags,
            completed_at: r.completed_at.to_db(),
            mode: r.mode,
            entered_by: r.entered_by.map(|u| u.to_string()),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct RecordedJson {
    pub id: String,
    pub instrument: String,
    pub instrument_version: String,
    pub scoring_version: String,
    pub total: Option<i64>,
    pub raw_total: Option<i64>,
    pub band: Option<String>,
    pub band_set: Option<String>,
    pub complete: bool,
    pub item_scores: Vec<Option<i64>>,
    pub missing: Vec<u32>,
    #[schema(value_type = Object)]
    pub subscores: BTreeMap<String, i64>,
    pub flags: Vec<String>,
    /// PHQ-9 only: `major_depressive_syndrome`, `other_depressive_syndrome` (each needs the difficulty question answered at least "somewhat difficult"), `none`, or `impairment_not_recorded` (the symptoms meet a syndrome but the difficulty question was left blank). A diagnosis still needs a clinician.
    pub diagnostic_algorithm: Option<String>,
    /// The risk flag this response raised, if a risk item was positive.
    pub risk_flag_id: Option<String>,
    /// The course it counts towards: the one given, or the one open on its
    /// `completed_at` day (null: outside every course).
    pub course_id: Option<String>,
    pub completed_at: String,
}

/// Integers, one per question, `null` for one left blank; anything else is
/// named by position.
fn int_list(v: &Value, field: &str) -> Result<Vec<Option<i64>>, ValidationErrors> {
    let Value::Array(list) = v else {
        return Err(ValidationErrors::single(field, format!("{field} must be a list of integers (null: left blank)")));
    };
    let mut e = ValidationErrors::new();
    let out = list
        .iter()
        .enumerate()
        .map(|(i, a)| match a {
            Value::Null => None,
            _ => match a.as_i64() {
                Some(n) => Some(n),
                None => {
                    e.add(&format!("{field}[{i}]"), format!("{field}[{i}] must be an integer or null; got {a}"));
                    None
                }
            },
        })
        .collect();
    e.into_result().map(|_| out)
}

/// Scores and stores a response; a positive risk item raises a risk flag in the same transaction.
#[utoipa::path(post, path = "/api/v1/clients/{id}/responses", tag = "measures", params(("id" = String, Path, description = "Client id")),
    request_body = NewResponseJson,
    responses((status = 201, body = RecordedJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn record_response(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    crate::api::body::ApiJson(body): crate::api::body::ApiJson<NewResponseJson>,
) -> ApiResult<impl IntoResponse> {
    let (client, _) = client_for(&state, &me, &id, Purpose::Write).await?;
    let inst_id = match &body.instrument {
        Value::String(s) => s.clone(),
        Value::Null => return Err(AppError::invalid("instrument", "instrument is required, e.g. \"phq9\"").into()),
        other => return Err(AppError::invalid("instrument", format!("instrument must be an id; got {other}")).into()),
    };
    let inst = state.instruments.get(&inst_id).ok_or_else(|| {
        let known: Vec<&str> = state.instruments.all().map(|i| i.id.as_str()).collect();
        AppError::invalid("instrument", format!("unknown instrument {inst_id:?}; known: {}", known.join(", ")))
    })?;
    if body.answers.is_null() {
        return Err(AppError::invalid("answers", "answers is required").into());
    }
    let answers = int_list(&body.answers, "answers")?;
    let unscored = if body.unscored_answers.is_null() {
        None
    } else {
        Some(int_list(&body.unscored_answers, "unscored_answers")?)
    };
    let completed_at = match body.completed_at.as_deref() {
        None => Timestamp::now(),
        Some(s) => Timestamp::parse(s).ok_or_else(|| {
            AppError::invalid("completed_at", "completed_at must be RFC 3339, e.g. 2026-11-26T10:00:00Z")
        })?,
    };
    let course = match body.course_id.as_deref() {
        None => CourseChoice::ByDate,
        Some(c) => {
            CourseChoice::Given(Id::parse(c).ok_or_else(|| AppError::invalid("course_id", "course_id must be an id"))?)
        }
    };
    let mode = match body.mode.as_deref() {
        None => Mode::InSession,
        Some(m) => match Mode::parse(m) {
            Some(m @ (Mode::InSession | Mode::OnBehalf)) => m,
            _ => return Err(AppError::invalid("mode", "mode must be in_session or on_behalf").into()),
        },
    };
    if let Some(b) = body.band_set.as_deref() {
        if inst.band_set(Some(b)).is_none() {
            let sets: Vec<&str> = inst.band_sets.iter().map(|s| s.id.as_str()).collect();
            return Err(AppError::invalid(
                "band_set",
                format!("{} has the band sets {}", inst.short_name, sets.join(", ")),
            )
            .into());
        }
    }
    let sub = Submission {
        client: &client.id,
        instrument: inst,
        answers,
        unscored,
        band_set: body.band_set.as_deref(),
        mode,
        course,
        completed_at,
        entered_by: Some(me.user.id.clone()),
        event: me.event(action::MEASURE_RECORD, "measure_response"),
        via: "API",
        link: None,
    };
    let Recording::Recorded(rec) = responses::record(&state, sub).await? else {
        return Err(AppError::internal("no link on an API response").into());
    };
    let scored = rec.score;
    Ok((
        StatusCode::CREATED,
        Json(RecordedJson {
            id: rec.id.to_string(),
            instrument: scored.instrument,
            instrument_version: scored.instrument_version,
            scoring_version: scored.scoring_version,
            total: scored.total,
            raw_total: scored.raw_total,
            band: scored.band,
            band_set: scored.band_set,
            complete: scored.complete,
            item_scores: scored.item_scores,
            missing: scored.missing,
            subscores: scored.subscores,
            flags: scored.flags,
            diagnostic_algorithm: scored.diagnostic_algorithm,
            risk_flag_id: rec.risk_flag_id.map(|f| f.to_string()),
            course_id: rec.course_id,
            completed_at: completed_at.to_db(),
        }),
    ))
}

/// The client's responses, oldest first (by `completed_at`).
#[utoipa::path(get, path = "/api/v1/clients/{id}/responses", tag = "measures", params(("id" = String, Path, description = "Client id")),
    responses((status = 200, body = [ResponseJson]), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn list_responses(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<ResponseJson>>> {
    let rows = rapport_app::measures::responses(&state, &me, &id, "responses via API").await?;
    Ok(Json(rows.into_iter().map(ResponseJson::from).collect()))
}
