//! Kiosk mode: a clinician's kiosk PIN and the lock on a staff session that
//! shows only one client's questionnaires until the PIN is typed again.
//! The lock is four columns of the session row (migration 0025), so ending
//! the session ends the lock with it.

use crate::row::Named;
use crate::{audit, Result, Store};
use rapport_core::audit::AuditEvent;
use rapport_core::{Id, Timestamp};

/// A locked session: whose questionnaires it shows and what is left.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KioskLock {
    pub client_id: Id,
    pub course_id: Option<Id>,
    /// Instrument ids still to offer, in order.
    pub queue: Vec<String>,
    /// Wrong PINs typed since the lock began.
    pub failures: i64,
}

fn queue_text(queue: &[String]) -> String {
    queue.join(",")
}

impl Store {
    /// The PHC string of the person's kiosk PIN, if they set one.
    #[crate::boxing::boxed_future]
    pub async fn kiosk_pin_hash(&self, user_id: &Id) -> Result<Option<String>> {
        let row = sqlx::query("SELECT kiosk_pin_hash FROM users WHERE id = $1")
            .bind(user_id.as_str())
            .fetch_optional(&self.read)
            .await?;
        Ok(match row {
            Some(r) => r.col("kiosk_pin_hash")?,
            None => None,
        })
    }

    /// Stores a new kiosk PIN hash, with its audit entry.
    #[crate::boxing::boxed_future]
    pub async fn set_kiosk_pin(&self, user_id: &Id, phc: &str, event: AuditEvent) -> Result<()> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE users SET kiosk_pin_hash = $1 WHERE id = $2")
            .bind(phc)
            .bind(user_id.as_str())
            .execute(&mut *tx)
            .await?;
        audit::commit(tx, event, now).await
    }

    /// Locks a session to `client_id`'s questionnaires (`queue`), with the audit entry.
    #[crate::boxing::boxed_future]
    pub async fn lock_kiosk(
        &self,
        session_hash: &str,
        client_id: &Id,
        course_id: Option<&Id>,
        queue: &[String],
        event: AuditEvent,
    ) -> Result<()> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "UPDATE sessions SET kiosk_client_id = $1, kiosk_course_id = $2, kiosk_queue = $3, kiosk_failures = 0 \
             WHERE id_hash = $4",
        )
        .bind(client_id.as_str())
        .bind(course_id.map(Id::as_str))
        .bind(queue_text(queue))
        .bind(session_hash)
        .execute(&mut *tx)
        .await?;
        audit::commit(tx, event, now).await
    }

    /// The session's lock, if it is locked.
    #[crate::boxing::boxed_future]
    pub async fn kiosk_lock(&self, session_hash: &str) -> Result<Option<KioskLock>> {
        let row = sqlx::query(
            "SELECT kiosk_client_id, kiosk_course_id, kiosk_queue, kiosk_failures FROM sessions \
             WHERE id_hash = $1 AND kiosk_client_id IS NOT NULL",
        )
        .bind(session_hash)
        .fetch_optional(&self.read)
        .await?;
        row.map(|r| {
            let queue: Option<String> = r.col("kiosk_queue")?;
            Ok(KioskLock {
                client_id: Id::from_db(r.col("kiosk_client_id")?),
                course_id: r.col::<Option<String>>("kiosk_course_id")?.map(Id::from_db),
                queue: queue.unwrap_or_default().split(',').filter(|s| !s.is_empty()).map(str::to_string).collect(),
                failures: r.col("kiosk_failures")?,
            })
        })
        .transpose()
    }

    /// What is left to offer on a locked session.
    #[crate::boxing::boxed_future]
    pub async fn set_kiosk_queue(&self, session_hash: &str, queue: &[String]) -> Result<()> {
        sqlx::query("UPDATE sessions SET kiosk_queue = $1 WHERE id_hash = $2 AND kiosk_client_id IS NOT NULL")
            .bind(queue_text(queue))
            .bind(session_hash)
            .execute(&self.write)
            .await?;
        Ok(())
    }

    /// Counts one wrong PIN on a locked session, with its audit entry, and
    /// returns the count so far (0 when the session is not locked).
    pub async fn kiosk_pin_failed(&self, session_hash: &str, event: impl FnOnce(i64) -> AuditEvent) -> Result<i64> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        let row = sqlx::query(
            "UPDATE sessions SET kiosk_failures = kiosk_failures + 1 \
             WHERE id_hash = $1 AND kiosk_client_id IS NOT NULL RETURNING kiosk_failures",
        )
        .bind(session_hash)
        .fetch_optional(&mut *tx)
        .await?;
        let n: i64 = match row {
            Some(r) => r.col("kiosk_failures")?,
            None => 0,
        };
        audit::commit(tx, event(n), now).await?;
        Ok(n)
    }

    /// Unlocks a session (the right PIN), with the audit entry; false when it was not locked.
    #[crate::boxing::boxed_future]
    pub async fn unlock_kiosk(&self, session_hash: &str, event: AuditEvent) -> Result<bool> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        let unlocked = sqlx::query(
            "UPDATE sessions SET kiosk_client_id = NULL, kiosk_course_id = NULL, kiosk_queue = NULL, \
             kiosk_failures = 0 WHERE id_hash = $1 AND kiosk_client_id IS NOT NULL RETURNING id_hash",
        )
        .bind(session_hash)
        .fetch_optional(&mut *tx)
        .await?
        .is_some();
        if unlocked {
            audit::append(&mut tx, event, now).await?;
        }
        tx.commit().await?;
        Ok(unlocked)
    }
}
