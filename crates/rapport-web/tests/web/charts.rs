//! Measure charts, per-course measurement schedules with due/overdue measures,
//! and the caseload's measures markers.

use crate::matrix::{e, j, Entry};
use crate::support::*;
use reqwest::Method;
use serde_json::json;

pub fn matrix_entries() -> Vec<Entry> {
    use Method as M;
    vec![
        e(M::POST, "/courses/{id}/measure-schedule", "/courses/{course}/measure-schedule", "LNAAN"),
        e(M::GET, "/api/v1/courses/{id}/measure-schedule", "/api/v1/courses/{course}/measure-schedule", "LNAAN"),
        j(
            M::PUT,
            "/api/v1/courses/{id}/measure-schedule",
            "/api/v1/courses/{course}/measure-schedule",
            "LNAAN",
            r#"{"instruments": ["phq9"], "every": 1, "version": 0}"#,
        ),
    ]
}

/// A course with two held sessions (5 and 12 January 2026), PHQ-9 before
/// each (the second with item 9 positive: an open risk flag), no GAD-7, and a
/// timeline event between them. Returns (browser, client id, course id).
async fn measured_course(app: &TestApp, email: &str) -> (Browser, String, String) {
    let (_, api, client) = client_of(app, email).await;
    let course = api
        .new_course(&client, json!({"protocol": "ipt-individual", "planned_sessions": 12, "start_date": "2026-01-05"}))
        .await;
    api.attended_sessions(&course, &["2026-01-05", "2026-01-12"]).await;
    for (at, answers) in [
        ("2026-01-04T10:00:00Z", json!([3, 3, 2, 2, 2, 2, 2, 2, 0])),
        ("2026-01-11T10:00:00Z", json!([2, 2, 1, 1, 1, 1, 1, 1, 1])),
    ] {
        api.respond(
            &client,
            json!({"instrument": "phq9", "answers": answers, "completed_at": at, "course_id": course}),
        )
        .await;
    }
    api.create(
        &format!("/api/v1/clients/{client}/timeline"),
        json!({"date": "2026-01-08", "category": "move", "title": "<b>Moved</b> & co"}),
    )
    .await;
    (app.browser_as(email).await, client, course)
}

/// The cells of each body row of the table under the `<summary>` reading `summary`.
fn table_rows(page: &str, summary: &str) -> Vec<Vec<String>> {
    let start = page.find(&format!("<summary>{summary}</summary>")).unwrap_or_else(|| panic!("no {summary}"));
    let body = &page[start..];
    let body = &body[body.find("<tbody>").expect("a table body")..body.find("</tbody>").expect("its end")];
    body.split("<tr>")
        .skip(1)
        .map(|row| {
            row.split("<td")
                .skip(1)
                .map(|cell| {
                    let cell = &cell[cell.find('>').unwrap() + 1..];
                    cell[..cell.find("</td>").unwrap()].trim().to_string()
                })
                .collect()
        })
        .collect()
}

#[tokio::test]
async fn the_course_measures_page_charts_scores_by_session_with_events_and_a_table() {
    on_each_backend(|app| async move {
        let (b, client, course) = measured_course(&app, "charts@clinic.example").await;
        let (s, page) = b.text(&format!("/clients/{client}/measures?course={course}")).await;
        assert_eq!(s, 200);
        assert!(page.contains("role=\"img\"") && page.contains("PHQ-9 scores</title>"), "{page}");
        assert!(page.contains(">S1<") && page.contains(">S2<") && page.contains("Session (S) and date"));
        assert!(page.contains("caseness ≥ 10"));
        assert!(page.contains("&lt;b&gt;Moved&lt;/b&gt; &amp; co") && !page.contains("<b>Moved</b>"));
        // The table: one row per response, with its date, the session it precedes and its total
        // (3+3+2+2+2+2+2+2+0 = 18, then 2+2+1+1+1+1+1+1+1 = 11) and band; nothing else.
        assert_eq!(
            table_rows(&page, "PHQ-9 scores as a table"),
            [["4 Jan 2026", "1", "18", "Moderately severe"], ["11 Jan 2026", "2", "11", "Moderate"]],
            "{page}"
        );
        assert!(!page.contains("GAD-7 scores as a table"), "no GAD-7 answered, no GAD-7 table");
        // Without a course: by date, and the client tabs lead here.
        let (_, plain) = b.text(&format!("/clients/{client}/measures")).await;
        assert!(plain.contains("measure-chart") && plain.contains(">Date<") && !plain.contains(">S1<"));
        assert!(plain.contains("aria-current=\"page\">Measures</a>"));
        // The timeline chart draws the PHQ-9 against the events.
        let (_, tl) = b.text(&format!("/courses/{course}/timeline")).await;
        assert!(tl.contains("PHQ-9 total"), "{tl}");
    })
    .await;
}

#[tokio::test]
async fn schedules_make_measures_due_or_overdue_on_the_course_and_the_caseload() {
    on_each_backend(|app| async move {
        let (b, client, course) = measured_course(&app, "sched@clinic.example").await;
        let page = format!("/clients/{client}/measures?course={course}");
        let (_, html) = b.text(&page).await;
        assert!(html.contains("By default this course asks") && html.contains("every session"));
        assert!(
            html.contains("PHQ-9: <span class=\"badge badge-muted\"><span aria-hidden=\"true\">○</span> Due</span>")
        );
        assert!(
            html.contains("GAD-7: <span class=\"badge badge-risk\"><span aria-hidden=\"true\">!</span> Overdue</span>")
        );
        let (_, list) = b.text("/clients").await;
        assert!(list.contains("Overdue: GAD-7") && list.contains("Due: PHQ-9"), "{list}");
        assert!(list.contains("Open risk flag"));

        // PHQ-9 only, every 2 sessions of 12, anchored on the last: sessions 1, 2, 4, …, 12.
        // Sessions 1 and 2 had theirs and session 3 asks for nothing.
        let creates = app.count("record.create").await;
        let r = b
            .submit(
                &page,
                &format!("/courses/{course}/measure-schedule"),
                &[("instrument", "phq9"), ("every", "2"), ("version", "0")],
            )
            .await;
        assert_eq!(r.status(), 303);
        assert_eq!(app.count("record.create").await, creates + 1);
        let (_, html) = b.text(&page).await;
        assert!(html.contains("This course asks") && html.contains("every 2 sessions"));
        assert!(html.contains("(sessions 1, 2, 4, 6, 8, 10, 12)"), "{html}");
        assert!(!html.contains("GAD-7: <span") && !html.contains("PHQ-9: <span"));
        let (_, list) = b.text("/clients").await;
        assert!(!list.contains("Due: PHQ-9") && !list.contains("Overdue: GAD-7"));

        // A stale version is a conflict; an unknown or missing instrument is refused.
        let stale = b
            .submit(
                &page,
                &format!("/courses/{course}/measure-schedule"),
                &[("instrument", "gad7"), ("every", "1"), ("version", "0"), ("confirm_no_risk_item", "yes")],
            )
            .await;
        assert_eq!(stale.status(), 409);
        for bad in
            [vec![("every", "1"), ("version", "1")], vec![("instrument", "nope"), ("every", "1"), ("version", "1")]]
        {
            let r = b.submit(&page, &format!("/courses/{course}/measure-schedule"), &bad).await;
            assert!(r.status().is_client_error() && r.status() != 404, "{}", r.status());
        }
        let r = b
            .submit(
                &page,
                &format!("/courses/{course}/measure-schedule"),
                &[("instrument", "gad7"), ("every", "1"), ("version", "1"), ("confirm_no_risk_item", "yes")],
            )
            .await;
        assert_eq!(r.status(), 303);
        assert!(app.count("record.update").await >= 1);

        // Another clinician cannot see or change it.
        let other = app.user("other-sched@clinic.example", rapport_core::access::Role::Clinician).await;
        let ob = app.browser_as(&other.email).await;
        let r = ob
            .submit(
                "/clients",
                &format!("/courses/{course}/measure-schedule"),
                &[("instrument", "phq9"), ("every", "1"), ("version", "2")],
            )
            .await;
        assert_eq!(r.status(), 404);
    })
    .await;
}

#[tokio::test]
async fn a_refused_schedule_shows_the_course_measures_page_with_the_field_errors() {
    on_each_backend(|app| async move {
        let (b, client, course) = measured_course(&app, "sched-bad@clinic.example").await;
        let page = format!("/clients/{client}/measures?course={course}");
        let action = format!("/courses/{course}/measure-schedule");
        let writes = app.count("record.create").await + app.count("record.update").await;
        for (form, field, message) in [
            (vec![("instrument", "gad7"), ("every", "0"), ("version", "0")], "every", "Choose every 1 to 12 sessions."),
            (vec![("instrument", "gad7"), ("every", "99"), ("version", "0")], "every", "Choose every 1 to 12 sessions."),
            (vec![("instrument", "nope"), ("every", "3"), ("version", "0")], "instruments", "Choose instruments from the list."),
            (vec![("every", "3"), ("version", "0")], "instruments", "Choose at least one instrument."),
        ] {
            let r = b.submit(&page, &action, &form).await;
            assert_eq!(r.status(), 422, "{form:?}");
            let html = r.text().await.unwrap();
            assert!(html.contains("There is a problem") && html.contains(&format!(r##"<a href="#{field}">{message}</a>"##)), "{form:?}: {html}");
            assert!(
                html.contains(&format!(r#"<p class="field-error" id="{field}-error"><span class="visually-hidden">Error:</span> {message}</p>"#)),
                "{form:?}: {html}"
            );
            // Still the course's Measures page, with the form open and what was typed.
            assert!(html.contains("aria-current=\"page\">Measures</a>") && html.contains("<details open>"), "{html}");
            assert!(html.contains("Measurement schedule") && html.contains("PHQ-9 scores as a table"));
            let every = form.iter().find(|(k, _)| *k == "every").unwrap().1;
            assert!(html.contains(&format!(r#"<option value="{every}" selected>"#)), "{every}: {html}");
            let gad7_checked = html.contains(r#"value="gad7" checked"#);
            assert_eq!(gad7_checked, form.contains(&("instrument", "gad7")), "{form:?}");
            assert!(!html.contains(r#"value="phq9" checked"#), "the default PHQ-9 was not typed");
        }
        // Nothing changed: no record written, the default schedule still applies.
        assert_eq!(app.count("record.create").await + app.count("record.update").await, writes);
        let (_, html) = b.text(&page).await;
        assert!(html.contains("By default this course asks") && !html.contains("There is a problem"));
    })
    .await;
}
