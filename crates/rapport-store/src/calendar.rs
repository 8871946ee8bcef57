//! The calendar: sessions of a caseload between two dates, and each account's
//! private calendar feed (the secret kept as SHA-256 for look-up and sealed
//! with the secrets key so its owner can be given the URL again).

use crate::courses::session_from_row;
use crate::row::Named;
use crate::{audit, Result, Store};
use rand::RngCore;
use rapport_core::audit::AuditEvent;
use rapport_core::secrets::NONCE_LEN;
use rapport_core::time::format_date;
use rapport_core::{Id, Timestamp};
use time::Date;

use crate::courses::TherapySession;

/// A session on the calendar with what the calendar shows beside it.
#[derive(Clone, Debug)]
pub struct CalendarSession {
    pub session: TherapySession,
    pub client_name: String,
    pub responsible_id: Id,
    pub responsible_name: String,
    /// The course's status (`active`, `completed`, ...).
    pub course_status: String,
    pub planned_minutes: i64,
}

/// An account's feed: whether a secret exists, the URL secret if it can be
/// opened, and the naming choice.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CalendarFeed {
    pub has_secret: bool,
    /// The secret itself (`None`: no feed, or no key to open it).
    pub secret: Option<String>,
    pub full_names: bool,
}

const SCOPE: &str = "SELECT s.id, s.course_id, s.client_id, s.session_date, s.session_time, s.modality, \
     s.attendance, s.duration_minutes, s.phase_override, s.phase_override_reason, s.version, s.created_at, s.created_by, s.engagement, \
     c.display_name AS client_name, c.responsible_clinician_id AS responsible_id, r.name AS responsible_name, \
     co.status AS course_status, co.session_minutes AS planned_minutes \
     FROM (SELECT t.client_id FROM care_team t WHERE t.user_id = $1 \
     UNION SELECT t.client_id FROM care_team t JOIN supervision_reach sv ON sv.clinician_id = t.user_id \
     WHERE sv.supervisor_id = $1) mine \
     JOIN therapy_sessions s ON s.client_id = mine.client_id \
     JOIN clients c ON c.id = s.client_id \
     JOIN users r ON r.id = c.responsible_clinician_id \
     JOIN courses co ON co.id = s.course_id \
     WHERE s.session_date >= $2 AND s.session_date <= $3";

/// An open course a session can be booked in, as the calendar's form lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BookableCourse {
    pub course_id: Id,
    pub client_name: String,
    pub responsible_id: Id,
    pub session_minutes: i64,
}

const MINE: &str = "(SELECT t.client_id FROM care_team t WHERE t.user_id = $1 \
     UNION SELECT t.client_id FROM care_team t JOIN supervision_reach sv ON sv.clinician_id = t.user_id \
     WHERE sv.supervisor_id = $1) mine";

impl Store {
    /// Planned and active courses of the clients in `user`'s calendar scope
    /// (as `calendar_sessions`), active clients only, by client name.
    #[crate::boxing::boxed_future]
    pub async fn bookable_courses(&self, user: &Id) -> Result<Vec<BookableCourse>> {
        let sql = format!(
            "SELECT co.id AS course_id, c.display_name AS client_name, c.responsible_clinician_id AS responsible_id, \
             co.session_minutes FROM {MINE} JOIN clients c ON c.id = mine.client_id \
             JOIN courses co ON co.client_id = c.id WHERE co.status IN ('planned', 'active') AND c.status = 'active' \
             ORDER BY c.sort_name, co.start_date"
        );
        let rows = sqlx::query(&sql).bind(user.as_str()).fetch_all(&self.read).await?;
        rows.iter()
            .map(|r| {
                Ok(BookableCourse {
                    course_id: Id::from_db(r.col("course_id")?),
                    client_name: r.col("client_name")?,
                    responsible_id: Id::from_db(r.col("responsible_id")?),
                    session_minutes: r.col("session_minutes")?,
                })
            })
            .collect()
    }

    /// Sessions (any attendance) from `from` to `to` inclusive of the clients
    /// on `user`'s care teams and those of the clinicians `user` supervises,
    /// in date and time order.
    #[crate::boxing::boxed_future]
    pub async fn calendar_sessions(&self, user: &Id, from: Date, to: Date) -> Result<Vec<CalendarSession>> {
        let sql = format!("{SCOPE} ORDER BY s.session_date, s.session_time, s.id");
        let rows = sqlx::query(&sql)
            .bind(user.as_str())
            .bind(format_date(from))
            .bind(format_date(to))
            .fetch_all(&self.read)
            .await?;
        rows.iter()
            .map(|r| {
                Ok(CalendarSession {
                    session: session_from_row(r)?,
                    client_name: r.col("client_name")?,
                    responsible_id: Id::from_db(r.col("responsible_id")?),
                    responsible_name: r.col("responsible_name")?,
                    course_status: r.col("course_status")?,
                    planned_minutes: r.col("planned_minutes")?,
                })
            })
            .collect()
    }

    /// `user`'s feed settings (default: none, initials).
    #[crate::boxing::boxed_future]
    pub async fn calendar_feed(&self, user: &Id) -> Result<CalendarFeed> {
        let row = sqlx::query("SELECT secret_hash, secret_sealed, full_names FROM calendar_feeds WHERE user_id = $1")
            .bind(user.as_str())
            .fetch_optional(&self.read)
            .await?;
        let Some(r) = row else { return Ok(CalendarFeed::default()) };
        let hash: Option<String> = r.col("secret_hash")?;
        let sealed: Option<String> = r.col("secret_sealed")?;
        let secret = match (&self.secrets, sealed) {
            (Some(ring), Some(s)) if hash.is_some() => ring.open(&s, &feed_account(user)).ok(),
            _ => None,
        };
        Ok(CalendarFeed { has_secret: hash.is_some(), secret, full_names: r.col::<i64>("full_names")? != 0 })
    }

    /// Sets (or replaces) `user`'s feed secret: `hash` for look-up, `secret`
    /// sealed when the store has a secrets key. The old URL stops working.
    #[crate::boxing::boxed_future]
    pub async fn set_calendar_secret(&self, user: &Id, hash: &str, secret: &str, event: AuditEvent) -> Result<()> {
        let now = Timestamp::now();
        let sealed = self.secrets.as_ref().map(|ring| {
            let mut nonce = [0u8; NONCE_LEN];
            rand::rngs::OsRng.fill_bytes(&mut nonce);
            ring.seal(secret, &feed_account(user), nonce)
        });
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO calendar_feeds (user_id, secret_hash, secret_sealed, full_names, updated_at) \
             VALUES ($1, $2, $3, 0, $4) ON CONFLICT (user_id) DO UPDATE SET secret_hash = $2, secret_sealed = $3, \
             updated_at = $4",
        )
        .bind(user.as_str())
        .bind(hash)
        .bind(sealed)
        .bind(now.to_db())
        .execute(&mut *tx)
        .await?;
        audit::commit(tx, event, now).await?;
        Ok(())
    }

    /// Whether `user`'s feed names clients in full.
    #[crate::boxing::boxed_future]
    pub async fn set_calendar_full_names(&self, user: &Id, full: bool, event: AuditEvent) -> Result<()> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO calendar_feeds (user_id, full_names, updated_at) VALUES ($1, $2, $3) \
             ON CONFLICT (user_id) DO UPDATE SET full_names = $2, updated_at = $3",
        )
        .bind(user.as_str())
        .bind(full as i64)
        .bind(now.to_db())
        .execute(&mut *tx)
        .await?;
        audit::commit(tx, event, now).await?;
        Ok(())
    }

    /// The account whose feed secret hashes to `hash`.
    #[crate::boxing::boxed_future]
    pub async fn calendar_feed_owner(&self, hash: &str) -> Result<Option<Id>> {
        let row = sqlx::query("SELECT user_id FROM calendar_feeds WHERE secret_hash = $1")
            .bind(hash)
            .fetch_optional(&self.read)
            .await?;
        Ok(match row {
            Some(r) => Some(Id::from_db(r.col("user_id")?)),
            None => None,
        })
    }
}

/// The associated data a sealed feed secret is bound to.
fn feed_account(user: &Id) -> String {
    format!("calendar-feed:{}", user.as_str())
}
