//! The pseudonymised research export over HTTP, on both databases: who may
//! make it, bad input, and what the ZIP holds (no names, no raw ids, stable
//! pseudonyms, each person's dates shifted consistently).

use crate::matrix::{e, Entry};
use crate::support::*;
use rapport_core::access::Role;
use rapport_core::audit::action;
use reqwest::Method;
use serde_json::{json, Value};
use std::collections::BTreeMap;

pub fn matrix_entries() -> Vec<Entry> {
    use Method as M;
    vec![
        e(M::GET, "/reports/research-export", "/reports/research-export", "LAFFFNFFA"),
        e(M::POST, "/reports/research-export", "/reports/research-export", "LAFFFNFFA"),
    ]
}

/// The files of a ZIP, read with Python's zipfile (which checks every CRC).
fn unzip(bytes: &[u8]) -> BTreeMap<String, String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.zip");
    std::fs::write(&path, bytes).unwrap();
    let script = "import json, sys, zipfile\n\
                  z = zipfile.ZipFile(sys.argv[1])\n\
                  assert z.testzip() is None\n\
                  print(json.dumps({n: z.read(n).decode() for n in z.namelist()}))";
    let out = std::process::Command::new("python3").args(["-c", script]).arg(&path).output().expect("python3");
    assert!(out.status.success(), "not a valid ZIP: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// A CSV file's rows as column -> value maps (ids and codes only: no quoting needed).
pub(crate) fn rows(csv: &str) -> Vec<BTreeMap<String, String>> {
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    lines.map(|l| header.iter().map(|h| h.to_string()).zip(l.split(',').map(str::to_string)).collect()).collect()
}

fn day(s: &str) -> time::Date {
    rapport_core::time::parse_date(s).unwrap_or_else(|| panic!("not a day: {s:?}"))
}

pub(crate) async fn export(b: &Browser, purpose: &str) -> BTreeMap<String, String> {
    let page = "/reports/research-export";
    let r = b.submit(page, page, &[("purpose", purpose), ("approval", "REC 26/LO/0042")]).await;
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(r.headers()["content-type"], "application/zip");
    let disposition = r.headers()["content-disposition"].to_str().unwrap().to_string();
    assert!(disposition.starts_with("attachment; filename=\"research-export-"), "{disposition}");
    unzip(&r.bytes().await.unwrap())
}

#[tokio::test]
async fn research_export_is_pseudonymised_and_audited() {
    on_each_backend(|app| async move {
        let (_, api, client) = client_of(&app, "research-clinician@clinic.example").await;
        let course = api
            .new_course(&client, json!({"protocol": "ipt-individual", "planned_sessions": 12, "start_date": "2026-01-05"}))
            .await;
        let phq9 = |items: [i64; 9], at: &str| {
            json!({"instrument": "phq9", "answers": items, "completed_at": format!("{at}T12:00:00Z"), "course_id": course})
        };
        let first: Value = api.respond(&client, phq9([2, 2, 2, 2, 2, 2, 2, 2, 1], "2026-01-05")).await;
        api.respond(&client, phq9([1, 1, 0, 1, 0, 0, 1, 0, 0], "2026-02-20")).await;
        let (_, other_api, other) = client_of(&app, "research-other@clinic.example").await;
        other_api
            .new_course(&other, json!({"protocol": "ipt-individual", "planned_sessions": 14, "start_date": "2026-03-02"}))
            .await;

        // Only an administrator or a programme manager; the others are refused.
        let clinician = app.browser_as("research-clinician@clinic.example").await;
        assert_eq!(clinician.get("/reports/research-export").await.status().as_u16(), 403);
        app.user("research-admin@clinic.example", Role::Admin).await;
        let admin = app.browser_as("research-admin@clinic.example").await;
        let page = "/reports/research-export";
        let (s, html) = admin.text(page).await;
        assert_eq!(s, 200);
        assert!(html.contains("name=\"purpose\"") && html.contains("name=\"approval\""));
        // Without a purpose: the form again, naming the field; nothing exported.
        let before = app.count(action::RESEARCH_EXPORT).await;
        let r = admin.submit(page, page, &[("purpose", ""), ("approval", "REC 1")]).await;
        assert_eq!(r.status().as_u16(), 422);
        assert!(r.text().await.unwrap().contains("Enter the purpose of the export."));
        assert_eq!(app.count(action::RESEARCH_EXPORT).await, before);

        let files = export(&admin, "Outcomes of IPT by protocol").await;
        let names: Vec<&str> = files.keys().map(String::as_str).collect();
        for f in ["people.csv", "courses.csv", "sessions.csv", "scores.csv", "risk_flags.csv", "summary.csv", "dictionary.csv", "README.txt"] {
            assert!(names.contains(&f), "{f} missing from {names:?}");
        }
        assert!(files["README.txt"].contains("Outcomes of IPT by protocol") && files["README.txt"].contains("REC 26/LO/0042"));
        // No names, no raw ids, no free text anywhere.
        let everything: String = files.values().cloned().collect();
        let response_id = first["id"].as_str().unwrap();
        for secret in ["Course Client", client.as_str(), other.as_str(), course.as_str(), response_id, "clinic.example"] {
            assert!(!everything.contains(secret), "{secret:?} leaked into the export");
        }

        // One pseudonym per person, used everywhere; two people, two pseudonyms.
        let people = rows(&files["people.csv"]);
        let courses = rows(&files["courses.csv"]);
        let scores = rows(&files["scores.csv"]);
        assert!(people.len() >= 2);
        let ours: Vec<_> = scores.iter().filter(|r| r["instrument"] == "phq9").collect();
        assert_eq!(ours.len(), 2);
        let person = ours[0]["person"].clone();
        assert!(person.starts_with("P-") && person.len() == 18, "{person}");
        assert_eq!(ours[1]["person"], person);
        assert!(people.iter().any(|p| p["person"] == person));
        let our_course = courses.iter().find(|c| c["person"] == person).expect("the course");
        assert_eq!(our_course["course"], ours[0]["course"]);
        assert_eq!(courses.iter().map(|c| &c["person"]).collect::<std::collections::BTreeSet<_>>().len(), courses.len());

        // Dates: shifted by the person's offset, the intervals kept.
        assert_eq!((ours[0]["days_since_course_start"].as_str(), ours[1]["days_since_course_start"].as_str()), ("0", "46"));
        let (a, b) = (day(&ours[0]["completed_on"]), day(&ours[1]["completed_on"]));
        assert_eq!((b - a).whole_days(), 46);
        assert_eq!(day(&our_course["start_date"]), a, "the course starts on the first score's (shifted) day");
        let shift = (a - time::macros::date!(2026 - 01 - 05)).whole_days();
        assert!((-182..=182).contains(&shift));
        // The PHQ-9 item 9 answer raised a flag, exported with the same person and shift.
        let flags = rows(&files["risk_flags.csv"]);
        let flag = flags.iter().find(|f| f["person"] == person).expect("the flag");
        assert_eq!(flag["response"], ours[0]["response"]);
        // (Raised when the answer was recorded: today, give or take the time zone.)
        let raised = day(&flag["raised_on"]) - time::Duration::days(shift);
        assert!((raised - time::OffsetDateTime::now_utc().date()).whole_days().abs() <= 1, "{raised}");

        // The same pseudonyms and shifts in a later export.
        let again = export(&admin, "A second look").await;
        let again_scores = rows(&again["scores.csv"]);
        assert!(again_scores.iter().any(|r| r["person"] == person && r["completed_on"] == ours[0]["completed_on"]));

        // Small counts hidden in the summary (one course per protocol here: under 5).
        assert!(files["summary.csv"].contains("<5"), "{}", files["summary.csv"]);
        // Audited: a start and a finish per export, with the purpose.
        let entries = app.audit_entries(action::RESEARCH_EXPORT).await;
        assert_eq!(entries.len(), before + 4);
        assert!(entries.iter().any(|e| e.event.detail.as_deref().is_some_and(|d| d.starts_with("finished; purpose: Outcomes of IPT by protocol"))));
    })
    .await;
}

#[tokio::test]
async fn research_export_holds_groups_goals_and_safety_plans_without_their_words() {
    on_each_backend(|app| async move {
        let (group, members) = crate::bulk::cohort(&app).await;
        let (_, api, client) = client_of(&app, "research-goals@clinic.example").await;
        let course = api
            .new_course(
                &client,
                json!({"protocol": "ipt-individual", "planned_sessions": 12, "start_date": "2026-01-05"}),
            )
            .await;
        crate::formulation::agree_formulation(&api, &client, &course, &["role_dispute"], "2026-01-12").await;
        let goal = api
            .create(
                &format!("/api/v1/courses/{course}/goals"),
                json!({ "problem_area": "role_dispute", "statement": "Argue less with my sister",
                        "target": "We talk once a week", "due_date": "2026-03-30" }),
            )
            .await;
        let goal_id = goal["id"].as_str().unwrap().to_string();
        api.create(
            &format!("/api/v1/clients/{client}/safety-plans"),
            json!({"warning_signs": "Not sleeping", "professionals": "Crisis team", "shared_with_client": true}),
        )
        .await;
        app.user("research-admin@clinic.example", Role::Admin).await;
        let admin = app.browser_as("research-admin@clinic.example").await;
        let files = export(&admin, "Goals and groups").await;

        let everything: String = files.values().cloned().collect();
        for secret in [
            "Argue less",
            "talk once a week",
            "Not sleeping",
            "Crisis team",
            "Tuesday group",
            group.as_str(),
            goal_id.as_str(),
        ] {
            assert!(!everything.contains(secret), "{secret:?} leaked into the export");
        }
        // The goal: its course, area, status and due day, shifted like the person's other dates.
        let courses = rows(&files["courses.csv"]);
        let goals = rows(&files["goals.csv"]);
        let g = goals.iter().find(|g| g["problem_area"] == "role_dispute").expect("the goal");
        let ours = courses.iter().find(|c| c["course"] == g["course"]).expect("its course");
        assert_eq!((g["person"].as_str(), g["status"].as_str()), (ours["person"].as_str(), "active"));
        let shift = (day(&ours["start_date"]) - time::macros::date!(2026 - 01 - 05)).whole_days();
        assert_eq!(day(&g["due_on"]) - time::Duration::days(shift), time::macros::date!(2026 - 03 - 30));
        assert!(g["goal"].starts_with("O-"));
        // One safety plan version, shared; the person as everywhere.
        let plans = rows(&files["safety_plans.csv"]);
        assert_eq!(plans.len(), 1);
        assert_eq!((plans[0]["person"].as_str(), plans[0]["version"].as_str()), (ours["person"].as_str(), "1"));
        assert_eq!(plans[0]["shared_with_client"], "yes");
        // The group and its two members; a group's start is only its month.
        let groups = rows(&files["groups.csv"]);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0]["protocol"], "ipt-group-who");
        assert_eq!(groups[0]["start_month"].len(), 7, "{:?}", groups[0]);
        let in_group = rows(&files["group_members.csv"]);
        assert_eq!(in_group.len(), members.len());
        assert!(in_group.iter().all(|m| m["group"] == groups[0]["group"] && m["person"].starts_with("P-")));
        let dictionary = &files["dictionary.csv"];
        for f in ["groups.csv", "group_members.csv", "goals.csv", "safety_plans.csv"] {
            assert!(dictionary.contains(f), "{f} not in the dictionary");
        }
        assert!(files["README.txt"].contains("1 goals, 1 safety plan versions"), "{}", files["README.txt"]);
    })
    .await;
}
