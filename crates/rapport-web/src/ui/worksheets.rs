//! The worksheets page of a course: communication analyses and decision
//! analyses listed by session, forms to add and change them (a change made
//! meanwhile by someone else is shown beside the form, never lost), and a
//! detail view with every version.

use super::clients::DoneParam;
use super::Layout;
use crate::course_extract::{CoursePost, CourseRead};
use crate::error::{AppError, AppResult};
use crate::html::form::Pairs;
use crate::html::{conflicted, refused, render, FormErrors};
use crate::identity::SignedIn;
use crate::records_http::{history_rows, ConflictView, Describe, HistoryRow};
use askama::Template;
use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Form;
use rapport_app::access::course::CourseContext;
use rapport_app::access::records::audit_read;
use rapport_app::access::Purpose;
use rapport_app::caller::Identity;
use rapport_app::formulation::chosen_areas;
use rapport_app::worksheets::{self as ws, course_worksheets, worksheet_in, AnyWorksheet, History, Sheet};
use rapport_app::AppState;
use rapport_core::worksheets::{
    CommunicationAnalysis, CommunicationProblem, DecisionAnalysis, DecisionOption, Feelings, StepFeelings,
    WorksheetKind, MAX_OPTIONS,
};
use rapport_core::ValidationErrors;
use serde::Deserialize;

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/courses/{id}/worksheets", list)
        .get("/courses/{id}/worksheets/new", new_form)
        .post("/courses/{id}/worksheets/new", create)
        .get("/courses/{id}/worksheets/{worksheet_id}", show)
        .get("/courses/{id}/worksheets/{worksheet_id}/edit", edit_form)
        .post("/courses/{id}/worksheets/{worksheet_id}/edit", save)
        .post("/courses/{id}/worksheets/{worksheet_id}/remove", remove)
}

// ---------------------------------------------------------------- read-only views

fn some(label: &'static str, v: &Option<String>, out: &mut Vec<(&'static str, String)>) {
    if let Some(v) = v {
        out.push((label, v.clone()));
    }
}

impl Describe for CommunicationAnalysis {
    fn describe(&self) -> Vec<(&'static str, String)> {
        let mut v = vec![("With", self.with_whom.clone())];
        some("Date", &self.incident_date, &mut v);
        some("Problem area", &self.problem_area, &mut v);
        some("Setting", &self.setting, &mut v);
        some("Meant to convey", &self.intended, &mut v);
        some("What was said", &self.said, &mut v);
        some("The reply", &self.reply, &mut v);
        for (step, label) in StepFeelings::STEPS {
            let f = self.feelings.step(step);
            if !f.is_empty() {
                let client = f.client.as_deref().unwrap_or("–");
                let other = f.other.as_deref().unwrap_or("–");
                v.push((label, format!("Client: {client}. Other (as the client thinks): {other}")));
            }
        }
        some("Outcome", &self.outcome, &mut v);
        if !self.problems.is_empty() {
            v.push(("Where it broke down", self.problem_labels().join("; ")));
        }
        if !self.alternatives.is_empty() {
            v.push(("Alternatives", self.alternatives.join("; ")));
        }
        v.push(("Role play", if self.role_play_done { "Done".into() } else { "Not yet".into() }));
        some("Role-play notes", &self.role_play_notes, &mut v);
        some("Result when tried", &self.result, &mut v);
        v
    }
}

impl Describe for DecisionAnalysis {
    fn describe(&self) -> Vec<(&'static str, String)> {
        let mut v = vec![("Problem or decision", self.decision.clone())];
        some("Problem area", &self.problem_area, &mut v);
        for o in &self.options {
            let mut s = o.option.clone();
            if let Some(p) = &o.pros {
                s.push_str(&format!(". Pros: {p}"));
            }
            if let Some(c) = &o.cons {
                s.push_str(&format!(". Cons: {c}"));
            }
            v.push(("Option", s));
        }
        some("Chosen", &self.chosen, &mut v);
        if !self.steps.is_empty() {
            v.push(("Steps", self.steps.join("; ")));
        }
        some("Expected obstacles", &self.obstacles, &mut v);
        v.push(("Rehearsal", if self.rehearsal_done { "Done".into() } else { "Not yet".into() }));
        some("Rehearsal notes", &self.rehearsal_notes, &mut v);
        some("Review date", &self.review_date, &mut v);
        some("Result", &self.review_result, &mut v);
        v
    }
}

// ---------------------------------------------------------------- list

/// One worksheet as listed.
pub struct Item {
    pub id: String,
    pub kind: WorksheetKind,
    pub summary: String,
    pub detail: String,
}

/// The worksheets of one session (or of none).
pub struct Group {
    pub heading: String,
    pub anchor: String,
    pub session_id: String,
    pub items: Vec<Item>,
}

fn session_label(cx: &CourseContext, id: &str) -> Option<String> {
    let tr = crate::i18n::current();
    cx.sessions.iter().find(|s| s.session.id.as_str() == id).map(|s| super::session_label(&tr, s))
}

fn item(cx: &CourseContext, w: &AnyWorksheet) -> Item {
    let tr = crate::i18n::current();
    let area = |a: &Option<String>| a.as_deref().map(|a| cx.protocol.area_label(a).to_string());
    let (summary, detail) = match w {
        AnyWorksheet::Communication(r) => {
            let b = &r.body;
            let mut d: Vec<String> = Vec::new();
            d.extend(b.incident_date.clone());
            d.extend(area(&b.problem_area));
            if !b.problems.is_empty() {
                d.push(problem_words(&tr, &b.problems));
            }
            (tr.ta("worksheet-with", "name", b.with_whom.as_str()), d.join(" · "))
        }
        AnyWorksheet::Decision(r) => {
            let b = &r.body;
            let mut d: Vec<String> = Vec::new();
            d.extend(area(&b.problem_area));
            d.push(tr.ta("worksheet-option-count", "count", b.options.len()));
            if let Some(c) = &b.chosen {
                d.push(tr.ta("worksheet-chosen-is", "option", c.as_str()));
            }
            if let Some(r) = &b.review_date {
                d.push(tr.ta("worksheet-review-on", "date", r.as_str()));
            }
            (b.decision.clone(), d.join(" · "))
        }
    };
    Item { id: w.id().to_string(), kind: w.kind(), summary, detail }
}

/// Worksheets grouped by session in session order; unlinked ones last.
pub fn by_session(cx: &CourseContext, all: &[AnyWorksheet]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for s in &cx.sessions {
        let sid = s.session.id.as_str();
        let items: Vec<Item> = all.iter().filter(|w| w.session_id() == Some(sid)).map(|w| item(cx, w)).collect();
        if !items.is_empty() {
            groups.push(Group {
                heading: session_label(cx, sid).unwrap_or_default(),
                anchor: format!("session-{sid}"),
                session_id: sid.to_string(),
                items,
            });
        }
    }
    let linked =
        |w: &&AnyWorksheet| w.session_id().is_some_and(|s| cx.sessions.iter().any(|x| x.session.id.as_str() == s));
    let rest: Vec<Item> = all.iter().filter(|w| !linked(w)).map(|w| item(cx, w)).collect();
    if !rest.is_empty() {
        groups.push(Group {
            heading: crate::i18n::current().t("worksheet-not-linked"),
            anchor: "no-session".into(),
            session_id: String::new(),
            items: rest,
        });
    }
    groups
}

#[derive(Template)]
#[template(path = "worksheets.html")]
struct ListPage {
    layout: Layout,
    cx: CourseContext,
    groups: Vec<Group>,
    total: usize,
    kinds: Vec<WorksheetKind>,
}

/// The ticked communication problems in the reader's language ("Silence or closing off; ...").
fn problem_words(tr: &crate::i18n::Tr, codes: &[String]) -> String {
    let words: Vec<String> =
        codes.iter().filter_map(|p| CommunicationProblem::parse(p)).map(|p| tr.t(p.message())).collect();
    words.join("; ")
}

/// The success notice of a worksheet `?done=` key, in the reader's language.
fn with_worksheet_notice(mut layout: Layout, done: Option<&str>) -> Layout {
    let id = match done {
        Some("worksheet-added") => crate::i18n::msg("worksheet-done-added"),
        Some("worksheet-saved") => crate::i18n::msg("worksheet-done-saved"),
        Some("worksheet-removed") => crate::i18n::msg("worksheet-done-removed"),
        _ => return layout,
    };
    layout.flash = Some(super::Flash { kind: "success", message: layout.tr.t(id) });
    layout
}

/// The message naming a field of a worksheet's read-only view (its `describe` label).
fn field_message(label: &str) -> Option<&'static str> {
    use crate::i18n::msg;
    Some(match label {
        "With" => msg("worksheet-field-with"),
        "Date" => msg("worksheet-field-date"),
        "Setting" => msg("worksheet-field-setting"),
        "Meant to convey" => msg("worksheet-field-intended"),
        "What was said" => msg("worksheet-said"),
        "The reply" => msg("worksheet-field-reply"),
        "Outcome" => msg("worksheet-outcome"),
        "Where it broke down" => msg("worksheet-broke-down"),
        "Alternatives" => msg("worksheet-alternatives"),
        "Role play" => msg("worksheet-field-role-play"),
        "Role-play notes" => msg("worksheet-role-play-notes"),
        "Result when tried" => msg("worksheet-result-tried"),
        "Problem or decision" => msg("worksheet-decision"),
        "Option" => msg("worksheet-field-option"),
        "Chosen" => msg("worksheet-field-chosen"),
        "Steps" => msg("worksheet-field-steps"),
        "Expected obstacles" => msg("worksheet-obstacles"),
        "Rehearsal" => msg("worksheet-field-rehearsal"),
        "Rehearsal notes" => msg("worksheet-rehearsal-notes"),
        "Review date" => msg("worksheet-review-date"),
        "Result" => msg("worksheet-result"),
        _ => return None,
    })
}

/// A worksheet's read-only fields in the reader's language: its `describe`
/// list with labels by [`field_message`] and the worded values reworded.
fn translated_fields(tr: &crate::i18n::Tr, w: &AnyWorksheet) -> Vec<(String, String)> {
    let (fields, communication, decision) = match w {
        AnyWorksheet::Communication(r) => (r.body.describe(), Some(&r.body), None),
        AnyWorksheet::Decision(r) => (r.body.describe(), None, Some(&r.body)),
    };
    let mut options = decision.map(|d| d.options.iter()).into_iter().flatten();
    let mut out = Vec::new();
    for (label, value) in fields {
        if label == "Problem area" {
            continue;
        }
        let step = StepFeelings::STEPS.iter().zip(StepFeelings::STEP_MESSAGES).find(|((_, l), _)| *l == label);
        if let (Some(((code, _), (_, id))), Some(c)) = (step, communication) {
            let f = c.feelings.step(code);
            let client = f.client.clone().unwrap_or_else(|| "–".into());
            let other = f.other.clone().unwrap_or_else(|| "–".into());
            out.push((tr.t(id), tr.tn("worksheet-feelings-line", &[("client", &client), ("other", &other)])));
            continue;
        }
        let value = match label {
            "Where it broke down" => problem_words(tr, &communication.map(|c| c.problems.clone()).unwrap_or_default()),
            "Option" => match options.next() {
                Some(o) => {
                    let mut s = o.option.clone();
                    if let Some(p) = &o.pros {
                        s.push_str(&tr.ta("worksheet-pros-part", "text", p.as_str()));
                    }
                    if let Some(c) = &o.cons {
                        s.push_str(&tr.ta("worksheet-cons-part", "text", c.as_str()));
                    }
                    s
                }
                None => value,
            },
            "Role play" | "Rehearsal" if value == "Done" => tr.t("worksheet-done"),
            "Role play" | "Rehearsal" if value == "Not yet" => tr.t("worksheet-not-yet"),
            _ => value,
        };
        let label = field_message(label).map(|id| tr.t(id)).unwrap_or_else(|| label.to_string());
        out.push((label, value));
    }
    out
}

pub async fn list(CourseRead { state, me, cx }: CourseRead, Query(q): Query<DoneParam>) -> AppResult<Html<String>> {
    let all = course_worksheets(&state, &cx.course.id).await?;
    audit_read(&state, &me, "worksheet", &cx.client.id, None, format!("{} worksheets", all.len())).await?;
    let groups = by_session(&cx, &all);
    let title =
        crate::i18n::current().ta("worksheet-list-page-title", "client", cx.client.details.display_name.as_str());
    let layout = Layout::new(&state, &me, title, "caseload").await?.with_done(q.done.as_deref());
    let layout = with_worksheet_notice(layout, q.done.as_deref());
    let kinds = WorksheetKind::ALL.to_vec();
    render(&ListPage { layout, cx, groups, total: all.len(), kinds })
}

// ---------------------------------------------------------------- forms

/// A worksheet of `kind` as typed in the form.
fn sheet_from_pairs(kind: WorksheetKind, p: &Pairs) -> Sheet {
    let text = |n: &str| Some(p.get(n).to_string());
    let feelings = |step: &str| Feelings {
        client: text(&format!("feelings.{step}.client")),
        other: text(&format!("feelings.{step}.other")),
    };
    match kind {
        WorksheetKind::CommunicationAnalysis => Sheet::Communication(CommunicationAnalysis {
            session_id: p.opt("session_id"),
            problem_area: p.opt("problem_area"),
            incident_date: p.opt("incident_date"),
            with_whom: p.get("with_whom").to_string(),
            person_id: p.opt("person_id"),
            setting: text("setting"),
            intended: text("intended"),
            said: text("said"),
            reply: text("reply"),
            feelings: StepFeelings {
                before: feelings("before"),
                saying: feelings("saying"),
                after_reply: feelings("after_reply"),
            },
            outcome: text("outcome"),
            problems: p.all("problems"),
            alternatives: p.lines("alternatives"),
            role_play_done: p.checked("role_play_done"),
            role_play_notes: text("role_play_notes"),
            result: text("result"),
        }),
        WorksheetKind::DecisionAnalysis => {
            let rows = (0..MAX_OPTIONS + 2)
                .take_while(|i| p.0.iter().any(|(k, _)| k.starts_with(&format!("options[{i}]."))))
                .count();
            let options: Vec<DecisionOption> = (0..rows)
                .map(|i| DecisionOption {
                    option: p.get(&format!("options[{i}].option")).to_string(),
                    pros: text(&format!("options[{i}].pros")),
                    cons: text(&format!("options[{i}].cons")),
                })
                .collect();
            let chosen = p.get("chosen").parse::<usize>().ok().and_then(|i| options.get(i)).map(|o| o.option.clone());
            Sheet::Decision(DecisionAnalysis {
                session_id: p.opt("session_id"),
                problem_area: p.opt("problem_area"),
                decision: p.get("decision").to_string(),
                options,
                chosen,
                steps: p.lines("steps"),
                obstacles: text("obstacles"),
                rehearsal_done: p.checked("rehearsal_done"),
                rehearsal_notes: text("rehearsal_notes"),
                review_date: p.opt("review_date"),
                review_result: text("review_result"),
            })
        }
    }
}

/// Everything the form template needs besides the sheet.
pub struct FormView {
    pub sheet: Sheet,
    pub version: i64,
    pub sessions: Vec<(String, String)>,
    pub areas: Vec<(String, String)>,
    pub problems: Vec<(&'static str, &'static str)>,
    pub steps: [(&'static str, &'static str); 3],
    /// Option rows shown (at least three, one spare, at most the limit).
    pub option_rows: Vec<DecisionOption>,
}

impl FormView {
    fn new(cx: &CourseContext, sheet: Sheet, version: i64) -> FormView {
        let sessions = cx
            .sessions
            .iter()
            .rev()
            .map(|s| (s.session.id.to_string(), session_label(cx, s.session.id.as_str()).unwrap_or_default()))
            .collect();
        let areas = cx.protocol.problem_areas.iter().map(|a| (a.id.clone(), a.label.clone())).collect();
        let option_rows = match &sheet {
            Sheet::Decision(d) => {
                let mut rows = d.options.clone();
                let want = (rows.len() + 1).clamp(3, MAX_OPTIONS);
                while rows.len() < want {
                    rows.push(DecisionOption::default());
                }
                rows
            }
            Sheet::Communication(_) => Vec::new(),
        };
        FormView {
            sheet,
            version,
            sessions,
            areas,
            problems: CommunicationProblem::ALL.iter().map(|p| (p.as_str(), p.message())).collect(),
            steps: StepFeelings::STEP_MESSAGES,
            option_rows,
        }
    }

    pub fn session_id(&self) -> &str {
        self.sheet.session_id()
    }

    pub fn problem_area(&self) -> &str {
        self.sheet.problem_area()
    }

    pub fn kind(&self) -> WorksheetKind {
        self.sheet.kind()
    }

    pub fn communication(&self) -> Option<&CommunicationAnalysis> {
        match &self.sheet {
            Sheet::Communication(c) => Some(c),
            _ => None,
        }
    }

    pub fn decision(&self) -> Option<&DecisionAnalysis> {
        match &self.sheet {
            Sheet::Decision(d) => Some(d),
            _ => None,
        }
    }

    /// A text field of a communication analysis, for the template.
    pub fn ca(&self, field: &str) -> String {
        let Some(c) = self.communication() else { return String::new() };
        let s = |v: &Option<String>| v.clone().unwrap_or_default();
        match field {
            "incident_date" => s(&c.incident_date),
            "with_whom" => c.with_whom.clone(),
            "setting" => s(&c.setting),
            "intended" => s(&c.intended),
            "said" => s(&c.said),
            "reply" => s(&c.reply),
            "outcome" => s(&c.outcome),
            "alternatives" => c.alternatives.join("\n"),
            "role_play_notes" => s(&c.role_play_notes),
            "result" => s(&c.result),
            _ => String::new(),
        }
    }

    pub fn feeling(&self, step: &str, who: &str) -> String {
        let Some(c) = self.communication() else { return String::new() };
        let f = c.feelings.step(step);
        if who == "client" { f.client.clone() } else { f.other.clone() }.unwrap_or_default()
    }

    pub fn has_problem(&self, code: &str) -> bool {
        self.communication().is_some_and(|c| c.problems.iter().any(|p| p == code))
    }

    /// A text field of a decision analysis, for the template.
    pub fn da(&self, field: &str) -> String {
        let Some(d) = self.decision() else { return String::new() };
        let s = |v: &Option<String>| v.clone().unwrap_or_default();
        match field {
            "decision" => d.decision.clone(),
            "steps" => d.steps.join("\n"),
            "obstacles" => s(&d.obstacles),
            "rehearsal_notes" => s(&d.rehearsal_notes),
            "review_date" => s(&d.review_date),
            "review_result" => s(&d.review_result),
            _ => String::new(),
        }
    }

    pub fn is_chosen(&self, option: &DecisionOption) -> bool {
        !option.option.trim().is_empty()
            && self.decision().and_then(|d| d.chosen.as_deref()).is_some_and(|c| c.trim() == option.option.trim())
    }

    pub fn checked(&self, field: &str) -> bool {
        match (&self.sheet, field) {
            (Sheet::Communication(c), "role_play_done") => c.role_play_done,
            (Sheet::Decision(d), "rehearsal_done") => d.rehearsal_done,
            _ => false,
        }
    }
}

#[derive(Template)]
#[template(path = "worksheet_form.html")]
struct FormPage {
    layout: Layout,
    cx: CourseContext,
    /// The worksheet being changed (None: a new one).
    worksheet_id: Option<String>,
    view: FormView,
    errors: FormErrors,
    conflict: Option<ConflictView>,
}

#[derive(Deserialize, Default)]
pub struct NewParams {
    pub kind: Option<String>,
    pub session: Option<String>,
}

async fn form_page(
    state: &AppState,
    me: &Identity,
    cx: CourseContext,
    worksheet_id: Option<String>,
    view: FormView,
    errors: FormErrors,
    conflict: Option<ConflictView>,
) -> AppResult<Html<String>> {
    let tr = crate::i18n::current();
    let what = tr.t(view.kind().message());
    let title = format!("{} · {what}", cx.client.details.display_name);
    let mut layout = Layout::new(state, me, title, "caseload").await?;
    if let Some(c) = &conflict {
        layout = layout.with_error(c.message(" to this worksheet"));
    }
    render(&FormPage { layout, cx, worksheet_id, view, errors, conflict })
}

pub async fn new_form(CourseRead { state, me, cx }: CourseRead, Query(q): Query<NewParams>) -> AppResult<Html<String>> {
    cx.require_open()?;
    let kind = q.kind.as_deref().and_then(WorksheetKind::parse).unwrap_or(WorksheetKind::CommunicationAnalysis);
    let mut sheet = Sheet::blank(kind);
    // Defaults: the session asked for (or the last one held) and the formulation's first area.
    let session = q
        .session
        .filter(|s| cx.sessions.iter().any(|x| x.session.id.as_str() == s))
        .or_else(|| cx.last_held().map(|s| s.session.id.to_string()));
    let area = chosen_areas(&state, &cx).await?.first().cloned();
    sheet.set_link(session, area);
    let view = FormView::new(&cx, sheet, 0);
    form_page(&state, &me, cx, None, view, FormErrors::default(), None).await
}

/// Validates the sheet against the course: the valid sheet, or the errors as
/// the form names its fields.
async fn checked(state: &AppState, cx: &CourseContext, sheet: &Sheet) -> Result<Result<Sheet, FormErrors>, AppError> {
    match sheet.clone().check(state, cx).await.map_err(AppError::from) {
        Ok(s) => Ok(Ok(s)),
        Err(AppError::Invalid(mut v)) => {
            for f in v.0.iter_mut() {
                // List items are one textarea each; option rows keep their index.
                if let Some(i) = f.field.find('[').filter(|_| !f.field.starts_with("options[")) {
                    f.field.truncate(i);
                }
            }
            Ok(Err(FormErrors(v)))
        }
        Err(other) => Err(other),
    }
}

pub async fn create(CoursePost { state, me, cx, form: Pairs(pairs) }: CoursePost) -> AppResult<Response> {
    cx.require_open()?;
    let p = Pairs(pairs);
    let kind = WorksheetKind::parse(p.get("kind")).ok_or_else(|| {
        let codes = WorksheetKind::codes();
        AppError::Invalid(ValidationErrors::single_key(
            "kind",
            crate::i18n::msg("worksheet-kind-invalid"),
            vec![("codes", codes.into())],
        ))
    })?;
    let sheet = sheet_from_pairs(kind, &p);
    let valid = match checked(&state, &cx, &sheet).await? {
        Ok(s) => s,
        Err(errors) => {
            let view = FormView::new(&cx, sheet, 0);
            return Ok(refused(form_page(&state, &me, cx, None, view, errors, None).await?));
        }
    };
    let id = ws::add(&state, &me, &cx, valid, "").await?.id().clone();
    Ok(Redirect::to(&format!("/courses/{}/worksheets/{id}?done=worksheet-added", cx.course.id)).into_response())
}

#[derive(Template)]
#[template(path = "worksheet.html")]
struct DetailPage {
    layout: Layout,
    cx: CourseContext,
    id: String,
    kind: WorksheetKind,
    version: i64,
    session: Option<String>,
    area: Option<String>,
    fields: Vec<(String, String)>,
    history: Vec<HistoryRow>,
}

pub async fn show(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path((id, worksheet_id)): Path<(String, String)>,
    Query(q): Query<DoneParam>,
) -> AppResult<Html<String>> {
    let (w, cx) = worksheet_in(&state, &me, &id, &worksheet_id, Purpose::AuditRead).await?;
    let history = match ws::history(&state, &w).await? {
        History::Communication(h) => history_rows(&h),
        History::Decision(h) => history_rows(&h),
    };
    let tr = crate::i18n::current();
    let fields = translated_fields(&tr, &w);
    let area = match &w {
        AnyWorksheet::Communication(r) => r.body.problem_area.clone(),
        AnyWorksheet::Decision(r) => r.body.problem_area.clone(),
    };
    // Problem areas by name, as the protocol calls them.
    let history = history
        .into_iter()
        .map(|mut h| {
            for (label, value) in h.fields.iter_mut() {
                if *label == "Problem area" {
                    *value = cx.protocol.area_label(value).to_string();
                }
            }
            h
        })
        .collect();
    let session = w.session_id().and_then(|s| session_label(&cx, s));
    let area = area.map(|a| cx.protocol.area_label(&a).to_string());
    let title = format!("{} · {}", cx.client.details.display_name, tr.t(w.kind().message()));
    let layout = Layout::new(&state, &me, title, "caseload").await?.with_done(q.done.as_deref());
    let layout = with_worksheet_notice(layout, q.done.as_deref());
    render(&DetailPage {
        layout,
        id: w.id().to_string(),
        kind: w.kind(),
        version: w.version(),
        session,
        area,
        fields,
        history,
        cx,
    })
}

pub async fn edit_form(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path((id, worksheet_id)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    let (w, cx) = worksheet_in(&state, &me, &id, &worksheet_id, Purpose::AuditRead).await?;
    cx.require_open()?;
    let view = FormView::new(&cx, Sheet::of(&w), w.version());
    form_page(&state, &me, cx, Some(w.id().to_string()), view, FormErrors::default(), None).await
}

/// A form posted about one worksheet of an open course (`{id}`, `{worksheet_id}`),
/// read before the worksheet is opened for the change.
pub struct WorksheetPost {
    state: AppState,
    me: Identity,
    w: AnyWorksheet,
    cx: CourseContext,
    form: Pairs,
}

impl FromRequest<AppState> for WorksheetPost {
    type Rejection = Response;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Response> {
        let (mut parts, body) = req.into_parts();
        let SignedIn(me) =
            SignedIn::from_request_parts(&mut parts, state).await.map_err(IntoResponse::into_response)?;
        let Path((id, worksheet_id)) = Path::<(String, String)>::from_request_parts(&mut parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let Form(form) = Form::<Pairs>::from_request(Request::from_parts(parts, body), state)
            .await
            .map_err(IntoResponse::into_response)?;
        let open = async {
            let (w, cx) = worksheet_in(state, &me, &id, &worksheet_id, Purpose::Write).await?;
            cx.require_open()?;
            Ok::<_, AppError>((w, cx))
        };
        let (w, cx) = open.await.map_err(IntoResponse::into_response)?;
        Ok(WorksheetPost { state: state.clone(), me, w, cx, form })
    }
}

pub async fn save(WorksheetPost { state, me, w, cx, form: p }: WorksheetPost) -> AppResult<Response> {
    let version = p.required_version()?;
    let sheet = sheet_from_pairs(w.kind(), &p);
    let wid = w.id().to_string();
    let valid = match checked(&state, &cx, &sheet).await? {
        Ok(s) => s,
        Err(errors) => {
            let view = FormView::new(&cx, sheet, version);
            return Ok(refused(form_page(&state, &me, cx, Some(wid), view, errors, None).await?));
        }
    };
    let result = ws::save(&state, &me, &w, version, valid, "").await;
    match result {
        Ok(_) => {
            Ok(Redirect::to(&format!("/courses/{}/worksheets/{wid}?done=worksheet-saved", cx.course.id))
                .into_response())
        }
        Err(rapport_app::Error::Conflict(_)) => {
            let conflict = match &w {
                AnyWorksheet::Communication(r) => ConflictView::of(r),
                AnyWorksheet::Decision(r) => ConflictView::of(r),
            };
            // The form keeps this person's text; saving again starts from the version now stored.
            let view = FormView::new(&cx, sheet, w.version());
            Ok(conflicted(form_page(&state, &me, cx, Some(wid), view, FormErrors::default(), Some(conflict)).await?))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn remove(WorksheetPost { state, me, w, cx, form }: WorksheetPost) -> AppResult<Response> {
    let version = form.removal_version()?;
    ws::remove(&state, &me, w, Some(version)).await?;
    Ok(Redirect::to(&format!("/courses/{}/worksheets?done=worksheet-removed", cx.course.id)).into_response())
}
