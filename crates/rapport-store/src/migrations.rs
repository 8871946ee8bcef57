//! Which migrations a database has and which it still needs: for
//! `rapport migrate --dry-run`, and for `--no-migrate`, which refuses to open
//! a database that is behind (a role without `CREATE` cannot migrate it).

use crate::row::Named;
use crate::{Backend, Result, StoreError};
use sqlx::AnyPool;

/// Migrations by name ("0042 caseload cards"), compared with those this
/// version of Rapport carries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MigrationStatus {
    /// Applied, and known to this version.
    pub applied: Vec<String>,
    /// Carried by this version, not applied yet (or failed half-way).
    pub pending: Vec<String>,
    /// Applied by a newer version: this one must not open the database.
    pub unknown: Vec<String>,
}

fn name(version: i64, description: &str) -> String {
    format!("{version:04} {description}")
}

/// Every migration this version carries for `backend`, by name.
pub fn shipped(backend: Backend) -> Vec<String> {
    migrator(backend)
        .iter()
        .filter(|m| m.migration_type.is_up_migration())
        .map(|m| name(m.version, &m.description))
        .collect()
}

/// The status of a database that has never been migrated.
pub(crate) fn empty(backend: Backend) -> MigrationStatus {
    MigrationStatus { pending: shipped(backend), ..Default::default() }
}

/// Reads the applied migrations (sqlx's own table) and compares them with the
/// shipped ones. A database without that table has none applied.
pub(crate) async fn status_of(backend: Backend, pool: &AnyPool) -> Result<MigrationStatus> {
    let rows = match sqlx::query("SELECT version, description FROM _sqlx_migrations WHERE success ORDER BY version")
        .fetch_all(pool)
        .await
    {
        Ok(rows) => rows,
        Err(sqlx::Error::Database(e))
            if e.code().as_deref() == Some("42P01") || e.message().contains("no such table") =>
        {
            return Ok(empty(backend));
        }
        Err(e) => return Err(e.into()),
    };
    let mut applied_versions = Vec::new();
    let mut out = MigrationStatus::default();
    for r in &rows {
        let version: i64 = r.col("version")?;
        let description: String = r.col("description")?;
        applied_versions.push(version);
        if migrator(backend).iter().any(|m| m.version == version) {
            out.applied.push(name(version, &description));
        } else {
            out.unknown.push(name(version, &description));
        }
    }
    out.pending = migrator(backend)
        .iter()
        .filter(|m| m.migration_type.is_up_migration() && !applied_versions.contains(&m.version))
        .map(|m| name(m.version, &m.description))
        .collect();
    Ok(out)
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

fn migrator(backend: Backend) -> &'static sqlx::migrate::Migrator {
    match backend {
        Backend::Sqlite => &SQLITE_MIGRATIONS,
        Backend::Postgres => &POSTGRES_MIGRATIONS,
    }
}

/// Brings the schema up to date, or (`apply` false) refuses a database that
/// is behind. Either way a database migrated by a newer Rapport is refused
/// before anything touches it.
pub(crate) async fn migrate(backend: Backend, pool: &AnyPool, apply: bool) -> Result<()> {
    let status = status_of(backend, pool).await?;
    if let Some(newer) = status.unknown.first() {
        return Err(StoreError::Config(format!(
            "this database has migration {newer}, which this version of Rapport does not know: it was upgraded by a \
             newer Rapport. Run that version, or restore the backup taken before the upgrade (docs/operations.md)"
        )));
    }
    if !apply {
        if !status.pending.is_empty() {
            return Err(StoreError::Config(format!(
                "the database needs {} migration(s) ({}) and --no-migrate was given; run `rapport migrate` \
                 with a database role that may create tables, then start again",
                status.pending.len(),
                match status.pending.as_slice() {
                    [first, _, _, .., last] => format!("{first} … {last}"),
                    few => few.join(", "),
                }
            )));
        }
        return Ok(());
    }
    migrator(backend).run(pool).await?;
    Ok(())
}

/// Names of the migrations each backend carries (they must be identical).
pub fn migration_names() -> (Vec<String>, Vec<String>) {
    let names = |m: &sqlx::migrate::Migrator| m.iter().map(|m| format!("{}_{}", m.version, m.description)).collect();
    (names(&SQLITE_MIGRATIONS), names(&POSTGRES_MIGRATIONS))
}
