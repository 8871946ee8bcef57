//! `rapport demo`: a clearly labelled synthetic organisation so a newcomer sees
//! a living system. Every name is generated; none belongs to a real person.

mod calendar;
mod courses;
mod event;
mod groups;
mod history;
mod rng;
use rng::Lcg;
mod inventory;
mod lang;
mod measures;

pub use lang::{texts, Texts, LANGUAGES};

use event::event;
use rapport_core::access::Role;
use rapport_core::audit::action;
use rapport_core::client::{ClientDetails, ClientStatus, ExternalId};
use rapport_core::{Id, Timestamp};
use rapport_store::users::NewUser;
use rapport_store::Store;

mod context;
mod formulation;
mod grief;
mod notes;
mod portal;
mod supervision;
mod timeline;
mod today;
mod worksheets;

/// Shared by every demo account (synthetic data only; change it before real use).
pub const DEMO_PASSWORD: &str = "rapport-demo-2026";
pub const DEMO_DOMAIN: &str = "demo.rapport.test";
/// clinician1's kiosk PIN (kiosk mode: the PIN that takes a handed-over device back).
pub const DEMO_KIOSK_PIN: &str = "2580";

/// The English demo's mix of clients' preferred languages.
const CLIENT_LANGUAGES: &[&str] = &["English", "English", "English", "Spanish", "Arabic", "Polish", "Swahili", "Urdu"];

/// A client's preferred language as the record holds it (a shipped tag, or
/// none): the demo's language, or in the English demo the tag of the English
/// and Spanish speakers of its mix (the others speak languages the interface
/// does not have).
fn client_language(texts: &Texts, pick: usize) -> Option<&'static str> {
    match texts.client_language {
        Some(tag) => Some(tag),
        None => match CLIENT_LANGUAGES[pick] {
            "English" => Some("en"),
            "Spanish" => Some("es"),
            _ => None,
        },
    }
}

/// `n` client names, each "First Last" from the lists above, never the same
/// twice and never a staff member's name (`staff`, suffixes such as
/// " (demo clinician)" ignored). The pairs come in a fixed shuffled order; past
/// the last pair the names go round again with a number ("Alex Example 2").
pub fn client_names(n: usize, staff: &[String], texts: &Texts) -> Vec<String> {
    let (first, last) = (texts.first, texts.last);
    let taken: Vec<String> = staff.iter().map(|s| s.split(" (").next().unwrap_or(s).trim().to_lowercase()).collect();
    let mut pairs: Vec<(usize, usize)> = (0..first.len()).flat_map(|f| (0..last.len()).map(move |l| (f, l))).collect();
    let mut rng = Lcg(20261204);
    for i in (1..pairs.len()).rev() {
        pairs.swap(i, rng.next(i + 1));
    }
    let mut out = Vec::with_capacity(n);
    let mut round = 1;
    while out.len() < n {
        for &(f, l) in &pairs {
            if out.len() == n {
                break;
            }
            let name = if round == 1 {
                format!("{} {}", first[f], last[l])
            } else {
                format!("{} {} {round}", first[f], last[l])
            };
            if !taken.contains(&name.to_lowercase()) {
                out.push(name);
            }
        }
        round += 1;
    }
    out
}

/// Where the demo will be served, for the addresses it prints.
pub struct Printed<'a> {
    /// "http://127.0.0.1:8080"
    pub base: &'a str,
    /// The command to start the server on that address.
    pub serve: &'a str,
}

/// `template` with each "{key}" replaced by its value.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(template.to_string(), |out, (key, value)| out.replace(&format!("{{{key}}}"), value))
}

pub async fn seed(
    store: &Store,
    clinicians: usize,
    clients: usize,
    texts: &Texts,
    at: &Printed<'_>,
) -> Result<(), String> {
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
    let hash = rapport_app::passwords::hash_now(DEMO_PASSWORD);
    // A synthetic practice in the United Kingdom, with that country's public crisis lines.
    let org = rapport_store::org::Organisation {
        name: texts.org_name.into(),
        country: texts.country.into(),
        crisis_resources: texts.crisis_resources.into(),
        time_zone: texts.time_zone.into(),
        default_language: texts.code.into(),
        // Four closeness rings, so the demo shows a count other than the
        // manuals' three (the GP sits in ring 4, the most distant).
        closeness_rings: inventory::CLOSENESS_RINGS,
        ..Default::default()
    };
    store.update_organisation(&org, event(action::SETTINGS_UPDATE, "organisation")).await.map_err(err)?;
    let mk = |email: String, name: String, role: Role| NewUser {
        email,
        name,
        role,
        practises: false,
        password_hash: hash.clone(),
        site_id: None,
    };
    let admin = store
        .create_user(
            mk(format!("admin@{DEMO_DOMAIN}"), texts.admin_name.into(), Role::Admin),
            event(action::USER_CREATE, "user"),
        )
        .await
        .map_err(err)?;
    let supervisor = store
        .create_user(
            mk(format!("supervisor@{DEMO_DOMAIN}"), texts.supervisor_name.into(), Role::Supervisor),
            event(action::USER_CREATE, "user"),
        )
        .await
        .map_err(err)?;
    let programme_manager = store
        .create_user(
            mk(format!("programme.manager@{DEMO_DOMAIN}"), texts.programme_manager_name.into(), Role::ProgrammeManager),
            event(action::USER_CREATE, "user"),
        )
        .await
        .map_err(err)?;
    let mut staff: Vec<Id> = Vec::new();
    let mut staff_names: Vec<String> =
        vec![admin.name.clone(), supervisor.name.clone(), programme_manager.name.clone()];
    let mut rng = Lcg(20261126);
    for i in 1..=clinicians {
        let (first, last) = (texts.first, texts.last);
        let name = format!("{} {}{}", first[(i * 7) % first.len()], last[(i * 3) % last.len()], texts.clinician_suffix);
        staff_names.push(name.clone());
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
    store
        .set_supervisees(&supervisor.id, &supervised, event(action::USER_UPDATE, "supervision"), &[])
        .await
        .map_err(err)?;

    let today = Timestamp::now().date();
    let mut first_client = None;
    // Active clients for the demo courses: the first of each clinician's first.
    let mut course_clients: Vec<(Id, Id)> = Vec::new();
    let names = client_names(clients, &staff_names, texts);
    for (i, display_name) in names.into_iter().enumerate() {
        let last = display_name.split(' ').nth(1).unwrap_or(texts.last[0]).to_string();
        let year = today.year() - 18 - rng.next(55) as i32;
        let dob = format!("{year:04}-{:02}-{:02}", 1 + rng.next(12), 1 + rng.next(28));
        let mut d = ClientDetails {
            display_name,
            date_of_birth: Some(dob),
            pronouns: Some(texts.pronouns[rng.next(texts.pronouns.len())].into()),
            // The portal client (the first) has no language on record, so its
            // portal follows the phone's language (e2e/portal-languages).
            preferred_language: client_language(texts, rng.next(CLIENT_LANGUAGES.len()))
                .filter(|_| i > 0 || texts.client_language.is_some())
                .map(Into::into),
            phone: Some(format!("+44 7700 9{:05}", i % 100_000)),
            email: Some(format!("client{}@example.org", i + 1)),
            external_ids: vec![ExternalId {
                system: texts.hospital_number.into(),
                value: format!("DEMO-{:05}", i + 1),
            }],
            consent_notes: Some(texts.consent.into()),
            ..Default::default()
        };
        if i % 3 != 2 {
            d.emergency_contact_name = Some(format!("{} {last}", texts.first[rng.next(texts.first.len())]));
            d.emergency_contact_relationship = Some(texts.relations[rng.next(texts.relations.len())].into());
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
            first_client = Some((c.id.clone(), d.display_name.clone()));
        }
        if i % 15 != 14 {
            course_clients.push((c.id.clone(), responsible.clone()));
        }
    }
    let (showcase, seeded) = courses::seed(store, &course_clients, texts).await?;
    // Brief IPT's course opens with its engagement session (session 0).
    let brief_course = seeded.iter().find(|(p, _)| *p == "ipt-brief").map(|(_, c)| c.id.clone());
    // The Stuart course's formulation records interpersonal sensitivity.
    let stuart_course = seeded.iter().find(|(p, _)| *p == "ipt-stuart").map(|(_, c)| c.id.clone());
    let measured = measures::seed_measures(store, &course_clients).await?;
    // A client treated twice (recovered, then a relapse course not improving).
    let relapse = match course_clients.get(12) {
        Some((c, clin)) => {
            measures::seed_relapse(store, c, clin, texts).await?;
            Some(c.clone())
        }
        None => None,
    };
    // One emergency access waiting for an administrator's review.
    if let (Some((c, _)), true) = (&first_client, staff.len() > 1) {
        store
            .create_break_glass(
                &staff[1],
                c,
                texts.break_glass,
                Timestamp::now().plus(time::Duration::hours(4)),
                event(action::BREAK_GLASS, "break_glass"),
            )
            .await
            .map_err(err)?;
    }
    // The showcase course (clinician1's first client) gets every course workspace.
    let demo_course = match &showcase {
        Some(course) => Some(formulation::seed(store, &staff[0], course, texts.formulation).await?),
        None => None,
    };
    // A grief formulation with its facts (who died, linked to the inventory, and when) in the third course.
    let grief_course = match course_clients.get(2) {
        Some((c, clin)) => grief::seed(store, c, clin, texts.grief).await?,
        None => None,
    };
    // An interpersonal inventory (people, closeness circle, snapshots) in a role-dispute course.
    if let Some((c, _)) = &first_client {
        inventory::seed(store, c, &staff[0], texts).await?;
    }
    // Course work for the first client: a timeline, worksheets and care context.
    if let Some((c, _)) = &first_client {
        let (course, sessions) = worksheets::demo_course(store, c, &staff[0]).await?;
        timeline::seed(store, c, &staff[0], texts.timeline).await?;
        worksheets::seed(store, c, &staff[0], &course, &sessions, texts.worksheets).await?;
        context::seed(store, c, &staff[0], texts.context).await?;
    }
    // Session notes on the first client's course (signed, a draft, an addendum, a private process note).
    let notes_line = match &first_client {
        Some((c, _)) => Some(notes::seed(store, c, &staff[0], texts).await.map_err(err)?),
        None => None,
    };
    // One unused single-use measure link (PHQ-9) for the first client.
    let link = match &first_client {
        Some((c, _)) => {
            let token = rapport_app::caller::new_secret();
            store
                .create_measure_link(
                    &rapport_app::caller::secret_hash(&token),
                    c,
                    "phq9",
                    &staff[0],
                    Timestamp::now().plus(time::Duration::days(rapport_app::measure_links::LINK_DAYS)),
                    event(action::MEASURE_LINK_CREATE, "measure_link"),
                )
                .await
                .map_err(err)?;
            Some(token)
        }
        None => None,
    };
    // The first client's portal account (diary, a reflection, a shared safety plan).
    let portal_email = match &first_client {
        Some((c, _)) => Some(portal::seed(store, c, &staff[0], &hash, texts.portal).await?),
        None => None,
    };
    // A diary "check in" on clinician1's caseload (another client, a drop in mood).
    portal::seed_check_in(store, &course_clients, &staff[0], &hash, texts.portal).await?;
    // clinician1's week on the calendar (today 10:00 with the first client) and a calendar feed.
    let feed = match &first_client {
        Some((c, _)) => Some(calendar::seed(store, &staff[0], c, &org.time_zone).await?),
        None => None,
    };
    // Kiosk mode: clinician1 has a kiosk PIN, so "Hand over for questionnaires" works at once.
    store
        .set_kiosk_pin(
            &staff[0],
            &rapport_app::passwords::hash_now(DEMO_KIOSK_PIN),
            event(action::KIOSK_PIN_SET, "user"),
        )
        .await
        .map_err(err)?;
    // Today for clinician1: sessions still to come, and a session reminder sent.
    let today_line = match &first_client {
        Some((c, _)) => today::seed(store, &staff[0], c).await?,
        None => None,
    };
    // Supervision: ratings, meetings, clinician1 half-way to certification, an overdue initial phase.
    // Clients past the measured (first 12) and relapse (13th) ones have no course yet.
    let spare: Vec<(Id, Id)> = course_clients.iter().skip(13).cloned().collect();
    let supervision =
        supervision::seed(store, &supervisor.id, &supervised, showcase.as_ref(), &spare, texts.supervision).await?;
    // A brief IPT course of clinician1's whose engagement session is booked this week.
    let engagement_ahead = match staff.first() {
        Some(c) => courses::seed_engagement_ahead(store, c).await?,
        None => None,
    };
    // A group IPT programme: sites, a chain of supervision, facilitators, three groups and a funnel.
    let programme = groups::seed(store, &hash, texts).await?;
    // Two years of finished courses at two clinics, for the programme-outcomes dashboard.
    // clinician1 keeps a small caseload of their own: the history is the others' (the
    // supervisor still sees clinician2's share), or the supervisor's in a one-clinician demo.
    let history_staff = if staff.len() > 1 { staff[1..].to_vec() } else { vec![supervisor.id.clone()] };
    history::seed(store, &history_staff, texts).await?;
    let _ = admin;
    // A demo in another language: every account reads the interface in it.
    if texts.client_language.is_some() {
        for u in store.users().await.map_err(err)? {
            store
                .set_user_language(&u.id, Some(texts.code), event(action::ACCOUNT_LANGUAGE, "user"))
                .await
                .map_err(err)?;
        }
    }
    let base = at.base;
    let p = &texts.printed;
    println!(
        "{}",
        p.seeded.replace("{clinicians}", &clinicians.to_string()).replace("{clients}", &clients.to_string())
    );
    println!("{}", p.sign_in_with);
    let account = |email: &str, what: &str| println!("  {email:<34} {what}");
    account(&format!("admin@{DEMO_DOMAIN}"), p.administrator);
    account(&format!("supervisor@{DEMO_DOMAIN}"), &p.supervisor_of.replace("{n}", &supervised.len().to_string()));
    account(&format!("programme.manager@{DEMO_DOMAIN}"), p.programme_manager);
    for i in 1..=clinicians.min(5) {
        account(&format!("clinician{i}@{DEMO_DOMAIN}"), p.clinician);
    }
    if clinicians > 5 {
        println!("{}", fill(p.up_to, &[("email", &format!("clinician{clinicians}@{DEMO_DOMAIN}"))]));
    }
    let printed = p;
    let p = &programme;
    account(&p.trainer, printed.master_trainer);
    account(&p.supervisor, printed.group_supervisor);
    for (email, site) in &p.facilitators {
        account(email, &fill(printed.facilitator_at, &[("site", site)]));
    }
    println!("{}", printed.courses);
    if let Some(id) = demo_course {
        let id = id.to_string();
        println!("{}", fill(printed.showcase, &[("base", base), ("id", &id)]));
        println!("{}", fill(printed.showcase_ending, &[("base", base), ("id", &id)]));
    }
    if let Some(id) = &grief_course {
        println!("{}", fill(texts.grief.printed, &[("base", base), ("id", id.as_str())]));
    }
    if let Some(id) = &brief_course {
        println!("{}", fill(texts.courses.printed_engagement, &[("base", base), ("id", id.as_str())]));
    }
    if let Some((course, on)) = &engagement_ahead {
        let date = rapport_core::time::format_date(*on);
        let args = [("base", base), ("id", course.id.as_str()), ("date", date.as_str())];
        println!("{}", fill(texts.courses.printed_engagement_ahead, &args));
    }
    if let Some(id) = &stuart_course {
        println!("{}", fill(texts.courses.printed_sensitivity, &[("base", base), ("id", id.as_str())]));
    }
    println!("{}", fill(printed.measured, &[("n", &measured.to_string())]));
    if let Some(id) = &relapse {
        println!("{}", fill(printed.relapse, &[("base", base), ("id", id.as_str())]));
    }
    if measured > 0 {
        println!("{}", printed.overdue_flag);
    }
    if let Some((_, name)) = &first_client {
        println!("{}", fill(printed.inventory, &[("name", name)]));
    }
    if let Some(line) = notes_line {
        println!("{}", line.replace("(/courses/", &format!("({base}/courses/")));
    }
    if let (Some(token), Some((_, name))) = (&link, &first_client) {
        println!("{}", fill(printed.link, &[("name", name), ("base", base), ("token", token)]));
    }
    if let (Some(email), Some((_, name))) = (&portal_email, &first_client) {
        println!("{}", fill(printed.portal, &[("name", name), ("base", base), ("email", email)]));
    }
    if let Some(secret) = &feed {
        println!("{}", fill(printed.calendar, &[("base", base), ("secret", secret)]));
    }
    if let Some((c, name)) = &first_client {
        let kiosk = [("pin", DEMO_KIOSK_PIN), ("name", name), ("base", base), ("id", c.as_str())];
        println!("{}", fill(printed.kiosk, &kiosk));
    }
    if let Some(t) = today_line {
        println!("{}", fill(printed.today, &[("base", base), ("client", &t.reminder_client)]));
    }
    println!("{}", fill(printed.supervision, &[("base", base)]));
    if let Some(id) = &supervision.overdue_course {
        println!("{}", fill(printed.overdue_course, &[("base", base), ("id", id.as_str())]));
    }
    println!("{}", fill(printed.programme, &[("a", groups::KASESE), ("b", groups::HILLSIDE), ("base", base)]));
    println!("{}", fill(printed.midway, &[("name", &p.midway_flagged), ("base", base), ("id", p.midway.as_str())]));
    println!("{}", fill(printed.finished, &[("base", base), ("id", p.finished.as_str())]));
    println!("{}", fill(printed.adaptation, &[("base", base)]));
    let pre_group = [
        ("done", &p.pre_group_done.to_string()),
        ("members", &p.pre_group_members.to_string()),
        ("date", &printed.long_date(p.pre_group_start)),
        ("base", &base.to_string()),
        ("id", &p.pre_group.to_string()),
    ];
    println!("{}", fill(printed.pre_group, &pre_group.map(|(k, v)| (k, v.as_str()))));
    let steps: Vec<String> = p.funnel.iter().map(|(s, n)| format!("{} {n}", printed.funnel_step(s.as_str()))).collect();
    println!("{}", fill(printed.funnel, &[("steps", &steps.join(", "))]));
    println!("{}{DEMO_PASSWORD}", printed.password);
    println!();
    println!("{}", printed.next);
    println!("  {}", at.serve);
    println!("{}", printed.then_open.replace("{base}", base));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_names_never_repeat_nor_match_staff() {
        let staff = vec!["Avery Admin (demo)".to_string(), "Eli Synthia (demo clinician)".to_string()];
        let names = client_names(1000, &staff, &lang::EN);
        assert_eq!(names.len(), 1000);
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 1000, "no name twice, even past the last pair");
        assert!(!names.iter().any(|n| n == "Eli Synthia" || n == "Avery Admin"));
        assert!(names.iter().any(|n| n.ends_with(" 2")), "past the last pair the names are numbered");
        assert_eq!(client_names(5, &staff, &lang::EN), client_names(5, &staff, &lang::EN), "the same every time");
        let es = client_names(5, &staff, &lang::ES);
        assert!(es.iter().all(|n| lang::ES.last.iter().any(|l| n.ends_with(l))), "{es:?}");
    }
}
