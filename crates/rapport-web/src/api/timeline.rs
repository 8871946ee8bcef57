//! API v1 for the interpersonal timeline: a client's life events around the
//! episode, with approximate dates, mood at the time and episode markers.
//! Same access rules as the UI; every version is kept.

use super::body::ApiJson;
use crate::error::{ApiResult, AppError, ErrorBody};
use crate::identity::ApiCaller;
use crate::records_http::OpenCombined;
use crate::records_http::{
    api_create, api_get, api_list, api_remove, api_update, ApiRecord, RemoveParams, Stored, Versioned,
};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::Json;
use rapport_app::access::records::require_linked;
use rapport_app::AppState;
use rapport_core::timeline::{sort_by_date, TimelineEvent, PERSON_KIND};
use rapport_core::{Id, Timestamp};
use rapport_store::records::Record;
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
    /// `loss`, `conflict`, `transition`, `separation`, `move`, `health`, `work` or `other`
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

    async fn check(self, state: &AppState, client: &Id) -> Result<Self, AppError> {
        let e = self.validate_on(Timestamp::now().date())?;
        require_linked(
            state,
            client,
            PERSON_KIND,
            &e.person_ids,
            "person_ids",
            "people from the interpersonal inventory",
        )
        .await?;
        Ok(e)
    }

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

    fn order(items: &mut [Record<Self>]) {
        sort_by_date(items, |r| &r.body);
    }
}

/// A client's timeline, in time order (approximate dates sit at the middle of their month or year).
#[utoipa::path(get, path = "/api/v1/clients/{id}/timeline", tag = "timeline", params(("id" = String, Path, description = "Client id")),
    responses((status = 200, body = [Stored<TimelineEventJson>]), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<Stored<TimelineEventJson>>>> {
    Ok(Json(api_list::<TimelineEvent>(&state, &me, &id).await?))
}

/// Adds an event to a client's timeline.
#[utoipa::path(post, path = "/api/v1/clients/{id}/timeline", tag = "timeline", params(("id" = String, Path, description = "Client id")),
    request_body = TimelineEventJson,
    responses((status = 201, body = Stored<TimelineEventJson>), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<TimelineEventJson>,
) -> ApiResult<impl IntoResponse> {
    Ok((StatusCode::CREATED, Json(api_create::<TimelineEvent>(&state, &me, &id, body).await?)))
}

/// One timeline event with its history.
#[utoipa::path(get, path = "/api/v1/timeline/{id}", tag = "timeline", params(("id" = String, Path, description = "Timeline event id")),
    responses((status = 200, body = Stored<TimelineEventJson>), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_one(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
) -> ApiResult<Json<Stored<TimelineEventJson>>> {
    Ok(Json(api_get::<TimelineEvent>(&state, &me, &id).await?))
}

/// Replaces a timeline event (the previous version stays in its history).
#[utoipa::path(put, path = "/api/v1/timeline/{id}", tag = "timeline", params(("id" = String, Path, description = "Timeline event id")),
    request_body = Versioned<TimelineEventJson>,
    responses((status = 200, body = Stored<TimelineEventJson>), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<serde_json::Value>,
) -> ApiResult<Json<Stored<TimelineEventJson>>> {
    Ok(Json(api_update::<TimelineEvent>(&state, &me, &id, body).await?))
}

/// Removes a timeline event from view (its history, including the removal, is kept).
#[utoipa::path(delete, path = "/api/v1/timeline/{id}", tag = "timeline",
    params(("id" = String, Path, description = "Timeline event id"), RemoveParams),
    responses((status = 204), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn remove(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    params: Result<Query<RemoveParams>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<StatusCode> {
    let Query(p) = params.map_err(super::bad_query)?;
    api_remove::<TimelineEvent>(&state, &me, &id, p.version).await?;
    Ok(StatusCode::NO_CONTENT)
}
