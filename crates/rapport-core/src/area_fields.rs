//! A problem-area workspace from named fields (a JSON body or a posted form):
//! only the fields of the area's kind, with a known stage and loss type.

use crate::formulation::{AreaKind, AreaWork, DisputeStage, LossType, StageChangeInput};
use crate::validation::ValidationErrors;
use serde_json::{Map, Value};

/// The fields a workspace of `area` has (its `type` and `stage_history` aside:
/// those are not sent).
pub fn area_fields(area: &str) -> Map<String, Value> {
    let mut m = match serde_json::to_value(AreaWork::empty_for(area)) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(),
    };
    m.remove("type");
    m.remove("stage_history");
    m
}

/// The workspace for `area` from its fields (`change`: the stage date and note
/// sent with them). A field of another area, a stage change outside a role
/// dispute, or a stage or loss type that is not one of the choices is an
/// error naming that field.
pub fn work_from_fields(
    area: &str,
    mut fields: Map<String, Value>,
    change: &StageChangeInput,
) -> Result<AreaWork, ValidationErrors> {
    let kind = AreaKind::of(area);
    if kind != AreaKind::RoleDispute {
        for (name, v) in [("stage_date", &change.date), ("stage_note", &change.note)] {
            if v.is_some() {
                return Err(ValidationErrors::single(name, format!("{name} applies to a role dispute, not to {area}")));
            }
        }
    }
    let allowed = area_fields(area);
    if let Some(name) = fields.keys().find(|k| !allowed.contains_key(k.as_str())) {
        return Err(ValidationErrors::single(name, format!("{name} is not a field of the {area} workspace")));
    }
    let text = |name: &str| fields.get(name).and_then(Value::as_str);
    if let Some(s) = text("stage").filter(|s| DisputeStage::parse(s).is_none()) {
        return Err(ValidationErrors::single(
            "stage",
            format!("Unknown stage {s:?}; use renegotiation, impasse or dissolution"),
        ));
    }
    if let Some(s) = text("loss_type").filter(|s| LossType::parse(s).is_none()) {
        return Err(ValidationErrors::single("loss_type", format!("Unknown loss type {s:?}; use death or other")));
    }
    fields.insert("type".into(), Value::String(kind.as_str().into()));
    serde_json::from_value(Value::Object(fields))
        .map_err(|e| ValidationErrors::single("area", format!("Unreadable workspace: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fields(v: Value) -> Map<String, Value> {
        v.as_object().cloned().unwrap_or_default()
    }

    #[test]
    fn a_field_of_another_area_is_named() {
        let none = StageChangeInput::default();
        let e = work_from_fields("role_dispute", fields(json!({"stage": "impasse", "old_role": "x"})), &none);
        assert_eq!(e.unwrap_err().first().unwrap().field, "old_role");
        let e = work_from_fields("role_dispute", fields(json!({"stage_history": []})), &none);
        assert_eq!(e.unwrap_err().first().unwrap().field, "stage_history");
    }

    #[test]
    fn unknown_choices_and_misplaced_stage_changes_are_refused() {
        let none = StageChangeInput::default();
        let e = work_from_fields("role_dispute", fields(json!({"stage": "war"})), &none).unwrap_err();
        assert_eq!(e.first().unwrap().field, "stage");
        let e = work_from_fields("grief", fields(json!({"loss_type": "theft"})), &none).unwrap_err();
        assert_eq!(e.first().unwrap().field, "loss_type");
        let note = StageChangeInput { date: None, note: Some("x".into()) };
        let e = work_from_fields("grief", Map::new(), &note).unwrap_err();
        assert_eq!(e.first().unwrap().field, "stage_note");
        assert!(work_from_fields("role_dispute", Map::new(), &note).is_ok());
    }

    #[test]
    fn any_other_area_keeps_notes() {
        let w =
            work_from_fields("lost_healthy_self", fields(json!({"notes": "lost the old self"})), &Default::default());
        assert!(matches!(w, Ok(AreaWork::Other(_))));
    }
}
