//! API v1 for the interpersonal formulation of a course and the workspace of
//! each chosen problem area. Same access rules and domain checks as the pages
//! (`rapport_app::formulation`).

use super::body::ApiJson;
use super::courses::AreaJson;
use crate::error::{ApiResult, AppError, ErrorBody};
use crate::identity::ApiCaller;
use axum::extract::{Path, State};
use axum::Json;
use rapport_app::access::course::{course_for, CourseContext};
use rapport_app::access::Purpose;
use rapport_app::formulation::{
    audit_read, chosen_areas, formulation_of, missing_facts, require_chosen, save_area, save_formulation, workspace,
};
use rapport_app::AppState;
use rapport_core::area_fields::work_from_fields;
use rapport_core::formulation::{
    is_last_resort, non_death_loss_is_transition, AreaWork, AreaWorkspace, Formulation, StageChangeInput,
};
use rapport_core::protocol::ChecklistItem;
use rapport_store::records::Record;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use utoipa::{OpenApi, ToSchema};

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/api/v1/courses/{id}/formulation", get_formulation)
        .put("/api/v1/courses/{id}/formulation", put_formulation)
        .get("/api/v1/courses/{id}/areas/{area}", get_area)
        .put("/api/v1/courses/{id}/areas/{area}", put_area)
}

#[derive(OpenApi)]
#[openapi(
    paths(get_formulation, put_formulation, get_area, put_area),
    components(schemas(FormulationJson, FormulationPutJson, MissingFactJson, AreaGuidanceJson, AreaWorkspaceJson, AreaPutJson, StageChangeJson, SocialExperimentJson)),
    tags((name = "formulation", description = "The interpersonal formulation of a course and the work on each chosen problem area"))
)]
pub struct FormulationDoc;

#[derive(Serialize, ToSchema)]
pub struct FormulationJson {
    pub course_id: String,
    /// Chosen problem-area ids, e.g. `role_dispute`.
    pub problem_areas: Vec<String>,
    /// The chosen areas with the protocol's labels.
    pub areas: Vec<AreaJson>,
    /// Every area the course's protocol offers.
    pub available_areas: Vec<AreaJson>,
    /// How many areas the protocol allows.
    pub max_problem_areas: u32,
    pub symptom_link: Option<String>,
    pub shared_text: Option<String>,
    pub rationale: Option<String>,
    /// `YYYY-MM-DD`
    pub agreed_on: Option<String>,
    /// Whether the protocol records interpersonal sensitivity (the Stuart protocol).
    pub sensitivity_offered: bool,
    /// Stuart & Robertson: whether interpersonal sensitivity is a characteristic of the
    /// client (null: not recorded).
    pub interpersonal_sensitivity: Option<bool>,
    /// How it shows.
    pub sensitivity_note: Option<String>,
    /// Whether the checklist item `formulation` is ticked.
    pub checklist_done: bool,
    /// The facts the chosen areas' workspaces still lack: while any is listed, a PUT with
    /// `agreed_on` answers 422 naming each as `<area>.<field>` (e.g. `grief.date_of_death`).
    pub missing_facts: Vec<MissingFactJson>,
    /// How the protocol codes the areas: `interpersonal_deficits` is the area of last resort;
    /// under a Weissman protocol a loss other than a death is a role transition.
    pub guidance: Vec<AreaGuidanceJson>,
    /// 0 before the formulation is first written; send it back in PUT.
    pub version: i64,
    pub updated_at: Option<String>,
    pub updated_by: Option<String>,
}

/// A fact a chosen area's workspace must record before the client agrees.
#[derive(Serialize, ToSchema)]
pub struct MissingFactJson {
    pub area: String,
    /// The workspace field (`PUT /api/v1/courses/{id}/areas/{area}`).
    pub field: String,
    pub message: String,
}

/// A note on an area the protocol offers.
#[derive(Serialize, ToSchema)]
pub struct AreaGuidanceJson {
    pub area: String,
    /// `last_resort` (interpersonal deficits) or `non_death_loss_is_transition` (grief, role transition).
    pub code: String,
    pub message: String,
}

fn guidance(cx: &CourseContext) -> Vec<AreaGuidanceJson> {
    let tr = crate::i18n::current();
    let mut out = Vec::new();
    for a in &cx.protocol.problem_areas {
        if is_last_resort(&a.id) {
            out.push(AreaGuidanceJson {
                area: a.id.clone(),
                code: "last_resort".into(),
                message: tr.t("formulation-last-resort"),
            });
        }
    }
    if non_death_loss_is_transition(&cx.protocol) {
        let message = tr.ta("formulation-non-death-loss-hint", "protocol", cx.protocol.name.as_str());
        for area in ["grief", "role_transition"] {
            out.push(AreaGuidanceJson {
                area: area.into(),
                code: "non_death_loss_is_transition".into(),
                message: message.clone(),
            });
        }
    }
    out
}

async fn formulation_json(
    state: &AppState,
    cx: &CourseContext,
    f: Option<&Record<Formulation>>,
) -> Result<FormulationJson, AppError> {
    let body = f.map(|r| r.body.clone()).unwrap_or_default();
    let tr = crate::i18n::current();
    let missing_facts = missing_facts(state, cx, &body.problem_areas)
        .await?
        .into_iter()
        .map(|(area, fact)| MissingFactJson { area, field: fact.field.into(), message: tr.t(fact.message) })
        .collect();
    let area = |id: &String| AreaJson { id: id.clone(), label: cx.protocol.area_label(id).to_string() };
    Ok(FormulationJson {
        missing_facts,
        guidance: guidance(cx),
        course_id: cx.course.id.to_string(),
        areas: body.problem_areas.iter().map(area).collect(),
        available_areas: cx.protocol.problem_areas.iter().map(|a| area(&a.id)).collect(),
        max_problem_areas: cx.protocol.max_problem_areas,
        problem_areas: body.problem_areas,
        symptom_link: body.symptom_link,
        shared_text: body.shared_text,
        rationale: body.rationale,
        agreed_on: body.agreed_on,
        sensitivity_offered: cx.protocol.interpersonal_sensitivity,
        interpersonal_sensitivity: body.interpersonal_sensitivity,
        sensitivity_note: body.sensitivity_note,
        checklist_done: cx.checklist.iter().any(|e| e.item == ChecklistItem::Formulation),
        version: f.map(|r| r.version).unwrap_or(0),
        updated_at: f.map(|r| r.updated_at.to_db()),
        updated_by: f.map(|r| r.updated_by_name.clone()),
    })
}

/// The course's formulation (`version` 0 and empty fields before it is written).
#[utoipa::path(get, path = "/api/v1/courses/{id}/formulation", tag = "formulation",
    params(("id" = String, Path, description = "Course id")),
    responses((status = 200, body = FormulationJson), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_formulation(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
) -> ApiResult<Json<FormulationJson>> {
    let cx = course_for(&state, &me, &id, Purpose::AuditRead).await?;
    let f = formulation_of(&state, &cx).await?;
    audit_read(&state, &me, &cx, "formulation", f.as_ref().map(|r| &r.id), "via API".into()).await?;
    Ok(Json(formulation_json(&state, &cx, f.as_ref()).await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FormulationPutJson {
    /// Problem-area ids of the course's protocol (see `GET /api/v1/protocols`), at most its
    /// `max_problem_areas`. Empty for a draft.
    #[schema(max_items = 10)]
    pub problem_areas: Vec<String>,
    /// How the symptoms link to the interpersonal situation.
    #[schema(max_length = 4000)]
    pub symptom_link: Option<String>,
    /// Plain-language text to share with the client.
    #[schema(max_length = 4000)]
    pub shared_text: Option<String>,
    #[schema(max_length = 4000)]
    pub rationale: Option<String>,
    /// `YYYY-MM-DD` the client agreed, not in the future; needs at least one area, and each
    /// chosen area's facts recorded in its workspace (see `missing_facts` in the answer).
    pub agreed_on: Option<String>,
    /// Only under a protocol that records it (`sensitivity_offered`: the Stuart protocol; else
    /// 422 naming `interpersonal_sensitivity`): whether interpersonal sensitivity is a
    /// characteristic of the client. Null or absent: not recorded.
    pub interpersonal_sensitivity: Option<bool>,
    /// How it shows; needs `interpersonal_sensitivity`.
    #[schema(max_length = 500)]
    pub sensitivity_note: Option<String>,
    /// The version read; refused with 409 if the formulation changed since.
    pub version: Option<i64>,
}

/// Writes the formulation (the whole of it: fields left out are cleared). Unknown or too many
/// problem areas answer 422 naming `problem_areas[i]` or `problem_areas`; a date agreed while a
/// chosen area lacks a fact answers 422 naming `<area>.<field>` for each; nothing is stored.
#[utoipa::path(put, path = "/api/v1/courses/{id}/formulation", tag = "formulation",
    params(("id" = String, Path, description = "Course id")), request_body = FormulationPutJson,
    responses((status = 200, body = FormulationJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn put_formulation(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<FormulationPutJson>,
) -> ApiResult<Json<FormulationJson>> {
    let cx = course_for(&state, &me, &id, Purpose::Write).await?;
    let input = Formulation {
        problem_areas: body.problem_areas,
        symptom_link: body.symptom_link,
        shared_text: body.shared_text,
        agreed_on: body.agreed_on,
        rationale: body.rationale,
        interpersonal_sensitivity: body.interpersonal_sensitivity,
        sensitivity_note: body.sensitivity_note,
    };
    let saved = save_formulation(&state, &me, &cx, input, body.version).await?;
    Ok(Json(formulation_json(&state, &cx, Some(&saved)).await?))
}

// ---------------------------------------------------------------- area workspaces

#[derive(Serialize, Deserialize, ToSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct StageChangeJson {
    /// `YYYY-MM-DD`
    pub date: String,
    /// `renegotiation`, `impasse`, `dissolution`; null for the first stage recorded.
    pub from: Option<String>,
    pub to: String,
    pub note: Option<String>,
}

#[derive(Serialize, Deserialize, ToSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct SocialExperimentJson {
    /// `YYYY-MM-DD`
    pub date: Option<String>,
    /// The attempt at new contact.
    #[schema(max_length = 500)]
    pub attempt: String,
    #[schema(max_length = 500)]
    pub outcome: Option<String>,
}

/// The fields of a problem-area workspace. Which apply depends on the area:
/// **grief**: `person`, `person_id`, `loss_type`, `date_of_death`, `circumstances`,
/// `relationship_good`, `relationship_bad`, `mourning_tasks`, `mourning_progress`, `new_activities`;
/// **role_dispute**: `other_person`, `person_id`, `stage` (required), `issues`,
/// `client_expectations`, `other_expectations`, `non_reciprocal`, `options`, `similar_patterns`,
/// and for a stage change `stage_date` and `stage_note`;
/// **role_transition**: `old_role`, `new_role`, `date_of_change`, `losses`, `gains`,
/// `skills_needed`, `support_needed`, `steps_taken`;
/// **interpersonal_deficits**: `isolation_pattern`, `past_relationships_good`,
/// `past_relationships_bad`, `repeating_patterns`, `social_experiments`;
/// any other area of a protocol: `notes`. A field of another area answers 422 naming it.
#[derive(Serialize, Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct AreaPutJson {
    /// The version read (0 or absent for a new workspace); 409 if it changed since.
    #[serde(skip_serializing)]
    pub version: Option<i64>,
    /// Role dispute: `YYYY-MM-DD` the stage changed (default today; not before the last change).
    #[serde(skip_serializing)]
    pub stage_date: Option<String>,
    /// Role dispute: a note kept with the stage change.
    #[serde(skip_serializing)]
    pub stage_note: Option<String>,
    /// Grief: who died (a name or an alias).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    /// Grief or role dispute: the person's id in the interpersonal inventory (grief after a
    /// death: needed before the formulation is agreed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person_id: Option<String>,
    /// Grief: `death` (default) or `other`. Under a Weissman protocol `other` answers 422:
    /// a loss other than a death is a role transition there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub loss_type: Option<String>,
    /// Grief: `YYYY-MM-DD`, not in the future.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_of_death: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub circumstances: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relationship_good: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relationship_bad: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mourning_tasks: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mourning_progress: Option<String>,
    /// Grief: new activities and relationships.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_activities: Option<String>,
    /// Role dispute: the other person (a name or an alias).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other_person: Option<String>,
    /// Role dispute: `renegotiation`, `impasse` or `dissolution`. A change is added to the stage history.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stage: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issues: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_expectations: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other_expectations: Option<String>,
    /// Role dispute: where the expectations do not match.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub non_reciprocal: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(max_items = 30)]
    pub options: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub similar_patterns: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_role: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_role: Option<String>,
    /// Role transition: `YYYY-MM-DD`, not in the future.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_of_change: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(max_items = 30)]
    pub losses: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(max_items = 30)]
    pub gains: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(max_items = 30)]
    pub skills_needed: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(max_items = 30)]
    pub support_needed: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(max_items = 30)]
    pub steps_taken: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub isolation_pattern: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub past_relationships_good: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub past_relationships_bad: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(max_items = 30)]
    pub repeating_patterns: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(max_items = 30)]
    pub social_experiments: Option<Vec<SocialExperimentJson>>,
    /// Any other area: notes (what was lost or changed, feelings, new goals).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// A workspace as returned: the metadata, then the fields of its area (as in
/// `AreaPutJson`, null when empty) and, for a role dispute, `stage_history`.
#[derive(Serialize, ToSchema)]
pub struct AreaWorkspaceJson {
    pub course_id: String,
    pub area: String,
    pub area_label: String,
    /// `grief`, `role_dispute`, `role_transition`, `interpersonal_deficits` or `other`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Whether the area is among the formulation's chosen areas now.
    pub chosen: bool,
    /// 0 before the workspace is first written.
    pub version: i64,
    pub updated_at: Option<String>,
    pub updated_by: Option<String>,
    /// Role dispute: every stage change, oldest first (appended when `stage` changes).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub stage_history: Option<Vec<StageChangeJson>>,
    /// The area's own fields (see `AreaPutJson`).
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub fields: Map<String, Value>,
}

fn area_json(cx: &CourseContext, area: &str, chosen: bool, ws: Option<&Record<AreaWorkspace>>) -> AreaWorkspaceJson {
    let work = ws.map(|r| r.body.work.clone()).unwrap_or_else(|| AreaWork::empty_for(area));
    let mut fields = match serde_json::to_value(&work) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(),
    };
    fields.remove("type");
    let stage_history =
        fields.remove("stage_history").map(|h| serde_json::from_value::<Vec<StageChangeJson>>(h).unwrap_or_default());
    AreaWorkspaceJson {
        course_id: cx.course.id.to_string(),
        area: area.to_string(),
        area_label: cx.protocol.area_label(area).to_string(),
        kind: work.kind().as_str().into(),
        chosen,
        version: ws.map(|r| r.version).unwrap_or(0),
        updated_at: ws.map(|r| r.updated_at.to_db()),
        updated_by: ws.map(|r| r.updated_by_name.clone()),
        stage_history,
        fields,
    }
}

/// The protocol's area named in the path (field `area` on error).
fn protocol_area(cx: &CourseContext, area: &str) -> Result<String, AppError> {
    cx.protocol.area(area).map(|a| a.id.clone()).ok_or_else(|| {
        let known: Vec<&str> = cx.protocol.problem_areas.iter().map(|a| a.id.as_str()).collect();
        AppError::invalid(
            "area",
            format!("{area:?} is not a problem area of {}; use one of {}", cx.protocol.name, known.join(", ")),
        )
    })
}

/// The workspace of one problem area: a chosen one (empty, `version` 0, before it is
/// written), or an area chosen earlier whose workspace was kept. Else 422 naming `area`.
#[utoipa::path(get, path = "/api/v1/courses/{id}/areas/{area}", tag = "formulation",
    params(("id" = String, Path, description = "Course id"), ("area" = String, Path, description = "Problem-area id, e.g. `role_dispute`")),
    responses((status = 200, body = AreaWorkspaceJson), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn get_area(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path((id, area)): Path<(String, String)>,
) -> ApiResult<Json<AreaWorkspaceJson>> {
    let cx = course_for(&state, &me, &id, Purpose::AuditRead).await?;
    let area = protocol_area(&cx, &area)?;
    let chosen = chosen_areas(&state, &cx).await?.contains(&area);
    let ws = workspace(&state, &cx, &area).await?;
    if !chosen && ws.is_none() {
        require_chosen(&state, &cx, &area).await?;
    }
    audit_read(&state, &me, &cx, "area_workspace", ws.as_ref().map(|r| &r.id), format!("{area} via API")).await?;
    Ok(Json(area_json(&cx, &area, chosen, ws.as_ref())))
}

/// The core workspace for `area` from the request's fields;
/// see `rapport_core::area_fields::work_from_fields`.
pub fn work_from(area: &str, body: &AreaPutJson) -> Result<AreaWork, AppError> {
    let fields = match serde_json::to_value(body) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(),
    };
    Ok(work_from_fields(area, fields, &stage_change(body))?)
}

fn stage_change(body: &AreaPutJson) -> StageChangeInput {
    StageChangeInput { date: body.stage_date.clone(), note: body.stage_note.clone() }
}

/// Writes the workspace of a chosen problem area (the whole of it: fields left out are cleared).
/// For a role dispute, a new `stage` is added to the stage history with `stage_date` and `stage_note`.
#[utoipa::path(put, path = "/api/v1/courses/{id}/areas/{area}", tag = "formulation",
    params(("id" = String, Path, description = "Course id"), ("area" = String, Path, description = "Problem-area id, e.g. `role_dispute`")),
    request_body = AreaPutJson,
    responses((status = 200, body = AreaWorkspaceJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn put_area(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path((id, area)): Path<(String, String)>,
    ApiJson(body): ApiJson<AreaPutJson>,
) -> ApiResult<Json<AreaWorkspaceJson>> {
    let cx = course_for(&state, &me, &id, Purpose::Write).await?;
    let area = protocol_area(&cx, &area)?;
    let work = work_from(&area, &body)?;
    let saved = save_area(&state, &me, &cx, &area, work, &stage_change(&body), body.version).await?;
    Ok(Json(area_json(&cx, &area, true, Some(&saved))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use utoipa::PartialSchema;

    /// The documented request fields are exactly the fields of the core workspaces.
    #[test]
    fn documented_fields_match_the_workspaces() {
        let mut core = std::collections::BTreeSet::new();
        for area in ["grief", "role_dispute", "role_transition", "interpersonal_deficits", "lost_healthy_self"] {
            if let Ok(Value::Object(m)) = serde_json::to_value(AreaWork::empty_for(area)) {
                core.extend(m.keys().filter(|k| *k != "type" && *k != "stage_history").cloned());
            }
        }
        let schema = serde_json::to_value(AreaPutJson::schema()).unwrap();
        let documented: std::collections::BTreeSet<String> = schema["properties"]
            .as_object()
            .unwrap()
            .keys()
            .filter(|k| !["version", "stage_date", "stage_note"].contains(&k.as_str()))
            .cloned()
            .collect();
        assert_eq!(documented, core);
    }

    #[test]
    fn a_field_of_another_area_is_named() {
        let body = AreaPutJson { stage: Some("impasse".into()), old_role: Some("x".into()), ..Default::default() };
        match work_from("role_dispute", &body) {
            Err(AppError::Invalid(e)) => assert_eq!(e.first().unwrap().field, "old_role"),
            _ => panic!("expected 422"),
        }
        let body = AreaPutJson { stage: Some("war".into()), ..Default::default() };
        assert!(matches!(work_from("role_dispute", &body), Err(AppError::Invalid(_))));
        let body = AreaPutJson { stage_note: Some("x".into()), ..Default::default() };
        assert!(matches!(work_from("grief", &body), Err(AppError::Invalid(_))));
        let body = AreaPutJson { notes: Some("lost the old self".into()), ..Default::default() };
        assert!(matches!(work_from("lost_healthy_self", &body), Ok(AreaWork::Other(_))));
    }
}
