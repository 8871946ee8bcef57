//! Session notes over HTTP: the session page, autosaved drafts and their
//! status fragment, two editors and a conflict that keeps both versions,
//! signing (final through UI, API and store), addenda in order, and the
//! process note's privacy matrix.

use crate::matrix::{e, j, Entry};
use crate::support::*;
use rapport_core::access::Role;
use rapport_core::audit::action;
use rapport_core::Id;
use reqwest::Method;
use serde_json::json;

pub fn matrix_entries() -> Vec<Entry> {
    use Method as M;
    // Callers: anonymous, admin, supervisor of the author, the author (on the team), another clinician.
    // The fixture's process note by the author is not shared: reads by anyone else are 404,
    // so the read entries come before the share entries.
    vec![
        e(M::GET, "/courses/{id}/sessions/{session_id}", "/courses/{course}/sessions/{session}", "LNAAN"),
        e(
            M::GET,
            "/courses/{id}/sessions/{session_id}/process-notes/{author_id}",
            "/courses/{course}/sessions/{session}/process-notes/{author}",
            "LNNAN",
        ),
        e(
            M::GET,
            "/api/v1/sessions/{id}/process-note",
            "/api/v1/sessions/{session}/process-note?author={author}",
            "LNNAN",
        ),
        e(M::POST, "/courses/{id}/sessions/{session_id}/note", "/courses/{course}/sessions/{session}/note", "LNAAN"),
        // Without a phase the session returns to its computed phase (303) for those who may write.
        e(M::POST, "/courses/{id}/sessions/{session_id}/phase", "/courses/{course}/sessions/{session}/phase", "LNAAN"),
        e(
            M::POST,
            "/courses/{id}/sessions/{session_id}/note/sign",
            "/courses/{course}/sessions/{session}/note/sign",
            "LNAAN",
        ),
        e(
            M::POST,
            "/courses/{id}/sessions/{session_id}/note/addenda",
            "/courses/{course}/sessions/{session}/note/addenda",
            "LNAAN",
        ),
        e(
            M::POST,
            "/courses/{id}/sessions/{session_id}/process-note",
            "/courses/{course}/sessions/{session}/process-note",
            "LNAAN",
        ),
        e(
            M::POST,
            "/courses/{id}/sessions/{session_id}/process-note/share",
            "/courses/{course}/sessions/{session}/process-note/share",
            "LNAAN",
        ),
        e(M::GET, "/api/v1/sessions/{id}/note", "/api/v1/sessions/{session}/note", "LNAAN"),
        e(M::GET, "/api/v1/sessions/{id}/diary", "/api/v1/sessions/{session}/diary", "LNAAN"),
        j(M::PUT, "/api/v1/sessions/{id}/note", "/api/v1/sessions/{session}/note", "LNAAN", r#"{"version": 0}"#),
        j(
            M::POST,
            "/api/v1/sessions/{id}/note/sign",
            "/api/v1/sessions/{session}/note/sign",
            "LNAAN",
            r#"{"version": 1}"#,
        ),
        j(
            M::POST,
            "/api/v1/sessions/{id}/note/addenda",
            "/api/v1/sessions/{session}/note/addenda",
            "LNAAN",
            r#"{"text": "matrix"}"#,
        ),
        j(
            M::PUT,
            "/api/v1/sessions/{id}/process-note",
            "/api/v1/sessions/{session}/process-note",
            "LNAAN",
            r#"{"version": 0, "text": "matrix"}"#,
        ),
        j(
            M::POST,
            "/api/v1/sessions/{id}/process-note/share",
            "/api/v1/sessions/{session}/process-note/share",
            "LNAAN",
            r#"{"shared": false}"#,
        ),
    ]
}

/// A process note by `author` on the courses fixture's session (`{session}`), not shared.
pub async fn matrix_fixtures(app: &TestApp, author: &Id, out: &mut Vec<(&'static str, String)>) {
    let session = out.iter().find(|(k, _)| *k == "{session}").map(|(_, v)| v.clone()).expect("courses fixtures first");
    let s = app.store.therapy_session(&Id::parse(&session).unwrap()).await.unwrap().unwrap();
    app.store.save_process_note(&s, author, 0, "Matrix reflections", test_event("process_note.write")).await.unwrap();
    out.push(("{author}", author.to_string()));
}

/// A 16-session course with five weekly attended sessions at 10:00 on `api`'s
/// caseload: (course id, [session ids]).
async fn course_with_sessions(api: &Api, client: &str) -> (String, Vec<String>) {
    let body = json!({"protocol": "ipt-individual", "planned_sessions": 16, "start_date": "2026-01-05"});
    let course = api.new_course(client, body).await;
    let mut sessions = Vec::new();
    for d in ["2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02"] {
        sessions.push(api.new_session(&course, json!({"date": d, "attendance": "attended", "time": "10:00"})).await);
    }
    (course, sessions)
}

/// HTML text with askama's apostrophe escape undone, for readable assertions.
fn unescape(html: &str) -> String {
    html.replace("&#39;", "'").replace("&#x27;", "'")
}

#[tokio::test]
async fn session_page_autosave_and_the_course_page() {
    on_each_backend(|app| async move {
        let (user, api, client) = client_of(&app, "autosave@clinic.example").await;
        let (course, sessions) = course_with_sessions(&api, &client).await;
        let b = app.browser_as(&user.email).await;
        let page = format!("/courses/{course}/sessions/{}", sessions[4]);
        let (s, html) = b.text(&page).await;
        assert_eq!(s, 200);
        assert!(html.contains("Session 5 of 16 · middle phase"), "{html}");
        assert!(html.contains("11 left after this one"));
        assert!(html.contains("Mention the sessions left: 11 after today"));
        assert!(html.contains("Not started"));
        assert!(html.contains("Only you can read this"), "the process note says it is private");
        // The course page links each session and shows its note status.
        let (_, course_html) = b.text(&format!("/courses/{course}")).await;
        assert!(course_html.contains(&format!("href=\"{page}\"")));
        assert!(course_html.contains("No signed progress note with a plan yet"));
        // A session of another course under this course's URL does not exist.
        let other = api.new_course(&client, json!({"protocol": "ipc"})).await;
        assert_eq!(b.get(&format!("/courses/{other}/sessions/{}", sessions[0])).await.status(), 404);

        // Autosave (htmx): a small fragment, the new version out of band, and the saved trigger.
        let csrf = b.csrf_from(&page).await;
        let autosave = |fields: Vec<(&'static str, String)>| {
            let mut form: Vec<(String, String)> = fields.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
            form.push(("csrf".into(), csrf.clone()));
            b.http.post(app.url(&format!("{page}/note"))).header("hx-request", "true").form(&form).send()
        };
        let r = autosave(vec![
            ("version", "0".into()),
            ("mood", "4".into()),
            ("events[0].text", "Argument with partner".into()),
            ("events[0].effect", "worse".into()),
            ("techniques", "communication_analysis".into()),
            ("techniques", "role_play".into()),
            ("plan", "Rehearse asking for help".into()),
        ])
        .await
        .unwrap();
        assert_eq!(r.status(), 200);
        assert_eq!(r.headers().get("hx-trigger").unwrap(), "rapport-saved");
        let frag = r.text().await.unwrap();
        assert!(frag.contains("Draft saved at") && !frag.contains("<html"), "{frag}");
        assert!(frag.contains(r#"id="note-version" name="version" value="1" hx-swap-oob="true""#), "{frag}");
        // An invalid autosave says why and keeps nothing half-saved.
        let r = autosave(vec![("version", "1".into()), ("mood", "11".into())]).await.unwrap();
        assert_eq!(r.status(), 200, "htmx swaps only 2xx");
        let frag = r.text().await.unwrap();
        assert!(frag.contains("Not saved: Mood is rated from 0 to 10"), "{frag}");
        // Saving the same text again is not a new version.
        let r = autosave(vec![
            ("version", "1".into()),
            ("mood", "4".into()),
            ("events[0].text", "Argument with partner".into()),
            ("events[0].effect", "worse".into()),
            ("techniques", "role_play".into()),
            ("techniques", "communication_analysis".into()),
            ("plan", "Rehearse asking for help".into()),
        ])
        .await
        .unwrap();
        assert!(r.text().await.unwrap().contains(r#"value="1" hx-swap-oob"#));
        let (_, html) = b.text(&page).await;
        assert!(html.contains("Draft") && html.contains("version 1"));
        assert!(html.contains(r#"value="Argument with partner""#));
        assert!(html.contains(r#"value="role_play" checked"#));

        // Without JavaScript: the Save draft button posts the same form and comes back.
        let r = b
            .submit(
                &page,
                &format!("{page}/note"),
                &[("version", "1"), ("mood", "5"), ("plan", "Rehearse asking for help")],
            )
            .await;
        assert_eq!(r.status(), 303, "{}", location(&r));
        assert!(location(&r).ends_with("?done=note-saved#note"));
        let (_, n) = api.get(&format!("/api/v1/sessions/{}/note", sessions[4])).await;
        assert_eq!(
            (n["version"].as_i64(), n["mood"].as_i64(), n["status"].as_str()),
            (Some(2), Some(5), Some("draft"))
        );
        assert_eq!(n["events"], json!([]), "a full save: the event row was cleared");

        // Signing from the page: incomplete first (no risk check), then complete.
        // "Sign note" checks first: an incomplete note gets its errors and no confirmation.
        let r = b
            .submit(&page, &format!("{page}/note/sign"), &[("version", "2"), ("mood", "5"), ("sign_step", "check")])
            .await;
        assert_eq!(r.status(), 422);
        let html = r.text().await.unwrap();
        assert!(html.contains("Record the risk check before signing") && !html.contains("sign-confirm"), "{html}");
        let r = b.submit(&page, &format!("{page}/note/sign"), &[("version", "2"), ("mood", "5")]).await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("Record the risk check before signing"));
        // A complete note is shown again with "Yes, sign the note", still a draft.
        let r = b
            .submit(
                &page,
                &format!("{page}/note/sign"),
                &[
                    ("version", "2"),
                    ("mood", "5"),
                    ("risk", "identified"),
                    ("risk_detail", "Checked only"),
                    ("plan", "Rehearse asking for help"),
                    ("sign_step", "check"),
                ],
            )
            .await;
        assert_eq!(r.status(), 200);
        let html = r.text().await.unwrap();
        assert!(html.contains(r#"data-testid="sign-confirm""#) && html.contains("Yes, sign the note"), "{html}");
        assert!(html.contains("Checked only"), "the text as typed is kept");
        let (_, n) = api.get(&format!("/api/v1/sessions/{}/note", sessions[4])).await;
        assert_eq!((n["version"].as_i64(), n["status"].as_str()), (Some(2), Some("draft")), "nothing signed yet");
        let r = b
            .submit(
                &page,
                &format!("{page}/note/sign"),
                &[("version", "2"), ("mood", "5"), ("risk", "identified"), ("plan", "Rehearse asking for help")],
            )
            .await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("Describe the risk identified"));
        let r = b
            .submit(
                &page,
                &format!("{page}/note/sign"),
                &[
                    ("version", "2"),
                    ("mood", "5"),
                    ("risk", "identified"),
                    ("risk_detail", "Passive thoughts of death; safety plan reviewed"),
                    ("plan", "Rehearse asking for help"),
                ],
            )
            .await;
        assert_eq!(r.status(), 303);
        let (_, html) = b.text(&page).await;
        assert!(html.contains("Signed") && !html.contains("id=\"note-form\""), "no editable form once signed");
        assert!(html.contains("Passive thoughts of death"));
        // The course page: note status per session and the latest signed plan.
        let (_, course_html) = b.text(&format!("/courses/{course}")).await;
        assert!(unescape(&course_html).contains("Last session's plan"));
        assert!(course_html.contains("From the signed note of 2 Feb 2026"));
        assert!(course_html.contains("Rehearse asking for help"));
        assert!(course_html.contains(">Signed</a>"));
        for a in
            [action::PROGRESS_NOTE_WRITE, action::PROGRESS_NOTE_SIGN, action::PROGRESS_NOTE_READ, action::SESSION_READ]
        {
            assert!(app.count(a).await >= 1, "{a} audited");
        }
    })
    .await;
}

#[tokio::test]
async fn two_editors_a_conflict_shows_both_versions_and_loses_neither() {
    on_each_backend(|app| async move {
        let (a, api_a, client) = client_of(&app, "editor-a@clinic.example").await;
        let (_, sessions) = course_with_sessions(&api_a, &client).await;
        let course = app.store.therapy_session(&Id::parse(&sessions[0]).unwrap()).await.unwrap().unwrap().course_id;
        // A co-worker on the care team.
        let b_user = app.user("editor-b@clinic.example", Role::Clinician).await;
        app.store
            .add_care_team_member(&Id::parse(&client).unwrap(), &b_user.id, test_event("care_team.add"))
            .await
            .unwrap();
        let page = format!("/courses/{course}/sessions/{}", sessions[0]);
        let ba = app.browser_as(&a.email).await;
        let bb = app.browser_as(&b_user.email).await;
        assert_eq!(
            ba.submit(&page, &format!("{page}/note"), &[("version", "0"), ("plan", "First plan")]).await.status(),
            303
        );
        // Both open version 1; A saves first.
        assert_eq!(
            ba.submit(&page, &format!("{page}/note"), &[("version", "1"), ("plan", "A's plan")]).await.status(),
            303
        );
        // B's save (no JavaScript) is refused: the page shows both versions, B's still in the form.
        let r = bb.submit(&page, &format!("{page}/note"), &[("version", "1"), ("plan", "B's plan")]).await;
        assert_eq!(r.status(), 409);
        let html = r.text().await.unwrap();
        assert!(html.contains("Not saved: someone else changed this note"), "{html}");
        assert!(unescape(&html).contains("A's plan"), "the stored version is shown: {html}");
        assert!(unescape(&html).contains("B's plan"), "B's version is shown");
        assert!(html.contains(r#"name="resolve_version" value="2""#), "B can save over it knowingly");
        // B's autosave (htmx) is refused too, with the stored version in the fragment.
        let csrf = bb.csrf_from(&page).await;
        let r = bb
            .http
            .post(app.url(&format!("{page}/note")))
            .header("hx-request", "true")
            .form(&[("version", "1"), ("plan", "B's plan, typed on"), ("csrf", &csrf)])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        assert!(r.headers().get("hx-trigger").is_none(), "not saved: the form stays unsaved");
        let frag = r.text().await.unwrap();
        assert!(frag.contains("Not saved:") && frag.contains("saved a newer version"), "{frag}");
        assert!(unescape(&frag).contains("A's plan"));
        assert!(frag.contains(r#"name="resolve_version" value="2""#));
        // The API says the same with 409.
        let api_b = Api::new(&app, &b_user).await;
        let (s, r) = api_b
            .put(&format!("/api/v1/sessions/{}/note", sessions[0]), json!({"version": 1, "plan": "API plan"}))
            .await;
        assert_eq!(s, 409, "{r}");
        assert!(r["error"]["message"].as_str().unwrap().contains("version 2"));
        // B resolves: saves over version 2 on purpose. Every version stays in the history.
        let r = bb
            .submit(&page, &format!("{page}/note"), &[("version", "1"), ("resolve_version", "2"), ("plan", "B's plan")])
            .await;
        assert_eq!(r.status(), 303);
        let note = app.store.progress_note(&Id::parse(&sessions[0]).unwrap()).await.unwrap().unwrap();
        assert_eq!((note.version, note.body.plan.as_deref()), (3, Some("B's plan")));
        let plans: Vec<String> = app
            .store
            .progress_note_versions(&note.id)
            .await
            .unwrap()
            .into_iter()
            .map(|v| v.body.plan.unwrap_or_default())
            .collect();
        assert_eq!(plans, ["First plan", "A's plan", "B's plan"]);
    })
    .await;
}

#[tokio::test]
async fn a_signed_note_is_never_overwritten_and_addenda_keep_their_order() {
    on_each_backend(|app| async move {
        let (a, api, client) = client_of(&app, "signer@clinic.example").await;
        let (course, sessions) = course_with_sessions(&api, &client).await;
        let path = format!("/api/v1/sessions/{}/note", sessions[1]);
        let (s, n) = api.get(&path).await;
        assert_eq!((s, n["status"].as_str(), n["version"].as_i64()), (200, Some("none"), Some(0)));
        // Field rules name the field.
        for (body, field) in [
            (json!({"version": 0, "mood": 11}), "mood"),
            (json!({"version": 0, "techniques": ["hypnosis"]}), "techniques[0]"),
            (json!({"version": 0, "events": [{"text": "x", "effect": "sideways"}]}), "events[0].effect"),
            (json!({"version": 0, "risk": "perhaps"}), "risk"),
        ] {
            let (s, r) = api.put(&path, body.clone()).await;
            assert_eq!((s, r["error"]["field"].as_str()), (422, Some(field)), "{body} -> {r}");
        }
        let draft = json!({
            "version": 0, "mood": 3,
            "events": [{"text": "Sister visited", "effect": "better"}, {"text": "Row at work"}],
            "techniques": ["decision_analysis", "clarification"],
            "problem_area_work": "Role transition: new job",
            "work_set": "Talk to manager", "risk": "none_identified", "plan": "Review the talk"
        });
        let (s, n) = api.put(&path, draft).await;
        assert_eq!(s, 200, "{n}");
        assert_eq!(n["techniques"], json!(["clarification", "decision_analysis"]));
        // Every event needs its effect before signing.
        let (s, r) = api.post(&format!("{path}/sign"), json!({"version": 1})).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("events[1].effect")), "{r}");
        // Signing a version that is not the note's is stale, whatever the note holds.
        let (s, r) = api.post(&format!("{path}/sign"), json!({"version": 7})).await;
        assert_eq!(s, 409, "{r}");
        // Addenda are for signed notes, through the API and the page alike (one use case).
        let (s, r) = api.post(&format!("{path}/addenda"), json!({"text": "too early"})).await;
        assert_eq!(s, 409);
        assert!(r["error"]["message"].as_str().unwrap().contains("signed notes"), "{r}");
        let early = app.browser_as(&a.email).await;
        let page = format!("/courses/{course}/sessions/{}", sessions[1]);
        let r = early.submit(&page, &format!("{page}/note/addenda"), &[("text", "too early")]).await;
        assert_eq!(r.status(), 409);
        let (s, n) = api
            .put(
                &path,
                json!({"version": 1, "mood": 3, "events": [{"text": "Sister visited", "effect": "better"}],
                   "risk": "none_identified", "plan": "Review the talk"}),
            )
            .await;
        assert_eq!(s, 200, "{n}");
        assert_eq!(api.post(&format!("{path}/sign"), json!({"version": 1})).await.0, 409, "stale sign");
        let (s, n) = api.post(&format!("{path}/sign"), json!({"version": 2})).await;
        assert_eq!((s, n["status"].as_str()), (200, Some("signed")), "{n}");
        assert_eq!(n["signed_by"], "Test signer@clinic.example");
        let signed = n.clone();

        // After signing nothing changes it: the API ...
        let (s, r) = api.put(&path, json!({"version": 3, "plan": "Overwrite"})).await;
        assert_eq!(s, 409);
        assert!(r["error"]["message"].as_str().unwrap().contains("signed"));
        assert_eq!(api.put(&path, json!({"version": 2, "plan": "Overwrite"})).await.0, 409);
        assert_eq!(api.post(&format!("{path}/sign"), json!({"version": 3})).await.0, 409);
        // ... the UI (the typed text is shown back, not lost) ...
        let b = app.browser_as(&a.email).await;
        let page = format!("/courses/{course}/sessions/{}", sessions[1]);
        let r =
            b.submit(&page, &format!("{page}/note"), &[("version", "3"), ("plan", "Overwrite from the page")]).await;
        assert_eq!(r.status(), 409);
        let html = r.text().await.unwrap();
        assert!(html.contains("this note has been signed") && html.contains("Overwrite from the page"), "{html}");
        let r = b.submit(&page, &format!("{page}/note/sign"), &[("version", "3"), ("risk", "none_identified")]).await;
        assert_eq!(r.status(), 409);
        // ... and the stored note is what was signed.
        let (_, now) = api.get(&path).await;
        assert_eq!(now, signed);
        assert_eq!(now["plan"], "Review the talk");

        // Addenda: from the page and the API, shown in order, never changed.
        let r = b.submit(&page, &format!("{page}/note/addenda"), &[("text", "  ")]).await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("Write the addendum"));
        let r =
            b.submit(&page, &format!("{page}/note/addenda"), &[("text", "First: client phoned to add context")]).await;
        assert_eq!(r.status(), 303);
        let (s, n) = api.post(&format!("{path}/addenda"), json!({"text": "Second: GP letter received"})).await;
        assert_eq!(s, 201, "{n}");
        b.submit(&page, &format!("{page}/note/addenda"), &[("text", "Third: medication started")]).await;
        let (_, n) = api.get(&path).await;
        let texts: Vec<&str> = n["addenda"].as_array().unwrap().iter().map(|a| a["text"].as_str().unwrap()).collect();
        assert_eq!(
            texts,
            ["First: client phoned to add context", "Second: GP letter received", "Third: medication started"]
        );
        assert_eq!(n["plan"], "Review the talk", "addenda never touch the note");
        let (_, html) = b.text(&page).await;
        let (i1, i2, i3) = (
            html.find("First: client phoned").unwrap(),
            html.find("Second: GP letter").unwrap(),
            html.find("Third: medication").unwrap(),
        );
        assert!(i1 < i2 && i2 < i3, "addenda in the order written");
        assert_eq!(app.count(action::PROGRESS_NOTE_ADDENDUM).await, 3);
        assert!(app.store.audit_verify().await.is_ok());
    })
    .await;
}

#[tokio::test]
async fn process_notes_are_private_to_their_author() {
    on_each_backend(|app| async move {
        let (author, api, client) = client_of(&app, "author@clinic.example").await;
        let (course, sessions) = course_with_sessions(&api, &client).await;
        let cid = Id::parse(&client).unwrap();
        let sup = app.user("sup@clinic.example", Role::Supervisor).await;
        app.store
            .set_supervisees(&sup.id, std::slice::from_ref(&author.id), test_event("user.update"), &[])
            .await
            .unwrap();
        let coworker = app.user("coworker@clinic.example", Role::Clinician).await;
        app.store.add_care_team_member(&cid, &coworker.id, test_event("care_team.add")).await.unwrap();
        let admin = app.user_with("admin@clinic.example", Role::Admin, true).await;
        app.store.add_care_team_member(&cid, &admin.id, test_event("care_team.add")).await.unwrap();
        let glass = app.user("oncall@clinic.example", Role::Clinician).await;
        app.store
            .create_break_glass(
                &glass.id,
                &cid,
                "On call: client in crisis, clinician away",
                rapport_core::Timestamp::now().plus(time::Duration::hours(4)),
                test_event("client.break_glass"),
            )
            .await
            .unwrap();
        const SECRET: &str = "My countertransference: irritation when she cancels";
        let sid = &sessions[2];
        let path = format!("/api/v1/sessions/{sid}/process-note");
        let page = format!("/courses/{course}/sessions/{sid}");
        // The author writes it from the page (autosave) and reads it back.
        let b_author = app.browser_as(&author.email).await;
        let csrf = b_author.csrf_from(&page).await;
        let r = b_author
            .http
            .post(app.url(&format!("{page}/process-note")))
            .header("hx-request", "true")
            .form(&[("version", "0"), ("text", SECRET), ("csrf", &csrf)])
            .send()
            .await
            .unwrap();
        assert!(r.text().await.unwrap().contains(r#"id="process-version" name="version" value="1""#));
        let (s, n) = api.get(&path).await;
        assert_eq!((s, n["text"].as_str(), n["shared_with_supervisor"].as_bool()), (200, Some(SECRET), Some(false)));
        assert!(b_author.text(&page).await.1.contains(SECRET));
        let view = format!("{page}/process-notes/{}", author.id);
        assert_eq!(b_author.get(&view).await.status(), 200);

        // Nobody else can read it: not the supervisor (unshared), a co-worker, an admin, break-glass.
        let others =
            [("supervisor", &sup), ("co-worker", &coworker), ("admin on the team", &admin), ("break-glass", &glass)];
        let check_others = |expect_sup: u16| {
            let app = &app;
            let others = &others;
            let path = &path;
            let view = &view;
            let page = &page;
            let author_id = author.id.clone();
            async move {
                for (who, user) in others.iter() {
                    let expected = if *who == "supervisor" { expect_sup } else { 404 };
                    let api = Api::new(app, user).await;
                    let (s, r) = api.get(&format!("{path}?author={author_id}")).await;
                    assert_eq!(s, expected, "{who} via API: {r}");
                    let b = app.browser_as(&user.email).await;
                    assert_eq!(b.get(view).await.status().as_u16(), expected, "{who} via UI");
                    // Their own session page (they can all see the session) never carries the text.
                    let (s, html) = b.text(page).await;
                    assert_eq!(s, 200, "{who} sees the session");
                    assert!(!html.contains(SECRET), "{who} must not see the process note on the session page");
                    assert_eq!(
                        html.contains(&format!("process-notes/{author_id}")),
                        expected == 200,
                        "{who}: link only when shared"
                    );
                    // Their own (empty) process note, not the author's.
                    let (s, _) = api.get(path).await;
                    assert_eq!(s, 404, "{who} has no process note of their own");
                }
            }
        };
        let denied = app.count(action::ACCESS_DENIED).await;
        check_others(404).await;
        assert!(app.count(action::ACCESS_DENIED).await >= denied + 8, "each refused read is audited");

        // Shared: the supervisor reads it (read-only); nobody else.
        let reads = app.count(action::PROCESS_NOTE_READ).await;
        let (s, n) = api.post(&format!("{path}/share"), json!({"shared": true})).await;
        assert_eq!((s, n["shared_with_supervisor"].as_bool()), (200, Some(true)), "{n}");
        check_others(200).await;
        assert!(app.count(action::PROCESS_NOTE_READ).await >= reads + 2, "the supervisor's reads are audited");
        let api_sup = Api::new(&app, &sup).await;
        let (s, _) = api_sup
            .call(Method::PUT, &format!("{path}?author={}", author.id), Some(json!({"version": 0, "text": "edited"})))
            .await;
        assert_eq!(s, 200, "a PUT writes the supervisor's own note, never the author's");
        assert_eq!(api.get(&path).await.1["text"], SECRET);
        // Unshared again: back to 404.
        let r = b_author.submit(&page, &format!("{page}/process-note/share"), &[("shared", "false")]).await;
        assert_eq!(r.status(), 303);
        assert_eq!(api_sup.get(&format!("{path}?author={}", author.id)).await.0, 404);
        // Someone without a supervisor cannot share.
        let api_cw = Api::new(&app, &coworker).await;
        assert_eq!(api_cw.put(&path, json!({"version": 0, "text": "mine"})).await.0, 200);
        let (s, r) = api_cw.post(&format!("{path}/share"), json!({"shared": true})).await;
        assert_eq!((s, r["error"]["field"].as_str()), (422, Some("shared")));

        // Never in the record, an export or the audit log: the progress-note and course
        // APIs do not carry it, and no audit entry (nor the admin CSV export) holds its text.
        let (_, n) = api.get(&format!("/api/v1/sessions/{sid}/note")).await;
        assert!(!n.to_string().contains("countertransference"));
        let (_, c) = api.get(&format!("/api/v1/courses/{course}")).await;
        assert!(!c.to_string().contains("countertransference"));
        let all = app
            .store
            .audit_entries(&rapport_store::AuditFilter { limit: 100_000, ..Default::default() })
            .await
            .unwrap();
        assert!(all.iter().all(|e| !e.event.detail.clone().unwrap_or_default().contains("countertransference")));
        let admin_only = app.user("pure-admin@clinic.example", Role::Admin).await;
        let (_, csv) = app.browser_as(&admin_only.email).await.text("/admin/audit.csv").await;
        assert!(csv.contains("process_note.read") && !csv.contains("countertransference"));
        for a in [action::PROCESS_NOTE_READ, action::PROCESS_NOTE_WRITE, action::PROCESS_NOTE_SHARE] {
            assert!(app.count(a).await >= 1, "{a} audited");
        }
    })
    .await;
}

#[tokio::test]
async fn an_author_keeps_their_own_process_note_after_leaving_the_care_team() {
    on_each_backend(|app| async move {
        let (owner, api, client) = client_of(&app, "owner@clinic.example").await;
        let (course, sessions) = course_with_sessions(&api, &client).await;
        let cid = Id::parse(&client).unwrap();
        let author = app.user("leaver@clinic.example", Role::Clinician).await;
        app.store.add_care_team_member(&cid, &author.id, test_event("care_team.add")).await.unwrap();
        const SECRET: &str = "What I felt when she described the funeral";
        let sid = &sessions[1];
        let page = format!("/courses/{course}/sessions/{sid}");
        let b = app.browser_as(&author.email).await;
        let r = b.submit(&page, &format!("{page}/process-note"), &[("version", "0"), ("text", SECRET)]).await;
        assert_eq!(r.status(), 303);
        // The owner (responsible clinician) takes the author off the team.
        let ob = app.browser_as(&owner.email).await;
        let team = format!("/clients/{client}/care-team");
        assert_eq!(ob.submit(&team, &format!("{team}/{}/remove", author.id), &[]).await.status(), 303);

        // The record is gone for the author...
        assert_eq!(b.get(&page).await.status(), 404);
        assert_eq!(b.get(&format!("/clients/{client}")).await.status(), 404);
        let author_api = Api::new(&app, &author).await;
        assert_eq!(author_api.get(&format!("/api/v1/sessions/{sid}/note")).await.0, 404);
        assert_eq!(author_api.get(&format!("/api/v1/clients/{client}")).await.0, 404);
        // ...but their own process note stays readable, alone, at the same addresses.
        let view = format!("{page}/process-notes/{}", author.id);
        let (s, html) = b.text(&view).await;
        assert_eq!(s, 200);
        assert!(html.contains(SECRET) && html.contains("no longer have access to the client"));
        assert!(!html.contains("Course Client"), "nothing else of the record is shown");
        let (s, n) = author_api.get(&format!("/api/v1/sessions/{sid}/process-note")).await;
        assert_eq!((s, n["text"].as_str()), (200, Some(SECRET)), "{n}");
        let reads = app
            .store
            .audit_entries(&rapport_store::AuditFilter {
                action: Some(action::PROCESS_NOTE_READ.into()),
                limit: 100,
                ..Default::default()
            })
            .await
            .unwrap();
        let by_author: Vec<_> =
            reads.iter().filter(|e| e.event.detail.as_deref().is_some_and(|d| d.contains("basis=author"))).collect();
        assert_eq!(by_author.len(), 2, "both reads audited with basis author");
        assert!(by_author.iter().all(|e| e.event.actor_id.as_deref() == Some(author.id.as_str())));
        // Nobody else gains anything: the owner still cannot read the author's note.
        assert_eq!(ob.get(&view).await.status(), 404);
        let (s, _) = api.get(&format!("/api/v1/sessions/{sid}/process-note?author={}", author.id)).await;
        assert_eq!(s, 404);
        // And someone who never wrote a note there gets nothing either.
        let stranger = app.user("stranger@clinic.example", Role::Clinician).await;
        let sb = app.browser_as(&stranger.email).await;
        assert_eq!(sb.get(&format!("{page}/process-notes/{}", stranger.id)).await.status(), 404);
    })
    .await;
}
