//! JSON API v1: the contract, validation errors and the OpenAPI snapshot.

use crate::support::*;
use rapport_core::access::Role;
use rapport_core::audit::action;
use serde_json::{json, Value};

async fn raw(app: &TestApp, path: &str, token: &str, content_type: &str, body: Vec<u8>) -> (u16, Value) {
    let r = http_client(false)
        .post(app.url(path))
        .bearer_auth(token)
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn client_api_story() {
    on_each_backend(|app| async move {
        let alice = app.user("alice@clinic.example", Role::Clinician).await;
        let bob = app.user("bob@clinic.example", Role::Clinician).await;
        let admin = app.user("admin@clinic.example", Role::Admin).await;
        let (ta, tb, tadmin) = (app.token_for(&alice).await, app.token_for(&bob).await, app.token_for(&admin).await);
        use reqwest::Method as M;

        let (s, c) = call(
            &app,
            M::POST,
            "/api/v1/clients",
            &ta,
            Some(json!({"display_name": "Robin Example", "date_of_birth": "1988-02-29"})),
        )
        .await;
        assert_eq!(s, 201, "{c}");
        let id = c["id"].as_str().unwrap().to_string();
        assert_eq!(c["display_name"], "Robin Example");
        assert_eq!(c["date_of_birth"], "1988-02-29");
        assert_eq!(c["responsible_clinician_id"], alice.id.as_str());
        assert_eq!(c["status"], "active");
        assert_eq!(c["version"], 1);

        let (s, got) = call(&app, M::GET, &format!("/api/v1/clients/{id}"), &ta, None).await;
        assert_eq!((s, got["id"].as_str()), (200, Some(id.as_str())));
        let (s, list) = call(&app, M::GET, "/api/v1/clients", &ta, None).await;
        assert_eq!(s, 200);
        assert_eq!(list.as_array().unwrap().len(), 1);
        assert_eq!(list[0]["id"], id.as_str());

        // Another clinician: 404, indistinguishable from a missing record; empty caseload.
        let (s, e) = call(&app, M::GET, &format!("/api/v1/clients/{id}"), &tb, None).await;
        assert_eq!(s, 404);
        assert_eq!(e["error"]["code"], "not_found");
        let (s, _) =
            call(&app, M::PATCH, &format!("/api/v1/clients/{id}"), &tb, Some(json!({"pronouns": "they/them"}))).await;
        assert_eq!(s, 404);
        assert_eq!(call(&app, M::GET, "/api/v1/clients", &tb, None).await.1.as_array().unwrap().len(), 0);
        assert_eq!(call(&app, M::GET, &format!("/api/v1/clients/{}", rapport_core::Id::new()), &ta, None).await.0, 404);

        // PATCH: set, clear with null, keep absent fields; optimistic concurrency.
        let (s, p) = call(
            &app,
            M::PATCH,
            &format!("/api/v1/clients/{id}"),
            &ta,
            Some(json!({"pronouns": "they/them", "version": 1})),
        )
        .await;
        assert_eq!(s, 200, "{p}");
        assert_eq!(p["pronouns"], "they/them");
        assert_eq!(p["date_of_birth"], "1988-02-29");
        assert_eq!(p["version"], 2);
        let (s, e) = call(
            &app,
            M::PATCH,
            &format!("/api/v1/clients/{id}"),
            &ta,
            Some(json!({"pronouns": "she/her", "version": 1})),
        )
        .await;
        assert_eq!(s, 409, "{e}");
        let (s, p) =
            call(&app, M::PATCH, &format!("/api/v1/clients/{id}"), &ta, Some(json!({"date_of_birth": null}))).await;
        assert_eq!(s, 200);
        assert!(p["date_of_birth"].is_null());
        assert_eq!(p["pronouns"], "they/them");

        // Audit: the admin reads the entries for this client, including reads and the denial.
        let (s, entries) = call(&app, M::GET, &format!("/api/v1/audit?client_id={id}"), &tadmin, None).await;
        assert_eq!(s, 200);
        let actions: Vec<&str> = entries.as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
        for a in [action::CLIENT_CREATE, action::CLIENT_READ, action::CLIENT_UPDATE, action::ACCESS_DENIED] {
            assert!(actions.contains(&a), "{a} missing from {actions:?}");
        }
        let denied = entries.as_array().unwrap().iter().find(|e| e["action"] == action::ACCESS_DENIED).unwrap();
        assert_eq!(denied["actor_id"], bob.id.as_str());
        assert_eq!(denied["outcome"], "denied");
        assert!(entries[0]["hash"].as_str().unwrap().len() == 64);
        // Only administrators read the audit log; administrators hold no caseload.
        assert_eq!(call(&app, M::GET, "/api/v1/audit", &ta, None).await.0, 403);
        assert_eq!(call(&app, M::GET, &format!("/api/v1/clients/{id}"), &tadmin, None).await.0, 404);
        let (s, e) = call(&app, M::POST, "/api/v1/clients", &tadmin, Some(json!({"display_name": "X"}))).await;
        assert_eq!(s, 403, "{e}");
        assert!(app.store.audit_verify().await.is_ok());
    })
    .await;
}

#[tokio::test]
async fn bad_input_is_refused_with_the_field_named_and_nothing_stored() {
    on_each_backend(|app| async move {
        let u = app.user("v@clinic.example", Role::Clinician).await;
        let t = app.token_for(&u).await;
        let cases: Vec<(&str, Vec<u8>, u16, Option<&str>)> = vec![
            ("application/json", br#"{"display_name": "#.to_vec(), 400, None),
            ("application/json", br#"{"display_name": 42}"#.to_vec(), 400, Some("display_name")),
            (
                "application/json",
                br#"{"display_name": "A", "favourite_colour": "blue"}"#.to_vec(),
                400,
                Some("favourite_colour"),
            ),
            ("application/json", br#"{"date_of_birth": "1990-01-01"}"#.to_vec(), 400, Some("display_name")),
            (
                "application/json",
                br#"{"display_name": "A", "date_of_birth": "31/12/1990"}"#.to_vec(),
                422,
                Some("date_of_birth"),
            ),
            (
                "application/json",
                br#"{"display_name": "A", "date_of_birth": "2999-01-01"}"#.to_vec(),
                422,
                Some("date_of_birth"),
            ),
            ("application/json", br#"{"display_name": "   "}"#.to_vec(), 422, Some("display_name")),
            ("application/json", br#"{"display_name": "A", "email": "nope"}"#.to_vec(), 422, Some("email")),
            ("application/json", br#"[1, 2, 3]"#.to_vec(), 400, None),
            ("text/plain", br#"{"display_name": "A"}"#.to_vec(), 415, None),
            ("application/json", format!(r#"{{"display_name": "{}"}}"#, "x".repeat(70 * 1024)).into_bytes(), 413, None),
        ];
        for (ct, body, status, field) in cases {
            let preview = String::from_utf8_lossy(&body[..body.len().min(60)]).to_string();
            let (s, e) = raw(&app, "/api/v1/clients", &t, ct, body).await;
            assert_eq!(s, status, "{preview}: {e}");
            assert!(e["error"]["message"].as_str().is_some_and(|m| !m.is_empty()), "{preview}: {e}");
            assert_eq!(e["error"]["field"].as_str(), field, "{preview}: {e}");
        }
        let (s, list) = call(&app, reqwest::Method::GET, "/api/v1/clients", &t, None).await;
        assert_eq!(s, 200);
        assert_eq!(list.as_array().unwrap().len(), 0, "nothing was stored");
        assert_eq!(app.count(action::CLIENT_CREATE).await, 0);
        // Bad query parameters and tokens.
        let (s, e) = call(&app, reqwest::Method::GET, "/api/v1/clients?limit=0", &t, None).await;
        assert_eq!((s, e["error"]["field"].as_str()), (422, Some("limit")));
        let (s, e) = call(&app, reqwest::Method::GET, "/api/v1/clients", "rpt_not_a_token", None).await;
        assert_eq!((s, e["error"]["code"].as_str()), (401, Some("unauthenticated")));
        let r = reqwest::get(app.url("/api/v1/clients")).await.unwrap();
        assert_eq!(r.status(), 401);
        assert_eq!(r.headers()["www-authenticate"], "Bearer");
        let (s, e) = call(&app, reqwest::Method::GET, "/api/v1/nope", &t, None).await;
        assert_eq!((s, e["error"]["code"].as_str()), (404, Some("not_found")));
    })
    .await;
}

/// The OpenAPI document is generated from the code; this snapshot makes API
/// changes deliberate. Update with `UPDATE_SNAPSHOTS=1 cargo test -p rapport-web openapi`.
#[tokio::test]
async fn openapi_document_matches_snapshot() {
    let app = TestApp::spawn(Backend::Sqlite, rapport_web::Config::default()).await;
    let served = reqwest::get(app.url("/api/v1/openapi.json")).await.unwrap().text().await.unwrap();
    let doc: Value = serde_json::from_str(&served).unwrap();
    assert_eq!(doc["openapi"].as_str().map(|v| v.starts_with("3.")), Some(true));
    for p in ["/api/v1/clients", "/api/v1/clients/{id}", "/api/v1/audit", "/api/v1/me"] {
        assert!(doc["paths"][p].is_object(), "{p} documented");
    }
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/openapi.json");
    if std::env::var("UPDATE_SNAPSHOTS").is_ok() || !path.exists() && std::env::var("CI").is_err() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &served).unwrap();
    }
    let snapshot = std::fs::read_to_string(&path).expect("snapshot exists (run once with UPDATE_SNAPSHOTS=1)");
    assert_eq!(served, snapshot, "OpenAPI document changed: review, then UPDATE_SNAPSHOTS=1");
}

/// utoipa keys schemas by type name and silently keeps one of two types with
/// the same name, so the document would describe a response with another
/// module's fields: every `ToSchema` type in the API face has its own name.
#[test]
fn every_api_schema_has_a_name_of_its_own() {
    fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                files(&p, out);
            } else if p.extension().is_some_and(|e| e == "rs") {
                out.push(p);
            }
        }
    }
    let mut paths = Vec::new();
    files(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/api"), &mut paths);
    let mut seen: std::collections::HashMap<String, std::path::PathBuf> = std::collections::HashMap::new();
    let mut clashes = Vec::new();
    for p in &paths {
        let text = std::fs::read_to_string(p).unwrap();
        let mut derives_schema = false;
        for line in text.lines().map(str::trim) {
            if line.starts_with("#[derive(") {
                derives_schema = line.contains("ToSchema");
            } else if derives_schema && (line.starts_with("pub struct ") || line.starts_with("pub enum ")) {
                let name = line.split_whitespace().nth(2).unwrap().trim_end_matches(['{', '(', ';']).to_string();
                if let Some(first) = seen.insert(name.clone(), p.clone()) {
                    clashes.push(format!("{name}: {} and {}", first.display(), p.display()));
                }
                derives_schema = false;
            }
        }
    }
    assert!(seen.len() > 50, "the scan finds the schemas ({})", seen.len());
    assert!(clashes.is_empty(), "schema names used twice: {clashes:#?}");
}
