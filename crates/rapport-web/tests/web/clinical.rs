//! Clinical details of issue 19 over HTTP: instrument entry and rules (the
//! EPDS form's item scores, the PHQ-9 algorithm's impairment question,
//! QIDS-SR16 remission, reliable change with sources), on both databases.

use crate::support::*;
use rapport_core::access::Role;
use serde_json::{json, Value};

#[tokio::test]
async fn the_epds_form_shows_each_answers_score_with_reverse_items_reversed() {
    on_each_backend(|app| async move {
        let _ = app.user("epds@clinic.example", Role::Clinician).await;
        let b = app.browser_as("epds@clinic.example").await;
        let client = b.new_client("Perinatal Person").await;
        let form = format!("/clients/{client}/measures/new?instrument=epds");
        let (s, page) = b.text(&form).await;
        assert_eq!(s, 200);
        assert!(page.contains("data-testid=\"item-score-hint\""), "the form says why the scores are shown");
        // Item 1 scores its position (0, 1, 2, 3); item 3 is reversed (3, 2, 1, 0).
        let score_of = |field: &str, i: usize| {
            let id = format!("id=\"{field}-s{i}\" data-testid=\"item-score\">");
            let at = page.find(&id).unwrap_or_else(|| panic!("no score for {field} option {i}")) + id.len();
            page[at..at + page[at..].find('<').unwrap()].to_string()
        };
        assert_eq!(
            (0..4).map(|i| score_of("item_1", i)).collect::<Vec<_>>(),
            ["scores 0", "scores 1", "scores 2", "scores 3"]
        );
        assert_eq!(
            (0..4).map(|i| score_of("item_3", i)).collect::<Vec<_>>(),
            ["scores 3", "scores 2", "scores 1", "scores 0"]
        );
        // Each score is part of the answer's accessible name.
        assert!(page.contains("aria-labelledby=\"item_3-q item_3-o0 item_3-s0\""));
        // The PHQ-9 has no reversed item: no scores beside its answers.
        let (_, phq9) = b.text(&format!("/clients/{client}/measures/new?instrument=phq9")).await;
        assert!(!phq9.contains("data-testid=\"item-score\""));
        // What is saved is what the form showed: option 0 of item 3 stores 3.
        let r = b
            .answer(
                &form,
                &format!("/clients/{client}/measures/new"),
                &answers(["0", "0", "0", "0", "3", "3", "3", "3", "3", "3"]),
                &[("instrument", "epds")],
            )
            .await;
        assert_eq!(r.status().as_u16(), 303);
        let stored = app.store.responses(&client).await.unwrap();
        assert_eq!(stored[0].item_scores[2], Some(3));
        assert_eq!(stored[0].total, Some(3));
    })
    .await;
}

#[tokio::test]
async fn the_phq9_algorithm_needs_the_impairment_question() {
    on_each_backend(|app| async move {
        let (_, api, client) = client_of(&app, "algo@clinic.example").await;
        let url = format!("/api/v1/clients/{client}/responses");
        // measures.md 7.1 example 1: five symptoms including item 1.
        let symptoms = json!([2, 2, 1, 3, 1, 2, 1, 0, 1]);
        for (unscored, want) in [
            (json!([1]), "major_depressive_syndrome"),
            (json!([0]), "none"),
            (json!([null]), "impairment_not_recorded"),
            (Value::Null, "impairment_not_recorded"),
        ] {
            let (s, r) =
                api.post(&url, json!({"instrument": "phq9", "answers": symptoms, "unscored_answers": unscored})).await;
            assert_eq!(s, 201, "{r}");
            assert_eq!(r["diagnostic_algorithm"], want, "difficulty {unscored}");
        }
        let (_, r) = api
            .post(&url, json!({"instrument": "phq9", "answers": [2, 0, 0, 2, 0, 0, 0, 0, 0], "unscored_answers": [2]}))
            .await;
        assert_eq!(r["diagnostic_algorithm"], "other_depressive_syndrome");
    })
    .await;
}

#[tokio::test]
async fn qids_remission_and_epds_reliable_change_reach_the_outcomes() {
    on_each_backend(|app| async move {
        let (_, api, client) = client_of(&app, "rules@clinic.example").await;
        let url = format!("/api/v1/clients/{client}/responses");
        // QIDS-SR16 16 -> 5: response and remission (<= 5) from a baseline at caseness.
        for a in [
            json!([1, 2, 0, 0, 2, 1, 0, 1, 0, 3, 2, 1, 2, 2, 1, 0]),
            json!([1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 1, 0, 0, 0]),
        ] {
            let (s, r) = api.post(&url, json!({"instrument": "qids_sr16", "answers": a})).await;
            assert_eq!(s, 201, "{r}");
        }
        // EPDS 15 -> 11: a drop of 4 is a reliable improvement (Matthey 2004).
        let epds = |t: i64| {
            // Items 1, 2, 4 score their code; the others reverse it, so code = 3 - score.
            let mut left = t;
            let v: Vec<i64> = (1..=10)
                .map(|n| {
                    let s = left.min(2);
                    left -= s;
                    if [1, 2, 4].contains(&n) {
                        s
                    } else {
                        3 - s
                    }
                })
                .collect();
            json!(v)
        };
        for t in [15, 11] {
            let (s, r) = api.post(&url, json!({"instrument": "epds", "answers": epds(t)})).await;
            assert_eq!((s, r["total"].as_i64()), (201, Some(t)), "{r}");
        }
        let (s, o) = api.get(&format!("/api/v1/clients/{client}/outcomes")).await;
        assert_eq!(s, 200, "{o}");
        let q = &o["qids_sr16"];
        assert_eq!((q["baseline"].as_i64(), q["latest"].as_i64()), (Some(16), Some(5)), "{q}");
        assert_eq!((q["response"].as_bool(), q["remission"].as_bool()), (Some(true), Some(true)), "{q}");
        assert!(q["reliable_change"].is_null(), "no sourced parameters for the QIDS-SR16: {q}");
        let e = &o["epds"];
        assert_eq!(e["reliable_change"], "improved", "{e}");
        assert_eq!(e["reliable_change_parameters"]["points"].as_f64(), Some(4.0));
        assert!(e["reliable_change_parameters"]["source"].as_str().unwrap().contains("Matthey"));
    })
    .await;
}

#[tokio::test]
async fn a_schedule_without_a_risk_item_needs_a_confirmation() {
    on_each_backend(|app| async move {
        let (_, api, client, course) = client_with_course(&app, "riskq@clinic.example").await;
        let b = app.browser_as("riskq@clinic.example").await;
        let page = format!("/clients/{client}/measures?course={course}");
        let action = format!("/courses/{course}/measure-schedule");
        let writes = app.count("record.create").await + app.count("record.update").await;

        // The form: GAD-7 and WHO-5 alone ask nothing about risk. Re-rendered with the warning and a box.
        let form = [("instrument", "gad7"), ("instrument", "who5"), ("every", "2"), ("version", "0")];
        let r = b.submit(&page, &action, &form).await;
        assert_eq!(r.status(), 422);
        let html = r.text().await.unwrap();
        assert!(
            html.contains(
                r##"<a href="#confirm_no_risk_item">None of these questionnaires asks about suicide or self-harm."##
            ),
            "{html}"
        );
        assert!(
            html.contains(r#"<input type="checkbox" id="confirm_no_risk_item" name="confirm_no_risk_item""#),
            "{html}"
        );
        assert!(html.contains("<details open>"), "the form stays open");
        assert_eq!(app.count("record.create").await + app.count("record.update").await, writes, "nothing saved");

        // The API refuses it naming the field, and nothing is saved.
        let url = format!("/api/v1/courses/{course}/measure-schedule");
        for body in [
            json!({"instruments": ["gad7", "who5"], "every": 2, "version": 0}),
            json!({"instruments": ["gad7"], "every": 2, "version": 0, "confirm_no_risk_item": false}),
        ] {
            let (s, e) = api.put(&url, body).await;
            assert_eq!(s, 422, "{e}");
            assert_eq!(e["error"]["field"], "confirm_no_risk_item", "{e}");
        }
        let (s, got) = api.get(&url).await;
        assert_eq!(s, 200);
        assert_eq!((got["custom"].as_bool(), got["asks_about_risk"].as_bool()), (Some(false), Some(true)), "{got}");
        assert_eq!(got["scheduled_sessions"], json!((1..=12).collect::<Vec<u32>>()), "default: every session");

        // Confirmed, it is saved, and the audit entry says so.
        let r = b
            .submit(
                &page,
                &action,
                &[("instrument", "gad7"), ("every", "2"), ("version", "0"), ("confirm_no_risk_item", "yes")],
            )
            .await;
        assert_eq!(r.status(), 303);
        let entries = app.audit_entries("record.create").await;
        assert!(
            entries.iter().any(|e| e.event.detail.as_deref().is_some_and(|d| d.contains("no risk item: confirmed"))),
            "{entries:?}"
        );
        // A schedule with a risk item needs no confirmation; every 4 of 12 is anchored on session 12.
        let (s, saved) = api.put(&url, json!({"instruments": ["gad7", "phq9"], "every": 4, "version": 1})).await;
        assert_eq!(s, 200, "{saved}");
        assert_eq!(saved["scheduled_sessions"], json!([1, 4, 8, 12]));
        assert_eq!((saved["asks_about_risk"].as_bool(), saved["version"].as_i64()), (Some(true), Some(2)));
        let (_, html) = b.text(&page).await;
        assert!(
            html.contains("every 4 sessions, counted back from the last planned session")
                && html.contains("(sessions 1, 4, 8, 12)"),
            "{html}"
        );
        // Bad input: 422 naming the field; a stale version: 409.
        let (s, e) = api.put(&url, json!({"instruments": ["nope"], "every": 4, "version": 2})).await;
        assert_eq!((s, e["error"]["field"].as_str()), (422, Some("instruments[0]")), "{e}");
        let (s, e) = api.put(&url, json!({"instruments": ["phq9"], "every": 13, "version": 2})).await;
        assert_eq!((s, e["error"]["field"].as_str()), (422, Some("every")), "{e}");
        let (s, _) = api.put(&url, json!({"instruments": ["phq9"], "every": 1, "version": 1})).await;
        assert_eq!(s, 409);
    })
    .await;
}

fn assessment(extra: Value) -> Value {
    let mut a = json!({
        "ideation": "passive thoughts", "plan": "none", "intent": "none", "means": "no access",
        "history": "none", "protective_factors": "children", "risk_level": "low", "screening_tool": "none"
    });
    for (k, v) in extra.as_object().unwrap() {
        a[k] = v.clone();
    }
    a
}

/// A client with an open PHQ-9 item-9 flag: (API, client id, flag id).
async fn flagged(app: &TestApp, email: &str) -> (Api, String, String) {
    let (_, api, client) = client_of(app, email).await;
    let r = api
        .respond(
            &client,
            json!({"instrument": "phq9", "answers": [1, 1, 1, 1, 1, 1, 1, 1, 1], "unscored_answers": [1]}),
        )
        .await;
    let flag = r["risk_flag_id"].as_str().expect("a flag").to_string();
    (api, client, flag)
}

#[tokio::test]
async fn a_risk_assessment_names_its_screening_actions_and_follow_up() {
    on_each_backend(|app| async move {
        let (api, _, flag) = flagged(&app, "assess@clinic.example").await;
        let url = format!("/api/v1/risk-flags/{flag}/assessments");
        let before = app.count("risk_assessment.record").await;
        let tomorrow = rapport_core::time::format_date(rapport_core::Timestamp::now().date() + time::Duration::days(1));
        let yesterday = rapport_core::time::format_date(rapport_core::Timestamp::now().date() - time::Duration::days(2));
        for (body, field) in [
            (assessment(json!({"screening_tool": null})), "screening_tool"),
            (assessment(json!({"screening_tool": "phq9"})), "screening_tool"),
            (assessment(json!({"risk_level": "high"})), "actions"),
            (assessment(json!({"risk_level": "imminent", "actions": "  "})), "actions"),
            (assessment(json!({"screening_tool": "other"})), "screening_tool_name"),
            (assessment(json!({"screening_tool": "other", "screening_tool_name": "SAD PERSONS"})), "screening_result"),
            (assessment(json!({"screening_tool": "cssrs_screener", "cssrs": {"q1": true, "q2": true, "q6": false}})), "cssrs_q3"),
            (assessment(json!({"screening_tool": "cssrs_screener", "cssrs": {"q1": false, "q2": false, "q6": true}})), "cssrs_q6_recent"),
            (assessment(json!({"follow_up_on": yesterday})), "follow_up_on"),
            (assessment(json!({"follow_up_on": "next week"})), "follow_up_on"),
        ] {
            let (s, e) = api.post(&url, body.clone()).await;
            assert_eq!((s, e["error"]["field"].as_str()), (422, Some(field)), "{body}: {e}");
        }
        assert_eq!(app.count("risk_assessment.record").await, before, "nothing recorded");
        // Complete: the Columbia screener's answers (high: behaviour in the past 3 months), actions, a follow-up.
        let body = assessment(json!({
            "risk_level": "high", "actions": "safety plan reviewed; crisis team informed",
            "screening_tool": "cssrs_screener",
            "cssrs": {"q1": true, "q2": true, "q3": true, "q4": false, "q5": false, "q6": true, "q6_recent": true},
            "follow_up_on": tomorrow,
        }));
        let (s, r) = api.post(&url, body).await;
        assert_eq!(s, 201, "{r}");
        let stored = app.store.risk_assessments(&rapport_core::Id::parse(&flag).unwrap()).await.unwrap();
        let a = &stored[0].assessment;
        assert_eq!(a.screening.tool(), "cssrs_screener");
        assert!(matches!(a.screening, rapport_core::risk::Screening::CssrsScreener { result: rapport_core::risk::CssrsRisk::High, .. }));
        assert_eq!(a.follow_up_on.map(rapport_core::time::format_date), Some(tomorrow.clone()));
        // The flag page shows the result in words and the follow-up date.
        let b = app.browser_as("assess@clinic.example").await;
        let (_, html) = b.text(&format!("/risk-flags/{flag}")).await;
        assert!(html.contains("Columbia screener: high risk (intent, a plan, or behaviour in the past 3 months)"), "{html}");
        assert!(html.contains("crisis team informed") && html.contains("follow-up "), "{html}");
        // The form names the field when actions are missing at a high level.
        let fp = format!("/risk-flags/{flag}");
        let fields = [
            ("ideation", "active"), ("plan", "yes"), ("intent", "some"), ("means", "tablets"), ("history", "none"),
            ("protective_factors", "children"), ("risk_level", "imminent"), ("screening_tool", "none"),
        ];
        let r = b.submit(&fp, &format!("{fp}/assessment"), &fields).await;
        assert_eq!(r.status(), 422);
        let html = r.text().await.unwrap();
        assert!(html.contains(r#"<p class="field-error" id="actions-error">Actions taken are required when the risk level is high or imminent</p>"#), "{html}");
    })
    .await;
}

#[tokio::test]
async fn a_follow_up_date_becomes_a_task_on_today() {
    on_each_backend(|app| async move {
        let (api, _, flag) = flagged(&app, "follow@clinic.example").await;
        let url = format!("/api/v1/risk-flags/{flag}/assessments");
        let b = app.browser_as("follow@clinic.example").await;
        let in_a_week =
            rapport_core::time::format_date(rapport_core::Timestamp::now().date() + time::Duration::days(7));
        let (s, _) = api.post(&url, assessment(json!({"follow_up_on": in_a_week}))).await;
        assert_eq!(s, 201);
        let (_, today) = b.text("/today").await;
        assert!(!today.contains("Risk follow-up"), "not before its day");
        // Its day comes (the row moved back a week): due today, linked to the flag.
        app.sql(
            "UPDATE risk_assessments SET follow_up_on = $1 WHERE flag_id = $2",
            &[&rapport_core::time::format_date(rapport_core::Timestamp::now().date()), &flag],
        )
        .await;
        let (_, today) = b.text("/today").await;
        let today = today.replace("&#39;", "'").replace("&#x27;", "'");
        assert!(
            today.contains(&format!(
                r#"<a href="/risk-flags/{flag}">Risk follow-up (the assessment's follow-up date)</a>"#
            )),
            "{today}"
        );
        assert!(today.contains("due today"), "{today}");
        let (s, t) = api.get("/api/v1/today").await;
        assert_eq!(s, 200);
        assert!(
            t["overdue_tasks"]
                .as_array()
                .unwrap()
                .iter()
                .any(|k| k["what"] == "Risk follow-up" && k["href"] == format!("/risk-flags/{flag}")),
            "{t}"
        );
        // A later assessment answers it.
        let (s, _) = api.post(&url, assessment(json!({}))).await;
        assert_eq!(s, 201);
        let (_, today) = b.text("/today").await;
        assert!(!today.contains("Risk follow-up"), "{today}");
    })
    .await;
}

#[tokio::test]
async fn closing_a_flag_needs_a_safety_plan_saved_after_the_answer() {
    on_each_backend(|app| async move {
        let (_, api, client) = client_of(&app, "close@clinic.example").await;
        let plan = json!({"warning_signs": "not sleeping", "professionals": "GP; crisis line"});
        let old = api.create(&format!("/api/v1/clients/{client}/safety-plans"), plan.clone()).await;
        let old_id = old["id"].as_str().unwrap().to_string();
        // Written a month before the answer below.
        app.sql("UPDATE safety_plans SET created_at = $1 WHERE id = $2", &["2026-01-01T09:00:00.000000Z", &old_id])
            .await;
        let r = api.respond(&client, json!({"instrument": "phq9", "answers": [1, 1, 1, 1, 1, 1, 1, 1, 2]})).await;
        let flag = r["risk_flag_id"].as_str().unwrap().to_string();
        let (s, a) = api.post(&format!("/api/v1/risk-flags/{flag}/assessments"), assessment(json!({}))).await;
        assert_eq!(s, 201);
        let aid = a["id"].as_str().unwrap().to_string();
        let close = format!("/api/v1/risk-flags/{flag}/close");
        let (s, e) = api.post(&close, json!({"assessment_id": aid, "safety_plan_id": old_id})).await;
        assert_eq!((s, e["error"]["field"].as_str()), (422, Some("safety_plan_id")), "{e}");
        assert!(e["error"]["message"].as_str().unwrap().contains("saved before the answer"), "{e}");
        let (_, f) = api.get(&format!("/api/v1/risk-flags/{flag}")).await;
        assert_ne!(f["status"], "closed");
        // Reviewed after the answer (a new version): the flag closes.
        let new = api.create(&format!("/api/v1/clients/{client}/safety-plans"), plan).await;
        let (s, f) = api.post(&close, json!({"assessment_id": aid, "safety_plan_id": new["id"]})).await;
        assert_eq!((s, f["status"].as_str()), (200, Some("closed")), "{f}");
        // A closed flag's page still shows what was assessed (the follow-up task links here).
        let b = app.browser_as("close@clinic.example").await;
        let (_, html) = b.text(&format!("/risk-flags/{flag}")).await;
        assert!(
            html.contains("data-testid=\"closed-assessments\"")
                && html.contains("No screening tool (clinical interview)"),
            "{html}"
        );
    })
    .await;
}
