//! The client portal: client accounts and their invitations, what the care
//! team shares, the between-session diary and the client's reflections.
//!
//! A client account is a `users` row with role `client`, tied to one client by
//! `portal_accounts`. Invitation codes are stored only as SHA-256; a code is
//! consumed in the same transaction that creates (or resets) the account.

use crate::outbox::{queue_notices, Notice};
use crate::row::Named;
use crate::users::{insert_user, NewUser, User};
use crate::{audit, opt_ts, ts, Result, Store, StoreError};
use rapport_core::access::Role;
use rapport_core::audit::AuditEvent;
use rapport_core::notes::MoodEffect;
use rapport_core::portal::{DiaryEntry, InvitePurpose, ReflectionTopic};
use rapport_core::time::{format_date, parse_date};
use rapport_core::{Id, Timestamp};
use time::Date;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InviteStatus {
    Open,
    Used,
    Expired,
    Revoked,
}

impl InviteStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            InviteStatus::Open => "open",
            InviteStatus::Used => "used",
            InviteStatus::Expired => "expired",
            InviteStatus::Revoked => "revoked",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PortalInvite {
    pub id: Id,
    pub client_id: Id,
    /// Where it was e-mailed; `None` for a printed invitation.
    pub email: Option<String>,
    pub created_by_name: String,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
    pub used_at: Option<Timestamp>,
    pub revoked_at: Option<Timestamp>,
    pub purpose: InvitePurpose,
}

impl PortalInvite {
    pub fn status(&self, now: Timestamp) -> InviteStatus {
        if self.used_at.is_some() {
            InviteStatus::Used
        } else if self.revoked_at.is_some() {
            InviteStatus::Revoked
        } else if self.expires_at <= now {
            InviteStatus::Expired
        } else {
            InviteStatus::Open
        }
    }
}

/// A client's portal account as the care team sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PortalAccount {
    pub user_id: Id,
    pub client_id: Id,
    pub email: String,
    pub active: bool,
    pub created_at: Timestamp,
    /// The latest activity of any open session.
    pub last_seen_at: Option<Timestamp>,
}

/// What the portal shows the client, as set by the care team.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PortalSharing {
    pub chart_hidden: bool,
    pub plan_shared: bool,
}

/// An invitation e-mail, queued in the outbox with the invitation.
#[derive(Clone, Debug)]
pub struct InviteMail {
    pub to: String,
    pub subject: String,
    pub body: String,
}

/// The outcome of joining with a code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Join {
    /// The account (new, or the client's existing one with a new password).
    Joined(User),
    /// Unknown, used, revoked or expired: nothing changed.
    Refused,
    /// Another account already uses that e-mail address: nothing changed.
    EmailTaken,
    /// A joining code for a client who already has an account: nothing
    /// changed (only a reset code may change an existing account).
    AccountExists,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiaryRow {
    pub id: Id,
    pub client_id: Id,
    pub entry: DiaryEntry,
    pub created_at: Timestamp,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReflectionRow {
    pub id: Id,
    pub course_id: Option<Id>,
    pub topic: ReflectionTopic,
    pub body: String,
    pub created_at: Timestamp,
}

fn invite_from_row(r: &sqlx::any::AnyRow) -> Result<PortalInvite> {
    Ok(PortalInvite {
        id: Id::from_db(r.col("id")?),
        client_id: Id::from_db(r.col("client_id")?),
        email: r.col("email")?,
        created_by_name: r.col("created_by_name")?,
        created_at: ts(&r.col::<String>("created_at")?),
        expires_at: ts(&r.col::<String>("expires_at")?),
        used_at: opt_ts(r.col("used_at")?),
        revoked_at: opt_ts(r.col("revoked_at")?),
        purpose: {
            let p: String = r.col("purpose")?;
            InvitePurpose::parse(&p).ok_or_else(|| corrupt("invitation purpose", &p))?
        },
    })
}

fn corrupt(what: &str, v: &str) -> StoreError {
    StoreError::Invalid(format!("corrupt {what} in database: {v:?}"))
}

fn diary_from_row(r: &sqlx::any::AnyRow) -> Result<DiaryRow> {
    let day: String = r.col("entry_date")?;
    let effect: Option<String> = r.col("effect")?;
    let effect = match effect {
        None => None,
        Some(e) => Some(MoodEffect::parse(&e).ok_or_else(|| corrupt("diary effect", &e))?),
    };
    Ok(DiaryRow {
        id: Id::from_db(r.col("id")?),
        client_id: Id::from_db(r.col("client_id")?),
        entry: DiaryEntry {
            date: parse_date(&day).ok_or_else(|| corrupt("diary date", &day))?,
            mood: r.col::<Option<i64>>("mood")?.map(|m| m.clamp(0, 10) as u8),
            person: r.col("person")?,
            event: r.col("event")?,
            effect,
        },
        created_at: ts(&r.col::<String>("created_at")?),
    })
}

const INVITE_SELECT: &str = "SELECT i.id, i.client_id, i.email, u.name AS created_by_name, i.created_at, \
     i.expires_at, i.used_at, i.revoked_at, i.purpose FROM portal_invites i JOIN users u ON u.id = i.created_by";

impl Store {
    /// Stores a new invitation for `code_hash` (the caller shows or sends the
    /// code) and revokes the client's earlier open ones; with `mail`, queues
    /// the invitation e-mail in the outbox in the same transaction, with any
    /// `notices` (a reset tells the account's current address). A joining
    /// invitation for a client who already has an account is a `Conflict`.
    #[allow(clippy::too_many_arguments)]
    #[crate::boxing::boxed_future]
    pub async fn create_portal_invite(
        &self,
        code_hash: &str,
        client: &Id,
        by: &Id,
        expires_at: Timestamp,
        purpose: InvitePurpose,
        mail: Option<InviteMail>,
        notices: &[Notice],
        event: AuditEvent,
    ) -> Result<Id> {
        let id = Id::new();
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        let has_account = sqlx::query("SELECT user_id FROM portal_accounts WHERE client_id = $1")
            .bind(client.as_str())
            .fetch_optional(&mut *tx)
            .await?
            .is_some();
        if has_account && purpose == InvitePurpose::Join {
            tx.rollback().await?;
            return Err(StoreError::Conflict);
        }
        sqlx::query(
            "UPDATE portal_invites SET revoked_at = $2 WHERE client_id = $1 AND used_at IS NULL AND revoked_at IS NULL",
        )
        .bind(client.as_str())
        .bind(now.to_db())
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO portal_invites (id, code_hash, client_id, email, created_by, created_at, expires_at, purpose) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(id.as_str())
        .bind(code_hash)
        .bind(client.as_str())
        .bind(mail.as_ref().map(|m| m.to.clone()))
        .bind(by.as_str())
        .bind(now.to_db())
        .bind(expires_at.to_db())
        .bind(purpose.as_str())
        .execute(&mut *tx)
        .await?;
        queue_notices(&mut tx, notices, now).await?;
        if let Some(m) = &mail {
            sqlx::query(
                "INSERT INTO outbox (id, kind, recipient_email, subject, body, client_id, created_at) \
                 VALUES ($1, 'portal_invite', $2, $3, $4, $5, $6)",
            )
            .bind(Id::new().as_str())
            .bind(&m.to)
            .bind(&m.subject)
            .bind(&m.body)
            .bind(client.as_str())
            .bind(now.to_db())
            .execute(&mut *tx)
            .await?;
        }
        audit::commit(tx, event.on(&id).for_client(client), now).await?;
        Ok(id)
    }

    /// The invitation with this code hash, whatever its status.
    #[crate::boxing::boxed_future]
    pub async fn portal_invite(&self, code_hash: &str) -> Result<Option<PortalInvite>> {
        let sql = format!("{INVITE_SELECT} WHERE i.code_hash = $1");
        let row = sqlx::query(&sql).bind(code_hash).fetch_optional(&self.read).await?;
        row.as_ref().map(invite_from_row).transpose()
    }

    /// A client's invitations, newest first.
    #[crate::boxing::boxed_future]
    pub async fn client_portal_invites(&self, client: &Id) -> Result<Vec<PortalInvite>> {
        let sql = format!("{INVITE_SELECT} WHERE i.client_id = $1 ORDER BY i.created_at DESC, i.id DESC");
        let rows = sqlx::query(&sql).bind(client.as_str()).fetch_all(&self.read).await?;
        rows.iter().map(invite_from_row).collect()
    }

    /// Revokes one open invitation of this client; false when there was none.
    #[crate::boxing::boxed_future]
    pub async fn revoke_portal_invite(&self, client: &Id, invite: &Id, event: AuditEvent) -> Result<bool> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        let n = sqlx::query(
            "UPDATE portal_invites SET revoked_at = $3 WHERE id = $1 AND client_id = $2 \
             AND used_at IS NULL AND revoked_at IS NULL",
        )
        .bind(invite.as_str())
        .bind(client.as_str())
        .bind(now.to_db())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        audit::commit(tx, event.on(invite).for_client(client), now).await?;
        Ok(true)
    }

    /// Consumes an open invitation and, in the same transaction, creates the
    /// client's account; a reset code instead gives the existing account this
    /// e-mail and password, reactivates it and ends its sessions. A joining
    /// code never touches an existing account.
    #[crate::boxing::boxed_future]
    pub async fn join_portal(
        &self,
        code_hash: &str,
        email: &str,
        name: &str,
        password_hash: &str,
        mut event: AuditEvent,
    ) -> Result<Join> {
        let now = Timestamp::now();
        let email = crate::users::normalise_email(email);
        let mut tx = self.begin_write().await?;
        let claimed = sqlx::query(
            "UPDATE portal_invites SET used_at = $2 WHERE code_hash = $1 AND used_at IS NULL \
             AND revoked_at IS NULL AND expires_at > $2",
        )
        .bind(code_hash)
        .bind(now.to_db())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if claimed != 1 {
            tx.rollback().await?;
            return Ok(Join::Refused);
        }
        let invite = sqlx::query("SELECT client_id, purpose FROM portal_invites WHERE code_hash = $1")
            .bind(code_hash)
            .fetch_one(&mut *tx)
            .await?;
        let client: String = invite.col("client_id")?;
        let purpose: String = invite.col("purpose")?;
        let existing: Option<String> = sqlx::query("SELECT user_id FROM portal_accounts WHERE client_id = $1")
            .bind(&client)
            .fetch_optional(&mut *tx)
            .await?
            .map(|r| r.col("user_id"))
            .transpose()?;
        let taken = sqlx::query("SELECT id FROM users WHERE email = $1")
            .bind(&email)
            .fetch_optional(&mut *tx)
            .await?
            .map(|r| r.col::<String>("id"))
            .transpose()?
            .is_some_and(|owner| existing.as_deref() != Some(owner.as_str()));
        if existing.is_some() && purpose != InvitePurpose::Reset.as_str() {
            tx.rollback().await?;
            return Ok(Join::AccountExists);
        }
        if taken {
            tx.rollback().await?;
            return Ok(Join::EmailTaken);
        }
        let user = match existing {
            Some(uid) => {
                let old_email: String = sqlx::query("SELECT email FROM users WHERE id = $1")
                    .bind(&uid)
                    .fetch_one(&mut *tx)
                    .await?
                    .col("email")?;
                let change = if old_email == email {
                    "e-mail unchanged".to_string()
                } else {
                    format!("e-mail changed from {old_email}")
                };
                let before = event.detail.take().unwrap_or_default();
                event.detail = Some(format!("{before}; reset code: new password, {change}, sessions ended"));
                sqlx::query(
                    "UPDATE users SET email = $2, password_hash = $3, active = 1, updated_at = $4 WHERE id = $1",
                )
                .bind(&uid)
                .bind(&email)
                .bind(password_hash)
                .bind(now.to_db())
                .execute(&mut *tx)
                .await?;
                sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(&uid).execute(&mut *tx).await?;
                let sql = format!("SELECT {} FROM users u WHERE u.id = $1", crate::users::USER_COLUMNS);
                crate::users::user_from_row(&sqlx::query(&sql).bind(&uid).fetch_one(&mut *tx).await?)?
            }
            None => {
                let new = NewUser {
                    email: email.clone(),
                    name: name.to_string(),
                    role: Role::Client,
                    practises: false,
                    password_hash: password_hash.to_string(),
                    site_id: None,
                };
                let user = insert_user(&mut tx, &new).await?;
                sqlx::query("INSERT INTO portal_accounts (user_id, client_id, created_at) VALUES ($1, $2, $3)")
                    .bind(user.id.as_str())
                    .bind(&client)
                    .bind(now.to_db())
                    .execute(&mut *tx)
                    .await?;
                user
            }
        };
        event.actor_id = Some(user.id.to_string());
        event.resource_id = Some(user.id.to_string());
        event.client_id = Some(client);
        audit::commit(tx, event, now).await?;
        Ok(Join::Joined(user))
    }

    /// The client whose portal account this user is (active accounts only).
    #[crate::boxing::boxed_future]
    pub async fn portal_client_of(&self, user: &Id) -> Result<Option<Id>> {
        let row = sqlx::query(
            "SELECT p.client_id FROM portal_accounts p JOIN users u ON u.id = p.user_id \
             WHERE p.user_id = $1 AND u.active = 1",
        )
        .bind(user.as_str())
        .fetch_optional(&self.read)
        .await?;
        Ok(row.map(|r| r.col::<String>("client_id").map(Id::from_db)).transpose()?)
    }

    /// The client's portal account, if one was ever created.
    #[crate::boxing::boxed_future]
    pub async fn client_portal_account(&self, client: &Id) -> Result<Option<PortalAccount>> {
        let row = sqlx::query(
            "SELECT p.user_id, p.client_id, u.email, u.active, p.created_at, \
             (SELECT MAX(s.last_seen_at) FROM sessions s WHERE s.user_id = p.user_id) AS last_seen_at \
             FROM portal_accounts p JOIN users u ON u.id = p.user_id WHERE p.client_id = $1",
        )
        .bind(client.as_str())
        .fetch_optional(&self.read)
        .await?;
        row.map(|r| {
            Ok(PortalAccount {
                user_id: Id::from_db(r.col("user_id")?),
                client_id: Id::from_db(r.col("client_id")?),
                email: r.col("email")?,
                active: r.col::<i64>("active")? != 0,
                created_at: ts(&r.col::<String>("created_at")?),
                last_seen_at: opt_ts(r.col("last_seen_at")?),
            })
        })
        .transpose()
    }

    /// Turns the client's account off and ends its sessions; false when there is no active account.
    #[crate::boxing::boxed_future]
    pub async fn disable_portal_account(&self, client: &Id, mut event: AuditEvent) -> Result<bool> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        let uid: Option<String> = sqlx::query(
            "SELECT p.user_id FROM portal_accounts p JOIN users u ON u.id = p.user_id \
             WHERE p.client_id = $1 AND u.active = 1",
        )
        .bind(client.as_str())
        .fetch_optional(&mut *tx)
        .await?
        .map(|r| r.col("user_id"))
        .transpose()?;
        let Some(uid) = uid else {
            tx.rollback().await?;
            return Ok(false);
        };
        sqlx::query("UPDATE users SET active = 0, updated_at = $2 WHERE id = $1")
            .bind(&uid)
            .bind(now.to_db())
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(&uid).execute(&mut *tx).await?;
        event.resource_id = Some(uid);
        audit::commit(tx, event.for_client(client), now).await?;
        Ok(true)
    }

    #[crate::boxing::boxed_future]
    pub async fn portal_sharing(&self, client: &Id) -> Result<PortalSharing> {
        let row = sqlx::query("SELECT portal_chart_hidden, portal_plan_shared FROM clients WHERE id = $1")
            .bind(client.as_str())
            .fetch_optional(&self.read)
            .await?
            .ok_or(StoreError::NotFound)?;
        Ok(PortalSharing {
            chart_hidden: row.col::<i64>("portal_chart_hidden")? != 0,
            plan_shared: row.col::<i64>("portal_plan_shared")? != 0,
        })
    }

    #[crate::boxing::boxed_future]
    pub async fn set_portal_sharing(&self, client: &Id, s: PortalSharing, event: AuditEvent) -> Result<()> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        let n = sqlx::query("UPDATE clients SET portal_chart_hidden = $2, portal_plan_shared = $3 WHERE id = $1")
            .bind(client.as_str())
            .bind(s.chart_hidden as i64)
            .bind(s.plan_shared as i64)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        audit::commit(tx, event.on(client).for_client(client), now).await?;
        Ok(())
    }

    /// The client's preferred language (a change of their details: the
    /// record's version moves on, so an edit begun before it is not saved over it).
    #[crate::boxing::boxed_future]
    pub async fn set_client_language(&self, client: &Id, language: &str, event: AuditEvent) -> Result<()> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        let n = sqlx::query(
            "UPDATE clients SET preferred_language = $2, version = version + 1, updated_at = $3 WHERE id = $1",
        )
        .bind(client.as_str())
        .bind(language)
        .bind(now.to_db())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        audit::commit(tx, event.on(client).for_client(client), now).await?;
        Ok(())
    }

    #[crate::boxing::boxed_future]
    pub async fn add_diary_entry(&self, client: &Id, e: &DiaryEntry, by: &Id, event: AuditEvent) -> Result<Id> {
        let id = Id::new();
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO diary_entries (id, client_id, entry_date, mood, person, event, effect, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(id.as_str())
        .bind(client.as_str())
        .bind(format_date(e.date))
        .bind(e.mood.map(i64::from))
        .bind(e.person.clone())
        .bind(e.event.clone())
        .bind(e.effect.map(|x| x.as_str()))
        .bind(by.as_str())
        .bind(now.to_db())
        .execute(&mut *tx)
        .await?;
        audit::commit(tx, event.on(&id).for_client(client), now).await?;
        Ok(id)
    }

    /// Diary entries dated after `after` (exclusive) up to `until` (inclusive),
    /// newest day first, at most `limit`.
    #[crate::boxing::boxed_future]
    pub async fn diary_entries(
        &self,
        client: &Id,
        after: Option<Date>,
        until: Option<Date>,
        limit: i64,
    ) -> Result<Vec<DiaryRow>> {
        let rows = sqlx::query(
            "SELECT id, client_id, entry_date, mood, person, event, effect, created_at FROM diary_entries \
             WHERE client_id = $1 AND entry_date > $2 AND entry_date <= $3 \
             ORDER BY entry_date DESC, created_at DESC LIMIT $4",
        )
        .bind(client.as_str())
        .bind(after.map(format_date).unwrap_or_else(|| "0000-00-00".into()))
        .bind(until.map(format_date).unwrap_or_else(|| "9999-12-31".into()))
        .bind(limit)
        .fetch_all(&self.read)
        .await?;
        rows.iter().map(diary_from_row).collect()
    }

    #[allow(clippy::too_many_arguments)]
    #[crate::boxing::boxed_future]
    pub async fn add_reflection(
        &self,
        client: &Id,
        course: Option<&Id>,
        topic: ReflectionTopic,
        body: &str,
        by: &Id,
        event: AuditEvent,
    ) -> Result<Id> {
        let id = Id::new();
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO portal_reflections (id, client_id, course_id, topic, body, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(id.as_str())
        .bind(client.as_str())
        .bind(course.map(|c| c.to_string()))
        .bind(topic.as_str())
        .bind(body)
        .bind(by.as_str())
        .bind(now.to_db())
        .execute(&mut *tx)
        .await?;
        audit::commit(tx, event.on(&id).for_client(client), now).await?;
        Ok(id)
    }

    /// The client's reflections, newest first.
    #[crate::boxing::boxed_future]
    pub async fn reflections(&self, client: &Id) -> Result<Vec<ReflectionRow>> {
        let rows = sqlx::query(
            "SELECT id, course_id, topic, body, created_at FROM portal_reflections WHERE client_id = $1 \
             ORDER BY created_at DESC, id DESC",
        )
        .bind(client.as_str())
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|r| {
                let topic: String = r.col("topic")?;
                Ok(ReflectionRow {
                    id: Id::from_db(r.col("id")?),
                    course_id: r.col::<Option<String>>("course_id")?.map(Id::from_db),
                    topic: ReflectionTopic::parse(&topic).ok_or_else(|| corrupt("reflection topic", &topic))?,
                    body: r.col("body")?,
                    created_at: ts(&r.col::<String>("created_at")?),
                })
            })
            .collect()
    }
}
