//! The course's PDF documents over HTTP: the end-of-treatment summary, the
//! progress report and the letter to the GP (its form, its language, bad
//! input), read back with poppler's `pdftotext` (scripts/test.sh installs it).

use crate::matrix::{e, Entry};
use crate::support::*;
use rapport_core::audit::action;
use reqwest::Method;
use serde_json::json;

pub fn matrix_entries() -> Vec<Entry> {
    use Method as M;
    vec![
        e(M::GET, "/courses/{id}/summary.pdf", "/courses/{course}/summary.pdf", "LNAAN"),
        e(M::GET, "/courses/{id}/progress.pdf", "/courses/{course}/progress.pdf", "LNAAN"),
        e(M::GET, "/courses/{id}/letter", "/courses/{course}/letter", "LNAAN"),
        e(M::POST, "/courses/{id}/letter", "/courses/{course}/letter", "LNAAN"),
    ]
}

/// The text of a PDF, as a reader's copy and paste would give it.
pub fn pdf_text(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, bytes).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed by scripts/test.sh");
    assert!(out.status.success(), "pdftotext refused the file: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The PDF of a response: its type, its file name, its text.
async fn pdf_of(r: reqwest::Response) -> (String, String) {
    assert_eq!(r.status().as_u16(), 200);
    let headers = r.headers().clone();
    assert_eq!(headers["content-type"], "application/pdf");
    let disposition = headers["content-disposition"].to_str().unwrap().to_string();
    assert!(disposition.starts_with("attachment; filename=\""), "{disposition}");
    let bytes = r.bytes().await.unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    (disposition, pdf_text(&bytes))
}

fn phq9(items: [i64; 9], at: &str, course: &str) -> serde_json::Value {
    json!({"instrument": "phq9", "answers": items, "completed_at": format!("{at}T12:00:00Z"), "course_id": course})
}

#[tokio::test]
async fn summary_progress_report_and_letter_as_pdf() {
    on_each_backend(|app| async move {
        let email = "letters@clinic.example";
        let (_, api, client) = client_of(&app, email).await;
        let course = api
            .new_course(
                &client,
                json!({"protocol": "ipt-individual", "planned_sessions": 12, "start_date": "2026-01-05"}),
            )
            .await;
        api.respond(&client, phq9([2, 2, 2, 2, 2, 2, 2, 2, 2], "2026-01-05", &course)).await;
        api.respond(&client, phq9([1, 1, 0, 1, 0, 0, 1, 0, 0], "2026-02-20", &course)).await;
        let b = app.browser_as(email).await;
        let page = format!("/courses/{course}");
        let (_, html) = b.text(&page).await;
        for link in ["summary.pdf", "progress.pdf", "letter"] {
            assert!(html.contains(&format!("href=\"/courses/{course}/{link}\"")), "{link} button");
        }

        let (name, text) = pdf_of(b.get(&format!("{page}/summary.pdf")).await).await;
        assert!(name.contains("summary-") && !name.contains("Course"), "no client name in the file name: {name}");
        for words in ["End-of-treatment summary", "Course Client", "PHQ-9", "18", "4", "Risk history", "Page 1 of"] {
            assert!(text.contains(words), "summary lacks {words:?}:\n{text}");
        }

        let (_, text) = pdf_of(b.get(&format!("{page}/progress.pdf")).await).await;
        for words in ["Progress report", "PHQ-9 scores", "caseness ≥ 10", "18", "Course Client"] {
            assert!(text.contains(words), "progress report lacks {words:?}:\n{text}");
        }

        // The letter: a missing recipient names the field and makes no file.
        let letter = format!("{page}/letter");
        let (s, form) = b.text(&letter).await;
        assert_eq!(s, 200);
        assert!(form.contains("name=\"recipient_name\"") && form.contains("<option value=\"es\""), "{form}");
        let before = app.count(action::DOCUMENT_CREATE).await;
        let r = b.submit(&letter, &letter, &[("recipient_name", " "), ("language", "en")]).await;
        assert_eq!(r.status().as_u16(), 422);
        let html = r.text().await.unwrap();
        assert!(html.contains("Enter the name of the person the letter is to."), "{html}");
        assert!(html.contains("aria-invalid=\"true\""));
        let r = b.submit(&letter, &letter, &[("recipient_name", "Dr Patel"), ("language", "xx")]).await;
        assert!(r.text().await.unwrap().contains("Choose one of the languages in the list."));
        assert_eq!(app.count(action::DOCUMENT_CREATE).await, before, "nothing written for bad input");

        // In Spanish, with the clinician's words.
        let fields = [
            ("recipient_name", "Dra. Patel"),
            ("recipient_address", "Centro de Salud\nCalle Mayor 1"),
            ("summary", "Trabajamos la transición de rol."),
            ("recommendations", "Revisar la medicación en un mes."),
            ("language", "es"),
        ];
        let (_, text) = pdf_of(b.submit(&letter, &letter, &fields).await).await;
        for words in [
            "Estimado/a Dra. Patel:",
            "Calle Mayor 1",
            "Trabajamos la transición de rol.",
            "Puntuaciones actuales",
            "Recomendaciones",
            "Course Client",
            "PHQ-9",
        ] {
            assert!(text.contains(words), "letter lacks {words:?}:\n{text}");
        }
        assert!(!text.contains("Dear"), "no English wording in a Spanish letter");
        assert_eq!(app.count(action::DOCUMENT_CREATE).await, before + 1);
        assert!(app.count(action::DOCUMENT_CREATE).await >= 3);
    })
    .await;
}
