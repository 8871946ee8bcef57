//! The clinician and admin UI: records, care teams, emergency access, the audit log.

use crate::support::*;
use rapport_core::access::Role;
use rapport_core::audit::action;
use sqlx::Connection;

const CLIENT_FIELDS: &[(&str, &str)] = &[
    ("display_name", "Jo Example"),
    ("date_of_birth", "1990-04-12"),
    ("pronouns", "they/them"),
    ("external_ids", "Hospital number: H-777"),
    ("emergency_contact_name", "Sam Example"),
];

#[tokio::test]
async fn client_record_lifecycle_in_the_ui() {
    on_each_backend(|app| async move {
        app.user("c1@clinic.example", Role::Clinician).await;
        let b = app.browser_as("c1@clinic.example").await;
        let (s, page) = b.text("/clients").await;
        assert_eq!(s, 200);
        assert!(page.contains("Your caseload is empty"));
        // Validation: errors are listed and linked, nothing saved.
        let r =
            b.submit("/clients/new", "/clients/new", &[("display_name", ""), ("date_of_birth", "2999-01-01")]).await;
        assert_eq!(r.status(), 422);
        let body = r.text().await.unwrap();
        assert!(
            body.contains("There is a problem")
                && body.contains("href=\"#display_name\"")
                && body.contains("cannot be in the future")
        );
        let id = b.new_client_with(CLIENT_FIELDS).await;
        let (s, page) = b.text(&format!("/clients/{id}")).await;
        assert_eq!(s, 200);
        assert!(page.contains("<h1>Jo Example</h1>") && page.contains("H-777") && page.contains("Sam Example"));
        // Caseload search by name and identifier; htmx requests get only the rows.
        assert!(b.text("/clients?q=jo").await.1.contains("Jo Example"));
        assert!(b.text("/clients?q=h-777").await.1.contains("Jo Example"));
        assert!(b.text("/clients?q=zzz").await.1.contains("No clients match"));
        let partial = b
            .http
            .get(app.url("/clients?q=jo"))
            .header("hx-request", "true")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(partial.contains("Jo Example") && !partial.contains("<html"));
        // Edit with optimistic concurrency: a stale form is refused, nothing lost.
        let edit = format!("/clients/{id}/edit");
        let r = b.submit(&edit, &edit, &[("display_name", "Jo Renamed"), ("version", "1")]).await;
        assert_eq!(r.status(), 303);
        let r = b.submit(&edit, &edit, &[("display_name", "Stale Write"), ("version", "1")]).await;
        assert_eq!(r.status(), 409);
        assert!(b.text(&format!("/clients/{id}")).await.1.contains("Jo Renamed"));
        // Archive and restore.
        let r = b.submit(&format!("/clients/{id}"), &format!("/clients/{id}/archive"), &[]).await;
        assert_eq!(r.status(), 303);
        assert!(b.text("/clients").await.1.contains("Your caseload is empty"));
        assert!(b.text("/clients?status=archived").await.1.contains("Jo Renamed"));
        b.submit(&format!("/clients/{id}"), &format!("/clients/{id}/restore"), &[]).await;
        assert!(b.text("/clients").await.1.contains("Jo Renamed"));
        for a in [
            action::CLIENT_CREATE,
            action::CLIENT_READ,
            action::CLIENT_LIST,
            action::CLIENT_UPDATE,
            action::CLIENT_ARCHIVE,
            action::CLIENT_RESTORE,
        ] {
            assert!(app.count(a).await >= 1, "{a} audited");
        }
    })
    .await;
}

#[tokio::test]
async fn care_team_supervision_and_404_outside_access() {
    on_each_backend(|app| async move {
        app.user("a@clinic.example", Role::Clinician).await;
        let bob = app.user("b@clinic.example", Role::Clinician).await;
        let sup = app.user("sup@clinic.example", Role::Supervisor).await;
        app.user("admin@clinic.example", Role::Admin).await;
        let a = app.browser_as("a@clinic.example").await;
        let id = a.new_client("Team Client").await;
        let b = app.browser_as("b@clinic.example").await;
        let s = app.browser_as("sup@clinic.example").await;
        let admin = app.browser_as("admin@clinic.example").await;
        let record = format!("/clients/{id}");
        assert_eq!(b.get(&record).await.status(), 404, "not on the team");
        assert_eq!(s.get(&record).await.status(), 404, "not supervising anyone yet");
        assert_eq!(admin.get(&record).await.status(), 404, "admins see no clinical content");
        assert_eq!(b.get(&format!("/clients/{}", rapport_core::Id::new())).await.status(), 404);
        assert_eq!(b.get("/clients/not-an-id").await.status(), 404);
        // The admin makes sup the supervisor of a: the record becomes visible to sup.
        let a_user = app.store.user_by_email("a@clinic.example").await.unwrap().unwrap().0;
        let page = format!("/admin/users/{}", sup.id);
        let r = admin
            .submit(&page, &page, &[("name", "Sup"), ("role", "supervisor"), ("supervisees", a_user.id.as_str())])
            .await;
        assert_eq!(r.status(), 303);
        assert_eq!(s.get(&record).await.status(), 200);
        assert!(s.text("/clients").await.1.contains("Team Client"));
        // a adds b to the care team: b sees it; then b is made responsible and a removed.
        let team = format!("/clients/{id}/care-team");
        assert_eq!(a.submit(&team, &team, &[("user_id", bob.id.as_str())]).await.status(), 303);
        assert_eq!(b.get(&record).await.status(), 200);
        assert_eq!(a.submit(&team, &format!("{team}/{}/responsible", bob.id), &[]).await.status(), 303);
        assert_eq!(a.submit(&team, &format!("{team}/{}/remove", a_user.id), &[]).await.status(), 303);
        assert_eq!(a.get(&record).await.status(), 404, "a left the team");
        assert!(app.count(action::ACCESS_DENIED).await >= 5);
        assert_eq!(app.count(action::CARE_TEAM_ADD).await, 1);
        assert_eq!(app.count(action::CARE_TEAM_RESPONSIBLE).await, 1);
        assert_eq!(app.count(action::CARE_TEAM_REMOVE).await, 1);
    })
    .await;
}

#[tokio::test]
async fn only_the_responsible_clinician_or_a_supervisor_hands_over_responsibility() {
    on_each_backend(|app| async move {
        let owner = app.user("owner@clinic.example", Role::Clinician).await;
        let member = app.user("member@clinic.example", Role::Clinician).await;
        let sup = app.user("sup@clinic.example", Role::Supervisor).await;
        let o = app.browser_as("owner@clinic.example").await;
        let id = o.new_client("Team Client").await;
        let team = format!("/clients/{id}/care-team");
        assert_eq!(o.submit(&team, &team, &[("user_id", member.id.as_str())]).await.status(), 303);
        // A member cannot take responsibility to push the responsible clinician out.
        let m = app.browser_as("member@clinic.example").await;
        let (_, page) = m.text(&team).await;
        assert!(!page.contains("Make responsible"), "the member is not offered the hand-over");
        let r = m.submit(&team, &format!("{team}/{}/responsible", member.id), &[]).await;
        assert_eq!(r.status(), 403);
        assert!(r.text().await.unwrap().contains("Only the responsible clinician, or a supervisor"));
        let r = m.submit(&team, &format!("{team}/{}/remove", owner.id), &[]).await;
        assert_eq!(r.status(), 400, "the responsible clinician is never removed directly");
        let c = app.store.client_by_id(&id).await.unwrap().unwrap();
        assert_eq!(c.responsible_clinician_id, owner.id, "still responsible");
        assert_eq!(app.store.care_team(&id).await.unwrap().len(), 2, "nobody removed");
        assert_eq!(o.get(&format!("/clients/{id}")).await.status(), 200);
        assert_eq!(app.count(action::CARE_TEAM_RESPONSIBLE).await, 0);
        // The supervisor of a member may hand over, then the former responsible clinician can be removed.
        app.store
            .set_supervisees(&sup.id, std::slice::from_ref(&member.id), test_event("user.update"), &[])
            .await
            .unwrap();
        let s = app.browser_as("sup@clinic.example").await;
        assert!(s.text(&team).await.1.contains("Make responsible"));
        assert_eq!(s.submit(&team, &format!("{team}/{}/responsible", member.id), &[]).await.status(), 303);
        assert_eq!(app.store.client_by_id(&id).await.unwrap().unwrap().responsible_clinician_id, member.id);
        assert_eq!(s.submit(&team, &format!("{team}/{}/remove", owner.id), &[]).await.status(), 303);
        assert_eq!(o.get(&format!("/clients/{id}")).await.status(), 404, "the former owner left the team");
        // The responsible clinician hands over their own role.
        assert_eq!(s.submit(&team, &team, &[("user_id", owner.id.as_str())]).await.status(), 303);
        let r = m.submit(&team, &format!("{team}/{}/responsible", owner.id), &[]).await;
        assert_eq!(r.status(), 303, "the responsible clinician gives the role away");
    })
    .await;
}

#[tokio::test]
async fn break_glass_opens_a_record_with_a_reason_and_is_reviewed() {
    on_each_backend(|app| async move {
        app.user("owner@clinic.example", Role::Clinician).await;
        app.user("oncall@clinic.example", Role::Clinician).await;
        app.user("admin@clinic.example", Role::Admin).await;
        let owner = app.browser_as("owner@clinic.example").await;
        let id = owner.new_client("Crisis Client").await;
        let oncall = app.browser_as("oncall@clinic.example").await;
        assert_eq!(oncall.get(&format!("/clients/{id}")).await.status(), 404);
        assert!(oncall.text("/break-glass?q=crisis").await.1.contains("Crisis Client"));
        let form = format!("/break-glass/{id}");
        assert_eq!(oncall.submit(&form, &form, &[("reason", "short")]).await.status(), 422, "a real reason is needed");
        // Padding with spaces or zero-width characters does not make a reason.
        for padded in [
            "a         b         c",
            "x\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}\u{200B}\u{200B}\u{200B}\u{200B}\u{200B}y",
        ] {
            let r = oncall.submit(&form, &form, &[("reason", padded)]).await;
            assert_eq!(r.status(), 422, "{padded:?} has fewer than 10 visible characters");
            assert!(r.text().await.unwrap().contains("invisible characters do not count"));
        }
        assert_eq!(app.store.break_glass_log(10).await.unwrap().len(), 0, "no grant from an invisible reason");
        assert_eq!(oncall.get(&format!("/clients/{id}")).await.status(), 404);
        let r = oncall.submit(&form, &form, &[("reason", "Client phoned the crisis line; owner is on leave")]).await;
        assert_eq!(r.status(), 303);
        let (s, page) = oncall.text(&format!("/clients/{id}")).await;
        assert_eq!(s, 200);
        assert!(page.contains("Emergency access."));
        let admin = app.browser_as("admin@clinic.example").await;
        let (_, reviews) = admin.text("/admin/break-glass").await;
        assert!(reviews.contains("owner is on leave") && reviews.contains("Waiting for review"));
        assert_eq!(admin.get("/break-glass").await.status(), 403, "admins do not break glass");
        let row = app.store.break_glass_log(10).await.unwrap().remove(0);
        let r = admin
            .submit(
                "/admin/break-glass",
                &format!("/admin/break-glass/{}/review", row.id),
                &[("note", "Confirmed with the on-call rota")],
            )
            .await;
        assert_eq!(r.status(), 303);
        assert_eq!(app.store.count_unreviewed_break_glass().await.unwrap(), 0);
        assert_eq!(app.count(action::BREAK_GLASS).await, 1);
        assert_eq!(app.count(action::BREAK_GLASS_REVIEW).await, 1);
    })
    .await;
}

#[tokio::test]
async fn audit_log_page_csv_and_tamper_detection() {
    on_each_backend(|app| async move {
        app.user("admin@clinic.example", Role::Admin).await;
        app.user("c@clinic.example", Role::Clinician).await;
        let c = app.browser_as("c@clinic.example").await;
        let id = c.new_client("=HYPERLINK(\"x\")").await;
        c.get(&format!("/clients/{id}")).await;
        Browser::new(&app).login("c@clinic.example", "wrong password here").await;
        let admin = app.browser_as("admin@clinic.example").await;
        let (s, page) = admin.text(&format!("/admin/audit?client_id={id}")).await;
        assert_eq!(s, 200);
        assert!(page.contains(action::CLIENT_CREATE) && page.contains(action::CLIENT_READ));
        let (s, page) = admin.text("/admin/audit?action=auth.login_failed").await;
        assert_eq!(s, 200);
        assert!(page.contains("wrong password"));
        assert_eq!(
            admin.get("/admin/audit?from=yesterday").await.status(),
            200,
            "bad filter shows an error, not a crash"
        );
        let csv = admin.get(&format!("/admin/audit.csv?client_id={id}")).await;
        assert_eq!(csv.headers()["content-type"], "text/csv; charset=utf-8");
        let text = csv.text().await.unwrap();
        assert!(text.starts_with("seq,time_utc,actor_id,actor,action"));
        assert!(text.lines().count() >= 3);
        assert_eq!(c.get("/admin/audit").await.status(), 403);
        assert!(app.store.audit_verify().await.is_ok());

        // The database itself refuses to change or delete an entry...
        let mut conn = sqlx::AnyConnection::connect(&app.db_url).await.unwrap();
        for sql in ["UPDATE audit_log SET detail = 'forged' WHERE seq = 3", "DELETE FROM audit_log WHERE seq = 2"] {
            let err = sqlx::query(sql).execute(&mut conn).await.unwrap_err().to_string();
            assert!(err.contains("append-only"), "{sql}: {err}");
        }
        // ...so drop its guards, as an owner of the database could, and edit one
        // row behind the application's back: verification names it.
        app.drop_audit_triggers().await;
        let original: Option<String> =
            sqlx::query_scalar("SELECT detail FROM audit_log WHERE seq = 3").fetch_one(&mut conn).await.unwrap();
        sqlx::query("UPDATE audit_log SET detail = 'forged' WHERE seq = 3").execute(&mut conn).await.unwrap();
        let err = app.store.audit_verify().await.unwrap_err().to_string();
        assert!(err.contains("entry 3"), "{err}");
        sqlx::query("UPDATE audit_log SET detail = $1 WHERE seq = 3").bind(original).execute(&mut conn).await.unwrap();
        assert!(app.store.audit_verify().await.is_ok(), "restored row verifies again");
        // Deleting a row is detected too.
        sqlx::query("DELETE FROM audit_log WHERE seq = 2").execute(&mut conn).await.unwrap();
        let err = app.store.audit_verify().await.unwrap_err().to_string();
        assert!(err.contains("entry 3") && err.contains("expected entry 2"), "{err}");
    })
    .await;
}

#[tokio::test]
async fn the_audit_csv_carries_a_signed_checkpoint_of_the_head() {
    use rapport_core::checkpoint::{Checkpoint, CheckpointKey};
    let key = CheckpointKey::from_bytes([4; 32]);
    for b in backends() {
        let config = rapport_web::Config { audit_checkpoint_key: Some(key.clone()), ..Default::default() };
        let app = TestApp::spawn(b, config).await;
        app.user("admin@clinic.example", Role::Admin).await;
        let admin = app.browser_as("admin@clinic.example").await;
        let r = admin.get("/admin/audit.csv").await;
        assert_eq!(r.status(), 200);
        let header = r.headers()["x-rapport-audit-checkpoint"].to_str().unwrap().to_string();
        let text = r.text().await.unwrap();
        let c = Checkpoint::parse_json(&header).unwrap();
        assert!(c.mac_is_valid(&key), "signed with the server's key");
        assert!(!c.mac_is_valid(&CheckpointKey::from_bytes([5; 32])));
        let (seq, hash) = app.store.audit_head().await.unwrap();
        assert_eq!((c.seq, c.hash.as_str()), (seq, hash.as_str()), "the head after the export");
        // The body stays plain CSV: every row has the header's 14 columns.
        let mut rows = csv::Reader::from_reader(text.as_bytes());
        assert_eq!(rows.headers().unwrap().len(), 14);
        assert!(rows.records().all(|r| r.unwrap().len() == 14));
        let anchors = rapport_core::checkpoint::read_checkpoints(&header, &key).unwrap();
        assert_eq!(app.store.audit_verify_anchored(anchors).await.unwrap(), seq as u64);
    }
    // Without a key the export has no such header.
    let app = TestApp::spawn(Backend::Sqlite, rapport_web::Config::default()).await;
    app.user("admin@clinic.example", Role::Admin).await;
    let r = app.browser_as("admin@clinic.example").await.get("/admin/audit.csv").await;
    assert!(r.headers().get("x-rapport-audit-checkpoint").is_none());
}

/// Walks through every audited action once and checks each left its entry,
/// with who, when, where from and the outcome.
#[tokio::test]
async fn every_audited_action_leaves_an_entry() {
    let app = TestApp::spawn(
        Backend::Sqlite,
        rapport_web::Config { settings_ttl: std::time::Duration::ZERO, ..Default::default() },
    )
    .await;
    // First-run setup.
    let page = app.setup_page(time::Duration::hours(1)).await;
    let anon = Browser::new(&app);
    let r = anon
        .submit(
            &page,
            &page,
            &[
                ("org_name", "Audit Clinic"),
                ("country", "New Zealand"),
                ("name", "Root"),
                ("email", "root@clinic.example"),
                ("password", PASSWORD),
                ("password_confirm", PASSWORD),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let admin = app.browser_as("root@clinic.example").await;
    // Users: create two clinicians through the UI, edit, deactivate, reactivate.
    for email in ["x@clinic.example", "y@clinic.example"] {
        let r = admin
            .submit(
                "/admin/users/new",
                "/admin/users/new",
                &[("email", email), ("name", "Clin"), ("role", "clinician"), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(r.status(), 303, "{email}");
    }
    let y = app.store.user_by_email("y@clinic.example").await.unwrap().unwrap().0;
    let edit = format!("/admin/users/{}", y.id);
    assert_eq!(admin.submit(&edit, &edit, &[("name", "Clin Y"), ("role", "clinician")]).await.status(), 303);
    assert_eq!(admin.submit("/admin/users", &format!("{edit}/deactivate"), &[]).await.status(), 303);
    assert_eq!(admin.submit("/admin/users", &format!("{edit}/reactivate"), &[]).await.status(), 303);
    let r = admin
        .submit(
            "/admin/settings",
            "/admin/settings",
            &[
                ("name", "Audit Clinic"),
                ("idle_timeout_minutes", "20"),
                ("absolute_lifetime_hours", "10"),
                ("break_glass_hours", "2"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let r = admin
        .submit("/admin/adaptations", "/admin/adaptations", &[("scope", "organisation"), ("adaptation", "who-plain")])
        .await;
    assert_eq!(r.status(), 303);
    // Clinical work by x.
    let x = app.browser_as("x@clinic.example").await;
    // Measures and the risk loop (API), and the escalation job; before the token
    // and client actions below, whose newer entries carry the browser's address.
    let xuser = app.store.user_by_email("x@clinic.example").await.unwrap().unwrap().0;
    crate::measures::exercise_every_action(&app, &xuser).await;
    crate::reminders::exercise_every_action(&app, &xuser).await;
    crate::groups::exercise_every_action(&app, &admin).await;
    crate::supervision::exercise_every_action(&app, &admin).await;
    let id = x.new_client("Audit Client").await;
    let rec = format!("/clients/{id}");
    x.get(&rec).await;
    x.get("/clients").await;
    crate::portal::exercise_every_action(&x, &rec).await;
    crate::client_portal::exercise_every_action(&app, &x, id.as_str()).await;
    // An IPT course: create, read, checklist, sessions, contract, status.
    let course = x.new_course(id.as_str(), &[("protocol", "ipt-individual")]).await;
    x.get(&course).await;
    x.submit(&course, &format!("{course}/checklist/sick_role"), &[]).await;
    // The course starts today; its first session is today too.
    let r = x.submit(&course, &format!("{course}/sessions"), &[("date", &today()), ("attendance", "attended")]).await;
    let session = location(&r).rsplit("#session-").next().unwrap().to_string();
    x.submit(
        &course,
        &format!("{course}/sessions/{session}/attendance"),
        &[("attendance", "no_show"), ("version", "1")],
    )
    .await;
    // Session notes: the session page, a draft, signing, an addendum, the private process note.
    let sp = format!("{course}/sessions/{session}");
    x.get(&sp).await;
    x.submit(&sp, &format!("{sp}/note"), &[("version", "0"), ("plan", "p")]).await;
    // A risk concern raised from the session page, then the note signed with
    // "Risk identified": it joins that open flag (risk_flag.link).
    let concern = format!("{rec}/risk-flags/new?session={session}");
    let r = x
        .submit(
            &concern,
            &format!("{rec}/risk-flags"),
            &[("detail", "Said life is pointless"), ("session_id", &session)],
        )
        .await;
    assert_eq!(r.status(), 303);
    let r = x
        .submit(
            &sp,
            &format!("{sp}/note/sign"),
            &[("version", "1"), ("risk", "identified"), ("risk_detail", "Passive thoughts"), ("plan", "p")],
        )
        .await;
    assert_eq!(r.status(), 303);
    x.submit(&sp, &format!("{sp}/note/addenda"), &[("text", "later")]).await;
    x.submit(&sp, &format!("{sp}/process-note"), &[("version", "0"), ("text", "mine")]).await;
    x.submit(&sp, &format!("{sp}/process-note/share"), &[("shared", "false")]).await;
    let course_id = rapport_core::Id::parse(course.trim_start_matches("/courses/")).unwrap();
    let version = app.store.course(&course_id).await.unwrap().unwrap().version.to_string();
    x.submit(
        &course,
        &format!("{course}/contract"),
        &[("planned_sessions", "14"), ("reason", "agreed"), ("version", &version)],
    )
    .await;
    let ending = format!("{course}/ending");
    x.submit(&ending, &ending, &[("coping_plan", "Call a friend"), ("version", "0")]).await;
    x.submit(&ending, &ending, &[("coping_plan", "Call a friend or my sister"), ("version", "1")]).await;
    // Structured records (the inventory): create, read, update, remove.
    let people = format!("{course}/inventory/people");
    let fields = [("display_name", "Sam"), ("relationship", "partner"), ("ring", "inner")];
    let r = x.submit(&format!("{people}/new"), &format!("{people}/new"), &fields).await;
    let person = format!("{people}/{}", location(&r).rsplit("#person-").next().unwrap());
    x.submit(&person, &person, &[fields[0], fields[1], ("ring", "middle"), ("version", "1")]).await;
    x.submit(&person, &format!("{person}/remove"), &[("version", "2")]).await;
    // A structured record: timeline event added, read, changed, removed.
    let tl = format!("{course}/timeline");
    let r =
        x.submit(&tl, &tl, &[("date", "2025"), ("category", "move"), ("title", "Moved"), ("episode", "none")]).await;
    let ev = location(&r).rsplit("#event-").next().unwrap().to_string();
    x.get(&format!("{tl}/{ev}")).await;
    let edit = format!("{tl}/{ev}");
    x.submit(
        &edit,
        &edit,
        &[("date", "2024"), ("category", "move"), ("title", "Moved"), ("episode", "none"), ("version", "1")],
    )
    .await;
    x.submit(&edit, &format!("{edit}/remove"), &[("version", "2")]).await;
    x.submit(
        &course,
        &format!("{course}/status"),
        &[
            ("status", "completed"),
            ("skip_review_reason", "Audit walk"),
            ("confirm_no_end_measure", "yes"),
            ("no_end_measure_reason", "Audit walk"),
        ],
    )
    .await;
    let version = x.field(&format!("{rec}/edit"), "version").await;
    x.submit(
        &format!("{rec}/edit"),
        &format!("{rec}/edit"),
        &[("display_name", "Audit Client 2"), ("version", &version)],
    )
    .await;
    x.submit(&rec, &format!("{rec}/archive"), &[]).await;
    x.submit(&rec, &format!("{rec}/restore"), &[]).await;
    let team = format!("{rec}/care-team");
    x.get(&team).await;
    x.submit(&team, &team, &[("user_id", y.id.as_str())]).await;
    x.submit(&team, &format!("{team}/{}/responsible", y.id), &[]).await;
    let xid = app.store.user_by_email("x@clinic.example").await.unwrap().unwrap().0.id;
    x.submit(&team, &format!("{team}/{xid}/remove"), &[]).await;
    // x is now outside the team: denied; then breaks the glass, which an admin reviews.
    assert_eq!(x.get(&rec).await.status(), 404);
    let bg = format!("/break-glass/{id}");
    x.submit(&bg, &bg, &[("reason", "Covering a crisis call for this client")]).await;
    let row = app.store.break_glass_log(5).await.unwrap().remove(0);
    admin.submit("/admin/break-glass", &format!("/admin/break-glass/{}/review", row.id), &[("note", "ok")]).await;
    // Tokens, sessions, password, audit export, failed and throttled logins, logout.
    let r = x.submit("/account", "/account/tokens", &[("name", "script")]).await;
    assert_eq!(r.status(), 200);
    let tok = app.store.tokens_of(&xid).await.unwrap().remove(0);
    x.submit("/account", &format!("/account/tokens/{}/revoke", tok.id), &[]).await;
    let _second = app.browser_as("x@clinic.example").await;
    x.submit("/account", "/account/sessions/end-others", &[]).await;
    let new = "another calm passphrase";
    x.submit(
        "/account",
        "/account/password",
        &[("current_password", PASSWORD), ("new_password", new), ("new_password_confirm", new)],
    )
    .await;
    admin.get("/admin/audit.csv").await;
    let guesser = Browser::new(&app);
    for _ in 0..6 {
        guesser.login("y@clinic.example", "not the password!").await;
    }
    // Two-step verification: enrol, fail, recovery code, new codes, disable; and an admin reset.
    x.get("/account/mfa").await;
    let secret = app.store.mfa_state(&xid).await.unwrap().pending_secret.unwrap();
    let code = rapport_app::mfa::code_at(&secret, rapport_app::mfa::unix_now()).unwrap();
    let page = x.submit("/account/mfa", "/account/mfa/enable", &[("code", &code)]).await.text().await.unwrap();
    let start = page.find("id=\"recovery-codes\">").unwrap() + 20;
    let recovery = page[start..start + 11].to_string();
    let second = Browser::new(&app);
    second.login("x@clinic.example", new).await;
    second.submit("/login/verify", "/login/verify", &[("code", "999999")]).await;
    second.submit("/login/verify", "/login/verify", &[("code", &recovery)]).await;
    // A wrong current password is audited (and throttled), then the right one.
    let r = x.submit("/account/mfa", "/account/mfa/recovery-codes", &[("current_password", "not my password")]).await;
    assert_eq!(r.status(), 422);
    x.submit("/account/mfa", "/account/mfa/recovery-codes", &[("current_password", new)]).await;
    x.submit("/account/mfa", "/account/mfa/disable", &[("current_password", new)]).await;
    admin.submit("/admin/users", &format!("/admin/users/{}/reset-mfa", y.id), &[]).await;
    // Deactivating y, now responsible for Audit Client (open risk flag), is
    // refused; an administrator hands the client to x and deactivates y.
    let r = admin.submit("/admin/users", &format!("/admin/users/{}/deactivate", y.id), &[]).await;
    assert_eq!(r.status(), 409);
    let page = format!("/admin/users/{}/reassign", y.id);
    let r = admin.submit(&page, &page, &[("to_all", xid.as_str()), ("deactivate", "yes")]).await;
    assert_eq!(r.status(), 303);
    // The calendar, the feed's address, its naming and one read of the feed.
    x.get("/calendar").await;
    x.submit("/account", "/account/calendar-names", &[("full_names", "yes")]).await;
    // Their interface language (saved to the account).
    x.submit("/account", "/language", &[("language", "en")]).await;
    let page = x.submit("/account", "/account/calendar-feed", &[]).await.text().await.unwrap();
    let start = page.find("id=\"new-feed-url\">").unwrap() + 18;
    let feed = page[start..start + page[start..].find('<').unwrap()].to_string();
    assert_eq!(http_client(false).get(&feed).send().await.unwrap().status(), 200);
    // Kiosk mode: a PIN, a hand-over, a wrong PIN, then the right one.
    let r = x
        .submit("/account", "/account/kiosk-pin", &[("pin", "2580"), ("pin_confirm", "2580"), ("pin_password", new)])
        .await;
    assert_eq!(r.status(), 303);
    let kiosk = format!("{rec}/kiosk");
    assert_eq!(x.submit(&kiosk, &kiosk, &[("instruments", "gad7")]).await.status(), 303);
    assert_eq!(x.submit("/kiosk/unlock", "/kiosk/unlock", &[("pin", "1357")]).await.status(), 401);
    assert_eq!(x.submit("/kiosk/unlock", "/kiosk/unlock", &[("pin", "2580")]).await.status(), 303);
    // A course document as PDF (the summary).
    assert_eq!(x.get(&format!("{course}/summary.pdf")).await.status(), 200);
    // Programme outcomes: the administrator reads the dashboard and downloads its breakdown.
    assert_eq!(admin.get("/reports").await.status(), 200);
    assert_eq!(admin.get("/reports/outcomes.csv?group_by=protocol").await.status(), 200);
    // The research export (a pseudonymised ZIP), with its purpose recorded.
    let r = admin
        .submit(
            "/reports/research-export",
            "/reports/research-export",
            &[("purpose", "Audit walk"), ("approval", "REC 1")],
        )
        .await;
    assert_eq!(r.status(), 200);
    r.bytes().await.unwrap();
    let csrf = x.csrf_from("/account").await;
    x.post_form("/logout", &[("csrf", &csrf)]).await;

    // A machine client registered, its token, a refused assertion and a Bulk Data export.
    crate::bulk::audit_walk(&app, &admin).await;

    // A bulk import (a command-line job, so the system's).
    app.store.import_courses(&crate::import::sample(&y.id).0, crate::import::import_event()).await.unwrap();

    let entries =
        app.store.audit_entries(&rapport_store::AuditFilter { limit: 10_000, ..Default::default() }).await.unwrap();
    for a in action::ALL {
        let e = entries.iter().find(|e| e.event.action == *a).unwrap_or_else(|| panic!("no audit entry for {a}"));
        assert!(!e.event.actor_label.is_empty(), "{a}: who");
        if action::SYSTEM.contains(a) {
            // Background jobs act as "system", from no address.
            assert_eq!(e.event.actor_label, "system", "{a}: who");
        } else {
            assert!(e.event.ip.as_deref() == Some("127.0.0.1"), "{a}: from where ({:?})", e.event.ip);
        }
        assert!(["success", "denied", "failure"].contains(&e.event.outcome.as_str()), "{a}: outcome");
    }
    let read = entries.iter().find(|e| e.event.action == action::CLIENT_READ).unwrap();
    assert_eq!(read.event.client_id.as_deref(), Some(id.as_str()));
    assert_eq!(read.event.user_agent.as_deref(), Some("rapport-tests"));
    assert!(app.store.audit_verify().await.is_ok());
}

/// The `detail` of the latest audit entry with `action`.
async fn last_detail(app: &TestApp, action: &str) -> String {
    let last = app.audit_entries(action).await.into_iter().max_by_key(|e| e.seq).expect("an entry");
    last.event.detail.unwrap_or_default()
}

#[tokio::test]
async fn list_views_audit_which_clients_they_showed() {
    on_each_backend(|app| async move {
        let me = app.user("lists@clinic.example", Role::Clinician).await;
        app.user("else@clinic.example", Role::Clinician).await;
        let b = app.browser_as("lists@clinic.example").await;
        let mut mine = Vec::new();
        for name in ["Alex Searchable", "Billie Searchable", "Casey Other"] {
            mine.push(b.new_client(name).await);
        }
        let other = app.browser_as("else@clinic.example").await;
        let unseen = other.new_client("Dana Searchable").await;
        // The caseload search names exactly the clients it listed.
        assert_eq!(b.get("/clients?q=searchable").await.status(), 200);
        let d = last_detail(&app, action::CLIENT_LIST).await;
        assert!(d.contains(mine[0].as_str()) && d.contains(mine[1].as_str()), "{d}");
        assert!(!d.contains(mine[2].as_str()) && !d.contains(unseen.as_str()), "{d}");
        // The API's client list too.
        let api = Api::new(&app, &me).await;
        let (s, listed) = api.get("/api/v1/clients?q=Billie").await;
        assert_eq!(s, 200, "{listed}");
        assert_eq!(listed.as_array().map(Vec::len), Some(1), "{listed}");
        let d = last_detail(&app, action::CLIENT_LIST).await;
        assert!(d.contains(&format!("clients shown: {}", mine[1])), "{d}");
        // Risk-flag lists, on the page and through the API.
        api.create(
            &format!("/api/v1/clients/{}/risk-flags", mine[2]),
            serde_json::json!({"detail": "Said they felt unsafe at home"}),
        )
        .await;
        assert_eq!(b.get("/risk-flags").await.status(), 200);
        let d = last_detail(&app, action::RISK_FLAG_LIST).await;
        assert!(d.contains(&format!("clients shown: {}", mine[2])), "{d}");
        let (s, flags) = api.get("/api/v1/risk-flags").await;
        assert_eq!(s, 200, "{flags}");
        let d = last_detail(&app, action::RISK_FLAG_LIST).await;
        assert!(d.contains("via API") && d.contains(&format!("clients shown: {}", mine[2])), "{d}");
        // The emergency-access search names the clients it offered.
        assert!(b.text("/break-glass?q=dana").await.1.contains("Dana Searchable"));
        let d = last_detail(&app, action::CLIENT_LIST).await;
        assert!(d.contains("emergency-access search") && d.contains(unseen.as_str()), "{d}");
    })
    .await;
}
