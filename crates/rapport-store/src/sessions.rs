//! Server-side sign-in state: browser sessions, API tokens, the first-run setup
//! link and login-failure counters. Secrets are stored only as SHA-256 hashes.

use crate::clients::{client_with_relation_from_row, relation_columns, ClientWithRelation, CLIENT_COLUMNS};
use crate::row::Named;
use crate::users::{insert_user, owner_from_row, user_from_row, NewUser, User, OWNER_COLUMNS, USER_COLUMNS};
use crate::{audit, opt_ts, org, ts, Result, Store, StoreError};
use rapport_core::audit::AuditEvent;
use rapport_core::throttle::{FailureRecord, ThrottlePolicy};
use rapport_core::{Id, Timestamp};

#[derive(Clone, Debug)]
pub struct SessionRow {
    pub id_hash: String,
    pub csrf_token: String,
    pub created_at: Timestamp,
    pub last_seen_at: Timestamp,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    /// Kiosk mode: the client whose questionnaires this session is locked to.
    pub kiosk_client_id: Option<Id>,
}

#[derive(Clone, Debug)]
pub struct TokenRow {
    pub id: Id,
    pub name: String,
    pub created_at: Timestamp,
    pub last_used_at: Option<Timestamp>,
    pub revoked_at: Option<Timestamp>,
}

const TOKEN_COLUMNS: &str =
    "t.id AS token_id, t.name AS token_name, t.created_at AS token_created_at, t.last_used_at, t.revoked_at";

fn token_from_row(r: &sqlx::any::AnyRow) -> Result<TokenRow> {
    Ok(TokenRow {
        id: Id::from_db(r.col("token_id")?),
        name: r.col("token_name")?,
        created_at: ts(&r.col::<String>("token_created_at")?),
        last_used_at: opt_ts(r.col("last_used_at")?),
        revoked_at: opt_ts(r.col("revoked_at")?),
    })
}

fn session_from_row(r: &sqlx::any::AnyRow) -> Result<SessionRow> {
    Ok(SessionRow {
        id_hash: r.col("id_hash")?,
        csrf_token: r.col("csrf_token")?,
        created_at: ts(&r.col::<String>("created_at")?),
        last_seen_at: ts(&r.col::<String>("last_seen_at")?),
        ip: r.col("ip")?,
        user_agent: r.col("user_agent")?,
        kiosk_client_id: r.col::<Option<String>>("kiosk_client_id")?.map(Id::from_db),
    })
}

impl Store {
    // ---- sessions -------------------------------------------------------

    /// Creates a session and records the login in one transaction.
    #[crate::boxing::boxed_future]
    pub async fn create_session(
        &self,
        id_hash: &str,
        user_id: &Id,
        csrf_token: &str,
        ip: Option<&str>,
        user_agent: Option<&str>,
        event: AuditEvent,
    ) -> Result<()> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, ip, user_agent) \
             VALUES ($1, $2, $3, $4, $4, $5, $6)",
        )
        .bind(id_hash)
        .bind(user_id.as_str())
        .bind(csrf_token)
        .bind(now.to_db())
        .bind(ip)
        .bind(user_agent)
        .execute(&mut *tx)
        .await?;
        audit::commit(tx, event, now).await?;
        Ok(())
    }

    #[crate::boxing::boxed_future]
    pub async fn session_with_user(&self, id_hash: &str) -> Result<Option<(SessionRow, User)>> {
        let sql = format!(
            "SELECT s.id_hash, s.csrf_token, s.created_at AS session_created_at, s.last_seen_at, s.ip, s.user_agent, \
             s.kiosk_client_id, \
             {USER_COLUMNS} FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = $1"
        );
        let row = self.hot_row(sqlx::query(&sql).bind(id_hash)).await?;
        row.map(|r| {
            let session = SessionRow {
                id_hash: r.col("id_hash")?,
                csrf_token: r.col("csrf_token")?,
                // The user's own `created_at` is in the same row: the session's
                // is read under its alias (see row.rs).
                created_at: ts(&r.col::<String>("session_created_at")?),
                last_seen_at: ts(&r.col::<String>("last_seen_at")?),
                ip: r.col("ip")?,
                user_agent: r.col("user_agent")?,
                kiosk_client_id: r.col::<Option<String>>("kiosk_client_id")?.map(Id::from_db),
            };
            Ok((session, user_from_row(&r)?))
        })
        .transpose()
    }

    #[crate::boxing::boxed_future]
    pub async fn touch_session(&self, id_hash: &str, now: Timestamp) -> Result<()> {
        sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2")
            .bind(now.to_db())
            .bind(id_hash)
            .execute(&self.write)
            .await?;
        Ok(())
    }

    /// Ends one session of `user_id`; with an audit event when a person asked for it.
    #[crate::boxing::boxed_future]
    pub async fn end_session(&self, user_id: &Id, id_hash: &str, event: Option<AuditEvent>) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let n = sqlx::query("DELETE FROM sessions WHERE id_hash = $1 AND user_id = $2")
            .bind(id_hash)
            .bind(user_id.as_str())
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if let Some(e) = event {
            if n > 0 {
                audit::append(&mut tx, e, Timestamp::now()).await?;
            }
        }
        tx.commit().await?;
        Ok(n > 0)
    }

    #[crate::boxing::boxed_future]
    pub async fn end_other_sessions(&self, user_id: &Id, keep: &str, event: AuditEvent) -> Result<u64> {
        let mut tx = self.begin_write().await?;
        let n = sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND id_hash <> $2")
            .bind(user_id.as_str())
            .bind(keep)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        audit::append(&mut tx, event, Timestamp::now()).await?;
        tx.commit().await?;
        Ok(n)
    }

    /// Ends every session of a user (an administrator's action, ASVS 7.4.5).
    #[crate::boxing::boxed_future]
    pub async fn end_all_sessions(&self, user_id: &Id, event: AuditEvent) -> Result<u64> {
        self.end_other_sessions(user_id, "", event).await
    }

    #[crate::boxing::boxed_future]
    pub async fn sessions_of(&self, user_id: &Id) -> Result<Vec<SessionRow>> {
        let rows = sqlx::query(
            "SELECT id_hash, csrf_token, created_at, last_seen_at, ip, user_agent, kiosk_client_id FROM sessions \
             WHERE user_id = $1 ORDER BY last_seen_at DESC",
        )
        .bind(user_id.as_str())
        .fetch_all(&self.read)
        .await?;
        rows.iter().map(session_from_row).collect()
    }

    /// Removes sessions past their lifetime (housekeeping; expiry is also checked on use).
    #[crate::boxing::boxed_future]
    pub async fn purge_sessions(&self, idle_before: Timestamp, created_before: Timestamp) -> Result<u64> {
        Ok(sqlx::query("DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2")
            .bind(idle_before.to_db())
            .bind(created_before.to_db())
            .execute(&self.write)
            .await?
            .rows_affected())
    }

    // ---- API tokens -----------------------------------------------------

    #[crate::boxing::boxed_future]
    pub async fn create_token(&self, user_id: &Id, name: &str, token_hash: &str, event: AuditEvent) -> Result<Id> {
        let id = Id::new();
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        sqlx::query("INSERT INTO api_tokens (id, user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(id.as_str())
            .bind(user_id.as_str())
            .bind(name)
            .bind(token_hash)
            .bind(now.to_db())
            .execute(&mut *tx)
            .await?;
        audit::commit(tx, event.on(&id), now).await?;
        Ok(id)
    }

    /// The live token and its user, or `None` if unknown or revoked.
    #[crate::boxing::boxed_future]
    pub async fn token_with_user(&self, token_hash: &str) -> Result<Option<(TokenRow, User)>> {
        let sql = format!(
            "SELECT {TOKEN_COLUMNS}, {USER_COLUMNS} FROM api_tokens t JOIN users u ON u.id = t.user_id \
             WHERE t.token_hash = $1 AND t.revoked_at IS NULL"
        );
        let row = self.hot_row(sqlx::query(&sql).bind(token_hash)).await?;
        row.map(|r| Ok((token_from_row(&r)?, user_from_row(&r)?))).transpose()
    }

    /// `token_with_user` and, in the same query, the client `client` with how
    /// the token's user stands towards it (`client_with_relation`): one round
    /// trip instead of two for a request about one client. The client part is
    /// `None` when no such client exists.
    #[crate::boxing::boxed_future]
    pub async fn token_with_user_and_client(
        &self,
        token_hash: &str,
        client: &Id,
        now: Timestamp,
    ) -> Result<Option<(TokenRow, User, Option<ClientWithRelation>)>> {
        let sql = format!(
            "SELECT {TOKEN_COLUMNS}, {OWNER_COLUMNS}, {CLIENT_COLUMNS}, {} \
             FROM api_tokens t JOIN users u ON u.id = t.user_id \
             LEFT JOIN clients c ON c.id = $2 LEFT JOIN users r ON r.id = c.responsible_clinician_id \
             WHERE t.token_hash = $1 AND t.revoked_at IS NULL",
            relation_columns("u.id", "$3")
        );
        let row = self.hot_row(sqlx::query(&sql).bind(token_hash).bind(client.as_str()).bind(now.to_db())).await?;
        row.map(|r| {
            let found = match r.col::<Option<String>>("id")? {
                Some(_) => Some(client_with_relation_from_row(&r)?),
                None => None,
            };
            Ok((token_from_row(&r)?, owner_from_row(&r)?, found))
        })
        .transpose()
    }

    #[crate::boxing::boxed_future]
    pub async fn touch_token(&self, id: &Id, now: Timestamp) -> Result<()> {
        sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2")
            .bind(now.to_db())
            .bind(id.as_str())
            .execute(&self.write)
            .await?;
        Ok(())
    }

    #[crate::boxing::boxed_future]
    pub async fn tokens_of(&self, user_id: &Id) -> Result<Vec<TokenRow>> {
        let sql = format!("SELECT {TOKEN_COLUMNS} FROM api_tokens t WHERE t.user_id = $1 ORDER BY t.created_at DESC");
        let rows = sqlx::query(&sql).bind(user_id.as_str()).fetch_all(&self.read).await?;
        rows.iter().map(token_from_row).collect()
    }

    #[crate::boxing::boxed_future]
    pub async fn revoke_token(&self, user_id: &Id, token_id: &Id, event: AuditEvent) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let n =
            sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL")
                .bind(Timestamp::now().to_db())
                .bind(token_id.as_str())
                .bind(user_id.as_str())
                .execute(&mut *tx)
                .await?
                .rows_affected();
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        audit::append(&mut tx, event, Timestamp::now()).await?;
        tx.commit().await?;
        Ok(())
    }

    // ---- first-run setup ------------------------------------------------

    /// Issues a setup link while no account exists. Earlier unused links stay
    /// valid until they expire (each start prints a fresh one).
    #[crate::boxing::boxed_future]
    pub async fn create_setup_token(&self, token_hash: &str, expires_at: Timestamp) -> Result<()> {
        sqlx::query("INSERT INTO setup_tokens (token_hash, created_at, expires_at) VALUES ($1, $2, $3)")
            .bind(token_hash)
            .bind(Timestamp::now().to_db())
            .bind(expires_at.to_db())
            .execute(&self.write)
            .await?;
        Ok(())
    }

    /// Whether the link can still be used (unused, unexpired, no account yet).
    #[crate::boxing::boxed_future]
    pub async fn setup_token_usable(&self, token_hash: &str, now: Timestamp) -> Result<bool> {
        let row = sqlx::query(
            "SELECT (SELECT COUNT(*) FROM setup_tokens WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2) AS ok, \
             (SELECT COUNT(*) FROM users) AS users",
        )
        .bind(token_hash)
        .bind(now.to_db())
        .fetch_one(&self.read)
        .await?;
        Ok(row.col::<i64>("ok")? == 1 && row.col::<i64>("users")? == 0)
    }

    /// Uses the link once: creates the organisation (name only) and its first
    /// administrator atomically, and burns every other setup link.
    #[crate::boxing::boxed_future]
    pub async fn complete_setup(
        &self,
        token_hash: &str,
        org_name: &str,
        admin: NewUser,
        event: AuditEvent,
    ) -> Result<User> {
        let org = org::OrgSetup { name: org_name.into(), ..Default::default() };
        self.complete_setup_with(token_hash, &org, admin, event).await
    }

    /// As [`Store::complete_setup`], with the organisation's country and crisis lines.
    #[crate::boxing::boxed_future]
    pub async fn complete_setup_with(
        &self,
        token_hash: &str,
        org: &org::OrgSetup,
        admin: NewUser,
        mut event: AuditEvent,
    ) -> Result<User> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        let n = sqlx::query(
            "UPDATE setup_tokens SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1",
        )
        .bind(now.to_db())
        .bind(token_hash)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        let users: i64 = sqlx::query("SELECT COUNT(*) AS n FROM users").fetch_one(&mut *tx).await?.col("n")?;
        if n != 1 || users != 0 {
            return Err(StoreError::Invalid("this setup link has expired or was already used".into()));
        }
        sqlx::query("UPDATE setup_tokens SET used_at = $1 WHERE used_at IS NULL")
            .bind(now.to_db())
            .execute(&mut *tx)
            .await?;
        org::upsert_setup(&mut tx, org, now).await?;
        let user = insert_user(&mut tx, &admin).await?;
        event.actor_id = Some(user.id.to_string());
        audit::commit(tx, event.on(&user.id), now).await?;
        Ok(user)
    }

    // ---- login throttling -----------------------------------------------

    #[crate::boxing::boxed_future]
    pub async fn login_failures(&self, key: &str) -> Result<Option<FailureRecord>> {
        failures_in(&self.read, key).await
    }

    /// Reserves one attempt against `key` before the slow check (a password
    /// hash, a code): it counts as a failure until [`Store::release_attempt`]
    /// or [`Store::clear_login_failures`] takes it back, so simultaneous
    /// attempts cannot all pass one window. While the counter is within the
    /// policy's free attempts (or forgotten), one conditional `UPDATE` admits
    /// and counts the attempt atomically; once delays apply, the core rule
    /// decides and a compare-and-set on the counter admits one attempt per
    /// delay. `Err(wait)` when the attempt is refused now (nothing counted).
    #[crate::boxing::boxed_future]
    pub async fn reserve_attempt(
        &self,
        key: &str,
        policy: &ThrottlePolicy,
        now: Timestamp,
    ) -> Result<std::result::Result<(), time::Duration>> {
        let forget_before = now.minus(policy.forget_after).to_db();
        for _ in 0..8 {
            let free = sqlx::query(
                "UPDATE login_failures SET \
                 failures = CASE WHEN last_failure_at < $3 THEN 1 ELSE failures + 1 END, last_failure_at = $2 \
                 WHERE key = $1 AND (last_failure_at < $3 OR failures < $4)",
            )
            .bind(key)
            .bind(now.to_db())
            .bind(&forget_before)
            .bind(policy.free_failures)
            .execute(&self.write)
            .await?
            .rows_affected();
            if free == 1 {
                return Ok(Ok(()));
            }
            let Some(rec) = self.failures_for_update(key).await? else {
                let inserted = sqlx::query(
                    "INSERT INTO login_failures (key, failures, last_failure_at) VALUES ($1, 1, $2) \
                     ON CONFLICT (key) DO NOTHING",
                )
                .bind(key)
                .bind(now.to_db())
                .execute(&self.write)
                .await?
                .rows_affected();
                if inserted == 1 {
                    return Ok(Ok(()));
                }
                continue;
            };
            let failures = match policy.admit(Some(rec), now) {
                Ok(n) => n,
                Err(wait) => return Ok(Err(wait)),
            };
            // Past the free attempts and the delay has run out: one attempt
            // gets this turn; losing the race means another one took it.
            let won = sqlx::query(
                "UPDATE login_failures SET failures = $1, last_failure_at = $2 \
                 WHERE key = $3 AND failures = $4 AND last_failure_at = $5",
            )
            .bind(failures)
            .bind(now.to_db())
            .bind(key)
            .bind(rec.failures)
            .bind(rec.last_failure_at.to_db())
            .execute(&self.write)
            .await?
            .rows_affected();
            if won == 1 {
                return Ok(Ok(()));
            }
        }
        Ok(Err(time::Duration::seconds(1)))
    }

    /// Takes back one reserved attempt that turned out to be a success (for
    /// counters that a success does not clear, such as a source address).
    #[crate::boxing::boxed_future]
    pub async fn release_attempt(&self, key: &str) -> Result<()> {
        sqlx::query("UPDATE login_failures SET failures = failures - 1 WHERE key = $1 AND failures > 0")
            .bind(key)
            .execute(&self.write)
            .await?;
        Ok(())
    }

    /// The counter as the writer sees it (SQLite: the one write connection, so
    /// the compare-and-set above compares against the latest value).
    async fn failures_for_update(&self, key: &str) -> Result<Option<FailureRecord>> {
        failures_in(&self.write, key).await
    }

    // ---- remembered devices ---------------------------------------------

    /// Remembers the browser that just completed a sign-in (or refreshes it).
    #[crate::boxing::boxed_future]
    pub async fn remember_device(&self, token_hash: &str, user_id: &Id, now: Timestamp) -> Result<()> {
        sqlx::query(
            "INSERT INTO known_devices (token_hash, user_id, created_at, last_used_at) VALUES ($1, $2, $3, $3) \
             ON CONFLICT (token_hash) DO UPDATE SET last_used_at = $3 WHERE known_devices.user_id = $2",
        )
        .bind(token_hash)
        .bind(user_id.as_str())
        .bind(now.to_db())
        .execute(&self.write)
        .await?;
        Ok(())
    }

    /// Whether this device completed a sign-in of `user_id` since `since`.
    #[crate::boxing::boxed_future]
    pub async fn device_known(&self, token_hash: &str, user_id: &Id, since: Timestamp) -> Result<bool> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n FROM known_devices WHERE token_hash = $1 AND user_id = $2 AND last_used_at >= $3",
        )
        .bind(token_hash)
        .bind(user_id.as_str())
        .bind(since.to_db())
        .fetch_one(&self.read)
        .await?;
        Ok(row.col::<i64>("n")? > 0)
    }

    /// Housekeeping: forgets failure counters older than `failures_before`,
    /// setup links that expired before `now` and devices unused for longer
    /// than a remembered device lasts.
    #[crate::boxing::boxed_future]
    pub async fn purge_login_state(&self, failures_before: Timestamp, now: Timestamp) -> Result<u64> {
        let a = sqlx::query("DELETE FROM login_failures WHERE last_failure_at < $1")
            .bind(failures_before.to_db())
            .execute(&self.write)
            .await?
            .rows_affected();
        let b = sqlx::query("DELETE FROM setup_tokens WHERE expires_at < $1")
            .bind(now.to_db())
            .execute(&self.write)
            .await?
            .rows_affected();
        let c = sqlx::query("DELETE FROM known_devices WHERE last_used_at < $1")
            .bind(now.minus(rapport_core::session::REMEMBERED_DEVICE_LIFETIME).to_db())
            .execute(&self.write)
            .await?
            .rows_affected();
        Ok(a + b + c)
    }

    #[crate::boxing::boxed_future]
    pub async fn clear_login_failures(&self, key: &str) -> Result<()> {
        sqlx::query("DELETE FROM login_failures WHERE key = $1").bind(key).execute(&self.write).await?;
        Ok(())
    }
}

/// The login-failure counter of `key`, read from `pool`.
async fn failures_in(pool: &sqlx::AnyPool, key: &str) -> Result<Option<FailureRecord>> {
    let row = sqlx::query("SELECT failures, last_failure_at FROM login_failures WHERE key = $1")
        .bind(key)
        .fetch_optional(pool)
        .await?;
    row.map(|r| {
        Ok(FailureRecord { failures: r.col("failures")?, last_failure_at: ts(&r.col::<String>("last_failure_at")?) })
    })
    .transpose()
}
