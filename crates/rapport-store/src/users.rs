//! Staff accounts and supervision links.

use crate::outbox::{queue_notices, Notice};
use crate::row::Named;
use crate::{audit, ts, Result, Store, StoreError};
use rapport_core::access::Role;
use rapport_core::audit::AuditEvent;
use rapport_core::{Id, Timestamp};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User {
    pub id: Id,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub practises: bool,
    pub active: bool,
    /// Two-step verification is on.
    pub mfa_enabled: bool,
    pub created_at: Timestamp,
    /// Where they work (a facilitator registers clients there).
    pub site_id: Option<Id>,
    /// The language they chose for the interface (None: negotiated).
    pub language: Option<String>,
}

/// A client someone is responsible for that still needs them: an open
/// (planned or active) course or a risk flag not yet closed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Responsibility {
    pub client_id: Id,
    pub client_name: String,
    pub open_courses: i64,
    pub open_flags: i64,
}

impl Responsibility {
    /// "2 open courses, 1 open risk flag".
    pub fn describe(&self) -> String {
        let n = |k: i64, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
        let mut parts = Vec::new();
        if self.open_courses > 0 {
            parts.push(n(self.open_courses, "open course", "open courses"));
        }
        if self.open_flags > 0 {
            parts.push(n(self.open_flags, "open risk flag", "open risk flags"));
        }
        parts.join(", ")
    }
}

const RESPONSIBILITIES: &str = "SELECT c.id, c.display_name, \
     (SELECT COUNT(*) FROM courses k WHERE k.client_id = c.id AND k.status IN ('planned', 'active')) AS open_courses, \
     (SELECT COUNT(*) FROM risk_flags f WHERE f.client_id = c.id AND f.status <> 'closed') AS open_flags \
     FROM clients c WHERE c.responsible_clinician_id = $1 \
     AND (EXISTS (SELECT 1 FROM courses k WHERE k.client_id = c.id AND k.status IN ('planned', 'active')) \
          OR EXISTS (SELECT 1 FROM risk_flags f WHERE f.client_id = c.id AND f.status <> 'closed')) \
     ORDER BY c.sort_name, c.id";

async fn responsibilities_on(conn: &mut sqlx::AnyConnection, user: &Id) -> Result<Vec<Responsibility>> {
    sqlx::query(RESPONSIBILITIES)
        .bind(user.as_str())
        .fetch_all(conn)
        .await?
        .iter()
        .map(|r| {
            Ok(Responsibility {
                client_id: Id::from_db(r.col("id")?),
                client_name: r.col("display_name")?,
                open_courses: r.col("open_courses")?,
                open_flags: r.col("open_flags")?,
            })
        })
        .collect()
}

/// Refusing to deactivate someone who is still responsible for clients (the
/// message of `StoreError::Invalid`; the caller lists them with
/// `Store::open_responsibilities`).
pub const STILL_RESPONSIBLE: &str =
    "this person is the responsible clinician of clients with open courses or open risk flags: reassign them first";

#[derive(Clone, Debug)]
pub struct NewUser {
    pub email: String,
    pub name: String,
    pub role: Role,
    pub practises: bool,
    pub password_hash: String,
    pub site_id: Option<Id>,
}

pub(crate) const USER_COLUMNS: &str =
    "u.id, u.email, u.name, u.role, u.practises, u.active, u.created_at, u.totp_enabled_at, u.site_id, u.language";

pub(crate) fn user_from_row(row: &sqlx::any::AnyRow) -> Result<User> {
    user_from_columns(row, &USER_NAMES)
}

/// `USER_COLUMNS` with each name prefixed `owner_`, for a row that also holds
/// another record's `id`, `email` or `created_at` (a token and the client it reads).
pub(crate) const OWNER_COLUMNS: &str = "u.id AS owner_id, u.email AS owner_email, u.name AS owner_name, \
     u.role AS owner_role, u.practises AS owner_practises, u.active AS owner_active, \
     u.created_at AS owner_created_at, u.totp_enabled_at AS owner_totp_enabled_at, \
     u.site_id AS owner_site_id, u.language AS owner_language";

pub(crate) fn owner_from_row(row: &sqlx::any::AnyRow) -> Result<User> {
    user_from_columns(row, &OWNER_NAMES)
}

/// A user's column names as a row holds them: plain, or with `OWNER_COLUMNS`'
/// `owner_` prefix. Fixed tables rather than names formatted per row: the
/// owner is read on every API request.
struct UserNames {
    id: &'static str,
    email: &'static str,
    name: &'static str,
    role: &'static str,
    practises: &'static str,
    active: &'static str,
    totp_enabled_at: &'static str,
    created_at: &'static str,
    site_id: &'static str,
    language: &'static str,
}

const USER_NAMES: UserNames = UserNames {
    id: "id",
    email: "email",
    name: "name",
    role: "role",
    practises: "practises",
    active: "active",
    totp_enabled_at: "totp_enabled_at",
    created_at: "created_at",
    site_id: "site_id",
    language: "language",
};

const OWNER_NAMES: UserNames = UserNames {
    id: "owner_id",
    email: "owner_email",
    name: "owner_name",
    role: "owner_role",
    practises: "owner_practises",
    active: "owner_active",
    totp_enabled_at: "owner_totp_enabled_at",
    created_at: "owner_created_at",
    site_id: "owner_site_id",
    language: "owner_language",
};

fn user_from_columns(row: &sqlx::any::AnyRow, name: &UserNames) -> Result<User> {
    let role: String = row.col(name.role)?;
    Ok(User {
        id: Id::from_db(row.col(name.id)?),
        email: row.col(name.email)?,
        name: row.col(name.name)?,
        role: role.parse().map_err(StoreError::Invalid)?,
        practises: row.col::<i64>(name.practises)? != 0,
        active: row.col::<i64>(name.active)? != 0,
        mfa_enabled: row.col::<Option<String>>(name.totp_enabled_at)?.is_some(),
        created_at: ts(&row.col::<String>(name.created_at)?),
        site_id: row.col::<Option<String>>(name.site_id)?.map(Id::from_db),
        language: row.col(name.language)?,
    })
}

/// E-mail addresses are compared case-insensitively; stored lowercase.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Who can be responsible for courses or groups, as a condition on `users`.
const COURSE_HOLDERS: &str =
    "role IN ('clinician', 'facilitator', 'supervisor') OR (role <> 'client' AND practises = 1)";

impl Store {
    #[crate::boxing::boxed_future]
    pub async fn count_users(&self) -> Result<i64> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM users").fetch_one(&self.read).await?;
        Ok(row.col("n")?)
    }

    #[crate::boxing::boxed_future]
    pub async fn create_user(&self, new: NewUser, mut event: AuditEvent) -> Result<User> {
        let mut tx = self.begin_write().await?;
        let user = insert_user(&mut tx, &new).await?;
        event.resource_id = Some(user.id.to_string());
        audit::append(&mut tx, event, Timestamp::now()).await?;
        tx.commit().await?;
        Ok(user)
    }

    #[crate::boxing::boxed_future]
    pub async fn user_by_email(&self, email: &str) -> Result<Option<(User, String)>> {
        let sql = format!("SELECT {USER_COLUMNS}, u.password_hash FROM users u WHERE u.email = $1");
        let row = sqlx::query(&sql).bind(normalise_email(email)).fetch_optional(&self.read).await?;
        row.map(|r| Ok((user_from_row(&r)?, r.col("password_hash")?))).transpose()
    }

    #[crate::boxing::boxed_future]
    pub async fn user(&self, id: &Id) -> Result<Option<User>> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users u WHERE u.id = $1");
        let row = sqlx::query(&sql).bind(id.as_str()).fetch_optional(&self.read).await?;
        row.map(|r| user_from_row(&r)).transpose()
    }

    #[crate::boxing::boxed_future]
    pub async fn password_hash(&self, id: &Id) -> Result<String> {
        let row = sqlx::query("SELECT password_hash FROM users WHERE id = $1")
            .bind(id.as_str())
            .fetch_optional(&self.read)
            .await?
            .ok_or(StoreError::NotFound)?;
        Ok(row.col("password_hash")?)
    }

    /// Staff accounts (client portal accounts are managed from each client's record).
    #[crate::boxing::boxed_future]
    pub async fn users(&self) -> Result<Vec<User>> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users u WHERE u.role <> 'client' ORDER BY u.active DESC, u.name");
        let rows = sqlx::query(&sql).fetch_all(&self.read).await?;
        rows.iter().map(user_from_row).collect()
    }

    /// Who can be responsible for courses or groups (clinicians, facilitators,
    /// supervisors, practising administrators; active or not): ids and names
    /// only, for the programme reports' clinician filter, which at a large
    /// organisation lists tens of thousands.
    ///
    /// One text rather than a row each (sqlx decodes each value on its own:
    /// at 25,000 clinicians the rows were a tenth of a breakdown by
    /// clinician's samples under `perf`): `id FIELD name` records between
    /// CARD separators (`card_refresh`). An id never holds a separator and a
    /// name holds no control character (validation), so nothing is lost; a
    /// CARD in a name from elsewhere would be dropped rather than split it.
    #[crate::boxing::boxed_future]
    pub async fn course_holders(&self) -> Result<Vec<(Id, String)>> {
        use crate::card_refresh::{CARD, FIELD};
        let sql = format!(
            "SELECT string_agg(id || '{FIELD}' || REPLACE(name, '{CARD}', ''), '{CARD}') AS holders \
             FROM users WHERE {COURSE_HOLDERS}"
        );
        let text: Option<String> = sqlx::query(&sql).fetch_one(&self.read).await?.col("holders")?;
        text.as_deref()
            .unwrap_or_default()
            .split(CARD)
            .filter(|r| !r.is_empty())
            .map(|r| {
                let (id, name) = r
                    .split_once(FIELD)
                    .ok_or_else(|| StoreError::from(sqlx::Error::Decode(format!("a course holder: {r:?}").into())))?;
                Ok((Id::from_db(id.to_string()), name.to_string()))
            })
            .collect()
    }

    /// One course holder's id and name, as in [`Store::course_holders`]; None
    /// when `id` is not one.
    #[crate::boxing::boxed_future]
    pub async fn course_holder(&self, id: &Id) -> Result<Option<(Id, String)>> {
        let row = sqlx::query(&format!("SELECT id, name FROM users WHERE id = $1 AND ({COURSE_HOLDERS})"))
            .bind(id.as_str())
            .fetch_optional(&self.read)
            .await?;
        row.map(|r| Ok((Id::from_db(r.col("id")?), r.col("name")?))).transpose()
    }

    /// The names of the users `ids` (any role; unknown ids are left out).
    #[crate::boxing::boxed_future]
    pub async fn user_names(&self, ids: &[Id]) -> Result<Vec<(Id, String)>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let marks: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
        let sql = format!("SELECT id, name FROM users WHERE id IN ({})", marks.join(", "));
        let mut q = sqlx::query(&sql);
        for id in ids {
            q = q.bind(id.as_str());
        }
        self.hot_rows(q).await?.iter().map(|r| Ok((Id::from_db(r.col("id")?), r.col("name")?))).collect()
    }

    /// How many course holders there are (see [`Store::course_holders`]).
    #[crate::boxing::boxed_future]
    pub async fn course_holder_count(&self) -> Result<i64> {
        let r = sqlx::query(&format!("SELECT COUNT(*) AS n FROM users WHERE {COURSE_HOLDERS}"))
            .fetch_one(&self.read)
            .await?;
        Ok(r.col("n")?)
    }

    /// Course holders whose name contains `term` (letters compared without
    /// case, as far as the database lowers them), by name, at most `limit`.
    #[crate::boxing::boxed_future]
    pub async fn course_holders_named(&self, term: &str, limit: i64) -> Result<Vec<(Id, String)>> {
        let rows = sqlx::query(&format!(
            "SELECT id, name FROM users WHERE ({COURSE_HOLDERS}) AND LOWER(name) LIKE $1 ESCAPE '\\' \
             ORDER BY name, id LIMIT $2"
        ))
        .bind(crate::clients::like_pattern(term))
        .bind(limit)
        .fetch_all(&self.read)
        .await?;
        rows.iter().map(|r| Ok((Id::from_db(r.col("id")?), r.col("name")?))).collect()
    }

    /// Staff who may join a care team (active clinicians, supervisors and practising admins).
    #[crate::boxing::boxed_future]
    pub async fn practising_staff(&self) -> Result<Vec<User>> {
        let sql = format!(
            "SELECT {USER_COLUMNS} FROM users u WHERE u.active = 1 \
             AND (u.role IN ('clinician', 'supervisor') OR (u.role = 'admin' AND u.practises = 1)) ORDER BY u.name"
        );
        let rows = sqlx::query(&sql).fetch_all(&self.read).await?;
        rows.iter().map(user_from_row).collect()
    }

    /// Changes name, role and practising flag; `notices` (e.g. of a role
    /// change) are queued in the same transaction.
    #[crate::boxing::boxed_future]
    pub async fn update_user(
        &self,
        id: &Id,
        name: &str,
        role: Role,
        practises: bool,
        event: AuditEvent,
        notices: &[Notice],
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let q = sqlx::query("UPDATE users SET name = $1, role = $2, practises = $3, updated_at = $4 WHERE id = $5")
            .bind(name)
            .bind(role.as_str())
            .bind(practises as i64)
            .bind(Timestamp::now().to_db())
            .bind(id.as_str());
        one_user(&mut tx, q).await?;
        let now = Timestamp::now();
        queue_notices(&mut tx, notices, now).await?;
        audit::commit(tx, event, now).await?;
        Ok(())
    }

    /// Saves the language someone chose for the interface (None: negotiate it again).
    #[crate::boxing::boxed_future]
    pub async fn set_user_language(&self, id: &Id, language: Option<&str>, event: AuditEvent) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let now = Timestamp::now();
        let q = sqlx::query("UPDATE users SET language = $1, updated_at = $2 WHERE id = $3")
            .bind(language.map(str::to_string))
            .bind(now.to_db())
            .bind(id.as_str());
        one_user(&mut tx, q).await?;
        audit::commit(tx, event, now).await?;
        Ok(())
    }

    /// Deactivation ends every session and revokes every API token of the
    /// account in the same transaction (ASVS 7.4.2): reactivating the account
    /// later does not bring old tokens back.
    /// Activates or deactivates an account. Deactivating someone still
    /// responsible for clients with open courses or open risk flags is refused
    /// ([`STILL_RESPONSIBLE`]): nobody would see those clients' flags.
    #[crate::boxing::boxed_future]
    pub async fn set_user_active(&self, id: &Id, active: bool, event: AuditEvent) -> Result<()> {
        let mut tx = self.begin_write().await?;
        if !active && !responsibilities_on(&mut tx, id).await?.is_empty() {
            return Err(StoreError::Invalid(STILL_RESPONSIBLE.into()));
        }
        let q = sqlx::query("UPDATE users SET active = $1, updated_at = $2 WHERE id = $3")
            .bind(active as i64)
            .bind(Timestamp::now().to_db())
            .bind(id.as_str());
        one_user(&mut tx, q).await?;
        if !active {
            sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(id.as_str()).execute(&mut *tx).await?;
            sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL")
                .bind(Timestamp::now().to_db())
                .bind(id.as_str())
                .execute(&mut *tx)
                .await?;
        }
        audit::append(&mut tx, event, Timestamp::now()).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Sets a new password hash; ends every other session of the user.
    /// `notices` (of a reset by an administrator) are queued in the same transaction.
    #[crate::boxing::boxed_future]
    pub async fn set_password(
        &self,
        id: &Id,
        hash: &str,
        keep_session: Option<&str>,
        event: AuditEvent,
        notices: &[Notice],
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3")
            .bind(hash)
            .bind(Timestamp::now().to_db())
            .bind(id.as_str())
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND id_hash <> $2")
            .bind(id.as_str())
            .bind(keep_session.unwrap_or(""))
            .execute(&mut *tx)
            .await?;
        let now = Timestamp::now();
        queue_notices(&mut tx, notices, now).await?;
        audit::commit(tx, event, now).await?;
        Ok(())
    }

    /// Replaces a rehash after login when parameters were raised (no audit: not a change by a person).
    #[crate::boxing::boxed_future]
    pub async fn upgrade_password_hash(&self, id: &Id, hash: &str) -> Result<()> {
        sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
            .bind(hash)
            .bind(id.as_str())
            .execute(&self.write)
            .await?;
        Ok(())
    }

    /// Clinicians supervised by `supervisor`.
    #[crate::boxing::boxed_future]
    pub async fn supervisees(&self, supervisor: &Id) -> Result<Vec<Id>> {
        let rows = sqlx::query("SELECT clinician_id FROM supervision WHERE supervisor_id = $1 ORDER BY clinician_id")
            .bind(supervisor.as_str())
            .fetch_all(&self.read)
            .await?;
        rows.iter().map(|r| Ok(Id::from_db(r.col("clinician_id")?))).collect()
    }

    /// Replaces whom `supervisor` supervises; `notices` (of the change) are
    /// queued in the same transaction.
    #[crate::boxing::boxed_future]
    pub async fn set_supervisees(
        &self,
        supervisor: &Id,
        clinicians: &[Id],
        event: AuditEvent,
        notices: &[Notice],
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM supervision WHERE supervisor_id = $1")
            .bind(supervisor.as_str())
            .execute(&mut *tx)
            .await?;
        let now = Timestamp::now().to_db();
        for c in clinicians {
            sqlx::query("INSERT INTO supervision (supervisor_id, clinician_id, created_at) VALUES ($1, $2, $3)")
                .bind(supervisor.as_str())
                .bind(c.as_str())
                .bind(&now)
                .execute(&mut *tx)
                .await?;
        }
        crate::groups::refresh_reach(&mut tx).await?;
        let at = Timestamp::now();
        queue_notices(&mut tx, notices, at).await?;
        audit::commit(tx, event, at).await?;
        Ok(())
    }
}

pub(crate) async fn insert_user(tx: &mut sqlx::Transaction<'static, sqlx::Any>, new: &NewUser) -> Result<User> {
    let id = Id::new();
    let now = Timestamp::now();
    let email = normalise_email(&new.email);
    let exists =
        sqlx::query("SELECT 1 AS one FROM users WHERE email = $1").bind(&email).fetch_optional(&mut **tx).await?;
    if exists.is_some() {
        return Err(StoreError::Invalid(format!("an account with email {email} already exists")));
    }
    sqlx::query(
        "INSERT INTO users (id, email, name, role, practises, password_hash, active, created_at, updated_at, site_id) \
         VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $7, $8)",
    )
    .bind(id.as_str())
    .bind(&email)
    .bind(&new.name)
    .bind(new.role.as_str())
    .bind(new.practises as i64)
    .bind(&new.password_hash)
    .bind(now.to_db())
    .bind(new.site_id.as_ref().map(|s| s.as_str().to_string()))
    .execute(&mut **tx)
    .await?;
    Ok(User {
        id,
        email,
        name: new.name.clone(),
        role: new.role,
        practises: new.practises,
        active: true,
        mfa_enabled: false,
        created_at: now,
        site_id: new.site_id.clone(),
        language: None,
    })
}

impl Store {
    /// The clients `user` is responsible for that have an open course or an
    /// open risk flag, by name.
    #[crate::boxing::boxed_future]
    pub async fn open_responsibilities(&self, user: &Id) -> Result<Vec<Responsibility>> {
        let mut conn = self.read.acquire().await?;
        responsibilities_on(&mut conn, user).await
    }

    /// Hands clients of `from` to new responsible clinicians, all or nothing:
    /// each (client, to) must still be `from`'s, and `to` an active caseload
    /// holder other than `from`, who joins the care team when not a member.
    /// One audit entry per client (`event` completed with the client).
    #[crate::boxing::boxed_future]
    pub async fn reassign_responsible(&self, from: &Id, moves: &[(Id, Id)], event: AuditEvent) -> Result<()> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        let mut events = Vec::with_capacity(moves.len());
        for (client, to) in moves {
            if to == from {
                return Err(StoreError::Invalid("choose someone other than the person leaving".into()));
            }
            let holder = sqlx::query("SELECT name, role, practises, active FROM users WHERE id = $1")
                .bind(to.as_str())
                .fetch_optional(&mut *tx)
                .await?
                .ok_or_else(|| StoreError::Invalid("the new responsible clinician does not exist".into()))?;
            let role: String = holder.col("role")?;
            let caseload = match role.parse::<Role>().ok() {
                Some(Role::Clinician | Role::Supervisor) => true,
                Some(Role::Admin) => holder.col::<i64>("practises")? != 0,
                _ => false,
            };
            if holder.col::<i64>("active")? == 0 || !caseload {
                return Err(StoreError::Invalid(
                    "the new responsible clinician must be an active account that holds a caseload".into(),
                ));
            }
            let n = sqlx::query(
                "UPDATE clients SET responsible_clinician_id = $1, version = version + 1, updated_at = $2 \
                 WHERE id = $3 AND responsible_clinician_id = $4",
            )
            .bind(to.as_str())
            .bind(now.to_db())
            .bind(client.as_str())
            .bind(from.as_str())
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if n == 0 {
                return Err(StoreError::Invalid(format!("client {client} is no longer this person's to hand over")));
            }
            sqlx::query(
                "INSERT INTO care_team (client_id, user_id, responsible, added_at) VALUES ($1, $2, 0, $3) \
                 ON CONFLICT (client_id, user_id) DO NOTHING",
            )
            .bind(client.as_str())
            .bind(to.as_str())
            .bind(now.to_db())
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "UPDATE care_team SET responsible = CASE WHEN user_id = $2 THEN 1 ELSE 0 END WHERE client_id = $1",
            )
            .bind(client.as_str())
            .bind(to.as_str())
            .execute(&mut *tx)
            .await?;
            let mut e = event.clone();
            e.resource_type = "client".into();
            e.resource_id = Some(client.to_string());
            e.client_id = Some(client.to_string());
            let name: String = holder.col("name")?;
            e.detail = Some(format!("responsible clinician {from} -> {to} ({name})"));
            events.push(e);
        }
        if !events.is_empty() {
            audit::append_many(&mut tx, events, now).await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

/// Runs a change of one user (the query bound): `NotFound` when no user matched.
async fn one_user<'q>(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    q: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
) -> Result<()> {
    if q.execute(&mut **tx).await?.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}
