//! Issue 12, scores where clinicians write and fast measure entry: the
//! session page lists exactly the measures since the previous session in
//! words, with the risk question's answer and the open flag; the measure form
//! takes a date (back-entry, never the future: 400 naming the field) and says
//! the score after saving; a response opens to its answers; the course header
//! and the ending review show scores that match the outcomes API.

use crate::support::*;
use rapport_core::Id;
use serde_json::json;

fn phq9(items: [i64; 9], at: &str, course: &str) -> serde_json::Value {
    json!({"instrument": "phq9", "answers": items, "completed_at": format!("{at}T12:00:00Z"), "course_id": course})
}

/// Sessions on 5 and 12 January: the page of the 12th lists what came after
/// the 5th up to the 12th, and nothing else; the one of the 5th only the baseline.
#[tokio::test]
async fn the_session_page_lists_exactly_the_measures_since_the_previous_session() {
    on_each_backend(|app| async move {
        let (clin, api, client) = client_of(&app, "scores@clinic.example").await;
        let course = api
            .new_course(&client, json!({"protocol": "ipt-individual", "planned_sessions": 12, "start_date": "2026-01-05"}))
            .await;
        let s = api.attended_sessions(&course, &["2026-01-05", "2026-01-12"]).await;
        // Baseline 18 on the 5th (counts for session 1); 12 with item 9 "Several days" on the 10th
        // and a GAD-7 on the 12th (session 2); a PHQ-9 on the 13th (after session 2).
        api.respond(&client, phq9([2, 2, 2, 2, 2, 2, 2, 2, 2], "2026-01-05", &course)).await;
        api.respond(&client, phq9([2, 2, 2, 2, 1, 1, 1, 0, 1], "2026-01-10", &course)).await;
        api.respond(
            &client,
            json!({"instrument": "gad7", "answers": [1, 1, 1, 1, 1, 0, 0], "completed_at": "2026-01-12T09:00:00Z", "course_id": course}),
        )
        .await;
        api.respond(&client, phq9([0, 0, 1, 1, 0, 0, 0, 0, 0], "2026-01-13", &course)).await;
        let b = app.browser_as(&clin.email).await;

        let (st, page) = b.text(&format!("/courses/{course}/sessions/{}", s[1])).await;
        assert_eq!(st, 200);
        assert_eq!(page.matches("data-testid=\"session-score\"").count(), 2, "{page}");
        assert!(page.contains("PHQ-9 = 12 (moderate)"), "{page}");
        assert!(page.contains("-6 from baseline, reliable improvement"), "{page}");
        assert!(page.contains("GAD-7 = 5 (mild)") && page.contains("the baseline (first score of this course)"));
        assert!(!page.contains("PHQ-9 = 2 "), "a score after this session is not listed");
        // Item 9 in words beside the risk check, and the open flag it raised.
        let risk = &page[page.find("id=\"risk\"").unwrap()..];
        assert!(risk.contains("Question 9 (thoughts of self-harm): Several days"), "{risk}");
        assert!(risk.contains("data-testid=\"open-flag\""));
        for raw in ["phq9", "risk_item_9", "moderately_severe"] {
            assert!(!page.contains(&format!(">{raw}")), "raw id {raw} shown");
        }
        // The client's Measures page names instruments, bands and the risk item too.
        let (_, measures) = b.text(&format!("/clients/{client}/measures")).await;
        assert!(measures.contains("Question 9 (thoughts of self-harm) positive"), "{measures}");
        assert!(measures.contains(">PHQ-9 <span"), "the responses table names the instrument");
        for raw in ["phq9", "risk_item_9", "moderate<"] {
            let at = measures.find(&format!(">{raw}")).map(|i| &measures[i.saturating_sub(300)..i + 40]);
            assert!(at.is_none(), "raw id {raw} shown on the Measures page: {at:?}");
        }
        assert!(measures.contains(">Moderate<"), "the band by its label");
        // Each score opens to its answers.
        let rid = app.store.responses(&Id::parse(&client).unwrap()).await.unwrap()[1].id.to_string();
        assert!(page.contains(&format!("/clients/{client}/responses/{rid}?session={}", s[1])));

        let (_, first) = b.text(&format!("/courses/{course}/sessions/{}", s[0])).await;
        assert_eq!(first.matches("data-testid=\"session-score\"").count(), 1, "{first}");
        assert!(first.contains("PHQ-9 = 18 (moderately severe)") && first.contains("the baseline (first score"));

        // The course header: the latest PHQ-9 and the flag badge.
        let (_, head) = b.text(&course_path(&course)).await;
        assert!(head.contains("data-testid=\"course-scores\"") && head.contains("PHQ-9 = 2 (none or minimal)"), "{head}");
        assert!(head.contains("data-testid=\"course-flag\""));

        // The risk flag page says it in words, never raw ids.
        let flag = app.open_flags(&client).await.remove(0);
        let (_, fp) = b.text(&format!("/risk-flags/{}", flag.id)).await;
        assert!(fp.contains("PHQ-9 question 9 (thoughts of self-harm): Several days"), "{fp}");
        assert!(!fp.contains("item 9 = 1") && !fp.contains(">phq9"));
    })
    .await;
}

fn course_path(course: &str) -> String {
    format!("/courses/{course}")
}

/// A blank item 9 reads "not answered" on the session page and the response page.
#[tokio::test]
async fn a_blank_risk_question_reads_not_answered() {
    on_each_backend(|app| async move {
        let (clin, api, client, course) = client_with_course(&app, "blank9@clinic.example").await;
        let session = api.new_session(&course, json!({"date": today(), "attendance": "attended"})).await;
        let r = api
            .respond(
                &client,
                json!({"instrument": "phq9", "answers": [1, 1, 1, 1, 1, 1, 1, 1, null], "course_id": course}),
            )
            .await;
        let b = app.browser_as(&clin.email).await;
        let (_, page) = b.text(&format!("/courses/{course}/sessions/{session}")).await;
        assert!(page.contains("PHQ-9: no total (question 9 left blank)"), "{page}");
        assert!(page.contains("Question 9 (thoughts of self-harm): not answered"));
        let (st, detail) = b.text(&format!("/clients/{client}/responses/{}", r["id"].as_str().unwrap())).await;
        assert_eq!(st, 200);
        assert!(detail.contains("Thoughts that you would be better off dead") && detail.contains("not answered"));
        // The Measures page opens each response too.
        let (_, measures) = b.text(&format!("/clients/{client}/measures")).await;
        assert!(measures.contains(&format!("/clients/{client}/responses/{}", r["id"].as_str().unwrap())));
        // Another client's response id is not found under this client.
        let other = api.new_client("Other Person").await;
        let (st, _) = b.text(&format!("/clients/{other}/responses/{}", r["id"].as_str().unwrap())).await;
        assert_eq!(st, 404);
    })
    .await;
}

/// The form from a session: dated that day by default, never in the future
/// (400 naming `date_taken`), a back-dated entry lands at its date in the
/// outcomes; after saving the page says the score and links back; the
/// ending review's Outcomes card matches the outcomes API.
#[tokio::test]
async fn fast_entry_with_a_date_and_the_outcomes_card() {
    on_each_backend(|app| async move {
        let (clin, api, client) = client_of(&app, "fast@clinic.example").await;
        let start = "2026-01-05";
        let course = api
            .new_course(&client, json!({"protocol": "ipt-individual", "planned_sessions": 12, "start_date": start}))
            .await;
        let s = api.attended_sessions(&course, &["2026-01-05", "2026-01-19"]).await;
        let b = app.browser_as(&clin.email).await;
        let sess = format!("/courses/{course}/sessions/{}", s[1]);
        let (_, page) = b.text(&sess).await;
        let form = format!("/clients/{client}/measures/new?instrument=phq9&session={}", s[1]);
        assert!(page.contains(&form.replace('&', "&#38;")), "the Record PHQ-9 button: {page}");
        let (st, html) = b.text(&form).await;
        assert_eq!(st, 200);
        assert!(html.contains("value=\"2026-01-19\"") && html.contains("data-testid=\"measure-grid\""), "{html}");
        assert!(html.contains("aria-labelledby=\"item_9-q item_9-o1\""), "each radio is named by its item and option");
        let new = format!("/clients/{client}/measures/new");
        let ctx = [("instrument", "phq9"), ("course_id", course.as_str()), ("session_id", s[1].as_str())];

        // Tomorrow: 400 naming the field; nothing stored.
        let tomorrow = rapport_core::time::format_date(rapport_core::Timestamp::now().date().next_day().unwrap());
        let mut fields = ctx.to_vec();
        fields.push(("date_taken", &tomorrow));
        let all3 = answers(["2", "2", "2", "2", "2", "2", "2", "2", "0"]);
        let r = b.answer(&form, &new, &all3, &fields).await;
        assert_eq!(r.status(), 400);
        let body = r.text().await.unwrap();
        assert!(body.contains("href=\"#date_taken\"") && body.contains("cannot be in the future"), "{body}");
        let cid = Id::parse(&client).unwrap();
        assert!(app.store.responses(&cid).await.unwrap().is_empty());
        let mut bad = ctx.to_vec();
        bad.push(("date_taken", "19/01/2026"));
        assert_eq!(b.answer(&form, &new, &all3, &bad).await.status(), 400);

        // Back-dated to 8 January: 16 (baseline), stored at that date.
        let mut back = ctx.to_vec();
        back.push(("date_taken", "2026-01-08"));
        let r = b.answer(&form, &new, &all3, &back).await;
        assert_eq!(r.status(), 303);
        // Then 2 on the session's day: the page says the score and links back.
        let mut day = ctx.to_vec();
        day.push(("date_taken", "2026-01-19"));
        let low = answers(["0", "0", "1", "1", "0", "0", "0", "0", "0"]);
        let r = b.answer(&form, &new, &low, &day).await;
        assert_eq!(r.status(), 303);
        let saved = location(&r);
        assert!(saved.contains("done=measure-recorded") && saved.contains(&s[1]), "{saved}");
        let (_, done) = b.text(&saved).await;
        assert!(done.contains("Saved: PHQ-9 = 2 (none or minimal), -14 from baseline, reliable improvement"), "{done}");
        assert!(done.contains(&format!("href=\"{sess}\"")) && done.contains("Little interest or pleasure"));

        let (_, o) = api.get(&format!("/api/v1/clients/{client}/outcomes?course_id={course}")).await;
        let p = &o["phq9"];
        assert_eq!((p["baseline"].as_i64(), p["latest"].as_i64()), (Some(16), Some(2)), "{o}");
        assert!(p["baseline_at"].as_str().unwrap().starts_with("2026-01-08"), "{o}");

        // The ending review's Outcomes card says the same numbers.
        let (st, ending) = b.text(&format!("/courses/{course}/ending")).await;
        assert_eq!(st, 200);
        let card = &ending[ending.find("data-testid=\"outcome-PHQ-9\"").expect("a PHQ-9 row")..];
        let cell = |id: &str| {
            let i = card.find(&format!("data-testid=\"{id}\">")).unwrap() + id.len() + 15;
            card[i..].split('<').next().unwrap().to_string()
        };
        assert_eq!(cell("baseline"), p["baseline"].to_string());
        assert_eq!(cell("latest"), p["latest"].to_string());
        assert_eq!(cell("change"), format!("{}", p["change"].as_i64().unwrap()));
        assert_eq!(cell("reliable"), "reliable improvement");
        assert_eq!(p["reliable_change"], "improved");
        assert_eq!(cell("remission"), if p["remission"] == true { "remission" } else { "no remission" });
        let (_, summary) = b.text(&format!("/courses/{course}/summary")).await;
        assert!(summary.contains("data-testid=\"outcomes-card\"") && summary.contains("data-testid=\"outcome-PHQ-9\""));
    })
    .await;
}
