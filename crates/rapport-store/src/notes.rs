//! Session notes: the progress note of each session (drafts with optimistic
//! concurrency, signing, addenda, every saved version kept) and the process
//! note, one per session and author.
//!
//! A signed note is final: every write here is `UPDATE ... WHERE status =
//! 'draft' AND version = $expected`, and database triggers (migration 0006)
//! refuse any change to a signed note or to an addendum, whoever asks.
//!
//! Process notes: no function here returns a process note's text except to
//! its author (`own_process_note`) or with the facts the access rule needs
//! (`process_note_with_relation`: is the reader the author's supervisor?), so
//! the web layer always decides through `rapport_core::notes::process_note_reader`.
//! No list, search or export query touches the `process_notes` table.

use crate::courses::TherapySession;
use crate::row::Named;
use crate::{audit, opt_ts, ts, Result, Store, StoreError};
use rapport_core::audit::{action, AuditEvent};
use rapport_core::notes::{InterpersonalEvent, NoteStatus, ProgressNote, RiskCheck, Technique};
use rapport_core::time::parse_date;
use rapport_core::{Id, Timestamp};
use std::collections::HashMap;
use time::Date;

/// A stored progress note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgressNoteRecord {
    pub id: Id,
    pub session_id: Id,
    pub course_id: Id,
    pub client_id: Id,
    pub body: ProgressNote,
    pub status: NoteStatus,
    pub version: i64,
    pub author_id: Id,
    pub author_name: String,
    pub created_at: Timestamp,
    pub updated_by_name: String,
    pub updated_at: Timestamp,
    pub signed_by_name: Option<String>,
    pub signed_at: Option<Timestamp>,
    /// Signed with "Risk identified": the flag raised by signing, or the
    /// client's open flag it was linked to.
    pub risk_flag_id: Option<Id>,
    /// Signed with "No risk identified" while this flag was open (the signer confirmed it).
    pub open_flag_at_signing: Option<Id>,
}

/// Signing "No risk identified" while the client has an open risk flag, without
/// the signer's confirmation (the message of `StoreError::Invalid`).
pub const OPEN_FLAG_NOT_CONFIRMED: &str =
    "the client has an open risk flag: confirm that no risk was identified in this session despite it";

/// An addendum to a signed note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Addendum {
    pub id: Id,
    pub text: String,
    pub author_name: String,
    pub created_at: Timestamp,
}

/// One saved version of a progress note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoteVersion {
    pub version: i64,
    pub body: ProgressNote,
    pub status: NoteStatus,
    pub saved_by_name: String,
    pub saved_at: Timestamp,
}

/// A process note, as its author (or a supervisor it is shared with) sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProcessNoteRecord {
    pub id: Id,
    pub session_id: Id,
    pub client_id: Id,
    pub author_id: Id,
    pub author_name: String,
    pub text: String,
    pub shared: bool,
    pub version: i64,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// What became of a write that carried the version it started from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoteWrite<T> {
    /// Written (or nothing to write: the same text was already stored).
    Saved(T),
    /// Someone saved since: nothing written; the stored note is returned so the
    /// writer can see both versions.
    Stale(T),
    /// The note is signed: nothing written, ever.
    Signed(T),
}

const NOTE_COLUMNS: &str = "n.id, n.session_id, n.course_id, n.client_id, n.mood, n.events, n.problem_area_work, \
     n.techniques, n.work_set, n.work_reviewed, n.risk, n.risk_detail, n.plan, n.status, n.version, n.author_id, \
     a.name AS author_name, n.created_at, u.name AS updated_by_name, n.updated_at, s.name AS signed_by_name, n.signed_at, \
     n.risk_flag_id, n.open_flag_at_signing";

const NOTE_FROM: &str = "progress_notes n JOIN users a ON a.id = n.author_id JOIN users u ON u.id = n.updated_by \
     LEFT JOIN users s ON s.id = n.signed_by";

fn corrupt(what: &str, v: &str) -> StoreError {
    StoreError::Invalid(format!("corrupt {what} in database: {v:?}"))
}

fn note_from_row(row: &sqlx::any::AnyRow) -> Result<ProgressNoteRecord> {
    let events: String = row.col("events")?;
    let techniques: String = row.col("techniques")?;
    let risk: Option<String> = row.col("risk")?;
    let status: String = row.col("status")?;
    let body = ProgressNote {
        mood: row.col::<Option<i64>>("mood")?.map(|m| m as u8),
        events: serde_json::from_str::<Vec<InterpersonalEvent>>(&events).map_err(|_| corrupt("events", &events))?,
        problem_area_work: row.col("problem_area_work")?,
        techniques: serde_json::from_str::<Vec<Technique>>(&techniques)
            .map_err(|_| corrupt("techniques", &techniques))?,
        work_set: row.col("work_set")?,
        work_reviewed: row.col("work_reviewed")?,
        risk: match risk {
            None => None,
            Some(r) => Some(RiskCheck::parse(&r).ok_or_else(|| corrupt("risk", &r))?),
        },
        risk_detail: row.col("risk_detail")?,
        plan: row.col("plan")?,
    };
    Ok(ProgressNoteRecord {
        id: Id::from_db(row.col("id")?),
        session_id: Id::from_db(row.col("session_id")?),
        course_id: Id::from_db(row.col("course_id")?),
        client_id: Id::from_db(row.col("client_id")?),
        body,
        status: NoteStatus::parse(&status).ok_or_else(|| corrupt("status", &status))?,
        version: row.col("version")?,
        author_id: Id::from_db(row.col("author_id")?),
        author_name: row.col("author_name")?,
        created_at: ts(&row.col::<String>("created_at")?),
        updated_by_name: row.col("updated_by_name")?,
        updated_at: ts(&row.col::<String>("updated_at")?),
        signed_by_name: row.col("signed_by_name")?,
        signed_at: opt_ts(row.col("signed_at")?),
        risk_flag_id: row.col::<Option<String>>("risk_flag_id")?.map(Id::from_db),
        open_flag_at_signing: row.col::<Option<String>>("open_flag_at_signing")?.map(Id::from_db),
    })
}

async fn fetch_note(conn: &mut sqlx::AnyConnection, session: &Id) -> Result<Option<ProgressNoteRecord>> {
    let sql = format!("SELECT {NOTE_COLUMNS} FROM {NOTE_FROM} WHERE n.session_id = $1");
    let row = sqlx::query(&sql).bind(session.as_str()).fetch_optional(conn).await?;
    row.as_ref().map(note_from_row).transpose()
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).expect("note fields serialise")
}

type AnyQuery<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>;

/// Binds the note's fields as `$1`..`$9` (mood, events, problem-area work,
/// techniques, work set, work reviewed, risk, risk detail, plan).
fn bind_body<'q>(q: AnyQuery<'q>, body: &ProgressNote) -> AnyQuery<'q> {
    q.bind(body.mood.map(i64::from))
        .bind(json(&body.events))
        .bind(body.problem_area_work.clone())
        .bind(json(&body.techniques))
        .bind(body.work_set.clone())
        .bind(body.work_reviewed.clone())
        .bind(body.risk.map(|r| r.as_str().to_string()))
        .bind(body.risk_detail.clone())
        .bind(body.plan.clone())
}

/// The stored note after a refused write: stale, or signed.
fn refused(current: ProgressNoteRecord) -> NoteWrite<ProgressNoteRecord> {
    match current.status {
        NoteStatus::Signed => NoteWrite::Signed(current),
        NoteStatus::Draft => NoteWrite::Stale(current),
    }
}

const PROCESS_COLUMNS: &str = "p.id, p.session_id, p.client_id, p.author_id, u.name AS author_name, p.text, \
     p.shared_with_supervisor, p.version, p.created_at, p.updated_at";

fn process_from_row(row: &sqlx::any::AnyRow) -> Result<ProcessNoteRecord> {
    Ok(ProcessNoteRecord {
        id: Id::from_db(row.col("id")?),
        session_id: Id::from_db(row.col("session_id")?),
        client_id: Id::from_db(row.col("client_id")?),
        author_id: Id::from_db(row.col("author_id")?),
        author_name: row.col("author_name")?,
        text: row.col("text")?,
        shared: row.col::<i64>("shared_with_supervisor")? != 0,
        version: row.col("version")?,
        created_at: ts(&row.col::<String>("created_at")?),
        updated_at: ts(&row.col::<String>("updated_at")?),
    })
}

async fn fetch_process(conn: &mut sqlx::AnyConnection, session: &Id, author: &Id) -> Result<Option<ProcessNoteRecord>> {
    let sql = format!(
        "SELECT {PROCESS_COLUMNS} FROM process_notes p JOIN users u ON u.id = p.author_id \
         WHERE p.session_id = $1 AND p.author_id = $2"
    );
    let row = sqlx::query(&sql).bind(session.as_str()).bind(author.as_str()).fetch_optional(conn).await?;
    row.as_ref().map(process_from_row).transpose()
}

impl Store {
    /// The progress note of a session, if one was started.
    #[crate::boxing::boxed_future]
    pub async fn progress_note(&self, session: &Id) -> Result<Option<ProgressNoteRecord>> {
        let mut conn = self.read.acquire().await?;
        fetch_note(&mut conn, session).await
    }

    /// Saves a draft if the note is still at `expected_version` (0: no note
    /// yet) and still a draft. Saving the text already stored writes nothing.
    #[crate::boxing::boxed_future]
    pub async fn save_progress_note(
        &self,
        session: &TherapySession,
        expected_version: i64,
        body: &ProgressNote,
        by: &Id,
        event: AuditEvent,
    ) -> Result<NoteWrite<ProgressNoteRecord>> {
        self.write_note(session, expected_version, body, by, None, event).await
    }

    /// Signs the note with `body` as its final text (saving it first if it
    /// differs), if the note is still at `expected_version` and a draft. The
    /// caller checks `rapport_core::notes::check_signable` first.
    ///
    /// In the same transaction, "Risk identified" raises a clinician's risk
    /// flag for the session (or links the note to the client's open flag), and
    /// "No risk identified" while a flag is open is refused
    /// ([`OPEN_FLAG_NOT_CONFIRMED`]) unless `confirm_open_flag`, then recorded.
    #[crate::boxing::boxed_future]
    pub async fn sign_progress_note(
        &self,
        session: &TherapySession,
        expected_version: i64,
        body: &ProgressNote,
        by: &Id,
        confirm_open_flag: bool,
        event: AuditEvent,
    ) -> Result<NoteWrite<ProgressNoteRecord>> {
        self.write_note(session, expected_version, body, by, Some(confirm_open_flag), event).await
    }

    async fn write_note(
        &self,
        session: &TherapySession,
        expected_version: i64,
        body: &ProgressNote,
        by: &Id,
        sign_confirming: Option<bool>,
        mut event: AuditEvent,
    ) -> Result<NoteWrite<ProgressNoteRecord>> {
        let sign = sign_confirming.is_some();
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        let current = fetch_note(&mut tx, &session.id).await?;
        // The risk check reaches the risk loop; rolled back with the rest when
        // the note turns out stale or signed.
        let mut flag_events = Vec::new();
        let (risk_flag_id, open_flag_at_signing) = match sign_confirming {
            Some(confirmed) if current.as_ref().is_none_or(|c| c.status == NoteStatus::Draft) => {
                let open = crate::measures::open_flag_in(&mut tx, &session.client_id).await?;
                match (body.risk, open) {
                    (Some(RiskCheck::Identified), Some(f)) => {
                        let mut e = event.clone();
                        e.action = action::RISK_FLAG_LINK.into();
                        e.resource_type = "risk_flag".into();
                        e.resource_id = Some(f.id.to_string());
                        e.client_id = Some(session.client_id.to_string());
                        e.detail = Some(format!("risk identified in the signed note of session {}", session.id));
                        flag_events.push(e);
                        (Some(f.id), None)
                    }
                    (Some(RiskCheck::Identified), None) => {
                        let detail = body.risk_detail.clone().unwrap_or_default();
                        let mut e = event.clone();
                        e.detail = Some(format!("risk identified in the signed note of session {}", session.id));
                        let (flag, mut events) = crate::measures::raise_clinician_flag_in(
                            &mut tx,
                            &session.client_id,
                            by,
                            &detail,
                            Some(&session.id),
                            e,
                            now,
                        )
                        .await?;
                        flag_events.append(&mut events);
                        (Some(flag), None)
                    }
                    (_, Some(_)) if !confirmed => {
                        return Err(StoreError::Invalid(OPEN_FLAG_NOT_CONFIRMED.into()));
                    }
                    (_, Some(f)) => (None, Some(f.id)),
                    (_, None) => (None, None),
                }
            }
            _ => (None, None),
        };
        let status = if sign { NoteStatus::Signed } else { NoteStatus::Draft };
        let (signed_by, signed_at) = if sign { (Some(by.to_string()), Some(now.to_db())) } else { (None, None) };
        let (id, version) = match current {
            Some(cur) if cur.status == NoteStatus::Signed => return Ok(refused(cur)),
            // The text wanted is the text stored (e.g. a Save click racing an autosave): nothing to
            // write and nothing to choose between, whatever version the writer started from.
            Some(cur) if !sign && cur.body == *body => return Ok(NoteWrite::Saved(cur)),
            Some(cur) if cur.version != expected_version => return Ok(refused(cur)),
            Some(cur) => {
                let n = bind_body(
                    sqlx::query(
                        "UPDATE progress_notes SET mood = $1, events = $2, problem_area_work = $3, techniques = $4, \
                         work_set = $5, work_reviewed = $6, risk = $7, risk_detail = $8, plan = $9, status = $10, \
                         version = $11, updated_by = $12, updated_at = $13, signed_by = $14, signed_at = $15, \
                         risk_flag_id = $18, open_flag_at_signing = $19 \
                         WHERE id = $16 AND version = $17 AND status = 'draft'",
                    ),
                    body,
                )
                .bind(status.as_str())
                .bind(cur.version + 1)
                .bind(by.as_str())
                .bind(now.to_db())
                .bind(signed_by)
                .bind(signed_at)
                .bind(cur.id.as_str())
                .bind(expected_version)
                .bind(risk_flag_id.as_ref().map(|f| f.as_str().to_string()))
                .bind(open_flag_at_signing.as_ref().map(|f| f.as_str().to_string()))
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if n == 0 {
                    // A concurrent writer (PostgreSQL) got there first.
                    let cur = fetch_note(&mut tx, &session.id).await?.ok_or(StoreError::NotFound)?;
                    return Ok(refused(cur));
                }
                (cur.id, cur.version + 1)
            }
            None if expected_version != 0 => return Err(StoreError::NotFound),
            None => {
                let id = Id::new();
                let n = bind_body(
                    sqlx::query(
                        "INSERT INTO progress_notes (mood, events, problem_area_work, techniques, work_set, \
                         work_reviewed, risk, risk_detail, plan, status, id, session_id, course_id, client_id, version, \
                         author_id, created_at, updated_by, updated_at, signed_by, signed_at, risk_flag_id, \
                         open_flag_at_signing) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 1, $15, $16, $15, $16, $17, $18, \
                         $19, $20) \
                         ON CONFLICT (session_id) DO NOTHING",
                    ),
                    body,
                )
                .bind(status.as_str())
                .bind(id.as_str())
                .bind(session.id.as_str())
                .bind(session.course_id.as_str())
                .bind(session.client_id.as_str())
                .bind(by.as_str())
                .bind(now.to_db())
                .bind(signed_by)
                .bind(signed_at)
                .bind(risk_flag_id.as_ref().map(|f| f.as_str().to_string()))
                .bind(open_flag_at_signing.as_ref().map(|f| f.as_str().to_string()))
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if n == 0 {
                    // Another writer started the note at the same moment (PostgreSQL).
                    let cur = fetch_note(&mut tx, &session.id).await?.ok_or(StoreError::NotFound)?;
                    return Ok(refused(cur));
                }
                (id, 1)
            }
        };
        sqlx::query(
            "INSERT INTO progress_note_versions (note_id, version, body, status, saved_by, saved_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id.as_str())
        .bind(version)
        .bind(json(body))
        .bind(status.as_str())
        .bind(by.as_str())
        .bind(now.to_db())
        .execute(&mut *tx)
        .await?;
        event.resource_id = Some(id.to_string());
        event.client_id = Some(session.client_id.to_string());
        if event.detail.is_none() {
            event.detail = Some(format!("session {}, version {version}", session.id));
        }
        if let Some(f) = &open_flag_at_signing {
            let detail = event.detail.take().unwrap_or_default();
            event.detail = Some(format!("{detail}; no risk identified, confirmed while flag {f} was open"));
        }
        let mut events = vec![event];
        events.append(&mut flag_events);
        audit::append_many(&mut tx, events, now).await?;
        let note = fetch_note(&mut tx, &session.id).await?.ok_or(StoreError::NotFound)?;
        tx.commit().await?;
        Ok(NoteWrite::Saved(note))
    }

    /// Every saved version of a note, oldest first.
    #[crate::boxing::boxed_future]
    pub async fn progress_note_versions(&self, note: &Id) -> Result<Vec<NoteVersion>> {
        let rows = sqlx::query(
            "SELECT v.version, v.body, v.status, u.name AS saved_by_name, v.saved_at \
             FROM progress_note_versions v JOIN users u ON u.id = v.saved_by WHERE v.note_id = $1 ORDER BY v.version",
        )
        .bind(note.as_str())
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|r| {
                let body: String = r.col("body")?;
                let status: String = r.col("status")?;
                Ok(NoteVersion {
                    version: r.col("version")?,
                    body: serde_json::from_str(&body).map_err(|_| corrupt("note version", &body))?,
                    status: NoteStatus::parse(&status).ok_or_else(|| corrupt("status", &status))?,
                    saved_by_name: r.col("saved_by_name")?,
                    saved_at: ts(&r.col::<String>("saved_at")?),
                })
            })
            .collect()
    }

    /// Appends an addendum to a signed note (refused with `Conflict` on a draft).
    #[crate::boxing::boxed_future]
    pub async fn add_addendum(
        &self,
        note: &ProgressNoteRecord,
        text: &str,
        by: &Id,
        event: AuditEvent,
    ) -> Result<Addendum> {
        let id = Id::new();
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        let n = sqlx::query(
            "INSERT INTO progress_note_addenda (id, note_id, text, author_id, created_at) \
             SELECT $1, $2, $3, $4, $5 WHERE EXISTS \
             (SELECT 1 FROM progress_notes WHERE id = $2 AND status = 'signed')",
        )
        .bind(id.as_str())
        .bind(note.id.as_str())
        .bind(text.to_string())
        .bind(by.as_str())
        .bind(now.to_db())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n == 0 {
            return Err(StoreError::Conflict);
        }
        audit::commit(tx, event.on(&note.id).for_client(&note.client_id), now).await?;
        let author_name = sqlx::query("SELECT name FROM users WHERE id = $1")
            .bind(by.as_str())
            .fetch_one(&self.read)
            .await?
            .col("name")?;
        Ok(Addendum { id, text: text.to_string(), author_name, created_at: now })
    }

    /// A note's addenda, in the order they were written.
    #[crate::boxing::boxed_future]
    pub async fn addenda(&self, note: &Id) -> Result<Vec<Addendum>> {
        let rows = sqlx::query(
            "SELECT d.id, d.text, u.name AS author_name, d.created_at FROM progress_note_addenda d \
             JOIN users u ON u.id = d.author_id WHERE d.note_id = $1 ORDER BY d.created_at, d.id",
        )
        .bind(note.as_str())
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Addendum {
                    id: Id::from_db(r.col("id")?),
                    text: r.col("text")?,
                    author_name: r.col("author_name")?,
                    created_at: ts(&r.col::<String>("created_at")?),
                })
            })
            .collect()
    }

    /// The plan for the next session from the course's most recent signed note
    /// that has one (by session date), with that session's date.
    #[crate::boxing::boxed_future]
    pub async fn latest_signed_plan(&self, course: &Id) -> Result<Option<(Date, String)>> {
        let row = sqlx::query(
            "SELECT t.session_date, n.plan FROM progress_notes n JOIN therapy_sessions t ON t.id = n.session_id \
             WHERE n.course_id = $1 AND n.status = 'signed' AND n.plan IS NOT NULL \
             ORDER BY t.session_date DESC, t.session_time DESC, t.id DESC LIMIT 1",
        )
        .bind(course.as_str())
        .fetch_optional(&self.read)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let d: String = row.col("session_date")?;
        let date = parse_date(&d).ok_or_else(|| corrupt("session_date", &d))?;
        Ok(Some((date, row.col("plan")?)))
    }

    /// The work at home set in the course's most recent signed note that set
    /// some (by session date), with that session's date: what the portal shows.
    #[crate::boxing::boxed_future]
    pub async fn latest_signed_work(&self, course: &Id) -> Result<Option<(Date, String)>> {
        let row = sqlx::query(
            "SELECT t.session_date, n.work_set FROM progress_notes n JOIN therapy_sessions t ON t.id = n.session_id \
             WHERE n.course_id = $1 AND n.status = 'signed' AND n.work_set IS NOT NULL \
             ORDER BY t.session_date DESC, t.session_time DESC, t.id DESC LIMIT 1",
        )
        .bind(course.as_str())
        .fetch_optional(&self.read)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let d: String = row.col("session_date")?;
        let date = parse_date(&d).ok_or_else(|| corrupt("session_date", &d))?;
        Ok(Some((date, row.col("work_set")?)))
    }

    /// Each session of a course that has a progress note, with its status
    /// (sessions without one are absent: no note yet).
    #[crate::boxing::boxed_future]
    pub async fn notes_status(&self, course: &Id) -> Result<HashMap<Id, NoteStatus>> {
        let rows = sqlx::query("SELECT session_id, status FROM progress_notes WHERE course_id = $1")
            .bind(course.as_str())
            .fetch_all(&self.read)
            .await?;
        rows.iter()
            .map(|r| {
                let status: String = r.col("status")?;
                Ok((
                    Id::from_db(r.col("session_id")?),
                    NoteStatus::parse(&status).ok_or_else(|| corrupt("status", &status))?,
                ))
            })
            .collect()
    }

    // ------------------------------------------------------------ process notes

    /// The caller's own process note for a session.
    #[crate::boxing::boxed_future]
    pub async fn own_process_note(&self, session: &Id, author: &Id) -> Result<Option<ProcessNoteRecord>> {
        let mut conn = self.read.acquire().await?;
        fetch_process(&mut conn, session, author).await
    }

    /// `author`'s process note for a session, with whether `reader` supervises
    /// `author`: the facts `process_note_reader` decides on.
    #[crate::boxing::boxed_future]
    pub async fn process_note_with_relation(
        &self,
        session: &Id,
        author: &Id,
        reader: &Id,
    ) -> Result<Option<(ProcessNoteRecord, bool)>> {
        let sql = format!(
            "SELECT {PROCESS_COLUMNS}, (SELECT COUNT(*) FROM supervision s \
             WHERE s.supervisor_id = $3 AND s.clinician_id = p.author_id) AS supervises \
             FROM process_notes p JOIN users u ON u.id = p.author_id WHERE p.session_id = $1 AND p.author_id = $2"
        );
        let row = sqlx::query(&sql)
            .bind(session.as_str())
            .bind(author.as_str())
            .bind(reader.as_str())
            .fetch_optional(&self.read)
            .await?;
        match row {
            None => Ok(None),
            Some(r) => Ok(Some((process_from_row(&r)?, r.col::<i64>("supervises")? > 0))),
        }
    }

    /// Authors whose process note for this session is shared with `supervisor`
    /// (names only, no text: reading one is a separate, audited step).
    #[crate::boxing::boxed_future]
    pub async fn process_notes_shared_with(&self, session: &Id, supervisor: &Id) -> Result<Vec<(Id, String)>> {
        let rows = sqlx::query(
            "SELECT p.author_id, u.name FROM process_notes p JOIN users u ON u.id = p.author_id \
             JOIN supervision s ON s.clinician_id = p.author_id AND s.supervisor_id = $2 \
             WHERE p.session_id = $1 AND p.shared_with_supervisor = 1 ORDER BY u.name",
        )
        .bind(session.as_str())
        .bind(supervisor.as_str())
        .fetch_all(&self.read)
        .await?;
        rows.iter().map(|r| Ok((Id::from_db(r.col("author_id")?), r.col("name")?))).collect()
    }

    /// Whether anyone supervises `user` (someone to share process notes with).
    #[crate::boxing::boxed_future]
    pub async fn has_supervisor(&self, user: &Id) -> Result<bool> {
        let n: i64 = sqlx::query("SELECT COUNT(*) AS n FROM supervision WHERE clinician_id = $1")
            .bind(user.as_str())
            .fetch_one(&self.read)
            .await?
            .col("n")?;
        Ok(n > 0)
    }

    /// Saves the author's process note if it is still at `expected_version`
    /// (0: none yet). Never `Signed`: process notes are not signed.
    #[crate::boxing::boxed_future]
    pub async fn save_process_note(
        &self,
        session: &TherapySession,
        author: &Id,
        expected_version: i64,
        text: &str,
        mut event: AuditEvent,
    ) -> Result<NoteWrite<ProcessNoteRecord>> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        let current = fetch_process(&mut tx, &session.id, author).await?;
        let id = match current {
            Some(cur) if cur.version != expected_version => return Ok(NoteWrite::Stale(cur)),
            Some(cur) if cur.text == text => return Ok(NoteWrite::Saved(cur)),
            Some(cur) => {
                let n = sqlx::query(
                    "UPDATE process_notes SET text = $1, version = version + 1, updated_at = $2 \
                     WHERE id = $3 AND version = $4",
                )
                .bind(text.to_string())
                .bind(now.to_db())
                .bind(cur.id.as_str())
                .bind(expected_version)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if n == 0 {
                    let cur = fetch_process(&mut tx, &session.id, author).await?.ok_or(StoreError::NotFound)?;
                    return Ok(NoteWrite::Stale(cur));
                }
                cur.id
            }
            None if expected_version != 0 => return Err(StoreError::NotFound),
            None => {
                let id = Id::new();
                let n = sqlx::query(
                    "INSERT INTO process_notes (id, session_id, client_id, author_id, text, shared_with_supervisor, \
                     version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 0, 1, $6, $6) \
                     ON CONFLICT (session_id, author_id) DO NOTHING",
                )
                .bind(id.as_str())
                .bind(session.id.as_str())
                .bind(session.client_id.as_str())
                .bind(author.as_str())
                .bind(text.to_string())
                .bind(now.to_db())
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if n == 0 {
                    let cur = fetch_process(&mut tx, &session.id, author).await?.ok_or(StoreError::NotFound)?;
                    return Ok(NoteWrite::Stale(cur));
                }
                id
            }
        };
        event.resource_id = Some(id.to_string());
        event.client_id = Some(session.client_id.to_string());
        audit::append(&mut tx, event, now).await?;
        let note = fetch_process(&mut tx, &session.id, author).await?.ok_or(StoreError::NotFound)?;
        tx.commit().await?;
        Ok(NoteWrite::Saved(note))
    }

    /// Shares the author's process note with their supervisor(s), or stops sharing.
    #[crate::boxing::boxed_future]
    pub async fn share_process_note(
        &self,
        note: &ProcessNoteRecord,
        shared: bool,
        mut event: AuditEvent,
    ) -> Result<ProcessNoteRecord> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE process_notes SET shared_with_supervisor = $1, updated_at = $2 WHERE id = $3")
            .bind(shared as i64)
            .bind(now.to_db())
            .bind(note.id.as_str())
            .execute(&mut *tx)
            .await?;
        event.resource_id = Some(note.id.to_string());
        event.client_id = Some(note.client_id.to_string());
        audit::append(&mut tx, event, now).await?;
        let note = fetch_process(&mut tx, &note.session_id, &note.author_id).await?.ok_or(StoreError::NotFound)?;
        tx.commit().await?;
        Ok(note)
    }
}
