//! Supervision and fidelity rows (migration 0027): fidelity ratings of
//! sessions and group meetings, supervision meetings with their supervisees,
//! cases and action points, training records and certifications.

use crate::row::Named;
use crate::{audit, opt_ts, ts, Result, Store, StoreError};
use rapport_core::audit::AuditEvent;
use rapport_core::fidelity::Rater;
use rapport_core::time::{format_date, parse_date};
use rapport_core::{Id, Timestamp};
use std::collections::BTreeMap;
use time::Date;

/// What was rated: an individual session (with its course) or a group meeting (with its group).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rated {
    Session { session: Id, course: Id },
    GroupSession { session: Id, group: Id },
}

#[derive(Clone, Debug)]
pub struct NewRating {
    pub rated: Rated,
    pub clinician_id: Id,
    pub rater_id: Id,
    pub rater: Rater,
    pub checklist_id: String,
    pub checklist_version: String,
    pub ratings: BTreeMap<String, i64>,
    pub mean: f64,
    pub pass: bool,
    pub comment: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RatingRow {
    pub id: Id,
    pub session_id: Option<Id>,
    pub group_session_id: Option<Id>,
    pub course_id: Option<Id>,
    pub group_id: Option<Id>,
    pub clinician_id: Id,
    pub rater_id: Id,
    pub rater_name: String,
    pub rater: Rater,
    pub checklist_id: String,
    pub checklist_version: String,
    pub ratings: BTreeMap<String, i64>,
    pub mean: f64,
    pub pass: bool,
    pub comment: Option<String>,
    pub rated_at: Timestamp,
}

#[derive(Clone, Debug)]
pub struct NewMeeting {
    pub supervisor_id: Id,
    pub group: bool,
    pub held_on: Date,
    pub minutes: u32,
    pub decisions: Option<String>,
    pub supervisees: Vec<Id>,
    /// (course, group, note): one of course or group is set.
    pub cases: Vec<(Option<Id>, Option<Id>, Option<String>)>,
    /// (text, owner, due)
    pub actions: Vec<(String, Option<Id>, Option<Date>)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingRow {
    pub id: Id,
    pub supervisor_id: Id,
    pub supervisor_name: String,
    pub group: bool,
    pub held_on: Date,
    pub minutes: u32,
    pub decisions: Option<String>,
    pub supervisees: Vec<(Id, String)>,
    pub cases: Vec<(Option<Id>, Option<Id>, Option<String>)>,
    pub actions: Vec<ActionRow>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionRow {
    pub id: Id,
    pub text: String,
    pub owner_id: Option<Id>,
    pub due_on: Option<Date>,
    pub done_at: Option<Timestamp>,
}

#[derive(Clone, Debug)]
pub struct NewTraining {
    pub user_id: Id,
    pub course_name: String,
    pub hours_tenths: i64,
    pub trainer: Option<String>,
    pub held_on: Date,
    pub recorded_by: Id,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrainingRow {
    pub id: Id,
    pub user_id: Id,
    pub course_name: String,
    /// Hours times ten.
    pub hours_tenths: i64,
    pub trainer: Option<String>,
    pub held_on: Date,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CertificationRow {
    pub pathway_id: String,
    pub certified_on: Date,
    pub expires_on: Option<Date>,
}

fn bad(col: &str, v: &str) -> StoreError {
    StoreError::Invalid(format!("corrupt {col} in database: {v:?}"))
}

fn date_col(r: &sqlx::any::AnyRow, col: &str) -> Result<Date> {
    let s: String = r.col(col)?;
    parse_date(&s).ok_or_else(|| bad(col, &s))
}

fn opt_date(r: &sqlx::any::AnyRow, col: &str) -> Result<Option<Date>> {
    match r.col::<Option<String>>(col)? {
        Some(s) => parse_date(&s).map(Some).ok_or_else(|| bad(col, &s)),
        None => Ok(None),
    }
}

fn opt_id(r: &sqlx::any::AnyRow, col: &str) -> Result<Option<Id>> {
    Ok(r.col::<Option<String>>(col)?.map(Id::from_db))
}

const RATING_COLUMNS: &str = "f.id, f.session_id, f.group_session_id, f.course_id, f.group_id, f.clinician_id, \
     f.rater_id, u.name AS rater_name, f.rater_kind, f.checklist_id, f.checklist_version, f.ratings, f.mean_milli, \
     f.pass, f.comment, f.rated_at";

fn rating_from_row(r: &sqlx::any::AnyRow) -> Result<RatingRow> {
    let kind: String = r.col("rater_kind")?;
    let ratings: String = r.col("ratings")?;
    Ok(RatingRow {
        id: Id::from_db(r.col("id")?),
        session_id: opt_id(r, "session_id")?,
        group_session_id: opt_id(r, "group_session_id")?,
        course_id: opt_id(r, "course_id")?,
        group_id: opt_id(r, "group_id")?,
        clinician_id: Id::from_db(r.col("clinician_id")?),
        rater_id: Id::from_db(r.col("rater_id")?),
        rater_name: r.col("rater_name")?,
        rater: Rater::parse(&kind).ok_or_else(|| bad("rater_kind", &kind))?,
        checklist_id: r.col("checklist_id")?,
        checklist_version: r.col("checklist_version")?,
        ratings: serde_json::from_str(&ratings).map_err(|_| bad("ratings", &ratings))?,
        mean: r.col::<i64>("mean_milli")? as f64 / 1000.0,
        pass: r.col::<i64>("pass")? != 0,
        comment: r.col("comment")?,
        rated_at: ts(&r.col::<String>("rated_at")?),
    })
}

impl Store {
    #[crate::boxing::boxed_future]
    pub async fn record_fidelity_rating(&self, n: &NewRating, mut event: AuditEvent) -> Result<Id> {
        let id = Id::new();
        let now = Timestamp::now();
        let (session, group_session, course, group) = match &n.rated {
            Rated::Session { session, course } => (Some(session), None, Some(course), None),
            Rated::GroupSession { session, group } => (None, Some(session), None, Some(group)),
        };
        let s = |i: Option<&Id>| i.map(|x| x.as_str().to_string());
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO fidelity_ratings (id, session_id, group_session_id, course_id, group_id, clinician_id, rater_id, \
             rater_kind, checklist_id, checklist_version, ratings, mean_milli, pass, comment, rated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
        )
        .bind(id.as_str())
        .bind(s(session))
        .bind(s(group_session))
        .bind(s(course))
        .bind(s(group))
        .bind(n.clinician_id.as_str())
        .bind(n.rater_id.as_str())
        .bind(n.rater.as_str())
        .bind(&n.checklist_id)
        .bind(&n.checklist_version)
        .bind(serde_json::to_string(&n.ratings).expect("serialisable"))
        .bind((n.mean * 1000.0).round() as i64)
        .bind(n.pass as i64)
        .bind(n.comment.clone())
        .bind(now.to_db())
        .execute(&mut *tx)
        .await?;
        event.resource_id = Some(id.to_string());
        audit::commit(tx, event, now).await?;
        Ok(id)
    }

    /// The group a meeting (group session) belongs to.
    #[crate::boxing::boxed_future]
    pub async fn group_of_session(&self, session: &Id) -> Result<Option<Id>> {
        let row = sqlx::query("SELECT group_id FROM group_sessions WHERE id = $1")
            .bind(session.as_str())
            .fetch_optional(&self.read)
            .await?;
        Ok(match row {
            Some(r) => Some(Id::from_db(r.col("group_id")?)),
            None => None,
        })
    }

    /// Ratings of one session or group meeting, oldest first.
    #[crate::boxing::boxed_future]
    pub async fn session_ratings(&self, session: &Id) -> Result<Vec<RatingRow>> {
        self.ratings_where("f.session_id = $1 OR f.group_session_id = $1", session).await
    }

    /// Ratings of a course's sessions (or a group's meetings), oldest first.
    #[crate::boxing::boxed_future]
    pub async fn course_ratings(&self, course_or_group: &Id) -> Result<Vec<RatingRow>> {
        self.ratings_where("f.course_id = $1 OR f.group_id = $1", course_or_group).await
    }

    /// Ratings of `clinician`'s work, oldest first.
    #[crate::boxing::boxed_future]
    pub async fn clinician_ratings(&self, clinician: &Id) -> Result<Vec<RatingRow>> {
        self.ratings_where("f.clinician_id = $1", clinician).await
    }

    /// The ratings matching `condition` (on `fidelity_ratings f`, with `$1` = `id`), oldest first.
    async fn ratings_where(&self, condition: &str, id: &Id) -> Result<Vec<RatingRow>> {
        let sql = format!(
            "SELECT {RATING_COLUMNS} FROM fidelity_ratings f JOIN users u ON u.id = f.rater_id \
             WHERE {condition} ORDER BY f.rated_at, f.id"
        );
        let rows = sqlx::query(&sql).bind(id.as_str()).fetch_all(&self.read).await?;
        rows.iter().map(rating_from_row).collect()
    }

    #[crate::boxing::boxed_future]
    pub async fn create_supervision_meeting(&self, m: &NewMeeting, mut event: AuditEvent) -> Result<Id> {
        let id = Id::new();
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO supervision_meetings (id, supervisor_id, kind, held_on, minutes, decisions, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(id.as_str())
        .bind(m.supervisor_id.as_str())
        .bind(if m.group { "group" } else { "individual" })
        .bind(format_date(m.held_on))
        .bind(m.minutes as i64)
        .bind(m.decisions.clone())
        .bind(now.to_db())
        .execute(&mut *tx)
        .await?;
        for u in &m.supervisees {
            sqlx::query("INSERT INTO supervision_attendees (meeting_id, user_id) VALUES ($1, $2)")
                .bind(id.as_str())
                .bind(u.as_str())
                .execute(&mut *tx)
                .await?;
        }
        for (course, group, note) in &m.cases {
            sqlx::query(
                "INSERT INTO supervision_cases (meeting_id, course_id, group_id, note) VALUES ($1, $2, $3, $4)",
            )
            .bind(id.as_str())
            .bind(course.as_ref().map(|c| c.as_str().to_string()))
            .bind(group.as_ref().map(|g| g.as_str().to_string()))
            .bind(note.clone())
            .execute(&mut *tx)
            .await?;
        }
        for (text, owner, due) in &m.actions {
            sqlx::query(
                "INSERT INTO supervision_actions (id, meeting_id, text, owner_id, due_on) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(Id::new().as_str())
            .bind(id.as_str())
            .bind(text)
            .bind(owner.as_ref().map(|o| o.as_str().to_string()))
            .bind(due.map(format_date))
            .execute(&mut *tx)
            .await?;
        }
        event.resource_id = Some(id.to_string());
        audit::commit(tx, event, now).await?;
        Ok(id)
    }

    /// Supervision meetings `user` led or attended, newest first.
    /// Marks an action point done (the first date stays) when `user` led or
    /// attended its meeting; `false` when there is no such action point for them.
    #[crate::boxing::boxed_future]
    pub async fn complete_supervision_action(&self, action: &Id, user: &Id, event: AuditEvent) -> Result<bool> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        let marked = sqlx::query(
            "UPDATE supervision_actions SET done_at = COALESCE(done_at, $3) WHERE id = $1 AND meeting_id IN \
             (SELECT m.id FROM supervision_meetings m WHERE m.supervisor_id = $2 OR EXISTS \
               (SELECT 1 FROM supervision_attendees a WHERE a.meeting_id = m.id AND a.user_id = $2))",
        )
        .bind(action.as_str())
        .bind(user.as_str())
        .bind(now.to_db())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if marked == 0 {
            return Ok(false);
        }
        audit::commit(tx, event, now).await?;
        Ok(true)
    }

    #[crate::boxing::boxed_future]
    pub async fn supervision_meetings(&self, user: &Id) -> Result<Vec<MeetingRow>> {
        let mut conn = self.read.acquire().await?;
        let rows = sqlx::query(
            "SELECT m.id, m.supervisor_id, u.name AS supervisor_name, m.kind, m.held_on, m.minutes, m.decisions \
             FROM supervision_meetings m JOIN users u ON u.id = m.supervisor_id \
             WHERE m.supervisor_id = $1 OR EXISTS (SELECT 1 FROM supervision_attendees a \
               WHERE a.meeting_id = m.id AND a.user_id = $1) \
             ORDER BY m.held_on DESC, m.id DESC",
        )
        .bind(user.as_str())
        .fetch_all(&mut *conn)
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let id = Id::from_db(r.col("id")?);
            let supervisees = sqlx::query(
                "SELECT u.id, u.name FROM supervision_attendees a JOIN users u ON u.id = a.user_id \
                 WHERE a.meeting_id = $1 ORDER BY u.name, u.id",
            )
            .bind(id.as_str())
            .fetch_all(&mut *conn)
            .await?
            .iter()
            .map(|r| Ok((Id::from_db(r.col("id")?), r.col("name")?)))
            .collect::<Result<Vec<_>>>()?;
            let cases = sqlx::query(
                "SELECT course_id, group_id, note FROM supervision_cases WHERE meeting_id = $1 \
                 ORDER BY course_id, group_id",
            )
            .bind(id.as_str())
            .fetch_all(&mut *conn)
            .await?
            .iter()
            .map(|r| Ok((opt_id(r, "course_id")?, opt_id(r, "group_id")?, r.col("note")?)))
            .collect::<Result<Vec<_>>>()?;
            let actions = sqlx::query(
                "SELECT id, text, owner_id, due_on, done_at FROM supervision_actions WHERE meeting_id = $1 \
                 ORDER BY due_on, id",
            )
            .bind(id.as_str())
            .fetch_all(&mut *conn)
            .await?
            .iter()
            .map(|r| {
                Ok(ActionRow {
                    id: Id::from_db(r.col("id")?),
                    text: r.col("text")?,
                    owner_id: opt_id(r, "owner_id")?,
                    due_on: opt_date(r, "due_on")?,
                    done_at: opt_ts(r.col("done_at")?),
                })
            })
            .collect::<Result<Vec<_>>>()?;
            out.push(MeetingRow {
                id,
                supervisor_id: Id::from_db(r.col("supervisor_id")?),
                supervisor_name: r.col("supervisor_name")?,
                group: r.col::<String>("kind")? == "group",
                held_on: date_col(r, "held_on")?,
                minutes: r.col::<i64>("minutes")?.max(0) as u32,
                decisions: r.col("decisions")?,
                supervisees,
                cases,
                actions,
            });
        }
        Ok(out)
    }

    /// Minutes of supervision `user` received (as an attendee). (PostgreSQL
    /// sums BIGINT as NUMERIC, hence the casts.)
    #[crate::boxing::boxed_future]
    pub async fn supervision_minutes_received(&self, user: &Id) -> Result<i64> {
        let r = sqlx::query(
            "SELECT CAST(COALESCE(SUM(m.minutes), 0) AS BIGINT) AS n FROM supervision_meetings m \
             JOIN supervision_attendees a ON a.meeting_id = m.id WHERE a.user_id = $1",
        )
        .bind(user.as_str())
        .fetch_one(&self.read)
        .await?;
        Ok(r.col("n")?)
    }

    /// Minutes of therapy `user` gave: attended individual sessions they
    /// recorded (their length, or the course's session length), and group
    /// meetings of groups they facilitate (as a count: the caller multiplies
    /// by the protocol's length). Returns (individual minutes, group meetings by protocol).
    #[crate::boxing::boxed_future]
    pub async fn therapy_given(&self, user: &Id) -> Result<(i64, Vec<(String, i64)>)> {
        let r = sqlx::query(
            "SELECT CAST(COALESCE(SUM(COALESCE(s.duration_minutes, k.session_minutes)), 0) AS BIGINT) AS n FROM therapy_sessions s \
             JOIN courses k ON k.id = s.course_id WHERE s.created_by = $1 AND s.attendance = 'attended'",
        )
        .bind(user.as_str())
        .fetch_one(&self.read)
        .await?;
        let individual: i64 = r.col("n")?;
        let groups = sqlx::query(
            "SELECT g.protocol_id, COUNT(*) AS n FROM group_sessions gs JOIN therapy_groups g ON g.id = gs.group_id \
             JOIN group_facilitators f ON f.group_id = g.id WHERE f.user_id = $1 GROUP BY g.protocol_id \
             ORDER BY g.protocol_id",
        )
        .bind(user.as_str())
        .fetch_all(&self.read)
        .await?
        .iter()
        .map(|r| Ok((r.col("protocol_id")?, r.col("n")?)))
        .collect::<Result<Vec<_>>>()?;
        Ok((individual, groups))
    }

    #[crate::boxing::boxed_future]
    pub async fn add_training(&self, t: &NewTraining, mut event: AuditEvent) -> Result<Id> {
        let id = Id::new();
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO trainings (id, user_id, course_name, hours_tenths, trainer, held_on, recorded_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(id.as_str())
        .bind(t.user_id.as_str())
        .bind(&t.course_name)
        .bind(t.hours_tenths)
        .bind(t.trainer.clone())
        .bind(format_date(t.held_on))
        .bind(t.recorded_by.as_str())
        .bind(now.to_db())
        .execute(&mut *tx)
        .await?;
        event.resource_id = Some(id.to_string());
        audit::commit(tx, event, now).await?;
        Ok(id)
    }

    #[crate::boxing::boxed_future]
    pub async fn trainings(&self, user: &Id) -> Result<Vec<TrainingRow>> {
        let rows = sqlx::query(
            "SELECT id, user_id, course_name, hours_tenths, trainer, held_on FROM trainings WHERE user_id = $1 \
             ORDER BY held_on DESC, id DESC",
        )
        .bind(user.as_str())
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(TrainingRow {
                    id: Id::from_db(r.col("id")?),
                    user_id: Id::from_db(r.col("user_id")?),
                    course_name: r.col("course_name")?,
                    hours_tenths: r.col("hours_tenths")?,
                    trainer: r.col("trainer")?,
                    held_on: date_col(r, "held_on")?,
                })
            })
            .collect()
    }

    /// Records (or renews) a certification.
    #[crate::boxing::boxed_future]
    pub async fn set_certification(
        &self,
        user: &Id,
        pathway: &str,
        certified_on: Date,
        expires_on: Option<Date>,
        recorded_by: &Id,
        event: AuditEvent,
    ) -> Result<()> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM certifications WHERE user_id = $1 AND pathway_id = $2")
            .bind(user.as_str())
            .bind(pathway)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO certifications (user_id, pathway_id, certified_on, expires_on, recorded_by) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(user.as_str())
        .bind(pathway)
        .bind(format_date(certified_on))
        .bind(expires_on.map(format_date))
        .bind(recorded_by.as_str())
        .execute(&mut *tx)
        .await?;
        audit::commit(tx, event, now).await
    }

    #[crate::boxing::boxed_future]
    pub async fn certifications(&self, user: &Id) -> Result<Vec<CertificationRow>> {
        let rows = sqlx::query(
            "SELECT pathway_id, certified_on, expires_on FROM certifications WHERE user_id = $1 ORDER BY pathway_id",
        )
        .bind(user.as_str())
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(CertificationRow {
                    pathway_id: r.col("pathway_id")?,
                    certified_on: date_col(r, "certified_on")?,
                    expires_on: opt_date(r, "expires_on")?,
                })
            })
            .collect()
    }
}

/// A certification close to expiry whose holder has not been reminded yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenewalDue {
    pub user_id: Id,
    pub pathway_id: String,
    pub expires_on: Date,
}

impl Store {
    /// Certifications of active accounts expiring on or before `by` whose
    /// renewal reminder has not gone out.
    #[crate::boxing::boxed_future]
    pub async fn certifications_to_remind(&self, by: Date) -> Result<Vec<RenewalDue>> {
        let rows = sqlx::query(
            "SELECT c.user_id, c.pathway_id, c.expires_on FROM certifications c JOIN users u ON u.id = c.user_id \
             WHERE c.expires_on IS NOT NULL AND c.expires_on <= $1 AND c.renewal_reminded_on IS NULL AND u.active = 1 \
             ORDER BY c.expires_on, c.user_id, c.pathway_id",
        )
        .bind(format_date(by))
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(RenewalDue {
                    user_id: Id::from_db(r.col("user_id")?),
                    pathway_id: r.col("pathway_id")?,
                    expires_on: date_col(r, "expires_on")?,
                })
            })
            .collect()
    }

    /// Marks a renewal reminder sent on `on` and queues its messages, in one
    /// transaction; `false` (and nothing queued) when another run got there first.
    #[crate::boxing::boxed_future]
    pub async fn record_renewal_reminder(
        &self,
        user: &Id,
        pathway: &str,
        on: Date,
        notices: &[crate::outbox::Notice],
    ) -> Result<bool> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        let marked = sqlx::query(
            "UPDATE certifications SET renewal_reminded_on = $3 \
             WHERE user_id = $1 AND pathway_id = $2 AND renewal_reminded_on IS NULL",
        )
        .bind(user.as_str())
        .bind(pathway)
        .bind(format_date(on))
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if marked == 1 {
            crate::outbox::queue_notices(&mut tx, notices, now).await?;
        }
        tx.commit().await?;
        Ok(marked == 1)
    }
}

/// A session recording's facts (never its audio).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordingRow {
    pub id: Id,
    pub session_id: Id,
    pub client_id: Id,
    pub uploaded_by: Id,
    pub consent_note: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub uploaded_at: Timestamp,
    pub delete_after: Timestamp,
    pub deleted_at: Option<Timestamp>,
}

#[derive(Clone, Debug)]
pub struct NewRecording {
    pub session_id: Id,
    pub client_id: Id,
    pub uploaded_by: Id,
    pub consent_note: String,
    pub content_type: String,
    pub audio: Vec<u8>,
    pub delete_after: Timestamp,
}

const RECORDING_COLUMNS: &str = "id, session_id, client_id, uploaded_by, consent_note, content_type, size_bytes, \
     uploaded_at, delete_after, deleted_at";

fn recording_from_row(r: &sqlx::any::AnyRow) -> Result<RecordingRow> {
    Ok(RecordingRow {
        id: Id::from_db(r.col("id")?),
        session_id: Id::from_db(r.col("session_id")?),
        client_id: Id::from_db(r.col("client_id")?),
        uploaded_by: Id::from_db(r.col("uploaded_by")?),
        consent_note: r.col("consent_note")?,
        content_type: r.col("content_type")?,
        size_bytes: r.col("size_bytes")?,
        uploaded_at: ts(&r.col::<String>("uploaded_at")?),
        delete_after: ts(&r.col::<String>("delete_after")?),
        deleted_at: opt_ts(r.col("deleted_at")?),
    })
}

impl Store {
    #[crate::boxing::boxed_future]
    pub async fn add_recording(&self, n: &NewRecording, mut event: AuditEvent) -> Result<RecordingRow> {
        let id = Id::new();
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO session_recordings (id, session_id, client_id, uploaded_by, consent_note, content_type, \
             size_bytes, audio, uploaded_at, delete_after) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(id.as_str())
        .bind(n.session_id.as_str())
        .bind(n.client_id.as_str())
        .bind(n.uploaded_by.as_str())
        .bind(&n.consent_note)
        .bind(&n.content_type)
        .bind(n.audio.len() as i64)
        .bind(n.audio.clone())
        .bind(now.to_db())
        .bind(n.delete_after.to_db())
        .execute(&mut *tx)
        .await?;
        event.resource_id = Some(id.to_string());
        audit::commit(tx, event, now).await?;
        Ok(RecordingRow {
            id,
            session_id: n.session_id.clone(),
            client_id: n.client_id.clone(),
            uploaded_by: n.uploaded_by.clone(),
            consent_note: n.consent_note.clone(),
            content_type: n.content_type.clone(),
            size_bytes: n.audio.len() as i64,
            uploaded_at: now,
            delete_after: n.delete_after,
            deleted_at: None,
        })
    }

    /// A session's recordings (deleted ones too, without audio), oldest first.
    #[crate::boxing::boxed_future]
    pub async fn session_recordings(&self, session: &Id) -> Result<Vec<RecordingRow>> {
        let sql = format!(
            "SELECT {RECORDING_COLUMNS} FROM session_recordings WHERE session_id = $1 ORDER BY uploaded_at, id"
        );
        let rows = sqlx::query(&sql).bind(session.as_str()).fetch_all(&self.read).await?;
        rows.iter().map(recording_from_row).collect()
    }

    #[crate::boxing::boxed_future]
    pub async fn recording(&self, id: &Id) -> Result<Option<RecordingRow>> {
        let sql = format!("SELECT {RECORDING_COLUMNS} FROM session_recordings WHERE id = $1");
        let row = sqlx::query(&sql).bind(id.as_str()).fetch_optional(&self.read).await?;
        row.as_ref().map(recording_from_row).transpose()
    }

    /// The audio of a recording still kept, with the play's audit entry
    /// written in the same transaction (no play goes unaudited).
    #[crate::boxing::boxed_future]
    pub async fn play_recording(&self, id: &Id, event: AuditEvent) -> Result<Option<Vec<u8>>> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        let row = sqlx::query("SELECT audio FROM session_recordings WHERE id = $1 AND deleted_at IS NULL")
            .bind(id.as_str())
            .fetch_optional(&mut *tx)
            .await?;
        let Some(row) = row else { return Ok(None) };
        let audio: Option<Vec<u8>> = row.col("audio")?;
        audit::commit(tx, event, now).await?;
        Ok(audio)
    }

    /// Deletes the audio of every recording past its retention date; the
    /// facts stay (who uploaded what, when, and when it was deleted). Returns
    /// how many were deleted; each gets an audit entry made by `event`.
    #[crate::boxing::boxed_future]
    pub async fn delete_expired_recordings(&self, now: Timestamp, event: AuditEvent) -> Result<usize> {
        let mut tx = self.begin_write().await?;
        let rows = sqlx::query(
            "SELECT id, client_id FROM session_recordings WHERE deleted_at IS NULL AND delete_after <= $1 ORDER BY id",
        )
        .bind(now.to_db())
        .fetch_all(&mut *tx)
        .await?;
        let mut events = Vec::with_capacity(rows.len());
        for r in &rows {
            let id: String = r.col("id")?;
            sqlx::query("UPDATE session_recordings SET audio = NULL, deleted_at = $2 WHERE id = $1")
                .bind(&id)
                .bind(now.to_db())
                .execute(&mut *tx)
                .await?;
            let mut e = event.clone();
            e.resource_id = Some(id);
            e.client_id = Some(r.col("client_id")?);
            events.push(e);
        }
        if !events.is_empty() {
            audit::append_many(&mut tx, events, now).await?;
        }
        tx.commit().await?;
        Ok(rows.len())
    }
}
