//! Client-facing measurement: single-use measure links and crisis resources.

use crate::matrix::{e, Entry};
use crate::support::*;
use rapport_app::caller::secret_hash;
use rapport_core::access::Role;
use rapport_core::audit::action;
use rapport_core::{Id, Timestamp};
use reqwest::Method as M;

pub fn matrix_entries() -> Vec<Entry> {
    vec![
        // Without an instrument the form is refused (422) for those who may write.
        e(M::POST, "/clients/{id}/measures/links", "/clients/{client}/measures/links", "LNAAN"),
        // A link is for whoever holds it: an expired one is gone for everyone,
        // an unknown one is absent for everyone.
        e(M::GET, "/m/{token}", "/m/{expired_link}", "GGGGG"),
        e(M::POST, "/m/{token}", "/m/not-a-link-token", "NNNNN"),
    ]
}

async fn system_link(app: &TestApp, client: &Id, clinician: &Id, instrument: &str, expires: Timestamp) -> String {
    let token = format!("test-{}", Id::new());
    app.store
        .create_measure_link(
            &secret_hash(&token),
            client,
            instrument,
            clinician,
            expires,
            rapport_core::audit::AuditEvent {
                resource_type: "measure_link".into(),
                ..test_event(action::MEASURE_LINK_CREATE)
            },
        )
        .await
        .unwrap();
    token
}

pub async fn matrix_fixtures(app: &TestApp, client: &Id, clinician: &Id, out: &mut Vec<(&'static str, String)>) {
    let past = Timestamp::now().minus(time::Duration::hours(1));
    out.push(("{expired_link}", system_link(app, client, clinician, "gad7", past).await));
}

/// Performs every link action once (for the every-audited-action test).
pub async fn exercise_every_action(b: &Browser, client_page: &str) {
    let client = client_page.trim_start_matches("/clients/");
    create_link(b, client, "gad7").await;
}

#[tokio::test]
async fn a_link_works_once_and_expired_used_or_unknown_links_store_nothing() {
    on_each_backend(|app| async move {
        let (user, _, client) = client_of(&app, "links@clinic.example").await;
        let cid = Id::parse(&client).unwrap();
        let clinician = app.browser_as("links@clinic.example").await;
        let link = create_link(&clinician, &client, "gad7").await;
        assert!(app.count(action::MEASURE_LINK_CREATE).await >= 1);

        let anon = Browser::new(&app);
        let (s, page) = anon.text(&link).await;
        assert_eq!(s, 200);
        assert!(page.contains("Feeling nervous, anxious, or on edge"), "plain item text shown");
        assert!(!page.contains("Course Client"), "the client's name is not on the link page");

        // Blank answers are asked about once; nothing is stored until confirmed.
        let r = anon.answer(&link, &link, &answers(["1"]), &[]).await;
        assert_eq!(r.status(), 200);
        let page = r.text().await.unwrap();
        assert!(page.contains("You left 6 questions blank (2, 3, 4, 5, 6, 7)"), "{page}");
        assert!(page.contains("data-testid=\"link-crisis\""), "crisis lines on every link page");
        assert!(app.store.responses(&cid).await.unwrap().is_empty());

        let csrf = anon.csrf_from(&link).await;
        let mut form = answers(["1", "1", "0", "0", "0", "0", "1"]);
        form.push(("csrf".into(), csrf));
        let r = anon.post_form(&link, &form).await;
        assert_eq!(r.status(), 200);
        let body = r.text().await.unwrap();
        assert!(body.contains("Thank you"));
        assert!(!body.to_lowercase().contains("score") && !body.contains("Total"), "never a score");
        let stored = app.store.responses(&cid).await.unwrap();
        assert_eq!(stored.len(), 1);
        assert_eq!(stored[0].mode, "link");
        assert_eq!(stored[0].total, Some(3));
        assert_eq!(stored[0].entered_by, None);

        // Used: 410 to read and to submit, nothing more stored.
        assert_eq!(anon.get(&link).await.status(), 410);
        let r = anon.post_form(&link, &form).await;
        assert_eq!(r.status(), 410);
        assert_eq!(app.store.responses(&cid).await.unwrap().len(), 1);

        // Expired: 410, nothing stored.
        let past = Timestamp::now().minus(time::Duration::minutes(1));
        let expired = format!("/m/{}", system_link(&app, &cid, &user.id, "gad7", past).await);
        assert_eq!(anon.get(&expired).await.status(), 410);
        let r = anon.post_form(&expired, &form).await;
        assert_eq!(r.status(), 410);
        assert!(r.text().await.unwrap().contains("expired"));
        assert_eq!(app.store.responses(&cid).await.unwrap().len(), 1);

        // Unknown: 404, nothing stored.
        assert_eq!(anon.get("/m/no-such-link").await.status(), 404);
        let r = anon.post_form("/m/no-such-link", &form).await;
        assert_eq!(r.status(), 404);
        assert_eq!(app.store.responses(&cid).await.unwrap().len(), 1);

        // Licensed instruments (text not shipped) and unknown ones cannot be sent.
        let page = format!("/clients/{client}/measures");
        let r = clinician.submit(&page, &format!("{page}/links"), &[("instrument", "epds")]).await;
        assert_eq!(r.status(), 422);
        let r = clinician.submit(&page, &format!("{page}/links"), &[("instrument", "nope")]).await;
        assert_eq!(r.status(), 422);
        assert!(app.store.client_measure_links(&cid).await.unwrap().len() == 2);
        assert!(app.store.audit_verify().await.is_ok());
    })
    .await;
}

#[tokio::test]
async fn a_positive_item_9_through_a_link_raises_one_flag_and_shows_crisis_resources_not_a_score() {
    on_each_backend(|app| async move {
        let (_, _, client) = client_of(&app, "risklink@clinic.example").await;
        let cid = Id::parse(&client).unwrap();
        let clinician = app.browser_as("risklink@clinic.example").await;
        let link = create_link(&clinician, &client, "phq9").await;
        let anon = Browser::new(&app);
        let r = anon.answer(&link, &link, &answers(["2", "2", "1", "1", "0", "1", "0", "0", "2"]), &[]).await;
        assert_eq!(r.status(), 200);
        let body = r.text().await.unwrap();
        assert!(body.contains(rapport_store::org::GENERIC_CRISIS_LINE), "crisis resources shown at once: {body}");
        assert!(body.contains("not monitored live"));
        assert!(body.contains("next appointment"));
        for word in ["score", "Score", "Total", "severe", "Moderate", "risk", "Risk", "flag"] {
            assert!(!body.contains(word), "{word} must not be shown to the client");
        }
        let flags = app.store.client_risk_flags(&cid).await.unwrap();
        assert_eq!(flags.len(), 1);
        assert_eq!(flags[0].status, rapport_core::risk::FlagStatus::Open);
        assert_eq!(app.count(action::RISK_FLAG_RAISE).await, 1);
        let stored = app.store.responses(&cid).await.unwrap();
        assert_eq!(stored.len(), 1);
        assert_eq!(flags[0].response_id.as_ref(), Some(&stored[0].id));
        // The clinician sees it on the measures page.
        let (_, page) = clinician.text(&format!("/clients/{client}/measures")).await;
        assert!(page.contains(&format!("/risk-flags/{}", flags[0].id)));
    })
    .await;
}

#[tokio::test]
async fn crisis_resources_are_an_organisation_setting() {
    on_each_backend(|app| async move {
        app.user("admin@clinic.example", Role::Admin).await;
        let admin = app.browser_as("admin@clinic.example").await;
        let fields = |crisis: &'static str| {
            [
                ("name", "Clinic"),
                ("idle_timeout_minutes", "30"),
                ("absolute_lifetime_hours", "12"),
                ("break_glass_hours", "4"),
                ("crisis_resources", crisis),
            ]
        };
        let r = admin.submit("/admin/settings", "/admin/settings", &fields("  \n ")).await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("Enter at least one crisis resource"));
        let org = app.store.organisation().await.unwrap();
        assert_eq!(org.crisis_lines(), [rapport_store::org::GENERIC_CRISIS_LINE], "no built-in country's lines");
        let r = admin
            .submit("/admin/settings", "/admin/settings", &fields("Clinic crisis line 0100 000 000\n\nEmergency 999\n"))
            .await;
        assert_eq!(r.status(), 303);
        let org = app.store.organisation().await.unwrap();
        assert_eq!(org.crisis_lines(), vec!["Clinic crisis line 0100 000 000", "Emergency 999"]);
        // The link form lists them under "If you need help now".
        let (_, _, client) = client_of(&app, "lines@clinic.example").await;
        let b = app.browser_as("lines@clinic.example").await;
        let link = create_link(&b, &client, "phq9").await;
        let (_, form) = Browser::new(&app).text(&link).await;
        assert!(form.contains("data-testid=\"link-crisis\"") && !form.contains("A&amp;E"), "{form}");
        assert!(
            form.contains(r#"<li>Clinic crisis line <a class="phone-link" href="tel:0100000000""#)
                && form.contains(r#"<li>Emergency <a class="phone-link" href="tel:999""#),
            "{form}"
        );
    })
    .await;
}

#[tokio::test]
async fn the_measures_page_lists_links_with_their_status_and_never_a_token() {
    on_each_backend(|app| async move {
        let (user, _, client) = client_of(&app, "linklist@clinic.example").await;
        let cid = Id::parse(&client).unwrap();
        let clinician = app.browser_as("linklist@clinic.example").await;
        let page = format!("/clients/{client}/measures");
        let (_, before) = clinician.text(&page).await;
        assert!(!before.contains("measure-links"), "no table without links");

        let unused = create_link(&clinician, &client, "gad7").await;
        let used = create_link(&clinician, &client, "phq9").await;
        let anon = Browser::new(&app);
        let form = answers(["0", "1", "0", "0", "0", "0", "0", "0", "0"]);
        assert_eq!(anon.answer(&used, &used, &form, &[]).await.status(), 200);
        let past = Timestamp::now().minus(time::Duration::hours(1));
        let expired = system_link(&app, &cid, &user.id, "gad7", past).await;

        let (s, html) = clinician.text(&page).await;
        assert_eq!(s, 200);
        let table = &html[html.find(r#"data-testid="measure-links""#).expect("links table")..];
        let table = &table[..table.find("</table>").unwrap()];
        assert_eq!(table.matches("<tr data-status=").count(), 3, "{table}");
        for status in ["unused", "used", "expired"] {
            assert_eq!(table.matches(&format!(r#"data-status="{status}""#)).count(), 1, "{status}: {table}");
        }
        assert!(table.contains("GAD-7") && table.contains("PHQ-9"), "{table}");
        assert!(table.contains("by Test linklist@clinic.example"), "{table}");
        assert!(table.contains("Not used yet") && table.contains("Used") && table.contains("Expired"));
        for token in [unused.trim_start_matches("/m/"), used.trim_start_matches("/m/"), expired.as_str()] {
            assert!(!html.contains(token), "a token is never shown again");
        }
    })
    .await;
}

const PFIZER: &str = "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an \
                      educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.";

/// Issue 10: attribution lines and the GAD-7 difficulty question on every form (clinician, link,
/// portal); HAM-D-17 with Hamilton's item anchors.
#[tokio::test]
async fn forms_show_attribution_the_gad7_difficulty_question_and_hamd_anchors() {
    on_each_backend(|app| async move {
        let (_, _, client) = client_of(&app, "attrib@clinic.example").await;
        let b = app.browser_as("attrib@clinic.example").await;
        let (s, gad7) = b.text(&format!("/clients/{client}/measures/new?instrument=gad7")).await;
        assert_eq!(s, 200);
        assert!(gad7.contains(PFIZER), "{gad7}");
        assert!(gad7.contains("If you checked any problems, how difficult have they made it for you"), "{gad7}");
        assert!(gad7.contains("name=\"extra_1\"") && gad7.contains("Extremely difficult"));
        let (_, who5) = b.text(&format!("/clients/{client}/measures/new?instrument=who5")).await;
        assert!(who5.contains("Psychiatric Centre North Zealand"), "{who5}");
        let (_, hamd) = b.text(&format!("/clients/{client}/measures/new?instrument=hamd17")).await;
        assert!(hamd.contains(
            "Acknowledges illness but attributes cause to bad food, climate, overwork, virus, need for rest, etc."
        ));
        assert!(hamd.contains("Denies being ill at all") && hamd.contains("Hand wringing, nail biting"), "{hamd}");
        // A link form carries the attribution and the unscored question too; answering it is optional.
        let link = create_link(&b, &client, "gad7").await;
        let anon = Browser::new(&app);
        let (_, form) = anon.text(&link).await;
        assert!(form.contains(PFIZER) && form.contains("If you checked any problems"), "{form}");
        let r = anon.answer(&link, &link, &answers(["1", "1", "1", "1", "0", "0", "0"]), &[("extra_1", "2")]).await;
        assert_eq!(r.status(), 200);
        let stored = app.store.responses(&Id::parse(&client).unwrap()).await.unwrap();
        assert_eq!((stored[0].total, stored[0].unscored_answers.clone()), (Some(4), Some(vec![Some(2)])));
    })
    .await;
}

/// Issue 10: a positive PHQ-2 (≥ 3) offers the PHQ-9 at once, to the clinician, through a link
/// (a new PHQ-9 link) and in the portal; a negative one does not.
#[tokio::test]
async fn a_positive_phq2_offers_the_phq9_at_once() {
    on_each_backend(|app| async move {
        let (clin, api, client) = client_of(&app, "screen@clinic.example").await;
        let b = app.browser_as("screen@clinic.example").await;
        let notice = "Positive screen: give the Patient Health Questionnaire-9 now";
        // Clinician's result.
        api.respond(&client, serde_json::json!({"instrument": "phq2", "answers": [1, 1]})).await;
        assert!(!b.text(&format!("/clients/{client}/measures")).await.1.contains(notice), "2 is a negative screen");
        api.respond(&client, serde_json::json!({"instrument": "phq2", "answers": [2, 1]})).await;
        let (_, page) = b.text(&format!("/clients/{client}/measures")).await;
        assert!(page.contains(notice), "{page}");
        assert!(page.contains(&format!("/clients/{client}/measures/new?instrument=phq9")));
        api.respond(&client, serde_json::json!({"instrument": "phq9", "answers": [1, 1, 1, 1, 0, 0, 0, 0, 0]})).await;
        assert!(!b.text(&format!("/clients/{client}/measures")).await.1.contains(notice), "the PHQ-9 was given");

        // A link: the thank-you page links a new PHQ-9 link, credited to the clinician and audited.
        let link = create_link(&b, &client, "phq2").await;
        let creates = app.count(action::MEASURE_LINK_CREATE).await;
        let anon = Browser::new(&app);
        let r = anon.answer(&link, &link, &answers(["2", "2"]), &[]).await;
        assert_eq!(r.status(), 200);
        let body = r.text().await.unwrap();
        assert!(body.contains("Answer the Patient Health Questionnaire-9"), "{body}");
        assert_eq!(app.count(action::MEASURE_LINK_CREATE).await, creates + 1);
        let i = body.find("href=\"/m/").expect("a PHQ-9 link") + 6;
        let next = &body[i..i + body[i..].find('"').unwrap()];
        let (s, phq9) = anon.text(next).await;
        assert_eq!(s, 200);
        assert!(phq9.contains("Thoughts that you would be better off dead") && phq9.contains(PFIZER), "{phq9}");
        let (_, listed) = b.text(&format!("/clients/{client}/measures")).await;
        assert!(listed.matches("PHQ-9").count() >= 1 && listed.contains(&clin.name), "the new link is listed");
        // A negative screen through a link offers nothing.
        let link = create_link(&b, &client, "phq2").await;
        let r = anon.answer(&link, &link, &answers(["1", "0"]), &[]).await;
        assert_eq!(r.status(), 200);
        let body = r.text().await.unwrap();
        assert!(!body.contains("Answer the Patient Health Questionnaire-9") && !body.contains("href=\"/m/"), "{body}");

        // The portal: a course that asks for the PHQ-2; after a positive one the PHQ-9 opens.
        let other = api.new_client("Portal Screen").await;
        let course = api.new_course(&other, serde_json::json!({"protocol": "ipt-individual"})).await;
        let page = format!("/clients/{other}/measures?course={course}");
        let r = b
            .submit(
                &page,
                &format!("/courses/{course}/measure-schedule"),
                // The PHQ-2 has no risk question: saved once confirmed.
                &[("instrument", "phq2"), ("every", "1"), ("version", "0"), ("confirm_no_risk_item", "yes")],
            )
            .await;
        assert_eq!(r.status(), 303);
        let email = app.portal_account(&Id::parse(&other).unwrap(), &clin.id, "screen@example.org").await;
        let me = app.browser_as(&email).await;
        assert_eq!(me.get("/portal/measures/phq9").await.status(), 404, "not due and no positive screen yet");
        let r = me.answer("/portal/measures/phq2", "/portal/measures/phq2", &answers(["3", "1"]), &[]).await;
        assert_eq!(r.status(), 200);
        let done = r.text().await.unwrap();
        assert!(done.contains("href=\"/portal/measures/phq9\""), "{done}");
        let (s, form) = me.text("/portal/measures/phq9").await;
        assert_eq!(s, 200);
        assert!(form.contains(PFIZER), "{form}");
    })
    .await;
}
