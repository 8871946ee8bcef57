//! Two-step verification state: TOTP secrets (with the last accepted time step,
//! so a code is never accepted twice), single-use recovery codes (stored
//! hashed), and the pending second step of a sign-in.

use crate::row::Named;
use crate::{audit, ts, Result, Store, StoreError};
use rapport_core::audit::AuditEvent;
use rapport_core::{Id, Timestamp};

#[derive(Clone, Debug, Default)]
pub struct MfaState {
    /// Base32 secret of the active authenticator.
    pub secret: Option<String>,
    /// Base32 secret shown during enrolment, not yet confirmed.
    pub pending_secret: Option<String>,
    pub enabled_at: Option<Timestamp>,
    pub unused_recovery_codes: i64,
}

#[derive(Clone, Debug)]
pub struct Challenge {
    pub user_id: Id,
    pub created_at: Timestamp,
    pub attempts: i64,
}

impl Store {
    pub async fn mfa_state(&self, user: &Id) -> Result<MfaState> {
        let row = sqlx::query(
            "SELECT totp_secret, totp_pending_secret, totp_enabled_at, \
             (SELECT COUNT(*) FROM recovery_codes r WHERE r.user_id = u.id AND r.used_at IS NULL) AS unused \
             FROM users u WHERE u.id = $1",
        )
        .bind(user.as_str())
        .fetch_optional(&self.read)
        .await?
        .ok_or(StoreError::NotFound)?;
        Ok(MfaState {
            secret: row.col("totp_secret")?,
            pending_secret: row.col("totp_pending_secret")?,
            enabled_at: row.col::<Option<String>>("totp_enabled_at")?.as_deref().map(ts),
            unused_recovery_codes: row.col("unused")?,
        })
    }

    pub async fn set_pending_totp(&self, user: &Id, secret: &str) -> Result<()> {
        sqlx::query("UPDATE users SET totp_pending_secret = $1 WHERE id = $2")
            .bind(secret)
            .bind(user.as_str())
            .execute(&self.write)
            .await?;
        Ok(())
    }

    /// Turns two-step verification on with the confirmed secret; `step` is the
    /// time step of the confirming code, which can then not be used again.
    pub async fn enable_totp(
        &self,
        user: &Id,
        secret: &str,
        step: i64,
        recovery_hashes: &[String],
        event: AuditEvent,
    ) -> Result<()> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "UPDATE users SET totp_secret = $1, totp_pending_secret = NULL, totp_enabled_at = $2, totp_last_step = $3 \
             WHERE id = $4",
        )
        .bind(secret)
        .bind(now.to_db())
        .bind(step)
        .bind(user.as_str())
        .execute(&mut *tx)
        .await?;
        replace_codes(&mut tx, user, recovery_hashes).await?;
        audit::append(&mut tx, event, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Turns two-step verification off (by the user, or reset by an administrator).
    pub async fn disable_totp(&self, user: &Id, event: AuditEvent) -> Result<()> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        let n = sqlx::query(
            "UPDATE users SET totp_secret = NULL, totp_pending_secret = NULL, totp_enabled_at = NULL, \
             totp_last_step = NULL WHERE id = $1",
        )
        .bind(user.as_str())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        replace_codes(&mut tx, user, &[]).await?;
        audit::append(&mut tx, event, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Accepts a TOTP time step once: true only if it is later than any step accepted before.
    pub async fn accept_totp_step(&self, user: &Id, step: i64) -> Result<bool> {
        let n = sqlx::query(
            "UPDATE users SET totp_last_step = $1 WHERE id = $2 AND totp_secret IS NOT NULL \
             AND (totp_last_step IS NULL OR totp_last_step < $1)",
        )
        .bind(step)
        .bind(user.as_str())
        .execute(&self.write)
        .await?
        .rows_affected();
        Ok(n == 1)
    }

    /// Uses a recovery code; true if it existed and was unused.
    pub async fn use_recovery_code(&self, user: &Id, code_hash: &str) -> Result<bool> {
        let n = sqlx::query(
            "UPDATE recovery_codes SET used_at = $1 WHERE user_id = $2 AND code_hash = $3 AND used_at IS NULL",
        )
        .bind(Timestamp::now().to_db())
        .bind(user.as_str())
        .bind(code_hash)
        .execute(&self.write)
        .await?
        .rows_affected();
        Ok(n == 1)
    }

    pub async fn replace_recovery_codes(&self, user: &Id, hashes: &[String], event: AuditEvent) -> Result<()> {
        let mut tx = self.begin_write().await?;
        replace_codes(&mut tx, user, hashes).await?;
        audit::append(&mut tx, event, Timestamp::now()).await?;
        tx.commit().await?;
        Ok(())
    }

    // ---- the pending second step of a sign-in ---------------------------

    /// Opens the second step of a sign-in; the account's earlier challenge, if
    /// any, ends (one live challenge per account, kept by a unique index).
    pub async fn create_challenge(&self, id_hash: &str, user: &Id) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM login_challenges WHERE user_id = $1").bind(user.as_str()).execute(&mut *tx).await?;
        sqlx::query("INSERT INTO login_challenges (id_hash, user_id, created_at, attempts) VALUES ($1, $2, $3, 0)")
            .bind(id_hash)
            .bind(user.as_str())
            .bind(Timestamp::now().to_db())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn challenge(&self, id_hash: &str) -> Result<Option<Challenge>> {
        let row = sqlx::query("SELECT user_id, created_at, attempts FROM login_challenges WHERE id_hash = $1")
            .bind(id_hash)
            .fetch_optional(&self.read)
            .await?;
        row.as_ref().map(challenge_from_row).transpose()
    }

    /// Counts one attempt at the code *before* it is checked, atomically: the
    /// challenge as it is after counting, or `None` when it is gone, expired
    /// (created before `created_after`) or already had `max_attempts`.
    pub async fn take_challenge_attempt(
        &self,
        id_hash: &str,
        max_attempts: i64,
        created_after: Timestamp,
    ) -> Result<Option<Challenge>> {
        let row = sqlx::query(
            "UPDATE login_challenges SET attempts = attempts + 1 \
             WHERE id_hash = $1 AND attempts < $2 AND created_at > $3 RETURNING user_id, created_at, attempts",
        )
        .bind(id_hash)
        .bind(max_attempts)
        .bind(created_after.to_db())
        .fetch_optional(&self.write)
        .await?;
        row.as_ref().map(challenge_from_row).transpose()
    }

    pub async fn delete_challenge(&self, id_hash: &str) -> Result<()> {
        sqlx::query("DELETE FROM login_challenges WHERE id_hash = $1").bind(id_hash).execute(&self.write).await?;
        Ok(())
    }

    /// Housekeeping: removes challenges created before `before`.
    pub async fn purge_challenges(&self, before: Timestamp) -> Result<u64> {
        Ok(sqlx::query("DELETE FROM login_challenges WHERE created_at < $1")
            .bind(before.to_db())
            .execute(&self.write)
            .await?
            .rows_affected())
    }
}

fn challenge_from_row(r: &sqlx::any::AnyRow) -> Result<Challenge> {
    Ok(Challenge {
        user_id: Id::from_db(r.col("user_id")?),
        created_at: ts(&r.col::<String>("created_at")?),
        attempts: r.col("attempts")?,
    })
}

async fn replace_codes(tx: &mut sqlx::Transaction<'static, sqlx::Any>, user: &Id, hashes: &[String]) -> Result<()> {
    sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1").bind(user.as_str()).execute(&mut **tx).await?;
    for h in hashes {
        sqlx::query("INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)")
            .bind(user.as_str())
            .bind(h)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}
