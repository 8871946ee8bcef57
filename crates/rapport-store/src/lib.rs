//! Rapport's storage layer: one SQL text per operation, run on embedded SQLite
//! or on PostgreSQL through sqlx's `Any` driver.
//!
//! Why `Any` rather than an enum of pools: every query is written once and
//! compiled once, and the backends differ only in connection set-up and in
//! their migration folders (see docs/decisions.md). Portable SQL only: `$N`
//! placeholders, `RETURNING`, `ON CONFLICT`, TEXT timestamps and ids, BIGINT
//! integers, no JSON operators or date arithmetic.

pub mod adaptations;
pub mod audit;
mod boxing;
pub mod calendar;
mod card_refresh;
pub mod caseload_cards;
pub mod caseload_lists;
pub mod clients;
pub mod courses;
pub mod escalation;
pub mod fhir;
pub mod fidelity;
pub mod formulation;
pub mod groups;
pub mod import;
mod inline_read;
pub mod keyfile;
pub mod kiosk;
pub mod links;
mod list_refresh;
pub mod measures;
pub mod mfa;
pub mod migrations;
pub mod notes;
mod open;
pub mod org;
pub mod outbox;
mod outcome_rows;
pub mod portal;
pub mod records;
pub mod reminders;
pub mod reports;
pub mod research;
pub mod row;
pub mod sessions;
pub mod today;
pub mod users;
pub mod wal_checkpoints;

use rapport_core::secrets::Keyring;
use rapport_core::Timestamp;
use sqlx::{AnyPool, Executor};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// Which audit entries to read (`Store::audit_entries`), newest first.
#[derive(Clone, Debug, Default)]
pub struct AuditFilter {
    pub client_id: Option<String>,
    pub actor_id: Option<String>,
    pub action: Option<String>,
    pub outcome: Option<String>,
    /// Inclusive lower bound on time.
    pub from: Option<Timestamp>,
    /// Exclusive upper bound on time.
    pub until: Option<Timestamp>,
    /// Only entries with a sequence number below this (keyset paging, newest first).
    pub before_seq: Option<i64>,
    pub limit: i64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("{0}")]
    Config(String),
    #[error("the record was changed by someone else; reload and try again")]
    Conflict,
    #[error("not found")]
    NotFound,
    #[error("{0}")]
    Invalid(String),
    #[error("the audit log could not be written: {0}")]
    Audit(String),
    #[error("a stored secret cannot be used: {0}")]
    Secret(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Where the data lives.
#[derive(Clone, Debug)]
pub enum Target {
    /// The default: `rapport.db` inside the data directory, created if missing.
    DataDir(PathBuf),
    /// `postgres://…` / `postgresql://…`, or `sqlite://PATH` for an existing file.
    Url(String),
}

impl Target {
    pub fn describe(&self) -> String {
        match self {
            Target::DataDir(d) => format!("SQLite database {}", d.join(DB_FILE).display()),
            Target::Url(u) => redact_url(u),
        }
    }
}

pub const DB_FILE: &str = "rapport.db";

/// Hides the password in a database URL for logs and messages.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{}:***{}", &url[..s + 3], user, &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

#[derive(Clone)]
pub struct Store {
    backend: Backend,
    /// SQLite: a single connection, so writers never race for the lock;
    /// PostgreSQL: the same pool as `read`.
    write: AnyPool,
    read: AnyPool,
    audit: audit::GroupCommitter,
    /// SQLite: the hottest reads, on the calling thread (`hot_rows`); PostgreSQL: none.
    inline: Option<Arc<inline_read::InlineReaders>>,
    /// SQLite: the server's background WAL checkpoints (`wal_checkpoints`).
    wal_checkpoints: Option<Arc<wal_checkpoints::WalCheckpoints>>,
    /// Seals and opens TOTP secrets (`None`: a URL store opened without a key).
    secrets: Option<Arc<Keyring>>,
}

/// Where the key that seals TOTP secrets at rest comes from (docs/operations.md).
#[derive(Clone, Debug, Default)]
pub enum SecretsKey {
    /// A data-directory store: `secrets.key` in that folder, created if missing.
    /// A URL store: no key, so two-step verification secrets can be neither
    /// stored nor read (and opening fails if the database holds plain ones).
    #[default]
    Default,
    /// A key file (current key first, then previous keys); `create`: write a new
    /// key there if the file is missing.
    File { path: PathBuf, create: bool },
    /// Keys given directly (tests; callers that load keys their own way).
    Keys(Arc<Keyring>),
}

#[derive(Clone, Debug)]
pub struct OpenOptions {
    pub max_connections: u32,
    pub connect_timeout: Duration,
    pub secrets: SecretsKey,
    /// Apply pending migrations when opening (the default), or refuse to
    /// open a database that needs any (`--no-migrate`: a database role
    /// without `CREATE` can then run the server).
    pub migrate: bool,
}

impl Default for OpenOptions {
    fn default() -> Self {
        OpenOptions {
            max_connections: 16,
            connect_timeout: Duration::from_secs(5),
            secrets: SecretsKey::Default,
            migrate: true,
        }
    }
}

impl Store {
    /// Starts a write transaction. SQLite: `BEGIN IMMEDIATE` takes the write
    /// lock up front, so a transaction that reads before it writes waits its turn
    /// (busy_timeout) instead of failing when another process committed first.
    pub(crate) async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>> {
        begin_write(self.backend, &self.write).await
    }

    /// The rows of a read on a request's hot path (a session, a token, the
    /// caseload page): on SQLite without a hand-off to a worker thread
    /// (`inline_read`, decision 59), on PostgreSQL through the pool; the same
    /// SQL text and rows either way. Only for reads bounded by one request's
    /// needs (a session, a page of a list, one client's answers), which take
    /// microseconds: they hold the runtime's thread while they run.
    pub(crate) async fn hot_rows<'q>(
        &self,
        mut query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    ) -> Result<Vec<sqlx::any::AnyRow>> {
        use sqlx::Execute;
        match &self.inline {
            Some(readers) => {
                let sql = query.sql();
                let arguments = query.take_arguments().map_err(sqlx::Error::Encode)?;
                Ok(readers.fetch_all(sql, arguments)?)
            }
            None => Ok(query.fetch_all(&self.read).await?),
        }
    }

    /// The first row of a hot read (`hot_rows`), if any.
    pub(crate) async fn hot_row<'q>(
        &self,
        query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    ) -> Result<Option<sqlx::any::AnyRow>> {
        Ok(self.hot_rows(query).await?.into_iter().next())
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Readiness: one round trip to the database.
    #[crate::boxing::boxed_future]
    pub async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1").execute(&self.read).await?;
        Ok(())
    }

    #[crate::boxing::boxed_future]
    pub async fn close(&self) {
        self.audit.shutdown().await;
        self.write.close().await;
        self.read.close().await;
    }

    /// SQLite only: a consistent copy of the live database (`VACUUM INTO`).
    #[crate::boxing::boxed_future]
    pub async fn backup_sqlite(&self, to: &Path) -> Result<()> {
        if self.backend != Backend::Sqlite {
            return Err(StoreError::Config(
                "rapport backup copies SQLite databases; back up PostgreSQL with pg_dump (see docs/operations.md)"
                    .into(),
            ));
        }
        if to.exists() {
            return Err(StoreError::Config(format!("{} already exists; choose a new file", to.display())));
        }
        let path = to.to_str().ok_or_else(|| StoreError::Config("backup path must be UTF-8".into()))?;
        sqlx::query("VACUUM INTO $1").bind(path).execute(&self.write).await?;
        Ok(())
    }
}

/// Begins in a task of its own, so that a caller that goes away (a client
/// disconnecting drops its request's future) cannot stop a begin half-way.
/// sqlx 0.8's SQLite `begin_with` awaits twice, the BEGIN and then a check
/// that the connection is in a transaction; dropped between the two, it left
/// the connection in a transaction no `Transaction` owned, and as the writer
/// pool has one connection, every later write failed until a restart
/// (`a_write_abandoned_at_any_point_leaves_the_store_writable`). In its own
/// task the begin always finishes; if nobody awaits it any more, the
/// `Transaction` is dropped there, which rolls it back.
pub(crate) async fn begin_write(backend: Backend, pool: &AnyPool) -> Result<sqlx::Transaction<'static, sqlx::Any>> {
    let pool = pool.clone();
    let begin = tokio::spawn(async move {
        match backend {
            Backend::Sqlite => pool.begin_with("BEGIN IMMEDIATE").await,
            Backend::Postgres => pool.begin().await,
        }
    });
    // The task only fails to finish if it panicked or the runtime is shutting down.
    let joined = begin.await.map_err(|e| sqlx::Error::Io(std::io::Error::other(format!("beginning a write: {e}"))))?;
    Ok(joined?)
}

pub(crate) fn ts(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap_or_else(|| panic!("corrupt timestamp in database: {s:?}"))
}

pub(crate) fn opt_ts(s: Option<String>) -> Option<Timestamp> {
    s.as_deref().map(ts)
}

/// Test support: creates an empty, uniquely named database on the PostgreSQL
/// server behind `base_url` and returns its URL. Used by the test suites of this
/// and the web crate (`RAPPORT_TEST_POSTGRES_URL`).
#[crate::boxing::boxed_future]
pub async fn scratch_postgres_database(base_url: &str) -> Result<String> {
    use sqlx::Connection;
    sqlx::any::install_default_drivers();
    let name = format!("rapport_t_{}", rapport_core::Id::new().as_str().replace('-', ""));
    let mut conn = sqlx::AnyConnection::connect(base_url).await?;
    conn.execute(format!("CREATE DATABASE {name}").as_str()).await?;
    conn.close().await?;
    let (prefix, _) = base_url.rsplit_once('/').ok_or_else(|| StoreError::Config("database URL has no path".into()))?;
    Ok(format!("{prefix}/{name}"))
}
