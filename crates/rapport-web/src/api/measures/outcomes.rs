//! Outcomes (change metrics) of a client's responses, per course or across
//! courses: computed by `rapport_app::outcomes`, answered here as JSON.

use crate::api::params::bad_query;
use crate::error::{ApiResult, AppError, ErrorBody};
use crate::identity::ApiCaller;
use axum::extract::{Path, Query, State};
use axum::Json;
use rapport_app::outcomes::{InstrumentResult, NhsResult, OutcomeScope, Outcomes, ScopeRequest};
use rapport_app::AppState;
use rapport_core::audit::action;
use rapport_core::measures::definition::ReliableChangeParams;
use rapport_store::measures::ResponseRow;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::{IntoParams, ToSchema};

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
    /// `reliable_deterioration`, `no_improvement_by_review` (no reliable improvement at the review), `too_little_reduction_by_review` (the instrument has no reliable-change parameters, so a minimum percentage drop, 20 % by default, stands in).
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

impl From<&InstrumentResult> for InstrumentOutcomeJson {
    fn from(r: &InstrumentResult) -> Self {
        let o = &r.outcome;
        let rc = o.reliable_change.as_ref();
        InstrumentOutcomeJson {
            count: o.count,
            baseline: o.baseline,
            baseline_at: r.baseline_at.to_db(),
            latest: o.latest,
            latest_at: r.latest_at.to_db(),
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
            not_on_track_reasons: r.not_on_track_reasons(),
            review_session: r.review_session,
        }
    }
}

impl From<&NhsResult> for NhsTtJson {
    fn from(n: &NhsResult) -> Self {
        let r = &n.categories;
        NhsTtJson {
            rule_version: r.rule_version.clone(),
            status: r.status.as_str().into(),
            caseness_at_start: r.caseness_at_start,
            recovered: r.recovered,
            reliably_improved: r.reliably_improved,
            reliably_recovered: r.reliably_recovered,
            reliably_deteriorated: r.reliably_deteriorated,
            paired_occasions: n.paired_occasions,
            phq9_first: n.phq9.0,
            phq9_last: n.phq9.1,
            gad7_first: n.gad7.0,
            gad7_last: n.gad7.1,
        }
    }
}

impl From<&Outcomes> for OutcomesJson {
    fn from(o: &Outcomes) -> Self {
        OutcomesJson {
            instruments: o.instruments.iter().map(|(id, r)| (id.clone(), r.into())).collect(),
            nhs_talking_therapies: o.nhs.as_ref().map(NhsTtJson::from),
            scope: None,
        }
    }
}

/// Outcomes of scores not tied to one course (the review counts scores; NHS
/// categories provisional, paired by date).
pub fn outcomes(state: &AppState, rows: &[ResponseRow]) -> OutcomesJson {
    (&rapport_app::outcomes::outcomes_in(state, rows, None)).into()
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
    let client =
        rapport_app::measures::read_client(&state, &me, &id, action::OUTCOMES_READ, "outcomes via API").await?;
    let (scoped, outcomes) = rapport_app::outcomes::client_outcomes(&state, &client.id, req).await?;
    let outcomes = OutcomesJson::from(&outcomes);
    Ok(Json(OutcomesJson { scope: Some(scoped.scope.into()), ..outcomes }))
}
