//! FHIR R4 face at `/fhir/r4` (JSON, `application/fhir+json`): read and
//! search of clients, questionnaires, responses, total-score observations,
//! risk flags and assessments, courses (EpisodeOfCare), sessions (Encounter),
//! problem areas (Condition, with Rapport's CodeSystem), plans and goals
//! (CarePlan, Goal), care teams and staff roles, the caller's own audit
//! entries (AuditEvent), and creating a QuestionnaireResponse through the one
//! response pipeline. Callers
//! authenticate with personal API tokens (`Authorization: Bearer`), with the
//! same access as everywhere else; the use cases in rapport-app check access
//! and audit every read. `map` turns records into FHIR JSON; `search` reads
//! the search parameters.

mod audit;
mod bulk;
mod group;
pub mod map;
mod plan;
mod read;
pub mod search;
mod smart;
mod submit;
mod team;
pub mod wire;

use crate::route_table::Routes;

pub fn routes(r: Routes) -> Routes {
    r.get("/fhir/r4/metadata", read::metadata)
        .get("/fhir/r4/.well-known/smart-configuration", smart::configuration)
        .post("/fhir/r4/auth/token", smart::token)
        .get("/fhir/r4/$export", bulk::system_export)
        .post("/fhir/r4/$export", bulk::system_export_post)
        .get("/fhir/r4/Patient/$export", bulk::patient_export)
        .post("/fhir/r4/Patient/$export", bulk::patient_export_post)
        .get("/fhir/r4/Group/{id}/$export", bulk::group_export)
        .post("/fhir/r4/Group/{id}/$export", bulk::group_export_post)
        .get("/fhir/r4/bulk-status/{id}", bulk::status)
        .delete("/fhir/r4/bulk-status/{id}", bulk::cancel)
        .get("/fhir/r4/bulk-files/{id}/{file}", bulk::file)
        .get("/fhir/r4/Group", group::search_groups)
        .get("/fhir/r4/Group/{id}", group::read_group)
        .get("/fhir/r4/Patient", read::search_patients)
        .get("/fhir/r4/Patient/{id}", read::read_patient)
        .get("/fhir/r4/Questionnaire", read::search_questionnaires)
        .get("/fhir/r4/Questionnaire/{id}", read::read_questionnaire)
        .get("/fhir/r4/QuestionnaireResponse", read::search_responses)
        .post("/fhir/r4/QuestionnaireResponse", submit::create_response)
        .get("/fhir/r4/QuestionnaireResponse/{id}", read::read_response)
        .get("/fhir/r4/Observation", read::search_observations)
        .get("/fhir/r4/Observation/{id}", read::read_observation)
        .get("/fhir/r4/Flag", read::search_flags)
        .get("/fhir/r4/Flag/{id}", read::read_flag)
        .get("/fhir/r4/RiskAssessment", read::search_risk_assessments)
        .get("/fhir/r4/RiskAssessment/{id}", read::read_risk_assessment)
        .get("/fhir/r4/EpisodeOfCare", read::search_episodes)
        .get("/fhir/r4/EpisodeOfCare/{id}", read::read_episode)
        .get("/fhir/r4/Encounter", read::search_encounters)
        .get("/fhir/r4/Encounter/{id}", read::read_encounter)
        .get("/fhir/r4/Condition", read::search_conditions)
        .get("/fhir/r4/Condition/{id}", read::read_condition)
        .get("/fhir/r4/Goal", plan::search_goals)
        .get("/fhir/r4/Goal/{id}", plan::read_goal)
        .get("/fhir/r4/CarePlan", plan::search_care_plans)
        .get("/fhir/r4/CarePlan/{id}", plan::read_care_plan)
        .get("/fhir/r4/AuditEvent", audit::search_audit_events)
        .get("/fhir/r4/AuditEvent/{id}", audit::read_audit_event)
        .get("/fhir/r4/CodeSystem/{id}", read::read_code_system)
        .get("/fhir/r4/Practitioner", team::search_practitioners)
        .get("/fhir/r4/Practitioner/{id}", read::read_practitioner)
        .get("/fhir/r4/PractitionerRole", team::search_practitioner_roles)
        .get("/fhir/r4/PractitionerRole/{id}", team::read_practitioner_role)
        .get("/fhir/r4/CareTeam", team::search_care_teams)
        .get("/fhir/r4/CareTeam/{id}", team::read_care_team)
        .get("/fhir/r4/Organization/{id}", read::read_organization)
        // Anything else under the base: an OperationOutcome naming what is served.
        .get("/fhir/r4/{*rest}", wire::unknown_path)
}
