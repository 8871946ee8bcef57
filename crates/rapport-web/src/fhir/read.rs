//! Read and search: each handler parses, asks a rapport-app use case (which
//! checks access and audits the read), and maps the records.

use super::map;
use super::search::{all_hold, bundle, bundle_including, Params};
use super::wire::{base_url, resource, FhirCaller, FhirResult, Outcome};
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use rapport_app::access::course::{course_for, CourseContext};
use rapport_app::access::session::{log_session_read, session_for};
use rapport_app::access::{client_for, Purpose};
use rapport_app::caller::Identity;
use rapport_app::AppState;
use serde_json::{json, Value};

const VIA: &str = "via FHIR";

/// The CapabilityStatement: exactly the types, interactions and search
/// parameters served here. Public, as FHIR clients read it before signing in.
pub async fn metadata(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let base = base_url(&state, &headers);
    let param = |name: &str, kind: &str, doc: &str| json!({ "name": name, "type": kind, "documentation": doc });
    let paging = "_count (0-100, default 20) and _offset page every search; Bundle.total counts all matches.";
    let resource = |kind: &str, params: Vec<Value>, create: bool| {
        let mut interactions = vec![json!({ "code": "read" }), json!({ "code": "search-type" })];
        if create {
            interactions.push(json!({ "code": "create" }));
        }
        json!({
            "type": kind,
            "interaction": interactions,
            "versioning": "versioned",
            "readHistory": false,
            "conditionalRead": "modified-since",
            "searchParam": params,
            "documentation": paging,
        })
    };
    let last_updated = || param("_lastUpdated", "date", "meta.lastUpdated, with eq, ge, gt, le or lt");
    let patient = || param("patient", "reference", "Patient/<id> (also accepted as subject)");
    let subject = || param("subject", "reference", "Patient/<id>");
    let including = |mut r: Value, value: &str| {
        r["searchInclude"] = json!([value]);
        r
    };
    let mut patient_resource =
        resource("Patient", vec![param("name", "string", "part of the name"), last_updated()], false);
    patient_resource["operation"] = json!([{ "name": "export", "definition": "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export", "documentation": export_documentation() }]);
    let body = json!({
        "resourceType": "CapabilityStatement",
        "status": "active",
        "date": "2026-12-05",
        "kind": "instance",
        "software": { "name": "Rapport", "version": env!("CARGO_PKG_VERSION") },
        "implementation": { "description": "Rapport FHIR R4 face", "url": base },
        "fhirVersion": "4.0.1",
        "format": ["application/fhir+json", "json"],
        "rest": [{
            "mode": "server",
            "documentation": "Personal API tokens (Authorization: Bearer) with the token owner's access; \
                a resource outside it answers 404. Every read is audited. Process notes are never served.",
            "security": {
                "extension": [{
                    "url": "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris",
                    "extension": [{ "url": "token", "valueUri": super::smart::token_url(&base) }],
                }],
                "service": [
                    { "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/restful-security-service", "code": "OAuth" }],
                      "text": "Bearer token (a Rapport personal API token)" },
                    { "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/restful-security-service", "code": "SMART-on-FHIR" }],
                      "text": "SMART Backend Services (client_credentials, RS384/ES384 JWT assertion, system/*.read scopes) for Group and $export" },
                ],
            },
            "resource": [
                patient_resource,
                resource("Questionnaire", vec![param("url", "uri", "canonical URL"), param("code", "token", "LOINC panel code")], false),
                including(resource("QuestionnaireResponse", vec![patient(), subject(), param("questionnaire", "reference", "canonical URL, optionally |version"), param("authored", "date", "when it was completed"), last_updated()], true), "QuestionnaireResponse:questionnaire"),
                including(resource("Observation", vec![patient(), subject(), param("code", "token", "LOINC panel, item or total code, e.g. http://loinc.org|44261-6"), param("date", "date", "effective date"), last_updated()], false), "Observation:patient"),
                resource("Flag", vec![patient(), subject(), param("status", "token", "active or inactive"), last_updated()], false),
                resource("RiskAssessment", vec![patient(), subject(), last_updated()], false),
                including(resource("EpisodeOfCare", vec![patient(), last_updated()], false), "EpisodeOfCare:patient"),
                resource("Encounter", vec![patient(), subject(), param("episode-of-care", "reference", "EpisodeOfCare/<id>"), param("date", "date", "the session's day"), last_updated()], false),
                resource("Condition", vec![patient(), subject(), param("code", "token", "a problem area, e.g. https://rapport-ipt.org/fhir/CodeSystem/ipt-problem-area|grief"), last_updated()], false),
                resource("CarePlan", vec![patient(), subject(), last_updated()], false),
                resource("Goal", vec![patient(), subject(), param("lifecycle-status", "token", "active, completed or cancelled"), last_updated()], false),
                json!({ "type": "Group", "interaction": [{ "code": "read" }, { "code": "search-type" }],
                        "searchParam": [param("name", "string", "part of the group's name")],
                        "operation": [{ "name": "export", "definition": "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/group-export", "documentation": export_documentation() }],
                        "documentation": "Group-IPT cohorts; members are Patient references (machine clients with system/Group.read, or staff who see the members)" }),
                resource("CareTeam", vec![patient(), subject()], false),
                resource("Practitioner", vec![param("name", "string", "part of the staff member's name")], false),
                resource("PractitionerRole", vec![param("practitioner", "reference", "Practitioner/<id>")], false),
                json!({ "type": "AuditEvent", "interaction": [{ "code": "read" }, { "code": "search-type" }],
                        "searchParam": [param("before", "number", "the next page: entries older than this AuditEvent id (the next link sets it)")],
                        "documentation": "The caller's own audit entries, newest first; never anyone else's. _count pages; no total" }),
                json!({ "type": "Organization", "interaction": [{ "code": "read" }],
                        "documentation": "Organization/organisation: the one organisation this server serves" }),
                json!({ "type": "CodeSystem", "interaction": [{ "code": "read" }],
                        "documentation": "https://rapport-ipt.org/fhir/CodeSystem/ipt-problem-area is CodeSystem/ipt-problem-area" }),
            ],
            "searchParam": [
                param("_count", "number", "page size, 0-100 (default 20)"),
                param("_elements", "special", "only these elements (and the mandatory ones) of each match, tagged SUBSETTED"),
            ],
            "operation": [{
                "name": "export",
                "definition": "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export",
                "documentation": export_documentation(),
            }],
        }],
        "instantiates": ["http://hl7.org/fhir/uv/bulkdata/CapabilityStatement/bulk-data"],
    });
    resource_ok(&headers, body)
}

/// What the CapabilityStatement says of `$export` (system, Patient and Group level).
fn export_documentation() -> String {
    format!(
        "Bulk Data Access IG 2.0, for SMART Backend Services clients: kick-off by GET, or POST with a Parameters \
         body; Prefer: respond-async. Types: {}. Parameters: _outputFormat (NDJSON), _type, _since, _typeFilter \
         (_lastUpdated for every type; code and date for Observation; code for Condition) and _elements. At most \
         {} exports of one client run at once (another kick-off: 429 with Retry-After).",
        rapport_app::bulk::EXPORT_TYPES.join(", "),
        rapport_app::bulk::MAX_RUNNING_EXPORTS
    )
}

fn resource_ok(headers: &HeaderMap, body: Value) -> Response {
    resource(headers, StatusCode::OK, &body)
}

// ---------------------------------------------------------------- Patient

pub async fn read_patient(
    State(state): State<AppState>,
    FhirCaller(me): FhirCaller,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> FhirResult<Response> {
    let (client, _) = client_for(&state, &me, &id, Purpose::AuditRead).await?;
    Ok(resource_ok(&headers, map::patient(&client)))
}

/// The caller's caseload (active clients), by name.
pub async fn search_patients(
    State(state): State<AppState>,
    FhirCaller(me): FhirCaller,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> FhirResult<Response> {
    let p = Params::parse(q.as_deref(), &["name", "_lastUpdated"])?;
    let updated = p.dates("_lastUpdated")?;
    let base = base_url(&state, &headers);
    if updated.is_empty() {
        // Paged by the store; `_count=0` asks only for the total.
        let limit = p.count.max(1) as i64;
        let (records, total) = rapport_app::clients::caseload_records(
            &state,
            &me,
            p.get("name").map(str::to_string),
            limit,
            p.offset as i64,
            " via FHIR",
        )
        .await?;
        let page = p.page(total.max(0) as usize);
        let entries = records.iter().take(p.count).map(map::patient).collect();
        return Ok(bundle(&base, "Patient", &page, entries));
    }
    // A date filter reads the whole caseload (at most its largest page) and filters it.
    let (records, _) = rapport_app::clients::caseload_records(
        &state,
        &me,
        p.get("name").map(str::to_string),
        rapport_core::caseload::MAX_PAGE,
        0,
        " via FHIR",
    )
    .await?;
    let matching: Vec<Value> = records.iter().filter(|c| all_hold(&updated, c.updated_at)).map(map::patient).collect();
    let (entries, page) = p.window(matching);
    Ok(bundle(&base, "Patient", &page, entries))
}

// ---------------------------------------------------------------- Questionnaire

pub async fn read_questionnaire(
    State(state): State<AppState>,
    FhirCaller(_): FhirCaller,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> FhirResult<Response> {
    let inst = state.instruments.all().find(|i| map::questionnaire_id(i) == id).ok_or_else(Outcome::not_found)?;
    Ok(resource_ok(&headers, map::questionnaire(inst)))
}

pub async fn search_questionnaires(
    State(state): State<AppState>,
    FhirCaller(_): FhirCaller,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> FhirResult<Response> {
    let p = Params::parse(q.as_deref(), &["url", "code"])?;
    let url = p.get("url");
    let code = p.get("code").map(|c| c.rsplit('|').next().unwrap_or(c));
    let mut all: Vec<_> = state
        .instruments
        .all()
        .filter(|i| url.is_none_or(|u| u == map::questionnaire_url(i) || u == map::questionnaire_canonical(i)))
        .filter(|i| code.is_none_or(|c| i.loinc.panel.as_deref() == Some(c)))
        .collect();
    all.sort_by(|a, b| a.id.cmp(&b.id));
    let (page_items, page) = p.window(all);
    let entries = page_items.into_iter().map(map::questionnaire).collect();
    Ok(bundle(&base_url(&state, &headers), "Questionnaire", &page, entries))
}

// ---------------------------------------------------------------- QuestionnaireResponse and Observation

pub async fn read_response(
    State(state): State<AppState>,
    FhirCaller(me): FhirCaller,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> FhirResult<Response> {
    let (row, _) = rapport_app::measures::read_response(&state, &me, &id, "QuestionnaireResponse via FHIR").await?;
    let inst = state.instruments.get(&row.instrument_id);
    Ok(resource_ok(&headers, map::questionnaire_response(inst, &row)))
}

/// The searched patient as an `_include`d resource, when `wanted`: read
/// (and audited) exactly as `GET Patient/<id>` reads it.
async fn included_patient(state: &AppState, me: &Identity, wanted: bool, patient: &str) -> FhirResult<Vec<Value>> {
    if !wanted {
        return Ok(Vec::new());
    }
    let (client, _) = client_for(state, me, patient, Purpose::AuditRead).await?;
    Ok(vec![map::patient(&client)])
}

/// The patient a response or observation search is about: required, since
/// these records are only ever read one client at a time.
pub(super) fn required_patient(p: &Params) -> FhirResult<String> {
    p.patient()?.ok_or_else(|| Outcome::bad("patient", "Name the patient: patient=Patient/<id> (or subject=...)."))
}

pub async fn search_responses(
    State(state): State<AppState>,
    FhirCaller(me): FhirCaller,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> FhirResult<Response> {
    let p =
        Params::parse(q.as_deref(), &["patient", "subject", "questionnaire", "authored", "_lastUpdated", "_include"])?;
    let include = p.includes("QuestionnaireResponse:questionnaire", "Questionnaire")?;
    let patient = required_patient(&p)?;
    let authored = p.dates("authored")?;
    let updated = p.dates("_lastUpdated")?;
    let questionnaire = p.get("questionnaire");
    let rows = rapport_app::measures::responses(&state, &me, &patient, "QuestionnaireResponse search via FHIR").await?;
    let matching: Vec<Value> = rows
        .iter()
        .filter(|r| all_hold(&authored, r.completed_at) && all_hold(&updated, r.created_at))
        .filter_map(|r| {
            let inst = state.instruments.get(&r.instrument_id);
            let qr = map::questionnaire_response(inst, r);
            let canonical = qr["questionnaire"].as_str().unwrap_or("");
            let wanted = questionnaire.is_none_or(|q| q == canonical || canonical.split('|').next() == Some(q));
            wanted.then_some(qr)
        })
        .collect();
    let (entries, page) = p.window(matching);
    // The questionnaires the page's responses answer (definitions: no client data).
    let included = if include {
        let canonicals: Vec<&str> = entries.iter().filter_map(|qr| qr["questionnaire"].as_str()).collect();
        state
            .instruments
            .all()
            .filter(|i| canonicals.contains(&map::questionnaire_canonical(i).as_str()))
            .map(map::questionnaire)
            .collect()
    } else {
        Vec::new()
    };
    Ok(bundle_including(&base_url(&state, &headers), "QuestionnaireResponse", &page, entries, included))
}

pub async fn read_observation(
    State(state): State<AppState>,
    FhirCaller(me): FhirCaller,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> FhirResult<Response> {
    let response = map::observation_response_id(&id).ok_or_else(Outcome::not_found)?;
    let (row, _) = rapport_app::measures::read_response(&state, &me, response, "Observation via FHIR").await?;
    let obs = map::observation(state.instruments.get(&row.instrument_id), &row, &id).ok_or_else(Outcome::not_found)?;
    Ok(resource_ok(&headers, obs))
}

/// The Observations extracted from one patient's responses (total, panel,
/// questions), oldest response first.
pub async fn search_observations(
    State(state): State<AppState>,
    FhirCaller(me): FhirCaller,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> FhirResult<Response> {
    let p = Params::parse(q.as_deref(), &["patient", "subject", "code", "date", "_lastUpdated", "_include"])?;
    let include = p.includes("Observation:patient", "Patient")?;
    let patient = required_patient(&p)?;
    let dates = p.dates("date")?;
    let updated = p.dates("_lastUpdated")?;
    // `code=a,b` is either; repeating `code` needs each (so only one can match).
    let codes: Vec<Vec<&str>> = p.all("code").into_iter().map(|c| c.split(',').collect()).collect();
    let rows = rapport_app::measures::responses(&state, &me, &patient, "Observation search via FHIR").await?;
    let matching: Vec<Value> = rows
        .iter()
        .filter(|r| all_hold(&dates, r.completed_at) && all_hold(&updated, r.created_at))
        .flat_map(|r| map::coded_observations(state.instruments.get(&r.instrument_id), r, &codes))
        .collect();
    let (entries, page) = p.window(matching);
    let included = included_patient(&state, &me, include && !entries.is_empty(), &patient).await?;
    Ok(bundle_including(&base_url(&state, &headers), "Observation", &page, entries, included))
}

// ---------------------------------------------------------------- Flag

pub async fn read_flag(
    State(state): State<AppState>,
    FhirCaller(me): FhirCaller,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> FhirResult<Response> {
    let (flag, _) = rapport_app::risk::read_flag(&state, &me, &id).await?;
    let inst = flag.instrument_id.as_deref().and_then(|i| state.instruments.get(i));
    Ok(resource_ok(&headers, map::flag(&flag, inst)))
}

/// Risk flags of one patient (newest first), or of every client the caller
/// may see (oldest first) when no patient is named.
pub async fn search_flags(
    State(state): State<AppState>,
    FhirCaller(me): FhirCaller,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> FhirResult<Response> {
    let p = Params::parse(q.as_deref(), &["patient", "subject", "status", "_lastUpdated"])?;
    let status = match p.get("status") {
        None => None,
        Some(s @ ("active" | "inactive")) => Some(s == "active"),
        Some(other) => return Err(Outcome::bad("status", format!("status must be active or inactive; got {other:?}"))),
    };
    let updated = p.dates("_lastUpdated")?;
    let flags = match p.patient()? {
        Some(patient) => rapport_app::risk::client_flags(&state, &me, &patient, VIA).await?.0,
        None => rapport_app::risk::visible_flags(&state, &me, None, VIA).await?,
    };
    let matching: Vec<Value> = flags
        .iter()
        .filter(|f| status.is_none_or(|active| (f.status != rapport_core::risk::FlagStatus::Closed) == active))
        .filter(|f| all_hold(&updated, map::flag_last_updated(f)))
        .map(|f| map::flag(f, f.instrument_id.as_deref().and_then(|i| state.instruments.get(i))))
        .collect();
    let (entries, page) = p.window(matching);
    Ok(bundle(&base_url(&state, &headers), "Flag", &page, entries))
}

// ---------------------------------------------------------------- RiskAssessment

pub async fn read_risk_assessment(
    State(state): State<AppState>,
    FhirCaller(me): FhirCaller,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> FhirResult<Response> {
    let (assessment, flag) = rapport_app::risk::read_assessment(&state, &me, &id, VIA).await?;
    Ok(resource_ok(&headers, map::risk_assessment(&assessment, &flag)))
}

/// The structured risk assessments of one patient, newest flag first.
pub async fn search_risk_assessments(
    State(state): State<AppState>,
    FhirCaller(me): FhirCaller,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> FhirResult<Response> {
    let p = Params::parse(q.as_deref(), &["patient", "subject", "_lastUpdated"])?;
    let patient = required_patient(&p)?;
    let updated = p.dates("_lastUpdated")?;
    let matching: Vec<Value> = rapport_app::risk::client_assessments(&state, &me, &patient, VIA)
        .await?
        .iter()
        .filter(|(a, _)| all_hold(&updated, a.assessed_at))
        .map(|(a, f)| map::risk_assessment(a, f))
        .collect();
    let (entries, page) = p.window(matching);
    Ok(bundle(&base_url(&state, &headers), "RiskAssessment", &page, entries))
}

// ---------------------------------------------------------------- EpisodeOfCare and Encounter

fn course_resource(cx: &CourseContext) -> Value {
    let clinician =
        map::practitioner_reference(&cx.client.responsible_clinician_id, &cx.client.responsible_clinician_name);
    map::episode_of_care(&cx.course, &cx.protocol.name, clinician)
}

pub async fn read_episode(
    State(state): State<AppState>,
    FhirCaller(me): FhirCaller,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> FhirResult<Response> {
    let cx = course_for(&state, &me, &id, Purpose::AuditRead).await?;
    Ok(resource_ok(&headers, course_resource(&cx)))
}

/// The courses of one patient, newest first.
pub async fn search_episodes(
    State(state): State<AppState>,
    FhirCaller(me): FhirCaller,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> FhirResult<Response> {
    let p = Params::parse(q.as_deref(), &["patient", "_lastUpdated", "_include"])?;
    let include = p.includes("EpisodeOfCare:patient", "Patient")?;
    let patient = required_patient(&p)?;
    let updated = p.dates("_lastUpdated")?;
    let courses = rapport_app::courses::of_client(&state, &me, &patient).await?;
    let matching: Vec<Value> =
        courses.iter().filter(|cx| all_hold(&updated, cx.course.updated_at)).map(course_resource).collect();
    let (entries, page) = p.window(matching);
    let included = included_patient(&state, &me, include && !entries.is_empty(), &patient).await?;
    Ok(bundle_including(&base_url(&state, &headers), "EpisodeOfCare", &page, entries, included))
}

pub async fn read_encounter(
    State(state): State<AppState>,
    FhirCaller(me): FhirCaller,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> FhirResult<Response> {
    let sx = session_for(&state, &me, None, &id).await?;
    log_session_read(&state, &me, &sx, None, "Encounter via FHIR").await?;
    Ok(resource_ok(&headers, map::encounter(&sx.s.session, &rapport_app::clock::zone())))
}

/// The sessions of one patient (or of one course), in date order.
pub async fn search_encounters(
    State(state): State<AppState>,
    FhirCaller(me): FhirCaller,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> FhirResult<Response> {
    let p = Params::parse(q.as_deref(), &["patient", "subject", "episode-of-care", "date", "_lastUpdated"])?;
    let dates = p.dates("date")?;
    let updated = p.dates("_lastUpdated")?;
    let courses = match (p.patient()?, p.get("episode-of-care")) {
        (_, Some(course)) => {
            let id = course.rsplit('/').next().unwrap_or(course);
            vec![course_for(&state, &me, id, Purpose::AuditRead).await?]
        }
        (Some(patient), None) => rapport_app::courses::of_client(&state, &me, &patient).await?,
        (None, None) => {
            return Err(Outcome::bad("patient", "Name the patient (patient=Patient/<id>) or the episode-of-care."))
        }
    };
    let zone = rapport_app::clock::zone();
    let mut sessions: Vec<_> = courses.iter().flat_map(|cx| cx.sessions.iter().map(|n| &n.session)).collect();
    sessions.sort_by(|a, b| (a.date, &a.time, &a.id).cmp(&(b.date, &b.time, &b.id)));
    let matching: Vec<Value> = sessions
        .into_iter()
        .filter(|s| {
            let day = rapport_core::Timestamp::from_datetime(s.date.midnight().assume_utc());
            all_hold(&dates, day) && all_hold(&updated, s.created_at)
        })
        .map(|s| map::encounter(s, &zone))
        .collect();
    let (entries, page) = p.window(matching);
    Ok(bundle(&base_url(&state, &headers), "Encounter", &page, entries))
}

// ---------------------------------------------------------------- Condition and CodeSystem

/// The problem areas of one course's formulation, as Conditions; the read is audited.
async fn course_conditions(state: &AppState, me: &Identity, cx: &CourseContext) -> FhirResult<Vec<Value>> {
    let Some(f) = rapport_app::formulation::formulation_of(state, cx).await? else {
        return Ok(Vec::new());
    };
    rapport_app::formulation::audit_read(state, me, cx, "formulation", Some(&f.id), "problem areas via FHIR".into())
        .await?;
    Ok(f.body.problem_areas.iter().map(|a| map::condition(&cx.course, a, cx.protocol.area_label(a), &f)).collect())
}

pub async fn read_condition(
    State(state): State<AppState>,
    FhirCaller(me): FhirCaller,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> FhirResult<Response> {
    // `<course id>-<area>`: a course id is a 36-character UUID.
    let (course, _) =
        id.split_at_checked(36).filter(|(_, rest)| rest.starts_with('-')).ok_or_else(Outcome::not_found)?;
    let cx = course_for(&state, &me, course, Purpose::Write).await?;
    let found = course_conditions(&state, &me, &cx).await?.into_iter().find(|c| c["id"] == id.as_str());
    Ok(resource_ok(&headers, found.ok_or_else(Outcome::not_found)?))
}

/// The problem areas of one patient's courses.
pub async fn search_conditions(
    State(state): State<AppState>,
    FhirCaller(me): FhirCaller,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> FhirResult<Response> {
    let p = Params::parse(q.as_deref(), &["patient", "subject", "code", "_lastUpdated"])?;
    let patient = required_patient(&p)?;
    let updated = p.dates("_lastUpdated")?;
    let code = p.get("code").map(|c| c.rsplit('|').next().unwrap_or(c));
    let mut all = Vec::new();
    for cx in rapport_app::courses::of_client(&state, &me, &patient).await? {
        all.extend(course_conditions(&state, &me, &cx).await?);
    }
    let matching: Vec<Value> = all
        .into_iter()
        .filter(|c| code.is_none_or(|code| c["code"]["coding"][0]["code"] == code))
        .filter(|c| {
            let at = c["meta"]["lastUpdated"].as_str().and_then(rapport_core::Timestamp::parse);
            updated.is_empty() || at.is_some_and(|t| all_hold(&updated, t))
        })
        .collect();
    let (entries, page) = p.window(matching);
    Ok(bundle(&base_url(&state, &headers), "Condition", &page, entries))
}

pub async fn read_code_system(
    FhirCaller(_): FhirCaller,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> FhirResult<Response> {
    if id != map::PROBLEM_AREA_SYSTEM_ID {
        return Err(Outcome::not_found());
    }
    Ok(resource_ok(&headers, map::problem_area_code_system()))
}

// ---------------------------------------------------------------- Practitioner and Organization

pub async fn read_practitioner(
    State(state): State<AppState>,
    FhirCaller(me): FhirCaller,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> FhirResult<Response> {
    let user = rapport_app::admin::staff_member(&state, &me, &id).await?;
    Ok(resource_ok(&headers, map::practitioner(&user)))
}

pub async fn read_organization(
    State(state): State<AppState>,
    FhirCaller(_): FhirCaller,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> FhirResult<Response> {
    if id != map::ORGANISATION_ID {
        return Err(Outcome::not_found());
    }
    let org = state.organisation().await.map_err(|e| Outcome::from(crate::error::AppError::from(e)))?;
    Ok(resource_ok(&headers, map::organization(&org.name, &org.country)))
}
