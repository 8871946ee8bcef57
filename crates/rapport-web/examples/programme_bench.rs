//! The programme-outcomes benchmark (bench/README.md, "Programme outcomes at
//! 1,000,000 clients"). Run it through `bench/programme.sh`; CI only compiles it.
//!
//! 1. Sites and clinicians through the ordinary store calls.
//! 2. A seeded generator makes whole client histories (an individual IPT
//!    course, weekly sessions with PHQ-9 and GAD-7, risk flags and their
//!    handling, problem areas, an ending) and stores them with
//!    `Store::import_courses`, `--batch` clients per transaction.
//! 3. Timed: every dashboard tile's store query and the whole
//!    `rapport_app::reports::dashboard`, for the last 12 months and for all
//!    time; then `Store::record_response` with and without the read-model
//!    refresh.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use rapport_app::caller::{AuthKind, RequestMeta};
use rapport_app::reports::OutcomesQuery;
use rapport_app::Identity;
use rapport_core::access::Role;
use rapport_core::audit::{action, AuditEvent, Outcome};
use rapport_core::client::ClientDetails;
use rapport_core::measures::{score, Instrument, Library};
use rapport_core::risk::{Assessment, RiskLevel};
use rapport_core::{Id, Timestamp};
use rapport_store::clients::CaseloadQuery;
use rapport_store::import::{ImportedClient, ImportedCourse, ImportedResponse};
use rapport_store::measures::{Mode, NewResponse};
use rapport_store::reports::{Dimension, ReportFilter};
use rapport_store::users::NewUser;
use rapport_store::{OpenOptions, Store, Target};
use rapport_web::{AppState, Config};
use sha2::{Digest, Sha256};
use std::io::Write;
use std::time::{Duration, Instant};
use time::Date;

type BoxResult<T> = Result<T, Box<dyn std::error::Error>>;

struct Args {
    clients: usize,
    seed: u64,
    postgres: Option<String>,
    data_dir: Option<std::path::PathBuf>,
    batch: usize,
    reps: usize,
    clinicians: usize,
    sites: usize,
    analyze: bool,
    write_reps: usize,
    existing: bool,
    /// Time the breakdowns summed from the rows too (slow: seconds each).
    scans: bool,
    /// Time only the rows whose name contains this (for a profiler).
    only: Option<String>,
}

fn args() -> BoxResult<Args> {
    let mut a = Args {
        clients: 1_000_000,
        seed: 42,
        postgres: None,
        data_dir: None,
        batch: 1000,
        reps: 10,
        clinicians: 25_000,
        sites: 100,
        analyze: true,
        write_reps: 200,
        existing: false,
        scans: true,
        only: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut val = || it.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--clients" => a.clients = val()?.replace('_', "").parse()?,
            "--seed" => a.seed = val()?.parse()?,
            "--postgres" => a.postgres = Some(val()?),
            "--data-dir" => a.data_dir = Some(val()?.into()),
            "--batch" => a.batch = val()?.parse::<usize>()?.max(1),
            "--reps" => a.reps = val()?.parse::<usize>()?.max(1),
            "--clinicians" => a.clinicians = val()?.replace('_', "").parse::<usize>()?.max(1),
            "--sites" => a.sites = val()?.parse::<usize>()?.max(1),
            "--write-reps" => a.write_reps = val()?.parse::<usize>()?.max(1),
            "--no-analyze" => a.analyze = false,
            "--existing" => a.existing = true,
            "--no-scans" => a.scans = false,
            "--only" => a.only = Some(val()?),
            _ => {
                return Err(format!(
                    "unknown argument {flag}; usage: programme_bench [--clients N] [--seed S] \
                     [--postgres URL | --data-dir EMPTY_DIR] [--batch B] [--reps R] [--clinicians N] \
                     [--sites N] [--write-reps N] [--no-analyze] [--existing] [--no-scans] [--only TEXT]"
                )
                .into())
            }
        }
    }
    Ok(a)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Improving,
    Flat,
    Worsening,
    Dropout,
}

/// The generator's day 0 and the day "now" is for the histories (fixed, so
/// the same seed gives the same data whenever it runs).
fn epoch() -> Date {
    time::macros::date!(2024 - 01 - 01)
}
fn today() -> Date {
    time::macros::date!(2026 - 11 - 30)
}

fn at(day: Date, seconds: i64) -> Timestamp {
    Timestamp::from_datetime(day.midnight().assume_utc() + time::Duration::seconds(seconds))
}

/// `n` items scored 0-3 summing to `total` (at most 3n), spread at random.
fn spread(rng: &mut StdRng, n: usize, total: i64, out: &mut [i64]) {
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
        Kind::Improving | Kind::Dropout => 1.0 - (1.0 - end) * (1.0 - (1.0 - t).powf(1.6)),
        Kind::Flat | Kind::Worsening => 1.0 + (end - 1.0) * t,
    }
}

const PROTOCOLS: [(&str, i64); 4] = [("ipt-individual", 16), ("ipt-brief", 8), ("ipc", 6), ("ipt-a", 12)];
const AREAS: [&str; 4] = ["grief", "role_dispute", "role_transition", "interpersonal_deficits"];

#[derive(Default)]
struct Stats {
    kinds: [u64; 4],
    item9_positive: u64,
    sessions: u64,
    responses: u64,
}

struct Generator<'a> {
    rng: StdRng,
    phq9: &'a Instrument,
    gad7: &'a Instrument,
    hash: Sha256,
    stats: Stats,
}

impl Generator<'_> {
    fn client(&mut self, n: usize, clinicians: &[(Id, Option<Id>)]) -> BoxResult<ImportedClient> {
        let rng = &mut self.rng;
        let (kind, k) = match rng.gen_range(0..100) {
            0..=49 => (Kind::Improving, 0),
            50..=74 => (Kind::Flat, 1),
            75..=84 => (Kind::Worsening, 2),
            _ => (Kind::Dropout, 3),
        };
        self.stats.kinds[k] += 1;
        let (responsible, site) = clinicians[rng.gen_range(0..clinicians.len())].clone();
        let (protocol, planned) = PROTOCOLS[[0, 0, 0, 0, 1, 1, 1, 2, 2, 3][rng.gen_range(0..10)]];
        // About ten responses per client: two per attended session.
        let attended: i64 = if kind == Kind::Dropout { rng.gen_range(1..=3) } else { rng.gen_range(4..=7) };
        let start = epoch() + time::Duration::days(rng.gen_range(0..1050));
        let phq0 = (rng.gen_range(8..=24) + rng.gen_range(8..=24)) as f64 / 2.0;
        let gad0 = (phq0 * 0.75 + rng.gen_range(-3.0..3.0)).clamp(3.0, 21.0);
        let end = match kind {
            Kind::Improving => rng.gen_range(0.2..0.55),
            Kind::Flat => rng.gen_range(0.85..1.1),
            Kind::Worsening => rng.gen_range(1.15..1.5),
            Kind::Dropout => rng.gen_range(0.6..1.0),
        };
        let areas: Vec<String> = if rng.gen_bool(0.3) {
            let a = rng.gen_range(0..4);
            vec![AREAS[a].into(), AREAS[(a + rng.gen_range(1..4)) % 4].into()]
        } else {
            vec![AREAS[rng.gen_range(0..4)].into()]
        };
        let (mut sessions, mut responses) = (Vec::new(), Vec::new());
        let mut day = start;
        let mut held = 0;
        while held < attended && day <= today() {
            // One in ten booked sessions is missed.
            if rng.gen_bool(0.1) {
                sessions.push((day, false));
                day += time::Duration::weeks(1);
                continue;
            }
            let t = if attended > 1 { held as f64 / (attended - 1) as f64 } else { 0.0 };
            let f = shape(kind, end, t);
            let when = at(day, rng.gen_range(8 * 3600..18 * 3600));
            sessions.push((day, true));
            held += 1;
            for gad7 in [false, true] {
                let noise: f64 = rng.gen_range(-2.0..2.0);
                let mut answers = vec![0i64; if gad7 { 7 } else { 9 }];
                let mut flag = None;
                if gad7 {
                    spread(rng, 7, (gad0 * f + noise).round().clamp(0.0, 21.0) as i64, &mut answers);
                } else {
                    let total = (phq0 * f + noise).round().clamp(0.0, 27.0) as i64;
                    let p = match total {
                        20.. => 0.12,
                        15..=19 => 0.06,
                        10..=14 => 0.02,
                        _ => 0.005,
                    };
                    if rng.gen_bool(p) {
                        self.stats.item9_positive += 1;
                        answers[8] = [1, 1, 1, 1, 1, 1, 1, 1, 2, 3][rng.gen_range(0..10)];
                        // Most flags are acknowledged within hours, most assessed within days;
                        // a few are still waiting.
                        let ack = rng.gen_bool(0.92).then(|| rng.gen_range(10..72 * 60));
                        let assessed = ack.filter(|_| rng.gen_bool(0.7)).map(|a| a + rng.gen_range(0..96 * 60));
                        flag = Some((ack, assessed));
                    }
                    spread(rng, 8, (total - answers[8]).min(24), &mut answers[..8]);
                }
                self.hash.update([gad7 as u8]);
                for a in &answers {
                    self.hash.update([*a as u8]);
                }
                let inst = if gad7 { self.gad7 } else { self.phq9 };
                let answers: Vec<Option<i64>> = answers.into_iter().map(Some).collect();
                let minutes = |m: i64| when.plus(time::Duration::minutes(m));
                let (acknowledged_at, assessment) = match flag {
                    Some((ack, assessed)) => (
                        ack.map(minutes),
                        assessed.map(|m| {
                            (
                                minutes(m),
                                Assessment {
                                    ideation: "Passive thoughts, no plan".into(),
                                    plan: "None".into(),
                                    intent: "None".into(),
                                    means: "No access".into(),
                                    history: "None known".into(),
                                    protective_factors: "Family, work".into(),
                                    risk_level: RiskLevel::Low,
                                    actions: None,
                                    screening: rapport_core::risk::Screening::None,
                                    follow_up_on: None,
                                },
                            )
                        }),
                    ),
                    None => (None, None),
                };
                responses.push(ImportedResponse {
                    score: score(inst, &answers)?,
                    unscored_answers: None,
                    completed_at: when,
                    acknowledged_at,
                    assessment,
                });
            }
            day += time::Duration::weeks(1);
        }
        // A course whose last session is over a week past has ended.
        let ending = (day < today()).then(|| {
            let status = if kind == Kind::Dropout { "ended_early" } else { "completed" };
            (status.to_string(), at(day, 12 * 3600))
        });
        self.hash.update((n as u64).to_le_bytes());
        self.hash.update(format_day(start).as_bytes());
        self.stats.sessions += sessions.len() as u64;
        self.stats.responses += responses.len() as u64;
        Ok(ImportedClient {
            details: ClientDetails { display_name: format!("Bench Client {:07}", n + 1), ..Default::default() },
            responsible,
            site,
            course: ImportedCourse {
                protocol_id: protocol.into(),
                planned_sessions: planned,
                start_date: start,
                problem_areas: areas,
                sessions,
                responses,
                ending,
            },
        })
    }
}

fn format_day(d: Date) -> String {
    rapport_core::time::format_date(d)
}

fn event(act: &str, resource: &str) -> AuditEvent {
    AuditEvent {
        actor_label: "system (programme benchmark)".into(),
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

/// (p50, p95, max) in milliseconds, nearest-rank.
fn summary(mut v: Vec<Duration>) -> (f64, f64, f64) {
    v.sort();
    let rank = |q: f64| v[((q * v.len() as f64).ceil() as usize).clamp(1, v.len()) - 1];
    (ms(rank(0.50)), ms(rank(0.95)), ms(v[v.len() - 1]))
}

/// Runs `f` once to warm up, then `reps` times; returns the timings.
async fn time<F, Fut, T>(reps: usize, mut f: F) -> BoxResult<Vec<Duration>>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = BoxResult<T>>,
{
    f().await?;
    let mut out = Vec::with_capacity(reps);
    for _ in 0..reps {
        let t = Instant::now();
        f().await?;
        out.push(t.elapsed());
    }
    Ok(out)
}

fn bar(done: usize, total: usize, started: Instant) {
    let width = 40;
    let filled = done * width / total.max(1);
    let secs = started.elapsed().as_secs_f64();
    let eta = if done > 0 { secs * (total - done) as f64 / done as f64 } else { 0.0 };
    eprint!(
        "\r  [{}{}] {done}/{total} clients, {secs:.0} s, about {eta:.0} s left ",
        "#".repeat(filled),
        " ".repeat(width - filled)
    );
    let _ = std::io::stderr().flush();
}

#[tokio::main(flavor = "multi_thread")]
async fn main() -> BoxResult<()> {
    let a = args()?;
    let lib = Library::builtin();
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
    let has_users = store.count_users().await? > 0;
    if has_users && !a.existing {
        return Err("the database already has accounts: give the benchmark an empty one (or --existing)".into());
    }
    let (admin, clinician, some_clients) = if has_users {
        // A database this benchmark seeded before: time it again (after a migration, say).
        let by_email = &store;
        let user = move |email: &'static str| async move {
            let found = by_email.user_by_email(email).await.map_err(|e| e.to_string())?;
            found.map(|(u, _)| u).ok_or_else(|| format!("no {email}: not a benchmark database"))
        };
        let admin = user("admin@bench.rapport.test").await?;
        let clinician = user("clinician1@bench.rapport.test").await?;
        let query = CaseloadQuery { search: None, status: None, limit: 100, offset: 0 };
        // A clinician's caseload lists their clients (an administrator is on no care team).
        let (rows, _) = store.caseload(&clinician.id, &query).await?;
        let first: Vec<Id> = rows.iter().map(|r| r.id.clone()).collect();
        (admin, clinician.id, first)
    } else {
        seed(&store, &a, &lib).await?
    };
    if a.analyze {
        let t = Instant::now();
        store.analyze().await?;
        println!("ANALYZE: {:.1} s", t.elapsed().as_secs_f64());
    }
    print_size(&store, &target, sqlite_file.as_deref()).await?;
    // The import leaves the running totals to the next catch-up, which builds them.
    let t = Instant::now();
    store.catch_up_outcomes().await?;
    println!("first catch-up after the import (builds the running totals): {:.1} s", t.elapsed().as_secs_f64());

    // The tiles, for the last 12 months and for all time.
    let state = AppState::new(store.clone(), Config::default());
    let me = Identity {
        user: admin,
        auth: AuthKind::Token { id: Id::new(), name: "bench".into() },
        meta: RequestMeta::default(),
        prefetched: Default::default(),
    };
    let now = Timestamp::now();
    let ack = now.minus(time::Duration::hours(24));
    let assess = now.minus(time::Duration::hours(72));
    println!();
    println!("| Timed (ms), {} runs after 1 warm-up | period | p50 | p95 | max |", a.reps);
    println!("|---|---|---:|---:|---:|");
    for (period, from, to) in
        [("12 months", Some(today() - time::Duration::days(365)), Some(today())), ("all time", None, None)]
    {
        let f = ReportFilter { from, to, ..Default::default() };
        let line = |name: &str, v: Vec<Duration>| {
            let (p50, p95, max) = summary(v);
            println!("| {name} | {period} | {p50:.1} | {p95:.1} | {max:.1} |");
        };
        // Times one tile (unless `--only` leaves it out) and prints its line.
        macro_rules! timed {
            ($name:expr, $f:expr) => {{
                let name: String = $name.into();
                if a.only.as_deref().is_none_or(|only| name.contains(only)) {
                    line(&name, time(a.reps, $f).await?);
                }
            }};
        }
        timed!("outcome_overview", || async { Ok(store.outcome_overview(&f).await?) });
        timed!("outcome_funnel", || async { Ok(store.outcome_funnel(&f).await?) });
        timed!("outcome_risk", || async { Ok(store.outcome_risk(&f, ack, assess).await?) });
        for dim in Dimension::BREAKDOWNS {
            timed!(format!("outcome_breakdown({})", dim.as_str()), || async {
                Ok(store.outcome_breakdown(&f, dim).await?)
            });
        }
        // The same breakdowns summed from the rows (how a filtered report, or
        // every report before the running totals, is answered).
        for dim in Dimension::BREAKDOWNS.into_iter().filter(|_| a.scans) {
            timed!(format!("outcome_breakdown_scan({})", dim.as_str()), || async {
                Ok(store.outcome_breakdown_scan(&f, dim).await?)
            });
        }
        // The application reads a period left out as the 12 months to the
        // real today, so "all time" is asked for in dates: from long before
        // the seed's first course to its last day.
        let q = OutcomesQuery {
            from: Some(format_day(from.unwrap_or(rapport_core::validation::EARLIEST_DATE))),
            to: Some(format_day(to.unwrap_or_else(today))),
            ..Default::default()
        };
        // A breakdown as the API and the dashboard's table answer it: caught
        // up, named (clinicians, sites), small numbers hidden.
        for dim in Dimension::BREAKDOWNS {
            let q = OutcomesQuery { group_by: Some(dim.as_str().into()), ..q.clone() };
            timed!(format!("breakdown by {} (rapport_app::reports::breakdown)", dim.as_str()), || async {
                rapport_app::reports::breakdown(&state, &me, &q, false).await.map_err(|e| format!("{e:?}").into())
            });
        }
        timed!("whole dashboard (rapport_app::reports::dashboard)", || async {
            rapport_app::reports::dashboard(&state, &me, &q).await.map_err(|e| format!("{e:?}").into())
        });
    }

    // Write cost: one response at a time for 100 imported clients in turn,
    // in blocks of 50; after each block the catch-up that brings the read
    // model up to date with it (what the server does in the background).
    if a.only.as_deref().is_some_and(|only| !"record_response".contains(only)) {
        return Ok(());
    }
    if some_clients.is_empty() {
        return Err("no client imported".into());
    }
    let phq9 = lib.get("phq9").ok_or("phq9")?;
    let answers: Vec<Option<i64>> = [1, 2, 1, 0, 1, 2, 1, 1, 0].into_iter().map(Some).collect();
    let mut response = NewResponse {
        client_id: some_clients[0].clone(),
        course_id: None,
        score: score(phq9, &answers)?,
        unscored_answers: None,
        completed_at: now,
        entered_by: Some(clinician.clone()),
        mode: Mode::InSession,
        group_session_id: None,
    };
    const BLOCK: usize = 50;
    let (mut writes, mut catch_ups) = (Vec::new(), Vec::new());
    let blocks = a.write_reps.div_ceil(BLOCK).max(1) + 1;
    for block in 0..blocks {
        for i in 0..BLOCK {
            response.client_id = some_clients[(block * BLOCK + i) % some_clients.len()].clone();
            let t = Instant::now();
            store.record_response(&response, event(action::MEASURE_RECORD, "measure_response")).await?;
            if block > 0 {
                writes.push(t.elapsed());
            }
        }
        let t = Instant::now();
        let done = store.catch_up_outcomes().await?;
        if block > 0 {
            catch_ups.push(t.elapsed());
        }
        if done.entries < BLOCK as u64 {
            return Err(format!("catch-up read {} entries after {BLOCK} writes", done.entries).into());
        }
    }
    let (w50, w95, _) = summary(writes.clone());
    let mean = |v: &[Duration]| ms(v.iter().sum::<Duration>()) / v.len() as f64;
    let per_write = mean(&catch_ups) / BLOCK as f64;
    println!();
    println!("| record_response (ms), {} runs | p50 | p95 | mean |", writes.len());
    println!("|---|---:|---:|---:|");
    println!("| the write (nothing done for the read model in it) | {w50:.2} | {w95:.2} | {:.2} |", mean(&writes));
    println!(
        "| its share of the catch-up after each {BLOCK} writes ({} catch-ups, mean {:.1} ms) | | | {per_write:.2} |",
        catch_ups.len(),
        mean(&catch_ups)
    );
    println!(
        "background work per write: {:.1} % of the write's mean time (none of it in the write)",
        100.0 * per_write / mean(&writes)
    );
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

/// Sites, clinicians and an administrator, then `--clients` histories through
/// the bulk import; returns the administrator, a clinician and a client.
async fn seed(store: &Store, a: &Args, lib: &Library) -> BoxResult<(rapport_store::users::User, Id, Vec<Id>)> {
    // Sites, clinicians (spread over the sites) and an administrator.
    let t = Instant::now();
    let mut sites = Vec::with_capacity(a.sites);
    for i in 1..=a.sites {
        sites.push(store.create_site(&format!("Site {i:03}"), None, event(action::SITE_CREATE, "site")).await?.id);
    }
    let user = |email: String, name: String, role, site: Option<Id>| NewUser {
        email,
        name,
        role,
        practises: false,
        password_hash: "!bench: no sign-in".into(),
        site_id: site,
    };
    let mut clinicians = Vec::with_capacity(a.clinicians);
    for i in 1..=a.clinicians {
        let site = sites[i % sites.len()].clone();
        let u = user(
            format!("clinician{i}@bench.rapport.test"),
            format!("Bench Clinician {i}"),
            Role::Clinician,
            Some(site.clone()),
        );
        clinicians.push((store.create_user(u, event(action::USER_CREATE, "user")).await?.id, Some(site)));
    }
    let admin = store
        .create_user(
            user("admin@bench.rapport.test".into(), "Bench Admin".into(), Role::Admin, None),
            event(action::USER_CREATE, "user"),
        )
        .await?;
    println!("set-up: {} sites, {} clinicians in {:.1} s", sites.len(), clinicians.len(), t.elapsed().as_secs_f64());
    // Caught up with the set-up's entries, so each import batch keeps the
    // read model caught up (see `Store::import_courses`).
    store.catch_up_outcomes().await?;

    // Seed through the bulk import path.
    let mut g = Generator {
        rng: StdRng::seed_from_u64(a.seed),
        phq9: lib.get("phq9").ok_or("phq9")?,
        gad7: lib.get("gad7").ok_or("gad7")?,
        hash: Sha256::new(),
        stats: Stats::default(),
    };
    let t = Instant::now();
    let (mut flags, mut rows) = (0u64, 0u64);
    let mut done = 0;
    let mut some_clients = Vec::new();
    while done < a.clients {
        let n = a.batch.min(a.clients - done);
        let batch = (done..done + n).map(|i| g.client(i, &clinicians)).collect::<BoxResult<Vec<_>>>()?;
        let s = store.import_courses(&batch, event(action::CLIENT_IMPORT, "client")).await?;
        if some_clients.is_empty() {
            some_clients = s.clients.iter().take(100).cloned().collect();
        }
        flags += s.flags;
        rows += s.outcome_rows;
        done += n;
        bar(done, a.clients, t);
    }
    eprintln!();
    let seed_time = t.elapsed();
    let st = &g.stats;
    println!(
        "seed {}: {} clients (improving {}, flat {}, worsening {}, dropout {}), {} sessions, {} responses, \
         {} risk flags, {} read-model rows in {:.1} s ({:.0} clients/s, {:.0} responses/s); fingerprint {}",
        a.seed,
        a.clients,
        st.kinds[0],
        st.kinds[1],
        st.kinds[2],
        st.kinds[3],
        st.sessions,
        st.responses,
        flags,
        rows,
        seed_time.as_secs_f64(),
        a.clients as f64 / seed_time.as_secs_f64(),
        st.responses as f64 / seed_time.as_secs_f64(),
        hex::encode(&g.hash.clone().finalize()[..8])
    );
    if flags != st.item9_positive {
        return Err(format!("{flags} flags for {} positive item-9 answers", st.item9_positive).into());
    }
    Ok((admin, clinicians[0].0.clone(), some_clients))
}
