//! The measurement-based-care outcomes benchmark (bench/README.md, "Outcomes at
//! data scale"). Run it through `bench/outcomes.sh`; CI only compiles it.
//!
//! 1. A seeded generator makes weekly PHQ-9 and GAD-7 trajectories (improving,
//!    flat, worsening, relapsing, dropping out) with per-item answers that
//!    score to the trajectory, until it has `--responses` responses.
//! 2. Clinicians (40 clients each) and clients are created with the store's
//!    ordinary calls; clinician 1's 40 clients also get an open IPT course with
//!    a held session per measured week, so the caseload's due/overdue logic runs.
//! 3. The responses are scored with `rapport_core::measures::score` and stored
//!    with `Store::record_responses` (the single-response write path, including
//!    risk flags, notifications and the audit chain, `--batch` per transaction).
//! 4. Timed: the caseload's measures work for clinician 1 (the queries and
//!    computations behind the due/overdue/not-on-track/risk badges) and the
//!    outcomes of those 40 clients (what `GET /api/v1/clients/{id}/outcomes`
//!    computes); then the outcomes of every client, summed into a programme
//!    summary (NHS Talking Therapies recovery and reliable change rates).

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use rapport_app::clients::measure_markers;
use rapport_core::access::Role;
use rapport_core::audit::{action, AuditEvent, Outcome};
use rapport_core::client::{ClientDetails, ClientStatus};
use rapport_core::course::{Attendance, CourseStatus, Modality, NewCourse};
use rapport_core::measures::{score, Library};
use rapport_core::protocol::Frequency;
use rapport_core::{Id, Timestamp};
use rapport_store::clients::CaseloadQuery;
use rapport_store::courses::NewTherapySession;
use rapport_store::measures::{Mode, NewResponse};
use rapport_store::users::NewUser;
use rapport_store::{OpenOptions, Store, Target};
use rapport_web::api::measures::outcomes;
use rapport_web::{AppState, Config};
use sha2::{Digest, Sha256};
use std::time::{Duration, Instant};

type BoxResult<T> = Result<T, Box<dyn std::error::Error>>;

const CASELOAD: usize = 40;

struct Args {
    responses: usize,
    seed: u64,
    postgres: Option<String>,
    data_dir: Option<std::path::PathBuf>,
    batch: usize,
    reps: usize,
    all_reps: usize,
}

fn args() -> BoxResult<Args> {
    let mut a =
        Args { responses: 1_000_000, seed: 42, postgres: None, data_dir: None, batch: 1000, reps: 30, all_reps: 5 };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut val = || it.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--responses" => a.responses = val()?.replace('_', "").parse()?,
            "--seed" => a.seed = val()?.parse()?,
            "--postgres" => a.postgres = Some(val()?),
            "--data-dir" => a.data_dir = Some(val()?.into()),
            "--batch" => a.batch = val()?.parse::<usize>()?.max(1),
            "--reps" => a.reps = val()?.parse::<usize>()?.max(1),
            "--all-reps" => a.all_reps = val()?.parse::<usize>()?.max(1),
            _ => {
                return Err(format!(
                    "unknown argument {flag}; usage: outcomes_bench [--responses N] [--seed S] \
                     [--postgres URL | --data-dir EMPTY_DIR] [--batch B] [--reps R] [--all-reps R]"
                )
                .into())
            }
        }
    }
    Ok(a)
}

/// One generated response, compact (the plan for 1,000,000 fits in ~40 MB).
struct Planned {
    client: u32,
    gad7: bool,
    /// Weeks since the client's first session.
    week: u8,
    answers: [u8; 9],
    /// Seconds since `epoch()`.
    at: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Improving,
    Flat,
    Worsening,
    Relapse,
    Dropout,
}

/// The generator's day 0 (fixed, so the same seed gives the same dates).
fn epoch() -> Timestamp {
    Timestamp::parse("2024-01-01T00:00:00Z").expect("valid")
}

/// `n` items scored 0-3 summing to `total` (at most 3n), spread at random.
fn spread(rng: &mut StdRng, n: usize, total: i64, out: &mut [u8]) {
    let mut left = total.clamp(0, 3 * n as i64);
    while left > 0 {
        let i = rng.gen_range(0..n);
        if out[i] < 3 {
            out[i] += 1;
            left -= 1;
        }
    }
}

/// The expected fraction of the baseline score at `t` (0 = first session, 1 = last).
fn shape(kind: Kind, end: f64, t: f64) -> f64 {
    match kind {
        // Most change early, as in most psychotherapy courses.
        Kind::Improving | Kind::Dropout => 1.0 - (1.0 - end) * (1.0 - (1.0 - t).powf(1.6)),
        Kind::Flat | Kind::Worsening => 1.0 + (end - 1.0) * t,
        // Improves to 40 % of baseline by 60 % of the course, then climbs back to `end`.
        Kind::Relapse if t <= 0.6 => 1.0 - 0.6 * (t / 0.6),
        Kind::Relapse => 0.4 + (end - 0.4) * ((t - 0.6) / 0.4),
    }
}

#[derive(Default)]
struct PlanStats {
    clients: usize,
    kinds: [usize; 5],
    phq9_item9_positive: usize,
}

/// Weekly PHQ-9 and GAD-7 trajectories, client after client, until `n` responses.
fn generate(seed: u64, n: usize) -> (Vec<Planned>, PlanStats) {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut plan = Vec::with_capacity(n);
    let mut st = PlanStats::default();
    let mut client = 0u32;
    while plan.len() < n {
        let (kind, k) = match rng.gen_range(0..100) {
            0..=41 => (Kind::Improving, 0),
            42..=61 => (Kind::Flat, 1),
            62..=69 => (Kind::Worsening, 2),
            70..=84 => (Kind::Relapse, 3),
            _ => (Kind::Dropout, 4),
        };
        st.kinds[k] += 1;
        let sessions: u32 = if kind == Kind::Dropout { rng.gen_range(2..=6) } else { rng.gen_range(12..=16) };
        // Baseline PHQ-9 8-24 (mostly moderate), GAD-7 following it loosely.
        let phq0 = (rng.gen_range(8..=24) + rng.gen_range(8..=24)) as f64 / 2.0;
        let gad0 = (phq0 * 0.75 + rng.gen_range(-3.0..3.0)).clamp(3.0, 21.0);
        let end = match kind {
            Kind::Improving => rng.gen_range(0.2..0.55),
            Kind::Flat => rng.gen_range(0.85..1.1),
            Kind::Worsening => rng.gen_range(1.15..1.5),
            Kind::Relapse => rng.gen_range(0.8..1.05),
            Kind::Dropout => rng.gen_range(0.6..1.0),
        };
        let start_day: u32 = rng.gen_range(0..700);
        let hour: u32 = rng.gen_range(8..18);
        for week in 0..sessions {
            let t = if sessions > 1 { week as f64 / (sessions - 1) as f64 } else { 0.0 };
            let f = shape(kind, end, t);
            let at = (start_day + 7 * week) * 86_400 + hour * 3600 + rng.gen_range(0..3600);
            for gad7 in [false, true] {
                if plan.len() == n {
                    break;
                }
                let noise: f64 = rng.gen_range(-2.0..2.0);
                let mut answers = [0u8; 9];
                if gad7 {
                    let total = (gad0 * f + noise).round().clamp(0.0, 21.0) as i64;
                    spread(&mut rng, 7, total, &mut answers[..7]);
                } else {
                    let total = (phq0 * f + noise).round().clamp(0.0, 27.0) as i64;
                    // Item 9 (self-harm thoughts): rare, more likely when severe.
                    let p = match total {
                        20.. => 0.12,
                        15..=19 => 0.06,
                        10..=14 => 0.02,
                        _ => 0.005,
                    };
                    let item9 = if rng.gen_bool(p) {
                        st.phq9_item9_positive += 1;
                        [1, 1, 1, 1, 1, 1, 1, 1, 2, 3][rng.gen_range(0..10)]
                    } else {
                        0
                    };
                    answers[8] = item9;
                    spread(&mut rng, 8, (total - i64::from(item9)).min(24), &mut answers[..8]);
                }
                plan.push(Planned { client, gad7, week: week as u8, answers, at });
            }
        }
        client += 1;
    }
    st.clients = client as usize;
    (plan, st)
}

fn fingerprint(plan: &[Planned]) -> String {
    let mut h = Sha256::new();
    for p in plan {
        h.update(p.client.to_le_bytes());
        h.update([p.gad7 as u8, p.week]);
        h.update(p.answers);
        h.update(p.at.to_le_bytes());
    }
    hex::encode(&h.finalize()[..8])
}

fn event(act: &str, resource: &str) -> AuditEvent {
    AuditEvent {
        actor_label: "system (outcomes benchmark)".into(),
        action: act.into(),
        resource_type: resource.into(),
        outcome: Outcome::Success.as_str().into(),
        detail: Some("synthetic benchmark data".into()),
        ..Default::default()
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// (p50, p95, min, max) in milliseconds, nearest-rank.
fn summary(mut v: Vec<Duration>) -> (f64, f64, f64, f64) {
    v.sort();
    let rank = |q: f64| v[((q * v.len() as f64).ceil() as usize).clamp(1, v.len()) - 1];
    (ms(rank(0.50)), ms(rank(0.95)), ms(v[0]), ms(v[v.len() - 1]))
}

fn report(name: &str, v: Vec<Duration>) {
    let n = v.len();
    let (p50, p95, min, max) = summary(v);
    println!("| {name} | {n} | {p50:.2} | {p95:.2} | {min:.2} | {max:.2} |");
}

#[derive(Default, Debug, PartialEq, Eq)]
struct Programme {
    clients: usize,
    with_pairs: usize,
    caseness_at_start: usize,
    recovered: usize,
    reliably_improved: usize,
    reliably_recovered: usize,
    reliably_deteriorated: usize,
    not_on_track: usize,
}

#[tokio::main(flavor = "multi_thread")]
async fn main() -> BoxResult<()> {
    let a = args()?;
    let lib = Library::builtin();
    let (phq9, gad7) = (lib.get("phq9").ok_or("phq9")?, lib.get("gad7").ok_or("gad7")?);

    let t = Instant::now();
    let (plan, st) = generate(a.seed, a.responses);
    println!(
        "generated {} responses for {} clients in {:.1} s (seed {}, fingerprint {})",
        plan.len(),
        st.clients,
        t.elapsed().as_secs_f64(),
        a.seed,
        fingerprint(&plan)
    );
    println!(
        "trajectories: improving {}, flat {}, worsening {}, relapse {}, dropout {}; PHQ-9 with item 9 > 0: {}",
        st.kinds[0], st.kinds[1], st.kinds[2], st.kinds[3], st.kinds[4], st.phq9_item9_positive
    );

    let _tmp;
    let (target, sqlite_file) = match (&a.postgres, &a.data_dir) {
        (Some(url), _) => (Target::Url(url.clone()), None),
        (None, Some(d)) => (Target::DataDir(d.clone()), Some(d.join(rapport_store::DB_FILE))),
        (None, None) => {
            let d = tempfile::tempdir()?;
            let p = d.path().to_path_buf();
            _tmp = d;
            (Target::DataDir(p.clone()), Some(p.join(rapport_store::DB_FILE)))
        }
    };
    let store = Store::open(&target, OpenOptions::default()).await?;
    println!("database: {:?} ({})", store.backend(), target.describe());
    if store.count_users().await? > 0 {
        return Err("the database already has accounts: give the benchmark an empty one".into());
    }

    // Clinicians (40 clients each) and clients, through the ordinary store calls.
    let t = Instant::now();
    let clinicians = st.clients.div_ceil(CASELOAD);
    let mut staff = Vec::with_capacity(clinicians);
    for i in 1..=clinicians {
        let u = NewUser {
            email: format!("clinician{i}@bench.rapport.test"),
            name: format!("Bench Clinician {i}"),
            role: Role::Clinician,
            practises: false,
            password_hash: "!bench: no sign-in".into(),
            site_id: None,
        };
        staff.push(store.create_user(u, event(action::USER_CREATE, "user")).await?.id);
    }
    let mut clients = Vec::with_capacity(st.clients);
    for i in 0..st.clients {
        let d = ClientDetails {
            display_name: format!("Bench Client {:06}", i + 1),
            date_of_birth: Some(format!("{:04}-{:02}-{:02}", 1950 + i % 55, 1 + i % 12, 1 + i % 28)),
            ..Default::default()
        };
        let c = store.create_client(&d, &staff[i / CASELOAD], event(action::CLIENT_CREATE, "client")).await?;
        clients.push(c.id);
        if (i + 1) % 5000 == 0 {
            println!("  {} clients ({:.0} s)", i + 1, t.elapsed().as_secs_f64());
        }
    }
    // Clinician 1's caseload: an open course with a held session per measured week.
    let mine = &clients[..CASELOAD.min(clients.len())];
    let mut courses: std::collections::HashMap<u32, Id> = std::collections::HashMap::new();
    for (i, c) in mine.iter().enumerate() {
        let weeks: Vec<&Planned> = plan.iter().filter(|p| p.client == i as u32 && !p.gad7).collect();
        let Some(first) = weeks.first() else { continue };
        let start = epoch().plus(time::Duration::seconds(i64::from(first.at))).date();
        let new = NewCourse {
            protocol_id: "ipt-individual".into(),
            planned_sessions: 16,
            frequency: Frequency::Weekly,
            session_minutes: 50,
            start_date: start,
            planned_end_date: start + time::Duration::weeks(15),
            status: CourseStatus::Planned,
        };
        let mut course = store.create_course(c, &new, None, &staff[0], event(action::COURSE_CREATE, "course")).await?;
        for w in &weeks {
            let s = NewTherapySession {
                date: epoch().plus(time::Duration::seconds(i64::from(w.at))).date(),
                time: "10:00".into(),
                modality: Modality::InPerson,
                attendance: Attendance::Attended,
                duration_minutes: Some(50),
                engagement: false,
            };
            store
                .create_therapy_session(&course, &s, &staff[0], event(action::SESSION_CREATE, "therapy_session"))
                .await?;
            course.status = CourseStatus::Active;
        }
        courses.insert(i as u32, course.id);
    }
    println!(
        "set-up: {clinicians} clinicians, {} clients, {} courses in {:.1} s",
        clients.len(),
        courses.len(),
        t.elapsed().as_secs_f64()
    );

    // Ingest: score each response and store it through the real write path.
    let t = Instant::now();
    let mut flags = 0usize;
    for (n, chunk) in plan.chunks(a.batch).enumerate() {
        let mut batch = Vec::with_capacity(chunk.len());
        for p in chunk {
            let (inst, items) = if p.gad7 { (gad7, 7) } else { (phq9, 9) };
            let answers: Vec<Option<i64>> = p.answers[..items].iter().map(|v| Some(i64::from(*v))).collect();
            let portal = p.week % 3 == 2;
            batch.push(NewResponse {
                client_id: clients[p.client as usize].clone(),
                course_id: courses.get(&p.client).map(|c| c.to_string()),
                score: score(inst, &answers)?,
                unscored_answers: None,
                completed_at: epoch().plus(time::Duration::seconds(i64::from(p.at))),
                entered_by: (!portal).then(|| staff[p.client as usize / CASELOAD].clone()),
                mode: if portal { Mode::Portal } else { Mode::InSession },
                group_session_id: None,
            });
        }
        let recs = store.record_responses(&batch, event(action::MEASURE_RECORD, "measure_response")).await?;
        flags += recs.iter().filter(|r| r.risk_flag_id.is_some()).count();
        let done = (n + 1) * a.batch;
        if done % 100_000 == 0 {
            println!("  {done} responses ({:.0} s)", t.elapsed().as_secs_f64());
        }
    }
    let ingest = t.elapsed();
    println!(
        "ingest: {} responses in {:.1} s = {:.0} responses/s ({} per transaction); {} risk flags raised",
        plan.len(),
        ingest.as_secs_f64(),
        plan.len() as f64 / ingest.as_secs_f64(),
        a.batch,
        flags
    );
    if flags != st.phq9_item9_positive {
        return Err(format!("{flags} flags for {} positive item-9 answers", st.phq9_item9_positive).into());
    }
    print_size(&store, &target, sqlite_file.as_deref()).await?;

    let state = AppState::new(store.clone(), Config::default());
    let me = staff[0].clone();

    // (a) Clinician 1's caseload: badges, then the outcomes of each of its 40 clients.
    let query = CaseloadQuery { search: None, status: Some(ClientStatus::Active), limit: 50, offset: 0 };
    let (mut badges, mut outs, mut both) = (Vec::new(), Vec::new(), Vec::new());
    let mut check = None;
    for rep in 0..a.reps + 3 {
        let t = Instant::now();
        let (rows, _) = store.caseload(&me, &query).await?;
        let markers = measure_markers(&state, &rows).await.map_err(|e| format!("{e:?}"))?;
        let b = t.elapsed();
        let t2 = Instant::now();
        let mut computed = 0;
        for r in &rows {
            let responses = store.responses(&r.id).await?;
            computed += outcomes(&state, &responses).instruments.len();
        }
        let o = t2.elapsed();
        let due: usize = markers.values().map(|m| m.due.len() + m.overdue.len()).sum();
        let signs = (
            rows.len(),
            due,
            markers.values().filter(|m| !m.not_on_track.is_empty()).count(),
            markers.values().filter(|m| m.open_risk_flag).count(),
            computed,
        );
        if check.is_none() {
            println!(
                "caseload: {} clients, {} due/overdue measures, {} not on track, {} with an open risk flag, {} instrument outcomes",
                signs.0, signs.1, signs.2, signs.3, signs.4
            );
        }
        check = Some(signs);
        if rep >= 3 {
            badges.push(b);
            outs.push(o);
            both.push(b + o);
        }
    }

    // (b) Every client's outcomes, summed into a programme summary.
    let mut all = Vec::new();
    let mut programme = None;
    for _ in 0..a.all_reps {
        let t = Instant::now();
        let mut p = Programme { clients: clients.len(), ..Default::default() };
        for c in &clients {
            let o = outcomes(&state, &store.responses(c).await?);
            p.not_on_track += o.instruments.values().any(|i| i.not_on_track) as usize;
            if let Some(n) = o.nhs_talking_therapies {
                p.with_pairs += 1;
                p.caseness_at_start += n.caseness_at_start as usize;
                p.recovered += (n.recovered == Some(true)) as usize;
                p.reliably_improved += n.reliably_improved as usize;
                p.reliably_recovered += (n.reliably_recovered == Some(true)) as usize;
                p.reliably_deteriorated += n.reliably_deteriorated as usize;
            }
        }
        all.push(t.elapsed());
        if programme.as_ref().is_some_and(|q| *q != p) {
            return Err("programme summary changed between repetitions".into());
        }
        programme = Some(p);
    }
    let p = programme.ok_or("no repetition")?;
    let pct = |a: usize, b: usize| if b == 0 { 0.0 } else { 100.0 * a as f64 / b as f64 };
    println!(
        "programme: {} clients, {} with PHQ-9 and GAD-7 pairs; recovery {:.1} % ({} of {} at caseness), \
         reliable improvement {:.1} %, reliable recovery {:.1} %, reliable deterioration {:.1} %; {} not on track",
        p.clients,
        p.with_pairs,
        pct(p.recovered, p.caseness_at_start),
        p.recovered,
        p.caseness_at_start,
        pct(p.reliably_improved, p.with_pairs),
        pct(p.reliably_recovered, p.caseness_at_start),
        pct(p.reliably_deteriorated, p.with_pairs),
        p.not_on_track
    );
    println!();
    println!("| Timed (ms) | runs | p50 | p95 | min | max |");
    println!("|---|---:|---:|---:|---:|---:|");
    report("caseload badges (40 clients)", badges);
    report("outcomes of the 40 caseload clients", outs);
    report("caseload of 40: badges + outcomes", both);
    report(&format!("outcomes of all {} clients + programme summary", clients.len()), all);
    store.close().await;
    Ok(())
}

async fn print_size(store: &Store, target: &Target, sqlite_file: Option<&std::path::Path>) -> BoxResult<()> {
    use sqlx::{Connection, Row};
    let mib = |b: u64| b as f64 / (1024.0 * 1024.0);
    match (store.backend(), sqlite_file, target) {
        (rapport_store::Backend::Sqlite, Some(f), _) => {
            let size = |p: std::path::PathBuf| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
            let wal = size(f.with_extension("db-wal"));
            println!("database size: {:.1} MiB (+ {:.1} MiB WAL)", mib(size(f.to_path_buf())), mib(wal));
        }
        (_, _, Target::Url(url)) => {
            let mut conn = sqlx::AnyConnection::connect(url).await?;
            let n: i64 = sqlx::query("SELECT pg_database_size(current_database()) AS n")
                .fetch_one(&mut conn)
                .await?
                .try_get("n")?;
            println!("database size: {:.1} MiB", mib(n as u64));
            conn.close().await?;
        }
        _ => {}
    }
    Ok(())
}
