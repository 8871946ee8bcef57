//! Caseload and client records.

use super::Layout;
use crate::i18n::msg;

use crate::error::{AppError, AppResult};
use crate::html::{non_blank, render, FormErrors};
use crate::identity::SignedIn;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Form;
use rapport_app::access::{client_for, require_caseload, Purpose};
use rapport_app::clients::{self, CaseloadViewRequest, ClinicianSummary, Markers, PageKey};
use rapport_app::groups;
use rapport_app::reminders;
use rapport_app::AppState;
use rapport_core::access::AccessBasis;
use rapport_core::client::{
    age_on, format_external_ids, parse_external_ids, ClientDetails, ClientStatus, RawClientDetails,
};
use rapport_core::outbox::DeliveryStatus;
use rapport_core::reminders::ClientChoice;
use rapport_core::{Id, Timestamp, ValidationErrors};
use rapport_store::clients::{CaseloadRow, ClientRecord};
use serde::Deserialize;

const PAGE_SIZE: i64 = 50;

/// One page of a caseload, shared by the full page and the htmx fragment.
struct CaseloadList {
    rows: Vec<CaseloadRow>,
    total: i64,
    search: String,
    archived: bool,
    /// The clinician filtered on (id), or empty.
    clinician: String,
    by_need: bool,
    page: i64,
    pages: i64,
    /// The links to the pages before and after this one, if any.
    previous: Option<PageKey>,
    next: Option<PageKey>,
    today: time::Date,
    /// Client id → (course id, "Session 5 of 16 · middle phase · 11 left", ending prompt).
    courses: std::collections::HashMap<String, (String, String, bool)>,
    /// Client id → measures markers.
    markers: std::collections::HashMap<String, Markers>,
    /// Responsible clinicians over the whole caseload, by name.
    clinicians: Vec<ClinicianSummary>,
    /// The caller's own id (their summary reads "You").
    me: String,
    supervisor: bool,
    labels: RowLabels,
    tr: crate::i18n::Tr,
}

/// The words every row repeats, looked up once per page rather than per row.
struct RowLabels {
    course: String,
    no_open_course: String,
    raise_ending: String,
    risk_flag: String,
    risk_unanswered: String,
    check_in: String,
    date_of_birth: String,
    age: String,
    pronouns: String,
    responsible: String,
    updated: String,
}

impl RowLabels {
    fn new(tr: &crate::i18n::Tr) -> RowLabels {
        RowLabels {
            course: tr.t("caseload-col-course"),
            no_open_course: tr.t("caseload-no-open-course"),
            raise_ending: tr.t("caseload-raise-ending"),
            risk_flag: tr.t("caseload-marker-risk-flag"),
            risk_unanswered: tr.t("caseload-marker-risk-unanswered"),
            check_in: tr.t("check-in-marker"),
            date_of_birth: tr.t("caseload-col-date-of-birth"),
            age: tr.t("caseload-col-age"),
            pronouns: tr.t("caseload-col-pronouns"),
            responsible: tr.t("caseload-col-responsible"),
            updated: tr.t("caseload-col-updated"),
        }
    }
}

impl CaseloadList {
    fn markers(&self, row: &CaseloadRow) -> Option<&Markers> {
        self.markers.get(row.id.as_str())
    }

    /// The "check in" marker's explanation (its title): the mood, its day and why.
    fn check_in_title(&self, c: &rapport_core::check_in::CheckIn) -> String {
        crate::html::diary::check_in_text(&self.tr, c)
    }

    fn course(&self, row: &CaseloadRow) -> Option<&(String, String, bool)> {
        self.courses.get(row.id.as_str())
    }

    fn age(&self, row: &CaseloadRow) -> String {
        row.date_of_birth.as_deref().and_then(|d| age_on(d, self.today)).map(|a| a.to_string()).unwrap_or_default()
    }
    fn previous_query(&self) -> Option<String> {
        let key = self.previous.as_ref()?;
        Some(query_string(&self.search, self.archived, &self.clinician, self.by_need, self.page - 1, key))
    }

    fn next_query(&self) -> Option<String> {
        let key = self.next.as_ref()?;
        Some(query_string(&self.search, self.archived, &self.clinician, self.by_need, self.page + 1, key))
    }

    /// The filter and the per-clinician summary are shown when the caseload
    /// spans more than one responsible clinician (a supervisor's), or a filter is on.
    fn several_clinicians(&self) -> bool {
        self.clinicians.len() > 1 || !self.clinician.is_empty()
    }

    fn filtered_name(&self) -> Option<&str> {
        self.clinicians.iter().find(|c| c.id.as_str() == self.clinician).map(|c| c.name.as_str())
    }

    /// Under the heading: whose clients these are.
    fn subtitle(&self) -> String {
        let tr = &self.tr;
        match (self.filtered_name(), self.archived) {
            (Some(name), false) => tr.ta("caseload-subtitle-of", "name", name),
            (Some(name), true) => tr.ta("caseload-subtitle-archived-of", "name", name),
            (None, false) if self.supervisor => tr.t("caseload-subtitle-supervised"),
            (None, true) if self.supervisor => tr.t("caseload-subtitle-archived-supervised"),
            (None, false) => tr.t("caseload-subtitle-own"),
            (None, true) => tr.t("caseload-subtitle-archived-own"),
        }
    }

    /// "3 clients · 1 open risk flag · 2 overdue measures".
    fn summary(&self, c: &ClinicianSummary) -> String {
        self.tr.tn(
            msg("caseload-clinician-summary"),
            &[("clients", &c.clients), ("flags", &c.open_flags), ("overdue", &c.overdue_measures)],
        )
    }

    fn who(&self, c: &ClinicianSummary) -> String {
        if c.id.as_str() == self.me {
            self.tr.ta("caseload-clinician-you", "name", &c.name)
        } else {
            c.name.clone()
        }
    }

    /// The empty caseload's sentence, its link inside.
    fn empty_caseload(&self) -> String {
        let link = format!("<a href=\"/clients/new\">{}</a>", super::today::escape(&self.tr.t("caseload-create-link")));
        self.tr.ta("caseload-empty", "link", link)
    }

    fn count_matching(&self) -> String {
        self.tr.tn("caseload-count-matching", &[("count", &self.total), ("search", &self.search)])
    }

    fn page_status(&self) -> String {
        self.tr.tn("caseload-page-status", &[("page", &self.page), ("pages", &self.pages)])
    }

    fn date_of_birth(&self, iso: &str) -> String {
        show_date_of_birth(iso)
    }
}

/// A date of birth as people read it ("12 Apr 1990"); as stored if unreadable.
pub(crate) fn show_date_of_birth(iso: &str) -> String {
    rapport_core::time::parse_date(iso).map(crate::i18n::day).unwrap_or_else(|| iso.to_string())
}

#[derive(Template)]
#[template(path = "caseload.html")]
struct CaseloadPage {
    layout: Layout,
    list: CaseloadList,
}

#[derive(Template)]
#[template(path = "caseload_rows.html")]
struct CaseloadRows {
    list: CaseloadList,
}

/// A page link's query: the filters, the page's number as shown and its key
/// (the client whose row it follows or precedes).
fn query_string(search: &str, archived: bool, clinician: &str, by_need: bool, page: i64, key: &PageKey) -> String {
    let mut q = vec![("page", page.max(1).to_string())];
    match key {
        PageKey::First => {}
        PageKey::After(id) => q.push(("after", id.to_string())),
        PageKey::Before(id) => q.push(("before", id.to_string())),
    }
    if !search.is_empty() {
        q.push(("q", search.to_string()));
    }
    if archived {
        q.push(("status", "archived".into()));
    }
    if !clinician.is_empty() {
        q.push(("clinician", clinician.to_string()));
    }
    if by_need {
        q.push(("sort", "need".into()));
    }
    serde_urlencoded::to_string(q).unwrap_or_default()
}

#[derive(Deserialize, Default)]
pub struct CaseloadParams {
    q: Option<String>,
    status: Option<String>,
    page: Option<String>,
    after: Option<String>,
    before: Option<String>,
    done: Option<String>,
    clinician: Option<String>,
    sort: Option<String>,
}

pub async fn caseload(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Query(p): Query<CaseloadParams>,
    headers: HeaderMap,
) -> AppResult<Response> {
    let search = non_blank(&p.q).unwrap_or_default();
    let archived = p.status.as_deref() == Some("archived");
    let bad_key = || AppError::Invalid(ValidationErrors::single_key("page", msg("caseload-error-page"), vec![]));
    let key = match (non_blank(&p.after), non_blank(&p.before)) {
        (None, None) => PageKey::First,
        (Some(after), None) => PageKey::After(Id::parse(&after).ok_or_else(bad_key)?),
        (None, Some(before)) => PageKey::Before(Id::parse(&before).ok_or_else(bad_key)?),
        (Some(_), Some(_)) => return Err(bad_key()),
    };
    // The number is only shown: the key says which rows the page holds.
    let page = match key {
        PageKey::First => 1,
        _ => p.page.as_deref().and_then(|s| s.parse::<i64>().ok()).unwrap_or(1).max(1),
    };
    let clinician = match non_blank(&p.clinician) {
        None => None,
        Some(raw) => Some(Id::parse(&raw).ok_or_else(|| {
            AppError::Invalid(ValidationErrors::single_key("clinician", msg("caseload-error-clinician"), vec![]))
        })?),
    };
    let by_need = match p.sort.as_deref() {
        None | Some("") | Some("name") => false,
        Some("need") => true,
        Some(_) => {
            return Err(AppError::Invalid(ValidationErrors::single_key("sort", msg("caseload-error-sort"), vec![])))
        }
    };
    let req = CaseloadViewRequest {
        search: Some(search.clone()).filter(|s| !s.is_empty()),
        archived,
        clinician: clinician.clone(),
        by_need,
        key,
        page,
        page_size: PAGE_SIZE,
    };
    let view = clients::caseload_view(&state, &me, req).await?;
    let pages = ((view.total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    // A page keyed back to the start is the first, whatever the link said.
    let page = if view.previous.is_none() { 1 } else { page.clamp(2, pages.max(2)) };
    let today = Timestamp::now().date();
    let list = CaseloadList {
        rows: view.rows,
        total: view.total,
        search,
        archived,
        clinician: clinician.map(|c| c.to_string()).unwrap_or_default(),
        by_need,
        page,
        pages,
        previous: view.previous,
        next: view.next,
        today,
        courses: view.courses,
        markers: view.markers,
        clinicians: view.clinicians,
        me: me.user.id.to_string(),
        supervisor: me.user.role == rapport_core::access::Role::Supervisor,
        labels: RowLabels::new(&crate::i18n::current()),
        tr: crate::i18n::current(),
    };
    // htmx live search swaps only the results.
    if headers.contains_key("hx-request") && !headers.contains_key("hx-boosted") {
        return Ok(render(&CaseloadRows { list })?.into_response());
    }
    let layout = Layout::new(&state, &me, crate::i18n::current().t("caseload-title"), "caseload")
        .await?
        .with_done(p.done.as_deref());
    Ok(render(&CaseloadPage { layout, list })?.into_response())
}

/// Form values as typed (strings), for re-display after an error.
#[derive(Deserialize, Default, Clone, Debug)]
pub struct ClientForm {
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub legal_name: String,
    #[serde(default)]
    pub date_of_birth: String,
    #[serde(default)]
    pub pronouns: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub preferred_language: String,
    #[serde(default)]
    pub emergency_contact_name: String,
    #[serde(default)]
    pub emergency_contact_relationship: String,
    #[serde(default)]
    pub emergency_contact_phone: String,
    #[serde(default)]
    pub consent_notes: String,
    #[serde(default)]
    pub external_ids: String,
    #[serde(default)]
    pub version: String,
    /// Session reminders: "default", "off" or the hours.
    #[serde(default)]
    pub reminder: String,
    /// The site the client belongs to (an id, or blank).
    #[serde(default)]
    pub site_id: String,
}

impl ClientForm {
    fn from_details(d: &ClientDetails, version: i64) -> Self {
        let s = |o: &Option<String>| o.clone().unwrap_or_default();
        ClientForm {
            display_name: d.display_name.clone(),
            legal_name: s(&d.legal_name),
            date_of_birth: s(&d.date_of_birth),
            pronouns: s(&d.pronouns),
            email: s(&d.email),
            phone: s(&d.phone),
            address: s(&d.address),
            preferred_language: s(&d.preferred_language),
            emergency_contact_name: s(&d.emergency_contact_name),
            emergency_contact_relationship: s(&d.emergency_contact_relationship),
            emergency_contact_phone: s(&d.emergency_contact_phone),
            consent_notes: s(&d.consent_notes),
            external_ids: format_external_ids(&d.external_ids),
            version: version.to_string(),
            reminder: "default".into(),
            site_id: String::new(),
        }
    }

    /// The details as typed, and the errors found reading them (external
    /// identifiers one per line).
    fn raw(&self) -> (RawClientDetails, ValidationErrors) {
        let o = |s: &String| Some(s.clone());
        let (external_ids, mut unread) = match parse_external_ids(&self.external_ids) {
            Ok(ids) => (ids, ValidationErrors::new()),
            Err(e) => (Vec::new(), e),
        };
        // The reminder choice is read here too, so a bad one stores nothing.
        if let Err(e) = reminders::read_choice(Some(&self.reminder)) {
            unread.0.extend(e.0);
        }
        let raw = RawClientDetails {
            display_name: o(&self.display_name),
            legal_name: o(&self.legal_name),
            date_of_birth: o(&self.date_of_birth),
            pronouns: o(&self.pronouns),
            email: o(&self.email),
            phone: o(&self.phone),
            address: o(&self.address),
            preferred_language: o(&self.preferred_language),
            emergency_contact_name: o(&self.emergency_contact_name),
            emergency_contact_relationship: o(&self.emergency_contact_relationship),
            emergency_contact_phone: o(&self.emergency_contact_phone),
            consent_notes: o(&self.consent_notes),
            external_ids,
        };
        (raw, unread)
    }
}

#[derive(Template)]
#[template(path = "client_form.html")]
struct ClientFormPage {
    layout: Layout,
    /// `None` when creating.
    client_id: Option<String>,
    form: ClientForm,
    errors: FormErrors,
    /// Upper bound for the date-of-birth picker.
    today: String,
    /// Session reminder choices (form value, label).
    reminder_choices: Vec<(String, String)>,
    /// Sites to choose from (none: the field is left out).
    sites: Vec<rapport_store::groups::Site>,
}

impl ClientFormPage {
    fn new(
        layout: Layout,
        client_id: Option<&Id>,
        form: ClientForm,
        errors: FormErrors,
        sites: Vec<rapport_store::groups::Site>,
    ) -> Self {
        let today = rapport_core::time::format_date(Timestamp::now().date());
        let tr = &layout.tr;
        let mut reminder_choices = vec![("default".to_string(), tr.t("client-form-reminder-default"))];
        reminder_choices.extend(rapport_core::reminders::Lead::choices().into_iter().map(|(value, _)| {
            let label = tr.ta("client-reminder-lead", "hours", &value);
            (value, label)
        }));
        ClientFormPage { layout, client_id: client_id.map(Id::to_string), form, errors, today, reminder_choices, sites }
    }

    /// A preferred language recorded as free text before it was a choice: offered as it is.
    fn other_language(&self) -> bool {
        let value = self.form.preferred_language.trim();
        !value.is_empty() && !crate::i18n::SHIPPED.iter().any(|(tag, _)| *tag == value)
    }
}

pub async fn new_form(State(state): State<AppState>, SignedIn(me): SignedIn) -> AppResult<Html<String>> {
    require_caseload(&state, &me).await?;
    let layout = Layout::new(&state, &me, crate::i18n::current().t("caseload-new-client"), "caseload").await?;
    // A facilitator registers people at their own site unless they choose another.
    let site_id = me.user.site_id.as_ref().map(Id::to_string).unwrap_or_default();
    let form = ClientForm { reminder: "default".into(), site_id, ..ClientForm::default() };
    let sites = groups::sites(&state, &me).await?;
    render(&ClientFormPage::new(layout, None, form, FormErrors::default(), sites))
}

pub async fn create(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Form(form): Form<ClientForm>,
) -> AppResult<Response> {
    let (raw, unread) = form.raw();
    let site = Some(form.site_id.as_str()).filter(|s| !s.trim().is_empty());
    match clients::create(&state, &me, raw, site, unread).await.map_err(AppError::from) {
        Ok(record) => {
            let choice = reminders::read_choice(Some(&form.reminder)).unwrap_or(ClientChoice::Default);
            reminders::set_client_choice(&state, &me, &record, choice).await?;
            Ok(Redirect::to(&format!("/clients/{}?done=created", record.id)).into_response())
        }
        Err(AppError::Invalid(errors)) => {
            let layout = Layout::new(&state, &me, crate::i18n::current().t("caseload-new-client"), "caseload").await?;
            let sites = groups::sites(&state, &me).await?;
            let page = ClientFormPage::new(layout, None, form, FormErrors(errors), sites);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
        Err(other) => Err(other),
    }
}

#[derive(Template)]
#[template(path = "client.html")]
struct ClientPage {
    layout: Layout,
    c: ClientRecord,
    age: String,
    emergency: bool,
    break_glass: bool,
    ids: Vec<(String, String)>,
    /// (course, protocol name, "Session 5 of 16 · middle phase · 11 left")
    courses: Vec<(rapport_store::courses::CourseRecord, String, String)>,
    /// "24 hours before (the organisation's default)".
    reminder_setting: String,
    /// Reminders queued for the client, newest first, with their delivery.
    reminders: Vec<ReminderLine>,
    /// The client's IPT groups, past and present.
    groups: Vec<super::groups::MembershipLine>,
}

/// A reminder as the client page lists it.
pub struct ReminderLine {
    pub href: String,
    /// "Thursday 10 December 2026 at 10:00"
    pub session: String,
    pub queued: String,
    /// "sent", "pending", "retrying", "failed"
    pub status: &'static str,
    pub detail: String,
}

impl ClientPage {
    fn opt<'a>(&self, v: &'a Option<String>) -> &'a str {
        v.as_deref().unwrap_or("")
    }

    fn date(&self, d: &time::Date) -> String {
        crate::i18n::day(*d)
    }

    fn date_of_birth(&self) -> String {
        self.c.details.date_of_birth.as_deref().map(show_date_of_birth).unwrap_or_default()
    }

    /// A shipped language by its own name ("Español"); other text as recorded.
    fn preferred_language(&self) -> String {
        let recorded = self.opt(&self.c.details.preferred_language);
        crate::i18n::SHIPPED
            .iter()
            .find(|(tag, _)| *tag == recorded)
            .map(|(_, name)| name.to_string())
            .unwrap_or_else(|| recorded.to_string())
    }

    /// "Created … · last updated … · version 3".
    fn footer(&self) -> String {
        self.layout.tr.tn(
            msg("client-created-updated"),
            &[
                ("created", &crate::i18n::show(self.c.created_at)),
                ("updated", &crate::i18n::show(self.c.updated_at)),
                ("version", &self.c.version),
            ],
        )
    }
}

/// A reminder lead time: "Off", "24 hours before".
fn lead_label(tr: &crate::i18n::Tr, lead: rapport_core::reminders::Lead) -> String {
    tr.ta("client-reminder-lead", "hours", lead.form_value())
}

#[derive(Deserialize, Default)]
pub struct DoneParam {
    pub done: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Query(q): Query<DoneParam>,
) -> AppResult<Html<String>> {
    let (c, basis) = client_for(&state, &me, &id, Purpose::AuditRead).await?;
    let layout =
        Layout::new(&state, &me, c.details.display_name.clone(), "caseload").await?.with_done(q.done.as_deref());
    let tr = layout.tr.clone();
    let age = c
        .details
        .date_of_birth
        .as_deref()
        .and_then(|d| age_on(d, Timestamp::now().date()))
        .map(|a| tr.ta("client-age", "years", a))
        .unwrap_or_default();
    let d = &c.details;
    let emergency = d.emergency_contact_name.is_some() || d.emergency_contact_phone.is_some();
    let ids = d.external_ids.iter().map(|i| (i.system.clone(), i.value.clone())).collect();
    let courses = clients::courses_of(&state, &c).await?;
    let default = reminders::default_lead(&state).await?;
    let reminder_setting = match reminders::client_choice(&state, &c).await? {
        ClientChoice::Default => tr.ta("client-reminder-default", "lead", lead_label(&tr, default)),
        ClientChoice::Own(l) => lead_label(&tr, l),
    };
    let reminders = reminders::sent(&state, &c)
        .await?
        .into_iter()
        .map(|r| {
            let status = DeliveryStatus::of(r.sent_at.is_some(), r.attempts);
            ReminderLine {
                href: format!("/courses/{}/sessions/{}", r.course_id, r.session_id),
                session: if r.session_time.trim().is_empty() {
                    crate::i18n::long_day(r.session_date)
                } else {
                    tr.tn(
                        msg("client-reminder-when"),
                        &[("date", &crate::i18n::long_day(r.session_date)), ("time", &r.session_time.trim())],
                    )
                },
                queued: crate::i18n::show(r.queued_at),
                status: status.as_str(),
                detail: match (&r.sent_at, &r.last_error) {
                    (Some(t), _) => tr.ta("client-reminder-emailed", "when", crate::i18n::show(*t)),
                    (None, Some(e)) => {
                        tr.tn("client-reminder-attempts", &[("count", &r.attempts), ("error", &e.as_str())])
                    }
                    (None, None) => tr.t("client-reminder-waiting"),
                },
            }
        })
        .collect();
    let groups = super::groups::memberships(&state, &c.id).await?;
    render(&ClientPage {
        layout,
        age,
        emergency,
        break_glass: basis == AccessBasis::BreakGlass,
        ids,
        c,
        courses,
        reminder_setting,
        reminders,
        groups,
    })
}

pub async fn edit_form(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Html<String>> {
    let (c, _) = client_for(&state, &me, &id, Purpose::AuditRead).await?;
    let layout = Layout::new(
        &state,
        &me,
        crate::i18n::current().ta("client-form-edit-page-title", "name", &c.details.display_name),
        "caseload",
    )
    .await?;
    let mut form = ClientForm::from_details(&c.details, c.version);
    form.reminder = reminders::client_choice(&state, &c).await?.form_value();
    form.site_id = c.site_id.as_ref().map(Id::to_string).unwrap_or_default();
    let sites = groups::sites(&state, &me).await?;
    render(&ClientFormPage::new(layout, Some(&c.id), form, FormErrors::default(), sites))
}

pub async fn update(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Form(form): Form<ClientForm>,
) -> AppResult<Response> {
    let (c, _) = client_for(&state, &me, &id, Purpose::Write).await?;
    let version = crate::html::form::required_version(&form.version)?;
    // The site first: a refused site leaves the record as it was.
    if let Err(AppError::Invalid(errors)) =
        clients::set_site(&state, &me, &c, &form.site_id).await.map_err(AppError::from)
    {
        let layout = Layout::new(
            &state,
            &me,
            crate::i18n::current().ta("client-form-edit-page-title", "name", &c.details.display_name),
            "caseload",
        )
        .await?;
        let sites = groups::sites(&state, &me).await?;
        let page = ClientFormPage::new(layout, Some(&c.id), form, FormErrors(errors), sites);
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
    }
    let (raw, unread) = form.raw();
    match clients::update(&state, &me, &c, raw, unread, Some(version), "").await.map_err(AppError::from) {
        Ok(_) => {
            let choice = reminders::read_choice(Some(&form.reminder)).unwrap_or(ClientChoice::Default);
            reminders::set_client_choice(&state, &me, &c, choice).await?;
            Ok(Redirect::to(&format!("/clients/{}?done=saved", c.id)).into_response())
        }
        Err(AppError::Invalid(errors)) => {
            let layout = Layout::new(
                &state,
                &me,
                crate::i18n::current().ta("client-form-edit-page-title", "name", &c.details.display_name),
                "caseload",
            )
            .await?;
            let sites = groups::sites(&state, &me).await?;
            let page = ClientFormPage::new(layout, Some(&c.id), form, FormErrors(errors), sites);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
        Err(AppError::Conflict(_)) => {
            let layout = Layout::new(
                &state,
                &me,
                crate::i18n::current().ta("client-form-edit-page-title", "name", &c.details.display_name),
                "caseload",
            )
            .await?
            .with_error(crate::i18n::current().t("client-form-conflict"));
            let mut form = form;
            form.version = c.version.to_string();
            let sites = groups::sites(&state, &me).await?;
            let page = ClientFormPage::new(layout, Some(&c.id), form, FormErrors::default(), sites);
            Ok((StatusCode::CONFLICT, render(&page)?).into_response())
        }
        Err(e) => Err(e),
    }
}

async fn set_status(
    state: AppState,
    me: rapport_app::caller::Identity,
    id: String,
    status: ClientStatus,
) -> AppResult<Response> {
    let (c, basis) = client_for(&state, &me, &id, Purpose::Write).await?;
    clients::set_status(&state, &me, &c, basis, status).await?;
    let done = if status == ClientStatus::Archived { "archived" } else { "restored" };
    Ok(Redirect::to(&format!("/clients/{}?done={done}", c.id)).into_response())
}

pub async fn archive(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    set_status(state, me, id, ClientStatus::Archived).await
}

pub async fn restore(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    set_status(state, me, id, ClientStatus::Active).await
}
