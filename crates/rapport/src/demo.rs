//! `rapport demo`: a clearly labelled synthetic organisation so a newcomer sees
//! a living system. Every name is generated; none belongs to a real person.

use rapport_core::access::Role;
use rapport_core::audit::{action, AuditEvent, Outcome};
use rapport_core::client::{ClientDetails, ClientStatus, ExternalId};
use rapport_core::{Id, Timestamp};
use rapport_store::users::NewUser;
use rapport_store::Store;

/// Shared by every demo account (synthetic data only; change it before real use).
pub const DEMO_PASSWORD: &str = "rapport-demo-2026";
pub const DEMO_DOMAIN: &str = "demo.rapport.test";

const FIRST: &[&str] = &[
    "Alex", "Bea", "Cal", "Dana", "Eli", "Fern", "Gus", "Hana", "Ivo", "Jules", "Kai", "Lena", "Milo", "Nia", "Omar",
    "Pia", "Quinn", "Rosa", "Sami", "Tova", "Uma", "Vik", "Wren", "Yara", "Zane", "Ines", "Kofi", "Mei", "Noor",
    "Ravi",
];
const LAST: &[&str] = &[
    "Example",
    "Sample",
    "Testwood",
    "Demoson",
    "Placeholder",
    "Fictive",
    "Mockley",
    "Synthia",
    "Invento",
    "Pretendale",
    "Madeup",
    "Notreal",
    "Imaginary",
    "Dummington",
    "Specimen",
    "Trialson",
];
const PRONOUNS: &[&str] = &["she/her", "he/him", "they/them"];
const LANGUAGES: &[&str] = &["English", "English", "English", "Spanish", "Arabic", "Polish", "Swahili", "Urdu"];
const RELATIONS: &[&str] = &["partner", "sister", "brother", "friend", "mother", "father"];

/// Small deterministic generator so every demo looks the same.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

fn event(act: &str, resource: &str) -> AuditEvent {
    AuditEvent {
        actor_label: "system (rapport demo)".into(),
        action: act.into(),
        resource_type: resource.into(),
        outcome: Outcome::Success.as_str().into(),
        detail: Some("synthetic demo data".into()),
        ..Default::default()
    }
}

pub async fn seed(store: &Store, clinicians: usize, clients: usize) -> Result<(), String> {
    if clinicians == 0 {
        return Err("--clinicians must be at least 1".into());
    }
    if store.count_users().await.map_err(|e| e.to_string())? > 0 {
        return Err(
            "this database already has accounts; run the demo on a fresh --data-dir (or an empty PostgreSQL database)"
                .into(),
        );
    }
    let err = |e: rapport_store::StoreError| e.to_string();
    // One hash for all demo accounts: hashing 100 accounts one by one would take
    // seconds and they share the same published demo password anyway.
    let hash = rapport_web::passwords::hash_now(DEMO_PASSWORD);
    let org = rapport_store::org::Organisation { name: "Demo Practice (synthetic data)".into(), ..Default::default() };
    store.update_organisation(&org, event(action::SETTINGS_UPDATE, "organisation")).await.map_err(err)?;
    let mk = |email: String, name: String, role: Role| NewUser {
        email,
        name,
        role,
        practises: false,
        password_hash: hash.clone(),
    };
    let admin = store
        .create_user(
            mk(format!("admin@{DEMO_DOMAIN}"), "Avery Admin (demo)".into(), Role::Admin),
            event(action::USER_CREATE, "user"),
        )
        .await
        .map_err(err)?;
    let supervisor = store
        .create_user(
            mk(format!("supervisor@{DEMO_DOMAIN}"), "Sasha Supervisor (demo)".into(), Role::Supervisor),
            event(action::USER_CREATE, "user"),
        )
        .await
        .map_err(err)?;
    let mut staff: Vec<Id> = Vec::new();
    let mut rng = Lcg(20261126);
    for i in 1..=clinicians {
        let name = format!("{} {} (demo clinician)", FIRST[(i * 7) % FIRST.len()], LAST[(i * 3) % LAST.len()]);
        let u = store
            .create_user(
                mk(format!("clinician{i}@{DEMO_DOMAIN}"), name, Role::Clinician),
                event(action::USER_CREATE, "user"),
            )
            .await
            .map_err(err)?;
        staff.push(u.id);
    }
    // The supervisor oversees the first two clinicians (or the first tenth of a large demo).
    let supervised: Vec<Id> = staff.iter().take((clinicians / 10).max(2).min(clinicians)).cloned().collect();
    store.set_supervisees(&supervisor.id, &supervised, event(action::USER_UPDATE, "supervision")).await.map_err(err)?;

    let today = Timestamp::now().date();
    let mut first_client = None;
    let mut active: Vec<(Id, Id)> = Vec::new();
    for i in 0..clients {
        let first = FIRST[rng.next(FIRST.len())];
        let last = LAST[rng.next(LAST.len())];
        let year = today.year() - 18 - rng.next(55) as i32;
        let dob = format!("{year:04}-{:02}-{:02}", 1 + rng.next(12), 1 + rng.next(28));
        let mut d = ClientDetails {
            display_name: format!("{first} {last}"),
            date_of_birth: Some(dob),
            pronouns: Some(PRONOUNS[rng.next(PRONOUNS.len())].into()),
            preferred_language: Some(LANGUAGES[rng.next(LANGUAGES.len())].into()),
            phone: Some(format!("+44 7700 9{:05}", i % 100_000)),
            email: Some(format!("client{}@example.org", i + 1)),
            external_ids: vec![ExternalId { system: "Hospital number".into(), value: format!("DEMO-{:05}", i + 1) }],
            consent_notes: Some("Consents to treatment and to text-message reminders. Synthetic demo record.".into()),
            ..Default::default()
        };
        if i % 3 != 2 {
            d.emergency_contact_name = Some(format!("{} {last}", FIRST[rng.next(FIRST.len())]));
            d.emergency_contact_relationship = Some(RELATIONS[rng.next(RELATIONS.len())].into());
            d.emergency_contact_phone = Some(format!("+44 7700 8{:05}", i % 100_000));
        }
        let responsible = &staff[i % staff.len()];
        let c = store.create_client(&d, responsible, event(action::CLIENT_CREATE, "client")).await.map_err(err)?;
        if i % 5 == 4 && staff.len() > 1 {
            let co = &staff[(i + 1) % staff.len()];
            store.add_care_team_member(&c.id, co, event(action::CARE_TEAM_ADD, "care_team")).await.map_err(err)?;
        }
        if i % 15 == 14 {
            store
                .set_client_status(&c.id, ClientStatus::Archived, event(action::CLIENT_ARCHIVE, "client"))
                .await
                .map_err(err)?;
        }
        if i == 0 {
            first_client = Some(c.id.clone());
        }
        if i % 15 != 14 {
            active.push((c.id.clone(), responsible.clone()));
        }
    }
    let measured = seed_measures(store, &active).await?;
    // One emergency access waiting for an administrator's review.
    if let (Some(c), true) = (&first_client, staff.len() > 1) {
        store
            .create_break_glass(
                &staff[1],
                c,
                "Covering the on-call phone: client called in distress while their clinician is on leave (demo).",
                Timestamp::now().plus(time::Duration::hours(4)),
                event(action::BREAK_GLASS, "break_glass"),
            )
            .await
            .map_err(err)?;
    }
    let _ = admin;
    println!("Seeded the synthetic \"Demo Practice\": 1 administrator, 1 supervisor, {clinicians} clinicians, {clients} clients.");
    println!("All names are generated; no real people. Sign in with any of these accounts:");
    println!("  admin@{DEMO_DOMAIN}        administrator (users, audit log, access reviews)");
    println!("  supervisor@{DEMO_DOMAIN}   supervisor of {} clinicians", supervised.len());
    for i in 1..=clinicians.min(5) {
        println!("  clinician{i}@{DEMO_DOMAIN}   clinician");
    }
    if clinicians > 5 {
        println!("  ... up to clinician{clinicians}@{DEMO_DOMAIN}");
    }
    println!(
        "{measured} clients have weekly PHQ-9 and GAD-7 scores; one has an open risk flag (PHQ-9 item 9) to handle."
    );
    println!("Password for every demo account: {DEMO_PASSWORD}");
    Ok(())
}

/// Answers to a 0-3 questionnaire of `n` items summing to `total`, spread
/// evenly; `keep_zero` (a 0-based item) stays 0 unless `risk` is given.
fn answers_for(n: usize, total: i64, keep_zero: Option<usize>, risk: Option<i64>) -> Vec<Option<i64>> {
    let mut a = vec![0i64; n];
    if let (Some(k), Some(r)) = (keep_zero, risk) {
        a[k] = r;
    }
    let mut left = (total - a.iter().sum::<i64>()).max(0);
    let mut i = 0;
    while left > 0 && a.iter().enumerate().any(|(j, v)| *v < 3 && Some(j) != keep_zero) {
        if Some(i % n) != keep_zero && a[i % n] < 3 {
            a[i % n] += 1;
            left -= 1;
        }
        i += 1;
    }
    a.into_iter().map(Some).collect()
}

/// Measures for the demo: weekly PHQ-9 and GAD-7 trajectories for up to 12
/// active clients (improving, flat and worsening courses), and one open risk
/// flag (PHQ-9 item 9 = 1 on the first client's latest form). Returns how many
/// clients were given scores.
pub async fn seed_measures(store: &Store, clients: &[(Id, Id)]) -> Result<usize, String> {
    use rapport_core::measures::{score, Library};
    use rapport_store::measures::{Mode, NewResponse};
    let lib = Library::builtin();
    let (phq9, gad7) = (lib.get("phq9").expect("shipped"), lib.get("gad7").expect("shipped"));
    // (PHQ-9 start, PHQ-9 weekly change, GAD-7 start, GAD-7 weekly change, weeks)
    const COURSES: &[(i64, i64, i64, i64, i64)] = &[
        (18, -2, 14, -2, 8),
        (15, -1, 12, -1, 6),
        (12, 0, 9, 0, 6),
        (11, 1, 8, 1, 5),
        (21, -3, 16, -2, 7),
        (9, -1, 11, -2, 4),
    ];
    let now = Timestamp::now();
    let mut count = 0;
    for (n, (client, clinician)) in clients.iter().take(12).enumerate() {
        let (p0, dp, g0, dg, weeks) = COURSES[n % COURSES.len()];
        for w in 0..weeks {
            let at = now.minus(time::Duration::weeks(weeks - w)).plus(time::Duration::hours(n as i64));
            let wobble = [0, 1, -1, 0][(w as usize + n) % 4];
            let p = (p0 + dp * w + wobble).clamp(0, 26);
            let g = (g0 + dg * w - wobble).clamp(0, 21);
            let risk = (n == 0 && w == weeks - 1).then_some(1);
            for (inst, answers) in [(phq9, answers_for(9, p, Some(8), risk)), (gad7, answers_for(7, g, None, None))] {
                let scored = score(inst, &answers).map_err(|e| e.to_string())?;
                let new = NewResponse {
                    client_id: client.clone(),
                    course_id: None,
                    score: scored,
                    unscored_answers: None,
                    completed_at: at,
                    entered_by: Some(clinician.clone()),
                    mode: Mode::InSession,
                };
                store
                    .record_response(&new, event(action::MEASURE_RECORD, "measure_response"))
                    .await
                    .map_err(|e| e.to_string())?;
            }
        }
        count += 1;
    }
    Ok(count)
}
