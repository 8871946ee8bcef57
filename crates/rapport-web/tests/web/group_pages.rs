//! The staff pages of group IPT: a supervisor makes a group, its facilitator
//! adds members and records their pre-group sessions, then a meeting on the
//! phone screen (validation re-shows every value; a positive item 9 shows the
//! crisis guidance with the supervisor's name), the supervisor sees the flag,
//! the client's record lists the group; other facilitators get 404, an
//! administrator sees the summary only.

use crate::matrix::{e, Entry};
use crate::support::*;
use rapport_core::access::Role;
use rapport_core::Id;
use rapport_store::groups::{NewAttendance, NewGroup, NewGroupSession};
use reqwest::Method;

pub fn matrix_entries() -> Vec<Entry> {
    use Method as M;
    // Callers: anonymous, admin (made the group: its summary only), supervisor
    // (supervises its facilitator), clinician on the team (its facilitator), other clinician.
    vec![
        e(M::GET, "/groups", "/groups", "LAAAANAAF"),
        e(M::GET, "/groups/new", "/groups/new", "LAAFF"),
        e(M::POST, "/groups/new", "/groups/new", "LAAFF"),
        e(M::GET, "/groups/{id}", "/groups/{group}", "LAAAN"),
        e(M::POST, "/groups/{id}/members", "/groups/{group}/members", "LFAAN"),
        e(M::GET, "/groups/{id}/members/{client_id}/pre-group", "/groups/{group}/members/{client}/pre-group", "LFAAN"),
        e(M::POST, "/groups/{id}/members/{client_id}/pre-group", "/groups/{group}/members/{client}/pre-group", "LFAAN"),
        e(M::POST, "/groups/{id}/members/{client_id}/status", "/groups/{group}/members/{client}/status", "LFAAN"),
        e(M::GET, "/groups/{id}/sessions/new", "/groups/{group}/sessions/new", "LFAAN"),
        e(M::POST, "/groups/{id}/sessions", "/groups/{group}/sessions", "LFAAN"),
        e(M::GET, "/groups/{id}/sessions/{number}", "/groups/{group}/sessions/1", "LFAAN"),
        // Last of the group's routes: it closes the group (then 409 for the next caller).
        e(M::POST, "/groups/{id}/close", "/groups/{group}/close", "LFAAN"),
    ]
}

/// A WHO group run by `facilitator`, made by `organiser`, with `client` in it
/// and meeting 1 recorded: `{group}`.
pub async fn matrix_fixtures(
    app: &TestApp,
    client: &Id,
    facilitator: &Id,
    organiser: &Id,
    fixtures: &mut Vec<(&'static str, String)>,
) {
    let group = new_group(app, facilitator, organiser).await;
    app.store.add_group_member(&group, client, 15, test_event("group.member_add")).await.unwrap();
    let meeting = NewGroupSession {
        group_id: group.clone(),
        number: 1,
        phase: "initial".into(),
        held_on: rapport_app::clock::today(),
        group_note: None,
        task: None,
        agenda_done: vec![],
        recorded_by: facilitator.clone(),
        attendance: vec![NewAttendance { client_id: client.clone(), attended: true, note: None }],
    };
    app.store.record_group_session(&meeting, Vec::new(), test_event("group.session_record"), &[]).await.unwrap();
    fixtures.push(("{group}", group.to_string()));
}

async fn new_group(app: &TestApp, facilitator: &Id, organiser: &Id) -> Id {
    let g = NewGroup {
        name: "Matrix group".into(),
        site_id: None,
        protocol_id: "ipt-group-who".into(),
        planned_sessions: 8,
        start_date: rapport_app::clock::today(),
        meeting_time: None,
        single_gender: true,
        facilitators: vec![facilitator.clone()],
        created_by: organiser.clone(),
    };
    app.store.create_group(&g, test_event("group.create")).await.unwrap().id
}

/// The PHQ-9 fields of one member on the meeting screen.
fn phq(member: &str, values: [&str; 9]) -> Vec<(String, String)> {
    values.iter().enumerate().map(|(i, v)| (format!("phq_{member}_{}", i + 1), v.to_string())).collect()
}

#[tokio::test]
async fn a_facilitator_runs_a_group_from_the_pages() {
    on_each_backend(|app| async move {
        let admin = app.user("admin@groups.example", Role::Admin).await;
        let sup = app.user("sup@groups.example", Role::Supervisor).await;
        let fac = app.user("fac@groups.example", Role::Facilitator).await;
        let other = app.user("other@groups.example", Role::Facilitator).await;
        app.store.add_supervision(&sup.id, &fac.id, test_event("user.update")).await.unwrap();
        let site = app.store.create_site("Kisoro", Some("village"), test_event("site.create")).await.unwrap();

        // The supervisor makes the group; a blank name and one facilitator too many are named.
        let s = app.browser_as(&sup.email).await;
        let (status, page) = s.text("/groups/new").await;
        assert_eq!(status, 200);
        assert!(page.contains("Group IPT (WHO format)") && page.contains("Kisoro"), "protocols and sites offered");
        let r = s
            .submit(
                "/groups/new",
                "/groups/new",
                &[("name", " "), ("protocol", "ipt-group-who"), ("start_date", "2999-01-01")],
            )
            .await;
        assert_eq!(r.status(), 422);
        let body = r.text().await.unwrap();
        assert!(body.contains("Give the group a name"), "name error shown");
        assert!(body.contains("href=\"#facilitator_1\""), "the facilitator error links to its select");
        assert!(body.contains("href=\"#start_date\""), "a start date years ahead is refused");
        let site_id = site.id.to_string();
        let fac_id = fac.id.to_string();
        let r = s
            .submit(
                "/groups/new",
                "/groups/new",
                &[
                    ("name", "Kisoro women, Tuesdays"),
                    ("protocol", "ipt-group-who"),
                    ("site_id", &site_id),
                    ("facilitator_1", &fac_id),
                    ("start_date", &today()),
                    ("meeting_time", "14:00"),
                    ("single_gender", "on"),
                ],
            )
            .await;
        assert_eq!(r.status(), 303);
        let group_page = location(&r).split('?').next().unwrap().to_string();
        let gid = group_page.trim_start_matches("/groups/").to_string();

        // The facilitator sees Groups, not emergency access, registers people and adds them.
        let f = app.browser_as(&fac.email).await;
        let home = f.get("/").await;
        assert_eq!(location(&home), "/groups", "a facilitator's home is their groups");
        let (_, groups) = f.text("/groups").await;
        assert!(groups.contains("Kisoro women, Tuesdays") && groups.contains("0 of 8 held"), "{groups}");
        assert!(groups.contains("href=\"/groups\""), "Groups in the navigation");
        assert!(!groups.contains("href=\"/break-glass\""), "no emergency access for a facilitator");
        assert!(!groups.contains("href=\"/groups/new\""), "facilitators do not make groups");
        let mut members = Vec::new();
        for name in ["Ada", "Bea", "Cleo", "Dina", "Esi", "Fay"] {
            let id = f.new_client(&format!("{name} Member")).await;
            let r = f.submit(&group_page, &format!("{group_page}/members"), &[("client_id", id.as_str())]).await;
            assert_eq!(r.status(), 303, "{name} added");
            members.push(id.to_string());
        }
        let r = f.submit(&group_page, &format!("{group_page}/members"), &[("client_id", &members[0])]).await;
        assert_eq!(r.status(), 422, "a member twice is refused");
        assert!(r.text().await.unwrap().contains("already a member"));

        // Pre-group: an empty goal and no consent are named, values kept; then saved.
        let pre = format!("{group_page}/members/{}/pre-group", members[0]);
        let (_, form) = f.text(&pre).await;
        assert!(
            form.contains("Loneliness and isolation") && form.contains("name=\"item_9\""),
            "plain area labels and PHQ-9"
        );
        let r = f.submit(&pre, &pre, &[("problem_areas", "grief"), ("item_1", "2")]).await;
        assert_eq!(r.status(), 422);
        let body = r.text().await.unwrap();
        assert!(body.contains("href=\"#goal\"") && body.contains("href=\"#consent\""), "goal and consent named");
        assert!(body.contains("value=\"grief\" checked"), "the chosen area stays chosen");
        assert!(
            body.contains("name=\"item_1\" value=\"2\" aria-labelledby=\"item_1-q item_1-o2\" checked"),
            "answer kept"
        );
        for (i, m) in members.iter().enumerate() {
            let pre = format!("{group_page}/members/{m}/pre-group");
            let answers = answers(["2", "1", "2", "1", "1", "2", "1", "0", "0"]);
            let mut fields: Vec<(&str, &str)> = answers.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let area = if i % 2 == 0 { "role_dispute" } else { "role_transition" };
            fields.extend([("problem_areas", area), ("goal", "Talk with my sister again"), ("consent", "on")]);
            let r = f.submit(&pre, &pre, &fields).await;
            assert_eq!(r.status(), 303, "pre-group of member {i}");
        }
        let (_, page) = f.text(&group_page).await;
        assert!(page.contains("Disagreements") && page.contains("Life changes"), "areas in the group's words");
        assert!(page.contains("Pre-group done") && page.contains("Record meeting 1"));
        assert!(page.contains("Each member names their problem area and one goal"), "next meeting's agenda");

        // The meeting screen: every member, item 9, kept on the device.
        let new = format!("{group_page}/sessions/new");
        let (status, screen) = f.text(&new).await;
        assert_eq!(status, 200);
        assert!(screen.contains("data-keep-local=\"rapport-meeting-"), "typed work kept on the device");
        assert_eq!(screen.matches("data-testid=\"member-card\"").count(), 6);
        assert!(screen.contains(&format!("name=\"phq_{}_9\"", members[5])), "item 9 on the quick form");
        assert!(
            screen.contains("Meeting 1 of 8") && screen.contains("Initial phase (first meeting)"),
            "number and phase"
        );
        assert!(!screen.contains("Pre-group session to do"), "everyone had their pre-group session");

        // A date in the future: refused, and every typed value comes back.
        let mut fields: Vec<(String, String)> = vec![
            ("date".into(), "2999-01-01".into()),
            ("group_note".into(), "Warm start".into()),
            ("task".into(), "Notice one moment with someone".into()),
            ("agenda".into(), "2".into()),
        ];
        for (i, m) in members.iter().enumerate() {
            let att = if i >= 4 { "absent" } else { "attended" };
            fields.push((format!("att_{m}"), att.into()));
        }
        fields.push((format!("note_{}", members[1]), "Quiet today".into()));
        fields.extend(phq(&members[0], ["1", "1", "1", "1", "1", "1", "1", "1", "2"]));
        fields.extend(phq(&members[1], ["2", "2", "1", "1", "0", "0", "1", "1", "0"]));
        // Answers typed for a member then marked absent are not sent.
        fields.extend(phq(&members[4], ["3", "3", "3", "3", "3", "3", "3", "3", "3"]));
        let csrf = f.csrf_from(&new).await;
        let mut form: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        form.push(("csrf", &csrf));
        let r = f.post_form(&format!("{group_page}/sessions"), &form).await;
        assert_eq!(r.status(), 422);
        let body = r.text().await.unwrap();
        assert!(body.contains("href=\"#date\""), "the date is named");
        assert!(body.contains("Quiet today") && body.contains("Warm start") && body.contains("Notice one moment"));
        assert!(body.contains(&format!("name=\"att_{}\" value=\"absent\" checked", members[5])), "absence kept");
        assert!(body.contains(&format!("name=\"phq_{}_9\" value=\"2\" checked", members[0])), "item 9 kept");
        assert!(body.contains("name=\"agenda\" value=\"2\" checked"), "agenda tick kept");
        assert_eq!(app.scalar("SELECT COUNT(*) AS n FROM group_sessions", &[]).await, 0, "nothing stored");

        // Today: saved; member 0's item 9 raises a flag and the crisis guidance names the supervisor.
        let today = today();
        fields[0].1 = today.clone();
        let csrf = f.csrf_from(&new).await;
        let mut form: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        form.push(("csrf", &csrf));
        let r = f.post_form(&format!("{group_page}/sessions"), &form).await;
        assert_eq!(r.status(), 303);
        assert_eq!(location(&r), format!("{group_page}/sessions/1?done=saved"));
        let (_, done) = f.text(&location(&r)).await;
        assert!(done.contains("data-testid=\"meeting-crisis\""), "crisis guidance shown");
        assert!(done.contains(&format!("Call your supervisor now: {}", sup.name)), "{done}");
        assert!(done.contains("Ada Member") && done.contains("/risk-flags/"));
        assert!(!done.contains("Bea Member</strong> gave"), "only the member with the positive answer");
        assert!(done.contains(&format!("data-clear-local=\"rapport-meeting-{gid}-1\"")), "the kept copy is cleared");
        assert_eq!(done.matches("badge-muted\">Absent").count(), 2, "two absences");
        assert_eq!(app.open_flags(&members[0]).await.len(), 1);
        assert!(app.open_flags(&members[4]).await.is_empty(), "an absent member's answers were not sent");
        assert_eq!(
            app.scalar("SELECT COUNT(*) AS n FROM measure_responses WHERE group_session_id IS NOT NULL", &[]).await,
            2
        );

        // The supervisor sees the flag and the group's scores.
        let (_, flags) = s.text("/risk-flags").await;
        assert!(flags.contains("Ada Member"), "the supervisor sees the flag");
        let (_, seen) = s.text(&format!("{group_page}/sessions/1")).await;
        assert!(seen.contains(&format!("Call {} today", fac.name)), "a supervisor is told to call the facilitator");
        assert!(!seen.contains("Call your supervisor now"), "not the facilitator's words");
        let (_, page) = s.text(&group_page).await;
        assert!(page.contains("1 of 1") && page.contains("0 of 1"), "attended n of m");
        assert!(page.contains("Meeting 1</a>"), "the meeting listed");

        // A member's record lists the group; the facilitator gets no course button.
        let (_, record) = f.text(&format!("/clients/{}", members[1])).await;
        assert!(record.contains("data-testid=\"client-groups\"") && record.contains("Kisoro women, Tuesdays"));
        assert!(record.contains("attended 1 of 1 meetings held"));
        assert!(!record.contains("/courses/new"), "no individual course for a facilitator");

        // Status: a reason is needed to drop out; then dropped out.
        let st = format!("{group_page}/members/{}/status", members[5]);
        let r = f.submit(&group_page, &st, &[("status", "")]).await;
        assert_eq!(r.status(), 422);
        let body = r.text().await.unwrap();
        assert!(body.contains("Choose the member") && body.contains("new status"), "no status chosen is named");
        let r = f.submit(&group_page, &st, &[("status", "dropped_out")]).await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains(&format!("href=\"#m-{}-reason\"", members[5])));
        let r = f.submit(&group_page, &st, &[("status", "dropped_out"), ("reason", "Moved away")]).await;
        assert_eq!(r.status(), 303);
        let (_, page) = f.text(&group_page).await;
        assert!(page.contains("Dropped out") && page.contains("Moved away"));

        // Another facilitator: 404; an administrator: the summary, no member.
        let o = app.browser_as(&other.email).await;
        assert_eq!(o.get(&group_page).await.status(), 404);
        assert_eq!(o.get(&new).await.status(), 404);
        let a = app.browser_as(&admin.email).await;
        let (status, summary) = a.text(&group_page).await;
        assert_eq!(status, 200);
        assert!(summary.contains("Kisoro women, Tuesdays") && !summary.contains("Ada Member"), "summary only");
        assert_eq!(a.get(&new).await.status(), 403);
        assert!(app.store.audit_verify().await.is_ok());
    })
    .await;
}

/// A group of `protocol` run by `facilitator` with `members`, through the store.
async fn group_with(app: &TestApp, protocol: &str, name: &str, facilitator: &Id, members: &[&Id]) -> String {
    let g = NewGroup {
        name: name.into(),
        site_id: None,
        protocol_id: protocol.into(),
        planned_sessions: 8,
        start_date: rapport_app::clock::today(),
        meeting_time: None,
        single_gender: false,
        facilitators: vec![facilitator.clone()],
        created_by: facilitator.clone(),
    };
    let id = app.store.create_group(&g, test_event("group.create")).await.unwrap().id;
    for m in members {
        app.store.add_group_member(&id, m, 15, test_event("group.member_add")).await.unwrap();
    }
    format!("/groups/{id}")
}

#[tokio::test]
async fn group_pages_name_what_is_missing_and_keep_a_member_s_history() {
    on_each_backend(|app| async move {
        let sup = app.user("sup@history.example", Role::Supervisor).await;
        let fac = app.user("fac@history.example", Role::Facilitator).await;
        app.store.add_supervision(&sup.id, &fac.id, test_event("user.update")).await.unwrap();
        let f = app.browser_as(&fac.email).await;
        let x = f.new_client("Xena Member").await;
        let y = f.new_client("Yara Member").await;
        // A school group (a parent session before it) and a WHO group, Xena in both.
        let ag = group_with(&app, "ipt-ag", "School group", &fac.id, &[&x, &y]).await;
        let who = group_with(&app, "ipt-group-who", "Village group", &fac.id, &[&x]).await;

        // Pre-group three months ago is fine; three areas are one too many; the parent session is asked.
        let pre = format!("{ag}/members/{x}/pre-group");
        let (_, form) = f.text(&pre).await;
        assert!(form.contains("name=\"parent_session_on\""), "adolescent groups ask for the parent session");
        let months_ago = rapport_core::time::format_date(rapport_app::clock::today() - time::Duration::days(92));
        let fields = [
            ("problem_areas", "grief"),
            ("problem_areas", "role_dispute"),
            ("problem_areas", "role_transition"),
            ("goal", "Fewer fights at home"),
            ("consent", "on"),
            ("held_on", months_ago.as_str()),
        ];
        let r = f.submit(&pre, &pre, &fields).await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("href=\"#problem_areas\""), "too many areas named");
        let r =
            f.submit(&pre, &pre, &[fields[0], fields[3], fields[4], fields[5], ("parent_session_on", &today())]).await;
        assert_eq!(r.status(), 303);
        let (_, page) = f.text(&ag).await;
        let held = rapport_app::clock::today() - time::Duration::days(92);
        assert!(page.contains(&format!("{} {}", held.day(), &held.month().to_string()[..3])), "the old date shown");

        // A member left without Here/Absent is named and linked.
        let csrf = f.csrf_from(&format!("{ag}/sessions/new")).await;
        let r =
            f.post_form(&format!("{ag}/sessions"), &[("csrf", csrf.as_str()), (&format!("att_{x}"), "attended")]).await;
        assert_eq!(r.status(), 422);
        let body = r.text().await.unwrap();
        assert!(body.contains(&format!("href=\"#attendance.{y}\"")) && body.contains("Mark Yara Member as attended"));
        assert!(body.contains(&format!("name=\"att_{x}\" value=\"attended\" checked")), "the choice made is kept");
        assert!(body.contains("Pre-group session to do"), "Yara's pre-group session is still to do");

        // Xena drops out of the school group; her record keeps both groups.
        let st = format!("{ag}/members/{x}/status");
        let r = f.submit(&ag, &st, &[("status", "dropped_out"), ("reason", "Changed school")]).await;
        assert_eq!(r.status(), 303);
        let (_, record) = f.text(&format!("/clients/{x}")).await;
        assert!(record.contains("School group") && record.contains("Village group"), "both groups listed");
        assert!(record.contains("Dropped out") && record.contains("Changed school"));

        // Meetings that do not exist are 404; a closed group records none (409) and offers none.
        assert_eq!(f.get(&format!("{who}/sessions/9")).await.status(), 404);
        assert_eq!(f.get(&format!("{who}/sessions/abc")).await.status(), 404);
        let pre = format!("{who}/members/{x}/pre-group");
        let r = f.submit(&pre, &pre, &[("problem_areas", "grief"), ("goal", "Sleep again"), ("consent", "on")]).await;
        assert_eq!(r.status(), 303);
        let r = f.submit(&who, &format!("{who}/close"), &[]).await;
        assert_eq!(r.status(), 303);
        assert_eq!(f.get(&format!("{who}/sessions/new")).await.status(), 409);
        let (_, page) = f.text(&who).await;
        assert!(!page.contains("Record meeting") && page.contains("Closed"));
        let (_, record) = f.text(&format!("/clients/{x}")).await;
        assert!(record.contains("Completed"), "closing completes the members who had their pre-group session");

        // The supervisor's list shows both groups with their facilitator.
        let s = app.browser_as(&sup.email).await;
        let (_, list) = s.text("/groups").await;
        assert!(list.contains("School group") && list.contains("Village group") && list.contains(&fac.name));
        assert!(list.contains("href=\"/groups/new\""), "supervisors make groups");
    })
    .await;
}
