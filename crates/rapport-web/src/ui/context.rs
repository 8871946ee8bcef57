//! The care-context page of a course: the client's cultural formulation,
//! current and past medication, other providers and coordination notes, with
//! forms to add and change them (every version kept). These records belong to
//! the client, so all their courses show the same context. Recording a
//! medication changes nothing else.

use super::clients::DoneParam;
use super::Layout;
use crate::course_extract::{CoursePost, CourseRead, CourseWrite};
use crate::error::{AppError, AppResult};
use crate::html::form::Pairs;
use crate::html::{conflicted, refused, render, FormErrors};
use crate::records_http::{
    history_rows, join_some, page_add, page_item, page_remove, page_save, ConflictView, Describe, HistoryRow,
    RecordPage,
};
use askama::Template;
use axum::extract::Query;
use axum::response::{Html, IntoResponse, Redirect, Response};
use rapport_app::access::course::CourseContext;
use rapport_app::access::records::audit_read;
use rapport_app::caller::Identity;
use rapport_app::context::{care_context, current_cultural, save_cultural};
use rapport_app::records::{self, ClientKind};
use rapport_app::AppState;
use rapport_core::context::{CoordinationNote, CulturalFormulation, Medication, OtherProvider};
use rapport_core::records::RecordBody;
use rapport_core::timeline::ApproxDate;
use rapport_core::{msg, Id, Timestamp, ValidationErrors};
use rapport_store::records::Record;

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/courses/{id}/context", page)
        .get("/courses/{id}/context/cultural-formulation", cultural_form)
        .post("/courses/{id}/context/cultural-formulation", cultural_save)
        .post("/courses/{id}/context/medications", page_add::<Medication>)
        .get("/courses/{id}/context/medications/{item_id}", page_item::<Medication>)
        .post("/courses/{id}/context/medications/{item_id}", page_save::<Medication>)
        .post("/courses/{id}/context/medications/{item_id}/remove", page_remove::<Medication>)
        .post("/courses/{id}/context/providers", page_add::<OtherProvider>)
        .get("/courses/{id}/context/providers/{item_id}", page_item::<OtherProvider>)
        .post("/courses/{id}/context/providers/{item_id}", page_save::<OtherProvider>)
        .post("/courses/{id}/context/providers/{item_id}/remove", page_remove::<OtherProvider>)
        .post("/courses/{id}/context/notes", page_add::<CoordinationNote>)
        .get("/courses/{id}/context/notes/{item_id}", page_item::<CoordinationNote>)
        .post("/courses/{id}/context/notes/{item_id}", page_save::<CoordinationNote>)
        .post("/courses/{id}/context/notes/{item_id}/remove", page_remove::<CoordinationNote>)
}

// ---------------------------------------------------------------- data-driven forms

/// How a form field is shown.
pub enum Widget {
    Text,
    Textarea,
    Date,
    Check,
    /// (value, label) choices; the first is the blank choice.
    Select(Vec<(String, String)>),
}

pub struct Field {
    pub name: &'static str,
    /// Message ids of the label and the hint (empty: none).
    pub label: &'static str,
    pub hint: &'static str,
    pub widget: Widget,
    pub value: String,
}

fn field(name: &'static str, label: &'static str, hint: &'static str, widget: Widget, value: &Option<String>) -> Field {
    Field { name, label, hint, widget, value: value.clone().unwrap_or_default() }
}

/// The client's providers as (id, name) choices for a coordination note.
pub type Providers = Vec<(String, String)>;

/// A client-level kind listed on the care-context page.
pub trait ContextItem: ClientKind + Describe + Default + Clone + Sync {
    /// URL segment under `/courses/{id}/context/`.
    const SEGMENT: &'static str;
    /// Message ids: "Add medication", "Change medication".
    const ADD: &'static str;
    const CHANGE: &'static str;

    fn fields(&self, providers: &Providers) -> Vec<Field>;
    fn from_pairs(p: &Pairs) -> Self;
    /// The add form that failed, to show again with its errors.
    fn failed(self, errors: FormErrors) -> Failed;
}

fn text(p: &Pairs, n: &str) -> Option<String> {
    Some(p.get(n).to_string())
}

impl ContextItem for Medication {
    const SEGMENT: &'static str = "medications";
    const ADD: &'static str = msg("context-add-medication");
    const CHANGE: &'static str = msg("context-change-medication");

    fn fields(&self, _: &Providers) -> Vec<Field> {
        let approx = msg("context-approx-date-hint");
        vec![
            Field {
                name: "name",
                label: msg("context-med-name"),
                hint: "",
                widget: Widget::Text,
                value: self.name.clone(),
            },
            field("dose", msg("context-med-dose"), msg("context-med-dose-hint"), Widget::Text, &self.dose),
            field("prescriber", msg("context-med-prescriber"), "", Widget::Text, &self.prescriber),
            field("start_date", msg("context-med-started"), approx, Widget::Text, &self.start_date),
            field(
                "stop_date",
                msg("context-med-stopped"),
                msg("context-med-stopped-hint"),
                Widget::Text,
                &self.stop_date,
            ),
            field(
                "adherence",
                msg("context-med-adherence"),
                msg("context-med-adherence-hint"),
                Widget::Textarea,
                &self.adherence,
            ),
            field("side_effects", msg("context-med-side-effects"), "", Widget::Textarea, &self.side_effects),
        ]
    }

    fn from_pairs(p: &Pairs) -> Self {
        Medication {
            name: p.get("name").to_string(),
            dose: text(p, "dose"),
            prescriber: text(p, "prescriber"),
            start_date: text(p, "start_date"),
            stop_date: text(p, "stop_date"),
            adherence: text(p, "adherence"),
            side_effects: text(p, "side_effects"),
        }
    }

    fn failed(self, errors: FormErrors) -> Failed {
        Failed::Medication(self, errors)
    }
}

impl Describe for Medication {
    fn describe(&self) -> Vec<(&'static str, String)> {
        let mut v = vec![(msg("context-med-name"), self.name.clone())];
        let date = |d: &Option<String>| d.as_deref().and_then(ApproxDate::parse).map(|d| d.display());
        for (label, value) in [
            (msg("context-med-dose"), self.dose.clone()),
            (msg("context-med-prescriber"), self.prescriber.clone()),
            (msg("context-med-started"), date(&self.start_date)),
            (msg("context-med-stopped"), date(&self.stop_date)),
            (msg("context-med-adherence"), self.adherence.clone()),
            (msg("context-med-side-effects"), self.side_effects.clone()),
        ] {
            if let Some(value) = value {
                v.push((label, value));
            }
        }
        v
    }
}

impl ContextItem for OtherProvider {
    const SEGMENT: &'static str = "providers";
    const ADD: &'static str = msg("context-add-provider");
    const CHANGE: &'static str = msg("context-change-provider");

    fn fields(&self, _: &Providers) -> Vec<Field> {
        vec![
            Field {
                name: "name",
                label: msg("context-provider-name"),
                hint: msg("context-provider-name-hint"),
                widget: Widget::Text,
                value: self.name.clone(),
            },
            field("organisation", msg("context-provider-organisation"), "", Widget::Text, &self.organisation),
            field(
                "contact",
                msg("context-provider-contact"),
                msg("context-provider-contact-hint"),
                Widget::Text,
                &self.contact,
            ),
            field("provides", msg("context-provider-provides"), "", Widget::Textarea, &self.provides),
        ]
    }

    fn from_pairs(p: &Pairs) -> Self {
        OtherProvider {
            name: p.get("name").to_string(),
            organisation: text(p, "organisation"),
            contact: text(p, "contact"),
            provides: text(p, "provides"),
        }
    }

    fn failed(self, errors: FormErrors) -> Failed {
        Failed::Provider(self, errors)
    }
}

impl Describe for OtherProvider {
    fn describe(&self) -> Vec<(&'static str, String)> {
        let mut v = vec![(msg("context-provider-name"), self.name.clone())];
        for (label, value) in [
            (msg("context-provider-organisation"), &self.organisation),
            (msg("context-provider-contact"), &self.contact),
            (msg("context-provider-provides-short"), &self.provides),
        ] {
            if let Some(value) = value {
                v.push((label, value.clone()));
            }
        }
        v
    }
}

impl ContextItem for CoordinationNote {
    const SEGMENT: &'static str = "notes";
    const ADD: &'static str = msg("context-add-note");
    const CHANGE: &'static str = msg("context-change-note");

    fn fields(&self, providers: &Providers) -> Vec<Field> {
        let mut choices = vec![(String::new(), crate::i18n::current().t("context-note-no-provider"))];
        choices.extend(providers.iter().cloned());
        vec![
            Field {
                name: "date",
                label: msg("context-note-date"),
                hint: "",
                widget: Widget::Date,
                value: self.date.clone(),
            },
            field("provider_id", msg("context-note-provider"), "", Widget::Select(choices), &self.provider_id),
            Field {
                name: "note",
                label: msg("context-note-note"),
                hint: msg("context-note-note-hint"),
                widget: Widget::Textarea,
                value: self.note.clone(),
            },
        ]
    }

    fn from_pairs(p: &Pairs) -> Self {
        CoordinationNote {
            date: p.get("date").to_string(),
            provider_id: p.opt("provider_id"),
            note: p.get("note").to_string(),
        }
    }

    fn failed(self, errors: FormErrors) -> Failed {
        Failed::Note(self, errors)
    }
}

impl Describe for CoordinationNote {
    fn describe(&self) -> Vec<(&'static str, String)> {
        vec![(msg("context-note-date"), self.date.clone()), (msg("context-note-note"), self.note.clone())]
    }
}

impl Describe for CulturalFormulation {
    fn describe(&self) -> Vec<(&'static str, String)> {
        let mut v: Vec<(&'static str, String)> = CulturalFormulation::MESSAGES
            .iter()
            .filter_map(|(f, label, _)| self.get(f).map(|x| (*label, x.to_string())))
            .collect();
        let tr = crate::i18n::current();
        let needed = tr.t(if self.interpreter_needed { msg("context-yes") } else { msg("context-no") });
        v.push((msg("context-interpreter-needed"), needed));
        v
    }
}

fn cultural_fields(c: &CulturalFormulation) -> Vec<Field> {
    let mut v: Vec<Field> = CulturalFormulation::MESSAGES
        .iter()
        .map(|(name, label, hint)| Field {
            name,
            label,
            hint,
            widget: Widget::Textarea,
            value: c.get(name).unwrap_or_default().to_string(),
        })
        .collect();
    v.push(Field {
        name: "interpreter_needed",
        label: msg("context-interpreter-is-needed"),
        hint: "",
        widget: Widget::Check,
        value: if c.interpreter_needed { "true".into() } else { String::new() },
    });
    v
}

fn cultural_from_pairs(p: &Pairs) -> CulturalFormulation {
    let mut c = CulturalFormulation { interpreter_needed: p.checked("interpreter_needed"), ..Default::default() };
    for (name, _, _) in CulturalFormulation::FIELDS {
        c.set(name, Some(p.get(name).to_string()));
    }
    c
}

// ---------------------------------------------------------------- the page

/// A page title: "Alex · Care context".
fn layout_title(what: &str, cx: &CourseContext) -> String {
    let tr = crate::i18n::current();
    tr.tn("context-title", &[("client", &cx.client.details.display_name), ("what", &tr.t(what))])
}

/// The banner over a form someone else saved meanwhile.
fn conflict_message(c: &ConflictView) -> String {
    crate::i18n::current().tn("context-conflict", &[("name", &c.by), ("at", &c.at)])
}

/// "By Dr Lee at 4 Dec 2026, 14:05." under a version saved meanwhile.
pub fn by_at(tr: &crate::i18n::Tr, by: &str, at: &str) -> String {
    tr.tn("record-by-at", &[("name", &by), ("at", &at)])
}

/// An add form on the page: where it posts, its fields and errors.
pub struct AddForm {
    pub segment: &'static str,
    /// Message id: "Add medication".
    pub add_label: &'static str,
    pub fields: Vec<Field>,
    pub errors: FormErrors,
}

impl AddForm {
    fn of<T: ContextItem>(item: &T, providers: &Providers, errors: FormErrors) -> AddForm {
        AddForm { segment: T::SEGMENT, add_label: T::ADD, fields: item.fields(providers), errors }
    }

    pub fn open(&self) -> bool {
        self.errors.any()
    }
}

pub struct NoteRow {
    pub record: Record<CoordinationNote>,
    pub provider: Option<String>,
}

#[derive(Template)]
#[template(path = "context.html")]
struct ContextPage {
    layout: Layout,
    cx: CourseContext,
    cultural: Option<Record<CulturalFormulation>>,
    cultural_fields: Vec<(&'static str, String)>,
    current_meds: Vec<Record<Medication>>,
    past_meds: Vec<Record<Medication>>,
    providers: Vec<Record<OtherProvider>>,
    notes: Vec<NoteRow>,
    med_form: AddForm,
    provider_form: AddForm,
    note_form: AddForm,
    errors: FormErrors,
}

impl ContextPage {
    fn date(&self, d: &Option<String>) -> String {
        d.as_deref().and_then(ApproxDate::parse).map(|d| d.display()).unwrap_or_default()
    }

    /// "2021 to 2023": when a past medication was taken.
    fn taken(&self, m: &Medication) -> String {
        self.layout
            .tr
            .tn("context-med-taken-range", &[("from", &self.date(&m.start_date)), ("to", &self.date(&m.stop_date))])
    }

    /// A coordination note's day as people read it (as typed if unreadable).
    fn note_date(&self, iso: &str) -> String {
        rapport_core::time::parse_date(iso).map(crate::i18n::day).unwrap_or_else(|| iso.to_string())
    }

    fn provider_line(&self, p: &OtherProvider) -> String {
        join_some(&[p.organisation.as_deref(), p.contact.as_deref()], " · ")
    }
}

pub async fn page(CourseRead { state, me, cx }: CourseRead, Query(q): Query<DoneParam>) -> AppResult<Html<String>> {
    context_page(&state, &me, cx, q.done.as_deref(), None).await
}

/// Which add form failed, with what the person typed.
pub enum Failed {
    Medication(Medication, FormErrors),
    Provider(OtherProvider, FormErrors),
    Note(CoordinationNote, FormErrors),
}

fn providers_of(list: &[Record<OtherProvider>]) -> Providers {
    list.iter().map(|p| (p.id.to_string(), p.body.name.clone())).collect()
}

async fn context_page(
    state: &AppState,
    me: &Identity,
    cx: CourseContext,
    done: Option<&str>,
    failed: Option<Failed>,
) -> AppResult<Html<String>> {
    let context = care_context(state, me, &cx).await?;
    let (cultural, providers, notes) = (context.cultural, context.providers, context.notes);
    let today = Timestamp::now().date();
    let (current_meds, past_meds): (Vec<_>, Vec<_>) =
        context.medications.into_iter().partition(|m| m.body.is_current(today));
    let choices = providers_of(&providers);
    let notes = notes
        .into_iter()
        .map(|n| {
            let provider = n.body.provider_id.as_deref().map(|pid| {
                choices
                    .iter()
                    .find(|(i, _)| i == pid)
                    .map(|(_, n)| n.clone())
                    .unwrap_or_else(|| crate::i18n::current().t("context-removed-provider"))
            });
            NoteRow { record: n, provider }
        })
        .collect();
    let today_text = rapport_core::time::format_date(today);
    let blank_note = CoordinationNote { date: today_text, ..Default::default() };
    let (mut med_form, mut provider_form, mut note_form) = (
        AddForm::of(&Medication::default(), &choices, FormErrors::default()),
        AddForm::of(&OtherProvider::default(), &choices, FormErrors::default()),
        AddForm::of(&blank_note, &choices, FormErrors::default()),
    );
    let mut errors = FormErrors::default();
    match failed {
        Some(Failed::Medication(m, e)) => {
            errors = e.clone().with_prefix(Medication::SEGMENT);
            med_form = AddForm::of(&m, &choices, e);
        }
        Some(Failed::Provider(p, e)) => {
            errors = e.clone().with_prefix(OtherProvider::SEGMENT);
            provider_form = AddForm::of(&p, &choices, e);
        }
        Some(Failed::Note(n, e)) => {
            errors = e.clone().with_prefix(CoordinationNote::SEGMENT);
            note_form = AddForm::of(&n, &choices, e);
        }
        None => {}
    }
    let cultural_fields = cultural.as_ref().map(|c| c.body.describe()).unwrap_or_default();
    let title = layout_title(msg("context-page-title"), &cx);
    let layout = Layout::new(state, me, title, "caseload").await?.with_done(done);
    render(&ContextPage {
        layout,
        cx,
        cultural,
        cultural_fields,
        current_meds,
        past_meds,
        providers,
        notes,
        med_form,
        provider_form,
        note_form,
        errors,
    })
}

// ---------------------------------------------------------------- one item: change, history, remove

#[derive(Template)]
#[template(path = "context_item.html")]
struct ItemPage {
    layout: Layout,
    cx: CourseContext,
    heading: String,
    action: String,
    /// Where "remove" posts (None: cannot be removed).
    remove_action: Option<String>,
    version: i64,
    fields: Vec<Field>,
    errors: FormErrors,
    history: Vec<HistoryRow>,
    conflict: Option<ConflictView>,
    segment: &'static str,
}

impl<T: ContextItem> RecordPage for T {
    type Form = (T, i64);
    const PAGE: &'static str = "context";
    const ADDED: &'static str = "context-saved";
    const SAVED: &'static str = "context-saved";
    const REMOVED: &'static str = "context-removed";

    fn anchor(id: &Id) -> String {
        format!("{}-{id}", T::SEGMENT)
    }

    fn read(p: &Pairs) -> ((T, i64), T, ValidationErrors) {
        let raw = T::from_pairs(p);
        ((raw.clone(), p.version().unwrap_or_default()), raw, ValidationErrors::new())
    }

    fn form_of(rec: &Record<T>) -> (T, i64) {
        (rec.body.clone(), rec.version)
    }

    fn set_version(form: &mut (T, i64), version: i64) {
        form.1 = version;
    }

    async fn list_page(
        state: &AppState,
        me: &Identity,
        cx: CourseContext,
        (raw, _): (T, i64),
        errors: FormErrors,
    ) -> AppResult<Html<String>> {
        context_page(state, me, cx, None, Some(raw.failed(errors))).await
    }

    async fn item_page(
        state: &AppState,
        me: &Identity,
        cx: CourseContext,
        rec: Record<T>,
        (form, version): (T, i64),
        errors: FormErrors,
        conflict: Option<ConflictView>,
    ) -> AppResult<Html<String>> {
        let providers = providers_of(&records::ordered::<OtherProvider>(state, &cx.client.id).await?);
        let history = history_rows(&records::history::<T>(state, &rec.id).await?);
        let mut layout = Layout::new(state, me, layout_title(T::CHANGE, &cx), "caseload").await?;
        if let Some(c) = &conflict {
            layout = layout.with_error(conflict_message(c));
        }
        let base = format!("/courses/{}/context/{}/{}", cx.course.id, T::SEGMENT, rec.id);
        render(&ItemPage {
            layout,
            heading: crate::i18n::current().t(T::CHANGE),
            action: base.clone(),
            remove_action: Some(format!("{base}/remove")),
            version,
            fields: form.fields(&providers),
            errors,
            history,
            conflict,
            segment: T::SEGMENT,
            cx,
        })
    }
}

// ---------------------------------------------------------------- cultural formulation

async fn cultural_page(
    state: &AppState,
    me: &Identity,
    cx: CourseContext,
    form: &CulturalFormulation,
    version: i64,
    errors: FormErrors,
    conflict: Option<ConflictView>,
) -> AppResult<Html<String>> {
    let current = current_cultural(state, &cx.client.id).await?;
    let history = match &current {
        Some(r) => history_rows(&records::history::<CulturalFormulation>(state, &r.id).await?),
        None => Vec::new(),
    };
    let mut layout = Layout::new(state, me, layout_title(msg("context-cultural"), &cx), "caseload").await?;
    if let Some(c) = &conflict {
        layout = layout.with_error(conflict_message(c));
    }
    render(&ItemPage {
        layout,
        heading: crate::i18n::current().t(if current.is_some() {
            msg("context-change-cultural")
        } else {
            msg("context-cultural")
        }),
        action: format!("/courses/{}/context/cultural-formulation", cx.course.id),
        remove_action: None,
        version,
        fields: cultural_fields(form),
        errors,
        history,
        conflict,
        segment: "cultural",
        cx,
    })
}

pub async fn cultural_form(CourseWrite { state, me, cx }: CourseWrite) -> AppResult<Html<String>> {
    let current = current_cultural(&state, &cx.client.id).await?;
    if let Some(r) = &current {
        audit_read(
            &state,
            &me,
            CulturalFormulation::KIND,
            &cx.client.id,
            Some(&r.id),
            format!("basis={}", cx.basis.as_str()),
        )
        .await?;
    }
    let (form, version) = current.map(|r| (r.body, r.version)).unwrap_or_default();
    cultural_page(&state, &me, cx, &form, version, FormErrors::default(), None).await
}

pub async fn cultural_save(CoursePost { state, me, cx, form: Pairs(pairs) }: CoursePost) -> AppResult<Response> {
    let p = Pairs(pairs);
    let version = Some(p.required_version()?).filter(|v| *v > 0);
    let raw = cultural_from_pairs(&p);
    match save_cultural(&state, &me, &cx.client.id, version, raw.clone(), "").await.map_err(AppError::from) {
        Ok(_) => {
            Ok(Redirect::to(&format!("/courses/{}/context?done=context-saved#cultural", cx.course.id)).into_response())
        }
        Err(AppError::Invalid(e)) => {
            Ok(refused(cultural_page(&state, &me, cx, &raw, version.unwrap_or_default(), FormErrors(e), None).await?))
        }
        Err(AppError::Conflict(_)) => {
            let current = current_cultural(&state, &cx.client.id).await?.ok_or(AppError::NotFound)?;
            let conflict = Some(ConflictView::of(&current));
            Ok(conflicted(
                cultural_page(&state, &me, cx, &raw, current.version, FormErrors::default(), conflict).await?,
            ))
        }
        Err(e) => Err(e),
    }
}
