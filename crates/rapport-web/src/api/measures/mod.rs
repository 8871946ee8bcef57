//! Measures and the risk loop over the JSON API: the instrument library,
//! scored responses, outcomes (change metrics), risk flags, assessments and
//! safety plans. Scoring and change rules live in `rapport_core::measures`;
//! the use cases in `rapport_app` (`outcomes`, `risk`, `safety_plans`); this
//! face turns them into JSON.

mod instruments;
mod outcomes;
mod responses;
mod risk;
mod safety_plans;
mod schedule;

pub use instruments::*;
pub use outcomes::*;
pub use responses::*;
pub use risk::*;
pub use safety_plans::*;
pub use schedule::*;

use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    paths(list_instruments, record_response, list_responses, client_outcomes, list_risk_flags, get_risk_flag,
        acknowledge_risk_flag, record_assessment, close_risk_flag, raise_risk_flag, save_safety_plan, list_safety_plans,
        get_measure_schedule, put_measure_schedule),
    components(schemas(InstrumentJson, ItemJson, OptionJson, BandSetJson, BandJson, RiskItemJson, LicenceJson, NewResponseJson,
        RecordedJson, ResponseJson, OutcomesJson, OutcomeScopeJson, InstrumentOutcomeJson, ReliableChangeJson, NhsTtJson, RiskFlagJson, RiskHitJson,
        AssessmentJson, CreatedJson, SafetyPlanJson, SafetyPlanVersionJson, CloseFlagJson, NewRiskFlagJson,
        MeasureScheduleJson, MeasureScheduleInput, CssrsJson)),
    tags((name = "measures", description = "Instruments, scored responses and outcomes (docs/measures.md)"),
         (name = "risk", description = "Risk flags, assessments and safety plans: the closed risk loop"))
)]
pub struct MeasuresDoc;

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/api/v1/instruments", list_instruments)
        .post("/api/v1/clients/{id}/responses", record_response)
        .get("/api/v1/clients/{id}/responses", list_responses)
        .get("/api/v1/clients/{id}/outcomes", client_outcomes)
        .get("/api/v1/courses/{id}/measure-schedule", get_measure_schedule)
        .put("/api/v1/courses/{id}/measure-schedule", put_measure_schedule)
        .post("/api/v1/clients/{id}/safety-plans", save_safety_plan)
        .get("/api/v1/clients/{id}/safety-plans", list_safety_plans)
        .post("/api/v1/clients/{id}/risk-flags", raise_risk_flag)
        .get("/api/v1/risk-flags", list_risk_flags)
        .get("/api/v1/risk-flags/{id}", get_risk_flag)
        .post("/api/v1/risk-flags/{id}/acknowledge", acknowledge_risk_flag)
        .post("/api/v1/risk-flags/{id}/assessments", record_assessment)
        .post("/api/v1/risk-flags/{id}/close", close_risk_flag)
}
