//! Measures and the risk loop over HTTP: scoring through the API, validation,
//! access, outcomes, risk flags and their handling.

use crate::matrix::{e, j, Entry};
use crate::support::*;
use rapport_core::access::Role;
use rapport_core::audit::action;
use reqwest::Method as M;
use serde_json::{json, Value};

fn assessment() -> Value {
    json!({
        "ideation": "passive thoughts, none active", "plan": "none", "intent": "none",
        "means": "no access to means", "history": "no previous attempts",
        "protective_factors": "children; faith", "risk_level": "low", "screening_tool": "none",
        "actions": "safety plan updated; follow-up call in two days"
    })
}

fn plan() -> Value {
    json!({
        "warning_signs": "not sleeping; withdrawing", "coping_strategies": "walk",
        "professionals": "GP; crisis line 116 123", "shared_with_client": true
    })
}

#[tokio::test]
async fn instruments_are_listed_with_items_and_licences() {
    let app = TestApp::spawn(Backend::Sqlite, rapport_web::Config::default()).await;
    let u = app.user("i@clinic.example", Role::Clinician).await;
    let t = app.token_for(&u).await;
    let (s, list) = call(&app, M::GET, "/api/v1/instruments", &t, None).await;
    assert_eq!(s, 200);
    let ids: Vec<&str> = list.as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap()).collect();
    for id in ["phq9", "phq2", "gad7", "who5", "hamd17", "epds", "qids_sr16"] {
        assert!(ids.contains(&id), "{id} in {ids:?}");
    }
    assert!(!ids.contains(&"phq8"));
    let get = |id: &str| list.as_array().unwrap().iter().find(|i| i["id"] == id).unwrap().clone();
    let phq9 = get("phq9");
    assert_eq!(phq9["version"], "1");
    assert_eq!(phq9["items"].as_array().unwrap().len(), 9);
    assert_eq!(phq9["unscored_items"].as_array().unwrap().len(), 1);
    assert!(phq9["items"][8]["text"].as_str().unwrap().contains("better off dead"));
    assert_eq!(phq9["items"][0]["options"][3]["label"], "Nearly every day");
    assert_eq!(phq9["licence"]["class"], "F");
    assert_eq!(phq9["risk_items"][0]["item"], 9);
    let epds = get("epds");
    assert_eq!(epds["licence"]["class"], "L");
    assert_eq!(epds["items"][9]["text"], "EPDS item 10");
    assert_eq!(epds["items"][2]["reverse"], true);
    assert_eq!(get("hamd17")["administration"], "clinician");
    assert_eq!(get("who5")["range_max"], 100);
    assert_eq!(call(&app, M::GET, "/api/v1/instruments", "rpt_nope", None).await.0, 401);
}

#[tokio::test]
async fn responses_are_scored_stored_and_flagged() {
    on_each_backend(|app| async move {
        let alice = app.user("alice@clinic.example", Role::Clinician).await;
        let bob = app.user("bob@clinic.example", Role::Clinician).await;
        let sup = app.user("sup@clinic.example", Role::Supervisor).await;
        let ev = rapport_core::audit::AuditEvent { resource_type: "user".into(), ..test_event(action::USER_UPDATE) };
        app.store.set_supervisees(&sup.id, std::slice::from_ref(&alice.id), ev, &[]).await.unwrap();
        let (ta, tb, ts) = (app.token_for(&alice).await, app.token_for(&bob).await, app.token_for(&sup).await);
        let c = new_client(&app, &ta, "Measured Person").await;

        // The worked examples of measures.md 7.1 through the API.
        type Example<'a> = (&'a str, Value, Option<i64>, Option<&'a str>, bool);
        let examples: &[Example] = &[
            ("phq9", json!([2, 2, 1, 3, 1, 2, 1, 0, 1]), Some(13), Some("moderate"), true),
            ("phq9", json!([1, 1, 0, 1, 0, 0, 1, 0, 0]), Some(4), Some("minimal"), false),
            ("phq9", json!([3, 3, 3, 3, 2, 3, 2, 2, 0]), Some(21), Some("severe"), false),
            ("phq2", json!([2, 1]), Some(3), Some("positive"), false),
            ("gad7", json!([2, 1, 2, 1, 0, 1, 1]), Some(8), Some("mild"), false),
            ("who5", json!([2, 3, 1, 2, 2]), Some(40), Some("poor_wellbeing"), false),
            ("epds", json!([1, 0, 1, 2, 2, 1, 2, 1, 2, 3]), Some(12), Some("possible_depression"), false),
            ("epds", json!([0, 0, 3, 0, 3, 3, 3, 3, 3, 2]), Some(1), Some("below_threshold"), true),
            ("hamd17", json!([2, 2, 2, 1, 1, 0, 2, 1, 0, 1, 1, 1, 1, 0, 0, 1, 0]), Some(16), Some("moderate"), true),
            ("qids_sr16", json!([1, 2, 0, 0, 2, 1, 0, 1, 0, 2, 1, 1, 2, 2, 1, 0]), Some(14), Some("moderate"), true),
        ];
        let mut flagged = Vec::new();
        for (inst, answers, total, band, risk) in examples {
            let (s, r) = post_response(&app, &ta, &c, json!({"instrument": inst, "answers": answers})).await;
            assert_eq!(s, 201, "{inst} {answers}: {r}");
            assert_eq!(r["instrument"], *inst);
            assert_eq!(r["total"].as_i64(), *total, "{inst} {answers}");
            assert_eq!(r["band"].as_str(), *band, "{inst} {answers}");
            assert!(r["id"].as_str().is_some() && r["scoring_version"] == "rapport-scoring-2");
            assert_eq!(r["risk_flag_id"].is_string(), *risk, "{inst} {answers}: {r}");
            assert_eq!(r["flags"].as_array().unwrap().iter().any(|f| f.as_str().unwrap().starts_with("risk_item_")), *risk);
            if *inst == "phq9" {
                assert!(r["diagnostic_algorithm"].is_string(), "{r}");
            }
            if *risk {
                flagged.push(r["risk_flag_id"].as_str().unwrap().to_string());
            }
        }
        // PHQ-9 difficulty question: stored, never added.
        let (s, r) = post_response(
            &app,
            &ta,
            &c,
            json!({"instrument": "phq9", "answers": [0, 0, 0, 0, 0, 0, 0, 0, 0], "unscored_answers": [3], "mode": "on_behalf"}),
        )
        .await;
        assert_eq!((s, r["total"].as_i64()), (201, Some(0)), "{r}");

        // A chosen band set is used and recorded.
        let hamd = json!([2, 2, 0, 1, 1, 0, 2, 1, 0, 1, 1, 1, 1, 0, 0, 1, 0]);
        let (s, r) = post_response(&app, &ta, &c, json!({"instrument": "hamd17", "answers": hamd, "band_set": "zimmerman_2013"})).await;
        assert_eq!((s, r["total"].as_i64(), r["band"].as_str(), r["band_set"].as_str()), (201, Some(14), Some("mild"), Some("zimmerman_2013")), "{r}");

        // Issue 10.2: a partial form is stored as incomplete; an answered risk
        // item still raises its flag; a blank risk item is flagged for the clinician.
        let (s, r) = post_response(&app, &ta, &c, json!({"instrument": "phq9", "answers": [0, 0, 0, 0, 0, 0, 0, null, 0]})).await;
        assert_eq!(s, 201, "{r}");
        assert_eq!((r["total"].is_null(), r["complete"].as_bool(), r["missing"].clone()), (true, Some(false), json!([8])), "{r}");
        assert!(r["risk_flag_id"].is_null());
        let (s, r) = post_response(&app, &ta, &c, json!({"instrument": "phq9", "answers": [1, 1, null, 1, 1, 1, 1, 1, 2]})).await;
        assert_eq!(s, 201, "{r}");
        assert_eq!((r["total"].is_null(), r["missing"].clone()), (true, json!([3])), "{r}");
        assert!(r["risk_flag_id"].as_str().is_some(), "item 9 = 2 raises a flag with item 3 blank: {r}");
        flagged.push(r["risk_flag_id"].as_str().unwrap().to_string());
        let (s, r) = post_response(&app, &ta, &c, json!({"instrument": "phq9", "answers": [1, 1, 1, 1, 1, 1, 1, 1, null]})).await;
        assert_eq!(s, 201, "{r}");
        assert!(r["flags"].as_array().unwrap().contains(&json!("risk_item_unanswered")), "{r}");
        assert!(r["risk_flag_id"].is_null() && r["total"].is_null(), "{r}");

        // Bad input: 422 naming the problem; nothing stored.
        let before = call(&app, M::GET, &format!("/api/v1/clients/{c}/responses"), &ta, None).await.1;
        let n_before = before.as_array().unwrap().len();
        let bad: &[(Value, &str)] = &[
            (json!({"instrument": "phq9", "answers": [0, 0, 0, 0, 0, 0, 0, 0]}), "answers"),
            (json!({"instrument": "phq9", "answers": [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]}), "answers"),
            (json!({"instrument": "phq9", "answers": [0, 0, 0, 4, 0, 0, 0, 0, 0]}), "answers[3]"),
            (json!({"instrument": "phq9", "answers": [0, 0, 0, 0, 0, 0, 0, 0, -1]}), "answers[8]"),
            (json!({"instrument": "phq9", "answers": [0, 0, "2", 0, 0, 0, 0, 0, 0]}), "answers[2]"),
            (json!({"instrument": "phq9", "answers": [0, 1.5, 0, 0, 0, 0, 0, 0, 0]}), "answers[1]"),
            (json!({"instrument": "phq9", "answers": [null, null, null, null, null, null, null, null, null]}), "answers"),
            (json!({"instrument": "phq9", "answers": [0, 0, 0, 0, 0, 0, 0, 0, 3], "unscored_answers": [9]}), "unscored_answers[0]"),
            (json!({"instrument": "phq9", "answers": "0,0,0"}), "answers"),
            (json!({"instrument": "phq9"}), "answers"),
            (json!({"instrument": "phq8", "answers": [0, 0, 0, 0, 0, 0, 0, 0]}), "instrument"),
            (json!({"instrument": 9, "answers": [0]}), "instrument"),
            (json!({"answers": [0]}), "instrument"),
            (json!({"instrument": "hamd17", "answers": [0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]}), "answers[3]"),
            (json!({"instrument": "phq9", "answers": [0, 0, 0, 0, 0, 0, 0, 0, 3], "completed_at": "yesterday"}), "completed_at"),
            (json!({"instrument": "phq9", "answers": [0, 0, 0, 0, 0, 0, 0, 0, 3], "completed_at": "2999-01-01T00:00:00Z"}), "completed_at"),
            (json!({"instrument": "phq9", "answers": [0, 0, 0, 0, 0, 0, 0, 0, 3], "course_id": "x"}), "course_id"),
            (
                json!({"instrument": "phq9", "answers": [0, 0, 0, 0, 0, 0, 0, 0, 3], "course_id": rapport_core::Id::new().to_string()}),
                "course_id",
            ),
            (json!({"instrument": "phq9", "answers": [0, 0, 0, 0, 0, 0, 0, 0, 3], "mode": "portal"}), "mode"),
            (json!({"instrument": "phq9", "answers": [0, 0, 0, 0, 0, 0, 0, 0, 3], "band_set": "nope"}), "band_set"),
        ];
        for (body, field) in bad {
            let (s, e) = post_response(&app, &ta, &c, body.clone()).await;
            assert_eq!(s, 422, "{body}: {e}");
            assert_eq!(e["error"]["field"].as_str(), Some(*field), "{body}: {e}");
            assert!(e["error"]["message"].as_str().is_some_and(|m| !m.is_empty()));
        }
        let after = call(&app, M::GET, &format!("/api/v1/clients/{c}/responses"), &ta, None).await.1;
        assert_eq!(after.as_array().unwrap().len(), n_before, "nothing stored");

        // Outside access: 404, and nothing stored for the other clinician either.
        let (s, _) = post_response(&app, &tb, &c, json!({"instrument": "phq9", "answers": [0, 0, 0, 0, 0, 0, 0, 0, 3]})).await;
        assert_eq!(s, 404);
        for p in ["responses", "outcomes", "safety-plans"] {
            assert_eq!(call(&app, M::GET, &format!("/api/v1/clients/{c}/{p}"), &tb, None).await.0, 404, "{p}");
        }

        // Flags: exactly one open flag per positive response, visible to the team and the supervisor only.
        let (s, open) = call(&app, M::GET, "/api/v1/risk-flags?status=open", &ta, None).await;
        assert_eq!(s, 200);
        let mut ids: Vec<String> = open.as_array().unwrap().iter().map(|f| f["id"].as_str().unwrap().to_string()).collect();
        ids.sort();
        flagged.sort();
        assert_eq!(ids, flagged);
        assert!(open.as_array().unwrap().iter().all(|f| f["client_id"] == c.as_str() && f["status"] == "open"));
        assert_eq!(call(&app, M::GET, "/api/v1/risk-flags?status=open", &ts, None).await.1.as_array().unwrap().len(), 5);
        assert_eq!(call(&app, M::GET, "/api/v1/risk-flags?status=open", &tb, None).await.1, json!([]));
        let (s, e) = call(&app, M::GET, "/api/v1/risk-flags?status=gone", &ta, None).await;
        assert_eq!((s, e["error"]["field"].as_str()), (422, Some("status")));
        let flag = &flagged[0];
        assert_eq!(call(&app, M::GET, &format!("/api/v1/risk-flags/{flag}"), &tb, None).await.0, 404);
        assert_eq!(call(&app, M::POST, &format!("/api/v1/risk-flags/{flag}/acknowledge"), &tb, None).await.0, 404);

        // The loop: closing needs an assessment and a safety plan.
        let close = |a: &str, p: &str| json!({"assessment_id": a, "safety_plan_id": p});
        let (s, e) = call(&app, M::POST, &format!("/api/v1/risk-flags/{flag}/close"), &ta, Some(close(&rapport_core::Id::new().to_string(), &rapport_core::Id::new().to_string()))).await;
        assert_eq!((s, e["error"]["field"].as_str()), (422, Some("assessment_id")), "{e}");
        let (s, f) = call(&app, M::POST, &format!("/api/v1/risk-flags/{flag}/acknowledge"), &ta, None).await;
        assert_eq!((s, f["status"].as_str()), (200, Some("acknowledged")), "{f}");
        let mut partial = assessment();
        partial["means"] = Value::Null;
        let (s, e) = call(&app, M::POST, &format!("/api/v1/risk-flags/{flag}/assessments"), &ta, Some(partial)).await;
        assert_eq!((s, e["error"]["field"].as_str()), (422, Some("means")), "{e}");
        let (s, a) = call(&app, M::POST, &format!("/api/v1/risk-flags/{flag}/assessments"), &ta, Some(assessment())).await;
        assert_eq!(s, 201, "{a}");
        let aid = a["id"].as_str().unwrap().to_string();
        let (s, e) = call(&app, M::POST, &format!("/api/v1/risk-flags/{flag}/close"), &ta, Some(close(&aid, &rapport_core::Id::new().to_string()))).await;
        assert_eq!((s, e["error"]["field"].as_str()), (422, Some("safety_plan_id")), "{e}");
        let (s, e) = call(&app, M::POST, &format!("/api/v1/clients/{c}/safety-plans"), &ta, Some(json!({"coping_strategies": "x"}))).await;
        assert_eq!((s, e["error"]["field"].as_str()), (422, Some("warning_signs")), "{e}");
        let (s, p) = call(&app, M::POST, &format!("/api/v1/clients/{c}/safety-plans"), &ta, Some(plan())).await;
        assert_eq!((s, p["version"].as_i64()), (201, Some(1)), "{p}");
        let pid = p["id"].as_str().unwrap().to_string();
        let (s, f) = call(&app, M::POST, &format!("/api/v1/risk-flags/{flag}/close"), &ta, Some(close(&aid, &pid))).await;
        assert_eq!((s, f["status"].as_str(), f["closed_by"].as_str()), (200, Some("closed"), Some(alice.id.as_str())), "{f}");
        assert_eq!(call(&app, M::POST, &format!("/api/v1/risk-flags/{flag}/close"), &ta, Some(close(&aid, &pid))).await.0, 409);
        let (_, open) = call(&app, M::GET, "/api/v1/risk-flags?status=open", &ta, None).await;
        assert_eq!(open.as_array().unwrap().len(), flagged.len() - 1);
        let (_, closed) = call(&app, M::GET, "/api/v1/risk-flags?status=closed", &ta, None).await;
        assert_eq!(closed[0]["id"], flag.as_str());
        let (s, plans) = call(&app, M::GET, &format!("/api/v1/clients/{c}/safety-plans"), &ta, None).await;
        assert_eq!((s, plans[0]["version"].as_i64()), (200, Some(1)));
        // Responses can belong to one of the client's courses; outcomes can be read per course.
        let course_id = Api::with_token(&app, &ta)
            .new_course(&c, json!({"protocol": "ipt-individual", "planned_sessions": 16, "start_date": "2026-01-05"}))
            .await;
        for total in [[3, 3, 3, 3, 3, 3, 0, 0, 0], [1, 1, 1, 0, 0, 0, 0, 0, 0]] {
            let (s, r) =
                post_response(&app, &ta, &c, json!({"instrument": "phq9", "answers": total, "course_id": course_id})).await;
            assert_eq!(s, 201, "{r}");
        }
        // The responses sent earlier today without a course count towards the
        // course open today (it started in January): six PHQ-9s in all.
        let (_, o) = call(&app, M::GET, &format!("/api/v1/clients/{c}/outcomes?course_id={course_id}"), &ta, None).await;
        assert_eq!((o["phq9"]["count"].as_i64(), o["phq9"]["baseline"].as_i64(), o["phq9"]["latest"].as_i64()), (Some(6), Some(13), Some(3)), "{o}");
        assert_eq!(o["scope"]["course_id"].as_str(), Some(course_id.as_str()));
        let other = new_client(&app, &ta, "Other Person").await;
        let (s, e) =
            post_response(&app, &ta, &other, json!({"instrument": "phq9", "answers": [0, 0, 0, 0, 0, 0, 0, 0, 0], "course_id": course_id})).await;
        assert_eq!((s, e["error"]["field"].as_str()), (422, Some("course_id")), "another client's course");

        // A risk recorded by a clinician raises its own flag.
        let (s, e) = call(&app, M::POST, &format!("/api/v1/clients/{c}/risk-flags"), &ta, Some(json!({"detail": " "}))).await;
        assert_eq!((s, e["error"]["field"].as_str()), (422, Some("detail")));
        let (s, f) = call(&app, M::POST, &format!("/api/v1/clients/{c}/risk-flags"), &ta, Some(json!({"detail": "said they feel hopeless"}))).await;
        assert_eq!((s, f["source"].as_str(), f["status"].as_str()), (201, Some("clinician"), Some("open")), "{f}");
        assert_eq!(f["items"], json!([]));
        let (_, open) = call(&app, M::GET, "/api/v1/risk-flags?status=open", &ta, None).await;
        assert_eq!(open.as_array().unwrap().len(), flagged.len());
        assert_eq!(call(&app, M::POST, &format!("/api/v1/clients/{c}/risk-flags"), &tb, Some(json!({"detail": "x"}))).await.0, 404);
        assert!(app.store.audit_verify().await.is_ok());
    })
    .await;
}

#[tokio::test]
async fn outcomes_follow_completion_order_and_the_worked_examples() {
    on_each_backend(|app| async move {
        let u = app.user("o@clinic.example", Role::Clinician).await;
        let t = app.token_for(&u).await;
        // measures.md 7.3 cases A-E (PHQ-9 and GAD-7, first -> last), posted last-first
        // with explicit completion times: the outcome must follow completed_at.
        // Recovered and reliably recovered are null ("n/a") when not a case at the start (case C).
        type Case<'a> = (&'a str, [i64; 2], [i64; 2], [serde_json::Value; 5]);
        let (y, n, na) = (json!(true), json!(false), serde_json::Value::Null);
        let cases: &[Case] = &[
            ("A", [18, 7], [12, 6], [y.clone(), y.clone(), y.clone(), y.clone(), n.clone()]),
            ("B", [12, 9], [9, 7], [y.clone(), y.clone(), n.clone(), n.clone(), n.clone()]),
            ("C", [8, 2], [6, 3], [n.clone(), na.clone(), y.clone(), na.clone(), n.clone()]),
            ("D", [15, 8], [10, 15], [y.clone(), n.clone(), n.clone(), n.clone(), n.clone()]),
            ("E", [11, 18], [9, 10], [y.clone(), n.clone(), n.clone(), n.clone(), y.clone()]),
        ];
        // Answers that sum to a given total (items filled from the first, 3 at most each).
        let answers = |n: usize, total: i64| -> Vec<i64> {
            let mut left = total;
            (0..n)
                .map(|i| {
                    // Keep item 9 of the PHQ-9 at 0 so no flag is raised here.
                    let take = if n == 9 && i == 8 { 0 } else { left.min(3) };
                    left -= take;
                    take
                })
                .collect()
        };
        for (name, phq, gad, want) in cases {
            let c = new_client(&app, &t, &format!("Case {name}")).await;
            for (when, idx) in [("2026-03-01T10:00:00Z", 1), ("2026-01-01T10:00:00Z", 0)] {
                for (inst, n, totals) in [("phq9", 9, phq), ("gad7", 7, gad)] {
                    let (s, r) = post_response(
                        &app,
                        &t,
                        &c,
                        json!({"instrument": inst, "answers": answers(n, totals[idx]), "completed_at": when}),
                    )
                    .await;
                    assert_eq!((s, r["total"].as_i64()), (201, Some(totals[idx])), "{r}");
                }
            }
            let (s, o) = call(&app, M::GET, &format!("/api/v1/clients/{c}/outcomes"), &t, None).await;
            assert_eq!(s, 200, "{o}");
            assert_eq!(
                (o["phq9"]["baseline"].as_i64(), o["phq9"]["latest"].as_i64()),
                (Some(phq[0]), Some(phq[1])),
                "{name}: {o}"
            );
            assert_eq!(o["phq9"]["change"].as_i64(), Some(phq[1] - phq[0]));
            assert_eq!(o["gad7"]["change"].as_i64(), Some(gad[1] - gad[0]));
            let n = &o["nhs_talking_therapies"];
            let got =
                ["caseness_at_start", "recovered", "reliably_improved", "reliably_recovered", "reliably_deteriorated"]
                    .map(|k| n[k].clone());
            assert_eq!(&got, want, "case {name}: {n}");
            // No course named: the categories are provisional, paired by date.
            assert_eq!((n["status"].as_str(), n["paired_occasions"].as_i64()), (Some("provisional"), Some(2)), "{n}");
            let (_, list) = call(&app, M::GET, &format!("/api/v1/clients/{c}/responses"), &t, None).await;
            let times: Vec<&str> =
                list.as_array().unwrap().iter().map(|r| r["completed_at"].as_str().unwrap()).collect();
            let mut sorted = times.clone();
            sorted.sort();
            assert_eq!(times, sorted, "responses are listed by completed_at");
        }
        // measures.md 7.2 through the API (PHQ-9 with the shipped illustrative parameters).
        // Response / remission: n/a (null) when the baseline is below caseness (9 -> 4).
        type Row<'a> = (i64, i64, &'a str, Option<bool>, Option<bool>);
        let table: &[Row] = &[
            (18, 7, "improved", Some(true), Some(false)),
            (18, 9, "improved", Some(true), Some(false)),
            (18, 10, "improved", Some(false), Some(false)),
            (14, 10, "none", Some(false), Some(false)),
            (12, 18, "deteriorated", Some(false), Some(false)),
            (9, 4, "none", None, None),
        ];
        for (pre, post, rc, response, remission) in table {
            let c = new_client(&app, &t, "RCI").await;
            for total in [pre, post] {
                post_response(&app, &t, &c, json!({"instrument": "phq9", "answers": answers(9, *total)})).await;
            }
            let (_, o) = call(&app, M::GET, &format!("/api/v1/clients/{c}/outcomes"), &t, None).await;
            let p = &o["phq9"];
            assert_eq!(p["reliable_change"].as_str(), Some(*rc), "{pre}->{post}: {p}");
            assert_eq!((p["response"].as_bool(), p["remission"].as_bool()), (*response, *remission), "{pre}->{post}");
            assert!(p["meaningful_change"].is_null() && p["review_session"].is_null(), "{p}");
            assert_eq!(p["reliable_change_parameters"]["sd"].as_f64(), Some(5.0));
            assert_eq!(p["reliable_change_parameters"]["reliability"].as_f64(), Some(0.84));
            assert!(p["reliable_change_parameters"]["source"].as_str().unwrap().contains("measures.md"));
            assert!(o["nhs_talking_therapies"].is_null(), "no GAD-7 pair: no NHS categories");
        }
        // Not on track: a reliable rise.
        let c = new_client(&app, &t, "Worse").await;
        for total in [10, 17] {
            post_response(&app, &t, &c, json!({"instrument": "phq9", "answers": answers(9, total)})).await;
        }
        let (_, o) = call(&app, M::GET, &format!("/api/v1/clients/{c}/outcomes"), &t, None).await;
        assert_eq!(o["phq9"]["not_on_track"], true);
        assert_eq!(o["phq9"]["not_on_track_reasons"], json!(["reliable_deterioration"]));
        assert!(app.count(action::OUTCOMES_READ).await > 0);
    })
    .await;
}

/// Access-matrix entries for the measures and risk routes ({flag}: an open flag on the client).
pub fn matrix_entries() -> Vec<Entry> {
    vec![
        e(M::GET, "/clients/{id}/measures", "/clients/{client}/measures", "LNAAN"),
        e(M::GET, "/clients/{id}/measures/new", "/clients/{client}/measures/new?instrument=gad7", "LNAAN"),
        e(M::POST, "/clients/{id}/measures/new", "/clients/{client}/measures/new", "LNAAN"),
        e(M::GET, "/clients/{id}/responses/{response_id}", "/clients/{client}/responses/{response}", "LNAAN"),
        e(M::GET, "/risk-flags", "/risk-flags", "LFAAA"),
        e(M::GET, "/risk-flags/{id}", "/risk-flags/{flag}", "LNAAN"),
        e(M::POST, "/risk-flags/{id}/acknowledge", "/risk-flags/{flag}/acknowledge", "LNAAN"),
        e(M::POST, "/risk-flags/{id}/assessment", "/risk-flags/{flag}/assessment", "LNAAN"),
        e(M::POST, "/risk-flags/{id}/safety-plan", "/risk-flags/{flag}/safety-plan", "LNAAN"),
        e(M::POST, "/risk-flags/{id}/close", "/risk-flags/{flag}/close", "LNAAN"),
        e(M::GET, "/api/v1/instruments", "/api/v1/instruments", "LAAAA"),
        j(
            M::POST,
            "/api/v1/clients/{id}/responses",
            "/api/v1/clients/{client}/responses",
            "LNAAN",
            r#"{"instrument": "phq9", "answers": [0, 0, 0, 0, 0, 0, 0, 0, 1]}"#,
        ),
        e(M::GET, "/api/v1/clients/{id}/responses", "/api/v1/clients/{client}/responses", "LNAAN"),
        e(M::GET, "/api/v1/clients/{id}/outcomes", "/api/v1/clients/{client}/outcomes", "LNAAN"),
        j(
            M::POST,
            "/api/v1/clients/{id}/safety-plans",
            "/api/v1/clients/{client}/safety-plans",
            "LNAAN",
            r#"{"warning_signs": "w", "professionals": "p"}"#,
        ),
        e(M::GET, "/api/v1/clients/{id}/safety-plans", "/api/v1/clients/{client}/safety-plans", "LNAAN"),
        j(
            M::POST,
            "/api/v1/clients/{id}/risk-flags",
            "/api/v1/clients/{client}/risk-flags",
            "LNAAN",
            r#"{"detail": "Said they had thought about ending their life"}"#,
        ),
        // Flags are listed for whoever may see them (an empty list otherwise).
        e(M::GET, "/api/v1/risk-flags", "/api/v1/risk-flags?status=open", "LAAAA"),
        e(M::GET, "/api/v1/risk-flags/{id}", "/api/v1/risk-flags/{flag}", "LNAAN"),
        j(M::POST, "/api/v1/risk-flags/{id}/acknowledge", "/api/v1/risk-flags/{flag}/acknowledge", "LNAAN", "{}"),
        j(
            M::POST,
            "/api/v1/risk-flags/{id}/assessments",
            "/api/v1/risk-flags/{flag}/assessments",
            "LNAAN",
            r#"{"ideation": "i", "plan": "p", "intent": "i", "means": "m", "history": "h", "protective_factors": "f", "risk_level": "low", "screening_tool": "none"}"#,
        ),
        j(
            M::POST,
            "/api/v1/risk-flags/{id}/close",
            "/api/v1/risk-flags/{flag}/close",
            "LNAAN",
            r#"{"assessment_id": "not-an-id", "safety_plan_id": "not-an-id"}"#,
        ),
    ]
}

/// An open risk flag on the matrix's client, for `{flag}`.
pub async fn matrix_fixtures(
    app: &TestApp,
    client: &rapport_core::Id,
    clinician: &rapport_core::Id,
    out: &mut Vec<(&'static str, String)>,
) {
    let phq9 = rapport_core::measures::Library::builtin().get("phq9").unwrap().clone();
    let answers: Vec<Option<i64>> = [0, 0, 0, 0, 0, 0, 0, 0, 2].into_iter().map(Some).collect();
    let rec = app
        .store
        .record_response(
            &rapport_store::measures::NewResponse {
                client_id: client.clone(),
                course_id: None,
                score: rapport_core::measures::score(&phq9, &answers).unwrap(),
                unscored_answers: None,
                completed_at: rapport_core::Timestamp::now(),
                entered_by: Some(clinician.clone()),
                mode: rapport_store::measures::Mode::InSession,
                group_session_id: None,
            },
            rapport_core::audit::AuditEvent {
                resource_type: "measure_response".into(),
                ..test_event(action::MEASURE_RECORD)
            },
        )
        .await
        .unwrap();
    out.push(("{flag}", rec.risk_flag_id.unwrap().to_string()));
    out.push(("{response}", rec.id.to_string()));
}

/// Performs every measures and risk action once (for the every-audited-action test).
pub async fn exercise_every_action(app: &TestApp, u: &rapport_store::users::User) {
    let t = app.token_for(u).await;
    let c = new_client(app, &t, "Audit Measures").await;
    let (s, r) =
        post_response(app, &t, &c, json!({"instrument": "phq9", "answers": [0, 0, 0, 0, 0, 0, 0, 0, 1]})).await;
    assert_eq!(s, 201);
    let flag = r["risk_flag_id"].as_str().unwrap().to_string();
    let (s, r2) =
        post_response(app, &t, &c, json!({"instrument": "phq9", "answers": [0, 0, 0, 0, 0, 0, 0, 0, 2]})).await;
    assert_eq!(s, 201);
    let flag2 = r2["risk_flag_id"].as_str().unwrap().to_string();
    assert_eq!(call(app, M::GET, &format!("/api/v1/clients/{c}/responses"), &t, None).await.0, 200);
    assert_eq!(call(app, M::GET, &format!("/api/v1/clients/{c}/outcomes"), &t, None).await.0, 200);
    assert_eq!(call(app, M::GET, "/api/v1/risk-flags", &t, None).await.0, 200);
    assert_eq!(call(app, M::GET, &format!("/api/v1/risk-flags/{flag}"), &t, None).await.0, 200);
    assert_eq!(call(app, M::POST, &format!("/api/v1/risk-flags/{flag}/acknowledge"), &t, None).await.0, 200);
    let (_, a) = call(app, M::POST, &format!("/api/v1/risk-flags/{flag}/assessments"), &t, Some(assessment())).await;
    let (_, p) = call(app, M::POST, &format!("/api/v1/clients/{c}/safety-plans"), &t, Some(plan())).await;
    assert_eq!(call(app, M::GET, &format!("/api/v1/clients/{c}/safety-plans"), &t, None).await.0, 200);
    let body = json!({"assessment_id": a["id"], "safety_plan_id": p["id"]});
    assert_eq!(call(app, M::POST, &format!("/api/v1/risk-flags/{flag}/close"), &t, Some(body)).await.0, 200);
    // The second flag is left unacknowledged: at 25 h it has missed both
    // deadlines; the acknowledgement chain is at its sixth interval (supervisors,
    // duty, then the latest reminder), the assessment at its first.
    let later = rapport_core::Timestamp::now().plus(time::Duration::hours(25));
    let steps = app.store.escalate_overdue_risk_flags(later, None).await.unwrap();
    assert!(steps.iter().all(|s| s.flag_id.to_string() == flag2), "{steps:?}");
    let got: Vec<(&str, i64)> = steps.iter().map(|s| (s.deadline.as_str(), s.step)).collect();
    assert_eq!(got, [("acknowledgement", 1), ("acknowledgement", 2), ("acknowledgement", 6), ("assessment", 1)]);
}

#[test]
fn site_instrument_folder_is_loaded_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(rapport_app::jobs::load_instruments(None).unwrap().all().count(), 7);
    let epds = rapport_core::measures::definition::BUILTIN.iter().find(|(f, _)| *f == "epds.json").unwrap().1;
    let mut v: Value = serde_json::from_str(epds).unwrap();
    v["version"] = "1-site-en".into();
    v["items"][0]["text"] = "Licensed text of item 1".into();
    std::fs::write(dir.path().join("epds.json"), v.to_string()).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "ignored").unwrap();
    let lib = rapport_app::jobs::load_instruments(Some(dir.path())).unwrap();
    assert_eq!(lib.get("epds").unwrap().items[0].text, "Licensed text of item 1");
    v["id"] = "local_scale".into();
    v["range"]["max"] = 99.into();
    std::fs::write(dir.path().join("local.json"), v.to_string()).unwrap();
    let err = rapport_app::jobs::load_instruments(Some(dir.path())).unwrap_err();
    assert!(err.contains("local.json: range: declared 0–99"), "{err}");
    assert!(rapport_app::jobs::load_instruments(Some(&dir.path().join("missing")))
        .unwrap_err()
        .contains("cannot read"));
}

#[tokio::test]
async fn clinician_records_a_measure_and_closes_the_risk_loop_in_the_ui() {
    on_each_backend(|app| async move {
        let alice = app.user("ui-alice@clinic.example", Role::Clinician).await;
        let t = app.token_for(&alice).await;
        let c = new_client(&app, &t, "Form Person").await;
        let b = app.browser_as("ui-alice@clinic.example").await;
        let page = format!("/clients/{c}/measures");
        let (s, html) = b.text(&page).await;
        assert_eq!(s, 200);
        assert!(html.contains(&format!("/clients/{c}/measures/new?instrument=phq9")));
        let form = format!("{page}/new?instrument=phq9");
        let (s, html) = b.text(&form).await;
        assert_eq!(s, 200);
        assert!(
            html.contains("better off dead") && html.contains("name=\"item_9\"") && html.contains("name=\"extra_1\"")
        );

        // An out-of-range code is refused with the item named; nothing stored.
        let new = format!("{page}/new");
        let phq9 = [("instrument", "phq9")];
        let r = b.answer(&form, &new, &answers(["1", "1", "1", "7", "1", "1", "1", "1", "1"]), &phq9).await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("href=\"#item_4\""));
        assert_eq!(call(&app, M::GET, &format!("/api/v1/clients/{c}/responses"), &t, None).await.1, json!([]));

        // Item 8 left blank, item 9 = 1: stored without a total, and the flag is raised.
        let ok =
            answers([Some("1"), Some("1"), Some("1"), Some("1"), Some("1"), Some("1"), Some("1"), None, Some("1")]);
        let r = b.answer(&form, &new, &ok, &phq9).await;
        assert_eq!(r.status(), 303);
        let flag_page = location(&r);
        assert!(flag_page.starts_with("/risk-flags/") && flag_page.ends_with("?done=flag-raised"), "{flag_page}");
        let (_, list) = call(&app, M::GET, &format!("/api/v1/clients/{c}/responses"), &t, None).await;
        assert_eq!((list[0]["total"].is_null(), list[0]["complete"].as_bool()), (true, Some(false)));
        // The flag shows on every page until it is handled.
        let (_, caseload) = b.text("/clients").await;
        assert!(caseload.contains("1 risk flag on your clients is not yet closed"));
        let (_, flags) = b.text("/risk-flags").await;
        assert!(
            flags.contains("Form Person") && flags.contains("PHQ-9 question 9 (thoughts of self-harm): Several days")
        );

        let flag = flag_page.trim_start_matches("/risk-flags/").split('?').next().unwrap().to_string();
        let fp = format!("/risk-flags/{flag}");
        assert_eq!(b.submit(&fp, &format!("{fp}/acknowledge"), &[]).await.status(), 303);
        // Sign-off is refused until an assessment and a plan exist.
        let r = b.submit(&fp, &format!("{fp}/close"), &[("confirm", "on")]).await;
        assert_eq!(r.status(), 422);
        let r = b.submit(&fp, &format!("{fp}/assessment"), &[("ideation", "passive"), ("risk_level", "low")]).await;
        assert_eq!(r.status(), 422);
        let r = b
            .submit(
                &fp,
                &format!("{fp}/assessment"),
                &[
                    ("ideation", "passive"),
                    ("plan", "none"),
                    ("intent", "none"),
                    ("means", "none"),
                    ("history", "none"),
                    ("protective_factors", "family"),
                    ("risk_level", "low"),
                    ("screening_tool", "none"),
                ],
            )
            .await;
        assert_eq!(r.status(), 303);
        let r = b
            .submit(&fp, &format!("{fp}/safety-plan"), &[("warning_signs", "poor sleep"), ("professionals", "GP")])
            .await;
        assert_eq!(r.status(), 303);
        let (_, html) = b.text(&fp).await;
        let aid = {
            let i = html.find("name=\"assessment_id\">").expect("sign-off form");
            let rest = &html[i..];
            let v = rest.find("value=\"").unwrap() + 7;
            rest[v..v + 36].to_string()
        };
        let (_, plans) = call(&app, M::GET, &format!("/api/v1/clients/{c}/safety-plans"), &t, None).await;
        let pid = plans[0]["id"].as_str().unwrap().to_string();
        let r = b.submit(&fp, &format!("{fp}/close"), &[("assessment_id", &aid), ("safety_plan_id", &pid)]).await;
        assert_eq!(r.status(), 422, "sign-off needs the confirmation");
        let r = b
            .submit(
                &fp,
                &format!("{fp}/close"),
                &[("assessment_id", &aid), ("safety_plan_id", &pid), ("confirm", "on")],
            )
            .await;
        assert_eq!((r.status().as_u16(), location(&r)), (303, "/risk-flags?done=flag-closed".to_string()));
        let (_, f) = call(&app, M::GET, &format!("/api/v1/risk-flags/{flag}"), &t, None).await;
        assert_eq!(f["status"], "closed");
        let (_, caseload) = b.text("/clients").await;
        assert!(!caseload.contains("not yet closed"));

        // From a course: the measures page records new measures in that course.
        let k = Api::with_token(&app, &t)
            .new_course(&c, json!({"protocol": "ipt-individual", "planned_sessions": 16, "start_date": "2026-01-05"}))
            .await;
        let (_, course_page) = b.text(&format!("/courses/{k}")).await;
        assert!(course_page.contains(&format!("/clients/{c}/measures?course={k}")), "the course links to its measures");
        let (s, html) = b.text(&format!("{page}?course={k}")).await;
        assert_eq!(s, 200);
        assert!(html.contains(&format!("instrument=gad7&amp;course={k}")));
        let (s, html) = b.text(&format!("{page}/new?instrument=gad7&course={k}")).await;
        assert!(s == 200 && html.contains(&format!("name=\"course_id\" value=\"{k}\"")));
        let extra = [("instrument", "gad7"), ("course_id", k.as_str())];
        let form = format!("{page}/new?instrument=gad7&course={k}");
        let r = b.answer(&form, &format!("{page}/new"), &answers(["2"; 7]), &extra).await;
        assert_eq!(r.status(), 303);
        let (_, list) = call(&app, M::GET, &format!("/api/v1/clients/{c}/responses"), &t, None).await;
        let last = list.as_array().unwrap().last().unwrap().clone();
        assert_eq!(
            (last["instrument"].as_str(), last["total"].as_i64(), last["course_id"].as_str()),
            (Some("gad7"), Some(14), Some(k.as_str()))
        );
        assert_eq!(
            b.get(&format!("{page}?course={}", rapport_core::Id::new())).await.status(),
            404,
            "not this client's course"
        );
    })
    .await;
}

/// Part of issue 10: honest categories per course. Brief IPT reviews at held session 3; PHQ-9 and
/// GAD-7 pair by session (a day apart); the NHS categories turn final once the course is closed.
#[tokio::test]
async fn course_outcomes_pair_by_session_review_at_the_protocol_session_and_are_final_once_closed() {
    on_each_backend(|app| async move {
        let (_, api, client) = client_of(&app, "honest@clinic.example").await;
        let course = api.new_course(&client, json!({"protocol": "ipt-brief", "start_date": "2026-01-05"})).await;
        let measure = |inst: &'static str, answers: Value, at: &'static str| {
            let (api, course, client) = (&api, &course, &client);
            async move {
                let body = json!({"instrument": inst, "answers": answers, "completed_at": at, "course_id": course});
                api.respond(client, body).await;
            }
        };
        api.attended_sessions(&course, &["2026-01-05", "2026-01-12"]).await;
        // Session 1: PHQ-9 16 the day before, GAD-7 12 on the day. Session 2: PHQ-9 15 only.
        measure("phq9", json!([3, 3, 2, 2, 2, 2, 1, 1, 0]), "2026-01-04T10:00:00Z").await;
        measure("gad7", json!([3, 3, 2, 2, 1, 1, 0]), "2026-01-05T09:00:00Z").await;
        measure("phq9", json!([3, 3, 2, 2, 2, 1, 1, 1, 0]), "2026-01-11T10:00:00Z").await;
        let url = format!("/api/v1/clients/{client}/outcomes?course_id={course}");
        let (s, o) = api.get(&url).await;
        assert_eq!(s, 200, "{o}");
        assert_eq!(o["phq9"]["review_session"], 3, "brief IPT reviews at session 3: {o}");
        assert_eq!(o["phq9"]["not_on_track"], false, "two sessions held: before the review");
        assert!(o["nhs_talking_therapies"].is_null(), "one paired occasion only: {o}");

        api.attended_sessions(&course, &["2026-01-19"]).await;
        measure("phq9", json!([3, 3, 2, 2, 2, 1, 1, 1, 0]), "2026-01-18T10:00:00Z").await;
        measure("gad7", json!([3, 3, 2, 1, 1, 1, 0]), "2026-01-19T09:00:00Z").await;
        let (_, o) = api.get(&url).await;
        assert_eq!(o["phq9"]["not_on_track"], true, "session 3 held, 16 -> 15 is no reliable improvement: {o}");
        assert_eq!(o["phq9"]["not_on_track_reasons"], json!(["no_improvement_by_review"]));
        assert_eq!((o["phq9"]["response"].as_bool(), o["phq9"]["remission"].as_bool()), (Some(false), Some(false)));
        let n = &o["nhs_talking_therapies"];
        assert_eq!(n["paired_occasions"], 2, "sessions 1 and 3 have both: {n}");
        assert_eq!((n["phq9_first"].as_i64(), n["phq9_last"].as_i64()), (Some(16), Some(15)));
        assert_eq!((n["gad7_first"].as_i64(), n["gad7_last"].as_i64()), (Some(12), Some(11)));
        assert_eq!((n["recovered"].as_bool(), n["status"].as_str()), (Some(false), Some("provisional")), "{n}");
        // The caseload uses the same rule: the open brief-IPT course has held session 3.
        let b = app.browser_as("honest@clinic.example").await;
        let (_, list) = b.text("/clients").await;
        assert!(list.contains("Not on track: PHQ-9"), "{list}");

        // Across every course (scope=all): dates a day apart do not pair, and the review counts scores (3 < 6).
        let (_, all) = api.get(&format!("/api/v1/clients/{client}/outcomes?scope=all")).await;
        assert!(all["nhs_talking_therapies"].is_null(), "{all}");
        assert_eq!(
            (all["phq9"]["not_on_track"].as_bool(), all["phq9"]["review_session"].as_u64()),
            (Some(false), None)
        );

        let (s, r) = api.post(&format!("/api/v1/courses/{course}/status"), json!({"status": "completed", "skip_review_reason": "Test course", "confirm_no_end_measure": true, "no_end_measure_reason": "Test course"})).await;
        assert_eq!(s, 200, "{r}");
        let (_, o) = api.get(&url).await;
        assert_eq!(o["nhs_talking_therapies"]["status"], "final", "closed after 3 attended sessions: {o}");
        let (_, page) = b.text(&format!("/clients/{client}/measures?course={course}")).await;
        assert!(page.contains("NHS Talking Therapies (first and last paired PHQ-9 and GAD-7) · final"), "{page}");
    })
    .await;
}

/// Response and remission read "n/a" below caseness; the WHO-5 shows its 10-point change instead.
#[tokio::test]
async fn the_measures_page_says_n_a_below_caseness_and_shows_the_who5_meaningful_change() {
    on_each_backend(|app| async move {
        let u = app.user("na@clinic.example", Role::Clinician).await;
        let t = app.token_for(&u).await;
        let c = new_client(&app, &t, "Below caseness").await;
        // PHQ-9 9 -> 3 and GAD-7 6 -> 3 (like case C of measures.md 7.3): not a case at the start.
        for (inst, answers, at) in [
            ("phq9", json!([3, 3, 3, 0, 0, 0, 0, 0, 0]), "2026-02-01T10:00:00Z"),
            ("gad7", json!([3, 3, 0, 0, 0, 0, 0]), "2026-02-01T10:05:00Z"),
            ("phq9", json!([2, 1, 0, 0, 0, 0, 0, 0, 0]), "2026-03-01T10:00:00Z"),
            ("gad7", json!([3, 0, 0, 0, 0, 0, 0]), "2026-03-01T10:05:00Z"),
            ("who5", json!([2, 2, 2, 2, 2]), "2026-02-01T10:10:00Z"),
            ("who5", json!([3, 3, 2, 2, 3]), "2026-03-01T10:10:00Z"),
        ] {
            let (s, r) =
                post_response(&app, &t, &c, json!({"instrument": inst, "answers": answers, "completed_at": at})).await;
            assert_eq!(s, 201, "{r}");
        }
        let (_, o) = call(&app, M::GET, &format!("/api/v1/clients/{c}/outcomes"), &t, None).await;
        assert!(o["phq9"]["response"].is_null() && o["phq9"]["remission"].is_null(), "{o}");
        assert!(o["gad7"]["response"].is_null(), "GAD-7 baseline 6 is below caseness 8: {o}");
        let w = &o["who5"];
        assert_eq!((w["baseline"].as_i64(), w["latest"].as_i64()), (Some(40), Some(52)));
        assert_eq!(w["meaningful_change"], "improved", "{w}");
        assert!(w["response"].is_null() && w["remission"].is_null(), "{w}");
        let n = &o["nhs_talking_therapies"];
        assert_eq!((n["caseness_at_start"].as_bool(), n["reliably_improved"].as_bool()), (Some(false), Some(true)));
        assert!(n["recovered"].is_null() && n["reliably_recovered"].is_null(), "{n}");
        let b = app.browser_as("na@clinic.example").await;
        let (_, page) = b.text(&format!("/clients/{c}/measures")).await;
        assert!(page.contains("n/a <span class=\"small muted\">(baseline below caseness)</span>"), "{page}");
        assert!(page.contains("meaningful change (10 points): improved"), "{page}");
        assert!(page.contains("<dt>Recovered</dt><dd>n/a (not a case at start)</dd>"), "{page}");
        assert!(page.contains("· provisional"), "{page}");
    })
    .await;
}
