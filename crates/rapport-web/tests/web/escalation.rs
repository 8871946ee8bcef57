//! The risk loop without holes (issue 10, parts 5 to 7) over HTTP, on each
//! database: escalation steps at their times with a controlled clock (the
//! store's job called with a `now` in the future), clinician-identified risk in
//! the loop, and nobody left without a responsible clinician.

use crate::support::*;
use rapport_core::access::Role;
use rapport_core::audit::action;
use rapport_core::{Id, Timestamp};
use rapport_store::escalation::EscalationStep;
use reqwest::Method as M;
use serde_json::json;
use time::Duration;

fn h(hours: i64, minutes: i64) -> Duration {
    Duration::hours(hours) + Duration::minutes(minutes)
}

/// (deadline, step, routed_to) of each step taken.
fn shape(steps: &[EscalationStep]) -> Vec<(String, i64, String)> {
    steps.iter().map(|s| (s.deadline.as_str().to_string(), s.step, s.routed_to.clone())).collect()
}

fn step(d: &str, n: i64, to: &str) -> (String, i64, String) {
    (d.to_string(), n, to.to_string())
}

const RISKY: [i64; 9] = [0, 0, 0, 0, 0, 0, 0, 0, 2];

async fn raise(app: &TestApp, token: &str, client: &str) -> (Id, Timestamp) {
    let (s, r) = post_response(app, token, client, json!({"instrument": "phq9", "answers": RISKY})).await;
    assert_eq!(s, 201, "{r}");
    let flag = Id::parse(r["risk_flag_id"].as_str().unwrap()).unwrap();
    let raised = app.store.risk_flag(&flag).await.unwrap().unwrap().raised_at;
    (flag, raised)
}

/// Outbox rows of a flag: (kind, recipient), in any order.
async fn told(app: &TestApp, flag: &Id) -> Vec<(String, Option<Id>)> {
    let mut v: Vec<_> = app
        .store
        .outbox(500)
        .await
        .unwrap()
        .into_iter()
        .filter(|o| o.risk_flag_id.as_deref() == Some(flag.as_str()))
        .map(|o| (o.kind, o.recipient_user_id))
        .collect();
    v.sort();
    v
}

#[tokio::test]
async fn steps_come_at_their_times_once_and_acknowledging_does_not_stop_the_assessment_clock() {
    on_each_backend(|app| async move {
        let admin = app.user("esc-admin@clinic.example", Role::Admin).await;
        let alice = app.user("esc-alice@clinic.example", Role::Clinician).await;
        let sup = app.user("esc-sup@clinic.example", Role::Supervisor).await;
        let duty = app.user("esc-duty@clinic.example", Role::Clinician).await;
        app.store
            .set_supervisees(&sup.id, std::slice::from_ref(&alice.id), test_event("user.update"), &[])
            .await
            .unwrap();

        // Settings: bad values are refused naming the field, and nothing changes.
        let a = app.browser_as("esc-admin@clinic.example").await;
        let base = [
            ("name", "Escalation Clinic"),
            ("idle_timeout_minutes", "30"),
            ("absolute_lifetime_hours", "12"),
            ("break_glass_hours", "4"),
            ("crisis_resources", "Samaritans 116 123"),
        ];
        let with = |extra: &[(&'static str, &str)]| -> Vec<(String, String)> {
            base.iter().chain(extra.iter()).map(|(k, v)| (k.to_string(), v.to_string())).collect()
        };
        for (field, bad) in [
            ("risk_acknowledgement_hours", with(&[("risk_acknowledgement_hours", "0")])),
            ("risk_assessment_hours", with(&[("risk_assessment_hours", "73")])),
            ("duty_clinician_id", with(&[("duty_clinician_id", admin.id.as_str())])),
        ] {
            let form: Vec<(&str, &str)> = bad.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let r = a.submit("/admin/settings", "/admin/settings", &form).await;
            assert_eq!(r.status(), 422, "{field}");
            assert!(r.text().await.unwrap().contains(&format!("id=\"{field}-error\"")), "{field} named");
        }
        let org = app.store.organisation().await.unwrap();
        assert_eq!((org.risk_acknowledgement_hours, org.risk_assessment_hours, org.duty_clinician_id), (4, 24, None));
        let good = with(&[
            ("risk_acknowledgement_hours", "4"),
            ("risk_assessment_hours", "24"),
            ("duty_clinician_id", duty.id.as_str()),
        ]);
        let form: Vec<(&str, &str)> = good.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        assert_eq!(a.submit("/admin/settings", "/admin/settings", &form).await.status(), 303);
        assert_eq!(app.store.organisation().await.unwrap().duty_clinician_id, Some(duty.id.clone()));

        let t = app.token_for(&alice).await;
        let c = new_client(&app, &t, "Escalated Person").await;
        let (flag, r) = raise(&app, &t, &c).await;
        let run = |at: Duration| {
            let store = app.store.clone();
            async move { store.escalate_overdue_risk_flags(r.plus(at), None).await.unwrap() }
        };
        // Acknowledgement deadline 4 h: supervisors at 4 h, not a minute before, once.
        assert!(run(h(3, 59)).await.is_empty());
        let s = run(h(4, 0)).await;
        assert_eq!(shape(&s), [step("acknowledgement", 1, "supervisors")]);
        assert_eq!(s[0].recipients, std::slice::from_ref(&sup.id));
        assert_eq!(s[0].due_at, r.plus(h(4, 0)));
        assert!(run(h(4, 30)).await.is_empty(), "not repeated");
        // Acknowledged (now, before the 8-hour duty step): the acknowledgement chain stops...
        let b = app.browser_as("esc-alice@clinic.example").await;
        let fp = format!("/risk-flags/{flag}");
        assert_eq!(b.submit(&fp, &format!("{fp}/acknowledge"), &[]).await.status(), 303);
        assert!(run(h(8, 0)).await.is_empty());
        assert!(run(h(23, 59)).await.is_empty());
        // ...but not the assessment clock: supervisors at 24 h, the duty clinician at 48 h,
        // then reminders to everyone every 24 h.
        assert_eq!(shape(&run(h(24, 0)).await), [step("assessment", 1, "supervisors")]);
        assert!(run(h(47, 59)).await.is_empty());
        let s = run(h(48, 0)).await;
        assert_eq!(shape(&s), [step("assessment", 2, "duty_clinician")]);
        assert_eq!(s[0].recipients, std::slice::from_ref(&duty.id));
        let s = run(h(72, 0)).await;
        assert_eq!(shape(&s), [step("assessment", 3, "responsible+supervisors+duty_clinician")]);
        let mut to = s[0].recipients.clone();
        to.sort();
        let mut want = vec![alice.id.clone(), sup.id.clone(), duty.id.clone()];
        want.sort();
        assert_eq!(to, want);
        assert!(run(h(72, 0)).await.is_empty(), "the reminder is not repeated within its interval");
        let mut kinds: Vec<String> = told(&app, &flag).await.into_iter().map(|(k, _)| k).collect();
        kinds.dedup();
        assert_eq!(
            kinds,
            ["risk_flag_escalated", "risk_flag_escalated_duty", "risk_flag_raised", "risk_flag_reminder"],
            "one kind per step"
        );
        assert_eq!(app.count(action::RISK_FLAG_ESCALATE).await, 3);
        assert_eq!(app.count(action::RISK_FLAG_REMIND).await, 1);

        // The history is on the flag page; the supervisor sees it too.
        let (_, html) = app.browser_as("esc-sup@clinic.example").await.text(&fp).await;
        assert_eq!(html.matches("in time, step ").count(), 4, "four steps listed");
        assert!(html.contains("Not assessed in time, step 2 (duty cover): sent to the duty clinician"), "{html}");
        assert!(!html.contains("duty_clinician"), "no raw route id on the page");

        // Assessed: nothing more, whatever the clock says.
        let assessment = json!({
            "ideation": "passive", "plan": "none", "intent": "none", "means": "none", "history": "none",
            "protective_factors": "family", "risk_level": "low", "screening_tool": "none"
        });
        let (s, _) = call(&app, M::POST, &format!("/api/v1/risk-flags/{flag}/assessments"), &t, Some(assessment)).await;
        assert_eq!(s, 201);
        assert!(run(h(200, 0)).await.is_empty());
        let f = app.store.risk_flag(&flag).await.unwrap().unwrap();
        assert!(f.assessed_at.is_some() && f.escalated_to.as_deref() == Some(sup.id.as_str()));
    })
    .await;
}

#[tokio::test]
async fn the_dashboard_shows_both_timings_and_puts_overdue_flags_first() {
    on_each_backend(|app| async move {
        let alice = app.user("dash-alice@clinic.example", Role::Clinician).await;
        let sup = app.user("dash-sup@clinic.example", Role::Supervisor).await;
        app.store
            .set_supervisees(&sup.id, std::slice::from_ref(&alice.id), test_event("user.update"), &[])
            .await
            .unwrap();
        let t = app.token_for(&alice).await;
        let fresh = new_client(&app, &t, "Fresh Flag").await;
        let late = new_client(&app, &t, "Late Flag").await;
        let (_, _) = raise(&app, &t, &fresh).await;
        let (old, _) = raise(&app, &t, &late).await;
        // The second flag was raised 30 hours ago and acknowledged after 5.
        let raised = Timestamp::now().minus(h(30, 0));
        let acked = raised.plus(h(5, 0));
        let n = app
            .sql(
                "UPDATE risk_flags SET raised_at = $1, acknowledged_at = $2, acknowledged_by = $3, \
                 status = 'acknowledged' WHERE id = $4",
                &[&raised.to_db(), &acked.to_db(), alice.id.as_str(), old.as_str()],
            )
            .await;
        assert_eq!(n, 1);
        let (s, html) = app.browser_as("dash-sup@clinic.example").await.text("/risk-flags").await;
        assert_eq!(s, 200);
        assert!(html.contains("1 overdue"), "{html}");
        let (late_at, fresh_at) = (html.find("Late Flag").unwrap(), html.find("Fresh Flag").unwrap());
        assert!(late_at < fresh_at, "the overdue flag is listed first although it is not the oldest by name");
        assert!(html.contains("5 h 0 min (deadline 4 h: late)"), "time to acknowledgement, late: {html}");
        assert!(html.contains("waiting 30 h 0 min: overdue by 6 h 0 min (deadline 24 h)"), "{html}");
        assert!(html.contains("left (deadline 4 h)"), "the fresh flag still has time");
        assert!(html.contains("data-overdue=\"yes\""));
        // The flag page shows the same timings.
        let (_, page) = app.browser_as("dash-alice@clinic.example").await.text(&format!("/risk-flags/{old}")).await;
        assert!(
            page.contains("data-testid=\"assess-timing\"><span class=\"badge badge-risk\">overdue</span>"),
            "{page}"
        );
    })
    .await;
}

#[tokio::test]
async fn an_inactive_responsible_clinician_sends_flags_straight_up_and_closing_stops_the_chain() {
    on_each_backend(|app| async move {
        let admin = app.user("in-admin@clinic.example", Role::Admin).await;
        let bob = app.user("in-bob@clinic.example", Role::Clinician).await;
        let carol = app.user("in-carol@clinic.example", Role::Clinician).await;
        let sup = app.user("in-sup@clinic.example", Role::Supervisor).await;
        let duty = app.user("in-duty@clinic.example", Role::Clinician).await;
        app.store
            .set_supervisees(&sup.id, std::slice::from_ref(&carol.id), test_event("user.update"), &[])
            .await
            .unwrap();
        // The duty clinician is set but inactive: the administrators stand in.
        let mut org = app.store.organisation().await.unwrap();
        org.duty_clinician_id = Some(duty.id.clone());
        app.store.update_organisation(&org, test_event(action::SETTINGS_UPDATE)).await.unwrap();
        app.store.set_user_active(&duty.id, false, test_event(action::USER_DEACTIVATE)).await.unwrap();
        let tb = app.token_for(&bob).await;
        let tc = app.token_for(&carol).await;
        let cb = Id::parse(&new_client(&app, &tb, "Bob's Client").await).unwrap();
        let cc = Id::parse(&new_client(&app, &tc, "Carol's Client").await).unwrap();
        // No open work: both may be deactivated.
        app.store.set_user_active(&bob.id, false, test_event(action::USER_DEACTIVATE)).await.unwrap();
        app.store.set_user_active(&carol.id, false, test_event(action::USER_DEACTIVATE)).await.unwrap();
        // Answers still arrive (a measure link): nobody would see the flags.
        let phq9 = rapport_core::measures::Library::builtin().get("phq9").unwrap().clone();
        let answers: Vec<Option<i64>> = RISKY.into_iter().map(Some).collect();
        let link = |client: &Id| rapport_store::measures::NewResponse {
            client_id: client.clone(),
            course_id: None,
            score: rapport_core::measures::score(&phq9, &answers).unwrap(),
            unscored_answers: None,
            completed_at: Timestamp::now(),
            entered_by: None,
            mode: rapport_store::measures::Mode::Link,
            group_session_id: None,
        };
        let fb = app
            .store
            .record_response(&link(&cb), test_event(action::MEASURE_RECORD))
            .await
            .unwrap()
            .risk_flag_id
            .unwrap();
        let fc = app
            .store
            .record_response(&link(&cc), test_event(action::MEASURE_RECORD))
            .await
            .unwrap()
            .risk_flag_id
            .unwrap();
        // At raise time: no supervisor and no active duty clinician → the administrators;
        // carol's supervisor for hers. The inactive clinicians are not told.
        assert_eq!(told(&app, &fb).await, [("risk_flag_escalated_no_supervisor".into(), Some(admin.id.clone()))]);
        assert_eq!(told(&app, &fc).await, [("risk_flag_escalated".into(), Some(sup.id.clone()))]);
        let hist = app.store.risk_escalations(&fb).await.unwrap();
        assert_eq!(hist.len(), 1);
        assert_eq!((hist[0].step.step, hist[0].step.routed_to.as_str()), (1, "administrators"));
        let rb = app.store.risk_flag(&fb).await.unwrap().unwrap().raised_at;
        let rc = app.store.risk_flag(&fc).await.unwrap().unwrap().raised_at;
        // The job does not take step 1 again; step 2 comes one interval (4 h) after raising.
        assert!(app.store.escalate_overdue_risk_flags(rb.plus(h(3, 59)), None).await.unwrap().is_empty());
        // Carol's flag is closed between the steps: handled by the supervisor.
        let ts = app.token_for(&sup).await;
        let assessment = json!({
            "ideation": "none", "plan": "none", "intent": "none", "means": "none", "history": "none",
            "protective_factors": "family", "risk_level": "low", "screening_tool": "none"
        });
        let (s, a) = call(&app, M::POST, &format!("/api/v1/risk-flags/{fc}/assessments"), &ts, Some(assessment)).await;
        assert_eq!(s, 201, "{a}");
        let plan = json!({"warning_signs": "withdrawing", "professionals": "GP"});
        let (s, p) = call(&app, M::POST, &format!("/api/v1/clients/{cc}/safety-plans"), &ts, Some(plan)).await;
        assert_eq!(s, 201, "{p}");
        let body = json!({"assessment_id": a["id"], "safety_plan_id": p["id"], "note": "seen same day"});
        assert_eq!(call(&app, M::POST, &format!("/api/v1/risk-flags/{fc}/close"), &ts, Some(body)).await.0, 200);
        let later = rb.max(rc).plus(h(4, 0));
        let s = app.store.escalate_overdue_risk_flags(later, None).await.unwrap();
        assert_eq!(
            s.iter().map(|s| s.flag_id.clone()).collect::<Vec<_>>(),
            std::slice::from_ref(&fb),
            "the closed flag stops"
        );
        assert_eq!(shape(&s), [step("acknowledgement", 2, "administrators")]);
        // The deprecated override: a 1-hour acknowledgement deadline brings the reminder forward.
        let s = app.store.escalate_overdue_risk_flags(rb.plus(h(3, 0)), Some(1)).await.unwrap();
        assert_eq!(shape(&s), [step("acknowledgement", 4, "administrators")]);
    })
    .await;
}

/// A client with a course and three attended sessions, on `email`'s caseload:
/// (client id, [session page paths], [session ids]).
async fn client_with_sessions(app: &TestApp, token: &str, name: &str) -> (String, Vec<String>, Vec<String>) {
    let api = Api::with_token(app, token);
    let c = api.new_client(name).await;
    let body = json!({"protocol": "ipt-individual", "planned_sessions": 16, "start_date": "2026-01-05"});
    let course = api.new_course(&c, body).await;
    let ids = api.attended_sessions(&course, &["2026-01-05", "2026-01-12", "2026-01-19"]).await;
    let pages = ids.iter().map(|id| format!("/courses/{course}/sessions/{id}")).collect();
    (c, pages, ids)
}

#[tokio::test]
async fn signing_risk_identified_raises_or_joins_a_flag_and_no_risk_needs_confirming_an_open_one() {
    on_each_backend(|app| async move {
        let alice = app.user("note-alice@clinic.example", Role::Clinician).await;
        let t = app.token_for(&alice).await;
        let (c, pages, ids) = client_with_sessions(&app, &t, "Noted Person").await;
        let b = app.browser_as("note-alice@clinic.example").await;
        let sign = |page: String, fields: Vec<(&'static str, &'static str)>| {
            let b = &b;
            async move {
                let mut f = vec![("version", "0"), ("plan", "next")];
                f.extend(fields);
                b.submit(&page, &format!("{page}/note/sign"), &f).await
            }
        };
        // Session 1: "Risk identified" raises a clinician's flag for this session, in the same write.
        let r = sign(pages[0].clone(), vec![("risk", "identified"), ("risk_detail", "Thoughts of ending life")]).await;
        assert_eq!(r.status(), 303);
        let flags = app.open_flags(&c).await;
        assert_eq!(flags.len(), 1);
        let flag = flags[0].clone();
        assert_eq!(
            (flag.source.as_str(), flag.session_id.as_ref().map(|s| s.to_string())),
            ("clinician", Some(ids[0].clone()))
        );
        assert_eq!(flag.detail.as_deref(), Some("Thoughts of ending life"));
        let note = app.store.progress_note(&Id::parse(&ids[0]).unwrap()).await.unwrap().unwrap();
        assert_eq!(note.risk_flag_id.as_ref(), Some(&flag.id));
        assert!(told(&app, &flag.id).await.contains(&("risk_flag_raised".into(), Some(alice.id.clone()))));
        let (_, html) = b.text(&pages[0]).await;
        assert!(html.contains("data-testid=\"note-risk-flag\""));

        // Session 2: "No risk identified" while that flag is open needs the box ticked.
        let (_, html) = b.text(&pages[1]).await;
        assert!(html.contains("data-testid=\"open-flag\"") && html.contains("name=\"confirm_open_flag\""));
        let r = sign(pages[1].clone(), vec![("risk", "none_identified")]).await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("id=\"confirm_open_flag-error\""));
        assert!(app.store.progress_note(&Id::parse(&ids[1]).unwrap()).await.unwrap().is_none(), "nothing stored");
        let r = sign(pages[1].clone(), vec![("risk", "none_identified"), ("confirm_open_flag", "yes")]).await;
        assert_eq!(r.status(), 303);
        let note = app.store.progress_note(&Id::parse(&ids[1]).unwrap()).await.unwrap().unwrap();
        assert_eq!((note.open_flag_at_signing.as_ref(), note.risk_flag_id.as_ref()), (Some(&flag.id), None));
        assert!(b.text(&pages[1]).await.1.contains("data-testid=\"note-open-flag\""));

        // Session 3 over the API: no confirmation → 422 naming the field; "Risk identified" joins the open flag.
        let sid = &ids[2];
        let (s, _) = call(
            &app,
            M::PUT,
            &format!("/api/v1/sessions/{sid}/note"),
            &t,
            Some(json!({"version": 0, "risk": "none_identified", "plan": "p"})),
        )
        .await;
        assert_eq!(s, 200);
        let (s, e) =
            call(&app, M::POST, &format!("/api/v1/sessions/{sid}/note/sign"), &t, Some(json!({"version": 1}))).await;
        assert_eq!(s, 422, "{e}");
        assert_eq!(e["error"]["field"], "confirm_open_flag", "{e}");
        let (s, _) = call(
            &app,
            M::PUT,
            &format!("/api/v1/sessions/{sid}/note"),
            &t,
            Some(json!({"version": 1, "risk": "identified", "risk_detail": "Worse again", "plan": "p"})),
        )
        .await;
        assert_eq!(s, 200);
        let (s, n) =
            call(&app, M::POST, &format!("/api/v1/sessions/{sid}/note/sign"), &t, Some(json!({"version": 2}))).await;
        assert_eq!(s, 200, "{n}");
        assert_eq!(n["risk_flag_id"], flag.id.to_string(), "linked to the open flag");
        assert_eq!(app.open_flags(&c).await.len(), 1, "no second flag");
        assert_eq!(app.count(action::RISK_FLAG_LINK).await, 1);
    })
    .await;
}

#[tokio::test]
async fn a_risk_concern_is_raised_from_the_client_or_session_page() {
    on_each_backend(|app| async move {
        let alice = app.user("con-alice@clinic.example", Role::Clinician).await;
        app.user("con-bob@clinic.example", Role::Clinician).await;
        let t = app.token_for(&alice).await;
        let (c, pages, ids) = client_with_sessions(&app, &t, "Concern Person").await;
        let (other, _, other_ids) = client_with_sessions(&app, &t, "Other Person").await;
        let b = app.browser_as("con-alice@clinic.example").await;
        let (_, html) = b.text(&format!("/clients/{c}")).await;
        assert!(html.contains(&format!("href=\"/clients/{c}/risk-flags/new\"")));
        let (_, html) = b.text(&pages[0]).await;
        assert!(html.contains(&format!("href=\"/clients/{c}/risk-flags/new?session={}\"", ids[0])));
        let form = format!("/clients/{c}/risk-flags/new?session={}", ids[0]);
        let post = format!("/clients/{c}/risk-flags");
        // What was observed is required; a session of another client is refused; nothing raised.
        let r = b.submit(&form, &post, &[("detail", "  "), ("session_id", &ids[0])]).await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("id=\"detail-error\""));
        let r = b.submit(&form, &post, &[("detail", "Said goodbye"), ("session_id", &other_ids[0])]).await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("not one of this client"));
        assert!(app.open_flags(&c).await.is_empty() && app.open_flags(&other).await.is_empty());
        let r = b.submit(&form, &post, &[("detail", "Said goodbye to staff"), ("session_id", &ids[0])]).await;
        assert_eq!(r.status(), 303);
        assert!(location(&r).ends_with("?done=concern-raised"));
        let flags = app.open_flags(&c).await;
        assert_eq!(flags.len(), 1);
        assert_eq!(flags[0].session_id.as_ref().map(|s| s.to_string()), Some(ids[0].clone()));
        // From the client page: no session.
        let r = b.submit(&format!("/clients/{c}/risk-flags/new"), &post, &[("detail", "Phoned in distress")]).await;
        assert_eq!(r.status(), 303);
        assert_eq!(app.open_flags(&c).await.iter().filter(|f| f.session_id.is_none()).count(), 1);
        // Someone outside the care team gets 404 and raises nothing.
        let bob = app.browser_as("con-bob@clinic.example").await;
        assert_eq!(bob.get(&format!("/clients/{c}/risk-flags/new")).await.status(), 404);
        let csrf = bob.csrf_from("/account").await;
        let r = bob.post_form(&post, &[("detail", "x"), ("csrf", &csrf)]).await;
        assert_eq!(r.status(), 404);
        assert_eq!(app.open_flags(&c).await.len(), 2);
    })
    .await;
}

#[tokio::test]
async fn deactivating_a_responsible_clinician_waits_until_their_clients_are_handed_over() {
    on_each_backend(|app| async move {
        app.user("dx-admin@clinic.example", Role::Admin).await;
        let alice = app.user("dx-alice@clinic.example", Role::Clinician).await;
        let bob = app.user("dx-bob@clinic.example", Role::Clinician).await;
        let carol = app.user("dx-carol@clinic.example", Role::Supervisor).await;
        let t = app.token_for(&alice).await;
        // A: a completed first course and an open second one; B: an open flag,
        // no course; C: nothing open.
        let (a, pages, _) = client_with_sessions(&app, &t, "Alpha Client").await;
        let first = pages[0].split('/').nth(2).unwrap().to_string();
        let body = json!({"status": "completed", "skip_review_reason": "Test course", "confirm_no_end_measure": true, "no_end_measure_reason": "Test course"});
        assert_eq!(call(&app, M::POST, &format!("/api/v1/courses/{first}/status"), &t, Some(body)).await.0, 200);
        Api::with_token(&app, &t)
            .new_course(&a, json!({"protocol": "ipt-individual", "planned_sessions": 12, "start_date": "2026-06-01"}))
            .await;
        let bcl = new_client(&app, &t, "Beta Client").await;
        raise(&app, &t, &bcl).await;
        let ccl = new_client(&app, &t, "Gamma Client").await;
        let admin = app.browser_as("dx-admin@clinic.example").await;
        let r = admin.submit("/admin/users", &format!("/admin/users/{}/deactivate", alice.id), &[]).await;
        assert_eq!(r.status(), 409);
        let html = r.text().await.unwrap();
        assert!(html.contains("Alpha Client") && html.contains("1 open course"), "{html}");
        assert!(html.contains("Beta Client") && html.contains("1 open risk flag"));
        assert!(!html.contains("Gamma Client"));
        assert!(app.store.user(&alice.id).await.unwrap().unwrap().active, "still active");
        // A bad choice names the field and changes nothing.
        let page = format!("/admin/users/{}/reassign", alice.id);
        let r = admin.submit(&page, &page, &[("to_all", alice.id.as_str()), ("deactivate", "yes")]).await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("id=\"to_all-error\""));
        let r = admin.submit(&page, &page, &[(&format!("to_{a}"), "not-an-id")]).await;
        assert_eq!(r.status(), 422);
        assert_eq!(app.store.open_responsibilities(&alice.id).await.unwrap().len(), 2);
        // Only A handed over: still refused for B.
        let field_a = format!("to_{a}");
        let r = admin.submit(&page, &page, &[(field_a.as_str(), bob.id.as_str()), ("deactivate", "yes")]).await;
        assert_eq!(r.status(), 200, "the page again, with Beta left");
        assert!(app.store.user(&alice.id).await.unwrap().unwrap().active);
        let left = app.store.open_responsibilities(&alice.id).await.unwrap();
        assert_eq!(left.iter().map(|r| r.client_name.as_str()).collect::<Vec<_>>(), ["Beta Client"]);
        let r = admin.submit(&page, &page, &[("to_all", carol.id.as_str()), ("deactivate", "yes")]).await;
        assert_eq!(r.status(), 303);
        assert!(!app.store.user(&alice.id).await.unwrap().unwrap().active);
        let rec = |id: &str| {
            let store = app.store.clone();
            let id = Id::parse(id).unwrap();
            async move { store.client_by_id(&id).await.unwrap().unwrap() }
        };
        assert_eq!(rec(&a).await.responsible_clinician_id, bob.id);
        assert_eq!(rec(&bcl).await.responsible_clinician_id, carol.id);
        assert_eq!(rec(&ccl).await.responsible_clinician_id, alice.id, "nothing open: left alone");
        let team = app.store.care_team(&Id::parse(&bcl).unwrap()).await.unwrap();
        assert!(team.iter().any(|m| m.user_id == carol.id && m.responsible), "the new clinician joins the team");
        assert_eq!(app.count(action::CARE_TEAM_REASSIGN).await, 2);
        // The store refuses on its own too (a race with a new course or flag).
        let tb = app.token_for(&bob).await;
        let d = new_client(&app, &tb, "Delta Client").await;
        raise(&app, &tb, &d).await;
        let err = app.store.set_user_active(&bob.id, false, test_event(action::USER_DEACTIVATE)).await.unwrap_err();
        assert!(err.to_string().contains("reassign them first"), "{err}");
    })
    .await;
}
