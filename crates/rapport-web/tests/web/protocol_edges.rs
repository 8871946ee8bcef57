//! Protocol edge cases (issue 19 item 5, decision 50): the initial-phase
//! checklist separates "formulation presented" from "client agreed" and adds
//! the client's role and an initial suicide-risk check (IPT-A: with its
//! exclusion criteria). The Stuart maintenance discussion is in completion.rs.

use crate::support::*;
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn the_checklist_records_presented_agreed_role_and_the_risk_check() {
    on_each_backend(|app| async move {
        let (user, api, client) = client_of(&app, "edges-checklist@clinic.example").await;
        let id = api.new_course(&client, json!({"protocol": "ipt-individual", "start_date": "2026-01-05"})).await;
        let items = |c: &serde_json::Value| -> Vec<String> {
            c["checklist"].as_array().unwrap().iter().map(|i| i["item"].as_str().unwrap().to_string()).collect()
        };
        let (_, c) = api.get(&format!("/api/v1/courses/{id}")).await;
        let listed = items(&c);
        let at = |item: &str| listed.iter().position(|i| i == item).unwrap_or_else(|| panic!("{item}: {listed:?}"));
        assert!(at("formulation_presented") < at("formulation"));
        assert!(at("suicide_risk") < at("psychoeducation") && at("role_explained") < at("medication"));
        for item in ["suicide_risk", "role_explained", "formulation_presented"] {
            let path = format!("/api/v1/courses/{id}/checklist/{item}");
            let (s, r) = api.call(Method::PUT, &path, Some(json!({"done_on": "2026-01-05"}))).await;
            assert_eq!(s, 200, "{item}: {r}");
            let row = r["checklist"].as_array().unwrap().iter().find(|i| i["item"] == item).unwrap().clone();
            assert_eq!(row["done"], true, "{item}");
        }
        // Presented is not agreed: the formulation item is still outstanding.
        let (_, c) = api.get(&format!("/api/v1/courses/{id}")).await;
        let agreed = c["checklist"].as_array().unwrap().iter().find(|i| i["item"] == "formulation").unwrap().clone();
        assert_eq!(
            (agreed["done"].clone(), agreed["label"].clone()),
            (json!(false), json!("Client agreed the formulation"))
        );
        // A date in the future is refused, naming the field; nothing changes.
        let path = format!("/api/v1/courses/{id}/checklist/formulation");
        let (s, r) = api.call(Method::PUT, &path, Some(json!({"done_on": "2999-01-01"}))).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("done_on")), "{r}");

        // The course page words them; IPT-A lists its exclusion criteria with the risk check.
        let b = app.browser_as(&user.email).await;
        let (_, html) = b.text(&format!("/courses/{id}")).await;
        for label in [
            "Formulation presented to the client",
            "Client agreed the formulation",
            "Client&#39;s role in treatment explained",
            "Initial suicide-risk check",
        ] {
            assert!(html.contains(label), "{label}");
        }
        let teen = api.new_client("Teen Client").await;
        let a = api.new_course(&teen, json!({"protocol": "ipt-a", "start_date": "2026-01-05"})).await;
        let (_, html) = b.text(&format!("/courses/{a}")).await;
        assert!(
            html.contains("exclusion criteria (refer on): actively suicidal, psychotic, bipolar disorder"),
            "{html}"
        );
    })
    .await;
}

#[tokio::test]
async fn a_two_session_ipc_contract_works_on_the_focus_and_raises_the_ending_from_the_start() {
    on_each_backend(|app| async move {
        let (_, api, client) = client_of(&app, "edges-ipc@clinic.example").await;
        let id = api
            .new_course(&client, json!({"protocol": "ipc", "planned_sessions": 2, "start_date": "2026-01-05"}))
            .await;
        let (_, c) = api.get(&format!("/api/v1/courses/{id}")).await;
        assert_eq!((c["phase"].as_str(), c["ending_prompt"].as_bool()), (Some("initial"), Some(true)), "{c}");
        api.attended_sessions(&id, &["2026-01-05", "2026-01-12"]).await;
        let (_, sessions) = api.get(&format!("/api/v1/courses/{id}/sessions")).await;
        let phases: Vec<&str> = sessions.as_array().unwrap().iter().map(|s| s["phase"].as_str().unwrap()).collect();
        assert_eq!(phases, ["initial", "middle"], "no termination-only second session: {sessions}");
        let (_, c) = api.get(&format!("/api/v1/courses/{id}")).await;
        assert_eq!((c["phase"].as_str(), c["ending_prompt"].as_bool()), (Some("middle"), Some(false)), "{c}");
        // A third session past the contract is in the termination phase.
        api.attended_sessions(&id, &["2026-01-19"]).await;
        let (_, c) = api.get(&format!("/api/v1/courses/{id}")).await;
        assert_eq!(c["phase"], "termination", "{c}");
        // A six-session IPC contract keeps its termination phase.
        let six = api
            .new_course(&client, json!({"protocol": "ipc", "planned_sessions": 6, "start_date": "2026-02-02"}))
            .await;
        let (_, c) = api.get(&format!("/api/v1/courses/{six}")).await;
        assert_eq!(c["ending_prompt"], false, "{c}");
    })
    .await;
}
