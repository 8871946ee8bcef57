//! Measures and the risk loop over the JSON API: the instrument library,
//! scored responses, outcomes (change metrics), risk flags, assessments and
//! safety plans. Scoring and change rules live in `rapport_core::measures`.

use super::bad_query;
use crate::error::{ApiResult, AppError, ErrorBody};
use crate::identity::ApiCaller;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::Json;
use rapport_app::access::{client_for, deny, Purpose};
use rapport_app::caller::Identity;
use rapport_app::outcomes::{scoped_responses, OutcomeScope, ScopeRequest};
use rapport_app::responses::{self, CourseChoice, Recording, Submission};
use rapport_app::AppState;
use rapport_core::audit::action;
use rapport_core::measures::change::{
    first_and_last_pairs, instrument_outcome_at, nhs_talking_therapies, pair_scores, InstrumentOutcome, Occasion,
    Review, Treatment, NHS_TT_V1,
};
use rapport_core::measures::definition::{Instrument, ReliableChangeParams};
use rapport_core::risk::{validate_assessment, validate_safety_plan, FlagStatus, RawAssessment, RawSafetyPlan};
use rapport_core::{Id, Timestamp, ValidationErrors};
use rapport_store::clients::ClientRecord;
use rapport_store::measures::{Mode, ResponseRow, RiskFlagRow, SafetyPlanRow};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use utoipa::{IntoParams, OpenApi, ToSchema};

#[derive(OpenApi)]
#[openapi(
    paths(list_instruments, record_response, list_responses, client_outcomes, list_risk_flags, get_risk_flag,
        acknowledge_risk_flag, record_assessment, close_risk_flag, raise_risk_flag, save_safety_plan, list_safety_plans),
    components(schemas(InstrumentJson, ItemJson, OptionJson, BandSetJson, BandJson, RiskItemJson, LicenceJson, NewResponseJson,
        RecordedJson, ResponseJson, OutcomesJson, OutcomeScopeJson, InstrumentOutcomeJson, ReliableChangeJson, NhsTtJson, RiskFlagJson, RiskHitJson,
        AssessmentJson, CreatedJson, SafetyPlanJson, SafetyPlanVersionJson, CloseFlagJson, NewRiskFlagJson)),
    tags((name = "measures", description = "Instruments, scored responses and outcomes (docs/measures.md)"),
         (name = "risk", description = "Risk flags, assessments and safety plans: the closed risk loop"))
)]
pub struct MeasuresDoc;

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/api/v1/instruments", list_instruments)
        .post("/api/v1/clients/{id}/responses", record_response)
        .get("/api/v1/clients/{id}/responses", list_responses)
        .get("/api/v1/clients/{id}/outcomes", client_outcomes)
        .post("/api/v1/clients/{id}/safety-plans", save_safety_plan)
        .get("/api/v1/clients/{id}/safety-plans", list_safety_plans)
        .post("/api/v1/clients/{id}/risk-flags", raise_risk_flag)
        .get("/api/v1/risk-flags", list_risk_flags)
        .get("/api/v1/risk-flags/{id}", get_risk_flag)
        .post("/api/v1/risk-flags/{id}/acknowledge", acknowledge_risk_flag)
        .post("/api/v1/risk-flags/{id}/assessments", record_assessment)
        .post("/api/v1/risk-flags/{id}/close", close_risk_flag)
}

#[derive(Serialize, ToSchema)]
pub struct OptionJson {
    /// What `answers` carries for this option.
    pub code: i64,
    /// The option's score before any reverse scoring of the item.
    pub score: i64,
    pub label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub loinc: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ItemJson {
    pub number: u32,
    pub id: String,
    /// Item text, or a neutral placeholder ("EPDS item 10") for licensed instruments.
    pub text: String,
    pub reverse: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub loinc: Option<String>,
    pub options: Vec<OptionJson>,
}

#[derive(Serialize, ToSchema)]
pub struct BandJson {
    pub id: String,
    pub label: String,
    pub min: i64,
    pub max: i64,
}

#[derive(Serialize, ToSchema)]
pub struct BandSetJson {
    pub id: String,
    pub bands: Vec<BandJson>,
}

#[derive(Serialize, ToSchema)]
pub struct RiskItemJson {
    pub item: u32,
    pub min_score: i64,
    pub rule: String,
    pub label: String,
}

#[derive(Serialize, ToSchema)]
pub struct LicenceJson {
    /// `F` (text shipped) or `L` (structure and scoring only).
    pub class: String,
    pub terms: String,
    pub citation: String,
}

/// An instrument definition (see docs/measures.md).
#[derive(Serialize, ToSchema)]
pub struct InstrumentJson {
    pub id: String,
    pub version: String,
    pub name: String,
    pub short_name: String,
    /// `self_report` or `clinician`.
    pub administration: String,
    pub recall: String,
    pub instructions: Option<String>,
    pub text_placeholder: bool,
    pub licence: LicenceJson,
    #[schema(value_type = Object)]
    pub loinc: Value,
    /// `higher_is_worse` or `higher_is_better`.
    pub direction: String,
    /// The scored items, in the order of a response's `answers`.
    pub items: Vec<ItemJson>,
    /// Stored, never added to the total (PHQ-9 difficulty).
    pub unscored_items: Vec<ItemJson>,
    /// Scoring rule: `{"rule": "sum"|"sum_of_domains", "multiplier", "domains"?}`.
    #[schema(value_type = Object)]
    pub scoring: Value,
    /// Missing-item rule: `{"rule": "withhold"|"prorate", "max_missing"}`.
    #[schema(value_type = Object)]
    pub missing: Value,
    pub range_min: i64,
    pub range_max: i64,
    pub band_sets: Vec<BandSetJson>,
    pub default_band_set: String,
    #[schema(value_type = Vec<Object>)]
    pub thresholds: Value,
    pub risk_items: Vec<RiskItemJson>,
    #[schema(value_type = Option<Object>)]
    pub caseness: Value,
    #[schema(value_type = Option<Object>)]
    pub remission: Value,
    /// `{"method": "jacobson_truax", "sd", "reliability", "source"}` or `{"method": "points", "points", "source"}`.
    #[schema(value_type = Option<Object>)]
    pub reliable_change: Value,
    #[schema(value_type = Vec<Object>)]
    pub subscales: Value,
    pub follow_up: Option<String>,
}

fn to_value<T: Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

fn str_of<T: Serialize>(v: &T) -> String {
    to_value(v).as_str().unwrap_or_default().to_string()
}

impl From<&Instrument> for InstrumentJson {
    fn from(i: &Instrument) -> Self {
        let items = |list: &[rapport_core::measures::definition::Item]| {
            list.iter()
                .map(|it| ItemJson {
                    number: it.number,
                    id: it.id.clone(),
                    text: it.text.clone(),
                    reverse: it.reverse,
                    loinc: it.loinc.clone(),
                    options: i
                        .options_for(it)
                        .iter()
                        .map(|o| OptionJson {
                            code: o.code,
                            score: o.score,
                            label: o.label.clone(),
                            loinc: o.loinc.clone(),
                        })
                        .collect(),
                })
                .collect()
        };
        InstrumentJson {
            id: i.id.clone(),
            version: i.version.clone(),
            name: i.name.clone(),
            short_name: i.short_name.clone(),
            administration: str_of(&i.administration),
            recall: i.recall.clone(),
            instructions: i.instructions.clone(),
            text_placeholder: i.text_placeholder,
            licence: LicenceJson {
                class: str_of(&i.licence.class),
                terms: i.licence.terms.clone(),
                citation: i.licence.citation.clone(),
            },
            loinc: to_value(&i.loinc),
            direction: str_of(&i.direction),
            items: items(&i.items),
            unscored_items: items(&i.unscored_items),
            scoring: to_value(&i.scoring),
            missing: to_value(&i.missing),
            range_min: i.range.min,
            range_max: i.range.max,
            band_sets: i
                .band_sets
                .iter()
                .map(|s| BandSetJson {
                    id: s.id.clone(),
                    bands: s
                        .bands
                        .iter()
                        .map(|b| BandJson { id: b.id.clone(), label: b.label.clone(), min: b.min, max: b.max })
                        .collect(),
                })
                .collect(),
            default_band_set: i.default_band_set.clone(),
            thresholds: to_value(&i.thresholds),
            risk_items: i
                .risk_items
                .iter()
                .map(|r| RiskItemJson {
                    item: r.item,
                    min_score: r.min_score,
                    rule: r.rule.clone(),
                    label: r.label.clone(),
                })
                .collect(),
            caseness: to_value(&i.caseness),
            remission: to_value(&i.remission),
            reliable_change: to_value(&i.reliable_change),
            subscales: to_value(&i.subscales),
            follow_up: i.follow_up.clone(),
        }
    }
}

/// The instruments this site offers (shipped and site definitions).
#[utoipa::path(get, path = "/api/v1/instruments", tag = "measures",
    responses((status = 200, body = [InstrumentJson]), (status = 401, body = ErrorBody)))]
pub async fn list_instruments(State(state): State<AppState>, ApiCaller(_me): ApiCaller) -> Json<Vec<InstrumentJson>> {
    Json(state.instruments.all().map(InstrumentJson::from).collect())
}

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
    /// PHQ-9 only: `major_depressive_syndrome`, `other_depressive_syndrome` or `none` (a diagnosis still needs a clinician).
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
    super::body::ApiJson(body): super::body::ApiJson<NewResponseJson>,
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

async fn read_client(state: &AppState, me: &Identity, id: &str, act: &str, detail: String) -> ApiResult<ClientRecord> {
    let (client, _) = client_for(state, me, id, Purpose::AuditRead).await?;
    let mut e = me.event(act, "client");
    e.resource_id = Some(client.id.to_string());
    e.client_id = Some(client.id.to_string());
    e.detail = Some(detail);
    state.store.audit(e).await?;
    Ok(client)
}

/// The client's responses, oldest first (by `completed_at`).
#[utoipa::path(get, path = "/api/v1/clients/{id}/responses", tag = "measures", params(("id" = String, Path, description = "Client id")),
    responses((status = 200, body = [ResponseJson]), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn list_responses(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<ResponseJson>>> {
    let client = read_client(&state, &me, &id, action::MEASURE_LIST, "responses via API".into()).await?;
    let rows = state.store.responses(&client.id).await?;
    Ok(Json(rows.into_iter().map(ResponseJson::from).collect()))
}

#[derive(Serialize, ToSchema)]
pub struct ReliableChangeJson {
    /// `jacobson_truax` or `points`.
    pub method: String,
    /// s₁ (Jacobson–Truax).
    pub sd: Option<f64>,
    /// r_xx (Jacobson–Truax).
    pub reliability: Option<f64>,
    /// Fixed criterion in points (method `points`).
    pub points: Option<f64>,
    pub source: String,
    pub se: Option<f64>,
    pub s_diff: Option<f64>,
    pub rci: Option<f64>,
    /// Smallest reliable |change| in points.
    pub threshold: f64,
}

#[derive(Serialize, ToSchema)]
pub struct InstrumentOutcomeJson {
    /// Number of complete responses used.
    pub count: usize,
    /// First total (by `completed_at`).
    pub baseline: i64,
    pub baseline_at: String,
    pub latest: i64,
    pub latest_at: String,
    /// latest − baseline
    pub change: i64,
    pub percent_change: Option<f64>,
    /// `improved`, `deteriorated` or `none`; null when the instrument has no reliable-change parameters.
    pub reliable_change: Option<String>,
    pub reliable_change_parameters: Option<ReliableChangeJson>,
    /// ≥ 50 % reduction from baseline. Null ("n/a") unless the instrument has a response rule
    /// (PHQ-9, GAD-7, HAM-D-17, QIDS-SR16), there are two scores and the baseline is at caseness
    /// (PHQ-9 ≥ 10, GAD-7 ≥ 8, HAM-D-17 ≥ 14, QIDS-SR16 ≥ 11).
    pub response: Option<bool>,
    /// PHQ-9 < 5, HAM-D ≤ 7 at the latest score. Null ("n/a") unless the instrument defines remission,
    /// there are two scores and the baseline is at caseness.
    pub remission: Option<bool>,
    /// WHO-5 only (reported instead of response): a change of at least 10 points on the 0-100 scale,
    /// `improved`, `deteriorated` or `none`; null for other instruments and a single score.
    pub meaningful_change: Option<String>,
    pub caseness_at_baseline: Option<bool>,
    pub caseness_at_latest: Option<bool>,
    pub not_on_track: bool,
    /// `reliable_deterioration`, `no_improvement_by_review`.
    pub not_on_track_reasons: Vec<String>,
    /// The held session of the course's protocol at which the review happens (IPT: 6); null
    /// outside a course (the review then comes after the configured number of scores) or when
    /// the protocol has none (maintenance).
    pub review_session: Option<u32>,
}

#[derive(Serialize, ToSchema)]
pub struct NhsTtJson {
    pub rule_version: String,
    /// `final` for a closed course with at least 2 attended sessions; otherwise `provisional`
    /// (the course is still running, too short, or no course was named).
    pub status: String,
    /// PHQ-9 ≥ 10 or GAD-7 ≥ 8 at the first paired scores.
    pub caseness_at_start: bool,
    /// A case at start and below both thresholds at the last paired scores. Null when not a case at
    /// start: such clients are outside the recovery denominator.
    pub recovered: Option<bool>,
    pub reliably_improved: bool,
    /// Recovered and reliably improved; null when not a case at start.
    pub reliably_recovered: Option<bool>,
    pub reliably_deteriorated: bool,
    /// Occasions (sessions, or dates outside a course) with both a PHQ-9 and a GAD-7 total.
    pub paired_occasions: usize,
    pub phq9_first: i64,
    pub phq9_last: i64,
    pub gad7_first: i64,
    pub gad7_last: i64,
}

/// Outcomes per instrument (keyed by instrument id) and the NHS Talking
/// Therapies categories (null until PHQ-9 and GAD-7 are paired, by session or
/// date, on at least two occasions).
#[derive(Serialize, ToSchema)]
pub struct OutcomesJson {
    #[serde(flatten)]
    pub instruments: BTreeMap<String, InstrumentOutcomeJson>,
    pub nhs_talking_therapies: Option<NhsTtJson>,
    /// What the outcomes were computed over (always set by the outcomes endpoint).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<OutcomeScopeJson>,
}

// `rapport_app::outcomes::OutcomeScope` with its schema (the app layer has no utoipa).
/// The scope an outcome was computed over, named in every reply.
#[derive(Serialize, ToSchema)]
#[schema(as = OutcomeScope)]
pub struct OutcomeScopeJson {
    /// `course`, `all` or `outside_courses`.
    pub kind: String,
    /// The course, when `kind` is `course`.
    pub course_id: Option<String>,
    /// In words, e.g. "Course from 5 January 2026 (completed)".
    pub label: String,
}

impl From<OutcomeScope> for OutcomeScopeJson {
    fn from(s: OutcomeScope) -> Self {
        OutcomeScopeJson { kind: s.kind, course_id: s.course_id, label: s.label }
    }
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OutcomesQuery {
    /// One course of the client's (default: the most recent course).
    pub course_id: Option<String>,
    /// `all` spans every response, across courses; `course` (default) is one course.
    pub scope: Option<String>,
}

fn outcome_json(
    o: InstrumentOutcome,
    first: &ResponseRow,
    last: &ResponseRow,
    review_session: Option<u32>,
) -> InstrumentOutcomeJson {
    let rc = o.reliable_change.as_ref();
    InstrumentOutcomeJson {
        count: o.count,
        baseline: o.baseline,
        baseline_at: first.completed_at.to_db(),
        latest: o.latest,
        latest_at: last.completed_at.to_db(),
        change: o.change,
        percent_change: o.percent_change.map(|p| (p * 10.0).round() / 10.0),
        reliable_change: rc.map(|r| r.category.as_str().to_string()),
        reliable_change_parameters: rc.map(|r| {
            let (method, sd, reliability, points) = match &r.params {
                ReliableChangeParams::JacobsonTruax { sd, reliability, .. } => {
                    ("jacobson_truax", Some(*sd), Some(*reliability), None)
                }
                ReliableChangeParams::Points { points, .. } => ("points", None, None, Some(*points)),
            };
            ReliableChangeJson {
                method: method.into(),
                sd,
                reliability,
                points,
                source: r.params.source().to_string(),
                se: r.se,
                s_diff: r.s_diff,
                rci: r.rci,
                threshold: r.threshold,
            }
        }),
        response: o.response,
        remission: o.remission,
        meaningful_change: o.meaningful_change.map(|m| m.as_str().to_string()),
        caseness_at_baseline: o.caseness_at_baseline,
        caseness_at_latest: o.caseness_at_latest,
        not_on_track: !o.not_on_track.is_empty(),
        not_on_track_reasons: o.not_on_track.iter().map(str_of).collect(),
        review_session,
    }
}

/// What outcomes need of the course the scores belong to.
#[derive(Clone, Debug)]
pub struct CourseFacts {
    pub protocol_id: String,
    /// The course has ended (completed, ended early or transferred).
    pub closed: bool,
    /// Dates of the sessions the client attended, in order.
    pub held: Vec<time::Date>,
}

/// The course's facts, when `course` is one of `client`'s courses.
pub async fn course_facts(state: &AppState, client: &Id, course: &str) -> rapport_store::Result<Option<CourseFacts>> {
    let Some(id) = Id::parse(course) else { return Ok(None) };
    let Some(c) = state.store.course(&id).await? else { return Ok(None) };
    if &c.client_id != client {
        return Ok(None);
    }
    let held = state
        .store
        .course_sessions(&id)
        .await?
        .into_iter()
        .filter(|s| s.attendance.is_held())
        .map(|s| s.date)
        .collect();
    Ok(Some(CourseFacts { protocol_id: c.protocol_id, closed: !c.status.is_open(), held }))
}

/// Outcomes of scores not tied to one course (the review counts scores; NHS
/// categories provisional, paired by date).
pub fn outcomes(state: &AppState, rows: &[ResponseRow]) -> OutcomesJson {
    outcomes_in(state, rows, None)
}

/// Computes outcomes from a client's responses (complete ones, by
/// `completed_at`), of `course` when given: the not-on-track review comes at
/// the protocol's held session, PHQ-9 and GAD-7 pair by session, and the NHS
/// categories are final once the course is closed after ≥ 2 attended sessions.
pub fn outcomes_in(state: &AppState, rows: &[ResponseRow], course: Option<&CourseFacts>) -> OutcomesJson {
    let mut by_instrument: BTreeMap<&str, Vec<&ResponseRow>> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.total.is_some()) {
        by_instrument.entry(r.instrument_id.as_str()).or_default().push(r);
    }
    let held: &[time::Date] = course.map(|c| c.held.as_slice()).unwrap_or(&[]);
    let review_session =
        course.and_then(|c| state.config.protocols.get(&c.protocol_id)).and_then(|p| p.review_session());
    let review = match course {
        None => Review::Scores,
        Some(c) => match review_session {
            Some(at) => Review::Session { at, held: c.held.len() as u32 },
            None => Review::Never,
        },
    };
    let mut instruments = BTreeMap::new();
    for (id, list) in &by_instrument {
        let Some(inst) = state.instruments.get(id) else { continue };
        let totals: Vec<i64> = list.iter().filter_map(|r| r.total).collect();
        if let Some(o) = instrument_outcome_at(inst, &totals, &state.config.not_on_track, review) {
            instruments.insert(id.to_string(), outcome_json(o, list[0], list[list.len() - 1], review_session));
        }
    }
    let occasions = |id: &str| -> Vec<(Occasion, i64)> {
        by_instrument
            .get(id)
            .map(|l| l.iter().filter_map(|r| Some((Occasion::of(r.completed_at.date(), held), r.total?))).collect())
            .unwrap_or_default()
    };
    let pairs = pair_scores(&occasions("phq9"), &occasions("gad7"));
    let treatment =
        course.map(|c| Treatment { closed: c.closed, attended_sessions: c.held.len() as u32 }).unwrap_or_default();
    let nhs = first_and_last_pairs(&pairs).map(|(p, g)| {
        let r = nhs_talking_therapies(&NHS_TT_V1, p, g, treatment);
        NhsTtJson {
            rule_version: r.rule_version,
            status: r.status.as_str().into(),
            caseness_at_start: r.caseness_at_start,
            recovered: r.recovered,
            reliably_improved: r.reliably_improved,
            reliably_recovered: r.reliably_recovered,
            reliably_deteriorated: r.reliably_deteriorated,
            paired_occasions: pairs.len(),
            phq9_first: p.0,
            phq9_last: p.1,
            gad7_first: g.0,
            gad7_last: g.1,
        }
    });
    OutcomesJson { instruments, nhs_talking_therapies: nhs, scope: None }
}

/// Baseline, latest, change, reliable change, response and remission per instrument, and the NHS Talking Therapies categories.
#[utoipa::path(get, path = "/api/v1/clients/{id}/outcomes", tag = "measures", params(("id" = String, Path, description = "Client id"), OutcomesQuery),
    responses((status = 200, body = OutcomesJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn client_outcomes(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    params: Result<Query<OutcomesQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<OutcomesJson>> {
    let Query(q) = params.map_err(bad_query)?;
    let req = match (q.scope.as_deref(), q.course_id.as_deref()) {
        (Some("all"), None) => ScopeRequest::All,
        (Some("all"), Some(_)) => {
            return Err(AppError::invalid("scope", "scope=all spans every course; leave out course_id").into())
        }
        (None | Some("course"), Some(c)) => ScopeRequest::Course(c),
        (None | Some("course"), None) => ScopeRequest::Default,
        (Some(_), _) => return Err(AppError::invalid("scope", "scope must be course or all").into()),
    };
    let client = read_client(&state, &me, &id, action::OUTCOMES_READ, "outcomes via API".into()).await?;
    let scoped = scoped_responses(&state, &client.id, req).await?;
    let facts = match scoped.scope.course_id.as_deref() {
        Some(course) => course_facts(&state, &client.id, course).await?,
        None => None,
    };
    let outcomes = outcomes_in(&state, &scoped.responses, facts.as_ref());
    Ok(Json(OutcomesJson { scope: Some(scoped.scope.into()), ..outcomes }))
}

#[derive(Serialize, ToSchema)]
pub struct RiskHitJson {
    pub item: u32,
    pub score: i64,
    pub rule: String,
}

#[derive(Serialize, ToSchema)]
pub struct RiskFlagJson {
    pub id: String,
    pub client_id: String,
    pub client_name: String,
    pub response_id: Option<String>,
    /// `measure` or `clinician`.
    pub source: String,
    pub instrument: Option<String>,
    pub items: Vec<RiskHitJson>,
    /// The clinician's note (flags raised by a clinician).
    pub detail: Option<String>,
    /// `open`, `acknowledged` or `closed`.
    pub status: String,
    pub raised_at: String,
    pub acknowledged_at: Option<String>,
    /// Minutes from raising to acknowledgement (or until now while open).
    pub minutes_to_acknowledge: i64,
    pub escalated_at: Option<String>,
    pub assessment_id: Option<String>,
    pub safety_plan_id: Option<String>,
    pub closed_at: Option<String>,
    pub closed_by: Option<String>,
    pub closing_note: Option<String>,
}

impl From<RiskFlagRow> for RiskFlagJson {
    fn from(f: RiskFlagRow) -> Self {
        let until = f.acknowledged_at.unwrap_or_else(Timestamp::now);
        RiskFlagJson {
            id: f.id.to_string(),
            client_id: f.client_id.to_string(),
            client_name: f.client_name,
            response_id: f.response_id.map(|i| i.to_string()),
            source: f.source,
            instrument: f.instrument_id,
            items: f.items.into_iter().map(|h| RiskHitJson { item: h.item, score: h.score, rule: h.rule }).collect(),
            detail: f.detail,
            status: f.status.as_str().into(),
            raised_at: f.raised_at.to_db(),
            acknowledged_at: f.acknowledged_at.map(|t| t.to_db()),
            minutes_to_acknowledge: until.since(f.raised_at).whole_minutes(),
            escalated_at: f.escalated_at.map(|t| t.to_db()),
            assessment_id: f.assessment_id.map(|i| i.to_string()),
            safety_plan_id: f.safety_plan_id.map(|i| i.to_string()),
            closed_at: f.closed_at.map(|t| t.to_db()),
            closed_by: f.closed_by.map(|i| i.to_string()),
            closing_note: f.closing_note,
        }
    }
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FlagQuery {
    /// `open`, `acknowledged` or `closed`; all when absent.
    #[param(pattern = "^(open|acknowledged|closed)$")]
    pub status: Option<String>,
}

/// Risk flags on the clients the caller may see (care teams and supervision), oldest first.
#[utoipa::path(get, path = "/api/v1/risk-flags", tag = "risk", params(FlagQuery),
    responses((status = 200, body = [RiskFlagJson]), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn list_risk_flags(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    params: Result<Query<FlagQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<Vec<RiskFlagJson>>> {
    let Query(q) = params.map_err(bad_query)?;
    let status = match q.status.as_deref() {
        None => None,
        Some(s) => Some(
            FlagStatus::parse(s)
                .ok_or_else(|| AppError::invalid("status", "status must be open, acknowledged or closed"))?,
        ),
    };
    let flags = state.store.visible_risk_flags(&me.user.id, status).await?;
    let mut e = me.event(action::RISK_FLAG_LIST, "risk_flag");
    e.detail = Some(format!(
        "{} flags via API; {}",
        flags.len(),
        rapport_app::access::clients_shown(flags.iter().map(|f| &f.client_id))
    ));
    state.store.audit(e).await?;
    Ok(Json(flags.into_iter().map(RiskFlagJson::from).collect()))
}

/// A risk concern recorded by a clinician.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewRiskFlagJson {
    /// What was observed or said; required.
    pub detail: Option<String>,
}

/// Raises a risk flag from a clinician's observation (not from a questionnaire).
#[utoipa::path(post, path = "/api/v1/clients/{id}/risk-flags", tag = "risk", params(("id" = String, Path, description = "Client id")),
    request_body = NewRiskFlagJson,
    responses((status = 201, body = RiskFlagJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn raise_risk_flag(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    super::body::ApiJson(body): super::body::ApiJson<NewRiskFlagJson>,
) -> ApiResult<impl IntoResponse> {
    let (client, _) = client_for(&state, &me, &id, Purpose::Write).await?;
    let mut errors = ValidationErrors::new();
    let detail = rapport_core::validation::optional_text(&mut errors, "detail", "Detail", body.detail.as_deref(), 4000);
    errors.into_result()?;
    let detail = detail.ok_or_else(|| AppError::invalid("detail", "Describe the risk concern"))?;
    let e = me.event(action::RISK_FLAG_RAISE, "risk_flag");
    let fid = state.store.raise_clinician_risk_flag(&client.id, &me.user.id, &detail, None, e).await?;
    let flag = state.store.risk_flag(&fid).await?.ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(RiskFlagJson::from(flag))))
}

/// The flag and its client, if the caller may act on that client; 404 otherwise.
async fn flag_for(
    state: &AppState,
    me: &Identity,
    id: &str,
    purpose: Purpose,
) -> ApiResult<(RiskFlagRow, ClientRecord)> {
    let flag = match Id::parse(id) {
        Some(fid) => state.store.risk_flag(&fid).await?,
        None => None,
    };
    let Some(flag) = flag else {
        deny(state, me, "risk_flag", Some(id)).await?;
        return Err(AppError::NotFound.into());
    };
    let (client, _) = client_for(state, me, flag.client_id.as_str(), purpose).await?;
    Ok((flag, client))
}

fn flag_event(me: &Identity, act: &str, flag: &RiskFlagRow) -> rapport_core::audit::AuditEvent {
    let mut e = me.event(act, "risk_flag");
    e.resource_id = Some(flag.id.to_string());
    e.client_id = Some(flag.client_id.to_string());
    e
}

/// One risk flag.
#[utoipa::path(get, path = "/api/v1/risk-flags/{id}", tag = "risk", params(("id" = String, Path, description = "Flag id")),
    responses((status = 200, body = RiskFlagJson), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_risk_flag(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
) -> ApiResult<Json<RiskFlagJson>> {
    let (flag, _) = flag_for(&state, &me, &id, Purpose::Write).await?;
    state.store.audit(flag_event(&me, action::RISK_FLAG_READ, &flag)).await?;
    Ok(Json(flag.into()))
}

/// Acknowledges an open flag: the responsible clinician has seen it (stops the acknowledgement deadline; the assessment deadline runs until an assessment is recorded).
#[utoipa::path(post, path = "/api/v1/risk-flags/{id}/acknowledge", tag = "risk", params(("id" = String, Path, description = "Flag id")),
    responses((status = 200, body = RiskFlagJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn acknowledge_risk_flag(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
) -> ApiResult<Json<RiskFlagJson>> {
    let (flag, _) = flag_for(&state, &me, &id, Purpose::Write).await?;
    state
        .store
        .acknowledge_risk_flag(&flag.id, &me.user.id, flag_event(&me, action::RISK_FLAG_ACKNOWLEDGE, &flag))
        .await?;
    let flag = state.store.risk_flag(&flag.id).await?.ok_or(AppError::NotFound)?;
    Ok(Json(flag.into()))
}

/// A structured risk assessment (every part required; "none" is an answer).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssessmentJson {
    pub ideation: Option<String>,
    pub plan: Option<String>,
    pub intent: Option<String>,
    pub means: Option<String>,
    pub history: Option<String>,
    pub protective_factors: Option<String>,
    /// `low`, `moderate`, `high` or `imminent`.
    pub risk_level: Option<String>,
    /// Actions taken (means counselling, referral, follow-up date …).
    pub actions: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct CreatedJson {
    pub id: String,
    /// Safety plans: the new version number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
}

/// Records a structured risk assessment for a flag (also acknowledges it).
#[utoipa::path(post, path = "/api/v1/risk-flags/{id}/assessments", tag = "risk", params(("id" = String, Path, description = "Flag id")),
    request_body = AssessmentJson,
    responses((status = 201, body = CreatedJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn record_assessment(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    super::body::ApiJson(body): super::body::ApiJson<AssessmentJson>,
) -> ApiResult<impl IntoResponse> {
    let (flag, _) = flag_for(&state, &me, &id, Purpose::Write).await?;
    let a = validate_assessment(&RawAssessment {
        ideation: body.ideation,
        plan: body.plan,
        intent: body.intent,
        means: body.means,
        history: body.history,
        protective_factors: body.protective_factors,
        risk_level: body.risk_level,
        actions: body.actions,
    })?;
    let mut e = me.event(action::RISK_ASSESSMENT_RECORD, "risk_assessment");
    e.client_id = Some(flag.client_id.to_string());
    let aid = state.store.record_risk_assessment(&flag.id, &a, &me.user.id, e).await?;
    Ok((StatusCode::CREATED, Json(CreatedJson { id: aid.to_string(), version: None })))
}

/// A safety plan (Stanley–Brown sections); each save is a new version.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SafetyPlanJson {
    /// Required.
    pub warning_signs: Option<String>,
    pub coping_strategies: Option<String>,
    pub distractions: Option<String>,
    pub people_to_ask: Option<String>,
    /// Professionals and crisis lines. Required.
    pub professionals: Option<String>,
    pub environment_safety: Option<String>,
    pub reasons_for_living: Option<String>,
    #[serde(default)]
    pub shared_with_client: bool,
}

#[derive(Serialize, ToSchema)]
pub struct SafetyPlanVersionJson {
    pub id: String,
    pub version: i64,
    pub warning_signs: String,
    pub coping_strategies: String,
    pub distractions: String,
    pub people_to_ask: String,
    pub professionals: String,
    pub environment_safety: String,
    pub reasons_for_living: String,
    pub shared_with_client: bool,
    pub created_by: String,
    pub created_at: String,
}

impl From<SafetyPlanRow> for SafetyPlanVersionJson {
    fn from(p: SafetyPlanRow) -> Self {
        SafetyPlanVersionJson {
            id: p.id.to_string(),
            version: p.version,
            warning_signs: p.plan.warning_signs,
            coping_strategies: p.plan.coping_strategies,
            distractions: p.plan.distractions,
            people_to_ask: p.plan.people_to_ask,
            professionals: p.plan.professionals,
            environment_safety: p.plan.environment_safety,
            reasons_for_living: p.plan.reasons_for_living,
            shared_with_client: p.plan.shared_with_client,
            created_by: p.created_by.to_string(),
            created_at: p.created_at.to_db(),
        }
    }
}

/// Saves a new safety plan version for the client.
#[utoipa::path(post, path = "/api/v1/clients/{id}/safety-plans", tag = "risk", params(("id" = String, Path, description = "Client id")),
    request_body = SafetyPlanJson,
    responses((status = 201, body = CreatedJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn save_safety_plan(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    super::body::ApiJson(body): super::body::ApiJson<SafetyPlanJson>,
) -> ApiResult<impl IntoResponse> {
    let (client, _) = client_for(&state, &me, &id, Purpose::Write).await?;
    let plan = validate_safety_plan(&RawSafetyPlan {
        warning_signs: body.warning_signs,
        coping_strategies: body.coping_strategies,
        distractions: body.distractions,
        people_to_ask: body.people_to_ask,
        professionals: body.professionals,
        environment_safety: body.environment_safety,
        reasons_for_living: body.reasons_for_living,
        shared_with_client: body.shared_with_client,
    })?;
    let e = me.event(action::SAFETY_PLAN_SAVE, "safety_plan");
    let (pid, version) = state.store.save_safety_plan(&client.id, &plan, &me.user.id, e).await?;
    Ok((StatusCode::CREATED, Json(CreatedJson { id: pid.to_string(), version: Some(version) })))
}

/// Every safety plan version of the client, newest first.
#[utoipa::path(get, path = "/api/v1/clients/{id}/safety-plans", tag = "risk", params(("id" = String, Path, description = "Client id")),
    responses((status = 200, body = [SafetyPlanVersionJson]), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn list_safety_plans(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<SafetyPlanVersionJson>>> {
    let client = read_client(&state, &me, &id, action::SAFETY_PLAN_READ, "safety plans via API".into()).await?;
    let plans = state.store.safety_plans(&client.id).await?;
    Ok(Json(plans.into_iter().map(SafetyPlanVersionJson::from).collect()))
}

/// Sign-off: closes a flag with its assessment and a safety plan version.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CloseFlagJson {
    pub assessment_id: String,
    pub safety_plan_id: String,
    pub note: Option<String>,
}

/// Closes a flag. Refused (422) without an assessment of this flag and a safety plan of this client.
#[utoipa::path(post, path = "/api/v1/risk-flags/{id}/close", tag = "risk", params(("id" = String, Path, description = "Flag id")),
    request_body = CloseFlagJson,
    responses((status = 200, body = RiskFlagJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn close_risk_flag(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    super::body::ApiJson(body): super::body::ApiJson<CloseFlagJson>,
) -> ApiResult<Json<RiskFlagJson>> {
    let (flag, _) = flag_for(&state, &me, &id, Purpose::Write).await?;
    let aid = Id::parse(&body.assessment_id)
        .ok_or_else(|| AppError::invalid("assessment_id", "assessment_id must be an id"))?;
    let pid = Id::parse(&body.safety_plan_id)
        .ok_or_else(|| AppError::invalid("safety_plan_id", "safety_plan_id must be an id"))?;
    let mut note_errors = ValidationErrors::new();
    let note = rapport_core::validation::optional_text(&mut note_errors, "note", "Note", body.note.as_deref(), 4000);
    note_errors.into_result()?;
    state
        .store
        .close_risk_flag(
            &flag.id,
            &aid,
            &pid,
            &me.user.id,
            note.as_deref(),
            flag_event(&me, action::RISK_FLAG_CLOSE, &flag),
        )
        .await
        .map_err(|e| match e {
            rapport_store::StoreError::Invalid(m) if m.contains("already closed") => AppError::Conflict(m),
            rapport_store::StoreError::Invalid(m) => {
                let field = if m.contains("assessment") { "assessment_id" } else { "safety_plan_id" };
                AppError::invalid(field, m)
            }
            other => other.into(),
        })?;
    let flag = state.store.risk_flag(&flag.id).await?.ok_or(AppError::NotFound)?;
    Ok(Json(flag.into()))
}
