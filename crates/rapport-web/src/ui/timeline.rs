//! The interpersonal timeline page of a course: the client's life events as a
//! chart (server-side SVG) and a table, with forms to add, change and remove
//! events. Events belong to the client, so every course of theirs shows them.

use super::clients::DoneParam;
use super::Layout;
use crate::course_extract::CourseRead;
use crate::error::AppResult;
use crate::html::form::Pairs;
use crate::html::{render, FormErrors};
use crate::records_http::{
    history_rows, page_add, page_item, page_remove, page_save, ConflictView, Describe, HistoryRow, RecordPage,
};
use askama::Template;
use axum::extract::Query;
use axum::response::Html;
use rapport_app::access::course::CourseContext;
use rapport_app::caller::Identity;
use rapport_app::records;
use rapport_app::timeline::timeline;
use rapport_app::AppState;
use rapport_core::timeline::chart::{category_icon, timeline_svg_in, TimelineWords};
use rapport_core::timeline::{EpisodeMarker, EventCategory, TimelineEvent};
use rapport_core::{Id, ValidationErrors};
use rapport_store::records::Record;

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/courses/{id}/timeline", page)
        .post("/courses/{id}/timeline", page_add::<TimelineEvent>)
        .get("/courses/{id}/timeline/{event_id}", page_item::<TimelineEvent>)
        .post("/courses/{id}/timeline/{event_id}", page_save::<TimelineEvent>)
        .post("/courses/{id}/timeline/{event_id}/remove", page_remove::<TimelineEvent>)
}

impl Describe for TimelineEvent {
    /// Field labels are message ids; the values in the reader's language.
    fn describe(&self) -> Vec<(&'static str, String)> {
        let tr = crate::i18n::current();
        let of_ten = |n: i64| format!("{n} {}", tr.t("timeline-of-ten"));
        let mut v = vec![
            (crate::i18n::msg("timeline-when"), event_when(&tr, self)),
            (crate::i18n::msg("timeline-category"), tr.t(self.category().message())),
            (crate::i18n::msg("timeline-col-event"), self.title.clone()),
        ];
        if !self.people.is_empty() {
            v.push((crate::i18n::msg("timeline-people"), self.people.join(", ")));
        }
        if let Some(d) = &self.description {
            v.push((crate::i18n::msg("timeline-description"), d.clone()));
        }
        if let Some(m) = self.mood {
            v.push((crate::i18n::msg("timeline-mood"), of_ten(m)));
        }
        if let Some(i) = self.impact {
            v.push((crate::i18n::msg("timeline-impact"), of_ten(i)));
        }
        if self.episode() != EpisodeMarker::None {
            v.push((crate::i18n::msg("timeline-episode"), tr.t(self.episode().message())));
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

/// Choices offered by the event form (codes with their message ids).
pub struct Choices {
    pub categories: Vec<(&'static str, &'static str, String)>,
    pub episodes: Vec<(&'static str, &'static str)>,
    pub ratings: Vec<String>,
}

fn choices() -> Choices {
    Choices {
        categories: EventCategory::ALL.iter().map(|c| (c.as_str(), c.message(), category_icon(*c))).collect(),
        episodes: EpisodeMarker::ALL.iter().map(|m| (m.as_str(), m.message())).collect(),
        ratings: (0..=10).map(|n| n.to_string()).collect(),
    }
}

/// One table row.
pub struct Row {
    pub number: usize,
    pub record: Record<TimelineEvent>,
    pub icon: String,
    /// When it happened, in the reader's language.
    pub when: String,
}

/// The timeline chart's words in the reader's language.
fn chart_words(tr: &crate::i18n::Tr) -> TimelineWords<'_> {
    use crate::i18n::msg;
    TimelineWords {
        title: tr.t("timeline-title"),
        empty: tr.t("timeline-chart-empty"),
        mood_axis: tr.t("timeline-chart-mood-axis"),
        onset: tr.t("timeline-episode-onset"),
        approximate: format!(" {}", tr.t("timeline-chart-approximate")),
        worse: format!(" {}", tr.t("timeline-chart-worse")),
        remission: format!(" {}", tr.t("timeline-chart-remission")),
        hollow: tr.t("timeline-chart-hollow"),
        category: Box::new(move |c| tr.t(c.message())),
        month_short: Box::new(move |m| tr.month_short(m)),
        event_date: Box::new(move |e| event_when(tr, e)),
        score_point: Box::new(move |label, value, d| {
            tr.tn(msg("timeline-chart-score-point"), &[("series", &label), ("value", &value), ("date", &tr.date(d))])
        }),
        mood_point: Box::new(move |n, m| {
            tr.tn(msg("timeline-chart-mood-point"), &[("number", &(n as i64)), ("mood", &m)])
        }),
        events_span: Box::new(move |n, a, b| {
            tr.tn(msg("timeline-chart-events-span"), &[("count", &(n as i64)), ("first", &a), ("last", &b)])
        }),
        onset_sentence: Box::new(move |d, title| {
            format!(" {}", tr.tn(msg("timeline-chart-onset-sentence"), &[("date", &d), ("title", &title)]))
        }),
        mood_range: Box::new(move |a, b, top| {
            format!(" {}", tr.tn(msg("timeline-chart-mood-range"), &[("min", &a), ("max", &b), ("top", &top)]))
        }),
        score_count: Box::new(move |label, n| {
            format!(" {}", tr.tn(msg("timeline-chart-score-count"), &[("series", &label), ("count", &(n as i64))]))
        }),
        table_below: format!(" {}", tr.t("timeline-chart-table-below")),
    }
}

/// "around March 2025" / "14 March 2025" in the reader's language (as `date_display` in English).
fn event_when(tr: &crate::i18n::Tr, e: &TimelineEvent) -> String {
    let Some(d) = e.when() else { return e.date.clone() };
    let month = |m: time::Month| tr.month_name(m);
    let shown = match (d.month(), d.day()) {
        (Some(m), Some(day)) => tr
            .tn("timeline-date-day", &[("day", &i64::from(day)), ("month", &month(m)), ("year", &i64::from(d.year()))]),
        (Some(m), None) => tr.tn("timeline-date-month", &[("month", &month(m)), ("year", &i64::from(d.year()))]),
        _ => d.year().to_string(),
    };
    if e.approximate {
        tr.ta("timeline-around", "date", shown)
    } else {
        shown
    }
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

/// The success notice of a timeline `?done=` key, in the reader's language.
fn with_timeline_notice(mut layout: Layout, done: Option<&str>) -> Layout {
    let id = match done {
        Some("event-added") => crate::i18n::msg("timeline-done-added"),
        Some("event-saved") => crate::i18n::msg("timeline-done-saved"),
        Some("event-removed") => crate::i18n::msg("timeline-done-removed"),
        _ => return layout,
    };
    layout.flash = Some(super::Flash { kind: "success", message: layout.tr.t(id) });
    layout
}

pub async fn page(CourseRead { state, me, cx }: CourseRead, Query(q): Query<DoneParam>) -> AppResult<Html<String>> {
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
    let tr = crate::i18n::current();
    let (events, scores) = timeline(state, me, &cx).await?;
    let bodies: Vec<TimelineEvent> = events.iter().map(|r| r.body.clone()).collect();
    let chart = timeline_svg_in(&bodies, &scores, &chart_words(&tr));
    let rows = events
        .into_iter()
        .enumerate()
        .map(|(i, record)| Row {
            number: i + 1,
            icon: category_icon(record.body.category()),
            when: event_when(&tr, &record.body),
            record,
        })
        .collect();
    let title = tr.ta("timeline-page-title", "client", cx.client.details.display_name.as_str());
    let layout = with_timeline_notice(Layout::new(state, me, title, "caseload").await?.with_done(done), done);
    render(&TimelinePage { layout, cx, chart, rows, form, choices: choices(), errors })
}

impl RecordPage for TimelineEvent {
    type Form = EventForm;
    const PAGE: &'static str = "timeline";
    const ADDED: &'static str = "event-added";
    const SAVED: &'static str = "event-saved";
    const REMOVED: &'static str = "event-removed";

    fn anchor(id: &Id) -> String {
        format!("event-{id}")
    }

    fn read(p: &Pairs) -> (EventForm, TimelineEvent, ValidationErrors) {
        let form = EventForm::from_pairs(p);
        let mut e = ValidationErrors::new();
        let raw = form.event(&mut e);
        (form, raw, e)
    }

    fn form_of(rec: &Record<Self>) -> EventForm {
        EventForm::of(&rec.body, rec.version)
    }

    fn set_version(form: &mut EventForm, version: i64) {
        form.version = version;
    }

    /// Errors on list items (`people[2]`) belong to the one field that holds the list.
    fn form_errors(mut e: ValidationErrors) -> FormErrors {
        for f in e.0.iter_mut() {
            if let Some(i) = f.field.find('[') {
                f.field.truncate(i);
            }
        }
        FormErrors(e)
    }

    async fn list_page(
        state: &AppState,
        me: &Identity,
        cx: CourseContext,
        form: EventForm,
        errors: FormErrors,
    ) -> AppResult<Html<String>> {
        timeline_page(state, me, cx, None, form, errors).await
    }

    async fn item_page(
        state: &AppState,
        me: &Identity,
        cx: CourseContext,
        event: Record<Self>,
        form: EventForm,
        errors: FormErrors,
        conflict: Option<ConflictView>,
    ) -> AppResult<Html<String>> {
        let history = history_rows(&records::history::<TimelineEvent>(state, &event.id).await?);
        let title =
            crate::i18n::current().ta("timeline-event-page-title", "client", cx.client.details.display_name.as_str());
        let mut layout = Layout::new(state, me, title, "caseload").await?;
        if let Some(c) = &conflict {
            layout = layout.with_error(c.message(" to this event"));
        }
        render(&EventPage { layout, cx, event, form, choices: choices(), errors, history, conflict })
    }
}
