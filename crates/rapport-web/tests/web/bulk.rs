//! SMART Backend Services and Bulk Data `$export`: a registered machine
//! client signs an ES384 assertion, gets a five-minute token with the scopes
//! it asked for and may have, reads a Group, and exports its members'
//! Patients, QuestionnaireResponses and Observations as NDJSON; replays,
//! wrong audiences, foreign keys and unknown types are refused; another
//! client cannot poll or download; DELETE cancels; expired files go.

use crate::matrix::{e, Entry};
use crate::support::*;
use jsonwebtoken::{encode, Algorithm, EncodingKey, Header};
use rapport_app::machine::{register, NewClient, Registrar};
use rapport_core::access::Role;
use rapport_core::audit::action;
use reqwest::Method as M;
use serde_json::{json, Value};

/// An EC P-384 key pair made for these tests: the private key (PKCS#8 DER)
/// signs, the public JWK is what an administrator registers.
const EC_PRIVATE_PKCS8: &str = "3081b6020100301006072a8648ce3d020106052b8104002204819e30819b0201010430c7a1a6c092225a0aa08585e3f6a489a4e0438eb39fae65b516f4fc4ee719814dadc47cf5847b143998d49dfc3183303aa16403620004248c4ff5d268f2dd9df7c2d4fe8c3cb94018947b53eff35405dfdaf9dc4339d2090ed1347026ce26d4f80fc3d770bea1202a409814cca8b04e14a7beccc89c49c77e8b6c390126f89f5d5cd6197592d65828e6fbb6d6f9747be1f5016c0d4a9f";
const EC_PUBLIC_JWKS: &str = r#"{"keys": [{"kty": "EC", "crv": "P-384", "kid": "test-1", "alg": "ES384", "use": "sig",
    "x": "JIxP9dJo8t2d98LU_ow8uUAYlHtT7_NUBd_a-dxDOdIJDtE0cCbOJtT4D8PXcL6h",
    "y": "ICpAmBTMqLBOFKe-zMicScd-i2w5ASb4n11c1hl1ktZYKOb7ttb5dHvh9QFsDUqf"}]}"#;

fn state(app: &TestApp) -> rapport_web::AppState {
    rapport_web::AppState::new(app.store.clone(), rapport_web::Config::default())
}

/// Registers a machine client the way the CLI does; returns its id.
async fn machine_client(app: &TestApp, name: &str, scopes: &str) -> String {
    let input = NewClient { name, jwks: EC_PUBLIC_JWKS, scopes };
    register(&state(app), Registrar::CommandLine, &input).await.unwrap().id.to_string()
}

/// A signed client assertion; `tweak` changes the claims before signing.
fn assertion(app: &TestApp, client: &str, tweak: impl FnOnce(&mut Value)) -> String {
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let mut claims = json!({
        "iss": client, "sub": client, "aud": app.url("/fhir/r4/auth/token"),
        "exp": now + 240, "jti": rapport_core::Id::new().to_string(),
    });
    tweak(&mut claims);
    let key = EncodingKey::from_ec_der(&hex::decode(EC_PRIVATE_PKCS8).unwrap());
    let mut header = Header::new(Algorithm::ES384);
    header.kid = Some("test-1".into());
    encode(&header, &claims, &key).unwrap()
}

async fn token_request(app: &TestApp, assertion: &str, scope: &str) -> (u16, Value) {
    let r = reqwest::Client::new()
        .post(app.url("/fhir/r4/auth/token"))
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
            ("client_assertion", assertion),
            ("scope", scope),
        ])
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.json().await.unwrap())
}

async fn access_token(app: &TestApp, client: &str, scope: &str) -> String {
    let (s, t) = token_request(app, &assertion(app, client, |_| {}), scope).await;
    assert_eq!(s, 200, "{t}");
    t["access_token"].as_str().unwrap().to_string()
}

async fn get(app: &TestApp, token: &str, path: &str, prefer: bool) -> reqwest::Response {
    let mut req =
        reqwest::Client::new().get(app.url(path)).bearer_auth(token).header("accept", "application/fhir+json");
    if prefer {
        req = req.header("prefer", "respond-async");
    }
    req.send().await.unwrap()
}

/// Polls a status URL until the export is done; returns the manifest.
async fn wait_for(token: &str, status_url: &str) -> Value {
    for _ in 0..200 {
        let r = reqwest::Client::new().get(status_url).bearer_auth(token).send().await.unwrap();
        match r.status().as_u16() {
            202 => {
                assert_eq!(r.headers()["retry-after"], "2");
                assert!(r.headers().contains_key("x-progress"));
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            }
            200 => {
                assert!(r.headers().contains_key("expires"));
                return r.json().await.unwrap();
            }
            other => panic!("status poll answered {other}: {}", r.text().await.unwrap()),
        }
    }
    panic!("the export did not finish");
}

/// A group run by a facilitator, with two members, one of whom answered a PHQ-9.
pub(crate) async fn cohort(app: &TestApp) -> (String, Vec<String>) {
    let sup = app.user("sup@bulk.example", Role::Supervisor).await;
    let fac = app.user("fac@bulk.example", Role::Facilitator).await;
    app.store
        .set_supervisees(&sup.id, std::slice::from_ref(&fac.id), test_event(action::USER_UPDATE), &[])
        .await
        .unwrap();
    let sup_api = Api::new(app, &sup).await;
    let g = sup_api
        .create(
            "/api/v1/groups",
            json!({"name": "Tuesday group", "protocol": "ipt-group-who", "facilitator_ids": [fac.id.to_string()],
                   "start_date": (time::OffsetDateTime::now_utc().date() - time::Duration::days(30)).to_string()}),
        )
        .await;
    let group = g["id"].as_str().unwrap().to_string();
    let fac_api = Api::new(app, &fac).await;
    let mut members = Vec::new();
    for name in ["Amina Okello", "Grace Nansubuga"] {
        let client = fac_api.new_client(name).await;
        let (s, m) = fac_api.post(&format!("/api/v1/groups/{group}/members"), json!({"client_id": client})).await;
        assert_eq!(s, 201, "{m}");
        members.push(client);
    }
    let items =
        ["interest", "mood", "sleep", "energy", "appetite", "self_worth", "concentration", "psychomotor", "self_harm"];
    let qr = json!({
        "resourceType": "QuestionnaireResponse", "status": "completed",
        "questionnaire": "https://rapport-ipt.org/fhir/Questionnaire/phq9",
        "subject": { "reference": format!("Patient/{}", members[0]) },
        "item": items.iter().map(|l| json!({ "linkId": l, "answer": [{ "valueInteger": 1 }] })).collect::<Vec<_>>(),
    });
    let (s, created) = fac_api.post("/fhir/r4/QuestionnaireResponse", qr).await;
    assert_eq!(s, 201, "{created}");
    // Someone outside the group, whose records a Group export must leave out.
    fac_api.new_client("Not In The Group").await;
    (group, members)
}

#[tokio::test]
async fn a_machine_client_gets_a_token_reads_the_group_and_exports_it() {
    on_each_backend(|app| async move {
        let (group, members) = cohort(&app).await;
        let client = machine_client(&app, "Research warehouse", "system/*.read").await;

        // Discovery: the token endpoint is advertised.
        let conf: Value =
            reqwest::get(app.url("/fhir/r4/.well-known/smart-configuration")).await.unwrap().json().await.unwrap();
        assert_eq!(conf["token_endpoint"], app.url("/fhir/r4/auth/token"));
        let cs: Value = reqwest::get(app.url("/fhir/r4/metadata")).await.unwrap().json().await.unwrap();
        let security = cs["rest"][0]["security"].to_string();
        assert!(security.contains("oauth-uris") && security.contains("/fhir/r4/auth/token"), "{security}");
        assert!(cs["rest"][0]["resource"].as_array().unwrap().iter().any(|r| r["type"] == "Group"));

        // The grant: scopes are what was asked and is allowed.
        let a = assertion(&app, &client, |_| {});
        let (s, t) = token_request(&app, &a, "system/Group.read system/Observation.read").await;
        assert_eq!(s, 200, "{t}");
        assert_eq!(t["token_type"], "bearer");
        assert_eq!(t["expires_in"], 300);
        assert_eq!(t["scope"], "system/Group.read system/Observation.read");
        // The same assertion again is a replay.
        let (s, t) = token_request(&app, &a, "system/*.read").await;
        assert_eq!((s, t["error"].as_str()), (401, Some("invalid_client")), "{t}");

        let token = access_token(&app, &client, "system/*.read").await;
        // Group read: the members as Patient references, audited in the client's name.
        let r = get(&app, &token, &format!("/fhir/r4/Group/{group}"), false).await;
        assert_eq!(r.status(), 200);
        let g: Value = r.json().await.unwrap();
        assert_eq!((g["resourceType"].as_str(), g["type"].as_str()), (Some("Group"), Some("person")));
        let refs: Vec<&str> =
            g["member"].as_array().unwrap().iter().map(|m| m["entity"]["reference"].as_str().unwrap()).collect();
        for m in &members {
            assert!(refs.contains(&format!("Patient/{m}").as_str()), "{refs:?}");
        }
        let (_, search) = {
            let r = get(&app, &token, "/fhir/r4/Group?name=tuesday", false).await;
            (r.status(), r.json::<Value>().await.unwrap())
        };
        assert_eq!(search["total"], 1, "{search}");
        // A machine client reads Group and exports, not the per-patient endpoints.
        let r = get(&app, &token, &format!("/fhir/r4/Patient/{}", members[0]), false).await;
        assert_eq!(r.status(), 403);

        // Kick-off needs Prefer: respond-async, and refuses parameters it cannot honour.
        let path = format!("/fhir/r4/Group/{group}/$export");
        assert_eq!(get(&app, &token, &path, false).await.status(), 400);
        assert_eq!(get(&app, &token, &format!("{path}?patient=Patient%2Fx"), true).await.status(), 400);
        assert_eq!(get(&app, &token, &format!("{path}?_type=Questionnaire"), true).await.status(), 400);
        assert_eq!(get(&app, &token, "/fhir/r4/Group/not-a-group/$export", true).await.status(), 404);

        let r = get(&app, &token, &format!("{path}?_outputFormat=application%2Ffhir%2Bndjson"), true).await;
        assert_eq!(r.status(), 202, "{}", r.text().await.unwrap());
        let status_url = r.headers()["content-location"].to_str().unwrap().to_string();
        let manifest = wait_for(&token, &status_url).await;
        assert_eq!(manifest["requiresAccessToken"], true);
        assert!(manifest["request"].as_str().unwrap().ends_with("$export?_outputFormat=application%2Ffhir%2Bndjson"));
        let mut counts = std::collections::BTreeMap::new();
        for out in manifest["output"].as_array().unwrap() {
            let url = out["url"].as_str().unwrap();
            // Files need the token.
            assert_eq!(reqwest::get(url).await.unwrap().status(), 401);
            let r = reqwest::Client::new().get(url).bearer_auth(&token).send().await.unwrap();
            assert_eq!(r.status(), 200);
            assert_eq!(r.headers()["content-type"], "application/fhir+ndjson");
            let text = r.text().await.unwrap();
            let lines: Vec<Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
            assert_eq!(lines.len() as u64, out["count"].as_u64().unwrap());
            for l in &lines {
                assert_eq!(l["resourceType"], out["type"], "{l}");
                if let Some(subject) = l["subject"]["reference"].as_str() {
                    assert!(members.iter().any(|m| subject == format!("Patient/{m}")), "{subject}: not a member");
                }
            }
            counts.insert(out["type"].as_str().unwrap().to_string(), lines.len());
        }
        assert_eq!(
            counts,
            // One response: its total, its panel and its nine questions; its question 9 raised a
            // flag; each member has a care team; no courses; no staff (system level only).
            [
                ("CareTeam", 2),
                ("Flag", 1),
                ("Group", 1),
                ("Observation", 11),
                ("Patient", 2),
                ("QuestionnaireResponse", 1)
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect()
        );

        // Another machine client cannot see the export; a person's token cannot export.
        let other = machine_client(&app, "Someone else", "system/*.read").await;
        let other_token = access_token(&app, &other, "system/*.read").await;
        let r = reqwest::Client::new().get(&status_url).bearer_auth(&other_token).send().await.unwrap();
        assert_eq!(r.status(), 404);
        let file = manifest["output"][0]["url"].as_str().unwrap();
        assert_eq!(reqwest::Client::new().get(file).bearer_auth(&other_token).send().await.unwrap().status(), 404);
        let admin = app.user("admin@bulk.example", Role::Admin).await;
        let personal = app.token_for(&admin).await;
        assert_eq!(get(&app, &personal, "/fhir/r4/$export", true).await.status(), 403);

        // DELETE removes the files at once; the status URL is gone.
        let r = reqwest::Client::new().delete(&status_url).bearer_auth(&token).send().await.unwrap();
        assert_eq!(r.status(), 202);
        assert_eq!(reqwest::Client::new().get(&status_url).bearer_auth(&token).send().await.unwrap().status(), 404);
        assert_eq!(reqwest::Client::new().get(file).bearer_auth(&token).send().await.unwrap().status(), 404);

        // System level with _type and _since: only Patients changed since then.
        let since = "2000-01-01T00:00:00Z";
        let r = get(&app, &token, &format!("/fhir/r4/$export?_type=Patient&_since={since}"), true).await;
        assert_eq!(r.status(), 202);
        let url = r.headers()["content-location"].to_str().unwrap().to_string();
        let manifest = wait_for(&token, &url).await;
        assert_eq!(manifest["output"].as_array().unwrap().len(), 1, "{manifest}");
        assert_eq!(manifest["output"][0]["count"], 3, "{manifest}");
        let r = get(&app, &token, "/fhir/r4/Patient/$export?_since=2999-01-01T00:00:00Z", true).await;
        let url = r.headers()["content-location"].to_str().unwrap().to_string();
        let manifest = wait_for(&token, &url).await;
        assert_eq!(manifest["output"], json!([]), "{manifest}");

        for a in [
            action::FHIR_CLIENT_CREATE,
            action::FHIR_TOKEN_ISSUE,
            action::FHIR_TOKEN_REFUSED,
            action::BULK_EXPORT_START,
            action::BULK_EXPORT_DONE,
            action::BULK_EXPORT_CANCEL,
            action::BULK_EXPORT_DOWNLOAD,
        ] {
            assert!(app.count(a).await >= 1, "{a} audited");
        }
        assert!(app.store.audit_verify().await.is_ok());
    })
    .await;
}

#[tokio::test]
async fn token_requests_are_refused_in_oauth_terms() {
    on_each_backend(|app| async move {
        let client = machine_client(&app, "Observations only", "system/Observation.read").await;
        let cases: Vec<(String, &str, u16, &str)> = vec![
            (assertion(&app, &client, |c| c["aud"] = json!("https://elsewhere.example/token")), "system/*.read", 401, "invalid_client"),
            (assertion(&app, &client, |c| c["sub"] = json!("someone")), "system/*.read", 401, "invalid_client"),
            (assertion(&app, &client, |c| c["exp"] = json!(time::OffsetDateTime::now_utc().unix_timestamp() + 3600)), "system/*.read", 401, "invalid_client"),
            (assertion(&app, &client, |c| c["exp"] = json!(time::OffsetDateTime::now_utc().unix_timestamp() - 600)), "system/*.read", 401, "invalid_client"),
            (assertion(&app, &client, |c| { c.as_object_mut().unwrap().remove("jti"); }), "system/*.read", 401, "invalid_client"),
            (assertion(&app, &rapport_core::Id::new().to_string(), |_| {}), "system/*.read", 401, "invalid_client"),
            (assertion(&app, &client, |_| {}), "system/Patient.read", 400, "invalid_scope"),
            (assertion(&app, &client, |_| {}), "system/*.write", 400, "invalid_scope"),
            ("not.a.jwt".to_string(), "system/*.read", 401, "invalid_client"),
        ];
        for (a, scope, status, error) in cases {
            let (s, t) = token_request(&app, &a, scope).await;
            assert_eq!((s, t["error"].as_str()), (status, Some(error)), "{t}");
        }
        // A narrower grant than asked: the intersection.
        let (s, t) = token_request(&app, &assertion(&app, &client, |_| {}), "system/*.read").await;
        assert_eq!((s, t["scope"].as_str()), (200, Some("system/Observation.read")), "{t}");
        let token = t["access_token"].as_str().unwrap().to_string();
        // Its scopes do not cover Group.
        let r = get(&app, &token, "/fhir/r4/Group", false).await;
        assert_eq!(r.status(), 403);
        assert_eq!(get(&app, &token, "/fhir/r4/$export?_type=Patient", true).await.status(), 403);
        // Other grants and forms are refused.
        let r = reqwest::Client::new()
            .post(app.url("/fhir/r4/auth/token"))
            .form(&[("grant_type", "password")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 400);
        assert_eq!(r.json::<Value>().await.unwrap()["error"], "unsupported_grant_type");
        let r = reqwest::Client::new().post(app.url("/fhir/r4/auth/token")).body("{}").send().await.unwrap();
        assert_eq!(r.status(), 400);

        // Disabling the client ends its tokens at once.
        rapport_app::machine::disable(&state(&app), Registrar::CommandLine, &client).await.unwrap();
        assert_eq!(get(&app, &token, "/fhir/r4/$export", true).await.status(), 401);
        let (s, _) = token_request(&app, &assertion(&app, &client, |_| {}), "system/*.read").await;
        assert_eq!(s, 401);
        assert!(app.count(action::FHIR_CLIENT_DISABLE).await >= 1);

        // Registration refuses private keys, foreign key types and unknown scopes.
        let st = state(&app);
        let bad = |jwks: &'static str, scopes: &'static str| NewClient { name: "x", jwks, scopes };
        let private = r#"{"kty":"EC","crv":"P-384","d":"abc","x":"JIxP9dJo8t2d98LU_ow8uUAYlHtT7_NUBd_a-dxDOdIJDtE0cCbOJtT4D8PXcL6h","y":"ICpAmBTMqLBOFKe-zMicScd-i2w5ASb4n11c1hl1ktZYKOb7ttb5dHvh9QFsDUqf"}"#;
        for input in [bad(private, "system/*.read"), bad("{}", "system/*.read"), bad(EC_PUBLIC_JWKS, "system/Questionnaire.read"), bad(EC_PUBLIC_JWKS, "")] {
            assert!(register(&st, Registrar::CommandLine, &input).await.is_err());
        }
    })
    .await;
}

#[tokio::test]
async fn expired_exports_are_deleted_with_their_files() {
    let dir = tempfile::tempdir().unwrap();
    let config = rapport_web::Config {
        export_dir: dir.path().to_path_buf(),
        export_retention: std::time::Duration::ZERO,
        ..Default::default()
    };
    let app = TestApp::spawn(Backend::Sqlite, config.clone()).await;
    let _ = cohort(&app).await;
    let st = rapport_web::AppState::new(app.store.clone(), config);
    let client =
        register(&st, Registrar::CommandLine, &NewClient { name: "w", jwks: EC_PUBLIC_JWKS, scopes: "system/*.read" })
            .await
            .unwrap()
            .id
            .to_string();
    let token = access_token(&app, &client, "system/*.read").await;
    let r = get(&app, &token, "/fhir/r4/Patient/$export", true).await;
    let url = r.headers()["content-location"].to_str().unwrap().to_string();
    let manifest = wait_for(&token, &url).await;
    assert!(!manifest["output"].as_array().unwrap().is_empty());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    assert_eq!(rapport_app::bulk::clean_up(&st).await.unwrap(), 1);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    assert_eq!(reqwest::Client::new().get(&url).bearer_auth(&token).send().await.unwrap().status(), 404);
}

pub fn matrix_entries() -> Vec<Entry> {
    vec![
        // Public: SMART clients read it before they have a token.
        e(M::GET, "/fhir/r4/.well-known/smart-configuration", "/fhir/r4/.well-known/smart-configuration", "AAAAA"),
        // Anyone may ask; without a client assertion the answer is an OAuth 400.
        e(M::POST, "/fhir/r4/auth/token", "/fhir/r4/auth/token", "AAAAANAAA"),
        // Bulk Data is for machine clients: people's tokens are refused.
        e(M::GET, "/fhir/r4/$export", "/fhir/r4/$export", "LFFFFNFFF"),
        e(M::GET, "/fhir/r4/Patient/$export", "/fhir/r4/Patient/$export", "LFFFFNFFF"),
        e(M::GET, "/fhir/r4/Group/{id}/$export", "/fhir/r4/Group/{api_group}/$export", "LFFFFNFFF"),
        e(M::POST, "/fhir/r4/$export", "/fhir/r4/$export", "LFFFFNFFF"),
        e(M::POST, "/fhir/r4/Patient/$export", "/fhir/r4/Patient/$export", "LFFFFNFFF"),
        e(M::POST, "/fhir/r4/Group/{id}/$export", "/fhir/r4/Group/{api_group}/$export", "LFFFFNFFF"),
        e(M::GET, "/fhir/r4/bulk-status/{id}", "/fhir/r4/bulk-status/{random}", "LFFFFNFFF"),
        e(M::DELETE, "/fhir/r4/bulk-status/{id}", "/fhir/r4/bulk-status/{random}", "LFFFFNFFF"),
        e(M::GET, "/fhir/r4/bulk-files/{id}/{file}", "/fhir/r4/bulk-files/{random}/Patient.ndjson", "LFFFFNFFF"),
        // Groups as the JSON API shows them.
        e(M::GET, "/fhir/r4/Group", "/fhir/r4/Group", "LAAAANAAF"),
        e(M::GET, "/fhir/r4/Group/{id}", "/fhir/r4/Group/{api_group}", "LAANNNAN"),
        // Registering machine clients is an administrator's work.
        e(M::GET, "/admin/fhir-clients", "/admin/fhir-clients", "LAFFF"),
        e(M::POST, "/admin/fhir-clients", "/admin/fhir-clients", "LAFFF"),
        e(M::POST, "/admin/fhir-clients/{id}/disable", "/admin/fhir-clients/{random}/disable", "LNFFF"),
    ]
}

/// Registers a client on the administration page as `admin` (a signed-in
/// browser); returns its id as the page lists it.
async fn register_on_page(admin: &Browser, name: &str) -> String {
    let r = admin
        .submit(
            "/admin/fhir-clients",
            "/admin/fhir-clients",
            &[("name", name), ("jwks", EC_PUBLIC_JWKS), ("scopes", "system/*.read")],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/admin/fhir-clients?done=fhir-client-added");
    let (_, page) = admin.text("/admin/fhir-clients").await;
    let row = page.split("<tr>").find(|row| row.contains(name)).expect("the client is listed");
    let id = row.split("<code>").nth(1).and_then(|c| c.split("</code>").next()).expect("its id is shown");
    id.to_string()
}

#[tokio::test]
async fn an_administrator_registers_and_disables_a_machine_client_on_the_page() {
    on_each_backend(|app| async move {
        app.user("root@bulk.example", Role::Admin).await;
        app.user("clin@bulk.example", Role::Clinician).await;
        let admin = app.browser_as("root@bulk.example").await;
        let (s, page) = admin.text("/admin/fhir-clients").await;
        assert_eq!(s, 200);
        assert!(page.contains("No machine clients yet.") && page.contains("/fhir/r4/auth/token"));
        // Bad input: the form comes back naming the field, nothing is stored.
        for (fields, field) in [
            (vec![("name", "Warehouse"), ("jwks", "not json"), ("scopes", "system/*.read")], "jwks"),
            (vec![("name", "Warehouse"), ("jwks", EC_PUBLIC_JWKS), ("scopes", "system/*.write")], "scopes"),
            (vec![("name", ""), ("jwks", EC_PUBLIC_JWKS), ("scopes", "system/*.read")], "name"),
        ] {
            let r = admin.submit("/admin/fhir-clients", "/admin/fhir-clients", &fields).await;
            assert_eq!(r.status(), 422);
            let body = r.text().await.unwrap();
            assert!(body.contains(&format!("id=\"{field}-error\"")), "{field}");
        }
        assert!(app.store.fhir_clients().await.unwrap().is_empty());
        let id = register_on_page(&admin, "Regional warehouse").await;
        assert!(access_token(&app, &id, "system/*.read").await.starts_with("rsys_"));
        // Others may not see or use the page.
        let clin = app.browser_as("clin@bulk.example").await;
        assert_eq!(clin.get("/admin/fhir-clients").await.status(), 403);
        let r = admin.submit("/admin/fhir-clients", &format!("/admin/fhir-clients/{id}/disable"), &[]).await;
        assert_eq!(location(&r), "/admin/fhir-clients?done=fhir-client-disabled");
        let (_, page) = admin.text("/admin/fhir-clients?done=fhir-client-disabled").await;
        assert!(page.contains("Machine client disabled") && page.contains("Disabled"), "{page}");
        let (s, _) = token_request(&app, &assertion(&app, &id, |_| {}), "system/*.read").await;
        assert_eq!(s, 401);
    })
    .await;
}

/// The audit walk's part: every machine-client and export action from a
/// request (127.0.0.1), `admin` being an administrator's browser.
/// The walk's own clients are exported (a cohort made here would add
/// entries from no address).
pub async fn audit_walk(app: &TestApp, admin: &Browser) {
    let id = register_on_page(admin, "Audit walk warehouse").await;
    let (s, _) = token_request(app, &assertion(app, &id, |c| c["aud"] = json!("elsewhere")), "system/*.read").await;
    assert_eq!(s, 401);
    let token = access_token(app, &id, "system/*.read").await;
    let r = get(app, &token, "/fhir/r4/$export", true).await;
    let url = r.headers()["content-location"].to_str().unwrap().to_string();
    let manifest = wait_for(&token, &url).await;
    let file = manifest["output"][0]["url"].as_str().unwrap();
    assert_eq!(reqwest::Client::new().get(file).bearer_auth(&token).send().await.unwrap().status(), 200);
    let r = reqwest::Client::new().delete(&url).bearer_auth(&token).send().await.unwrap();
    assert_eq!(r.status(), 202);
    let r = admin.submit("/admin/fhir-clients", &format!("/admin/fhir-clients/{id}/disable"), &[]).await;
    assert_eq!(r.status(), 303);
}

/// Reads every file of a finished export: each type's lines.
async fn export_files(token: &str, manifest: &Value) -> std::collections::BTreeMap<String, Vec<Value>> {
    let mut files = std::collections::BTreeMap::new();
    for out in manifest["output"].as_array().unwrap() {
        let r = reqwest::Client::new().get(out["url"].as_str().unwrap()).bearer_auth(token).send().await.unwrap();
        assert_eq!(r.status(), 200);
        let text = r.text().await.unwrap();
        let lines: Vec<Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines.len() as u64, out["count"].as_u64().unwrap());
        assert!(lines.iter().all(|l| l["resourceType"] == out["type"]), "{out}");
        files.insert(out["type"].as_str().unwrap().to_string(), lines);
    }
    files
}

#[tokio::test]
async fn a_system_export_holds_every_type_served() {
    on_each_backend(|app| async move {
        let alice = app.user("alice@bulk.example", Role::Clinician).await;
        let a = Api::new(&app, &alice).await;
        let c = a.new_client("Every Type").await;
        let course = a
            .new_course(&c, json!({ "protocol": "ipt-individual", "planned_sessions": 12, "start_date": "2026-03-02" }))
            .await;
        a.attended_sessions(&course, &["2026-03-02", "2026-03-09"]).await;
        crate::formulation::agree_formulation(&a, &c, &course, &["role_dispute"], "2026-03-09").await;
        for statement in ["Argue less with my sister", "Sleep better"] {
            a.create(
                &format!("/api/v1/courses/{course}/goals"),
                json!({ "problem_area": "role_dispute", "statement": statement, "due_date": "2026-05-25" }),
            )
            .await;
        }
        let r = a.respond(&c, json!({"instrument": "phq9", "answers": [1, 1, 1, 1, 1, 1, 1, 1, 2]})).await;
        let flag = r["risk_flag_id"].as_str().unwrap().to_string();
        let body = json!({
            "ideation": "passive thoughts", "plan": "none", "intent": "none", "means": "none",
            "history": "none", "protective_factors": "children", "risk_level": "moderate",
            "actions": "safety plan reviewed", "screening_tool": "none"
        });
        let (s, rec) = a.post(&format!("/api/v1/risk-flags/{flag}/assessments"), body).await;
        assert_eq!(s, 201, "{rec}");

        let client = machine_client(&app, "Every type", "system/*.read").await;
        let token = access_token(&app, &client, "system/*.read").await;
        let r = get(&app, &token, "/fhir/r4/$export", true).await;
        assert_eq!(r.status(), 202);
        let manifest = wait_for(&token, r.headers()["content-location"].to_str().unwrap()).await;
        let files = export_files(&token, &manifest).await;
        let kinds: Vec<&str> = files.keys().map(String::as_str).collect();
        // Every type but Group (there is none), in files of their own.
        let mut expected = vec![
            "CarePlan",
            "CareTeam",
            "Condition",
            "Encounter",
            "EpisodeOfCare",
            "Flag",
            "Goal",
            "Observation",
            "Organization",
            "Patient",
            "Practitioner",
            "PractitionerRole",
            "QuestionnaireResponse",
            "RiskAssessment",
        ];
        expected.sort();
        assert_eq!(kinds, expected);
        assert_eq!(files["CarePlan"][0]["id"], course.as_str());
        assert_eq!(files["Goal"].len(), 2);
        assert_eq!(files["Encounter"].len(), 2);
        assert_eq!(files["Condition"][0]["id"], format!("{course}-role-dispute"));
        assert_eq!(files["RiskAssessment"][0]["basis"][0]["reference"], format!("Flag/{flag}"));
        assert_eq!(files["Observation"].len(), 11, "total, panel and nine questions");
        assert!(files["Practitioner"].iter().any(|p| p["id"] == alice.id.to_string()));
        assert_eq!(files["CareTeam"][0]["id"], c.as_str());
        // Nothing of the clinician's words leaves: no notes, no assessment text.
        let all = serde_json::to_string(&files).unwrap();
        assert!(!all.contains("passive thoughts") && !all.contains("safety plan reviewed"));

        // _type and _since hold for the new types too; staff and the organisation are system-level only.
        let r = get(&app, &token, "/fhir/r4/$export?_type=Goal,CarePlan&_since=2999-01-01T00:00:00Z", true).await;
        let manifest = wait_for(&token, r.headers()["content-location"].to_str().unwrap()).await;
        assert_eq!(manifest["output"], json!([]), "{manifest}");
        let r = get(&app, &token, "/fhir/r4/$export?_type=Goal&_since=2000-01-01T00:00:00Z", true).await;
        let manifest = wait_for(&token, r.headers()["content-location"].to_str().unwrap()).await;
        assert_eq!(export_files(&token, &manifest).await["Goal"].len(), 2);
        assert_eq!(get(&app, &token, "/fhir/r4/Patient/$export?_type=Practitioner", true).await.status(), 400);
        // A client allowed Goals only exports them, and nothing else.
        let goals_only = machine_client(&app, "Goals only", "system/Goal.read").await;
        let goal_token = access_token(&app, &goals_only, "system/*.read").await;
        let r = get(&app, &goal_token, "/fhir/r4/$export", true).await;
        let manifest = wait_for(&goal_token, r.headers()["content-location"].to_str().unwrap()).await;
        assert_eq!(export_files(&goal_token, &manifest).await.keys().collect::<Vec<_>>(), ["Goal"]);
        assert_eq!(get(&app, &goal_token, "/fhir/r4/$export?_type=CarePlan", true).await.status(), 403);
    })
    .await;
}

/// Posts a kick-off with a Parameters body.
async fn post_kick_off(app: &TestApp, token: &str, path: &str, body: Value) -> reqwest::Response {
    reqwest::Client::new()
        .post(app.url(path))
        .bearer_auth(token)
        .header("accept", "application/fhir+json")
        .header("prefer", "respond-async")
        .header("content-type", "application/fhir+json")
        .body(body.to_string())
        .send()
        .await
        .unwrap()
}

fn outcome_expression(v: &Value) -> &str {
    v["issue"][0]["expression"][0].as_str().unwrap_or("")
}

#[tokio::test]
async fn exports_are_filtered_subsetted_posted_and_limited() {
    on_each_backend(|app| async move {
        let (group, members) = cohort(&app).await;
        let client = machine_client(&app, "Filters", "system/*.read").await;
        let token = access_token(&app, &client, "system/*.read").await;
        let path = format!("/fhir/r4/Group/{group}/$export");

        // _typeFilter: only the PHQ-9 totals among the Observations; other types as they are.
        let filter = "Observation?code=http://loinc.org|44261-6";
        let q = serde_urlencoded::to_string([("_type", "Observation,Patient"), ("_typeFilter", filter)]).unwrap();
        let r = get(&app, &token, &format!("{path}?{q}"), true).await;
        assert_eq!(r.status(), 202, "{}", r.text().await.unwrap());
        let manifest = wait_for(&token, r.headers()["content-location"].to_str().unwrap()).await;
        let files = export_files(&token, &manifest).await;
        assert_eq!(files["Observation"].len(), 1);
        assert_eq!(files["Observation"][0]["code"]["coding"][0]["code"], "44261-6");
        assert_eq!(files["Patient"].len(), 2);
        // Two filters of one type: either may hold (the total or question 9).
        let q = serde_urlencoded::to_string([
            ("_type", "Observation"),
            ("_typeFilter", filter),
            ("_typeFilter", "Observation?code=44260-8&_lastUpdated=ge2000-01-01"),
        ])
        .unwrap();
        let r = get(&app, &token, &format!("{path}?{q}"), true).await;
        let manifest = wait_for(&token, r.headers()["content-location"].to_str().unwrap()).await;
        assert_eq!(export_files(&token, &manifest).await["Observation"].len(), 2);
        // What cannot be honoured is refused, naming it.
        for bad in [
            "Observation?colour=blue",
            "Patient?code=1",
            "Observation",
            "Questionnaire?_lastUpdated=ge2020-01-01",
            "Observation?date=soon",
        ] {
            let q = serde_urlencoded::to_string([("_typeFilter", bad)]).unwrap();
            let r = get(&app, &token, &format!("{path}?{q}"), true).await;
            assert_eq!(r.status(), 400, "{bad}");
            let o: Value = r.json().await.unwrap();
            assert_eq!(outcome_expression(&o), "_typeFilter", "{bad}: {o}");
            assert!(o["issue"][0]["diagnostics"].as_str().unwrap().len() > 10);
        }

        // _elements: the named elements and the mandatory ones, tagged SUBSETTED.
        let q = serde_urlencoded::to_string([
            ("_type", "Observation,Patient"),
            ("_elements", "Observation.value,birthDate"),
        ])
        .unwrap();
        let r = get(&app, &token, &format!("{path}?{q}"), true).await;
        let manifest = wait_for(&token, r.headers()["content-location"].to_str().unwrap()).await;
        let files = export_files(&token, &manifest).await;
        for o in &files["Observation"] {
            let mut keys: Vec<&str> = o.as_object().unwrap().keys().map(String::as_str).collect();
            keys.sort();
            let value = keys.iter().find(|k| k.starts_with("value")).copied();
            let expected: Vec<&str> =
                ["code", "id", "meta", "resourceType", "status"].into_iter().chain(value).collect();
            let mut expected = expected;
            expected.sort();
            assert_eq!(keys, expected, "{o}");
            assert!(o["meta"]["tag"].to_string().contains("SUBSETTED"));
        }
        assert!(files["Patient"].iter().all(|p| p.get("name").is_none()));
        let r = get(&app, &token, &format!("{path}?_elements=value%5Bx%5D"), true).await;
        assert_eq!(r.status(), 400);

        // POST with a Parameters body: the same export.
        let body = json!({ "resourceType": "Parameters", "parameter": [
            { "name": "_type", "valueString": "Observation" },
            { "name": "_typeFilter", "valueString": filter },
            { "name": "_since", "valueInstant": "2000-01-01T00:00:00Z" },
            { "name": "_outputFormat", "valueString": "application/fhir+ndjson" },
        ]});
        let r = post_kick_off(&app, &token, &path, body).await;
        assert_eq!(r.status(), 202, "{}", r.text().await.unwrap());
        let manifest = wait_for(&token, r.headers()["content-location"].to_str().unwrap()).await;
        assert_eq!(export_files(&token, &manifest).await["Observation"].len(), 1);
        let patient = json!({ "resourceType": "Parameters", "parameter": [
            { "name": "patient", "valueReference": { "reference": format!("Patient/{}", members[0]) } }]});
        let r = post_kick_off(&app, &token, &path, patient).await;
        assert_eq!(r.status(), 400);
        assert_eq!(outcome_expression(&r.json().await.unwrap()), "patient");
        let r = post_kick_off(&app, &token, &path, json!({ "resourceType": "Patient" })).await;
        assert_eq!(r.status(), 400);
        assert_eq!(outcome_expression(&r.json().await.unwrap()), "resourceType");

        // The running-export limit: another kick-off is a 429 with Retry-After, and nothing is started.
        let st = state(&app);
        let id = rapport_core::Id::parse(&client).unwrap();
        let running = app.count(action::BULK_EXPORT_START).await;
        for _ in 0..rapport_app::bulk::MAX_RUNNING_EXPORTS {
            let new = rapport_store::fhir::NewBulkExport {
                client_id: &id,
                level: "system",
                group_id: None,
                types: &["Patient".to_string()],
                since: None,
                request_url: "http://x/fhir/r4/$export",
            };
            let e = test_event(action::BULK_EXPORT_START);
            assert!(st.store.create_bulk_export(&new, 10, e).await.unwrap().is_some());
        }
        let r = get(&app, &token, "/fhir/r4/$export", true).await;
        assert_eq!(r.status(), 429);
        assert_eq!(r.headers()["retry-after"], rapport_app::bulk::BUSY_RETRY_AFTER_SECS.to_string().as_str());
        let o: Value = r.json().await.unwrap();
        assert_eq!(o["issue"][0]["code"], "throttled");
        assert_eq!(app.count(action::BULK_EXPORT_START).await, running + 2, "only the two made here");
        // Another client is not held back.
        let other = machine_client(&app, "Other", "system/*.read").await;
        let other_token = access_token(&app, &other, "system/*.read").await;
        assert_eq!(get(&app, &other_token, "/fhir/r4/$export?_type=Patient", true).await.status(), 202);
    })
    .await;
}
