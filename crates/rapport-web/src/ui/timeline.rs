//! The interpersonal timeline page of a course: the client's life events as a
//! chart (server-side SVG) and a table, with forms to add, change and remove
//! events. Events belong to the client, so every course of theirs shows them.

use super::clients::DoneParam;
use super::Layout;
use crate::error::{AppError, AppResult};
use crate::html::{render, FormErrors};
use crate::identity::SignedIn;
use crate::records_http::{history_rows, ApiRecord, ConflictView, Describe, HistoryRow, Pairs};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Form;
use rapport_app::access::course::{course_for, CourseContext};
use rapport_app::access::records::{audit_read, change_event, client_record_for};
use rapport_app::access::Purpose;
use rapport_app::caller::Identity;
use rapport_app::AppState;
use rapport_core::audit::action;
use rapport_core::records::RecordBody;
use rapport_core::timeline::chart::{category_icon, timeline_svg, ScoreSeries};
use rapport_core::timeline::{sort_by_date, EpisodeMarker, EventCategory, TimelineEvent};
use rapport_core::ValidationErrors;
use rapport_store::records::{Placement, Record};

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/courses/{id}/timeline", page)
        .post("/courses/{id}/timeline", add)
        .get("/courses/{id}/timeline/{event_id}", edit_form)
        .post("/courses/{id}/timeline/{event_id}", save)
        .post("/courses/{id}/timeline/{event_id}/remove", remove)
}

impl Describe for TimelineEvent {
    fn describe(&self) -> Vec<(&'static str, String)> {
        let mut v = vec![
            ("When", self.date_display()),
            ("Category", self.category().label().to_string()),
            ("Event", self.title.clone()),
        ];
        if !self.people.is_empty() {
            v.push(("People involved", self.people.join(", ")));
        }
        if let Some(d) = &self.description {
            v.push(("Description", d.clone()));
        }
        if let Some(m) = self.mood {
            v.push(("Mood at the time", format!("{m} of 10")));
        }
        if let Some(i) = self.impact {
            v.push(("Impact", format!("{i} of 10")));
        }
        if self.episode() != EpisodeMarker::None {
            v.push(("Episode", self.episode().label().to_string()));
        }
        v
    }
}

/// The form's values (as typed) in the shape the template needs.
#[derive(Clone, Debug, Default)]
pub struct EventForm {
    pub date: String,
    pub approximate: bool,
    pub category: String,
    pub title: String,
    pub people: String,
    pub person_ids: Vec<String>,
    pub description: String,
    pub mood: String,
    pub episode: String,
    pub impact: String,
    pub version: i64,
}

impl EventForm {
    fn blank() -> EventForm {
        EventForm { episode: "none".into(), ..Default::default() }
    }

    fn of(e: &TimelineEvent, version: i64) -> EventForm {
        EventForm {
            date: e.date.clone(),
            approximate: e.approximate,
            category: e.category.clone(),
            title: e.title.clone(),
            people: e.people.join(", "),
            person_ids: e.person_ids.clone(),
            description: e.description.clone().unwrap_or_default(),
            mood: e.mood.map(|m| m.to_string()).unwrap_or_default(),
            episode: e.episode.clone(),
            impact: e.impact.map(|m| m.to_string()).unwrap_or_default(),
            version,
        }
    }

    fn from_pairs(p: &Pairs) -> EventForm {
        EventForm {
            date: p.get("date").to_string(),
            approximate: p.checked("approximate"),
            category: p.get("category").to_string(),
            title: p.get("title").to_string(),
            people: p.get("people").to_string(),
            person_ids: p.all("person_ids"),
            description: p.get("description").to_string(),
            mood: p.get("mood").to_string(),
            episode: p.get("episode").to_string(),
            impact: p.get("impact").to_string(),
            version: p.version().unwrap_or_default(),
        }
    }

    /// The event as submitted (not yet validated), and any number-parsing errors.
    fn event(&self, e: &mut ValidationErrors) -> TimelineEvent {
        let p = Pairs(vec![("mood".into(), self.mood.clone()), ("impact".into(), self.impact.clone())]);
        TimelineEvent {
            date: self.date.clone(),
            approximate: self.approximate,
            category: self.category.clone(),
            title: self.title.clone(),
            people: self.people.split(',').map(str::to_string).collect(),
            person_ids: self.person_ids.clone(),
            description: Some(self.description.clone()),
            mood: p.number(e, "mood", "Mood"),
            episode: self.episode.clone(),
            impact: p.number(e, "impact", "Impact"),
        }
    }
}

/// Choices offered by the event form.
pub struct Choices {
    pub categories: Vec<(&'static str, &'static str, String)>,
    pub episodes: Vec<(&'static str, &'static str)>,
    pub ratings: Vec<String>,
}

fn choices() -> Choices {
    Choices {
        categories: EventCategory::ALL.iter().map(|c| (c.as_str(), c.label(), category_icon(*c))).collect(),
        episodes: EpisodeMarker::ALL.iter().map(|m| (m.as_str(), m.label())).collect(),
        ratings: (0..=10).map(|n| n.to_string()).collect(),
    }
}

/// One table row.
pub struct Row {
    pub number: usize,
    pub record: Record<TimelineEvent>,
    pub icon: String,
}

#[derive(Template)]
#[template(path = "timeline.html")]
struct TimelinePage {
    layout: Layout,
    cx: CourseContext,
    chart: String,
    rows: Vec<Row>,
    form: EventForm,
    choices: Choices,
    errors: FormErrors,
}

#[derive(Template)]
#[template(path = "timeline_event.html")]
struct EventPage {
    layout: Layout,
    cx: CourseContext,
    event: Record<TimelineEvent>,
    form: EventForm,
    choices: Choices,
    errors: FormErrors,
    history: Vec<HistoryRow>,
    conflict: Option<ConflictView>,
}

pub async fn page(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Query(q): Query<DoneParam>,
) -> AppResult<Html<String>> {
    let cx = course_for(&state, &me, &id, Purpose::AuditRead).await?;
    timeline_page(&state, &me, cx, q.done.as_deref(), EventForm::blank(), FormErrors::default()).await
}

async fn timeline_page(
    state: &AppState,
    me: &Identity,
    cx: CourseContext,
    done: Option<&str>,
    form: EventForm,
    errors: FormErrors,
) -> AppResult<Html<String>> {
    let mut events = state.store.client_records::<TimelineEvent>(&cx.client.id).await?;
    sort_by_date(&mut events, |r| &r.body);
    audit_read(state, me, TimelineEvent::KIND, &cx.client.id, None, format!("{} events", events.len())).await?;
    let bodies: Vec<TimelineEvent> = events.iter().map(|r| r.body.clone()).collect();
    let scores = phq9_series(state, &cx.client.id).await?;
    let chart = timeline_svg(&bodies, &scores);
    let rows = events
        .into_iter()
        .enumerate()
        .map(|(i, record)| Row { number: i + 1, icon: category_icon(record.body.category()), record })
        .collect();
    let title = format!("{} · Timeline", cx.client.details.display_name);
    let layout = Layout::new(state, me, title, "caseload").await?.with_done(done);
    render(&TimelinePage { layout, cx, chart, rows, form, choices: choices(), errors })
}

/// The client's complete PHQ-9 totals, to draw against the events.
async fn phq9_series(state: &AppState, client: &rapport_core::Id) -> AppResult<ScoreSeries> {
    let Some(inst) = state.instruments.get("phq9") else { return Ok(ScoreSeries::none()) };
    let mut points: Vec<(time::Date, f64)> = state
        .store
        .responses(client)
        .await?
        .into_iter()
        .filter(|r| r.instrument_id == "phq9")
        .filter_map(|r| r.total.map(|t| (r.completed_at.date(), t as f64)))
        .collect();
    points.sort_by_key(|p| p.0);
    Ok(ScoreSeries { label: format!("{} total", inst.short_name), max: inst.range.max as f64, points })
}

/// Validates a submitted event for the course's client (inventory links
/// included): the event, or the errors to show in the form.
async fn submitted(
    state: &AppState,
    cx: &CourseContext,
    form: &EventForm,
) -> Result<Result<TimelineEvent, FormErrors>, AppError> {
    let mut e = ValidationErrors::new();
    let raw = form.event(&mut e);
    match raw.check(state, &cx.client.id).await {
        Ok(ev) if e.is_empty() => Ok(Ok(ev)),
        Ok(_) => Ok(Err(list_errors(e))),
        Err(AppError::Invalid(v)) => {
            e.0.extend(v.0);
            Ok(Err(list_errors(e)))
        }
        Err(other) => Err(other),
    }
}

/// Errors on list items (`people[2]`) belong to the one field that holds the list.
fn list_errors(mut e: ValidationErrors) -> FormErrors {
    for f in e.0.iter_mut() {
        if let Some(i) = f.field.find('[') {
            f.field.truncate(i);
        }
    }
    FormErrors(e)
}

pub async fn add(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let cx = course_for(&state, &me, &id, Purpose::Write).await?;
    let form = EventForm::from_pairs(&Pairs(pairs));
    let event = match submitted(&state, &cx, &form).await? {
        Ok(e) => e,
        Err(errors) => return Ok(timeline_page(&state, &me, cx, None, form, errors).await?.into_response()),
    };
    let at = Placement { client_id: cx.client.id.clone(), ..Default::default() };
    let ev = change_event::<TimelineEvent>(&me, action::RECORD_CREATE, String::new());
    let rec = state.store.create_record(&at, &event, &me.user.id, ev).await?;
    Ok(Redirect::to(&format!("/courses/{}/timeline?done=event-added#event-{}", cx.course.id, rec.id)).into_response())
}

/// The event if it belongs to this course's client; otherwise 404.
async fn event_in(
    state: &AppState,
    me: &Identity,
    course: &str,
    event: &str,
    purpose: Purpose,
) -> AppResult<(CourseContext, Record<TimelineEvent>)> {
    let cx = course_for(state, me, course, Purpose::Write).await?;
    let (rec, _) = client_record_for::<TimelineEvent>(state, me, event, purpose).await?;
    if rec.client_id != cx.client.id {
        return Err(AppError::NotFound);
    }
    Ok((cx, rec))
}

async fn event_page(
    state: &AppState,
    me: &Identity,
    cx: CourseContext,
    event: Record<TimelineEvent>,
    form: EventForm,
    errors: FormErrors,
    conflict: Option<ConflictView>,
) -> AppResult<Html<String>> {
    let history = history_rows(&state.store.record_history::<TimelineEvent>(&event.id).await?);
    let mut layout =
        Layout::new(state, me, format!("{} · Timeline event", cx.client.details.display_name), "caseload").await?;
    if let Some(c) = &conflict {
        layout = layout.with_error(format!(
            "{} saved a change to this event at {} while you were editing. Your version is in the form; theirs is shown beside it. Saving again replaces theirs.",
            c.by, c.at
        ));
    }
    render(&EventPage { layout, cx, event, form, choices: choices(), errors, history, conflict })
}

pub async fn edit_form(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path((id, event_id)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    let (cx, rec) = event_in(&state, &me, &id, &event_id, Purpose::AuditRead).await?;
    let form = EventForm::of(&rec.body, rec.version);
    event_page(&state, &me, cx, rec, form, FormErrors::default(), None).await
}

pub async fn save(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path((id, event_id)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (cx, rec) = event_in(&state, &me, &id, &event_id, Purpose::Write).await?;
    let pairs = Pairs(pairs);
    pairs.required_version()?;
    let mut form = EventForm::from_pairs(&pairs);
    let event = match submitted(&state, &cx, &form).await? {
        Ok(e) => e,
        Err(errors) => return Ok(event_page(&state, &me, cx, rec, form, errors, None).await?.into_response()),
    };
    let ev = change_event::<TimelineEvent>(&me, action::RECORD_UPDATE, String::new());
    match state.store.update_record(&rec.id, form.version, &event, &me.user.id, ev).await {
        Ok(_) => Ok(Redirect::to(&format!("/courses/{}/timeline?done=event-saved#event-{}", cx.course.id, rec.id))
            .into_response()),
        Err(rapport_store::StoreError::Conflict) => {
            // Show both versions; a second save (now from the current version) replaces theirs.
            form.version = rec.version;
            let conflict = Some(ConflictView::of(&rec));
            Ok(event_page(&state, &me, cx, rec, form, FormErrors::default(), conflict).await?.into_response())
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn remove(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path((id, event_id)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (cx, rec) = event_in(&state, &me, &id, &event_id, Purpose::Write).await?;
    let version =
        Pairs(pairs).version().ok_or_else(|| AppError::invalid("version", "Reload the page and try again"))?;
    let ev = change_event::<TimelineEvent>(&me, action::RECORD_REMOVE, String::new());
    state.store.remove_record::<TimelineEvent>(&rec.id, version, &me.user.id, ev).await?;
    Ok(Redirect::to(&format!("/courses/{}/timeline?done=event-removed", cx.course.id)).into_response())
}
