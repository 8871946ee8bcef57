//! Group IPT rows: sites, groups and their facilitators, members, meetings
//! with attendance, screenings, and the transitive supervision that decides
//! who sees what (migration 0026).
//!
//! A facilitator is put on each member's care team when the member joins a
//! group they run (or they join a group of the member's), so every existing
//! visibility rule (client lists, flags, the calendar, supervision) covers
//! group members without a second set of queries.

use crate::measures::{record_in, NewResponse, RecordedResponse};
use crate::row::Named;
use crate::{audit, opt_ts, ts, Result, Store, StoreError};
use rapport_core::audit::AuditEvent;
use rapport_core::group::{MemberStatus, ScreeningOutcome};
use rapport_core::time::{format_date, parse_date};
use rapport_core::{Id, Timestamp};
use sqlx::{Any, Transaction};
use time::Date;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Site {
    pub id: Id,
    pub name: String,
    pub kind: Option<String>,
    pub created_at: Timestamp,
}

#[derive(Clone, Debug)]
pub struct NewGroup {
    pub name: String,
    pub site_id: Option<Id>,
    pub protocol_id: String,
    pub planned_sessions: u32,
    pub start_date: Date,
    pub meeting_time: Option<String>,
    pub single_gender: bool,
    pub facilitators: Vec<Id>,
    pub created_by: Id,
}

/// A group as listed: its row and counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupRow {
    pub id: Id,
    pub name: String,
    pub site_id: Option<Id>,
    pub site_name: Option<String>,
    pub protocol_id: String,
    pub planned_sessions: u32,
    pub start_date: Date,
    pub meeting_time: Option<String>,
    pub single_gender: bool,
    pub closed_at: Option<Timestamp>,
    pub created_by: Id,
    pub created_at: Timestamp,
    pub sessions_held: u32,
    /// Members still in the group (not completed, dropped out or referred).
    pub current_members: u32,
    pub members: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Facilitator {
    pub id: Id,
    pub name: String,
    pub active: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    pub client_id: Id,
    pub display_name: String,
    pub status: MemberStatus,
    pub status_reason: Option<String>,
    pub problem_areas: Vec<String>,
    pub goal: Option<String>,
    pub consent: bool,
    pub pre_group_on: Option<Date>,
    pub parent_session_on: Option<Date>,
    pub baseline_response_id: Option<Id>,
    pub sessions_attended: u32,
    pub added_at: Timestamp,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupSessionRow {
    pub id: Id,
    pub number: u32,
    pub phase: String,
    pub held_on: Date,
    pub group_note: Option<String>,
    pub task: Option<String>,
    pub agenda_done: Vec<u32>,
    pub recorded_by: Id,
    pub attended: u32,
    pub absent: u32,
}

/// One member's line in one meeting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttendanceRow {
    pub session_id: Id,
    pub client_id: Id,
    pub attended: bool,
    pub note: Option<String>,
}

/// A group with everything its page shows.
#[derive(Clone, Debug)]
pub struct GroupDetail {
    pub group: GroupRow,
    pub facilitators: Vec<Facilitator>,
    pub members: Vec<Member>,
    pub sessions: Vec<GroupSessionRow>,
    pub attendance: Vec<AttendanceRow>,
}

/// One member's attendance and note as recorded at a meeting.
#[derive(Clone, Debug)]
pub struct NewAttendance {
    pub client_id: Id,
    pub attended: bool,
    pub note: Option<String>,
}

#[derive(Clone, Debug)]
pub struct NewGroupSession {
    pub group_id: Id,
    /// The number the caller computed (held + 1); refused if another meeting
    /// was recorded meanwhile.
    pub number: u32,
    pub phase: String,
    pub held_on: Date,
    pub group_note: Option<String>,
    pub task: Option<String>,
    pub agenda_done: Vec<u32>,
    pub recorded_by: Id,
    pub attendance: Vec<NewAttendance>,
}

/// What the pre-group session recorded for one member.
#[derive(Clone, Debug)]
pub struct PreGroup {
    pub problem_areas: Vec<String>,
    pub goal: String,
    pub consent: bool,
    pub held_on: Date,
    pub parent_session_on: Option<Date>,
}

#[derive(Clone, Debug)]
pub struct NewScreening {
    pub client_id: Id,
    pub site_id: Option<Id>,
    pub protocol_id: String,
    pub total: Option<i64>,
    pub risk_positive: bool,
    pub outcome: ScreeningOutcome,
    pub note: Option<String>,
    pub screened_by: Id,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScreeningRow {
    pub id: Id,
    pub client_id: Id,
    pub site_id: Option<Id>,
    pub protocol_id: String,
    pub response_id: Id,
    pub total: Option<i64>,
    pub risk_positive: bool,
    pub outcome: ScreeningOutcome,
    pub note: Option<String>,
    pub screened_by: Id,
    pub screened_at: Timestamp,
}

/// A person in the funnel: their latest screening and latest group membership.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FunnelRow {
    pub client_id: Id,
    pub display_name: String,
    pub site_id: Option<Id>,
    pub screening: Option<ScreeningOutcome>,
    pub screened_by: Option<Id>,
    pub group_id: Option<Id>,
    pub protocol_id: Option<String>,
    pub member_status: Option<MemberStatus>,
    pub attended: u32,
}

/// A client's membership, for their own record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Membership {
    pub group_id: Id,
    pub group_name: String,
    pub protocol_id: String,
    pub status: MemberStatus,
    pub status_reason: Option<String>,
    pub problem_areas: Vec<String>,
    pub goal: Option<String>,
    pub sessions_attended: u32,
    pub sessions_held: u32,
    pub planned_sessions: u32,
    pub added_at: Timestamp,
}

/// A member's score on the group's measure, with the meeting it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberScore {
    pub client_id: Id,
    pub response_id: Id,
    pub instrument_id: String,
    pub total: Option<i64>,
    pub completed_at: Timestamp,
    pub group_session_id: Option<Id>,
}

fn bad(col: &str, v: &str) -> StoreError {
    StoreError::Invalid(format!("corrupt {col} in database: {v:?}"))
}

fn date_col(row: &sqlx::any::AnyRow, col: &str) -> Result<Date> {
    let s: String = row.col(col)?;
    parse_date(&s).ok_or_else(|| bad(col, &s))
}

fn opt_date_col(row: &sqlx::any::AnyRow, col: &str) -> Result<Option<Date>> {
    match row.col::<Option<String>>(col)? {
        Some(s) => parse_date(&s).map(Some).ok_or_else(|| bad(col, &s)),
        None => Ok(None),
    }
}

fn json_list<T: serde::de::DeserializeOwned>(row: &sqlx::any::AnyRow, col: &str) -> Result<Vec<T>> {
    let s: String = row.col(col)?;
    serde_json::from_str(&s).map_err(|_| bad(col, &s))
}

fn to_json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).expect("serialisable")
}

fn count(row: &sqlx::any::AnyRow, col: &str) -> Result<u32> {
    Ok(row.col::<i64>(col)?.max(0) as u32)
}

const GROUP_COLUMNS: &str = "g.id, g.name, g.site_id, s.name AS site_name, g.protocol_id, g.planned_sessions, \
     g.start_date, g.meeting_time, g.single_gender, g.closed_at, g.created_by, g.created_at, \
     (SELECT COUNT(*) FROM group_sessions gs WHERE gs.group_id = g.id) AS sessions_held, \
     (SELECT COUNT(*) FROM group_members m WHERE m.group_id = g.id \
        AND m.status IN ('awaiting_pre_group', 'pre_group_done', 'active')) AS current_members, \
     (SELECT COUNT(*) FROM group_members m WHERE m.group_id = g.id) AS member_count";

fn group_from_row(r: &sqlx::any::AnyRow) -> Result<GroupRow> {
    Ok(GroupRow {
        id: Id::from_db(r.col("id")?),
        name: r.col("name")?,
        site_id: r.col::<Option<String>>("site_id")?.map(Id::from_db),
        site_name: r.col("site_name")?,
        protocol_id: r.col("protocol_id")?,
        planned_sessions: count(r, "planned_sessions")?,
        start_date: date_col(r, "start_date")?,
        meeting_time: r.col("meeting_time")?,
        single_gender: r.col::<i64>("single_gender")? != 0,
        closed_at: opt_ts(r.col("closed_at")?),
        created_by: Id::from_db(r.col("created_by")?),
        created_at: ts(&r.col::<String>("created_at")?),
        sessions_held: count(r, "sessions_held")?,
        current_members: count(r, "current_members")?,
        members: count(r, "member_count")?,
    })
}

fn site_from_row(r: &sqlx::any::AnyRow) -> Result<Site> {
    Ok(Site {
        id: Id::from_db(r.col("id")?),
        name: r.col("name")?,
        kind: r.col("kind")?,
        created_at: ts(&r.col::<String>("created_at")?),
    })
}

fn member_status(s: &str) -> Result<MemberStatus> {
    MemberStatus::parse(s).ok_or_else(|| bad("status", s))
}

const MEMBER_COLUMNS: &str = "m.client_id, c.display_name, m.status, m.status_reason, m.problem_areas, m.goal, \
     m.consent, m.pre_group_on, m.parent_session_on, m.baseline_response_id, m.added_at, \
     (SELECT COUNT(*) FROM group_attendance a JOIN group_sessions gs ON gs.id = a.session_id \
        WHERE gs.group_id = m.group_id AND a.client_id = m.client_id AND a.attended = 1) AS attended";

fn member_from_row(r: &sqlx::any::AnyRow) -> Result<Member> {
    Ok(Member {
        client_id: Id::from_db(r.col("client_id")?),
        display_name: r.col("display_name")?,
        status: member_status(&r.col::<String>("status")?)?,
        status_reason: r.col("status_reason")?,
        problem_areas: json_list(r, "problem_areas")?,
        goal: r.col("goal")?,
        consent: r.col::<i64>("consent")? != 0,
        pre_group_on: opt_date_col(r, "pre_group_on")?,
        parent_session_on: opt_date_col(r, "parent_session_on")?,
        baseline_response_id: r.col::<Option<String>>("baseline_response_id")?.map(Id::from_db),
        sessions_attended: count(r, "attended")?,
        added_at: ts(&r.col::<String>("added_at")?),
    })
}

/// Puts each of `users` on `client`'s care team (not as responsible), if not there yet.
async fn join_care_team(tx: &mut Transaction<'static, Any>, client: &Id, users: &[Id], now: Timestamp) -> Result<()> {
    for u in users {
        sqlx::query(
            "INSERT INTO care_team (client_id, user_id, responsible, added_at) VALUES ($1, $2, 0, $3) \
             ON CONFLICT (client_id, user_id) DO NOTHING",
        )
        .bind(client.as_str())
        .bind(u.as_str())
        .bind(now.to_db())
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

async fn facilitator_ids(tx: &mut Transaction<'static, Any>, group: &Id) -> Result<Vec<Id>> {
    let rows = sqlx::query("SELECT user_id FROM group_facilitators WHERE group_id = $1 ORDER BY user_id")
        .bind(group.as_str())
        .fetch_all(&mut **tx)
        .await?;
    rows.iter().map(|r| Ok(Id::from_db(r.col("user_id")?))).collect()
}

/// Rebuilds `supervision_reach` from `supervision`: everyone each supervisor
/// reaches down a chain of supervision (cycles are harmless: each pair once).
pub(crate) async fn refresh_reach(tx: &mut Transaction<'static, Any>) -> Result<()> {
    let rows = sqlx::query("SELECT supervisor_id, clinician_id FROM supervision").fetch_all(&mut **tx).await?;
    let mut edges: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for r in &rows {
        edges.entry(r.col("supervisor_id")?).or_default().push(r.col("clinician_id")?);
    }
    let before = reach_pairs(tx).await?;
    sqlx::query("DELETE FROM supervision_reach").execute(&mut **tx).await?;
    for top in edges.keys() {
        let mut seen = std::collections::BTreeSet::new();
        let mut stack: Vec<&String> = edges[top].iter().collect();
        while let Some(u) = stack.pop() {
            if u == top || !seen.insert(u.clone()) {
                continue;
            }
            stack.extend(edges.get(u).into_iter().flatten());
        }
        for u in seen {
            sqlx::query("INSERT INTO supervision_reach (supervisor_id, clinician_id) VALUES ($1, $2)")
                .bind(top)
                .bind(&u)
                .execute(&mut **tx)
                .await?;
        }
    }
    // The supervisors who now reach someone else see another caseload.
    let after = reach_pairs(tx).await?;
    let changed = before.symmetric_difference(&after).map(|(supervisor, _)| supervisor.clone()).collect();
    crate::list_refresh::refresh_viewers(tx, &changed).await?;
    Ok(())
}

/// Every (supervisor, clinician) pair of `supervision_reach`.
async fn reach_pairs(tx: &mut Transaction<'static, Any>) -> Result<std::collections::BTreeSet<(String, String)>> {
    let rows = sqlx::query("SELECT supervisor_id, clinician_id FROM supervision_reach").fetch_all(&mut **tx).await?;
    rows.iter().map(|r| Ok((r.col("supervisor_id")?, r.col("clinician_id")?))).collect()
}

impl Store {
    #[crate::boxing::boxed_future]
    pub async fn create_site(&self, name: &str, kind: Option<&str>, mut event: AuditEvent) -> Result<Site> {
        let mut tx = self.begin_write().await?;
        let taken = sqlx::query("SELECT 1 AS one FROM sites WHERE LOWER(name) = LOWER($1)")
            .bind(name)
            .fetch_optional(&mut *tx)
            .await?;
        if taken.is_some() {
            return Err(StoreError::Invalid(format!("a site named {name:?} already exists")));
        }
        let site = Site { id: Id::new(), name: name.into(), kind: kind.map(Into::into), created_at: Timestamp::now() };
        sqlx::query("INSERT INTO sites (id, name, kind, created_at) VALUES ($1, $2, $3, $4)")
            .bind(site.id.as_str())
            .bind(&site.name)
            .bind(site.kind.clone())
            .bind(site.created_at.to_db())
            .execute(&mut *tx)
            .await?;
        event.resource_id = Some(site.id.to_string());
        audit::commit(tx, event, site.created_at).await?;
        Ok(site)
    }

    #[crate::boxing::boxed_future]
    pub async fn sites(&self) -> Result<Vec<Site>> {
        let rows =
            sqlx::query("SELECT id, name, kind, created_at FROM sites ORDER BY name, id").fetch_all(&self.read).await?;
        rows.iter().map(site_from_row).collect()
    }

    #[crate::boxing::boxed_future]
    pub async fn site(&self, id: &Id) -> Result<Option<Site>> {
        let row = sqlx::query("SELECT id, name, kind, created_at FROM sites WHERE id = $1")
            .bind(id.as_str())
            .fetch_optional(&self.read)
            .await?;
        row.as_ref().map(site_from_row).transpose()
    }

    /// The site a staff member works at (a facilitator registers clients there).
    #[crate::boxing::boxed_future]
    pub async fn set_user_site(&self, user: &Id, site: Option<&Id>, event: AuditEvent) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE users SET site_id = $1 WHERE id = $2")
            .bind(site.map(|s| s.as_str().to_string()))
            .bind(user.as_str())
            .execute(&mut *tx)
            .await?;
        audit::commit(tx, event, Timestamp::now()).await
    }

    /// Adds one supervision link (keeping the others), with its audit entry.
    #[crate::boxing::boxed_future]
    pub async fn add_supervision(&self, supervisor: &Id, supervisee: &Id, event: AuditEvent) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO supervision (supervisor_id, clinician_id, created_at) VALUES ($1, $2, $3) \
             ON CONFLICT (supervisor_id, clinician_id) DO NOTHING",
        )
        .bind(supervisor.as_str())
        .bind(supervisee.as_str())
        .bind(Timestamp::now().to_db())
        .execute(&mut *tx)
        .await?;
        refresh_reach(&mut tx).await?;
        audit::commit(tx, event, Timestamp::now()).await
    }

    /// The active people who directly supervise `user`.
    #[crate::boxing::boxed_future]
    pub async fn active_supervisors_of(&self, user: &Id) -> Result<Vec<Id>> {
        let rows = sqlx::query(
            "SELECT s.supervisor_id FROM supervision s JOIN users u ON u.id = s.supervisor_id \
             WHERE s.clinician_id = $1 AND u.active = 1 ORDER BY s.supervisor_id",
        )
        .bind(user.as_str())
        .fetch_all(&self.read)
        .await?;
        rows.iter().map(|r| Ok(Id::from_db(r.col("supervisor_id")?))).collect()
    }

    /// Everyone `supervisor` supervises, directly or down a chain.
    #[crate::boxing::boxed_future]
    pub async fn supervision_reach(&self, supervisor: &Id) -> Result<Vec<Id>> {
        let rows =
            sqlx::query("SELECT clinician_id FROM supervision_reach WHERE supervisor_id = $1 ORDER BY clinician_id")
                .bind(supervisor.as_str())
                .fetch_all(&self.read)
                .await?;
        rows.iter().map(|r| Ok(Id::from_db(r.col("clinician_id")?))).collect()
    }

    #[crate::boxing::boxed_future]
    pub async fn create_group(&self, g: &NewGroup, mut event: AuditEvent) -> Result<GroupRow> {
        let id = Id::new();
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO therapy_groups (id, name, site_id, protocol_id, planned_sessions, start_date, meeting_time, \
             single_gender, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)",
        )
        .bind(id.as_str())
        .bind(&g.name)
        .bind(g.site_id.as_ref().map(|s| s.as_str().to_string()))
        .bind(&g.protocol_id)
        .bind(g.planned_sessions as i64)
        .bind(format_date(g.start_date))
        .bind(g.meeting_time.clone())
        .bind(g.single_gender as i64)
        .bind(g.created_by.as_str())
        .bind(now.to_db())
        .execute(&mut *tx)
        .await?;
        for f in &g.facilitators {
            sqlx::query("INSERT INTO group_facilitators (group_id, user_id) VALUES ($1, $2)")
                .bind(id.as_str())
                .bind(f.as_str())
                .execute(&mut *tx)
                .await?;
        }
        event.resource_id = Some(id.to_string());
        audit::append(&mut tx, event, now).await?;
        let row = fetch_group(&mut tx, &id).await?.ok_or(StoreError::NotFound)?;
        tx.commit().await?;
        Ok(row)
    }

    /// Groups `user` runs or supervises (down the chain), or every group when `all`.
    #[crate::boxing::boxed_future]
    pub async fn groups_for(&self, user: &Id, all: bool) -> Result<Vec<GroupRow>> {
        let sql = format!(
            "SELECT {GROUP_COLUMNS} FROM therapy_groups g LEFT JOIN sites s ON s.id = g.site_id \
             WHERE $2 = 1 OR g.created_by = $1 OR EXISTS (SELECT 1 FROM group_facilitators f WHERE f.group_id = g.id \
               AND (f.user_id = $1 OR f.user_id IN (SELECT r.clinician_id FROM supervision_reach r \
                 WHERE r.supervisor_id = $1))) \
             ORDER BY g.closed_at IS NOT NULL, g.start_date DESC, g.name, g.id"
        );
        let rows = sqlx::query(&sql).bind(user.as_str()).bind(all as i64).fetch_all(&self.read).await?;
        rows.iter().map(group_from_row).collect()
    }

    /// A group with its facilitators, members, meetings and attendance.
    #[crate::boxing::boxed_future]
    pub async fn group(&self, id: &Id) -> Result<Option<GroupDetail>> {
        let mut conn = self.read.acquire().await?;
        let sql = format!(
            "SELECT {GROUP_COLUMNS} FROM therapy_groups g LEFT JOIN sites s ON s.id = g.site_id WHERE g.id = $1"
        );
        let Some(row) = sqlx::query(&sql).bind(id.as_str()).fetch_optional(&mut *conn).await? else {
            return Ok(None);
        };
        let group = group_from_row(&row)?;
        let facilitators = sqlx::query(
            "SELECT u.id, u.name, u.active FROM group_facilitators f JOIN users u ON u.id = f.user_id \
             WHERE f.group_id = $1 ORDER BY u.name, u.id",
        )
        .bind(id.as_str())
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| {
            Ok(Facilitator {
                id: Id::from_db(r.col("id")?),
                name: r.col("name")?,
                active: r.col::<i64>("active")? != 0,
            })
        })
        .collect::<Result<Vec<_>>>()?;
        let sql = format!(
            "SELECT {MEMBER_COLUMNS} FROM group_members m JOIN clients c ON c.id = m.client_id \
             WHERE m.group_id = $1 ORDER BY c.sort_name, c.id"
        );
        let members = sqlx::query(&sql)
            .bind(id.as_str())
            .fetch_all(&mut *conn)
            .await?
            .iter()
            .map(member_from_row)
            .collect::<Result<Vec<_>>>()?;
        let sessions = sqlx::query(
            "SELECT gs.id, gs.number, gs.phase, gs.held_on, gs.group_note, gs.task, gs.agenda_done, gs.recorded_by, \
             (SELECT COUNT(*) FROM group_attendance a WHERE a.session_id = gs.id AND a.attended = 1) AS present, \
             (SELECT COUNT(*) FROM group_attendance a WHERE a.session_id = gs.id AND a.attended = 0) AS away \
             FROM group_sessions gs WHERE gs.group_id = $1 ORDER BY gs.number",
        )
        .bind(id.as_str())
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| {
            Ok(GroupSessionRow {
                id: Id::from_db(r.col("id")?),
                number: count(r, "number")?,
                phase: r.col("phase")?,
                held_on: date_col(r, "held_on")?,
                group_note: r.col("group_note")?,
                task: r.col("task")?,
                agenda_done: json_list(r, "agenda_done")?,
                recorded_by: Id::from_db(r.col("recorded_by")?),
                attended: count(r, "present")?,
                absent: count(r, "away")?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
        let attendance = sqlx::query(
            "SELECT a.session_id, a.client_id, a.attended, a.note FROM group_attendance a \
             JOIN group_sessions gs ON gs.id = a.session_id WHERE gs.group_id = $1 ORDER BY gs.number, a.client_id",
        )
        .bind(id.as_str())
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| {
            Ok(AttendanceRow {
                session_id: Id::from_db(r.col("session_id")?),
                client_id: Id::from_db(r.col("client_id")?),
                attended: r.col::<i64>("attended")? != 0,
                note: r.col("note")?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
        Ok(Some(GroupDetail { group, facilitators, members, sessions, attendance }))
    }

    /// Whether `user` supervises (down the chain) any of `staff`.
    #[crate::boxing::boxed_future]
    pub async fn reaches_any(&self, user: &Id, staff: &[Id]) -> Result<bool> {
        let reach = self.supervision_reach(user).await?;
        Ok(staff.iter().any(|s| reach.contains(s)))
    }

    /// Adds a member (status: pre-group to do) if the group has fewer than
    /// `max_size` current members, and puts its facilitators on the client's
    /// care team. Errors: `Invalid` when full or already a member.
    #[crate::boxing::boxed_future]
    pub async fn add_group_member(&self, group: &Id, client: &Id, max_size: u32, event: AuditEvent) -> Result<()> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        let current: i64 = sqlx::query(
            "SELECT COUNT(*) AS n FROM group_members WHERE group_id = $1 \
             AND status IN ('awaiting_pre_group', 'pre_group_done', 'active')",
        )
        .bind(group.as_str())
        .fetch_one(&mut *tx)
        .await?
        .col("n")?;
        if current >= max_size as i64 {
            return Err(StoreError::Invalid(format!(
                "the group is full: it has {current} of at most {max_size} members"
            )));
        }
        let already = sqlx::query("SELECT 1 AS one FROM group_members WHERE group_id = $1 AND client_id = $2")
            .bind(group.as_str())
            .bind(client.as_str())
            .fetch_optional(&mut *tx)
            .await?;
        if already.is_some() {
            return Err(StoreError::Invalid("this person is already a member of the group".into()));
        }
        sqlx::query(
            "INSERT INTO group_members (group_id, client_id, status, problem_areas, consent, added_at, updated_at) \
             VALUES ($1, $2, 'awaiting_pre_group', '[]', 0, $3, $3)",
        )
        .bind(group.as_str())
        .bind(client.as_str())
        .bind(now.to_db())
        .execute(&mut *tx)
        .await?;
        let facilitators = facilitator_ids(&mut tx, group).await?;
        join_care_team(&mut tx, client, &facilitators, now).await?;
        audit::commit(tx, event, now).await
    }

    /// Records a member's pre-group session (and its baseline response, if
    /// given, through the one response path) in one transaction.
    #[crate::boxing::boxed_future]
    pub async fn record_pre_group(
        &self,
        group: &Id,
        client: &Id,
        pre: &PreGroup,
        baseline: Option<(NewResponse, AuditEvent)>,
        event: AuditEvent,
    ) -> Result<Option<RecordedResponse>> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        let recorded = match baseline {
            Some((r, e)) => Some(record_in(&mut tx, &r, e, now).await?),
            None => None,
        };
        let n = sqlx::query(
            "UPDATE group_members SET problem_areas = $3, goal = $4, consent = $5, pre_group_on = $6, \
             parent_session_on = $7, baseline_response_id = COALESCE($8, baseline_response_id), \
             status = CASE WHEN status = 'awaiting_pre_group' THEN 'pre_group_done' ELSE status END, updated_at = $9 \
             WHERE group_id = $1 AND client_id = $2",
        )
        .bind(group.as_str())
        .bind(client.as_str())
        .bind(to_json(&pre.problem_areas))
        .bind(&pre.goal)
        .bind(pre.consent as i64)
        .bind(format_date(pre.held_on))
        .bind(pre.parent_session_on.map(format_date))
        .bind(recorded.as_ref().map(|r| r.id.as_str().to_string()))
        .bind(now.to_db())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        audit::append(&mut tx, event, now).await?;
        tx.commit().await?;
        Ok(recorded)
    }

    #[crate::boxing::boxed_future]
    pub async fn set_member_status(
        &self,
        group: &Id,
        client: &Id,
        status: MemberStatus,
        reason: Option<&str>,
        event: AuditEvent,
    ) -> Result<()> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        let n = sqlx::query(
            "UPDATE group_members SET status = $3, status_reason = $4, updated_at = $5 \
             WHERE group_id = $1 AND client_id = $2",
        )
        .bind(group.as_str())
        .bind(client.as_str())
        .bind(status.as_str())
        .bind(reason)
        .bind(now.to_db())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        audit::commit(tx, event, now).await
    }

    /// Closes a group: members still in it are marked completed.
    #[crate::boxing::boxed_future]
    pub async fn close_group(&self, group: &Id, event: AuditEvent) -> Result<()> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE therapy_groups SET closed_at = $2, updated_at = $2 WHERE id = $1 AND closed_at IS NULL")
            .bind(group.as_str())
            .bind(now.to_db())
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "UPDATE group_members SET status = 'completed', updated_at = $2 WHERE group_id = $1 \
             AND status IN ('pre_group_done', 'active')",
        )
        .bind(group.as_str())
        .bind(now.to_db())
        .execute(&mut *tx)
        .await?;
        audit::commit(tx, event, now).await
    }

    /// Records a meeting: the session row, each member's attendance and
    /// note, and every response (each with its risk flag, notification and
    /// audit entries, exactly as the one response path stores it), all in
    /// one transaction. Members who attended move on to active. `Conflict`
    /// when another meeting took this number meanwhile.
    #[crate::boxing::boxed_future]
    pub async fn record_group_session(
        &self,
        s: &NewGroupSession,
        responses: Vec<(NewResponse, AuditEvent)>,
        mut event: AuditEvent,
        notices: &[crate::outbox::Notice],
    ) -> Result<(Id, Vec<RecordedResponse>)> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        let held: i64 = sqlx::query("SELECT COUNT(*) AS n FROM group_sessions WHERE group_id = $1")
            .bind(s.group_id.as_str())
            .fetch_one(&mut *tx)
            .await?
            .col("n")?;
        if held + 1 != s.number as i64 {
            return Err(StoreError::Conflict);
        }
        let id = Id::new();
        sqlx::query(
            "INSERT INTO group_sessions (id, group_id, number, phase, held_on, group_note, task, agenda_done, \
             recorded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(id.as_str())
        .bind(s.group_id.as_str())
        .bind(s.number as i64)
        .bind(&s.phase)
        .bind(format_date(s.held_on))
        .bind(s.group_note.clone())
        .bind(s.task.clone())
        .bind(to_json(&s.agenda_done))
        .bind(s.recorded_by.as_str())
        .bind(now.to_db())
        .execute(&mut *tx)
        .await?;
        for a in &s.attendance {
            sqlx::query("INSERT INTO group_attendance (session_id, client_id, attended, note) VALUES ($1, $2, $3, $4)")
                .bind(id.as_str())
                .bind(a.client_id.as_str())
                .bind(a.attended as i64)
                .bind(a.note.clone())
                .execute(&mut *tx)
                .await?;
            if a.attended {
                sqlx::query(
                    "UPDATE group_members SET status = 'active', updated_at = $3 WHERE group_id = $1 \
                     AND client_id = $2 AND status IN ('awaiting_pre_group', 'pre_group_done')",
                )
                .bind(s.group_id.as_str())
                .bind(a.client_id.as_str())
                .bind(now.to_db())
                .execute(&mut *tx)
                .await?;
            }
        }
        let mut recorded = Vec::with_capacity(responses.len());
        for (mut r, e) in responses {
            r.group_session_id = Some(id.clone());
            recorded.push(record_in(&mut tx, &r, e, now).await?);
        }
        crate::outbox::queue_notices(&mut tx, notices, now).await?;
        event.resource_id = Some(id.to_string());
        audit::append(&mut tx, event, now).await?;
        tx.commit().await?;
        Ok((id, recorded))
    }

    /// Every member's scores on `instrument` given at this group's meetings
    /// or as their pre-group baseline, oldest first.
    #[crate::boxing::boxed_future]
    pub async fn group_member_scores(&self, group: &Id) -> Result<Vec<MemberScore>> {
        let rows = sqlx::query(
            "SELECT r.id, r.client_id, r.instrument_id, r.total, r.completed_at, r.group_session_id \
             FROM measure_responses r WHERE r.group_session_id IN (SELECT id FROM group_sessions WHERE group_id = $1) \
             OR r.id IN (SELECT baseline_response_id FROM group_members WHERE group_id = $1) \
             ORDER BY r.completed_at, r.id",
        )
        .bind(group.as_str())
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(MemberScore {
                    client_id: Id::from_db(r.col("client_id")?),
                    response_id: Id::from_db(r.col("id")?),
                    instrument_id: r.col("instrument_id")?,
                    total: r.col("total")?,
                    completed_at: ts(&r.col::<String>("completed_at")?),
                    group_session_id: r.col::<Option<String>>("group_session_id")?.map(Id::from_db),
                })
            })
            .collect()
    }

    /// The groups a client has been in, newest first.
    #[crate::boxing::boxed_future]
    pub async fn client_groups(&self, client: &Id) -> Result<Vec<Membership>> {
        let rows = sqlx::query(
            "SELECT g.id, g.name, g.protocol_id, g.planned_sessions, m.status, m.status_reason, m.problem_areas, \
             m.goal, m.added_at, \
             (SELECT COUNT(*) FROM group_sessions gs WHERE gs.group_id = g.id) AS held, \
             (SELECT COUNT(*) FROM group_attendance a JOIN group_sessions gs ON gs.id = a.session_id \
                WHERE gs.group_id = g.id AND a.client_id = m.client_id AND a.attended = 1) AS attended \
             FROM group_members m JOIN therapy_groups g ON g.id = m.group_id WHERE m.client_id = $1 \
             ORDER BY m.added_at DESC, g.id",
        )
        .bind(client.as_str())
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Membership {
                    group_id: Id::from_db(r.col("id")?),
                    group_name: r.col("name")?,
                    protocol_id: r.col("protocol_id")?,
                    status: member_status(&r.col::<String>("status")?)?,
                    status_reason: r.col("status_reason")?,
                    problem_areas: json_list(r, "problem_areas")?,
                    goal: r.col("goal")?,
                    sessions_attended: count(r, "attended")?,
                    sessions_held: count(r, "held")?,
                    planned_sessions: count(r, "planned_sessions")?,
                    added_at: ts(&r.col::<String>("added_at")?),
                })
            })
            .collect()
    }

    /// Stores a screening and its response (through the one response path) together.
    #[crate::boxing::boxed_future]
    pub async fn record_screening(
        &self,
        s: &NewScreening,
        response: (NewResponse, AuditEvent),
        mut event: AuditEvent,
    ) -> Result<(Id, RecordedResponse)> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        let recorded = record_in(&mut tx, &response.0, response.1, now).await?;
        let id = Id::new();
        sqlx::query(
            "INSERT INTO screenings (id, client_id, site_id, protocol_id, response_id, total, risk_positive, outcome, \
             note, screened_by, screened_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(id.as_str())
        .bind(s.client_id.as_str())
        .bind(s.site_id.as_ref().map(|x| x.as_str().to_string()))
        .bind(&s.protocol_id)
        .bind(recorded.id.as_str())
        .bind(s.total)
        .bind(s.risk_positive as i64)
        .bind(s.outcome.as_str())
        .bind(s.note.clone())
        .bind(s.screened_by.as_str())
        .bind(response.0.completed_at.to_db())
        .execute(&mut *tx)
        .await?;
        event.resource_id = Some(id.to_string());
        event.client_id = Some(s.client_id.to_string());
        audit::append(&mut tx, event, now).await?;
        tx.commit().await?;
        Ok((id, recorded))
    }

    /// A client's screenings, newest first.
    #[crate::boxing::boxed_future]
    pub async fn client_screenings(&self, client: &Id) -> Result<Vec<ScreeningRow>> {
        let rows = sqlx::query(
            "SELECT id, client_id, site_id, protocol_id, response_id, total, risk_positive, outcome, note, \
             screened_by, screened_at FROM screenings WHERE client_id = $1 ORDER BY screened_at DESC, id DESC",
        )
        .bind(client.as_str())
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|r| {
                let outcome: String = r.col("outcome")?;
                Ok(ScreeningRow {
                    id: Id::from_db(r.col("id")?),
                    client_id: Id::from_db(r.col("client_id")?),
                    site_id: r.col::<Option<String>>("site_id")?.map(Id::from_db),
                    protocol_id: r.col("protocol_id")?,
                    response_id: Id::from_db(r.col("response_id")?),
                    total: r.col("total")?,
                    risk_positive: r.col::<i64>("risk_positive")? != 0,
                    outcome: ScreeningOutcome::parse(&outcome).ok_or_else(|| bad("outcome", &outcome))?,
                    note: r.col("note")?,
                    screened_by: Id::from_db(r.col("screened_by")?),
                    screened_at: ts(&r.col::<String>("screened_at")?),
                })
            })
            .collect()
    }

    /// Everyone screened or in a group whom `user` may see (their care
    /// teams and those of everyone they supervise down the chain), with
    /// their latest screening and latest membership.
    #[crate::boxing::boxed_future]
    pub async fn funnel_rows(&self, user: &Id) -> Result<Vec<FunnelRow>> {
        let rows = sqlx::query(
            "SELECT c.id, c.display_name, c.site_id, sc.outcome, sc.screened_by, m.group_id, g.protocol_id, \
             m.status, \
             (SELECT COUNT(*) FROM group_attendance a JOIN group_sessions gs ON gs.id = a.session_id \
                WHERE gs.group_id = m.group_id AND a.client_id = c.id AND a.attended = 1) AS attended \
             FROM (SELECT t.client_id FROM care_team t WHERE t.user_id = $1 \
                   UNION SELECT t.client_id FROM care_team t JOIN supervision_reach r ON r.clinician_id = t.user_id \
                   WHERE r.supervisor_id = $1) mine \
             JOIN clients c ON c.id = mine.client_id \
             LEFT JOIN screenings sc ON sc.id = (SELECT s2.id FROM screenings s2 WHERE s2.client_id = c.id \
                ORDER BY s2.screened_at DESC, s2.id DESC LIMIT 1) \
             LEFT JOIN group_members m ON m.client_id = c.id AND m.group_id = (SELECT m2.group_id FROM group_members m2 \
                WHERE m2.client_id = c.id ORDER BY m2.added_at DESC, m2.group_id DESC LIMIT 1) \
             LEFT JOIN therapy_groups g ON g.id = m.group_id \
             WHERE sc.id IS NOT NULL OR m.group_id IS NOT NULL \
             ORDER BY c.sort_name, c.id",
        )
        .bind(user.as_str())
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|r| {
                let outcome: Option<String> = r.col("outcome")?;
                let status: Option<String> = r.col("status")?;
                Ok(FunnelRow {
                    client_id: Id::from_db(r.col("id")?),
                    display_name: r.col("display_name")?,
                    site_id: r.col::<Option<String>>("site_id")?.map(Id::from_db),
                    screening: match outcome {
                        Some(o) => Some(ScreeningOutcome::parse(&o).ok_or_else(|| bad("outcome", &o))?),
                        None => None,
                    },
                    screened_by: r.col::<Option<String>>("screened_by")?.map(Id::from_db),
                    group_id: r.col::<Option<String>>("group_id")?.map(Id::from_db),
                    protocol_id: r.col("protocol_id")?,
                    member_status: status.as_deref().map(member_status).transpose()?,
                    attended: count(r, "attended")?,
                })
            })
            .collect()
    }

    /// Facilitators of each group, as (group, user) pairs, for the funnel's
    /// per-facilitator counts.
    #[crate::boxing::boxed_future]
    pub async fn group_facilitator_pairs(&self) -> Result<Vec<(Id, Id)>> {
        let rows = sqlx::query("SELECT group_id, user_id FROM group_facilitators ORDER BY group_id, user_id")
            .fetch_all(&self.read)
            .await?;
        rows.iter().map(|r| Ok((Id::from_db(r.col("group_id")?), Id::from_db(r.col("user_id")?)))).collect()
    }
}

async fn fetch_group(tx: &mut Transaction<'static, Any>, id: &Id) -> Result<Option<GroupRow>> {
    let sql =
        format!("SELECT {GROUP_COLUMNS} FROM therapy_groups g LEFT JOIN sites s ON s.id = g.site_id WHERE g.id = $1");
    let row = sqlx::query(&sql).bind(id.as_str()).fetch_optional(&mut **tx).await?;
    row.as_ref().map(group_from_row).transpose()
}
