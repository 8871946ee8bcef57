//! Formulation and problem-area workspaces (goals: `crate::goals`): the
//! operations the pages and the API share (domain validation, the store write, its audit entry), so a
//! rule holds the same whichever way a clinician records something.

use crate::access::course::CourseContext;
use crate::caller::Identity;
use crate::AppState;
use crate::Error;
use rapport_core::audit::{action, AuditEvent};
use rapport_core::formulation::{
    apply_stage, check_agreement_facts, check_loss_type, validate_formulation, validate_workspace, AreaFact, AreaWork,
    AreaWorkspace, Formulation, StageChangeInput,
};
use rapport_core::msg;
use rapport_core::records::RecordBody;
use rapport_core::{Id, Timestamp, ValidationErrors};
use rapport_store::records::{Placement, Record};

pub(crate) fn event(me: &Identity, act: &str, kind: &str, cx: &CourseContext, detail: String) -> AuditEvent {
    let mut ev = me.event(act, kind);
    ev.client_id = Some(cx.client.id.to_string());
    ev.detail = Some(detail);
    ev
}

/// Records that `me` viewed a record (or the empty form for one) in a course.
#[crate::boxing::boxed_future]
pub async fn audit_read(
    state: &AppState,
    me: &Identity,
    cx: &CourseContext,
    kind: &str,
    id: Option<&Id>,
    detail: String,
) -> Result<(), Error> {
    let mut ev = event(me, action::RECORD_READ, kind, cx, detail);
    ev.resource_id = Some(id.map(|i| i.to_string()).unwrap_or_else(|| cx.course.id.to_string()));
    state.store.audit(ev).await?;
    Ok(())
}

/// The course's formulation, if written.
#[crate::boxing::boxed_future]
pub async fn formulation_of(state: &AppState, cx: &CourseContext) -> Result<Option<Record<Formulation>>, Error> {
    Ok(state.store.course_formulation(&cx.course.id).await?)
}

/// The workspace of `area`, if written.
#[crate::boxing::boxed_future]
pub async fn workspace(
    state: &AppState,
    cx: &CourseContext,
    area: &str,
) -> Result<Option<Record<AreaWorkspace>>, Error> {
    Ok(state.store.area_workspace(&cx.course.id, area).await?)
}

/// Every area workspace of the course, oldest first.
#[crate::boxing::boxed_future]
pub async fn workspaces(state: &AppState, cx: &CourseContext) -> Result<Vec<Record<AreaWorkspace>>, Error> {
    Ok(state.store.course_records::<AreaWorkspace>(&cx.course.id).await?)
}

/// The areas chosen in the course's formulation (none before it is written).
#[crate::boxing::boxed_future]
pub async fn chosen_areas(state: &AppState, cx: &CourseContext) -> Result<Vec<String>, Error> {
    Ok(state.store.course_formulation(&cx.course.id).await?.map(|f| f.body.problem_areas).unwrap_or_default())
}

/// Writes `next` over `current` (or creates it): `version` as the writer saw it
/// (None: whatever is stored now; on a record not yet written, only 0 fits).
pub(crate) async fn write<T: RecordBody>(
    state: &AppState,
    me: &Identity,
    cx: &CourseContext,
    current: Option<&Record<T>>,
    next: &T,
    version: Option<i64>,
    detail: String,
) -> Result<Record<T>, Error> {
    match current {
        Some(r) => {
            let ev = event(me, action::RECORD_UPDATE, T::KIND, cx, detail);
            Ok(state.store.update_record(&r.id, version.unwrap_or(r.version), next, &me.user.id, ev).await?)
        }
        None if version.is_some_and(|v| v != 0) => Err(Error::conflict(msg("app-formulation-stale"), &[])),
        None => {
            let at = Placement {
                client_id: cx.client.id.clone(),
                course_id: Some(cx.course.id.clone()),
                ..Default::default()
            };
            let ev = event(me, action::RECORD_CREATE, T::KIND, cx, detail);
            Ok(state.store.create_record(&at, next, &me.user.id, ev).await?)
        }
    }
}

/// Saves the course's formulation (problem areas checked against the protocol).
/// A date agreed is refused while a chosen area's workspace lacks its facts
/// (`rapport_core::formulation::missing_facts`), each named `<area>.<field>`.
#[crate::boxing::boxed_future]
pub async fn save_formulation(
    state: &AppState,
    me: &Identity,
    cx: &CourseContext,
    input: Formulation,
    version: Option<i64>,
) -> Result<Record<Formulation>, Error> {
    cx.require_open()?;
    let f = validate_formulation(&cx.protocol, input, Timestamp::now().date())?;
    if f.agreed_on.is_some() {
        let stored = state.store.course_records::<AreaWorkspace>(&cx.course.id).await?;
        let works: Vec<AreaWorkspace> = stored.into_iter().map(|r| r.body).collect();
        check_agreement_facts(&f, &works)?;
    }
    let current = state.store.course_formulation(&cx.course.id).await?;
    let areas = if f.problem_areas.is_empty() { "none yet".to_string() } else { f.problem_areas.join(", ") };
    let agreed = f.agreed_on.as_deref().map(|d| format!("; agreed {d}")).unwrap_or_default();
    write(state, me, cx, current.as_ref(), &f, version, format!("problem areas: {areas}{agreed}")).await
}

/// Checks that `area` is one of the course's chosen areas (field `area`).
#[crate::boxing::boxed_future]
pub async fn require_chosen(state: &AppState, cx: &CourseContext, area: &str) -> Result<Vec<String>, Error> {
    let chosen = chosen_areas(state, cx).await?;
    if chosen.iter().any(|a| a == area) {
        return Ok(chosen);
    }
    let area = format!("{area:?}");
    Err(if chosen.is_empty() {
        Error::keyed("area", msg("app-area-none-chosen"), vec![("area", area.into())])
    } else {
        Error::keyed(
            "area",
            msg("app-area-not-chosen"),
            vec![("area", area.into()), ("areas", chosen.join(", ").into())],
        )
    })
}

/// Saves the workspace of a chosen area. A role dispute's stage history is
/// carried from the stored workspace and grows when the stage changes. Under a
/// protocol that codes a non-death loss as a role transition, grief records a death.
#[crate::boxing::boxed_future]
pub async fn save_area(
    state: &AppState,
    me: &Identity,
    cx: &CourseContext,
    area: &str,
    work: AreaWork,
    change: &StageChangeInput,
    version: Option<i64>,
) -> Result<Record<AreaWorkspace>, Error> {
    cx.require_open()?;
    require_chosen(state, cx, area).await?;
    let today = Timestamp::now().date();
    let current = state.store.area_workspace(&cx.course.id, area).await?;
    let mut errors = ValidationErrors::new();
    let checked = validate_workspace(AreaWorkspace { area: area.to_string(), work }, today)
        .map_err(|e| errors.0.extend(e.0))
        .ok();
    if let Some(w) = &checked {
        if let Err(e) = check_loss_type(&cx.protocol, &w.work) {
            errors.0.extend(e.0);
        }
    }
    let mut detail = format!("{area} workspace");
    let ws = match checked {
        Some(AreaWorkspace { area, work: AreaWork::RoleDispute(next) }) => {
            let prev = current.as_ref().and_then(|r| match &r.body.work {
                AreaWork::RoleDispute(d) => Some(d),
                _ => None,
            });
            let before = prev.and_then(|p| p.stage);
            match apply_stage(prev, next, change, today) {
                Ok(d) => {
                    if before != d.stage {
                        let from = before.map(|s| s.as_str()).unwrap_or("none");
                        let to = d.stage.map(|s| s.as_str()).unwrap_or("none");
                        detail = format!("{area} workspace; stage {from} -> {to}");
                    }
                    Some(AreaWorkspace { area, work: AreaWork::RoleDispute(d) })
                }
                Err(e) => {
                    errors.0.extend(e.0);
                    None
                }
            }
        }
        other => other,
    };
    errors.into_result()?;
    let ws = ws.expect("no errors means a workspace");
    // The core checks the id's form; only the store knows whose inventory it is in.
    let person = match &ws.work {
        AreaWork::Grief(g) => g.person_id.clone(),
        AreaWork::RoleDispute(d) => d.person_id.clone(),
        _ => None,
    };
    if let Some(p) = person {
        crate::access::records::require_linked(
            state,
            &cx.client.id,
            rapport_core::timeline::PERSON_KIND,
            &[p],
            "person_id",
            "a person from this client's interpersonal inventory",
        )
        .await?;
    }
    write(state, me, cx, current.as_ref(), &ws, version, detail).await
}

/// The facts the chosen `areas` still lack before the client can agree the
/// formulation (`rapport_core::formulation::missing_facts`), area by area.
#[crate::boxing::boxed_future]
pub async fn missing_facts(
    state: &AppState,
    cx: &CourseContext,
    areas: &[String],
) -> Result<Vec<(String, AreaFact)>, Error> {
    let stored = state.store.course_records::<AreaWorkspace>(&cx.course.id).await?;
    let mut out = Vec::new();
    for area in areas {
        let work = stored.iter().rev().find(|r| &r.body.area == area).map(|r| &r.body.work);
        out.extend(rapport_core::formulation::missing_facts(area, work).into_iter().map(|f| (area.clone(), f)));
    }
    Ok(out)
}

/// The client's people (id and name, in circle order) a grief or dispute
/// workspace may link to. Read as part of the workspace page, whose read is audited.
#[crate::boxing::boxed_future]
pub async fn people_to_link(state: &AppState, cx: &CourseContext) -> Result<Vec<(String, String)>, Error> {
    let mut people = state.store.client_records::<rapport_core::inventory::Person>(&cx.client.id).await?;
    crate::inventory::sort_people(&mut people);
    Ok(people.into_iter().map(|p| (p.id.to_string(), p.body.display_name)).collect())
}
