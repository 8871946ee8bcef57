//! The FHIR R4 face: the CapabilityStatement, read and search with paging,
//! ETags, access (404 outside it), audit, and QuestionnaireResponses posted
//! through the one response pipeline (scored, flagged, or refused naming the
//! element with nothing stored).

use crate::matrix::{e, j, Entry};
use crate::support::*;
use rapport_core::access::Role;
use rapport_core::audit::action;
use rapport_web::fhir::map;
use reqwest::Method as M;
use serde_json::{json, Value};

const PHQ9: &str = "https://rapport-ipt.org/fhir/Questionnaire/phq9";
const GAD7: &str = "https://rapport-ipt.org/fhir/Questionnaire/gad7";
const PHQ9_ITEMS: [&str; 9] =
    ["interest", "mood", "sleep", "energy", "appetite", "self_worth", "concentration", "psychomotor", "self_harm"];

/// A QuestionnaireResponse answering `link_ids` with the instrument's own option codes.
fn response(questionnaire: &str, patient: &str, link_ids: &[&str], codes: &[i64], authored: Option<&str>) -> Value {
    let items: Vec<Value> =
        link_ids.iter().zip(codes).map(|(l, c)| json!({ "linkId": l, "answer": [{ "valueInteger": c }] })).collect();
    let mut qr = json!({
        "resourceType": "QuestionnaireResponse",
        "questionnaire": questionnaire,
        "status": "completed",
        "subject": { "reference": format!("Patient/{patient}") },
        "item": items,
    });
    if let Some(a) = authored {
        qr["authored"] = json!(a);
    }
    qr
}

async fn link_ids(api: &Api, questionnaire: &str) -> Vec<String> {
    let (s, q) = api.get(&format!("/fhir/r4/Questionnaire/{questionnaire}")).await;
    assert_eq!(s, 200, "{q}");
    q["item"].as_array().unwrap().iter().map(|i| i["linkId"].as_str().unwrap().to_string()).collect()
}

fn issue(outcome: &Value) -> (&str, &str) {
    assert_eq!(outcome["resourceType"], "OperationOutcome", "{outcome}");
    let i = &outcome["issue"][0];
    (i["code"].as_str().unwrap_or(""), i["expression"][0].as_str().unwrap_or(""))
}

#[tokio::test]
async fn metadata_lists_what_is_served_and_errors_are_operation_outcomes() {
    let app = TestApp::spawn(Backend::Sqlite, rapport_web::Config::default()).await;
    let r = reqwest::get(app.url("/fhir/r4/metadata")).await.unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.headers()["content-type"].to_str().unwrap().starts_with("application/fhir+json"));
    let cs: Value = r.json().await.unwrap();
    assert_eq!((cs["resourceType"].as_str(), cs["fhirVersion"].as_str()), (Some("CapabilityStatement"), Some("4.0.1")));
    let types: Vec<&str> =
        cs["rest"][0]["resource"].as_array().unwrap().iter().map(|r| r["type"].as_str().unwrap()).collect();
    assert_eq!(
        types,
        [
            "Patient",
            "Questionnaire",
            "QuestionnaireResponse",
            "Observation",
            "Flag",
            "RiskAssessment",
            "EpisodeOfCare",
            "Encounter",
            "Condition",
            "CarePlan",
            "Goal",
            "Group",
            "CareTeam",
            "Practitioner",
            "PractitionerRole",
            "AuditEvent",
            "Organization",
            "CodeSystem"
        ]
    );

    // No token, a bad token, an unserved type: OperationOutcomes.
    let (s, o) = call(&app, M::GET, "/fhir/r4/Patient", "rpt_nope", None).await;
    assert_eq!((s, issue(&o).0), (401, "login"));
    let r = reqwest::get(app.url("/fhir/r4/Questionnaire")).await.unwrap();
    assert_eq!(r.status(), 401);
    assert!(r.headers().contains_key("www-authenticate"));
    let u = app.user("m@clinic.example", Role::Clinician).await;
    let api = Api::new(&app, &u).await;
    let (s, o) = api.get("/fhir/r4/MedicationStatement/abc").await;
    assert_eq!((s, issue(&o).0), (404, "not-supported"));
    let (s, o) = api.get("/fhir/r4/Observation?patient=Patient/x&colour=blue").await;
    assert_eq!((s, issue(&o).1), (400, "colour"));
    let (s, o) = api.get("/fhir/r4/Observation?code=http://loinc.org|44261-6").await;
    assert_eq!((s, issue(&o).1), (400, "patient"));
    let (s, o) = api.get("/fhir/r4/Observation?patient=Patient/x&date=yesterday").await;
    assert_eq!((s, issue(&o).1), (400, "date"));
}

#[tokio::test]
async fn questionnaires_are_the_shipped_instruments_with_loinc_codes() {
    let app = TestApp::spawn(Backend::Sqlite, rapport_web::Config::default()).await;
    let u = app.user("q@clinic.example", Role::Clinician).await;
    let api = Api::new(&app, &u).await;
    let (s, b) = api.get("/fhir/r4/Questionnaire").await;
    assert_eq!((s, b["type"].as_str(), b["total"].as_i64()), (200, Some("searchset"), Some(7)));
    let (_, b) = api.get(&format!("/fhir/r4/Questionnaire?url={PHQ9}")).await;
    assert_eq!(b["total"], 1);
    let q = &b["entry"][0]["resource"];
    assert_eq!((q["id"].as_str(), q["version"].as_str(), q["url"].as_str()), (Some("phq9-v1"), Some("1"), Some(PHQ9)));
    assert_eq!(q["item"][8]["code"][0]["code"], "44260-8");
    assert_eq!(q["item"].as_array().unwrap().len(), 10, "nine scored questions and the difficulty question");
    let (_, epds) = api.get("/fhir/r4/Questionnaire/epds-v1").await;
    assert_eq!(epds["item"][9]["text"], "EPDS item 10", "licensed: no item text");
    // EPDS item 3 is reverse-scored: its first option scores 3.
    assert_eq!(epds["item"][2]["answerOption"][0]["valueCoding"]["extension"][0]["valueDecimal"], 3);
    assert_eq!(api.get("/fhir/r4/Questionnaire/phq9-v9").await.0, 404);
}

#[tokio::test]
async fn a_response_posted_over_fhir_is_scored_flagged_and_read_back() {
    on_each_backend(|app| async move {
        let alice = app.user("alice@clinic.example", Role::Clinician).await;
        let bob = app.user("bob@clinic.example", Role::Clinician).await;
        let (a, b) = (Api::new(&app, &alice).await, Api::new(&app, &bob).await);
        let c = a.new_client("Fhir Person").await;
        let theirs = b.new_client("Someone Else").await;

        // The patient, with its ETag; 304 when unchanged; 404 to anyone outside the care team.
        let reads = app.count(action::CLIENT_READ).await;
        let r = a.http.get(app.url(&format!("/fhir/r4/Patient/{c}"))).bearer_auth(&a.token).send().await.unwrap();
        assert_eq!(r.status(), 200);
        let etag = r.headers()["etag"].to_str().unwrap().to_string();
        let p: Value = r.json().await.unwrap();
        assert_eq!(etag, format!("W/\"{}\"", p["meta"]["versionId"].as_str().unwrap()));
        assert_eq!(p["name"][0]["text"], "Fhir Person");
        let labels: Vec<&str> =
            p["meta"]["security"].as_array().unwrap().iter().map(|l| l["code"].as_str().unwrap()).collect();
        assert_eq!(labels, ["BH", "R"]);
        assert_eq!(app.count(action::CLIENT_READ).await, reads + 1, "the read is audited");
        let r = a
            .http
            .get(app.url(&format!("/fhir/r4/Patient/{c}")))
            .bearer_auth(&a.token)
            .header("if-none-match", &etag)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 304);
        let (s, o) = b.get(&format!("/fhir/r4/Patient/{c}")).await;
        assert_eq!((s, issue(&o).0), (404, "not-found"));
        assert_eq!(b.get("/fhir/r4/Patient/not-an-id").await.0, 404);
        // The responsible clinician and the organisation, which the patient references.
        let gp = p["generalPractitioner"][0]["reference"].as_str().unwrap().to_string();
        assert_eq!(gp, format!("Practitioner/{}", alice.id));
        let (s, pr) = b.get(&format!("/fhir/r4/{gp}")).await;
        assert_eq!(
            (s, pr["name"][0]["text"].as_str(), pr["active"].as_bool()),
            (200, Some(alice.name.as_str()), Some(true))
        );
        assert_eq!(b.get(&format!("/fhir/r4/Practitioner/{c}")).await.0, 404, "a client is no practitioner");
        let (s, org) = a.get("/fhir/r4/Organization/organisation").await;
        assert_eq!((s, org["resourceType"].as_str()), (200, Some("Organization")));
        assert_eq!(p["managingOrganization"]["reference"], "Organization/organisation");
        assert_eq!(a.get("/fhir/r4/Organization/other").await.0, 404);
        // The client's own portal account reaches nothing here (the portal is its way in).
        let email =
            app.portal_account(&rapport_core::Id::parse(&c).unwrap(), &alice.id, "fhir.client@example.org").await;
        let own = app.store.user_by_email(&email).await.unwrap().unwrap().0;
        let (s, o) = Api::new(&app, &own).await.get(&format!("/fhir/r4/Patient/{c}")).await;
        assert_eq!((s, issue(&o).0), (404, "not-found"));
        let (_, list) = a.get("/fhir/r4/Patient?name=Fhir").await;
        assert_eq!((list["total"].as_i64(), list["entry"][0]["resource"]["id"].as_str()), (Some(1), Some(c.as_str())));

        // A PHQ-9 with question 9 positive ("Several days", LOINC LA6569-3) raises a flag.
        let records = app.count(action::MEASURE_RECORD).await;
        let mut qr = response(PHQ9, &c, &PHQ9_ITEMS, &[2, 2, 1, 3, 1, 2, 1, 0, 0], Some("2026-03-02T10:15:00Z"));
        qr["item"][8]["answer"][0] = json!({ "valueCoding": { "system": "http://loinc.org", "code": "LA6569-3" } });
        let r = a
            .http
            .post(app.url("/fhir/r4/QuestionnaireResponse"))
            .bearer_auth(&a.token)
            .header("content-type", "application/fhir+json")
            .body(qr.to_string())
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 201);
        let location = r.headers()["location"].to_str().unwrap().to_string();
        let stored: Value = r.json().await.unwrap();
        let id = stored["id"].as_str().unwrap().to_string();
        assert!(location.ends_with(&format!("/fhir/r4/QuestionnaireResponse/{id}/_history/1")), "{location}");
        assert_eq!(stored["questionnaire"], format!("{PHQ9}|1"));
        assert_eq!(stored["item"][8]["answer"][0]["valueCoding"]["code"], "LA6569-3");
        let obs_ref = format!("Observation/{id}-total");
        assert_eq!(stored["extension"][0]["valueReference"]["reference"], obs_ref);
        assert_eq!(app.count(action::MEASURE_RECORD).await, records + 1);
        assert_eq!(app.open_flags(&c).await.len(), 1, "question 9 raised a flag, as on every path");
        let (_, flags) = a.get(&format!("/fhir/r4/Flag?patient=Patient/{c}&status=active")).await;
        assert_eq!(flags["total"], 1);
        let flag = &flags["entry"][0]["resource"];
        assert_eq!(flag["extension"][0]["valueReference"]["reference"], format!("QuestionnaireResponse/{id}"));
        let (s, f) = a.get(&format!("/fhir/r4/Flag/{}", flag["id"].as_str().unwrap())).await;
        assert_eq!((s, f["status"].as_str()), (200, Some("active")));
        assert_eq!(b.get(&format!("/fhir/r4/Flag/{}", flag["id"].as_str().unwrap())).await.0, 404);

        // The total as an Observation with its LOINC code, read and searched.
        let (s, obs) = a.get(&format!("/fhir/r4/{obs_ref}")).await;
        assert_eq!(s, 200, "{obs}");
        assert_eq!(obs["code"]["coding"][0]["code"], "44261-6");
        assert_eq!(obs["valueQuantity"]["value"], 13);
        assert_eq!(obs["derivedFrom"][0]["reference"], format!("QuestionnaireResponse/{id}"));
        assert_eq!(obs["interpretation"][0]["coding"][0]["code"], "moderate");
        assert_eq!(b.get(&format!("/fhir/r4/{obs_ref}")).await.0, 404);

        // The panel, whose members are the total and one Observation per question
        // (all listed on the stored response), each read by its id.
        let extracted: Vec<&str> = stored["extension"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["valueReference"]["reference"].as_str().unwrap())
            .collect();
        assert_eq!(extracted.len(), 11, "total, panel and nine questions: {extracted:?}");
        let (s, panel) = a.get(&format!("/fhir/r4/Observation/{id}-panel")).await;
        assert_eq!((s, panel["code"]["coding"][0]["code"].as_str()), (200, Some("44249-1")), "{panel}");
        let members: Vec<&str> =
            panel["hasMember"].as_array().unwrap().iter().map(|m| m["reference"].as_str().unwrap()).collect();
        assert_eq!(members.len(), 10);
        assert!(members.contains(&obs_ref.as_str()));
        for m in &members {
            assert!(extracted.contains(m), "{m}");
        }
        let (s, q9) = a.get(&format!("/fhir/r4/Observation/{id}-item-self-harm")).await;
        assert_eq!((s, q9["code"]["coding"][0]["code"].as_str()), (200, Some("44260-8")), "{q9}");
        let answer = &q9["valueCodeableConcept"]["coding"][0];
        assert_eq!(
            (answer["code"].as_str(), answer["extension"][0]["valueDecimal"].as_i64()),
            (Some("LA6569-3"), Some(1))
        );
        assert_eq!(q9["derivedFrom"][0]["reference"], format!("QuestionnaireResponse/{id}"));
        assert_eq!(b.get(&format!("/fhir/r4/Observation/{id}-item-self-harm")).await.0, 404);
        assert_eq!(a.get(&format!("/fhir/r4/Observation/{id}-item-colour")).await.0, 404);
        assert_eq!(a.get(&format!("/fhir/r4/Observation/{id}-something")).await.0, 404);
        let (_, by_item) = a.get(&format!("/fhir/r4/Observation?patient={c}&code=http://loinc.org|44260-8")).await;
        assert_eq!(by_item["total"], 1);
        assert_eq!(by_item["entry"][0]["resource"]["id"], format!("{id}-item-self-harm"));
        let (_, by_panel) = a.get(&format!("/fhir/r4/Observation?patient={c}&code=44249-1")).await;
        assert_eq!(by_panel["total"], 1);
        let (s, qr_read) = a.get(&format!("/fhir/r4/QuestionnaireResponse/{id}")).await;
        assert_eq!((s, &qr_read), (200, &stored));

        // GAD-7s on three days: search by code and date, paged.
        let gad = link_ids(&a, "gad7-v2").await;
        let gad: Vec<&str> = gad.iter().map(String::as_str).collect();
        for (day, codes) in [("2026-03-09", [2, 1, 2, 1, 0, 1, 1]), ("2026-03-16", [1; 7]), ("2026-03-23", [0; 7])] {
            let (s, o) = a.post("/fhir/r4/QuestionnaireResponse", response(GAD7, &c, &gad, &codes, Some(day))).await;
            assert_eq!(s, 201, "{o}");
        }
        let (_, all) = a.get(&format!("/fhir/r4/Observation?subject=Patient/{c}")).await;
        assert_eq!(all["total"], 11 + 3 * 9, "PHQ-9: total, panel, 9 questions; GAD-7: total, panel, 7");
        let search = format!("/fhir/r4/Observation?patient={c}&code=http://loinc.org|70274-6&_count=2");
        let (s, page1) = a.get(&search).await;
        assert_eq!((s, page1["total"].as_i64()), (200, Some(3)));
        assert_eq!(page1["entry"].as_array().unwrap().len(), 2);
        assert_eq!(page1["entry"][0]["resource"]["valueQuantity"]["value"], 8);
        let next = page1["link"].as_array().unwrap().iter().find(|l| l["relation"] == "next").unwrap()["url"]
            .as_str()
            .unwrap()
            .to_string();
        let (s, page2) = a.get(&next[next.find("/fhir/").unwrap()..]).await;
        assert_eq!((s, page2["entry"].as_array().unwrap().len()), (200, 1));
        assert_eq!(page2["entry"][0]["resource"]["valueQuantity"]["value"], 0);
        assert!(!page2["link"].as_array().unwrap().iter().any(|l| l["relation"] == "next"));
        let (_, dated) =
            a.get(&format!("/fhir/r4/Observation?patient={c}&date=ge2026-03-10&date=le2026-03-16&code=70274-6")).await;
        assert_eq!(
            (dated["total"].as_i64(), dated["entry"][0]["resource"]["valueQuantity"]["value"].as_i64()),
            (Some(1), Some(7))
        );
        let (_, none) = a.get(&format!("/fhir/r4/Observation?patient={c}&_lastUpdated=lt2020-01-01")).await;
        assert_eq!(none["total"], 0);
        let (_, qrs) = a.get(&format!("/fhir/r4/QuestionnaireResponse?patient={c}&questionnaire={GAD7}")).await;
        assert_eq!(qrs["total"], 3);
        // Another clinician's client is absent, for searches too.
        assert_eq!(a.get(&format!("/fhir/r4/Observation?patient={theirs}")).await.0, 404);
        assert_eq!(a.get(&format!("/fhir/r4/QuestionnaireResponse?patient={theirs}")).await.0, 404);
    })
    .await;
}

/// The `code` searches of [`a_code_search_returns_what_filtering_every_observation_keeps`]:
/// each inner list is one `code` parameter (any of its values), every
/// parameter must hold. With the number of Observations each finds.
const CODE_SEARCHES: [(&[&[&str]], usize); 10] = [
    (&[&["44261-6"]], 1),                                // the PHQ-9 total
    (&[&["44249-1"]], 1),                                // the PHQ-9 panel
    (&[&["44260-8"]], 1),                                // PHQ-9 question 9
    (&[&["http://loinc.org|70274-6"]], 1),               // the GAD-7 total (one withheld), with its system
    (&[&["https://example.org|70274-6"]], 0),            // ... in another system
    (&[&["|69737-5"]], 2),                               // the GAD-7 panels, no system
    (&[&["44261-6", "69725-0"]], 3),                     // PHQ-9 total or GAD-7 question 1
    (&[&["44261-6"], &["44249-1"]], 0),                  // total and panel: never both
    (&[&["44261-6"], &["http://loinc.org|44261-6"]], 1), // the same code twice
    (&[&["no-such-code"]], 0),
];

#[tokio::test]
async fn a_code_search_returns_what_filtering_every_observation_keeps() {
    on_each_backend(|app| async move {
        let alice = app.user("alice@clinic.example", Role::Clinician).await;
        let a = Api::new(&app, &alice).await;
        let c = a.new_client("Coded Person").await;
        // A PHQ-9 with its difficulty question (unscored), a GAD-7, and a
        // GAD-7 with a question left blank (its total withheld).
        let phq = link_ids(&a, "phq9-v1").await;
        let phq: Vec<&str> = phq.iter().map(String::as_str).collect();
        let gad = link_ids(&a, "gad7-v2").await;
        let gad: Vec<&str> = gad.iter().take(7).map(String::as_str).collect();
        let blank: Vec<&str> = gad.iter().copied().filter(|l| *l != "restless").collect();
        for qr in [
            response(PHQ9, &c, &phq, &[2, 2, 1, 3, 1, 2, 1, 0, 1, 2], Some("2026-03-02T10:15:00Z")),
            response(GAD7, &c, &gad, &[2, 1, 2, 1, 0, 1, 1], Some("2026-03-09")),
            response(GAD7, &c, &blank, &[1; 6], Some("2026-03-16")),
        ] {
            let (s, o) = a.post("/fhir/r4/QuestionnaireResponse", qr).await;
            assert_eq!(s, 201, "{o}");
        }

        // The reference: every Observation of the stored responses built, then filtered by code.
        let lib = rapport_core::measures::definition::Library::builtin();
        let rows = app.store.responses(&rapport_core::Id::parse(&c).unwrap()).await.unwrap();
        let all: Vec<Value> = rows.iter().flat_map(|r| map::observations(lib.get(&r.instrument_id), r)).collect();
        let found = |bundle: &Value| -> Vec<Value> {
            bundle["entry"].as_array().map(|e| e.iter().map(|e| e["resource"].clone()).collect()).unwrap_or_default()
        };
        let (s, everything) = a.get(&format!("/fhir/r4/Observation?patient={c}&_count=100")).await;
        assert_eq!((s, found(&everything)), (200, all.clone()), "no code: every Observation");
        for (codes, count) in CODE_SEARCHES {
            let mut query = vec![("patient", c.as_str()), ("_count", "100")];
            let joined: Vec<String> = codes.iter().map(|any| any.join(",")).collect();
            query.extend(joined.iter().map(|j| ("code", j.as_str())));
            let (s, bundle) =
                a.get(&format!("/fhir/r4/Observation?{}", serde_urlencoded::to_string(&query).unwrap())).await;
            let keeps = |o: &&Value| codes.iter().all(|any| any.iter().any(|code| map::code_matches(o, code)));
            let expected: Vec<Value> = all.iter().filter(keeps).cloned().collect();
            assert_eq!((s, found(&bundle)), (200, expected.clone()), "{codes:?}");
            assert_eq!(expected.len(), count, "{codes:?}");
        }

        // Each Observation read alone is the one every-Observation list has.
        for (inst, r) in rows.iter().map(|r| (lib.get(&r.instrument_id), r)) {
            for o in map::observations(inst, r) {
                let id = o["id"].as_str().unwrap();
                assert_eq!(map::observation(inst, r, id).as_ref(), Some(&o), "{id}");
                assert_eq!(a.get(&format!("/fhir/r4/Observation/{id}")).await, (200, o.clone()));
            }
        }
    })
    .await;
}

#[tokio::test]
async fn an_invalid_response_is_refused_naming_the_element_and_nothing_is_stored() {
    on_each_backend(|app| async move {
        let alice = app.user("alice@clinic.example", Role::Clinician).await;
        let bob = app.user("bob@clinic.example", Role::Clinician).await;
        let (a, b) = (Api::new(&app, &alice).await, Api::new(&app, &bob).await);
        let c = a.new_client("Careful Person").await;
        let records = app.count(action::MEASURE_RECORD).await;
        let ok = response(PHQ9, &c, &PHQ9_ITEMS, &[0; 9], None);

        let mut bad_answer = ok.clone();
        bad_answer["item"][3]["answer"][0] = json!({ "valueInteger": 7 });
        let mut unknown_link = ok.clone();
        unknown_link["item"][0]["linkId"] = json!("colour");
        let mut twice = ok.clone();
        twice["item"][1]["linkId"] = json!("interest");
        let mut two_answers = ok.clone();
        two_answers["item"][2]["answer"] = json!([{ "valueInteger": 0 }, { "valueInteger": 1 }]);
        let mut wrong_version = ok.clone();
        wrong_version["questionnaire"] = json!(format!("{PHQ9}|7"));
        let mut unknown_q = ok.clone();
        unknown_q["questionnaire"] = json!("http://example.org/Questionnaire/x");
        let mut no_subject = ok.clone();
        no_subject.as_object_mut().unwrap().remove("subject");
        let mut bad_status = ok.clone();
        bad_status["status"] = json!("entered-in-error");
        let mut future = ok.clone();
        future["authored"] = json!("2999-01-01T00:00:00Z");
        let mut not_a_date = ok.clone();
        not_a_date["authored"] = json!("last week");
        let mut unknown_element = ok.clone();
        unknown_element["colour"] = json!("blue");
        let mut wrong_type = ok.clone();
        wrong_type["resourceType"] = json!("Observation");
        let mut nothing = ok.clone();
        nothing["item"] = json!([]);
        let cases: Vec<(Value, u16, &str)> = vec![
            (bad_answer, 422, "item[3].answer[0]"),
            (unknown_link, 422, "item[0].linkId"),
            (twice, 422, "item[1].linkId"),
            (two_answers, 422, "item[2].answer"),
            (wrong_version, 422, "questionnaire"),
            (unknown_q, 422, "questionnaire"),
            (no_subject, 422, "subject.reference"),
            (bad_status, 422, "status"),
            (future, 422, "authored"),
            (not_a_date, 422, "authored"),
            (unknown_element, 400, "colour"),
            (wrong_type, 400, "resourceType"),
            (nothing, 422, "item"),
        ];
        for (body, status, element) in cases {
            let (s, o) = a.post("/fhir/r4/QuestionnaireResponse", body.clone()).await;
            assert_eq!((s, issue(&o).1), (status, element), "{body} -> {o}");
        }
        let r = a
            .http
            .post(app.url("/fhir/r4/QuestionnaireResponse"))
            .bearer_auth(&a.token)
            .header("content-type", "text/plain")
            .body(ok.to_string())
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 415);
        let (s, o) = a.post("/fhir/r4/QuestionnaireResponse", json!([1, 2])).await;
        assert_eq!((s, issue(&o).1), (400, "QuestionnaireResponse"));
        // Someone else's client: absent.
        assert_eq!(b.post("/fhir/r4/QuestionnaireResponse", ok.clone()).await.0, 404);
        assert_eq!(app.count(action::MEASURE_RECORD).await, records, "nothing was stored");
        assert!(app.open_flags(&c).await.is_empty());
        // A partial form is kept (never refused for being partial); its total is withheld.
        let partial = response(PHQ9, &c, &PHQ9_ITEMS[..5], &[1; 5], None);
        let (s, stored) = a.post("/fhir/r4/QuestionnaireResponse", partial).await;
        assert_eq!((s, stored["status"].as_str()), (201, Some("stopped")));
        let extracted = stored["extension"].as_array().unwrap();
        assert_eq!(extracted.len(), 6, "the panel and five questions: {stored}");
        assert!(!stored["extension"].to_string().contains("-total"), "no total, so no total Observation: {stored}");
        let (_, obs) = a.get(&format!("/fhir/r4/Observation?patient={c}&code=http://loinc.org|44261-6")).await;
        assert_eq!(obs["total"], 0);
        let (_, obs) = a.get(&format!("/fhir/r4/Observation?patient={c}")).await;
        assert_eq!(obs["total"], 6);
    })
    .await;
}

#[tokio::test]
async fn courses_sessions_and_problem_areas_are_episodes_encounters_and_conditions() {
    on_each_backend(|app| async move {
        let alice = app.user("alice@clinic.example", Role::Clinician).await;
        let bob = app.user("bob@clinic.example", Role::Clinician).await;
        let (a, b) = (Api::new(&app, &alice).await, Api::new(&app, &bob).await);
        let c = a.new_client("Course Person").await;
        let course = a
            .new_course(&c, json!({ "protocol": "ipt-individual", "planned_sessions": 12, "start_date": "2026-03-02" }))
            .await;
        let sessions = a.attended_sessions(&course, &["2026-03-02", "2026-03-09", "2026-03-16"]).await;

        let reads = app.count(action::COURSE_READ).await;
        let (s, ep) = a.get(&format!("/fhir/r4/EpisodeOfCare/{course}")).await;
        assert_eq!(
            (s, ep["status"].as_str(), ep["patient"]["reference"].as_str()),
            (200, Some("active"), Some(format!("Patient/{c}").as_str()))
        );
        assert_eq!(app.count(action::COURSE_READ).await, reads + 1, "the read is audited");
        let (_, eps) = a.get(&format!("/fhir/r4/EpisodeOfCare?patient={c}")).await;
        assert_eq!(eps["total"], 1);
        assert_eq!(b.get(&format!("/fhir/r4/EpisodeOfCare/{course}")).await.0, 404);

        let (s, enc) = a.get(&format!("/fhir/r4/Encounter/{}", sessions[1])).await;
        assert_eq!(s, 200, "{enc}");
        assert_eq!((enc["status"].as_str(), enc["class"]["code"].as_str()), (Some("finished"), Some("AMB")));
        assert_eq!(enc["episodeOfCare"][0]["reference"], format!("EpisodeOfCare/{course}"));
        assert!(enc["period"]["start"].as_str().unwrap().starts_with("2026-03-09"));
        assert_eq!(b.get(&format!("/fhir/r4/Encounter/{}", sessions[1])).await.0, 404);
        let (_, all) = a.get(&format!("/fhir/r4/Encounter?patient=Patient/{c}&_count=2")).await;
        assert_eq!((all["total"].as_i64(), all["entry"].as_array().unwrap().len()), (Some(3), 2));
        let (_, dated) =
            a.get(&format!("/fhir/r4/Encounter?episode-of-care=EpisodeOfCare/{course}&date=ge2026-03-09")).await;
        assert_eq!(dated["total"], 2);
        assert_eq!(a.get("/fhir/r4/Encounter").await.0, 400);

        // The formulation's problem areas are problem-list Conditions coded in Rapport's CodeSystem.
        let (_, none) = a.get(&format!("/fhir/r4/Condition?patient={c}")).await;
        assert_eq!(none["total"], 0);
        crate::formulation::agree_formulation(&a, &c, &course, &["role_dispute", "grief"], "2026-03-09").await;
        let reads = app.count(action::RECORD_READ).await;
        let (_, conditions) = a.get(&format!("/fhir/r4/Condition?patient={c}")).await;
        assert_eq!(conditions["total"], 2);
        assert_eq!(app.count(action::RECORD_READ).await, reads + 1, "the formulation read is audited");
        let first = &conditions["entry"][0]["resource"];
        assert_eq!(first["code"]["coding"][0]["system"], "https://rapport-ipt.org/fhir/CodeSystem/ipt-problem-area");
        assert_eq!(first["code"]["coding"][0]["code"], "role_dispute");
        assert_eq!(first["recordedDate"], "2026-03-09");
        assert_eq!(first["category"][0]["coding"][0]["code"], "problem-list-item");
        let id = first["id"].as_str().unwrap();
        assert_eq!(id, format!("{course}-role-dispute"));
        assert_eq!(a.get(&format!("/fhir/r4/Condition/{id}")).await.0, 200);
        assert_eq!(b.get(&format!("/fhir/r4/Condition/{id}")).await.0, 404);
        assert_eq!(a.get(&format!("/fhir/r4/Condition/{course}-role-transition")).await.0, 404);
        let (_, grief) = a.get(&format!("/fhir/r4/Condition?patient={c}&code=grief")).await;
        assert_eq!(grief["total"], 1);
        let (s, cs) = a.get("/fhir/r4/CodeSystem/ipt-problem-area").await;
        assert_eq!((s, cs["content"].as_str(), cs["count"].as_i64()), (200, Some("complete"), Some(5)));
        assert_eq!(a.get("/fhir/r4/CodeSystem/other").await.0, 404);
    })
    .await;
}

pub async fn matrix_fixtures(
    app: &TestApp,
    client: &rapport_core::Id,
    clinician: &rapport_core::Id,
    out: &mut Vec<(&'static str, String)>,
) {
    out.push(("{fhir_patient}", client.to_string()));
    // A structured assessment of the measures fixtures' flag (on the same client).
    let flag = out.iter().find(|(k, _)| *k == "{flag}").map(|(_, v)| v.clone()).expect("the measures fixtures' flag");
    let assessment = rapport_core::risk::Assessment {
        ideation: "none".into(),
        plan: "none".into(),
        intent: "none".into(),
        means: "none".into(),
        history: "none".into(),
        protective_factors: "family".into(),
        risk_level: rapport_core::risk::RiskLevel::Low,
        actions: None,
        screening: rapport_core::risk::Screening::None,
        follow_up_on: None,
    };
    let flag = rapport_core::Id::parse(&flag).unwrap();
    let id = app
        .store
        .record_risk_assessment(&flag, &assessment, clinician, test_event(action::RISK_ASSESSMENT_RECORD))
        .await
        .unwrap();
    out.push(("{risk_assessment}", id.to_string()));
}

pub fn matrix_entries() -> Vec<Entry> {
    vec![
        // Public, as FHIR clients read it before they sign in.
        e(M::GET, "/fhir/r4/metadata", "/fhir/r4/metadata", "AAAAA"),
        e(M::GET, "/fhir/r4/{*rest}", "/fhir/r4/MedicationStatement", "NNNNN"),
        e(M::GET, "/fhir/r4/Patient", "/fhir/r4/Patient", "LFAAA"),
        e(M::GET, "/fhir/r4/Patient/{id}", "/fhir/r4/Patient/{client}", "LNAAN"),
        e(M::GET, "/fhir/r4/Questionnaire", "/fhir/r4/Questionnaire", "LAAAA"),
        e(M::GET, "/fhir/r4/Questionnaire/{id}", "/fhir/r4/Questionnaire/phq9-v1", "LAAAA"),
        e(M::GET, "/fhir/r4/QuestionnaireResponse", "/fhir/r4/QuestionnaireResponse?patient={client}", "LNAAN"),
        e(M::GET, "/fhir/r4/QuestionnaireResponse/{id}", "/fhir/r4/QuestionnaireResponse/{response}", "LNAAN"),
        j(
            M::POST,
            "/fhir/r4/QuestionnaireResponse",
            "/fhir/r4/QuestionnaireResponse",
            "LNAAN",
            r#"{"resourceType": "QuestionnaireResponse", "status": "completed",
                "questionnaire": "https://rapport-ipt.org/fhir/Questionnaire/phq9",
                "subject": {"reference": "Patient/{fhir_patient}"},
                "item": [{"linkId": "interest", "answer": [{"valueInteger": 0}]}]}"#,
        ),
        e(M::GET, "/fhir/r4/Observation", "/fhir/r4/Observation?patient={client}", "LNAAN"),
        e(M::GET, "/fhir/r4/Observation/{id}", "/fhir/r4/Observation/{response}-total", "LNAAN"),
        e(M::GET, "/fhir/r4/Flag", "/fhir/r4/Flag?patient={client}", "LNAAN"),
        e(M::GET, "/fhir/r4/Flag/{id}", "/fhir/r4/Flag/{flag}", "LNAAN"),
        // Individual care: a group facilitator on the care team never sees a course (`course_for`).
        e(M::GET, "/fhir/r4/RiskAssessment", "/fhir/r4/RiskAssessment?patient={client}", "LNAAN"),
        e(M::GET, "/fhir/r4/RiskAssessment/{id}", "/fhir/r4/RiskAssessment/{risk_assessment}", "LNAAN"),
        e(M::GET, "/fhir/r4/EpisodeOfCare", "/fhir/r4/EpisodeOfCare?patient={client}", "LNAANNNNN"),
        e(M::GET, "/fhir/r4/EpisodeOfCare/{id}", "/fhir/r4/EpisodeOfCare/{course}", "LNAANNNNN"),
        e(M::GET, "/fhir/r4/Encounter", "/fhir/r4/Encounter?patient={client}", "LNAANNNNN"),
        e(M::GET, "/fhir/r4/Encounter/{id}", "/fhir/r4/Encounter/{session}", "LNAANNNNN"),
        e(M::GET, "/fhir/r4/Condition", "/fhir/r4/Condition?patient={client}", "LNAANNNNN"),
        e(M::GET, "/fhir/r4/Condition/{id}", "/fhir/r4/Condition/{course}-role-dispute", "LNAANNNNN"),
        e(M::GET, "/fhir/r4/CarePlan", "/fhir/r4/CarePlan?patient={client}", "LNAANNNNN"),
        e(M::GET, "/fhir/r4/CarePlan/{id}", "/fhir/r4/CarePlan/{course}", "LNAANNNNN"),
        e(M::GET, "/fhir/r4/Goal", "/fhir/r4/Goal?patient={client}", "LNAANNNNN"),
        e(M::GET, "/fhir/r4/Goal/{id}", "/fhir/r4/Goal/{goal}", "LNAANNNNN"),
        // One's own audit entries, for every staff token (a client's account reaches
        // nothing here); entry 1 is nobody's here but the system's.
        e(M::GET, "/fhir/r4/AuditEvent", "/fhir/r4/AuditEvent", "LAAAANAAA"),
        e(M::GET, "/fhir/r4/AuditEvent/{id}", "/fhir/r4/AuditEvent/1", "LNNNNNNNN"),
        e(M::GET, "/fhir/r4/CodeSystem/{id}", "/fhir/r4/CodeSystem/ipt-problem-area", "LAAAA"),
        e(M::GET, "/fhir/r4/CareTeam", "/fhir/r4/CareTeam?patient={client}", "LNAAN"),
        e(M::GET, "/fhir/r4/CareTeam/{id}", "/fhir/r4/CareTeam/{client}", "LNAAN"),
        e(M::GET, "/fhir/r4/Practitioner", "/fhir/r4/Practitioner", "LAAAA"),
        e(M::GET, "/fhir/r4/Practitioner/{id}", "/fhir/r4/Practitioner/{dummy}", "LAAAA"),
        e(M::GET, "/fhir/r4/PractitionerRole", "/fhir/r4/PractitionerRole", "LAAAA"),
        e(M::GET, "/fhir/r4/PractitionerRole/{id}", "/fhir/r4/PractitionerRole/{dummy}", "LAAAA"),
        e(M::GET, "/fhir/r4/Organization/{id}", "/fhir/r4/Organization/organisation", "LAAAA"),
    ]
}

#[tokio::test]
async fn care_teams_practitioners_and_their_roles() {
    on_each_backend(|app| async move {
        let alice = app.user("alice@clinic.example", Role::Clinician).await;
        let bob = app.user("bob@clinic.example", Role::Clinician).await;
        let sam = app.user("sam@clinic.example", Role::Supervisor).await;
        let (a, b) = (Api::new(&app, &alice).await, Api::new(&app, &bob).await);
        let c = a.new_client("Team Person").await;
        let page = format!("/clients/{c}/care-team");
        let r =
            app.browser_as("alice@clinic.example").await.submit(&page, &page, &[("user_id", sam.id.as_str())]).await;
        assert!(r.status().is_redirection() || r.status().is_success(), "{}", r.status());

        // The client's care team shares the Patient's id; the responsible clinician is marked.
        let reads = app.count(action::CARE_TEAM_READ).await;
        let (s, team) = a.get(&format!("/fhir/r4/CareTeam/{c}")).await;
        assert_eq!((s, team["status"].as_str()), (200, Some("active")), "{team}");
        assert_eq!(app.count(action::CARE_TEAM_READ).await, reads + 1, "the read is audited");
        assert_eq!(team["subject"]["reference"], format!("Patient/{c}"));
        let members = team["participant"].as_array().unwrap();
        assert_eq!(members.len(), 2);
        assert_eq!(members[0]["member"]["reference"], format!("Practitioner/{}", alice.id));
        let roles = |m: &Value| -> Vec<String> {
            m["role"].as_array().unwrap().iter().map(|r| r["coding"][0]["code"].as_str().unwrap().to_string()).collect()
        };
        assert_eq!(roles(&members[0]), ["clinician", "responsible"]);
        assert_eq!(roles(&members[1]), ["supervisor"]);
        assert!(team["meta"]["lastUpdated"].is_string() && team["meta"]["versionId"].is_string());
        assert_eq!(team["meta"]["security"][0]["code"], "BH");
        let r = a
            .http
            .get(app.url(&format!("/fhir/r4/CareTeam/{c}")))
            .bearer_auth(&a.token)
            .header("if-none-match", format!("W/\"{}\"", team["meta"]["versionId"].as_str().unwrap()))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 304);
        let (_, found) = a.get(&format!("/fhir/r4/CareTeam?subject=Patient/{c}")).await;
        assert_eq!(
            (found["total"].as_i64(), found["entry"][0]["resource"]["id"].as_str()),
            (Some(1), Some(c.as_str()))
        );
        assert_eq!(b.get(&format!("/fhir/r4/CareTeam/{c}")).await.0, 404);
        assert_eq!(b.get(&format!("/fhir/r4/CareTeam?patient={c}")).await.0, 404);
        assert_eq!(a.get("/fhir/r4/CareTeam").await.0, 400, "the patient is required");

        // Staff: searched by name, each with one role in the organisation.
        let (s, all) = b.get("/fhir/r4/Practitioner?_count=2").await;
        assert_eq!((s, all["total"].as_i64(), all["entry"].as_array().unwrap().len()), (200, Some(3), 2));
        assert!(all["link"].as_array().unwrap().iter().any(|l| l["relation"] == "next"));
        let (_, named) = b.get("/fhir/r4/Practitioner?name=ALI").await;
        assert_eq!(
            (named["total"].as_i64(), named["entry"][0]["resource"]["id"].as_str()),
            (Some(1), Some(alice.id.as_str()))
        );
        let (s, role) = b.get(&format!("/fhir/r4/PractitionerRole/{}", sam.id)).await;
        assert_eq!((s, role["code"][0]["coding"][0]["code"].as_str()), (200, Some("supervisor")), "{role}");
        assert_eq!(role["practitioner"]["reference"], format!("Practitioner/{}", sam.id));
        assert_eq!(role["organization"]["reference"], "Organization/organisation");
        let (_, roles) = b.get(&format!("/fhir/r4/PractitionerRole?practitioner=Practitioner/{}", alice.id)).await;
        assert_eq!(
            (roles["total"].as_i64(), roles["entry"][0]["resource"]["id"].as_str()),
            (Some(1), Some(alice.id.as_str()))
        );
        assert_eq!(b.get("/fhir/r4/PractitionerRole?practitioner=Group/x").await.0, 400);
        assert_eq!(b.get("/fhir/r4/PractitionerRole/not-an-id").await.0, 404);
    })
    .await;
}

#[tokio::test]
async fn a_course_plan_and_its_goals_are_a_care_plan_and_goals() {
    on_each_backend(|app| async move {
        let alice = app.user("alice@clinic.example", Role::Clinician).await;
        let bob = app.user("bob@clinic.example", Role::Clinician).await;
        let (a, b) = (Api::new(&app, &alice).await, Api::new(&app, &bob).await);
        let c = a.new_client("Plan Person").await;
        let course = a
            .new_course(&c, json!({ "protocol": "ipt-individual", "planned_sessions": 12, "start_date": "2026-03-02" }))
            .await;
        let sessions = a.attended_sessions(&course, &["2026-03-02", "2026-03-09"]).await;
        crate::formulation::agree_formulation(&a, &c, &course, &["role_dispute"], "2026-03-09").await;
        let mut goals = Vec::new();
        for (statement, target) in [("Argue less with my sister", Some("We talk once a week")), ("Sleep better", None)] {
            let g = a
                .create(
                    &format!("/api/v1/courses/{course}/goals"),
                    json!({ "problem_area": "role_dispute", "statement": statement, "target": target, "due_date": "2026-05-25" }),
                )
                .await;
            goals.push(g["id"].as_str().unwrap().to_string());
        }
        let (s, done) = a.put(&format!("/api/v1/goals/{}", goals[1]), json!({ "status": "achieved" })).await;
        assert_eq!(s, 200, "{done}");

        // The course's plan: its period, the sessions planned and held, the area and the goals.
        let reads = app.count(action::RECORD_READ).await;
        let (s, plan) = a.get(&format!("/fhir/r4/CarePlan/{course}")).await;
        assert_eq!((s, plan["status"].as_str(), plan["intent"].as_str()), (200, Some("active"), Some("plan")), "{plan}");
        assert_eq!(app.count(action::RECORD_READ).await, reads + 1, "the plan's read is audited");
        assert_eq!(plan["period"]["start"], "2026-03-02");
        assert_eq!(plan["addresses"][0]["reference"], format!("Condition/{course}-role-dispute"));
        let goal_refs: Vec<&str> = plan["goal"].as_array().unwrap().iter().map(|g| g["reference"].as_str().unwrap()).collect();
        assert_eq!(goal_refs, [format!("Goal/{}", goals[0]), format!("Goal/{}", goals[1])]);
        let activity = &plan["activity"][0];
        assert_eq!(activity["detail"]["scheduledTiming"]["repeat"]["count"], 12);
        assert_eq!(activity["outcomeReference"][1]["reference"], format!("Encounter/{}", sessions[1]));
        assert_eq!(plan["supportingInfo"][0]["reference"], format!("EpisodeOfCare/{course}"));
        assert_eq!(plan["meta"]["security"][1]["code"], "R");
        assert!(plan["meta"]["lastUpdated"].is_string());
        let (_, plans) = a.get(&format!("/fhir/r4/CarePlan?patient=Patient/{c}")).await;
        assert_eq!(plans["total"], 1);
        assert_eq!(b.get(&format!("/fhir/r4/CarePlan/{course}")).await.0, 404);
        assert_eq!(b.get(&format!("/fhir/r4/CarePlan?patient={c}")).await.0, 404);
        assert_eq!(a.get("/fhir/r4/CarePlan").await.0, 400);

        // Goals: lifecycle from the goal's state, the target and due date, the area's Condition.
        let (s, g) = a.get(&format!("/fhir/r4/Goal/{}", goals[0])).await;
        assert_eq!((s, g["lifecycleStatus"].as_str()), (200, Some("active")), "{g}");
        assert_eq!(g["description"]["text"], "Argue less with my sister");
        assert_eq!(g["target"][0]["detailString"], "We talk once a week");
        assert_eq!(g["target"][0]["dueDate"], "2026-05-25");
        assert_eq!(g["addresses"][0]["reference"], format!("Condition/{course}-role-dispute"));
        let r = a
            .http
            .get(app.url(&format!("/fhir/r4/Goal/{}", goals[0])))
            .bearer_auth(&a.token)
            .header("if-none-match", format!("W/\"{}\"", g["meta"]["versionId"].as_str().unwrap()))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 304);
        let (_, all) = a.get(&format!("/fhir/r4/Goal?patient={c}&_count=1")).await;
        assert_eq!((all["total"].as_i64(), all["entry"].as_array().unwrap().len()), (Some(2), 1));
        assert!(all["link"].as_array().unwrap().iter().any(|l| l["relation"] == "next"));
        let (_, completed) = a.get(&format!("/fhir/r4/Goal?subject=Patient/{c}&lifecycle-status=completed")).await;
        assert_eq!((completed["total"].as_i64(), completed["entry"][0]["resource"]["id"].as_str()), (Some(1), Some(goals[1].as_str())));
        assert_eq!(completed["entry"][0]["resource"]["achievementStatus"]["coding"][0]["code"], "achieved");
        assert_eq!(a.get(&format!("/fhir/r4/Goal?patient={c}&lifecycle-status=proposed")).await.0, 400);
        assert_eq!(b.get(&format!("/fhir/r4/Goal/{}", goals[0])).await.0, 404);
        assert_eq!(b.get(&format!("/fhir/r4/Goal?patient={c}")).await.0, 404);
    })
    .await;
}

#[tokio::test]
async fn structured_risk_assessments_are_risk_assessments() {
    on_each_backend(|app| async move {
        let alice = app.user("alice@clinic.example", Role::Clinician).await;
        let bob = app.user("bob@clinic.example", Role::Clinician).await;
        let (a, b) = (Api::new(&app, &alice).await, Api::new(&app, &bob).await);
        let c = a.new_client("Risk Person").await;
        let r = a.respond(&c, json!({"instrument": "phq9", "answers": [1, 1, 1, 1, 1, 1, 1, 1, 2]})).await;
        let (flag, response) = (r["risk_flag_id"].as_str().unwrap().to_string(), r["id"].as_str().unwrap().to_string());
        let (_, none) = a.get(&format!("/fhir/r4/RiskAssessment?patient={c}")).await;
        assert_eq!(none["total"], 0);
        let mut ids = Vec::new();
        for level in ["moderate", "imminent"] {
            let body = json!({
                "ideation": "passive thoughts", "plan": "none", "intent": "none", "means": "none",
                "history": "none", "protective_factors": "children", "risk_level": level,
                "actions": "safety plan reviewed", "screening_tool": "none"
            });
            let (s, rec) = a.post(&format!("/api/v1/risk-flags/{flag}/assessments"), body).await;
            assert_eq!(s, 201, "{rec}");
            ids.push(rec["id"].as_str().unwrap().to_string());
        }

        let reads = app.count(action::RISK_FLAG_READ).await;
        let (s, ra) = a.get(&format!("/fhir/r4/RiskAssessment/{}", ids[1])).await;
        assert_eq!((s, ra["status"].as_str()), (200, Some("final")), "{ra}");
        assert_eq!(app.count(action::RISK_FLAG_READ).await, reads + 1, "the read is audited");
        let risk = &ra["prediction"][0]["qualitativeRisk"];
        assert_eq!(
            (risk["coding"][0]["code"].as_str(), risk["coding"][1]["code"].as_str()),
            (Some("high"), Some("imminent"))
        );
        let basis: Vec<&str> =
            ra["basis"].as_array().unwrap().iter().map(|r| r["reference"].as_str().unwrap()).collect();
        assert_eq!(basis, [format!("Flag/{flag}"), format!("QuestionnaireResponse/{response}")]);
        assert_eq!(ra["subject"]["reference"], format!("Patient/{c}"));
        assert!(!ra.to_string().contains("safety plan reviewed"), "the clinician's words stay: {ra}");
        assert_eq!(ra["meta"]["security"][0]["code"], "BH");
        let r = a
            .http
            .get(app.url(&format!("/fhir/r4/RiskAssessment/{}", ids[1])))
            .bearer_auth(&a.token)
            .header("if-none-match", "W/\"1\"")
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 304);
        let (_, all) = a.get(&format!("/fhir/r4/RiskAssessment?subject=Patient/{c}&_count=1")).await;
        assert_eq!((all["total"].as_i64(), all["entry"].as_array().unwrap().len()), (Some(2), 1));
        assert!(all["link"].as_array().unwrap().iter().any(|l| l["relation"] == "next"));
        assert_eq!(b.get(&format!("/fhir/r4/RiskAssessment/{}", ids[0])).await.0, 404);
        assert_eq!(b.get(&format!("/fhir/r4/RiskAssessment?patient={c}")).await.0, 404);
        assert_eq!(a.get(&format!("/fhir/r4/RiskAssessment/{flag}")).await.0, 404, "a flag is no assessment");
        assert_eq!(a.get("/fhir/r4/RiskAssessment").await.0, 400);
    })
    .await;
}

#[tokio::test]
async fn audit_events_are_the_callers_own_entries_newest_first() {
    on_each_backend(|app| async move {
        let alice = app.user("alice@clinic.example", Role::Clinician).await;
        let bob = app.user("bob@clinic.example", Role::Clinician).await;
        let (a, b) = (Api::new(&app, &alice).await, Api::new(&app, &bob).await);
        let c = a.new_client("Audited Person").await;
        let theirs = b.new_client("Bob Client").await;
        assert_eq!(a.get("/fhir/r4/Questionnaire/phq9-v1").await.0, 200, "not audited: no client data");
        assert_eq!(a.get(&format!("/fhir/r4/EpisodeOfCare?patient={c}")).await.0, 200);
        assert_eq!(a.get(&format!("/fhir/r4/Patient/{c}")).await.0, 200);
        assert_eq!(b.get(&format!("/fhir/r4/Patient/{theirs}")).await.0, 200);

        let (s, page) = a.get("/fhir/r4/AuditEvent?_count=2").await;
        assert!(page["link"].as_array().unwrap().iter().any(|l| l["relation"] == "next"), "{page}");
        assert_eq!((s, page["type"].as_str()), (200, Some("searchset")), "{page}");
        let events: Vec<&Value> = page["entry"].as_array().unwrap().iter().map(|e| &e["resource"]).collect();
        assert_eq!(events.len(), 2);
        // Newest first: the client read just made, before it the client's creation.
        let read = events.iter().find(|e| e["type"]["code"] == action::CLIENT_READ).expect("the Patient read");
        assert_eq!(read["action"], "R");
        assert_eq!(read["outcome"], "0");
        assert_eq!(read["agent"][0]["who"]["reference"], format!("Practitioner/{}", alice.id));
        assert!(read["entity"].as_array().unwrap().iter().any(|e| e["what"]["reference"] == format!("Patient/{c}")));
        assert_eq!(read["meta"]["security"][0]["code"], "BH");
        let ids: Vec<i64> = events.iter().map(|e| e["id"].as_str().unwrap().parse().unwrap()).collect();
        assert!(ids[0] > ids[1], "newest first: {ids:?}");

        // Paging by the next link, down to the first entry; never anyone else's.
        let mut url = page["link"].as_array().unwrap().iter().find(|l| l["relation"] == "next").unwrap()["url"]
            .as_str()
            .unwrap()
            .to_string();
        let mut seen = ids.clone();
        for _ in 0..50 {
            let path = &url[url.find("/fhir/r4/").unwrap()..];
            let (s, next) = a.get(path).await;
            assert_eq!(s, 200, "{next}");
            for e in next["entry"].as_array().into_iter().flatten() {
                let r = &e["resource"];
                assert_eq!(r["agent"][0]["who"]["reference"], format!("Practitioner/{}", alice.id), "{r}");
                seen.push(r["id"].as_str().unwrap().parse().unwrap());
            }
            match next["link"].as_array().unwrap().iter().find(|l| l["relation"] == "next") {
                Some(l) => url = l["url"].as_str().unwrap().to_string(),
                None => break,
            }
        }
        assert!(seen.windows(2).all(|w| w[0] > w[1]), "one order, no repeats: {seen:?}");
        let (_, everything) = a.get("/fhir/r4/AuditEvent?_count=100").await;
        let all: Vec<&Value> = everything["entry"].as_array().unwrap().iter().map(|e| &e["resource"]).collect();
        assert!(all.iter().all(|r| r["agent"][0]["who"]["reference"] == format!("Practitioner/{}", alice.id)));
        assert!(!everything.to_string().contains(&theirs), "nothing of bob's");

        // Read one of one's own; another's is absent.
        let own = read["id"].as_str().unwrap();
        let (s, one) = a.get(&format!("/fhir/r4/AuditEvent/{own}")).await;
        assert_eq!((s, one["id"].as_str()), (200, Some(own)), "{one}");
        assert_eq!(b.get(&format!("/fhir/r4/AuditEvent/{own}")).await.0, 404);
        assert_eq!(a.get("/fhir/r4/AuditEvent/not-a-number").await.0, 404);
        assert_eq!(a.get("/fhir/r4/AuditEvent?before=yesterday").await.0, 400);
        assert_eq!(a.get("/fhir/r4/AuditEvent?_offset=5").await.0, 400);
        assert_eq!(a.get("/fhir/r4/AuditEvent?patient=x").await.0, 400);
    })
    .await;
}

#[tokio::test]
async fn searches_include_the_patient_and_the_questionnaires_once_each() {
    on_each_backend(|app| async move {
        let alice = app.user("alice@clinic.example", Role::Clinician).await;
        let bob = app.user("bob@clinic.example", Role::Clinician).await;
        let (a, b) = (Api::new(&app, &alice).await, Api::new(&app, &bob).await);
        let c = a.new_client("Include Person").await;
        a.new_course(&c, json!({ "protocol": "ipt-individual", "planned_sessions": 12, "start_date": "2026-03-02" }))
            .await;
        for answers in [[1, 1, 1, 1, 1, 1, 1, 1, 0], [0, 1, 0, 1, 0, 1, 0, 1, 0]] {
            a.respond(&c, json!({"instrument": "phq9", "answers": answers})).await;
        }
        a.respond(&c, json!({"instrument": "gad7", "answers": [1, 1, 1, 1, 1, 1, 1]})).await;
        let modes = |b: &Value| -> Vec<(String, String)> {
            b["entry"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| {
                    let kind = e["resource"]["resourceType"].as_str().unwrap().to_string();
                    (kind, e["search"]["mode"].as_str().unwrap().to_string())
                })
                .collect()
        };
        let m = |k: &str, mode: &str| (k.to_string(), mode.to_string());

        // The patient once, after the matches; its read is audited like a read.
        let reads = app.count(action::CLIENT_READ).await;
        let (_, plain) = a.get(&format!("/fhir/r4/Observation?patient={c}")).await;
        let plain_reads = app.count(action::CLIENT_READ).await - reads;
        let reads = app.count(action::CLIENT_READ).await;
        let (s, obs) = a.get(&format!("/fhir/r4/Observation?patient={c}&_include=Observation:patient&_count=2")).await;
        assert_eq!(s, 200, "{obs}");
        assert_eq!(modes(&obs), [m("Observation", "match"), m("Observation", "match"), m("Patient", "include")]);
        // Two PHQ-9s (total, panel, 9 questions) and a GAD-7 (total, panel, 7).
        assert_eq!((obs["total"].as_i64(), plain["total"].as_i64()), (Some(31), Some(31)), "includes do not count");
        assert_eq!(obs["entry"][2]["resource"]["id"], c.as_str());
        assert_eq!(app.count(action::CLIENT_READ).await - reads, plain_reads + 1, "the included Patient's read");
        let next =
            obs["link"].as_array().unwrap().iter().find(|l| l["relation"] == "next").unwrap()["url"].as_str().unwrap();
        assert!(next.contains("_include=Observation%3Apatient"), "{next}");
        let (_, typed) =
            a.get(&format!("/fhir/r4/Observation?patient={c}&_include=Observation:patient:Patient&_offset=30")).await;
        assert_eq!(modes(&typed), [m("Observation", "match"), m("Patient", "include")]);
        let (_, none) = a.get(&format!("/fhir/r4/Observation?patient={c}&_include=Observation:patient&_count=0")).await;
        assert!(none.get("entry").is_none(), "no matches on the page, nothing included: {none}");

        // _elements: each match trimmed to what was asked and what is mandatory, tagged
        // SUBSETTED; the included Patient whole; the next link keeps asking.
        let (s, slim) = a
            .get(&format!(
                "/fhir/r4/Observation?patient={c}&_elements=effectiveDateTime&_include=Observation:patient&_count=2"
            ))
            .await;
        assert_eq!(s, 200, "{slim}");
        let first = &slim["entry"][0]["resource"];
        let mut keys: Vec<&str> = first.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort();
        assert_eq!(keys, ["code", "effectiveDateTime", "id", "meta", "resourceType", "status"]);
        assert_eq!(first["meta"]["tag"][0]["code"], "SUBSETTED");
        assert!(slim["entry"][2]["resource"].get("name").is_some(), "the included Patient is whole");
        let next =
            slim["link"].as_array().unwrap().iter().find(|l| l["relation"] == "next").unwrap()["url"].as_str().unwrap();
        assert!(next.contains("_elements=effectiveDateTime"), "{next}");
        let (s, o) = a.get(&format!("/fhir/r4/Observation?patient={c}&_elements=value[x]")).await;
        assert_eq!((s, issue(&o).1), (400, "_elements"));
        let (_, trail) = a.get("/fhir/r4/AuditEvent?_count=1&_elements=recorded").await;
        assert!(trail["entry"][0]["resource"].get("entity").is_none(), "{trail}");
        assert!(trail["link"].to_string().contains("_elements=recorded"));

        // Each questionnaire answered on the page, once.
        let (_, qrs) = a
            .get(&format!("/fhir/r4/QuestionnaireResponse?patient={c}&_include=QuestionnaireResponse:questionnaire"))
            .await;
        let included: Vec<&str> = qrs["entry"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["search"]["mode"] == "include")
            .map(|e| e["resource"]["id"].as_str().unwrap())
            .collect();
        let mut sorted = included.clone();
        sorted.sort();
        assert_eq!(sorted, ["gad7-v2", "phq9-v1"]);
        assert_eq!(qrs["total"], 3);

        let (_, eps) = a.get(&format!("/fhir/r4/EpisodeOfCare?patient={c}&_include=EpisodeOfCare:patient")).await;
        assert_eq!(modes(&eps), [m("EpisodeOfCare", "match"), m("Patient", "include")]);

        // Only the includes each type offers; another clinician's patient stays absent.
        let (s, o) = a.get(&format!("/fhir/r4/Observation?patient={c}&_include=Observation:subject:Group")).await;
        assert_eq!((s, issue(&o).1), (400, "_include"));
        let (s, o) = a.get(&format!("/fhir/r4/EpisodeOfCare?patient={c}&_include=EpisodeOfCare:care-manager")).await;
        assert_eq!((s, issue(&o).1), (400, "_include"));
        let (s, o) = a.get(&format!("/fhir/r4/Flag?patient={c}&_include=Flag:patient")).await;
        assert_eq!((s, issue(&o).1), (400, "_include"));
        assert_eq!(b.get(&format!("/fhir/r4/Observation?patient={c}&_include=Observation:patient")).await.0, 404);
    })
    .await;
}
