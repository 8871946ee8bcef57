//! API v1 for the interpersonal timeline: a client's life events around the
//! episode, with approximate dates, mood at the time and episode markers.
//! Same access rules as the UI; every version is kept.

use crate::error::{AppError, ErrorBody};
use crate::records_http::{api_record_routes, ApiRecord, OpenCombined, RemoveParams, Stored, Versioned};
use rapport_core::timeline::TimelineEvent;
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/api/v1/clients/{id}/timeline", list)
        .post("/api/v1/clients/{id}/timeline", create)
        .get("/api/v1/timeline/{id}", get_one)
        .put("/api/v1/timeline/{id}", update)
        .delete("/api/v1/timeline/{id}", remove)
}

#[derive(OpenApi)]
#[openapi(
    paths(list, create, get_one, update, remove),
    components(schemas(TimelineEventJson, Versioned<TimelineEventJson>, Stored<TimelineEventJson>)),
    modifiers(&OpenCombined),
    tags((name = "timeline", description = "The interpersonal timeline: life events, mood at the time, symptom onset"))
)]
pub struct TimelineDoc;

/// A timeline event's fields, as sent and returned.
#[derive(Serialize, Deserialize, ToSchema, Clone, Debug, Default)]
#[serde(deny_unknown_fields)]
pub struct TimelineEventJson {
    /// When it happened: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; not in the future.
    pub date: String,
    /// True when the client is unsure of the date.
    #[serde(default)]
    pub approximate: bool,
    /// `death`, `loss`, `conflict`, `transition`, `separation`, `isolation`, `move`, `health`, `work` or `other`
    pub category: String,
    /// A few words (at most 80 characters): the chart label.
    pub title: String,
    /// People involved, as the client names them (at most 20).
    #[serde(default)]
    pub people: Vec<String>,
    /// Interpersonal-inventory people involved: ids of this client's `person` records.
    #[serde(default)]
    pub person_ids: Vec<String>,
    pub description: Option<String>,
    /// Mood at the time: 0 (worst) to 10 (best).
    #[schema(minimum = 0, maximum = 10)]
    pub mood: Option<i64>,
    /// `none` (default), `onset`, `worsening` or `remission`
    pub episode: Option<String>,
    /// How much it affected the client: 0 (not at all) to 10 (extremely).
    #[schema(minimum = 0, maximum = 10)]
    pub impact: Option<i64>,
}

impl ApiRecord for TimelineEvent {
    type Json = TimelineEventJson;

    fn to_json(self) -> Result<TimelineEventJson, AppError> {
        Ok(TimelineEventJson {
            date: self.date,
            approximate: self.approximate,
            category: self.category,
            title: self.title,
            people: self.people,
            person_ids: self.person_ids,
            description: self.description,
            mood: self.mood,
            episode: Some(self.episode),
            impact: self.impact,
        })
    }

    fn from_json(j: TimelineEventJson) -> Result<Self, AppError> {
        Ok(TimelineEvent {
            date: j.date,
            approximate: j.approximate,
            category: j.category,
            title: j.title,
            people: j.people,
            person_ids: j.person_ids,
            description: j.description,
            mood: j.mood,
            episode: j.episode.unwrap_or_else(|| "none".into()),
            impact: j.impact,
        })
    }
}

api_record_routes! {
    TimelineEvent as TimelineEventJson, tag "timeline", list "/api/v1/clients/{id}/timeline", item "/api/v1/timeline/{id}" ("Timeline event id");
    /// A client's timeline, in time order (approximate dates sit at the middle of their month or year).
    list: list;
    /// Adds an event to a client's timeline.
    create: create;
    /// One timeline event with its history.
    get: get_one;
    /// Replaces a timeline event (the previous version stays in its history).
    update: update;
    /// Removes a timeline event from view (its history, including the removal, is kept).
    remove: remove;
}
