//! Issue 16, programme outcomes: the report of `/api/v1/reports/outcomes`
//! and the dashboard equal a count made here, independently, over a generated
//! programme (200 courses with known categories), with small numbers hidden
//! and the period respected; the read model equals a full rebuild after any
//! sequence of writes; who may read it; bad input names its field.

use crate::matrix::{e, Entry};
use crate::support::*;
use rapport_core::access::Role;
use rapport_core::audit::action;
use rapport_core::client::ClientDetails;
use rapport_core::course::{validate_new_course, Attendance, CourseStatus, Modality, NewTherapySession, RawCourse};
use rapport_core::formulation::Formulation;
use rapport_core::measures::{score, Library};
use rapport_core::protocol::ProtocolSet;
use rapport_core::time::format_date;
use rapport_core::{Id, Timestamp};
use rapport_store::measures::{Mode, NewResponse};
use rapport_store::records::Placement;
use serde_json::{json, Value};
use time::macros::date;
use time::{Date, Duration};

/// One generated course: who, where, and what happened.
#[derive(Clone, Debug)]
struct Plan {
    clinician: usize,
    /// None: a client without a site.
    site: Option<usize>,
    /// PHQ-9 and GAD-7 at the first and the last attended session; GAD-7 at the end may be missing.
    phq: (i64, i64),
    gad: (i64, Option<i64>),
    attended: i64,
    /// None: still open.
    ended: Option<Date>,
    early: bool,
}

/// The NHS Talking Therapies categories of one plan, counted straight from
/// measures.md 6.4 (not through Rapport's code).
#[derive(Default, Debug, Clone, Copy, PartialEq, Eq)]
struct Expected {
    finished: i64,
    cases: i64,
    recovered: i64,
    improved: i64,
    reliably_recovered: i64,
    deteriorated: i64,
    dropouts: i64,
    paired: i64,
}

impl Expected {
    fn add(&mut self, p: &Plan) {
        if p.ended.is_none() {
            return;
        }
        self.dropouts += i64::from(p.early);
        if p.attended < 2 {
            return;
        }
        self.finished += 1;
        let Some(g1) = p.gad.1 else { return };
        self.paired += 1;
        let (p0, p1, g0) = (p.phq.0, p.phq.1, p.gad.0);
        let case = |phq: i64, gad: i64| phq >= 10 || gad >= 8;
        let (down_p, up_p, down_g, up_g) = (p1 - p0 <= -6, p1 - p0 >= 6, g1 - g0 <= -4, g1 - g0 >= 4);
        let improved = (down_p && !up_g) || (down_g && !up_p);
        self.improved += i64::from(improved);
        self.deteriorated += i64::from((up_p && !down_g) || (up_g && !down_p));
        if case(p0, g0) {
            self.cases += 1;
            let recovered = !case(p1, g1);
            self.recovered += i64::from(recovered);
            self.reliably_recovered += i64::from(recovered && improved);
        }
    }

    /// As the API shows it: counts of 1-4 people hidden when `min` is 5.
    fn json(&self, min: i64) -> Value {
        let c = |n: i64| if n > 0 && n < min { Value::Null } else { json!(n) };
        let all = [
            self.finished,
            self.cases,
            self.recovered,
            self.improved,
            self.reliably_recovered,
            self.deteriorated,
            self.dropouts,
            self.paired,
        ];
        json!({
            "finished_courses": c(self.finished),
            "cases_at_start": c(self.cases),
            "recovered": c(self.recovered),
            "reliably_improved": c(self.improved),
            "reliably_recovered": c(self.reliably_recovered),
            "reliably_deteriorated": c(self.deteriorated),
            "dropouts": c(self.dropouts),
            "paired_scores": c(self.paired),
            "suppressed": all.iter().any(|n| *n > 0 && *n < min),
        })
    }
}

/// (PHQ-9 first, last, GAD-7 first, last): recovered, improved only, no
/// change, deteriorated, below caseness, a cancelled-out pair (measures.md 7.3 D).
const TRAJECTORIES: &[(i64, i64, i64, i64)] =
    &[(18, 7, 12, 6), (12, 9, 9, 7), (8, 2, 6, 3), (15, 8, 10, 15), (11, 18, 9, 10), (19, 12, 14, 9), (14, 4, 7, 7)];

fn plans(n: usize) -> Vec<Plan> {
    let mut seed = 16u64;
    let mut next = |m: u64| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) % m
    };
    (0..n)
        .map(|i| {
            let (p0, p1, g0, g1) = TRAJECTORIES[next(TRAJECTORIES.len() as u64) as usize];
            let open = next(10) == 0;
            // Most end in 2026; some in late 2025, outside the period the test asks for.
            let ended = (!open).then(|| {
                if next(6) == 0 {
                    date!(2025 - 11 - 20) + Duration::days(next(20) as i64)
                } else {
                    date!(2026 - 03 - 01) + Duration::days(next(200) as i64)
                }
            });
            Plan {
                clinician: i % 3,
                site: if i % 10 == 9 { None } else { Some(next(2) as usize) },
                phq: (p0, p1),
                gad: (g0, (next(8) != 0).then_some(g1)),
                attended: [1, 2, 2, 3][next(4) as usize],
                ended,
                early: next(5) == 0,
            }
        })
        .collect()
}

/// Answers that add up to `total` (each 0-3), item 9 left at 0.
fn answers(items: usize, total: i64) -> Vec<Option<i64>> {
    let mut a = vec![0i64; items];
    let mut left = total;
    let mut i = 0;
    while left > 0 {
        if (items != 9 || i % items != 8) && a[i % items] < 3 {
            a[i % items] += 1;
            left -= 1;
        }
        i += 1;
    }
    a.into_iter().map(Some).collect()
}

fn at(d: Date) -> Timestamp {
    Timestamp::from_datetime(d.with_hms(11, 0, 0).unwrap().assume_utc())
}

/// Writes one plan through the store's ordinary write paths (each its own
/// transaction, each keeping the read model up to date).
async fn write_plan(app: &TestApp, p: &Plan, clinician: &Id, site: Option<&Id>, n: usize) {
    let store = &app.store;
    let details = ClientDetails { display_name: format!("Generated {n}"), ..Default::default() };
    let client = store.create_client_at(&details, clinician, site, test_event(action::CLIENT_CREATE)).await.unwrap();
    let start = date!(2025 - 09 - 01) + Duration::days((n % 60) as i64);
    let raw = RawCourse {
        protocol: Some("ipt-individual".into()),
        planned_sessions: Some(12),
        start_date: Some(format_date(start)),
        ..Default::default()
    };
    let new = validate_new_course(&ProtocolSet::shipped(), &raw, start).unwrap();
    let course =
        store.create_course(&client.id, &new, None, clinician, test_event(action::COURSE_CREATE)).await.unwrap();
    let mut days = Vec::new();
    for k in 0..p.attended {
        let day = start + Duration::weeks(k);
        let s = NewTherapySession {
            date: day,
            time: "10:00".into(),
            modality: Modality::InPerson,
            attendance: Attendance::Attended,
            duration_minutes: Some(50),
            engagement: false,
        };
        store.create_therapy_session(&course, &s, clinician, test_event(action::SESSION_CREATE)).await.unwrap();
        days.push(day);
    }
    let lib = Library::builtin();
    let mut forms = vec![(days[0], "phq9", p.phq.0), (days[0], "gad7", p.gad.0)];
    if p.attended >= 2 {
        let last = *days.last().unwrap();
        forms.push((last, "phq9", p.phq.1));
        if let Some(g1) = p.gad.1 {
            forms.push((last, "gad7", g1));
        }
    }
    for (day, inst, total) in forms {
        let inst = lib.get(inst).unwrap();
        let new = NewResponse {
            client_id: client.id.clone(),
            course_id: Some(course.id.to_string()),
            score: score(inst, &answers(inst.items.len(), total)).unwrap(),
            unscored_answers: None,
            completed_at: at(day),
            entered_by: Some(clinician.clone()),
            mode: Mode::InSession,
            group_session_id: None,
        };
        store.record_response(&new, test_event(action::MEASURE_RECORD)).await.unwrap();
    }
    let place = Placement { client_id: client.id.clone(), course_id: Some(course.id.clone()), ..Default::default() };
    let f = Formulation { problem_areas: vec![["grief", "role_dispute"][n % 2].into()], ..Default::default() };
    store.create_record(&place, &f, clinician, test_event(action::RECORD_CREATE)).await.unwrap();
    if let Some(end) = p.ended {
        let status = if p.early { CourseStatus::EndedEarly } else { CourseStatus::Completed };
        let event = test_event(action::COURSE_STATUS).for_client(&client.id);
        store.set_course_status_at(&course.id, status, Some("generated"), clinician, event, at(end)).await.unwrap();
    }
}

/// Who may open the programme outcomes: supervisors and administrators (and
/// programme managers); clinicians and facilitators are refused.
pub fn matrix_entries() -> Vec<Entry> {
    use reqwest::Method as M;
    vec![
        e(M::GET, "/reports", "/reports", "LAAFFNFFA"),
        e(M::GET, "/reports/print", "/reports/print", "LAAFFNFFA"),
        e(M::GET, "/reports/outcomes.csv", "/reports/outcomes.csv", "LAAFFNFFA"),
        e(M::GET, "/api/v1/reports/outcomes", "/api/v1/reports/outcomes", "LAAFFNFFA"),
    ]
}

fn sum<'a>(plans: impl Iterator<Item = &'a Plan>) -> Expected {
    let mut e = Expected::default();
    for p in plans {
        e.add(p);
    }
    e
}

/// The counts of an API line, without its key and label.
fn counts(v: &Value) -> Value {
    let mut v = v.clone();
    if let Some(o) = v.as_object_mut() {
        o.remove("key");
        o.remove("label");
    }
    v
}

#[tokio::test]
async fn the_report_equals_an_independent_count_of_a_generated_programme() {
    on_each_backend(|app| async move {
        let admin = app.user("admin@reports.example", Role::Admin).await;
        let supervisor = app.user("lead@reports.example", Role::Supervisor).await;
        let mut clinicians = Vec::new();
        for k in 0..3 {
            clinicians.push(app.user(&format!("c{k}@reports.example"), Role::Clinician).await);
        }
        for c in &clinicians[..2] {
            app.store.add_supervision(&supervisor.id, &c.id, test_event(action::SUPERVISION_ADD)).await.unwrap();
        }
        let mut sites = Vec::new();
        for name in ["North", "South"] {
            sites.push(app.store.create_site(name, None, test_event(action::SITE_CREATE)).await.unwrap());
        }
        let plans = plans(200);
        for (n, p) in plans.iter().enumerate() {
            write_plan(&app, p, &clinicians[p.clinician].id, p.site.map(|s| &sites[s].id), n).await;
        }
        let in_period = |p: &&Plan| p.ended.is_some_and(|d| d >= date!(2026 - 01 - 01) && d <= date!(2026 - 12 - 31));
        // The generator must reach every category, or the comparison proves little.
        let all = sum(plans.iter().filter(in_period));
        assert!(all.finished > 100 && all.recovered > 10 && all.deteriorated > 5 && all.dropouts > 10, "{all:?}");
        assert!(all.paired < all.finished && all.cases < all.paired, "{all:?}");

        // Administrator: the whole organisation by site, small numbers hidden.
        let api = Api::new(&app, &admin).await;
        let (s, body) = api.get("/api/v1/reports/outcomes?group_by=site&from=2026-01-01&to=2026-12-31").await;
        assert_eq!(s, 200, "{body}");
        assert_eq!(body["small_numbers"], 5);
        assert_eq!(counts(&body["totals"]), all.json(5), "{body}");
        for (k, site) in sites.iter().enumerate() {
            let line = body["rows"].as_array().unwrap().iter().find(|r| r["key"] == site.id.as_str()).unwrap();
            let want = sum(plans.iter().filter(in_period).filter(|p| p.site == Some(k)));
            assert_eq!(line["label"], site.name.as_str());
            assert_eq!(counts(line), want.json(5), "site {k}: {body}");
        }
        let none = body["rows"].as_array().unwrap().iter().find(|r| r["key"].is_null()).unwrap();
        let want = sum(plans.iter().filter(in_period).filter(|p| p.site.is_none()));
        assert_eq!(counts(none), want.json(5), "{body}");
        assert_eq!(none["suppressed"], want.json(5)["suppressed"]);

        // By clinician, and a period that only late 2025 falls in.
        let (_, body) = api.get("/api/v1/reports/outcomes?group_by=clinician&from=2026-01-01&to=2026-12-31").await;
        for (k, c) in clinicians.iter().enumerate() {
            let line = body["rows"].as_array().unwrap().iter().find(|r| r["key"] == c.id.as_str()).unwrap();
            assert_eq!(counts(line), sum(plans.iter().filter(in_period).filter(|p| p.clinician == k)).json(5));
        }
        let late_2025 = |p: &&Plan| p.ended.is_some_and(|d| d < date!(2026 - 01 - 01));
        let (_, body) = api.get("/api/v1/reports/outcomes?group_by=format&from=2025-06-01&to=2025-12-31").await;
        assert_eq!(counts(&body["totals"]), sum(plans.iter().filter(late_2025)).json(5), "{body}");

        // A supervisor: the two supervisees' courses, every count shown.
        let sup = Api::new(&app, &supervisor).await;
        let (s, body) = sup.get("/api/v1/reports/outcomes?group_by=clinician&from=2026-01-01&to=2026-12-31").await;
        assert_eq!(s, 200, "{body}");
        assert_eq!(body["small_numbers"], 0);
        assert_eq!(counts(&body["totals"]), sum(plans.iter().filter(in_period).filter(|p| p.clinician < 2)).json(0));
        assert!(body["rows"].as_array().unwrap().iter().all(|r| r["key"] != clinicians[2].id.as_str()), "{body}");
        // One clinician filtered on (looked up alone, not among every clinician);
        // a clinician outside the supervisor's reach is not a choice.
        let one = format!(
            "/api/v1/reports/outcomes?group_by=site&from=2026-01-01&to=2026-12-31&clinician={}",
            clinicians[1].id
        );
        let (s, body) = sup.get(&one).await;
        assert_eq!(s, 200, "{body}");
        assert_eq!(counts(&body["totals"]), sum(plans.iter().filter(in_period).filter(|p| p.clinician == 1)).json(0));
        let (s, body) = sup.get(&one.replace(clinicians[1].id.as_str(), clinicians[2].id.as_str())).await;
        assert_eq!((s, body["error"]["field"].as_str()), (422, Some("clinician")), "{body}");

        // The dashboard shows the same recovery rate and the CSV the same hidden cells.
        let b = app.browser_as(&admin.email).await;
        let (s, page) = b.text("/reports?from=2026-01-01&to=2026-12-31").await;
        assert_eq!(s, 200);
        let rate = format!("{:.0} %", 100.0 * all.recovered as f64 / all.cases as f64);
        let tile = &page[page.find("data-tile=\"recovery\"").unwrap()..][..400];
        assert!(tile.contains(&rate), "{tile} wants {rate}");
        let csv = b.get("/reports/outcomes.csv?from=2026-01-01&to=2026-12-31&group_by=site").await;
        assert_eq!(csv.status(), 200);
        assert!(csv.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
        let csv = csv.text().await.unwrap();
        assert_eq!(csv.lines().count(), 2 + body_rows(&app, &admin).await, "{csv}");
        assert!(csv.contains("< 5"), "{csv}");
        assert!(app.count(action::REPORT_EXPORT).await >= 1);
        assert!(app.count(action::REPORT_READ).await >= 4);
    })
    .await;
}

/// How many lines the site breakdown has for the administrator.
async fn body_rows(app: &TestApp, admin: &rapport_store::users::User) -> usize {
    let (_, body) =
        Api::new(app, admin).await.get("/api/v1/reports/outcomes?group_by=site&from=2026-01-01&to=2026-12-31").await;
    body["rows"].as_array().unwrap().len()
}

#[tokio::test]
async fn only_supervisors_programme_managers_and_administrators_read_reports() {
    on_each_backend(|app| async move {
        let clinician = app.user("c@reports.example", Role::Clinician).await;
        let facilitator = app.user("f@reports.example", Role::Facilitator).await;
        for u in [&clinician, &facilitator] {
            let (s, body) = Api::new(&app, u).await.get("/api/v1/reports/outcomes").await;
            assert_eq!(s, 403, "{body}");
            let (s, _) = app.browser_as(&u.email).await.text("/reports").await;
            assert_eq!(s, 403);
        }
        assert_eq!(reqwest::get(app.url("/api/v1/reports/outcomes")).await.unwrap().status(), 401);
        // A programme manager reads the whole organisation, small numbers hidden, and no client.
        let pm = app.user("pm@reports.example", Role::ProgrammeManager).await;
        let (s, body) = Api::new(&app, &pm).await.get("/api/v1/reports/outcomes?group_by=format").await;
        assert_eq!(s, 200, "{body}");
        assert_eq!(body["small_numbers"], 5);
        let b = app.browser_as(&pm.email).await;
        let (s, page) = b.text("/reports").await;
        assert_eq!(s, 200);
        assert!(page.contains("fewer than 5 people"), "{page}");
        assert_eq!(b.text("/clients").await.0, 403);
    })
    .await;
}

#[tokio::test]
async fn bad_report_queries_name_their_field() {
    on_each_backend(|app| async move {
        let admin = app.user("admin@reports.example", Role::Admin).await;
        let api = Api::new(&app, &admin).await;
        for (query, field) in [
            ("group_by=colour", "group_by"),
            ("from=2026-13-01", "from"),
            ("to=yesterday", "to"),
            ("from=2026-05-01&to=2026-04-01", "from"),
            ("site=not-a-site", "site"),
            ("clinician=x", "clinician"),
            ("format=online", "format"),
            ("problem_area=loneliness", "problem_area"),
        ] {
            let (s, body) = api.get(&format!("/api/v1/reports/outcomes?{query}")).await;
            assert!(s == 400 || s == 422, "{query}: {s} {body}");
            assert!(body.to_string().contains(field), "{query}: {body}");
        }
        let (s, page) = app.browser_as(&admin.email).await.text("/reports?group_by=colour").await;
        assert_eq!(s, 422);
        assert!(page.contains("Break down by"), "{page}");
    })
    .await;
}

/// A seeded sequence of writes through the API (courses, sessions and their
/// attendance, scores with risk answers, acknowledgements, formulations,
/// endings, a second course, a change of responsible clinician); after it the
/// read model must equal what a rebuild from scratch computes.
#[tokio::test]
async fn the_read_model_equals_a_rebuild_after_any_sequence_of_writes() {
    on_each_backend(|app| async move {
        for seed in [3u64, 11, 29] {
            let (_, api, client) = client_of(&app, &format!("seq{seed}@reports.example")).await;
            let start = format_date(Timestamp::now().date() - Duration::days(70));
            let course =
                api.new_course(&client, json!({"protocol": "ipt-individual", "planned_sessions": 12, "start_date": start})).await;
            let mut courses = vec![course];
            let mut sessions: Vec<(String, String)> = Vec::new();
            let mut rng = seed;
            let mut next = |m: u64| {
                rng = rng.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                (rng >> 33) % m
            };
            let mut open = true;
            for step in 0..24 {
                let course = courses.last().unwrap().clone();
                let day = format_date(Timestamp::now().date() - Duration::days(60 - step * 2));
                match next(8) {
                    0 | 1 if open => {
                        let attendance = ["attended", "attended", "no_show"][next(3) as usize];
                        let id = api.new_session(&course, json!({"date": day, "attendance": attendance})).await;
                        sessions.push((course.clone(), id));
                    }
                    2 | 3 => {
                        let inst = if next(2) == 0 { "phq9" } else { "gad7" };
                        let items = if inst == "phq9" { 9 } else { 7 };
                        let mut a: Vec<i64> = (0..items).map(|_| next(4) as i64).collect();
                        if inst == "phq9" && next(4) != 0 {
                            a[8] = 0;
                        }
                        let body = json!({"instrument": inst, "answers": a, "completed_at": format!("{day}T10:00:00Z"), "course_id": course});
                        api.respond(&client, body).await;
                    }
                    4 => {
                        for f in app.open_flags(&client).await {
                            let (s, _) = api.post(&format!("/api/v1/risk-flags/{}/acknowledge", f.id), json!({})).await;
                            assert!(s == 200 || s == 409, "acknowledge: {s}");
                        }
                    }
                    5 if open => {
                        let areas = [json!(["grief"]), json!(["role_dispute", "role_transition"])][next(2) as usize].clone();
                        let (s, b) =
                            api.put(&format!("/api/v1/courses/{course}/formulation"), json!({"problem_areas": areas})).await;
                        assert_eq!(s, 200, "{b}");
                    }
                    6 if open && step > 8 => {
                        let (s, b) = api
                            .post(&format!("/api/v1/courses/{course}/status"), json!({"status": "ended_early", "reason": "moved"}))
                            .await;
                        assert_eq!(s, 200, "{b}");
                        open = false;
                    }
                    6 if !open => {
                        let c = api
                            .new_course(&client, json!({"protocol": "ipt-individual", "planned_sessions": 12, "start_date": day}))
                            .await;
                        courses.push(c);
                        open = true;
                    }
                    7 => {
                        // Stored without a course: it counts for the course open that day.
                        let a: Vec<i64> = (0..7).map(|_| next(4) as i64).collect();
                        api.respond(&client, json!({"instrument": "gad7", "answers": a, "completed_at": format!("{day}T12:00:00Z")}))
                            .await;
                    }
                    _ => {}
                }
                // Catch up now and then, so the running totals take the
                // changes in several steps, as under the server's background job.
                if next(3) == 0 {
                    app.store.catch_up_outcomes().await.unwrap();
                    assert_running_totals_match_the_rows(&app).await;
                }
            }
            app.store.catch_up_outcomes().await.unwrap();
            let kept = app.store.outcome_rows_dump().await.unwrap();
            assert!(kept.iter().any(|l| l.starts_with("c:")), "the sequence left no course rows: {kept:?}");
            assert_running_totals_match_the_rows(&app).await;
            app.store.rebuild_outcomes(7, |_, _| {}).await.unwrap();
            let rebuilt = app.store.outcome_rows_dump().await.unwrap();
            assert_eq!(kept, rebuilt, "seed {seed}");
            assert_running_totals_match_the_rows(&app).await;
            assert_eq!(app.store.catch_up_outcomes().await.unwrap().entries, 0, "a rebuild leaves nothing to catch up");
        }
    })
    .await;
}

/// Every read is audited, so most audit entries are reads. A catch-up after
/// reads alone moves the read model's mark past them without reading them
/// (it reports no entries and no clients), and a change behind more reads than
/// one catch-up batch holds is still found and applied, once.
#[tokio::test]
async fn a_catch_up_passes_over_reads_and_finds_a_change_behind_thousands_of_them() {
    on_each_backend(|app| async move {
        let (_, api, client, course) = client_with_course(&app, "reads@reports.example").await;
        app.store.catch_up_outcomes().await.unwrap();
        assert_eq!(app.store.outcomes_behind().await.unwrap(), 0);
        let reads = |n: usize| {
            let event = rapport_core::audit::AuditEvent {
                actor_label: "test".into(),
                action: action::CLIENT_READ.into(),
                resource_type: "client".into(),
                client_id: Some(client.clone()),
                outcome: "success".into(),
                ..Default::default()
            };
            let store = app.store.clone();
            async move {
                let all = futures_util::future::join_all((0..n).map(|_| store.audit(event.clone()))).await;
                assert!(all.iter().all(|r| r.is_ok()), "every read is recorded");
            }
        };
        reads(2_500).await;
        assert_eq!(app.store.outcomes_behind().await.unwrap(), 2_500);
        let caught = app.store.catch_up_outcomes().await.unwrap();
        assert_eq!((caught.entries, caught.clients), (0, 0), "reads change nothing: {caught:?}");
        assert_eq!(app.store.outcomes_behind().await.unwrap(), 0, "the mark moved past the reads");

        let attended = |dump: Vec<String>| {
            let row = dump.into_iter().find(|l| l.starts_with(&format!("c:{course}|"))).unwrap();
            row.split('|').nth(14).unwrap().to_string()
        };
        assert_eq!(attended(app.store.outcome_rows_dump().await.unwrap()), "0");
        reads(2_100).await;
        api.attended_sessions(&course, &[&today()]).await;
        reads(300).await;
        let caught = app.store.catch_up_outcomes().await.unwrap();
        assert!(caught.entries >= 1 && caught.entries < 10, "only the session's entries are read: {caught:?}");
        assert_eq!(caught.clients, 1, "{caught:?}");
        assert_eq!(app.store.outcomes_behind().await.unwrap(), 0);
        assert_eq!(
            attended(app.store.outcome_rows_dump().await.unwrap()),
            "1",
            "the session behind 2,100 reads counts"
        );
        let kept = app.store.outcome_rows_dump().await.unwrap();
        app.store.rebuild_outcomes(5, |_, _| {}).await.unwrap();
        assert_eq!(kept, app.store.outcome_rows_dump().await.unwrap(), "the same as a rebuild");
    })
    .await;
}

/// A write leaves the read model as it was (it costs the write nothing); the
/// next report catches up before it reads, so it already counts the write.
#[tokio::test]
async fn a_report_counts_the_write_just_made() {
    on_each_backend(|app| async move {
        use rapport_store::reports::{Dimension, ReportFilter};
        let admin = app.user("admin@latest.example", Role::Admin).await;
        let (_, api, _client, course) = client_with_course(&app, "latest@reports.example").await;
        api.attended_sessions(&course, &[&today(), &today()]).await;
        let admin_api = Api::new(&app, &admin).await;
        let (s, body) = admin_api.get("/api/v1/reports/outcomes?group_by=format").await;
        assert_eq!(s, 200, "{body}");
        let finished = || async {
            let t = app.store.outcome_breakdown(&ReportFilter::default(), Dimension::Format).await.unwrap();
            t.iter().map(|(_, t)| t.finished).sum::<i64>()
        };
        assert_eq!(finished().await, 0);
        let rows_before = app.store.outcome_rows_dump().await.unwrap();
        let (s, b) = api
            .post(&format!("/api/v1/courses/{course}/status"), json!({"status": "ended_early", "reason": "moved"}))
            .await;
        assert_eq!(s, 200, "{b}");
        // The write itself left the read model as it was...
        assert_eq!(app.store.outcome_rows_dump().await.unwrap(), rows_before);
        assert_eq!(finished().await, 0);
        // ...and the report caught up before it read.
        let (s, body) = admin_api.get("/api/v1/reports/outcomes?group_by=format").await;
        assert_eq!(s, 200, "{body}");
        assert_ne!(app.store.outcome_rows_dump().await.unwrap(), rows_before);
        assert_eq!(finished().await, 1);
    })
    .await;
}

/// The running totals (what a whole-organisation report reads) give the same
/// figures as summing the rows, for every dimension and several periods.
async fn assert_running_totals_match_the_rows(app: &TestApp) {
    let today = Timestamp::now().date();
    let periods = [
        (None, None),
        (Some(today - Duration::days(40)), Some(today - Duration::days(10))),
        (Some(today - Duration::days(59)), Some(today - Duration::days(59))),
        (Some(today - Duration::days(20)), None),
        (None, Some(today - Duration::days(30))),
        (Some(today + Duration::days(1)), None),
    ];
    assert_running_totals_match_the_rows_over(app, &periods).await;
}

async fn assert_running_totals_match_the_rows_over(app: &TestApp, periods: &[(Option<Date>, Option<Date>)]) {
    use rapport_store::reports::{Dimension, ReportFilter};
    for &(from, to) in periods {
        let f = ReportFilter { from, to, ..Default::default() };
        let mut whole = rapport_core::reports::Tally::default();
        for dim in [Dimension::Quarter].into_iter().chain(Dimension::BREAKDOWNS) {
            let totals = app.store.outcome_breakdown(&f, dim).await.unwrap();
            let rows = app.store.outcome_breakdown_scan(&f, dim).await.unwrap();
            assert_eq!(totals, rows, "{} over {from:?}..{to:?}", dim.as_str());
            // The same reads one after another in one snapshot (the fallback).
            let one_snapshot = app.store.outcome_breakdown_in_one_snapshot(&f, dim).await.unwrap();
            assert_eq!(one_snapshot.as_ref(), Some(&rows), "{} in one snapshot over {from:?}..{to:?}", dim.as_str());
            if dim == Dimension::Format {
                for (_, t) in &rows {
                    whole.add(t);
                }
            }
        }
        let overview = app.store.outcome_overview(&f).await.unwrap();
        assert_eq!(overview.totals, whole, "totals over {from:?}..{to:?}");
        assert_eq!(overview.by_site, app.store.outcome_breakdown_scan(&f, Dimension::Site).await.unwrap());
        let funnel = app.store.outcome_funnel(&f).await.unwrap();
        let without_screenings = rapport_store::reports::Funnel { screened: 0, eligible: 0, ..funnel };
        assert_eq!(without_screenings, app.store.outcome_funnel_scan(&f).await.unwrap());
    }
}

#[tokio::test]
async fn programme_report_rows_follow_attendance_endings_and_group_by_problem_area() {
    on_each_backend(|app| async move {
        let admin = app.user("admin@reports.example", Role::Admin).await;
        let (_, api, client, course) = client_with_course(&app, "rows@reports.example").await;
        api.attended_sessions(&course, &[&today()]).await;
        let row = |dump: Vec<String>| dump.into_iter().find(|l| l.starts_with(&format!("c:{course}|"))).unwrap();
        app.store.catch_up_outcomes().await.unwrap();
        let first = row(app.store.outcome_rows_dump().await.unwrap());
        let cols: Vec<&str> = first.split('|').collect();
        // key, client, course, group, format, site, clinician, protocol, area1, area2, started, ended, quarter, planned, attended
        assert_eq!((cols[4], cols[11], cols[14]), ("individual", "-", "1"), "{first}");
        let (s, b) = api
            .put(
                &format!("/api/v1/courses/{course}/formulation"),
                json!({"problem_areas": ["grief", "role_transition"]}),
            )
            .await;
        assert_eq!(s, 200, "{b}");
        api.attended_sessions(&course, &[&today()]).await;
        let (s, b) = api
            .post(&format!("/api/v1/courses/{course}/status"), json!({"status": "ended_early", "reason": "moved"}))
            .await;
        assert_eq!(s, 200, "{b}");
        app.store.catch_up_outcomes().await.unwrap();
        let ended = row(app.store.outcome_rows_dump().await.unwrap());
        let cols: Vec<&str> = ended.split('|').collect();
        assert_eq!(
            (cols[8], cols[9], cols[11], cols[14]),
            ("grief", "role_transition", today().as_str(), "2"),
            "{ended}"
        );
        // finished, dropout
        assert_eq!((cols[17], cols[18]), ("1", "1"), "{ended}");
        let (_, body) = Api::new(&app, &admin).await.get("/api/v1/reports/outcomes?group_by=problem_area").await;
        let rows = body["rows"].as_array().unwrap();
        // One course working on two areas is on both lines, and once in the totals.
        assert!(
            rows.iter().any(|r| r["key"] == "grief") && rows.iter().any(|r| r["key"] == "role_transition"),
            "{body}"
        );
        assert_eq!(body["totals"]["finished_courses"], Value::Null, "1 course: hidden for an administrator");
        let _ = client;
    })
    .await;
}

/// Periods of every shape over `first..last`: from the first of a month, to
/// the last of a month, one day, open at either end, within one month and
/// across years.
fn period_sample(first: Date, last: Date, next: &mut impl FnMut(u64) -> u64) -> Vec<(Option<Date>, Option<Date>)> {
    let span = (last - first).whole_days() as u64;
    (0..30)
        .map(|i| {
            let a = first + Duration::days(next(span) as i64);
            let b = a + Duration::days([0, 3, 20, 45, 200, 500][next(6) as usize]);
            let month_start = a.replace_day(1).unwrap();
            let month_end = (month_start + Duration::days(32)).replace_day(1).unwrap() - Duration::days(1);
            match i % 6 {
                0 => (Some(month_start), Some(b)),
                1 => (Some(a), Some(month_end)),
                2 => (None, Some(b)),
                3 => (Some(a), None),
                4 => (Some(a), Some(a)),
                _ => (Some(a), Some(b)),
            }
        })
        .collect()
}

/// Decision 45: the running totals' month checkpoints answer any period as
/// summing the rows does, after a bulk import spread over two years, and after
/// late changes to courses that ended long ago, caught up incrementally: a
/// line that gains days before its first month, a line idle for months, and
/// a late answer that changes an old course's last scores.
#[tokio::test]
async fn running_totals_answer_any_period_after_late_changes_to_old_courses() {
    use rapport_store::reports::{Dimension, ReportFilter};
    on_each_backend(|app| async move {
        let mut clinicians = Vec::new();
        for i in 0..4 {
            clinicians.push(app.user(&format!("months{i}@reports.example"), Role::Clinician).await);
        }
        let mut rng = 17u64;
        let mut next = |m: u64| {
            rng = rng.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (rng >> 33) % m
        };
        let areas = ["grief", "role_dispute", "role_transition", "interpersonal_deficits"];
        let (mut batch, mut starts) = (Vec::new(), Vec::new());
        for n in 0..36usize {
            // The fourth clinician's line starts in June 2026; the others' in late 2024.
            let who = if n < 30 { n % 3 } else { 3 };
            let start = if who == 3 {
                date!(2026 - 06 - 01) + Duration::days(next(60) as i64)
            } else {
                date!(2024 - 11 - 01) + Duration::days(next(600) as i64)
            };
            let weeks: Vec<(i64, i64, i64)> =
                (0..2 + next(4)).map(|_| (5 + next(20) as i64, 0, 3 + next(15) as i64)).collect();
            let ending = [Some("completed"), Some("completed"), Some("ended_early"), None][next(4) as usize];
            let area = areas[next(4) as usize];
            batch.push(crate::import::history(&format!("Months {n}"), &clinicians[who].id, start, &weeks, &[area], ending));
            starts.push(start);
        }
        // One course ends on the first of a month (three sessions, a missed
        // one, a week on), read by periods from days later that month.
        let first_of_month = crate::import::history(
            "Months first",
            &clinicians[0].id,
            date!(2025 - 08 - 04),
            &[(15, 0, 10), (12, 0, 9), (8, 0, 6)],
            &["grief"],
            Some("completed"),
        );
        assert_eq!(first_of_month.course.ending.as_ref().unwrap().1.date(), date!(2025 - 09 - 01));
        batch.push(first_of_month);
        let imported = app.store.import_courses(&batch, crate::import::import_event()).await.unwrap();
        app.store.catch_up_outcomes().await.unwrap();
        let mut periods = period_sample(date!(2024 - 10 - 01), Timestamp::now().date() + Duration::days(5), &mut next);
        periods.extend([
            (Some(date!(2025 - 09 - 02)), None),
            (Some(date!(2025 - 09 - 10)), Some(date!(2025 - 12 - 31))),
            (None, Some(date!(2025 - 09 - 01))),
            (None, Some(date!(2025 - 09 - 03))),
        ]);
        assert_running_totals_match_the_rows_over(&app, &periods).await;

        // The fourth clinician's line over 2025, before and after two clients
        // of the first clinician move to them.
        let year_2025 =
            ReportFilter { from: Some(date!(2025 - 01 - 01)), to: Some(date!(2025 - 12 - 31)), ..Default::default() };
        let fourth = |lines: Vec<(Option<String>, rapport_core::reports::Tally)>| {
            lines.into_iter().find(|(k, _)| k.as_deref() == Some(clinicians[3].id.as_str())).map(|(_, t)| t)
        };
        assert_eq!(fourth(app.store.outcome_breakdown(&year_2025, Dimension::Clinician).await.unwrap()), None);
        let moved: Vec<(Id, Id)> = (0..30)
            .step_by(3)
            .filter(|n| starts[*n] < date!(2025 - 10 - 01) && batch[*n].course.ending.is_some())
            .take(2)
            .map(|n| (imported.clients[n].clone(), clinicians[3].id.clone()))
            .collect();
        assert_eq!(moved.len(), 2, "the sample has ended 2025 courses to move");
        let event = rapport_core::audit::AuditEvent { actor_label: "test".into(), ..Default::default() };
        app.store.reassign_responsible(&clinicians[0].id, &moved, event).await.unwrap();
        // A late PHQ-9 answer in an old course of the second clinician: it
        // becomes that course's last score.
        let api = Api::new(&app, &clinicians[1]).await;
        let late = (1..30).step_by(3).find(|n| batch[*n].course.ending.is_some()).unwrap();
        let day = batch[late].course.sessions.last().unwrap().0;
        api.respond(
            imported.clients[late].as_str(),
            json!({"instrument": "phq9", "answers": [3, 3, 3, 3, 3, 3, 3, 3, 0], "completed_at": format!("{}T15:00:00Z", format_date(day))}),
        )
        .await;
        // An open course of the third clinician ends today, months after
        // their line's last day: the months between hold their latest total.
        let api = Api::new(&app, &clinicians[2]).await;
        let open = (2..30).step_by(3).find(|n| batch[*n].course.ending.is_none()).unwrap();
        let (s, courses) = api.get(&format!("/api/v1/clients/{}/courses", imported.clients[open])).await;
        assert_eq!(s, 200, "{courses}");
        let course = courses[0]["id"].as_str().unwrap().to_string();
        let (s, b) =
            api.post(&format!("/api/v1/courses/{course}/status"), json!({"status": "ended_early", "reason": "moved"})).await;
        assert_eq!(s, 200, "{b}");
        let last_before = (2..30)
            .step_by(3)
            .filter(|n| batch[*n].course.ending.is_some())
            .filter_map(|n| batch[n].course.ending.as_ref().map(|e| e.1.date()))
            .max()
            .unwrap();
        let idle_from = last_before + Duration::days(40);
        assert!(idle_from < Timestamp::now().date() - Duration::days(40), "the third line is idle for months");
        periods.extend([(Some(idle_from), None), (Some(idle_from), Some(Timestamp::now().date()))]);
        let caught = app.store.catch_up_outcomes().await.unwrap();
        assert!(caught.clients >= 4, "the moves and the late answer are caught up: {caught:?}");
        let moved_in = fourth(app.store.outcome_breakdown(&year_2025, Dimension::Clinician).await.unwrap());
        assert!(moved_in.is_some_and(|t| t.ended > 0), "the moved courses count for the fourth clinician in 2025");
        assert_running_totals_match_the_rows_over(&app, &periods).await;
        app.store.rebuild_outcomes(50, |_, _| {}).await.unwrap();
        assert_running_totals_match_the_rows_over(&app, &periods).await;
    })
    .await;
}

/// An organisation with more clinicians than the dashboard lists
/// (`Config::report_clinician_list`) gets a search by name: one match is the
/// filter, several are offered to choose from (everyone is counted until
/// then, and the page says so), none is said; a supervisor still gets a list.
#[tokio::test]
async fn a_large_organisation_finds_a_clinician_by_name_on_the_dashboard() {
    for backend in backends() {
        let config = rapport_web::Config {
            settings_ttl: std::time::Duration::ZERO,
            report_clinician_list: 2,
            ..Default::default()
        };
        let app = TestApp::spawn(backend, config).await;
        let admin = app.user("admin@search.example", Role::Admin).await;
        let supervisor = app.user("sup@search.example", Role::Supervisor).await;
        let mut ids = Vec::new();
        for (email, name) in [
            ("c1@search.example", "Alex Smith"),
            ("c2@search.example", "Sam Smithers"),
            ("c3@search.example", "Robin Jones"),
        ] {
            let u = app.user(email, Role::Clinician).await;
            app.sql("UPDATE users SET name = $1 WHERE id = $2", &[name, u.id.as_str()]).await;
            ids.push(u.id);
        }
        let b = app.browser_as(&admin.email).await;
        let csv_link = |page: &str| {
            let at = page.find("/reports/outcomes.csv?").unwrap();
            page[at..at + page[at..].find('"').unwrap()].to_string()
        };

        let (s, page) = b.text("/reports").await;
        assert_eq!(s, 200);
        assert!(page.contains("name=\"clinician_name\"") && !page.contains("id=\"clinician\""), "a search, not a list");

        // As read: HTML's apostrophe, without Fluent's direction marks.
        let plain = |page: &str| page.replace("&#39;", "'").replace(['\u{2068}', '\u{2069}'], "");
        let (_, page) = b.text("/reports?clinician_name=SMITH").await;
        assert!(
            plain(&page).contains("2 people's names contain “SMITH”: choose one. Until then everyone is counted."),
            "{page}"
        );
        let matches = &page[page.find("id=\"clinician\"").expect("the matches to choose from")..];
        assert!(
            matches.contains("Alex Smith")
                && matches.contains("Sam Smithers")
                && !matches[..matches.find("</select>").unwrap()].contains("Robin")
        );
        assert!(!csv_link(&page).contains("clinician="), "no filter until one is chosen");

        let (_, page) = b.text("/reports?clinician_name=smithers").await;
        assert!(csv_link(&page).contains(&format!("clinician={}", ids[1])), "one match is the filter");
        assert!(page.contains("value=\"Sam Smithers\""), "the field shows whom it found");

        let (_, page) = b.text(&format!("/reports?clinician_name=smi&clinician={}", ids[0])).await;
        assert!(csv_link(&page).contains(&format!("clinician={}", ids[0])), "a chosen match is the filter");
        assert!(page.contains("value=\"Alex Smith\""));

        let (_, page) = b.text("/reports?clinician_name=zz%25").await;
        assert!(
            plain(&page).contains("No clinician or facilitator's name contains “zz%”, so everyone is counted."),
            "{page}"
        );
        assert!(!csv_link(&page).contains("clinician="));

        // A breakdown by clinician still names its lines (the names are read beside it).
        let robin = app.store.user(&ids[2]).await.unwrap().unwrap();
        let api = Api::new(&app, &robin).await;
        let client = api.new_client("Searched Client").await;
        let course = api.new_course(&client, json!({"protocol": "ipt-individual", "planned_sessions": 12})).await;
        let (s, body) = api
            .post(&format!("/api/v1/courses/{course}/status"), json!({"status": "ended_early", "reason": "moved"}))
            .await;
        assert_eq!(s, 200, "{body}");
        let (_, page) = b.text("/reports?group_by=clinician").await;
        let table = &page[page.rfind("<table").unwrap()..];
        assert!(table.contains("Robin Jones") && !table.contains(ids[2].as_str()), "{table}");

        // More matches than are offered: the first 20, and a word to narrow it.
        for n in 0..21 {
            let u = app.user(&format!("lee{n}@search.example"), Role::Facilitator).await;
            app.sql("UPDATE users SET name = $1 WHERE id = $2", &[&format!("Pat Lee {n:02}"), u.id.as_str()]).await;
        }
        let (_, page) = b.text("/reports?clinician_name=lee").await;
        assert!(plain(&page).contains("More than 20 people's names contain “lee”"), "{page}");
        let matches = &page[page.find("id=\"clinician\"").unwrap()..];
        let matches = &matches[..matches.find("</select>").unwrap()];
        assert_eq!(matches.matches("<option").count(), 21, "a first option and 20 matches");
        assert!(matches.contains("Pat Lee 19") && !matches.contains("Pat Lee 20"), "{matches}");

        // A supervisor's reach is small: a list.
        app.store.add_supervision(&supervisor.id, &ids[2], test_event(action::SUPERVISION_ADD)).await.unwrap();
        let (s, page) = app.browser_as(&supervisor.email).await.text("/reports").await;
        assert_eq!(s, 200);
        assert!(page.contains("id=\"clinician\"") && !page.contains("clinician_name"), "{page}");
    }
}

/// A breakdown with more lines than a page holds is shown a page at a time,
/// every line exactly once across the pages, the totals and the CSV whole.
#[tokio::test]
async fn the_dashboard_shows_a_long_breakdown_a_page_at_a_time() {
    for backend in backends() {
        let config = rapport_web::Config {
            settings_ttl: std::time::Duration::ZERO,
            report_lines_per_page: 2,
            ..Default::default()
        };
        let app = TestApp::spawn(backend, config).await;
        let admin = app.user("admin@lines.example", Role::Admin).await;
        let mut names = Vec::new();
        for n in 0..5 {
            let u = app.user(&format!("c{n}@lines.example"), Role::Clinician).await;
            let name = format!("Lined Clinician {n}");
            app.sql("UPDATE users SET name = $1 WHERE id = $2", &[&name, u.id.as_str()]).await;
            let u = app.store.user(&u.id).await.unwrap().unwrap();
            let api = Api::new(&app, &u).await;
            let client = api.new_client(&format!("Lined Client {n}")).await;
            let course = api.new_course(&client, json!({"protocol": "ipt-individual", "planned_sessions": 12})).await;
            let (s, body) = api
                .post(&format!("/api/v1/courses/{course}/status"), json!({"status": "ended_early", "reason": "moved"}))
                .await;
            assert_eq!(s, 200, "{body}");
            names.push(name);
        }
        let b = app.browser_as(&admin.email).await;
        let breakdown = |page: &str| -> String {
            let at = page.find("data-testid=\"breakdown\"").expect("the breakdown");
            page[at..at + page[at..].find("</section>").unwrap()].replace(['\u{2068}', '\u{2069}'], "")
        };
        let shown =
            |section: &str| -> Vec<String> { names.iter().filter(|n| section.contains(n.as_str())).cloned().collect() };
        let mut seen = Vec::new();
        let mut next = Some("/reports?group_by=clinician".to_string());
        let mut statuses = Vec::new();
        while let Some(url) = next.take() {
            let (s, page) = b.text(&url).await;
            assert_eq!(s, 200, "{url}");
            let section = breakdown(&page);
            let lines = shown(&section);
            assert!(!lines.is_empty() && lines.len() <= 2, "{url}: {lines:?}");
            seen.extend(lines);
            let status = &section[section.find("page-status\">").unwrap() + 13..];
            statuses.push(status[..status.find('<').unwrap()].to_string());
            assert_eq!(section.contains("rel=\"prev\""), statuses.len() > 1, "{url}");
            next = section.find("rel=\"next\"").map(|rel| {
                let at = section[..rel].rfind("href=\"").unwrap() + 6;
                section[at..at + section[at..].find('"').unwrap()].replace("&#38;", "&")
            });
        }
        let mut sorted = seen.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!((seen.len(), sorted.len()), (5, 5), "every line once: {seen:?}");
        assert_eq!(
            statuses,
            [
                "Lines 1–2 of 5. The CSV download has every line.",
                "Lines 3–4 of 5. The CSV download has every line.",
                "Lines 5–5 of 5. The CSV download has every line."
            ]
        );

        // Past the end: the last page. Not a number, or 0: refused, naming the field.
        let (s, page) = b.text("/reports?group_by=clinician&first_line=99").await;
        assert_eq!(s, 200);
        assert!(breakdown(&page).contains("Lines 5–5 of 5"));
        for bad in ["0", "two", "-1"] {
            let (s, page) = b.text(&format!("/reports?group_by=clinician&first_line={bad}")).await;
            assert_eq!(s, 422, "{bad}");
            assert!(page.contains("The first line to show must be a whole number"), "{bad}: {page}");
        }
        // The printable page shows the chosen lines without links; the CSV has all.
        let (s, page) = b.text("/reports/print?group_by=clinician&first_line=3").await;
        assert_eq!(s, 200);
        let section = breakdown(&page);
        assert_eq!(shown(&section).len(), 2);
        assert!(section.contains("Lines 3–4 of 5") && !section.contains("rel=\"next\""), "{section}");
        let csv = b.get("/reports/outcomes.csv?group_by=clinician").await.text().await.unwrap();
        assert_eq!(names.iter().filter(|n| csv.contains(n.as_str())).count(), 5, "{csv}");
    }
}
