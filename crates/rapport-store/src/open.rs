//! Opening the store: the database file or server, the connection pools and
//! their pragmas, migrations, and the key that seals secrets at rest (plain
//! TOTP secrets left by an older version are sealed here, before first use).

use crate::{
    audit, keyfile, mfa, redact_url, Backend, OpenOptions, Result, SecretsKey, Store, StoreError, Target, DB_FILE,
};
use rapport_core::secrets::Keyring;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

/// Loads the keyring the options name for this target; also says whether its file was created just now.
fn load_keyring(target: &Target, source: &SecretsKey) -> Result<Option<(Arc<Keyring>, Option<PathBuf>)>> {
    let (path, create) = match (source, target) {
        (SecretsKey::Keys(k), _) => return Ok(Some((k.clone(), None))),
        (SecretsKey::Default, Target::Url(_)) => return Ok(None),
        (SecretsKey::Default, Target::DataDir(dir)) => (dir.join(keyfile::SECRETS_KEY_FILE), true),
        (SecretsKey::File { path, create }, _) => (path.clone(), *create),
    };
    let (text, created) = keyfile::read_or_create(&path, create, "secrets key file")?;
    let ring =
        Keyring::parse(&text).map_err(|e| StoreError::Config(format!("secrets key file {}: {e}", path.display())))?;
    Ok(Some((Arc::new(ring), created.then_some(path))))
}

impl Store {
    /// Connects, checks the database answers, and runs pending migrations.
    #[crate::boxing::boxed_future]
    pub async fn open(target: &Target, opts: OpenOptions) -> Result<Store> {
        sqlx::any::install_default_drivers();
        // The SQLite file, for the reads on the calling thread (decision 59).
        let (backend, url, sqlite_file) = match target {
            // Without migrations there is nothing to make a new database with.
            Target::DataDir(dir) if !opts.migrate && !dir.join(DB_FILE).is_file() => {
                return Err(StoreError::Config(format!(
                    "there is no database in {} and --no-migrate was given: run `rapport migrate` to create it",
                    dir.display()
                )));
            }
            Target::DataDir(dir) => {
                std::fs::create_dir_all(dir)
                    .map_err(|e| StoreError::Config(format!("cannot create data directory {}: {e}", dir.display())))?;
                let file = dir.join(DB_FILE);
                (Backend::Sqlite, sqlite_url(&file, true), Some(file))
            }
            Target::Url(url) => parse_url(url)?,
        };
        let wal_checkpoints = sqlite_file.as_deref().map(|f| Arc::new(crate::wal_checkpoints::WalCheckpoints::new(f)));
        let (write, read) = match backend {
            Backend::Sqlite => {
                let write = sqlite_pool(&url, 1, opts.connect_timeout).await?;
                // WAL is a property of the file: set once, before readers open.
                write.execute("PRAGMA journal_mode = WAL").await?;
                // Few readers on purpose: every commit (and every read is audited, so
                // commits are constant) empties each reader's page cache. With a
                // reader per core, most reads find the cache warm; SQLite work is
                // CPU-bound, so more readers would not add parallelism (measured in bench/).
                let readers = std::thread::available_parallelism().map(|n| n.get() as u32).unwrap_or(2).clamp(2, 8);
                let read = sqlite_pool(&url, opts.max_connections.clamp(2, readers), opts.connect_timeout).await?;
                (write, read)
            }
            Backend::Postgres => {
                let pool = postgres_pool(&url, opts.max_connections, opts.connect_timeout).await?;
                (pool.clone(), pool)
            }
        };
        let inline = match &sqlite_file {
            Some(file) => Some(Arc::new(
                crate::inline_read::InlineReaders::open(file)
                    .map_err(|e| StoreError::Config(format!("cannot open SQLite database for reading: {e}")))?,
            )),
            None => None,
        };
        crate::migrations::migrate(backend, &write, opts.migrate).await?;
        // After connecting and migrating: a bad URL, or a database this
        // version may not open, leaves no key file behind.
        let keyring = load_keyring(target, &opts.secrets)?;
        crate::caseload_cards::build_if_needed(backend, &write).await?;
        let (secrets, created) = match keyring {
            Some((k, created)) => (Some(k), created),
            None => (None, None),
        };
        mfa::seal_plain_secrets(backend, &write, secrets.as_deref(), created.as_deref()).await?;
        let audit = audit::GroupCommitter::start(backend, write.clone());
        Ok(Store { backend, write, read, audit, inline, wal_checkpoints, secrets })
    }
}

impl Store {
    /// Which migrations the database at `target` has and still needs,
    /// changing nothing: a data folder without a database yet needs them all
    /// (and is not created).
    #[crate::boxing::boxed_future]
    pub async fn migration_status(
        target: &Target,
        opts: OpenOptions,
    ) -> Result<(Backend, crate::migrations::MigrationStatus)> {
        sqlx::any::install_default_drivers();
        let (backend, url, _) = match target {
            Target::DataDir(dir) => {
                let file = dir.join(DB_FILE);
                if !file.is_file() {
                    return Ok((Backend::Sqlite, crate::migrations::empty(Backend::Sqlite)));
                }
                (Backend::Sqlite, sqlite_url(&file, false), Some(file))
            }
            Target::Url(url) => parse_url(url)?,
        };
        let pool = match backend {
            Backend::Sqlite => sqlite_pool(&url, 1, opts.connect_timeout).await?,
            Backend::Postgres => postgres_pool(&url, 1, opts.connect_timeout).await?,
        };
        let status = crate::migrations::status_of(backend, &pool).await;
        pool.close().await;
        Ok((backend, status?))
    }
}

fn sqlite_url(path: &Path, create: bool) -> String {
    format!("sqlite://{}?mode={}", path.display(), if create { "rwc" } else { "rw" })
}

/// The backend and connection URL a `--database-url` names, and for SQLite its file.
fn parse_url(url: &str) -> Result<(Backend, String, Option<PathBuf>)> {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        return Ok((Backend::Postgres, url.to_string(), None));
    }
    if let Some(rest) = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")) {
        let path = rest.split('?').next().unwrap_or_default();
        if path.is_empty() || !Path::new(path).is_file() {
            return Err(StoreError::Config(format!(
                "SQLite database {path:?} does not exist; to create a new one, omit --database-url and use --data-dir"
            )));
        }
        return Ok((Backend::Sqlite, sqlite_url(Path::new(path), false), Some(PathBuf::from(path))));
    }
    Err(StoreError::Config(format!(
        "unsupported database URL {:?}: expected postgres://USER@HOST/DB or sqlite://PATH",
        redact_url(url)
    )))
}

/// What both databases' pools share. Connections are kept for the life of
/// the process (no idle timeout, no maximum lifetime, no minimum), so sqlx
/// 0.8 starts no pool maintenance task: that task can read the idle count
/// while a returned connection is being counted back in, see it wrapped
/// round to 2^64 - 1 and loop that many times without yielding (sqlx issue
/// #3645, fixed in 0.9). A soak server caught in it held a core at 100 % and
/// never finished shutting down.
///
/// A connection that comes back still inside a transaction is closed (which
/// rolls it back) rather than kept: no write could begin on it again, and the
/// SQLite writer pool has only that one (decision 55). sqlx has flushed
/// queued rollbacks by then (it pings a returned connection first), so a
/// transaction dropped in the ordinary way does not count.
fn pool_options(max: u32, timeout: Duration) -> AnyPoolOptions {
    AnyPoolOptions::new()
        .max_connections(max)
        .min_connections(0)
        .idle_timeout(None)
        .max_lifetime(None)
        .acquire_timeout(timeout)
        .after_release(|conn, _| {
            Box::pin(async move {
                let keep = !sqlx::Connection::is_in_transaction(conn);
                if !keep {
                    tracing::error!("a database connection came back inside a transaction; closed it");
                }
                Ok(keep)
            })
        })
}

async fn postgres_pool(url: &str, max: u32, timeout: Duration) -> Result<AnyPool> {
    let connect = AnyConnectOptions::from_str(url)
        .map_err(|e| StoreError::Config(format!("invalid database URL {}: {e}", redact_url(url))))?;
    pool_options(max, timeout)
        .connect_with(connect)
        .await
        .map_err(|e| StoreError::Config(format!("cannot connect to PostgreSQL at {}: {e}", redact_url(url))))
}

async fn sqlite_pool(url: &str, max: u32, timeout: Duration) -> Result<AnyPool> {
    let connect = AnyConnectOptions::from_str(url)
        .map_err(|e| StoreError::Config(format!("invalid SQLite location {url}: {e}")))?;
    let pool = pool_options(max, timeout)
        // A local file cannot drop the connection; pinging it on every acquire
        // would cost a round trip to the connection's worker thread per query.
        .test_before_acquire(false)
        .after_connect(|conn, _| {
            Box::pin(async move {
                // FULL: every acknowledged commit is on disk even after a power
                // cut (WAL + NORMAL may lose the last commits); see docs/decisions.md.
                // No mmap: with a steady stream of audit appends the file keeps
                // growing and every read transaction would remap it (measured).
                conn.execute("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA synchronous = FULL;")
                    .await?;
                Ok(())
            })
        })
        .connect_with(connect)
        .await
        .map_err(|e| StoreError::Config(format!("cannot open SQLite database: {e}")))?;
    Ok(pool)
}

impl Store {
    /// SQLite: copies the write-ahead log into the database file from a thread
    /// of its own every `every`, so the commit that checkpoints finds little
    /// left to copy (see `wal_checkpoints`); for `rapport serve`. Once only;
    /// PostgreSQL: nothing to do.
    pub fn checkpoint_in_background(&self, every: Duration) -> Result<()> {
        let Some(checkpoints) = &self.wal_checkpoints else { return Ok(()) };
        checkpoints.start(every).map_err(StoreError::Config)
    }

    /// The background thread's last checkpoint (`None` before the first, or
    /// without one: PostgreSQL, or a store that was not asked to).
    pub fn last_background_checkpoint(&self) -> Option<crate::wal_checkpoints::Checkpoint> {
        self.wal_checkpoints.as_ref().and_then(|c| c.last())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// sqlx 0.8 spawns its pool maintenance task (the one that can spin
    /// forever) when a pool has an idle timeout, a maximum lifetime or a
    /// minimum size; Rapport's pools have none of them.
    #[test]
    fn pools_start_no_maintenance_task() {
        let options = pool_options(4, Duration::from_secs(5));
        assert_eq!(options.get_idle_timeout(), None);
        assert_eq!(options.get_max_lifetime(), None);
        assert_eq!(options.get_min_connections(), 0);
        assert_eq!(options.get_max_connections(), 4);
    }

    /// Whatever drops a begin half-way (sqlx 0.8's SQLite `begin_with`, used
    /// directly here rather than through `begin_write`, which avoids it), the
    /// pool does not keep a connection stuck in a transaction.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_connection_left_in_a_transaction_is_not_kept() {
        sqlx::any::install_default_drivers();
        let dir = tempfile::tempdir().unwrap();
        let url = sqlite_url(&dir.path().join("t.db"), true);
        let pool = sqlite_pool(&url, 1, Duration::from_secs(5)).await.unwrap();
        pool.execute("CREATE TABLE t (n INTEGER)").await.unwrap();
        for attempt in 0..300 {
            let turns = attempt % 150;
            let begin = pool.begin_with("BEGIN IMMEDIATE");
            tokio::select! {
                biased;
                tx = begin => drop(tx.unwrap()),
                _ = async { for _ in 0..turns { tokio::task::yield_now().await } } => {}
            }
        }
        let mut tx = pool.begin_with("BEGIN IMMEDIATE").await.expect("a write begins after 300 abandoned ones");
        sqlx::query("INSERT INTO t (n) VALUES (1)").execute(&mut *tx).await.unwrap();
        tx.commit().await.unwrap();
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM t").fetch_one(&pool).await.unwrap();
        assert_eq!(n, 1);
    }

    /// The thread copies the log while the writer keeps SQLite's automatic
    /// checkpoint, so the log is still restarted: it stays near its 1,000-page
    /// trigger however much is written (with the writer's checkpoint off it
    /// grew without end, decision 63), and every entry survives.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn background_checkpoints_copy_the_log_and_it_is_still_restarted() {
        use rapport_core::audit::AuditEvent;
        use sqlx::Row;
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&Target::DataDir(dir.path().into()), OpenOptions::default()).await.unwrap();
        assert_eq!(store.last_background_checkpoint(), None);
        store.checkpoint_in_background(Duration::from_millis(10)).unwrap();
        store.checkpoint_in_background(Duration::from_millis(10)).unwrap();
        let autocheckpoint: i64 =
            sqlx::query("PRAGMA wal_autocheckpoint").fetch_one(&store.write).await.unwrap().get(0);
        assert_eq!(autocheckpoint, 1000, "the writer keeps SQLite's automatic checkpoint");

        let event = AuditEvent {
            actor_label: "test".into(),
            action: "client.read".into(),
            resource_type: "client".into(),
            outcome: "success".into(),
            ..Default::default()
        };
        let wal = dir.path().join(format!("{DB_FILE}-wal"));
        let (mut copied_by_thread, mut restarts, mut last_frames, mut written) = (0, 0, 0, 0u64);
        while written < 4_000 || restarts < 3 {
            assert!(written < 200_000, "the log was restarted {restarts} times in {written} entries");
            for _ in 0..40 {
                store.audit(event.clone()).await.unwrap();
            }
            written += 40;
            if let Some(c) = store.last_background_checkpoint() {
                if c.checkpointed_frames > 0 {
                    copied_by_thread += 1;
                }
                if c.log_frames < last_frames {
                    restarts += 1;
                }
                last_frames = c.log_frames;
            }
        }
        assert!(copied_by_thread > 0, "the thread copied frames");
        // 1,000 pages of 4 KiB and their 24-byte headers, and the last commits past the trigger.
        let wal_bytes = std::fs::metadata(&wal).unwrap().len();
        assert!(wal_bytes < 1_100 * 4_120, "the log grew to {wal_bytes} bytes");
        assert!(store.audit_verify().await.unwrap() >= written, "every entry is kept and the chain holds");
    }
}
