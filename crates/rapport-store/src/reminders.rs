//! Session reminders: the organisation's default lead time, each client's
//! choice, the sessions that may need one, and queueing one reminder (its
//! measure links and its outbox message) in one transaction. The UNIQUE
//! `session_reminders.session_id` makes a second reminder for a session
//! impossible, however often or wherever the job runs.

use crate::links::{insert_link, NewLinkRow};
use crate::outbox::{queue_notice, Notice};
use crate::row::Named;
use crate::{audit, opt_ts, ts, Result, Store};
use rapport_core::audit::AuditEvent;
use rapport_core::reminders::DEFAULT_LEAD_HOURS;
use rapport_core::time::{format_date, parse_date};
use rapport_core::{Id, Timestamp};
use time::Date;

/// A scheduled session of an active client with an e-mail address, in an
/// open course, with no reminder yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReminderCandidate {
    pub session_id: Id,
    pub course_id: Id,
    pub client_id: Id,
    pub date: Date,
    /// "HH:MM" or empty.
    pub time: String,
    pub client_name: String,
    pub email: String,
    /// The client's own lead time (0: off), or none: the organisation's default.
    pub client_lead_hours: Option<i64>,
    pub responsible_clinician_id: Id,
    /// The client's preferred language as recorded (free text), if any.
    pub preferred_language: Option<String>,
}

/// A reminder to queue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewReminder {
    pub session_id: Id,
    pub client_id: Id,
    pub lead_hours: i64,
    pub date: Date,
    pub time: String,
}

/// A reminder as the client page lists it, with its delivery from the outbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SentReminder {
    pub session_id: Id,
    pub course_id: Id,
    pub session_date: Date,
    pub session_time: String,
    pub lead_hours: i64,
    pub queued_at: Timestamp,
    pub sent_at: Option<Timestamp>,
    pub attempts: i64,
    pub last_error: Option<String>,
}

impl Store {
    /// The organisation's default lead time in hours (0: off).
    #[crate::boxing::boxed_future]
    pub async fn reminder_lead(&self) -> Result<i64> {
        let row =
            sqlx::query("SELECT lead_hours FROM reminder_settings WHERE id = 1").fetch_optional(&self.read).await?;
        Ok(match row {
            Some(r) => r.col("lead_hours")?,
            None => DEFAULT_LEAD_HOURS,
        })
    }

    #[crate::boxing::boxed_future]
    pub async fn set_reminder_lead(&self, hours: i64, event: AuditEvent) -> Result<()> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO reminder_settings (id, lead_hours, updated_at) VALUES (1, $1, $2) \
             ON CONFLICT (id) DO UPDATE SET lead_hours = $1, updated_at = $2",
        )
        .bind(hours)
        .bind(now.to_db())
        .execute(&mut *tx)
        .await?;
        audit::commit(tx, event, now).await?;
        Ok(())
    }

    /// The client's own lead time (0: off); none: the organisation's default.
    #[crate::boxing::boxed_future]
    pub async fn client_reminder_choice(&self, client: &Id) -> Result<Option<i64>> {
        let row = sqlx::query("SELECT lead_hours FROM client_reminder_choices WHERE client_id = $1")
            .bind(client.as_str())
            .fetch_optional(&self.read)
            .await?;
        Ok(match row {
            Some(r) => Some(r.col::<i64>("lead_hours")?),
            None => None,
        })
    }

    /// Sets (or, with `None`, clears back to the default) the client's choice.
    #[crate::boxing::boxed_future]
    pub async fn set_client_reminder_choice(&self, client: &Id, hours: Option<i64>, event: AuditEvent) -> Result<()> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        match hours {
            Some(h) => {
                sqlx::query(
                    "INSERT INTO client_reminder_choices (client_id, lead_hours, updated_at) VALUES ($1, $2, $3) \
                     ON CONFLICT (client_id) DO UPDATE SET lead_hours = $2, updated_at = $3",
                )
                .bind(client.as_str())
                .bind(h)
                .bind(now.to_db())
                .execute(&mut *tx)
                .await?;
            }
            None => {
                sqlx::query("DELETE FROM client_reminder_choices WHERE client_id = $1")
                    .bind(client.as_str())
                    .execute(&mut *tx)
                    .await?;
            }
        }
        audit::commit(tx, event.for_client(client), now).await?;
        Ok(())
    }

    /// Scheduled sessions dated `from` to `to` (inclusive) that may need a
    /// reminder: open course, active client with an e-mail address, none sent.
    #[crate::boxing::boxed_future]
    pub async fn reminder_candidates(&self, from: Date, to: Date) -> Result<Vec<ReminderCandidate>> {
        let rows = sqlx::query(
            "SELECT s.id, s.course_id, s.client_id, s.session_date, s.session_time, c.display_name, c.email, \
             c.responsible_clinician_id, c.preferred_language, ch.lead_hours FROM therapy_sessions s \
             JOIN courses k ON k.id = s.course_id JOIN clients c ON c.id = s.client_id \
             LEFT JOIN client_reminder_choices ch ON ch.client_id = s.client_id \
             WHERE s.attendance = 'scheduled' AND s.session_date >= $1 AND s.session_date <= $2 \
             AND k.status IN ('planned', 'active') AND c.status = 'active' \
             AND c.email IS NOT NULL AND c.email <> '' \
             AND NOT EXISTS (SELECT 1 FROM session_reminders r WHERE r.session_id = s.id) \
             ORDER BY s.session_date, s.session_time, s.id",
        )
        .bind(format_date(from))
        .bind(format_date(to))
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|r| {
                let d: String = r.col("session_date")?;
                Ok(ReminderCandidate {
                    session_id: Id::from_db(r.col("id")?),
                    course_id: Id::from_db(r.col("course_id")?),
                    client_id: Id::from_db(r.col("client_id")?),
                    date: parse_date(&d)
                        .ok_or_else(|| crate::StoreError::Invalid(format!("corrupt session_date {d:?}")))?,
                    time: r.col("session_time")?,
                    client_name: r.col("display_name")?,
                    email: r.col::<Option<String>>("email")?.unwrap_or_default(),
                    client_lead_hours: r.col("lead_hours")?,
                    responsible_clinician_id: Id::from_db(r.col("responsible_clinician_id")?),
                    preferred_language: r.col("preferred_language")?,
                })
            })
            .collect()
    }

    /// Queues a session's reminder: its measure links, its outbox message and
    /// the audit entry, in one transaction. False (nothing stored) when the
    /// session already has one.
    #[crate::boxing::boxed_future]
    pub async fn queue_session_reminder(
        &self,
        r: &NewReminder,
        links: &[NewLinkRow],
        notice: &Notice,
        event: AuditEvent,
    ) -> Result<bool> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        let taken = sqlx::query("SELECT 1 AS x FROM session_reminders WHERE session_id = $1")
            .bind(r.session_id.as_str())
            .fetch_optional(&mut *tx)
            .await?;
        if taken.is_some() {
            return Ok(false);
        }
        let outbox_id = queue_notice(&mut tx, notice, Some(&r.client_id), now).await?;
        // The uniqueness rule decides a race between two instances: the loser's
        // insert does nothing and its whole transaction is dropped.
        let inserted = sqlx::query(
            "INSERT INTO session_reminders (id, session_id, client_id, outbox_id, lead_hours, session_date, \
             session_time, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (session_id) DO NOTHING",
        )
        .bind(Id::new().as_str())
        .bind(r.session_id.as_str())
        .bind(r.client_id.as_str())
        .bind(outbox_id.as_str())
        .bind(r.lead_hours)
        .bind(format_date(r.date))
        .bind(&r.time)
        .bind(now.to_db())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if inserted == 0 {
            return Ok(false);
        }
        for l in links {
            insert_link(&mut tx, l, now).await?;
        }
        audit::commit(tx, event.on(&r.session_id).for_client(&r.client_id), now).await?;
        Ok(true)
    }

    /// The client's reminders, newest first, with their delivery.
    #[crate::boxing::boxed_future]
    pub async fn client_reminders(&self, client: &Id) -> Result<Vec<SentReminder>> {
        let rows = sqlx::query(
            "SELECT r.session_id, s.course_id, r.session_date, r.session_time, r.lead_hours, r.created_at, \
             o.sent_at, o.attempts, o.last_error FROM session_reminders r \
             JOIN therapy_sessions s ON s.id = r.session_id JOIN outbox o ON o.id = r.outbox_id \
             WHERE r.client_id = $1 ORDER BY r.created_at DESC, r.id DESC",
        )
        .bind(client.as_str())
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|r| {
                let d: String = r.col("session_date")?;
                Ok(SentReminder {
                    session_id: Id::from_db(r.col("session_id")?),
                    course_id: Id::from_db(r.col("course_id")?),
                    session_date: parse_date(&d)
                        .ok_or_else(|| crate::StoreError::Invalid(format!("corrupt session_date {d:?}")))?,
                    session_time: r.col("session_time")?,
                    lead_hours: r.col("lead_hours")?,
                    queued_at: ts(&r.col::<String>("created_at")?),
                    sent_at: opt_ts(r.col("sent_at")?),
                    attempts: r.col("attempts")?,
                    last_error: r.col("last_error")?,
                })
            })
            .collect()
    }
}
