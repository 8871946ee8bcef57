//! Delivery bookkeeping of the notification outbox: which messages are due,
//! claiming one so that only one server instance sends it, and recording the
//! outcome. Rules (backoff, redaction, attempts) are in `rapport_core::outbox`.

use crate::row::Named;
use crate::{audit, Result, Store};
use rapport_core::audit::AuditEvent;
use rapport_core::outbox::{is_sensitive, retry_after, truncate_error, CLAIM_LEASE, MAX_ATTEMPTS, REDACTED_BODY};
use rapport_core::{Id, Timestamp};

/// A security notice to a person about their own account (a role change, a
/// reset by an administrator, repeated wrong two-step codes, a portal reset),
/// queued in the outbox in the same transaction as what it reports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// The outbox kind, e.g. `account_notice`.
    pub kind: &'static str,
    /// The account it is about, when it goes to an account holder.
    pub to_user: Option<Id>,
    /// Where it goes; `None` sends to `to_user`'s current address.
    pub to_email: Option<String>,
    pub subject: String,
    pub body: String,
}

/// Queues `notices` inside an open write transaction.
pub(crate) async fn queue_notices(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    notices: &[Notice],
    now: Timestamp,
) -> Result<()> {
    for n in notices {
        queue_notice(tx, n, None, now).await?;
    }
    Ok(())
}

/// Queues one notice inside an open write transaction, naming the client it
/// is about when there is one; returns its outbox id.
pub(crate) async fn queue_notice(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    n: &Notice,
    client: Option<&Id>,
    now: Timestamp,
) -> Result<Id> {
    let id = Id::new();
    sqlx::query(
        "INSERT INTO outbox (id, kind, recipient_user_id, recipient_email, subject, body, client_id, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(id.as_str())
    .bind(n.kind)
    .bind(n.to_user.as_ref().map(|u| u.to_string()))
    .bind(n.to_email.clone())
    .bind(&n.subject)
    .bind(&n.body)
    .bind(client.map(|c| c.to_string()))
    .bind(now.to_db())
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

/// A message due for delivery, with its resolved address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueMessage {
    pub id: Id,
    pub kind: String,
    /// `recipient_email`, else the recipient user's current e-mail address.
    pub to: Option<String>,
    pub subject: String,
    pub body: String,
    pub attempts: i64,
}

/// How many messages stand where (for the administrator's summary).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OutboxCounts {
    pub sent: i64,
    pub pending: i64,
    pub failed: i64,
}

/// Rows not sent, still to be tried, and not held by a sender or a backoff
/// at `$1`. The same text is the claim's condition.
const DUE: &str = "sent_at IS NULL AND attempts < $2 AND (next_attempt_at IS NULL OR next_attempt_at <= $1)";

impl Store {
    /// Queues security notices, with the audit entry of what caused them when
    /// that has no transaction of its own.
    #[crate::boxing::boxed_future]
    pub async fn notify(&self, notices: &[Notice], event: Option<AuditEvent>) -> Result<()> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        queue_notices(&mut tx, notices, now).await?;
        if let Some(e) = event {
            audit::append(&mut tx, e, now).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Up to `limit` messages due at `now`, oldest first.
    #[crate::boxing::boxed_future]
    pub async fn due_outbox(&self, now: Timestamp, limit: i64) -> Result<Vec<DueMessage>> {
        let rows = sqlx::query(&format!(
            "SELECT id, kind, recipient_email, (SELECT u.email FROM users u WHERE u.id = outbox.recipient_user_id) \
             AS user_email, subject, body, attempts FROM outbox WHERE {DUE} ORDER BY created_at, id LIMIT $3"
        ))
        .bind(now.to_db())
        .bind(MAX_ATTEMPTS)
        .bind(limit)
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|r| {
                let own: Option<String> = r.col("recipient_email")?;
                let user: Option<String> = r.col("user_email")?;
                Ok(DueMessage {
                    id: Id::from_db(r.col("id")?),
                    kind: r.col("kind")?,
                    to: own.filter(|s| !s.trim().is_empty()).or(user.filter(|s| !s.trim().is_empty())),
                    subject: r.col("subject")?,
                    body: r.col("body")?,
                    attempts: r.col("attempts")?,
                })
            })
            .collect()
    }

    /// Claims a due message for `CLAIM_LEASE`: true for exactly one caller
    /// when several instances race for the same row.
    #[crate::boxing::boxed_future]
    pub async fn claim_outbox(&self, id: &Id, now: Timestamp) -> Result<bool> {
        let claimed = sqlx::query(&format!("UPDATE outbox SET next_attempt_at = $3 WHERE id = $4 AND {DUE}"))
            .bind(now.to_db())
            .bind(MAX_ATTEMPTS)
            .bind(now.plus(CLAIM_LEASE).to_db())
            .bind(id.as_str())
            .execute(&self.write)
            .await?
            .rows_affected();
        Ok(claimed == 1)
    }

    /// Records a delivery; a sensitive kind's body is replaced by the redaction text.
    #[crate::boxing::boxed_future]
    pub async fn outbox_sent(&self, id: &Id, kind: &str, now: Timestamp) -> Result<()> {
        sqlx::query("UPDATE outbox SET sent_at = $1, next_attempt_at = NULL, body = COALESCE($2, body) WHERE id = $3")
            .bind(now.to_db())
            .bind(is_sensitive(kind).then_some(REDACTED_BODY))
            .bind(id.as_str())
            .execute(&self.write)
            .await?;
        Ok(())
    }

    /// Records a failed attempt (the error cut to a safe length) and when to
    /// try again; after `MAX_ATTEMPTS` the message is no longer due.
    #[crate::boxing::boxed_future]
    pub async fn outbox_failed(&self, id: &Id, attempts_before: i64, error: &str, now: Timestamp) -> Result<()> {
        let attempts = attempts_before + 1;
        let next = retry_after(attempts).map(|d| now.plus(d).to_db());
        sqlx::query("UPDATE outbox SET attempts = $1, last_error = $2, next_attempt_at = $3 WHERE id = $4")
            .bind(attempts)
            .bind(truncate_error(error))
            .bind(next)
            .bind(id.as_str())
            .execute(&self.write)
            .await?;
        Ok(())
    }

    /// Messages sent, waiting (not yet sent, still to be tried) and failed for good.
    #[crate::boxing::boxed_future]
    pub async fn outbox_counts(&self) -> Result<OutboxCounts> {
        let r = sqlx::query(
            "SELECT \
             SUM(CASE WHEN sent_at IS NOT NULL THEN 1 ELSE 0 END) AS sent, \
             SUM(CASE WHEN sent_at IS NULL AND attempts < $1 THEN 1 ELSE 0 END) AS pending, \
             SUM(CASE WHEN sent_at IS NULL AND attempts >= $1 THEN 1 ELSE 0 END) AS failed FROM outbox",
        )
        .bind(MAX_ATTEMPTS)
        .fetch_one(&self.read)
        .await?;
        let n = |c: &str| -> Result<i64> { Ok(r.col::<Option<i64>>(c)?.unwrap_or(0)) };
        Ok(OutboxCounts { sent: n("sent")?, pending: n("pending")?, failed: n("failed")? })
    }
}
