//! API v1 for the interpersonal inventory: the client's people (versioned;
//! PUT needs the version it started from), the closeness circle of a course
//! (people by ring and the SVG), and circle snapshots. Same access rules as the
//! UI: a client outside the caller's access answers 404.

use super::body::ApiJson;
use crate::error::{ApiResult, AppError, ErrorBody};
use crate::identity::ApiCaller;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::IntoResponse;
use axum::Json;
use rapport_app::access::course::{course_for, CourseContext};
use rapport_app::access::records::record_for;
use rapport_app::access::{client_for, Purpose};
use rapport_app::inventory::{
    self, add_person, change_person, circle_svg, remove_person, session_number, take_snapshot,
};
use rapport_app::AppState;
use rapport_core::inventory::{
    circle_order, validate_person, CirclePerson, CircleSnapshot, Person, RawPerson, Ring, SupportType,
};
use rapport_core::Timestamp;
use rapport_store::records::Record;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/api/v1/clients/{id}/people", list_people)
        .post("/api/v1/clients/{id}/people", create_person)
        .get("/api/v1/people/{id}", get_person)
        .put("/api/v1/people/{id}", put_person)
        .delete("/api/v1/people/{id}", delete_person)
        .get("/api/v1/courses/{id}/circle", get_circle)
        .get("/api/v1/courses/{id}/circle-snapshots", list_snapshots)
        .post("/api/v1/courses/{id}/circle-snapshots", create_snapshot)
        .get("/api/v1/circle-snapshots/{id}", get_snapshot)
}

#[derive(OpenApi)]
#[openapi(
    paths(list_people, create_person, get_person, put_person, delete_person, get_circle, list_snapshots, create_snapshot, get_snapshot),
    components(schemas(PersonInput, PersonJson, CirclePersonJson, RingJson, CircleJson, NewSnapshotJson, SnapshotJson)),
    tags((name = "inventory", description = "The interpersonal inventory: the client's important people, the closeness circle and its snapshots"))
)]
pub struct InventoryDoc;

/// A person as sent: `POST` creates, `PUT` replaces the whole record (fields
/// left out become empty) and needs `version`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonInput {
    /// Name or alias, as the client calls them.
    #[schema(min_length = 1, max_length = 80, pattern = r"\S")]
    pub display_name: String,
    #[schema(pattern = "^(partner|parent|child|sibling|friend|colleague|community|health_worker|other)$")]
    pub relationship: String,
    /// Free text; required when `relationship` is `other` (e.g. "neighbour").
    #[schema(max_length = 80)]
    pub relationship_detail: Option<String>,
    #[serde(default)]
    pub lives_with_client: bool,
    #[serde(default)]
    pub deceased: bool,
    /// `YYYY-MM-DD`, not in the future; only when `deceased`.
    #[schema(pattern = "^([0-9]{4}-[0-9]{2}-[0-9]{2})?$")]
    pub date_of_death: Option<String>,
    /// Closeness ring, from 1 (closest) to the organisation's ring count
    /// (3 to 6; 422 beyond it). The three-ring names `inner`, `middle` and
    /// `outer` are still read, as 1, 2 and 3.
    #[schema(value_type = u8, minimum = 1, maximum = 6)]
    #[serde(deserialize_with = "ring_as_text")]
    pub ring: String,
    #[schema(pattern = "^(daily|weekly|monthly|less_often|no_contact)?$")]
    pub contact_frequency: Option<String>,
    #[schema(max_length = 2000)]
    pub shared_activities: Option<String>,
    #[schema(max_length = 2000)]
    pub satisfying: Option<String>,
    #[schema(max_length = 2000)]
    pub unsatisfying: Option<String>,
    /// What the client expects of this person.
    #[schema(max_length = 2000)]
    pub client_expectations: Option<String>,
    #[schema(pattern = "^(yes|partly|no)?$")]
    pub client_expectations_met: Option<String>,
    /// What this person expects of the client.
    #[schema(max_length = 2000)]
    pub other_expectations: Option<String>,
    #[schema(pattern = "^(yes|partly|no)?$")]
    pub other_expectations_met: Option<String>,
    #[serde(default)]
    pub conflict: bool,
    /// Only with `conflict: true`.
    #[schema(max_length = 2000)]
    pub conflict_description: Option<String>,
    /// Support the client gets from this person.
    /// Each `emotional`, `practical`, `information` or `company`.
    #[serde(default)]
    #[schema(max_items = 4)]
    pub support_received: Vec<String>,
    /// Support the client gives this person (same kinds).
    #[serde(default)]
    #[schema(max_items = 4)]
    pub support_given: Vec<String>,
    #[schema(max_length = 2000)]
    pub can_discuss: Option<String>,
    #[schema(max_length = 2000)]
    pub cannot_discuss: Option<String>,
    #[schema(max_length = 2000)]
    pub wanted_changes: Option<String>,
    #[schema(max_length = 2000)]
    pub change_since_onset: Option<String>,
    /// The relationship is linked to the onset of the depression.
    #[serde(default)]
    pub linked_to_onset: bool,
    /// Whether the person knows about the depression: `yes`, `partly` or `no`; none for a
    /// deceased person (422 naming the field).
    #[schema(pattern = "^(yes|partly|no)?$")]
    pub knows_about_depression: Option<String>,
    /// How the two usually communicate.
    #[schema(max_length = 2000)]
    pub communication: Option<String>,
    /// How the client feels when they are together.
    #[schema(max_length = 2000)]
    pub feelings_together: Option<String>,
    /// Could give support now (a support mobilisation target); not for a deceased person.
    #[serde(default)]
    pub could_support_now: bool,
    /// The record holds what other people said about this person.
    #[serde(default)]
    pub third_party_information: bool,
    #[schema(max_length = 2000)]
    pub notes: Option<String>,
    /// `PUT` only: the version this change starts from (409 if it is no longer current).
    pub version: Option<i64>,
}

/// A ring as sent, a number or one of the three-ring names, as the text the
/// person rules read (they refuse anything else with 422 naming `ring`).
fn ring_as_text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Sent {
        Number(i64),
        Text(String),
    }
    Ok(match Sent::deserialize(d)? {
        Sent::Number(n) => n.to_string(),
        Sent::Text(t) => t,
    })
}

impl PersonInput {
    fn raw(self) -> RawPerson {
        RawPerson {
            display_name: Some(self.display_name),
            relationship: Some(self.relationship),
            relationship_detail: self.relationship_detail,
            lives_with_client: self.lives_with_client,
            deceased: self.deceased,
            date_of_death: self.date_of_death,
            ring: Some(self.ring),
            contact_frequency: self.contact_frequency,
            shared_activities: self.shared_activities,
            satisfying: self.satisfying,
            unsatisfying: self.unsatisfying,
            client_expectations: self.client_expectations,
            client_expectations_met: self.client_expectations_met,
            other_expectations: self.other_expectations,
            other_expectations_met: self.other_expectations_met,
            conflict: self.conflict,
            conflict_description: self.conflict_description,
            support_received: self.support_received,
            support_given: self.support_given,
            can_discuss: self.can_discuss,
            cannot_discuss: self.cannot_discuss,
            wanted_changes: self.wanted_changes,
            change_since_onset: self.change_since_onset,
            linked_to_onset: self.linked_to_onset,
            knows_about_depression: self.knows_about_depression,
            communication: self.communication,
            feelings_together: self.feelings_together,
            could_support_now: self.could_support_now,
            third_party_information: self.third_party_information,
            notes: self.notes,
        }
    }
}

fn codes(v: &[SupportType]) -> Vec<String> {
    v.iter().map(|t| t.as_str().to_string()).collect()
}

#[derive(Serialize, ToSchema)]
pub struct PersonJson {
    pub id: String,
    pub client_id: String,
    pub display_name: String,
    /// `partner`, `parent`, `child`, `sibling`, `friend`, `colleague`, `community`, `health_worker` or `other`
    pub relationship: String,
    pub relationship_detail: Option<String>,
    pub lives_with_client: bool,
    pub deceased: bool,
    pub date_of_death: Option<String>,
    /// Closeness ring: 1 is the closest.
    pub ring: u8,
    pub contact_frequency: Option<String>,
    pub shared_activities: Option<String>,
    pub satisfying: Option<String>,
    pub unsatisfying: Option<String>,
    pub client_expectations: Option<String>,
    /// `yes`, `partly`, `no` or null
    pub client_expectations_met: Option<String>,
    pub other_expectations: Option<String>,
    pub other_expectations_met: Option<String>,
    pub conflict: bool,
    pub conflict_description: Option<String>,
    pub support_received: Vec<String>,
    pub support_given: Vec<String>,
    pub can_discuss: Option<String>,
    pub cannot_discuss: Option<String>,
    pub wanted_changes: Option<String>,
    pub change_since_onset: Option<String>,
    pub linked_to_onset: bool,
    /// `yes`, `partly`, `no` or null (not asked)
    pub knows_about_depression: Option<String>,
    pub communication: Option<String>,
    pub feelings_together: Option<String>,
    pub could_support_now: bool,
    pub third_party_information: bool,
    pub notes: Option<String>,
    /// Increases with every change; send it back in PUT and DELETE.
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
    pub updated_by: String,
}

fn person_json(r: &Record<Person>) -> PersonJson {
    let p = &r.body;
    PersonJson {
        id: r.id.to_string(),
        client_id: r.client_id.to_string(),
        display_name: p.display_name.clone(),
        relationship: p.relationship.as_str().into(),
        relationship_detail: p.relationship_detail.clone(),
        lives_with_client: p.lives_with_client,
        deceased: p.deceased,
        date_of_death: p.date_of_death.clone(),
        ring: p.ring.number(),
        contact_frequency: p.contact_frequency.map(|c| c.as_str().into()),
        shared_activities: p.shared_activities.clone(),
        satisfying: p.satisfying.clone(),
        unsatisfying: p.unsatisfying.clone(),
        client_expectations: p.client_expectations.clone(),
        client_expectations_met: p.client_expectations_met.map(|m| m.as_str().into()),
        other_expectations: p.other_expectations.clone(),
        other_expectations_met: p.other_expectations_met.map(|m| m.as_str().into()),
        conflict: p.conflict,
        conflict_description: p.conflict_description.clone(),
        support_received: codes(&p.support_received),
        support_given: codes(&p.support_given),
        can_discuss: p.can_discuss.clone(),
        cannot_discuss: p.cannot_discuss.clone(),
        wanted_changes: p.wanted_changes.clone(),
        change_since_onset: p.change_since_onset.clone(),
        linked_to_onset: p.linked_to_onset,
        knows_about_depression: p.knows_about_depression.map(|k| k.as_str().into()),
        communication: p.communication.clone(),
        feelings_together: p.feelings_together.clone(),
        could_support_now: p.could_support_now,
        third_party_information: p.third_party_information,
        notes: p.notes.clone(),
        version: r.version,
        created_at: r.created_at.to_db(),
        updated_at: r.updated_at.to_db(),
        updated_by: r.updated_by_name.clone(),
    }
}

fn validate(input: PersonInput) -> Result<Person, AppError> {
    validate_person(&input.raw(), Some(Timestamp::now().date())).map_err(AppError::Invalid)
}

/// The client's people, in circle order (ring, then name).
#[utoipa::path(get, path = "/api/v1/clients/{id}/people", tag = "inventory", params(("id" = String, Path, description = "Client id")),
    responses((status = 200, body = [PersonJson]), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn list_people(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<PersonJson>>> {
    let people = inventory::people(&state, &me, &id).await?;
    Ok(Json(people.iter().map(person_json).collect()))
}

/// Adds a person to the client's inventory.
#[utoipa::path(post, path = "/api/v1/clients/{id}/people", tag = "inventory", params(("id" = String, Path, description = "Client id")),
    request_body = PersonInput,
    responses((status = 201, body = PersonJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_person(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<PersonInput>,
) -> ApiResult<impl IntoResponse> {
    let (client, _) = client_for(&state, &me, &id, Purpose::Write).await?;
    if body.version.is_some() {
        return Err(AppError::invalid("version", "A new person has no version; send version only with PUT").into());
    }
    let person = validate(body)?;
    let record = add_person(&state, &me, &client.id, &person, " via API").await?;
    let mut headers = HeaderMap::new();
    if let Ok(v) = HeaderValue::from_str(&format!("/api/v1/people/{}", record.id)) {
        headers.insert(axum::http::header::LOCATION, v);
    }
    Ok((StatusCode::CREATED, headers, Json(person_json(&record))))
}

/// One person.
#[utoipa::path(get, path = "/api/v1/people/{id}", tag = "inventory", params(("id" = String, Path, description = "Person id")),
    responses((status = 200, body = PersonJson), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_person(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
) -> ApiResult<Json<PersonJson>> {
    let (record, ..) = record_for::<Person>(&state, &me, &id, Purpose::AuditRead).await?;
    Ok(Json(person_json(&record)))
}

/// Replaces a person's record; the previous version is kept in the history.
#[utoipa::path(put, path = "/api/v1/people/{id}", tag = "inventory", params(("id" = String, Path, description = "Person id")),
    request_body = PersonInput,
    responses((status = 200, body = PersonJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn put_person(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<PersonInput>,
) -> ApiResult<Json<PersonJson>> {
    let (record, ..) = record_for::<Person>(&state, &me, &id, Purpose::Write).await?;
    let Some(version) = body.version else {
        return Err(AppError::invalid("version", "Send the version you started from (from GET)").into());
    };
    let person = validate(body)?;
    let updated = change_person(&state, &me, &record, version, &person, format!("version {version} via API")).await?;
    Ok(Json(person_json(&updated)))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VersionParam {
    /// When given, refused with 409 if the person has changed since.
    #[param(minimum = 1)]
    pub version: Option<i64>,
}

/// Removes a person from the inventory; every version stays in the history.
#[utoipa::path(delete, path = "/api/v1/people/{id}", tag = "inventory", params(("id" = String, Path, description = "Person id"), VersionParam),
    responses((status = 204), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn delete_person(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    params: Result<Query<VersionParam>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<StatusCode> {
    let Query(p) = params.map_err(super::params::bad_query)?;
    let (record, ..) = record_for::<Person>(&state, &me, &id, Purpose::Write).await?;
    remove_person(&state, &me, &record, p.version.unwrap_or(record.version), " via API").await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct CirclePersonJson {
    pub person_id: String,
    pub display_name: String,
    pub relationship: String,
    pub relationship_detail: Option<String>,
    /// Closeness ring: 1 is the closest.
    pub ring: u8,
    pub deceased: bool,
    pub conflict: bool,
    /// Kinds of support the client gets from this person.
    pub support_received: Vec<String>,
    pub support_given: Vec<String>,
    pub could_support_now: bool,
}

fn circle_person_json(p: &CirclePerson) -> CirclePersonJson {
    CirclePersonJson {
        person_id: p.person_id.clone(),
        display_name: p.display_name.clone(),
        relationship: p.relationship.as_str().into(),
        relationship_detail: p.relationship_detail.clone(),
        ring: p.ring.number(),
        deceased: p.deceased,
        conflict: p.conflict,
        support_received: codes(&p.support_received),
        support_given: codes(&p.support_given),
        could_support_now: p.could_support_now,
    }
}

/// One ring of a circle and the people in it.
#[derive(Serialize, ToSchema)]
pub struct RingJson {
    /// 1 is the closest.
    pub ring: u8,
    /// In circle order (name, then id).
    pub people: Vec<CirclePersonJson>,
}

/// Every ring of a circle of `count` rings, innermost first, with its people
/// (someone beyond the last ring is listed in it, as they are drawn).
fn rings_of(people: &[CirclePerson], count: u8) -> Vec<RingJson> {
    let mut sorted = people.to_vec();
    circle_order(&mut sorted);
    Ring::all(count)
        .map(|r| RingJson {
            ring: r.number(),
            people: sorted.iter().filter(|p| p.ring.within(count) == r).map(circle_person_json).collect(),
        })
        .collect()
}

#[derive(Serialize, ToSchema)]
pub struct CircleJson {
    pub course_id: String,
    pub client_id: String,
    /// The organisation's ring count (3 to 6).
    pub ring_count: u8,
    /// Every ring, innermost first, with its people.
    pub rings: Vec<RingJson>,
    /// The circle as a standalone SVG document (with title, description and legend).
    pub svg: String,
}

/// The client's closeness circle as it stands now: people by ring, and as SVG.
#[utoipa::path(get, path = "/api/v1/courses/{id}/circle", tag = "inventory", params(("id" = String, Path, description = "Course id")),
    responses((status = 200, body = CircleJson), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_circle(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
) -> ApiResult<Json<CircleJson>> {
    let cx = course_for(&state, &me, &id, Purpose::AuditRead).await?;
    let people = inventory::circle_now(&state, &me, &cx).await?;
    let ring_count = inventory::ring_count(&state).await?;
    Ok(Json(CircleJson {
        course_id: cx.course.id.to_string(),
        client_id: cx.client.id.to_string(),
        ring_count,
        rings: rings_of(&people, ring_count),
        svg: circle_svg(&people, ring_count, "circle", "Closeness circle"),
    }))
}

#[derive(Serialize, ToSchema)]
pub struct SnapshotJson {
    pub id: String,
    pub course_id: String,
    pub label: String,
    /// `YYYY-MM-DD`
    pub taken_on: String,
    pub session_id: Option<String>,
    /// Number of the held session it was taken in.
    pub session_number: Option<u32>,
    pub note: Option<String>,
    /// The ring count the snapshot was taken with (3 to 6).
    pub ring_count: u8,
    /// Every ring, innermost first, with its people.
    pub rings: Vec<RingJson>,
    /// Only on `GET /api/v1/circle-snapshots/{id}`: the circle as SVG.
    pub svg: Option<String>,
    pub created_at: String,
    pub created_by: String,
}

fn snapshot_json(cx: &CourseContext, r: &Record<CircleSnapshot>, with_svg: bool) -> SnapshotJson {
    let s = &r.body;
    SnapshotJson {
        id: r.id.to_string(),
        course_id: cx.course.id.to_string(),
        label: s.label.clone(),
        taken_on: s.taken_on.clone(),
        session_id: r.session_id.as_ref().map(|i| i.to_string()),
        session_number: session_number(cx, r.session_id.as_ref()),
        note: s.note.clone(),
        ring_count: s.ring_count,
        rings: rings_of(&s.people, s.ring_count),
        svg: with_svg.then(|| {
            circle_svg(&s.people, s.ring_count, "circle", &format!("Closeness circle: {} ({})", s.label, s.taken_on))
        }),
        created_at: r.created_at.to_db(),
        created_by: r.updated_by_name.clone(),
    }
}

/// The course's circle snapshots, oldest first.
#[utoipa::path(get, path = "/api/v1/courses/{id}/circle-snapshots", tag = "inventory", params(("id" = String, Path, description = "Course id")),
    responses((status = 200, body = [SnapshotJson]), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn list_snapshots(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<SnapshotJson>>> {
    let cx = course_for(&state, &me, &id, Purpose::AuditRead).await?;
    let list = inventory::snapshots_read(&state, &me, &cx).await?;
    Ok(Json(list.iter().map(|r| snapshot_json(&cx, r, false)).collect()))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewSnapshotJson {
    /// e.g. `intake`, `ending`, or your own words.
    #[schema(min_length = 1, max_length = 60, pattern = r"\S")]
    pub label: String,
    /// `YYYY-MM-DD`, not in the future; default today.
    #[schema(pattern = "^([0-9]{4}-[0-9]{2}-[0-9]{2})?$")]
    pub taken_on: Option<String>,
    /// One of this course's sessions.
    pub session_id: Option<String>,
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

/// Freezes the client's current people (ring, support, conflict) as a snapshot of this course.
#[utoipa::path(post, path = "/api/v1/courses/{id}/circle-snapshots", tag = "inventory", params(("id" = String, Path, description = "Course id")),
    request_body = NewSnapshotJson,
    responses((status = 201, body = SnapshotJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_snapshot(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<NewSnapshotJson>,
) -> ApiResult<impl IntoResponse> {
    let cx = course_for(&state, &me, &id, Purpose::Write).await?;
    let record = take_snapshot(
        &state,
        &me,
        &cx,
        Some(&body.label),
        body.taken_on.as_deref(),
        body.session_id.as_deref(),
        body.note.as_deref(),
    )
    .await?;
    let mut headers = HeaderMap::new();
    if let Ok(v) = HeaderValue::from_str(&format!("/api/v1/circle-snapshots/{}", record.id)) {
        headers.insert(axum::http::header::LOCATION, v);
    }
    Ok((StatusCode::CREATED, headers, Json(snapshot_json(&cx, &record, true))))
}

/// One snapshot, with its circle as SVG.
#[utoipa::path(get, path = "/api/v1/circle-snapshots/{id}", tag = "inventory", params(("id" = String, Path, description = "Snapshot id")),
    responses((status = 200, body = SnapshotJson), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_snapshot(
    State(state): State<AppState>,
    ApiCaller(me): ApiCaller,
    Path(id): Path<String>,
) -> ApiResult<Json<SnapshotJson>> {
    let (record, ..) = record_for::<CircleSnapshot>(&state, &me, &id, Purpose::AuditRead).await?;
    let course = record.course_id.clone().ok_or(AppError::NotFound)?;
    let cx = course_for(&state, &me, course.as_str(), Purpose::Write).await?;
    Ok(Json(snapshot_json(&cx, &record, true)))
}
