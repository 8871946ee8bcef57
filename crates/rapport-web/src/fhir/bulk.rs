//! Bulk Data `$export` (FHIR Bulk Data Access IG STU2) for machine clients:
//! the kick-off at the three levels, the status URL (202 with `Retry-After`
//! and `X-Progress` while the job runs, 200 with the manifest when done,
//! DELETE to cancel) and the NDJSON files, each for its requester only. The
//! job, its access rules and audit live in `rapport_app::bulk`; this face
//! reads the request, maps records to FHIR lines and writes the manifest.

use super::map;
use super::search::{DateCondition, Elements};
use super::wire::{base_url, fhir_json, FhirResult, Outcome, SystemClient};
use axum::body::{Body, Bytes};
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use rapport_app::bulk::{CourseData, ExportFormat, Level, Records, Request, Status};
use rapport_app::AppState;
use rapport_core::Timestamp;
use serde_json::{json, Value};
use std::io::Read;
use std::sync::Arc;

/// Seconds a client is asked to wait between polls.
const RETRY_AFTER: &str = "2";

/// The FHIR mapping the export job writes with, and the export's filters.
struct Fhir {
    instruments: Arc<rapport_core::measures::Library>,
    /// `_since`: resources changed at or after it (those without a
    /// `meta.lastUpdated`, such as a Practitioner, are always written).
    since: Option<Timestamp>,
    /// `_typeFilter`: per type, the alternatives (a resource of a filtered
    /// type is written when any one holds).
    filters: Vec<TypeFilter>,
    /// `_elements`.
    elements: Option<Elements>,
}

/// One `_typeFilter` value: a type and the conditions a resource must meet.
#[derive(Debug)]
struct TypeFilter {
    kind: String,
    conditions: Vec<Condition>,
}

#[derive(Debug)]
enum Condition {
    /// `_lastUpdated`: on `meta.lastUpdated`.
    LastUpdated(DateCondition),
    /// `code` (Observation, Condition): any of these tokens.
    Code(Vec<String>),
    /// `date` (Observation): on `effectiveDateTime`.
    Date(DateCondition),
}

impl Condition {
    fn holds(&self, r: &Value) -> bool {
        let at = |field: &str| r[field].as_str().and_then(Timestamp::parse);
        match self {
            Condition::LastUpdated(c) => {
                r["meta"]["lastUpdated"].as_str().and_then(Timestamp::parse).is_some_and(|t| c.holds(t))
            }
            Condition::Code(any) => any.iter().any(|c| map::code_matches(r, c)),
            Condition::Date(c) => at("effectiveDateTime").is_some_and(|t| c.holds(t)),
        }
    }
}

/// The search parameters `_typeFilter` takes, by type.
fn filter_parameters(kind: &str) -> &'static [&'static str] {
    match kind {
        "Observation" => &["code", "date", "_lastUpdated"],
        "Condition" => &["code", "_lastUpdated"],
        _ => &["_lastUpdated"],
    }
}

impl TypeFilter {
    /// `Observation?code=http://loinc.org|44261-6&_lastUpdated=ge2026-01-01`.
    fn parse(v: &str) -> FhirResult<TypeFilter> {
        let bad = |m: String| Outcome::bad("_typeFilter", m);
        let (kind, query) = v.split_once('?').ok_or_else(|| {
            bad(format!("_typeFilter is a type and a search, e.g. Observation?code=44261-6; got {v:?}"))
        })?;
        if !rapport_app::bulk::EXPORT_TYPES.contains(&kind) {
            return Err(bad(format!("_typeFilter names {kind:?}, which is not exported")));
        }
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query)
            .map_err(|_| bad(format!("The _typeFilter search {query:?} cannot be read.")))?;
        if pairs.is_empty() {
            return Err(bad(format!("The _typeFilter {v:?} has no search parameter.")));
        }
        let mut conditions = Vec::new();
        for (name, value) in pairs {
            let supported = filter_parameters(kind);
            conditions.push(match name.as_str() {
                "_lastUpdated" => Condition::LastUpdated(DateCondition::parse("_typeFilter", &value)?),
                "code" if supported.contains(&"code") => {
                    Condition::Code(value.split(',').map(str::to_string).collect())
                }
                "date" if supported.contains(&"date") => Condition::Date(DateCondition::parse("_typeFilter", &value)?),
                other => {
                    return Err(bad(format!(
                        "The _typeFilter parameter {other:?} is not supported for {kind}; supported: {}",
                        supported.join(", ")
                    )))
                }
            });
        }
        Ok(TypeFilter { kind: kind.to_string(), conditions })
    }
}

impl Fhir {
    /// Whether a resource of type `kind` passes `_since` and `_typeFilter`.
    fn keeps(&self, kind: &str, r: &Value) -> bool {
        let updated = r["meta"]["lastUpdated"].as_str().and_then(Timestamp::parse);
        if self.since.is_some_and(|s| updated.is_some_and(|u| u < s)) {
            return false;
        }
        let mut filters = self.filters.iter().filter(|f| f.kind == kind).peekable();
        filters.peek().is_none() || filters.any(|f| f.conditions.iter().all(|c| c.holds(r)))
    }

    fn resources(&self, kind: &str, records: Records<'_>) -> Vec<Value> {
        let inst = |id: &str| self.instruments.get(id);
        match records {
            Records::Client(c) => vec![map::patient(c)],
            Records::Group(g) => vec![map::group(g, true)],
            Records::Response(r) if kind == "Observation" => map::observations(inst(&r.instrument_id), r),
            Records::Response(r) => vec![map::questionnaire_response(inst(&r.instrument_id), r)],
            Records::CareTeam(c, members) => vec![map::care_team(c, members)],
            Records::Flags(flags) => {
                flags.iter().map(|f| map::flag(f, f.instrument_id.as_deref().and_then(inst))).collect()
            }
            Records::Assessments(all) => all.iter().map(|(a, f)| map::risk_assessment(a, f)).collect(),
            Records::Courses(courses) => courses.iter().flat_map(|c| course_resources(kind, c)).collect(),
            Records::Staff(u) if kind == "Practitioner" => vec![map::practitioner(u)],
            Records::Staff(u) => vec![map::practitioner_role(u)],
            Records::Organisation(org) => vec![map::organization(&org.name, &org.country)],
        }
    }
}

/// The resources of type `kind` one course gives.
fn course_resources(kind: &str, c: &CourseData) -> Vec<Value> {
    let cx = &c.cx;
    match kind {
        "EpisodeOfCare" => vec![map::episode_of_care(
            &cx.course,
            &cx.protocol.name,
            map::practitioner_reference(&cx.client.responsible_clinician_id, &cx.client.responsible_clinician_name),
        )],
        "Encounter" => {
            let zone = rapport_app::clock::zone();
            cx.sessions.iter().map(|s| map::encounter(&s.session, &zone)).collect()
        }
        "Condition" => c
            .formulation
            .iter()
            .flat_map(|f| {
                f.body.problem_areas.iter().map(move |a| map::condition(&cx.course, a, cx.protocol.area_label(a), f))
            })
            .collect(),
        "CarePlan" => vec![map::care_plan(cx, c.formulation.as_ref(), &c.goals)],
        "Goal" => c.goals.iter().map(|g| map::goal(g, &cx.course)).collect(),
        _ => Vec::new(),
    }
}

impl ExportFormat for Fhir {
    fn lines(&self, kind: &str, records: Records<'_>) -> Vec<String> {
        self.resources(kind, records)
            .into_iter()
            .filter(|r| self.keeps(kind, r))
            .map(|mut r| {
                if let Some(e) = &self.elements {
                    e.subset(&mut r);
                }
                r.to_string()
            })
            .collect()
    }
}

/// What a kick-off asked for, as the face read it.
struct Kickoff {
    request: Request,
    filters: Vec<TypeFilter>,
    elements: Option<Elements>,
}

/// Reads the kick-off parameters (from the query string of a GET, or the
/// Parameters body of a POST): `_outputFormat`, `_type` (repeatable,
/// comma-separated), `_since`, `_typeFilter` (repeatable) and `_elements`;
/// anything else is refused by name.
fn read_request(level: Level, headers: &HeaderMap, pairs: Vec<(String, String)>, url: String) -> FhirResult<Kickoff> {
    let prefer = headers
        .get_all("prefer")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.split(',').any(|p| p.trim().eq_ignore_ascii_case("respond-async")));
    if !prefer {
        return Err(Outcome::bad("Prefer", "A Bulk Data export runs asynchronously: send Prefer: respond-async."));
    }
    if let Some(accept) = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()) {
        if !accept.split(',').any(|a| {
            matches!(a.split(';').next().unwrap_or("").trim(), "application/fhir+json" | "application/json" | "*/*")
        }) {
            return Err(Outcome::bad("Accept", "Accept must be application/fhir+json."));
        }
    }
    let mut types: Option<Vec<String>> = None;
    let mut since = None;
    let mut filters = Vec::new();
    let mut elements: Option<Elements> = None;
    for (k, v) in pairs {
        match k.as_str() {
            "_outputFormat" => {
                if !matches!(v.as_str(), "application/fhir+ndjson" | "application/ndjson" | "ndjson") {
                    return Err(Outcome::bad(
                        "_outputFormat",
                        "Only NDJSON is written (_outputFormat=application/fhir+ndjson).",
                    ));
                }
            }
            "_type" => types
                .get_or_insert_with(Vec::new)
                .extend(v.split(',').map(str::trim).filter(|t| !t.is_empty()).map(str::to_string)),
            "_since" => {
                if v.len() <= 10 || since.is_some() {
                    return Err(Outcome::bad(
                        "_since",
                        "_since is one instant with its zone, e.g. 2026-03-01T00:00:00Z.",
                    ));
                }
                // An instant is a date condition of one microsecond; its start is the instant.
                DateCondition::parse("_since", &v)?;
                since = Some(
                    rapport_core::Timestamp::parse(&v)
                        .ok_or_else(|| Outcome::bad("_since", "_since cannot be read."))?,
                );
            }
            "_typeFilter" => filters.push(TypeFilter::parse(&v)?),
            "_elements" => {
                let mut more = Elements::parse(&v)?;
                if let Some(before) = elements.take() {
                    more = before.and(more);
                }
                elements = Some(more);
            }
            other => {
                return Err(Outcome::bad(
                    other,
                    format!(
                        "The export parameter {other:?} is not supported; supported: _outputFormat, _type, _since, _typeFilter, _elements."
                    ),
                ))
            }
        }
    }
    Ok(Kickoff { request: Request { level, types, since, url }, filters, elements })
}

/// The parameters of a POST kick-off: a `Parameters` resource whose
/// `parameter`s carry a string, code, instant, dateTime or uri value.
fn parameters_body(headers: &HeaderMap, body: &[u8]) -> FhirResult<Vec<(String, String)>> {
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let mime = content_type.split(';').next().unwrap_or("").trim();
    if !matches!(mime, "application/fhir+json" | "application/json") {
        return Err(crate::error::AppError::UnsupportedMediaType(
            "Send a Parameters resource as application/fhir+json.".into(),
        )
        .into());
    }
    let v: Value = serde_json::from_slice(body)
        .map_err(|e| Outcome::bad("Parameters", format!("The body is not valid JSON: {e}")))?;
    if v["resourceType"] != "Parameters" {
        return Err(Outcome::bad("resourceType", "A POST kick-off sends a Parameters resource."));
    }
    let mut pairs = Vec::new();
    let empty = Vec::new();
    let params = match v.get("parameter") {
        None => &empty,
        Some(Value::Array(a)) => a,
        Some(_) => return Err(Outcome::bad("parameter", "parameter is a list.")),
    };
    for (i, p) in params.iter().enumerate() {
        let name = p["name"]
            .as_str()
            .ok_or_else(|| Outcome::bad(&format!("parameter[{i}].name"), "Each parameter has a name."))?;
        let value = ["valueString", "valueCode", "valueInstant", "valueDateTime", "valueUri", "valueCanonical"]
            .iter()
            .find_map(|k| p[*k].as_str());
        let Some(value) = value else {
            // `patient` (a valueReference) and the like: not supported, named.
            return Err(Outcome::bad(
                name,
                format!("The export parameter {name:?} is not supported, or its value is not a string, code, instant or uri."),
            ));
        };
        pairs.push((name.to_string(), value.to_string()));
    }
    Ok(pairs)
}

/// Where a kick-off's parameters come from.
enum Given<'a> {
    Query(Option<&'a str>),
    Body(&'a [u8]),
}

async fn kick_off(
    state: &AppState,
    sys: SystemClient,
    headers: &HeaderMap,
    uri: &Uri,
    given: Given<'_>,
    level: Level,
) -> FhirResult<Response> {
    let base = base_url(state, headers);
    let url = format!(
        "{}{}",
        base.trim_end_matches(super::wire::BASE),
        uri.path_and_query().map(|p| p.as_str()).unwrap_or("")
    );
    let pairs = match given {
        Given::Query(q) => serde_urlencoded::from_str(q.unwrap_or(""))
            .map_err(|_| Outcome::bad("query", "The query string cannot be read."))?,
        Given::Body(body) => parameters_body(headers, body)?,
    };
    let Kickoff { request, filters, elements } = read_request(level, headers, pairs, url)?;
    let format = Arc::new(Fhir { instruments: state.instruments.clone(), since: request.since, filters, elements });
    let row = rapport_app::bulk::kick_off(state, &sys.0, request, format).await?;
    let mut resp = StatusCode::ACCEPTED.into_response();
    let status_url = format!("{base}/bulk-status/{}", row.id);
    if let Ok(v) = HeaderValue::from_str(&status_url) {
        resp.headers_mut().insert(header::CONTENT_LOCATION, v);
    }
    Ok(resp)
}

/// `GET /fhir/r4/$export`: everything the token's scopes cover.
pub async fn system_export(
    State(state): State<AppState>,
    sys: SystemClient,
    headers: HeaderMap,
    uri: Uri,
    RawQuery(q): RawQuery,
) -> FhirResult<Response> {
    kick_off(&state, sys, &headers, &uri, Given::Query(q.as_deref()), Level::System).await
}

/// `GET /fhir/r4/Patient/$export`: every patient and their data.
pub async fn patient_export(
    State(state): State<AppState>,
    sys: SystemClient,
    headers: HeaderMap,
    uri: Uri,
    RawQuery(q): RawQuery,
) -> FhirResult<Response> {
    kick_off(&state, sys, &headers, &uri, Given::Query(q.as_deref()), Level::Patient).await
}

/// `GET /fhir/r4/Group/{id}/$export`: the group's members and their data.
pub async fn group_export(
    State(state): State<AppState>,
    sys: SystemClient,
    headers: HeaderMap,
    uri: Uri,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> FhirResult<Response> {
    kick_off(&state, sys, &headers, &uri, Given::Query(q.as_deref()), Level::Group(id)).await
}

/// `POST /fhir/r4/$export` with a Parameters body.
pub async fn system_export_post(
    State(state): State<AppState>,
    sys: SystemClient,
    headers: HeaderMap,
    uri: Uri,
    body: Bytes,
) -> FhirResult<Response> {
    kick_off(&state, sys, &headers, &uri, Given::Body(&body), Level::System).await
}

/// `POST /fhir/r4/Patient/$export` with a Parameters body.
pub async fn patient_export_post(
    State(state): State<AppState>,
    sys: SystemClient,
    headers: HeaderMap,
    uri: Uri,
    body: Bytes,
) -> FhirResult<Response> {
    kick_off(&state, sys, &headers, &uri, Given::Body(&body), Level::Patient).await
}

/// `POST /fhir/r4/Group/{id}/$export` with a Parameters body.
pub async fn group_export_post(
    State(state): State<AppState>,
    sys: SystemClient,
    headers: HeaderMap,
    uri: Uri,
    Path(id): Path<String>,
    body: Bytes,
) -> FhirResult<Response> {
    kick_off(&state, sys, &headers, &uri, Given::Body(&body), Level::Group(id)).await
}

/// An HTTP date (`Sun, 06 Nov 1994 08:49:37 GMT`) for `Expires`.
fn http_date(t: rapport_core::Timestamp) -> String {
    let f = time::macros::format_description!(
        "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
    );
    t.datetime().to_offset(time::UtcOffset::UTC).format(f).unwrap_or_default()
}

/// The status URL: 202 while running, 200 with the manifest when done.
pub async fn status(
    State(state): State<AppState>,
    SystemClient(sys): SystemClient,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> FhirResult<Response> {
    match rapport_app::bulk::status(&state, &sys, &id).await? {
        Status::Running { progress } => {
            let mut resp = StatusCode::ACCEPTED.into_response();
            let h = resp.headers_mut();
            h.insert(header::RETRY_AFTER, HeaderValue::from_static(RETRY_AFTER));
            let progress = if progress.is_empty() { "started".to_string() } else { progress };
            if let Ok(v) = HeaderValue::from_str(&progress) {
                h.insert("x-progress", v);
            }
            Ok(resp)
        }
        Status::Done { row, files } => {
            let base = base_url(&state, &headers);
            let output: Vec<_> = files
                .iter()
                .map(|f| json!({ "type": f.kind, "url": format!("{base}/bulk-files/{}/{}", row.id, f.file), "count": f.count }))
                .collect();
            let manifest = json!({
                "transactionTime": map::instant(row.transaction_time),
                "request": row.request_url,
                "requiresAccessToken": true,
                "output": output,
                "error": [],
            });
            let mut resp = (StatusCode::OK, manifest.to_string()).into_response();
            let h = resp.headers_mut();
            h.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
            if let Some(exp) = row.expires_at {
                if let Ok(v) = HeaderValue::from_str(&http_date(exp)) {
                    h.insert(header::EXPIRES, v);
                }
            }
            Ok(resp)
        }
        Status::Failed { message } => Err(Outcome::new(StatusCode::INTERNAL_SERVER_ERROR, "exception", message)),
    }
}

/// `DELETE` on the status URL: cancels the export (or removes its files now).
pub async fn cancel(
    State(state): State<AppState>,
    SystemClient(sys): SystemClient,
    Path(id): Path<String>,
) -> FhirResult<Response> {
    rapport_app::bulk::cancel(&state, &sys, &id).await?;
    Ok(fhir_json(
        StatusCode::ACCEPTED,
        &json!({ "resourceType": "OperationOutcome", "issue": [{ "severity": "information", "code": "informational",
                 "diagnostics": "The export was cancelled and its files deleted." }] }),
    ))
}

/// One NDJSON file, streamed from disk in chunks.
pub async fn file(
    State(state): State<AppState>,
    SystemClient(sys): SystemClient,
    Path((id, name)): Path<(String, String)>,
) -> FhirResult<Response> {
    let path = rapport_app::bulk::file(&state, &sys, &id, &name).await?;
    let f = std::fs::File::open(&path).map_err(|_| Outcome::not_found())?;
    let stream = futures_util::stream::unfold(Some(f), |f| async move {
        let mut f = f?;
        let read = tokio::task::spawn_blocking(move || {
            let mut buf = vec![0u8; 64 * 1024];
            let n = f.read(&mut buf)?;
            buf.truncate(n);
            Ok::<_, std::io::Error>((buf, f))
        })
        .await;
        match read {
            Ok(Ok((buf, _))) if buf.is_empty() => None,
            Ok(Ok((buf, f))) => Some((Ok(Bytes::from(buf)), Some(f))),
            Ok(Err(e)) => Some((Err(e), None)),
            Err(e) => Some((Err(std::io::Error::other(e)), None)),
        }
    });
    let mut resp = Body::from_stream(stream).into_response();
    resp.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/fhir+ndjson"));
    Ok(resp)
}
