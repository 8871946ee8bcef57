//! The formulation tab of a course: the interpersonal formulation (problem
//! areas, link to symptoms, text shared with the client, rationale, date
//! agreed) with its version history, and one workspace page per chosen area.

use super::Layout;

use crate::course_extract::{CoursePost, CourseRead};
use crate::error::{AppError, AppResult};
use crate::html::form::Pairs;
use crate::html::{refused, render, FormErrors};
use crate::i18n::{msg, Arg};
use askama::Template;
use axum::extract::{Path, Query};
use axum::response::{Html, IntoResponse, Redirect, Response};
use rapport_app::access::course::CourseContext;
use rapport_app::caller::Identity;
use rapport_app::formulation::{
    audit_read, chosen_areas, formulation_of, people_to_link, save_area, save_formulation, workspace, workspaces,
};
use rapport_app::records;
use rapport_app::AppState;
use rapport_core::area_fields::{area_fields, work_from_fields};
use rapport_core::formulation::{
    is_last_resort, missing_facts, non_death_loss_is_transition, AreaKind, AreaWork, AreaWorkspace, DisputeStage,
    Formulation, LossType, StageChangeInput,
};
use rapport_core::protocol::ChecklistItem;
use rapport_core::time::format_date;
use rapport_core::Timestamp;
use rapport_store::courses::ChecklistEntry;
use rapport_store::records::{Record, RecordVersion};
use serde_json::{Map, Value};

use super::clients::DoneParam;

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/courses/{id}/formulation", show)
        .post("/courses/{id}/formulation", save)
        .get("/courses/{id}/formulation/{area}", show_area)
        .post("/courses/{id}/formulation/{area}", save_area_form)
}

/// A message with two arguments, for templates (`tr.tn` takes a slice they cannot write).
pub fn tn(id: &str, a: &'static str, av: impl Arg, b: &'static str, bv: impl Arg) -> String {
    crate::i18n::current().tn(id, &[(a, &av), (b, &bv)])
}

/// A message with three arguments, for templates.
pub fn t3(
    id: &str,
    a: &'static str,
    av: impl Arg,
    b: &'static str,
    bv: impl Arg,
    c: &'static str,
    cv: impl Arg,
) -> String {
    crate::i18n::current().tn(id, &[(a, &av), (b, &bv), (c, &cv)])
}

/// A whole number a template holds (by value or reference), for a message argument.
pub trait Count {
    fn count(&self) -> i64;
}

impl Count for u32 {
    fn count(&self) -> i64 {
        i64::from(*self)
    }
}

impl<T: Count + ?Sized> Count for &T {
    fn count(&self) -> i64 {
        (**self).count()
    }
}

/// A count or number for a message argument (Fluent chooses plurals by it).
pub fn num(n: impl Count) -> i64 {
    n.count()
}

fn blank_none(s: String) -> Option<String> {
    Some(s).filter(|s| !s.trim().is_empty())
}

// ---------------------------------------------------------------- formulation page

/// The formulation as shown in the form (what is stored, or what was typed).
#[derive(Clone, Debug, Default)]
pub struct FormulationForm {
    pub problem_areas: Vec<String>,
    pub symptom_link: String,
    pub shared_text: String,
    pub rationale: String,
    pub agreed_on: String,
    /// "yes", "no" or "" (not recorded): interpersonal sensitivity (Stuart).
    pub sensitivity: String,
    pub sensitivity_note: String,
    pub version: i64,
}

impl FormulationForm {
    fn from_record(r: Option<&Record<Formulation>>) -> Self {
        let Some(r) = r else { return Self::default() };
        let b = &r.body;
        FormulationForm {
            problem_areas: b.problem_areas.clone(),
            symptom_link: b.symptom_link.clone().unwrap_or_default(),
            shared_text: b.shared_text.clone().unwrap_or_default(),
            rationale: b.rationale.clone().unwrap_or_default(),
            agreed_on: b.agreed_on.clone().unwrap_or_default(),
            sensitivity: sensitivity_choice(b.interpersonal_sensitivity).into(),
            sensitivity_note: b.sensitivity_note.clone().unwrap_or_default(),
            version: r.version,
        }
    }
    pub fn has(&self, area: &str) -> bool {
        self.problem_areas.iter().any(|a| a == area)
    }
}

/// The form's value for a recorded interpersonal sensitivity.
pub fn sensitivity_choice(v: Option<bool>) -> &'static str {
    match v {
        Some(true) => "yes",
        Some(false) => "no",
        None => "",
    }
}

/// A chosen area with its workspace summary.
pub struct AreaRow {
    pub id: String,
    pub label: String,
    pub summary: String,
    pub started: bool,
    /// The facts still needed before the client agrees, in the reader's language.
    pub missing: Vec<String>,
}

#[derive(Template)]
#[template(path = "formulation.html")]
struct FormulationPage {
    layout: Layout,
    cx: CourseContext,
    record: Option<Record<Formulation>>,
    form: FormulationForm,
    history: Vec<RecordVersion<Formulation>>,
    areas: Vec<AreaRow>,
    checklist_entry: Option<ChecklistEntry>,
    /// The protocol has the checklist item `formulation`.
    checklist_has_item: bool,
    errors: FormErrors,
    today: String,
    /// The client's thoughts on the shared formulation, from the portal.
    reflections: Vec<rapport_store::portal::ReflectionRow>,
    /// The form is shown (else the record, read-only).
    editing: bool,
}

impl FormulationPage {
    fn last_resort(&self, area: &str) -> bool {
        is_last_resort(area)
    }
    /// The one line on non-death losses, under a protocol that codes them as a role transition.
    fn non_death_hint(&self) -> Option<String> {
        non_death_loss_is_transition(&self.cx.protocol).then(|| {
            self.layout.tr.ta(
                "formulation-non-death-loss-hint",
                "protocol",
                self.cx.protocol.name_in(self.layout.tr.lang()),
            )
        })
    }
    fn area_label(&self, id: &str) -> String {
        self.layout.tr.term("area", id, self.cx.protocol.area_label(id))
    }
    /// Interpersonal sensitivity as shown: yes, no or not recorded.
    fn sensitivity_text(&self, v: &Option<bool>) -> String {
        self.layout.tr.t(match v {
            Some(true) => msg("formulation-sensitivity-yes"),
            Some(false) => msg("formulation-sensitivity-no"),
            None => msg("formulation-sensitivity-unrecorded"),
        })
    }
    /// Whether the page shows interpersonal sensitivity: offered by the protocol, or recorded.
    fn shows_sensitivity(&self, f: &Formulation) -> bool {
        self.cx.protocol.interpersonal_sensitivity || f.interpersonal_sensitivity.is_some()
    }
    fn area_labels(&self, ids: &[String]) -> String {
        if ids.is_empty() {
            return self.layout.tr.t("formulation-none-chosen");
        }
        ids.iter().map(|a| self.area_label(a)).collect::<Vec<_>>().join(", ")
    }
    /// "Version 2 · updated 4 Dec 2026, 14:05 by Ana".
    fn version_line(&self, v: &RecordVersion<Formulation>) -> String {
        self.layout.tr.tn(
            msg("formulation-version-change"),
            &[
                ("version", &v.version),
                ("change", &v.change),
                ("when", &crate::i18n::show(v.changed_at)),
                ("by", &v.changed_by_name),
            ],
        )
    }
}

/// `?edit=1` opens the form of an agreed formulation (shown read-only otherwise).
#[derive(serde::Deserialize, Default)]
pub struct ShowParams {
    done: Option<String>,
    edit: Option<String>,
}

pub async fn show(CourseRead { state, me, cx }: CourseRead, Query(q): Query<ShowParams>) -> AppResult<Html<String>> {
    let record = formulation_of(&state, &cx).await?;
    audit_read(&state, &me, &cx, "formulation", record.as_ref().map(|r| &r.id), "formulation page".into()).await?;
    let form = FormulationForm::from_record(record.as_ref());
    let editing = q.edit.as_deref() == Some("1");
    formulation_page(&state, &me, cx, record, form, FormErrors::default(), q.done.as_deref(), editing).await
}

/// A workspace in one line for the area list (`AreaWork::summary` in the reader's language).
fn area_summary(work: &AreaWork) -> String {
    let tr = crate::i18n::current();
    match work {
        AreaWork::RoleDispute(d) => match (d.other_person.as_deref().filter(|w| !w.is_empty()), d.stage) {
            (None, Some(s)) => tr.t(s.message()),
            (Some(who), Some(s)) => tn("formulation-summary-dispute", "person", who, "stage", s.as_str()),
            (_, None) => d.other_person.clone().unwrap_or_default(),
        },
        AreaWork::InterpersonalDeficits(d) if !d.social_experiments.is_empty() => {
            tr.ta("formulation-summary-experiments", "count", d.social_experiments.len())
        }
        other => other.summary(),
    }
}

#[allow(clippy::too_many_arguments)]
async fn formulation_page(
    state: &AppState,
    me: &Identity,
    cx: CourseContext,
    record: Option<Record<Formulation>>,
    form: FormulationForm,
    errors: FormErrors,
    done: Option<&str>,
    edit: bool,
) -> AppResult<Html<String>> {
    // An agreed formulation reads as a record with an Edit button; the form
    // shows until it is agreed, on Edit, and with errors to fix.
    let agreed = record.as_ref().is_some_and(|r| r.body.agreed_on.is_some());
    let editing = cx.is_open() && (edit || !agreed || errors.any());
    let title = crate::i18n::current().ta("formulation-title", "client", &cx.client.details.display_name);
    let layout = Layout::new(state, me, title, "caseload").await?.with_done(done);
    let history = match &record {
        Some(r) => records::history::<Formulation>(state, &r.id).await?,
        None => Vec::new(),
    };
    let workspaces = workspaces(state, &cx).await?;
    let chosen = record.as_ref().map(|r| r.body.problem_areas.clone()).unwrap_or_default();
    let areas = chosen
        .iter()
        .map(|a| {
            let ws = workspaces.iter().rev().find(|w| &w.body.area == a);
            AreaRow {
                id: a.clone(),
                label: crate::i18n::current().term("area", a, cx.protocol.area_label(a)),
                summary: ws.map(|w| area_summary(&w.body.work)).unwrap_or_default(),
                started: ws.is_some(),
                missing: missing_facts(a, ws.map(|w| &w.body.work))
                    .into_iter()
                    .map(|f| crate::i18n::current().t(f.message))
                    .collect(),
            }
        })
        .collect();
    let checklist_entry = cx.checklist.iter().find(|e| e.item == ChecklistItem::Formulation).cloned();
    let checklist_has_item = cx.protocol.checklist_items().contains(&ChecklistItem::Formulation);
    let reflections = rapport_app::portal::reflections_on(
        state,
        me,
        &cx.client.id,
        rapport_core::portal::ReflectionTopic::Formulation,
    )
    .await?;
    render(&FormulationPage {
        editing,
        reflections,
        layout,
        record,
        form,
        history,
        areas,
        checklist_entry,
        checklist_has_item,
        errors,
        today: format_date(Timestamp::now().date()),
        cx,
    })
}

pub async fn save(CoursePost { state, me, cx, form: Pairs(pairs) }: CoursePost) -> AppResult<Response> {
    let f = Pairs(pairs);
    let version = f.required_version()?;
    let form = FormulationForm {
        problem_areas: f.all("problem_areas"),
        symptom_link: f.get("symptom_link").to_string(),
        shared_text: f.get("shared_text").to_string(),
        rationale: f.get("rationale").to_string(),
        agreed_on: f.get("agreed_on").to_string(),
        sensitivity: f.get("interpersonal_sensitivity").trim().to_string(),
        sensitivity_note: f.get("sensitivity_note").to_string(),
        version,
    };
    let input = Formulation {
        problem_areas: form.problem_areas.clone(),
        symptom_link: blank_none(form.symptom_link.clone()),
        shared_text: blank_none(form.shared_text.clone()),
        agreed_on: blank_none(form.agreed_on.clone()),
        rationale: blank_none(form.rationale.clone()),
        interpersonal_sensitivity: match form.sensitivity.as_str() {
            "yes" => Some(true),
            "no" => Some(false),
            _ => None,
        },
        sensitivity_note: blank_none(form.sensitivity_note.clone()),
    };
    if !["", "yes", "no"].contains(&form.sensitivity.as_str()) {
        let mut e = rapport_core::validation::ValidationErrors::new();
        let english = "Choose yes, no or not recorded".to_string();
        e.add_keyed_english("interpersonal_sensitivity", english, msg("formulation-error-sensitivity-choice"), vec![]);
        let record = formulation_of(&state, &cx).await?;
        return Ok(refused(formulation_page(&state, &me, cx, record, form, FormErrors(e), None, true).await?));
    }
    match save_formulation(&state, &me, &cx, input, Some(form.version)).await.map_err(AppError::from) {
        Ok(_) => Ok(Redirect::to(&format!("/courses/{}/formulation?done=formulation", cx.course.id)).into_response()),
        Err(AppError::Invalid(e)) => {
            let mut errors = FormErrors(e);
            for fe in errors.0 .0.iter_mut() {
                if fe.field.starts_with("problem_areas[") {
                    fe.field = "problem_areas".into();
                } else if fe.field.contains('.') {
                    // A fact a chosen area lacks (`grief.person`): shown at the date agreed.
                    fe.field = "agreed_on".into();
                }
            }
            let record = formulation_of(&state, &cx).await?;
            let page = formulation_page(&state, &me, cx, record, form, errors, None, true).await?;
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(other) => Err(other),
    }
}

// ---------------------------------------------------------------- area workspace page

#[derive(Template)]
#[template(path = "formulation_area.html")]
struct AreaPage {
    layout: Layout,
    cx: CourseContext,
    area: String,
    area_label: String,
    /// Whether the area is among the formulation's chosen areas now.
    chosen: bool,
    record: Option<Record<AreaWorkspace>>,
    work: AreaWork,
    version: i64,
    stage_date: String,
    stage_note: String,
    errors: FormErrors,
    /// The client's people a grief or dispute workspace may link to (id, name).
    people: Vec<(String, String)>,
    /// The facts still needed before the client agrees, in the reader's language.
    missing: Vec<String>,
    /// The protocol codes a non-death loss as a role transition.
    loss_is_transition: bool,
}

impl AreaPage {
    fn non_death_hint(&self) -> String {
        self.layout.tr.ta(
            "formulation-non-death-loss-hint",
            "protocol",
            self.cx.protocol.name_in(self.layout.tr.lang()),
        )
    }
    fn last_resort(&self) -> bool {
        rapport_core::formulation::is_last_resort(&self.area)
    }
    /// Whether the kind-of-loss choice shows: where the protocol keeps other losses as
    /// grief, or for a workspace that recorded one before.
    fn show_loss_kind(&self, g: &rapport_core::formulation::GriefWork) -> bool {
        !self.loss_is_transition || g.loss_type == LossType::Other
    }
    fn linked(&self, current: &Option<String>, id: &str) -> bool {
        current.as_deref() == Some(id)
    }
    /// A linked id no longer among the client's people (removed): kept as an option.
    fn unlisted(&self, current: &Option<String>) -> Option<String> {
        current.clone().filter(|c| !self.people.iter().any(|(id, _)| id == c))
    }
    fn stages(&self) -> Vec<(String, String, String)> {
        let tr = &self.layout.tr;
        DisputeStage::ALL.iter().map(|s| (s.as_str().into(), tr.t(s.message()), tr.t(s.hint_message()))).collect()
    }
    fn loss_types(&self) -> Vec<(String, String)> {
        LossType::ALL.iter().map(|s| (s.as_str().into(), self.layout.tr.t(s.message()))).collect()
    }
    fn stage_label(&self, s: &Option<DisputeStage>) -> String {
        s.map(|s| self.layout.tr.t(s.message())).unwrap_or_else(|| "—".into())
    }
    fn experiment_error(&self, i: &usize) -> Option<String> {
        self.errors.get(&format!("social_experiments-{i}-attempt"))
    }
    /// Rows for the social-experiment table: the recorded ones and two blank ones.
    fn experiment_rows(
        &self,
        xs: &[rapport_core::formulation::SocialExperiment],
    ) -> Vec<(usize, String, String, String)> {
        let mut rows: Vec<(usize, String, String, String)> = xs
            .iter()
            .enumerate()
            .map(|(i, x)| {
                (i, x.date.clone().unwrap_or_default(), x.attempt.clone(), x.outcome.clone().unwrap_or_default())
            })
            .collect();
        let n = rows.len();
        rows.push((n, String::new(), String::new(), String::new()));
        rows.push((n + 1, String::new(), String::new(), String::new()));
        rows
    }
}

pub async fn show_area(
    CourseRead { state, me, cx }: CourseRead,
    Path((_, area)): Path<(String, String)>,
    Query(q): Query<DoneParam>,
) -> AppResult<Html<String>> {
    let area = cx.protocol.area(&area).map(|a| a.id.clone()).ok_or(AppError::NotFound)?;
    let chosen = chosen_areas(&state, &cx).await?.contains(&area);
    let record = workspace(&state, &cx, &area).await?;
    if !chosen && record.is_none() {
        // Nothing to show for an area that was never chosen.
        return Err(AppError::NotFound);
    }
    audit_read(&state, &me, &cx, "area_workspace", record.as_ref().map(|r| &r.id), format!("{area} page")).await?;
    let work = record.as_ref().map(|r| r.body.work.clone()).unwrap_or_else(|| AreaWork::empty_for(&area));
    let version = record.as_ref().map(|r| r.version).unwrap_or(0);
    let shown = AreaShown { work: Some(work), version, ..AreaShown::default() };
    area_page(&state, &me, cx, area, chosen, record, shown, FormErrors::default(), q.done.as_deref()).await
}

/// What the workspace form shows: the stored workspace, or what was typed.
#[derive(Default)]
struct AreaShown {
    work: Option<AreaWork>,
    version: i64,
    stage_date: String,
    stage_note: String,
}

#[allow(clippy::too_many_arguments)]
async fn area_page(
    state: &AppState,
    me: &Identity,
    cx: CourseContext,
    area: String,
    chosen: bool,
    record: Option<Record<AreaWorkspace>>,
    shown: AreaShown,
    errors: FormErrors,
    done: Option<&str>,
) -> AppResult<Html<String>> {
    let area_label = crate::i18n::current().term("area", &area, cx.protocol.area_label(&area));
    let title = format!("{area_label} · {}", cx.client.details.display_name);
    let layout = Layout::new(state, me, title, "caseload").await?.with_done(done);
    let work = shown.work.unwrap_or_else(|| AreaWork::empty_for(&area));
    let people = match work.kind() {
        AreaKind::Grief | AreaKind::RoleDispute => people_to_link(state, &cx).await?,
        _ => Vec::new(),
    };
    let tr = crate::i18n::current();
    let stored = record.as_ref().map(|r| &r.body.work);
    let missing =
        if chosen { missing_facts(&area, stored).into_iter().map(|f| tr.t(f.message)).collect() } else { Vec::new() };
    render(&AreaPage {
        people,
        missing,
        loss_is_transition: non_death_loss_is_transition(&cx.protocol),
        work,
        layout,
        area_label,
        chosen,
        record,
        version: shown.version,
        stage_date: shown.stage_date,
        stage_note: shown.stage_note,
        errors,
        area,
        cx,
    })
}

/// What the workspace form posted: the fields of its area, the version it
/// started from and, for a role dispute, the stage change's date and note.
pub struct AreaPost {
    pub fields: Map<String, Value>,
    pub version: Option<i64>,
    pub change: StageChangeInput,
}

/// The workspace fields of `area` from a posted form: text fields by name, lists
/// one entry per line, social experiments as `social_experiments-N-date|attempt|outcome`.
pub fn area_post(area: &str, f: &Pairs) -> AreaPost {
    let mut m = Map::new();
    for (k, v) in area_fields(area) {
        let val = match v {
            Value::Array(_) if k == "social_experiments" => {
                let mut rows = Vec::new();
                for i in 0..=rapport_core::formulation::LIST_MAX + 2 {
                    let get = |n: &str| f.get(&format!("social_experiments-{i}-{n}")).to_string();
                    let (date, attempt, outcome) = (get("date"), get("attempt"), get("outcome"));
                    if [&date, &attempt, &outcome].iter().all(|s| s.trim().is_empty()) {
                        continue;
                    }
                    rows.push(serde_json::json!({
                        "date": blank_none(date), "attempt": attempt, "outcome": blank_none(outcome)
                    }));
                }
                Value::Array(rows)
            }
            Value::Array(_) => Value::Array(
                f.get(&k).lines().map(str::trim).filter(|l| !l.is_empty()).map(|l| Value::String(l.into())).collect(),
            ),
            _ => match blank_none(f.get(&k).to_string()) {
                Some(s) => Value::String(s),
                None => continue,
            },
        };
        m.insert(k, val);
    }
    let dispute = AreaWork::empty_for(area).kind() == rapport_core::formulation::AreaKind::RoleDispute;
    let change = if dispute {
        StageChangeInput {
            date: blank_none(f.get("stage_date").to_string()),
            note: blank_none(f.get("stage_note").to_string()),
        }
    } else {
        StageChangeInput::default()
    };
    AreaPost { fields: m, version: f.version(), change }
}

pub async fn save_area_form(
    Path((_, area)): Path<(String, String)>,
    CoursePost { state, me, cx, form: pairs }: CoursePost<Vec<(String, String)>>,
) -> AppResult<Response> {
    let area = cx.protocol.area(&area).map(|a| a.id.clone()).ok_or(AppError::NotFound)?;
    let f = Pairs(pairs);
    f.required_version()?;
    let post = area_post(&area, &f);
    let result = match work_from_fields(&area, post.fields, &post.change) {
        Ok(work) => save_area(&state, &me, &cx, &area, work.clone(), &post.change, post.version)
            .await
            .map_err(|e| (AppError::from(e), work)),
        Err(e) => Err((AppError::Invalid(e), AreaWork::empty_for(&area))),
    };
    match result {
        Ok(_) => {
            Ok(Redirect::to(&format!("/courses/{}/formulation/{area}?done=area-saved", cx.course.id)).into_response())
        }
        Err((AppError::Invalid(e), work)) => {
            let record = workspace(&state, &cx, &area).await?;
            let chosen = chosen_areas(&state, &cx).await?.contains(&area);
            let mut errors = FormErrors(e);
            for fe in errors.0 .0.iter_mut() {
                // social_experiments[0].attempt -> the form's social_experiments-0-attempt
                if let Some(rest) = fe.field.strip_prefix("social_experiments[") {
                    fe.field = format!("social_experiments-{}", rest.replace("].", "-"));
                } else if let Some((list, _)) = fe.field.split_once('[') {
                    fe.field = list.to_string();
                }
            }
            let shown = AreaShown {
                work: Some(work),
                version: post.version.unwrap_or(0),
                stage_date: post.change.date.unwrap_or_default(),
                stage_note: post.change.note.unwrap_or_default(),
            };
            let page = area_page(&state, &me, cx, area, chosen, record, shown, errors, None).await?;
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err((other, _)) => Err(other),
    }
}
