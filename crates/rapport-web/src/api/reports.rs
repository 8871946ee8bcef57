//! API v1 for programme outcomes: the breakdown of finished courses by one
//! dimension, with NHS Talking Therapies counts and totals. Thin: one call to
//! `rapport_app::reports::breakdown`.

use super::params::bad_query;
use crate::error::{ApiResult, ErrorBody};
use crate::identity::ApiCaller;
use axum::extract::{Query, State};
use axum::Json;
use rapport_app::reports::{self, Figures, OutcomesQuery};
use rapport_app::AppState;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/api/v1/reports/outcomes", outcomes)
}

#[derive(OpenApi)]
#[openapi(
    paths(outcomes),
    components(schemas(ProgrammeOutcomesJson, ProgrammeOutcomeRowJson, ProgrammeOutcomeCountsJson)),
    tags((name = "reports", description = "Programme outcomes: aggregates only, never a client"))
)]
pub struct ReportsDoc;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OutcomesParams {
    /// `clinician`, `site`, `protocol`, `problem_area` or `format` (default `site`).
    #[param(pattern = "^(clinician|site|protocol|problem_area|format)$")]
    pub group_by: Option<String>,
    /// First day of the period (YYYY-MM-DD; default: a year before `to`).
    pub from: Option<String>,
    /// Last day of the period (YYYY-MM-DD; default: today).
    pub to: Option<String>,
    /// Only this site (id).
    pub site: Option<String>,
    /// Only this clinician or facilitator (id).
    pub clinician: Option<String>,
    /// Only this protocol (id).
    pub protocol: Option<String>,
    /// Only courses working on this problem area (id).
    pub problem_area: Option<String>,
    /// `individual` or `group`.
    pub format: Option<String>,
}

/// Counts of courses finished in the period. A count of fewer people than the
/// organisation's threshold is `null` (and `suppressed` is true).
#[derive(Serialize, ToSchema)]
pub struct ProgrammeOutcomeCountsJson {
    pub finished_courses: Option<i64>,
    pub cases_at_start: Option<i64>,
    pub recovered: Option<i64>,
    pub reliably_improved: Option<i64>,
    pub reliably_recovered: Option<i64>,
    pub reliably_deteriorated: Option<i64>,
    pub dropouts: Option<i64>,
    pub paired_scores: Option<i64>,
    /// True when at least one count of this line is hidden.
    pub suppressed: bool,
}

#[derive(Serialize, ToSchema)]
pub struct ProgrammeOutcomeRowJson {
    /// The site, clinician, protocol or problem-area id, or `individual`/`group`; null for courses without one.
    pub key: Option<String>,
    pub label: String,
    #[serde(flatten)]
    pub counts: ProgrammeOutcomeCountsJson,
}

#[derive(Serialize, ToSchema)]
pub struct ProgrammeOutcomesJson {
    pub group_by: String,
    pub from: String,
    pub to: String,
    /// Counts under this number of people are hidden (0: none hidden).
    pub small_numbers: i64,
    pub rows: Vec<ProgrammeOutcomeRowJson>,
    pub totals: ProgrammeOutcomeCountsJson,
}

fn counts(f: &Figures) -> ProgrammeOutcomeCountsJson {
    ProgrammeOutcomeCountsJson {
        finished_courses: f.finished_courses.value(),
        cases_at_start: f.cases_at_start.value(),
        recovered: f.recovered.value(),
        reliably_improved: f.reliably_improved.value(),
        reliably_recovered: f.reliably_recovered.value(),
        reliably_deteriorated: f.reliably_deteriorated.value(),
        dropouts: f.dropouts.value(),
        paired_scores: f.paired_scores.value(),
        suppressed: f.any_suppressed(),
    }
}

/// Programme outcomes of courses finished in the period (closed after at least
/// two attended sessions), broken down by one dimension, with the NHS Talking
/// Therapies counts (docs/reports.md). Supervisors see their supervisees';
/// programme managers and administrators the whole organisation.
#[utoipa::path(get, path = "/api/v1/reports/outcomes", tag = "reports", params(OutcomesParams),
    responses((status = 200, body = ProgrammeOutcomesJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn outcomes(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    params: Result<Query<OutcomesParams>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<ProgrammeOutcomesJson>> {
    let Query(p) = params.map_err(bad_query)?;
    let q = OutcomesQuery {
        from: p.from,
        to: p.to,
        site: p.site,
        clinician: p.clinician,
        clinician_name: None,
        protocol: p.protocol,
        problem_area: p.problem_area,
        format: p.format,
        group_by: p.group_by,
    };
    let b = reports::breakdown(&state, &me, &q, false).await?;
    Ok(Json(ProgrammeOutcomesJson {
        group_by: b.applied.group_by.as_str().into(),
        from: rapport_core::time::format_date(b.applied.from),
        to: rapport_core::time::format_date(b.applied.to),
        small_numbers: b.reader.min_cell,
        rows: b
            .rows
            .iter()
            .map(|l| ProgrammeOutcomeRowJson { key: l.key.clone(), label: l.label.clone(), counts: counts(&l.figures) })
            .collect(),
        totals: counts(&b.totals),
    }))
}
