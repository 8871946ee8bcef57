//! `POST /fhir/r4/QuestionnaireResponse`: a response to a shipped instrument,
//! read element by element (every problem names the element, e.g.
//! `item[3].answer[0]`), then handed to THE response pipeline
//! (`rapport_app::responses::record`), which scores it, raises risk flags and
//! audits it exactly as on every other path. Nothing is stored when it is refused.

use super::map::{self, LOINC};
use super::wire::{base_url, resource, FhirCaller, FhirResult, Outcome};
use crate::error::AppError;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use rapport_app::access::{client_for, Purpose};
use rapport_app::responses::{self, CourseChoice, Recording, Submission};
use rapport_app::AppState;
use rapport_core::audit::action;
use rapport_core::measures::definition::{Instrument, Item};
use rapport_core::{Timestamp, ValidationErrors};
use rapport_store::measures::Mode;
use serde_json::{Map, Value};

/// The elements a QuestionnaireResponse may carry here; the ones Rapport does
/// not keep (`id`, `meta`, `text`, `identifier`, ...) are accepted and not stored.
const ELEMENTS: [&str; 17] = [
    "resourceType",
    "id",
    "meta",
    "implicitRules",
    "language",
    "text",
    "contained",
    "extension",
    "modifierExtension",
    "identifier",
    "basedOn",
    "partOf",
    "questionnaire",
    "status",
    "subject",
    "encounter",
    "authored",
];
const MORE_ELEMENTS: [&str; 3] = ["author", "source", "item"];

/// Where each question of the instrument was answered in the posted `item` list.
struct Answers {
    scored: Vec<Option<i64>>,
    unscored: Option<Vec<Option<i64>>>,
    /// Posted position of each scored, then unscored, question.
    position: Vec<Option<usize>>,
}

pub async fn create_response(
    State(state): State<AppState>,
    FhirCaller(me): FhirCaller,
    headers: HeaderMap,
    body: Bytes,
) -> FhirResult<Response> {
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let mime = content_type.split(';').next().unwrap_or("").trim();
    if !matches!(mime, "application/fhir+json" | "application/json") {
        return Err(AppError::UnsupportedMediaType("Send application/fhir+json (or application/json).".into()).into());
    }
    let v: Value = serde_json::from_slice(&body)
        .map_err(|e| Outcome::bad("QuestionnaireResponse", format!("The body is not valid JSON: {e}")))?;
    let Value::Object(qr) = v else {
        return Err(Outcome::bad("QuestionnaireResponse", "The body must be a JSON object."));
    };
    if qr.get("resourceType").and_then(Value::as_str) != Some("QuestionnaireResponse") {
        return Err(Outcome::bad("resourceType", "resourceType must be QuestionnaireResponse."));
    }
    if let Some(k) = qr.keys().find(|k| !ELEMENTS.contains(&k.as_str()) && !MORE_ELEMENTS.contains(&k.as_str())) {
        return Err(Outcome::bad(k, format!("{k} is not an element of QuestionnaireResponse.")));
    }
    if qr.get("modifierExtension").and_then(Value::as_array).is_some_and(|a| !a.is_empty()) {
        return Err(Outcome::invalid("modifierExtension", "Modifier extensions are not understood here."));
    }
    let inst = questionnaire_of(&state, &qr)?;
    match qr.get("status").and_then(Value::as_str) {
        Some("completed" | "in-progress") => {}
        Some(other) => {
            return Err(Outcome::invalid("status", format!("status must be completed or in-progress; got {other:?}")))
        }
        None => return Err(Outcome::invalid("status", "status is required (completed or in-progress).")),
    }
    let patient = qr
        .get("subject")
        .and_then(|s| s.get("reference"))
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix("Patient/"))
        .ok_or_else(|| Outcome::invalid("subject.reference", "subject must reference the patient: Patient/<id>."))?;
    let completed_at = authored(&qr)?;
    let answers = read_items(inst, qr.get("item"))?;
    let (client, _) = client_for(&state, &me, patient, Purpose::Write).await?;
    let position = answers.position;
    let sub = Submission {
        client: &client.id,
        instrument: inst,
        answers: answers.scored,
        unscored: answers.unscored,
        band_set: None,
        mode: Mode::OnBehalf,
        course: CourseChoice::ByDate,
        completed_at,
        entered_by: Some(me.user.id.clone()),
        event: me.event(action::MEASURE_RECORD, "measure_response"),
        via: "FHIR",
        link: None,
    };
    let recorded = match responses::record(&state, sub).await {
        Ok(Recording::Recorded(r)) => r,
        Ok(Recording::LinkRefused) => return Err(AppError::internal("no link on a FHIR response").into()),
        Err(rapport_app::Error::Invalid(errors)) => {
            let scored = inst.items.len();
            return Err(AppError::Invalid(fhir_fields(errors, &position, scored)).into());
        }
        Err(e) => return Err(e.into()),
    };
    let (row, _) = rapport_app::measures::read_response(
        &state,
        &me,
        recorded.id.as_str(),
        "QuestionnaireResponse returned after its creation via FHIR",
    )
    .await?;
    let body = map::questionnaire_response(Some(inst), &row);
    let mut resp = resource(&headers, StatusCode::CREATED, &body);
    let location = format!("{}/QuestionnaireResponse/{}/_history/1", base_url(&state, &headers), row.id);
    if let Ok(v) = HeaderValue::from_str(&location) {
        resp.headers_mut().insert(header::LOCATION, v);
    }
    Ok(resp)
}

/// The shipped instrument named by `questionnaire` (`url` or `url|version`).
fn questionnaire_of<'a>(state: &'a AppState, qr: &Map<String, Value>) -> FhirResult<&'a Instrument> {
    let Some(canonical) = qr.get("questionnaire").and_then(Value::as_str) else {
        return Err(Outcome::invalid(
            "questionnaire",
            "questionnaire is required: the canonical URL of the instrument.",
        ));
    };
    let (url, version) = match canonical.split_once('|') {
        Some((u, v)) => (u, Some(v)),
        None => (canonical, None),
    };
    let inst = state.instruments.all().find(|i| map::questionnaire_url(i) == url).ok_or_else(|| {
        Outcome::invalid(
            "questionnaire",
            format!("{url} is not a questionnaire of this server; see GET /fhir/r4/Questionnaire."),
        )
    })?;
    if let Some(v) = version.filter(|v| *v != inst.version) {
        return Err(Outcome::invalid(
            "questionnaire",
            format!("Version {v} of {} is not served; this server has version {}.", inst.short_name, inst.version),
        ));
    }
    Ok(inst)
}

/// When it was completed: `authored` (a date and time with its zone, or a
/// day), else now.
fn authored(qr: &Map<String, Value>) -> FhirResult<Timestamp> {
    let Some(v) = qr.get("authored") else {
        return Ok(Timestamp::now());
    };
    let bad = || Outcome::invalid("authored", "authored must be a date (2026-03-02) or a date and time with its zone.");
    let s = v.as_str().ok_or_else(bad)?;
    if let Some(d) = rapport_core::time::parse_date(s) {
        let now = Timestamp::now();
        return Ok(responses::taken_on(d, now, now.date()));
    }
    Timestamp::parse(s).filter(|_| s.contains('T')).ok_or_else(bad)
}

/// Reads the posted items into the pipeline's answers (option codes; `None`
/// for a question not answered).
fn read_items(inst: &Instrument, items: Option<&Value>) -> FhirResult<Answers> {
    let questions: Vec<&Item> = inst.items.iter().chain(inst.unscored_items.iter()).collect();
    let mut codes: Vec<Option<i64>> = vec![None; questions.len()];
    let mut position: Vec<Option<usize>> = vec![None; questions.len()];
    let list = match items {
        None => Vec::new(),
        Some(Value::Array(l)) => l.clone(),
        Some(_) => return Err(Outcome::bad("item", "item must be a list.")),
    };
    for (i, it) in list.iter().enumerate() {
        let at = |what: &str| format!("item[{i}]{what}");
        let Some(link) = it.get("linkId").and_then(Value::as_str) else {
            return Err(Outcome::bad(&at(".linkId"), "Each item needs its linkId."));
        };
        let Some(q) = questions.iter().position(|q| q.id == link) else {
            return Err(Outcome::invalid(
                &at(".linkId"),
                format!("{link:?} is not a question of {}.", inst.short_name),
            ));
        };
        if position[q].is_some() {
            return Err(Outcome::invalid(&at(".linkId"), format!("{link:?} is answered twice.")));
        }
        position[q] = Some(i);
        if it.get("item").is_some() {
            return Err(Outcome::invalid(&at(".item"), format!("{} has no nested questions.", inst.short_name)));
        }
        let answers = match it.get("answer") {
            None => continue,
            Some(Value::Array(a)) => a,
            Some(_) => return Err(Outcome::bad(&at(".answer"), "answer must be a list.")),
        };
        match answers.as_slice() {
            [] => {}
            [one] => {
                codes[q] = Some(option_code(inst, questions[q], one).ok_or_else(|| {
                    Outcome::invalid(
                        &at(".answer[0]"),
                        format!(
                            "Not one of the options of question {} (see the Questionnaire's answerOption).",
                            questions[q].number
                        ),
                    )
                })?)
            }
            _ => return Err(Outcome::invalid(&at(".answer"), "Each question takes one answer.")),
        }
    }
    let scored_len = inst.items.len();
    let unscored = (!inst.unscored_items.is_empty()).then(|| codes[scored_len..].to_vec());
    Ok(Answers { scored: codes[..scored_len].to_vec(), unscored, position })
}

/// The option code an answer names: a `valueCoding` (its LOINC answer code,
/// or the instrument's own code), or a `valueInteger` option code.
fn option_code(inst: &Instrument, item: &Item, answer: &Value) -> Option<i64> {
    let options = inst.options_for(item);
    if let Some(n) = answer.get("valueInteger").and_then(Value::as_i64) {
        return options.iter().find(|o| o.code == n).map(|o| o.code);
    }
    let coding = answer.get("valueCoding")?;
    let code = coding.get("code").and_then(Value::as_str)?;
    let system = coding.get("system").and_then(Value::as_str);
    let own = map::answer_system(inst);
    options
        .iter()
        .find(|o| match system {
            Some(LOINC) => o.loinc.as_deref() == Some(code),
            Some(s) if s == own => o.code.to_string() == code,
            Some(_) => false,
            None => o.loinc.as_deref() == Some(code) || o.code.to_string() == code,
        })
        .map(|o| o.code)
}

/// The pipeline's field names as FHIR elements: `answers[i]` is the posted
/// item of scored question i (`item` when it was not posted), `completed_at`
/// is `authored`.
fn fhir_fields(errors: ValidationErrors, position: &[Option<usize>], scored: usize) -> ValidationErrors {
    let element = |q: usize| match position.get(q).copied().flatten() {
        Some(i) => format!("item[{i}].answer"),
        None => "item".to_string(),
    };
    ValidationErrors(
        errors
            .0
            .into_iter()
            .map(|mut e| {
                let index = |prefix: &str| {
                    e.field.strip_prefix(prefix).and_then(|r| r.strip_suffix(']')).and_then(|n| n.parse::<usize>().ok())
                };
                e.field = if let Some(q) = index("answers[") {
                    element(q)
                } else if let Some(q) = index("unscored_answers[") {
                    element(scored + q)
                } else {
                    match e.field.as_str() {
                        "completed_at" => "authored".into(),
                        "answers" | "unscored_answers" => "item".into(),
                        other => other.to_string(),
                    }
                };
                e
            })
            .collect(),
    )
}
