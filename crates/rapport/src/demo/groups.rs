//! The demo's group IPT programme (issue 13): two sites, a chain of
//! supervision (master trainer, group supervisor, three facilitators), three
//! groups (one in its pre-group sessions, one half-way with an open risk flag
//! from today's meeting, one finished with two dropouts and a referral) and a
//! screening funnel with every step populated.
//!
//! Everything after the accounts goes through the `rapport_app` use cases, as
//! the facilitators and supervisors would do it on their pages: members are
//! registered by their facilitator (so they belong to the facilitator's site),
//! screened, added, seen for their pre-group session and scored at every
//! meeting through the one response pipeline. Dates are back-dated weekly, so
//! a newcomer sees records weeks old; only the rows' own "recorded at" times
//! are today's.

use super::event::event;
use super::lang::groups::Words;
use super::measures::answers_for;
use super::Texts;
use rapport_app::caller::{AuthKind, Identity, RequestMeta};
use rapport_app::groups::{self, GroupInput, MeetingInput, MemberResponse, PreGroupInput, ScreeningInput};
use rapport_app::AppState;
use rapport_core::access::Role;
use rapport_core::audit::action;
use rapport_core::client::{ExternalId, RawClientDetails};
use rapport_core::group::{FunnelStep, ScreeningOutcome};
use rapport_core::time::format_date;
use rapport_core::Id;
use rapport_store::users::{NewUser, User};
use rapport_store::Store;
use time::{Date, Duration};

/// What `seed` made, for the lines the demo prints.
pub struct Programme {
    pub trainer: String,
    pub supervisor: String,
    /// (e-mail, site name) of each facilitator.
    pub facilitators: Vec<(String, String)>,
    pub midway: Id,
    pub midway_flagged: String,
    pub finished: Id,
    pub pre_group: Id,
    pub pre_group_start: Date,
    pub pre_group_done: usize,
    pub pre_group_members: usize,
    /// The funnel as the master trainer sees it (every step above zero).
    pub funnel: Vec<(FunnelStep, u64)>,
}

pub const KASESE: &str = "Kasese North";
pub const HILLSIDE: &str = "Hillside Secondary";

/// First names of the women's groups at the village (synthetic with the surnames below).
const WOMEN: &[&str] = &[
    "Masika",
    "Biira",
    "Kabugho",
    "Mbambu",
    "Kahindo",
    "Akello",
    "Apio",
    "Atim",
    "Auma",
    "Babirye",
    "Nakato",
    "Namata",
    "Nansubuga",
    "Kemigisa",
    "Kobusingye",
    "Kyomuhendo",
    "Mbabazi",
    "Nyakato",
    "Ninsiima",
    "Ayebare",
    "Natukunda",
    "Kabasinguzi",
];
/// First names of the school's young people (a mixed group), with pronouns.
const YOUNG: &[(&str, &str)] = &[
    ("Tendo", "she/her"),
    ("Musa", "he/him"),
    ("Nalule", "she/her"),
    ("Mugisha", "he/him"),
    ("Nabirye", "she/her"),
    ("Kato", "he/him"),
    ("Tusiime", "they/them"),
    ("Ssali", "he/him"),
    ("Akiki", "she/her"),
];

/// The `i`-th name made from `first`: each first name with a synthetic
/// surname, never the same pair twice for i < first.len() * LAST.len().
fn name(first: &str, i: usize, last: &[&str]) -> String {
    format!("{first} {}", last[(i * 5 + 3) % last.len()])
}

/// Problem-area ids in the order members are given them.
const AREAS: [&str; 4] = ["role_dispute", "role_transition", "grief", "interpersonal_deficits"];

fn goal(words: &Words, area: &str, young: bool) -> &'static str {
    let goals = if young { &words.young_goals } else { &words.goals };
    match area {
        "grief" => goals[0],
        "role_dispute" => goals[1],
        "role_transition" => goals[2],
        _ => goals[3],
    }
}

fn app(e: rapport_app::Error) -> String {
    format!("demo groups: {e:?}")
}

/// A use-case caller for a demo account, marked as the demo seeder in the audit log.
fn acting(user: &User) -> Identity {
    Identity {
        user: user.clone(),
        auth: AuthKind::Session { id_hash: String::new(), csrf: String::new(), kiosk: None },
        meta: RequestMeta { ip: None, user_agent: Some("rapport demo (synthetic data)".into()) },
        prefetched: Default::default(),
    }
}

fn day(today: Date, offset: i64) -> String {
    format_date(today + Duration::days(offset))
}

fn phq9(total: i64, item9: Option<i64>) -> Vec<Option<i64>> {
    answers_for(9, total.clamp(0, 27), Some(8), item9)
}

/// A person the facilitator registers at their site.
struct Person<'a> {
    name: String,
    pronouns: &'a str,
    /// "YYYY-MM-DD"
    born: String,
    language: &'a str,
    number: String,
    carer: Option<String>,
}

/// `texts.client_language`: the language of a demo in another language (every client reads it).
async fn register(state: &AppState, me: &Identity, p: &Person<'_>, texts: &Texts) -> Result<Id, String> {
    let words = texts.groups;
    let raw = RawClientDetails {
        display_name: Some(p.name.clone()),
        date_of_birth: Some(p.born.clone()),
        pronouns: Some(p.pronouns.into()),
        // The record holds a shipped interface language only; Lukonzo and Swahili are not (yet).
        preferred_language: texts
            .client_language
            .map(Into::into)
            .or_else(|| (p.language == "English").then(|| "en".into())),
        emergency_contact_name: p.carer.clone(),
        emergency_contact_relationship: p.carer.as_ref().map(|_| words.parent.into()),
        consent_notes: Some(words.consent.into()),
        external_ids: vec![ExternalId { system: words.programme_number.into(), value: p.number.clone() }],
        ..Default::default()
    };
    let c =
        rapport_app::clients::create(state, me, raw, None, rapport_core::ValidationErrors::new()).await.map_err(app)?;
    Ok(c.id)
}

async fn screen(
    state: &AppState,
    me: &Identity,
    client: &Id,
    protocol: &str,
    (total, item9): (i64, Option<i64>),
    date: String,
    note: Option<&str>,
) -> Result<groups::Screened, String> {
    let input = ScreeningInput {
        client_id: client.to_string(),
        protocol: protocol.into(),
        answers: phq9(total, item9),
        note: note.map(Into::into),
        date: Some(date),
    };
    groups::screen(state, me, &input).await.map_err(app)
}

fn areas_for(i: usize) -> Vec<String> {
    let mut v = vec![AREAS[i % 4].to_string()];
    if i.is_multiple_of(3) {
        v.push(AREAS[(i + 1) % 4].to_string());
    }
    v
}

/// Records the pre-group session of member `i` (of a young people's group
/// when `young`), held and with a parent on the dates given, with its baseline PHQ-9.
async fn pre_group(
    state: &AppState,
    (me, words): (&Identity, &Words),
    group: &Id,
    client: &Id,
    (i, young): (usize, bool),
    (held_on, parent_on): (String, Option<String>),
    baseline: i64,
) -> Result<(), String> {
    let areas = areas_for(i);
    let input = PreGroupInput {
        goal: goal(words, &areas[0], young).into(),
        problem_areas: areas,
        consent: true,
        held_on: Some(held_on),
        parent_session_on: parent_on,
        baseline: Some(phq9(baseline, None)),
    };
    groups::record_pre_group(state, me, group.as_str(), client.as_str(), &input).await.map_err(app)?;
    Ok(())
}

/// One meeting's plan: who is away, each member's PHQ-9 total (and item 9),
/// a note per member, the group's note and task.
struct Meeting<'a> {
    date: String,
    members: &'a [Id],
    away: &'a [usize],
    totals: Vec<(usize, i64, Option<i64>)>,
    notes: Vec<(usize, &'a str)>,
    group_note: String,
    task: &'a str,
    agenda_done: Vec<u32>,
}

async fn meeting(
    state: &AppState,
    me: &Identity,
    group: &Id,
    m: Meeting<'_>,
) -> Result<groups::MeetingRecorded, String> {
    let input = MeetingInput {
        date: Some(m.date),
        attendance: m.members.iter().enumerate().map(|(i, c)| (c.to_string(), !m.away.contains(&i))).collect(),
        responses: m
            .totals
            .iter()
            .map(|(i, total, item9)| MemberResponse {
                client_id: m.members[*i].to_string(),
                instrument: "phq9".into(),
                answers: phq9(*total, *item9),
            })
            .collect(),
        member_notes: m.notes.iter().map(|(i, n)| (m.members[*i].to_string(), n.to_string())).collect(),
        group_note: Some(m.group_note),
        task: Some(m.task.into()),
        agenda_done: m.agenda_done,
    };
    groups::record_meeting(state, me, group.as_str(), &input).await.map_err(app)
}

/// A rating of a group meeting with the group facilitator checklist.
async fn rate_meeting(
    state: &AppState,
    me: &Identity,
    session: &Id,
    rater: &str,
    points: &[(&str, i64)],
) -> Result<(), String> {
    let input = rapport_app::fidelity::RatingInput {
        checklist: "group-facilitator".into(),
        rater: rater.into(),
        ratings: points.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
        comment: None,
    };
    rapport_app::fidelity::rate(state, me, session.as_str(), &input).await.map(|_| ()).map_err(app)
}

/// Positions 1..=n of meeting `number`'s agenda, less the last `skip`.
fn agenda(state: &AppState, protocol: &str, number: u32, skip: usize) -> Vec<u32> {
    let n = state
        .config
        .protocols
        .get(protocol)
        .and_then(|p| p.group_format.as_ref())
        .map(|g| g.agenda_for(number).len())
        .unwrap_or(0);
    (1..=n.saturating_sub(skip) as u32).collect()
}

fn task_for(words: &Words, last: bool, first: bool) -> &'static str {
    if first {
        words.tasks[0]
    } else if last {
        words.tasks[2]
    } else {
        words.tasks[1]
    }
}

/// Born `years` ago (roughly), on a day that varies with `i`.
fn born(today: Date, years: i32, i: usize) -> String {
    format!("{:04}-{:02}-{:02}", today.year() - years, 1 + (i * 5) % 12, 1 + (i * 11) % 28)
}

/// Seeds the programme in the organisation's time zone ("today" is its local day).
pub async fn seed(store: &Store, hash: &str, texts: &Texts) -> Result<Programme, String> {
    let state = AppState::new(store.clone(), rapport_app::Config::default());
    let zone = state.zone().await;
    rapport_app::clock::in_zone(zone, seed_in_zone(&state, hash, texts)).await
}

async fn seed_in_zone(state: &AppState, hash: &str, texts: &Texts) -> Result<Programme, String> {
    let store = &state.store;
    let words = texts.groups;
    let err = |e: rapport_store::StoreError| e.to_string();
    let today = rapport_app::clock::today();
    let domain = super::DEMO_DOMAIN;
    let mk = |email: String, name: &str, role: Role| NewUser {
        email,
        name: name.into(),
        role,
        practises: false,
        password_hash: hash.into(),
        site_id: None,
    };
    let trainer = store
        .create_user(
            mk(format!("master.trainer@{domain}"), words.trainer, Role::Supervisor),
            event(action::USER_CREATE, "user"),
        )
        .await
        .map_err(err)?;
    let sup = store
        .create_user(
            mk(format!("group.supervisor@{domain}"), words.group_supervisor, Role::Supervisor),
            event(action::USER_CREATE, "user"),
        )
        .await
        .map_err(err)?;
    let as_trainer = acting(&trainer);
    let as_sup = acting(&sup);
    // The master trainer sets up the sites.
    let kasese = groups::create_site(state, &as_trainer, KASESE, Some(words.site_kinds[0])).await.map_err(app)?;
    let hillside = groups::create_site(state, &as_trainer, HILLSIDE, Some(words.site_kinds[1])).await.map_err(app)?;
    // Kasese North's programme speaks the WHO manual's plain words (an adaptation; docs/i18n.md).
    store
        .set_adaptation_choice(
            kasese.id.as_str(),
            Some("who-plain"),
            &trainer.id,
            event(action::SETTINGS_ADAPTATION, "organisation"),
        )
        .await
        .map_err(err)?;
    let mut facilitators = Vec::new();
    for (i, (name, site)) in
        [(words.facilitators[0], &kasese), (words.facilitators[1], &kasese), (words.facilitators[2], &hillside)]
            .into_iter()
            .enumerate()
    {
        let mut new = mk(format!("facilitator{}@{domain}", i + 1), name, Role::Facilitator);
        new.site_id = Some(site.id.clone());
        let u = store.create_user(new, event(action::USER_CREATE, "user")).await.map_err(err)?;
        facilitators.push(u);
    }
    // Cascaded supervision: master trainer -> group supervisor -> the three facilitators.
    store
        .set_supervisees(&trainer.id, std::slice::from_ref(&sup.id), event(action::USER_UPDATE, "supervision"), &[])
        .await
        .map_err(err)?;
    let fac_ids: Vec<Id> = facilitators.iter().map(|f| f.id.clone()).collect();
    store.set_supervisees(&sup.id, &fac_ids, event(action::USER_UPDATE, "supervision"), &[]).await.map_err(err)?;
    let (f1, f2, f3) = (acting(&facilitators[0]), acting(&facilitators[1]), acting(&facilitators[2]));

    let mut women = 0usize;
    let mut woman = |number: &str| {
        let i = women;
        women += 1;
        Person {
            name: name(WOMEN[i % WOMEN.len()], i, texts.last),
            pronouns: texts.pronoun("she/her"),
            born: born(today, 19 + (i * 7 % 31) as i32, i),
            language: if i % 4 == 3 { "Swahili" } else { "Lukonzo" },
            number: format!("{number}-{:03}", i + 1),
            carer: None,
        }
    };

    // ---- The finished group: 12 meetings (community programme), facilitator2 ----
    // PHQ-9 (baseline, change per meeting) of each of its 12 members.
    const FINISHED: [(i64, i64); 12] = [
        (19, -1),
        (17, -1),
        (22, -1),
        (15, -1),
        (18, -1),
        (16, 0),
        (20, -1),
        (14, -1),
        (21, -1),
        (17, 0),
        (16, -1),
        (14, 1),
    ];
    let first_b = -98; // meeting 1, fourteen weeks ago; meeting 12 three weeks ago
    let b = groups::create_group(
        state,
        &as_sup,
        &GroupInput {
            name: words.group_names[0].into(),
            protocol: "ipt-group-12".into(),
            site_id: Some(kasese.id.to_string()),
            facilitator_ids: vec![facilitators[1].id.to_string()],
            start_date: day(today, first_b),
            meeting_time: Some("10:00".into()),
            ..Default::default()
        },
    )
    .await
    .map_err(app)?;
    let mut b_members = Vec::new();
    for (i, (base, _)) in FINISHED.iter().enumerate() {
        let c = register(state, &f2, &woman("KN"), texts).await?;
        screen(state, &f2, &c, "ipt-group-12", (base + 1, None), day(today, first_b - 14 + (i % 3) as i64), None)
            .await?;
        groups::add_member(state, &f2, b.id.as_str(), c.as_str()).await.map_err(app)?;
        pre_group(state, (&f2, words), &b.id, &c, (i, false), (day(today, first_b - 7 + (i % 4) as i64), None), *base)
            .await?;
        b_members.push(c);
    }
    // Absences by meeting; members 5 and 9 drop out, member 11 is referred.
    let away_b = |n: i64| -> Vec<usize> {
        let mut v = Vec::new();
        for (who, meetings) in
            [(0usize, &[6][..]), (2, &[4, 7, 8, 10][..]), (5, &[3][..]), (6, &[2, 5, 9, 10, 11][..]), (9, &[4, 5][..])]
        {
            if meetings.contains(&n) {
                v.push(who);
            }
        }
        v
    };
    let mut gone: Vec<usize> = Vec::new();
    for n in 1..=12i64 {
        let current: Vec<usize> = (0..12).filter(|i| !gone.contains(i)).collect();
        let away = away_b(n);
        let members: Vec<Id> = current.iter().map(|i| b_members[*i].clone()).collect();
        let away_pos: Vec<usize> =
            current.iter().enumerate().filter(|(_, i)| away.contains(i)).map(|(p, _)| p).collect();
        let totals = current
            .iter()
            .enumerate()
            .filter(|(_, i)| !away.contains(i))
            .map(|(p, i)| {
                let (base, step) = FINISHED[*i];
                let wobble = [0, 1, 0, -1][(n as usize + i) % 4];
                (p, base + step * n + wobble, None)
            })
            .collect();
        meeting(
            state,
            &f2,
            &b.id,
            Meeting {
                date: day(today, first_b + 7 * (n - 1)),
                members: &members,
                away: &away_pos,
                totals,
                notes: Vec::new(),
                group_note: match n {
                    1 => words.finished_first.into(),
                    12 => words.finished_last.into(),
                    _ => words.finished_meeting.replace("{n}", &n.to_string()),
                },
                task: task_for(words, n == 12, n == 1),
                agenda_done: agenda(state, "ipt-group-12", n as u32, 0),
            },
        )
        .await?;
        let leave = match n {
            3 => Some((5, "dropped_out", words.leaving[0])),
            5 => Some((9, "dropped_out", words.leaving[1])),
            6 => Some((11, "referred", words.leaving[2])),
            _ => None,
        };
        if let Some((i, status, reason)) = leave {
            groups::set_member_status(state, &f2, b.id.as_str(), b_members[i].as_str(), status, Some(reason))
                .await
                .map_err(app)?;
            gone.push(i);
        }
    }
    groups::close_group(state, &f2, b.id.as_str()).await.map_err(app)?;

    // ---- The group half-way: WHO format (8 meetings), facilitator1 with facilitator2 ----
    const MIDWAY: [(i64, i64); 10] =
        [(18, -2), (16, -2), (20, -3), (15, -1), (17, -2), (14, 0), (19, -2), (16, -1), (21, -3), (13, 1)];
    let first_a = -21; // meetings 1-4: three weeks ago, two, one, today
    let a = groups::create_group(
        state,
        &as_sup,
        &GroupInput {
            name: words.group_names[1].into(),
            protocol: "ipt-group-who".into(),
            site_id: Some(kasese.id.to_string()),
            facilitator_ids: vec![facilitators[0].id.to_string(), facilitators[1].id.to_string()],
            start_date: day(today, first_a),
            meeting_time: Some("14:00".into()),
            ..Default::default()
        },
    )
    .await
    .map_err(app)?;
    let mut a_members = Vec::new();
    let mut a_names = Vec::new();
    for (i, (base, _)) in MIDWAY.iter().enumerate() {
        let p = woman("KN");
        let c = register(state, &f1, &p, texts).await?;
        screen(state, &f1, &c, "ipt-group-who", (base + 2, None), day(today, first_a - 14 + (i % 3) as i64), None)
            .await?;
        groups::add_member(state, &f1, a.id.as_str(), c.as_str()).await.map_err(app)?;
        pre_group(state, (&f1, words), &a.id, &c, (i, false), (day(today, first_a - 7 + (i % 5) as i64), None), *base)
            .await?;
        a_members.push(c);
        a_names.push(p.name);
    }
    const FLAGGED: usize = 3;
    for n in 1..=4i64 {
        let away: &[usize] = match n {
            2 => &[7],
            3 => &[2, 9],
            4 => &[7],
            _ => &[],
        };
        let totals = (0..a_members.len())
            .filter(|i| !away.contains(i))
            .map(|i| {
                let (base, step) = MIDWAY[i];
                let wobble = [0, 1, -1, 0][(n as usize + i) % 4];
                let item9 = (n == 4 && i == FLAGGED).then_some(1);
                (i, base + step * n + wobble, item9)
            })
            .collect();
        let notes = match n {
            3 => vec![(7, words.caring_note)],
            4 => vec![(FLAGGED, words.risk_note)],
            _ => Vec::new(),
        };
        let held = meeting(
            state,
            &f1,
            &a.id,
            Meeting {
                date: day(today, first_a + 7 * (n - 1)),
                members: &a_members,
                away,
                totals,
                notes,
                group_note: match n {
                    1 => words.midway_first.into(),
                    _ => words.midway_meeting.replace("{n}", &n.to_string()),
                },
                task: task_for(words, false, n == 1),
                agenda_done: agenda(state, "ipt-group-who", n as u32, if n == 4 { 1 } else { 0 }),
            },
        )
        .await?;
        // Fidelity: facilitator1 ticks the checklist after meetings 3 and 4;
        // the group supervisor rated meeting 3 too (and saw less practice).
        if n >= 3 {
            let ticks = [("mood_round", 1), ("absent_followed", 1), ("link_events", 1), ("members_help", 1)];
            let last = [("practice", 1), ("weekly_task", 1), ("risk_asked", 1)];
            let own: Vec<(&str, i64)> = ticks.iter().chain(last.iter()).copied().collect();
            rate_meeting(state, &f1, &held.session_id, "self", &own).await?;
            if n == 3 {
                let seen: Vec<(&str, i64)> =
                    ticks.iter().copied().chain([("practice", 0), ("weekly_task", 1), ("risk_asked", 1)]).collect();
                rate_meeting(state, &as_sup, &held.session_id, "supervisor", &seen).await?;
            }
        }
    }

    // ---- The group in its pre-group sessions: adolescents at the school, facilitator3 ----
    // The first meeting is on the first Wednesday at least three days away.
    let start_c = (3..10).find(|d| (today + Duration::days(*d)).weekday() == time::Weekday::Wednesday).unwrap_or(7);
    let c_group = groups::create_group(
        state,
        &as_sup,
        &GroupInput {
            name: words.group_names[2].into(),
            protocol: "ipt-ag".into(),
            site_id: Some(hillside.id.to_string()),
            facilitator_ids: vec![facilitators[2].id.to_string()],
            start_date: day(today, start_c),
            meeting_time: Some("15:30".into()),
            ..Default::default()
        },
    )
    .await
    .map_err(app)?;
    let young = |i: usize| {
        let (first, pronouns) = YOUNG[i % YOUNG.len()];
        Person {
            name: name(first, i + 7, texts.last),
            pronouns: texts.pronoun(pronouns),
            born: born(today, 15 + (i % 3) as i32, i),
            language: "English",
            number: format!("HS-{:03}", i + 1),
            carer: Some(format!("{} ({})", name(words.carers[i % 3], i + 11, texts.last), words.parent)),
        }
    };
    const PRE_GROUP_MEMBERS: usize = 7;
    const PRE_GROUP_DONE: usize = 4;
    for i in 0..PRE_GROUP_MEMBERS {
        let c = register(state, &f3, &young(i), texts).await?;
        screen(state, &f3, &c, "ipt-ag", (11 + (i % 5) as i64, None), day(today, -12 + (i % 2) as i64), None).await?;
        groups::add_member(state, &f3, c_group.id.as_str(), c.as_str()).await.map_err(app)?;
        if i < PRE_GROUP_DONE {
            let held = day(today, -4 + i as i64);
            let parent = day(today, -5 + i as i64);
            pre_group(state, (&f3, words), &c_group.id, &c, (i, true), (held, Some(parent)), 11 + (i % 5) as i64)
                .await?;
        }
    }

    // ---- Screened, not (yet) in a group: every other step of the funnel ----
    // At the village (facilitator1): two not eligible, one referred, two waiting for the next group.
    for (total, item9, note) in [(6, None, Some(words.screening_notes[0])), (8, None, None)] {
        let c = register(state, &f1, &woman("KN"), texts).await?;
        screen(state, &f1, &c, "ipt-group-who", (total, item9), day(today, -10), note).await?;
    }
    let referred = register(state, &f1, &woman("KN"), texts).await?;
    let s =
        screen(state, &f1, &referred, "ipt-group-who", (17, Some(2)), day(today, -9), Some(words.screening_notes[1]))
            .await?;
    if s.outcome != ScreeningOutcome::Referred {
        return Err("demo groups: a risk answer must refer".into());
    }
    // The group supervisor took the call and acknowledged the flag; the clinical officer sees her.
    if let Some(flag) = &s.risk_flag_id {
        let (row, _) = rapport_app::risk::flag_for(state, &as_sup, flag.as_str()).await.map_err(app)?;
        rapport_app::risk::acknowledge(state, &as_sup, &row).await.map_err(app)?;
    }
    for total in [12, 15] {
        let c = register(state, &f1, &woman("KN"), texts).await?;
        screen(state, &f1, &c, "ipt-group-who", (total, None), day(today, -6), Some(words.screening_notes[2])).await?;
    }
    // At the school (facilitator3): one not eligible, one eligible for the next group.
    for (i, total) in [(PRE_GROUP_MEMBERS, 7), (PRE_GROUP_MEMBERS + 1, 13)] {
        let c = register(state, &f3, &young(i), texts).await?;
        screen(state, &f3, &c, "ipt-ag", (total, None), day(today, -5), None).await?;
    }

    // Every step of the funnel has people in it, as the master trainer sees it.
    let funnel = groups::funnel(state, &as_trainer, &groups::FunnelFilter::default()).await.map_err(app)?;
    if let Some((step, _)) = funnel.counts.iter().find(|(_, n)| *n == 0) {
        return Err(format!("demo groups: the funnel step {} is empty", step.as_str()));
    }
    Ok(Programme {
        trainer: trainer.email,
        supervisor: sup.email,
        facilitators: facilitators
            .iter()
            .zip([KASESE, KASESE, HILLSIDE])
            .map(|(f, s)| (f.email.clone(), s.to_string()))
            .collect(),
        midway: a.id,
        midway_flagged: a_names[FLAGGED].clone(),
        finished: b.id,
        pre_group: c_group.id,
        pre_group_start: today + Duration::days(start_c),
        pre_group_done: PRE_GROUP_DONE,
        pre_group_members: PRE_GROUP_MEMBERS,
        funnel: funnel.counts,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn programme_names_never_repeat_nor_use_the_practice_first_names() {
        let n = WOMEN.len() * 8;
        let names: Vec<String> = (0..n).map(|i| name(WOMEN[i % WOMEN.len()], i, super::super::lang::EN_LAST)).collect();
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), n, "no name twice: {names:?}");
        for first in WOMEN.iter().chain(YOUNG.iter().map(|(f, _)| f)) {
            assert!(!super::super::lang::EN_FIRST.contains(first), "{first} is a first name of the practice's clients");
        }
        let area_counts: Vec<usize> = (0..12).map(|i| areas_for(i).len()).collect();
        assert!(area_counts.iter().all(|n| (1..=2).contains(n)), "one or two areas each: {area_counts:?}");
    }
}
