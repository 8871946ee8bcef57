//! The course's Inventory tab: the client's important people (client-level
//! records, versioned), the closeness circle, the social support map, circle
//! snapshots of the course and their comparison.

use super::clients::DoneParam;
use super::Layout;
use crate::course_extract::{CoursePost, CourseRead, CourseWrite};
use crate::error::{AppError, AppResult};
use crate::html::form::Pairs;
use crate::html::{refused, render, FormErrors};
use crate::i18n::{msg, Tr};
use askama::Template;
use axum::extract::{Path, Query};
use axum::response::{Html, IntoResponse, Redirect, Response};
use rapport_app::access::course::CourseContext;
use rapport_app::access::Purpose;
use rapport_app::caller::Identity;
use rapport_app::inventory::{
    self, add_person, change_person, circle_people, circle_svg_with, inventory, person_of_course, take_snapshot,
    Inventory,
};
use rapport_app::AppState;
use rapport_core::inventory::circle::CircleWords;
use rapport_core::inventory::{
    compare, support_map, validate_person, CirclePerson, CircleSnapshot, Comparison, ContactFrequency, Met, Person,
    RawPerson, Relationship, Ring, SupportMap, SupportType, SNAPSHOT_LABELS,
};
use rapport_core::protocol::ChecklistItem;
use rapport_core::time::format_date;
use rapport_core::{Timestamp, ValidationErrors};
use rapport_store::records::Record;
use serde::Deserialize;
use std::collections::BTreeMap;

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/courses/{id}/inventory", show)
        .get("/courses/{id}/inventory/people/new", new_person_form)
        .post("/courses/{id}/inventory/people/new", create_person)
        .get("/courses/{id}/inventory/people/{person_id}", edit_person_form)
        .post("/courses/{id}/inventory/people/{person_id}", update_person)
        .post("/courses/{id}/inventory/people/{person_id}/remove", remove_person)
        .get("/courses/{id}/inventory/people/{person_id}/history", person_history)
        .post("/courses/{id}/inventory/snapshots", create_snapshot)
        .get("/courses/{id}/inventory/snapshots/{snapshot_id}", show_snapshot)
        .get("/courses/{id}/inventory/compare", compare_snapshots)
}

/// Fixed confirmation messages for `?done=` on inventory pages.
fn done_message(key: &str) -> Option<&'static str> {
    Some(match key {
        "person-added" => msg("inventory-done-person-added"),
        "person-saved" => msg("inventory-done-person-saved"),
        "person-removed" => msg("inventory-done-person-removed"),
        "snapshot" => msg("inventory-done-snapshot"),
        _ => return None,
    })
}

fn with_done(layout: Layout, done: Option<&str>) -> Layout {
    match done.and_then(done_message) {
        Some(id) => {
            let message = layout.tr.t(id);
            Layout { flash: Some(super::Flash { kind: "success", message }), ..layout }
        }
        None => layout,
    }
}

/// A ring's heading in a circle of `count` rings: "Inner ring (closest)",
/// "Ring 5 (most distant)".
fn ring_heading(tr: &Tr, r: Ring, count: u8) -> String {
    match r.word(count) {
        "inner" => tr.t(msg("inventory-ring-heading-inner")),
        "middle" => tr.t(msg("inventory-ring-heading-middle")),
        "outer" => tr.t(msg("inventory-ring-heading-outer")),
        _ => tr.tn(
            msg("inventory-ring-heading-numbered"),
            &[("place", &r.position(count)), ("n", &i64::from(r.number()))],
        ),
    }
}

/// A ring's short name for the person form: "Inner", "Ring 4".
fn ring_short(tr: &Tr, r: Ring, count: u8) -> String {
    match r.word(count) {
        "inner" => tr.t(msg("inventory-ring-inner")),
        "middle" => tr.t(msg("inventory-ring-middle")),
        "outer" => tr.t(msg("inventory-ring-outer")),
        _ => tr.ta("inventory-ring-numbered", "n", i64::from(r.number())),
    }
}

/// People grouped by ring, for the data-table alternative of a circle.
pub struct RingGroup {
    pub heading: String,
    pub people: Vec<CirclePerson>,
}

fn by_ring(people: &[CirclePerson], count: u8) -> Vec<RingGroup> {
    let mut sorted = people.to_vec();
    rapport_core::inventory::circle_order(&mut sorted);
    let tr = crate::i18n::current();
    Ring::all(count)
        .map(|r| RingGroup {
            heading: ring_heading(&tr, r, count),
            people: sorted.iter().filter(|p| p.ring.within(count) == r).cloned().collect(),
        })
        .collect()
}

/// "conflict, gives support" or "–", in the reader's language.
pub fn marks_text(p: &CirclePerson) -> String {
    let m = marks(&crate::i18n::current(), p);
    if m.is_empty() {
        "–".into()
    } else {
        m.join(", ")
    }
}

/// A person's marks in words (`CirclePerson::marks` in the reader's language).
pub fn marks(tr: &Tr, p: &CirclePerson) -> Vec<String> {
    let mut m = Vec::new();
    if p.deceased {
        m.push(tr.t("inventory-mark-deceased"));
    }
    if p.conflict {
        m.push(tr.t("inventory-mark-conflict"));
    }
    if p.supports_client() {
        m.push(tr.t("inventory-mark-gives-support"));
    }
    if p.could_support_now {
        m.push(tr.t("inventory-mark-could-support-now"));
    }
    m
}

/// "emotional, practical": kinds of support in the reader's language, lower case.
pub fn support_text(v: &[SupportType]) -> String {
    support_words(&crate::i18n::current(), v)
}

fn support_words(tr: &Tr, v: &[SupportType]) -> String {
    v.iter().map(|t| tr.t(t.message()).to_lowercase()).collect::<Vec<_>>().join(", ")
}

/// "Partner", "Parent (stepfather)" or, for Other, the words typed.
pub fn relationship_text(r: &Relationship, detail: &Option<String>) -> String {
    relationship_words(&crate::i18n::current(), *r, detail.as_deref())
}

fn relationship_words(tr: &Tr, r: Relationship, detail: Option<&str>) -> String {
    match detail {
        Some(d) if r == Relationship::Other => d.to_string(),
        Some(d) => format!("{} ({d})", tr.t(r.message())),
        None => tr.t(r.message()),
    }
}

/// The closeness circle's words in the reader's language.
struct Words(Tr);

impl CircleWords for Words {
    fn ring(&self, r: Ring, count: u8) -> String {
        ring_heading(&self.0, r, count)
    }
    fn centre(&self) -> String {
        self.0.t("inventory-circle-centre")
    }
    fn legend(&self) -> [String; 4] {
        [
            self.0.t("inventory-legend-support"),
            self.0.t("inventory-legend-conflict"),
            self.0.t("inventory-legend-could-support"),
            self.0.t("inventory-legend-deceased"),
        ]
    }
    fn person(&self, p: &CirclePerson) -> String {
        let relationship = relationship_words(&self.0, p.relationship, p.relationship_detail.as_deref());
        let marks = marks(&self.0, p);
        if marks.is_empty() {
            format!("{} ({relationship})", p.display_name)
        } else {
            format!("{} ({relationship}; {})", p.display_name, marks.join(", "))
        }
    }
    fn person_in_ring(&self, p: &CirclePerson, count: u8) -> String {
        let ring = p.ring.within(count);
        self.0.tn(
            msg("inventory-circle-person-in-ring"),
            &[("person", &self.person(p)), ("ring", &ring.word(count)), ("n", &i64::from(ring.number()))],
        )
    }
    fn opening(&self, count: usize) -> String {
        self.0.ta("inventory-circle-opening", "count", count)
    }
    fn ring_list(&self, r: Ring, count: u8, people: &[String]) -> String {
        let list = if people.is_empty() { self.0.t("inventory-nobody") } else { people.join("; ") };
        let ring = self.ring(r, count);
        format!(" {}", self.0.tn(msg("inventory-circle-ring-list"), &[("ring", &ring), ("people", &list)]))
    }
}

/// The closeness circle's words in the reader's language (for figures drawn elsewhere).
pub(crate) fn circle_words() -> impl CircleWords + Sync {
    Words(crate::i18n::current())
}

/// The closeness circle of `people` in `rings` rings, in the reader's language.
fn circle_figure(people: &[CirclePerson], rings: u8, id: &str, title: &str) -> String {
    circle_svg_with(people, rings, id, title, &circle_words())
}

// ---------------------------------------------------------------- the tab

/// A person as listed on the tab.
pub struct PersonRow {
    pub record: Record<Person>,
    pub circle: CirclePerson,
}

#[derive(Deserialize, Default, Clone, Debug)]
pub struct SnapshotForm {
    #[serde(default)]
    pub label: String,
    #[serde(default)]
    pub taken_on: String,
    #[serde(default)]
    pub session_id: String,
    #[serde(default)]
    pub note: String,
}

/// The session a snapshot was taken at, by name ("session 4").
fn session_name(tr: &crate::i18n::Tr, cx: &CourseContext, session: Option<&rapport_core::Id>) -> Option<String> {
    session.and_then(|s| cx.session(s)).and_then(|s| super::session_name(tr, s))
}

pub struct SnapshotRow {
    pub record: Record<CircleSnapshot>,
    /// The session it was taken at, by name ("session 4").
    pub session: Option<String>,
}

#[derive(Template)]
#[template(path = "inventory.html")]
struct InventoryPage {
    layout: Layout,
    cx: CourseContext,
    groups: Vec<(String, Vec<PersonRow>)>,
    count: usize,
    removed: Vec<Record<Person>>,
    svg: String,
    map: SupportMap,
    snapshots: Vec<SnapshotRow>,
    inventory_outstanding: bool,
    today: String,
    errors: FormErrors,
    snapshot_form: SnapshotForm,
    /// Held sessions: (id, "Session 3, 2026-01-19").
    sessions: Vec<(String, String)>,
    labels: [&'static str; 3],
}

pub async fn show(CourseRead { state, me, cx }: CourseRead, Query(q): Query<DoneParam>) -> AppResult<Html<String>> {
    inventory_page(&state, &me, cx, q.done.as_deref(), FormErrors::default(), SnapshotForm::default()).await
}

async fn inventory_page(
    state: &AppState,
    me: &Identity,
    cx: CourseContext,
    done: Option<&str>,
    errors: FormErrors,
    snapshot_form: SnapshotForm,
) -> AppResult<Html<String>> {
    let Inventory { people: records, removed, snapshots } = inventory(state, me, &cx).await?;

    let people = circle_people(&records);
    let tr = crate::i18n::current();
    let rings = inventory::ring_count(state).await?;
    let svg = circle_figure(&people, rings, "circle-now", &tr.t("inventory-circle-now-title"));
    let map = support_map(&people);
    let mut rows: Vec<PersonRow> =
        records.into_iter().zip(people).map(|(record, circle)| PersonRow { record, circle }).collect();
    rows.sort_by(|a, b| {
        (a.circle.ring, a.circle.display_name.to_lowercase())
            .cmp(&(b.circle.ring, b.circle.display_name.to_lowercase()))
    });
    let count = rows.len();
    let mut groups: Vec<(String, Vec<PersonRow>)> =
        Ring::all(rings).map(|r| (ring_heading(&tr, r, rings), Vec::new())).collect();
    for row in rows {
        groups[row.circle.ring.within(rings).index()].1.push(row);
    }
    let snapshots = snapshots
        .into_iter()
        .map(|record| {
            let session = session_name(&tr, &cx, record.session_id.as_ref());
            SnapshotRow { record, session }
        })
        .collect();
    let inventory_outstanding = cx.outstanding().contains(&ChecklistItem::Inventory);
    let sessions = cx
        .sessions
        .iter()
        .filter_map(|s| s.number.map(|_| (s.session.id.to_string(), super::session_label(&tr, s))))
        .collect();
    let title = tr.ta("inventory-title", "client", &cx.client.details.display_name);
    let layout = with_done(Layout::new(state, me, title, "caseload").await?, done);
    render(&InventoryPage {
        layout,
        cx,
        groups,
        count,
        removed,
        svg,
        map,
        snapshots,
        inventory_outstanding,
        today: format_date(Timestamp::now().date()),
        errors,
        snapshot_form,
        sessions,
        labels: SNAPSHOT_LABELS,
    })
}

// ---------------------------------------------------------------- person form

/// Posted form values, repeated keys kept (checkbox groups).
#[derive(Clone, Debug, Default)]
pub struct FormValues(BTreeMap<String, Vec<String>>);

impl FormValues {
    pub fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        let mut m: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (k, v) in pairs {
            m.entry(k).or_default().push(v);
        }
        FormValues(m)
    }

    /// The first value of a field, or "".
    pub fn get(&self, name: &str) -> &str {
        self.0.get(name).and_then(|v| v.first()).map(String::as_str).unwrap_or("")
    }

    fn opt(&self, name: &str) -> Option<String> {
        Some(self.get(name).to_string()).filter(|s| !s.trim().is_empty())
    }

    /// A ticked checkbox.
    pub fn flag(&self, name: &str) -> bool {
        self.0.get(name).is_some_and(|v| v.iter().any(|x| x == "yes"))
    }

    /// A radio, select or checkbox-group value is chosen.
    pub fn has(&self, name: &str, value: &str) -> bool {
        self.0.get(name).is_some_and(|v| v.iter().any(|x| x == value))
    }

    fn all(&self, name: &str) -> Vec<String> {
        self.0.get(name).cloned().unwrap_or_default()
    }

    fn set(&mut self, name: &str, value: Option<String>) {
        if let Some(v) = value {
            self.0.insert(name.to_string(), vec![v]);
        }
    }

    fn set_flag(&mut self, name: &str, on: bool) {
        if on {
            self.0.insert(name.to_string(), vec!["yes".into()]);
        }
    }

    pub fn raw_person(&self) -> RawPerson {
        RawPerson {
            display_name: self.opt("display_name"),
            relationship: self.opt("relationship"),
            relationship_detail: self.opt("relationship_detail"),
            lives_with_client: self.flag("lives_with_client"),
            deceased: self.flag("deceased"),
            date_of_death: self.opt("date_of_death"),
            ring: self.opt("ring"),
            contact_frequency: self.opt("contact_frequency"),
            shared_activities: self.opt("shared_activities"),
            satisfying: self.opt("satisfying"),
            unsatisfying: self.opt("unsatisfying"),
            client_expectations: self.opt("client_expectations"),
            client_expectations_met: self.opt("client_expectations_met"),
            other_expectations: self.opt("other_expectations"),
            other_expectations_met: self.opt("other_expectations_met"),
            conflict: self.flag("conflict"),
            conflict_description: self.opt("conflict_description"),
            support_received: self.all("support_received"),
            support_given: self.all("support_given"),
            can_discuss: self.opt("can_discuss"),
            cannot_discuss: self.opt("cannot_discuss"),
            wanted_changes: self.opt("wanted_changes"),
            change_since_onset: self.opt("change_since_onset"),
            linked_to_onset: self.flag("linked_to_onset"),
            knows_about_depression: self.opt("knows_about_depression"),
            communication: self.opt("communication"),
            feelings_together: self.opt("feelings_together"),
            could_support_now: self.flag("could_support_now"),
            third_party_information: self.flag("third_party_information"),
            notes: self.opt("notes"),
        }
    }

    pub fn of_person(p: &Person) -> Self {
        let r = p.to_raw();
        let mut v = FormValues::default();
        v.set("display_name", r.display_name);
        v.set("relationship", r.relationship);
        v.set("relationship_detail", r.relationship_detail);
        v.set_flag("lives_with_client", r.lives_with_client);
        v.set_flag("deceased", r.deceased);
        v.set("date_of_death", r.date_of_death);
        v.set("ring", r.ring);
        v.set("contact_frequency", r.contact_frequency);
        v.set("shared_activities", r.shared_activities);
        v.set("satisfying", r.satisfying);
        v.set("unsatisfying", r.unsatisfying);
        v.set("client_expectations", r.client_expectations);
        v.set("client_expectations_met", r.client_expectations_met);
        v.set("other_expectations", r.other_expectations);
        v.set("other_expectations_met", r.other_expectations_met);
        v.set_flag("conflict", r.conflict);
        v.set("conflict_description", r.conflict_description);
        v.0.insert("support_received".into(), r.support_received);
        v.0.insert("support_given".into(), r.support_given);
        v.set("can_discuss", r.can_discuss);
        v.set("cannot_discuss", r.cannot_discuss);
        v.set("wanted_changes", r.wanted_changes);
        v.set("change_since_onset", r.change_since_onset);
        v.set_flag("linked_to_onset", r.linked_to_onset);
        v.set("knows_about_depression", r.knows_about_depression);
        v.set("communication", r.communication);
        v.set("feelings_together", r.feelings_together);
        v.set_flag("could_support_now", r.could_support_now);
        v.set_flag("third_party_information", r.third_party_information);
        v.set("notes", r.notes);
        v
    }
}

fn yes_no(tr: &Tr, b: bool) -> String {
    tr.t(if b { msg("inventory-yes") } else { msg("inventory-no") })
}

fn met_text(tr: &Tr, m: Option<Met>) -> String {
    m.map(|m| tr.t(m.message())).unwrap_or_default()
}

/// A person's fields in words, in form order (history and conflict views; in
/// English for the audit log's list of changed fields).
pub fn person_fields(tr: &Tr, p: &Person, rings: u8) -> Vec<(String, String)> {
    let t = |v: &Option<String>| v.clone().unwrap_or_default();
    let deceased = match (p.deceased, &p.date_of_death) {
        (false, _) => tr.t("inventory-no"),
        (true, None) => tr.t("inventory-yes"),
        (true, Some(d)) => tr.ta("inventory-yes-died-on", "date", d),
    };
    let fields = [
        (msg("inventory-field-name"), p.display_name.clone()),
        (msg("inventory-field-relationship"), relationship_words(tr, p.relationship, p.relationship_detail.as_deref())),
        (msg("inventory-field-lives-with-client"), yes_no(tr, p.lives_with_client)),
        (msg("inventory-field-deceased"), deceased),
        (msg("inventory-field-ring"), ring_heading(tr, p.ring, rings)),
        (msg("inventory-field-contact"), p.contact_frequency.map(|c| tr.t(c.message())).unwrap_or_default()),
        (msg("inventory-field-shared-activities"), t(&p.shared_activities)),
        (msg("inventory-field-satisfying"), t(&p.satisfying)),
        (msg("inventory-field-unsatisfying"), t(&p.unsatisfying)),
        (msg("inventory-field-client-expectations"), t(&p.client_expectations)),
        (msg("inventory-field-client-expectations-met"), met_text(tr, p.client_expectations_met)),
        (msg("inventory-field-other-expectations"), t(&p.other_expectations)),
        (msg("inventory-field-other-expectations-met"), met_text(tr, p.other_expectations_met)),
        (msg("inventory-field-conflict-present"), yes_no(tr, p.conflict)),
        (msg("inventory-field-conflict"), t(&p.conflict_description)),
        (msg("inventory-field-support-received"), support_words(tr, &p.support_received)),
        (msg("inventory-field-support-given"), support_words(tr, &p.support_given)),
        (msg("inventory-field-can-discuss"), t(&p.can_discuss)),
        (msg("inventory-field-cannot-discuss"), t(&p.cannot_discuss)),
        (msg("inventory-field-wanted-changes"), t(&p.wanted_changes)),
        (msg("inventory-field-change-since-onset"), t(&p.change_since_onset)),
        (msg("inventory-field-linked-to-onset"), yes_no(tr, p.linked_to_onset)),
        (msg("inventory-field-knows"), p.knows_about_depression.map(|k| tr.t(k.message())).unwrap_or_default()),
        (msg("inventory-field-communication"), t(&p.communication)),
        (msg("inventory-field-feelings-together"), t(&p.feelings_together)),
        (msg("inventory-field-could-support-now"), yes_no(tr, p.could_support_now)),
        (msg("inventory-field-third-party"), yes_no(tr, p.third_party_information)),
        (msg("inventory-field-notes"), t(&p.notes)),
    ];
    fields.into_iter().map(|(id, value)| (tr.t(id), value)).collect()
}

/// Fields that differ: (label, before, after).
pub fn person_changes(tr: &Tr, before: &Person, after: &Person, rings: u8) -> Vec<(String, String, String)> {
    person_fields(tr, before, rings)
        .into_iter()
        .zip(person_fields(tr, after, rings))
        .filter(|((_, a), (_, b))| a != b)
        .map(|((label, a), (_, b))| (label, a, b))
        .collect()
}

#[derive(Template)]
#[template(path = "inventory_person.html")]
struct PersonFormPage {
    layout: Layout,
    /// The template reads the form's fields through `Deref`.
    page: PersonForm,
}

impl std::ops::Deref for PersonFormPage {
    type Target = PersonForm;
    fn deref(&self) -> &PersonForm {
        &self.page
    }
}

/// The add or change form of one person, as shown.
struct PersonForm {
    cx: CourseContext,
    /// None for a new person.
    person_id: Option<String>,
    heading: String,
    version: i64,
    form: FormValues,
    errors: FormErrors,
    /// After a version conflict: (field, saved value, your value) and who saved.
    conflict: Vec<(String, String, String)>,
    conflict_by: String,
    /// The organisation's rings (filled in by `person_page`).
    ring_count: u8,
}

impl PersonFormPage {
    fn relationships(&self) -> Vec<(&'static str, String)> {
        Relationship::ALL.iter().map(|r| (r.as_str(), self.layout.tr.t(r.message()))).collect()
    }
    /// (value, name, hint) for each of the organisation's rings.
    fn rings(&self) -> Vec<(String, String, String)> {
        let (tr, count) = (&self.layout.tr, self.ring_count);
        Ring::all(count)
            .map(|r| {
                let hint = match (r.position(count), r.word(count)) {
                    ("first", _) => tr.t(msg("inventory-ring-hint-inner")),
                    ("last", _) => tr.t(msg("inventory-ring-hint-outer")),
                    (_, "middle") => tr.t(msg("inventory-ring-hint-middle")),
                    _ => tr.ta("inventory-ring-hint-between", "closer", i64::from(r.number() - 1)),
                };
                (r.code(), ring_short(tr, r, count), hint)
            })
            .collect()
    }
    fn frequencies(&self) -> Vec<(&'static str, String)> {
        ContactFrequency::ALL.iter().map(|c| (c.as_str(), self.layout.tr.t(c.message()))).collect()
    }
    fn mets(&self) -> Vec<(&'static str, String)> {
        Met::ALL.iter().map(|m| (m.as_str(), self.layout.tr.t(m.message()))).collect()
    }
    fn knows(&self) -> Vec<(&'static str, String)> {
        rapport_core::inventory::Knows::ALL.iter().map(|k| (k.as_str(), self.layout.tr.t(k.message()))).collect()
    }
    fn supports(&self) -> Vec<(&'static str, String)> {
        SupportType::ALL.iter().map(|s| (s.as_str(), self.layout.tr.t(s.message()))).collect()
    }
}

impl PersonForm {
    /// The form with no errors and no conflict.
    fn new(cx: CourseContext, person_id: Option<String>, heading: String, version: i64, form: FormValues) -> Self {
        PersonForm {
            cx,
            person_id,
            heading,
            version,
            form,
            errors: FormErrors::default(),
            conflict: vec![],
            conflict_by: String::new(),
            ring_count: rapport_core::inventory::DEFAULT_RING_COUNT,
        }
    }
}

async fn person_page(state: &AppState, me: &Identity, page: PersonForm) -> AppResult<Html<String>> {
    let title = format!("{} · {}", page.heading, page.cx.client.details.display_name);
    let layout = Layout::new(state, me, title, "caseload").await?;
    let page = PersonForm { ring_count: inventory::ring_count(state).await?, ..page };
    render(&PersonFormPage { layout, page })
}

pub async fn new_person_form(CourseRead { state, me, cx }: CourseRead) -> AppResult<Html<String>> {
    let heading = crate::i18n::current().t("inventory-add-person");
    person_page(&state, &me, PersonForm::new(cx, None, heading, 0, FormValues::default())).await
}

pub async fn create_person(CoursePost { state, me, cx, form: Pairs(pairs) }: CoursePost) -> AppResult<Response> {
    let form = FormValues::from_pairs(pairs);
    let added = match validate_person(&form.raw_person(), Some(Timestamp::now().date())) {
        Ok(person) => add_person(&state, &me, &cx.client.id, &person, "").await.map_err(AppError::from),
        Err(e) => Err(AppError::Invalid(e)),
    };
    match added {
        Ok(record) => {
            Ok(Redirect::to(&format!("/courses/{}/inventory?done=person-added#person-{}", cx.course.id, record.id))
                .into_response())
        }
        Err(AppError::Invalid(e)) => {
            let heading = crate::i18n::current().t("inventory-add-person");
            let page = PersonForm { errors: FormErrors(e), ..PersonForm::new(cx, None, heading, 0, form) };
            Ok(refused(person_page(&state, &me, page).await?))
        }
        Err(other) => Err(other),
    }
}

pub async fn edit_person_form(
    CourseWrite { state, me, cx }: CourseWrite,
    Path((_, person_id)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    let p = person_of_course(&state, &me, &cx, &person_id, Purpose::AuditRead).await?;
    let relationship = relationship_text(&p.body.relationship, &p.body.relationship_detail);
    let heading = format!("{} · {relationship}", p.body.display_name);
    let form = FormValues::of_person(&p.body);
    person_page(&state, &me, PersonForm::new(cx, Some(p.id.to_string()), heading, p.version, form)).await
}

pub async fn update_person(
    Path((_, person_id)): Path<(String, String)>,
    CoursePost { state, me, cx, form: Pairs(pairs) }: CoursePost,
) -> AppResult<Response> {
    let current = person_of_course(&state, &me, &cx, &person_id, Purpose::Write).await?;
    let form = FormValues::from_pairs(pairs);
    let relationship = relationship_text(&current.body.relationship, &current.body.relationship_detail);
    let heading = format!("{} · {relationship}", current.body.display_name);
    let version = form.get("version").trim().parse::<i64>().ok();
    let result = validate_person(&form.raw_person(), Some(Timestamp::now().date()));
    let (person, version) = match (result, version) {
        (Ok(p), Some(v)) => (p, v),
        (result, version) => {
            let mut e = result.err().unwrap_or_default();
            if version.is_none() {
                e.add_key("version", msg("inventory-error-no-version"), vec![]);
            }
            let pid = Some(current.id.to_string());
            let v = version.unwrap_or(current.version);
            let page = PersonForm { errors: FormErrors(e), ..PersonForm::new(cx, pid, heading, v, form) };
            let page = person_page(&state, &me, page).await?;
            return Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    if version != current.version {
        // Someone saved in between: show what they saved next to this form's values,
        // and let the person save again deliberately (the form now carries the new version).
        let tr = crate::i18n::current();
        let conflict = person_changes(&tr, &current.body, &person, inventory::ring_count(&state).await?);
        let by = tr.tn(
            msg("inventory-saved-by-at"),
            &[("name", &current.updated_by_name), ("when", &crate::i18n::show(current.updated_at))],
        );
        let pid = Some(current.id.to_string());
        let page = PersonForm { conflict, conflict_by: by, ..PersonForm::new(cx, pid, heading, current.version, form) };
        let page = person_page(&state, &me, page).await?;
        return Ok((axum::http::StatusCode::CONFLICT, page).into_response());
    }
    // The audit log is written in English, whatever the reader's language.
    let rings = inventory::ring_count(&state).await?;
    let changed: Vec<String> =
        person_changes(&Tr::default(), &current.body, &person, rings).into_iter().map(|(l, ..)| l).collect();
    let detail = format!("changed: {}", changed.join(", "));
    match change_person(&state, &me, &current, version, &person, detail).await.map_err(AppError::from) {
        Ok(_) => {
            Ok(Redirect::to(&format!("/courses/{}/inventory?done=person-saved#person-{}", cx.course.id, current.id))
                .into_response())
        }
        Err(AppError::Invalid(e)) => {
            let pid = Some(current.id.to_string());
            let page = PersonForm { errors: FormErrors(e), ..PersonForm::new(cx, pid, heading, version, form) };
            let page = person_page(&state, &me, page).await?;
            Ok(refused(page))
        }
        Err(other) => Err(other),
    }
}

#[derive(Deserialize, Default)]
pub struct VersionForm {
    #[serde(default)]
    pub version: String,
}

pub async fn remove_person(
    Path((_, person_id)): Path<(String, String)>,
    CoursePost { state, me, cx, form }: CoursePost<VersionForm>,
) -> AppResult<Response> {
    let current = person_of_course(&state, &me, &cx, &person_id, Purpose::Write).await?;
    let Some(version) = form.version.trim().parse::<i64>().ok() else {
        return Err(AppError::Invalid(ValidationErrors::single_key(
            "version",
            msg("inventory-error-no-version"),
            vec![],
        )));
    };
    inventory::remove_person(&state, &me, &current, version, "").await?;
    Ok(Redirect::to(&format!("/courses/{}/inventory?done=person-removed#people", cx.course.id)).into_response())
}

/// One version as shown in the history.
pub struct VersionView {
    pub version: i64,
    pub change: String,
    pub by: String,
    pub at: String,
    /// Against the version before: (field, before, after).
    pub changes: Vec<(String, String, String)>,
    pub fields: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "inventory_history.html")]
struct HistoryPage {
    layout: Layout,
    cx: CourseContext,
    name: String,
    person_id: String,
    removed: Option<String>,
    versions: Vec<VersionView>,
}

pub async fn person_history(
    CourseWrite { state, me, cx }: CourseWrite,
    Path((_, person_id)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    let (record, removed_at, history) = inventory::person_history(&state, &me, &cx, &person_id).await?;
    // Newest first; each version is compared with the one below it.
    let tr = crate::i18n::current();
    let rings = inventory::ring_count(&state).await?;
    let versions = history
        .iter()
        .enumerate()
        .map(|(i, v)| VersionView {
            version: v.version,
            change: v.change.clone(),
            by: v.changed_by_name.clone(),
            at: crate::i18n::show(v.changed_at),
            changes: match history.get(i + 1) {
                Some(prev) if v.change == "updated" => person_changes(&tr, &prev.body, &v.body, rings),
                _ => vec![],
            },
            fields: person_fields(&tr, &v.body, rings).into_iter().filter(|(_, val)| !val.is_empty()).collect(),
        })
        .collect();
    let name = record.body.display_name.clone();
    let layout = Layout::new(&state, &me, tr.ta("inventory-history-of", "name", &name), "caseload").await?;
    render(&HistoryPage {
        layout,
        cx,
        name,
        person_id: record.id.to_string(),
        removed: removed_at.map(crate::i18n::show),
        versions,
    })
}

// ---------------------------------------------------------------- snapshots

pub async fn create_snapshot(CoursePost { state, me, cx, form }: CoursePost<SnapshotForm>) -> AppResult<Response> {
    let result = take_snapshot(
        &state,
        &me,
        &cx,
        Some(&form.label),
        Some(&form.taken_on),
        Some(&form.session_id),
        Some(&form.note),
    )
    .await
    .map_err(AppError::from);
    match result {
        Ok(s) => Ok(Redirect::to(&format!("/courses/{}/inventory?done=snapshot#snapshot-{}", cx.course.id, s.id))
            .into_response()),
        Err(AppError::Invalid(e)) => {
            let errors = FormErrors(e).with_prefix("snapshot");
            Ok(refused(inventory_page(&state, &me, cx, None, errors, form).await?))
        }
        Err(other) => Err(other),
    }
}

#[derive(Template)]
#[template(path = "inventory_snapshot.html")]
struct SnapshotPage {
    layout: Layout,
    cx: CourseContext,
    snapshot: Record<CircleSnapshot>,
    /// The session it was taken at, by name ("session 4").
    session: Option<String>,
    svg: String,
    groups: Vec<RingGroup>,
    others: Vec<(String, String)>,
}

pub async fn show_snapshot(
    CourseWrite { state, me, cx }: CourseWrite,
    Path((_, snapshot_id)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    let snapshot = inventory::view_snapshot(&state, &me, &cx, &snapshot_id).await?;
    let s = &snapshot.body;
    let tr = crate::i18n::current();
    let title = tr.ta("inventory-circle-of", "title", format!("{} ({})", s.label, s.taken_on));
    let svg = circle_figure(&s.people, s.ring_count, "circle-snapshot", &title);
    let groups = by_ring(&s.people, s.ring_count);
    let others = inventory::snapshots(&state, &cx)
        .await?
        .into_iter()
        .filter(|o| o.id != snapshot.id)
        .map(|o| (o.id.to_string(), format!("{} ({})", o.body.label, o.body.taken_on)))
        .collect();
    let session = session_name(&tr, &cx, snapshot.session_id.as_ref());
    let title = tr.tn("inventory-snapshot-title", &[("label", &s.label), ("client", &cx.client.details.display_name)]);
    let layout = Layout::new(&state, &me, title, "caseload").await?;
    render(&SnapshotPage { layout, cx, snapshot, session, svg, groups, others })
}

#[derive(Deserialize, Default)]
pub struct CompareParams {
    pub a: Option<String>,
    pub b: Option<String>,
}

/// One side of a comparison.
pub struct Side {
    pub key: String,
    pub title: String,
    pub svg: String,
    pub count: usize,
}

#[derive(Template)]
#[template(path = "inventory_compare.html")]
struct ComparePage {
    layout: Layout,
    cx: CourseContext,
    /// (value, label): every snapshot, then "now".
    options: Vec<(String, String)>,
    a_key: String,
    b_key: String,
    /// Both sides, once two circles are chosen.
    pair: Option<(Side, Side)>,
    comparison: Comparison,
    /// Per person: what changed, in words.
    lines: Vec<(String, Vec<String>)>,
}

pub async fn compare_snapshots(
    CourseWrite { state, me, cx }: CourseWrite,
    Query(q): Query<CompareParams>,
) -> AppResult<Html<String>> {
    let snapshots = inventory::snapshots(&state, &cx).await?;
    let mut options: Vec<(String, String)> =
        snapshots.iter().map(|s| (s.id.to_string(), format!("{} ({})", s.body.label, s.body.taken_on))).collect();
    let tr = crate::i18n::current();
    options.push(("now".into(), tr.t("inventory-now-option")));
    // Defaults: the first snapshot against the last one (or against now).
    let a_key = q.a.filter(|s| !s.is_empty()).or_else(|| snapshots.first().map(|s| s.id.to_string()));
    let b_key = q.b.filter(|s| !s.is_empty()).or_else(|| {
        if snapshots.len() > 1 {
            snapshots.last().map(|s| s.id.to_string())
        } else {
            Some("now".into())
        }
    });
    let now = if a_key.as_deref() == Some("now") || b_key.as_deref() == Some("now") {
        inventory::current_circle(&state, &cx).await?
    } else {
        Vec::new()
    };
    let rings_now = inventory::ring_count(&state).await?;
    // Each side is drawn with its own rings: a snapshot keeps the count it was taken with.
    type Drawn = (Side, Vec<CirclePerson>, u8);
    let side = |key: Option<String>, svg_id: &str| -> Result<Option<Drawn>, AppError> {
        let Some(key) = key else { return Ok(None) };
        let (title, people, rings) = if key == "now" {
            (tr.t("inventory-now"), now.clone(), rings_now)
        } else {
            // Another course's snapshot, or no snapshot at all, looks absent.
            let s = snapshots.iter().find(|s| s.id.as_str() == key).ok_or(AppError::NotFound)?;
            (format!("{} ({})", s.body.label, s.body.taken_on), s.body.people.clone(), s.body.ring_count)
        };
        let svg = circle_figure(&people, rings, svg_id, &tr.ta("inventory-circle-of", "title", &title));
        Ok(Some((Side { key, title, svg, count: people.len() }, people, rings)))
    };
    let a = side(a_key, "circle-a")?;
    let b = side(b_key, "circle-b")?;
    let (comparison, lines) = match (&a, &b) {
        (Some((_, pa, ra)), Some((_, pb, rb))) => {
            let c = compare(pa, pb);
            let lines = change_lines(&tr, &c, (pa, *ra), (pb, *rb));
            (c, lines)
        }
        _ => (Comparison::default(), Vec::new()),
    };
    let detail = format!(
        "compare {} with {}",
        a.as_ref().map(|(s, ..)| s.key.as_str()).unwrap_or("-"),
        b.as_ref().map(|(s, ..)| s.key.as_str()).unwrap_or("-")
    );
    inventory::audit_comparison(&state, &me, &cx, detail).await?;
    let title = tr.ta("inventory-compare-title", "client", &cx.client.details.display_name);
    let layout = Layout::new(&state, &me, title, "caseload").await?;
    let a_key = a.as_ref().map(|(s, ..)| s.key.clone()).unwrap_or_default();
    let b_key = b.as_ref().map(|(s, ..)| s.key.clone()).unwrap_or_default();
    let pair = a.zip(b).map(|((sa, ..), (sb, ..))| (sa, sb));
    render(&ComparePage { layout, cx, options, a_key, b_key, pair, comparison, lines })
}

/// Per person, what changed from `earlier` to `later` in the reader's language
/// (`Comparison::lines` worded by messages): people in both, in the later
/// circle's order, then those added, then those no longer there.
fn change_lines(
    tr: &Tr,
    c: &Comparison,
    (earlier, earlier_rings): (&[CirclePerson], u8),
    (later, later_rings): (&[CirclePerson], u8),
) -> Vec<(String, Vec<String>)> {
    // A ring in a sentence: its word ("inner", or "numbered" with the number).
    let word = |r: Ring, count: u8| (r.word(count), i64::from(r.number()));
    let mut order = later.to_vec();
    rapport_core::inventory::circle_order(&mut order);
    let mut out = Vec::new();
    for p in &order {
        let mut what = Vec::new();
        if let Some(m) = c.moved.iter().find(|m| m.person_id == p.person_id) {
            let direction = if m.to < m.from { "closer" } else { "further" };
            let ((from, from_n), (to, to_n)) = (word(m.from, earlier_rings), word(m.to, later_rings));
            what.push(tr.tn(
                msg("inventory-change-moved"),
                &[("direction", &direction), ("from", &from), ("from_n", &from_n), ("to", &to), ("to_n", &to_n)],
            ));
        }
        if let Some(old) = earlier.iter().find(|o| o.person_id == p.person_id) {
            what.extend(person_change_words(tr, old, p));
        }
        if c.added.iter().any(|a| a.person_id == p.person_id) {
            let (ring, n) = word(p.ring, later_rings);
            what.push(tr.tn(msg("inventory-change-added"), &[("ring", &ring), ("n", &n)]));
        }
        if !what.is_empty() {
            out.push((p.display_name.clone(), what));
        }
    }
    for p in &c.removed {
        let (ring, n) = word(p.ring, earlier_rings);
        out.push((p.display_name.clone(), vec![tr.tn(msg("inventory-change-removed"), &[("ring", &ring), ("n", &n)])]));
    }
    out
}

/// What changed for one person besides their ring, in the order `compare` lists it.
fn person_change_words(tr: &Tr, old: &CirclePerson, new: &CirclePerson) -> Vec<String> {
    let support = |v: &[SupportType]| {
        if v.is_empty() {
            tr.t("inventory-support-none")
        } else {
            support_words(tr, v)
        }
    };
    let mut what = Vec::new();
    if old.conflict != new.conflict {
        what.push(tr.t(if new.conflict {
            msg("inventory-change-conflict-now")
        } else {
            msg("inventory-change-conflict-gone")
        }));
    }
    if old.support_received != new.support_received {
        let (before, after) = (support(&old.support_received), support(&new.support_received));
        what.push(tr.tn(msg("inventory-change-support-received"), &[("before", &before), ("after", &after)]));
    }
    if old.support_given != new.support_given {
        let (before, after) = (support(&old.support_given), support(&new.support_given));
        what.push(tr.tn(msg("inventory-change-support-given"), &[("before", &before), ("after", &after)]));
    }
    if !old.deceased && new.deceased {
        what.push(tr.t("inventory-change-died"));
    }
    if old.could_support_now != new.could_support_now {
        what.push(tr.t(if new.could_support_now {
            msg("inventory-change-could-support-now")
        } else {
            msg("inventory-change-could-support-gone")
        }));
    }
    what
}

/// For templates: the checklist item this tab completes.
pub fn inventory_item() -> ChecklistItem {
    ChecklistItem::Inventory
}
