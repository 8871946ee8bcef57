//! The group programme pages (issue 13): the screening funnel at
//! `/programme` (counts per step, per site and per facilitator, each step's
//! people, filters), screening at `/screening/new` (an existing client or a
//! person registered on the spot; a positive item 9 refers with the crisis
//! lines), sites in the administration, and facilitator accounts with their
//! site and supervisor.

use crate::matrix::{e, Entry};
use crate::support::*;
use rapport_core::access::Role;
use rapport_core::group::MemberStatus;
use rapport_core::{Id, Timestamp};
use rapport_store::groups::{NewAttendance, NewGroup, NewGroupSession, PreGroup};
use reqwest::Method;
use time::Duration;

pub fn matrix_entries() -> Vec<Entry> {
    use Method as M;
    vec![
        // The funnel lists people: for caseload holders; an administrator holds none.
        e(M::GET, "/programme", "/programme", "LFAAA"),
        e(M::GET, "/screening/new", "/screening/new", "LFAAA"),
        e(M::POST, "/screening/new", "/screening/new", "LFAAA"),
        e(M::GET, "/admin/sites", "/admin/sites", "LAFFF"),
        e(M::POST, "/admin/sites", "/admin/sites", "LAFFF"),
    ]
}

/// An account made through the admin form ages like [`TestApp::user`]'s.
async fn age(app: &TestApp, email: &str) -> rapport_store::users::User {
    let (u, _) = app.store.user_by_email(email).await.unwrap().expect("the account exists");
    let created = Timestamp::now().minus(Duration::days(ACCOUNT_AGE_DAYS));
    app.sql("UPDATE users SET created_at = $1 WHERE id = $2", &[&created.to_db(), u.id.as_str()]).await;
    u
}

/// Adds a site on the admin page (303 insisted on); its id.
async fn add_site(app: &TestApp, admin: &Browser, name: &str, kind: &str) -> Id {
    let r = admin.submit("/admin/sites", "/admin/sites", &[("name", name), ("kind", kind)]).await;
    assert_eq!((r.status().as_u16(), location(&r)), (303, "/admin/sites?done=site-created".to_string()));
    app.store.sites().await.unwrap().into_iter().find(|s| s.name == name).expect("the site is stored").id
}

/// Screens on the form; the status and the page.
async fn screen(b: &Browser, fields: &[(&str, &str)], items: &[(String, String)]) -> (u16, String) {
    let mut all: Vec<(&str, &str)> = vec![("protocol", "ipt-group-who"), ("instrument", "phq9")];
    all.extend_from_slice(fields);
    let r = b.answer("/screening/new", "/screening/new", items, &all).await;
    (r.status().as_u16(), r.text().await.unwrap())
}

/// Registers and screens a new person; the outcome shown and the new client.
async fn screen_new(app: &TestApp, b: &Browser, name: &str, site: &str, items: &[(String, String)]) -> (String, Id) {
    let (s, page) = screen(b, &[("client", "new"), ("new_name", name), ("new_site", site)], items).await;
    assert_eq!(s, 200, "{page}");
    let key = "data-outcome=\"";
    let i = page.find(key).expect("the outcome is shown") + key.len();
    let outcome = page[i..i + page[i..].find('"').unwrap()].to_string();
    let key = "<a class=\"button\" href=\"/clients/";
    let i = page.find(key).expect("the record is one click away") + key.len();
    let id = Id::parse(&page[i..i + page[i..].find('"').unwrap()]).unwrap();
    assert_eq!(app.store.client_by_id(&id).await.unwrap().unwrap().details.display_name, name);
    (outcome, id)
}

/// The number in the cell after `data-step="{step}"` in the funnel table.
fn step_count(page: &str, step: &str) -> u64 {
    let key = format!("<tr data-step=\"{step}\"");
    let i = page.find(&key).unwrap_or_else(|| panic!("no funnel row {step}"));
    let rest = &page[i..];
    let a = rest.find("<a href=").unwrap();
    let open = a + rest[a..].find('>').unwrap() + 1;
    rest[open..open + rest[open..].find('<').unwrap()].trim().parse().unwrap()
}

/// The counts of a breakdown table's row named `name` (all nine steps, in order).
fn row_counts(page: &str, table: &str, name: &str) -> Vec<u64> {
    let t = page.find(&format!("data-testid=\"{table}\"")).unwrap_or_else(|| panic!("no table {table}"));
    let body = &page[t..t + page[t..].find("</table>").unwrap()];
    let row = body
        .split("<tr>")
        .find(|r| r.contains(&format!(">{name}<")))
        .unwrap_or_else(|| panic!("no row {name} in {table}: {body}"));
    row.split("<td class=\"num\">")
        .skip(1)
        .map(|cell| {
            let cell = cell.split("</td>").next().unwrap().trim_end_matches("</a>");
            cell.rsplit('>').next().unwrap().trim().parse().unwrap()
        })
        .collect()
}

/// Form fields, and questionnaire answers as fields (a refused case of the screening form).
type Fields<'a> = Vec<(&'a str, &'a str)>;
type Items = Vec<(String, String)>;

fn phq(values: [&'static str; 9]) -> Vec<(String, String)> {
    answers(values)
}

#[tokio::test]
async fn the_funnel_counts_a_scripted_programme_per_site_and_facilitator_and_lists_each_step() {
    on_each_backend(|app| async move {
        app.user("prog-admin@clinic.example", Role::Admin).await;
        let sup = app.user("prog-sup@clinic.example", Role::Supervisor).await;
        let admin = app.browser_as("prog-admin@clinic.example").await;
        let north = add_site(&app, &admin, "Kasese North", "village").await;
        let school = add_site(&app, &admin, "Hillside Secondary", "school").await;

        // Two facilitators made on the admin form, each at a site and supervised by `sup`.
        for (email, name, site) in [
            ("prog-f1@clinic.example", "Amina Fieldone", &north),
            ("prog-f2@clinic.example", "Grace Fieldtwo", &school),
        ] {
            let r = admin
                .submit(
                    "/admin/users/new",
                    "/admin/users/new",
                    &[
                        ("email", email),
                        ("name", name),
                        ("role", "facilitator"),
                        ("site_id", site.as_str()),
                        ("supervisor", sup.id.as_str()),
                        ("password", PASSWORD),
                    ],
                )
                .await;
            assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
        }
        let f1 = age(&app, "prog-f1@clinic.example").await;
        let f2 = age(&app, "prog-f2@clinic.example").await;
        assert_eq!((f1.role, f1.site_id.as_ref()), (Role::Facilitator, Some(&north)));
        assert_eq!(f2.site_id.as_ref(), Some(&school));
        let reach = app.store.supervision_reach(&sup.id).await.unwrap();
        assert!(reach.contains(&f1.id) && reach.contains(&f2.id), "the supervisor supervises both: {reach:?}");

        // Screenings: F1 at Kasese North, F2 at the school (their own sites by default).
        let b1 = app.browser_as("prog-f1@clinic.example").await;
        let b2 = app.browser_as("prog-f2@clinic.example").await;
        let (o, p1) =
            screen_new(&app, &b1, "Pat Eligibleone", "", &phq(["2", "2", "2", "2", "2", "2", "2", "2", "0"])).await;
        assert_eq!(o, "eligible");
        let (o, p2) = screen_new(&app, &b1, "Pat Noteligible", "", &phq(["0"; 9])).await;
        assert_eq!(o, "not_eligible");
        let (o, p3) =
            screen_new(&app, &b1, "Pat Referred", "", &phq(["1", "1", "1", "1", "1", "1", "1", "1", "1"])).await;
        assert_eq!(o, "referred", "a positive item 9 refers whatever the total");
        let (o, p4) =
            screen_new(&app, &b1, "Pat Eligiblewaiting", "", &phq(["3", "3", "2", "2", "1", "1", "0", "0", "0"])).await;
        assert_eq!(o, "eligible", "12 is at least 10");
        let (o, p5) =
            screen_new(&app, &b2, "Pat Completer", "", &phq(["3", "3", "3", "3", "3", "3", "3", "3", "0"])).await;
        assert_eq!(o, "eligible");
        let (o, _p6) =
            screen_new(&app, &b2, "Pat Alsonot", "", &phq(["1", "1", "1", "1", "1", "0", "0", "0", "0"])).await;
        assert_eq!(o, "not_eligible", "5 is below 10");
        // Somebody in a group who was never screened here.
        let p7 = b2.new_client("Pat Dropper").await;
        for c in [&p1, &p2, &p3, &p4] {
            let rec = app.store.client_by_id(c).await.unwrap().unwrap();
            assert_eq!(rec.site_id.as_ref(), Some(&north), "a facilitator registers at their own site");
        }
        assert_eq!(app.store.client_by_id(&p7).await.unwrap().unwrap().site_id.as_ref(), Some(&school));

        // Groups (straight in the store: the group pages are another area's).
        let group = |name: &str, site: &Id, fac: &Id| NewGroup {
            name: name.into(),
            site_id: Some(site.clone()),
            protocol_id: "ipt-group-who".into(),
            planned_sessions: 8,
            start_date: Timestamp::now().date() - Duration::days(60),
            meeting_time: None,
            single_gender: true,
            facilitators: vec![fac.clone()],
            created_by: sup.id.clone(),
        };
        let g1 =
            app.store.create_group(&group("North women", &north, &f1.id), test_event("group.create")).await.unwrap();
        let g2 =
            app.store.create_group(&group("School girls", &school, &f2.id), test_event("group.create")).await.unwrap();
        for c in [&p1, &p4] {
            app.store.add_group_member(&g1.id, c, 15, test_event("group.member_add")).await.unwrap();
        }
        for c in [&p5, &p7] {
            app.store.add_group_member(&g2.id, c, 15, test_event("group.member_add")).await.unwrap();
        }
        let pre = PreGroup {
            problem_areas: vec!["grief".into()],
            goal: "Sleep again".into(),
            consent: true,
            held_on: Timestamp::now().date() - Duration::days(58),
            parent_session_on: None,
        };
        for (g, c) in [(&g1.id, &p1), (&g2.id, &p5), (&g2.id, &p7)] {
            app.store.record_pre_group(g, c, &pre, None, test_event("group.pre_group")).await.unwrap();
        }
        // Six meetings of the first group: P1 at every one (6 is "attended enough"), P4 at none.
        for n in 1..=6u32 {
            let s = NewGroupSession {
                group_id: g1.id.clone(),
                number: n,
                phase: "middle".into(),
                held_on: Timestamp::now().date() - Duration::days(56 - 7 * n as i64),
                group_note: None,
                task: None,
                agenda_done: vec![],
                recorded_by: f1.id.clone(),
                attendance: vec![
                    NewAttendance { client_id: p1.clone(), attended: true, note: None },
                    NewAttendance { client_id: p4.clone(), attended: false, note: None },
                ],
            };
            app.store.record_group_session(&s, vec![], test_event("group.session_record"), &[]).await.unwrap();
        }
        app.store
            .set_member_status(&g2.id, &p5, MemberStatus::Completed, None, test_event("group.member_status"))
            .await
            .unwrap();
        app.store
            .set_member_status(
                &g2.id,
                &p7,
                MemberStatus::DroppedOut,
                Some("moved away"),
                test_event("group.member_status"),
            )
            .await
            .unwrap();

        // The supervisor sees the whole programme (both facilitators' people).
        let sb = app.browser_as("prog-sup@clinic.example").await;
        let (s, page) = sb.text("/programme").await;
        assert_eq!(s, 200, "{page}");
        let expected = [
            ("screened", 6),
            ("eligible", 3),
            ("not_eligible", 2),
            ("referred", 1),
            ("pre_group_done", 3),
            ("enrolled", 4),
            ("attended", 1),
            ("completed", 1),
            ("dropped_out", 1),
        ];
        for (step, n) in expected {
            assert_eq!(step_count(&page, step), n, "step {step}");
        }
        assert_eq!(row_counts(&page, "by-site", "Kasese North"), [4, 2, 1, 1, 1, 2, 1, 0, 0]);
        assert_eq!(row_counts(&page, "by-site", "Hillside Secondary"), [2, 1, 1, 0, 2, 2, 0, 1, 1]);
        assert_eq!(row_counts(&page, "by-facilitator", "Amina Fieldone"), [4, 2, 1, 1, 1, 2, 1, 0, 0]);
        assert_eq!(row_counts(&page, "by-facilitator", "Grace Fieldtwo"), [2, 1, 1, 0, 2, 2, 0, 1, 1]);
        assert!(page.contains("href=\"/programme?step=eligible#people\""), "each count lists its people");

        // A step's people, one click away, with links to their records.
        let (s, page) = sb.text("/programme?step=eligible").await;
        assert_eq!(s, 200);
        let people = &page[page.find("data-testid=\"people\"").expect("the list is shown")..];
        for (name, id) in [("Pat Eligibleone", &p1), ("Pat Eligiblewaiting", &p4), ("Pat Completer", &p5)] {
            assert!(people.contains(&format!("<a href=\"/clients/{id}\">{name}</a>")), "{name} listed");
        }
        assert!(!people.contains("Pat Noteligible") && !people.contains("Pat Dropper"));
        assert!(people.contains("3 people"), "{people}");
        assert!(people.contains(&format!("href=\"/groups/{}\"", g1.id)), "the group is one click away");
        let (_, page) = sb.text("/programme?step=dropped_out").await;
        assert!(page.contains("Pat Dropper") && page.contains("Not screened here"));

        // Filters: by site, by facilitator, both keep the step.
        let (_, page) = sb.text(&format!("/programme?site={school}")).await;
        assert_eq!(step_count(&page, "screened"), 2);
        assert_eq!(step_count(&page, "enrolled"), 2);
        assert!(page.contains("at Hillside Secondary"), "the filter is said in words");
        let (_, page) = sb.text(&format!("/programme?facilitator={}&step=screened", f1.id)).await;
        assert_eq!(step_count(&page, "screened"), 4);
        assert!(page.contains("Pat Referred") && !page.contains("Pat Completer"), "only F1's people");
        let kept = format!("href=\"/programme?facilitator={}&#38;step=eligible#people\"", f1.id);
        assert!(page.contains(&kept), "the step links keep the filter: {kept}");

        // A facilitator sees their own people only.
        let (s, page) = b1.text("/programme").await;
        assert_eq!(s, 200);
        assert_eq!(step_count(&page, "screened"), 4);
        assert_eq!(step_count(&page, "completed"), 0);
        assert!(!page.contains("Grace Fieldtwo"));

        // The funnel read is audited naming the people listed.
        let reads = app.audit_entries(rapport_core::audit::action::FUNNEL_READ).await;
        assert!(reads.iter().any(|e| e.event.detail.as_deref().is_some_and(|d| d.contains(p7.as_str()))));
    })
    .await;
}

#[tokio::test]
async fn programme_filters_and_steps_that_cannot_be_read_are_refused_naming_the_field() {
    on_each_backend(|app| async move {
        app.user("progbad-c@clinic.example", Role::Clinician).await;
        app.user("progbad-a@clinic.example", Role::Admin).await;
        let b = app.browser_as("progbad-c@clinic.example").await;
        let (s, page) = b.text("/programme").await;
        assert_eq!(s, 200);
        assert_eq!(step_count(&page, "screened"), 0, "an empty programme shows zeros");
        assert!(page.contains("Nobody screened or in a group yet."));
        for (q, field) in [("step=finished", "step"), ("site=not-an-id", "site"), ("facilitator=x", "facilitator")] {
            let (s, page) = b.text(&format!("/programme?{q}")).await;
            assert_eq!(s, 422, "{q}");
            assert!(page.to_lowercase().contains(field), "{q}: the message names {field}: {page}");
        }
        // An administrator without a caseload: the funnel lists people, so no.
        let a = app.browser_as("progbad-a@clinic.example").await;
        assert_eq!(a.get("/programme").await.status(), 403);
        assert!(!a.text("/admin/users").await.1.contains("href=\"/programme\""), "no Programme link for them");
        assert!(b.text("/today").await.1.contains("href=\"/programme\""), "the clinician's nav has it");
    })
    .await;
}

#[tokio::test]
async fn screening_with_a_positive_item_9_refers_with_the_crisis_lines_and_a_flag() {
    on_each_backend(|app| async move {
        app.user("scr-c@clinic.example", Role::Clinician).await;
        let b = app.browser_as("scr-c@clinic.example").await;
        let client = b.new_client("Sam Screened").await;
        // The form lists the caller's clients and the group programmes.
        let (s, form) = b.text(&format!("/screening/new?client={client}")).await;
        assert_eq!(s, 200);
        assert!(form.contains(&format!("<option value=\"{client}\" selected>Sam Screened</option>")), "{form}");
        assert!(form.contains("value=\"ipt-group-12\"") && form.contains("value=\"ipt-ag\""));
        assert!(!form.contains("value=\"ipt-individual\""), "individual protocols are not programmes");
        assert!(form.contains("name=\"item_9\""), "the PHQ-9's nine questions");
        // A total of 3 (not eligible by the total) with item 9 answered "several days".
        let items = answers(["0", "0", "1", "0", "0", "0", "0", "1", "1"]);
        let (s, page) = screen(&b, &[("client", client.as_str())], &items).await;
        assert_eq!(s, 200, "{page}");
        assert!(page.contains("data-outcome=\"referred\""), "{page}");
        assert!(page.contains("qualified clinician") && page.contains("do not join a group"));
        assert!(page.contains("data-testid=\"crisis\""), "the crisis lines are shown");
        let flags = app.open_flags(client.as_str()).await;
        assert_eq!(flags.len(), 1, "the risk answer raised a flag");
        assert!(page.contains(&format!("/risk-flags/{}", flags[0].id)));
        let stored = app.store.client_screenings(&client).await.unwrap();
        assert_eq!(stored.len(), 1);
        assert_eq!(stored[0].outcome, rapport_core::group::ScreeningOutcome::Referred);
        // Screening again (back-dated three months: a screening on paper entered late) with item 9
        // "not at all" and a high total: eligible, no new flag, no crisis block.
        let items = answers(["3", "3", "3", "2", "0", "0", "0", "0", "0"]);
        let months_ago = rapport_core::time::format_date(Timestamp::now().date() - Duration::days(90));
        let (s, page) = screen(&b, &[("client", client.as_str()), ("date", &months_ago)], &items).await;
        assert_eq!(s, 200);
        assert!(page.contains("data-outcome=\"eligible\""), "{page}");
        assert!(!page.contains("data-testid=\"crisis\""));
        assert_eq!(app.open_flags(client.as_str()).await.len(), 1);
        // A blank question (item 9 unasked): no total, so not shown eligible, and the page says why.
        let blank =
            answers([Some("3"), Some("3"), Some("3"), Some("3"), Some("3"), Some("3"), Some("3"), Some("3"), None]);
        let (_, page) = screen(&b, &[("client", client.as_str())], &blank).await;
        assert!(page.contains("data-outcome=\"not_eligible\"") && page.contains("left blank"), "{page}");
        assert_eq!(app.open_flags(client.as_str()).await.len(), 1);
        // The funnel counts the latest of the three screenings only.
        let (_, page) = b.text("/programme").await;
        let counts: Vec<u64> =
            ["screened", "eligible", "not_eligible", "referred"].iter().map(|s| step_count(&page, s)).collect();
        assert_eq!(counts, [1, 0, 1, 0], "one person, at their latest outcome");
        assert_eq!(app.store.client_screenings(&client).await.unwrap().len(), 3, "every screening is kept");
    })
    .await;
}

#[tokio::test]
async fn bad_screening_input_is_refused_naming_the_field_and_registers_nobody() {
    on_each_backend(|app| async move {
        app.user("scrbad-c@clinic.example", Role::Clinician).await;
        app.user("scrbad-o@clinic.example", Role::Clinician).await;
        let b = app.browser_as("scrbad-c@clinic.example").await;
        let other = app.browser_as("scrbad-o@clinic.example").await.new_client("Not Mine").await;
        let mine = b.new_client("Mine Client").await;
        let ok = answers(["0"; 9]);
        let tomorrow = rapport_core::time::format_date(Timestamp::now().date() + Duration::days(1));
        let cases: Vec<(Fields, Items, &str)> = vec![
            (vec![("client", "")], ok.clone(), "client"),
            (vec![("client", other.as_str())], ok.clone(), "client"),
            (vec![("client", mine.as_str()), ("date", &tomorrow)], ok.clone(), "date"),
            (vec![("client", mine.as_str())], answers(["7", "0", "0", "0", "0", "0", "0", "0", "0"]), "item_1"),
            (vec![("client", mine.as_str())], answers(["x", "0", "0", "0", "0", "0", "0", "0", "0"]), "item_1"),
            (vec![("client", "new"), ("new_name", "")], ok.clone(), "new_name"),
            (vec![("client", "new"), ("new_name", "Bad Site"), ("new_site", "nope")], ok.clone(), "new_site"),
        ];
        for (fields, items, field) in cases {
            let (s, page) = screen(&b, &fields, &items).await;
            assert_eq!(s, 422, "{fields:?}: {page}");
            assert!(page.contains(&format!("href=\"#{field}\"")), "{fields:?}: the summary links to {field}: {page}");
        }
        // An unknown programme names the protocol.
        let r = b
            .answer(
                "/screening/new",
                "/screening/new",
                &ok,
                &[("client", mine.as_str()), ("protocol", "ipt-individual"), ("instrument", "phq9")],
            )
            .await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("href=\"#protocol\""));
        assert!(app.store.client_screenings(&mine).await.unwrap().is_empty(), "nothing stored");
        assert!(app.store.client_screenings(&other).await.unwrap().is_empty());
        let (_, caseload) = b.text("/clients").await;
        assert!(!caseload.contains("Bad Site"), "a refused form registers nobody");
        // A screening refused after registering says so and keeps the person chosen.
        let (s, page) = screen(&b, &[("client", "new"), ("new_name", "Late Refusal"), ("date", &tomorrow)], &ok).await;
        assert_eq!(s, 422);
        assert!(page.contains("Late Refusal is registered"), "{page}");
        assert!(page.contains("selected>Late Refusal</option>"), "the new person stays chosen");
    })
    .await;
}

#[tokio::test]
async fn administrators_add_sites_and_facilitators_with_a_site_and_supervisor() {
    on_each_backend(|app| async move {
        app.user("site-admin@clinic.example", Role::Admin).await;
        let sup = app.user("site-sup@clinic.example", Role::Supervisor).await;
        let clin = app.user("site-clin@clinic.example", Role::Clinician).await;
        let admin = app.browser_as("site-admin@clinic.example").await;
        let (s, page) = admin.text("/admin/sites").await;
        assert_eq!(s, 200);
        assert!(page.contains("No sites yet"));
        let village = add_site(&app, &admin, "Bwera Village", "village").await;
        let clinic = add_site(&app, &admin, "St Clare Clinic", "").await;
        let (_, page) = admin.text("/admin/sites?done=site-created").await;
        assert!(page.contains("Site added."));
        assert!(page.contains("Bwera Village") && page.contains("village") && page.contains("Not given"));
        // Blank, too long and duplicate names are refused naming the field.
        let long = "x".repeat(121);
        for (name, kind, field) in [
            ("  ", "", "name"),
            (long.as_str(), "", "name"),
            ("bwera village", "", "name"),
            ("Ok", &"k".repeat(61), "kind"),
        ] {
            let r = admin.submit("/admin/sites", "/admin/sites", &[("name", name), ("kind", kind)]).await;
            assert_eq!(r.status(), 422, "{name:?}");
            assert!(r.text().await.unwrap().contains(&format!("href=\"#{field}\"")));
        }
        assert_eq!(app.store.sites().await.unwrap().len(), 2);
        // Supervisors and clinicians may not use the admin pages.
        let sb = app.browser_as("site-sup@clinic.example").await;
        assert_eq!(sb.get("/admin/sites").await.status(), 403);
        let r = sb.submit("/today", "/admin/sites", &[("name", "Sneaky")]).await;
        assert_eq!(r.status(), 403);

        // The user form offers the facilitator role, the sites and the supervisors.
        let (_, form) = admin.text("/admin/users/new").await;
        assert!(form.contains("value=\"facilitator\"") && form.contains("Group facilitator"));
        assert!(form.contains(&format!("<option value=\"{village}\">Bwera Village (village)</option>")));
        assert!(form.contains(&format!("<option value=\"{}\">", sup.id)), "supervisors to choose from");
        assert!(!form.contains(&format!("<option value=\"{}\">", clin.id)), "a clinician is no supervisor");
        let base = |email: &'static str| {
            vec![("email", email), ("name", "Fay Facilitator"), ("role", "facilitator"), ("password", PASSWORD)]
        };
        // A supervisor who is not one, and a site that does not exist, are refused by name.
        for (extra, field) in [(("supervisor", clin.id.as_str()), "supervisor"), (("site_id", "nope"), "site_id")] {
            let mut f = base("fay-bad@clinic.example");
            f.push(extra);
            let r = admin.submit("/admin/users/new", "/admin/users/new", &f).await;
            assert_eq!(r.status(), 422, "{field}");
            assert!(r.text().await.unwrap().contains(&format!("href=\"#{field}\"")), "{field}");
        }
        assert!(app.store.user_by_email("fay-bad@clinic.example").await.unwrap().is_none());
        let mut f = base("fay@clinic.example");
        f.push(("site_id", village.as_str()));
        f.push(("supervisor", sup.id.as_str()));
        let r = admin.submit("/admin/users/new", "/admin/users/new", &f).await;
        assert_eq!(r.status(), 303);
        let fay = age(&app, "fay@clinic.example").await;
        assert_eq!((fay.role, fay.site_id.clone()), (Role::Facilitator, Some(village.clone())));
        assert_eq!(app.store.active_supervisors_of(&fay.id).await.unwrap(), vec![sup.id.clone()]);
        // Editing keeps the site shown and can clear it.
        let edit = format!("/admin/users/{}", fay.id);
        let (_, page) = admin.text(&edit).await;
        assert!(page.contains(&format!("<option value=\"{village}\" selected>")), "{page}");
        let r =
            admin.submit(&edit, &edit, &[("name", "Fay Facilitator"), ("role", "facilitator"), ("site_id", "")]).await;
        assert_eq!(r.status(), 303);
        assert_eq!(app.store.user(&fay.id).await.unwrap().unwrap().site_id, None);
        assert!(app.count(rapport_core::audit::action::USER_SITE).await >= 1);

        // The facilitator's new clients belong to their site; a clinician chooses one on the client form.
        let r = admin
            .submit(
                &edit,
                &edit,
                &[("name", "Fay Facilitator"), ("role", "facilitator"), ("site_id", village.as_str())],
            )
            .await;
        assert_eq!(r.status(), 303);
        let fb = app.browser_as("fay@clinic.example").await;
        let (_, page) = fb.text("/clients/new").await;
        assert!(page.contains(&format!("<option value=\"{village}\" selected>")), "their site is the default");
        let c = fb.new_client("Site Client").await;
        assert_eq!(app.store.client_by_id(&c).await.unwrap().unwrap().site_id, Some(village.clone()));
        // A facilitator keeps to their own site (or a site of their groups): another is refused by name.
        let edit_c = format!("/clients/{c}/edit");
        let version = fb.field(&edit_c, "version").await;
        let r = fb
            .submit(
                &edit_c,
                &edit_c,
                &[("display_name", "Site Client"), ("version", &version), ("site_id", clinic.as_str())],
            )
            .await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("href=\"#site_id\""));
        assert_eq!(app.store.client_by_id(&c).await.unwrap().unwrap().site_id, Some(village.clone()), "unchanged");
        let r = fb
            .submit("/clients/new", "/clients/new", &[("display_name", "Elsewhere"), ("site_id", clinic.as_str())])
            .await;
        assert_eq!(r.status(), 422, "nor register someone there");
        let cb = app.browser_as("site-clin@clinic.example").await;
        let c2 = cb.new_client_with(&[("display_name", "Clinic Client"), ("site_id", village.as_str())]).await;
        assert_eq!(app.store.client_by_id(&c2).await.unwrap().unwrap().site_id, Some(village.clone()));
        // The edit form shows and changes it (the record's version does not move).
        let edit = format!("/clients/{c2}/edit");
        let version = cb.field(&edit, "version").await;
        let r =
            cb.submit(&edit, &edit, &[("display_name", "Clinic Client"), ("version", &version), ("site_id", "")]).await;
        assert_eq!(r.status(), 303);
        assert_eq!(app.store.client_by_id(&c2).await.unwrap().unwrap().site_id, None);
        let r = cb
            .submit(&edit, &edit, &[("display_name", "Clinic Client"), ("version", &version), ("site_id", "bad")])
            .await;
        assert_eq!(r.status(), 422);
    })
    .await;
}
