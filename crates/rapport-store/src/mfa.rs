//! Two-step verification state: TOTP secrets (with the last accepted time step,
//! so a code is never accepted twice), single-use recovery codes (stored
//! hashed), and the pending second step of a sign-in.
//!
//! TOTP secrets are sealed at rest (`rapport_core::secrets`) with the store's
//! keyring and the account id as associated data; callers see plain base32.

use crate::row::Named;
use crate::{audit, ts, Backend, Result, Store, StoreError};
use rand::RngCore;
use rapport_core::audit::AuditEvent;
use rapport_core::secrets::{is_sealed, Keyring, NONCE_LEN};
use rapport_core::{Id, Timestamp};
use sqlx::AnyPool;
use std::path::Path;

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
    #[crate::boxing::boxed_future]
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
        let secret: Option<String> = row.col("totp_secret")?;
        let pending: Option<String> = row.col("totp_pending_secret")?;
        Ok(MfaState {
            secret: secret.map(|s| self.open_secret(user.as_str(), &s)).transpose()?,
            pending_secret: pending.map(|s| self.open_secret(user.as_str(), &s)).transpose()?,
            enabled_at: row.col::<Option<String>>("totp_enabled_at")?.as_deref().map(ts),
            unused_recovery_codes: row.col("unused")?,
        })
    }

    #[crate::boxing::boxed_future]
    pub async fn set_pending_totp(&self, user: &Id, secret: &str) -> Result<()> {
        let sealed = self.seal_secret(user.as_str(), secret)?;
        sqlx::query("UPDATE users SET totp_pending_secret = $1 WHERE id = $2")
            .bind(sealed)
            .bind(user.as_str())
            .execute(&self.write)
            .await?;
        Ok(())
    }

    /// Turns two-step verification on with the confirmed secret; `step` is the
    /// time step of the confirming code, which can then not be used again.
    #[crate::boxing::boxed_future]
    pub async fn enable_totp(
        &self,
        user: &Id,
        secret: &str,
        step: i64,
        recovery_hashes: &[String],
        event: AuditEvent,
    ) -> Result<()> {
        let now = Timestamp::now();
        let sealed = self.seal_secret(user.as_str(), secret)?;
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "UPDATE users SET totp_secret = $1, totp_pending_secret = NULL, totp_enabled_at = $2, totp_last_step = $3 \
             WHERE id = $4",
        )
        .bind(sealed)
        .bind(now.to_db())
        .bind(step)
        .bind(user.as_str())
        .execute(&mut *tx)
        .await?;
        replace_codes(&mut tx, user, recovery_hashes).await?;
        audit::commit(tx, event, now).await?;
        Ok(())
    }

    /// Turns two-step verification off (by the user, or reset by an administrator).
    #[crate::boxing::boxed_future]
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
        audit::commit(tx, event, now).await?;
        Ok(())
    }

    /// Accepts a TOTP time step once: true only if it is later than any step accepted before.
    #[crate::boxing::boxed_future]
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
    #[crate::boxing::boxed_future]
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

    #[crate::boxing::boxed_future]
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
    #[crate::boxing::boxed_future]
    pub async fn create_challenge(&self, id_hash: &str, user: &Id) -> Result<()> {
        // One statement, so simultaneous sign-ins replace each other instead of
        // racing into the unique index.
        sqlx::query(
            "INSERT INTO login_challenges (id_hash, user_id, created_at, attempts) VALUES ($1, $2, $3, 0) \
             ON CONFLICT (user_id) DO UPDATE SET id_hash = $1, created_at = $3, attempts = 0",
        )
        .bind(id_hash)
        .bind(user.as_str())
        .bind(Timestamp::now().to_db())
        .execute(&self.write)
        .await?;
        Ok(())
    }

    #[crate::boxing::boxed_future]
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
    #[crate::boxing::boxed_future]
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

    #[crate::boxing::boxed_future]
    pub async fn delete_challenge(&self, id_hash: &str) -> Result<()> {
        sqlx::query("DELETE FROM login_challenges WHERE id_hash = $1").bind(id_hash).execute(&self.write).await?;
        Ok(())
    }

    /// Housekeeping: removes challenges created before `before`.
    #[crate::boxing::boxed_future]
    pub async fn purge_challenges(&self, before: Timestamp) -> Result<u64> {
        Ok(sqlx::query("DELETE FROM login_challenges WHERE created_at < $1")
            .bind(before.to_db())
            .execute(&self.write)
            .await?
            .rows_affected())
    }
}

// ---- sealing secrets at rest ------------------------------------------------

/// What `Store::rotate_secrets` did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Rotation {
    /// Values sealed again with the current key (or sealed for the first time).
    pub resealed: u64,
    /// Values already under the current key.
    pub current: u64,
}

fn no_key() -> StoreError {
    StoreError::Secret(
        "no secrets key: two-step verification secrets need the key file (--secrets-key-file, or secrets.key \
         in the data directory)"
            .into(),
    )
}

fn seal_with(ring: &Keyring, account: &str, plain: &str) -> String {
    let mut nonce = [0u8; NONCE_LEN];
    rand::rngs::OsRng.fill_bytes(&mut nonce);
    ring.seal(plain, account, nonce)
}

impl Store {
    fn keyring(&self) -> Result<&Keyring> {
        self.secrets.as_deref().ok_or_else(no_key)
    }

    /// Seals a secret of the store's own (the research pseudonym key) under `account`.
    pub(crate) fn seal_named_secret(&self, account: &str, plain: &str) -> Result<String> {
        self.seal_secret(account, plain)
    }

    /// Opens what [`Store::seal_named_secret`] sealed.
    pub(crate) fn open_named_secret(&self, account: &str, stored: &str) -> Result<String> {
        self.keyring()?.open(stored, account).map_err(|e| StoreError::Secret(format!("{account} key: {e}")))
    }

    fn seal_secret(&self, account: &str, plain: &str) -> Result<String> {
        Ok(seal_with(self.keyring()?, account, plain))
    }

    /// Opens a stored secret. A plain one (written by an instance that predates
    /// sealing, during a rolling upgrade) is returned as it is; the next start
    /// or `rotate_secrets` seals it.
    fn open_secret(&self, account: &str, stored: &str) -> Result<String> {
        if !is_sealed(stored) {
            return Ok(stored.to_string());
        }
        self.keyring()?
            .open(stored, account)
            .map_err(|e| StoreError::Secret(format!("two-step verification secret of account {account}: {e}")))
    }

    /// Seals every secret again with the current key (the first line of the key
    /// file), and seals any plain one. Safe to repeat; a value that cannot be
    /// opened stops the run with its account named (nothing after it changes).
    #[crate::boxing::boxed_future]
    pub async fn rotate_secrets(&self) -> Result<Rotation> {
        let ring = self.keyring()?;
        let mut done = Rotation::default();
        let mut tx = self.begin_write().await?;
        for (id, column, stored) in stored_secrets(&mut *tx).await? {
            if ring.is_current(&stored) {
                done.current += 1;
                continue;
            }
            let plain = if is_sealed(&stored) {
                ring.open(&stored, &id).map_err(|e| {
                    StoreError::Secret(format!(
                        "two-step verification secret of account {id}: {e}; nothing was changed"
                    ))
                })?
            } else {
                stored.clone()
            };
            reseal(&mut tx, &id, column, &stored, &seal_with(ring, &id, &plain)).await?;
            done.resealed += 1;
        }
        tx.commit().await?;
        Ok(done)
    }
}

#[derive(Clone, Copy)]
enum Column {
    Secret,
    Pending,
}

/// Every stored secret: (account id, column, stored text).
async fn stored_secrets<'c, E>(conn: E) -> Result<Vec<(String, Column, String)>>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
{
    let rows = sqlx::query(
        "SELECT id, totp_secret, totp_pending_secret FROM users \
         WHERE totp_secret IS NOT NULL OR totp_pending_secret IS NOT NULL ORDER BY id",
    )
    .fetch_all(conn)
    .await?;
    let mut out = Vec::new();
    for r in rows {
        let id: String = r.col("id")?;
        if let Some(s) = r.col::<Option<String>>("totp_secret")? {
            out.push((id.clone(), Column::Secret, s));
        }
        if let Some(s) = r.col::<Option<String>>("totp_pending_secret")? {
            out.push((id, Column::Pending, s));
        }
    }
    Ok(out)
}

/// Replaces one stored value, only if it is still the one read (another
/// instance may have changed it meanwhile; then its value stands).
async fn reseal(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    id: &str,
    column: Column,
    old: &str,
    new: &str,
) -> Result<()> {
    let sql = match column {
        Column::Secret => "UPDATE users SET totp_secret = $1 WHERE id = $2 AND totp_secret = $3",
        Column::Pending => "UPDATE users SET totp_pending_secret = $1 WHERE id = $2 AND totp_pending_secret = $3",
    };
    sqlx::query(sql).bind(new).bind(id).bind(old).execute(&mut **tx).await?;
    Ok(())
}

/// At open: seals secrets stored in plain form before this version, once.
/// Refuses to go on when plain secrets exist but there is no key, or when the
/// key file was created just now although the database holds secrets sealed
/// with other keys (the wrong data directory; the new file is removed again).
pub(crate) async fn seal_plain_secrets(
    backend: Backend,
    pool: &AnyPool,
    ring: Option<&Keyring>,
    created_key_file: Option<&Path>,
) -> Result<()> {
    let stored = stored_secrets(pool).await?;
    let plain = stored.iter().filter(|(_, _, s)| !is_sealed(s)).count();
    let Some(ring) = ring else {
        if plain > 0 {
            return Err(StoreError::Config(format!(
                "the database holds {plain} two-step verification secret(s) in plain form and no secrets key was \
                 given to seal them (--secrets-key-file; docs/operations.md)"
            )));
        }
        return Ok(());
    };
    let mut unknown: Vec<&str> = stored
        .iter()
        .filter_map(|(_, _, s)| Keyring::sealed_key_id(s))
        .filter(|id| !ring.key_ids().contains(id))
        .collect();
    unknown.sort_unstable();
    unknown.dedup();
    if !unknown.is_empty() {
        if let Some(path) = created_key_file {
            let _ = std::fs::remove_file(path);
            return Err(StoreError::Config(format!(
                "the secrets key file {} did not exist, but the database holds secrets sealed with key(s) {}: \
                 point --secrets-key-file (or --data-dir) at the key file used before",
                path.display(),
                unknown.join(", ")
            )));
        }
        tracing::warn!(
            key_ids = %unknown.join(", "),
            "some two-step verification secrets are sealed with keys missing from the secrets key file; \
             those accounts cannot sign in until the key is restored or an administrator resets their two-step verification"
        );
    }
    if plain == 0 {
        return Ok(());
    }
    let mut tx = crate::begin_write(backend, pool).await?;
    for (id, column, s) in stored.iter().filter(|(_, _, s)| !is_sealed(s)) {
        reseal(&mut tx, id, *column, s, &seal_with(ring, id, s)).await?;
    }
    tx.commit().await?;
    tracing::info!(secrets = plain, "two-step verification secrets sealed at rest");
    Ok(())
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
