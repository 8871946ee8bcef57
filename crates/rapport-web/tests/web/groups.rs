//! Group IPT over the JSON API (issue 13): sites and clients at a site,
//! facilitator confinement, cascaded supervision, the phases of each group
//! protocol, the size limit, the screening funnel and risk routing from a
//! meeting. Every scenario runs on each backend with 40-day-old accounts.

use crate::matrix::{e, j, Entry};
use crate::support::*;
use rapport_core::access::Role;
use rapport_core::audit::action;
use rapport_core::time::format_date;
use rapport_core::{Id, Timestamp};
use rapport_store::users::User;
use reqwest::Method;
use serde_json::{json, Value};
use time::Duration;

fn days_ago(n: i64) -> String {
    format_date(Timestamp::now().date() - Duration::days(n))
}

const PHQ9_MILD: [i64; 9] = [1, 1, 1, 1, 1, 1, 1, 1, 0];
const PHQ9_ELIGIBLE: [i64; 9] = [2, 2, 1, 1, 1, 1, 1, 1, 0];
const PHQ9_ITEM9: [i64; 9] = [1, 1, 1, 1, 1, 1, 1, 1, 2];

/// A programme: a master trainer supervises a supervisor who supervises a
/// facilitator (at site "Kampala North") and a clinician; an unrelated
/// supervisor and facilitator; an administrator.
struct Programme {
    admin: User,
    master: User,
    sup: User,
    fac: User,
    clin: User,
    other_sup: User,
    other_fac: User,
    site: String,
    other_site: String,
}

impl Programme {
    async fn new(app: &TestApp) -> Programme {
        let admin = app.user("admin@programme.example", Role::Admin).await;
        let master = app.user("master@programme.example", Role::Supervisor).await;
        let sup = app.user("sup@programme.example", Role::Supervisor).await;
        let fac = app.user("fac@programme.example", Role::Facilitator).await;
        let clin = app.user("clin@programme.example", Role::Clinician).await;
        let other_sup = app.user("other.sup@programme.example", Role::Supervisor).await;
        let other_fac = app.user("other.fac@programme.example", Role::Facilitator).await;
        let ev = || test_event(action::USER_UPDATE);
        app.store.set_supervisees(&master.id, std::slice::from_ref(&sup.id), ev(), &[]).await.unwrap();
        app.store.set_supervisees(&sup.id, &[fac.id.clone(), clin.id.clone()], ev(), &[]).await.unwrap();
        app.store.set_supervisees(&other_sup.id, std::slice::from_ref(&other_fac.id), ev(), &[]).await.unwrap();
        let api = Api::new(app, &admin).await;
        let site = api.create("/api/v1/sites", json!({"name": "Kampala North", "kind": "village"})).await;
        assert_eq!(site["name"], "Kampala North");
        let site = site["id"].as_str().unwrap().to_string();
        let other = api.create("/api/v1/sites", json!({"name": "Gulu"})).await["id"].as_str().unwrap().to_string();
        let sid = Id::parse(&site).unwrap();
        app.store.set_user_site(&fac.id, Some(&sid), test_event(action::USER_SITE)).await.unwrap();
        app.store.set_user_site(&other_fac.id, Some(&sid), test_event(action::USER_SITE)).await.unwrap();
        Programme { admin, master, sup, fac, clin, other_sup, other_fac, site, other_site: other }
    }
}

/// A group made by `api` (a supervisor or an administrator); returns its JSON.
async fn new_group(api: &Api, protocol: &str, facilitators: &[&User]) -> Value {
    let ids: Vec<String> = facilitators.iter().map(|f| f.id.to_string()).collect();
    api.create(
        "/api/v1/groups",
        json!({"name": format!("Group {protocol}"), "protocol": protocol, "facilitator_ids": ids, "start_date": days_ago(120)}),
    )
    .await
}

/// A client `api`'s user registers and adds to `group`; returns the client id.
async fn member(api: &Api, group: &str, name: &str) -> String {
    let client = api.new_client(name).await;
    let (s, m) = api.post(&format!("/api/v1/groups/{group}/members"), json!({"client_id": client})).await;
    assert_eq!(s, 201, "{m}");
    assert_eq!(m["status"], "awaiting_pre_group", "{m}");
    client
}

async fn pre_group(api: &Api, group: &str, client: &str) {
    let (s, r) = api
        .post(
            &format!("/api/v1/groups/{group}/members/{client}/pre-group"),
            json!({"problem_areas": ["grief"], "goal": "Sleep through the night", "consent": true,
                   "held_on": days_ago(100), "baseline": PHQ9_ELIGIBLE}),
        )
        .await;
    assert_eq!(s, 200, "{r}");
    assert_eq!(r["member"]["status"], "pre_group_done", "{r}");
}

/// A meeting on `date` with everyone in `present` attending and everyone in
/// `absent` absent, and `responses` as given.
async fn meet(api: &Api, group: &str, date: &str, present: &[&str], absent: &[&str], responses: Value) -> (u16, Value) {
    let mut attendance = serde_json::Map::new();
    for c in present {
        attendance.insert(c.to_string(), json!("attended"));
    }
    for c in absent {
        attendance.insert(c.to_string(), json!("absent"));
    }
    api.post(
        &format!("/api/v1/groups/{group}/sessions"),
        json!({"date": date, "attendance": attendance, "responses": responses}),
    )
    .await
}

async fn screen(api: &Api, client: &str, answers: [i64; 9]) -> Value {
    api.create("/api/v1/screenings", json!({"client_id": client, "protocol": "ipt-group-who", "answers": answers}))
        .await
}

fn phq9(client: &str, answers: Value) -> Value {
    json!({"client_id": client, "instrument": "phq9", "answers": answers})
}

#[tokio::test]
async fn sites_are_made_by_organisers_and_clients_belong_to_one() {
    on_each_backend(|app| async move {
        let p = Programme::new(&app).await;
        let admin = Api::new(&app, &p.admin).await;
        let sup = Api::new(&app, &p.sup).await;
        let fac = Api::new(&app, &p.fac).await;
        let clin = Api::new(&app, &p.clin).await;
        // Supervisors make sites too; clinicians and facilitators do not.
        let school = sup.create("/api/v1/sites", json!({"name": "St Mary's school", "kind": "school"})).await;
        assert_eq!(school["kind"], "school");
        for api in [&clin, &fac] {
            let (s, body) = api.post("/api/v1/sites", json!({"name": "Nowhere"})).await;
            assert_eq!(s, 403, "{body}");
        }
        let (s, body) = admin.post("/api/v1/sites", json!({"name": "   "})).await;
        assert_eq!((s, body["error"]["field"].as_str()), (422, Some("name")), "{body}");
        let (s, body) = admin.post("/api/v1/sites", json!({"name": "A", "colour": "red"})).await;
        assert_eq!((s, body["error"]["field"].as_str()), (400, Some("colour")), "{body}");
        let (s, sites) = fac.get("/api/v1/sites").await;
        assert_eq!(s, 200);
        let names: Vec<&str> = sites.as_array().unwrap().iter().map(|x| x["name"].as_str().unwrap()).collect();
        assert_eq!(names.len(), 3, "{names:?}");
        assert!(names.contains(&"Kampala North") && names.contains(&"St Mary's school"));
        assert!(app.count(action::SITE_CREATE).await >= 3);

        // A facilitator's client is at the facilitator's site unless they name one of theirs.
        let c = fac.create("/api/v1/clients", json!({"display_name": "Nakato"})).await;
        assert_eq!(c["site_id"].as_str(), Some(p.site.as_str()), "{c}");
        let (s, body) = fac.post("/api/v1/clients", json!({"display_name": "X", "site_id": p.other_site})).await;
        assert_eq!((s, body["error"]["field"].as_str()), (422, Some("site_id")), "{body}");
        let (s, body) =
            fac.post("/api/v1/clients", json!({"display_name": "X", "site_id": Id::new().to_string()})).await;
        assert_eq!((s, body["error"]["field"].as_str()), (422, Some("site_id")), "{body}");
        let (s, body) = clin.post("/api/v1/clients", json!({"display_name": "X", "site_id": "not-an-id"})).await;
        assert_eq!((s, body["error"]["field"].as_str()), (422, Some("site_id")), "{body}");
        // A clinician names any site, or none.
        let c = clin.create("/api/v1/clients", json!({"display_name": "Okot", "site_id": p.other_site})).await;
        assert_eq!(c["site_id"].as_str(), Some(p.other_site.as_str()));
        let c = clin.create("/api/v1/clients", json!({"display_name": "Achan"})).await;
        assert!(c["site_id"].is_null(), "{c}");
    })
    .await;
}

#[tokio::test]
async fn the_account_form_makes_a_facilitator_at_a_site_under_a_supervisor() {
    on_each_backend(|app| async move {
        let p = Programme::new(&app).await;
        let b = app.browser_as(&p.admin.email).await;
        let form = "/admin/users/new";
        let base = [
            ("email", "new.fac@programme.example"),
            ("name", "New Fac"),
            ("role", "facilitator"),
            ("password", PASSWORD),
        ];
        let with = |extra: &[(&'static str, &str)]| {
            let mut f: Vec<(&str, String)> = base.iter().map(|(k, v)| (*k, v.to_string())).collect();
            f.extend(extra.iter().map(|(k, v)| (*k, v.to_string())));
            f
        };
        // Refused: an unknown site, a supervisor who is not one, a supervised administrator.
        let clin = p.clin.id.to_string();
        let sup = p.sup.id.to_string();
        let bad_site = Id::new().to_string();
        for (extra, field) in [
            (vec![("site_id", bad_site.as_str())], "Choose a site from the list"),
            (vec![("supervisor", clin.as_str())], "Choose an active supervisor"),
        ] {
            let fields = with(&extra);
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let r = b.submit(form, form, &fields).await;
            assert_eq!(r.status(), 422);
            assert!(r.text().await.unwrap().contains(field), "{field}");
        }
        let r = b
            .submit(
                form,
                form,
                &[
                    ("email", "a2@programme.example"),
                    ("name", "A2"),
                    ("role", "admin"),
                    ("password", PASSWORD),
                    ("supervisor", &sup),
                ],
            )
            .await;
        assert_eq!(r.status(), 422);
        assert!(app.store.user_by_email("new.fac@programme.example").await.unwrap().is_none());
        // Made: at the site, supervised from the start (the supervisor's supervisor reaches them too).
        let fields = with(&[("site_id", p.site.as_str()), ("supervisor", sup.as_str())]);
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_eq!(b.submit(form, form, &fields).await.status(), 303);
        let made = app.store.user_by_email("new.fac@programme.example").await.unwrap().unwrap().0;
        assert_eq!(
            (made.role, made.site_id.as_ref().map(|s| s.to_string())),
            (Role::Facilitator, Some(p.site.clone()))
        );
        assert!(app.store.supervision_reach(&p.sup.id).await.unwrap().contains(&made.id));
        assert!(app.store.supervision_reach(&p.master.id).await.unwrap().contains(&made.id));
        assert_eq!(app.count(action::SUPERVISION_ADD).await, 1);
        // Editing without the site field leaves the site; with it, moves them (audited).
        let edit = format!("/admin/users/{}", made.id);
        assert_eq!(b.submit(&edit, &edit, &[("name", "New Fac"), ("role", "facilitator")]).await.status(), 303);
        assert_eq!(
            app.store.user(&made.id).await.unwrap().unwrap().site_id.map(|s| s.to_string()),
            Some(p.site.clone())
        );
        let r =
            b.submit(&edit, &edit, &[("name", "New Fac"), ("role", "facilitator"), ("site_id", &p.other_site)]).await;
        assert_eq!(r.status(), 303);
        assert_eq!(
            app.store.user(&made.id).await.unwrap().unwrap().site_id.map(|s| s.to_string()),
            Some(p.other_site.clone())
        );
        let moved = app.audit_entries(action::USER_SITE).await.into_iter().max_by_key(|e| e.seq).unwrap();
        assert_eq!(moved.event.resource_id.as_deref(), Some(made.id.as_str()));
        assert_eq!(moved.event.ip.as_deref(), Some("127.0.0.1"));
        // Their new clients are at their site.
        let api = Api::new(&app, &made).await;
        let c = api.create("/api/v1/clients", json!({"display_name": "Moved"})).await;
        assert_eq!(c["site_id"].as_str(), Some(p.other_site.as_str()));
    })
    .await;
}

#[tokio::test]
async fn a_facilitator_sees_only_their_groups_members_and_people_they_registered() {
    on_each_backend(|app| async move {
        let p = Programme::new(&app).await;
        let sup = Api::new(&app, &p.sup).await;
        let fac = Api::new(&app, &p.fac).await;
        let other_fac = Api::new(&app, &p.other_fac).await;
        let clin = Api::new(&app, &p.clin).await;
        // Facilitators do not make groups.
        let (s, _) = fac
            .post(
                "/api/v1/groups",
                json!({"name": "Mine", "protocol": "ipt-group-who", "facilitator_ids": [p.fac.id], "start_date": today()}),
            )
            .await;
        assert_eq!(s, 403);
        let g = new_group(&sup, "ipt-group-who", &[&p.fac]).await;
        assert_eq!((g["planned_sessions"].as_u64(), g["phase"].as_str()), (Some(8), Some("pre_group")), "{g}");
        assert_eq!(g["access"], "supervises");
        assert_eq!(g["facilitators"][0]["id"].as_str(), Some(p.fac.id.as_str()));
        let gid = g["id"].as_str().unwrap();
        let m1 = member(&fac, gid, "Nakato").await;
        let registered = fac.new_client("Registered Only").await;

        // The facilitator: their group, its member, the person they registered.
        let (s, list) = fac.get("/api/v1/groups").await;
        assert_eq!(s, 200);
        assert_eq!(list.as_array().unwrap().len(), 1);
        assert_eq!(list[0]["id"].as_str(), Some(gid));
        assert_eq!(list[0]["current_members"], 1);
        let (s, got) = fac.get(&format!("/api/v1/groups/{gid}")).await;
        assert_eq!(s, 200);
        assert_eq!(got["access"], "facilitates");
        assert_eq!(got["members"][0]["client_id"].as_str(), Some(m1.as_str()));
        assert_eq!(got["members"][0]["sessions_attended"], 0);
        assert_eq!(fac.get(&format!("/api/v1/clients/{m1}")).await.0, 200);
        assert_eq!(fac.get(&format!("/api/v1/clients/{registered}")).await.0, 200);
        let read = app.audit_entries(action::GROUP_READ).await;
        assert!(read.iter().any(|e| e.event.detail.as_deref().unwrap_or("").contains(m1.as_str())), "read names the member");

        // Any other client: 404, and they cannot be added to the group.
        let theirs = clin.new_client("Clinician's Client").await;
        assert_eq!(fac.get(&format!("/api/v1/clients/{theirs}")).await.0, 404);
        let (s, body) = fac.post(&format!("/api/v1/groups/{gid}/members"), json!({"client_id": theirs})).await;
        assert_eq!((s, body["error"]["field"].as_str()), (422, Some("client_id")), "{body}");
        // Another facilitator (same site): neither the group nor its member.
        assert_eq!(other_fac.get(&format!("/api/v1/groups/{gid}")).await.0, 404);
        assert_eq!(other_fac.get(&format!("/api/v1/clients/{m1}")).await.0, 404);
        assert_eq!(other_fac.get("/api/v1/groups").await.1.as_array().unwrap().len(), 0);
        let (s, _) = other_fac.post(&format!("/api/v1/groups/{gid}/sessions"), json!({"attendance": {}})).await;
        assert_eq!(s, 404);
        // Their caseload lists their own people only.
        let (_, caseload) = fac.get("/api/v1/clients").await;
        let ids: Vec<&str> = caseload.as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
        assert_eq!(ids.len(), 2, "{ids:?}");
        assert!(ids.contains(&m1.as_str()) && ids.contains(&registered.as_str()));

        // No individual course, no process note, no administration, no break-glass.
        let (s, _) = fac.post(&format!("/api/v1/clients/{m1}/courses"), json!({"protocol": "ipt-individual"})).await;
        assert_eq!(s, 403);
        // A clinician's course for the member (the clinician joins the care team first).
        app.store.add_care_team_member(&Id::parse(&m1).unwrap(), &p.clin.id, test_event("care_team.add")).await.unwrap();
        let course = clin
            .new_course(&m1, json!({"protocol": "ipt-individual", "planned_sessions": 16, "start_date": days_ago(30)}))
            .await;
        let session = clin.new_session(&course, json!({"date": days_ago(7), "attendance": "attended"})).await;
        let (s, _) = clin
            .put(&format!("/api/v1/sessions/{session}/process-note"), json!({"text": "My private thoughts", "version": 0}))
            .await;
        assert!(s == 200 || s == 201, "process note saved: {s}");
        assert_eq!(clin.get(&format!("/api/v1/courses/{course}")).await.0, 200);
        assert_eq!(fac.get(&format!("/api/v1/courses/{course}")).await.0, 404);
        let (s, _) = fac.get(&format!("/api/v1/sessions/{session}/process-note?author={}", p.clin.id)).await;
        assert_eq!(s, 404);
        assert_eq!(fac.get("/api/v1/audit").await.0, 403);
        let browser = app.browser_as(&p.fac.email).await;
        assert_eq!(browser.get("/admin/users").await.status(), 403);
        assert_eq!(browser.get(&format!("/clients/{m1}/courses/new")).await.status(), 403);
        assert_eq!(browser.get(&format!("/clients/{m1}")).await.status(), 200);
        assert_eq!(browser.get(&format!("/break-glass/{theirs}")).await.status(), 403);
        assert_eq!(browser.get(&format!("/clients/{theirs}")).await.status(), 404);
        assert!(app.count(action::ACCESS_DENIED).await >= 5);
    })
    .await;
}

#[tokio::test]
async fn supervision_cascades_from_master_trainer_to_the_group_and_stops_there() {
    on_each_backend(|app| async move {
        let p = Programme::new(&app).await;
        let sup = Api::new(&app, &p.sup).await;
        let fac = Api::new(&app, &p.fac).await;
        let master = Api::new(&app, &p.master).await;
        let other_sup = Api::new(&app, &p.other_sup).await;
        let admin = Api::new(&app, &p.admin).await;
        let g = new_group(&admin, "ipt-group-12", &[&p.fac]).await;
        assert_eq!(g["access"], "organises", "the administrator made it without supervising anyone: {g}");
        assert_eq!(g["planned_sessions"], 12);
        let gid = g["id"].as_str().unwrap();
        let m = member(&fac, gid, "Akello").await;

        // The master trainer supervises the supervisor who supervises the facilitator.
        let (s, got) = master.get(&format!("/api/v1/groups/{gid}")).await;
        assert_eq!(s, 200, "{got}");
        assert_eq!(got["access"], "supervises");
        assert_eq!(got["members"][0]["client_id"].as_str(), Some(m.as_str()));
        assert_eq!(master.get(&format!("/api/v1/clients/{m}")).await.0, 200);
        assert_eq!(master.get("/api/v1/groups").await.1.as_array().unwrap().len(), 1);
        assert_eq!(sup.get(&format!("/api/v1/groups/{gid}")).await.1["access"], "supervises");
        // A supervisor of someone else: 404 for the group and the member.
        assert_eq!(other_sup.get(&format!("/api/v1/groups/{gid}")).await.0, 404);
        assert_eq!(other_sup.get(&format!("/api/v1/clients/{m}")).await.0, 404);
        assert_eq!(other_sup.get("/api/v1/groups").await.1.as_array().unwrap().len(), 0);
        // The administrator sees the summary, never a member, and cannot record a meeting.
        let (s, got) = admin.get(&format!("/api/v1/groups/{gid}")).await;
        assert_eq!(s, 200);
        assert_eq!((got["access"].as_str(), got["current_members"].as_u64()), (Some("organises"), Some(1)));
        assert_eq!(got["members"].as_array().unwrap().len(), 0, "{got}");
        assert_eq!(admin.get(&format!("/api/v1/clients/{m}")).await.0, 404);
        let (s, _) = meet(&admin, gid, &today(), &[m.as_str()], &[], json!([])).await;
        assert_eq!(s, 403);
        // The master trainer may record a meeting (supervision reaches the group).
        let (s, r) = meet(&master, gid, &today(), &[m.as_str()], &[], json!([phq9(&m, json!(PHQ9_MILD))])).await;
        assert_eq!((s, r["number"].as_u64()), (201, Some(1)), "{r}");

        // A supervision chain changed on the admin page: the reach follows it.
        let b = app.browser_as(&p.admin.email).await;
        let page = format!("/admin/users/{}", p.other_sup.id);
        let fields = [
            ("name", "Other Sup"),
            ("role", "supervisor"),
            ("supervisees", p.other_fac.id.as_str()),
            ("supervisees", p.master.id.as_str()),
        ];
        assert_eq!(b.submit(&page, &page, &fields).await.status(), 303);
        assert_eq!(other_sup.get(&format!("/api/v1/groups/{gid}")).await.1["access"], "supervises");
        assert_eq!(other_sup.get(&format!("/api/v1/clients/{m}")).await.0, 200);
        // A circle is refused: the facilitator's supervisor cannot be supervised by
        // the facilitator's supervisee... nor can the master be supervised by their supervisee.
        let page = format!("/admin/users/{}", p.sup.id);
        let fields = [
            ("name", "Sup"),
            ("role", "supervisor"),
            ("supervisees", p.fac.id.as_str()),
            ("supervisees", p.clin.id.as_str()),
            ("supervisees", p.other_sup.id.as_str()),
        ];
        let r = b.submit(&page, &page, &fields).await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("would make a circle"));
        assert!(!app.store.supervisees(&p.sup.id).await.unwrap().contains(&p.other_sup.id));
        // Nobody supervises themselves (they are not even offered).
        let page = format!("/admin/users/{}", p.master.id);
        let fields = [("name", "Master"), ("role", "supervisor"), ("supervisees", p.master.id.as_str())];
        assert_eq!(b.submit(&page, &page, &fields).await.status(), 422);
        let choices = rapport_app::admin::supervisee_choices(
            &rapport_web::AppState::new(app.store.clone(), rapport_web::Config::default()),
            Some(&p.master.id),
        )
        .await
        .unwrap();
        let roles: std::collections::BTreeSet<&str> = choices.iter().map(|u| u.role.as_str()).collect();
        assert!(!choices.iter().any(|u| u.id == p.master.id));
        assert_eq!(roles, ["supervisor", "clinician", "facilitator"].into_iter().collect());
    })
    .await;
}

#[tokio::test]
async fn each_group_protocol_runs_its_phases_meeting_by_meeting() {
    on_each_backend(|app| async move {
        let p = Programme::new(&app).await;
        let sup = Api::new(&app, &p.sup).await;
        let fac = Api::new(&app, &p.fac).await;
        let plans: [(&str, &[&str]); 3] = [
            ("ipt-group-who", &["initial", "middle", "middle", "middle", "middle", "middle", "middle", "termination"]),
            (
                "ipt-group-12",
                &[
                    "initial",
                    "initial",
                    "initial",
                    "initial",
                    "middle",
                    "middle",
                    "middle",
                    "middle",
                    "middle",
                    "termination",
                    "termination",
                    "termination",
                ],
            ),
            ("ipt-ag", &["initial", "initial", "middle", "middle", "middle", "middle", "termination", "termination"]),
        ];
        for (protocol, phases) in plans {
            let g = new_group(&sup, protocol, &[&p.fac]).await;
            let gid = g["id"].as_str().unwrap().to_string();
            let planned = phases.len() as u64;
            assert_eq!(g["planned_sessions"].as_u64(), Some(planned), "{protocol}");
            assert_eq!(g["sessions_remaining"].as_u64(), Some(planned), "{protocol}");
            let a = member(&fac, &gid, &format!("{protocol} A")).await;
            let b = member(&fac, &gid, &format!("{protocol} B")).await;
            pre_group(&fac, &gid, &a).await;
            for (i, phase) in phases.iter().enumerate() {
                let n = i as u64 + 1;
                let date = days_ago(7 * (planned as i64 - i as i64));
                // B misses every third meeting.
                let (present, absent): (Vec<&str>, Vec<&str>) =
                    if n.is_multiple_of(3) { (vec![&a], vec![&b]) } else { (vec![&a, &b], vec![]) };
                let (s, r) = meet(&fac, &gid, &date, &present, &absent, json!([phq9(&a, json!(PHQ9_MILD))])).await;
                assert_eq!(s, 201, "{protocol} meeting {n}: {r}");
                assert_eq!((r["number"].as_u64(), r["phase"].as_str()), (Some(n), Some(*phase)), "{protocol} {r}");
                assert_eq!(r["risk_flag_ids"].as_array().unwrap().len(), 0);
                let (_, got) = fac.get(&format!("/api/v1/groups/{gid}")).await;
                assert_eq!(got["sessions_held"].as_u64(), Some(n), "{protocol}");
                assert_eq!(got["sessions_remaining"].as_u64(), Some(planned - n), "{protocol}");
                let expected = if n == planned { "finished" } else { phases[i + 1] };
                assert_eq!(got["phase"].as_str(), Some(expected), "{protocol} after meeting {n}");
            }
            let (_, got) = fac.get(&format!("/api/v1/groups/{gid}")).await;
            assert!(got["next_session"].is_null());
            let sessions = got["sessions"].as_array().unwrap();
            assert_eq!(sessions.len() as u64, planned);
            assert_eq!(sessions.last().unwrap()["phase"].as_str(), phases.last().copied());
            let missed = (1..=planned).filter(|n| n.is_multiple_of(3)).count() as u64;
            let by_id =
                |id: &str| got["members"].as_array().unwrap().iter().find(|m| m["client_id"] == id).cloned().unwrap();
            assert_eq!(by_id(&a)["sessions_attended"].as_u64(), Some(planned));
            assert_eq!(by_id(&b)["sessions_attended"].as_u64(), Some(planned - missed));
            // The baseline and one score per meeting, in order.
            assert_eq!(by_id(&a)["scores"].as_array().unwrap().len() as u64, planned + 1);
            assert!(by_id(&a)["scores"][0]["session_id"].is_null(), "the baseline comes first");
            // Past the last meeting: 409, nothing stored.
            let (s, r) = meet(&fac, &gid, &today(), &[&a, &b], &[], json!([])).await;
            assert_eq!(s, 409, "{protocol}: {r}");
            assert_eq!(fac.get(&format!("/api/v1/groups/{gid}")).await.1["sessions_held"].as_u64(), Some(planned));
            // Closing completes the members still in it; closing again is a conflict.
            let (s, closed) = fac.post(&format!("/api/v1/groups/{gid}/close"), json!({})).await;
            assert_eq!(s, 200, "{closed}");
            assert!(closed["closed"].as_bool().unwrap());
            assert!(closed["members"].as_array().unwrap().iter().all(|m| m["status"] == "completed"), "{closed}");
            assert_eq!(fac.post(&format!("/api/v1/groups/{gid}/close"), json!({})).await.0, 409);
        }
    })
    .await;
}

#[tokio::test]
async fn meetings_refuse_bad_input_naming_the_field() {
    on_each_backend(|app| async move {
        let p = Programme::new(&app).await;
        let sup = Api::new(&app, &p.sup).await;
        let fac = Api::new(&app, &p.fac).await;
        let (s, body) = sup
            .post(
                "/api/v1/groups",
                json!({"name": "G", "protocol": "ipt-individual", "facilitator_ids": [p.fac.id], "start_date": today()}),
            )
            .await;
        assert_eq!((s, body["error"]["field"].as_str()), (422, Some("protocol")), "{body}");
        let (s, body) = sup
            .post(
                "/api/v1/groups",
                json!({"name": "G", "protocol": "ipt-group-who", "facilitator_ids": [p.fac.id, p.clin.id, p.sup.id], "start_date": today()}),
            )
            .await;
        assert_eq!((s, body["error"]["field"].as_str()), (422, Some("facilitator_ids")), "{body}");
        let (s, body) = sup
            .post(
                "/api/v1/groups",
                json!({"name": "G", "protocol": "ipt-group-who", "facilitator_ids": [p.fac.id], "start_date": "2026-13-40"}),
            )
            .await;
        assert_eq!((s, body["error"]["field"].as_str()), (422, Some("start_date")), "{body}");
        let (s, body) = sup
            .post(
                "/api/v1/groups",
                json!({"name": "G", "protocol": "ipt-group-who", "facilitator_ids": [p.fac.id], "start_date": today(), "room": 4}),
            )
            .await;
        assert_eq!((s, body["error"]["field"].as_str()), (400, Some("room")), "{body}");
        let g = new_group(&sup, "ipt-group-who", &[&p.fac]).await;
        let gid = g["id"].as_str().unwrap();
        let a = member(&fac, gid, "A").await;
        let b = member(&fac, gid, "B").await;
        // Every current member must be marked.
        let (s, body) = meet(&fac, gid, &today(), &[&a], &[], json!([])).await;
        assert_eq!(s, 422, "{body}");
        assert_eq!(body["error"]["field"].as_str(), Some(format!("attendance.{b}").as_str()));
        let (s, body) = fac
            .post(&format!("/api/v1/groups/{gid}/sessions"), json!({"attendance": {a.clone(): "late", b.clone(): "absent"}}))
            .await;
        assert_eq!(s, 400, "{body}");
        let (s, body) = meet(&fac, gid, &days_ago(-3), &[&a, &b], &[], json!([])).await;
        assert_eq!((s, body["error"]["field"].as_str()), (422, Some("date")), "{body}");
        let (s, body) = meet(&fac, gid, &today(), &[&a, &b], &[], json!([phq9(&a, json!([1, 1, 9]))])).await;
        assert_eq!(s, 422, "{body}");
        assert!(body["error"]["field"].as_str().unwrap().starts_with("responses[0].answers"), "{body}");
        // Pre-group: an area of the protocol, a goal and consent.
        let (s, body) = fac
            .post(
                &format!("/api/v1/groups/{gid}/members/{a}/pre-group"),
                json!({"problem_areas": ["money"], "goal": "x", "consent": true}),
            )
            .await;
        assert_eq!((s, body["error"]["field"].as_str()), (422, Some("problem_areas")), "{body}");
        let (s, body) = fac
            .post(
                &format!("/api/v1/groups/{gid}/members/{a}/pre-group"),
                json!({"problem_areas": ["grief"], "goal": "x", "consent": false}),
            )
            .await;
        assert_eq!((s, body["error"]["field"].as_str()), (422, Some("consent")), "{body}");
        // Status: a reason for dropping out.
        let (s, body) =
            fac.post(&format!("/api/v1/groups/{gid}/members/{b}/status"), json!({"status": "dropped_out"})).await;
        assert_eq!((s, body["error"]["field"].as_str()), (422, Some("reason")), "{body}");
        let (s, body) = fac
            .post(&format!("/api/v1/groups/{gid}/members/{b}/status"), json!({"status": "dropped_out", "reason": "Moved away"}))
            .await;
        assert_eq!(s, 200, "{body}");
        assert_eq!((body["status"].as_str(), body["status_reason"].as_str()), (Some("dropped_out"), Some("Moved away")));
        // A member not in this group: 404.
        let (s, _) =
            fac.post(&format!("/api/v1/groups/{gid}/members/{}/status", Id::new()), json!({"status": "completed"})).await;
        assert_eq!(s, 404);
        // After dropping out B is no longer marked; nothing was stored by the refusals.
        let (s, r) = meet(&fac, gid, &today(), &[&a], &[], json!([])).await;
        assert_eq!((s, r["number"].as_u64()), (201, Some(1)), "{r}");
    })
    .await;
}

#[tokio::test]
async fn a_group_is_refused_a_member_beyond_the_protocols_size() {
    on_each_backend(|app| async move {
        let p = Programme::new(&app).await;
        let sup = Api::new(&app, &p.sup).await;
        let fac = Api::new(&app, &p.fac).await;
        // Adolescent groups: at most 8.
        let g = new_group(&sup, "ipt-ag", &[&p.fac]).await;
        assert_eq!((g["size_min"].as_u64(), g["size_max"].as_u64()), (Some(4), Some(8)));
        let gid = g["id"].as_str().unwrap();
        let mut members = Vec::new();
        for i in 0..8 {
            members.push(member(&fac, gid, &format!("Pupil {i}")).await);
        }
        let ninth = fac.new_client("Pupil 9").await;
        let (s, body) = fac.post(&format!("/api/v1/groups/{gid}/members"), json!({"client_id": ninth})).await;
        assert_eq!((s, body["error"]["field"].as_str()), (422, Some("client_id")), "{body}");
        assert!(body["error"]["message"].as_str().unwrap().contains("at most 8"), "{body}");
        // The same person twice: refused too.
        let (s, _) = fac.post(&format!("/api/v1/groups/{gid}/members"), json!({"client_id": members[0]})).await;
        assert_eq!(s, 422);
        // One drops out: a place opens.
        let (s, _) = fac
            .post(
                &format!("/api/v1/groups/{gid}/members/{}/status", members[7]),
                json!({"status": "dropped_out", "reason": "Changed school"}),
            )
            .await;
        assert_eq!(s, 200);
        let (s, body) = fac.post(&format!("/api/v1/groups/{gid}/members"), json!({"client_id": ninth})).await;
        assert_eq!(s, 201, "{body}");
        let (_, got) = fac.get(&format!("/api/v1/groups/{gid}")).await;
        assert_eq!((got["current_members"].as_u64(), got["members"].as_array().unwrap().len()), (Some(8), 9));
    })
    .await;
}

#[tokio::test]
async fn the_funnel_counts_each_step_per_site_and_facilitator() {
    on_each_backend(|app| async move {
        let p = Programme::new(&app).await;
        let sup = Api::new(&app, &p.sup).await;
        let fac = Api::new(&app, &p.fac).await;
        let clin = Api::new(&app, &p.clin).await;
        let g = new_group(&sup, "ipt-group-who", &[&p.fac]).await;
        let gid = g["id"].as_str().unwrap();
        // Five people at the facilitator's site.
        let completes = member(&fac, gid, "Completes").await;
        let drops = member(&fac, gid, "Drops Out").await;
        let unscreened = member(&fac, gid, "Joined Unscreened").await;
        let not_eligible = fac.new_client("Not Eligible").await;
        let referred = fac.new_client("Referred").await;
        let s1 = screen(&fac, &completes, PHQ9_ELIGIBLE).await;
        assert_eq!((s1["outcome"].as_str(), s1["total"].as_i64()), (Some("eligible"), Some(10)), "{s1}");
        assert!(s1["risk_flag_id"].is_null());
        screen(&fac, &drops, PHQ9_ELIGIBLE).await;
        let s3 = screen(&fac, &not_eligible, PHQ9_MILD).await;
        assert_eq!(s3["outcome"], "not_eligible");
        let s4 = screen(&fac, &referred, [0, 0, 0, 0, 0, 0, 0, 0, 1]).await;
        assert_eq!(s4["outcome"], "referred", "a positive item 9 always refers: {s4}");
        assert!(s4["risk_flag_id"].is_string());
        // One at the other site, registered and screened by the clinician.
        let elsewhere =
            clin.create("/api/v1/clients", json!({"display_name": "Elsewhere", "site_id": p.other_site})).await;
        let elsewhere = elsewhere["id"].as_str().unwrap().to_string();
        screen(&clin, &elsewhere, PHQ9_ELIGIBLE).await;
        pre_group(&fac, gid, &completes).await;
        pre_group(&fac, gid, &drops).await;
        for week in 0..6 {
            let date = days_ago(60 - week * 7);
            let (present, absent): (Vec<&str>, Vec<&str>) = if week < 2 {
                (vec![&completes, &drops], vec![&unscreened])
            } else {
                (vec![&completes], vec![&unscreened])
            };
            let (s, r) = meet(&fac, gid, &date, &present, &absent, json!([])).await;
            assert_eq!(s, 201, "{r}");
            if week == 1 {
                let (s, _) = fac
                    .post(
                        &format!("/api/v1/groups/{gid}/members/{drops}/status"),
                        json!({"status": "dropped_out", "reason": "Harvest season"}),
                    )
                    .await;
                assert_eq!(s, 200);
            }
        }
        let (s, _) =
            fac.post(&format!("/api/v1/groups/{gid}/members/{completes}/status"), json!({"status": "completed"})).await;
        assert_eq!(s, 200);

        let (s, f) = sup.get("/api/v1/programme/funnel").await;
        assert_eq!(s, 200, "{f}");
        let c = &f["counts"];
        let expect = [
            ("screened", 5),
            ("eligible", 3),
            ("not_eligible", 1),
            ("referred", 1),
            ("pre_group_done", 2),
            ("enrolled", 3),
            ("attended", 1),
            ("completed", 1),
            ("dropped_out", 1),
        ];
        for (step, n) in expect {
            assert_eq!(c[step].as_u64(), Some(n), "{step}: {c}");
        }
        assert!(f["listed"].as_array().unwrap().is_empty());
        // Per site.
        let by_site = f["by_site"].as_array().unwrap();
        let site = |id: &str| by_site.iter().find(|s| s["site_id"] == id).unwrap()["counts"].clone();
        assert_eq!(site(&p.site)["screened"], 4);
        assert_eq!(site(&p.site)["enrolled"], 3);
        assert_eq!(site(&p.other_site)["screened"], 1);
        assert_eq!(site(&p.other_site)["eligible"], 1);
        assert_eq!(site(&p.other_site)["enrolled"], 0);
        let (_, only) = sup.get(&format!("/api/v1/programme/funnel?site_id={}", p.other_site)).await;
        assert_eq!((only["counts"]["screened"].as_u64(), only["counts"]["eligible"].as_u64()), (Some(1), Some(1)));
        // Per facilitator: the group's people and those they screened.
        let fac_row =
            f["by_facilitator"].as_array().unwrap().iter().find(|r| r["user_id"] == p.fac.id.as_str()).cloned();
        let fac_counts = fac_row.expect("the facilitator has a row")["counts"].clone();
        assert_eq!((fac_counts["screened"].as_u64(), fac_counts["enrolled"].as_u64()), (Some(4), Some(3)));
        let (_, only) = sup.get(&format!("/api/v1/programme/funnel?facilitator_id={}", p.fac.id)).await;
        assert_eq!(only["counts"]["screened"], 4);
        // Each step's list.
        let (_, step) = sup.get("/api/v1/programme/funnel?step=dropped_out").await;
        let listed = step["listed"].as_array().unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0]["client_id"].as_str(), Some(drops.as_str()));
        assert_eq!(listed[0]["status"], "dropped_out");
        let last = app.audit_entries(action::FUNNEL_READ).await.into_iter().max_by_key(|e| e.seq).unwrap();
        assert!(last.event.detail.unwrap_or_default().contains(drops.as_str()), "the read names who was listed");
        let (_, step) = sup.get("/api/v1/programme/funnel?step=referred").await;
        assert_eq!(step["listed"][0]["client_id"].as_str(), Some(referred.as_str()));
        // The facilitator's own funnel covers only the people they see.
        let (_, own) = fac.get("/api/v1/programme/funnel").await;
        assert_eq!(own["counts"]["screened"], 4, "{own}");
        // Bad filters name the field; administrators hold no caseload.
        let (s, body) = sup.get("/api/v1/programme/funnel?step=finished").await;
        assert_eq!((s, body["error"]["field"].as_str()), (422, Some("step")));
        let (s, body) = sup.get("/api/v1/programme/funnel?site_id=nope").await;
        assert_eq!((s, body["error"]["field"].as_str()), (422, Some("site_id")));
        assert_eq!(Api::new(&app, &p.admin).await.get("/api/v1/programme/funnel").await.0, 403);
    })
    .await;
}

#[tokio::test]
async fn a_positive_item_9_in_a_meeting_flags_that_member_and_tells_the_facilitators_supervisor() {
    on_each_backend(|app| async move {
        let p = Programme::new(&app).await;
        // A second supervisor of the facilitator, no longer active: told nothing.
        let gone = app.user("gone.sup@programme.example", Role::Supervisor).await;
        app.store
            .set_supervisees(&gone.id, std::slice::from_ref(&p.fac.id), test_event(action::USER_UPDATE), &[])
            .await
            .unwrap();
        app.store.set_user_active(&gone.id, false, test_event(action::USER_DEACTIVATE)).await.unwrap();
        let sup = Api::new(&app, &p.sup).await;
        let fac = Api::new(&app, &p.fac).await;
        let g = new_group(&sup, "ipt-group-who", &[&p.fac]).await;
        let gid = g["id"].as_str().unwrap();
        let names = ["Risky", "Blank Nine", "No Form", "Absent", "Fifth"];
        let mut ids = Vec::new();
        for n in names {
            ids.push(member(&fac, gid, n).await);
        }
        let [risky, blank, no_form, absent, fifth] = [&ids[0], &ids[1], &ids[2], &ids[3], &ids[4]];
        let groups_before = app.scalar("SELECT COUNT(*) AS n FROM group_sessions", &[]).await;
        let responses_before = app.scalar("SELECT COUNT(*) AS n FROM measure_responses", &[]).await;
        let present = [risky.as_str(), blank.as_str(), no_form.as_str(), fifth.as_str()];

        // An absent member's response, or a non-member's: 422, nothing stored.
        let (s, body) = meet(
            &fac,
            gid,
            &today(),
            &present,
            &[absent],
            json!([phq9(risky, json!(PHQ9_ITEM9)), phq9(absent, json!(PHQ9_MILD))]),
        )
        .await;
        assert_eq!((s, body["error"]["field"].as_str()), (422, Some("responses[1].client_id")), "{body}");
        let stranger = fac.new_client("Not In The Group").await;
        let (s, body) =
            meet(&fac, gid, &today(), &present, &[absent], json!([phq9(&stranger, json!(PHQ9_MILD))])).await;
        assert_eq!((s, body["error"]["field"].as_str()), (422, Some("responses[0].client_id")), "{body}");
        assert_eq!(app.scalar("SELECT COUNT(*) AS n FROM group_sessions", &[]).await, groups_before);
        assert_eq!(app.scalar("SELECT COUNT(*) AS n FROM measure_responses", &[]).await, responses_before);
        assert!(app.open_flags(risky).await.is_empty(), "the refused meeting raised no flag");

        // The meeting as it happened: one positive item 9, one blank item 9.
        let mut blank_nine: Vec<Value> = PHQ9_ELIGIBLE.iter().map(|a| json!(a)).collect();
        blank_nine[8] = Value::Null;
        let (s, r) = meet(
            &fac,
            gid,
            &today(),
            &present,
            &[absent],
            json!([
                phq9(risky, json!(PHQ9_ITEM9)),
                phq9(blank, Value::Array(blank_nine)),
                phq9(fifth, json!(PHQ9_MILD))
            ]),
        )
        .await;
        assert_eq!(s, 201, "{r}");
        let flags = r["risk_flag_ids"].as_array().unwrap();
        assert_eq!(flags.len(), 1, "{r}");
        assert_eq!(r["risk_flags"][0]["client_id"].as_str(), Some(risky.as_str()));
        let flag = flags[0].as_str().unwrap();
        assert_eq!(app.open_flags(risky).await.len(), 1);
        for other in [blank, no_form, absent, fifth] {
            assert!(app.open_flags(other).await.is_empty(), "no flag for {other}");
        }
        assert_eq!(r["scores"].as_array().unwrap().len(), 3);
        // The facilitator's supervisor sees the flag in their list, and a notice is queued to them only.
        let (s, list) = sup.get("/api/v1/risk-flags?status=open").await;
        assert_eq!(s, 200);
        assert!(list.as_array().unwrap().iter().any(|f| f["id"] == flag), "{list}");
        let (s, one) = sup.get(&format!("/api/v1/risk-flags/{flag}")).await;
        assert_eq!((s, one["client_id"].as_str()), (200, Some(risky.as_str())));
        let notices: Vec<_> =
            app.store.outbox(100).await.unwrap().into_iter().filter(|m| m.kind == "risk_flag_group").collect();
        let to: Vec<Id> = notices.iter().filter_map(|m| m.recipient_user_id.clone()).collect();
        assert_eq!(to, vec![p.sup.id.clone()], "the active supervisor only");
        assert!(!notices[0].body.contains("Risky"), "no name in e-mail");
        // The master trainer (down the chain) sees it too; another supervisor does not.
        let master = Api::new(&app, &p.master).await;
        assert!(master.get("/api/v1/risk-flags").await.1.as_array().unwrap().iter().any(|f| f["id"] == flag));
        let other = Api::new(&app, &p.other_sup).await;
        assert!(!other.get("/api/v1/risk-flags").await.1.as_array().unwrap().iter().any(|f| f["id"] == flag));
        assert_eq!(other.get(&format!("/api/v1/risk-flags/{flag}")).await.0, 404);

        // A second group for the same person works alongside the first.
        let g2 = new_group(&sup, "ipt-group-12", &[&p.fac]).await;
        let g2id = g2["id"].as_str().unwrap();
        let (s, body) = fac.post(&format!("/api/v1/groups/{g2id}/members"), json!({"client_id": risky})).await;
        assert_eq!(s, 201, "{body}");
        let (s, r2) = meet(&fac, g2id, &today(), &[risky], &[], json!([phq9(risky, json!(PHQ9_MILD))])).await;
        assert_eq!((s, r2["number"].as_u64(), r2["phase"].as_str()), (201, Some(1), Some("initial")), "{r2}");
        let (_, first) = fac.get(&format!("/api/v1/groups/{gid}")).await;
        let (_, second) = fac.get(&format!("/api/v1/groups/{g2id}")).await;
        let attended = |g: &Value| {
            g["members"].as_array().unwrap().iter().find(|m| m["client_id"] == risky.as_str()).unwrap()
                ["sessions_attended"]
                .as_u64()
        };
        assert_eq!((attended(&first), attended(&second)), (Some(1), Some(1)));
    })
    .await;
}

/// Walks through every group action once (for the audit walk in `ui.rs`),
/// all over HTTP: the administrator makes a supervisor and, through the
/// account form, a facilitator at a site under that supervisor.
pub async fn exercise_every_action(app: &TestApp, admin: &Browser) {
    let form = "/admin/users/new";
    let r = admin
        .submit(
            form,
            form,
            &[
                ("email", "walk.sup@clinic.example"),
                ("name", "Walk Sup"),
                ("role", "supervisor"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let sup_user = app.store.user_by_email("walk.sup@clinic.example").await.unwrap().unwrap().0;
    let sup = Api::new(app, &sup_user).await;
    let site = sup.create("/api/v1/sites", json!({"name": "Walk Village"})).await["id"].as_str().unwrap().to_string();
    let other = sup.create("/api/v1/sites", json!({"name": "Walk Town"})).await["id"].as_str().unwrap().to_string();
    let fields = [
        ("email", "walk.fac@clinic.example"),
        ("name", "Walk Fac"),
        ("role", "facilitator"),
        ("password", PASSWORD),
        ("site_id", other.as_str()),
        ("supervisor", sup_user.id.as_str()),
    ];
    assert_eq!(admin.submit(form, form, &fields).await.status(), 303);
    let fac_user = app.store.user_by_email("walk.fac@clinic.example").await.unwrap().unwrap().0;
    let edit = format!("/admin/users/{}", fac_user.id);
    let r = admin.submit(&edit, &edit, &[("name", "Walk Fac"), ("role", "facilitator"), ("site_id", &site)]).await;
    assert_eq!(r.status(), 303);
    let fac = Api::new(app, &fac_user).await;
    let g = new_group(&sup, "ipt-group-who", &[&fac_user]).await;
    let gid = g["id"].as_str().unwrap();
    fac.get("/api/v1/groups").await;
    fac.get(&format!("/api/v1/groups/{gid}")).await;
    let a = member(&fac, gid, "Walk A").await;
    let b = member(&fac, gid, "Walk B").await;
    pre_group(&fac, gid, &a).await;
    let (s, _) = meet(&fac, gid, &today(), &[&a], &[&b], json!([phq9(&a, json!(PHQ9_MILD))])).await;
    assert_eq!(s, 201);
    let (s, _) = fac
        .post(&format!("/api/v1/groups/{gid}/members/{b}/status"), json!({"status": "dropped_out", "reason": "Moved"}))
        .await;
    assert_eq!(s, 200);
    screen(&fac, &a, PHQ9_ELIGIBLE).await;
    assert_eq!(sup.get("/api/v1/programme/funnel").await.0, 200);
    assert_eq!(fac.post(&format!("/api/v1/groups/{gid}/close"), json!({})).await.0, 200);
}

/// `{api_group}`: a WHO group made by `supervisor` for `facilitator`, with the
/// matrix client in it (so the facilitator is on the client's care team).
pub async fn matrix_fixtures(
    app: &TestApp,
    client: &Id,
    supervisor: &Id,
    facilitator: &Id,
    fixtures: &mut Vec<(&'static str, String)>,
) {
    let new = rapport_store::groups::NewGroup {
        name: "Matrix Group".into(),
        site_id: None,
        protocol_id: "ipt-group-who".into(),
        planned_sessions: 8,
        start_date: Timestamp::now().date() - Duration::days(30),
        meeting_time: None,
        single_gender: false,
        facilitators: vec![facilitator.clone()],
        created_by: supervisor.clone(),
    };
    let g = app.store.create_group(&new, test_event(action::GROUP_CREATE)).await.unwrap();
    app.store.add_group_member(&g.id, client, 15, test_event(action::GROUP_MEMBER_ADD)).await.unwrap();
    fixtures.push(("{api_group}", g.id.to_string()));
}

/// The group routes for the access matrix. Callers: anonymous, admin,
/// supervisor (of the matrix facilitator), clinician on the matrix client's
/// team, other clinician, portal client, the facilitator of `{api_group}`, a
/// facilitator of nothing. `{api_group}` is a group the matrix supervisor made
/// for the matrix facilitator, with the matrix client in it.
pub fn matrix_entries() -> Vec<Entry> {
    use Method as M;
    vec![
        e(M::GET, "/api/v1/sites", "/api/v1/sites", "LAAAANAA"),
        // A blank name: past the role check (422), or refused by it (403).
        j(M::POST, "/api/v1/sites", "/api/v1/sites", "LAAFFNFF", r#"{"name": ""}"#),
        e(M::GET, "/api/v1/groups", "/api/v1/groups", "LAAAANAAF"),
        j(
            M::POST,
            "/api/v1/groups",
            "/api/v1/groups",
            "LAAFFNFF",
            r#"{"name": "", "protocol": "", "facilitator_ids": [], "start_date": ""}"#,
        ),
        // The administrator organises (the summary), the supervisor supervises the facilitator.
        e(M::GET, "/api/v1/groups/{id}", "/api/v1/groups/{api_group}", "LAANNNAN"),
        // Writes: the administrator only organises (403); bad bodies past the check are 422.
        j(
            M::POST,
            "/api/v1/groups/{id}/members",
            "/api/v1/groups/{api_group}/members",
            "LFANNNAN",
            r#"{"client_id": "x"}"#,
        ),
        j(
            M::POST,
            "/api/v1/groups/{id}/members/{client_id}/pre-group",
            "/api/v1/groups/{api_group}/members/{client}/pre-group",
            "LFANNNAN",
            r#"{"problem_areas": [], "goal": "", "consent": false}"#,
        ),
        j(
            M::POST,
            "/api/v1/groups/{id}/members/{client_id}/status",
            "/api/v1/groups/{api_group}/members/{client}/status",
            "LFANNNAN",
            r#"{"status": "nonsense"}"#,
        ),
        j(
            M::POST,
            "/api/v1/groups/{id}/sessions",
            "/api/v1/groups/{api_group}/sessions",
            "LFANNNAN",
            r#"{"attendance": {}}"#,
        ),
        // The supervisor closes it; the facilitator then gets 409 (allowed, already closed).
        j(M::POST, "/api/v1/groups/{id}/close", "/api/v1/groups/{api_group}/close", "LFANNNAN", "{}"),
        // Screening needs a client the caller sees (422 naming client_id otherwise).
        j(
            M::POST,
            "/api/v1/screenings",
            "/api/v1/screenings",
            "LAAAANAA",
            r#"{"client_id": "x", "protocol": "ipt-group-who", "answers": []}"#,
        ),
        // The funnel lists people: caseload holders only.
        e(M::GET, "/api/v1/programme/funnel", "/api/v1/programme/funnel", "LFAAANAA"),
    ]
}

#[tokio::test]
async fn odd_bodies_and_ids_get_a_4xx_naming_the_problem_never_a_server_error() {
    on_each_backend(|app| async move {
        let p = Programme::new(&app).await;
        let sup = Api::new(&app, &p.sup).await;
        let fac = Api::new(&app, &p.fac).await;
        let g = new_group(&sup, "ipt-group-who", &[&p.fac]).await;
        let gid = g["id"].as_str().unwrap().to_string();
        let m = member(&fac, &gid, "Odd").await;
        let bodies = [
            json!({}),
            json!({"name": null}),
            json!({"name": "x".repeat(500), "kind": "y".repeat(500)}),
            json!({"client_id": 5}),
            json!({"client_id": "ü🙂"}),
            json!({"protocol": "ipt-group-who", "facilitator_ids": ["x", "x"], "start_date": "1900-01-01", "name": "N"}),
            json!({"name": "N", "protocol": "ipt-group-who", "facilitator_ids": [p.fac.id], "start_date": today(),
                   "planned_sessions": 99, "meeting_time": "25:99"}),
            json!({"name": "N", "protocol": "ipt-group-who", "facilitator_ids": [p.fac.id], "start_date": today(),
                   "planned_sessions": -1}),
            json!({"attendance": {m.clone(): "attended"}, "responses": [{"client_id": m, "instrument": "nope", "answers": []}]}),
            json!({"attendance": {m.clone(): "attended"}, "responses": [{"client_id": m, "instrument": "phq9", "answers": [99999999999i64]}]}),
            json!({"attendance": {m.clone(): "attended"}, "agenda_done": [0, 42], "notes": {"nobody": "x"}}),
            json!({"attendance": {m.clone(): "attended"}, "group_note": "z".repeat(5000), "date": "2026-02-30"}),
            json!({"problem_areas": ["grief", "role_dispute", "role_transition"], "goal": "g", "consent": true,
                   "held_on": "tomorrow", "baseline": [null, null]}),
            json!({"status": "referred"}),
            json!({"status": "completed", "reason": "r".repeat(600)}),
            json!({"client_id": m, "protocol": "ipt-group-who", "answers": [4, 4, 4], "date": "2999-01-01"}),
            json!({"client_id": m, "protocol": "ipt-individual", "answers": []}),
        ];
        let paths = [
            "/api/v1/sites".to_string(),
            "/api/v1/groups".to_string(),
            format!("/api/v1/groups/{gid}/members"),
            format!("/api/v1/groups/{gid}/members/{m}/pre-group"),
            format!("/api/v1/groups/{gid}/members/{m}/status"),
            format!("/api/v1/groups/{gid}/sessions"),
            "/api/v1/screenings".to_string(),
            "/api/v1/groups/not-an-id/sessions".to_string(),
            format!("/api/v1/groups/{gid}/members/not-an-id/status"),
        ];
        for path in &paths {
            for body in &bodies {
                for api in [&sup, &fac] {
                    let (s, r) = api.post(path, body.clone()).await;
                    assert!(s < 500, "POST {path} {body} -> {s} {r}");
                    if s >= 400 {
                        assert!(r["error"]["message"].is_string(), "POST {path} {body} -> {s} {r}");
                    }
                }
            }
        }
        for q in ["step=", "site_id=&facilitator_id=", "facilitator_id=zz", "step=screened&site_id=%00"] {
            let (s, r) = sup.get(&format!("/api/v1/programme/funnel?{q}")).await;
            assert!(s < 500, "{q}: {s} {r}");
        }
        for path in ["/api/v1/groups/not-an-id".to_string(), format!("/api/v1/groups/{}", Id::new())] {
            assert_eq!(fac.get(&path).await.0, 404);
        }
    })
    .await;
}
