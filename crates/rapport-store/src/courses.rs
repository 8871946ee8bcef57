//! Courses of IPT: contract, status, contract/status events, the initial-phase
//! checklist and therapy sessions. Numbers and phases are not stored; they are
//! computed by `rapport_core::course` from the sessions each time.

use crate::row::Named;
use crate::{audit, ts, Result, Store, StoreError};
use rapport_core::audit::AuditEvent;
use rapport_core::course::{Attendance, CourseStatus, Modality, NewCourse, SessionSlot};
use rapport_core::protocol::{ChecklistItem, Frequency, Phase};
use rapport_core::time::{format_date, parse_date};
use rapport_core::{Id, Timestamp};
use time::Date;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CourseRecord {
    pub id: Id,
    pub client_id: Id,
    pub protocol_id: String,
    pub planned_sessions: u32,
    pub frequency: Frequency,
    pub session_minutes: u32,
    pub start_date: Date,
    pub planned_end_date: Date,
    pub status: CourseStatus,
    pub status_reason: Option<String>,
    pub group_id: Option<Id>,
    pub continues_course_id: Option<Id>,
    pub version: i64,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// A course as listed on a client page, with its held-session count.
#[derive(Clone, Debug)]
pub struct CourseSummary {
    pub course: CourseRecord,
    pub sessions_held: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CourseEvent {
    pub kind: String,
    pub old_value: Option<String>,
    pub new_value: String,
    pub reason: Option<String>,
    pub by_name: String,
    pub at: Timestamp,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChecklistEntry {
    pub item: ChecklistItem,
    pub done_on: Date,
    /// Item-specific detail: the diagnosis text, or the medication decision.
    pub detail: Option<String>,
    /// ICD-10/ICD-11 code for the diagnosis.
    pub code: Option<String>,
    pub note: Option<String>,
    pub recorded_by_name: String,
    pub recorded_at: Timestamp,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TherapySession {
    pub id: Id,
    pub course_id: Id,
    pub client_id: Id,
    pub date: Date,
    /// "HH:MM" or empty.
    pub time: String,
    pub modality: Modality,
    pub attendance: Attendance,
    pub duration_minutes: Option<u32>,
    /// The phase the clinician set for this session, and why (else computed).
    pub phase_override: Option<(Phase, String)>,
    pub version: i64,
    pub created_at: Timestamp,
    /// Who recorded it: the clinician whose session it is (fidelity ratings rate their work).
    pub created_by: Id,
    /// Brief IPT's engagement session: session 0, counted in no session count.
    pub engagement: bool,
}

impl TherapySession {
    /// Whether the session counts: held, and not the engagement session.
    pub fn counts(&self) -> bool {
        self.attendance.is_held() && !self.engagement
    }

    pub fn slot(&self) -> SessionSlot {
        SessionSlot {
            date: self.date,
            time: self.time.clone(),
            seq: self.id.as_str().to_string(),
            attendance: self.attendance,
            phase_override: self.phase_override.as_ref().map(|(p, _)| *p),
            engagement: self.engagement,
        }
    }
}

/// A validated session, ready to store (a core type, named here as before).
pub use rapport_core::course::NewTherapySession;

const COURSE_COLUMNS: &str = "id, client_id, protocol_id, planned_sessions, frequency, session_minutes, start_date, \
     planned_end_date, status, status_reason, group_id, continues_course_id, version, created_at, updated_at";

fn bad(what: &str, v: &str) -> StoreError {
    StoreError::Invalid(format!("corrupt {what} in database: {v:?}"))
}

fn date_col(row: &sqlx::any::AnyRow, col: &str) -> Result<Date> {
    let s: String = row.col(col)?;
    parse_date(&s).ok_or_else(|| bad(col, &s))
}

fn course_from_row(row: &sqlx::any::AnyRow) -> Result<CourseRecord> {
    let freq: String = row.col("frequency")?;
    let status: String = row.col("status")?;
    Ok(CourseRecord {
        id: Id::from_db(row.col("id")?),
        client_id: Id::from_db(row.col("client_id")?),
        protocol_id: row.col("protocol_id")?,
        planned_sessions: row.col::<i64>("planned_sessions")? as u32,
        frequency: Frequency::parse(&freq).ok_or_else(|| bad("frequency", &freq))?,
        session_minutes: row.col::<i64>("session_minutes")? as u32,
        start_date: date_col(row, "start_date")?,
        planned_end_date: date_col(row, "planned_end_date")?,
        status: CourseStatus::parse(&status).ok_or_else(|| bad("status", &status))?,
        status_reason: row.col("status_reason")?,
        group_id: row.col::<Option<String>>("group_id")?.map(Id::from_db),
        continues_course_id: row.col::<Option<String>>("continues_course_id")?.map(Id::from_db),
        version: row.col("version")?,
        created_at: ts(&row.col::<String>("created_at")?),
        updated_at: ts(&row.col::<String>("updated_at")?),
    })
}

pub(crate) const SESSION_COLUMNS: &str = "id, course_id, client_id, session_date, session_time, modality, attendance, \
     duration_minutes, phase_override, phase_override_reason, version, created_at, created_by, engagement";

pub(crate) fn session_from_row(row: &sqlx::any::AnyRow) -> Result<TherapySession> {
    let modality: String = row.col("modality")?;
    let attendance: String = row.col("attendance")?;
    Ok(TherapySession {
        id: Id::from_db(row.col("id")?),
        course_id: Id::from_db(row.col("course_id")?),
        client_id: Id::from_db(row.col("client_id")?),
        date: date_col(row, "session_date")?,
        time: row.col("session_time")?,
        modality: Modality::parse(&modality).ok_or_else(|| bad("modality", &modality))?,
        attendance: Attendance::parse(&attendance).ok_or_else(|| bad("attendance", &attendance))?,
        duration_minutes: row.col::<Option<i64>>("duration_minutes")?.map(|m| m as u32),
        phase_override: match row.col::<Option<String>>("phase_override")? {
            None => None,
            Some(p) => Some((
                Phase::parse(&p).ok_or_else(|| bad("phase_override", &p))?,
                row.col::<Option<String>>("phase_override_reason")?.unwrap_or_default(),
            )),
        },
        version: row.col("version")?,
        created_at: ts(&row.col::<String>("created_at")?),
        created_by: Id::from_db(row.col("created_by")?),
        engagement: row.col::<i64>("engagement")? != 0,
    })
}

/// The session after a versioned `UPDATE` that touched `updated` rows:
/// `NotFound` when it does not exist, `Conflict` when its version had moved on.
async fn session_after_update(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    id: &Id,
    updated: u64,
) -> Result<TherapySession> {
    let sql = format!("SELECT {SESSION_COLUMNS} FROM therapy_sessions WHERE id = $1");
    let row = sqlx::query(&sql).bind(id.as_str()).fetch_optional(&mut **tx).await?;
    let Some(row) = row else { return Err(StoreError::NotFound) };
    if updated == 0 {
        return Err(StoreError::Conflict);
    }
    session_from_row(&row)
}

async fn fetch_course(conn: &mut sqlx::AnyConnection, id: &Id) -> Result<Option<CourseRecord>> {
    let sql = format!("SELECT {COURSE_COLUMNS} FROM courses WHERE id = $1");
    let row = sqlx::query(&sql).bind(id.as_str()).fetch_optional(conn).await?;
    row.as_ref().map(course_from_row).transpose()
}

#[allow(clippy::too_many_arguments)]
async fn add_event(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    course: &Id,
    kind: &str,
    old: Option<String>,
    new: String,
    reason: Option<String>,
    by: &Id,
    at: Timestamp,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO course_events (id, course_id, kind, old_value, new_value, reason, by_user, at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(Id::new().as_str())
    .bind(course.as_str())
    .bind(kind)
    .bind(old)
    .bind(new)
    .bind(reason)
    .bind(by.as_str())
    .bind(at.to_db())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

impl Store {
    /// Creates a course for `client` (optionally continuing another course, for maintenance).
    #[crate::boxing::boxed_future]
    pub async fn create_course(
        &self,
        client: &Id,
        c: &NewCourse,
        continues: Option<&Id>,
        by: &Id,
        mut event: AuditEvent,
    ) -> Result<CourseRecord> {
        let id = Id::new();
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO courses (id, client_id, protocol_id, planned_sessions, frequency, session_minutes, start_date, \
             planned_end_date, status, continues_course_id, version, created_by, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11, $12, $12)",
        )
        .bind(id.as_str())
        .bind(client.as_str())
        .bind(c.protocol_id.clone())
        .bind(i64::from(c.planned_sessions))
        .bind(c.frequency.as_str())
        .bind(i64::from(c.session_minutes))
        .bind(format_date(c.start_date))
        .bind(format_date(c.planned_end_date))
        .bind(c.status.as_str())
        .bind(continues.map(|i| i.as_str().to_string()))
        .bind(by.as_str())
        .bind(now.to_db())
        .execute(&mut *tx)
        .await?;
        add_event(&mut tx, &id, "contract", None, c.planned_sessions.to_string(), None, by, now).await?;
        event.resource_id = Some(id.to_string());
        event.client_id = Some(client.to_string());
        audit::append(&mut tx, event, now).await?;
        let course = fetch_course(&mut tx, &id).await?.ok_or(StoreError::NotFound)?;
        tx.commit().await?;
        Ok(course)
    }

    #[crate::boxing::boxed_future]
    pub async fn course(&self, id: &Id) -> Result<Option<CourseRecord>> {
        let mut conn = self.read.acquire().await?;
        fetch_course(&mut conn, id).await
    }

    /// The open (planned or active) courses of several clients, with held
    /// counts: one query for a caseload page.
    #[crate::boxing::boxed_future]
    pub async fn open_courses_of(&self, clients: &[Id]) -> Result<Vec<CourseSummary>> {
        if clients.is_empty() {
            return Ok(Vec::new());
        }
        let marks: Vec<String> = (1..=clients.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT {COURSE_COLUMNS}, (SELECT COUNT(*) FROM therapy_sessions s \
             WHERE s.course_id = courses.id AND s.attendance = 'attended' AND s.engagement = 0) AS held \
             FROM courses WHERE status IN ('planned', 'active') AND client_id IN ({}) ORDER BY start_date, id",
            marks.join(", ")
        );
        let mut q = sqlx::query(&sql);
        for c in clients {
            q = q.bind(c.as_str());
        }
        let rows = q.fetch_all(&self.read).await?;
        rows.iter()
            .map(|r| Ok(CourseSummary { course: course_from_row(r)?, sessions_held: r.col::<i64>("held")? as u32 }))
            .collect()
    }

    /// Courses that continue `course` (its maintenance courses).
    #[crate::boxing::boxed_future]
    pub async fn continuing_courses(&self, course: &Id) -> Result<Vec<CourseRecord>> {
        let sql =
            format!("SELECT {COURSE_COLUMNS} FROM courses WHERE continues_course_id = $1 ORDER BY start_date, id");
        let rows = sqlx::query(&sql).bind(course.as_str()).fetch_all(&self.read).await?;
        rows.iter().map(course_from_row).collect()
    }

    /// A client's courses, newest first, each with its held-session count.
    #[crate::boxing::boxed_future]
    pub async fn client_courses(&self, client: &Id) -> Result<Vec<CourseSummary>> {
        let sql = format!(
            "SELECT {COURSE_COLUMNS}, (SELECT COUNT(*) FROM therapy_sessions s \
             WHERE s.course_id = courses.id AND s.attendance = 'attended' AND s.engagement = 0) AS held \
             FROM courses WHERE client_id = $1 ORDER BY start_date DESC, id DESC"
        );
        let rows = sqlx::query(&sql).bind(client.as_str()).fetch_all(&self.read).await?;
        rows.iter()
            .map(|r| Ok(CourseSummary { course: course_from_row(r)?, sessions_held: r.col::<i64>("held")? as u32 }))
            .collect()
    }

    /// Changes the contracted session count (a renegotiation), keeping the old
    /// count and the reason as an event; refuses a stale `expected_version`.
    #[allow(clippy::too_many_arguments)]
    #[crate::boxing::boxed_future]
    pub async fn renegotiate_course(
        &self,
        id: &Id,
        expected_version: Option<i64>,
        new_count: u32,
        new_end: Date,
        reason: &str,
        by: &Id,
        event: AuditEvent,
    ) -> Result<CourseRecord> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        let current = fetch_course(&mut tx, id).await?.ok_or(StoreError::NotFound)?;
        if expected_version.is_some_and(|v| v != current.version) {
            return Err(StoreError::Conflict);
        }
        sqlx::query(
            "UPDATE courses SET planned_sessions = $1, planned_end_date = $2, version = version + 1, updated_at = $3 \
             WHERE id = $4",
        )
        .bind(i64::from(new_count))
        .bind(format_date(new_end))
        .bind(now.to_db())
        .bind(id.as_str())
        .execute(&mut *tx)
        .await?;
        add_event(
            &mut tx,
            id,
            "contract",
            Some(current.planned_sessions.to_string()),
            new_count.to_string(),
            Some(reason.to_string()),
            by,
            now,
        )
        .await?;
        audit::append(&mut tx, event, now).await?;
        let course = fetch_course(&mut tx, id).await?.ok_or(StoreError::NotFound)?;
        tx.commit().await?;
        Ok(course)
    }

    /// Sets the course status (with a reason where one is needed), as an event.
    #[crate::boxing::boxed_future]
    pub async fn set_course_status(
        &self,
        id: &Id,
        status: CourseStatus,
        reason: Option<&str>,
        by: &Id,
        event: AuditEvent,
    ) -> Result<CourseRecord> {
        self.set_course_status_at(id, status, reason, by, event, Timestamp::now()).await
    }

    /// `set_course_status` as if done at `now`: for imports of past courses and the demo's history.
    #[crate::boxing::boxed_future]
    pub async fn set_course_status_at(
        &self,
        id: &Id,
        status: CourseStatus,
        reason: Option<&str>,
        by: &Id,
        event: AuditEvent,
        now: Timestamp,
    ) -> Result<CourseRecord> {
        let mut tx = self.begin_write().await?;
        let current = fetch_course(&mut tx, id).await?.ok_or(StoreError::NotFound)?;
        sqlx::query(
            "UPDATE courses SET status = $1, status_reason = $2, version = version + 1, updated_at = $3 WHERE id = $4",
        )
        .bind(status.as_str())
        .bind(reason.map(str::to_string))
        .bind(now.to_db())
        .bind(id.as_str())
        .execute(&mut *tx)
        .await?;
        add_event(
            &mut tx,
            id,
            "status",
            Some(current.status.as_str().to_string()),
            status.as_str().to_string(),
            reason.map(str::to_string),
            by,
            now,
        )
        .await?;
        audit::append(&mut tx, event, now).await?;
        let course = fetch_course(&mut tx, id).await?.ok_or(StoreError::NotFound)?;
        tx.commit().await?;
        Ok(course)
    }

    #[crate::boxing::boxed_future]
    pub async fn course_events(&self, id: &Id) -> Result<Vec<CourseEvent>> {
        let rows = sqlx::query(
            "SELECT e.kind, e.old_value, e.new_value, e.reason, u.name AS by_name, e.at \
             FROM course_events e JOIN users u ON u.id = e.by_user WHERE e.course_id = $1 ORDER BY e.at, e.id",
        )
        .bind(id.as_str())
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(CourseEvent {
                    kind: r.col("kind")?,
                    old_value: r.col("old_value")?,
                    new_value: r.col("new_value")?,
                    reason: r.col("reason")?,
                    by_name: r.col("by_name")?,
                    at: ts(&r.col::<String>("at")?),
                })
            })
            .collect()
    }

    /// Records (or re-records) a checklist item as done.
    #[allow(clippy::too_many_arguments)]
    #[crate::boxing::boxed_future]
    pub async fn record_checklist_item(
        &self,
        course: &Id,
        item: ChecklistItem,
        done_on: Date,
        detail: Option<String>,
        code: Option<String>,
        note: Option<String>,
        by: &Id,
        event: AuditEvent,
    ) -> Result<()> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM course_checklist WHERE course_id = $1 AND item = $2")
            .bind(course.as_str())
            .bind(item.as_str())
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO course_checklist (course_id, item, done_on, detail, code, note, recorded_by, recorded_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(course.as_str())
        .bind(item.as_str())
        .bind(format_date(done_on))
        .bind(detail)
        .bind(code)
        .bind(note)
        .bind(by.as_str())
        .bind(now.to_db())
        .execute(&mut *tx)
        .await?;
        audit::commit(tx, event, now).await?;
        Ok(())
    }

    /// Marks a checklist item as not done (it was ticked by mistake).
    #[crate::boxing::boxed_future]
    pub async fn clear_checklist_item(&self, course: &Id, item: ChecklistItem, event: AuditEvent) -> Result<()> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM course_checklist WHERE course_id = $1 AND item = $2")
            .bind(course.as_str())
            .bind(item.as_str())
            .execute(&mut *tx)
            .await?;
        audit::commit(tx, event, now).await?;
        Ok(())
    }

    #[crate::boxing::boxed_future]
    pub async fn checklist(&self, course: &Id) -> Result<Vec<ChecklistEntry>> {
        let rows = sqlx::query(
            "SELECT c.item, c.done_on, c.detail, c.code, c.note, u.name AS by_name, c.recorded_at \
             FROM course_checklist c JOIN users u ON u.id = c.recorded_by WHERE c.course_id = $1",
        )
        .bind(course.as_str())
        .fetch_all(&self.read)
        .await?;
        let mut out = Vec::new();
        for r in &rows {
            let item: String = r.col("item")?;
            let Some(item) = ChecklistItem::parse(&item) else { continue };
            out.push(ChecklistEntry {
                item,
                done_on: date_col(r, "done_on")?,
                detail: r.col("detail")?,
                code: r.col("code")?,
                note: r.col("note")?,
                recorded_by_name: r.col("by_name")?,
                recorded_at: ts(&r.col::<String>("recorded_at")?),
            });
        }
        out.sort_by_key(|e| e.item);
        Ok(out)
    }

    /// Records a session. A first held session makes a planned course active.
    #[crate::boxing::boxed_future]
    pub async fn create_therapy_session(
        &self,
        course: &CourseRecord,
        s: &NewTherapySession,
        by: &Id,
        event: AuditEvent,
    ) -> Result<TherapySession> {
        let id = Id::new();
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO therapy_sessions (id, course_id, client_id, session_date, session_time, modality, attendance, \
             duration_minutes, version, created_by, created_at, updated_at, engagement) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $10, $10, $11)",
        )
        .bind(id.as_str())
        .bind(course.id.as_str())
        .bind(course.client_id.as_str())
        .bind(format_date(s.date))
        .bind(s.time.clone())
        .bind(s.modality.as_str())
        .bind(s.attendance.as_str())
        .bind(s.duration_minutes.map(i64::from))
        .bind(by.as_str())
        .bind(now.to_db())
        .bind(i64::from(s.engagement))
        .execute(&mut *tx)
        .await?;
        if s.attendance.is_held() && course.status == CourseStatus::Planned {
            sqlx::query("UPDATE courses SET status = 'active', version = version + 1, updated_at = $1 WHERE id = $2")
                .bind(now.to_db())
                .bind(course.id.as_str())
                .execute(&mut *tx)
                .await?;
        }
        audit::commit(tx, event.on(&id).for_client(&course.client_id), now).await?;
        Ok(TherapySession {
            id,
            course_id: course.id.clone(),
            client_id: course.client_id.clone(),
            date: s.date,
            time: s.time.clone(),
            modality: s.modality,
            attendance: s.attendance,
            duration_minutes: s.duration_minutes,
            phase_override: None,
            version: 1,
            created_at: now,
            created_by: by.clone(),
            engagement: s.engagement,
        })
    }

    /// Changes a session's details (e.g. a scheduled session was attended).
    #[crate::boxing::boxed_future]
    pub async fn update_therapy_session(
        &self,
        id: &Id,
        expected_version: i64,
        s: &NewTherapySession,
        event: AuditEvent,
    ) -> Result<TherapySession> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        let n = sqlx::query(
            "UPDATE therapy_sessions SET session_date = $1, session_time = $2, modality = $3, attendance = $4, \
             duration_minutes = $5, version = version + 1, updated_at = $6 WHERE id = $7 AND version = $8",
        )
        .bind(format_date(s.date))
        .bind(s.time.clone())
        .bind(s.modality.as_str())
        .bind(s.attendance.as_str())
        .bind(s.duration_minutes.map(i64::from))
        .bind(now.to_db())
        .bind(id.as_str())
        .bind(expected_version)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        let session = session_after_update(&mut tx, id, n).await?;
        if s.attendance.is_held() {
            sqlx::query(
                "UPDATE courses SET status = 'active', version = version + 1, updated_at = $1 \
                 WHERE id = $2 AND status = 'planned'",
            )
            .bind(now.to_db())
            .bind(session.course_id.as_str())
            .execute(&mut *tx)
            .await?;
        }
        audit::commit(tx, event, now).await?;
        Ok(session)
    }

    /// Sets (or, with `None`, clears) the phase of a session; a stale
    /// `expected_version` is a conflict.
    #[crate::boxing::boxed_future]
    pub async fn set_session_phase(
        &self,
        id: &Id,
        expected_version: i64,
        phase: Option<&(Phase, String)>,
        event: AuditEvent,
    ) -> Result<TherapySession> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        let n = sqlx::query(
            "UPDATE therapy_sessions SET phase_override = $1, phase_override_reason = $2, version = version + 1, \
             updated_at = $3 WHERE id = $4 AND version = $5",
        )
        .bind(phase.map(|(p, _)| p.as_str()))
        .bind(phase.map(|(_, r)| r.clone()))
        .bind(now.to_db())
        .bind(id.as_str())
        .bind(expected_version)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        let session = session_after_update(&mut tx, id, n).await?;
        audit::commit(tx, event.on(id).for_client(&session.client_id), now).await?;
        Ok(session)
    }

    #[crate::boxing::boxed_future]
    pub async fn therapy_session(&self, id: &Id) -> Result<Option<TherapySession>> {
        let sql = format!("SELECT {SESSION_COLUMNS} FROM therapy_sessions WHERE id = $1");
        let row = sqlx::query(&sql).bind(id.as_str()).fetch_optional(&self.read).await?;
        row.as_ref().map(session_from_row).transpose()
    }

    /// A course's sessions in date order.
    #[crate::boxing::boxed_future]
    pub async fn course_sessions(&self, course: &Id) -> Result<Vec<TherapySession>> {
        let sql = format!(
            "SELECT {SESSION_COLUMNS} FROM therapy_sessions WHERE course_id = $1 \
             ORDER BY session_date, session_time, id"
        );
        let rows = sqlx::query(&sql).bind(course.as_str()).fetch_all(&self.read).await?;
        rows.iter().map(session_from_row).collect()
    }
}
