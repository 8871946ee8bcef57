//! Rapport records as FHIR R4 JSON (pure: no I/O). The mapping follows
//! `docs/fhir.md`: a client is a `Patient`, an instrument version a
//! `Questionnaire`, a stored response a `QuestionnaireResponse` and, when it
//! has a total, one total-score `Observation`; a risk flag is a `Flag`.
//! Clinical resources carry the sensitivity labels BH (behavioural health)
//! and R (restricted), set here and never taken from a client.

use rapport_core::access::Role;
use rapport_core::audit::AuditEntry;
use rapport_core::course::{Attendance, CourseStatus, Modality};
use rapport_core::formulation::Formulation;
use rapport_core::goals::{Goal, GoalStatus};
use rapport_core::measures::definition::{AnswerOption, Instrument, Item};
use rapport_core::protocol::Frequency;
use rapport_core::risk::{FlagStatus, RiskLevel};
use rapport_core::zone::Zone;
use rapport_core::Timestamp;
use rapport_store::clients::{CareTeamMember, ClientRecord};
use rapport_store::courses::{CourseRecord, TherapySession};
use rapport_store::measures::{AssessmentRow, ResponseRow, RiskFlagRow};
use rapport_store::records::Record;
use rapport_store::users::User;
use serde_json::{json, Value};
use std::borrow::Cow;

/// Rapport's canonical base: an identifier for the definitions Rapport
/// publishes (questionnaires, code systems), the same on every server.
pub const CANONICAL: &str = "https://rapport-ipt.org/fhir";
pub const LOINC: &str = "http://loinc.org";
const UCUM: &str = "http://unitsofmeasure.org";
const ORDINAL_VALUE: &str = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
/// On a QuestionnaireResponse: an Observation extracted from it (its total score).
pub const EXTRACTED_OBSERVATION: &str = "https://rapport-ipt.org/fhir/StructureDefinition/extracted-observation";
const ACT_CODE: &str = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
const CONFIDENTIALITY: &str = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";

/// An instant as FHIR writes it (UTC, microseconds).
pub fn instant(t: Timestamp) -> String {
    t.to_db()
}

/// Behavioural health, restricted: every resource about a client.
fn clinical_labels() -> Value {
    json!([
        { "system": ACT_CODE, "code": "BH", "display": "behavioral health information sensitivity" },
        { "system": CONFIDENTIALITY, "code": "R", "display": "restricted" }
    ])
}

fn meta(version: impl ToString, last_updated: Timestamp) -> Value {
    json!({ "versionId": version.to_string(), "lastUpdated": instant(last_updated), "security": clinical_labels() })
}

pub fn practitioner_reference(id: &rapport_core::Id, name: &str) -> Value {
    json!({ "reference": format!("Practitioner/{id}"), "display": name })
}

pub fn patient_reference(id: &str) -> Value {
    json!({ "reference": format!("Patient/{id}") })
}

/// A FHIR `date`: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (anything else is left out).
fn fhir_date(s: &str) -> Option<&str> {
    let ok = matches!(s.len(), 4 | 7 | 10)
        && s.chars().enumerate().all(|(i, c)| if i == 4 || i == 7 { c == '-' } else { c.is_ascii_digit() });
    ok.then_some(s)
}

pub fn patient(c: &ClientRecord) -> Value {
    let d = &c.details;
    let mut p = json!({
        "resourceType": "Patient",
        "id": c.id.as_str(),
        "meta": meta(c.version, c.updated_at),
        "active": c.archived_at.is_none(),
        "name": [{ "use": "usual", "text": d.display_name }],
    });
    if let Some(legal) = d.legal_name.as_deref().filter(|s| !s.is_empty()) {
        p["name"].as_array_mut().expect("array").push(json!({ "use": "official", "text": legal }));
    }
    if !d.external_ids.is_empty() {
        p["identifier"] = d.external_ids.iter().map(|x| json!({ "system": x.system, "value": x.value })).collect();
    }
    if let Some(b) = d.date_of_birth.as_deref().and_then(fhir_date) {
        p["birthDate"] = json!(b);
    }
    let mut telecom = Vec::new();
    if let Some(e) = d.email.as_deref().filter(|s| !s.is_empty()) {
        telecom.push(json!({ "system": "email", "value": e }));
    }
    if let Some(ph) = d.phone.as_deref().filter(|s| !s.is_empty()) {
        telecom.push(json!({ "system": "phone", "value": ph }));
    }
    if !telecom.is_empty() {
        p["telecom"] = Value::Array(telecom);
    }
    if let Some(a) = d.address.as_deref().filter(|s| !s.is_empty()) {
        p["address"] = json!([{ "text": a }]);
    }
    if let Some(l) = d.preferred_language.as_deref().filter(|s| !s.is_empty()) {
        p["communication"] = json!([{ "language": { "text": l }, "preferred": true }]);
    }
    if let Some(name) = d.emergency_contact_name.as_deref().filter(|s| !s.is_empty()) {
        let mut contact = json!({ "name": { "text": name } });
        if let Some(r) = d.emergency_contact_relationship.as_deref().filter(|s| !s.is_empty()) {
            contact["relationship"] = json!([{ "text": r }]);
        }
        if let Some(ph) = d.emergency_contact_phone.as_deref().filter(|s| !s.is_empty()) {
            contact["telecom"] = json!([{ "system": "phone", "value": ph }]);
        }
        p["contact"] = json!([contact]);
    }
    p["generalPractitioner"] =
        json!([practitioner_reference(&c.responsible_clinician_id, &c.responsible_clinician_name)]);
    p["managingOrganization"] = json!({ "reference": format!("Organization/{ORGANISATION_ID}") });
    p
}

/// `phq9` version `1` is `phq9-v1`; `qids_sr16` is `qids-sr16-v1` (FHIR ids have no `_`).
pub fn questionnaire_id(inst: &Instrument) -> String {
    format!("{}-v{}", inst.id.replace('_', "-"), inst.version)
}

pub fn questionnaire_url(inst: &Instrument) -> String {
    format!("{CANONICAL}/Questionnaire/{}", inst.id)
}

/// `url|version`, as a QuestionnaireResponse names its questionnaire.
pub fn questionnaire_canonical(inst: &Instrument) -> String {
    format!("{}|{}", questionnaire_url(inst), inst.version)
}

/// The code system of an instrument's own answer codes (for options without a LOINC answer code).
pub fn answer_system(inst: &Instrument) -> String {
    format!("{CANONICAL}/CodeSystem/{}-answers", inst.id)
}

/// An option as a Coding: its LOINC answer code when it has one, else the
/// instrument's answer code. `display` is the shipped label.
pub fn option_coding(inst: &Instrument, o: &AnswerOption) -> Value {
    match &o.loinc {
        Some(code) => json!({ "system": LOINC, "code": code, "display": o.label }),
        None => json!({ "system": answer_system(inst), "code": o.code.to_string(), "display": o.label }),
    }
}

/// The score an option gives the item, after reverse scoring.
fn item_score(inst: &Instrument, item: &Item, o: &AnswerOption) -> i64 {
    if !item.reverse {
        return o.score;
    }
    let scores: Vec<i64> = inst.options_for(item).iter().map(|x| x.score).collect();
    let (lo, hi) = (scores.iter().min().copied().unwrap_or(0), scores.iter().max().copied().unwrap_or(0));
    lo + hi - o.score
}

fn question(inst: &Instrument, item: &Item, scored: bool) -> Value {
    let text =
        if inst.text_placeholder { format!("{} item {}", inst.short_name, item.number) } else { item.text.clone() };
    let options: Vec<Value> = inst
        .options_for(item)
        .iter()
        .map(|o| {
            let mut coding = option_coding(inst, o);
            if inst.text_placeholder && o.loinc.is_none() {
                coding["display"] = json!(format!("Option {}", o.code));
            }
            if scored {
                coding["extension"] = json!([{ "url": ORDINAL_VALUE, "valueDecimal": item_score(inst, item, o) }]);
            }
            json!({ "valueCoding": coding })
        })
        .collect();
    let mut q = json!({
        "linkId": item.id,
        "prefix": format!("{}.", item.number),
        "text": text,
        "type": "choice",
        "required": false,
        "answerOption": options,
    });
    if let Some(code) = &item.loinc {
        q["code"] = json!([{ "system": LOINC, "code": code }]);
    }
    q
}

/// An instrument version. Licensed instruments (text not shipped) carry
/// neutral placeholders ("EPDS item 10") and say so in `copyright`.
pub fn questionnaire(inst: &Instrument) -> Value {
    let mut items: Vec<Value> = inst.items.iter().map(|it| question(inst, it, true)).collect();
    items.extend(inst.unscored_items.iter().map(|it| question(inst, it, false)));
    let mut copyright = inst.licence.terms.clone();
    if let Some(a) = &inst.attribution {
        copyright = format!("{a} {copyright}");
    }
    if inst.text_placeholder {
        copyright.push_str(" Item text is not distributed with Rapport; a licensed site imports it.");
    }
    let mut q = json!({
        "resourceType": "Questionnaire",
        "id": questionnaire_id(inst),
        "meta": { "versionId": inst.version },
        "url": questionnaire_url(inst),
        "version": inst.version,
        "name": inst.id.to_uppercase(),
        "title": inst.name,
        "status": "active",
        "subjectType": ["Patient"],
        "copyright": copyright,
        "item": items,
    });
    if let Some(panel) = &inst.loinc.panel {
        q["code"] = json!([{ "system": LOINC, "code": panel, "display": inst.name }]);
    }
    if let Some(i) = &inst.instructions {
        q["description"] = json!(i);
    }
    q
}

/// The id of a response's total-score Observation.
pub fn total_observation_id(response: &str) -> String {
    format!("{response}-total")
}

/// The code of an instrument's total: LOINC where `measures.md` gives one,
/// else Rapport's own (`phq9-total` in the instrument's score system).
fn total_code<'a>(inst: Option<&'a Instrument>, instrument_id: &str) -> Code<'a> {
    match inst.and_then(|i| i.loinc.total.as_deref()) {
        Some(code) => Code::new(LOINC, code),
        None => Code::new(format!("{CANONICAL}/CodeSystem/scores"), format!("{instrument_id}-total")),
    }
}

/// [`total_code`] as a Coding, with the instrument's name for the score.
pub fn total_coding(inst: Option<&Instrument>, instrument_id: &str) -> Value {
    let display =
        inst.map(|i| format!("{} total score", i.short_name)).unwrap_or_else(|| format!("{instrument_id} total score"));
    let mut coding = total_code(inst, instrument_id).coding();
    coding["display"] = json!(display);
    coding
}

/// A stored response. Unanswered questions are left out; a response with a
/// question left blank is `stopped` (partially answered, then sent).
pub fn questionnaire_response(inst: Option<&Instrument>, r: &ResponseRow) -> Value {
    let url = inst
        .map(questionnaire_canonical)
        .unwrap_or_else(|| format!("{CANONICAL}/Questionnaire/{}|{}", r.instrument_id, r.instrument_version));
    let blank = r.answers.iter().any(Option::is_none);
    let mut qr = json!({
        "resourceType": "QuestionnaireResponse",
        "id": r.id.as_str(),
        "meta": meta(1, r.created_at),
        "questionnaire": url,
        "status": if blank { "stopped" } else { "completed" },
        "subject": patient_reference(r.client_id.as_str()),
        "authored": instant(r.completed_at),
    });
    if matches!(r.mode.as_str(), "portal" | "link") {
        qr["author"] = patient_reference(r.client_id.as_str());
        qr["source"] = patient_reference(r.client_id.as_str());
    }
    if let Some(inst) = inst {
        let mut items = Vec::new();
        let extras = r.unscored_answers.clone().unwrap_or_default();
        let answered = inst
            .items
            .iter()
            .zip(r.answers.iter().copied())
            .chain(inst.unscored_items.iter().zip(extras.iter().copied()));
        for (item, code) in answered {
            let Some(code) = code else { continue };
            let Some(o) = inst.options_for(item).iter().find(|o| o.code == code) else { continue };
            let mut coding = option_coding(inst, o);
            if inst.text_placeholder && o.loinc.is_none() {
                coding["display"] = json!(format!("Option {}", o.code));
            }
            items.push(json!({ "linkId": item.id, "answer": [{ "valueCoding": coding }] }));
        }
        if !items.is_empty() {
            qr["item"] = Value::Array(items);
        }
    }
    let extracted: Vec<Value> = observation_ids(inst, r)
        .into_iter()
        .map(|id| json!({ "url": EXTRACTED_OBSERVATION, "valueReference": { "reference": format!("Observation/{id}") } }))
        .collect();
    if !extracted.is_empty() {
        qr["extension"] = Value::Array(extracted);
    }
    qr
}

/// The id of a response's panel Observation.
pub fn panel_observation_id(response: &str) -> String {
    format!("{response}-panel")
}

/// The id of the Observation of one answered question (`<response>-item-self-harm`).
pub fn item_observation_id(response: &str, item: &Item) -> String {
    format!("{response}-item-{}", item.id.replace('_', "-"))
}

/// The answered questions of a response, scored ones first, with their option
/// and whether the question is scored.
fn answered_items<'a>(inst: &'a Instrument, r: &ResponseRow) -> Vec<(&'a Item, &'a AnswerOption, bool)> {
    let extras = r.unscored_answers.clone().unwrap_or_default();
    let scored = inst.items.iter().zip(r.answers.iter().copied()).map(|(i, a)| (i, a, true));
    let unscored = inst.unscored_items.iter().zip(extras).map(|(i, a)| (i, a, false));
    scored
        .chain(unscored)
        .filter_map(|(item, code, scored)| {
            let o = inst.options_for(item).iter().find(|o| Some(o.code) == code)?;
            Some((item, o, scored))
        })
        .collect()
}

/// The system and code of the one Coding in an extracted Observation's
/// `code`: all a `code` search compares, so it can be decided before the
/// Observation is built.
struct Code<'a> {
    system: Cow<'a, str>,
    code: Cow<'a, str>,
}

impl<'a> Code<'a> {
    fn new(system: impl Into<Cow<'a, str>>, code: impl Into<Cow<'a, str>>) -> Code<'a> {
        Code { system: system.into(), code: code.into() }
    }

    fn coding(&self) -> Value {
        json!({ "system": self.system, "code": self.code })
    }

    /// Whether every group of `codes` has a value this code matches (a group
    /// is one `code` parameter, `code=a,b`: either will do).
    fn satisfies(&self, codes: &[Vec<&str>]) -> bool {
        codes.iter().all(|any| any.iter().any(|wanted| token_matches(&self.system, &self.code, wanted)))
    }
}

/// One Observation a response gives, known before it is built: enough to
/// name it, code it and build it.
#[derive(Clone, Copy)]
enum Extracted<'a> {
    /// The total score; listed only when the response has one (not withheld).
    Total { inst: Option<&'a Instrument>, total: i64 },
    /// The panel of the response's other Observations.
    Panel(&'a Instrument),
    /// One answered question and the option chosen.
    Item { inst: &'a Instrument, item: &'a Item, option: &'a AnswerOption, scored: bool },
}

/// What a response gives, in the order [`observations`] returns it: the
/// total (when not withheld), the panel, then one per answered question. A
/// response to an unknown instrument has its total only; one with no answered
/// question has no panel.
fn extracted<'a>(inst: Option<&'a Instrument>, r: &ResponseRow) -> Vec<Extracted<'a>> {
    let mut out: Vec<Extracted> = r.total.map(|total| Extracted::Total { inst, total }).into_iter().collect();
    let Some(inst) = inst else { return out };
    let items = answered_items(inst, r);
    if !items.is_empty() {
        out.push(Extracted::Panel(inst));
        let item = |(item, option, scored)| Extracted::Item { inst, item, option, scored };
        out.extend(items.into_iter().map(item));
    }
    out
}

impl Extracted<'_> {
    fn id(&self, r: &ResponseRow) -> String {
        let response = r.id.as_str();
        match self {
            Extracted::Total { .. } => total_observation_id(response),
            Extracted::Panel(_) => panel_observation_id(response),
            Extracted::Item { item, .. } => item_observation_id(response, item),
        }
    }

    fn code(&self, r: &ResponseRow) -> Code<'_> {
        match *self {
            Extracted::Total { inst, .. } => total_code(inst, &r.instrument_id),
            Extracted::Panel(inst) => panel_code(inst),
            Extracted::Item { inst, item, .. } => item_code(inst, item),
        }
    }

    /// The Observation itself; `all` is everything the response gives (the
    /// panel lists the others as members).
    fn build(&self, r: &ResponseRow, all: &[Extracted]) -> Value {
        match *self {
            Extracted::Total { inst, total } => total_observation(inst, r, total),
            Extracted::Panel(inst) => panel_observation(inst, r, all),
            Extracted::Item { inst, item, option, scored } => item_observation(inst, r, item, option, scored),
        }
    }
}

/// The ids of every Observation extracted from a response, in the order
/// [`observations`] returns them.
pub fn observation_ids(inst: Option<&Instrument>, r: &ResponseRow) -> Vec<String> {
    extracted(inst, r).iter().map(|e| e.id(r)).collect()
}

/// The panel's code: the instrument's LOINC panel, else Rapport's own (`who5-panel`).
fn panel_code(inst: &Instrument) -> Code<'_> {
    match &inst.loinc.panel {
        Some(code) => Code::new(LOINC, code.as_str()),
        None => Code::new(format!("{CANONICAL}/CodeSystem/scores"), format!("{}-panel", inst.id)),
    }
}

/// [`panel_code`] as a Coding, with the instrument's name.
pub fn panel_coding(inst: &Instrument) -> Value {
    let mut coding = panel_code(inst).coding();
    coding["display"] = json!(inst.name);
    coding
}

/// A question's code: its LOINC item code, else the instrument's own
/// (`https://rapport-ipt.org/fhir/CodeSystem/hamd17-items|mood`).
fn item_code<'a>(inst: &Instrument, item: &'a Item) -> Code<'a> {
    match &item.loinc {
        Some(code) => Code::new(LOINC, code.as_str()),
        None => Code::new(format!("{CANONICAL}/CodeSystem/{}-items", inst.id), item.id.as_str()),
    }
}

/// [`item_code`] as a CodeableConcept with the question's text. Licensed
/// instruments carry the code only, never the question's text.
fn item_concept(inst: &Instrument, item: &Item) -> Value {
    let mut coding = item_code(inst, item).coding();
    if inst.text_placeholder {
        return json!({ "coding": [coding] });
    }
    coding["display"] = json!(item.text);
    json!({ "coding": [coding], "text": item.text })
}

/// What the Observations extracted from one response share.
fn extracted_base(r: &ResponseRow, id: String, code: Value) -> Value {
    json!({
        "resourceType": "Observation",
        "id": id,
        "meta": meta(1, r.created_at),
        "status": "final",
        "category": [{ "coding": [{
            "system": "http://terminology.hl7.org/CodeSystem/observation-category",
            "code": "survey", "display": "Survey" }] }],
        "code": code,
        "subject": patient_reference(r.client_id.as_str()),
        "effectiveDateTime": instant(r.completed_at),
        "issued": instant(r.created_at),
        "derivedFrom": [{ "reference": format!("QuestionnaireResponse/{}", r.id) }],
    })
}

/// Every Observation extracted from a response (SDC pattern,
/// interop-security.md §2): the total score, the panel whose `hasMember`
/// lists the total and the question Observations, and one Observation per
/// answered question whose `valueCodeableConcept` is the chosen option (its
/// LOINC answer code where there is one, with the item score as the
/// `ordinalValue` extension for scored questions).
pub fn observations(inst: Option<&Instrument>, r: &ResponseRow) -> Vec<Value> {
    coded_observations(inst, r, &[])
}

/// The Observations of a response whose code satisfies every group of
/// `codes` (a group is one `code` search parameter, `code=a,b`: either will
/// do; no group: every Observation), in the order of [`observations`]. Only
/// those are built: the code is known beforehand, and a search names one or
/// two of a response's dozen.
pub fn coded_observations(inst: Option<&Instrument>, r: &ResponseRow, codes: &[Vec<&str>]) -> Vec<Value> {
    let all = extracted(inst, r);
    all.iter().filter(|e| e.code(r).satisfies(codes)).map(|e| e.build(r, &all)).collect()
}

/// One extracted Observation of a response by its id, if it has it (built
/// alone: a read wants one of a dozen).
pub fn observation(inst: Option<&Instrument>, r: &ResponseRow, id: &str) -> Option<Value> {
    let all = extracted(inst, r);
    all.iter().find(|e| e.id(r) == id).map(|e| e.build(r, &all))
}

/// The response an extracted Observation's id comes from (`<response>-total`,
/// `-panel`, `-item-<question>`).
pub fn observation_response_id(id: &str) -> Option<&str> {
    id.strip_suffix("-total")
        .or_else(|| id.strip_suffix("-panel"))
        .or_else(|| id.rsplit_once("-item-").map(|(r, _)| r))
        .filter(|r| !r.is_empty())
}

/// Whether a Coding's system and code match a `code` search value
/// (`system|code`, `|code` or `code`).
fn token_matches(system: &str, code: &str, wanted: &str) -> bool {
    match wanted.split_once('|') {
        Some(("", c)) => c == code,
        Some((s, c)) => s == system && c == code,
        None => wanted == code,
    }
}

/// Whether a resource's `code` matches a `code` search value (any of its Codings).
pub fn code_matches(resource: &Value, wanted: &str) -> bool {
    let codings = resource["code"]["coding"].as_array().map(Vec::as_slice).unwrap_or_default();
    codings.iter().any(|coding| {
        token_matches(coding["system"].as_str().unwrap_or(""), coding["code"].as_str().unwrap_or(""), wanted)
    })
}

/// The total-score Observation of a response, with its band as the interpretation.
fn total_observation(inst: Option<&Instrument>, r: &ResponseRow, total: i64) -> Value {
    let percent = inst.is_some_and(|i| i.scoring.multiplier != 1);
    let (unit, code) = if percent { ("%", "%") } else { ("{score}", "{score}") };
    let coding = total_coding(inst, &r.instrument_id);
    let mut o = extracted_base(r, total_observation_id(r.id.as_str()), json!({ "coding": [coding] }));
    o["valueQuantity"] = json!({ "value": total, "unit": unit, "system": UCUM, "code": code });
    if let (Some(inst), Some(band)) = (inst, r.band.as_deref()) {
        let label = inst
            .band_set(r.band_set.as_deref())
            .and_then(|s| s.bands.iter().find(|b| b.id == band))
            .map(|b| b.label.clone())
            .unwrap_or_else(|| band.to_string());
        o["interpretation"] = json!([{
            "coding": [{ "system": format!("{CANONICAL}/CodeSystem/{}-bands", inst.id), "code": band, "display": label }],
            "text": label
        }]);
    }
    o
}

/// The panel Observation: its members are the response's other Observations.
fn panel_observation(inst: &Instrument, r: &ResponseRow, all: &[Extracted]) -> Value {
    let members: Vec<Value> = all
        .iter()
        .filter(|e| !matches!(e, Extracted::Panel(_)))
        .map(|e| json!({ "reference": format!("Observation/{}", e.id(r)) }))
        .collect();
    let mut panel = extracted_base(r, panel_observation_id(r.id.as_str()), json!({ "coding": [panel_coding(inst)] }));
    panel["hasMember"] = Value::Array(members);
    panel
}

/// One answered question's Observation: the chosen option, with its item
/// score as the `ordinalValue` when the question is scored.
fn item_observation(inst: &Instrument, r: &ResponseRow, item: &Item, o: &AnswerOption, scored: bool) -> Value {
    let mut coding = option_coding(inst, o);
    if inst.text_placeholder && o.loinc.is_none() {
        coding["display"] = json!(format!("Option {}", o.code));
    }
    if scored {
        coding["extension"] = json!([{ "url": ORDINAL_VALUE, "valueDecimal": item_score(inst, item, o) }]);
    }
    let mut obs = extracted_base(r, item_observation_id(r.id.as_str(), item), item_concept(inst, item));
    obs["valueCodeableConcept"] = json!({ "coding": [coding] });
    obs
}

/// A flag's version: one for each step it has been through (raised,
/// acknowledged, assessed, escalated, closed), and when the last one happened.
fn flag_version(f: &RiskFlagRow) -> (usize, Timestamp) {
    let steps: Vec<Timestamp> = [Some(f.raised_at), f.acknowledged_at, f.assessed_at, f.escalated_at, f.closed_at]
        .into_iter()
        .flatten()
        .collect();
    (steps.len(), steps.iter().max().copied().unwrap_or(f.raised_at))
}

pub fn flag_last_updated(f: &RiskFlagRow) -> Timestamp {
    flag_version(f).1
}

/// A risk flag. Its words name the risk question (never the clinician's own
/// notes on it); a closed flag is `inactive`.
pub fn flag(f: &RiskFlagRow, inst: Option<&Instrument>) -> Value {
    let (version, updated) = flag_version(f);
    let text = match (inst, f.items.first()) {
        (Some(i), Some(hit)) => {
            let label = i.risk_items.iter().find(|r| r.item == hit.item).map(|r| r.label.clone());
            match label {
                Some(l) => format!("Risk: {} question {} positive ({l})", i.short_name, hit.item),
                None => format!("Risk: {} question {} positive", i.short_name, hit.item),
            }
        }
        _ if f.source == "clinician" => "Risk: concern raised by a clinician".to_string(),
        _ => "Risk flag".to_string(),
    };
    let mut period = json!({ "start": instant(f.raised_at) });
    if let Some(c) = f.closed_at {
        period["end"] = json!(instant(c));
    }
    let mut out = json!({
        "resourceType": "Flag",
        "id": f.id.as_str(),
        "meta": meta(version, updated),
        "status": if f.status == FlagStatus::Closed { "inactive" } else { "active" },
        "category": [{ "coding": [{
            "system": "http://terminology.hl7.org/CodeSystem/flag-category",
            "code": "safety", "display": "Safety" }] }],
        "code": { "text": text },
        "subject": patient_reference(f.client_id.as_str()),
        "period": period,
    });
    if let Some(r) = &f.response_id {
        out["extension"] = json!([{
            "url": format!("{CANONICAL}/StructureDefinition/flag-raised-by"),
            "valueReference": { "reference": format!("QuestionnaireResponse/{r}") }
        }]);
    }
    out
}

/// Rapport's risk levels: HL7's risk-probability has no "imminent".
pub const RISK_LEVELS: &str = "https://rapport-ipt.org/fhir/CodeSystem/risk-level";

/// A clinician's structured risk assessment of a flag: the level as the
/// prediction's qualitative risk (HL7 risk-probability, imminent as high,
/// and Rapport's own level), its basis the flag and the response that raised
/// it. The assessment's free text (ideation, plan, intent, means, history,
/// protective factors, actions) is the clinician's and is not sent, as for
/// the Flag. Assessments are never changed once recorded: version 1.
pub fn risk_assessment(a: &AssessmentRow, f: &RiskFlagRow) -> Value {
    let level = a.assessment.risk_level;
    let hl7 = match level {
        RiskLevel::Low => "low",
        RiskLevel::Moderate => "moderate",
        RiskLevel::High | RiskLevel::Imminent => "high",
    };
    let label = match level {
        RiskLevel::Low => "Low",
        RiskLevel::Moderate => "Moderate",
        RiskLevel::High => "High",
        RiskLevel::Imminent => "Imminent",
    };
    let mut basis = vec![json!({ "reference": format!("Flag/{}", f.id) })];
    if let Some(r) = &f.response_id {
        basis.push(json!({ "reference": format!("QuestionnaireResponse/{r}") }));
    }
    json!({
        "resourceType": "RiskAssessment",
        "id": a.id.as_str(),
        "meta": meta(1, a.assessed_at),
        "status": "final",
        "method": { "text": "Structured suicide and self-harm risk assessment (ideation, plan, intent, means, history, protective factors)" },
        "subject": patient_reference(f.client_id.as_str()),
        "occurrenceDateTime": instant(a.assessed_at),
        "performer": { "display": a.assessed_by_name },
        "basis": basis,
        "prediction": [{
            "outcome": { "text": "Suicide or self-harm" },
            "qualitativeRisk": {
                "coding": [
                    { "system": "http://terminology.hl7.org/CodeSystem/risk-probability", "code": hl7 },
                    { "system": RISK_LEVELS, "code": level.as_str(), "display": label },
                ],
                "text": label,
            },
        }],
    })
}

/// An IPT course: the episode every session of it belongs to.
pub fn episode_of_care(course: &CourseRecord, protocol: &str, clinician: Value) -> Value {
    let status = match course.status {
        CourseStatus::Planned => "planned",
        CourseStatus::Active => "active",
        CourseStatus::Completed | CourseStatus::EndedEarly | CourseStatus::Transferred => "finished",
    };
    let mut period = json!({ "start": course.start_date.to_string() });
    // A closed course accepts no changes, so its last update is its ending.
    if !course.status.is_open() {
        period["end"] = json!(instant(course.updated_at));
    }
    json!({
        "resourceType": "EpisodeOfCare",
        "id": course.id.as_str(),
        "meta": meta(course.version, course.updated_at),
        "status": status,
        "type": [{ "text": format!("Interpersonal psychotherapy: {protocol}") }],
        "patient": patient_reference(course.client_id.as_str()),
        "period": period,
        "careManager": clinician,
    })
}

/// A session of a course. `meta.lastUpdated` is when it was recorded
/// (sessions keep their version, not the time of each change).
pub fn encounter(s: &TherapySession, zone: &Zone) -> Value {
    let status = match s.attendance {
        Attendance::Scheduled => "planned",
        Attendance::Attended => "finished",
        Attendance::Cancelled | Attendance::NoShow => "cancelled",
    };
    let (class, display) = match s.modality {
        Modality::InPerson => ("AMB", "ambulatory"),
        Modality::Video | Modality::Phone => ("VR", "virtual"),
    };
    // The session's local time as an instant; a day when no time was recorded.
    let start = match rapport_core::zone::parse_hhmm(&s.time) {
        Some(t) => instant(zone.to_utc(s.date, t)),
        None => s.date.to_string(),
    };
    let mut e = json!({
        "resourceType": "Encounter",
        "id": s.id.as_str(),
        "meta": meta(s.version, s.created_at),
        "status": status,
        "class": { "system": ACT_CODE, "code": class, "display": display },
        "serviceType": { "text": "Interpersonal psychotherapy" },
        "subject": patient_reference(s.client_id.as_str()),
        "episodeOfCare": [{ "reference": format!("EpisodeOfCare/{}", s.course_id) }],
        "period": { "start": start },
    });
    if s.attendance == Attendance::NoShow {
        e["serviceType"]["text"] = json!("Interpersonal psychotherapy (the client did not attend)");
    } else if s.engagement {
        // Brief IPT's session 0: held, but not one of the contract's sessions.
        e["serviceType"]["text"] = json!("Interpersonal psychotherapy: engagement session (session 0)");
    }
    if let Some(m) = s.duration_minutes {
        e["length"] = json!({ "value": m, "unit": "min", "system": UCUM, "code": "min" });
    }
    e
}

/// Rapport's code system of IPT problem areas (`ipt-model.md` §7.1): every
/// protocol's labels map to these canonical codes.
pub const PROBLEM_AREAS: &str = "https://rapport-ipt.org/fhir/CodeSystem/ipt-problem-area";
pub const PROBLEM_AREA_SYSTEM_ID: &str = "ipt-problem-area";
const PROBLEM_AREA_CODES: [(&str, &str, &str); 5] = [
    ("grief", "Grief", "Complicated bereavement after a death (Stuart: grief and loss of any kind)."),
    ("role_dispute", "Role dispute", "A non-reciprocal expectation with a significant other (interpersonal dispute)."),
    (
        "role_transition",
        "Role transition",
        "A life change: a new role lost or gained (moving, a diagnosis, a birth, a job).",
    ),
    (
        "interpersonal_deficits",
        "Interpersonal deficits",
        "Social isolation or a lack of sustaining relationships (lay and WHO labels: loneliness).",
    ),
    ("lost_healthy_self", "Grief for the lost healthy self", "Mourning the self before a chronic illness (IPSRT)."),
];

/// The published CodeSystem of problem areas (no client data).
pub fn problem_area_code_system() -> Value {
    let concepts: Vec<Value> = PROBLEM_AREA_CODES
        .iter()
        .map(|(code, display, definition)| json!({ "code": code, "display": display, "definition": definition }))
        .collect();
    json!({
        "resourceType": "CodeSystem",
        "id": PROBLEM_AREA_SYSTEM_ID,
        "meta": { "versionId": "1" },
        "url": PROBLEM_AREAS,
        "version": "1",
        "name": "IptProblemArea",
        "title": "IPT problem areas",
        "status": "active",
        "experimental": false,
        "description": "The canonical problem areas of interpersonal psychotherapy. No standard terminology has them; every protocol's own labels (Weissman, Stuart, IPSRT, lay and WHO programmes) map to these codes.",
        "caseSensitive": true,
        "content": "complete",
        "count": concepts.len(),
        "concept": concepts,
    })
}

/// The id of the Condition for one problem area of a course's formulation.
pub fn condition_id(course: &str, area: &str) -> String {
    format!("{course}-{}", area.replace('_', "-"))
}

/// One problem area chosen in a course's formulation, as a problem-list
/// Condition. `label` is the protocol's own word for it; an area outside the
/// canonical set (an adaptation's own) is sent as text only.
pub fn condition(course: &CourseRecord, area: &str, label: &str, formulation: &Record<Formulation>) -> Value {
    let mut code = json!({ "text": label });
    if let Some((c, display, _)) = PROBLEM_AREA_CODES.iter().find(|(c, _, _)| *c == area) {
        code["coding"] = json!([{ "system": PROBLEM_AREAS, "code": c, "display": display }]);
    }
    let recorded = formulation
        .body
        .agreed_on
        .as_deref()
        .and_then(fhir_date)
        .map(str::to_string)
        .unwrap_or_else(|| instant(formulation.created_at));
    json!({
        "resourceType": "Condition",
        "id": condition_id(course.id.as_str(), area),
        "meta": meta(formulation.version, formulation.updated_at),
        "clinicalStatus": { "coding": [{
            "system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
            "code": if course.status.is_open() { "active" } else { "inactive" } }] },
        "verificationStatus": { "coding": [{
            "system": "http://terminology.hl7.org/CodeSystem/condition-ver-status", "code": "confirmed" }] },
        "category": [{ "coding": [{
            "system": "http://terminology.hl7.org/CodeSystem/condition-category",
            "code": "problem-list-item", "display": "Problem List Item" }] }],
        "code": code,
        "subject": patient_reference(course.client_id.as_str()),
        "recordedDate": recorded,
    })
}

/// A treatment goal of a course. Open goals (active, or reworded) are
/// `active`; an achieved goal `completed`, a dropped one `cancelled`. The
/// description is the clinician's wording when there is one, else the
/// client's own words; `addresses` is the problem area's Condition.
pub fn goal(g: &Record<Goal>, course: &CourseRecord) -> Value {
    let (lifecycle, achievement) = match g.body.status {
        GoalStatus::Active | GoalStatus::Revised => ("active", "in-progress"),
        GoalStatus::Achieved => ("completed", "achieved"),
        GoalStatus::Dropped => ("cancelled", "not-achieved"),
    };
    let b = &g.body;
    let wording = b.clinician_wording.as_deref().filter(|w| !w.trim().is_empty());
    let mut out = json!({
        "resourceType": "Goal",
        "id": g.id.as_str(),
        "meta": meta(g.version, g.updated_at),
        "lifecycleStatus": lifecycle,
        "achievementStatus": { "coding": [{
            "system": "http://terminology.hl7.org/CodeSystem/goal-achievement", "code": achievement }] },
        "category": [{ "text": "Interpersonal psychotherapy goal" }],
        "description": { "text": wording.unwrap_or(&b.statement) },
        "subject": patient_reference(g.client_id.as_str()),
        "startDate": g.created_at.date().to_string(),
        "statusDate": g.updated_at.date().to_string(),
        "addresses": [{ "reference": format!("Condition/{}", condition_id(course.id.as_str(), &b.problem_area)) }],
    });
    if wording.is_some() {
        out["note"] = json!([{ "text": format!("In the client's words: {}", b.statement) }]);
    }
    let mut target = serde_json::Map::new();
    if let Some(t) = b.target.as_deref().filter(|t| !t.trim().is_empty()) {
        // A target's detail needs a measure (gol-1): here, the client's and clinician's judgement.
        target.insert("measure".into(), json!({ "text": "What achieving the goal looks like" }));
        target.insert("detailString".into(), json!(t));
    }
    if let Some(d) = b.due_date.as_deref().and_then(fhir_date) {
        target.insert("dueDate".into(), json!(d));
    }
    if !target.is_empty() {
        out["target"] = json!([target]);
    }
    out
}

/// A course's contract and plan: its period, the planned sessions as one
/// scheduled activity (held sessions as its outcomes), the problem areas it
/// addresses and its goals. It shares the course's (EpisodeOfCare's) id.
/// `versionId` is a digest (course, formulation and goals each keep their
/// own), `lastUpdated` the latest of their changes.
pub fn care_plan(
    cx: &rapport_app::access::course::CourseContext,
    formulation: Option<&Record<Formulation>>,
    goals: &[Record<Goal>],
) -> Value {
    let course = &cx.course;
    let (status, activity_status) = match course.status {
        CourseStatus::Planned => ("draft", "not-started"),
        CourseStatus::Active => ("active", "in-progress"),
        CourseStatus::Completed => ("completed", "completed"),
        CourseStatus::EndedEarly | CourseStatus::Transferred => ("revoked", "stopped"),
    };
    let mut period = json!({ "start": course.start_date.to_string() });
    period["end"] = if course.status.is_open() {
        json!(course.planned_end_date.to_string())
    } else {
        json!(instant(course.updated_at))
    };
    let (frequency, period_unit) = match course.frequency {
        Frequency::Weekly => (1, "wk"),
        Frequency::TwiceMonthly => (2, "mo"),
        Frequency::Monthly => (1, "mo"),
    };
    let held: Vec<Value> = cx
        .sessions
        .iter()
        .filter(|s| s.session.attendance == Attendance::Attended)
        .map(|s| json!({ "reference": format!("Encounter/{}", s.session.id) }))
        .collect();
    let mut activity = json!({ "detail": {
        "kind": "Appointment",
        "code": { "text": "Interpersonal psychotherapy session" },
        "status": activity_status,
        "scheduledTiming": { "repeat": {
            "boundsPeriod": { "start": course.start_date.to_string(), "end": course.planned_end_date.to_string() },
            "count": course.planned_sessions,
            "duration": course.session_minutes, "durationUnit": "min",
            "frequency": frequency, "period": 1, "periodUnit": period_unit,
        } },
        "description": format!("{} sessions, {} ({} minutes)", course.planned_sessions,
            course.frequency.label().to_lowercase(), course.session_minutes),
    } });
    if !held.is_empty() {
        activity["outcomeReference"] = Value::Array(held);
    }
    let mut plan = json!({
        "resourceType": "CarePlan",
        "id": course.id.as_str(),
        "status": status,
        "intent": "plan",
        "category": [{ "text": "Interpersonal psychotherapy" }],
        "title": format!("Interpersonal psychotherapy: {}", cx.protocol.name),
        "subject": patient_reference(course.client_id.as_str()),
        "period": period,
        "created": instant(course.created_at),
        "author": practitioner_reference(&cx.client.responsible_clinician_id, &cx.client.responsible_clinician_name),
        "careTeam": [{ "reference": format!("CareTeam/{}", course.client_id) }],
        "supportingInfo": [{ "reference": format!("EpisodeOfCare/{}", course.id) }],
        "activity": [activity],
    });
    if let Some(f) = formulation.filter(|f| !f.body.problem_areas.is_empty()) {
        plan["addresses"] = f
            .body
            .problem_areas
            .iter()
            .map(|a| json!({ "reference": format!("Condition/{}", condition_id(course.id.as_str(), a)) }))
            .collect();
    }
    if !goals.is_empty() {
        plan["goal"] = goals.iter().map(|g| json!({ "reference": format!("Goal/{}", g.id) })).collect();
    }
    let updated = goals
        .iter()
        .map(|g| g.updated_at)
        .chain(formulation.map(|f| f.updated_at))
        .chain(cx.sessions.iter().map(|s| s.session.created_at))
        .fold(course.updated_at, Timestamp::max);
    plan["meta"] =
        json!({ "versionId": content_version(&plan), "lastUpdated": instant(updated), "security": clinical_labels() });
    plan
}

/// A version id for records that keep none: a digest of what is sent, so the
/// `ETag` changes exactly when the resource does.
fn content_version(v: &Value) -> String {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    v.to_string().hash(&mut h);
    format!("{:016x}", h.finish())
}

/// A staff member: name and whether the account is active (no contact
/// details, no role-specific data).
pub fn practitioner(u: &User) -> Value {
    let mut p = json!({
        "resourceType": "Practitioner",
        "id": u.id.as_str(),
        "active": u.active,
        "name": [{ "text": u.name }],
    });
    p["meta"] = json!({ "versionId": content_version(&p) });
    p
}

/// Rapport's staff roles (administrator, supervisor, clinician, group
/// facilitator, programme manager) and the care-team role of the responsible
/// clinician: no standard code system has IPT roles.
pub const STAFF_ROLES: &str = "https://rapport-ipt.org/fhir/CodeSystem/staff-role";
pub const CARE_TEAM_ROLES: &str = "https://rapport-ipt.org/fhir/CodeSystem/care-team-role";

fn role_concept(role: Role) -> Value {
    json!({ "coding": [{ "system": STAFF_ROLES, "code": role.as_str(), "display": role.label() }], "text": role.label() })
}

/// A staff member's role in the organisation (one per account, so it shares
/// the Practitioner's id).
pub fn practitioner_role(u: &User) -> Value {
    let mut r = json!({
        "resourceType": "PractitionerRole",
        "id": u.id.as_str(),
        "active": u.active,
        "practitioner": practitioner_reference(&u.id, &u.name),
        "organization": { "reference": format!("Organization/{ORGANISATION_ID}") },
        "code": [role_concept(u.role)],
    });
    if u.practises || matches!(u.role, Role::Clinician | Role::Supervisor | Role::Facilitator) {
        r["specialty"] = json!([{ "text": "Interpersonal psychotherapy" }]);
    }
    r["meta"] = json!({ "versionId": content_version(&r) });
    r
}

/// A client's care team (one per client, so it shares the Patient's id):
/// each member with their role, the responsible clinician marked by a second
/// role. Teams keep no version: `versionId` is a digest of the content and
/// `lastUpdated` when the newest member joined.
pub fn care_team(c: &ClientRecord, members: &[CareTeamMember]) -> Value {
    let participants: Vec<Value> = members
        .iter()
        .map(|m| {
            let mut roles = Vec::new();
            if let Ok(role) = m.role.parse::<Role>() {
                roles.push(role_concept(role));
            }
            if m.responsible {
                roles.push(json!({ "coding": [{ "system": CARE_TEAM_ROLES, "code": "responsible",
                    "display": "Responsible clinician" }], "text": "Responsible clinician" }));
            }
            let mut p = json!({
                "member": practitioner_reference(&m.user_id, &m.name),
                "period": { "start": instant(m.added_at) },
            });
            if !roles.is_empty() {
                p["role"] = Value::Array(roles);
            }
            p
        })
        .collect();
    let mut t = json!({
        "resourceType": "CareTeam",
        "id": c.id.as_str(),
        "status": if c.archived_at.is_none() { "active" } else { "inactive" },
        "subject": patient_reference(c.id.as_str()),
        "managingOrganization": [{ "reference": format!("Organization/{ORGANISATION_ID}") }],
    });
    if !participants.is_empty() {
        t["participant"] = Value::Array(participants);
    }
    let joined = members.iter().map(|m| m.added_at).max().unwrap_or(c.created_at);
    t["meta"] = json!({
        "versionId": content_version(&t),
        "lastUpdated": instant(joined),
        "security": clinical_labels(),
    });
    t
}

/// Rapport's audit actions (`client.read`, `care_team.read`, ...).
pub const AUDIT_ACTIONS: &str = "https://rapport-ipt.org/fhir/CodeSystem/audit-action";

/// An entry of the audit log, for its own actor: `id` is its sequence
/// number. `agent_is_staff` says whether the actor is a Practitioner (a
/// client's account is named only). The entry's detail is the entity's
/// description; the client it concerns is a Patient entity.
pub fn audit_event(e: &AuditEntry, agent_is_staff: bool) -> Value {
    let ev = &e.event;
    let verb = ev.action.rsplit('.').next().unwrap_or("");
    let action = match verb {
        "read" | "list" | "search" | "view" | "download" | "export" => "R",
        "create" | "record" | "raise" | "add" | "issue" => "C",
        "update" | "edit" | "acknowledge" | "close" | "restore" | "archive" => "U",
        "delete" | "remove" | "revoke" => "D",
        _ => "E",
    };
    let outcome = match ev.outcome.as_str() {
        "success" => "0",
        "denied" => "4",
        _ => "8",
    };
    let mut who = json!({ "display": ev.actor_label });
    if let (true, Some(id)) = (agent_is_staff, ev.actor_id.as_deref()) {
        who["reference"] = json!(format!("Practitioner/{id}"));
    }
    let mut agent = json!({ "who": who, "requestor": true });
    if let Some(ip) = ev.ip.as_deref().filter(|s| !s.is_empty()) {
        agent["network"] = json!({ "address": ip, "type": "2" });
    }
    let mut entity = json!({
        "type": { "system": "http://terminology.hl7.org/CodeSystem/audit-entity-type", "code": "2", "display": "System Object" },
        "name": ev.resource_type,
    });
    if let Some(id) = ev.resource_id.as_deref().filter(|s| !s.is_empty()) {
        entity["what"] =
            json!({ "identifier": { "system": format!("{CANONICAL}/sid/{}", ev.resource_type), "value": id } });
    }
    if let Some(d) = ev.detail.as_deref().filter(|s| !s.is_empty()) {
        entity["description"] = json!(d);
    }
    let mut entities = vec![entity];
    let mut meta = json!({ "versionId": "1", "lastUpdated": instant(e.at) });
    if let Some(c) = ev.client_id.as_deref().filter(|s| !s.is_empty()) {
        entities.push(json!({
            "what": patient_reference(c),
            "type": { "system": "http://terminology.hl7.org/CodeSystem/audit-entity-type", "code": "1", "display": "Person" },
        }));
        meta["security"] = clinical_labels();
    }
    json!({
        "resourceType": "AuditEvent",
        "id": e.seq.to_string(),
        "meta": meta,
        "type": { "system": AUDIT_ACTIONS, "code": ev.action },
        "action": action,
        "recorded": instant(e.at),
        "outcome": outcome,
        "agent": [agent],
        "source": {
            "observer": { "reference": format!("Organization/{ORGANISATION_ID}") },
            "type": [{ "system": "http://terminology.hl7.org/CodeSystem/security-source-type", "code": "4",
                       "display": "Application Server" }],
        },
        "entity": entities,
    })
}

/// The organisation (one per Rapport installation).
pub const ORGANISATION_ID: &str = "organisation";

pub fn organization(name: &str, country: &str) -> Value {
    let mut o = json!({ "resourceType": "Organization", "id": ORGANISATION_ID, "active": true, "name": name });
    if !country.is_empty() {
        o["address"] = json!([{ "country": country }]);
    }
    o["meta"] = json!({ "versionId": content_version(&o) });
    o
}

/// A group-IPT cohort as a `Group` of persons. `with_members` is false for a
/// caller who sees the group's summary but none of its members.
pub fn group(d: &rapport_store::groups::GroupDetail, with_members: bool) -> Value {
    let g = &d.group;
    let last = d.members.iter().map(|m| m.added_at).chain([g.created_at]).max().unwrap_or(g.created_at);
    let last = g.closed_at.map_or(last, |c| c.max(last));
    let mut r = json!({
        "resourceType": "Group",
        "id": g.id.as_str(),
        "meta": meta(last.datetime().unix_timestamp_nanos() / 1000, last),
        "identifier": [{ "system": format!("{CANONICAL}/sid/group"), "value": g.id.as_str() }],
        "active": g.closed_at.is_none(),
        "type": "person",
        "actual": true,
        "code": { "text": "Group interpersonal psychotherapy" },
        "name": g.name,
        "quantity": g.current_members,
        "managingEntity": { "reference": format!("Organization/{ORGANISATION_ID}") },
    });
    if with_members && !d.members.is_empty() {
        r["member"] = d
            .members
            .iter()
            .map(|m| {
                json!({
                    "entity": patient_reference(m.client_id.as_str()),
                    "period": { "start": instant(m.added_at) },
                    "inactive": !m.status.is_current(),
                })
            })
            .collect();
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_fhir_dates_or_left_out() {
        assert_eq!(fhir_date("1990-04-02"), Some("1990-04-02"));
        assert_eq!(fhir_date("1990"), Some("1990"));
        assert_eq!(fhir_date("02/04/1990"), None);
    }

    #[test]
    fn questionnaires_carry_loinc_item_codes_and_ordinal_values() {
        let lib = rapport_core::measures::definition::Library::builtin();
        let phq9 = questionnaire(lib.get("phq9").unwrap());
        assert_eq!(phq9["id"], "phq9-v1");
        assert_eq!(phq9["code"][0]["code"], "44249-1");
        assert_eq!(phq9["item"][8]["code"][0]["code"], "44260-8");
        let opt = &phq9["item"][0]["answerOption"][3]["valueCoding"];
        assert_eq!((opt["code"].as_str(), opt["extension"][0]["valueDecimal"].as_i64()), (Some("LA6571-9"), Some(3)));
        let epds = questionnaire(lib.get("epds").unwrap());
        assert!(epds["item"][0]["text"].as_str().unwrap().starts_with("EPDS item"));
    }

    fn row(instrument: &str, answers: Vec<Option<i64>>, total: Option<i64>) -> ResponseRow {
        let now = Timestamp::now();
        ResponseRow {
            id: rapport_core::Id::new(),
            client_id: rapport_core::Id::new(),
            course_id: None,
            instrument_id: instrument.into(),
            instrument_version: "1".into(),
            scoring_version: "1".into(),
            item_scores: answers.clone(),
            answers,
            unscored_answers: None,
            raw_total: total,
            total,
            band: None,
            band_set: None,
            flags: Vec::new(),
            complete: total.is_some(),
            prorated: false,
            completed_at: now,
            entered_by: None,
            mode: "clinician".into(),
            created_at: now,
            language: None,
        }
    }

    #[test]
    fn a_response_gives_its_total_a_panel_and_one_observation_per_answer() {
        let lib = rapport_core::measures::definition::Library::builtin();
        let phq9 = lib.get("phq9").unwrap();
        let mut answers = vec![Some(1); 9];
        answers[2] = None;
        let r = row("phq9", answers, None);
        let obs = observations(Some(phq9), &r);
        let ids: Vec<&str> = obs.iter().map(|o| o["id"].as_str().unwrap()).collect();
        assert_eq!(ids, observation_ids(Some(phq9), &r));
        assert_eq!(obs.len(), 9, "no total (withheld), the panel, eight answers");
        assert_eq!(obs[0]["code"]["coding"][0]["code"], "44249-1");
        assert_eq!(obs[0]["hasMember"].as_array().unwrap().len(), 8);
        assert!(ids.iter().all(|id| id.len() <= 64 && observation_response_id(id) == Some(r.id.as_str())));
        assert!(code_matches(&obs[1], "http://loinc.org|44250-9") && !code_matches(&obs[1], "44261-6"));

        // A licensed instrument: codes and values, never the question's text.
        let epds = lib.get("epds").unwrap();
        let r = row("epds", vec![Some(0); 10], Some(0));
        let obs = observations(Some(epds), &r);
        assert_eq!(obs.len(), 12);
        let item = &obs[2];
        assert!(item["code"].get("text").is_none() && item["code"]["coding"][0].get("display").is_none(), "{item}");
        assert!(!obs.iter().any(|o| o.to_string().contains(&epds.items[0].text)));
        assert_eq!(item["valueCodeableConcept"]["coding"][0]["display"], "Option 0");
    }

    /// Responses of every shape an instrument's Observations take: all
    /// answered (first and last options, unscored questions too, with a total
    /// and a band), every other question left blank with the total withheld,
    /// and none answered.
    fn responses_to(inst: &Instrument) -> Vec<ResponseRow> {
        let answered = |pick: fn(&[AnswerOption]) -> Option<&AnswerOption>| {
            let code = |item: &Item| pick(inst.options_for(item)).map(|o| o.code);
            let mut r = row(&inst.id, inst.items.iter().map(code).collect(), Some(3));
            r.unscored_answers = Some(inst.unscored_items.iter().map(code).collect());
            r.band = inst.band_set(None).and_then(|s| s.bands.first()).map(|b| b.id.clone());
            r
        };
        let mut blanks = answered(<[AnswerOption]>::first);
        blanks.answers.iter_mut().step_by(2).for_each(|a| *a = None);
        blanks.total = None;
        let none = row(&inst.id, vec![None; inst.items.len()], Some(0));
        vec![answered(<[AnswerOption]>::first), answered(<[AnswerOption]>::last), blanks, none]
    }

    /// The instruments' responses, and one to an instrument this server does not know.
    fn every_kind_of_response(
        lib: &rapport_core::measures::definition::Library,
    ) -> Vec<(Option<&Instrument>, ResponseRow)> {
        let mut all: Vec<(Option<&Instrument>, ResponseRow)> =
            lib.all().flat_map(|i| responses_to(i).into_iter().map(move |r| (Some(i), r))).collect();
        all.push((None, row("retired", vec![Some(1)], Some(1))));
        all
    }

    #[test]
    fn reading_an_observation_by_id_builds_the_one_observations_lists() {
        let lib = rapport_core::measures::definition::Library::builtin();
        for (inst, r) in every_kind_of_response(&lib) {
            let all = observations(inst, &r);
            for o in &all {
                let id = o["id"].as_str().unwrap();
                assert_eq!(observation(inst, &r, id).as_ref(), Some(o), "{id}");
            }
            for other in [format!("{}-item-colour", r.id), format!("{}-something", r.id), "x-total".into()] {
                assert_eq!(observation(inst, &r, &other), None);
            }
        }
    }

    #[test]
    fn a_code_search_builds_exactly_what_filtering_every_observation_keeps() {
        let lib = rapport_core::measures::definition::Library::builtin();
        let responses = every_kind_of_response(&lib);
        // Every code any Observation has, in each form a search may write it.
        let mut tokens = vec!["no-such-code".to_string(), String::new(), "|".into()];
        for (inst, r) in &responses {
            for o in observations(*inst, r) {
                let coding = &o["code"]["coding"][0];
                let (system, code) = (coding["system"].as_str().unwrap(), coding["code"].as_str().unwrap());
                tokens.extend([
                    code.to_string(),
                    format!("{system}|{code}"),
                    format!("|{code}"),
                    format!("{CANONICAL}|{code}"),
                ]);
            }
        }
        tokens.sort();
        tokens.dedup();
        let mut searches: Vec<Vec<Vec<&str>>> = tokens.iter().map(|t| vec![vec![t.as_str()]]).collect();
        searches.extend([
            vec![vec!["44261-6", "44249-1"]],
            vec![vec!["http://loinc.org|44260-8", "70274-6"]],
            vec![vec!["44261-6"], vec!["44249-1"]],
            vec![vec!["44261-6"], vec!["http://loinc.org|44261-6"]],
            vec![vec!["44261-6", "44249-1"], vec!["44249-1", "no-such-code"]],
        ]);
        for (inst, r) in &responses {
            let all = observations(*inst, r);
            for codes in &searches {
                let keeps = |o: &&Value| codes.iter().all(|any| any.iter().any(|c| code_matches(o, c)));
                let expected: Vec<Value> = all.iter().filter(keeps).cloned().collect();
                assert_eq!(coded_observations(*inst, r, codes), expected, "{codes:?} on {}", r.instrument_id);
            }
            assert_eq!(coded_observations(*inst, r, &[]), all, "no code: everything");
        }
    }
}
