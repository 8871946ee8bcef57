//! Keeping the programme-outcomes read model (migrations 0031 and 0035,
//! docs/reports.md) up to date: one row per course or group membership, one
//! per risk flag, and running totals per dimension and day.
//!
//! How it stays current (decision 41): every write of client data appends an
//! audit entry naming the client in its own transaction, in one sequence. The
//! read model remembers the last entry it reflects (`outcome_model.applied_seq`)
//! and [`catch_up`] recomputes the rows of the clients named after it, applying
//! the difference to the running totals. Reports catch up before they read and
//! the server catches up every few seconds, so a report is never behind the
//! records, and a write pays nothing for the read model (before, refreshing in
//! every write's transaction cost a dozen statements: +250 % on recording a
//! response on SQLite). No write path can forget it: the audit entry is the one
//! thing every write has. `rapport reports rebuild` recomputes everything with
//! the same code, range by range (`reports.rs`).
//!
//! This module reads and writes through a transaction only (no `Store`).

use crate::row::Named;
use rapport_core::course::{course_on, CourseSpan};
use rapport_core::measures::definition::{Instrument, Library};
use rapport_core::reports::{
    outcome_row, quarter_of, total_changes, Basis, Ending, Format, Month, OutcomeRow, Sums, TotalKey, UnitFacts,
    SUM_COLUMNS, TOTAL_DIMENSIONS,
};
use rapport_core::time::{format_date, parse_date};
use rapport_core::Timestamp;
use sqlx::any::AnyRow;
use sqlx::{Any, Transaction};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;
use time::Date;

type Tx = Transaction<'static, Any>;

/// Errors are the driver's: the audit append that calls this turns them into `StoreError`.
type Result<T> = std::result::Result<T, sqlx::Error>;

fn bad(message: String) -> sqlx::Error {
    sqlx::Error::Decode(message.into())
}

fn phq9() -> &'static Instrument {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(Library::builtin).get("phq9").expect("PHQ-9 ships with Rapport")
}

fn date_col(r: &AnyRow, name: &str) -> Result<Date> {
    let s: String = r.col(name)?;
    parse_date(&s).ok_or_else(|| bad(format!("{name}: not a date: {s}")))
}

fn ts_col(r: &AnyRow, name: &str) -> Result<Timestamp> {
    let s: String = r.col(name)?;
    Timestamp::parse(&s).ok_or_else(|| bad(format!("{name}: not a timestamp: {s}")))
}

fn opt_ts_col(r: &AnyRow, name: &str) -> Result<Option<Timestamp>> {
    let s: Option<String> = r.col(name)?;
    Ok(s.and_then(|s| Timestamp::parse(&s)))
}

/// How the audited actions that leave the record as it was end (reads, lists, plays).
const READ_SUFFIXES: [&str; 5] = [".read", ".list", ".play", ".feed", ".export"];

/// Whether an audited action leaves the record as it was (reads, lists, plays).
pub(crate) fn is_read(action: &str) -> bool {
    READ_SUFFIXES.iter().any(|s| action.ends_with(s))
}

/// [`is_read`]'s opposite in SQL, for the audit entry `a`: true for an entry
/// that may change a record. Every read is audited, so most entries are reads;
/// leaving them out in the database spares a catch-up reading them row by row.
fn a_change_sql() -> String {
    let reads: Vec<String> = READ_SUFFIXES.iter().map(|s| format!("a.action LIKE '%{s}'")).collect();
    format!("NOT ({})", reads.join(" OR "))
}

/// The read model's mark and state, the last audit entry, and the first
/// entry after the mark that may change a record (NULL when only reads
/// followed it), in one statement so one snapshot (see [`catch_up`]).
pub(crate) fn pending_sql() -> &'static str {
    static SQL: OnceLock<String> = OnceLock::new();
    SQL.get_or_init(|| {
        format!(
            "SELECT m.applied_seq, m.totals_built, h.last_seq, \
             (SELECT a.seq FROM audit_log a WHERE a.seq > m.applied_seq AND a.seq <= h.last_seq AND {} \
             ORDER BY a.seq LIMIT 1) AS next_change \
             FROM outcome_model m, audit_head h WHERE m.id = 1 AND h.id = 1",
            a_change_sql()
        )
    })
}

/// The last audit entry and up to `$2` entries after `$1` that may change a
/// record, oldest first; one row with no entry when there are none.
fn changes_after_sql() -> &'static str {
    static SQL: OnceLock<String> = OnceLock::new();
    SQL.get_or_init(|| {
        format!(
            "SELECT h.last_seq AS head, a.seq, a.action, a.client_id, a.resource_type, a.resource_id \
             FROM audit_head h LEFT JOIN audit_log a ON a.seq > $1 AND a.seq <= h.last_seq AND {} \
             WHERE h.id = 1 ORDER BY a.seq LIMIT $2",
            a_change_sql()
        )
    })
}

/// What an audit entry says about a change, for finding the clients it concerns.
pub(crate) struct Touched {
    pub action: String,
    pub client_id: Option<String>,
    pub resource_type: String,
    pub resource_id: Option<String>,
}

/// The clients whose rows the audited changes may alter. Events about a
/// group (a meeting recorded, the group closed, a group meeting rated)
/// concern all its members.
pub(crate) async fn clients_touched(tx: &mut Tx, touched: &[Touched]) -> Result<BTreeSet<String>> {
    let mut clients = BTreeSet::new();
    for e in touched.iter().filter(|e| !is_read(&e.action)) {
        if let Some(c) = &e.client_id {
            clients.insert(c.clone());
            continue;
        }
        let group = match (e.resource_type.as_str(), &e.resource_id) {
            ("group", Some(id)) => Some(id.clone()),
            ("fidelity_rating", Some(id)) => sqlx::query("SELECT group_id FROM fidelity_ratings WHERE id = $1")
                .bind(id)
                .fetch_optional(&mut **tx)
                .await?
                .map(|r| r.col::<Option<String>>("group_id"))
                .transpose()?
                .flatten(),
            _ => None,
        };
        if let Some(group) = group {
            // A group event names the group or one of its meetings.
            let rows = sqlx::query(
                "SELECT client_id FROM group_members WHERE group_id = $1 \
                 OR group_id IN (SELECT group_id FROM group_sessions WHERE id = $1)",
            )
            .bind(group)
            .fetch_all(&mut **tx)
            .await?;
            for r in rows {
                clients.insert(r.col("client_id")?);
            }
        }
    }
    Ok(clients)
}

/// Audit entries read per catch-up transaction at most.
pub(crate) const CATCH_UP_BATCH: i64 = 2000;

/// One catch-up step in `tx`: locks the read model's state row (so catch-ups,
/// rebuilds and imports take turns), builds the running totals if they are
/// not built, refreshes the clients named by up to [`CATCH_UP_BATCH`] audit
/// entries after the last applied one that may change a record (reads are
/// skipped in the database), and records the last entry applied.
/// Returns (changing entries read, clients refreshed). Entries are appended under the
/// lock of the single audit head row, so they commit in sequence order and
/// what this transaction sees after `applied_seq` has no gaps.
pub(crate) async fn catch_up(tx: &mut Tx) -> Result<(usize, usize)> {
    let state = sqlx::query(
        "UPDATE outcome_model SET applied_seq = applied_seq WHERE id = 1 RETURNING applied_seq, totals_built",
    )
    .fetch_one(&mut **tx)
    .await?;
    let applied: i64 = state.col("applied_seq")?;
    // 0: the totals need building; 1: built; 2: a rebuild of the whole read
    // model is under way and builds them when it ends.
    let totals = match state.col::<i64>("totals_built")? {
        0 => {
            rebuild_totals(tx).await?;
            Totals::Apply
        }
        1 => Totals::Apply,
        _ => Totals::RebuildLater,
    };
    let rows = sqlx::query(changes_after_sql()).bind(applied).bind(CATCH_UP_BATCH).fetch_all(&mut **tx).await?;
    let head: i64 = rows.first().ok_or_else(|| bad("the audit head row is missing".into()))?.col("head")?;
    let mut last_change = None;
    let mut touched = Vec::with_capacity(rows.len());
    for r in &rows {
        let Some(seq) = r.col::<Option<i64>>("seq")? else { continue };
        last_change = Some(seq);
        touched.push(Touched {
            action: r.col("action")?,
            client_id: r.col("client_id")?,
            resource_type: r.col("resource_type")?,
            resource_id: r.col("resource_id")?,
        });
    }
    // A full batch may stop before the head; otherwise every entry up to the
    // head was seen (reads need nothing) and the mark moves to it.
    let mark = match last_change {
        Some(seq) if touched.len() as i64 == CATCH_UP_BATCH => seq,
        _ => head,
    };
    if mark <= applied {
        return Ok((0, 0));
    }
    let clients = clients_touched(tx, &touched).await?;
    for c in &clients {
        refresh_range(tx, c, c, totals).await?;
    }
    sqlx::query("UPDATE outcome_model SET applied_seq = $1 WHERE id = 1").bind(mark).execute(&mut **tx).await?;
    Ok((touched.len(), clients.len()))
}

/// Whether a refresh applies its change to the running totals: yes when
/// catching up with ordinary writes; not in a rebuild or a bulk import, which
/// rebuild the totals once at the end instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Totals {
    Apply,
    RebuildLater,
}

/// What one client range's facts look like while they are gathered.
#[derive(Default)]
struct ClientFacts {
    site_id: Option<String>,
    clinician_id: Option<String>,
    units: Vec<UnitFacts>,
    /// (row key, span) of the client's individual courses, for placing
    /// responses and flags stored without a course.
    spans: Vec<CourseSpan<String>>,
}

/// A flag while it is placed in a course.
struct FlagFacts {
    id: String,
    client_id: String,
    raised_at: Timestamp,
    acknowledged_at: Option<Timestamp>,
    assessed_at: Option<Timestamp>,
    closed_at: Option<Timestamp>,
}

/// Replaces the rows of the clients with ids in `lo..=hi` (one client when
/// equal) with rows computed from their records.
pub(crate) async fn refresh_range(tx: &mut Tx, lo: &str, hi: &str, totals: Totals) -> Result<usize> {
    let mut clients: BTreeMap<String, ClientFacts> = BTreeMap::new();
    for r in
        sqlx::query("SELECT id, site_id, responsible_clinician_id FROM clients WHERE id >= $1 AND id <= $2 ORDER BY id")
            .bind(lo)
            .bind(hi)
            .fetch_all(&mut **tx)
            .await?
    {
        clients.insert(
            r.col("id")?,
            ClientFacts {
                site_id: r.col("site_id")?,
                clinician_id: Some(r.col("responsible_clinician_id")?),
                ..Default::default()
            },
        );
    }
    let old = match totals {
        Totals::Apply => {
            let sql = format!(
                "SELECT {} FROM outcome_rows WHERE client_id >= $1 AND client_id <= $2",
                ROW_COLUMNS.join(", ")
            );
            let rows = sqlx::query(&sql).bind(lo).bind(hi).fetch_all(&mut **tx).await?;
            rows.iter().map(row_from).collect::<Result<Vec<_>>>()?
        }
        Totals::RebuildLater => Vec::new(),
    };
    sqlx::query("DELETE FROM outcome_rows WHERE client_id >= $1 AND client_id <= $2")
        .bind(lo)
        .bind(hi)
        .execute(&mut **tx)
        .await?;
    sqlx::query("DELETE FROM outcome_flags WHERE client_id >= $1 AND client_id <= $2")
        .bind(lo)
        .bind(hi)
        .execute(&mut **tx)
        .await?;
    if clients.is_empty() {
        if totals == Totals::Apply {
            apply_total_changes(tx, total_changes(&old, &[])).await?;
        }
        return Ok(0);
    }
    // Individual courses.
    let mut unit_of: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for r in sqlx::query(
        "SELECT id, client_id, protocol_id, planned_sessions, start_date, status, updated_at, group_id \
         FROM courses WHERE client_id >= $1 AND client_id <= $2 ORDER BY client_id, start_date, id",
    )
    .bind(lo)
    .bind(hi)
    .fetch_all(&mut **tx)
    .await?
    {
        let client: String = r.col("client_id")?;
        let Some(c) = clients.get_mut(&client) else { continue };
        let id: String = r.col("id")?;
        let status: String = r.col("status")?;
        let closed = matches!(status.as_str(), "completed" | "ended_early" | "transferred");
        let ending = closed
            .then(|| ts_col(&r, "updated_at").map(|t| Ending { on: t.date(), dropout: status == "ended_early" }))
            .transpose()?;
        let started_on = date_col(&r, "start_date")?;
        let key = format!("c:{id}");
        c.spans.push(CourseSpan { key: key.clone(), start: started_on, ended: ending.map(|e| e.on) });
        unit_of.insert(id.clone(), (client.clone(), c.units.len()));
        let group: Option<String> = r.col("group_id")?;
        c.units.push(UnitFacts {
            key,
            client_id: client.clone(),
            course_id: Some(id),
            group_id: None,
            format: if group.is_some() { Format::Group } else { Format::Individual },
            site_id: c.site_id.clone(),
            clinician_id: c.clinician_id.clone(),
            protocol_id: r.col("protocol_id")?,
            problem_areas: Vec::new(),
            started_on,
            ending,
            planned_sessions: r.col("planned_sessions")?,
            held: Vec::new(),
            missed: 0,
            phq9: Vec::new(),
            gad7: Vec::new(),
            flags_raised: 0,
            fidelity_rated: 0,
            fidelity_passed: 0,
        });
    }
    let unit = |clients: &mut BTreeMap<String, ClientFacts>, course: &str| -> Option<(String, usize)> {
        let (client, i) = unit_of.get(course)?;
        clients.contains_key(client).then(|| (client.clone(), *i))
    };
    for r in sqlx::query(
        "SELECT s.course_id, s.session_date, s.attendance FROM therapy_sessions s \
         JOIN courses c ON c.id = s.course_id WHERE c.client_id >= $1 AND c.client_id <= $2 \
         AND s.engagement = 0 ORDER BY s.session_date, s.session_time, s.id",
    )
    .bind(lo)
    .bind(hi)
    .fetch_all(&mut **tx)
    .await?
    {
        let course: String = r.col("course_id")?;
        let Some((client, i)) = unit(&mut clients, &course) else { continue };
        let attendance: String = r.col("attendance")?;
        let u = &mut clients.get_mut(&client).expect("checked").units[i];
        match attendance.as_str() {
            "attended" => u.held.push(date_col(&r, "session_date")?),
            "no_show" => u.missed += 1,
            _ => {}
        }
    }
    // Problem areas: the latest formulation of each course.
    for r in sqlx::query(
        "SELECT course_id, body FROM clinical_records WHERE client_id >= $1 AND client_id <= $2 \
         AND kind = 'formulation' AND removed_at IS NULL AND course_id IS NOT NULL ORDER BY updated_at, id",
    )
    .bind(lo)
    .bind(hi)
    .fetch_all(&mut **tx)
    .await?
    {
        let course: String = r.col("course_id")?;
        let Some((client, i)) = unit(&mut clients, &course) else { continue };
        let body: String = r.col("body")?;
        let areas = serde_json::from_str::<serde_json::Value>(&body)
            .ok()
            .and_then(|v| v.get("problem_areas").cloned())
            .and_then(|v| serde_json::from_value::<Vec<String>>(v).ok())
            .unwrap_or_default();
        clients.get_mut(&client).expect("checked").units[i].problem_areas = areas;
    }
    for r in sqlx::query(
        "SELECT s.course_id, r.pass FROM fidelity_ratings r JOIN therapy_sessions s ON s.id = r.session_id \
         JOIN courses c ON c.id = s.course_id WHERE c.client_id >= $1 AND c.client_id <= $2",
    )
    .bind(lo)
    .bind(hi)
    .fetch_all(&mut **tx)
    .await?
    {
        let course: String = r.col("course_id")?;
        let Some((client, i)) = unit(&mut clients, &course) else { continue };
        let pass: i64 = r.col("pass")?;
        let u = &mut clients.get_mut(&client).expect("checked").units[i];
        u.fidelity_rated += 1;
        u.fidelity_passed += pass;
    }
    // Group memberships.
    let mut member_of: BTreeMap<(String, String), usize> = BTreeMap::new();
    for r in sqlx::query(
        "SELECT m.group_id, m.client_id, m.status, m.problem_areas, m.updated_at, g.site_id, g.protocol_id, \
         g.planned_sessions, g.start_date, g.closed_at, \
         (SELECT MIN(f.user_id) FROM group_facilitators f WHERE f.group_id = g.id) AS facilitator \
         FROM group_members m JOIN therapy_groups g ON g.id = m.group_id \
         WHERE m.client_id >= $1 AND m.client_id <= $2 ORDER BY m.client_id, g.start_date, g.id",
    )
    .bind(lo)
    .bind(hi)
    .fetch_all(&mut **tx)
    .await?
    {
        let client: String = r.col("client_id")?;
        let Some(c) = clients.get_mut(&client) else { continue };
        let group: String = r.col("group_id")?;
        let status: String = r.col("status")?;
        let closed_at = opt_ts_col(&r, "closed_at")?;
        let ending = match status.as_str() {
            "completed" | "dropped_out" | "referred" => {
                Some(Ending { on: ts_col(&r, "updated_at")?.date(), dropout: status == "dropped_out" })
            }
            _ => closed_at.map(|t| Ending { on: t.date(), dropout: false }),
        };
        let areas: String = r.col("problem_areas")?;
        member_of.insert((group.clone(), client.clone()), c.units.len());
        c.units.push(UnitFacts {
            key: format!("g:{group}:{client}"),
            client_id: client.clone(),
            course_id: None,
            group_id: Some(group),
            format: Format::Group,
            site_id: r.col::<Option<String>>("site_id")?.or_else(|| c.site_id.clone()),
            clinician_id: r.col::<Option<String>>("facilitator")?,
            protocol_id: r.col("protocol_id")?,
            problem_areas: serde_json::from_str(&areas).unwrap_or_default(),
            started_on: date_col(&r, "start_date")?,
            ending,
            planned_sessions: r.col("planned_sessions")?,
            held: Vec::new(),
            missed: 0,
            phq9: Vec::new(),
            gad7: Vec::new(),
            flags_raised: 0,
            fidelity_rated: 0,
            fidelity_passed: 0,
        });
    }
    for r in sqlx::query(
        "SELECT gs.group_id, a.client_id, gs.held_on, a.attended, \
         (SELECT COUNT(*) FROM fidelity_ratings f WHERE f.group_session_id = gs.id) AS rated, \
         (SELECT COUNT(*) FROM fidelity_ratings f WHERE f.group_session_id = gs.id AND f.pass = 1) AS passed \
         FROM group_attendance a JOIN group_sessions gs ON gs.id = a.session_id \
         WHERE a.client_id >= $1 AND a.client_id <= $2 ORDER BY gs.held_on, gs.number",
    )
    .bind(lo)
    .bind(hi)
    .fetch_all(&mut **tx)
    .await?
    {
        let key = (r.col::<String>("group_id")?, r.col::<String>("client_id")?);
        let Some(i) = member_of.get(&key) else { continue };
        let Some(c) = clients.get_mut(&key.1) else { continue };
        let u = &mut c.units[*i];
        if r.col::<i64>("attended")? == 1 {
            u.held.push(date_col(&r, "held_on")?);
            // The group's fidelity as this member received it (docs/reports.md).
            u.fidelity_rated += r.col::<i64>("rated")?;
            u.fidelity_passed += r.col::<i64>("passed")?;
        } else {
            u.missed += 1;
        }
    }
    // PHQ-9 and GAD-7 totals: a course's own, those stored without a course
    // while it was open, and a group's meetings plus the member's baseline.
    for r in sqlx::query(
        "SELECT r.id, r.client_id, r.course_id, r.instrument_id, r.total, r.completed_at, \
         (SELECT gs.group_id FROM group_sessions gs WHERE gs.id = r.group_session_id) AS meeting_group, \
         (SELECT m.group_id FROM group_members m WHERE m.baseline_response_id = r.id) AS baseline_group \
         FROM measure_responses r WHERE r.client_id >= $1 AND r.client_id <= $2 \
         AND r.instrument_id IN ('phq9', 'gad7') AND r.total IS NOT NULL ORDER BY r.completed_at, r.id",
    )
    .bind(lo)
    .bind(hi)
    .fetch_all(&mut **tx)
    .await?
    {
        let client: String = r.col("client_id")?;
        let Some(c) = clients.get_mut(&client) else { continue };
        let at = ts_col(&r, "completed_at")?;
        let group = r.col::<Option<String>>("meeting_group")?.or(r.col::<Option<String>>("baseline_group")?);
        let index = match (group, r.col::<Option<String>>("course_id")?) {
            (Some(g), _) => member_of.get(&(g, client.clone())).copied(),
            (None, Some(course)) => unit_of.get(&course).filter(|(cl, _)| *cl == client).map(|(_, i)| *i),
            (None, None) => course_on(&c.spans, at.date()).and_then(|k| c.units.iter().position(|u| u.key == k)),
        };
        let Some(i) = index else { continue };
        let total: i64 = r.col("total")?;
        let instrument: String = r.col("instrument_id")?;
        let u = &mut c.units[i];
        if instrument == "phq9" {
            u.phq9.push((at, total));
        } else {
            u.gad7.push((at, total));
        }
    }
    let mut flags = Vec::new();
    for r in sqlx::query(
        "SELECT f.id, f.client_id, f.raised_at, f.acknowledged_at, f.closed_at, \
         (SELECT MIN(a.assessed_at) FROM risk_assessments a WHERE a.flag_id = f.id) AS assessed_at \
         FROM risk_flags f WHERE f.client_id >= $1 AND f.client_id <= $2 ORDER BY f.raised_at, f.id",
    )
    .bind(lo)
    .bind(hi)
    .fetch_all(&mut **tx)
    .await?
    {
        flags.push(FlagFacts {
            id: r.col("id")?,
            client_id: r.col("client_id")?,
            raised_at: ts_col(&r, "raised_at")?,
            acknowledged_at: opt_ts_col(&r, "acknowledged_at")?,
            assessed_at: opt_ts_col(&r, "assessed_at")?,
            closed_at: opt_ts_col(&r, "closed_at")?,
        });
    }
    let mut rows = Vec::new();
    let mut flag_rows = Vec::new();
    for (client, mut c) in clients {
        // A flag belongs to the course open when it was raised (the newest
        // one), else to a group membership open then.
        let mut placed = Vec::new();
        for f in flags.iter().filter(|f| f.client_id == client) {
            let day = f.raised_at.date();
            let i = course_on(&c.spans, day).and_then(|k| c.units.iter().position(|u| u.key == k)).or_else(|| {
                c.units.iter().position(|u| {
                    u.format == Format::Group
                        && u.course_id.is_none()
                        && u.started_on <= day
                        && u.ending.is_none_or(|e| day <= e.on)
                })
            });
            if let Some(i) = i {
                c.units[i].flags_raised += 1;
            }
            placed.push((f, i));
        }
        let computed: Vec<OutcomeRow> = c.units.iter().map(|u| outcome_row(u, phq9())).collect();
        for (f, i) in placed {
            flag_rows.push(flag_row(f, i.map(|i| &computed[i]), &c));
        }
        rows.extend(computed);
    }
    insert_rows(tx, &rows).await?;
    insert_flags(tx, &flag_rows).await?;
    if totals == Totals::Apply {
        apply_total_changes(tx, total_changes(&old, &rows)).await?;
    }
    Ok(rows.len())
}

/// A row of `outcome_rows` read back (the columns of [`ROW_COLUMNS`]).
fn row_from(r: &AnyRow) -> Result<OutcomeRow> {
    let flag = |c: &str| -> Result<bool> { Ok(r.col::<i64>(c)? != 0) };
    let format: String = r.col("format")?;
    let ended_on: Option<String> = r.col("ended_on")?;
    let ended_on =
        ended_on.map(|s| parse_date(&s).ok_or_else(|| bad(format!("ended_on: not a date: {s}")))).transpose()?;
    Ok(OutcomeRow {
        key: r.col("key")?,
        client_id: r.col("client_id")?,
        course_id: r.col("course_id")?,
        group_id: r.col("group_id")?,
        format: Format::parse(&format).ok_or_else(|| bad(format!("format: {format}")))?,
        site_id: r.col("site_id")?,
        clinician_id: r.col("clinician_id")?,
        protocol_id: r.col("protocol_id")?,
        area1: r.col("area1")?,
        area2: r.col("area2")?,
        started_on: date_col(r, "started_on")?,
        ended_on,
        ended_quarter: r.col::<Option<String>>("ended_quarter")?.or_else(|| ended_on.map(quarter_of)),
        planned: r.col("planned")?,
        attended: r.col("attended")?,
        missed: r.col("missed")?,
        engaged: flag("engaged")?,
        finished: flag("finished")?,
        dropout: flag("dropout")?,
        paired: flag("paired")?,
        phq9_first: r.col("phq9_first")?,
        phq9_last: r.col("phq9_last")?,
        gad7_first: r.col("gad7_first")?,
        gad7_last: r.col("gad7_last")?,
        case_at_start: flag("case_at_start")?,
        recovered: flag("recovered")?,
        reliably_improved: flag("reliably_improved")?,
        reliably_recovered: flag("reliably_recovered")?,
        reliably_deteriorated: flag("reliably_deteriorated")?,
        phq9_eligible: flag("phq9_eligible")?,
        phq9_response: flag("phq9_response")?,
        phq9_remission: flag("phq9_remission")?,
        phq9_change: r.col("phq9_change")?,
        gad7_change: r.col("gad7_change")?,
        flags_raised: r.col("flags_raised")?,
        fidelity_rated: r.col("fidelity_rated")?,
        fidelity_passed: r.col("fidelity_passed")?,
    })
}

/// Adds `changes` to the running totals: each change counts from its day
/// on, so it is added to the key's total on that day (made first, as a copy
/// of the day before, when the key had no total that day), to every later
/// one, and to the key's own latest total, whose first and last days widen.
async fn apply_total_changes(tx: &mut Tx, changes: std::collections::BTreeMap<TotalKey, Sums>) -> Result<()> {
    let cols = SUM_COLUMNS.join(", ");
    let copied = SUM_COLUMNS.iter().map(|c| format!("COALESCE(p.{c}, 0)")).collect::<Vec<_>>().join(", ");
    let make_day = format!(
        "INSERT INTO outcome_totals (basis, dim, key, day, {cols}) \
         SELECT $1, $2, $3, $4, {copied} FROM (SELECT 1 AS one) o LEFT JOIN \
         (SELECT {cols} FROM outcome_totals WHERE basis = $1 AND dim = $2 AND key = $3 AND day < $4 \
         ORDER BY day DESC LIMIT 1) p ON 1 = 1 WHERE 1 = 1 \
         ON CONFLICT (basis, dim, key, day) DO NOTHING"
    );
    let sets =
        SUM_COLUMNS.iter().enumerate().map(|(i, c)| format!("{c} = {c} + ${}", i + 5)).collect::<Vec<_>>().join(", ");
    let add = format!("UPDATE outcome_totals SET {sets} WHERE basis = $1 AND dim = $2 AND key = $3 AND day >= $4");
    let add_to_key = format!(
        "UPDATE outcome_keys SET first_day = CASE WHEN first_day = '' OR $4 < first_day THEN $4 ELSE first_day END, \
         last_day = CASE WHEN $4 > last_day THEN $4 ELSE last_day END, {sets} \
         WHERE basis = $1 AND dim = $2 AND key = $3"
    );
    let add_to_months =
        format!("UPDATE outcome_months SET {sets} WHERE basis = $1 AND dim = $2 AND key = $3 AND month >= $4");
    for ((basis, dim, key, day), sums) in changes {
        let month = Month::of(day);
        let day = format_date(day);
        sqlx::query(
            "INSERT INTO outcome_keys (basis, dim, key) VALUES ($1, $2, $3) ON CONFLICT (basis, dim, key) DO NOTHING",
        )
        .bind(basis.as_str())
        .bind(dim)
        .bind(key.clone())
        .execute(&mut **tx)
        .await?;
        extend_months(tx, basis, dim, &key, month).await?;
        let mut q =
            sqlx::query(&add_to_months).bind(basis.as_str()).bind(dim).bind(key.clone()).bind(month.to_string());
        for v in sums {
            q = q.bind(v);
        }
        q.execute(&mut **tx).await?;
        sqlx::query(&make_day)
            .bind(basis.as_str())
            .bind(dim)
            .bind(key.clone())
            .bind(day.clone())
            .execute(&mut **tx)
            .await?;
        for sql in [&add, &add_to_key] {
            let mut q = sqlx::query(sql).bind(basis.as_str()).bind(dim).bind(key.clone()).bind(day.clone());
            for v in sums {
                q = q.bind(v);
            }
            q.execute(&mut **tx).await?;
        }
    }
    Ok(())
}

/// Gives a line checkpoints for every month between its span (the months of
/// its first and last day) and `month`, before a change in `month` is added to
/// the checkpoints from `month` on: a month after its last day holds the
/// line's latest total, a month before its first day (or of a new line) holds
/// nothing yet.
async fn extend_months(tx: &mut Tx, basis: Basis, dim: &str, key: &str, month: Month) -> Result<()> {
    let cols = SUM_COLUMNS.join(", ");
    let line = sqlx::query(&format!(
        "SELECT first_day, last_day, {cols} FROM outcome_keys WHERE basis = $1 AND dim = $2 AND key = $3"
    ))
    .bind(basis.as_str())
    .bind(dim)
    .bind(key.to_string())
    .fetch_one(&mut **tx)
    .await?;
    let (first, last) =
        (Month::parse(&line.col::<String>("first_day")?), Month::parse(&line.col::<String>("last_day")?));
    let mut latest: Sums = [0; 22];
    for (slot, c) in latest.iter_mut().zip(SUM_COLUMNS) {
        *slot = line.col(c)?;
    }
    let (new, held): (Vec<Month>, Sums) = match (first, last) {
        (Some(_), Some(last)) if month > last => (last.next().through(month).collect(), latest),
        (Some(first), Some(_)) => (month.through(first.previous()).collect(), [0; 22]),
        _ => (vec![month], [0; 22]),
    };
    let binds = (5..27).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ");
    let insert =
        format!("INSERT INTO outcome_months (basis, dim, key, month, {cols}) VALUES ($1, $2, $3, $4, {binds})");
    for m in new {
        let mut q =
            sqlx::query(&insert).bind(basis.as_str()).bind(dim.to_string()).bind(key.to_string()).bind(m.to_string());
        for v in held {
            q = q.bind(v);
        }
        q.execute(&mut **tx).await?;
    }
    Ok(())
}

/// What each row adds to the column of the same place in [`SUM_COLUMNS`], in SQL.
const ROW_SUM_SQL: [&str; 22] = [
    "1",
    "CASE WHEN ended_on IS NULL THEN 0 ELSE 1 END",
    "engaged",
    "finished",
    "dropout",
    "attended",
    "missed",
    "paired",
    "case_at_start",
    "recovered",
    "reliably_improved",
    "reliably_recovered",
    "reliably_deteriorated",
    "phq9_eligible",
    "phq9_response",
    "phq9_remission",
    "CASE WHEN phq9_change IS NULL THEN 0 ELSE 1 END",
    "COALESCE(phq9_change, 0)",
    "CASE WHEN gad7_change IS NULL THEN 0 ELSE 1 END",
    "COALESCE(gad7_change, 0)",
    "fidelity_rated",
    "fidelity_passed",
];

/// Replaces the running totals with ones computed from `outcome_rows` (one
/// windowed sum per basis and dimension, the same SQL on both databases) and
/// marks them built.
pub(crate) async fn rebuild_totals(tx: &mut Tx) -> Result<()> {
    sqlx::query("DELETE FROM outcome_totals").execute(&mut **tx).await?;
    sqlx::query("DELETE FROM outcome_keys").execute(&mut **tx).await?;
    let cols = SUM_COLUMNS.join(", ");
    let values = SUM_COLUMNS.iter().zip(ROW_SUM_SQL).map(|(c, e)| format!("{e} AS {c}")).collect::<Vec<_>>().join(", ");
    let running = SUM_COLUMNS.iter().map(|c| format!("SUM(SUM({c})) OVER w")).collect::<Vec<_>>().join(", ");
    let mut plans: Vec<(Basis, &str, String)> =
        vec![(Basis::Started, "all", format!("SELECT '' AS k, started_on AS d, {values} FROM outcome_rows"))];
    for dim in TOTAL_DIMENSIONS {
        let ended = |key: &str| {
            format!("SELECT {key} AS k, ended_on AS d, {values} FROM outcome_rows WHERE ended_on IS NOT NULL")
        };
        let source = match dim {
            "all" => ended("''"),
            "clinician" => ended("COALESCE(clinician_id, '')"),
            "site" => ended("COALESCE(site_id, '')"),
            "protocol" => ended("protocol_id"),
            "format" => ended("format"),
            "quarter" => ended("COALESCE(ended_quarter, '')"),
            // A course with two areas counts under both.
            _ => format!("{} UNION ALL {} AND area2 IS NOT NULL", ended("COALESCE(area1, '')"), ended("area2")),
        };
        plans.push((Basis::Ended, dim, source));
    }
    // In day order, so that a day's rows of every line share pages (a
    // report reads one part-month of them; decision 57). Later catch-ups
    // append new days at the end.
    for (basis, dim, source) in plans {
        let sql = format!(
            "INSERT INTO outcome_totals (basis, dim, key, day, {cols}) \
             SELECT '{}', '{dim}', k, d, {running} FROM ({source}) s \
             GROUP BY k, d WINDOW w AS (PARTITION BY k ORDER BY d) ORDER BY d, k",
            basis.as_str()
        );
        sqlx::query(&sql).execute(&mut **tx).await?;
    }
    // Each key with its first and last day and its total on the last day.
    let latest = SUM_COLUMNS.iter().map(|c| format!("t.{c}")).collect::<Vec<_>>().join(", ");
    sqlx::query(&format!(
        "INSERT INTO outcome_keys (basis, dim, key, first_day, last_day, {cols}) \
         SELECT t.basis, t.dim, t.key, m.first_day, m.last_day, {latest} FROM \
         (SELECT basis, dim, key, MIN(day) AS first_day, MAX(day) AS last_day FROM outcome_totals \
          GROUP BY basis, dim, key) m \
         JOIN outcome_totals t ON t.basis = m.basis AND t.dim = m.dim AND t.key = m.key AND t.day = m.last_day"
    ))
    .execute(&mut **tx)
    .await?;
    rebuild_months(tx).await?;
    sqlx::query("UPDATE outcome_model SET totals_built = 1 WHERE id = 1").execute(&mut **tx).await?;
    Ok(())
}

/// Fills `outcome_months` from the running totals: for each line and each
/// month of its span, its last row up to that month's end. The calendar is
/// bound in slices of at most 120 months (the same SQL on both databases).
/// Rows go in month by month, so that on PostgreSQL a month's checkpoints
/// share pages (a report reads one month's, for every line).
async fn rebuild_months(tx: &mut Tx) -> Result<()> {
    sqlx::query("DELETE FROM outcome_months").execute(&mut **tx).await?;
    let span =
        sqlx::query("SELECT MIN(first_day) AS lo, MAX(last_day) AS hi FROM outcome_keys").fetch_one(&mut **tx).await?;
    let (Some(lo), Some(hi)) = (
        span.col::<Option<String>>("lo")?.as_deref().and_then(Month::parse),
        span.col::<Option<String>>("hi")?.as_deref().and_then(Month::parse),
    ) else {
        return Ok(());
    };
    let cols = SUM_COLUMNS.join(", ");
    let picked = SUM_COLUMNS.iter().map(|c| format!("t.{c}")).collect::<Vec<_>>().join(", ");
    let months: Vec<Month> = lo.through(hi).collect();
    for slice in months.chunks(120) {
        let calendar =
            (1..=slice.len()).map(|i| format!("SELECT ${i} AS month")).collect::<Vec<_>>().join(" UNION ALL ");
        // A day sorts as text, so every day of month M is <= 'M-31'.
        let sql = format!(
            "INSERT INTO outcome_months (basis, dim, key, month, {cols}) \
             SELECT k.basis, k.dim, k.key, c.month, {picked} FROM outcome_keys k \
             JOIN ({calendar}) c ON c.month >= SUBSTR(k.first_day, 1, 7) AND c.month <= SUBSTR(k.last_day, 1, 7) \
             JOIN outcome_totals t ON t.basis = k.basis AND t.dim = k.dim AND t.key = k.key AND t.day = \
              (SELECT MAX(x.day) FROM outcome_totals x WHERE x.basis = k.basis AND x.dim = k.dim AND x.key = k.key \
               AND x.day <= c.month || '-31') \
             ORDER BY c.month, k.key"
        );
        let mut q = sqlx::query(&sql);
        for m in slice {
            q = q.bind(m.to_string());
        }
        q.execute(&mut **tx).await?;
    }
    Ok(())
}

/// One row of `outcome_flags`.
struct FlagRow {
    flag_id: String,
    client_id: String,
    row_key: Option<String>,
    format: Option<String>,
    site_id: Option<String>,
    clinician_id: Option<String>,
    protocol_id: Option<String>,
    area1: Option<String>,
    area2: Option<String>,
    raised_at: Timestamp,
    acknowledged_at: Option<Timestamp>,
    assessed_at: Option<Timestamp>,
}

fn flag_row(f: &FlagFacts, row: Option<&OutcomeRow>, c: &ClientFacts) -> FlagRow {
    // Closing a flag does both pieces of work (as the escalation rules count it).
    let done = |own: Option<Timestamp>| match (own, f.closed_at) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    FlagRow {
        flag_id: f.id.clone(),
        client_id: f.client_id.clone(),
        row_key: row.map(|r| r.key.clone()),
        format: row.map(|r| r.format.as_str().to_string()),
        site_id: row.map(|r| r.site_id.clone()).unwrap_or_else(|| c.site_id.clone()),
        clinician_id: row.map(|r| r.clinician_id.clone()).unwrap_or_else(|| c.clinician_id.clone()),
        protocol_id: row.map(|r| r.protocol_id.clone()),
        area1: row.and_then(|r| r.area1.clone()),
        area2: row.and_then(|r| r.area2.clone()),
        raised_at: f.raised_at,
        acknowledged_at: done(f.acknowledged_at),
        assessed_at: done(f.assessed_at),
    }
}

pub(crate) const ROW_COLUMNS: &[&str] = &[
    "key",
    "client_id",
    "course_id",
    "group_id",
    "format",
    "site_id",
    "clinician_id",
    "protocol_id",
    "area1",
    "area2",
    "started_on",
    "ended_on",
    "ended_quarter",
    "planned",
    "attended",
    "missed",
    "engaged",
    "finished",
    "dropout",
    "paired",
    "phq9_first",
    "phq9_last",
    "gad7_first",
    "gad7_last",
    "case_at_start",
    "recovered",
    "reliably_improved",
    "reliably_recovered",
    "reliably_deteriorated",
    "phq9_eligible",
    "phq9_response",
    "phq9_remission",
    "phq9_change",
    "gad7_change",
    "flags_raised",
    "fidelity_rated",
    "fidelity_passed",
];

pub(crate) const FLAG_COLUMNS: &[&str] = &[
    "flag_id",
    "client_id",
    "row_key",
    "format",
    "site_id",
    "clinician_id",
    "protocol_id",
    "area1",
    "area2",
    "raised_at",
    "acknowledged_at",
    "assessed_at",
    "ack_minutes",
    "assess_minutes",
];

/// `INSERT INTO table (cols) VALUES (...), (...)` for `rows` rows.
fn insert_sql(table: &str, columns: &[&str], rows: usize) -> String {
    let mut sql = format!("INSERT INTO {table} ({}) VALUES ", columns.join(", "));
    for r in 0..rows {
        sql.push_str(if r == 0 { "(" } else { ", (" });
        for c in 0..columns.len() {
            if c > 0 {
                sql.push_str(", ");
            }
            sql.push_str(&format!("${}", r * columns.len() + c + 1));
        }
        sql.push(')');
    }
    sql
}

/// A few fixed chunk sizes keep the number of distinct statements small.
fn chunks<T>(mut rest: &[T]) -> impl Iterator<Item = &[T]> {
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let size = [32, 8, 1].into_iter().find(|s| *s <= rest.len()).unwrap_or(1);
        let (chunk, tail) = rest.split_at(size);
        rest = tail;
        Some(chunk)
    })
}

async fn insert_rows(tx: &mut Tx, rows: &[OutcomeRow]) -> Result<()> {
    for chunk in chunks(rows) {
        let sql = insert_sql("outcome_rows", ROW_COLUMNS, chunk.len());
        let mut q = sqlx::query(&sql);
        for r in chunk {
            let b = i64::from;
            q = q
                .bind(r.key.clone())
                .bind(r.client_id.clone())
                .bind(r.course_id.clone())
                .bind(r.group_id.clone())
                .bind(r.format.as_str())
                .bind(r.site_id.clone())
                .bind(r.clinician_id.clone())
                .bind(r.protocol_id.clone())
                .bind(r.area1.clone())
                .bind(r.area2.clone())
                .bind(format_date(r.started_on))
                .bind(r.ended_on.map(format_date))
                .bind(r.ended_quarter.clone())
                .bind(r.planned)
                .bind(r.attended)
                .bind(r.missed)
                .bind(b(r.engaged))
                .bind(b(r.finished))
                .bind(b(r.dropout))
                .bind(b(r.paired))
                .bind(r.phq9_first)
                .bind(r.phq9_last)
                .bind(r.gad7_first)
                .bind(r.gad7_last)
                .bind(b(r.case_at_start))
                .bind(b(r.recovered))
                .bind(b(r.reliably_improved))
                .bind(b(r.reliably_recovered))
                .bind(b(r.reliably_deteriorated))
                .bind(b(r.phq9_eligible))
                .bind(b(r.phq9_response))
                .bind(b(r.phq9_remission))
                .bind(r.phq9_change)
                .bind(r.gad7_change)
                .bind(r.flags_raised)
                .bind(r.fidelity_rated)
                .bind(r.fidelity_passed);
        }
        q.execute(&mut **tx).await?;
    }
    Ok(())
}

async fn insert_flags(tx: &mut Tx, rows: &[FlagRow]) -> Result<()> {
    for chunk in chunks(rows) {
        let sql = insert_sql("outcome_flags", FLAG_COLUMNS, chunk.len());
        let mut q = sqlx::query(&sql);
        for f in chunk {
            let minutes = |t: Option<Timestamp>| t.map(|t| t.since(f.raised_at).whole_minutes().max(0));
            q = q
                .bind(f.flag_id.clone())
                .bind(f.client_id.clone())
                .bind(f.row_key.clone())
                .bind(f.format.clone())
                .bind(f.site_id.clone())
                .bind(f.clinician_id.clone())
                .bind(f.protocol_id.clone())
                .bind(f.area1.clone())
                .bind(f.area2.clone())
                .bind(f.raised_at.to_db())
                .bind(f.acknowledged_at.map(|t| t.to_db()))
                .bind(f.assessed_at.map(|t| t.to_db()))
                .bind(minutes(f.acknowledged_at))
                .bind(minutes(f.assessed_at));
        }
        q.execute(&mut **tx).await?;
    }
    Ok(())
}
