//! The course's PDF documents over HTTP: the end-of-treatment summary, the
//! progress report and the letter to the GP (its form, its language, bad
//! input), read back with poppler's `pdftotext` and checked as tagged PDF
//! with its `pdfinfo` (scripts/test.sh installs poppler-utils).

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

/// What poppler's `pdfinfo` says of a PDF, with `args`.
fn pdf_info(bytes: &[u8], args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, bytes).unwrap();
    let out = std::process::Command::new("pdfinfo")
        .args(args)
        .arg(&path)
        .output()
        .expect("pdfinfo (poppler-utils) is installed by scripts/test.sh");
    assert!(out.status.success(), "pdfinfo refused the file: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The structure elements' text alternatives (`/Alt`), decoded.
fn alt_texts(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    text.split("/Alt ")
        .skip(1)
        .map(|t| {
            if let Some(hex) = t.strip_prefix("<FEFF").or_else(|| t.strip_prefix("<feff")) {
                let hex = &hex[..hex.find('>').unwrap()];
                let units: Vec<u16> =
                    (0..hex.len() / 4).map(|i| u16::from_str_radix(&hex[4 * i..4 * i + 4], 16).unwrap()).collect();
                String::from_utf16(&units).unwrap()
            } else {
                t[1..t.find(')').unwrap()].to_string()
            }
        })
        .collect()
}

/// A PDF served: its file name, its text, its logical structure with its
/// text (`pdfinfo -struct-text`) and its bytes. It is tagged, with its language.
struct Pdf {
    name: String,
    text: String,
    structure: String,
    bytes: Vec<u8>,
}

/// The PDF of a response: its type, its file name, its text, its tags.
async fn pdf_of(r: reqwest::Response) -> Pdf {
    assert_eq!(r.status().as_u16(), 200);
    let headers = r.headers().clone();
    assert_eq!(headers["content-type"], "application/pdf");
    let disposition = headers["content-disposition"].to_str().unwrap().to_string();
    assert!(disposition.starts_with("attachment; filename=\""), "{disposition}");
    let bytes = r.bytes().await.unwrap().to_vec();
    assert!(bytes.starts_with(b"%PDF-"));
    let info = pdf_info(&bytes, &[]);
    assert!(info.lines().any(|l| l.starts_with("Tagged:") && l.ends_with(" yes")), "a tagged PDF:\n{info}");
    let structure = pdf_info(&bytes, &["-struct-text"]);
    assert!(structure.starts_with("Document\n"), "{structure}");
    let first_heading = structure.lines().map(str::trim).find(|l| l.starts_with('H'));
    assert_eq!(first_heading, Some("H1 (block)"), "headings start at level 1:\n{structure}");
    Pdf { name: disposition, text: pdf_text(&bytes), structure, bytes }
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

        let Pdf { name, text, structure, bytes } = pdf_of(b.get(&format!("{page}/summary.pdf")).await).await;
        assert!(name.contains("summary-") && !name.contains("Course"), "no client name in the file name: {name}");
        for words in ["End-of-treatment summary", "Course Client", "PHQ-9", "18", "4", "Risk history", "Page 1 of"] {
            assert!(text.contains(words), "summary lacks {words:?}:\n{text}");
        }
        assert!(String::from_utf8_lossy(&bytes).contains("/Lang (en)"), "the document's language");
        assert!(structure.contains("H2 (block)\n    \"Risk history\""), "headings are tagged:\n{structure}");
        assert!(structure.contains("TH:\n         /Scope /Column\n        \"Measure\""), "{structure}");
        assert!(!structure.contains("Page 1 of"), "the footer is an artifact, not content:\n{structure}");

        let Pdf { text, structure, bytes, .. } = pdf_of(b.get(&format!("{page}/progress.pdf")).await).await;
        for words in ["Progress report", "PHQ-9 scores", "caseness ≥ 10", "18", "Course Client"] {
            assert!(text.contains(words), "progress report lacks {words:?}:\n{text}");
        }
        // The chart is a figure with a text alternative in the document's words.
        assert!(structure.contains("\n  Figure\n"), "{structure}");
        let alts = alt_texts(&bytes);
        assert_eq!(alts.len(), 1, "{alts:?}");
        for words in [
            "Line chart of PHQ-9 scores: 2 scores from ",
            "going from 18 to 4 (lowest 4, highest 18)",
            "caseness (≥ 10)",
        ] {
            assert!(alts[0].contains(words), "the chart's alternative lacks {words:?}: {}", alts[0]);
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
        let Pdf { text, bytes, .. } = pdf_of(b.submit(&letter, &letter, &fields).await).await;
        assert!(String::from_utf8_lossy(&bytes).contains("/Lang (es)"), "the letter's language");
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
